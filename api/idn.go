package api

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Internationalised host names. The API takes host names in their ASCII
// (punycode) form, as the public suffix list does: 例え.jp is sent as
// xn--r8jz45g.jp.
//
// golang.org/x/net/idna would do the full UTS #46 processing but needs
// golang.org/x/text, which is not in go.mod; this is the standard-library
// part of it: full-width forms and ideographic full stops are mapped,
// letters lower-cased, labels of anything but letters, marks, digits and
// hyphens refused, and each non-ASCII label encoded with Punycode (RFC 3492).
// Not done: Unicode normalisation (a name typed in decomposed form, "e" +
// U+0301, is encoded as typed), and the IDNA2008 context rules.

// acePrefix starts every punycode label.
const acePrefix = "xn--"

// mapIDNDots turns the full stops of East Asian scripts into ".".
func mapIDNDots(s string) string {
	return strings.NewReplacer("\u3002", ".", "\uff0e", ".", "\uff61", ".").Replace(s)
}

// idnLabel returns the ASCII form of one label of a host name: the label
// itself (lower-cased) when it is ASCII, else "xn--" and its punycode. The
// error names the character a host name cannot hold.
func idnLabel(label string) (string, error) {
	ascii := true
	for i := 0; i < len(label); i++ {
		if label[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(label), nil
	}
	var b strings.Builder
	for _, r := range label {
		if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII
			r -= 0xFEE0
		}
		r = unicode.ToLower(r)
		switch {
		case r < utf8.RuneSelf:
			// checked with the ASCII labels
		case unicode.IsLetter(r), unicode.IsMark(r), unicode.IsDigit(r):
		default:
			return "", fmt.Errorf("%q (%U) cannot be part of a host name", r, r)
		}
		b.WriteRune(r)
	}
	mapped := b.String()
	for i := 0; i < len(mapped); i++ {
		if mapped[i] >= utf8.RuneSelf {
			return punycode(acePrefix, mapped)
		}
	}
	return mapped, nil // only full-width ASCII
}

// Punycode parameters (RFC 3492, section 5).
const (
	pcBase        int32 = 36
	pcDamp        int32 = 700
	pcInitialBias int32 = 72
	pcInitialN    int32 = 128
	pcSkew        int32 = 38
	pcTmax        int32 = 26
	pcTmin        int32 = 1
)

// punycode encodes s (RFC 3492, section 6.3) after prefix. Adapted from
// the Go standard library's net/http/cookiejar (BSD licence, the Go
// Authors).
func punycode(prefix, s string) (string, error) {
	out := make([]byte, len(prefix), len(prefix)+1+2*len(s))
	copy(out, prefix)
	delta, n, bias := int32(0), pcInitialN, pcInitialBias
	b, remaining := int32(0), int32(0)
	for _, r := range s {
		if r < utf8.RuneSelf {
			b++
			out = append(out, byte(r))
		} else {
			remaining++
		}
	}
	h := b
	if b > 0 {
		out = append(out, '-')
	}
	for remaining != 0 {
		m := int32(0x7fffffff)
		for _, r := range s {
			if m > r && r >= n {
				m = r
			}
		}
		delta += (m - n) * (h + 1)
		if delta < 0 {
			return "", fmt.Errorf("label %q is too long to encode", s)
		}
		n = m
		for _, r := range s {
			if r < n {
				delta++
				if delta < 0 {
					return "", fmt.Errorf("label %q is too long to encode", s)
				}
				continue
			}
			if r > n {
				continue
			}
			q := delta
			for k := pcBase; ; k += pcBase {
				t := min(max(k-bias, pcTmin), pcTmax)
				if q < t {
					break
				}
				out = append(out, pcDigit(t+(q-t)%(pcBase-t)))
				q = (q - t) / (pcBase - t)
			}
			out = append(out, pcDigit(q))
			bias = pcAdapt(delta, h+1, h == b)
			delta = 0
			h++
			remaining--
		}
		delta++
		n++
	}
	return string(out), nil
}

func pcDigit(d int32) byte {
	if d < 26 {
		return byte(d + 'a')
	}
	return byte(d - 26 + '0')
}

// pcAdapt is the bias adaptation of RFC 3492, section 6.1.
func pcAdapt(delta, numPoints int32, first bool) int32 {
	if first {
		delta /= pcDamp
	} else {
		delta /= 2
	}
	delta += delta / numPoints
	k := int32(0)
	for delta > ((pcBase-pcTmin)*pcTmax)/2 {
		delta /= pcBase - pcTmin
		k += pcBase
	}
	return k + (pcBase-pcTmin+1)*delta/(delta+pcSkew)
}
