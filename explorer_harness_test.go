package main

import (
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
	"linkdive/api/sandbox"
	"linkdive/ui"
	"linkdive/ui/clip"
	"linkdive/ui/theme"
)

// sandboxKey is the key the test explorers use; the sandbox accepts any.
const sandboxKey = "test-key-0123456789"

// fixedNow makes the sandbox's synthetic data the same on every day.
var fixedNow = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

// harness drives the explorer's root model directly: it calls Update, runs
// the returned commands synchronously and feeds their messages back until
// nothing is left, as the Bubble Tea runtime would (minus timers).
type harness struct {
	t      *testing.T
	m      *ui.Model
	srv    *sandbox.Server
	client *api.Client
	w, h   int
	osc52  []string // texts sent to the terminal clipboard
	quit   bool
	sent   *[]url.Values // query of every request, in order
}

// recorder records the query of every request before the sandbox serves it.
type recorder struct {
	next http.RoundTripper
	qs   *[]url.Values
	mu   sync.Mutex
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	*r.qs = append(*r.qs, req.URL.Query())
	r.mu.Unlock()
	return r.next.RoundTrip(req)
}

type harnessOpt func(*ui.Options, *sandbox.Options)

// clientOpt changes the test client's configuration (cache, budget).
type clientOpt func(*api.Config)

func newHarness(t *testing.T, target string, opts ...harnessOpt) *harness {
	t.Helper()
	return newHarnessWith(t, target, nil, opts...)
}

func newHarnessWith(t *testing.T, target string, copts []clientOpt, opts ...harnessOpt) *harness {
	t.Helper()
	sopt := sandbox.Options{Now: func() time.Time { return fixedNow }, RatePerSecond: -1, MaxInFlight: -1}
	uopt := ui.Options{Keys: keyMap(nil), Theme: theme.Plain(), NoColor: true,
		Clip: &clip.Copier{}, Now: func() time.Time { return fixedNow }, TabSettle: time.Millisecond}
	for _, o := range opts {
		o(&uopt, &sopt)
	}
	srv := sandbox.New(sopt)
	sent := &[]url.Values{}
	if uopt.Client == nil {
		cfg := api.Config{Key: sandboxKey,
			BaseURL:    "http://sandbox.test/analytics/v1/",
			BalanceURL: "http://sandbox.test/users/countapiunits.html",
			HTTP:       &http.Client{Transport: &recorder{next: srv.Transport(), qs: sent}}, MaxRetries: -1,
			RatePerSecond: 1000} // the client's own 10/s limit is tested in package api
		for _, o := range copts {
			o(&cfg)
		}
		uopt.Client = api.NewClient(cfg)
	}
	if target != "" {
		tg, err := api.NewTarget(target, "")
		if err != nil {
			t.Fatal(err)
		}
		uopt.Target = &tg
	}
	h := &harness{t: t, m: ui.New(uopt), srv: srv, client: uopt.Client, w: 120, h: 40, sent: sent}
	h.run(h.m.Init())
	h.send(tea.WindowSizeMsg{Width: h.w, Height: h.h})
	return h
}

// send delivers a message and everything it causes.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	_, cmd := h.m.Update(msg)
	h.run(cmd)
}

// run executes cmd and feeds its messages back, depth first.
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			h.t.Fatal("the model keeps producing commands")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			h.quit = true
		default:
			name := fmt.Sprintf("%T", msg)
			switch {
			case name == "tea.setClipboardMsg":
				h.osc52 = append(h.osc52, reflect.ValueOf(msg).String())
			case name == "tea.sequenceMsg":
				v := reflect.ValueOf(msg)
				for i := 0; i < v.Len(); i++ {
					queue = append(queue, v.Index(i).Interface().(tea.Cmd))
				}
			case strings.HasPrefix(name, "spinner.") || strings.HasPrefix(name, "cursor.") ||
				strings.HasPrefix(name, "textinput.") || strings.HasPrefix(name, "tea."):
				// timers and terminal queries: the runtime's business
			default:
				_, next := h.m.Update(msg)
				queue = append(queue, next)
			}
		}
	}
}

// keys presses keys by name: "j", "G", "enter", "esc", "tab", "shift+tab",
// "space", "ctrl+n", "up", "down", "left", "right", "delete", "backspace".
func (h *harness) keys(names ...string) {
	h.t.Helper()
	for _, n := range names {
		h.send(keyPress(n))
	}
}

// typeText types each rune of s.
func (h *harness) typeText(s string) {
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyPress(name string) tea.KeyPressMsg {
	named := map[string]rune{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "space": tea.KeySpace,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"delete": tea.KeyDelete, "backspace": tea.KeyBackspace,
	}
	var mod tea.KeyMod
	base := name
	for {
		switch {
		case strings.HasPrefix(base, "ctrl+"):
			mod |= tea.ModCtrl
			base = strings.TrimPrefix(base, "ctrl+")
			continue
		case strings.HasPrefix(base, "shift+"):
			mod |= tea.ModShift
			base = strings.TrimPrefix(base, "shift+")
			continue
		}
		break
	}
	if code, ok := named[base]; ok {
		k := tea.KeyPressMsg{Code: code, Mod: mod}
		if base == "space" {
			k.Text = " "
		}
		return k
	}
	r := []rune(base)[0]
	if mod != 0 {
		return tea.KeyPressMsg{Code: r, Mod: mod}
	}
	return tea.KeyPressMsg{Code: r, Text: base}
}

// screen is the rendered frame without styling.
func (h *harness) screen() string {
	return ansi.Strip(h.m.View().Content)
}

// requests is the sandbox's log of analytics requests.
func (h *harness) requests() []sandbox.LogEntry { return h.srv.Log() }

// lastRequest is the newest logged request.
func (h *harness) lastRequest() sandbox.LogEntry {
	h.t.Helper()
	log := h.srv.Log()
	if len(log) == 0 {
		h.t.Fatal("no request was sent")
	}
	return log[len(log)-1]
}

func (h *harness) mustShow(want ...string) {
	h.t.Helper()
	s := h.screen()
	for _, w := range want {
		if !strings.Contains(s, w) {
			h.t.Fatalf("screen lacks %q:\n%s", w, s)
		}
	}
}

// cursorLine is the table row under the cursor (marked › in the gutter),
// without the marker.
func (h *harness) cursorLine() string {
	for _, l := range strings.Split(h.screen(), "\n") {
		if t := strings.TrimLeft(l, " "); strings.HasPrefix(t, "›") {
			return strings.TrimSpace(strings.TrimPrefix(t, "›"))
		}
	}
	return ""
}
