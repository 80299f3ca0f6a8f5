package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
	"linkdive/api/export"
	"linkdive/api/spendlog"
)

// exportedMsg reports an export written by a command.
type exportedMsg struct {
	path string
	rows int
	err  error
}

// spendReadMsg carries the spend ledger file, read by a command.
type spendReadMsg struct {
	sum spendlog.Summary
	bad int
	err error
}

// openExport asks where to write the rows of v (loaded rows only: no
// request is made). The file name is editable; its extension picks the
// format (.csv, .tsv or .json).
func (m *Model) openExport(v *reportView) tea.Cmd {
	if v.loaded() == 0 {
		m.setStatus("nothing to export: no rows loaded", true)
		return nil
	}
	meta := export.MetaFor(v.base, m.opt.Endpoint)
	name := export.FileName(meta, export.CSV, m.opt.Now())
	m.exportOf = v
	m.exportIn.SetValue(filepath.Join(m.opt.ExportDir, name))
	m.exportIn.CursorEnd()
	m.mode = modeExport
	return m.exportIn.Focus()
}

func (m *Model) exportKey(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, m.keys.Cancel):
			m.mode, m.exportOf = modeNormal, nil
			m.exportIn.Blur()
			return nil
		case key.Matches(k, m.keys.Submit):
			v := m.exportOf
			path := strings.TrimSpace(m.exportIn.Value())
			f, err := export.ParseFormat(strings.TrimPrefix(filepath.Ext(path), "."))
			if err != nil || f == export.Text {
				m.setStatus("the file name must end in .csv, .tsv or .json", true)
				return nil
			}
			m.mode, m.exportOf = modeNormal, nil
			m.exportIn.Blur()
			meta := export.MetaFor(v.base, m.opt.Endpoint)
			return exportCmd(path, f, v.data, meta)
		}
	}
	var cmd tea.Cmd
	m.exportIn, cmd = m.exportIn.Update(msg)
	return cmd
}

// exportCmd writes the table (the view's loaded rows; the table is only
// read) in a command.
func exportCmd(path string, f export.Format, t *api.Table, meta export.Meta) tea.Cmd {
	return func() tea.Msg {
		dir, name := filepath.Split(path)
		if dir == "" {
			dir = "."
		}
		out, err := export.WriteFile(dir, name, f, t, meta)
		if err == nil {
			if abs, aerr := filepath.Abs(out); aerr == nil {
				out = abs
			}
		}
		return exportedMsg{path: out, rows: t.Len(), err: err}
	}
}

func (m *Model) exportBox(w int) string {
	v := m.exportOf
	if v == nil {
		return ""
	}
	lw := min(90, w-6)
	m.exportIn.SetWidth(max(lw-ansi.StringWidth(m.exportIn.Prompt)-1, 1))
	lines := []string{
		fmt.Sprintf("Export the %s loaded rows of %s (no request is made)", thousands(int64(v.loaded())), v.label),
		m.th.Muted.Render("the extension picks the format: .csv, .tsv or .json (with the request)"),
		"",
		m.exportIn.View(),
		"",
		m.hint(m.keys.Submit) + "   " + m.hint(m.keys.Cancel),
	}
	return m.box("Export", lines, lw+4)
}

// openSpend shows what was spent: this session from the ledger in memory,
// today and this month from the ledger file (read in a command).
func (m *Model) openSpend() tea.Cmd {
	m.mode = modeSpend
	m.spendSum, m.spendErr = nil, nil
	path := m.opt.SpendLog
	now := m.opt.Now()
	return func() tea.Msg {
		if path == "" {
			return spendReadMsg{err: fmt.Errorf("no spend ledger file configured")}
		}
		entries, bad, err := spendlog.Read(path)
		return spendReadMsg{sum: spendlog.Summarize(entries, now), bad: bad, err: err}
	}
}

// spendView renders the Spend screen.
func (m *Model) spendView(w, h int) string {
	label := m.opt.Endpoint
	session := spendlog.Sum(spendlog.FromSpends(m.opt.Client.Ledger().Spends(), label))
	lines := []string{m.th.Accent.Render(" Spend") + m.th.Muted.Render(fmt.Sprintf("  (%s units; %s closes)", label, m.keys.Back.Help().Key)), ""}
	room := max((h-14)/3, 3) // rows per list, so that the three periods fit
	lines = append(lines, m.tallyLines("This session", session, w, room)...)
	switch {
	case m.spendErr != nil:
		lines = append(lines, "", " "+m.th.Error.Render("ledger file: "+firstLine(m.spendErr.Error())))
	case m.spendSum == nil:
		lines = append(lines, "", " "+m.th.Muted.Render("reading the ledger file…"))
	default:
		e := m.spendSum.Endpoint(label)
		lines = append(lines, "")
		lines = append(lines, m.tallyLines("Today", e.Today, w, room)...)
		lines = append(lines, "")
		lines = append(lines, m.tallyLines("This month", e.Month, w, room)...)
	}
	if b, rem, ok := m.opt.Client.Budget(); ok {
		lines = append(lines, "", fmt.Sprintf(" Budget: %s of %s units left this session", thousands(rem), thousands(b)))
	}
	return fitLines(lines, w, h)
}

// tallyLines is a heading with the totals, then the reports and targets
// that cost most, side by side.
func (m *Model) tallyLines(title string, t spendlog.Tally, w, room int) []string {
	out := []string{fmt.Sprintf(" %s  %s  %s",
		m.th.Label.Render(padRight(title, 12)),
		m.th.Cost.Render(padLeft(thousands(t.Units), 12)+" units"),
		m.th.Muted.Render(fmt.Sprintf("%d requests, %s lines", t.Requests, thousands(int64(t.Lines)))))}
	if t.Uncertain > 0 {
		out = append(out, "   "+m.th.Warning.Render(fmt.Sprintf("includes %s units of cut-off responses, counted at their worst case", thousands(t.Uncertain))))
	}
	if t.Requests == 0 {
		return out
	}
	colW := max((w-6)/2, 20)
	row := func(r spendlog.Row) string {
		name := padRight(ansi.Truncate(r.Name, max(colW-16, 1), "…"), colW-16)
		return name + padLeft(thousands(r.Units), 14)
	}
	n := max(len(t.ByReport), len(t.ByTarget))
	shown := min(n, max(room, 1))
	if shown < n {
		shown = max(shown-1, 1) // room for the "more" line
	}
	out = append(out, "   "+m.th.Muted.Render(padRight("by report", colW)+"  by target"))
	for i := 0; i < shown; i++ {
		l, r := "", ""
		if i < len(t.ByReport) {
			l = row(t.ByReport[i])
		}
		if i < len(t.ByTarget) {
			r = row(t.ByTarget[i])
		}
		out = append(out, "   "+padRight(l, colW)+"  "+r)
	}
	if more := func(rows []spendlog.Row) string {
		if len(rows) <= shown {
			return ""
		}
		var u int64
		for _, r := range rows[shown:] {
			u += r.Units
		}
		return fmt.Sprintf("… %d more: %s units", len(rows)-shown, thousands(u))
	}; shown < n {
		out = append(out, "   "+m.th.Muted.Render(padRight(more(t.ByReport), colW)+"  "+more(t.ByTarget)))
	}
	return out
}
