// Package clientpeer holds the client matrix: a test-only mock server on
// 127.0.0.1 answers each real client's handshake (Chromium, Firefox,
// gorilla/websocket, coder/websocket, Node's ws, python-websockets, curl and
// nghttp) with one variation at a time of a correct answer, records what
// each client did, and checks that reverse mode (engine.Judge) reaches the
// same verdict for every cell. The package has no code of its own, so none
// of it reaches the WebAssembly.
package clientpeer
