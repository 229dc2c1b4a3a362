package engine

import (
	"encoding/base64"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/upgrade-playground/playground/engine/internal/sha1"
)

// The checks of reverse mode: everything a client checks in a response to
// its upgrade request (RFC 6455 §4.1, RFC 7692 §5 and §7, RFC 9110 §7.8 and
// §15.2.2, RFC 9112 §4–§5, RFC 7540 §3.2 and §3.5). Each check is a trace
// step with a span into the response; a check that finds something a
// client can refuse records it as a finding. Which client refuses on which
// finding, in which order and with which words, is data (client_profiles.go).

// A finding is something in the response a client may refuse.
type finding uint8

const (
	fEmpty                    finding = iota // no byte came: the server closed the connection
	fHeadIncomplete                          // the head does not end with an empty line
	fStatusLine                              // the status line breaks RFC 9112 §4
	fVersion                                 // the version is not HTTP/1.1
	fBareLFStatus                            // the status line ends with a bare LF
	fBareLF                                  // a field line ends with a bare LF
	fBareLFEnd                               // the empty line that ends the head is a bare LF
	fReasonNoSP                              // no SP after the status code
	fReasonNotUTF8                           // the reason phrase is not valid UTF-8
	fInterim                                 // a 1xx before the final response
	fNoFinal                                 // only a 1xx came, no final response
	fObsFold                                 // a field value is folded
	fBadField                                // a field line is not name ":" value
	fStatus                                  // the status is not 101
	fRedirect                                // a redirect (301, 302, 303, 307, 308) with Location
	fRedirectNoLocation                      // a redirect without Location
	fUpgradeMissing                          // no Upgrade field
	fUpgradeLines                            // more than one Upgrade field line
	fUpgradeList                             // Upgrade lists websocket and more
	fUpgradeWrong                            // Upgrade does not name websocket
	fConnMissing                             // no Connection field
	fConnNoUpgrade                           // Connection lacks the upgrade option
	fConnClose                               // Connection lists close beside upgrade (net/http deletes it)
	fAcceptMissing                           // no Sec-WebSocket-Accept
	fAcceptLines                             // more than one Sec-WebSocket-Accept line
	fAcceptWrong                             // the (first) Accept value is wrong
	fProtoNone                               // subprotocols offered, none selected
	fProtoUnrequested                        // a subprotocol selected, none offered
	fProtoUnoffered                          // the selected subprotocol was not offered
	fProtoCase                               // it was offered only in another case
	fProtoList                               // one line holds several subprotocols
	fProtoLines                              // several Sec-WebSocket-Protocol lines
	fExtUnrequested                          // extensions answered, none offered
	fExtSyntax                               // Sec-WebSocket-Extensions breaks §9.1
	fExtUnknown                              // an extension other than permessage-deflate
	fExtMany                                 // more than one extension element
	fExtDupDeflate                           // permessage-deflate twice
	fDeflateUnoffered                        // permessage-deflate answered, not offered
	fDeflateParamUnknown                     // a parameter RFC 7692 does not define
	fDeflateParamDup                         // a parameter twice
	fDeflateParamValue                       // a parameter with an invalid value
	fDeflateClientBits                       // client_max_window_bits, not offered
	fDeflateClientBitsNoValue                // client_max_window_bits without a value
	fDeflateClientBitsLarger                 // client_max_window_bits above the offer
	fDeflateServerNCT                        // server_no_context_takeover offered, missing
	fDeflateServerBits                       // server_max_window_bits offered, missing or larger
	fDeflateNotBothNCT                       // not both *_no_context_takeover (gorilla's rule)
	fCoderExtensions                         // coder/websocket's own reading of the extensions fails
	fCoderParam                              // a permessage-deflate parameter coder/websocket does not take
	fH2Upgrade                               // a 101 to an h2c request that does not name h2c
	fH2NoPreface                             // nothing follows the 101
	fH2HTTP1                                 // HTTP/1.1 follows the 101
	fH2NotSettings                           // the first frame is not SETTINGS
	numFindings
)

// A judgeFinding is where a finding was made and the values its client
// messages use.
type judgeFinding struct {
	ok   bool
	step int
	vars []Var
}

// judge is the state of one Judge.
type judge struct {
	req   *Request
	resp  *Received
	t     trace
	kind  string // "websocket", "h2c", or "" for a request that offers neither
	found [numFindings]judgeFinding
	vars  []Var // values every client message may use: url, key, status
}

// Judge judges a response as each real client would: it parses the
// response and the client's request, makes every check a client makes
// (each a trace step with a span into the response), and gives each client
// profile's verdict. It is pure and deterministic, and its work is linear
// in the input, bounded by the parsers' limits.
func Judge(request, response []byte) *Judgement {
	j := newJudge(request, response)
	jm := &Judgement{Request: j.req, Response: response, Head: j.resp, Kind: j.kind}
	jm.Clients = j.verdicts()
	jm.Trace = j.t.finish()
	return jm
}

// newJudge parses the request (with the default server's limits; its own
// checks are not reverse mode's) and the response, and makes the checks.
func newJudge(request, response []byte) *judge {
	j := &judge{req: new(Request), t: newTrace()}
	scratch := newTrace()
	parse(j.req, request, defaultConfig(), &scratch)
	j.resp = ParseResponse(response)
	j.t.reserve(32)
	j.run()
	return j
}

// run makes the checks in the order of RFC 6455 §4.1.
func (j *judge) run() {
	r := j.req
	j.kind = offeredKind(r, j.resp)
	host := ""
	if hs := r.Values("Host"); len(hs) > 0 {
		host = hs[0].Value
	}
	line := string(j.resp.Raw[j.resp.LineSpan.Start:j.resp.LineSpan.End])
	// The URL as Go's net/http quotes it in coder/websocket's errors.
	j.vars = []Var{{"httpurlq", strconv.Quote(clip("http://" + host + r.Target))}, {"statuslineq", strconv.Quote(clip(line))}}
	if j.kind == "websocket" {
		key := ""
		if ks := r.Values("Sec-WebSocket-Key"); len(ks) > 0 {
			key = clip(ks[0].Value)
		}
		j.vars = append(j.vars, Var{"key", key}, Var{"keyq", strconv.Quote(key)})
	}
	j.t.stage = StageSyntax
	j.syntax()
	if j.resp.HeaderEnd < 0 && j.resp.LineProblem != "" && len(j.resp.Fields) == 0 {
		return
	}
	j.t.stage = StageResponse
	if !j.status() {
		return
	}
	switch j.kind {
	case "websocket":
		j.t.stage = StageUpgrade
		j.upgrade()
		j.connection()
		j.t.stage = StageWebSocket
		j.accept()
		j.subprotocol()
		j.extensions()
		j.t.stage = StageAfter
		j.wsAfter()
	case "h2c":
		j.t.stage = StageUpgrade
		j.h2cUpgrade()
		j.connection()
		j.t.stage = StageH2C
		j.h2cAfter()
	}
}

// offeredKind returns the upgrade the request asks for, "websocket" or
// "h2c" (a protocol-version such as websocket/13 counts, RFC 9110 §7.8),
// or "". When it offers both, the one the response's Upgrade names is the
// one judged.
func offeredKind(r *Request, resp *Received) string {
	var kinds []string
	for _, e := range r.List("Upgrade") {
		name, _, _ := strings.Cut(e.Value, "/")
		for _, k := range []string{"websocket", "h2c"} {
			if equalFold(name, k) && !slices.Contains(kinds, k) {
				kinds = append(kinds, k)
			}
		}
	}
	if len(kinds) == 0 {
		return ""
	}
	for _, e := range receivedList(resp.Values("Upgrade")) {
		for _, k := range kinds {
			if equalFold(e.Value, k) {
				return k
			}
		}
	}
	return kinds[0]
}

// find records a failed check as a finding (the first of its kind) and
// returns the step's index.
// The first step of each finding is kept however long the trace (a
// verdict may point at it); later ones count against maxSteps, so the
// trace stays bounded whatever the response repeats.
func (j *judge) find(f finding, check string, sp Span, n *Note, vars ...Var) int {
	first := !j.found[f].ok
	i := j.t.add(Fail, check, sp, n, vars, first)
	if first {
		j.found[f] = judgeFinding{ok: true, step: i, vars: j.t.steps[i].Vars}
	}
	return i
}

// syntax checks the status line and the field lines (RFC 9112 §2.2, §4,
// §5).
func (j *judge) syntax() {
	r := j.resp
	const lineCheck = "the status line is HTTP-version SP status-code SP reason-phrase"
	switch {
	case len(r.Raw) == 0:
		j.find(fEmpty, "the response head is complete", Span{}, noteClientEmpty)
		return
	case r.LineProblem != "":
		j.find(fStatusLine, lineCheck, r.LineSpan, noteClientStatusLine, Var{"line", shown(clip(string(r.Raw[r.LineSpan.Start:r.LineSpan.End])))}, Var{"why", r.LineProblem})
	case r.Major != 1 || r.Minor != 1:
		j.t.pass(lineCheck, r.LineSpan, nil)
		j.find(fVersion, "the response is HTTP/1.1", r.VersionSpan, noteClientVersion, Var{"version", r.Version}, Var{"status", strconv.Itoa(r.Status)})
	default:
		j.t.pass(lineCheck, r.LineSpan, nil)
	}
	if r.NoReasonSP && r.LineProblem == "" {
		j.find(fReasonNoSP, "an SP follows the status code", Span{r.StatusSpan.End - 1, r.StatusSpan.End}, noteClientReasonNoSP)
	}
	// obs-text (bytes 0x80–0xFF) is allowed in a reason phrase (RFC 9112
	// §4), and need not be UTF-8; a client that decodes the reason as
	// UTF-8 fails on the first byte that is not.
	if i := invalidUTF8(r.Reason); i >= 0 && r.LineProblem == "" {
		at := r.ReasonSpan.Start + i
		j.find(fReasonNotUTF8, "the reason phrase is UTF-8", Span{at, at + 1}, noteClientReasonNotUTF8,
			Var{"byte", "0x" + strings.ToUpper(strconv.FormatUint(uint64(r.Reason[i]), 16))})
	}
	if n := len(r.BareLF); n > 0 {
		// Node's strict parser names the first bare LF by where it is.
		f, lf := fBareLF, r.BareLF[0]
		switch {
		case lf.Start == r.LineSpan.End:
			f = fBareLFStatus
		case lf.End == r.HeaderEnd && lf.Start > 0 && r.Raw[lf.Start-1] == '\n':
			f = fBareLFEnd
		}
		j.find(f, "every line ends with CRLF", lf, noteClientBareLF, Var{"count", strconv.Itoa(n)})
	}
	if n := len(r.Folds); n > 0 {
		j.find(fObsFold, "no field value is folded (obs-fold)", r.Folds[0], noteClientObsFold, Var{"count", strconv.Itoa(n)})
	}
	for i, sp := range r.BadLines {
		if i == 8 {
			break
		}
		j.find(fBadField, "the field line is field-name \":\" field-value", sp, noteClientBadField, Var{"line", shown(clip(string(r.Raw[sp.Start:sp.End])))}, Var{"why", r.Problems[i]})
	}
	switch {
	case r.TooLarge:
		j.find(fHeadIncomplete, "the response head is complete", Span{min(maxReceivedHead, len(r.Raw)) - 1, min(maxReceivedHead, len(r.Raw))}, noteClientHeadTooLarge, Var{"limit", strconv.Itoa(maxReceivedHead)})
	case r.HeaderEnd < 0:
		j.find(fHeadIncomplete, "the response head is complete", Span{len(r.Raw) - 1, len(r.Raw)}, noteClientHeadIncomplete)
	}
}

// status checks the status code (RFC 6455 §4.1; RFC 9110 §15.2.2, §7.8)
// and reports whether the client goes on to check a switch.
func (j *judge) status() bool {
	r := j.resp
	st := strconv.Itoa(r.Status)
	j.vars = append(j.vars, Var{"status", st})
	if r.Status < 0 {
		return false
	}
	const check = "the status is 101 Switching Protocols"
	for _, in := range r.Interim {
		ist := strconv.Itoa(in.Status)
		j.find(fInterim, "the first response is the final one", in.StatusSpan, noteClientStatusInterim, Var{"status", ist})
	}
	sp := r.StatusSpan
	if r.Status == 101 {
		if j.kind == "" {
			j.find(fStatus, check, sp, noteClientUnrequestedSwitch)
			return false
		}
		j.t.pass(check, sp, nil)
		return true
	}
	var n *Note
	switch {
	case j.kind == "h2c":
		// The server may ignore Upgrade and answer in HTTP/1.1 (RFC 9110
		// §7.8, RFC 7540 §3.2): the client goes on with HTTP/1.1.
		j.t.skip("the server switches to h2c", sp, noteClientH2CDeclined, Var{"status", st})
		return false
	case j.kind == "":
		j.t.skip("the server switches protocols", sp, noteClientNoUpgradeAsked, Var{"status", st})
		return false
	case r.Status >= 100 && r.Status < 200:
		// An interim response and nothing after it: the clients that skip
		// interim responses wait for the final one (RFC 9110 §15.2).
		j.find(fInterim, "the first response is the final one", sp, noteClientStatusInterim, Var{"status", st})
		j.find(fNoFinal, "a final response follows the interim one", Span{len(r.Raw) - 1, len(r.Raw)}, noteClientNoFinal, Var{"status", st})
		return false
	case r.Status == 426:
		n = noteClientStatus426
	case r.Status >= 200 && r.Status < 300:
		n = noteClientStatus2xx
	case r.Status == 401 || r.Status == 407 || r.Status >= 300 && r.Status < 400:
		n = noteClientStatusAuth
	default:
		n = noteClientStatusOther
	}
	i := j.find(fStatus, check, sp, n, Var{"status", st}, Var{"reason", shown(clip(r.Reason))})
	switch r.Status {
	case 301, 302, 303, 307, 308:
		// The redirects python-websockets follows (legacy/client.py).
		if loc := r.Values("Location"); len(loc) > 0 {
			j.found[fRedirect] = judgeFinding{ok: true, step: i, vars: []Var{{"location", firstValue(loc)}}}
		} else {
			j.found[fRedirectNoLocation] = judgeFinding{ok: true, step: i}
		}
	}
	return false
}

// receivedList returns the #list elements of every line of a field, in
// order.
func receivedList(lines []Field) []elem {
	var out []elem
	for _, f := range lines {
		es, _ := splitList(f.Value, f.ValueSpan.Start)
		out = append(out, es...)
	}
	return out
}

// joinValues joins the elements' values with sep.
func joinValues(es []elem, sep string) string {
	var b strings.Builder
	for i, e := range es {
		if b.Len() > maxShown {
			break
		}
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(e.Value)
	}
	return clip(b.String())
}

// joinLines joins the values of field lines with ", ", as one list,
// clipped for display.
func joinLines(lines []Field) string {
	var b strings.Builder
	for i, f := range lines {
		if b.Len() > maxShown {
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(f.Value)
	}
	return clip(b.String())
}

// maxShown bounds the values a trace step or a client message quotes from
// the response, so that a hostile paste cannot blow up the page.
const maxShown = 200

// clip cuts s to maxShown bytes, marking the cut with "…".
func clip(s string) string {
	if len(s) <= maxShown {
		return s
	}
	return s[:maxShown] + "…"
}

// firstValue returns the value of the first line, or "".
func firstValue(lines []Field) string {
	if len(lines) == 0 {
		return ""
	}
	return clip(lines[0].Value)
}

// upgrade checks Upgrade: "websocket", ASCII case-insensitively (RFC 6455
// §4.1 item 2 of the client's checks; RFC 9110 §7.8).
func (j *judge) upgrade() {
	lines := j.resp.Values("Upgrade")
	es := receivedList(lines)
	j.vars = append(j.vars, Var{"upgrade", firstValue(lines)}, Var{"upgradeq", strconv.Quote(firstValue(lines))},
		Var{"upgradepy", joinValues(es, ", ")})
	const check = "Upgrade is websocket (case-insensitive)"
	if len(lines) == 0 {
		j.find(fUpgradeMissing, check, j.resp.LineSpan, noteClientUpgradeMissing)
		return
	}
	named := false
	for _, e := range es {
		if equalFold(e.Value, "websocket") {
			named = true
		}
	}
	sp := spanOf(lines)
	if len(lines) > 1 {
		j.find(fUpgradeLines, "Upgrade appears once", lines[1].Span, noteClientUpgradeLines, Var{"count", strconv.Itoa(len(lines))})
	} else if len(es) > 1 {
		j.find(fUpgradeList, "Upgrade names one protocol", lines[0].ValueSpan, noteClientUpgradeList, Var{"value", clip(lines[0].Value)})
	}
	if !named {
		j.find(fUpgradeWrong, check, sp, noteClientUpgradeWrong, Var{"value", joinLines(lines)})
		return
	}
	if len(es) == 1 {
		j.t.pass(check, es[0].Span, nil)
	}
}

// connection checks that Connection lists the upgrade option,
// case-insensitively (RFC 6455 §4.1 item 3; RFC 9110 §7.6.1, §7.8).
func (j *judge) connection() {
	lines := j.resp.Values("Connection")
	es := receivedList(lines)
	closeAt := netHTTPDeletesConnection(j.resp, es)
	connq := firstValue(lines)
	if closeAt >= 0 {
		connq = ""
	}
	j.vars = append(j.vars, Var{"connq", strconv.Quote(connq)}, Var{"connpy", joinValues(es, " ")})
	const check = "Connection lists the upgrade option (case-insensitive)"
	if len(lines) == 0 {
		j.find(fConnMissing, check, j.resp.LineSpan, noteClientConnectionMissing)
		return
	}
	for _, e := range es {
		if equalFold(e.Value, "upgrade") {
			j.t.pass(check, e.Span, nil)
			if closeAt >= 0 && j.kind == "websocket" {
				j.find(fConnClose, "Connection does not list close", es[closeAt].Span, noteClientConnectionClose, Var{"value", joinLines(lines)})
			}
			return
		}
	}
	j.find(fConnNoUpgrade, check, spanOf(lines), noteClientConnectionNoUpgrade, Var{"value", joinLines(lines)})
}

// netHTTPDeletesConnection returns the index in es of a close option that
// makes Go's net/http delete the whole Connection field as it reads the
// response, or -1. net/http (shouldClose in net/http/transfer.go, as
// ReadResponse calls it) deletes it when the version is not HTTP/1.0 nor
// below HTTP/1 and one comma-separated, OWS-trimmed element is close in
// any case; gorilla/websocket and coder/websocket then see no Connection.
func netHTTPDeletesConnection(r *Received, es []elem) int {
	if r.Major < 1 || r.Major == 1 && r.Minor == 0 {
		return -1
	}
	for i, e := range es {
		if equalFold(e.Value, "close") {
			return i
		}
	}
	return -1
}

// invalidUTF8 returns the index of the first byte of s that does not
// start a valid UTF-8 sequence, or -1 when s is valid UTF-8.
func invalidUTF8(s string) int {
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// accept recomputes Sec-WebSocket-Accept from the request's key (RFC 6455
// §4.1 item 4, §4.2.2).
func (j *judge) accept() {
	lines := j.resp.Values("Sec-WebSocket-Accept")
	key := ""
	if ks := j.req.Values("Sec-WebSocket-Key"); len(ks) > 0 {
		key = ks[0].Value
	}
	want := AcceptKey(key)
	first := firstValue(lines)
	received := ""
	if len(lines) > 0 {
		received = " " + joinLines(lines)
	}
	j.vars = append(j.vars, Var{"acceptq", strconv.Quote(first)}, Var{"accept", first}, Var{"acceptwant", want}, Var{"acceptreceived", received})
	const check = "Sec-WebSocket-Accept is base64(SHA-1(key + GUID))"
	if len(lines) == 0 {
		j.find(fAcceptMissing, check, j.resp.LineSpan, noteClientAcceptMissing, Var{"expected", want})
		return
	}
	if len(lines) > 1 {
		j.find(fAcceptLines, "Sec-WebSocket-Accept appears once", lines[1].Span, noteClientAcceptLines, Var{"count", strconv.Itoa(len(lines))})
	}
	if first != want {
		j.find(fAcceptWrong, check, lines[0].ValueSpan, noteClientAcceptWrong, Var{"value", first}, Var{"expected", want}, Var{"why", acceptMistake(key, lines[0].Value)})
		return
	}
	j.t.pass(check, lines[0].ValueSpan, noteClientAcceptOK, Var{"key", clip(key)}, Var{"expected", want})
}

// acceptMistake names the usual mistake that produced a wrong Accept, or
// says that it is none of them.
func acceptMistake(key, got string) string {
	switch {
	case got == key:
		return "it echoes the key instead of hashing it"
	case got == "":
		return "it is empty"
	case got == sha1Base64(key):
		return "it is base64(SHA-1(key)) without the GUID"
	case got == sha1Base64(strings.TrimRight(key, "=")+websocketGUID):
		return "it hashes the key without its \"==\" padding"
	case got == AcceptKey(strings.ToLower(key)) || got == AcceptKey(key+" "):
		return "it hashes an altered key"
	case trimOWS(got) == AcceptKey(key):
		return "it has extra whitespace"
	}
	return "it matches no usual mistake; it may answer another request's key"
}

// subprotocol checks Sec-WebSocket-Protocol against the offer (RFC 6455
// §4.1 item 6, §11.3.4).
func (j *judge) subprotocol() {
	offered := j.req.List("Sec-WebSocket-Protocol")
	lines := j.resp.Values("Sec-WebSocket-Protocol")
	es := receivedList(lines)
	first := firstValue(lines)
	sel := first
	if len(es) > 0 {
		sel = clip(es[0].Value)
	}
	j.vars = append(j.vars, Var{"protocol", sel}, Var{"protocolq", strconv.Quote(first)},
		Var{"protocoljoined", joinLines(lines)}, Var{"protocolpy", joinValues(es, ", ")})
	const check = "Sec-WebSocket-Protocol is one of the offered subprotocols"
	offer := joinValues(offered, ", ")
	if len(lines) == 0 {
		if len(offered) > 0 {
			j.find(fProtoNone, check, j.resp.LineSpan, noteClientSubprotocolNone, Var{"offered", offer})
		} else {
			j.t.skip(check, Span{}, nil)
		}
		return
	}
	sp := spanOf(lines)
	if len(offered) == 0 {
		j.find(fProtoUnrequested, check, sp, noteClientSubprotocolUnrequested, Var{"protocol", sel})
		return
	}
	exact, folded := false, false
	for _, o := range offered {
		exact = exact || o.Value == sel
		folded = folded || equalFold(o.Value, sel)
	}
	switch {
	case !folded:
		j.find(fProtoUnoffered, check, es0Span(es, sp), noteClientSubprotocolUnoffered, Var{"protocol", sel}, Var{"offered", offer})
	case !exact:
		j.find(fProtoCase, check, es0Span(es, sp), noteClientSubprotocolCase, Var{"protocol", sel}, Var{"offered", offer})
	}
	switch {
	case len(lines) > 1:
		j.find(fProtoLines, "Sec-WebSocket-Protocol appears once, with one value", lines[1].Span, noteClientSubprotocolLines, Var{"count", strconv.Itoa(len(lines))})
	case len(es) != 1:
		j.find(fProtoList, "Sec-WebSocket-Protocol appears once, with one value", sp, noteClientSubprotocolList, Var{"value", first})
	case exact:
		j.t.pass(check, es[0].Span, noteClientSubprotocolOK, Var{"protocol", sel}, Var{"offered", offer})
	}
}

// es0Span is the first element's span, or sp.
func es0Span(es []elem, sp Span) Span {
	if len(es) > 0 {
		return es[0].Span
	}
	return sp
}

// extensions checks Sec-WebSocket-Extensions against the offer (RFC 6455
// §4.1 item 5, §9.1; RFC 7692 §5, §7).
func (j *judge) extensions() {
	lines := j.resp.Values("Sec-WebSocket-Extensions")
	if len(lines) == 0 {
		j.t.skip("Sec-WebSocket-Extensions names only offered extensions", Span{}, nil)
		return
	}
	sp := spanOf(lines)
	// What the client offered.
	var deflateOffers [][]param
	var offered strings.Builder
	for _, e := range j.req.List("Sec-WebSocket-Extensions") {
		name, params, perr := appendParams(nil, e)
		if perr != nil || name == "" {
			continue
		}
		if offered.Len() <= maxShown {
			if offered.Len() > 0 {
				offered.WriteString(", ")
			}
			offered.WriteString(name)
		}
		if equalFold(name, "permessage-deflate") {
			deflateOffers = append(deflateOffers, params)
		}
	}
	offeredNames := clip(offered.String())
	if offeredNames == "" {
		j.find(fExtUnrequested, "Sec-WebSocket-Extensions names only offered extensions", sp, noteClientExtUnrequested, Var{"value", joinLines(lines)})
	}
	var exts []respExt
	seen := 0 // elements looked at, at most maxExtensions
	const syntax = "Sec-WebSocket-Extensions follows the extension grammar"
	bad := false
	for _, f := range lines {
		es, _ := splitList(f.Value, f.ValueSpan.Start)
		fail := func(sp Span, why, pyWhy string) {
			py := pyWhy + " at " + strconv.Itoa(sp.Start-f.ValueSpan.Start) + " in " + f.Value
			j.find(fExtSyntax, syntax, sp, noteClientExtSyntax, Var{"value", clip(f.Value)}, Var{"why", why}, Var{"pyerror", clip(py)})
			bad = true
		}
		if len(es) == 0 {
			fail(Span{f.ValueSpan.Start, f.ValueSpan.Start}, "the list is empty", "expected token")
		}
	elements:
		for _, e := range es {
			if seen++; seen > maxExtensions {
				break
			}
			name, params, perr := appendParams(nil, e)
			if perr != nil {
				fail(perr.Span, perr.Why, pythonSyntaxError(perr.Why))
				continue
			}
			for _, p := range params {
				// RFC 6455 §9.1: a quoted value must be a token once unquoted.
				if p.Quoted && !isToken(p.Value) {
					q := strings.IndexByte(string(j.resp.Raw[p.Span.Start:p.Span.End]), '"')
					fail(Span{p.Span.Start + q, p.Span.End}, "the quoted value of "+clip(p.Name)+" is not a token", "invalid quoted header content")
					continue elements
				}
			}
			exts = append(exts, respExt{e, name, params})
		}
	}
	if !bad {
		j.t.pass(syntax, sp, nil)
	}
	j.vars = append(j.vars, Var{"extvalue", joinLines(lines)})
	defer j.coderExtensions(lines, len(deflateOffers) > 0)
	if len(exts) > 1 {
		j.find(fExtMany, "one extension is answered", exts[1].e.Span, noteClientExtMany, Var{"count", strconv.Itoa(len(exts))})
	}
	deflates := 0
	for _, x := range exts {
		if x.name != "permessage-deflate" {
			j.find(fExtUnknown, "the extension "+clip(x.name)+" was offered and is supported", x.e.Span, noteClientExtUnknown, Var{"extension", clip(x.name)}, Var{"offered", clip(orNone(offeredNames))}, Var{"pyparams", clip(pythonParams(x.params))})
			continue
		}
		deflates++
		if deflates > 1 {
			j.find(fExtDupDeflate, "permessage-deflate is answered once", x.e.Span, noteClientDeflateTwice, Var{"pyparams", clip(pythonParams(x.params))})
			continue
		}
		if len(deflateOffers) == 0 {
			j.find(fDeflateUnoffered, "permessage-deflate was offered", x.e.Span, noteClientDeflateUnoffered)
			j.deflateParams(x.e, x.params, nil)
			continue
		}
		j.deflateParams(x.e, x.params, deflateOffers)
	}
}

// maxExtensions bounds the extension elements of a response that are
// checked; clients support one.
const maxExtensions = 32

// pythonSyntaxError is python-websockets' wording (websockets/headers.py)
// for the extension grammar error appendParams describes as why.
func pythonSyntaxError(why string) string {
	switch why {
	case "expected \";\" before a parameter":
		return "expected comma"
	case "unterminated quoted-string":
		return "expected quoted string"
	}
	return "expected token"
}

// A respExt is one element of the response's Sec-WebSocket-Extensions.
type respExt struct {
	e      elem
	name   string
	params []param
}

// orNone returns s, or "none" for "".
func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// deflateParams checks one permessage-deflate response element against
// the offers (RFC 7692 §5, §7.1).
func (j *judge) deflateParams(e elem, params []param, offers [][]param) {
	const check = "the permessage-deflate parameters are valid for a response"
	py := Var{"pyparams", clip(pythonParams(params))}
	find := func(f finding, check string, sp Span, n *Note, vars ...Var) int {
		return j.find(f, check, sp, n, append(vars, py)...)
	}
	ok := true
	var snct, cnct, cbits, sbits *param
	for i := range params {
		p := &params[i]
		pq := Var{"paramq", strconv.Quote(clip(string(j.resp.Raw[p.Span.Start:p.Span.End])))}
		var seen **param
		switch p.Name {
		case "server_no_context_takeover":
			seen = &snct
		case "client_no_context_takeover":
			seen = &cnct
		case "server_max_window_bits":
			seen = &sbits
		case "client_max_window_bits":
			seen = &cbits
		default:
			find(fDeflateParamUnknown, check, p.Span, noteClientDeflateParamUnknown, Var{"param", clip(p.Name)}, pq)
			ok = false
			continue
		}
		if *seen != nil {
			find(fDeflateParamDup, check, p.Span, noteClientDeflateParamDup, Var{"param", p.Name}, pq)
			ok = false
			continue
		}
		*seen = p
		switch p.Name {
		case "server_no_context_takeover", "client_no_context_takeover":
			if p.HasValue {
				find(fDeflateParamValue, check, p.Span, noteClientDeflateParamValue, Var{"param", p.Name}, Var{"value", clip(p.Value)}, Var{"why", "it takes no value"}, pq, Var{"ffvalue", " " + clip(p.Value)})
				ok = false
			}
		case "server_max_window_bits":
			if _, why := windowBits(p.Value); why != "" || !p.HasValue {
				ffv := Var{"ffvalue", ""}
				if p.HasValue {
					ffv.Value = " " + clip(p.Value)
				} else {
					why = "in a response it needs a value from 8 to 15"
				}
				find(fDeflateParamValue, check, p.Span, noteClientDeflateParamValue, Var{"param", p.Name}, Var{"value", clip(p.Value)}, Var{"why", why}, pq, ffv)
				ok = false
			}
		case "client_max_window_bits":
			if !p.HasValue {
				find(fDeflateClientBitsNoValue, check, p.Span, noteClientDeflateClientBitsNoValue, pq)
				ok = false
			} else if _, why := windowBits(p.Value); why != "" {
				find(fDeflateParamValue, check, p.Span, noteClientDeflateParamValue, Var{"param", p.Name}, Var{"value", clip(p.Value)}, Var{"why", why}, pq, Var{"ffvalue", " " + clip(p.Value)})
				ok = false
			}
		}
	}
	if ok {
		j.t.pass(check, e.Span, nil)
	}
	if snct == nil || cnct == nil {
		missing := "server_no_context_takeover"
		if snct != nil {
			missing = "client_no_context_takeover"
		} else if cnct == nil {
			missing = "server_no_context_takeover and client_no_context_takeover"
		}
		find(fDeflateNotBothNCT, "the response has both *_no_context_takeover parameters", e.Span, noteClientDeflateContextTakeover, Var{"missing", missing})
	}
	if offers == nil {
		return
	}
	// The response answers one of the offers; it is compatible when it
	// answers any of them (RFC 7692 §5).
	const compat = "the response answers the permessage-deflate offer"
	var firstProblem func()
	for _, o := range offers {
		f, n, vars := deflateMismatch(o, snct, cbits, sbits)
		if f == numFindings {
			j.t.pass(compat, e.Span, nil)
			return
		}
		if firstProblem == nil {
			sp := e.Span
			firstProblem = func() { find(f, compat, sp, n, vars...) }
		}
	}
	firstProblem()
}

// deflateMismatch compares a response's parameters with one offer and
// returns the first incompatibility, or numFindings.
func deflateMismatch(offer []param, snct, cbits, sbits *param) (finding, *Note, []Var) {
	var osnct, ocbits, osbits *param
	for i := range offer {
		switch p := &offer[i]; lower(p.Name) {
		case "server_no_context_takeover":
			osnct = p
		case "client_max_window_bits":
			ocbits = p
		case "server_max_window_bits":
			osbits = p
		}
	}
	switch {
	case osnct != nil && snct == nil:
		return fDeflateServerNCT, noteClientDeflateServerNCT, nil
	case osbits != nil && sbits == nil:
		return fDeflateServerBits, noteClientDeflateServerBits, []Var{{"offered", osbits.Value}, {"value", "none"}}
	case osbits != nil && larger(sbits.Value, osbits.Value):
		return fDeflateServerBits, noteClientDeflateServerBits, []Var{{"offered", osbits.Value}, {"value", sbits.Value}}
	case cbits != nil && ocbits == nil:
		return fDeflateClientBits, noteClientDeflateClientBits, nil
	case cbits != nil && ocbits.HasValue && larger(cbits.Value, ocbits.Value):
		return fDeflateClientBitsLarger, noteClientDeflateClientBitsLarger, []Var{{"offered", ocbits.Value}, {"value", cbits.Value}}
	}
	return numFindings, nil, nil
}

// larger reports whether the window bits a exceed b (both valid values).
func larger(a, b string) bool {
	x, _ := windowBits(a)
	y, _ := windowBits(b)
	return x > 0 && y > 0 && x > y
}

// coderExtensions reads the extensions as coder/websocket v1.8.15 does
// (accept.go websocketExtensions, dial.go verifyServerExtensions): the
// values trimmed, split at every comma and semicolon whatever the quoting,
// the pieces trimmed and compared as strings. It refuses anything but one
// permessage-deflate element when it asked for compression, and any
// parameter but the two *_no_context_takeover ones and
// "server_max_window_bits=…".
func (j *judge) coderExtensions(lines []Field, offered bool) {
	type ext struct {
		name   string
		params []Span // each piece after a ";", trimmed, in the response
	}
	var exts []ext
	for _, f := range lines {
		v := f.Value // the value as net/textproto keeps it, OWS trimmed
		for start := 0; start <= len(v) && len(exts) <= maxExtensions; {
			end := strings.IndexByte(v[start:], ',')
			if end < 0 {
				end = len(v)
			} else {
				end += start
			}
			var x ext
			for i, k := start, 0; i <= end; k++ {
				e := strings.IndexByte(v[i:end], ';')
				if e < 0 {
					e = end
				} else {
					e += i
				}
				a, b := trimSpaceSpan(v, i, e)
				if k == 0 {
					x.name = v[a:b]
				} else {
					x.params = append(x.params, Span{f.ValueSpan.Start + a, f.ValueSpan.Start + b})
				}
				i = e + 1
			}
			if x.name != "" || len(x.params) > 0 {
				exts = append(exts, x)
			}
			start = end + 1
		}
	}
	if len(exts) == 0 {
		return
	}
	if exts[0].name != "permessage-deflate" || len(exts) > 1 || !offered {
		// Go's %+v of []websocketExtension{name string; params []string}.
		var b strings.Builder
		b.WriteByte('[')
		for i, x := range exts[1:] {
			if b.Len() > maxShown {
				break
			}
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString("{name:" + x.name + " params:[")
			for k, p := range x.params {
				if k > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(string(j.resp.Raw[p.Start:p.End]))
			}
			b.WriteString("]}")
		}
		b.WriteByte(']')
		// The step is the check coder fails in the RFCs' terms.
		step := -1
		for _, f := range []finding{fExtSyntax, fExtUnrequested, fExtUnknown, fDeflateUnoffered, fExtMany, fExtDupDeflate} {
			if j.found[f].ok && step < 0 {
				step = j.found[f].step
			}
		}
		j.found[fCoderExtensions] = judgeFinding{ok: true, step: step, vars: []Var{{"extensions", clip(b.String())}}}
		return
	}
	for _, p := range exts[0].params {
		v := string(j.resp.Raw[p.Start:p.End])
		if v == "client_no_context_takeover" || v == "server_no_context_takeover" || strings.HasPrefix(v, "server_max_window_bits=") {
			continue
		}
		i := j.t.add(Explain, "coder/websocket takes the parameter", p, noteClientDeflateCoderParam, []Var{{"param", clip(v)}}, false)
		j.found[fCoderParam] = judgeFinding{ok: true, step: i, vars: []Var{{"paramq", strconv.Quote(clip(v))}}}
		return
	}
}

// trimSpaceSpan returns the bounds of s[i:e] without the leading and
// trailing white space strings.TrimSpace removes (ASCII here: the value
// is bytes, and strings.TrimSpace's Unicode spaces outside ASCII are not
// field-value bytes a client sees as such).
func trimSpaceSpan(s string, i, e int) (int, int) {
	for i < e && asciiSpace(s[i]) {
		i++
	}
	for e > i && asciiSpace(s[e-1]) {
		e--
	}
	return i, e
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// pythonParams formats extension parameters as python-websockets' error
// message does (Python's repr of a list of (name, value) tuples).
func pythonParams(params []param) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, p := range params {
		if b.Len() > maxShown {
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("('" + p.Name + "', ")
		if p.HasValue {
			b.WriteString("'" + p.Value + "')")
		} else {
			b.WriteString("None)")
		}
	}
	b.WriteByte(']')
	return b.String()
}

// wsAfter explains the bytes that follow a 101: WebSocket frames from the
// server, which the client reads as soon as it has accepted the head.
func (j *judge) wsAfter() {
	rest := j.resp.Rest()
	if len(rest) == 0 {
		return
	}
	sp := Span{j.resp.HeaderEnd, len(j.resp.Raw)}
	if f, size, _ := parseFrame(rest); size > 0 {
		j.t.note(sp, noteClientWSFrames, Var{"frame", opcodeName(f.opcode)}, Var{"count", strconv.Itoa(len(rest))})
		return
	}
	j.t.note(sp, noteClientWSBytes, Var{"count", strconv.Itoa(len(rest))})
}

// h2cUpgrade checks that a 101 to an h2c request names h2c (RFC 7540 §3.2;
// RFC 9110 §7.8).
func (j *judge) h2cUpgrade() {
	lines := j.resp.Values("Upgrade")
	j.vars = append(j.vars, Var{"upgrade", firstValue(lines)})
	const check = "Upgrade is h2c"
	for _, e := range receivedList(lines) {
		if equalFold(e.Value, "h2c") {
			j.t.pass(check, e.Span, nil)
			return
		}
	}
	sp := spanOf(lines)
	if sp.Empty() {
		sp = j.resp.LineSpan
	}
	j.find(fH2Upgrade, check, sp, noteClientH2CUpgrade, Var{"value", orNone(joinLines(lines))})
}

// h2cAfter checks what follows the 101: the server's connection preface,
// a SETTINGS frame (RFC 7540 §3.2, §3.5).
func (j *judge) h2cAfter() {
	rest := j.resp.Rest()
	sp := Span{j.resp.HeaderEnd, len(j.resp.Raw)}
	const check = "the server's first frame after the 101 is SETTINGS"
	switch {
	case len(rest) == 0:
		j.find(fH2NoPreface, check, j.resp.LineSpan, noteClientH2CNoPreface)
		return
	case len(rest) >= 5 && string(rest[:5]) == "HTTP/":
		j.find(fH2HTTP1, check, Span{sp.Start, sp.Start + min(len(rest), len(readLineString(rest)))}, noteClientH2CHTTP1)
		return
	}
	f, n, ok := parseH2Frame(rest)
	switch {
	case !ok && len(rest) >= 9:
		// The header is whole: its type says what the frame is.
		f, n = h2Frame{Type: rest[3], Flags: rest[4]}, len(rest)
	case !ok:
		j.find(fH2NotSettings, check, sp, noteClientH2CNotSettings, Var{"frame", "fewer than 9 bytes, not a frame header"})
		return
	}
	if f.Type != h2Settings || f.Flags&h2FlagAck != 0 {
		name := f.typeName()
		if f.Type == h2Settings {
			name = "SETTINGS with ACK"
		}
		j.find(fH2NotSettings, check, Span{sp.Start, sp.Start + n}, noteClientH2CNotSettings, Var{"frame", name})
		return
	}
	j.t.pass(check, Span{sp.Start, sp.Start + n}, noteClientH2CPreface, Var{"settings", settingsSummary(settingsOf(f.Payload))})
}

// sha1Base64 is base64(SHA-1(s)), the Accept computed without the GUID.
func sha1Base64(s string) string {
	sum := sha1.Sum([]byte(s))
	return base64.StdEncoding.EncodeToString(sum[:])
}

// readLineString returns the first line of b, without its terminator.
func readLineString(b []byte) string {
	l := readLine(b, 0)
	return string(b[l.start:l.end])
}
