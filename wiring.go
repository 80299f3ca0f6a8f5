package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"

	"linkdive/api"
	"linkdive/api/sandbox"
)

// connOpts are the flags every command that talks to the API shares.
type connOpts struct {
	apiURL string
	demo   bool
	getenv func(string) string
}

func (o *connOpts) register(fs *flag.FlagSet) {
	fs.StringVar(&o.apiURL, "api-url", "", "reports endpoint (default: $LINKDIVE_API_URL or "+api.DefaultBaseURL+")")
	fs.BoolVar(&o.demo, "demo", false, "use the built-in sandbox with synthetic demo data")
}

// conn is a ready client and what it talks to.
type conn struct {
	client *api.Client
	demo   bool
	where  string // endpoint shown to the user (no key)
	stop   func() // releases what connect started (the in-process sandbox)
}

func (c *conn) close() {
	if c.stop != nil {
		c.stop()
	}
}

func (o *connOpts) env(k string) string {
	if o.getenv != nil {
		return o.getenv(k)
	}
	return os.Getenv(k)
}

// connect builds the API client: the real API (or LINKDIVE_API_URL) with
// the key from SEMRUSH_API_KEY.
func (o *connOpts) connect(stderr io.Writer) (*conn, error) {
	key := strings.TrimSpace(o.env("SEMRUSH_API_KEY"))
	base := o.apiURL
	if base == "" {
		base = o.env("LINKDIVE_API_URL")
	}
	if o.demo || key == "" {
		return demoConn(), nil
	}
	cfg := api.Config{Key: key}
	if base != "" {
		bal, err := balanceURLFor(base)
		if err != nil {
			return nil, err
		}
		cfg.BaseURL, cfg.BalanceURL = base, bal
	}
	c := api.NewClient(cfg)
	return &conn{client: c, where: c.BaseURL()}, nil
}

// demoHost is the made-up host the in-process sandbox answers for; it
// never reaches the network (the transport serves it in memory).
const demoHost = "http://sandbox.linkdive.invalid"

// DemoBalance is the generous starting balance of the demo sandbox.
const DemoBalance = 10_000_000

// demoConn runs the sandbox in-process and points the very same client code
// at it through an in-memory transport.
func demoConn() *conn {
	srv := sandbox.New(sandbox.Options{Balance: DemoBalance})
	c := api.NewClient(api.Config{
		Key:        "demo",
		BaseURL:    demoHost + "/analytics/v1/",
		BalanceURL: demoHost + "/users/countapiunits.html",
		HTTP:       &http.Client{Transport: srv.Transport()},
	})
	return &conn{client: c, demo: true, where: "built-in sandbox (synthetic demo data)"}
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
