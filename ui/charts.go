package ui

import (
	"strings"
	"time"

	"linkdive/ui/chart"
)

// chartKind says which picture a report view carries.
func chartKind(v *reportView) panel {
	switch v.rep.Type {
	case "backlinks_historical":
		return panelTop
	case "backlinks_tld", "backlinks_geo", "backlinks_categories_profile":
		return panelRight
	}
	return panelNone
}

// historyChart draws backlinks and referring domains over time, with the
// Authority Score on a scale of its own, from the rows loaded.
func (m *Model) historyChart(v *reportView, w, h int) string {
	t := v.data
	dc := t.Index("date")
	if dc < 0 {
		return fitLines([]string{m.th.Muted.Render("no date column: add it with c")}, w, h)
	}
	dates := make([]time.Time, t.Len())
	for r := range dates {
		dates[r] = t.Time(r, dc)
	}
	var series []chart.Series
	for _, code := range []string{"backlinks_num", "domains_num", "score"} {
		c := t.Index(code)
		if c < 0 {
			continue
		}
		s := chart.Series{Name: t.Columns[c].Title, Values: make([]float64, t.Len())}
		for r := range s.Values {
			s.Values[r] = t.Float(r, c)
		}
		switch code {
		case "domains_num":
			s.Axis = chart.AxisRight
		case "score":
			s.Name, s.Axis, s.Min, s.Max = "Authority Score", chart.AxisOwn, 0, 100
		}
		series = append(series, s)
	}
	return chart.Line(dates, series, w, h, m.chartStyle())
}

// barsPanel draws the distribution of a TLD, country or category report as
// horizontal bars: the rows loaded, as many as fit.
func (m *Model) barsPanel(v *reportView, w, h int) string {
	t := v.data
	vc := t.Index("domains_num")
	if vc < 0 {
		vc = t.Index("rating")
	}
	lc := -1
	for i, c := range t.Columns {
		if !c.Kind.Numeric() && lc < 0 {
			lc = i
		}
	}
	if vc < 0 || lc < 0 {
		return fitLines(nil, w, h)
	}
	title := m.th.Accent.Render(" " + t.Columns[vc].Title + " by " + strings.ToLower(t.Columns[lc].Title))
	n := min(t.Len(), max(h-2, 0))
	start := 0
	if cur := v.tbl.Cursor(); cur >= n {
		start = cur - n + 1 // keep the row under the cursor in the picture
	}
	labels := make([]string, 0, n)
	vals := make([]float64, 0, n)
	for r := start; r < start+n && r < t.Len(); r++ {
		labels = append(labels, tailLabel(t.Text(r, lc), (w-14)/2))
		vals = append(vals, t.Float(r, vc))
	}
	lines := []string{title, ""}
	if n > 0 {
		lines = append(lines, strings.Split(chart.HBars(labels, vals, w-1, m.chartStyle()), "\n")...)
	}
	for i := 2; i < len(lines); i++ {
		lines[i] = " " + lines[i]
	}
	return fitLines(lines, w, h)
}
