package engine

// Notes raised by client_checks.go: what a client checks in a response to
// its upgrade request (RFC 6455 §4.1, RFC 7692 §5 and §7, RFC 9110 §7.8 and
// §15.2.2, RFC 9112 §2.2, §4 and §5, RFC 7540 §3.2 and §3.5). Each refusal
// names, through {clients}, the client profiles whose verdict it decides.

var (
	noteClientEmpty = &Note{ID: "client-response-empty", Category: Syntax, Level: Bad,
		Summary: "The response is empty: the server closed the connection without answering.",
		Detail: "A client that sent a request waits for a response; a connection closed before a status line is a failure, not a refusal ([RFC 9112 §9.6](rfc:9112#9.6)). " +
			"Clients report it as a closed connection or an empty reply. Here: {clients}. " +
			"Fix: answer every handshake, with a 101 or with an error status.",
		Ref: Ref{9112, "9.6"}}
	noteClientHeadIncomplete = &Note{ID: "client-head-incomplete", Category: Syntax, Level: Bad,
		Summary: "The response head does not end with an empty line.",
		Detail: "A response head is the status line and field lines ended by an empty line ([RFC 9112 §2.1](rfc:9112#2.1)); until that line arrives, the client keeps reading, and if the connection closes it fails. " +
			"Here: {clients}. " +
			"Fix: end the head with CRLF CRLF.",
		Ref: Ref{9112, "2.1"}}
	noteClientHeadTooLarge = &Note{ID: "client-head-too-large", Category: Syntax, Level: Bad,
		Summary: "The response head is longer than {limit} bytes or 1000 lines; nothing past that is read.",
		Detail: "Clients bound the head they read (python-websockets at 256 field lines, Chromium at 256 KiB) and fail beyond it ([RFC 9112 §2.3](rfc:9112#2.3)); this page stops reading there too. " +
			"Here: {clients}. " +
			"Fix: send a handshake response of a few hundred bytes.",
		Ref: Ref{9112, "2.3"}}
	noteClientStatusLine = &Note{ID: "client-status-line", Category: Syntax, Level: Bad,
		Summary: "The status line {line} is not HTTP-version SP status-code SP reason: {why}.",
		Detail: "`status-line = HTTP-version SP status-code SP [ reason-phrase ]`, and the status code is three digits ([RFC 9112 §4](rfc:9112#4)). " +
			"A client cannot tell a switch from a refusal without it. Here: {clients}. " +
			"Fix: start the response with `HTTP/1.1 101 Switching Protocols`.",
		Ref: Ref{9112, "4"}}
	noteClientVersion = &Note{ID: "client-version", Category: Syntax, Level: Warn,
		Summary: "The response is {version} {status}, not HTTP/1.1.",
		Detail: "Upgrade and 101 are HTTP/1.1 mechanisms: a server MUST NOT send a 1xx to an HTTP/1.0 client, and a 101 only answers an HTTP/1.1 request ([RFC 9110 §15.2](rfc:9110#15.2), [§7.8](rfc:9110#7.8)). " +
			"Chromium, Node ws and the Go clients look only at the status code; Firefox aborts, and python-websockets reads nothing but `HTTP/1.1`. Here: {clients}. " +
			"Fix: answer `HTTP/1.1 101 Switching Protocols`.",
		Ref: Ref{9110, "15.2"}}
	noteClientReasonNoSP = &Note{ID: "client-reason-no-sp", Category: Syntax, Level: Warn,
		Summary: "The status line ends right after the status code, without the SP before the reason.",
		Detail: "`status-line = HTTP-version SP status-code SP [ reason-phrase ]`: the second SP is required even when the reason is empty ([RFC 9112 §4](rfc:9112#4)). " +
			"Most clients accept its absence; python-websockets splits the line on spaces and fails. Here: {clients}. " +
			"Fix: send `HTTP/1.1 101 Switching Protocols`, or at least `HTTP/1.1 101 ` with the SP.",
		Ref: Ref{9112, "4"}}
	noteClientReasonNotUTF8 = &Note{ID: "client-reason-not-utf8", Category: Syntax, Level: Warn,
		Summary: "The reason phrase holds the byte {byte}, which does not start a valid UTF-8 sequence.",
		Detail: "`reason-phrase = 1*( HTAB / SP / VCHAR / obs-text )`, and obs-text is any byte from 0x80 to 0xFF, so such a byte is allowed; a client SHOULD ignore the reason phrase's content ([RFC 9112 §4](rfc:9112#4)). " +
			"Browsers, Node ws, curl and Go's net/http ignore it; python-websockets 10.4 (`legacy/http.py`, `read_response`) decodes the reason as strict UTF-8 and reports the error as an invalid HTTP response. Here: {clients}. " +
			"Fix: write the reason phrase in ASCII, such as `Switching Protocols`.",
		Ref: Ref{9112, "4"}}
	noteClientBareLF = &Note{ID: "client-bare-lf", Category: Syntax, Level: Warn,
		Summary: "{count} lines of the head end with a bare LF instead of CRLF.",
		Detail: "Lines end with CRLF; a recipient MAY recognize a single LF, but need not ([RFC 9112 §2.2](rfc:9112#2.2)). " +
			"Browsers and Go's net/http accept it; Node's strict HTTP parser (so Node ws) and python-websockets refuse the response. Here: {clients}. " +
			"Fix: end every line of the head with CRLF.",
		Ref: Ref{9112, "2.2"}}
	noteClientObsFold = &Note{ID: "client-obs-fold", Category: Syntax, Level: Warn,
		Summary: "{count} field values are folded over several lines (obs-fold).",
		Detail: "A server MUST NOT send obs-fold; a user agent that receives it replaces each fold with SP or rejects the message ([RFC 9112 §5.2](rfc:9112#5.2)). " +
			"Browsers and Go unfold; Node ws and python-websockets refuse. Here: {clients}. " +
			"Fix: write each field on one line.",
		Ref: Ref{9112, "5.2"}}
	noteClientBadField = &Note{ID: "client-field-invalid", Category: Syntax, Level: Bad,
		Summary: "The line {line} is not a field line: {why}.",
		Detail: "`field-line = field-name \":\" OWS field-value OWS`, with no whitespace between the name and the colon ([RFC 9112 §5](rfc:9112#5), [§5.1](rfc:9112#5.1)). " +
			"Strict parsers refuse the response; lenient ones drop the line. Here: {clients}. " +
			"Fix: send `Name: value` lines only.",
		Ref: Ref{9112, "5"}}

	noteClientUnrequestedSwitch = &Note{ID: "client-unrequested-switch", Category: Upgrade, Level: Bad,
		Summary: "The server switches protocols although the request asked for no upgrade.",
		Detail: "A server MUST NOT switch to a protocol the client did not indicate in Upgrade ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"The request offers neither websocket nor h2c, so no client profile is judged. " +
			"Fix: answer a request without Upgrade with an ordinary response.",
		Ref: Ref{9110, "7.8"}}
	noteClientNoUpgradeAsked = &Note{ID: "client-no-upgrade-asked", Category: Upgrade, Level: Info,
		Summary: "The request asks for no upgrade, so the {status} is an ordinary response.",
		Detail:  "Reverse mode judges answers to upgrade requests: give it the request that offered `Upgrade: websocket` or `Upgrade: h2c` ([RFC 9110 §7.8](rfc:9110#7.8)).",
		Ref:     Ref{9110, "7.8"}}
	noteClientH2CDeclined = &Note{ID: "client-h2c-declined", Category: H2C, Level: Info,
		Summary: "The server answers {status} in HTTP/1.1: it declines h2c, and the client goes on with HTTP/1.1.",
		Detail:  "A server may ignore Upgrade and answer as if it were absent ([RFC 9110 §7.8](rfc:9110#7.8)); for h2c the client then keeps HTTP/1.1 for this and later requests ([RFC 7540 §3.2](rfc:7540#3.2)). curl does.",
		Ref:     Ref{7540, "3.2"}}
	noteClientStatus2xx = &Note{ID: "client-status-2xx", Category: WebSocket, Level: Bad,
		Summary: "The status is {status}, not 101: the server did not switch.",
		Detail: "\"If the status code received from the server is not 101, the client handles the response per HTTP ... procedures\" ([RFC 6455 §4.1](rfc:6455#4.1)); a 2xx means the server ignored Upgrade and answered the request as plain HTTP ([RFC 9110 §7.8](rfc:9110#7.8)), so the WebSocket connection fails. " +
			"A server that handles the path but not the upgrade usually answers this. Here: {clients}. " +
			"Fix: route the request to the WebSocket handler and answer `101 Switching Protocols`.",
		Ref: Ref{6455, "4.1"}}
	noteClientStatus426 = &Note{ID: "client-status-426", Category: WebSocket, Level: Bad,
		Summary: "The status is 426 Upgrade Required: the server wants another protocol or version.",
		Detail: "426 says the server will not process the request in the current protocol and names, in Upgrade, what it requires ([RFC 9110 §15.5.22](rfc:9110#15.5.22)); for WebSocket it usually carries `Sec-WebSocket-Version` with the versions it supports ([RFC 6455 §4.4](rfc:6455#4.4)). " +
			"No client retries by itself. Here: {clients}. " +
			"Fix: accept version 13, or answer 101 to what the client offered.",
		Ref: Ref{9110, "15.5.22"}}
	noteClientStatusInterim = &Note{ID: "client-status-interim", Category: Upgrade, Level: Warn,
		Summary: "The status is {status}, an interim response, where the client waits for a 101.",
		Detail: "A client MUST be able to parse one or more 1xx responses before the final one ([RFC 9110 §15.2](rfc:9110#15.2)), and a 101 is only sent to switch ([§15.2.2](rfc:9110#15.2.2)). " +
			"Firefox, Node ws and Go's net/http (so coder/websocket) skip it and read the response that follows; Chromium, gorilla/websocket and python-websockets take it as the answer and fail. Here: {clients}. " +
			"Fix: send 101 as the answer to an upgrade request, without another 1xx before it.",
		Ref: Ref{9110, "15.2"}}
	noteClientNoFinal = &Note{ID: "client-no-final-response", Category: Upgrade, Level: Bad,
		Summary: "Only the interim {status} came: the final response, the 101, never follows.",
		Detail: "An interim response is followed by the final one ([RFC 9110 §15.2](rfc:9110#15.2)); a client that skips the interim response keeps waiting for it, and fails when the connection closes. Here: {clients}. " +
			"Fix: send the 101 (or the refusal) after the interim response.",
		Ref: Ref{9110, "15.2"}}
	noteClientStatusAuth = &Note{ID: "client-status-redirect-auth", Category: WebSocket, Level: Bad,
		Summary: "The status is {status}: a redirect or an authentication challenge, not a switch.",
		Detail: "RFC 6455 lets a client answer a 401 challenge or follow a redirect, though it need not ([§4.1](rfc:6455#4.1)); python-websockets follows a redirect with a new handshake to Location, the others fail. Here: {clients}. " +
			"Fix: point the client at the final URL, and authenticate before the upgrade.",
		Ref: Ref{6455, "4.1"}}
	noteClientStatusOther = &Note{ID: "client-status-other", Category: WebSocket, Level: Bad,
		Summary: "The status is {status} {reason}: the server refused the upgrade.",
		Detail: "Any status but 101 ends the WebSocket handshake: the client handles it as an HTTP response ([RFC 6455 §4.1](rfc:6455#4.1)) and the connection fails. Here: {clients}. " +
			"Fix: answer 101 once the request is acceptable, or read the refusal's reason in the server's logs.",
		Ref: Ref{6455, "4.1"}}

	noteClientUpgradeMissing = &Note{ID: "client-upgrade-missing", Category: Upgrade, Level: Bad,
		Summary: "The 101 has no Upgrade field.",
		Detail: "\"If the response lacks an |Upgrade| header field ... the client MUST _Fail the WebSocket Connection_\" ([RFC 6455 §4.1](rfc:6455#4.1)); a 101 names the protocol it switches to ([RFC 9110 §7.8](rfc:9110#7.8)). Here: {clients}. " +
			"Fix: send `Upgrade: websocket` in the 101.",
		Ref: Ref{6455, "4.1"}}
	noteClientUpgradeWrong = &Note{ID: "client-upgrade-wrong", Category: Upgrade, Level: Bad,
		Summary: "Upgrade is {value}, which does not name websocket.",
		Detail: "The client MUST fail when Upgrade \"contains a value that is not an ASCII case-insensitive match for the value \\\"websocket\\\"\" ([RFC 6455 §4.1](rfc:6455#4.1)), and a server switches only to a protocol the client offered ([RFC 9110 §7.8](rfc:9110#7.8)). Here: {clients}. " +
			"Fix: answer `Upgrade: websocket`.",
		Ref: Ref{6455, "4.1"}}
	noteClientUpgradeLines = &Note{ID: "client-upgrade-lines", Category: Upgrade, Level: Bad,
		Summary: "Upgrade appears on {count} lines.",
		Detail: "Repeated lines combine into one list ([RFC 9110 §5.3](rfc:9110#5.3)), and a 101 that switches to one protocol names one ([§7.8](rfc:9110#7.8)). " +
			"Chromium requires exactly one Upgrade value; Node joins the lines into \"websocket, websocket\", which ws and python-websockets refuse; Go clients and Firefox look for the token. Here: {clients}. " +
			"Fix: send one `Upgrade: websocket` line.",
		Ref: Ref{9110, "7.8"}}
	noteClientUpgradeList = &Note{ID: "client-upgrade-list", Category: Upgrade, Level: Bad,
		Summary: "Upgrade lists {value}: websocket and more.",
		Detail: "In a 101 the Upgrade field names the protocol switched to, and the server \"MUST NOT switch to a protocol that was not indicated by the client\" ([RFC 9110 §7.8](rfc:9110#7.8)); RFC 6455 expects the single value `websocket` ([§4.1](rfc:6455#4.1)). " +
			"Chromium, Node ws and python-websockets refuse a list; Go clients and Firefox find the token and go on. Here: {clients}. " +
			"Fix: answer `Upgrade: websocket` alone.",
		Ref: Ref{9110, "7.8"}}
	noteClientConnectionMissing = &Note{ID: "client-connection-missing", Category: Upgrade, Level: Bad,
		Summary: "The 101 has no Connection field.",
		Detail: "\"If the response lacks a |Connection| header field ... the client MUST _Fail the WebSocket Connection_\" ([RFC 6455 §4.1](rfc:6455#4.1)); a sender of Upgrade lists it in Connection ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"Node's HTTP parser treats such a 101 as an ordinary response, so ws reports \"Unexpected server response: 101\". Here: {clients}. " +
			"Fix: send `Connection: Upgrade` in the 101.",
		Ref: Ref{6455, "4.1"}}
	noteClientConnectionNoUpgrade = &Note{ID: "client-connection-no-upgrade", Category: Upgrade, Level: Bad,
		Summary: "Connection is {value}, without the upgrade option.",
		Detail: "The client MUST fail when Connection \"doesn't contain a token that is an ASCII case-insensitive match for the value \\\"Upgrade\\\"\" ([RFC 6455 §4.1](rfc:6455#4.1); [RFC 9110 §7.6.1](rfc:9110#7.6.1)). Here: {clients}. " +
			"Fix: send `Connection: Upgrade`.",
		Ref: Ref{6455, "4.1"}}

	noteClientConnectionClose = &Note{ID: "client-connection-close", Category: Upgrade, Level: Warn,
		Summary: "Connection is {value}: it lists close beside the upgrade option.",
		Detail: "Connection is a list of connection options, compared case-insensitively ([RFC 9110 §7.6.1](rfc:9110#7.6.1)); close says the sender will close the connection after this response ([RFC 9112 §9.6](rfc:9112#9.6)), although a 101 keeps it for the new protocol ([RFC 9110 §15.2.2](rfc:9110#15.2.2)). " +
			"Go's net/http (Go 1.26, `shouldClose` in `net/http/transfer.go`) reads the response for gorilla/websocket v1.5.3 and coder/websocket v1.8.15, and deletes a Connection field that lists close: gorilla then fails with a bad handshake, and coder reports the Connection header as \"\". " +
			"Browsers, Node ws, python-websockets and curl find the upgrade option and go on. Here: {clients}. " +
			"Fix: send `Connection: Upgrade` alone in the 101.",
		Ref: Ref{9110, "7.6.1"}}

	noteClientAcceptMissing = &Note{ID: "client-accept-missing", Category: WebSocket, Level: Bad,
		Summary: "The 101 has no Sec-WebSocket-Accept; it should be {expected}.",
		Detail: "\"If the response lacks a |Sec-WebSocket-Accept| header field ... the client MUST _Fail the WebSocket Connection_\" ([RFC 6455 §4.1](rfc:6455#4.1)): the Accept proves that the server read this handshake, not a cached or forged answer. Here: {clients}. " +
			"Fix: send `Sec-WebSocket-Accept: {expected}`, base64(SHA-1(key + \"258EAFA5-E914-47DA-95CA-C5AB0DC85B11\")).",
		Ref: Ref{6455, "4.1"}}
	noteClientAcceptLines = &Note{ID: "client-accept-lines", Category: WebSocket, Level: Bad,
		Summary: "Sec-WebSocket-Accept appears on {count} lines.",
		Detail: "Sec-WebSocket-Accept \"MUST NOT appear more than once in an HTTP response\" ([RFC 6455 §11.3.3](rfc:6455#11.3.3)). " +
			"Chromium and python-websockets refuse; Node and Firefox join the lines, so ws and Firefox see a wrong value; Go clients read the first. Here: {clients}. " +
			"Fix: send the Accept once.",
		Ref: Ref{6455, "11.3.3"}}
	noteClientAcceptWrong = &Note{ID: "client-accept-wrong", Category: WebSocket, Level: Bad,
		Summary: "Sec-WebSocket-Accept is {value}, not {expected}: {why}.",
		Detail: "The client computes base64(SHA-1(its key + \"258EAFA5-E914-47DA-95CA-C5AB0DC85B11\")) and MUST fail if the Accept differs ([RFC 6455 §4.1](rfc:6455#4.1), [§4.2.2](rfc:6455#4.2.2)). " +
			"The usual mistakes: hashing the key without the GUID, decoding the key first, echoing it. Here: {clients}. " +
			"Fix: send `Sec-WebSocket-Accept: {expected}`.",
		Ref: Ref{6455, "4.2.2"}}
	noteClientAcceptOK = &Note{ID: "client-accept-ok", Category: WebSocket, Level: Good,
		Summary: "Sec-WebSocket-Accept is {expected}, computed from the key {key}.",
		Detail:  "base64(SHA-1(key + \"258EAFA5-E914-47DA-95CA-C5AB0DC85B11\")) ([RFC 6455 §4.2.2](rfc:6455#4.2.2)); every client recomputes it from the key it sent ([§4.1](rfc:6455#4.1)).",
		Ref:     Ref{6455, "4.2.2"}}

	noteClientSubprotocolNone = &Note{ID: "client-subprotocol-none", Category: WebSocket, Level: Warn,
		Summary: "The client offered {offered}, and the response selects no subprotocol.",
		Detail: "With no agreement the server leaves Sec-WebSocket-Protocol out ([RFC 6455 §4.2.2](rfc:6455#4.2.2)), and RFC 6455 only tells the client to fail on a subprotocol it did not offer ([§4.1](rfc:6455#4.1)). " +
			"Chromium and Node ws fail anyway (\"Sent non-empty 'Sec-WebSocket-Protocol' header but no response was received\"); Firefox, Go clients and python-websockets go on without one. Here: {clients}. " +
			"Fix: select one of the offered subprotocols, or refuse the handshake if none is supported.",
		Ref: Ref{6455, "4.1"}}
	noteClientSubprotocolUnrequested = &Note{ID: "client-subprotocol-unrequested", Category: WebSocket, Level: Bad,
		Summary: "The response selects the subprotocol {protocol}, but the client offered none.",
		Detail: "The client MUST fail when the response names \"a subprotocol that was not present in the client's handshake\" ([RFC 6455 §4.1](rfc:6455#4.1)). " +
			"gorilla does not check, and Firefox only checks a subprotocol it asked for. Here: {clients}. " +
			"Fix: send Sec-WebSocket-Protocol only to choose one of the offered values.",
		Ref: Ref{6455, "4.1"}}
	noteClientSubprotocolUnoffered = &Note{ID: "client-subprotocol-unoffered", Category: WebSocket, Level: Bad,
		Summary: "The response selects {protocol}, which is not among the offered {offered}.",
		Detail: "The client MUST fail on a subprotocol it did not offer ([RFC 6455 §4.1](rfc:6455#4.1)); the server selects one of the client's values or none ([§4.2.2](rfc:6455#4.2.2)). " +
			"gorilla/websocket does not check. Here: {clients}. " +
			"Fix: answer one of {offered}, exactly as offered.",
		Ref: Ref{6455, "4.1"}}
	noteClientSubprotocolCase = &Note{ID: "client-subprotocol-case", Category: WebSocket, Level: Bad,
		Summary: "The response selects {protocol}, which matches the offered {offered} only in another case.",
		Detail: "Subprotocols are compared as the client sent them ([RFC 6455 §4.1](rfc:6455#4.1), [§11.3.4](rfc:6455#11.3.4)): Chromium, Firefox, Node ws and python-websockets compare byte for byte; coder/websocket ignores case, and gorilla/websocket does not check. Here: {clients}. " +
			"Fix: echo the offered value byte for byte.",
		Ref: Ref{6455, "11.3.4"}}
	noteClientSubprotocolLines = &Note{ID: "client-subprotocol-lines", Category: WebSocket, Level: Bad,
		Summary: "Sec-WebSocket-Protocol appears on {count} lines in the response.",
		Detail: "In a response the field carries one token and \"MUST NOT appear more than once\" ([RFC 6455 §11.3.4](rfc:6455#11.3.4), [§4.2.2](rfc:6455#4.2.2)). Here: {clients}. " +
			"Fix: send one Sec-WebSocket-Protocol line with the chosen subprotocol.",
		Ref: Ref{6455, "11.3.4"}}
	noteClientSubprotocolList = &Note{ID: "client-subprotocol-list", Category: WebSocket, Level: Bad,
		Summary: "Sec-WebSocket-Protocol is {value}: a list, where the server selects one value.",
		Detail: "`Sec-WebSocket-Protocol-Server = token`: one subprotocol, never the client's list echoed ([RFC 6455 §4.3](rfc:6455#4.3), [§4.2.2](rfc:6455#4.2.2)). " +
			"gorilla/websocket takes the whole list as the name, and coder/websocket reads only the first line. Here: {clients}. " +
			"Fix: answer exactly one of the offered subprotocols.",
		Ref: Ref{6455, "4.3"}}
	noteClientSubprotocolOK = &Note{ID: "client-subprotocol-ok", Category: WebSocket, Level: Good,
		Summary: "The response selects {protocol}, one of the offered {offered}.",
		Detail:  "One offered token, exactly as offered ([RFC 6455 §4.1](rfc:6455#4.1), [§11.3.4](rfc:6455#11.3.4)).",
		Ref:     Ref{6455, "4.1"}}

	noteClientExtUnrequested = &Note{ID: "client-extensions-unrequested", Category: WebSocket, Level: Bad,
		Summary: "The response answers Sec-WebSocket-Extensions: {value}, but the client offered no extension.",
		Detail: "The client MUST fail when the response indicates \"an extension not requested by the client\" ([RFC 6455 §4.1](rfc:6455#4.1), [§9.1](rfc:6455#9.1)). Here: {clients}. " +
			"Fix: answer only extensions the client offered.",
		Ref: Ref{6455, "4.1"}}
	noteClientExtSyntax = &Note{ID: "client-extensions-syntax", Category: WebSocket, Level: Bad,
		Summary: "Sec-WebSocket-Extensions {value} breaks the extension grammar: {why}.",
		Detail: "A value that does not match `extension-list` means the recipient \"MUST immediately _Fail the WebSocket Connection_\" ([RFC 6455 §9.1](rfc:6455#9.1)). Here: {clients}. " +
			"Fix: answer `permessage-deflate` followed by `; parameter` items.",
		Ref: Ref{6455, "9.1"}}
	noteClientExtMany = &Note{ID: "client-extensions-many", Category: WebSocket, Level: Info,
		Summary: "The response answers {count} extensions.",
		Detail: "A server may accept several offered extensions, listed in the order to apply them ([RFC 6455 §9.1](rfc:6455#9.1)). " +
			"coder/websocket accepts exactly one, permessage-deflate. Here: {clients}.",
		Ref: Ref{6455, "9.1"}}
	noteClientExtUnknown = &Note{ID: "client-extension-unknown", Category: WebSocket, Level: Bad,
		Summary: "The response answers the extension {extension}; the client offered {offered}.",
		Detail: "The client MUST fail on an extension it did not offer ([RFC 6455 §4.1](rfc:6455#4.1)); every client here supports only permessage-deflate, so it fails on any other. " +
			"gorilla skips what it does not know. Here: {clients}. " +
			"Fix: answer only offered extensions that the client supports.",
		Ref: Ref{6455, "4.1"}}
	noteClientDeflateTwice = &Note{ID: "client-deflate-twice", Category: WebSocket, Level: Bad,
		Summary: "The response accepts permessage-deflate twice.",
		Detail: "Both would claim the RSV1 bit, and a client that receives a response accepting such conflicting extensions MUST fail ([RFC 7692 §5](rfc:7692#5)); a server accepts at most one offer of an extension. Here: {clients}. " +
			"Fix: answer one permessage-deflate element.",
		Ref: Ref{7692, "5"}}
	noteClientDeflateUnoffered = &Note{ID: "client-deflate-unoffered", Category: WebSocket, Level: Bad,
		Summary: "The response accepts permessage-deflate, which the client did not offer.",
		Detail: "An extension the client did not offer fails the connection ([RFC 6455 §4.1](rfc:6455#4.1); [RFC 7692 §7](rfc:7692#7)). Here: {clients}. " +
			"Fix: answer permessage-deflate only to an offer of it.",
		Ref: Ref{7692, "7"}}
	noteClientDeflateParamUnknown = &Note{ID: "client-deflate-param-unknown", Category: WebSocket, Level: Bad,
		Summary: "The permessage-deflate response has the parameter {param}, which RFC 7692 does not define.",
		Detail: "A client MUST fail when the response has an extension parameter not defined for use in a response ([RFC 7692 §7](rfc:7692#7), [§7.1](rfc:7692#7.1)). Here: {clients}. " +
			"Fix: use only server_no_context_takeover, client_no_context_takeover, server_max_window_bits and client_max_window_bits, spelled in lower case.",
		Ref: Ref{7692, "7"}}
	noteClientDeflateParamDup = &Note{ID: "client-deflate-param-duplicate", Category: WebSocket, Level: Bad,
		Summary: "The permessage-deflate response has {param} twice.",
		Detail: "A client MUST fail when the response has several extension parameters with the same name ([RFC 7692 §7](rfc:7692#7)). Here: {clients}. " +
			"Fix: send each parameter once.",
		Ref: Ref{7692, "7"}}
	noteClientDeflateParamValue = &Note{ID: "client-deflate-param-value", Category: WebSocket, Level: Bad,
		Summary: "The permessage-deflate parameter {param} has an invalid value {value}: {why}.",
		Detail: "A client MUST fail when the response has an extension parameter with an invalid value ([RFC 7692 §7](rfc:7692#7)): the *_no_context_takeover parameters have no value ([§7.1.1](rfc:7692#7.1.1)), the window sizes are 8 to 15 without leading zeroes ([§7.1.2](rfc:7692#7.1.2)). Here: {clients}. " +
			"Fix: send a valid value, or leave the parameter out.",
		Ref: Ref{7692, "7.1"}}
	noteClientDeflateClientBitsNoValue = &Note{ID: "client-deflate-client-bits-no-value", Category: WebSocket, Level: Bad,
		Summary: "The response has client_max_window_bits without a value.",
		Detail: "Without a value client_max_window_bits only says, in an offer, that the client supports the parameter; a response that includes it gives the window size, 8 to 15 ([RFC 7692 §7.1.2.2](rfc:7692#7.1.2.2)). Here: {clients}. " +
			"Fix: answer `client_max_window_bits=15` (or smaller), or leave it out.",
		Ref: Ref{7692, "7.1.2.2"}}
	noteClientDeflateCoderParam = &Note{ID: "client-deflate-param-coder", Category: WebSocket, Level: Info,
		Summary: "coder/websocket does not take the permessage-deflate parameter {param}.",
		Detail: "coder/websocket v1.8.15 accepts server_no_context_takeover, client_no_context_takeover and server_max_window_bits with a value, and nothing else: it cannot shrink its own window, so even a legal client_max_window_bits fails the dial ([RFC 7692 §7.1.2.2](rfc:7692#7.1.2.2)). " +
			"Other clients take every parameter RFC 7692 defines.",
		Ref: Ref{7692, "7.1.2.2"}}
	noteClientDeflateContextTakeover = &Note{ID: "client-deflate-context-takeover", Category: WebSocket, Level: Warn,
		Summary: "The permessage-deflate response lacks {missing}.",
		Detail: "Both *_no_context_takeover parameters are optional in a response ([RFC 7692 §7.1.1](rfc:7692#7.1.1)): without them, both sides keep their LZ77 window across messages. " +
			"gorilla/websocket v1.5.3 implements only no-context-takeover compression and fails with \"websocket: invalid compression negotiation\" unless both come back. Here: {clients}. " +
			"Fix: answer `permessage-deflate; server_no_context_takeover; client_no_context_takeover` to a client that offered both.",
		Ref: Ref{7692, "7.1.1"}}
	noteClientDeflateServerNCT = &Note{ID: "client-deflate-server-nct-missing", Category: WebSocket, Level: Bad,
		Summary: "The client offered server_no_context_takeover and the response leaves it out.",
		Detail: "A server accepts an offer with server_no_context_takeover by including it in the response ([RFC 7692 §7.1.1.1](rfc:7692#7.1.1.1)); a response that leaves it out keeps a context the client asked it not to keep, a configuration the client may not support, on which it MUST fail ([§7](rfc:7692#7)). Here: {clients}. " +
			"Fix: include server_no_context_takeover when it was offered.",
		Ref: Ref{7692, "7.1.1.1"}}
	noteClientDeflateServerBits = &Note{ID: "client-deflate-server-bits", Category: WebSocket, Level: Bad,
		Summary: "The client offered server_max_window_bits={offered}, and the response has {value}.",
		Detail: "A server accepts an offer with server_max_window_bits by answering it \"with the same or smaller value\" ([RFC 7692 §7.1.2.1](rfc:7692#7.1.2.1)); a larger window, or none, is a configuration the client does not support, on which it MUST fail ([§7](rfc:7692#7)). Here: {clients}. " +
			"Fix: answer `server_max_window_bits={offered}` or smaller.",
		Ref: Ref{7692, "7.1.2.1"}}
	noteClientDeflateClientBits = &Note{ID: "client-deflate-client-bits-unoffered", Category: WebSocket, Level: Bad,
		Summary: "The response has client_max_window_bits, which the offer did not have.",
		Detail: "\"If a received extension negotiation offer doesn't have the client_max_window_bits extension parameter, the corresponding extension negotiation response to the offer MUST NOT include\" it ([RFC 7692 §7.1.2.2](rfc:7692#7.1.2.2)). Here: {clients}. " +
			"Fix: leave client_max_window_bits out unless the client offered it.",
		Ref: Ref{7692, "7.1.2.2"}}
	noteClientDeflateClientBitsLarger = &Note{ID: "client-deflate-client-bits-larger", Category: WebSocket, Level: Bad,
		Summary: "The client offered client_max_window_bits={offered}, and the response has {value}.",
		Detail: "The client's window cannot grow past what it offered ([RFC 7692 §7.1.2.2](rfc:7692#7.1.2.2)); a larger value is a configuration it does not support, on which it MUST fail ([§7](rfc:7692#7)). Here: {clients}. " +
			"Fix: answer {offered} or smaller.",
		Ref: Ref{7692, "7.1.2.2"}}

	noteClientWSFrames = &Note{ID: "client-after-frames", Category: WebSocket, Level: Info,
		Summary: "{count} bytes follow the 101, starting with a {frame} frame.",
		Detail:  "After the 101 the connection speaks WebSocket at once: the server may send frames right behind the head, and the client reads them once it has accepted the handshake ([RFC 6455 §4.1](rfc:6455#4.1), [§5](rfc:6455#5)).",
		Ref:     Ref{6455, "4.1"}}
	noteClientWSBytes = &Note{ID: "client-after-bytes", Category: WebSocket, Level: Warn,
		Summary: "{count} bytes follow the 101 that do not start a WebSocket frame.",
		Detail: "Everything after the 101 belongs to the new protocol ([RFC 9110 §15.2.2](rfc:9110#15.2.2)): a client that accepts the head fails the connection on the first invalid frame ([RFC 6455 §5.2](rfc:6455#5.2)). A body after a 101 is a common mistake. " +
			"Fix: send nothing after the 101 but WebSocket frames.",
		Ref: Ref{9110, "15.2.2"}}

	noteClientH2CUpgrade = &Note{ID: "client-h2c-upgrade-wrong", Category: H2C, Level: Bad,
		Summary: "The 101 to an h2c request names {value}, not h2c.",
		Detail: "A server MUST NOT switch to a protocol the client did not indicate ([RFC 9110 §7.8](rfc:9110#7.8)); the 101 to an h2c request names h2c ([RFC 7540 §3.2](rfc:7540#3.2)). " +
			"curl does not look: it starts HTTP/2 after any 101. Here: {clients}. " +
			"Fix: answer `Upgrade: h2c`, and send the HTTP/2 connection preface.",
		Ref: Ref{9110, "7.8"}}
	noteClientH2CNoPreface = &Note{ID: "client-h2c-no-preface", Category: H2C, Level: Bad,
		Summary: "Nothing follows the 101: the server's connection preface is missing.",
		Detail: "Right after the 101 the server's first bytes are its connection preface, a SETTINGS frame ([RFC 7540 §3.2](rfc:7540#3.2), [§3.5](rfc:7540#3.5)); a client waits for it and fails when the connection ends. Here: {clients}. " +
			"Fix: send a SETTINGS frame right after the 101, then the response to the upgraded request on stream 1.",
		Ref: Ref{7540, "3.5"}}
	noteClientH2CHTTP1 = &Note{ID: "client-h2c-http1-after", Category: H2C, Level: Bad,
		Summary: "HTTP/1.1 follows the 101, where the client expects HTTP/2 frames.",
		Detail: "After the 101 the connection speaks HTTP/2, starting with the server's SETTINGS ([RFC 7540 §3.2](rfc:7540#3.2), [§3.5](rfc:7540#3.5)); an HTTP/1.1 response there is a connection error for the client's HTTP/2 stack. Here: {clients}. " +
			"Fix: answer the upgraded request over HTTP/2 on stream 1, or answer it in HTTP/1.1 without a 101.",
		Ref: Ref{7540, "3.5"}}
	noteClientH2CNotSettings = &Note{ID: "client-h2c-not-settings", Category: H2C, Level: Bad,
		Summary: "The first frame after the 101 is {frame}, not SETTINGS.",
		Detail: "The server connection preface \"consists of a potentially empty SETTINGS frame that MUST be the first frame the server sends\" ([RFC 7540 §3.5](rfc:7540#3.5)); anything else is a connection error of type PROTOCOL_ERROR. Here: {clients}. " +
			"Fix: send a SETTINGS frame first.",
		Ref: Ref{7540, "3.5"}}
	noteClientH2CPreface = &Note{ID: "client-h2c-preface", Category: H2C, Level: Good,
		Summary: "The server's first frame after the 101 is SETTINGS: {settings}.",
		Detail:  "The server connection preface ([RFC 7540 §3.5](rfc:7540#3.5)); the client acknowledges it and reads the response to its request on stream 1 ([§3.2](rfc:7540#3.2)).",
		Ref:     Ref{7540, "3.5"}}
)

func clientNotes() []*Note {
	return []*Note{
		noteClientEmpty, noteClientHeadIncomplete, noteClientHeadTooLarge, noteClientStatusLine, noteClientVersion,
		noteClientReasonNoSP, noteClientReasonNotUTF8, noteClientBareLF, noteClientObsFold, noteClientBadField,
		noteClientUnrequestedSwitch, noteClientNoUpgradeAsked, noteClientH2CDeclined,
		noteClientStatus2xx, noteClientStatus426, noteClientStatusInterim, noteClientNoFinal, noteClientStatusAuth, noteClientStatusOther,
		noteClientUpgradeMissing, noteClientUpgradeWrong, noteClientUpgradeLines, noteClientUpgradeList,
		noteClientConnectionMissing, noteClientConnectionNoUpgrade, noteClientConnectionClose,
		noteClientAcceptMissing, noteClientAcceptLines, noteClientAcceptWrong, noteClientAcceptOK,
		noteClientSubprotocolNone, noteClientSubprotocolUnrequested, noteClientSubprotocolUnoffered, noteClientSubprotocolCase,
		noteClientSubprotocolLines, noteClientSubprotocolList, noteClientSubprotocolOK,
		noteClientExtUnrequested, noteClientExtSyntax, noteClientExtMany, noteClientExtUnknown,
		noteClientDeflateTwice, noteClientDeflateUnoffered, noteClientDeflateParamUnknown, noteClientDeflateParamDup,
		noteClientDeflateParamValue, noteClientDeflateClientBitsNoValue, noteClientDeflateCoderParam,
		noteClientDeflateContextTakeover, noteClientDeflateServerNCT, noteClientDeflateServerBits,
		noteClientDeflateClientBits, noteClientDeflateClientBitsLarger,
		noteClientWSFrames, noteClientWSBytes,
		noteClientH2CUpgrade, noteClientH2CNoPreface, noteClientH2CHTTP1, noteClientH2CNotSettings, noteClientH2CPreface,
	}
}
