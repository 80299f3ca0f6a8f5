package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/x/term"

	"linkdive/api"
	"linkdive/api/export"
)

const getUsage = `Usage: linkdive get REPORT TARGET... [flags]

Runs one request and prints the result. REPORT is a report type or its short
name: %s.

Nothing is sent that may cost more than the confirm threshold (--confirm-above,
config confirm_above, 4,000 units by default) unless you add --yes; answers
from the cache cost nothing and always go. --all needs a --budget (or --yes)
and pages of at least 100 rows (or --yes).

Flags:
`

// parseInterspersed parses flags that may come before, between or after the
// positional arguments ("get refdomains example.com --limit 5").
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

type getOpts struct {
	conn       connOpts
	targetType string
	columns    string
	sort       string
	filter     string
	limit      int
	offset     int
	format     string
	all        bool
	refresh    bool
	yes        bool
}

func cmdGet(args []string, stdout, stderr io.Writer) int {
	var o getOpts
	fs := flag.NewFlagSet("get", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, getUsage, strings.Join(api.ReportNames(), ", "))
		fs.PrintDefaults()
	}
	o.conn.register(fs)
	fs.StringVar(&o.targetType, "target-type", "", "target type: root_domain, domain, url (inferred when empty)")
	fs.StringVar(&o.columns, "columns", "", "export columns, comma-separated (default: the report's defaults)")
	fs.StringVar(&o.sort, "sort", "", "server-side sort, e.g. backlinks_num_desc")
	fs.StringVar(&o.filter, "filter", "", "display_filter in the API's language, e.g. '+|type||follow'")
	fs.IntVar(&o.limit, "limit", 100, "rows to fetch (paged reports); with --all, rows per page (1000 unless given)")
	fs.IntVar(&o.offset, "offset", 0, "rows to skip (paged reports)")
	fs.StringVar(&o.format, "format", "", "output: table, csv, tsv or json (default: table on a terminal, csv when piped)")
	fs.BoolVar(&o.all, "all", false, "page through the whole report (within the budget), streaming rows as pages arrive")
	fs.BoolVar(&o.refresh, "refresh", false, "send the request even if the cache holds the answer (costs units)")
	fs.BoolVar(&o.yes, "yes", false, "spend without asking: a request over --confirm-above, --all without a budget, --all with pages under 100 rows")
	fs.Int64Var(new(int64), "confirm-above", 0, "refuse (unless --yes) a request that may cost more units than this; cached answers pass (default: config confirm_above, else 4000)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "linkdive get: "+format+"\n", a...)
		fmt.Fprintln(stderr, "run 'linkdive get -h' for help")
		return 2
	}
	if len(pos) < 2 {
		return usageErr("want a report and at least one target")
	}
	limitSet := false
	fs.Visit(func(f *flag.Flag) { limitSet = limitSet || f.Name == "limit" })
	if o.all && !limitSet {
		o.limit = 1000
	}
	q, err := o.request(pos[0], pos[1:])
	if err != nil {
		return usageErr("%v", err)
	}
	format := o.format
	if format == "" {
		format = "csv"
		if f, ok := stdout.(*os.File); ok && term.IsTerminal(f.Fd()) {
			format = "table"
		}
	}
	ef, err := export.ParseFormat(format)
	if err != nil {
		return usageErr("%v", err)
	}
	if o.all && !q.Report.Paged {
		return usageErr("--all: %s is not paged (one request answers it whole)", q.Report.Type)
	}
	c, err := o.conn.connect(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "linkdive get: %v\n", err) // a setting, not the command line: no usage hint
		return 2
	}
	defer c.close()
	if c.demo {
		fmt.Fprintln(stderr, "linkdive: demo data: synthetic answers from the built-in sandbox (set SEMRUSH_API_KEY for the real API)")
	}
	if err := o.guardSpend(c, q, limitSet); err != nil {
		fmt.Fprintf(stderr, "linkdive get: %v\n", err)
		return 2
	}
	// A reader that stops early (| head) closes the pipe: the writes fail
	// with EPIPE, paging stops and the units line is still printed, rather
	// than the process dying of SIGPIPE in silence.
	signal.Ignore(syscall.SIGPIPE)
	defer signal.Reset(syscall.SIGPIPE)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	st, err := export.NewStream(stdout, ef)
	if err != nil {
		return usageErr("%v", err)
	}
	if o.all {
		return getAll(ctx, c, q, o.refresh, st, stderr)
	}
	res, err := c.client.FetchWith(ctx, q, api.FetchOptions{Refresh: o.refresh})
	if err != nil {
		fmt.Fprintf(stderr, "linkdive get: %s\n", describeError(c.client.Redact(err.Error()), err))
		var co *api.CutOffError
		if errors.As(err, &co) {
			fmt.Fprintf(stderr, "units: %d (worst case: the response was cut off)\n", co.Units)
		} else {
			fmt.Fprintf(stderr, "units: 0\n")
		}
		return 1
	}
	if err = st.Write(res.Table); err == nil {
		err = st.Close()
	}
	if err != nil {
		code := 1
		if outputClosed(err) {
			fmt.Fprintln(stderr, "linkdive get: output closed early")
			code = 0
		} else {
			fmt.Fprintf(stderr, "linkdive get: writing output: %v\n", err)
		}
		fmt.Fprintf(stderr, "units: %s\n", unitsNote(res))
		return code
	}
	reportIssues(stderr, res.Table, 0)
	if res.Table.NothingFound {
		fmt.Fprintln(stderr, "nothing found")
	}
	if res.BalanceShort {
		fmt.Fprintf(stderr, "short page: the units balance ran out after %d rows\n", res.Table.Len())
	}
	warnCache(stderr, res)
	fmt.Fprintf(stderr, "units: %s\n", unitsNote(res))
	return 0
}

// unitsNote is what a response cost: "200", "0 (cached, 3 days old)".
func unitsNote(res *api.Result) string {
	if res.Cached {
		return "0 (cached, " + api.DescribeAge(res.Age) + ")"
	}
	return strconv.FormatInt(res.Units, 10)
}

// warnCache says when an answer that was paid for could not be cached.
func warnCache(stderr io.Writer, res *api.Result) {
	if res.CacheErr != nil {
		fmt.Fprintf(stderr, "linkdive get: the answer was not cached (it will cost again): %v\n", res.CacheErr)
	}
}

// getAll pages through the whole report from q.Offset in pages of q.Count
// rows, streaming each page out as it arrives. It stops at the end of the
// list, at the report's row limit, or before a page that could pass the
// budget, and says which.
func getAll(ctx context.Context, c *conn, q api.Request, refresh bool, st *export.Stream, stderr io.Writer) int {
	r := q.Report
	pageSize := q.Count
	// The most rows the run can bring, for a bar and the time left: known
	// only under a budget (the API says nothing of a list's length, and the
	// report's row limit, a million for backlinks, would make a useless bar).
	bound := 0
	if _, rem, ok := c.client.Budget(); ok && r.Price.Per == api.PerLine && r.Price.Units > 0 {
		bound = int(rem / r.Price.Units)
		if r.MaxLines > 0 {
			bound = min(bound, r.MaxLines-q.Offset)
		}
	}
	prog := newProgress(stderr, bound)
	var (
		units, cut         int64
		rows, pages, fresh int
		oldest             time.Duration
		stopMsg            string
		closed             bool // the reader went away (| head)
		issues             []string
		code               int
	)
	for off := q.Offset; ; {
		if r.MaxLines > 0 && off >= r.MaxLines {
			stopMsg = fmt.Sprintf("stopped at the API's limit of %s rows for %s", thousands(int64(r.MaxLines)), r.Type)
			break
		}
		q.Offset, q.Count = off, pageSize
		if r.MaxLines > 0 {
			q.Count = min(pageSize, r.MaxLines-off)
		}
		res, err := c.client.FetchWith(ctx, q, api.FetchOptions{Refresh: refresh})
		if err != nil {
			var be *api.BudgetError
			var co *api.CutOffError
			if errors.As(err, &co) {
				units += co.Units
				cut += co.Units
			}
			if errors.As(err, &be) {
				stopMsg = fmt.Sprintf("stopped before rows %s-%s: %s", thousands(int64(q.Offset+1)), thousands(int64(q.Limit())), be.Error())
			} else {
				stopMsg = "linkdive get: " + describeError(c.client.Redact(err.Error()), err)
				code = 1
			}
			break
		}
		// The page is paid for: counted before it is written.
		pages++
		rows += res.Table.Len()
		units += res.Units
		if res.Cached {
			oldest = max(oldest, res.Age)
		} else {
			fresh++
		}
		if err := st.Write(res.Table); err != nil {
			if closed = outputClosed(err); closed {
				stopMsg = fmt.Sprintf("linkdive get: output closed early: stopped paging after %s", plural(pages, "page"))
			} else {
				stopMsg, code = fmt.Sprintf("linkdive get: writing output: %v", err), 1
			}
			break
		}
		for _, is := range res.Table.Issues {
			issues = append(issues, issueLine(is, off))
		}
		warnCacheProg(prog, res)
		prog.update(rows, pages, units)
		if res.BalanceShort {
			stopMsg, code = fmt.Sprintf("stopped: the units balance ran out after %s rows", thousands(int64(rows))), 1
			break
		}
		if res.Table.NothingFound || res.Table.Len() < q.Count {
			break // the end of the list
		}
		off += res.Table.Len()
	}
	prog.done()
	if err := st.Close(); err != nil && code == 0 && stopMsg == "" {
		if closed = outputClosed(err); closed {
			stopMsg = "linkdive get: output closed early"
		} else {
			stopMsg, code = fmt.Sprintf("linkdive get: writing output: %v", err), 1
		}
	}
	const maxIssues = 10
	for i, l := range issues {
		if i == maxIssues {
			fmt.Fprintf(stderr, "... and %s more rows repaired or flagged\n", thousands(int64(len(issues)-maxIssues)))
			break
		}
		fmt.Fprintln(stderr, l)
	}
	if stopMsg != "" {
		fmt.Fprintln(stderr, stopMsg)
	}
	if rows == 0 && pages > 0 && !closed {
		fmt.Fprintln(stderr, "nothing found")
	}
	fmt.Fprintf(stderr, "rows: %s in %d pages, %s\n", thousands(int64(rows)), pages, prog.elapsedText())
	var notes []string
	if pages > fresh && (fresh > 0 || cut > 0) {
		notes = append(notes, fmt.Sprintf("%d of %d pages from the cache", pages-fresh, pages))
	}
	if cut > 0 {
		notes = append(notes, fmt.Sprintf("%d of them for a cut-off page, counted at its worst case", cut))
	}
	switch {
	case pages > 0 && fresh == 0 && cut == 0:
		fmt.Fprintf(stderr, "units: 0 (cached, %s)\n", api.DescribeAge(oldest))
	case len(notes) > 0:
		fmt.Fprintf(stderr, "units: %d (%s)\n", units, strings.Join(notes, "; "))
	default:
		fmt.Fprintf(stderr, "units: %d\n", units)
	}
	return code
}

func warnCacheProg(p *progress, res *api.Result) {
	if res.CacheErr != nil {
		p.note(fmt.Sprintf("linkdive get: a page was not cached (it will cost again): %v", res.CacheErr))
	}
}

// request builds and validates the typed request from the command line.
func (o getOpts) request(report string, targets []string) (api.Request, error) {
	r, ok := api.LookupReport(report)
	if !ok {
		return api.Request{}, fmt.Errorf("unknown report %q (reports: %s)", report, strings.Join(api.ReportNames(), ", "))
	}
	var tt api.TargetType
	if o.targetType != "" {
		var err error
		if tt, err = api.ParseTargetType(o.targetType); err != nil {
			return api.Request{}, err
		}
	}
	q := api.Request{Report: r}
	for _, s := range targets {
		t, err := api.NewTarget(s, tt)
		if err != nil {
			return api.Request{}, err
		}
		q.Targets = append(q.Targets, t)
	}
	if o.columns != "" {
		for _, c := range strings.Split(o.columns, ",") {
			if c = strings.TrimSpace(c); c != "" {
				q.Columns = append(q.Columns, c)
			}
		}
	}
	var err error
	if q.Sort, err = api.ParseSort(o.sort); err != nil {
		return api.Request{}, err
	}
	if q.Filter, err = api.ParseFilter(o.filter); err != nil {
		return api.Request{}, err
	}
	if r.Paged {
		q.Offset, q.Count = o.offset, o.limit
	}
	return q, q.Validate()
}

// describeError is the one-line message of a failed request: the API's code
// and message with a hint, or the transport failure.
func describeError(redacted string, err error) string {
	var ae *api.APIError
	if errors.As(err, &ae) {
		if h := ae.Hint(); h != "" {
			return redacted + " (" + h + ")"
		}
	}
	return redacted
}

func cmdBalance(args []string, stdout, stderr io.Writer) int {
	var co connOpts
	fs := flag.NewFlagSet("balance", flag.ContinueOnError)
	fs.SetOutput(stderr)
	co.register(fs)
	if _, err := parseInterspersed(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	c, err := co.connect(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "linkdive balance: %v\n", err)
		return 2
	}
	defer c.close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	n, err := c.client.Balance(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "linkdive balance: %s\n", describeError(c.client.Redact(err.Error()), err))
		return 1
	}
	fmt.Fprintln(stdout, thousands(n))
	if c.demo {
		fmt.Fprintln(stderr, "demo sandbox: synthetic units, reset at every start (set SEMRUSH_API_KEY for your real balance)")
	}
	return 0
}
