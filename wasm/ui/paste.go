package ui

import "github.com/upgrade-playground/playground/wasm/paste"

// PasteNotice is the notice beside the editor for a paste that is not a
// bare request (paste.Recognize): what was pasted and what the fix does,
// with its notes, and the actions the adapter wires by their data-paste
// attribute: "fix" (replace the text with the request it holds),
// "restore" (bring back the text as pasted, once fixed) and "dismiss".
func PasteNotice(f paste.Finding, fixed bool) *Node {
	root := El("div")
	if fixed {
		root.Add(El("p").AddText("The editor now holds the request from your paste. Undo (Ctrl+Z, ⌘Z) or the button brings back what you pasted."))
	} else {
		root.Add(El("p").AddText(f.Summary))
	}
	if len(f.Notes) > 0 {
		ul := El("ul")
		for _, n := range f.Notes {
			ul.Add(El("li").AddText(n))
		}
		root.Add(ul)
	}
	actions := El("p", "class", "actions")
	switch {
	case fixed:
		actions.Add(El("button", "type", "button", "data-paste", "restore").AddText("Restore what I pasted"))
	case f.Fix != "":
		actions.Add(El("button", "type", "button", "data-paste", "fix").AddText(f.FixLabel))
	case f.Kind == paste.Response:
		actions.Add(El("button", "type", "button", "data-paste", "reverse").AddText("Open in reverse mode: what would clients do with this response?"))
	}
	actions.Add(Text(" "), El("button", "type", "button", "data-paste", "dismiss").AddText("Dismiss"))
	return root.Add(actions)
}
