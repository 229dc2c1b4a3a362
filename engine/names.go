package engine

import "cmp"

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
	lo, hi := 0, len(table) // keys before lo are smaller than key, keys from hi on are not
	for lo < hi {
		if m := int(uint(lo+hi) >> 1); table[m].key < key {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(table) || table[lo].key != key {
		return "", false
	}
	return table[lo].name, true
}
