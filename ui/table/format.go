package table

import (
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
	"linkdive/ui/theme"
)

// FormatValue returns the display form of a value, untruncated: the text the
// table shows before fitting it to a column.
//
//   - int: thousands separators ("1,234,567"; int64, so counts past 2^31);
//     float: separators in the integer part, decimals as sent;
//   - time: the UTC date, 2006-01-02; empty or 0 is blank;
//   - bool: ✓ for true, · for false, blank when empty;
//   - URL: without its scheme ("www.example.com/page"), and a bare "/" path
//     dropped;
//   - everything else: the sanitised text as parsed.
//
// A value the parser could not read as its kind (a flagged row) is shown as
// it was sent. Export and copy use the raw text (t.Text), not this.
func FormatValue(t *api.Table, row, col int) string {
	if t == nil || row < 0 || row >= t.Len() || col < 0 || col >= len(t.Columns) {
		return ""
	}
	g := theme.UnicodeGlyphs()
	return formatValue(t, row, col, &g)
}

func formatValue(t *api.Table, row, col int, g *theme.Glyphs) string {
	s := t.Text(row, col)
	switch t.Columns[col].Kind {
	case api.KindInt:
		return groupDigits(s)
	case api.KindFloat:
		return groupFloat(s)
	case api.KindTime:
		return formatDate(t, row, col, s)
	case api.KindBool:
		switch s {
		case "":
			return ""
		case "true", "1", "True", "TRUE":
			return g.True
		case "false", "0", "False", "FALSE":
			return g.False
		}
		return s
	case api.KindURL:
		return compactURL(s)
	}
	return s
}

// displayWidth is strWidth(formatValue(...)) without building the string
// where the width follows from the text.
func displayWidth(m ansi.Method, t *api.Table, row, col int, g *theme.Glyphs) int {
	s := t.Text(row, col)
	switch t.Columns[col].Kind {
	case api.KindInt:
		if n, ok := digitsLen(s); ok {
			return len(s) + (n-1)/3
		}
	case api.KindTime:
		if _, ok := digitsLen(s); ok {
			if t.Int(row, col) == 0 {
				return 0
			}
			return 10
		}
	case api.KindURL:
		return strWidth(m, compactURL(s))
	case api.KindText, api.KindDomain, api.KindIP, api.KindCountryCode, api.KindCountryName:
		return strWidth(m, s)
	}
	return strWidth(m, formatValue(t, row, col, g))
}

// digitsLen reports whether s is an optionally signed run of digits, and
// how many digits.
func digitsLen(s string) (int, bool) {
	d := s
	if len(d) > 0 && d[0] == '-' {
		d = d[1:]
	}
	if d == "" {
		return 0, false
	}
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return 0, false
		}
	}
	return len(d), true
}

// groupDigits inserts thousands separators into an integer written in
// digits; anything else is returned unchanged.
func groupDigits(s string) string {
	n, ok := digitsLen(s)
	if !ok || n <= 3 {
		return s
	}
	sign := len(s) - n
	var b strings.Builder
	b.Grow(len(s) + (n-1)/3)
	b.WriteString(s[:sign])
	first := n % 3
	if first == 0 {
		first = 3
	}
	b.WriteString(s[sign : sign+first])
	for i := sign + first; i < len(s); i += 3 {
		b.WriteByte(',')
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

func groupFloat(s string) string {
	i := strings.IndexByte(s, '.')
	if i < 0 {
		return groupDigits(s)
	}
	if _, ok := digitsLen(s[:i]); !ok {
		return s
	}
	return groupDigits(s[:i]) + s[i:]
}

func formatDate(t *api.Table, row, col int, s string) string {
	if s == "" {
		return ""
	}
	if _, ok := digitsLen(s); !ok {
		return s
	}
	v := t.Int(row, col)
	if v == 0 {
		return ""
	}
	return time.Unix(v, 0).UTC().Format(time.DateOnly)
}

// schemeLen is the length of a URL's "scheme://" prefix, or 0.
func schemeLen(v string) int {
	i := strings.Index(v, "://")
	if i <= 0 || i > 10 {
		return 0
	}
	for j := 0; j < i; j++ {
		c := v[j]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || j > 0 && (c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
			return 0
		}
	}
	return i + 3
}

// compactURL drops the https scheme and a bare "/" path: what the table
// shows. Other schemes stay: http://www.example.com and
// https://www.example.com are different pages (a redirect and its target).
func compactURL(s string) string {
	n := schemeLen(s)
	rest := s[n:]
	if i := strings.IndexByte(rest, '/'); i > 0 && i == len(rest)-1 {
		rest = rest[:i]
	}
	if n == 0 || strings.EqualFold(s[:n], "https://") {
		return rest
	}
	return s[:n] + rest
}

// fitURL fits a compacted URL into w cells keeping what tells most: the
// host and the end of the path ("news.example.com…/2024/slug.html"). When
// the host itself does not leave room for a useful tail, the URL is cut at
// the right.
func fitURL(m ansi.Method, s string, w int, ellipsis string) (string, int) {
	sw := strWidth(m, s)
	if sw <= w {
		return s, sw
	}
	start := schemeLen(s) // a kept scheme (http://) is part of the host
	slash := strings.IndexByte(s[start:], '/')
	if slash >= 0 {
		slash += start
	}
	if slash > 0 {
		host, path := s[:slash], s[slash:]
		hw := strWidth(m, host)
		ew := strWidth(m, ellipsis)
		const minTail = 8
		if hw+ew+minTail <= w {
			tail, tw := truncLeft(m, path, w-hw-ew, "")
			// Start the tail at a path boundary when one is near.
			if i := strings.IndexByte(tail, '/'); i > 0 && i <= len(tail)/3 {
				tail = tail[i:]
				tw = strWidth(m, tail)
			}
			return host + ellipsis + tail, hw + ew + tw
		}
	}
	return truncRight(m, s, w, ellipsis)
}

// alignOf is how a column's values line up.
func alignOf(k api.Kind) align {
	switch k {
	case api.KindInt, api.KindFloat:
		return alignRight
	case api.KindBool:
		return alignCenter
	}
	return alignLeft
}

// fitCell fits the display text of a value into exactly w cells.
func fitCell(m ansi.Method, k api.Kind, s string, w int, ellipsis string) string {
	if w <= 0 {
		return ""
	}
	var out string
	var ow int
	switch k {
	case api.KindURL:
		out, ow = fitURL(m, s, w, ellipsis)
	case api.KindDomain:
		// The end of a host name (the registrable domain) tells most.
		out, ow = truncLeft(m, s, w, ellipsis)
	default:
		out, ow = truncRight(m, s, w, ellipsis)
	}
	return pad(out, ow, w, alignOf(k))
}

// kindCap is the widest a column of a kind grows from its data (the header
// title is always shown whole). Extra screen width goes to columns whose
// data is wider than their cap.
func kindCap(k api.Kind) int {
	switch k {
	case api.KindInt:
		return 26 // -9,223,372,036,854,775,808
	case api.KindFloat:
		return 20
	case api.KindTime:
		return 10
	case api.KindBool:
		return 1
	case api.KindURL:
		return 48
	case api.KindText:
		return 40
	case api.KindDomain:
		return 32
	case api.KindIP:
		return 39
	case api.KindCountryCode:
		return 4
	case api.KindCountryName:
		return 24
	}
	return 30
}
