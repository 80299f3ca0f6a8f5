package api_test

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"

	"linkdive/api"
	"linkdive/api/sandbox"
)

const budgetKey = "budget-test-key-0042"

func budgetClient(t *testing.T, budget int64) (*api.Client, *sandbox.Server) {
	t.Helper()
	srv := sandbox.New(sandbox.Options{RatePerSecond: -1, MaxInFlight: -1})
	c := api.NewClient(api.Config{Key: budgetKey, BaseURL: "http://sandbox.test/analytics/v1/",
		BalanceURL: "http://sandbox.test/users/countapiunits.html",
		HTTP:       &http.Client{Transport: srv.Transport()}, MaxRetries: -1, Budget: budget})
	return c, srv
}

func pageOf(t *testing.T, report string, offset, count int) api.Request {
	t.Helper()
	r, ok := api.LookupReport(report)
	if !ok {
		t.Fatal(report)
	}
	tg, _ := api.NewTarget("example.com", "")
	q := api.Request{Report: r, Targets: []api.Target{tg}}
	if r.Paged {
		q.Offset, q.Count = offset, count
	}
	return q
}

func TestBudgetRefusesWhatWouldPassIt(t *testing.T) {
	c, srv := budgetClient(t, 10_000)
	ctx := context.Background()
	// 220 rows = 8,800 units: within the budget.
	if _, err := c.Fetch(ctx, pageOf(t, "refdomains", 0, 220)); err != nil {
		t.Fatal(err)
	}
	spent, reqs := srv.Spent(budgetKey), srv.Requests()
	if spent != 8800 {
		t.Fatalf("server spent %d", spent)
	}
	// 100 more rows could cost 4,000; 1,200 are left.
	_, err := c.Fetch(ctx, pageOf(t, "refdomains", 220, 100))
	var be *api.BudgetError
	if !errors.As(err, &be) {
		t.Fatalf("want a *BudgetError, got %v", err)
	}
	if be.Need != 4000 || be.Remaining != 1200 || be.Budget != 10_000 || be.FitRows != 30 {
		t.Fatalf("budget error %+v", be)
	}
	want := "over budget: needs up to 4,000 units; 1,200 left of the 10,000 budget; 30 rows would fit"
	if be.Error() != want {
		t.Errorf("message %q\nwant    %q", be.Error(), want)
	}
	if srv.Spent(budgetKey) != spent || srv.Requests() != reqs {
		t.Fatalf("a refused request reached the server: spent +%d, requests +%d", srv.Spent(budgetKey)-spent, srv.Requests()-reqs)
	}
	if err := c.CheckBudget(pageOf(t, "refdomains", 220, 30)); err != nil {
		t.Fatalf("the page that fits is refused: %v", err)
	}
	if _, err := c.Fetch(ctx, pageOf(t, "refdomains", 220, 30)); err != nil {
		t.Fatal(err)
	}
	if limit, rem, ok := c.Budget(); !ok || limit != 10_000 || rem != 0 {
		t.Fatalf("Budget() = %d, %d, %v", limit, rem, ok)
	}
	// A per-request report has no rows to fit.
	_, err = c.Fetch(ctx, pageOf(t, "overview", 0, 0))
	if !errors.As(err, &be) || be.FitRows != 0 || be.Need != 40 {
		t.Fatalf("overview over budget: %v", err)
	}
	if srv.Spent(budgetKey) != c.Ledger().Total() {
		t.Fatalf("server spent %d, ledger %d", srv.Spent(budgetKey), c.Ledger().Total())
	}
	c.SetBudget(0)
	if _, err := c.Fetch(ctx, pageOf(t, "overview", 0, 0)); err != nil {
		t.Fatalf("no budget: %v", err)
	}
}

// Concurrent requests reserve their worst case: together they cannot pass
// the budget.
func TestBudgetHoldsUnderConcurrency(t *testing.T) {
	c, srv := budgetClient(t, 10_000)
	var wg sync.WaitGroup
	var mu sync.Mutex
	refused := 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_, err := c.Fetch(context.Background(), pageOf(t, "refdomains", i*50, 50)) // 2,000 each
			var be *api.BudgetError
			if errors.As(err, &be) {
				mu.Lock()
				refused++
				mu.Unlock()
			} else if err != nil {
				t.Error(err)
			}
		}(i)
	}
	wg.Wait()
	if srv.Spent(budgetKey) > 10_000 || refused != 3 {
		t.Fatalf("spent %d of a 10,000 budget, %d refused (want 5 sent, 3 refused)", srv.Spent(budgetKey), refused)
	}
}

func TestBalanceRefreshedAfterSpend(t *testing.T) {
	c, srv := budgetClient(t, 0)
	ctx := context.Background()
	// No balance read before: only the refresh after the spend knows it.
	if _, err := c.Fetch(ctx, pageOf(t, "refdomains", 0, 10)); err != nil {
		t.Fatal(err)
	}
	bal, ok := c.Ledger().Balance()
	if !ok || bal != srv.Balance(budgetKey) {
		t.Fatalf("known balance %d, server %d", bal, srv.Balance(budgetKey))
	}
}
