package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
	"linkdive/api/spendlog"
)

const spendUsage = `Usage: linkdive spend

Prints the units spent today, in the last 24 hours and this month, per
report and per target, from the spend log (every request that cost units
is recorded there; cached answers cost nothing and are not). A response cut
off mid-way may have been charged: it is counted at its worst case, and the
totals say how much of them that is. Live units (the real API) and demo units
(the built-in sandbox's fake units) are kept apart.
`

func cmdSpend(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("spend", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, spendUsage) }
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "linkdive spend: unexpected %q\n", pos[0])
		return 2
	}
	path, err := spendlog.DefaultPath()
	if err != nil {
		fmt.Fprintf(stderr, "linkdive spend: %v\n", err)
		return 1
	}
	entries, bad, err := spendlog.Read(path)
	if err != nil {
		fmt.Fprintf(stderr, "linkdive spend: %v\n", err)
		return 1
	}
	if bad > 0 {
		fmt.Fprintf(stderr, "linkdive spend: skipped %d unreadable line(s) of %s\n", bad, path)
	}
	writeSpend(stdout, spendlog.Summarize(entries, time.Now()), path)
	return 0
}

// writeSpend prints a summary: per endpoint, a total row and rows per
// report and per target, with columns today, last 24 h and this month.
func writeSpend(w io.Writer, s spendlog.Summary, path string) {
	fmt.Fprintf(w, "spend log: %s\n", path)
	if len(s.Endpoints) == 0 {
		fmt.Fprintln(w, "\nnothing spent this month (no separate command has a session: see the explorer's Spend view for that)")
		return
	}
	for _, e := range s.Endpoints {
		fmt.Fprintln(w)
		fmt.Fprintln(w, endpointTitle(e.Endpoint))
		periods := []spendlog.Tally{e.Today, e.Last24h, e.Month}
		rows := [][]string{{"", "today", "last 24 h", "this month"}}
		total := []string{"total"}
		for _, t := range periods {
			total = append(total, thousands(t.Units))
		}
		rows = append(rows, total)
		rows = append(rows, breakdown("report", periods, func(t spendlog.Tally) []spendlog.Row { return t.ByReport })...)
		rows = append(rows, breakdown("target", periods, func(t spendlog.Tally) []spendlog.Row { return t.ByTarget })...)
		writeColumns(w, rows)
		if n := cutOffNote(periods); n != "" {
			fmt.Fprintln(w, n)
		}
	}
	fmt.Fprintln(w, "\n(a separate command has no session of its own: \"last 24 h\" stands in for it)")
}

// cutOffNote says how much of the totals is responses cut off mid-body,
// counted at their worst case: "(includes 800 units of cut-off responses)".
func cutOffNote(periods []spendlog.Tally) string {
	today, day, month := periods[0].Uncertain, periods[1].Uncertain, periods[2].Uncertain
	switch {
	case month == 0 && day == 0:
		return ""
	case today == day && day == month:
		return fmt.Sprintf("  (includes %s units of cut-off responses, counted in full: the API may have charged less)", thousands(month))
	}
	return fmt.Sprintf("  (includes %s units of cut-off responses today, %s in the last 24 h, %s this month, counted in full: the API may have charged less)",
		thousands(today), thousands(day), thousands(month))
}

func endpointTitle(label string) string {
	switch label {
	case spendlog.Live:
		return "live: Semrush API units"
	case spendlog.Demo:
		return "demo: the built-in sandbox's fake units (never billed)"
	}
	return api.SanitizeText(label) + ": units of this endpoint (not the real API)"
}

// breakdown gives one row per name seen in any period, in the order of the
// widest period (this month, then the last 24 hours).
func breakdown(kind string, periods []spendlog.Tally, get func(spendlog.Tally) []spendlog.Row) [][]string {
	var names []string
	seen := map[string]bool{}
	for _, i := range []int{2, 1, 0} {
		for _, r := range get(periods[i]) {
			if !seen[r.Name] {
				seen[r.Name] = true
				names = append(names, r.Name)
			}
		}
	}
	var out [][]string
	for _, n := range names {
		row := []string{kind + " " + ansi.Truncate(api.SanitizeText(n), 60, "…")}
		for _, t := range periods {
			var u int64
			for _, r := range get(t) {
				if r.Name == n {
					u = r.Units
				}
			}
			row = append(row, thousands(u))
		}
		out = append(out, row)
	}
	return out
}

// writeColumns prints rows with the first column left-aligned and the
// others right-aligned, indented by two spaces.
func writeColumns(w io.Writer, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		b.WriteString("  ")
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-ansi.StringWidth(c))
			if i == 0 {
				b.WriteString(c + pad)
			} else {
				b.WriteString("  " + pad + c)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}
