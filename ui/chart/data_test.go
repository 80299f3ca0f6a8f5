package chart

import (
	"image/color"
	"math"
	"time"

	"charm.land/lipgloss/v2"
)

// historyData is two years of weekly History points (Mondays, newest first
// as the API sends them): backlinks growing with a dip, referring domains,
// Authority Score.
func historyData() ([]time.Time, []Series) {
	const n = 104
	start := time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC)
	dates := make([]time.Time, n)
	bl := make([]float64, n)
	rd := make([]float64, n)
	as := make([]float64, n)
	for k := 0; k < n; k++ {
		i := n - 1 - k // newest first
		t := float64(k) / (n - 1)
		dates[i] = start.AddDate(0, 0, 7*k)
		bl[i] = math.Round(15.2e6 + 4.2e6*t + 0.6e6*math.Sin(t*9))
		if k >= 40 && k < 52 {
			bl[i] -= 1.1e6
		}
		rd[i] = math.Round(240e3 + 60e3*t + 8e3*math.Sin(t*13+1))
		as[i] = math.Round(58 + 5*t + math.Sin(t*6))
	}
	return dates, historySeries(bl, rd, as)
}

func historySeries(bl, rd, as []float64) []Series {
	s := []Series{
		{Name: "Backlinks", Values: bl, Axis: AxisLeft},
		{Name: "Referring domains", Values: rd, Axis: AxisRight},
	}
	if as != nil {
		s = append(s, Series{Name: "Authority Score", Values: as, Axis: AxisOwn, Min: 0, Max: 100})
	}
	return s
}

// fixtureHistory is api/testdata/fixtures/backlinks_historical.csv (the
// documented example), newest first.
func fixtureHistory() ([]time.Time, []Series) {
	unix := []int64{1618185600, 1617580800, 1616976000, 1616371200, 1615766400}
	dates := make([]time.Time, len(unix))
	for i, u := range unix {
		dates[i] = time.Unix(u, 0)
	}
	bl := []float64{18768868, 19005841, 19145818, 20011497, 20669614}
	rd := []float64{266988, 270238, 270371, 309865, 383991}
	return dates, historySeries(bl, rd, nil)
}

// ascoreProfile is a full 101-bucket Authority Score profile shaped like
// real ones (many AS 0 domains, a hump in the low tens, a long thin tail);
// buckets 0–5 and 95–100 are the documented example's.
func ascoreProfile() []float64 {
	v := make([]float64, 101)
	for i := range v {
		x := float64(i)
		v[i] = math.Round(900*math.Exp(-math.Pow((x-18)/12, 2)) + 300*math.Exp(-x/25))
	}
	copy(v[0:], []float64{941, 60, 114, 227, 433, 810})
	copy(v[95:], []float64{2, 0, 1, 1, 0, 0})
	return v
}

// tld and geo are the documented examples; categories too.
var (
	tldLabels  = []string{"com", "net", "org", "uk", "au"}
	tldDomains = []float64{27755, 1894, 1486, 1267, 645}
	geoLabels  = []string{"United States", "Germany", "United Kingdom", "France", "Canada"}
	geoDomains = []float64{36489, 2594, 1750, 917, 791}
	catLabels  = []string{
		"/Business & Industrial/Advertising & Marketing/Marketing",
		"/Internet & Telecom/Web Services/Search Engine Optimization & Marketing",
		"/Business & Industrial/Advertising & Marketing/Brand Management",
		"/Business & Industrial/Advertising & Marketing/Sales",
		"/Internet & Telecom/Web Services/Web Design & Development",
	}
	catRatings = []float64{2188, 1975, 1725, 1116, 1001}
)

// testStyle is a fixed colour style (DefaultStyle may be retuned).
func testStyle() Style {
	return Style{
		Colors: []color.Color{lipgloss.Color("#4C8DF6"), lipgloss.Color("#FFA94D"), lipgloss.Color("#69DB7C")},
		Axis:   lipgloss.Color("#5C5C5C"),
		Label:  lipgloss.Color("#B0B0B0"),
		Muted:  lipgloss.Color("#707070"),
	}
}

var plain = Style{NoColor: true}
