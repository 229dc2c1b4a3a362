package engine

// Notes raised by request.go, request_line.go and request_fields.go:
// HTTP/1.1 message syntax (RFC 9112, RFC 9110 §5); and trace.go's note for
// a trace cut short.

var (
	noteEmpty = &Note{ID: "request-empty", Category: Syntax, Level: Info,
		Summary: "The request is empty; type or paste an HTTP/1.1 request.",
		Detail:  "A request starts with a request-line such as `GET /chat HTTP/1.1`, then field lines, then an empty line ([RFC 9112 §2.1](rfc:9112#2.1)).",
		Ref:     Ref{9112, "2.1"}}
	noteTooLarge = &Note{ID: "request-too-large", Category: Framing, Level: Bad, Status: 413,
		Summary: "The request's message body takes it past this server's limit of {limit} bytes for a whole request.",
		Detail: "This server reads at most {limit} bytes for one request: its request-line, header section and message body, not the bytes that follow it (a pipelined request, or the new protocol's bytes after a switch). " +
			"The header section ends within them, but the message body, which is the content with any chunked framing around it ([RFC 9112 §6](rfc:9112#6)), does not. " +
			"A server refuses content larger than it is willing to process with 413 (Content Too Large) ([RFC 9110 §15.5.14](rfc:9110#15.5.14)). " +
			"It closes the connection, or the client would go on sending the rest.",
		Ref: Ref{9110, "15.5.14"}}
	noteRequestHeadTooLarge = &Note{ID: "request-head-too-large", Category: Syntax, Level: Bad, Status: 431,
		Summary: "The request-line and header section go past this server's limit of {limit} bytes for a whole request.",
		Detail: "This server reads at most {limit} bytes for one request: its request-line, header section and message body, not the bytes that follow it. " +
			"Here the header section has not ended within them, so what is too large is the request's head, not its content: 431 (Request Header Fields Too Large) ([RFC 6585 §5](rfc:6585#5)), not 413, which is about content ([RFC 9110 §15.5.14](rfc:9110#15.5.14)). " +
			"A server MUST answer a header section larger than it wishes to process with a 4xx status ([RFC 9110 §5.4](rfc:9110#5.4)); Go's server answers 431 when the request-line and header section go past its limit.",
		Ref: Ref{6585, "5"}}
	noteTraceTruncated = &Note{ID: "trace-truncated", Category: Syntax, Level: Info,
		Summary: "{count} more checks were made but are not listed: the trace shows the first {limit}.",
		Detail: "A request with thousands of problems would bury the one that matters. " +
			"The deciding check is always listed; a real server stops at the first problem it cannot get past, and reads no more than its limits allow: a header section larger than it wishes to process gets a 4xx ([RFC 9110 §5.4](rfc:9110#5.4)).",
		Ref: Ref{9110, "5.4"}}
	noteLeadingEmptyLine = &Note{ID: "leading-empty-line", Category: Syntax, Level: Info,
		Summary: "{count} empty line(s) before the request-line are ignored.",
		Detail: "\"In the interest of robustness, a server that is expecting to receive and parse a request-line SHOULD ignore at least one empty line (CRLF) received prior to the request-line\" ([RFC 9112 §2.2](rfc:9112#2.2)). " +
			"Old clients sent an extra CRLF after a POST body.",
		Ref: Ref{9112, "2.2"}}
	noteIncompleteHeader = &Note{ID: "header-incomplete", Category: Syntax, Level: Warn,
		Summary: "The header section has not ended: the server is still waiting for an empty line.",
		Detail: "The header section ends with an empty line (CRLF CRLF in a row, [RFC 9112 §2.1](rfc:9112#2.1)). " +
			"Until it arrives a server reads on and sends nothing. " +
			"Add an empty line at the end of the request.",
		Ref: Ref{9112, "2.1"}}
	noteBareLFAccepted = &Note{ID: "bare-lf-accepted", Category: Syntax, Level: Warn,
		Summary: "A line ends with a bare LF; this server accepts it as a line terminator.",
		Detail: "HTTP/1.1 lines end with CRLF, but \"a recipient MAY recognize a single LF as a line terminator and ignore any preceding CR\" ([RFC 9112 §2.2](rfc:9112#2.2)). " +
			"Go, nginx and Node accept it; a strict server answers 400. " +
			"Servers that disagree about line ends are a request-smuggling risk.",
		Ref: Ref{9112, "2.2"}}
	noteBareLFRejected = &Note{ID: "bare-lf-rejected", Category: Syntax, Level: Bad, Status: 400,
		Summary: "A line ends with a bare LF, which this server does not accept.",
		Detail: "HTTP/1.1 lines end with CRLF. " +
			"Accepting a bare LF is allowed but optional ([RFC 9112 §2.2](rfc:9112#2.2)); this server is set to reject it. " +
			"The setting \"Bare LF line ends\" switches to the lenient behaviour of Go, nginx and Node.",
		Ref: Ref{9112, "2.2"}}
	noteBareCR = &Note{ID: "bare-cr", Category: Syntax, Level: Bad, Status: 400,
		Summary: "A CR that is not followed by LF appears inside a line.",
		Detail: "\"A sender MUST NOT generate a bare CR (a CR character not immediately followed by LF) within any protocol elements other than the content. " +
			"A recipient of such a bare CR MUST consider that element to be invalid or replace each bare CR with SP before processing the element or forwarding the message\" ([RFC 9112 §2.2](rfc:9112#2.2)). " +
			"This server treats it as invalid.",
		Ref: Ref{9112, "2.2"}}
	noteBareCRReplaced = &Note{ID: "bare-cr-replaced", Category: Syntax, Level: Warn,
		Summary: "A CR that is not followed by LF appears inside a line; this server replaces it with SP.",
		Detail: "A recipient of a bare CR \"MUST consider that element to be invalid or replace each bare CR with SP before processing the element or forwarding the message\" ([RFC 9112 §2.2](rfc:9112#2.2)). " +
			"This server is set to replace; the strict setting answers 400.",
		Ref: Ref{9112, "2.2"}}
	noteNULReplaced = &Note{ID: "nul-replaced", Category: Syntax, Level: Warn,
		Summary: "A NUL byte is replaced with SP before the field is processed.",
		Detail: "\"A recipient of CR, LF, or NUL within a field value MUST either reject the message or replace each of those characters with SP before further processing or forwarding of that message\" ([RFC 9110 §5.5](rfc:9110#5.5)). " +
			"This server is set to replace; the strict setting answers 400.",
		Ref: Ref{9110, "5.5"}}
	noteRequestLineTooLong = &Note{ID: "request-line-too-long", Category: Syntax, Level: Bad, Status: 414,
		Summary: "The request-line is {size} bytes, over this server's limit of {limit}: the request-target is too long.",
		Detail:  "\"A server that receives a request-target longer than any URI it wishes to parse MUST respond with a 414 (URI Too Long) status code\" ([RFC 9112 §3](rfc:9112#3)).",
		Ref:     Ref{9112, "3"}}
	noteMethodTooLong = &Note{ID: "method-too-long", Category: Syntax, Level: Bad, Status: 501,
		Summary: "The request-line starts with a {size}-byte method, longer than any this server implements.",
		Detail:  "\"A server that receives a method longer than any that it implements SHOULD respond with a 501 (Not Implemented) status code\" ([RFC 9112 §3](rfc:9112#3)).",
		Ref:     Ref{9112, "3"}}
	noteRequestLineForm = &Note{ID: "request-line-form", Category: Syntax, Level: Bad, Status: 400,
		Summary: "The first line is not method SP request-target SP HTTP-version.",
		Detail: "`request-line = method SP request-target SP HTTP-version` ([RFC 9112 §3](rfc:9112#3)). " +
			"Invalid request-lines get 400 (Bad Request).",
		Ref: Ref{9112, "3"}}
	noteMissingVersion = &Note{ID: "request-line-no-version", Category: Syntax, Level: Bad, Status: 400,
		Summary: "The request-line has no HTTP-version.",
		Detail: "Every HTTP/1.x request-line ends with the version, e.g. `HTTP/1.1` ([RFC 9112 §3](rfc:9112#3)). " +
			"A line without one is an HTTP/0.9 request, which modern servers do not support.",
		Ref: Ref{9112, "3"}}
	noteMethodNotToken = &Note{ID: "method-not-token", Category: Syntax, Level: Bad, Status: 400,
		Summary: "The method {method} is not a token.",
		Detail:  "`method = token` ([RFC 9112 §3.1](rfc:9112#3.1)): letters, digits and ``!#$%&'*+-.^_`|~`` only.",
		Ref:     Ref{9112, "3.1"}}
	noteRequestLineSpaces = &Note{ID: "request-line-spaces", Category: Syntax, Level: Bad, Status: 400,
		Summary: "The parts of the request-line are not separated by exactly one SP.",
		Detail: "The request-line's parts are separated by single spaces ([RFC 9112 §3](rfc:9112#3)). " +
			"Lenient whitespace splitting is allowed but discouraged, because parsers that split differently disagree about the request: a request-smuggling risk. " +
			"This server is strict.",
		Ref: Ref{9112, "3"}}
	noteRequestLineLenient = &Note{ID: "request-line-lenient", Category: Syntax, Level: Warn,
		Summary: "The request-line's parts are not separated by single spaces; this server splits on any whitespace.",
		Detail: "A recipient MAY \"parse on whitespace-delimited word boundaries and, aside from the CRLF terminator, treat any form of whitespace as the SP separator while ignoring preceding or trailing whitespace\" ([RFC 9112 §3](rfc:9112#3)). " +
			"It is lenient, and risky: a proxy that splits strictly and a server that splits leniently can see different requests. " +
			"The strict setting answers 400.",
		Ref: Ref{9112, "3"}}
	noteTargetWhitespace = &Note{ID: "target-whitespace", Category: Syntax, Level: Bad, Status: 400,
		Summary: "The request-target {target} contains whitespace.",
		Detail: "\"Recipients of an invalid request-line SHOULD respond with either a 400 (Bad Request) error or a 301 (Moved Permanently) redirect with the request-target properly encoded\" ([RFC 9112 §3.2](rfc:9112#3.2)). " +
			"Spaces in a URI must be percent-encoded as `%20`.",
		Ref: Ref{9112, "3.2"}}
	noteTargetBadByte = &Note{ID: "target-bad-byte", Category: Syntax, Level: Bad, Status: 400,
		Summary: "The request-target {target} contains a byte that is not visible ASCII.",
		Detail:  "A URI is ASCII ([RFC 3986 §2](rfc:3986#2)); other bytes must be percent-encoded ([RFC 3986 §2.1](rfc:3986#2.1)), and a request-line that holds them is invalid, which gets 400 ([RFC 9112 §3.2](rfc:9112#3.2)).",
		Ref:     Ref{9112, "3.2"}}
	noteVersionSyntax = &Note{ID: "version-syntax", Category: Syntax, Level: Bad, Status: 400,
		Summary: "The version {version} is not HTTP/DIGIT.DIGIT.",
		Detail: "`HTTP-version = HTTP-name \"/\" DIGIT \".\" DIGIT` and `HTTP-name` is case-sensitive `HTTP` ([RFC 9112 §2.3](rfc:9112#2.3)). " +
			"`http/1.1` and `HTTP/1.10` are not versions.",
		Ref: Ref{9112, "2.3"}}
	noteHTTP10 = &Note{ID: "http10", Category: Syntax, Level: Info,
		Summary: "This is an HTTP/1.0 request: the server must ignore Upgrade and a 100-continue expectation, and never sends a 1xx.",
		Detail: "HTTP/1.0 has no Upgrade. " +
			"A server MUST ignore an Upgrade field received in an HTTP/1.0 request ([RFC 9110 §7.8](rfc:9110#7.8)), MUST ignore a 100-continue expectation in one ([RFC 9110 §10.1.1](rfc:9110#10.1.1)), and does not send 1xx responses to an HTTP/1.0 client ([RFC 9110 §15.2](rfc:9110#15.2)). " +
			"It is not a 505 case: 505 is about the *major* version.",
		Ref: Ref{9110, "7.8"}, Myth: "An HTTP/1.0 client can upgrade, or gets 505."}
	noteHigherMinor = &Note{ID: "http-higher-minor", Category: Syntax, Level: Info,
		Summary: "{version} is treated as HTTP/1.1, the highest minor version this server speaks.",
		Detail: "Minor versions are backward-compatible: a recipient can treat a message with a higher minor version as the highest minor version it supports ([RFC 9110 §2.5](rfc:9110#2.5)). " +
			"Go does this too.",
		Ref: Ref{9110, "2.5"}}
	noteVersionUnsupported = &Note{ID: "version-unsupported", Category: Syntax, Level: Bad, Status: 505,
		Summary: "HTTP major version {version} is not supported on this HTTP/1.1 connection.",
		Detail: "505 (HTTP Version Not Supported) means the server does not support the request's *major* version ([RFC 9110 §15.6.6](rfc:9110#15.6.6)). " +
			"HTTP/2 and HTTP/3 are not textual: `GET / HTTP/2.0` on an HTTP/1.1 connection is never a real HTTP/2 request.",
		Ref: Ref{9110, "15.6.6"}}
	noteMethodCase = &Note{ID: "method-case", Category: Syntax, Level: Bad, Status: 501,
		Summary: "The method {method} is not implemented: methods are case-sensitive.",
		Detail: "\"The method token is case-sensitive\" ([RFC 9110 §9.1](rfc:9110#9.1)): `get` is not `GET`. " +
			"A server that does not implement a method answers 501 (Not Implemented).",
		Ref: Ref{9110, "9.1"}, Myth: "HTTP methods are case-insensitive."}
	noteMethodUnknown = &Note{ID: "method-unknown", Category: Syntax, Level: Bad, Status: 501,
		Summary: "The method {method} is not implemented by this server.",
		Detail:  "An origin server that does not recognise or implement a method SHOULD respond with 501 (Not Implemented) ([RFC 9110 §9.1](rfc:9110#9.1)).",
		Ref:     Ref{9110, "9.1"}}
	noteTargetChar = &Note{ID: "target-char", Category: Syntax, Level: Warn,
		Summary: "The request-target {target} holds {char}, which a URI path or query does not allow unencoded.",
		Detail: "`origin-form = absolute-path [ \"?\" query ]` ([RFC 9112 §3.2.1](rfc:9112#3.2.1)), and a path holds only unreserved characters, sub-delims, `:`, `@`, `/` and `%` followed by two hex digits ([RFC 3986 §3.3](rfc:3986#3.3)); a query may also hold `?` ([RFC 3986 §3.4](rfc:3986#3.4)); a fragment (`#`) is never sent. " +
			"Most servers, Go's included, accept such targets anyway, so this server only warns. " +
			"A client should percent-encode the character.",
		Ref: Ref{9112, "3.2.1"}}
	noteAsteriskForm = &Note{ID: "asterisk-form-method", Category: Syntax, Level: Bad, Status: 400,
		Summary: "The asterisk-form * is used with {method}; it is only for OPTIONS.",
		Detail:  "The asterisk-form is only used for a server-wide OPTIONS request ([RFC 9112 §3.2.4](rfc:9112#3.2.4)).",
		Ref:     Ref{9112, "3.2.4"}}
	noteAbsoluteForm = &Note{ID: "absolute-form", Category: Syntax, Level: Info,
		Summary: "The request-target {target} is in absolute-form: its authority replaces Host.",
		Detail: "A server MUST accept the absolute-form. " +
			"When it is used, the server ignores the Host field and uses the target's authority ([RFC 9112 §3.2.2](rfc:9112#3.2.2)). " +
			"Clients send it to proxies.",
		Ref: Ref{9112, "3.2.2"}}
	noteMethodPRI = &Note{ID: "method-pri", Category: Syntax, Level: Bad, Status: 501,
		Summary: "The method PRI is not implemented: PRI only begins the HTTP/2 connection preface (PRI * HTTP/2.0), never an {version} request.",
		Detail: "The HTTP/2 client preface starts with `PRI * HTTP/2.0`, chosen so that an HTTP/1.1 server refuses it ([RFC 9113 §3.4](rfc:9113#3.4)). " +
			"PRI is registered as a method for that reason alone: \"This method is never used by an actual client. This method will appear to be used when an HTTP/1.1 server or intermediary attempts to parse an HTTP/2 connection preface\" ([RFC 7540 §11.6](rfc:7540#11.6)). " +
			"With an HTTP/1.x version it is not the preface and has no semantics, so this server, which does not implement it, answers 501 (Not Implemented), as an origin server SHOULD for such a method ([RFC 9110 §9.1](rfc:9110#9.1)). " +
			"Go's net/http hands it to the application, which answers 200 unless it checks the method. " +
			"A client with prior knowledge of HTTP/2 sends the whole preface, version 2.0 included ([RFC 9113 §3.3](rfc:9113#3.3)).",
		Ref: Ref{7540, "11.6"}}
	noteTargetUserinfo = &Note{ID: "target-userinfo", Category: Syntax, Level: Bad, Status: 400,
		Summary: "The request-target {target} has userinfo ({userinfo}) before its host, which an http or https target must not carry.",
		Detail: "\"A sender MUST NOT generate the userinfo subcomponent (and its '@' delimiter) when an 'http' or 'https' URI reference is generated within a message as a target URI or field value\", and \"a recipient SHOULD parse for userinfo and treat its presence as an error; it is likely being used to obscure the authority for the sake of phishing attacks\" ([RFC 9110 §4.2.4](rfc:9110#4.2.4)). " +
			"This server treats it as an error and answers 400, as nginx does; Go's net/http accepts it and hands the application the target with its userinfo. " +
			"Credentials belong in the `Authorization` field ([RFC 9110 §11.6.2](rfc:9110#11.6.2)).",
		Ref: Ref{9110, "4.2.4"}}
	noteTargetEmptyHost = &Note{ID: "target-empty-host", Category: Syntax, Level: Bad, Status: 400,
		Summary: "The request-target {target} has an empty host.",
		Detail: "\"A sender MUST NOT generate an 'http' URI with an empty host identifier. A recipient that processes such a URI reference MUST reject it as invalid\" ([RFC 9110 §4.2.1](rfc:9110#4.2.1)); the same holds for `https` ([RFC 9110 §4.2.2](rfc:9110#4.2.2)). " +
			"With the absolute-form the target's authority replaces Host ([RFC 9112 §3.2.2](rfc:9112#3.2.2)), so this request names no host at all.",
		Ref: Ref{9110, "4.2.1"}}
	noteTargetForm = &Note{ID: "target-form", Category: Syntax, Level: Bad, Status: 400,
		Summary: "The request-target {target} is not in origin-form, absolute-form, authority-form or asterisk-form.",
		Detail:  "A request-target starts with `/` (origin-form), a scheme (absolute-form), is `host:port` for CONNECT (authority-form), or is `*` for OPTIONS ([RFC 9112 §3.2](rfc:9112#3.2)).",
		Ref:     Ref{9112, "3.2"}}
	noteConnectForm = &Note{ID: "connect-form", Category: Syntax, Level: Bad, Status: 400,
		Summary: "CONNECT needs the authority-form host:port, not {target}.",
		Detail:  "The authority-form is used only for CONNECT, and CONNECT uses only it ([RFC 9112 §3.2.3](rfc:9112#3.2.3)).",
		Ref:     Ref{9112, "3.2.3"}}
	noteHeaderTooLarge = &Note{ID: "header-too-large", Category: Syntax, Level: Bad, Status: 431,
		Summary: "The header section is larger than this server's limit of {limit} bytes.",
		Detail: "A server that receives a header section larger than it wishes to process MUST respond with a 4xx status ([RFC 9110 §5.4](rfc:9110#5.4)); 431 (Request Header Fields Too Large) is the specific one ([RFC 6585 §5](rfc:6585#5)). " +
			"Go uses 431, and so does python-websockets from version 17; python-websockets 10.4, as Debian 12 ships it, answers 400.",
		Ref: Ref{9110, "5.4"}}
	noteTooManyFields = &Note{ID: "too-many-fields", Category: Syntax, Level: Bad, Status: 431,
		Summary: "The request has more than {limit} field lines, this server's limit.",
		Detail:  "Servers bound the number of field lines they read and answer 4xx beyond it ([RFC 9110 §5.4](rfc:9110#5.4)).",
		Ref:     Ref{9110, "5.4"}}
	noteFieldLineTooLong = &Note{ID: "field-line-too-long", Category: Syntax, Level: Bad, Status: 431,
		Summary: "The {name} field line is {size} bytes, over this server's limit of {limit}.",
		Detail: "A server that receives a field line larger than it wishes to process MUST respond with a 4xx status ([RFC 9110 §5.4](rfc:9110#5.4)). " +
			"431 (Request Header Fields Too Large) is the specific one, and its response SHOULD say which field was too large ([RFC 6585 §5](rfc:6585#5)).",
		Ref: Ref{9110, "5.4"}}
	noteWhitespaceAfterStartLine = &Note{ID: "whitespace-after-start-line", Category: Syntax, Level: Bad, Status: 400,
		Summary: "The first field line starts with whitespace.",
		Detail: "\"A recipient that receives whitespace between the start-line and the first header field MUST either reject the message as invalid or consume each whitespace-preceded line without further processing\" ([RFC 9112 §2.2](rfc:9112#2.2)). " +
			"Such a line could be read as a field by one parser and as part of the request-line by another. " +
			"Go rejects it; so does this server.",
		Ref: Ref{9112, "2.2"}}
	noteObsFoldRejected = &Note{ID: "obs-fold-rejected", Category: Syntax, Level: Bad, Status: 400,
		Summary: "A field line starts with whitespace: an obsolete line folding (obs-fold).",
		Detail: "A server that receives an obs-fold in a request \"MUST either reject the message by sending a 400 (Bad Request), preferably with a representation explaining that obsolete line folding is unacceptable, or replace each received obs-fold with one or more SP octets\" ([RFC 9112 §5.2](rfc:9112#5.2)). " +
			"This server rejects it, like Node and python-websockets; Go unfolds it (the setting \"obs-fold\").",
		Ref: Ref{9112, "5.2"}}
	noteObsFoldUnfolded = &Note{ID: "obs-fold-unfolded", Category: Syntax, Level: Warn,
		Summary: "The {name} field is folded over several lines; the fold is replaced by SP.",
		Detail: "obs-fold is obsolete; a server MAY replace it with SP instead of answering 400 ([RFC 9112 §5.2](rfc:9112#5.2)). " +
			"Go does so. " +
			"Senders MUST NOT generate it.",
		Ref: Ref{9112, "5.2"}}
	noteObsFoldNoField = &Note{ID: "obs-fold-no-field", Category: Syntax, Level: Bad, Status: 400,
		Summary: "A line of the {section} starts with whitespace, but no field line comes before it for it to continue.",
		Detail: "A line that starts with whitespace is an obsolete line folding, `obs-fold = OWS CRLF RWS`, which continues the field line before it ([RFC 9112 §5.2](rfc:9112#5.2)). " +
			"Here no field line precedes it in its section, so there is nothing to unfold it into, and it is not a field line either: `field-line = field-name \":\" OWS field-value OWS` ([RFC 9112 §5](rfc:9112#5)). " +
			"A server answers 400 to what does not match the grammar ([RFC 9112 §2.2](rfc:9112#2.2)), whether it rejects obs-fold or unfolds it.",
		Ref: Ref{9112, "5.2"}}
	noteNoColon = &Note{ID: "field-no-colon", Category: Syntax, Level: Bad, Status: 400,
		Summary: "A field line has no colon.",
		Detail: "`field-line = field-name \":\" OWS field-value OWS` ([RFC 9112 §5](rfc:9112#5)). " +
			"A line without a colon is not a field line; a server answers 400.",
		Ref: Ref{9112, "5"}}
	noteSpaceBeforeColon = &Note{ID: "space-before-colon", Category: Syntax, Level: Bad, Status: 400,
		Summary: "Whitespace between the field name {name} and the colon.",
		Detail: "\"No whitespace is allowed between the field name and colon ... A server MUST reject, with a response status code of 400 (Bad Request), any received request message that contains whitespace between a header field name and colon\" ([RFC 9112 §5.1](rfc:9112#5.1)). " +
			"It was a request-smuggling vector: a proxy that strips the space and one that does not see different fields. " +
			"Go and Node answer 400; gobwas trims the name and accepts.",
		Ref: Ref{9112, "5.1"}}
	noteFieldNameNotToken = &Note{ID: "field-name-not-token", Category: Syntax, Level: Bad, Status: 400,
		Summary: "The field name {name} is not a token.",
		Detail:  "`field-name = token` ([RFC 9110 §5.1](rfc:9110#5.1)): no spaces, no delimiters such as `(),/:;<=>?@[\\]{}` and no non-ASCII.",
		Ref:     Ref{9110, "5.1"}}
	noteValueCRLFNUL = &Note{ID: "value-cr-lf-nul", Category: Syntax, Level: Bad, Status: 400,
		Summary: "The {name} value contains {byte}.",
		Detail: "\"Field values containing CR, LF, or NUL characters are invalid and dangerous ... a recipient of CR, LF, or NUL within a field value MUST either reject the message or replace each of those characters with SP\" ([RFC 9110 §5.5](rfc:9110#5.5)). " +
			"This server rejects it.",
		Ref: Ref{9110, "5.5"}}
	noteValueCTL = &Note{ID: "value-ctl", Category: Syntax, Level: Bad, Status: 400,
		Summary: "The {name} value contains the control character {byte}.",
		Detail: "Field values are visible characters, SP, HTAB and obs-text ([RFC 9110 §5.5](rfc:9110#5.5)). " +
			"Other control characters are invalid; Go rejects them, and so does this server.",
		Ref: Ref{9110, "5.5"}}
	noteValueObsText = &Note{ID: "value-obs-text", Category: Syntax, Level: Warn,
		Summary: "The {name} value contains bytes above 0x7F (obs-text).",
		Detail: "Non-ASCII bytes are allowed in field values only as obs-text, which recipients treat as opaque data ([RFC 9110 §5.5](rfc:9110#5.5)). " +
			"They are not characters in any defined encoding.",
		Ref: Ref{9110, "5.5"}}
	noteHostMissing = &Note{ID: "host-missing", Category: Syntax, Level: Bad, Status: 400,
		Summary: "The HTTP/1.1 request has no Host field.",
		Detail: "\"A server MUST respond with a 400 (Bad Request) status code to any HTTP/1.1 request message that lacks a Host header field\" ([RFC 9112 §3.2](rfc:9112#3.2)). " +
			"WebSocket requests are HTTP/1.1 requests: the rule applies ([RFC 6455 §4.2.1](rfc:6455#4.2.1) item 2). " +
			"Node's ws and python-websockets do not check it and answer 101.",
		Ref: Ref{9112, "3.2"}}
	noteHostDuplicate = &Note{ID: "host-duplicate", Category: Syntax, Level: Bad, Status: 400,
		Summary: "The request has more than one Host field line.",
		Detail:  "A server MUST respond 400 to a request with more than one Host field line ([RFC 9112 §3.2](rfc:9112#3.2)): two hosts let a proxy and a server route the same request differently.",
		Ref:     Ref{9112, "3.2"}}
	noteHostAuthorityDiffers = &Note{ID: "host-authority-differs", Category: Syntax, Level: Warn,
		Summary: "Host {host} differs from the target's authority {authority}; the authority is used.",
		Detail: "With an absolute-form request-target, an origin server \"MUST ignore the received Host header field (if any) and instead use the host information of the request-target\" ([RFC 9112 §3.2.2](rfc:9112#3.2.2)). " +
			"A client MUST send a Host identical to the target's authority ([RFC 9112 §3.2](rfc:9112#3.2)); two different hosts in one request let a proxy and a server route it differently.",
		Ref: Ref{9112, "3.2.2"}}
	noteHostInvalid = &Note{ID: "host-invalid", Category: Syntax, Level: Bad, Status: 400,
		Summary: "The Host value {host} is not a valid host [ \":\" port ].",
		Detail:  "`Host = uri-host [ \":\" port ]` ([RFC 9110 §7.2](rfc:9110#7.2)); a server MUST answer 400 to an invalid Host value ([RFC 9112 §3.2](rfc:9112#3.2)).",
		Ref:     Ref{9112, "3.2"}}
)

// requestNotes lists the notes of this file for the catalogue (note.go). It is a
// function, called once, so that the list is no init-time work.
func requestNotes() []*Note {
	return []*Note{
		noteEmpty,
		noteTooLarge,
		noteRequestHeadTooLarge,
		noteTraceTruncated,
		noteLeadingEmptyLine,
		noteIncompleteHeader,
		noteBareLFAccepted,
		noteBareLFRejected,
		noteBareCR,
		noteBareCRReplaced,
		noteNULReplaced,
		noteRequestLineTooLong,
		noteMethodTooLong,
		noteRequestLineForm,
		noteMissingVersion,
		noteMethodNotToken,
		noteRequestLineSpaces,
		noteRequestLineLenient,
		noteTargetWhitespace,
		noteTargetBadByte,
		noteVersionSyntax,
		noteHTTP10,
		noteHigherMinor,
		noteVersionUnsupported,
		noteMethodCase,
		noteMethodUnknown,
		noteTargetChar,
		noteAsteriskForm,
		noteAbsoluteForm,
		noteMethodPRI,
		noteTargetUserinfo,
		noteTargetEmptyHost,
		noteTargetForm,
		noteConnectForm,
		noteHeaderTooLarge,
		noteTooManyFields,
		noteFieldLineTooLong,
		noteWhitespaceAfterStartLine,
		noteObsFoldRejected,
		noteObsFoldUnfolded,
		noteObsFoldNoField,
		noteNoColon,
		noteSpaceBeforeColon,
		noteFieldNameNotToken,
		noteValueCRLFNUL,
		noteValueCTL,
		noteValueObsText,
		noteHostMissing,
		noteHostDuplicate,
		noteHostAuthorityDiffers,
		noteHostInvalid,
	}
}
