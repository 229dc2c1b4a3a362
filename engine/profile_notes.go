package engine

// Notes raised by the server profiles (profile.go, profile_nethttp.go,
// profile_libs.go): where a library departs from the RFCs, or from what a
// setting asks. Each names the library and its version.

var (
	noteProfileUnsupported = &Note{ID: "profile-setting-unsupported", Category: Upgrade, Level: Warn,
		Summary: "{server} cannot do what {setting} asks: it has no {feature}.",
		Detail: "The setting is the application's configuration of the library, but {library} {version} has no option for it, so the bytes shown are what the library really sends: it keeps its own behaviour, which the RFCs allow it to choose ([RFC 9110 §7.8](rfc:9110#7.8) leaves a server free to refuse or limit what it offers). " +
			"A client that relies on the setting's behaviour gets the library's instead.",
		Ref: Ref{9110, "7.8"}}
	noteProfileFrontRefuses = &Note{ID: "profile-front-refuses", Category: Syntax, Level: Info,
		Summary: "{front} answers {status} itself, before the {library} handler runs.",
		Detail: "The request fails a check of the HTTP/1.1 server in front of {library}, so the library never sees it. " +
			"Go's net/http writes most such answers with fixed bytes: the status line may carry the reason after the phrase (`400 Bad Request: missing required Host header`), the body repeats the status line's text, and `Connection: close` ends the exchange without Content-Length ([RFC 9112 §6.3](rfc:9112#6.3): the close delimits the body); a 417 and the empty 200 to OPTIONS * go through its response writer instead. " +
			"A client reads the status and gives up on the request; the connection is closed.",
		Ref: Ref{9112, "6.3"}}
	noteProfileTolerated = &Note{ID: "profile-check-skipped", Category: Syntax, Level: Warn,
		Summary: "{server} does not make this check and lets the request pass.",
		Detail: "The engine's default server refuses this problem, as the rule cited in the step's own note asks or allows. " +
			"{library} {version}, and the HTTP server in front of it, do not check it, so the request goes on as if it were well-formed. " +
			"A client that sends it gets an answer instead of an error; a proxy in front of such a server may read the same bytes differently, which is how request smuggling starts ([RFC 9112 §11.2](rfc:9112#11.2)).",
		Ref: Ref{9112, "11.2"}}
	noteGorillaOrigin = &Note{ID: "gorilla-origin-403", Category: Security, Level: Warn,
		Summary: "gorilla/websocket v1.5.3 refuses a cross-origin Origin with 403 by default.",
		Detail: "With no CheckOrigin function, gorilla's Upgrader compares the Origin's host[:port] with the request's Host (checkSameOrigin), and answers 403 (Forbidden) when they differ. " +
			"[RFC 6455 §4.2.2](rfc:6455#4.2.2) lets a server check Origin and refuse a handshake it does not accept, and [§10.2](rfc:6455#10.2) recommends it for browsers' sake; the scheme is not compared, as an origin comparison would ([RFC 6454 §5](rfc:6454#5)). " +
			"So RFC 6455's own sample request, Origin http://example.com to Host server.example.com, gets 403 from gorilla's defaults. " +
			"A browser client fails the connection (RFC 6455 §4.1: any status other than 101). " +
			"Fix: send an Origin whose host[:port] is the request's Host, or set Upgrader.CheckOrigin in the server.",
		Ref: Ref{6455, "4.2.2"}}
	noteGorillaNotWebSocket = &Note{ID: "gorilla-not-websocket-400", Category: Upgrade, Level: Warn,
		Summary: "gorilla/websocket v1.5.3 answers 400 to a request that is not a WebSocket handshake.",
		Detail: "The reference handler calls Upgrader.Upgrade on every request; Upgrade answers 400 (Bad Request) with `Sec-Websocket-Version: 13` when Connection lacks \"upgrade\" or Upgrade lacks \"websocket\". " +
			"[RFC 9110 §7.8](rfc:9110#7.8) does not let Upgrade insist: a server that requires a protocol says so with 426 and an Upgrade field ([RFC 9110 §15.5.22](rfc:9110#15.5.22)), and a request with Upgrade but no \"upgrade\" connection option ought to be answered as if Upgrade were absent ([RFC 9110 §7.6.1](rfc:9110#7.6.1)). " +
			"A client reads a plain client error and is not told to upgrade. " +
			"Fix: send Upgrade: websocket with Connection: Upgrade to this endpoint.",
		Ref: Ref{9110, "15.5.22"}}
	noteWSEarlyClose = &Note{ID: "ws-early-data-close", Category: Security, Level: Warn,
		Summary: "{server} closes the connection without any answer: {count} bytes arrived after the header section before its 101.",
		Detail: "{library} {version} does not switch when bytes follow the handshake: after hijacking the connection, gorilla's Upgrade finds bytes already read past the handshake's header section (`brw.Reader.Buffered() > 0`: a request body, or frames sent before the 101) and closes the connection without writing a response. " +
			"[RFC 6455 §4.1](rfc:6455#4.1) has a client wait for the 101 before it sends frames, so gorilla treats early bytes as a broken client; RFC 9110 §7.8 lets a server switch after reading the whole request, so the engine's default server switches and reads the bytes in the new protocol. " +
			"The client sees the connection close with no status: most clients report a failed handshake or a network error. " +
			"Fix: send no body with the handshake, and send frames only after the 101 arrives.",
		Ref: Ref{6455, "4.1"}}
	noteCoderHTTP10 = &Note{ID: "coder-http10-426", Category: Upgrade, Level: Warn,
		Summary: "coder/websocket v1.8.15 answers an HTTP/1.0 request with 426 but sends no Upgrade field.",
		Detail: "coder's Accept refuses a request below HTTP/1.1 with 426 (Upgrade Required) and a text body, before it looks at any other field. " +
			"[RFC 9110 §15.5.22](rfc:9110#15.5.22) says a server MUST send Upgrade in a 426 to name the protocols it requires, and HTTP/1.0 must ignore Upgrade anyway ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"A client learns that something must be upgraded but not to what; an HTTP/1.0 client cannot upgrade at all. " +
			"Fix: send the handshake as HTTP/1.1.",
		Ref: Ref{9110, "15.5.22"}}
	noteCoderNotWebSocket = &Note{ID: "coder-not-websocket-426", Category: Upgrade, Level: Info,
		Summary: "coder/websocket v1.8.15 answers 426 with Upgrade: websocket to a request that is not a WebSocket handshake.",
		Detail: "The reference handler calls websocket.Accept on every request; when Connection lacks \"upgrade\" or Upgrade lacks \"websocket\", Accept answers 426 (Upgrade Required) with `Connection: Upgrade`, `Upgrade: websocket` and a text body naming the field. " +
			"That is the answer [RFC 9110 §15.5.22](rfc:9110#15.5.22) describes for a server that requires a protocol. " +
			"A client that can speak WebSocket retries with the handshake. " +
			"Fix: send Upgrade: websocket with Connection: Upgrade to this endpoint.",
		Ref: Ref{9110, "15.5.22"}}
	noteCoderOrigin = &Note{ID: "coder-origin-403", Category: Security, Level: Warn,
		Summary: "coder/websocket v1.8.15 refuses a cross-origin Origin with 403 by default.",
		Detail: "Without OriginPatterns or InsecureSkipVerify, Accept compares the Origin's host[:port] with the request's Host and answers 403 (Forbidden) with a text body naming both. " +
			"[RFC 6455 §4.2.2](rfc:6455#4.2.2) lets a server refuse an Origin it does not accept; the scheme is not compared, as an origin comparison would ([RFC 6454 §5](rfc:6454#5)). " +
			"A browser client fails the connection. " +
			"Fix: send an Origin whose host[:port] is the request's Host, or list the page's host in AcceptOptions.OriginPatterns.",
		Ref: Ref{6455, "4.2.2"}}
	noteNetHTTPIgnoresUpgrade = &Note{ID: "nethttp-ignores-upgrade", Category: Upgrade, Level: Info,
		Summary: "Go 1.26 net/http with a plain handler answers 200 and ignores Upgrade.",
		Detail: "net/http has no upgrade support of its own: a handler that knows nothing of Upgrade answers the request as if the field were absent. " +
			"That is allowed: a server MAY ignore Upgrade ([RFC 9110 §7.8](rfc:9110#7.8)) and answers in the protocol the request used. " +
			"A WebSocket client fails the connection on any status other than 101 ([RFC 6455 §4.1](rfc:6455#4.1)); an h2c client (curl --http2) simply goes on with HTTP/1.1.",
		Ref: Ref{9110, "7.8"}}
)

func profileNotes() []*Note {
	return []*Note{noteDeflateFixed, noteDeflateLiteral, noteDeflateLiteralDeclined, noteXNet500, noteXNetNoUpgradeOption, notePriorHandled, noteTokenListStops, noteOriginHostOnly, noteFrontOptionsStar, noteTECLKeptOpen, noteSwitchOnClose, noteUpgrade10Honoured, noteEarlyFinal, noteProfileUnsupported, noteProfileFrontRefuses, noteProfileTolerated, noteGorillaOrigin, noteGorillaNotWebSocket, noteWSEarlyClose, noteCoderHTTP10, noteCoderNotWebSocket, noteCoderOrigin, noteNetHTTPIgnoresUpgrade}
}

var (
	noteTECLKeptOpen = &Note{ID: "tecl-kept-open", Category: Security, Level: Warn,
		Summary: "{server} reads the body by Transfer-Encoding and keeps the connection open, though the request also has Content-Length.",
		Detail: "Go's net/http ignores Content-Length when Transfer-Encoding is present, as [RFC 9112 §6.3](rfc:9112#6.3) says, but then treats the connection as healthy. " +
			"[RFC 9112 §6.1](rfc:9112#6.1) says a server that processes such a request MUST close the connection after responding, because a proxy in front may have framed the same bytes by Content-Length: what follows could be a smuggled request. " +
			"A client sees no Connection: close and may send its next request on the same connection.",
		Ref: Ref{9112, "6.1"}}
	noteSwitchOnClose = &Note{ID: "switch-on-close", Category: Upgrade, Level: Warn,
		Summary: "{server} switches protocols although {why}.",
		Detail: "{library} takes the connection over (net/http's Hijack) without looking at whether the request's connection was to close after the response. " +
			"A connection that closes after the response cannot also carry a new protocol after a 101, so this playground's default server does not switch ([RFC 9112 §9.6](rfc:9112#9.6), [RFC 9110 §7.8](rfc:9110#7.8)). " +
			"The client gets a 101 and a connection in the new protocol: one that asked to close it may not expect to keep it.",
		Ref: Ref{9112, "9.6"}}
	noteUpgrade10Honoured = &Note{ID: "upgrade-http10-honoured", Category: Upgrade, Level: Warn,
		Summary: "{server} honours Upgrade in an {version} request.",
		Detail: "[RFC 9110 §7.8](rfc:9110#7.8) says a server MUST ignore an Upgrade field received in an HTTP/1.0 request, because HTTP/1.0 intermediaries do not know Connection and may forward Upgrade blindly. " +
			"{library} {version} does not check the request's version, so it switches anyway. " +
			"A client gets a 101 that an HTTP/1.0 proxy between them may not understand.",
		Ref: Ref{9110, "7.8"}}
	noteEarlyFinal = &Note{ID: "expect-no-continue", Category: Expect, Level: Info,
		Summary: "{server} never sends 100 (Continue): it answers without reading the content.",
		Detail: "Go's net/http sends 100 (Continue) only when the handler starts reading the body; a handler that never reads it answers at once, and net/http then closes the connection, since the client may still be sending the content. " +
			"[RFC 9110 §10.1.1](rfc:9110#10.1.1) allows a server to send the final status code instead of 100 (Continue); before a 101 it MUST send the 100 first ([RFC 9110 §7.8](rfc:9110#7.8)), which a library that takes the connection over unread does not. " +
			"A client that waits for the 100 gets the final response instead and does not send the content.",
		Ref: Ref{9110, "10.1.1"}}
)

var noteFrontOptionsStar = &Note{ID: "front-options-asterisk", Category: Upgrade, Level: Info,
	Summary: "{front} answers OPTIONS * itself with an empty 200, before any handler runs.",
	Detail: "OPTIONS with the asterisk-form asks about the server as a whole ([RFC 9110 §9.3.7](rfc:9110#9.3.7)); Go's net/http answers it with 200 and Content-Length: 0 and never passes it to the handler, so {library} never sees the request, its Upgrade field included. " +
		"A client that offered a protocol with it gets no switch and no refusal.",
	Ref: Ref{9110, "9.3.7"}}

var noteOriginHostOnly = &Note{ID: "origin-host-only", Category: Security, Level: Warn,
	Summary: "{server} compares only host[:port] of Origin {origin} with {authority}, and so decides otherwise than an origin comparison.",
	Detail: "Two origins are the same only when scheme, host and port are ([RFC 6454 §5](rfc:6454#5)), a missing port standing for the scheme's default. " +
		"{library} {version} compares the text of the Origin's host[:port] with the request's Host instead: https://server.example.com passes for Host server.example.com though its scheme differs, and http://server.example.com:80 fails though it is the same origin. " +
		"[RFC 6455 §4.2.2](rfc:6455#4.2.2) leaves the Origin check to the server, so both are its choice; a client whose page's origin matches only one way gets 101 or 403 accordingly.",
	Ref: Ref{6454, "5"}}

var noteTokenListStops = &Note{ID: "token-list-stops", Category: Upgrade, Level: Warn,
	Summary: "{server} stops reading the {field} list at an element that is not a bare token, so it does not see {token}.",
	Detail: "{field} is a comma-separated list ([RFC 9110 §5.6.1](rfc:9110#5.6.1)), and a recipient reads every element. " +
		"{library} {version} reads each line only up to its first element that is not a bare token followed by a comma: a protocol with a version (`websocket/13`, `foo/2`), an empty element, a quoted string. " +
		"The {token} after it is never seen, so the handshake is refused as if it were missing. " +
		"Fix: list {token} first, or send it on its own line.",
	Ref: Ref{9110, "5.6.1"}}

var notePriorHandled = &Note{ID: "prior-knowledge-handled", Category: H2C, Level: Warn,
	Summary: "{server} does not speak HTTP/2 here and hands PRI * HTTP/2.0 to the handler as an ordinary request.",
	Detail: "The HTTP/2 connection preface starts with bytes that read as a request-line, `PRI * HTTP/2.0`, chosen so that an HTTP/1.1 server refuses them ([RFC 9113 §3.4](rfc:9113#3.4)). " +
		"Go's net/http lets exactly this request through to the handler when it serves no HTTP/2 over cleartext, without Host, and {library} answers it like any request; the rest of the preface (`SM`) is read as a next request. " +
		"A client with prior knowledge of HTTP/2 gets an HTTP/1.1 response where it expects a SETTINGS frame, and fails with a protocol error.",
	Ref: Ref{9113, "3.4"}}

var (
	noteXNet500 = &Note{ID: "xnet-h2c-500", Category: H2C, Level: Warn,
		Summary: "golang.org/x/net/http2/h2c v0.62.0 answers 500 with no body to a missing, repeated or undecodable HTTP2-Settings.",
		Detail: "x/net's h2c handler sees Upgrade: h2c and HTTP2-Settings in Connection, fails to read the settings, and writes `500 Internal Server Error` before the application's handler runs. " +
			"[RFC 7540 §3.2.1](rfc:7540#3.2.1) says a server MUST NOT upgrade then, which means answering the request as if Upgrade were absent; a 5xx says the server failed ([RFC 9110 §15.6](rfc:9110#15.6)) though the client erred. " +
			"A client such as curl gets a server error instead of the resource and does not learn that its HTTP2-Settings was at fault.",
		Ref: Ref{7540, "3.2.1"}}
	noteXNetNoUpgradeOption = &Note{ID: "xnet-h2c-no-upgrade-option", Category: H2C, Level: Warn,
		Summary: "golang.org/x/net/http2/h2c v0.62.0 switches to h2c though Connection does not list \"upgrade\".",
		Detail: "x/net's h2c handler looks only for h2c in Upgrade and HTTP2-Settings in Connection. " +
			"Upgrade is a hop-by-hop field: without the \"upgrade\" connection option it may have been forwarded by an intermediary that did not mean it, and it ought to be ignored ([RFC 9110 §7.6.1](rfc:9110#7.6.1)); [RFC 9110 §7.8](rfc:9110#7.8) has the client send the option whenever it sends Upgrade. " +
			"A client that did not mean to upgrade gets a 101 and HTTP/2 frames it cannot read.",
		Ref: Ref{9110, "7.6.1"}}
)

var noteDeflateFixed = &Note{ID: "ws-deflate-fixed", Category: WebSocket, Level: Warn,
	Summary: "{server} accepts the offer {offer} with its fixed answer {response}, whatever the offer's parameters.",
	Detail: "{library} {version} with EnableCompression looks only for an extension named exactly `permessage-deflate` and answers every such offer the same way: both no-context-takeover parameters, never a window size. " +
		"[RFC 7692 §7.1.2.1](rfc:7692#7.1.2.1) says a server that accepts an offer with server_max_window_bits includes it in the response with the same or a smaller value, and §7 has the server decline an offer whose parameters it cannot honour; gorilla's answer leaves the client's window request out. " +
		"A client that asked for a smaller server window gets a response without it and may fail the connection (RFC 7692 §7.1.2.1 lets a client that needs the limit do so).",
	Ref: Ref{7692, "7.1.2.1"}}

var (
	noteDeflateLiteral = &Note{ID: "ws-deflate-literal", Category: WebSocket, Level: Warn,
		Summary: "{server} accepts the offer {offer} by comparing its items as written, and answers {response}.",
		Detail: "{library} {version} splits the offer at `;` and compares each item, trimmed of spaces, with a short list: client_no_context_takeover, server_no_context_takeover, client_max_window_bits with or without any value, and exactly server_max_window_bits=15. " +
			"It answers with the no-context-takeover parameters the offer named, client_no_context_takeover first, and never with a window size. " +
			"[RFC 7692 §7.1.2.1](rfc:7692#7.1.2.1) says a server accepts an offer with server_max_window_bits by including the parameter in its response, so accepting server_max_window_bits=15 without answering it departs from the RFC (harmlessly: 15 is the default window). " +
			"[RFC 7692 §7](rfc:7692#7) says the server MUST decline an offer with an invalid or repeated parameter, and §7.1.2.2 allows client_max_window_bits only 8 to 15; {library} takes client_max_window_bits with any value, such as 7, and a parameter named twice. " +
			"The order of the parameters in the response carries no meaning ([RFC 7692 §5](rfc:7692#5) names them, not their order).",
		Ref: Ref{7692, "7.1.2.1"}}
	noteDeflateLiteralDeclined = &Note{ID: "ws-deflate-literal-declined", Category: WebSocket, Level: Warn,
		Summary: "{server} declines the offer {offer}, because it does not take {item} as written.",
		Detail: "{library} {version} accepts a permessage-deflate offer only if its name is exactly `permessage-deflate` and every parameter, trimmed of spaces, is client_no_context_takeover, server_no_context_takeover, client_max_window_bits (with any value) or exactly server_max_window_bits=15; it declines any other, and tries the next offer. " +
			"Declining is always allowed ([RFC 7692 §7](rfc:7692#7)), but an RFC 7692 server could accept several of these offers: a smaller server_max_window_bits by answering the same or a smaller value ([RFC 7692 §7.1.2.1](rfc:7692#7.1.2.1)), and a value written as a quoted-string that unescapes to a token ([RFC 6455 §9.1](rfc:6455#9.1) allows either form). " +
			"The client then goes on without compression.",
		Ref: Ref{7692, "7"}}
)
