package main

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/mitchellh/go-wordwrap"
	"github.com/spf13/cobra"

	"github.com/clausecheck/clausecheck/clauses"
	"github.com/clausecheck/clausecheck/rules"
)

// loadPacks returns the named built-in packs (the default set when none is
// named) followed by the packs in the extra rule files or folders.
func (a *app) loadPacks(builtin, extra []string) ([]*rules.Pack, error) {
	if len(builtin) == 0 {
		builtin = clauses.Default()
	}
	var packs []*rules.Pack
	if !(len(builtin) == 1 && builtin[0] == "none") {
		p, err := clauses.Load(builtin...)
		if err != nil {
			return nil, a.ruleProblems(err)
		}
		packs = p
	}
	if len(extra) > 0 {
		p, err := rules.LoadFiles(extra...)
		if err != nil {
			return nil, a.ruleProblems(err)
		}
		packs = append(packs, p...)
	}
	return packs, nil
}

// ruleProblems prints every rule-file problem, one a line, and returns an
// exit-2 error; any other error is returned as a usage error.
func (a *app) ruleProblems(err error) error {
	var problems rules.Problems
	if errors.As(err, &problems) {
		for _, p := range problems {
			fmt.Fprintln(a.stderr, p.String())
		}
		return &exitError{code: exitUsage, err: errReported}
	}
	return usageError(err)
}

func (a *app) rulesCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List, validate and test rule packs",
	}
	list := &cobra.Command{
		Use:   "list",
		Short: "List the rules of the chosen packs",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.bind(cmd, ""); err != nil {
				return usageError(err)
			}
			eng, err := a.engine("packs", "rules")
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "RULE\tSEVERITY\tTITLE")
			for _, r := range eng.Rules() {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, r.Severity, r.Title)
			}
			return tw.Flush()
		},
	}
	list.Flags().StringSlice("packs", nil, "built-in packs (default: all healthcare packs; 'none' for none)")
	list.Flags().StringArray("rules", nil, "extra rule FILE or DIR (repeatable)")

	validate := &cobra.Command{
		Use:   "validate [FILE|DIR...]",
		Short: "Check rule files and report every problem as path:line: rule-id: message",
		Long: `Check rule files: unknown keys, missing fields, bad patterns, duplicate IDs
within and across files, missing examples. Every problem is printed, one a
line; the exit code is 2 if there is any. With no FILE, the built-in packs
are checked.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			packs, err := a.packsForTool(args)
			if err != nil {
				return err
			}
			if _, err := rules.Compile(packs, rules.Config{}); err != nil {
				return a.ruleProblems(err)
			}
			n := 0
			for _, p := range packs {
				n += len(p.Rules)
			}
			fmt.Fprintf(a.stdout, "ok: %d %s in %d %s\n", n, plural(n, "rule", "rules"), len(packs), plural(len(packs), "pack", "packs"))
			return nil
		},
	}

	test := &cobra.Command{
		Use:   "test [FILE|DIR...]",
		Short: "Run every rule's examples and report failures go-test style",
		Long: `Run the examples every rule carries: each sentence listed under present,
weak or contradicted must give that status and each under absent must give
missing. With no FILE, the built-in packs are tested. Exit 1 on any failure.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			packs, err := a.packsForTool(args)
			if err != nil {
				return err
			}
			eng, err := rules.Compile(packs, rules.Config{})
			if err != nil {
				return a.ruleProblems(err)
			}
			verbose, _ := cmd.Flags().GetBool("verbose")
			if failures := eng.RunExamples(cmd.Context(), a.stdout, verbose); len(failures) > 0 {
				return &exitError{code: exitFindings, err: errReported}
			}
			return nil
		},
	}
	test.Flags().BoolP("verbose", "v", false, "list every example, not only failures")

	cmd.AddCommand(list, validate, test)
	return cmd
}

// packsForTool loads the files named on the command line, or all built-in
// packs when none is named.
func (a *app) packsForTool(files []string) ([]*rules.Pack, error) {
	if len(files) == 0 {
		return a.loadPacks(clauses.Names(), nil)
	}
	return a.loadPacks([]string{"none"}, files)
}

func (a *app) explainCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE-ID",
		Short: "Show a rule's rationale, citation and model clause language",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			packs, err := a.loadPacks(clauses.Names(), a.v.GetStringSlice("rules"))
			if err != nil {
				return err
			}
			eng, err := rules.Compile(packs, rules.Config{})
			if err != nil {
				return a.ruleProblems(err)
			}
			r, ok := eng.Explain(strings.ToLower(args[0]))
			if !ok {
				return usageError(fmt.Errorf("no rule %q (see 'clausecheck rules list --packs %s')",
					args[0], strings.Join(clauses.Names(), ",")))
			}
			w := a.stdout
			fmt.Fprintf(w, "%s — %s\n\n", r.ID, r.Title)
			fmt.Fprintf(w, "Severity:  %s\nCitation:  %s\n\n", r.Severity, r.Citation)
			fmt.Fprintf(w, "Why it matters\n%s\n\n", indent(r.Rationale))
			fmt.Fprintf(w, "Clause to request\n%s\n", indent(r.Recommendation))
			return nil
		},
	}
}

// indent wraps s at 76 columns and indents it by two spaces.
func indent(s string) string {
	lines := strings.Split(wordwrap.WrapString(strings.TrimSpace(s), 76), "\n")
	for i, l := range lines {
		lines[i] = "  " + l
	}
	return strings.Join(lines, "\n")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
