package sandbox

import (
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"linkdive/api"
)

// apiErr is an "ERROR <code> :: <message>" answer.
type apiErr struct {
	code int
	msg  string
}

func (e *apiErr) Error() string { return fmt.Sprintf("ERROR %d :: %s", e.code, e.msg) }

func wrongParam(code int, name, desc string) *apiErr {
	return &apiErr{code, fmt.Sprintf("Wrong parameter '%s'. %s", name, desc)}
}

var (
	errNothingFound = &apiErr{50, "NOTHING FOUND"}
	errBalanceZero  = &apiErr{132, "API UNITS BALANCE IS ZERO"}
	errEmptyKey     = &apiErr{122, "WRONG FORMAT OR EMPTY KEY"}
	errWrongKey     = &apiErr{120, "WRONG KEY - ID PAIR"}
	errNoType       = &apiErr{41, "MANDATORY PARAMETER type NOT SET OR EMPTY"}
	errTypeDisabled = &apiErr{135, "API REPORT TYPE DISABLED"}
	errMethod       = &apiErr{48, "REQUEST METHOD NOT ALLOWED, USE GET"}
	errDuplicates   = &apiErr{402, "Request param not valid:: Duplicate domains"}
	errOffset       = &apiErr{605, "DISPLAY_OFFSET EQUALS OR EXCEEDS DISPLAY_LIMIT"}
	errInternal     = &apiErr{500, "Internal Error"}
	errTooMany      = &apiErr{429, "TOO MANY REQUESTS"}
)

// Target kinds once normalised.
const (
	tkRoot = iota
	tkHost
	tkURL
)

type target struct {
	value string // as sent
	ttype string // as sent
	kind  int
	norm  string // root or host (lower-case), or normalised URL
	host  string
	alts  []string // other spellings of a URL target worth trying
}

// query is a validated request.
type query struct {
	rep     *api.Report
	targets []target
	codes   []string // export_columns as sent (aliases kept for the header)
	cols    []string // the catalogue codes they stand for
	sortCol string   // catalogue column; "" for the default order
	sortIdx int      // target index of an indexed sort
	desc    bool
	filter  api.Filter
	offset  int
	limit   int // END index (display_limit, 0 replaced by the default)
	escape  bool
}

var columnAliases = map[string]map[string]string{
	"backlinks":             {"page_score": "page_ascore"},
	"backlinks_refdomains":  {"domain_score": "domain_ascore"},
	"backlinks_matrix":      {"domain_score": "domain_ascore"},
	"backlinks_competitors": {"score": "ascore"},
}

// one returns a parameter given at most once.
func one(q url.Values, name string) (string, *apiErr) {
	v := q[name]
	if len(v) > 1 {
		return "", wrongParam(10001, name, "Duplicated parameter.")
	}
	if len(v) == 0 {
		return "", nil
	}
	return v[0], nil
}

// parseQuery validates an analytics request after the key, in the order
// of protocol-notes §10: type, targets, columns, sort, filter, paging.
func parseQuery(q url.Values) (*query, *apiErr) {
	typ, e := one(q, "type")
	if e != nil {
		return nil, e
	}
	if strings.TrimSpace(typ) == "" {
		return nil, errNoType
	}
	rep, ok := api.LookupReport(typ)
	if !ok || rep.Type != typ {
		return nil, errTypeDisabled
	}
	x := &query{rep: rep, sortIdx: -1}
	if e := x.parseTargets(q); e != nil {
		return nil, e
	}
	if e := x.parseColumns(q); e != nil {
		return nil, e
	}
	if e := x.parseSort(q); e != nil {
		return nil, e
	}
	if e := x.parseFilter(q); e != nil {
		return nil, e
	}
	if e := x.parsePaging(q); e != nil {
		return nil, e
	}
	if v, _ := one(q, "export_escape"); v == "1" {
		x.escape = true
	}
	return x, nil
}

func (x *query) parseTargets(q url.Values) *apiErr {
	r := x.rep
	if !r.Multi {
		v, e := one(q, "target")
		if e != nil {
			return e
		}
		if strings.TrimSpace(v) == "" {
			return wrongParam(10013, "target", "Required parameter is not specified.")
		}
		tt, e := one(q, "target_type")
		if e != nil {
			return e
		}
		if tt == "" {
			return wrongParam(10013, "target_type", "Required parameter is not specified.")
		}
		t, e := newTarget(r, v, tt, "target", "target_type")
		if e != nil {
			return e
		}
		x.targets = []target{t}
		return nil
	}
	vals := q["targets[]"]
	if len(vals) == 0 {
		vals = q["targets"]
	}
	types := q["target_types[]"]
	if len(types) == 0 {
		types = q["target_types"]
	}
	if len(vals) == 0 {
		return wrongParam(10013, "targets[]", "Required parameter is not specified.")
	}
	if r.MaxTargets > 0 && len(vals) > r.MaxTargets {
		return wrongParam(10030, "targets[]", fmt.Sprintf("Too many values: at most %d.", r.MaxTargets))
	}
	switch {
	case len(types) < len(vals):
		return wrongParam(10031, "target_types[]", "Not enough values: one per target is needed.")
	case len(types) > len(vals):
		return wrongParam(10030, "target_types[]", "Too many values: one per target is needed.")
	}
	seen := map[string]bool{}
	for i, v := range vals {
		t, e := newTarget(r, v, types[i], "targets[]", "target_types[]")
		if e != nil {
			return e
		}
		k := strconv.Itoa(t.kind) + t.norm
		if seen[k] {
			return errDuplicates
		}
		seen[k] = true
		x.targets = append(x.targets, t)
	}
	return nil
}

func newTarget(r *api.Report, value, ttype, pname, tname string) (target, *apiErr) {
	t := target{value: value, ttype: ttype}
	tt := api.TargetType(ttype)
	if !r.AcceptsTargetType(tt) {
		var names []string
		for _, a := range r.TargetTypes {
			names = append(names, string(a))
		}
		return t, wrongParam(10000, tname, "Invalid value: use "+strings.Join(names, ", ")+".")
	}
	v := strings.TrimSpace(value)
	if tt == api.URL {
		u, alts, host, ok := normURL(v)
		if !ok {
			return t, wrongParam(10000, pname, "Invalid value: not a URL.")
		}
		t.kind, t.norm, t.host, t.alts = tkURL, u, host, alts
		return t, nil
	}
	host, ok := normHost(v)
	if !ok {
		return t, wrongParam(10042, pname, "Value is not a domain.")
	}
	if tt == api.RootDomain {
		t.kind, t.norm, t.host = tkRoot, api.RootOf(host), host
	} else {
		t.kind, t.norm, t.host = tkHost, host, host
	}
	return t, nil
}

// normHost extracts and checks a host name from a domain target.
func normHost(v string) (string, bool) {
	v = strings.ToLower(v)
	if i := strings.Index(v, "://"); i >= 0 {
		v = v[i+3:]
	}
	if i := strings.IndexAny(v, "/?#"); i >= 0 {
		v = v[:i]
	}
	if h, _, err := net.SplitHostPort(v); err == nil {
		v = h
	}
	v = strings.TrimSuffix(v, ".")
	if v == "" || len(v) > 253 || !strings.Contains(v, ".") || net.ParseIP(v) != nil {
		return "", false
	}
	for _, label := range strings.Split(v, ".") {
		if label == "" || len(label) > 63 {
			return "", false
		}
	}
	for _, c := range v {
		if c <= ' ' || c == 0x7f || strings.ContainsRune(`"'<>\;,|%&*+=@!$()[]{}^~`+"`", c) {
			return "", false
		}
	}
	return v, true
}

// normURL normalises a URL target: lower-case scheme and host, no
// fragment, "/" for an empty path. A URL without a scheme is tried as
// https, then http.
func normURL(v string) (string, []string, string, bool) {
	if v == "" || strings.ContainsAny(v, " \t\r\n") {
		return "", nil, "", false
	}
	noScheme := !strings.Contains(v, "://")
	raw := v
	if noScheme {
		raw = "https://" + v
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "", nil, "", false
	}
	host, ok := normHost(u.Hostname())
	if !ok {
		return "", nil, "", false
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return "", nil, "", false
	}
	rest := u.EscapedPath()
	if u.RawPath == "" {
		// Keep what was sent (";jsessionid" and friends stay literal).
		rest = u.Path
	}
	if rest == "" {
		rest = "/"
	}
	if u.RawQuery != "" {
		rest += "?" + u.RawQuery
	}
	norm := scheme + "://" + host + rest
	var alts []string
	if noScheme {
		alts = append(alts, "http://"+host+rest)
	}
	if strings.HasSuffix(rest, "/") && len(rest) > 1 {
		alts = append(alts, scheme+"://"+host+strings.TrimSuffix(rest, "/"))
	} else if !strings.Contains(rest, "?") {
		alts = append(alts, scheme+"://"+host+rest+"/")
	}
	return norm, alts, host, true
}

func (x *query) parseColumns(q url.Values) *apiErr {
	r := x.rep
	if r.NoExportColumns {
		x.cols = r.DefaultColumns()
		x.codes = x.cols
		return nil
	}
	v, e := one(q, "export_columns")
	if e != nil {
		return e
	}
	if strings.TrimSpace(v) == "" {
		x.cols = r.DefaultColumns()
		x.codes = x.cols
		return nil
	}
	seen := map[string]bool{}
	for _, c := range strings.Split(v, ",") {
		c = strings.TrimSpace(c)
		code := c
		if a, ok := columnAliases[r.Type][c]; ok {
			code = a
		}
		if _, ok := r.Column(code); !ok {
			return wrongParam(10000, "export_columns", fmt.Sprintf("Invalid value: unknown column '%s'.", c))
		}
		if seen[code] {
			return wrongParam(10014, "export_columns", fmt.Sprintf("Duplicate value '%s'.", c))
		}
		seen[code] = true
		x.codes = append(x.codes, c)
		x.cols = append(x.cols, code)
	}
	return nil
}

func (x *query) parseSort(q url.Values) *apiErr {
	r := x.rep
	v, e := one(q, "display_sort")
	if e != nil {
		return e
	}
	if v == "" {
		v = r.DefaultSort
		if v == "" {
			return nil
		}
	}
	if r.Type == "backlinks_matrix" && strings.HasPrefix(v, "domain_ascore_") {
		v = "domain_score_" + strings.TrimPrefix(v, "domain_ascore_")
	}
	s, err := api.ParseSort(strings.ToLower(v))
	if err == nil {
		err = r.ValidateSort(s, len(x.targets))
	}
	if err != nil {
		return wrongParam(10000, "display_sort", "Invalid value: "+err.Error()+".")
	}
	x.sortCol, x.sortIdx = r.SortColumn(s)
	x.desc = s.Desc
	return nil
}

func (x *query) parseFilter(q url.Values) *apiErr {
	v, e := one(q, "display_filter")
	if e != nil {
		return e
	}
	if v == "" {
		return nil
	}
	f, err := api.ParseFilter(v)
	if err == nil {
		err = x.rep.ValidateFilter(f, len(x.targets))
	}
	if err != nil {
		return wrongParam(10000, "display_filter", "Invalid value: "+err.Error()+".")
	}
	for i := range f {
		f[i].Value = strings.ToLower(f[i].Value)
	}
	x.filter = f
	return nil
}

func (x *query) parsePaging(q url.Values) *apiErr {
	r := x.rep
	if !r.Paged {
		return nil
	}
	num := func(name string) (int, *apiErr) {
		v, e := one(q, name)
		if e != nil {
			return 0, e
		}
		if v == "" {
			return 0, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return 0, wrongParam(10000, name, "Invalid value: not an integer.")
		}
		if n < 0 {
			return 0, wrongParam(10011, name, "Value is below the minimum (0).")
		}
		return n, nil
	}
	off, e := num("display_offset")
	if e != nil {
		return e
	}
	lim, e := num("display_limit")
	if e != nil {
		return e
	}
	if lim == 0 {
		lim = api.DefaultLimit
	}
	if r.MaxLines > 0 && lim > r.MaxLines {
		return &apiErr{613, fmt.Sprintf("TOO MANY ROWS REQUESTED: display_limit can be at most %d", r.MaxLines)}
	}
	if off >= lim {
		return errOffset
	}
	x.offset, x.limit = off, lim
	return nil
}
