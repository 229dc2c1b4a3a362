// Package gallery is the page's examples gallery: one file per example under
// examples/, in the txtar shape of the engine's golden exchanges. The header
// lines say what the example is:
//
//	id: ws-rfc6455-sample      (stable forever: links use #ex=ID)
//	title: The RFC 6455 sample handshake
//	group: WebSocket           (WebSocket, h2c, TLS, Upgrade, Syntax, Security, Myths)
//	lesson: one sentence the example teaches
//	expect: 101                (the final status the example's server must answer by
//	                            the RFCs; with prior knowledge, the :status of its
//	                            HTTP/2 answer)
//	order: 10                  (position in the gallery)
//
//	srv: gorilla              (optional: the server profile, engine.LookupProfile;
//	                            expect is then that profile's answer)
//	proxy: nginx               (optional: a proxy hop in front of the server)
//	view: compare              (optional: the example opens in the side-by-side
//	                            view, every profile answering the request)
//	refused-by: chromium, ws   (reverse mode: the clients that refuse the
//	                            response, in engine.Judge's order, or none)
//
// followed by a `-- request --` section in wire text (package
// engine/wiretext), an optional `-- response --` section in wire text (reverse
// mode: the response a server sent, which the page judges as clients do;
// expect is then the response's status), and an optional
// `-- settings --` section of key=value lines, the deep-link keys of the
// server's settings.
//
// The files are compiled to Go ahead of time (examples_gen.go, written by
// go generate ./...), so that the page starts without reading or parsing
// anything, and its .wasm carries neither embed nor io/fs.
package gallery

import "github.com/upgrade-playground/playground/engine"

// An Example is one entry of the gallery.
type Example struct {
	ID, Title, Group, Lesson string
	Expect                   int // the status the example's server answers
	Order                    int
	Request                  []byte
	Settings                 [][2]string // key, value, in file order
	Server                   string      // the server profile ("" is the default server, rfc)
	Proxy                    string      // "" or "nginx"
	View                     string      // "" or "compare": opens in the side-by-side view
	// Response holds reverse mode's response, the exact bytes judged as
	// clients judge them, or nil for a server-side example.
	Response  []byte
	RefusedBy string // reverse mode: the clients that refuse the response ("none")
}

// Examples returns the gallery in order.
func Examples() []Example { return examples }

// Lookup returns the example with the id.
func Lookup(id string) (Example, bool) {
	for _, e := range examples {
		if e.ID == id {
			return e, true
		}
	}
	return Example{}, false
}

// Config returns the example's server: its profile (the default server when
// it names none), with its proxy and settings applied.
func (e Example) Config() engine.Config {
	c := engine.DefaultConfig()
	if p := engine.LookupProfile(e.Server); p != nil {
		c = p.Config()
	}
	c.Proxy = e.Proxy
	for _, kv := range e.Settings {
		if s := engine.LookupSetting(kv[0]); s != nil {
			_ = s.Set(&c, kv[1])
		}
	}
	return c
}
