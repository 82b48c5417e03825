package report

import (
	"bufio"
	"io"

	"github.com/clausecheck/clausecheck/rules"
)

// jsonl is one document object a line, written as each comes. It has no
// summary line, so that every line has the same shape and shards
// concatenate; count the lines (or use the json format) for totals.
type jsonl struct {
	w *bufio.Writer
}

var _ Writer = (*jsonl)(nil)

func newJSONL(w io.Writer, _ Options) Writer { return &jsonl{w: bufio.NewWriter(w)} }

func (j *jsonl) Write(r rules.Result) error {
	b, err := marshal(normal(r), "", "")
	if err != nil {
		return err
	}
	j.w.Write(b)
	j.w.WriteByte('\n')
	return j.w.Flush()
}

func (j *jsonl) Close() error { return j.w.Flush() }
