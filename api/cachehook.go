package api

import (
	"errors"
	"fmt"
	"time"
)

// Cache stores raw response bodies by key. Package api/cache implements it
// on disk; api does not import it. Implementations must be safe for
// concurrent use and must drop (not return) entries they cannot verify.
type Cache interface {
	// Get returns the body stored under key and when it was fetched.
	Get(key string) (body []byte, fetched time.Time, ok bool)
	// Put stores body under key, replacing what was there.
	Put(key string, body []byte, fetched time.Time) error
	// Delete removes the entry (no error when there is none).
	Delete(key string)
}

// Cache age limits. The API's terms forbid keeping its data longer than a
// month, so no setting can make the cache answer with older data.
const (
	DefaultCacheMaxAge = 7 * 24 * time.Hour
	MaxCacheMaxAge     = 30 * 24 * time.Hour
)

// ClampCacheMaxAge returns the age limit to use for d: the default for
// d <= 0, at most MaxCacheMaxAge. clamped says d was over the limit.
func ClampCacheMaxAge(d time.Duration) (limit time.Duration, clamped bool) {
	switch {
	case d <= 0:
		return DefaultCacheMaxAge, false
	case d > MaxCacheMaxAge:
		return MaxCacheMaxAge, true
	}
	return d, false
}

// FetchOptions change how one request is answered.
type FetchOptions struct {
	// Refresh skips the cache: the request is sent (and costs units) and
	// its answer replaces the cached one.
	Refresh bool
}

// ErrNotCached is the error of an offline request the cache cannot answer.
var ErrNotCached = errors.New("not in the cache (offline)")

// ErrOffline is the error of anything that would need the network while
// the client is offline (the balance, a refresh).
var ErrOffline = errors.New("offline: nothing is sent")

// OfflineError says which request the cache could not answer offline. It
// matches ErrNotCached with errors.Is.
type OfflineError struct {
	Request string // Request.Describe()
	Refresh bool   // a refresh was asked for
}

func (e *OfflineError) Error() string {
	if e.Refresh {
		return fmt.Sprintf("%s: cannot refresh while offline (nothing sent)", e.Request)
	}
	return fmt.Sprintf("%s: %s", e.Request, ErrNotCached)
}

// Is makes errors.Is(err, ErrNotCached) and errors.Is(err, ErrOffline) true.
func (e *OfflineError) Is(target error) bool {
	return target == ErrOffline || (target == ErrNotCached && !e.Refresh)
}

// CacheKey is the key the client stores q's answer under: the reports
// endpoint and the request without the API key, so that demo or sandbox
// data never answers a request to the real API (and the reverse).
func CacheKey(base string, q Request) string {
	return base + "\n" + q.Key()
}

// CacheKey is the key of q's answer for this client's endpoint.
func (c *Client) CacheKey(q Request) string { return CacheKey(c.cfg.BaseURL, q) }

// Cached reports whether the cache would answer q now (for nothing), and
// how old that answer is. It sends nothing and costs nothing: the UI uses
// it to skip the spend confirmation and to say "cached, 3 days old".
func (c *Client) Cached(q Request) (age time.Duration, ok bool) {
	if c.cfg.Cache == nil || q.Report == nil {
		return 0, false
	}
	_, fetched, ok := c.cfg.Cache.Get(c.CacheKey(q))
	if !ok {
		return 0, false
	}
	age = c.now().Sub(fetched)
	if !c.fresh(age) {
		return 0, false
	}
	return max(age, 0), true
}

// CacheMaxAge is the age past which a cached answer is fetched again.
func (c *Client) CacheMaxAge() time.Duration { return c.cfg.MaxAge }

// Offline reports whether the client answers from the cache only.
func (c *Client) Offline() bool { return c.cfg.Offline }

// fresh: an entry of this age may answer. A time in the future beyond a
// little clock skew is not trusted.
func (c *Client) fresh(age time.Duration) bool {
	return age <= c.cfg.MaxAge && age > -5*time.Minute
}

// fromCache answers q from the cache. Expired or unreadable entries are
// deleted and reported as a miss.
func (c *Client) fromCache(q Request, key string) (*Result, bool) {
	body, fetched, ok := c.cfg.Cache.Get(key)
	if !ok {
		return nil, false
	}
	age := c.now().Sub(fetched)
	if !c.fresh(age) {
		c.cfg.Cache.Delete(key)
		return nil, false
	}
	tbl, err := Parse(body, q)
	if err != nil {
		c.cfg.Cache.Delete(key)
		return nil, false
	}
	res := &Result{Request: q, Table: tbl, Bytes: len(body), FetchedAt: fetched, Cached: true, Age: max(age, 0)}
	c.ledger.Add(Spend{Time: c.now(), Report: q.Report.Type, Targets: targetValues(q.Targets),
		Filter: q.Filter.String(), Offset: q.Offset, Lines: tbl.Len(), Cached: true})
	return res, true
}

// DescribeAge says how old a cached answer is, for people: "just now",
// "5 minutes old", "3 days old".
func DescribeAge(d time.Duration) string {
	plural := func(n int, unit string) string {
		if n == 1 {
			return "1 " + unit + " old"
		}
		return fmt.Sprintf("%d %ss old", n, unit)
	}
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return plural(int(d/time.Minute), "minute")
	case d < 48*time.Hour:
		return plural(int(d/time.Hour), "hour")
	}
	return plural(int(d/(24*time.Hour)), "day")
}
