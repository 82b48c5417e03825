package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/clausecheck/clausecheck/rules"
)

// quoteLimit is about how much of a quote the text report shows.
const quoteLimit = 200

// ANSI escapes for the text report.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiMagent = "\x1b[35m"
)

// symbols shows each status at a glance.
var symbols = map[rules.Status]string{
	rules.Present:      "✓",
	rules.Weak:         "~",
	rules.Contradicted: "✗",
	rules.Missing:      "?",
}

var colors = map[rules.Status]string{
	rules.Present:      ansiGreen,
	rules.Weak:         ansiYellow,
	rules.Contradicted: ansiRed,
	rules.Missing:      ansiMagent,
}

// text is the terminal report: a block per document, a summary line.
type text struct {
	w   *bufio.Writer
	opt Options
	sum rules.Summary
	n   int
}

var _ Writer = (*text)(nil)

func newText(w io.Writer, opt Options) Writer { return &text{w: bufio.NewWriter(w), opt: opt} }

func (t *text) paint(color, s string) string {
	if !t.opt.Color || color == "" {
		return s
	}
	return color + s + ansiReset
}

func (t *text) Write(r rules.Result) error {
	t.sum.Add(r)
	if t.n > 0 {
		t.w.WriteString("\n")
	}
	t.n++
	head := t.paint(ansiBold, r.Path)
	var meta []string
	if r.Format != "" {
		meta = append(meta, r.Format)
	}
	if r.Pages > 0 {
		meta = append(meta, fmt.Sprintf("%d %s", r.Pages, plural(r.Pages, "page", "pages")))
	}
	if len(r.Files) > 0 {
		meta = append(meta, fmt.Sprintf("bundle of %d", len(r.Files)))
	}
	if len(meta) > 0 {
		head += " " + t.paint(ansiDim, "("+strings.Join(meta, ", ")+")")
	}
	fmt.Fprintln(t.w, head)
	if r.Status != rules.DocOK {
		fmt.Fprintf(t.w, "  %s %s: %s\n", t.paint(ansiRed, "!"), t.paint(ansiRed, string(r.Status)), oneLine(r.Error))
		fmt.Fprintln(t.w, "    not checked: no protection is reported for a document that could not be read")
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(t.w, "  %s %s\n", t.paint(ansiYellow, "warning:"), oneLine(w))
	}
	for _, f := range r.Findings {
		sym := symbols[f.Status]
		if sym == "" {
			sym = "·"
		}
		line := fmt.Sprintf("  %s %-12s %-8s %s", sym, f.Status, f.Severity, f.Rule)
		fmt.Fprintf(t.w, "%s  %s\n", t.paint(colors[f.Status], line), oneLine(f.Title))
		if f.Waived != nil {
			fmt.Fprintf(t.w, "      waived: %s\n", waiverText(f.Waived))
		}
		if f.Message != "" && f.Status != rules.Present {
			fmt.Fprintf(t.w, "      %s\n", oneLine(f.Message))
		}
		// The terminal shows the best quote only; every quote is in the
		// json, markdown and html reports.
		if len(f.Evidence) > 0 {
			e := f.Evidence[0]
			loc := where(e)
			if loc != "" {
				loc += ": "
			}
			more := ""
			if n := len(f.Evidence) - 1; n > 0 {
				more = t.paint(ansiDim, fmt.Sprintf(" (+%d more)", n))
			}
			fmt.Fprintf(t.w, "      %s\"%s\"%s\n", t.paint(ansiDim, loc), clip(e.Quote, quoteLimit), more)
		}
	}
	if r.Status == rules.DocOK && len(r.Findings) > 0 {
		c := statusCounts(r)
		var parts []string
		for _, s := range sortedStatuses(c) {
			parts = append(parts, fmt.Sprintf("%d %s", c[s], s))
		}
		fmt.Fprintf(t.w, "  %s\n", strings.Join(parts, ", "))
	}
	return t.w.Flush()
}

func (t *text) Close() error {
	if t.n > 0 {
		t.w.WriteString("\n")
	}
	fmt.Fprintln(t.w, t.paint(ansiBold, summaryLine(t.sum)))
	return t.w.Flush()
}
