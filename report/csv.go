package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/clausecheck/clausecheck/rules"
)

// csvHeader is the header row of the csv format.
var csvHeader = []string{"path", "rule", "severity", "status", "file", "page", "section", "quote", "message", "waived"}

// csvReport writes one row per document and rule, as each document comes.
// A document that could not be read gets one row with its status and the
// reason in the message column. The evidence columns hold the first
// evidence; file names the bundle member it comes from.
type csvReport struct {
	w      *csv.Writer
	header bool
}

var _ Writer = (*csvReport)(nil)

func newCSV(w io.Writer, _ Options) Writer { return &csvReport{w: csv.NewWriter(w)} }

func (c *csvReport) Write(r rules.Result) error {
	if !c.header {
		c.header = true
		c.w.Write(csvHeader)
	}
	if r.Status != rules.DocOK {
		c.w.Write(cells(r.Path, "", "", string(r.Status), "", "", "", "", oneLine(r.Error), ""))
	}
	for _, f := range r.Findings {
		var file, page, section, quote string
		if len(f.Evidence) > 0 {
			e := f.Evidence[0]
			if e.Page > 0 {
				page = strconv.Itoa(e.Page)
			}
			section = e.Section
			quote = oneLine(e.Quote)
			file = e.File
		}
		c.w.Write(cells(r.Path, f.Rule, string(f.Severity), string(f.Status), file, page, section, quote, oneLine(f.Message), waiverText(f.Waived)))
	}
	c.w.Flush()
	return c.w.Error()
}

func (c *csvReport) Close() error {
	if !c.header {
		c.header = true
		c.w.Write(csvHeader)
	}
	c.w.Flush()
	return c.w.Error()
}

// cells defuses spreadsheet formulas: a cell from contract text starting
// with = + - @ (or a tab or carriage return) would be run as a formula when
// the file is opened in a spreadsheet, so it gets a leading apostrophe.
func cells(vals ...string) []string {
	for i, v := range vals {
		if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
			vals[i] = "'" + v
		}
	}
	return vals
}
