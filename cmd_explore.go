package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"linkdive/api"
	"linkdive/ui"
	"linkdive/ui/clip"
	"linkdive/ui/theme"
)

const exploreUsage = `Usage: linkdive [TARGET] [flags]

Opens the explorer on TARGET's backlink profile (a root domain, a host or a
URL). Without a target it asks for one. Without SEMRUSH_API_KEY (or with
--demo) it runs on the built-in sandbox's synthetic demo data.

Flags:
`

type exploreOpts struct {
	conn         connOpts
	targetType   string
	pageSize     int
	confirmAbove int64
	mouse        bool
	theme        string
}

// registerSettings declares the explorer's setting flags; linkdive config
// takes the same ones, to show what a run with them would use.
func (o *exploreOpts) registerSettings(fs *flag.FlagSet) {
	fs.IntVar(&o.pageSize, "page-size", 0, "rows per page (default: config page_size, else 100)")
	fs.Int64Var(&o.confirmAbove, "confirm-above", 0, "ask before a request that may cost more units than this (default: config confirm_above, else 4000)")
	fs.BoolVar(&o.mouse, "mouse", false, "capture the mouse (wheel scrolls, clicks open tabs and rows); off keeps native text selection (default: config mouse)")
	fs.StringVar(&o.theme, "theme", "", "colours: auto (ask the terminal), dark or light (default: config theme, else auto)")
}

func cmdExplore(args []string, stdout, stderr io.Writer) int {
	var o exploreOpts
	fs := flag.NewFlagSet("linkdive", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, exploreUsage)
		fs.PrintDefaults()
		fmt.Fprint(stderr, "\n"+usage)
	}
	o.conn.register(fs)
	fs.StringVar(&o.targetType, "target-type", "", "target type: root_domain, domain or url (inferred when empty)")
	o.registerSettings(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if len(pos) > 1 {
		fmt.Fprintf(stderr, "linkdive: one target at a time (got %d); see linkdive -h\n", len(pos))
		return 2
	}
	if f, ok := stdout.(*os.File); !ok || !term.IsTerminal(f.Fd()) {
		fmt.Fprintln(stderr, "linkdive: the explorer needs a terminal (use 'ssh -t host linkdive', or 'linkdive get REPORT TARGET' for plain output)")
		return 2
	}
	var target *api.Target
	if len(pos) == 1 {
		var tt api.TargetType
		if o.targetType != "" {
			if tt, err = api.ParseTargetType(o.targetType); err != nil {
				fmt.Fprintf(stderr, "linkdive: %v\n", err)
				return 2
			}
		}
		t, err := api.NewTarget(pos[0], tt)
		if err != nil {
			fmt.Fprintf(stderr, "linkdive: %v\n", err)
			return 2
		}
		target = &t
	}
	c, err := o.conn.connect(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "linkdive: %v\n", err)
		return 2
	}
	defer c.close()
	set := o.conn.set // resolved by connect: flags > env > config file > defaults
	noColor := theme.NoColorEnv(os.Environ())
	hist := historyFile()
	opt := ui.Options{
		Client:       c.client,
		Demo:         c.demo,
		Target:       target,
		History:      readHistory(hist),
		SaveHistory:  func(h []string) { writeHistory(hist, h) },
		PageSize:     set.pageSize,
		ConfirmAbove: set.confirmAbove,
		Mouse:        set.mouse,
		Keys:         keyMap(set.keys),
		Clip:         clip.New(clip.DetectEnv(os.Getenv)),
		NoColor:      noColor,
		Theme:        theme.New(set.theme != "light", noColor),
		FixedTheme:   set.theme == "light" || set.theme == "dark",
		Endpoint:     c.endpoint,
	}
	if c.spendLog != nil {
		opt.SpendLog = c.spendLog.Path()
	}
	if c.demo {
		opt.DefaultTarget = "example.com"
	}
	p := tea.NewProgram(ui.New(opt), tea.WithContext(context.Background()))
	if _, err := p.Run(); err != nil && (errors.Is(err, tea.ErrProgramPanic) || !errors.Is(err, tea.ErrProgramKilled)) {
		fmt.Fprintf(stderr, "linkdive: %s\n", c.client.Redact(err.Error()))
		return 1
	}
	if spent := c.client.Ledger().Total(); spent > 0 {
		fmt.Fprintf(stderr, "units spent this session: %s\n", thousands(spent))
	}
	return 0
}

// historyFile is where the targets used before are kept
// ($XDG_STATE_HOME/linkdive/targets, ~/.local/state/linkdive/targets).
func historyFile() string {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "linkdive", "targets")
}

func readHistory(path string) []string {
	if path == "" {
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			if t, err := api.NewTarget(l, ""); err == nil {
				out = append(out, t.Value)
			}
		}
	}
	return out
}

func writeHistory(path string, h []string) {
	if path == "" {
		return
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(strings.Join(h, "\n")+"\n"), 0o600); err != nil {
		return
	}
	_ = os.Rename(tmp, path)
}
