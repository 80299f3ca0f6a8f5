package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
)

const testKey = "sekrit-key-123"

// fixtureServer answers report requests with the documentation's bodies
// (LF turned into CRLF, as the live API sends them).
func fixtureServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Query().Get("key") != testKey {
			w.Write([]byte("ERROR 120 :: WRONG KEY - ID PAIR\r\n"))
			return
		}
		if r.URL.Path == "/users/countapiunits.html" {
			w.Write([]byte("1,000\r\n"))
			return
		}
		switch r.URL.Query().Get("type") {
		case "backlinks_refdomains":
			b, err := os.ReadFile("testdata/backlinks_refdomains.csv")
			if err != nil {
				t.Error(err)
			}
			w.Write(bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")))
		case "backlinks_comparison":
			b, _ := os.ReadFile("testdata/backlinks_comparison.csv")
			w.Write(b)
		case "backlinks_anchors":
			w.Write([]byte("ERROR 50 :: NOTHING FOUND\r\n"))
		default:
			w.WriteHeader(http.StatusBadGateway)
			w.Write([]byte("<html>bad gateway</html>"))
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func runGet(t *testing.T, srvURL, key string, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("SEMRUSH_API_KEY", key)
	t.Setenv("LINKDIVE_API_URL", srvURL+"/analytics/v1/")
	var out, errb bytes.Buffer
	code := run(append([]string{"get"}, args...), &out, &errb)
	if strings.Contains(out.String()+errb.String(), key) {
		t.Fatalf("the key leaked into the output:\n%s\n%s", out.String(), errb.String())
	}
	return code, out.String(), errb.String()
}

func TestGetCSVAndUnits(t *testing.T) {
	srv, _ := fixtureServer(t)
	code, out, errOut := runGet(t, srv.URL, testKey, "refdomains", "searchenginejournal.com", "--limit", "5")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 6 || lines[0] != "domain_ascore,domain,backlinks_num,ip,country,first_seen,last_seen" {
		t.Fatalf("csv output:\n%s", out)
	}
	if lines[1] != "86,libsyn.com,1850868,204.16.246.222,us,1495338484,1580410670" {
		t.Errorf("first row: %s", lines[1])
	}
	if !strings.Contains(errOut, "units: 200\n") {
		t.Errorf("stderr should say units: 200 (5 lines x 40), got %q", errOut)
	}
}

func TestGetJSONTypedValues(t *testing.T) {
	srv, _ := fixtureServer(t)
	code, out, errOut := runGet(t, srv.URL, testKey, "comparison", "ebay.com", "amazon.com", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows []map[string]any
	dec := json.NewDecoder(strings.NewReader(out))
	dec.UseNumber()
	if err := dec.Decode(&rows); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if len(rows) != 2 || rows[0]["target"] != "ebay.com" || rows[0]["backlinks_num"] != json.Number("15248332274") {
		t.Fatalf("rows: %v", rows)
	}
	if !strings.Contains(errOut, "units: 80\n") {
		t.Errorf("comparison of 2 targets costs 80 units, stderr %q", errOut)
	}
}

func TestGetErrors(t *testing.T) {
	srv, hits := fixtureServer(t)
	code, out, errOut := runGet(t, srv.URL, testKey, "anchors", "example.com")
	if code != 0 || out != "anchor,domains_num,backlinks_num,first_seen,last_seen\n" || !strings.Contains(errOut, "units: 0") {
		t.Errorf("NOTHING FOUND should print an empty result and exit 0: %d %q %q", code, out, errOut)
	}
	code, _, errOut = runGet(t, srv.URL, "wrong-key-456", "refdomains", "example.com")
	if code != 1 || !strings.Contains(errOut, "API error 120: WRONG KEY - ID PAIR") {
		t.Errorf("wrong key: exit %d, %q", code, errOut)
	}
	code, _, errOut = runGet(t, srv.URL, testKey, "pages", "example.com")
	if code != 1 || !strings.Contains(errOut, "HTTP 502") {
		t.Errorf("HTML 502: exit %d, %q", code, errOut)
	}
	before := hits.Load()
	code, _, errOut = runGet(t, srv.URL, testKey, "historical", "www.example.com")
	if code != 2 || !strings.Contains(errOut, "target type domain") || hits.Load() != before {
		t.Errorf("historical of a subdomain must be refused before sending: exit %d, %q", code, errOut)
	}
	code, _, _ = runGet(t, srv.URL, testKey, "refdomains")
	if code != 2 {
		t.Errorf("missing target: exit %d, want 2", code)
	}
}

func TestBalanceCommand(t *testing.T) {
	srv, _ := fixtureServer(t)
	t.Setenv("SEMRUSH_API_KEY", testKey)
	t.Setenv("LINKDIVE_API_URL", srv.URL+"/analytics/v1/")
	var out, errb bytes.Buffer
	if code := run([]string{"balance"}, &out, &errb); code != 0 || out.String() != "1,000\n" {
		t.Fatalf("balance: %d %q %q", code, out.String(), errb.String())
	}
}
