package engine

// Notes raised by websocket_origin.go (RFC 6455 §4.2.1 item 7, §4.2.2,
// §10.2; RFC 6454).

// cswsh is the shared explanation of Cross-Site WebSocket Hijacking.
const cswsh = " A WebSocket handshake is not subject to the same-origin policy: any page the user visits can open a connection to this server, and the browser sends the user's cookies with it. " +
	"Checking `Origin` is how a server stops such Cross-Site WebSocket Hijacking ([RFC 6455 §10.2](rfc:6455#10.2)): a browser always sends the page's origin, and a page cannot change it. " +
	"A non-browser client can send any Origin or none, so the check protects browser users and nothing else; authentication and TLS do the rest."

var (
	noteWSOriginAbsent = &Note{ID: "ws-origin-absent", Category: Security, Level: Info,
		Summary: "The request has no Origin, so it does not come from a browser page; the Origin policy has nothing to check.",
		Detail: "Browsers always send `Origin` with a WebSocket handshake; other clients MAY send it ([RFC 6455 §4.1](rfc:6455#4.1), [§4.2.1](rfc:6455#4.2.1) item 7). gorilla/websocket and coder/websocket accept a handshake without Origin." +
			cswsh,
		Ref: Ref{6455, "10.2"}, Myth: "Origin checking protects against all clients."}
	noteWSOriginAny = &Note{ID: "ws-origin-any", Category: Security, Level: Info,
		Summary: "Origin {origin} is accepted: this server accepts every origin.",
		Detail: "The default server's policy is wsorigin=any, so pages from any site may connect. " +
			"A server not meant for every site SHOULD check Origin and answer 403 when it is not acceptable ([RFC 6455 §10.2](rfc:6455#10.2)); wsorigin=same-origin does what gorilla/websocket and coder/websocket do by default, wsorigin=allow-list accepts only the origins listed in wsorigins." +
			cswsh,
		Ref: Ref{6455, "10.2"}}
	noteWSOriginMultiple = &Note{ID: "ws-origin-multiple", Category: Security, Level: Bad, Status: 403,
		Summary: "Origin appears more than once, so the server cannot tell where the page came from.",
		Detail: "A user agent MUST NOT send more than one Origin field ([RFC 6454 §7.3](rfc:6454#7.3)); a request with several did not come from a conforming browser, and the server refuses it with 403 ([RFC 6455 §4.2.2](rfc:6455#4.2.2)). " +
			"python-websockets refuses it with 400: it reports a malformed field, not an unacceptable origin. " +
			"gorilla/websocket and coder/websocket check only the first line.",
		Ref: Ref{6454, "7.3"}}
	noteWSOriginNull = &Note{ID: "ws-origin-null", Category: Security, Level: Bad, Status: 403,
		Summary: "Origin is null: the page has an opaque origin (a file:, data: or sandboxed page), which no policy here allows.",
		Detail: "Browsers send `Origin: null` for pages whose origin is opaque ([RFC 6454 §6.2](rfc:6454#6.2), §7.3): local files, `data:` URLs, sandboxed frames. " +
			"Any such page sends the same value, so `null` identifies no site; add it to wsorigins only if that is really meant. " +
			"Refused with 403 ([RFC 6455 §10.2](rfc:6455#10.2))." +
			cswsh,
		Ref: Ref{6454, "6.2"}}
	noteWSOriginMalformed = &Note{ID: "ws-origin-malformed", Category: Security, Level: Bad, Status: 403,
		Summary: "Origin {origin} is not a serialized origin (scheme://host[:port]).",
		Detail: "A browser sends the page's origin as scheme \"://\" host [\":\" port] ([RFC 6454 §6.2](rfc:6454#6.2), §7.1). " +
			"A value that does not parse cannot match the policy, so the server refuses with 403 ([RFC 6455 §4.2.2](rfc:6455#4.2.2)); gorilla/websocket and coder/websocket refuse it too.",
		Ref: Ref{6454, "7.1"}}
	noteWSOriginCross = &Note{ID: "ws-origin-cross-site", Category: Security, Level: Bad, Status: 403,
		Summary: "Origin {origin} is another site ({originhost} is not Host {host}), so this same-origin server refuses it.",
		Detail: "With wsorigin=same-origin the Origin's host[:port] must equal Host, compared case-insensitively: gorilla/websocket's default CheckOrigin and coder/websocket's default do exactly this. " +
			"A server SHOULD answer 403 Forbidden to an unacceptable origin ([RFC 6455 §10.2](rfc:6455#10.2), [§4.2.2](rfc:6455#4.2.2))." +
			cswsh,
		Ref: Ref{6455, "10.2"}, Myth: "Origin checking protects against all clients."}
	noteWSOriginSame = &Note{ID: "ws-origin-same", Category: Security, Level: Good,
		Summary: "Origin {origin} is the same site as Host {host}.",
		Detail: "With wsorigin=same-origin the Origin's host[:port] must equal Host ([RFC 6455 §10.2](rfc:6455#10.2)); it does." +
			cswsh,
		Ref: Ref{6455, "10.2"}}
	noteWSOriginListed = &Note{ID: "ws-origin-listed", Category: Security, Level: Good,
		Summary: "Origin {origin} is on the server's allow-list.",
		Detail: "With wsorigin=allow-list only the origins in wsorigins may connect ([RFC 6455 §10.2](rfc:6455#10.2)); this one is listed." +
			cswsh,
		Ref: Ref{6455, "10.2"}}
	noteWSOriginNotListed = &Note{ID: "ws-origin-not-allowed", Category: Security, Level: Bad, Status: 403,
		Summary: "Origin {origin} is not on the server's allow-list ({allowed}).",
		Detail: "With wsorigin=allow-list only the origins in wsorigins may connect; others get 403 Forbidden ([RFC 6455 §10.2](rfc:6455#10.2), [§4.2.2](rfc:6455#4.2.2)), like coder/websocket's OriginPatterns." +
			cswsh,
		Ref: Ref{6455, "10.2"}}
)

// websocketOriginNotes lists the notes of this file for the catalogue (note.go). It is a
// function, called once, so that the list is no init-time work.
func websocketOriginNotes() []*Note {
	return []*Note{
		noteWSOriginAbsent,
		noteWSOriginAny,
		noteWSOriginMultiple,
		noteWSOriginNull,
		noteWSOriginMalformed,
		noteWSOriginCross,
		noteWSOriginSame,
		noteWSOriginListed,
		noteWSOriginNotListed,
	}
}
