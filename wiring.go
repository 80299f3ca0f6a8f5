package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"

	"linkdive/api"
	"linkdive/api/cache"
	"linkdive/api/sandbox"
	"linkdive/api/spendlog"
)

// connOpts are the flags every command that talks to the API shares. The
// values of the flags the user gave override the environment, the config
// file and the defaults (see settings()).
type connOpts struct {
	apiURL      string
	demo        bool
	budget      int64
	offline     bool
	cacheMaxAge string
	getenv      func(string) string

	fs  *flag.FlagSet
	set *settings
}

func (o *connOpts) register(fs *flag.FlagSet) {
	o.fs = fs
	fs.StringVar(&o.apiURL, "api-url", "", "reports endpoint (default: $LINKDIVE_API_URL, config api_url or "+api.DefaultBaseURL+")")
	fs.BoolVar(&o.demo, "demo", false, "use the built-in sandbox with synthetic demo data")
	fs.Int64Var(&o.budget, "budget", 0, "most units this run may spend; a request that could pass it is not sent (default: config budget, else no cap)")
	fs.BoolVar(&o.offline, "offline", false, "answer from the cache only; send nothing")
	fs.StringVar(&o.cacheMaxAge, "cache-max-age", "", "refetch cached answers older than this, e.g. 7d or 72h (default: config cache_max_age, else 7d; at most 30d)")
}

// settings resolves what is in effect: defaults < config file < environment
// < flags (once per command).
func (o *connOpts) settings() (*settings, error) {
	if o.set != nil {
		return o.set, nil
	}
	s, err := loadSettings(o.env)
	if err != nil {
		return nil, err
	}
	if o.fs != nil {
		if err := s.applyFlags(o.fs); err != nil {
			return nil, err
		}
	}
	o.set = s
	return s, nil
}

// conn is a ready client and what it talks to.
type conn struct {
	client   *api.Client
	demo     bool
	where    string     // endpoint shown to the user (no key)
	endpoint string     // spend log label: live, demo or the base URL
	cfg      api.Config // what withStore builds the client from
	cache    *cache.Dir
	spendLog *spendlog.Log
	stops    []func() // releases what connect started
}

func (c *conn) close() {
	for i := len(c.stops) - 1; i >= 0; i-- {
		c.stops[i]()
	}
	c.stops = nil
}

func (o *connOpts) env(k string) string {
	if o.getenv != nil {
		return o.getenv(k)
	}
	return os.Getenv(k)
}

// connect builds the API client: the real API (or the api_url setting)
// with the key from SEMRUSH_API_KEY or the config file; the built-in
// sandbox with --demo or without a key. Offline, the same client answers
// from the cache only: without a key that is the demo sandbox's cache (the
// same base URL, hence the same cache keys), never the real API's. Every
// client gets the response cache, the budget and the spend log.
func (o *connOpts) connect(stderr io.Writer) (*conn, error) {
	s, err := o.settings()
	if err != nil {
		return nil, err
	}
	for _, n := range s.notes {
		fmt.Fprintf(stderr, "linkdive: %s\n", n)
	}
	s.notes = nil
	if o.demo || s.key == "" {
		return withStore(demoConn(), s, stderr), nil
	}
	cfg := api.Config{Key: s.key}
	if s.apiURL != "" {
		bal, err := balanceURLFor(s.apiURL)
		if err != nil {
			return nil, err
		}
		cfg.BaseURL, cfg.BalanceURL = s.apiURL, bal
	}
	return withStore(&conn{cfg: cfg}, s, stderr), nil
}

// withStore gives a connection's client the cache, the budget, the offline
// switch and the spend log, and builds it. Failing to open the cache or
// the log is said on stderr, not fatal.
func withStore(c *conn, s *settings, stderr io.Writer) *conn {
	cfg := c.cfg
	cfg.Budget, cfg.MaxAge, cfg.Offline = s.budget, s.cacheMaxAge, s.offline
	if cfg.Ledger == nil {
		cfg.Ledger = api.NewLedger()
	}
	if dir, err := cache.DefaultPath(); err != nil {
		fmt.Fprintf(stderr, "linkdive: no cache: %v\n", err)
	} else if d, err := cache.Open(dir); err != nil {
		fmt.Fprintf(stderr, "linkdive: no cache: %v\n", err)
	} else {
		// The API's terms: nothing older than a month is kept.
		_, _ = d.Prune(api.MaxCacheMaxAge)
		cfg.Cache, c.cache = d, d
	}
	cl := api.NewClient(cfg)
	c.client = cl
	if c.where == "" {
		c.where = cl.BaseURL()
	}
	c.endpoint = spendlog.EndpointLabel(cl.BaseURL(), c.demo)
	if p, err := spendlog.DefaultPath(); err != nil {
		fmt.Fprintf(stderr, "linkdive: spends will not be logged: %v\n", err)
	} else if l, err := spendlog.Open(p); err != nil {
		fmt.Fprintf(stderr, "linkdive: spends will not be logged: %v\n", err)
	} else {
		l.Attach(cfg.Ledger, c.endpoint)
		c.spendLog = l
		c.stops = append(c.stops, func() { _ = l.Close() })
	}
	return c
}

// demoHost is the made-up host the in-process sandbox answers for; it
// never reaches the network (the transport serves it in memory).
const demoHost = "http://sandbox.linkdive.invalid"

// DemoBalance is the generous starting balance of the demo sandbox.
const DemoBalance = 10_000_000

// demoConn runs the sandbox in-process and points the very same client code
// at it through an in-memory transport.
func demoConn() *conn {
	srv := newDemoSandbox()
	cfg := api.Config{
		Key:        "demo",
		BaseURL:    demoHost + "/analytics/v1/",
		BalanceURL: demoHost + "/users/countapiunits.html",
		HTTP:       &http.Client{Transport: srv.Transport()},
	}
	return &conn{cfg: cfg, demo: true, where: "built-in sandbox (synthetic demo data)"}
}

// newDemoSandbox starts the demo sandbox; tests replace it to count what
// reaches it.
var newDemoSandbox = func() *sandbox.Server {
	return sandbox.New(sandbox.Options{Balance: DemoBalance})
}

// balanceURLFor derives the units-balance endpoint of a non-default API
// base: the same scheme and host, path /users/countapiunits.html.
func balanceURLFor(base string) (string, error) {
	u, err := url.Parse(base)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return "", fmt.Errorf("--api-url %q is not an absolute URL", api.Redact(base, ""))
	}
	if u.Query().Has("key") {
		return "", errors.New("--api-url must not carry the key; set SEMRUSH_API_KEY")
	}
	return u.Scheme + "://" + u.Host + "/users/countapiunits.html", nil
}
