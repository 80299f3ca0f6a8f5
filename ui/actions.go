package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"linkdive/api"
	"linkdive/ui/clip"
)

// linkColumn picks the column that names the row: the first URL column,
// else the first domain, else the first IP, else the first column.
func linkColumn(t *api.Table) int {
	for _, k := range []api.Kind{api.KindURL, api.KindDomain, api.KindIP} {
		for i, c := range t.Columns {
			if c.Kind == k {
				return i
			}
		}
	}
	if len(t.Columns) > 0 {
		return 0
	}
	return -1
}

// copyValue copies the URL or domain of the row under the cursor.
func (m *Model) copyValue(v *reportView) tea.Cmd {
	r := v.cursorRow()
	if r < 0 {
		m.setStatus("nothing to copy: no row", true)
		return nil
	}
	c := linkColumn(v.data)
	if c < 0 {
		return nil
	}
	what := strings.ToLower(v.data.Columns[c].Title)
	return m.opt.Clip.Copy(v.data.Text(r, c), what)
}

// copyRow copies the whole row as tab-separated text.
func (m *Model) copyRow(v *reportView) tea.Cmd {
	r := v.cursorRow()
	if r < 0 {
		m.setStatus("nothing to copy: no row", true)
		return nil
	}
	return m.opt.Clip.Copy(strings.Join(v.data.Row(r), "\t"), "row")
}

// openURL opens the row's URL (or https:// + its domain) in the browser
// when running locally.
func (m *Model) openURL(v *reportView) tea.Cmd {
	r := v.cursorRow()
	if r < 0 {
		return nil
	}
	c := linkColumn(v.data)
	if c < 0 {
		return nil
	}
	u := v.data.Text(r, c)
	switch v.data.Columns[c].Kind {
	case api.KindDomain:
		u = "https://" + u
	case api.KindURL:
	default:
		m.setStatus("this row has no URL to open", true)
		return nil
	}
	return clip.OpenURL(m.opt.Clip.Env, u)
}
