package main

import "errors"

// Exit codes, as DESIGN.md fixes them.
const (
	exitOK         = 0 // no failing finding
	exitFindings   = 1 // a protection missing, weak or contradicted at or above --fail-on
	exitUsage      = 2 // usage, configuration or rule-file error
	exitUnreadable = 3 // at least one document could not be read
)

// exitRank orders exit codes by precedence: usage errors outrank unreadable
// documents, which outrank failing findings. A plain max would put 3 over 2.
func exitRank(code int) int {
	switch code {
	case exitUsage:
		return 3
	case exitUnreadable:
		return 2
	case exitFindings:
		return 1
	}
	return 0
}

// exitError carries the exit code an error should produce.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageError marks err as a usage, configuration or rule-file error (exit 2).
func usageError(err error) error { return &exitError{code: exitUsage, err: err} }

// errReported is returned when the command has already printed what went
// wrong (rule problems, one a line) and only the exit code remains.
var errReported = errors.New("reported")

// codeOf maps an error returned by a command to its exit code. Anything not
// marked otherwise is a usage or configuration error: documents that cannot
// be read never surface as errors, they are reported per document.
func codeOf(err error) int {
	var e *exitError
	if errors.As(err, &e) {
		return e.code
	}
	return exitUsage
}
