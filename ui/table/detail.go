package table

import (
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
	"linkdive/ui/theme"
)

// The detail pane shows every field of one row in full, one per line as
// "Title: value", values wrapped at the pane width by display cells (URLs
// broken anywhere, text at spaces where it can be), the column's meaning
// under each value, and the row's issue at the top when it is flagged.
//
// Scrolling: Detail and DetailWith return one window of height lines
// starting at DetailOptions.Offset (clamped so the last window is full);
// DetailLines returns every line of the detail pane of the row under the
// cursor; len() of it is how far the pane scrolls (minus its height).
func (m *Model) DetailLines(width int, opt DetailOptions) []string {
	opt.WcWidth = m.method == ansi.WcWidth
	return DetailLines(m.t, m.cursor, width, m.th, opt)
}

// DetailLines returns every line, for a bubbles viewport or to know how
// far the pane scrolls (len(lines) - height).

// DetailOptions tune the detail pane.
type DetailOptions struct {
	Offset         int  // first line shown (scrolling)
	NoDescriptions bool // leave out each column's meaning
	// WcWidth measures cells like ansi.WcWidth instead of
	// ansi.GraphemeWidth (see Model.SetWidthMethod).
	WcWidth bool
}

// Detail renders row of t in exactly height lines of exactly width cells,
// from the top, with descriptions.
func Detail(t *api.Table, row int, width, height int, th *theme.Theme) string {
	return DetailWith(t, row, width, height, th, DetailOptions{})
}

// DetailWith is Detail with options (scroll offset, descriptions).
func DetailWith(t *api.Table, row int, width, height int, th *theme.Theme, opt DetailOptions) string {
	if height <= 0 {
		return ""
	}
	lines := DetailLines(t, row, width, th, opt)
	off := min(max(opt.Offset, 0), max(len(lines)-height, 0))
	lines = lines[off:]
	if len(lines) > height {
		lines = lines[:height]
	}
	blank := spaces(max(width, 0))
	for len(lines) < height {
		lines = append(lines, blank)
	}
	return strings.Join(lines, "\n")
}

// Detail renders the row under the cursor with the table's theme and width
// method.
func (m *Model) Detail(width, height int, opt DetailOptions) string {
	opt.WcWidth = m.method == ansi.WcWidth
	return DetailWith(m.t, m.cursor, width, height, m.th, opt)
}

// DetailLines returns every line of the detail pane of row, each exactly
// width cells (opt.Offset is ignored).
func DetailLines(t *api.Table, row int, width int, th *theme.Theme, opt DetailOptions) []string {
	if width <= 0 {
		return nil
	}
	if th == nil {
		th = theme.Plain()
	}
	d := detailer{m: ansi.GraphemeWidth, w: width, th: th, sty: newStyles(th)}
	if opt.WcWidth {
		d.m = ansi.WcWidth
	}
	if t == nil || row < 0 || row >= t.Len() {
		d.addIndented(0, d.wrapWords("No row selected", width), d.sty.muted)
		return d.lines
	}
	if is, ok := t.Issue(row); ok {
		what := "Repaired"
		if !is.Repaired {
			what = "Not read exactly"
		}
		msg := th.Glyphs.Flag + " " + what + ": " + api.SanitizeText(is.Msg)
		d.addIndented(0, d.wrapWords(msg, width), sgr(th.Warning))
		d.lines = append(d.lines, spaces(width))
	}
	labelW := 0
	for _, c := range t.Columns {
		labelW = max(labelW, strWidth(d.m, api.SanitizeText(c.Title))+2)
	}
	labelW = min(labelW, width/3)
	valW := width - labelW
	stacked := valW < 12 // too narrow: label on its own line
	if stacked {
		labelW = min(2, width-1)
		valW = width - labelW
	}
	label := sgr(th.Label)
	for c, col := range t.Columns {
		title := api.SanitizeText(col.Title) + ":"
		v, empty := detailValue(t, row, c)
		var vl []string
		switch {
		case empty:
			vl = []string{v}
		case col.Kind == api.KindURL || col.Kind == api.KindDomain || col.Kind == api.KindIP:
			vl = d.wrapAnywhere(v, valW)
		default:
			vl = d.wrapWords(v, valW)
		}
		vst := ""
		if empty {
			vst = d.sty.muted
		}
		if stacked {
			d.addIndented(0, d.wrapAnywhere(title, width), label)
			d.addIndented(labelW, vl, vst)
		} else {
			lt, tw := truncRight(d.m, title, labelW-1, th.Glyphs.Ellipsis)
			first := d.styled(label, lt) + spaces(labelW-tw)
			d.addAfter(first, labelW, vl, vst)
		}
		if !opt.NoDescriptions && col.Desc != "" {
			d.addIndented(labelW, d.wrapWords(api.SanitizeText(col.Desc), valW), d.sty.muted)
		}
	}
	return d.lines
}

// detailValue is a value in full: numbers grouped, times with the time of
// day, booleans as yes/no, URLs whole with their scheme, country codes with
// their name. empty is set when there is no value.
func detailValue(t *api.Table, row, col int) (string, bool) {
	s := t.Text(row, col)
	if s == "" {
		return "(empty)", true
	}
	switch t.Columns[col].Kind {
	case api.KindInt:
		return groupDigits(s), false
	case api.KindFloat:
		return groupFloat(s), false
	case api.KindTime:
		if _, ok := digitsLen(s); ok {
			v := t.Int(row, col)
			if v == 0 {
				return "(none)", true
			}
			return time.Unix(v, 0).UTC().Format("2006-01-02 15:04:05 UTC"), false
		}
	case api.KindBool:
		switch s {
		case "true", "1", "True", "TRUE":
			return "yes", false
		case "false", "0", "False", "FALSE":
			return "no", false
		}
	case api.KindCountryCode:
		if name, ok := api.CountryName(strings.ToLower(s)); ok {
			return s + " (" + name + ")", false
		}
	}
	return s, false
}

type detailer struct {
	m     ansi.Method
	w     int
	th    *theme.Theme
	sty   styles
	lines []string
}

func (d *detailer) styled(open, s string) string {
	if open == "" || s == "" {
		return s
	}
	return open + s + sgrReset
}

// finish pads a line of text (width tw) to the pane width.
func (d *detailer) finish(prefix string, prefixW int, open, text string, tw int) string {
	return prefix + d.styled(open, text) + spaces(d.w-prefixW-tw)
}

func (d *detailer) addIndented(indent int, lines []string, open string) {
	for _, l := range lines {
		d.lines = append(d.lines, d.finish(spaces(indent), indent, open, l, strWidth(d.m, l)))
	}
}

// addAfter appends value lines, the first after the label.
func (d *detailer) addAfter(first string, indent int, lines []string, open string) {
	for i, l := range lines {
		p := first
		if i > 0 {
			p = spaces(indent)
		}
		d.lines = append(d.lines, d.finish(p, indent, open, l, strWidth(d.m, l)))
	}
}

// wrapAnywhere breaks s into lines of at most w cells between any two
// grapheme clusters.
func (d *detailer) wrapAnywhere(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	start, cur := 0, 0
	for i := 0; i < len(s); {
		cl, cw := ansi.FirstGraphemeCluster(s[i:], d.m)
		if len(cl) == 0 {
			i++
			continue
		}
		if cw > w {
			// A cluster wider than the whole line (a wide character in a
			// 1-cell pane): shown as the ellipsis.
			if i > start {
				out = append(out, s[start:i])
			}
			out = append(out, d.th.Glyphs.Ellipsis)
			i += len(cl)
			start, cur = i, 0
			continue
		}
		if cur+cw > w {
			out = append(out, s[start:i])
			start, cur = i, 0
		}
		cur += cw
		i += len(cl)
	}
	if start < len(s) || len(out) == 0 {
		out = append(out, s[start:])
	}
	return out
}

// wrapWords breaks s at spaces into lines of at most w cells; a word longer
// than a line is broken anywhere.
func (d *detailer) wrapWords(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	var out []string
	var line strings.Builder
	lw := 0
	flush := func() {
		out = append(out, line.String())
		line.Reset()
		lw = 0
	}
	for _, word := range strings.Fields(s) {
		ww := strWidth(d.m, word)
		if lw > 0 && lw+1+ww <= w {
			line.WriteByte(' ')
			line.WriteString(word)
			lw += 1 + ww
			continue
		}
		if lw > 0 {
			flush()
		}
		if ww <= w {
			line.WriteString(word)
			lw = ww
			continue
		}
		parts := d.wrapAnywhere(word, w)
		out = append(out, parts[:len(parts)-1]...)
		last := parts[len(parts)-1]
		line.WriteString(last)
		lw = strWidth(d.m, last)
	}
	if lw > 0 || len(out) == 0 {
		flush()
	}
	return out
}
