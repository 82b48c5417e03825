package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/clausecheck/clausecheck/extract"
	"github.com/clausecheck/clausecheck/report"
	"github.com/clausecheck/clausecheck/rules"
	"github.com/clausecheck/clausecheck/scan"
)

func (a *app) scanCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "scan [flags] PATH...",
		Short: "Check contracts for the protections of the chosen rule packs",
		Long: `Scan files, folders (recursively) or - for standard input, and report every
protection of the chosen packs as present, weak, contradicted or missing.

A document that cannot be read is reported as unreadable or error with the
reason, never as missing its protections, and the other files are still
checked.`,
		Example: `  clausecheck scan testdata/contracts
  clausecheck scan --format markdown -o checklist.md vendor-baa.pdf
  clausecheck scan --format jsonl --shard 3/8 -q /portfolio > shard-3.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.bind(cmd, ""); err != nil {
				return usageError(err)
			}
			return a.scan(cmd.Context(), args)
		},
	}
	f := cmd.Flags()
	f.String("format", "text", "output format: "+strings.Join(report.Formats(), "|"))
	f.StringP("output", "o", "", "write the report to FILE (default stdout)")
	f.StringSlice("packs", nil, "built-in packs to apply, comma-separated (default: all healthcare packs)")
	f.StringArray("rules", nil, "extra rule FILE or DIR (repeatable)")
	f.String("fail-on", "high", "lowest severity that fails the run: critical|high|medium|low|none")
	f.Int("workers", 0, "documents read in parallel (default: number of CPUs)")
	f.String("waivers", "", "YAML file of accepted exceptions per document and rule")
	f.Bool("bundle", false, "each sub-folder of PATH is one contract (MSA + BAA + SOWs + amendments)")
	f.String("shard", "", "scan only shard K of N (K/N, by a hash of the path)")
	f.String("ocr", "auto", "read scanned pages with tesseract when installed: auto|never")
	f.BoolP("quiet", "q", false, "no progress bar")
	f.StringSlice("include", nil, "only files matching these globs (relative to each PATH)")
	f.StringSlice("exclude", nil, "skip files matching these globs")
	f.String("timeout", "2m", "time limit for reading one file")
	return cmd
}

// engine loads the chosen built-in packs and extra rule files and compiles
// them with the configured settings. Every rule-file problem is printed, one
// a line, and the run ends with exit 2.
func (a *app) engine(packsKey, rulesKey string) (*rules.Engine, error) {
	packs, err := a.loadPacks(a.v.GetStringSlice(packsKey), a.v.GetStringSlice(rulesKey))
	if err != nil {
		return nil, err
	}
	cfg, err := a.ruleConfig()
	if err != nil {
		return nil, usageError(err)
	}
	eng, err := rules.Compile(packs, cfg)
	if err != nil {
		return nil, a.ruleProblems(err)
	}
	return eng, nil
}

func (a *app) scan(ctx context.Context, args []string) error {
	v := a.v
	threshold, err := failOn(v.GetString("fail-on"))
	if err != nil {
		return usageError(err)
	}
	ocr := v.GetString("ocr")
	if ocr != "auto" && ocr != "never" {
		return usageError(fmt.Errorf("--ocr %q: want auto or never", ocr))
	}
	shard, shards, err := parseShard(v.GetString("shard"))
	if err != nil {
		return usageError(err)
	}
	timeout, err := a.timeout()
	if err != nil {
		return usageError(err)
	}
	format := v.GetString("format")
	if !slices.Contains(report.Formats(), format) {
		return usageError(fmt.Errorf("--format %q: want one of %s", format, strings.Join(report.Formats(), ", ")))
	}
	eng, err := a.engine("packs", "rules")
	if err != nil {
		return err
	}
	opt := scan.Options{
		Include: v.GetStringSlice("include"),
		Exclude: v.GetStringSlice("exclude"),
		Workers: v.GetInt("workers"),
		Shard:   shard,
		Shards:  shards,
		Bundle:  v.GetBool("bundle"),
	}
	if path := v.GetString("waivers"); path != "" {
		w, err := scan.LoadWaivers(path, now())
		if err != nil {
			return usageError(err)
		}
		if err := w.Validate(ruleIDs(eng)); err != nil {
			return usageError(err)
		}
		opt.Waivers = w
	}
	var skipped []string
	opt.Skipped = func(path string) { skipped = append(skipped, path) }
	inputs, err := scan.Inputs(args, opt)
	opt.Skipped = nil // Run walks again; count each file once
	if err != nil {
		return usageError(err)
	}
	if len(inputs) == 0 {
		return usageError(fmt.Errorf("no contracts found in %s (supported: .pdf .docx .html .htm .txt .md)", strings.Join(args, ", ")))
	}
	if !v.GetBool("quiet") && isTerminal(a.stderr) {
		opt.Progress = a.stderr
	}

	out := a.stdout
	closeOutput := func() error { return nil }
	if path := v.GetString("output"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			return usageError(fmt.Errorf("output: %w", err))
		}
		// Closed below, not deferred: a report that fails to reach the disk
		// must fail the run, not vanish with an ignored error.
		defer f.Close()
		out = f
		closeOutput = f.Close
	}
	w, err := report.New(format, out, report.Options{
		Color:   format == "text" && out == a.stdout && isTerminal(out) && os.Getenv("NO_COLOR") == "",
		Tool:    report.ToolInfo{Name: "clausecheck", Version: version},
		Rules:   ruleInfos(eng),
		Version: version,
	})
	if err != nil {
		return usageError(err)
	}

	extractOpt := extract.Options{OCR: ocr == "auto", Timeout: timeout}
	extractor := func(ctx context.Context, path string) (*extract.Document, error) {
		if path == "-" {
			data, err := io.ReadAll(a.stdin)
			if err != nil {
				return nil, fmt.Errorf("read standard input: %w", err)
			}
			return extract.Read(ctx, "-", data, extractOpt)
		}
		return extract.File(ctx, path, extractOpt)
	}
	sum, runErr := scan.Run(ctx, args, extractor, eng, opt, w.Write)
	if err := w.Close(); err != nil && runErr == nil {
		runErr = err
	}
	if err := closeOutput(); err != nil && runErr == nil {
		runErr = fmt.Errorf("output: %w", err)
	}
	if len(skipped) > 0 {
		fmt.Fprintf(a.stderr, "clausecheck: passed over %d %s not in a contract format (%s): %s\n",
			len(skipped), plural(len(skipped), "file", "files"), strings.Join(scan.Extensions, " "), abbreviate(skipped, 5))
	}
	if sum.Unchecked() {
		a.raise(exitUnreadable)
	}
	if sum.Fails(threshold) {
		a.raise(exitFindings)
	}
	if runErr != nil {
		return &exitError{code: exitUnreadable, err: fmt.Errorf("scan: %w", runErr)}
	}
	return nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func ruleIDs(eng *rules.Engine) []string {
	var ids []string
	for _, r := range eng.Rules() {
		ids = append(ids, r.ID)
	}
	return ids
}

func ruleInfos(eng *rules.Engine) []report.RuleInfo {
	var infos []report.RuleInfo
	for _, r := range eng.Rules() {
		infos = append(infos, report.RuleInfo{
			ID: r.ID, Title: r.Title, Severity: r.Severity, Citation: r.Citation,
			Rationale: r.Rationale, Recommendation: r.Recommendation,
		})
	}
	return infos
}

// abbreviate lists the first n items and how many more there are.
func abbreviate(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}
