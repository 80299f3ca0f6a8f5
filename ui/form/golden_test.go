package form

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"linkdive/api"
	"linkdive/ui/theme"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares a settled view (no styles) with testdata/<name>.golden.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update once and review the file)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from %s:\n%s", name, path, got)
	}
}

func TestGoldenViews(t *testing.T) {
	tg := targets("me.com", "rival-one.com", "rival-two.com")
	e := newEditor(t, "backlinks", tg[:1], "+|type||follow|-|anchor|Co|casino|+|ip|Eq|1.2.3")
	keys(t, e, "j", "tab", "tab", "tab")
	golden(t, "filter_backlinks", e.View(90, 14))

	m := newEditor(t, "matrix", tg, "", Preset{Name: "links to all competitors but not to me", Filter: api.Filter{
		{Field: "backlinksnum_0", Op: api.OpEq, Value: "0"},
		{Field: "backlinksnum_1", Op: api.OpGt, Value: "0"},
		{Field: "backlinksnum_2", Op: api.OpGt, Value: "0"},
	}})
	m.SetCost(func(api.Filter) string { return "apply: first page 4,000 units" })
	keys(t, m, "p")
	golden(t, "filter_matrix_preset", m.View(90, 14))

	s := NewSortPicker(report(t, "matrix"), tg[:2], api.Sort{Key: "matchesnum", Desc: true}, testKeys(), Styles{})
	golden(t, "sort_matrix", s.View(80, 16))

	c := NewColumnChooser(report(t, "refdomains"), []string{"domain", "backlinks_num"}, testKeys(), Styles{})
	golden(t, "columns_refdomains", c.View(100, 12))
}

func TestThemeStyles(t *testing.T) {
	for _, th := range []*theme.Theme{theme.New(true, false), theme.New(false, true), theme.Plain(), nil} {
		st := StylesFromTheme(th)
		e := NewFilterEditor(report(t, "backlinks"), targets("a.com"), api.Filter{{Field: "anchor", Op: api.OpCo, Value: "x"}}, nil, testKeys(), st)
		keys(t, e, "tab", "tab", "tab")
		for _, s := range [][2]int{{0, 0}, {10, 3}, {80, 20}} {
			checkSize(t, "themed filter", e.View(s[0], s[1]), s[0], s[1])
		}
	}
}
