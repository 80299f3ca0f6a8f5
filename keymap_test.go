package main

import (
	"strings"
	"testing"
)

func TestDefaultKeysDoNotConflict(t *testing.T) {
	if c := keyConflicts(keyMap(nil)); len(c) > 0 {
		t.Fatalf("default bindings conflict: %v", c)
	}
	c := keyConflicts(keyMap(map[string][]string{"quit": {"j"}}))
	if len(c) != 1 || !strings.Contains(c[0], `j is bound to both "down" and "quit"`) {
		t.Fatalf("quit = j must be reported: %v", c)
	}
}
