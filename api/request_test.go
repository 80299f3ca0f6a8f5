package api

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func paramMap(ps []Param) map[string]string {
	m := map[string]string{}
	for _, p := range ps {
		m[p.Name] = p.Value
	}
	return m
}

func one(v string) []Target { return []Target{{v, RootDomain}} }

func TestParamsOffsetLimit(t *testing.T) {
	bl := mustReport(t, "backlinks")
	cases := []struct {
		offset, count int
		wantOffset    string // "" = absent
		wantLimit     string
	}{
		{0, 100, "", "100"},
		{100, 100, "100", "200"}, // page 2 of 100: rows 100..199
		{200, 50, "200", "250"},
		{0, 1, "", "1"},
		{999999, 1, "999999", "1000000"},
	}
	for _, c := range cases {
		q := Request{Report: bl, Targets: one("example.com"), Offset: c.offset, Count: c.count}
		if err := q.Validate(); err != nil {
			t.Fatalf("offset %d count %d: %v", c.offset, c.count, err)
		}
		m := paramMap(q.Params("k"))
		off, hasOff := m["display_offset"]
		if off != c.wantOffset || hasOff != (c.wantOffset != "") {
			t.Errorf("offset %d count %d: display_offset %q (present %v), want %q", c.offset, c.count, off, hasOff, c.wantOffset)
		}
		if m["display_limit"] != c.wantLimit {
			t.Errorf("offset %d count %d: display_limit %q, want %q (an END index)", c.offset, c.count, m["display_limit"], c.wantLimit)
		}
		if q.Lines() != c.count || q.Limit() != c.offset+c.count {
			t.Errorf("Lines %d Limit %d", q.Lines(), q.Limit())
		}
	}
	// Every paged report sends a limit: without one the API serves 10,000 lines.
	for _, r := range Reports() {
		q := Request{Report: r, Targets: one("example.com")}
		if r.Multi {
			q.Targets = []Target{{"a.com", RootDomain}, {"b.com", RootDomain}}
		}
		if r.Paged {
			q.Count = 7
		}
		if err := q.Validate(); err != nil {
			t.Fatalf("%s: %v", r.Type, err)
		}
		m := paramMap(q.Params("k"))
		_, hasLimit := m["display_limit"]
		_, hasOffset := m["display_offset"]
		if hasLimit != r.Paged || hasOffset {
			t.Errorf("%s (paged %v): display_limit present %v, display_offset present %v", r.Type, r.Paged, hasLimit, hasOffset)
		}
		if r.Paged && m["display_limit"] != "7" {
			t.Errorf("%s: display_limit %q", r.Type, m["display_limit"])
		}
		if r.Price.Per == PerRequest && (hasLimit || r.Paged) {
			t.Errorf("%s is priced per request but paged", r.Type)
		}
		if _, ok := m["export_columns"]; ok == r.NoExportColumns {
			t.Errorf("%s: export_columns present %v", r.Type, ok)
		}
		if m["key"] != "k" || q.Params("k")[0].Name != "key" {
			t.Errorf("%s: the key is not the first parameter", r.Type)
		}
		if strings.Contains(q.Key(), "k&") || strings.Contains(q.Key(), "key=") {
			t.Errorf("%s: cache key %q holds the API key", r.Type, q.Key())
		}
	}
}

func TestValidateRefuses(t *testing.T) {
	bl := mustReport(t, "backlinks")
	ok := Request{Report: bl, Targets: one("example.com"), Count: 10}
	cases := []struct {
		name string
		mod  func(*Request)
		want string
	}{
		{"no report", func(q *Request) { q.Report = nil }, "no report"},
		{"no target", func(q *Request) { q.Targets = nil }, "no target"},
		{"empty target", func(q *Request) { q.Targets = one("  ") }, "empty target"},
		{"two targets to a single-target report", func(q *Request) { q.Targets = []Target{{"a.com", RootDomain}, {"b.com", RootDomain}} }, "one target"},
		{"count zero", func(q *Request) { q.Count = 0 }, "at least one"},
		{"count negative", func(q *Request) { q.Count = -5 }, "at least one"},
		{"negative offset", func(q *Request) { q.Offset = -1 }, "negative offset"},
		{"limit past MaxLines", func(q *Request) { q.Offset = 999_999; q.Count = 2 }, "at most"},
		{"count past MaxLines", func(q *Request) { q.Count = 1_000_001 }, "at most"},
		{"overflowing offset", func(q *Request) { q.Offset = math.MaxInt; q.Count = 1 }, "at most"},
		{"overflowing count", func(q *Request) { q.Offset = 10; q.Count = math.MaxInt }, "at most"},
		{"unknown column", func(q *Request) { q.Columns = []string{"page_ascore", "domain"} }, `no column "domain"`},
		{"column twice", func(q *Request) { q.Columns = []string{"anchor", "anchor"} }, "twice"},
		{"sort it does not take", func(q *Request) { q.Sort = Sort{Key: "backlinks_num", Desc: true} }, "cannot be sorted by"},
		{"filter field it does not take", func(q *Request) { q.Filter = Filter{{Field: "country", Value: "us"}} }, "no filter field"},
		{"filter op it does not take", func(q *Request) { q.Filter = Filter{{Field: "type", Op: OpEq, Value: "follow"}} }, "does not take operation"},
		{"filter value not allowed", func(q *Request) { q.Filter = Filter{{Field: "type", Value: "newdomain"}} }, "not one of"},
		{"filter without value", func(q *Request) { q.Filter = Filter{{Field: "anchor", Op: OpCo, Value: " "}} }, "needs a value"},
		{"filter bad IP", func(q *Request) { q.Filter = Filter{{Field: "ip", Op: OpEq, Value: "1.2.3"}} }, "not an IP"},
		{"26 filters", func(q *Request) {
			for i := 0; i < 26; i++ {
				q.Filter = append(q.Filter, Cond{Field: "zone", Value: "com"})
			}
		}, "at most 25"},
		{"subdomain type outside categories", func(q *Request) { q.Targets = []Target{{"www.example.com", Subdomain}} }, "target type"},
		{"no target type", func(q *Request) { q.Targets = []Target{{"example.com", ""}} }, "target type"},
	}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q := ok
			q.Targets = append([]Target(nil), ok.Targets...)
			c.mod(&q)
			err := q.Validate()
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Validate() = %v, want a *ValidationError", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q does not say %q", err, c.want)
			}
		})
	}
	ok.Filter = nil
	for i := 0; i < 25; i++ {
		ok.Filter = append(ok.Filter, Cond{Field: "zone", Value: "com"})
	}
	if err := ok.Validate(); err != nil {
		t.Errorf("25 filters refused: %v", err)
	}
}

func TestValidateReports(t *testing.T) {
	targets := func(n int) []Target {
		out := make([]Target, n)
		for i := range out {
			out[i] = Target{Value: "site" + string(rune('a'+i%26)) + strings.Repeat("x", i/26) + ".com", Type: RootDomain}
		}
		return out
	}
	cases := []struct {
		name string
		q    Request
		want string // "" = valid
	}{
		{"historical root domain", Request{Report: mustReport(t, "historical"), Targets: one("example.com"), Count: 5}, ""},
		{"historical domain", Request{Report: mustReport(t, "historical"), Targets: []Target{{"www.example.com", Domain}}, Count: 5}, "target type"},
		{"historical url", Request{Report: mustReport(t, "historical"), Targets: []Target{{"https://example.com/", URL}}, Count: 5}, "target type"},
		{"historical sort", Request{Report: mustReport(t, "historical"), Targets: one("example.com"), Count: 5, Sort: Sort{Key: "date"}}, "cannot be sorted"},
		{"historical filter", Request{Report: mustReport(t, "historical"), Targets: one("example.com"), Count: 5, Filter: Filter{{Field: "zone", Value: "com"}}}, "takes no filter"},
		{"categories domain", Request{Report: mustReport(t, "categories"), Targets: []Target{{"www.example.com", Domain}}}, ""},
		{"categories paged", Request{Report: mustReport(t, "categories"), Targets: one("example.com"), Count: 5}, "not paged"},
		{"ascore profile columns", Request{Report: mustReport(t, "ascore_profile"), Targets: one("example.com"), Columns: []string{"ascore"}}, "no export_columns"},
		{"overview offset", Request{Report: mustReport(t, "overview"), Targets: one("example.com"), Offset: 10}, "not paged"},
		{"comparison 200", Request{Report: mustReport(t, "comparison"), Targets: targets(200)}, ""},
		{"comparison 201", Request{Report: mustReport(t, "comparison"), Targets: targets(201)}, "at most 200"},
		{"comparison duplicate", Request{Report: mustReport(t, "comparison"), Targets: []Target{{"a.com", RootDomain}, {"b.com", RootDomain}, {"a.com", RootDomain}}}, "twice"},
		{"matrix 5", Request{Report: mustReport(t, "matrix"), Targets: targets(5), Count: 10}, ""},
		{"matrix 6", Request{Report: mustReport(t, "matrix"), Targets: targets(6), Count: 10}, "at most 5"},
		{"matrix duplicate", Request{Report: mustReport(t, "matrix"), Targets: []Target{{"a.com", RootDomain}, {"a.com", RootDomain}}, Count: 10}, "twice"},
		{"matrix limit", Request{Report: mustReport(t, "matrix"), Targets: targets(2), Count: 100_001}, "at most 100000"},
		{"matrix filter index", Request{Report: mustReport(t, "matrix"), Targets: targets(2), Count: 10, Filter: Filter{{Field: "backlinksnum_1", Op: OpGt, Value: "0"}}}, ""},
		{"matrix filter index out of range", Request{Report: mustReport(t, "matrix"), Targets: targets(2), Count: 10, Filter: Filter{{Field: "backlinksnum_2", Op: OpGt, Value: "0"}}}, "out of range"},
		{"matrix filter without index", Request{Report: mustReport(t, "matrix"), Targets: targets(2), Count: 10, Filter: Filter{{Field: "backlinksnum", Op: OpGt, Value: "0"}}}, "no filter field"},
		{"matrix filter not a number", Request{Report: mustReport(t, "matrix"), Targets: targets(2), Count: 10, Filter: Filter{{Field: "backlinksnum_0", Op: OpEq, Value: "many"}}}, "whole number"},
		{"matrix filter text op", Request{Report: mustReport(t, "matrix"), Targets: targets(2), Count: 10, Filter: Filter{{Field: "backlinksnum_0", Op: OpCo, Value: "1"}}}, "operation"},
		{"matrix sort index", Request{Report: mustReport(t, "matrix"), Targets: targets(2), Count: 10, Sort: Sort{Key: "backlinksnum_1", Desc: true}}, ""},
		{"matrix sort index out of range", Request{Report: mustReport(t, "matrix"), Targets: targets(2), Count: 10, Sort: Sort{Key: "backlinksnum_2"}}, "out of range"},
		{"refdomains filters", Request{Report: mustReport(t, "refdomains"), Targets: one("example.com"), Count: 10, Filter: Filter{{Field: "type", Value: "newdomain"}, {Field: "zone", Value: "uk"}, {Field: "country", Value: "us"}}}, ""},
		{"refdomains unknown country", Request{Report: mustReport(t, "refdomains"), Targets: one("example.com"), Count: 10, Filter: Filter{{Field: "country", Value: "xx"}}}, "country code"},
		{"refdomains link type", Request{Report: mustReport(t, "refdomains"), Targets: one("example.com"), Count: 10, Filter: Filter{{Field: "type", Value: "follow"}}}, "not one of"},
		{"anchors takes no filter", Request{Report: mustReport(t, "anchors"), Targets: one("example.com"), Count: 10, Filter: Filter{{Field: "anchor", Op: OpCo, Value: "x"}}}, "takes no filter"},
		{"competitors takes no sort", Request{Report: mustReport(t, "competitors"), Targets: one("example.com"), Count: 10, Sort: Sort{Key: "similarity", Desc: true}}, "cannot be sorted"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.q.Validate()
			if c.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Validate() = %v, want an error saying %q", err, c.want)
			}
		})
	}
}

func TestCategoriesSendsSubdomain(t *testing.T) {
	q := Request{Report: mustReport(t, "categories"), Targets: []Target{{"www.example.com", Domain}}}
	if m := paramMap(q.Params("k")); m["target_type"] != "subdomain" {
		t.Errorf("categories target_type = %q, want subdomain", m["target_type"])
	}
	q.Report = mustReport(t, "backlinks")
	q.Count = 1
	if m := paramMap(q.Params("k")); m["target_type"] != "domain" {
		t.Errorf("backlinks target_type = %q, want domain", m["target_type"])
	}
	mq := Request{Report: mustReport(t, "matrix"), Targets: []Target{{"a.com", RootDomain}, {"www.b.com", Domain}, {"https://c.com/x", URL}}, Count: 5}
	var names, values []string
	for _, p := range mq.Params("k") {
		if strings.HasPrefix(p.Name, "target") {
			names = append(names, p.Name)
			values = append(values, p.Value)
		}
	}
	wantN := "targets[] targets[] targets[] target_types[] target_types[] target_types[]"
	wantV := "a.com www.b.com https://c.com/x root_domain domain url"
	if strings.Join(names, " ") != wantN || strings.Join(values, " ") != wantV {
		t.Errorf("matrix targets: %v %v", names, values)
	}
}

func TestTargetInference(t *testing.T) {
	cases := []struct {
		in, value string
		typ       TargetType // "" = refused
		root      string
	}{
		{"example.com", "example.com", RootDomain, "example.com"},
		{"Example.COM.", "example.com", RootDomain, "example.com"},
		{"  example.com  ", "example.com", RootDomain, "example.com"},
		{"example.co.uk", "example.co.uk", RootDomain, "example.co.uk"},
		{"www.example.co.uk", "www.example.co.uk", Domain, "example.co.uk"},
		{"sub.example.com", "sub.example.com", Domain, "example.com"},
		{"a.b.example.com", "a.b.example.com", Domain, "example.com"},
		{"https://example.com", "https://example.com", URL, "example.com"},
		{"http://www.example.com/Page?q=1#x", "http://www.example.com/Page?q=1", URL, "example.com"}, // the fragment never reaches a server
		{"example.com/page", "example.com/page", URL, "example.com"},
		{"example.com?x=1", "example.com?x=1", URL, "example.com"},
		{"192.168.1.1", "", "", ""},
		{"8.8.8.8", "", "", ""},
		{"::1", "", "", ""},
		{"2001:db8::1", "", "", ""},
		{"example", "", "", ""},
		{"localhost", "", "", ""},
		{"co.uk", "", "", ""},
		{"com", "", "", ""},
		{"", "", "", ""},
		{"exa mple.com", "", "", ""},
		{"example.com\x1b[31m", "", "", ""},
		{"https://", "", "", ""},
		{"/page", "", "", ""},
	}
	for _, c := range cases {
		got, err := NewTarget(c.in, "")
		if c.typ == "" {
			if err == nil {
				t.Errorf("NewTarget(%q) = %+v, want refused", c.in, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("NewTarget(%q): %v", c.in, err)
			continue
		}
		if got.Value != c.value || got.Type != c.typ {
			t.Errorf("NewTarget(%q) = %+v, want %q %s", c.in, got, c.value, c.typ)
		}
		if r := RootOf(got.Value); r != c.root {
			t.Errorf("RootOf(%q) = %q, want %q", got.Value, r, c.root)
		}
	}
	// An explicit type is kept.
	if got, err := NewTarget("www.example.com", RootDomain); err != nil || got.Type != RootDomain {
		t.Errorf("explicit type: %+v %v", got, err)
	}
	for _, s := range []string{"root_domain", "DOMAIN", " url ", "subdomain"} {
		if _, err := ParseTargetType(s); err != nil {
			t.Errorf("ParseTargetType(%q): %v", s, err)
		}
	}
	if _, err := ParseTargetType("host"); err == nil {
		t.Errorf("ParseTargetType(host) accepted")
	}
}

func TestFilterLanguage(t *testing.T) {
	cases := []struct {
		in   string
		want Filter
	}{
		{"+|type||newlink|+|type||follow", Filter{{Field: "type", Value: "newlink"}, {Field: "type", Value: "follow"}}},
		{"-|zone||ru", Filter{{Exclude: true, Field: "zone", Value: "ru"}}},
		{"+|backlinksnum_0|Eq|0", Filter{{Field: "backlinksnum_0", Op: OpEq, Value: "0"}}},
		{"+|anchor|Co|a|b|-|zone||ru", Filter{{Field: "anchor", Op: OpCo, Value: "a|b"}, {Exclude: true, Field: "zone", Value: "ru"}}},
		{"+|anchor|Co||x|", Filter{{Field: "anchor", Op: OpCo, Value: "|x|"}}},
		{"+|anchor|Co|c++ & more", Filter{{Field: "anchor", Op: OpCo, Value: "c++ & more"}}},
		{"+|anchor|Co|read more ", Filter{{Field: "anchor", Op: OpCo, Value: "read more "}}},
		{"+|anchor|Wm| spaced |+|zone||uk", Filter{{Field: "anchor", Op: OpWm, Value: " spaced "}, {Field: "zone", Value: "uk"}}},
		{"", nil},
	}
	for _, c := range cases {
		got, err := ParseFilter(c.in)
		if err != nil {
			t.Errorf("ParseFilter(%q): %v", c.in, err)
			continue
		}
		if !filtersEqual(got, c.want) {
			t.Errorf("ParseFilter(%q) = %#v, want %#v", c.in, got, c.want)
		}
		if s := got.String(); s != c.in {
			t.Errorf("String() = %q, want %q", s, c.in)
		}
		back, err := ParseFilter(c.want.String())
		if err != nil || !filtersEqual(back, c.want) {
			t.Errorf("round trip of %q = %#v, %v", c.want.String(), back, err)
		}
	}
	for _, bad := range []string{"type||follow", "*|type||follow", "+|type", "+|Type||x", "+|type|Has|x", "+||Eq|1"} {
		if f, err := ParseFilter(bad); err == nil {
			t.Errorf("ParseFilter(%q) = %#v, want an error", bad, f)
		}
	}
	// Leading blank space (a user's paste) is tolerated.
	if f, err := ParseFilter("  +|type||follow"); err != nil || len(f) != 1 || f[0].Value != "follow" {
		t.Errorf("leading space: %#v %v", f, err)
	}
}

func filtersEqual(a, b Filter) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestFilterOnTheWire(t *testing.T) {
	q := Request{Report: mustReport(t, "backlinks"), Targets: one("example.com"), Count: 5,
		Filter: Filter{{Field: "anchor", Op: OpCo, Value: "c++ - a|b & c=d"}, {Exclude: true, Field: "type", Value: "nofollow"}}}
	if err := q.Validate(); err != nil {
		t.Fatal(err)
	}
	u := q.URL("https://api.semrush.com/analytics/v1/", "KEY")
	_, raw, _ := strings.Cut(u, "display_filter=")
	raw, _, _ = strings.Cut(raw, "&")
	if strings.ContainsAny(raw, "|-&=") {
		t.Errorf("display_filter %q holds a raw | - & or =", raw)
	}
	if !strings.HasPrefix(raw, "%2B%7Canchor%7CCo%7Cc%2B%2B") || !strings.Contains(raw, "%7C%2D%7Ctype%7C%7Cnofollow") {
		t.Errorf("display_filter = %q", raw)
	}
	// Decoded, the server reads exactly the filter.
	for _, p := range decodeQuery(t, u) {
		if p.Name == "display_filter" && p.Value != q.Filter.String() {
			t.Errorf("decoded display_filter %q, want %q", p.Value, q.Filter.String())
		}
	}
}
