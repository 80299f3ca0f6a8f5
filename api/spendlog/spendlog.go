// Package spendlog keeps the spend ledger file: one JSON line for every
// request that cost units (never the API key), and the totals linkdive
// spend and the Spend view show.
package spendlog

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"linkdive/api"
)

// Endpoint labels. Any other endpoint is labelled by its base URL.
const (
	Live = "live" // the real Semrush API
	Demo = "demo" // the built-in sandbox: fake units
)

// EndpointLabel is the label entries of a client talking to base carry:
// Demo for the built-in sandbox, Live for the real API, otherwise the base
// URL itself (a standalone sandbox or a proxy) so that its spends are kept
// apart from both.
func EndpointLabel(base string, demo bool) string {
	switch {
	case demo:
		return Demo
	case base == "" || base == api.DefaultBaseURL:
		return Live
	}
	if u, err := url.Parse(base); err == nil && u.Host != "" {
		// No user info, no query: nothing secret goes into the file.
		return u.Scheme + "://" + u.Host + u.Path
	}
	return "other"
}

// Entry is one request that cost units.
type Entry struct {
	Time     time.Time `json:"time"`
	Endpoint string    `json:"endpoint"` // Live, Demo or a base URL
	Report   string    `json:"report"`   // wire type
	Targets  []string  `json:"targets"`
	Filter   string    `json:"filter,omitempty"` // display_filter, unencoded
	Offset   int       `json:"offset"`
	Lines    int       `json:"lines"`
	Units    int64     `json:"units"`
	// Uncertain: a response cut off mid-body, counted at its worst case
	// (the API may have charged less).
	Uncertain bool `json:"uncertain,omitempty"`
}

// FromSpend converts a ledger spend.
func FromSpend(s api.Spend, endpoint string) Entry {
	return Entry{Time: s.Time, Endpoint: endpoint, Report: s.Report, Targets: append([]string(nil), s.Targets...),
		Filter: s.Filter, Offset: s.Offset, Lines: s.Lines, Units: s.Units, Uncertain: s.Uncertain}
}

// FromSpends converts the spends of a session ledger that cost units (for
// the Spend view's "this session" part).
func FromSpends(spends []api.Spend, endpoint string) []Entry {
	var out []Entry
	for _, s := range spends {
		if s.Units > 0 && !s.Cached {
			out = append(out, FromSpend(s, endpoint))
		}
	}
	return out
}

// DefaultPath is $XDG_STATE_HOME/linkdive/spend.jsonl, or
// ~/.local/state/linkdive/spend.jsonl.
func DefaultPath() (string, error) {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "linkdive", "spend.jsonl"), nil
}

// Log appends entries to a ledger file. Safe for concurrent use.
type Log struct {
	mu   sync.Mutex
	path string
	f    *os.File
	err  error // the last write error
}

// Open opens (creating it 0600, in a 0700 directory) the ledger file at
// path for appending.
func Open(path string) (*Log, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("spend log: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("spend log: %w", err)
	}
	if st, err := f.Stat(); err == nil && st.Mode().Perm()&0o077 != 0 {
		_ = f.Chmod(0o600)
	}
	return &Log{path: path, f: f}, nil
}

// Path is the ledger file.
func (l *Log) Path() string { return l.path }

// Append writes one entry as one line, in one write (O_APPEND keeps lines
// of concurrent linkdive processes whole) and syncs it: the entry records
// money spent.
func (l *Log) Append(e Entry) error {
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return errors.New("spend log: closed")
	}
	if _, err = l.f.Write(b); err == nil {
		err = l.f.Sync()
	}
	if err != nil {
		l.err = fmt.Errorf("spend log: %w", err)
	}
	return l.err
}

// Err is the last write error (nil when every append worked).
func (l *Log) Err() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.err
}

// Close closes the file.
func (l *Log) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}

// Attach appends every spend of ledger that cost units to the log, labelled
// with endpoint (see EndpointLabel).
func (l *Log) Attach(ledger *api.Ledger, endpoint string) {
	ledger.OnSpend(func(s api.Spend) {
		if s.Units > 0 && !s.Cached {
			_ = l.Append(FromSpend(s, endpoint))
		}
	})
}

// Read returns the entries of the ledger file at path (none when it does
// not exist). Lines that cannot be read (a write cut by a crash) are
// skipped and counted in bad.
func Read(path string) (entries []Entry, bad int, err error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, 0, nil
	}
	if err != nil {
		return nil, 0, fmt.Errorf("spend log: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var e Entry
		if json.Unmarshal(line, &e) != nil || e.Time.IsZero() {
			bad++
			continue
		}
		entries = append(entries, e)
	}
	return entries, bad, sc.Err()
}
