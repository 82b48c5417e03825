package report

import (
	"bufio"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/clausecheck/clausecheck/rules"
)

// htmlReport is one self-contained page: inline CSS, no script, no external
// asset, readable on screen and on paper. It holds the results and writes
// the page on Close. Every string from a document goes through html/template
// escaping.
type htmlReport struct{ collector }

var _ Writer = (*htmlReport)(nil)

func newHTML(w io.Writer, opt Options) Writer { return &htmlReport{collector{w: w, opt: opt}} }

type htmlPage struct {
	Tool      ToolInfo
	Summary   rules.Summary
	Documents []htmlDoc
}

type htmlDoc struct {
	rules.Result
	Anchor   string
	Counts   []htmlCount
	Findings []htmlFinding
}

type htmlCount struct {
	Status rules.Status
	N      int
}

type htmlFinding struct {
	rules.Finding
	Symbol   string
	Evidence []htmlEvidence
	Request  string // model language, for what falls short
	Waiver   string
}

type htmlEvidence struct {
	Where         string
	Before, After string // the paragraph around the quote
	Quote         string
}

func (h *htmlReport) Close() error {
	page := htmlPage{Tool: h.opt.tool()}
	for i, r := range h.results {
		page.Summary.Add(r)
		d := htmlDoc{Result: normal(r), Anchor: fmt.Sprintf("doc-%d", i+1)}
		c := statusCounts(r)
		for _, s := range rules.Statuses() {
			d.Counts = append(d.Counts, htmlCount{s, c[s]})
		}
		for _, f := range r.Findings {
			hf := htmlFinding{Finding: f, Symbol: symbols[f.Status], Waiver: waiverText(f.Waived)}
			if f.Status != rules.Present {
				hf.Request = oneLine(recommendation(h.opt, f))
			}
			for _, e := range f.Evidence {
				hf.Evidence = append(hf.Evidence, htmlEvidence{Where: where(e), Before: oneLine(e.Before), Quote: oneLine(e.Quote), After: oneLine(e.After)})
			}
			d.Findings = append(d.Findings, hf)
		}
		page.Documents = append(page.Documents, d)
	}
	bw := bufio.NewWriter(h.w)
	if err := htmlTemplate.Execute(bw, page); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	return bw.Flush()
}

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"upper":  func(s rules.DocStatus) string { return strings.ToUpper(string(s)) },
	"plural": plural,
}).Parse(htmlSource))

const htmlSource = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="{{.Tool.Name}} {{.Tool.Version}}">
<title>Contract review — {{.Tool.Name}}</title>
<style>
:root { --present: #1a7f37; --weak: #9a6700; --contradicted: #cf222e; --missing: #8250df; --line: #d0d7de; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2.5rem; word-break: break-all; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .25rem .6rem; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.meta { color: #59636e; font-size: .9rem; }
.sha { font-family: ui-monospace, monospace; font-size: .8rem; word-break: break-all; }
.finding { border-left: 4px solid var(--line); padding: .4rem .8rem; margin: .8rem 0; break-inside: avoid; }
.finding.present { border-color: var(--present); }
.finding.weak { border-color: var(--weak); }
.finding.contradicted { border-color: var(--contradicted); }
.finding.missing { border-color: var(--missing); }
.status { font-weight: 600; text-transform: uppercase; font-size: .8rem; letter-spacing: .03em; }
.present .status { color: var(--present); } .weak .status { color: var(--weak); }
.contradicted .status { color: var(--contradicted); } .missing .status { color: var(--missing); }
.rule { font-family: ui-monospace, monospace; font-size: .85rem; color: #59636e; }
blockquote { margin: .4rem 0; padding: .3rem .8rem; background: #f6f8fa; border-radius: 4px; }
mark { background: #fff8c5; padding: 0 .1em; }
.ctx { color: #57606a; }
.where { display: block; color: #59636e; font-size: .8rem; }
.request { background: #ddf4ff; border-radius: 4px; padding: .4rem .8rem; margin: .4rem 0; }
.request strong { display: block; font-size: .8rem; text-transform: uppercase; }
.unreadable, .error { color: var(--contradicted); font-weight: 600; }
.warning { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 4px; padding: .3rem .8rem; margin: .4rem 0; }
.waived { color: #59636e; font-style: italic; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; color: #000; }
  h2 { break-before: page; }
  section:first-of-type h2 { break-before: auto; }
  blockquote, .request, .warning { background: none; border: 1px solid #999; }
  mark { background: none; font-weight: 600; text-decoration: underline; }
  a { color: inherit; text-decoration: none; }
  nav { display: none; }
}
</style>
</head>
<body>
<header>
<h1>Contract review</h1>
<p class="meta">{{.Tool.Name}}{{with .Tool.Version}} {{.}}{{end}} · {{.Summary.Documents}} {{plural .Summary.Documents "document" "documents"}}</p>
</header>
<table id="summary">
<thead><tr><th>documents</th><th>unreadable</th><th>errors</th><th>present</th><th>weak</th><th>contradicted</th><th>missing</th><th>waived</th></tr></thead>
<tbody><tr><td class="n">{{.Summary.Documents}}</td><td class="n">{{.Summary.Unreadable}}</td><td class="n">{{.Summary.Errors}}</td><td class="n">{{.Summary.Present}}</td><td class="n">{{.Summary.Weak}}</td><td class="n">{{.Summary.Contradicted}}</td><td class="n">{{.Summary.Missing}}</td><td class="n">{{.Summary.Waived}}</td></tr></tbody>
</table>
{{if gt (len .Documents) 1}}<nav><ul>{{range .Documents}}<li><a href="#{{.Anchor}}">{{.Path}}</a> — {{.Status}}</li>{{end}}</ul></nav>{{end}}
{{range .Documents}}<section id="{{.Anchor}}">
<h2>{{.Path}}</h2>
<p class="meta">{{with .Format}}{{.}} · {{end}}{{if .Pages}}{{.Pages}} {{plural .Pages "page" "pages"}} · {{end}}{{range .Packs}}pack {{.Name}} {{.Version}} · {{end}}<span class="sha">sha256 {{.SHA256}}</span></p>
{{if .Files}}<p>Documents in this contract, oldest first:</p><ol>{{range .Files}}<li>{{.}}</li>{{end}}</ol>{{end}}
{{if ne .Status "ok"}}<p class="{{.Status}}">{{upper .Status}} — not checked: {{.Error}}</p>
<p>No protection is reported for a document that could not be read.</p>{{end}}
{{range .Warnings}}<p class="warning">Warning: {{.}}</p>{{end}}
{{if .Findings}}<table class="counts"><thead><tr>{{range .Counts}}<th>{{.Status}}</th>{{end}}</tr></thead>
<tbody><tr>{{range .Counts}}<td class="n">{{.N}}</td>{{end}}</tr></tbody></table>
{{range .Findings}}<div class="finding {{.Status}}">
<div><span class="status">{{.Symbol}} {{.Status}}</span> · {{.Severity}} · <strong>{{.Title}}</strong> <span class="rule">{{.Rule}}</span></div>
{{with .Waiver}}<div class="waived">Waived: {{.}}</div>{{end}}
{{if ne .Status "present"}}{{with .Message}}<div>{{.}}</div>{{end}}{{end}}
{{range .Evidence}}<blockquote>{{with .Before}}<span class="ctx">{{.}} </span>{{end}}<mark>{{.Quote}}</mark>{{with .After}}<span class="ctx"> {{.}}</span>{{end}}{{with .Where}}<span class="where">{{.}}</span>{{end}}</blockquote>
{{end}}{{with .Request}}<div class="request"><strong>Clause to request</strong>{{.}}</div>{{end}}
</div>
{{end}}{{end}}</section>
{{end}}</body>
</html>
`
