package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
)

// writeCSV writes the table as RFC 4180 CSV with a header of column codes.
// Values are the API's own text (already sanitised when parsed).
func writeCSV(w io.Writer, t *api.Table) error {
	cw := csv.NewWriter(w)
	hdr := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		hdr[i] = c.Code
	}
	if err := cw.Write(hdr); err != nil {
		return err
	}
	for r := 0; r < t.Len(); r++ {
		if err := cw.Write(t.Row(r)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// jsonValue is a value with its kind: numbers and booleans typed, times as
// Unix seconds, empty numbers as null.
func jsonValue(t *api.Table, r, c int) any {
	text := t.Text(r, c)
	switch t.Columns[c].Kind {
	case api.KindInt, api.KindTime:
		if text == "" {
			return nil
		}
		return t.Int(r, c)
	case api.KindFloat:
		if text == "" {
			return nil
		}
		return json.Number(strconv.FormatFloat(t.Float(r, c), 'f', -1, 64))
	case api.KindBool:
		if text == "" {
			return nil
		}
		return t.Bool(r, c)
	}
	return text
}

// writeJSON writes an array of objects keyed by column code, in column order.
func writeJSON(w io.Writer, t *api.Table) error {
	var b strings.Builder
	b.WriteString("[")
	for r := 0; r < t.Len(); r++ {
		if r > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for c := range t.Columns {
			if c > 0 {
				b.WriteString(", ")
			}
			k, _ := json.Marshal(t.Columns[c].Code)
			v, err := json.Marshal(jsonValue(t, r, c))
			if err != nil {
				return err
			}
			b.Write(k)
			b.WriteString(": ")
			b.Write(v)
		}
		b.WriteString("}")
		if b.Len() > 1<<16 {
			if _, err := io.WriteString(w, b.String()); err != nil {
				return err
			}
			b.Reset()
		}
	}
	if t.Len() > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// writeText writes an aligned plain-text table for a terminal: numbers
// right-aligned with thousands separators, times as dates, long text cut
// with an ellipsis.
func writeText(w io.Writer, t *api.Table, maxCell int) error {
	n := t.Len()
	cells := make([][]string, n+1)
	widths := make([]int, len(t.Columns))
	cells[0] = make([]string, len(t.Columns))
	for c, col := range t.Columns {
		cells[0][c] = col.Code
		widths[c] = ansi.StringWidth(col.Code)
	}
	for r := 0; r < n; r++ {
		row := make([]string, len(t.Columns))
		for c := range t.Columns {
			v := ansi.Truncate(displayValue(t, r, c), maxCell, "…")
			row[c] = v
			widths[c] = max(widths[c], ansi.StringWidth(v))
		}
		cells[r+1] = row
	}
	var b strings.Builder
	for _, row := range cells {
		for c, v := range row {
			if c > 0 {
				b.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[c]-ansi.StringWidth(v))
			if t.Columns[c].Kind.Numeric() {
				b.WriteString(pad + v)
			} else if c < len(row)-1 {
				b.WriteString(v + pad)
			} else {
				b.WriteString(v)
			}
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// displayValue formats one value for people.
func displayValue(t *api.Table, r, c int) string {
	text := t.Text(r, c)
	if text == "" {
		return ""
	}
	switch t.Columns[c].Kind {
	case api.KindInt:
		return thousands(t.Int(r, c))
	case api.KindTime:
		return t.Time(r, c).Format("2006-01-02")
	}
	return text
}

// thousands formats n with comma thousands separators.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, ch := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(ch)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// reportIssues tells on stderr which rows were repaired or flagged.
func reportIssues(w io.Writer, t *api.Table) {
	for _, is := range t.Issues {
		state := "flagged"
		if is.Repaired {
			state = "repaired"
		}
		fmt.Fprintf(w, "row %d %s: %s\n", is.Row+1, state, is.Msg)
	}
}
