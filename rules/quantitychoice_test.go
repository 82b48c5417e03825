package rules

import "testing"

// TestQuantityChoice checks which of several present sentences decides a
// quantity rule: those stating a number over vague ones over none, and
// among numbers the most protective; the deciding sentence is quoted first.
func TestQuantityChoice(t *testing.T) {
	e := testEngine(t, Config{})
	tests := []struct {
		name, text string
		want       Status
		quantity   string
		lead       string // the first evidence quote
	}{
		{"stated beats absent", "Vendor shall notify Hospital of any Breach. Vendor shall notify Hospital of a Breach in no case later than thirty (30) calendar days after discovery.",
			Weak, "thirty (30) calendar days", "Vendor shall notify Hospital of a Breach in no case later than thirty (30) calendar days after discovery."},
		{"stated beats vague", "Vendor shall promptly notify Hospital of any Breach. Vendor shall notify Hospital of any Breach within ninety (90) days.",
			Contradicted, "ninety (90) days", "Vendor shall notify Hospital of any Breach within ninety (90) days."},
		{"vague beats absent", "Vendor shall notify Hospital of any Breach. Vendor shall promptly notify Hospital of any Breach.",
			Weak, "", "Vendor shall promptly notify Hospital of any Breach."},
		{"most protective of two", "Vendor shall notify Hospital of any Breach within thirty (30) days. Vendor shall give initial notification of any Breach within five (5) days.",
			Present, "five (5) days", "Vendor shall give initial notification of any Breach within five (5) days."},
		{"absent only", "Vendor shall notify Hospital of any Breach.",
			Weak, "", "Vendor shall notify Hospital of any Breach."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := findingOf(t, e, multiDoc(tt.text), "offshore/breach-notice")
			if f.Status != tt.want || f.Quantity != tt.quantity {
				t.Fatalf("got %s %q (%s), want %s %q", f.Status, f.Quantity, f.Message, tt.want, tt.quantity)
			}
			if len(f.Evidence) == 0 || f.Evidence[0].Quote != tt.lead {
				t.Errorf("evidence %+v, want it to lead with %q", f.Evidence, tt.lead)
			}
		})
	}
}
