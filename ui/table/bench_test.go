package table

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"linkdive/api"
	"linkdive/ui/theme"
)

var words = strings.Fields("the best guide to search engine marketing news tips tools for small business owners and agencies in review update weekly digital analytics growth strategy content links")

// backlinksBody generates a realistic backlinks body with the report's
// default columns: ~60-character URLs, ~50-character titles, anchors,
// counts and Unix times.
func backlinksBody(n int) []byte {
	r, _ := api.LookupReport("backlinks")
	cols := r.DefaultColumns()
	var b strings.Builder
	b.Grow(n * 260)
	b.WriteString(strings.Join(cols, ";"))
	b.WriteString("\r\n")
	seed := uint32(2463534242)
	next := func() int {
		seed ^= seed << 13
		seed ^= seed >> 17
		seed ^= seed << 5
		return int(seed)
	}
	phrase := func(target int) string {
		var p strings.Builder
		for p.Len() < target {
			if p.Len() > 0 {
				p.WriteByte(' ')
			}
			p.WriteString(words[next()%len(words)])
		}
		return p.String()
	}
	for i := 0; i < n; i++ {
		for j, c := range cols {
			if j > 0 {
				b.WriteByte(';')
			}
			switch c {
			case "page_ascore":
				b.WriteString(strconv.Itoa(next() % 101))
			case "external_num", "internal_num":
				b.WriteString(strconv.Itoa(next() % 5000))
			case "source_url":
				fmt.Fprintf(&b, "https://www.site%d.example.com/articles/2023/%02d/post-%d-%s", next()%900000, next()%12+1, next()%100000, words[next()%len(words)])
			case "target_url":
				fmt.Fprintf(&b, "https://www.example.com/blog/%s-%s/%d/", words[next()%len(words)], words[next()%len(words)], next()%1000000)
			case "source_title":
				b.WriteString(phrase(50))
			case "anchor":
				b.WriteString(phrase(24))
			case "first_seen", "last_seen":
				b.WriteString(strconv.Itoa(1500000000 + next()%200000000))
			default:
				b.WriteString("x")
			}
		}
		b.WriteString("\r\n")
	}
	return []byte(b.String())
}

func parseBacklinks(tb testing.TB, n int) *api.Table {
	r, _ := api.LookupReport("backlinks")
	q := api.Request{Report: r, Targets: []api.Target{{Value: "example.com", Type: api.RootDomain}}}
	t, err := api.Parse(backlinksBody(n), q)
	if err != nil {
		tb.Fatal(err)
	}
	if t.Len() != n {
		tb.Fatalf("parsed %d rows, want %d", t.Len(), n)
	}
	return t
}

var (
	benchOnce   sync.Once
	benchTables map[int]*api.Table
)

func benchTable(b *testing.B, n int) *api.Table {
	benchOnce.Do(func() {
		benchTables = map[int]*api.Table{}
		for _, k := range []int{100, 1000000} {
			benchTables[k] = parseBacklinks(b, k)
		}
	})
	return benchTables[n]
}

func benchModel(b *testing.B, n int) *Model {
	m := New(theme.New(true, false))
	m.SetTable(benchTable(b, n))
	m.SetSort("page_ascore", true)
	m.SetSize(200, 50)
	m.SetCursor(n / 2)
	return m
}

// BenchmarkRender: one full frame, every cell formatted again (no cache).
func BenchmarkRender(b *testing.B) {
	for _, n := range []int{100, 1000000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			m := benchModel(b, n)
			b.ReportAllocs()
			for b.Loop() {
				m.invalidate()
				_ = m.View()
			}
		})
	}
}

// BenchmarkRenderCached: a frame whose rows are all in the cell cache (the
// cursor moved within the screen, a message arrived).
func BenchmarkRenderCached(b *testing.B) {
	for _, n := range []int{100, 1000000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			m := benchModel(b, n)
			_ = m.View()
			b.ReportAllocs()
			for b.Loop() {
				_ = m.View()
			}
		})
	}
}

// BenchmarkScrollRender: move down one row and render, as holding j does.
func BenchmarkScrollRender(b *testing.B) {
	for _, n := range []int{100, 1000000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			m := benchModel(b, n)
			m.SetCursor(0)
			_ = m.View()
			b.ReportAllocs()
			for b.Loop() {
				if m.Cursor() == n-1 {
					m.Top()
				}
				m.Down(1)
				_ = m.View()
			}
		})
	}
}

// BenchmarkSearchNoMatch: NextMatch over every loaded row when nothing
// matches (the worst case of a key press).
func BenchmarkSearchNoMatch(b *testing.B) {
	m := benchModel(b, 1000000)
	m.SetSearch("zzqx")
	b.ReportAllocs()
	for b.Loop() {
		if m.NextMatch() {
			b.Fatal("unexpected match")
		}
	}
}

// heapAfterGC is the live heap after a full collection.
func heapAfterGC() uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// tableHeap parses n generated backlinks rows (default columns) and returns
// the heap the table keeps once the body is gone.
func tableHeap(tb testing.TB, n int) uint64 {
	before := heapAfterGC()
	t := parseBacklinks(tb, n)
	after := heapAfterGC()
	runtime.KeepAlive(t)
	if after < before {
		return 0
	}
	return after - before
}

// The table of 100,000 rows must stay under 600 bytes a row (600 MB for
// 1,000,000): cheap enough to run everywhere, race detector included.
func TestTableHeapPerRow(t *testing.T) {
	const n = 100000
	h := tableHeap(t, n)
	per := float64(h) / n
	t.Logf("%d rows: %.1f MB, %.0f bytes/row", n, float64(h)/1e6, per)
	if per > 600 {
		t.Errorf("%.0f bytes per row: 1,000,000 rows would take %.0f MB, want < 600 MB", per, per*1e6/1e6)
	}
}
