package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// app is one run of the command line: its standard streams, its own viper
// instance (never the global one) and the exit code raised so far.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	v              *viper.Viper
	configFile     string
	code           int
}

// raise lifts the exit code to code when code takes precedence.
func (a *app) raise(code int) {
	if exitRank(code) > exitRank(a.code) {
		a.code = code
	}
}

func (a *app) rootCommand() *cobra.Command {
	a.v = viper.New()
	a.v.SetEnvPrefix("CLAUSECHECK")
	a.v.SetEnvKeyReplacer(strings.NewReplacer("-", "_", ".", "_"))
	a.v.AutomaticEnv()

	root := &cobra.Command{
		Use:   "clausecheck",
		Short: "Check vendor contracts and BAAs for the protections a hospital needs",
		Long: `clausecheck reads contracts (PDF, DOCX, HTML, text), matches them against
clause rules and reports every protection as present, weak, contradicted or
missing, each with the sentence that proves it. Everything runs offline.

Exit codes: 0 no failing finding; 1 a protection missing, weak or contradicted
at or above --fail-on; 3 a document could not be read; 2 usage, configuration
or rule-file error.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			return a.readConfig()
		},
	}
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.PersistentFlags().StringVar(&a.configFile, "config", "",
		"config file (default ./.clausecheck.yaml, then $HOME/.config/clausecheck/config.yaml)")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usageError(fmt.Errorf("%w (see '%s --help')", err, cmd.CommandPath()))
	})
	root.AddCommand(
		a.scanCommand(),
		a.extractCommand(),
		a.rulesCommand(),
		a.explainCommand(),
		a.evalCommand(),
		a.versionCommand(),
	)
	return root
}

// readConfig loads the config file: the one named by --config (which must
// exist), else the first of ./.clausecheck.yaml and the user's config.
func (a *app) readConfig() error {
	file := a.configFile
	if file == "" {
		file = os.Getenv("CLAUSECHECK_CONFIG")
	}
	if file == "" {
		candidates := []string{".clausecheck.yaml"}
		if home, err := os.UserHomeDir(); err == nil {
			candidates = append(candidates, filepath.Join(home, ".config", "clausecheck", "config.yaml"))
		}
		for _, c := range candidates {
			if _, err := os.Stat(c); err == nil {
				file = c
				break
			}
		}
		if file == "" {
			return nil
		}
	}
	if err := checkConfigFile(file); err != nil {
		if os.IsNotExist(err) {
			return usageError(fmt.Errorf("config %s: not found", file))
		}
		return usageError(fmt.Errorf("config %w", err))
	}
	a.v.SetConfigFile(file)
	a.v.SetConfigType("yaml")
	if err := a.v.ReadInConfig(); err != nil {
		var notFound viper.ConfigFileNotFoundError
		if errors.As(err, &notFound) || os.IsNotExist(errors.Unwrap(err)) {
			return usageError(fmt.Errorf("config %s: not found", file))
		}
		return usageError(fmt.Errorf("config %s: %w", file, err))
	}
	return nil
}

// bind makes every flag of cmd readable through viper under prefix+name, so
// flag > env > file > default holds for each of them.
func (a *app) bind(cmd *cobra.Command, prefix string) error {
	var err error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Name == "help" || f.Name == "config" {
			return
		}
		if e := a.v.BindPFlag(prefix+f.Name, f); e != nil && err == nil {
			err = e
		}
	})
	return err
}
