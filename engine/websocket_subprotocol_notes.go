package engine

// Notes raised by websocket_subprotocol.go (RFC 6455 §4.1, §4.2.2, §11.3.4).

var (
	noteWSSubprotocolLines = &Note{ID: "ws-subprotocol-lines", Category: WebSocket, Level: Info,
		Summary: "Sec-WebSocket-Protocol spans {count} lines; they combine into one list.",
		Detail:  "The field \"MAY appear multiple times in an HTTP request (which is logically the same as a single |Sec-WebSocket-Protocol| header field that contains all values)\" ([RFC 6455 §11.3.4](rfc:6455#11.3.4); [RFC 9110 §5.3](rfc:9110#5.3)).",
		Ref:     Ref{6455, "11.3.4"}}
	noteWSSubprotocolEmpty = &Note{ID: "ws-subprotocol-empty", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "Sec-WebSocket-Protocol is empty; it must list at least one subprotocol.",
		Detail: "`Sec-WebSocket-Protocol-Client = 1#token` ([RFC 6455 §4.3](rfc:6455#4.3)): a client with no subprotocol leaves the field out. " +
			"A value that does not match the grammar fails the handshake ([§4.2.1](rfc:6455#4.2.1)). " +
			"Fix: leave `Sec-WebSocket-Protocol` out, or list at least one subprotocol.",
		Ref: Ref{6455, "4.3"}}
	noteWSSubprotocolSyntax = &Note{ID: "ws-subprotocol-syntax", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "The subprotocol {protocol} is not a token.",
		Detail: "Subprotocols are tokens: printable ASCII without separators such as `\"`, `/`, `;`, spaces or `=` ([RFC 6455 §4.1](rfc:6455#4.1) item 10, [§4.3](rfc:6455#4.3); [RFC 9110 §5.6.2](rfc:9110#5.6.2)). " +
			"A value outside the grammar fails the handshake with 400, as Node ws answers; browsers refuse to send such a value at all. " +
			"Fix: name subprotocols with tokens such as `chat` or `v2.json.example.com`, without spaces, quotes or separators.",
		Ref: Ref{6455, "4.3"}}
	noteWSSubprotocolDuplicate = &Note{ID: "ws-subprotocol-duplicate", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "The subprotocol {protocol} is offered twice.",
		Detail: "The offered subprotocols \"MUST all be unique strings\" ([RFC 6455 §4.1](rfc:6455#4.1) item 10). " +
			"Node ws answers 400, as this server does; browsers throw a SyntaxError before sending duplicates. " +
			"Fix: list each subprotocol once.",
		Ref: Ref{6455, "4.1"}}
	noteWSSubprotocolChosen = &Note{ID: "ws-subprotocol-chosen", Category: WebSocket, Level: Good,
		Summary: "The server chooses the subprotocol {protocol}.",
		Detail: "The client offered {offered}; the server supports {preference}, most preferred first, and picks its most preferred offered value. " +
			"It answers exactly one offered token in `Sec-WebSocket-Protocol`, never a list, never an empty value, never an unoffered one ([RFC 6455 §4.2.2](rfc:6455#4.2.2) /subprotocol/, [§11.3.4](rfc:6455#11.3.4)); the client fails the connection otherwise ([§4.1](rfc:6455#4.1)). coder/websocket and gorilla/websocket v1.5.3 also pick in server order.",
		Ref: Ref{6455, "4.2.2"}, Myth: "The server echoes the client's subprotocol list."}
	noteWSSubprotocolCase = &Note{ID: "ws-subprotocol-case", Category: WebSocket, Level: Info,
		Summary: "The offer {protocol} differs from the supported {supported} only in case, and is not chosen.",
		Detail:  "Subprotocols compare exactly: the browser checks that the answer is one of the values it sent, byte for byte, so answering a different case would fail the connection ([RFC 6455 §4.1](rfc:6455#4.1)). coder/websocket compares case-insensitively.",
		Ref:     Ref{6455, "4.1"}}
	noteWSSubprotocolNone = &Note{ID: "ws-subprotocol-none", Category: WebSocket, Level: Info,
		Summary: "No offered subprotocol is supported, so the response has no Sec-WebSocket-Protocol.",
		Detail: "The client offered {offered}; the server supports {preference}. " +
			"With no agreement the server MUST NOT send the field ([RFC 6455 §4.2.2](rfc:6455#4.2.2)); RFC 6455 only requires a client to fail on a subprotocol it did not offer ([§4.1](rfc:6455#4.1)), and clients differ on a missing one. " +
			"Firefox and python-websockets go on without a subprotocol; Chromium (\"Sent non-empty 'Sec-WebSocket-Protocol' header but no response was received\") and Node's ws (\"Server sent no subprotocol\") fail the connection. " +
			"As servers, Node ws by default picks the client's first offer even when the application supports none, and python-websockets 10.4, as Debian 12 ships it, goes on without a subprotocol; the newer python-websockets server, the default from version 14, answers 400 instead when it has subprotocols configured.",
		Ref: Ref{6455, "4.2.2"}}
)

// websocketSubprotocolNotes lists the notes of this file for the catalogue (note.go). It is a
// function, called once, so that the list is no init-time work.
func websocketSubprotocolNotes() []*Note {
	return []*Note{
		noteWSSubprotocolLines,
		noteWSSubprotocolEmpty,
		noteWSSubprotocolSyntax,
		noteWSSubprotocolDuplicate,
		noteWSSubprotocolChosen,
		noteWSSubprotocolCase,
		noteWSSubprotocolNone,
	}
}
