package ui

import (
	"github.com/upgrade-playground/playground/engine"
	"github.com/upgrade-playground/playground/wasm/link"
)

// Judge is reverse mode's engine call (engine.Judge): the response judged
// as each client judges it, against the request the client sent. A
// response typed or pasted into the editor, which no link bounded, is
// judged up to link.MaxResponse bytes, as a link's resp is capped.
func Judge(req, resp []byte) *engine.Judgement {
	if len(resp) > link.MaxResponse {
		resp = resp[:link.MaxResponse]
	}
	return engine.Judge(req, resp)
}
