package form

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
)

// Column widths of the filter rows.
const (
	signW     = 6 // "+ incl"
	maxFieldW = 22
	maxTargW  = 24
	minValueW = 8
)

type filterWidths struct{ sign, field, target, op, value int }

// widths sizes the row columns: natural widths when they fit, otherwise the
// sign shrinks to one cell and the widest of field/target/operation gives
// up cells (down to a floor) so that the value keeps room.
func (e *FilterEditor) widths(width int) filterWidths {
	w := filterWidths{sign: signW, field: 5, op: 2}
	indexed := false
	for _, f := range e.rep.Filters {
		w.field = max(w.field, ansi.StringWidth(f.Title))
		for _, o := range f.Ops {
			w.op = max(w.op, ansi.StringWidth(o.Describe()))
		}
		indexed = indexed || f.Indexed
	}
	for i := range e.rows {
		r := &e.rows[i]
		if r.field < 0 {
			w.field = max(w.field, ansi.StringWidth(safe(r.raw))+1)
			w.op = max(w.op, ansi.StringWidth(safe(r.op.Describe())))
		}
	}
	if indexed {
		w.target = 6
		for _, t := range e.targets {
			w.target = max(w.target, ansi.StringWidth(safe(t.Value)))
		}
	}
	w.field = min(w.field, maxFieldW)
	w.target = min(w.target, maxTargW)
	cells := 4 // value cell brackets + gutter
	ncols := 4
	if indexed {
		ncols++
	}
	avail := width - cells - 2*(ncols-1) // every other cell has two bracket/space cells
	fixed := func() int { return w.sign + w.field + w.target + w.op }
	if fixed()+minValueW > avail {
		w.sign = 1
	}
	for fixed()+minValueW > avail {
		p := &w.field
		if w.op > *p {
			p = &w.op
		}
		if w.target > *p {
			p = &w.target
		}
		if *p <= 5 {
			break
		}
		*p--
	}
	w.value = max(minValueW/2, avail-fixed())
	return w
}

// View renders the editor in exactly height lines of at most width cells.
func (e *FilterEditor) View(width, height int) string {
	title := e.st.Title.Render("Filter · "+safe(e.rep.Title)) +
		e.st.Muted.Render(fmt.Sprintf("  %d/%d conditions", len(e.rows), api.MaxFilters))
	if len(e.rep.Filters) == 0 {
		body := []string{e.st.Muted.Render("this report takes no filter")}
		return compose(width, height, []string{title}, body, 0, 0,
			[]foot{{helpLine(e.st, e.km.Cancel), prioHelp}})
	}
	w := e.widths(width)
	top := []string{title}
	var body []string
	focusFrom, focusTo := 0, 0
	if len(e.rows) == 0 {
		msg := "no conditions: apply clears the filter"
		if k := keyName(e.km.Add); k != "" {
			msg += "; " + k + " adds one"
		}
		if k := keyName(e.km.Preset); k != "" && len(e.presets) > 0 {
			msg += ", " + k + " loads a preset"
		}
		body = append(body, e.st.Muted.Render(msg))
	} else {
		top = append(top, e.headerLine(w))
	}
	for i := range e.rows {
		if i == e.row {
			focusFrom = len(body)
		}
		body = append(body, e.rowLine(i, w))
		if err := e.rowErr(i); err != nil {
			body = append(body, "    ! "+e.st.Error.Render(safe(err.Error())))
		}
		if i == e.row {
			focusTo = len(body) - 1
		}
	}
	return compose(width, height, top, body, focusFrom, focusTo, e.footer(width))
}

func (e *FilterEditor) footer(width int) []foot {
	var out []foot
	if h := e.hint(); h != "" {
		out = append(out, foot{e.st.Muted.Render(h), prioHint})
	}
	fs := e.build().String()
	label := "display_filter "
	if fs == "" {
		fs = "(empty: apply clears the filter)"
	}
	for _, l := range wrapped(label+safe(fs), width, 3) {
		out = append(out, foot{l, prioValue})
	}
	if len(e.rows) > api.MaxFilters {
		out = append(out, foot{e.st.Error.Render(fmt.Sprintf("%d conditions: the API takes at most %d", len(e.rows), api.MaxFilters)), prioStatus})
	}
	if e.costText != "" {
		out = append(out, foot{e.st.Cost.Render(safe(e.costText)), prioCost})
	}
	if len(e.presets) > 0 {
		names := make([]string, len(e.presets))
		for i, p := range e.presets {
			names[i] = safe(p.Name)
		}
		lbl := "presets"
		if k := keyName(e.km.Preset); k != "" {
			lbl += " (" + k + ")"
		}
		out = append(out, foot{e.st.Muted.Render(lbl + ": " + strings.Join(names, " · ")), prioInfo})
	}
	if e.status != "" {
		st := e.st.Accent
		if e.statusErr {
			st = e.st.Error
		}
		out = append(out, foot{st.Render(e.status), prioStatus})
	}
	out = append(out, foot{helpLine(e.st, e.km.Apply, e.km.Cancel, e.km.Add, e.km.Remove, e.km.Toggle, e.km.Next, e.km.Preset), prioHelp})
	return out
}

// hint describes the focused row's field and what its value takes.
func (e *FilterEditor) hint() string {
	if len(e.rows) == 0 {
		return ""
	}
	r := &e.rows[e.row]
	ff, known := e.field(r)
	if !known {
		return "unknown field " + safe(r.raw) + ": pick one with " + pair(e.km.Left, e.km.Right)
	}
	h := ff.Name + ": " + ff.Desc
	switch {
	case e.col == colTarget && r.target < len(e.targets):
		h += "; target " + strconv.Itoa(r.target) + " = " + safe(e.targets[r.target].Value)
	case len(ff.Values) > 0:
		h += "; " + pair(e.km.Left, e.km.Right) + " picks: " + strings.Join(ff.Values, ", ")
	case ff.ValueKind == api.KindInt:
		h += "; a whole number"
	case ff.ValueKind == api.KindCountryCode:
		if name, ok := api.CountryName(r.value.Value()); ok {
			h += "; " + r.value.Value() + " = " + name
		}
	}
	return safe(h)
}

func pair(a, b key.Binding) string {
	ka, kb := keyName(a), keyName(b)
	switch {
	case ka != "" && kb != "":
		return ka + "/" + kb
	case ka != "" || kb != "":
		return ka + kb
	}
	return "the arrow keys"
}

func (e *FilterEditor) headerLine(w filterWidths) string {
	h := func(s string, width int) string { return e.st.Header.Render(" " + fit(s, width) + " ") }
	line := "  " + h("+/-", w.sign) + h("field", w.field)
	if w.target > 0 {
		line += h("target", w.target)
	}
	return line + h("operation", w.op) + h("value", w.value)
}

func (e *FilterEditor) rowLine(i int, w filterWidths) string {
	r := &e.rows[i]
	focus := func(c int) bool { return i == e.row && e.col == c }
	gutter := "  "
	if i == e.row {
		gutter = e.st.Accent.Render(fit(e.st.marker(), 1)) + " "
	}
	sign := "+ incl"
	if r.exclude {
		sign = "- excl"
	}
	if w.sign < signW {
		sign = sign[:1]
	}
	ff, known := e.field(r)
	fieldText := safe(r.raw) + "?"
	if known {
		fieldText = ff.Title
	}
	line := gutter + e.cell(sign, w.sign, focus(colSign)) + e.cell(fieldText, w.field, focus(colField))
	if w.target > 0 {
		t := ""
		if known && ff.Indexed {
			t = fmt.Sprintf("#%d ?", r.target)
			if r.target < len(e.targets) {
				t = safe(e.targets[r.target].Value)
			}
		}
		line += e.cell(t, w.target, focus(colTarget))
	}
	line += e.cell(safe(r.op.Describe()), w.op, focus(colOp))
	switch {
	case focus(colValue) && e.textFocus():
		line += e.st.Selected.Render("[") + inputView(r.value, w.value, e.st.Cursor) + e.st.Selected.Render("]")
	case r.value.Value() == "":
		line += " " + e.st.Muted.Render(fit("(value)", w.value)) + " "
	default:
		line += e.cell(safe(r.value.Value()), w.value, focus(colValue))
	}
	return line
}

// cell renders a field: bracketed and styled when focused, so the focus
// shows even without styles.
func (e *FilterEditor) cell(s string, width int, focused bool) string {
	if focused {
		return e.st.Selected.Render("[" + fit(s, width) + "]")
	}
	return " " + fit(s, width) + " "
}

// inputView draws a text input's value in width cells with the cursor,
// scrolled so the cursor stays visible. Each rune is made terminal-safe.
func inputView(ti textinput.Model, width int, cur lipgloss.Style) string {
	runes := []rune(ti.Value())
	pos := max(0, min(ti.Position(), len(runes)))
	pieces := make([]string, len(runes)+1)
	widths := make([]int, len(runes)+1)
	for i, r := range runes {
		pieces[i] = safe(string(r))
		widths[i] = ansi.StringWidth(pieces[i])
	}
	pieces[len(runes)], widths[len(runes)] = " ", 1 // the cursor after the end
	start, used := pos, widths[pos]
	for start > 0 && used+widths[start-1] <= width {
		start--
		used += widths[start]
	}
	end := len(runes)
	if pos == end {
		end++ // draw the cursor cell after the last rune
	}
	var b strings.Builder
	total := 0
	for i := start; i < end; i++ {
		if total+widths[i] > width {
			break
		}
		total += widths[i]
		if i == pos {
			b.WriteString(cur.Render(pieces[i]))
		} else {
			b.WriteString(pieces[i])
		}
	}
	return b.String() + strings.Repeat(" ", max(0, width-total))
}

// ShortHelp implements help.KeyMap for the editor's keys.
func (e *FilterEditor) ShortHelp() []key.Binding {
	return []key.Binding{e.km.Apply, e.km.Cancel, e.km.Add, e.km.Remove, e.km.Toggle, e.km.Next, e.km.Preset}
}

// FullHelp implements help.KeyMap for the editor's keys.
func (e *FilterEditor) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{e.km.Up, e.km.Down, e.km.Next, e.km.Prev},
		{e.km.Left, e.km.Right, e.km.Toggle},
		{e.km.Add, e.km.Remove, e.km.Preset},
		{e.km.Apply, e.km.Cancel},
	}
}
