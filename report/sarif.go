package report

import (
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/clausecheck/clausecheck/rules"
)

// SARIFVersion is the version of the SARIF format written (not the tool's).
const SARIFVersion = "2.1.0"

const sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// sarif writes SARIF 2.1.0 on Close: one run, the rules as the driver's
// reportingDescriptors, a result per finding that is not present (error for
// critical and high, warning for medium, note for low), located by byte
// offsets into the extracted text, and an external, accepted suppression
// for each waived finding. A document that could not be read is an error
// notification of the invocation, not a result.
type sarif struct{ collector }

var _ Writer = (*sarif)(nil)

func newSARIF(w io.Writer, opt Options) Writer { return &sarif{collector{w: w, opt: opt}} }

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID               string         `json:"id"`
	Name             string         `json:"name,omitempty"`
	ShortDescription *sarifMessage  `json:"shortDescription,omitempty"`
	FullDescription  *sarifMessage  `json:"fullDescription,omitempty"`
	Help             *sarifMessage  `json:"help,omitempty"`
	DefaultConfig    *sarifConfig   `json:"defaultConfiguration,omitempty"`
	Properties       map[string]any `json:"properties,omitempty"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID       string             `json:"ruleId"`
	RuleIndex    int                `json:"ruleIndex"`
	Kind         string             `json:"kind"`
	Level        string             `json:"level"`
	Message      sarifMessage       `json:"message"`
	Locations    []sarifLocation    `json:"locations"`
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
	Properties   map[string]any     `json:"properties,omitempty"`
}

type sarifLocation struct {
	Physical sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	Artifact sarifArtifact `json:"artifactLocation"`
	Region   *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

// sarifRegion locates a quote by byte offsets: evidence offsets are bytes of
// the UTF-8 text `clausecheck extract` prints, and SARIF's byteOffset and
// byteLength say exactly that, where charOffset would count characters.
type sarifRegion struct {
	ByteOffset int           `json:"byteOffset"`
	ByteLength int           `json:"byteLength"`
	Snippet    *sarifMessage `json:"snippet,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	Justification string `json:"justification"`
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Critical, rules.High:
		return "error"
	case rules.Medium:
		return "warning"
	}
	return "note"
}

// sarifURI turns a reported path into a URI reference: slash separated,
// percent-encoded, relative when the path was.
func sarifURI(path string) string {
	u := url.URL{Path: path}
	return u.EscapedPath()
}

func (s *sarif) Close() error {
	ruleList := ruleOrder(s.opt, s.results)
	index := map[string]int{}
	driver := sarifDriver{Name: s.opt.tool().Name, Version: s.opt.tool().Version, Rules: []sarifRule{}}
	for i, r := range ruleList {
		index[r.ID] = i
		driver.Rules = append(driver.Rules, describeRule(r))
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: []sarifResult{}}
	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, r := range s.results {
		if r.Status != rules.DocOK {
			inv.Notifications = append(inv.Notifications, sarifNotification{
				Level:     "error",
				Message:   sarifMessage{Text: fmt.Sprintf("%s: %s", r.Status, oneLine(r.Error))},
				Locations: []sarifLocation{{Physical: sarifPhysical{Artifact: sarifArtifact{URI: sarifURI(r.Path)}}}},
			})
			continue
		}
		for _, f := range r.Findings {
			if f.Status == rules.Present {
				continue
			}
			i, ok := index[f.Rule]
			if !ok { // a rule not in Options.Rules: describe it from the finding
				i = len(run.Tool.Driver.Rules)
				index[f.Rule] = i
				run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, describeRule(RuleInfo{ID: f.Rule, Title: f.Title, Severity: f.Severity, Citation: f.Citation, Recommendation: f.Recommendation}))
			}
			run.Results = append(run.Results, sarifFinding(r, f, i))
		}
	}
	run.Invocations = []sarifInvocation{inv}
	log := sarifLog{Schema: sarifSchema, Version: SARIFVersion, Runs: []sarifRun{run}}
	b, err := marshal(log, "", "  ")
	if err != nil {
		return fmt.Errorf("sarif report: %w", err)
	}
	b = append(b, '\n')
	_, err = s.w.Write(b)
	return err
}

func describeRule(r RuleInfo) sarifRule {
	sr := sarifRule{ID: r.ID, Name: ruleName(r.ID)}
	if r.Title != "" {
		sr.ShortDescription = &sarifMessage{Text: oneLine(r.Title)}
	}
	full := oneLine(r.Rationale)
	if full == "" {
		full = oneLine(r.Title)
	}
	if full != "" {
		sr.FullDescription = &sarifMessage{Text: full}
	}
	if rec := oneLine(r.Recommendation); rec != "" {
		sr.Help = &sarifMessage{Text: rec}
	}
	props := map[string]any{}
	if r.Severity != "" {
		props["severity"] = string(r.Severity)
		sr.DefaultConfig = &sarifConfig{Level: sarifLevel(r.Severity)}
	}
	if r.Citation != "" {
		props["citation"] = oneLine(r.Citation)
	}
	if pack, _, ok := strings.Cut(r.ID, "/"); ok {
		props["tags"] = []string{pack}
	}
	if len(props) > 0 {
		sr.Properties = props
	}
	return sr
}

// ruleName is the SARIF name of a rule: its ID's kebab name in UpperCamel
// ("offshore/us-only-performance" → "UsOnlyPerformance").
func ruleName(id string) string {
	_, name, ok := strings.Cut(id, "/")
	if !ok {
		name = id
	}
	var b strings.Builder
	for _, part := range strings.Split(name, "-") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

func sarifFinding(r rules.Result, f rules.Finding, ruleIndex int) sarifResult {
	msg := fmt.Sprintf("%s: %s", f.Status, oneLine(f.Title))
	if m := oneLine(f.Message); m != "" {
		msg += " — " + m
	}
	res := sarifResult{
		RuleID:    f.Rule,
		RuleIndex: ruleIndex,
		Kind:      "fail",
		Level:     sarifLevel(f.Severity),
		Message:   sarifMessage{Text: msg},
		Properties: map[string]any{
			"status":   string(f.Status),
			"severity": string(f.Severity),
			"document": r.Path,
			"sha256":   r.SHA256,
		},
	}
	for _, e := range f.Evidence {
		uri := r.Path
		if e.File != "" {
			uri = e.File
		}
		loc := sarifLocation{Physical: sarifPhysical{Artifact: sarifArtifact{URI: sarifURI(uri)}}}
		if e.End > e.Start && e.Start >= 0 {
			loc.Physical.Region = &sarifRegion{ByteOffset: e.Start, ByteLength: e.End - e.Start, Snippet: &sarifMessage{Text: e.Quote}}
		}
		res.Locations = append(res.Locations, loc)
	}
	if len(res.Locations) == 0 { // missing: the document as a whole
		res.Locations = []sarifLocation{{Physical: sarifPhysical{Artifact: sarifArtifact{URI: sarifURI(r.Path)}}}}
	}
	if f.Waived != nil {
		res.Suppressions = []sarifSuppression{{Kind: "external", Status: "accepted", Justification: waiverText(f.Waived)}}
	}
	return res
}
