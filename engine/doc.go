// Package engine is the Upgrade Playground's server: it takes the exact
// bytes of an HTTP/1.1 request and returns the exact bytes a careful server
// would send back, with a trace of every check it made and a catalogue note,
// citing the RFC, for everything worth explaining.
//
// The engine is a pure function ([Negotiate]): no I/O, no clock, no
// randomness, no map iteration in its output. It imports neither syscall/js
// nor any JavaScript bridge nor a markdown renderer, so that it runs the same
// natively (tests, benchmarks, fuzzing) and in the browser (WebAssembly).
//
// # The decision procedure
//
// Each stage records its checks, as steps ([Step]), in [Result.Trace].
// Checking goes on after a failure, so that every problem of a request is
// reported, each with the byte span it concerns. What produces a refusal
// also marks the failed check it comes from as [Result.Decisive]: the
// parser's first failure whose note is [Bad] with a status; the failed check
// of the protocol handler whose refusal is answered (a failure in an offer
// that another handler accepts decides nothing); or the Expect, CONNECT or
// prior-knowledge check that refused. A 101 or a 200 has no decisive step.
//
//  1. syntax (request.go, request_line.go, request_fields.go): the request-line (RFC 9112 §3: one SP between
//     method, request-target and HTTP-version; the four target forms; the
//     version), the field lines (RFC 9112 §5, RFC 9110 §5: token names, no
//     whitespace before the colon, obs-fold, CR/LF/NUL and other controls),
//     Host (RFC 9112 §3.2) and the size limits: 400, 414, 431, 501 or 505.
//  2. framing (framing.go): Content-Length and Transfer-Encoding (RFC 9112
//     §6), the chunked coding by its grammar (§7.1: chunk lines end with
//     CRLF only, chunk extensions §7.1.1) and where the request message
//     ends: 400, 413 or 501, and whether the connection must close. The
//     trailer section (§7.1.2) is read by the header section's parser, with
//     the same rules and settings; its fields are kept apart and take no
//     part in the decision (RFC 9110 §6.5.1).
//  3. upgrade (upgrade.go): Connection (RFC 9110 §7.6.1) and Upgrade (§7.8):
//     HTTP/1.0 ignored; the "upgrade" option required (or the 426/400
//     profiles); a connection that must close is never switched; the new
//     protocol must be able to honour the request's semantics; each offer,
//     in the client's order, goes to its protocol handler (websocket.go,
//     h2c.go, tls.go, myths.go), which accepts, refuses or ignores it; the
//     server never switches to a protocol the client did not offer. A server
//     that requires a protocol answers 426 (RFC 9110 §15.5.22) to any request
//     that does not switch to it, HTTP/1.0 included, and never switches to
//     another protocol that would answer the request without it (TLS, beneath
//     HTTP, excepted).
//  4. expect (upgrade.go): an expectation other than 100-continue gets 417,
//     checked before stage 3, so that no Upgrade is considered for a request
//     the server refuses (RFC 9110 §10.1.1); 100-continue gives 100
//     (Continue) before the final response, and always before a 101 (RFC 9110
//     §7.8); HTTP/1.0 gets no 1xx.
//  5. the whole body is read before the switch (RFC 9110 §7.8).
//  6. response (engine.go, response.go): the 101 (Upgrade in layer-ascending
//     order, Connection: Upgrade, the protocol's fields, no body), the
//     refusal, or the ordinary response (200; TRACE echoed; CONNECT 501),
//     with Connection: close or keep-alive as persistence requires
//     (RFC 9112 §9.3, §9.6).
//  7. after: the bytes after the request message belong to the new protocol
//     after a 101, are read as the next request when the connection
//     persists (RFC 9931), and are discarded when it closes.
//
// # Rules and settings
//
// Each rule the engine implements has golden exchanges under testdata/,
// named by area: syntax-, framing-, upgrade-, expect-, http- (methods and
// persistence), ws-, h2c-, tls- and myth-.
//
// Where the RFCs leave a choice, the choice is a [Setting] with a deep-link
// key, and the note for each side says what the other side and well-known
// servers do. The HTTP/1.1 core's settings (default first):
//
//	lf        bare LF ending a start-line or field line: accept | reject  RFC 9112 §2.2
//	ctl       bare CR and NUL: reject | replace (with SP)     RFC 9112 §2.2, RFC 9110 §5.5
//	rl        request-line split: strict | lenient            RFC 9112 §3
//	fold      obs-fold: reject | unfold                       RFC 9112 §5.2
//	tecl      CL with TE: reject | te (then close)            RFC 9112 §6.1
//	needlen   411 for a body without Content-Length: 0 | 1    RFC 9112 §6.3
//	noconn    Upgrade without the option: ignore | 426 | 400  RFC 9110 §7.6.1
//	adv       advertise Upgrade in a 200: 0 | 1               RFC 9110 §7.8
//	expect    100 when the body has arrived: send | skip-if-received  RFC 9110 §10.1.1
//	maxline   request-line bytes: 414 (501 for the method)    RFC 9112 §3
//	maxfield  field line bytes, header or trailer: 431        RFC 6585 §5, RFC 9110 §5.4
//	maxfields field lines of a header or trailer section: 431 RFC 6585 §5, RFC 9110 §5.4
//	maxheader header or trailer section bytes: 431            RFC 6585 §5, RFC 9110 §5.4
//	maxrequest  this request's bytes, not what follows it: 431 for the
//	          head or a trailer, 413 for the body             RFC 9110 §15.5.14
//	maxbody   content bytes (no chunked framing): 413         RFC 9110 §15.5.14
//
// Whatever the settings, a connection that must close after the response
// (Connection: close, CL with TE, faulty HTTP/1.0 framing) is never
// switched: the server answers over HTTP/1.1 and closes.
//
// # Explanations
//
// A [Note] is a &Note{} variable in the *_notes.go file beside the code that
// raises it (websocket_notes.go beside websocket.go, request_notes.go beside
// request*.go, ...): a kebab-case ID, a category, a level, a status for Bad
// notes, a one-sentence plain-text summary and a markdown detail with rfc:
// links, both with {placeholders} whose values come from the request and are
// inserted as text by the renderer. [Catalogue] lists them; notes_test.go
// checks that every note is raised by at least one golden exchange.
package engine
