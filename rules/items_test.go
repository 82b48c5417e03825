package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/clausecheck/clausecheck/extract"
)

// readText builds a document from plain text the way clausecheck reads a
// .txt file: sections, sentences, list items.
func readText(t *testing.T, text string) *extract.Document {
	t.Helper()
	doc, err := extract.Read(context.Background(), "contract.txt", []byte(text), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestListItems checks that a list item is read under its lead-in: the
// lead-in's modal, party and quantity apply to the item, its terms count,
// and the item still has to supply a term.
func TestListItems(t *testing.T) {
	e := testEngine(t, Config{})
	tests := []struct {
		name, text, rule string
		want             Status
		quote            string // the first evidence, when found
	}{
		{"prohibition from the lead-in", "7. Location.\n\nVendor shall not:\n\n(a) perform any Services outside the United States;\n\n(b) sell the data.\n",
			"offshore/us-only-performance", Present, "(a) perform any Services outside the United States;"},
		{"permission from the lead-in", "7. Location.\n\nVendor may, at its option:\n\n(a) perform the Services outside the United States; or\n\n(b) use subcontractors.\n",
			"offshore/us-only-performance", Contradicted, "(a) perform the Services outside the United States; or"},
		{"item with its own modal", "7. Location.\n\nThe parties agree as follows:\n\n(a) Vendor may perform the Services outside the United States; and\n\n(b) Hospital shall pay the fees.\n",
			"offshore/us-only-performance", Contradicted, "(a) Vendor may perform the Services outside the United States; and"},
		{"clause of purpose in the item", "7. Location.\n\nVendor will not:\n\n(a) perform any Services outside the United States, so that Hospital can supervise them; or\n\n(b) sell the data.\n",
			"offshore/us-only-performance", Present, "(a) perform any Services outside the United States, so that Hospital can supervise them; or"},
		{"customer lead-in", "7. Notices.\n\nHospital shall notify Vendor within five (5) days of:\n\n(a) any Breach of its own systems;\n\n(b) any change of address.\n",
			"offshore/breach-notice", Missing, ""},
		{"verb in the lead-in, quantity too", "7. Reports.\n\nVendor shall notify Hospital within five (5) business days after discovery of:\n\n(a) any use of PHI not permitted by this Agreement;\n\n(b) any Breach; and\n\n(c) any other security event.\n",
			"offshore/breach-notice", Present, "(b) any Breach; and"},
		{"lead-in quantity too long", "7. Reports.\n\nVendor shall notify Hospital within ninety (90) days after discovery of:\n\n(a) any Breach; and\n\n(b) any other event.\n",
			"offshore/breach-notice", Contradicted, "(a) any Breach; and"},
		{"not a list item", "7. Reports.\n\nVendor shall notify Hospital within five (5) business days after discovery:\n\nAny Breach will be handled by the security team.\n",
			"offshore/breach-notice", Missing, ""},
		{"item needs a term of its own", "7. Reports.\n\nVendor shall notify Hospital of any Breach within five (5) days as follows:\n\n(a) by telephone; and\n\n(b) in writing.\n",
			"offshore/breach-notice", Present, "Vendor shall notify Hospital of any Breach within five (5) days as follows:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readText(t, tt.text)
			f := findingOf(t, e, doc, tt.rule)
			if f.Status != tt.want {
				t.Fatalf("got %s (%s) %+v, want %s", f.Status, f.Message, f.Evidence, tt.want)
			}
			if tt.quote != "" && (len(f.Evidence) == 0 || f.Evidence[0].Quote != tt.quote) {
				t.Errorf("evidence %+v, want it to lead with %q", f.Evidence, tt.quote)
			}
			if tt.want != Missing && strings.HasPrefix(tt.quote, "(") && (len(f.Evidence) < 2 || !strings.HasSuffix(f.Evidence[1].Quote, ":")) {
				t.Errorf("evidence %+v, want the lead-in second", f.Evidence)
			}
		})
	}
}
