package scan

import (
	"context"
	"reflect"
	"testing"

	"github.com/clausecheck/clausecheck/extract"
)

func readText(t *testing.T, text string) *extract.Document {
	t.Helper()
	doc, err := extract.Read(context.Background(), "doc.txt", []byte(text), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestDeletedSections(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []deletion
	}{
		{"deleted in its entirety", "Section 4.1 of the BAA is hereby deleted in its entirety.",
			[]deletion{{"4.1", "BAA"}}},
		{"several sections", "Sections 4.1, 4.2 and 7.3(b) of the Master Services Agreement are deleted.",
			[]deletion{{"4.1", "Master Services Agreement"}, {"4.2", "Master Services Agreement"}, {"7.3(b)", "Master Services Agreement"}}},
		{"amended by deleting", "The Agreement is amended by deleting Section 9 in its entirety.",
			[]deletion{{"9", ""}}},
		{"deleted and replaced", "Section 2.2 is deleted and replaced with the following: Vendor shall perform the Services in Ohio.",
			[]deletion{{"2.2", ""}}},
		{"no further force", "Article IV of the Agreement shall be of no further force or effect.",
			[]deletion{{"IV", "Agreement"}}},
		{"struck", "Paragraph 12(c) is struck.", []deletion{{"12(c)", ""}}},
		{"hereby delete", "The parties hereby delete Section 3.4 of the Agreement.", []deletion{{"3.4", "Agreement"}}},
		{"negated", "Section 4.1 shall not be deleted or modified without Hospital's consent.", nil},
		{"permission", "Section 4.1 may be deleted by written agreement of the parties.", nil},
		{"condition", "If Section 4.1 is deleted, Vendor shall give Hospital notice.", nil},
		{"amended, not deleted", "Section 2.2 of the Agreement is amended by replacing \"two\" with \"one\".", nil},
		{"other words deleted", "The words \"or India\" in Section 4.1 are deleted.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := deletedSections(readText(t, tt.text))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("deletedSections(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestWithin(t *testing.T) {
	tests := []struct {
		num, ref string
		want     bool
	}{
		{"4.1", "4.1", true},
		{"4.1.", "4.1", true},
		{"4.1(a)", "4.1", true},
		{"4.1.2", "4.1", true},
		{"4.10", "4.1", false},
		{"4", "4.1", false},
		{"14.1", "4.1", false},
		{"IV", "IV", true},
		{"IVA", "IV", false},
	}
	for _, tt := range tests {
		if got := within(tt.num, tt.ref); got != tt.want {
			t.Errorf("within(%q, %q) = %v, want %v", tt.num, tt.ref, got, tt.want)
		}
	}
}

func TestDeletionTargets(t *testing.T) {
	msa := aliases(readText(t, "MASTER SERVICES AGREEMENT\n\nThis Master Services Agreement (this \"Agreement\") is made today.\n"))
	baa := aliases(readText(t, "BUSINESS ASSOCIATE AGREEMENT\n\nThis Business Associate Agreement (this \"BAA\") is made today.\n"))
	sow := aliases(readText(t, "STATEMENT OF WORK\n\nThis Statement of Work is made under the Master Services Agreement (the \"Agreement\").\n"))
	names := [][]string{msa, baa, nil, sow} // member 2 could not be read
	tests := []struct {
		name string
		d    deletion
		j    int
		want []int
	}{
		{"name the member gives itself", deletion{"2.2", "Agreement"}, 4, []int{0}},
		{"initials of the title", deletion{"2.2", "BAA"}, 4, []int{1}},
		{"title", deletion{"2.2", "Business Associate Agreement"}, 4, []int{1}},
		{"no name: every earlier member", deletion{"2.2", ""}, 4, []int{0, 1, 3}},
		{"unknown name: every earlier member", deletion{"2.2", "Data Use Agreement"}, 4, []int{0, 1, 3}},
		{"only earlier members", deletion{"2.2", "BAA"}, 1, []int{0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := targets(tt.d, tt.j, names); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("targets(%v, %d) = %v, want %v", tt.d, tt.j, got, tt.want)
			}
		})
	}
}

func TestWithoutSections(t *testing.T) {
	doc := readText(t, "1. Scope\n\n1.1 Vendor shall code records.\n\n1.10 Vendor shall keep records.\n\n2. Location\n\n2.1 Vendor shall work in Ohio.\n")
	got, removed := withoutSections(doc, []string{"1.1", "3"})
	if !reflect.DeepEqual(removed, []string{"1.1"}) {
		t.Errorf("removed %v, want [1.1]", removed)
	}
	var kept []string
	for _, s := range got.Sentences {
		kept = append(kept, got.Text[s.Start:s.End])
	}
	for _, s := range kept {
		if s == "Vendor shall code records." || s == "1.1 Vendor shall code records." {
			t.Errorf("sentence of deleted section 1.1 kept: %q", s)
		}
	}
	if len(kept) != len(doc.Sentences)-1 {
		t.Errorf("kept %d of %d sentences, want all but one: %q", len(kept), len(doc.Sentences), kept)
	}
	if len(doc.Sentences) == len(got.Sentences) {
		t.Error("the original document was changed or nothing was removed")
	}
	if same, none := withoutSections(doc, []string{"9"}); same != doc || none != nil {
		t.Errorf("a deletion of an absent section changed the document")
	}
}
