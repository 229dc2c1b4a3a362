package engine_test

import (
	"fmt"
	"strings"

	"github.com/upgrade-playground/playground/engine"
)

// The RFC 6455 §1.3 sample handshake, answered by the default server.
func ExampleNegotiate() {
	req := "GET /chat HTTP/1.1\r\n" +
		"Host: server.example.com\r\n" +
		"Upgrade: websocket\r\n" +
		"Connection: Upgrade\r\n" +
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" +
		"Sec-WebSocket-Version: 13\r\n" +
		"\r\n"
	res := engine.Negotiate([]byte(req), nil)
	// The wire has CRLF line ends; print them as line breaks.
	fmt.Print(strings.ReplaceAll(string(res.Bytes()), "\r\n", "\n"))
	fmt.Println(res.Switched)
	// Output:
	// HTTP/1.1 101 Switching Protocols
	// Upgrade: websocket
	// Connection: Upgrade
	// Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=
	//
	// websocket
}

// A malformed request gets its error response, and the deciding step says
// which rule it broke and where.
func ExampleNegotiate_diagnostic() {
	res := engine.Negotiate([]byte("GET / HTTP/1.1\r\nHost : example.com\r\n\r\n"), nil)
	d := res.Trace[res.Decisive]
	p := res.Request.Pos(d.Span.Start)
	fmt.Println(res.Status(), d.Note.ID, d.Note.Ref)
	fmt.Printf("line %d, column %d: %s\n", p.Line, p.Col, d.Summary())
	// Output:
	// 400 space-before-colon RFC 9112 §5.1
	// line 2, column 5: Whitespace between the field name Host and the colon.
}

// Settings change the server the engine plays, by their deep-link keys.
func ExampleSetting() {
	cfg := engine.DefaultConfig()
	if err := engine.LookupSetting("fold").Set(&cfg, "unfold"); err != nil {
		panic(err)
	}
	res := engine.Negotiate([]byte("GET / HTTP/1.1\r\nHost: example.com\r\nX-Long: a\r\n b\r\n\r\n"), &cfg)
	fmt.Println(res.Status())
	// Output:
	// 200
}
