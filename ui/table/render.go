package table

import (
	"strings"

	"charm.land/lipgloss/v2"

	"linkdive/api"
	"linkdive/ui/theme"
)

const sgrReset = "\x1b[m"

// styles are the theme's styles as raw SGR openers: a frame is assembled
// with strings.Builder, not one lipgloss.Render per cell.
type styles struct {
	header, headerSorted, selected, match, muted, flag, empty string
}

// sgr returns the escape sequence a style opens with ("" for none). The
// styles used here set only colours and attributes, so Render wraps the
// text as <sgr>x<reset>.
func sgr(s lipgloss.Style) string {
	r := s.Render("x")
	if i := strings.IndexByte(r, 'x'); i > 0 {
		return r[:i]
	}
	return ""
}

func newStyles(th *theme.Theme) styles {
	if th.Plain {
		return styles{}
	}
	return styles{
		header:       sgr(th.Header),
		headerSorted: sgr(th.HeaderSorted),
		selected:     sgr(th.Selected),
		match:        sgr(th.Match),
		muted:        sgr(th.Muted),
		flag:         sgr(th.Flag),
		empty:        sgr(th.Muted),
	}
}

// cell styles stored in the cache.
const (
	cellPlain uint8 = iota
	cellMuted
)

// cacheRow holds the cells of one row fitted to the current layout.
type cacheRow struct {
	row    int
	visGen uint32 // the row's widths were measured for this column set
	layGen uint32 // cells are fitted for this layout
	cells  []string
	style  []uint8
}

func (m *Model) cacheSlot(row int) *cacheRow {
	need := 64
	for need < 2*m.bodyH()+2 {
		need *= 2
	}
	if len(m.cache) < need {
		m.cache = make([]cacheRow, need)
		for i := range m.cache {
			m.cache[i].row = -1
		}
	}
	return &m.cache[row&(len(m.cache)-1)]
}

// sync catches up with a grown table, measures the rows on screen and lays
// the columns out.
func (m *Model) sync() {
	if n := m.Len(); n != m.seenLen {
		m.Refresh()
	}
	if m.t != nil && len(m.vis) > 0 {
		end := min(m.top+m.bodyH(), m.Len())
		g := &m.th.Glyphs
		for r := m.top; r < end; r++ {
			e := m.cacheSlot(r)
			if e.row == r && e.visGen == m.visGen {
				continue
			}
			for vi, c := range m.vis {
				if w := displayWidth(m.method, m.t, r, c, g); w > m.dataW[vi] {
					m.dataW[vi] = w
					m.layDirty = true
				}
			}
			e.row, e.visGen, e.layGen = r, m.visGen, 0
		}
	}
	m.ensureLayout()
}

// View renders the table: exactly Height lines, each exactly Width cells.
func (m *Model) View() string {
	if m.h <= 0 {
		return ""
	}
	m.sync()
	var b strings.Builder
	b.Grow(m.h * (m.w + 16))
	m.writeHeader(&b)
	bh := m.h - 1
	n := m.Len()
	for i := 0; i < bh; i++ {
		b.WriteByte('\n')
		switch {
		case n == 0:
			m.writeEmptyLine(&b, i, bh)
		case m.top+i < n:
			m.writeRow(&b, m.top+i)
		default:
			writeSpaces(&b, m.w)
		}
	}
	return b.String()
}

// lineWriter tracks the cells written on a line and the style to reopen
// after a styled segment.
type lineWriter struct {
	b    *strings.Builder
	used int
	row  string // row style (selection), reopened after segments
}

// seg writes text of width tw in style open (on top of the row style).
func (lw *lineWriter) seg(open, text string, tw int) {
	if open == "" || text == "" {
		lw.b.WriteString(text)
	} else {
		lw.b.WriteString(open)
		lw.b.WriteString(text)
		lw.b.WriteString(sgrReset)
		lw.b.WriteString(lw.row)
	}
	lw.used += tw
}

func (m *Model) writeHeader(b *strings.Builder) {
	lw := lineWriter{b: b}
	lw.seg("", spaces(min(gutterW, m.w)), min(gutterW, m.w))
	for i, lc := range m.lay.cols {
		if i > 0 {
			lw.seg("", " ", 1)
		}
		st := m.sty.header
		if m.t.Columns[lc.col].Code == m.sortCode && m.sortCode != "" {
			st = m.sty.headerSorted
		}
		title := m.headerText(lc.col)
		text, tw := truncRight(m.method, title, lc.w, m.th.Glyphs.Ellipsis)
		a := lc.align
		if a == alignCenter {
			a = alignLeft
		}
		// Style the title only, not its padding.
		switch gap := lc.w - tw; {
		case a == alignRight:
			lw.seg("", spaces(gap), gap)
			lw.seg(st, text, tw)
		default:
			lw.seg(st, text, tw)
			lw.seg("", spaces(gap), gap)
		}
	}
	writeSpaces(b, m.w-lw.used)
}

func (m *Model) writeEmptyLine(b *strings.Builder, i, bh int) {
	if i != (bh-1)/2 {
		writeSpaces(b, m.w)
		return
	}
	text, tw := truncRight(m.method, m.emptyMsg, m.w, m.th.Glyphs.Ellipsis)
	l := (m.w - tw) / 2
	lw := lineWriter{b: b}
	lw.seg("", spaces(l), l)
	lw.seg(m.sty.empty, text, tw)
	writeSpaces(b, m.w-lw.used)
}

// rowCells returns the cells of a row fitted to the layout, from the cache.
func (m *Model) rowCells(r int) *cacheRow {
	e := m.cacheSlot(r)
	if e.row == r && e.visGen == m.visGen && e.layGen == m.layGen {
		return e
	}
	e.row, e.visGen, e.layGen = r, m.visGen, m.layGen
	e.cells, e.style = e.cells[:0], e.style[:0]
	g := &m.th.Glyphs
	for _, lc := range m.lay.cols {
		s := formatValue(m.t, r, lc.col, g)
		st := cellPlain
		if lc.kind == api.KindBool && s == g.False {
			st = cellMuted
		}
		if m.barsOn() && barKind(lc.kind) && lc.w > barW+1 {
			num := fitCell(m.method, lc.kind, s, lc.w-barW-1, g.Ellipsis)
			e.cells = append(e.cells, num+" "+barCell(m.t.Float(r, lc.col), m.columnMax(lc.col), barW))
		} else {
			e.cells = append(e.cells, fitCell(m.method, lc.kind, s, lc.w, g.Ellipsis))
		}
		e.style = append(e.style, st)
	}
	return e
}

func (m *Model) writeRow(b *strings.Builder, r int) {
	e := m.rowCells(r)
	lw := lineWriter{b: b}
	if r == m.cursor {
		lw.row = m.sty.selected
		b.WriteString(lw.row)
	}
	// Gutter: cursor marker, flag marker, space.
	gw := min(gutterW, m.w)
	if gw > 0 {
		if r == m.cursor {
			lw.seg("", m.th.Glyphs.Cursor, 1)
		} else {
			lw.seg("", " ", 1)
		}
	}
	if gw > 1 {
		if _, flagged := m.t.Issue(r); flagged {
			lw.seg(m.sty.flag, m.th.Glyphs.Flag, 1)
		} else {
			lw.seg("", " ", 1)
		}
	}
	if gw > 2 {
		lw.seg("", " ", 1)
	}
	for i, lc := range m.lay.cols {
		if i > 0 {
			lw.seg("", " ", 1)
		}
		cell := e.cells[i]
		switch {
		case m.search.q != "":
			m.writeHighlighted(&lw, cell, lc.w, e.style[i])
		case e.style[i] == cellMuted:
			lw.seg(m.sty.muted, cell, lc.w)
		default:
			lw.seg("", cell, lc.w)
		}
	}
	writeSpaces(b, m.w-lw.used)
	if lw.row != "" {
		b.WriteString(sgrReset)
	}
}

// writeHighlighted writes a fitted cell with the quick-search hits in the
// match style.
func (m *Model) writeHighlighted(lw *lineWriter, cell string, w int, st uint8) {
	base := ""
	if st == cellMuted {
		base = m.sty.muted
	}
	rest := cell
	for rest != "" {
		i, n := m.search.index(rest)
		if i < 0 {
			break
		}
		lw.seg(base, rest[:i], 0)
		lw.seg(m.sty.match, rest[i:i+n], 0)
		rest = rest[i+n:]
	}
	lw.seg(base, rest, 0)
	lw.used += w
}
