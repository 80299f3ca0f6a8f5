package form

import (
	"fmt"
	"slices"
	"strconv"

	"charm.land/bubbles/v2/textinput"

	"linkdive/api"
)

// Columns of a filter row, in focus order.
const (
	colSign = iota
	colField
	colTarget
	colOp
	colValue
	numCols
)

// maxValueRunes bounds a typed value.
const maxValueRunes = 1000

// filterRow is one condition being edited.
type filterRow struct {
	exclude bool
	field   int    // index into Report.Filters; -1: a field the catalogue does not know
	raw     string // the field name as given, when field is -1
	target  int    // indexed fields: 0-based target index
	op      api.Op
	value   textinput.Model // typed value, or the picked allowed value
}

// FilterEditor edits a report's display_filter as rows of conditions.
type FilterEditor struct {
	rep     *api.Report
	targets []api.Target
	presets []Preset
	preset  int // last preset loaded; -1 none
	km      KeyMap
	st      Styles

	rows     []filterRow
	row, col int

	status    string
	statusErr bool
	result    Result
	applied   api.Filter
	initial   api.Filter

	cost     func(api.Filter) string
	costText string
}

// NewFilterEditor opens the editor for rep queried on targets, showing
// current as rows. presets may be nil.
func NewFilterEditor(rep *api.Report, targets []api.Target, current api.Filter, presets []Preset, km KeyMap, st Styles) *FilterEditor {
	e := &FilterEditor{rep: rep, targets: targets, presets: presets, preset: -1, km: km, st: st,
		initial: slices.Clone(current)}
	e.load(current)
	return e
}

// SetCost sets a callback that describes the cost of applying a filter
// ("apply: next page 4,000 units"). It is called after each change, with
// valid filters only.
func (e *FilterEditor) SetCost(f func(api.Filter) string) {
	e.cost = f
	e.refreshCost()
}

// Filter returns the filter the rows describe (nil when there are none).
// After Applied it is the applied, valid filter.
func (e *FilterEditor) Filter() api.Filter {
	if e.result == Applied {
		return e.applied
	}
	return e.build()
}

// Changed reports whether the rows differ from the filter the editor was
// opened with.
func (e *FilterEditor) Changed() bool { return e.build().String() != e.initial.String() }

// Result returns the editor's state.
func (e *FilterEditor) Result() Result { return e.result }

// Err returns the first validation error of the rows, or nil.
func (e *FilterEditor) Err() error {
	if len(e.rows) > api.MaxFilters {
		return fmt.Errorf("%d conditions; the API takes at most %d", len(e.rows), api.MaxFilters)
	}
	for i := range e.rows {
		if err := e.rowErr(i); err != nil {
			return fmt.Errorf("row %d: %w", i+1, err)
		}
	}
	return e.rep.ValidateFilter(e.build(), len(e.targets))
}

func (e *FilterEditor) load(f api.Filter) {
	e.rows = e.rows[:0]
	for _, c := range f {
		r := filterRow{exclude: c.Exclude, field: -1, raw: c.Field, op: c.Op, value: newValueInput()}
		if ff, idx, ok := e.rep.Filter(c.Field); ok {
			r.field = e.fieldIndex(ff.Name)
			r.raw = ""
			r.target = max(idx, 0)
		}
		r.value.SetValue(c.Value)
		e.rows = append(e.rows, r)
	}
	e.row, e.col = 0, colSign
	e.snapCol(1)
	e.refreshCost()
}

func (e *FilterEditor) fieldIndex(name string) int {
	for i, f := range e.rep.Filters {
		if f.Name == name {
			return i
		}
	}
	return -1
}

func newValueInput() textinput.Model {
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = maxValueRunes
	ti.SetVirtualCursor(false) // the editor draws its own cursor
	km := textinput.DefaultKeyMap()
	// Suggestions are off; paste arrives as tea.PasteMsg (bracketed paste),
	// never through a clipboard read from Update's command.
	km.Paste.Unbind()
	km.AcceptSuggestion.Unbind()
	km.NextSuggestion.Unbind()
	km.PrevSuggestion.Unbind()
	ti.KeyMap = km
	ti.Focus()
	return ti
}

// cond returns row i as a condition.
func (e *FilterEditor) cond(i int) api.Cond {
	r := &e.rows[i]
	name := r.raw
	if ff, ok := e.field(r); ok {
		name = ff.Name
		if ff.Indexed {
			name += "_" + strconv.Itoa(r.target)
		}
	}
	return api.Cond{Exclude: r.exclude, Field: name, Op: r.op, Value: r.value.Value()}
}

func (e *FilterEditor) build() api.Filter {
	if len(e.rows) == 0 {
		return nil
	}
	f := make(api.Filter, len(e.rows))
	for i := range e.rows {
		f[i] = e.cond(i)
	}
	return f
}

func (e *FilterEditor) field(r *filterRow) (api.FilterField, bool) {
	if r.field < 0 || r.field >= len(e.rep.Filters) {
		return api.FilterField{}, false
	}
	return e.rep.Filters[r.field], true
}

func (e *FilterEditor) rowErr(i int) error {
	return e.rep.ValidateCond(e.cond(i), len(e.targets))
}

// focusable reports whether column c of row i takes the focus: columns with
// nothing to choose are skipped.
func (e *FilterEditor) focusable(i, c int) bool {
	r := &e.rows[i]
	ff, known := e.field(r)
	switch c {
	case colSign, colValue:
		return true
	case colField:
		return !known || len(e.rep.Filters) > 1
	case colTarget:
		return known && ff.Indexed
	case colOp:
		return known && len(ff.Ops) > 1
	}
	return false
}

// snapCol moves the focus to a focusable column of the current row,
// searching in direction dir first.
func (e *FilterEditor) snapCol(dir int) {
	if len(e.rows) == 0 {
		e.row, e.col = 0, colSign
		return
	}
	e.row = max(0, min(e.row, len(e.rows)-1))
	for _, d := range []int{dir, -dir} {
		for c := e.col; c >= 0 && c < numCols; c += d {
			if e.focusable(e.row, c) {
				e.col = c
				return
			}
		}
	}
	e.col = colSign
}

// textFocus reports whether the focus is on a typed value.
func (e *FilterEditor) textFocus() bool {
	if len(e.rows) == 0 || e.col != colValue {
		return false
	}
	ff, known := e.field(&e.rows[e.row])
	return !known || len(ff.Values) == 0
}

func (e *FilterEditor) refreshCost() {
	e.costText = ""
	if e.cost != nil && e.Err() == nil {
		e.costText = e.cost(e.build())
	}
}
