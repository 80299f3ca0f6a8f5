// Package chart draws small terminal charts as plain strings: a time-series
// chart (area + lines, History), a histogram (the Authority Score profile),
// horizontal bars (TLDs, countries, categories) and sparklines (Overview).
//
// Everything here is data in, string out: no I/O, no terminal queries, no
// dependency on the api package. Every function returns exactly the size it
// was asked for: each line is exactly width display cells wide and Line and
// Histogram return exactly height lines (joined by "\n", no trailing newline;
// a height of 0 gives ""). Tiny sizes, empty data, NaN, ±Inf and negative
// values never panic; what does not fit is left out.
//
// Colour is emitted as ANSI SGR sequences built with x/ansi from the colours
// in [Style]; the Bubble Tea renderer downsamples them to what the terminal
// supports. With Style.NoColor (or nil colours) the output holds no escape
// sequence at all, and series are still told apart by glyph: the first
// series of a Line chart is an area of block elements (█▇▆…), the second a
// braille line (⣀⠔⠊), further ones marker glyphs (•, +, x, o, *), and a legend
// names each with its glyph.
//
// Dates are laid out in UTC.
package chart

import (
	"image/color"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Style holds the colours of a chart. The zero value draws without colour.
type Style struct {
	// Colors are the series colours, in series order (area, line, markers…);
	// they repeat when there are more series than colours.
	Colors []color.Color
	// Axis colours the axis lines and ticks, Label the tick labels, legend
	// names and bar labels/values, Muted secondary text (scale notes,
	// "no data"). A nil colour or lipgloss.NoColor{} leaves that part
	// uncoloured.
	Axis, Label, Muted color.Color
	// NoColor turns every colour off: the output holds no ANSI escape.
	NoColor bool
}

// DefaultStyle returns a palette that reads on a dark (dark=true) or light
// terminal background.
func DefaultStyle(dark bool) Style {
	ld := lipgloss.LightDark(dark)
	return Style{
		Colors: []color.Color{
			ld(lipgloss.Color("#1F5FBF"), lipgloss.Color("#4C8DF6")), // area: blue
			ld(lipgloss.Color("#C25E00"), lipgloss.Color("#FFA94D")), // line: orange
			ld(lipgloss.Color("#1E8A3A"), lipgloss.Color("#69DB7C")), // markers: green
			ld(lipgloss.Color("#9C36B5"), lipgloss.Color("#DA77F2")), // purple
			ld(lipgloss.Color("#C92A2A"), lipgloss.Color("#FF8787")), // red
		},
		Axis:  ld(lipgloss.Color("#8A8A8A"), lipgloss.Color("#5C5C5C")),
		Label: ld(lipgloss.Color("#404040"), lipgloss.Color("#B0B0B0")),
		Muted: ld(lipgloss.Color("#8A8A8A"), lipgloss.Color("#707070")),
	}
}

// Axis says which scale a Line series is drawn against.
type Axis int

const (
	// AxisLeft (the default) shares one scale with every other left series;
	// its tick labels are on the left.
	AxisLeft Axis = iota
	// AxisRight shares one scale with every other right series; its tick
	// labels are on the right.
	AxisRight
	// AxisOwn gives the series a scale of its own, with no tick labels; the
	// legend prints its range, e.g. "Authority Score (0–100)".
	AxisOwn
)

// Series is one named row of values of a Line chart; Values[i] belongs to
// dates[i]. NaN and ±Inf are gaps (interpolated over); missing values
// (Values shorter than dates) are gaps too.
type Series struct {
	Name   string
	Values []float64
	Axis   Axis
	// Min and Max, when Max > Min, fix the scale (widened if data falls
	// outside), e.g. 0 and 100 for the Authority Score. Otherwise the scale
	// is chosen from the data: see Line.
	Min, Max float64
}

// colour slots of a palette: 0 means "no colour".
const (
	cNone uint8 = iota
	cAxis
	cLabel
	cMuted
	cSeries // cSeries+i is series i
)

// palette holds the SGR parameters of each colour slot ("" = no colour).
type palette struct {
	fg []string
	bg []string
}

func newPalette(st Style, nseries int) *palette {
	nseries = min(max(nseries, 1), 201) // slots beyond share the last colour
	n := int(cSeries) + nseries
	p := &palette{fg: make([]string, n), bg: make([]string, n)}
	if st.NoColor {
		return p
	}
	set := func(i uint8, c color.Color) {
		if _, none := c.(lipgloss.NoColor); none || c == nil {
			return
		}
		p.fg[i] = ansi.Style{}.ForegroundColor(c)[0]
		p.bg[i] = ansi.Style{}.BackgroundColor(c)[0]
	}
	set(cAxis, st.Axis)
	set(cLabel, st.Label)
	set(cMuted, st.Muted)
	if len(st.Colors) > 0 {
		for i := 0; i < nseries; i++ {
			set(cSeries+uint8(i), st.Colors[i%len(st.Colors)])
		}
	}
	return p
}

// seriesSlot is the colour slot of series i (capped so it fits a uint8).
func seriesSlot(i int) uint8 {
	return cSeries + uint8(min(i, 200))
}

// sgr returns the escape that starts colour fg on background bg, or "".
func (p *palette) sgr(fg, bg uint8) string {
	var f, b string
	if int(fg) < len(p.fg) {
		f = p.fg[fg]
	}
	if int(bg) < len(p.bg) {
		b = p.bg[bg]
	}
	switch {
	case f == "" && b == "":
		return ""
	case b == "":
		return "\x1b[" + f + "m"
	case f == "":
		return "\x1b[" + b + "m"
	}
	return "\x1b[" + f + ";" + b + "m"
}
