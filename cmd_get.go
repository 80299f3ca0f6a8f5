package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/charmbracelet/x/term"

	"linkdive/api"
	"linkdive/api/export"
)

const getUsage = `Usage: linkdive get REPORT TARGET... [flags]

Runs one request and prints the result. REPORT is a report type or its short
name: %s.

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
	fs.IntVar(&o.limit, "limit", 100, "rows to fetch (paged reports)")
	fs.IntVar(&o.offset, "offset", 0, "rows to skip (paged reports)")
	fs.StringVar(&o.format, "format", "", "output: table, csv or json (default: table on a terminal, csv when piped)")
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
	if format != "table" && format != "csv" && format != "json" {
		return usageErr("unknown format %q (want table, csv or json)", format)
	}
	c, err := o.conn.connect(stderr)
	if err != nil {
		return usageErr("%v", err)
	}
	if c.demo {
		fmt.Fprintln(stderr, "linkdive: demo data: synthetic answers from the built-in sandbox (set SEMRUSH_API_KEY for the real API)")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := c.client.Fetch(ctx, q)
	if err != nil {
		fmt.Fprintf(stderr, "linkdive get: %s\n", describeError(c.client.Redact(err.Error()), err))
		fmt.Fprintf(stderr, "units: 0\n")
		return 1
	}
	switch format {
	case "csv":
		err = export.WriteCSV(stdout, res.Table)
	case "json":
		err = export.WriteJSON(stdout, res.Table)
	default:
		err = export.WriteText(stdout, res.Table, 60)
	}
	if err != nil {
		fmt.Fprintf(stderr, "linkdive get: writing output: %v\n", err)
		return 1
	}
	reportIssues(stderr, res.Table)
	if res.Table.NothingFound {
		fmt.Fprintln(stderr, "nothing found")
	}
	if res.BalanceShort {
		fmt.Fprintf(stderr, "short page: the units balance ran out after %d rows\n", res.Table.Len())
	}
	fmt.Fprintf(stderr, "units: %d\n", res.Units)
	return 0
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
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	n, err := c.client.Balance(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "linkdive balance: %s\n", describeError(c.client.Redact(err.Error()), err))
		return 1
	}
	fmt.Fprintln(stdout, thousands(n))
	return 0
}
