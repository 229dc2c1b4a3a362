// Package wspeer holds the WebSocket tests against real peers, natively:
// real clients (headless Chromium, gorilla/websocket and coder/websocket
// dialers) talking to a loopback server whose handshake answers are the
// engine's exact bytes, and a differential test that sends the same request
// bytes to gorilla/websocket and coder/websocket servers and to the engine.
// The package has no code of its own, so none of it reaches the WebAssembly.
package wspeer
