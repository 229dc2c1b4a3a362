package clientpeer

import (
	"cmp"
	"crypto/sha1"
	"encoding/base64"
	"net/http"
	"slices"
	"strings"

	"github.com/upgrade-playground/playground/engine"
)

// An offer is what a client's handshake request offered, as far as the
// variations need to know: the key, the subprotocols in order, and the
// first permessage-deflate offer's parameters as sent.
type offer struct {
	H2C       bool
	Key       string
	Protocols []string
	Deflate   bool
	Params    []string // e.g. "client_max_window_bits", "server_max_window_bits=10"
}

// param reports whether the deflate offer has the parameter name, with or
// without a value.
func (o offer) param(name string) bool {
	for _, p := range o.Params {
		if n, _, _ := strings.Cut(p, "="); n == name {
			return true
		}
	}
	return false
}

// same reports whether two offers ask for the same things (the key aside).
func (o offer) same(p offer) bool {
	return o.H2C == p.H2C && slices.Equal(o.Protocols, p.Protocols) && o.Deflate == p.Deflate && slices.Equal(o.Params, p.Params)
}

// parseOffer reads the offer from a request's header, with net/http's
// parser (the mock server is test code; the engine is what is under test).
func parseOffer(h http.Header) offer {
	var o offer
	o.H2C = strings.EqualFold(strings.TrimSpace(h.Get("Upgrade")), "h2c")
	o.Key = strings.TrimSpace(h.Get("Sec-WebSocket-Key"))
	for _, v := range h.Values("Sec-WebSocket-Protocol") {
		for p := range strings.SplitSeq(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				o.Protocols = append(o.Protocols, p)
			}
		}
	}
	for _, v := range h.Values("Sec-WebSocket-Extensions") {
		for ext := range strings.SplitSeq(v, ",") {
			parts := strings.Split(ext, ";")
			if strings.TrimSpace(parts[0]) != "permessage-deflate" || o.Deflate {
				continue
			}
			o.Deflate = true
			for _, p := range parts[1:] {
				if p = strings.ReplaceAll(strings.TrimSpace(p), " ", ""); p != "" {
					o.Params = append(o.Params, p)
				}
			}
		}
	}
	return o
}

// An answer is a response head kept as lines, so that a variation can
// change exactly one thing in it.
type answer struct {
	Before string // an interim response written before the status line
	Status string // the status line, without its ending
	EOL    string // the ending of every line without its own
	// StatusEOL and End, when set, end the status line and the head (the
	// empty line).
	StatusEOL, End string
	Fields         []field
	Body           string // after the head (a refusal's body)
	// After is written with the head, in the same write: the bytes of the
	// new protocol that follow a 101 (h2c: the server's SETTINGS).
	After []byte
	// Then says what the server does after the head: "ws" (wait for the
	// client's message and answer it), "h2" (serve stream 1 over HTTP/2)
	// or "close".
	Then string
}

type field struct{ Name, Value, EOL string }

func (a *answer) index(name string) int {
	return slices.IndexFunc(a.Fields, func(f field) bool { return strings.EqualFold(f.Name, name) })
}

func (a *answer) add(name, value string) {
	a.Fields = append(a.Fields, field{Name: name, Value: value})
}

// set replaces the value of the first field with that name, or adds it.
func (a *answer) set(name, value string) {
	if i := a.index(name); i >= 0 {
		a.Fields[i].Value = value
		return
	}
	a.add(name, value)
}

// del removes every field with that name.
func (a *answer) del(name string) {
	a.Fields = slices.DeleteFunc(a.Fields, func(f field) bool { return strings.EqualFold(f.Name, name) })
}

// edit changes the first field with that name.
func (a *answer) edit(name string, fn func(*field)) {
	if i := a.index(name); i >= 0 {
		fn(&a.Fields[i])
	}
}

// dup writes the first field with that name twice.
func (a *answer) dup(name string) {
	if i := a.index(name); i >= 0 {
		a.Fields = slices.Insert(a.Fields, i+1, a.Fields[i])
	}
}

// bytes is the response's bytes: the interim response, the head, the body
// and what follows in the same write.
func (a *answer) bytes() []byte {
	var b strings.Builder
	b.WriteString(a.Before)
	b.WriteString(a.Status + cmp.Or(a.StatusEOL, a.EOL))
	for _, f := range a.Fields {
		b.WriteString(f.Name + ": " + f.Value + cmp.Or(f.EOL, a.EOL))
	}
	b.WriteString(cmp.Or(a.End, a.EOL))
	b.WriteString(a.Body)
	b.Write(a.After)
	return []byte(b.String())
}

// correct is the answer every client should accept: a 101 with the Accept
// computed from the request's key (RFC 6455 §4.2.2), the first offered
// subprotocol, and permessage-deflate echoing the offer's parameters that a
// server may echo (RFC 7692 §7.1); for h2c, the 101 and the server's
// connection preface, an empty SETTINGS frame (RFC 7540 §3.2, §3.5).
func correct(o offer) *answer {
	a := &answer{Status: "HTTP/1.1 101 Switching Protocols", EOL: "\r\n", Then: "ws"}
	if o.H2C {
		a.add("Connection", "Upgrade")
		a.add("Upgrade", "h2c")
		a.After = settingsFrame
		a.Then = "h2"
		return a
	}
	a.add("Upgrade", "websocket")
	a.add("Connection", "Upgrade")
	a.add("Sec-WebSocket-Accept", engine.AcceptKey(o.Key))
	if len(o.Protocols) > 0 {
		a.add("Sec-WebSocket-Protocol", o.Protocols[0])
	}
	if o.Deflate {
		a.add("Sec-WebSocket-Extensions", deflateEcho(o))
	}
	return a
}

// deflateEcho accepts a permessage-deflate offer with the parameters the
// client asked for: the no_context_takeover ones and the window sizes with
// a value. A bare client_max_window_bits only says that the client supports
// the parameter; a server that answers with it must give a value (RFC 7692
// §7.1.2.2), and the correct answer leaves it out.
func deflateEcho(o offer) string {
	s := "permessage-deflate"
	for _, p := range o.Params {
		if p != "client_max_window_bits" {
			s += "; " + p
		}
	}
	return s
}

// settingsFrame is an empty SETTINGS frame: the server's connection
// preface (RFC 7540 §3.5).
var settingsFrame = []byte{0, 0, 0, 4, 0, 0, 0, 0, 0}

// A variation is one change to the correct answer.
type variation struct {
	ID, Title string
	H2C       bool
	// Applies says whether the variation means something for the offer
	// (nil: always): "no subprotocol" only when some were offered.
	Applies func(o offer) bool
	Edit    func(a *answer, o offer)
}

func offeredProtocols(o offer) bool { return len(o.Protocols) > 0 }
func offeredDeflate(o offer) bool   { return o.Deflate }

// setExt answers the extension negotiation with exactly this value.
func setExt(v string) func(*answer, offer) {
	return func(a *answer, _ offer) { a.set("Sec-WebSocket-Extensions", v) }
}

// deflateVariation answers a permessage-deflate offer with exactly this
// extension value.
func deflateVariation(id, title, value string) variation {
	return variation{ID: id, Title: title, Applies: offeredDeflate, Edit: setExt(value)}
}

// status replaces the status line; the fields stay, and the server closes
// the connection after a status other than 101 (the body is then
// delimited by the close, RFC 9112 §6.3).
func status(line string) func(*answer, offer) {
	return func(a *answer, _ offer) {
		a.Status = line
		if !strings.Contains(line, " 101") {
			a.Then = "close"
		}
	}
}

func noGUIDAccept(key string) string {
	sum := sha1.Sum([]byte(key))
	return base64.StdEncoding.EncodeToString(sum[:])
}

// recase swaps the case of every letter.
func recase(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z':
			return r - 'a' + 'A'
		case 'A' <= r && r <= 'Z':
			return r - 'A' + 'a'
		}
		return r
	}, s)
}

// fold writes the field's value on an obs-fold continuation line (RFC
// 9112 §5.2).
func fold(name string) func(*answer, offer) {
	return func(a *answer, _ offer) { a.edit(name, func(f *field) { f.Value = "\r\n " + f.Value }) }
}

func upperName(name string) func(*answer, offer) {
	return func(a *answer, _ offer) { a.edit(name, func(f *field) { f.Name = strings.ToUpper(f.Name) }) }
}

func del(name string) func(*answer, offer) { return func(a *answer, _ offer) { a.del(name) } }
func dup(name string) func(*answer, offer) { return func(a *answer, _ offer) { a.dup(name) } }
func set(name, value string) func(*answer, offer) {
	return func(a *answer, _ offer) { a.set(name, value) }
}

// textFrame is an unmasked server text frame (RFC 6455 §5.2).
func textFrame(s string) []byte { return append([]byte{0x81, byte(len(s))}, s...) }

// variations is the table of the client matrix: the correct answer, then
// one change at a time. The same table drives the mock server and the
// comparison with engine.Judge.
var variations = []variation{
	{ID: "correct", Title: "the correct 101", Edit: func(*answer, offer) {}},

	{ID: "upgrade-missing", Title: "no Upgrade field", Edit: del("Upgrade")},
	{ID: "upgrade-wrong", Title: "Upgrade: h2c", Edit: set("Upgrade", "h2c")},
	{ID: "upgrade-dup", Title: "Upgrade: websocket twice", Edit: dup("Upgrade")},
	{ID: "upgrade-name-case", Title: "UPGRADE: websocket", Edit: upperName("Upgrade")},
	{ID: "upgrade-value-case", Title: "Upgrade: WebSocket", Edit: set("Upgrade", "WebSocket")},
	{ID: "upgrade-fold", Title: "Upgrade's value on an obs-fold line", Edit: fold("Upgrade")},
	{ID: "upgrade-list", Title: "Upgrade: websocket, foo", Edit: set("Upgrade", "websocket, foo")},

	{ID: "connection-missing", Title: "no Connection field", Edit: del("Connection")},
	{ID: "connection-wrong", Title: "Connection: keep-alive", Edit: set("Connection", "keep-alive")},
	{ID: "connection-dup", Title: "Connection: Upgrade twice", Edit: dup("Connection")},
	{ID: "connection-name-case", Title: "CONNECTION: Upgrade", Edit: upperName("Connection")},
	{ID: "connection-value-case", Title: "Connection: UPGRADE", Edit: set("Connection", "UPGRADE")},
	{ID: "connection-fold", Title: "Connection's value on an obs-fold line", Edit: fold("Connection")},
	{ID: "connection-list", Title: "Connection: keep-alive, Upgrade", Edit: set("Connection", "keep-alive, Upgrade")},
	{ID: "connection-close", Title: "Connection: Upgrade, close", Edit: set("Connection", "Upgrade, close")},

	{ID: "accept-missing", Title: "no Sec-WebSocket-Accept", Edit: del("Sec-WebSocket-Accept")},
	{ID: "accept-wrong", Title: "the Accept of another key (RFC 6455's sample)", Edit: set("Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")},
	{ID: "accept-no-guid", Title: "the Accept computed without the GUID", Edit: func(a *answer, o offer) { a.set("Sec-WebSocket-Accept", noGUIDAccept(o.Key)) }},
	{ID: "accept-dup", Title: "the right Accept twice", Edit: dup("Sec-WebSocket-Accept")},
	{ID: "accept-name-case", Title: "SEC-WEBSOCKET-ACCEPT: the right value", Edit: upperName("Sec-WebSocket-Accept")},
	{ID: "accept-value-case", Title: "the Accept with its letters' case swapped", Edit: func(a *answer, _ offer) { a.edit("Sec-WebSocket-Accept", func(f *field) { f.Value = recase(f.Value) }) }},
	{ID: "accept-fold", Title: "the Accept's value on an obs-fold line", Edit: fold("Sec-WebSocket-Accept")},
	{ID: "accept-ows", Title: "the Accept with spaces around its value", Edit: func(a *answer, _ offer) {
		a.edit("Sec-WebSocket-Accept", func(f *field) { f.Value = "  " + f.Value + "  " })
	}},

	{ID: "lf-line", Title: "the Accept line ends with a bare LF", Edit: func(a *answer, _ offer) { a.edit("Sec-WebSocket-Accept", func(f *field) { f.EOL = "\n" }) }},
	{ID: "lf-status", Title: "the status line ends with a bare LF", Edit: func(a *answer, _ offer) { a.StatusEOL = "\n" }},
	{ID: "lf-end", Title: "the empty line that ends the head is a bare LF", Edit: func(a *answer, _ offer) { a.End = "\n" }},
	{ID: "lf-head", Title: "every line of the head ends with a bare LF", Edit: func(a *answer, _ offer) { a.EOL = "\n" }},

	{ID: "status-200", Title: "HTTP/1.1 200 OK (same fields)", Edit: status("HTTP/1.1 200 OK")},
	{ID: "status-426", Title: "HTTP/1.1 426 Upgrade Required (same fields)", Edit: status("HTTP/1.1 426 Upgrade Required")},
	{ID: "status-400", Title: "HTTP/1.1 400 Bad Request (same fields)", Edit: status("HTTP/1.1 400 Bad Request")},
	{ID: "http10-101", Title: "HTTP/1.0 101 Switching Protocols", Edit: status("HTTP/1.0 101 Switching Protocols")},
	{ID: "reason-other", Title: "HTTP/1.1 101 Web Socket Protocol Handshake", Edit: status("HTTP/1.1 101 Web Socket Protocol Handshake")},
	{ID: "reason-empty", Title: "HTTP/1.1 101 with an empty reason (the SP kept)", Edit: status("HTTP/1.1 101 ")},
	{ID: "reason-no-sp", Title: "HTTP/1.1 101 without the SP before the empty reason", Edit: status("HTTP/1.1 101")},
	{ID: "reason-obs-text", Title: "a reason phrase with a byte above 0x7F (obs-text)", Edit: status("HTTP/1.1 101 Protokollwechsel \xfc")},
	{ID: "interim-100", Title: "a 100 Continue before the 101", Edit: func(a *answer, _ offer) { a.Before = "HTTP/1.1 100 Continue\r\n\r\n" }},
	{ID: "frame-with-head", Title: "a text frame in the same write as the head", Edit: func(a *answer, _ offer) { a.After = textFrame("early") }},

	{ID: "proto-none", Title: "no Sec-WebSocket-Protocol although some were offered", Applies: offeredProtocols, Edit: del("Sec-WebSocket-Protocol")},
	{ID: "proto-unoffered", Title: "Sec-WebSocket-Protocol: mqtt (not offered)", Edit: set("Sec-WebSocket-Protocol", "mqtt")},
	{ID: "proto-two", Title: "Sec-WebSocket-Protocol: chat, superchat", Applies: offeredProtocols, Edit: set("Sec-WebSocket-Protocol", "chat, superchat")},
	{ID: "proto-case", Title: "Sec-WebSocket-Protocol: Chat (the offer's chat re-cased)", Applies: offeredProtocols, Edit: set("Sec-WebSocket-Protocol", "Chat")},
	{ID: "proto-second", Title: "Sec-WebSocket-Protocol: superchat (the second offer)", Applies: offeredProtocols, Edit: set("Sec-WebSocket-Protocol", "superchat")},
	{ID: "proto-dup", Title: "Sec-WebSocket-Protocol: chat twice", Applies: offeredProtocols, Edit: dup("Sec-WebSocket-Protocol")},

	{ID: "pmd-unoffered", Title: "permessage-deflate although not offered", Applies: func(o offer) bool { return !o.Deflate }, Edit: setExt("permessage-deflate")},
	{ID: "ext-unknown", Title: "Sec-WebSocket-Extensions: x-unknown (not offered)", Edit: setExt("x-unknown")},
	{ID: "pmd-declined", Title: "no Sec-WebSocket-Extensions: permessage-deflate declined", Applies: offeredDeflate, Edit: del("Sec-WebSocket-Extensions")},
	deflateVariation("pmd-bare", "permessage-deflate, no parameters", "permessage-deflate"),
	deflateVariation("pmd-snct", "permessage-deflate; server_no_context_takeover", "permessage-deflate; server_no_context_takeover"),
	deflateVariation("pmd-cnct", "permessage-deflate; client_no_context_takeover", "permessage-deflate; client_no_context_takeover"),
	deflateVariation("pmd-both-nct", "both no_context_takeover parameters", "permessage-deflate; server_no_context_takeover; client_no_context_takeover"),
	deflateVariation("pmd-smwb-8", "server_max_window_bits=8", "permessage-deflate; server_max_window_bits=8"),
	deflateVariation("pmd-smwb-9", "server_max_window_bits=9", "permessage-deflate; server_max_window_bits=9"),
	deflateVariation("pmd-smwb-15", "server_max_window_bits=15", "permessage-deflate; server_max_window_bits=15"),
	deflateVariation("pmd-smwb-7", "server_max_window_bits=7 (below 8)", "permessage-deflate; server_max_window_bits=7"),
	deflateVariation("pmd-smwb-16", "server_max_window_bits=16 (above 15)", "permessage-deflate; server_max_window_bits=16"),
	deflateVariation("pmd-smwb-novalue", "server_max_window_bits without a value", "permessage-deflate; server_max_window_bits"),
	deflateVariation("pmd-smwb-quoted", `server_max_window_bits="10" (a quoted-string)`, `permessage-deflate; server_max_window_bits="10"`),
	deflateVariation("pmd-cmwb-10", "client_max_window_bits=10 (legal only if offered)", "permessage-deflate; client_max_window_bits=10"),
	deflateVariation("pmd-cmwb-novalue", "client_max_window_bits without a value", "permessage-deflate; client_max_window_bits"),
	deflateVariation("pmd-dup-param", "server_no_context_takeover twice", "permessage-deflate; server_no_context_takeover; server_no_context_takeover"),
	deflateVariation("pmd-unknown-param", "an unknown parameter: permessage-deflate; foo", "permessage-deflate; foo"),
	deflateVariation("pmd-twice", "permessage-deflate, permessage-deflate", "permessage-deflate, permessage-deflate"),
	deflateVariation("pmd-name-case", "Permessage-Deflate (re-cased)", "Permessage-Deflate"),
	deflateVariation("pmd-plus-unknown", "permessage-deflate, x-unknown", "permessage-deflate, x-unknown"),

	{ID: "h2c-correct", Title: "h2c: the 101, then the server's SETTINGS and the response", H2C: true, Edit: func(*answer, offer) {}},
	{ID: "h2c-no-settings", Title: "h2c: the 101, then no SETTINGS (the server closes)", H2C: true, Edit: func(a *answer, _ offer) { a.After, a.Then = nil, "close" }},
	{ID: "h2c-http11-after", Title: "h2c: the 101, then an HTTP/1.1 response", H2C: true, Edit: func(a *answer, _ offer) {
		a.After, a.Then = []byte("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nhello\n"), "close"
	}},
	{ID: "h2c-ping-first", Title: "h2c: the 101, then a PING frame before the server's SETTINGS", H2C: true, Edit: func(a *answer, _ offer) {
		a.After = append(append([]byte{0, 0, 8, 6, 0, 0, 0, 0, 0}, make([]byte, 8)...), settingsFrame...)
	}},
	{ID: "h2c-upgrade-websocket", Title: "h2c: a 101 with Upgrade: websocket, then HTTP/2", H2C: true, Edit: set("Upgrade", "websocket")},
	{ID: "h2c-upgrade-missing", Title: "h2c: a 101 without Upgrade, then HTTP/2", H2C: true, Edit: del("Upgrade")},
	{ID: "h2c-connection-missing", Title: "h2c: a 101 without Connection, then HTTP/2", H2C: true, Edit: del("Connection")},
	{ID: "h2c-upgrade-case", Title: "h2c: Upgrade: H2C, then HTTP/2", H2C: true, Edit: set("Upgrade", "H2C")},
	{ID: "h2c-http10-101", Title: "h2c: HTTP/1.0 101, then HTTP/2", H2C: true, Edit: status("HTTP/1.0 101 Switching Protocols")},
	{ID: "h2c-status-200", Title: "h2c: the upgrade ignored, HTTP/1.1 200 with a body", H2C: true, Edit: func(a *answer, _ offer) {
		*a = answer{Status: "HTTP/1.1 200 OK", EOL: "\r\n", Fields: []field{{Name: "Content-Length", Value: "6"}}, Body: "hello\n", Then: "close"}
	}},
}

func lookupVariation(id string) *variation {
	for i := range variations {
		if variations[i].ID == id {
			return &variations[i]
		}
	}
	return nil
}
