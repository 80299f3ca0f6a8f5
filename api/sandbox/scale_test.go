package sandbox

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// countingWriter is a ResponseWriter that only counts the body.
type countingWriter struct {
	h     http.Header
	n     int64
	lines int64
}

func (w *countingWriter) Header() http.Header { return w.h }
func (w *countingWriter) WriteHeader(int)     {}
func (w *countingWriter) Write(b []byte) (int, error) {
	w.n += int64(len(b))
	w.lines += int64(bytes.Count(b, []byte{'\n'}))
	return len(b), nil
}

const millionQuery = "/analytics/v1/?key=k&type=backlinks&target=moz.com&target_type=root_domain&display_limit=1000000"

func serveCounting(s *Server, path string) *countingWriter {
	w := &countingWriter{h: http.Header{}}
	s.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
	return w
}

// TestMillionLineBodyMemory streams a 1,000,000-line backlinks body and
// samples the heap while it does: the profile is never built in memory.
func TestMillionLineBodyMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams a quarter of a gigabyte")
	}
	s := newTest(Options{})
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	start := time.Now()
	w := serveCounting(s, millionQuery)
	el := time.Since(start)
	close(stop)
	wg.Wait()
	if w.lines != 1_000_001 {
		t.Fatalf("%d lines, want 1,000,001", w.lines)
	}
	mb := float64(w.n) / 1e6
	t.Logf("1,000,000 lines, %.0f MB in %v (%.0f MB/s, cold: site generation included); peak heap %.0f MB (%.0f MB before)",
		mb, el.Round(time.Millisecond), mb/el.Seconds(), float64(peak.Load())/1e6, float64(before.HeapAlloc)/1e6)
	if peak.Load() > 500<<20 {
		t.Errorf("peak heap %d MB, want well under 500 MB", peak.Load()>>20)
	}
}

func BenchmarkSiteGeneration(b *testing.B) {
	b.Run("random", func(b *testing.B) { // log-uniform sizes, 15..40,000 referring domains
		for i := 0; i < b.N; i++ {
			newRootSite(fmt.Sprintf("bench-%d.com", i))
		}
	})
	b.Run("moz.com", func(b *testing.B) { // 56,000 domains, 1,150,000 backlinks
		for i := 0; i < b.N; i++ {
			newRootSite("moz.com")
		}
	})
	b.Run("moz.com-aggregates", func(b *testing.B) { // one scan of 1,150,000 links
		s := newRootSite("moz.com")
		g := newGen(testNow)
		for i := 0; i < b.N; i++ {
			fullProfile(s).scan(&g)
		}
	})
}

func BenchmarkBacklinks1M(b *testing.B) {
	s := newTest(Options{})
	serveCounting(s, millionQuery) // warm the site cache
	b.ReportAllocs()
	b.ResetTimer()
	var n int64
	for i := 0; i < b.N; i++ {
		n = serveCounting(s, millionQuery).n
	}
	b.SetBytes(n)
}

func BenchmarkRefdomains10k(b *testing.B) {
	s := newTest(Options{})
	q := "/analytics/v1/?key=k&type=backlinks_refdomains&target=example.com&target_type=root_domain&display_limit=10000"
	serveCounting(s, q)
	b.ReportAllocs()
	b.ResetTimer()
	var n int64
	for i := 0; i < b.N; i++ {
		n = serveCounting(s, q).n
	}
	b.SetBytes(n)
}
