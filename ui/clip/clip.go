// Package clip copies text to the user's clipboard in layers: OSC 52 through
// the terminal (works over SSH), tmux's paste buffer when inside tmux, and the
// local clipboard only when the program runs locally with a display (over
// SSH a remote xclip would "succeed" on the wrong machine).
package clip

import (
	"bytes"
	"fmt"
	"os/exec"
	"runtime"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/atotto/clipboard"
)

// MaxOSC52 is the longest text sent through OSC 52. Its base64 form
// (4/3 larger) stays under the 100,000-byte sequence limit common to
// terminals (xterm, tmux); longer sequences are silently dropped by them.
const MaxOSC52 = 74994

// Env is where the program runs.
type Env struct {
	SSH     bool // SSH_TTY or SSH_CONNECTION is set
	Tmux    bool // TMUX is set
	Display bool // a local graphical session: DISPLAY/WAYLAND_DISPLAY, or macOS/Windows
}

// DetectEnv reads the environment through getenv.
func DetectEnv(getenv func(string) string) Env {
	e := Env{
		SSH:  getenv("SSH_TTY") != "" || getenv("SSH_CONNECTION") != "" || getenv("SSH_CLIENT") != "",
		Tmux: getenv("TMUX") != "",
	}
	switch runtime.GOOS {
	case "darwin", "windows":
		e.Display = true
	default:
		e.Display = getenv("DISPLAY") != "" || getenv("WAYLAND_DISPLAY") != ""
	}
	return e
}

// Local reports whether the local clipboard and browser are the user's.
func (e Env) Local() bool { return !e.SSH && e.Display }

// DoneMsg reports what a copy did, in words for the status bar.
type DoneMsg struct {
	Text string // what was copied (for tests); never shown
	Msg  string
	Err  bool
}

// Copier performs the copy layers; its functions are replaceable in tests.
type Copier struct {
	Env    Env
	Tmux   func(text string) error // tmux load-buffer -w -
	Native func(text string) error // atotto/clipboard
}

// New returns a Copier for env with the real tmux and native clipboards.
func New(env Env) *Copier {
	return &Copier{Env: env, Tmux: tmuxLoad, Native: clipboard.WriteAll}
}

// Copy returns the commands that copy text: OSC 52 (a message the Bubble Tea
// renderer turns into the escape sequence), then tmux and the native
// clipboard in a command of their own, which reports a DoneMsg.
// what names the thing copied ("URL", "row").
func (c *Copier) Copy(text, what string) tea.Cmd {
	if text == "" {
		return func() tea.Msg { return DoneMsg{Msg: "nothing to copy here", Err: true} }
	}
	osc := len(text) <= MaxOSC52
	env := c.Env
	layers := func() tea.Msg {
		var done, failed []string
		if env.Tmux && c.Tmux != nil {
			if err := c.Tmux(text); err != nil {
				failed = append(failed, "tmux buffer: "+firstLine(err.Error()))
			} else {
				done = append(done, "tmux buffer")
			}
		}
		if env.Local() && c.Native != nil {
			if err := c.Native(text); err != nil {
				failed = append(failed, "local clipboard: "+firstLine(err.Error()))
			} else {
				done = append(done, "clipboard")
			}
		}
		return summarize(text, what, osc, env, done, failed)
	}
	if osc {
		return tea.Batch(tea.SetClipboard(text), layers)
	}
	return layers
}

func summarize(text, what string, osc bool, env Env, done, failed []string) DoneMsg {
	size := fmt.Sprintf("%s (%d chars)", what, len([]rune(text)))
	switch {
	case contains(done, "clipboard"):
		return DoneMsg{Text: text, Msg: "copied " + size}
	case osc && len(done) > 0:
		return DoneMsg{Text: text, Msg: size + " sent to the terminal clipboard and the " + strings.Join(done, ", ")}
	case osc:
		m := size + " sent to the terminal clipboard (OSC 52)"
		if env.SSH {
			m += " over SSH"
		}
		if len(failed) > 0 {
			m += "; " + strings.Join(failed, "; ")
		}
		return DoneMsg{Text: text, Msg: m}
	case len(done) > 0:
		return DoneMsg{Text: text, Msg: size + " copied to the " + strings.Join(done, ", ") + "; too long for the terminal clipboard"}
	}
	m := fmt.Sprintf("not copied: %s is too long for the terminal clipboard (limit %d bytes)", size, MaxOSC52)
	if len(failed) > 0 {
		m += "; " + strings.Join(failed, "; ")
	}
	return DoneMsg{Msg: m, Err: true}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

func tmuxLoad(text string) error {
	cmd := exec.Command("tmux", "load-buffer", "-w", "-")
	cmd.Stdin = strings.NewReader(text)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if s := strings.TrimSpace(stderr.String()); s != "" {
			return fmt.Errorf("%s", s)
		}
		return err
	}
	return nil
}

// OpenURL opens u in the local browser; it refuses when not local.
func OpenURL(env Env, u string) tea.Cmd {
	return func() tea.Msg {
		if !env.Local() {
			if env.SSH {
				return DoneMsg{Msg: "not opened: running over SSH (the browser would open on the remote machine); press y to copy the URL", Err: true}
			}
			return DoneMsg{Msg: "not opened: no graphical display here; press y to copy the URL", Err: true}
		}
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			return DoneMsg{Msg: "not opened: only http(s) URLs are opened", Err: true}
		}
		var cmd *exec.Cmd
		switch runtime.GOOS {
		case "darwin":
			cmd = exec.Command("open", u)
		case "windows":
			cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", u)
		default:
			cmd = exec.Command("xdg-open", u)
		}
		if err := cmd.Start(); err != nil {
			return DoneMsg{Msg: "not opened: " + firstLine(err.Error()), Err: true}
		}
		go cmd.Wait() //nolint:errcheck // reap the opener; its exit status says nothing useful
		return DoneMsg{Msg: "opened in the browser"}
	}
}
