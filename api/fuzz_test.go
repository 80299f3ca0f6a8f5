package api

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Fuzz targets. `go test` runs their seeds (the f.Add calls and the files
// under testdata/fuzz/<Target>/); fuzzing proper is
//
//	go test ./api -run XXX -fuzz FuzzParse -fuzztime 60s

// fuzzRequest picks a request from a selector byte: the report, and 0-2
// targets (a matrix or comparison with none is a caller's mistake that must
// not crash the parser either).
func fuzzRequest(sel uint8, escape bool) Request {
	rs := Reports()
	r := rs[int(sel)%len(rs)]
	n := int(sel) / len(rs) % 3
	if !r.Multi && n > 1 {
		n = 1
	}
	q := Request{Report: r, Escape: escape}
	for i, v := range []string{"a.com", "b.com"}[:n] {
		q.Targets = append(q.Targets, Target{Value: v, Type: r.TargetTypes[i%len(r.TargetTypes)]})
	}
	if r.Paged {
		q.Count = 10
	}
	return q
}

func reportIndex(name string) uint8 {
	for i, r := range Reports() {
		if r.Type == name {
			return uint8(i + len(Reports())) // one target
		}
	}
	return 0
}

// addBodySeeds adds every fixture and case body, in LF, CRLF and quoted form.
func addBodySeeds(f *testing.F) {
	files, _ := filepath.Glob("testdata/fixtures/*.csv")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		sel := reportIndex(strings.TrimSuffix(filepath.Base(p), ".csv"))
		f.Add(b, sel, false)
		f.Add([]byte(strings.ReplaceAll(string(b), "\n", "\r\n")), sel, false)
		f.Add([]byte(quoteBody(string(b))), sel, true)
	}
	cases, _ := filepath.Glob("testdata/cases/*")
	for _, p := range cases {
		if strings.HasSuffix(p, ".md") {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, reportIndex("backlinks"), false)
	}
	f.Add([]byte("domain;domain_ascore;matches_num;a.com;b.com\r\nx.org;5;2;1;0\r\n"), reportIndex("backlinks_matrix")+uint8(len(Reports())), false)
	f.Add([]byte("backlinks_num\r\n1;2\r\n"), reportIndex("backlinks_matrix")-uint8(len(Reports())), false)
}

func FuzzParse(f *testing.F) {
	addBodySeeds(f)
	f.Fuzz(func(t *testing.T, body []byte, sel uint8, escape bool) {
		q := fuzzRequest(sel, escape)
		var tbl *Table
		var err error
		done := make(chan struct{})
		go func() { defer close(done); tbl, err = Parse(body, q) }()
		select {
		case <-done:
		case <-time.After(3 * time.Second): // fuzz inputs are small: this is a hang
			t.Fatalf("Parse of %d bytes did not finish in 3s", len(body))
		}
		if err != nil {
			var ae *APIError
			var te *TransportError
			if !errors.As(err, &ae) && !errors.As(err, &te) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if tbl != nil {
				t.Fatalf("a table and an error")
			}
			if bad := unsafeText(err.Error()); bad != "" {
				t.Fatalf("error text holds %s: %q", bad, err.Error())
			}
			return
		}
		if len(tbl.Columns) == 0 {
			t.Fatalf("a table without columns")
		}
		checkTableShape(t, tbl)
		// Every value of a numeric column that is not flagged is a number.
		for c, col := range tbl.Columns {
			if !needsNum(col.Kind) {
				continue
			}
			for r := 0; r < tbl.Len(); r++ {
				if _, flagged := tbl.Issue(r); !flagged && tbl.Text(r, c) != "" {
					if _, ok := parseInt(tbl.Text(r, c)); !ok && col.Kind != KindBool {
						t.Fatalf("row %d %s: %q kept unflagged", r, col.Code, tbl.Text(r, c))
					}
				}
			}
		}
	})
}

func FuzzParseFilter(f *testing.F) {
	for _, s := range []string{
		"+|type||newlink|+|type||follow", "-|zone||ru", "+|backlinksnum_0|Eq|0",
		"+|anchor|Co|a|b|-|zone||ru", "+|anchor|Co||x|", "  +|type||follow", "+|anchor|Co|read more ",
		"+|refdomain|Eq|example.com", "+|", "|||", "+|a|Eq|\x1b[31m",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		flt, err := ParseFilter(s)
		if err != nil {
			return
		}
		for _, c := range flt {
			if !validFieldName(c.Field) || !knownOp(c.Op) {
				t.Fatalf("parsed an invalid condition %#v", c)
			}
		}
		back, err := ParseFilter(flt.String())
		if err != nil || !filtersEqual(back, flt) {
			t.Fatalf("ParseFilter(%q) = %#v; its String %q parses to %#v, %v", s, flt, flt.String(), back, err)
		}
		// The filter validates or not, but never panics, on every report.
		for _, r := range Reports() {
			_ = r.ValidateFilter(flt, 2)
		}
	})
}

// FuzzFilterRoundTrip builds filters from parts: ParseFilter(f.String()) is
// f whenever no value holds a '|'.
func FuzzFilterRoundTrip(f *testing.F) {
	f.Add(false, "anchor", uint8(4), "read more ", "uk")
	f.Add(true, "type", uint8(0), "follow", "")
	f.Add(false, "backlinksnum_3", uint8(1), "0", " com\n")
	f.Fuzz(func(t *testing.T, exclude bool, field string, op uint8, v1, v2 string) {
		if !validFieldName(field) || strings.Contains(v1, "|") || strings.Contains(v2, "|") {
			return
		}
		ops := []Op{OpNone, OpEq, OpGt, OpLt, OpBw, OpEw, OpCo, OpWm}
		want := Filter{{Exclude: exclude, Field: field, Op: ops[int(op)%len(ops)], Value: v1}, {Field: "zone", Value: v2}}
		got, err := ParseFilter(want.String())
		if err != nil || !filtersEqual(got, want) {
			t.Fatalf("ParseFilter(%q) = %#v, %v; want %#v", want.String(), got, err, want)
		}
	})
}

func FuzzParseErrorBody(f *testing.F) {
	for _, s := range []string{
		"ERROR 50 :: NOTHING FOUND", "ERROR 50:: NOTHING FOUND", "\uFEFF\r\n ERROR 132 :: API UNITS BALANCE IS ZERO\r\n",
		"ERROR 402 :: Request param not valid:: Duplicate domains", "ERROR 10013 :: Wrong parameter 'target'.",
		"ERROR :: X", "ERROR 99999999999999999999 :: X", "ERROR 1 :: \x1b]52;c;eA==\x07",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		ae, ok := ParseErrorBody(body)
		if !ok {
			return
		}
		if ae.Code < 0 {
			t.Fatalf("negative code %d", ae.Code)
		}
		if bad := unsafeText(ae.Message); bad != "" {
			t.Fatalf("message holds %s: %q", bad, ae.Message)
		}
		if bad := unsafeText(ae.Error()); bad != "" {
			t.Fatalf("error text holds %s: %q", bad, ae.Error())
		}
	})
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{
		"plain", "\x1b]52;c;SGVsbG8=\x07", "\u009b31m", "\xff\xfe", "evil\u202egnp.exe", "👩‍💻 ❤️ 中文 Cafe\u0301",
		"\t\r\n\x00\x7f", "\xed\xa0\x80", "a\u2066b\u2069c\u200b", "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := SanitizeText(s)
		if bad := unsafeText(out); bad != "" {
			t.Fatalf("SanitizeText(%q) = %q holds %s", s, out, bad)
		}
		if again := SanitizeText(out); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, out, again)
		}
		if unsafeText(s) == "" && out != s {
			t.Fatalf("safe text changed: %q -> %q", s, out)
		}
	})
}
