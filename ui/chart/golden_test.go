package chart

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name.golden (rewritten with -update).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui/chart -update)", err)
	}
	if got+"\n" != string(want) {
		t.Errorf("%s differs from the golden file (run with -update after checking):\n got:\n%s\nwant:\n%s", path, got, want)
	}
}

var goldenSizes = [][2]int{{60, 12}, {120, 30}}

// eachGolden runs draw at each golden size, with and without colour.
func eachGolden(t *testing.T, name string, draw func(w, h int, st Style) string) {
	for _, sz := range goldenSizes {
		for _, color := range []bool{false, true} {
			st, suffix := plain, ""
			if color {
				st, suffix = testStyle(), ".color"
			}
			n := fmt.Sprintf("%s_%dx%d%s", name, sz[0], sz[1], suffix)
			t.Run(n, func(t *testing.T) {
				got := draw(sz[0], sz[1], st)
				checkBox(t, got, sz[0], sz[1])
				golden(t, n, got)
			})
		}
	}
}

func TestGoldenHistory(t *testing.T) {
	d, s := historyData()
	eachGolden(t, "history", func(w, h int, st Style) string { return Line(d, s, w, h, st) })
}

func TestGoldenHistoryFixture(t *testing.T) {
	d, s := fixtureHistory()
	eachGolden(t, "history_fixture", func(w, h int, st Style) string { return Line(d, s, w, h, st) })
}

func TestGoldenAscore(t *testing.T) {
	v := ascoreProfile()
	eachGolden(t, "ascore", func(w, h int, st Style) string { return Histogram(v, 0, 100, w, h, st) })
}

func TestGoldenHBars(t *testing.T) {
	sets := []struct {
		name   string
		labels []string
		values []float64
	}{
		{"tld", tldLabels, tldDomains},
		{"geo", geoLabels, geoDomains},
		{"categories", catLabels, catRatings},
	}
	for _, set := range sets {
		for _, w := range []int{60, 120} {
			for _, color := range []bool{false, true} {
				st, suffix := plain, ""
				if color {
					st, suffix = testStyle(), ".color"
				}
				n := fmt.Sprintf("hbars_%s_%d%s", set.name, w, suffix)
				t.Run(n, func(t *testing.T) {
					got := HBars(set.labels, set.values, w, st)
					checkBox(t, got, w, len(set.labels))
					golden(t, n, got)
				})
			}
		}
	}
}

func TestGoldenSparkline(t *testing.T) {
	_, s := historyData()
	for _, w := range []int{20, 60} {
		var b strings.Builder
		for _, row := range []struct {
			name string
			v    []float64
		}{
			{"backlinks", reversed(s[0].Values)},
			{"domains  ", reversed(s[1].Values)},
			{"ascore   ", reversed(s[2].Values)},
			{"profile  ", ascoreProfile()},
			{"tld      ", tldDomains},
		} {
			fmt.Fprintf(&b, "%s |%s|\n", row.name, Sparkline(row.v, w))
		}
		golden(t, fmt.Sprintf("sparkline_%d", w), strings.TrimSuffix(b.String(), "\n"))
	}
}

func reversed(v []float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[len(v)-1-i] = x
	}
	return out
}
