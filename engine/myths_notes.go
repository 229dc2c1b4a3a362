package engine

// Notes raised by myths.go and h2c_connect.go: the roads to HTTP/2 and
// HTTP/3 that do not go through Upgrade.

var (
	noteMythHTTP2 = &Note{ID: "myth-upgrade-http2", Category: Myth, Level: Warn,
		Summary: "{protocol} is no way to reach HTTP/2: the server ignores it.",
		Detail: "HTTP/2 is never reached by `Upgrade: HTTP/2`. " +
			"Over TLS the client and server choose it during the TLS handshake with ALPN, protocol id `h2` ([RFC 7301](rfc:7301), [RFC 9113 §3.2](rfc:9113#3.2)): no HTTP/1.1 request, no 101. " +
			"Over cleartext the client uses prior knowledge and starts with the preface `PRI * HTTP/2.0` ([RFC 9113 §3.3](rfc:9113#3.3)). " +
			"RFC 7540's cleartext upgrade used the token `h2c` with `HTTP2-Settings`, never `HTTP/2`, and RFC 9113 deprecated it ([RFC 9113 §3.1](rfc:9113#3.1)). " +
			"`HTTP/2.0` is grammatical (protocol `HTTP`, version `2.0`, [RFC 9110 §7.8](rfc:9110#7.8)), and the Upgrade examples of RFC 2616 (§14.42) and RFC 7230 (§6.7) list `Upgrade: HTTP/2.0, SHTTP/1.3, IRC/6.9, RTA/x11`, but no implementation switches on it; RFC 9110 replaced that example with `Upgrade: websocket, IRC/6.9, RTA/x11`. " +
			"HTTP/2 itself has no 101 at all ([RFC 9113 §8.6](rfc:9113#8.6)).",
		Ref: Ref{9113, "3.2"}, Myth: "Upgrade: HTTP/2 upgrades the connection to HTTP/2."}
	noteMythH2 = &Note{ID: "myth-upgrade-h2", Category: Myth, Level: Warn,
		Summary: "{protocol} in Upgrade MUST be ignored: h2 means HTTP/2 over TLS, chosen with ALPN.",
		Detail: "\"A server MUST ignore an 'h2' token in an Upgrade header field\" ([RFC 7540 §3.2](rfc:7540#3.2)). " +
			"`h2` is the ALPN protocol id for HTTP/2 over TLS ([RFC 9113 §3.2](rfc:9113#3.2), [RFC 7301](rfc:7301)): it is negotiated inside the TLS handshake, before any HTTP is exchanged. " +
			"The cleartext token was `h2c`, now deprecated ([RFC 9113 §3.1](rfc:9113#3.1)). golang.org/x/net/http2/h2c ignores `h2` too.",
		Ref: Ref{7540, "3.2"}, Myth: "h2 and h2c are the same thing."}
	noteMythHTTP3 = &Note{ID: "myth-upgrade-http3", Category: Myth, Level: Warn,
		Summary: "{protocol} cannot be reached with Upgrade: HTTP/3 runs over QUIC on UDP, another transport.",
		Detail: "Upgrade switches protocols on the existing connection; it \"cannot be used to switch the underlying connection (transport) protocol, nor to switch the existing communication to a different connection\" ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"HTTP/3 runs over QUIC, on UDP ([RFC 9114](rfc:9114), [RFC 9000](rfc:9000)), and \"does not support the HTTP Upgrade mechanism\" or 101 ([RFC 9114 §4.5](rfc:9114#4.5)). " +
			"A client learns about HTTP/3 out of band: an `Alt-Svc: h3=\":443\"` field in an ordinary response ([RFC 7838](rfc:7838)), or an HTTPS DNS record with `alpn=\"h3\"` ([RFC 9460 §7.1](rfc:9460#7.1)), then opens a new QUIC connection, where ALPN `h3` selects HTTP/3. " +
			"The 426 example in RFC 9110 and on MDN, `Upgrade: HTTP/3.0` with \"This service requires use of the HTTP/3.0 protocol\" ([RFC 9110 §15.5.22](rfc:9110#15.5.22)), is hypothetical: no client could satisfy it.",
		Ref: Ref{9114, "4.5"}, Myth: "Upgrade: HTTP/3 (or a 426 demanding HTTP/3.0) gets you HTTP/3."}
	noteMythQUIC = &Note{ID: "myth-upgrade-quic", Category: Myth, Level: Warn,
		Summary: "{protocol} is a transport, not an Upgrade token: a TCP connection cannot become QUIC.",
		Detail: "QUIC is a UDP-based transport ([RFC 9000](rfc:9000)); it is not in the Upgrade token registry, and Upgrade cannot change the transport ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"HTTP over QUIC is HTTP/3, discovered through Alt-Svc ([RFC 7838](rfc:7838)) or HTTPS records ([RFC 9460](rfc:9460)) and reached on a new connection ([RFC 9114 §3.1](rfc:9114#3.1)).",
		Ref: Ref{9000, ""}, Myth: "Upgrade: QUIC moves the connection to QUIC."}
	noteMythWebSocketH2 = &Note{ID: "myth-websocket-h2", Category: Myth, Level: Info,
		Summary: "On HTTP/2 and HTTP/3 this WebSocket request is an extended CONNECT, with no Upgrade and no key; {answer}.",
		Detail: "HTTP/2 and HTTP/3 forbid `Connection` and `Upgrade` and have no 101 ([RFC 9113 §8.2.2](rfc:9113#8.2.2), [§8.6](rfc:9113#8.6); [RFC 9114 §4.2](rfc:9114#4.2), [§4.5](rfc:9114#4.5)). " +
			"RFC 8441 bootstraps WebSockets with an *extended CONNECT* instead: the server first sends `SETTINGS_ENABLE_CONNECT_PROTOCOL = 1` ([RFC 8441 §3](rfc:8441#3)); the client sends `:method CONNECT` with the new pseudo-header `:protocol websocket`, plus `:scheme` (`https` for wss, `http` for ws), `:path` and `:authority` ([RFC 8441 §4](rfc:8441#4), [§5](rfc:8441#5)). " +
			"`Sec-WebSocket-Key` and `Sec-WebSocket-Accept` are not used; `Origin`, `Sec-WebSocket-Version`, `Sec-WebSocket-Protocol` and `Sec-WebSocket-Extensions` keep their meaning, and success is `:status 200` ([RFC 8441 §5](rfc:8441#5)). " +
			"The WebSocket frames then travel in DATA frames of that stream. " +
			"RFC 9220 does the same on HTTP/3, with setting 0x08 in HTTP/3's SETTINGS ([RFC 9220 §3](rfc:9220#3)). " +
			"The frames below show the equivalent; they are not part of this exchange.",
		Ref: Ref{8441, "5"}, Myth: "WebSocket over HTTP/2 also uses Upgrade, 101 and Sec-WebSocket-Key."}
)

// mythNotes lists the notes of this file for the catalogue (note.go). It is a
// function, called once, so that the list is no init-time work.
func mythNotes() []*Note {
	return []*Note{
		noteMythHTTP2,
		noteMythH2,
		noteMythHTTP3,
		noteMythQUIC,
		noteMythWebSocketH2,
	}
}
