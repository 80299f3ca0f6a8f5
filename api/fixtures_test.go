package api

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fixtureBody is one documented response body with its documented request.
type fixtureBody struct {
	name string
	body string // as stored: LF line ends, final newline
	req  Request
}

func loadFixtures(t testing.TB) []fixtureBody {
	t.Helper()
	files, err := filepath.Glob("testdata/fixtures/*.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 14 { // 15 reports; the matrix has no documented body
		t.Fatalf("want 14 fixture bodies, found %d", len(files))
	}
	var out []fixtureBody
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".csv")
		raw := strings.TrimSpace(string(readTestdata(t, "testdata/fixtures/"+name+".request.txt")))
		out = append(out, fixtureBody{name: name, body: string(readTestdata(t, f)), req: requestFromURL(t, raw)})
	}
	return out
}

// bodyVariants are the same body in the line-end forms the API may send.
func bodyVariants(lf string) map[string]string {
	crlf := strings.ReplaceAll(lf, "\n", "\r\n")
	return map[string]string{
		"lf":                 lf,
		"crlf":               crlf,
		"bom+lf":             "\uFEFF" + lf,
		"bom+crlf":           "\uFEFF" + crlf,
		"lf-no-final-eol":    strings.TrimSuffix(lf, "\n"),
		"crlf-no-final-eol":  strings.TrimSuffix(crlf, "\r\n"),
		"bom+crlf-no-final":  "\uFEFF" + strings.TrimSuffix(crlf, "\r\n"),
		"crlf-trailing-eols": crlf + "\r\n\r\n",
	}
}

// quoteBody rewrites an unquoted body the way export_escape=1 sends it:
// every field in double quotes, a '"' inside doubled, CRLF line ends.
func quoteBody(lf string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(lf, "\n"), "\n") {
		for i, f := range strings.Split(line, ";") {
			if i > 0 {
				b.WriteByte(';')
			}
			b.WriteString(`"` + strings.ReplaceAll(f, `"`, `""`) + `"`)
		}
		b.WriteString("\r\n")
	}
	return b.String()
}

var allDigits = regexp.MustCompile(`^-?[0-9]+$`)

// checkAgainstFixture compares every cell of tbl with the fixture, read by a
// naive split (the documented bodies hold no ';' inside values).
func checkAgainstFixture(t *testing.T, fx fixtureBody, tbl *Table) {
	t.Helper()
	checkTableShape(t, tbl)
	lines := strings.Split(strings.TrimSuffix(fx.body, "\n"), "\n")
	header := strings.Split(lines[0], ";")
	if len(tbl.Columns) != len(header) {
		t.Fatalf("%d columns, header has %d", len(tbl.Columns), len(header))
	}
	for i, h := range header {
		if tbl.Columns[i].Code != h {
			t.Fatalf("column %d is %q, header says %q", i, tbl.Columns[i].Code, h)
		}
	}
	rows := lines[1:]
	if tbl.Len() != len(rows) {
		t.Fatalf("%d rows, want %d", tbl.Len(), len(rows))
	}
	if len(tbl.Issues) != 0 || tbl.NothingFound {
		t.Fatalf("clean body flagged: issues %v, nothing found %v", tbl.Issues, tbl.NothingFound)
	}
	for r, line := range rows {
		fields := strings.Split(line, ";")
		if len(fields) != len(header) {
			t.Fatalf("fixture line %d has %d fields: the oracle cannot read it", r+2, len(fields))
		}
		for c, raw := range fields {
			col := tbl.Columns[c]
			if got := tbl.Text(r, c); got != raw {
				t.Errorf("row %d %s: text %q, want %q", r, col.Code, got, raw)
			}
			if allDigits.MatchString(raw) && !col.Kind.Numeric() {
				t.Errorf("row %d %s: %q is a number but the column is %s", r, col.Code, raw, col.Kind)
			}
			switch col.Kind {
			case KindInt:
				want, _ := strconv.ParseInt(raw, 10, 64)
				if got := tbl.Int(r, c); got != want {
					t.Errorf("row %d %s: %d, want %d", r, col.Code, got, want)
				}
			case KindTime:
				want, _ := strconv.ParseInt(raw, 10, 64)
				if got := tbl.Time(r, c); !got.Equal(time.Unix(want, 0)) || got.Location() != time.UTC {
					t.Errorf("row %d %s: %v, want %v UTC", r, col.Code, got, time.Unix(want, 0).UTC())
				}
			case KindFloat:
				want, _ := strconv.ParseFloat(raw, 64)
				if got := tbl.Float(r, c); got != want {
					t.Errorf("row %d %s: %v, want %v", r, col.Code, got, want)
				}
			}
		}
	}
}

func TestParseFixturesEveryCell(t *testing.T) {
	for _, fx := range loadFixtures(t) {
		if err := fx.req.Validate(); err != nil {
			t.Fatalf("%s: documented request does not validate: %v", fx.name, err)
		}
		for variant, body := range bodyVariants(fx.body) {
			t.Run(fx.name+"/"+variant, func(t *testing.T) {
				tbl, err := Parse([]byte(body), fx.req)
				if err != nil {
					t.Fatal(err)
				}
				checkAgainstFixture(t, fx, tbl)
			})
		}
		t.Run(fx.name+"/quoted", func(t *testing.T) {
			q := fx.req
			q.Escape = true
			tbl, err := Parse([]byte(quoteBody(fx.body)), q)
			if err != nil {
				t.Fatal(err)
			}
			checkAgainstFixture(t, fx, tbl)
		})
	}
}

// TestParseFixturesSpotValues pins values typed out from the documentation,
// so the test does not rest on the naive-split oracle alone.
func TestParseFixturesSpotValues(t *testing.T) {
	parsed := map[string]*Table{}
	for _, fx := range loadFixtures(t) {
		tbl, err := Parse([]byte(strings.ReplaceAll(fx.body, "\n", "\r\n")), fx.req)
		if err != nil {
			t.Fatalf("%s: %v", fx.name, err)
		}
		parsed[fx.name] = tbl
	}
	cell := func(report, col string, row int) (*Table, int) {
		t.Helper()
		tbl := parsed[report]
		c := tbl.Index(col)
		if c < 0 {
			t.Fatalf("%s has no column %s", report, col)
		}
		if row >= tbl.Len() {
			t.Fatalf("%s has %d rows", report, tbl.Len())
		}
		return tbl, c
	}
	ints := []struct {
		report, col string
		row         int
		want        int64
	}{
		{"backlinks_comparison", "backlinks_num", 0, 15248332274},
		{"backlinks_comparison", "nofollows_num", 0, 8385235217},
		{"backlinks_comparison", "texts_num", 0, 11753970129},
		{"backlinks_comparison", "frames_num", 1, 82699668},
		{"backlinks_overview", "ascore", 0, 74},
		{"backlinks_overview", "total", 0, 22063983},
		{"backlinks_overview", "frames_num", 0, 320},
		{"backlinks", "page_ascore", 1, 76},
		{"backlinks", "internal_num", 1, 558},
		{"backlinks_refdomains", "backlinks_num", 2, 386005},
		{"backlinks_ascore_profile", "ascore", 6, 95},
		{"backlinks_ascore_profile", "domains_num", 6, 2},
		{"backlinks_ascore_profile", "ascore", 11, 100},
		{"backlinks_categories_profile", "rating", 0, 2188},
		{"backlinks_pages", "response_code", 1, 301},
		{"backlinks_pages", "external_num", 1, 0},
		{"backlinks_geo", "backlinks_num", 4, 695950},
		{"backlinks_competitors", "similarity", 0, 36},
	}
	for _, c := range ints {
		tbl, col := cell(c.report, c.col, c.row)
		if got := tbl.Int(c.row, col); got != c.want {
			t.Errorf("%s row %d %s = %d, want %d", c.report, c.row, c.col, got, c.want)
		}
	}
	texts := []struct {
		report, col string
		row         int
		want        string
	}{
		{"backlinks", "source_title", 0, "JDN : E-business, FinTech, Big Data, IoT, tendances média, décideurs..."},
		{"backlinks", "source_title", 1, "cnBeta.COM - 中文业界资讯站"},
		{"backlinks", "anchor", 1, "将成为欧盟 Android 设备的默认搜索引擎选项"},
		{"backlinks", "anchor", 2, "Introducing Bing Pages & This Week’s Digital Marketing News [PODCAST] - Search Engine Journal"},
		{"backlinks", "target_url", 0, "https://www.searchenginejournal.com/duckduckgo-is-now-a-default-search-engine-option-on-android-in-the-eu/343073/#close"},
		{"backlinks_anchors", "anchor", 2, "the growth of social media v2.0 | search engine journal"},
		{"backlinks_pages", "source_title", 1, ""},
		{"backlinks_refdomains", "domain", 2, "obs.co.kr"},
		{"backlinks_refdomains", "ip", 2, "59.25.202.101"},
		{"backlinks_refdomains", "country", 2, "kr"},
		{"backlinks_geo", "country", 0, "United States"},
		{"backlinks_tld", "zone", 3, "uk"},
		{"backlinks_comparison", "target", 1, "amazon.com"},
		{"backlinks_comparison", "target_type", 1, "root_domain"},
		{"backlinks_categories", "category_name", 0, "/Internet & Telecom/Web Services/Search Engine Optimization & Marketing"},
	}
	for _, c := range texts {
		tbl, col := cell(c.report, c.col, c.row)
		if got := tbl.Text(c.row, col); got != c.want {
			t.Errorf("%s row %d %s = %q, want %q", c.report, c.row, c.col, got, c.want)
		}
	}
	if tbl, col := cell("backlinks_categories", "rating", 0); tbl.Float(0, col) != 0.931905 {
		t.Errorf("categories rating = %v, want 0.931905", tbl.Float(0, col))
	}
	if tbl, col := cell("backlinks_categories", "rating", 4); tbl.Float(4, col) != 0.813207 {
		t.Errorf("categories rating = %v, want 0.813207", tbl.Float(4, col))
	}
	if tbl, col := cell("backlinks_historical", "date", 0); !tbl.Time(0, col).Equal(time.Date(2021, 4, 12, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("historical date = %v, want 2021-04-12 00:00 UTC", tbl.Time(0, col))
	}
	if tbl, col := cell("backlinks", "first_seen", 0); !tbl.Time(0, col).Equal(time.Date(2020, 1, 13, 15, 27, 22, 0, time.UTC)) {
		t.Errorf("backlinks first_seen = %v", tbl.Time(0, col))
	}
	if n := parsed["backlinks_ascore_profile"].Len(); n != 12 {
		t.Errorf("ascore_profile (documented with rows 6-94 left out) has %d rows, want 12", n)
	}
}

func TestParseBalanceFixture(t *testing.T) {
	body := readTestdata(t, "testdata/fixtures/countapiunits.txt")
	n, err := ParseBalance(body)
	if err != nil || n != 1000 {
		t.Fatalf("ParseBalance(%q) = %d, %v; want 1000", body, n, err)
	}
	for _, b := range []string{"1,000", "1,000\r\n", "\uFEFF1,000\n", "1000", " 1 000 ", "12 345", "1\u00a0000"} {
		want := int64(1000)
		if b == "12 345" {
			want = 12345
		}
		if n, err := ParseBalance([]byte(b)); err != nil || n != want {
			t.Errorf("ParseBalance(%q) = %d, %v; want %d", b, n, err, want)
		}
	}
	for _, b := range []string{"", "lots", "<html>", "1.5"} {
		if n, err := ParseBalance([]byte(b)); err == nil {
			t.Errorf("ParseBalance(%q) = %d, want an error", b, n)
		}
	}
	if _, err := ParseBalance([]byte("ERROR 120 :: WRONG KEY - ID PAIR")); !isAPIError(err, CodeWrongKey) {
		t.Errorf("ParseBalance of an ERROR line: %v, want APIError 120", err)
	}
}
