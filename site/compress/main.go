// Command compress writes precompressed copies of files for static serving:
// for each argument F it writes F.gz (gzip, best compression) and F.br
// (brotli, best compression), which site/serve sends with the matching
// Content-Encoding to clients that accept it. The encoders are the ones
// static.Handler compresses text with.
package main

import (
	"fmt"
	"os"

	"github.com/upgrade-playground/playground/site/serve/static"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: compress FILE...")
		os.Exit(2)
	}
	for _, name := range os.Args[1:] {
		if err := compress(name); err != nil {
			fmt.Fprintln(os.Stderr, "compress:", err)
			os.Exit(1)
		}
	}
}

// upToDate reports whether out exists and is not older than in.
func upToDate(out, in string) bool {
	o, err1 := os.Stat(out)
	i, err2 := os.Stat(in)
	return err1 == nil && err2 == nil && !o.ModTime().Before(i.ModTime())
}

func compress(name string) error {
	if upToDate(name+".gz", name) && upToDate(name+".br", name) {
		return nil
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	gz, err := static.Gzip(data)
	if err != nil {
		return err
	}
	if err := os.WriteFile(name+".gz", gz, 0o644); err != nil {
		return err
	}
	return os.WriteFile(name+".br", static.Brotli(data), 0o644)
}
