package sandbox

import "time"

// span is a slice [a, b) of a record's buffer.
type span struct{ a, b int }

// record is the full text of one backlink, built in one reusable buffer.
type record struct {
	buf                                   []byte
	srcURL, srcTitle, tgtURL, tgtTitle    span
	anchor, imgURL, imgAlt, redirect, dom span
	code, size, ext, int                  int
}

func (r *record) get(s span) []byte { return r.buf[s.a:s.b] }

func (r *record) mark(a int) span { return span{a, len(r.buf)} }

// fill builds the record of link l of referring domain a.
func (s *site) fill(a *rdAttr, l *link, g *gen, ps *pageStrings, r *record) {
	r.buf = r.buf[:0]
	hs := h2(a.seed^0x5ca1ab1e, uint64(l.sp))
	ft := time.Unix(l.first, 0).UTC()
	year, month := ft.Year(), int(ft.Month())

	st := len(r.buf)
	if a.dom.www {
		r.buf = append(r.buf, "www."...)
	}
	r.buf = appendName(r.buf, a.id)
	r.dom = r.mark(st)
	host := r.get(r.dom)

	// Source URL.
	st = len(r.buf)
	https := below(h2(hs, 1), 100) < 85
	if https {
		r.buf = append(r.buf, "https://"...)
	} else {
		r.buf = append(r.buf, "http://"...)
	}
	pathStart := len(r.buf) + len(host)
	r.buf = append(r.buf, host...)
	nc := &niches[a.dom.niche]
	kw := nc.keywords[below(h2(hs, 2), len(nc.keywords))]
	kw2 := nc.keywords[below(h2(hs, 3), len(nc.keywords))]
	tmpl := headlineTemplates[below(h2(hs, 4), len(headlineTemplates))]
	num := 3 + below(h2(hs, 5), 23)
	var hl [160]byte
	headline := appendHeadline(hl[:0], tmpl, kw, kw2, num, year)
	home := false
	if int(a.id) < numPlatforms {
		r.buf = appendPlatformPath(r.buf, platforms[a.id].name, hs, headline)
	} else {
		n := uint64(100 + below(h2(hs, 6), 90000))
		switch below(h2(hs, 7), 100) {
		case 0, 1, 2, 3, 4, 5:
			r.buf = append(r.buf, '/')
			home = true
		case 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19:
			r.buf = append(r.buf, '/')
			r.buf = appendUint(r.buf, uint64(year))
			r.buf = append(r.buf, '/')
			if month < 10 {
				r.buf = append(r.buf, '0')
			}
			r.buf = appendUint(r.buf, uint64(month))
			r.buf = append(r.buf, '/')
			r.buf = appendSlug(r.buf, headline)
			r.buf = append(r.buf, '/')
		case 20, 21, 22, 23, 24, 25, 26, 27, 28, 29:
			r.buf = append(r.buf, "/blog/"...)
			r.buf = appendSlug(r.buf, headline)
			r.buf = append(r.buf, '/')
		case 30, 31, 32, 33, 34, 35, 36, 37:
			r.buf = append(r.buf, '/')
			r.buf = appendSlug(r.buf, headline)
			r.buf = append(r.buf, ".html"...)
		case 38, 39, 40, 41, 42, 43:
			r.buf = append(r.buf, "/forum/topic/"...)
			r.buf = appendUint(r.buf, n)
			r.buf = append(r.buf, '-')
			r.buf = appendSlug(r.buf, headline)
			r.buf = append(r.buf, '/')
		case 44, 45, 46, 47, 48, 49, 50, 51:
			r.buf = append(r.buf, "/news/"...)
			r.buf = appendSlug(r.buf, headline)
			r.buf = append(r.buf, '-')
			r.buf = appendUint(r.buf, n)
		case 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63:
			r.buf = append(r.buf, '/')
			r.buf = append(r.buf, pathSections[below(h2(hs, 8), len(pathSections))]...)
			r.buf = append(r.buf, '/')
			r.buf = appendSlug(r.buf, headline)
			r.buf = append(r.buf, '/')
		case 64, 65, 66, 67:
			r.buf = append(r.buf, "/?p="...)
			r.buf = appendUint(r.buf, n)
		case 68, 69, 70, 71, 72:
			r.buf = append(r.buf, "/category/"...)
			r.buf = appendSlug(r.buf, []byte(kw))
			r.buf = append(r.buf, "/page/"...)
			r.buf = appendUint(r.buf, uint64(2+below(h2(hs, 9), 40)))
			r.buf = append(r.buf, '/')
		default:
			r.buf = append(r.buf, '/')
			r.buf = appendSlug(r.buf, headline)
			r.buf = append(r.buf, '/')
		}
	}
	if below(l.h>>40, 200) == 0 {
		r.buf = append(r.buf, ";jsessionid="...)
		r.buf = appendHex(r.buf, h2(l.h, 77), 32)
	}
	r.srcURL = r.mark(st)
	path := append(hl[len(headline):len(headline)], r.buf[pathStart:]...)

	// Source title.
	st = len(r.buf)
	switch {
	case home:
		r.buf = appendTitleCase(r.buf, string(appendLabel(nil, a.id)))
		r.buf = append(r.buf, " - "...)
		r.buf = append(r.buf, nc.tagline...)
	case localTitles[a.dom.country] != nil && below(h2(hs, 10), 2) == 0:
		lt := localTitles[a.dom.country]
		r.buf = appendLocalTitle(r.buf, lt[below(h2(hs, 11), len(lt))], kw, a.id, year)
	default:
		if below(h2(hs, 12), 150) == 0 {
			r.buf = append(r.buf, "🔥 "...)
		}
		r.buf = append(r.buf, headline...)
		if below(h2(hs, 13), 2) == 0 {
			r.buf = append(r.buf, " | "...)
		} else {
			r.buf = append(r.buf, " - "...)
		}
		r.buf = appendBrandOfLabel(r.buf, a.id)
	}
	r.srcTitle = r.mark(st)

	st = len(r.buf)
	r.buf = append(r.buf, ps.urls[l.page]...)
	r.tgtURL = r.mark(st)
	st = len(r.buf)
	r.buf = append(r.buf, ps.titles[l.page]...)
	r.tgtTitle = r.mark(st)
	st = len(r.buf)
	r.buf = s.appendAnchor(r.buf, l.aid, ps, g)
	r.anchor = r.mark(st)

	st = len(r.buf)
	if l.kind == kindImage {
		r.buf = append(r.buf, "https://"...)
		r.buf = append(r.buf, host...)
		r.buf = append(r.buf, "/wp-content/uploads/"...)
		r.buf = appendUint(r.buf, uint64(year))
		r.buf = append(r.buf, '/')
		if month < 10 {
			r.buf = append(r.buf, '0')
		}
		r.buf = appendUint(r.buf, uint64(month))
		r.buf = append(r.buf, '/')
		r.buf = appendSlug(r.buf, []byte(s.brand))
		r.buf = append(r.buf, '-')
		r.buf = appendUint(r.buf, uint64(below(h2(l.h, 8), 999)))
		r.buf = append(r.buf, [...]string{".jpg", ".png", ".webp"}[below(h2(l.h, 9), 3)]...)
	}
	r.imgURL = r.mark(st)
	st = len(r.buf)
	if l.kind == kindImage && below(h2(l.h, 10), 100) < 60 {
		if below(h2(l.h, 11), 2) == 0 {
			r.buf = append(r.buf, s.brand...)
			r.buf = append(r.buf, " logo"...)
		} else {
			r.buf = appendTitleCase(r.buf, niches[s.niche].keywords[below(h2(l.h, 12), len(niches[s.niche].keywords))])
		}
	}
	r.imgAlt = r.mark(st)

	r.code = 200
	if l.lost {
		switch c := below(h2(l.h, 13), 100); {
		case c < 30:
			r.code = 404
		case c < 45:
			r.code = 301
		}
	}
	st = len(r.buf)
	if r.code == 301 {
		r.buf = append(r.buf, "https://"...)
		if a.dom.www {
			r.buf = appendName(r.buf, a.id)
		} else {
			r.buf = append(r.buf, "www."...)
			r.buf = appendName(r.buf, a.id)
		}
		r.buf = append(r.buf, path...)
	}
	r.redirect = r.mark(st)
	u := unit(h2(hs, 14))
	r.size = 6000 + int(444000*u*u*u) // most pages are small
	if l.sitewide {
		r.ext = 5 + below(h2(hs, 15), 60)
	} else {
		r.ext = 1 + below(h2(hs, 15), 150)
	}
	r.int = 10 + below(h2(hs, 16), 700)
}

func appendPlatformPath(dst []byte, name string, hs uint64, headline []byte) []byte {
	user := func(d []byte) []byte {
		d = append(d, syllableAt(below(h2(hs, 20), 64))...)
		d = append(d, syllableAt(below(h2(hs, 21), 64))...)
		return appendUint(d, uint64(below(h2(hs, 22), 99)))
	}
	switch name {
	case "reddit.com":
		dst = append(dst, "/r/"...)
		dst = appendSlug(dst, headline[:min(len(headline), 12)])
		dst = append(dst, "/comments/"...)
		dst = appendBase36(dst, h2(hs, 23), 6)
		dst = append(dst, '/')
		dst = appendSlug(dst, headline)
		return append(dst, '/')
	case "medium.com", "substack.com":
		dst = append(dst, "/@"...)
		dst = user(dst)
		dst = append(dst, '/')
		dst = appendSlug(dst, headline)
		dst = append(dst, '-')
		return appendBase36(dst, h2(hs, 24), 12)
	case "x.com":
		dst = append(dst, '/')
		dst = user(dst)
		dst = append(dst, "/status/"...)
		return appendUint(dst, 1_500_000_000_000_000_000+h2(hs, 25)%300_000_000_000_000_000)
	case "youtube.com":
		dst = append(dst, "/watch?v="...)
		return appendBase36(dst, h2(hs, 26), 11)
	case "linkedin.com":
		dst = append(dst, "/pulse/"...)
		dst = appendSlug(dst, headline)
		dst = append(dst, '-')
		return user(dst)
	case "pinterest.com":
		dst = append(dst, "/pin/"...)
		dst = appendUint(dst, h2(hs, 27)%900_000_000_000_000)
		return append(dst, '/')
	case "github.io":
		dst = append(dst, '/')
		dst = user(dst)
		dst = append(dst, '/')
		dst = appendSlug(dst, headline)
		return append(dst, '/')
	}
	dst = append(dst, '/')
	dst = user(dst)
	dst = append(dst, '/')
	dst = appendSlug(dst, headline)
	return dst
}

const base36 = "0123456789abcdefghijklmnopqrstuvwxyz"

func appendBase36(dst []byte, h uint64, n int) []byte {
	x := h
	for i := 0; i < n; i++ {
		if i%12 == 0 {
			x = h2(h, uint64(i))
		}
		dst = append(dst, base36[x%36])
		x /= 36
	}
	return dst
}

func appendBrandOfLabel(dst []byte, id uint32) []byte {
	var b [48]byte
	return appendTitleCase(dst, string(appendLabel(b[:0], id)))
}

func appendLocalTitle(dst []byte, tmpl, kw string, id uint32, year int) []byte {
	for i := 0; i < len(tmpl); i++ {
		if tmpl[i] == '{' && i+2 < len(tmpl) && tmpl[i+2] == '}' {
			switch tmpl[i+1] {
			case 'K':
				dst = append(dst, kw...)
			case 'B':
				dst = appendBrandOfLabel(dst, id)
			case 'Y':
				dst = appendUint(dst, uint64(year))
			}
			i += 2
			continue
		}
		dst = append(dst, tmpl[i])
	}
	return dst
}
