// Package table is linkdive's shared table component: a virtualised, typed
// view of an *api.Table that renders only the rows on screen, so a frame
// costs the same with 100 rows loaded as with 1,000,000.
//
// The model holds no key bindings: the app's keymap calls the navigation
// methods (Up, Down, PageDown, Left, Right...). Typical use from a view:
//
//	tb := table.New(th)
//	tb.SetTable(result)          // or, after Append on the same table, tb.Refresh()
//	tb.SetColumns(codes)         // optional; nil shows every column
//	tb.SetSort("page_ascore", true)
//	tb.SetSize(w, h)
//	s := tb.View()               // exactly h lines of exactly w cells
//
// Column widths come from the header and from the data seen so far (the
// first rows loaded, the first rows of every page appended, and the rows
// shown): they only ever grow, and are capped per kind; screen width left
// over goes to the columns whose values were cut. When the columns do not
// fit, the first column stays frozen and Left/Right scroll the others by
// whole columns.
package table

import (
	"strconv"

	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
	"linkdive/ui/theme"
)

// gutterW is the width of the gutter left of the first column: the cursor
// marker, the flagged-row marker and a space.
const gutterW = 3

// Model is the table component. Use New; the zero value is not ready.
// Methods have pointer receivers: View caches formatted cells.
type Model struct {
	th     *theme.Theme
	sty    styles
	method ansi.Method

	t     *api.Table
	codes []string // requested columns; nil: all
	vis   []int    // indices into t.Columns of the shown columns, in order

	w, h              int
	cursor, top, hoff int

	sortCode string
	sortDesc bool
	emptyMsg string

	// Widths: the widest display text seen per shown column (never shrinks).
	dataW   []int
	sampled int // rows [0, sampled) were measured
	seenLen int // t.Len() when last refreshed
	visGen  uint32

	lay      layout
	layDirty bool
	layGen   uint32

	cache []cacheRow

	search searchState

	bars   bool            // a bar beside each count (SetBars)
	barMax map[int]float64 // column -> largest value, for bars
	barLen int             // table length barMax was computed at
}

// State is the scroll position of a table: enough to come back from a
// drill-down exactly where the user was.
type State struct {
	Cursor  int // row under the cursor
	Top     int // first row on screen
	HOffset int // first scrolled (non-frozen) column, 1-based among shown columns
}

// New returns an empty table styled by th (theme.Plain() when nil).
func New(th *theme.Theme) *Model {
	m := &Model{method: ansi.GraphemeWidth, hoff: 1, emptyMsg: "No rows"}
	m.SetTheme(th)
	return m
}

// SetTheme changes the styles and glyphs.
func (m *Model) SetTheme(th *theme.Theme) {
	if th == nil {
		th = theme.Plain()
	}
	m.th = th
	m.sty = newStyles(th)
	m.invalidate()
}

// SetWidthMethod sets how cell widths are measured. Use the method the
// renderer uses: Bubble Tea v2 measures with ansi.WcWidth until the terminal
// reports Unicode core mode (2027), then ansi.GraphemeWidth. The default is
// ansi.GraphemeWidth, which is what ansi.StringWidth and Lip Gloss use.
func (m *Model) SetWidthMethod(method ansi.Method) {
	if method == m.method {
		return
	}
	m.method = method
	m.resetWidths()
}

// SetTable shows new data: the cursor goes to the first row, the widths
// are measured afresh. Passing the table already shown is Refresh.
func (m *Model) SetTable(t *api.Table) {
	if t == m.t && t != nil {
		m.Refresh()
		return
	}
	m.t = t
	m.cursor, m.top, m.hoff = 0, 0, 1
	m.resolveColumns()
}

// Table returns the table shown (may be nil).
func (m *Model) Table() *api.Table { return m.t }

// Refresh re-reads the table after rows were appended to it (the next page
// arrived): the length, the widths of the new rows, the match count. View
// also notices growth by itself; call Refresh when you need Len, NearEnd or
// Position right away.
func (m *Model) Refresh() {
	n := m.t.Len()
	switch {
	case n < m.seenLen:
		m.resetWidths()
	case n > m.seenLen:
		m.sampleRows(m.seenLen, min(n, m.seenLen+pageSample))
	}
	m.seenLen = n
	m.clamp()
}

// SetColumns chooses the shown columns and their order by code. Unknown
// codes are skipped; nil (or no known code) shows all the table's columns.
func (m *Model) SetColumns(codes []string) {
	m.codes = append([]string(nil), codes...)
	if codes == nil {
		m.codes = nil
	}
	m.resolveColumns()
}

// Columns returns the codes of the shown columns, in order.
func (m *Model) Columns() []string {
	out := make([]string, len(m.vis))
	for i, c := range m.vis {
		out[i] = m.t.Columns[c].Code
	}
	return out
}

func (m *Model) resolveColumns() {
	m.vis = m.vis[:0]
	if m.t != nil {
		for _, code := range m.codes {
			if i := m.t.Index(code); i >= 0 && !containsInt(m.vis, i) {
				m.vis = append(m.vis, i)
			}
		}
		if len(m.vis) == 0 {
			for i := range m.t.Columns {
				m.vis = append(m.vis, i)
			}
		}
	}
	m.hoff = 1
	m.resetWidths()
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// SetSize sets the size of the table in cells, header line included.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = max(w, 0), max(h, 0)
	m.layDirty = true
	m.clamp()
}

// Width and Height return the size set by SetSize.
func (m *Model) Width() int  { return m.w }
func (m *Model) Height() int { return m.h }

// SetSort marks the column the rows are sorted by (▲ ascending, ▼
// descending) in the header; "" marks none. The table does not sort: the
// API does.
func (m *Model) SetSort(code string, desc bool) {
	if code == m.sortCode && desc == m.sortDesc {
		return
	}
	m.sortCode, m.sortDesc = code, desc
	m.layDirty = true
}

// SetEmptyMessage sets the text centred in an empty table ("No rows" by
// default; e.g. "Nothing found", "Loading…").
func (m *Model) SetEmptyMessage(s string) {
	m.emptyMsg = api.SanitizeText(s)
}

// Len is the number of rows loaded.
func (m *Model) Len() int { return m.t.Len() }

func (m *Model) bodyH() int { return max(1, m.h-1) }

// Cursor returns the row under the cursor (0 when the table is empty).
func (m *Model) Cursor() int { return m.cursor }

// SetCursor moves the cursor to row i (clamped), scrolling as little as
// needed to show it.
func (m *Model) SetCursor(i int) {
	m.cursor = i
	m.clamp()
}

// Up moves the cursor n rows up.
func (m *Model) Up(n int) { m.SetCursor(m.cursor - n) }

// Down moves the cursor n rows down.
func (m *Model) Down(n int) { m.SetCursor(m.cursor + n) }

// PageDown moves the cursor and the screen one screenful down.
func (m *Model) PageDown() {
	bh := m.bodyH()
	m.cursor += bh
	m.top += bh
	m.clamp()
}

// PageUp moves the cursor and the screen one screenful up.
func (m *Model) PageUp() {
	bh := m.bodyH()
	m.cursor -= bh
	m.top -= bh
	m.clamp()
}

// Top moves to the first row.
func (m *Model) Top() { m.cursor, m.top = 0, 0 }

// Bottom moves to the last loaded row.
func (m *Model) Bottom() {
	m.cursor = m.Len() - 1
	m.top = m.cursor
	m.clamp()
}

// Right scrolls the non-frozen columns one column to the right, if some are
// hidden there.
func (m *Model) Right() {
	m.ensureLayout()
	if m.hoff < m.lay.maxHoff {
		m.hoff++
		m.layDirty = true
	}
}

// Left scrolls the non-frozen columns one column to the left.
func (m *Model) Left() {
	m.ensureLayout()
	if m.hoff > 1 {
		m.hoff--
		m.layDirty = true
	}
}

// HiddenColumns returns how many columns are scrolled out of view on the
// left and on the right (partly shown columns count as hidden), for a
// status-bar hint.
func (m *Model) HiddenColumns() (left, right int) {
	m.ensureLayout()
	return m.lay.hidL, m.lay.hidR
}

// State returns the scroll position.
func (m *Model) State() State { return State{Cursor: m.cursor, Top: m.top, HOffset: m.hoff} }

// Restore returns to a position from State (clamped to the rows loaded).
func (m *Model) Restore(s State) {
	m.cursor, m.top, m.hoff = s.Cursor, s.Top, max(s.HOffset, 1)
	m.layDirty = true
	m.clamp()
}

// NearEnd reports whether the cursor is within margin rows of the last
// loaded row: time to ask for the next page. False when nothing is loaded.
func (m *Model) NearEnd(margin int) bool {
	n := m.Len()
	return n > 0 && m.cursor >= n-1-max(margin, 0)
}

// ClickRow maps a line of the table (0 is the header) to a row index.
func (m *Model) ClickRow(y int) (int, bool) {
	if y < 1 || y >= m.h {
		return 0, false
	}
	r := m.top + y - 1
	if r >= m.Len() {
		return 0, false
	}
	return r, true
}

// Position is the cursor's place for the status bar: "123/4,567" (1-based;
// "0/0" when empty).
func (m *Model) Position() string {
	n := m.Len()
	if n == 0 {
		return "0/0"
	}
	return groupDigits(strconv.Itoa(m.cursor+1)) + "/" + groupDigits(strconv.Itoa(n))
}

// clamp keeps the cursor on a row and on screen, and the screen full.
func (m *Model) clamp() {
	n := m.Len()
	if n == 0 {
		m.cursor, m.top = 0, 0
		return
	}
	bh := m.bodyH()
	m.cursor = min(max(m.cursor, 0), n-1)
	if m.top > m.cursor {
		m.top = m.cursor
	}
	if m.cursor >= m.top+bh {
		m.top = m.cursor - bh + 1
	}
	m.top = min(max(m.top, 0), max(0, n-bh))
}
