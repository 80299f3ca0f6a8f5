package sandbox

import (
	"net"
	"strings"
	"testing"

	"linkdive/api"
)

func TestSortsAreSorted(t *testing.T) {
	s := newTest(Options{})
	for _, r := range api.Reports() {
		for _, k := range r.Sorts {
			for _, desc := range []bool{false, true} {
				q := api.Request{Report: r, Targets: root("tinyshop.net"), Count: 3000}
				if r.Multi {
					q.Targets = append(q.Targets, api.Target{Value: "gardenpath.co.uk", Type: api.RootDomain})
				}
				idx := -1
				if k.Indexed {
					idx = 1
				}
				q.Sort, _ = r.SortFor(k.Column, idx, desc)
				name := r.Short + "/" + q.Sort.String()
				t.Run(name, func(t *testing.T) {
					tab, _ := fetch(t, s, q)
					c := tab.Index(k.Column)
					if k.Indexed {
						c = tab.Index(q.Targets[idx].Value)
					}
					if tab.Len() < 10 || c < 0 {
						t.Fatalf("%d rows, column %d", tab.Len(), c)
					}
					distinct := map[int64]bool{}
					for i := 1; i < tab.Len(); i++ {
						a, b := tab.Int(i-1, c), tab.Int(i, c)
						distinct[b] = true
						if desc && b > a || !desc && b < a {
							t.Fatalf("row %d: %d after %d", i, b, a)
						}
					}
					if len(distinct) < 2 {
						t.Errorf("one value only: the sort is not exercised")
					}
				})
			}
		}
	}
}

func TestDefaultOrders(t *testing.T) {
	s := newTest(Options{})
	check := func(name, code string, desc bool) {
		tab := all(t, s, api.Request{Report: report(t, name), Targets: root("tinyshop.net")}, 100000)
		c := col(t, tab, code)
		for i := 1; i < tab.Len(); i++ {
			if a, b := tab.Float(i-1, c), tab.Float(i, c); desc && b > a || !desc && b < a {
				t.Fatalf("%s by %s: row %d %v after %v", name, code, i, b, a)
			}
		}
	}
	check("backlinks", "page_ascore", true)
	check("refdomains", "backlinks_num", true)
	check("refips", "domains_num", true)
	check("tld", "domains_num", true)
	check("anchors", "backlinks_num", true)
	check("pages", "backlinks_num", true)
	check("competitors", "similarity", true)
	check("categories", "rating", true)
	check("categories_profile", "rating", true)
	check("historical", "date", true)
	check("ascore_profile", "ascore", false)
}

func TestFiltersHold(t *testing.T) {
	s := newTest(Options{})
	bl := report(t, "backlinks")
	cases := []struct {
		name   string
		filter api.Filter
		holds  func(tab *api.Table, r int) bool
	}{}
	boolCol := func(code string, want bool) func(*api.Table, int) bool {
		return func(tab *api.Table, r int) bool { return tab.Bool(r, tab.Index(code)) == want }
	}
	for _, tc := range []struct{ value, code string }{
		{"newlink", "newlink"}, {"lostlink", "lostlink"}, {"nofollow", "nofollow"}, {"image", "image"},
		{"form", "form"}, {"frame", "frame"}, {"sitewide", "sitewide"},
	} {
		cases = append(cases, struct {
			name   string
			filter api.Filter
			holds  func(tab *api.Table, r int) bool
		}{"type " + tc.value, api.Filter{{Field: "type", Value: tc.value}}, boolCol(tc.code, true)})
	}
	add := func(name string, f api.Filter, h func(*api.Table, int) bool) {
		cases = append(cases, struct {
			name   string
			filter api.Filter
			holds  func(tab *api.Table, r int) bool
		}{name, f, h})
	}
	add("type follow", api.Filter{{Field: "type", Value: "follow"}}, boolCol("nofollow", false))
	add("type text", api.Filter{{Field: "type", Value: "text"}}, func(tab *api.Table, r int) bool {
		return !tab.Bool(r, tab.Index("image")) && !tab.Bool(r, tab.Index("form")) && !tab.Bool(r, tab.Index("frame"))
	})
	add("type sponsored", api.Filter{{Field: "type", Value: "sponsored"}}, boolCol("nofollow", true))
	add("type ugc", api.Filter{{Field: "type", Value: "ugc"}}, boolCol("nofollow", true))
	add("new and follow", api.Filter{{Field: "type", Value: "newlink"}, {Field: "type", Value: "follow"}}, func(tab *api.Table, r int) bool {
		return tab.Bool(r, tab.Index("newlink")) && !tab.Bool(r, tab.Index("nofollow"))
	})
	add("not nofollow", api.Filter{{Exclude: true, Field: "type", Value: "nofollow"}}, boolCol("nofollow", false))
	add("zone com", api.Filter{{Field: "zone", Value: "com"}}, func(tab *api.Table, r int) bool {
		return strings.HasSuffix(strings.SplitN(strings.SplitN(tab.Text(r, tab.Index("source_url")), "://", 2)[1], "/", 2)[0], ".com")
	})
	add("refdomain contains", api.Filter{{Field: "refdomain", Op: api.OpCo, Value: "ka"}}, func(tab *api.Table, r int) bool {
		return strings.Contains(strings.SplitN(strings.SplitN(tab.Text(r, tab.Index("source_url")), "://", 2)[1], "/", 2)[0], "ka")
	})
	add("anchor word", api.Filter{{Field: "anchor", Op: api.OpWm, Value: "link"}}, func(tab *api.Table, r int) bool {
		return wordMatch(strings.ToLower(tab.Text(r, tab.Index("anchor"))), "link")
	})
	add("anchor begins", api.Filter{{Field: "anchor", Op: api.OpBw, Value: "best"}}, func(tab *api.Table, r int) bool {
		return strings.HasPrefix(strings.ToLower(tab.Text(r, tab.Index("anchor"))), "best")
	})
	add("anchor ends, not empty", api.Filter{{Field: "anchor", Op: api.OpEw, Value: "tips"}}, func(tab *api.Table, r int) bool {
		return strings.HasSuffix(strings.ToLower(tab.Text(r, tab.Index("anchor"))), "tips")
	})
	add("urlanchor", api.Filter{{Field: "urlanchor", Op: api.OpCo, Value: "blog"}}, func(tab *api.Table, r int) bool {
		return strings.Contains(strings.ToLower(tab.Text(r, tab.Index("anchor"))), "blog") ||
			strings.Contains(strings.ToLower(tab.Text(r, tab.Index("source_url"))), "blog")
	})
	cols := []string{"source_url", "anchor", "nofollow", "image", "form", "frame", "sitewide", "newlink", "lostlink"}
	for _, tc := range cases {
		t.Run("backlinks "+tc.name, func(t *testing.T) {
			// Quoted fields: a ';' in a URL cannot shift the anchor.
			tab := all(t, s, api.Request{Report: bl, Targets: root("tinyshop.net"), Columns: cols, Filter: tc.filter, Escape: true}, 1000000)
			if tab.Len() == 0 || tab.NothingFound {
				t.Fatal("no rows: the filter is not exercised")
			}
			for r := 0; r < tab.Len(); r++ {
				if !tc.holds(tab, r) {
					t.Fatalf("row %v breaks the filter", tab.Row(r))
				}
			}
		})
	}

	t.Run("backlinks ip", func(t *testing.T) {
		rd := all(t, s, api.Request{Report: report(t, "refdomains"), Targets: root("tinyshop.net")}, 100000)
		ip := rd.Text(0, col(t, rd, "ip"))
		prefix := ip[:strings.LastIndexByte(ip, '.')+1]
		want := int64(0)
		for r := 0; r < rd.Len(); r++ {
			if strings.HasPrefix(rd.Text(r, col(t, rd, "ip")), prefix) {
				want += rd.Int(r, col(t, rd, "backlinks_num"))
			}
		}
		tab := all(t, s, api.Request{Report: bl, Targets: root("tinyshop.net"), Filter: api.Filter{{Field: "ip", Op: api.OpBw, Value: prefix}}}, 1000000)
		if int64(tab.Len()) != want {
			t.Errorf("ip begins with %s: %d rows, refdomains on those IPs have %d backlinks", prefix, tab.Len(), want)
		}
	})

	rdCases := []struct {
		name   string
		filter api.Filter
		holds  func(tab *api.Table, r int) bool
	}{
		{"zone de", api.Filter{{Field: "zone", Value: "de"}}, func(tab *api.Table, r int) bool { return strings.HasSuffix(tab.Text(r, 1), ".de") }},
		{"not zone com", api.Filter{{Exclude: true, Field: "zone", Value: "com"}}, func(tab *api.Table, r int) bool { return !strings.HasSuffix(tab.Text(r, 1), ".com") }},
		{"country us", api.Filter{{Field: "country", Value: "us"}}, func(tab *api.Table, r int) bool { return tab.Text(r, 4) == "us" }},
		{"ip Bw", api.Filter{{Field: "ip", Op: api.OpBw, Value: "198.19."}}, func(tab *api.Table, r int) bool { return strings.HasPrefix(tab.Text(r, 3), "198.19.") }},
		{"new", api.Filter{{Field: "type", Value: "newdomain"}}, func(tab *api.Table, r int) bool {
			return tab.Int(r, 5) >= testNow.Unix()-31*86400
		}},
		{"lost", api.Filter{{Field: "type", Value: "lostdomain"}}, func(tab *api.Table, r int) bool { return tab.Int(r, 6) < testNow.Unix()-86400 }},
		{"category", api.Filter{{Field: "category", Op: api.OpCo, Value: "marketing"}}, func(tab *api.Table, r int) bool { return true }},
	}
	for _, tc := range rdCases {
		t.Run("refdomains "+tc.name, func(t *testing.T) {
			tab := all(t, s, api.Request{Report: report(t, "refdomains"), Targets: root("tinyshop.net"), Filter: tc.filter}, 100000)
			if tab.Len() == 0 {
				t.Fatal("no rows")
			}
			for r := 0; r < tab.Len(); r++ {
				if !tc.holds(tab, r) {
					t.Fatalf("row %v breaks the filter", tab.Row(r))
				}
			}
		})
	}
	t.Run("refdomains ip Eq", func(t *testing.T) {
		rd := all(t, s, api.Request{Report: report(t, "refdomains"), Targets: root("tinyshop.net")}, 100000)
		ip := rd.Text(3, 3)
		if net.ParseIP(ip) == nil {
			t.Fatalf("not an IP: %q", ip)
		}
		tab := all(t, s, api.Request{Report: report(t, "refdomains"), Targets: root("tinyshop.net"), Filter: api.Filter{{Field: "ip", Op: api.OpEq, Value: ip}}}, 100000)
		if tab.Len() == 0 {
			t.Fatal("no rows")
		}
		for r := 0; r < tab.Len(); r++ {
			if tab.Text(r, 3) != ip {
				t.Fatalf("row %v", tab.Row(r))
			}
		}
	})
	t.Run("matrix gap", func(t *testing.T) {
		targets := []api.Target{{Value: "tinyshop.net", Type: api.RootDomain}, {Value: "gardenpath.co.uk", Type: api.RootDomain}}
		tab := all(t, s, api.Request{Report: report(t, "matrix"), Targets: targets,
			Filter: api.Filter{{Field: "backlinksnum_0", Op: api.OpEq, Value: "0"}}}, 100000)
		if tab.Len() == 0 {
			t.Fatal("no rows")
		}
		for r := 0; r < tab.Len(); r++ {
			if tab.Int(r, tab.Index("tinyshop.net")) != 0 || tab.Int(r, tab.Index("gardenpath.co.uk")) == 0 {
				t.Fatalf("row %v", tab.Row(r))
			}
		}
	})
}

func TestPagesConcatenate(t *testing.T) {
	s := newTest(Options{})
	for _, name := range []string{"backlinks", "refdomains", "anchors", "pages", "refips", "historical", "competitors"} {
		t.Run(name, func(t *testing.T) {
			q := api.Request{Report: report(t, name), Targets: root("tinyshop.net"), Count: 150}
			whole, _ := fetch(t, s, q)
			q.Count = 50
			var got []string
			for q.Offset = 0; q.Offset < 150; q.Offset += 50 {
				page, _ := fetch(t, s, q)
				for r := 0; r < page.Len(); r++ {
					got = append(got, strings.Join(page.Row(r), ";"))
				}
			}
			if len(got) != whole.Len() {
				t.Fatalf("pages give %d rows, the whole %d", len(got), whole.Len())
			}
			for r := range got {
				if got[r] != strings.Join(whole.Row(r), ";") {
					t.Fatalf("row %d: %s, whole has %s", r, got[r], strings.Join(whole.Row(r), ";"))
				}
			}
		})
	}
}

func TestSameRequestSameBytes(t *testing.T) {
	a, b := newTest(Options{}), newTest(Options{})
	for _, q := range []string{
		"type=backlinks&target=tinyshop.net&target_type=root_domain&display_limit=2000&export_columns=page_ascore,source_url,source_title,target_url,anchor,image_alt,first_seen,last_seen,redirect_url",
		"type=backlinks_refdomains&target=example.com&target_type=root_domain&display_limit=500",
		"type=backlinks_competitors&target=example.com&target_type=root_domain",
		"type=backlinks_historical&target=tinyshop.net&target_type=root_domain",
	} {
		_, x := get(t, a, "key=k&"+q)
		_, y := get(t, a, "key=k&"+q)
		_, z := get(t, b, "key=k&"+q)
		if x != y || x != z || len(x) < 100 {
			t.Errorf("%s: answers differ (%d, %d, %d bytes)", q, len(x), len(y), len(z))
		}
	}
}
