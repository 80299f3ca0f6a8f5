package chart

import (
	"math"
)

// Histogram draws values as adjacent bars width×height, e.g. the Authority
// Score profile: 101 buckets, value i = referring domains with AS i, drawn
// with Histogram(counts, 0, 100, w, h, st). Bucket i sits at x = xFrom +
// i·(xTo−xFrom)/(n−1); the x axis is labelled at round numbers of that range
// (0 25 50 75 100), the y axis (left) from zero up, in compact numbers.
//
// Buckets are resampled to the plot width: with fewer columns than buckets
// a column shows the mean of the buckets it covers, so the y axis reads
// "per bucket" at every width; with more, buckets are widened. Bars use 8
// levels per cell. Counts cannot be negative: negative, NaN and ±Inf values
// are drawn as 0. Rows: plot, x axis, x labels (dropped at small heights).
func Histogram(values []float64, xFrom, xTo float64, width, height int, st Style) string {
	width, height = max(width, 0), max(height, 0)
	if width == 0 || height == 0 {
		return blank(width, height, "", st)
	}
	if len(values) == 0 {
		return blank(width, height, "no data", st)
	}
	axisH, labelH := 0, 0
	switch {
	case height >= 4:
		axisH, labelH = 1, 1
	case height == 3:
		labelH = 1
	}
	ph := height - axisH - labelH

	mx := 0.0
	for _, v := range values {
		if finite(v) && v > mx {
			mx = v
		}
	}
	sc := niceScale(0, mx, min(max(ph/3, 2), 8))
	labels := tickLabels(sc)
	lwL := maxLen(labels)
	leftW := lwL + 1
	if width-leftW < 8 {
		leftW, lwL = 0, 0
	}
	pw := width - leftW

	cv := newCanvas(width, height)
	cols := sampleBuckets(values, pw)
	full := ph * 8
	slot := seriesSlot(0)
	for c, v := range cols {
		if !(v > 0) {
			continue
		}
		e := clampInt(sc.frac(v)*float64(full)+0.5, 1, full) // any count shows
		for k := 0; k < ph && e > 8*k; k++ {
			cv.set(leftW+c, ph-1-k, blocks[min(e-8*k, 8)], slot)
		}
	}
	if leftW > 0 && ph > 0 {
		drawYAxis(cv, sc, labels, leftW-1, lwL, 0, ph, true)
	}
	if axisH+labelH > 0 {
		xl := histLabels(len(values), xFrom, xTo, pw)
		if axisH > 0 {
			for x := leftW; x < width; x++ {
				cv.set(x, ph, '─', cAxis)
			}
			if leftW > 0 {
				cv.set(leftW-1, ph, '└', cAxis)
			}
			for _, l := range xl {
				cv.set(leftW+l.tick, ph, '┬', cAxis)
			}
		}
		for _, l := range xl {
			cv.text(leftW+l.x, height-1, l.text, cLabel)
		}
	}

	lw := newLineWriter(width, newPalette(st, 1), width*height*4)
	for y := 0; y < height; y++ {
		cv.row(lw, y)
		lw.end()
	}
	return lw.String()
}

// histLabels labels round x values of n buckets spread over pw columns.
func histLabels(n int, xFrom, xTo float64, pw int) []xLabel {
	if n == 0 || pw <= 0 || !finite(xFrom) || !finite(xTo) {
		return nil
	}
	// Columns showing each bucket (the inverse of sampleBuckets).
	first := make([]int, n)
	last := make([]int, n)
	for i := range first {
		first[i] = -1
	}
	for c := 0; c < pw; c++ {
		a := c * n / pw
		b := max((c+1)*n/pw, a+1)
		for i := a; i < b && i < n; i++ {
			if first[i] < 0 {
				first[i] = c
			}
			last[i] = c
		}
	}
	colOf := func(i int) int { return (first[i] + last[i]) / 2 }
	if n == 1 || xFrom == xTo {
		return placeLabels([]int{pw / 2}, []string{Compact(xFrom)}, pw)
	}
	lo, hi := math.Min(xFrom, xTo), math.Max(xFrom, xTo)
	wide := max(len(Compact(lo)), len(Compact(hi)))
	sc := niceScale(lo, hi, max(pw/(wide+4), 1))
	var ticks []float64
	for _, t := range sc.ticks {
		if t >= lo-1e-9*(hi-lo) && t <= hi+1e-9*(hi-lo) {
			ticks = append(ticks, t)
		}
	}
	texts := tickLabels(scale{lo: lo, hi: hi, step: sc.step, ticks: ticks})
	cols := make([]int, len(ticks))
	for j, t := range ticks {
		i := clampInt((t-xFrom)/(xTo-xFrom)*float64(n-1)+0.5, 0, n-1)
		cols[j] = colOf(i)
	}
	if xTo < xFrom { // descending axis: keep labels left to right
		for a, b := 0, len(cols)-1; a < b; a, b = a+1, b-1 {
			cols[a], cols[b] = cols[b], cols[a]
			texts[a], texts[b] = texts[b], texts[a]
		}
	}
	return placeLabels(cols, texts, pw)
}
