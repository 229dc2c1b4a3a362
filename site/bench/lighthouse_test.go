package main

import "testing"

func TestSummarize(t *testing.T) {
	for _, tc := range []struct {
		runs [][4]int
		want string
	}{
		{[][4]int{{98, 100, 100, 100}}, "98 / 100 / 100 / 100"},
		{[][4]int{{91, 100, 100, 100}, {99, 100, 96, 100}, {95, 100, 100, 100}}, "95 (91–99 in 3 runs) / 100 / 96 / 100"},
		{[][4]int{{90, -1, 100, 100}, {90, 100, 100, 100}}, "90 / ? / 100 / 100"},
	} {
		if got := summarize(tc.runs); got != tc.want {
			t.Errorf("summarize(%v) = %q, want %q", tc.runs, got, tc.want)
		}
	}
}
