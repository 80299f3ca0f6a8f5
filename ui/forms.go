package ui

import (
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"linkdive/api"
	"linkdive/ui/form"
)

// formComponent is what the three forms have in common.
type formComponent interface {
	Update(tea.Msg) (form.Result, tea.Cmd)
	View(width, height int) string
}

// formState is the open form and the view it changes.
type formState struct {
	comp  formComponent
	owner *reportView
	apply func(m *Model, v *reportView) tea.Cmd
	title string
}

func (f *formState) update(m *Model, msg tea.Msg) tea.Cmd {
	if f.comp == nil {
		m.mode = modeNormal
		return nil
	}
	res, cmd := f.comp.Update(msg)
	switch res {
	case form.Applied:
		m.mode = modeNormal
		c := f.apply(m, f.owner)
		*f = formState{}
		return tea.Batch(cmd, c)
	case form.Cancelled:
		m.mode = modeNormal
		*f = formState{}
		m.setStatus("unchanged: nothing spent", false)
	}
	return cmd
}

func (f *formState) render(m *Model, w, h int) string {
	if f.comp == nil {
		return ""
	}
	fw, fh := min(w-4, 100), min(h-2, 22)
	if fw < 10 || fh < 3 {
		return ""
	}
	return m.box(f.title, splitLines(f.comp.View(fw, fh)), w)
}

func (m *Model) formStyles() form.Styles { return form.StylesFromTheme(m.th) }

// refetchCost describes what applying a change costs: the first page again.
func (m *Model) refetchCost(q api.Request) string {
	if q.Report.Paged {
		q.Offset, q.Count = 0, m.opt.PageSize
	}
	return fmt.Sprintf("apply: new request, %s for up to %s units", pageWords(q), thousands(q.EstimateCost()))
}

func (m *Model) openForm(v *reportView, title string, c formComponent, apply func(*Model, *reportView) tea.Cmd) tea.Cmd {
	m.form = formState{comp: c, owner: v, apply: apply, title: title}
	m.mode = modeForm
	return nil
}

// restart starts the view over with a changed request: a new generation,
// rows dropped, the first page asked for (through the spend gate).
func (m *Model) restart(v *reportView, q api.Request) tea.Cmd {
	if err := validateBase(q); err != nil {
		m.setStatus(err.Error(), true)
		return nil
	}
	v.reset(q)
	m.layout()
	return m.pump(v)
}

// validateBase validates a view's request before any page is chosen: as
// its first page would be sent.
func validateBase(q api.Request) error {
	if q.Report.Paged {
		q.Offset, q.Count = 0, 1
	}
	return q.Validate()
}

func (m *Model) openSort(v *reportView) tea.Cmd {
	if len(v.rep.Sorts) == 0 {
		m.setStatus(v.rep.Title+" cannot be sorted on the server; / searches the loaded rows", true)
		return nil
	}
	p := form.NewSortPicker(v.rep, v.base.Targets, v.base.Sort, m.keys.Form, m.formStyles())
	p.SetCost(func(s api.Sort) string {
		q := v.base
		q.Sort = s
		return m.refetchCost(q)
	})
	return m.openForm(v, "Sort "+v.rep.Title, p, func(m *Model, v *reportView) tea.Cmd {
		s := p.Sort()
		if s == v.base.Sort {
			m.setStatus("same sort: nothing spent", false)
			return nil
		}
		q := v.base
		q.Sort = s
		return m.restart(v, q)
	})
}

func (m *Model) openFilter(v *reportView) tea.Cmd {
	if len(v.rep.Filters) == 0 {
		m.setStatus(v.rep.Title+" takes no server-side filter; / searches the loaded rows", true)
		return nil
	}
	e := form.NewFilterEditor(v.rep, v.base.Targets, v.base.Filter, m.presets(v), m.keys.Form, m.formStyles())
	e.SetCost(func(f api.Filter) string {
		q := v.base
		q.Filter = f
		return m.refetchCost(q)
	})
	return m.openForm(v, "Filter "+v.rep.Title, e, func(m *Model, v *reportView) tea.Cmd {
		f := e.Filter()
		if f.String() == v.base.Filter.String() {
			m.setStatus("same filter: nothing spent", false)
			return nil
		}
		q := v.base
		q.Filter = f
		return m.restart(v, q)
	})
}

func (m *Model) openColumns(v *reportView) tea.Cmd {
	if v.rep.NoExportColumns {
		m.setStatus(v.rep.Title+" has fixed columns", true)
		return nil
	}
	c := form.NewColumnChooser(v.rep, v.base.Columns, m.keys.Form, m.formStyles())
	return m.openForm(v, "Columns of "+v.rep.Title+" · "+m.refetchCost(v.base), c, func(m *Model, v *reportView) tea.Cmd {
		cols := c.Columns()
		if slices.Equal(cols, v.base.ColumnsOrDefault()) {
			m.setStatus("same columns: nothing spent", false)
			return nil
		}
		q := v.base
		q.Columns = cols
		return m.restart(v, q)
	})
}

// presets are the filters offered in the editor: the link-gap questions on
// the matrix.
func (m *Model) presets(v *reportView) []form.Preset {
	if v.rep.Type == "backlinks_matrix" {
		return linkGapPresets(v.base.Targets)
	}
	return nil
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
