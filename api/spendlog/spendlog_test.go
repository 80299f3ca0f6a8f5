package spendlog_test

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"linkdive/api"
	"linkdive/api/sandbox"
	"linkdive/api/spendlog"
)

const key = "spendlog-test-key-5150"

func TestLedgerFileTotalsEqualTheServers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "linkdive", "spend.jsonl")
	srv := sandbox.New(sandbox.Options{RatePerSecond: -1, MaxInFlight: -1})
	ledger := api.NewLedger()
	log, err := spendlog.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	log.Attach(ledger, spendlog.Live)
	c := api.NewClient(api.Config{Key: key, BaseURL: "http://sandbox.test/analytics/v1/",
		BalanceURL: "http://sandbox.test/users/countapiunits.html",
		HTTP:       &http.Client{Transport: srv.Transport()}, MaxRetries: -1, Ledger: ledger})
	ctx := context.Background()
	tg, _ := api.NewTarget("example.com", "")
	tg2, _ := api.NewTarget("example.org", "")
	for _, name := range []string{"refdomains", "backlinks", "anchors", "overview", "refdomains"} {
		r, _ := api.LookupReport(name)
		q := api.Request{Report: r, Targets: []api.Target{tg}}
		if r.Paged {
			q.Count = 25
		}
		if _, err := c.Fetch(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	cmp, _ := api.LookupReport("comparison")
	if _, err := c.Fetch(ctx, api.Request{Report: cmp, Targets: []api.Target{tg, tg2}}); err != nil {
		t.Fatal(err)
	}
	if err := log.Close(); err != nil {
		t.Fatal(err)
	}
	entries, bad, err := spendlog.Read(path)
	if err != nil || bad != 0 {
		t.Fatal(err, bad)
	}
	var units int64
	for _, e := range entries {
		units += e.Units
	}
	if units != srv.Spent(key) || len(entries) != len(srv.Log()) {
		t.Fatalf("ledger file: %d units in %d lines; server: %d units in %d requests", units, len(entries), srv.Spent(key), len(srv.Log()))
	}
	s := spendlog.Summarize(entries, time.Now())
	live := s.Endpoint(spendlog.Live)
	if live.Today.Units != srv.Spent(key) || live.Month.Units != srv.Spent(key) || live.Last24h.Units != srv.Spent(key) {
		t.Fatalf("summary %+v, server %d", live, srv.Spent(key))
	}
	if live.Month.ByReport[0].Name != "backlinks_refdomains" || live.Month.ByReport[0].Requests != 2 {
		t.Errorf("by report: %+v", live.Month.ByReport)
	}
	found := false
	for _, r := range live.Month.ByTarget {
		if r.Name == "example.com + example.org" {
			found = true
		}
	}
	if !found {
		t.Errorf("the comparison's units belong to its pair of targets: %+v", live.Month.ByTarget)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("ledger file mode %v", st.Mode().Perm())
	}
	if dst, _ := os.Stat(filepath.Dir(path)); dst.Mode().Perm() != 0o700 {
		t.Errorf("ledger dir mode %v", dst.Mode().Perm())
	}
	b, _ := os.ReadFile(path)
	if bytes.Contains(b, []byte(key)) {
		t.Fatal("the ledger file holds the API key")
	}
}

func TestCachedAnswersAreNotLogged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "spend.jsonl")
	l, _ := spendlog.Open(path)
	ledger := api.NewLedger()
	l.Attach(ledger, spendlog.Demo)
	ledger.Add(api.Spend{Time: time.Now(), Report: "backlinks", Targets: []string{"a.com"}, Lines: 10, Units: 400})
	ledger.Add(api.Spend{Time: time.Now(), Report: "backlinks", Targets: []string{"a.com"}, Lines: 10, Cached: true})
	l.Close()
	entries, _, _ := spendlog.Read(path)
	if len(entries) != 1 || entries[0].Units != 400 || entries[0].Endpoint != spendlog.Demo {
		t.Fatalf("entries %+v", entries)
	}
}

func TestSummarizeWindowsAndEndpoints(t *testing.T) {
	loc := time.FixedZone("X", 2*3600)
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, loc) // the first of the month
	e := func(ago time.Duration, ep, report, target string, units int64) spendlog.Entry {
		return spendlog.Entry{Time: now.Add(-ago), Endpoint: ep, Report: report, Targets: []string{target}, Lines: int(units / 40), Units: units}
	}
	entries := []spendlog.Entry{
		e(time.Hour, spendlog.Live, "backlinks", "a.com", 400),             // today
		e(9*time.Hour, spendlog.Live, "backlinks_refdomains", "b.com", 80), // today (since 00:00)
		e(11*time.Hour, spendlog.Live, "backlinks", "a.com", 40),           // yesterday, last 24 h, last month
		e(40*24*time.Hour, spendlog.Live, "backlinks", "a.com", 4000),      // long ago
		e(2*time.Hour, spendlog.Demo, "backlinks", "a.com", 1_000_000),     // demo
		e(-time.Hour, spendlog.Live, "backlinks", "a.com", 9),              // in the future: ignored
		e(2*time.Hour, "http://127.0.0.1:8080/analytics/v1/", "backlinks", "a.com", 7),
	}
	s := spendlog.Summarize(entries, now)
	if len(s.Endpoints) != 3 || s.Endpoints[0].Endpoint != spendlog.Live || s.Endpoints[1].Endpoint != spendlog.Demo {
		t.Fatalf("endpoints %+v", s.Endpoints)
	}
	live := s.Endpoints[0]
	if live.Today.Units != 480 || live.Last24h.Units != 520 || live.Month.Units != 480 {
		t.Fatalf("live today %d, 24 h %d, month %d", live.Today.Units, live.Last24h.Units, live.Month.Units)
	}
	if got := live.Today.ByTarget; len(got) != 2 || got[0].Name != "a.com" || got[0].Units != 400 {
		t.Fatalf("by target %+v", got)
	}
	if s.Endpoint(spendlog.Demo).Today.Units != 1_000_000 {
		t.Fatal("demo units must be kept apart")
	}
	sess := spendlog.Sum(spendlog.FromSpends([]api.Spend{
		{Report: "backlinks", Targets: []string{"a.com"}, Units: 40, Lines: 1},
		{Report: "backlinks", Targets: []string{"a.com"}, Cached: true},
	}, spendlog.Live))
	if sess.Units != 40 || sess.Requests != 1 {
		t.Fatalf("session tally %+v", sess)
	}
}

func TestReadSkipsACutLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "spend.jsonl")
	l, _ := spendlog.Open(path)
	l.Append(spendlog.Entry{Time: time.Now(), Endpoint: spendlog.Live, Report: "backlinks", Units: 40, Lines: 1})
	l.Close()
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"time":"2026-01-01T00:00:00Z","endpoint":"live","rep`)
	f.Close()
	entries, bad, err := spendlog.Read(path)
	if err != nil || len(entries) != 1 || bad != 1 {
		t.Fatalf("entries %d bad %d err %v", len(entries), bad, err)
	}
}

func TestEndpointLabelHoldsNoSecrets(t *testing.T) {
	cases := map[string]string{
		api.DefaultBaseURL: spendlog.Live,
		"http://user:pw@127.0.0.1:8080/analytics/v1/?key=abc": "http://127.0.0.1:8080/analytics/v1/",
	}
	for in, want := range cases {
		if got := spendlog.EndpointLabel(in, false); got != want {
			t.Errorf("EndpointLabel(%q) = %q, want %q", in, got, want)
		}
	}
	if spendlog.EndpointLabel("http://sandbox.linkdive.invalid/analytics/v1/", true) != spendlog.Demo {
		t.Error("demo")
	}
}
