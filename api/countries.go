package api

import "strings"

// countries maps lower-case ISO 3166 alpha-2 codes to the English names the
// backlinks_geo report uses. Refdomain filters take the code; geo rows carry
// the name; drill-down from a country row needs both directions.
var countries = [][2]string{
	{"us", "United States"}, {"de", "Germany"}, {"gb", "United Kingdom"}, {"fr", "France"},
	{"ca", "Canada"}, {"nl", "Netherlands"}, {"ru", "Russian Federation"}, {"jp", "Japan"},
	{"cn", "China"}, {"in", "India"}, {"br", "Brazil"}, {"au", "Australia"},
	{"it", "Italy"}, {"es", "Spain"}, {"pl", "Poland"}, {"se", "Sweden"},
	{"ch", "Switzerland"}, {"kr", "Korea, Republic of"}, {"sg", "Singapore"}, {"ie", "Ireland"},
	{"ua", "Ukraine"}, {"cz", "Czech Republic"}, {"at", "Austria"}, {"be", "Belgium"},
	{"dk", "Denmark"}, {"fi", "Finland"}, {"no", "Norway"}, {"pt", "Portugal"},
	{"tr", "Turkey"}, {"mx", "Mexico"}, {"ar", "Argentina"}, {"za", "South Africa"},
	{"id", "Indonesia"}, {"vn", "Viet Nam"}, {"th", "Thailand"}, {"hk", "Hong Kong"},
	{"tw", "Taiwan"}, {"il", "Israel"}, {"ro", "Romania"}, {"bg", "Bulgaria"},
	{"hu", "Hungary"}, {"gr", "Greece"}, {"nz", "New Zealand"}, {"my", "Malaysia"},
	{"ph", "Philippines"}, {"cl", "Chile"}, {"co", "Colombia"}, {"ae", "United Arab Emirates"},
	{"sk", "Slovakia"}, {"lt", "Lithuania"}, {"lv", "Latvia"}, {"ee", "Estonia"},
	{"by", "Belarus"}, {"kz", "Kazakhstan"}, {"eg", "Egypt"}, {"ng", "Nigeria"},
	{"pk", "Pakistan"}, {"bd", "Bangladesh"}, {"ir", "Iran"}, {"sa", "Saudi Arabia"},
	{"pe", "Peru"}, {"rs", "Serbia"}, {"hr", "Croatia"}, {"si", "Slovenia"},
	{"is", "Iceland"}, {"lu", "Luxembourg"}, {"md", "Moldova"}, {"ge", "Georgia"},
}

var (
	codeToName = map[string]string{}
	nameToCode = map[string]string{}
)

func init() {
	for _, c := range countries {
		codeToName[c[0]] = c[1]
		nameToCode[strings.ToLower(c[1])] = c[0]
	}
}

// CountryName returns the English name of an ISO alpha-2 code.
func CountryName(code string) (string, bool) {
	n, ok := codeToName[strings.ToLower(code)]
	return n, ok
}

// CountryCode returns the ISO alpha-2 code of an English country name.
func CountryCode(name string) (string, bool) {
	c, ok := nameToCode[strings.ToLower(strings.TrimSpace(name))]
	return c, ok
}

// CountryCodes lists the known codes in catalogue order.
func CountryCodes() []string {
	out := make([]string, len(countries))
	for i, c := range countries {
		out[i] = c[0]
	}
	return out
}
