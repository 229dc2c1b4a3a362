package engine

// sha1Sum is sha1Generic in WebAssembly: crypto/sha1 would bring the FIPS
// 140 module into the page's .wasm (see sha1.go).
func sha1Sum(data []byte) [20]byte { return sha1Generic(data) }
