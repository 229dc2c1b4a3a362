package engine

import "encoding/base64"

// h2c: HTTP/2 over cleartext TCP by Upgrade (RFC 7540 §3.2, §3.2.1), and its
// deprecation (RFC 9113 §3.1).

// H2CConfig is the h2c part of the server.
type H2CConfig struct {
	// Enabled makes the server accept "Upgrade: h2c" (RFC 7540 behaviour).
	Enabled bool
	// IgnoreConnection upgrades even when Connection lacks "upgrade", as
	// golang.org/x/net/http2/h2c does.
	IgnoreConnection bool
}

func defaultH2CConfig() H2CConfig { return H2CConfig{Enabled: true} }

var (
	_ = defineBool("h2c", "h2c", "Accept h2c upgrade", "RFC 7540 §3.2 behaviour. RFC 9113 deprecated it: current servers ignore Upgrade: h2c and answer 200.", func(c *Config) *bool { return &c.H2C.Enabled })
)

var h2cHandler = addHandler(&handler{
	name:      "h2c",
	match:     func(o offer) bool { return equalFold(o.Name, "h2c") },
	negotiate: negotiateH2C,
	advertise: func(c *Config) string {
		if c.H2C.Enabled {
			return "h2c"
		}
		return ""
	},
})

func negotiateH2C(n *negotiation, o offer) *verdict {
	r := n.req
	n.t.stage = "h2c"
	defer func() { n.t.stage = "upgrade" }()
	if !n.cfg.H2C.Enabled {
		n.t.skip("the server accepts h2c", o.Span, noteH2CDisabled)
		return nil
	}
	settings := r.Values("HTTP2-Settings")
	if len(settings) != 1 {
		n.t.fail("exactly one HTTP2-Settings field", r.fieldSpan("HTTP2-Settings"), noteH2CSettingsCount, v("count", itoa(len(settings))))
		return nil
	}
	payload, err := base64.RawURLEncoding.DecodeString(settings[0].Value)
	if err != nil || len(payload)%6 != 0 {
		n.t.fail("HTTP2-Settings is base64url of a SETTINGS payload", settings[0].ValueSpan, noteH2CSettingsInvalid, v("value", settings[0].Value))
		return nil
	}
	n.t.pass("exactly one valid HTTP2-Settings field", settings[0].ValueSpan, nil)
	return &verdict{accept: true, upgrade: "h2c"}
}

// priorKnowledge handles "PRI * HTTP/2.0", the HTTP/2 connection preface
// (RFC 9113 §3.4). It returns false to let the request be refused as HTTP/1.
func priorKnowledge(n *negotiation) bool { return false }
