package form

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"linkdive/api"
)

// Update handles a message and reports whether the editor is still open.
func (e *FilterEditor) Update(msg tea.Msg) (Result, tea.Cmd) {
	if e.result != Pending {
		return e.result, nil
	}
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.PasteMsg:
		if e.textFocus() {
			cmd = e.updateInput(msg)
		}
	case tea.KeyPressMsg:
		cmd = e.key(msg)
	}
	e.refreshCost()
	return e.result, cmd
}

func (e *FilterEditor) updateInput(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	e.rows[e.row].value, cmd = e.rows[e.row].value.Update(msg)
	return cmd
}

func (e *FilterEditor) key(msg tea.KeyPressMsg) tea.Cmd {
	e.status, e.statusErr = "", false
	km := &e.km
	if e.textFocus() {
		// A typed value takes every printing key and its own editing keys
		// (left/right, delete...); only form keys that type nothing act.
		if msg.Text != "" || !key.Matches(msg, km.Cancel, km.Apply, km.Up, km.Down, km.Next, km.Prev, km.Add, km.Preset) {
			return e.updateInput(msg)
		}
	}
	switch {
	case key.Matches(msg, km.Cancel):
		e.result = Cancelled
	case key.Matches(msg, km.Apply):
		e.apply()
	case key.Matches(msg, km.Up):
		if e.row > 0 {
			e.row--
			e.snapCol(-1)
		}
	case key.Matches(msg, km.Down):
		if e.row < len(e.rows)-1 {
			e.row++
			e.snapCol(-1)
		}
	case key.Matches(msg, km.Next):
		e.step(1)
	case key.Matches(msg, km.Prev):
		e.step(-1)
	case key.Matches(msg, km.Add):
		e.add()
	case key.Matches(msg, km.Remove):
		e.remove()
	case key.Matches(msg, km.Preset):
		e.nextPreset()
	case key.Matches(msg, km.Toggle):
		if len(e.rows) > 0 {
			e.rows[e.row].exclude = !e.rows[e.row].exclude
		}
	case key.Matches(msg, km.Left):
		e.cycle(-1)
	case key.Matches(msg, km.Right):
		e.cycle(1)
	}
	return nil
}

// step moves the focus to the next (dir 1) or previous (-1) focusable field,
// across rows, wrapping around.
func (e *FilterEditor) step(dir int) {
	if len(e.rows) == 0 {
		return
	}
	total := len(e.rows) * numCols
	pos := e.row*numCols + e.col
	for range total {
		pos = (pos + dir + total) % total
		if r, c := pos/numCols, pos%numCols; e.focusable(r, c) {
			e.row, e.col = r, c
			return
		}
	}
}

func (e *FilterEditor) add() {
	if len(e.rep.Filters) == 0 {
		e.fail(fmt.Sprintf("%s takes no filter", e.rep.Title))
		return
	}
	if len(e.rows) >= api.MaxFilters {
		e.fail(fmt.Sprintf("the API takes at most %d conditions", api.MaxFilters))
		return
	}
	r := filterRow{value: newValueInput()}
	e.setField(&r, 0)
	at := min(e.row+1, len(e.rows))
	e.rows = slices.Insert(e.rows, at, r)
	e.row, e.col = at, colField
	e.snapCol(1)
}

func (e *FilterEditor) remove() {
	if len(e.rows) == 0 {
		return
	}
	e.rows = slices.Delete(e.rows, e.row, e.row+1)
	if e.row >= len(e.rows) {
		e.row = max(0, len(e.rows)-1)
	}
	e.snapCol(-1)
}

func (e *FilterEditor) nextPreset() {
	if len(e.presets) == 0 {
		e.fail("no presets for this report")
		return
	}
	e.preset = (e.preset + 1) % len(e.presets)
	p := e.presets[e.preset]
	e.load(p.Filter)
	e.status = fmt.Sprintf("preset %d/%d: %s", e.preset+1, len(e.presets), safe(p.Name))
}

func (e *FilterEditor) fail(s string) { e.status, e.statusErr = s, true }

// setField switches row r to field i, keeping the operation and the value
// when the new field takes them.
func (e *FilterEditor) setField(r *filterRow, i int) {
	old, hadOld := e.field(r)
	r.field, r.raw = i, ""
	ff := e.rep.Filters[i]
	if len(ff.Ops) > 0 && !slices.Contains(ff.Ops, r.op) {
		r.op = ff.Ops[0]
	}
	switch {
	case len(ff.Values) > 0:
		if !slices.Contains(ff.Values, r.value.Value()) {
			r.value.SetValue(ff.Values[0])
		}
	case hadOld && len(old.Values) > 0:
		r.value.SetValue("") // a picked value means nothing to a typed field
	}
	if ff.Indexed {
		r.target = max(0, min(r.target, len(e.targets)-1))
	}
}

// cycle moves the focused field's choice by dir.
func (e *FilterEditor) cycle(dir int) {
	if len(e.rows) == 0 {
		return
	}
	r := &e.rows[e.row]
	ff, known := e.field(r)
	switch e.col {
	case colSign:
		r.exclude = !r.exclude
	case colField:
		if n := len(e.rep.Filters); n > 0 {
			i := r.field
			if i < 0 {
				i = 0
			} else {
				i = (i + dir + n) % n
			}
			e.setField(r, i)
		}
	case colTarget:
		if n := len(e.targets); known && ff.Indexed && n > 0 {
			r.target = (max(0, min(r.target, n-1)) + dir + n) % n
		}
	case colOp:
		if known && len(ff.Ops) > 0 {
			r.op = ff.Ops[(slices.Index(ff.Ops, r.op)+dir+len(ff.Ops))%len(ff.Ops)]
		}
	case colValue:
		if known && len(ff.Values) > 0 {
			n := len(ff.Values)
			i := slices.Index(ff.Values, r.value.Value())
			if i < 0 && dir < 0 {
				i = 0
			}
			r.value.SetValue(ff.Values[(i+dir+n)%n])
		}
	}
}

func (e *FilterEditor) apply() {
	if err := e.Err(); err != nil {
		for i := range e.rows {
			if e.rowErr(i) != nil {
				e.row = i
				e.snapCol(1)
				break
			}
		}
		e.fail("cannot apply: " + safe(err.Error()))
		return
	}
	e.applied = e.build()
	e.result = Applied
}
