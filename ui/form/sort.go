package form

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
)

// sortEntry is one line of the sort picker.
type sortEntry struct {
	sort    api.Sort // zero: the report's default
	label   string
	wire    string
	def     bool // the report's default order
	current bool
}

// SortPicker chooses a server-side sort (display_sort) for a report.
type SortPicker struct {
	rep     *api.Report
	km      KeyMap
	st      Styles
	entries []sortEntry
	cur     int
	result  Result

	cost     func(api.Sort) string
	costText string
}

// NewSortPicker lists the sorts of rep (indexed matrix sorts once per
// target) in both directions, with the cursor on current (zero: the
// report's default).
func NewSortPicker(rep *api.Report, targets []api.Target, current api.Sort, km KeyMap, st Styles) *SortPicker {
	p := &SortPicker{rep: rep, km: km, st: st}
	if len(rep.Sorts) == 0 {
		return p
	}
	def := "the API's own order"
	if rep.DefaultSort != "" {
		def = rep.DefaultSort
	}
	p.entries = append(p.entries, sortEntry{label: "report default", wire: def, current: current.IsZero()})
	defSort, _ := api.ParseSort(rep.DefaultSort)
	for _, k := range rep.Sorts {
		col, ok := rep.Column(k.Column)
		title := k.Column
		if ok {
			title = col.Title
		}
		keys := []struct{ key, title string }{{k.Key, title}}
		if k.Indexed {
			keys = keys[:0]
			for i, t := range targets {
				keys = append(keys, struct{ key, title string }{k.Key + "_" + strconv.Itoa(i), title + " → " + safe(t.Value)})
			}
		}
		for _, kk := range keys {
			for _, desc := range []bool{true, false} {
				s := api.Sort{Key: kk.key, Desc: desc}
				p.entries = append(p.entries, sortEntry{
					sort:    s,
					label:   kk.title + "  " + direction(col.Kind, desc),
					wire:    s.String(),
					def:     s == defSort,
					current: s == current,
				})
			}
		}
	}
	for i, e := range p.entries {
		if e.current {
			p.cur = i
			break
		}
	}
	p.refreshCost()
	return p
}

func direction(k api.Kind, desc bool) string {
	switch {
	case k == api.KindTime && desc:
		return "↓ newest first"
	case k == api.KindTime:
		return "↑ oldest first"
	case k.Numeric() && desc:
		return "↓ highest first"
	case k.Numeric():
		return "↑ lowest first"
	case desc:
		return "↓ Z to A"
	}
	return "↑ A to Z"
}

// SetCost sets a callback describing the cost of refetching with a sort; it
// is shown for the entry under the cursor.
func (p *SortPicker) SetCost(f func(api.Sort) string) {
	p.cost = f
	p.refreshCost()
}

func (p *SortPicker) refreshCost() {
	p.costText = ""
	if p.cost != nil && len(p.entries) > 0 {
		p.costText = p.cost(p.entries[p.cur].sort)
	}
}

// Sort returns the sort under the cursor (the chosen one once Applied); the
// zero Sort means the report's default.
func (p *SortPicker) Sort() api.Sort {
	if len(p.entries) == 0 {
		return api.Sort{}
	}
	return p.entries[p.cur].sort
}

// Result returns the picker's state.
func (p *SortPicker) Result() Result { return p.result }

// Update handles a message and reports whether the picker is still open.
func (p *SortPicker) Update(msg tea.Msg) (Result, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || p.result != Pending {
		return p.result, nil
	}
	km := &p.km
	switch {
	case key.Matches(k, km.Cancel):
		p.result = Cancelled
	case key.Matches(k, km.Apply):
		p.result = Applied
		if len(p.entries) == 0 {
			p.result = Cancelled // nothing to choose
		}
	case key.Matches(k, km.Up):
		p.cur = max(0, p.cur-1)
	case key.Matches(k, km.Down):
		p.cur = max(0, min(len(p.entries)-1, p.cur+1))
	case key.Matches(k, km.Toggle, km.Left, km.Right):
		p.flip()
	}
	p.refreshCost()
	return p.result, nil
}

// flip moves to the same key in the other direction.
func (p *SortPicker) flip() {
	if len(p.entries) == 0 || p.entries[p.cur].sort.IsZero() {
		return
	}
	want := p.entries[p.cur].sort
	want.Desc = !want.Desc
	for i, e := range p.entries {
		if e.sort == want {
			p.cur = i
			return
		}
	}
}

// View renders the picker in exactly height lines of at most width cells.
func (p *SortPicker) View(width, height int) string {
	title := p.st.Title.Render("Sort · " + safe(p.rep.Title))
	if len(p.entries) == 0 {
		return compose(width, height, []string{title},
			[]string{p.st.Muted.Render("this report cannot be sorted on the server")}, 0, 0,
			[]foot{{helpLine(p.st, p.km.Cancel), prioHelp}})
	}
	labelW := 0
	for _, e := range p.entries {
		labelW = max(labelW, ansi.StringWidth(e.label))
	}
	labelW = min(labelW, 60)
	body := make([]string, len(p.entries))
	for i, e := range p.entries {
		mark := "  "
		if e.current {
			mark = p.st.Accent.Render("● ")
		}
		gutter := "  "
		label := " " + fit(e.label, labelW) + " "
		if i == p.cur {
			gutter = p.st.Accent.Render(fit(p.st.marker(), 1)) + " "
			label = p.st.Selected.Render(label)
		}
		extra := e.wire
		if e.def {
			extra += "  (default)"
		}
		body[i] = gutter + mark + label + " " + p.st.Muted.Render(extra)
	}
	var feet []foot
	sel := p.entries[p.cur]
	line := "display_sort " + sel.sort.String()
	if sel.sort.IsZero() {
		line = "display_sort not sent: the report's default (" + sel.wire + ")"
	}
	feet = append(feet, foot{line, prioValue})
	if p.costText != "" {
		feet = append(feet, foot{p.st.Cost.Render(safe(p.costText)), prioCost})
	}
	feet = append(feet, foot{p.st.Muted.Render("● current"), prioHint})
	feet = append(feet, foot{helpLine(p.st, p.km.Apply, p.km.Cancel, p.km.Up, p.km.Down, p.km.Toggle), prioHelp})
	return compose(width, height, []string{title}, body, p.cur, p.cur, feet)
}

// ShortHelp implements help.KeyMap for the picker's keys.
func (p *SortPicker) ShortHelp() []key.Binding {
	return []key.Binding{p.km.Apply, p.km.Cancel, p.km.Up, p.km.Down, p.km.Toggle}
}

// FullHelp implements help.KeyMap for the picker's keys.
func (p *SortPicker) FullHelp() [][]key.Binding {
	return [][]key.Binding{{p.km.Up, p.km.Down, p.km.Toggle, p.km.Left, p.km.Right}, {p.km.Apply, p.km.Cancel}}
}
