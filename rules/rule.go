package rules

// Party names the side of the contract a pattern's obligation must bind.
type Party string

// Parties.
const (
	AnyParty Party = "any"
	Vendor   Party = "vendor"
	Customer Party = "customer"
)

// Scope is how far apart a pattern's terms may be.
type Scope string

// Scopes.
const (
	ScopeClause   Scope = "clause" // a pattern's terms and none in one clause of one sentence
	ScopeSentence Scope = "sentence"
	ScopeSection  Scope = "section"
)

// Polarity is the modality of the clause a match sits in.
type Polarity string

// Polarities.
const (
	Obligation        Polarity = "obligation"
	Prohibition       Polarity = "prohibition"
	Permission        Polarity = "permission"
	NegatedObligation Polarity = "negated-obligation"
	Statement         Polarity = "statement"
)

// Polarities lists every Polarity.
func Polarities() []Polarity {
	return []Polarity{Obligation, Prohibition, Permission, NegatedObligation, Statement}
}

// QuantityKind is the kind of number a quantity limit reads.
type QuantityKind string

// Quantity kinds.
const (
	Duration QuantityKind = "duration"
	Money    QuantityKind = "money"
	Percent  QuantityKind = "percent"
)

// Pack is one rule file: a header, named term lists and rules in file order.
type Pack struct {
	Name        string
	Version     string
	Title       string
	Description string
	File        string
	SHA256      string
	Terms       map[string][]string
	Fuzzy       *int // the rules' default tolerance; nil: the configuration's
	Rules       []*Rule
}

// Ref identifies the pack in results.
func (p *Pack) Ref() PackRef { return PackRef{Name: p.Name, Version: p.Version, SHA256: p.SHA256} }

// Rule is one protection and the patterns that find it.
type Rule struct {
	ID             string
	Pack           string
	Title          string
	Severity       Severity
	Citation       string
	Rationale      string
	Recommendation string
	Line           int // line of the rule in its file
	File           string

	Party        Party // default AnyParty
	Scope        Scope // default ScopeSentence
	Present      []*Pattern
	Weak         []*Pattern
	Contradicted []*Pattern
	Quantity     *Limit
	Fuzzy        *int // nil: the configuration's tolerance; the pack's when it sets one
	Examples     Examples
}

// Pattern is a set of conditions that hold together in one sentence (or one
// section for a section-scoped rule). Terms are as written in the file, with
// "@name" references still unexpanded.
type Pattern struct {
	All      [][]string
	Any      []string
	None     []string
	Within   int
	Polarity []Polarity
	Party    Party // "" inherits the rule's
	Scope    Scope // "" inherits the rule's
	// NoneScope is where None is looked for: "" follows Scope (a
	// section-scoped pattern checks the sentences that supplied its match).
	NoneScope Scope
	Line      int
}

// Limit is a rule's quantity condition.
type Limit struct {
	Kind              QuantityKind
	Max               *float64
	Min               *float64
	Setting           string
	ContradictedAbove *float64
	ContradictedBelow *float64
	Vague             Status // Weak (default) or Present
	Absent            Status // Weak (default) or Present
	Line              int
}

// Examples are sentences that must each give the named status.
type Examples struct {
	Present      []string
	Weak         []string
	Contradicted []string
	Absent       []string
}

// Quantity is one number found in a sentence. Value is normalised: calendar
// days for durations, dollars for money, percent for percentages.
type Quantity struct {
	Kind   QuantityKind
	Value  float64
	Amount float64 // the number as written, before unit conversion
	Unit   string  // "hours", "business days", "USD", "%", or the vague phrase
	Vague  bool    // "promptly", "without unreasonable delay": Value is 0 and meaningless
	Text   string  // the words that stated it
	Start  int     // byte offsets into the sentence
	End    int
}
