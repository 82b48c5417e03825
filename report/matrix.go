package report

import (
	"encoding/csv"
	"io"

	"github.com/clausecheck/clausecheck/rules"
)

// matrix is a CSV with one row per document and one column per rule: path,
// document status, then the status of each rule ("waived" for a waived
// finding, the document status in every cell of a document that could not
// be read, empty for a rule the document was not checked against). Columns
// come from Options.Rules; without them, from the first document with
// findings, holding back the rows before it.
type matrix struct {
	w       *csv.Writer
	cols    []string
	pending []rules.Result
}

var _ Writer = (*matrix)(nil)

func newMatrix(w io.Writer, opt Options) Writer {
	m := &matrix{w: csv.NewWriter(w)}
	if len(opt.Rules) > 0 {
		for _, r := range opt.Rules {
			m.cols = append(m.cols, r.ID)
		}
		m.header()
	}
	return m
}

func (m *matrix) header() {
	m.w.Write(append([]string{"path", "status"}, m.cols...))
}

func (m *matrix) Write(r rules.Result) error {
	if m.cols == nil {
		if len(r.Findings) == 0 {
			m.pending = append(m.pending, r)
			return nil
		}
		m.cols = []string{}
		for _, f := range r.Findings {
			m.cols = append(m.cols, f.Rule)
		}
		m.header()
		for _, p := range m.pending {
			m.row(p)
		}
		m.pending = nil
	}
	m.row(r)
	m.w.Flush()
	return m.w.Error()
}

func (m *matrix) row(r rules.Result) {
	status := map[string]string{}
	for _, f := range r.Findings {
		s := string(f.Status)
		if f.Waived != nil {
			s = "waived"
		}
		status[f.Rule] = s
	}
	row := cells(r.Path, string(r.Status))
	for _, c := range m.cols {
		if r.Status != rules.DocOK {
			row = append(row, string(r.Status))
			continue
		}
		row = append(row, status[c])
	}
	m.w.Write(row)
}

func (m *matrix) Close() error {
	if m.cols == nil {
		m.cols = []string{}
		m.header()
		for _, p := range m.pending {
			m.row(p)
		}
	}
	m.w.Flush()
	return m.w.Error()
}
