package engine

// The examples gallery: one file per example under examples/, in the same
// txtar shape as the goldens. The header lines say what the example is:
//
//	id: ws-rfc6455-sample      (stable forever: links use #ex=ID)
//	title: The RFC 6455 sample handshake
//	group: WebSocket           (WebSocket, h2c, TLS, Upgrade, Syntax, Security, Myths)
//	lesson: one sentence the example teaches
//	expect: 101                (the final status the example's server must answer by
//	                            the RFCs; 0 = no HTTP/1.1 final response: the server is
//	                            still waiting, or speaks HTTP/2 from the first byte)
//	order: 10                  (position in the gallery)
//
// followed by a `-- request --` section in wire text (see wiretext.go) and an
// optional `-- settings --` section of key=value lines.
//
// The files are parsed when the engine is built, not when it starts:
// go run ./wasm/render/gen (which ./build.sh runs) writes them as Go in
// examples_gen.go, so that the page starts without reading or parsing
// anything, and its .wasm carries neither embed nor io/fs. A test fails
// when examples_gen.go is stale.

// An Example is one entry of the gallery.
type Example struct {
	ID, Title, Group, Lesson string
	Expect                   int // the status the example's server answers
	Order                    int
	Request                  []byte
	Settings                 [][2]string // key, value, in file order
}

// Examples returns the gallery in order.
func Examples() []Example { return examples }

// LookupExample returns the example with the id.
func LookupExample(id string) (Example, bool) {
	for _, e := range examples {
		if e.ID == id {
			return e, true
		}
	}
	return Example{}, false
}

// Config returns the example's server: the default one with its settings applied.
func (e Example) Config() Config {
	c := DefaultConfig()
	for _, kv := range e.Settings {
		if s := LookupSetting(kv[0]); s != nil {
			_ = s.Set(&c, kv[1])
		}
	}
	return c
}

func atoiSafe(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		if !isDigit(s[i]) {
			return n
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}
