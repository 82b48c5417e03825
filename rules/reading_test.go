package rules

import "testing"

// readAt returns the polarity and bound side the analysis gives the first
// token of sentence equal to word.
func readAt(t *testing.T, sentence, word string) (Polarity, side) {
	t.Helper()
	ts := tokens(sentence, 0)
	var arena []int32
	a := analyse(ts, 0, definitions(sentence), &arena)
	for i, tk := range ts {
		if tk.word == word {
			return a.governing(i)
		}
	}
	t.Fatalf("%q has no word %q", sentence, word)
	return "", sideNone
}

// TestReading covers how the sentence analysis reads modals, negations and
// subjects, each case with its counterpart.
func TestReading(t *testing.T) {
	tests := []struct {
		name, sentence, word string
		pol                  Polarity
		sd                   side
	}{
		{"neither party may", "Neither party may assign this Agreement without consent.", "assign", Prohibition, sideNone},
		{"neither party shall", "Neither party shall disclose the terms of this Agreement.", "disclose", Prohibition, sideNone},
		{"either party may", "Either party may terminate this Agreement for any reason.", "terminate", Permission, sideNone},
		{"agrees not to", "Vendor agrees not to perform any Services outside the United States.", "perform", Prohibition, sideVendor},
		{"agrees to", "Vendor agrees to perform the Services in the United States.", "perform", Obligation, sideVendor},
		{"covenants not to", "Vendor covenants not to solicit Hospital employees.", "solicit", Prohibition, sideVendor},
		{"undertakes not to", "Contractor undertakes not to disclose PHI.", "disclose", Prohibition, sideVendor},
		{"shall refrain from", "Vendor shall refrain from storing PHI offshore.", "storing", Prohibition, sideVendor},
		{"nothing shall require", "Nothing in this Agreement shall require Vendor to perform services offshore.", "perform", NegatedObligation, sideVendor},
		{"nothing shall limit", "Nothing in this Agreement shall limit Hospital's audit rights.", "audit", Prohibition, sideNone},
		{"relative modal", "Vendor shall maintain the records that may be required to provide an accounting of disclosures.", "accounting", Obligation, sideVendor},
		{"main modal after relative", "Records that may be needed shall be kept by Vendor.", "kept", Obligation, sideNone},
		{"party noun compound", "Hospital data will be hosted outside the United States.", "hosted", Obligation, sideNone},
		{"party subject", "Hospital will host its data outside the United States.", "host", Obligation, sideCustomer},
		{"relative clause after a preposition", "Customer shall give notice to the regulators, or their successors, identifying the records to which this Agreement shall apply.", "identifying", Obligation, sideCustomer},
		{"role stated in words", "Provider is the business associate, and Provider will notify Health System.", "notify", Obligation, sideVendor},
		{"acknowledged duty of a named vendor", "Quillfeather acts as its business associate. Customer acknowledges that Quillfeather and its Sub-processors may store data in any country.", "store", Permission, sideVendor},
		{"sub-processors", "Customer acknowledges that Sub-processors may store data in any country.", "store", Permission, sideVendor},
		{"vendor personnel", "Vendor personnel shall perform the Services onsite.", "perform", Obligation, sideNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pol, sd := readAt(t, tt.sentence, tt.word)
			if pol != tt.pol || sd != tt.sd {
				t.Errorf("%q at %q: got %s, side %d; want %s, side %d", tt.sentence, tt.word, pol, sd, tt.pol, tt.sd)
			}
		})
	}
}
