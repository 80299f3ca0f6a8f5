package api

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// Target is one queried target with its type.
type Target struct {
	Value string
	Type  TargetType
}

func (t Target) String() string { return t.Value + " (" + string(t.Type) + ")" }

// ParseTargetType accepts the wire names of target types.
func ParseTargetType(s string) (TargetType, error) {
	switch TargetType(strings.ToLower(strings.TrimSpace(s))) {
	case RootDomain:
		return RootDomain, nil
	case Domain:
		return Domain, nil
	case Subdomain:
		return Subdomain, nil
	case URL:
		return URL, nil
	}
	return "", fmt.Errorf("unknown target type %q (want root_domain, domain, subdomain or url)", s)
}

// NewTarget normalises a target typed by a user and infers its type when t is
// empty: a URL (with a scheme or a path) is url, a registrable domain
// (example.com, example.co.uk) is root_domain, a host under one is domain.
//
// Host names are checked as DNS names (letters, digits and hyphens, labels
// of 1-63 characters, at most 253 in all) and internationalised ones are
// turned into their punycode form (例え.jp: xn--r8jz45g.jp). Refused: e-mail
// addresses, ports, IP addresses as hosts, and URLs carrying a user name or
// password (which would be sent and logged). A URL keeps its path, query and
// fragment as typed; its host is lower-cased and punycoded.
func NewTarget(value string, t TargetType) (Target, error) {
	v := strings.TrimSpace(value)
	if v == "" {
		return Target{}, fmt.Errorf("empty target")
	}
	for _, r := range v {
		if r <= ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return Target{}, fmt.Errorf("target %q contains spaces or control characters", v)
		}
	}
	if looksLikeURL(v) {
		u, err := normalizeURL(v)
		if err != nil {
			return Target{}, err
		}
		switch t {
		case "":
			t = URL
		case URL:
		default:
			return Target{}, fmt.Errorf("target %q is a URL; target type %s takes a host name such as example.com", v, t)
		}
		return Target{Value: u, Type: t}, nil
	}
	host, err := normalizeHost(v, v)
	if err != nil {
		return Target{}, err
	}
	if net.ParseIP(host) != nil {
		return Target{}, fmt.Errorf("target %q is an IP address; give a domain or a URL", v)
	}
	if !strings.Contains(host, ".") {
		return Target{}, fmt.Errorf("target %q is not a domain (no dot)", v)
	}
	root, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return Target{}, fmt.Errorf("target %q is not a registrable domain: %v", v, err)
	}
	if t == "" {
		t = Domain
		if root == host {
			t = RootDomain
		}
	}
	return Target{Value: host, Type: t}, nil
}

// InferTargetType infers the type of a target string (see NewTarget).
func InferTargetType(v string) (TargetType, error) {
	t, err := NewTarget(v, "")
	return t.Type, err
}

func looksLikeURL(v string) bool {
	return strings.Contains(v, "://") || strings.ContainsAny(v, "/?#")
}

// normalizeURL checks a URL target and returns it with its scheme and host
// lower-cased and the host punycoded, without a #fragment; the path and
// query are kept as typed.
func normalizeURL(v string) (string, error) {
	scheme, rest := "", v
	if i := strings.Index(v, "://"); i >= 0 {
		scheme, rest = strings.ToLower(v[:i]), v[i+3:]
		if scheme != "http" && scheme != "https" {
			return "", fmt.Errorf("target %q is not an http or https URL", v)
		}
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	auth, tail := rest[:end], rest[end:]
	if strings.Contains(auth, "@") {
		// The message does not repeat the URL: it holds the credentials.
		return "", fmt.Errorf("the target URL carries a user name or password (before \"@\"); linkdive never sends or stores credentials: give the URL without them")
	}
	if auth == "" {
		return "", fmt.Errorf("target %q has no host", v)
	}
	var host string
	if strings.HasPrefix(auth, "[") { // an IPv6 literal
		if !strings.HasSuffix(auth, "]") {
			return "", fmt.Errorf("target %q has a port (%s); give the URL without it", v, auth[strings.LastIndex(auth, "]")+1:])
		}
		if ip := net.ParseIP(auth[1 : len(auth)-1]); ip == nil || ip.To4() != nil {
			return "", fmt.Errorf("target %q is not a valid URL: bad IPv6 address %s", v, auth)
		}
		host = strings.ToLower(auth)
	} else if ip := net.ParseIP(strings.TrimSuffix(auth, ".")); ip != nil {
		host = ip.String()
	} else {
		var err error
		if host, err = normalizeHost(auth, v); err != nil {
			return "", err
		}
	}
	// A #fragment never reaches a server: the page is the same without it
	// (and the API would count it as another target).
	if i := strings.IndexByte(tail, '#'); i >= 0 {
		tail = tail[:i]
	}
	out := host + tail
	if scheme != "" {
		out = scheme + "://" + out
	}
	check := out
	if scheme == "" {
		check = "http://" + out
	}
	if _, err := url.Parse(check); err != nil {
		return "", fmt.Errorf("target %q is not a valid URL: %v", v, unwrapURLError(err))
	}
	return out, nil
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// normalizeHost checks a host name and returns its lower-case ASCII form
// (no trailing dot, IDN labels punycoded). target is what the user typed,
// quoted in the messages.
func normalizeHost(h, target string) (string, error) {
	h = strings.TrimSuffix(mapIDNDots(h), ".")
	if at := strings.LastIndex(h, "@"); at >= 0 {
		return "", fmt.Errorf("target %q looks like an e-mail address; give its domain (%s) or a URL", target, h[at+1:])
	}
	if net.ParseIP(h) != nil {
		return strings.ToLower(h), nil // the caller decides
	}
	if i := strings.LastIndex(h, ":"); i >= 0 {
		return "", fmt.Errorf("target %q has a port (%s); Semrush takes host names without one: give %s", target, h[i:], h[:i])
	}
	labels := strings.Split(h, ".")
	for i, l := range labels {
		if l == "" {
			return "", fmt.Errorf("target %q has an empty label (a leading dot or two dots in a row)", target)
		}
		a, err := idnLabel(l)
		if err != nil {
			return "", fmt.Errorf("target %q: %v", target, err)
		}
		if err := checkLabel(a, l); err != nil {
			return "", fmt.Errorf("target %q: %v", target, err)
		}
		labels[i] = a
	}
	out := strings.Join(labels, ".")
	if len(out) > maxHostLen {
		return "", fmt.Errorf("target %q is %d characters long; a host name has at most %d", target, len(out), maxHostLen)
	}
	return out, nil
}

// DNS limits (RFC 1035): a label of at most 63 characters, a name of at
// most 253 (without the trailing dot).
const (
	maxLabelLen = 63
	maxHostLen  = 253
)

// checkLabel checks an ASCII label (typed as typed; its form for messages).
func checkLabel(a, typed string) error {
	if len(a) > maxLabelLen {
		return fmt.Errorf("label %q is %d characters long (at most %d)", typed, len(a), maxLabelLen)
	}
	for i := 0; i < len(a); i++ {
		c := a[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return fmt.Errorf("label %q holds %q; host names take only letters, digits and hyphens", typed, rune(c))
		}
	}
	if a[0] == '-' || a[len(a)-1] == '-' {
		return fmt.Errorf("label %q starts or ends with a hyphen", typed)
	}
	return nil
}

// RootOf returns the registrable domain of a host or URL target
// (www.example.co.uk -> example.co.uk), or the value itself when it has none.
func RootOf(v string) string {
	host := v
	if strings.Contains(v, "://") {
		if u, err := url.Parse(v); err == nil && u.Host != "" {
			host = u.Hostname()
		}
	} else if i := strings.IndexAny(v, "/?#"); i >= 0 {
		host = v[:i]
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if root, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return root
	}
	return host
}
