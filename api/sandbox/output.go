package sandbox

import (
	"bytes"
	"context"
	"errors"
	"io"
	"slices"
)

// colFn appends the value of one column of output row i.
type colFn func(dst []byte, i int) []byte

type outCol struct {
	name string
	fn   colFn
}

// dataset is a report's rows, filtered and in output order, with lazily
// rendered columns: a million-row body is written without holding it.
type dataset struct {
	n    int
	load func(i int) // prepares row i before its columns are appended; may be nil
	cols func(code string) []outCol
}

var errTruncated = errors.New("sandbox: body cut short on purpose")

// writeCSV writes the header of codes (as sent; catalog holds the
// catalogue codes they stand for) and rows [from, to) of ds. With cut
// >= 0 the body stops in the middle of row cut and errTruncated is returned.
func writeCSV(ctx context.Context, w io.Writer, ds *dataset, codes, catalog []string, from, to int, escape bool, cut int) error {
	var cols []outCol
	for i, c := range catalog {
		oc := ds.cols(c)
		if len(oc) == 1 {
			oc[0].name = codes[i] // the header echoes the code as sent (aliases too)
		}
		cols = append(cols, oc...)
	}
	buf := make([]byte, 0, 64<<10)
	for i, c := range cols {
		if i > 0 {
			buf = append(buf, ';')
		}
		st := len(buf)
		buf = append(buf, c.name...)
		if escape {
			buf = quote(buf, st)
		}
	}
	buf = append(buf, '\r', '\n')
	for r := from; r < to; r++ {
		if ds.load != nil {
			ds.load(r)
		}
		rowStart := len(buf)
		for i, c := range cols {
			if i > 0 {
				buf = append(buf, ';')
			}
			st := len(buf)
			buf = c.fn(buf, r)
			if escape {
				buf = quote(buf, st)
			}
		}
		buf = append(buf, '\r', '\n')
		if r == cut {
			half := rowStart + (len(buf)-rowStart)/2
			if _, err := w.Write(buf[:half]); err != nil {
				return err
			}
			return errTruncated
		}
		if len(buf) >= 48<<10 {
			if _, err := w.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	_, err := w.Write(buf)
	return err
}

// quote wraps buf[st:] in double quotes, doubling the quotes inside.
func quote(buf []byte, st int) []byte {
	n := bytes.Count(buf[st:], []byte{'"'})
	field := len(buf) - st
	buf = slices.Grow(buf, n+2)[:len(buf)+n+2]
	// Shift right, from the end, doubling quotes.
	w := len(buf) - 1
	buf[w] = '"'
	w--
	for r := st + field - 1; r >= st; r-- {
		buf[w] = buf[r]
		w--
		if buf[r] == '"' {
			buf[w] = '"'
			w--
		}
	}
	buf[w] = '"'
	return buf
}

// ordering returns the output order of n rows: those passing keep (nil:
// all), sorted by key (nil: natural order), ties in natural order.
func ordering(n int, keep func(i int) bool, key func(i int) int64, desc bool) []int32 {
	idx := make([]int32, 0, n)
	for i := 0; i < n; i++ {
		if keep == nil || keep(i) {
			idx = append(idx, int32(i))
		}
	}
	if key == nil {
		return idx
	}
	keys := make([]int64, n)
	for _, i := range idx {
		keys[i] = key(int(i))
	}
	slices.SortStableFunc(idx, func(a, b int32) int {
		ka, kb := keys[a], keys[b]
		if desc {
			ka, kb = kb, ka
		}
		switch {
		case ka < kb:
			return -1
		case ka > kb:
			return 1
		}
		return 0
	})
	return idx
}

// table is the shape of every report but backlinks: rows in a natural
// order, numeric columns (which sorts and metric filters use) and text
// columns, over which the request's filter and sort build the output order.
type table struct {
	n      int
	num    map[string]func(i int) int64
	text   map[string]func(dst []byte, i int) []byte
	expand map[string][]outCol // columns that expand (matrix backlinks_num); fn takes a row index
}

func (t *table) dataset(keep func(i int) bool, key func(i int) int64, desc bool) *dataset {
	order := ordering(t.n, keep, key, desc)
	return &dataset{n: len(order), cols: func(code string) []outCol {
		if ex, ok := t.expand[code]; ok {
			out := make([]outCol, len(ex))
			for i, c := range ex {
				fn := c.fn
				out[i] = outCol{c.name, func(dst []byte, r int) []byte { return fn(dst, int(order[r])) }}
			}
			return out
		}
		if f, ok := t.num[code]; ok {
			return []outCol{{code, func(dst []byte, r int) []byte { return appendInt(dst, f(int(order[r]))) }}}
		}
		if f, ok := t.text[code]; ok {
			return []outCol{{code, func(dst []byte, r int) []byte { return f(dst, int(order[r])) }}}
		}
		return []outCol{{code, func(dst []byte, r int) []byte { return dst }}}
	}}
}

func str(f func(i int) string) func(dst []byte, i int) []byte {
	return func(dst []byte, i int) []byte { return append(dst, f(i)...) }
}
