package form

import (
	"slices"
	"strings"
	"testing"
)

func TestColumnsReorderAndToggle(t *testing.T) {
	c := NewColumnChooser(report(t, "refdomains"), nil, testKeys(), Styles{})
	want := report(t, "refdomains").DefaultColumns()
	if got := c.Columns(); !slices.Equal(got, want) {
		t.Fatalf("defaults %v, want %v", got, want)
	}
	// domain up above domain_ascore; ip (now 4th) off; country moved down twice.
	keys(t, c, "j", "K", "j", "j", "j", "space", "j", "J", "shift+down")
	if res := keys(t, c, "enter"); res != Applied {
		t.Fatal(res)
	}
	got := c.Columns()
	exp := []string{"domain", "domain_ascore", "backlinks_num", "first_seen", "last_seen", "country"}
	if !slices.Equal(got, exp) {
		t.Errorf("columns %v, want %v", got, exp)
	}
}

func TestColumnsKeepsOneSelected(t *testing.T) {
	c := NewColumnChooser(report(t, "categories"), nil, testKeys(), Styles{})
	keys(t, c, "space", "j", "space")
	if got := c.Columns(); !slices.Equal(got, []string{"rating"}) {
		t.Fatalf("columns %v", got)
	}
	if v := plain(c.View(80, 10)); !strings.Contains(v, "at least one column must stay selected") {
		t.Errorf("refusal not shown:\n%s", v)
	}
	if res := keys(t, c, "enter"); res != Applied {
		t.Fatal(res)
	}
}

func TestColumnsCurrentOrderAndReset(t *testing.T) {
	rep := report(t, "backlinks")
	c := NewColumnChooser(rep, []string{"anchor", "nosuch", "source_url", "anchor", "nofollow"}, testKeys(), Styles{})
	if got := c.Columns(); !slices.Equal(got, []string{"anchor", "source_url", "nofollow"}) {
		t.Fatalf("columns %v", got)
	}
	v := plain(c.View(120, 40))
	if !strings.Contains(v, "[x] Anchor") || !strings.Contains(v, "[ ] Page AS") || !strings.Contains(v, "page_ascore") {
		t.Errorf("view:\n%s", v)
	}
	keys(t, c, "r")
	if got := c.Columns(); !slices.Equal(got, rep.DefaultColumns()) {
		t.Errorf("reset %v", got)
	}
	if res := keys(t, c, "esc"); res != Cancelled {
		t.Fatal(res)
	}
}

func TestColumnsFixed(t *testing.T) {
	c := NewColumnChooser(report(t, "ascore_profile"), nil, testKeys(), Styles{})
	if v := plain(c.View(60, 5)); !strings.Contains(v, "this report has fixed columns") {
		t.Errorf("view:\n%s", v)
	}
	if res := keys(t, c, "space", "enter"); res != Cancelled {
		t.Errorf("result %v", res)
	}
}

func TestColumnsSizes(t *testing.T) {
	for _, name := range []string{"backlinks", "matrix", "ascore_profile"} {
		c := NewColumnChooser(report(t, name), nil, testKeys(), DefaultStyles())
		keys(t, c, "j", "j", "j")
		for _, s := range sizes {
			checkSize(t, "columns/"+name, c.View(s[0], s[1]), s[0], s[1])
		}
	}
}
