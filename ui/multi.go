package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"linkdive/api"
	"linkdive/ui/form"
)

// multiState is the target list of a multi-target tab (Compare, Link gap)
// and its editor while open.
type multiState struct {
	targets []api.Target
	editor  *targetsEditor
}

// openTargets opens the targets editor of the active multi-target tab.
func (m *Model) openTargets(tb *tab) tea.Cmd {
	fixed := 0
	if tb.rep.Type == "backlinks_matrix" {
		fixed = 1 // the link gap is about the target: it stays first
	}
	tb.multi.editor = newTargetsEditor(tb.rep, tb.multi.targets, fixed, m.th)
	m.mode = modeTargets
	return textinput.Blink
}

// targetsKey routes a key or paste to the open targets editor.
func (m *Model) targetsKey(msg tea.Msg) tea.Cmd {
	tb := m.activeTab()
	if tb == nil || tb.multi == nil || tb.multi.editor == nil {
		m.mode = modeNormal
		return nil
	}
	e := tb.multi.editor
	if k, ok := msg.(tea.KeyPressMsg); ok && (key.Matches(k, m.keys.NextTab) || key.Matches(k, m.keys.PrevTab)) {
		// Passing through: keep the list as edited, move on.
		tb.multi.targets = append([]api.Target(nil), e.list...)
		tb.multi.editor = nil
		m.mode = modeNormal
		return m.normalKey(k)
	}
	run, cancel, cmd := e.update(msg, m.keys)
	switch {
	case cancel:
		tb.multi.editor = nil
		m.mode = modeNormal
		if len(tb.stack) == 0 {
			m.setStatus("nothing run: nothing spent", false)
		}
	case run:
		tb.multi.targets = append([]api.Target(nil), e.list...)
		tb.multi.editor = nil
		m.mode = modeNormal
		return m.runMulti(tb)
	}
	return cmd
}

// runMulti starts the tab's report over its targets: a new view (the old
// rows are replaced: the user asked for a new comparison).
func (m *Model) runMulti(tb *tab) tea.Cmd {
	q := api.Request{Report: tb.rep, Targets: tb.multi.targets}
	if err := validateBase(q); err != nil {
		m.setStatus(err.Error(), true)
		return nil
	}
	v := m.newView(q, tb.spec.label)
	names := make([]string, len(q.Targets))
	for i, t := range q.Targets {
		names[i] = t.Value
	}
	v.note = fmt.Sprintf("%s: %s (%s edits)", plural(len(names), "target"), strings.Join(names, ", "), m.keys.AddCompare.Help().Key)
	if tb.rep.Type == "backlinks_comparison" {
		v.tbl.SetBars(true) // the leader of each column stands out
	}
	tb.stack = []*reportView{v}
	m.layout()
	return m.pump(v)
}

// editorCost says what running the editor's targets will cost.
func (m *Model) editorCost(e *targetsEditor) string {
	q := api.Request{Report: e.rep, Targets: e.list}
	if e.rep.Paged {
		q.Count = m.opt.PageSize
	}
	if e.rep.Paged {
		return fmt.Sprintf("run: first page of %d rows, up to %s units (40 per row)", q.Count, thousands(q.EstimateCost()))
	}
	return fmt.Sprintf("run: %d targets × %d = %s units", len(e.list), e.rep.Price.Units, thousands(q.EstimateCost()))
}

// addToMulti adds the competitor under the cursor to the Compare or Link
// gap tab's targets.
func (m *Model) addToMulti(v *reportView, report string) tea.Cmd {
	n, ok := v.value("neighbour")
	if !ok || n == "" {
		m.setStatus("add to Compare or Link gap from the Competitors tab", true)
		return nil
	}
	t, err := api.NewTarget(n, "")
	if err != nil {
		m.setStatus(err.Error(), true)
		return nil
	}
	for _, tb := range m.sess.tabs {
		if tb.multi == nil || tb.rep.Type != report {
			continue
		}
		for _, x := range tb.multi.targets {
			if x.Value == t.Value {
				m.setStatus(fmt.Sprintf("%s is already in %s", t.Value, tb.spec.label), false)
				return nil
			}
		}
		if max := tb.rep.MaxTargets; max > 0 && len(tb.multi.targets) >= max {
			m.setStatus(fmt.Sprintf("%s takes at most %d targets", tb.spec.label, max), true)
			return nil
		}
		tb.multi.targets = append(tb.multi.targets, t)
		m.setStatus(fmt.Sprintf("added %s to %s (%s; open the tab to run it)", t.Value, tb.spec.label, plural(len(tb.multi.targets), "target")), false)
	}
	return nil
}

// linkGapPresets are the questions people ask of a link gap, for the filter
// editor: target 0 is the explored site, the others its competitors.
func linkGapPresets(targets []api.Target) []form.Preset {
	n := len(targets)
	if n < 2 {
		return nil
	}
	cond := func(i int, op api.Op, v string) api.Cond {
		return api.Cond{Field: "backlinksnum_" + strconv.Itoa(i), Op: op, Value: v}
	}
	allButMe := api.Filter{cond(0, api.OpEq, "0")}
	meOnly := api.Filter{cond(0, api.OpGt, "0")}
	everyone := api.Filter{}
	anyButMe := api.Filter{cond(0, api.OpEq, "0")}
	for i := 0; i < n; i++ {
		everyone = append(everyone, cond(i, api.OpGt, "0"))
		if i > 0 {
			allButMe = append(allButMe, cond(i, api.OpGt, "0"))
			meOnly = append(meOnly, cond(i, api.OpEq, "0"))
		}
	}
	me := targets[0].Value
	return []form.Preset{
		{Name: "links to all competitors but not to " + me, Filter: allButMe},
		{Name: "links to competitors but not to " + me, Filter: anyButMe},
		{Name: "links to " + me + " but to no competitor", Filter: meOnly},
		{Name: "links to everyone", Filter: everyone},
	}
}

// pickState is a small list to choose from (the target of a link-gap
// drill-down).
type pickState struct {
	title   string
	options []string
	sel     int
	onPick  func(m *Model, i int) tea.Cmd
}

func (m *Model) pickKey(msg tea.KeyPressMsg) tea.Cmd {
	p := m.pick
	switch {
	case p == nil:
		m.mode = modeNormal
	case key.Matches(msg, m.keys.Form.Up):
		p.sel = max(p.sel-1, 0)
	case key.Matches(msg, m.keys.Form.Down):
		p.sel = min(p.sel+1, len(p.options)-1)
	case key.Matches(msg, m.keys.Submit):
		m.pick, m.mode = nil, modeNormal
		return p.onPick(m, p.sel)
	case key.Matches(msg, m.keys.Cancel):
		m.pick, m.mode = nil, modeNormal
	}
	return nil
}

func (m *Model) pickBox(w int) string {
	p := m.pick
	if p == nil {
		return ""
	}
	var lines []string
	for i, o := range p.options {
		mark := "  "
		if i == p.sel {
			mark = m.th.Accent.Render(m.th.Glyphs.Cursor + " ")
		}
		lines = append(lines, mark+o)
	}
	lines = append(lines, "", m.hint(m.keys.Submit)+"   "+m.hint(m.keys.Cancel))
	return m.box(p.title, lines, w)
}

// linkGapDrill asks which target's backlinks from the domain under the
// cursor to open (straight away when only one target has any).
func (m *Model) linkGapDrill(v *reportView) tea.Cmd {
	r := v.cursorRow()
	dom, _ := v.value("domain")
	if r < 0 || dom == "" {
		return nil
	}
	var options []string
	var idx, counts []int
	sel := -1
	for c, col := range v.data.Columns {
		if col.PerTarget && col.TargetIndex < len(v.base.Targets) {
			n := v.data.Int(r, c)
			if n > 0 && sel < 0 {
				sel = len(options) // preselect the first target it links to
			}
			options = append(options, fmt.Sprintf("%-40s %s", col.Code, plural(int(n), "backlink")))
			idx = append(idx, col.TargetIndex)
			counts = append(counts, int(n))
		}
	}
	open := func(m *Model, i int) tea.Cmd {
		t := v.base.Targets[idx[i]]
		q := api.Request{Report: mustReport("backlinks"), Targets: []api.Target{t},
			Filter: api.Filter{{Field: "refdomain", Op: api.OpEq, Value: dom}}}
		nv := m.newView(q, "Backlinks from "+dom+" to "+t.Value)
		nv.total = counts[i]
		tb := m.activeTab()
		tb.stack = append(tb.stack, nv)
		m.layout()
		return m.pump(nv)
	}
	if len(options) == 0 {
		m.setStatus("this row names no target columns; add backlinks_num with c", true)
		return nil
	}
	m.pick = &pickState{title: "Backlinks from " + dom + " to…", options: options, sel: max(sel, 0), onPick: open}
	m.mode = modePick
	return nil
}

// openLocalSort sorts a comparison locally: its rows are all loaded and the
// API has no sort for it. Free: no request.
func (m *Model) openLocalSort(v *reportView) tea.Cmd {
	local := *v.rep
	local.Sorts, local.DefaultSort = nil, ""
	for _, c := range v.data.Columns {
		if c.Kind.Numeric() || c.Kind == api.KindDomain {
			local.Sorts = append(local.Sorts, api.SortKey{Key: c.Code, Column: c.Code})
		}
	}
	p := form.NewSortPicker(&local, v.base.Targets, v.localSort, m.keys.Form, m.formStyles())
	p.SetCost(func(api.Sort) string { return "local sort of the loaded rows: free, no request" })
	return m.openForm(v, "Sort "+v.rep.Title+" (locally)", p, func(m *Model, v *reportView) tea.Cmd {
		s := p.Sort()
		v.localSort = s
		if v.unsorted == nil {
			v.unsorted = v.data.Slice(0, v.data.Len())
		}
		// Start from the request's order, so the zero sort restores it and
		// equal values keep it.
		v.data = v.unsorted.Slice(0, v.unsorted.Len())
		v.tbl.SetSort("", false)
		if c := v.data.Index(s.Key); c >= 0 && !s.IsZero() {
			v.data.SortRows(c, s.Desc)
			v.tbl.SetSort(s.Key, s.Desc)
		}
		v.tbl.SetTable(v.data)
		m.setStatus("sorted locally: nothing spent", false)
		return nil
	})
}
