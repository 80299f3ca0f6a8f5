package ui

import (
	"charm.land/bubbles/v2/key"

	"linkdive/ui/form"
)

// KeyMap holds every binding of the explorer, grouped by mode. Its values
// are built in one place, keymap.go of package main, which is also the
// single source of the help screen; this package only defines the shape.
type KeyMap struct {
	// Moving around a table.
	Up, Down, PageUp, PageDown, Top, Bottom, Left, Right key.Binding
	// Tabs: next/previous, and 1-9 jump to a tab by number.
	NextTab, PrevTab, TabNumber key.Binding
	// Actions in normal mode.
	Enter, Back, Detail, DetailUp, DetailDown, Sort, Filter, Search,
	NextMatch, PrevMatch, Columns, Copy, CopyRow, Open, Target, Refresh,
	Export, Spend, AddCompare, AddLinkGap, Help, Quit key.Binding
	// ForceQuit quits from any mode, inputs included.
	ForceQuit key.Binding
	// Prompts and the confirm dialog.
	Submit, Cancel, Yes, No key.Binding
	// The forms (filter editor, sort picker, column chooser).
	Form form.KeyMap
}

// ShortHelp is the status-bar hint line in normal mode.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Enter, k.Sort, k.Filter, k.Search, k.Copy, k.Help, k.Quit}
}

// FullHelp is the help screen: one column per group.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Left, k.Right},
		{k.NextTab, k.PrevTab, k.TabNumber, k.Enter, k.Back, k.Detail, k.DetailUp, k.DetailDown, k.Target},
		{k.Sort, k.Filter, k.Columns, k.Search, k.NextMatch, k.PrevMatch, k.Refresh, k.Help, k.Quit, k.ForceQuit},
		{k.Copy, k.CopyRow, k.Open, k.Export, k.Spend, k.AddCompare, k.AddLinkGap},
	}
}

// tabIndex returns the tab a number key selects (0-based), or -1.
func tabIndex(s string) int {
	if len(s) == 1 && s[0] >= '1' && s[0] <= '9' {
		return int(s[0] - '1')
	}
	return -1
}
