package sandbox

import (
	"fmt"
	"math"
	"strings"
)

// The universe is one shared set of referring domains: 2^20 ids. Ids below
// len(platforms) are the popular platforms; every other id is a generated
// name (two consonant-vowel syllables and an ending, plus a TLD) with stable
// attributes derived from its hash. Generated id g belongs to niche
// (g-NP) % len(niches) at popularity rank (g-NP) / len(niches): rank 0 is
// the most linked-from domain of the niche.
const (
	universeBits = 20
	universeSize = 1 << universeBits
	universeMask = universeSize - 1
)

var (
	numPlatforms = len(platforms)
	numNiches    = len(niches)
	poolSize     = (universeSize - numPlatforms + numNiches - 1) / numNiches
)

const seedUniverse = 0x5eed_0f_7e_b

// tld is a domain suffix: its zone (the last label) and the country it
// suggests ("" for generic TLDs).
type tld struct {
	suffix  string
	zone    string
	country string
	weight  float64
}

var tlds = []tld{
	{"com", "com", "", 48}, {"net", "net", "", 7}, {"org", "org", "", 7}, {"info", "info", "", 2},
	{"io", "io", "", 2}, {"co", "co", "", 1.2}, {"biz", "biz", "", 0.8}, {"xyz", "xyz", "", 0.8},
	{"me", "me", "", 0.6}, {"online", "online", "", 0.5}, {"eu", "eu", "", 0.4},
	{"co.uk", "uk", "gb", 4}, {"de", "de", "de", 4.5}, {"ru", "ru", "ru", 3}, {"fr", "fr", "fr", 2},
	{"jp", "jp", "jp", 1.2}, {"co.jp", "jp", "jp", 0.8}, {"com.br", "br", "br", 2}, {"it", "it", "it", 2},
	{"nl", "nl", "nl", 1.5}, {"pl", "pl", "pl", 1.5}, {"com.au", "au", "au", 1.5}, {"in", "in", "in", 0.7},
	{"co.in", "in", "in", 0.5}, {"es", "es", "es", 1}, {"ca", "ca", "ca", 1}, {"se", "se", "se", 0.6},
	{"ch", "ch", "ch", 0.6}, {"co.kr", "kr", "kr", 0.5}, {"cn", "cn", "cn", 0.6}, {"cz", "cz", "cz", 0.5},
	{"com.ua", "ua", "ua", 0.4}, {"be", "be", "be", 0.5}, {"at", "at", "at", 0.5}, {"dk", "dk", "dk", 0.4},
	{"fi", "fi", "fi", 0.3}, {"no", "no", "no", 0.3}, {"pt", "pt", "pt", 0.3}, {"com.tr", "tr", "tr", 0.3},
	{"com.mx", "mx", "mx", 0.4}, {"com.ar", "ar", "ar", 0.3}, {"co.za", "za", "za", 0.3}, {"ro", "ro", "ro", 0.3},
	{"hu", "hu", "hu", 0.3}, {"gr", "gr", "gr", 0.2}, {"ie", "ie", "ie", 0.3}, {"co.nz", "nz", "nz", 0.3},
	{"vn", "vn", "vn", 0.3}, {"co.id", "id", "id", 0.3}, {"com.tw", "tw", "tw", 0.2}, {"co.il", "il", "il", 0.2},
	{"com.sg", "sg", "sg", 0.2}, {"com.hk", "hk", "hk", 0.2}, {"bg", "bg", "bg", 0.2},
}

// Hosting weights: how many of the sandbox's /24 blocks each country gets.
var hostingWeights = []struct {
	cc string
	w  float64
}{
	{"us", 330}, {"de", 45}, {"gb", 32}, {"fr", 24}, {"nl", 30}, {"ca", 14}, {"ru", 20}, {"jp", 15},
	{"cn", 10}, {"in", 10}, {"br", 10}, {"au", 10}, {"it", 9}, {"es", 9}, {"pl", 8}, {"se", 6},
	{"ch", 6}, {"kr", 6}, {"sg", 12}, {"ie", 8}, {"ua", 5}, {"cz", 4}, {"at", 4}, {"be", 4},
	{"dk", 3}, {"fi", 4}, {"no", 3}, {"pt", 3}, {"tr", 4}, {"mx", 3}, {"ar", 2}, {"za", 3},
	{"id", 3}, {"vn", 3}, {"th", 2}, {"hk", 5}, {"tw", 3}, {"il", 3}, {"ro", 4}, {"bg", 4},
	{"hu", 3}, {"gr", 2}, {"nz", 2}, {"my", 2}, {"ph", 1}, {"cl", 1}, {"co", 1}, {"ae", 2},
	{"lt", 2}, {"lv", 1}, {"ee", 1},
}

// IP space: only documentation and benchmarking ranges, never a real host.
// Blocks 0..511 are the /24s of 198.18.0.0/15; 512..514 are TEST-NET-1..3.
const numBlocks = 515

var testNets = [3]uint32{192<<24 | 0<<16 | 2<<8, 198<<24 | 51<<16 | 100<<8, 203<<24 | 0<<16 | 113<<8}

func blockBase(b int) uint32 {
	if b < 512 {
		return 198<<24 | 18<<16 + uint32(b)<<8
	}
	return testNets[b-512]
}

func blockOf(ip uint32) int {
	if ip>>17 == (198<<24|18<<16)>>17 {
		return int(ip-(198<<24|18<<16)) >> 8
	}
	for i, n := range testNets {
		if ip&^0xff == n {
			return 512 + i
		}
	}
	return -1
}

var (
	syllables  [64]string
	endings    [256]string
	sylIndex   = map[string]int{}
	endIndex   = map[string]int{}
	tldCum     []float64
	tldBySuf   = map[string]int{}
	blockCC    [numBlocks]string
	ccBlocks   = map[string][]int{}
	categories []string // global category list
	catIndex   = map[string]int{}
	nicheCats  [][]int // niche -> category indexes
	platIndex  = map[string]int{}
	nicheIndex = map[string]int{}
	invM1      uint32
	invM2      uint32
)

const (
	scrM1 = 0x9E3B5
	scrM2 = 0x6F4F3
)

var endingWords = []string{
	"news", "blog", "hub", "media", "tech", "guide", "review", "daily", "online", "world", "zone", "central",
	"spot", "labs", "works", "digital", "press", "times", "post", "today", "insider", "pro", "base", "point",
	"web", "site", "page", "link", "box", "ly", "hq", "shop", "store", "mart", "deals", "market", "trade",
	"biz", "group", "team", "crew", "club", "house", "home", "place", "land", "city", "town", "studio", "lab",
	"forum", "talk", "chat", "wire", "feed", "cast", "tube", "pix", "gram", "wiki", "docs", "info", "facts",
	"life", "style", "trend", "buzz", "view", "vista", "scope", "sense", "mind", "smart", "geek", "nerd",
	"expert", "advisor", "coach", "planet", "globe", "nation", "direct", "first", "best", "top", "prime",
	"plus", "max", "one", "now", "go", "up", "way", "path", "road", "trail", "bay", "port", "harbor",
	"river", "peak", "ridge", "field", "garden", "farm", "nest", "hive", "den", "loft", "yard", "corner",
	"square", "circle", "line", "index", "list", "atlas", "map", "compass", "signal", "pulse", "spark",
	"flare", "glow", "beam", "wave", "flow",
}

func init() {
	cons := "bcdfghklmnprstvz"
	vow := "aeio"
	for i := 0; i < 64; i++ {
		syllables[i] = string(cons[i/4]) + string(vow[i%4])
		sylIndex[syllables[i]] = i
	}
	n := 0
	for c := 0; c < 16; c++ {
		for v := 0; v < 4; v++ {
			for _, f := range []string{"n", "r"} {
				endings[n] = string(cons[c]) + string(vow[v]) + f
				endIndex[endings[n]] = -1
				n++
			}
		}
	}
	for _, w := range endingWords {
		if n == len(endings) {
			break
		}
		if _, dup := endIndex[w]; dup {
			continue
		}
		endings[n] = w
		endIndex[w] = -1
		n++
	}
	for i := 0; n < len(endings); i++ { // pad, should the word list run short
		endings[n] = fmt.Sprintf("x%02d", i)
		n++
	}
	clear(endIndex)
	for i, e := range endings {
		if _, dup := endIndex[e]; dup {
			panic("sandbox: duplicate name ending " + e)
		}
		endIndex[e] = i
	}
	w := make([]float64, len(tlds))
	for i, t := range tlds {
		w[i] = t.weight
		tldBySuf[t.suffix] = i
	}
	tldCum = cumulative(w)
	allocateBlocks()
	for i, nc := range niches {
		nicheIndex[nc.name] = i
		var idx []int
		for _, c := range nc.categories {
			idx = append(idx, addCategory(c))
		}
		nicheCats = append(nicheCats, idx)
	}
	for i, p := range platforms {
		addCategory(p.category)
		platIndex[p.name] = i
	}
	invM1 = modInverse(scrM1)
	invM2 = modInverse(scrM2)
}

func addCategory(c string) int {
	if i, ok := catIndex[c]; ok {
		return i
	}
	catIndex[c] = len(categories)
	categories = append(categories, c)
	return len(categories) - 1
}

// allocateBlocks gives each country a share of the 515 blocks (largest
// remainder, at least one each) and shuffles them deterministically.
func allocateBlocks() {
	total := 0.0
	for _, h := range hostingWeights {
		total += h.w
	}
	counts := make([]int, len(hostingWeights))
	sum := 0
	for i, h := range hostingWeights {
		counts[i] = max(1, int(h.w/total*numBlocks))
		sum += counts[i]
	}
	for i := 0; sum < numBlocks; i = (i + 1) % len(counts) {
		counts[i]++
		sum++
	}
	for i := 0; sum > numBlocks; i = (i + 1) % len(counts) {
		if counts[i] > 1 {
			counts[i]--
			sum--
		}
	}
	list := make([]string, 0, numBlocks)
	for i, h := range hostingWeights {
		for j := 0; j < counts[i]; j++ {
			list = append(list, h.cc)
		}
	}
	r := rng{s: seedUniverse}
	for i := len(list) - 1; i > 0; i-- {
		j := r.intn(i + 1)
		list[i], list[j] = list[j], list[i]
	}
	for b, cc := range list {
		blockCC[b] = cc
		ccBlocks[cc] = append(ccBlocks[cc], b)
	}
}

func modInverse(a uint32) uint32 {
	x := a // Newton iteration for the inverse modulo 2^32
	for i := 0; i < 5; i++ {
		x *= 2 - a*x
	}
	return x & universeMask
}

func scramble(g uint32) uint32 {
	x := (g * scrM1) & universeMask
	x ^= x >> 10
	x = (x * scrM2) & universeMask
	x ^= x >> 7
	return x
}

func unscramble(x uint32) uint32 {
	x ^= x>>7 ^ x>>14
	x = (x * invM2) & universeMask
	x ^= x >> 10
	x = (x * invM1) & universeMask
	return x
}

// domInfo is what the universe knows of one referring domain.
type domInfo struct {
	ascore  int
	tld     int    // index in tlds; -1 for a platform (see platform name)
	zone    string // last label
	country string // lower-case ISO code of its IP's block
	ip      uint32
	cat     int // index in categories
	niche   int // topical niche (for titles and paths)
	www     bool
	ugc     bool // a platform of user-generated links
}

// domain returns the attributes of universe domain id.
func domain(id uint32) domInfo {
	h := h2(seedUniverse, uint64(id))
	var d domInfo
	if int(id) < numPlatforms {
		p := platforms[id]
		d.ascore = p.ascore
		d.tld = -1
		d.zone = p.name[strings.LastIndexByte(p.name, '.')+1:]
		d.cat = catIndex[p.category]
		d.niche = below(h, numNiches)
		d.www = p.www
		d.ugc = p.ugc
		cc := "us"
		if p.name == "europa.eu" {
			cc = "be"
		}
		bl := ccBlocks[cc]
		b := bl[below(h>>8, len(bl))]
		d.ip = blockBase(b) | uint32(1+below(h>>20, 12))
		d.country = blockCC[b]
		return d
	}
	g := int(id) - numPlatforms
	n, rank := g%numNiches, g/numNiches
	x := float64(rank+1) / float64(poolSize)
	as := 100*(1-math.Pow(x, 0.25)) + float64(below(h, 13)) - 6
	if below(h>>4, 100) < 3 {
		as = 0
	}
	d.ascore = clampInt(int(as+0.5), 0, 100)
	d.tld = pickWeighted(tldCum, unit(h2(h, 1)))
	t := tlds[d.tld]
	d.zone = t.zone
	hb := h2(h, 2)
	var b int
	if bl := ccBlocks[t.country]; t.country != "" && len(bl) > 0 && below(hb, 100) < 80 {
		b = bl[below(hb>>8, len(bl))]
	} else {
		b = below(hb>>8, numBlocks)
	}
	// Most domains have an address of their own; some share hosting.
	host := 1 + below(h2(h, 3), 254)
	if below(h>>24, 100) < 15 {
		host = 1 + below(h>>32, 4)
	}
	d.ip = blockBase(b) | uint32(host)
	d.country = blockCC[b]
	hc := h2(h, 4)
	d.niche = n
	if below(hc, 100) < 12 {
		d.niche = below(hc>>8, numNiches)
	}
	cats := nicheCats[d.niche]
	ci := 0
	if u := unit(h2(hc, 5)); u >= 0.4 {
		ci = 1 + below(h2(hc, 6), len(cats)-1)
	}
	d.cat = cats[ci]
	d.www = below(h>>40, 100) < 55
	return d
}

// appendName appends the domain name of id ("kavonews.com").
func appendName(dst []byte, id uint32) []byte {
	if int(id) < numPlatforms {
		return append(dst, platforms[id].name...)
	}
	x := scramble(id)
	dst = append(dst, syllables[x&63]...)
	dst = append(dst, syllables[(x>>6)&63]...)
	dst = append(dst, endings[x>>12]...)
	dst = append(dst, '.')
	t := pickWeighted(tldCum, unit(h2(h2(seedUniverse, uint64(id)), 1)))
	return append(dst, tlds[t].suffix...)
}

func domainName(id uint32) string { return string(appendName(nil, id)) }

// appendLabel appends the name without its TLD ("kavonews").
func appendLabel(dst []byte, id uint32) []byte {
	if int(id) < numPlatforms {
		n := platforms[id].name
		return append(dst, n[:strings.IndexByte(n, '.')]...)
	}
	x := scramble(id)
	dst = append(dst, syllables[x&63]...)
	dst = append(dst, syllables[(x>>6)&63]...)
	return append(dst, endings[x>>12]...)
}

// lookupDomain finds the universe id of a domain name, if it is one.
func lookupDomain(name string) (uint32, bool) {
	if i, ok := platIndex[name]; ok {
		return uint32(i), true
	}
	dot := strings.IndexByte(name, '.')
	if dot < 5 {
		return 0, false
	}
	stem, suf := name[:dot], name[dot+1:]
	t, ok := tldBySuf[suf]
	if !ok {
		return 0, false
	}
	a, ok1 := sylIndex[stem[0:2]]
	b, ok2 := sylIndex[stem[2:4]]
	c, ok3 := endIndex[stem[4:]]
	if !ok1 || !ok2 || !ok3 {
		return 0, false
	}
	id := unscramble(uint32(a | b<<6 | c<<12))
	if int(id) < numPlatforms {
		return 0, false
	}
	if pickWeighted(tldCum, unit(h2(h2(seedUniverse, uint64(id)), 1))) != t {
		return 0, false
	}
	return id, true
}

func nicheMember(n, rank int) uint32 {
	return uint32(numPlatforms + n + numNiches*rank)
}

func appendIP(dst []byte, ip uint32) []byte {
	for i := 3; i >= 0; i-- {
		dst = appendUint(dst, uint64(ip>>(8*i)&0xff))
		if i > 0 {
			dst = append(dst, '.')
		}
	}
	return dst
}

func ipString(ip uint32) string { return string(appendIP(nil, ip)) }

func appendUint(dst []byte, v uint64) []byte {
	if v < 10 {
		return append(dst, byte('0'+v))
	}
	var buf [20]byte
	i := len(buf)
	for v > 0 {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
	}
	return append(dst, buf[i:]...)
}

func appendInt(dst []byte, v int64) []byte {
	if v < 0 {
		dst = append(dst, '-')
		return appendUint(dst, uint64(-v))
	}
	return appendUint(dst, uint64(v))
}
