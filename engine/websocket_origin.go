package engine

import (
	"errors"
	"strings"
)

// The Origin policy (RFC 6455 §4.2.1 item 7, §4.2.2, §10.2; RFC 6454).
// Browsers always send Origin on a WebSocket handshake, and a page cannot
// forge it; every other client can send anything or nothing. So an Origin
// check protects browser users from other sites (Cross-Site WebSocket
// Hijacking) and nothing else.

// originSettings are the settings of this file, in the order the Server pane
// lists them (see Settings).
var originSettings = []*Setting{
	{Key: "wsorigin", Group: "WebSocket", Label: "Origin policy", Help: "wsorigin=any (default) accepts every Origin; same-origin requires the Origin's host[:port] to equal Host (gorilla's default, coder's without OriginPatterns); allow-list accepts only the origins in wsorigins. A refused Origin gets 403 (RFC 6455 §10.2).", Kind: "choice", Choices: []string{"any", "same-origin", "allow-list"}, choice: func(c *Config) *string { return &c.WebSocket.Origin }},
	{Key: "wsorigins", Group: "WebSocket", Label: "Allowed origins", Kind: "list",
		Help: "wsorigins=https://a.example,http://localhost:8080: the serialized origins (scheme://host[:port], or null) accepted when wsorigin=allow-list; compared ASCII case-insensitively.",
		get:  func(c *Config) string { return strings.Join(c.WebSocket.Origins, ",") },
		set: func(c *Config, val string) error {
			var out []string
			es, _ := splitList(val, 0)
			for _, e := range es {
				if _, _, ok := parseOrigin(e.Value); !ok && e.Value != "null" {
					return errors.New("expected a comma-separated list of origins such as https://a.example")
				}
				out = append(out, e.Value)
			}
			if len(out) > 32 {
				return errors.New("at most 32 origins")
			}
			c.WebSocket.Origins = out
			return nil
		}},
}

// parseOrigin splits a serialized origin (RFC 6454 §6.2) into its scheme and
// host[:port]. It accepts scheme "://" host [ ":" port ] with no path.
func parseOrigin(s string) (scheme, hostport string, ok bool) {
	i := schemeLen(s)
	if i == 0 || !strings.HasPrefix(s[i:], "://") {
		return "", "", false
	}
	hp := s[i+3:]
	if hp == "" || invalidHostByte(hp) >= 0 {
		return "", "", false
	}
	return s[:i], hp, true
}

// checkOrigin applies the server's Origin policy.
func checkOrigin(c *wsCheck) {
	n, r := c.n, c.n.req
	policy := n.cfg.WebSocket.Origin
	origins := r.Values("Origin")
	const check = "the Origin is allowed by the server's policy"
	if len(origins) == 0 {
		n.t.skip(check, Span{}, noteWSOriginAbsent)
		return
	}
	o := origins[0]
	if policy == "any" {
		n.t.pass(check, o.ValueSpan, noteWSOriginAny, Var{"origin", o.Value})
		return
	}
	if len(origins) > 1 {
		c.fail(check, origins[1].Span, noteWSOriginMultiple)
		return
	}
	if policy == "allow-list" && listedOrigin(n.cfg.WebSocket.Origins, o.Value) {
		n.t.pass(check, o.ValueSpan, noteWSOriginListed, Var{"origin", o.Value})
		return
	}
	if o.Value == "null" {
		c.fail(check, o.ValueSpan, noteWSOriginNull)
		return
	}
	_, hostport, ok := parseOrigin(o.Value)
	if !ok {
		c.fail(check, o.ValueSpan, noteWSOriginMalformed, Var{"origin", o.Value})
		return
	}
	switch policy {
	case "same-origin":
		host := ""
		if hs := r.Values("Host"); len(hs) == 1 {
			host = hs[0].Value
		}
		if !equalFold(hostport, host) {
			c.fail(check, o.ValueSpan, noteWSOriginCross, Var{"origin", o.Value}, Var{"originhost", hostport}, Var{"host", host})
			return
		}
		n.t.pass(check, o.ValueSpan, noteWSOriginSame, Var{"origin", o.Value}, Var{"host", host})
	default:
		c.fail(check, o.ValueSpan, noteWSOriginNotListed, Var{"origin", o.Value}, Var{"allowed", strings.Join(n.cfg.WebSocket.Origins, ", ")})
	}
}

// listedOrigin reports whether origin is in the allow-list.
func listedOrigin(list []string, origin string) bool {
	for _, a := range list {
		if equalFold(a, origin) {
			return true
		}
	}
	return false
}
