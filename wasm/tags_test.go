package main

import (
	"go/build/constraint"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
)

// TestAllWasmTags checks that every non-test file of the adapter carries
// //go:build js && wasm (the adapter is browser-only; logic lives in the
// natively tested engine and wasm/render packages).
func TestAllWasmTags(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		n++
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			t.Fatal(err)
		}
		ok := false
		for _, g := range f.Comments {
			for _, c := range g.List {
				if expr, err := constraint.Parse(c.Text); err == nil && expr.String() == "js && wasm" {
					ok = true
				}
			}
		}
		if !ok {
			t.Errorf("%s lacks //go:build js && wasm", name)
		}
	}
	if n == 0 {
		t.Fatal("no source files found")
	}
}
