package engine

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// h2c: HTTP/2 over cleartext TCP by Upgrade (RFC 7540 §3.2, §3.2.1), and its
// deprecation (RFC 9113 §3.1): the checks on the request. What follows the
// 101 is in h2c_after.go; the prior-knowledge preface in h2c_prior.go.

// H2CConfig is the h2c part of the server.
type H2CConfig struct {
	// Enabled makes the server accept "Upgrade: h2c" (RFC 7540 behaviour);
	// off, it ignores the offer like current servers (RFC 9113 §3.1).
	Enabled bool
	// IgnoreConnection upgrades even when Connection lacks "upgrade", as
	// golang.org/x/net/http2/h2c does.
	IgnoreConnection bool
	// NoSettingsOption is what to do when Connection does not list
	// "HTTP2-Settings" (RFC 7540 §3.2.1): "ignore" the upgrade, or "accept" it.
	NoSettingsOption string
	// BadSettings is the answer to a missing, repeated or undecodable
	// HTTP2-Settings: "ignore" (RFC 7540 §3.2.1: no upgrade, the ordinary
	// response) or "500" (golang.org/x/net/http2/h2c).
	BadSettings string
	// Preface is the server's SETTINGS: "xnet" (what golang.org/x/net/http2
	// sends, then a WINDOW_UPDATE), "go" (Go's net/http: the same without
	// NO_RFC7540_PRIORITIES) or "empty" (an empty SETTINGS frame).
	Preface string
	// Prior is the answer to the prior-knowledge preface PRI * HTTP/2.0:
	// "h2" (serve HTTP/2, RFC 9113 §3.3) or "505" (an HTTP/1.1-only server).
	Prior string
	// PriorHandled hands "PRI * HTTP/2.0" to the application as an
	// ordinary request, as Go's net/http does when it serves no HTTP/2
	// over cleartext: the preface's first line and empty line are the
	// request, what follows is the next one. Only profiles set it.
	PriorHandled bool
}

func defaultH2CConfig() H2CConfig {
	return H2CConfig{Enabled: true, NoSettingsOption: "ignore", BadSettings: "ignore", Preface: "xnet", Prior: "h2"}
}

// h2cSettings are the settings of this file, in the order the Server pane
// lists them (see Settings).
var h2cSettings = []*Setting{
	{Key: "h2c", Group: "h2c", Label: "Accept h2c upgrade", Help: "On: RFC 7540 §3.2, the server switches to HTTP/2 with 101. Off: RFC 9113 §3.1 deprecated the h2c upgrade, and current servers (Go net/http) ignore it and answer 200.", Kind: "bool", flag: func(c *Config) *bool { return &c.H2C.Enabled }},
	{Key: "h2cconn", Group: "h2c", Label: "h2c without \"upgrade\" in Connection", Help: "golang.org/x/net/http2/h2c switches even when Connection lists only HTTP2-Settings; RFC 9110 §7.8 requires the \"upgrade\" option.", Kind: "bool", flag: func(c *Config) *bool { return &c.H2C.IgnoreConnection }},
	{Key: "h2copt", Group: "h2c", Label: "HTTP2-Settings not listed in Connection", Help: "RFC 7540 §3.2.1: the client MUST list HTTP2-Settings in Connection; unlisted, the field ought to be ignored (RFC 9110 §7.6.1), so there is no upgrade. \"accept\" upgrades anyway.", Kind: "choice", Choices: []string{"ignore", "accept"}, choice: func(c *Config) *string { return &c.H2C.NoSettingsOption }},
	{Key: "h2cbad", Group: "h2c", Label: "Missing or invalid HTTP2-Settings", Help: "RFC 7540 §3.2.1: MUST NOT upgrade, so the ordinary 200. golang.org/x/net/http2/h2c answers 500 with an empty body.", Kind: "choice", Choices: []string{"ignore", "500"}, choice: func(c *Config) *string { return &c.H2C.BadSettings }},
	{Key: "h2cpreface", Group: "h2c", Label: "Server SETTINGS after the switch", Help: "xnet: the six settings golang.org/x/net/http2 sends, then a WINDOW_UPDATE. go: Go's net/http, the same without NO_RFC7540_PRIORITIES. empty: an empty SETTINGS frame, which RFC 9113 §3.4 allows.", Kind: "choice", Choices: []string{"xnet", "go", "empty"}, choice: func(c *Config) *string { return &c.H2C.Preface }},
	{Key: "h2prior", Group: "h2c", Label: "PRI * HTTP/2.0 (prior knowledge)", Help: "h2: the server speaks HTTP/2 from the first byte (RFC 9113 §3.3) and answers with its SETTINGS. 505: an HTTP/1.1-only server refuses the version.", Kind: "choice", Choices: []string{"h2", "505"}, choice: func(c *Config) *string { return &c.H2C.Prior }},
}

// h2cHandler negotiates the h2c token (one of protocolHandlers).
var h2cHandler = &handler{
	name:      "h2c",
	match:     func(o offer) bool { return equalFold(o.Name, "h2c") },
	negotiate: negotiateH2C,
	advertise: func(c *Config) string {
		if c.H2C.Enabled {
			return "h2c"
		}
		return ""
	},
}

func negotiateH2C(n *negotiation, o offer) *verdict {
	r := n.req
	n.t.stage = StageH2C
	defer func() { n.t.stage = StageUpgrade }()
	if !n.cfg.H2C.Enabled {
		n.t.skip("the server accepts h2c", o.Span, noteH2CDisabled)
		return nil
	}
	if o.Version != "" {
		n.t.note(o.Span, noteH2CTokenVersion, Var{"element", o.String()})
	}
	// RFC 7540 §3.2.1: HTTP2-Settings is a connection-specific field, so the
	// client MUST list it in Connection.
	listed := r.HasToken("Connection", "HTTP2-Settings")
	switch {
	case listed:
		n.t.pass("Connection lists the \"HTTP2-Settings\" option", r.fieldSpan("Connection"), nil)
	case n.cfg.H2C.NoSettingsOption == "accept":
		n.t.fail("Connection lists the \"HTTP2-Settings\" option", r.fieldSpan("Connection"), noteH2COptionLenient)
	default:
		n.t.fail("Connection lists the \"HTTP2-Settings\" option", r.fieldSpan("Connection"), noteH2COptionMissing)
		return nil
	}
	// refuse records why the settings are unusable: no upgrade (RFC 7540
	// §3.2.1), or x/net's 500, which x/net sends only once it has decided that
	// the request is an h2c upgrade (h2c in Upgrade, HTTP2-Settings listed).
	refuse := func(check string, sp Span, note *Note, vars ...Var) *verdict {
		n.t.fail(check, sp, note, vars...)
		if n.cfg.H2C.BadSettings != "500" || !listed {
			return nil
		}
		step := n.t.refuse("the server answers a bad HTTP2-Settings by ignoring the upgrade", sp, noteH2CSettings500)
		resp := &Response{Status: 500}
		resp.Add("Content-Length", "0")
		return refusal(resp, step)
	}
	fields := r.Values("HTTP2-Settings")
	if len(fields) != 1 {
		sp := r.fieldSpan("HTTP2-Settings")
		if sp.Empty() {
			sp = o.Span
		}
		return refuse("exactly one HTTP2-Settings field", sp, noteH2CSettingsCount, Var{"count", strconv.Itoa(len(fields))})
	}
	f := fields[0]
	if i := strings.IndexByte(f.Value, '='); i >= 0 {
		return refuse("HTTP2-Settings is base64url without padding", Span{f.ValueSpan.Start + i, f.ValueSpan.End}, noteH2CSettingsPadded, Var{"value", f.Value})
	}
	payload, err := base64.RawURLEncoding.Strict().DecodeString(f.Value)
	if err != nil {
		sp := f.ValueSpan
		if i := firstNonBase64URL(f.Value); i >= 0 {
			sp = Span{f.ValueSpan.Start + i, f.ValueSpan.Start + i + 1}
		}
		return refuse("HTTP2-Settings is base64url without padding", sp, noteH2CSettingsInvalid, Var{"value", f.Value})
	}
	if len(payload)%6 != 0 {
		n.t.fail("HTTP2-Settings decodes to whole 6-byte settings", f.ValueSpan, noteH2CSettingsLength, Var{"length", strconv.Itoa(len(payload))})
		return nil
	}
	n.t.pass("exactly one HTTP2-Settings field, base64url of a SETTINGS payload", f.ValueSpan, nil)
	if r.Method == "OPTIONS" {
		n.t.note(r.MethodSpan, noteH2COptions)
	}
	bad := checkClientSettings(n, payload, f.ValueSpan.Start)
	n.t.note(o.Span, noteH2CDeprecated)
	after := func(n *negotiation) []Part { return h2cAfter(n, payload, bad) }
	return &verdict{accept: true, upgrade: "h2c", after: after}
}

// checkClientSettings records one step per setting of the HTTP2-Settings
// payload (RFC 7540 §3.2.1: the server interprets them as it would any other
// SETTINGS frame) and returns the first invalid one, or nil.
// Each 6-byte setting is exactly 8 base64url characters, so a step points at
// the characters that encode its setting.
func checkClientSettings(n *negotiation, payload []byte, base int) *h2Setting {
	list, _ := parseH2Settings(payload)
	if len(list) == 0 {
		n.t.note(Span{base, base}, noteH2CSettingsEmpty)
		return nil
	}
	var bad *h2Setting
	for i, s := range list {
		sp := Span{base + 8*i, base + 8*i + 8}
		switch why, code := s.problem(); {
		case why != "":
			n.t.fail("the setting's value is valid", sp, noteH2CSettingInvalid, Var{"setting", s.label()}, Var{"value", strconv.Itoa(int(s.Value))}, Var{"why", why}, Var{"error", h2ErrorName(code)})
			if bad == nil {
				bad = &list[i]
			}
		case s.name() == "":
			n.t.skip("the setting is known", sp, noteH2CSettingUnknown, Var{"setting", s.label()}, Var{"value", strconv.Itoa(int(s.Value))})
		default:
			n.t.pass("the setting's value is valid", sp, noteH2CSetting, Var{"setting", s.label()}, Var{"value", strconv.Itoa(int(s.Value))})
		}
	}
	return bad
}

// firstNonBase64URL returns the index of the first byte outside the base64url
// alphabet (RFC 4648 §5), or -1.
func firstNonBase64URL(s string) int {
	for i := 0; i < len(s); i++ {
		if !isBase64URL(s[i]) {
			return i
		}
	}
	return -1
}
