package clip

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestDetectEnv(t *testing.T) {
	e := DetectEnv(env(map[string]string{"SSH_CONNECTION": "1.2.3.4 5 6.7.8.9 22", "DISPLAY": ":0"}))
	if !e.SSH || e.Local() {
		t.Errorf("over SSH the local clipboard is not the user's: %+v", e)
	}
	e = DetectEnv(env(map[string]string{"TMUX": "/tmp/tmux-0/default,1,0"}))
	if !e.Tmux || e.SSH {
		t.Errorf("tmux: %+v", e)
	}
}

// run executes a copy command the way Bubble Tea would, returning the
// messages it produced in order (a Batch yields its commands).
func run(cmd tea.Cmd) []tea.Msg {
	var out []tea.Msg
	var walk func(tea.Cmd)
	walk = func(c tea.Cmd) {
		if c == nil {
			return
		}
		msg := c()
		if seq, ok := msg.(tea.BatchMsg); ok {
			for _, sc := range seq {
				walk(sc)
			}
			return
		}
		out = append(out, msg)
	}
	walk(cmd)
	return out
}

func fakes(tmuxErr, nativeErr error) (*Copier, *[]string) {
	var calls []string
	return &Copier{
		Tmux:   func(s string) error { calls = append(calls, "tmux:"+s); return tmuxErr },
		Native: func(s string) error { calls = append(calls, "native:"+s); return nativeErr },
	}, &calls
}

func TestCopyOverSSHUsesOSC52Only(t *testing.T) {
	c, calls := fakes(nil, nil)
	c.Env = Env{SSH: true, Display: true}
	msgs := run(c.Copy("https://example.com/a", "URL"))
	if len(msgs) != 2 {
		t.Fatalf("want OSC 52 then a report, got %#v", msgs)
	}
	if len(*calls) != 0 {
		t.Errorf("over SSH neither tmux (not in tmux) nor the remote clipboard may be used: %v", *calls)
	}
	done := msgs[1].(DoneMsg)
	if done.Err || !strings.Contains(done.Msg, "terminal clipboard (OSC 52) over SSH") {
		t.Errorf("message: %q", done.Msg)
	}
}

func TestCopyLocalInTmux(t *testing.T) {
	c, calls := fakes(nil, nil)
	c.Env = Env{Tmux: true, Display: true}
	msgs := run(c.Copy("row\ttext", "row"))
	if got := strings.Join(*calls, ","); got != "tmux:row\ttext,native:row\ttext" {
		t.Errorf("layers used: %s", got)
	}
	if d := msgs[len(msgs)-1].(DoneMsg); d.Msg != "copied row (8 chars)" {
		t.Errorf("message: %q", d.Msg)
	}
}

func TestCopyNativeFailureIsReported(t *testing.T) {
	c, _ := fakes(nil, errors.New("No clipboard utilities available\nmore"))
	c.Env = Env{Display: true}
	d := run(c.Copy("x", "URL"))[1].(DoneMsg)
	if !strings.Contains(d.Msg, "sent to the terminal clipboard (OSC 52); local clipboard: No clipboard utilities available") {
		t.Errorf("message: %q", d.Msg)
	}
}

func TestCopyTooLongForOSC52(t *testing.T) {
	long := strings.Repeat("a", MaxOSC52+1)
	c, _ := fakes(nil, nil)
	c.Env = Env{SSH: true}
	msgs := run(c.Copy(long, "row"))
	if len(msgs) != 1 {
		t.Fatalf("a too-long value must not be sent through OSC 52: %d messages", len(msgs))
	}
	d := msgs[0].(DoneMsg)
	if !d.Err || !strings.Contains(d.Msg, "too long for the terminal clipboard") {
		t.Errorf("message: %q", d.Msg)
	}
	c.Env = Env{Display: true}
	d = run(c.Copy(long, "row"))[0].(DoneMsg)
	if d.Err || !strings.HasPrefix(d.Msg, "copied row") {
		t.Errorf("locally the native clipboard takes it: %q", d.Msg)
	}
}

func TestOpenURLRefusedOverSSH(t *testing.T) {
	d := OpenURL(Env{SSH: true, Display: true}, "https://example.com")().(DoneMsg)
	if !d.Err || !strings.Contains(d.Msg, "over SSH") {
		t.Errorf("message: %q", d.Msg)
	}
}
