package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/clausecheck/clausecheck/clauses"
)

// version is the one place the tool's version is set; reports take it from
// here. Release builds may override it with -ldflags "-X main.version=...".
var version = "0.1.0"

// now is the clock waivers are judged by; tests replace it.
var now = time.Now

func (a *app) versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of clausecheck and of its built-in rule packs",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintf(a.stdout, "clausecheck %s\n", version)
			packs, err := clauses.Load(clauses.Names()...)
			if err != nil {
				return a.ruleProblems(err)
			}
			for _, p := range packs {
				ref := p.Ref()
				fmt.Fprintf(a.stdout, "  %-18s %-8s sha256:%s\n", ref.Name, ref.Version, ref.SHA256)
			}
			return nil
		},
	}
}
