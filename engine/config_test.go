package engine

import (
	"cmp"
	"testing"
)

// TestSettingsDeclared checks the static lists of settings: keys are unique,
// and each setting has one way to be read and written, matching its Kind.
func TestSettingsDeclared(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range Settings() {
		if seen[s.Key] {
			t.Errorf("duplicate setting key %q", s.Key)
		}
		seen[s.Key] = true
		if LookupSetting(s.Key) != s {
			t.Errorf("LookupSetting(%q) does not return the setting", s.Key)
		}
		ways := 0
		for _, set := range []bool{s.flag != nil, s.choice != nil, s.number != nil, s.list != nil, s.get != nil} {
			if set {
				ways++
			}
		}
		if ways != 1 || (s.get == nil) != (s.set == nil) {
			t.Errorf("setting %q: %d ways to read it, get %v, set %v; want exactly one", s.Key, ways, s.get != nil, s.set != nil)
		}
		var kind string
		switch {
		case s.flag != nil:
			kind = "bool"
		case s.choice != nil:
			kind = "choice"
		case s.number != nil:
			kind = "int"
		case s.list != nil:
			kind = "list"
		}
		if s.get == nil && kind != s.Kind {
			t.Errorf("setting %q: Kind %q, but it is read as %q", s.Key, s.Kind, kind)
		}
		if s.Kind == "choice" && len(s.Choices) == 0 || s.Kind == "int" && s.lo > s.hi {
			t.Errorf("setting %q: no choices or an empty range", s.Key)
		}
		if err := s.Set(new(Config), s.Default()); err != nil {
			t.Errorf("setting %q: its default %q does not parse: %v", s.Key, s.Default(), err)
		}
	}
}

// TestNameTablesSorted keeps the static name tables sorted by key, as
// lookupName's binary search needs.
func TestNameTablesSorted(t *testing.T) {
	checkSorted(t, "reasons", reasons)
	checkSorted(t, "closeMeanings", closeMeanings)
	if ReasonPhrase(101) != "Switching Protocols" || ReasonPhrase(599) != "" || closeMeaning(1007) != "invalid frame payload data" {
		t.Error("a lookup in a name table fails")
	}
}

func checkSorted[K cmp.Ordered](t *testing.T, name string, table []named[K]) {
	for i := 1; i < len(table); i++ {
		if table[i-1].key >= table[i].key {
			t.Errorf("%s is not sorted at %v", name, table[i].key)
		}
	}
	for _, e := range table {
		if got, ok := lookupName(table, e.key); !ok || got != e.name {
			t.Errorf("%s: lookupName(%v) = %q", name, e.key, got)
		}
	}
}
