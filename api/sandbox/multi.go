package sandbox

import (
	"math"
	"slices"
	"strings"
)

// competitors are the other sites of the target's niche, ranked by how
// many referring domains they share with it.
func (x *exec) competitors() *dataset {
	p := x.profs[0]
	mine := p.rdIDs()
	type row struct {
		name                string
		as, sim             int
		common, doms, links int64
	}
	var rows []row
	for _, name := range nicheSites[p.s.niche] {
		if name == p.s.root {
			continue
		}
		cp := x.w.profile(target{kind: tkRoot, norm: name, host: name}, &x.g)
		c := common(mine, cp.s.rds)
		if c == 0 {
			continue
		}
		sim := int(math.Round(100 * float64(c) / math.Sqrt(float64(len(mine))*float64(cp.nrd()))))
		rows = append(rows, row{name, cp.authority().score, sim, int64(c), int64(cp.nrd()), cp.total})
	}
	slices.SortFunc(rows, func(a, b row) int {
		switch {
		case a.sim != b.sim:
			return b.sim - a.sim
		case a.common != b.common:
			return int(b.common - a.common)
		}
		return strings.Compare(a.name, b.name)
	})
	t := &table{n: len(rows),
		num: map[string]func(int) int64{
			"ascore":            func(i int) int64 { return int64(rows[i].as) },
			"similarity":        func(i int) int64 { return int64(rows[i].sim) },
			"common_refdomains": func(i int) int64 { return rows[i].common },
			"domains_num":       func(i int) int64 { return rows[i].doms },
			"backlinks_num":     func(i int) int64 { return rows[i].links },
		},
		text: map[string]func([]byte, int) []byte{
			"neighbour": str(func(i int) string { return rows[i].name }),
		},
	}
	return t.dataset(nil, nil, false)
}

// comparison is one overview row per target, in request order.
func (x *exec) comparison() *dataset {
	ps := x.profs
	ts := x.q.targets
	aggs := make([]*aggregates, len(ps))
	for i, p := range ps {
		if p.total > 0 {
			aggs[i] = p.aggregates(&x.g)
		} else {
			aggs[i] = &aggregates{}
		}
	}
	t := &table{n: len(ps),
		num: map[string]func(int) int64{
			"ascore":        func(i int) int64 { return int64(ps[i].authority().score) },
			"backlinks_num": func(i int) int64 { return ps[i].total },
			"domains_num":   func(i int) int64 { return int64(ps[i].nrd()) },
			"ips_num":       func(i int) int64 { return aggs[i].ips },
			"follows_num":   func(i int) int64 { return aggs[i].follows },
			"nofollows_num": func(i int) int64 { return aggs[i].nofollows },
			"texts_num":     func(i int) int64 { return aggs[i].texts },
			"images_num":    func(i int) int64 { return aggs[i].images },
			"forms_num":     func(i int) int64 { return aggs[i].forms },
			"frames_num":    func(i int) int64 { return aggs[i].frames },
		},
		text: map[string]func([]byte, int) []byte{
			"target":      str(func(i int) string { return ts[i].value }),
			"target_type": str(func(i int) string { return ts[i].ttype }),
		},
	}
	return t.dataset(nil, nil, false)
}

// matrix lists every referring domain of any target with its backlinks to
// each target; "backlinks_num" expands into one column per target, named
// after the target as sent.
func (x *exec) matrix() *dataset {
	ps := x.profs
	nt := len(ps)
	type rd struct {
		id  uint32
		cnt [8]uint32
	}
	var rows []rd
	pos := make([]int, nt)
	ids := make([][]uint32, nt)
	for i, p := range ps {
		ids[i] = p.rdIDs()
	}
	for {
		next := uint32(math.MaxUint32)
		for i := range ps {
			if pos[i] < len(ids[i]) {
				next = min(next, ids[i][pos[i]])
			}
		}
		if next == math.MaxUint32 {
			break
		}
		r := rd{id: next}
		for i, p := range ps {
			if pos[i] < len(ids[i]) && ids[i][pos[i]] == next {
				r.cnt[i] = p.count(pos[i])
				pos[i]++
			}
		}
		rows = append(rows, r)
	}
	matches := func(i int) int64 {
		n := int64(0)
		for t := 0; t < nt; t++ {
			if rows[i].cnt[t] > 0 {
				n++
			}
		}
		return n
	}
	t := &table{n: len(rows),
		num: map[string]func(int) int64{
			"domain_ascore": func(i int) int64 { return int64(domain(rows[i].id).ascore) },
			"matches_num":   matches,
		},
		text: map[string]func([]byte, int) []byte{
			"domain": func(d []byte, i int) []byte { return appendName(d, rows[i].id) },
		},
		expand: map[string][]outCol{},
	}
	var per []outCol
	for ti := 0; ti < nt; ti++ {
		t.num["#"+string(rune('0'+ti))] = func(i int) int64 { return int64(rows[i].cnt[ti]) }
		per = append(per, outCol{x.q.targets[ti].value, func(d []byte, i int) []byte { return appendUint(d, uint64(rows[i].cnt[ti])) }})
	}
	t.expand["backlinks_num"] = per
	var fs []func(int) bool
	for _, c := range x.q.filter {
		_, idx := splitIndex(c.Field)
		key := t.indexed(idx)
		fs = append(fs, signed(c, func(i int) bool { return metricMatch(c.Op, key(i), c.Value) }))
	}
	return x.finish(t, allOf(fs))
}

func splitIndex(name string) (string, int) {
	i := strings.LastIndexByte(name, '_')
	n := 0
	for _, c := range name[i+1:] {
		n = n*10 + int(c-'0')
	}
	return name[:i], n
}
