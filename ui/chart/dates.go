package chart

import (
	"time"
)

// dateStep is one candidate spacing of date ticks.
type dateStep struct {
	unit   byte // 'd' day, 'w' Monday-aligned weeks, 'm' month, 'y' year
	n      int
	layout string
	approx time.Duration
}

const day = 24 * time.Hour

// dateSteps, finest first. Weeks start on Monday (Semrush's History points
// are Mondays 00:00 UTC); months and years on their first day.
var dateSteps = []dateStep{
	{'d', 1, "2006-01-02", day},
	{'w', 1, "2006-01-02", 7 * day},
	{'w', 2, "2006-01-02", 14 * day},
	{'m', 1, "Jan 2006", 30 * day},
	{'m', 3, "Jan 2006", 91 * day},
	{'m', 6, "Jan 2006", 182 * day},
	{'y', 1, "2006", 365 * day},
	{'y', 2, "2006", 2 * 365 * day},
	{'y', 5, "2006", 5 * 365 * day},
	{'y', 10, "2006", 10 * 365 * day},
	{'y', 25, "2006", 25 * 365 * day},
	{'y', 50, "2006", 50 * 365 * day},
	{'y', 100, "2006", 100 * 365 * day},
}

// first returns the first tick at or after t.
func (d dateStep) first(t time.Time) time.Time {
	y, m, dd := t.Date()
	var c time.Time
	switch d.unit {
	case 'd', 'w':
		c = time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
		if c.Before(t) {
			c = c.AddDate(0, 0, 1)
		}
		if d.unit == 'w' {
			for c.Weekday() != time.Monday {
				c = c.AddDate(0, 0, 1)
			}
		}
	case 'm':
		c = time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
		if c.Before(t) {
			c = c.AddDate(0, 1, 0)
		}
		for (int(c.Month())-1)%d.n != 0 {
			c = c.AddDate(0, 1, 0)
		}
	default:
		c = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		if c.Before(t) {
			c = c.AddDate(1, 0, 0)
		}
		for c.Year()%d.n != 0 {
			c = c.AddDate(1, 0, 0)
		}
	}
	return c
}

func (d dateStep) next(t time.Time) time.Time {
	switch d.unit {
	case 'd':
		return t.AddDate(0, 0, d.n)
	case 'w':
		return t.AddDate(0, 0, 7*d.n)
	case 'm':
		return t.AddDate(0, d.n, 0)
	}
	return t.AddDate(d.n, 0, 0)
}

// xLabel is a label on the x axis: text starting at column x, with a tick
// mark at column tick (-1: none).
type xLabel struct {
	x, tick int
	text    string
}

// dateLabels chooses date labels for a plot w columns wide whose column 0 is
// t0 and column w-1 is t1: the finest spacing whose labels do not crowd
// (at least two cells between labels, every tick labelled), else the two
// end dates, else what fits.
func dateLabels(t0, t1 time.Time, w int) []xLabel {
	t0, t1 = t0.UTC(), t1.UTC()
	if w <= 0 {
		return nil
	}
	span := t1.Sub(t0)
	col := func(t time.Time) int {
		if span <= 0 {
			return 0
		}
		return clampInt(float64(t.Sub(t0))/float64(span)*float64(w-1)+0.5, 0, w-1)
	}
	if span > 0 {
		for _, d := range dateSteps {
			lw := len(d.layout) // layouts are ASCII and as wide as their output
			if est := float64(span) / float64(d.approx); est > float64(w)/float64(lw+2)+1 {
				continue
			}
			var cols []int
			var ts []time.Time
			for t := d.first(t0); !t.After(t1) && len(cols) <= w; t = d.next(t) {
				cols = append(cols, col(t))
				ts = append(ts, t)
			}
			if len(cols) < 2 {
				continue
			}
			texts := make([]string, len(ts))
			for i, t := range ts {
				texts[i] = t.Format(d.layout)
			}
			// Every tick must get its label: a spacing that loses some
			// (labels pushed together at the plot's edges) is too fine.
			if labels := placeLabels(cols, texts, w); len(labels) == len(cols) {
				return labels
			}
		}
	}
	// No spacing gives two ticks: label the ends (or the single date).
	for _, layout := range []string{"2006-01-02", "Jan 2006", "2006"} {
		lw := len(layout)
		if span <= 0 {
			if lw <= w {
				return []xLabel{{x: (w - lw) / 2, tick: w / 2, text: t0.Format(layout)}}
			}
			continue
		}
		if 2*lw+1 <= w {
			return []xLabel{
				{x: 0, tick: 0, text: t0.Format(layout)},
				{x: w - lw, tick: w - 1, text: t1.Format(layout)},
			}
		}
	}
	return nil
}

// placeLabels centres each label on its tick column, keeps it inside the
// plot and drops any that would touch the previous one.
// Labels are ASCII: their length is their width.
func placeLabels(cols []int, texts []string, w int) []xLabel {
	var out []xLabel
	end := -3 // last cell of the previous label
	for i, c := range cols {
		text := texts[i]
		lw := len(text)
		x := min(max(c-lw/2, 0), w-lw)
		if x < 0 || x <= end+2 {
			continue
		}
		out = append(out, xLabel{x: x, tick: c, text: text})
		end = x + lw - 1
	}
	return out
}
