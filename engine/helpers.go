package engine

import (
	"slices"
	"strconv"
)

// itoa and contains are used by link.go, editor.go and the examples'
// tests, which are moving out of the engine; the engine's own code calls
// strconv.Itoa and slices.Contains.

func itoa(n int) string { return strconv.Itoa(n) }

func contains(list []string, s string) bool { return slices.Contains(list, s) }
