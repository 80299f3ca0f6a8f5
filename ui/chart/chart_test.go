package chart

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// checkBox asserts out is exactly lines lines of exactly width cells.
func checkBox(t *testing.T, out string, width, lines int) {
	t.Helper()
	if lines == 0 {
		if out != "" {
			t.Fatalf("want no output for 0 lines, got %q", out)
		}
		return
	}
	got := strings.Split(out, "\n")
	if len(got) != lines {
		t.Fatalf("want %d lines, got %d:\n%s", lines, len(got), out)
	}
	for i, l := range got {
		if w := ansi.StringWidth(l); w != width {
			t.Fatalf("line %d is %d cells wide, want %d: %q", i, w, width, l)
		}
	}
}

// dataset is one kind of input every chart must survive.
type dataset struct {
	name  string
	dates []time.Time
	vals  [][]float64
}

func weekly(n int) []time.Time {
	d := make([]time.Time, n)
	for i := range d {
		d[i] = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 7*i)
	}
	return d
}

func datasets() []dataset {
	nan, inf := math.NaN(), math.Inf(1)
	same := []time.Time{weekly(1)[0], weekly(1)[0], weekly(1)[0]}
	return []dataset{
		{"empty", nil, nil},
		{"no values", weekly(3), [][]float64{{}, {}}},
		{"single point", weekly(1), [][]float64{{42}, {7}, {61}}},
		{"same date", same, [][]float64{{1, 2, 3}}},
		{"all zeros", weekly(5), [][]float64{{0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}}},
		{"all NaN", weekly(4), [][]float64{{nan, nan, nan, nan}}},
		{"NaN and Inf", weekly(6), [][]float64{{1, nan, 3, inf, -inf, 2}, {nan, 5, nan, 6, 7, nan}}},
		{"negative", weekly(5), [][]float64{{-5, -3, 2, -8, 4}, {-1e6, -2e6, -3e6, 0, 1}}},
		{"int64-sized", weekly(4), [][]float64{{15248332274, 15248332275, 9e15, 15248332274}, {1, 2, 3, 4}}},
		{"huge span", weekly(3), [][]float64{{-math.MaxFloat64, 0, math.MaxFloat64}}},
		{"tiny values", weekly(3), [][]float64{{1e-300, 2e-300, 3e-300}}},
		{"short values", weekly(8), [][]float64{{1, 2}, {5}}},
		{"many series", weekly(10), [][]float64{{1}, {2, 3}, {4, 5, 6}, {1, 2, 3, 4}, {9}, {8}, {7}, {6}, {5}, {4}}},
		{"centuries", []time.Time{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)}, [][]float64{{1, 2}}},
		{"one second", []time.Time{time.Unix(1e9, 0), time.Unix(1e9+1, 0)}, [][]float64{{1, 2}}},
		{"long", weekly(2000), [][]float64{ramp(2000), ramp(2000)}},
	}
}

func ramp(n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = float64(i*i) + 3
	}
	return v
}

func (d dataset) series() []Series {
	names := []string{"Backlinks", "Referring domains 日本語", "Authority Score", "", "x"}
	s := make([]Series, len(d.vals))
	for i, v := range d.vals {
		s[i] = Series{Name: names[i%len(names)], Values: v, Axis: Axis(i % 3)}
	}
	return s
}

var (
	testWidths  = []int{-1, 0, 1, 2, 3, 4, 5, 7, 8, 9, 12, 20, 33, 60, 120, 300}
	testHeights = []int{-1, 0, 1, 2, 3, 4, 5, 6, 12, 30, 100}
)

// TestSizesNeverBreak draws every chart over every size and awkward data
// set, with and without colour, and checks the exact box and that NoColor
// output has no escape at all.
func TestSizesNeverBreak(t *testing.T) {
	for _, d := range datasets() {
		for _, w := range testWidths {
			for _, h := range testHeights {
				if d.name == "long" && w%3 != 0 { // slow under -race; a third will do
					continue
				}
				for _, st := range []Style{plain, testStyle()} {
					ww, hh := max(w, 0), max(h, 0)
					series := d.series()
					line := Line(d.dates, series, w, h, st)
					checkBox(t, line, ww, hh)
					var flat []float64
					for _, v := range d.vals {
						flat = append(flat, v...)
					}
					hist := Histogram(flat, 0, 100, w, h, st)
					checkBox(t, hist, ww, hh)
					labels := make([]string, min(len(flat), 40))
					for i := range labels {
						labels[i] = strings.Repeat("ＴＬＤ", i%3) + "com"
					}
					bars := HBars(labels, flat, w, st)
					checkBox(t, bars, ww, len(labels))
					if st.NoColor {
						for _, out := range []string{line, hist, bars} {
							if strings.Contains(out, "\x1b") {
								t.Fatalf("%s %dx%d: escape in NoColor output: %q", d.name, w, h, out)
							}
						}
					}
				}
			}
			sp := Sparkline(d.dates2values(), w)
			if got := ansi.StringWidth(sp); got != max(w, 0) || strings.Contains(sp, "\n") {
				t.Fatalf("%s: sparkline width %d, want %d: %q", d.name, got, w, sp)
			}
		}
	}
}

func (d dataset) dates2values() []float64 {
	if len(d.vals) == 0 {
		return nil
	}
	return d.vals[0]
}

// TestColourOnlyAddsColour: stripping the escapes from a coloured chart
// gives the NoColor chart exactly, so glyphs alone tell series apart.
func TestColourOnlyAddsColour(t *testing.T) {
	d, s := historyData()
	for _, sz := range [][2]int{{60, 12}, {120, 30}, {33, 7}} {
		c := Line(d, s, sz[0], sz[1], testStyle())
		if !strings.Contains(c, "\x1b[") {
			t.Fatal("coloured chart has no colour")
		}
		if got, want := ansi.Strip(c), Line(d, s, sz[0], sz[1], plain); got != want {
			t.Fatalf("colour changes glyphs at %v:\n%s\n---\n%s", sz, got, want)
		}
		hc := Histogram(ascoreProfile(), 0, 100, sz[0], sz[1], DefaultStyle(true))
		if ansi.Strip(hc) != Histogram(ascoreProfile(), 0, 100, sz[0], sz[1], plain) {
			t.Fatal("colour changes histogram glyphs")
		}
	}
	bc := HBars(geoLabels, geoDomains, 50, DefaultStyle(false))
	if ansi.Strip(bc) != HBars(geoLabels, geoDomains, 50, plain) {
		t.Fatal("colour changes bar glyphs")
	}
}

// TestNoColorTellsSeriesApart: without colour the area, the braille line
// and the markers each appear, and the legend names each with its glyph.
func TestNoColorTellsSeriesApart(t *testing.T) {
	d, s := historyData()
	out := Line(d, s, 120, 30, plain)
	lines := strings.Split(out, "\n")
	legend := lines[0]
	for i, name := range []string{"Backlinks", "Referring domains", "Authority Score"} {
		if !strings.Contains(legend, string(glyph(i))+" "+name) {
			t.Errorf("legend %q lacks %q with its glyph", legend, name)
		}
	}
	if !strings.Contains(legend, "(right)") || !strings.Contains(legend, "(0–100)") {
		t.Errorf("legend %q does not say which scale each series uses", legend)
	}
	plot := strings.Join(lines[1:len(lines)-2], "\n")
	var area, braille, marker int
	for _, r := range plot {
		switch {
		case r >= '▁' && r <= '█':
			area++
		case r > 0x2800 && r <= 0x28FF:
			braille++
		case r == '•':
			marker++
		}
	}
	if area < 500 || braille < 60 || marker < 60 {
		t.Errorf("series not all visible: %d area cells, %d braille, %d markers", area, braille, marker)
	}
}

// plotColumns reads a plain Line/Histogram without legend: for each plot
// column, the height of the blocks in eighths. rows is the number of plot
// rows (from the top).
func plotColumns(t *testing.T, out string, rows int) []int {
	t.Helper()
	lines := strings.Split(out, "\n")
	first := []rune(lines[0])
	x0 := -1
	for i, r := range first {
		if r == '┤' || r == '│' {
			x0 = i + 1
			break
		}
	}
	if x0 < 0 {
		t.Fatalf("no y axis in\n%s", out)
	}
	cols := make([]int, len(first)-x0)
	for y := 0; y < rows; y++ {
		rs := []rune(lines[y])
		for c := range cols {
			if x := x0 + c; x < len(rs) {
				if i := strings.IndexRune(string(blocks), rs[x]); i > 0 {
					cols[c] += len([]rune(string(blocks)[:i]))
				}
			}
		}
	}
	return cols
}

func TestMonotonicDataMonotonicArea(t *testing.T) {
	for _, n := range []int{2, 7, 30, 104, 500} {
		d := weekly(n)
		v := make([]float64, n)
		for i := range v {
			v[i] = 1000 + math.Pow(float64(i), 1.7) + float64(i%3) // increasing
		}
		for _, sz := range [][2]int{{60, 12}, {120, 30}, {25, 6}} {
			out := Line(d, []Series{{Values: v}}, sz[0], sz[1], plain)
			cols := plotColumns(t, out, sz[1]-2)
			for c := 1; c < len(cols); c++ {
				if cols[c] < cols[c-1] {
					t.Fatalf("n=%d %v: area top falls at column %d (%d -> %d):\n%s", n, sz, c, cols[c-1], cols[c], out)
				}
			}
			if cols[0] >= cols[len(cols)-1] {
				t.Fatalf("n=%d %v: area does not rise:\n%s", n, sz, out)
			}
		}
	}
}

func TestHistogramProportional(t *testing.T) {
	for _, pair := range [][2]float64{{100, 200}, {13, 26}, {2e9, 4e9}, {1, 3}} {
		out := Histogram([]float64{pair[0], pair[1]}, 0, 1, 40, 20, plain)
		cols := plotColumns(t, out, 18)
		a, b := cols[0], cols[len(cols)-1]
		want := float64(a) * pair[1] / pair[0]
		if math.Abs(float64(b)-want) > 8 {
			t.Errorf("%v: bars %d and %d eighths, want ratio %.1f ±1 cell", pair, a, b, pair[1]/pair[0])
		}
	}
}

// barEighths is the length of the bar on a plain HBars line, in eighths.
func barEighths(line string) int {
	n := 0
	for _, r := range line {
		if i := strings.IndexRune(string(hblocks), r); i > 0 {
			n += len([]rune(string(hblocks)[:i]))
		}
	}
	return n
}

func TestHBarsProportionalAndAligned(t *testing.T) {
	for _, w := range []int{30, 60, 120} {
		vals := []float64{200, 100, 50, 37, 1, 0}
		out := HBars([]string{"a", "bb", "ccc", "日本", "tiny", "zero"}, vals, w, plain)
		lines := strings.Split(out, "\n")
		full := barEighths(lines[0])
		for i, v := range vals[1:] {
			got := barEighths(lines[i+1])
			want := float64(full) * v / vals[0]
			if math.Abs(float64(got)-want) > 8 {
				t.Errorf("w=%d value %v: %d eighths, want %.0f ±8", w, v, got, want)
			}
		}
		if barEighths(lines[4]) == 0 {
			t.Errorf("w=%d: a positive value draws no bar", w)
		}
		if barEighths(lines[5]) != 0 {
			t.Errorf("w=%d: zero draws a bar", w)
		}
		// values right-aligned: every line ends in a digit at the last cell
		for _, l := range lines {
			if r := []rune(l); r[len(r)-1] < '0' || r[len(r)-1] > '9' {
				t.Errorf("w=%d: value not right-aligned: %q", w, l)
			}
		}
	}
	out := HBars([]string{"x"}, []float64{15248332274}, 40, plain)
	if !strings.HasSuffix(out, "15,248,332,274") {
		t.Errorf("int64 count not printed in full: %q", out)
	}
}

func TestHBarsWideLabelsTruncated(t *testing.T) {
	labels := []string{"日本語のカテゴリー名がとても長い", "🇺🇸 United States of America", "ok"}
	out := HBars(labels, []float64{3, 2, 1}, 40, plain)
	checkBox(t, out, 40, 3)
	lines := strings.Split(out, "\n")
	if !strings.Contains(lines[0], "…") || !strings.HasPrefix(lines[0], "日本") {
		t.Errorf("wide label not truncated with an ellipsis: %q", lines[0])
	}
}

// TestHistoryDates: the axis shows the right dates, in order, where the
// data is, with ticks under them and no overlap.
func TestHistoryDates(t *testing.T) {
	d, s := fixtureHistory()
	out := Line(d, s, 60, 12, plain)
	lines := strings.Split(out, "\n")
	dates := strings.Fields(lines[11])
	want := []string{"2021-03-15", "2021-03-29", "2021-04-12"}
	if strings.Join(dates, " ") != strings.Join(want, " ") {
		t.Fatalf("dates %v, want %v", dates, want)
	}
	if n := strings.Count(lines[10], "┬"); n != len(want) {
		t.Errorf("%d ticks for %d dates: %q", n, len(want), lines[10])
	}

	// Two years of weekly points: month labels, in order, inside the data.
	hd, hs := historyData()
	for _, w := range []int{60, 90, 120, 200, 300} {
		out := Line(hd, hs, w, 12, plain)
		row := strings.Split(out, "\n")[11]
		var prev time.Time
		f := strings.Fields(row)
		for i := 0; i+1 < len(f); i += 2 {
			tm, err := time.Parse("Jan 2006", f[i]+" "+f[i+1])
			if err != nil {
				t.Fatalf("w=%d: %q is not a month label: %v", w, row, err)
			}
			if tm.Before(hd[len(hd)-1]) || tm.After(hd[0]) || !tm.After(prev) {
				t.Errorf("w=%d: label %v out of range or order in %q", w, tm, row)
			}
			prev = tm
		}
		if len(f) < 4 {
			t.Errorf("w=%d: fewer than two date labels: %q", w, row)
		}
	}
	// Too narrow for two month ticks: the two end dates.
	row := strings.Split(Line(hd, hs, 40, 12, plain), "\n")[11]
	if f := strings.Fields(row); len(f) != 2 || f[0] != "2023-01-02" || f[1] != "2024-12-23" {
		t.Errorf("narrow chart: want the end dates, got %q", row)
	}
}

func TestDateFormatsFitSpan(t *testing.T) {
	start := time.Date(2020, 3, 4, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		span   time.Duration
		w      int
		layout string
	}{
		{20 * day, 100, "2006-01-02"},
		{200 * day, 100, "Jan 2006"},
		{8 * 365 * day, 100, "2006"},
	}
	for _, c := range cases {
		ls := dateLabels(start, start.Add(c.span), c.w)
		if len(ls) < 2 {
			t.Fatalf("%v: %d labels", c.span, len(ls))
		}
		end := -1
		for _, l := range ls {
			if _, err := time.Parse(c.layout, l.text); err != nil {
				t.Errorf("%v: label %q not in layout %q", c.span, l.text, c.layout)
			}
			if l.x <= end+1 || l.x+len(l.text) > c.w {
				t.Errorf("%v: label %q overlaps or overflows", c.span, l.text)
			}
			end = l.x + len(l.text) - 1
		}
	}
}

func TestBaseline(t *testing.T) {
	bottomLabel := func(out string, rows int) string {
		return strings.TrimSpace(strings.Split(strings.Split(out, "\n")[rows-1], "┤")[0])
	}
	// History that barely changes: the axis starts near the data, not at 0.
	d, s := fixtureHistory()
	out := Line(d, s[:1], 60, 12, plain)
	if got := bottomLabel(out, 10); got != "18M" {
		t.Errorf("backlinks 18.8M–20.7M: bottom label %q, want 18M:\n%s", got, out)
	}
	// Data that spans most of its magnitude starts at 0.
	out = Line(weekly(3), []Series{{Values: []float64{10, 50, 100}}}, 60, 12, plain)
	if got := bottomLabel(out, 10); got != "0" {
		t.Errorf("10–100: bottom label %q, want 0:\n%s", got, out)
	}
	// A fixed range is kept.
	out = Line(weekly(3), []Series{{Values: []float64{61, 62, 63}, Min: 0, Max: 100}}, 60, 12, plain)
	if got := bottomLabel(out, 10); got != "0" {
		t.Errorf("fixed 0–100: bottom label %q:\n%s", got, out)
	}
}

func TestNumbers(t *testing.T) {
	for v, want := range map[float64]string{
		0: "0", 7: "7", 950: "950", 0.931905: "0.93", 1234: "1.2K", 34000: "34K",
		266988: "267K", 999950: "1M", 3.4e6: "3.4M", 15248332274: "15.2B", -1500: "-1.5K",
		math.NaN(): "–", 2.5e13: "25T",
	} {
		if got := Compact(v); got != want {
			t.Errorf("Compact(%v) = %q, want %q", v, got, want)
		}
	}
	for v, want := range map[float64]string{
		0: "0", 645: "645", 27755: "27,755", 15248332274: "15,248,332,274", -1234567: "-1,234,567",
		0.931905: "0.93", math.Inf(1): "–",
	} {
		if got := Thousands(v); got != want {
			t.Errorf("Thousands(%v) = %q, want %q", v, got, want)
		}
	}
	got := tickLabels(niceScale(18.5e6, 21e6, 5))
	if strings.Join(got, " ") != "18.5M 19.0M 19.5M 20.0M 20.5M 21.0M" {
		t.Errorf("tick labels %v", got)
	}
}

func TestSparkline(t *testing.T) {
	if got := Sparkline([]float64{1, 2, 3, 4, 5, 6, 7, 8}, 8); got != "▁▂▃▄▅▆▇█" {
		t.Errorf("ramp: %q", got)
	}
	if got := Sparkline([]float64{0, 0, 0}, 5); got != "▁▁▁▁▁" {
		t.Errorf("zeros: %q", got)
	}
	if got := Sparkline([]float64{5, 5}, 4); got != "▄▄▄▄" {
		t.Errorf("constant: %q", got)
	}
	if got := Sparkline([]float64{1, math.NaN(), 3}, 3); got != "▁ █" {
		t.Errorf("NaN: %q", got)
	}
	if got := Sparkline(nil, 3); got != "   " {
		t.Errorf("empty: %q", got)
	}
	// Downsampling averages: 1000 rising values stay rising.
	s := []rune(Sparkline(ramp(1000), 30))
	for i := 1; i < len(s); i++ {
		if s[i] < s[i-1] {
			t.Fatalf("downsampled ramp falls: %q", string(s))
		}
	}
}

func TestNoDataMessage(t *testing.T) {
	out := Line(nil, nil, 30, 5, plain)
	checkBox(t, out, 30, 5)
	if !strings.Contains(out, "no data") {
		t.Errorf("empty chart says nothing: %q", out)
	}
}

func TestHugeValuesShortLabels(t *testing.T) {
	out := Line(weekly(3), []Series{{Name: "x", Values: []float64{-math.MaxFloat64, 0, math.MaxFloat64}}}, 60, 12, plain)
	checkBox(t, out, 60, 12)
	if !strings.Contains(out, "┤") {
		t.Errorf("axis dropped for huge values (labels too long?):\n%s", out)
	}
	if got := Compact(9e15); got != "9e+15" {
		t.Errorf("Compact(9e15) = %q", got)
	}
}
