package engine

// Reverse mode: the client's side of the handshake. Judge reads a response
// a server sent and the request the client sent, and decides, as each real
// client does, whether the client accepts it (RFC 6455 §4.1, RFC 7692
// §5–7, RFC 9110 §7.8 and §15.2.2, RFC 7540 §3.2 and §3.5).

// A ClientProfile is a real client whose handshake checks reverse mode
// reproduces.
type ClientProfile struct {
	ID      string // "chromium", "firefox", "gorilla", "coder", "ws", "websockets", "curl"
	Title   string // e.g. "Chromium 156 new WebSocket()"
	Library string
	Version string
	// Setup is the client's reference setup, one plain-text sentence: the
	// code or command a user would run. What it offers (subprotocols,
	// compression) comes from the judged request.
	Setup string
	// Protocols are the upgrades the client asks for: "websocket", "h2c".
	Protocols []string
}

// A Judgement is reverse mode's answer: the response parsed, the checks the
// RFCs ask a client to make, and each client's verdict.
type Judgement struct {
	// Request is the client's request, parsed; it says what the client
	// offered (subprotocols, extensions, the key).
	Request *Request
	// Response is the response's exact bytes.
	Response []byte
	// Head is the response parsed: status line and field lines, with
	// spans into Response (Head.Pos gives lines and columns).
	Head *Received
	// Kind is the upgrade the request asks for: "websocket", "h2c", or ""
	// when it asks for neither (then no client is judged).
	Kind string
	// Trace lists every check, in order; spans are into Response.
	Trace []Step
	// Clients holds one verdict per client profile that sends such a
	// request (every profile for websocket, curl for h2c), in
	// ClientProfiles order.
	Clients []ClientVerdict
}

// A ClientVerdict is what one real client does with the response.
type ClientVerdict struct {
	ID, Title string
	Accepts   bool
	// Reason is the client's own error wording when it refuses; empty when
	// it accepts.
	Reason string
	Refs   []Ref
	// Step is the index in Judgement.Trace of the check the client fails
	// on, or -1 when it accepts.
	Step int
}

// ServerAnswer is what the playground's default server answers to the
// judged request: "what should the server have sent?". Judge(request,
// ServerAnswer().ServerBytes()) judges that answer in turn.
func (j *Judgement) ServerAnswer() *Result { return Negotiate(j.Request.Raw, nil) }

// ServerBytes returns every byte the server sends on the connection, in
// order: the response (Bytes) and then the server's parts of After, the
// new protocol's first frames (for h2c, the SETTINGS of its connection
// preface). It is the response reverse mode judges: "what would clients do
// with this?" is Judge(request, res.ServerBytes()).
func (r *Result) ServerBytes() []byte {
	b := r.Bytes()
	for _, p := range r.After {
		if p.From == "server" {
			b = append(b, p.Bytes...)
		}
	}
	return b
}

// Verdict returns the verdict of the client with the id, or nil.
func (j *Judgement) Verdict(id string) *ClientVerdict {
	for i := range j.Clients {
		if j.Clients[i].ID == id {
			return &j.Clients[i]
		}
	}
	return nil
}
