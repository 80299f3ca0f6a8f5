package form

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"linkdive/api"
)

func newEditor(t testing.TB, rep string, tg []api.Target, current string, presets ...Preset) *FilterEditor {
	t.Helper()
	f, err := api.ParseFilter(current)
	if err != nil {
		t.Fatal(err)
	}
	return NewFilterEditor(report(t, rep), tg, f, presets, testKeys(), Styles{})
}

func wantFilter(t *testing.T, e *FilterEditor, want string) {
	t.Helper()
	if got := e.Filter().String(); got != want {
		t.Fatalf("display_filter = %q, want %q", got, want)
	}
	if v := plain(e.View(200, 30)); !strings.Contains(v, "display_filter "+want) {
		t.Errorf("view does not show display_filter %q:\n%s", want, v)
	}
}

func TestFilterFixedValueIncludeExclude(t *testing.T) {
	e := newEditor(t, "backlinks", targets("example.com"), "")
	// a: new row on "Link type" (fixed values); tab skips the single "is"
	// operation to the value; right cycles the allowed values.
	keys(t, e, "a", "tab", "right", "l")
	wantFilter(t, e, "+|type||follow")
	keys(t, e, "space")
	wantFilter(t, e, "-|type||follow")
	keys(t, e, "h")
	wantFilter(t, e, "-|type||lostlink")
	if res := keys(t, e, "enter"); res != Applied {
		t.Fatalf("result %v, want applied", res)
	}
	if got := e.Filter().String(); got != "-|type||lostlink" {
		t.Errorf("applied %q", got)
	}
}

func TestFilterTypedTextWithSpacesAndPipe(t *testing.T) {
	e := newEditor(t, "backlinks", targets("example.com"), "+|type||newlink")
	// second row: field anchor (type → zone → refdomain → anchor), op Co.
	keys(t, e, "a", "right", "right", "right", "tab", "right", "tab")
	// letters that are form keys elsewhere (a, d, j, k, p, space) are typed.
	typeText(e, "best seo | tools a d j k p")
	wantFilter(t, e, "+|type||newlink|+|anchor|Co|best seo | tools a d j k p")
	if len(e.rows) != 2 {
		t.Fatalf("%d rows: typed keys acted on the form", len(e.rows))
	}
	// backspace edits; left moves the text cursor, not the choice.
	keys(t, e, "backspace", "backspace", "left", "left", "backspace")
	typeText(e, "X")
	wantFilter(t, e, "+|type||newlink|+|anchor|Co|best seo | tools a d X k")
	// the value round-trips through the filter language.
	back, err := api.ParseFilter(e.Filter().String())
	if err != nil || back[1].Value != "best seo | tools a d X k" {
		t.Errorf("round trip: %v %q", err, back)
	}
	if res := keys(t, e, "enter"); res != Applied {
		t.Fatalf("result %v: %s", res, e.status)
	}
}

func TestFilterPasteIntoValue(t *testing.T) {
	e := newEditor(t, "backlinks", targets("example.com"), "+|anchor|Co|x")
	keys(t, e, "tab", "tab", "tab", "backspace")
	e.Update(tea.PasteMsg{Content: "a\x1b[31mb"})
	if got := e.Filter()[0].Value; strings.ContainsRune(got, 0x1b) || !strings.HasPrefix(got, "a") {
		t.Errorf("pasted value %q", got)
	}
	if v := e.View(80, 20); strings.ContainsRune(v, 0x1b) {
		t.Errorf("view holds an escape with no styles: %q", v)
	}
}

func TestFilterMetricIndexedTarget(t *testing.T) {
	tg := targets("me.com", "rival-one.com", "rival-two.com")
	e := newEditor(t, "matrix", tg, "")
	// The only field is backlinksnum: the focus lands on the target.
	keys(t, e, "a")
	if v := plain(e.View(120, 20)); !strings.Contains(v, "[me.com") {
		t.Fatalf("target column should show target names:\n%s", v)
	}
	keys(t, e, "right", "tab", "right", "tab")
	typeText(e, "10")
	wantFilter(t, e, "+|backlinksnum_1|Gt|10")
	if v := plain(e.View(120, 20)); !strings.Contains(v, "rival-one.com") || strings.Contains(v, "#1") {
		t.Errorf("row should name the 2nd target:\n%s", v)
	}
	if res := keys(t, e, "enter"); res != Applied {
		t.Fatalf("result %v: %s", res, e.status)
	}
}

func TestFilterRefusesNonNumber(t *testing.T) {
	e := newEditor(t, "matrix", targets("me.com", "b.com"), "")
	keys(t, e, "a", "tab", "tab")
	typeText(e, "ten")
	if res := keys(t, e, "enter"); res != Pending {
		t.Fatalf("applied a non-number: %v", res)
	}
	v := plain(e.View(120, 20))
	if !strings.Contains(v, "cannot apply") || !strings.Contains(v, "not a whole number") {
		t.Errorf("no reason shown:\n%s", v)
	}
	keys(t, e, "backspace", "backspace", "backspace")
	typeText(e, "0")
	if res := keys(t, e, "enter"); res != Applied {
		t.Fatalf("result %v: %s", res, e.status)
	}
	if got := e.Filter().String(); got != "+|backlinksnum_0|Eq|0" {
		t.Errorf("applied %q", got)
	}
}

func TestFilterRowLimit(t *testing.T) {
	e := newEditor(t, "backlinks", targets("example.com"), "")
	for range api.MaxFilters + 3 {
		keys(t, e, "a")
	}
	if len(e.rows) != api.MaxFilters {
		t.Fatalf("%d rows, want at most %d", len(e.rows), api.MaxFilters)
	}
	if v := plain(e.View(100, 40)); !strings.Contains(v, "at most 25") {
		t.Errorf("refusal not shown:\n%s", v)
	}
	// A longer filter given by the caller shows, but does not apply.
	long := strings.Repeat("+|type||follow|", api.MaxFilters) + "+|type||image"
	e = newEditor(t, "backlinks", targets("example.com"), long)
	if res := keys(t, e, "enter"); res != Pending {
		t.Fatalf("applied %d conditions", len(e.rows))
	}
	keys(t, e, "d")
	if res := keys(t, e, "enter"); res != Applied {
		t.Fatalf("25 conditions refused: %s", e.status)
	}
}

func TestFilterPreset(t *testing.T) {
	gap := api.Filter{
		{Field: "backlinksnum_0", Op: api.OpEq, Value: "0"},
		{Field: "backlinksnum_1", Op: api.OpGt, Value: "0"},
		{Field: "backlinksnum_2", Op: api.OpGt, Value: "0"},
	}
	presets := []Preset{
		{Name: "links to all competitors but not to me", Filter: gap},
		{Name: "links to me", Filter: api.Filter{{Field: "backlinksnum_0", Op: api.OpGt, Value: "0"}}},
	}
	e := newEditor(t, "matrix", targets("me.com", "b.com", "c.com"), "", presets...)
	keys(t, e, "p")
	wantFilter(t, e, "+|backlinksnum_0|Eq|0|+|backlinksnum_1|Gt|0|+|backlinksnum_2|Gt|0")
	if v := plain(e.View(120, 24)); !strings.Contains(v, "preset 1/2: links to all competitors") {
		t.Errorf("preset name not shown:\n%s", v)
	}
	keys(t, e, "ctrl+p")
	wantFilter(t, e, "+|backlinksnum_0|Gt|0")
	keys(t, e, "p", "down", "d") // back to the first preset, drop its 2nd row
	wantFilter(t, e, "+|backlinksnum_0|Eq|0|+|backlinksnum_2|Gt|0")
	if res := keys(t, e, "enter"); res != Applied {
		t.Fatalf("result %v: %s", res, e.status)
	}
}

func TestFilterDeleteRow(t *testing.T) {
	e := newEditor(t, "refdomains", targets("example.com"), "+|country||us|-|zone||ru|+|type||newdomain")
	keys(t, e, "j", "delete")
	wantFilter(t, e, "+|country||us|+|type||newdomain")
	keys(t, e, "d", "d")
	wantFilter(t, e, "")
	if v := plain(e.View(80, 12)); !strings.Contains(v, "apply clears the filter") {
		t.Errorf("empty form should say it clears:\n%s", v)
	}
	if res := keys(t, e, "enter"); res != Applied || e.Filter() != nil {
		t.Fatalf("empty form: %v %q", res, e.Filter())
	}
}

func TestFilterRoundTrip(t *testing.T) {
	for _, c := range []struct{ rep, filter string }{
		{"backlinks", "+|type||follow|-|anchor|Co|a|b c|+|ip|Bw|192.168|-|zone||ru"},
		{"refdomains", "+|country||de|+|category|Co|Arts & Entertainment"},
		{"matrix", "+|backlinksnum_0|Eq|0|+|backlinksnum_1|Gt|5"},
	} {
		e := newEditor(t, c.rep, targets("a.com", "b.com"), c.filter)
		if len(e.rows) == 0 {
			t.Fatalf("%s: no rows", c.rep)
		}
		wantFilter(t, e, c.filter)
		if e.Changed() {
			t.Errorf("%s: unchanged form reports a change", c.rep)
		}
		if res := keys(t, e, "enter"); res != Applied || e.Filter().String() != c.filter {
			t.Errorf("%s: %v %q (%s)", c.rep, res, e.Filter(), e.status)
		}
	}
}

func TestFilterUnknownFieldShownNotApplied(t *testing.T) {
	e := newEditor(t, "backlinks", targets("example.com"), "+|redirects||x")
	if v := plain(e.View(100, 12)); !strings.Contains(v, "redirects?") || !strings.Contains(v, "no filter field") {
		t.Errorf("unknown field not flagged:\n%s", v)
	}
	if res := keys(t, e, "enter"); res != Pending {
		t.Fatal("applied an unknown field")
	}
	// Picking a real field repairs it.
	keys(t, e, "tab", "right", "tab", "right")
	wantFilter(t, e, "+|type||lostlink")
}

func TestFilterEscCancels(t *testing.T) {
	cur, _ := api.ParseFilter("+|type||follow")
	e := NewFilterEditor(report(t, "backlinks"), targets("example.com"), cur, nil, testKeys(), Styles{})
	keys(t, e, "space", "a", "d", "d")
	if res := keys(t, e, "esc"); res != Cancelled {
		t.Fatalf("result %v", res)
	}
	if cur.String() != "+|type||follow" {
		t.Errorf("caller's filter changed: %q", cur)
	}
	// Keys after closing do nothing.
	if res := keys(t, e, "enter"); res != Cancelled {
		t.Errorf("result changed after close: %v", res)
	}
}

func TestFilterCostLine(t *testing.T) {
	e := newEditor(t, "matrix", targets("a.com", "b.com"), "")
	var seen []string
	e.SetCost(func(f api.Filter) string {
		seen = append(seen, f.String())
		return "apply: next page 4,000 units"
	})
	keys(t, e, "a", "tab", "tab")
	if v := plain(e.View(100, 20)); strings.Contains(v, "4,000 units") {
		t.Errorf("cost shown while the value is missing:\n%s", v)
	}
	typeText(e, "3")
	if v := plain(e.View(100, 20)); !strings.Contains(v, "apply: next page 4,000 units") {
		t.Errorf("cost not shown:\n%s", v)
	}
	if last := seen[len(seen)-1]; last != "+|backlinksnum_0|Eq|3" {
		t.Errorf("cost asked for %q", last)
	}
}

func TestFilterNoFilterReport(t *testing.T) {
	e := newEditor(t, "anchors", targets("example.com"), "")
	keys(t, e, "a")
	if len(e.rows) != 0 {
		t.Fatal("added a row to a report without filters")
	}
	if v := plain(e.View(60, 5)); !strings.Contains(v, "takes no filter") {
		t.Errorf("view:\n%s", v)
	}
}

func TestFilterSizes(t *testing.T) {
	wide := []api.Target{{Value: "日本語のドメイン.jp", Type: api.RootDomain}, {Value: "b.com", Type: api.RootDomain}}
	editors := map[string]*FilterEditor{
		"empty":  newEditor(t, "backlinks", targets("a.com"), ""),
		"rows":   newEditor(t, "backlinks", targets("a.com"), "+|type||follow|-|anchor|Co|"+strings.Repeat("長い値🙂", 30)+"|+|ip|Eq|x"),
		"matrix": newEditor(t, "matrix", wide, "+|backlinksnum_0|Eq|0|+|backlinksnum_1|Gt|zz"),
		"none":   newEditor(t, "anchors", targets("a.com"), ""),
	}
	// focus a typed value holding wide characters
	keys(t, editors["rows"], "j", "tab", "tab", "tab")
	typeText(editors["rows"], "界")
	editors["rows"].status = "status " + strings.Repeat("x", 300)
	for name, e := range editors {
		for _, s := range sizes {
			checkSize(t, "filter/"+name, e.View(s[0], s[1]), s[0], s[1])
		}
	}
}

func TestFilterScrollKeepsFocusVisible(t *testing.T) {
	e := newEditor(t, "backlinks", targets("a.com"), strings.TrimSuffix(strings.Repeat("+|type||follow|", 20), "|"))
	for range 19 {
		keys(t, e, "down")
	}
	v := plain(e.View(80, 12))
	if !strings.Contains(v, "> [+ incl]") {
		t.Errorf("focused last row not visible:\n%s", v)
	}
}

func TestFilterPrevFieldAndCountryHint(t *testing.T) {
	e := newEditor(t, "refdomains", targets("example.com"), "")
	keys(t, e, "a", "tab", "shift+tab") // value, back to the field
	keys(t, e, "right", "right", "tab") // type → zone → country; tab to its value
	typeText(e, "de")
	wantFilter(t, e, "+|country||de")
	if v := plain(e.View(100, 12)); !strings.Contains(v, "de = Germany") {
		t.Errorf("country hint missing:\n%s", v)
	}
	keys(t, e, "shift+tab", "shift+tab", "space") // sign column: space and left/right toggle
	wantFilter(t, e, "-|country||de")
}
