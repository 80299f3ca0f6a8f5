package main

import (
	"bytes"
	"flag"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"linkdive/api/sandbox"
	"linkdive/api/spendlog"
)

func TestGetRefusesACostlyRequestUnlessYes(t *testing.T) {
	h := home(t)
	srv := sandboxServer(t)
	// 101 rows of backlinks: 4,040 units, over the default 4,000.
	code, out, errOut := runCmd(t, "get", "backlinks", "example.com", "--limit", "101")
	if code != 2 || out != "" || srv.Requests() != 0 {
		t.Fatalf("over the threshold: exit %d, %d requests, out %q", code, srv.Requests(), out)
	}
	if !strings.Contains(errOut, "backlinks example.com rows 1-101 needs up to 4,040 units, over the confirm threshold of 4,000; add --yes to spend them, or lower --limit") {
		t.Fatalf("message: %q", errOut)
	}
	if strings.Contains(errOut, "units:") || strings.Contains(errOut, "linkdive get -h") {
		t.Errorf("a refusal is not a spend nor a usage error: %q", errOut)
	}
	// The QA's case: the message carries the real figure.
	code, _, errOut = runCmd(t, "get", "backlinks", "example.com", "--limit", "100001")
	if code != 2 || !strings.Contains(errOut, "needs up to 4,000,040 units") || srv.Requests() != 0 {
		t.Fatalf("100,001 lines: exit %d %q", code, errOut)
	}
	// At the threshold it goes; --yes and a higher --confirm-above let it through.
	if code, _, errOut = runCmd(t, "get", "backlinks", "example.com", "--limit", "100"); code != 0 || !strings.Contains(errOut, "units: 4000\n") {
		t.Fatalf("100 rows: exit %d %q", code, errOut)
	}
	if code, _, errOut = runCmd(t, "get", "backlinks", "example.com", "--limit", "101", "--yes"); code != 0 || !strings.Contains(errOut, "units: 4040\n") {
		t.Fatalf("--yes: exit %d %q", code, errOut)
	}
	if code, _, errOut = runCmd(t, "get", "refdomains", "example.com", "--limit", "120", "--confirm-above", "5000"); code != 0 {
		t.Fatalf("--confirm-above 5000: exit %d %q", code, errOut)
	}
	// Cached answers cost nothing and pass; --refresh would pay again.
	reqs := srv.Requests()
	if code, _, errOut = runCmd(t, "get", "backlinks", "example.com", "--limit", "101"); code != 0 || !strings.Contains(errOut, "units: 0 (cached") {
		t.Fatalf("cached: exit %d %q", code, errOut)
	}
	if code, _, _ = runCmd(t, "get", "backlinks", "example.com", "--limit", "101", "--refresh"); code != 2 || srv.Requests() != reqs {
		t.Fatalf("--refresh over the threshold: exit %d, +%d requests", code, srv.Requests()-reqs)
	}
	// The config file's confirm_above counts; a per-request report says
	// how to raise it rather than to lower --limit.
	writeConfig(t, h, "confirm_above = 30\n", 0o600)
	code, _, errOut = runCmd(t, "get", "overview", "example.org")
	if code != 2 || !strings.Contains(errOut, "needs up to 40 units, over the confirm threshold of 30; add --yes to spend them, or raise --confirm-above") {
		t.Fatalf("config confirm_above: exit %d %q", code, errOut)
	}
	if srv.Requests() != reqs {
		t.Fatal("a refused request reached the server")
	}
}

func TestGetAllNeedsABudgetOrYes(t *testing.T) {
	h := home(t)
	srv := sandboxServer(t)
	code, _, errOut := runCmd(t, "get", "refdomains", "b.org", "--all")
	if code != 2 || srv.Requests() != 0 ||
		!strings.Contains(errOut, "--all pages through the whole report (40 units a row, up to 1,000,000 rows) and what that costs is not known up front; add --budget N to cap the units, or --yes to spend what it takes") {
		t.Fatalf("--all alone: exit %d %q", code, errOut)
	}
	// Pages under 100 rows multiply the requests: refused even with a budget.
	code, _, errOut = runCmd(t, "get", "refdomains", "b.org", "--all", "--limit", "2", "--budget", "100000")
	if code != 2 || srv.Requests() != 0 ||
		!strings.Contains(errOut, "--all with --limit 2 sends a request for every 2 rows; use --limit 100 or more (the units are per row either way), or add --yes to page by 2 anyway") {
		t.Fatalf("--all --limit 2: exit %d %q", code, errOut)
	}
	// A budget (flag or config) lets it page; its pages may pass the confirm threshold.
	code, _, errOut = runCmd(t, "get", "refdomains", "b.org", "--all", "--budget", "100000")
	if code != 0 || !strings.Contains(errOut, "rows: 62 in 1 pages") || !strings.Contains(errOut, "units: 2480\n") {
		t.Fatalf("--all --budget: exit %d %q", code, errOut)
	}
	writeConfig(t, h, "budget = 100000\n", 0o600)
	if code, _, errOut = runCmd(t, "get", "refdomains", "a.org", "--all"); code != 0 {
		t.Fatalf("config budget: exit %d %q", code, errOut)
	}
}

// countDemo makes every demo connection's sandbox countable.
func countDemo(t *testing.T) func() (requests int) {
	t.Helper()
	var mu sync.Mutex
	var servers []*sandbox.Server
	old := newDemoSandbox
	newDemoSandbox = func() *sandbox.Server {
		s := old()
		mu.Lock()
		servers = append(servers, s)
		mu.Unlock()
		return s
	}
	t.Cleanup(func() { newDemoSandbox = old })
	return func() int {
		mu.Lock()
		defer mu.Unlock()
		n := 0
		for _, s := range servers {
			n += s.Requests()
		}
		return n
	}
}

func TestOfflineWithoutAKeyServesTheDemoCache(t *testing.T) {
	home(t) // no key
	requests := countDemo(t)
	code, out1, errOut := runCmd(t, "get", "refdomains", "example.com", "--limit", "20")
	if code != 0 || !strings.Contains(errOut, "units: 800\n") || requests() == 0 {
		t.Fatalf("demo get: exit %d %q", code, errOut)
	}
	before := requests()
	code, out2, errOut := runCmd(t, "get", "refdomains", "example.com", "--limit", "20", "--offline")
	if code != 0 || out2 != out1 || !strings.Contains(errOut, "units: 0 (cached") || !strings.Contains(errOut, "demo data") {
		t.Fatalf("offline without a key: exit %d %q", code, errOut)
	}
	code, _, errOut = runCmd(t, "get", "anchors", "example.com", "--offline")
	if code != 1 || !strings.Contains(errOut, "not in the cache (offline)") {
		t.Fatalf("offline miss: exit %d %q", code, errOut)
	}
	if requests() != before {
		t.Fatalf("offline sent %d requests", requests()-before)
	}
	// The explorer gets the same client: demo, offline, the demo endpoint.
	var o connOpts
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	o.register(fs)
	if err := fs.Parse([]string{"--offline"}); err != nil {
		t.Fatal(err)
	}
	c, err := o.connect(io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	if !c.demo || !c.client.Offline() || !strings.HasPrefix(c.client.BaseURL(), demoHost) || c.endpoint != spendlog.Demo {
		t.Fatalf("offline without a key: demo %v offline %v base %s endpoint %s", c.demo, c.client.Offline(), c.client.BaseURL(), c.endpoint)
	}
	// linkdive config agrees.
	_, out, _ := runCmd(t, "config", "--offline")
	if got := setting(out, "key"); got[0] != "not set (offline: the demo sandbox's cached answers only)" {
		t.Fatalf("config --offline: %q\n%s", got, out)
	}
}

func TestBalanceSaysDemoUnitsAreSynthetic(t *testing.T) {
	home(t)
	code, out, errOut := runCmd(t, "balance")
	if code != 0 || out != "10,000,000\n" {
		t.Fatalf("demo balance: %d %q %q", code, out, errOut)
	}
	if !strings.Contains(errOut, "demo sandbox: synthetic units, reset at every start (set SEMRUSH_API_KEY for your real balance)") {
		t.Fatalf("no demo note: %q", errOut)
	}
	sandboxServer(t) // a key: no note
	if code, _, errOut = runCmd(t, "balance"); code != 0 || strings.Contains(errOut, "demo sandbox") {
		t.Fatalf("balance with a key: %d %q", code, errOut)
	}
}

func TestCutOffResponsesAreCountedAtTheirWorstCase(t *testing.T) {
	h := home(t)
	srv := sandbox.New(sandbox.Options{RatePerSecond: -1, MaxInFlight: -1, TruncateRate: 1,
		Now: func() time.Time { return time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC) }})
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	t.Setenv("SEMRUSH_API_KEY", storeKey)
	t.Setenv("LINKDIVE_API_URL", hs.URL+"/analytics/v1/")

	code, _, errOut := runCmd(t, "get", "refdomains", "example.com", "--limit", "20")
	if code != 1 || !strings.Contains(errOut, "the response was cut off; the API may have charged it: counted up to 800 units") ||
		!strings.Contains(errOut, "units: 800 (worst case: the response was cut off)\n") {
		t.Fatalf("cut-off get: exit %d %q", code, errOut)
	}
	if n := len(srv.Log()); n != 1 {
		t.Fatalf("a cut-off response must not be retried: %d requests", n)
	}
	// --all stops at the cut page and counts it.
	code, _, errOut = runCmd(t, "get", "refdomains", "example.com", "--all", "--limit", "100", "--yes")
	if code != 1 || !strings.Contains(errOut, "units: 4000 (4000 of them for a cut-off page, counted at its worst case)\n") {
		t.Fatalf("cut-off --all: exit %d %q", code, errOut)
	}
	entries, _, err := spendlog.Read(filepath.Join(h, "state", "linkdive", "spend.jsonl"))
	if err != nil || len(entries) != 2 {
		t.Fatalf("spend log: %+v %v", entries, err)
	}
	var units int64
	for _, e := range entries {
		units += e.Units
		if !e.Uncertain {
			t.Errorf("entry not marked uncertain: %+v", e)
		}
	}
	// The sandbox charges cut-off bodies in full: the log holds what it took.
	if units != 4800 || srv.Spent(storeKey) != units {
		t.Fatalf("spend log %d units, server %d", units, srv.Spent(storeKey))
	}
	code, out, _ := runCmd(t, "spend")
	if code != 0 || !strings.Contains(out, "(includes 4,800 units of cut-off responses") {
		t.Fatalf("spend output:\n%s", out)
	}
}

// TestGetIntoAClosedPipe runs `get --all` in a child process whose stdout
// is a pipe the test closes after a few bytes, as `| head -3` does: the
// child must not die of SIGPIPE, must stop paging, and must still say what
// it spent (the units line on stderr, the spend log).
func TestGetIntoAClosedPipe(t *testing.T) {
	if os.Getenv("LINKDIVE_PIPE_CHILD") != "" {
		t.Skip("the child runs TestGetIntoAClosedPipeChild")
	}
	h := home(t)
	srv := sandboxServer(t)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestGetIntoAClosedPipeChild$")
	cmd.Env = append(os.Environ(), "LINKDIVE_PIPE_CHILD="+h)
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = w, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	buf := make([]byte, 200)
	if _, err := io.ReadFull(r, buf); err != nil {
		t.Fatalf("reading the child's output: %v (stderr %q)", err, errb.String())
	}
	r.Close()
	err = cmd.Wait()
	errOut := errb.String()
	if strings.Contains(errOut, storeKey) {
		t.Fatal("the key leaked")
	}
	if err != nil {
		t.Fatalf("the child died: %v (stderr %q)", err, errOut)
	}
	if !strings.HasPrefix(string(buf), "domain_ascore,domain,") {
		t.Errorf("output %q", buf)
	}
	m := regexp.MustCompile(`(?m)^units: (\d+)`).FindStringSubmatch(errOut)
	if m == nil || !strings.Contains(errOut, "output closed early: stopped paging after") {
		t.Fatalf("stderr %q", errOut)
	}
	units, _ := strconv.ParseInt(m[1], 10, 64)
	if units == 0 || units != srv.Spent(storeKey) {
		t.Fatalf("units line %d, server charged %d", units, srv.Spent(storeKey))
	}
	if pages := len(srv.Log()); pages >= 120 {
		t.Fatalf("paging went on after the output closed: %d pages", pages)
	}
	entries, _, _ := spendlog.Read(filepath.Join(h, "state", "linkdive", "spend.jsonl"))
	var logged int64
	for _, e := range entries {
		logged += e.Units
	}
	if logged != units {
		t.Fatalf("spend log %d units, units line %d", logged, units)
	}
}

// TestGetIntoAClosedPipeChild is the child of TestGetIntoAClosedPipe.
func TestGetIntoAClosedPipeChild(t *testing.T) {
	h := os.Getenv("LINKDIVE_PIPE_CHILD")
	if h == "" {
		t.Skip("run by TestGetIntoAClosedPipe")
	}
	// TestMain made an empty home of its own: drop it, use the parent's.
	if d := filepath.Dir(os.Getenv("HOME")); strings.Contains(filepath.Base(d), "linkdive-test-home-") {
		os.RemoveAll(d)
	}
	os.Setenv("HOME", h)
	os.Setenv("XDG_CACHE_HOME", filepath.Join(h, "cache"))
	os.Setenv("XDG_STATE_HOME", filepath.Join(h, "state"))
	os.Setenv("XDG_CONFIG_HOME", filepath.Join(h, "config"))
	// example.com has 12,000 referring domains: 120 pages of 100, far more
	// than a pipe holds. os.Exit: the test framework's own "PASS" would go
	// to the closed stdout.
	os.Exit(run([]string{"get", "refdomains", "example.com", "--all", "--limit", "100", "--yes", "--format", "csv"}, os.Stdout, os.Stderr))
}
