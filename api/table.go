package api

import (
	"fmt"
	"time"
)

// Table holds parsed rows by column: the display text of every value (already
// sanitised) and, for numbers, booleans and times, the parsed value.
type Table struct {
	Columns []Column
	cols    []colData
	n       int
	// Issues lists rows that could not be read exactly (a ';' split that
	// the column kinds could not resolve, a missing field, a bad number).
	// The rows are kept, flagged.
	Issues []RowIssue
	// NothingFound is set when the API answered ERROR 50 :: NOTHING FOUND.
	NothingFound bool
	flagged      map[int]int // row -> index in Issues
}

type colData struct {
	text []string
	num  []int64   // KindInt, KindTime, KindBool (0/1)
	flt  []float64 // KindFloat
}

// RowIssue describes a row that was repaired or could not be read exactly.
type RowIssue struct {
	Row      int  // row index in the table
	Line     int  // 1-based line in the body (0 once appended to another table)
	Repaired bool // a ';' split was undone unambiguously; values are exact
	Msg      string
}

// NewTable returns an empty table with the given columns.
func NewTable(cols []Column) *Table {
	t := &Table{Columns: cols, cols: make([]colData, len(cols))}
	return t
}

// Len is the number of rows.
func (t *Table) Len() int {
	if t == nil {
		return 0
	}
	return t.n
}

// Index returns the position of a column code, or -1.
func (t *Table) Index(code string) int {
	for i, c := range t.Columns {
		if c.Code == code {
			return i
		}
	}
	return -1
}

// Text is the display text of a value (sanitised; raw digits for numbers).
func (t *Table) Text(row, col int) string { return t.cols[col].text[row] }

// Int is the parsed value of an int, time or bool column (bool: 1 or 0).
func (t *Table) Int(row, col int) int64 {
	c := &t.cols[col]
	if c.num == nil {
		return 0
	}
	return c.num[row]
}

// Float is the value of a numeric column as a float64.
func (t *Table) Float(row, col int) float64 {
	c := &t.cols[col]
	switch {
	case c.flt != nil:
		return c.flt[row]
	case c.num != nil:
		return float64(c.num[row])
	}
	return 0
}

// Bool is the value of a bool column.
func (t *Table) Bool(row, col int) bool { return t.Int(row, col) != 0 }

// Time is the value of a time column (zero Time when empty or 0).
func (t *Table) Time(row, col int) time.Time {
	v := t.Int(row, col)
	if v == 0 {
		return time.Time{}
	}
	return time.Unix(v, 0).UTC()
}

// Issue returns the issue recorded for a row, if any.
func (t *Table) Issue(row int) (RowIssue, bool) {
	if t.flagged == nil {
		return RowIssue{}, false
	}
	i, ok := t.flagged[row]
	if !ok {
		return RowIssue{}, false
	}
	return t.Issues[i], true
}

// Row returns the display texts of one row.
func (t *Table) Row(row int) []string {
	out := make([]string, len(t.cols))
	for i := range t.cols {
		out[i] = t.cols[i].text[row]
	}
	return out
}

func (t *Table) flag(is RowIssue) {
	if t.flagged == nil {
		t.flagged = map[int]int{}
	}
	if _, dup := t.flagged[is.Row]; dup {
		return
	}
	t.flagged[is.Row] = len(t.Issues)
	t.Issues = append(t.Issues, is)
}

// grow reserves room for n more rows.
func (t *Table) grow(n int) {
	for i := range t.cols {
		c := &t.cols[i]
		c.text = growSlice(c.text, n)
		if c.num != nil || needsNum(t.Columns[i].Kind) {
			c.num = growSlice(c.num, n)
		}
		if c.flt != nil || t.Columns[i].Kind == KindFloat {
			c.flt = growSlice(c.flt, n)
		}
	}
}

func growSlice[T any](s []T, n int) []T {
	if cap(s)-len(s) >= n {
		return s
	}
	out := make([]T, len(s), len(s)+n)
	copy(out, s)
	return out
}

func needsNum(k Kind) bool { return k == KindInt || k == KindTime || k == KindBool }

// Append adds the rows of o, whose columns must be the same codes in the same
// order (the next page of the same request).
func (t *Table) Append(o *Table) error {
	if o == nil || o.n == 0 {
		return nil
	}
	if len(o.Columns) != len(t.Columns) {
		return fmt.Errorf("append: %d columns, want %d", len(o.Columns), len(t.Columns))
	}
	for i := range t.Columns {
		if t.Columns[i].Code != o.Columns[i].Code {
			return fmt.Errorf("append: column %d is %q, want %q", i, o.Columns[i].Code, t.Columns[i].Code)
		}
	}
	base := t.n
	for i := range t.cols {
		c, oc := &t.cols[i], &o.cols[i]
		c.text = append(c.text, oc.text...)
		if oc.num != nil {
			if c.num == nil {
				c.num = make([]int64, base, base+len(oc.num))
			}
			c.num = append(c.num, oc.num...)
		}
		if oc.flt != nil {
			if c.flt == nil {
				c.flt = make([]float64, base, base+len(oc.flt))
			}
			c.flt = append(c.flt, oc.flt...)
		}
	}
	t.n += o.n
	for _, is := range o.Issues {
		is.Row += base
		is.Line = 0
		t.flag(is)
	}
	return nil
}

// Slice returns a new table holding rows [from, to) (sharing no slices with t).
func (t *Table) Slice(from, to int) *Table {
	out := NewTable(t.Columns)
	if from < 0 {
		from = 0
	}
	if to > t.n {
		to = t.n
	}
	if from >= to {
		return out
	}
	for i := range t.cols {
		c := &t.cols[i]
		oc := &out.cols[i]
		oc.text = append([]string(nil), c.text[from:to]...)
		if c.num != nil {
			oc.num = append([]int64(nil), c.num[from:to]...)
		}
		if c.flt != nil {
			oc.flt = append([]float64(nil), c.flt[from:to]...)
		}
	}
	out.n = to - from
	for _, is := range t.Issues {
		if is.Row >= from && is.Row < to {
			is.Row -= from
			out.flag(is)
		}
	}
	return out
}
