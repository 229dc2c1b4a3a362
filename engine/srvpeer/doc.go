// Package srvpeer holds the differential tests of the engine's server
// profiles against the real libraries they reproduce: every request of a
// shared corpus goes over a fresh loopback TCP connection to the real
// server, and its answer is compared byte for byte with what
// engine.Negotiate answers for that profile. Differences the engine does
// not reproduce are listed, each with its reason, in
// testdata/differences-<profile>.txt; an unlisted difference, or a listed
// one that no longer occurs, fails the test. The package has no code of its
// own outside tests, so none of it reaches the WebAssembly.
package srvpeer
