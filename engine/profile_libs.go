package engine

// The profiles of the Go libraries, each behind the net/http front
// (profile_nethttp.go). Their settings, check order and wording are read
// from the libraries' sources: gorilla/websocket v1.5.3 server.go
// (Upgrader.Upgrade, returnError, checkSameOrigin), coder/websocket
// v1.8.15 accept.go (accept, verifyClientRequest, authenticateOrigin) and
// golang.org/x/net/http2/h2c (h2cHandler.ServeHTTP, h2cUpgrade).

// goError is the handler fields of net/http's Error helper, which both
// WebSocket libraries answer refusals with (wording.goError).
var goError = []Header{{"Content-Type", "text/plain; charset=utf-8"}, {"X-Content-Type-Options", "nosniff"}}

// The checks of a WebSocket handshake that neither Go library makes:
// subprotocol and extension syntax (both libraries read the lists
// leniently), and repeated fields (both read the first line). Both
// profiles list them with net/http's (netHTTPTolerates).
var goWSTolerates = []string{
	"ws-subprotocol-empty", "ws-subprotocol-syntax", "ws-subprotocol-duplicate",
	"ws-extensions-syntax", "ws-extensions-quoted-not-token",
	"ws-key-noncanonical-strict", "ws-origin-multiple", "ws-version-duplicate",
}

// goWSConfig is what both Go WebSocket libraries do by default, behind
// net/http (netHTTPConfig): WebSocket on, an Origin compared with Host by
// host alone, no subprotocols or compression unless the application asks,
// and the connection taken over unread: it switches even when the
// connection would close after the response, and without the 100
// (Continue) an Expect: 100-continue asks for.
func goWSConfig(c *Config) {
	netHTTPConfig(c)
	c.WebSocket.Enabled = true
	c.WebSocket.Origin = "same-origin"
	c.WebSocket.OriginHostOnly = true
	c.WebSocket.Subprotocols = nil
	c.WebSocket.Deflate.Enabled = false
	c.HTTP.SwitchOnClose = true
	c.HTTP.EarlyFinal = "always"
}

// goWSUnsupported are the settings neither Go WebSocket library has an
// equivalent for: the reference handler serves WebSocket alone.
var goWSUnsupported = []unsupported{
	{"ws", "1", "way to turn WebSocket off: the handler calls it on every request"},
	{"h2c", "0", "h2c upgrade"},
	{"pmdzlib", "0", "zlib: it compresses with Go's compress/flate"},
}

// goWindowUnsupported: neither Go WebSocket library lets the application
// choose the LZ77 window sizes of permessage-deflate.
var goWindowUnsupported = []unsupported{
	{"pmdsbits", "15", "option for the LZ77 window size"},
	{"pmdcbits", "15", "option for the LZ77 window size"},
}

// goChecksUnsupported: the answers and checks of the handshake neither Go
// WebSocket library lets the application change.
var goChecksUnsupported = []unsupported{
	{"wsmethod", "405", "other answer to a non-GET handshake than 405"},
	{"wsversion", "400", "other answer to an unsupported version than 400"},
	{"wskey", "lenient", "strict base64 check of the key"},
}

var gorillaProfile = &Profile{
	ID: "gorilla", Title: "gorilla/websocket v1.5.3", Library: "gorilla/websocket", Version: "v1.5.3",
	Setup: "A net/http handler that calls Upgrader.Upgrade on every request.",
	configure: func(c *Config) {
		goWSConfig(c)
		c.WebSocket.Only = "400"
		c.HTTP.NoConnectionOption = "400"
		c.WebSocket.Deflate.ServerNoContext = true
		c.WebSocket.Deflate.ClientNoContext = true
		c.WebSocket.Deflate.Fixed = "permessage-deflate; server_no_context_takeover; client_no_context_takeover"
		c.WebSocket.EarlyData = "close"
		c.HTTP.Upgrade10 = true
		c.HTTP.TokenListStops = true
	},
	front: netHTTPFront,
	// tokenListContainsValue finds 13 in any Sec-WebSocket-Version line.
	tolerate: [][]string{{"ws-version-list", "ws-key-duplicate"}, goWSTolerates, netHTTPTolerates},
	order: []string{"ws-method-not-get", "ws-version-missing", "ws-version-list", "ws-version-malformed", "ws-version-unsupported",
		"ws-origin-cross-site", "ws-origin-malformed", "ws-origin-null", "ws-key-missing", "ws-key-duplicate", "ws-key-invalid"},
	refusals: []wording{
		{headers: []Header{{"Sec-Websocket-Version", "13"}}, goError: true, body: "{reason}\n"},
		{notes: []string{"ws-origin-cross-site", "ws-origin-malformed", "ws-origin-null"},
			headers: []Header{{"Sec-Websocket-Version", "13"}}, goError: true, body: "{reason}\n", note: noteGorillaOrigin},
		{notes: []string{"ws-only-endpoint-400", "upgrade-without-connection-option-400"},
			headers: []Header{{"Sec-Websocket-Version", "13"}}, goError: true, body: "{reason}\n", note: noteGorillaNotWebSocket},
	},
	switched: "raw",
	unsupported: [][]unsupported{{
		{"pmdsnct", "1", "context takeover: it compresses every message alone (server_no_context_takeover)"},
		{"pmdcnct", "1", "context takeover: it asks the client to compress every message alone (client_no_context_takeover)"},
	}, goWindowUnsupported, {
		{"wsonly", "400", "other answer to a request that is not a handshake than 400"},
		{"noconn", "400", "other answer to Upgrade without the upgrade option than 400"},
	}, goChecksUnsupported, goWSUnsupported},
}

var coderProfile = &Profile{
	ID: "coder", Title: "coder/websocket v1.8.15", Library: "coder/websocket", Version: "v1.8.15",
	Setup: "A net/http handler that calls websocket.Accept(w, r, nil) on every request.",
	configure: func(c *Config) {
		goWSConfig(c)
		c.WebSocket.Only = "426"
		c.HTTP.NoConnectionOption = "426"
		c.WebSocket.Deflate.Literal = coderDeflate
	},
	front:    netHTTPFront,
	tolerate: [][]string{goWSTolerates, netHTTPTolerates},
	order: []string{"ws-method-not-get", "ws-version-missing", "ws-version-list", "ws-version-malformed", "ws-version-unsupported",
		"ws-key-missing", "ws-key-duplicate", "ws-key-invalid", "ws-origin-cross-site", "ws-origin-malformed", "ws-origin-null"},
	refusals: []wording{
		{goError: true, body: "{reason}\n"},
		{notes: []string{"ws-only-endpoint", "upgrade-without-connection-option-426"}, when: "http10", status: 426, goError: true,
			body: "WebSocket protocol violation: handshake request must be at least HTTP/1.1: {q:proto}\n", note: noteCoderHTTP10},
		{notes: []string{"ws-only-endpoint", "upgrade-without-connection-option-426"}, when: "no-connection-upgrade", status: 426,
			headers: []Header{{"Connection", "Upgrade"}, {"Upgrade", "websocket"}}, goError: true,
			body: "WebSocket protocol violation: Connection header {q:connection} does not contain Upgrade\n", note: noteCoderNotWebSocket},
		{notes: []string{"ws-only-endpoint"}, status: 426,
			headers: []Header{{"Connection", "Upgrade"}, {"Upgrade", "websocket"}}, goError: true,
			body: "WebSocket protocol violation: Upgrade header {q:upgrade} does not contain websocket\n", note: noteCoderNotWebSocket},
		{notes: []string{"ws-method-not-get"}, goError: true, body: "WebSocket protocol violation: handshake request method is not GET but {q:method}\n"},
		{notes: []string{"ws-version-missing", "ws-version-list", "ws-version-malformed", "ws-version-unsupported"},
			headers: []Header{{"Sec-WebSocket-Version", "13"}}, goError: true, body: "unsupported WebSocket protocol version (only 13 is supported): {q:version}\n"},
		{notes: []string{"ws-key-missing"}, goError: true, body: "WebSocket protocol violation: missing Sec-WebSocket-Key\n"},
		{notes: []string{"ws-key-duplicate"}, goError: true, body: "WebSocket protocol violation: multiple Sec-WebSocket-Key headers\n"},
		{notes: []string{"ws-key-invalid"}, goError: true, body: "WebSocket protocol violation: invalid Sec-WebSocket-Key {q:key}, must be a 16 byte base64 encoded string\n"},
		{notes: []string{"ws-origin-null"}, goError: true, body: "request Origin {q:origin} is not a valid URL with a host\n", note: noteCoderOrigin},
		{notes: []string{"ws-origin-cross-site", "ws-origin-malformed"}, goError: true,
			body: "request Origin {q:originhost} is not authorized for Host {q:host}\n", note: noteCoderOrigin},
	},
	switched: "front",
	unsupported: [][]unsupported{goWindowUnsupported, {
		{"wsonly", "426", "other answer to a request that is not a handshake than 426"},
		{"noconn", "426", "other answer to Upgrade without the upgrade option than 426"},
	}, goChecksUnsupported, goWSUnsupported},
}

var xnetH2CProfile = &Profile{
	ID: "xnet-h2c", Title: "golang.org/x/net/http2/h2c v0.62.0", Library: "golang.org/x/net/http2/h2c", Version: "v0.62.0",
	Setup: "h2c.NewHandler(a plain 200 handler, &http2.Server{}) on Go's net/http.",
	configure: func(c *Config) {
		netHTTPConfig(c)
		c.H2C.Enabled = true
		c.H2C.IgnoreConnection = true
		c.H2C.BadSettings = "500"
		c.H2C.Prior = "h2"
		c.H2C.PriorHandled = false
		c.H2C.Preface = "xnet"
		c.HTTP.SwitchOnClose = true
		c.HTTP.Upgrade10 = true
	},
	front:    netHTTPFront,
	tolerate: [][]string{netHTTPTolerates},
	refusals: []wording{{}, {notes: []string{"h2c-settings-500"}, note: noteXNet500}},
	switched: "raw",
	onSwitch: []wording{{when: "no-connection-upgrade", note: noteXNetNoUpgradeOption}},
	order101: []string{"Connection", "Upgrade"},
	unsupported: [][]unsupported{{
		{"ws", "0", "WebSocket support"},
		{"h2c", "1", "way to turn h2c off: h2c.NewHandler always offers it"},
		{"h2cconn", "1", "check of the upgrade connection option"},
		{"h2copt", "ignore", "way to upgrade without HTTP2-Settings in Connection"},
		{"h2cbad", "500", "other answer to a bad HTTP2-Settings than 500"},
		{"h2cpreface", "xnet", "other SETTINGS than its own"},
		{"h2prior", "h2", "way to refuse the prior-knowledge preface"},
	}},
	ordinary: &wording{body: NetHTTPBody},
}

var netHTTPProfile = &Profile{
	ID: "nethttp", Title: "Go 1.26 net/http", Library: "net/http", Version: "Go 1.26",
	Setup:     "A plain net/http handler answering 200, with no upgrade support.",
	configure: netHTTPConfig,
	front:     netHTTPFront,
	tolerate:  [][]string{netHTTPTolerates},
	refusals:  []wording{{}},
	ordinary:  &wording{body: NetHTTPBody, note: noteNetHTTPIgnoresUpgrade, when: "upgrade"},
	unsupported: [][]unsupported{{
		{"ws", "0", "WebSocket support"},
		{"h2c", "0", "h2c upgrade without golang.org/x/net/http2/h2c"},
		{"h2prior", "505", "HTTP/2 over cleartext in this setup: it hands PRI * HTTP/2.0 to the handler"},
	}},
}
