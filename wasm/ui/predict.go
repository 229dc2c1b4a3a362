package ui

import (
	"slices"
	"strconv"

	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/gallery"
)

// PredictChoices are the statuses a learner can predict, in order: the
// common answers plus every status an example teaches, then 0 for "no
// response yet". The list is the same for every request, so it gives
// nothing away.
func PredictChoices() []int {
	all := []int{101, 200, 400, 403, 405, 426, 431, 505}
	for _, ex := range gallery.Examples() {
		if ex.Expect > 0 {
			all = append(all, ex.Expect)
		}
	}
	sortInts(all)
	var out []int // all, each once
	for _, s := range all {
		if len(out) == 0 || s != out[len(out)-1] {
			out = append(out, s)
		}
	}
	return append(out, 0)
}

// choiceLabel names a predicted status.
func choiceLabel(s int) string {
	if s == 0 {
		return "No response yet (the server waits)"
	}
	return statusText(s)
}

// Predict is the predict-then-reveal panel. Before the reveal it asks for
// a status (a radio group and a Reveal button); after it, it says whether
// the guess (picked, -1 for none) was right and why, with a button to hide
// the answer again.
func Predict(res *engine.Result, picked int, revealed bool) *Node {
	root := El("div")
	if !revealed {
		fs := El("fieldset", "class", "choices")
		fs.Add(El("legend").AddText("What will the server answer? Choose, then reveal."))
		for _, s := range PredictChoices() {
			id := "predict-" + strconv.Itoa(s)
			in := El("input", "type", "radio", "name", "predict", "id", id, "value", strconv.Itoa(s))
			if s == picked {
				in.Attrs = append(in.Attrs, [2]string{"checked", ""})
			}
			fs.Add(El("label", "for", id, "class", "choice").Add(in, Text(" "+choiceLabel(s))))
		}
		root.Add(fs)
		root.Add(El("button", "type", "button", "id", "predict-reveal").AddText("Reveal the response"))
		return root
	}
	got := res.Status()
	cls, head := "predict-result right", "Right!"
	switch {
	case picked < 0:
		cls, head = "predict-result none", "You revealed without choosing."
	case picked != got:
		cls, head = "predict-result wrong", "Not quite: you expected "+choiceLabel(picked)+"."
	}
	box := El("div", "class", cls, "id", "predict-outcome", "tabindex", "-1")
	box.Add(El("p", "class", "head").AddText(head))
	box.Add(El("p").AddText("The server answers: " + choiceLabel(got) + "."))
	box.Add(El("p", "class", "reason").AddText("Why: " + PredictReason(res)))
	root.Add(box)
	root.Add(El("button", "type", "button", "id", "predict-again").AddText("Hide the answer and predict again"))
	return root
}

// PredictReason is the one-sentence reason for the response: the decisive
// step's note, or what happened when nothing failed.
func PredictReason(res *engine.Result) string {
	if res.Decisive >= 0 && res.Decisive < len(res.Trace) {
		return Summary(res.Trace[res.Decisive])
	}
	switch {
	case res.Final == nil:
		return ResponseInfo(res)
	case res.Switched != "":
		return "every check passed, so the server switches to " + res.Switched + "."
	}
	return "no check failed, so the server answers the request itself."
}

// sortInts sorts s in increasing order. It reuses the stable sort the
// package instantiates for []int anyway (overlayNodes): slices.Sort, as
// sort.Ints calls it, would add a pdqsort of its own for []int, about
// 14 KB of .wasm code. The difference orders the ints (offsets and
// statuses, far from overflowing): cmp.Compare would add its own code.
func sortInts(s []int) { slices.SortStableFunc(s, func(a, b int) int { return a - b }) }
