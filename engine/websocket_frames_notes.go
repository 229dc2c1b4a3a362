package engine

// Notes raised by websocket_frames.go (RFC 6455 §4.1, §5, §7.4, §8.1;
// RFC 7692 §6).

var (
	noteWSEarlyData = &Note{ID: "ws-early-data", Category: Security, Level: Warn,
		Summary: "{count} bytes follow the handshake; after the 101 the server reads them as WebSocket frames.",
		Detail: "A client MUST wait for the server's answer before it sends any further data ([RFC 6455 §4.1](rfc:6455#4.1)). " +
			"Had the server refused the handshake, it would have read the same bytes as the next HTTP request, which is how optimistic protocol switches turn into request smuggling ([RFC 9931 §4.1](rfc:9931#4.1)). " +
			"After a 101 they are frames, decoded below.",
		Ref: Ref{6455, "4.1"}, Myth: "The client can send frames right after the request."}
	noteWSFrame = &Note{ID: "ws-frame", Category: WebSocket, Level: Info,
		Summary: "A client {opcode} frame.",
		Detail: "Each frame starts with FIN, three RSV bits and a 4-bit opcode, then the MASK bit and a 7-bit length; 126 means a 16-bit length follows, 127 a 64-bit one. " +
			"A client frame then carries a 4-byte masking key, and each payload byte is XORed with key byte i mod 4 ([RFC 6455 §5.2](rfc:6455#5.2), [§5.3](rfc:6455#5.3)). " +
			"The payload shown here is unmasked.",
		Ref: Ref{6455, "5.2"}}
	noteWSFrameIncomplete = &Note{ID: "ws-frame-incomplete", Category: WebSocket, Level: Info,
		Summary: "The last {count} bytes are an incomplete frame; the server waits for {need} more bytes.",
		Detail:  "The frame header announces more bytes than the input holds ([RFC 6455 §5.2](rfc:6455#5.2)); a server waits for the rest (up to its own size limit) before it acts on the frame.",
		Ref:     Ref{6455, "5.2"}}
	noteWSFrameAfterClose = &Note{ID: "ws-frame-after-close", Category: WebSocket, Level: Warn,
		Summary: "{count} more bytes arrive after the connection started closing; the server ignores them.",
		Detail:  "After sending a Close frame an endpoint MUST NOT send any more data frames ([RFC 6455 §5.5.1](rfc:6455#5.5.1)), and once the server has failed the connection it reads nothing more ([§7.1.7](rfc:6455#7.1.7)); it closes the TCP connection.",
		Ref:     Ref{6455, "5.5.1"}}
	noteWSServerFrame = &Note{ID: "ws-server-frame", Category: WebSocket, Level: Info,
		Summary: "The server's {opcode} frame, unmasked as every server frame is.",
		Detail: "\"A server MUST NOT mask any frames that it sends to the client\" ([RFC 6455 §5.1](rfc:6455#5.1)); a client fails the connection on a masked frame. " +
			"Masking protects intermediaries from what a page could make a client send ([§10.3](rfc:6455#10.3)); the server's bytes need no such protection.",
		Ref: Ref{6455, "5.1"}}
	noteWSServerFails = &Note{ID: "ws-server-fails", Category: WebSocket, Level: Info,
		Summary: "The server fails the connection: it sends a close frame with {code} ({meaning}) and closes TCP.",
		Detail: "To _Fail the WebSocket Connection_ the endpoint closes the connection, and may first send a Close frame with a status code ([RFC 6455 §7.1.7](rfc:6455#7.1.7)): 1002 for a protocol error, 1007 for data that does not fit its type, such as invalid UTF-8 in a text message ([§7.4.1](rfc:6455#7.4.1)). " +
			"It processes no more data from the client.",
		Ref: Ref{6455, "7.1.7"}}
	noteWSFrameUnmasked = &Note{ID: "ws-frame-unmasked", Category: WebSocket, Level: Warn,
		Summary: "The client frame is not masked; the server must close the connection.",
		Detail: "A client MUST mask every frame it sends, and \"The server MUST close the connection upon receiving a frame that is not masked\"; it MAY first send a Close frame with 1002 (protocol error) ([RFC 6455 §5.1](rfc:6455#5.1)). " +
			"Masking with a fresh random key stops a page from writing chosen bytes onto the wire, which could poison an intermediary's cache ([§10.3](rfc:6455#10.3)).",
		Ref: Ref{6455, "5.1"}}
	noteWSFrameRSV = &Note{ID: "ws-frame-rsv23", Category: WebSocket, Level: Warn,
		Summary: "RSV2 or RSV3 is set, and no extension defines them: the server must fail the connection.",
		Detail: "RSV1–3 \"MUST be 0 unless an extension is negotiated that defines meanings for non-zero values\" ([RFC 6455 §5.2](rfc:6455#5.2)); permessage-deflate defines only RSV1. " +
			"Node ws fails with \"RSV2 and RSV3 must be clear\" when a request body is read as frames.",
		Ref: Ref{6455, "5.2"}}
	noteWSFrameRSV1NoExtension = &Note{ID: "ws-frame-rsv1-no-extension", Category: WebSocket, Level: Warn,
		Summary: "RSV1 is set, but no extension was negotiated: the server must fail the connection.",
		Detail:  "RSV1 means \"compressed\" only when permessage-deflate was accepted in the handshake ([RFC 7692 §6](rfc:7692#6)); otherwise it MUST be 0 ([RFC 6455 §5.2](rfc:6455#5.2)).",
		Ref:     Ref{6455, "5.2"}}
	noteWSFrameRSV1NotFirst = &Note{ID: "ws-frame-rsv1-not-first", Category: WebSocket, Level: Warn,
		Summary: "RSV1 is set on a {opcode} frame; permessage-deflate allows it only on the first frame of a data message.",
		Detail:  "\"An endpoint MUST NOT set the 'Per-Message Compressed' bit of control frames and non-first fragments of a data message\" ([RFC 7692 §6](rfc:7692#6)); a receiver MUST fail the connection.",
		Ref:     Ref{7692, "6"}}
	noteWSFrameCompressed = &Note{ID: "ws-frame-compressed", Category: WebSocket, Level: Info,
		Summary: "RSV1 is set: with permessage-deflate negotiated, this message is compressed.",
		Detail: "The payload is raw DEFLATE data whose final `00 00 ff ff` was removed; the receiver appends it and inflates ([RFC 7692 §6](rfc:7692#6), [§7.2.2](rfc:7692#7.2.2)). " +
			"The payload is shown in hex, and the whole message inflated once its last frame has arrived.",
		Ref: Ref{7692, "6"}}
	noteWSFrameInflated = &Note{ID: "ws-frame-inflated", Category: WebSocket, Level: Info,
		Summary: "The compressed message ({compressed} bytes) inflates to {size} bytes.",
		Detail: "The receiver appends `00 00 ff ff` to the payload and inflates it as raw DEFLATE ([RFC 7692 §7.2.2](rfc:7692#7.2.2)); unless client_no_context_takeover was agreed, the window holds the client's earlier messages too ([§7.1.1.2](rfc:7692#7.1.1.2)). " +
			"The inflated message is shown below the payload.",
		Ref: Ref{7692, "7.2.2"}}
	noteWSFrameInflateError = &Note{ID: "ws-frame-inflate-error", Category: WebSocket, Level: Warn,
		Summary: "The compressed message does not inflate ({error}): the server must fail the connection.",
		Detail:  "With RSV1 set the payload is raw DEFLATE data without its final `00 00 ff ff` ([RFC 7692 §7.2.2](rfc:7692#7.2.2)); data that does not decompress cannot be a message, and the endpoint fails the WebSocket connection ([RFC 6455 §7.1.7](rfc:6455#7.1.7)).",
		Ref:     Ref{7692, "7.2.2"}}
	noteWSFrameOpcode = &Note{ID: "ws-frame-reserved-opcode", Category: WebSocket, Level: Warn,
		Summary: "The opcode {opcode} is reserved: the server must fail the connection.",
		Detail:  "Opcodes 0x3–0x7 and 0xB–0xF are reserved; \"if an unknown opcode is received, the receiving endpoint MUST _Fail the WebSocket Connection_\" ([RFC 6455 §5.2](rfc:6455#5.2)).",
		Ref:     Ref{6455, "5.2"}}
	noteWSFrameLengthMSB = &Note{ID: "ws-frame-length-msb", Category: WebSocket, Level: Warn,
		Summary: "The 64-bit payload length has its most significant bit set.",
		Detail:  "With the 64-bit form \"the most significant bit MUST be 0\" ([RFC 6455 §5.2](rfc:6455#5.2)).",
		Ref:     Ref{6455, "5.2"}}
	noteWSFrameLengthNotMinimal = &Note{ID: "ws-frame-length-not-minimal", Category: WebSocket, Level: Warn,
		Summary: "The length {length} is written in the {form}-bit form, but a shorter form fits.",
		Detail:  "\"The minimal number of bytes MUST be used to encode the length\" ([RFC 6455 §5.2](rfc:6455#5.2)): up to 125 in the 7-bit field, up to 65535 in the 16-bit form.",
		Ref:     Ref{6455, "5.2"}}
	noteWSFrameControlFragmented = &Note{ID: "ws-frame-control-fragmented", Category: WebSocket, Level: Warn,
		Summary: "A {opcode} frame without FIN: control frames cannot be fragmented.",
		Detail:  "\"All control frames MUST have a payload length of 125 bytes or less and MUST NOT be fragmented\" ([RFC 6455 §5.5](rfc:6455#5.5)).",
		Ref:     Ref{6455, "5.5"}}
	noteWSFrameControlLong = &Note{ID: "ws-frame-control-too-long", Category: WebSocket, Level: Warn,
		Summary: "A {opcode} frame of {length} bytes: control frames carry at most 125.",
		Detail:  "\"All control frames MUST have a payload length of 125 bytes or less and MUST NOT be fragmented\" ([RFC 6455 §5.5](rfc:6455#5.5)).",
		Ref:     Ref{6455, "5.5"}}
	noteWSFrameContinuationUnexpected = &Note{ID: "ws-frame-continuation-unexpected", Category: WebSocket, Level: Warn,
		Summary: "A continuation frame, but no fragmented message is in progress.",
		Detail:  "A fragmented message starts with a text or binary frame without FIN and goes on with continuation frames (opcode 0x0) until one has FIN ([RFC 6455 §5.4](rfc:6455#5.4)); a continuation out of the blue fails the connection.",
		Ref:     Ref{6455, "5.4"}}
	noteWSFrameExpectedContinuation = &Note{ID: "ws-frame-expected-continuation", Category: WebSocket, Level: Warn,
		Summary: "A new {opcode} frame starts while a fragmented message is still in progress.",
		Detail:  "The fragments of one message are not interleaved with another message's: until the FIN fragment, only continuation frames and control frames may come ([RFC 6455 §5.4](rfc:6455#5.4)).",
		Ref:     Ref{6455, "5.4"}}
	noteWSFrameInvalidUTF8 = &Note{ID: "ws-frame-invalid-utf8", Category: WebSocket, Level: Warn,
		Summary: "The text is not valid UTF-8: the server must fail the connection.",
		Detail:  "Text messages and close reasons are UTF-8; when an endpoint finds invalid UTF-8 it MUST _Fail the WebSocket Connection_ ([RFC 6455 §8.1](rfc:6455#8.1), [§5.6](rfc:6455#5.6)), with status 1007.",
		Ref:     Ref{6455, "8.1"}}
	noteWSFrameCloseShort = &Note{ID: "ws-frame-close-one-byte", Category: WebSocket, Level: Warn,
		Summary: "The close frame's body is one byte; it must be empty or start with a 2-byte status code.",
		Detail:  "\"If there is a body, the first two bytes of the body MUST be a 2-byte unsigned integer (in network byte order) representing a status code\" ([RFC 6455 §5.5.1](rfc:6455#5.5.1)).",
		Ref:     Ref{6455, "5.5.1"}}
	noteWSFrameCloseCode = &Note{ID: "ws-frame-close-code", Category: WebSocket, Level: Warn,
		Summary: "The close status code {code} may not be sent.",
		Detail:  "Codes below 1000 are not used; 1005, 1006 and 1015 are only reported locally and MUST NOT be sent; 1004 and 1016–2999 are reserved for the protocol; 3000–3999 are registered and 4000–4999 private ([RFC 6455 §7.4.1](rfc:6455#7.4.1), [§7.4.2](rfc:6455#7.4.2)).",
		Ref:     Ref{6455, "7.4.2"}}
	noteWSFrameClose = &Note{ID: "ws-frame-close", Category: WebSocket, Level: Info,
		Summary: "The client closes the connection: status {code}, reason \"{reason}\".",
		Detail:  "The server answers with its own Close frame, normally echoing the status code, and then closes the TCP connection ([RFC 6455 §5.5.1](rfc:6455#5.5.1), [§7.4](rfc:6455#7.4)); 1000 is a normal closure, 1001 \"going away\".",
		Ref:     Ref{6455, "5.5.1"}}
	noteWSFramePing = &Note{ID: "ws-frame-ping", Category: WebSocket, Level: Info,
		Summary: "A ping: the server answers with a pong carrying the same payload.",
		Detail:  "\"Upon receipt of a Ping frame, an endpoint MUST send a Pong frame in response\" with identical application data ([RFC 6455 §5.5.2](rfc:6455#5.5.2), [§5.5.3](rfc:6455#5.5.3)).",
		Ref:     Ref{6455, "5.5.2"}}
)

// websocketFrameNotes lists the notes of this file for the catalogue (note.go). It is a
// function, called once, so that the list is no init-time work.
func websocketFrameNotes() []*Note {
	return []*Note{
		noteWSEarlyData,
		noteWSFrame,
		noteWSFrameIncomplete,
		noteWSFrameAfterClose,
		noteWSServerFrame,
		noteWSServerFails,
		noteWSFrameUnmasked,
		noteWSFrameRSV,
		noteWSFrameRSV1NoExtension,
		noteWSFrameRSV1NotFirst,
		noteWSFrameCompressed,
		noteWSFrameInflated,
		noteWSFrameInflateError,
		noteWSFrameOpcode,
		noteWSFrameLengthMSB,
		noteWSFrameLengthNotMinimal,
		noteWSFrameControlFragmented,
		noteWSFrameControlLong,
		noteWSFrameContinuationUnexpected,
		noteWSFrameExpectedContinuation,
		noteWSFrameInvalidUTF8,
		noteWSFrameCloseShort,
		noteWSFrameCloseCode,
		noteWSFrameClose,
		noteWSFramePing,
	}
}
