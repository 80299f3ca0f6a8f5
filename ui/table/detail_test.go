package table

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"linkdive/ui/theme"
)

func TestDetailFields(t *testing.T) {
	tb := parse(t, "backlinks", testdata(t, "cases/very-long-values.csv"))
	all := DetailLines(tb, 0, 60, theme.Plain(), DetailOptions{})
	for i, l := range all {
		if ansi.StringWidth(l) != 60 {
			t.Fatalf("line %d is %d cells: %q", i, ansi.StringWidth(l), l)
		}
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{"Page AS:", "Source URL:", "Last seen:", "2024-03-09 16:30:00 UTC", "URL of the source page"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	// The URL is whole (scheme included) once the wrapped pieces are joined.
	url := tb.Text(0, tb.Index("source_url"))
	var joined strings.Builder
	in := false
	for _, l := range all {
		if strings.HasPrefix(l, "Source URL:") {
			in = true
		} else if in && !strings.HasPrefix(l, "              ") {
			break
		}
		if in {
			piece := strings.TrimSpace(l[len("Source URL:   "):])
			if piece == "URL of the source page" {
				break
			}
			joined.WriteString(piece)
		}
	}
	if joined.String() != url {
		t.Errorf("wrapped URL\n got %q\nwant %q", joined.String(), url)
	}
	// Text wraps at spaces: no line of the title ends inside a word.
	title := tb.Text(0, tb.Index("source_title"))
	words := map[string]bool{}
	for _, w := range strings.Fields(title) {
		words[w] = true
	}
	for _, l := range all {
		if strings.HasPrefix(l, "Source title:") || strings.HasPrefix(l, "              An") || strings.HasPrefix(l, "              ex") {
			for _, w := range strings.Fields(l[14:]) {
				if !words[w] {
					t.Errorf("title broken inside a word: %q in %q", w, l)
				}
			}
		}
	}
	// Without descriptions.
	short := DetailLines(tb, 0, 60, theme.Plain(), DetailOptions{NoDescriptions: true})
	if len(short) >= len(all) || strings.Contains(strings.Join(short, "\n"), "URL of the source page") {
		t.Error("NoDescriptions kept the descriptions")
	}
}

func TestDetailScrollAndSize(t *testing.T) {
	tb := parse(t, "backlinks", testdata(t, "cases/very-long-values.csv"))
	all := DetailLines(tb, 0, 40, theme.Plain(), DetailOptions{})
	win := lines(DetailWith(tb, 0, 40, 5, theme.Plain(), DetailOptions{Offset: 3}))
	if len(win) != 5 || strings.Join(win, "\n") != strings.Join(all[3:8], "\n") {
		t.Errorf("window at 3:\n%s", strings.Join(win, "\n"))
	}
	// Offset past the end shows the last full window.
	win = lines(DetailWith(tb, 0, 40, 5, theme.Plain(), DetailOptions{Offset: 1 << 30}))
	if strings.Join(win, "\n") != strings.Join(all[len(all)-5:], "\n") {
		t.Error("clamped offset")
	}
	// Taller than the content: padded with blank lines.
	win = lines(Detail(tb, 0, 40, len(all)+3, theme.Plain()))
	if len(win) != len(all)+3 || strings.TrimSpace(win[len(win)-1]) != "" {
		t.Error("padding")
	}
}

func TestDetailFlaggedRow(t *testing.T) {
	tb := parse(t, "backlinks", testdata(t, "cases/semicolon-in-url.csv"))
	out := Detail(tb, 1, 100, 40, theme.Plain())
	if !strings.HasPrefix(out, "⚠ Repaired: a ';' inside a value split") {
		t.Errorf("issue not shown first:\n%s", out)
	}
	if !strings.Contains(out, "https://shop.example.net/item;jsessionid=ABC123XYZ") {
		t.Errorf("repaired URL not whole:\n%s", out)
	}
	if strings.Contains(Detail(tb, 0, 50, 40, theme.Plain()), "⚠") {
		t.Error("unflagged row shows an issue")
	}
}

func TestDetailValues(t *testing.T) {
	tb := parse(t, "refdomains", testdata(t, "fixtures/backlinks_refdomains.csv"))
	out := Detail(tb, 0, 70, 30, theme.Plain())
	for _, want := range []string{"1,850,868", "us (United States)", "2017-05-21"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	tb = parse(t, "backlinks", "page_ascore;nofollow;anchor;first_seen\r\n1;true;;0\r\n")
	out = Detail(tb, 0, 40, 20, theme.Plain())
	for _, want := range []string{"Nofollow:", "yes", "Anchor:", "(empty)", "(none)"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if !strings.Contains(Detail(nil, 0, 30, 3, nil), "No row selected") {
		t.Error("nil table")
	}
}

// Exact widths at every size, wide characters included, never a panic.
func TestDetailWidths(t *testing.T) {
	for _, f := range []string{"cases/wide-characters.csv", "cases/very-long-values.csv", "fixtures/backlinks.csv"} {
		tb := parse(t, "backlinks", testdata(t, f))
		for _, th := range []*theme.Theme{theme.Plain(), theme.New(true, false)} {
			for _, wc := range []bool{false, true} {
				method := ansi.GraphemeWidth
				if wc {
					method = ansi.WcWidth
				}
				for _, w := range []int{0, 1, 2, 3, 5, 9, 13, 20, 41, 80} {
					for _, h := range []int{0, 1, 4, 30} {
						for r := -1; r <= tb.Len(); r++ {
							out := DetailWith(tb, r, w, h, th, DetailOptions{WcWidth: wc, Offset: 2})
							checkFrame(t, out, w, h, method)
						}
					}
				}
			}
		}
	}
	tb := parse(t, "backlinks", testdata(t, "cases/wide-characters.csv"))
	m := New(theme.Plain())
	m.SetTable(tb)
	m.SetCursor(1)
	if out := m.Detail(50, 10, DetailOptions{}); !strings.Contains(out, "Example ❤️ Blog 👩‍💻") {
		t.Errorf("Model.Detail:\n%s", out)
	}
	if n := len(m.DetailLines(50, DetailOptions{})); n != len(DetailLines(tb, 1, 50, theme.Plain(), DetailOptions{})) || n < 10 {
		t.Errorf("Model.DetailLines: %d lines", n)
	}
}
