package api

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// Internationalised host names. The API takes host names in their ASCII
// (punycode) form, as the public suffix list does: 例え.jp is sent as
// xn--r8jz45g.jp. golang.org/x/net/idna does the UTS #46 processing
// (mapping full-width forms and ideographic full stops, normalising,
// lower-casing, the bidi and joiner rules) better than code of ours would.
//
// The profile is the lookup one without the hyphen rule, which would refuse
// real hosts such as r3---sn-abc.googlevideo.com; checkLabel still refuses a
// label that starts or ends with a hyphen.
var idnProfile = idna.New(idna.MapForLookup(), idna.BidiRule(), idna.CheckHyphens(false))

// mapIDNDots turns the full stops of East Asian scripts into ".".
func mapIDNDots(s string) string {
	return strings.NewReplacer("\u3002", ".", "\uff0e", ".", "\uff61", ".").Replace(s)
}

// idnLabel returns the ASCII form of one label of a host name: the label
// lower-cased when it is ASCII, else "xn--" and its punycode. The error says
// what a host name cannot hold.
func idnLabel(label string) (string, error) {
	ascii := true
	for _, r := range label {
		switch {
		case r < utf8.RuneSelf:
			continue // ASCII: checkLabel says what is wrong, in our words
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII, mapped by idna
		case unicode.IsLetter(r), unicode.IsMark(r), unicode.IsDigit(r):
		default:
			// Symbols pass UTS #46 lookup but not IDNA2008 registration.
			return "", fmt.Errorf("%q (%U) cannot be part of a host name", r, r)
		}
		ascii = false
	}
	if ascii {
		return strings.ToLower(label), nil
	}
	a, err := idnProfile.ToASCII(label)
	if err != nil {
		return "", fmt.Errorf("%q is not a valid international name: %v", label, err)
	}
	return a, nil
}
