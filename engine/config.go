package engine

import (
	"errors"
	"strings"
)

// Config is the server the engine plays. Every decision the RFCs leave open
// is a field here, so that a setting in the page (or a server profile) can
// change it. DefaultConfig returns the default server of DESIGN §4.4.
//
// Protocol-specific settings live in their own structs, declared next to the
// code that uses them (websocket.go, h2c.go, tls.go).
type Config struct {
	HTTP      HTTPConfig
	WebSocket WebSocketConfig
	H2C       H2CConfig
	TLS       TLSConfig
}

// HTTPConfig holds the HTTP/1.1 message-syntax and generic Upgrade choices.
type HTTPConfig struct {
	// BareLF is "accept" (RFC 9112 §2.2: a recipient MAY accept a bare LF as
	// a line terminator; Go, nginx and Node do) or "reject" (400).
	BareLF string
	// CTL is "reject" (400) or "replace" (with SP) for a bare CR inside a
	// line and for NUL in a field value: RFC 9112 §2.2 and RFC 9110 §5.5
	// allow either.
	CTL string
	// RequestLine is "strict" (exactly one SP between the parts, RFC 9112
	// §3) or "lenient" (split on any run of SP, HTAB, VT or FF, which §3
	// allows, as nginx does).
	RequestLine string
	// ObsFold is "reject" (400, like Node and python-websockets) or "unfold"
	// (replace with SP, like Go): RFC 9112 §5.2 allows either.
	ObsFold string
	// TECL is what to do with both Transfer-Encoding and Content-Length:
	// "reject" (400 + close) or "te" (obey Transfer-Encoding, then close).
	TECL string
	// NoConnectionOption is what to do with an Upgrade field whose request
	// lacks the "upgrade" connection option: "ignore" (RFC 9110 §7.6.1: it
	// "ought to be ignored"), "426" or "400" (what many libraries do).
	NoConnectionOption string
	// RequireLength answers 411 to a chunked request body (RFC 9112 §6.3: a
	// server MAY reject a body without Content-Length).
	RequireLength bool
	// Advertise lists the protocols the server advertises with Upgrade in
	// an ordinary response (RFC 9110 §7.8: MAY send Upgrade in any response).
	Advertise bool
	// Expect100 is "send" (100 Continue before reading the body, RFC 9110
	// §10.1.1) or "skip-if-received" (omit the 100 when the body already arrived,
	// which §10.1.1 also allows).
	Expect100 string
	// Size limits.
	MaxRequestLine  int // bytes in the request-line; over it: 414
	MaxFieldLine    int // bytes in one field line; over it: 431
	MaxFields       int // field lines; over it: 431
	MaxHeaderBytes  int // bytes in the header section; over it: 431
	MaxBody         int // bytes of content the server reads before switching; over it: 413
	MaxRequestBytes int // the whole input the engine looks at
}

// DefaultConfig returns the default server (DESIGN §4.4).
func DefaultConfig() Config {
	return Config{
		HTTP: HTTPConfig{
			BareLF:             "accept",
			CTL:                "reject",
			RequestLine:        "strict",
			ObsFold:            "reject",
			TECL:               "reject",
			NoConnectionOption: "ignore",
			Expect100:          "send",
			MaxRequestLine:     8192,
			MaxFieldLine:       8192,
			MaxFields:          100,
			MaxHeaderBytes:     65536,
			MaxBody:            1 << 20,
			MaxRequestBytes:    4 << 20,
		},
		WebSocket: defaultWebSocketConfig(),
		H2C:       defaultH2CConfig(),
		TLS:       defaultTLSConfig(),
	}
}

// A Setting is one server setting: its deep-link key, its label and help for
// the Server pane, and how to read and write it on a Config. Settings are
// declared next to the code that uses them.
type Setting struct {
	Key     string   // deep-link key, stable forever
	Group   string   // "HTTP", "WebSocket", "h2c", "TLS"
	Label   string   // short label for the Server pane
	Help    string   // one or two plain-text sentences
	Kind    string   // "bool", "choice", "list" or "int"
	Choices []string // for "choice": the allowed values
	get     func(*Config) string
	set     func(*Config, string) error
}

var settings []*Setting

// Settings returns every setting, in declaration order.
func Settings() []*Setting { return settings }

// LookupSetting returns the setting with the key, or nil.
func LookupSetting(key string) *Setting {
	for _, s := range settings {
		if s.Key == key {
			return s
		}
	}
	return nil
}

// Get returns the setting's value on c, in its deep-link form.
func (s *Setting) Get(c *Config) string { return s.get(c) }

// Set parses v and stores it on c.
func (s *Setting) Set(c *Config, v string) error { return s.set(c, v) }

// Default returns the setting's value on the default server.
func (s *Setting) Default() string {
	d := DefaultConfig()
	return s.get(&d)
}

func define(s *Setting) *Setting {
	for _, o := range settings {
		if o.Key == s.Key {
			panic("engine: duplicate setting key " + s.Key)
		}
	}
	settings = append(settings, s)
	return s
}

func defineBool(key, group, label, help string, p func(*Config) *bool) *Setting {
	return define(&Setting{Key: key, Group: group, Label: label, Help: help, Kind: "bool",
		get: func(c *Config) string {
			if *p(c) {
				return "1"
			}
			return "0"
		},
		set: func(c *Config, v string) error {
			switch v {
			case "1", "true", "on", "yes":
				*p(c) = true
			case "0", "false", "off", "no":
				*p(c) = false
			default:
				return errors.New("expected 1 or 0")
			}
			return nil
		}})
}

func defineChoice(key, group, label, help string, choices []string, p func(*Config) *string) *Setting {
	return define(&Setting{Key: key, Group: group, Label: label, Help: help, Kind: "choice", Choices: choices,
		get: func(c *Config) string { return *p(c) },
		set: func(c *Config, v string) error {
			for _, ch := range choices {
				if v == ch {
					*p(c) = v
					return nil
				}
			}
			return errors.New("expected one of " + strings.Join(choices, ", "))
		}})
}

func defineInt(key, group, label, help string, lo, hi int, p func(*Config) *int) *Setting {
	return define(&Setting{Key: key, Group: group, Label: label, Help: help, Kind: "int",
		get: func(c *Config) string { return itoa(*p(c)) },
		set: func(c *Config, v string) error {
			if v == "" || len(v) > 9 {
				return errors.New("expected a number from " + itoa(lo) + " to " + itoa(hi))
			}
			n := 0
			for i := 0; i < len(v); i++ {
				if !isDigit(v[i]) {
					return errors.New("expected a number from " + itoa(lo) + " to " + itoa(hi))
				}
				n = n*10 + int(v[i]-'0')
			}
			if n < lo || n > hi {
				return errors.New("expected a number from " + itoa(lo) + " to " + itoa(hi))
			}
			*p(c) = n
			return nil
		}})
}

// defineList declares a setting holding a comma-separated list of tokens.
func defineList(key, group, label, help string, p func(*Config) *[]string) *Setting {
	return define(&Setting{Key: key, Group: group, Label: label, Help: help, Kind: "list",
		get: func(c *Config) string { return strings.Join(*p(c), ",") },
		set: func(c *Config, v string) error {
			var out []string
			es, _ := splitList(v, 0)
			for _, e := range es {
				if !isToken(e.Value) {
					return errors.New("expected a comma-separated list of tokens")
				}
				out = append(out, e.Value)
			}
			if len(out) > 32 {
				return errors.New("at most 32 entries")
			}
			*p(c) = out
			return nil
		}})
}

var (
	_ = defineChoice("lf", "HTTP", "Bare LF line ends", "RFC 9112 §2.2 lets a server accept a bare LF as a line terminator (Go, nginx, Node do) or reject it.", []string{"accept", "reject"}, func(c *Config) *string { return &c.HTTP.BareLF })
	_ = defineChoice("ctl", "HTTP", "Bare CR and NUL", "RFC 9112 §2.2 and RFC 9110 §5.5: reject a bare CR inside a line or a NUL in a field value with 400, or replace each with SP.", []string{"reject", "replace"}, func(c *Config) *string { return &c.HTTP.CTL })
	_ = defineChoice("rl", "HTTP", "Request-line whitespace", "RFC 9112 §3: split the request-line at single SPs (strict) or on any run of SP, HTAB, VT or FF (lenient, a smuggling risk between parsers that differ).", []string{"strict", "lenient"}, func(c *Config) *string { return &c.HTTP.RequestLine })
	_ = defineChoice("fold", "HTTP", "obs-fold (continued field lines)", "RFC 9112 §5.2: reject with 400 (Node, python-websockets) or replace with SP (Go).", []string{"reject", "unfold"}, func(c *Config) *string { return &c.HTTP.ObsFold })
	_ = defineChoice("tecl", "HTTP", "Transfer-Encoding with Content-Length", "RFC 9112 §6.1: reject with 400, or obey Transfer-Encoding; either way the connection closes and the server never switches.", []string{"reject", "te"}, func(c *Config) *string { return &c.HTTP.TECL })
	_ = defineChoice("noconn", "HTTP", "Upgrade without \"upgrade\" in Connection", "RFC 9110 §7.6.1 says such a field ought to be ignored; many libraries answer 426 or 400 instead.", []string{"ignore", "426", "400"}, func(c *Config) *string { return &c.HTTP.NoConnectionOption })
	_ = defineBool("needlen", "HTTP", "Require Content-Length (411 for chunked bodies)", "RFC 9112 §6.3: a server MAY refuse a request body without Content-Length with 411 (Length Required).", func(c *Config) *bool { return &c.HTTP.RequireLength })
	_ = defineBool("adv", "HTTP", "Advertise upgrades in ordinary responses", "RFC 9110 §7.8: a server MAY send Upgrade in any response to list the protocols it supports.", func(c *Config) *bool { return &c.HTTP.Advertise })
	_ = defineChoice("expect", "HTTP", "100 Continue", "RFC 9110 §10.1.1: send 100 (Continue) before reading the body, or omit it when the whole body has already arrived.", []string{"send", "skip-if-received"}, func(c *Config) *string { return &c.HTTP.Expect100 })
	_ = defineInt("maxline", "HTTP", "Longest request-line (bytes)", "Over it the server answers 414 (RFC 9112 §3).", 16, 1<<20, func(c *Config) *int { return &c.HTTP.MaxRequestLine })
	_ = defineInt("maxfield", "HTTP", "Longest field line (bytes)", "Over it the server answers 431 (RFC 9110 §5.4).", 16, 1<<20, func(c *Config) *int { return &c.HTTP.MaxFieldLine })
	_ = defineInt("maxfields", "HTTP", "Most field lines", "Over it the server answers 431 (RFC 9110 §5.4).", 1, 10000, func(c *Config) *int { return &c.HTTP.MaxFields })
	_ = defineInt("maxheader", "HTTP", "Largest header section (bytes)", "Over it the server answers 431 (RFC 9110 §5.4).", 64, 4<<20, func(c *Config) *int { return &c.HTTP.MaxHeaderBytes })
	_ = defineInt("maxrequest", "HTTP", "Largest request looked at (bytes)", "The whole input, header section and body; over it the server answers 431 without parsing (RFC 9110 §5.4).", 64, 16<<20, func(c *Config) *int { return &c.HTTP.MaxRequestBytes })
	_ = defineInt("maxbody", "HTTP", "Largest body read before switching (bytes)", "A server must read the whole request before switching (RFC 9110 §7.8); over this it answers 413.", 0, 1<<24, func(c *Config) *int { return &c.HTTP.MaxBody })
)
