package chart

import (
	"math"
	"strings"
)

// hblocks[e] is a bar end e eighths of a cell long, growing from the left.
var hblocks = []rune(" ▏▎▍▌▋▊▉█")

// HBars draws one line per label: the label (truncated by display width, so
// wide characters are safe), a bar proportional to its value (8 steps per
// cell, the largest value filling the bar column), and the value with
// thousands separators, right-aligned. Labels come first when space is short
// (up to half the room left by the values); the bars get the rest. A value
// missing (values shorter than labels), NaN, zero or negative draws no bar;
// any positive value draws at least a sliver. Every line is exactly width
// cells; there are len(labels) lines.
func HBars(labels []string, values []float64, width int, st Style) string {
	width = max(width, 0)
	n := len(labels)
	if n == 0 {
		return ""
	}
	val := func(i int) float64 {
		if i < len(values) {
			return values[i]
		}
		return math.NaN()
	}
	texts := make([]string, n)
	valW, labW := 0, 0
	mx := 0.0
	for i := range n {
		v := val(i)
		texts[i] = Thousands(v)
		valW = max(valW, stringWidth(texts[i]))
		labW = max(labW, stringWidth(labels[i]))
		if finite(v) && v > mx {
			mx = v
		}
	}
	if valW+1 >= width {
		valW = 0 // no room: bars and labels only
	}
	room := width
	if valW > 0 {
		room -= valW + 1
	}
	labW = min(labW, room/2)
	barW := room
	if labW > 0 {
		barW -= labW + 1
	}

	lw := newLineWriter(width, newPalette(st, 1), n*(width+24))
	var bar strings.Builder
	for i := range n {
		if labW > 0 {
			l := truncate(labels[i], labW)
			lw.write(l, cLabel)
			lw.pad(labW + 1 - stringWidth(l))
		}
		if barW > 0 {
			v := val(i)
			e := 0
			if finite(v) && v > 0 && mx > 0 {
				e = clampInt(v/mx*float64(barW*8)+0.5, 1, barW*8)
			}
			bar.Reset()
			for k := 0; k < e/8; k++ {
				bar.WriteRune('█')
			}
			cells := e / 8
			if e%8 > 0 {
				bar.WriteRune(hblocks[e%8])
				cells++
			}
			lw.paint(bar.String(), cells, seriesSlot(0), cNone)
			lw.pad(barW - cells)
		}
		if valW > 0 {
			lw.pad(1 + valW - stringWidth(texts[i]))
			lw.write(texts[i], cLabel)
		}
		lw.end()
	}
	return lw.String()
}
