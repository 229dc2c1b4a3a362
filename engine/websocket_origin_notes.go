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
		Detail: "The default server's policy is wsorigin=any, so pages of any origin may connect. " +
			"A server not meant for every origin SHOULD check Origin and answer 403 when it is not acceptable ([RFC 6455 §10.2](rfc:6455#10.2)); wsorigin=same-origin accepts only the server's own origin, much as gorilla/websocket and coder/websocket do by default, wsorigin=allow-list accepts only the origins listed in wsorigins." +
			cswsh,
		Ref: Ref{6455, "10.2"}}
	noteWSOriginMultiple = &Note{ID: "ws-origin-multiple", Category: Security, Level: Bad, Status: 403,
		Summary: "Origin appears more than once, so the server cannot tell where the page came from.",
		Detail: "A user agent MUST NOT send more than one Origin field ([RFC 6454 §7.3](rfc:6454#7.3)); a request with several did not come from a conforming browser, and this server answers such a handshake with 403 ([RFC 6455 §4.2.2](rfc:6455#4.2.2)). " +
			"python-websockets answers such a handshake with 400: it reports a malformed field, not an unacceptable origin. " +
			"gorilla/websocket and coder/websocket check only the first line. " +
			"Fix: send one `Origin` field.",
		Ref: Ref{6454, "7.3"}}
	noteWSOriginNull = &Note{ID: "ws-origin-null", Category: Security, Level: Bad, Status: 403,
		Summary: "Origin is null: the page has an opaque origin (a file:, data: or sandboxed page), which no policy here allows.",
		Detail: "Browsers send `Origin: null` for pages whose origin is opaque ([RFC 6454 §6.2](rfc:6454#6.2), §7.3): local files, `data:` URLs, sandboxed frames. " +
			"Any such page sends the same value, so `null` identifies no particular page; add it to wsorigins only if that is really meant. " +
			"This server answers such a handshake with 403 ([RFC 6455 §10.2](rfc:6455#10.2))." +
			cswsh +
			" Fix: serve the page over http or https rather than from a `file:`, `data:` or sandboxed page, or add `null` to wsorigins if every such page may connect.",
		Ref: Ref{6454, "6.2"}}
	noteWSOriginMalformed = &Note{ID: "ws-origin-malformed", Category: Security, Level: Bad, Status: 403,
		Summary: "Origin {origin} is not a serialized origin (scheme://host[:port]).",
		Detail: "A browser sends the page's origin as scheme \"://\" host [\":\" port] ([RFC 6454 §6.2](rfc:6454#6.2), §7.1). " +
			"A value that does not parse cannot match the policy, so this server answers such a handshake with 403 ([RFC 6455 §4.2.2](rfc:6455#4.2.2)); gorilla/websocket and coder/websocket refuse it too. " +
			"Fix: send the page's serialized origin, `scheme://host[:port]` with no path, as browsers do.",
		Ref: Ref{6454, "7.1"}}
	noteWSOriginCross = &Note{ID: "ws-origin-cross-site", Category: Security, Level: Bad, Status: 403,
		Summary: "Origin {origin} is another origin than this server's own, {server}, so this same-origin server does not accept the handshake.",
		Detail: "With wsorigin=same-origin the server accepts pages of its own origin only. " +
			"Origins compare as RFC 6454 defines them: the same only if scheme, host and port are identical ([RFC 6454 §5](rfc:6454#5)), with the host in lower case and a missing port read as the scheme's default ([RFC 6454 §4](rfc:6454#4)), so `http://server.example.com` and `http://server.example.com:80` are one origin, serialized without the default port ([RFC 6454 §6.2](rfc:6454#6.2)). " +
			"The server's own origin takes the scheme http, because the handshake arrives over plain HTTP/1.1, a ws: URI whose pages are served over http: (behind a TLS-terminating proxy the pages are https:, which this server cannot see: list them with wsorigin=allow-list). " +
			"Its host and port are the request's authority: the absolute-form target's when there is one, which an origin server uses instead of Host ([RFC 9112 §3.2.2](rfc:9112#3.2.2)), else Host. " +
			"Another origin is not necessarily another site: `https://a.example` and `http://a.example:8080` differ in scheme or port only. " +
			"gorilla/websocket's default CheckOrigin and coder/websocket's default compare only the Origin's host[:port] with the request's host (net/http's, which an absolute-form target sets), as strings: they ignore the scheme and do not fill in default ports. " +
			"A server SHOULD answer 403 Forbidden to an unacceptable origin ([RFC 6455 §10.2](rfc:6455#10.2), [§4.2.2](rfc:6455#4.2.2))." +
			cswsh +
			" Fix: open the WebSocket from a page of this server's origin, or list the page's origin in an allow-list (wsorigin=allow-list with wsorigins).",
		Ref: Ref{6454, "5"}, Myth: "Origin checking protects against all clients."}
	noteWSOriginSame = &Note{ID: "ws-origin-same", Category: Security, Level: Good,
		Summary: "Origin {origin} is this server's own origin, {server}.",
		Detail: "With wsorigin=same-origin the Origin must be the server's own origin ([RFC 6455 §10.2](rfc:6455#10.2)): the same scheme, host and port, the host compared in lower case and a missing port read as the scheme's default ([RFC 6454 §4](rfc:6454#4), [§5](rfc:6454#5)); it is. " +
			"The server's origin is http:// and the request's authority (the absolute-form target's, else Host's, [RFC 9112 §3.2.2](rfc:9112#3.2.2)): the handshake arrives over plain HTTP/1.1, a ws: URI whose pages are served over http:. " +
			"gorilla/websocket's default CheckOrigin and coder/websocket's default compare the Origin's host[:port] with the request's host as strings instead: they refuse `http://server.example.com:80` for Host `server.example.com`, the same origin, and accept `https://server.example.com`, another one." +
			cswsh,
		Ref: Ref{6454, "5"}}
	noteWSOriginListed = &Note{ID: "ws-origin-listed", Category: Security, Level: Good,
		Summary: "Origin {origin} is on the server's allow-list.",
		Detail: "With wsorigin=allow-list only the origins in wsorigins may connect ([RFC 6455 §10.2](rfc:6455#10.2)); this one is listed." +
			cswsh,
		Ref: Ref{6455, "10.2"}}
	noteWSOriginNotListed = &Note{ID: "ws-origin-not-allowed", Category: Security, Level: Bad, Status: 403,
		Summary: "Origin {origin} is not on the server's allow-list ({allowed}).",
		Detail: "With wsorigin=allow-list only the origins in wsorigins may connect; others get 403 Forbidden ([RFC 6455 §10.2](rfc:6455#10.2), [§4.2.2](rfc:6455#4.2.2)), like coder/websocket's OriginPatterns." +
			cswsh +
			" Fix: open the WebSocket from a page of a listed origin, or add the page's origin to wsorigins.",
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
