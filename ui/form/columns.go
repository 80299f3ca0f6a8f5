package form

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
)

type colItem struct {
	col api.Column
	on  bool
}

// ColumnChooser picks and orders a report's export_columns.
type ColumnChooser struct {
	rep       *api.Report
	km        KeyMap
	st        Styles
	items     []colItem
	cur       int
	result    Result
	status    string
	statusErr bool
}

// NewColumnChooser lists every column of rep with the ones in current
// checked (nil: the report's defaults). Unknown or repeated codes in
// current are dropped.
func NewColumnChooser(rep *api.Report, current []string, km KeyMap, st Styles) *ColumnChooser {
	c := &ColumnChooser{rep: rep, km: km, st: st}
	c.set(current)
	return c
}

// set arranges the items: unchecked columns keep their catalogue slots,
// checked ones fill the checked slots in the chosen order.
func (c *ColumnChooser) set(current []string) {
	var chosen []string
	for _, code := range current {
		if _, ok := c.rep.Column(code); ok && !slices.Contains(chosen, code) {
			chosen = append(chosen, code)
		}
	}
	if len(chosen) == 0 {
		chosen = c.rep.DefaultColumns()
	}
	c.items = c.items[:0]
	next := 0
	for _, col := range c.rep.Columns {
		if !slices.Contains(chosen, col.Code) {
			c.items = append(c.items, colItem{col: col})
			continue
		}
		code := chosen[next]
		next++
		picked, _ := c.rep.Column(code)
		c.items = append(c.items, colItem{col: picked, on: true})
	}
}

// Columns returns the checked codes in the chosen order.
func (c *ColumnChooser) Columns() []string {
	var out []string
	for _, it := range c.items {
		if it.on {
			out = append(out, it.col.Code)
		}
	}
	return out
}

// Result returns the chooser's state.
func (c *ColumnChooser) Result() Result { return c.result }

// Update handles a message and reports whether the chooser is still open.
func (c *ColumnChooser) Update(msg tea.Msg) (Result, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || c.result != Pending {
		return c.result, nil
	}
	c.status, c.statusErr = "", false
	km := &c.km
	if c.rep.NoExportColumns {
		if key.Matches(k, km.Cancel, km.Apply) {
			c.result = Cancelled // nothing to choose
		}
		return c.result, nil
	}
	switch {
	case key.Matches(k, km.Cancel):
		c.result = Cancelled
	case key.Matches(k, km.Apply):
		if len(c.Columns()) == 0 {
			c.fail("at least one column must stay selected")
			break
		}
		c.result = Applied
	case key.Matches(k, km.Up):
		c.cur = max(0, c.cur-1)
	case key.Matches(k, km.Down):
		c.cur = max(0, min(len(c.items)-1, c.cur+1))
	case key.Matches(k, km.Toggle):
		c.toggle()
	case key.Matches(k, km.MoveUp):
		c.move(-1)
	case key.Matches(k, km.MoveDown):
		c.move(1)
	case key.Matches(k, km.Reset):
		c.set(nil)
		c.status = "back to the report's default columns"
	}
	return c.result, nil
}

func (c *ColumnChooser) fail(s string) { c.status, c.statusErr = s, true }

func (c *ColumnChooser) toggle() {
	if len(c.items) == 0 {
		return
	}
	it := &c.items[c.cur]
	if it.on && len(c.Columns()) == 1 {
		c.fail("at least one column must stay selected")
		return
	}
	it.on = !it.on
}

func (c *ColumnChooser) move(dir int) {
	to := c.cur + dir
	if len(c.items) == 0 || to < 0 || to >= len(c.items) {
		return
	}
	c.items[c.cur], c.items[to] = c.items[to], c.items[c.cur]
	c.cur = to
}

// View renders the chooser in exactly height lines of at most width cells.
func (c *ColumnChooser) View(width, height int) string {
	title := c.st.Title.Render("Columns · " + safe(c.rep.Title))
	if c.rep.NoExportColumns {
		return compose(width, height, []string{title},
			[]string{c.st.Muted.Render("this report has fixed columns")}, 0, 0,
			[]foot{{helpLine(c.st, c.km.Cancel), prioHelp}})
	}
	chosen := c.Columns()
	title += c.st.Muted.Render(fmt.Sprintf("  %d of %d shown", len(chosen), len(c.items)))
	titleW, codeW := 5, 4
	for _, it := range c.items {
		titleW = max(titleW, ansi.StringWidth(it.col.Title))
		codeW = max(codeW, ansi.StringWidth(it.col.Code))
	}
	titleW, codeW = min(titleW, 24), min(codeW, 24)
	body := make([]string, len(c.items))
	for i, it := range c.items {
		box := "[ ]"
		if it.on {
			box = "[x]"
		}
		gutter := "  "
		cell := " " + box + " " + fit(it.col.Title, titleW) + " "
		if i == c.cur {
			gutter = c.st.Accent.Render(fit(c.st.marker(), 1)) + " "
			cell = c.st.Selected.Render(cell)
		}
		body[i] = gutter + cell + " " + c.st.Muted.Render(fit(it.col.Code, codeW)+"  "+it.col.Desc)
	}
	var feet []foot
	for _, l := range wrapped("export_columns "+strings.Join(chosen, ","), width, 2) {
		feet = append(feet, foot{l, prioValue})
	}
	if c.status != "" {
		st := c.st.Accent
		if c.statusErr {
			st = c.st.Error
		}
		feet = append(feet, foot{st.Render(c.status), prioStatus})
	}
	feet = append(feet, foot{helpLine(c.st, c.km.Apply, c.km.Cancel, c.km.Toggle, c.km.MoveUp, c.km.MoveDown, c.km.Reset), prioHelp})
	return compose(width, height, []string{title}, body, c.cur, c.cur, feet)
}

// ShortHelp implements help.KeyMap for the chooser's keys.
func (c *ColumnChooser) ShortHelp() []key.Binding {
	return []key.Binding{c.km.Apply, c.km.Cancel, c.km.Toggle, c.km.MoveUp, c.km.MoveDown, c.km.Reset}
}

// FullHelp implements help.KeyMap for the chooser's keys.
func (c *ColumnChooser) FullHelp() [][]key.Binding {
	return [][]key.Binding{{c.km.Up, c.km.Down}, {c.km.Toggle, c.km.MoveUp, c.km.MoveDown, c.km.Reset}, {c.km.Apply, c.km.Cancel}}
}
