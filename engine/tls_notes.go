package engine

// Notes raised by tls.go (RFC 2817; RFC 8446 for the bytes that follow).

var (
	noteTLSNotOffered = &Note{ID: "tls-not-offered", Category: TLS, Level: Info,
		Summary: "This server does not offer the TLS upgrade, so it ignores {protocol}.",
		Detail: "RFC 2817 lets a client switch an `http:` connection to TLS in place with `Upgrade: TLS/1.0` ([RFC 2817 §3](rfc:2817#3)), but no browser ever implemented it: `https:` on its own port, with HSTS, won. " +
			"Like most servers (Go's net/http answers 200), this one ignores the offer ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"Turn on \"Offer TLS upgrade\" to see the switch.",
		Ref: Ref{2817, "3"}}
	noteTLSVersion = &Note{ID: "tls-version", Category: TLS, Level: Info,
		Summary: "{protocol} does not name a TLS version from 1.0 to 1.3, so the server ignores it.",
		Detail: "The IANA HTTP Upgrade Token registry ([RFC 9110 §16.7](rfc:9110#16.7)) lists `TLS` with versions of the form DIGIT.DIGIT, e.g. `TLS/1.2`; RFC 2817 itself defined only `TLS/1.0` ([RFC 2817 §7.2](rfc:2817#7.2)). " +
			"A server never switches to a protocol it cannot speak ([RFC 9110 §7.8](rfc:9110#7.8)).",
		Ref: Ref{9110, "16.7"}}
	noteTLSOptional = &Note{ID: "tls-optional-upgrade", Category: TLS, Level: Info,
		Summary: "An optional TLS upgrade: {method} {target} will be answered after the TLS handshake.",
		Detail: "A client MAY offer `Upgrade: TLS/1.0` on any request for which a cleartext answer would be acceptable; it asks the server \"to complete the current HTTP/1.1 request after switching to TLS/1.0\" ([RFC 2817 §3](rfc:2817#3), [§3.1](rfc:2817#3.1)). " +
			"The server could also answer in cleartext. " +
			"A client that cannot accept a cleartext answer sends `OPTIONS *` first ([RFC 2817 §3.2](rfc:2817#3.2)).",
		Ref: Ref{2817, "3.1"}}
	noteTLSMandatory = &Note{ID: "tls-mandatory-upgrade", Category: TLS, Level: Good,
		Summary: "OPTIONS * with Upgrade: TLS is RFC 2817's mandatory upgrade: no resource is requested in cleartext.",
		Detail: "\"If an unsecured response would be unacceptable, a client MUST send an OPTIONS request first to complete the switch to TLS/1.0\" ([RFC 2817 §3.2](rfc:2817#3.2)). " +
			"`OPTIONS *` asks about the server, not a resource, and any protocol can honour it ([RFC 9110 §7.8](rfc:9110#7.8)), so nothing sensitive crosses the connection before TLS.",
		Ref: Ref{2817, "3.2"}}
	noteTLSStack = &Note{ID: "tls-stack", Category: TLS, Level: Good,
		Summary: "The 101 lists Upgrade: {stack}, the new protocol stack bottom-up.",
		Detail: "\"The protocol tokens listed in the Upgrade header of a 101 Switching Protocols response specify an ordered 'bottom-up' stack\" ([RFC 2817 §3.3](rfc:2817#3.3)): TLS underneath, HTTP/1.1 on top. " +
			"RFC 9110 keeps the rule: the 101 lists the protocols in layer-ascending order ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"Once the handshake completes, the server MUST continue with the response to the original request; if it fails, the connection is closed ([RFC 2817 §3.3](rfc:2817#3.3)).",
		Ref: Ref{2817, "3.3"}}
	noteTLSRequired = &Note{ID: "tls-required", Category: TLS, Level: Bad, Status: 426,
		Summary: "This server requires TLS: 426 with Upgrade: {stack}, and a body saying why.",
		Detail: "A server that will not answer in cleartext responds `426 Upgrade Required` with `Upgrade: TLS/1.0, HTTP/1.1` and `Connection: Upgrade`, and SHOULD include a human-readable body ([RFC 2817 §4.2](rfc:2817#4.2)). " +
			"The TLS handshake cannot start right after a 426: the client must send a new request with `Upgrade` (best `OPTIONS *`, [RFC 2817 §3.2](rfc:2817#3.2)). " +
			"A 426 naming TLS is not a redirect to `https:`: RFC 2817 keeps the `http:` URI and the same connection. " +
			"What browsers really follow is a redirect to `https:`, HSTS, or an HTTPS DNS record ([RFC 9460 §9.5](rfc:9460#9.5)). " +
			"Fix: send `OPTIONS * HTTP/1.1` with `Upgrade: TLS/1.0, HTTP/1.1` and `Connection: Upgrade` first and the request inside TLS afterwards, or use the server's `https:` address if it has one.",
		Ref: Ref{2817, "4.2"}, Myth: "426 with Upgrade: TLS/1.x means \"go to https://\"."}
	noteTLSClientHello = &Note{ID: "tls-client-hello", Category: TLS, Level: Info,
		Summary: "After the 101 the client starts the TLS handshake with a ClientHello; then the response comes, encrypted.",
		Detail: "The server switches \"immediately after the empty line which terminates the 101 response\" ([RFC 2817 §3.3](rfc:2817#3.3)): the next bytes are a TLS record of type handshake (first byte 0x16) holding a ClientHello ([RFC 8446 §5.1](rfc:8446#5.1), [§4.1.2](rfc:8446#4.1.2)). " +
			"It is not generated here: its random and key shares are the client's own. " +
			"Because 0x16 is not a token character, optimistic TLS bytes can never be mistaken for an HTTP/1.1 request ([RFC 9931 §6.1](rfc:9931#6.1)).",
		Ref: Ref{2817, "3.3"}}
	noteTLSRecord = &Note{ID: "tls-record", Category: TLS, Level: Info,
		Summary: "The {count} bytes after the request begin a TLS handshake record; its header is decoded below.",
		Detail:  "A TLS record starts with a content type (22 = handshake), a legacy version and a 16-bit length ([RFC 8446 §5.1](rfc:8446#5.1)); a handshake message starts with its type (1 = client_hello) and a 24-bit length ([RFC 8446 §4](rfc:8446#4)).",
		Ref:     Ref{8446, "5.1"}}
	noteTLSNotRecord = &Note{ID: "tls-not-record", Category: TLS, Level: Warn,
		Summary: "After the switch to TLS the client's next byte is {byte}, not a handshake record (0x16): the handshake fails.",
		Detail: "After the 101 the server reads TLS records; the first must be a handshake record ([RFC 8446 §5.1](rfc:8446#5.1)). " +
			"\"If a TLS implementation receives an unexpected record type, it MUST terminate the connection with an 'unexpected_message' alert\" ([RFC 8446 §5](rfc:8446#5)), and a failed handshake closes the connection ([RFC 2817 §3.3](rfc:2817#3.3)).",
		Ref: Ref{8446, "5"}}
)

// tlsNotes lists the notes of this file for the catalogue (note.go). It is a
// function, called once, so that the list is no init-time work.
func tlsNotes() []*Note {
	return []*Note{
		noteTLSNotOffered,
		noteTLSVersion,
		noteTLSOptional,
		noteTLSMandatory,
		noteTLSStack,
		noteTLSRequired,
		noteTLSClientHello,
		noteTLSRecord,
		noteTLSNotRecord,
	}
}
