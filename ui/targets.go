package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"linkdive/api"
	"linkdive/ui/theme"
)

// targetsEditor edits the targets of a multi-target report (Compare, Link
// gap): typed, pasted one per line or comma-separated, or added from the
// Competitors tab; each with its target type.
type targetsEditor struct {
	rep    *api.Report
	list   []api.Target
	fixed  int // the first `fixed` entries cannot be removed (link gap: "me")
	sel    int // selected entry; len(list) means the input line
	input  textinput.Model
	status string
	bad    bool
}

func newTargetsEditor(rep *api.Report, list []api.Target, fixed int, th *theme.Theme) *targetsEditor {
	in := textinput.New()
	in.Prompt = "add: "
	in.Placeholder = "domains or URLs; paste many, one per line or comma-separated"
	in.CharLimit = 100000
	e := &targetsEditor{rep: rep, list: append([]api.Target(nil), list...), fixed: fixed, input: in}
	e.sel = len(e.list)
	e.input.Focus()
	return e
}

// add parses s (newlines, commas, spaces) and adds each target once. What
// cannot be added goes back into the input line to be fixed, and the
// status says why.
func (e *targetsEditor) add(s string) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' || r == ',' || r == ';' || r == ' ' || r == '\t' })
	added := 0
	var refused, why []string
	for _, f := range fields {
		if e.rep.MaxTargets > 0 && len(e.list) >= e.rep.MaxTargets {
			refused = append(refused, f)
			why = append(why, fmt.Sprintf("%s takes at most %d targets", e.rep.Title, e.rep.MaxTargets))
			continue
		}
		t, err := api.NewTarget(f, "")
		if err != nil {
			refused = append(refused, f)
			why = append(why, err.Error())
			continue
		}
		if e.has(t.Value) {
			continue
		}
		e.list = append(e.list, t)
		added++
	}
	e.input.SetValue(strings.Join(refused, ", "))
	e.input.CursorEnd()
	e.status, e.bad = fmt.Sprintf("%d added, %s", added, plural(len(e.list), "target")), false
	if len(refused) > 0 {
		e.status, e.bad = fmt.Sprintf("%d added; %d refused (left in the input): %s", added, len(refused), api.SanitizeText(why[0])), true
		if len(why) > 1 {
			e.status += fmt.Sprintf(" (and %d more)", len(why)-1)
		}
	}
	e.sel = len(e.list)
}

func (e *targetsEditor) has(v string) bool {
	for _, t := range e.list {
		if t.Value == v {
			return true
		}
	}
	return false
}

// cycleType moves the selected target to the next type the report takes.
func (e *targetsEditor) cycleType(dir int) {
	if e.sel >= len(e.list) {
		return
	}
	order := []api.TargetType{api.RootDomain, api.Domain, api.URL}
	t := &e.list[e.sel]
	i := 0
	for j, tt := range order {
		if tt == t.Type {
			i = j
		}
	}
	for range order {
		i = (i + dir + len(order)) % len(order)
		if e.rep.AcceptsTargetType(e.rep.WireTargetType(order[i])) {
			t.Type = order[i]
			return
		}
	}
}

// update handles a key; run reports that the user asked to run the report.
// While the input line has the focus, keys that type go to it.
func (e *targetsEditor) update(msg tea.Msg, k KeyMap) (run, cancel bool, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		e.add(msg.Content)
		return false, false, nil
	case tea.KeyPressMsg:
		typing := e.sel == len(e.list) && msg.Text != ""
		f := k.Form
		switch {
		case key.Matches(msg, k.Submit):
			if v := strings.TrimSpace(e.input.Value()); v != "" {
				e.add(v)
				return false, false, nil
			}
			if len(e.list) < 2 {
				e.status, e.bad = "add at least one more target", true
				return false, false, nil
			}
			return true, false, nil
		case key.Matches(msg, k.Cancel):
			return false, true, nil
		case typing:
		case key.Matches(msg, f.Up):
			e.sel = max(e.sel-1, 0)
			return false, false, nil
		case key.Matches(msg, f.Down):
			e.sel = min(e.sel+1, len(e.list))
			return false, false, nil
		case e.sel == len(e.list):
		case key.Matches(msg, f.Left):
			e.cycleType(-1)
			return false, false, nil
		case key.Matches(msg, f.Right):
			e.cycleType(1)
			return false, false, nil
		case key.Matches(msg, f.Remove):
			if e.sel < e.fixed {
				e.status, e.bad = "the first target is the one you explore; it stays", true
				return false, false, nil
			}
			e.list = append(e.list[:e.sel], e.list[e.sel+1:]...)
			e.sel = max(min(e.sel, len(e.list)-1), 0) // stay in the list: another d removes the next
			return false, false, nil
		default:
			return false, false, nil
		}
	}
	var c tea.Cmd
	e.input, c = e.input.Update(msg)
	return false, false, c
}

// view draws the editor in w x h.
func (e *targetsEditor) view(w, h int, th *theme.Theme, cost string, k KeyMap) string {
	title := fmt.Sprintf("%s: targets (%d", e.rep.Title, len(e.list))
	if len(e.list) == 1 {
		title = e.rep.Title + ": target (1"
	}
	if e.rep.MaxTargets > 0 {
		title += fmt.Sprintf(" of up to %d", e.rep.MaxTargets)
	}
	lines := []string{th.Accent.Render(title + ")"), th.Muted.Render(e.rep.Desc), ""}
	room := max(h-9, 1)
	first := 0
	if e.sel >= room {
		first = e.sel - room + 1
	}
	for i := first; i < len(e.list) && i < first+room; i++ {
		t := e.list[i]
		mark := "  "
		if i == e.sel {
			mark = th.Accent.Render(th.Glyphs.Cursor + " ")
		}
		label := fmt.Sprintf("%3d. %-40s %s", i+1, t.Value, th.Muted.Render(string(e.rep.WireTargetType(t.Type))))
		if i < e.fixed {
			label += th.Muted.Render("  (you)")
		}
		lines = append(lines, mark+label)
	}
	mark := "  "
	if e.sel == len(e.list) {
		mark = th.Accent.Render(th.Glyphs.Cursor + " ")
	}
	e.input.SetWidth(max(w-12, 10))
	lines = append(lines, "", mark+e.input.View())
	if e.status != "" {
		st := th.Muted
		if e.bad {
			st = th.Error
		}
		lines = append(lines, st.Render(e.status))
	}
	lines = append(lines, th.Cost.Render(cost),
		th.Muted.Render(fmt.Sprintf("%s add (empty: run) · %s/%s select · %s/%s target type · %s remove · %s back",
			k.Submit.Help().Key, k.Form.Up.Help().Key, k.Form.Down.Help().Key, k.Form.Left.Help().Key,
			k.Form.Right.Help().Key, k.Form.Remove.Help().Key, k.Cancel.Help().Key)))
	return fitLines(lines, w, h)
}
