package ui

import (
	"linkdive/api"
)

// tabKind says what a tab shows.
type tabKind int

const (
	tabReport   tabKind = iota // one report in the table
	tabOverview                // overview numbers, AS profile, categories
	tabMulti                   // a multi-target report over a list of targets
)

// tabSpec is a tab of the explorer, in order. The number keys 1-9 reach
// the first nine.
type tabSpec struct {
	kind   tabKind
	report string // catalogue short name
	label  string // compact label for the tab bar
}

var tabSpecs = []tabSpec{
	{tabOverview, "overview", "Overview"},
	{tabReport, "backlinks", "Backlinks"},
	{tabReport, "refdomains", "Ref. domains"},
	{tabReport, "anchors", "Anchors"},
	{tabReport, "pages", "Indexed pages"},
	{tabReport, "refips", "Ref. IPs"},
	{tabReport, "tld", "TLDs"},
	{tabReport, "geo", "Countries"},
	{tabReport, "competitors", "Competitors"},
	{tabReport, "categories_profile", "Categories"},
	{tabReport, "historical", "History"},
	{tabMulti, "comparison", "Compare"},
	{tabMulti, "matrix", "Link gap"},
}

// tab is one tab of a session: a stack of views (the tab's own view at the
// bottom, drill-downs above it).
type tab struct {
	spec     tabSpec
	rep      *api.Report
	stack    []*reportView
	overview *overviewView
	multi    *multiState
}

// top is the view the tab shows.
func (t *tab) top() *reportView {
	if len(t.stack) == 0 {
		return nil
	}
	return t.stack[len(t.stack)-1]
}

// session is the explorer's state for one target. Opening a competitor as
// the target pushes a new session; esc at the top of a tab goes back to the
// previous one with everything it had loaded.
type session struct {
	target api.Target
	tabs   []*tab
	active int
}

func mustReport(short string) *api.Report {
	r, ok := api.LookupReport(short)
	if !ok {
		panic("ui: no report " + short)
	}
	return r
}

// newSession builds the tabs of a target. Nothing is fetched: a tab asks for
// its first page when it is first shown.
func (m *Model) newSession(t api.Target) *session {
	s := &session{target: t}
	for _, spec := range tabSpecs {
		tb := &tab{spec: spec, rep: mustReport(spec.report)}
		switch spec.kind {
		case tabOverview:
			tb.overview = newOverviewView(m.newID(), t)
		case tabReport:
			q := api.Request{Report: tb.rep, Targets: []api.Target{t}}
			v := m.newView(q, tb.rep.Title)
			if !tb.rep.AcceptsTargetType(tb.rep.WireTargetType(t.Type)) && tb.rep.AcceptsTargetType(api.RootDomain) {
				// History takes root domains only: show the target's root.
				root := api.Target{Value: api.RootOf(t.Value), Type: api.RootDomain}
				v.base.Targets = []api.Target{root}
				v.note = "for the root domain " + root.Value
			}
			tb.stack = []*reportView{v}
		case tabMulti:
			tb.multi = &multiState{targets: []api.Target{t}}
		}
		s.tabs = append(s.tabs, tb)
	}
	return s
}
