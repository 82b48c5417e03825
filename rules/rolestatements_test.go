package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
)

func TestRoleStatements(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"none", "The parties agree to the terms below."},
		{"one", "Acme Health is the covered entity."},
		{"after barrier", "(Acme is a business associate) and Zenith Data shall be the vendor."},
		{"digit before name", "Unit7 Labs is the vendor and X9 Acme is a contractor."},
		{"underscore before name", "_Acme is the vendor."},
		{"curly quote", "Orbit Data shall act as a “Business Associate” here."},
		{"straight quote", `Orbit Data will act as an "Agent" of Hospital.`},
		{"acting as", "Delta Group is acting as the Vendor, and Delta acts as a buyer."},
		{"lower case name", "the vendor is the seller; Vendor is the seller."},
		{"five words", "One Two Three Four Five is the vendor."},
		{"line break", "Acme Health\nis the covered entity; Acme Health is\nthe vendor."},
		{"no article", "Acme is ready. Acme is these. Acme is an-other thing."},
		{"non-ASCII", "Café Acme is the vendor — Zenith is a client."},
		{"at end", "Acme is the"},
		{"at start", " is the vendor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRoleStatements(t, tt.text)
		})
	}
}

// TestRoleStatementsSample compares roleStatements with the expression on
// the sample contract and on the first 20 real contracts when they are
// present.
func TestRoleStatementsSample(t *testing.T) {
	files, _ := filepath.Glob("../../shared/corpus/cuad/dev/*.txt")
	sort.Strings(files)
	files = append([]string{"testdata/contract.txt"}, files[:min(len(files), 20)]...)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkRoleStatements(t, string(data))
	}
}

func FuzzRoleStatements(f *testing.F) {
	f.Add("Acme Health is the covered entity, and Orbit Data shall act as a “Business Associate”.")
	f.Add("X9 Acme is a vendor_ Zenith will be an \"Agent\"")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > maxFuzzInput {
			return
		}
		checkRoleStatements(t, text)
	})
}

func checkRoleStatements(t *testing.T, text string) {
	t.Helper()
	for _, n := range []int{200, 1} {
		want := reRoleIs.FindAllStringSubmatchIndex(text, n)
		got := roleStatements(text, n)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("roleStatements(%.80q, %d) = %v, want %v", text, n, got, want)
		}
	}
}

func TestSideOf(t *testing.T) {
	for _, name := range []string{
		"Business Associate", "Covered Entity", "Vendor", "the Service Provider's", "Customer or Vendor",
		"Health System", "medical centre", "Business", "Associate", "Acme", "", "Provider business associates",
		"a-very-long-hyphenated-word associate", "Subcontractors", "Covered  Entities (as defined)",
	} {
		ts := tokens(name, 0)
		want := sideNone
		for k := len(ts) - 1; k >= 0; k-- {
			if s := (*roleIndex)(nil).at(ts, k); s != sideNone {
				want = s
				break
			}
		}
		if got := sideOf(name); got != want {
			t.Errorf("sideOf(%q) = %v, want %v", name, got, want)
		}
	}
}
