// Command wasmsize reports what a Go WebAssembly module is made of: its
// code by package (raw bytes, and gzip -9 of that package's function
// bodies alone) and its data. go tool nm does not read WebAssembly, so
// this reads the module's sections (WebAssembly Core 5.5) and the
// function names of its "name" section, which a build with -ldflags='-s
// -w' leaves out: build without them to measure.
//
//	GOOS=js GOARCH=wasm go build -trimpath -o /tmp/main.wasm ./wasm
//	go run ./site/wasmsize [-n 30] [-funcs 20] /tmp/main.wasm
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
)

func main() {
	n := flag.Int("n", 30, "packages to list")
	funcs := flag.Int("funcs", 0, "largest functions to list")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize [-n N] [-funcs N] FILE")
		os.Exit(2)
	}
	module, err := os.ReadFile(flag.Arg(0))
	if err == nil {
		err = report(module, *n, *funcs)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
}

// The ids of the sections read (WebAssembly Core 5.5.2).
const (
	sectionCustom = 0
	sectionImport = 2
	sectionCode   = 10
	sectionData   = 11
)

// A function is a function body of the code section and its name.
type function struct {
	name string
	body []byte
}

// A reader reads the binary format; after its first error every read
// returns zero values and the error stays.
type reader struct {
	b   []byte
	err error
}

func (r *reader) uint() uint64 {
	v, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[k:]
	return v
}

func (r *reader) bytes(n uint64) []byte {
	if r.err != nil || n > uint64(len(r.b)) {
		r.fail()
		return nil
	}
	b := r.b[:n]
	r.b = r.b[n:]
	return b
}

func (r *reader) byte() byte {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errors.New("truncated or malformed module")
	}
	r.b = nil
}

// A module is what the report reads of a module.
type module struct {
	size      int
	code      []byte // the code section
	data      []byte // the data section
	segments  uint64
	functions []function
}

// parse reads a module's sections, its function bodies and their names.
func parse(b []byte) (*module, error) {
	if !bytes.HasPrefix(b, []byte("\x00asm")) || len(b) < 8 {
		return nil, errors.New("not a WebAssembly module")
	}
	m := &module{size: len(b)}
	var imports, names []byte
	r := &reader{b: b[8:]}
	for len(r.b) > 0 && r.err == nil {
		id := r.byte()
		body := r.bytes(r.uint())
		switch id {
		case sectionCustom:
			c := &reader{b: body}
			if string(c.bytes(c.uint())) == "name" {
				names = c.b
			}
		case sectionImport:
			imports = body
		case sectionCode:
			m.code = body
		case sectionData:
			m.data = body
			m.segments = (&reader{b: body}).uint()
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	if names == nil {
		return nil, errors.New(`no "name" section: build without -ldflags='-s -w'`)
	}
	imported, err := functionImports(imports)
	if err != nil {
		return nil, err
	}
	fnames, err := functionNames(names)
	if err != nil {
		return nil, err
	}
	c := &reader{b: m.code}
	for i := range c.uint() {
		m.functions = append(m.functions, function{fnames[uint64(imported)+i], c.bytes(c.uint())})
	}
	return m, c.err
}

func report(b []byte, n, nfuncs int) error {
	m, err := parse(b)
	if err != nil {
		return err
	}
	type pkg struct {
		name string
		code []byte
	}
	byName := map[string]*pkg{}
	var pkgs []*pkg
	for _, f := range m.functions {
		name := packageOf(f.name)
		p := byName[name]
		if p == nil {
			p = &pkg{name: name}
			byName[name] = p
			pkgs = append(pkgs, p)
		}
		p.code = append(p.code, f.body...)
	}
	slices.SortFunc(pkgs, func(a, b *pkg) int { return len(b.code) - len(a.code) })
	fmt.Printf("%-50s %10s %10s\n", "section / package", "raw", "gzip -9")
	fmt.Printf("%-50s %10d %10d\n", "code (every function body)", len(m.code), gz(m.code))
	for i, p := range pkgs {
		if i == n {
			break
		}
		fmt.Printf("  %-48s %10d %10d\n", p.name, len(p.code), gz(p.code))
	}
	fmt.Printf("%-50s %10d %10d\n", fmt.Sprintf("data (%d segments)", m.segments), len(m.data), gz(m.data))
	fmt.Printf("%-50s %10d %10d\n", "module", m.size, gz(b))
	slices.SortFunc(m.functions, func(a, b function) int { return len(b.body) - len(a.body) })
	for i, f := range m.functions {
		if i == nfuncs {
			break
		}
		fmt.Printf("%10d  %s\n", len(f.body), f.name)
	}
	return nil
}

// packageOf is the package of a function as Go's linker names it in the
// name section, with the path's slashes (and other characters outside
// identifiers) written as underscores, as in
// "github.com_x_y.__T_.m": what comes before the first dot, past a
// leading domain name's.
func packageOf(fn string) string {
	start := 0
	d, u := strings.IndexByte(fn, '.'), strings.IndexByte(fn, '_')
	if d >= 0 && u > d+1 && isLower(fn[d+1:u]) { // github.com_…
		start = u
	}
	if dot := strings.IndexByte(fn[start:], '.'); dot >= 0 {
		return fn[:start+dot]
	}
	return fn
}

func isLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// functionImports counts the imported functions, which come first in the
// function index space.
func functionImports(b []byte) (int, error) {
	r := &reader{b: b}
	n := 0
	for range r.uint() {
		r.bytes(r.uint()) // module
		r.bytes(r.uint()) // name
		switch r.byte() {
		case 0: // a function: its type index
			r.uint()
			n++
		case 1: // a table: reference type, limits
			r.byte()
			r.limits()
		case 2: // a memory: limits
			r.limits()
		case 3: // a global: value type, mutability
			r.bytes(2)
		default:
			r.fail()
		}
		if r.err != nil {
			break
		}
	}
	return n, r.err
}

func (r *reader) limits() {
	if r.byte()&1 != 0 {
		r.uint()
	}
	r.uint()
}

// functionNames reads the function names subsection (id 1) of a "name"
// section.
func functionNames(b []byte) (map[uint64]string, error) {
	names := map[uint64]string{}
	r := &reader{b: b}
	for len(r.b) > 0 && r.err == nil {
		id := r.byte()
		sub := &reader{b: r.bytes(r.uint())}
		if id != 1 {
			continue
		}
		for range sub.uint() {
			idx := sub.uint()
			names[idx] = string(sub.bytes(sub.uint()))
			if sub.err != nil {
				return nil, sub.err
			}
		}
	}
	return names, r.err
}

func gz(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Len()
}
