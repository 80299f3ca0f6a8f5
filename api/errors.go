package api

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Error codes of the API that the client treats specially.
const (
	CodeNothingFound   = 50
	CodeInvalidKey     = 110
	CodeWrongKey       = 120
	CodeEmptyHash      = 121
	CodeEmptyKey       = 122
	CodeAPIDisabled    = 130
	CodeLimitExceeded  = 131
	CodeBalanceZero    = 132
	CodeTotalLimit     = 134
	CodeReportDisabled = 135
	CodeRateLimited    = 429
	CodeInternal       = 500
	CodeOffsetTooLarge = 605
	CodeTooManyRows    = 613
)

// APIError is an "ERROR <code> :: <MESSAGE>" body.
type APIError struct {
	Code    int
	Message string
	Status  int // HTTP status it came with
}

func (e *APIError) Error() string {
	return fmt.Sprintf("API error %d: %s", e.Code, e.Message)
}

// Temporary reports whether trying again later may succeed.
// The code decides: a wrong key or an empty balance stays so whatever HTTP
// status it came with.
func (e *APIError) Temporary() bool {
	return e.Code == CodeInternal || e.Code == CodeRateLimited
}

// Hint is a short advice for the user, or "".
func (e *APIError) Hint() string {
	switch e.Code {
	case CodeInvalidKey, CodeWrongKey, CodeEmptyHash, CodeEmptyKey:
		return "check the API key (SEMRUSH_API_KEY or the config file); reports take the v3 key"
	case CodeAPIDisabled:
		return "the subscription has no API access"
	case CodeBalanceZero:
		return "the API units balance is used up"
	case CodeLimitExceeded, CodeTotalLimit:
		return "a request limit of the account is reached"
	case CodeReportDisabled:
		return "this report is not available to the account"
	case CodeRateLimited:
		return "too many requests; slow down"
	case CodeInternal:
		return "the API failed; try again later"
	}
	return ""
}

// IsNothingFound reports whether err is ERROR 50 :: NOTHING FOUND.
func IsNothingFound(err error) bool {
	var ae *APIError
	return errors.As(err, &ae) && ae.Code == CodeNothingFound
}

// IsBalanceZero reports whether err says the units balance is used up.
func IsBalanceZero(err error) bool {
	var ae *APIError
	return errors.As(err, &ae) && ae.Code == CodeBalanceZero
}

// TransportError is a failure below the API's own error language: the
// network, an HTTP status without an ERROR line, an empty or HTML body.
type TransportError struct {
	Status int    // HTTP status, 0 when none was received
	Msg    string // what went wrong, already redacted
	Err    error  // the cause, already redacted
	// Cut: a 2xx response whose body broke off mid-way. The API answered
	// and may have charged it (see CutOffError).
	Cut bool
}

func (e *TransportError) Error() string {
	s := e.Msg
	if e.Status != 0 {
		s = fmt.Sprintf("HTTP %d: %s", e.Status, s)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *TransportError) Unwrap() error { return e.Err }

// Temporary reports whether trying again may succeed: network failures,
// HTTP 429 and 5xx.
func (e *TransportError) Temporary() bool {
	return e.Status == 0 || e.Status == 429 || e.Status >= 500
}

// CutOffError is the error of a request whose 2xx response was cut off
// mid-body. It may have been charged: its worst-case cost is in the ledger
// (a Spend marked Uncertain) and counts against the budget. It is not
// retried, which could charge it twice.
type CutOffError struct {
	Units int64 // counted: the request's EstimateCost
	Err   error // the *TransportError
}

func (e *CutOffError) Error() string {
	return fmt.Sprintf("%s: the response was cut off; the API may have charged it: counted up to %s units",
		e.Err.Error(), Thousands(e.Units))
}

func (e *CutOffError) Unwrap() error { return e.Err }

// ValidationError is a request refused before it was sent: zero units spent.
type ValidationError struct {
	Report string
	Msg    string
}

func (e *ValidationError) Error() string {
	if e.Report == "" {
		return "invalid request: " + e.Msg
	}
	return e.Report + " " + e.Msg
}

var errorLine = regexp.MustCompile(`^ERROR\s*(\d+)\s*::\s*(.*?)\s*$`)

// ParseErrorBody recognises an error body: one line "ERROR <code> :: <MESSAGE>"
// (spacing varies; a BOM and surrounding blank space are tolerated).
func ParseErrorBody(body []byte) (*APIError, bool) {
	s := strings.TrimPrefix(string(firstBytes(body, 4096)), "\uFEFF")
	s = strings.TrimLeft(s, " \t\r\n")
	if !strings.HasPrefix(s, "ERROR") {
		return nil, false
	}
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	m := errorLine.FindStringSubmatch(s)
	if m == nil {
		return nil, false
	}
	code, err := strconv.Atoi(m[1])
	if err != nil {
		return nil, false
	}
	return &APIError{Code: code, Message: SanitizeText(m[2])}, true
}

func firstBytes(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

var keyParam = regexp.MustCompile(`(?i)((?:^|[?&;\s"'])key=)[^&\s"']*`)

// Redacted is what a key is replaced with wherever text may be shown.
const Redacted = "REDACTED"

// Redact removes the API key from s: every key= parameter value, and the key
// itself wherever it appears (also percent-encoded).
func Redact(s, key string) string {
	s = keyParam.ReplaceAllString(s, "${1}"+Redacted)
	if key != "" {
		s = strings.ReplaceAll(s, key, Redacted)
		if esc := escapeValue(key, false); esc != key {
			s = strings.ReplaceAll(s, esc, Redacted)
		}
	}
	return s
}
