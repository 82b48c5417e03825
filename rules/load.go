package rules

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// The raw structs mirror the YAML shape exactly; KnownFields(true) rejects
// any other key with its line. None of them has an UnmarshalYAML that calls
// Node.Decode, which would silently drop KnownFields (go-yaml/yaml#460).
type rawPack struct {
	Pack        string              `yaml:"pack"`
	Version     string              `yaml:"version"`
	Title       string              `yaml:"title"`
	Description string              `yaml:"description"`
	Terms       map[string][]string `yaml:"terms"`
	Fuzzy       *int                `yaml:"fuzzy"`
	Rules       []rawRule           `yaml:"rules"`
}

type rawRule struct {
	ID             string       `yaml:"id"`
	Title          string       `yaml:"title"`
	Severity       string       `yaml:"severity"`
	Citation       string       `yaml:"citation"`
	Rationale      string       `yaml:"rationale"`
	Recommendation string       `yaml:"recommendation"`
	Party          string       `yaml:"party"`
	Scope          string       `yaml:"scope"`
	Present        []rawPattern `yaml:"present"`
	Weak           []rawPattern `yaml:"weak"`
	Contradicted   []rawPattern `yaml:"contradicted"`
	Quantity       *rawLimit    `yaml:"quantity"`
	Fuzzy          *int         `yaml:"fuzzy"`
	Examples       *rawExamples `yaml:"examples"`
}

type rawPattern struct {
	All       []termGroup `yaml:"all"`
	Any       []string    `yaml:"any"`
	None      []string    `yaml:"none"`
	Within    int         `yaml:"within"`
	Polarity  []string    `yaml:"polarity"`
	Party     string      `yaml:"party"`
	Scope     string      `yaml:"scope"`
	NoneScope string      `yaml:"none-scope"`
}

type rawLimit struct {
	Kind              string   `yaml:"kind"`
	Max               *float64 `yaml:"max"`
	Min               *float64 `yaml:"min"`
	Setting           string   `yaml:"setting"`
	ContradictedAbove *float64 `yaml:"contradicted-above"`
	ContradictedBelow *float64 `yaml:"contradicted-below"`
	Vague             string   `yaml:"vague"`
	Absent            string   `yaml:"absent"`
}

type rawExamples struct {
	Present      []string `yaml:"present"`
	Weak         []string `yaml:"weak"`
	Contradicted []string `yaml:"contradicted"`
	Absent       []string `yaml:"absent"`
}

// termGroup is one element of `all`: a term or a list of alternative terms.
type termGroup []string

// UnmarshalYAML reads scalars directly and never calls Node.Decode.
func (g *termGroup) UnmarshalYAML(n *yaml.Node) error {
	bad := &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: a group of `all` is a term or a list of terms", n.Line)}}
	switch n.Kind {
	case yaml.ScalarNode:
		*g = termGroup{n.Value}
		return nil
	case yaml.SequenceNode:
		out := make(termGroup, 0, len(n.Content))
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return bad
			}
			out = append(out, c.Value)
		}
		*g = out
		return nil
	}
	return bad
}

var (
	nameRE    = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	idRE      = regexp.MustCompile(`^([a-z0-9]+(?:-[a-z0-9]+)*)/([a-z0-9]+(?:-[a-z0-9]+)*)$`)
	lineErrRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	fieldRE   = regexp.MustCompile(`^field (\S+) not found in type rules\.raw(\w+)$`)
)

// positions maps a path in the YAML document ("rules[2].present[0].all")
// to the line of its key or item.
type positions map[string]int

func (ps positions) walk(path string, n *yaml.Node) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			ps.walk(path, c)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			p := n.Content[i].Value
			if path != "" {
				p = path + "." + p
			}
			ps[p] = n.Content[i].Line
			ps.walk(p, n.Content[i+1])
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			ps[p] = c.Line
			ps.walk(p, c)
		}
	}
}

// line returns the line of the path, or of its nearest known ancestor.
func (ps positions) line(path string) int {
	for path != "" {
		if l, ok := ps[path]; ok {
			return l
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 1
}

// loader collects the problems of one file.
type loader struct {
	file     string
	pos      positions
	problems Problems
	ruleAt   []ruleSpan
}

type ruleSpan struct {
	line int
	id   string
}

func (l *loader) add(line int, rule, format string, args ...any) {
	l.problems = append(l.problems, Problem{File: l.file, Line: line, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

// ruleOf names the rule whose text holds the line.
func (l *loader) ruleOf(line int) string {
	id := ""
	for _, s := range l.ruleAt {
		if s.line <= line {
			id = s.id
		}
	}
	return id
}

// Load parses and validates one pack file. The error is Problems.
func Load(file string, data []byte) (*Pack, error) {
	l := &loader{file: file, pos: positions{}}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		l.yamlError(err)
		return nil, l.problems.err()
	}
	l.pos.walk("", &root)
	if root.Kind == 0 || len(root.Content) == 0 {
		l.add(1, "", "empty rule file")
		return nil, l.problems.err()
	}
	if root.Content[0].Kind != yaml.MappingNode {
		l.add(root.Content[0].Line, "", "a rule file is a mapping with pack, version, title, terms and rules")
		return nil, l.problems.err()
	}
	// Rule IDs by line, so decoding errors can name their rule.
	for i := 0; ; i++ {
		p := fmt.Sprintf("rules[%d]", i)
		line, ok := l.pos[p]
		if !ok {
			break
		}
		l.ruleAt = append(l.ruleAt, ruleSpan{line: line, id: idAt(&root, i)})
	}

	var raw rawPack
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil {
		l.yamlError(err)
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return nil, l.problems.err()
		}
	}
	sum := sha256.Sum256(data)
	p := l.build(&raw)
	p.File = file
	p.SHA256 = hex.EncodeToString(sum[:])
	if err := l.problems.err(); err != nil {
		return nil, err
	}
	return p, nil
}

// idAt digs the id of rules[i] out of the node tree.
func idAt(root *yaml.Node, i int) string {
	doc := root.Content[0]
	for k := 0; k+1 < len(doc.Content); k += 2 {
		if doc.Content[k].Value != "rules" || doc.Content[k+1].Kind != yaml.SequenceNode {
			continue
		}
		seq := doc.Content[k+1].Content
		if i >= len(seq) || seq[i].Kind != yaml.MappingNode {
			return ""
		}
		m := seq[i].Content
		for j := 0; j+1 < len(m); j += 2 {
			if m[j].Value == "id" && m[j+1].Kind == yaml.ScalarNode {
				return m[j+1].Value
			}
		}
	}
	return ""
}

// yamlError turns a yaml.v3 error into problems, one per message, each
// at its line and attributed to the rule that holds it.
func (l *loader) yamlError(err error) {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	for _, m := range msgs {
		line := 1
		if sm := lineErrRE.FindStringSubmatch(m); sm != nil {
			line, _ = strconv.Atoi(sm[1])
			m = sm[2]
		}
		m = strings.TrimPrefix(m, "yaml: ")
		if fm := fieldRE.FindStringSubmatch(m); fm != nil {
			m = fmt.Sprintf("unknown key %q in %s", fm[1], strings.ToLower(fm[2]))
		}
		l.add(line, l.ruleOf(line), "%s", m)
	}
}

func (l *loader) build(raw *rawPack) *Pack {
	p := &Pack{Name: raw.Pack, Version: raw.Version, Title: raw.Title, Description: raw.Description, Terms: raw.Terms, Fuzzy: raw.Fuzzy}
	switch {
	case raw.Pack == "":
		l.add(1, "", "missing pack")
	case !nameRE.MatchString(raw.Pack):
		l.add(l.pos.line("pack"), "", "pack %q is not a lower-case kebab-case name", raw.Pack)
	}
	if raw.Version == "" {
		l.add(1, "", "missing version")
	}
	if raw.Title == "" {
		l.add(1, "", "missing title")
	}
	if raw.Fuzzy != nil && (*raw.Fuzzy < 0 || *raw.Fuzzy > 2) {
		l.add(l.pos.line("fuzzy"), "", "fuzzy must be 0, 1 or 2")
	}
	names := make([]string, 0, len(raw.Terms))
	for name := range raw.Terms {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := "terms." + name
		if !nameRE.MatchString(name) {
			l.add(l.pos.line(path), "", "term list name %q is not a lower-case kebab-case name", name)
		}
		if len(raw.Terms[name]) == 0 {
			l.add(l.pos.line(path), "", "term list %q is empty", name)
		}
		for i, t := range raw.Terms[name] {
			if strings.HasPrefix(t, "@") {
				l.add(l.pos.line(fmt.Sprintf("%s[%d]", path, i)), "", "term list %q refers to %s: lists cannot nest", name, t)
				continue
			}
			if msg := checkTerm(t); msg != "" {
				l.add(l.pos.line(fmt.Sprintf("%s[%d]", path, i)), "", "%s", msg)
			}
		}
	}
	if len(raw.Rules) == 0 {
		l.add(l.pos.line("rules"), "", "no rules")
	}
	seen := map[string]int{}
	for i := range raw.Rules {
		r := l.rule(p, &raw.Rules[i], fmt.Sprintf("rules[%d]", i))
		if r.ID != "" {
			if first, ok := seen[r.ID]; ok {
				l.add(r.Line, r.ID, "duplicate rule ID (first at line %d)", first)
			} else {
				seen[r.ID] = r.Line
			}
		}
		p.Rules = append(p.Rules, r)
	}
	return p
}

func (l *loader) rule(p *Pack, raw *rawRule, path string) *Rule {
	r := &Rule{
		ID: raw.ID, Pack: p.Name, Title: raw.Title, Citation: raw.Citation,
		Rationale: strings.TrimSpace(raw.Rationale), Recommendation: strings.TrimSpace(raw.Recommendation),
		Line: l.pos.line(path), File: l.file, Party: AnyParty, Scope: ScopeSentence, Fuzzy: raw.Fuzzy,
	}
	if r.Fuzzy == nil {
		r.Fuzzy = p.Fuzzy // the pack's default, when it sets one
	}
	id := raw.ID
	at := func(sub string) int { return l.pos.line(path + "." + sub) }
	if id == "" {
		l.add(r.Line, "", "missing id")
	} else if m := idRE.FindStringSubmatch(id); m == nil {
		l.add(at("id"), id, "rule ID is not pack/kebab-name in lower case")
	} else if p.Name != "" && m[1] != p.Name {
		l.add(at("id"), id, "rule ID does not start with the pack name %q", p.Name+"/")
	}
	for _, f := range []struct{ key, val string }{
		{"title", raw.Title}, {"severity", raw.Severity}, {"citation", raw.Citation},
		{"rationale", raw.Rationale}, {"recommendation", raw.Recommendation},
	} {
		if strings.TrimSpace(f.val) == "" {
			l.add(r.Line, id, "missing %s", f.key)
		}
	}
	if raw.Severity != "" {
		sev, err := ParseSeverity(raw.Severity)
		if err != nil {
			l.add(at("severity"), id, "%v", err)
		}
		r.Severity = sev
	}
	if raw.Party != "" {
		r.Party = Party(raw.Party)
		if !validParty(r.Party) {
			l.add(at("party"), id, "unknown party %q (want vendor, customer or any)", raw.Party)
		}
	}
	if raw.Scope != "" {
		r.Scope = Scope(raw.Scope)
		if r.Scope != ScopeSentence && r.Scope != ScopeSection {
			l.add(at("scope"), id, "unknown scope %q (want sentence or section)", raw.Scope)
		}
	}
	if raw.Fuzzy != nil && (*raw.Fuzzy < 0 || *raw.Fuzzy > 2) {
		l.add(at("fuzzy"), id, "fuzzy must be 0, 1 or 2")
	}
	if len(raw.Present) == 0 {
		l.add(r.Line, id, "missing present: a rule needs at least one pattern that makes it present")
	}
	r.Present = l.patterns(p, id, path+".present", raw.Present)
	r.Weak = l.patterns(p, id, path+".weak", raw.Weak)
	r.Contradicted = l.patterns(p, id, path+".contradicted", raw.Contradicted)
	if raw.Quantity != nil {
		r.Quantity = l.limit(id, path+".quantity", raw.Quantity)
	}
	if raw.Examples == nil {
		l.add(r.Line, id, "missing examples: at least one present and one absent example")
	} else {
		ex := raw.Examples
		r.Examples = Examples{Present: ex.Present, Weak: ex.Weak, Contradicted: ex.Contradicted, Absent: ex.Absent}
		if len(ex.Present) == 0 {
			l.add(at("examples"), id, "missing present examples")
		}
		if len(ex.Absent) == 0 {
			l.add(at("examples"), id, "missing absent examples")
		}
		for kind, list := range map[string][]string{"present": ex.Present, "weak": ex.Weak, "contradicted": ex.Contradicted, "absent": ex.Absent} {
			for i, s := range list {
				if strings.TrimSpace(s) == "" {
					l.add(l.pos.line(fmt.Sprintf("%s.examples.%s[%d]", path, kind, i)), id, "empty %s example", kind)
				}
			}
		}
	}
	return r
}

func validParty(p Party) bool { return p == AnyParty || p == Vendor || p == Customer }

func (l *loader) patterns(p *Pack, id, path string, raws []rawPattern) []*Pattern {
	out := make([]*Pattern, 0, len(raws))
	for i := range raws {
		raw := &raws[i]
		pp := fmt.Sprintf("%s[%d]", path, i)
		pat := &Pattern{Any: raw.Any, None: raw.None, Within: raw.Within, Party: Party(raw.Party), Scope: Scope(raw.Scope), Line: l.pos.line(pp)}
		if raw.Scope != "" && pat.Scope != ScopeClause && pat.Scope != ScopeSentence && pat.Scope != ScopeSection {
			l.add(l.pos.line(pp+".scope"), id, "unknown scope %q (want clause, sentence or section)", raw.Scope)
		}
		if raw.NoneScope != "" {
			pat.NoneScope = Scope(raw.NoneScope)
			switch {
			case pat.NoneScope != ScopeClause && pat.NoneScope != ScopeSentence && pat.NoneScope != ScopeSection:
				l.add(l.pos.line(pp+".none-scope"), id, "unknown none-scope %q (want clause, sentence or section)", raw.NoneScope)
			case len(raw.None) == 0:
				l.add(l.pos.line(pp+".none-scope"), id, "none-scope without none")
			}
		}
		for _, g := range raw.All {
			pat.All = append(pat.All, []string(g))
		}
		if len(raw.All) == 0 && len(raw.Any) == 0 {
			l.add(pat.Line, id, "a pattern needs all or any")
		}
		if raw.Within < 0 {
			l.add(l.pos.line(pp+".within"), id, "within must not be negative")
		}
		if raw.Party != "" && !validParty(pat.Party) {
			l.add(l.pos.line(pp+".party"), id, "unknown party %q (want vendor, customer or any)", raw.Party)
		}
		for j, s := range raw.Polarity {
			pol := Polarity(s)
			ok := false
			for _, known := range Polarities() {
				ok = ok || pol == known
			}
			if !ok {
				l.add(l.pos.line(fmt.Sprintf("%s.polarity[%d]", pp, j)), id, "unknown polarity %q (want obligation, prohibition, permission, negated-obligation or statement)", s)
			}
			pat.Polarity = append(pat.Polarity, pol)
		}
		for j, g := range raw.All {
			if len(g) == 0 {
				l.add(l.pos.line(fmt.Sprintf("%s.all[%d]", pp, j)), id, "empty group in all")
			}
			for k, t := range g {
				line := l.pos.line(fmt.Sprintf("%s.all[%d][%d]", pp, j, k))
				if line == 0 || len(g) == 1 {
					line = l.pos.line(fmt.Sprintf("%s.all[%d]", pp, j))
				}
				l.term(p, id, line, t)
			}
		}
		for key, list := range map[string][]string{"any": raw.Any, "none": raw.None} {
			for j, t := range list {
				l.term(p, id, l.pos.line(fmt.Sprintf("%s.%s[%d]", pp, key, j)), t)
			}
		}
		out = append(out, pat)
	}
	return out
}

func (l *loader) term(p *Pack, id string, line int, t string) {
	if name, ok := strings.CutPrefix(t, "@"); ok {
		if _, found := p.Terms[name]; !found {
			l.add(line, id, "unknown term list %q", t)
		}
		return
	}
	if msg := checkTerm(t); msg != "" {
		l.add(line, id, "%s", msg)
	}
}

// checkTerm reports what is wrong with a literal or regular-expression term.
func checkTerm(t string) string {
	if expr, ok := strings.CutPrefix(t, "re:"); ok {
		if expr == "" {
			return "empty regular expression"
		}
		if _, err := regexp.Compile(expr); err != nil {
			return fmt.Sprintf("bad regular expression %q: %v", expr, unwrapRegexp(err))
		}
		return ""
	}
	if _, msg := termWords(t); msg != "" {
		return fmt.Sprintf("term %q: %s", t, msg)
	}
	return ""
}

func unwrapRegexp(err error) string {
	return strings.TrimPrefix(err.Error(), "error parsing regexp: ")
}

func (limitKinds) has(k string) bool { return k == "duration" || k == "money" || k == "percent" }

type limitKinds struct{}

func (l *loader) limit(id, path string, raw *rawLimit) *Limit {
	q := &Limit{Kind: QuantityKind(raw.Kind), Max: raw.Max, Min: raw.Min, Setting: raw.Setting,
		ContradictedAbove: raw.ContradictedAbove, ContradictedBelow: raw.ContradictedBelow,
		Vague: Weak, Absent: Weak, Line: l.pos.line(path)}
	at := func(sub string) int { return l.pos.line(path + "." + sub) }
	switch {
	case raw.Kind == "":
		l.add(q.Line, id, "invalid quantity: missing kind (duration, money or percent)")
	case !(limitKinds{}).has(raw.Kind):
		l.add(at("kind"), id, "invalid quantity: unknown kind %q (want duration, money or percent)", raw.Kind)
	case raw.Kind == "duration":
		if raw.Max == nil {
			l.add(q.Line, id, "invalid quantity: a duration needs max (days)")
		}
		if raw.Min != nil || raw.ContradictedBelow != nil {
			l.add(q.Line, id, "invalid quantity: a duration takes max and contradicted-above, not min")
		}
		if raw.Max != nil && raw.ContradictedAbove != nil && *raw.ContradictedAbove < *raw.Max {
			l.add(at("contradicted-above"), id, "invalid quantity: contradicted-above is below max")
		}
	default:
		if raw.Min == nil {
			l.add(q.Line, id, "invalid quantity: %s needs min", raw.Kind)
		}
		if raw.Max != nil || raw.ContradictedAbove != nil {
			l.add(q.Line, id, "invalid quantity: %s takes min and contradicted-below, not max", raw.Kind)
		}
		if raw.Min != nil && raw.ContradictedBelow != nil && *raw.ContradictedBelow > *raw.Min {
			l.add(at("contradicted-below"), id, "invalid quantity: contradicted-below is above min")
		}
	}
	for _, v := range []*float64{raw.Max, raw.Min, raw.ContradictedAbove, raw.ContradictedBelow} {
		if v != nil && *v < 0 {
			l.add(q.Line, id, "invalid quantity: limits must not be negative")
			break
		}
	}
	if raw.Setting != "" && !nameRE.MatchString(raw.Setting) {
		l.add(at("setting"), id, "invalid quantity: setting %q is not a lower-case kebab-case name", raw.Setting)
	}
	for _, f := range []struct {
		key, val string
		dst      *Status
	}{{"vague", raw.Vague, &q.Vague}, {"absent", raw.Absent, &q.Absent}} {
		switch f.val {
		case "":
		case "weak", "present":
			*f.dst = Status(f.val)
		default:
			l.add(at(f.key), id, "invalid quantity: %s must be weak or present", f.key)
		}
	}
	return q
}

// LoadFiles loads files and directories (their *.yaml and *.yml files, sorted)
// and reports every problem of every file, including rule IDs duplicated
// across files.
func LoadFiles(paths ...string) ([]*Pack, error) {
	var files []string
	var problems Problems
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			problems = append(problems, Problem{File: p, Message: fmt.Sprintf("cannot read: %v", errors.Unwrap(err))})
			continue
		}
		if !fi.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		for _, pat := range []string{"*.yaml", "*.yml"} {
			m, _ := filepath.Glob(filepath.Join(p, pat))
			found = append(found, m...)
		}
		sort.Strings(found)
		if len(found) == 0 {
			problems = append(problems, Problem{File: p, Message: "no *.yaml or *.yml rule files"})
		}
		files = append(files, found...)
	}
	var packs []*Pack
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			problems = append(problems, Problem{File: f, Message: fmt.Sprintf("cannot read: %v", errors.Unwrap(err))})
			continue
		}
		p, err := Load(f, data)
		var ps Problems
		if errors.As(err, &ps) {
			problems = append(problems, ps...)
			continue
		}
		packs = append(packs, p)
	}
	problems = append(problems, crossCheck(packs)...)
	if err := problems.err(); err != nil {
		return nil, err
	}
	return packs, nil
}

// crossCheck finds pack names and rule IDs used by more than one pack.
func crossCheck(packs []*Pack) Problems {
	var ps Problems
	type at struct {
		file string
		line int
	}
	names := map[string]string{}
	ids := map[string]at{}
	for _, p := range packs {
		if first, ok := names[p.Name]; ok {
			ps = append(ps, Problem{File: p.File, Line: 1, Message: fmt.Sprintf("duplicate pack %q (first in %s)", p.Name, first)})
		} else {
			names[p.Name] = p.File
		}
		for _, r := range p.Rules {
			if first, ok := ids[r.ID]; ok {
				if first.file != p.File {
					ps = append(ps, Problem{File: p.File, Line: r.Line, Rule: r.ID, Message: fmt.Sprintf("duplicate rule ID (first at %s:%d)", first.file, first.line)})
				}
				continue
			}
			ids[r.ID] = at{p.File, r.Line}
		}
	}
	return ps
}
