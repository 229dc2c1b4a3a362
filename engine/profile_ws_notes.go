package engine

// Notes raised by profile_ws.go: where Node 20's http server and Node ws
// 8.23.1's standalone WebSocketServer answer differently from the RFCs'
// default server.

var (
	noteNodeParseError = &Note{ID: "node-parse-error", Category: Syntax, Level: Bad, Status: 400,
		Summary: "llhttp, Node's HTTP parser, rejects the request ({problem}), so Node answers a bare 400.",
		Detail: "Node 20's http server parses with llhttp, which fails on this request as the default server does ([RFC 9112 §3](rfc:9112#3) asks a recipient of an invalid request-line to answer 400, [§2.2](rfc:9112#2.2) lets it reject a malformed message). " +
			"Node then writes only `HTTP/1.1 400 Bad Request` and `Connection: close`, with no Date, no Content-Length and no body, and closes the connection (lib/_http_server.js, socketOnError). " +
			"Neither ws nor the application sees the request.",
		Ref: Ref{9112, "3"}}
	noteNodeHeaderOverflow = &Note{ID: "node-header-overflow", Category: Syntax, Level: Bad, Status: 431,
		Summary: "The request's head is over Node's 16 KiB limit ({problem}), so Node answers a bare 431.",
		Detail: "Node 20 reads at most 16 KiB of request-line and fields (the --max-http-header-size default); llhttp stops with HPE_HEADER_OVERFLOW beyond it. " +
			"Node answers `HTTP/1.1 431 Request Header Fields Too Large` with only `Connection: close` ([RFC 6585 §5](rfc:6585#5)) and closes the connection.",
		Ref: Ref{6585, "5"}}
	noteNodeLenient = &Note{ID: "node-parser-lenient", Category: Syntax, Level: Warn,
		Summary: "The default server refuses this ({problem}), but llhttp, Node's parser, lets it through.",
		Detail: "llhttp checks the message syntax but leaves the rest to the application: it accepts a request without Host or with two ([RFC 9112 §3.2](rfc:9112#3.2) asks a server to answer 400), the version HTTP/2.0 in a request-line, and any request-target. " +
			"Node's own requireHostHeader check applies to ordinary requests only, not to the upgrade event that ws handles, so Node ws switches protocols for a handshake the RFCs refuse.",
		Ref: Ref{9112, "3.2"}}
	noteNodeConnect = &Note{ID: "node-connect-closed", Category: Syntax, Level: Info,
		Summary: "Node hands a CONNECT request to a 'connect' listener; ws's server has none, so Node closes the connection without an answer.",
		Detail: "llhttp treats CONNECT like an upgrade: the bytes after the head belong to the tunnel ([RFC 9110 §9.3.6](rfc:9110#9.3.6)). " +
			"With no 'connect' listener on the http server, Node destroys the socket, and the client sees the connection close with no response at all.",
		Ref: Ref{9110, "9.3.6"}}
	noteNodeUpgradeEvent = &Note{ID: "node-upgrade-event", Category: Upgrade, Level: Info,
		Summary: "llhttp flags the request as an upgrade, so Node hands it to ws's handleUpgrade.",
		Detail: "llhttp sets its upgrade flag when the request has an Upgrade field, whatever its value, and the `upgrade` option in Connection ([RFC 9110 §7.8](rfc:9110#7.8), [§7.6.1](rfc:9110#7.6.1)). " +
			"Node then emits 'upgrade' instead of 'request', and ws's standalone server listens to it: from here on ws alone decides, and nothing reads a request body.",
		Ref: Ref{9110, "7.8"}}
	noteWSNodeNotUpgrade = &Note{ID: "ws-node-not-upgrade", Category: WebSocket, Level: Bad, Status: 426,
		Summary: "ws's standalone server answers 426 Upgrade Required to every request Node does not flag as an upgrade.",
		Detail: "A WebSocketServer created with a port creates its own http server whose request handler writes 426 with the body `Upgrade Required`, `Content-Type: text/plain` and no Upgrade field (ws 8.23.1, lib/websocket-server.js). " +
			"[RFC 9110 §15.5.22](rfc:9110#15.5.22) says a server that sends 426 MUST send an Upgrade field naming the protocols it wants; ws does not, so a client cannot learn from the answer that WebSocket is expected. " +
			"Node keeps the connection open (`Connection: keep-alive`, `Keep-Alive: timeout=5`) unless the request asked to close it. " +
			"Fix: send a WebSocket handshake, a `GET` with `Upgrade: websocket` and `Connection: Upgrade` (both, or Node never flags the upgrade).",
		Ref: Ref{9110, "15.5.22"}}
	noteNodeHostRequired = &Note{ID: "node-host-required", Category: Syntax, Level: Bad, Status: 400,
		Summary: "An HTTP/1.1 request without Host gets Node's own 400 (requireHostHeader).",
		Detail: "Node 20's http server answers an ordinary HTTP/1.1 request that lacks Host with 400, `Connection: close` and an empty chunked body, as [RFC 9112 §3.2](rfc:9112#3.2) asks. " +
			"It makes this check only for requests that reach the 'request' event: a WebSocket handshake without Host goes to ws, which accepts it.",
		Ref: Ref{9112, "3.2"}}
	noteNodeExpectation = &Note{ID: "node-expectation-failed", Category: Expect, Level: Bad, Status: 417,
		Summary: "Expect: {expect} is not 100-continue, so Node answers 417 before any handler runs.",
		Detail: "Node 20 answers an HTTP/1.1 request whose Expect is anything but 100-continue with 417 (Expectation Failed) and an empty chunked body, unless the application listens to 'checkExpectation' ([RFC 9110 §10.1.1](rfc:9110#10.1.1)). " +
			"Fix: send no Expect field, or only `Expect: 100-continue` on a request with content.",
		Ref: Ref{9110, "10.1.1"}}
	noteNodeContinue = &Note{ID: "node-100-continue", Category: Expect, Level: Info,
		Summary: "Node sends 100 Continue itself, then runs the request handler.",
		Detail:  "With no 'checkContinue' listener, Node 20 writes `HTTP/1.1 100 Continue` as soon as it has the head of an HTTP/1.1 request with `Expect: 100-continue` ([RFC 9110 §10.1.1](rfc:9110#10.1.1)), then emits 'request', whose handler answers without reading the content.",
		Ref:     Ref{9110, "10.1.1"}}
	noteWSNodeMethod = &Note{ID: "ws-node-method", Category: WebSocket, Level: Bad, Status: 405,
		Summary: "ws refuses a handshake that is not a GET with 405 and the text {message}, without Allow.",
		Detail: "The method of a handshake must be GET ([RFC 6455 §4.1](rfc:6455#4.1)); ws checks it first and aborts with 405. " +
			"A 405 MUST carry an Allow field ([RFC 9110 §15.5.6](rfc:9110#15.5.6)), which ws's abortHandshake does not send. " +
			"Fix: send the handshake as a `GET` request.",
		Ref: Ref{6455, "4.1"}}
	noteWSNodeHTTP10 = &Note{ID: "ws-node-http10", Category: WebSocket, Level: Warn,
		Summary: "The handshake is {version}, and ws accepts it.",
		Detail: "A WebSocket handshake must be HTTP/1.1 or later ([RFC 6455 §4.1](rfc:6455#4.1)), and a server ignores Upgrade in an HTTP/1.0 request ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"Node flags the upgrade whatever the version and ws never looks at it, so Node ws switches protocols where the RFCs' server answers normally.",
		Ref: Ref{6455, "4.1"}}
	noteWSNodeUpgrade = &Note{ID: "ws-node-upgrade-value", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "ws compares the whole Upgrade value with websocket, so this handshake gets 400 with the text {message}.",
		Detail: "ws requires `req.headers.upgrade.toLowerCase() === 'websocket'`: a list such as `h2c, websocket`, a second Upgrade line (Node joins the lines with a comma) or another protocol fails. " +
			"Upgrade is a list ([RFC 9110 §7.8](rfc:9110#7.8)) and [RFC 6455 §4.2.1](rfc:6455#4.2.1) asks only that it contain websocket, so ws is stricter than the RFCs here. " +
			"Fix: send exactly one `Upgrade: websocket` line.",
		Ref: Ref{6455, "4.2.1"}}
	noteWSNodeKey = &Note{ID: "ws-node-key", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "ws requires Sec-WebSocket-Key to be 22 base64 characters and ==, so this handshake gets 400 with the text {message}.",
		Detail: "The key is the base64 of 16 bytes ([RFC 6455 §4.1](rfc:6455#4.1)); ws checks its shape, 22 base64 characters followed by `==`, and does not decode it, so non-zero padding bits pass. " +
			"Node joins two key lines with a comma, which fails the pattern. " +
			"Fix: send one `Sec-WebSocket-Key` whose value is the base64 of 16 random bytes, as `new WebSocket(url)` does.",
		Ref: Ref{6455, "4.1"}}
	noteWSNodeVersion = &Note{ID: "ws-node-version", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "ws accepts only Sec-WebSocket-Version 13 or 8, so this handshake gets 400 with the text {message}.",
		Detail: "A server that does not speak the requested version answers with the versions it supports in `Sec-WebSocket-Version` ([RFC 6455 §4.4](rfc:6455#4.4)); ws answers 400 with `Sec-WebSocket-Version: 13, 8` after its body's Content-Length. " +
			"Fix: send `Sec-WebSocket-Version: 13` once.",
		Ref: Ref{6455, "4.4"}}
	noteWSNodeVersion8 = &Note{ID: "ws-node-version-8", Category: WebSocket, Level: Warn,
		Summary: "ws also accepts Sec-WebSocket-Version 8, the version of the hybi-08 draft.",
		Detail: "RFC 6455 defines version 13 only, and its server answers any other version with the versions it supports ([RFC 6455 §4.2.1](rfc:6455#4.2.1), [§4.4](rfc:6455#4.4)). " +
			"ws keeps accepting version 8 from the drafts that preceded the RFC, and then reads the origin from Sec-WebSocket-Origin.",
		Ref: Ref{6455, "4.4"}}
	noteWSNodeProtocol = &Note{ID: "ws-node-protocol", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "ws's subprotocol parser fails on this Sec-WebSocket-Protocol, so the handshake gets 400 with the text {message}.",
		Detail: "Sec-WebSocket-Protocol is a list of unique tokens ([RFC 6455 §4.1](rfc:6455#4.1)); ws's subprotocol.parse throws on an empty element, a repeated protocol or any byte that is not a token character, comma, SP or HTAB. " +
			"[RFC 9110 §5.6.1.2](rfc:9110#5.6.1.2) asks a recipient to ignore empty list elements, which ws does not. " +
			"Fix: send the protocols as one comma-separated list of distinct tokens, such as `chat, superchat`.",
		Ref: Ref{6455, "4.1"}}
	noteWSNodeNoDeflate = &Note{ID: "ws-node-no-deflate", Category: WebSocket, Level: Info,
		Summary: "ws's server ignores Sec-WebSocket-Extensions: perMessageDeflate is off by default on the server.",
		Detail: "ws 8 disables permessage-deflate on the server unless the application sets `perMessageDeflate: true`, so it neither parses nor answers the offer, and the 101 has no Sec-WebSocket-Extensions ([RFC 6455 §9.1](rfc:6455#9.1), [RFC 7692 §5](rfc:7692#5)). " +
			"The setting pmd=1 turns it on.",
		Ref: Ref{7692, "5"}}
	noteWSNodeExtensions = &Note{ID: "ws-node-extensions", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "ws fails the handshake on this Sec-WebSocket-Extensions with 400 and the text {message}.",
		Detail: "With perMessageDeflate on, ws parses the whole field and aborts on a syntax error, a repeated or unknown permessage-deflate parameter, or an invalid window size. " +
			"[RFC 7692 §5](rfc:7692#5) asks a server to decline an offer it cannot accept, by leaving it out of the 101, rather than to fail the handshake. " +
			"Fix: offer `permessage-deflate` with parameters of [RFC 7692 §7](rfc:7692#7) only, each once, such as `permessage-deflate; client_max_window_bits`.",
		Ref: Ref{7692, "5"}}
	noteWSNodeFirstProtocol = &Note{ID: "ws-node-first-protocol", Category: WebSocket, Level: Warn,
		Summary: "Without handleProtocols, ws selects the client's first protocol, {protocol}, whatever the application speaks.",
		Detail: "The server selects one of the client's protocols that it supports ([RFC 6455 §4.2.2](rfc:6455#4.2.2)). " +
			"A WebSocketServer created without handleProtocols answers the first protocol offered, so the 101 names a protocol the application may not speak. " +
			"The setting wsproto= installs a handleProtocols that picks the first of its list the client offers.",
		Ref: Ref{6455, "4.2.2"}}
	noteWSNodeSwitched = &Note{ID: "ws-node-switched", Category: WebSocket, Level: Good,
		Summary: "ws writes its 101 itself: Upgrade, Connection, Sec-WebSocket-Accept {accept}, then the protocol and extensions it accepted.",
		Detail: "ws's completeUpgrade writes the 101 on the socket in this order, with no Date and no Server field ([RFC 6455 §4.2.2](rfc:6455#4.2.2)). " +
			"From here the connection speaks WebSocket.",
		Ref: Ref{6455, "4.2.2"}}
)

func profileWSNotes() []*Note {
	return []*Note{
		noteNodeParseError,
		noteNodeHeaderOverflow,
		noteNodeLenient,
		noteNodeConnect,
		noteNodeUpgradeEvent,
		noteWSNodeNotUpgrade,
		noteNodeHostRequired,
		noteNodeExpectation,
		noteNodeContinue,
		noteWSNodeMethod,
		noteWSNodeHTTP10,
		noteWSNodeUpgrade,
		noteWSNodeKey,
		noteWSNodeVersion,
		noteWSNodeVersion8,
		noteWSNodeProtocol,
		noteWSNodeNoDeflate,
		noteWSNodeExtensions,
		noteWSNodeFirstProtocol,
		noteWSNodeSwitched,
	}
}
