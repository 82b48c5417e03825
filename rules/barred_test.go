package rules

import "testing"

// TestReadingBarred covers prohibitions worded as a party being
// prohibited, restricted, barred or precluded from acting, their negations
// (a permission), and "prohibiting", which names a prohibition without
// imposing one.
func TestReadingBarred(t *testing.T) {
	tests := []struct {
		name, sentence, word string
		pol                  Polarity
	}{
		{"is prohibited from", "Vendor is prohibited from storing data offshore.", "storing", Prohibition},
		{"are hereby prohibited from", "Vendor and its agents are hereby prohibited from storing data offshore.", "storing", Prohibition},
		{"shall be prohibited from", "Vendor shall be prohibited from storing data offshore.", "storing", Prohibition},
		{"shall be prohibited", "Any assignment without consent shall be prohibited.", "assignment", Prohibition},
		{"is restricted from", "Licensee is restricted from selling the Product outside the Territory.", "selling", Prohibition},
		{"shall be restricted from", "Licensee shall be restricted from selling the Product outside the Territory.", "selling", Prohibition},
		{"are hereby restricted from", "The Parties are hereby restricted from selling the Product outside the Territory.", "selling", Prohibition},
		{"restricted to", "Licensee's use shall be restricted to its internal business purposes.", "internal", Obligation},
		{"is barred from", "Vendor is barred from soliciting Customer's employees.", "soliciting", Prohibition},
		{"shall be barred from", "Vendor shall be barred from soliciting Customer's employees.", "soliciting", Prohibition},
		{"is precluded from", "Distributor is precluded from selling competing products.", "selling", Prohibition},
		{"shall be precluded from", "Distributor shall be precluded from selling competing products.", "selling", Prohibition},
		{"shall not be restricted from", "Licensor shall not be restricted from selling competing products.", "selling", Permission},
		{"shall not be prohibited from", "Recipient shall not be prohibited from disclosing information required by law.", "disclosing", Permission},
		{"is not precluded from", "Distributor is not precluded from selling other products.", "selling", Permission},
		{"neither shall be restricted from", "Neither Party shall be restricted from disclosing the terms of this Agreement to its advisers.", "disclosing", Permission},
		{"prohibiting", "Vendor shall comply with all laws prohibiting bribery.", "bribery", Obligation},
		{"order prohibiting", "Vendor shall obtain an order prohibiting the sale of infringing goods.", "sale", Obligation},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if pol, _ := readAt(t, tt.sentence, tt.word); pol != tt.pol {
				t.Errorf("%q at %q: got %s, want %s", tt.sentence, tt.word, pol, tt.pol)
			}
		})
	}
}
