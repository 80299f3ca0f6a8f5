//go:build !race

package table

import "testing"

// TestTableHeap1M measures the heap 1,000,000 backlinks rows with the
// report's default columns take in *api.Table after api.Parse (target
// < 600 MB). Not under -race (slow, and shadow memory is beside the point)
// nor -short.
func TestTableHeap1M(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	const n = 1000000
	h := tableHeap(t, n)
	t.Logf("1,000,000 rows: %.1f MB (%.0f bytes/row)", float64(h)/1e6, float64(h)/n)
	if h >= 600e6 {
		t.Errorf("table takes %.1f MB, want < 600 MB", float64(h)/1e6)
	}
}
