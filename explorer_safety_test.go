package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
	"linkdive/api/sandbox"
	"linkdive/ui"
	"linkdive/ui/clip"
)

// bodyServer answers every backlinks request with body and the balance
// endpoint with a number.
func bodyServer(t *testing.T, body string) harnessOpt {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.URL.Path, "/users/"):
			w.Write([]byte("50,000"))
		case r.URL.Query().Get("type") == "backlinks" && r.URL.Query().Get("display_offset") == "":
			w.Write([]byte(body))
		default:
			w.Write([]byte("ERROR 50 :: NOTHING FOUND\r\n"))
		}
	}))
	t.Cleanup(srv.Close)
	return func(o *ui.Options, _ *sandbox.Options) {
		o.Client = api.NewClient(api.Config{Key: sandboxKey, BaseURL: srv.URL + "/analytics/v1/",
			BalanceURL: srv.URL + "/users/countapiunits.html", MaxRetries: -1})
	}
}

const hostileBody = "page_ascore;source_title;source_url;target_url;anchor;external_num;internal_num;first_seen;last_seen\r\n" +
	"50;\x1b]52;c;SGFja2Vk\x07Pwned\x1b[2J\x1b[H\x9b31mred\u202eevil\u200b;https://evil.example/\x1b]8;;http://x\x07a;https://www.example.com/;\x1b[5mblink\x07\x08\x7f;1;2;1700000000;1710000000\r\n" +
	"40;plain title;https://ok.example/;https://www.example.com/;ok;1;2;1700000000;1710000000\r\n"

func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	h := newHarness(t, "example.com", bodyServer(t, hostileBody), func(o *ui.Options, _ *sandbox.Options) {
		o.Clip = &clip.Copier{Env: clip.Env{SSH: true}}
	})
	for _, keys := range [][]string{{"2"}, {"d"}, {"right", "right", "right"}, {"Y"}, {"y"}, {"esc", "/"}} {
		h.keys(keys...)
		raw := h.m.View().Content // the Plain theme adds no styling: no ESC may appear at all
		for _, bad := range []rune{0x1b, 0x07, 0x9b, 0x202e, 0x200b, 0x08, 0x7f} {
			if strings.ContainsRune(raw, bad) {
				t.Fatalf("after %v the frame holds %q:\n%q", keys, bad, raw)
			}
		}
	}
	h.keys("esc", "left", "left", "left")
	h.mustShow("␛]52;c;SGFja2Vk␇Pwned") // visible, harmless placeholders
	for _, c := range h.osc52 {
		if strings.ContainsAny(c, "\x1b\x07\u009b") {
			t.Fatalf("copied text holds control characters: %q", c)
		}
	}
}

// Every line keeps the window's width as the terminal counts cells: by
// wcwidth until it reports grapheme clustering (mode 2027), by grapheme
// clusters after, as Bubble Tea's renderer does.
func TestWideCharactersKeepEveryLineTheWidth(t *testing.T) {
	for _, term := range []struct {
		name    string
		report  bool
		measure func(string) int
	}{
		{"wcwidth terminal", false, ansi.StringWidthWc},
		{"mode 2027 terminal", true, ansi.StringWidth},
	} {
		for _, name := range []string{"testdata/wide-characters.csv", "testdata/very-long-values.csv"} {
			body, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			h := newHarness(t, "example.com", bodyServer(t, string(body)))
			if term.report {
				h.send(tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeSet})
			}
			h.keys("2")
			for _, w := range []int{120, 97, 80, 61, 40} {
				h.send(tea.WindowSizeMsg{Width: w, Height: 30})
				for _, mode := range [][]string{nil, {"d"}, {"right", "right"}} {
					h.keys(mode...)
					lines := strings.Split(h.screen(), "\n")
					if len(lines) != 30 {
						t.Fatalf("%s at %d: %d lines", name, w, len(lines))
					}
					for i, l := range lines {
						if got := term.measure(l); got != w {
							t.Fatalf("%s, %s at width %d, mode %v: line %d is %d cells:\n%s", term.name, name, w, mode, i, got, h.screen())
						}
					}
				}
				h.keys("d", "left", "left")
			}
		}
	}
}

// pagedServer answers the first backlinks page with body and later pages
// with later (an error, NOTHING FOUND...).
func pagedServer(t *testing.T, body, later string, status int, laterHits *int) harnessOpt {
	t.Helper()
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasPrefix(r.URL.Path, "/users/"):
			w.Write([]byte("50,000"))
		case r.URL.Query().Get("type") != "backlinks":
			w.Write([]byte("ERROR 50 :: NOTHING FOUND\r\n"))
		case r.URL.Query().Get("display_offset") == "":
			w.Write([]byte(body))
		default:
			mu.Lock()
			*laterHits++
			mu.Unlock()
			w.WriteHeader(status)
			w.Write([]byte(later))
		}
	}))
	t.Cleanup(srv.Close)
	return func(o *ui.Options, _ *sandbox.Options) {
		o.Client = api.NewClient(api.Config{Key: sandboxKey, BaseURL: srv.URL + "/analytics/v1/",
			BalanceURL: srv.URL + "/users/countapiunits.html", MaxRetries: -1})
		o.PageSize = 3
	}
}

const threeRows = "page_ascore;source_title;source_url;target_url;anchor;external_num;internal_num;first_seen;last_seen\r\n" +
	"50;one;https://a.example/;https://www.example.com/;a;1;2;1700000000;1710000000\r\n" +
	"40;two;https://b.example/;https://www.example.com/;b;1;2;1700000000;1710000000\r\n" +
	"30;three;https://c.example/;https://www.example.com/;c;1;2;1700000000;1710000000\r\n"

func TestErrorsKeepWhatIsLoaded(t *testing.T) {
	for _, c := range []struct {
		name, later string
		status      int
		want        []string
	}{
		{"API error", "ERROR 132 :: API UNITS BALANCE IS ZERO\r\n", 200,
			[]string{"API error 132: API UNITS BALANCE IS ZERO (the API units balance is used up); loaded rows are kept; r retries"}},
		{"server error", "<html>Bad gateway</html>", 502, []string{"HTTP 502: the server sent an HTML page; loaded rows are kept; r retries"}},
		{"nothing found", "ERROR 50 :: NOTHING FOUND\r\n", 200, []string{"all 3 rows"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var hits int
			h := newHarness(t, "example.com", pagedServer(t, threeRows, c.later, c.status, &hits))
			h.keys("2")
			h.mustShow("one", "two", "three")
			h.mustShow(c.want...)
			n := hits
			h.keys("j", "j")
			if !strings.Contains(h.cursorLine(), "three") {
				t.Fatalf("the cursor should reach the third row:\n%s", h.screen())
			}
			if c.name != "nothing found" {
				if hits != n {
					t.Fatal("moving after an error asked for the failed page again on its own")
				}
				h.keys("r")
				if hits != n+1 {
					t.Fatal("r should retry the failed page")
				}
				h.mustShow("loaded rows are kept; r retries")
			}
		})
	}
}

// A dialog over a table leaves the table visible on both sides of it, on
// terminals that count cells either way.
func TestDialogsKeepTheTableAroundThem(t *testing.T) {
	for _, report := range []bool{false, true} {
		h := newHarness(t, "example.com")
		if report {
			h.send(tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeSet})
		}
		h.keys("3")
		plain := strings.Split(h.screen(), "\n")
		h.keys("f")
		framed := strings.Split(h.screen(), "\n")
		for i := 10; i < 20; i++ {
			p, f := []rune(plain[i]), []rune(framed[i])
			if string(f[len(f)-4:]) != string(p[len(p)-4:]) || string(f[:4]) != string(p[:4]) {
				t.Fatalf("mode 2027 %v, line %d:\n plain %q\nframed %q", report, i, plain[i], framed[i])
			}
		}
	}
}
