package chart

import (
	"math"
	"slices"
	"time"
)

// Glyphs. blocks[e] is a cell filled e eighths from the bottom.
var (
	blocks  = []rune(" ▁▂▃▄▅▆▇█")
	markers = []rune("•+xo*")
	// brailleBit[dy][dx]: the dot of a braille cell at column dx, row dy
	// (0 = top).
	brailleBit = [4][2]uint8{{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}}
)

// glyph is the legend glyph of series i of a Line chart.
func glyph(i int) rune {
	switch i {
	case 0:
		return '█'
	case 1:
		return '⣉'
	}
	return markers[(i-2)%len(markers)]
}

// lineSeries is a Series prepared for drawing.
type lineSeries struct {
	Series
	pts    []pt
	sc     scale
	mn, mx float64 // range of the data (NaN if none)
}

// Line draws a time-series chart width×height: the first series as an area
// of block elements (8 levels per cell), the second as a braille line (2×4
// dots per cell), further ones as a row of marker glyphs (•, +, x, o, *).
// Dates need not be sorted (History comes newest first) nor evenly spaced:
// points are placed by time. Rows, top to bottom: a legend naming every
// series with its glyph, the plot, the x axis with tick marks, the dates
// (2006-01-02, Jan 2006 or 2006, whichever spacing fits). Left and right
// columns hold the tick labels of the AxisLeft and AxisRight scales (1.2K,
// 3.4M). Small heights drop the axis line, then the dates, then the legend;
// narrow widths drop the right labels, then the left ones.
//
// Each axis starts at zero when its data spans at least half its magnitude,
// else at a round number just below the data (see zeroBaseline), so that a
// backlink count moving from 18.8M to 20.7M shows its movement.
//
// History (backlinks_historical) is drawn as:
//
//	chart.Line(dates, []chart.Series{
//		{Name: "Backlinks", Values: backlinks},
//		{Name: "Referring domains", Values: domains, Axis: chart.AxisRight},
//		{Name: "Authority Score", Values: score, Axis: chart.AxisOwn, Min: 0, Max: 100},
//	}, w, h, st)
func Line(dates []time.Time, series []Series, width, height int, st Style) string {
	width, height = max(width, 0), max(height, 0)
	if width == 0 || height == 0 {
		return blank(width, height, "", st)
	}
	ls, flat, t0, t1 := prepareLine(dates, series)
	hasData := false
	named := false
	for _, s := range ls {
		hasData = hasData || len(s.pts) > 0
		named = named || s.Name != ""
	}
	if !hasData {
		return blank(width, height, "no data", st)
	}

	// Rows.
	legendH, axisH, dateH := 0, 0, 0
	switch {
	case height >= 5:
		legendH, axisH, dateH = 1, 1, 1
	case height == 4:
		legendH, dateH = 1, 1
	case height == 3:
		legendH = 1
	}
	if !named {
		legendH = 0
	}
	ph := height - legendH - axisH - dateH
	top := legendH

	// Scales, one per axis group.
	target := min(max(ph/3, 2), 8)
	var hasLeft, hasRight bool
	left := groupScale(ls, AxisLeft, -1, target)
	right := groupScale(ls, AxisRight, -1, target)
	for i := range ls {
		switch ls[i].Axis {
		case AxisRight:
			ls[i].sc = right
			hasRight = hasRight || len(ls[i].pts) > 0
		case AxisOwn:
			ls[i].sc = groupScale(ls, AxisOwn, i, target)
		default:
			ls[i].sc = left
			hasLeft = hasLeft || len(ls[i].pts) > 0
		}
	}

	// Columns: [left labels][│] plot [│][right labels].
	var leftLabels, rightLabels []string
	lwL, lwR := 0, 0
	if hasLeft {
		leftLabels = tickLabels(left)
		lwL = maxLen(leftLabels)
	}
	if hasRight {
		rightLabels = tickLabels(right)
		lwR = maxLen(rightLabels)
	}
	const minPlot = 8
	if hasRight && width-(lwL+1)-(lwR+1) < minPlot {
		hasRight, lwR = false, 0
	}
	if hasLeft && width-(lwL+1) < minPlot {
		hasLeft, lwL = false, 0
	}
	leftW, rightW := 0, 0
	if hasLeft {
		leftW = lwL + 1
	}
	if hasRight {
		rightW = lwR + 1
	}
	pw := width - leftW - rightW

	cv := newCanvas(width, height)
	if ph > 0 {
		area := drawArea(cv, ls, flat, leftW, top, pw, ph)
		drawLines(cv, ls, flat, area, leftW, top, pw, ph)
		if hasLeft {
			drawYAxis(cv, left, leftLabels, leftW-1, lwL, top, ph, true)
		}
		if hasRight {
			drawYAxis(cv, right, rightLabels, width-rightW, lwR, top, ph, false)
		}
	}
	if axisH > 0 || dateH > 0 {
		labels := dateLabels(t0, t1, pw)
		if axisH > 0 {
			y := top + ph
			for x := leftW; x < leftW+pw; x++ {
				cv.set(x, y, '─', cAxis)
			}
			if hasLeft {
				cv.set(leftW-1, y, '└', cAxis)
			}
			if hasRight {
				cv.set(width-rightW, y, '┘', cAxis)
			}
			for _, l := range labels {
				cv.set(leftW+l.tick, y, '┬', cAxis)
			}
		}
		if dateH > 0 {
			y := height - 1
			for _, l := range labels {
				cv.text(leftW+l.x, y, l.text, cLabel)
			}
		}
	}

	lw := newLineWriter(width, newPalette(st, len(ls)), width*height*4)
	for y := 0; y < height; y++ {
		if y < legendH {
			legend(lw, ls, hasLeft && hasRight)
		} else {
			cv.row(lw, y)
		}
		lw.end()
	}
	return lw.String()
}

// prepareLine sorts the points by date and places them on [0, 1]; flat is
// true when all dates are the same instant.
func prepareLine(dates []time.Time, series []Series) (ls []lineSeries, flat bool, t0, t1 time.Time) {
	order := make([]int, len(dates))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return dates[a].Compare(dates[b]) })
	if len(order) > 0 {
		t0, t1 = dates[order[0]], dates[order[len(order)-1]]
	}
	span := float64(t1.Sub(t0))
	flat = span <= 0
	ls = make([]lineSeries, len(series))
	for i, s := range series {
		l := lineSeries{Series: s, mn: math.NaN(), mx: math.NaN()}
		for _, j := range order {
			if j >= len(s.Values) || !finite(s.Values[j]) {
				continue
			}
			v := s.Values[j]
			x := 0.0
			if !flat {
				x = float64(dates[j].Sub(t0)) / span
			}
			l.pts = append(l.pts, pt{x, v})
			if len(l.pts) == 1 {
				l.mn, l.mx = v, v
			}
			l.mn, l.mx = math.Min(l.mn, v), math.Max(l.mx, v)
		}
		ls[i] = l
	}
	return ls, flat, t0, t1
}

// groupScale is the scale shared by the series on axis a (only series
// index only, when only >= 0).
func groupScale(ls []lineSeries, a Axis, only, target int) scale {
	mn, mx := math.Inf(1), math.Inf(-1)
	fixed := false
	for i, s := range ls {
		if s.Axis != a || (only >= 0 && i != only) {
			continue
		}
		if len(s.pts) > 0 {
			mn, mx = math.Min(mn, s.mn), math.Max(mx, s.mx)
		}
		if s.Max > s.Min && finite(s.Min) && finite(s.Max) {
			mn, mx = math.Min(mn, s.Min), math.Max(mx, s.Max)
			fixed = true
		}
	}
	if math.IsInf(mn, 1) {
		return niceScale(0, 1, target)
	}
	if !fixed {
		mn, mx = zeroBaseline(mn, mx)
	}
	return niceScale(mn, mx, target)
}

func maxLen(ss []string) int {
	n := 0
	for _, s := range ss {
		n = max(n, len(s))
	}
	return n
}

// drawArea fills series 0 as an area and returns, per plot column, the
// height of the area in eighths of a cell (-1 where it has no data).
func drawArea(cv *canvas, ls []lineSeries, flat bool, x0, top, pw, ph int) []int {
	area := make([]int, pw)
	for i := range area {
		area[i] = -1
	}
	if len(ls) == 0 || len(ls[0].pts) == 0 {
		return area
	}
	s := ls[0]
	slot := seriesSlot(0)
	full := ph * 8
	for c, smp := range sampleLine(s.pts, pw, flat, make([]colSample, 0, pw)) {
		if !finite(smp.v) {
			continue
		}
		e := clampInt(s.sc.frac(smp.v)*float64(full)+0.5, 0, full)
		if e == 0 && smp.v > s.sc.lo {
			e = 1 // data above the baseline always shows
		}
		area[c] = e
		for k := 0; k < ph && e > 8*k; k++ {
			cv.set(x0+c, top+ph-1-k, blocks[min(e-8*k, 8)], slot)
		}
	}
	return area
}

// drawLines draws series 1 as a braille line and series 2… as markers, on
// top of the area; where the area fills at least half a cell under a line,
// that cell keeps the area colour as its background.
func drawLines(cv *canvas, ls []lineSeries, flat bool, area []int, x0, top, pw, ph int) {
	under := func(c, k int) uint8 {
		if c < len(area) && area[c]-8*k >= 4 {
			return seriesSlot(0)
		}
		return cNone
	}
	if len(ls) > 1 && len(ls[1].pts) > 0 {
		s := ls[1]
		pxW, pxH := pw*2, ph*4
		dots := make([]uint8, pw*ph) // [row from bottom][col]
		set := func(px, py int) {
			if px >= 0 && px < pxW && py >= 0 && py < pxH {
				dots[(py/4)*pw+px/2] |= brailleBit[3-py%4][px%2]
			}
		}
		span := func(px, a, b int) {
			if a > b {
				a, b = b, a
			}
			for y := a; y <= b; y++ {
				set(px, y)
			}
		}
		ypix := func(v float64) int { return clampInt(s.sc.frac(v)*float64(pxH), 0, pxH-1) }
		prev := -1
		for px, smp := range sampleLine(s.pts, pxW, flat, make([]colSample, 0, pxW)) {
			if !finite(smp.v) {
				prev = -1
				continue
			}
			y := ypix(smp.v)
			span(px, ypix(smp.lo), ypix(smp.hi))
			set(px, y)
			if prev >= 0 && abs(y-prev) > 1 {
				mid := (y + prev) / 2
				span(px-1, prev, mid)
				span(px, mid, y)
			}
			prev = y
		}
		slot := seriesSlot(1)
		for k := 0; k < ph; k++ {
			for c := 0; c < pw; c++ {
				if m := dots[k*pw+c]; m != 0 {
					*cv.at(x0+c, top+ph-1-k) = cell{r: rune(0x2800 + int(m)), fg: slot, bg: under(c, k)}
				}
			}
		}
	}
	for i := 2; i < len(ls); i++ {
		s := ls[i]
		if len(s.pts) == 0 {
			continue
		}
		g, slot := glyph(i), seriesSlot(i)
		for c, smp := range sampleLine(s.pts, pw, flat, make([]colSample, 0, pw)) {
			if !finite(smp.v) {
				continue
			}
			k := clampInt(s.sc.frac(smp.v)*float64(ph), 0, ph-1)
			*cv.at(x0+c, top+ph-1-k) = cell{r: g, fg: slot, bg: under(c, k)}
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// drawYAxis draws an axis line at column axisX (┤ at ticks on the left, ├
// on the right) and the tick labels in the lw columns beside it, right
// aligned on the left side.
func drawYAxis(cv *canvas, sc scale, labels []string, axisX, lw, top, ph int, leftSide bool) {
	tickR, lineR := '├', '│'
	labelX := axisX + 1
	if leftSide {
		tickR, labelX = '┤', axisX-lw
	}
	for k := 0; k < ph; k++ {
		cv.set(axisX, top+k, lineR, cAxis)
	}
	last := -1
	for i, t := range sc.ticks {
		k := clampInt(sc.frac(t)*float64(ph), 0, ph-1)
		if k <= last && last >= 0 {
			continue
		}
		last = k
		y := top + ph - 1 - k
		cv.set(axisX, y, tickR, cAxis)
		l := labels[i]
		x := labelX
		if leftSide {
			x = labelX + lw - len(l)
		}
		cv.text(x, y, l, cLabel)
	}
}

// legend writes the legend line: glyph, name and a note per named series.
// When it is too wide it closes the gaps, drops the "(left)" notes (the
// "(right)" ones still tell the axes apart), shortens the longest names
// first, and at last drops the notes.
func legend(lw *lineWriter, ls []lineSeries, both bool) {
	type entry struct {
		i          int
		name, note string
		nw         int // width given to the name
	}
	var es []entry
	for i, s := range ls {
		if s.Name == "" {
			continue
		}
		e := entry{i: i, name: s.Name, nw: stringWidth(s.Name)}
		switch {
		case len(s.pts) == 0:
			e.note = " (no data)"
		case s.Axis == AxisOwn:
			e.note = " (" + Compact(s.sc.lo) + "–" + Compact(s.sc.hi) + ")"
		case s.Axis == AxisRight && both:
			e.note = " (right)"
		case s.Axis == AxisLeft && both:
			e.note = " (left)"
		}
		es = append(es, e)
	}
	gap := 3
	total := func() int {
		t := gap * max(len(es)-1, 0)
		for _, e := range es {
			t += 2 + e.nw + stringWidth(e.note)
		}
		return t
	}
	if total() > lw.w {
		gap = 2
	}
	if total() > lw.w {
		for j := range es {
			if es[j].note == " (left)" {
				es[j].note = ""
			}
		}
	}
	shorten := func(minW int) {
		for excess := total() - lw.w; excess > 0; excess-- {
			k := -1
			for j := range es {
				if es[j].nw > minW && (k < 0 || es[j].nw > es[k].nw) {
					k = j
				}
			}
			if k < 0 {
				return
			}
			es[k].nw--
		}
	}
	shorten(8)
	if total() > lw.w {
		for j := range es {
			es[j].note = ""
		}
		shorten(3)
	}
	for j, e := range es {
		if j > 0 {
			lw.pad(min(gap, lw.w-lw.used))
		}
		if lw.used >= lw.w {
			return
		}
		lw.paint(string(glyph(e.i)), 1, seriesSlot(e.i), cNone)
		if lw.used+2 > lw.w {
			continue
		}
		lw.pad(1)
		lw.write(truncate(e.name, e.nw), cLabel)
		lw.write(e.note, cMuted)
	}
}
