package engine

import (
	"errors"
	"strconv"
	"strings"
	"sync"
)

// Config is the server the engine plays. Every decision the RFCs leave open
// is a field here, so that a setting in the page (or a server profile) can
// change it. DefaultConfig returns the default server.
//
// Protocol-specific settings live in their own structs, declared next to the
// code that uses them (websocket.go, h2c.go, tls.go).
type Config struct {
	HTTP      HTTPConfig
	WebSocket WebSocketConfig
	H2C       H2CConfig
	TLS       TLSConfig
	// Server is the profile the engine plays (profile.go): "" or "rfc" for
	// the default server. Profile.Config sets it with the library's settings.
	Server string
	// Proxy puts a reverse proxy in front of the server: "" for none, or
	// "nginx" (nginx's usual WebSocket reverse-proxy recipe).
	Proxy string
}

// HTTPConfig holds the HTTP/1.1 message-syntax and generic Upgrade choices.
type HTTPConfig struct {
	// BareLF is "accept" (RFC 9112 §2.2: a recipient MAY accept a bare LF as
	// the line terminator of the start-line and fields; Go, nginx and Node
	// do) or "reject" (400). Chunk lines end with CRLF either way (§7.1).
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
	MaxRequestLine int // bytes in the request-line; over it: 414 (501 for the method)
	MaxFieldLine   int // bytes in one field line, header or trailer; over it: 431
	MaxFields      int // field lines in the header section, and in a trailer section; over it: 431
	MaxHeaderBytes int // bytes in the header section, and in a trailer section; over it: 431
	MaxBody        int // bytes of content, the body without its chunked framing; over it: 413
	// MaxRequestBytes is the bytes the server reads for one request: its
	// request-line, header section and message body, not what follows it
	// (a pipelined request, the new protocol's bytes). A head that does not
	// fit gets 431, a message body that does not fit 413, a trailer section
	// that does not fit 431.
	MaxRequestBytes int

	// The fields below are behaviours of real libraries that break or
	// stretch an RFC rule. Only server profiles set them (profile.go); no
	// Setting does, and the trace notes each time one applies.

	// TECLKeepsOpen keeps the connection open after a request with both
	// Transfer-Encoding and Content-Length, read by Transfer-Encoding (with
	// TECL "te"), as Go's net/http does; RFC 9112 §6.1 says the server MUST
	// close it.
	TECLKeepsOpen bool
	// SwitchOnClose switches protocols even when the connection would
	// close after the response (Connection: close, HTTP/1.0 without
	// keep-alive): the library takes the connection over without looking
	// (gorilla/websocket, coder/websocket, x/net's h2c).
	SwitchOnClose bool
	// Upgrade10 honours Upgrade in an HTTP/1.0 request, which RFC 9110 §7.8
	// says a server MUST ignore (gorilla/websocket, x/net's h2c).
	Upgrade10 bool
	// EarlyFinal answers a request with Expect: 100-continue without
	// reading its content, and so without a 100 (Continue): "ordinary" when
	// the server does not switch (a net/http handler that never reads the
	// body), "always" also before a 101, which RFC 9110 §7.8 says MUST come
	// after a 100 (gorilla and coder hijack the connection unread); "" sends
	// the 100 as Expect100 says.
	EarlyFinal string
	// TokenListStops reads each Connection and Upgrade line only up to
	// its first element that is not a bare token (a protocol with a
	// version, an empty element), as gorilla/websocket's
	// tokenListContainsValue does; RFC 9110 §5.6.1 defines the whole list.
	TokenListStops bool
}

// DefaultConfig returns the default server: the one Negotiate(raw, nil)
// plays, and each Setting's Default.
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
// the Server pane, and where it lives in a Config. Settings are declared
// next to the code that uses them, in static lists (httpSettings and the
// like), so that the page runs no code for them at start-up.
type Setting struct {
	Key     string   // deep-link key, stable forever
	Group   string   // "HTTP", "WebSocket", "h2c", "TLS"
	Label   string   // short label for the Server pane
	Help    string   // one or two plain-text sentences
	Kind    string   // "bool", "choice", "list" or "int"
	Choices []string // for "choice": the allowed values

	// Where the value lives, by Kind: one of these is set.
	flag   func(*Config) *bool     // "bool"
	choice func(*Config) *string   // "choice"
	number func(*Config) *int      // "int", from lo to hi
	list   func(*Config) *[]string // "list": a comma-separated list of tokens
	lo, hi int

	// get and set, when set, read and write a setting with rules of its own.
	get func(*Config) string
	set func(*Config, string) error
}

// settings is every setting, in declaration order, listed on first use.
var settings struct {
	once sync.Once
	all  []*Setting
}

// Settings returns every setting, in declaration order.
func Settings() []*Setting {
	settings.once.Do(func() {
		for _, list := range [][]*Setting{httpSettings, h2cSettings, tlsSettings, websocketSettings, deflateSettings, originSettings} {
			settings.all = append(settings.all, list...)
		}
	})
	return settings.all
}

// LookupSetting returns the setting with the key, or nil.
func LookupSetting(key string) *Setting {
	for _, s := range Settings() {
		if s.Key == key {
			return s
		}
	}
	return nil
}

// Get returns the setting's value on c, in its deep-link form.
func (s *Setting) Get(c *Config) string {
	switch {
	case s.get != nil:
		return s.get(c)
	case s.flag != nil:
		if *s.flag(c) {
			return "1"
		}
		return "0"
	case s.choice != nil:
		return *s.choice(c)
	case s.number != nil:
		return strconv.Itoa(*s.number(c))
	}
	return strings.Join(*s.list(c), ",")
}

// Set parses v and stores it on c.
func (s *Setting) Set(c *Config, v string) error {
	switch {
	case s.set != nil:
		return s.set(c, v)
	case s.flag != nil:
		switch v {
		case "1", "true", "on", "yes":
			*s.flag(c) = true
		case "0", "false", "off", "no":
			*s.flag(c) = false
		default:
			return errors.New("expected 1 or 0")
		}
		return nil
	case s.choice != nil:
		for _, ch := range s.Choices {
			if v == ch {
				*s.choice(c) = v
				return nil
			}
		}
		return errors.New("expected one of " + strings.Join(s.Choices, ", "))
	case s.number != nil:
		return s.setNumber(c, v)
	}
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
	*s.list(c) = out
	return nil
}

// setNumber stores a decimal number from s.lo to s.hi.
func (s *Setting) setNumber(c *Config, v string) error {
	if v == "" || len(v) > 9 {
		return errors.New("expected a number from " + strconv.Itoa(s.lo) + " to " + strconv.Itoa(s.hi))
	}
	n := 0
	for i := 0; i < len(v); i++ {
		if !isDigit(v[i]) {
			return errors.New("expected a number from " + strconv.Itoa(s.lo) + " to " + strconv.Itoa(s.hi))
		}
		n = n*10 + int(v[i]-'0')
	}
	if n < s.lo || n > s.hi {
		return errors.New("expected a number from " + strconv.Itoa(s.lo) + " to " + strconv.Itoa(s.hi))
	}
	*s.number(c) = n
	return nil
}

// Default returns the setting's value on the default server.
func (s *Setting) Default() string {
	d := DefaultConfig()
	return s.Get(&d)
}

// httpSettings are the settings of this file, in the order the Server pane
// lists them (see Settings).
var httpSettings = []*Setting{
	{Key: "lf", Group: "HTTP", Label: "Bare LF line ends", Help: "RFC 9112 §2.2 lets a server accept a bare LF ending the request-line or a header or trailer field line (Go, nginx, Node do) or reject it; chunk lines end with CRLF only.", Kind: "choice", Choices: []string{"accept", "reject"}, choice: func(c *Config) *string { return &c.HTTP.BareLF }},
	{Key: "ctl", Group: "HTTP", Label: "Bare CR and NUL", Help: "RFC 9112 §2.2 and RFC 9110 §5.5: reject a bare CR inside a line or a NUL in a field value with 400, or replace each with SP.", Kind: "choice", Choices: []string{"reject", "replace"}, choice: func(c *Config) *string { return &c.HTTP.CTL }},
	{Key: "rl", Group: "HTTP", Label: "Request-line whitespace", Help: "RFC 9112 §3: split the request-line at single SPs (strict) or on any run of SP, HTAB, VT or FF (lenient, a smuggling risk between parsers that differ).", Kind: "choice", Choices: []string{"strict", "lenient"}, choice: func(c *Config) *string { return &c.HTTP.RequestLine }},
	{Key: "fold", Group: "HTTP", Label: "obs-fold (continued field lines)", Help: "RFC 9112 §5.2: reject with 400 (Node, python-websockets) or replace with SP (Go).", Kind: "choice", Choices: []string{"reject", "unfold"}, choice: func(c *Config) *string { return &c.HTTP.ObsFold }},
	{Key: "tecl", Group: "HTTP", Label: "Transfer-Encoding with Content-Length", Help: "RFC 9112 §6.1: reject with 400, or obey Transfer-Encoding; either way the connection closes and the server never switches.", Kind: "choice", Choices: []string{"reject", "te"}, choice: func(c *Config) *string { return &c.HTTP.TECL }},
	{Key: "noconn", Group: "HTTP", Label: "Upgrade without \"upgrade\" in Connection", Help: "RFC 9110 §7.6.1 says such a field ought to be ignored; many libraries answer 426 or 400 instead.", Kind: "choice", Choices: []string{"ignore", "426", "400"}, choice: func(c *Config) *string { return &c.HTTP.NoConnectionOption }},
	{Key: "needlen", Group: "HTTP", Label: "Require Content-Length (411 for chunked bodies)", Help: "RFC 9112 §6.3: a server MAY refuse a request body without Content-Length with 411 (Length Required).", Kind: "bool", flag: func(c *Config) *bool { return &c.HTTP.RequireLength }},
	{Key: "adv", Group: "HTTP", Label: "Advertise upgrades in ordinary responses", Help: "RFC 9110 §7.8: a server MAY send Upgrade in any response to list the protocols it supports.", Kind: "bool", flag: func(c *Config) *bool { return &c.HTTP.Advertise }},
	{Key: "expect", Group: "HTTP", Label: "100 Continue", Help: "RFC 9110 §10.1.1: send 100 (Continue) before reading the body, or omit it when the whole body has already arrived; a server that switches protocols always sends it before the 101 (RFC 9110 §7.8).", Kind: "choice", Choices: []string{"send", "skip-if-received"}, choice: func(c *Config) *string { return &c.HTTP.Expect100 }},
	{Key: "maxline", Group: "HTTP", Label: "Longest request-line (bytes)", Help: "Over it the server answers 414 (RFC 9112 §3), or 501 when the method alone is longer than any the server implements.", Kind: "int", lo: 16, hi: 1 << 20, number: func(c *Config) *int { return &c.HTTP.MaxRequestLine }},
	{Key: "maxfield", Group: "HTTP", Label: "Longest field line (bytes)", Help: "A header or trailer field line longer than this gets 431 (RFC 6585 §5; RFC 9110 §5.4 asks for a 4xx).", Kind: "int", lo: 16, hi: 1 << 20, number: func(c *Config) *int { return &c.HTTP.MaxFieldLine }},
	{Key: "maxfields", Group: "HTTP", Label: "Most field lines (per section)", Help: "More field lines than this in the header section, or in a chunked body's trailer section, get 431 (RFC 6585 §5, RFC 9110 §5.4).", Kind: "int", lo: 1, hi: 10000, number: func(c *Config) *int { return &c.HTTP.MaxFields }},
	{Key: "maxheader", Group: "HTTP", Label: "Largest header or trailer section (bytes)", Help: "A header section, or a chunked body's trailer section, larger than this gets 431 (RFC 6585 §5, RFC 9110 §5.4).", Kind: "int", lo: 64, hi: 4 << 20, number: func(c *Config) *int { return &c.HTTP.MaxHeaderBytes }},
	{Key: "maxrequest", Group: "HTTP", Label: "Largest request (bytes)", Help: "This request's request-line, header section and message body, not what follows it (a pipelined request, the new protocol's bytes): a head or a trailer section that does not fit gets 431 (RFC 6585 §5), any other part of the body 413 (RFC 9110 §15.5.14).", Kind: "int", lo: 64, hi: 16 << 20, number: func(c *Config) *int { return &c.HTTP.MaxRequestBytes }},
	{Key: "maxbody", Group: "HTTP", Label: "Largest content (bytes)", Help: "The request's content, its body without chunked framing (RFC 9110 §6.4), which the server reads before switching (RFC 9110 §7.8); over it the server answers 413 (RFC 9110 §15.5.14).", Kind: "int", lo: 0, hi: 1 << 24, number: func(c *Config) *int { return &c.HTTP.MaxBody }},
}
