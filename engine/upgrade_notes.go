package engine

// Notes raised by upgrade.go and engine.go: the generic Upgrade mechanism
// (RFC 9110 §7.8, §7.6.1), Expect (§10.1.1), and what follows the response.

var (
	noteOrdinaryResponse = &Note{ID: "ordinary-response", Category: Upgrade, Level: Info,
		Summary: "No protocol switch: the server answers the request over HTTP/1.1.",
		Detail: "A server MAY ignore Upgrade: \"Upgrade cannot be used to insist on a protocol change\" ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"Without a switch the request gets its ordinary response, here `200 OK`.",
		Ref: Ref{9110, "7.8"}, Myth: "The server must upgrade if it supports the protocol."}
	noteSwitched = &Note{ID: "switched", Category: Upgrade, Level: Good,
		Summary: "101 Switching Protocols: after the empty line the connection speaks {protocol}.",
		Detail: "A 101 MUST carry Upgrade naming the protocol(s) switched to ([RFC 9110 §15.2.2](rfc:9110#15.2.2)), and whoever sends Upgrade MUST also send the `upgrade` connection option, so the 101 carries `Connection: Upgrade` ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"A 1xx response ends at the empty line and cannot contain content ([RFC 9110 §15.2](rfc:9110#15.2)), and a server MUST NOT send Content-Length or Transfer-Encoding in one ([RFC 9110 §8.6](rfc:9110#8.6), [RFC 9112 §6.1](rfc:9112#6.1)). " +
			"The original request is still outstanding and is answered in the new protocol.",
		Ref: Ref{9110, "15.2.2"}, Myth: "A 101 can omit Connection: Upgrade, or carry a body."}
	noteCloseNoSwitch = &Note{ID: "close-no-switch", Category: Upgrade, Level: Warn,
		Summary: "The connection must close after this response ({why}), so the server does not switch protocols.",
		Detail: "A 101 hands the connection over to the new protocol, in which the original request is then answered ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"A connection that must be closed after the response cannot also be switched: a server that receives the `close` option \"MUST initiate closure of the connection ... after it sends the final response\" ([RFC 9112 §9.6](rfc:9112#9.6)), and a request with both Transfer-Encoding and Content-Length, or HTTP/1.0 with Transfer-Encoding, obliges the server to close ([RFC 9112 §6.1](rfc:9112#6.1)). " +
			"This server decides for closing: it ignores the Upgrade (which it MAY always do) and answers over HTTP/1.1 with `Connection: close`.",
		Ref: Ref{9112, "9.6"}}
	noteConnectionClose = &Note{ID: "connection-close", Category: Syntax, Level: Info,
		Summary: "The server closes the connection after this response: {why}.",
		Detail: "A connection persists after a response unless the `close` option was sent, or the request is HTTP/1.0 without `keep-alive` ([RFC 9112 §9.3](rfc:9112#9.3)). " +
			"A server that receives `close` MUST close after the final response and SHOULD send `close` in it ([RFC 9112 §9.6](rfc:9112#9.6)); faulty framing also obliges it to close ([RFC 9112 §6.1](rfc:9112#6.1)). " +
			"The response says `Connection: close`.",
		Ref: Ref{9112, "9.3"}}
	noteKeepAlive10 = &Note{ID: "http10-keep-alive", Category: Syntax, Level: Info,
		Summary: "The HTTP/1.0 client asked for keep-alive; the response says Connection: keep-alive and the connection persists.",
		Detail: "HTTP/1.0 connections close after each response unless the client sends the `keep-alive` connection option and the server honours it ([RFC 9112 §9.3](rfc:9112#9.3), [Appendix C.2.2](rfc:9112#C.2.2)). " +
			"The server answers with `Connection: keep-alive`, or the HTTP/1.0 client assumes the connection closes.",
		Ref: Ref{9112, "9.3"}}
	noteConnectNotProxy = &Note{ID: "connect-not-implemented", Category: Syntax, Level: Bad, Status: 501,
		Summary: "CONNECT {target} asks for a tunnel; this origin server is not a proxy and does not implement CONNECT.",
		Detail: "CONNECT asks the recipient to open a tunnel to the destination in the authority-form target ([RFC 9110 §9.3.6](rfc:9110#9.3.6)); it is meant for proxies. " +
			"A server that does not implement a method answers 501 (Not Implemented) ([RFC 9110 §9.1](rfc:9110#9.1)), and closes the connection, as RFC 9931 requires of a proxy that rejects a CONNECT from a client not known to wait for a 2xx: bytes the client sent for the tunnel must not be read as HTTP ([RFC 9931 §8](rfc:9931#8)).",
		Ref: Ref{9110, "9.3.6"}}
	noteHeadNoContent = &Note{ID: "head-no-content", Category: Syntax, Level: Info,
		Summary: "HEAD: the response has the header section a GET would get, and no content.",
		Detail: "\"The HEAD method is identical to GET except that the server MUST NOT send content in the response\" ([RFC 9110 §9.3.2](rfc:9110#9.3.2)); this holds for error responses too. " +
			"Content-Length says how long the content of a GET would be, so the client must know the request was HEAD to find where the response ends ([RFC 9112 §6.3](rfc:9112#6.3)).",
		Ref: Ref{9110, "9.3.2"}}
	noteTraceEcho = &Note{ID: "trace-echo", Category: Syntax, Level: Info,
		Summary: "TRACE: the server echoes the request it received as a message/http body.",
		Detail: "The final recipient of a TRACE \"SHOULD reflect the message received, excluding some fields ... back to the client as the content of a 200 (OK) response\"; `message/http` \"is one way to do so\" ([RFC 9110 §9.3.8](rfc:9110#9.3.8)), and this server uses it. " +
			"It shows what intermediaries changed. " +
			"Many deployments disable TRACE, because a reflected `Cookie` or `Authorization` field is sensitive.",
		Ref: Ref{9110, "9.3.8"}}
	noteTraceContent = &Note{ID: "trace-content", Category: Syntax, Level: Warn,
		Summary: "The TRACE request has content, which a client MUST NOT send.",
		Detail: "\"A client MUST NOT send content in a TRACE request\" ([RFC 9110 §9.3.8](rfc:9110#9.3.8)). " +
			"The server reads it (the framing says how long it is) and ignores it.",
		Ref: Ref{9110, "9.3.8"}}
	noteSemanticsNotHonoured = &Note{ID: "upgrade-semantics", Category: Upgrade, Level: Warn,
		Summary: "The request cannot be honoured after a switch to {protocol}: {why}.",
		Detail: "\"A server MUST NOT switch protocols unless the received message semantics can be honored by the new protocol\" ([RFC 9110 §7.8](rfc:9110#7.8)): after the 101 the original request is still answered, in the new protocol. " +
			"An OPTIONS request can be honoured by any protocol. " +
			"The offer is ignored.",
		Ref: Ref{9110, "7.8"}}
	noteUnofferedSwitch = &Note{ID: "upgrade-unoffered", Category: Upgrade, Level: Warn,
		Summary: "The server would have switched to {protocol}, which the client did not offer; it answers over HTTP/1.1 instead.",
		Detail: "\"A server MUST NOT switch to a protocol that was not indicated by the client in the corresponding request's Upgrade header field\", and the 101's Upgrade lists the protocols in layer-ascending order ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"This guard catches a server setting that breaks the rule.",
		Ref: Ref{9110, "7.8"}, Myth: "A server can switch protocols whenever it likes."}
	noteAfterDiscarded = &Note{ID: "after-discarded", Category: Security, Level: Info,
		Summary: "The {count} bytes after the request are never processed: the server closes the connection.",
		Detail: "After `Connection: close` the server \"MUST NOT process any further requests received on that connection\" ([RFC 9112 §9.6](rfc:9112#9.6)). " +
			"It may still read and discard them while it closes in stages, so that a TCP reset does not destroy its response (same section).",
		Ref: Ref{9112, "9.6"}}
	noteAfterNewProtocol = &Note{ID: "after-new-protocol", Category: Upgrade, Level: Info,
		Summary: "The {count} bytes after the request belong to {protocol}, not to HTTP/1.1.",
		Detail: "After the 101 the connection speaks the new protocol from the first byte after the request message ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"Bytes the client sent after its request, in the same packet or later, are read in that protocol.",
		Ref: Ref{9110, "7.8"}}
	noteAfterNextRequest = &Note{ID: "after-next-request", Category: Security, Level: Warn,
		Summary: "No switch happened, so the {count} bytes after the request are read as the next HTTP/1.1 request.",
		Detail: "Completing the request is necessary for a switch, not sufficient: the server may refuse the upgrade, and then any bytes the client sent optimistically in the new protocol are parsed as HTTP/1.1 ([RFC 9931 §3](rfc:9931#3)). " +
			"That is how request smuggling through upgrades works. " +
			"A WebSocket client MUST wait for the 101 before sending frames ([RFC 6455 §4.1](rfc:6455#4.1)).",
		Ref: Ref{9931, "3"}, Myth: "The client can send frames right after the request, to save a round trip."}
	noteConnectionUpgradeAlone = &Note{ID: "connection-upgrade-alone", Category: Upgrade, Level: Info,
		Summary: "Connection lists \"upgrade\" but there is no Upgrade field; that is not an error.",
		Detail: "Connection options need not correspond to a field in the message ([RFC 9110 §7.6.1](rfc:9110#7.6.1)). " +
			"Without Upgrade there is nothing to switch to.",
		Ref: Ref{9110, "7.6.1"}}
	noteUpgradeHTTP10 = &Note{ID: "upgrade-http10-ignored", Category: Upgrade, Level: Warn,
		Summary: "Upgrade in an {version} request is ignored.",
		Detail: "\"A server that receives an Upgrade header field in an HTTP/1.0 request MUST ignore that Upgrade field\" ([RFC 9110 §7.8](rfc:9110#7.8)): an HTTP/1.0 proxy could have forwarded it without understanding it. " +
			"The server answers normally. " +
			"gobwas/ws and python-websockets from version 17 answer 505 instead, which is wrong: 505 is about the major version. " +
			"python-websockets 10.4, as Debian 12 ships it, answers 400.",
		Ref: Ref{9110, "7.8"}, Myth: "An HTTP/1.0 client can upgrade."}
	noteUpgradeEmpty = &Note{ID: "upgrade-empty", Category: Upgrade, Level: Info,
		Summary: "The Upgrade field is an empty list: no protocol is offered.",
		Detail: "`Upgrade = #protocol` allows an empty list ([RFC 9110 §7.8](rfc:9110#7.8)); RFC 7230 had `1#protocol`. " +
			"There is nothing to switch to.",
		Ref: Ref{9110, "7.8"}, Myth: "The grammar is Upgrade = 1#protocol."}
	noteNoUpgradeOption = &Note{ID: "upgrade-without-connection-option", Category: Upgrade, Level: Warn,
		Summary: "Upgrade is present but Connection does not list \"upgrade\": the Upgrade is ignored.",
		Detail: "A sender of Upgrade MUST also send the `upgrade` option in Connection ([RFC 9110 §7.8](rfc:9110#7.8)), so that intermediaries strip it. " +
			"A connection-specific field received without its option \"ought to be ignored\" ([RFC 9110 §7.6.1](rfc:9110#7.6.1)): it was probably forwarded by a proxy that did not understand it. " +
			"Libraries differ: gorilla and gobwas answer 400, coder and python-websockets 426 (the setting \"Upgrade without upgrade in Connection\").",
		Ref: Ref{9110, "7.6.1"}}
	noteNoUpgradeOption426 = &Note{ID: "upgrade-without-connection-option-426", Category: Upgrade, Level: Bad, Status: 426,
		Summary: "Upgrade is present but Connection does not list \"upgrade\": this server demands the upgrade with 426.",
		Detail: "The RFC says such a field ought to be ignored ([RFC 9110 §7.6.1](rfc:9110#7.6.1)); coder/websocket answers 426 with `Upgrade` and `Connection: Upgrade` instead, so the client learns what it must send ([RFC 9110 §15.5.22](rfc:9110#15.5.22)); python-websockets answers 426 with `Upgrade: websocket` but `Connection: close`, although every sender of Upgrade must also send the `upgrade` connection option ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"Fix: add `Connection: Upgrade`, keeping any other options (`Connection: keep-alive, Upgrade`).",
		Ref: Ref{9110, "15.5.22"}}
	noteNoUpgradeOption400 = &Note{ID: "upgrade-without-connection-option-400", Category: Upgrade, Level: Bad, Status: 400,
		Summary: "Upgrade is present but Connection does not list \"upgrade\": this server answers 400.",
		Detail: "The RFC says such a field ought to be ignored ([RFC 9110 §7.6.1](rfc:9110#7.6.1)); gorilla/websocket, gobwas/ws and Node's ws answer 400 instead. " +
			"Fix: add `Connection: Upgrade`, keeping any other options (`Connection: keep-alive, Upgrade`).",
		Ref: Ref{9110, "7.6.1"}}
	noteUnknownProtocol = &Note{ID: "upgrade-unknown-protocol", Category: Upgrade, Level: Info,
		Summary: "The server does not support {protocol}, so it ignores that offer.",
		Detail: "A server never switches to a protocol it does not support, and ignores offers it does not understand ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"Upgrade tokens are registered in the IANA HTTP Upgrade Token registry ([RFC 9110 §16.7](rfc:9110#16.7)); the registry's entry, if any: {registry}.",
		Ref: Ref{9110, "7.8"}}
	noteChosen = &Note{ID: "upgrade-chosen", Category: Upgrade, Level: Good,
		Summary: "The server switches to {protocol}, which the client offered.",
		Detail: "\"A server MUST NOT switch to a protocol that was not indicated by the client in the corresponding request's Upgrade header field\"; among several offers it MAY choose by its own criteria ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"This server takes the client's order.",
		Ref: Ref{9110, "7.8"}, Myth: "A server can switch protocols whenever it likes."}
	note426 = &Note{ID: "upgrade-required", Category: Upgrade, Level: Info,
		Summary: "426 Upgrade Required carries Upgrade: {protocols} and Connection: Upgrade.",
		Detail:  "\"The server MUST send an Upgrade header field in a 426 response to indicate the required protocol(s)\" ([RFC 9110 §15.5.22](rfc:9110#15.5.22)), and every sender of Upgrade also sends `Connection: Upgrade` ([RFC 9110 §7.8](rfc:9110#7.8)).",
		Ref:     Ref{9110, "15.5.22"}, Myth: "A 426 needs only the status code."}
	noteEmptyListElements = &Note{ID: "list-empty-elements", Category: Syntax, Level: Info,
		Summary: "The {name} list has empty elements; they are ignored.",
		Detail:  "\"A recipient MUST parse and ignore a reasonable number of empty list elements\" ([RFC 9110 §5.6.1.2](rfc:9110#5.6.1.2)), e.g. `foo ,bar,`.",
		Ref:     Ref{9110, "5.6.1.2"}}
	noteUpgradeElementSyntax = &Note{ID: "upgrade-element-syntax", Category: Upgrade, Level: Warn,
		Summary: "The Upgrade element {element} is not protocol-name [\"/\" protocol-version]; it is ignored.",
		Detail: "`protocol = protocol-name [\"/\" protocol-version]`, both tokens ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"An element that does not parse cannot name a protocol.",
		Ref: Ref{9110, "7.8"}}
	noteConnectionOptionSyntax = &Note{ID: "connection-option-syntax", Category: Upgrade, Level: Warn,
		Summary: "The Connection option {option} is not a token.",
		Detail: "`Connection = #connection-option` and `connection-option = token` ([RFC 9110 §7.6.1](rfc:9110#7.6.1)). " +
			"The options are a comma-separated list: `Connection: keep-alive, Upgrade` (what Firefox sends) is as good as `Connection: Upgrade`.",
		Ref: Ref{9110, "7.6.1"}, Myth: "Connection must be exactly Upgrade."}
	noteConnectionEndToEnd = &Note{ID: "connection-end-to-end", Category: Upgrade, Level: Warn,
		Summary: "Connection lists {option}, an end-to-end field; a proxy would strip it.",
		Detail:  "\"A sender MUST NOT send a connection option corresponding to a field that is intended for all recipients of the content\" ([RFC 9110 §7.6.1](rfc:9110#7.6.1)): intermediaries remove the fields Connection names.",
		Ref:     Ref{9110, "7.6.1"}}
	noteAdvertise = &Note{ID: "upgrade-advertised", Category: Upgrade, Level: Info,
		Summary: "The 200 advertises Upgrade: {protocols}; it does not switch anything.",
		Detail: "A server MAY send Upgrade in any other response to advertise the protocols it supports ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"A client must not treat it as a switch: only a 101 switches (libgit2 once misread an advertising 200).",
		Ref: Ref{9110, "7.8"}, Myth: "An Upgrade header in a 200 means the connection switched."}
	noteRequirementKept = &Note{ID: "upgrade-requirement-kept", Category: Upgrade, Level: Warn,
		Summary: "The server does not switch to {protocol}: it requires {required} here, and after a switch to {protocol} the request would be answered without it.",
		Detail: "A server that requires a protocol answers a request that does not use it with 426 (Upgrade Required), naming the protocol in `Upgrade` ([RFC 9110 §15.5.22](rfc:9110#15.5.22); for TLS, [RFC 2817 §4.2](rfc:2817#4.2)). " +
			"After a 101 the original request is answered in the new protocol ([RFC 9110 §7.8](rfc:9110#7.8)), so a switch to another protocol would serve it without the required one: adding an `Upgrade` field must not get round the requirement. " +
			"A server may ignore any offer ([RFC 9110 §7.8](rfc:9110#7.8)); this one ignores it and answers as it answers the request without `Upgrade`. " +
			"An upgrade to TLS keeps every requirement: TLS goes beneath HTTP, and the request is answered inside it under the same rules ([RFC 2817 §3.3](rfc:2817#3.3)).",
		Ref: Ref{9110, "15.5.22"}}
	noteExpectHTTP10 = &Note{ID: "expect-http10-ignored", Category: Expect, Level: Info,
		Summary: "The 100-continue expectation of an HTTP/1.0 request is ignored: no 100 Continue.",
		Detail: "\"A server that receives a 100-continue expectation in an HTTP/1.0 request MUST ignore that expectation\" ([RFC 9110 §10.1.1](rfc:9110#10.1.1)), and never sends a 1xx to an HTTP/1.0 client ([RFC 9110 §15.2](rfc:9110#15.2)). " +
			"The rule covers only 100-continue; any other expectation MAY get 417 whatever the version (same section). " +
			"This server ignores the whole Expect field of an HTTP/1.0 request.",
		Ref: Ref{9110, "10.1.1"}}
	noteExpectUnknown = &Note{ID: "expect-unknown", Category: Expect, Level: Bad, Status: 417,
		Summary: "The expectation {expectation} is not supported.",
		Detail: "The only expectation defined is `100-continue`; a server MAY answer any other with 417 (Expectation Failed) ([RFC 9110 §10.1.1](rfc:9110#10.1.1)). " +
			"Go does. " +
			"Fix: send no Expect field, or `Expect: 100-continue` on a request with content.",
		Ref: Ref{9110, "10.1.1"}}
	noteExpectNoBody = &Note{ID: "expect-no-body", Category: Expect, Level: Info,
		Summary: "Expect: 100-continue on a request without content: no 100 is needed.",
		Detail: "\"A client MUST NOT generate a 100-continue expectation in a request that does not include content\" ([RFC 9110 §10.1.1](rfc:9110#10.1.1)). " +
			"The server has nothing to invite: it MAY omit the 100 when \"the framing indicates that there is no content\" (same section).",
		Ref: Ref{9110, "10.1.1"}}
	noteExpectFinalInstead = &Note{ID: "expect-final-instead", Category: Expect, Level: Info,
		Summary: "The server refuses the request, so it sends the final response instead of 100 Continue.",
		Detail: "A server that receives 100-continue either sends an immediate 100 (Continue) and reads the content, or answers with a final status code; if it answers before reading the whole content it should say whether it will close the connection ([RFC 9110 §10.1.1](rfc:9110#10.1.1)). " +
			"A client that waited need not send the content; one that did not wait (it MAY send the content without waiting) may already be sending it, which is why the server should say whether it will close the connection or go on reading.",
		Ref: Ref{9110, "10.1.1"}}
	noteExpectSkipped = &Note{ID: "expect-skipped", Category: Expect, Level: Info,
		Summary: "The body already arrived, so this server omits 100 Continue.",
		Detail: "A server MAY omit the 100 if it has already received some or all of the content ([RFC 9110 §10.1.1](rfc:9110#10.1.1)). " +
			"A server that switches protocols MUST send the 100 before the 101 ([RFC 9110 §7.8](rfc:9110#7.8)), so with expect=skip-if-received this server omits the 100 only when it does not switch.",
		Ref: Ref{9110, "10.1.1"}}
	noteExpectContinue = &Note{ID: "expect-continue", Category: Expect, Level: Good,
		Summary: "The server sends 100 Continue, then reads the body, then the final response.",
		Detail: "A server that receives 100-continue and intends to read the content sends an immediate 100 (Continue) ([RFC 9110 §10.1.1](rfc:9110#10.1.1)). " +
			"A 1xx is interim: the final response follows.",
		Ref: Ref{9110, "10.1.1"}}
	noteExpectBeforeSwitch = &Note{ID: "expect-before-switch", Category: Expect, Level: Good,
		Summary: "100 Continue comes first, then the body is read, then the 101.",
		Detail: "\"If a server receives both an Upgrade and an Expect header field with the '100-continue' expectation ..., the server MUST send a 100 (Continue) response before sending a 101 (Switching Protocols) response\" ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"The MUST holds even when the whole content has already arrived, where a server that does not switch MAY omit the 100 ([RFC 9110 §10.1.1](rfc:9110#10.1.1)): the setting expect=skip-if-received does not apply to a switch. " +
			"A client parses any number of 1xx before the final response ([RFC 9110 §15.2](rfc:9110#15.2)).",
		Ref: Ref{9110, "7.8"}, Myth: "Expect: 100-continue and Upgrade don't interact."}
)

// upgradeNotes lists the notes of this file for the catalogue (note.go). It is a
// function, called once, so that the list is no init-time work.
func upgradeNotes() []*Note {
	return []*Note{
		noteOrdinaryResponse,
		noteSwitched,
		noteCloseNoSwitch,
		noteConnectionClose,
		noteKeepAlive10,
		noteConnectNotProxy,
		noteHeadNoContent,
		noteTraceEcho,
		noteTraceContent,
		noteSemanticsNotHonoured,
		noteUnofferedSwitch,
		noteAfterDiscarded,
		noteAfterNewProtocol,
		noteAfterNextRequest,
		noteConnectionUpgradeAlone,
		noteUpgradeHTTP10,
		noteUpgradeEmpty,
		noteNoUpgradeOption,
		noteNoUpgradeOption426,
		noteNoUpgradeOption400,
		noteUnknownProtocol,
		noteChosen,
		note426,
		noteEmptyListElements,
		noteUpgradeElementSyntax,
		noteConnectionOptionSyntax,
		noteConnectionEndToEnd,
		noteAdvertise,
		noteRequirementKept,
		noteExpectHTTP10,
		noteExpectUnknown,
		noteExpectNoBody,
		noteExpectFinalInstead,
		noteExpectSkipped,
		noteExpectContinue,
		noteExpectBeforeSwitch,
	}
}
