// Package export writes an *api.Table (the rows loaded, with its columns)
// as CSV, TSV, JSON or an aligned text table, to a stream or to a new file.
// It makes no request. Values are the API's text as parsed (already
// sanitised by package api).
package export

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

// Format is an output format.
type Format string

// Formats.
const (
	CSV  Format = "csv"  // RFC 4180, header of column codes
	TSV  Format = "tsv"  // tab-separated, header of column codes
	JSON Format = "json" // array of objects keyed by column code, typed values
	Text Format = "table"
)

// ParseFormat reads a format name (csv, tsv, json, table/text).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "csv":
		return CSV, nil
	case "tsv":
		return TSV, nil
	case "json":
		return JSON, nil
	case "table", "text":
		return Text, nil
	}
	return "", fmt.Errorf("unknown format %q (want csv, tsv, json or table)", s)
}

// Ext is the file name extension of the format (without the dot).
func (f Format) Ext() string {
	if f == Text {
		return "txt"
	}
	return string(f)
}

// Write writes t in format f.
func Write(w io.Writer, f Format, t *api.Table) error {
	s, err := NewStream(w, f)
	if err != nil {
		return err
	}
	if err := s.Write(t); err != nil {
		return err
	}
	return s.Close()
}

// WriteCSV writes t as RFC 4180 CSV with a header of column codes.
func WriteCSV(w io.Writer, t *api.Table) error { return Write(w, CSV, t) }

// WriteTSV writes t as tab-separated values with a header of column codes.
func WriteTSV(w io.Writer, t *api.Table) error { return Write(w, TSV, t) }

// WriteJSON writes an array of objects keyed by column code, in column
// order: numbers and booleans typed, times as Unix seconds, empty numbers
// as null.
func WriteJSON(w io.Writer, t *api.Table) error { return Write(w, JSON, t) }

// Stream writes the pages of one report as they arrive: the header (or the
// opening bracket) once, then the rows of every page. Text buffers the
// pages and writes at Close (its column widths need every row).
type Stream struct {
	w       io.Writer
	f       Format
	started bool
	rows    int
	cols    []api.Column
	csv     *csv.Writer
	buf     *api.Table // Text
	MaxCell int        // Text: longest cell, in cells (default 60)
}

// NewStream starts a stream in format f.
func NewStream(w io.Writer, f Format) (*Stream, error) {
	switch f {
	case CSV, TSV, JSON, Text:
	default:
		return nil, fmt.Errorf("unknown format %q", f)
	}
	s := &Stream{w: w, f: f, MaxCell: 60}
	if f == CSV || f == TSV {
		s.csv = csv.NewWriter(w)
	}
	return s, nil
}

// Rows is the number of rows written so far.
func (s *Stream) Rows() int { return s.rows }

// Write adds the rows of one page. Every page must have the columns of the
// first.
func (s *Stream) Write(t *api.Table) error {
	if !s.started {
		s.started = true
		s.cols = t.Columns
		if err := s.begin(t); err != nil {
			return err
		}
	} else if err := sameColumns(s.cols, t.Columns); err != nil {
		return err
	}
	var err error
	switch s.f {
	case CSV, TSV:
		err = s.writeDelimited(t)
	case JSON:
		err = s.writeJSONRows(t)
	case Text:
		err = s.buf.Append(t)
	}
	s.rows += t.Len()
	return err
}

func (s *Stream) begin(t *api.Table) error {
	switch s.f {
	case CSV, TSV:
		return s.writeRecord(codes(t.Columns))
	case JSON:
		_, err := io.WriteString(s.w, "[")
		return err
	case Text:
		s.buf = api.NewTable(t.Columns)
	}
	return nil
}

// Close ends the stream (the closing bracket; the text table). A stream
// that got no page writes nothing for CSV/TSV/Text and "[]" for JSON.
func (s *Stream) Close() error {
	switch s.f {
	case CSV, TSV:
		s.csv.Flush()
		return s.csv.Error()
	case JSON:
		tail := "]\n"
		if !s.started {
			tail = "[]\n"
		} else if s.rows > 0 {
			tail = "\n]\n"
		}
		_, err := io.WriteString(s.w, tail)
		return err
	case Text:
		if s.buf == nil {
			return nil
		}
		return WriteText(s.w, s.buf, s.MaxCell)
	}
	return nil
}

func codes(cols []api.Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Code
	}
	return out
}

func sameColumns(a, b []api.Column) error {
	if len(a) != len(b) {
		return fmt.Errorf("export: a page has %d columns, the first had %d", len(b), len(a))
	}
	for i := range a {
		if a[i].Code != b[i].Code {
			return fmt.Errorf("export: column %d is %q, the first page had %q", i, b[i].Code, a[i].Code)
		}
	}
	return nil
}

func (s *Stream) writeRecord(rec []string) error {
	if s.f == TSV {
		var b strings.Builder
		for i, v := range rec {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(tsvField(v))
		}
		b.WriteByte('\n')
		_, err := io.WriteString(s.w, b.String())
		return err
	}
	return s.csv.Write(rec)
}

// tsvField keeps a value on its line and in its column. Sanitised text
// holds no tab or newline; this guards the format anyway.
func tsvField(v string) string {
	if strings.ContainsAny(v, "\t\r\n") {
		return strings.NewReplacer("\t", " ", "\r", " ", "\n", " ").Replace(v)
	}
	return v
}

func (s *Stream) writeDelimited(t *api.Table) error {
	for r := 0; r < t.Len(); r++ {
		if err := s.writeRecord(t.Row(r)); err != nil {
			return err
		}
	}
	if s.f == CSV {
		s.csv.Flush()
		return s.csv.Error()
	}
	return nil
}

// JSONValue is a value with its kind: numbers and booleans typed, times as
// Unix seconds, empty numbers as null.
func JSONValue(t *api.Table, r, c int) any {
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

// writeJSONRows writes the rows of t as "\n  {...}" objects, a comma before
// every row but the stream's first.
func (s *Stream) writeJSONRows(t *api.Table) error {
	var b strings.Builder
	for r := 0; r < t.Len(); r++ {
		if s.rows+r > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for c := range t.Columns {
			if c > 0 {
				b.WriteString(", ")
			}
			k, _ := json.Marshal(t.Columns[c].Code)
			v, err := json.Marshal(JSONValue(t, r, c))
			if err != nil {
				return err
			}
			b.Write(k)
			b.WriteString(": ")
			b.Write(v)
		}
		b.WriteString("}")
		if b.Len() > 1<<16 {
			if _, err := io.WriteString(s.w, b.String()); err != nil {
				return err
			}
			b.Reset()
		}
	}
	_, err := io.WriteString(s.w, b.String())
	return err
}

// WriteText writes an aligned plain-text table for a terminal: numbers
// right-aligned with thousands separators, times as dates, long text cut
// with an ellipsis at maxCell cells.
func WriteText(w io.Writer, t *api.Table, maxCell int) error {
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
			v := ansi.Truncate(DisplayValue(t, r, c), maxCell, "…")
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

// DisplayValue formats one value for people.
func DisplayValue(t *api.Table, r, c int) string {
	text := t.Text(r, c)
	if text == "" {
		return ""
	}
	switch t.Columns[c].Kind {
	case api.KindInt:
		return api.Thousands(t.Int(r, c))
	case api.KindTime:
		return t.Time(r, c).Format("2006-01-02")
	}
	return text
}
