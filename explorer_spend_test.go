package main

import (
	"os"

	tea "charm.land/bubbletea/v2"
	"path/filepath"
	"strings"
	"testing"

	"linkdive/api"
	"linkdive/api/cache"
	"linkdive/api/sandbox"
	"linkdive/ui"
)

func withCache(t *testing.T, dir string) clientOpt {
	t.Helper()
	d, err := cache.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return func(c *api.Config) { c.Cache = d }
}

func TestReopenedViewsComeFromTheCacheAfterARestart(t *testing.T) {
	dir := t.TempDir()
	confirm := func(o *ui.Options, _ *sandbox.Options) { o.ConfirmAbove = 1000 }
	h := newHarnessWith(t, "example.com", []clientOpt{withCache(t, dir)}, confirm)
	h.keys("2")
	h.mustShow("will cost up to 4,000 units")
	h.keys("y")
	h.mustShow("100 rows loaded")
	spent := h.srv.Spent(sandboxKey)

	// A new session over the same cache directory: the pages cost nothing,
	// are not asked for, and the confirmation is skipped.
	h2 := newHarnessWith(t, "example.com", []clientOpt{withCache(t, dir)}, confirm)
	if n := len(h2.requests()); n != 0 {
		t.Fatalf("the overview came from the network after a restart: %v", types(h2.requests()))
	}
	h2.keys("2")
	h2.mustShow("1/100", "rows 1-100: cached, just now: nothing spent")
	if len(h2.requests()) != 0 || h2.client.Ledger().Total() != 0 {
		t.Fatalf("cached pages sent %d requests, spent %d", len(h2.requests()), h2.client.Ledger().Total())
	}
	// r refreshes: it asks, with the cost, and bypasses the cache.
	h2.keys("r")
	h2.mustShow("Refresh Backlinks: fetch rows 1-100 again for 4,000 units?")
	h2.keys("y")
	if e := h2.lastRequest(); e.Type != "backlinks" || e.Offset != 0 {
		t.Fatalf("refresh request: %+v", e)
	}
	if h2.srv.Spent(sandboxKey) != 4000 || spent != 4190 {
		t.Fatalf("first session spent %d, refresh %d", spent, h2.srv.Spent(sandboxKey))
	}
}

func TestBudgetOffersASmallerPageThenStops(t *testing.T) {
	budget := func(c *api.Config) { c.Budget = 5000 }
	h := newHarnessWith(t, "example.com", []clientOpt{budget})
	h.keys("2") // 190 + 4,000 spent
	h.keys("G")
	h.mustShow("over budget: needs up to 4,000", "units; 810 left of the 5,000 budget; 20 rows would fit.",
		"Fetch 20 rows instead, for up to 800 units?")
	n := len(h.requests())
	h.keys("y")
	if e := h.lastRequest(); len(h.requests()) != n+1 || e.Offset != 100 || e.Limit != 120 {
		t.Fatalf("the smaller page: %+v", e)
	}
	// The cursor is near the end again: the next page cannot be paid for.
	h.mustShow("100/120", "budget 10/5,000", "rows 121-220: over budget", "10 left of the 5,000 budget; nothing sent")
	h.keys("G", "k", "G")
	if len(h.requests()) != n+1 {
		t.Fatal("a request past the budget was sent")
	}
	if got := h.srv.Spent(sandboxKey); got != 4990 || h.client.Ledger().Total() != got {
		t.Fatalf("sandbox charged %d, the client counted %d", got, h.client.Ledger().Total())
	}
}

func TestExportWritesLoadedRowsWithoutARequest(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, "example.com", func(o *ui.Options, _ *sandbox.Options) { o.ExportDir = dir })
	h.keys("3", "G") // 200 rows loaded
	n := len(h.requests())
	h.keys("e")
	h.mustShow("Export the 200 loaded rows of Referring domains")
	h.keys("enter")
	if len(h.requests()) != n {
		t.Fatal("export sent a request")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "backlinks_refdomains_example.com_*.csv"))
	if len(files) != 1 {
		t.Fatalf("export files: %v", files)
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 201 || lines[0] != "domain_ascore,domain,backlinks_num,ip,country,first_seen,last_seen" {
		t.Fatalf("export has %d lines, header %q", len(lines), lines[0])
	}
	h.send(tea.WindowSizeMsg{Width: 300, Height: 40})
	h.mustShow("exported 200 rows to " + files[0] + " (no request made)")
	if strings.Contains(string(b), sandboxKey) {
		t.Fatal("the key reached the export")
	}
}

func TestSpendViewShowsTheSession(t *testing.T) {
	h := newHarness(t, "example.com")
	h.keys("3", "$")
	h.mustShow("Spend", "This session", "4,190 units", "backlinks_refdomains", "example.com")
	h.keys("esc")
	h.mustShow("Referring domains")
}
