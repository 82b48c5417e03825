package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cast"
	"gopkg.in/yaml.v3"

	"github.com/clausecheck/clausecheck/rules"
)

// configFile is the shape of .clausecheck.yaml. It exists to reject unknown
// keys with their line before viper, which accepts anything, reads the file.
type configFile struct {
	Format   string             `yaml:"format"`
	Output   string             `yaml:"output"`
	Packs    []string           `yaml:"packs"`
	Rules    []string           `yaml:"rules"`
	FailOn   string             `yaml:"fail-on"`
	Workers  int                `yaml:"workers"`
	Waivers  string             `yaml:"waivers"`
	Bundle   bool               `yaml:"bundle"`
	Shard    string             `yaml:"shard"`
	OCR      string             `yaml:"ocr"`
	Quiet    bool               `yaml:"quiet"`
	Include  []string           `yaml:"include"`
	Exclude  []string           `yaml:"exclude"`
	Timeout  string             `yaml:"timeout"`
	Settings map[string]float64 `yaml:"settings"`
	Disable  []string           `yaml:"disable"`
	Severity map[string]string  `yaml:"severity"`
	Fuzzy    *int               `yaml:"fuzzy"`
	Extract  struct {
		Format string `yaml:"format"`
	} `yaml:"extract"`
	Eval struct {
		Format string `yaml:"format"`
		Labels string `yaml:"labels"`
	} `yaml:"eval"`
}

var yamlLine = regexp.MustCompile(`^yaml: (?:unmarshal errors:\n\s*)?line (\d+): `)

// checkConfigFile decodes the config strictly: a misspelt key fails with its
// line instead of being silently ignored.
func checkConfigFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var c configFile
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		msg := err.Error()
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			return fmt.Errorf("%s:%s: %s", path, m[1], msg[len(m[0]):])
		}
		return fmt.Errorf("%s: %s", path, msg)
	}
	return nil
}

// ruleConfig builds the rule engine configuration from the merged settings.
func (a *app) ruleConfig() (rules.Config, error) {
	cfg := rules.Config{
		Settings: map[string]float64{},
		Disable:  a.v.GetStringSlice("disable"),
		Severity: map[string]rules.Severity{},
	}
	for k, v := range a.v.GetStringMap("settings") {
		f, err := cast.ToFloat64E(v)
		if err != nil {
			return cfg, fmt.Errorf("settings.%s: %v is not a number", k, v)
		}
		cfg.Settings[k] = f
	}
	for id, s := range a.v.GetStringMapString("severity") {
		sev, err := rules.ParseSeverity(s)
		if err != nil {
			return cfg, fmt.Errorf("severity.%s: %w", id, err)
		}
		cfg.Severity[id] = sev
	}
	if a.v.IsSet("fuzzy") {
		n, err := cast.ToIntE(a.v.Get("fuzzy"))
		if err != nil || n < 0 || n > 2 {
			return cfg, fmt.Errorf("fuzzy: %v: want 0, 1 or 2", a.v.Get("fuzzy"))
		}
		cfg.Fuzzy = &n
	}
	return cfg, nil
}

// failOn parses --fail-on; "none" gives the empty threshold, which fails nothing.
func failOn(s string) (rules.Severity, error) {
	if s == "none" {
		return "", nil
	}
	sev, err := rules.ParseSeverity(s)
	if err != nil {
		return "", fmt.Errorf("--fail-on %q: want critical, high, medium, low or none", s)
	}
	return sev, nil
}

// parseShard reads "K/N" with 1 <= K <= N; "" means no sharding.
func parseShard(s string) (k, n int, err error) {
	if s == "" {
		return 0, 0, nil
	}
	ks, ns, ok := strings.Cut(s, "/")
	k, kerr := strconv.Atoi(ks)
	n, nerr := strconv.Atoi(ns)
	if !ok || kerr != nil || nerr != nil || k < 1 || n < 1 || k > n {
		return 0, 0, fmt.Errorf("--shard %q: want K/N with 1 <= K <= N", s)
	}
	return k, n, nil
}

// timeout reads the per-file time limit.
func (a *app) timeout() (time.Duration, error) {
	s := a.v.GetString("timeout")
	if s == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("--timeout %q: want a duration such as 90s or 2m", s)
	}
	return d, nil
}
