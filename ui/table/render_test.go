package table

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
	"linkdive/ui/theme"
)

const sampleBody = "page_ascore;source_url;source_title;external_num;first_seen;nofollow\r\n" +
	"76;https://news.example.cn/a;Short title;9876543210;1700001100;true\r\n" +
	"5;https://www.example.org/very/long/path/to/some/article-about-things.html;A very long title that will need to be cut somewhere;0;0;false\r\n" +
	";http://x.io/;;;;\r\n"

func lines(s string) []string { return strings.Split(s, "\n") }

func compareLines(t *testing.T, got string, want []string) {
	t.Helper()
	g := lines(got)
	if len(g) != len(want) {
		t.Errorf("%d lines, want %d", len(g), len(want))
	}
	for i := range want {
		if i < len(g) && g[i] != want[i] {
			t.Errorf("line %d\n got %q\nwant %q", i, g[i], want[i])
		}
	}
}

// The whole frame when every column fits: header with the sort arrow,
// right-aligned grouped numbers (past 2^31), dates, boolean markers
// (centred), URLs without scheme cut between host and tail, text cut with
// an ellipsis, blanks for empty values and 0 times, spare width given to
// the cut columns, blank lines below the rows, the cursor marker.
func TestViewGolden(t *testing.T) {
	m := plainTable(parse(t, "backlinks", sampleBody), 140, 6)
	m.SetSort("external_num", true)
	compareLines(t, m.View(), []string{
		"   Page AS Source URL                                          Source title                                 Ext. links ▼ First seen Nofollow",
		"›       76 news.example.cn/a                                   Short title                                 9,876,543,210 2023-11-14    ✓    ",
		"         5 www.example.org…/to/some/article-about-things.html  A very long title that will need to be cut…             0               ·    ",
		"           http://x.io                                                                                                                      ",
		"                                                                                                                                            ",
		"                                                                                                                                            ",
	})
	// Right is a no-op when everything fits.
	m.Right()
	if l, r := m.HiddenColumns(); l != 0 || r != 0 {
		t.Errorf("hidden columns %d,%d when all fit", l, r)
	}
	if !strings.HasPrefix(lines(m.View())[0], "   Page AS Source URL") {
		t.Error("Right scrolled a table that fits")
	}
}

// A table wider than the screen: the first column stays, the others scroll
// by whole columns, no further than needed to show the last one.
func TestViewHorizontalScroll(t *testing.T) {
	m := plainTable(parse(t, "backlinks", sampleBody), 60, 4)
	m.SetSort("external_num", true)
	compareLines(t, m.View(), []string{
		"   Page AS Source URL                                       ",
		"›       76 news.example.cn/a                                ",
		"         5 www.example.org…/some/article-about-things.html  ",
		"           http://x.io                                      ",
	})
	if l, r := m.HiddenColumns(); l != 0 || r != 4 {
		t.Errorf("hidden = %d,%d; want 0,4", l, r)
	}
	m.Right()
	m.Right()
	m.Right() // one more than useful: stays
	compareLines(t, m.View(), []string{
		"   Page AS  Ext. links ▼ First seen Nofollow                ",
		"›       76 9,876,543,210 2023-11-14    ✓                    ",
		"         5             0               ·                    ",
		"                                                            ",
	})
	if l, r := m.HiddenColumns(); l != 2 || r != 0 {
		t.Errorf("hidden = %d,%d; want 2,0", l, r)
	}
	if s := m.State(); s.HOffset != 3 {
		t.Errorf("HOffset = %d, want 3", s.HOffset)
	}
	m.Left()
	if !strings.HasPrefix(lines(m.View())[0], "   Page AS Source title") {
		t.Errorf("Left: %q", lines(m.View())[0])
	}
	m.Left()
	m.Left()
	if m.State().HOffset != 1 {
		t.Errorf("HOffset = %d after Left x3", m.State().HOffset)
	}
}

// A first column wider than half the screen is frozen at half the screen.
func TestFrozenColumnAtMostHalf(t *testing.T) {
	m := plainTable(parse(t, "pages", testdata(t, "fixtures/backlinks_pages.csv")), 50, 3)
	head := lines(m.View())[0]
	// gutter 3 + frozen URL column (at most (50-3)/2 = 23) + space + next title
	if !strings.HasPrefix(head, "   URL                     Title") {
		t.Errorf("header %q", head)
	}
}

var sizes = [][2]int{{0, 0}, {0, 3}, {1, 1}, {1, 4}, {2, 2}, {3, 3}, {4, 5}, {5, 5}, {7, 2}, {11, 6},
	{20, 10}, {33, 7}, {40, 12}, {61, 9}, {80, 24}, {101, 3}, {137, 30}, {200, 50}}

// Every line exactly the width at every size, every table, both themes,
// both width methods, scrolled or not; never a panic.
func TestEveryLineExactWidth(t *testing.T) {
	tables := map[string]*api.Table{
		"nil":         nil,
		"empty":       parse(t, "backlinks", "ERROR 50 :: NOTHING FOUND"),
		"fixture":     parse(t, "backlinks", testdata(t, "fixtures/backlinks.csv")),
		"wide":        parse(t, "backlinks", testdata(t, "cases/wide-characters.csv")),
		"long":        parse(t, "backlinks", testdata(t, "cases/very-long-values.csv")),
		"semicolon":   parse(t, "backlinks", testdata(t, "cases/semicolon-in-url.csv")),
		"sample":      parse(t, "backlinks", sampleBody),
		"refdomains":  parse(t, "refdomains", testdata(t, "fixtures/backlinks_refdomains.csv")),
		"categories":  parse(t, "categories", testdata(t, "fixtures/backlinks_categories.csv")),
		"one column":  parse(t, "tld", "zone\r\ncom\r\n中文网\r\n"),
		"hostile":     parse(t, "backlinks", hostileBody),
		"wide titles": parse(t, "matrix", "domain;domain_ascore;示例示例示例.example.cn\r\nexample.org;3;4\r\n"),
	}
	themes := map[string]*theme.Theme{"plain": theme.Plain(), "colour": theme.New(true, false), "nocolour": theme.New(false, true)}
	for _, method := range []ansi.Method{ansi.GraphemeWidth, ansi.WcWidth} {
		for tn, tb := range tables {
			for thn, th := range themes {
				for _, sz := range sizes {
					name := fmt.Sprintf("%v/%s/%s/%dx%d", method, tn, thn, sz[0], sz[1])
					m := New(th)
					m.SetWidthMethod(method)
					m.SetTable(tb)
					m.SetSort("source_title", false)
					m.SetSize(sz[0], sz[1])
					m.Down(1)
					checkFrame(t, m.View(), sz[0], sz[1], method)
					for range 4 {
						m.Right()
						checkFrame(t, m.View(), sz[0], sz[1], method)
					}
					m.SetSearch("例")
					m.NextMatch()
					checkFrame(t, m.View(), sz[0], sz[1], method)
					if t.Failed() {
						t.Fatalf("failed at %s", name)
					}
				}
			}
		}
	}
}

// Wide characters: CJK, emoji with VS16 and ZWJ, full-width and combining
// marks keep the columns aligned: every cell boundary falls at the same
// cell offset on every line.
func TestWideCharactersAlign(t *testing.T) {
	tb := parse(t, "backlinks", testdata(t, "cases/wide-characters.csv"))
	for _, w := range []int{40, 57, 80, 131} {
		m := plainTable(tb, w, tb.Len()+1)
		out := lines(m.View())
		// The column of "Page AS"'s right edge and the start of the second
		// column are the same on every line.
		header := out[0]
		second := strings.Index(header, "Source title")
		if second < 0 {
			t.Fatalf("no Source title header: %q", header)
		}
		col := ansi.StringWidth(header[:second])
		for i, l := range out[1:] {
			if ansi.StringWidth(l) != w {
				t.Fatalf("w=%d line %d: %d cells", w, i+1, ansi.StringWidth(l))
			}
			// The cell before the second column is the separator space.
			if c := ansi.Cut(l, col-1, col); c != " " {
				t.Errorf("w=%d line %d: cell %d is %q, not the separator", w, i+1, col-1, c)
			}
		}
		// No grapheme was split: every cluster on screen is one of the
		// source text's clusters or our own glyphs.
		for _, l := range out {
			if !utf8.ValidString(l) {
				t.Errorf("invalid UTF-8 in %q", l)
			}
			if strings.Contains(l, "\u200d ") || strings.HasSuffix(strings.TrimRight(l, " "), "\u200d") {
				t.Errorf("ZWJ sequence split: %q", l)
			}
		}
	}
}

// hostileBody carries a title full of escape sequences: OSC 52 (clipboard
// write), CSI (clear screen, colours), an 8-bit CSI (C1 0x9B, both as a raw
// byte and UTF-8 encoded), BEL, DEL, a bidi override.
const hostileBody = "page_ascore;source_title;source_url;target_url;anchor;external_num;internal_num;first_seen;last_seen\r\n" +
	"50;Evil \x1b]52;c;cm0gLXJmIH4=\x07title \x1b[2J\x1b[31mred \x9b31m c1 \xc2\x9b1;31m utf8c1 \x07bell\x7f \u202eevil;" +
	"https://evil.example/\x1b]8;;http://x\x1b\\link;https://www.example.com/;\x1b[5manchor\x1b[0m;1;2;1700000000;1710000000\r\n"

func TestHostileTextRendersInert(t *testing.T) {
	tb := parse(t, "backlinks", hostileBody)
	// Plain theme: not a single escape, control or C1 character.
	for _, w := range []int{20, 80, 300} {
		m := plainTable(tb, w, 3)
		for range 3 {
			out := m.View()
			assertNoControls(t, out)
			if !strings.Contains(out, "␛") && w >= 80 {
				t.Errorf("w=%d: the escape is not shown as ␛: %q", w, out)
			}
			m.Right()
		}
		assertNoControls(t, Detail(tb, 0, w, 40, theme.Plain()))
	}
	// Colour theme: the only sequences are the SGR the table adds.
	m := New(theme.New(true, false))
	m.SetTable(tb)
	m.SetSize(300, 3)
	m.SetSearch("evil")
	assertOnlySGR(t, m.View())
	assertOnlySGR(t, Detail(tb, 0, 80, 40, theme.New(false, false)))
}

func assertNoControls(t *testing.T, out string) {
	t.Helper()
	for i := 0; i < len(out); i++ {
		if c := out[i]; c < 0x20 && c != '\n' || c == 0x7f {
			t.Fatalf("control byte %#x at %d in %q", c, i, out)
		}
	}
	if !utf8.ValidString(out) {
		t.Fatalf("invalid UTF-8 (a raw C1 byte?) in %q", out)
	}
	for _, r := range out {
		if r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e {
			t.Fatalf("C1 or bidi control %U in %q", r, out)
		}
	}
}

// assertOnlySGR decodes the output and fails on any escape sequence other
// than SGR (ESC [ ... m) or on control characters.
func assertOnlySGR(t *testing.T, out string) {
	t.Helper()
	var state byte
	p := ansi.NewParser()
	n := 0
	for s := out; len(s) > 0; {
		seq, _, k, ns := ansi.DecodeSequence(s, state, p)
		state = ns
		switch {
		case ansi.HasCsiPrefix(seq):
			if seq[len(seq)-1] != 'm' {
				t.Fatalf("non-SGR CSI %q", seq)
			}
			n++
		case len(seq) == 1 && seq[0] == '\n':
		case len(seq) > 0 && (seq[0] < 0x20 || seq[0] == 0x7f):
			t.Fatalf("control or escape %q", seq)
		}
		s = s[k:]
	}
	if n == 0 {
		t.Fatal("no styling at all in the colour theme")
	}
	assertNoControls(t, ansi.Strip(out))
}

func TestFlaggedRowMarker(t *testing.T) {
	tb := parse(t, "backlinks", testdata(t, "cases/semicolon-in-url.csv"))
	flagged := -1
	for r := 0; r < tb.Len(); r++ {
		if _, ok := tb.Issue(r); ok {
			flagged = r
		}
	}
	if flagged < 0 {
		t.Fatal("fixture has no flagged row")
	}
	m := plainTable(tb, 80, 5)
	out := lines(m.View())
	for r := 0; r < tb.Len(); r++ {
		mark := []rune(out[r+1])[1]
		if (mark == '⚠') != (r == flagged) {
			t.Errorf("row %d gutter %q (flagged row %d)", r, string(mark), flagged)
		}
	}
}

func TestEmptyMessageCentred(t *testing.T) {
	for _, tb := range []*api.Table{nil, parse(t, "refdomains", "ERROR 50 :: NOTHING FOUND")} {
		m := plainTable(tb, 30, 6)
		m.SetEmptyMessage("Nothing \x1b[31mfound")
		out := lines(m.View())
		// body lines 1..5: the message on the middle one (index 3).
		want := "    Nothing ␛[31mfound    "
		want = spaces((30-ansi.StringWidth(want))/2) + want
		want += spaces(30 - ansi.StringWidth(want))
		if out[3] != want {
			t.Errorf("middle line %q, want %q", out[3], want)
		}
		for i, l := range out {
			if i != 3 && i != 0 && strings.TrimSpace(l) != "" {
				t.Errorf("line %d not blank: %q", i, l)
			}
		}
		if m.Position() != "0/0" {
			t.Errorf("Position %q", m.Position())
		}
	}
}

func TestColourStyles(t *testing.T) {
	th := theme.New(true, false)
	m := New(th)
	m.SetTable(parse(t, "backlinks", sampleBody))
	m.SetSize(140, 4)
	m.SetSort("page_ascore", true)
	out := lines(m.View())
	if !strings.Contains(out[0], sgr(th.HeaderSorted)+"Page AS ▼") {
		t.Errorf("sorted header not styled: %q", out[0])
	}
	if !strings.HasPrefix(out[1], sgr(th.Selected)) || !strings.HasSuffix(out[1], sgrReset) {
		t.Errorf("cursor row not in the selection style: %q", out[1])
	}
	if strings.HasPrefix(out[2], sgr(th.Selected)) {
		t.Errorf("other row selected: %q", out[2])
	}
	if _, after, ok := strings.Cut(out[2], sgr(th.Muted)); !ok || strings.TrimSpace(strings.SplitN(after, sgrReset, 2)[0]) != "·" {
		t.Errorf("false marker not muted: %q", out[2])
	}
	// Theme switch takes effect on cached rows.
	m.SetTheme(theme.Plain())
	if strings.Contains(m.View(), "\x1b") {
		t.Error("styles left after switching to the plain theme")
	}
}

func TestFormatValue(t *testing.T) {
	tb := parse(t, "backlinks", "page_ascore;external_num;source_url;target_url;first_seen;last_seen;nofollow;sitewide;newlink;anchor\r\n"+
		"-1234;9223372036854775807;https://a.example/x;HTTP://B.example/;1700001100;0;true;false;;x y\r\n"+
		"12;abc;ftp://c.example;https://d.example/;;oops;maybe;0;1;\r\n")
	want := [][]string{
		// https is implied; other schemes show (http and https are different pages).
		{"-1,234", "9,223,372,036,854,775,807", "a.example/x", "HTTP://B.example", "2023-11-14", "", "✓", "·", "", "x y"},
		{"12", "abc", "ftp://c.example", "d.example", "", "oops", "maybe", "·", "✓", ""},
	}
	for r := range want {
		for c := range want[r] {
			if got := FormatValue(tb, r, c); got != want[r][c] {
				t.Errorf("row %d %s: %q, want %q", r, tb.Columns[c].Code, got, want[r][c])
			}
		}
	}
	if FormatValue(nil, 0, 0) != "" || FormatValue(tb, 5, 0) != "" || FormatValue(tb, 0, 99) != "" {
		t.Error("out of range is not blank")
	}
	tf := parse(t, "categories", "category_name;rating\r\n/A;1234.5678\r\n")
	if got := FormatValue(tf, 0, 1); got != "1,234.5678" {
		t.Errorf("float %q", got)
	}
}

// Widths only grow: a long value arriving with a page widens its column;
// scrolling back to short rows does not shrink it.
func TestWidthsGrowNeverShrink(t *testing.T) {
	r, _ := api.LookupReport("tld")
	q := api.Request{Report: r, Targets: []api.Target{{Value: "example.com", Type: api.RootDomain}}}
	var body strings.Builder
	body.WriteString("zone;domains_num;backlinks_num\r\n")
	for i := range 3000 {
		fmt.Fprintf(&body, "z%d;1;2\r\n", i%10)
	}
	tb, _ := api.Parse([]byte(body.String()), q)
	m := plainTable(tb, 80, 5)
	headerAt := func() int { return strings.Index(lines(m.View())[0], "Ref. domains") }
	x0 := headerAt()
	// A far row with a longer zone, beyond the first rows sampled.
	page, _ := api.Parse([]byte("zone;domains_num;backlinks_num\r\nverylongzonename;1;2\r\n"), q)
	if err := tb.Append(page); err != nil {
		t.Fatal(err)
	}
	if got := headerAt(); got <= x0 {
		t.Errorf("column did not grow for the appended page: %d -> %d", x0, got)
	}
	x1 := headerAt()
	m.Top()
	if got := headerAt(); got != x1 {
		t.Errorf("column moved when scrolling back: %d -> %d", x1, got)
	}
	if m.Position() != "1/3,001" {
		t.Errorf("Position %q", m.Position())
	}
}

// The cached cells follow the data shown: a new table, new columns, a new
// sort show at once.
func TestCacheFollowsChanges(t *testing.T) {
	m := plainTable(parse(t, "backlinks", sampleBody), 140, 4)
	_ = m.View()
	m.SetColumns([]string{"source_title", "nope", "page_ascore"})
	head := lines(m.View())[0]
	if !strings.HasPrefix(head, "   Source title") || !strings.Contains(head, "Page AS") || strings.Contains(head, "Source URL") {
		t.Errorf("SetColumns: %q", head)
	}
	if got := m.Columns(); strings.Join(got, ",") != "source_title,page_ascore" {
		t.Errorf("Columns() = %v", got)
	}
	m.SetColumns(nil)
	if !strings.Contains(lines(m.View())[0], "Source URL") {
		t.Error("SetColumns(nil) did not restore all columns")
	}
	m.SetTable(parse(t, "refdomains", testdata(t, "fixtures/backlinks_refdomains.csv")))
	out := m.View()
	if !strings.Contains(out, "libsyn.com") || strings.Contains(out, "news.example.cn") {
		t.Errorf("new table not shown:\n%s", out)
	}
}
