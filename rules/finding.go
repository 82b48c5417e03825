package rules

import (
	"encoding/json"
	"fmt"
)

// Status is the verdict on one protection in one document.
type Status string

// The statuses of DESIGN.md, from best to worst.
const (
	Present      Status = "present"
	Weak         Status = "weak"
	Contradicted Status = "contradicted"
	Missing      Status = "missing"
)

// Statuses lists every Status in report order.
func Statuses() []Status { return []Status{Present, Weak, Contradicted, Missing} }

// Severity ranks how much a failing protection matters.
type Severity string

// Severities, most severe first.
const (
	Critical Severity = "critical"
	High     Severity = "high"
	Medium   Severity = "medium"
	Low      Severity = "low"
)

// Severities lists every Severity, most severe first.
func Severities() []Severity { return []Severity{Critical, High, Medium, Low} }

// Rank orders severities: critical 4 … low 1; unknown 0.
func (s Severity) Rank() int {
	switch s {
	case Critical:
		return 4
	case High:
		return 3
	case Medium:
		return 2
	case Low:
		return 1
	}
	return 0
}

// ParseSeverity accepts a severity name.
func ParseSeverity(s string) (Severity, error) {
	sev := Severity(s)
	if sev.Rank() == 0 {
		return "", fmt.Errorf("unknown severity %q (want critical, high, medium or low)", s)
	}
	return sev, nil
}

// Evidence is one quoted passage behind a Finding. Start and End are byte
// offsets into the text `clausecheck extract` prints for File (or for the
// document itself when File is empty), and Quote == text[Start:End].
type Evidence struct {
	File    string `json:"file,omitempty"` // the bundle member the quote comes from
	Page    int    `json:"page"`
	Section string `json:"section"`
	Quote   string `json:"quote"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Fuzzy   bool   `json:"fuzzy,omitempty"` // matched through a misspelt or OCR-damaged word
	Note    string `json:"note,omitempty"`  // e.g. which fuzzy word stood in for which term

	// Before and After are the text around the quote within its paragraph,
	// for reports that show the quote in context. They are not serialised:
	// Start and End locate the quote for anyone holding the text.
	Before string `json:"-"`
	After  string `json:"-"`
}

// Waiver records an accepted exception applied to a Finding.
type Waiver struct {
	Reason     string `json:"reason"`
	AcceptedBy string `json:"accepted_by"`
	Expires    string `json:"expires,omitempty"`
}

// Finding is the verdict of one rule on one document.
type Finding struct {
	Rule           string     `json:"rule"`
	Pack           string     `json:"pack"`
	Title          string     `json:"title"`
	Severity       Severity   `json:"severity"`
	Status         Status     `json:"status"`
	Message        string     `json:"message"`
	Evidence       []Evidence `json:"evidence"`
	Citation       string     `json:"citation"`
	Recommendation string     `json:"recommendation"`
	Waived         *Waiver    `json:"waived,omitempty"`
	// Quantity is the number the verdict of a rule with a quantity limit
	// rests on, as the contract states it ("thirty (30) calendar days");
	// empty when no present match states one (vague or absent wording).
	Quantity string `json:"quantity,omitempty"`
}

// Fails reports whether the finding fails a run at the given threshold: a
// protection that is not present, at or above the threshold, and not waived.
// A threshold of "" (fail-on none) fails nothing.
func (f Finding) Fails(threshold Severity) bool {
	if threshold == "" || f.Status == Present || f.Waived != nil {
		return false
	}
	return f.Severity.Rank() >= threshold.Rank()
}

// MarshalJSON keeps Evidence an array, never null, so consumers can iterate.
func (f Finding) MarshalJSON() ([]byte, error) {
	type plain Finding
	if f.Evidence == nil {
		f.Evidence = []Evidence{}
	}
	return json.Marshal(plain(f))
}
