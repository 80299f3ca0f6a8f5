package api

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Default endpoints of the real API.
const (
	DefaultBaseURL    = "https://api.semrush.com/analytics/v1/"
	DefaultBalanceURL = "https://www.semrush.com/users/countapiunits.html"
)

// Version is the linkdive version sent in the User-Agent.
var Version = "0.1.0"

// Config configures a Client. The zero value of every field but Key has a
// sensible default.
type Config struct {
	Key        string // the v3 API key; travels only in the query string
	BaseURL    string // reports endpoint (DefaultBaseURL)
	BalanceURL string // units-balance endpoint (DefaultBalanceURL)
	HTTP       *http.Client
	Timeout    time.Duration // per attempt (default 60s)
	MaxRetries int           // retries of a temporary failure (default 3; <0: none)
	// BackoffBase is the first retry delay (default 500ms); each retry
	// doubles it, with full jitter.
	BackoffBase time.Duration
	// RatePerSecond and MaxInFlight are the API's documented limits
	// (default 10 and 10).
	RatePerSecond int
	MaxInFlight   int
	UserAgent     string
	Ledger        *Ledger // session ledger (a new one if nil)
	// Sleep waits between retries; tests replace it. Default: a timer
	// that honours the context.
	Sleep func(ctx context.Context, d time.Duration) error

	// Cache answers requests it holds for nothing (nil: no cache). Only
	// successful bodies are stored: rows or NOTHING FOUND, never errors,
	// never a page cut short by the balance.
	Cache Cache
	// MaxAge is the age past which a cached answer is fetched again
	// (default DefaultCacheMaxAge; clamped to MaxCacheMaxAge).
	MaxAge time.Duration
	// Offline answers from the cache only and never sends a request.
	Offline bool
	// Budget caps the units the session may spend (0: no cap); a request
	// whose worst-case cost would pass it is not sent (*BudgetError).
	Budget int64
	// Now is the clock (tests fix it); default time.Now.
	Now func() time.Time
}

// Client runs requests against the API (or anything that speaks its
// protocol, such as the sandbox). It is safe for concurrent use.
type Client struct {
	cfg     Config
	http    *http.Client
	ledger  *Ledger
	limiter *limiter
	budget  budget

	balMu   sync.Mutex
	balRead time.Time // when the balance was last read after a spend
}

// balanceEvery is how often the balance is read again after spends: the
// ledger lowers the known balance by each spend in between, and every read
// counts against the 10 requests per second.
const balanceEvery = 5 * time.Second

// balanceDue reports whether the balance should be read again now.
func (c *Client) balanceDue() bool {
	c.balMu.Lock()
	defer c.balMu.Unlock()
	now := time.Now()
	if now.Sub(c.balRead) < balanceEvery {
		return false
	}
	c.balRead = now
	return true
}

// NewClient returns a client for cfg.
func NewClient(cfg Config) *Client {
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	if cfg.BalanceURL == "" {
		cfg.BalanceURL = DefaultBalanceURL
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 60 * time.Second
	}
	if cfg.MaxRetries == 0 {
		cfg.MaxRetries = 3
	} else if cfg.MaxRetries < 0 {
		cfg.MaxRetries = 0
	}
	if cfg.BackoffBase <= 0 {
		cfg.BackoffBase = 500 * time.Millisecond
	}
	if cfg.RatePerSecond <= 0 {
		cfg.RatePerSecond = 10
	}
	if cfg.MaxInFlight <= 0 {
		cfg.MaxInFlight = 10
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = "linkdive/" + Version + " (+https://github.com/linkdive/linkdive)"
	}
	if cfg.Ledger == nil {
		cfg.Ledger = NewLedger()
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleepCtx
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	cfg.MaxAge, _ = ClampCacheMaxAge(cfg.MaxAge)
	hc := cfg.HTTP
	if hc == nil {
		hc = &http.Client{}
	}
	hc = withoutReferer(hc)
	c := &Client{cfg: cfg, http: hc, ledger: cfg.Ledger, limiter: newLimiter(cfg.RatePerSecond, cfg.MaxInFlight)}
	c.budget.limit = max(cfg.Budget, 0)
	return c
}

func (c *Client) now() time.Time { return c.cfg.Now() }

// Ledger returns the session ledger the client records spends in.
func (c *Client) Ledger() *Ledger { return c.ledger }

// BaseURL returns the reports endpoint (it holds no key).
func (c *Client) BaseURL() string { return c.cfg.BaseURL }

// HasKey reports whether a key is configured.
func (c *Client) HasKey() bool { return c.cfg.Key != "" }

// Redact removes the client's key from s.
func (c *Client) Redact(s string) string { return Redact(s, c.cfg.Key) }

// DisplayURL is the request's URL with the key redacted, for showing.
func (c *Client) DisplayURL(q Request) string {
	return q.URL(c.cfg.BaseURL, Redacted)
}

// Result is a parsed response and what it cost.
type Result struct {
	Request Request
	Table   *Table
	Units   int64 // units this response cost
	// BalanceShort: a per-line page came back shorter than asked because
	// the balance ran out, not because the list ended.
	BalanceShort bool
	Bytes        int
	Duration     time.Duration
	Attempts     int
	FetchedAt    time.Time // when the API answered (for a cached answer: when it was fetched)
	// Cached: answered from the cache, for nothing (Units is 0); Age is
	// how old the answer is.
	Cached bool
	Age    time.Duration
	// CacheErr is set when a fresh answer could not be stored in the cache
	// (the data is fine; the next identical request will cost again).
	CacheErr error
}

// Fetch is FetchWith without options: a cached answer if there is a fresh
// one, otherwise the request is sent.
func (c *Client) Fetch(ctx context.Context, q Request) (*Result, error) {
	return c.FetchWith(ctx, q, FetchOptions{})
}

// FetchWith validates q and answers it from the cache when it can (for
// nothing; unless opts.Refresh). Otherwise, unless the client is offline or
// the request would pass the budget, it sends q (with retries where safe),
// parses the response, records its cost in the ledger, refreshes the known
// balance after a spend and stores the answer in the cache. A request that
// fails validation is never sent.
func (c *Client) FetchWith(ctx context.Context, q Request, opts FetchOptions) (*Result, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	key := c.CacheKey(q)
	if c.cfg.Cache != nil && !opts.Refresh {
		if res, ok := c.fromCache(q, key); ok {
			return res, nil
		}
	}
	if c.cfg.Offline {
		return nil, &OfflineError{Request: q.Describe(), Refresh: opts.Refresh}
	}
	release, err := c.reserve(q)
	if err != nil {
		return nil, err
	}
	defer release()
	start := time.Now()
	body, attempts, err := c.do(ctx, q.URL(c.cfg.BaseURL, c.cfg.Key))
	if err != nil {
		var te *TransportError
		if errors.As(err, &te) && te.Cut {
			return nil, c.cutOff(q, err)
		}
		return nil, err
	}
	tbl, err := Parse(body, q)
	if err != nil {
		return nil, c.redactErr(err)
	}
	res := &Result{Request: q, Table: tbl, Bytes: len(body), Duration: time.Since(start), Attempts: attempts, FetchedAt: c.now()}
	if !tbl.NothingFound {
		res.Units = q.ActualCost(tbl.Len())
	}
	if res.Units > 0 {
		c.ledger.Add(Spend{Time: res.FetchedAt, Report: q.Report.Type, Targets: targetValues(q.Targets),
			Filter: q.Filter.String(), Offset: q.Offset, Lines: tbl.Len(), Units: res.Units})
	}
	release()
	cacheable := true
	short := q.Report.Price.Per == PerLine && q.Report.Paged && tbl.Len() < q.Count
	if res.Units > 0 && (short || c.balanceDue()) {
		// Refresh the known balance after a spend (the endpoint is free).
		// A short per-line page is the end of the list, or the balance ran
		// out: the balance tells which.
		bal, berr := c.Balance(ctx)
		if short {
			switch {
			case berr != nil:
				cacheable = false // cannot tell: do not store a maybe-cut list
			case bal < q.Report.Price.Units:
				res.BalanceShort = true
				cacheable = false
			}
		}
	}
	if c.cfg.Cache != nil && cacheable {
		if err := c.cfg.Cache.Put(key, body, res.FetchedAt); err != nil {
			res.CacheErr = err
		}
	}
	return res, nil
}

// cutOff counts a response cut off mid-body at its worst case (the
// ledger, hence the spend log and the budget, see it) and says so.
func (c *Client) cutOff(q Request, err error) error {
	units := q.EstimateCost()
	if units > 0 {
		lines := 0
		if q.Report.Price.Per == PerLine {
			lines = q.Lines()
		}
		c.ledger.Add(Spend{Time: c.now(), Report: q.Report.Type, Targets: targetValues(q.Targets),
			Filter: q.Filter.String(), Offset: q.Offset, Lines: lines, Units: units, Uncertain: true})
	}
	return &CutOffError{Units: units, Err: err}
}

func targetValues(ts []Target) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Value
	}
	return out
}

// Balance reads the units balance (free). The body is a number that may
// carry thousands separators ("1,000").
func (c *Client) Balance(ctx context.Context) (int64, error) {
	if c.cfg.Offline {
		return 0, ErrOffline
	}
	u := c.cfg.BalanceURL
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
	}
	body, _, err := c.do(ctx, u+sep+"key="+url.QueryEscape(c.cfg.Key))
	if err != nil {
		return 0, err
	}
	n, err := ParseBalance([]byte(c.Redact(string(firstBytes(body, 4096)))))
	if err != nil {
		return 0, err
	}
	c.ledger.SetBalance(n)
	return n, nil
}

// ParseBalance reads the body of the balance endpoint.
func ParseBalance(body []byte) (int64, error) {
	if ae, ok := ParseErrorBody(body); ok {
		return 0, ae
	}
	s := strings.TrimSpace(strings.TrimPrefix(string(body), "\uFEFF"))
	s = strings.NewReplacer(",", "", " ", "", "\u00a0", "", "_", "").Replace(s)
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, &TransportError{Msg: fmt.Sprintf("balance endpoint sent %q, not a number", clip(string(body)))}
	}
	return n, nil
}

// do GETs u, retrying temporary failures with exponential backoff and
// jitter. It returns the body of a successful response (which may still be
// an ERROR line that is not worth retrying).
func (c *Client) do(ctx context.Context, u string) ([]byte, int, error) {
	var lastErr error
	for attempt := 0; ; attempt++ {
		body, err := c.once(ctx, u)
		if err == nil {
			return body, attempt + 1, nil
		}
		lastErr = err
		if ctx.Err() != nil || !temporary(err) || attempt >= c.cfg.MaxRetries {
			return nil, attempt + 1, lastErr
		}
		d := c.cfg.BackoffBase // doubled per attempt, capped before it overflows
		for i := 0; i < attempt && d < maxBackoff; i++ {
			d *= 2
		}
		d = min(d, maxBackoff)
		d = d/2 + time.Duration(rand.Int64N(int64(d/2)+1)) // jitter in [d/2, d]
		if serr := c.cfg.Sleep(ctx, d); serr != nil {
			return nil, attempt + 1, lastErr
		}
	}
}

// maxBackoff bounds one retry delay (before jitter).
const maxBackoff = time.Minute

func temporary(err error) bool {
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.Temporary()
	}
	var te *TransportError
	if errors.As(err, &te) {
		return te.Temporary()
	}
	return false
}

func (c *Client) once(ctx context.Context, u string) ([]byte, error) {
	if err := c.limiter.acquire(ctx); err != nil {
		return nil, &TransportError{Msg: "cancelled", Err: c.redactErr(err)}
	}
	defer c.limiter.release()
	actx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, u, nil)
	if err != nil {
		return nil, &TransportError{Msg: "bad URL", Err: c.redactErr(err)}
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", "text/csv, text/plain;q=0.9, */*;q=0.1")
	resp, err := c.http.Do(req)
	if err != nil {
		msg := "request failed"
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
			msg = fmt.Sprintf("no answer within %s", c.cfg.Timeout)
		} else if ctx.Err() != nil {
			msg = "cancelled"
		}
		return nil, &TransportError{Msg: msg, Err: c.redactErr(err)}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		cut := resp.StatusCode >= 200 && resp.StatusCode <= 299
		return nil, &TransportError{Status: resp.StatusCode, Msg: "reading the response failed", Err: c.redactErr(err), Cut: cut}
	}
	if ae, ok := ParseErrorBody(body); ok {
		ae.Status = resp.StatusCode
		if ae.Code == CodeNothingFound {
			return body, nil
		}
		ae.Message = c.Redact(ae.Message) // a server may echo the key
		return nil, ae
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// Redacted before describeBody clips it: a clipped key is
		// no longer found by Redact.
		return nil, &TransportError{Status: resp.StatusCode, Msg: describeBody([]byte(c.Redact(string(firstBytes(body, 4096)))))}
	}
	return body, nil
}

// withoutReferer returns a copy of hc whose redirects carry no Referer
// header: net/http would put the previous URL, key included, in it.
func withoutReferer(hc *http.Client) *http.Client {
	c := *hc
	next := hc.CheckRedirect
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		req.Header.Del("Referer")
		if next != nil {
			return next(req, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
	return &c
}

func describeBody(body []byte) string {
	s := strings.TrimSpace(string(firstBytes(body, 200)))
	switch {
	case s == "":
		return "empty response"
	case strings.HasPrefix(s, "<"):
		return "the server sent an HTML page"
	}
	return "unexpected response: " + clip(s)
}

// redactErr rewrites an error's text without the key. Errors from net/http
// quote the whole URL, key included.
func (c *Client) redactErr(err error) error {
	if err == nil {
		return nil
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		// The URL (long, and holding the key) says nothing the request
		// does not; the cause says what went wrong ("dial tcp ...:
		// connection refused") and must fit a status line.
		return &redactedError{msg: Redact(ue.Err.Error(), c.cfg.Key), cause: ue.Err}
	}
	msg := err.Error()
	if red := Redact(msg, c.cfg.Key); red != msg {
		return &redactedError{msg: red}
	}
	return err
}

// redactedError carries a redacted message. It unwraps to the cause (never
// a *url.Error, whose text holds the key) so that errors.Is still sees
// context.DeadlineExceeded and friends.
type redactedError struct {
	msg   string
	cause error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.cause }

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// limiter enforces at most `rate` request starts in any one second and at
// most `inflight` requests at once.
type limiter struct {
	slots chan struct{}
	times chan time.Time // start times of the last `rate` requests
}

func newLimiter(rate, inflight int) *limiter {
	l := &limiter{slots: make(chan struct{}, inflight), times: make(chan time.Time, rate)}
	for i := 0; i < rate; i++ {
		l.times <- time.Time{}
	}
	return l
}

func (l *limiter) acquire(ctx context.Context) error {
	select {
	case l.slots <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	// The oldest of the last `rate` starts must be a second ago.
	var oldest time.Time
	select {
	case oldest = <-l.times:
	case <-ctx.Done():
		<-l.slots
		return ctx.Err()
	}
	if wait := time.Until(oldest.Add(time.Second)); wait > 0 {
		if err := sleepCtx(ctx, wait); err != nil {
			l.times <- oldest
			<-l.slots
			return err
		}
	}
	l.times <- time.Now()
	return nil
}

func (l *limiter) release() { <-l.slots }
