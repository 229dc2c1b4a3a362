package ui

import "github.com/upgrade-playground/playground/engine"

// Judge is reverse mode's engine call (engine.Judge): the response judged
// as each client judges it, against the request the client sent. Its
// size is capped as a link's resp is (link.MaxResponse): the page passes
// a response typed or pasted into the editor, which no link bounded.
func Judge(req, resp []byte) *engine.Judgement {
	if len(resp) > maxJudged {
		resp = resp[:maxJudged]
	}
	return engine.Judge(req, resp)
}

// maxJudged bounds the response reverse mode judges: 64 KiB, the link's
// cap, far more than any handshake answer.
const maxJudged = 64 << 10
