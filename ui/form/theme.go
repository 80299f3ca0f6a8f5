package form

import (
	"charm.land/lipgloss/v2"

	"linkdive/ui/theme"
)

// StylesFromTheme maps the app theme's semantic styles onto the forms.
func StylesFromTheme(th *theme.Theme) Styles {
	if th == nil {
		return Styles{}
	}
	cursor := lipgloss.NewStyle()
	if !th.Plain {
		cursor = cursor.Reverse(true)
	}
	return Styles{
		Title:    th.Title,
		Header:   th.Header,
		Selected: th.Selected,
		Cursor:   cursor,
		Muted:    th.Muted,
		Accent:   th.Accent,
		Error:    th.Error,
		Cost:     th.Cost,
		KeyHint:  th.KeyHint,
		KeyDesc:  th.KeyDesc,
		Marker:   th.Glyphs.Cursor,
	}
}
