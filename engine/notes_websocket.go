package engine

// Notes raised by websocket.go (RFC 6455 §4.2.1, §4.2.2, §4.4; RFC 7692).

var (
	noteWSDisabled = register(&Note{ID: "ws-disabled", Category: WebSocket, Level: Info,
		Summary: "This server does not accept WebSocket, so it ignores the offer.",
		Detail:  "A server that does not support a protocol ignores the offer and answers normally ([RFC 9110 §7.8](rfc:9110#7.8)).",
		Ref:     Ref{9110, "7.8"}})
	noteWSTokenVersion = register(&Note{ID: "ws-token-version", Category: Myth, Level: Warn,
		Summary: "{element}: the websocket token has no version; the version goes in Sec-WebSocket-Version.",
		Detail:  "RFC 6455 registers the token `websocket` without versions; the protocol version is negotiated with `Sec-WebSocket-Version: 13` ([RFC 6455 §4.2.1](rfc:6455#4.2.1)).",
		Ref:     Ref{6455, "4.2.1"}, Myth: "Upgrade: websocket/13 carries the WebSocket version."})
	noteWSMethod = register(&Note{ID: "ws-method-not-get", Category: WebSocket, Level: Bad, Status: 405,
		Summary: "A WebSocket handshake must be a GET, not {method}.",
		Detail:  "\"The method of the request MUST be GET\" ([RFC 6455 §4.1](rfc:6455#4.1)). A 405 (Method Not Allowed) MUST carry `Allow` ([RFC 9110 §15.5.6](rfc:9110#15.5.6)).",
		Ref:     Ref{6455, "4.1"}})
	noteWSKeyMissing = register(&Note{ID: "ws-key-missing", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "Sec-WebSocket-Key is missing.",
		Detail:  "The client handshake includes `Sec-WebSocket-Key` ([RFC 6455 §4.2.1](rfc:6455#4.2.1) item 5); without it the server cannot prove it understood the WebSocket handshake, and MUST answer with an error such as 400.",
		Ref:     Ref{6455, "4.2.1"}})
	noteWSKeyDuplicate = register(&Note{ID: "ws-key-duplicate", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "Sec-WebSocket-Key appears more than once.",
		Detail:  "\"The Sec-WebSocket-Key header field MUST NOT appear more than once in an HTTP request\" ([RFC 6455 §11.3.1](rfc:6455#11.3.1)).",
		Ref:     Ref{6455, "11.3.1"}})
	noteWSKeyInvalid = register(&Note{ID: "ws-key-invalid", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "Sec-WebSocket-Key {key} is not base64 of 16 bytes.",
		Detail:  "The key is \"a base64-encoded value that, when decoded, is 16 bytes in length\" ([RFC 6455 §4.2.1](rfc:6455#4.2.1) item 5): 24 characters ending in `==`.",
		Ref:     Ref{6455, "4.2.1"}, Myth: "The key is any random string."})
	noteWSVersionMissing = register(&Note{ID: "ws-version-missing", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "Sec-WebSocket-Version is missing.",
		Detail:  "The client handshake includes `Sec-WebSocket-Version: 13` ([RFC 6455 §4.2.1](rfc:6455#4.2.1) item 6).",
		Ref:     Ref{6455, "4.2.1"}})
	noteWSVersionUnsupported = register(&Note{ID: "ws-version-unsupported", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "Sec-WebSocket-Version {version} is not supported; this server speaks 13.",
		Detail:  "The server MUST abort the handshake with an error and send `Sec-WebSocket-Version` listing the versions it supports ([RFC 6455 §4.2.2](rfc:6455#4.2.2), [§4.4](rfc:6455#4.4)).",
		Ref:     Ref{6455, "4.4"}})
	noteWSAccept = register(&Note{ID: "ws-accept", Category: WebSocket, Level: Good,
		Summary: "Sec-WebSocket-Accept is base64(SHA-1(key + GUID)) = {accept}.",
		Detail:  "The server appends the GUID `258EAFA5-E914-47DA-95CA-C5AB0DC85B11` to the key *as received* ({key}), hashes with SHA-1 and base64-encodes the 20 bytes ([RFC 6455 §4.2.2](rfc:6455#4.2.2)). It does not decode the key. The client checks the value and fails the connection if it is missing or wrong ([RFC 6455 §4.1](rfc:6455#4.1)); it proves only that the server understood WebSocket, not who it is.",
		Ref:     Ref{6455, "4.2.2"}, Myth: "Sec-WebSocket-Accept authenticates or secures the connection."})
	noteWSSubprotocolChosen = register(&Note{ID: "ws-subprotocol-chosen", Category: WebSocket, Level: Good,
		Summary: "The server chooses the subprotocol {protocol}.",
		Detail:  "The server picks one of the client's offered values, or none, and echoes exactly one in `Sec-WebSocket-Protocol` ([RFC 6455 §4.2.2](rfc:6455#4.2.2)).",
		Ref:     Ref{6455, "4.2.2"}})
	noteWSSubprotocolNone = register(&Note{ID: "ws-subprotocol-none", Category: WebSocket, Level: Info,
		Summary: "No offered subprotocol is supported, so the response has no Sec-WebSocket-Protocol.",
		Detail:  "With no agreement the server MUST NOT send the field ([RFC 6455 §4.2.2](rfc:6455#4.2.2)); the client decides whether to continue.",
		Ref:     Ref{6455, "4.2.2"}})
	noteWSDeflateAccepted = register(&Note{ID: "ws-deflate-accepted", Category: WebSocket, Level: Good,
		Summary: "permessage-deflate is accepted as {response}.",
		Detail:  "The server accepts one offer by including one element in its response ([RFC 7692 §5](rfc:7692#5)).",
		Ref:     Ref{7692, "5"}})
	noteWSDeflateDeclined = register(&Note{ID: "ws-deflate-declined", Category: WebSocket, Level: Info,
		Summary: "The permessage-deflate offer {offer} is declined.",
		Detail:  "A server MUST decline an offer with an unknown, invalid or duplicated parameter, and then tries the next ([RFC 7692 §7](rfc:7692#7)); declining is not failing.",
		Ref:     Ref{7692, "7"}})
)
