package engine

// Notes raised by websocket.go and websocket_key.go: the handshake itself
// (RFC 6455 §4.1, §4.2.1, §4.2.2, §4.3, §4.4, §11.3).

var (
	noteWSDisabled = &Note{ID: "ws-disabled", Category: WebSocket, Level: Info,
		Summary: "This server does not accept WebSocket, so it ignores the offer.",
		Detail: "A server that does not support a protocol ignores the offer and answers normally ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"The setting ws=1 turns WebSocket on.",
		Ref: Ref{9110, "7.8"}}
	noteWSTokenVersion = &Note{ID: "ws-token-version", Category: Myth, Level: Warn,
		Summary: "{element}: the websocket token has no version; the version goes in Sec-WebSocket-Version.",
		Detail: "RFC 6455 registers the token `websocket` without versions; the protocol version is negotiated with `Sec-WebSocket-Version: 13` ([RFC 6455 §4.2.1](rfc:6455#4.2.1), [§11.2](rfc:6455#11.2)). " +
			"This server matches the protocol-name and ignores the version, and its 101 names plain `websocket`; gorilla/websocket (400) and coder/websocket (426) refuse the handshake, so a client must not send it.",
		Ref: Ref{6455, "4.2.1"}, Myth: "Upgrade: websocket/13 carries the WebSocket version."}
	noteWSUpgradeList = &Note{ID: "ws-upgrade-list", Category: Myth, Level: Info,
		Summary: "Upgrade offers {offers}; a list that includes websocket is a legal WebSocket handshake.",
		Detail: "The client's Upgrade \"MUST include the \\\"websocket\\\" keyword\" ([RFC 6455 §4.1](rfc:6455#4.1)) and the server looks for a field \"containing the value \\\"websocket\\\"\" ([§4.2.1](rfc:6455#4.2.1) item 3); Upgrade is a list ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"Only the 101's Upgrade must be the single value `websocket`. " +
			"Many libraries reject a list anyway: gorilla/websocket's tokenizer stops at `/` (400), Node ws, gobwas/ws, python-websockets and wsproto compare the whole value with `websocket` (400 or 426); coder/websocket splits the list and accepts it.",
		Ref: Ref{6455, "4.2.1"}, Myth: "The request's Upgrade must be exactly websocket."}
	noteWSOnly = &Note{ID: "ws-only-endpoint", Category: WebSocket, Level: Bad, Status: 426,
		Summary: "This is a WebSocket-only endpoint and the request does not ask for WebSocket, so the server answers 426.",
		Detail: "With the setting wsonly=426 (or 1) the server requires WebSocket, like coder/websocket, which answers 426 with `Upgrade: websocket` and `Connection: Upgrade` ([RFC 9110 §15.5.22](rfc:9110#15.5.22): a 426 MUST carry Upgrade), and python-websockets, which sends `Upgrade: websocket` with `Connection: close`. gorilla/websocket v1.5.3, Node ws, gobwas/ws and wsproto answer 400 instead (wsonly=400). " +
			"The default server (wsonly=0) answers such a request normally: \"Upgrade cannot be used to insist on a protocol change\" ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"Fix: send a WebSocket handshake here, an HTTP/1.1 `GET` with `Upgrade: websocket`, `Connection: Upgrade`, `Sec-WebSocket-Key` and `Sec-WebSocket-Version: 13`, as `new WebSocket(url)` does.",
		Ref: Ref{9110, "15.5.22"}}
	noteWSOnly400 = &Note{ID: "ws-only-endpoint-400", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "This is a WebSocket-only endpoint and the request is not a WebSocket handshake, so the server answers 400.",
		Detail: "With wsonly=400 the server treats any request here as a failed WebSocket handshake, which gets \"an appropriate error code (such as 400 Bad Request)\" ([RFC 6455 §4.2.1](rfc:6455#4.2.1)), as gorilla/websocket v1.5.3, Node ws, gobwas/ws and wsproto answer. wsonly=426 answers 426 with `Upgrade: websocket` instead ([RFC 9110 §15.5.22](rfc:9110#15.5.22)), like coder/websocket and python-websockets; the Phoenix/Bandit discussion argues 426 fits a missing upgrade and 400 a malformed one. " +
			"The default wsonly=0 answers normally ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"Fix: send a WebSocket handshake here, an HTTP/1.1 `GET` with `Upgrade: websocket`, `Connection: Upgrade`, `Sec-WebSocket-Key` and `Sec-WebSocket-Version: 13`, as `new WebSocket(url)` does.",
		Ref: Ref{6455, "4.2.1"}}
	noteWSMethod = &Note{ID: "ws-method-not-get", Category: WebSocket, Level: Bad, Status: 405,
		Summary: "A WebSocket handshake must be a GET, not {method}.",
		Detail: "\"The method of the request MUST be GET\" ([RFC 6455 §4.1](rfc:6455#4.1), [§4.2.1](rfc:6455#4.2.1) item 1). " +
			"This server answers such a handshake with 405 (Method Not Allowed), which MUST carry `Allow` ([RFC 9110 §15.5.6](rfc:9110#15.5.6)): python-websockets sends it from version 17 (10.4, as Debian 12 ships it, answers 400); gorilla, coder, gobwas and Node ws send 405 without `Allow`. " +
			"With wsmethod=400 the server answers 400, as wsproto does. " +
			"Fix: send the handshake as a `GET` request.",
		Ref: Ref{6455, "4.1"}, Myth: "A 405 is complete on its own."}
	noteWSMethod400 = &Note{ID: "ws-method-not-get-400", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "A WebSocket handshake must be a GET, not {method}; this server answers such a handshake with 400.",
		Detail: "\"The method of the request MUST be GET\" ([RFC 6455 §4.1](rfc:6455#4.1)), and a handshake that breaks the rules gets \"an appropriate error code (such as 400 Bad Request)\" ([§4.2.1](rfc:6455#4.2.1)). " +
			"The setting wsmethod=400 answers like wsproto; the default 405 adds `Allow: GET` ([RFC 9110 §15.5.6](rfc:9110#15.5.6)). " +
			"Fix: send the handshake as a `GET` request.",
		Ref: Ref{6455, "4.2.1"}}
	noteWSBody = &Note{ID: "ws-handshake-body", Category: WebSocket, Level: Warn,
		Summary: "The handshake carries {count} bytes of content; the server reads them before it switches.",
		Detail: "A GET's content has no defined meaning ([RFC 9110 §9.3.1](rfc:9110#9.3.1)), but it is part of the request, and the server must read the whole request before the new protocol starts ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"A server that does not (Node ws, coder/websocket) reads those bytes as WebSocket frames; gorilla/websocket v1.5.3 closes the connection without an answer.",
		Ref: Ref{9110, "7.8"}, Myth: "The request body does not matter for Upgrade."}
	noteWSHost = &Note{ID: "ws-host", Category: WebSocket, Level: Info,
		Summary: "Host {host}: this server answers for any authority.",
		Detail: "The handshake's Host names the server's authority ([RFC 6455 §4.2.1](rfc:6455#4.2.1) item 2); the HTTP parser has already required exactly one valid Host ([RFC 9112 §3.2](rfc:9112#3.2)). " +
			"A server that serves only some names would answer 404 or 421 (Misdirected Request, [RFC 9110 §15.5.20](rfc:9110#15.5.20)) for others.",
		Ref: Ref{6455, "4.2.1"}}
	noteWSKeyMissing = &Note{ID: "ws-key-missing", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "Sec-WebSocket-Key is missing.",
		Detail: "The client handshake includes `Sec-WebSocket-Key` ([RFC 6455 §4.2.1](rfc:6455#4.2.1) item 5); without it the server cannot prove it understood the WebSocket handshake, so a server answers such a handshake with an error such as 400. " +
			"Fix: add `Sec-WebSocket-Key` with 16 random bytes in base64, as in `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==`.",
		Ref: Ref{6455, "4.2.1"}}
	noteWSKeyDuplicate = &Note{ID: "ws-key-duplicate", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "Sec-WebSocket-Key appears {count} times; it must appear once.",
		Detail: "\"The |Sec-WebSocket-Key| header field MUST NOT appear more than once in an HTTP request\" ([RFC 6455 §11.3.1](rfc:6455#11.3.1)). coder/websocket and python-websockets answer 400; gorilla/websocket reads only the first line and answers 101. " +
			"Fix: send `Sec-WebSocket-Key` once.",
		Ref: Ref{6455, "11.3.1"}}
	noteWSKeyInvalid = &Note{ID: "ws-key-invalid", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "Sec-WebSocket-Key {key} is not base64 of 16 bytes: {why}.",
		Detail: "The key is \"a base64-encoded ... value that, when decoded, is 16 bytes in length\" ([RFC 6455 §4.2.1](rfc:6455#4.2.1) item 5): 22 base64 characters and the padding `==` ([RFC 4648 §4](rfc:4648#4)), 24 in all. " +
			"The client picks 16 random bytes for each connection ([RFC 6455 §4.1](rfc:6455#4.1)). " +
			"Fix: send 16 random bytes in base64, 24 characters ending in `==`, as in `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==`.",
		Ref: Ref{6455, "4.2.1"}, Myth: "The key is any random string."}
	noteWSKeyNonCanonical = &Note{ID: "ws-key-noncanonical", Category: WebSocket, Level: Warn,
		Summary: "Sec-WebSocket-Key {key} decodes to 16 bytes only leniently: its last character {char} leaves padding bits set.",
		Detail: "In canonical base64 the bits left over before `==` are zero, so the 22nd character of a 16-byte key is one of `A`, `Q`, `g`, `w` ([RFC 4648 §3.5](rfc:4648#3.5)); decoders MAY reject other values. " +
			"RFC 6455's own example key `AQIDBAUGBwgJCgsMDQ4PEC==` has this flaw (erratum 3150 corrects it to `...PEA==`). " +
			"This server decodes leniently, as gorilla/websocket, coder/websocket, Node ws and python-websockets do (all answer 101); with wskey=strict it answers 400. " +
			"The Accept value is computed from the key as received either way ([RFC 6455 §4.2.2](rfc:6455#4.2.2)).",
		Ref: Ref{4648, "3.5"}}
	noteWSKeyNonCanonicalStrict = &Note{ID: "ws-key-noncanonical-strict", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "Sec-WebSocket-Key {key} is not canonical base64: its last character {char} leaves padding bits set.",
		Detail: "With wskey=strict this server requires canonical base64: the 22nd character of a 16-byte key is one of `A`, `Q`, `g`, `w` ([RFC 4648 §3.5](rfc:4648#3.5)), so the key decodes to exactly 16 bytes under any decoder ([RFC 6455 §4.2.1](rfc:6455#4.2.1) item 5). " +
			"RFC 6455's own example `AQIDBAUGBwgJCgsMDQ4PEC==` fails this (erratum 3150). gorilla/websocket, coder/websocket, Node ws and python-websockets accept it; the default wskey=lenient does too. " +
			"Fix: encode the 16 random bytes with a standard base64 encoder, whose 22nd character is then `A`, `Q`, `g` or `w`.",
		Ref: Ref{6455, "4.2.1"}}
	noteWSVersionMissing = &Note{ID: "ws-version-missing", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "Sec-WebSocket-Version is missing.",
		Detail: "The client handshake includes `Sec-WebSocket-Version: 13` ([RFC 6455 §4.2.1](rfc:6455#4.2.1) item 6). " +
			"The answer is 400 and, like wsproto and gorilla, it names the supported version in `Sec-WebSocket-Version: 13` so the client can retry ([§4.4](rfc:6455#4.4)). " +
			"Fix: add `Sec-WebSocket-Version: 13`.",
		Ref: Ref{6455, "4.2.1"}, Myth: "Sec-WebSocket-Version can be omitted."}
	noteWSVersionDuplicate = &Note{ID: "ws-version-duplicate", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "Sec-WebSocket-Version appears {count} times; it must appear once.",
		Detail: "\"The |Sec-WebSocket-Version| header field MUST NOT appear more than once in an HTTP request\" ([RFC 6455 §11.3.5](rfc:6455#11.3.5)); only a response may repeat it ([§4.4](rfc:6455#4.4)). " +
			"Fix: send `Sec-WebSocket-Version: 13` once.",
		Ref: Ref{6455, "11.3.5"}}
	noteWSVersionList = &Note{ID: "ws-version-list", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "Sec-WebSocket-Version {version} is a list; a request names one version.",
		Detail: "In a request the field is `Sec-WebSocket-Version-Client = version`, a single number ([RFC 6455 §4.3](rfc:6455#4.3)); only the server's answer may list several ([§4.4](rfc:6455#4.4)). gorilla/websocket accepts `8, 13` because it looks for the token 13 in a list; coder/websocket requires exactly `13` (400). " +
			"Fix: send one version, `Sec-WebSocket-Version: 13`.",
		Ref: Ref{6455, "4.3"}}
	noteWSVersionMalformed = &Note{ID: "ws-version-malformed", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "Sec-WebSocket-Version {version} is not a version number.",
		Detail: "`version = DIGIT | (NZDIGIT DIGIT) | (\"1\" DIGIT DIGIT) | (\"2\" DIGIT DIGIT)`: a decimal from 0 to 255 without leading zeros ([RFC 6455 §4.3](rfc:6455#4.3)). " +
			"The answer names the supported version ([§4.2.2](rfc:6455#4.2.2)). " +
			"Fix: send `Sec-WebSocket-Version: 13`.",
		Ref: Ref{6455, "4.3"}}
	noteWSVersionUnsupported = &Note{ID: "ws-version-unsupported", Category: WebSocket, Level: Bad, Status: 400,
		Summary: "Sec-WebSocket-Version {version} is not supported; this server speaks 13.",
		Detail: "The server MUST abort the handshake with an error and send `Sec-WebSocket-Version` listing the versions it supports ([RFC 6455 §4.2.2](rfc:6455#4.2.2), [§4.4](rfc:6455#4.4)). " +
			"The error code is a choice: this server answers such a handshake with 400, as the §4.4 example, gorilla/websocket and coder/websocket do; with wsversion=426 it answers 426 (§4.2.2's \"such as 426\", gobwas/ws, wsproto). " +
			"Versions 9–12 were never used; 8 is the hybi-08 draft, which Node ws still accepts. " +
			"Fix: speak version 13 of the protocol and send `Sec-WebSocket-Version: 13`.",
		Ref: Ref{6455, "4.4"}, Myth: "Any failed WebSocket handshake is a 426."}
	noteWSVersionUnsupported426 = &Note{ID: "ws-version-unsupported-426", Category: WebSocket, Level: Bad, Status: 426,
		Summary: "Sec-WebSocket-Version {version} is not supported; this server speaks 13 and answers such a handshake with 426.",
		Detail: "The server MUST abort the handshake with \"an appropriate HTTP error code (such as 426 Upgrade Required)\" and send `Sec-WebSocket-Version` with the versions it supports ([RFC 6455 §4.2.2](rfc:6455#4.2.2)). " +
			"A 426 MUST also carry `Upgrade` ([RFC 9110 §15.5.22](rfc:9110#15.5.22)), so `Upgrade: websocket` and `Connection: Upgrade` are sent; gobwas/ws and wsproto forget them. " +
			"The default wsversion=400 follows the §4.4 example instead. " +
			"Fix: speak version 13 of the protocol and send `Sec-WebSocket-Version: 13`.",
		Ref: Ref{6455, "4.2.2"}}
	noteWSAccept = &Note{ID: "ws-accept", Category: WebSocket, Level: Good,
		Summary: "Sec-WebSocket-Accept is base64(SHA-1(key + GUID)) = {accept}.",
		Detail: "The server proves it read the handshake ([RFC 6455 §4.2.2](rfc:6455#4.2.2) /key/, [§1.3](rfc:6455#1.3)):\n\n" +
			"1. the key, as received and not decoded: {key}\n" +
			"2. with the GUID 258EAFA5-E914-47DA-95CA-C5AB0DC85B11 appended: {concat}\n" +
			"3. SHA-1 of those bytes, in hex: {sha1}\n" +
			"4. the 20 bytes in base64 ([RFC 4648 §4](rfc:4648#4)): {accept}\n\n" +
			"The client computes the same value and fails the connection if the field is missing or different ([RFC 6455 §4.1](rfc:6455#4.1)). " +
			"It proves only that the server understood WebSocket, so that no other kind of server can be tricked into a WebSocket connection; it does not authenticate anyone.",
		Ref: Ref{6455, "4.2.2"}, Myth: "Sec-WebSocket-Accept authenticates or secures the connection."}
)

// websocketNotes lists the notes of this file for the catalogue (note.go). It is a
// function, called once, so that the list is no init-time work.
func websocketNotes() []*Note {
	return []*Note{
		noteWSDisabled,
		noteWSTokenVersion,
		noteWSUpgradeList,
		noteWSOnly,
		noteWSOnly400,
		noteWSMethod,
		noteWSMethod400,
		noteWSBody,
		noteWSHost,
		noteWSKeyMissing,
		noteWSKeyDuplicate,
		noteWSKeyInvalid,
		noteWSKeyNonCanonical,
		noteWSKeyNonCanonicalStrict,
		noteWSVersionMissing,
		noteWSVersionDuplicate,
		noteWSVersionList,
		noteWSVersionMalformed,
		noteWSVersionUnsupported,
		noteWSVersionUnsupported426,
		noteWSAccept,
	}
}
