package sandbox

import (
	"strings"
	"sync"
	"sync/atomic"
)

// A profile is what one target sees of its site: all of it (a root domain,
// or a host or URL the root does not have, modelled on its own) or the
// subset of links to one host or one page of the root.
type profile struct {
	s     *site
	pos   []int32  // present referring domains (site indexes, ascending); nil: all
	cnt   []uint32 // backlinks per present referring domain; nil: site counts
	links []uint32 // subset link ids (ascending); nil: all
	total int64

	mu     sync.Mutex
	agg    atomic.Pointer[aggregates]
	asOnce sync.Once
	as     ascoreInfo
}

func fullProfile(s *site) *profile { return &profile{s: s, total: s.total} }

// subProfile keeps the links whose target page passes keep.
func subProfile(s *site, keep func(page int) bool) *profile {
	p := &profile{s: s}
	var g gen // page choice does not depend on today
	for i := range s.rds {
		a := s.rdAttr(i, &g)
		var n uint32
		for j := uint32(0); j < a.n; j++ {
			if keep(s.pageOf(&a, j)) {
				p.links = append(p.links, s.start[i]+j)
				n++
			}
		}
		if n > 0 {
			p.pos = append(p.pos, int32(i))
			p.cnt = append(p.cnt, n)
		}
	}
	p.total = int64(len(p.links))
	if p.links == nil {
		p.links = []uint32{}
		p.pos = []int32{}
		p.cnt = []uint32{}
	}
	return p
}

func (p *profile) weight() int64 {
	return int64(len(p.links))*4 + int64(len(p.pos))*8 + 256
}

func (p *profile) nrd() int {
	if p.pos == nil {
		return len(p.s.rds)
	}
	return len(p.pos)
}

// rd returns the site index of the k-th referring domain of the profile.
func (p *profile) rd(k int) int {
	if p.pos == nil {
		return k
	}
	return int(p.pos[k])
}

// count is the number of backlinks of the k-th referring domain.
func (p *profile) count(k int) uint32 {
	if p.cnt == nil {
		return p.s.cnt[k]
	}
	return p.cnt[k]
}

func (p *profile) id(k int) uint32 { return p.s.rds[p.rd(k)] }

// each calls fn for every link of the profile, referring domain by
// referring domain, in ascending link order. fn returns false to stop.
func (p *profile) each(g *gen, fn func(k int, a *rdAttr, j uint32) bool) {
	s := p.s
	if p.links == nil {
		for i := range s.rds {
			a := s.rdAttr(i, g)
			for j := uint32(0); j < a.n; j++ {
				if !fn(i, &a, j) {
					return
				}
			}
		}
		return
	}
	li := 0
	for k, i := range p.pos {
		a := s.rdAttr(int(i), g)
		for c := uint32(0); c < p.cnt[k]; c++ {
			if !fn(k, &a, p.links[li]-s.start[i]) {
				return
			}
			li++
		}
	}
}

// rdOfLink finds the site referring-domain index of link id.
func (s *site) rdOfLink(id uint32) int {
	lo, hi := 0, len(s.rds)
	for lo < hi {
		m := (lo + hi) / 2
		if s.start[m+1] <= id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// aggregates are the totals of one profile on one day, from one scan of
// its links.
type aggregates struct {
	t0                                 int64
	rdFirst, rdLast                    []int64
	rdNew, rdLost                      []bool
	follows, nofollows, sponsored, ugc int64
	texts, images, forms, frames, urls int64
	anchors                            []anchorAgg
	pageLinks, pageDoms                []uint32
	pageLast                           []int64
	weekLinks, weekRDs                 []int64 // by weeks back from the newest Monday
	ips, classC                        int64
}

type anchorAgg struct {
	text           string
	links, domains int64
	first, last    int64
	lastRD         int
}

const maxWeeks = 260

func (p *profile) aggregates(g *gen) *aggregates {
	if a := p.agg.Load(); a != nil && a.t0 == g.t0 {
		return a
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if a := p.agg.Load(); a != nil && a.t0 == g.t0 {
		return a
	}
	a := p.scan(g)
	p.agg.Store(a)
	return a
}

func (p *profile) scan(g *gen) *aggregates {
	s := p.s
	n := p.nrd()
	ag := &aggregates{t0: g.t0,
		rdFirst: make([]int64, n), rdLast: make([]int64, n),
		rdNew: make([]bool, n), rdLost: make([]bool, n),
		pageLinks: make([]uint32, len(s.pages)), pageDoms: make([]uint32, len(s.pages)),
		pageLast:  make([]int64, len(s.pages)),
		weekLinks: make([]int64, maxWeeks+1), weekRDs: make([]int64, maxWeeks+1)}
	pageRD := make([]int32, len(s.pages))
	for i := range pageRD {
		pageRD[i] = -1
	}
	ps := s.strings(g.year)
	monday := mondayOf(g.t0)
	week := func(t int64) int {
		return min(int((monday+7*day-1-t)/(7*day)), maxWeeks)
	}
	aidGroup := map[uint32]int{}
	textGroup := map[string]int{}
	var buf []byte
	var l link
	lastK, lastSP := -1, uint32(0)
	lostAll := true
	p.each(g, func(k int, a *rdAttr, j uint32) bool {
		s.link(a, j, g, &l)
		if k != lastK {
			if lastK >= 0 {
				ag.rdLost[lastK] = lostAll
			}
			lastK, lostAll = k, true
			ag.rdFirst[k], ag.rdLast[k] = l.first, l.last
			ag.urls++
			lastSP = l.sp
		} else {
			ag.rdFirst[k] = min(ag.rdFirst[k], l.first)
			ag.rdLast[k] = max(ag.rdLast[k], l.last)
			if l.sp != lastSP {
				ag.urls++
				lastSP = l.sp
			}
		}
		lostAll = lostAll && l.lost
		if l.nofollow {
			ag.nofollows++
		} else {
			ag.follows++
		}
		if l.sponsored {
			ag.sponsored++
		}
		if l.ugc {
			ag.ugc++
		}
		switch l.kind {
		case kindText:
			ag.texts++
		case kindImage:
			ag.images++
		case kindForm:
			ag.forms++
		default:
			ag.frames++
		}
		gi, ok := aidGroup[l.aid]
		if !ok {
			buf = s.appendAnchor(buf[:0], l.aid, ps, g)
			t := strings.ToLower(string(buf))
			if t == "" {
				t = emptyAnchor
			}
			gi, ok = textGroup[t]
			if !ok {
				gi = len(ag.anchors)
				textGroup[t] = gi
				ag.anchors = append(ag.anchors, anchorAgg{text: t, first: l.first, last: l.last, lastRD: -1})
			}
			aidGroup[l.aid] = gi
		}
		an := &ag.anchors[gi]
		an.links++
		an.first = min(an.first, l.first)
		an.last = max(an.last, l.last)
		if an.lastRD != k {
			an.lastRD = k
			an.domains++
		}
		ag.pageLinks[l.page]++
		ag.pageLast[l.page] = max(ag.pageLast[l.page], l.last)
		if pageRD[l.page] != int32(k) {
			pageRD[l.page] = int32(k)
			ag.pageDoms[l.page]++
		}
		ag.weekLinks[week(l.first)]++
		return true
	})
	if lastK >= 0 {
		ag.rdLost[lastK] = lostAll
	}
	ips := map[uint32]bool{}
	cc := map[uint32]bool{}
	for k := 0; k < n; k++ {
		ag.weekRDs[week(ag.rdFirst[k])]++
		ag.rdNew[k] = ag.rdFirst[k] >= g.t0-30*day
		ip := domain(p.id(k)).ip
		ips[ip] = true
		cc[ip>>8] = true
	}
	ag.ips, ag.classC = int64(len(ips)), int64(len(cc))
	return ag
}

const emptyAnchor = "<EmptyAnchor>"

// mondayOf returns 00:00 UTC of the Monday of the week holding t.
func mondayOf(t int64) int64 {
	d := t - t%day
	// 1970-01-01 was a Thursday: day number 0 is weekday 3 counting from Monday.
	wd := (d/day + 3) % 7
	return d - wd*day
}
