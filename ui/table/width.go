package table

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// All width work goes through these helpers. They walk text by grapheme
// cluster (ansi.FirstGraphemeCluster), so an emoji ZWJ sequence, a flag or a
// base letter with its combining marks is never split, and measure each
// cluster with the width method the renderer uses (GraphemeWidth by
// default; Bubble Tea uses WcWidth on terminals without mode 2027, see
// Model.SetWidthMethod). The text they see is sanitised API text (no
// escape sequences) or our own glyphs. Printable ASCII, the common case,
// takes a fast path: one byte, one cell.

// isASCII reports whether s is printable ASCII only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

// strWidth is the width of s in cells.
func strWidth(m ansi.Method, s string) int {
	if isASCII(s) {
		return len(s)
	}
	w := 0
	for i := 0; i < len(s); {
		cl, cw := ansi.FirstGraphemeCluster(s[i:], m)
		if len(cl) == 0 {
			i++
			continue
		}
		w += cw
		i += len(cl)
	}
	return w
}

// truncRight keeps the start of s within w cells, ending with tail when
// something was cut (no tail when even the tail does not fit). It returns
// the text and its width.
func truncRight(m ansi.Method, s string, w int, tail string) (string, int) {
	if w <= 0 {
		return "", 0
	}
	tw := strWidth(m, tail)
	if isASCII(s) {
		if len(s) <= w {
			return s, len(s)
		}
		if tw > w || tw == 0 {
			return s[:w], w
		}
		return s[:w-tw] + tail, w
	}
	limit := w - tw
	if limit < 0 {
		limit, tail, tw = w, "", 0
	}
	cut, cutW, cur := -1, 0, 0
	for i := 0; i < len(s); {
		cl, cw := ansi.FirstGraphemeCluster(s[i:], m)
		if len(cl) == 0 {
			i++
			continue
		}
		if cut < 0 && cur+cw > limit {
			cut, cutW = i, cur
		}
		cur += cw
		i += len(cl)
		if cur > w {
			return s[:cut] + tail, cutW + tw
		}
	}
	return s, cur
}

// truncLeft keeps the end of s within w cells, starting with head when
// something was cut. It returns the text and its width.
func truncLeft(m ansi.Method, s string, w int, head string) (string, int) {
	if w <= 0 {
		return "", 0
	}
	hw := strWidth(m, head)
	if isASCII(s) {
		if len(s) <= w {
			return s, len(s)
		}
		if hw > w || hw == 0 {
			return s[len(s)-w:], w
		}
		return head + s[len(s)-(w-hw):], w
	}
	var stack [64]int32
	starts, widths := stack[:0:32], stack[32:32:64]
	total := 0
	for i := 0; i < len(s); {
		cl, cw := ansi.FirstGraphemeCluster(s[i:], m)
		if len(cl) == 0 {
			i++
			continue
		}
		starts = append(starts, int32(i))
		widths = append(widths, int32(cw))
		total += cw
		i += len(cl)
	}
	if total <= w {
		return s, total
	}
	limit := w - hw
	if limit < 0 {
		limit, head, hw = w, "", 0
	}
	keep, kw := len(s), 0
	for j := len(starts) - 1; j >= 0; j-- {
		if kw+int(widths[j]) > limit {
			break
		}
		kw += int(widths[j])
		keep = int(starts[j])
	}
	return head + s[keep:], kw + hw
}

const spaceRun = "                                                                                                                                "

// writeSpaces writes n spaces.
func writeSpaces(b *strings.Builder, n int) {
	for n > 0 {
		k := min(n, len(spaceRun))
		b.WriteString(spaceRun[:k])
		n -= k
	}
}

func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	if n <= len(spaceRun) {
		return spaceRun[:n]
	}
	return strings.Repeat(" ", n)
}

// alignment of a cell's content.
type align uint8

const (
	alignLeft align = iota
	alignRight
	alignCenter
)

// pad places text of width tw in exactly w cells.
func pad(s string, tw, w int, a align) string {
	if tw >= w {
		return s
	}
	gap := w - tw
	switch a {
	case alignRight:
		return spaces(gap) + s
	case alignCenter:
		l := gap / 2
		return spaces(l) + s + spaces(gap-l)
	}
	return s + spaces(gap)
}
