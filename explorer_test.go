package main

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"linkdive/api"
	"linkdive/api/sandbox"
	"linkdive/ui"
	"linkdive/ui/clip"
)

func types(log []sandbox.LogEntry) []string {
	out := make([]string, len(log))
	for i, e := range log {
		out[i] = e.Type
	}
	return out
}

func TestTabsFetchOnlyOnFirstVisit(t *testing.T) {
	h := newHarness(t, "example.com")
	got := types(h.requests())
	if strings.Join(got, ",") != "backlinks_overview,backlinks_ascore_profile,backlinks_categories" {
		t.Fatalf("the overview asks for its three parts and nothing else: %v", got)
	}
	h.mustShow("Backlink profile of example.com", "Authority Score profile", "Categories of example.com")
	h.keys("2")
	if e := h.lastRequest(); e.Type != "backlinks" || e.Offset != 0 || e.Limit != 100 || len(h.requests()) != 4 {
		t.Fatalf("opening Backlinks sends one first page: %+v (%d requests)", e, len(h.requests()))
	}
	h.keys("3", "2", "3", "1")
	if n := len(h.requests()); n != 5 {
		t.Fatalf("revisiting tabs refetched: %d requests: %v", n, types(h.requests()))
	}
	// Cycle through every tab with tab: each not yet visited costs one request.
	for i := 0; i < 10; i++ {
		h.keys("tab")
	}
	want := []string{"backlinks_overview", "backlinks_ascore_profile", "backlinks_categories", "backlinks",
		"backlinks_refdomains", "backlinks_anchors", "backlinks_pages", "backlinks_refips", "backlinks_tld",
		"backlinks_geo", "backlinks_competitors", "backlinks_categories_profile", "backlinks_historical"}
	if got := types(h.requests()); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("one request per first visit, in tab order:\n got %v\nwant %v", got, want)
	}
	h.mustShow("History")
}

func TestLazyPagingAndUnitCounter(t *testing.T) {
	h := newHarness(t, "example.com")
	h.keys("2")
	h.keys("G") // to the last loaded row: the next page follows
	e := h.lastRequest()
	if e.Offset != 100 || e.Limit != 200 {
		t.Fatalf("second page: offset %d limit %d, want 100/200", e.Offset, e.Limit)
	}
	h.keys("j", "j", "G")
	if e := h.lastRequest(); e.Offset != 200 || e.Limit != 300 {
		t.Fatalf("third page: offset %d limit %d, want 200/300", e.Offset, e.Limit)
	}
	h.keys("k") // moving up near the end asks for nothing new
	if n := len(h.requests()); n != 6 {
		t.Fatalf("%d requests, want 6: %v", n, types(h.requests()))
	}
	h.mustShow("300 rows loaded")
	spent := h.srv.Spent(sandboxKey)
	if spent != 40+100+50+3*100*40 || h.client.Ledger().Total() != spent {
		t.Fatalf("sandbox charged %d, the client counted %d", spent, h.client.Ledger().Total())
	}
	h.mustShow(fmt.Sprintf("spent %s units", thousands(spent)))
}

func TestRowsNeverDuplicateAcrossPages(t *testing.T) {
	h := newHarness(t, "example.com", func(o *ui.Options, _ *sandbox.Options) { o.PageSize = 30 })
	h.keys("3")
	for i := 0; i < 6; i++ {
		h.keys("G")
	}
	// The same rows in one request must equal what the pages assembled.
	r, _ := api.LookupReport("refdomains")
	tg, _ := api.NewTarget("example.com", "")
	res, err := h.client.Fetch(t.Context(), api.Request{Report: r, Targets: []api.Target{tg}, Count: 210})
	if err != nil {
		t.Fatal(err)
	}
	h.keys("g")
	seen := map[string]bool{}
	for i := 0; i < res.Table.Len(); i++ {
		d := res.Table.Text(i, res.Table.Index("domain"))
		if seen[d] {
			t.Fatalf("duplicate domain %s in the reference list", d)
		}
		seen[d] = true
	}
	h.mustShow("210 rows loaded", "1/210")
	for i := 0; i < 209; i++ {
		h.keys("j")
	}
	last := res.Table.Text(209, res.Table.Index("domain"))
	if !strings.Contains(h.cursorLine(), last) {
		t.Fatalf("row 210 should be %s under the cursor; screen:\n%s", last, h.screen())
	}
}

func TestConfirmBeforeSpend(t *testing.T) {
	h := newHarness(t, "example.com", func(o *ui.Options, _ *sandbox.Options) { o.ConfirmAbove = 1000 })
	before := len(h.requests())
	h.keys("2")
	h.mustShow("Backlinks: rows 1-100 will cost up to 4,000 units.", "Spend units?")
	if len(h.requests()) != before {
		t.Fatal("a request over the threshold was sent before the user agreed")
	}
	h.keys("n")
	h.mustShow("not fetched: nothing spent")
	if len(h.requests()) != before || h.srv.Spent(sandboxKey) != 190 {
		t.Fatal("declining must spend nothing")
	}
	h.keys("3")
	h.mustShow("Referring domains: rows 1-100 will cost up to 4,000 units")
	h.keys("y")
	if e := h.lastRequest(); e.Type != "backlinks_refdomains" || e.Limit != 100 {
		t.Fatalf("after yes the page is fetched: %+v", e)
	}
	h.mustShow("100 rows loaded")
}

func TestDrillDownAndBackWithoutRefetch(t *testing.T) {
	h := newHarness(t, "example.com")
	h.keys("3", "j", "j")
	domain := strings.Fields(h.cursorLine())[1]
	h.keys("enter")
	e := h.lastRequest()
	if e.Type != "backlinks" || e.Filter != "+|refdomain|Eq|"+domain || e.Targets[0] != "example.com" {
		t.Fatalf("drill-down request: %+v", e)
	}
	h.mustShow("Referring domains › Backlinks from "+domain, "filter +|refdomain|Eq|"+domain)
	n := len(h.requests())
	h.keys("esc")
	if len(h.requests()) != n {
		t.Fatal("esc refetched the referring domains")
	}
	if !strings.Contains(h.cursorLine(), domain) {
		t.Fatalf("esc should restore the cursor on %s:\n%s", domain, h.screen())
	}
	h.mustShow("3/100")
}

func TestDrillDownsOfEveryReport(t *testing.T) {
	h := newHarness(t, "example.com")
	cases := []struct {
		tab        string
		wantType   string
		wantFilter string // prefix
	}{
		{"4", "backlinks", "+|anchor|Eq|"}, // (row 2: row 1 is often the empty anchor)
		{"6", "backlinks_refdomains", "+|ip|Eq|198."},
		{"7", "backlinks_refdomains", "+|zone||"},
		{"8", "backlinks_refdomains", "+|country||"},
	}
	for _, c := range cases {
		h.keys(c.tab, "j", "enter")
		e := h.lastRequest()
		if e.Type != c.wantType || !strings.HasPrefix(e.Filter, c.wantFilter) {
			t.Errorf("tab %s: drill sent %s %q, want %s %q…", c.tab, e.Type, e.Filter, c.wantType, c.wantFilter)
		}
		h.keys("esc")
	}
	h.keys("5", "enter")
	if e := h.lastRequest(); e.Type != "backlinks" || !strings.HasPrefix(e.Targets[0], "http") {
		t.Errorf("an indexed page drills into the backlinks to that URL: %+v", e)
	}
	h.keys("esc", "9", "enter")
	log := h.requests()
	e := log[len(log)-3]
	if e.Type != "backlinks_overview" || e.Targets[0] == "example.com" {
		t.Errorf("a competitor opens as the new target (its overview): %+v", e)
	}
	h.mustShow(e.Targets[0] + " (root_domain)")
	h.keys("esc")
	h.mustShow("example.com (root_domain)")
}

func TestFilterEditorBuildsDisplayFilter(t *testing.T) {
	h := newHarness(t, "example.com")
	h.keys("3", "f", "ctrl+n") // a row: + type is newdomain, the field focused
	h.keys("tab", "right")     // to the value (the op has one choice): lostdomain
	h.mustShow("display_filter +|type||lostdomain")
	h.keys("ctrl+n", "right") // second row: field zone
	h.mustShow("+|type||lostdomain|+|zone||")
	h.keys("tab")
	h.typeText("uk")
	h.keys("enter")
	if e := h.lastRequest(); e.Filter != "+|type||lostdomain|+|zone||uk" {
		t.Fatalf("filter sent: %q", e.Filter)
	}
	h.mustShow("filter +|type||lostdomain|+|zone||uk")
}

func TestCopyUnderSSHSendsOSC52(t *testing.T) {
	h := newHarness(t, "example.com", func(o *ui.Options, _ *sandbox.Options) {
		o.Clip = &clip.Copier{Env: clip.Env{SSH: true, Display: true},
			Native: func(string) error { t.Error("the local clipboard must not be used over SSH"); return nil }}
	})
	h.keys("3", "y")
	line := strings.Fields(h.cursorLine())
	if len(h.osc52) != 1 || h.osc52[0] != line[1] {
		t.Fatalf("OSC 52 should carry the domain %q, got %q", line[1], h.osc52)
	}
	h.mustShow("sent to the terminal clipboard (OSC 52) over SSH")
	h.keys("Y")
	if len(h.osc52) != 2 || !strings.HasPrefix(h.osc52[1], strings.Join(line[:2], "\t")) {
		t.Fatalf("Y copies the row tab-separated, got %q", h.osc52[1])
	}
	if strings.Contains(strings.Join(h.osc52, ""), sandboxKey) {
		t.Fatal("the key reached the clipboard")
	}
}

func TestSizesNeverPanic(t *testing.T) {
	h := newHarness(t, "example.com")
	h.keys("2")
	for _, mode := range [][]string{nil, {"d"}, {"f"}, {"?"}, {"/"}, {"t"}} {
		h.keys(mode...)
		for w := 0; w <= 300; w += 7 {
			for ht := 0; ht <= 100; ht += 9 {
				h.send(tea.WindowSizeMsg{Width: w, Height: ht})
				_ = h.screen()
			}
		}
		h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
		h.keys("esc")
	}
	h.send(tea.WindowSizeMsg{Width: 30, Height: 8})
	h.mustShow("window too small")
}

func TestMouseIsOptIn(t *testing.T) {
	h := newHarness(t, "example.com")
	h.keys("2")
	h.send(tea.MouseClickMsg{X: 28, Y: 1, Button: tea.MouseLeft}) // "3 Ref. domains" on the tab bar
	h.mustShow("Backlinks  ·  sort")
	if h.m.View().MouseMode != tea.MouseModeNone {
		t.Fatal("the mouse is captured by default: native selection over SSH would break")
	}

	h = newHarness(t, "example.com", func(o *ui.Options, _ *sandbox.Options) { o.Mouse = true })
	h.keys("2")
	h.send(tea.MouseClickMsg{X: 28, Y: 1, Button: tea.MouseLeft})
	h.mustShow("Referring domains  ·  sort")
	h.send(tea.MouseWheelMsg{X: 10, Y: 10, Button: tea.MouseWheelDown})
	h.mustShow("4/100")
	h.send(tea.MouseClickMsg{X: 10, Y: 10, Button: tea.MouseLeft}) // screen row 10 = table row 7
	h.mustShow("7/100")
}

func TestCyclingPastTabsFetchesNothing(t *testing.T) {
	h := newHarness(t, "example.com")
	before := len(h.requests())
	// Three quick tabs: the runtime delivers the settle timers only after
	// the next key; only the tab the user stays on fetches.
	var pending []tea.Cmd
	for i := 0; i < 3; i++ {
		_, cmd := h.m.Update(keyPress("tab"))
		pending = append(pending, cmd)
	}
	for _, c := range pending {
		h.run(c)
	}
	got := types(h.requests()[before:])
	if len(got) != 1 || got[0] != "backlinks_anchors" {
		t.Fatalf("passing Backlinks and Ref. domains fetched: %v", got)
	}
	h.mustShow("Anchors  ·  sort")
}

func TestSearchNeverLoadsAPage(t *testing.T) {
	h := newHarness(t, "example.com")
	h.keys("3", "/")
	h.typeText(".com")
	h.keys("enter")
	n := len(h.requests())
	for i := 0; i < 30; i++ {
		h.keys("N") // wraps to matches near the end of the loaded rows
	}
	if len(h.requests()) != n {
		t.Fatalf("n/N loaded %d pages", len(h.requests())-n)
	}
}

func TestDigitsPassingTabsFetchNothing(t *testing.T) {
	h := newHarness(t, "example.com")
	before := len(h.requests())
	var pending []tea.Cmd
	for _, k := range []string{"2", "3", "4", "5"} {
		_, cmd := h.m.Update(keyPress(k))
		pending = append(pending, cmd)
	}
	for _, c := range pending {
		h.run(c)
	}
	if got := types(h.requests()[before:]); len(got) != 1 || got[0] != "backlinks_pages" {
		t.Fatalf("typing 2345 quickly fetched %v; only the tab stayed on may", got)
	}
}

func TestDeclinedPageIsNotAskedAgainUntilR(t *testing.T) {
	h := newHarness(t, "example.com", func(o *ui.Options, _ *sandbox.Options) { o.ConfirmAbove = 1000 })
	h.keys("2")
	h.mustShow("Spend units?")
	h.keys("n")
	for i := 0; i < 5; i++ {
		h.keys("j", "k", "G")
	}
	if strings.Contains(h.screen(), "Spend units?") {
		t.Fatal("the declined page is asked again on its own")
	}
	h.mustShow("not loaded; press r to fetch (4,000 units)")
	h.keys("r")
	h.mustShow("Backlinks: rows 1-100 will cost up to 4,000 units.")
	h.keys("y")
	h.mustShow("1/100")
}

func TestRefreshKeepsWhatWasLoadedAndTheCursor(t *testing.T) {
	h := newHarness(t, "example.com")
	h.keys("3", "G", "G") // 300 rows
	for i := 0; i < 40; i++ {
		h.keys("k")
	}
	h.mustShow("160/300")
	h.keys("r")
	h.mustShow("Refresh Referring domains: fetch rows 1-300 again for 12,000")
	h.keys("y")
	if e := h.lastRequest(); e.Offset != 0 || e.Limit != 300 {
		t.Fatalf("refresh asked %d-%d", e.Offset, e.Limit)
	}
	h.mustShow("160/300")
}

func TestDrillDownAsksOnlyForTheRowsTheParentCounts(t *testing.T) {
	h := newHarness(t, "example.com")
	h.keys("3", "s", "j", "j", "j", "j", "enter") // backlinks, lowest first
	h.mustShow("sort Backlinks ↑")
	row := strings.Fields(h.cursorLine())
	n, err := strconv.Atoi(strings.ReplaceAll(row[2], ",", ""))
	if err != nil || n >= 100 {
		t.Fatalf("want a referring domain with fewer than 100 backlinks first: %v", row)
	}
	before := len(h.requests())
	h.keys("enter")
	log := h.requests()[before:]
	if len(log) != 1 {
		t.Fatalf("want exactly the counted rows: %+v", log)
	}
	if e := log[0]; e.Type != "backlinks" || e.Offset != 0 || e.Limit != n || e.Lines != n || e.Units != int64(40*n) {
		t.Fatalf("%s has %d backlinks: asked %+v", row[1], n, e)
	}
	h.keys("G", "G")
	if len(h.requests()) != before+1 {
		t.Fatal("nothing more is asked once the counted rows are in")
	}
	if n == 1 {
		h.mustShow("the only row")
	} else {
		h.mustShow(fmt.Sprintf("all %d rows", n))
	}
}
