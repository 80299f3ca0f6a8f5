package sandbox

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"linkdive/api"
)

const testKey = "sandbox-test-key"

var testNow = time.Date(2025, 6, 18, 15, 4, 5, 0, time.UTC)

const base = "http://sandbox.test/analytics/v1/"

// newTest returns a sandbox with a fixed today, a large balance and no
// rate limits (tests fire requests back to back).
func newTest(o Options) *Server {
	if o.Now == nil {
		o.Now = func() time.Time { return testNow }
	}
	if o.Balance == 0 {
		o.Balance = 1 << 50
	}
	if o.RatePerSecond == 0 {
		o.RatePerSecond = -1
	}
	if o.MaxInFlight == 0 {
		o.MaxInFlight = -1
	}
	return New(o)
}

func report(t testing.TB, name string) *api.Report {
	t.Helper()
	r, ok := api.LookupReport(name)
	if !ok {
		t.Fatalf("no report %s", name)
	}
	return r
}

func root(v string) []api.Target { return []api.Target{{Value: v, Type: api.RootDomain}} }

// get sends a raw query string (without key) through the in-process
// transport and returns the status and body.
func get(t testing.TB, s *Server, query string) (int, string) {
	t.Helper()
	resp, err := (&http.Client{Transport: s.Transport()}).Get(base + "?" + query)
	if err != nil {
		t.Fatalf("GET %s: %v", query, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: reading body: %v", query, err)
	}
	return resp.StatusCode, string(b)
}

// fetch sends a typed request the way the client does (api.Request.URL)
// and parses the answer with api.Parse.
func fetch(t testing.TB, s *Server, q api.Request) (*api.Table, string) {
	t.Helper()
	if err := q.Validate(); err != nil {
		t.Fatalf("request does not validate: %v", err)
	}
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, q.URL(base, testKey), nil)
	resp, err := (&http.Client{Transport: s.Transport()}).Do(req)
	if err != nil {
		t.Fatalf("%s: %v", q.Describe(), err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s: reading body: %v", q.Describe(), err)
	}
	tab, err := api.Parse(b, q)
	if err != nil {
		t.Fatalf("%s: %v (body %.200q)", q.Describe(), err, b)
	}
	return tab, string(b)
}

// all fetches every row of a paged report (up to max).
func all(t testing.TB, s *Server, q api.Request, max int) *api.Table {
	t.Helper()
	if q.Report.Paged {
		q.Offset, q.Count = 0, max
	}
	tab, _ := fetch(t, s, q)
	if q.Report.Paged && tab.Len() == max {
		t.Fatalf("%s: %d rows, maybe more: raise the maximum", q.Describe(), max)
	}
	return tab
}

func col(t testing.TB, tab *api.Table, code string) int {
	t.Helper()
	i := tab.Index(code)
	if i < 0 {
		t.Fatalf("no column %s in %v", code, tab.Columns)
	}
	return i
}

func sum(t testing.TB, tab *api.Table, code string) int64 {
	c := col(t, tab, code)
	var n int64
	for r := 0; r < tab.Len(); r++ {
		n += tab.Int(r, c)
	}
	return n
}

// overview returns the overview of a target as a map.
func overview(t testing.TB, s *Server, tg api.Target) map[string]int64 {
	t.Helper()
	tab, _ := fetch(t, s, api.Request{Report: report(t, "overview"), Targets: []api.Target{tg}})
	if tab.Len() != 1 {
		t.Fatalf("overview of %v: %d rows", tg, tab.Len())
	}
	out := map[string]int64{}
	for i, c := range tab.Columns {
		out[c.Code] = tab.Int(0, i)
	}
	return out
}

func lines(body string) []string {
	return strings.Split(strings.TrimSuffix(body, "\r\n"), "\r\n")
}
