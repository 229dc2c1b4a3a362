package main

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// module builds a WebAssembly module of a custom section, the given data
// segments and a trailing custom section.
func module(segs []segment) []byte {
	custom := func(name string) []byte {
		body := append([]byte{byte(len(name))}, name...)
		return append(binary.AppendUvarint([]byte{0}, uint64(len(body))), body...)
	}
	m := append(bytes.Clone(header), custom("before")...)
	sec := writeSegments(segs)
	m = append(m, sectionData)
	m = binary.AppendUvarint(m, uint64(len(sec)))
	m = append(m, sec...)
	return append(m, custom("after")...)
}

// memory is the memory a module's data segments initialize.
func memory(t *testing.T, m []byte) []byte {
	t.Helper()
	p := m[len(header):]
	var mem []byte
	for len(p) > 0 {
		size, n := binary.Uvarint(p[1:])
		if p[0] == sectionData {
			segs, err := readSegments(p[1+n : 1+n+int(size)])
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range segs {
				if end := int(s.addr) + len(s.data); end > len(mem) {
					mem = append(mem, make([]byte, end-len(mem))...)
				}
				copy(mem[s.addr:], s.data)
			}
		}
		p = p[1+n+int(size):]
	}
	return bytes.TrimRight(mem, "\x00")
}

func TestPack(t *testing.T) {
	tests := []struct {
		name     string
		segs     []segment
		gap      int
		segments int
	}{
		{"one", []segment{{16, []byte("abc")}}, 8, 1},
		{"adjacent", []segment{{16, []byte("abc")}, {19, []byte("de")}}, 0, 1},
		{"within the gap", []segment{{16, []byte("abc")}, {27, []byte("de")}}, 8, 1},
		{"past the gap", []segment{{16, []byte("abc")}, {28, []byte("de")}}, 8, 2},
		{"three, two joined", []segment{{0, []byte("a")}, {5, []byte("b")}, {500, []byte("c")}}, 8, 2},
		{"out of order stays", []segment{{100, []byte("abc")}, {16, []byte("de")}}, 1000, 2},
		{"overlap stays", []segment{{16, []byte("abcd")}, {18, []byte("XY")}}, 1000, 2},
		{"large address", []segment{{1 << 20, []byte("abc")}, {1<<20 + 200, []byte("de")}}, 256, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := module(tt.segs)
			out, err := Pack(in, tt.gap)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := memory(t, out), memory(t, in); !bytes.Equal(got, want) {
				t.Errorf("memory changed:\n got %q\nwant %q", got, want)
			}
			if !bytes.HasSuffix(out, module(nil)[len(module(nil))-7:]) || !bytes.Contains(out, []byte("before")) {
				t.Error("the other sections were not copied")
			}
			p := out[len(header):]
			for p[0] != sectionData {
				size, n := binary.Uvarint(p[1:])
				p = p[1+n+int(size):]
			}
			_, n := binary.Uvarint(p[1:])
			if got, _ := binary.Uvarint(p[1+n:]); int(got) != tt.segments {
				t.Errorf("%d segments, want %d", got, tt.segments)
			}
		})
	}
}

func TestPackRefuses(t *testing.T) {
	passive := append(bytes.Clone(header), sectionData, 4, 1, 1, 0, 'x')
	tests := map[string][]byte{
		"not wasm":        []byte("hello"),
		"passive segment": passive,
		"truncated":       append(bytes.Clone(header), sectionData, 9, 1),
	}
	for name, in := range tests {
		if _, err := Pack(in, 8); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func FuzzPack(f *testing.F) {
	f.Add(module([]segment{{16, []byte("abc")}, {27, []byte("de")}}), 8)
	f.Add(module([]segment{{100, []byte("abc")}, {16, []byte("de")}}), 100)
	f.Fuzz(func(t *testing.T, in []byte, gap int) {
		if gap < 0 || gap > 1<<12 {
			return
		}
		out, err := Pack(in, gap)
		if err != nil {
			return
		}
		if _, err := Pack(out, gap); err != nil {
			t.Fatalf("packed module does not parse: %v", err)
		}
	})
}
