package chart

import (
	"math"
	"strings"
)

var sparks = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws values as width cells of ▁▂▃▄▅▆▇█, from the smallest value
// (▁) to the largest (█): it shows the shape, not the magnitude (pair it
// with a number). More values than cells are averaged per cell; fewer are
// widened. A constant series is a flat ▄ (▁ when all zero); NaN and ±Inf
// leave a blank cell. No colour: wrap it in a lipgloss style.
func Sparkline(values []float64, width int) string {
	if width <= 0 {
		return ""
	}
	n := len(values)
	if n == 0 {
		return strings.Repeat(" ", width)
	}
	cols := make([]float64, width)
	for c := range cols {
		a := c * n / width
		b := max((c+1)*n/width, a+1)
		sum, k := 0.0, 0
		for i := a; i < b && i < n; i++ {
			if finite(values[i]) {
				sum += values[i]
				k++
			}
		}
		cols[c] = math.NaN()
		if k > 0 {
			cols[c] = sum / float64(k)
		}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range cols {
		if finite(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	var b strings.Builder
	b.Grow(width * 3)
	for _, v := range cols {
		switch {
		case !finite(v):
			b.WriteByte(' ')
		case hi == lo && v == 0:
			b.WriteRune(sparks[0])
		case hi == lo:
			b.WriteRune(sparks[3])
		default:
			f := (v/2 - lo/2) / (hi/2 - lo/2)
			b.WriteRune(sparks[clampInt(f*7+0.5, 0, 7)])
		}
	}
	return b.String()
}
