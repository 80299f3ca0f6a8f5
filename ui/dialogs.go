package ui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
)

// errorText is the one-line message of a failed request: the API's code
// and message with a hint, or the transport failure. Errors reaching the UI
// are already redacted.
func (m *Model) errorText(err error) string {
	var ae *api.APIError
	msg := firstLine(err.Error())
	if errors.As(err, &ae) {
		if h := ae.Hint(); h != "" {
			msg += " (" + h + ")"
		}
	}
	return msg
}

// showError puts a failed request in the status line; whatever was loaded
// stays.
func (m *Model) showError(q api.Request, err error) {
	m.setStatus(q.Report.Title+": "+m.errorText(err)+"; loaded rows are kept; r retries", true)
}

// box frames lines with a rounded border and a title.
func (m *Model) box(title string, lines []string, w int) string {
	inner := 0
	for _, l := range lines {
		inner = max(inner, ansi.StringWidth(l))
	}
	inner = min(max(inner, ansi.StringWidth(title)+2), max(w-4, 1))
	for i, l := range lines {
		lines[i] = padRight(ansi.Truncate(l, inner, "…"), inner)
	}
	st := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1)
	if !m.th.NoColor {
		st = st.BorderForeground(m.th.Color.Accent)
	}
	out := st.Render(strings.Join(lines, "\n"))
	if title != "" {
		ol := strings.Split(out, "\n")
		t := " " + title + " "
		if tw := ansi.StringWidth(t); tw+3 < ansi.StringWidth(ol[0]) {
			ol[0] = ansi.Cut(ol[0], 0, 2) + m.th.Accent.Render(t) + ansi.Cut(ol[0], 2+tw, ansi.StringWidth(ol[0]))
		}
		out = strings.Join(ol, "\n")
	}
	return out
}

func (m *Model) confirmBox(w int) string {
	if m.ask == nil && !m.quitY {
		return ""
	}
	text := "Quit linkdive?"
	if m.ask != nil {
		text = m.ask.text
	}
	lines := wrapWords(text, min(60, w-6))
	if m.ask != nil && m.ask.cost > 0 {
		if bal, ok := m.opt.Client.Ledger().Balance(); ok {
			lines = append(lines, m.th.Muted.Render(fmt.Sprintf("balance %s units", thousands(bal))))
		}
	}
	lines = append(lines, "", m.hint(m.keys.Yes)+"   "+m.hint(m.keys.No))
	return m.box("Spend units?", lines, w)
}

func (m *Model) hint(b key.Binding) string {
	h := b.Help()
	return m.th.KeyHint.Render(h.Key) + " " + m.th.KeyDesc.Render(h.Desc)
}

func (m *Model) promptBox(w, h int) string {
	lw := min(70, w-6)
	m.prompt.SetWidth(max(lw-ansi.StringWidth(m.prompt.Prompt)-1, 1))
	lines := []string{
		"Which site's backlink profile?",
		m.th.Muted.Render("a root domain (example.com), a host (www.example.com) or a URL"),
		"",
		m.prompt.View(),
	}
	if m.status != "" && m.statusErr {
		lines = append(lines, m.th.Error.Render(m.status))
	}
	if len(m.history) > 0 {
		lines = append(lines, "", m.th.Muted.Render(fmt.Sprintf("recent (%s/%s):", m.keys.Form.Up.Help().Key, m.keys.Form.Down.Help().Key)))
		for i, t := range m.history {
			if i >= max(h-14, 1) {
				break
			}
			mark := "  "
			if i == m.histSel {
				mark = m.th.Accent.Render("› ")
			}
			lines = append(lines, mark+t)
		}
	}
	lines = append(lines, "", m.hint(m.keys.Submit)+"   "+m.hint(m.keys.Cancel))
	return m.box("Target", lines, lw+4)
}

// helpView is the help screen, generated from the key map.
func (m *Model) helpView(w, h int) string {
	m.help.SetWidth(w - 2)
	lines := []string{m.th.Accent.Render(" Keys") + m.th.Muted.Render("   (any key closes this help)"), ""}
	groups := m.keys.FullHelp()
	// Two groups side by side per block, so that every key shows at 80
	// columns and up.
	for i := 0; i < len(groups); i += 2 {
		for _, l := range strings.Split(m.help.FullHelpView(groups[i:min(i+2, len(groups))]), "\n") {
			lines = append(lines, " "+l)
		}
		lines = append(lines, "")
	}
	lines = append(lines, "", m.th.Accent.Render(" In the filter editor, sort picker and column chooser"), "")
	for _, l := range strings.Split(m.help.FullHelpView(m.keys.Form.FullHelp()), "\n") {
		lines = append(lines, " "+l)
	}
	lines = append(lines, "",
		m.th.Muted.Render(" Every report line costs API units (most reports: 40 per line). Pages load as you scroll;"),
		m.th.Muted.Render(fmt.Sprintf(" requests over %s units ask first. / searches loaded rows for free.", thousands(m.opt.ConfirmAbove))))
	return fitLines(lines, w, h)
}

// summaries are sparklines of the reports loaded this session, for the
// overview: nothing is fetched for them.
func (m *Model) summaries() []summaryLine {
	if m.sess == nil {
		return nil
	}
	var out []summaryLine
	for _, tb := range m.sess.tabs {
		if len(tb.stack) == 0 {
			continue
		}
		v := tb.stack[0]
		if v.loaded() < 2 {
			continue
		}
		switch v.rep.Type {
		case "backlinks_historical":
			for _, code := range []string{"backlinks_num", "domains_num"} {
				c := v.data.Index(code)
				if c < 0 {
					continue
				}
				vals := make([]float64, v.loaded())
				for r := range vals { // newest first: reverse for the picture
					vals[len(vals)-1-r] = v.data.Float(r, c)
				}
				out = append(out, summaryLine{label: v.data.Columns[c].Title, values: vals,
					note: fmt.Sprintf("%d weeks", len(vals))})
			}
		case "backlinks_tld", "backlinks_geo", "backlinks_categories_profile":
			c := v.data.Index("domains_num")
			if c < 0 {
				c = v.data.Index("rating")
			}
			if c < 0 {
				continue
			}
			vals := make([]float64, v.loaded())
			for r := range vals {
				vals[r] = v.data.Float(r, c)
			}
			out = append(out, summaryLine{label: tb.spec.label, values: vals,
				note: fmt.Sprintf("top: %s", v.data.Text(0, 0))})
		}
	}
	return out
}
