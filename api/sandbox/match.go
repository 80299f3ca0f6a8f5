package sandbox

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"linkdive/api"
)

// textMatch applies a text operation, case-insensitively. v must already be
// lower-case.
func textMatch(op api.Op, s, v string) bool {
	s = strings.ToLower(s)
	switch op {
	case api.OpEq, api.OpNone:
		return s == v
	case api.OpCo:
		return strings.Contains(s, v)
	case api.OpBw:
		return strings.HasPrefix(s, v)
	case api.OpEw:
		return strings.HasSuffix(s, v)
	case api.OpWm:
		return wordMatch(s, v)
	}
	return false
}

// wordMatch reports whether v occurs in s bounded by non-word characters.
func wordMatch(s, v string) bool {
	if v == "" {
		return false
	}
	for off := 0; off <= len(s)-len(v); {
		i := strings.Index(s[off:], v)
		if i < 0 {
			return false
		}
		i += off
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(v):])
		if (i == 0 || !isWord(before)) && (i+len(v) == len(s) || !isWord(after)) {
			return true
		}
		off = i + 1
	}
	return false
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }

// metricMatch applies Eq/Gt/Lt to an integer.
func metricMatch(op api.Op, x int64, v string) bool {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return false
	}
	switch op {
	case api.OpEq:
		return x == n
	case api.OpGt:
		return x > n
	case api.OpLt:
		return x < n
	}
	return false
}

// hostMatch is the refdomain field: Eq is host equality that also matches
// the www.-less form; the other text operations apply to the host and to
// its www.-less form.
func hostMatch(op api.Op, host, v string) bool {
	host = strings.ToLower(host)
	bare := strings.TrimPrefix(host, "www.")
	if op == api.OpEq {
		return host == v || bare == strings.TrimPrefix(v, "www.")
	}
	return textMatch(op, host, v) || textMatch(op, bare, v)
}

// condFn is one compiled condition; conds are AND-ed, "-" negates.
func allOf(fs []func(i int) bool) func(i int) bool {
	if len(fs) == 0 {
		return nil
	}
	return func(i int) bool {
		for _, f := range fs {
			if !f(i) {
				return false
			}
		}
		return true
	}
}

func signed(c api.Cond, f func(i int) bool) func(i int) bool {
	if c.Exclude {
		return func(i int) bool { return !f(i) }
	}
	return f
}
