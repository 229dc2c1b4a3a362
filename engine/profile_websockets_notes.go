package engine

// Notes raised by profile_websockets.go: where python-websockets 10.4's
// serve() (Debian 12's python3-websockets) answers differently from the
// RFCs' default server.

var (
	noteWebsocketsParse = &Note{ID: "websockets-parse", Category: Syntax, Level: Bad, Status: 400,
		Summary: "python-websockets' own parser rejects the request ({why}), so it answers 400: {message}.",
		Detail: "websockets.serve() reads the handshake with its own parser, which accepts only the request-line `GET <path> HTTP/1.1`, lines that end with CRLF, token names, values without control bytes, at most 256 fields and 4110 bytes a line (legacy/http.py). " +
			"Anything else, HTTP/1.0, another method, obs-fold or a bare LF, gets 400 with the same text and `Connection: close`; [RFC 6455 §4.1](rfc:6455#4.1) asks for a GET of HTTP/1.1 or later, so HTTP/1.2 would be legal, and [RFC 9112 §2.2](rfc:9112#2.2) lets a server accept a bare LF. " +
			"Fix: send the handshake as `GET <path> HTTP/1.1` with CRLF line endings and one field a line.",
		Ref: Ref{9112, "2.2"}}
	noteWebsocketsParsed = &Note{ID: "websockets-parsed", Category: Syntax, Level: Info,
		Summary: "python-websockets reads the request-line and fields with its own parser and never reads a body.",
		Detail: "read_request takes the head only: a body, if any, is left on the connection and read as WebSocket frames after the 101 ([RFC 9110 §7.8](rfc:9110#7.8) asks the server to read the whole request first). " +
			"It checks neither Host nor Origin unless the application asks.",
		Ref: Ref{9110, "7.8"}}
	noteWebsocketsUpgradeRequired = &Note{ID: "websockets-upgrade-required", Category: WebSocket, Level: Bad, Status: 426,
		Summary: "python-websockets answers 426 with Upgrade: websocket because of the {message}.",
		Detail: "check_request requires the upgrade option in Connection, then an Upgrade that is exactly one protocol, websocket ([RFC 6455 §4.2.1](rfc:6455#4.2.1)); either failure is InvalidUpgrade, which serve() answers with 426, `Upgrade: websocket` ([RFC 9110 §15.5.22](rfc:9110#15.5.22)) and `Connection: close`, and a text that tells a browser user to use a WebSocket client. " +
			"An Upgrade list that includes websocket with another protocol is a legal offer that python-websockets refuses. " +
			"Fix: send `Connection: Upgrade` and exactly `Upgrade: websocket`.",
		Ref: Ref{9110, "15.5.22"}}
	noteWebsocketsHeader = &Note{ID: "websockets-invalid-header", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "python-websockets fails the handshake with 400: {message}.",
		Detail: "check_request and the extension and subprotocol parsers raise an InvalidHeader whose text names the field and the value; serve() answers 400 with that text, `Content-Type: text/plain` and `Connection: close` ([RFC 6455 §4.2.1](rfc:6455#4.2.1): an appropriate error code such as 400). " +
			"A field sent twice where one is expected (the key, the version) is an error of its own, more than one header found. " +
			"Fix: send one `Sec-WebSocket-Key` (base64 of 16 bytes), one `Sec-WebSocket-Version: 13`, and list fields that parse as comma-separated tokens.",
		Ref: Ref{6455, "4.2.1"}}
	noteWebsocketsNoCompression = &Note{ID: "websockets-no-compression", Category: WebSocket, Level: Info,
		Summary: "Compression is off (compression=None), so python-websockets ignores Sec-WebSocket-Extensions.",
		Detail:  "With compression=None serve() has no extension to offer and does not parse the field ([RFC 6455 §9.1](rfc:6455#9.1)); the 101 has no Sec-WebSocket-Extensions.",
		Ref:     Ref{6455, "9.1"}}
	noteWebsocketsDeflate = &Note{ID: "websockets-deflate", Category: WebSocket, Level: Good,
		Summary: "python-websockets accepts permessage-deflate by default and answers {extensions}.",
		Detail: "serve() enables permessage-deflate unless compression=None, with window bits 12 both ways: it answers server_max_window_bits=12 even unasked ([RFC 7692 §7.1.2.1](rfc:7692#7.1.2.1)), and client_max_window_bits=12 when the client offered the parameter ([RFC 7692 §7.1.2.2](rfc:7692#7.1.2.2)). " +
			"The 12-bit window saves memory on the server at a small cost in compression.",
		Ref: Ref{7692, "7.1.2.1"}}
	noteWebsocketsDeflateDeclined = &Note{ID: "websockets-deflate-declined", Category: WebSocket, Level: Info,
		Summary: "No permessage-deflate offer has valid parameters, so python-websockets declines compression and still switches.",
		Detail:  "An offer with an unknown, repeated or out-of-range parameter is declined, not an error ([RFC 7692 §5](rfc:7692#5)); the 101 has no Sec-WebSocket-Extensions.",
		Ref:     Ref{7692, "5"}}
	noteWebsocketsZlib8 = &Note{ID: "websockets-zlib-window-8", Category: WebSocket, Level: Bad, Status: 500,
		Summary: "The client asks for server_max_window_bits=8, which zlib cannot compress with, so python-websockets answers 500.",
		Detail: "python-websockets accepts the offer, then creates a zlib compressor with an 8-bit window, which zlib refuses for raw deflate; the exception is not a negotiation error, so serve() answers 500 and logs it. " +
			"[RFC 7692 §7.1.2.1](rfc:7692#7.1.2.1) lets a server decline an offer whose window it cannot use, which would have been the graceful answer. " +
			"Fix: offer server_max_window_bits of 9 or more, or none.",
		Ref: Ref{7692, "7.1.2.1"}}
	noteWebsocketsSubprotocol = &Note{ID: "websockets-subprotocol", Category: WebSocket, Level: Info,
		Summary: "python-websockets selects {protocol}: the protocol whose positions in the client's and the server's lists add up lowest.",
		Detail: "select_subprotocol weighs the client's order and the server's equally ([RFC 6455 §4.2.2](rfc:6455#4.2.2) leaves the choice to the server); on a tie Python's set order decides, which changes with the process's hash seed, so the choice between equally ranked protocols is not stable across restarts. " +
			"This playground breaks a tie with the server's order.",
		Ref: Ref{6455, "4.2.2"}}
	noteWebsocketsNoSubprotocols = &Note{ID: "websockets-no-subprotocols", Category: WebSocket, Level: Info,
		Summary: "serve() has no subprotocols by default, so python-websockets ignores Sec-WebSocket-Protocol.",
		Detail: "Without subprotocols= the server selects none and the 101 has no Sec-WebSocket-Protocol ([RFC 6455 §4.2.2](rfc:6455#4.2.2)); a client that requires one fails the connection. " +
			"The setting wsproto= is serve()'s subprotocols list.",
		Ref: Ref{6455, "4.2.2"}}
	noteWebsocketsSwitched = &Note{ID: "websockets-switched", Category: WebSocket, Level: Good,
		Summary: "python-websockets writes its 101 with Sec-WebSocket-Accept {accept}, then Date and its Server field.",
		Detail:  "The 101 lists Upgrade, Connection, Sec-WebSocket-Accept, the accepted extension and protocol, then `Date` and `Server: Python/3.11 websockets/10.4` ([RFC 6455 §4.2.2](rfc:6455#4.2.2), [RFC 9110 §10.2.4](rfc:9110#10.2.4)).",
		Ref:     Ref{6455, "4.2.2"}}
)

func profileWebsocketsNotes() []*Note {
	return []*Note{
		noteWebsocketsParse,
		noteWebsocketsParsed,
		noteWebsocketsUpgradeRequired,
		noteWebsocketsHeader,
		noteWebsocketsNoCompression,
		noteWebsocketsDeflate,
		noteWebsocketsDeflateDeclined,
		noteWebsocketsZlib8,
		noteWebsocketsSubprotocol,
		noteWebsocketsNoSubprotocols,
		noteWebsocketsSwitched,
	}
}
