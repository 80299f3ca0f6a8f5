package api

import (
	"strings"
	"testing"
)

func TestSanitizeHostile(t *testing.T) {
	cases := []struct{ in, want string }{
		{"\x1b]52;c;SGVsbG8=\x07", "␛]52;c;SGVsbG8=␇"},               // OSC 52 clipboard write
		{"\x1b]52;c;SGVsbG8=\x1b\\", "␛]52;c;SGVsbG8=␛\\"},           // ... with ST
		{"\x1b[31mred\x1b[0m", "␛[31mred␛[0m"},                       // CSI SGR
		{"\x1b[2J\x1b[H", "␛[2J␛[H"},                                 // clear screen
		{"\x1bP+q\x1b\\", "␛P+q␛\\"},                                 // DCS
		{"\u009b31m", "\uFFFD31m"},                                   // C1 CSI, UTF-8 encoded
		{"\u009d8;;http://evil\u009c", "\uFFFD8;;http://evil\uFFFD"}, // C1 OSC hyperlink
		{"a\x9bb\x9dc", "a\uFFFDb\uFFFDc"},                           // raw 8-bit C1 (invalid UTF-8)
		{"bell\a", "bell␇"},
		{"nul\x00", "nul␀"},
		{"del\x7f", "del␡"},
		{"tab\tcr\rlf\n", "tab cr lf "},
		{"evil\u202egnp.exe", "evilgnp.exe"},                           // RLO
		{"\u202a\u202b\u202c\u202d", ""},                               // LRE RLE PDF LRO
		{"\u2066a\u2067b\u2068c\u2069", "abc"},                         // isolates
		{"\u200eltr\u200frtl\u061c", "ltrrtl"},                         // marks
		{"zero\u200bwidth\u2060joiner\ufeffbom", "zerowidthjoinerbom"}, // ZWSP, WJ, BOM
		{"f\u2061x\u2062y\u2063z\u2064", "fxyz"},                       // invisible operators
		{"a\u206ab\u206fc", "abc"},                                     // deprecated format controls
		{"mongolian\u180eseparator", "mongolianseparator"},             // zero width since Unicode 6.3
		{"line\u2028para\u2029", "linepara"},                           // separators
		{"\xff\xfe", "\uFFFD\uFFFD"},                                   // invalid bytes
		{"trunc\xc3", "trunc\uFFFD"},                                   // truncated sequence
		{"\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD"},                         // surrogate
		{"\xc0\xaf", "\uFFFD\uFFFD"},                                   // overlong '/'
		{"\ufff9ruby\ufffb", "ruby"},                                   // interlinear annotation
	}
	for _, c := range cases {
		got := SanitizeText(c.in)
		if got != c.want {
			t.Errorf("SanitizeText(%q) = %q, want %q", c.in, got, c.want)
		}
		if bad := unsafeText(got); bad != "" {
			t.Errorf("SanitizeText(%q) = %q keeps %s", c.in, got, bad)
		}
		if again := SanitizeText(got); again != got {
			t.Errorf("not idempotent: %q -> %q", got, again)
		}
	}
}

func TestSanitizeKeepsText(t *testing.T) {
	keep := []string{
		"Plain ASCII title - with punctuation: ;,.!?'\"<>&",
		"👩‍💻 developer",            // ZWJ sequence
		"❤️ love ☺︎",               // variation selectors 16 and 15
		"👨‍👩‍👧‍👦 family",           // long ZWJ sequence
		"👍🏽 thumbs",                // skin tone modifier
		"🏴󠁧󠁢󠁳󠁣󠁴󠁿 Scotland",         // tag sequence
		"🇫🇷 France",                // regional indicators
		"cnBeta.COM - 中文业界资讯站",     // CJK
		"ＦＵＬＬＷＩＤＴＨ ｈａｌｆ",           // fullwidth
		"Cafe\u0301 Exa\u0308mple", // combining marks
		"क्षत्रिय",                 // Devanagari conjunct (virama)
		"می\u200cخواهم",            // ZWNJ in Persian
		"مرحبا بالعالم",            // Arabic (implicit RTL, no override)
		"Week’s “quotes” — dash…",  // typographic punctuation
		"\uFFFD replacement",       // a literal U+FFFD
	}
	for _, s := range keep {
		if got := SanitizeText(s); got != s {
			t.Errorf("SanitizeText(%q) = %q, want it unchanged", s, got)
		}
	}
	ascii := strings.Repeat("https://www.example.com/some/path?q=1 ", 10)
	if n := testing.AllocsPerRun(100, func() { _ = SanitizeText(ascii) }); n != 0 {
		t.Errorf("printable ASCII allocates %v times", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = SanitizeText(keep[7]) }); n != 0 {
		t.Errorf("clean UTF-8 allocates %v times", n)
	}
}
