//go:build js && wasm

package main

import (
	"strconv"
	"strings"

	"github.com/hack-pad/safejs"
	"github.com/upgrade-playground/playground/wasm/link"
	"github.com/upgrade-playground/playground/wasm/ui"
)

// The address bar and the draft. The address bar carries the state as a
// link while the link can be opened (link.MaxFragment); a larger state is
// left out of it, so that a reload opens the draft rather than a link the
// page would refuse. The draft is the state kept in localStorage under
// its own key, at any size the browser lets the page keep, with the time
// it was saved; an opened link does not replace it until the learner
// changes the link's state.

const (
	draftKey     = "upgrade-playground.draft"       // the state, as a fragment
	draftTimeKey = "upgrade-playground.draft-saved" // when it was saved, ms since 1970
)

// draftState is what the page knows of the kept draft.
type draftState struct {
	stored string // the fragment last stored (or read at load)
	failed bool   // the last store failed, and the learner was told
	over   bool   // the state is too large for a link, and the learner was told
}

// A draft is the state a browser kept, and when it was saved.
type draft struct {
	frag string
	at   float64 // ms since 1970, 0 when unknown
}

// from is " from <the local date and time>" when the time is known.
func (d draft) from() string {
	if d.at <= 0 {
		return ""
	}
	date, err := get(global, "Date").New(d.at)
	if err != nil {
		return ""
	}
	return " from " + str(call(date, "toLocaleString"))
}

func localStorage() (safejs.Value, bool) {
	ls, err := getGuarded(global, "localStorage") // blocked storage throws
	return ls, err == nil && truthy(ls)
}

func loadDraft() draft {
	ls, ok := localStorage()
	if !ok {
		return draft{}
	}
	v, err := ls.Call("getItem", draftKey)
	if err != nil {
		return draft{}
	}
	d := draft{frag: str(v)}
	if t, err := ls.Call("getItem", draftTimeKey); err == nil {
		// Whole milliseconds (storeDraft): parsed as an integer, so the
		// .wasm carries no float parser.
		ms, _ := strconv.ParseInt(str(t), 10, 64)
		d.at = float64(ms)
	}
	theApp.drafts.stored = d.frag
	return d
}

// save keeps the address bar equal to the state (replaceState, so Back
// leaves the page) while the state can be opened as a link, and the
// draft in localStorage.
func (a *app) save() {
	frag := a.state().Fragment()
	if frag != a.lastHash {
		a.lastHash = frag
		loc := get(global, "location")
		url := "#" + frag
		if len(frag) > link.MaxFragment {
			// Never a link the page would refuse: the address bar
			// carries none, and a reload opens the draft.
			url = str(get(loc, "pathname")) + str(get(loc, "search"))
		}
		call(get(global, "history"), "replaceState", safejs.Null(), "", url)
		a.showLinkSize(len(frag))
		if a.embed {
			a.showFullLink()
		}
	}
	if !a.embed { // an embed keeps out of the draft (embed.go)
		a.storeDraft(frag)
	}
}

// storeDraft keeps the state in localStorage, unless it is the state of
// the link just opened (the learner's draft stays until they change it)
// or is stored already. When the browser refuses (storage full or off),
// it says so once, and offers the raw download.
func (a *app) storeDraft(frag string) {
	d := &a.drafts
	if frag == a.linkFrag {
		return
	}
	a.linkFrag = ""
	if frag == d.stored {
		return
	}
	var err error = errNoStorage
	if ls, ok := localStorage(); ok {
		if _, err = ls.Call("setItem", draftKey, frag); err == nil {
			_, _ = ls.Call("setItem", draftTimeKey, strconv.FormatInt(int64(now()), 10))
		}
	}
	if err == nil {
		d.stored = frag
		if d.failed {
			d.failed = false
			a.say("Your draft is kept in this browser again.")
			a.showLinkSize(len(a.lastHash))
		}
		return
	}
	if !d.failed {
		d.failed = true
		a.say("This browser did not keep your draft (" + strconv.Itoa(len(frag)) + " bytes): " + storageError(err) + ". A reload would lose this request; use Download raw request to keep it.")
		a.showLinkSize(len(a.lastHash)) // says so beside the link, and offers the download
	}
}

// errNoStorage stands for a browser without localStorage (or with it off).
var errNoStorage = errorString("local storage is off")

type errorString string

func (e errorString) Error() string { return string(e) }

// storageError names why localStorage refused: a full storage (a
// QuotaExceededError, "… exceeded the quota") or another reason.
func storageError(err error) string {
	if err == errNoStorage {
		return err.Error()
	}
	if strings.Contains(strings.ToLower(err.Error()), "quota") {
		return "its storage for this page is full"
	}
	return "its storage refused it (" + err.Error() + ")"
}

// now is the time in ms since 1970 (Date.now()).
func now() float64 {
	f, _ := call(get(global, "Date"), "now").Float()
	return f
}

// showDownload shows the raw download beside the link size while the
// request cannot be kept as a link or as a draft.
func (a *app) showDownload() {
	setHidden(a.el[ui.IDLinkDownload], !a.drafts.over && !a.drafts.failed)
}
