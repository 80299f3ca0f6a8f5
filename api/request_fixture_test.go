package api

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// docRequests are typed requests for every documented example; each must
// encode to exactly the URL the documentation prints.
func docRequests(t *testing.T) map[string]Request {
	t.Helper()
	rep := func(name string) *Report {
		r, ok := LookupReport(name)
		if !ok {
			t.Fatalf("no report %s", name)
		}
		return r
	}
	sej := []Target{{"searchenginejournal.com", RootDomain}}
	return map[string]Request{
		"backlinks": {Report: rep("backlinks"), Targets: sej,
			Columns: []string{"page_ascore", "source_title", "source_url", "target_url", "anchor", "external_num", "internal_num", "first_seen", "last_seen"},
			Count:   5, Filter: Filter{{Field: "type", Value: "newlink"}, {Field: "type", Value: "follow"}}},
		"backlinks_anchors":            {Report: rep("anchors"), Targets: sej, Count: 5},
		"backlinks_ascore_profile":     {Report: rep("ascore_profile"), Targets: sej},
		"backlinks_categories":         {Report: rep("categories"), Targets: sej},
		"backlinks_categories_profile": {Report: rep("categories_profile"), Targets: sej, Count: 5},
		"backlinks_comparison": {Report: rep("comparison"),
			Targets: []Target{{"ebay.com", RootDomain}, {"amazon.com", RootDomain}}},
		"backlinks_competitors": {Report: rep("competitors"), Targets: sej, Count: 5},
		"backlinks_geo":         {Report: rep("geo"), Targets: sej, Count: 5},
		"backlinks_historical": {Report: rep("historical"), Targets: sej, Count: 5,
			Columns: []string{"date", "backlinks_num", "domains_num"}},
		"backlinks_matrix": {Report: rep("matrix"),
			Targets: []Target{{"searchenginejournal.com", RootDomain}, {"searchengineland.com", RootDomain}},
			Count:   5, Filter: Filter{{Field: "backlinksnum_0", Op: OpEq, Value: "0"}}},
		"backlinks_overview":   {Report: rep("overview"), Targets: []Target{{"example.com", RootDomain}}},
		"backlinks_pages":      {Report: rep("pages"), Targets: sej, Count: 5, Sort: Sort{Key: "domains_num", Desc: true}},
		"backlinks_refdomains": {Report: rep("refdomains"), Targets: sej, Count: 5},
		"backlinks_refips":     {Report: rep("refips"), Targets: sej, Count: 5},
		"backlinks_tld":        {Report: rep("tld"), Targets: sej, Count: 5},
	}
}

func TestRebuildDocumentedRequests(t *testing.T) {
	files, _ := filepath.Glob("testdata/fixtures/*.request.txt")
	if len(files) != 15 {
		t.Fatalf("want 15 documented requests, found %d", len(files))
	}
	reqs := docRequests(t)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".request.txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want := strings.TrimSpace(string(b))
			q, ok := reqs[name]
			if !ok {
				t.Fatalf("no typed request for %s", name)
			}
			if err := q.Validate(); err != nil {
				t.Fatalf("documented request does not validate: %v", err)
			}
			got := q.URL("https://api.semrush.com/analytics/v1/", "YOUR_API_KEY")
			if got != want {
				t.Errorf("URL mismatch\n got %s\nwant %s", got, want)
			}
			compareParams(t, decodeQuery(t, got), decodeQuery(t, want))
			// The documented URL read back into a typed request encodes
			// to itself: nothing is lost either way.
			back := requestFromURL(t, want)
			if err := back.Validate(); err != nil {
				t.Fatalf("request read from the documented URL does not validate: %v", err)
			}
			if again := back.URL("https://api.semrush.com/analytics/v1/", "YOUR_API_KEY"); again != want {
				t.Errorf("URL -> Request -> URL changed it\n got %s\nwant %s", again, want)
			}
		})
	}
}

// compareParams compares decoded parameters one by one, so that an order
// change or a wrong value names the parameter that differs.
func compareParams(t *testing.T, got, want []queryParam) {
	t.Helper()
	for i := 0; i < len(got) || i < len(want); i++ {
		switch {
		case i >= len(got):
			t.Errorf("parameter %d: missing, want %s=%q", i+1, want[i].Name, want[i].Value)
		case i >= len(want):
			t.Errorf("parameter %d: unexpected %s=%q", i+1, got[i].Name, got[i].Value)
		case got[i] != want[i]:
			t.Errorf("parameter %d: got %s=%q, want %s=%q", i+1, got[i].Name, got[i].Value, want[i].Name, want[i].Value)
		}
	}
}
