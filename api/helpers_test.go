package api

import (
	"errors"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// mustReport looks a report up or stops the test.
func mustReport(t testing.TB, name string) *Report {
	t.Helper()
	r, ok := LookupReport(name)
	if !ok {
		t.Fatalf("no report %q in the catalogue", name)
	}
	return r
}

func readTestdata(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// queryParam is one decoded query parameter, in wire order.
type queryParam struct{ Name, Value string }

// decodeQuery splits a raw URL's query into decoded parameters, keeping their
// order and repetitions (url.Values would lose both).
func decodeQuery(t testing.TB, raw string) []queryParam {
	t.Helper()
	i := strings.IndexByte(raw, '?')
	if i < 0 {
		return nil
	}
	var out []queryParam
	for _, kv := range strings.Split(raw[i+1:], "&") {
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		dk, err := url.QueryUnescape(k)
		if err != nil {
			t.Fatalf("bad parameter name %q: %v", k, err)
		}
		dv, err := url.QueryUnescape(v)
		if err != nil {
			t.Fatalf("bad value of %s %q: %v", dk, v, err)
		}
		out = append(out, queryParam{dk, dv})
	}
	return out
}

// requestFromURL turns a documented request URL into a typed Request: the
// inverse of Request.URL, written independently of it.
func requestFromURL(t testing.TB, raw string) Request {
	t.Helper()
	var q Request
	var targets []string
	var types []TargetType
	limit := 0
	for _, p := range decodeQuery(t, raw) {
		switch p.Name {
		case "key":
		case "type":
			q.Report = mustReport(t, p.Value)
		case "target", "targets[]":
			targets = append(targets, p.Value)
		case "target_type", "target_types[]":
			tt, err := ParseTargetType(p.Value)
			if err != nil {
				t.Fatal(err)
			}
			if tt == Subdomain {
				tt = Domain
			}
			types = append(types, tt)
		case "export_columns":
			q.Columns = strings.Split(p.Value, ",")
		case "display_sort":
			s, err := ParseSort(p.Value)
			if err != nil {
				t.Fatal(err)
			}
			q.Sort = s
		case "display_offset":
			q.Offset = atoi(t, p.Value)
		case "display_limit":
			limit = atoi(t, p.Value)
		case "display_filter":
			f, err := ParseFilter(p.Value)
			if err != nil {
				t.Fatal(err)
			}
			q.Filter = f
		case "export_escape":
			q.Escape = p.Value == "1"
		default:
			t.Fatalf("unexpected parameter %s=%s", p.Name, p.Value)
		}
	}
	if len(targets) != len(types) {
		t.Fatalf("%d targets, %d target types", len(targets), len(types))
	}
	for i := range targets {
		q.Targets = append(q.Targets, Target{Value: targets[i], Type: types[i]})
	}
	if limit > 0 {
		q.Count = limit - q.Offset
	}
	return q
}

func atoi(t testing.TB, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// checkTableShape fails when a table's columns do not all hold Len values,
// or a display text is not terminal-safe.
func checkTableShape(t testing.TB, tbl *Table) {
	t.Helper()
	if len(tbl.cols) != len(tbl.Columns) {
		t.Fatalf("%d column stores for %d columns", len(tbl.cols), len(tbl.Columns))
	}
	n := tbl.Len()
	for i, c := range tbl.cols {
		if len(c.text) != n {
			t.Fatalf("column %d (%s) has %d texts for %d rows", i, tbl.Columns[i].Code, len(c.text), n)
		}
		if c.num != nil && len(c.num) != n {
			t.Fatalf("column %d (%s) has %d numbers for %d rows", i, tbl.Columns[i].Code, len(c.num), n)
		}
		if c.flt != nil && len(c.flt) != n {
			t.Fatalf("column %d (%s) has %d floats for %d rows", i, tbl.Columns[i].Code, len(c.flt), n)
		}
		for r, s := range c.text {
			if bad := unsafeText(s); bad != "" {
				t.Fatalf("row %d column %s: %s in %q", r, tbl.Columns[i].Code, bad, s)
			}
		}
	}
	seen := map[int]bool{}
	for _, is := range tbl.Issues {
		if is.Row < 0 || is.Row >= n {
			t.Fatalf("issue for row %d of %d", is.Row, n)
		}
		if seen[is.Row] {
			t.Fatalf("two issues for row %d", is.Row)
		}
		seen[is.Row] = true
		if bad := unsafeText(is.Msg); bad != "" {
			t.Fatalf("issue message: %s in %q", bad, is.Msg)
		}
	}
}

// unsafeText names the first thing in s that must not reach a terminal, or
// returns "".
func unsafeText(s string) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	for _, r := range s {
		switch {
		case r < 0x20:
			return "C0 control " + strconv.QuoteRune(r)
		case r == 0x7f:
			return "DEL"
		case r >= 0x80 && r <= 0x9f:
			return "C1 control " + strconv.QuoteRune(r)
		case hidingRune(r):
			return "format character " + strconv.QuoteRune(r)
		}
	}
	return ""
}

// hidingRune lists, independently of sanitize.go, the invisible characters
// that reorder or hide text: bidi embeddings, overrides, isolates and marks,
// zero-width space, word joiner, invisible operators and deprecated format
// controls, the Mongolian vowel separator, the BOM, line and paragraph
// separators, interlinear annotations.
func hidingRune(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200b, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r >= 0x2060 && r <= 0x206f, r == 0x180e, r == 0xfeff, r == 0x2028, r == 0x2029:
		return true
	case r >= 0xfff9 && r <= 0xfffb:
		return true
	}
	return false
}

// isAPIError reports whether err is an *APIError with the code.
func isAPIError(err error, code int) bool {
	var ae *APIError
	return errors.As(err, &ae) && ae.Code == code
}
