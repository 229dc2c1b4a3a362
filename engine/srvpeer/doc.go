// Package srvpeer holds the differential tests of the engine's server
// profiles against the real libraries they reproduce: every request of a
// shared corpus (every golden, every gallery example, and generated
// requests, each with a stable name) goes over a fresh loopback TCP
// connection to the real server, and its answer is compared with what
// engine.Negotiate answers for that profile.
//
// The comparison is byte for byte on each response's status line and
// field lines, in order, Date left out (the engine never emits it), and on
// the final response's body: a profile reproduces the library's wording
// too. A 101 is compared on its head only (the new protocol's bytes are
// engine/wspeer's and engine/h2peer's business); an HTTP/2 answer by prior
// knowledge on its first frame being SETTINGS. An answer ends where its
// framing says (Content-Length, chunked) or where the server closes; that
// the server waits for more of the request can only be seen as silence,
// so it is the one outcome read with a short deadline.
//
// Differences the engine does not reproduce are listed, each with its
// reason, in testdata/differences-<profile>.txt; an unlisted difference,
// or a listed one that no longer occurs, fails the test. The package has
// no code of its own outside tests, so none of it reaches the WebAssembly.
package srvpeer
