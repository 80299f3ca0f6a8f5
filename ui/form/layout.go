package form

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
)

const ellipsis = "…"

// fit makes s exactly width cells: truncated with an ellipsis, or padded.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	w := ansi.StringWidth(s)
	if w > width {
		s = ansi.Truncate(s, width, ellipsis)
		w = ansi.StringWidth(s)
	}
	if w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}

// clip truncates s to at most width cells without padding.
func clip(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, ellipsis)
}

// foot is a line under a form's body with a priority: when the height is
// short, the lowest priorities go first.
type foot struct {
	text string
	prio int
}

// Footer priorities, highest kept longest.
const (
	prioHelp = iota
	prioHint
	prioInfo
	prioCost
	prioValue
	prioStatus
)

// compose lays a form out in exactly height lines of exactly width cells:
// top lines (title, headers), a body scrolled so that lines focusFrom..
// focusTo are visible, and footer lines at the bottom. When height is short,
// footer lines are dropped by priority, then top lines from the last, and
// the body keeps at least one line while it has any.
func compose(width, height int, top, body []string, focusFrom, focusTo int, bottom []foot) string {
	if height <= 0 {
		return ""
	}
	top = append([]string(nil), top...)
	bottom = append([]foot(nil), bottom...)
	minBody := min(len(body), 1)
	for len(top)+len(bottom)+minBody > height && len(bottom) > 0 {
		low := 0
		for i, f := range bottom {
			if f.prio < bottom[low].prio {
				low = i
			}
		}
		bottom = append(bottom[:low], bottom[low+1:]...)
	}
	for len(top)+len(bottom)+minBody > height && len(top) > 0 {
		top = top[:len(top)-1]
	}
	bodyH := height - len(top) - len(bottom)
	off := 0
	if focusTo >= 0 {
		focusTo = min(focusTo, len(body)-1)
		focusFrom = max(0, min(focusFrom, focusTo))
		if focusTo-off >= bodyH {
			off = focusTo - bodyH + 1
		}
		if focusFrom < off {
			off = focusFrom
		}
	}
	lines := make([]string, 0, height)
	lines = append(lines, top...)
	for i := off; i < len(body) && i-off < bodyH; i++ {
		lines = append(lines, body[i])
	}
	for len(lines) < height-len(bottom) {
		lines = append(lines, "")
	}
	for _, f := range bottom {
		lines = append(lines, f.text)
	}
	for i := range lines {
		lines[i] = fit(lines[i], width)
	}
	return strings.Join(lines, "\n")
}

// wrapped hard-wraps s to width and returns at most maxLines lines, the last
// ending in an ellipsis when text was cut.
func wrapped(s string, width, maxLines int) []string {
	if width <= 0 || maxLines <= 0 {
		return []string{""}
	}
	lines := strings.Split(ansi.Hardwrap(s, width, true), "\n")
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		last := lines[maxLines-1]
		lines[maxLines-1] = ansi.Truncate(last, max(0, width-1), "") + ellipsis
	}
	return lines
}

// helpLine renders "key desc · key desc" for the enabled bindings that
// have help text.
func helpLine(st Styles, bindings ...key.Binding) string {
	var parts []string
	for _, b := range bindings {
		h := b.Help()
		if !b.Enabled() || h.Key == "" {
			continue
		}
		parts = append(parts, st.KeyHint.Render(h.Key)+" "+st.KeyDesc.Render(h.Desc))
	}
	return strings.Join(parts, st.KeyDesc.Render(" · "))
}

// keyName is the help name of a binding ("" if it has none), for hints
// such as "press a to add a row".
func keyName(b key.Binding) string {
	if !b.Enabled() {
		return ""
	}
	if h := b.Help().Key; h != "" {
		return h
	}
	return b.Keys()[0]
}

// safe makes text that came from a user or the API terminal-safe.
func safe(s string) string { return api.SanitizeText(s) }
