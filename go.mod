module github.com/upgrade-playground/playground

go 1.26.0

require (
	github.com/andybalholm/brotli v1.2.8
	github.com/chromedp/cdproto v0.159.0
	github.com/chromedp/chromedp v0.23.0
	github.com/coder/websocket v1.8.15
	github.com/gorilla/websocket v1.5.3
	github.com/hack-pad/safejs v0.1.0
	github.com/yuin/goldmark v1.8.7
	golang.org/x/net v0.62.0
	golang.org/x/tools v0.52.0
)

require (
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	golang.org/x/text v0.43.0 // indirect
)

// safejs without fmt (wasm/third_party/safejs/PATCHES.md): upstream's fmt and
// reflect add about 148 KB of gzip and 106 KB of brotli to the .wasm.
replace github.com/hack-pad/safejs => ./wasm/third_party/safejs
