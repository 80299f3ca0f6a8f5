package cache_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"linkdive/api"
	"linkdive/api/cache"
	"linkdive/api/sandbox"
)

const key = "cache-test-key-7f3a9c1d"

var day0 = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

// clock is a settable time for the client.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

type env struct {
	srv   *sandbox.Server
	dir   string
	clock *clock
}

func newEnv(t *testing.T, o sandbox.Options) *env {
	t.Helper()
	o.Now = func() time.Time { return day0 }
	o.RatePerSecond, o.MaxInFlight = -1, -1
	return &env{srv: sandbox.New(o), dir: filepath.Join(t.TempDir(), "linkdive"), clock: &clock{t: day0}}
}

// client is a fresh client and cache over the env's directory (a new one
// stands for a restart of linkdive).
func (e *env) client(t *testing.T, mod func(*api.Config)) *api.Client {
	t.Helper()
	d, err := cache.Open(e.dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg := api.Config{Key: key, BaseURL: "http://sandbox.test/analytics/v1/",
		BalanceURL: "http://sandbox.test/users/countapiunits.html",
		HTTP:       &http.Client{Transport: e.srv.Transport()}, MaxRetries: -1,
		Cache: d, Now: e.clock.now}
	if mod != nil {
		mod(&cfg)
	}
	return api.NewClient(cfg)
}

func refdomains(t *testing.T, target string, offset, count int) api.Request {
	t.Helper()
	r, _ := api.LookupReport("refdomains")
	tg, err := api.NewTarget(target, "")
	if err != nil {
		t.Fatal(err)
	}
	return api.Request{Report: r, Targets: []api.Target{tg}, Offset: offset, Count: count}
}

func fetch(t *testing.T, c *api.Client, q api.Request) *api.Result {
	t.Helper()
	res, err := c.Fetch(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestSecondRequestIsFreeAndSendsNothing(t *testing.T) {
	e := newEnv(t, sandbox.Options{})
	c := e.client(t, nil)
	q := refdomains(t, "example.com", 0, 50)
	first := fetch(t, c, q)
	if first.Cached || first.Units != 50*40 {
		t.Fatalf("first answer: cached=%v units=%d", first.Cached, first.Units)
	}
	spent, reqs := e.srv.Spent(key), e.srv.Requests()
	e.clock.add(3 * 24 * time.Hour)
	second := fetch(t, c, q)
	if !second.Cached || second.Units != 0 || second.Age != 3*24*time.Hour {
		t.Fatalf("second answer: cached=%v units=%d age=%v", second.Cached, second.Units, second.Age)
	}
	if e.srv.Requests() != reqs || e.srv.Spent(key) != spent {
		t.Fatalf("the cached answer sent %d requests and spent %d units", e.srv.Requests()-reqs, e.srv.Spent(key)-spent)
	}
	if second.Table.Len() != 50 || second.Table.Text(7, 1) != first.Table.Text(7, 1) {
		t.Fatal("the cached answer is not the same data")
	}
	if c.Ledger().Total() != first.Units {
		t.Fatalf("ledger total %d, want %d", c.Ledger().Total(), first.Units)
	}
	if got := api.DescribeAge(second.Age); got != "3 days old" {
		t.Errorf("age text %q", got)
	}
	// A different page is a different request.
	third := fetch(t, c, refdomains(t, "example.com", 50, 50))
	if third.Cached || third.Units != 2000 {
		t.Fatalf("the next page must be fetched: cached=%v units=%d", third.Cached, third.Units)
	}
}

func TestCacheSurvivesRestart(t *testing.T) {
	e := newEnv(t, sandbox.Options{})
	q := refdomains(t, "example.com", 100, 100)
	fetch(t, e.client(t, nil), q)
	reqs, spent := e.srv.Requests(), e.srv.Spent(key)
	res := fetch(t, e.client(t, nil), q) // a new client and cache: a restart
	if !res.Cached || res.Units != 0 || e.srv.Requests() != reqs || e.srv.Spent(key) != spent {
		t.Fatalf("after a restart: cached=%v units=%d requests +%d", res.Cached, res.Units, e.srv.Requests()-reqs)
	}
	if age, ok := e.client(t, nil).Cached(q); !ok || age != 0 {
		t.Errorf("Cached(q) = %v, %v", age, ok)
	}
}

func TestOfflineSendsNothing(t *testing.T) {
	e := newEnv(t, sandbox.Options{})
	q := refdomains(t, "example.com", 0, 10)
	fetch(t, e.client(t, nil), q)
	reqs := e.srv.Requests()
	off := e.client(t, func(c *api.Config) { c.Offline = true })
	if res := fetch(t, off, q); !res.Cached {
		t.Fatal("offline: a cached request must be answered")
	}
	_, err := off.Fetch(context.Background(), refdomains(t, "example.org", 0, 10))
	if !errors.Is(err, api.ErrNotCached) || !strings.Contains(err.Error(), "not in the cache (offline)") {
		t.Fatalf("offline miss: %v", err)
	}
	if _, err := off.FetchWith(context.Background(), q, api.FetchOptions{Refresh: true}); !errors.Is(err, api.ErrOffline) {
		t.Fatalf("offline refresh: %v", err)
	}
	if _, err := off.Balance(context.Background()); !errors.Is(err, api.ErrOffline) {
		t.Fatalf("offline balance: %v", err)
	}
	if e.srv.Requests() != reqs {
		t.Fatalf("offline sent %d requests", e.srv.Requests()-reqs)
	}
}

func TestExpiredEntryIsRefetchedAndDeleted(t *testing.T) {
	e := newEnv(t, sandbox.Options{})
	c := e.client(t, func(c *api.Config) { c.MaxAge = 48 * time.Hour })
	q := refdomains(t, "example.com", 0, 20)
	fetch(t, c, q)
	file := filepath.Join(e.dir, cache.FileName(c.CacheKey(q)))
	e.clock.add(49 * time.Hour)
	if _, ok := c.Cached(q); ok {
		t.Fatal("an expired entry must not count as cached")
	}
	spent := e.srv.Spent(key)
	// Offline, an expired entry is a miss (and is deleted).
	off := e.client(t, func(c *api.Config) { c.MaxAge = 48 * time.Hour; c.Offline = true })
	if _, err := off.Fetch(context.Background(), q); !errors.Is(err, api.ErrNotCached) {
		t.Fatalf("offline expired: %v", err)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Fatalf("the expired entry was not deleted: %v", err)
	}
	res := fetch(t, c, q)
	if res.Cached || res.Units != 800 || e.srv.Spent(key) != spent+800 {
		t.Fatalf("expired entry: cached=%v units=%d", res.Cached, res.Units)
	}
	if res := fetch(t, c, q); !res.Cached {
		t.Fatal("the refetched answer must be cached again")
	}
}

func TestMaxAgeIsClampedToAMonth(t *testing.T) {
	e := newEnv(t, sandbox.Options{})
	c := e.client(t, func(c *api.Config) { c.MaxAge = 90 * 24 * time.Hour })
	if c.CacheMaxAge() != api.MaxCacheMaxAge {
		t.Fatalf("max age %v", c.CacheMaxAge())
	}
	q := refdomains(t, "example.com", 0, 5)
	fetch(t, c, q)
	e.clock.add(31 * 24 * time.Hour)
	if res := fetch(t, c, q); res.Cached {
		t.Fatal("a 31-day-old answer was served; the API's terms allow a month")
	}
}

func TestRefreshBypassesAndReplaces(t *testing.T) {
	e := newEnv(t, sandbox.Options{})
	c := e.client(t, nil)
	q := refdomains(t, "example.com", 0, 10)
	fetch(t, c, q)
	e.clock.add(time.Hour)
	res, err := c.FetchWith(context.Background(), q, api.FetchOptions{Refresh: true})
	if err != nil || res.Cached || res.Units != 400 {
		t.Fatalf("refresh: %v cached=%v units=%d", err, res != nil && res.Cached, res.Units)
	}
	if res := fetch(t, c, q); !res.Cached || res.Age != 0 {
		t.Fatalf("after a refresh the new answer is cached: cached=%v age=%v", res.Cached, res.Age)
	}
}

func TestCorruptEntriesAreDroppedNotShown(t *testing.T) {
	cases := map[string]func([]byte) []byte{
		"truncated":      func(b []byte) []byte { return b[:len(b)-17] },
		"flipped byte":   func(b []byte) []byte { b[len(b)-40] ^= 0x20; return b },
		"empty":          func([]byte) []byte { return nil },
		"header only":    func(b []byte) []byte { return b[:bytes.IndexByte(b, '\n')+1] },
		"garbage":        func([]byte) []byte { return []byte("not a cache entry at all\n") },
		"appended bytes": func(b []byte) []byte { return append(b, "x;y\r\n"...) },
	}
	for name, damage := range cases {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t, sandbox.Options{})
			c := e.client(t, nil)
			q := refdomains(t, "example.com", 0, 30)
			fetch(t, c, q)
			file := filepath.Join(e.dir, cache.FileName(c.CacheKey(q)))
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, damage(b), 0o600); err != nil {
				t.Fatal(err)
			}
			c2 := e.client(t, nil)
			if _, ok := c2.Cached(q); ok {
				t.Fatal("a damaged entry counts as cached")
			}
			if _, err := os.Stat(file); !os.IsNotExist(err) {
				t.Fatal("the damaged entry was not removed")
			}
			res := fetch(t, c2, q)
			if res.Cached || res.Table.Len() != 30 {
				t.Fatalf("damaged entry: cached=%v rows=%d", res.Cached, res.Table.Len())
			}
		})
	}
}

func TestEntryUnderAnotherKeyIsNotServed(t *testing.T) {
	dir := t.TempDir()
	d, err := cache.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Put("a", []byte("body of a"), day0); err != nil {
		t.Fatal(err)
	}
	// Move a's file to where b's would be: a hash collision, or a copy.
	if err := os.Rename(filepath.Join(dir, cache.FileName("a")), filepath.Join(dir, cache.FileName("b"))); err != nil {
		t.Fatal(err)
	}
	if _, _, ok := d.Get("b"); ok {
		t.Fatal("an entry stored under key a answered key b")
	}
}

func TestPermissions(t *testing.T) {
	e := newEnv(t, sandbox.Options{})
	if err := os.MkdirAll(e.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	c := e.client(t, nil)
	fetch(t, c, refdomains(t, "example.com", 0, 5))
	st, err := os.Stat(e.dir)
	if err != nil || st.Mode().Perm() != 0o700 {
		t.Fatalf("cache dir mode %v (%v), want 0700", st.Mode().Perm(), err)
	}
	ents, _ := os.ReadDir(e.dir)
	if len(ents) != 1 {
		t.Fatalf("%d files in the cache, want 1", len(ents))
	}
	for _, de := range ents {
		info, _ := de.Info()
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", de.Name(), info.Mode().Perm())
		}
	}
}

func TestOnlySuccessIsCached(t *testing.T) {
	e := newEnv(t, sandbox.Options{})
	c := e.client(t, nil)
	// NOTHING FOUND is data: cached.
	an, _ := api.LookupReport("backlinks")
	tg, _ := api.NewTarget("example.com", "")
	nf := api.Request{Report: an, Targets: []api.Target{tg}, Count: 10,
		Filter: api.Filter{{Field: "anchor", Op: api.OpCo, Value: "zzqqxxnotananchor"}}}
	res := fetch(t, c, nf)
	if !res.Table.NothingFound {
		t.Skip("the sandbox found rows for an impossible anchor")
	}
	if res := fetch(t, c, nf); !res.Cached || !res.Table.NothingFound {
		t.Fatal("NOTHING FOUND must be cached as an empty answer")
	}
	// An error is never cached.
	bad := e.client(t, func(cfg *api.Config) { cfg.Key = "" })
	q := refdomains(t, "example.org", 0, 5)
	if _, err := bad.Fetch(context.Background(), q); err == nil {
		t.Fatal("an empty key must fail")
	}
	if _, ok := c.Cached(q); ok {
		t.Fatal("an error answer was cached")
	}
}

func TestBalanceShortPageIsNotCached(t *testing.T) {
	e := newEnv(t, sandbox.Options{Balance: 40*12 + 10}) // 12 lines' worth
	c := e.client(t, nil)
	q := refdomains(t, "example.com", 0, 20)
	res := fetch(t, c, q)
	if !res.BalanceShort || res.Table.Len() != 12 {
		t.Fatalf("want a short page of 12 rows, got %d (short=%v)", res.Table.Len(), res.BalanceShort)
	}
	if _, ok := c.Cached(q); ok {
		t.Fatal("a page cut short by the balance was cached as if the list ended there")
	}
	if bal, ok := c.Ledger().Balance(); !ok || bal != 10 {
		t.Errorf("the balance after the spend should be refreshed to 10, got %d (%v)", bal, ok)
	}
	// The end of a list is a short page too, and is cached.
	e2 := newEnv(t, sandbox.Options{})
	c2 := e2.client(t, nil)
	whole := fetch(t, c2, refdomains(t, "b.org", 0, 1000))
	if whole.Table.Len() >= 1000 {
		t.Skip("the sandbox profile is not small")
	}
	if whole.BalanceShort {
		t.Fatal("the end of the list was taken for a short balance")
	}
	if _, ok := c2.Cached(whole.Request); !ok {
		t.Fatal("the last page of a list must be cached")
	}
}

func TestDemoAndLiveNeverShareAnswers(t *testing.T) {
	e := newEnv(t, sandbox.Options{})
	q := refdomains(t, "example.com", 0, 5)
	fetch(t, e.client(t, nil), q)
	other := e.client(t, func(c *api.Config) {
		c.BaseURL = "http://other.test/analytics/v1/"
		c.Offline = true
	})
	if _, err := other.Fetch(context.Background(), q); !errors.Is(err, api.ErrNotCached) {
		t.Fatalf("an answer of another endpoint was served: %v", err)
	}
}

func TestNoFileHoldsTheKey(t *testing.T) {
	e := newEnv(t, sandbox.Options{})
	c := e.client(t, nil)
	for i := 0; i < 3; i++ {
		fetch(t, c, refdomains(t, "example.com", i*10, 10))
	}
	n := 0
	filepath.Walk(e.dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		n++
		b, _ := os.ReadFile(p)
		if bytes.Contains(b, []byte(key)) || strings.Contains(p, key) {
			t.Errorf("%s holds the API key", p)
		}
		return nil
	})
	if n != 3 {
		t.Fatalf("%d cache files, want 3", n)
	}
}

func TestPruneAndLeftoverTempFiles(t *testing.T) {
	dir := t.TempDir()
	d, _ := cache.Open(dir)
	d.Now = func() time.Time { return day0 }
	_ = d.Put("old", []byte("x"), day0.Add(-40*24*time.Hour))
	_ = d.Put("new", []byte("y"), day0.Add(-time.Hour))
	tmp := filepath.Join(dir, ".tmp-crashed")
	_ = os.WriteFile(tmp, []byte("half"), 0o600)
	_ = os.Chtimes(tmp, day0.Add(-2*time.Hour), day0.Add(-2*time.Hour))
	n, err := d.Prune(api.MaxCacheMaxAge)
	if err != nil || n != 2 {
		t.Fatalf("pruned %d (%v), want the old entry and the temp file", n, err)
	}
	if _, _, ok := d.Get("new"); !ok {
		t.Fatal("prune removed a fresh entry")
	}
	if entries, _, _ := d.Stats(); entries != 1 {
		t.Fatalf("%d entries left", entries)
	}
}

func TestConcurrentFetchesOfOnePage(t *testing.T) {
	e := newEnv(t, sandbox.Options{})
	c := e.client(t, nil)
	q := refdomains(t, "example.com", 0, 40)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Fetch(context.Background(), q); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if res := fetch(t, c, q); !res.Cached || res.Table.Len() != 40 {
		t.Fatal("after concurrent writes the entry must be whole")
	}
}

func BenchmarkGetPut(b *testing.B) {
	d, _ := cache.Open(b.TempDir())
	body := bytes.Repeat([]byte("86;libsyn.com;1850868;204.16.246.222;us;1495338484;1580410670\r\n"), 5000)
	b.Run("put-5000-rows", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if err := d.Put("k", body, day0); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("get-5000-rows", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, _, ok := d.Get("k"); !ok {
				b.Fatal("miss")
			}
		}
	})
}
