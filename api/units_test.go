package api

import (
	"sync"
	"testing"
)

func TestCosts(t *testing.T) {
	two := []Target{{"a.com", RootDomain}, {"b.com", RootDomain}}
	cases := []struct {
		name       string
		q          Request
		estimate   int64
		lines      int
		actual     int64
		perRequest bool
	}{
		{"backlinks 100 lines", Request{Report: mustReport(t, "backlinks"), Targets: one("x.com"), Count: 100}, 4000, 100, 4000, false},
		{"backlinks short page", Request{Report: mustReport(t, "backlinks"), Targets: one("x.com"), Count: 100}, 4000, 37, 1480, false},
		{"page 3 charges its own lines", Request{Report: mustReport(t, "refdomains"), Targets: one("x.com"), Offset: 200, Count: 100}, 4000, 100, 4000, false},
		{"nothing found per line", Request{Report: mustReport(t, "anchors"), Targets: one("x.com"), Count: 10}, 400, 0, 0, false},
		{"overview per request", Request{Report: mustReport(t, "overview"), Targets: one("x.com")}, 40, 1, 40, true},
		{"categories per request", Request{Report: mustReport(t, "categories"), Targets: one("x.com")}, 50, 5, 50, true},
		{"ascore profile per request", Request{Report: mustReport(t, "ascore_profile"), Targets: one("x.com")}, 100, 101, 100, true},
		{"comparison per target line", Request{Report: mustReport(t, "comparison"), Targets: two}, 80, 2, 80, false},
		{"matrix per line", Request{Report: mustReport(t, "matrix"), Targets: two, Count: 50}, 2000, 50, 2000, false},
		{"historical per line", Request{Report: mustReport(t, "historical"), Targets: one("x.com"), Count: 5}, 200, 5, 200, false},
	}
	for _, c := range cases {
		if err := c.q.Validate(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := c.q.EstimateCost(); got != c.estimate {
			t.Errorf("%s: EstimateCost = %d, want %d", c.name, got, c.estimate)
		}
		if got := c.q.ActualCost(c.lines); got != c.actual {
			t.Errorf("%s: ActualCost(%d) = %d, want %d", c.name, c.lines, got, c.actual)
		}
		if (c.q.Report.Price.Per == PerRequest) != c.perRequest {
			t.Errorf("%s: price %v", c.name, c.q.Report.Price)
		}
	}
}

func TestLedger(t *testing.T) {
	l := NewLedger()
	if _, ok := l.Balance(); ok {
		t.Fatal("new ledger knows a balance")
	}
	var seen []Spend
	var mu sync.Mutex
	l.OnSpend(func(s Spend) { mu.Lock(); seen = append(seen, s); mu.Unlock() })
	l.Add(Spend{Report: "backlinks", Units: 400})
	l.SetBalance(1000)
	l.Add(Spend{Report: "backlinks_overview", Units: 40})
	l.Add(Spend{Report: "backlinks", Units: 0, Cached: true})
	if l.Total() != 440 {
		t.Errorf("Total = %d, want 440", l.Total())
	}
	if b, ok := l.Balance(); !ok || b != 960 {
		t.Errorf("Balance = %d %v, want 960 (1000 less the spend after it was read)", b, ok)
	}
	l.Add(Spend{Units: 5000})
	if b, _ := l.Balance(); b != 0 {
		t.Errorf("Balance after overspending = %d, want 0", b)
	}
	if len(l.Spends()) != 4 || len(seen) != 4 || seen[1].Units != 40 {
		t.Errorf("spends %d, hooks saw %d", len(l.Spends()), len(seen))
	}
	// Concurrent adds are all counted.
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); l.Add(Spend{Units: 2}) }()
	}
	wg.Wait()
	if l.Total() != 5540 {
		t.Errorf("Total after concurrent adds = %d, want 5540", l.Total())
	}
}
