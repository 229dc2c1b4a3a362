package engine

import (
	"bytes"
	"strconv"
	"strings"
)

// The websockets profile: python-websockets 10.4 as Debian 12 ships it
// (python3-websockets, Python 3.11), websockets.serve() with its defaults:
// compression="deflate" (permessage-deflate with window bits 12 both
// ways), no subprotocols, no origin check. Its legacy server reads the
// request with its own strict parser (legacy/http.py read_request), then
// check_request (legacy/handshake.py) checks Connection, Upgrade, the key
// and the version, in that order; each failure is an exception whose text
// becomes the body of the answer.

// websocketsServer is the Server field every answer of websockets.serve()
// carries (websockets.http.USER_AGENT).
const websocketsServer = "Python/3.11 websockets/10.4"

// websocketsMaxLine and websocketsMaxHeaders are legacy/http.py's limits:
// a line of at most 4110 bytes with its CRLF, at most 256 fields.
const (
	websocketsMaxLine    = 4110
	websocketsMaxHeaders = 256
)

var websocketsProfile = &Profile{
	ID: "websockets", Title: "python-websockets 10.4", Library: "websockets", Version: "10.4",
	Setup:     "websockets.serve(handler, host, port) as Debian 12 ships it (Python 3.11).",
	configure: websocketsProfileConfig,
	run:       runWebsockets,
	unsupported: [][]unsupported{{
		{"wsmethod", "405", "another answer to a handshake that is not a GET: its parser answers 400 to any other method"},
		{"wsversion", "400", "another answer to an unsupported version: it always answers 400"},
		{"wsorigin", "any", "this origin check in the reference setup (serve() takes origins=, unset here)"},
		{"wsonly", "426", "another answer to a request that is not a handshake: it always answers 426 with Upgrade: websocket"},
		{"pmdzlib", "0", "another deflate implementation (it uses zlib's, which this setting does not change)"},
	}},
}

// websocketsProfileConfig sets the settings to serve()'s defaults.
func websocketsProfileConfig(c *Config) {
	c.WebSocket.Enabled = true
	c.WebSocket.Only = "426"
	c.WebSocket.Subprotocols = nil
	c.WebSocket.Deflate.Enabled = true
	c.WebSocket.Deflate.ServerMaxBits = 12
	c.WebSocket.Deflate.ClientMaxBits = 12
}

// A pyField is one field line as read_headers keeps it.
type pyField struct {
	name, value string
	span        Span
}

// websocketsRead is read_request: the request-line must be exactly
// "GET <path> HTTP/1.1", every line must end with CRLF, names are tokens
// and values hold no control byte but HTAB. It returns the fields, the
// offset after the head, and why the request is invalid ("" when it is
// valid). complete is false when the head has not ended yet.
func websocketsRead(raw []byte) (fields []pyField, end int, why string, sp Span, complete bool) {
	pos := 0
	readLine := func() (line []byte, start int, ok bool) {
		i := bytes.IndexByte(raw[pos:], '\n')
		if i < 0 {
			return nil, pos, false
		}
		start = pos
		line = raw[pos : pos+i+1]
		pos += i + 1
		return line, start, true
	}
	line, start, ok := readLine()
	if !ok {
		return nil, 0, "", Span{}, false
	}
	bad := func(why string, start int, line []byte) ([]pyField, int, string, Span, bool) {
		return nil, 0, why, Span{start, start + len(bytes.TrimRight(line, "\r\n"))}, true
	}
	if len(line) > websocketsMaxLine {
		return bad("line too long", start, line)
	}
	if !bytes.HasSuffix(line, []byte("\r\n")) {
		return bad("line without CRLF", start, line)
	}
	parts := strings.SplitN(string(line[:len(line)-2]), " ", 3)
	switch {
	case len(parts) < 3:
		return bad("invalid HTTP request line: "+string(line[:len(line)-2]), start, line)
	case parts[0] != "GET":
		return bad("unsupported HTTP method: "+parts[0], start, line)
	case parts[2] != "HTTP/1.1":
		return bad("unsupported HTTP version: "+parts[2], start, line)
	}
	for range websocketsMaxHeaders + 1 {
		line, start, ok := readLine()
		if !ok {
			return nil, 0, "", Span{}, false
		}
		if len(line) > websocketsMaxLine {
			return bad("line too long", start, line)
		}
		if !bytes.HasSuffix(line, []byte("\r\n")) {
			return bad("line without CRLF", start, line)
		}
		l := line[:len(line)-2]
		if len(l) == 0 {
			return fields, pos, "", Span{}, true
		}
		name, value, found := bytes.Cut(l, []byte(":"))
		if !found {
			return bad("invalid HTTP header line: "+string(l), start, line)
		}
		if !isToken(string(name)) {
			return bad("invalid HTTP header name: "+string(name), start, line)
		}
		value = bytes.Trim(value, " \t")
		for _, c := range value {
			if c < 0x20 && c != '\t' || c == 0x7f {
				return bad("invalid HTTP header value: "+string(value), start, line)
			}
		}
		fields = append(fields, pyField{string(name), string(value), Span{start, start + len(l)}})
	}
	return bad("too many HTTP headers", start, line)
}

// pyGetAll is Headers.get_all: every value of a name, case-insensitively.
func pyGetAll(fields []pyField, name string) (vals []string, sp Span) {
	for _, f := range fields {
		if equalFold(f.name, name) {
			vals = append(vals, f.value)
			if sp.Empty() {
				sp = f.span
			} else {
				sp.End = f.span.End
			}
		}
	}
	return vals, sp
}

// pyParseList is websockets.headers.parse_list over items that item
// parses at pos (on an error, item returns where it failed); it returns the items, or the error text of
// InvalidHeaderFormat ("expected token at 0 in ;;;").
func pyParseList(header string, item func(h string, pos int) (string, int, string)) ([]string, string) {
	pos := 0
	ows := func(p int) int {
		for p < len(header) && (header[p] == ' ' || header[p] == '\t') {
			p++
		}
		return p
	}
	for pos < len(header) && header[pos] == ',' {
		pos = ows(pos + 1)
	}
	var items []string
	for range len(header) + 1 {
		it, next, err := item(header, pos)
		if err != "" {
			// next is where the item's parser failed.
			return nil, err + " at " + strconv.Itoa(next) + " in " + header
		}
		items = append(items, it)
		pos = ows(next)
		if pos == len(header) {
			break
		}
		if header[pos] != ',' {
			return nil, "expected comma at " + strconv.Itoa(pos) + " in " + header
		}
		pos = ows(pos + 1)
		for pos < len(header) && header[pos] == ',' {
			pos = ows(pos + 1)
		}
		if pos == len(header) {
			break
		}
	}
	return items, ""
}

// pyToken is parse_token: the longest run of tchar at pos.
func pyToken(h string, pos int) (string, int, string) {
	i := pos
	for i < len(h) && isTchar[h[i]] {
		i++
	}
	if i == pos {
		return "", pos, "expected token"
	}
	return h[pos:i], i, ""
}

// pyProtocol is parse_upgrade_protocol: token ["/" token].
func pyProtocol(h string, pos int) (string, int, string) {
	tok, i, err := pyToken(h, pos)
	if err != "" {
		return "", pos, "expected protocol"
	}
	if i < len(h) && h[i] == '/' {
		if v, j, err := pyToken(h, i+1); err == "" {
			return tok + "/" + v, j, ""
		}
	}
	return tok, i, ""
}

// pyInvalidHeader is the text of websockets' InvalidHeader(name, value).
func pyInvalidHeader(name string, value *string) string {
	switch {
	case value == nil:
		return "missing " + name + " header"
	case *value == "":
		return "empty " + name + " header"
	}
	return "invalid " + name + " header: " + *value
}

// runWebsockets plays the websockets profile.
func runWebsockets(n *negotiation) {
	r := n.req
	n.t = newTrace() // websockets' own parser replaces the default server's
	n.t.prof = n.prof
	n.t.stage = StageSyntax
	fields, _, why, sp, complete := websocketsRead(r.Raw)
	if !complete {
		n.res.Waiting = "the rest of the header section (it ends with an empty line)"
		return
	}
	fail := func(status int, check string, sp Span, note *Note, message string) {
		body := "Failed to open a WebSocket connection: " + message + ".\n"
		resp := &Response{Status: status}
		if status == 426 {
			body += "\nYou cannot access a WebSocket server directly with a browser. You need a WebSocket client.\n"
			resp.Add("Upgrade", "websocket")
		}
		step := n.t.refuse(check, sp, note, Var{"message", message})
		n.final(websocketsText(resp, body), step)
	}
	if why != "" {
		n.t.stage = StageResponse
		fail(400, "read_request reads an HTTP/1.1 GET request", sp, noteWebsocketsParse, "did not receive a valid HTTP request")
		n.t.steps[len(n.t.steps)-1].Vars = append(n.t.steps[len(n.t.steps)-1].Vars, Var{"why", why})
		return
	}
	n.t.pass("read_request reads an HTTP/1.1 GET request", r.LineSpan, noteWebsocketsParsed)
	n.t.stage = StageWebSocket
	// check_request: Connection, then Upgrade.
	// list parses every line of the field as websockets' parse_connection
	// or parse_upgrade does; on an error it has answered 400.
	list := func(name, check string, item func(string, int) (string, int, string)) ([]string, Span, bool) {
		lines, sp := pyGetAll(fields, name)
		var all []string
		for _, v := range lines {
			items, err := pyParseList(v, item)
			if err != "" {
				fail(400, check, sp, noteWebsocketsHeader, "invalid "+name+" header: "+err)
				return nil, sp, false
			}
			all = append(all, items...)
		}
		return all, sp, true
	}
	options, connSpan, ok := list("Connection", "Connection parses as a list of tokens", pyToken)
	if !ok {
		return
	}
	hasUpgrade := false
	for _, o := range options {
		hasUpgrade = hasUpgrade || equalFold(o, "upgrade")
	}
	if !hasUpgrade {
		v := strings.Join(options, ", ")
		fail(426, "Connection includes upgrade", orLine(connSpan, r), noteWebsocketsUpgradeRequired, pyInvalidHeader("Connection", &v))
		return
	}
	protocols, upSpan, ok := list("Upgrade", "Upgrade parses as a list of protocols", pyProtocol)
	if !ok {
		return
	}
	if len(protocols) != 1 || !equalFold(protocols[0], "websocket") {
		v := strings.Join(protocols, ", ")
		fail(426, "Upgrade is the single protocol websocket", orLine(upSpan, r), noteWebsocketsUpgradeRequired, pyInvalidHeader("Upgrade", &v))
		return
	}
	n.t.pass("Connection includes upgrade and Upgrade is websocket", upSpan, nil)
	single := func(name string) (string, Span, string) {
		vals, sp := pyGetAll(fields, name)
		switch len(vals) {
		case 0:
			return "", orLine(sp, r), pyInvalidHeader(name, nil)
		case 1:
			return vals[0], sp, ""
		}
		more := "more than one " + name + " header found"
		return "", sp, pyInvalidHeader(name, &more)
	}
	key, keySpan, err := single("Sec-WebSocket-Key")
	if err == "" && !websocketsKey(key) {
		err = pyInvalidHeader("Sec-WebSocket-Key", &key)
	}
	if err != "" {
		fail(400, "Sec-WebSocket-Key is one base64 value of 16 bytes", keySpan, noteWebsocketsHeader, err)
		return
	}
	n.t.pass("Sec-WebSocket-Key is one base64 value of 16 bytes", keySpan, nil)
	version, versionSpan, err := single("Sec-WebSocket-Version")
	if err == "" && version != "13" {
		err = pyInvalidHeader("Sec-WebSocket-Version", &version)
	}
	if err != "" {
		fail(400, "Sec-WebSocket-Version is one field, 13", versionSpan, noteWebsocketsHeader, err)
		return
	}
	n.t.pass("Sec-WebSocket-Version is one field, 13", versionSpan, nil)
	// process_origin reads Origin with headers.get, which fails on two.
	if origins, originSpan := pyGetAll(fields, "Origin"); len(origins) > 1 {
		more := "more than one Origin header found"
		fail(400, "at most one Origin", originSpan, noteWebsocketsHeader, pyInvalidHeader("Origin", &more))
		return
	}
	_, _, accept := acceptSteps(key)
	resp := &Response{Status: 101}
	resp.Add("Upgrade", "websocket")
	resp.Add("Connection", "Upgrade")
	resp.Add("Sec-WebSocket-Accept", accept)
	// process_extensions: only with compression on.
	if exts, extSpan := pyGetAll(fields, "Sec-WebSocket-Extensions"); len(exts) > 0 {
		if !n.cfg.WebSocket.Deflate.Enabled {
			n.t.skip("compression is on", extSpan, noteWebsocketsNoCompression)
		} else {
			accepted, err := websocketsDeflate(exts, n.cfg.WebSocket.Deflate)
			if err != "" {
				fail(400, "Sec-WebSocket-Extensions parses", extSpan, noteWebsocketsHeader, "invalid Sec-WebSocket-Extensions header: "+err)
				return
			}
			if strings.Contains(accepted, "server_max_window_bits=8") {
				// zlib cannot compress with a 256-byte window: creating the
				// compressor raises, and serve() answers 500.
				step := n.t.refuse("the server can compress with the window the client asks", extSpan, noteWebsocketsZlib8)
				n.final(websocketsText(&Response{Status: 500}, "Failed to open a WebSocket connection.\nSee server log for more information.\n"), step)
				return
			}
			if accepted != "" {
				resp.Add("Sec-WebSocket-Extensions", accepted)
				n.t.pass("permessage-deflate is accepted", extSpan, noteWebsocketsDeflate, Var{"extensions", accepted})
			} else {
				n.t.skip("an offer is acceptable", extSpan, noteWebsocketsDeflateDeclined)
			}
		}
	}
	// process_subprotocol: only with subprotocols configured.
	if offers, protoSpan := pyGetAll(fields, "Sec-WebSocket-Protocol"); len(offers) > 0 && len(n.cfg.WebSocket.Subprotocols) > 0 {
		var client []string
		for _, v := range offers {
			items, err := pyParseList(v, pyToken)
			if err != "" {
				fail(400, "Sec-WebSocket-Protocol parses as a list of tokens", protoSpan, noteWebsocketsHeader, "invalid Sec-WebSocket-Protocol header: "+err)
				return
			}
			client = append(client, items...)
		}
		if p := websocketsSelect(client, n.cfg.WebSocket.Subprotocols); p != "" {
			resp.Add("Sec-WebSocket-Protocol", p)
			n.t.pass("a protocol both sides support is selected", protoSpan, noteWebsocketsSubprotocol, Var{"protocol", p})
		}
	} else if len(offers) > 0 {
		n.t.skip("the server has subprotocols", protoSpan, noteWebsocketsNoSubprotocols)
	}
	resp.Add("Server", websocketsServer)
	n.t.stage = StageResponse
	n.t.pass("websockets writes the 101", Span{}, noteWebsocketsSwitched, Var{"accept", accept})
	n.final(resp, -1)
	n.res.Switched = "websocket"
	n.t.stage = StageAfter
	n.res.After = websocketAfter(n)
}

// orLine is sp, or the request-line when sp is empty (a missing field).
func orLine(sp Span, r *Request) Span {
	if sp.Empty() {
		return r.LineSpan
	}
	return sp
}

// websocketsKey is check_request's key test: base64.b64decode(key,
// validate=True) succeeds and gives 16 bytes. Python's decoder accepts
// non-zero padding bits.
func websocketsKey(k string) bool {
	if len(k) != 24 || k[22:] != "==" {
		return false
	}
	for i := range 22 {
		if !isBase64(k[i]) {
			return false
		}
	}
	return true
}

// websocketsSelect is select_subprotocol: among the protocols both sides
// have, the one whose client index plus server index is lowest. A tie is
// broken by the order of a Python set, which depends on the process's hash
// seed; here the server's order breaks it.
func websocketsSelect(client, server []string) string {
	best, bestRank := "", -1
	for si, s := range server {
		for ci, c := range client {
			if c == s && (bestRank < 0 || ci+si < bestRank) {
				best, bestRank = s, ci+si
			}
		}
	}
	return best
}

// websocketsDeflate is process_extensions with serve()'s
// ServerPerMessageDeflateFactory (server_max_window_bits and
// client_max_window_bits from cfg, 12 by default): the first
// permessage-deflate offer whose parameters are valid is accepted; an
// offer with an unknown, repeated or invalid parameter is declined. It
// returns the response's extension, or the parse error's text.
func websocketsDeflate(values []string, cfg DeflateConfig) (string, string) {
	for _, v := range values {
		items, err := pyParseList(v, pyExtension)
		if err != "" {
			return "", err
		}
		for _, it := range items {
			name, params, _ := strings.Cut(it, "\x00")
			if name != "permessage-deflate" {
				continue
			}
			if out, ok := websocketsDeflateParams(params, cfg); ok {
				return out, ""
			}
		}
	}
	return "", ""
}

// pyExtension is parse_extension_item: a token, then "; name[=value]"
// parameters whose quoted values must be tokens. The item comes back as
// the name, NUL, and the parameters as "name=value" or "name" joined by
// NUL, for websocketsDeflateParams.
func pyExtension(h string, pos int) (string, int, string) {
	name, i, err := pyToken(h, pos)
	if err != "" {
		return "", pos, err
	}
	ows := func(p int) int {
		for p < len(h) && (h[p] == ' ' || h[p] == '\t') {
			p++
		}
		return p
	}
	out := name
	i = ows(i)
	for i < len(h) && h[i] == ';' {
		i = ows(i + 1)
		pname, j, err := pyToken(h, i)
		if err != "" {
			return "", i, err
		}
		item := pname
		j = ows(j)
		if j < len(h) && h[j] == '=' {
			j = ows(j + 1)
			var val string
			if j < len(h) && h[j] == '"' {
				v, n, ok := unquote(h[j:])
				if !ok {
					return "", j, "expected quoted string"
				}
				if !isToken(v) {
					return "", j, "invalid quoted header content"
				}
				val, j = v, j+n
			} else {
				v, k, err := pyToken(h, j)
				if err != "" {
					return "", j, err
				}
				val, j = v, k
			}
			item += "=" + val
			j = ows(j)
		}
		out += "\x00" + item
		i = j
	}
	return out, i, ""
}

// websocketsDeflateParams is ServerPerMessageDeflateFactory's
// process_request_params.
func websocketsDeflateParams(params string, cfg DeflateConfig) (string, bool) {
	var snct, cnct bool
	smwb, cmwb := 0, 0 // 0: absent; -1: client_max_window_bits without a value
	if params != "" {
		for _, p := range strings.Split(params, "\x00") {
			name, val, hasVal := strings.Cut(p, "=")
			bits := func() (int, bool) {
				b, err := strconv.Atoi(val)
				return b, hasVal && err == nil && b >= 8 && b <= 15 && strconv.Itoa(b) == val
			}
			switch name {
			case "server_no_context_takeover":
				if snct || hasVal {
					return "", false
				}
				snct = true
			case "client_no_context_takeover":
				if cnct || hasVal {
					return "", false
				}
				cnct = true
			case "server_max_window_bits":
				b, ok := bits()
				if smwb != 0 || !ok {
					return "", false
				}
				smwb = b
			case "client_max_window_bits":
				if cmwb != 0 {
					return "", false
				}
				if !hasVal {
					cmwb = -1
					break
				}
				b, ok := bits()
				if !ok {
					return "", false
				}
				cmwb = b
			default:
				return "", false
			}
		}
	}
	if cfg.ServerNoContext {
		snct = true
	}
	if cfg.ClientNoContext {
		cnct = true
	}
	if smwb == 0 || smwb > cfg.ServerMaxBits {
		smwb = cfg.ServerMaxBits
	}
	if cmwb == -1 || cmwb > cfg.ClientMaxBits {
		cmwb = cfg.ClientMaxBits
	}
	out := "permessage-deflate"
	if snct {
		out += "; server_no_context_takeover"
	}
	if cnct {
		out += "; client_no_context_takeover"
	}
	if smwb > 0 {
		out += "; server_max_window_bits=" + strconv.Itoa(smwb)
	}
	if cmwb > 0 {
		out += "; client_max_window_bits=" + strconv.Itoa(cmwb)
	}
	return out, true
}

// websocketsText completes a refusal as serve() writes it
// (legacy/server.py, WebSocketServerProtocol.handler): after Date, which
// the engine leaves out, its Server field, the body's length and type,
// Connection: close, and the text body.
func websocketsText(resp *Response, body string) *Response {
	resp.Add("Server", websocketsServer)
	resp.Add("Content-Length", strconv.Itoa(len(body)))
	resp.Add("Content-Type", "text/plain")
	resp.Add("Connection", "close")
	resp.Body = []byte(body)
	return resp
}
