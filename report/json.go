package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/clausecheck/clausecheck/rules"
)

// jsonReport is DESIGN.md's JSON report: {"tool", "documents", "summary"},
// indented. Documents are written as they come; the summary on Close.
type jsonReport struct {
	w   *bufio.Writer
	opt Options
	sum rules.Summary
	n   int
}

var _ Writer = (*jsonReport)(nil)

func newJSON(w io.Writer, opt Options) Writer { return &jsonReport{w: bufio.NewWriter(w), opt: opt} }

func (j *jsonReport) start() error {
	tool, err := marshal(j.opt.tool(), "  ", "  ")
	if err != nil {
		return err
	}
	j.w.WriteString("{\n  \"tool\": ")
	j.w.Write(tool)
	j.w.WriteString(",\n  \"documents\": [")
	return nil
}

func (j *jsonReport) Write(r rules.Result) error {
	if j.n == 0 {
		if err := j.start(); err != nil {
			return err
		}
	} else {
		j.w.WriteString(",")
	}
	j.n++
	b, err := marshal(normal(r), "    ", "  ")
	if err != nil {
		return err
	}
	j.sum.Add(r)
	j.w.WriteString("\n    ")
	j.w.Write(b)
	return j.w.Flush()
}

func (j *jsonReport) Close() error {
	if j.n == 0 {
		if err := j.start(); err != nil {
			return err
		}
	} else {
		j.w.WriteString("\n  ")
	}
	sum, err := marshal(j.sum, "  ", "  ")
	if err != nil {
		return err
	}
	j.w.WriteString("],\n  \"summary\": ")
	j.w.Write(sum)
	j.w.WriteString("\n}\n")
	return j.w.Flush()
}

// normal makes a result's lists arrays, never null, so consumers can
// iterate without checks.
func normal(r rules.Result) rules.Result {
	if r.Warnings == nil {
		r.Warnings = []string{}
	}
	if r.Packs == nil {
		r.Packs = []rules.PackRef{}
	}
	if r.Findings == nil {
		r.Findings = []rules.Finding{}
	}
	return r
}

// marshal is json.MarshalIndent (json.Marshal with no indent) without
// HTML escaping: contract text with < > & stays readable, and the reports
// are not meant to be pasted into HTML.
func marshal(v any, prefix, indent string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent(prefix, indent)
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
