package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/clausecheck/clausecheck/extract"
	"github.com/clausecheck/clausecheck/rules"
	"github.com/clausecheck/clausecheck/scan"
)

func (a *app) evalCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval --labels FILE.csv [flags]",
		Short: "Measure precision, recall and F1 per rule against labelled contracts",
		Long: `Scan the contracts a labels file lists and compare each rule's verdict with
the label. labels.csv has a column "file" (a path relative to the CSV) and one
column per rule ID holding 1 (the clause is in the document) or 0;
absolute paths are taken as they are. A rule
counts as predicted when its status is present or weak.

Prints TP, FP, FN, TN, precision, recall and F1 per rule and their macro
average, then every false positive with its evidence and every false
negative, so a rule author can see why. Without --packs, the packs are those
the label columns name.`,
		Example: `  clausecheck eval --labels ../shared/corpus/baa/eval-labels.csv
  clausecheck eval --labels ../shared/corpus/cuad/dev/eval-labels.csv --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.bind(cmd, "eval."); err != nil {
				return usageError(err)
			}
			return a.eval(cmd.Context())
		},
	}
	f := cmd.Flags()
	f.String("labels", "", "labels CSV: file, then one column per rule ID (required)")
	f.String("format", "text", "output format: text|json")
	f.StringSlice("packs", nil, "built-in packs (default: the packs the label columns name)")
	f.StringArray("rules", nil, "extra rule FILE or DIR (repeatable)")
	f.Int("workers", 0, "documents read in parallel (default: number of CPUs)")
	f.String("ocr", "never", "read scanned pages with tesseract when installed: auto|never")
	f.Bool("details", true, "list false positives and false negatives (text format)")
	return cmd
}

// labels is a parsed labels file: documents in file order and, per rule,
// which documents hold the clause.
type labels struct {
	files []string                   // paths as scanned (joined to the CSV's folder)
	rules []string                   // rule IDs in column order
	truth map[string]map[string]bool // rule → file → label
}

func readLabels(path string) (*labels, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: read header: %w", path, err)
	}
	if len(header) < 2 || strings.TrimPrefix(header[0], "\ufeff") != "file" {
		return nil, fmt.Errorf("%s: the first column must be \"file\", then one column per rule ID", path)
	}
	l := &labels{rules: header[1:], truth: map[string]map[string]bool{}}
	for _, id := range l.rules {
		l.truth[id] = map[string]bool{}
	}
	dir := filepath.Dir(path)
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		file := rec[0]
		if !filepath.IsAbs(file) {
			file = filepath.Join(dir, file)
		}
		file = filepath.ToSlash(file)
		l.files = append(l.files, file)
		for i, id := range l.rules {
			switch v := strings.TrimSpace(rec[i+1]); v {
			case "1":
				l.truth[id][file] = true
			case "0":
			default:
				return nil, fmt.Errorf("%s:%d: %s: label %q: want 1 or 0", path, line, id, v)
			}
		}
	}
	return l, nil
}

// ruleScore is one rule's confusion counts and scores (DESIGN.md's eval JSON).
type ruleScore struct {
	Rule      string  `json:"rule"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	TN        int     `json:"tn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// score fills precision, recall and F1. With no prediction precision is 1
// (nothing false was claimed); with no positive label recall is 1.
func (s *ruleScore) score() {
	s.Precision, s.Recall = 1, 1
	if s.TP+s.FP > 0 {
		s.Precision = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP+s.FN > 0 {
		s.Recall = float64(s.TP) / float64(s.TP+s.FN)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

type macroScore struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// evalError is one wrongly predicted document with what the tool saw.
type evalError struct {
	Rule   string `json:"rule"`
	File   string `json:"file"`
	Status string `json:"status"`
	Detail string `json:"detail"`
}

type evalReport struct {
	Rules          []ruleScore `json:"rules"`
	Macro          macroScore  `json:"macro"`
	Documents      int         `json:"documents"`
	Unreadable     []string    `json:"unreadable"`
	FalsePositives []evalError `json:"false_positives"`
	FalseNegatives []evalError `json:"false_negatives"`
}

func (a *app) eval(ctx context.Context) error {
	v := a.v
	labelsPath := v.GetString("eval.labels")
	if labelsPath == "" {
		return usageError(fmt.Errorf("eval needs --labels FILE.csv"))
	}
	format := v.GetString("eval.format")
	if format != "text" && format != "json" {
		return usageError(fmt.Errorf("--format %q: want text or json", format))
	}
	ocr := v.GetString("eval.ocr")
	if ocr != "auto" && ocr != "never" {
		return usageError(fmt.Errorf("--ocr %q: want auto or never", ocr))
	}
	l, err := readLabels(labelsPath)
	if err != nil {
		return usageError(fmt.Errorf("labels: %w", err))
	}
	if !v.IsSet("eval.packs") || len(v.GetStringSlice("eval.packs")) == 0 {
		v.Set("eval.packs", packsOf(l.rules))
	}
	eng, err := a.engine("eval.packs", "eval.rules")
	if err != nil {
		return err
	}
	enabled := map[string]bool{}
	for _, r := range eng.Rules() {
		enabled[r.ID] = true
	}
	for _, id := range l.rules {
		if !enabled[id] {
			return usageError(fmt.Errorf("labels column %q: no such rule in the chosen packs", id))
		}
	}

	rep := evalReport{Unreadable: []string{}, FalsePositives: []evalError{}, FalseNegatives: []evalError{}}
	scores := make([]ruleScore, len(l.rules))
	for i, id := range l.rules {
		scores[i].Rule = id
	}
	extractOpt := extract.Options{OCR: ocr == "auto"}
	extractor := func(ctx context.Context, path string) (*extract.Document, error) {
		return extract.File(ctx, path, extractOpt)
	}
	opt := scan.Options{Workers: v.GetInt("eval.workers")}
	if isTerminal(a.stderr) {
		opt.Progress = a.stderr
	}
	_, err = scan.Run(ctx, l.files, extractor, eng, opt, func(r rules.Result) error {
		rep.Documents++
		if r.Status != rules.DocOK {
			rep.Unreadable = append(rep.Unreadable, r.Path+": "+r.Error)
		}
		byRule := map[string]rules.Finding{}
		for _, f := range r.Findings {
			byRule[f.Rule] = f
		}
		for i, id := range l.rules {
			f, found := byRule[id]
			predicted := found && (f.Status == rules.Present || f.Status == rules.Weak)
			truth := l.truth[id][r.Path]
			s := &scores[i]
			switch {
			case predicted && truth:
				s.TP++
			case predicted && !truth:
				s.FP++
				rep.FalsePositives = append(rep.FalsePositives, evalError{id, r.Path, string(f.Status), evidenceText(f)})
			case !predicted && truth:
				s.FN++
				status := string(f.Status)
				if !found {
					status = string(r.Status)
				}
				rep.FalseNegatives = append(rep.FalseNegatives, evalError{id, r.Path, status, evidenceText(f)})
			default:
				s.TN++
			}
		}
		return nil
	})
	if err != nil {
		return &exitError{code: exitUnreadable, err: fmt.Errorf("eval: %w", err)}
	}
	for i := range scores {
		scores[i].score()
		rep.Macro.Precision += scores[i].Precision / float64(len(scores))
		rep.Macro.Recall += scores[i].Recall / float64(len(scores))
		rep.Macro.F1 += scores[i].F1 / float64(len(scores))
	}
	rep.Rules = scores
	sortErrors(rep.FalsePositives)
	sortErrors(rep.FalseNegatives)
	if len(rep.Unreadable) > 0 {
		a.raise(exitUnreadable)
	}
	if format == "json" {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(rep)
	}
	return writeEvalText(a.stdout, rep, v.GetBool("eval.details"))
}

// packsOf returns the packs that rule IDs belong to, in first-seen order.
func packsOf(ids []string) []string {
	var packs []string
	seen := map[string]bool{}
	for _, id := range ids {
		p, _, _ := strings.Cut(id, "/")
		if !seen[p] {
			seen[p] = true
			packs = append(packs, p)
		}
	}
	return packs
}

func evidenceText(f rules.Finding) string {
	if len(f.Evidence) == 0 {
		return f.Message
	}
	e := f.Evidence[0]
	where := fmt.Sprintf("p.%d", e.Page)
	if e.Section != "" {
		where += " §" + e.Section
	}
	return fmt.Sprintf("%s: %q", where, e.Quote)
}

func sortErrors(errs []evalError) {
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].Rule != errs[j].Rule {
			return errs[i].Rule < errs[j].Rule
		}
		return errs[i].File < errs[j].File
	})
}

func writeEvalText(w io.Writer, rep evalReport, details bool) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "RULE\tTP\tFP\tFN\tTN\tPRECISION\tRECALL\tF1\t")
	for _, s := range rep.Rules {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", s.Rule, s.TP, s.FP, s.FN, s.TN, s.Precision, s.Recall, s.F1)
	}
	fmt.Fprintf(tw, "macro average\t\t\t\t\t%.3f\t%.3f\t%.3f\t\n", rep.Macro.Precision, rep.Macro.Recall, rep.Macro.F1)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d documents, %d unreadable\n", rep.Documents, len(rep.Unreadable))
	for _, u := range rep.Unreadable {
		fmt.Fprintf(w, "  unreadable: %s\n", u)
	}
	if !details {
		return nil
	}
	for _, part := range []struct {
		title string
		errs  []evalError
	}{{"False positives", rep.FalsePositives}, {"False negatives", rep.FalseNegatives}} {
		fmt.Fprintf(w, "\n%s (%d)\n", part.title, len(part.errs))
		for _, e := range part.errs {
			fmt.Fprintf(w, "  %s  %s  [%s]  %s\n", e.Rule, e.File, e.Status, e.Detail)
		}
	}
	return nil
}
