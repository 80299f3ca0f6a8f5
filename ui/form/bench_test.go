package form

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func fullEditor(b *testing.B) *FilterEditor {
	f := strings.TrimSuffix(strings.Repeat("+|type||follow|-|anchor|Co|some anchor text|", 12), "|") + "|+|ip|Eq|1.2.3.4"
	e := newEditor(b, "backlinks", targets("example.com"), f)
	if len(e.rows) != 25 {
		b.Fatalf("%d rows", len(e.rows))
	}
	keys(b, e, "j", "tab", "tab", "tab")
	return e
}

func BenchmarkFilterView(b *testing.B) {
	e := fullEditor(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = e.View(160, 50)
	}
}

func BenchmarkFilterTypeKey(b *testing.B) {
	e := fullEditor(b)
	k := tea.KeyPressMsg{Code: 'x', Text: "x"}
	bs := tea.KeyPressMsg{Code: tea.KeyBackspace}
	b.ReportAllocs()
	for b.Loop() {
		e.Update(k)
		e.Update(bs)
	}
}

func BenchmarkColumnsView(b *testing.B) {
	c := NewColumnChooser(report(b, "backlinks"), nil, testKeys(), DefaultStyles())
	b.ReportAllocs()
	for b.Loop() {
		_ = c.View(160, 50)
	}
}
