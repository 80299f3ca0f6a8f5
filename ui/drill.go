package ui

import (
	"fmt"

	"linkdive/api"
)

// drillTo is where a row leads.
type drillTo struct {
	req       api.Request
	label     string
	total     int         // rows the parent row says the drill-down holds (0: unknown)
	newTarget *api.Target // open as the target instead of a view
	err       string      // the row cannot be drilled into, and why
}

// drillFor says where the row under the cursor of v leads: a referring
// domain to its backlinks, an anchor to the backlinks using it, an IP to the
// referring domains on it, a TLD or country to the referring domains in it,
// an indexed page to the backlinks to that URL, a category to the referring
// domains in it, a competitor to itself as the target. ok is false when the
// report has no drill-down (enter then shows the row's details).
func drillFor(v *reportView) (drillTo, bool) {
	target := v.base.Targets
	backlinks := func(f api.Filter, label string) drillTo {
		return drillTo{req: api.Request{Report: mustReport("backlinks"), Targets: target, Filter: f}, label: label}
	}
	refdomains := func(f api.Filter, label string) drillTo {
		return drillTo{req: api.Request{Report: mustReport("refdomains"), Targets: target, Filter: f}, label: label}
	}
	val := func(code string) string {
		s, _ := v.value(code)
		return s
	}
	count := func(code string) int {
		r, c := v.cursorRow(), v.data.Index(code)
		if r < 0 || c < 0 {
			return 0
		}
		return int(v.data.Int(r, c))
	}
	withTotal := func(d drillTo, code string) drillTo {
		d.total = count(code)
		return d
	}
	switch v.rep.Type {
	case "backlinks_refdomains":
		d := val("domain")
		return withTotal(backlinks(api.Filter{{Field: "refdomain", Op: api.OpEq, Value: d}}, "Backlinks from "+d), "backlinks_num"), d != ""
	case "backlinks_anchors":
		a := val("anchor")
		if a == "" || a == "<EmptyAnchor>" {
			return drillTo{err: "links without anchor text cannot be filtered by anchor; open the Backlinks tab"}, true
		}
		return withTotal(backlinks(api.Filter{{Field: "anchor", Op: api.OpEq, Value: a}}, fmt.Sprintf("Backlinks with anchor %q", a)), "backlinks_num"), true
	case "backlinks_refips":
		ip := val("ip")
		return withTotal(refdomains(api.Filter{{Field: "ip", Op: api.OpEq, Value: ip}}, "Referring domains on "+ip), "domains_num"), ip != ""
	case "backlinks_tld":
		z := val("zone")
		return withTotal(refdomains(api.Filter{{Field: "zone", Value: z}}, "Referring domains in ."+z), "domains_num"), z != ""
	case "backlinks_geo":
		name := val("country")
		code, ok := api.CountryCode(name)
		if !ok {
			return drillTo{err: fmt.Sprintf("no country code known for %q", name)}, true
		}
		return withTotal(refdomains(api.Filter{{Field: "country", Value: code}}, "Referring domains in "+name), "domains_num"), true
	case "backlinks_categories_profile":
		c := val("category_name")
		return withTotal(refdomains(api.Filter{{Field: "category", Op: api.OpEq, Value: c}}, "Referring domains in "+c), "rating"), c != ""
	case "backlinks_pages":
		u := val("source_url")
		if u == "" {
			return drillTo{}, false
		}
		q := api.Request{Report: mustReport("backlinks"), Targets: []api.Target{{Value: u, Type: api.URL}}}
		return withTotal(drillTo{req: q, label: "Backlinks to " + u}, "backlinks_num"), true
	case "backlinks_comparison":
		tt, err := api.ParseTargetType(val("target_type"))
		if err != nil {
			tt = ""
		}
		if tt == api.Subdomain {
			tt = api.Domain
		}
		t, err := api.NewTarget(val("target"), tt)
		if err != nil {
			return drillTo{err: err.Error()}, true
		}
		return drillTo{newTarget: &t}, true
	case "backlinks_competitors":
		n := val("neighbour")
		t, err := api.NewTarget(n, "")
		if err != nil {
			return drillTo{err: err.Error()}, true
		}
		return drillTo{newTarget: &t}, true
	}
	return drillTo{}, false
}
