package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/clausecheck/clausecheck/rules"
)

// markdown is the procurement checklist: per document a checkbox per
// protection, the evidence, the clause to request where it falls short, and
// a sign-off block to fill in and file with the deal.
type markdown struct {
	w   *bufio.Writer
	opt Options
	sum rules.Summary
	n   int
}

var _ Writer = (*markdown)(nil)

func newMarkdown(w io.Writer, opt Options) Writer { return &markdown{w: bufio.NewWriter(w), opt: opt} }

func (m *markdown) Write(r rules.Result) error {
	m.sum.Add(r)
	w := m.w
	if m.n == 0 {
		fmt.Fprintf(w, "# Contract review checklist\n\n")
		if t := m.opt.tool(); t.Version != "" {
			fmt.Fprintf(w, "Checked with %s %s.\n\n", mdEscape(t.Name), mdEscape(t.Version))
		}
	}
	m.n++
	fmt.Fprintf(w, "## %s\n\n", mdEscape(r.Path))
	var meta []string
	if r.Format != "" {
		meta = append(meta, mdEscape(r.Format))
	}
	if r.Pages > 0 {
		meta = append(meta, fmt.Sprintf("%d %s", r.Pages, plural(r.Pages, "page", "pages")))
	}
	if r.SHA256 != "" {
		meta = append(meta, "sha256 `"+r.SHA256+"`")
	}
	for _, p := range r.Packs {
		meta = append(meta, fmt.Sprintf("pack %s %s", mdEscape(p.Name), mdEscape(p.Version)))
	}
	if len(meta) > 0 {
		fmt.Fprintf(w, "%s\n\n", strings.Join(meta, " · "))
	}
	if len(r.Files) > 0 {
		fmt.Fprintf(w, "Documents in this contract, oldest first:\n\n")
		for i, f := range r.Files {
			fmt.Fprintf(w, "%d. %s\n", i+1, mdEscape(f))
		}
		fmt.Fprintln(w)
	}
	if r.Status != rules.DocOK {
		fmt.Fprintf(w, "**%s — not checked.** %s\n\n", strings.ToUpper(string(r.Status)), mdEscape(oneLine(r.Error)))
		fmt.Fprintf(w, "No protection is reported for a document that could not be read; obtain a readable copy and check it again.\n\n")
	}
	for _, warn := range r.Warnings {
		fmt.Fprintf(w, "> **Warning:** %s\n\n", mdEscape(oneLine(warn)))
	}
	for _, f := range r.Findings {
		box := "[ ]"
		if f.Status == rules.Present {
			box = "[x]"
		}
		status := string(f.Status)
		if f.Status != rules.Present {
			status = "**" + status + "**"
		}
		fmt.Fprintf(w, "- %s %s — %s (%s, `%s`)\n", box, mdEscape(oneLine(f.Title)), status, f.Severity, f.Rule)
		if f.Waived != nil {
			fmt.Fprintf(w, "  - Waived: %s\n", mdEscape(waiverText(f.Waived)))
		}
		if f.Message != "" && f.Status != rules.Present {
			fmt.Fprintf(w, "  - %s\n", mdEscape(oneLine(f.Message)))
		}
		for _, e := range f.Evidence {
			loc := where(e)
			if loc != "" {
				loc = " (" + mdEscape(loc) + ")"
			}
			fmt.Fprintf(w, "  - “%s”%s\n", mdEscape(clip(e.Quote, 400)), loc)
		}
		if f.Status != rules.Present {
			if rec := recommendation(m.opt, f); rec != "" {
				fmt.Fprintf(w, "  - Request: %s\n", mdEscape(oneLine(rec)))
			}
		}
	}
	if len(r.Findings) > 0 {
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "### Sign-off\n\n")
	fmt.Fprintf(w, "- Reviewed by: ____________________\n")
	fmt.Fprintf(w, "- Date: ____________________\n")
	fmt.Fprintf(w, "- Decision: [ ] approve  [ ] approve with the exceptions above  [ ] return to vendor\n\n")
	return w.Flush()
}

func (m *markdown) Close() error {
	if m.n == 0 {
		fmt.Fprintf(m.w, "# Contract review checklist\n\n")
	}
	fmt.Fprintf(m.w, "---\n\n%s\n", mdEscape(summaryLine(m.sum)))
	return m.w.Flush()
}

// mdEscape makes contract text literal in Markdown (CommonMark): every
// character that could start emphasis, a link, code, raw HTML, an entity or
// a table cell is escaped. Text is never at the start of a line, so list and
// heading markers need no escape.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#|~&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
