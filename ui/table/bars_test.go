package table

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
	"linkdive/ui/theme"
)

func TestBarsShowTheLeader(t *testing.T) {
	r, _ := api.LookupReport("comparison")
	body := "target;backlinks_num;domains_num\r\nsmall.com;250;10\r\nbig.com;1000;40\r\nnone.com;0;0\r\n"
	tb, err := api.Parse([]byte(body), api.Request{Report: r, Targets: []api.Target{{Value: "small.com"}, {Value: "big.com"}, {Value: "none.com"}}})
	if err != nil {
		t.Fatal(err)
	}
	m := New(theme.Plain())
	m.SetTable(tb)
	m.SetSize(60, 5)
	m.SetBars(true)
	lines := strings.Split(m.View(), "\n")
	for i, l := range lines {
		if ansi.StringWidth(l) != 60 {
			t.Fatalf("line %d is %d cells: %q", i, ansi.StringWidth(l), l)
		}
	}
	if !strings.Contains(lines[2], "1,000 █████") || !strings.Contains(lines[1], "250 █▎") {
		t.Fatalf("bars proportional to the column's largest value:\n%s", strings.Join(lines, "\n"))
	}
	if strings.Contains(lines[3], "█") || strings.ContainsAny(lines[3], "▏▎▍▌▋▊▉") {
		t.Fatalf("a zero draws no bar: %q", lines[3])
	}
	m.SetBars(false)
	if strings.Contains(m.View(), "█") {
		t.Fatal("bars off: no bars")
	}
}

func TestHTTPURLsKeepTheirHostWhenCut(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"http://www.facebook.com/piti98/how-we-approach-winter-tires", "http://www.facebook.com…proach-winter-tires"},
		{"https://www.facebook.com/piti98/how-we-approach-winter-tires", "www.facebook.com…proach-winter-tires"},
	} {
		got, _ := fitURL(ansi.GraphemeWidth, compactURL(c.in), 42, "…")
		if !strings.HasPrefix(got, strings.Split(c.want, "…")[0]+"…") {
			t.Errorf("fitURL(%q) = %q, want the host kept: %q", c.in, got, c.want)
		}
	}
}
