package sandbox

import (
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

// A site is the link graph of one root domain (or, for a host or URL the
// root does not have, of that host or URL on its own): its hosts and pages,
// its referring domains (universe ids, ascending) with their backlink
// counts, and the per-link rules that live in links.go. Link k of the site
// is link j of referring domain i, k = start[i]+j. A site does not depend on
// "today"; only the times derived from it do.
type site struct {
	key      string // cache key: "root:x", "host:x", "url:x"
	root     string // registrable domain
	seed     uint64
	niche    int
	brand    string
	hosts    []string // hosts[0] is canonical; hosts[1] the www / non-www twin (roots only)
	twin     bool     // hosts[1] is the twin
	fixedURL string   // a URL site: its single page
	ageDays  int
	ascore   int // fixed Authority Score (known or universe domain), -1: by formula
	asBias   float64

	rds   []uint32 // universe ids, ascending
	cnt   []uint32 // backlinks per referring domain
	start []uint32 // prefix sums, len(rds)+1
	boost []bool   // heavy (sitewide-capable) domains
	total int64

	pages []page
	strs  atomic.Pointer[pageStrings]
	mu    sync.Mutex
}

// pageStrings caches the URL and title of every page for one year (the
// year shows in headlines and paths).
type pageStrings struct {
	year   int
	urls   []string
	titles []string
	byURL  map[string]int
}

type page struct {
	host  uint8
	https bool
	code  uint16
	tmpl  uint8
	kw    uint8
	kw2   uint8
	jsess bool
	ext   uint16
	int   uint16
	num   uint8
}

var subdomainNames = []string{"blog", "shop", "news", "docs", "support", "m", "help", "community", "store", "app"}

var knownByName = map[string]*knownSite{}

func init() {
	for i := range knownSites {
		knownByName[knownSites[i].name] = &knownSites[i]
	}
}

const maxSiteBacklinks = 1_200_000

// newRootSite models a registrable domain.
func newRootSite(root string) *site {
	s := &site{key: "root:" + root, root: root, seed: strHash("root:" + root), ascore: -1}
	h := s.seed
	s.niche = below(h2(h, 1), numNiches)
	www := below(h2(h, 2), 100) < 70
	var n int
	var b int64
	uid, isUniverse := lookupDomain(root)
	switch k := knownByName[root]; {
	case k != nil:
		s.niche = nicheIndex[k.niche]
		s.brand = k.brand
		www = k.www
		n, b = k.rds, k.backlinks
		s.ascore = k.ascore
	case isUniverse:
		d := domain(uid)
		s.niche = d.niche
		www = d.www
		s.ascore = d.ascore
		n = clampInt(int(math.Pow(10, float64(d.ascore)/20)*logUniform(unit(h2(h, 3)), 0.5, 2)), 5, 60000)
		b = int64(float64(n) * logUniform(unit(h2(h, 4)), 2, 25))
	default:
		if k, ok := competitorNiche[root]; ok {
			s.niche = k
		}
		n = int(logUniform(unit(h2(h, 3)), 15, 40000))
		b = int64(float64(n) * logUniform(unit(h2(h, 4)), 1.5, 30))
	}
	if s.brand == "" {
		s.brand = brandOf(root)
	}
	canon, twin := root, "www."+root
	if www {
		canon, twin = twin, canon
	}
	s.hosts = []string{canon, twin}
	s.twin = true
	nsub := below(h2(h, 5), 4)
	for i := 0; i < nsub; i++ {
		sub := subdomainNames[below(h3(h, 6, uint64(i)), len(subdomainNames))]
		if !slices.Contains(s.hosts, sub+"."+root) {
			s.hosts = append(s.hosts, sub+"."+root)
		}
	}
	s.ageDays = 400 + below(h2(h, 7), 3600)
	s.asBias = float64(below(h2(h, 8), 9)) - 4
	var self int64 = -1
	if isUniverse {
		self = int64(uid)
	}
	s.generate(n, b, self)
	s.buildPages(clampInt(int(2*math.Pow(float64(n), 0.8)), 3, 30000))
	return s
}

// newHostSite models a host its root does not have.
func newHostSite(host string, parent *site) *site {
	s := &site{key: "host:" + host, root: parent.root, seed: strHash("host:" + host), ascore: -1}
	h := s.seed
	s.niche = parent.niche
	s.brand = parent.brand
	s.hosts = []string{host}
	s.ageDays = 200 + below(h2(h, 7), 2000)
	s.asBias = parent.asBias
	n := int(logUniform(unit(h2(h, 3)), 5, 800))
	s.generate(n, int64(float64(n)*logUniform(unit(h2(h, 4)), 1.5, 8)), -1)
	s.buildPages(clampInt(n/2, 3, 2000))
	return s
}

// newURLSite models a URL its root does not have: one page.
func newURLSite(u, host string, parent *site) *site {
	s := &site{key: "url:" + u, root: parent.root, seed: strHash("url:" + u), ascore: -1}
	h := s.seed
	s.niche = parent.niche
	s.brand = parent.brand
	s.hosts = []string{host}
	s.fixedURL = u
	s.ageDays = 100 + below(h2(h, 7), 1500)
	s.asBias = parent.asBias
	n := int(logUniform(unit(h2(h, 3)), 3, 120))
	s.generate(n, int64(float64(n)*logUniform(unit(h2(h, 4)), 1, 4)), -1)
	s.buildPages(1)
	return s
}

func brandOf(root string) string {
	label := root
	if i := strings.IndexByte(root, '.'); i > 0 {
		label = root[:i]
	}
	r := []rune(label)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// generate draws n distinct referring domains and spreads b backlinks over
// them (Pareto-like, a few heavy sitewide linkers).
func (s *site) generate(n int, b int64, self int64) {
	n = clampInt(n, 1, 60000)
	b = min(max(b, int64(n)), maxSiteBacklinks)
	var bits [universeSize / 64]uint64
	set := func(id uint32) bool {
		if int64(id) == self || bits[id>>6]&(1<<(id&63)) != 0 {
			return false
		}
		bits[id>>6] |= 1 << (id & 63)
		return true
	}
	r := rng{s: h2(s.seed, 100)}
	count := 0
	for i := range platforms {
		// Big profiles have links from most platforms, small ones from a few.
		p := float64(n) / (float64(n) + 40*float64(i+1))
		if r.float() < p && count < n && set(uint32(i)) {
			count++
		}
	}
	for tries := 0; count < n && tries < 60*n; tries++ {
		var id uint32
		if r.float() < 0.7 {
			rank := int(float64(poolSize) * math.Pow(r.float(), 2.2))
			id = nicheMember(s.niche, rank)
		} else {
			rank := int(float64(poolSize) * math.Pow(r.float(), 1.6))
			id = nicheMember(r.intn(numNiches), rank)
		}
		if id < universeSize && set(id) {
			count++
		}
	}
	for id := uint32(numPlatforms); count < n && id < universeSize; id++ {
		if set(id) {
			count++
		}
	}
	s.rds = make([]uint32, 0, count)
	for w, word := range bits {
		for word != 0 {
			t := uint32(trailingZeros(word))
			s.rds = append(s.rds, uint32(w)<<6|t)
			word &= word - 1
		}
	}
	n = len(s.rds)
	raw := make([]float64, n)
	s.boost = make([]bool, n)
	sum := 0.0
	for i, id := range s.rds {
		h := h3(s.seed, uint64(id), 1)
		v := pareto(unit(h), 1.15)
		if below(h>>3, 1000) < 60 {
			v *= logUniform(unit(h2(h, 2)), 10, 400)
			s.boost[i] = true
		}
		raw[i] = v
		sum += v
	}
	// No single domain carries more than a few percent of a big profile.
	if limit := 0.04 * sum; n > 50 {
		sum = 0
		for i, id := range s.rds {
			raw[i] = min(raw[i], limit*(0.5+0.5*unit(h3(s.seed, uint64(id), 3))))
			sum += raw[i]
		}
	}
	s.cnt = make([]uint32, n)
	extra := b - int64(n)
	var got int64
	for i, v := range raw {
		c := 1 + int64(float64(extra)*v/sum)
		s.cnt[i] = uint32(c)
		got += c
	}
	if rem := b - got; rem > 0 {
		order := make([]int, n)
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(a, c int) int {
			if raw[a] != raw[c] {
				if raw[a] > raw[c] {
					return -1
				}
				return 1
			}
			return a - c
		})
		for i := int64(0); i < rem; i++ {
			s.cnt[order[i%int64(n)]]++
		}
	}
	s.start = make([]uint32, n+1)
	for i, c := range s.cnt {
		s.start[i+1] = s.start[i] + c
	}
	s.total = int64(s.start[n])
}

func trailingZeros(x uint64) int {
	n := 0
	for x&1 == 0 {
		x >>= 1
		n++
	}
	return n
}

func (s *site) buildPages(p int) {
	s.pages = make([]page, p)
	kw := len(niches[s.niche].keywords)
	for i := range s.pages {
		h := h3(s.seed, uint64(i), 11)
		pg := page{https: true, code: 200,
			tmpl: uint8(below(h2(h, 1), len(headlineTemplates))),
			kw:   uint8(below(h2(h, 2), kw)), kw2: uint8(below(h2(h, 3), kw)),
			num: uint8(3 + below(h2(h, 4), 23))}
		switch {
		case s.fixedURL != "":
		case i == 0:
		case i == 1:
			pg.https, pg.code = false, 301
		case i == 2 && s.twin:
			pg.host, pg.code = 1, 301
		default:
			u := below(h2(h, 5), 100)
			switch {
			case s.twin && u < 3:
				pg.host, pg.code = 1, 301
			case len(s.hosts) > 2 && u < 22:
				pg.host = uint8(2 + below(h2(h, 6), len(s.hosts)-2))
			}
			if below(h2(h, 7), 100) < 5 {
				pg.https, pg.code = false, 301
			}
			if pg.code == 200 {
				switch c := below(h2(h, 8), 100); {
				case c < 5:
					pg.code = 301
				case c < 10:
					pg.code = 404
				}
			}
			pg.jsess = below(h2(h, 9), 200) == 0
		}
		if pg.code == 200 {
			pg.ext = uint16(2 + below(h2(h, 10), 150))
			pg.int = uint16(20 + below(h2(h, 11), 600))
		}
		s.pages[i] = pg
	}
}

// pageFor picks the target page of a link: the home page takes the most.
func (s *site) pageFor(h uint64) int {
	p := len(s.pages)
	if p <= 3 {
		return below(h, p)
	}
	u := unit(h)
	switch {
	case u < 0.30:
		return 0
	case u < 0.34:
		return 1
	case u < 0.36:
		return 2
	}
	v := unit(mix(h))
	return 3 + int(float64(p-3)*v*v*math.Sqrt(v)) // v^2.5: a long tail of pages
}

// appendPageURL appends the URL of page p.
func (s *site) appendPageURL(dst []byte, p int, year int) []byte {
	if s.fixedURL != "" {
		return append(dst, s.fixedURL...)
	}
	pg := &s.pages[p]
	if pg.https {
		dst = append(dst, "https://"...)
	} else {
		dst = append(dst, "http://"...)
	}
	dst = append(dst, s.hosts[pg.host]...)
	if p < 3 {
		return append(dst, '/')
	}
	id := uint64(10000 + p)
	slug := func(d []byte) []byte { return appendSlug(d, s.headline(nil, p, year)) }
	sect := pathSections[int(pg.kw2)%len(pathSections)]
	switch pg.tmpl % 5 {
	case 0:
		dst = append(dst, '/')
		dst = slug(dst)
		dst = append(dst, '/')
		dst = appendUint(dst, id)
		dst = append(dst, '/')
	case 1:
		dst = append(dst, '/')
		dst = append(dst, sect...)
		dst = append(dst, '/')
		dst = slug(dst)
		dst = append(dst, '-')
		dst = appendUint(dst, id)
		dst = append(dst, '/')
	case 2:
		dst = append(dst, '/')
		dst = append(dst, sect...)
		dst = append(dst, '/')
		dst = slug(dst)
		dst = append(dst, '-')
		dst = appendUint(dst, id)
		dst = append(dst, ".html"...)
	case 3:
		dst = append(dst, '/')
		dst = appendUint(dst, uint64(year-int(pg.num%4)))
		dst = append(dst, '/')
		m := 1 + int(pg.num)%12
		if m < 10 {
			dst = append(dst, '0')
		}
		dst = appendUint(dst, uint64(m))
		dst = append(dst, '/')
		dst = slug(dst)
		dst = append(dst, '-')
		dst = appendUint(dst, id)
		dst = append(dst, '/')
	default:
		dst = append(dst, "/p/"...)
		dst = appendUint(dst, id)
		dst = append(dst, '/')
		dst = slug(dst)
	}
	if pg.jsess {
		dst = append(dst, ";jsessionid="...)
		dst = appendHex(dst, h3(s.seed, uint64(p), 12), 16)
	}
	return dst
}

// headline appends the headline of page p (no brand).
func (s *site) headline(dst []byte, p int, year int) []byte {
	pg := &s.pages[p]
	nc := &niches[s.niche]
	return appendHeadline(dst, headlineTemplates[pg.tmpl], nc.keywords[pg.kw], nc.keywords[pg.kw2], int(pg.num), year)
}

// appendPageTitle appends the <title> of page p ("" for redirects and 404s).
func (s *site) appendPageTitle(dst []byte, p int, year int) []byte {
	pg := &s.pages[p]
	if pg.code != 200 {
		return dst
	}
	if p == 0 && s.fixedURL == "" {
		dst = append(dst, s.brand...)
		dst = append(dst, " - "...)
		return append(dst, niches[s.niche].tagline...)
	}
	dst = s.headline(dst, p, year)
	if pg.tmpl%2 == 0 {
		dst = append(dst, " | "...)
	} else {
		dst = append(dst, " - "...)
	}
	return append(dst, s.brand...)
}

// strings returns the page URLs and titles for a year, building them once.
func (s *site) strings(year int) *pageStrings {
	if ps := s.strs.Load(); ps != nil && ps.year == year {
		return ps
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if ps := s.strs.Load(); ps != nil && ps.year == year {
		return ps
	}
	ps := &pageStrings{year: year, urls: make([]string, len(s.pages)), titles: make([]string, len(s.pages)),
		byURL: make(map[string]int, len(s.pages))}
	var buf []byte
	for p := range s.pages {
		buf = s.appendPageURL(buf[:0], p, year)
		ps.urls[p] = string(buf)
		ps.byURL[ps.urls[p]] = p
		buf = s.appendPageTitle(buf[:0], p, year)
		ps.titles[p] = string(buf)
	}
	s.strs.Store(ps)
	return ps
}

// pageIndex finds the page with URL u (already normalised), or -1.
func (s *site) pageIndex(u string, year int) int {
	if p, ok := s.strings(year).byURL[u]; ok {
		return p
	}
	return -1
}

func (s *site) hostIndex(h string) int {
	return slices.Index(s.hosts, h)
}

func appendHeadline(dst []byte, tmpl, k, l string, n, year int) []byte {
	for i := 0; i < len(tmpl); i++ {
		if tmpl[i] == '{' && i+2 < len(tmpl) && tmpl[i+2] == '}' {
			switch tmpl[i+1] {
			case 'K':
				dst = appendTitleCase(dst, k)
			case 'L':
				dst = appendTitleCase(dst, l)
			case 'N':
				dst = appendUint(dst, uint64(n))
			case 'Y':
				dst = appendUint(dst, uint64(year))
			case 'B':
			}
			i += 2
			continue
		}
		dst = append(dst, tmpl[i])
	}
	return dst
}

func appendTitleCase(dst []byte, s string) []byte {
	up := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if up && c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		up = c == ' ' || c == '-'
		dst = append(dst, c)
	}
	return dst
}

// appendSlug appends the URL slug of a headline: lower-case ASCII words
// joined by '-'. It reads from the end of dst's own spare capacity, so the
// headline is built in a scratch buffer.
func appendSlug(dst []byte, headline []byte) []byte {
	dash := false
	n := 0
	for _, c := range headline {
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if dash && n > 0 {
				dst = append(dst, '-')
			}
			dst = append(dst, c)
			dash = false
			n++
		default:
			dash = true
		}
	}
	return dst
}

const hexDigits = "0123456789ABCDEF"

func appendHex(dst []byte, h uint64, n int) []byte {
	x := h
	for i := 0; i < n; i++ {
		if i%16 == 0 {
			x = h2(h, uint64(i))
		}
		dst = append(dst, hexDigits[x&15])
		x >>= 4
	}
	return dst
}
