//go:build js && wasm

package main

import "github.com/upgrade-playground/playground/wasm/ui"

// Embed mode (embed=1 in the link; docs/links.md) is the compact layout for an iframe on
// a course site. wasm/link reads the key; the adapter marks <body> with
// data-embed (site/embed.css hides the tools, the gallery and the settings)
// and shows the link out to the full playground. An embed neither restores
// nor saves the learner's draft: a course page must not overwrite the
// draft of the playground's own tab (same origin, unpartitioned storage),
// and in a third-party iframe storage may be partitioned or blocked. Nor
// does it register the service worker (site/app.js).

// showEmbed applies the embed mode of the state.
func (a *app) showEmbed() {
	if !a.changed("page.data-embed", boolAttr(a.embed)) {
		return
	}
	if a.embed {
		setAttr(a.el[ui.IDPage], "data-embed", "1")
	} else {
		call(a.el[ui.IDPage], "removeAttribute", "data-embed")
	}
	setHidden(a.el[ui.IDEmbedBar], !a.embed)
}

// showFullLink points "Open in the full playground" at the state's
// fragment, embed left out: with target=_blank, this page opens in a tab
// of its own with the same request, server and mode. The href is only a
// fragment, which link.State.Fragment wrote, so the link cannot lead
// anywhere but this page.
func (a *app) showFullLink() {
	st := a.state()
	st.Embed = false
	setAttr(a.el[ui.IDOpenFull], "href", "#"+st.Fragment())
}

func boolAttr(b bool) string {
	if b {
		return "1"
	}
	return ""
}
