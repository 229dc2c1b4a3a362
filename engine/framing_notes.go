package engine

// Notes raised by framing.go: message body framing (RFC 9112 §6, §7).

var (
	noteTEandCLRejected = &Note{ID: "te-and-cl-rejected", Category: Framing, Level: Bad, Status: 400,
		Summary: "The request has both Transfer-Encoding and Content-Length.",
		Detail: "A message with both \"ought to be handled as an error\" ([RFC 9112 §6.3](rfc:9112#6.3)); a server MAY reject it, and MUST close the connection after responding either way ([RFC 9112 §6.1](rfc:9112#6.1)). " +
			"It is the classic request-smuggling shape (CL.TE / TE.CL). " +
			"A server never switches protocols on such a request.",
		Ref: Ref{9112, "6.1"}}
	noteTEandCLObeyTE = &Note{ID: "te-and-cl-obey-te", Category: Framing, Level: Warn,
		Summary: "Transfer-Encoding overrides Content-Length; the connection will be closed.",
		Detail: "A server MAY process such a request by Transfer-Encoding alone, but MUST then close the connection after responding ([RFC 9112 §6.1](rfc:9112#6.1)). " +
			"So it cannot switch protocols on it.",
		Ref: Ref{9112, "6.1"}}
	noteTEinHTTP10 = &Note{ID: "te-in-http10", Category: Framing, Level: Warn,
		Summary: "An HTTP/1.0 request with Transfer-Encoding has faulty framing; the connection will be closed.",
		Detail:  "HTTP/1.0 has no Transfer-Encoding: the server MUST assume the framing is faulty and close the connection after processing the message ([RFC 9112 §6.1](rfc:9112#6.1)).",
		Ref:     Ref{9112, "6.1"}}
	noteTENotChunkedLast = &Note{ID: "te-chunked-not-last", Category: Framing, Level: Bad, Status: 400,
		Summary: "Transfer-Encoding {codings} does not end with chunked (exactly once).",
		Detail:  "If a request has Transfer-Encoding and chunked is not the final coding, the length cannot be determined: the server MUST respond 400 and close the connection ([RFC 9112 §6.3](rfc:9112#6.3)). chunked must not be applied more than once ([RFC 9112 §6.1](rfc:9112#6.1)).",
		Ref:     Ref{9112, "6.3"}}
	noteTEUnknown = &Note{ID: "te-unknown", Category: Framing, Level: Bad, Status: 501,
		Summary: "The transfer coding {coding} is not implemented by this server.",
		Detail: "A server that receives a transfer coding it does not understand SHOULD respond 501 (Not Implemented) ([RFC 9112 §6.1](rfc:9112#6.1)). " +
			"Go answers `Transfer-Encoding: gzip` with 501 too.",
		Ref: Ref{9112, "6.1"}}
	noteLengthRequired = &Note{ID: "length-required", Category: Framing, Level: Bad, Status: 411,
		Summary: "This server requires Content-Length and does not read chunked request bodies.",
		Detail: "\"A server MAY reject a request that contains a message body but not a Content-Length by responding with 411 (Length Required)\" ([RFC 9112 §6.3](rfc:9112#6.3)). " +
			"The body's length is then unknown to it, so it closes the connection after answering.",
		Ref: Ref{9112, "6.3"}}
	noteCLInvalid = &Note{ID: "content-length-invalid", Category: Framing, Level: Bad, Status: 400,
		Summary: "Content-Length {value} is not one non-negative decimal number.",
		Detail: "`Content-Length = 1*DIGIT` ([RFC 9110 §8.6](rfc:9110#8.6)). " +
			"An invalid value, or a list of differing values, is an unrecoverable framing error: the server MUST respond 400 and close the connection ([RFC 9112 §6.3](rfc:9112#6.3)).",
		Ref: Ref{9112, "6.3"}}
	noteCLRepeated = &Note{ID: "content-length-repeated", Category: Framing, Level: Warn,
		Summary: "Content-Length is repeated with the same value {value}; it is read as one.",
		Detail:  "A recipient MAY reject a list of identical Content-Length values or collapse it to one value ([RFC 9110 §8.6](rfc:9110#8.6)).",
		Ref:     Ref{9110, "8.6"}}
	noteBodyTooLarge = &Note{ID: "body-too-large", Category: Framing, Level: Bad, Status: 413,
		Summary: "The body of {length} bytes is over this server's limit of {limit}.",
		Detail:  "A server may refuse content larger than it is willing to process with 413 (Content Too Large) ([RFC 9110 §15.5.14](rfc:9110#15.5.14)).",
		Ref:     Ref{9110, "15.5.14"}}
	noteBodyIncomplete = &Note{ID: "body-incomplete", Category: Framing, Level: Warn,
		Summary: "Content-Length announces {length} bytes but only {got} arrived: the server waits for the rest.",
		Detail: "The body is exactly Content-Length bytes ([RFC 9112 §6.2](rfc:9112#6.2)). " +
			"Until the rest arrives, the request is not complete: the client cannot begin a new protocol before it has sent the whole request message ([RFC 9110 §7.8](rfc:9110#7.8)), so a server that switches must still read these bytes as this request's content. " +
			"A server may answer early with a final status instead, and then should say whether it will close the connection ([RFC 9110 §10.1.1](rfc:9110#10.1.1)).",
		Ref: Ref{9112, "6.2"}}
	noteChunkedIncomplete = &Note{ID: "chunked-incomplete", Category: Framing, Level: Warn,
		Summary: "The chunked body has not ended: the server waits for the last chunk (0 CRLF CRLF).",
		Detail:  "A chunked body ends with a chunk of size 0, an optional trailer section and an empty line ([RFC 9112 §7.1](rfc:9112#7.1)).",
		Ref:     Ref{9112, "7.1"}}
	noteChunkedSyntax = &Note{ID: "chunked-syntax", Category: Framing, Level: Bad, Status: 400,
		Summary: "The chunked body is malformed near {line}.",
		Detail: "`chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF` with `chunk-size = 1*HEXDIG` ([RFC 9112 §7.1](rfc:9112#7.1)). " +
			"A framing error is unrecoverable: 400 and close.",
		Ref: Ref{9112, "7.1"}}
	noteChunkedBareLF = &Note{ID: "chunked-bare-lf", Category: Framing, Level: Bad, Status: 400,
		Summary: "A line of the chunked framing ends with a bare LF; chunk lines end with CRLF.",
		Detail: "`chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF` ([RFC 9112 §7.1](rfc:9112#7.1)). " +
			"A recipient MAY accept a bare LF as the line terminator of the start-line and of fields only ([RFC 9112 §2.2](rfc:9112#2.2)), so the setting \"Bare LF line ends\" applies to the trailer section, which is fields, and not to chunk lines; the RFC Editor rejected an erratum (7633) that would have extended it. " +
			"Parsers that disagree about where a chunk line ends frame the body differently, a request-smuggling risk, and current Go and nginx answer 400 as this server does. " +
			"A framing error is unrecoverable: 400 and close.",
		Ref: Ref{9112, "7.1"}}
	noteChunkExtSyntax = &Note{ID: "chunk-ext-syntax", Category: Framing, Level: Bad, Status: 400,
		Summary: "After the chunk-size of the chunk line {line}, {byte} does not fit the chunk extension grammar.",
		Detail: "`chunk-ext = *( BWS \";\" BWS chunk-ext-name [ BWS \"=\" BWS chunk-ext-val ] )`, where the name is a token and the value a token or a quoted-string ([RFC 9112 §7.1.1](rfc:9112#7.1.1)). " +
			"Whitespace is allowed only around `;` and `=` (BWS, [RFC 9110 §5.6.3](rfc:9110#5.6.3)), so not at the end of the line. " +
			"A server ignores the chunk extensions it does not know, but one that does not match the grammar is a framing error: parsers that read it differently split the body differently. " +
			"A request that does not match the grammar gets 400 and the connection closes ([RFC 9112 §2.2](rfc:9112#2.2)).",
		Ref: Ref{9112, "7.1.1"}}
	noteTrailerIgnored = &Note{ID: "trailer-field-ignored", Category: Framing, Level: Warn,
		Summary: "The trailer field {name} is not merged into the header section: it takes no part in the decision.",
		Detail: "Fields that describe framing, routing, authentication or request modifiers \"cannot be processed outside the header section because their evaluation is necessary prior to receiving the content\", and a sender MUST NOT send a field in a trailer unless its definition allows it ([RFC 9110 §6.5.1](rfc:9110#6.5.1)). " +
			"A recipient MUST NOT merge a trailer field into the header section unless the field's definition permits it ([RFC 9112 §7.1.2](rfc:9112#7.1.2)), and none of Host, Connection, Upgrade, Content-Length, Transfer-Encoding, Expect, Origin, HTTP2-Settings or the Sec-WebSocket fields does. " +
			"The server decided from the header section alone: a trailer field can neither ask for a protocol switch nor change the request's framing or host.",
		Ref: Ref{9110, "6.5.1"}, Myth: "A field sent in the trailer section counts as if it were in the header section."}
	noteTrailerTooLarge = &Note{ID: "trailer-too-large", Category: Framing, Level: Bad, Status: 431,
		Summary: "The trailer section goes past this server's limit of {limit} bytes for {what}.",
		Detail: "HTTP sets no limit on the size of a header or trailer section, but a server that receives a set of fields larger than it wishes to process MUST answer with a 4xx status ([RFC 9110 §5.4](rfc:9110#5.4)). " +
			"This server bounds a trailer section as it bounds the header section, and answers 431 (Request Header Fields Too Large) ([RFC 6585 §5](rfc:6585#5)). " +
			"Trailer fields are not content ([RFC 9110 §6.4](rfc:9110#6.4)), so 413 (Content Too Large) would name the wrong thing.",
		Ref: Ref{9110, "5.4"}}
	noteBodyRead = &Note{ID: "body-read", Category: Framing, Level: Good,
		Summary: "The server reads the {length}-byte body before it answers.",
		Detail: "A server must read the whole request message before it can switch protocols: \"the server ... still has an outstanding request to satisfy\", and the client \"cannot begin using an upgraded protocol on the connection until it has completely sent the request message\" ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"Libraries that switch without reading the body (Node's ws) then parse the body as WebSocket frames.",
		Ref: Ref{9110, "7.8"}, Myth: "The request body does not matter for Upgrade."}
)

// framingNotes lists the notes of this file for the catalogue (note.go). It is a
// function, called once, so that the list is no init-time work.
func framingNotes() []*Note {
	return []*Note{
		noteTEandCLRejected,
		noteTEandCLObeyTE,
		noteTEinHTTP10,
		noteTENotChunkedLast,
		noteTEUnknown,
		noteLengthRequired,
		noteCLInvalid,
		noteCLRepeated,
		noteBodyTooLarge,
		noteBodyIncomplete,
		noteChunkedIncomplete,
		noteChunkedSyntax,
		noteChunkedBareLF,
		noteChunkExtSyntax,
		noteTrailerIgnored,
		noteTrailerTooLarge,
		noteBodyRead,
	}
}
