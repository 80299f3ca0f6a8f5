package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"linkdive/api"
	"linkdive/ui/table"
)

// onKey gives the key to the focused input first, then to normal mode.
func (m *Model) onKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.keys.ForceQuit) {
		return tea.Quit
	}
	switch m.mode {
	case modeConfirm:
		switch {
		case key.Matches(msg, m.keys.Yes), key.Matches(msg, m.keys.Submit):
			if m.quitY {
				return tea.Quit
			}
			return m.confirmed(true)
		case key.Matches(msg, m.keys.No), key.Matches(msg, m.keys.Cancel):
			m.quitY = false
			return m.confirmed(false)
		}
		return nil
	case modeHelp:
		m.mode = modeNormal
		return nil
	case modePrompt:
		return m.promptKey(msg)
	case modeSearch:
		return m.searchKey(msg)
	case modeForm:
		return m.form.update(m, msg)
	case modeTargets:
		return m.targetsKey(msg)
	case modePick:
		return m.pickKey(msg)
	case modeExport:
		return m.exportKey(msg)
	case modeSpend:
		if key.Matches(msg, m.keys.Back) || key.Matches(msg, m.keys.Spend) || key.Matches(msg, m.keys.Quit) {
			m.mode = modeNormal
		}
		return nil
	}
	return m.normalKey(msg)
}

func (m *Model) normalKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if key.Matches(msg, k.Quit) {
		return tea.Quit
	}
	if m.sess == nil {
		if key.Matches(msg, k.Target) {
			m.openPrompt()
		}
		return nil
	}
	v := m.current()
	switch {
	case key.Matches(msg, k.Help):
		m.mode = modeHelp
	case key.Matches(msg, k.NextTab):
		return m.cycleTab((m.sess.active + 1) % len(m.sess.tabs))
	case key.Matches(msg, k.PrevTab):
		return m.cycleTab((m.sess.active + len(m.sess.tabs) - 1) % len(m.sess.tabs))
	case key.Matches(msg, k.TabNumber):
		return m.cycleTab(tabIndex(msg.String()))
	case key.Matches(msg, k.Target):
		m.openPrompt()
	case key.Matches(msg, k.Back):
		return m.back()
	case key.Matches(msg, k.Refresh):
		return m.askRefresh()
	case key.Matches(msg, k.Spend):
		return m.openSpend()
	case key.Matches(msg, k.AddCompare) && m.activeTab().multi != nil:
		return m.openTargets(m.activeTab())
	case v == nil && m.activeTab().multi != nil:
		m.setStatus(fmt.Sprintf("press %s to choose the targets of %s", k.AddCompare.Help().Key, m.activeTab().spec.label), false)
		return nil
	case v == nil:
		if !key.Matches(msg, k.Up, k.Down, k.Left, k.Right) {
			m.setStatus("the Overview has no table: open a report tab (2-9) to sort, filter, search, drill or copy", false)
		}
		return nil
	case key.Matches(msg, k.AddCompare):
		return m.addToMulti(v, "backlinks_comparison")
	case key.Matches(msg, k.AddLinkGap):
		return m.addToMulti(v, "backlinks_matrix")
	case key.Matches(msg, k.Up):
		v.tbl.Up(1)
	case key.Matches(msg, k.Down):
		v.tbl.Down(1)
	case key.Matches(msg, k.PageUp):
		v.tbl.PageUp()
	case key.Matches(msg, k.PageDown):
		v.tbl.PageDown()
	case key.Matches(msg, k.Top):
		v.tbl.Top()
	case key.Matches(msg, k.Bottom):
		v.tbl.Bottom()
	case key.Matches(msg, k.Left):
		v.tbl.Left()
	case key.Matches(msg, k.Right):
		v.tbl.Right()
	case key.Matches(msg, k.Enter):
		return m.drill()
	case key.Matches(msg, k.Detail):
		m.detail = !m.detail
		m.detailTop = 0
		m.layout()
		return nil
	case key.Matches(msg, k.DetailDown):
		if _, _, p, pw, ph := m.arrange(v); p == panelDetail || p == panelBelow {
			last := len(v.tbl.DetailLines(pw, table.DetailOptions{})) - ph
			m.detailTop = max(min(m.detailTop+5, last), 0)
		}
		return nil
	case key.Matches(msg, k.DetailUp):
		m.detailTop = max(m.detailTop-5, 0)
		return nil
	case key.Matches(msg, k.Search):
		m.mode = modeSearch
		m.search.SetValue("")
		return m.search.Focus()
	case key.Matches(msg, k.NextMatch), key.Matches(msg, k.PrevMatch):
		if !v.tbl.Searching() {
			return nil
		}
		found := false
		if key.Matches(msg, k.NextMatch) {
			found = v.tbl.NextMatch()
		} else {
			found = v.tbl.PrevMatch()
		}
		if !found {
			m.setStatus("no row loaded matches "+fmt.Sprintf("%q", m.search.Value()), true)
		}
		return nil // searching is free: moving to a match never loads a page
	case key.Matches(msg, k.Sort) && v.rep.Type == "backlinks_comparison" && v.loaded() > 0:
		return m.openLocalSort(v)
	case key.Matches(msg, k.Sort):
		return m.openSort(v)
	case key.Matches(msg, k.Filter):
		return m.openFilter(v)
	case key.Matches(msg, k.Columns):
		return m.openColumns(v)
	case key.Matches(msg, k.Copy):
		return m.copyValue(v)
	case key.Matches(msg, k.CopyRow):
		return m.copyRow(v)
	case key.Matches(msg, k.Open):
		return m.openURL(v)
	case key.Matches(msg, k.Export):
		return m.openExport(v)
	default:
		return nil
	}
	m.detailTop = 0
	return m.pump(v)
}

// back leaves the current state: search highlight, detail pane, drill-down,
// then the previous target.
func (m *Model) back() tea.Cmd {
	tb := m.activeTab()
	v := m.current()
	switch {
	case v != nil && v.tbl.Searching():
		v.tbl.SetSearch("")
		m.search.SetValue("")
	case m.detail:
		m.detail = false
		m.layout()
	case tb != nil && len(tb.stack) > 1:
		tb.stack = tb.stack[:len(tb.stack)-1]
		m.layout()
		m.setStatus("back to "+tb.top().label, false)
		return m.pump(tb.top())
	case len(m.prev) > 0:
		m.sess = m.prev[len(m.prev)-1]
		m.prev = m.prev[:len(m.prev)-1]
		m.layout()
		m.setStatus("back to "+m.sess.target.Value, false)
		return m.activate()
	}
	return nil
}

// askRefresh asks before refetching the view: a refresh spends units again
// for rows already shown.
func (m *Model) askRefresh() tea.Cmd {
	tb := m.activeTab()
	if tb == nil {
		return nil
	}
	if m.opt.Client.Offline() {
		m.setStatus("offline: refreshing needs the network; what is shown comes from the cache", true)
		return nil
	}
	if ov := tb.overview; ov != nil {
		if ov.failed() {
			m.setStatus("retrying the parts that failed", false)
			return m.startOverview(ov, false) // what worked stays: only the rest is asked
		}
		var cost int64
		for _, p := range ov.parts {
			cost += ov.request(p).EstimateCost()
		}
		m.ask = &spendAsk{viewID: ov.id, refresh: true,
			text: fmt.Sprintf("Refresh the overview: 3 requests for %s units?", thousands(cost))}
		m.mode = modeConfirm
		return nil
	}
	v := tb.top()
	if v == nil {
		return nil
	}
	if v.err != nil || v.paused {
		// A page failed or was declined: ask for it (through the spend
		// gate), not for the whole view.
		v.err, v.paused = nil, false
		m.setStatus("asking for "+pageWords(v.nextRequest(m.opt.PageSize)), false)
		return m.pump(v)
	}
	// Refresh what is loaded, in one request, and come back to the same row.
	q := v.base
	if q.Report.Paged {
		q.Offset, q.Count = 0, max(v.loaded(), m.opt.PageSize)
		if mx := q.Report.MaxLines; mx > 0 && q.Count > mx {
			q.Count = mx
		}
	}
	cost := q.EstimateCost()
	m.ask = &spendAsk{viewID: v.id, gen: v.gen, req: q, cost: cost, refresh: true,
		text: fmt.Sprintf("Refresh %s: fetch %s again for %s units?", v.label, pageWords(q), thousands(cost))}
	m.mode = modeConfirm
	return nil
}

// drill opens what the row under the cursor leads to.
func (m *Model) drill() tea.Cmd {
	v := m.current()
	if v == nil || v.cursorRow() < 0 {
		return nil
	}
	if v.rep.Type == "backlinks_matrix" {
		return m.linkGapDrill(v)
	}
	d, ok := drillFor(v)
	if !ok {
		m.detail = !m.detail
		m.layout()
		return nil
	}
	if d.err != "" {
		m.setStatus(d.err, true)
		return nil
	}
	if d.newTarget != nil {
		m.setStatus("opened "+d.newTarget.Value+" (esc goes back)", false)
		return m.setTarget(*d.newTarget, true)
	}
	if err := validateBase(d.req); err != nil {
		m.setStatus(err.Error(), true)
		return nil
	}
	nv := m.newView(d.req, d.label)
	nv.origin, nv.total = d.req.Filter, d.total
	tb := m.activeTab()
	tb.stack = append(tb.stack, nv)
	m.detail = false
	m.layout()
	return m.pump(nv)
}

// openPrompt shows the target prompt with the history of targets.
func (m *Model) openPrompt() {
	m.mode = modePrompt
	m.histSel = -1
	switch {
	case m.sess != nil:
		m.prompt.SetValue(m.sess.target.Value)
	case len(m.history) > 0:
		m.prompt.SetValue(m.history[0])
	default:
		m.prompt.SetValue(m.opt.DefaultTarget)
	}
	m.prompt.CursorEnd()
	m.prompt.Focus()
}

func (m *Model) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Submit):
		t, err := api.NewTarget(m.prompt.Value(), "")
		if err != nil {
			m.setStatus(err.Error(), true)
			return nil
		}
		m.prompt.Blur()
		m.setStatus("", false)
		return m.setTarget(t, false)
	case key.Matches(msg, m.keys.Cancel):
		if m.sess == nil {
			m.setStatus(fmt.Sprintf("type a target and press %s, or %s to quit", m.keys.Submit.Help().Key, m.keys.ForceQuit.Help().Key), false)
			return nil
		}
		m.prompt.Blur()
		m.mode = modeNormal
		return nil
	case msg.Text == "" && (key.Matches(msg, m.keys.Form.Up) || key.Matches(msg, m.keys.Form.Down)):
		// The recent list, newest first: down goes to older targets.
		if len(m.history) == 0 {
			return nil
		}
		if key.Matches(msg, m.keys.Form.Down) {
			m.histSel = min(m.histSel+1, len(m.history)-1)
		} else {
			m.histSel = max(m.histSel-1, 0)
		}
		m.prompt.SetValue(m.history[m.histSel])
		m.prompt.CursorEnd()
		return nil
	}
	var cmd tea.Cmd
	m.prompt, cmd = m.prompt.Update(msg)
	return cmd
}

func (m *Model) searchKey(msg tea.KeyPressMsg) tea.Cmd {
	v := m.current()
	switch {
	case key.Matches(msg, m.keys.Submit):
		m.mode = modeNormal
		m.search.Blur()
		if v != nil && v.tbl.Searching() {
			m.setStatus(fmt.Sprintf("%d loaded rows match; n/N next/previous, esc clears", v.tbl.Matches()), false)
		}
		return nil
	case key.Matches(msg, m.keys.Cancel):
		m.mode = modeNormal
		m.search.Blur()
		m.search.SetValue("")
		if v != nil {
			v.tbl.SetSearch("")
		}
		return nil
	}
	var cmd tea.Cmd
	m.search, cmd = m.search.Update(msg)
	m.applySearch()
	return cmd
}

// applySearch highlights the query and moves to the first match from the
// cursor. It searches loaded rows only: free, no request.
func (m *Model) applySearch() {
	v := m.current()
	if v == nil {
		return
	}
	q := strings.TrimSpace(m.search.Value())
	v.tbl.SetSearch(q)
	if q != "" && !v.tbl.RowMatches(v.tbl.Cursor()) {
		v.tbl.NextMatch()
	}
}

// onMouse: the wheel scrolls, a click opens a tab or moves to a row.
func (m *Model) onMouse(msg tea.MouseMsg) tea.Cmd {
	if m.mode != modeNormal || m.sess == nil {
		return nil
	}
	v := m.current()
	mouse := msg.Mouse()
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		if v == nil {
			return nil
		}
		switch msg.Button {
		case tea.MouseWheelUp:
			v.tbl.Up(3)
		case tea.MouseWheelDown:
			v.tbl.Down(3)
		}
		return m.pump(v)
	case tea.MouseClickMsg:
		if msg.Button != tea.MouseLeft {
			return nil
		}
		if mouse.Y == tabBarRow {
			if i := m.tabAt(mouse.X); i >= 0 {
				return m.switchTab(i)
			}
			return nil
		}
		if v != nil {
			if row, ok := v.tbl.ClickRow(mouse.Y - bodyTop); ok {
				v.tbl.SetCursor(row)
				return m.pump(v)
			}
		}
	}
	return nil
}
