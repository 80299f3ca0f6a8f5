package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"linkdive/ui/chart"
	"linkdive/ui/table"
)

// Screen rows: title, tab bar, query line, then the body; the status line
// and the key bar at the bottom.
const (
	tabBarRow = 1
	bodyTop   = 3
	chromeH   = 5 // rows that are not body
	minW      = 40
	minH      = 10
)

// View renders the screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "linkdive"
	if m.sess != nil {
		v.WindowTitle = "linkdive: " + m.sess.target.Value
	}
	if m.opt.Mouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	return v
}

func (m *Model) render() string {
	w, h := m.w, m.h
	if w <= 0 || h <= 0 {
		return ""
	}
	if w < minW || h < minH {
		msg := fmt.Sprintf("window too small (%dx%d); linkdive needs %dx%d", w, h, minW, minH)
		return fitLines(wrapWords(msg, w), w, h)
	}
	lines := make([]string, 0, h)
	lines = append(lines, m.titleLine(w), m.tabBar(w), m.queryLine(w))
	body := m.body(w, h-chromeH)
	lines = append(lines, strings.Split(body, "\n")...)
	lines = append(lines, m.statusLine(w), m.keyBar(w))
	return strings.Join(lines, "\n")
}

// layout sizes the table of the current view for the window.
func (m *Model) layout() {
	v := m.current()
	if v == nil || m.w <= 0 || m.h <= 0 {
		return
	}
	tw, th := m.tableSize()
	v.tbl.SetSize(tw, th)
}

// panel says what shares the body with a view's table.
type panel int

const (
	panelNone   panel = iota
	panelTop          // History: the chart above the table
	panelRight        // TLDs, countries, categories: bars beside the table
	panelDetail       // the detail pane beside the table (wide screens)
	panelBelow        // the detail pane below the table
)

// arrange splits the body for v: the table's size, the panel and its size.
func (m *Model) arrange(v *reportView) (tw, th int, p panel, pw, ph int) {
	bw, bh := max(m.w, 0), max(m.h-chromeH, 0)
	switch {
	case v == nil:
		return bw, bh, panelNone, 0, 0
	case m.detail && bw >= 110:
		pw = max(bw*2/5, 30)
		return bw - pw - 1, bh, panelDetail, pw, bh
	case m.detail:
		return bw, bh / 2, panelBelow, bw, bh - bh/2 - 1
	case chartKind(v) == panelTop && bh >= 16 && v.loaded() > 1:
		ph = min(max(bh*2/5, 8), 16)
		return bw, bh - ph, panelTop, bw, ph
	case chartKind(v) == panelRight && bw >= 100 && v.loaded() > 0:
		pw = min(bw*2/5, 60)
		return bw - pw - 1, bh, panelRight, pw, bh
	}
	return bw, bh, panelNone, 0, 0
}

// tableSize is the table's share of the body.
func (m *Model) tableSize() (int, int) {
	tw, th, _, _, _ := m.arrange(m.current())
	return tw, th
}

func (m *Model) body(w, h int) string {
	if h <= 0 {
		return ""
	}
	switch m.mode {
	case modeHelp:
		return m.helpView(w, h)
	case modeSpend:
		return m.spendView(w, h)
	}
	var base string
	switch {
	case m.sess == nil:
		base = fitLines(nil, w, h)
	case m.activeTab().overview != nil:
		base = m.activeTab().overview.render(w, h, m.th, m.chartStyle(), m.summaries())
	case m.activeTab().multi != nil && (m.activeTab().multi.editor != nil || m.current() == nil):
		base = m.multiBody(m.activeTab(), w, h)
	default:
		base = m.tableBody(m.current(), w, h)
	}
	switch m.mode {
	case modePrompt:
		return overlay(m.method, base, m.promptBox(w, h), w, h)
	case modeConfirm:
		return overlay(m.method, base, m.confirmBox(w), w, h)
	case modeForm:
		return overlay(m.method, base, m.form.render(m, w, h), w, h)
	case modePick:
		return overlay(m.method, base, m.pickBox(w), w, h)
	case modeExport:
		return overlay(m.method, base, m.exportBox(w), w, h)
	}
	return base
}

// multiBody is a multi-target tab before it has run, or with its targets
// editor open.
func (m *Model) multiBody(tb *tab, w, h int) string {
	if e := tb.multi.editor; e != nil {
		return e.view(w, h, m.th, m.editorCost(e), m.keys)
	}
	return fitLines([]string{"", " " + m.th.Muted.Render(fmt.Sprintf("press %s to choose the targets of %s",
		m.keys.AddCompare.Help().Key, tb.spec.label))}, w, h)
}

func (m *Model) tableBody(v *reportView, w, h int) string {
	tw, th, p, pw, ph := m.arrange(v)
	if v.tbl.Width() != tw || v.tbl.Height() != th {
		v.tbl.SetSize(tw, th)
	}
	sep := m.th.Border.Render("│")
	switch p {
	case panelDetail:
		return sideBySide(m.method, v.tbl.View(), v.tbl.Detail(pw, ph, table.DetailOptions{Offset: m.detailTop}), tw, pw, h, sep)
	case panelBelow:
		return v.tbl.View() + "\n" + m.th.Border.Render(strings.Repeat("─", w)) + "\n" +
			v.tbl.Detail(pw, ph, table.DetailOptions{Offset: m.detailTop})
	case panelRight:
		return sideBySide(m.method, v.tbl.View(), m.barsPanel(v, pw, ph), tw, pw, h, sep)
	case panelTop:
		return m.historyChart(v, pw, ph) + "\n" + v.tbl.View()
	}
	return v.tbl.View()
}

// sideBySide joins two blocks into h lines: left (lw cells), a separator,
// right (rw cells).
func sideBySide(meth ansi.Method, left, right string, lw, rw, h int, sep string) string {
	ll, rl := strings.Split(left, "\n"), strings.Split(right, "\n")
	out := make([]string, h)
	for i := range out {
		l, r := "", ""
		if i < len(ll) {
			l = ll[i]
		}
		if i < len(rl) {
			r = rl[i]
		}
		out[i] = padWith(meth, l, lw) + sep + padWith(meth, r, rw)
	}
	return strings.Join(out, "\n")
}

func (m *Model) titleLine(w int) string {
	left := m.th.Title.Render(" linkdive ")
	if m.sess != nil {
		t := m.sess.target
		left += " " + m.th.Accent.Render(t.Value) + m.th.Muted.Render(" ("+string(t.Type)+")")
	}
	badge := m.th.BadgeLive.Render(" LIVE ")
	if m.opt.Demo {
		badge = m.th.BadgeDemo.Render(" DEMO ") + m.th.Muted.Render(" synthetic data")
	}
	if m.opt.Client.Offline() {
		badge = m.th.Warning.Render("OFFLINE: cache only ") + badge
	}
	return joinEnds(m.method, left, badge+" ", w)
}

// tabLayout places the tab labels: the first tab shown and the x range of
// each shown tab. Labels scroll to keep the active tab visible.
func (m *Model) tabLayout(w int) (labels []string, xs [][2]int, idx []int) {
	if m.sess == nil {
		return nil, nil, nil
	}
	all := make([]string, len(m.sess.tabs))
	for i, tb := range m.sess.tabs {
		all[i] = " " + tb.spec.label + " "
		if i < 9 {
			all[i] = " " + fmt.Sprint(i+1) + all[i]
		}
	}
	first := 0
	for {
		width := 0
		for i := first; i <= m.sess.active; i++ {
			width += ansi.StringWidth(all[i])
		}
		if width <= w-2 || first == m.sess.active {
			break
		}
		first++
	}
	x := 0
	if first > 0 {
		x = 1
	}
	for i := first; i < len(all); i++ {
		lw := ansi.StringWidth(all[i])
		if x+lw > w-1 {
			break
		}
		labels = append(labels, all[i])
		xs = append(xs, [2]int{x, x + lw})
		idx = append(idx, i)
		x += lw
	}
	return labels, xs, idx
}

func (m *Model) tabBar(w int) string {
	labels, _, idx := m.tabLayout(w)
	if labels == nil {
		return padRight("", w)
	}
	var b strings.Builder
	if idx[0] > 0 {
		b.WriteString(m.th.Muted.Render("‹"))
	}
	for i, l := range labels {
		if idx[i] == m.sess.active {
			b.WriteString(m.th.TabActive.Render(l))
		} else {
			b.WriteString(m.th.TabInactive.Render(l))
		}
	}
	if last := idx[len(idx)-1]; last < len(m.sess.tabs)-1 {
		b.WriteString(m.th.Muted.Render("›"))
	}
	return padRight(ansi.Truncate(b.String(), w, ""), w)
}

// tabAt is the tab under screen column x on the tab bar, or -1.
func (m *Model) tabAt(x int) int {
	_, xs, idx := m.tabLayout(m.w)
	for i, r := range xs {
		if x >= r[0] && x < r[1] {
			return idx[i]
		}
	}
	return -1
}

// queryLine shows the breadcrumb and the active sort and filter.
func (m *Model) queryLine(w int) string {
	tb := m.activeTab()
	if tb == nil {
		return padRight("", w)
	}
	var crumbs []string
	for _, s := range m.prev {
		crumbs = append(crumbs, s.target.Value)
	}
	if tb.overview != nil {
		crumbs = append(crumbs, "Overview")
		return padRight(ansi.Truncate(" "+m.th.Muted.Render(strings.Join(crumbs, " › ")), w, "…"), w)
	}
	if tb.top() == nil {
		crumbs = append(crumbs, tb.spec.label)
		return padRight(ansi.Truncate(" "+m.th.Accent.Render(strings.Join(crumbs, " › ")), w, "…"), w)
	}
	for _, v := range tb.stack {
		crumbs = append(crumbs, v.label)
	}
	line := " " + m.th.Accent.Render(strings.Join(crumbs, " › "))
	if q := tb.top().describeQuery(); q != "" {
		line += m.th.Muted.Render("  ·  " + q)
	}
	return padWith(m.method, m.method.Truncate(line, w, "…"), w)
}

// statusLine shows the search input, or the last message, or what the view
// is doing; the row position on the right.
func (m *Model) statusLine(w int) string {
	if m.mode == modeSearch {
		return padRight(ansi.Truncate(m.search.View(), w, ""), w)
	}
	v := m.current()
	right := ""
	if v != nil && v.loaded() > 0 {
		right = m.th.Muted.Render(v.tbl.Position() + " ")
	}
	var left string
	msg, isErr := m.currentStatus()
	switch {
	case msg != "":
		st := m.th.Accent
		if isErr {
			st = m.th.Error
		}
		left = " " + st.Render(msg)
	case v != nil:
		left = " " + m.th.Muted.Render(v.status())
		if v.err != nil {
			left = " " + m.th.Error.Render(m.errorText(v.err))
		}
	}
	if m.busy() {
		left = " " + m.spinner.View() + left
	}
	return joinEnds(m.method, left, right, w)
}

// keyBar shows the units counters and short key hints.
func (m *Model) keyBar(w int) string {
	ledger := m.opt.Client.Ledger()
	left := " " + m.th.Cost.Render("spent "+thousands(ledger.Total())+" units")
	if bal, ok := ledger.Balance(); ok {
		left += m.th.Muted.Render(" · balance ") + m.th.Cost.Render(thousands(bal))
	}
	if cost, ok := m.nextCost(m.current()); ok && m.sess != nil {
		left += m.th.Muted.Render(" · next page ") + m.th.Cost.Render(thousands(cost))
	}
	if b, rem, ok := m.opt.Client.Budget(); ok {
		left += m.th.Muted.Render(" · budget ") + m.th.Cost.Render(thousands(rem)+"/"+thousands(b))
	}
	var hints []string
	short := m.keys.ShortHelp()
	if m.current() == nil {
		// No table here (the Overview, a Compare not run yet).
		short = []key.Binding{m.keys.TabNumber, m.keys.NextTab, m.keys.Target, m.keys.Refresh, m.keys.Spend, m.keys.Help, m.keys.Quit}
		if tb := m.activeTab(); tb != nil && tb.multi != nil {
			short = append([]key.Binding{m.keys.AddCompare}, short...)
		}
	}
	for _, b := range short {
		h := b.Help()
		if h.Key == "" {
			continue
		}
		hints = append(hints, m.th.KeyHint.Render(h.Key)+" "+m.th.KeyDesc.Render(h.Desc))
	}
	right := ""
	for i := len(hints); i > 0; i-- {
		right = strings.Join(hints[:i], "  ") + " "
		if ansi.StringWidth(left)+ansi.StringWidth(right)+2 <= w {
			break
		}
		right = ""
	}
	return joinEnds(m.method, left, right, w)
}

// cutCells returns cells [left, right) of s as meth counts them. (x/ansi
// v0.11.9's Method.Cut truncates from the wrong side with WcWidth: its
// cut() uses TruncateWc where it means TruncateLeftWc.)
func cutCells(meth ansi.Method, s string, left, right int) string {
	if right <= left {
		return ""
	}
	s = meth.Truncate(s, right, "")
	if left == 0 {
		return s
	}
	return meth.TruncateLeft(s, left, "")
}

// padWith pads s with spaces to w cells as meth counts them.
func padWith(meth ansi.Method, s string, w int) string {
	if d := w - meth.StringWidth(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

// joinEnds puts left and right at the ends of a line of width w.
func joinEnds(meth ansi.Method, left, right string, w int) string {
	lw, rw := meth.StringWidth(left), meth.StringWidth(right)
	if lw+rw > w {
		right = ""
		rw = 0
		left = meth.Truncate(left, w, "…")
		lw = meth.StringWidth(left)
	}
	return left + strings.Repeat(" ", max(0, w-lw-rw)) + right
}

func (m *Model) chartStyle() chart.Style {
	st := chart.DefaultStyle(m.th.Dark)
	st.NoColor = m.th.NoColor
	return st
}

// wrapWords splits s into lines of at most w cells.
func wrapWords(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	return strings.Split(ansi.Wrap(s, w, ""), "\n")
}

// overlay draws box (lines) centred over base (exactly h lines of w cells).
func overlay(meth ansi.Method, base, box string, w, h int) string {
	bl := strings.Split(base, "\n")
	for len(bl) < h {
		bl = append(bl, strings.Repeat(" ", w))
	}
	ol := strings.Split(box, "\n")
	bw := 0
	for _, l := range ol {
		bw = max(bw, ansi.StringWidth(l))
	}
	bw = min(bw, w)
	x := (w - bw) / 2
	y := max((h-len(ol))/2, 0)
	for i, l := range ol {
		if y+i >= h {
			break
		}
		row := padWith(meth, bl[y+i], w)
		l = padRight(ansi.Truncate(l, bw, ""), bw)
		bl[y+i] = padWith(meth, cutCells(meth, row, 0, x), x) + l + cutCells(meth, row, x+bw, w)
	}
	return strings.Join(bl[:h], "\n")
}
