package engine

// Notes raised by websocket_deflate.go: Sec-WebSocket-Extensions and
// permessage-deflate (RFC 6455 §9.1; RFC 7692 §5, §7).

var (
	noteWSExtensionsSyntax = &Note{ID: "ws-extensions-syntax", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "Sec-WebSocket-Extensions {element} is malformed: {why}.",
		Detail: "`extension = extension-token *( \";\" extension-param )`, `extension-param = token [ \"=\" (token | quoted-string) ]` ([RFC 6455 §9.1](rfc:6455#9.1)). " +
			"That section uses \"ABNF syntax/rules from [RFC2616], including the 'implied *LWS rule'\", so whitespace may surround `;` and `=`: `client_max_window_bits = 10` is well-formed, and HTTP's later rule for parameters ([RFC 9110 §5.6.6](rfc:9110#5.6.6), no whitespace around `=`) does not apply to this field. " +
			"A recipient of a value outside this grammar \"MUST immediately _Fail the WebSocket Connection_\" (§9.1), so this server answers such a handshake with 400. " +
			"This differs from a well-formed offer the server cannot accept, which is only declined ([RFC 7692 §7](rfc:7692#7)). " +
			"Fix: write each extension as a name followed by `; param` or `; param=value` items, as in `Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits`, with no empty list and no trailing `;`.",
		Ref: Ref{6455, "9.1"}}
	noteWSExtensionsQuoted = &Note{ID: "ws-extensions-quoted-not-token", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "The quoted value of {param} is not a token after unescaping.",
		Detail: "\"When using the quoted-string syntax variant, the value after quoted-string unescaping MUST conform to the 'token' ABNF\" ([RFC 6455 §9.1](rfc:6455#9.1)). " +
			"Quoting only changes how a token is written; it does not allow spaces or separators. " +
			"Fix: quote only a token, as in `server_max_window_bits=\"10\"`, or send the value unquoted.",
		Ref: Ref{6455, "9.1"}}
	noteWSExtensionsMany = &Note{ID: "ws-extensions-many", Category: WebSocket, Level: Info,
		Summary: "{count} more extension offers are not considered.",
		Detail: "The server considers the first 32 offers; a real client sends a handful ([RFC 7692 §5](rfc:7692#5) lets it list alternatives in preference order). " +
			"Ignoring the rest only means declining them.",
		Ref: Ref{7692, "5"}}
	noteWSExtensionUnknown = &Note{ID: "ws-extension-unknown", Category: WebSocket, Level: Info,
		Summary: "The extension {extension} is unknown to this server and is ignored.",
		Detail: "The server answers only extensions it supports, chosen from the client's offers ([RFC 6455 §4.2.2](rfc:6455#4.2.2), [§9.1](rfc:6455#9.1)); an extension it does not list in its answer is not in use. " +
			"This server knows only permessage-deflate ([RFC 7692 §7](rfc:7692#7)); old browsers offered `x-webkit-deflate-frame`, a draft.",
		Ref: Ref{6455, "9.1"}}
	noteWSDeflateDisabled = &Note{ID: "ws-deflate-disabled", Category: WebSocket, Level: Info,
		Summary: "This server does not support permessage-deflate, so it declines the offer.",
		Detail: "The server declines an extension by leaving it out of its answer ([RFC 7692 §5](rfc:7692#5)); messages are then sent uncompressed. " +
			"The setting pmd=1 turns permessage-deflate on.",
		Ref: Ref{7692, "5"}}
	noteWSDeflateAlternative = &Note{ID: "ws-deflate-alternative", Category: WebSocket, Level: Info,
		Summary: "The alternative offer {offer} is not needed: an earlier permessage-deflate offer was accepted.",
		Detail:  "A client may offer several configurations in preference order; the server accepts at most one, by answering one element ([RFC 7692 §5](rfc:7692#5)).",
		Ref:     Ref{7692, "5"}}
	noteWSDeflateAccepted = &Note{ID: "ws-deflate-accepted", Category: WebSocket, Level: Good,
		Summary: "permessage-deflate is accepted as {response}.",
		Detail: "The server accepts the offer {offer} by answering one element with its chosen parameters ([RFC 7692 §5](rfc:7692#5), [§7](rfc:7692#7)). " +
			"It may add `server_no_context_takeover` or `client_no_context_takeover`, lower `server_max_window_bits`, and give `client_max_window_bits` a value, but never add `client_max_window_bits` the client did not offer ([§7.1.2.2](rfc:7692#7.1.2.2)). " +
			"From now on a data message with RSV1 set is compressed ([§6](rfc:7692#6)). gorilla/websocket always answers `permessage-deflate; server_no_context_takeover; client_no_context_takeover` whatever was offered.",
		Ref: Ref{7692, "7"}, Myth: "The extension response must mirror the offer."}
	noteWSDeflateNone = &Note{ID: "ws-deflate-none", Category: WebSocket, Level: Info,
		Summary: "No permessage-deflate offer is acceptable, so the 101 has no Sec-WebSocket-Extensions and messages go uncompressed.",
		Detail:  "Declining every offer is not a failure: the handshake succeeds without the extension ([RFC 7692 §5](rfc:7692#5), [§7](rfc:7692#7)). python-websockets and coder/websocket decline likewise; Node ws answers 400 for the whole handshake.",
		Ref:     Ref{7692, "7"}, Myth: "Invalid extension parameters mean the handshake fails."}
	noteWSDeflateDuplicate = &Note{ID: "ws-deflate-duplicate-param", Category: WebSocket, Level: Warn,
		Summary: "The offer {offer} repeats {param}, so the server declines it.",
		Detail:  "A server MUST decline an offer that \"contains multiple extension parameters with the same name\" ([RFC 7692 §7](rfc:7692#7)); it then tries the next offer.",
		Ref:     Ref{7692, "7"}}
	noteWSDeflateQuoted = &Note{ID: "ws-deflate-quoted-value", Category: WebSocket, Level: Info,
		Summary: "{param} has the quoted value \"{value}\", which means the same as the token {value}.",
		Detail:  "An extension parameter's value may be a token or a quoted-string whose content is a token ([RFC 6455 §9.1](rfc:6455#9.1)), so `server_max_window_bits=\"10\"` is valid; Node ws and python-websockets accept it.",
		Ref:     Ref{6455, "9.1"}}
	noteWSDeflateValueNotAllowed = &Note{ID: "ws-deflate-value-not-allowed", Category: WebSocket, Level: Warn,
		Summary: "{param} takes no value, but the offer gives it {value}; the server declines the offer.",
		Detail:  "`server_no_context_takeover` and `client_no_context_takeover` have no value ([RFC 7692 §7.1.1.1](rfc:7692#7.1.1.1), [§7.1.1.2](rfc:7692#7.1.1.2)); a server MUST decline an offer with \"an extension parameter with an invalid value\" ([§7](rfc:7692#7)).",
		Ref:     Ref{7692, "7"}}
	noteWSDeflateBadBits = &Note{ID: "ws-deflate-bad-window-bits", Category: WebSocket, Level: Warn,
		Summary: "{param}={value} is invalid ({why}); the server declines the offer.",
		Detail: "A max_window_bits value is \"a decimal integer value without leading zeroes between 8 to 15, inclusive\" ([RFC 7692 §7.1.2.1](rfc:7692#7.1.2.1), [§7.1.2.2](rfc:7692#7.1.2.2)). " +
			"A server MUST decline an offer with an invalid value and try the next ([§7](rfc:7692#7)). gorilla/websocket ignores parameters and accepts anyway; Node ws answers 400.",
		Ref: Ref{7692, "7.1.2.1"}}
	noteWSDeflateServerBitsNoValue = &Note{ID: "ws-deflate-server-bits-no-value", Category: WebSocket, Level: Warn,
		Summary: "server_max_window_bits has no value; unlike client_max_window_bits it needs one, so the server declines the offer.",
		Detail: "`server_max_window_bits` always has a value from 8 to 15 ([RFC 7692 §7.1.2.1](rfc:7692#7.1.2.1)); only `client_max_window_bits` may appear without one ([§7.1.2.2](rfc:7692#7.1.2.2)). " +
			"An invalid value makes the server decline ([§7](rfc:7692#7)).",
		Ref: Ref{7692, "7.1.2.1"}}
	noteWSDeflateUnknownParam = &Note{ID: "ws-deflate-unknown-param", Category: WebSocket, Level: Warn,
		Summary: "The offer {offer} has the unknown parameter {param}, so the server declines it.",
		Detail:  "A server MUST decline an offer that \"contains an extension parameter not defined for use in an offer\" ([RFC 7692 §7](rfc:7692#7)); the four defined ones are server_no_context_takeover, client_no_context_takeover, server_max_window_bits and client_max_window_bits ([§7.1](rfc:7692#7.1)). coder/websocket and python-websockets decline too.",
		Ref:     Ref{7692, "7"}}
	noteWSDeflateZlib8 = &Note{ID: "ws-deflate-zlib-window-8", Category: WebSocket, Level: Info,
		Summary: "The offer asks the server to compress with an 8-bit window, which a zlib-based server cannot do; it declines the offer.",
		Detail: "The server may only answer server_max_window_bits with the offered value or less ([RFC 7692 §7.1.2.1](rfc:7692#7.1.2.1)), and zlib cannot produce raw DEFLATE with a 256-byte window (.NET documents 9–15 only). " +
			"So a real server MUST decline the configuration it does not support ([§7](rfc:7692#7)). " +
			"The setting pmdzlib=1 plays such a server; the default accepts.",
		Ref: Ref{7692, "7"}}
	noteWSDeflateAddedServerNCT = &Note{ID: "ws-deflate-adds-server-no-context", Category: WebSocket, Level: Info,
		Summary: "The server adds server_no_context_takeover although the offer did not ask for it.",
		Detail: "\"A server MAY include the 'server_no_context_takeover' extension parameter in an extension negotiation response even if the extension negotiation offer being accepted by the extension negotiation response didn't include the 'server_no_context_takeover' extension parameter\" ([RFC 7692 §7.1.1.1](rfc:7692#7.1.1.1)): the server resets its compressor after each message, which saves memory. " +
			"Setting pmdsnct=1; gorilla/websocket always does this.",
		Ref: Ref{7692, "7.1.1.1"}}
	noteWSDeflateAddedClientNCT = &Note{ID: "ws-deflate-adds-client-no-context", Category: WebSocket, Level: Info,
		Summary: "The server adds client_no_context_takeover: the client must reset its compressor after each message.",
		Detail: "\"A server MAY include the 'client_no_context_takeover' extension parameter in an extension negotiation response\" ([RFC 7692 §7.1.1.2](rfc:7692#7.1.1.2)); the server then keeps no decompression window between messages. " +
			"Setting pmdcnct=1; gorilla/websocket always does this.",
		Ref: Ref{7692, "7.1.1.2"}}
	noteWSDeflateServerBitsLowered = &Note{ID: "ws-deflate-server-bits-lowered", Category: WebSocket, Level: Info,
		Summary: "The offer allows the server a window of {offered} bits; the server answers {bits}, which it may.",
		Detail:  "The server accepts an offer with server_max_window_bits by answering \"the same or smaller value\" ([RFC 7692 §7.1.2.1](rfc:7692#7.1.2.1)); this server compresses with at most 2^{bits} bytes of history (setting pmdsbits).",
		Ref:     Ref{7692, "7.1.2.1"}}
	noteWSDeflateServerBitsAdded = &Note{ID: "ws-deflate-server-bits-added", Category: WebSocket, Level: Info,
		Summary: "The server announces server_max_window_bits={bits} unasked: it compresses with a smaller window.",
		Detail: "A server MAY include server_max_window_bits even if the offer did not ([RFC 7692 §7.1.2.1](rfc:7692#7.1.2.1)); the client then needs less memory to decompress. " +
			"Setting pmdsbits.",
		Ref: Ref{7692, "7.1.2.1"}}
	noteWSDeflateClientBitsChosen = &Note{ID: "ws-deflate-client-bits-chosen", Category: WebSocket, Level: Info,
		Summary: "client_max_window_bits without a value lets the server choose; it answers client_max_window_bits={bits}.",
		Detail:  "Without a value the parameter only says the client can limit its window; the server MAY then answer a value from 8 to 15 ([RFC 7692 §7.1.2.2](rfc:7692#7.1.2.2)) to save its own decompression memory (setting pmdcbits).",
		Ref:     Ref{7692, "7.1.2.2"}}
	noteWSDeflateClientBitsHint = &Note{ID: "ws-deflate-client-bits-hint", Category: WebSocket, Level: Info,
		Summary: "client_max_window_bits without a value only says the client could use a smaller window; the server keeps the full 15 bits and does not answer it.",
		Detail: "The server MAY answer client_max_window_bits with a value, or leave it out, which means a window of up to 32,768 bytes ([RFC 7692 §7.1.2.2](rfc:7692#7.1.2.2)). " +
			"Had the offer not contained the parameter, the answer MUST NOT contain it. " +
			"The setting pmdcbits below 15 makes this server ask for a smaller window.",
		Ref: Ref{7692, "7.1.2.2"}}
)

// websocketDeflateNotes lists the notes of this file for the catalogue (note.go). It is a
// function, called once, so that the list is no init-time work.
func websocketDeflateNotes() []*Note {
	return []*Note{
		noteWSExtensionsSyntax,
		noteWSExtensionsQuoted,
		noteWSExtensionsMany,
		noteWSExtensionUnknown,
		noteWSDeflateDisabled,
		noteWSDeflateAlternative,
		noteWSDeflateAccepted,
		noteWSDeflateNone,
		noteWSDeflateDuplicate,
		noteWSDeflateQuoted,
		noteWSDeflateValueNotAllowed,
		noteWSDeflateBadBits,
		noteWSDeflateServerBitsNoValue,
		noteWSDeflateUnknownParam,
		noteWSDeflateZlib8,
		noteWSDeflateAddedServerNCT,
		noteWSDeflateAddedClientNCT,
		noteWSDeflateServerBitsLowered,
		noteWSDeflateServerBitsAdded,
		noteWSDeflateClientBitsChosen,
		noteWSDeflateClientBitsHint,
	}
}
