package theme

import (
	"reflect"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// styles lists every ready style of a theme by name.
func styles(th *Theme) map[string]lipgloss.Style {
	out := map[string]lipgloss.Style{}
	v := reflect.ValueOf(th).Elem()
	for i := 0; i < v.NumField(); i++ {
		if s, ok := v.Field(i).Interface().(lipgloss.Style); ok {
			out[v.Type().Field(i).Name] = s
		}
	}
	return out
}

func TestNoColorEnv(t *testing.T) {
	cases := []struct {
		env  []string
		want bool
	}{
		{nil, false},
		{[]string{"NO_COLOR="}, false},
		{[]string{"TERM=xterm", "NO_COLOR=1"}, true},
		{[]string{"NO_COLOR=false"}, true}, // any non-empty value
		{[]string{"XNO_COLOR=1"}, false},
	}
	for _, c := range cases {
		if got := NoColorEnv(c.env); got != c.want {
			t.Errorf("NoColorEnv(%q) = %v, want %v", c.env, got, c.want)
		}
	}
}

// Without colour, no style may emit a colour, yet the selection, headers
// and badges must still stand out.
func TestNoColorIsReadableWithoutColour(t *testing.T) {
	for _, th := range []*Theme{New(true, true), New(false, true), ForProfile(true, colorprofile.ASCII, false)} {
		for name, s := range styles(th) {
			out := s.Render("x")
			if strings.Contains(out, "38;") || strings.Contains(out, "48;") || hasBasicColour(out) {
				t.Errorf("%s emits a colour without colour: %q", name, out)
			}
		}
		if !th.Selected.GetReverse() {
			t.Error("selection is not reverse video without colour")
		}
		if !th.Header.GetBold() || !th.Header.GetUnderline() {
			t.Error("header not bold+underlined without colour")
		}
		if !th.BadgeDemo.GetReverse() || !th.BadgeLive.GetReverse() {
			t.Error("badges not reversed without colour")
		}
	}
}

func hasBasicColour(sgr string) bool {
	// 30-37, 40-47, 90-97, 100-107 as SGR parameters.
	for _, p := range strings.FieldsFunc(sgr, func(r rune) bool { return r == ';' || r == '[' || r == 'm' || r == '\x1b' }) {
		if len(p) == 2 && (p[0] == '3' || p[0] == '4' || p[0] == '9') && p[1] >= '0' && p[1] <= '7' {
			return true
		}
		if len(p) == 3 && p[:2] == "10" && p[2] >= '0' && p[2] <= '7' {
			return true
		}
	}
	return false
}

func TestPlainHasNoStyling(t *testing.T) {
	th := ForProfile(true, colorprofile.NoTTY, false)
	if !th.Plain {
		t.Fatal("NoTTY profile is not plain")
	}
	for name, s := range styles(th) {
		if out := s.Render("abc"); out != "abc" {
			t.Errorf("%s renders %q in the plain theme", name, out)
		}
	}
}

func TestLightAndDarkDiffer(t *testing.T) {
	for _, p := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI} {
		d, l := ForProfile(true, p, false), ForProfile(false, p, false)
		if d.Color.Accent == nil || d.Color.Warning == nil || d.Color.Cost == nil {
			t.Fatalf("profile %v: missing tokens", p)
		}
		if reflect.DeepEqual(d.Color.Accent, l.Color.Accent) || reflect.DeepEqual(d.Color.Warning, l.Color.Warning) {
			t.Errorf("profile %v: light and dark accents/warnings are the same", p)
		}
		if !strings.Contains(d.Selected.Render("x"), "\x1b[") {
			t.Errorf("profile %v: selection has no styling", p)
		}
	}
}

// The 16-colour theme uses only the 16 basic colours, so the terminal's own
// palette decides the shades.
func TestANSIProfileUsesBasicColours(t *testing.T) {
	th := ForProfile(true, colorprofile.ANSI, false)
	v := reflect.ValueOf(th.Color)
	for i := 0; i < v.NumField(); i++ {
		c := v.Field(i).Interface()
		if c == nil {
			continue
		}
		if got := colorprofile.ANSI.Convert(c.(interface{ RGBA() (r, g, b, a uint32) })); !reflect.DeepEqual(got, c) {
			t.Errorf("%s is not a basic colour: %#v", v.Type().Field(i).Name, c)
		}
	}
	// The selection is reverse video in 16 colours.
	if !th.Selected.GetReverse() {
		t.Error("16-colour selection is not reverse video")
	}
}

func TestGlyphsAreOneCell(t *testing.T) {
	for _, g := range []Glyphs{UnicodeGlyphs(), ASCIIGlyphs()} {
		v := reflect.ValueOf(g)
		for i := 0; i < v.NumField(); i++ {
			s := v.Field(i).String()
			if lipgloss.Width(s) != 1 {
				t.Errorf("glyph %s = %q is %d cells", v.Type().Field(i).Name, s, lipgloss.Width(s))
			}
		}
	}
}
