package spendlog

import (
	"sort"
	"strings"
	"time"
)

// Row is what one report or target cost over a period.
type Row struct {
	Name     string // report type, or the targets of a request ("a.com + b.com")
	Requests int
	Lines    int
	Units    int64
}

// Tally is the spend of a set of entries: totals and per report and per
// target rows, most units first.
type Tally struct {
	Requests int
	Lines    int
	Units    int64
	// Uncertain is the part of Units counted for responses cut off
	// mid-body, at their worst case.
	Uncertain int64
	ByReport  []Row
	ByTarget  []Row
}

// Endpoint is the spend on one endpoint (Live, Demo or a base URL; demo
// units are the sandbox's fake units and are never added to live ones).
type Endpoint struct {
	Endpoint string
	Today    Tally // since local midnight
	Last24h  Tally // the last 24 hours
	Month    Tally // since the first of the month (local time)
}

// Summary is the ledger file summed up at a moment.
type Summary struct {
	Now       time.Time
	Endpoints []Endpoint // Live first, then Demo, then others by name
}

// Endpoint returns the summary of one endpoint label (zero when nothing
// was spent there).
func (s Summary) Endpoint(label string) Endpoint {
	for _, e := range s.Endpoints {
		if e.Endpoint == label {
			return e
		}
	}
	return Endpoint{Endpoint: label}
}

// TargetName is how a request's targets are shown and grouped: one target
// as is, several joined with " + " (a comparison's units belong to the set).
func TargetName(targets []string) string { return strings.Join(targets, " + ") }

// Summarize sums entries up at now, per endpoint, for today, the last 24
// hours and this month (in now's location).
func Summarize(entries []Entry, now time.Time) Summary {
	y, m, d := now.Date()
	loc := now.Location()
	midnight := time.Date(y, m, d, 0, 0, 0, 0, loc)
	monthStart := time.Date(y, m, 1, 0, 0, 0, 0, loc)
	dayAgo := now.Add(-24 * time.Hour)
	type acc struct{ today, day, month []Entry }
	by := map[string]*acc{}
	for _, e := range entries {
		if e.Time.After(now) || e.Units <= 0 {
			continue
		}
		a := by[e.Endpoint]
		if a == nil {
			a = &acc{}
			by[e.Endpoint] = a
		}
		if !e.Time.Before(midnight) {
			a.today = append(a.today, e)
		}
		if e.Time.After(dayAgo) {
			a.day = append(a.day, e)
		}
		if !e.Time.Before(monthStart) {
			a.month = append(a.month, e)
		}
	}
	s := Summary{Now: now}
	for label, a := range by {
		if len(a.month) == 0 && len(a.day) == 0 {
			continue
		}
		s.Endpoints = append(s.Endpoints, Endpoint{Endpoint: label, Today: Sum(a.today), Last24h: Sum(a.day), Month: Sum(a.month)})
	}
	rank := func(l string) int {
		switch l {
		case Live:
			return 0
		case Demo:
			return 1
		}
		return 2
	}
	sort.Slice(s.Endpoints, func(i, j int) bool {
		a, b := s.Endpoints[i].Endpoint, s.Endpoints[j].Endpoint
		if rank(a) != rank(b) {
			return rank(a) < rank(b)
		}
		return a < b
	})
	return s
}

// Sum tallies entries (all of them, whatever their endpoint: filter first).
// The Spend view sums the session with Sum(FromSpends(ledger.Spends(), label)).
func Sum(entries []Entry) Tally {
	var t Tally
	reports := map[string]*Row{}
	targets := map[string]*Row{}
	add := func(m map[string]*Row, name string, e Entry) {
		r := m[name]
		if r == nil {
			r = &Row{Name: name}
			m[name] = r
		}
		r.Requests++
		r.Lines += e.Lines
		r.Units += e.Units
	}
	for _, e := range entries {
		if e.Units <= 0 {
			continue
		}
		t.Requests++
		t.Lines += e.Lines
		t.Units += e.Units
		if e.Uncertain {
			t.Uncertain += e.Units
		}
		add(reports, e.Report, e)
		add(targets, TargetName(e.Targets), e)
	}
	t.ByReport, t.ByTarget = rows(reports), rows(targets)
	return t
}

func rows(m map[string]*Row) []Row {
	out := make([]Row, 0, len(m))
	for _, r := range m {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Units != out[j].Units {
			return out[i].Units > out[j].Units
		}
		return out[i].Name < out[j].Name
	})
	return out
}
