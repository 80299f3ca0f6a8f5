package export

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"linkdive/api"
)

// Meta describes what an exported table is. JSON files carry it (see
// WriteFile); CSV and TSV have no place for it and carry none: the file
// name says the report, the target and the time.
type Meta struct {
	Report    string    `json:"report"` // wire type
	Targets   []string  `json:"targets"`
	Sort      string    `json:"sort,omitempty"`   // display_sort
	Filter    string    `json:"filter,omitempty"` // display_filter, unencoded
	Columns   []string  `json:"columns"`
	Offset    int       `json:"offset,omitempty"` // first row of the table in the report
	Rows      int       `json:"rows"`             // rows exported
	Endpoint  string    `json:"endpoint,omitempty"`
	Exported  time.Time `json:"exported"`
	FetchedAt time.Time `json:"fetched_at,omitzero"` // oldest page's fetch time, when known
}

// MetaFor describes the rows of q (the request of the first page loaded;
// its Offset is the first row). endpoint is a label such as "live" or
// "demo" (spendlog.EndpointLabel); it must hold no key.
func MetaFor(q api.Request, endpoint string) Meta {
	m := Meta{Sort: q.Sort.String(), Filter: q.Filter.String(), Offset: q.Offset, Endpoint: endpoint}
	if q.Report != nil {
		m.Report = q.Report.Type
		m.Columns = append([]string(nil), q.ColumnsOrDefault()...)
	}
	for _, t := range q.Targets {
		m.Targets = append(m.Targets, t.Value)
	}
	return m
}

// FileName is the default name of an export: report_target_YYYYMMDD-HHMMSS
// with the format's extension, made of safe characters only.
func FileName(m Meta, f Format, at time.Time) string {
	parts := []string{safeName(m.Report, "report")}
	if len(m.Targets) > 0 {
		parts = append(parts, safeName(strings.Join(m.Targets, "+"), "target"))
	}
	parts = append(parts, at.Format("20060102-150405"))
	return strings.Join(parts, "_") + "." + f.Ext()
}

// safeName keeps letters, digits, '.', '-', '_' and '+' (a URL's other bytes
// become '-'), and caps the length.
func safeName(s, empty string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		ok := r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+' || r == '_')
		if !ok {
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = true
			continue
		}
		b.WriteRune(r)
		dash = false
	}
	out := strings.Trim(b.String(), "-.")
	if len(out) > 80 {
		out = strings.TrimRight(out[:80], "-.")
	}
	if out == "" {
		return empty
	}
	return out
}

// WriteFile writes t into a new file in dir (created 0700 when missing) and
// returns its path. name "" means FileName(m, f, m.Exported or now); an
// existing file is never overwritten: "-2", "-3", ... is added before the
// extension. The file appears whole or not at all (written to a temporary
// file, synced, then linked into place). CSV and TSV hold the rows only;
// JSON holds {"linkdive_export":1, "request": m, "rows": [...]} with rows
// as `linkdive get --format json` writes them. Files are 0600.
func WriteFile(dir, name string, f Format, t *api.Table, m Meta) (string, error) {
	if m.Exported.IsZero() {
		m.Exported = time.Now()
	}
	m.Rows = t.Len()
	if len(m.Columns) == 0 {
		m.Columns = codes(t.Columns)
	}
	if name == "" {
		name = FileName(m, f, m.Exported)
	}
	if filepath.Base(name) != name || name == "." || name == ".." {
		return "", fmt.Errorf("export: %q is not a file name", name)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".linkdive-export-*")
	if err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	defer os.Remove(tmp.Name())
	if f == JSON {
		err = writeJSONFile(tmp, t, m)
	} else {
		err = Write(tmp, f, t)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("export: %w", err)
	}
	return linkNew(tmp.Name(), dir, name)
}

func writeJSONFile(w *os.File, t *api.Table, m Meta) error {
	meta, err := json.MarshalIndent(m, "  ", "  ")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(bw, "{\n  \"linkdive_export\": 1,\n  \"request\": %s,\n  \"rows\": ", meta)
	if err := WriteJSON(bw, t); err != nil {
		return err
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// linkNew gives the temporary file its final name without replacing an
// existing file: a hard link fails when the name is taken, so two exports
// in the same second both survive.
func linkNew(tmp, dir, name string) (string, error) {
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 1; i <= 1000; i++ {
		n := name
		if i > 1 {
			n = fmt.Sprintf("%s-%d%s", stem, i, ext)
		}
		p := filepath.Join(dir, n)
		err := os.Link(tmp, p)
		if err == nil {
			return p, nil
		}
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		// No hard links here (some file systems): check, then rename.
		if _, serr := os.Lstat(p); serr == nil {
			continue
		}
		if rerr := os.Rename(tmp, p); rerr != nil {
			return "", fmt.Errorf("export: %w", rerr)
		}
		return p, nil
	}
	return "", fmt.Errorf("export: no free file name for %s in %s", name, dir)
}
