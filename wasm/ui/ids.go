package ui

// Element IDs of index.html, which the adapter and the tests use. Request,
// Response and Explanation are a contract with pages and tests outside the
// repository; the others may grow.
const (
	IDPage         = "page"            // <body>: data-ready, data-mode, data-embed
	IDRequest      = "request"         // the request editor (textarea)
	IDOverlay      = "request-overlay" // the highlight layer behind the editor
	IDEOL          = "eol"             // line-ending mode select
	IDResponse     = "response"        // the response text; data-status
	IDResponseInfo = "response-info"   // what the server does next
	IDAfter        = "after"           // bytes after the response
	IDExplanation  = "explanation"     // the Why pane
	IDServer       = "server"          // the Server settings form
	IDExamples     = "examples"        // the Examples select
	IDCopyLink     = "copy-link"       // the Copy link button
	IDLinkSize     = "link-size"       // the link size meter
	IDLinkDownload = "link-download"   // the raw download, beside the meter, for a request too large for a link
	IDLinkMessage  = "link-message"    // problems with an opened link
	IDRestoreDraft = "restore-draft"   // "restore my draft" button
	IDStatus       = "status"          // aria-live status line
	IDErrorBanner  = "error-banner"    // shown when something breaks
	IDThemeToggle  = "theme-toggle"    // light/dark switch
	IDEmbedBar     = "embed-bar"       // shown in embed mode (embed=1)
	IDOpenFull     = "open-full"       // embed mode: the link to the full playground
)

// IDs lists every element ID the page must define.
var IDs = []string{IDPage, IDRequest, IDOverlay, IDEOL, IDResponse, IDResponseInfo, IDAfter,
	IDExplanation, IDServer, IDExamples, IDCopyLink, IDLinkSize, IDLinkDownload, IDLinkMessage,
	IDRestoreDraft, IDStatus, IDErrorBanner, IDThemeToggle, IDEmbedBar, IDOpenFull}
