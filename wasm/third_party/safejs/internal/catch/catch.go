//go:build js && wasm

// Changed from github.com/hack-pad/safejs v0.1.0 (see PATCHES.md): no fmt.

// Package catch runs functions and returns panic values as errors instead.
package catch

import (
	"errors"
	"syscall/js"

	"github.com/hack-pad/safejs/internal/stackerr"
)

// Try runs fn and returns the result. If fn panicked, the panic value is returned as an error instead.
func Try[Result any](fn func() Result) (result Result, err error) {
	defer recoverErr(&err)
	result = fn()
	return
}

// TrySideEffect is like Try, but does not have a return value.
func TrySideEffect(fn func()) (err error) {
	defer recoverErr(&err)
	fn()
	return
}

func recoverErr(err *error) {
	value := recover()
	valueErr := recoverValueToError(value)
	if valueErr != nil {
		*err = stackerr.WithStack(valueErr)
	}
}

func recoverValueToError(value any) error {
	if value == nil {
		return nil
	}
	switch value := value.(type) {
	case error:
		return value
	case js.Value:
		return js.Error{Value: value}
	default:
		return errors.New(describe(value))
	}
}

// describe gives a panic value the text upstream's fmt.Errorf("%+v",
// value) gives a string or a Stringer, without linking fmt. Other values
// (never a panic of syscall/js, whose panics are strings or errors) are
// named by what they are not.
func describe(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case interface{ String() string }:
		return v.String()
	}
	return "panic with a value that is neither a string, an error nor a Stringer"
}
