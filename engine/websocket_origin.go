package engine

import (
	"errors"
	"strings"
)

// The Origin policy (RFC 6455 §4.2.1 item 7, §4.2.2, §10.2; RFC 6454).
// Browsers always send Origin on a WebSocket handshake, and a page cannot
// forge it; every other client can send anything or nothing. So an Origin
// check protects browser users from pages of other origins (Cross-Site
// WebSocket Hijacking) and nothing else.

// originSettings are the settings of this file, in the order the Server pane
// lists them (see Settings).
var originSettings = []*Setting{
	{Key: "wsorigin", Group: "WebSocket", Label: "Origin policy", Help: "wsorigin=any (default) accepts every Origin; same-origin accepts only the server's own origin, http://host[:port] of the request's authority, compared as RFC 6454 §5 does (scheme, host, port with the scheme's default; gorilla's default and coder's without OriginPatterns compare only host[:port] with Host); allow-list accepts only the origins in wsorigins. A refused Origin gets 403 (RFC 6455 §10.2).", Kind: "choice", Choices: []string{"any", "same-origin", "allow-list"}, choice: func(c *Config) *string { return &c.WebSocket.Origin }},
	{Key: "wsorigins", Group: "WebSocket", Label: "Allowed origins", Kind: "list",
		Help: "wsorigins=https://a.example,http://localhost:8080: the serialized origins (scheme://host[:port], or null) accepted when wsorigin=allow-list; compared as origins (RFC 6454 §5: scheme and host case-insensitively, a missing port as the scheme's default).",
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
		scheme, _, _ := parseOrigin(o.Value)
		server := serverOrigin(r)
		if n.cfg.WebSocket.OriginHostOnly {
			// The library compares host[:port] as text; say so when the
			// origin comparison would decide otherwise.
			authority := requestAuthority(r)
			same := equalFold(hostport, authority)
			if same != (makeOrigin(scheme, hostport) == server) {
				n.t.note(o.ValueSpan, noteOriginHostOnly, n.prof.vars(Var{"origin", o.Value}, Var{"authority", authority})...)
			}
			if !same {
				c.fail(check, o.ValueSpan, noteWSOriginCross, Var{"origin", o.Value}, Var{"server", "http://" + authority})
				return
			}
			n.t.pass(check, o.ValueSpan, noteWSOriginSame, Var{"origin", o.Value}, Var{"server", "http://" + authority})
			return
		}
		if makeOrigin(scheme, hostport) != server {
			c.fail(check, o.ValueSpan, noteWSOriginCross, Var{"origin", o.Value}, Var{"server", server.String()})
			return
		}
		n.t.pass(check, o.ValueSpan, noteWSOriginSame, Var{"origin", o.Value}, Var{"server", server.String()})
	default:
		c.fail(check, o.ValueSpan, noteWSOriginNotListed, Var{"origin", o.Value}, Var{"allowed", strings.Join(n.cfg.WebSocket.Origins, ", ")})
	}
}

// listedOrigin reports whether origin is in the allow-list: the same origin
// as a listed one (RFC 6454 §5, so https://a.example:443 is
// https://a.example), or null when null is listed.
func listedOrigin(list []string, origin string) bool {
	scheme, hostport, ok := parseOrigin(origin)
	for _, a := range list {
		if a == origin && a == "null" {
			return true
		}
		if ls, lhp, lok := parseOrigin(a); ok && lok && makeOrigin(ls, lhp) == makeOrigin(scheme, hostport) {
			return true
		}
	}
	return false
}

// An origin is the scheme/host/port triple of RFC 6454 §4: the scheme and
// host lower-cased, and the port the scheme's default when the URI has none.
// Two origins are the same if, and only if, the triples are identical
// (RFC 6454 §5).
type origin struct{ scheme, host, port string }

// makeOrigin builds the origin of scheme "://" hostport.
func makeOrigin(scheme, hostport string) origin {
	scheme = lower(scheme)
	host, port := hostport, ""
	if strings.HasPrefix(hostport, "[") { // IP-literal (RFC 3986 §3.2.2)
		if i := strings.IndexByte(hostport, ']'); i >= 0 {
			host = hostport[:i+1]
			port = strings.TrimPrefix(hostport[i+1:], ":")
		}
	} else if i := strings.IndexByte(hostport, ':'); i >= 0 {
		host, port = hostport[:i], hostport[i+1:]
	}
	for len(port) > 1 && port[0] == '0' { // the port is a number
		port = port[1:]
	}
	if port == "" { // an empty port is the default one (RFC 3986 §3.2.3)
		port = defaultPort(scheme)
	}
	return origin{scheme, lower(host), port}
}

// defaultPort is a scheme's default port, or "" for a scheme without one
// this server knows.
func defaultPort(scheme string) string {
	switch scheme {
	case "http", "ws":
		return "80"
	case "https", "wss":
		return "443"
	}
	return ""
}

// String serializes the origin (RFC 6454 §6.2): scheme "://" host, and ":"
// port unless it is the scheme's default.
func (o origin) String() string {
	s := o.scheme + "://" + o.host
	if o.port != "" && o.port != defaultPort(o.scheme) {
		s += ":" + o.port
	}
	return s
}

// serverOrigin is this server's own origin for the request. The scheme is
// http: the handshake arrives over plain HTTP/1.1, so the WebSocket URI is
// ws:, and a page of the same origin was served over http: (a server behind
// a TLS-terminating proxy would be https:, which this one cannot see). The
// host and port are the request's authority: an absolute-form target's,
// which an origin server uses instead of Host (RFC 9112 §3.2.2), else Host's.
func serverOrigin(r *Request) origin {
	return makeOrigin("http", requestAuthority(r))
}

// requestAuthority is the request's authority: an absolute-form target's,
// which an origin server uses instead of Host (RFC 9112 §3.2.2), else Host's.
func requestAuthority(r *Request) string {
	authority := ""
	if r.TargetForm == "absolute" {
		authority, _ = targetAuthority(r)
	} else if hs := r.Values("Host"); len(hs) == 1 {
		authority = hs[0].Value
	}
	return authority
}
