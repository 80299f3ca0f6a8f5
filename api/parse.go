package api

import (
	"bytes"
	"fmt"
	"net"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Parse reads a response body of the request q into a table.
//
// An "ERROR <code> :: <MESSAGE>" body is returned as an *APIError, except
// ERROR 50 :: NOTHING FOUND, which is an empty table with NothingFound set.
// An empty body or an HTML page is a *TransportError.
//
// Columns are mapped by header name, never by position. Rows are ';'
// separated, CRLF or LF, with or without a final newline and a UTF-8 BOM;
// quoted bodies (export_escape=1) are recognised by their header. A row that
// a ';' inside a value split into too many fields is repaired when the
// column kinds allow exactly one reading, and flagged otherwise; an odd row
// never sinks the page.
func Parse(body []byte, q Request) (*Table, error) {
	if ae, ok := ParseErrorBody(body); ok {
		if ae.Code == CodeNothingFound {
			t := NewTable(columnsFor(q, q.ColumnsOrDefault()))
			t.NothingFound = true
			return t, nil
		}
		return nil, ae
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\uFEFF")), " \t\r\n")
	if len(trimmed) == 0 {
		return nil, &TransportError{Msg: "empty response body"}
	}
	if trimmed[0] == '<' {
		return nil, &TransportError{Msg: "the server sent an HTML page instead of report data"}
	}
	if first, _ := nextLine(string(firstBytes(trimmed, 4096))); strings.HasPrefix(first, "ERROR") && !strings.Contains(first, ";") {
		// An error line of an unknown shape is still an error, not a header.
		// Its text is not echoed: it may hold the key, and clipped,
		// Redact would no longer find it.
		return nil, &TransportError{Msg: "the server sent an ERROR line the client cannot read"}
	}
	return parseCSV(string(body), func(codes []string) []Column { return columnsFor(q, codes) })
}

// columnsFor gives the catalogue metadata of header codes. For the matrix,
// a code equal to a target is that target's backlinks column. Unknown codes
// are kept as text so that nothing the API sends is lost.
func columnsFor(q Request, codes []string) []Column {
	out := make([]Column, 0, len(codes))
	for _, code := range codes {
		if q.Report != nil && q.Report.PerTarget != "" && code == q.Report.PerTarget && len(q.Targets) > 0 {
			// Asked as backlinks_num: expands to one column per target.
			for i, t := range q.Targets {
				out = append(out, targetColumn(t.Value, i))
			}
			continue
		}
		out = append(out, columnFor(q, code))
	}
	return out
}

func columnFor(q Request, code string) Column {
	if q.Report != nil {
		if q.Report.PerTarget != "" {
			for i, t := range q.Targets {
				if t.Value == code {
					return targetColumn(code, i)
				}
			}
		}
		if c, ok := q.Report.Column(code); ok {
			return c
		}
	}
	return Column{Code: code, Title: code, Kind: KindText}
}

func targetColumn(target string, i int) Column {
	return Column{Code: target, Title: target, Kind: KindInt, Desc: "Backlinks to " + target, TargetIndex: i, PerTarget: true}
}

func parseCSV(s string, meta func([]string) []Column) (*Table, error) {
	s = strings.TrimPrefix(s, "\uFEFF")
	s = strings.TrimLeft(s, " \t\r\n") // blank lines before the header, as Parse allows
	if strings.HasPrefix(s, `"`) {
		return parseQuoted(s, meta)
	}
	line, rest := nextLine(s)
	codes := strings.Split(line, ";")
	if len(codes) > maxColumns {
		return nil, tooManyColumns(len(codes))
	}
	for i := range codes {
		codes[i] = strings.TrimSpace(codes[i])
	}
	t := NewTable(meta(codes))
	t.grow(strings.Count(rest, "\n") + 1)
	kinds := kindsOf(t.Columns)
	fields := make([]string, 0, len(codes)+4)
	lineNo := 1
	for len(rest) > 0 {
		line, rest = nextLine(rest)
		lineNo++
		if line == "" {
			continue
		}
		fields = splitSemi(fields[:0], line)
		t.addRow(fields, kinds, lineNo)
	}
	return t, nil
}

// maxColumns is the most columns a header may name. No report has more
// than 22; every row costs a value per column, so a short garbled or hostile
// body with a huge header would otherwise cost gigabytes (48 KB: 4 GB).
const maxColumns = 64

func tooManyColumns(n int) error {
	return &TransportError{Msg: fmt.Sprintf("the response header names %d columns (a report has at most %d): not report data", n, maxColumns)}
}

// nextLine cuts the first line off s, dropping its "\n" or "\r\n".
func nextLine(s string) (line, rest string) {
	i := strings.IndexByte(s, '\n')
	if i < 0 {
		line, rest = s, ""
	} else {
		line, rest = s[:i], s[i+1:]
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, rest
}

func splitSemi(dst []string, line string) []string {
	for {
		i := strings.IndexByte(line, ';')
		if i < 0 {
			return append(dst, line)
		}
		dst = append(dst, line[:i])
		line = line[i+1:]
	}
}

func kindsOf(cols []Column) []Kind {
	k := make([]Kind, len(cols))
	for i, c := range cols {
		k[i] = c.Kind
	}
	return k
}

// addRow stores one row of fields, repairing or flagging a field count that
// does not match the header.
func (t *Table) addRow(fields []string, kinds []Kind, lineNo int) {
	row := t.n
	var issue *RowIssue
	switch {
	case len(fields) > len(kinds):
		fixed, ok, ambiguous := repairSplit(fields, kinds)
		switch {
		case ok && !ambiguous:
			issue = &RowIssue{Row: row, Line: lineNo, Repaired: true,
				Msg: fmt.Sprintf("a ';' inside a value split the line into %d fields; rejoined", len(fields))}
		case ok:
			issue = &RowIssue{Row: row, Line: lineNo,
				Msg: fmt.Sprintf("line has %d fields for %d columns and more than one reading; values may be shifted", len(fields), len(kinds))}
		default:
			issue = &RowIssue{Row: row, Line: lineNo,
				Msg: fmt.Sprintf("line has %d fields for %d columns and no consistent reading; extra text joined into the last column", len(fields), len(kinds))}
			fixed = append(fields[:len(kinds)-1:len(kinds)-1], strings.Join(fields[len(kinds)-1:], ";"))
		}
		fields = fixed
	case len(fields) < len(kinds):
		issue = &RowIssue{Row: row, Line: lineNo,
			Msg: fmt.Sprintf("line has %d fields for %d columns; missing values left empty", len(fields), len(kinds))}
		for len(fields) < len(kinds) {
			fields = append(fields, "")
		}
	}
	for i, k := range kinds {
		c := &t.cols[i]
		f := fields[i]
		switch k {
		case KindInt, KindTime:
			v, ok := parseInt(f)
			if !ok && issue == nil {
				issue = &RowIssue{Row: row, Line: lineNo, Msg: fmt.Sprintf("%s: %q is not a number", t.Columns[i].Code, clip(f))}
			}
			c.num = append(c.num, v)
		case KindBool:
			v, ok := parseBool(f)
			if !ok && issue == nil {
				issue = &RowIssue{Row: row, Line: lineNo, Msg: fmt.Sprintf("%s: %q is not true or false", t.Columns[i].Code, clip(f))}
			}
			c.num = append(c.num, v)
		case KindFloat:
			v, err := strconv.ParseFloat(f, 64)
			if err != nil && f != "" && issue == nil {
				issue = &RowIssue{Row: row, Line: lineNo, Msg: fmt.Sprintf("%s: %q is not a number", t.Columns[i].Code, clip(f))}
			}
			c.flt = append(c.flt, v)
		}
		c.text = append(c.text, SanitizeText(f))
	}
	t.n++
	if issue != nil {
		t.flag(*issue)
	}
}

func clip(s string) string {
	s = SanitizeText(s)
	if len(s) > 40 {
		i := 40
		for i > 0 && !utf8.RuneStart(s[i]) {
			i-- // never cut a character in two
		}
		return s[:i] + "…"
	}
	return s
}

// parseInt reads an optionally signed decimal integer; "" is 0 and valid.
func parseInt(s string) (int64, bool) {
	if s == "" {
		return 0, true
	}
	neg := false
	i := 0
	if s[0] == '-' {
		neg, i = true, 1
		if len(s) == 1 {
			return 0, false
		}
	}
	if len(s)-i > 18 {
		v, err := strconv.ParseInt(s, 10, 64)
		return v, err == nil
	}
	var v int64
	for ; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	if neg {
		v = -v
	}
	return v, true
}

func parseBool(s string) (int64, bool) {
	switch s {
	case "true", "1", "True", "TRUE":
		return 1, true
	case "false", "0", "False", "FALSE", "":
		return 0, true
	}
	return 0, false
}

// validFor reports whether a value can belong to a column of kind k. It is
// what makes a split row readable: numbers, booleans, times, IPs and country
// codes cannot hold text, and a URL starts with a scheme.
func validFor(k Kind, v string) bool {
	if v == "" {
		return true
	}
	switch k {
	case KindInt, KindTime:
		_, ok := parseInt(v)
		return ok
	case KindFloat:
		_, err := strconv.ParseFloat(v, 64)
		return err == nil
	case KindBool:
		_, ok := parseBool(v)
		return ok
	case KindURL:
		return hasScheme(v)
	case KindDomain:
		return !strings.ContainsAny(v, " ;/")
	case KindIP:
		return net.ParseIP(v) != nil
	case KindCountryCode:
		return len(v) == 2
	}
	return true
}

func hasScheme(v string) bool {
	i := strings.Index(v, "://")
	if i <= 0 || i > 10 {
		return false
	}
	for j := 0; j < i; j++ {
		c := v[j]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || j > 0 && (c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
			return false
		}
	}
	return true
}

// maxRepairExtra bounds the search for readings of a split row: a row with
// more surplus fields than this is not a stray ';' but a garbled line, and
// trying every reading of it would cost time quadratic in its length.
const maxRepairExtra = 32

// repairSplit finds the readings of a row with too many fields: each
// free-text column takes one or more consecutive fields (rejoined with ';'),
// every other column exactly one, and every value must be valid for its
// kind. It returns the first reading, whether there is one, and whether there
// is more than one.
func repairSplit(fields []string, kinds []Kind) (out []string, ok, ambiguous bool) {
	nf, nc := len(fields), len(kinds)
	extra := nf - nc
	if nc == 0 || extra <= 0 || extra > maxRepairExtra {
		return nil, false, false
	}
	// Column i starts at field i+d, d being the surplus fields the columns
	// before it absorbed (0..extra). ways[i*w+d]: readings of columns i..
	// from there, capped at 2.
	w := extra + 1
	ways := make([]int8, (nc+1)*w)
	ways[nc*w+extra] = 1
	for i := nc - 1; i >= 0; i-- {
		for d := 0; d <= extra; d++ {
			var n int8
			for span := 1; span <= maxSpanAt(kinds[i], extra, d); span++ {
				next := ways[(i+1)*w+d+span-1]
				if next == 0 || !validSpan(kinds[i], fields[i+d:i+d+span]) {
					continue
				}
				if n += next; n >= 2 {
					n = 2
					break
				}
			}
			ways[i*w+d] = n
		}
	}
	if ways[0] == 0 {
		return nil, false, false
	}
	out = make([]string, 0, nc)
	d := 0
	for i := 0; i < nc; i++ {
		for span := 1; span <= maxSpanAt(kinds[i], extra, d); span++ {
			if ways[(i+1)*w+d+span-1] > 0 && validSpan(kinds[i], fields[i+d:i+d+span]) {
				out = append(out, strings.Join(fields[i+d:i+d+span], ";"))
				d += span - 1
				break
			}
		}
	}
	return out, true, ways[0] > 1
}

// maxSpanAt is how many fields a column of kind k may take when d of the
// extra surplus fields are already taken.
func maxSpanAt(k Kind, extra, d int) int {
	if k.FreeText() {
		return extra - d + 1
	}
	return 1
}

// validSpan reports whether fields rejoined with ';' are a valid value of
// kind k, without joining them where the kind does not need it.
func validSpan(k Kind, fields []string) bool {
	if len(fields) == 1 {
		return validFor(k, fields[0])
	}
	switch k {
	case KindText, KindCountryName:
		return true
	case KindURL:
		return hasScheme(fields[0]) // the scheme cannot span a ';'
	}
	return validFor(k, strings.Join(fields, ";"))
}

// parseQuoted reads an export_escape=1 body: every field in double quotes,
// ';' between them. A '"' ends a field only before ';' or the end of the
// line; a doubled '""' is one quote (RFC 4180), and a lone '"' inside a value
// is kept as it is. A quoted value may span lines.
func parseQuoted(s string, meta func([]string) []Column) (*Table, error) {
	pos := 0
	lineNo := 1
	header, pos, _ := readQuotedRecord(s, pos, &lineNo, nil)
	if len(header) > maxColumns {
		return nil, tooManyColumns(len(header))
	}
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	t := NewTable(meta(header))
	kinds := kindsOf(t.Columns)
	t.grow(strings.Count(s[pos:], "\n") + 1)
	var rec []string
	for pos < len(s) {
		start := lineNo
		var next int
		var empty bool
		rec, next, empty = readQuotedRecord(s, pos, &lineNo, rec)
		pos = next
		if empty {
			continue
		}
		t.addRow(rec, kinds, start)
	}
	return t, nil
}

// readQuotedRecord reads one record starting at pos, appending its fields
// to fields[:0]; it returns them, the position after the record's line end,
// and whether the line was empty. A field is a slice of s unless it holds a
// doubled quote.
func readQuotedRecord(s string, pos int, lineNo *int, fields []string) ([]string, int, bool) {
	fields = fields[:0]
	i := pos
	if i < len(s) && (s[i] == '\n' || s[i] == '\r') {
		for i < len(s) && s[i] == '\r' {
			i++
		}
		if i < len(s) && s[i] == '\n' {
			i++
		}
		*lineNo++
		return fields, i, true
	}
	for {
		var v string
		if i < len(s) && s[i] == '"' {
			i++
			start := i
			var b []byte // the value so far, once a doubled quote is seen
			for i < len(s) {
				c := s[i]
				if c == '"' {
					if i+1 >= len(s) || s[i+1] == ';' || s[i+1] == '\n' || s[i+1] == '\r' {
						break // the closing quote
					}
					if s[i+1] == '"' {
						b = append(b, s[start:i+1]...) // "" is one quote
						i += 2
						start = i
						continue
					}
				} else if c == '\n' {
					*lineNo++
				}
				i++
			}
			if b != nil {
				v = string(append(b, s[start:i]...))
			} else {
				v = s[start:i]
			}
			if i < len(s) {
				i++ // past the closing quote, before ';' or the line end
			}
		} else {
			start := i
			for i < len(s) && s[i] != ';' && s[i] != '\n' && s[i] != '\r' {
				i++
			}
			v = s[start:i]
		}
		fields = append(fields, v)
		if i < len(s) && s[i] == ';' {
			i++
			continue
		}
		// End of line or of input.
		for i < len(s) && s[i] == '\r' {
			i++
		}
		if i < len(s) && s[i] == '\n' {
			i++
		}
		*lineNo++
		return fields, i, false
	}
}
