package rules

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one defect in a rule file or configuration.
type Problem struct {
	File    string
	Line    int
	Rule    string
	Message string
}

// String formats the problem as "file:line: rule-id: message", with "-" for
// the rule ID when the problem belongs to no rule and without ":line" when
// it has none (a configuration problem, an unreadable file).
func (p Problem) String() string {
	id := p.Rule
	if id == "" {
		id = "-"
	}
	if p.Line == 0 {
		return fmt.Sprintf("%s: %s: %s", p.File, id, p.Message)
	}
	return fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, id, p.Message)
}

// Problems is a list of problems; it is an error listing one a line.
type Problems []Problem

// Error joins the problems' lines with newlines.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Sort orders the problems by file, line, rule and message.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// err returns ps sorted as an error, or nil when there are none.
func (ps Problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	ps.Sort()
	return ps
}
