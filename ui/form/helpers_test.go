package form

import (
	"strings"
	"testing"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
)

// testKeys is the keymap the app will use (keymap.go builds the same).
func testKeys() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Up:       b("↑/k", "up", "up", "k"),
		Down:     b("↓/j", "down", "down", "j"),
		Left:     b("←/h", "previous", "left", "h"),
		Right:    b("→/l", "next", "right", "l"),
		Next:     b("tab", "next field", "tab"),
		Prev:     b("shift+tab", "previous field", "shift+tab"),
		Toggle:   b("space", "toggle", "space"),
		Apply:    b("enter", "apply", "enter"),
		Cancel:   b("esc", "cancel", "esc"),
		Add:      b("a", "add row", "a", "ctrl+n"),
		Remove:   b("d", "remove row", "d", "delete"),
		MoveUp:   b("K", "move up", "shift+up", "K"),
		MoveDown: b("J", "move down", "shift+down", "J"),
		Reset:    b("r", "defaults", "r"),
		Preset:   b("p", "preset", "ctrl+p", "p"),
	}
}

// press builds the key press a terminal sends for a key name.
func press(name string) tea.KeyPressMsg {
	named := map[string]tea.Key{
		"up":        {Code: tea.KeyUp},
		"down":      {Code: tea.KeyDown},
		"left":      {Code: tea.KeyLeft},
		"right":     {Code: tea.KeyRight},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"shift+up":  {Code: tea.KeyUp, Mod: tea.ModShift},
		"enter":     {Code: tea.KeyEnter},
		"esc":       {Code: tea.KeyEscape},
		"delete":    {Code: tea.KeyDelete},
		"backspace": {Code: tea.KeyBackspace},
		"space":     {Code: tea.KeySpace, Text: " "},
		"ctrl+n":    {Code: 'n', Mod: tea.ModCtrl},
		"ctrl+p":    {Code: 'p', Mod: tea.ModCtrl},
	}
	if k, ok := named[name]; ok {
		return tea.KeyPressMsg(k)
	}
	r := []rune(name)[0]
	if unicode.IsUpper(r) {
		return tea.KeyPressMsg{Code: unicode.ToLower(r), ShiftedCode: r, Text: name, Mod: tea.ModShift}
	}
	return tea.KeyPressMsg{Code: r, Text: name}
}

func TestPressNames(t *testing.T) {
	for _, n := range []string{"up", "shift+tab", "shift+up", "enter", "esc", "space", "ctrl+n", "delete", "K", "a", "|"} {
		if got := press(n).String(); got != n {
			t.Errorf("press(%q).String() = %q", n, got)
		}
	}
}

type updater interface {
	Update(tea.Msg) (Result, tea.Cmd)
}

// keys sends the named keys in order and returns the last result.
func keys(t testing.TB, m updater, names ...string) Result {
	t.Helper()
	var res Result
	for _, n := range names {
		res, _ = m.Update(press(n))
	}
	return res
}

// typeText types s one key at a time, as a terminal would.
func typeText(m updater, s string) {
	for _, r := range s {
		if r == ' ' {
			m.Update(press("space"))
			continue
		}
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func report(t testing.TB, name string) *api.Report {
	t.Helper()
	r, ok := api.LookupReport(name)
	if !ok {
		t.Fatalf("no report %s", name)
	}
	return r
}

func targets(vals ...string) []api.Target {
	out := make([]api.Target, len(vals))
	for i, v := range vals {
		out[i] = api.Target{Value: v, Type: api.RootDomain}
	}
	return out
}

// plain renders a view without styles, ANSI stripped.
func plain(s string) string { return ansi.Strip(s) }

// checkSize asserts a view is exactly h lines of at most w cells.
func checkSize(t *testing.T, what, v string, w, h int) {
	t.Helper()
	if h <= 0 {
		if v != "" {
			t.Errorf("%s %dx%d: want empty view, got %q", what, w, h, v)
		}
		return
	}
	lines := strings.Split(v, "\n")
	if len(lines) != h {
		t.Errorf("%s %dx%d: %d lines", what, w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%s %dx%d: line %d is %d cells: %q", what, w, h, i, lw, l)
		}
	}
}

var sizes = func() [][2]int {
	var out [][2]int
	for _, w := range []int{0, 1, 2, 3, 5, 10, 17, 33, 40, 60, 80, 120, 200} {
		for _, h := range []int{0, 1, 2, 3, 4, 6, 10, 24, 60} {
			out = append(out, [2]int{w, h})
		}
	}
	return out
}()
