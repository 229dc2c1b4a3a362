package engine

import (
	"cmp"
	"sort"
)

// A named is one entry of a static table of names: reason phrases, close
// codes, runes. The tables are slices sorted by key, not maps, so that they
// are data laid out by the compiler rather than built at init time
// (TestNameTablesSorted keeps them sorted).
type named[K cmp.Ordered] struct {
	key  K
	name string
}

// lookupName returns the name of key in a table sorted by key. It uses
// sort.Search, not slices.BinarySearchFunc: the .wasm has sort.Search
// already, and each type a generic function is instantiated for adds a
// copy of its code.
func lookupName[K cmp.Ordered](table []named[K], key K) (string, bool) {
	i := sort.Search(len(table), func(i int) bool { return table[i].key >= key })
	if i == len(table) || table[i].key != key {
		return "", false
	}
	return table[i].name, true
}
