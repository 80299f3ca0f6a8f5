package chart

import "math"

// pt is one data point: x in [0, 1] along the time axis, v finite.
type pt struct{ x, v float64 }

// colSample is what one column shows: v the value at the column (the mean
// of the points that fall in it, else interpolated between its neighbours),
// lo..hi the range of the points in it (= v when interpolated). v is NaN
// where the series has no data (before its first or after its last point).
type colSample struct{ v, lo, hi float64 }

// sampleLine resamples points sorted by x onto cols columns; column c sits
// at x = c/(cols-1). flat (all points at one instant) fills every column
// with the mean.
func sampleLine(pts []pt, cols int, flat bool, out []colSample) []colSample {
	out = out[:0]
	nan := math.NaN()
	if cols <= 0 {
		return out
	}
	if len(pts) == 0 {
		for c := 0; c < cols; c++ {
			out = append(out, colSample{nan, nan, nan})
		}
		return out
	}
	if flat || len(pts) == 1 {
		sum := 0.0
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, p := range pts {
			sum += p.v
			lo, hi = math.Min(lo, p.v), math.Max(hi, p.v)
		}
		m := sum / float64(len(pts))
		for c := 0; c < cols; c++ {
			out = append(out, colSample{m, lo, hi})
		}
		return out
	}
	last := float64(cols - 1)
	i := 0 // first point not yet consumed
	for c := 0; c < cols; c++ {
		// Points whose nearest column is c.
		sum, n := 0.0, 0
		lo, hi := math.Inf(1), math.Inf(-1)
		for i < len(pts) && clampInt(pts[i].x*last+0.5, 0, cols-1) <= c {
			v := pts[i].v
			sum += v
			n++
			lo, hi = math.Min(lo, v), math.Max(hi, v)
			i++
		}
		if n > 0 {
			out = append(out, colSample{sum / float64(n), lo, hi})
			continue
		}
		// Interpolate between pts[i-1] and pts[i] at this column's x.
		if i == 0 || i >= len(pts) {
			out = append(out, colSample{nan, nan, nan})
			continue
		}
		a, b := pts[i-1], pts[i]
		x := float64(c) / last
		v := a.v
		if b.x > a.x {
			f := (x - a.x) / (b.x - a.x)
			v = a.v + (b.v-a.v)*math.Min(math.Max(f, 0), 1)
		}
		out = append(out, colSample{v, v, v})
	}
	return out
}

// sampleBuckets resamples n equal-width buckets onto cols columns: each
// column shows the mean of the buckets it covers (so the y axis keeps
// meaning "per bucket" at any width), or repeats a bucket when there are
// more columns than buckets. Non-finite values count as 0.
func sampleBuckets(values []float64, cols int) []float64 {
	out := make([]float64, max(cols, 0))
	n := len(values)
	if n == 0 {
		return out
	}
	val := func(i int) float64 {
		if v := values[i]; finite(v) {
			return v
		}
		return 0
	}
	for c := range out {
		a := c * n / cols
		b := max((c+1)*n/cols, a+1)
		sum := 0.0
		for i := a; i < b && i < n; i++ {
			sum += val(i)
		}
		out[c] = sum / float64(min(b, n)-a)
	}
	return out
}
