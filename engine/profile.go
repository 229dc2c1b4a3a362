package engine

import (
	"slices"
	"strconv"
	"strings"
)

// A Profile is a server the engine can play: the default server of the
// RFCs ("rfc"), or a real library as its reference setup configures it.
// A profile is data over the engine's decision points: the value of every
// setting at the library's defaults, and the library's own check order and
// wording where they differ from the default server's. Settings changed
// after Config (a deep link's keys) are the application's configuration of
// the library.
//
// The decision stays the engine's: the same stages, checks and notes. A
// profile changes it only through Config (the library's defaults, and the
// fields that exist for libraries, such as WebSocket.EarlyData), through
// the checks the library does not make (tolerate), and through the order
// in which its checks decide (order). What the profile adds is wording:
// the bytes the library's server writes for the engine's decision, its
// HTTP front's own error answers (front), and the notes that say where
// the library departs from the RFCs.
type Profile struct {
	ID      string // the deep-link value of srv=, stable forever
	Title   string // e.g. "gorilla/websocket v1.5.3"
	Library string // e.g. "gorilla/websocket"
	Version string // e.g. "v1.5.3"
	// Setup is the reference setup the profile reproduces, one plain-text
	// sentence: the code a user would run.
	Setup string

	// configure sets the library's defaults on the default server's Config.
	configure func(c *Config)
	// front is the HTTP/1.1 server the library sits behind, which parses
	// the request and words the responses; nil for the engine's own.
	front *front
	// tolerate lists the IDs of the Bad notes whose checks neither the
	// library nor its front makes: the trace still shows the problem, and
	// a note says that this server lets it pass. The IDs come in lists
	// that profiles share (netHTTPTolerates), written as static data.
	tolerate [][]string
	// order lists the IDs of the protocol checks' notes in the order the
	// library makes its checks: of two failures, the one listed first
	// decides the response (unlisted ones come after, in the engine's order).
	order []string
	// refusals words the library's own refusals (those decided after the
	// front has read the request), by the decisive note; the first entry
	// whose notes list the ID applies, else the entry with no notes.
	refusals []wording
	// switched words the 101: "raw" when the library writes the bytes
	// itself (in the engine's field order), "front" when it sets fields
	// and lets the front write them.
	switched string
	// ordinary is the library's answer when it does not refuse or switch.
	ordinary *wording
	// onSwitch lists notes raised with a 101, each when its wording's
	// when holds (x/net's h2c switching without "upgrade" in Connection).
	onSwitch []wording
	// order101 lists field names the raw 101 writes first, in order
	// (x/net's h2c writes Connection before Upgrade).
	order101 []string
	// unsupported lists the settings the library cannot follow: a deep
	// link that sets one gets a note naming the missing feature. They come
	// in lists that profiles share (goWSUnsupported), written as static
	// data; unsupportedAll joins them.
	unsupported [][]unsupported
	// run, when set, replaces the decision after parsing: the library's
	// own procedure, for a library whose server accepts what the engine's
	// stages refuse or ignore (Node ws switches on an HTTP/1.0 request and
	// on version 8; python-websockets parses the request itself). It
	// decides with the engine's parser, checks and notes where they agree,
	// and its own notes where the library departs from the RFCs.
	run func(n *negotiation)
}

// A wording is how a library words one kind of response: the status (0
// keeps the engine's), the fields the handler sets, in order, and the body.
// Values and body are templates: {method}, {proto}, {host} and the
// Go-quoted {q:connection}, {q:upgrade}, {q:version}, {q:key}, {q:origin}
// and {q:originhost} are filled from the request (see wordingVars).
type wording struct {
	notes []string // the decisive notes' IDs; none for the default entry
	// when narrows the entry to some requests: "http10" (an HTTP/1.0
	// request), "no-connection-upgrade" (Connection lacks "upgrade"),
	// "upgrade" (the request has Upgrade); "" for every request.
	when    string
	status  int
	headers []Header
	// goError says the handler answers with net/http's Error helper,
	// which sets goError's fields after headers.
	goError bool
	body    string
	// note, when set, is raised when the wording applies: the library's
	// departure from the RFCs for this response.
	note *Note
}

// An unsupported setting: when the setting's value on the Config differs
// from want, the library cannot do what it asks.
type unsupported struct {
	key, want string // the setting's key, and the only value the library has
	feature   string // plain text: what the library lacks
}

// A front is the HTTP/1.1 server implementation in front of the library's
// code: it reads the request, answers what it refuses itself, and writes
// the handler's responses.
type front struct {
	name string // e.g. "Go 1.26 net/http"
	// errors words the refusals made before any handler runs, by the
	// decisive note, as the front writes them itself; the entry with no
	// notes is the default.
	errors []frontError
	// strict lists problems the engine's parser lets pass (a Warn note)
	// but the front refuses, by note, as errors does.
	strict []frontError
	// lateBody says the front finds problems of the message body only
	// after the handler has answered, while it discards the unread body:
	// the handler's response goes out, with Connection: close. The trace
	// tolerates them (trace.lateProblem), so that the engine makes the
	// handler's decision.
	lateBody bool
	// bodyLenient says the front checks neither the names of trailer
	// fields (net/http reads the trailer section with its MIME reader but
	// validates names in the header section only) nor chunk extensions
	// (it cuts a chunk line at ";" and trims trailing whitespace).
	bodyLenient bool
	// optionsStar says the front answers OPTIONS * itself with an empty
	// 200, before any handler runs (net/http's globalOptionsHandler).
	optionsStar bool
	// reasons are the front's reason phrases where they differ from
	// RFC 9110's.
	reasons []named[int]
	// unsupported lists the settings the front cannot follow, as
	// Profile.unsupported does for the library.
	unsupported []unsupported
	// write lays out a handler's response: the status line's version,
	// the fields the front adds, their order.
	write func(n *negotiation, w *wording, status int) *Response
}

// A frontError is one kind of refusal the front makes before any handler
// runs: its status, the text after the reason phrase (net/http writes
// "400 Bad Request: missing required Host header"), or raw bytes.
type frontError struct {
	notes  []string
	status int // 0 keeps the engine's
	text   string
	// body replaces the status line's text as the body.
	body string
	// handler says the front answers through its own response writer,
	// as a handler would (net/http's 417), with these fields.
	handler bool
	headers []Header
	// when narrows an entry to some requests, as wording.when does;
	// "content-length-list": a Content-Length line holds a list.
	when string
}

// profiles lists every profile in the page's order.
var profiles = []*Profile{
	{ID: "rfc", Title: "RFC server", Library: "the RFCs", Setup: "The default server of this playground: every choice the RFCs leave open set as the Server settings show."},
	gorillaProfile,
	coderProfile,
	wsProfile,
	websocketsProfile,
	xnetH2CProfile,
	netHTTPProfile,
}

// Profiles returns every server profile, in the page's order ("rfc" first).
func Profiles() []*Profile { return profiles }

// LookupProfile returns the profile with the id, or nil. The empty id is
// the default server, "rfc".
func LookupProfile(id string) *Profile {
	if id == "" {
		id = "rfc"
	}
	for _, p := range profiles {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Config returns the server the profile plays: every setting at the
// library's defaults, and Config.Server set to the profile's id.
func (p *Profile) Config() Config {
	c := DefaultConfig()
	if p.configure != nil {
		p.configure(&c)
	}
	c.Server = p.ID
	return c
}

// unsupportedAll is the settings neither the library nor its front can
// follow: the front's, then the library's own.
func (p *Profile) unsupportedAll() []unsupported {
	var all []unsupported
	if p.front != nil {
		all = p.front.unsupported
	}
	for _, l := range p.unsupported {
		all = append(all[:len(all):len(all)], l...)
	}
	return all
}

// follow returns the Config the library really runs with: c, or a copy
// with each setting the library cannot follow reset to the library's own
// behaviour; unfollowed[i] is "key=value" for p.unsupportedAll()[i] when it was
// reset, else "".
func (p *Profile) follow(c *Config) (_ *Config, unfollowed []string) {
	all := p.unsupportedAll()
	for i, u := range all {
		s := LookupSetting(u.key)
		if s == nil {
			continue
		}
		if v := s.Get(c); v != u.want {
			if unfollowed == nil {
				cp := *c
				c = &cp
				unfollowed = make([]string, len(all))
			}
			unfollowed[i] = u.key + "=" + v
			s.Set(c, u.want)
		}
	}
	return c, unfollowed
}

// profileOf is the profile a Config plays: the default server when
// Config.Server is empty or names no profile.
func profileOf(c *Config) *Profile {
	if p := LookupProfile(c.Server); p != nil {
		return p
	}
	return profiles[0]
}

// tolerates reports whether the profile's server lets the note's problem
// pass.
func (p *Profile) tolerates(n *Note) bool {
	if n == nil {
		return false
	}
	for _, ids := range p.tolerate {
		if slices.Contains(ids, n.ID) {
			return true
		}
	}
	return false
}

// rank is the position of a check's note in the library's order, or
// len(order) for an unlisted one.
func (p *Profile) rank(n *Note) int {
	if n != nil {
		if i := slices.Index(p.order, n.ID); i >= 0 {
			return i
		}
	}
	return len(p.order)
}

// profileVars are the placeholders every profile note may use.
func (p *Profile) vars(extra ...Var) []Var {
	return append([]Var{{"library", p.Library}, {"version", p.Version}, {"server", p.Title}}, extra...)
}

// applyProfile rewords the engine's result as the profile's server writes
// it, once the decision is made. The library's wording may give a refusal
// another status (a wording entry's status) but not another outcome; only
// the front's own answers replace the decision: a problem it refuses that
// the engine lets pass (front.strict, which then decides: Result.Decisive
// is its step), and OPTIONS * (front.optionsStar, an empty 200). Each is
// noted in the trace.
func applyProfile(n *negotiation) {
	p := n.prof
	n.res.Server = p.ID
	for i, u := range p.unsupportedAll() {
		if i < len(n.unfollowed) && n.unfollowed[i] != "" {
			n.t.note(Span{}, noteProfileUnsupported, p.vars(Var{"setting", n.unfollowed[i]}, Var{"feature", u.feature})...)
		}
	}
	if p.front == nil {
		return
	}
	res := n.res
	if res.Final == nil || res.Switched == "h2" {
		return
	}
	stage := StageResponse
	var decisive *Note
	if res.Decisive >= 0 {
		stage, decisive = n.t.steps[res.Decisive].Stage, n.t.steps[res.Decisive].Note
	}
	strict, strictStep := p.front.strictProblem(n)
	switch {
	case strict != nil && (decisive == nil || stage != StageSyntax && stage != StageFraming):
		res.Final, res.Decisive = p.front.refuseWith(n, strict, strict.status), strictStep
		n.t.note(Span{}, noteProfileFrontRefuses, p.vars(Var{"front", p.front.name}, Var{"status", res.Final.statusLine()})...)
	case p.front.optionsStar && n.req.Method == "OPTIONS" && n.req.TargetForm == "asterisk" && (decisive == nil || stage != StageSyntax && stage != StageFraming):
		res.Final = p.front.write(n, &wording{headers: []Header{{"Content-Length", "0"}}}, 200)
		res.Switched, res.After, res.Decisive = "", nil, -1
		n.t.note(Span{}, noteFrontOptionsStar, p.vars(Var{"front", p.front.name})...)
	case res.Final.Status == 101:
		for _, w := range p.onSwitch {
			if w.applies(n.req) {
				n.t.note(Span{}, w.note, p.vars()...)
			}
		}
		switch p.switched {
		case "front":
			w := &wording{headers: res.Final.Headers}
			res.Final = p.front.write(n, w, 101)
		case "raw":
			// Each field of order101 moves to its place, after the ones
			// before it in the list. (Loops, not slices.IndexFunc and
			// ContainsFunc: each type a generic function is instantiated
			// for adds a copy of its code to the .wasm.)
			hs := res.Final.Headers
			for i, name := range p.order101 {
				j := 0 // the field's first line
				for j < len(hs) && hs[j].Name != name {
					j++
				}
				if j < len(hs) && j > i {
					h := hs[j]
					copy(hs[i+1:j+1], hs[i:j])
					hs[i] = h
				}
			}
		}
	case decisive != nil && (stage == StageSyntax || stage == StageFraming || decisive == noteExpectUnknown):
		res.Final = p.front.refuse(n, decisive)
		n.t.note(Span{}, noteProfileFrontRefuses, p.vars(Var{"front", p.front.name}, Var{"status", res.Final.statusLine()})...)
	case decisive != nil:
		w := p.wordingFor(decisive, n.req)
		status := res.Final.Status
		if w.status != 0 {
			status = w.status
		}
		res.Final = p.front.write(n, w, status)
		if w.note != nil {
			n.t.note(Span{}, w.note, p.vars(wordingVars(n.req)...)...)
		}
	default:
		w := p.ordinary
		if w == nil {
			w = &wording{}
		}
		res.Final = p.front.write(n, w, 200)
		if w.note != nil && w.applies(n.req) {
			n.t.note(Span{}, w.note, p.vars()...)
		}
	}
}

// wordingFor returns the profile's wording of a refusal.
func (p *Profile) wordingFor(decisive *Note, r *Request) *wording {
	var def *wording
	for i := range p.refusals {
		w := &p.refusals[i]
		if len(w.notes) == 0 {
			def = w
		} else if slices.Contains(w.notes, decisive.ID) && w.applies(r) {
			return w
		}
	}
	return def
}

// applies reports whether the wording's when holds for the request.
func (w *wording) applies(r *Request) bool {
	switch w.when {
	case "http10":
		return !r.AtLeast(1, 1)
	case "no-connection-upgrade":
		return !r.HasToken("Connection", "upgrade")
	case "upgrade":
		return r.Has("Upgrade")
	case "content-length-list":
		for _, f := range r.Values("Content-Length") {
			if strings.Contains(f.Value, ",") {
				return true
			}
		}
		return false
	}
	return true
}

// refuse is the front's own error response for a refusal decided before
// any handler runs.
func (f *front) refuse(n *negotiation, decisive *Note) *Response {
	e := &frontError{}
	for i, fe := range f.errors {
		if len(fe.notes) == 0 && e.notes == nil {
			e = &f.errors[i]
		}
		if slices.Contains(fe.notes, decisive.ID) {
			e = &f.errors[i]
			break
		}
	}
	return f.refuseWith(n, e, decisive.Status)
}

// refuseWith writes the front's error response e; status is used when e
// has none.
func (f *front) refuseWith(n *negotiation, e *frontError, status int) *Response {
	if e.status != 0 {
		status = e.status
	}
	if e.handler {
		return f.write(n, &wording{headers: e.headers, body: e.body}, status)
	}
	reason := f.reason(status)
	if e.text != "" {
		reason += ": " + e.text
	}
	resp := &Response{Status: status, Reason: reason}
	resp.Add("Content-Type", "text/plain; charset=utf-8")
	resp.Add("Connection", "close")
	resp.Body = []byte(strconv.Itoa(status) + " " + reason)
	if e.body != "" {
		resp.Body = []byte(e.body)
	}
	return resp
}

// strictProblem returns the front's refusal of a problem the engine lets
// pass, and the index of the step that shows it, when the trace has one.
func (f *front) strictProblem(n *negotiation) (*frontError, int) {
	for si, s := range n.t.steps {
		if s.Note == nil {
			continue
		}
		for i := range f.strict {
			e := &f.strict[i]
			if slices.Contains(e.notes, s.Note.ID) && (&wording{when: e.when}).applies(n.req) {
				return e, si
			}
		}
	}
	return nil, -1
}

// lateProblem reports whether the trace has a body problem the front
// finds only after the handler's answer.
func (f *front) lateProblem(n *negotiation) bool {
	for _, s := range n.t.steps {
		if s.Outcome == Fail && s.Note != nil && n.t.lateProblem(s.Note, s.Span, s.Stage) {
			return true
		}
	}
	return false
}

// reason is the front's reason phrase for a status.
func (f *front) reason(status int) string {
	if s, ok := lookupName(f.reasons, status); ok {
		return s
	}
	return ReasonPhrase(status)
}

// wordingVars are the request's values a wording's templates use.
func wordingVars(r *Request) []Var {
	first := func(name string) string {
		if vs := r.Values(name); len(vs) > 0 {
			return vs[0].Value
		}
		return ""
	}
	origin := first("Origin")
	originHost := origin
	if i := strings.Index(originHost, "://"); i >= 0 {
		originHost = originHost[i+3:]
		if j := strings.IndexAny(originHost, "/?#"); j >= 0 {
			originHost = originHost[:j]
		}
	} else {
		originHost = ""
	}
	return []Var{
		{"method", r.Method}, {"q:method", strconv.Quote(r.Method)}, {"proto", r.Version}, {"q:proto", strconv.Quote(r.Version)}, {"host", first("Host")},
		{"q:connection", strconv.Quote(first("Connection"))},
		{"q:upgrade", strconv.Quote(first("Upgrade"))},
		{"q:version", strconv.Quote(first("Sec-WebSocket-Version"))},
		{"q:key", strconv.Quote(strings.TrimSpace(first("Sec-WebSocket-Key")))},
		{"q:origin", strconv.Quote(origin)},
		{"q:originhost", strconv.Quote(originHost)},
		{"q:host", strconv.Quote(requestAuthority(r))},
	}
}

// statusLine is the response's status code and reason phrase.
func (r *Response) statusLine() string { return strconv.Itoa(r.Status) + " " + r.reason() }
