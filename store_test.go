package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"linkdive/api/sandbox"
	"linkdive/api/spendlog"
)

// TestMain keeps every test of the package away from the real home: the
// cache, the spend log and the config file go to a temporary directory
// unless a test sets its own.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "linkdive-test-home-")
	if err != nil {
		panic(err)
	}
	for _, v := range []string{"HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"} {
		os.Setenv(v, filepath.Join(dir, strings.ToLower(v)))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

const storeKey = "store-test-key-9d81c7aa"

// home gives the test its own cache, state and config directories.
func home(t *testing.T) string {
	t.Helper()
	h := t.TempDir()
	t.Setenv("HOME", h)
	t.Setenv("XDG_CACHE_HOME", filepath.Join(h, "cache"))
	t.Setenv("XDG_STATE_HOME", filepath.Join(h, "state"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(h, "config"))
	t.Setenv("SEMRUSH_API_KEY", "")
	t.Setenv("LINKDIVE_API_URL", "")
	return h
}

// sandboxServer runs the sandbox over HTTP (as `linkdive sandbox` does).
func sandboxServer(t *testing.T) *sandbox.Server {
	t.Helper()
	srv := sandbox.New(sandbox.Options{RatePerSecond: -1, MaxInFlight: -1,
		Now: func() time.Time { return time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC) }})
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	t.Setenv("SEMRUSH_API_KEY", storeKey)
	t.Setenv("LINKDIVE_API_URL", hs.URL+"/analytics/v1/")
	return srv
}

func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	if strings.Contains(out.String()+errb.String(), storeKey) {
		t.Fatalf("the key leaked into the output:\n%s\n%s", out.String(), errb.String())
	}
	return code, out.String(), errb.String()
}

func writeConfig(t *testing.T, h, text string, mode os.FileMode) string {
	t.Helper()
	p := filepath.Join(h, "config", "linkdive", "config.toml")
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), mode); err != nil {
		t.Fatal(err)
	}
	os.Chmod(p, mode)
	return p
}

// noFileHoldsKey scans every file under dir for the key.
func noFileHoldsKey(t *testing.T, dir, key string) int {
	t.Helper()
	n := 0
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return nil
		}
		n++
		b, _ := os.ReadFile(p)
		if bytes.Contains(b, []byte(key)) && !strings.HasSuffix(p, "config.toml") {
			t.Errorf("%s holds the API key", p)
		}
		return nil
	})
	return n
}

func TestGetTwiceCostsOnce(t *testing.T) {
	h := home(t)
	srv := sandboxServer(t)
	code, out1, err1 := runCmd(t, "get", "refdomains", "example.com", "--limit", "20")
	if code != 0 || !strings.Contains(err1, "units: 800\n") {
		t.Fatalf("first get: %d %q", code, err1)
	}
	reqs, spent := srv.Requests(), srv.Spent(storeKey)
	code, out2, err2 := runCmd(t, "get", "refdomains", "example.com", "--limit", "20")
	if code != 0 || !strings.Contains(err2, "units: 0 (cached, just now)\n") || out1 != out2 {
		t.Fatalf("second get: %d %q", code, err2)
	}
	if srv.Requests() != reqs || srv.Spent(storeKey) != spent {
		t.Fatal("the cached get reached the server")
	}
	// --refresh pays again and says so.
	code, _, err3 := runCmd(t, "get", "refdomains", "example.com", "--limit", "20", "--refresh")
	if code != 0 || !strings.Contains(err3, "units: 800\n") || srv.Spent(storeKey) != spent+800 {
		t.Fatalf("refresh: %d %q", code, err3)
	}
	// --offline answers from the cache, and refuses what is not there.
	reqs = srv.Requests()
	code, _, err4 := runCmd(t, "get", "refdomains", "example.com", "--limit", "20", "--offline")
	if code != 0 || !strings.Contains(err4, "cached") {
		t.Fatalf("offline hit: %d %q", code, err4)
	}
	code, _, err5 := runCmd(t, "get", "refdomains", "example.org", "--offline")
	if code != 1 || !strings.Contains(err5, "not in the cache (offline)") || srv.Requests() != reqs {
		t.Fatalf("offline miss: %d %q (requests +%d)", code, err5, srv.Requests()-reqs)
	}
	// The spend log holds what the server charged.
	entries, _, _ := spendlog.Read(filepath.Join(h, "state", "linkdive", "spend.jsonl"))
	var units int64
	for _, e := range entries {
		units += e.Units
	}
	if units != srv.Spent(storeKey) {
		t.Fatalf("spend log %d units, server %d", units, srv.Spent(storeKey))
	}
	if n := noFileHoldsKey(t, h, storeKey); n < 2 {
		t.Fatalf("only %d files written", n)
	}
}

func TestGetAllPagesWithinTheBudget(t *testing.T) {
	home(t)
	srv := sandboxServer(t)
	// b.org has 62 referring domains: three pages of 25.
	code, out, errOut := runCmd(t, "get", "refdomains", "b.org", "--all", "--limit", "25", "--format", "json", "--yes")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("streamed json: %v\n%s", err, out)
	}
	log := srv.Log()
	if len(rows) != 62 || len(log) != 3 || log[2].Offset != 50 || log[2].Limit != 75 {
		t.Fatalf("%d rows in %d requests (%+v)", len(rows), len(log), log)
	}
	if !strings.Contains(errOut, "rows: 62 in 3 pages") || !strings.Contains(errOut, "units: 2480\n") {
		t.Fatalf("stderr %q", errOut)
	}
	// Again: all from the cache, in the same bytes.
	code, out2, errOut := runCmd(t, "get", "refdomains", "b.org", "--all", "--limit", "25", "--format", "json", "--yes")
	if code != 0 || out2 != out || !strings.Contains(errOut, "units: 0 (cached") || len(srv.Log()) != 3 {
		t.Fatalf("cached --all: %d %q", code, errOut)
	}
	// A budget of 2,100 units: two pages (2,000) fit, the third would not.
	spent := srv.Spent(storeKey)
	code, out3, errOut := runCmd(t, "get", "refdomains", "example.com", "--all", "--limit", "25", "--budget", "2100", "--yes")
	if code != 0 || !strings.Contains(errOut, "stopped before rows 51-75: over budget: needs up to 1,000 units; 100 left of the 2,100 budget; 2 rows would fit") {
		t.Fatalf("budget stop: %d %q", code, errOut)
	}
	if got := srv.Spent(storeKey) - spent; got != 2000 || strings.Count(out3, "\n") != 51 {
		t.Fatalf("spent %d under a 2,100 budget; %d lines out", got, strings.Count(out3, "\n"))
	}
}

func TestGetAllRefusesUnpaged(t *testing.T) {
	home(t)
	sandboxServer(t)
	code, _, errOut := runCmd(t, "get", "overview", "example.com", "--all")
	if code != 2 || !strings.Contains(errOut, "not paged") {
		t.Fatalf("%d %q", code, errOut)
	}
}

func TestSpendCommand(t *testing.T) {
	home(t)
	srv := sandboxServer(t)
	runCmd(t, "get", "refdomains", "example.com", "--limit", "10")
	runCmd(t, "get", "backlinks", "example.org", "--limit", "5")
	t.Setenv("SEMRUSH_API_KEY", "")
	runCmd(t, "get", "refdomains", "example.com", "--limit", "3", "--demo")
	code, out, errOut := runCmd(t, "spend")
	if code != 0 {
		t.Fatalf("%d %s", code, errOut)
	}
	ep := spendlog.EndpointLabel(os.Getenv("LINKDIVE_API_URL"), false)
	demoAt, epAt := strings.Index(out, "demo: the built-in sandbox's fake units (never billed)"), strings.Index(out, ep+": units of this endpoint")
	if demoAt < 0 || epAt < 0 || !strings.Contains(out, "last 24 h") {
		t.Fatalf("spend output:\n%s", out)
	}
	demo, other := out[demoAt:epAt], out[epAt:]
	for _, want := range []struct {
		part, line string
	}{
		{demo, "total 120 120 120"},
		{other, fmt.Sprintf("total %d %d %d", srv.Spent(storeKey), srv.Spent(storeKey), srv.Spent(storeKey))},
		{other, "report backlinks_refdomains 400 400 400"},
		{other, "target example.org 200 200 200"},
	} {
		found := false
		for _, l := range strings.Split(want.part, "\n") {
			found = found || strings.Join(strings.Fields(l), " ") == want.line
		}
		if !found {
			t.Errorf("spend output lacks %q:\n%s", want.line, out)
		}
	}
}

func TestConfigPrecedenceAndSources(t *testing.T) {
	h := home(t)
	writeConfig(t, h, `
key = "file-key-0000111122223333"
api_url = "http://127.0.0.1:9/analytics/v1/"
page_size = 250
budget = 50000
cache_max_age = "90d"
theme = "light"
mouse = true

[keys]
copy = ["C", "ctrl+y"]
add_linkgap = "L"
`, 0o600)
	t.Setenv("LINKDIVE_API_URL", "http://127.0.0.2:9/analytics/v1/")
	code, out, errOut := runCmd(t, "config", "--budget", "700")
	if code != 0 {
		t.Fatalf("%d %s", code, errOut)
	}
	if strings.Contains(out, "file-key-0000111122223333") {
		t.Fatal("config shows the key")
	}
	if !strings.Contains(out, "(exists, mode 0600)") {
		t.Errorf("file state missing:\n%s", out)
	}
	for _, want := range [][3]string{
		{"key", "set (not shown)", "file"},
		{"api_url", "http://127.0.0.2:9/analytics/v1/", "env LINKDIVE_API_URL"},
		{"page_size", "250", "file"},
		{"confirm_above", "4,000", "default"},
		{"budget", "700 units", "flag"},
		{"cache_max_age", "30d", "file"},
		{"mouse", "true", "file"},
		{"theme", "light", "file"},
		{"keys.add_linkgap", "L", "file"},
		{"keys.copy", "C, ctrl+y", "file"},
	} {
		if got := setting(out, want[0]); got != [2]string{want[1], want[2]} {
			t.Errorf("%s = %q, want %q", want[0], got, want[1:])
		}
	}
	if !strings.Contains(errOut, "cache_max_age 90d is over the API terms' limit of a month; using 30d") {
		t.Errorf("the clamp is not said: %q", errOut)
	}
	t.Setenv("SEMRUSH_API_KEY", "env-key-44445555")
	_, out, _ = runCmd(t, "config")
	if setting(out, "key")[1] != "env SEMRUSH_API_KEY" {
		t.Errorf("the environment's key wins over the file's:\n%s", out)
	}
}

// setting finds a setting's value and source in `linkdive config` output.
func setting(out, name string) [2]string {
	for _, l := range strings.Split(out, "\n") {
		f := regexp.MustCompile(`\s{2,}`).Split(strings.TrimSpace(l), -1)
		if len(f) == 3 && f[0] == name {
			return [2]string{f[1], f[2]}
		}
	}
	return [2]string{}
}

func TestConfigRefusesAKeyOthersCanRead(t *testing.T) {
	h := home(t)
	p := writeConfig(t, h, "key = \"visible-key-12345678\"\n", 0o644)
	code, out, errOut := runCmd(t, "get", "refdomains", "example.com")
	if code != 2 || !strings.Contains(errOut, "chmod 600 "+p) || strings.Contains(out+errOut, "visible-key-12345678") {
		t.Fatalf("%d %q", code, errOut)
	}
	// The same file without a key is fine.
	writeConfig(t, h, "page_size = 50\n", 0o644)
	if code, _, errOut := runCmd(t, "config"); code != 0 {
		t.Fatalf("a key-less world-readable config: %d %s", code, errOut)
	}
}

func TestConfigErrors(t *testing.T) {
	cases := map[string]string{
		"budgte = 5\n":                  `unknown setting budgte`,
		"theme = \"pink\"\n":            `"pink" is not a theme`,
		"cache_max_age = \"soon\"\n":    `"soon" is not an age`,
		"[keys]\nnot_a_binding = \"x\"": `no key binding named "not_a_binding" (bindings: `,
		"page_size = 0\n":               "page_size: 0 is not between 1 and 10,000",
		"key = \"abc-secret-123\" x\n":  "line 1",
	}
	for text, want := range cases {
		h := home(t)
		writeConfig(t, h, text, 0o600)
		code, _, errOut := runCmd(t, "config")
		if code != 1 || !strings.Contains(errOut, want) || strings.Contains(errOut, "abc-secret-123") {
			t.Errorf("config %q: exit %d, %q (want %q)", text, code, errOut, want)
		}
	}
}

func TestBindingNamesAreKeymapNames(t *testing.T) {
	names := bindingNames()
	for _, n := range []string{"copy", "add_linkgap", "page_up", "form_move_up", "refresh", "export"} {
		found := false
		for _, m := range names {
			found = found || m == n
		}
		if !found {
			t.Errorf("binding %q missing from %v", n, names)
		}
	}
	if isBinding("tab_number") {
		t.Error("tab_number is not overridable")
	}
	km := keyMap(map[string][]string{"copy": {"ctrl+y"}})
	if km.Copy.Keys()[0] != "ctrl+y" {
		t.Fatal("override not applied")
	}
}

func TestParseAge(t *testing.T) {
	for in, want := range map[string]time.Duration{"7d": 7 * 24 * time.Hour, "72h": 72 * time.Hour, "1d12h": 36 * time.Hour, "90m": 90 * time.Minute} {
		if got, err := parseAge(in); err != nil || got != want {
			t.Errorf("parseAge(%q) = %v, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "0", "-1d", "d", "7 days"} {
		if _, err := parseAge(in); err == nil {
			t.Errorf("parseAge(%q) accepted", in)
		}
	}
}

func TestProgressSilentWithoutTerminal(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b, 100)
	p.update(10, 1, 400)
	p.done()
	if b.Len() != 0 {
		t.Fatalf("progress wrote %q to a non-terminal", b.String())
	}
	p.on = true
	p.update(50, 2, 2000)
	if !strings.HasPrefix(b.String(), "\r[##########----------] 50 rows · 2 pages · 2,000 units") || !strings.Contains(b.String(), "at most") {
		t.Fatalf("progress line %q", b.String())
	}
}

func TestNoWrittenFileHoldsTheKey(t *testing.T) {
	h := home(t)
	sandboxServer(t)
	runCmd(t, "get", "refdomains", "example.com", "--limit", "5")
	runCmd(t, "get", "backlinks", "example.com", "--all", "--limit", "100", "--budget", "4000")
	runCmd(t, "get", "anchors", "example.com", "--limit", "5", "--offline")
	runCmd(t, "spend")
	runCmd(t, "config")
	if n := noFileHoldsKey(t, h, storeKey); n < 3 {
		t.Fatalf("only %d files written under the test home", n)
	}
}
