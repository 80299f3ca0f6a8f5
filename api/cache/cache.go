// Package cache keeps raw API response bodies on disk so that linkdive
// never pays twice for the same data. It implements api.Cache.
//
// Each entry is one file named by the SHA-256 of its key, holding a header
// line (magic, fetch time, key, body length, body SHA-256) and the body.
// Files are written to a temporary file in the same directory, synced and
// renamed, so a crash leaves the old entry or the new one, never half of
// one; an entry that fails its checks on reading is deleted and reported
// as a miss. The directory is 0700 and the files 0600. Keys never hold the
// API key (api.Request.Key leaves it out).
package cache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"linkdive/api"
)

var _ api.Cache = (*Dir)(nil)

const (
	magic   = "linkdive-cache 1 "
	ext     = ".ldc"
	tmpPfx  = ".tmp-"
	maxHead = 64 << 10 // a header line longer than this is corrupt
)

// Dir is a cache directory. It is safe for concurrent use by goroutines
// and by several linkdive processes (writes are atomic renames).
type Dir struct {
	path string
	mu   sync.Mutex // serialises writes of this process (not needed for safety, keeps fsyncs tidy)
	// Now is the clock used by Prune; default time.Now.
	Now func() time.Time
}

// DefaultPath is the user's cache directory for linkdive:
// os.UserCacheDir()/linkdive ($XDG_CACHE_HOME/linkdive on Linux).
func DefaultPath() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "linkdive"), nil
}

// Open returns the cache in dir, creating it (0700) when missing and
// tightening its mode to 0700 when it is looser.
func Open(dir string) (*Dir, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("cache: %s is not a directory", dir)
	}
	if st.Mode().Perm() != 0o700 {
		if err := os.Chmod(dir, 0o700); err != nil {
			return nil, fmt.Errorf("cache: %w", err)
		}
	}
	return &Dir{path: dir, Now: time.Now}, nil
}

// Path is the cache directory.
func (d *Dir) Path() string { return d.path }

// header is the first line of an entry file (JSON after the magic).
type header struct {
	Key     string `json:"key"`
	Fetched int64  `json:"fetched"` // Unix nanoseconds
	Len     int    `json:"len"`
	SHA256  string `json:"sha256"` // of the body
}

// FileName is the name of the file holding key's entry.
func FileName(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:16]) + ext
}

func (d *Dir) file(key string) string { return filepath.Join(d.path, FileName(key)) }

// Get returns the body stored under key. An entry that is truncated,
// corrupted or stored under another key is deleted and reported missing.
func (d *Dir) Get(key string) ([]byte, time.Time, bool) {
	p := d.file(key)
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, time.Time{}, false
	}
	h, body, err := decode(b)
	if err != nil || h.Key != key {
		_ = os.Remove(p)
		return nil, time.Time{}, false
	}
	return body, time.Unix(0, h.Fetched), true
}

// Put stores body under key, atomically.
func (d *Dir) Put(key string, body []byte, fetched time.Time) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return writeAtomic(d.path, FileName(key), encode(key, body, fetched))
}

// Delete removes key's entry.
func (d *Dir) Delete(key string) { _ = os.Remove(d.file(key)) }

func encode(key string, body []byte, fetched time.Time) []byte {
	sum := sha256.Sum256(body)
	h, _ := json.Marshal(header{Key: key, Fetched: fetched.UnixNano(), Len: len(body), SHA256: hex.EncodeToString(sum[:])})
	out := make([]byte, 0, len(magic)+len(h)+1+len(body))
	out = append(out, magic...)
	out = append(out, h...)
	out = append(out, '\n')
	return append(out, body...)
}

var errCorrupt = errors.New("cache: corrupt entry")

func decode(b []byte) (header, []byte, error) {
	var h header
	if !bytes.HasPrefix(b, []byte(magic)) {
		return h, nil, errCorrupt
	}
	rest := b[len(magic):]
	nl := bytes.IndexByte(rest[:min(len(rest), maxHead)], '\n')
	if nl < 0 {
		return h, nil, errCorrupt
	}
	if err := json.Unmarshal(rest[:nl], &h); err != nil {
		return h, nil, errCorrupt
	}
	body := rest[nl+1:]
	if len(body) != h.Len {
		return h, nil, errCorrupt
	}
	sum := sha256.Sum256(body)
	if hex.EncodeToString(sum[:]) != h.SHA256 {
		return h, nil, errCorrupt
	}
	return h, body, nil
}

// writeAtomic writes data to dir/name through a synced temporary file in
// the same directory and a rename.
func writeAtomic(dir, name string, data []byte) (err error) {
	f, err := os.CreateTemp(dir, tmpPfx+"*")
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = os.Remove(tmp)
		}
	}()
	if err = f.Chmod(0o600); err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	if err = os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename durable (best effort: not every system can).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// Stats counts the entries and their bytes on disk.
func (d *Dir) Stats() (entries int, size int64, err error) {
	err = d.walk(func(_ string, info fs.FileInfo) {
		entries++
		size += info.Size()
	})
	return entries, size, err
}

// Prune deletes every entry fetched more than maxAge ago (and unreadable
// entries, and temporary files a crash left behind more than an hour ago).
// The API's terms forbid keeping its data more than a month: call it at
// start with the age limit in force.
func (d *Dir) Prune(maxAge time.Duration) (removed int, err error) {
	now := d.Now()
	var stale []string
	err = d.walk(func(p string, info fs.FileInfo) {
		if strings.HasPrefix(info.Name(), tmpPfx) {
			if now.Sub(info.ModTime()) > time.Hour {
				stale = append(stale, p)
			}
			return
		}
		fetched, ok := readFetched(p)
		if !ok || now.Sub(fetched) > maxAge {
			stale = append(stale, p)
		}
	})
	for _, p := range stale {
		if os.Remove(p) == nil {
			removed++
		}
	}
	return removed, err
}

// Clear deletes every entry.
func (d *Dir) Clear() (removed int, err error) {
	var all []string
	err = d.walk(func(p string, _ fs.FileInfo) { all = append(all, p) })
	for _, p := range all {
		if os.Remove(p) == nil {
			removed++
		}
	}
	return removed, err
}

// walk calls f for every entry and temporary file of the directory.
func (d *Dir) walk(f func(path string, info fs.FileInfo)) error {
	des, err := os.ReadDir(d.path)
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	for _, de := range des {
		n := de.Name()
		if !de.Type().IsRegular() || !(strings.HasSuffix(n, ext) || strings.HasPrefix(n, tmpPfx)) {
			continue
		}
		info, err := de.Info()
		if err != nil {
			continue
		}
		f(filepath.Join(d.path, n), info)
	}
	return nil
}

// readFetched reads only the header of an entry; the body is verified
// when the entry is read (Get), so a prune stays cheap on a large cache.
func readFetched(p string) (time.Time, bool) {
	f, err := os.Open(p)
	if err != nil {
		return time.Time{}, false
	}
	defer f.Close()
	line, err := bufio.NewReader(io.LimitReader(f, int64(len(magic)+maxHead))).ReadBytes('\n')
	if err != nil || !bytes.HasPrefix(line, []byte(magic)) {
		return time.Time{}, false
	}
	rest := line[len(magic):]
	nl := len(rest) - 1
	var h header
	if nl < 0 || json.Unmarshal(rest[:nl], &h) != nil {
		return time.Time{}, false
	}
	return time.Unix(0, h.Fetched), true
}
