// Package ui is the explorer: a root model that routes messages to one view
// per report (tabs, drill-downs), sharing one table component, one filter
// editor and one status bar. All I/O happens in commands; results come back
// as messages that carry the view they belong to and a request generation,
// so a late page for a view the user left or re-filtered is dropped.
package ui

import (
	"time"

	"linkdive/api"
	"linkdive/ui/clip"
	"linkdive/ui/theme"
)

// Options configure the explorer. main builds them from flags and config.
type Options struct {
	Client *api.Client
	Demo   bool        // the built-in sandbox answers: show DEMO
	Target *api.Target // nil: start on the target prompt
	// History of targets used before (newest first) and how to keep it.
	History     []string
	SaveHistory func([]string)
	// DefaultTarget prefills the prompt (demo data: "example.com").
	DefaultTarget string
	PageSize      int   // rows per page (default 100)
	ConfirmAbove  int64 // ask before a request whose cost passes this (default 4,000)
	Mouse         bool  // capture the mouse (off: native selection works over SSH)
	Keys          KeyMap
	Clip          *clip.Copier
	NoColor       bool         // NO_COLOR: no colour whatever the terminal says
	Theme         *theme.Theme // initial theme (dark until the terminal answers)
	// FixedTheme keeps Theme whatever the terminal says about its
	// background (config: theme = "light" or "dark").
	FixedTheme bool
	Now        func() time.Time
	// ExportDir is where e writes files (default: the current directory).
	ExportDir string
	// SpendLog is the spend ledger file the Spend view reads, and Endpoint
	// the label of this session's spends in it ("live", "demo", ...).
	SpendLog string
	Endpoint string
	// TabSettle is how long a tab reached with tab, shift+tab or a number
	// key must stay shown before it fetches (default 700ms): passing tabs
	// by is free.
	TabSettle time.Duration
}

func (o *Options) defaults() {
	if o.PageSize <= 0 {
		o.PageSize = 100
	}
	if o.ConfirmAbove <= 0 {
		o.ConfirmAbove = 4000
	}
	if o.Theme == nil {
		o.Theme = theme.New(true, o.NoColor)
	}
	if o.Clip == nil {
		o.Clip = &clip.Copier{}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.TabSettle <= 0 {
		o.TabSettle = 700 * time.Millisecond
	}
	if o.ExportDir == "" {
		o.ExportDir = "."
	}
	if o.Endpoint == "" {
		o.Endpoint = "live"
		if o.Demo {
			o.Endpoint = "demo"
		}
	}
}
