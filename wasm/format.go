//go:build js && wasm

package main

import "strings"

// sprintf formats the adapter's console messages: each %s or %v takes the
// next argument (a string, error or Stringer). It replaces fmt.Sprintf,
// which brings fmt and reflect (about 60 KB of brotli) into the .wasm.
func sprintf(format string, args ...any) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(format, '%')
		if i < 0 || i+1 >= len(format) {
			b.WriteString(format)
			return b.String()
		}
		b.WriteString(format[:i])
		switch verb := format[i+1]; {
		case verb == '%':
			b.WriteByte('%')
		case len(args) == 0:
			b.WriteString("%!" + string(verb) + "(MISSING)")
		default:
			b.WriteString(describe(args[0]))
			args = args[1:]
		}
		format = format[i+2:]
	}
}

// describe writes one argument as text.
func describe(x any) string {
	switch x := x.(type) {
	case string:
		return x
	case error:
		return x.Error()
	case interface{ String() string }:
		return x.String()
	case nil:
		return "<nil>"
	default:
		return "(a value of an unexpected type)"
	}
}
