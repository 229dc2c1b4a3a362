package engine

import (
	"slices"
	"strings"
)

// The generic Upgrade mechanism (RFC 9110 §7.8, §7.6.1, §15.2.2, §15.5.22).
//
//	Upgrade          = #protocol
//	protocol         = protocol-name ["/" protocol-version]
//	protocol-name    = token
//	protocol-version = token
//	Connection       = #connection-option
//	connection-option = token

// An offer is one protocol from the request's Upgrade field.
type offer struct {
	Name, Version string
	Span          Span
}

func (o offer) String() string {
	if o.Version == "" {
		return o.Name
	}
	return o.Name + "/" + o.Version
}

// A verdict is what the Upgrade stage decided: switch protocols (accept),
// or refuse the request (reject).
type verdict struct {
	accept  bool
	upgrade string   // the Upgrade value of the 101, e.g. "websocket" or "TLS/1.0, HTTP/1.1"
	headers []Header // the protocol's own 101 fields, in order
	// after describes the bytes after the 101 (both directions).
	after func(n *negotiation) []Part

	// reject is the response that refuses the request, and step the index
	// in the trace of the failed check that produced it (trace.refuse).
	reject *Response
	step   int
	// closes says the server closes the connection without any response
	// (Result.Closed).
	closes bool
}

// refusal is a verdict that refuses the request with resp, because of the
// failed check at index step of the trace.
func refusal(resp *Response, step int) *verdict { return &verdict{reject: resp, step: step} }

// A handler knows one family of Upgrade tokens. Handlers are tried in the
// client's order of offers (RFC 9110 §7.8 lets the server choose by its own
// criteria; this server keeps the client's preference).
type handler struct {
	name string
	// match reports whether the handler is responsible for the offer.
	match func(o offer) bool
	// negotiate runs the protocol's checks. It returns nil to ignore the offer
	// (the handler has recorded why).
	negotiate func(n *negotiation, o offer) *verdict
	// advertise returns the Upgrade value to advertise, or "".
	advertise func(c *Config) string
	// required, when set, is asked about a request that switches to no
	// protocol: when the server requires this protocol for it, required
	// records the failed check and returns the refusal (a 426 naming the
	// protocol, RFC 9110 §15.5.22, or the handler's own response); else nil.
	required func(n *negotiation) *verdict
	// requires, when set, returns the handler's name when the server
	// requires its protocol (the requirement that required enforces), else
	// "". A switch to another protocol would answer the request without it,
	// so the server does not make it (see switchKeeps).
	requires func(c *Config) string
	// semantics, when set, applies RFC 9110 §7.8 ("A server MUST NOT switch
	// protocols unless the received message semantics can be honored by the
	// new protocol"): it returns "" when the new protocol can honour the
	// request, or a plain-text reason why not; the offer is then ignored.
	semantics func(n *negotiation, o offer) string
}

// protocolHandlers are the server's protocol handlers, in its order: the
// order in which it advertises its protocols (and lists them in a 426), and
// in which it asks whether one of them is required. Each offer goes to the
// handler whose match accepts it. A run reads the list from its negotiation
// (negotiation.handlers): the handlers' own functions use it (h2c's response
// on stream 1 advertises the server's protocols), and a variable's
// initializer cannot refer, through them, to the variable itself.
var protocolHandlers = []*handler{h2cHandler, mythHandler, tlsHandler, websocketHandler}

// upgradeStage parses Connection and Upgrade and asks the protocol handlers.
// It returns the decisive verdict, or nil for an ordinary response.
func (n *negotiation) upgradeStage() *verdict {
	r := n.req
	upgrades := r.Values("Upgrade")
	conns := r.Values("Connection")
	connSpan := spanOf(conns)
	hasOption := r.HasToken("Connection", "upgrade")
	if n.cfg.HTTP.TokenListStops && hasOption && !stoppingListHas(conns, "upgrade") {
		hasOption = false
		n.t.note(spanOf(conns), noteTokenListStops, n.prof.vars(Var{"field", "Connection"}, Var{"token", "upgrade"})...)
	}
	checkConnection(n, conns)

	if len(upgrades) == 0 {
		if hasOption {
			n.t.note(connSpan, noteConnectionUpgradeAlone)
		}
		n.t.skip("the request offers a protocol in Upgrade", Span{}, nil)
		return n.requiredStage()
	}
	sp := spanOf(upgrades)
	if !r.AtLeast(1, 1) {
		// RFC 9110 §7.8: a server MUST ignore Upgrade in an HTTP/1.0 request,
		// so it answers it exactly as it answers the request without Upgrade:
		// a server that requires a protocol still does (426).
		if !n.cfg.HTTP.Upgrade10 {
			n.t.skip("Upgrade is honoured only in HTTP/1.1", sp, noteUpgradeHTTP10, Var{"version", r.Version})
			return n.requiredStage()
		}
		n.t.fail("Upgrade is honoured only in HTTP/1.1", sp, noteUpgrade10Honoured, n.prof.vars(Var{"version", r.Version})...)
	}
	var listed int
	n.offers, listed = parseOffers(n, upgrades)
	if n.cfg.HTTP.TokenListStops && !stoppingListHas(upgrades, "websocket") {
		kept := n.offers[:0] // a loop, not slices.DeleteFunc: see netHTTPWrite
		for _, o := range n.offers {
			if !equalFold(o.Name, "websocket") {
				kept = append(kept, o)
				continue
			}
			n.t.note(o.Span, noteTokenListStops, n.prof.vars(Var{"field", "Upgrade"}, Var{"token", "websocket"})...)
		}
		n.offers = kept
	}
	if len(n.offers) == 0 {
		if listed > 0 {
			n.t.skip("the request offers a well-formed protocol in Upgrade", sp, nil)
		} else {
			n.t.note(sp, noteUpgradeEmpty)
		}
		return n.requiredStage()
	}
	optSpan := connSpan
	if optSpan.Empty() {
		optSpan = sp
	}
	if !hasOption {
		switch n.cfg.HTTP.NoConnectionOption {
		case "426":
			step := n.t.refuse("Connection lists the \"upgrade\" option", optSpan, noteNoUpgradeOption426)
			return refusal(n.upgradeRequired(n.offeredSupported(), "the request's Connection field does not list \"upgrade\""), step)
		case "400":
			step := n.t.refuse("Connection lists the \"upgrade\" option", optSpan, noteNoUpgradeOption400)
			return refusal(errorResponse(noteNoUpgradeOption400, nil, r), step)
		}
		// A handler may still choose to act (x/net's h2c ignores the option);
		// by default the offers are ignored.
		n.t.fail("Connection lists the \"upgrade\" option", optSpan, noteNoUpgradeOption)
		for _, o := range n.offers {
			if h := n.handlerFor(o); h != nil && h.name == "h2c" && n.cfg.H2C.IgnoreConnection {
				if !n.switchable() || !n.switchKeeps(h, o) {
					return n.requiredStage()
				}
				if v := h.negotiate(n, o); v != nil {
					return v
				}
				return n.requiredStage()
			}
		}
		return n.requiredStage()
	}
	n.t.pass("Connection lists the \"upgrade\" option", connSpan, nil)
	if !n.switchable() {
		return n.requiredStage()
	}

	var firstReject *verdict
	for _, o := range n.offers {
		h := n.handlerFor(o)
		if h == nil {
			n.t.skip("the server supports "+o.String(), o.Span, noteUnknownProtocol, Var{"protocol", o.String()}, Var{"registry", registryEntry(o.Name)})
			continue
		}
		if h.semantics != nil {
			if why := h.semantics(n, o); why != "" {
				n.t.skip("the request's semantics can be honoured by "+o.String(), o.Span, noteSemanticsNotHonoured, Var{"protocol", o.String()}, Var{"why", why})
				continue
			}
		}
		if !n.switchKeeps(h, o) {
			continue
		}
		res := h.negotiate(n, o)
		switch {
		case res == nil:
			continue
		case res.accept:
			n.t.pass("the server switches to an offered protocol", o.Span, noteChosen, Var{"protocol", o.String()})
			return res
		case res.closes:
			return res
		case h.name == "h2c":
			// Only h2cbad=500 makes the h2c handler refuse: it plays
			// golang.org/x/net/http2/h2c, which answers 500 before the
			// application sees the request, so no later offer is tried.
			return res
		case firstReject == nil:
			firstReject = res
		}
	}
	if firstReject != nil {
		return firstReject
	}
	return n.requiredStage()
}

// switchable reports whether the connection may be handed to another
// protocol at all, recording why not: a connection that must close after
// the response (RFC 9112 §9.6, §6.1) cannot also be switched, and a CONNECT
// request, which this origin server does not implement, has semantics no
// protocol can honour (RFC 9110 §7.8).
func (n *negotiation) switchable() bool {
	r := n.req
	if why, sp := n.closeReason(); why != "" {
		if !n.cfg.HTTP.SwitchOnClose {
			n.t.fail("nothing obliges the server to close the connection", sp, noteCloseNoSwitch, Var{"why", why})
			return false
		}
		n.t.note(sp, noteSwitchOnClose, n.prof.vars(Var{"why", why})...)
	}
	if r.Method == "CONNECT" && !n.prof.tolerates(noteConnectNotProxy) { // a server that passes CONNECT to its handler lets the handler decide
		n.t.fail("the request's semantics can be honoured after a switch", r.MethodSpan, noteSemanticsNotHonoured,
			Var{"protocol", n.offers[0].String()}, Var{"why", "this origin server does not implement CONNECT"})
		return false
	}
	return true
}

// switchKeeps reports whether a switch to h's protocol keeps the server's
// requirements, recording why not. A server that requires a protocol
// answers 426 to a request that does not use it (RFC 9110 §15.5.22, RFC 2817
// §4.2), and after a 101 the request is answered in the new protocol (RFC
// 9110 §7.8): a switch to another protocol would answer it without the
// required one, so adding Upgrade would get round the requirement. The
// server ignores such an offer, as it may ignore any. A switch to TLS keeps
// every requirement: TLS goes beneath HTTP, and the request answered inside
// it meets the server's rules there (RFC 2817 §3.3).
func (n *negotiation) switchKeeps(h *handler, o offer) bool {
	if h.name == "TLS" || h.name == "myth" { // the myths' tokens are never switched to: their note says why
		return true
	}
	for _, req := range n.handlers {
		if req.requires == nil {
			continue
		}
		if need := req.requires(n.cfg); need != "" && need != h.name {
			n.t.skip("a switch to "+o.String()+" keeps the server's requirement of "+need, o.Span, noteRequirementKept,
				Var{"protocol", o.String()}, Var{"required", need})
			return false
		}
	}
	return true
}

// requiredStage returns the refusal of the first handler that requires its
// protocol for this request (RFC 9110 §15.5.22), or nil.
func (n *negotiation) requiredStage() *verdict {
	for _, h := range n.handlers {
		if h.required == nil {
			continue
		}
		if v := h.required(n); v != nil {
			return v
		}
	}
	return nil
}

// upgradeRequired builds a 426: it MUST carry Upgrade with the acceptable
// protocols (RFC 9110 §15.5.22) and so Connection: Upgrade (§7.8).
func (n *negotiation) upgradeRequired(protocols, why string) *Response {
	resp := &Response{Status: 426}
	resp.Add("Upgrade", protocols)
	resp.Add("Connection", "Upgrade")
	n.t.note(Span{}, note426, Var{"protocols", protocols})
	return resp.withBody("text/plain; charset=utf-8", "426 Upgrade Required: "+why+".\n")
}

// offeredSupported is the 426 Upgrade value for a request whose offers
// were not taken: the offered protocols the server supports, in the
// client's order, or else every protocol the server supports.
func (n *negotiation) offeredSupported() string {
	var list []string
	for _, o := range n.offers {
		if h := n.handlerFor(o); h != nil && h.advertise != nil {
			if s := h.advertise(n.cfg); s != "" && !slices.Contains(list, s) {
				list = append(list, s)
			}
		}
	}
	if len(list) == 0 {
		return n.supportedList()
	}
	return strings.Join(list, ", ")
}

// supportedList is the Upgrade value listing every protocol the server supports.
func (n *negotiation) supportedList() string {
	if s := n.advertised(); s != "" {
		return s
	}
	return "websocket"
}

// handlerFor returns the handler responsible for the offer, or nil.
func (n *negotiation) handlerFor(o offer) *handler {
	for _, h := range n.handlers {
		if h.match(o) {
			return h
		}
	}
	return nil
}

// parseOffers splits the Upgrade lines into protocols; listed counts the
// list's elements. An element that is not protocol-name ["/"
// protocol-version] is reported and skipped.
func parseOffers(n *negotiation, lines []Field) (offers []offer, listed int) {
	for _, f := range lines {
		es, empties := splitList(f.Value, f.ValueSpan.Start)
		listed += len(es)
		if empties > 0 && len(es) > 0 {
			n.t.note(f.ValueSpan, noteEmptyListElements, Var{"name", f.Name})
		}
		for _, e := range es {
			name, version, slash := strings.Cut(e.Value, "/")
			if !isToken(name) || slash && !isToken(version) {
				n.t.fail("each Upgrade element is protocol-name [\"/\" protocol-version]", e.Span, noteUpgradeElementSyntax, Var{"element", e.Value})
				continue
			}
			offers = append(offers, offer{name, version, e.Span})
		}
	}
	return offers, listed
}

// stoppingListHas is the list lookup of a library that reads each line
// only up to its first element that is not a bare token followed by a
// comma or the end (Config.HTTP.TokenListStops).
func stoppingListHas(lines []Field, token string) bool {
	for _, f := range lines {
		s := f.Value
		for range len(s) + 1 {
			s = strings.TrimLeft(s, " \t")
			i := firstNonTchar(s)
			if i < 0 {
				i = len(s)
			}
			t := s[:i]
			s = strings.TrimLeft(s[i:], " \t")
			if t == "" || s != "" && s[0] != ',' {
				break
			}
			if equalFold(t, token) {
				return true
			}
			if s == "" {
				break
			}
			s = s[1:]
		}
	}
	return false
}

// checkConnection lints the Connection options (RFC 9110 §7.6.1) of the
// Connection lines.
func checkConnection(n *negotiation, lines []Field) {
	for _, f := range lines {
		es, empties := splitList(f.Value, f.ValueSpan.Start)
		if empties > 0 && len(es) > 0 {
			n.t.note(f.ValueSpan, noteEmptyListElements, Var{"name", f.Name})
		}
		for _, e := range es {
			if !isToken(e.Value) {
				n.t.fail("each Connection option is a token", e.Span, noteConnectionOptionSyntax, Var{"option", e.Value})
				continue
			}
			for _, field := range endToEndFields {
				if equalFold(e.Value, field) {
					n.t.note(e.Span, noteConnectionEndToEnd, Var{"option", e.Value})
				}
			}
		}
	}
}

// endToEndFields are fields a sender MUST NOT list in Connection (RFC 9110 §7.6.1).
var endToEndFields = []string{"Cache-Control", "Host", "Content-Length", "Authorization", "Cookie", "Content-Type"}

// registryEntry names the IANA HTTP Upgrade Token registry entry for a
// protocol name, or "" when it has none (RFC 9110 §16.7).
func registryEntry(name string) string {
	for _, e := range upgradeRegistry {
		if equalFold(name, e[0]) {
			return e[0] + " (" + e[1] + ")"
		}
	}
	return ""
}

var upgradeRegistry = [][2]string{
	{"HTTP", "Hypertext Transfer Protocol, RFC 9110 §2.5"},
	{"TLS", "Transport Layer Security, RFC 2817"},
	{"WebSocket", "The WebSocket Protocol, RFC 6455"},
	{"h2c", "HTTP/2 over cleartext TCP, obsolete, RFC 9113 §3.1"},
	{"connect-udp", "Proxying of UDP payloads, RFC 9298"},
	{"connect-ip", "Proxying of IP payloads, RFC 9484"},
}

// expectationMet refuses, with 417, an HTTP/1.1 request whose Expect field
// lists an expectation other than 100-continue (RFC 9110 §10.1.1), and
// reports whether the request got past that check. It runs before the
// Upgrade stage: an expectation the server cannot meet decides the
// response before any protocol is considered (as Go's server answers 417
// before any handler sees the request), so no step speaks of a switch that
// the 417 then contradicts.
//
//	Expect      = #expectation
//	expectation = token [ "=" ( token / quoted-string ) parameters ]
func (n *negotiation) expectationMet() bool {
	r := n.req
	if !r.AtLeast(1, 1) || len(r.Values("Expect")) == 0 {
		return true // HTTP/1.0's Expect is ignored (expectStage says so)
	}
	for _, e := range r.List("Expect") {
		if !equalFold(e.Value, "100-continue") {
			vars := []Var{{"expectation", e.Value}}
			step := n.t.refuse("the expectation is 100-continue", e.Span, noteExpectUnknown, vars...)
			n.final(errorResponse(noteExpectUnknown, vars, r), step)
			if ups := r.Values("Upgrade"); len(ups) > 0 {
				n.t.stage = StageUpgrade
				n.t.skip("Upgrade is considered only when the expectation can be met", spanOf(ups), nil)
			}
			return false
		}
	}
	return true
}

// expectStage applies 100-continue (RFC 9110 §10.1.1) once the Upgrade stage
// has decided: a 100 before the content, and before a 101 (§7.8); none when
// the server refuses the request anyway (the final response goes out
// first), or, with expect=skip-if-received, when the content has arrived and
// the server does not switch.
func (n *negotiation) expectStage(v *verdict) {
	rejecting, switching := v != nil && v.reject != nil, v != nil && v.accept
	r := n.req
	ex := r.Values("Expect")
	if len(ex) == 0 {
		return
	}
	sp := r.fieldSpan("Expect")
	if !r.AtLeast(1, 1) {
		// RFC 9110 §10.1.1: a server MUST ignore 100-continue in an HTTP/1.0 request.
		n.t.skip("Expect is honoured only in HTTP/1.1", sp, noteExpectHTTP10)
		return
	}
	es := r.List("Expect")
	if len(es) == 0 {
		n.t.skip("Expect lists an expectation", sp, nil)
		return
	}
	if !r.Chunked && len(r.Body) == 0 && r.BodyComplete {
		n.t.skip("100 Continue is needed only before content", sp, noteExpectNoBody)
		return
	}
	if rejecting {
		n.t.skip("100 Continue is sent only when the server will read the content", sp, noteExpectFinalInstead)
		n.early = true
		return
	}
	if ef := n.cfg.HTTP.EarlyFinal; ef == "always" || ef == "ordinary" && !switching {
		n.t.skip("100 Continue invites the content", sp, noteEarlyFinal, n.prof.vars()...)
		n.early = true
		return
	}
	// RFC 9110 §10.1.1 lets a server omit the 100 when the content has
	// already arrived, but §7.8 says a server that receives both Upgrade and
	// 100-continue "MUST send a 100 (Continue) response before sending a
	// 101": the omission is for a request the server does not switch.
	if r.BodyComplete && n.cfg.HTTP.Expect100 == "skip-if-received" && !switching {
		n.t.skip("100 Continue is sent before the content arrives", sp, noteExpectSkipped)
		return
	}
	n.res.Interim = append(n.res.Interim, Response{Status: 100})
	if switching {
		n.t.pass("100 Continue comes before the 101", sp, noteExpectBeforeSwitch)
	} else {
		n.t.pass("100 Continue invites the content", sp, noteExpectContinue)
	}
}
