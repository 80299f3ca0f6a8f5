package spendlog_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"linkdive/api"
	"linkdive/api/spendlog"
)

// A cut-off response's worst-case spend is logged marked uncertain and
// summed apart, so that linkdive spend can say how much of a total it is.
func TestUncertainSpendsAreLoggedAndSummed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "spend.jsonl")
	l, err := spendlog.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ledger := api.NewLedger()
	l.Attach(ledger, spendlog.Live)
	now := time.Now()
	ledger.Add(api.Spend{Time: now, Report: "backlinks", Targets: []string{"a.com"}, Lines: 10, Units: 400})
	ledger.Add(api.Spend{Time: now, Report: "backlinks", Targets: []string{"a.com"}, Lines: 20, Units: 800, Uncertain: true})
	l.Close()
	b, _ := os.ReadFile(path)
	if strings.Count(string(b), `"uncertain":true`) != 1 {
		t.Fatalf("file:\n%s", b)
	}
	entries, _, err := spendlog.Read(path)
	if err != nil || len(entries) != 2 || entries[0].Uncertain || !entries[1].Uncertain {
		t.Fatalf("entries %+v %v", entries, err)
	}
	sum := spendlog.Sum(entries)
	if sum.Units != 1200 || sum.Uncertain != 800 {
		t.Fatalf("tally %+v", sum)
	}
	sess := spendlog.Sum(spendlog.FromSpends(ledger.Spends(), spendlog.Live))
	if sess.Uncertain != 800 {
		t.Fatalf("session tally %+v", sess)
	}
}
