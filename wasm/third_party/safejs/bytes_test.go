//go:build js && wasm

// Changed from github.com/hack-pad/safejs v0.1.0 (see PATCHES.md): syscall/js's messages as Go 1.26 words them.

package safejs

import (
	"testing"

	"github.com/hack-pad/safejs/internal/assert"
)

func TestCopyBytesError(t *testing.T) {
	t.Parallel()
	_, err := CopyBytesToGo(nil, Undefined())
	assert.EqualError(t, err, "syscall/js: CopyBytesToGo: expected src to be a Uint8Array or Uint8ClampedArray")

	_, err = CopyBytesToJS(Undefined(), nil)
	assert.EqualError(t, err, "syscall/js: CopyBytesToJS: expected dst to be a Uint8Array or Uint8ClampedArray")
}
