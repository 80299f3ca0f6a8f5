package api

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Sort is a server-side sort rule: display_sort=<Key>_asc|_desc.
type Sort struct {
	Key  string // wire key, including an index for indexed keys ("backlinksnum_1")
	Desc bool
}

// IsZero reports whether no sort is set (the report's default applies).
func (s Sort) IsZero() bool { return s.Key == "" }

func (s Sort) String() string {
	if s.Key == "" {
		return ""
	}
	if s.Desc {
		return s.Key + "_desc"
	}
	return s.Key + "_asc"
}

// ParseSort parses "page_ascore_desc" / "last_seen_asc".
func ParseSort(s string) (Sort, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Sort{}, nil
	}
	switch {
	case strings.HasSuffix(s, "_desc"):
		return Sort{Key: strings.TrimSuffix(s, "_desc"), Desc: true}, nil
	case strings.HasSuffix(s, "_asc"):
		return Sort{Key: strings.TrimSuffix(s, "_asc")}, nil
	}
	return Sort{}, fmt.Errorf("sort %q must end in _asc or _desc", s)
}

// SortFor returns the sort rule that orders by column (for matrix per-target
// columns, pass the target index; -1 otherwise).
func (r *Report) SortFor(column string, targetIndex int, desc bool) (Sort, bool) {
	k, ok := r.Sortable(column)
	if !ok {
		return Sort{}, false
	}
	key := k.Key
	if k.Indexed {
		if targetIndex < 0 {
			return Sort{}, false
		}
		key += "_" + strconv.Itoa(targetIndex)
	}
	return Sort{Key: key, Desc: desc}, true
}

// ValidateSort checks a sort rule against the report.
func (r *Report) ValidateSort(s Sort, targets int) error {
	if s.IsZero() {
		return nil
	}
	if len(r.Sorts) == 0 {
		return fmt.Errorf("%s cannot be sorted on the server", r.Type)
	}
	base, idx := splitIndexed(s.Key)
	for _, k := range r.Sorts {
		if k.Indexed && base == k.Key && idx >= 0 {
			if idx >= targets {
				return fmt.Errorf("sort %s: target index %d out of range (%d targets)", s, idx, targets)
			}
			return nil
		}
		if !k.Indexed && k.Key == s.Key {
			return nil
		}
	}
	var keys []string
	for _, k := range r.Sorts {
		if k.Indexed {
			keys = append(keys, k.Key+"_N")
		} else {
			keys = append(keys, k.Key)
		}
	}
	return fmt.Errorf("%s cannot be sorted by %q (sorts: %s, each _asc or _desc)", r.Type, s.Key, strings.Join(keys, ", "))
}

// SortColumn returns the column code a sort rule orders by and, for indexed
// keys, the target index (-1 otherwise).
func (r *Report) SortColumn(s Sort) (string, int) {
	base, idx := splitIndexed(s.Key)
	for _, k := range r.Sorts {
		if k.Indexed && base == k.Key && idx >= 0 {
			return k.Column, idx
		}
		if !k.Indexed && k.Key == s.Key {
			return k.Column, -1
		}
	}
	return "", -1
}

// Request describes one call of a report. It is a value: copy it freely.
type Request struct {
	Report  *Report
	Targets []Target // one for single-target reports
	Columns []string // export_columns; nil means the report's defaults
	Sort    Sort
	Filter  Filter
	Offset  int // first row (display_offset)
	Count   int // rows wanted; display_limit = Offset + Count (an END index)
	// Escape asks for quoted fields (export_escape=1).
	Escape bool
}

// ColumnsOrDefault returns the export columns the request asks for.
func (q Request) ColumnsOrDefault() []string {
	if len(q.Columns) == 0 {
		return q.Report.DefaultColumns()
	}
	return q.Columns
}

// Limit is the display_limit the request sends: the END index of the rows.
func (q Request) Limit() int { return q.Offset + q.Count }

// Validate checks the request against the catalogue. A request that fails
// validation must not be sent: it would spend nothing but time, or worse,
// units on a result the user did not ask for.
func (q Request) Validate() error {
	r := q.Report
	if r == nil {
		return &ValidationError{Msg: "no report type"}
	}
	verr := func(format string, a ...any) error {
		return &ValidationError{Report: r.Type, Msg: fmt.Sprintf(format, a...)}
	}
	if len(q.Targets) == 0 {
		return verr("no target")
	}
	if !r.Multi && len(q.Targets) > 1 {
		return verr("takes one target, got %d", len(q.Targets))
	}
	if r.Multi && r.MaxTargets > 0 && len(q.Targets) > r.MaxTargets {
		return verr("takes at most %d targets, got %d", r.MaxTargets, len(q.Targets))
	}
	seen := map[string]bool{}
	for _, t := range q.Targets {
		if strings.TrimSpace(t.Value) == "" {
			return verr("empty target")
		}
		if !r.AcceptsTargetType(r.WireTargetType(t.Type)) {
			return verr("does not take target type %s for %q (takes %s)", t.Type, t.Value, joinTypes(r.TargetTypes))
		}
		if r.Multi {
			if seen[t.Value] {
				return verr("target %q is listed twice", t.Value)
			}
			seen[t.Value] = true
		}
	}
	if r.NoExportColumns && len(q.Columns) > 0 {
		return verr("takes no export_columns")
	}
	dup := map[string]bool{}
	for _, c := range q.Columns {
		if _, ok := r.Column(c); !ok {
			return verr("has no column %q (columns: %s)", c, strings.Join(r.columnCodes(), ", "))
		}
		if dup[c] {
			return verr("column %q is asked twice", c)
		}
		dup[c] = true
	}
	for _, err := range []error{r.ValidateSort(q.Sort, len(q.Targets)), r.ValidateFilter(q.Filter, len(q.Targets))} {
		if err != nil {
			// Their messages may start with the report's name already.
			return &ValidationError{Report: r.Type, Msg: strings.TrimPrefix(err.Error(), r.Type+" ")}
		}
	}
	if r.Paged {
		if q.Offset < 0 {
			return verr("negative offset %d", q.Offset)
		}
		if q.Count <= 0 {
			return verr("asks for %d rows; ask for at least one (a missing limit means 10,000 lines)", q.Count)
		}
		if r.MaxLines > 0 && (q.Count > r.MaxLines || q.Offset > r.MaxLines-q.Count) {
			// Compared without adding: Offset+Count may overflow.
			return verr("rows past %d asked; the API serves at most %d", r.MaxLines, r.MaxLines)
		}
	} else if q.Offset != 0 || q.Count != 0 {
		return verr("is not paged (no offset or row count)")
	}
	return nil
}

func (r *Report) columnCodes() []string {
	out := make([]string, len(r.Columns))
	for i, c := range r.Columns {
		out[i] = c.Code
	}
	return out
}

func joinTypes(ts []TargetType) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}

// Lines returns the most lines the request can return (and charge, for
// per-line reports).
func (q Request) Lines() int {
	switch {
	case q.Report.Paged:
		return q.Count
	case q.Report.Multi:
		return len(q.Targets)
	default:
		return 1
	}
}

// Param is one query parameter, in wire order.
type Param struct{ Name, Value string }

// Params returns the query parameters in the order the API documentation
// writes them, the key first. The key is passed in so that a Request never
// holds it.
func (q Request) Params(key string) []Param {
	r := q.Report
	p := []Param{{"key", key}, {"type", r.Type}}
	if r.Multi {
		for _, t := range q.Targets {
			p = append(p, Param{"targets[]", t.Value})
		}
		for _, t := range q.Targets {
			p = append(p, Param{"target_types[]", string(r.WireTargetType(t.Type))})
		}
	} else if len(q.Targets) > 0 {
		t := q.Targets[0]
		p = append(p, Param{"target", t.Value}, Param{"target_type", string(r.WireTargetType(t.Type))})
	}
	if !r.NoExportColumns {
		p = append(p, Param{"export_columns", strings.Join(q.ColumnsOrDefault(), ",")})
	}
	if !q.Sort.IsZero() {
		p = append(p, Param{"display_sort", q.Sort.String()})
	}
	if r.Paged {
		if q.Offset > 0 {
			p = append(p, Param{"display_offset", strconv.Itoa(q.Offset)})
		}
		p = append(p, Param{"display_limit", strconv.Itoa(q.Limit())})
	}
	if len(q.Filter) > 0 {
		p = append(p, Param{"display_filter", q.Filter.String()})
	}
	if q.Escape {
		p = append(p, Param{"export_escape", "1"})
	}
	return p
}

// EncodeQuery encodes the parameters the way the documentation shows them:
// names literal ("targets[]"), values percent-encoded with "+" as %2B, "|" as
// %7C and "-" in filters as %2D, while "," stays literal in column lists.
func EncodeQuery(params []Param) string {
	var b strings.Builder
	for i, p := range params {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.Name)
		b.WriteByte('=')
		b.WriteString(escapeValue(p.Value, p.Name == "display_filter"))
	}
	return b.String()
}

func escapeValue(v string, filter bool) string {
	e := url.QueryEscape(v)
	// QueryEscape writes a space as "+"; after it, every "+" is a space
	// (a literal plus is %2B). %20 cannot be misread.
	e = strings.ReplaceAll(e, "+", "%20")
	e = strings.ReplaceAll(e, "%2C", ",")
	if filter {
		e = strings.ReplaceAll(e, "-", "%2D")
	}
	return e
}

// URL returns the full request URL against base (".../analytics/v1/").
func (q Request) URL(base, key string) string {
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + EncodeQuery(q.Params(key))
}

// Key identifies the request's data independently of the API key: the same
// Key means the same rows. Used for caching and de-duplication.
func (q Request) Key() string {
	return EncodeQuery(q.Params("")[1:])
}

// Describe is a short human description: "refdomains example.com rows 1-100".
func (q Request) Describe() string {
	var b strings.Builder
	b.WriteString(q.Report.Short)
	for _, t := range q.Targets {
		b.WriteByte(' ')
		b.WriteString(t.Value)
	}
	if q.Report.Paged {
		fmt.Fprintf(&b, " rows %d-%d", q.Offset+1, q.Limit())
	}
	return b.String()
}
