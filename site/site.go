// Package site holds the page contract: the element IDs that index.html
// defines and the wasm adapter and tests use (DESIGN §4.5). The static
// files themselves (index.html at the repository root, site/app.js,
// site/style.css, the built site/main.wasm and site/wasm_exec.js) are
// served as they are.
package site

// Element IDs of index.html. Request, Response and Explanation are fixed
// contracts (DESIGN §4.5); the others may grow.
const (
	Page         = "page"            // <body>: data-ready, data-mode
	Request      = "request"         // the request editor (textarea)
	Overlay      = "request-overlay" // the highlight layer behind the editor
	EOL          = "eol"             // line-ending mode select
	Response     = "response"        // the response text; data-status
	ResponseInfo = "response-info"   // what the server does next
	After        = "after"           // bytes after the response
	Explanation  = "explanation"     // the Why pane
	Server       = "server"          // the Server settings form
	Examples     = "examples"        // the Examples select
	CopyLink     = "copy-link"       // the Copy link button
	LinkSize     = "link-size"       // the link size meter
	LinkMessage  = "link-message"    // problems with an opened link
	RestoreDraft = "restore-draft"   // "restore my draft" button
	Status       = "status"          // aria-live status line
	ErrorBanner  = "error-banner"    // shown when something breaks
	ThemeToggle  = "theme-toggle"    // light/dark switch
)

// IDs lists every element ID the page must define.
var IDs = []string{Page, Request, Overlay, EOL, Response, ResponseInfo, After,
	Explanation, Server, Examples, CopyLink, LinkSize, LinkMessage,
	RestoreDraft, Status, ErrorBanner, ThemeToggle}
