package engine

import (
	"cmp"
	"slices"
)

// A named is one entry of a static table of names: reason phrases, close
// codes, runes. The tables are slices sorted by key, not maps, so that they
// are data laid out by the compiler rather than built at init time
// (TestNameTablesSorted keeps them sorted).
type named[K cmp.Ordered] struct {
	key  K
	name string
}

// lookupName returns the name of key in a table sorted by key.
func lookupName[K cmp.Ordered](table []named[K], key K) (string, bool) {
	i, found := slices.BinarySearchFunc(table, key, func(e named[K], key K) int { return cmp.Compare(e.key, key) })
	if !found {
		return "", false
	}
	return table[i].name, true
}
