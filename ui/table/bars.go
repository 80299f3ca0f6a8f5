package table

import (
	"math"
	"strings"

	"linkdive/api"
)

// barW is the width of the bar drawn beside a number when bars are on.
const barW = 5

// maxBarRows is the most rows whose maxima are scanned for bars: bars are
// meant for small fully loaded tables (a comparison of targets), where the
// leader should stand out.
const maxBarRows = 10000

// SetBars draws a small bar beside every count, proportional to the
// column's largest value among the loaded rows, so that the leader stands
// out. For tables of up to 10,000 rows; larger tables draw no bars.
func (m *Model) SetBars(on bool) {
	if m.bars == on {
		return
	}
	m.bars = on
	m.barMax = nil
	m.resetWidths()
}

// barKind reports whether a column of kind k carries a bar.
func barKind(k api.Kind) bool { return k == api.KindInt || k == api.KindFloat }

// barsOn reports whether bars are drawn now.
func (m *Model) barsOn() bool { return m.bars && m.t.Len() <= maxBarRows }

// columnMax is the largest value of column c among the loaded rows, cached
// until the table changes length.
func (m *Model) columnMax(c int) float64 {
	if m.barMax == nil || m.barLen != m.t.Len() {
		m.barMax = make(map[int]float64)
		m.barLen = m.t.Len()
	}
	if v, ok := m.barMax[c]; ok {
		return v
	}
	mx := 0.0
	for r := 0; r < m.t.Len(); r++ {
		mx = math.Max(mx, m.t.Float(r, c))
	}
	m.barMax[c] = mx
	return mx
}

// barCell draws v/max as a bar of w cells in eighths of a cell.
func barCell(v, mx float64, w int) string {
	if w <= 0 {
		return ""
	}
	eighths := 0
	if mx > 0 && v > 0 {
		eighths = max(int(math.Round(v/mx*float64(w*8))), 1)
	}
	var b strings.Builder
	full := min(eighths/8, w)
	b.WriteString(strings.Repeat("█", full))
	used := full
	if rem := eighths % 8; rem > 0 && used < w {
		b.WriteRune([]rune(" ▏▎▍▌▋▊▉")[rem])
		used++
	}
	b.WriteString(strings.Repeat(" ", w-used))
	return b.String()
}
