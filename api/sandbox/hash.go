package sandbox

import "math"

// Everything in the synthetic web is derived from hashes of stable inputs
// (the normalised target, a domain id, a link index), never from a global
// random stream: that is what makes any row computable on its own and the
// same request answer the same bytes.

const golden = 0x9e3779b97f4a7c15

// mix is the splitmix64 finaliser: a bijective 64-bit scrambler.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func h2(a, b uint64) uint64    { return mix(a ^ mix(b+golden)) }
func h3(a, b, c uint64) uint64 { return h2(h2(a, b), c) }

// strHash hashes a string (FNV-1a, then mixed).
func strHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return mix(h)
}

// unit maps a hash to [0, 1).
func unit(h uint64) float64 { return float64(h>>11) / (1 << 53) }

// below maps a hash to [0, n). It reads the low bits, so a hash shifted
// right (h>>k) still gives an independent-looking value.
func below(h uint64, n int) int {
	if n <= 1 {
		return 0
	}
	return int(h % uint64(n))
}

// rng is a tiny deterministic generator for sequences (drawing a target's
// referring domains).
type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s += golden
	return mix(r.s)
}
func (r *rng) float() float64 { return unit(r.next()) }
func (r *rng) intn(n int) int { return below(r.next(), n) }

// logUniform maps u in [0,1) to [lo, hi) with a uniform logarithm.
func logUniform(u, lo, hi float64) float64 {
	return math.Exp(math.Log(lo) + u*(math.Log(hi)-math.Log(lo)))
}

// pareto draws a Pareto(alpha) value >= 1 from u in [0,1).
func pareto(u, alpha float64) float64 {
	return math.Pow(1-u, -1/alpha)
}

func clampInt(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// pickWeighted returns the index chosen by u in a cumulative weight table.
func pickWeighted(cum []float64, u float64) int {
	x := u * cum[len(cum)-1]
	lo, hi := 0, len(cum)-1
	for lo < hi {
		m := (lo + hi) / 2
		if cum[m] > x {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}

func cumulative(w []float64) []float64 {
	out := make([]float64, len(w))
	s := 0.0
	for i, v := range w {
		s += v
		out[i] = s
	}
	return out
}
