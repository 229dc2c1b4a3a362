package engine

// Notes raised by h2c.go, h2c_after.go and h2c_prior.go (RFC 7540 §3.2,
// §3.2.1, §3.5; RFC 9113 §3.1–§3.4, §6.5, §8.2.2).

var (
	noteH2CDisabled = &Note{ID: "h2c-disabled", Category: H2C, Level: Info,
		Summary: "This server follows RFC 9113: it ignores the deprecated h2c upgrade offer.",
		Detail: "RFC 9113 deprecated the h2c upgrade: the token \"was never widely deployed\", and the same goes for HTTP2-Settings ([RFC 9113 §3.1](rfc:9113#3.1)). " +
			"Browsers never sent it: they use HTTP/2 only over TLS, chosen with ALPN `h2` ([RFC 9113 §3.2](rfc:9113#3.2)). " +
			"Cleartext HTTP/2 now needs *prior knowledge*: the client knows the server speaks HTTP/2 and starts with the connection preface `PRI * HTTP/2.0` ([RFC 9113 §3.3](rfc:9113#3.3)). " +
			"Go's net/http (`Protocols.SetUnencryptedHTTP2`) works that way and answers an h2c upgrade with `200 OK`. " +
			"Without another protocol to switch to, the request is answered over HTTP/1.1. " +
			"Turn on the setting \"Accept h2c upgrade\" to see the RFC 7540 switch.",
		Ref: Ref{9113, "3.1"}, Myth: "h2c means HTTP/2 through Upgrade."}
	noteH2CDeprecated = &Note{ID: "h2c-deprecated", Category: H2C, Level: Warn,
		Summary: "This server still accepts the h2c upgrade of RFC 7540, which RFC 9113 deprecated.",
		Detail: "RFC 7540 defined `Upgrade: h2c` ([RFC 7540 §3.2](rfc:7540#3.2)); RFC 9113 obsoleted it: the token \"was never widely deployed and is deprecated\" ([RFC 9113 §3.1](rfc:9113#3.1)). " +
			"It cost an extra round trip, clashed with request bodies (the whole body must be read before the switch) and let proxies that forwarded Upgrade be bypassed (h2c smuggling). " +
			"Today cleartext HTTP/2 uses prior knowledge ([RFC 9113 §3.3](rfc:9113#3.3)) and HTTP/2 over TLS uses ALPN. golang.org/x/net/http2/h2c, the best-known implementation, was itself deprecated in favour of net/http's prior-knowledge support.",
		Ref: Ref{9113, "3.1"}, Myth: "h2 and h2c are the same thing."}
	noteH2CTokenVersion = &Note{ID: "h2c-token-version", Category: H2C, Level: Info,
		Summary: "The offer {element} carries a version; the h2c token has none.",
		Detail: "The IANA Upgrade Token registry lists `h2c` with no expected versions ([RFC 9110 §16.7](rfc:9110#16.7), [RFC 7540 §11.8](rfc:7540#11.8)). " +
			"The server reads the offer as h2c.",
		Ref: Ref{7540, "11.8"}}
	noteH2COptionMissing = &Note{ID: "h2c-connection-option", Category: H2C, Level: Warn,
		Summary: "Connection does not list \"HTTP2-Settings\", so the server does not switch to h2c.",
		Detail: "\"A client sending the HTTP2-Settings header field MUST also send HTTP2-Settings as a connection option in the Connection header field to prevent it from being forwarded\" ([RFC 7540 §3.2.1](rfc:7540#3.2.1)): `Connection: Upgrade, HTTP2-Settings`. " +
			"An unlisted connection-specific field \"ought to be ignored\" ([RFC 9110 §7.6.1](rfc:9110#7.6.1)) because a proxy may have forwarded it, and without HTTP2-Settings the server MUST NOT upgrade to HTTP/2. golang.org/x/net/http2/h2c does the same: it recognises an upgrade only when Connection lists HTTP2-Settings.",
		Ref: Ref{7540, "3.2.1"}}
	noteH2COptionLenient = &Note{ID: "h2c-connection-option-lenient", Category: H2C, Level: Warn,
		Summary: "Connection does not list \"HTTP2-Settings\"; this lenient server upgrades anyway.",
		Detail: "The client MUST list HTTP2-Settings in Connection ([RFC 7540 §3.2.1](rfc:7540#3.2.1)); a server that upgrades without it may act on a field a proxy forwarded ([RFC 9110 §7.6.1](rfc:9110#7.6.1)). " +
			"The setting \"HTTP2-Settings not listed in Connection\" chooses.",
		Ref: Ref{7540, "3.2.1"}}
	noteH2CSettingsCount = &Note{ID: "h2c-settings-count", Category: H2C, Level: Warn,
		Summary: "The request has {count} HTTP2-Settings fields instead of exactly one: no switch to h2c.",
		Detail: "\"A server MUST NOT upgrade the connection to HTTP/2 if this header field is not present or if more than one is present\" ([RFC 7540 §3.2.1](rfc:7540#3.2.1)). " +
			"The server does not switch to h2c; it answers as if h2c had not been offered, unless it is one that answers 500 (golang.org/x/net/http2/h2c).",
		Ref: Ref{7540, "3.2.1"}}
	noteH2CSettingsPadded = &Note{ID: "h2c-settings-padded", Category: H2C, Level: Warn,
		Summary: "HTTP2-Settings {value} ends with \"=\" padding, which base64url here omits: no switch to h2c.",
		Detail: "HTTP2-Settings is the SETTINGS payload \"encoded as a base64url string ... with any trailing '=' characters omitted\" ([RFC 7540 §3.2.1](rfc:7540#3.2.1), [RFC 4648 §5](rfc:4648#5)); its grammar is `token68`. " +
			"A padded value is not one the server can accept.",
		Ref: Ref{7540, "3.2.1"}, Myth: "HTTP2-Settings is base64."}
	noteH2CSettingsInvalid = &Note{ID: "h2c-settings-invalid", Category: H2C, Level: Warn,
		Summary: "HTTP2-Settings {value} is not base64url: no switch to h2c.",
		Detail: "HTTP2-Settings is the base64url encoding of a SETTINGS frame payload: letters, digits, `-` and `_` (not `+` and `/`), no trailing `=` ([RFC 7540 §3.2.1](rfc:7540#3.2.1), [RFC 4648 §5](rfc:4648#5)). " +
			"A value that does not decode carries no settings, so the server does not switch to h2c.",
		Ref: Ref{7540, "3.2.1"}, Myth: "HTTP2-Settings is base64."}
	noteH2CSettingsLength = &Note{ID: "h2c-settings-length", Category: H2C, Level: Warn,
		Summary: "HTTP2-Settings decodes to {length} bytes, not a whole number of 6-byte settings: no switch to h2c.",
		Detail: "A SETTINGS payload is a list of 6-byte settings (a 16-bit identifier and a 32-bit value), and one whose length is not a multiple of 6 is a FRAME_SIZE_ERROR ([RFC 9113 §6.5](rfc:9113#6.5)). " +
			"HTTP2-Settings carries such a payload ([RFC 7540 §3.2.1](rfc:7540#3.2.1)), so this value cannot be one.",
		Ref: Ref{9113, "6.5"}}
	noteH2CSettings500 = &Note{ID: "h2c-settings-500", Category: H2C, Level: Bad, Status: 500,
		Summary: "This server answers a bad HTTP2-Settings with 500, as golang.org/x/net/http2/h2c does.",
		Detail: "RFC 7540 says the server MUST NOT upgrade, which means answering the request normally ([RFC 7540 §3.2.1](rfc:7540#3.2.1)). golang.org/x/net/http2/h2c instead writes `500 Internal Server Error` with an empty body when HTTP2-Settings is missing, repeated or not base64url. " +
			"A 5xx blames the server for a client's mistake ([RFC 9110 §15.6](rfc:9110#15.6)). " +
			"Fix: send exactly one `HTTP2-Settings` field holding the base64url of a SETTINGS payload without `=` padding (an empty value is valid), and list it in `Connection: Upgrade, HTTP2-Settings`.",
		Ref: Ref{7540, "3.2.1"}}
	noteH2COptions = &Note{ID: "h2c-options", Category: H2C, Level: Good,
		Summary: "Upgrading with OPTIONS keeps the first request small, as RFC 7540 suggests.",
		Detail: "A request body must be sent in its entirety before any HTTP/2 frame, so a large upgrading request blocks the connection; \"if concurrency of an initial request with subsequent requests is important, an OPTIONS request can be used to perform the upgrade to HTTP/2, at the cost of an additional round trip\" ([RFC 7540 §3.2](rfc:7540#3.2)). " +
			"Beware: Go's net/http answers `OPTIONS *` itself with `200 OK` before any handler runs, so golang.org/x/net/http2/h2c never sees such an upgrade.",
		Ref: Ref{7540, "3.2"}}
	noteH2CSettingsEmpty = &Note{ID: "h2c-settings-empty", Category: H2C, Level: Info,
		Summary: "HTTP2-Settings is empty, which its grammar does not allow; this lenient server reads it as an empty SETTINGS payload.",
		Detail: "A SETTINGS payload may hold zero settings ([RFC 9113 §6.5.1](rfc:9113#6.5.1)), but HTTP2-Settings cannot carry it: `HTTP2-Settings = token68` ([RFC 7540 §3.2.1](rfc:7540#3.2.1)), and a token68 has at least one character ([RFC 9110 §11.2](rfc:9110#11.2)). " +
			"A client with nothing to announce can send one setting at its initial value instead. " +
			"golang.org/x/net/http2/h2c accepts the empty value anyway (it base64url-decodes it to zero bytes), and so does this server; a strict server would not upgrade ([RFC 9110 §7.8](rfc:9110#7.8)).",
		Ref: Ref{7540, "3.2.1"}}
	noteH2CSetting = &Note{ID: "h2c-setting", Category: H2C, Level: Info,
		Summary: "Client setting {setting} = {value}.",
		Detail: "The server \"decodes and interprets these values as it would any other SETTINGS frame\"; the 101 acknowledges them implicitly ([RFC 7540 §3.2.1](rfc:7540#3.2.1)). " +
			"The defined settings and their initial values are in [RFC 9113 §6.5.2](rfc:9113#6.5.2); 0x8 is ENABLE_CONNECT_PROTOCOL ([RFC 8441 §3](rfc:8441#3)).",
		Ref: Ref{9113, "6.5.2"}}
	noteH2CSettingUnknown = &Note{ID: "h2c-setting-unknown", Category: H2C, Level: Info,
		Summary: "Client setting {setting} = {value} is not one the server knows; it is ignored.",
		Detail:  "\"An endpoint that receives a SETTINGS frame with any unknown or unsupported identifier MUST ignore that setting\" ([RFC 9113 §6.5.2](rfc:9113#6.5.2)): that is how HTTP/2 is extended ([RFC 9113 §5.5](rfc:9113#5.5)).",
		Ref:     Ref{9113, "6.5.2"}}
	noteH2CSettingInvalid = &Note{ID: "h2c-setting-invalid", Category: H2C, Level: Warn,
		Summary: "Client setting {setting} = {value} is invalid: {why} ({error}).",
		Detail: "The values are checked as in any SETTINGS frame ([RFC 7540 §3.2.1](rfc:7540#3.2.1)): ENABLE_PUSH must be 0 or 1, INITIAL_WINDOW_SIZE at most 2^31-1 (else FLOW_CONTROL_ERROR), MAX_FRAME_SIZE from 16384 to 16777215 ([RFC 9113 §6.5.2](rfc:9113#6.5.2)); ENABLE_CONNECT_PROTOCOL 0 or 1 ([RFC 8441 §3](rfc:8441#3)), and so is NO_RFC7540_PRIORITIES ([RFC 9218 §2.1](rfc:9218#2.1)). " +
			"This server, like golang.org/x/net/http2, switches first and then ends the connection; it could as well check the values first and not upgrade ([RFC 9110 §7.8](rfc:9110#7.8)).",
		Ref: Ref{9113, "6.5.2"}}
	noteH2CGoAway = &Note{ID: "h2c-settings-goaway", Category: H2C, Level: Warn,
		Summary: "After the 101 the server ends the connection with GOAWAY {error}: {setting} in HTTP2-Settings is invalid ({why}).",
		Detail: "An invalid setting is a connection error ([RFC 9113 §6.5.2](rfc:9113#6.5.2)); the endpoint sends GOAWAY with the error code and closes ([RFC 9113 §5.4.1](rfc:9113#5.4.1)). " +
			"Checking after the switch is this server's choice, the one golang.org/x/net/http2 makes: a server may as well decode HTTP2-Settings before it answers and, finding an invalid value, not upgrade at all ([RFC 9110 §7.8](rfc:9110#7.8)), which keeps the connection usable for HTTP/1.1. " +
			"golang.org/x/net/http2 sends its GOAWAY (debug data \"invalid settings\") without its SETTINGS frame first, where the RFC wants the SETTINGS frame to be the server's first frame ([RFC 9113 §3.4](rfc:9113#3.4)), and with PROTOCOL_ERROR for every invalid setting, also an INITIAL_WINDOW_SIZE above 2^31-1, which is a FLOW_CONTROL_ERROR ([RFC 9113 §6.5.2](rfc:9113#6.5.2)).",
		Ref: Ref{9113, "5.4.1"}}
	noteH2ServerPreface = &Note{ID: "h2-server-preface", Category: H2C, Level: Info,
		Summary: "The server's first HTTP/2 frame is its SETTINGS: {settings}.",
		Detail: "\"The server connection preface consists of a potentially empty SETTINGS frame ... that MUST be the first frame the server sends in the HTTP/2 connection\" ([RFC 9113 §3.4](rfc:9113#3.4)); after a 101 it is the first frame after the empty line ([RFC 7540 §3.2](rfc:7540#3.2)). " +
			"The server need not wait for the client. " +
			"These are the values golang.org/x/net/http2 sends (the real-peer test compares the bytes), with a WINDOW_UPDATE raising the connection window from 65535 to 1 MiB ([RFC 9113 §6.9.2](rfc:9113#6.9.2)), which x/net sometimes sends after its SETTINGS ACK rather than before; the setting \"Server SETTINGS after the switch\" can send Go net/http's five settings (it omits NO_RFC7540_PRIORITIES, [RFC 9218 §2.1](rfc:9218#2.1)) or an empty frame instead.",
		Ref: Ref{9113, "3.4"}}
	noteH2ClientPreface = &Note{ID: "h2-client-preface", Category: H2C, Level: Info,
		Summary: "After the 101 the client sends the connection preface PRI * HTTP/2.0 and its own SETTINGS frame.",
		Detail: "\"Upon receiving the 101 response, the client MUST send a connection preface\" ([RFC 7540 §3.2](rfc:7540#3.2)): the 24 octets `PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n`, chosen so that most HTTP/1.1 servers reject them, then a SETTINGS frame, which MAY be empty ([RFC 9113 §3.4](rfc:9113#3.4)). " +
			"Each side acknowledges the other's SETTINGS frame with a SETTINGS frame carrying the ACK flag ([RFC 9113 §6.5.3](rfc:9113#6.5.3)); the HTTP2-Settings values need no acknowledgement, the 101 is one ([RFC 7540 §3.2.1](rfc:7540#3.2.1)). " +
			"The client's frame is shown here with the HTTP2-Settings values, as curl sends it.",
		Ref: Ref{9113, "3.4"}, Myth: "After a 101 for h2c, the client just starts sending HTTP/2 requests."}
	noteH2CStream1 = &Note{ID: "h2c-stream-1", Category: H2C, Level: Info,
		Summary: "Your {method} {target} is now HTTP/2 stream 1, already half-closed by the client; its response comes on stream 1.",
		Detail: "\"The HTTP/1.1 request that is sent prior to upgrade is assigned a stream identifier of 1 ... Stream 1 is implicitly 'half-closed' from the client toward the server ... After commencing the HTTP/2 connection, stream 1 is used for the response\" ([RFC 7540 §3.2](rfc:7540#3.2)). " +
			"The client's own requests start at stream 3 (client streams are odd, [RFC 9113 §5.1.1](rfc:9113#5.1.1)).",
		Ref: Ref{7540, "3.2"}}
	noteH2CResponse = &Note{ID: "h2c-response", Category: H2C, Level: Info,
		Summary: "The response {status} goes out on stream {stream} as a HEADERS frame with {count} HPACK-coded fields, {then}.",
		Detail: "HTTP/2 has no status line: the status is the `:status` pseudo-header ([RFC 9113 §8.3.2](rfc:9113#8.3.2)), field names are lower case ([RFC 9113 §8.2.1](rfc:9113#8.2.1)) and the field block is HPACK-compressed ([RFC 7541](rfc:7541)). " +
			"Here every field is either an index into the static table (`:status: 200` is the single byte 0x88, [RFC 7541 §6.1](rfc:7541#6.1)) or a literal without indexing and without Huffman coding ([RFC 7541 §6.2.2](rfc:7541#6.2.2)), so the bytes stay readable. " +
			"Connection-specific fields such as `Connection` MUST NOT be sent in HTTP/2 ([RFC 9113 §8.2.2](rfc:9113#8.2.2)). golang.org/x/net/http2 also sends a `date` field.",
		Ref: Ref{9113, "8.3.2"}}
	noteH2ClientBytes = &Note{ID: "h2-client-bytes", Category: H2C, Level: Info,
		Summary: "The client's next {count} bytes are read as HTTP/2: {state}.",
		Detail: "After the switch the server reads the connection as HTTP/2: the client connection preface, then frames, each a 9-octet header (length, type, flags, stream) and a payload ([RFC 9113 §3.4](rfc:9113#3.4), [RFC 9113 §4.1](rfc:9113#4.1)). " +
			"After an h2c upgrade a client should not send them before it has the 101 ([RFC 7540 §3.2](rfc:7540#3.2)): had the server refused, they would be read as HTTP/1.1 ([RFC 9931 §4.1](rfc:9931#4.1)). " +
			"The server answers each frame as it arrives: SETTINGS with an ACK, PING with a PING ACK, a request with its response.",
		Ref: Ref{9113, "3.4"}}
	noteH2BadPreface = &Note{ID: "h2-invalid-preface", Category: H2C, Level: Warn,
		Summary: "The {count} bytes are not the HTTP/2 client connection preface: the server closes the connection.",
		Detail: "The client preface is exactly `PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n` followed by a SETTINGS frame. " +
			"\"Clients and servers MUST treat an invalid connection preface as a connection error ... of type PROTOCOL_ERROR\" ([RFC 9113 §3.4](rfc:9113#3.4)), and the GOAWAY may even be omitted.",
		Ref: Ref{9113, "3.4"}}
	notePriorKnowledge = &Note{ID: "h2-prior-knowledge", Category: H2C, Level: Good,
		Summary: "This is the HTTP/2 connection preface: a client with prior knowledge speaks HTTP/2 from the first byte.",
		Detail: "`PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n` looks like an HTTP/1.1 request-line on purpose: an HTTP/1.1 server reads method PRI and version 2.0 and, in most cases, refuses it, so that \"a large proportion of HTTP/1.1 or HTTP/1.0 servers and intermediaries do not attempt to process further frames\" ([RFC 9113 §3.4](rfc:9113#3.4)). " +
			"A client that knows the server speaks HTTP/2 over cleartext TCP (prior knowledge) starts this way, with no Upgrade and no 101 ([RFC 9113 §3.3](rfc:9113#3.3)); that is how cleartext HTTP/2 works now that h2c upgrade is deprecated ([RFC 9113 §3.1](rfc:9113#3.1)). " +
			"The HTTP/1.1 checks do not apply; the server answers with its SETTINGS frame, not a status line. " +
			"Each request then comes as a HEADERS frame on a new stream, and its answer as a HEADERS frame whose `:status` pseudo-header is the status ([RFC 9113 §8.3.2](rfc:9113#8.3.2)): the status shown here is that of the first request answered.",
		Ref: Ref{9113, "3.3"}, Myth: "h2c always means HTTP/2 through Upgrade."}
	noteH2Request = &Note{ID: "h2-request", Category: H2C, Level: Info,
		Summary: "The client's HEADERS opens stream {stream} with the request {method} {path}: {count} fields, decoded with HPACK.",
		Detail: "An HTTP/2 request is a header block on a new stream: the request-line becomes the pseudo-header fields `:method`, `:scheme`, `:path` and `:authority`, which come before the other fields ([RFC 9113 §8.3.1](rfc:9113#8.3.1)). " +
			"The block is HPACK-coded ([RFC 7541](rfc:7541)): a field may be an index into the static table (0x82 is `:method: GET`), or a literal that the encoder adds to the dynamic table, so that the next request names it with one byte ([RFC 7541 §2.3](rfc:7541#2.3)); literals are usually Huffman-coded ([RFC 7541 §5.2](rfc:7541#5.2)). " +
			"The pane lists every field in wire order, with how it was coded. " +
			"Client streams have odd numbers, each higher than the last ([RFC 9113 §5.1.1](rfc:9113#5.1.1)): curl starts at 1; nghttp sends PRIORITY frames for streams 3 to 11 first and asks on stream 13. " +
			"END_STREAM on the HEADERS frame means the request has no content; otherwise DATA frames follow.",
		Ref: Ref{9113, "8.3.1"}, Myth: "HTTP/2 requests still have a request-line."}
	noteH2RequestBody = &Note{ID: "h2-request-body", Category: H2C, Level: Info,
		Summary: "The request on stream {stream} carries {count} bytes of content in {frames}; END_STREAM ends it, and the server answers.",
		Detail: "HTTP/2 has neither Content-Length framing nor chunked coding: the content is the DATA frames of the stream, and the END_STREAM flag on the last one ends it ([RFC 9113 §8.1](rfc:9113#8.1)). " +
			"A `content-length` field, when present, must equal the total, or the request is malformed ([RFC 9113 §8.1.1](rfc:9113#8.1.1)). " +
			"DATA counts against the flow-control windows, which the receiver opens again with WINDOW_UPDATE ([RFC 9113 §6.9](rfc:9113#6.9)).",
		Ref: Ref{9113, "8.1"}}
	noteH2StreamError = &Note{ID: "h2-stream-error", Category: H2C, Level: Warn,
		Summary: "Stream {stream}: {why}; the server resets the stream with RST_STREAM {error}.",
		Detail: "A problem confined to one stream is a stream error: the endpoint sends RST_STREAM with the error code, and the connection goes on ([RFC 9113 §5.4.2](rfc:9113#5.4.2)). " +
			"A malformed request (a missing or repeated pseudo-header, an upper-case field name, a connection-specific field such as `connection`, a `content-length` that disagrees with the DATA) is a stream error of type PROTOCOL_ERROR ([RFC 9113 §8.1.1](rfc:9113#8.1.1)); frames on a stream the client has ended are STREAM_CLOSED ([RFC 9113 §5.1](rfc:9113#5.1)). " +
			"The server answers nothing on that stream; frames still in flight on it are ignored. " +
			"A server MAY send a response before it resets the stream ([RFC 9113 §8.1.1](rfc:9113#8.1.1)): Go's net/http answers 400 to a connection-specific field or a `te` other than `trailers`, without a reset; it also lets pass a value with white space at either end, a `content-length` it cannot parse, and a second `content-length`.",
		Ref: Ref{9113, "5.4.2"}}
	noteH2ConnectionError = &Note{ID: "h2-connection-error", Category: H2C, Level: Warn,
		Summary: "The server ends the connection with GOAWAY {error}: {why}.",
		Detail: "An error that leaves the connection's state unusable is a connection error: the endpoint sends GOAWAY with the last stream it acted on and the error code, then closes ([RFC 9113 §5.4.1](rfc:9113#5.4.1)). " +
			"Among them: a preface not followed by SETTINGS ([RFC 9113 §3.4](rfc:9113#3.4)), a frame larger than SETTINGS_MAX_FRAME_SIZE or of the wrong size for its type (FRAME_SIZE_ERROR, [RFC 9113 §4.2](rfc:9113#4.2)), a HEADERS frame on an even stream or on one not above the last ([RFC 9113 §5.1.1](rfc:9113#5.1.1)), a header block interrupted before END_HEADERS ([RFC 9113 §6.10](rfc:9113#6.10)), DATA on an idle stream ([RFC 9113 §5.1](rfc:9113#5.1)), and an invalid setting ([RFC 9113 §6.5.2](rfc:9113#6.5.2)). " +
			"The server reads nothing after its GOAWAY.",
		Ref: Ref{9113, "5.4.1"}}
	noteH2CompressionError = &Note{ID: "h2-compression-error", Category: H2C, Level: Warn,
		Summary: "The header block of stream {stream} does not decode ({why}): the server ends the connection with GOAWAY COMPRESSION_ERROR.",
		Detail: "HPACK's dynamic table is shared by every header block of the connection, in order ([RFC 7541 §2.3.2](rfc:7541#2.3.2)), so a block that does not decode leaves the two sides' tables out of step for good. " +
			"\"A decoding error in a field block MUST be treated as a connection error of type COMPRESSION_ERROR\" ([RFC 9113 §4.3](rfc:9113#4.3)), even on a stream the server would otherwise ignore. " +
			"Decoding errors include an index past the tables, a string running past the block, Huffman padding that is not a prefix of EOS or longer than 7 bits, and a table size update above the server's SETTINGS_HEADER_TABLE_SIZE ([RFC 7541 §5.2](rfc:7541#5.2), [RFC 7541 §6.3](rfc:7541#6.3)).",
		Ref: Ref{9113, "4.3"}}
	noteH2ClientGoAway = &Note{ID: "h2-client-goaway", Category: H2C, Level: Info,
		Summary: "The client sends GOAWAY {error} (last stream {last}): it is closing the connection.",
		Detail: "GOAWAY starts the shutdown of a connection; the last stream identifier is the highest server-initiated stream the sender may have acted on, 0 when the server pushed nothing ([RFC 9113 §6.8](rfc:9113#6.8)). " +
			"A client sends it when it is done, as nghttp does after its last response, often without acknowledging the server's SETTINGS first; the server still finishes the streams the client opened.",
		Ref: Ref{9113, "6.8"}}
	noteH2ClientAck = &Note{ID: "h2-client-ack-expected", Category: H2C, Level: Info,
		Summary: "The client is expected to acknowledge the server's SETTINGS; its ACK is not in the input.",
		Detail: "\"Upon receiving a SETTINGS frame, the recipient MUST immediately emit a SETTINGS frame with the ACK flag set\" ([RFC 9113 §6.5.3](rfc:9113#6.5.3)). " +
			"It is shown as what the client will most likely send, not as certain: a client that is done may close first (nghttp sends GOAWAY without an ACK), and a server that waits too long for it may end the connection with SETTINGS_TIMEOUT. " +
			"Add the client's real bytes after your input to replace it.",
		Ref: Ref{9113, "6.5.3"}}
	noteH2ConnectNotProxy = &Note{ID: "h2-connect-not-implemented", Category: H2C, Level: Bad, Status: 501,
		Summary: "CONNECT {authority} on stream {stream} asks for a tunnel; this origin server is not a proxy and does not implement CONNECT.",
		Detail: "In HTTP/2 a CONNECT request has only `:method` and `:authority`, and the tunnel's bytes travel in DATA frames on its stream ([RFC 9113 §8.5](rfc:9113#8.5)); it is meant for proxies ([RFC 9110 §9.3.6](rfc:9110#9.3.6)). " +
			"A server that does not implement a method answers 501 (Not Implemented) ([RFC 9110 §9.1](rfc:9110#9.1)); this server does so on the stream, and the connection stays open. " +
			"Fix: send CONNECT to a proxy that implements it, or send the request itself (a GET with `:scheme` and `:path`) to this server.",
		Ref: Ref{9113, "8.5"}}
	noteH2HeaderListTooLarge = &Note{ID: "h2-header-list-too-large", Category: H2C, Level: Bad, Status: 431,
		Summary: "The request on stream {stream} decodes to {size} bytes of fields, more than the server's limit of {limit}: 431.",
		Detail: "HPACK lets a few bytes stand for many: one byte names a dynamic table entry of up to 4 KB, as often as the block repeats it ([RFC 7541 §7.3](rfc:7541#7.3)). " +
			"So a server bounds the decoded size of a header list, each field counting its name, its value and 32 bytes, and announces the bound as SETTINGS_MAX_HEADER_LIST_SIZE ([RFC 9113 §6.5.2](rfc:9113#6.5.2)). " +
			"It must still decode the whole block, or the HPACK context would be lost ([RFC 9113 §4.3](rfc:9113#4.3)), but it need not keep the fields: golang.org/x/net/http2 stops reading them at its limit and answers 431 (Request Header Fields Too Large) on the stream ([RFC 6585 §5](rfc:6585#5)), and so does this server. " +
			"Fix: send fewer or smaller fields (large cookies are the usual cause), within the SETTINGS_MAX_HEADER_LIST_SIZE the server announced.",
		Ref: Ref{9113, "6.5.2"}}
	noteH2PriorRefused = &Note{ID: "h2-prior-knowledge-refused", Category: H2C, Level: Bad, Status: 505,
		Summary: "This HTTP/1.1-only server does not speak HTTP/2, so it refuses version 2.0.",
		Detail: "The preface `PRI * HTTP/2.0` is built so that most HTTP/1.1 servers reject it ([RFC 9113 §3.4](rfc:9113#3.4)): 505 means the server does not support the request's major version ([RFC 9110 §15.6.6](rfc:9110#15.6.6)). " +
			"The client learns that its prior knowledge was wrong. " +
			"Fix: speak HTTP/1.1 to this server, starting with a request-line such as `GET / HTTP/1.1`, or turn on its HTTP/2 support (h2prior=h2).",
		Ref: Ref{9110, "15.6.6"}}
)

// h2cNotes lists the notes of this file for the catalogue (note.go). It is a
// function, called once, so that the list is no init-time work.
func h2cNotes() []*Note {
	return []*Note{
		noteH2CDisabled,
		noteH2CDeprecated,
		noteH2CTokenVersion,
		noteH2COptionMissing,
		noteH2COptionLenient,
		noteH2CSettingsCount,
		noteH2CSettingsPadded,
		noteH2CSettingsInvalid,
		noteH2CSettingsLength,
		noteH2CSettings500,
		noteH2COptions,
		noteH2CSettingsEmpty,
		noteH2CSetting,
		noteH2CSettingUnknown,
		noteH2CSettingInvalid,
		noteH2CGoAway,
		noteH2ServerPreface,
		noteH2ClientPreface,
		noteH2CStream1,
		noteH2CResponse,
		noteH2ClientBytes,
		noteH2BadPreface,
		notePriorKnowledge,
		noteH2PriorRefused,
		noteH2Request,
		noteH2RequestBody,
		noteH2StreamError,
		noteH2ConnectionError,
		noteH2CompressionError,
		noteH2ClientGoAway,
		noteH2ClientAck,
		noteH2ConnectNotProxy,
		noteH2HeaderListTooLarge,
	}
}
