package sandbox

import (
	"math"
	"slices"

	"linkdive/api"
)

var rootOf = api.RootOf

// world resolves targets to profiles, caching sites and profiles.
type world struct {
	c *cache
}

func newWorld() *world { return &world{c: newCache(384 << 20)} }

func (w *world) site(key string, build func() *site) *site {
	return w.c.get("site:"+key, func() (any, int64) {
		s := build()
		return s, int64(len(s.rds))*13 + int64(len(s.pages))*160 + 1024
	}).(*site)
}

func (w *world) rootSite(root string) *site {
	return w.site("root:"+root, func() *site { return newRootSite(root) })
}

// profile returns what target t sees.
func (w *world) profile(t target, g *gen) *profile {
	key := "prof:" + string(rune('0'+t.kind)) + t.norm
	return w.c.get(key, func() (any, int64) {
		p := w.resolve(t, g)
		return p, p.weight()
	}).(*profile)
}

func (w *world) resolve(t target, g *gen) *profile {
	switch t.kind {
	case tkRoot:
		return fullProfile(w.rootSite(t.norm))
	case tkHost:
		rs := w.rootSite(rootOf(t.host))
		if hi := rs.hostIndex(t.host); hi >= 0 {
			p := subProfile(rs, func(page int) bool { return int(rs.pages[page].host) == hi })
			if p.total > 0 {
				return p
			}
		}
		return fullProfile(w.site("host:"+t.host, func() *site { return newHostSite(t.host, rs) }))
	default:
		rs := w.rootSite(rootOf(t.host))
		pi := rs.pageIndex(t.norm, g.year)
		for _, a := range t.alts {
			if pi >= 0 {
				break
			}
			pi = rs.pageIndex(a, g.year)
		}
		if pi >= 0 {
			p := subProfile(rs, func(page int) bool { return page == pi })
			if p.total > 0 {
				return p
			}
		}
		return fullProfile(w.site("url:"+t.norm, func() *site { return newURLSite(t.norm, t.host, rs) }))
	}
}

// rdIDs returns the universe ids of the profile's referring domains,
// ascending.
func (p *profile) rdIDs() []uint32 {
	if p.pos == nil {
		return p.s.rds
	}
	out := make([]uint32, len(p.pos))
	for k, i := range p.pos {
		out[k] = p.s.rds[i]
	}
	return out
}

// ascoreInfo is the Authority Score of a profile and what it is made of.
type ascoreInfo struct {
	score  int
	avgTop float64
}

// authority returns the profile's Authority Score: fixed for known sites
// and universe domains (so that a referring domain's score is its score as
// a target), otherwise from the number and quality of referring domains.
func (p *profile) authority() ascoreInfo {
	p.asOnce.Do(func() { p.as = p.computeAuthority() })
	return p.as
}

func (p *profile) computeAuthority() ascoreInfo {
	n := p.nrd()
	top := make([]int, 0, n)
	for k := 0; k < n; k++ {
		top = append(top, domain(p.id(k)).ascore)
	}
	slices.Sort(top)
	slices.Reverse(top)
	top = top[:min(50, len(top))]
	sum := 0
	for _, v := range top {
		sum += v
	}
	info := ascoreInfo{}
	if len(top) > 0 {
		info.avgTop = float64(sum) / float64(len(top))
	}
	if p.pos == nil && p.s.ascore >= 0 {
		info.score = p.s.ascore
	} else {
		info.score = clampInt(int(math.Round(p.asCurve(n, info.avgTop))), 0, 100)
	}
	return info
}

func (p *profile) asCurve(n int, avgTop float64) float64 {
	return 10.5*math.Log10(1+float64(n)) + 0.3*avgTop + p.s.asBias - 4
}

// scoreAt scales today's score to a past number of referring domains.
func (p *profile) scoreAt(n int) int {
	a := p.authority()
	now := p.asCurve(p.nrd(), a.avgTop)
	if now <= 0 {
		return a.score
	}
	return clampInt(int(math.Round(float64(a.score)*max(0, p.asCurve(n, a.avgTop))/now)), 0, 100)
}

// common counts the ids present in both ascending lists.
func common(a, b []uint32) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}
