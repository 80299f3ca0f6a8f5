package main

import (
	"fmt"
	"io"

	"linkdive/api"
)

// The CSV, TSV, JSON and text writers live in package api/export, where the
// explorer's export uses them too.

// thousands formats n with comma thousands separators.
func thousands(n int64) string { return api.Thousands(n) }

// reportIssues tells on stderr which rows were repaired or flagged; first
// is the number of rows before the table (its page's offset).
func reportIssues(w io.Writer, t *api.Table, first int) {
	for _, is := range t.Issues {
		fmt.Fprintln(w, issueLine(is, first))
	}
}

func issueLine(is api.RowIssue, first int) string {
	state := "flagged"
	if is.Repaired {
		state = "repaired"
	}
	return fmt.Sprintf("row %d %s: %s", first+is.Row+1, state, is.Msg)
}
