package api

import (
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
func NewTarget(value string, t TargetType) (Target, error) {
	v := strings.TrimSpace(value)
	if v == "" {
		return Target{}, fmt.Errorf("empty target")
	}
	for _, r := range v {
		if r <= ' ' || r == 0x7f {
			return Target{}, fmt.Errorf("target %q contains spaces or control characters", v)
		}
	}
	if t == "" {
		inferred, err := InferTargetType(v)
		if err != nil {
			return Target{}, err
		}
		t = inferred
	}
	if t != URL {
		v = strings.TrimSuffix(strings.ToLower(v), ".")
	}
	return Target{Value: v, Type: t}, nil
}

// InferTargetType infers the type of a target string.
func InferTargetType(v string) (TargetType, error) {
	if strings.Contains(v, "://") || strings.ContainsAny(v, "/?#") {
		u, err := url.Parse(v)
		if err != nil {
			return "", fmt.Errorf("target %q is not a valid URL: %v", v, err)
		}
		if u.Host == "" && !strings.Contains(v, "://") {
			// "example.com/page": a host with a path.
			u, err = url.Parse("http://" + v)
			if err != nil || u.Host == "" {
				return "", fmt.Errorf("target %q is not a valid URL", v)
			}
		}
		if u.Host == "" {
			return "", fmt.Errorf("target %q has no host", v)
		}
		return URL, nil
	}
	host := strings.TrimSuffix(strings.ToLower(v), ".")
	if net.ParseIP(host) != nil {
		return "", fmt.Errorf("target %q is an IP address; give a domain or a URL", v)
	}
	if !strings.Contains(host, ".") {
		return "", fmt.Errorf("target %q is not a domain (no dot)", v)
	}
	root, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return "", fmt.Errorf("target %q is not a registrable domain: %v", v, err)
	}
	if root == host {
		return RootDomain, nil
	}
	return Domain, nil
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
