package engine

// Notes raised by proxy_nginx.go: what nginx 1.22.1 with the usual
// WebSocket recipe does to a request on its way to the server, and to the
// answer on its way back.

const nginxRefusalDetail = "nginx reads the request with its own parser before any proxying, and answers this one itself with its HTML error page, `Server: nginx/1.22.1` and `Connection: close`; the server behind it never sees the request. "

var (
	noteNginx400 = &Note{ID: "nginx-refuses-400", Category: Syntax, Level: Bad, Status: 400,
		Summary: "nginx refuses the request itself with 400 ({problem}).",
		Detail: nginxRefusalDetail +
			"Its parser rejects what [RFC 9112 §2.2](rfc:9112#2.2) and [§3.2](rfc:9112#3.2) let a server reject: a missing or repeated Host, obs-fold, a field name with a space, a method that is not upper-case letters, a target that is neither origin-form nor absolute-form, a repeated Content-Length, Content-Length with Transfer-Encoding.",
		Ref: Ref{9112, "2.2"}}
	noteNginx494 = &Note{ID: "nginx-header-too-large", Category: Syntax, Level: Bad, Status: 400,
		Summary: "A field line does not fit nginx's 8k header buffers ({problem}), so nginx answers 400 Request Header Or Cookie Too Large.",
		Detail: nginxRefusalDetail +
			"Its status is nginx's internal 494, sent as 400 with a page that names the problem; [RFC 6585 §5](rfc:6585#5) defines 431 for this, which nginx does not use.",
		Ref: Ref{6585, "5"}}
	noteNginx414 = &Note{ID: "nginx-uri-too-long", Category: Syntax, Level: Bad, Status: 414,
		Summary: "The request-line does not fit nginx's 8k buffer ({problem}), so nginx answers 414 Request-URI Too Large.",
		Detail: nginxRefusalDetail +
			"nginx words 414 with RFC 2616's old phrase, Request-URI Too Large ([RFC 9110 §15.5.15](rfc:9110#15.5.15) names it URI Too Long).",
		Ref: Ref{9110, "15.5.15"}}
	noteNginx501 = &Note{ID: "nginx-transfer-coding", Category: Framing, Level: Bad, Status: 501,
		Summary: "nginx does not implement this transfer coding ({problem}), so it answers 501.",
		Detail: nginxRefusalDetail +
			"A server that receives a transfer coding it does not understand SHOULD answer 501 ([RFC 9112 §6.1](rfc:9112#6.1)); nginx decodes chunked only.",
		Ref: Ref{9112, "6.1"}}
	noteNginx505 = &Note{ID: "nginx-version", Category: Syntax, Level: Bad, Status: 505,
		Summary: "nginx answers 505 to an HTTP/1.1 request-line with a major version above 1 ({problem}).",
		Detail: nginxRefusalDetail +
			"HTTP/2 never starts with an HTTP/1.1 request-line ([RFC 9113 §3](rfc:9113#3)), so nginx refuses the version ([RFC 9110 §15.6.6](rfc:9110#15.6.6)), where Node's parser passes HTTP/2.0 on to the server.",
		Ref: Ref{9110, "15.6.6"}}
	noteNginx413 = &Note{ID: "nginx-body-too-large", Category: Framing, Level: Bad, Status: 413,
		Summary: "The body is over client_max_body_size (1m by default), so nginx answers 413 Request Entity Too Large.",
		Detail: nginxRefusalDetail +
			"[RFC 9110 §15.5.14](rfc:9110#15.5.14) names 413 Content Too Large; nginx keeps RFC 2616's phrase.",
		Ref: Ref{9110, "15.5.14"}}
	noteNginx405 = &Note{ID: "nginx-not-allowed", Category: Syntax, Level: Bad, Status: 405,
		Summary: "nginx answers 405 Not Allowed itself ({problem}).",
		Detail: nginxRefusalDetail +
			"nginx answers TRACE, and CONNECT with a path, with 405 and no Allow field, which [RFC 9110 §15.5.6](rfc:9110#15.5.6) asks a 405 to carry.",
		Ref: Ref{9110, "15.5.6"}}
	noteNginxLets = &Note{ID: "nginx-lets-through", Category: Syntax, Level: Warn,
		Summary: "The default server would refuse this ({problem}), but nginx's parser lets it through.",
		Detail: "nginx reads some things more leniently than [RFC 9112 §2.2](rfc:9112#2.2) lets a server refuse them: a field name that is not a token (it drops the line, ignore_invalid_headers), a Host port that is not a number, bytes above 0x7F in the target, chunk extensions, trailers and bare LFs inside a chunked body. " +
			"What it forwards may then be refused by the server behind it, which reads its own way: two parsers reading one request differently is how request smuggling starts ([RFC 9112 §11.2](rfc:9112#11.2)).",
		Ref: Ref{9112, "11.2"}}
	noteNginxBadGateway = &Note{ID: "nginx-bad-gateway", Category: Syntax, Level: Bad, Status: 502,
		Summary: "The server closed the connection without an answer, so nginx answers 502 Bad Gateway.",
		Detail: "nginx gets no response from the server (upstream prematurely closed connection), so it answers the client itself with 502 and its HTML page ([RFC 9110 §15.6.3](rfc:9110#15.6.3)), and keeps the client's connection open. " +
			"Without the proxy the client would have seen the connection close instead.",
		Ref: Ref{9110, "15.6.3"}}
	noteNginxContinue = &Note{ID: "nginx-100-continue", Category: Expect, Level: Info,
		Summary: "nginx answers Expect: 100-continue itself, then reads the whole body before it forwards the request.",
		Detail: "nginx sends `HTTP/1.1 100 Continue` as soon as it starts to read the body of an HTTP/1.1 request with this expectation, even a request without content ([RFC 9110 §10.1.1](rfc:9110#10.1.1)). " +
			"It drops Expect from the forwarded request, so the server never sees the expectation, and forwards the request only once the body is complete.",
		Ref: Ref{9110, "10.1.1"}}
	noteNginxHTTP11 = &Note{ID: "nginx-forwards-http11", Category: Upgrade, Level: Info,
		Summary: "nginx forwards the {version} request as HTTP/1.1 (proxy_http_version 1.1).",
		Detail: "A proxy forwards a request with its own HTTP-version, not the client's ([RFC 9110 §6.2](rfc:9110#6.2)); the recipe's proxy_http_version 1.1 is what lets an upgrade reach the server at all, since a server ignores Upgrade in HTTP/1.0 ([RFC 9110 §7.8](rfc:9110#7.8)). " +
			"So an HTTP/1.0 client's handshake arrives as HTTP/1.1, and a server may switch where it would have refused the client directly.",
		Ref: Ref{9110, "6.2"}}
	noteNginxUpgrade = &Note{ID: "nginx-forwards-upgrade", Category: Upgrade, Level: Info,
		Summary: "The recipe forwards Upgrade: {upgrade} with Connection: upgrade.",
		Detail: "Upgrade and Connection are hop-by-hop: a proxy does not forward them as they are ([RFC 9110 §7.6.1](rfc:9110#7.6.1), [§7.8](rfc:9110#7.8)). " +
			"The recipe sets them again on the forwarded request, Upgrade from `$http_upgrade` (the client's first Upgrade line) and Connection from the map, `upgrade` when Upgrade was sent.",
		Ref: Ref{9110, "7.6.1"}}
	noteNginxUpgradeAnyway = &Note{ID: "nginx-upgrade-without-connection", Category: Upgrade, Level: Warn,
		Summary: "The client's Connection lacks upgrade, but the recipe forwards Upgrade: {upgrade} with Connection: upgrade anyway.",
		Detail: "A recipient ought to ignore an Upgrade field whose request does not list `upgrade` in Connection: the field may have been left by an HTTP/1.0 proxy that does not know Connection ([RFC 9110 §7.6.1](rfc:9110#7.6.1), [§7.8](rfc:9110#7.8)). " +
			"The map looks only at `$http_upgrade`, so nginx turns this request into a valid upgrade, and the server switches where it would have answered normally.",
		Ref: Ref{9110, "7.8"}}
	noteNginxH2C = &Note{ID: "nginx-h2c-forwarded", Category: H2C, Level: Warn,
		Summary: "The recipe forwards the h2c offer with Connection: upgrade only, so the server behind nginx cannot take it.",
		Detail: "nginx does not speak h2c to its servers; the recipe copies Upgrade whatever it names, and nginx forwards HTTP2-Settings like any end-to-end field, although the client listed it in Connection ([RFC 7540 §3.2.1](rfc:7540#3.2.1), [RFC 9110 §7.6.1](rfc:9110#7.6.1)). " +
			"The forwarded Connection lists only `upgrade`, not HTTP2-Settings, and a client's h2c offer is valid only with HTTP2-Settings listed there, so the server ignores the offer (x/net's h2c requires it) and answers over HTTP/1.1: h2c never gets through this recipe. " +
			"[RFC 9113 §3.1](rfc:9113#3.1) deprecates the h2c upgrade; behind a proxy use prior knowledge or TLS with ALPN instead.",
		Ref: Ref{9113, "3.1"}}
	noteNginxConnectionClose = &Note{ID: "nginx-connection-close", Category: Upgrade, Level: Info,
		Summary: "Without Upgrade the recipe forwards Connection: close, whatever the client sent.",
		Detail: "The client's Connection is hop-by-hop and is not forwarded ([RFC 9110 §7.6.1](rfc:9110#7.6.1)); the map sets `close` when `$http_upgrade` is empty, so the server closes its connection to nginx after the answer ([RFC 9112 §9.6](rfc:9112#9.6)). " +
			"nginx keeps the client's connection as the client asked.",
		Ref: Ref{9112, "9.6"}}
	noteNginxHost = &Note{ID: "nginx-host", Category: Upgrade, Level: Info,
		Summary: "proxy_set_header Host $host forwards Host: {host}.",
		Detail: "`$host` is the host of an absolute-form target, else the Host field's, lower-cased and without its port ([RFC 9110 §7.2](rfc:9110#7.2)). " +
			"A server that compares Host with Origin (gorilla's same-origin check) then sees another authority than the client sent.",
		Ref: Ref{9110, "7.2"}}
	noteNginxDechunk = &Note{ID: "nginx-dechunked", Category: Framing, Level: Info,
		Summary: "nginx reads the chunked body whole and forwards its {count} bytes with Content-Length.",
		Detail:  "With proxy_request_buffering on (the default) nginx decodes the chunked coding and sends the content with a Content-Length: Transfer-Encoding is hop-by-hop ([RFC 9112 §6.1](rfc:9112#6.1), [§7](rfc:9112#7)).",
		Ref:     Ref{9112, "6.1"}}
	noteNginxDropped = &Note{ID: "nginx-drops-fields", Category: Upgrade, Level: Info,
		Summary: "nginx does not forward these lines: {fields}.",
		Detail: "proxy_pass replaces Keep-Alive, TE and Expect with nothing (they concern the client's connection only, [RFC 9110 §7.6.1](rfc:9110#7.6.1)), and ignores a field name with an underscore (underscores_in_headers off). " +
			"Other fields go on as the client wrote them.",
		Ref: Ref{9110, "7.6.1"}}
	noteNginxListedKept = &Note{ID: "nginx-keeps-listed-field", Category: Upgrade, Level: Warn,
		Summary: "The client lists {field} in Connection, but nginx forwards the {field} field anyway.",
		Detail: "A proxy MUST remove the fields a message's Connection lists before forwarding it, since they concern that connection only ([RFC 9110 §7.6.1](rfc:9110#7.6.1)). " +
			"nginx drops a fixed set (Connection, Keep-Alive, TE, Expect, Upgrade, which the recipe sets again) and forwards every other field, listed or not.",
		Ref: Ref{9110, "7.6.1"}}
	noteNginxRechunk = &Note{ID: "nginx-rechunks", Category: Framing, Level: Info,
		Summary: "The server's answer has no length nginx can send, so nginx sends it chunked.",
		Detail:  "A chunked answer, or one that ends with the server closing its connection, reaches an HTTP/1.1 client with `Transfer-Encoding: chunked`, so that the client's connection can stay open ([RFC 9112 §6.1](rfc:9112#6.1), [§9.3](rfc:9112#9.3)).",
		Ref:     Ref{9112, "6.1"}}
	noteNginxRewrite = &Note{ID: "nginx-rewrites-answer", Category: Upgrade, Level: Info,
		Summary: "nginx sends the server's {status} on with its own Server and Connection: {connection}.",
		Detail: "nginx keeps the server's status line and end-to-end fields, and writes its own Server, Date, framing and Connection first ([RFC 9110 §7.6.1](rfc:9110#7.6.1): Connection and Keep-Alive are hop-by-hop). " +
			"It hides the server's own fields of these names ({hidden}), so a server's Connection: close ends nginx's connection to the server, not the client's.",
		Ref: Ref{9110, "7.6.1"}}
	noteNginxTunnel = &Note{ID: "nginx-tunnel", Category: Upgrade, Level: Good,
		Summary: "The server switched to {protocol}; nginx passes the 101 on and relays bytes both ways from now on.",
		Detail:  "After a 101 the connection belongs to the new protocol ([RFC 9110 §7.8](rfc:9110#7.8), [§15.2.2](rfc:9110#15.2.2)); nginx writes Connection: upgrade itself, keeps the server's Upgrade and handshake fields, and becomes a tunnel until either side closes.",
		Ref:     Ref{9110, "15.2.2"}}
)

func proxyNotes() []*Note {
	return []*Note{
		noteNginx400,
		noteNginx494,
		noteNginx414,
		noteNginx501,
		noteNginx505,
		noteNginx413,
		noteNginx405,
		noteNginxLets,
		noteNginxBadGateway,
		noteNginxContinue,
		noteNginxHTTP11,
		noteNginxUpgrade,
		noteNginxUpgradeAnyway,
		noteNginxH2C,
		noteNginxConnectionClose,
		noteNginxHost,
		noteNginxDechunk,
		noteNginxDropped,
		noteNginxListedKept,
		noteNginxRechunk,
		noteNginxRewrite,
		noteNginxTunnel,
	}
}
