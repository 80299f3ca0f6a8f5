package table

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"linkdive/api"
)

var tricky = []string{
	"",
	"plain ascii text",
	"示例新闻网 - 中文业界资讯站",
	"Example ❤️ Blog 👩‍💻",
	"👨‍👩‍👧‍👦👍🏽🇫🇷 flags",
	"ＦＵＬＬＷＩＤＴＨ Ｅｘａｍｐｌｅ",
	"Café Exämple ±½§ e\u0301\u0301 combining",
	"a\u0300\u0301\u0302\u0303b",
	"␛[31m shown escapes ␇",
	"https://例子.测试/路径/页面?q=值#片段",
	"x",
}

func clusters(m ansi.Method, s string) []string {
	var out []string
	for len(s) > 0 {
		cl, _ := ansi.FirstGraphemeCluster(s, m)
		if cl == "" {
			break
		}
		out = append(out, cl)
		s = s[len(cl):]
	}
	return out
}

// Truncation returns exactly the width it claims, never more than asked,
// and cuts only between grapheme clusters of the source.
func TestTruncationProperties(t *testing.T) {
	for _, m := range []ansi.Method{ansi.GraphemeWidth, ansi.WcWidth} {
		for _, s := range tricky {
			sw := m.StringWidth(s)
			if got := strWidth(m, s); got != sw {
				t.Errorf("strWidth(%q) = %d, ansi says %d", s, got, sw)
			}
			src := strings.Join(clusters(m, s), "\x00")
			for w := 0; w <= sw+2; w++ {
				r, rw := truncRight(m, s, w, "…")
				if rw != m.StringWidth(r) || rw > w {
					t.Fatalf("truncRight(%q,%d) = %q claims %d, is %d", s, w, r, rw, m.StringWidth(r))
				}
				if sw <= w && r != s {
					t.Errorf("truncRight(%q,%d) cut a string that fits: %q", s, w, r)
				}
				body := strings.TrimSuffix(r, "…")
				if !strings.HasPrefix(src, strings.Join(clusters(m, body), "\x00")) {
					t.Errorf("truncRight(%q,%d) = %q split a cluster", s, w, r)
				}
				l, lw := truncLeft(m, s, w, "…")
				if lw != m.StringWidth(l) || lw > w {
					t.Fatalf("truncLeft(%q,%d) = %q claims %d, is %d", s, w, l, lw, m.StringWidth(l))
				}
				body = strings.TrimPrefix(l, "…")
				if !strings.HasSuffix(src, strings.Join(clusters(m, body), "\x00")) {
					t.Errorf("truncLeft(%q,%d) = %q split a cluster", s, w, l)
				}
				for _, k := range []api.Kind{api.KindText, api.KindURL, api.KindDomain, api.KindInt, api.KindBool} {
					if f := fitCell(m, k, s, w, "…"); m.StringWidth(f) != w {
						t.Fatalf("fitCell(%v,%q,%d) = %q is %d cells", k, s, w, f, m.StringWidth(f))
					}
				}
			}
		}
	}
}

func TestFitURLKeepsHostAndTail(t *testing.T) {
	m := ansi.GraphemeWidth
	cases := []struct {
		url  string
		w    int
		want string
	}{
		{"news.example.com/2024/05/a-long-slug-about-things.html", 40, "news.example.com…-slug-about-things.html"},
		{"news.example.com/2024/05/slug.html", 29, "news.example.com…/slug.html"}, // starts at a '/' when one is near
		{"news.example.com/x", 30, "news.example.com/x"},
		{"a-very-long-host-name.example.com/path/to/page", 20, "a-very-long-host-na…"},
	}
	for _, c := range cases {
		got, gw := fitURL(m, c.url, c.w, "…")
		if got != c.want || gw > c.w {
			t.Errorf("fitURL(%q,%d) = %q (%d), want %q", c.url, c.w, got, gw, c.want)
		}
	}
}

func TestGroupDigits(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "0": "0", "999": "999", "1000": "1,000", "-1000": "-1,000", "-100": "-100",
		"2147483648": "2,147,483,648", "9223372036854775807": "9,223,372,036,854,775,807",
		"12a": "12a", "-": "-", "1.5": "1.5",
	} {
		if got := groupDigits(in); got != want {
			t.Errorf("groupDigits(%q) = %q, want %q", in, got, want)
		}
	}
}
