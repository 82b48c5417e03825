package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/clausecheck/clausecheck/rules"
)

// Writer writes one report. Write is called once per document, in order;
// Close finishes the report (summary, footer, or the whole report for the
// formats that need every document first). Neither closes the underlying
// io.Writer.
type Writer interface {
	Write(rules.Result) error
	Close() error
}

// ToolInfo names the tool in reports.
type ToolInfo struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// RuleInfo describes one loaded rule, for matrix columns, SARIF rule
// metadata and the model language of the checklists.
type RuleInfo struct {
	ID             string
	Title          string
	Severity       rules.Severity
	Citation       string
	Recommendation string
	Rationale      string
}

// Options shape a report.
type Options struct {
	// Color turns on ANSI colours in the text format.
	Color bool
	// Tool names the tool and its version (json, sarif, html).
	Tool ToolInfo
	// Rules lists the loaded rules in report order. The matrix takes its
	// columns from it and sarif its rule metadata; when empty, both fall
	// back to the rules seen in the results, in order of appearance.
	Rules []RuleInfo
	// Version is the tool version when Tool.Version is empty.
	Version string
}

func (o Options) tool() ToolInfo {
	t := o.Tool
	if t.Name == "" {
		t.Name = "clausecheck"
	}
	if t.Version == "" {
		t.Version = o.Version
	}
	return t
}

// rule returns the loaded rule with the ID, if any.
func (o Options) rule(id string) (RuleInfo, bool) {
	for _, r := range o.Rules {
		if r.ID == id {
			return r, true
		}
	}
	return RuleInfo{}, false
}

var formats = map[string]func(io.Writer, Options) Writer{
	"text":     newText,
	"json":     newJSON,
	"jsonl":    newJSONL,
	"csv":      newCSV,
	"matrix":   newMatrix,
	"markdown": newMarkdown,
	"html":     newHTML,
	"sarif":    newSARIF,
}

// Formats lists the report formats, in the order of the command line help.
func Formats() []string {
	return []string{"text", "json", "jsonl", "csv", "matrix", "markdown", "html", "sarif"}
}

// New returns a Writer for format writing to w.
func New(format string, w io.Writer, opt Options) (Writer, error) {
	mk, ok := formats[format]
	if !ok {
		return nil, fmt.Errorf("unknown report format %q (want one of %s)", format, strings.Join(Formats(), ", "))
	}
	return mk(w, opt), nil
}

// collector keeps every result for the formats that need them all before
// they can write anything (html, sarif); they write on Close.
type collector struct {
	w       io.Writer
	opt     Options
	results []rules.Result
}

func (c *collector) Write(r rules.Result) error {
	c.results = append(c.results, r)
	return nil
}

// summaryLine is the closing line of the text and markdown reports.
func summaryLine(s rules.Summary) string {
	return fmt.Sprintf("%d %s (%d unreadable, %d %s): %d present, %d weak, %d contradicted, %d missing, %d waived",
		s.Documents, plural(s.Documents, "document", "documents"), s.Unreadable, s.Errors, plural(s.Errors, "error", "errors"),
		s.Present, s.Weak, s.Contradicted, s.Missing, s.Waived)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// statusCounts counts a document's findings per status.
func statusCounts(r rules.Result) map[rules.Status]int {
	m := map[rules.Status]int{}
	for _, f := range r.Findings {
		m[f.Status]++
	}
	return m
}

// ruleOrder returns the rules for a report: opt.Rules, or else those seen in
// results in order of first appearance, with what the findings say of them.
func ruleOrder(opt Options, results []rules.Result) []RuleInfo {
	if len(opt.Rules) > 0 {
		return opt.Rules
	}
	var out []RuleInfo
	seen := map[string]bool{}
	for _, r := range results {
		for _, f := range r.Findings {
			if seen[f.Rule] {
				continue
			}
			seen[f.Rule] = true
			out = append(out, RuleInfo{ID: f.Rule, Title: f.Title, Severity: f.Severity, Citation: f.Citation, Recommendation: f.Recommendation})
		}
	}
	return out
}

// recommendation is the model language for a finding: its own, or the
// loaded rule's.
func recommendation(opt Options, f rules.Finding) string {
	if f.Recommendation != "" {
		return f.Recommendation
	}
	r, _ := opt.rule(f.Rule)
	return r.Recommendation
}

// oneLine collapses runs of white space (newlines included) to one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// clip shortens s to about n bytes at a word boundary, marking the cut.
func clip(s string, n int) string {
	s = oneLine(s)
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + " …"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// where renders an evidence location: "acme.pdf p. 3 § 7.2".
func where(e rules.Evidence) string {
	var parts []string
	if e.File != "" {
		parts = append(parts, e.File)
	}
	if e.Page > 0 {
		parts = append(parts, fmt.Sprintf("p. %d", e.Page))
	}
	if e.Section != "" {
		parts = append(parts, "§ "+e.Section)
	}
	return strings.Join(parts, " ")
}

// waiverText renders a waiver in one line.
func waiverText(w *rules.Waiver) string {
	if w == nil {
		return ""
	}
	s := oneLine(w.Reason) + " (accepted by " + oneLine(w.AcceptedBy)
	if w.Expires != "" {
		s += ", until " + w.Expires
	}
	return s + ")"
}

// sortedStatuses lists statuses with a count, in report order.
func sortedStatuses(m map[rules.Status]int) []rules.Status {
	var out []rules.Status
	for _, s := range rules.Statuses() {
		if m[s] > 0 {
			out = append(out, s)
		}
	}
	var extra []rules.Status
	for s := range m {
		if !slices.Contains(rules.Statuses(), s) {
			extra = append(extra, s)
		}
	}
	slices.Sort(extra)
	return append(out, extra...)
}
