package api

import (
	"strings"
	"testing"
)

func TestSortRowsReordersEveryColumnAndIssue(t *testing.T) {
	r, _ := LookupReport("comparison")
	body := "target;target_type;backlinks_num;domains_num\r\n" +
		"b.com;root_domain;15248332274;10\r\n" +
		"a.com;root_domain;7;30\r\n" +
		"c.com;root_domain;x;20\r\n"
	tb, err := Parse([]byte(body), Request{Report: r, Targets: []Target{{"b.com", RootDomain}, {"a.com", RootDomain}, {"c.com", RootDomain}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := tb.Issue(2); !ok {
		t.Fatal("c.com's bad number should be flagged")
	}
	tb.SortRows(tb.Index("domains_num"), true)
	var got []string
	for i := 0; i < tb.Len(); i++ {
		got = append(got, tb.Text(i, 0)+"="+tb.Text(i, tb.Index("backlinks_num")))
	}
	if strings.Join(got, ",") != "a.com=7,c.com=x,b.com=15248332274" {
		t.Fatalf("sorted by domains desc: %v", got)
	}
	if is, ok := tb.Issue(1); !ok || !strings.Contains(is.Msg, "backlinks_num") {
		t.Fatalf("the flag must follow its row to position 1: %v %v", is, ok)
	}
	tb.SortRows(tb.Index("target"), false)
	if tb.Text(0, 0) != "a.com" || tb.Int(1, tb.Index("backlinks_num")) != 15248332274 {
		t.Fatalf("by target asc: %v", tb.Row(0))
	}
}
