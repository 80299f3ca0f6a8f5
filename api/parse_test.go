package api

import (
	"strings"
	"testing"
	"time"
)

func backlinksReq(t testing.TB, cols ...string) Request {
	return Request{Report: mustReport(t, "backlinks"), Targets: []Target{{"example.com", RootDomain}}, Columns: cols, Count: 100}
}

// rowOf returns the display texts of a row keyed by column code.
func rowOf(tbl *Table, row int) map[string]string {
	m := map[string]string{}
	for i, c := range tbl.Columns {
		m[c.Code] = tbl.Text(row, i)
	}
	return m
}

func wantRow(t *testing.T, tbl *Table, row int, want map[string]string) {
	t.Helper()
	got := rowOf(tbl, row)
	for k, v := range want {
		if got[k] != v {
			t.Errorf("row %d %s = %q, want %q", row, k, got[k], v)
		}
	}
}

const defaultHeader = "page_ascore;source_title;source_url;target_url;anchor;external_num;internal_num;first_seen;last_seen"

func TestSemicolonInURLCase(t *testing.T) {
	body := readTestdata(t, "testdata/cases/semicolon-in-url.csv")
	tbl, err := Parse(body, backlinksReq(t))
	if err != nil {
		t.Fatal(err)
	}
	checkTableShape(t, tbl)
	if tbl.Len() != 3 {
		t.Fatalf("%d rows, want 3: the page must be kept", tbl.Len())
	}
	wantRow(t, tbl, 1, map[string]string{
		"page_ascore": "38", "source_title": "Example Shop",
		"source_url": "https://shop.example.net/item;jsessionid=ABC123XYZ",
		"target_url": "https://www.example.com/pricing", "anchor": "pricing page",
		"external_num": "7", "internal_num": "88", "first_seen": "1700000100", "last_seen": "1710000100",
	})
	if c := tbl.Index("last_seen"); tbl.Time(1, c) != time.Unix(1710000100, 0).UTC() {
		t.Errorf("last_seen of the repaired row = %v", tbl.Time(1, c))
	}
	is, ok := tbl.Issue(1)
	if !ok || !is.Repaired || is.Line != 3 {
		t.Fatalf("repaired row issue = %+v, %v; want Repaired on line 3", is, ok)
	}
	for _, r := range []int{0, 2} {
		if is, ok := tbl.Issue(r); ok {
			t.Errorf("clean row %d flagged: %+v", r, is)
		}
	}
	wantRow(t, tbl, 2, map[string]string{"source_url": "https://forum.example.org/t/42", "anchor": "docs"})
}

func TestSemicolonRepair(t *testing.T) {
	cases := []struct {
		name      string
		req       Request
		header    string
		line      string
		want      map[string]string
		repaired  bool // unambiguous: values exact
		ambiguous bool // flagged, not repaired
	}{
		{
			name: "title next to a URL", req: backlinksReq(t), header: defaultHeader,
			line:     "41;Tips; tricks & more;https://blog.example.org/p;https://www.example.com/;link;12;40;1700000000;1710000000",
			want:     map[string]string{"source_title": "Tips; tricks & more", "source_url": "https://blog.example.org/p", "anchor": "link", "external_num": "12"},
			repaired: true,
		},
		{
			name: "two semicolons in a title", req: backlinksReq(t), header: defaultHeader,
			line:     "41;a;b;c;https://blog.example.org/p;https://www.example.com/;link;12;40;1700000000;1710000000",
			want:     map[string]string{"source_title": "a;b;c", "source_url": "https://blog.example.org/p"},
			repaired: true,
		},
		{
			name:     "anchor before numbers",
			req:      Request{Report: mustReport(t, "anchors"), Targets: []Target{{"example.com", RootDomain}}, Count: 10},
			header:   "anchor;domains_num;backlinks_num;first_seen;last_seen",
			line:     "seo; the guide;8113;691263;1370650463;1580411804",
			want:     map[string]string{"anchor": "seo; the guide", "domains_num": "8113", "last_seen": "1580411804"},
			repaired: true,
		},
		{
			name:     "title in pages before numbers",
			req:      Request{Report: mustReport(t, "pages"), Targets: []Target{{"example.com", RootDomain}}, Count: 10},
			header:   "source_title;response_code;backlinks_num;domains_num",
			line:     "Q&A; part 2;200;5;3",
			want:     map[string]string{"source_title": "Q&A; part 2", "response_code": "200"},
			repaired: true,
		},
		{
			name:      "URL then title: two adjacent free-text columns",
			req:       Request{Report: mustReport(t, "pages"), Targets: []Target{{"example.com", RootDomain}}, Count: 10},
			header:    "source_url;source_title;response_code;backlinks_num",
			line:      "https://www.example.com/a;b;Title;200;5",
			want:      map[string]string{"response_code": "200", "backlinks_num": "5"},
			ambiguous: true,
		},
		{
			name: "target URL then anchor", req: backlinksReq(t), header: defaultHeader,
			line:      "41;T;https://blog.example.org/p;https://www.example.com/;one;two;12;40;1700000000;1710000000",
			want:      map[string]string{"source_title": "T", "source_url": "https://blog.example.org/p", "external_num": "12", "last_seen": "1710000000"},
			ambiguous: true,
		},
		{
			name: "no reading at all", req: backlinksReq(t), header: defaultHeader,
			line: "41;T;https://blog.example.org/p;https://www.example.com/;a;x;y;z;1700000000;1710000000",
			want: map[string]string{"page_ascore": "41"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body := c.header + "\r\n" + "1;ok;https://a.example/;https://b.example/;a;1;2;3;4\r\n"
			if c.req.Report.Type != "backlinks" {
				body = c.header + "\r\n"
			}
			body += c.line + "\r\n"
			tbl, err := Parse([]byte(body), c.req)
			if err != nil {
				t.Fatal(err)
			}
			checkTableShape(t, tbl)
			row := tbl.Len() - 1
			if row < 0 || (c.req.Report.Type == "backlinks" && row != 1) {
				t.Fatalf("%d rows: the page was not kept", tbl.Len())
			}
			wantRow(t, tbl, row, c.want)
			is, ok := tbl.Issue(row)
			if !ok {
				t.Fatalf("row with %d extra fields not flagged", strings.Count(c.line, ";")-strings.Count(c.header, ";"))
			}
			if is.Repaired != c.repaired {
				t.Errorf("Repaired = %v, want %v (%s)", is.Repaired, c.repaired, is.Msg)
			}
			if c.ambiguous && !strings.Contains(is.Msg, "more than one reading") {
				t.Errorf("ambiguous row message %q", is.Msg)
			}
		})
	}
}

func TestRowFieldCountAndNumbers(t *testing.T) {
	body := defaultHeader + "\r\n" +
		"41;Short row;https://a.example/\r\n" +
		"x41;Bad number;https://a.example/;https://b.example/;a;12;40;1700000000;1710000000\r\n" +
		"41;Good;https://a.example/;https://b.example/;a;12;40;1700000000;1710000000\r\n" +
		"41;Bad time;https://a.example/;https://b.example/;a;12;40;yesterday;1710000000\r\n"
	tbl, err := Parse([]byte(body), backlinksReq(t))
	if err != nil {
		t.Fatal(err)
	}
	checkTableShape(t, tbl)
	if tbl.Len() != 4 {
		t.Fatalf("%d rows, want 4 (odd rows are kept, flagged)", tbl.Len())
	}
	if is, ok := tbl.Issue(0); !ok || !strings.Contains(is.Msg, "missing") || is.Line != 2 {
		t.Errorf("short row: %+v %v", is, ok)
	}
	wantRow(t, tbl, 0, map[string]string{"page_ascore": "41", "source_url": "https://a.example/", "anchor": "", "last_seen": ""})
	if is, ok := tbl.Issue(1); !ok || !strings.Contains(is.Msg, "not a number") || !strings.Contains(is.Msg, "page_ascore") {
		t.Errorf("bad number: %+v %v", is, ok)
	}
	if c := tbl.Index("page_ascore"); tbl.Text(1, c) != "x41" || tbl.Int(1, c) != 0 {
		t.Errorf("bad number kept as text %q value %d", tbl.Text(1, c), tbl.Int(1, c))
	}
	if _, ok := tbl.Issue(2); ok {
		t.Errorf("good row flagged")
	}
	if is, ok := tbl.Issue(3); !ok || !strings.Contains(is.Msg, "first_seen") {
		t.Errorf("bad time: %+v %v", is, ok)
	}
	if c := tbl.Index("first_seen"); !tbl.Time(3, c).IsZero() {
		t.Errorf("bad time parsed as %v", tbl.Time(3, c))
	}
}

func TestParseBOMAndReorderedColumns(t *testing.T) {
	body := readTestdata(t, "testdata/cases/bom-and-reordered-columns.csv")
	q := backlinksReq(t, "page_ascore", "source_title", "source_url", "target_url", "anchor", "external_num", "internal_num", "first_seen", "last_seen", "nofollow")
	tbl, err := Parse(body, q)
	if err != nil {
		t.Fatal(err)
	}
	checkTableShape(t, tbl)
	if tbl.Columns[0].Code != "source_url" || tbl.Index("page_ascore") != 1 {
		t.Fatalf("columns not mapped by header name: %v", tbl.Columns)
	}
	if c := tbl.Index("last_seen"); c < 0 || tbl.Columns[c].Kind != KindTime {
		t.Fatalf("last_seen (the CR-ended last header) not recognised: %+v", tbl.Columns)
	}
	wantRow(t, tbl, 1, map[string]string{"source_url": "https://blog.example.net/b", "page_ascore": "18", "anchor": "example", "nofollow": "true", "internal_num": "9"})
	if tbl.Int(0, tbl.Index("page_ascore")) != 52 || tbl.Int(1, tbl.Index("internal_num")) != 9 {
		t.Errorf("typed values wrong")
	}
	if !tbl.Bool(1, tbl.Index("nofollow")) || tbl.Bool(0, tbl.Index("nofollow")) {
		t.Errorf("nofollow booleans wrong")
	}
	if len(tbl.Issues) != 0 {
		t.Errorf("issues: %v", tbl.Issues)
	}
	// An unknown column the API adds is kept as text, nothing is lost.
	tbl, err = Parse([]byte("page_ascore;new_metric\r\n5;abc\r\n"), backlinksReq(t))
	if err != nil || tbl.Index("new_metric") != 1 || tbl.Text(0, 1) != "abc" {
		t.Fatalf("unknown column: %v %v", tbl, err)
	}
}

func TestParseInt64Counts(t *testing.T) {
	q := Request{Report: mustReport(t, "comparison"), Targets: []Target{{"a.com", RootDomain}, {"b.com", RootDomain}}}
	body := "target;backlinks_num;follows_num\r\na.com;2147483648;9223372036854775807\r\nb.com;15248332274;-1\r\n"
	tbl, err := Parse([]byte(body), q)
	if err != nil {
		t.Fatal(err)
	}
	if got := tbl.Int(0, 1); got != 2147483648 {
		t.Errorf("2^31 = %d", got)
	}
	if got := tbl.Int(0, 2); got != 9223372036854775807 {
		t.Errorf("max int64 = %d", got)
	}
	if got := tbl.Int(1, 1); got != 15248332274 {
		t.Errorf("15248332274 = %d", got)
	}
	if len(tbl.Issues) != 0 {
		t.Errorf("issues: %v", tbl.Issues)
	}
	tbl, _ = Parse([]byte("target;backlinks_num\r\na.com;9223372036854775808\r\n"), q)
	if _, ok := tbl.Issue(0); !ok {
		t.Errorf("int64 overflow not flagged")
	}
}

func TestParseQuoted(t *testing.T) {
	q := backlinksReq(t, "page_ascore", "source_title", "anchor", "source_url")
	q.Escape = true
	body := `"page_ascore";"source_title";"anchor";"source_url"` + "\r\n" +
		`"10";"Say ""hi"" now";"a;b";"https://a.example/x;jsessionid=1"` + "\r\n" +
		`"11";"5" screen";"lone " quote";"https://b.example/"` + "\r\n" +
		`"12";"two` + "\r\n" + `lines";"";"https://c.example/"` + "\r\n" +
		`"13";"";"ends with quote""";"https://d.example/"` + "\r\n" +
		"\r\n" +
		`"14";"""quoted""";"x";"https://e.example/"`
	tbl, err := Parse([]byte(body), q)
	if err != nil {
		t.Fatal(err)
	}
	checkTableShape(t, tbl)
	if tbl.Len() != 5 {
		t.Fatalf("%d rows, want 5", tbl.Len())
	}
	wantRow(t, tbl, 0, map[string]string{"page_ascore": "10", "source_title": `Say "hi" now`, "anchor": "a;b", "source_url": "https://a.example/x;jsessionid=1"})
	wantRow(t, tbl, 1, map[string]string{"page_ascore": "11", "source_title": `5" screen`, "anchor": `lone " quote`})
	wantRow(t, tbl, 2, map[string]string{"page_ascore": "12", "source_title": "two  lines", "anchor": "", "source_url": "https://c.example/"})
	wantRow(t, tbl, 3, map[string]string{"anchor": `ends with quote"`, "source_url": "https://d.example/"})
	wantRow(t, tbl, 4, map[string]string{"page_ascore": "14", "source_title": `"quoted"`})
	if tbl.Int(4, 0) != 14 {
		t.Errorf("quoted number = %d", tbl.Int(4, 0))
	}
	if len(tbl.Issues) != 0 {
		t.Errorf("issues: %+v", tbl.Issues)
	}
	if is, ok := tbl.Issue(3); ok {
		t.Errorf("row after a quoted newline flagged: %+v", is)
	}
}

func TestParseMatrixTargetColumns(t *testing.T) {
	q := Request{Report: mustReport(t, "matrix"), Targets: []Target{{"a.com", RootDomain}, {"b.com", RootDomain}}, Count: 10}
	body := "domain;domain_ascore;matches_num;a.com;b.com\r\nlinker.org;55;2;120;0\r\nother.net;12;1;0;15248332274\r\n"
	tbl, err := Parse([]byte(body), q)
	if err != nil {
		t.Fatal(err)
	}
	checkTableShape(t, tbl)
	for i, want := range []struct {
		code string
		idx  int
	}{{"a.com", 0}, {"b.com", 1}} {
		c := tbl.Columns[3+i]
		if c.Code != want.code || !c.PerTarget || c.TargetIndex != want.idx || c.Kind != KindInt {
			t.Errorf("column %d = %+v, want per-target int column %s index %d", 3+i, c, want.code, want.idx)
		}
	}
	if tbl.Columns[0].PerTarget || tbl.Columns[1].Kind != KindInt {
		t.Errorf("catalogue columns wrong: %+v", tbl.Columns[:3])
	}
	if tbl.Int(0, 3) != 120 || tbl.Int(1, 4) != 15248332274 {
		t.Errorf("per-target values %d %d", tbl.Int(0, 3), tbl.Int(1, 4))
	}
	// NOTHING FOUND keeps the per-target columns of the asked backlinks_num.
	tbl, err = Parse([]byte("ERROR 50 :: NOTHING FOUND"), q)
	if err != nil || len(tbl.Columns) != 5 || tbl.Columns[4].Code != "b.com" || tbl.Columns[4].TargetIndex != 1 {
		t.Fatalf("matrix NOTHING FOUND columns: %+v %v", tbl, err)
	}
	// A matrix request without targets (a caller's mistake) must not panic.
	for _, body := range []string{"backlinks_num\r\n1;2;3\r\n", `"backlinks_num"` + "\r\n" + `"1";"2"` + "\r\n"} {
		tbl, err = Parse([]byte(body), Request{Report: q.Report})
		if err != nil {
			t.Fatal(err)
		}
		checkTableShape(t, tbl)
	}
}

func TestParseHostileBody(t *testing.T) {
	body := defaultHeader + "\r\n" +
		"41;Evil \x1b]52;c;aGFja2Vk\x07 title;https://a.example/\u202eexe.txt;https://www.example.com/;\x1b[2J\x1b[31mred\u009b0m\x9b;1;2;3;4\r\n" +
		"42;zero\u200bwidth\u2066iso\u2069 \x7f del \x00;https://b.example/;https://www.example.com/;ok\xff\xfe;1;2;3;4\r\n"
	tbl, err := Parse([]byte(body), backlinksReq(t))
	if err != nil {
		t.Fatal(err)
	}
	checkTableShape(t, tbl) // every Text terminal-safe
	if tbl.Len() != 2 {
		t.Fatalf("%d rows", tbl.Len())
	}
	if got := tbl.Text(1, tbl.Index("anchor")); got != "ok\uFFFD\uFFFD" {
		t.Errorf("invalid UTF-8 anchor = %q", got)
	}
	if got := tbl.Text(0, tbl.Index("source_url")); got != "https://a.example/exe.txt" {
		t.Errorf("bidi override URL = %q", got)
	}
	if got := tbl.Text(0, tbl.Index("anchor")); got != "␛[2J␛[31mred\uFFFD0m\uFFFD" {
		t.Errorf("CSI anchor = %q", got)
	}
}

func TestParseLongRowsStayFast(t *testing.T) {
	// A row broken into thousands of fields (a garbled page, or a hostile
	// one) must not make the repair search quadratic.
	long := "41;" + strings.Repeat("x;", 20000) + "https://a.example/;https://b.example/;a;1;2;3;4"
	body := defaultHeader + "\r\n" + long + "\r\n" + long + "\r\n"
	start := time.Now()
	tbl, err := Parse([]byte(body), backlinksReq(t))
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("two rows of 20,000 fields took %v", d)
	}
	checkTableShape(t, tbl)
	if tbl.Len() != 2 {
		t.Fatalf("%d rows", tbl.Len())
	}
	if _, ok := tbl.Issue(0); !ok {
		t.Errorf("garbled row not flagged")
	}
	// A title with many (but not thousands of) semicolons is still repaired.
	title := strings.Repeat("a;", maxRepairExtra) + "z"
	tbl, err = Parse([]byte(defaultHeader+"\r\n41;"+title+";https://a.example/;https://b.example/;x;1;2;3;4\r\n"), backlinksReq(t))
	if err != nil {
		t.Fatal(err)
	}
	if is, ok := tbl.Issue(0); !ok || !is.Repaired || tbl.Text(0, 1) != title {
		t.Errorf("title with %d semicolons: %+v %q", maxRepairExtra, is, tbl.Text(0, 1))
	}
}

func TestTableAppendSlice(t *testing.T) {
	q := backlinksReq(t)
	a, _ := Parse([]byte(defaultHeader+"\n1;t;https://a.example/;https://b.example/;x;1;2;3;4\n"), q)
	b, _ := Parse([]byte(defaultHeader+"\n2;t;https://a.example/x;y;https://b.example/;x;1;2;3;4\n3;u;https://c.example/;https://b.example/;x;1;2;3;4\n"), q)
	if err := a.Append(b); err != nil {
		t.Fatal(err)
	}
	checkTableShape(t, a)
	if a.Len() != 3 || a.Int(2, 0) != 3 {
		t.Fatalf("appended table: %d rows, last %d", a.Len(), a.Int(2, 0))
	}
	if is, ok := a.Issue(1); !ok || !is.Repaired || is.Line != 0 {
		t.Errorf("issue of appended row = %+v %v", is, ok)
	}
	s := a.Slice(1, 3)
	checkTableShape(t, s)
	if s.Len() != 2 || s.Int(0, 0) != 2 {
		t.Fatalf("slice: %d rows, first %d", s.Len(), s.Int(0, 0))
	}
	if _, ok := s.Issue(0); !ok {
		t.Errorf("slice lost the issue")
	}
	other, _ := Parse([]byte("page_ascore;anchor\n1;x\n"), q)
	if err := a.Append(other); err == nil {
		t.Errorf("append of other columns accepted")
	}
}

func TestClipNeverSplitsACharacter(t *testing.T) {
	for _, s := range []string{"x" + strings.Repeat("é", 40), strings.Repeat("中", 30), "ab" + strings.Repeat("👩‍💻", 10)} {
		got := clip(s)
		if bad := unsafeText(got); bad != "" || !strings.HasSuffix(got, "…") || len(got) > 40+len("…") {
			t.Errorf("clip(%q) = %q (%s)", s, got, bad)
		}
	}
	// A row issue quoting a bad non-ASCII number stays valid text.
	tbl, _ := Parse([]byte("page_ascore;anchor\n"+"x"+strings.Repeat("é", 40)+";a\n"), backlinksReq(t))
	checkTableShape(t, tbl)
}

func TestParseHugeHeaderRefused(t *testing.T) {
	// 48 KB: a header of 16,000 columns and 16,000 one-field rows asked
	// for 4 GB and 23 s before the header was bounded.
	n := 16000
	for _, body := range []string{
		strings.Repeat(";", n) + "\n" + strings.Repeat("x\n", n),
		strings.Repeat(`"";`, n) + `""` + "\n" + strings.Repeat("\"x\"\n", n),
	} {
		start := time.Now()
		tbl, err := Parse([]byte(body), backlinksReq(t))
		if err == nil || !strings.Contains(err.Error(), "columns") {
			t.Fatalf("huge header: %v, %d columns", err, len(tbl.Columns))
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("refusing took %v", d)
		}
	}
	// 64 columns are still read.
	body := strings.Repeat("c;", maxColumns-1) + "c\n" + strings.Repeat("1;", maxColumns-1) + "1\n"
	if tbl, err := Parse([]byte(body), backlinksReq(t)); err != nil || len(tbl.Columns) != maxColumns {
		t.Fatalf("%d columns refused: %v", maxColumns, err)
	}
}

func TestParseLeadingBlankLines(t *testing.T) {
	for _, lead := range []string{"\r\n", " \r\n", "\uFEFF \t\r\n\r\n", "\n  \n"} {
		for _, body := range []string{
			"zone;domains_num\r\ncom;5\r\n",
			`"zone";"domains_num"` + "\r\n" + `"com";"5"` + "\r\n",
		} {
			q := Request{Report: mustReport(t, "tld"), Targets: one("example.com"), Count: 5, Escape: strings.HasPrefix(body, `"`)}
			tbl, err := Parse([]byte(lead+body), q)
			if err != nil || tbl.Index("zone") != 0 || tbl.Len() != 1 || tbl.Int(0, 1) != 5 || len(tbl.Issues) != 0 {
				t.Errorf("Parse(%q): %v columns %v rows %d", lead+body, err, tbl.Columns, tbl.Len())
			}
		}
	}
}
