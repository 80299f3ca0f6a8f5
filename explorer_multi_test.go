package main

import (
	"net/url"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// lastQuery is the query string of the newest report request.
func (h *harness) lastQuery() url.Values {
	h.t.Helper()
	for i := len(*h.sent) - 1; i >= 0; i-- {
		if q := (*h.sent)[i]; q.Get("type") != "" {
			return q
		}
	}
	h.t.Fatal("no report request was sent")
	return nil
}

// competitors returns the first n competitor domains on the Competitors tab.
func (h *harness) competitors(n int) []string {
	h.keys("9")
	var out []string
	for i := 0; i < n; i++ {
		out = append(out, strings.Fields(h.cursorLine())[1])
		h.keys("j")
	}
	h.keys("g")
	return out
}

func TestCompareSendsTargetsInOrder(t *testing.T) {
	h := newHarness(t, "example.com")
	comp := h.competitors(2)
	h.keys("a", "j", "a") // add the first two competitors to Compare
	h.mustShow("added " + comp[1] + " to Compare (3 targets")
	h.keys("1", "shift+tab", "shift+tab") // Overview -> Link gap -> Compare
	h.mustShow("Compare: targets (3 of up to 200)", "run: 3 targets × 40 = 120 units")
	h.send(tea.PasteMsg{Content: "sub.example.org\nhttps://example.net/page, example.co.uk"})
	h.mustShow("3 added, 6 targets", "run: 6 targets × 40 = 240 units")
	n := len(h.requests())
	h.keys("enter")
	if len(h.requests()) != n+1 {
		t.Fatalf("enter on an empty input runs the comparison once: %d requests", len(h.requests())-n)
	}
	q := h.lastQuery()
	wantT := []string{"example.com", comp[0], comp[1], "sub.example.org", "https://example.net/page", "example.co.uk"}
	wantTT := []string{"root_domain", "root_domain", "root_domain", "domain", "url", "root_domain"}
	if q["type"][0] != "backlinks_comparison" || strings.Join(q["targets[]"], " ") != strings.Join(wantT, " ") ||
		strings.Join(q["target_types[]"], " ") != strings.Join(wantTT, " ") {
		t.Fatalf("comparison request: %v", q)
	}
	h.mustShow("6 targets: example.com, "+comp[0], "all 6 rows")
	// A local sort costs nothing.
	n = len(h.requests())
	h.keys("s", "j", "j", "enter")
	if len(h.requests()) != n {
		t.Fatal("sorting a comparison sent a request")
	}
	h.mustShow("sorted locally: nothing spent")
	if h.client.Ledger().Total() != h.srv.Spent(sandboxKey) {
		t.Fatalf("counter %d, sandbox %d", h.client.Ledger().Total(), h.srv.Spent(sandboxKey))
	}
}

func TestLinkGapPresetsAndDrill(t *testing.T) {
	h := newHarness(t, "example.com")
	comp := h.competitors(2)
	h.keys("A", "j", "A")
	h.keys("1", "shift+tab") // Link gap is the last tab
	h.mustShow("Link gap: targets (3 of up to 5)", "run: first page of 100 rows, up to 4,000 units")
	h.keys("enter")
	q := h.lastQuery()
	if q["type"][0] != "backlinks_matrix" || strings.Join(q["targets[]"], " ") != "example.com "+comp[0]+" "+comp[1] ||
		q["display_limit"][0] != "100" || q["export_columns"][0] != "domain,domain_ascore,matches_num,backlinks_num" {
		t.Fatalf("matrix request: %v", q)
	}
	h.mustShow("Targets", "example.com", comp[0], comp[1])

	presets := []string{
		"+|backlinksnum_0|Eq|0|+|backlinksnum_1|Gt|0|+|backlinksnum_2|Gt|0",
		"+|backlinksnum_0|Eq|0",
		"+|backlinksnum_0|Gt|0|+|backlinksnum_1|Eq|0|+|backlinksnum_2|Eq|0",
		"+|backlinksnum_0|Gt|0|+|backlinksnum_1|Gt|0|+|backlinksnum_2|Gt|0",
	}
	for i, want := range presets {
		h.keys("f")
		for j := 0; j <= i; j++ {
			h.keys("ctrl+p")
		}
		h.keys("enter")
		if got := h.lastQuery().Get("display_filter"); got != want {
			t.Fatalf("preset %d sent %q, want %q", i+1, got, want)
		}
	}
	// Back to the first question, then drill into the first domain.
	h.keys("f", "ctrl+p", "enter")
	row := strings.Fields(h.cursorLine())
	domain := row[0]
	h.keys("enter")
	h.mustShow("Backlinks from " + domain + " to…")
	h.keys("enter") // the first target it links to is preselected: not example.com
	e := h.lastRequest()
	if e.Type != "backlinks" || e.Targets[0] == "example.com" || e.Filter != "+|refdomain|Eq|"+domain {
		t.Fatalf("link-gap drill: %+v", e)
	}
	h.mustShow("Link gap › Backlinks from " + domain + " to " + e.Targets[0])
	h.keys("esc")
	h.mustShow("+|backlinksnum_0|Eq|0|+|backlinksnum_1|Gt|0")
	if h.client.Ledger().Total() != h.srv.Spent(sandboxKey) {
		t.Fatalf("counter %d, sandbox %d", h.client.Ledger().Total(), h.srv.Spent(sandboxKey))
	}
}
