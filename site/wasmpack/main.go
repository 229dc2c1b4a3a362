// Command wasmpack rewrites a WebAssembly module's data section so that it
// compresses better, without changing the memory it initializes.
//
// Go's linker leaves out every run of zero bytes in the data longer than a
// segment's header (about 8 bytes) and starts a new data segment after it,
// which makes the raw module smallest: the playground's had some 37,000
// segments. Each header holds the segment's address in memory, a number
// that differs every time, which gzip and brotli cannot predict, while a
// run of zeros costs them almost nothing. wasmpack joins segments separated
// by at most -gap zero bytes, writing the zeros out: the module is larger
// raw and smaller compressed (docs/performance.md has the figures). The
// memory the module starts with is the same byte for byte, because a new
// memory is all zeros (WebAssembly Core 4.5.4, instantiation: active data
// segments are copied into the zeroed memory in order).
//
// Usage:
//
//	wasmpack [-gap N] FILE
//
// rewrites FILE in place.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	gap := flag.Int("gap", DefaultGap, "join data segments separated by at most this many zero bytes")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmpack [-gap N] FILE")
		os.Exit(2)
	}
	name := flag.Arg(0)
	in, err := os.ReadFile(name)
	if err == nil {
		var out []byte
		if out, err = Pack(in, *gap); err == nil {
			err = os.WriteFile(name, out, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmpack:", err)
		os.Exit(1)
	}
}
