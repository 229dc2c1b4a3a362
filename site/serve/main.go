// Command serve serves the playground's static site (the repository root
// after ./build.sh) on a loopback address, with application/wasm, the
// precompressed .wasm.br and .wasm.gz, text compressed with brotli or gzip,
// and the header that lets the service worker control the root page (see
// static.Handler). ./build.sh serve runs it; the browser tests serve the
// site with the same handler.
//
//	go run ./site/serve -addr 127.0.0.1:8080 -root .
package main

import (
	"flag"
	"log"
	"net"
	"net/http"

	"github.com/upgrade-playground/playground/site/serve/static"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	root := flag.String("root", ".", "directory to serve (the repository root)")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("Upgrade Playground on http://%s/", ln.Addr())
	log.Fatal(http.Serve(ln, static.Handler(*root)))
}
