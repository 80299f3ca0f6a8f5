package table

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
	"linkdive/ui/theme"
)

// parse reads a body through api.Parse as the app does.
func parse(t testing.TB, report string, body string) *api.Table {
	t.Helper()
	r, ok := api.LookupReport(report)
	if !ok {
		t.Fatalf("no report %s", report)
	}
	q := api.Request{Report: r, Targets: []api.Target{{Value: "example.com", Type: api.RootDomain}}}
	tb, err := api.Parse([]byte(body), q)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return tb
}

// testdata reads a file of api/testdata (fixtures/ or cases/).
func testdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "api", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func plainTable(tb *api.Table, w, h int) *Model {
	m := New(theme.Plain())
	m.SetTable(tb)
	m.SetSize(w, h)
	return m
}

// checkFrame asserts the frame is exactly h lines of exactly w cells.
func checkFrame(t testing.TB, out string, w, h int, method ansi.Method) {
	t.Helper()
	if h == 0 {
		if out != "" {
			t.Fatalf("%dx%d: want empty view, got %q", w, h, out)
		}
		return
	}
	lines := strings.Split(out, "\n")
	if len(lines) != h {
		t.Fatalf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if got := method.StringWidth(l); got != w {
			t.Fatalf("%dx%d: line %d is %d cells: %q", w, h, i, got, l)
		}
	}
}
