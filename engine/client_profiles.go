package engine

import "strings"

// The client profiles of reverse mode, as data: for each real client, the
// findings it refuses a response on (client_checks.go), in the order its
// code checks them, each with the client's own error text. A finding a
// client does not list is one it accepts. The texts come from the
// clients' sources (named on each profile) and are checked against the
// real clients by the client-matrix test; {placeholders} are filled from
// the response and the request.

// A clientRule is one refusal: the client's message, and the findings it
// refuses with that message, in the order the client checks them. The
// rules are static data (no code runs to build them at start).
type clientRule struct {
	reason string
	fs     []finding
}

// A client is one client profile and its rules.
type client struct {
	ClientProfile
	rules []clientRule
}

// Chromium: net/websockets/websocket_basic_handshake_stream.cc
// (ValidateUpgradeResponse: Upgrade, Accept, Connection, then
// websocket_handshake_stream_base.cc's ValidateSubProtocol and
// ValidateExtensions, websocket_deflate_parameters.cc; ValidateResponse for
// a connection closed before or during the head). The console prints
// "WebSocket connection to '…' failed: " before the message. Header values
// are enumerated comma-split, so "websocket, foo" counts as two Upgrade
// values; names and values compare case-sensitively except Upgrade.
const chromiumPrefix = "Error during WebSocket handshake: "

var chromium = &client{ClientProfile{ID: "chromium", Title: "Chromium 156 new WebSocket()", Library: "Chromium", Version: "156",
	Setup: "new WebSocket(url, protocols) in a page of Debian's Chromium; it always offers permessage-deflate; client_max_window_bits.", Protocols: []string{"websocket"}},
	[]clientRule{
		{"Connection closed before receiving a handshake response", []finding{fEmpty}},
		{chromiumPrefix + "net::ERR_CONNECTION_CLOSED", []finding{fHeadIncomplete}},
		{chromiumPrefix + "Invalid status line", []finding{fStatusLine}},
		{chromiumPrefix + "Unexpected response code: {status}", []finding{fInterim, fStatus}},
		{chromiumPrefix + "'Upgrade' header is missing", []finding{fUpgradeMissing}},
		{chromiumPrefix + "'Upgrade' header must not appear more than once in a response", []finding{fUpgradeLines, fUpgradeList}},
		{chromiumPrefix + "'Upgrade' header value is not 'WebSocket': {upgrade}", []finding{fUpgradeWrong}},
		{chromiumPrefix + "'Sec-WebSocket-Accept' header is missing", []finding{fAcceptMissing}},
		{chromiumPrefix + "'Sec-WebSocket-Accept' header must not appear more than once in a response", []finding{fAcceptLines}},
		{chromiumPrefix + "Incorrect 'Sec-WebSocket-Accept' header value", []finding{fAcceptWrong}},
		{chromiumPrefix + "'Connection' header is missing", []finding{fConnMissing}},
		{chromiumPrefix + "'Connection' header value must contain 'Upgrade'", []finding{fConnNoUpgrade}},
		{chromiumPrefix + "Response must not include 'Sec-WebSocket-Protocol' header if not present in request: {protocol}", []finding{fProtoUnrequested}},
		{chromiumPrefix + "'Sec-WebSocket-Protocol' header value '{protocol}' in response does not match any of sent values", []finding{fProtoUnoffered, fProtoCase}},
		{chromiumPrefix + "'Sec-WebSocket-Protocol' header must not appear more than once in a response", []finding{fProtoLines, fProtoList}},
		{chromiumPrefix + "Sent non-empty 'Sec-WebSocket-Protocol' header but no response was received", []finding{fProtoNone}},
		{chromiumPrefix + "'Sec-WebSocket-Extensions' header value is rejected by the parser: {value}", []finding{fExtSyntax}},
		{chromiumPrefix + "Found an unsupported extension '{extension}' in 'Sec-WebSocket-Extensions' header", []finding{fExtUnknown}},
		{chromiumPrefix + "Received duplicate permessage-deflate response", []finding{fExtDupDeflate}},
		{chromiumPrefix + "Error in permessage-deflate: Received an unexpected permessage-deflate extension parameter", []finding{fDeflateParamUnknown}},
		{chromiumPrefix + "Error in permessage-deflate: Received duplicate permessage-deflate extension parameter {param}", []finding{fDeflateParamDup}},
		{chromiumPrefix + "Error in permessage-deflate: Received invalid {param} parameter", []finding{fDeflateParamValue}},
		{chromiumPrefix + "Error in permessage-deflate: client_max_window_bits must have value", []finding{fDeflateClientBitsNoValue}},
	}}

// Firefox: netwerk/protocol/websocket/WebSocketChannel.cpp (OnStartRequest:
// status, Upgrade and Connection as token lists, Accept, then
// HandleExtensions and ParseWebSocketExtension, then the subprotocol;
// necko skips interim 1xx responses and joins repeated fields with ", ").
// Content sees no detail: the reason is the channel's log line, as the
// client-matrix test reads it from Firefox's log; where no check logs one
// (HTTP/1.0 101), the abort reason.
const firefoxAbort = "WebSocketChannel::AbortSession() [reason 0x804b0057] NS_ERROR_WEBSOCKET_CONNECTION_REFUSED"
const firefoxExt = "WebSocketChannel::ParseWebSocketExtension: "

var firefox = &client{ClientProfile{ID: "firefox", Title: "Firefox 153 ESR new WebSocket()", Library: "Firefox", Version: "153esr",
	Setup: "new WebSocket(url, protocols) in a page of Debian's firefox-esr, headless; it offers permessage-deflate.", Protocols: []string{"websocket"}},
	[]clientRule{
		{firefoxAbort, []finding{fEmpty, fHeadIncomplete, fNoFinal, fStatusLine, fVersion}},
		{"WebSocketChannel::OnStartRequest: HTTP status {status}", []finding{fStatus}},
		{"WebSocketChannel::OnStartRequest: HTTP response header Upgrade: websocket not found", []finding{fUpgradeMissing, fUpgradeWrong}},
		{"WebSocketChannel::OnStartRequest: HTTP response header 'Connection: Upgrade' not found", []finding{fConnMissing, fConnNoUpgrade}},
		{"WebSocketChannel::OnStartRequest: HTTP response header Sec-WebSocket-Accept check failed | WebSocketChannel::OnStartRequest: Expected {acceptwant} received{acceptreceived}", []finding{
			fAcceptMissing, fAcceptLines, fAcceptWrong}},
		{firefoxExt + "HTTP Sec-WebSocket-Extensions negotiated unknown value {extvalue}", []finding{fExtSyntax, fExtMany, fExtUnknown, fExtDupDeflate}},
		{firefoxExt + "found unknown parameter {param}", []finding{fDeflateParamUnknown}},
		{firefoxExt + "found multiple parameters {param}", []finding{fDeflateParamDup}},
		{firefoxExt + "found invalid parameter {param}{ffvalue}", []finding{fDeflateParamValue}},
		{firefoxExt + "found invalid parameter client_max_window_bits", []finding{fDeflateClientBitsNoValue}},
		{"WebsocketChannel::OnStartRequest: Server replied with non-matching subprotocol [{protocoljoined}]: aborting", []finding{fProtoUnoffered, fProtoCase, fProtoList, fProtoLines}},
	}}

// gorilla/websocket v1.5.3: client.go Dialer.DialContext. net/http's
// ReadResponse parses the head (bare LF and obs-fold accepted) and deletes
// a Connection field that lists close (shouldClose in net/http/transfer.go);
// then one combined check of status, Upgrade and Connection (token lists) and the
// first Accept; then, for the first permessage-deflate element, both
// *_no_context_takeover parameters are required. The subprotocol is not
// checked.
const gorillaBad = "websocket: bad handshake"

var gorilla = &client{ClientProfile{ID: "gorilla", Title: "gorilla/websocket v1.5.3 Dialer", Library: "gorilla/websocket", Version: "v1.5.3",
	Setup: "websocket.Dialer{Subprotocols, EnableCompression}.Dial(url, nil); with EnableCompression it offers permessage-deflate; server_no_context_takeover; client_no_context_takeover.", Protocols: []string{"websocket"}},
	[]clientRule{
		{"unexpected EOF", []finding{fEmpty, fHeadIncomplete}},
		{"malformed HTTP response {statuslineq}", []finding{fStatusLine}},
		{"malformed MIME header line: {line}", []finding{fBadField}},
		{gorillaBad, []finding{fInterim, fStatus, fUpgradeMissing, fUpgradeWrong, fConnMissing, fConnNoUpgrade, fConnClose, fAcceptMissing, fAcceptWrong}},
		{"websocket: invalid compression negotiation", []finding{fDeflateNotBothNCT}},
	}}

// coder/websocket v1.8.15: dial.go verifyServerResponse, after net/http's
// client read the head (deleting a Connection field that lists close, as
// for gorilla). Dial wraps every error in "failed to WebSocket
// dial: ". Extensions are refused unless compression was asked for and the
// answer is one permessage-deflate element with only the
// *_no_context_takeover parameters and server_max_window_bits=.
const coderPrefix = "failed to WebSocket dial: "

var coder = &client{ClientProfile{ID: "coder", Title: "coder/websocket v1.8.15 Dial", Library: "coder/websocket", Version: "v1.8.15",
	Setup: "websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols, CompressionMode}); compression is off unless asked for.", Protocols: []string{"websocket"}},
	[]clientRule{
		{coderPrefix + "failed to send handshake request: Get {httpurlq}: EOF", []finding{fEmpty, fNoFinal}},
		{coderPrefix + "failed to send handshake request: Get {httpurlq}: unexpected EOF", []finding{fHeadIncomplete}},
		{coderPrefix + "failed to send handshake request: Get {httpurlq}: net/http: HTTP/1.x transport connection broken: malformed HTTP response {statuslineq}", []finding{fStatusLine}},
		{coderPrefix + "expected handshake response status code 101 but got {status}", []finding{fStatus}},
		{coderPrefix + "WebSocket protocol violation: Connection header {connq} does not contain Upgrade", []finding{fConnMissing, fConnNoUpgrade, fConnClose}},
		{coderPrefix + "WebSocket protocol violation: Upgrade header {upgradeq} does not contain websocket", []finding{fUpgradeMissing, fUpgradeWrong}},
		{coderPrefix + "WebSocket protocol violation: invalid Sec-WebSocket-Accept {acceptq}, key {keyq}", []finding{fAcceptMissing, fAcceptWrong}},
		{coderPrefix + "WebSocket protocol violation: unexpected Sec-WebSocket-Protocol from server: {protocolq}", []finding{fProtoUnrequested, fProtoUnoffered, fProtoList}},
		{coderPrefix + "WebSocket protcol violation: unsupported extensions from server: {extensions}", []finding{fCoderExtensions}},
		{coderPrefix + "unsupported permessage-deflate parameter: {paramq}", []finding{fCoderParam}},
	}}

// Node ws 8.23.1: lib/websocket.js initAsClient. Node's HTTP parser reads
// the head strictly and emits "upgrade" only for a 101 with Upgrade and
// Connection: upgrade (otherwise "Unexpected server response"); repeated
// fields arrive joined with ", ". Then Upgrade, Accept, the subprotocol
// and the extensions, compared exactly.
var ws = &client{ClientProfile{ID: "ws", Title: "Node ws 8.23.1 client", Library: "ws", Version: "8.23.1",
	Setup: "new WebSocket(url, protocols, {perMessageDeflate}) on Node.js 20; it offers permessage-deflate; client_max_window_bits unless perMessageDeflate is false.", Protocols: []string{"websocket"}},
	[]clientRule{
		{"socket hang up", []finding{fEmpty, fHeadIncomplete, fNoFinal}},
		{"Parse Error: Expected HTTP/", []finding{fStatusLine}},
		{"Parse Error: Missing expected CR after response line", []finding{fBareLFStatus}},
		{"Parse Error: Missing expected CR after header value", []finding{fBareLF}},
		{"Parse Error: Invalid header field char", []finding{fBareLFEnd}},
		{"Parse Error: Invalid header value char", []finding{fObsFold}},
		{"Parse Error: Invalid header token", []finding{fBadField}},
		{"Unexpected server response: {status}", []finding{fStatus, fUpgradeMissing, fConnMissing, fConnNoUpgrade}},
		{"Invalid Upgrade header", []finding{fUpgradeLines, fUpgradeList, fUpgradeWrong}},
		{"Invalid Sec-WebSocket-Accept header", []finding{fAcceptMissing, fAcceptLines, fAcceptWrong}},
		{"Server sent a subprotocol but none was requested", []finding{fProtoUnrequested}},
		{"Server sent an invalid subprotocol", []finding{fProtoUnoffered, fProtoCase, fProtoLines, fProtoList}},
		{"Server sent no subprotocol", []finding{fProtoNone}},
		{"Server sent a Sec-WebSocket-Extensions header but no extension was requested", []finding{fExtUnrequested}},
		{"Invalid Sec-WebSocket-Extensions header", []finding{fExtSyntax}},
		{"Server indicated an extension that was not requested", []finding{fExtUnknown}},
		{"Invalid Sec-WebSocket-Extensions header", []finding{fDeflateParamUnknown, fDeflateParamDup, fDeflateParamValue,
			fDeflateClientBitsNoValue, fDeflateClientBits, fDeflateClientBitsLarger}},
	}}

// python-websockets 10.4 (Debian 12): legacy/client.py handshake,
// legacy/http.py read_response (CRLF only, no obs-fold, HTTP/1.1 only, the
// reason phrase decoded as strict UTF-8),
// legacy/handshake.py check_response (Connection, Upgrade exactly
// "websocket", one Accept), then process_extensions before
// process_subprotocol; extensions/permessage_deflate.py checks the
// parameters against the offer.
const pythonBadHead = "InvalidMessage: did not receive a valid HTTP response"
const pythonDeflate = "NegotiationError: Unsupported extension: name = permessage-deflate, params = {pyparams}"

var websockets = &client{ClientProfile{ID: "websockets", Title: "python-websockets 10.4 connect()", Library: "websockets", Version: "10.4",
	Setup: "websockets.connect(url, subprotocols=…, compression=…) with Debian 12's python3-websockets; it offers permessage-deflate; client_max_window_bits by default.", Protocols: []string{"websocket"}},
	[]clientRule{
		{pythonBadHead, []finding{fEmpty, fHeadIncomplete, fStatusLine, fVersion, fReasonNoSP, fReasonNotUTF8, fBareLFStatus, fBareLF, fBareLFEnd, fObsFold, fBadField}},
		// connect() follows the redirect (up to 10 times) with a new
		// handshake: this response is not accepted, the next one is judged
		// on its own.
		{"RedirectHandshake: redirect to {location}", []finding{fRedirect}},
		{"InvalidHeader: missing Location header", []finding{fRedirectNoLocation}},
		{"InvalidStatusCode: server rejected WebSocket connection: HTTP {status}", []finding{fInterim, fStatus}},
		{"InvalidUpgrade: empty Connection header", []finding{fConnMissing}},
		{"InvalidUpgrade: invalid Connection header: {connpy}", []finding{fConnNoUpgrade}},
		{"InvalidUpgrade: empty Upgrade header", []finding{fUpgradeMissing}},
		{"InvalidUpgrade: invalid Upgrade header: {upgradepy}", []finding{fUpgradeLines, fUpgradeList, fUpgradeWrong}},
		{"InvalidHeader: missing Sec-WebSocket-Accept header", []finding{fAcceptMissing}},
		{"InvalidHeader: invalid Sec-WebSocket-Accept header: more than one Sec-WebSocket-Accept header found", []finding{fAcceptLines}},
		{"InvalidHeaderValue: invalid Sec-WebSocket-Accept header: {accept}", []finding{fAcceptWrong}},
		{"InvalidHandshake: no extensions supported", []finding{fExtUnrequested}},
		{"InvalidHeaderFormat: invalid Sec-WebSocket-Extensions header: {pyerror}", []finding{fExtSyntax}},
		{"NegotiationError: Unsupported extension: name = {extension}, params = {pyparams}", []finding{fExtUnknown}},
		{pythonDeflate, []finding{fExtDupDeflate, fDeflateParamUnknown, fDeflateParamDup, fDeflateParamValue, fDeflateClientBitsNoValue,
			fDeflateServerNCT, fDeflateServerBits, fDeflateClientBits, fDeflateClientBitsLarger}},
		{"InvalidHandshake: no subprotocols supported", []finding{fProtoUnrequested}},
		{"InvalidHandshake: multiple subprotocols: {protocolpy}", []finding{fProtoLines, fProtoList}},
		{"NegotiationError: unsupported subprotocol: {protocol}", []finding{fProtoUnoffered, fProtoCase}},
	}}

// curl 7.88.1 (Debian 12): lib/http.c. Debian's curl has no ws://, so its
// WebSocket handshake is a hand-written HTTP/1.1 request (-H Upgrade …):
// curl checks nothing WebSocket-specific, takes a 101 as the end of the
// head and then reads until the server closes. With --http2 on http:// it
// asks for h2c; after a 101 it hands the connection to nghttp2 whatever
// Upgrade names, and nghttp2 requires the server's SETTINGS first.
var curl = &client{ClientProfile{ID: "curl", Title: "curl 7.88.1", Library: "curl", Version: "7.88.1",
	Setup: "curl -H 'Upgrade: websocket' -H 'Connection: Upgrade' -H 'Sec-WebSocket-Key: …' -H 'Sec-WebSocket-Version: 13' http://…, or curl --http2 http://… for h2c.", Protocols: []string{"websocket", "h2c"}},
	[]clientRule{
		{"curl: (52) Empty reply from server", []finding{fEmpty, fHeadIncomplete, fNoFinal}},
		{"curl: (8) Weird server reply", []finding{fStatusLine}},
		{"curl: (18) HTTP/2 stream 1 was not closed cleanly before end of the underlying stream", []finding{fH2NoPreface}},
		{"curl: (16) Error in the HTTP2 framing layer", []finding{fH2HTTP1, fH2NotSettings}},
	}}

// clients lists every client profile in the page's order.
var clients = []*client{chromium, firefox, gorilla, coder, ws, websockets, curl}

// ClientProfiles returns every client profile, in the page's order.
func ClientProfiles() []*ClientProfile {
	out := make([]*ClientProfile, len(clients))
	for i, c := range clients {
		out[i] = &c.ClientProfile
	}
	return out
}

// speaks reports whether the client sends requests of the kind.
func (c *client) speaks(kind string) bool {
	for _, p := range c.Protocols {
		if p == kind {
			return true
		}
	}
	return false
}

// verdicts applies each client's rules to the findings, and names on each
// failed step the clients that refuse there.
func (j *judge) verdicts() []ClientVerdict {
	var out []ClientVerdict
	refusers := map[int][]string{}
	for _, c := range clients {
		if !c.speaks(j.kind) {
			continue
		}
		v := ClientVerdict{ID: c.ID, Title: c.Title, Accepts: true, Step: -1}
	rules:
		for _, r := range c.rules {
			for _, rf := range r.fs {
				f := j.found[rf]
				if !f.ok {
					continue
				}
				v.Accepts, v.Step = false, f.step
				v.Reason = Expand(r.reason, append(append([]Var(nil), f.vars...), j.vars...))
				if f.step >= 0 && j.t.steps[f.step].Note != nil {
					v.Refs = []Ref{j.t.steps[f.step].Note.Ref}
				}
				refusers[f.step] = append(refusers[f.step], c.ID)
				break rules
			}
		}
		out = append(out, v)
	}
	for i := range j.t.steps {
		s := &j.t.steps[i]
		if s.Outcome != Fail {
			continue
		}
		who := "no client profile refuses on this alone"
		if ids := refusers[i]; len(ids) > 0 {
			who = strings.Join(ids, ", ") + " refuse" + map[bool]string{true: "s", false: ""}[len(ids) == 1] + " here"
		}
		s.Vars = append(s.Vars[:len(s.Vars):len(s.Vars)], Var{"clients", who})
	}
	return out
}
