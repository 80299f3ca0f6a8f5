package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The targets history drops what NewTarget refuses (an e-mail address, a
// port, credentials, bad labels) and keeps the rest in normal form.
func TestHistoryDropsInvalidTargets(t *testing.T) {
	p := filepath.Join(t.TempDir(), "targets")
	lines := []string{"good.com", "user@example.com", "example.com:8080", "https://user:pw@example.com/",
		"-foo-.com", "exa_mple.com", "a..com", "例え.jp", "https://Example.com/Page"}
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(readHistory(p), " ")
	if want := "good.com xn--r8jz45g.jp https://example.com/Page"; got != want {
		t.Fatalf("history %q, want %q", got, want)
	}
}
