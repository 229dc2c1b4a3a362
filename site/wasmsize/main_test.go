package main

import "testing"

func TestPackageOf(t *testing.T) {
	for _, c := range []struct{ fn, want string }{
		{"runtime.findRunnable", "runtime"},
		{"runtime.__mheap_.alloc", "runtime"},
		{"main.__app_.render", "main"},
		{"internal_strconv.fmtX", "internal_strconv"},
		{"type_.eq.struct", "type_"},
		{"github.com_upgrade_playground_playground_engine.__h2conn_.frame", "github.com_upgrade_playground_playground_engine"},
		{"golang.org_x_net_http2_hpack.huffmanDecode", "golang.org_x_net_http2_hpack"},
		{"wasm_export_run", "wasm_export_run"},
	} {
		if got := packageOf(c.fn); got != c.want {
			t.Errorf("packageOf(%q) = %q, want %q", c.fn, got, c.want)
		}
	}
}

// module1 is a module with one imported function, one function named
// "p.f" (index 1) and a data section of one segment.
var module1 = []byte("\x00asm\x01\x00\x00\x00" +
	"\x02\x07\x01\x01m\x01i\x00\x00" + // import m.i, a function of type 0
	"\x0a\x04\x01\x02\x00\x0b" + // code: one body, no locals, end
	"\x0b\x07\x01\x00\x41\x00\x0b\x01x" + // data: one segment at 0, "x"
	"\x00\x0d\x04name\x01\x06\x01\x01\x03p.f") // names: function 1 is p.f

func TestParse(t *testing.T) {
	m, err := parse(module1)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.functions) != 1 || m.functions[0].name != "p.f" || len(m.functions[0].body) != 2 {
		t.Errorf("functions %+v, want p.f of 2 bytes", m.functions)
	}
	if m.segments != 1 || len(m.data) != 7 {
		t.Errorf("data: %d segments, %d bytes; want 1, 7", m.segments, len(m.data))
	}
	for i := range len(module1) - 1 {
		if _, err := parse(module1[:i]); err == nil && i >= 8 {
			t.Errorf("the module cut at %d bytes parsed", i)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(module1)
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = parse(b) // must not panic
	})
}
