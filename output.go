package main

import (
	"fmt"
	"io"

	"linkdive/api"
	"linkdive/api/export"
)

// The CSV, TSV, JSON and text writers live in package api/export, where the
// explorer's export uses them too.

// thousands formats n with comma thousands separators.
func thousands(n int64) string { return export.Thousands(n) }

// reportIssues tells on stderr which rows were repaired or flagged.
func reportIssues(w io.Writer, t *api.Table) {
	for _, is := range t.Issues {
		state := "flagged"
		if is.Repaired {
			state = "repaired"
		}
		fmt.Fprintf(w, "row %d %s: %s\n", is.Row+1, state, is.Msg)
	}
}
