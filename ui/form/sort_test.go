package form

import (
	"strings"
	"testing"

	"linkdive/api"
)

func TestSortPickerDefaultAndDescending(t *testing.T) {
	p := NewSortPicker(report(t, "backlinks"), targets("example.com"), api.Sort{}, testKeys(), Styles{})
	if !p.Sort().IsZero() {
		t.Fatalf("cursor should start on the report default, got %v", p.Sort())
	}
	v := plain(p.View(100, 20))
	for _, want := range []string{"Page AS", "page_ascore_desc  (default)", "Last seen  ↑ oldest first", "● "} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	if res := keys(t, p, "down", "enter"); res != Applied {
		t.Fatalf("result %v", res)
	}
	if got := p.Sort(); got != (api.Sort{Key: "page_ascore", Desc: true}) {
		t.Errorf("sort %v", got)
	}
}

func TestSortPickerMatrixIndexed(t *testing.T) {
	p := NewSortPicker(report(t, "matrix"), targets("me.com", "rival-one.com", "rival-two.com"), api.Sort{}, testKeys(), Styles{})
	v := plain(p.View(120, 30))
	if !strings.Contains(v, "Backlinks → rival-one.com") {
		t.Errorf("matrix sorts should be labelled with the target:\n%s", v)
	}
	// default, domain_score ±, matchesnum ±, backlinksnum_0 ±, backlinksnum_1 desc
	keys(t, p, "j", "j", "j", "j", "j", "j", "j")
	if res := keys(t, p, "enter"); res != Applied {
		t.Fatal(res)
	}
	if got := p.Sort().String(); got != "backlinksnum_1_desc" {
		t.Errorf("sort %q, want backlinksnum_1_desc", got)
	}
	if err := report(t, "matrix").ValidateSort(p.Sort(), 3); err != nil {
		t.Error(err)
	}
}

func TestSortPickerCurrentFlipCancel(t *testing.T) {
	cur := api.Sort{Key: "last_seen"}
	p := NewSortPicker(report(t, "refdomains"), targets("example.com"), cur, testKeys(), Styles{})
	if p.Sort() != cur {
		t.Fatalf("cursor not on the current sort: %v", p.Sort())
	}
	keys(t, p, "space")
	if p.Sort() != (api.Sort{Key: "last_seen", Desc: true}) {
		t.Errorf("flip: %v", p.Sort())
	}
	var asked api.Sort
	p.SetCost(func(s api.Sort) string { asked = s; return "refetch: 4,000 units" })
	keys(t, p, "up")
	if !strings.Contains(plain(p.View(80, 20)), "refetch: 4,000 units") || asked != (api.Sort{Key: "backlinks_num"}) {
		t.Errorf("cost for %v", asked)
	}
	if res := keys(t, p, "esc"); res != Cancelled {
		t.Fatal(res)
	}
}

func TestSortPickerUnsortable(t *testing.T) {
	p := NewSortPicker(report(t, "competitors"), targets("example.com"), api.Sort{}, testKeys(), Styles{})
	if v := plain(p.View(60, 6)); !strings.Contains(v, "cannot be sorted on the server") {
		t.Errorf("view:\n%s", v)
	}
	if res := keys(t, p, "down", "space", "enter"); res != Cancelled {
		t.Errorf("result %v", res)
	}
}

func TestSortPickerSizes(t *testing.T) {
	wide := []api.Target{{Value: "日本語のドメイン.jp", Type: api.RootDomain}, {Value: strings.Repeat("long", 30) + ".com", Type: api.RootDomain}}
	ps := []*SortPicker{
		NewSortPicker(report(t, "matrix"), wide, api.Sort{Key: "backlinksnum_1"}, testKeys(), Styles{}),
		NewSortPicker(report(t, "backlinks"), targets("a.com"), api.Sort{}, testKeys(), DefaultStyles()),
		NewSortPicker(report(t, "competitors"), targets("a.com"), api.Sort{}, testKeys(), Styles{}),
	}
	for i, p := range ps {
		for _, s := range sizes {
			checkSize(t, "sort/"+report(t, "matrix").Type[:1]+string(rune('0'+i)), p.View(s[0], s[1]), s[0], s[1])
		}
	}
}
