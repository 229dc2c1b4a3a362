//go:build !(js && wasm)

package gallery

import (
	"strconv"
	"strings"

	"github.com/upgrade-playground/playground/engine/wiretext"
	"golang.org/x/tools/txtar"
)

// Parse reads an example file: its header lines and its request and
// settings sections. It is used natively only, by the generator of
// examples_gen.go and by the tests; unknown header lines and sections are
// ignored here and refused by the tests.
func Parse(data []byte) Example {
	var e Example
	ar := txtar.Parse(data)
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		k, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		val = strings.TrimSpace(val)
		switch strings.TrimSpace(k) {
		case "id":
			e.ID = val
		case "title":
			e.Title = val
		case "group":
			e.Group = val
		case "lesson":
			e.Lesson = val
		case "expect":
			e.Expect = leadingInt(val) // "closed" (no answer at all) is 0
		case "order":
			e.Order = leadingInt(val)
		case "srv":
			e.Server = val
		case "proxy":
			e.Proxy = val
		case "view":
			e.View = val
		case "refused-by":
			e.RefusedBy = val
		}
	}
	for _, f := range ar.Files {
		switch f.Name {
		case "request":
			e.Request = wiretext.Decode(string(f.Data))
		case "response":
			e.Response = wiretext.Decode(string(f.Data))
		case "settings":
			for _, line := range strings.Split(string(f.Data), "\n") {
				line = strings.TrimSpace(line)
				if line == "" || line[0] == '#' {
					continue
				}
				k, val, _ := strings.Cut(line, "=")
				e.Settings = append(e.Settings, [2]string{k, val})
			}
		}
	}
	return e
}

// leadingInt is the number the digits at the start of s spell (at most
// nine of them), or 0.
func leadingInt(s string) int {
	end := 0
	for end < len(s) && end < 9 && '0' <= s[end] && s[end] <= '9' {
		end++
	}
	n, _ := strconv.Atoi(s[:end])
	return n
}
