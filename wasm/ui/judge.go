package ui

import "github.com/upgrade-playground/playground/engine"

// Judge is reverse mode's engine call: the response judged as each client
// judges it, against the request the client sent.
func Judge(req, resp []byte) *engine.Judgement {
	return &engine.Judgement{Response: resp}
}
