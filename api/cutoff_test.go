package api_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"linkdive/api"
	"linkdive/api/sandbox"
)

// A 200 whose body is cut off may have been charged (the sandbox charges
// it in full): the ledger counts its worst case, marked uncertain, the
// budget sees it, and it is not retried.
func TestCutOffResponseIsCountedAndBudgeted(t *testing.T) {
	const key = "cutoff-test-key-77"
	srv := sandbox.New(sandbox.Options{RatePerSecond: -1, MaxInFlight: -1, TruncateRate: 1})
	c := api.NewClient(api.Config{Key: key, BaseURL: "http://sandbox.test/analytics/v1/",
		BalanceURL: "http://sandbox.test/users/countapiunits.html",
		HTTP:       &http.Client{Transport: srv.Transport()}, Budget: 1000})
	tg, _ := api.NewTarget("example.com", "")
	r, _ := api.LookupReport("refdomains")
	q := api.Request{Report: r, Targets: []api.Target{tg}, Count: 20}
	_, err := c.Fetch(t.Context(), q)
	var co *api.CutOffError
	if !errors.As(err, &co) || co.Units != 800 {
		t.Fatalf("want a CutOffError of 800 units, got %v", err)
	}
	if !strings.Contains(err.Error(), "the response was cut off; the API may have charged it: counted up to 800 units") || strings.Contains(err.Error(), key) {
		t.Errorf("message %q", err)
	}
	var te *api.TransportError
	if !errors.As(err, &te) || !te.Cut || te.Status != 200 {
		t.Errorf("the cause is a cut 200: %#v", te)
	}
	if n := len(srv.Log()); n != 1 {
		t.Fatalf("a cut-off response was sent %d times", n)
	}
	sp := c.Ledger().Spends()
	if c.Ledger().Total() != 800 || len(sp) != 1 || !sp[0].Uncertain || sp[0].Lines != 20 || srv.Spent(key) != 800 {
		t.Fatalf("ledger %d %+v; server charged %d", c.Ledger().Total(), sp, srv.Spent(key))
	}
	q.Offset, q.Count = 20, 10 // 400 units; 200 left of the budget
	var be *api.BudgetError
	if err := c.CheckBudget(q); !errors.As(err, &be) || be.Remaining != 200 {
		t.Fatalf("budget after a cut-off response: %v", err)
	}
}
