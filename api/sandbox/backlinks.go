package sandbox

import (
	"slices"
	"strings"

	"linkdive/api"
)

// backlinks streams the links of a profile. Nothing of the size of the
// profile is kept but the ids of the matching links (4 bytes each) and,
// when sorting, one packed 8-byte key per link; every row is regenerated
// from its id when written.
func (x *exec) backlinks() *dataset {
	p := x.profs[0]
	s := p.s
	g := &x.g
	ps := s.strings(g.year)
	n := p.nrd()

	// Conditions on the referring domain are decided once per domain.
	rdOK := make([]bool, n)
	var rdConds, linkConds []api.Cond
	for _, c := range x.q.filter {
		switch c.Field {
		case "zone", "refdomain", "ip":
			rdConds = append(rdConds, c)
		default:
			linkConds = append(linkConds, c)
		}
	}
	var hostBuf []byte
	for k := range rdOK {
		ok := true
		if len(rdConds) > 0 {
			id := p.id(k)
			d := domain(id)
			hostBuf = hostBuf[:0]
			if d.www {
				hostBuf = append(hostBuf, "www."...)
			}
			hostBuf = appendName(hostBuf, id)
			for _, c := range rdConds {
				var m bool
				switch c.Field {
				case "zone":
					m = d.zone == c.Value
				case "refdomain":
					m = hostMatch(c.Op, string(hostBuf), c.Value)
				case "ip":
					m = textMatch(c.Op, ipString(d.ip), c.Value)
				}
				if m == c.Exclude {
					ok = false
					break
				}
			}
		}
		rdOK[k] = ok
	}

	anchorText := map[uint32]string{}
	var abuf []byte
	anchorOf := func(aid uint32) string {
		t, ok := anchorText[aid]
		if !ok {
			abuf = s.appendAnchor(abuf[:0], aid, ps, g)
			t = strings.ToLower(string(abuf))
			anchorText[aid] = t
		}
		return t
	}
	var rec record
	linkOK := func(a *rdAttr, l *link) bool {
		for _, c := range linkConds {
			var m bool
			switch c.Field {
			case "type":
				m = typeMatch(c.Value, l)
			case "anchor":
				m = textMatch(c.Op, anchorOf(l.aid), c.Value)
			case "urlanchor":
				m = textMatch(c.Op, anchorOf(l.aid), c.Value)
				if !m {
					s.fill(a, l, g, ps, &rec)
					m = textMatch(c.Op, string(rec.get(rec.srcURL)), c.Value)
				}
			}
			if m == c.Exclude {
				return false
			}
		}
		return true
	}

	sortKey := func(l *link) uint64 { return 0 }
	sorted := x.q.sortCol != ""
	switch x.q.sortCol {
	case "page_ascore":
		sortKey = func(l *link) uint64 { return uint64(l.pageAS) }
	case "first_seen":
		sortKey = func(l *link) uint64 { return uint64(l.first) }
	case "last_seen":
		sortKey = func(l *link) uint64 { return uint64(l.last) }
	}
	const maxKey = 1<<32 - 1
	var ids []uint32
	var keys []uint64
	var small []uint8 // page_ascore keys: counting sort
	byScore := x.q.sortCol == "page_ascore"
	var l link
	li := 0
	attrs := make([]rdAttr, n)
	for k := 0; k < n; k++ {
		i := p.rd(k)
		c := int(p.count(k))
		if !rdOK[k] {
			li += c
			continue
		}
		attrs[k] = s.rdAttr(i, g)
		a := attrs[k]
		for t := 0; t < c; t++ {
			j := uint32(t)
			if p.links != nil {
				j = p.links[li+t] - s.start[i]
			}
			s.link(&a, j, g, &l)
			if len(linkConds) > 0 && !linkOK(&a, &l) {
				continue
			}
			if byScore {
				v := uint8(l.pageAS)
				if x.q.desc {
					v = 100 - v
				}
				small = append(small, v)
			} else if sorted {
				kv := min(sortKey(&l), maxKey)
				if x.q.desc {
					kv = maxKey - kv
				}
				keys = append(keys, kv<<32|uint64(len(ids)))
			}
			ids = append(ids, s.start[i]+j)
		}
		li += c
	}
	order := ids
	if byScore {
		// Stable counting sort: ties stay in link order, as the packed
		// keys below would leave them.
		var start [102]int
		for _, v := range small {
			start[v+1]++
		}
		for v := 1; v < len(start); v++ {
			start[v] += start[v-1]
		}
		order = make([]uint32, len(ids))
		for r, v := range small {
			order[start[v]] = ids[r]
			start[v]++
		}
		small = nil
	} else if sorted {
		slices.Sort(keys)
		order = make([]uint32, len(ids))
		for r, kv := range keys {
			order[r] = ids[uint32(kv)]
		}
		keys = nil
	}

	var cur link
	ds := &dataset{n: len(order)}
	ds.load = func(r int) {
		id := order[r]
		i := s.rdOfLink(id)
		k := i
		if p.pos != nil {
			k, _ = slices.BinarySearch(p.pos, int32(i))
		}
		a := &attrs[k]
		s.link(a, id-s.start[i], g, &cur)
		s.fill(a, &cur, g, ps, &rec)
	}
	field := func(sp func() span) colFn {
		return func(d []byte, _ int) []byte { return append(d, rec.get(sp())...) }
	}
	num := func(v func() int64) colFn { return func(d []byte, _ int) []byte { return appendInt(d, v()) } }
	flag := func(v func() bool) colFn {
		return func(d []byte, _ int) []byte {
			if v() {
				return append(d, "true"...)
			}
			return append(d, "false"...)
		}
	}
	cols := map[string]colFn{
		"page_ascore":   num(func() int64 { return int64(cur.pageAS) }),
		"response_code": num(func() int64 { return int64(rec.code) }),
		"source_size":   num(func() int64 { return int64(rec.size) }),
		"external_num":  num(func() int64 { return int64(rec.ext) }),
		"internal_num":  num(func() int64 { return int64(rec.int) }),
		"redirect_url":  field(func() span { return rec.redirect }),
		"source_url":    field(func() span { return rec.srcURL }),
		"source_title":  field(func() span { return rec.srcTitle }),
		"image_url":     field(func() span { return rec.imgURL }),
		"target_url":    field(func() span { return rec.tgtURL }),
		"target_title":  field(func() span { return rec.tgtTitle }),
		"anchor":        field(func() span { return rec.anchor }),
		"image_alt":     field(func() span { return rec.imgAlt }),
		"last_seen":     num(func() int64 { return cur.last }),
		"first_seen":    num(func() int64 { return cur.first }),
		"nofollow":      flag(func() bool { return cur.nofollow }),
		"form":          flag(func() bool { return cur.kind == kindForm }),
		"frame":         flag(func() bool { return cur.kind == kindFrame }),
		"image":         flag(func() bool { return cur.kind == kindImage }),
		"sitewide":      flag(func() bool { return cur.sitewide }),
		"newlink":       flag(func() bool { return cur.newl }),
		"lostlink":      flag(func() bool { return cur.lost }),
	}
	ds.cols = func(code string) []outCol { return []outCol{{code, cols[code]}} }
	return ds
}

func typeMatch(v string, l *link) bool {
	switch v {
	case "newlink":
		return l.newl
	case "lostlink":
		return l.lost
	case "follow":
		return !l.nofollow
	case "nofollow":
		return l.nofollow
	case "sponsored":
		return l.sponsored
	case "ugc":
		return l.ugc
	case "text":
		return l.kind == kindText
	case "image":
		return l.kind == kindImage
	case "form":
		return l.kind == kindForm
	case "frame":
		return l.kind == kindFrame
	case "sitewide":
		return l.sitewide
	}
	return false
}
