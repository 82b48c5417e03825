package clauses

import (
	"context"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/clausecheck/clausecheck/rules"
)

// healthcare lists, per default pack, the rule IDs that reports, waivers and
// users' configurations refer to. They must exist exactly.
var healthcare = map[string][]string{
	"hipaa-baa": {
		"permitted-uses", "no-other-use-or-disclosure", "safeguards", "report-unauthorized-use",
		"report-security-incidents", "breach-notification", "subcontractor-flow-down",
		"individual-access", "amendment", "accounting-of-disclosures", "covered-entity-obligations",
		"hhs-access-to-records", "return-or-destroy", "termination-for-violation", "minimum-necessary",
	},
	"offshore": {
		"us-only-performance", "us-only-phi-location", "offshore-subcontracting-consent",
		"workforce-location-disclosure", "us-governing-law",
	},
	"breach-remedies": {
		"notice-deadline", "notice-contents", "indemnification", "breach-cost-reimbursement",
		"cyber-insurance", "liability-cap-carve-out", "mitigation", "encryption", "security-audit-rights",
	},
	"coding-services": {
		"accuracy-standard", "credentialed-coders", "official-guidelines", "coding-audit-rights",
		"error-liability", "no-upcoding-incentives", "exclusion-screening",
	},
	"rcm-outsourcing": {
		"collection-practices", "financial-assistance-policy", "patient-complaints",
		"performance-standards", "transition-assistance", "data-ownership",
		"workforce-transition", "termination-for-convenience",
	},
}

func TestNames(t *testing.T) {
	names := Names()
	if !slices.IsSorted(names) {
		t.Errorf("Names() = %v, not sorted", names)
	}
	for _, d := range Default() {
		if !slices.Contains(names, d) {
			t.Errorf("default pack %q is not built in (have %v)", d, names)
		}
	}
	want := []string{"hipaa-baa", "offshore", "breach-remedies", "coding-services", "rcm-outsourcing"}
	if got := Default(); !slices.Equal(got, want) {
		t.Errorf("Default() = %v, want %v", got, want)
	}
}

func TestLoadUnknown(t *testing.T) {
	_, err := Load("hipaa-baa", "no-such-pack")
	if err == nil {
		t.Fatal(`Load("no-such-pack") succeeded`)
	}
	for _, n := range Names() {
		if !strings.Contains(err.Error(), n) {
			t.Errorf("error %q does not list the known pack %q", err, n)
		}
	}
}

func TestRuleIDs(t *testing.T) {
	packs, err := Load(Default()...)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range packs {
		var got []string
		for _, r := range p.Rules {
			got = append(got, r.ID)
		}
		var want []string
		for _, n := range healthcare[p.Name] {
			want = append(want, p.Name+"/"+n)
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("pack %s: rule IDs\n got %v\nwant %v", p.Name, got, want)
		}
	}
}

// TestRuleText checks what `explain` and reports show for each rule, and
// that every rule is proved by enough examples on both sides.
func TestRuleText(t *testing.T) {
	packs, err := Load(Default()...)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range packs {
		for _, r := range p.Rules {
			t.Run(r.ID, func(t *testing.T) {
				for field, v := range map[string]string{"title": r.Title, "citation": r.Citation, "rationale": r.Rationale, "recommendation": r.Recommendation} {
					if strings.TrimSpace(v) == "" {
						t.Errorf("empty %s", field)
					}
				}
				if r.Severity.Rank() == 0 {
					t.Errorf("bad severity %q", r.Severity)
				}
				ex := r.Examples
				if n := len(ex.Present) + len(ex.Weak) + len(ex.Contradicted); n < 4 {
					t.Errorf("%d present, weak or contradicted examples, want at least 4", n)
				}
				if n := len(ex.Absent); n < 4 {
					t.Errorf("%d absent examples, want at least 4", n)
				}
			})
		}
	}
}

// TestExamples runs every rule's examples through the compiled engine, one
// subtest per rule ID; any verdict other than the expected one fails.
func TestExamples(t *testing.T) {
	packs, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	eng, err := rules.Compile(packs, rules.Config{})
	if err != nil {
		t.Fatal(err)
	}
	failures := map[string][]rules.ExampleFailure{}
	for _, f := range eng.RunExamples(context.Background(), io.Discard, false) {
		failures[f.Rule] = append(failures[f.Rule], f)
	}
	for _, r := range eng.Rules() {
		t.Run(r.ID, func(t *testing.T) {
			for _, f := range failures[r.ID] {
				t.Errorf("want %s, got %s: %q %s", f.Want, f.Got, f.Sentence, f.Detail)
			}
		})
	}
}
