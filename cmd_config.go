package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"linkdive/api"
	"linkdive/api/cache"
	"linkdive/api/spendlog"
)

const configUsage = `Usage: linkdive config [flags]

Prints where the config file is, whether it exists, and every setting in
effect with where it comes from: flag, env, file or default. The API key is
never shown, only whether one is set and from where. Pass the flags of
another command to see how they change the settings.

The config file (TOML) takes: key, api_url, page_size, confirm_above, budget,
cache_max_age ("7d", "72h"; at most 30d), mouse, theme ("auto", "dark",
"light") and a [keys] table of key binding overrides (name = ["keys"]).
A file holding the key must be private (chmod 600).

Flags:
`

func cmdConfig(args []string, stdout, stderr io.Writer) int {
	var co connOpts
	var ex exploreOpts
	fs := flag.NewFlagSet("config", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, configUsage)
		fs.PrintDefaults()
	}
	co.register(fs)
	ex.registerSettings(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "linkdive config: unexpected %q\n", pos[0])
		return 2
	}
	p, perr := configPath()
	if perr != nil {
		p = "(no config directory: " + perr.Error() + ")"
	}
	state := "does not exist"
	if st, err := os.Stat(p); err == nil {
		state = fmt.Sprintf("exists, mode %04o", st.Mode().Perm())
	}
	fmt.Fprintf(stdout, "config file: %s (%s)\n", p, state)
	s, err := co.settings()
	if err != nil {
		fmt.Fprintf(stderr, "linkdive config: %s\n", err)
		return 1
	}
	for _, n := range s.notes {
		fmt.Fprintf(stderr, "linkdive: %s\n", n)
	}
	if dir, err := cache.DefaultPath(); err == nil {
		fmt.Fprintf(stdout, "cache:       %s%s\n", dir, cacheState(dir))
	}
	if lp, err := spendlog.DefaultPath(); err == nil {
		fmt.Fprintf(stdout, "spend log:   %s\n", lp)
	}
	fmt.Fprintln(stdout)
	keyText := "not set (the built-in demo sandbox answers)"
	switch {
	case s.key != "" && co.demo:
		keyText = "set (not shown; --demo: the built-in demo sandbox answers)"
	case s.key != "":
		keyText = "set (not shown)"
	case s.offline:
		keyText = "not set (offline: the demo sandbox's cached answers only)"
	}
	apiURL := s.apiURL
	if apiURL == "" {
		apiURL = api.DefaultBaseURL
	}
	budget := "none"
	if s.budget > 0 {
		budget = thousands(s.budget) + " units"
	}
	rows := [][]string{
		{"setting", "value", "source"},
		{"key", keyText, s.source("key")},
		{"api_url", api.Redact(apiURL, s.key), s.source("api_url")},
		{"page_size", strconv.Itoa(s.pageSize), s.source("page_size")},
		{"confirm_above", thousands(s.confirmAbove), s.source("confirm_above")},
		{"budget", budget, s.source("budget")},
		{"cache_max_age", formatAge(s.cacheMaxAge), s.source("cache_max_age")},
		{"offline", strconv.FormatBool(s.offline), s.source("offline")},
		{"mouse", strconv.FormatBool(s.mouse), s.source("mouse")},
		{"theme", s.theme, s.source("theme")},
	}
	names := make([]string, 0, len(s.keys))
	for n := range s.keys {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		rows = append(rows, []string{"keys." + n, strings.Join(s.keys[n], ", "), s.source("keys")})
	}
	if len(names) == 0 {
		rows = append(rows, []string{"keys", "defaults", srcDefault})
	}
	writeLeft(stdout, rows)
	return 0
}

// cacheState counts a cache directory's entries without creating it.
func cacheState(dir string) string {
	if _, err := os.Stat(dir); err != nil {
		return " (empty)"
	}
	d, err := cache.Open(dir)
	if err != nil {
		return " (" + err.Error() + ")"
	}
	n, size, err := d.Stats()
	if err != nil {
		return ""
	}
	return fmt.Sprintf(" (%s, %s)", plural(n, "entry"), byteSize(size))
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// writeLeft prints left-aligned columns.
func writeLeft(w io.Writer, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], len([]rune(c)))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(c + strings.Repeat(" ", widths[i]-len([]rune(c))))
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}
