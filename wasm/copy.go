//go:build js && wasm

package main

import (
	"strconv"

	"github.com/hack-pad/safejs"
	"github.com/upgrade-playground/playground/wasm/link"
	"github.com/upgrade-playground/playground/wasm/ui"
)

// Copying and saving: the clipboard with its fallback, the raw download,
// and the link's size against the limit.

// copy writes text to the clipboard, or shows it selected in a read-only
// field when the browser refuses.
func (a *app) copy(text, what string) {
	l := &a.learn
	l.copyText, l.copyWhat = text, what
	clip := get(get(global, "navigator"), "clipboard")
	if !truthy(clip) || !truthy(get(clip, "writeText")) {
		a.copyFallback()
		return
	}
	p, err := clip.Call("writeText", text)
	if err != nil || !truthy(p) {
		a.copyFallback()
		return
	}
	call(call(p, "then", l.onCopied.Value()), "catch", l.onCopyFailed.Value())
}

func (a *app) copyFallback() {
	l := &a.learn
	in := l.el["copy-fallback-text"]
	set(in, "value", l.copyText)
	setHidden(l.el["copy-fallback"], false)
	call(in, "focus")
	call(in, "select")
	a.say("The browser did not let the page copy " + l.copyWhat + ": it is selected in the field at the top; press Ctrl+C (⌘C) to copy it.")
}

// download saves bytes as a file through a Blob and an object URL.
func (a *app) download(b []byte, name string) {
	u8, err := get(global, "Uint8Array").New(len(b))
	if err != nil {
		logf("Uint8Array: %v", err)
		return
	}
	_, _ = safejs.CopyBytesToJS(u8, b)
	parts, _ := get(global, "Array").New()
	call(parts, "push", u8)
	blob, err := get(global, "Blob").New(parts, map[string]any{"type": "application/octet-stream"})
	if err != nil {
		logf("Blob: %v", err)
		return
	}
	url := call(get(global, "URL"), "createObjectURL", blob)
	link := call(document, "createElement", "a")
	set(link, "href", url)
	set(link, "download", name)
	call(get(document, "body"), "appendChild", link)
	call(link, "click")
	call(link, "remove")
	call(global, "setTimeout", get(get(global, "URL"), "revokeObjectURL"), 1000, url)
	a.say("Saved the raw request as " + name + " (" + strconv.Itoa(len(b)) + " bytes).")
}

// showLinkSize shows the size of the encoded link against the limit a
// link can have to be opened. Over it, the address bar carries no link
// (save), the raw download is offered, and the learner is told once.
func (a *app) showLinkSize(n int) {
	el := a.el[ui.IDLinkSize]
	over := n > link.MaxFragment
	if over {
		setText(el, "Link too large to share: "+strconv.Itoa(n)+" bytes, links open up to "+strconv.Itoa(link.MaxFragment)+" (a request of about 256 KiB). Your draft is kept in this browser.")
		setAttr(el, "class", "meter over")
	} else {
		msg := "Link: " + strconv.Itoa(n) + " / " + strconv.Itoa(link.MaxFragment) + " bytes"
		if a.drafts.failed {
			msg += ". This browser is not keeping your draft."
		}
		setText(el, msg)
		setAttr(el, "class", "meter")
	}
	if over != a.drafts.over {
		a.drafts.over = over
		if over {
			a.say("This request is too large for a link (" + strconv.Itoa(n) + " bytes; links open up to " + strconv.Itoa(link.MaxFragment) + "), so the address bar no longer carries it. Your draft is kept in this browser; to share the request, use Download raw request.")
		}
	}
	a.showDownload()
}

// copyLink copies the page's link, unless it is too large to be opened.
func (a *app) copyLink() {
	a.save()
	if len(a.lastHash) > link.MaxFragment {
		a.say("This link is too large to share (" + strconv.Itoa(len(a.lastHash)) + " bytes; links open up to " + strconv.Itoa(link.MaxFragment) + "). Use Download raw request beside the link size instead.")
		return
	}
	a.copy(str(get(get(global, "location"), "href")), "the link ("+strconv.Itoa(len(a.lastHash)+1)+" characters after #)")
}
