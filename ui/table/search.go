package table

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"linkdive/api"
)

// Quick search looks through the rows already loaded (no request): a row
// matches when the display text (FormatValue) of one of its shown columns
// contains the query, ignoring case. Hits on screen are highlighted.

type searchState struct {
	q       string
	ascii   bool // the query is ASCII: byte-wise folding
	numeric bool // the query could occur in a number or a date

	// Matches count, computed lazily and extended as rows are appended.
	counted int // rows [0, counted) were counted
	count   int
	visGen  uint32
}

func (s *searchState) reset() { s.counted, s.count = 0, 0 }

// SetSearch sets the quick-search query ("" clears it). It does not move
// the cursor: call NextMatch.
func (m *Model) SetSearch(q string) {
	q = api.SanitizeText(q)
	if q == m.search.q {
		return
	}
	m.search = searchState{q: q, ascii: isASCII(q), numeric: q != "" && strings.Trim(q, "0123456789,.-") == ""}
}

// Search returns the current query.
func (m *Model) Search() string { return m.search.q }

// Searching reports whether a quick search is set.
func (m *Model) Searching() bool { return m.search.q != "" }

// NextMatch moves the cursor to the next row below it that matches,
// wrapping to the top; it reports whether one was found (the cursor stays
// put when none). A row-by-row scan from the cursor: it stops at the first
// hit.
func (m *Model) NextMatch() bool {
	n := m.Len()
	if m.search.q == "" || n == 0 {
		return false
	}
	for k := 1; k <= n; k++ {
		if r := (m.cursor + k) % n; m.RowMatches(r) {
			m.jumpTo(r)
			return true
		}
	}
	return false
}

// PrevMatch is NextMatch upwards.
func (m *Model) PrevMatch() bool {
	n := m.Len()
	if m.search.q == "" || n == 0 {
		return false
	}
	for k := 1; k <= n; k++ {
		if r := ((m.cursor-k)%n + n) % n; m.RowMatches(r) {
			m.jumpTo(r)
			return true
		}
	}
	return false
}

// jumpTo moves the cursor to r, centring it when it was off screen.
func (m *Model) jumpTo(r int) {
	if r < m.top || r >= m.top+m.bodyH() {
		m.top = r - m.bodyH()/2
	}
	m.SetCursor(r)
}

// Matches counts the loaded rows that match the query. The first call
// scans every row loaded; later calls only the rows appended since.
func (m *Model) Matches() int {
	if m.search.q == "" {
		return 0
	}
	if m.search.visGen != m.visGen {
		m.search.reset()
		m.search.visGen = m.visGen
	}
	n := m.Len()
	if m.search.counted > n {
		m.search.reset()
	}
	for r := m.search.counted; r < n; r++ {
		if m.RowMatches(r) {
			m.search.count++
		}
	}
	m.search.counted = n
	return m.search.count
}

// RowMatches reports whether row r matches the query.
func (m *Model) RowMatches(r int) bool {
	if m.search.q == "" || r < 0 || r >= m.Len() {
		return false
	}
	g := &m.th.Glyphs
	for _, c := range m.vis {
		var s string
		switch m.t.Columns[c].Kind {
		case api.KindInt, api.KindFloat, api.KindTime:
			if !m.search.numeric {
				if text := m.t.Text(r, c); text == "" || text[0] == '-' || text[0] >= '0' && text[0] <= '9' {
					continue // a number: cannot hold a non-numeric query
				}
			}
			s = formatValue(m.t, r, c, g)
		case api.KindURL:
			s = compactURL(m.t.Text(r, c))
		case api.KindBool:
			s = formatValue(m.t, r, c, g)
		default:
			s = m.t.Text(r, c)
		}
		if i, _ := m.search.index(s); i >= 0 {
			return true
		}
	}
	return false
}

// index finds the query in s ignoring case: the byte offset and byte length
// of the first hit in s, or -1. The length is never 0.
func (s *searchState) index(text string) (int, int) {
	q := s.q
	if q == "" || len(text) == 0 {
		return -1, 0
	}
	if s.ascii {
		return indexFoldASCII(text, q)
	}
	for i := 0; i < len(text); {
		if n := matchFoldAt(text[i:], q); n > 0 {
			return i, n
		}
		_, sz := utf8.DecodeRuneInString(text[i:])
		i += sz
	}
	return -1, 0
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// indexFoldASCII is a case-insensitive search of an ASCII query.
func indexFoldASCII(text, q string) (int, int) {
	n := len(q)
	first := lowerASCII(q[0])
	for i := 0; i+n <= len(text); i++ {
		if lowerASCII(text[i]) != first {
			continue
		}
		j := 1
		for j < n && lowerASCII(text[i+j]) == lowerASCII(q[j]) {
			j++
		}
		if j == n {
			return i, n
		}
	}
	return -1, 0
}

// matchFoldAt reports how many bytes of text, from its start, match q under
// Unicode simple case folding (0: no match).
func matchFoldAt(text, q string) int {
	i := 0
	for _, qr := range q {
		if i >= len(text) {
			return 0
		}
		tr, sz := utf8.DecodeRuneInString(text[i:])
		if !equalFold(tr, qr) {
			return 0
		}
		i += sz
	}
	return i
}

func equalFold(a, b rune) bool {
	if a == b {
		return true
	}
	for r := unicode.SimpleFold(a); r != a; r = unicode.SimpleFold(r) {
		if r == b {
			return true
		}
	}
	return false
}
