package main

import (
	"go/ast"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
)

// TestAllWasmTags checks that every non-test file of the adapter carries
// //go:build js && wasm (the adapter is browser-only; logic lives in the
// natively tested engine and the pure packages under wasm/).
func TestAllWasmTags(t *testing.T) {
	for _, name := range sourceFiles(t) {
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
}

// sourceFiles lists the adapter's Go files, tests left out.
func sourceFiles(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if name := e.Name(); strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		t.Fatal("no source files found")
	}
	return names
}

// TestExportsRecover checks that every function the module exports to
// JavaScript with //go:wasmexport begins with defer recovered(...): a
// panic escaping it would end the Go program for good, and the page
// would die silently. (Functions exported through js.Func go through
// guard, which does the same.)
func TestExportsRecover(t *testing.T) {
	n := 0
	for _, name := range sourceFiles(t) {
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Doc == nil || !hasDirective(fn.Doc, "//go:wasmexport") {
				continue
			}
			n++
			ok = false
			if fn.Body != nil && len(fn.Body.List) > 0 {
				if ds, isDefer := fn.Body.List[0].(*ast.DeferStmt); isDefer {
					if id, isIdent := ds.Call.Fun.(*ast.Ident); isIdent && id.Name == "recovered" {
						ok = true
					}
				}
			}
			if !ok {
				t.Errorf("%s: %s is exported with //go:wasmexport but does not begin with defer recovered(...)", name, fn.Name.Name)
			}
		}
	}
	if n == 0 {
		t.Fatal("no //go:wasmexport function found (site/app.js calls playground_render)")
	}
}

func hasDirective(g *ast.CommentGroup, directive string) bool {
	for _, c := range g.List {
		if strings.HasPrefix(c.Text, directive) {
			return true
		}
	}
	return false
}
