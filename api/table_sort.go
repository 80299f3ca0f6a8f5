package api

import (
	"cmp"
	"slices"
	"strings"
)

// SortRows reorders the rows in place by column col: numbers, booleans and
// times by value, text case-insensitively; stable, so equal rows keep their
// order. It serves local sorts of small tables (a comparison of targets),
// not paged reports, whose order belongs to the server.
func (t *Table) SortRows(col int, desc bool) {
	if col < 0 || col >= len(t.cols) || t.n < 2 {
		return
	}
	idx := make([]int, t.n)
	for i := range idx {
		idx[i] = i
	}
	c := &t.cols[col]
	cmp := func(a, b int) int {
		switch {
		case c.flt != nil:
			return cmp.Compare(c.flt[a], c.flt[b])
		case c.num != nil:
			return cmp.Compare(c.num[a], c.num[b])
		}
		return strings.Compare(strings.ToLower(c.text[a]), strings.ToLower(c.text[b]))
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		if desc {
			return cmp(b, a)
		}
		return cmp(a, b)
	})
	for i := range t.cols {
		cd := &t.cols[i]
		cd.text = permute(cd.text, idx)
		if cd.num != nil {
			cd.num = permute(cd.num, idx)
		}
		if cd.flt != nil {
			cd.flt = permute(cd.flt, idx)
		}
	}
	if len(t.Issues) > 0 {
		pos := make([]int, t.n) // old row -> new row
		for newRow, old := range idx {
			pos[old] = newRow
		}
		issues := t.Issues
		t.Issues, t.flagged = nil, nil
		for _, is := range issues {
			is.Row = pos[is.Row]
			t.flag(is)
		}
	}
}

func permute[T any](s []T, idx []int) []T {
	out := make([]T, len(s))
	for newRow, old := range idx {
		out[newRow] = s[old]
	}
	return out
}
