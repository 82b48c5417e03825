package extract

import (
	"context"
	"strings"
	"testing"
)

func TestJoinBrokenWords(t *testing.T) {
	tests := []struct {
		name string
		in   []Block
		want []Block
	}{
		{
			name: "word split across pages",
			in:   []Block{{Text: "the arti-", Page: 1}, {Text: "cles of the company", Page: 2}},
			want: []Block{{Text: "the articles", Page: 1}, {Text: "of the company", Page: 2}},
		},
		{
			name: "compound prefix keeps its hyphen",
			in:   []Block{{Text: "a third-", Page: 1}, {Text: "party auditor", Page: 2}},
			want: []Block{{Text: "a third-party", Page: 1}, {Text: "auditor", Page: 2}},
		},
		{
			name: "next block is the rest of the word",
			in:   []Block{{Text: "indem-\n", Page: 1}, {Text: " nification", Page: 1}},
			want: []Block{{Text: "indemnification", Page: 1}},
		},
		{
			name: "capital after the hyphen is a new block",
			in:   []Block{{Text: "Term -", Page: 1}, {Text: "Renewal", Page: 2}},
			want: []Block{{Text: "Term -", Page: 1}, {Text: "Renewal", Page: 2}},
		},
		{
			name: "dash after a number stays",
			in:   []Block{{Text: "pages 3-", Page: 1}, {Text: "five more", Page: 2}},
			want: []Block{{Text: "pages 3-", Page: 1}, {Text: "five more", Page: 2}},
		},
		{
			name: "a labelled block is not a continuation",
			in:   []Block{{Text: "arti-", Page: 1}, {Text: "cles", Label: "(a)", Page: 2}},
			want: []Block{{Text: "arti-", Page: 1}, {Text: "cles", Label: "(a)", Page: 2}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := joinBrokenWords(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("block %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestBuildPDFRepeatsAndBreaks(t *testing.T) {
	body := func(lines ...string) string { return textLines("F2", 11, 72, 700, 13, lines...) }
	sig := textLines("F2", 11, 72, 400, 13, "By: /s/ Jane Roe", "Title: Authorized Signatory")
	tests := []struct {
		name  string
		pages []testPage
		want  []string // substrings of Document.Text
		count map[string]int
	}{
		{
			name: "signature lines on several pages are kept",
			pages: []testPage{
				{content: body("The Supplier signs below.") + sig},
				{content: body("The Customer signs below.") + sig},
				{content: body("The Guarantor signs below.") + sig},
			},
			count: map[string]int{"By: /s/ Jane Roe": 3, "Title: Authorized Signatory": 3},
		},
		{
			name: "word hyphenated across a page break",
			pages: []testPage{
				{content: body("The Supplier shall keep its certificate of incorporation and arti-")},
				{content: body("cles of association at its registered office.")},
			},
			want: []string{"incorporation and articles", "of association at its registered office."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(context.Background(), "t.pdf", makePDF(tt.pages, false), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(doc.Text, w) {
					t.Errorf("text %q lacks %q", doc.Text, w)
				}
			}
			for s, n := range tt.count {
				if got := strings.Count(doc.Text, s); got != n {
					t.Errorf("%q appears %d times, want %d, in %q", s, got, n, doc.Text)
				}
			}
			checkInvariants(t, doc)
		})
	}
}

func TestBuildTextFurniture(t *testing.T) {
	// Plain text has no positions: a line repeated on every page is a
	// running header.
	data := "ACME HEALTH CONFIDENTIAL\n\nFirst page text.\fACME HEALTH CONFIDENTIAL\n\nSecond page text.\fACME HEALTH CONFIDENTIAL\n\nThird page text."
	doc, err := Read(context.Background(), "t.txt", []byte(data), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "First page text.\n\nSecond page text.\n\nThird page text."; doc.Text != want {
		t.Errorf("text %q, want %q", doc.Text, want)
	}
}

func TestBuildTextPageNumbers(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{
			name: "numbers between list items and inside a sentence",
			data: "Vendor shall not:\n\n(a) solicit any customer;\n\n12\n\n(b) hire any employee of Hospital; or\n\n- 13 -\n\n(c) disclose the\n\nPage 14 of 20\n\nprices.",
			want: "Vendor shall not:\n\n(a) solicit any customer;\n\n(b) hire any employee of Hospital; or\n\n(c) disclose the prices.",
		},
		{
			// One number alone is as likely a value as a page number.
			name: "a single number stays",
			data: "The fee per record is:\n\n12\n\npayable monthly.",
			want: "The fee per record is:\n\n12 payable monthly.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(context.Background(), "t.txt", []byte(tt.data), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tt.want {
				t.Errorf("text %q, want %q", doc.Text, tt.want)
			}
			checkInvariants(t, doc)
		})
	}
}
