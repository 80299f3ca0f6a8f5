package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"github.com/BurntSushi/toml"

	"linkdive/api"
)

// Where a setting comes from. Precedence: flag > env > file > default.
const (
	srcDefault = "default"
	srcFile    = "file"
	srcEnv     = "env"
	srcFlag    = "flag"
)

// Defaults of the settings.
const (
	defaultPageSize     = 100
	defaultConfirmAbove = 4000
	defaultTheme        = "auto"
)

// fileConfig is config.toml. Pointers tell "not set" from zero.
type fileConfig struct {
	Key          *string        `toml:"key"`
	APIURL       *string        `toml:"api_url"`
	PageSize     *int           `toml:"page_size"`
	ConfirmAbove *int64         `toml:"confirm_above"`
	Budget       *int64         `toml:"budget"`
	CacheMaxAge  *string        `toml:"cache_max_age"`
	Mouse        *bool          `toml:"mouse"`
	Theme        *string        `toml:"theme"`
	Keys         map[string]any `toml:"keys"`
}

// settings are the settings in effect and where each came from.
type settings struct {
	path   string // the config file
	exists bool

	key          string
	apiURL       string // "" = the real API
	pageSize     int
	confirmAbove int64
	budget       int64 // 0 = no cap
	cacheMaxAge  time.Duration
	mouse        bool
	theme        string // auto, dark, light
	keys         map[string][]string
	offline      bool // flag only

	src   map[string]string // setting name -> srcX (key: "env SEMRUSH_API_KEY" etc.)
	notes []string          // said on stderr: clamped values and the like
}

// configPath is os.UserConfigDir()/linkdive/config.toml.
func configPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "linkdive", "config.toml"), nil
}

// loadSettings reads defaults, then the config file, then the environment.
// Flags come on top with applyFlags.
func loadSettings(getenv func(string) string) (*settings, error) {
	s := &settings{pageSize: defaultPageSize, confirmAbove: defaultConfirmAbove, theme: defaultTheme,
		cacheMaxAge: api.DefaultCacheMaxAge, src: map[string]string{}}
	p, err := configPath()
	if err != nil {
		return nil, fmt.Errorf("no config directory: %v", err)
	}
	s.path = p
	if err := s.readFile(p); err != nil {
		return s, err
	}
	if k := strings.TrimSpace(getenv("SEMRUSH_API_KEY")); k != "" {
		s.key, s.src["key"] = k, srcEnv+" SEMRUSH_API_KEY"
	}
	if u := strings.TrimSpace(getenv("LINKDIVE_API_URL")); u != "" {
		s.apiURL, s.src["api_url"] = u, srcEnv+" LINKDIVE_API_URL"
	}
	return s, nil
}

var keyLine = regexp.MustCompile(`(?m)^\s*key\s*=\s*["']?([^"'\r\n#]*)`)

func (s *settings) readFile(p string) error {
	b, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("config %s: %v", p, err)
	}
	s.exists = true
	// Whatever goes wrong, no message may quote the key.
	var secrets []string
	for _, m := range keyLine.FindAllSubmatch(b, -1) {
		if v := strings.TrimSpace(string(m[1])); v != "" {
			secrets = append(secrets, v)
		}
	}
	redact := func(msg string) string {
		for _, k := range secrets {
			msg = api.Redact(msg, k)
		}
		return msg
	}
	var fc fileConfig
	md, err := toml.Decode(string(b), &fc)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return fmt.Errorf("config %s, line %d: %s", p, pe.Position.Line, redact(pe.Message))
		}
		return fmt.Errorf("config %s: %s", p, redact(err.Error()))
	}
	if und := md.Undecoded(); len(und) > 0 {
		var names []string
		for _, k := range und {
			if len(k) > 0 && k[0] == "keys" {
				continue // checked below with a better message
			}
			names = append(names, k.String())
		}
		if len(names) > 0 {
			return fmt.Errorf("config %s: unknown setting %s (settings: key, api_url, page_size, confirm_above, budget, cache_max_age, mouse, theme, [keys])",
				p, strings.Join(names, ", "))
		}
	}
	if fc.Key != nil && strings.TrimSpace(*fc.Key) != "" {
		if err := checkPrivate(p); err != nil {
			return err
		}
		s.key, s.src["key"] = strings.TrimSpace(*fc.Key), srcFile
	}
	bad := func(name, format string, a ...any) error {
		return fmt.Errorf("config %s: %s: %s", p, name, fmt.Sprintf(format, a...))
	}
	if fc.APIURL != nil && *fc.APIURL != "" {
		s.apiURL, s.src["api_url"] = *fc.APIURL, srcFile
	}
	if fc.PageSize != nil {
		if *fc.PageSize <= 0 || *fc.PageSize > 10000 {
			return bad("page_size", "%d is not between 1 and 10,000", *fc.PageSize)
		}
		s.pageSize, s.src["page_size"] = *fc.PageSize, srcFile
	}
	if fc.ConfirmAbove != nil {
		if *fc.ConfirmAbove < 0 {
			return bad("confirm_above", "must not be negative")
		}
		s.confirmAbove, s.src["confirm_above"] = *fc.ConfirmAbove, srcFile
	}
	if fc.Budget != nil {
		if *fc.Budget < 0 {
			return bad("budget", "must not be negative (0: no budget)")
		}
		s.budget, s.src["budget"] = *fc.Budget, srcFile
	}
	if fc.CacheMaxAge != nil {
		d, err := parseAge(*fc.CacheMaxAge)
		if err != nil {
			return bad("cache_max_age", "%v", err)
		}
		s.setMaxAge(d, *fc.CacheMaxAge, srcFile)
	}
	if fc.Mouse != nil {
		s.mouse, s.src["mouse"] = *fc.Mouse, srcFile
	}
	if fc.Theme != nil {
		t, err := parseTheme(*fc.Theme)
		if err != nil {
			return bad("theme", "%v", err)
		}
		s.theme, s.src["theme"] = t, srcFile
	}
	if len(fc.Keys) > 0 {
		keys, err := parseKeys(fc.Keys)
		if err != nil {
			return fmt.Errorf("config %s: [keys]: %v", p, err)
		}
		if c := keyConflicts(keyMap(keys)); len(c) > 0 {
			return fmt.Errorf("config %s: [keys]: %s", p, strings.Join(c, "; "))
		}
		s.keys, s.src["keys"] = keys, srcFile
	}
	return nil
}

// checkPrivate refuses a file holding the key that others can read, as ssh
// does with private keys.
func checkPrivate(p string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	st, err := os.Stat(p)
	if err != nil {
		return fmt.Errorf("config %s: %v", p, err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("config %s holds the API key but is readable by others (mode %04o); run: chmod 600 %s",
			p, st.Mode().Perm(), p)
	}
	return nil
}

func (s *settings) setMaxAge(d time.Duration, text, src string) {
	limit, clamped := api.ClampCacheMaxAge(d)
	if clamped {
		s.notes = append(s.notes, fmt.Sprintf("cache_max_age %s is over the API terms' limit of a month; using %s",
			strings.TrimSpace(text), formatAge(limit)))
	}
	s.cacheMaxAge, s.src["cache_max_age"] = limit, src
}

// parseAge reads "7d", "72h", "90m", "1d12h" (Go durations plus days).
func parseAge(s string) (time.Duration, error) {
	t := strings.TrimSpace(strings.ToLower(s))
	if t == "" {
		return 0, errors.New("empty age (use e.g. 7d or 72h)")
	}
	var days int64
	if i := strings.Index(t, "d"); i >= 0 {
		n, err := strconv.ParseInt(t[:i], 10, 32)
		if err != nil || n < 0 {
			return 0, fmt.Errorf("%q is not an age (use e.g. 7d or 72h)", s)
		}
		days, t = n, t[i+1:]
	}
	var d time.Duration
	if t != "" {
		var err error
		if d, err = time.ParseDuration(t); err != nil {
			return 0, fmt.Errorf("%q is not an age (use e.g. 7d or 72h)", s)
		}
	}
	d += time.Duration(days) * 24 * time.Hour
	if d <= 0 {
		return 0, fmt.Errorf("%q: the age must be positive", s)
	}
	return d, nil
}

// formatAge writes an age the way parseAge reads it.
func formatAge(d time.Duration) string {
	day := 24 * time.Hour
	if d%day == 0 {
		return strconv.FormatInt(int64(d/day), 10) + "d"
	}
	if d > day {
		return strconv.FormatInt(int64(d/day), 10) + "d" + (d % day).String()
	}
	return d.String()
}

func parseTheme(s string) (string, error) {
	switch t := strings.ToLower(strings.TrimSpace(s)); t {
	case "auto", "dark", "light":
		return t, nil
	}
	return "", fmt.Errorf("%q is not a theme (auto, dark or light)", s)
}

// parseKeys reads the [keys] table: binding name -> a key or a list of
// keys. Names must be bindings of keyMap.
func parseKeys(raw map[string]any) (map[string][]string, error) {
	out := map[string][]string{}
	names := make([]string, 0, len(raw))
	for n := range raw {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		var keys []string
		switch v := raw[n].(type) {
		case string:
			keys = []string{v}
		case []any:
			for _, k := range v {
				ks, ok := k.(string)
				if !ok {
					return nil, fmt.Errorf("%s: want key names as strings", n)
				}
				keys = append(keys, ks)
			}
		default:
			return nil, fmt.Errorf("%s: want a key or a list of keys, e.g. %s = [\"ctrl+c\", \"c\"]", n, n)
		}
		for i := range keys {
			keys[i] = strings.TrimSpace(keys[i])
			if keys[i] == "" {
				return nil, fmt.Errorf("%s: empty key name", n)
			}
		}
		if len(keys) == 0 {
			return nil, fmt.Errorf("%s: no keys", n)
		}
		if !isBinding(n) {
			return nil, fmt.Errorf("no key binding named %q (bindings: %s)", n, strings.Join(bindingNames(), ", "))
		}
		out[n] = keys
	}
	return out, nil
}

// isBinding tells whether keyMap knows the binding name: it overrides that
// one name with a probe key and looks for the probe in the result, so the
// list of names stays in keymap.go alone.
func isBinding(name string) bool {
	const probe = "\x00linkdive-probe"
	found := false
	eachBinding(keyMap(map[string][]string{name: {probe}}), func(b key.Binding) {
		for _, k := range b.Keys() {
			if k == probe {
				found = true
			}
		}
	})
	return found
}

// bindingNames lists the binding names for error messages, found the same
// way: the candidates are each KeyMap field's words joined with or without
// "_" ("AddLinkGap": add_link_gap, add_linkgap, ...).
func bindingNames() []string {
	var names []string
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			words := splitWords(f.Name)
			if f.Type == reflect.TypeOf(key.Binding{}) {
				for _, c := range joinings(words) {
					if isBinding(prefix + c) {
						names = append(names, prefix+c)
						break
					}
				}
			} else if f.Type.Kind() == reflect.Struct {
				walk(f.Type, prefix+strings.Join(words, "_")+"_")
			}
		}
	}
	walk(reflect.TypeOf(keyMap(nil)), "")
	sort.Strings(names)
	return names
}

// splitWords splits a Go name into lower-case words: "PageUp" -> page, up.
func splitWords(s string) []string {
	var words []string
	start := 0
	for i := 1; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			words = append(words, strings.ToLower(s[start:i]))
			start = i
		}
	}
	return append(words, strings.ToLower(s[start:]))
}

// joinings joins words with "_" or nothing between each pair, every way.
func joinings(words []string) []string {
	out := []string{words[0]}
	for _, w := range words[1:] {
		var next []string
		for _, o := range out {
			next = append(next, o+"_"+w, o+w)
		}
		out = next
	}
	return out
}

// eachBinding calls f with every key.Binding in v (a KeyMap, nested structs
// included).
func eachBinding(v any, f func(key.Binding)) {
	var walk func(rv reflect.Value)
	walk = func(rv reflect.Value) {
		if rv.Type() == reflect.TypeOf(key.Binding{}) {
			f(rv.Interface().(key.Binding))
			return
		}
		if rv.Kind() == reflect.Struct {
			for i := 0; i < rv.NumField(); i++ {
				if rv.Type().Field(i).IsExported() {
					walk(rv.Field(i))
				}
			}
		}
	}
	walk(reflect.ValueOf(v))
}

// applyFlags puts the flags the user gave on top of the settings.
func (s *settings) applyFlags(fs *flag.FlagSet) error {
	var err error
	fs.Visit(func(f *flag.Flag) {
		if err != nil {
			return
		}
		v := f.Value.String()
		switch f.Name {
		case "api-url":
			s.apiURL, s.src["api_url"] = v, srcFlag
		case "page-size":
			n, e := strconv.Atoi(v)
			if e != nil || n <= 0 || n > 10000 {
				err = fmt.Errorf("--page-size %s is not between 1 and 10,000", v)
				return
			}
			s.pageSize, s.src["page_size"] = n, srcFlag
		case "confirm-above":
			n, e := strconv.ParseInt(v, 10, 64)
			if e != nil || n < 0 {
				err = fmt.Errorf("--confirm-above %s must be a number of units", v)
				return
			}
			s.confirmAbove, s.src["confirm_above"] = n, srcFlag
		case "budget":
			n, e := strconv.ParseInt(v, 10, 64)
			if e != nil || n < 0 {
				err = fmt.Errorf("--budget %s must be a number of units (0: no budget)", v)
				return
			}
			s.budget, s.src["budget"] = n, srcFlag
		case "cache-max-age":
			d, e := parseAge(v)
			if e != nil {
				err = fmt.Errorf("--cache-max-age: %v", e)
				return
			}
			s.setMaxAge(d, v, srcFlag)
		case "mouse":
			s.mouse, s.src["mouse"] = v == "true", srcFlag
		case "theme":
			t, e := parseTheme(v)
			if e != nil {
				err = fmt.Errorf("--theme: %v", e)
				return
			}
			s.theme, s.src["theme"] = t, srcFlag
		case "offline":
			s.offline, s.src["offline"] = v == "true", srcFlag
		}
	})
	return err
}

// source is where a setting came from.
func (s *settings) source(name string) string {
	if v, ok := s.src[name]; ok {
		return v
	}
	return srcDefault
}
