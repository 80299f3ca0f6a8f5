package sandbox

import (
	"math"
	"time"
)

const day = 86400

// gen carries what link times and texts depend on besides the site: today.
type gen struct {
	t0   int64 // 00:00 UTC of "today"; every time is at or before it
	year int
}

func newGen(now time.Time) gen {
	t := now.UTC()
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return gen{t0: d.Unix(), year: d.Year()}
}

// rdAttr is what a site knows of one of its referring domains.
type rdAttr struct {
	id          uint32
	dom         domInfo
	n           uint32 // backlinks from it to the site
	sitewide    bool
	perPage     uint32 // links per source page
	nofollowAll bool
	lostAll     bool
	first       int64 // first link seen
	anchor      uint32
	swPage      int
	seed        uint64
}

func (s *site) rdAttr(i int, g *gen) rdAttr {
	id := s.rds[i]
	h := h3(s.seed, uint64(id), 2)
	a := rdAttr{id: id, dom: domain(id), n: s.cnt[i], seed: h}
	a.sitewide = s.boost[i] && a.n >= 10
	a.perPage = 1 + uint32(below(h2(h, 1), 3))
	if below(h2(h, 2), 100) < 55 {
		a.perPage = 1
	}
	a.nofollowAll = a.dom.ugc || below(h2(h, 3), 100) < 12
	a.lostAll = below(h2(h, 4), 1000) < 30
	age := float64(s.ageDays) * day
	a.first = g.t0 - int64(age*math.Pow(unit(h2(h, 5)), 1.4)) - int64(below(h2(h, 6), day))
	if a.sitewide {
		if below(h2(h, 7), 100) < 80 {
			a.swPage = 0
		} else {
			a.swPage = s.pageFor(h2(h, 8))
		}
		if below(h2(h, 9), 100) < 60 {
			a.anchor = aidBrand<<28 | uint32(below(h2(h, 10), numBrandVariants))
		} else {
			a.anchor = aidKeyword<<28 | uint32(below(h2(h, 10), len(niches[s.niche].keywords)*4))
		}
	}
	return a
}

// Anchor ids: kind in the top 4 bits, an index below.
const (
	aidEmpty   = 0
	aidBrand   = 1
	aidNaked   = 2
	aidGeneric = 3
	aidKeyword = 4
	aidTitle   = 5
	aidPageURL = 6

	numBrandVariants = 5
	numNakedVariants = 3
)

// Link kinds.
const (
	kindText = iota
	kindImage
	kindForm
	kindFrame
)

// link is the compact part of one backlink: enough to filter, sort and
// aggregate. Texts are derived later (full).
type link struct {
	h         uint64
	j         uint32
	page      int
	sp        uint32 // source page within the referring domain
	kind      uint8
	nofollow  bool
	sponsored bool
	ugc       bool
	sitewide  bool
	newl      bool
	lost      bool
	pageAS    int
	first     int64
	last      int64
	aid       uint32
}

// pageOf is the target page of link j of a referring domain.
func (s *site) pageOf(a *rdAttr, j uint32) int {
	if a.sitewide {
		return a.swPage
	}
	return s.pageFor(h2(a.seed, uint64(j)+1<<40))
}

func (s *site) link(a *rdAttr, j uint32, g *gen, l *link) {
	h := h2(a.seed, uint64(j))
	l.h, l.j = h, j
	l.page = s.pageOf(a, j)
	l.sitewide = a.sitewide
	if a.sitewide {
		l.sp = j
	} else {
		l.sp = j / a.perPage
	}
	u := below(h, 1000)
	l.nofollow, l.sponsored, l.ugc = false, false, false
	switch {
	case a.dom.ugc:
		l.nofollow, l.ugc = true, true
	case a.nofollowAll:
		l.nofollow = true
	case u < 70:
		l.nofollow = true
	case u < 80:
		l.nofollow, l.sponsored = true, true
	case u < 95:
		l.nofollow, l.ugc = true, true
	}
	k := below(h>>10, 1000)
	switch {
	case a.sitewide && k < 850:
		l.kind = kindText
	case a.sitewide:
		l.kind = kindImage
	case k < 120:
		l.kind = kindImage
	case k < 140:
		l.kind = kindFrame
	case k < 145:
		l.kind = kindForm
	default:
		l.kind = kindText
	}
	l.aid = s.anchorFor(a, l, h2(h, 3))
	as := float64(a.dom.ascore)*(0.35+0.6*unit(h2(h, 4))) + float64(below(h>>20, 7)) - 3
	l.pageAS = clampInt(int(as+0.5), 0, 100)
	// Times: the domain's first link is its earliest; later links spread
	// towards today, more of them recent.
	span := float64(g.t0 - a.first)
	if j == 0 {
		l.first = a.first
	} else {
		v := unit(h2(h, 5))
		l.first = a.first + int64(span*v*(0.4+0.6*v))
	}
	l.first = min(l.first, g.t0-3600)
	l.lost = a.lostAll || below(h>>30, 100) < 8
	w := unit(h2(h, 6))
	if l.lost {
		end := g.t0 - day
		l.last = l.first
		if end > l.first {
			l.last = l.first + int64(float64(end-l.first)*w)
		}
	} else {
		l.last = g.t0 - int64(14*day*w*w) - 1 - int64(below(h>>50, 43200))
		if l.last < l.first {
			l.last = l.first + int64(float64(g.t0-l.first)*w)
		}
	}
	l.newl = !l.lost && l.first >= g.t0-30*day
}

func (s *site) anchorFor(a *rdAttr, l *link, h uint64) uint32 {
	if l.kind != kindText {
		return aidEmpty
	}
	if a.sitewide {
		return a.anchor
	}
	nk := len(niches[s.niche].keywords)
	u := below(h, 100)
	switch {
	case u < 28:
		return aidBrand<<28 | uint32(below(h>>8, numBrandVariants))
	case u < 36:
		return aidNaked<<28 | uint32(below(h>>8, numNakedVariants))
	case u < 42:
		return aidPageURL<<28 | uint32(l.page)
	case u < 60:
		return aidGeneric<<28 | uint32(below(h>>8, len(genericAnchors)))
	case u < 85:
		return aidKeyword<<28 | uint32(below(h>>8, nk*4))
	case u < 95:
		return aidTitle<<28 | uint32(l.page)
	}
	return aidEmpty
}

// appendAnchor appends the anchor text of an anchor id.
func (s *site) appendAnchor(dst []byte, aid uint32, ps *pageStrings, g *gen) []byte {
	idx := int(aid & (1<<28 - 1))
	switch aid >> 28 {
	case aidBrand:
		switch idx {
		case 0:
			return append(dst, s.brand...)
		case 1:
			return appendLower(dst, s.brand)
		case 2:
			return append(dst, s.root...)
		case 3:
			dst = append(dst, s.brand...)
			return append(dst, " website"...)
		default:
			dst = append(dst, "visit "...)
			return append(dst, s.brand...)
		}
	case aidNaked:
		switch idx {
		case 0:
			return append(dst, s.root...)
		case 1:
			return append(dst, s.hosts[0]...)
		default:
			dst = append(dst, "https://"...)
			dst = append(dst, s.hosts[0]...)
			return append(dst, '/')
		}
	case aidPageURL:
		return append(dst, ps.urls[idx]...)
	case aidGeneric:
		return append(dst, genericAnchors[idx]...)
	case aidKeyword:
		kw := niches[s.niche].keywords[idx/4]
		switch idx % 4 {
		case 0:
			return append(dst, kw...)
		case 1:
			dst = append(dst, "best "...)
			return append(dst, kw...)
		case 2:
			dst = append(dst, kw...)
			return append(dst, " guide"...)
		default:
			dst = append(dst, kw...)
			return append(dst, " tips"...)
		}
	case aidTitle:
		return s.headline(dst, idx, g.year)
	}
	return dst
}

func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
