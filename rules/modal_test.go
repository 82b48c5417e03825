package rules

import (
	"maps"
	"testing"
)

func TestDefinitions(t *testing.T) {
	tests := []struct {
		name string
		text string
		want map[string]side
	}{
		{"parenthesised", `This Agreement is between Riverbend Medical Center ("Hospital") and Northwind Coding LLC ("Vendor").`,
			map[string]side{"riverbend": sideCustomer, "northwind": sideVendor}},
		{"aliases", `entered into by Acme Billing, Inc. ("Acme" or "Contractor") and St. Luke Health ("Client").`,
			map[string]side{"acme": sideVendor, "luke": sideCustomer}},
		{"curly quotes", "made by and between Zenith Clinics (“Covered Entity”) and Orbit Data (“Business Associate”).",
			map[string]side{"zenith": sideCustomer, "orbit": sideVendor}},
		{"means", `"Business Associate" means Harbor Transcription Services, a Delaware company.`,
			map[string]side{"harbor": sideVendor}},
		{"shall mean", `"Customer" shall mean the Bayview Hospital Authority.`,
			map[string]side{"bayview": sideCustomer}},
		{"both sides", `between Delta Group ("Vendor") and Delta Group ("Customer")`,
			map[string]side{"delta": sideNone}},
		{"role in words", `Acme Health ("Health System") and Brightline Data LLC ("Provider"). Health System is the covered entity and Provider is the business associate, as HIPAA uses those terms.`,
			map[string]side{"acme": sideCustomer, "provider": sideVendor}},
		{"acts as", `Lakeview Imaging Group shall act as a "Business Associate" of the Practice.`,
			map[string]side{"lakeview": sideVendor}},
		{"acts as its", `Where Customer is a covered entity, Quillfeather acts as its business associate.`,
			map[string]side{"quillfeather": sideVendor}},
		{"its of a non-role", `Northwind is its agent for billing.`,
			map[string]side{}},
		{"independent contractor", `Each Party is an independent contractor, and Vendor is a contractor of Hospital.`,
			map[string]side{}},
		{"no role", `"Services" means the coding services described in each Statement of Work.`,
			map[string]side{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := definitions(tt.text).names
			if !maps.Equal(got, tt.want) {
				t.Errorf("definitions(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
