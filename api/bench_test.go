package api

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
)

// Benchmarks of the protocol layer:
//
//	go test ./api -run XXX -bench . -benchmem

var words = []string{"search", "engine", "marketing", "guide", "news", "review", "best", "tools", "how", "to",
	"seo", "content", "link", "building", "strategy", "google", "update", "tips", "2024", "blog"}

var nonASCIITitles = []string{
	"Les meilleures stratégies de référencement naturel",
	"cnBeta.COM - 中文业界资讯站 搜索引擎优化新闻",
	"Ein Leitfaden für Suchmaschinenoptimierung – Größe",
	"Поисковая оптимизация: полное руководство",
	"検索エンジン最適化の完全ガイド 2024年版",
}

func slug(r *rand.Rand, n int) string {
	var b strings.Builder
	for b.Len() < n {
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(words[r.IntN(len(words))])
	}
	return b.String()
}

func title(r *rand.Rand) string {
	if r.IntN(10) == 0 { // one title in ten is not ASCII
		return nonASCIITitles[r.IntN(len(nonASCIITitles))]
	}
	t := slug(r, 46)
	return strings.ToUpper(t[:1]) + strings.ReplaceAll(t[1:], "-", " ") + " | Blog"
}

// backlinksBody is a realistic body of the default backlinks columns:
// ~60-character URLs, ~50-character titles (some non-ASCII), CRLF.
func backlinksBody(lines int, quoted bool) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	cols := mustReportNoT("backlinks").DefaultColumns()
	var b strings.Builder
	b.Grow(lines * 260)
	field := func(i int, v string) {
		if i > 0 {
			b.WriteByte(';')
		}
		if quoted {
			b.WriteString(`"` + strings.ReplaceAll(v, `"`, `""`) + `"`)
		} else {
			b.WriteString(v)
		}
	}
	for i, c := range cols {
		field(i, c)
	}
	b.WriteString("\r\n")
	for n := 0; n < lines; n++ {
		for i, c := range cols {
			var v string
			switch c {
			case "page_ascore":
				v = fmt.Sprint(r.IntN(101))
			case "external_num":
				v = fmt.Sprint(r.IntN(500))
			case "internal_num":
				v = fmt.Sprint(r.IntN(3000))
			case "source_url":
				v = fmt.Sprintf("https://www.site%d.example.com/%s/", r.IntN(100000), slug(r, 28))
			case "source_title":
				v = title(r)
			case "target_url":
				v = "https://www.searchenginejournal.com/" + slug(r, 24) + "/"
			case "anchor":
				v = strings.ReplaceAll(slug(r, 20), "-", " ")
			case "first_seen", "last_seen":
				v = fmt.Sprint(1500000000 + r.IntN(100000000))
			default:
				panic("unexpected default column " + c)
			}
			field(i, v)
		}
		b.WriteString("\r\n")
	}
	return []byte(b.String())
}

func mustReportNoT(name string) *Report {
	r, ok := LookupReport(name)
	if !ok {
		panic(name)
	}
	return r
}

var (
	benchOnce            sync.Once
	benchPlain, benchQuo []byte
)

func benchBodies() ([]byte, []byte) {
	benchOnce.Do(func() {
		benchPlain = backlinksBody(100000, false)
		benchQuo = backlinksBody(100000, true)
	})
	return benchPlain, benchQuo
}

func benchParse(b *testing.B, body []byte, escape bool) {
	q := Request{Report: mustReportNoT("backlinks"), Targets: []Target{{"searchenginejournal.com", RootDomain}}, Count: 100000, Escape: escape}
	tbl, err := Parse(body, q)
	if err != nil || tbl.Len() != 100000 || len(tbl.Issues) != 0 {
		b.Fatalf("setup: %v rows %d issues %d", err, tbl.Len(), len(tbl.Issues))
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(body, q); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseBacklinks100k(b *testing.B) {
	plain, _ := benchBodies()
	benchParse(b, plain, false)
}

func BenchmarkParseBacklinks100kQuoted(b *testing.B) {
	_, quoted := benchBodies()
	benchParse(b, quoted, true)
}

func benchSanitize(b *testing.B, s string) {
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		_ = SanitizeText(s)
	}
}

func BenchmarkSanitizeASCII(b *testing.B) {
	benchSanitize(b, "https://www.site12345.example.com/search-engine-marketing-guide/")
}

func BenchmarkSanitizeUTF8(b *testing.B) {
	benchSanitize(b, "cnBeta.COM - 中文业界资讯站 Les stratégies de référencement")
}

func BenchmarkSanitizeHostile(b *testing.B) {
	benchSanitize(b, "Evil \x1b]52;c;aGFja2Vk\x07 title \x1b[2J\x1b[31mred\u009b0m\x9b \u202egnp.exe zero\u200bwidth\x7f")
}

// TestBenchBodyIsRealistic keeps the benchmark honest: the body must look
// like what the brief asks for.
func TestBenchBodyIsRealistic(t *testing.T) {
	body := string(backlinksBody(2000, false))
	lines := strings.Split(strings.TrimSuffix(body, "\r\n"), "\r\n")
	if len(lines) != 2001 {
		t.Fatalf("%d lines", len(lines))
	}
	at := map[string]int{}
	for i, h := range strings.Split(lines[0], ";") {
		at[h] = i
	}
	var urlLen, titleLen, nonASCII int
	for _, l := range lines[1:] {
		f := strings.Split(l, ";")
		urlLen += len(f[at["source_url"]]) + len(f[at["target_url"]])
		title := f[at["source_title"]]
		titleLen += len([]rune(title))
		if strings.IndexFunc(title, func(r rune) bool { return r > 127 }) >= 0 {
			nonASCII++
		}
	}
	if u := urlLen / 4000; u < 50 || u > 75 {
		t.Errorf("mean URL length %d", u)
	}
	if tl := titleLen / 2000; tl < 40 || tl > 60 {
		t.Errorf("mean title length %d", tl)
	}
	if nonASCII < 100 || nonASCII > 400 {
		t.Errorf("%d non-ASCII titles of 2000", nonASCII)
	}
}
