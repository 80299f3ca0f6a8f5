package export_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"linkdive/api"
	"linkdive/api/export"
)

// table parses a body of the refdomains fixture shape.
func table(t testing.TB, rows int) (*api.Table, api.Request) {
	t.Helper()
	r, _ := api.LookupReport("refdomains")
	tg, _ := api.NewTarget("example.com/path?x=1", "")
	q := api.Request{Report: r, Targets: []api.Target{tg}, Count: rows,
		Sort: api.Sort{Key: "domain_ascore", Desc: true}, Filter: api.Filter{{Field: "country", Value: "us"}}}
	var b strings.Builder
	b.WriteString("domain_ascore;domain;backlinks_num;ip;country;first_seen;last_seen\r\n")
	for i := 0; i < rows; i++ {
		b.WriteString("86;dom" + string(rune('a'+i%26)) + ".com;1850868;192.0.2.1;us;1495338484;\r\n")
	}
	tbl, err := api.Parse([]byte(b.String()), q)
	if err != nil {
		t.Fatal(err)
	}
	return tbl, q
}

func TestFormats(t *testing.T) {
	tbl, _ := table(t, 2)
	var csv, tsv, js bytes.Buffer
	if err := export.WriteCSV(&csv, tbl); err != nil {
		t.Fatal(err)
	}
	if csv.String() != "domain_ascore,domain,backlinks_num,ip,country,first_seen,last_seen\n86,doma.com,1850868,192.0.2.1,us,1495338484,\n86,domb.com,1850868,192.0.2.1,us,1495338484,\n" {
		t.Errorf("csv:\n%s", csv.String())
	}
	export.WriteTSV(&tsv, tbl)
	if !strings.HasPrefix(tsv.String(), "domain_ascore\tdomain\t") || strings.Count(tsv.String(), "\n") != 3 {
		t.Errorf("tsv:\n%s", tsv.String())
	}
	export.WriteJSON(&js, tbl)
	want := "[\n  {\"domain_ascore\": 86, \"domain\": \"doma.com\", \"backlinks_num\": 1850868, \"ip\": \"192.0.2.1\", \"country\": \"us\", \"first_seen\": 1495338484, \"last_seen\": null},\n  {\"domain_ascore\": 86, \"domain\": \"domb.com\", \"backlinks_num\": 1850868, \"ip\": \"192.0.2.1\", \"country\": \"us\", \"first_seen\": 1495338484, \"last_seen\": null}\n]\n"
	if js.String() != want {
		t.Errorf("json:\n%s\nwant\n%s", js.String(), want)
	}
	empty := api.NewTable(tbl.Columns)
	js.Reset()
	export.WriteJSON(&js, empty)
	if js.String() != "[]\n" {
		t.Errorf("empty json %q", js.String())
	}
}

// Pages streamed one by one give the same bytes as the whole table.
func TestStreamEqualsWhole(t *testing.T) {
	whole, _ := table(t, 25)
	for _, f := range []export.Format{export.CSV, export.TSV, export.JSON, export.Text} {
		var a, b bytes.Buffer
		if err := export.Write(&a, f, whole); err != nil {
			t.Fatal(err)
		}
		s, _ := export.NewStream(&b, f)
		for from := 0; from < 25; from += 10 {
			if err := s.Write(whole.Slice(from, from+10)); err != nil {
				t.Fatal(err)
			}
		}
		s.Close()
		if a.String() != b.String() {
			t.Errorf("%s: streamed pages differ from the whole table", f)
		}
	}
}

func TestWriteFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "exports")
	tbl, q := table(t, 3)
	m := export.MetaFor(q, "demo")
	m.Exported = time.Date(2026, 12, 1, 9, 5, 7, 0, time.UTC)
	p1, err := export.WriteFile(dir, "", export.CSV, tbl, m)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(p1) != "backlinks_refdomains_example.com-path-x-1_20261201-090507.csv" {
		t.Errorf("name %s", filepath.Base(p1))
	}
	p2, err := export.WriteFile(dir, "", export.CSV, tbl, m)
	if err != nil || filepath.Base(p2) != "backlinks_refdomains_example.com-path-x-1_20261201-090507-2.csv" {
		t.Fatalf("second export in the same second: %s %v", p2, err)
	}
	b1, _ := os.ReadFile(p1)
	if !strings.HasPrefix(string(b1), "domain_ascore,domain,") || strings.Count(string(b1), "\n") != 4 {
		t.Errorf("csv file:\n%s", b1)
	}
	st, _ := os.Stat(p1)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	pj, err := export.WriteFile(dir, "", export.JSON, tbl, m)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Version int `json:"linkdive_export"`
		Request export.Meta
		Rows    []map[string]any
	}
	bj, _ := os.ReadFile(pj)
	if err := json.Unmarshal(bj, &doc); err != nil {
		t.Fatalf("%v\n%s", err, bj)
	}
	if doc.Version != 1 || doc.Request.Report != "backlinks_refdomains" || doc.Request.Sort != "domain_ascore_desc" ||
		doc.Request.Filter != "+|country||us" || doc.Request.Rows != 3 || len(doc.Rows) != 3 || doc.Rows[2]["backlinks_num"] != float64(1850868) {
		t.Fatalf("json export: %+v", doc)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 3 {
		t.Errorf("%d files in the export dir (temporary files left?)", len(ents))
	}
	if _, err := export.WriteFile(dir, "../escape.csv", export.CSV, tbl, m); err == nil {
		t.Error("a name with a path was accepted")
	}
}

func BenchmarkExport(b *testing.B) {
	tbl, _ := table(b, 10000)
	for _, f := range []export.Format{export.CSV, export.JSON} {
		b.Run(string(f)+"-10000-rows", func(b *testing.B) {
			var buf bytes.Buffer
			export.Write(&buf, f, tbl)
			b.SetBytes(int64(buf.Len()))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				buf.Reset()
				if err := export.Write(&buf, f, tbl); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
