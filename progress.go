package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
)

// progress draws one status line on stderr while `get --all` pages through
// a report: rows, pages, units, elapsed time and the rate, or, when the run
// has a known upper bound (the rows the budget allows), a bar and the time
// left at most. It redraws in place with \r, at most ten times a second,
// and only when stderr is a terminal; otherwise it stays silent.
type progress struct {
	w     io.Writer
	on    bool
	bound int // most rows the run can bring; 0: unknown
	start time.Time
	last  time.Time
	now   func() time.Time
	width int // terminal columns
	shown bool

	rows, pages int
	units       int64
}

func newProgress(w io.Writer, bound int) *progress {
	p := &progress{w: w, bound: bound, now: time.Now, width: 80}
	if f, ok := w.(*os.File); ok && term.IsTerminal(f.Fd()) {
		p.on = true
		if cols, _, err := term.GetSize(f.Fd()); err == nil && cols > 20 {
			p.width = cols
		}
	}
	p.start = p.now()
	return p
}

// update records the totals so far and redraws (throttled).
func (p *progress) update(rows, pages int, units int64) {
	p.rows, p.pages, p.units = rows, pages, units
	if !p.on {
		return
	}
	if t := p.now(); p.shown && t.Sub(p.last) < 100*time.Millisecond {
		return
	} else {
		p.last = t
	}
	p.draw()
}

func (p *progress) draw() {
	line := p.line()
	if len([]rune(line)) > p.width-1 {
		line = string([]rune(line)[:p.width-1])
	}
	fmt.Fprint(p.w, "\r"+line+"\x1b[K")
	p.shown = true
}

// line is the status text.
func (p *progress) line() string {
	el := p.now().Sub(p.start)
	parts := []string{
		thousands(int64(p.rows)) + " rows",
		plural(p.pages, "page"),
		thousands(p.units) + " units",
		clock(el),
	}
	bar := ""
	if p.bound > 0 && p.rows > 0 {
		frac := min(float64(p.rows)/float64(p.bound), 1)
		const n = 20
		fill := int(frac * n)
		bar = "[" + strings.Repeat("#", fill) + strings.Repeat("-", n-fill) + "] "
		left := time.Duration(float64(el) * (float64(p.bound-p.rows) / float64(p.rows)))
		parts = append(parts, "at most "+clock(left)+" left (the budget allows "+thousands(int64(p.bound))+" rows)")
	} else if secs := el.Seconds(); secs > 0 {
		parts = append(parts, thousands(int64(float64(p.rows)/secs))+" rows/s")
	}
	return bar + strings.Join(parts, " · ")
}

// note prints a message on its own line without breaking the status line.
func (p *progress) note(msg string) {
	if p.on && p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
	fmt.Fprintln(p.w, msg)
	if p.on && p.shown {
		p.draw()
	}
}

// done clears the status line.
func (p *progress) done() {
	if p.on && p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

// elapsedText is the run's duration, for the final summary.
func (p *progress) elapsedText() string {
	return fmt.Sprintf("%.1fs", p.now().Sub(p.start).Seconds())
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	if strings.HasSuffix(unit, "y") {
		return thousands(int64(n)) + " " + strings.TrimSuffix(unit, "y") + "ies"
	}
	return thousands(int64(n)) + " " + unit + "s"
}

// clock formats a duration as m:ss (h:mm:ss past an hour).
func clock(d time.Duration) string {
	d = d.Round(time.Second)
	h, m, s := int(d/time.Hour), int(d/time.Minute)%60, int(d/time.Second)%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, s)
	}
	return fmt.Sprintf("%d:%02d", m, s)
}
