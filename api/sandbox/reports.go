package sandbox

import (
	"cmp"
	"slices"
	"strings"

	"linkdive/api"
)

// exec runs one validated query against the synthetic web.
type exec struct {
	w     *world
	q     *query
	g     gen
	profs []*profile
}

// run builds the report's dataset: rows filtered and in output order.
func (x *exec) run() (*dataset, *apiErr) {
	for _, t := range x.q.targets {
		x.profs = append(x.profs, x.w.profile(t, &x.g))
	}
	if !x.q.rep.Multi && x.profs[0].total == 0 {
		return nil, errNothingFound
	}
	switch x.q.rep.Type {
	case "backlinks":
		return x.backlinks(), nil
	case "backlinks_overview":
		return x.overview(), nil
	case "backlinks_refdomains":
		return x.refdomains(), nil
	case "backlinks_refips":
		return x.refips(), nil
	case "backlinks_tld":
		return x.groups(func(d *domInfo) string { return d.zone }), nil
	case "backlinks_geo":
		return x.groups(func(d *domInfo) string { n, _ := api.CountryName(d.country); return n }), nil
	case "backlinks_anchors":
		return x.anchors(), nil
	case "backlinks_pages":
		return x.pages(), nil
	case "backlinks_competitors":
		return x.competitors(), nil
	case "backlinks_comparison":
		return x.comparison(), nil
	case "backlinks_matrix":
		return x.matrix(), nil
	case "backlinks_ascore_profile":
		return x.ascoreProfile(), nil
	case "backlinks_categories":
		return x.categories(), nil
	case "backlinks_categories_profile":
		return x.categoriesProfile(), nil
	case "backlinks_historical":
		return x.historical(), nil
	}
	return nil, errTypeDisabled
}

// finish orders a table by the query's sort (or natural order) and filter.
func (x *exec) finish(t *table, keep func(i int) bool) *dataset {
	var key func(i int) int64
	if x.q.sortCol != "" {
		if x.q.sortIdx >= 0 {
			key = t.indexed(x.q.sortIdx)
		} else {
			key = t.num[x.q.sortCol]
		}
	}
	return t.dataset(keep, key, x.q.desc)
}

func (t *table) indexed(i int) func(int) int64 { return t.num["#"+string(rune('0'+i))] }

func (x *exec) overview() *dataset {
	p := x.profs[0]
	ag := p.aggregates(&x.g)
	v := map[string]int64{
		"ascore": int64(p.authority().score), "total": p.total, "domains_num": int64(p.nrd()),
		"urls_num": ag.urls, "ips_num": ag.ips, "ipclassc_num": ag.classC,
		"follows_num": ag.follows, "nofollows_num": ag.nofollows, "sponsored_num": ag.sponsored,
		"ugc_num": ag.ugc, "texts_num": ag.texts, "images_num": ag.images, "forms_num": ag.forms,
		"frames_num": ag.frames,
	}
	t := &table{n: 1, num: map[string]func(int) int64{}}
	for k, val := range v {
		t.num[k] = func(int) int64 { return val }
	}
	return t.dataset(nil, nil, false)
}

func (x *exec) refdomains() *dataset {
	p := x.profs[0]
	ag := p.aggregates(&x.g)
	n := p.nrd()
	doms := make([]domInfo, n)
	for k := range doms {
		doms[k] = domain(p.id(k))
	}
	t := &table{n: n,
		num: map[string]func(int) int64{
			"domain_ascore": func(k int) int64 { return int64(doms[k].ascore) },
			"backlinks_num": func(k int) int64 { return int64(p.count(k)) },
			"first_seen":    func(k int) int64 { return ag.rdFirst[k] },
			"last_seen":     func(k int) int64 { return ag.rdLast[k] },
		},
		text: map[string]func([]byte, int) []byte{
			"domain":  func(d []byte, k int) []byte { return appendName(d, p.id(k)) },
			"ip":      func(d []byte, k int) []byte { return appendIP(d, doms[k].ip) },
			"country": func(d []byte, k int) []byte { return append(d, doms[k].country...) },
		},
	}
	var fs []func(int) bool
	for _, c := range x.q.filter {
		var f func(int) bool
		switch c.Field {
		case "type":
			if c.Value == "newdomain" {
				f = func(k int) bool { return ag.rdNew[k] }
			} else {
				f = func(k int) bool { return ag.rdLost[k] }
			}
		case "zone":
			f = func(k int) bool { return doms[k].zone == c.Value }
		case "country":
			f = func(k int) bool { return doms[k].country == c.Value }
		case "ip":
			f = func(k int) bool { return textMatch(c.Op, ipString(doms[k].ip), c.Value) }
		case "category":
			f = func(k int) bool { return textMatch(c.Op, categories[doms[k].cat], c.Value) }
		}
		fs = append(fs, signed(c, f))
	}
	return x.finish(t, allOf(fs))
}

// rdGroup is a group of referring domains (by IP, zone or country).
type rdGroup struct {
	name        string
	ip          uint32
	country     string
	domains     int64
	backlinks   int64
	first, last int64
}

func (x *exec) grouped(key func(k int, d *domInfo) string) []*rdGroup {
	p := x.profs[0]
	ag := p.aggregates(&x.g)
	by := map[string]*rdGroup{}
	for k := 0; k < p.nrd(); k++ {
		d := domain(p.id(k))
		name := key(k, &d)
		gr := by[name]
		if gr == nil {
			gr = &rdGroup{name: name, ip: d.ip, country: d.country, first: ag.rdFirst[k], last: ag.rdLast[k]}
			by[name] = gr
		}
		gr.domains++
		gr.backlinks += int64(p.count(k))
		gr.first = min(gr.first, ag.rdFirst[k])
		gr.last = max(gr.last, ag.rdLast[k])
	}
	out := make([]*rdGroup, 0, len(by))
	for _, gr := range by {
		out = append(out, gr)
	}
	return out
}

func groupTable(gs []*rdGroup, nameCol string) *table {
	return &table{n: len(gs),
		num: map[string]func(int) int64{
			"domains_num":   func(i int) int64 { return gs[i].domains },
			"backlinks_num": func(i int) int64 { return gs[i].backlinks },
			"first_seen":    func(i int) int64 { return gs[i].first },
			"last_seen":     func(i int) int64 { return gs[i].last },
		},
		text: map[string]func([]byte, int) []byte{
			nameCol: func(d []byte, i int) []byte { return append(d, gs[i].name...) },
		},
	}
}

func (x *exec) groups(name func(d *domInfo) string) *dataset {
	gs := x.grouped(func(_ int, d *domInfo) string { return name(d) })
	slices.SortFunc(gs, func(a, b *rdGroup) int { return strings.Compare(a.name, b.name) })
	col := "zone"
	if x.q.rep.Type == "backlinks_geo" {
		col = "country"
	}
	return x.finish(groupTable(gs, col), nil)
}

func (x *exec) refips() *dataset {
	gs := x.grouped(func(_ int, d *domInfo) string { return ipString(d.ip) })
	slices.SortFunc(gs, func(a, b *rdGroup) int { return cmp.Compare(a.ip, b.ip) })
	t := groupTable(gs, "ip")
	t.text["country"] = func(d []byte, i int) []byte { return append(d, gs[i].country...) }
	return x.finish(t, nil)
}

func (x *exec) anchors() *dataset {
	ag := x.profs[0].aggregates(&x.g)
	as := slices.Clone(ag.anchors)
	slices.SortFunc(as, func(a, b anchorAgg) int { return strings.Compare(a.text, b.text) })
	t := &table{n: len(as),
		num: map[string]func(int) int64{
			"domains_num":   func(i int) int64 { return as[i].domains },
			"backlinks_num": func(i int) int64 { return as[i].links },
			"first_seen":    func(i int) int64 { return as[i].first },
			"last_seen":     func(i int) int64 { return as[i].last },
		},
		text: map[string]func([]byte, int) []byte{
			"anchor": func(d []byte, i int) []byte { return append(d, as[i].text...) },
		},
	}
	return x.finish(t, nil)
}

func (x *exec) pages() *dataset {
	p := x.profs[0]
	s := p.s
	ag := p.aggregates(&x.g)
	ps := s.strings(x.g.year)
	var rows []int
	for pg, n := range ag.pageLinks {
		if n > 0 {
			rows = append(rows, pg)
		}
	}
	t := &table{n: len(rows),
		num: map[string]func(int) int64{
			"response_code": func(i int) int64 { return int64(s.pages[rows[i]].code) },
			"backlinks_num": func(i int) int64 { return int64(ag.pageLinks[rows[i]]) },
			"domains_num":   func(i int) int64 { return int64(ag.pageDoms[rows[i]]) },
			"last_seen":     func(i int) int64 { return ag.pageLast[rows[i]] },
			"external_num":  func(i int) int64 { return int64(s.pages[rows[i]].ext) },
			"internal_num":  func(i int) int64 { return int64(s.pages[rows[i]].int) },
		},
		text: map[string]func([]byte, int) []byte{
			"source_url":   str(func(i int) string { return ps.urls[rows[i]] }),
			"source_title": str(func(i int) string { return ps.titles[rows[i]] }),
		},
	}
	return x.finish(t, nil)
}

func (x *exec) ascoreProfile() *dataset {
	p := x.profs[0]
	var hist [101]int64
	for k := 0; k < p.nrd(); k++ {
		hist[domain(p.id(k)).ascore]++
	}
	t := &table{n: 101, num: map[string]func(int) int64{
		"ascore":      func(i int) int64 { return int64(i) },
		"domains_num": func(i int) int64 { return hist[i] },
	}}
	return t.dataset(nil, nil, false)
}

// categoriesProfile counts the categories of the first 10,000 referring
// domains (by backlinks, as the refdomains report lists them).
func (x *exec) categoriesProfile() *dataset {
	p := x.profs[0]
	order := ordering(p.nrd(), nil, func(k int) int64 { return int64(p.count(k)) }, true)
	counts := map[int]int64{}
	for _, k := range order[:min(len(order), 10000)] {
		counts[domain(p.id(int(k))).cat]++
	}
	type row struct {
		cat string
		n   int64
	}
	var rows []row
	for c, n := range counts {
		rows = append(rows, row{categories[c], n})
	}
	slices.SortFunc(rows, func(a, b row) int {
		if a.n != b.n {
			return int(b.n - a.n)
		}
		return strings.Compare(a.cat, b.cat)
	})
	t := &table{n: len(rows),
		num:  map[string]func(int) int64{"rating": func(i int) int64 { return rows[i].n }},
		text: map[string]func([]byte, int) []byte{"category_name": str(func(i int) string { return rows[i].cat })},
	}
	return t.dataset(nil, nil, false)
}

// categories are the target's own categories with a confidence.
func (x *exec) categories() *dataset {
	p := x.profs[0]
	cats := nicheCats[p.s.niche]
	h := strHash("cat:" + x.q.targets[0].norm)
	type row struct {
		cat    string
		rating float64
	}
	r := 0.82 + 0.15*unit(h)
	var rows []row
	for i, c := range cats {
		rows = append(rows, row{categories[c], r})
		r *= 0.80 + 0.15*unit(h2(h, uint64(i)))
	}
	if o := below(h2(h, 99), numNiches); o != p.s.niche { // a neighbouring topic, with less confidence
		rows = append(rows, row{categories[nicheCats[o][0]], r * 0.8})
	}
	slices.SortStableFunc(rows, func(a, b row) int {
		switch {
		case a.rating > b.rating:
			return -1
		case a.rating < b.rating:
			return 1
		}
		return 0
	})
	t := &table{n: len(rows), text: map[string]func([]byte, int) []byte{
		"category_name": str(func(i int) string { return rows[i].cat }),
		"rating":        func(d []byte, i int) []byte { return appendFixed6(d, rows[i].rating) },
	}}
	return t.dataset(nil, nil, false)
}

func appendFixed6(dst []byte, f float64) []byte {
	v := int64(f*1e6 + 0.5)
	dst = appendInt(dst, v/1e6)
	dst = append(dst, '.')
	frac := v % 1e6
	for d := int64(1e5); d > 0; d /= 10 {
		dst = append(dst, byte('0'+frac/d%10))
	}
	return dst
}

// historical is weekly: Mondays 00:00 UTC, newest first, the newest row
// being today's totals.
func (x *exec) historical() *dataset {
	p := x.profs[0]
	ag := p.aggregates(&x.g)
	monday := mondayOf(x.g.t0)
	var links, rds []int64
	var cl, cr int64
	for w := maxWeeks; w >= 0; w-- {
		cl += ag.weekLinks[w]
		cr += ag.weekRDs[w]
		links = append(links, cl)
		rds = append(rds, cr)
	}
	slices.Reverse(links)
	slices.Reverse(rds)
	n := 0
	for n < maxWeeks && links[n] > 0 {
		n++
	}
	t := &table{n: n, num: map[string]func(int) int64{
		"date":          func(i int) int64 { return monday - int64(i)*7*day },
		"backlinks_num": func(i int) int64 { return links[i] },
		"domains_num":   func(i int) int64 { return rds[i] },
		"score":         func(i int) int64 { return int64(p.scoreAt(int(rds[i]))) },
	}}
	return t.dataset(nil, nil, false)
}
