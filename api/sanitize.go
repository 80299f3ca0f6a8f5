package api

import (
	"strings"
	"unicode/utf8"
)

// SanitizeText makes a string from the API safe to put on a terminal. It is
// applied once, when a value is decoded; styling is added by the UI later.
//
//   - C0 controls become their visible Control Pictures (ESC -> ␛, BEL -> ␇),
//     so an escape sequence shows as harmless text ("␛[31m") instead of
//     acting; tab, CR and LF become a space.
//   - DEL becomes ␡; C1 controls (U+0080-U+009F, which include the 8-bit CSI
//     and OSC introducers) and invalid UTF-8 become U+FFFD.
//   - Bidi overrides and isolates, zero-width spaces, word joiners, invisible
//     operators, the BOM and line/paragraph separators are removed (they
//     reorder or hide text).
//     ZWJ and variation selectors stay: emoji sequences need them.
//
// Printable ASCII, the common case, is returned as is without allocating.
func SanitizeText(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			break
		}
		if c >= 0x80 {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unsafeRune(r, n) {
				break
			}
			i += n
			continue
		}
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		switch {
		case c == '\t' || c == '\n' || c == '\r':
			b.WriteByte(' ')
			i++
		case c < 0x20:
			b.WriteRune(rune(0x2400 + int(c)))
			i++
		case c == 0x7f:
			b.WriteRune('\u2421')
			i++
		case c < 0x80:
			b.WriteByte(c)
			i++
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			switch {
			case r == utf8.RuneError && n <= 1, r >= 0x80 && r <= 0x9f:
				b.WriteRune(utf8.RuneError)
			case dropRune(r):
			default:
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

func unsafeRune(r rune, n int) bool {
	return (r == utf8.RuneError && n <= 1) || (r >= 0x80 && r <= 0x9f) || dropRune(r)
}

// dropRune reports invisible format characters that can reorder or hide text.
func dropRune(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e: // LRE RLE PDF LRO RLO
		return true
	case r >= 0x2060 && r <= 0x206f: // WJ, invisible operators, LRI RLI FSI PDI, deprecated format controls
		return true
	case r == 0x200b || r == 0x200e || r == 0x200f: // ZWSP, LRM, RLM
		return true
	case r == 0xfeff || r == 0x2028 || r == 0x2029 || r == 0x061c || r == 0x180e:
		return true
	case r >= 0xfff9 && r <= 0xfffb: // interlinear annotation controls
		return true
	}
	return false
}
