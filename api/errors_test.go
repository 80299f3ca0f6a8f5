package api

import (
	"errors"
	"strings"
	"testing"
)

func TestParseErrorForms(t *testing.T) {
	q := Request{Report: mustReport(t, "backlinks"), Targets: []Target{{"example.com", RootDomain}}, Count: 10}
	cases := []struct {
		name, body string
		code       int
		msg        string
	}{
		{"spaced", "ERROR 50 :: NOTHING FOUND", 50, "NOTHING FOUND"},
		{"docs spacing", "ERROR 50:: NOTHING FOUND", 50, "NOTHING FOUND"},
		{"no spaces", "ERROR 50::NOTHING FOUND", 50, "NOTHING FOUND"},
		{"crlf", "ERROR 50 :: NOTHING FOUND\r\n", 50, "NOTHING FOUND"},
		{"lf", "ERROR 50 :: NOTHING FOUND\n", 50, "NOTHING FOUND"},
		{"bom", "\uFEFFERROR 50 :: NOTHING FOUND\r\n", 50, "NOTHING FOUND"},
		{"leading newline and spaces", "\n  ERROR 50 :: NOTHING FOUND", 50, "NOTHING FOUND"},
		{"leading crlf", "\r\n\r\nERROR 50 :: NOTHING FOUND\r\n", 50, "NOTHING FOUND"},
		{"trailing spaces", "ERROR 50 :: NOTHING FOUND   \t", 50, "NOTHING FOUND"},
		{"balance zero", "ERROR 132 :: API UNITS BALANCE IS ZERO", 132, "API UNITS BALANCE IS ZERO"},
		{"wrong key", "ERROR 120 :: WRONG KEY - ID PAIR", 120, "WRONG KEY - ID PAIR"},
		{"empty key", "ERROR 122 :: WRONG FORMAT OR EMPTY KEY", 122, "WRONG FORMAT OR EMPTY KEY"},
		{"report disabled", "ERROR 135 :: API REPORT TYPE DISABLED", 135, "API REPORT TYPE DISABLED"},
		{"duplicate domains", "ERROR 402 :: Request param not valid:: Duplicate domains", 402, "Request param not valid:: Duplicate domains"},
		{"duplicate domains docs", "ERROR 402:: Request param not valid:: Duplicate domains", 402, "Request param not valid:: Duplicate domains"},
		{"offset", "ERROR 605 :: display_offset equals or exceeds display_limit", 605, "display_offset equals or exceeds display_limit"},
		{"10000 series", "ERROR 10013 :: Wrong parameter 'target'. Required parameter is missing.", 10013, "Wrong parameter 'target'. Required parameter is missing."},
		{"internal", "ERROR 500 :: Internal Error\r\n", 500, "Internal Error"},
		{"second line ignored", "ERROR 131 :: LIMIT EXCEEDED\r\nsomething else", 131, "LIMIT EXCEEDED"},
		{"hostile message", "ERROR 120 :: WRONG \x1b]52;c;aGk=\x07KEY\u202e", 120, "WRONG ␛]52;c;aGk=␇KEY"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ae, ok := ParseErrorBody([]byte(c.body))
			if !ok {
				t.Fatalf("ParseErrorBody(%q) did not recognise the error", c.body)
			}
			if ae.Code != c.code || ae.Message != c.msg {
				t.Fatalf("got %d %q, want %d %q", ae.Code, ae.Message, c.code, c.msg)
			}
			tbl, err := Parse([]byte(c.body), q)
			if c.code == CodeNothingFound {
				if err != nil {
					t.Fatalf("NOTHING FOUND is an empty result, got error %v", err)
				}
				if !tbl.NothingFound || tbl.Len() != 0 {
					t.Fatalf("NothingFound=%v Len=%d", tbl.NothingFound, tbl.Len())
				}
				if got, want := len(tbl.Columns), len(q.ColumnsOrDefault()); got != want {
					t.Fatalf("empty result has %d columns, want the %d asked", got, want)
				}
				return
			}
			var pe *APIError
			if !errors.As(err, &pe) || pe.Code != c.code {
				t.Fatalf("Parse: %v (%T), want *APIError %d", err, err, c.code)
			}
			if tbl != nil {
				t.Fatalf("an error body gave a table")
			}
			if strings.Contains(err.Error(), "\x1b") || strings.Contains(err.Error(), "\u202e") {
				t.Fatalf("error text not sanitised: %q", err.Error())
			}
		})
	}
}

func TestParseErrorKinds(t *testing.T) {
	cases := []struct {
		code      int
		temporary bool
		nothing   bool
		balance   bool
	}{
		{50, false, true, false},
		{120, false, false, false},
		{122, false, false, false},
		{132, false, false, true},
		{135, false, false, false},
		{402, false, false, false},
		{429, true, false, false},
		{500, true, false, false},
		{605, false, false, false},
		{10013, false, false, false},
	}
	for _, c := range cases {
		e := &APIError{Code: c.code, Message: "x", Status: 200}
		if e.Temporary() != c.temporary || IsNothingFound(e) != c.nothing || IsBalanceZero(e) != c.balance {
			t.Errorf("code %d: temporary %v nothing %v balance %v", c.code, e.Temporary(), IsNothingFound(e), IsBalanceZero(e))
		}
	}
	if (&APIError{Code: CodeBalanceZero, Status: 403}).Temporary() {
		t.Errorf("132 with HTTP 403 is not temporary")
	}
	for _, code := range []int{110, 120, 121, 122, 130, 131, 132, 134, 135, 429, 500} {
		if (&APIError{Code: code}).Hint() == "" {
			t.Errorf("code %d has no hint", code)
		}
	}
}

func TestParseNotErrors(t *testing.T) {
	q := Request{Report: mustReport(t, "backlinks"), Targets: []Target{{"example.com", RootDomain}}, Count: 10}
	cases := []struct{ name, body, want string }{
		{"empty", "", "empty"},
		{"blank lines", "\r\n\r\n  \n", "empty"},
		{"bom only", "\uFEFF", "empty"},
		{"html", "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", "HTML"},
		{"html after blank", "\n  <html><head><title>Error</title></head></html>", "HTML"},
		{"not an error line", "ERROR :: SOMETHING", "ERROR line"},
		{"error word and no code", "ERROR", "ERROR line"},
		{"huge code", "ERROR 99999999999999999999999 :: X", "ERROR line"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tbl, err := Parse([]byte(c.body), q)
			var te *TransportError
			if !errors.As(err, &te) {
				t.Fatalf("Parse(%q) = %v, %v; want a *TransportError", c.body, tbl, err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q does not say %q", err.Error(), c.want)
			}
		})
	}
	for _, s := range []string{"ERRORS;count\n1;2", "page_ascore;ERROR 50 :: X", "error 50 :: NOTHING FOUND;x"} {
		if _, ok := ParseErrorBody([]byte(s)); ok {
			t.Errorf("ParseErrorBody(%q) took a CSV for an error", s)
		}
	}
}

func TestErrorCaseFile(t *testing.T) {
	body := readTestdata(t, "testdata/cases/error-with-http-200.txt")
	q := Request{Report: mustReport(t, "refdomains"), Targets: []Target{{"example.com", RootDomain}}, Count: 100}
	tbl, err := Parse(body, q)
	if err != nil || !tbl.NothingFound || tbl.Len() != 0 {
		t.Fatalf("Parse(%q) = %+v, %v; want an empty NothingFound table", body, tbl, err)
	}
}

func TestRedact(t *testing.T) {
	const key = "0123456789abcdef0123456789abcdef"
	cases := []string{
		"GET https://api.semrush.com/analytics/v1/?key=" + key + "&type=backlinks: timeout",
		"Get \"https://x/?type=a&key=" + key + "\": EOF",
		"https://x/?KEY=" + key,
		"redirect to /leak/" + key + "/page",
		`{"key":"` + key + `"}`,
		"key=" + key,
	}
	for _, s := range cases {
		got := Redact(s, key)
		if strings.Contains(got, key) {
			t.Errorf("Redact(%q) = %q still holds the key", s, got)
		}
	}
	// A key= parameter is redacted even when the key is not known.
	if got := Redact("https://x/?type=a&key=secret123&b=1", ""); strings.Contains(got, "secret123") || !strings.Contains(got, "b=1") {
		t.Errorf("Redact without a key = %q", got)
	}
	// A key with characters that percent-encoding changes.
	odd := "ab+c/d=="
	if got := Redact("https://x/?key=ab%2Bc%2Fd%3D%3D&type=a and "+odd, odd); strings.Contains(got, "ab%2Bc") || strings.Contains(got, odd) {
		t.Errorf("Redact of an encoded key = %q", got)
	}
}
