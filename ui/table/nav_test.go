package table

import (
	"fmt"
	"strings"
	"testing"

	"linkdive/api"
	"linkdive/ui/theme"
)

// numbered is a table of n refdomains rows whose domain is d<i>.example.
func numbered(t testing.TB, n int) *api.Table {
	var b strings.Builder
	b.WriteString("domain_ascore;domain;backlinks_num\r\n")
	for i := range n {
		fmt.Fprintf(&b, "%d;d%d.example;%d\r\n", i%100, i, i*1000)
	}
	return parse(t, "refdomains", b.String())
}

type pos struct{ cursor, top int }

func at(m *Model) pos { return pos{m.Cursor(), m.State().Top} }

// Cursor and top arithmetic with 100 rows and 10 body lines (h = 11).
func TestNavigation(t *testing.T) {
	m := plainTable(numbered(t, 100), 40, 11)
	steps := []struct {
		name string
		do   func()
		want pos
	}{
		{"start", func() {}, pos{0, 0}},
		{"up at top", func() { m.Up(1) }, pos{0, 0}},
		{"down 9 stays on screen", func() { m.Down(9) }, pos{9, 0}},
		{"down 1 scrolls 1", func() { m.Down(1) }, pos{10, 1}},
		{"up 5 within screen", func() { m.Up(5) }, pos{5, 1}},
		{"up 5 scrolls", func() { m.Up(5) }, pos{0, 0}},
		{"page down", func() { m.PageDown() }, pos{10, 10}},
		{"page down", func() { m.PageDown() }, pos{20, 20}},
		{"page up", func() { m.PageUp() }, pos{10, 10}},
		{"bottom", func() { m.Bottom() }, pos{99, 90}},
		{"page down at bottom", func() { m.PageDown() }, pos{99, 90}},
		{"down past end", func() { m.Down(5) }, pos{99, 90}},
		{"page up from bottom", func() { m.PageUp() }, pos{89, 80}},
		{"top", func() { m.Top() }, pos{0, 0}},
		{"set cursor far", func() { m.SetCursor(55) }, pos{55, 46}},
		{"set cursor negative", func() { m.SetCursor(-3) }, pos{0, 0}},
		{"set cursor beyond", func() { m.SetCursor(1000) }, pos{99, 90}},
		{"resize taller keeps screen full", func() { m.SetSize(40, 31) }, pos{99, 70}},
		{"resize shorter keeps cursor on screen", func() { m.SetSize(40, 6) }, pos{99, 95}},
	}
	for _, s := range steps {
		s.do()
		if got := at(m); got != s.want {
			t.Fatalf("%s: cursor,top = %v, want %v", s.name, got, s.want)
		}
	}
	// The cursor row is the line drawn with the cursor marker.
	m.SetSize(40, 6)
	m.SetCursor(42)
	out := lines(m.View())
	for i, l := range out[1:] {
		marked := strings.HasPrefix(l, "›")
		if row := m.State().Top + i; marked != (row == 42) {
			t.Errorf("line %d (row %d) marker %v", i+1, row, marked)
		}
		if row := m.State().Top + i; !strings.Contains(l, fmt.Sprintf("d%d.example", row)) {
			t.Errorf("line %d shows %q, want row %d", i+1, l, row)
		}
	}
}

func TestNavigationEmptyAndTiny(t *testing.T) {
	m := plainTable(nil, 0, 0)
	m.Down(3)
	m.PageDown()
	m.Bottom()
	m.Right()
	m.Left()
	if at(m) != (pos{0, 0}) || m.NearEnd(5) {
		t.Errorf("empty table moved: %v", at(m))
	}
	if _, ok := m.ClickRow(1); ok {
		t.Error("click on an empty table found a row")
	}
	// Height 1: only the header; the cursor still moves row by row.
	m = plainTable(numbered(t, 10), 30, 1)
	m.Down(3)
	if at(m) != (pos{3, 3}) {
		t.Errorf("h=1: %v", at(m))
	}
	checkFrame(t, m.View(), 30, 1, m.method)
}

func TestRestore(t *testing.T) {
	tb := numbered(t, 500)
	m := plainTable(tb, 20, 11)
	m.SetCursor(250)
	m.Up(4)
	m.Right()
	saved := m.State()
	before := m.View()
	// Drill down elsewhere, come back.
	m.SetTable(numbered(t, 3))
	m.SetTable(tb)
	m.Restore(saved)
	if m.State() != saved {
		t.Errorf("restored %+v, want %+v", m.State(), saved)
	}
	if m.View() != before {
		t.Error("restored view differs")
	}
	// Restoring into a shorter table clamps.
	m.SetTable(numbered(t, 20))
	m.Restore(saved)
	if at(m) != (pos{19, 10}) {
		t.Errorf("clamped restore %v", at(m))
	}
}

func TestNearEnd(t *testing.T) {
	m := plainTable(numbered(t, 100), 40, 11)
	cases := []struct {
		cursor, margin int
		want           bool
	}{{0, 10, false}, {88, 10, false}, {89, 10, true}, {99, 0, true}, {98, 0, false}, {50, 1000, true}}
	for _, c := range cases {
		m.SetCursor(c.cursor)
		if got := m.NearEnd(c.margin); got != c.want {
			t.Errorf("cursor %d margin %d: %v", c.cursor, c.margin, got)
		}
	}
	// After a page is appended the cursor is no longer near the end.
	m.SetCursor(99)
	more := numbered(t, 100)
	if err := m.Table().Append(more); err != nil {
		t.Fatal(err)
	}
	m.Refresh()
	if m.NearEnd(10) || m.Len() != 200 {
		t.Errorf("after append: near end %v, len %d", m.NearEnd(10), m.Len())
	}
	if m.Position() != "100/200" {
		t.Errorf("Position %q", m.Position())
	}
}

func TestClickRow(t *testing.T) {
	m := plainTable(numbered(t, 30), 40, 11)
	m.SetCursor(25) // top 16
	cases := []struct {
		y, row int
		ok     bool
	}{{0, 0, false}, {1, 16, true}, {10, 25, true}, {11, 0, false}, {-1, 0, false}}
	for _, c := range cases {
		row, ok := m.ClickRow(c.y)
		if ok != c.ok || ok && row != c.row {
			t.Errorf("ClickRow(%d) = %d,%v; want %d,%v", c.y, row, ok, c.row, c.ok)
		}
	}
	m = plainTable(numbered(t, 3), 40, 11)
	if _, ok := m.ClickRow(5); ok {
		t.Error("click below the last row found one")
	}
}

func TestPositionThousands(t *testing.T) {
	m := plainTable(numbered(t, 4567), 40, 11)
	m.SetCursor(122)
	if got := m.Position(); got != "123/4,567" {
		t.Errorf("Position %q", got)
	}
}

func TestSearch(t *testing.T) {
	tb := parse(t, "backlinks", testdata(t, "fixtures/backlinks.csv"))
	m := plainTable(tb, 200, 8)
	if m.NextMatch() || m.Matches() != 0 || m.Searching() {
		t.Error("match without a query")
	}
	m.SetSearch("PODCAST alley") // case-insensitive, in titles
	if !m.Searching() {
		t.Error("not searching")
	}
	if got := m.Matches(); got != 3 {
		t.Errorf("Matches = %d, want 3", got)
	}
	var seen []int
	for range 4 {
		if !m.NextMatch() {
			t.Fatal("NextMatch found nothing")
		}
		seen = append(seen, m.Cursor())
	}
	if fmt.Sprint(seen) != "[2 3 4 2]" { // wraps
		t.Errorf("NextMatch visits %v", seen)
	}
	if !m.PrevMatch() || m.Cursor() != 4 { // wraps backwards from 2
		t.Errorf("PrevMatch -> %d", m.Cursor())
	}
	// Numbers are searched as shown (grouped); URLs without their scheme.
	m.SetSearch("https")
	if m.Matches() != 0 {
		t.Errorf("the hidden scheme matched: %d", m.Matches())
	}
	m.SetSearch("2020-01-13")
	if m.Matches() == 0 {
		t.Error("date not searchable as shown")
	}
	// Unicode folding.
	m.SetSearch("DÉFAUT")
	if m.Matches() != 1 || !m.NextMatch() || m.Cursor() != 0 {
		t.Errorf("unicode fold: %d matches, cursor %d", m.Matches(), m.Cursor())
	}
	m.SetSearch("nothing like this")
	c := m.Cursor()
	if m.NextMatch() || m.PrevMatch() || m.Cursor() != c {
		t.Error("no-match moved the cursor")
	}
	m.SetSearch("")
	if m.Searching() || m.Matches() != 0 {
		t.Error("cleared search still active")
	}
}

func TestSearchCountsAppendedRows(t *testing.T) {
	tb := numbered(t, 50)
	m := plainTable(tb, 40, 11)
	m.SetSearch("d1")
	if got := m.Matches(); got != 11 { // d1, d10..d19
		t.Errorf("Matches = %d, want 11", got)
	}
	page := numbered(t, 200).Slice(100, 200) // d100..d199
	if err := tb.Append(page); err != nil {
		t.Fatal(err)
	}
	if got := m.Matches(); got != 111 {
		t.Errorf("after append Matches = %d, want 111", got)
	}
	// Grouped numbers: backlinks 1,000 for row 1.
	m.SetSearch("1,000")
	if !m.RowMatches(1) || m.RowMatches(2) {
		t.Error("grouped number search")
	}
}

func TestSearchHighlight(t *testing.T) {
	th := theme.New(true, false)
	m := New(th)
	m.SetTable(parse(t, "backlinks", testdata(t, "fixtures/backlinks.csv")))
	m.SetSize(200, 6)
	m.SetSearch("podcast")
	m.NextMatch()
	out := m.View()
	hit := sgr(th.Match) + "Podcast" + sgrReset
	if strings.Count(out, hit) < 3 {
		t.Errorf("hits not highlighted:\n%q", out)
	}
	// The cursor row re-opens the selection after a hit.
	cur := lines(out)[1+m.Cursor()-m.State().Top]
	if !strings.Contains(cur, hit+sgr(th.Selected)) {
		t.Errorf("selection not re-opened after a hit: %q", cur)
	}
	// Search jumps centre an off-screen row.
	m2 := plainTable(numbered(t, 1000), 40, 11)
	m2.SetSearch("d777.")
	if !m2.NextMatch() || m2.Cursor() != 777 || m2.State().Top != 772 {
		t.Errorf("jump: %v", at(m2))
	}
}
