package chart

import (
	"math"
	"strconv"
	"strings"
)

// finite reports whether v is a usable number (not NaN, not ±Inf).
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// clampInt converts f to an int in [lo, hi]; NaN gives lo. Every float that
// becomes an index goes through here, so no data can index out of range.
func clampInt(f float64, lo, hi int) int {
	if hi < lo {
		return lo
	}
	switch {
	case math.IsNaN(f) || f <= float64(lo):
		return lo
	case f >= float64(hi):
		return hi
	}
	return int(f)
}

// scale maps values onto [0, 1] of a plot's height.
type scale struct {
	lo, hi float64
	step   float64   // tick spacing; 0 when there are no ticks
	ticks  []float64 // lo, lo+step, … up to hi
}

// frac returns where v sits between lo (0) and hi (1), unclamped.
func (s scale) frac(v float64) float64 {
	if s.hi <= s.lo {
		return 0
	}
	// Halve first so that spans near MaxFloat64 do not overflow to Inf.
	return (v/2 - s.lo/2) / (s.hi/2 - s.lo/2)
}

// niceStep returns the smallest of 1, 2, 2.5, 5 × 10^k that is ≥ raw.
func niceStep(raw float64) float64 {
	if !finite(raw) || raw <= 0 {
		return 1
	}
	exp := math.Floor(math.Log10(raw))
	base := math.Pow(10, exp)
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*base >= raw*(1-1e-9) {
			return m * base
		}
	}
	return 10 * base
}

// zeroBaseline is the rule for where a value axis starts: at zero when the
// data spans at least half its own magnitude (min ≤ max/2), otherwise at a
// round number just below the data. History series (backlinks, referring
// domains) often move by a few percent over a year; drawn from zero they are
// a flat slab and the change the user came to see is invisible, so such
// series get a non-zero baseline, which the bottom tick label always shows.
// Series that vary a lot, or start near zero, keep the honest zero baseline.
func zeroBaseline(mn, mx float64) (float64, float64) {
	switch {
	case mn >= 0 && mn <= mx/2:
		mn = 0
	case mx <= 0 && mx >= mn/2:
		mx = 0
	}
	return mn, mx
}

// niceScale builds a scale covering [mn, mx] with ticks about every
// (mx−mn)/target, on round numbers. An empty or flat range is widened (a constant
// positive series is drawn from zero up to the value).
func niceScale(mn, mx float64, target int) scale {
	if !finite(mn) || !finite(mx) || mn > mx {
		mn, mx = 0, 0
	}
	if mn == mx {
		switch {
		case mn > 0:
			mn = 0
		case mn < 0:
			mx = 0
		default:
			mx = 1
		}
	}
	target = max(target, 1)
	span := mx/2 - mn/2 // halved: see scale.frac
	step := niceStep(span * 2 / float64(target))
	if !finite(span*2) || !finite(step) {
		return scale{lo: mn, hi: mx, ticks: []float64{mn, mx}}
	}
	// The bottom sits on a tick (so a non-zero baseline is always labelled);
	// the top only on a fifth of a step, so the data fills the height
	// (0–1,046 gets 0–1,100 with ticks 0, 500, 1.0K, not 0–1,500).
	lo := math.Floor(mn/step) * step
	snap := step / 5
	hi := math.Ceil(mx/snap) * snap
	if hi < lo+step { // keep at least two ticks
		hi = lo + step
	}
	if !finite(lo) || !finite(hi) {
		return scale{lo: mn, hi: mx, ticks: []float64{mn, mx}}
	}
	s := scale{lo: lo, hi: hi, step: step}
	n := int(math.Floor((hi-lo)/step + 1e-9))
	for i := 0; i <= n && i <= 64; i++ {
		s.ticks = append(s.ticks, lo+float64(i)*step)
	}
	return s
}

// unitOf picks the compact unit (1, K, M, B, T) for numbers up to |v|.
func unitOf(v float64) (float64, string) {
	v = math.Abs(v)
	switch {
	case v >= 1e12:
		return 1e12, "T"
	case v >= 1e9:
		return 1e9, "B"
	case v >= 1e6:
		return 1e6, "M"
	case v >= 1e3:
		return 1e3, "K"
	}
	return 1, ""
}

// Compact formats v in at most ~5 cells: 950, 1.2K, 34K, 3.4M, 15.2B
// (1e15 and up in scientific notation). NaN and ±Inf give "–".
func Compact(v float64) string {
	if !finite(v) {
		return "–"
	}
	if math.Abs(v) >= 1e15 {
		return strconv.FormatFloat(v, 'g', 2, 64)
	}
	u, suffix := unitOf(v)
	x := v / u
	// 999,950 would print as "1000.0K": move up a unit instead.
	if math.Abs(x) >= 999.95 && suffix != "T" {
		u *= 1000
		x = v / u
		suffix = map[string]string{"": "K", "K": "M", "M": "B", "B": "T"}[suffix]
	}
	dec := 1
	switch {
	case suffix == "" && x == math.Trunc(x), math.Abs(x) >= 100:
		dec = 0
	case suffix == "":
		dec = 2
	}
	str := strconv.FormatFloat(x, 'f', dec, 64)
	if dec > 0 {
		str = strings.TrimRight(strings.TrimRight(str, "0"), ".")
	}
	return str + suffix
}

// tickLabels formats the ticks of one axis in compact units, each with
// just enough decimals to tell neighbours apart: 18.5M 19.0M 19.5M, or
// 600 800 1.0K 1.2K.
func tickLabels(s scale) []string {
	out := make([]string, len(s.ticks))
	for i, t := range s.ticks {
		if t == 0 {
			out[i] = "0"
			continue
		}
		u, suffix := unitOf(t)
		if math.Abs(t) >= 1e15 { // beyond "999T": scientific, still short
			out[i] = strconv.FormatFloat(t, 'g', 2, 64)
			continue
		}
		dec := 0
		if s.step > 0 {
			for dec < 3 {
				q := s.step / u * math.Pow(10, float64(dec))
				if math.Abs(q-math.Round(q)) < 1e-6*math.Max(1, q) {
					break
				}
				dec++
			}
		}
		out[i] = strconv.FormatFloat(t/u, 'f', dec, 64) + suffix
	}
	return out
}

// Thousands formats v with thousands separators: 15,248,332,274. Values
// below 1000 that are not whole keep two decimals (0.93); NaN and ±Inf give
// "–".
func Thousands(v float64) string {
	if !finite(v) {
		return "–"
	}
	if math.Abs(v) < 1000 && v != math.Trunc(v) {
		s := strconv.FormatFloat(v, 'f', 2, 64)
		return strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	r := math.Round(v)
	if math.Abs(r) >= 1e18 { // beyond int64: no separators, but no overflow
		return strconv.FormatFloat(r, 'g', 4, 64)
	}
	n := int64(r)
	neg := n < 0
	if neg {
		n = -n
	}
	digits := strconv.FormatInt(n, 10)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	return b.String()
}
