package chart

import "testing"

// Charts are redrawn every frame a chart tab is visible: these measure one
// draw at 120×30 with colour (the slower path).

func BenchmarkLineHistory120x30(b *testing.B) {
	d, s := historyData()
	st := testStyle()
	b.ReportAllocs()
	for b.Loop() {
		_ = Line(d, s, 120, 30, st)
	}
}

func BenchmarkLineLong120x30(b *testing.B) {
	d := weekly(2000)
	s := []Series{{Name: "a", Values: ramp(2000)}, {Name: "b", Values: ramp(2000), Axis: AxisRight}}
	st := testStyle()
	b.ReportAllocs()
	for b.Loop() {
		_ = Line(d, s, 120, 30, st)
	}
}

func BenchmarkHistogram120x30(b *testing.B) {
	v := ascoreProfile()
	st := testStyle()
	b.ReportAllocs()
	for b.Loop() {
		_ = Histogram(v, 0, 100, 120, 30, st)
	}
}

func BenchmarkHBars120(b *testing.B) {
	st := testStyle()
	b.ReportAllocs()
	for b.Loop() {
		_ = HBars(catLabels, catRatings, 120, st)
	}
}

func BenchmarkSparkline120(b *testing.B) {
	v := ascoreProfile()
	b.ReportAllocs()
	for b.Loop() {
		_ = Sparkline(v, 120)
	}
}
