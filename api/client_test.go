package api

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// testKey is distinctive so that any leak is found by a substring search.
const testKey = "SeCrEtKeY0123456789abcdefQRSTUV"

// fakeAPI is an httptest server speaking enough of the protocol: the reports
// endpoint answers with `report`, the balance endpoint with `balance`.
type fakeAPI struct {
	*httptest.Server
	t        testing.TB
	reports  atomic.Int64
	balances atomic.Int64
	mu       sync.Mutex
	report   http.HandlerFunc
	balance  string
	agents   []string
}

func newFakeAPI(t testing.TB, report http.HandlerFunc) *fakeAPI {
	f := &fakeAPI{t: t, report: report, balance: "1,000"}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.agents = append(f.agents, r.UserAgent())
		f.mu.Unlock()
		if got := r.URL.Query().Get("key"); got != testKey {
			t.Errorf("%s: key parameter %q, want the configured key", r.URL.Path, got)
		}
		for name, vs := range r.Header {
			for _, v := range vs {
				if strings.Contains(v, testKey) {
					t.Errorf("the key travels in header %s", name)
				}
			}
		}
		switch r.URL.Path {
		case "/analytics/v1/":
			f.reports.Add(1)
			f.report(w, r)
		case "/users/countapiunits.html":
			f.balances.Add(1)
			f.mu.Lock()
			b := f.balance
			f.mu.Unlock()
			fmt.Fprint(w, b)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeAPI) setBalance(b string) { f.mu.Lock(); f.balance = b; f.mu.Unlock() }

// sleepRecorder replaces Config.Sleep: it records the backoff delays and
// returns at once (or with the context's error).
type sleepRecorder struct {
	mu     sync.Mutex
	delays []time.Duration
}

func (s *sleepRecorder) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.delays = append(s.delays, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleepRecorder) get() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.delays...)
}

func (f *fakeAPI) client(mod func(*Config)) (*Client, *sleepRecorder) {
	rec := &sleepRecorder{}
	cfg := Config{Key: testKey, BaseURL: f.URL + "/analytics/v1/", BalanceURL: f.URL + "/users/countapiunits.html",
		Timeout: 5 * time.Second, Sleep: rec.sleep, RatePerSecond: 1000}
	if mod != nil {
		mod(&cfg)
	}
	return NewClient(cfg), rec
}

// csvRows answers a backlinks request with n rows of the asked columns.
func csvRows(n int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		cols := strings.Split(r.URL.Query().Get("export_columns"), ",")
		var b strings.Builder
		b.WriteString(strings.Join(cols, ";") + "\r\n")
		for i := 0; i < n; i++ {
			for j, c := range cols {
				if j > 0 {
					b.WriteByte(';')
				}
				switch {
				case strings.HasSuffix(c, "_url"):
					fmt.Fprintf(&b, "https://s%d.example/", i)
				case c == "source_title" || c == "anchor" || c == "target" || c == "target_type" || c == "category_name":
					fmt.Fprintf(&b, "text %d", i)
				case c == "rating":
					b.WriteString("0.5")
				default:
					fmt.Fprintf(&b, "%d", i+1)
				}
			}
			b.WriteString("\r\n")
		}
		fmt.Fprint(w, b.String())
	}
}

func backlinksQ(count int) Request {
	r, _ := LookupReport("backlinks")
	return Request{Report: r, Targets: []Target{{"example.com", RootDomain}}, Count: count}
}

// checkNoKey fails if the key (raw or encoded) shows in any rendering of
// err or of any error it wraps.
func checkNoKey(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		t.Fatal("want an error")
	}
	forms := func(e error) []string {
		return []string{e.Error(), fmt.Sprintf("%v", e), fmt.Sprintf("%+v", e), fmt.Sprintf("%#v", e), fmt.Sprintf("%s", e)}
	}
	seen := 0
	var walk func(e error)
	walk = func(e error) {
		if e == nil || seen > 20 {
			return
		}
		seen++
		for _, s := range forms(e) {
			// A clipped key leaks too: look for its first 12 characters.
			for _, k := range []string{testKey[:12], url.QueryEscape(testKey), strings.ToLower(testKey[:12])} {
				if strings.Contains(s, k) {
					t.Errorf("the key leaks in %T: %s", e, s)
				}
			}
		}
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		case interface{ Unwrap() []error }:
			for _, x := range u.Unwrap() {
				walk(x)
			}
		}
	}
	walk(err)
	if bad := unsafeText(err.Error()); bad != "" {
		t.Errorf("error text holds %s: %q", bad, err.Error())
	}
}

func TestClientFailuresNeverLeakKey(t *testing.T) {
	t.Parallel()
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close() // connections to it are refused
	cases := []struct {
		name    string
		handler http.HandlerFunc
		mod     func(*Config)
		ctx     func() (context.Context, context.CancelFunc)
		check   func(t *testing.T, err error)
	}{
		{name: "key in the URL of a refused connection", handler: csvRows(1),
			mod: func(c *Config) { c.BaseURL = closedURL + "/analytics/v1/" }},
		{name: "timeout", handler: func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(3 * time.Second):
			}
		}, mod: func(c *Config) { c.Timeout = 50 * time.Millisecond },
			check: func(t *testing.T, err error) {
				if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "no answer within") {
					t.Errorf("timeout error %q (deadline exceeded: %v)", err, errors.Is(err, context.DeadlineExceeded))
				}
			}},
		{name: "5xx echoing the URL", handler: func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(502)
			fmt.Fprintf(w, "key %s: upstream failed for GET %s", testKey, r.URL.String())
		}},
		{name: "5xx with an ERROR line echoing the key", handler: func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(500)
			fmt.Fprintf(w, "ERROR 500 :: Internal Error for key=%s and %s", testKey, testKey)
		}},
		{name: "ERROR 120 echoing the key", handler: func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, "ERROR 120 :: WRONG KEY - ID PAIR %s", testKey)
		}},
		{name: "malformed ERROR line echoing the key", handler: func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, "ERROR :: WRONG KEY %s", testKey)
		}},
		{name: "5xx clipping the key", handler: func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(500)
			fmt.Fprintf(w, "%s %s", strings.Repeat("x", 30), testKey)
		}},
		{name: "5xx with non-ASCII text", handler: func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(503)
			fmt.Fprint(w, "x"+strings.Repeat("é", 100))
		}},
		{name: "hijacked and closed", handler: func(w http.ResponseWriter, r *http.Request) {
			c, _, err := http.NewResponseController(w).Hijack()
			if err == nil {
				c.Close()
			}
		}},
		{name: "connection reset", handler: func(w http.ResponseWriter, r *http.Request) {
			c, _, err := http.NewResponseController(w).Hijack()
			if err == nil {
				if tc, ok := c.(*net.TCPConn); ok {
					tc.SetLinger(0)
				}
				c.Close()
			}
		}},
		{name: "truncated body", handler: func(w http.ResponseWriter, r *http.Request) {
			c, buf, err := http.NewResponseController(w).Hijack()
			if err == nil {
				buf.WriteString("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npage_ascore;anchor\r\n1;x")
				buf.Flush()
				c.Close()
			}
		}},
		{name: "redirect to a URL holding the key", handler: func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, closedURL+"/elsewhere/"+testKey+"?"+r.URL.RawQuery, http.StatusFound)
		}},
		{name: "redirect loop", handler: func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, r.URL.String(), http.StatusFound)
		}},
		{name: "cancelled context", handler: func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done()
		}, ctx: func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), 50*time.Millisecond)
		},
			check: func(t *testing.T, err error) {
				if !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled) {
					t.Errorf("cancellation error %q does not unwrap to the context's error", err)
				}
			}},
		{name: "malformed base URL", handler: csvRows(1), mod: func(c *Config) { c.BaseURL = "http://[::1%zz/analytics/v1/" }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			api := newFakeAPI(t, c.handler)
			cl, _ := api.client(func(cfg *Config) {
				cfg.MaxRetries = 1
				if c.mod != nil {
					c.mod(cfg)
				}
			})
			ctx, cancel := context.Background(), context.CancelFunc(func() {})
			if c.ctx != nil {
				ctx, cancel = c.ctx()
			}
			defer cancel()
			res, err := cl.Fetch(ctx, backlinksQ(5))
			if err == nil {
				t.Fatalf("Fetch succeeded: %+v", res)
			}
			checkNoKey(t, err)
			if c.check != nil {
				c.check(t, err)
			}
			// A 200 cut off mid-body may have been charged: it counts at
			// its worst case. Nothing else that fails costs anything.
			want := int64(0)
			if c.name == "truncated body" {
				want = backlinksQ(5).EstimateCost()
			}
			if cl.Ledger().Total() != want {
				t.Errorf("a failure cost %d units, want %d", cl.Ledger().Total(), want)
			}
			// The balance endpoint fails the same way, without the key.
			if c.ctx == nil {
				_, err = cl.Balance(ctx)
				if err != nil {
					checkNoKey(t, err)
				}
			}
		})
	}
}

func TestClientRetries(t *testing.T) {
	t.Parallel()
	status := func(code int, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(code)
			fmt.Fprint(w, body)
		}
	}
	cases := []struct {
		name     string
		handler  http.HandlerFunc
		requests int64 // with MaxRetries 3
	}{
		{"429", status(429, ""), 4},
		{"503 empty", status(503, ""), 4},
		{"500 HTML", status(500, "<html>oops</html>"), 4},
		{"500 with ERROR 500", status(500, "ERROR 500 :: Internal Error"), 4},
		{"200 with ERROR 500", status(200, "ERROR 500 :: Internal Error"), 4},
		{"200 with ERROR 429", status(200, "ERROR 429 :: TOO MANY REQUESTS"), 4},
		{"network error", func(w http.ResponseWriter, r *http.Request) {
			if c, _, err := http.NewResponseController(w).Hijack(); err == nil {
				c.Close()
			}
		}, 4},
		// A 200 cut short mid-body: the server answered and may have
		// charged the page; a retry could charge it twice.
		{"200 cut mid-body", func(w http.ResponseWriter, r *http.Request) {
			if c, buf, err := http.NewResponseController(w).Hijack(); err == nil {
				buf.WriteString("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npage_ascore;anchor\r\n1;x")
				buf.Flush()
				c.Close()
			}
		}, 1},
		{"ERROR 120", status(200, "ERROR 120 :: WRONG KEY - ID PAIR"), 1},
		{"ERROR 122", status(200, "ERROR 122 :: WRONG FORMAT OR EMPTY KEY"), 1},
		{"ERROR 132 with 200", status(200, "ERROR 132 :: API UNITS BALANCE IS ZERO"), 1},
		{"ERROR 132 with 403", status(403, "ERROR 132 :: API UNITS BALANCE IS ZERO"), 1},
		{"ERROR 402", status(200, "ERROR 402 :: Request param not valid:: Duplicate domains"), 1},
		{"ERROR 605", status(200, "ERROR 605 :: display_offset equals or exceeds display_limit"), 1},
		{"403 empty", status(403, ""), 1},
		{"404 CSV", status(404, "page_ascore;anchor\r\n1;x\r\n"), 1},
		{"400 nothing", status(400, ""), 1},
		{"200 empty body", status(200, ""), 1},
		{"200 HTML", status(200, "<html></html>"), 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			api := newFakeAPI(t, c.handler)
			cl, rec := api.client(nil) // MaxRetries default: 3
			_, err := cl.Fetch(context.Background(), backlinksQ(5))
			if err == nil {
				t.Fatal("Fetch succeeded")
			}
			checkNoKey(t, err)
			if got := api.reports.Load(); got != c.requests {
				t.Fatalf("server saw %d requests, want %d (err %v)", got, c.requests, err)
			}
			delays := rec.get()
			if len(delays) != int(c.requests)-1 {
				t.Fatalf("%d backoff sleeps for %d requests", len(delays), c.requests)
			}
			base := 500 * time.Millisecond
			for i, d := range delays {
				lo, hi := base<<i/2, base<<i
				if d < lo || d > hi {
					t.Errorf("delay %d = %v, want in [%v, %v]", i, d, lo, hi)
				}
				if i > 0 && d < delays[i-1] {
					t.Errorf("delays do not grow: %v", delays)
				}
			}
			var ae *APIError
			var te *TransportError
			switch {
			case strings.HasPrefix(c.name, "ERROR"):
				if !errors.As(err, &ae) {
					t.Fatalf("%v (%T), want an *APIError", err, err)
				}
				if want := map[bool]int{true: 403, false: 200}[strings.Contains(c.name, "403")]; ae.Status != want {
					t.Errorf("APIError.Status %d, want %d", ae.Status, want)
				}
				if strings.HasPrefix(c.name, "ERROR 132") && !IsBalanceZero(err) {
					t.Errorf("balance-zero error not recognised: %v", err)
				}
			case c.name == "403 empty" || c.name == "404 CSV" || c.name == "400 nothing" || c.name == "429":
				if !errors.As(err, &te) || te.Status != atoi(t, c.name[:3]) {
					t.Errorf("%v (%T), want a *TransportError with the HTTP status", err, err)
				}
			}
		})
	}
}

func TestClientRetryJitterAndRecovery(t *testing.T) {
	t.Parallel()
	var n atomic.Int64
	api := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1)%3 != 0 { // two failures, then a page
			w.WriteHeader(503)
			return
		}
		csvRows(5)(w, r)
	})
	firsts := map[time.Duration]bool{}
	for i := 0; i < 8; i++ {
		cl, rec := api.client(nil)
		res, err := cl.Fetch(context.Background(), backlinksQ(5))
		if err != nil {
			t.Fatal(err)
		}
		if res.Attempts != 3 || res.Units != 200 || cl.Ledger().Total() != 200 || len(cl.Ledger().Spends()) != 1 {
			t.Fatalf("attempts %d units %d ledger %d spends %d", res.Attempts, res.Units, cl.Ledger().Total(), len(cl.Ledger().Spends()))
		}
		d := rec.get()
		if len(d) != 2 || d[1] <= d[0]/2 {
			t.Fatalf("delays %v", d)
		}
		firsts[d[0]] = true
	}
	if len(firsts) < 2 {
		t.Errorf("8 first delays all equal (%v): no jitter", firsts)
	}
	// A context cancelled during the backoff stops the retries.
	var m atomic.Int64
	api2 := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) { m.Add(1); w.WriteHeader(503) })
	ctx, cancel := context.WithCancel(context.Background())
	cl, _ := api2.client(func(c *Config) {
		c.Sleep = func(context.Context, time.Duration) error { cancel(); return context.Canceled }
	})
	if _, err := cl.Fetch(ctx, backlinksQ(5)); err == nil || m.Load() != 1 {
		t.Errorf("cancelled during backoff: err %v, %d requests", err, m.Load())
	}
}

func TestClientInFlightLimit(t *testing.T) {
	t.Parallel()
	var cur, peak atomic.Int64
	release := make(chan struct{})
	api := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		n := cur.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		<-release
		cur.Add(-1)
		csvRows(1)(w, r)
	})
	cl, _ := api.client(nil) // MaxInFlight default: 10
	var wg sync.WaitGroup
	errs := make(chan error, 30)
	for i := 0; i < 30; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := cl.Fetch(context.Background(), backlinksQ(1))
			errs <- err
		}()
	}
	deadline := time.Now().Add(5 * time.Second)
	for cur.Load() < 10 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(150 * time.Millisecond) // room for an 11th to sneak in
	if got := api.reports.Load(); got != 10 {
		t.Errorf("%d requests reached the server while 10 were blocked", got)
	}
	close(release)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if p := peak.Load(); p != 10 {
		t.Errorf("peak in flight %d, want 10", p)
	}
	if api.reports.Load() != 30 {
		t.Errorf("%d requests served", api.reports.Load())
	}
}

func TestClientRateLimit(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var starts []time.Time
	api := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "ERROR 50 :: NOTHING FOUND") // free: no balance refresh
	})
	inner := api.Config.Handler
	api.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		starts = append(starts, time.Now()) // every request: reports and balance
		mu.Unlock()
		inner.ServeHTTP(w, r)
	})
	cl, _ := api.client(func(c *Config) { c.RatePerSecond = 0 }) // default: 10
	begin := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < 25; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := cl.Fetch(context.Background(), backlinksQ(1)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if len(starts) != 25 {
		t.Fatalf("%d requests", len(starts))
	}
	// Arrival order is start order within scheduling noise; allow 100ms.
	for i := 0; i+10 < len(starts); i++ {
		if gap := starts[i+10].Sub(starts[i]); gap < 900*time.Millisecond {
			t.Errorf("11 requests within %v (requests %d..%d)", gap, i, i+10)
		}
	}
	if el := time.Since(begin); el < 1900*time.Millisecond || el > 4*time.Second {
		t.Errorf("25 requests at 10/s took %v, want about 2s", el)
	}
}

func TestClientBasics(t *testing.T) {
	t.Parallel()
	api := newFakeAPI(t, csvRows(5))
	cl, _ := api.client(nil)
	ctx := context.Background()

	// The User-Agent names linkdive.
	if _, err := cl.Fetch(ctx, backlinksQ(5)); err != nil {
		t.Fatal(err)
	}
	api.mu.Lock()
	ua := api.agents[0]
	api.mu.Unlock()
	if !strings.HasPrefix(ua, "linkdive/") {
		t.Errorf("User-Agent %q", ua)
	}

	// Balance reads thousands separators.
	for body, want := range map[string]int64{"1,000": 1000, "12 345": 12345, "1,000\r\n": 1000, "0": 0} {
		api.setBalance(body)
		got, err := cl.Balance(ctx)
		if err != nil || got != want {
			t.Errorf("Balance with body %q = %d, %v; want %d", body, got, err, want)
		}
		if b, ok := cl.Ledger().Balance(); !ok || b != want {
			t.Errorf("ledger balance %d %v after reading %d", b, ok, want)
		}
	}
	api.setBalance("ERROR 120 :: WRONG KEY - ID PAIR " + testKey)
	_, err := cl.Balance(ctx)
	if !isAPIError(err, CodeWrongKey) {
		t.Errorf("Balance of an ERROR line: %v", err)
	}
	checkNoKey(t, err)
	api.setBalance("no units for " + testKey)
	_, err = cl.Balance(ctx)
	checkNoKey(t, err)

	// A request that fails validation sends nothing and costs nothing.
	before, total := api.reports.Load(), cl.Ledger().Total()
	for _, q := range []Request{backlinksQ(0), backlinksQ(-1), {Report: backlinksQ(1).Report, Count: 1}} {
		_, err := cl.Fetch(ctx, q)
		var ve *ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("invalid request: %v", err)
		}
	}
	if api.reports.Load() != before || cl.Ledger().Total() != total {
		t.Errorf("invalid requests reached the server (%d) or cost units (%d)", api.reports.Load()-before, cl.Ledger().Total()-total)
	}
	if u := cl.DisplayURL(backlinksQ(5)); strings.Contains(u, testKey) || !strings.Contains(u, "key="+Redacted) {
		t.Errorf("DisplayURL %q", u)
	}
}

func TestClientLedgerMatchesCosts(t *testing.T) {
	t.Parallel()
	api := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("type") {
		case "backlinks_refdomains":
			fmt.Fprint(w, "ERROR 50 :: NOTHING FOUND\r\n")
		case "backlinks_overview":
			csvRows(1)(w, r)
		case "backlinks_comparison":
			csvRows(len(r.URL.Query()["targets[]"]))(w, r)
		default:
			csvRows(4)(w, r)
		}
	})
	cl, _ := api.client(nil)
	one := []Target{{"example.com", RootDomain}}
	reqs := []Request{
		backlinksQ(10), // 4 rows: 160
		{Report: mustReport(t, "overview"), Targets: one},                                                      // 40
		{Report: mustReport(t, "refdomains"), Targets: one, Count: 100},                                        // nothing found: 0
		{Report: mustReport(t, "comparison"), Targets: []Target{{"a.com", RootDomain}, {"b.com", RootDomain}}}, // 80
		{Report: mustReport(t, "categories"), Targets: one},                                                    // 50
		{Report: mustReport(t, "anchors"), Targets: one, Offset: 100, Count: 4},                                // 160
	}
	var sum int64
	for _, q := range reqs {
		res, err := cl.Fetch(context.Background(), q)
		if err != nil {
			t.Fatalf("%s: %v", q.Report.Type, err)
		}
		want := q.ActualCost(res.Table.Len())
		if res.Table.NothingFound {
			want = 0
		}
		if res.Units != want {
			t.Errorf("%s: Units %d, want %d", q.Report.Type, res.Units, want)
		}
		sum += want
	}
	if sum != 490 || cl.Ledger().Total() != sum {
		t.Errorf("ledger %d, sum of costs %d, want 490", cl.Ledger().Total(), sum)
	}
	if n := len(cl.Ledger().Spends()); n != 5 {
		t.Errorf("%d spends recorded, want 5 (NOTHING FOUND is free)", n)
	}
}

func TestClientBalanceShort(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		balance string
		short   bool
	}{{"0", true}, {"39", true}, {"5,000", false}} {
		api := newFakeAPI(t, csvRows(3))
		api.setBalance(c.balance)
		cl, _ := api.client(nil)
		res, err := cl.Fetch(context.Background(), backlinksQ(10))
		if err != nil {
			t.Fatal(err)
		}
		if res.BalanceShort != c.short || res.Table.Len() != 3 || res.Units != 120 {
			t.Errorf("balance %s: BalanceShort %v rows %d units %d", c.balance, res.BalanceShort, res.Table.Len(), res.Units)
		}
		if api.balances.Load() < 1 {
			t.Errorf("balance not asked for a short page")
		}
	}
	// A full page is not short, whatever the balance.
	api := newFakeAPI(t, csvRows(10))
	api.setBalance("0")
	cl, _ := api.client(nil)
	res, err := cl.Fetch(context.Background(), backlinksQ(10))
	if err != nil || res.BalanceShort {
		t.Errorf("full page: %v short %v", err, res.BalanceShort)
	}
}

func TestClientBackoffIsBounded(t *testing.T) {
	t.Parallel()
	api := newFakeAPI(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) })
	cl, rec := api.client(func(c *Config) { c.MaxRetries = 40 })
	_, err := cl.Fetch(context.Background(), backlinksQ(5))
	if err == nil || api.reports.Load() != 41 {
		t.Fatalf("err %v after %d requests", err, api.reports.Load())
	}
	for i, d := range rec.get() {
		if d <= 0 || d > time.Minute {
			t.Fatalf("retry %d waits %v", i, d)
		}
	}
	// A huge base is capped too.
	cl, rec = api.client(func(c *Config) { c.MaxRetries = 3; c.BackoffBase = 1000 * time.Hour })
	cl.Fetch(context.Background(), backlinksQ(5))
	for i, d := range rec.get() {
		if d <= 0 || d > time.Minute {
			t.Fatalf("huge base: retry %d waits %v", i, d)
		}
	}
}
