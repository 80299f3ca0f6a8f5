package table

import "linkdive/api"

const (
	// firstSample rows are measured when a table is set; pageSample rows of
	// every page appended after that. Rows shown are measured as they come
	// on screen. 1,000,000 rows are never scanned.
	firstSample = 1000
	pageSample  = 256
)

// lcol is one column on screen.
type lcol struct {
	col   int // index into t.Columns
	vi    int // index into m.vis
	w     int // cells on screen (less than the column's width when cut by the screen edge)
	align align
	kind  api.Kind
}

type layout struct {
	cols    []lcol
	hidL    int // shown columns scrolled out on the left
	hidR    int // ... not (fully) on screen on the right
	maxHoff int // the largest useful horizontal offset
}

// invalidate drops every cached formatting (theme, glyphs, widths).
func (m *Model) invalidate() {
	m.layDirty = true
	m.layGen++
}

// resetWidths forgets measured widths and measures the first rows again.
func (m *Model) resetWidths() {
	m.visGen++
	m.dataW = make([]int, len(m.vis))
	m.sampled = 0
	m.seenLen = m.t.Len()
	m.sampleRows(0, min(m.seenLen, firstSample))
	m.search.reset()
	m.invalidate()
	m.clamp()
}

// sampleRows measures rows [from, to) of every shown column.
func (m *Model) sampleRows(from, to int) {
	if m.t == nil {
		return
	}
	g := &m.th.Glyphs
	for vi, c := range m.vis {
		dw := m.dataW[vi]
		for r := from; r < to; r++ {
			if w := displayWidth(m.method, m.t, r, c, g); w > dw {
				dw = w
			}
		}
		if dw != m.dataW[vi] {
			m.dataW[vi] = dw
			m.layDirty = true
		}
	}
	if to > m.sampled && from <= m.sampled {
		m.sampled = to
	}
}

// headerText is a column's title with the sort arrow when it is the sorted
// column.
func (m *Model) headerText(c int) string {
	col := m.t.Columns[c]
	title := api.SanitizeText(col.Title)
	if col.Code == m.sortCode && m.sortCode != "" {
		if m.sortDesc {
			return title + " " + m.th.Glyphs.Desc
		}
		return title + " " + m.th.Glyphs.Asc
	}
	return title
}

// natural is the width a shown column takes without spare room: its header
// whole, its data up to the kind's cap. want is its data uncapped.
func (m *Model) natural(vi int) (nat, want int) {
	c := m.vis[vi]
	hw := strWidth(m.method, m.headerText(c))
	dw := m.dataW[vi]
	k := m.t.Columns[c].Kind
	if m.barsOn() && barKind(k) {
		dw += 1 + barW
		return max(hw, dw), max(hw, dw)
	}
	nat = max(hw, min(dw, kindCap(k)))
	return nat, max(hw, dw)
}

func (m *Model) ensureLayout() {
	if !m.layDirty {
		return
	}
	m.layDirty = false
	old := m.lay.cols
	m.lay = m.computeLayout(old[:0:0])
	if !sameCols(old, m.lay.cols) {
		m.layGen++
	}
}

func sameCols(a, b []lcol) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].col != b[i].col || a[i].w != b[i].w {
			return false
		}
	}
	return true
}

func (m *Model) computeLayout(cols []lcol) layout {
	var lay layout
	lay.maxHoff = 1
	n := len(m.vis)
	avail := m.w - gutterW
	if n == 0 || avail <= 0 {
		lay.cols = cols
		lay.hidR = max(n-1, 0)
		return lay
	}
	nat := make([]int, n)
	want := make([]int, n)
	total := n - 1 // separators
	for vi := range m.vis {
		nat[vi], want[vi] = m.natural(vi)
		total += nat[vi]
	}
	add := func(vi, w int) {
		c := m.vis[vi]
		k := m.t.Columns[c].Kind
		cols = append(cols, lcol{col: c, vi: vi, w: w, align: alignOf(k), kind: k})
	}
	if total <= avail {
		// Everything fits: share the spare cells among the columns whose
		// values were cut, evenly, up to what they want.
		spare := avail - total
		for spare > 0 {
			needy := 0
			for vi := range nat {
				if want[vi] > nat[vi] {
					needy++
				}
			}
			if needy == 0 {
				break
			}
			share := max(spare/needy, 1)
			for vi := range nat {
				if spare == 0 {
					break
				}
				if d := min(want[vi]-nat[vi], share, spare); d > 0 {
					nat[vi] += d
					spare -= d
				}
			}
		}
		m.hoff = 1
		for vi := range m.vis {
			add(vi, nat[vi])
		}
		lay.cols = cols
		return lay
	}
	// Too wide: freeze the first column (at most half the screen), scroll
	// the rest by whole columns.
	frozen := min(nat[0], max(avail/2, 1))
	add(0, frozen)
	rest := avail - frozen - 1
	// maxHoff: the first start from which the last column is fully shown.
	lay.maxHoff = n - 1
	for s, used := n-1, 0; s >= 1; s-- {
		used += nat[s]
		if s < n-1 {
			used++
		}
		if used > rest {
			break
		}
		lay.maxHoff = s
	}
	if n == 1 {
		lay.maxHoff = 1
	}
	m.hoff = min(max(m.hoff, 1), max(lay.maxHoff, 1))
	lay.hidL = m.hoff - 1
	shownFull := 1
	for vi := m.hoff; vi < n && rest > 0; vi++ {
		w := min(nat[vi], rest)
		add(vi, w)
		if w == nat[vi] {
			shownFull++
		}
		rest -= w + 1
	}
	lay.hidR = n - lay.hidL - shownFull
	lay.cols = cols
	return lay
}
