package api

import (
	"strings"
	"testing"
)

func TestTargetValidationRefusesWhatIsNotAHost(t *testing.T) {
	cases := []struct{ in, want string }{
		{"user@example.com", "looks like an e-mail address; give its domain (example.com)"},
		{"example.com:8080", "has a port (:8080); Semrush takes host names without one: give example.com"},
		{"https://example.com:8443/page", "has a port (:8443)"},
		{"-foo-.com", `label "-foo-" starts or ends with a hyphen`},
		{"foo-.example.com", `label "foo-" starts or ends with a hyphen`},
		{"exa_mple.com", `label "exa_mple" holds '_'`},
		{"a..com", "empty label"},
		{".example.com", "empty label"},
		{strings.Repeat("a", 64) + ".com", "is 64 characters long (at most 63)"},
		{strings.Repeat(strings.Repeat("a", 60)+".", 5) + "com", "is 308 characters long; a host name has at most 253"},
		{"exa!mple.com", `holds '!'`},
		{"例え☃.jp", "cannot be part of a host name"},
		{"ftp://example.com/file", "not an http or https URL"},
		{"https://[::1:8080/", "has a port"},
		{"http://example.com/%zz", "not a valid URL"},
		{"https://example.com/x", "target type root_domain takes a host name"}, // with an explicit type, below
	}
	for i, c := range cases {
		tt := TargetType("")
		if i == len(cases)-1 {
			tt = RootDomain
		}
		got, err := NewTarget(c.in, tt)
		if err == nil {
			t.Errorf("NewTarget(%q) = %+v, want refused (%s)", c.in, got, c.want)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("NewTarget(%q): %q, want it to say %q", c.in, err, c.want)
		}
	}
}

func TestTargetURLWithCredentialsIsRefusedWithoutQuotingThem(t *testing.T) {
	for _, in := range []string{"https://user:pw-s3cr3t@example.com/", "user:pw-s3cr3t@example.com/page", "http://pw-s3cr3t@example.com"} {
		_, err := NewTarget(in, "")
		if err == nil {
			t.Fatalf("NewTarget(%q) accepted a URL with credentials", in)
		}
		if strings.Contains(err.Error(), "s3cr3t") || !strings.Contains(err.Error(), "user name or password") {
			t.Errorf("NewTarget(%q): %q", in, err)
		}
	}
	// An "@" in the path is not user info.
	if got, err := NewTarget("https://medium.com/@someone/post", ""); err != nil || got.Value != "https://medium.com/@someone/post" {
		t.Errorf("@ in a path: %+v %v", got, err)
	}
}

func TestTargetIDNBecomesPunycode(t *testing.T) {
	cases := []struct {
		in, value string
		typ       TargetType
		root      string
	}{
		{"例え.jp", "xn--r8jz45g.jp", RootDomain, "xn--r8jz45g.jp"},
		{"www.例え.jp", "www.xn--r8jz45g.jp", Domain, "xn--r8jz45g.jp"},
		{"例え。jp", "xn--r8jz45g.jp", RootDomain, "xn--r8jz45g.jp"},
		{"Bücher.DE", "xn--bcher-kva.de", RootDomain, "xn--bcher-kva.de"},
		{"MÜNCHEN.de", "xn--mnchen-3ya.de", RootDomain, "xn--mnchen-3ya.de"},
		{"ｅｘａｍｐｌｅ.com", "example.com", RootDomain, "example.com"},
		// A public suffix under an IDN (公司.cn): the registrable domain is one more label.
		{"例え.公司.cn", "xn--r8jz45g.xn--55qx5d.cn", RootDomain, "xn--r8jz45g.xn--55qx5d.cn"},
		{"shop.例え.公司.cn", "shop.xn--r8jz45g.xn--55qx5d.cn", Domain, "xn--r8jz45g.xn--55qx5d.cn"},
		{"xn--r8jz45g.jp", "xn--r8jz45g.jp", RootDomain, "xn--r8jz45g.jp"},
		// URLs: the host is punycoded, the path kept as typed.
		{"https://例え.jp/Pfad/ü?q=ü", "https://xn--r8jz45g.jp/Pfad/ü?q=ü", URL, "xn--r8jz45g.jp"},
		{"HTTPS://WWW.Example.COM/Page", "https://www.example.com/Page", URL, "example.com"},
		{"例え.jp/page", "xn--r8jz45g.jp/page", URL, "xn--r8jz45g.jp"},
		// Hyphens inside a label, and digits, are fine.
		{"r3---sn-abc.googlevideo.com", "r3---sn-abc.googlevideo.com", Domain, "googlevideo.com"},
		{"1-2-3.example", "1-2-3.example", RootDomain, "1-2-3.example"},
		{strings.Repeat("a", 63) + ".com", strings.Repeat("a", 63) + ".com", RootDomain, strings.Repeat("a", 63) + ".com"},
	}
	for _, c := range cases {
		got, err := NewTarget(c.in, "")
		if err != nil {
			t.Errorf("NewTarget(%q): %v", c.in, err)
			continue
		}
		if got.Value != c.value || got.Type != c.typ {
			t.Errorf("NewTarget(%q) = %+v, want %q %s", c.in, got, c.value, c.typ)
		}
		if r := RootOf(got.Value); r != c.root {
			t.Errorf("RootOf(%q) = %q, want %q", got.Value, r, c.root)
		}
	}
}

// Labels of RFC 3492's samples (section 7.1) come out as its punycode.
func TestIDNLabelsRFC3492Samples(t *testing.T) {
	cases := map[string]string{
		"他们为什么不说中文":                    "xn--ihqwcrb4cv8a8dqg056pqjye",
		"ひとつ屋根の下2":                     "xn--2-u9tlzr9756bt3uc0v",
		"почемужеонинеговорятпорусски": "xn--b1abfaaepdrnnbgefbadotcwatmq2g4l",
		"3年b組金八先生":                     "xn--3b-ww4c5e180e575a65lsy2b",
		"bücher":                       "xn--bcher-kva",
		"BÜCHER":                       "xn--bcher-kva",
		"r3---sn-abc":                  "r3---sn-abc",
	}
	for in, want := range cases {
		if got, err := idnLabel(in); err != nil || got != want {
			t.Errorf("idnLabel(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestURLTargetsDropTheFragment(t *testing.T) {
	tg, err := NewTarget("https://Example.com/page?q=1#section-2", "")
	if err != nil || tg.Value != "https://example.com/page?q=1" || tg.Type != URL {
		t.Fatalf("got %+v, %v", tg, err)
	}
}
