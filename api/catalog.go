// Package api speaks the Semrush Backlinks API (the Analytics "v1" endpoint):
// the report catalogue, request building and validation, response parsing,
// typed errors, unit accounting and the HTTP client. It knows nothing of the UI.
package api

import (
	"fmt"
	"sort"
	"strings"
)

// Kind is the type of a column's values.
type Kind int

// Column kinds. Numbers, booleans and times cannot hold free text, which is
// what lets the parser repair rows split by a stray ';'.
const (
	KindText        Kind = iota // free text (titles, anchors, categories, zones)
	KindInt                     // int64 count or score
	KindFloat                   // decimal (categories rating)
	KindBool                    // literal true / false
	KindTime                    // Unix seconds, UTC
	KindURL                     // absolute URL, may be empty
	KindDomain                  // host name
	KindIP                      // dotted IPv4 address
	KindCountryCode             // lower-case ISO 3166 alpha-2 ("us")
	KindCountryName             // English country name ("United States")
)

var kindNames = [...]string{"text", "int", "float", "bool", "time", "url", "domain", "ip", "country code", "country"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// Numeric reports whether values of the kind are numbers (int, float or time).
func (k Kind) Numeric() bool { return k == KindInt || k == KindFloat || k == KindTime }

// FreeText reports whether a value of the kind may contain any character,
// including the ';' separator.
func (k Kind) FreeText() bool { return k == KindText || k == KindURL || k == KindCountryName }

// Column describes one column a report can return.
type Column struct {
	Code    string // wire code, echoed as the CSV header
	Title   string // human title for tables
	Kind    Kind
	Default bool   // part of the report's default export_columns
	Desc    string // one-line meaning (from the API glossary)
	// TargetIndex is set on the per-target columns of backlinks_matrix
	// (named after the target): the 0-based index of that target. -1 or 0
	// elsewhere; check PerTarget.
	TargetIndex int
	PerTarget   bool
}

// PriceUnit says what a report's price is charged for.
type PriceUnit int

// Price units.
const (
	PerLine PriceUnit = iota
	PerRequest
)

// Price is the cost of a report in API units.
type Price struct {
	Per   PriceUnit
	Units int64
}

func (p Price) String() string {
	if p.Per == PerRequest {
		return fmt.Sprintf("%d units per request", p.Units)
	}
	return fmt.Sprintf("%d units per line", p.Units)
}

// TargetType is the type of a queried target.
type TargetType string

// Target types of the protocol. Subdomain is only taken by backlinks_categories,
// where it stands for what the other reports call domain.
const (
	RootDomain TargetType = "root_domain"
	Domain     TargetType = "domain"
	Subdomain  TargetType = "subdomain"
	URL        TargetType = "url"
)

// Op is a filter operation. OpNone is the empty operation of fixed-value
// fields (written as "||" on the wire).
type Op string

// Filter operations.
const (
	OpNone Op = ""
	OpEq   Op = "Eq"
	OpGt   Op = "Gt"
	OpLt   Op = "Lt"
	OpBw   Op = "Bw" // begins with
	OpEw   Op = "Ew" // ends with
	OpCo   Op = "Co" // contains
	OpWm   Op = "Wm" // word match
)

// Describe returns a human label of the operation.
func (o Op) Describe() string {
	switch o {
	case OpNone:
		return "is"
	case OpEq:
		return "equals"
	case OpGt:
		return "greater than"
	case OpLt:
		return "less than"
	case OpBw:
		return "begins with"
	case OpEw:
		return "ends with"
	case OpCo:
		return "contains"
	case OpWm:
		return "word match"
	}
	return string(o)
}

var (
	metricOps = []Op{OpEq, OpGt, OpLt}
	textOps   = []Op{OpEq, OpCo, OpBw, OpEw, OpWm}
	fixedOps  = []Op{OpNone}
)

// FilterField is a field of the display_filter language.
type FilterField struct {
	Name   string
	Title  string
	Ops    []Op
	Values []string // allowed values; empty means free
	// ValueKind constrains free values: KindInt for metric fields, KindIP,
	// KindCountryCode..., KindText otherwise.
	ValueKind Kind
	// Indexed fields take a 0-based target index suffix: backlinksnum_0.
	Indexed bool
	Desc    string
}

// SortKey is one sortable key. On the wire it is Key + "_asc" / "_desc".
type SortKey struct {
	Key     string // wire key, e.g. "page_ascore", "matchesnum", "backlinksnum" (indexed)
	Column  string // the column code it orders by
	Indexed bool   // backlinksnum_N: N is a 0-based target index
}

// Report is one report type of the API.
type Report struct {
	Type        string // wire type, e.g. "backlinks_refdomains"
	Short       string // Type without the "backlinks_" prefix
	Title       string // human title
	Desc        string
	Multi       bool         // takes targets[] / target_types[]
	TargetTypes []TargetType // accepted target types
	Columns     []Column
	Sorts       []SortKey
	DefaultSort string // as sent on the wire, "" when the API sorts on its own
	Filters     []FilterField
	Price       Price
	Paged       bool // takes display_offset / display_limit
	MaxLines    int  // largest display_limit accepted (0: not paged)
	MaxTargets  int  // multi-target reports: most targets per request
	// NoExportColumns: the report takes no export_columns (ascore_profile).
	NoExportColumns bool
	// PerTarget names the column that expands into one column per target,
	// each named after the target string as sent (backlinks_matrix).
	PerTarget string
	// DefaultOrder, when set, is the order of the default columns (the
	// documentation's example order); otherwise catalogue order.
	DefaultOrder []string
}

// DefaultLimit is what the API returns when display_limit is absent or 0.
const DefaultLimit = 10000

// MaxFilters is the most conditions one display_filter may hold.
const MaxFilters = 25

func col(code, title string, k Kind, def bool, desc string) Column {
	return Column{Code: code, Title: title, Kind: k, Default: def, Desc: desc}
}

func sorts(cols ...string) []SortKey {
	out := make([]SortKey, len(cols))
	for i, c := range cols {
		out[i] = SortKey{Key: c, Column: c}
	}
	return out
}

var (
	allTargetTypes = []TargetType{RootDomain, Domain, URL}
	countsCols     = func(def bool) []Column {
		return []Column{
			col("domains_num", "Ref. domains", KindInt, def, "Number of referring domains"),
			col("backlinks_num", "Backlinks", KindInt, def, "Number of backlinks"),
		}
	}
	typeValuesBacklinks = []string{"newlink", "lostlink", "follow", "nofollow", "sponsored", "ugc", "text", "image", "form", "frame", "sitewide"}
)

// reports is the catalogue: the one place that knows what a report is.
var reports = []*Report{
	{
		Type: "backlinks_overview", Title: "Overview",
		Desc:        "Summary of backlinks, referring domains and IPs",
		TargetTypes: allTargetTypes, Price: Price{PerRequest, 40},
		Columns: []Column{
			col("ascore", "Authority Score", KindInt, true, "Authority Score of the target (0-100)"),
			col("total", "Backlinks", KindInt, true, "Total backlinks"),
			col("domains_num", "Ref. domains", KindInt, true, "Number of referring domains"),
			col("urls_num", "Ref. URLs", KindInt, true, "Number of referring URLs"),
			col("ips_num", "Ref. IPs", KindInt, true, "Unique IPs hosting referring domains"),
			col("ipclassc_num", "Class C", KindInt, true, "Unique class-C networks of referring domains"),
			col("follows_num", "Follow", KindInt, true, "Follow backlinks"),
			col("nofollows_num", "Nofollow", KindInt, true, "Nofollow backlinks"),
			col("sponsored_num", "Sponsored", KindInt, true, "Sponsored backlinks"),
			col("ugc_num", "UGC", KindInt, true, "User-generated-content backlinks"),
			col("texts_num", "Text", KindInt, true, "Text backlinks"),
			col("images_num", "Image", KindInt, true, "Image backlinks"),
			col("forms_num", "Form", KindInt, true, "Form backlinks"),
			col("frames_num", "Frame", KindInt, true, "Frame (iframe) backlinks"),
		},
	},
	{
		Type: "backlinks", Title: "Backlinks",
		Desc:        "Backlinks of a domain, root domain or URL",
		TargetTypes: allTargetTypes, Price: Price{PerLine, 40}, Paged: true, MaxLines: 1000000,
		Columns: []Column{
			col("page_ascore", "Page AS", KindInt, true, "Page Authority Score of the source page"),
			col("response_code", "Code", KindInt, false, "Response code of the source page"),
			col("source_size", "Size", KindInt, false, "Size of the source page in bytes"),
			col("external_num", "Ext. links", KindInt, true, "Source page's links to other sites"),
			col("internal_num", "Int. links", KindInt, true, "Source page's internal links"),
			col("redirect_url", "Redirect", KindURL, false, "Last URL of a redirect chain"),
			col("source_url", "Source URL", KindURL, true, "URL of the source page"),
			col("source_title", "Source title", KindText, true, "Title of the source page"),
			col("image_url", "Image URL", KindURL, false, "URL of the linking image"),
			col("target_url", "Target URL", KindURL, true, "URL of the linked page"),
			col("target_title", "Target title", KindText, false, "Title of the linked page"),
			col("anchor", "Anchor", KindText, true, "Clickable text of the link"),
			col("image_alt", "Image alt", KindText, false, "Alt text of the linking image"),
			col("last_seen", "Last seen", KindTime, true, "When the link was last seen"),
			col("first_seen", "First seen", KindTime, true, "When the link was first seen"),
			col("nofollow", "Nofollow", KindBool, false, "The link is nofollow"),
			col("form", "Form", KindBool, false, "The link is in a form"),
			col("frame", "Frame", KindBool, false, "The link is in an iframe"),
			col("image", "Image", KindBool, false, "The link is an image"),
			col("sitewide", "Sitewide", KindBool, false, "The link is sitewide"),
			col("newlink", "New", KindBool, false, "The link is new"),
			col("lostlink", "Lost", KindBool, false, "The link is lost"),
		},
		Sorts:       sorts("page_ascore", "last_seen", "first_seen"),
		DefaultSort: "page_ascore_desc",
		DefaultOrder: []string{"page_ascore", "source_title", "source_url", "target_url", "anchor",
			"external_num", "internal_num", "first_seen", "last_seen"},
		Filters: []FilterField{
			{Name: "type", Title: "Link type", Ops: fixedOps, Values: typeValuesBacklinks, ValueKind: KindText, Desc: "Backlink type"},
			{Name: "zone", Title: "TLD zone", Ops: fixedOps, ValueKind: KindText, Desc: "TLD zone of the source (com, uk)"},
			{Name: "refdomain", Title: "Referring domain", Ops: textOps, ValueKind: KindDomain, Desc: "Domain of the source page"},
			{Name: "anchor", Title: "Anchor", Ops: textOps, ValueKind: KindText, Desc: "Anchor text"},
			{Name: "urlanchor", Title: "URL or anchor", Ops: textOps, ValueKind: KindText, Desc: "Source URL or anchor text (not for large profiles)"},
			{Name: "ip", Title: "IP", Ops: []Op{OpEq, OpBw}, ValueKind: KindIP, Desc: "IP address of the referring domain"},
		},
	},
	{
		Type: "backlinks_refdomains", Title: "Referring domains",
		Desc:        "Domains pointing to the target",
		TargetTypes: allTargetTypes, Price: Price{PerLine, 40}, Paged: true, MaxLines: 1000000,
		Columns: []Column{
			col("domain_ascore", "AS", KindInt, true, "Domain Authority Score"),
			col("domain", "Domain", KindDomain, true, "Referring domain"),
			col("backlinks_num", "Backlinks", KindInt, true, "Backlinks from the domain to the target"),
			col("ip", "IP", KindIP, true, "IP address of the domain"),
			col("country", "Country", KindCountryCode, true, "Country of the domain's IP"),
			col("first_seen", "First seen", KindTime, true, "When the first link was seen"),
			col("last_seen", "Last seen", KindTime, true, "When a link was last seen"),
		},
		Sorts:       sorts("domain_ascore", "backlinks_num", "last_seen", "first_seen"),
		DefaultSort: "backlinks_num_desc",
		Filters: []FilterField{
			{Name: "type", Title: "New / lost", Ops: fixedOps, Values: []string{"newdomain", "lostdomain"}, ValueKind: KindText, Desc: "New or lost referring domains"},
			{Name: "zone", Title: "TLD zone", Ops: fixedOps, ValueKind: KindText, Desc: "TLD zone of the domain (com, uk)"},
			{Name: "country", Title: "Country", Ops: fixedOps, ValueKind: KindCountryCode, Desc: "ISO country code (us, de)"},
			{Name: "ip", Title: "IP", Ops: []Op{OpEq, OpBw}, ValueKind: KindIP, Desc: "IP address of the domain"},
			{Name: "category", Title: "Category", Ops: []Op{OpEq, OpCo, OpBw}, ValueKind: KindText, Desc: "Category of the domain"},
		},
	},
	{
		Type: "backlinks_anchors", Title: "Anchors",
		Desc:        "Anchor texts of the backlinks",
		TargetTypes: allTargetTypes, Price: Price{PerLine, 40}, Paged: true, MaxLines: 1000000,
		Columns: []Column{
			col("anchor", "Anchor", KindText, true, "Anchor text (<EmptyAnchor> for none)"),
			col("domains_num", "Ref. domains", KindInt, true, "Referring domains using the anchor"),
			col("backlinks_num", "Backlinks", KindInt, true, "Backlinks with the anchor"),
			col("first_seen", "First seen", KindTime, true, "When the anchor was first seen"),
			col("last_seen", "Last seen", KindTime, true, "When the anchor was last seen"),
		},
		Sorts:       sorts("backlinks_num", "domains_num", "first_seen", "last_seen"),
		DefaultSort: "backlinks_num_desc",
	},
	{
		Type: "backlinks_pages", Title: "Indexed pages",
		Desc:        "Pages of the target that have backlinks",
		TargetTypes: allTargetTypes, Price: Price{PerLine, 40}, Paged: true, MaxLines: 1000000,
		Columns: []Column{
			col("source_url", "URL", KindURL, true, "URL of the target's page"),
			col("source_title", "Title", KindText, true, "Title of the page"),
			col("response_code", "Code", KindInt, true, "Response code of the page"),
			col("backlinks_num", "Backlinks", KindInt, true, "Backlinks to the page"),
			col("domains_num", "Ref. domains", KindInt, true, "Referring domains of the page"),
			col("last_seen", "Last seen", KindTime, true, "When the page was last crawled"),
			col("external_num", "Ext. links", KindInt, true, "Page's links to other sites"),
			col("internal_num", "Int. links", KindInt, true, "Page's internal links"),
		},
		Sorts:       sorts("backlinks_num", "domains_num", "last_seen"),
		DefaultSort: "backlinks_num_desc",
	},
	{
		Type: "backlinks_refips", Title: "Referring IPs",
		Desc:        "IP addresses the backlinks come from",
		TargetTypes: allTargetTypes, Price: Price{PerLine, 40}, Paged: true, MaxLines: 1000000,
		Columns: []Column{
			col("ip", "IP", KindIP, true, "IP address"),
			col("country", "Country", KindCountryCode, true, "Country of the IP"),
			col("domains_num", "Ref. domains", KindInt, true, "Referring domains on the IP"),
			col("backlinks_num", "Backlinks", KindInt, true, "Backlinks from the IP"),
			col("first_seen", "First seen", KindTime, true, "When the first link was seen"),
			col("last_seen", "Last seen", KindTime, true, "When a link was last seen"),
		},
		Sorts:       sorts("domains_num", "backlinks_num", "first_seen", "last_seen"),
		DefaultSort: "domains_num_desc",
	},
	{
		Type: "backlinks_tld", Title: "TLDs",
		Desc:        "Referring domains by top-level domain",
		TargetTypes: allTargetTypes, Price: Price{PerLine, 40}, Paged: true, MaxLines: 1000000,
		Columns: append([]Column{
			col("zone", "TLD", KindText, true, "Top-level domain zone"),
		}, countsCols(true)...),
		Sorts:       sorts("domains_num", "backlinks_num"),
		DefaultSort: "domains_num_desc",
	},
	{
		Type: "backlinks_geo", Title: "Countries",
		Desc:        "Referring domains by country (of their IP)",
		TargetTypes: allTargetTypes, Price: Price{PerLine, 40}, Paged: true, MaxLines: 1000000,
		Columns: append([]Column{
			col("country", "Country", KindCountryName, true, "Country name"),
		}, countsCols(true)...),
		Sorts:       sorts("domains_num", "backlinks_num"),
		DefaultSort: "domains_num_desc",
	},
	{
		Type: "backlinks_competitors", Title: "Competitors",
		Desc:        "Domains with a similar backlink profile",
		TargetTypes: allTargetTypes, Price: Price{PerLine, 40}, Paged: true, MaxLines: 1000000,
		Columns: append([]Column{
			col("ascore", "AS", KindInt, true, "Authority Score of the competitor"),
			col("neighbour", "Competitor", KindDomain, true, "Domain with a similar backlink profile"),
			col("similarity", "Similarity", KindInt, true, "Similarity by common referring domains"),
			col("common_refdomains", "Common domains", KindInt, true, "Referring domains linking to both"),
		}, countsCols(true)...),
	},
	{
		Type: "backlinks_categories", Title: "Categories",
		Desc:        "Categories the target belongs to",
		TargetTypes: []TargetType{RootDomain, Subdomain, URL}, Price: Price{PerRequest, 50},
		Columns: []Column{
			col("category_name", "Category", KindText, true, "Category, 1-3 levels separated by /"),
			col("rating", "Confidence", KindFloat, true, "Confidence that the target is in the category (0-1)"),
		},
	},
	{
		Type: "backlinks_historical", Title: "History",
		Desc:        "Backlinks and referring domains over time",
		TargetTypes: []TargetType{RootDomain}, Price: Price{PerLine, 40}, Paged: true, MaxLines: 1000000,
		Columns: []Column{
			col("date", "Date", KindTime, true, "Date of the data collection"),
			col("backlinks_num", "Backlinks", KindInt, true, "Backlinks at that date"),
			col("domains_num", "Ref. domains", KindInt, true, "Referring domains at that date"),
			col("score", "AS", KindInt, true, "Authority Score at that date"),
		},
	},
	{
		Type: "backlinks_ascore_profile", Title: "Authority Score profile",
		Desc:        "Referring domains by Authority Score (0-100)",
		TargetTypes: allTargetTypes, Price: Price{PerRequest, 100}, NoExportColumns: true,
		Columns: []Column{
			col("ascore", "AS", KindInt, true, "Authority Score"),
			col("domains_num", "Ref. domains", KindInt, true, "Referring domains with that score"),
		},
	},
	{
		Type: "backlinks_categories_profile", Title: "Categories profile",
		Desc:        "Categories of the referring domains (first 10,000)",
		TargetTypes: allTargetTypes, Price: Price{PerLine, 40}, Paged: true, MaxLines: 1000000,
		Columns: []Column{
			col("category_name", "Category", KindText, true, "Category, 1-3 levels separated by /"),
			col("rating", "Ref. domains", KindInt, true, "Referring domains in the category"),
		},
	},
	{
		Type: "backlinks_comparison", Title: "Compare",
		Desc:  "Backlink profiles side by side (up to 200 targets)",
		Multi: true, TargetTypes: allTargetTypes, Price: Price{PerLine, 40}, MaxTargets: 200,
		Columns: []Column{
			col("target", "Target", KindDomain, true, "The compared target"),
			col("target_type", "Type", KindText, true, "Its target type"),
			col("ascore", "AS", KindInt, true, "Authority Score"),
			col("backlinks_num", "Backlinks", KindInt, true, "Backlinks"),
			col("domains_num", "Ref. domains", KindInt, true, "Referring domains"),
			col("ips_num", "Ref. IPs", KindInt, true, "Referring IPs"),
			col("follows_num", "Follow", KindInt, true, "Follow backlinks"),
			col("nofollows_num", "Nofollow", KindInt, true, "Nofollow backlinks"),
			col("texts_num", "Text", KindInt, true, "Text backlinks"),
			col("images_num", "Image", KindInt, true, "Image backlinks"),
			col("forms_num", "Form", KindInt, true, "Form backlinks"),
			col("frames_num", "Frame", KindInt, true, "Frame backlinks"),
		},
	},
	{
		Type: "backlinks_matrix", Title: "Link gap",
		Desc:  "Referring domains shared by the targets (one column per target)",
		Multi: true, TargetTypes: allTargetTypes, Price: Price{PerLine, 40}, Paged: true, MaxLines: 100000,
		MaxTargets: 5, PerTarget: "backlinks_num",
		Columns: []Column{
			col("domain", "Domain", KindDomain, true, "Referring domain"),
			col("domain_ascore", "AS", KindInt, true, "Domain Authority Score"),
			col("matches_num", "Targets", KindInt, true, "How many of the targets it links to"),
			col("backlinks_num", "Backlinks", KindInt, true, "Backlinks to each target (one column per target)"),
		},
		Sorts: []SortKey{
			{Key: "domain_score", Column: "domain_ascore"},
			{Key: "matchesnum", Column: "matches_num"},
			{Key: "backlinksnum", Column: "backlinks_num", Indexed: true},
		},
		DefaultSort: "domain_score_desc",
		Filters: []FilterField{
			{Name: "backlinksnum", Title: "Backlinks to target", Ops: metricOps, ValueKind: KindInt, Indexed: true, Desc: "Backlinks from the domain to target N (0-based)"},
		},
	},
}

var (
	byType  = map[string]*Report{}
	byShort = map[string]*Report{}
)

func init() {
	for _, r := range reports {
		r.Short = strings.TrimPrefix(r.Type, "backlinks_")
		for _, c := range r.DefaultOrder {
			if col, ok := r.Column(c); !ok || !col.Default {
				panic("api: " + r.Type + " default order names " + c)
			}
		}
		if byType[r.Type] != nil || byShort[r.Short] != nil {
			panic("api: duplicate report " + r.Type)
		}
		byType[r.Type] = r
		byShort[r.Short] = r
	}
}

// Reports returns the catalogue in its canonical order.
func Reports() []*Report { return append([]*Report(nil), reports...) }

// LookupReport finds a report by its wire type ("backlinks_refdomains") or its
// short name ("refdomains").
func LookupReport(name string) (*Report, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	if r, ok := byType[name]; ok {
		return r, true
	}
	r, ok := byShort[name]
	return r, ok
}

// ReportNames lists the short names, sorted, for usage messages.
func ReportNames() []string {
	out := make([]string, 0, len(reports))
	for _, r := range reports {
		out = append(out, r.Short)
	}
	sort.Strings(out)
	return out
}

// Column returns the column with the given code.
func (r *Report) Column(code string) (Column, bool) {
	for _, c := range r.Columns {
		if c.Code == code {
			return c, true
		}
	}
	return Column{}, false
}

// DefaultColumns returns the codes of the default columns, in DefaultOrder
// or else catalogue order.
func (r *Report) DefaultColumns() []string {
	if len(r.DefaultOrder) > 0 {
		return append([]string(nil), r.DefaultOrder...)
	}
	var out []string
	for _, c := range r.Columns {
		if c.Default {
			out = append(out, c.Code)
		}
	}
	return out
}

// AcceptsTargetType reports whether the report takes the target type.
func (r *Report) AcceptsTargetType(t TargetType) bool {
	for _, tt := range r.TargetTypes {
		if tt == t {
			return true
		}
	}
	return false
}

// WireTargetType maps a target type to the name this report uses for it:
// backlinks_categories calls a domain "subdomain".
func (r *Report) WireTargetType(t TargetType) TargetType {
	if t == Domain && !r.AcceptsTargetType(Domain) && r.AcceptsTargetType(Subdomain) {
		return Subdomain
	}
	return t
}

// Filter returns the filter field with the given name. Indexed fields are
// found by their base name or by base_N.
func (r *Report) Filter(name string) (FilterField, int, bool) {
	base, idx := splitIndexed(name)
	for _, f := range r.Filters {
		if f.Indexed && idx >= 0 && f.Name == base {
			return f, idx, true
		}
		if !f.Indexed && f.Name == name {
			return f, -1, true
		}
	}
	return FilterField{}, -1, false
}

// Sortable reports whether the column can be sorted on the server, and the
// sort key that does it.
func (r *Report) Sortable(column string) (SortKey, bool) {
	for _, s := range r.Sorts {
		if s.Column == column {
			return s, true
		}
	}
	return SortKey{}, false
}

// splitIndexed splits "backlinksnum_3" into ("backlinksnum", 3); a name
// without a numeric suffix gives index -1.
func splitIndexed(name string) (string, int) {
	i := strings.LastIndexByte(name, '_')
	if i < 0 || i == len(name)-1 {
		return name, -1
	}
	n := 0
	for _, c := range name[i+1:] {
		if c < '0' || c > '9' {
			return name, -1
		}
		n = n*10 + int(c-'0')
		if n > 1000 {
			return name, -1
		}
	}
	return name[:i], n
}
