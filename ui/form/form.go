// Package form holds the small forms the report views open: the filter
// editor (display_filter), the sort picker (display_sort) and the column
// chooser (export_columns). Each is a plain struct with Update and
// View(width, height); none does I/O or starts goroutines.
//
// Key bindings come from the caller (the app's keymap.go) through KeyMap;
// this package defines no key strings of its own. Styles come from the
// caller too (StylesFromTheme maps the app theme).
package form

import (
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"linkdive/api"
)

// Result is the state of a form after a message.
type Result int

// Form results.
const (
	Pending   Result = iota // still open
	Applied                 // the user applied: read the value
	Cancelled               // the user left: keep the old value
)

func (r Result) String() string {
	switch r {
	case Applied:
		return "applied"
	case Cancelled:
		return "cancelled"
	}
	return "pending"
}

// KeyMap is the set of bindings the forms react to. The app builds it (with
// help texts) in keymap.go; an unbound field simply does nothing.
//
// In the filter editor, while a typed value has the focus, keys that type a
// character (letters, space) go to the value; only non-printing keys (arrows,
// tab, enter, esc, ctrl+...) act on the form there.
type KeyMap struct {
	Up    key.Binding // previous row / entry
	Down  key.Binding // next row / entry
	Left  key.Binding // previous choice of the focused field
	Right key.Binding // next choice of the focused field
	Next  key.Binding // next field (filter editor)
	Prev  key.Binding // previous field (filter editor)

	Toggle key.Binding // include/exclude a filter row; check a column; flip a sort's direction
	Apply  key.Binding
	Cancel key.Binding

	Add      key.Binding // add a filter row
	Remove   key.Binding // remove the focused filter row
	MoveUp   key.Binding // move the column under the cursor up
	MoveDown key.Binding // move the column under the cursor down
	Reset    key.Binding // back to the report's default columns
	Preset   key.Binding // load the next filter preset
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Apply, k.Cancel, k.Up, k.Down, k.Toggle}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.Next, k.Prev},
		{k.Toggle, k.Add, k.Remove, k.Preset},
		{k.MoveUp, k.MoveDown, k.Reset},
		{k.Apply, k.Cancel},
	}
}

// Styles are the styles the forms draw with. The zero value draws plain
// text; the focused field is also bracketed, so a form stays usable
// without any styling.
type Styles struct {
	Title    lipgloss.Style // form title
	Header   lipgloss.Style // column headers
	Selected lipgloss.Style // the focused cell, entry or row
	Cursor   lipgloss.Style // the text cursor inside a typed value
	Muted    lipgloss.Style // hints, wire codes, descriptions
	Accent   lipgloss.Style // current / default marks
	Error    lipgloss.Style // validation messages
	Cost     lipgloss.Style // unit costs
	KeyHint  lipgloss.Style // the key in the help line
	KeyDesc  lipgloss.Style // its description
	// Marker is the gutter glyph of the row under the cursor (">" if empty).
	Marker string
}

// DefaultStyles draws with attributes only (bold, reverse, faint): usable
// before the app theme is wired, and on terminals without colour.
func DefaultStyles() Styles {
	st := lipgloss.NewStyle
	return Styles{
		Title:    st().Bold(true),
		Header:   st().Bold(true),
		Selected: st().Reverse(true),
		Cursor:   st().Reverse(true),
		Muted:    st().Faint(true),
		Accent:   st().Bold(true),
		Error:    st().Bold(true),
		Cost:     st(),
		KeyHint:  st().Bold(true),
		KeyDesc:  st().Faint(true),
	}
}

func (s Styles) marker() string {
	if s.Marker == "" {
		return ">"
	}
	return s.Marker
}

// Preset is a named filter the caller offers (link-gap presets, saved
// filters). Loading one replaces the editor's rows; they stay editable.
type Preset struct {
	Name   string
	Filter api.Filter
}
