package sandbox

import (
	"fmt"
	"strings"
	"testing"

	"linkdive/api"
)

// The targets whose whole profiles the tests check: a small site with
// several hosts, one of its hosts, one of its pages, and a mid-size site.
var checkedTargets = []api.Target{
	{Value: "acme-widgets.com", Type: api.RootDomain},
	{Value: "tinyshop.net", Type: api.RootDomain},
	{Value: "www.acme-widgets.com", Type: api.Domain},
	{Value: "m.acme-widgets.com", Type: api.Domain},
	{Value: "unknown-host.acme-widgets.com", Type: api.Domain},
	{Value: "https://www.acme-widgets.com/", Type: api.URL},
}

func TestEveryReportAnswersItsCatalogue(t *testing.T) {
	s := newTest(Options{})
	for _, r := range api.Reports() {
		t.Run(r.Short, func(t *testing.T) {
			q := api.Request{Report: r, Targets: root("tinyshop.net")}
			if r.Multi {
				q.Targets = []api.Target{{Value: "tinyshop.net", Type: api.RootDomain}, {Value: "moz.com", Type: api.RootDomain}}
			}
			if r.Paged {
				q.Count = 20
			}
			if !r.NoExportColumns {
				// Every column, in reverse catalogue order.
				for i := len(r.Columns) - 1; i >= 0; i-- {
					q.Columns = append(q.Columns, r.Columns[i].Code)
				}
			}
			tab, body := fetch(t, s, q)
			if tab.Len() == 0 {
				t.Fatalf("no rows: %.200q", body)
			}
			var want []string
			for _, c := range q.ColumnsOrDefault() {
				if c == r.PerTarget {
					for _, tg := range q.Targets {
						want = append(want, tg.Value)
					}
					continue
				}
				want = append(want, c)
			}
			if got := lines(body)[0]; got != strings.Join(want, ";") {
				t.Errorf("header %q, want %q", got, strings.Join(want, ";"))
			}
			for _, is := range tab.Issues {
				if !is.Repaired {
					t.Errorf("row %d unreadable: %s", is.Row, is.Msg)
				}
			}
		})
	}
}

func TestTotalsAgreeWithDetails(t *testing.T) {
	s := newTest(Options{})
	for _, tg := range checkedTargets {
		t.Run(tg.Value, func(t *testing.T) {
			ov := overview(t, s, tg)
			total, doms := ov["total"], ov["domains_num"]
			if total == 0 || doms == 0 {
				t.Fatalf("empty overview %v", ov)
			}
			if ov["follows_num"]+ov["nofollows_num"] != total {
				t.Errorf("follows+nofollows = %d, total %d", ov["follows_num"]+ov["nofollows_num"], total)
			}
			if n := ov["texts_num"] + ov["images_num"] + ov["forms_num"] + ov["frames_num"]; n != total {
				t.Errorf("texts+images+forms+frames = %d, total %d", n, total)
			}
			if ov["sponsored_num"]+ov["ugc_num"] > ov["nofollows_num"] {
				t.Errorf("sponsored+ugc %d exceed nofollows %d", ov["sponsored_num"]+ov["ugc_num"], ov["nofollows_num"])
			}
			if ov["urls_num"] > total || ov["ips_num"] > doms || ov["ipclassc_num"] > ov["ips_num"] {
				t.Errorf("implausible counts %v", ov)
			}
			q := func(name string) api.Request { return api.Request{Report: report(t, name), Targets: []api.Target{tg}} }

			rd := all(t, s, q("refdomains"), 100000)
			if int64(rd.Len()) != doms {
				t.Errorf("refdomains rows %d, domains_num %d", rd.Len(), doms)
			}
			if n := sum(t, rd, "backlinks_num"); n != total {
				t.Errorf("sum of refdomain backlinks %d, total %d", n, total)
			}
			bl := all(t, s, q("backlinks"), 1000000)
			if int64(bl.Len()) != total {
				t.Errorf("backlinks rows %d, total %d", bl.Len(), total)
			}
			for _, name := range []string{"tld", "geo", "refips"} {
				tab := all(t, s, q(name), 100000)
				if n := sum(t, tab, "domains_num"); n != doms {
					t.Errorf("%s: domains %d, want %d", name, n, doms)
				}
				if n := sum(t, tab, "backlinks_num"); n != total {
					t.Errorf("%s: backlinks %d, want %d", name, n, total)
				}
			}
			for _, name := range []string{"pages", "anchors"} {
				if n := sum(t, all(t, s, q(name), 100000), "backlinks_num"); n != total {
					t.Errorf("%s: backlinks %d, want %d", name, n, total)
				}
			}
			asp := all(t, s, q("ascore_profile"), 0)
			if asp.Len() != 101 || sum(t, asp, "domains_num") != doms {
				t.Errorf("ascore profile: %d rows summing to %d, want 101 rows summing to %d", asp.Len(), sum(t, asp, "domains_num"), doms)
			}
			if n := sum(t, all(t, s, q("categories_profile"), 100000), "rating"); n != min(doms, 10000) {
				t.Errorf("categories profile sums to %d, want %d", n, min(doms, 10000))
			}
			if tg.Type == api.RootDomain {
				h := all(t, s, q("historical"), 100000)
				if h.Len() == 0 || h.Int(0, col(t, h, "backlinks_num")) != total || h.Int(0, col(t, h, "domains_num")) != doms ||
					h.Int(0, col(t, h, "score")) != ov["ascore"] {
					t.Errorf("newest history row %v, want today's totals %d/%d/%d", h.Row(0), total, doms, ov["ascore"])
				}
				dc := col(t, h, "date")
				for r := 0; r < h.Len(); r++ {
					d := h.Time(r, dc)
					if d.Weekday() != 1 || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.After(testNow) {
						t.Fatalf("history row %d dated %v: want a past Monday 00:00 UTC", r, d)
					}
					if r > 0 && h.Int(r, dc) != h.Int(r-1, dc)-7*86400 {
						t.Fatalf("history rows %d and %d are not a week apart", r-1, r)
					}
				}
			}

			// A referring domain's backlinks are the rows of the backlinks
			// report filtered on it; an anchor's too.
			for _, r := range []int{0, rd.Len() / 2, rd.Len() - 1} {
				dom := rd.Text(r, col(t, rd, "domain"))
				fq := q("backlinks")
				fq.Filter = api.Filter{{Field: "refdomain", Op: api.OpEq, Value: dom}}
				if got := all(t, s, fq, 1000000).Len(); int64(got) != rd.Int(r, col(t, rd, "backlinks_num")) {
					t.Errorf("refdomain %s: %d backlinks rows, refdomains says %d", dom, got, rd.Int(r, col(t, rd, "backlinks_num")))
				}
			}
			an := all(t, s, q("anchors"), 100000)
			for r := 0; r < min(an.Len(), 3); r++ {
				text := an.Text(r, col(t, an, "anchor"))
				if text == emptyAnchor {
					continue
				}
				fq := q("backlinks")
				fq.Filter = api.Filter{{Field: "anchor", Op: api.OpEq, Value: text}}
				if got := all(t, s, fq, 1000000).Len(); int64(got) != an.Int(r, col(t, an, "backlinks_num")) {
					t.Errorf("anchor %q: %d backlinks rows, anchors says %d", text, got, an.Int(r, col(t, an, "backlinks_num")))
				}
			}
		})
	}
}

// A host target sees the links to its pages; a URL target the links to
// its page: their totals are the root's page rows.
func TestSubsetsAreSubsets(t *testing.T) {
	s := newTest(Options{})
	pages := all(t, s, api.Request{Report: report(t, "pages"), Targets: root("acme-widgets.com")}, 100000)
	byHost := map[string]int64{}
	for r := 0; r < pages.Len(); r++ {
		u := pages.Text(r, col(t, pages, "source_url"))
		host := strings.SplitN(strings.SplitN(u, "://", 2)[1], "/", 2)[0]
		byHost[host] += pages.Int(r, col(t, pages, "backlinks_num"))
	}
	if len(byHost) < 3 {
		t.Fatalf("want links to several hosts, got %v", byHost)
	}
	for host, n := range byHost {
		if got := overview(t, s, api.Target{Value: host, Type: api.Domain})["total"]; got != n {
			t.Errorf("domain %s: total %d, its pages have %d", host, got, n)
		}
	}
	for r := 0; r < 5; r++ {
		u := pages.Text(r, col(t, pages, "source_url"))
		if got := overview(t, s, api.Target{Value: u, Type: api.URL})["total"]; got != pages.Int(r, col(t, pages, "backlinks_num")) {
			t.Errorf("url %s: total %d, pages says %d", u, got, pages.Int(r, col(t, pages, "backlinks_num")))
		}
	}
	// Any target has data, the same every time.
	for _, tg := range []api.Target{{Value: "no-such-sub.example.com", Type: api.Domain}, {Value: "https://example.com/not/a/page", Type: api.URL}} {
		a, b := overview(t, s, tg), overview(t, s, tg)
		if a["total"] == 0 || fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("%v: %v then %v", tg, a, b)
		}
	}
}

func TestMultiTargetReportsAgree(t *testing.T) {
	s := newTest(Options{})
	targets := []api.Target{
		{Value: "tinyshop.net", Type: api.RootDomain},
		{Value: "gardenpath.co.uk", Type: api.RootDomain},
		{Value: "www.acme-widgets.com", Type: api.Domain},
	}
	cmp, _ := fetch(t, s, api.Request{Report: report(t, "comparison"), Targets: targets})
	if cmp.Len() != len(targets) {
		t.Fatalf("comparison: %d rows for %d targets", cmp.Len(), len(targets))
	}
	for i, tg := range targets {
		ov := overview(t, s, tg)
		if cmp.Text(i, col(t, cmp, "target")) != tg.Value || cmp.Text(i, col(t, cmp, "target_type")) != string(tg.Type) {
			t.Errorf("row %d is %v, want %v", i, cmp.Row(i), tg)
		}
		for _, c := range []string{"ascore", "domains_num", "ips_num", "follows_num", "nofollows_num", "texts_num", "images_num", "forms_num", "frames_num"} {
			if got := cmp.Int(i, col(t, cmp, c)); got != ov[c] {
				t.Errorf("%s %s: comparison %d, overview %d", tg.Value, c, got, ov[c])
			}
		}
		if got := cmp.Int(i, col(t, cmp, "backlinks_num")); got != ov["total"] {
			t.Errorf("%s backlinks: comparison %d, overview total %d", tg.Value, got, ov["total"])
		}
	}

	mx := all(t, s, api.Request{Report: report(t, "matrix"), Targets: targets}, 100000)
	for _, tg := range targets {
		rd := all(t, s, api.Request{Report: report(t, "refdomains"), Targets: []api.Target{tg}}, 100000)
		want := map[string]int64{}
		for r := 0; r < rd.Len(); r++ {
			want[rd.Text(r, col(t, rd, "domain"))] = rd.Int(r, col(t, rd, "backlinks_num"))
		}
		c := col(t, mx, tg.Value)
		got := map[string]int64{}
		for r := 0; r < mx.Len(); r++ {
			if n := mx.Int(r, c); n > 0 {
				got[mx.Text(r, col(t, mx, "domain"))] = n
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("matrix column %s disagrees with its refdomains (%d vs %d domains)", tg.Value, len(got), len(want))
		}
	}
	mc := col(t, mx, "matches_num")
	for r := 0; r < mx.Len(); r++ {
		n := int64(0)
		for _, tg := range targets {
			if mx.Int(r, col(t, mx, tg.Value)) > 0 {
				n++
			}
		}
		if mx.Int(r, mc) != n || n == 0 {
			t.Fatalf("matrix row %v: matches_num %d, counted %d", mx.Row(r), mx.Int(r, mc), n)
		}
	}

	// Competitors share real referring domains and report their own overview.
	comp := all(t, s, api.Request{Report: report(t, "competitors"), Targets: root("tinyshop.net")}, 1000)
	if comp.Len() < 10 {
		t.Fatalf("only %d competitors", comp.Len())
	}
	for _, r := range []int{0, comp.Len() - 1} {
		name := comp.Text(r, col(t, comp, "neighbour"))
		ov := overview(t, s, api.Target{Value: name, Type: api.RootDomain})
		if ov["domains_num"] != comp.Int(r, col(t, comp, "domains_num")) || ov["total"] != comp.Int(r, col(t, comp, "backlinks_num")) ||
			ov["ascore"] != comp.Int(r, col(t, comp, "ascore")) {
			t.Errorf("competitor %s row %v, its overview %v", name, comp.Row(r), ov)
		}
		pair := all(t, s, api.Request{Report: report(t, "matrix"),
			Targets: []api.Target{{Value: "tinyshop.net", Type: api.RootDomain}, {Value: name, Type: api.RootDomain}},
			Filter:  api.Filter{{Field: "backlinksnum_0", Op: api.OpGt, Value: "0"}, {Field: "backlinksnum_1", Op: api.OpGt, Value: "0"}}}, 100000)
		if int64(pair.Len()) != comp.Int(r, col(t, comp, "common_refdomains")) {
			t.Errorf("competitor %s: %d common domains in the matrix, competitors says %d", name, pair.Len(), comp.Int(r, col(t, comp, "common_refdomains")))
		}
	}
	sim := col(t, comp, "similarity")
	for r := 1; r < comp.Len(); r++ {
		if comp.Int(r, sim) > comp.Int(r-1, sim) {
			t.Fatalf("competitors not by similarity: row %d %d after %d", r, comp.Int(r, sim), comp.Int(r-1, sim))
		}
	}
}
