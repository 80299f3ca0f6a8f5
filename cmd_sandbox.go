package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"linkdive/api/sandbox"
)

const sandboxUsage = `Usage: linkdive sandbox [flags]

Runs an offline server that answers the Semrush Backlinks API protocol
(GET /analytics/v1/ and /users/countapiunits.html) from deterministic
synthetic data. Point linkdive, or any Semrush integration, at it.

Flags:
`

// cmdSandbox runs the sandbox server until SIGINT or SIGTERM.
func cmdSandbox(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return runSandbox(ctx, args, stdout, stderr, nil)
}

// runSandbox serves until ctx is done; ready, when set, is told the
// address once the server listens.
func runSandbox(ctx context.Context, args []string, stdout, stderr io.Writer, ready func(addr string)) int {
	fs := flag.NewFlagSet("sandbox", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, sandboxUsage)
		fs.PrintDefaults()
	}
	var o sandbox.Options
	listen := fs.String("listen", "127.0.0.1:8080", "address to listen on (loopback unless you say otherwise)")
	fs.StringVar(&o.Key, "key", "", `the one API key accepted (default: any non-empty key)`)
	fs.Int64Var(&o.Balance, "balance", sandbox.DefaultBalance, "starting API units balance per key")
	fs.DurationVar(&o.Latency, "latency", 0, "delay added to every response (e.g. 300ms)")
	fs.Float64Var(&o.FailRate, "fail-rate", 0, "share of requests answered by a failure, 0..1 (half HTTP 503, half ERROR 500)")
	fs.Float64Var(&o.TruncateRate, "truncate-rate", 0, "share of bodies cut short mid-line, 0..1")
	fs.IntVar(&o.RatePerSecond, "rate", 10, "requests per second per key before HTTP 429 (-1: no limit)")
	fs.IntVar(&o.MaxInFlight, "max-in-flight", 10, "simultaneous requests per key before HTTP 429 (-1: no limit)")
	fs.BoolVar(&o.Status403OnBalance, "403-on-balance", false, "send ERROR 132 (balance is zero) with HTTP 403 instead of 200")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "linkdive sandbox: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	switch {
	case o.Balance < 0:
		fmt.Fprintln(stderr, "linkdive sandbox: --balance must not be negative")
		return 2
	case o.FailRate < 0 || o.FailRate > 1, o.TruncateRate < 0 || o.TruncateRate > 1:
		fmt.Fprintln(stderr, "linkdive sandbox: --fail-rate and --truncate-rate take a share between 0 and 1")
		return 2
	case o.Latency < 0:
		fmt.Fprintln(stderr, "linkdive sandbox: --latency must not be negative")
		return 2
	}
	shown := o.Balance
	if o.Balance == 0 {
		o.Balance = -1 // Options read 0 as the default; a negative balance starts empty
	}
	srv := sandbox.New(o)
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintf(stderr, "linkdive sandbox: %v\n", err)
		return 1
	}
	addr := ln.Addr().String()
	printSandboxHelp(stdout, addr, o, shown)
	if host, _, err := net.SplitHostPort(addr); err == nil {
		if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
			fmt.Fprintf(stderr, "linkdive sandbox: listening on %s, reachable from other machines\n", addr)
		}
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	if ready != nil {
		ready(addr)
	}
	select {
	case err := <-errc:
		fmt.Fprintf(stderr, "linkdive sandbox: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	fmt.Fprintln(stdout, "shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		hs.Close()
	}
	fmt.Fprintf(stdout, "served %d requests\n", srv.Requests())
	return 0
}

func printSandboxHelp(w io.Writer, addr string, o sandbox.Options, balance int64) {
	key := "ANY_KEY"
	keyNote := "any non-empty key is accepted"
	if o.Key != "" {
		key = "$SANDBOX_KEY"
		keyNote = "only the --key value is accepted (shown here as $SANDBOX_KEY)"
	}
	base := "http://" + addr + "/analytics/v1/"
	fmt.Fprintf(w, `linkdive sandbox: Semrush Backlinks API stand-in listening on http://%s
  reports:  %s
  balance:  http://%s/users/countapiunits.html?key=%s
  keys:     %s; starting balance %d units per key
  limits:   %s

Point linkdive at it:
  SEMRUSH_API_KEY=%s LINKDIVE_API_URL=%s linkdive example.com

Or try it with curl:
  curl '%s?key=%s&type=backlinks_overview&target=example.com&target_type=root_domain&export_columns=ascore,total,domains_num'

Ctrl-C stops it.
`, addr, base, addr, key, keyNote, balance, limitsNote(o), key, base, base, key)
}

func limitsNote(o sandbox.Options) string {
	s := "10 requests per second and 10 at once per key"
	if o.RatePerSecond != 10 || o.MaxInFlight != 10 {
		s = fmt.Sprintf("%s per second, %s at once per key", orUnlimited(o.RatePerSecond), orUnlimited(o.MaxInFlight))
	}
	if o.Latency > 0 {
		s += fmt.Sprintf("; +%v latency", o.Latency)
	}
	if o.FailRate > 0 {
		s += fmt.Sprintf("; %.0f%% failures", o.FailRate*100)
	}
	if o.TruncateRate > 0 {
		s += fmt.Sprintf("; %.0f%% cut bodies", o.TruncateRate*100)
	}
	return s
}

func orUnlimited(n int) string {
	if n < 0 {
		return "unlimited"
	}
	return fmt.Sprint(n)
}
