// Package theme holds linkdive's semantic colour tokens (accent, muted,
// warning, error, cost, selection, header, border, match) in light and dark
// variants, and the ready Lip Gloss styles the UI uses.
//
// Pick a theme once the terminal has answered:
//
//	th := theme.ForProfile(bg.IsDark(), profile, theme.NoColorEnv(os.Environ()))
//
// or, before that, theme.New(true, theme.NoColorEnv(os.Environ())).
//
// Without colour (NO_COLOR, a 1-bit/ASCII profile) every style keeps a
// readable attribute instead: the selection is reverse video, headers are
// bold and underlined, badges are reversed. Plain() has no styling at all
// (golden tests, output that is not a terminal).
package theme

import (
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// Palette is the set of semantic colour tokens. Every field is nil in a
// theme without colour.
type Palette struct {
	Accent      color.Color // titles, active tab, sorted column, key hints
	Muted       color.Color // secondary text, false markers, descriptions
	Warning     color.Color // flagged rows, cautions
	Error       color.Color // errors
	Cost        color.Color // API units, prices
	Selection   color.Color // background of the row under the cursor
	SelectionFg color.Color // text on Selection
	Header      color.Color // table header text
	Border      color.Color // borders and separators
	MatchBg     color.Color // quick-search hits
	MatchFg     color.Color
	BadgeFg     color.Color // text on the DEMO / LIVE badges
	DemoBg      color.Color
	LiveBg      color.Color
}

// Glyphs are the symbols the table and detail pane draw. Each is one cell
// wide in ordinary terminals; replace them (ASCIIGlyphs) for terminals
// without Unicode.
type Glyphs struct {
	Flag     string // flagged-row marker in the gutter
	Cursor   string // cursor marker in the gutter
	True     string // boolean true
	False    string // boolean false
	Ellipsis string // truncation
	Asc      string // ascending sort
	Desc     string // descending sort
}

// UnicodeGlyphs are the default glyphs.
func UnicodeGlyphs() Glyphs {
	return Glyphs{Flag: "⚠", Cursor: "›", True: "✓", False: "·", Ellipsis: "…", Asc: "▲", Desc: "▼"}
}

// ASCIIGlyphs are plain-ASCII replacements.
func ASCIIGlyphs() Glyphs {
	return Glyphs{Flag: "!", Cursor: ">", True: "y", False: ".", Ellipsis: "~", Asc: "^", Desc: "v"}
}

// Theme is a palette plus the ready styles built from it. Treat it as
// read-only once built; build a new one when the background or profile
// changes.
type Theme struct {
	Dark    bool
	NoColor bool // no colour: attributes only (or nothing, for Plain)
	Plain   bool // no styling at all
	Color   Palette
	Glyphs  Glyphs

	Title        lipgloss.Style // screen title / target
	TabActive    lipgloss.Style
	TabInactive  lipgloss.Style
	StatusBar    lipgloss.Style
	KeyHint      lipgloss.Style // the key in "q quit"
	KeyDesc      lipgloss.Style // the description in "q quit"
	BadgeDemo    lipgloss.Style // DEMO: the sandbox answers
	BadgeLive    lipgloss.Style // LIVE: real API, real units
	Flag         lipgloss.Style // flagged-row marker
	Header       lipgloss.Style // table header cells
	HeaderSorted lipgloss.Style // the header of the active sort column
	Selected     lipgloss.Style // the row under the cursor
	Match        lipgloss.Style // quick-search hits
	Muted        lipgloss.Style
	Warning      lipgloss.Style
	Error        lipgloss.Style
	Cost         lipgloss.Style
	Accent       lipgloss.Style
	Border       lipgloss.Style // foreground for borders and rules
	Label        lipgloss.Style // field names in the detail pane
}

// NoColorEnv reports whether NO_COLOR is set to a non-empty value in environ
// (os.Environ() form), per https://no-color.org.
func NoColorEnv(environ []string) bool {
	for _, kv := range environ {
		if v, ok := strings.CutPrefix(kv, "NO_COLOR="); ok && v != "" {
			return true
		}
	}
	return false
}

// New returns the true-colour theme for a dark or light background, or the
// colourless one when noColor is set. Bubble Tea downsamples true colour to
// 256 colours by itself; for 16-colour terminals use ForProfile.
func New(dark bool, noColor bool) *Theme {
	if noColor {
		return ForProfile(dark, colorprofile.ASCII, true)
	}
	return ForProfile(dark, colorprofile.TrueColor, false)
}

// ForProfile returns the theme for a terminal colour profile (from
// tea.ColorProfileMsg): TrueColor and ANSI256 get the full palette, ANSI
// the 16 standard colours chosen to read on the given background, ASCII (or
// noColor) attributes only, NoTTY no styling at all.
func ForProfile(dark bool, p colorprofile.Profile, noColor bool) *Theme {
	switch {
	case p == colorprofile.NoTTY:
		return Plain()
	case noColor || p == colorprofile.ASCII:
		return build(dark, Palette{}, true)
	case p == colorprofile.ANSI:
		return build(dark, ansi16(dark), false)
	default:
		return build(dark, truecolor(dark), false)
	}
}

// Plain returns a theme with no styling at all: every style renders its
// text unchanged. Glyphs are still Unicode.
func Plain() *Theme {
	return &Theme{Dark: true, NoColor: true, Plain: true, Glyphs: UnicodeGlyphs()}
}

func truecolor(dark bool) Palette {
	ld := lipgloss.LightDark(dark)
	c := lipgloss.Color
	return Palette{
		Accent:      ld(c("#1D4ED8"), c("#8AB4F8")),
		Muted:       ld(c("#6B7280"), c("#8B929C")),
		Warning:     ld(c("#B45309"), c("#F5C451")),
		Error:       ld(c("#B91C1C"), c("#FF7B72")),
		Cost:        ld(c("#7E22CE"), c("#D2A8FF")),
		Selection:   ld(c("#DBE4FF"), c("#2F3B5C")),
		SelectionFg: ld(c("#111827"), c("#F5F7FA")),
		Header:      ld(c("#1F2937"), c("#D6DCE4")),
		Border:      ld(c("#C7CCD4"), c("#444C56")),
		MatchBg:     ld(c("#FDE68A"), c("#6E5600")),
		MatchFg:     ld(c("#111827"), c("#FFF4C2")),
		BadgeFg:     ld(c("#FFFFFF"), c("#0D1117")),
		DemoBg:      ld(c("#7E22CE"), c("#D2A8FF")),
		LiveBg:      ld(c("#B91C1C"), c("#FF7B72")),
	}
}

// ansi16 uses the 16 standard colours. On dark backgrounds the bright
// variants read best; on light ones the normal variants (bright yellow and
// cyan vanish on white). The selection is reverse video, which reads on
// any palette.
func ansi16(dark bool) Palette {
	ld := lipgloss.LightDark(dark)
	return Palette{
		Accent:  ld(lipgloss.Blue, lipgloss.BrightCyan),
		Muted:   ld(lipgloss.BrightBlack, lipgloss.BrightBlack),
		Warning: ld(lipgloss.Magenta, lipgloss.BrightYellow),
		Error:   ld(lipgloss.Red, lipgloss.BrightRed),
		Cost:    ld(lipgloss.Magenta, lipgloss.BrightMagenta),
		Header:  nil, // default foreground, bold
		Border:  lipgloss.BrightBlack,
		MatchBg: lipgloss.Yellow,
		MatchFg: lipgloss.Black,
		BadgeFg: ld(lipgloss.BrightWhite, lipgloss.Black),
		DemoBg:  ld(lipgloss.Magenta, lipgloss.BrightMagenta),
		LiveBg:  ld(lipgloss.Red, lipgloss.BrightRed),
	}
}

func build(dark bool, p Palette, noColor bool) *Theme {
	th := &Theme{Dark: dark, NoColor: noColor, Color: p, Glyphs: UnicodeGlyphs()}
	st := lipgloss.NewStyle
	fg := func(s lipgloss.Style, c color.Color) lipgloss.Style {
		if c == nil {
			return s
		}
		return s.Foreground(c)
	}
	bg := func(s lipgloss.Style, c color.Color) lipgloss.Style {
		if c == nil {
			return s
		}
		return s.Background(c)
	}

	th.Title = fg(st().Bold(true), p.Accent)
	th.TabActive = fg(st().Bold(true).Underline(true), p.Accent)
	th.TabInactive = fg(st(), p.Muted)
	th.StatusBar = fg(st(), p.Muted)
	th.KeyHint = fg(st().Bold(true), p.Accent)
	th.KeyDesc = fg(st(), p.Muted)
	th.Flag = fg(st().Bold(true), p.Warning)
	th.Header = fg(st().Bold(true), p.Header)
	th.HeaderSorted = fg(st().Bold(true), p.Accent)
	th.Muted = fg(st(), p.Muted)
	th.Warning = fg(st(), p.Warning)
	th.Error = fg(st().Bold(true), p.Error)
	th.Cost = fg(st(), p.Cost)
	th.Accent = fg(st(), p.Accent)
	th.Border = fg(st(), p.Border)
	th.Label = fg(st().Bold(true), p.Header)

	if p.Selection != nil {
		th.Selected = fg(bg(st(), p.Selection), p.SelectionFg)
	} else {
		th.Selected = st().Reverse(true)
	}
	if p.MatchBg != nil {
		th.Match = fg(bg(st(), p.MatchBg), p.MatchFg)
	} else {
		th.Match = st().Underline(true).Bold(true)
	}
	if p.DemoBg != nil {
		th.BadgeDemo = fg(bg(st().Bold(true).Padding(0, 1), p.DemoBg), p.BadgeFg)
		th.BadgeLive = fg(bg(st().Bold(true).Padding(0, 1), p.LiveBg), p.BadgeFg)
	} else {
		th.BadgeDemo = st().Bold(true).Reverse(true).Padding(0, 1)
		th.BadgeLive = st().Bold(true).Reverse(true).Padding(0, 1)
	}
	if noColor {
		// No colour: headers also underlined so they stand apart from data.
		th.Header = th.Header.Underline(true)
		th.HeaderSorted = th.HeaderSorted.Underline(true)
		th.TabActive = th.TabActive.Reverse(true)
		th.Warning = th.Warning.Bold(true)
	}
	return th
}
