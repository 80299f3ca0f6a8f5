package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
	"linkdive/ui/chart"
	"linkdive/ui/theme"
)

// overviewPart is one of the overview's three requests.
type overviewPart struct {
	rep      *api.Report
	data     *api.Table
	loading  bool
	asked    bool
	declined bool // the user said no to its cost
	cached   bool
	err      error
}

// overviewView shows the target's numbers (backlinks_overview), its
// Authority Score profile (backlinks_ascore_profile) and its categories
// (backlinks_categories): 40 + 100 + 50 units, asked for when the tab is
// first shown.
type overviewView struct {
	id     int
	gen    int
	target api.Target
	parts  []*overviewPart
}

func newOverviewView(id int, t api.Target) *overviewView {
	ov := &overviewView{id: id, target: t}
	for _, short := range []string{"overview", "ascore_profile", "categories"} {
		ov.parts = append(ov.parts, &overviewPart{rep: mustReport(short)})
	}
	return ov
}

func (ov *overviewView) part(rep *api.Report) *overviewPart {
	for _, p := range ov.parts {
		if p.rep == rep {
			return p
		}
	}
	return nil
}

func (ov *overviewView) request(p *overviewPart) api.Request {
	return api.Request{Report: p.rep, Targets: []api.Target{ov.target}}
}

// startOverview asks for every part not loaded yet, as one action: the
// three requests' total is what the confirm threshold is compared with
// (refresh: bypassing the cache, after the user agreed to the cost).
func (m *Model) startOverview(ov *overviewView, refresh bool) tea.Cmd {
	var qs []api.Request
	for _, p := range ov.parts {
		if p.asked || p.data != nil {
			continue
		}
		q := ov.request(p)
		if err := q.Validate(); err != nil {
			p.err = err
			continue
		}
		if err := m.opt.Client.CheckBudget(q); err != nil {
			p.err = err
			continue
		}
		p.asked, p.loading, p.declined = true, true, false
		qs = append(qs, q)
	}
	if len(qs) == 0 {
		return nil
	}
	if refresh || totalCost(qs) <= m.opt.ConfirmAbove {
		return m.fetchAll(ov.id, ov.gen, qs, refresh)
	}
	client, id, gen := m.opt.Client, ov.id, ov.gen
	return func() tea.Msg {
		cached := make([]bool, len(qs))
		for i, q := range qs {
			_, cached[i] = client.Cached(q)
		}
		return overviewProbedMsg{viewID: id, gen: gen, reqs: qs, cached: cached}
	}
}

// overviewProbedMsg says which of the overview's requests the cache holds.
type overviewProbedMsg struct {
	viewID, gen int
	reqs        []api.Request
	cached      []bool
}

// onOverviewProbed fetches what the cache holds and asks for the rest when
// it costs more than the threshold.
func (m *Model) onOverviewProbed(msg overviewProbedMsg) tea.Cmd {
	ov := m.overviewByID(msg.viewID)
	if ov == nil || ov.gen != msg.gen {
		return nil
	}
	var now, ask []api.Request
	for i, q := range msg.reqs {
		if msg.cached[i] {
			now = append(now, q)
		} else {
			ask = append(ask, q)
		}
	}
	if cost := totalCost(ask); cost > m.opt.ConfirmAbove {
		for _, q := range ask {
			if p := ov.part(q.Report); p != nil {
				p.loading = false
			}
		}
		m.ask = &spendAsk{viewID: ov.id, gen: ov.gen, reqs: ask, cost: cost,
			text: fmt.Sprintf("Overview: %d requests will cost up to %s units. Spend them?", len(ask), thousands(cost))}
		m.mode = modeConfirm
	} else {
		now = append(now, ask...)
	}
	return m.fetchAll(ov.id, ov.gen, now, false)
}

// fetchAll runs requests of one view at once.
func (m *Model) fetchAll(viewID, gen int, qs []api.Request, refresh bool) tea.Cmd {
	if len(qs) == 0 {
		return nil
	}
	cmds := []tea.Cmd{m.spinner.Tick}
	for _, q := range qs {
		cmds = append(cmds, m.fetchCmd(viewID, gen, q, refresh))
	}
	return tea.Batch(cmds...)
}

func totalCost(qs []api.Request) int64 {
	var n int64
	for _, q := range qs {
		n += q.EstimateCost()
	}
	return n
}

func (ov *overviewView) declined(q api.Request) {
	for _, p := range ov.parts {
		if q.Report == nil || p.rep == q.Report {
			p.asked, p.declined = false, true
		}
	}
}

func (ov *overviewView) accept(gen int, q api.Request, res *api.Result, err error) bool {
	p := ov.part(q.Report)
	if p == nil || gen != ov.gen {
		return false
	}
	p.loading = false
	if err != nil {
		p.err = err
		p.asked = false // asked again when the tab is shown again
		return true
	}
	p.err = nil
	p.data = res.Table
	p.cached = res.Cached
	return true
}

// failed reports whether a part failed (r then retries just those).
func (ov *overviewView) failed() bool {
	for _, p := range ov.parts {
		if p.err != nil {
			return true
		}
	}
	return false
}

// allCached reports whether every part came from the cache.
func (ov *overviewView) allCached() bool {
	for _, p := range ov.parts {
		if p.data == nil || !p.cached {
			return false
		}
	}
	return true
}

func (ov *overviewView) loading() bool {
	for _, p := range ov.parts {
		if p.loading {
			return true
		}
	}
	return false
}

// refresh forgets the loaded parts so that they are asked for again.
func (ov *overviewView) refresh() {
	ov.gen++
	for _, p := range ov.parts {
		*p = overviewPart{rep: p.rep}
	}
}

// render draws the overview in w x h.
func (ov *overviewView) render(w, h int, th *theme.Theme, st chart.Style, extra []summaryLine) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	left := ov.numbers(th)
	leftW := 0
	for _, l := range left {
		leftW = max(leftW, ansi.StringWidth(l))
	}
	var blocks []string
	rightW := w - leftW - 4
	if rightW < 30 {
		// Narrow: stack everything.
		rightW = w
		blocks = append(blocks, left...)
		blocks = append(blocks, "")
	}
	var right []string
	right = append(right, th.Accent.Render("Authority Score profile")+th.Muted.Render(" (referring domains by AS)"))
	right = append(right, ov.histogram(rightW, min(10, max(4, h/3)), th, st)...)
	right = append(right, "", th.Accent.Render("Categories of "+ov.target.Value))
	right = append(right, ov.categories(rightW, th, st)...)
	if len(extra) > 0 {
		right = append(right, "", th.Accent.Render("Loaded this session"))
		for _, e := range extra {
			right = append(right, summarize(e, rightW, th))
		}
	}
	if len(blocks) > 0 {
		blocks = append(blocks, right...)
		return fitLines(blocks, w, h)
	}
	rows := max(len(left), len(right))
	out := make([]string, 0, rows)
	for i := 0; i < rows; i++ {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out = append(out, padRight(l, leftW)+"    "+r)
	}
	return fitLines(out, w, h)
}

func (ov *overviewView) numbers(th *theme.Theme) []string {
	p := ov.parts[0]
	lines := []string{th.Accent.Render("Backlink profile of " + ov.target.Value)}
	if line, ok := partState(p, th, "nothing found: no backlinks known"); !ok {
		return append(lines, line)
	}
	t := p.data
	get := func(code string) (int64, bool) {
		c := t.Index(code)
		if c < 0 || t.Text(0, c) == "" {
			return 0, false
		}
		return t.Int(0, c), true
	}
	labelW := 0
	for _, c := range t.Columns {
		labelW = max(labelW, ansi.StringWidth(c.Title))
	}
	total, _ := get("total")
	for _, c := range t.Columns {
		v, ok := get(c.Code)
		if !ok {
			continue
		}
		line := th.Label.Render(padRight(c.Title, labelW)) + "  " + padLeft(thousands(v), 14)
		switch c.Code {
		case "follows_num", "nofollows_num", "sponsored_num", "ugc_num", "texts_num", "images_num", "forms_num", "frames_num":
			if total > 0 {
				line += th.Muted.Render(fmt.Sprintf("  %5.1f%%", 100*float64(v)/float64(total)))
			}
		}
		lines = append(lines, line)
	}
	return lines
}

// partState is the line a part shows instead of its data while it has
// none (loading, failed, empty); ok is false once it has rows.
func partState(p *overviewPart, th *theme.Theme, empty string) (line string, ok bool) {
	switch {
	case p.loading:
		return th.Muted.Render("loading…"), false
	case p.err != nil:
		return th.Error.Render(firstLine(p.err.Error())), false
	case p.declined:
		return th.Muted.Render("not fetched (r asks again)"), false
	case p.data == nil:
		return th.Muted.Render("not loaded"), false
	case p.data.Len() == 0:
		return th.Muted.Render(empty), false
	}
	return "", true
}

func (ov *overviewView) histogram(w, h int, th *theme.Theme, st chart.Style) []string {
	p := ov.parts[1]
	if line, ok := partState(p, th, "no referring domains"); !ok {
		return []string{line}
	}
	as, dn := p.data.Index("ascore"), p.data.Index("domains_num")
	if as < 0 || dn < 0 {
		return []string{th.Muted.Render("no data")}
	}
	vals := make([]float64, 101)
	for r := 0; r < p.data.Len(); r++ {
		if a := p.data.Int(r, as); a >= 0 && a <= 100 {
			vals[a] = float64(p.data.Int(r, dn))
		}
	}
	return strings.Split(chart.Histogram(vals, 0, 100, w, h, st), "\n")
}

func (ov *overviewView) categories(w int, th *theme.Theme, st chart.Style) []string {
	p := ov.parts[2]
	if line, ok := partState(p, th, "no categories"); !ok {
		return []string{line}
	}
	nc, rc := p.data.Index("category_name"), p.data.Index("rating")
	if nc < 0 || rc < 0 {
		return nil
	}
	n := min(p.data.Len(), 5)
	labels := make([]string, n)
	vals := make([]float64, n)
	for r := 0; r < n; r++ {
		labels[r] = tailLabel(p.data.Text(r, nc), (w-12)/2) // HBars gives labels half the room left by the values
		vals[r] = p.data.Float(r, rc)
	}
	return strings.Split(chart.HBars(labels, vals, w, st), "\n")
}

// tailLabel shortens a long label from the left: for category paths the
// last levels say most ("…/Web Services/Web Hosting").
func tailLabel(s string, w int) string {
	if w < 4 || ansi.StringWidth(s) <= w {
		return s
	}
	return "…" + ansi.TruncateLeft(s, ansi.StringWidth(s)-w+1, "")
}

// summaryLine is a compact picture of a report loaded elsewhere this
// session (history, TLDs, countries) for the overview.
type summaryLine struct {
	label  string
	values []float64
	note   string
}

func summarize(s summaryLine, w int, th *theme.Theme) string {
	label := padRight(s.label, 14)
	note := " " + s.note
	sw := w - ansi.StringWidth(label) - ansi.StringWidth(note) - 1
	if sw < 4 {
		return ansi.Truncate(label+note, w, "…")
	}
	return th.Label.Render(label) + " " + chart.Sparkline(s.values, sw) + th.Muted.Render(note)
}

// fitLines pads or cuts lines to exactly h lines of at most w cells.
func fitLines(lines []string, w, h int) string {
	out := make([]string, h)
	for i := 0; i < h; i++ {
		l := ""
		if i < len(lines) {
			l = lines[i]
		}
		out[i] = padRight(ansi.Truncate(l, w, "…"), w)
	}
	return strings.Join(out, "\n")
}

func padRight(s string, w int) string {
	if d := w - ansi.StringWidth(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

func padLeft(s string, w int) string {
	if d := w - ansi.StringWidth(s); d > 0 {
		return strings.Repeat(" ", d) + s
	}
	return s
}

// thousands formats a count for the screen.
func thousands(n int64) string { return api.Thousands(n) }
