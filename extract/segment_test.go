package extract

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

func sentencesOf(p string) []string {
	var out []string
	for _, r := range splitSentences(p) {
		out = append(out, p[r[0]:r[1]])
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "Vendor shall comply. Client shall pay. Is it due? Yes! Done.",
			[]string{"Vendor shall comply.", "Client shall pay.", "Is it due?", "Yes!", "Done."}},
		{"sec abbreviation", "As required by Sec. 4 of the Act. Next sentence.", []string{"As required by Sec. 4 of the Act.", "Next sentence."}},
		{"usc", "See 42 U.S.C. 1320d et seq. The Vendor agrees.", nil},
		{"us", "Work only in the U.S. Vendor agrees.", []string{"Work only in the U.S. Vendor agrees."}},
		{"company forms", "Acme Inc. and Beta Corp. and Gamma Ltd. and Delta L.L.C. and Echo Co. Ltd. agree.", nil},
		{"no and eg ie", "Invoice No. 5 lists fees, e.g. Coding fees, i.e. Review fees.", nil},
		{"case and titles", "Smith v. Jones held so. Mr. Brown and Dr. White met at St. Louis under Art. 3 and para. 2.", []string{"Smith v. Jones held so.", "Mr. Brown and Dr. White met at St. Louis under Art. 3 and para. 2."}},
		{"numbers", "Section 7.2 applies to $5.5 million in fees. Then 3.14 more.", []string{"Section 7.2 applies to $5.5 million in fees.", "Then 3.14 more."}},
		{"initials", "Signed by J. Smith and A. B. Jones today.", nil},
		{"enumerator at start", "1. Definitions. Terms have meanings.", []string{"1. Definitions.", "Terms have meanings."}},
		{"clause number at start", "7.2. Subcontractors. Vendor binds them.", []string{"7.2. Subcontractors.", "Vendor binds them."}},
		{"exhibit letter ends", "The fees are in Exhibit A. Vendor agrees.", []string{"The fees are in Exhibit A.", "Vendor agrees."}},
		{"quote after period", `It is "final." The parties agree.`, []string{`It is "final."`, "The parties agree."}},
		{"lowercase after period", "Pay approx. ten dollars.", nil},
		{"inline list", "Vendor shall not: (a) use PHI offshore; (b) sell PHI; or (c) keep PHI.",
			[]string{"Vendor shall not:", "(a) use PHI offshore;", "(b) sell PHI; or", "(c) keep PHI."}},
		{"parenthetical not a list", "The fee (a) is due, and (b) is late.", nil},
		{"roman list", "It covers: (i) access; (ii) use.", []string{"It covers:", "(i) access;", "(ii) use."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.want
			if want == nil {
				want = []string{tc.in}
			}
			if got := sentencesOf(tc.in); !reflect.DeepEqual(got, want) {
				t.Errorf("got  %q\nwant %q", got, want)
			}
		})
	}
}

func TestSplitLongSentence(t *testing.T) {
	clause := "Vendor shall keep records of every disclosure of information made for any purpose whatsoever"
	long := strings.Repeat(clause+"; ", 15) + "and so on."
	got := sentencesOf(long)
	if len(got) < 2 {
		t.Fatalf("run-on not cut: %d pieces", len(got))
	}
	for _, s := range got {
		if n := len(strings.Fields(s)); n > maxWords {
			t.Errorf("piece of %d words", n)
		}
	}
	if strings.Join(got, " ") != long {
		t.Errorf("pieces do not rebuild the sentence")
	}
	table := strings.Repeat("Claim Ship Final Mach claims ----------- ", 100)
	table = strings.TrimSpace(table)
	pieces := sentencesOf(table)
	for _, s := range pieces {
		if n := len(strings.Fields(s)); n > 2*maxWords {
			t.Errorf("unpunctuated piece of %d words", n)
		}
	}
	if strings.Join(pieces, " ") != table {
		t.Errorf("pieces do not rebuild the table text")
	}
}

func TestSections(t *testing.T) {
	type sec struct {
		Number, Title string
		Level         int
	}
	tests := []struct {
		name string
		text string
		want []sec
	}{
		{"numbered headings and inline clauses",
			"12. Indemnification.\n\n12.1 Scope. Vendor shall indemnify Client.\n\n12.2 Procedure. Client gives notice.\n\n13. INSURANCE\n\nVendor keeps insurance.",
			[]sec{{"12", "Indemnification", 1}, {"12.1", "Scope", 2}, {"12.2", "Procedure", 2}, {"13", "INSURANCE", 1}}},
		{"articles and sections",
			"ARTICLE VII\nTERM AND TERMINATION\n\nSection 4. Notices. Notices are written.\n\nSECTION 5\n\nArticle 8 - Audit\n\nSection 4 of the Agreement is amended.",
			[]sec{{"VII", "TERM AND TERMINATION", 1}, {"4", "Notices", 1}, {"5", "", 1}, {"8", "Audit", 1}}},
		{"all caps heading and subclauses",
			"TERM AND TERMINATION\n\n5.1 Subcontractors. Vendor binds them:\n\n(a) in writing;\n\n(i) signed;\n\n(ii) dated;\n\n(b) before access.\n\n5.2 Other.",
			[]sec{{"", "TERM AND TERMINATION", 1}, {"5.1", "Subcontractors", 2}, {"5.1(a)", "", 3}, {"5.1(a)(i)", "", 4}, {"5.1(a)(ii)", "", 4}, {"5.1(b)", "", 3}, {"5.2", "Other", 2}}},
		{"not headings",
			"30 days after notice the fee is due.\n\n2019 was a good year for the parties.\n\nThe Vendor shall comply with law.\n\n3",
			nil},
		{"markdown headings",
			"# Services Agreement\n\n## 1. Definitions\n\nWords.\n\n## Recitals\n\nMore words.",
			[]sec{{"", "Services Agreement", 1}, {"1", "Definitions", 1}, {"", "Recitals", 2}}},
		{"heading lines inside a paragraph",
			"The term ends on the date.\n7.3 Offshore Work.\nVendor shall work in the United States only.",
			[]sec{{"7.3", "Offshore Work", 2}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read(context.Background(), "s.md", []byte(tc.text), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []sec
			for _, s := range doc.Sections {
				got = append(got, sec{s.Number, s.Title, s.Level})
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v\ntext:\n%s", got, tc.want, doc.Text)
			}
			checkInvariants(t, doc)
		})
	}
}

func TestSectionSpan(t *testing.T) {
	doc, err := Read(context.Background(), "s.txt", []byte("7. Security\n\n7.2 Subcontractors. Business Associate shall bind each subcontractor. It shall also audit them.\n\n8. Term\n\nThree years."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	i := sentenceWith(doc, "It shall also audit")
	s := doc.Sections[doc.Sentences[i].Section]
	if s.Number != "7.2" || s.Title != "Subcontractors" {
		t.Fatalf("sentence in %+v", s)
	}
	if got := doc.Text[s.Start:s.End]; got != "7.2 Subcontractors. Business Associate shall bind each subcontractor. It shall also audit them." {
		t.Errorf("section 7.2 text %q", got)
	}
	if s7 := doc.Sections[0]; !strings.HasSuffix(doc.Text[s7.Start:s7.End], "audit them.") {
		t.Errorf("section 7 text %q", doc.Text[s7.Start:s7.End])
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"e\ufb00ective \ufb01le \ufb02ow o\ufb03ce ba\ufb04e", "effective file flow office baffle"},
		{"\u201cVendor\u201d\u2019s \u2018duty\u2019", `"Vendor"'s 'duty'`},
		{"ten\u00a0days\u2009and\u202fmore\u3000here", "ten days and more here"},
		{"indemni\u00adfication zero\u200bwidth\ufeff", "indemnification zerowidth"},
		{"many    spaces\there", "many spaces here"},
		{"em\u2014dash and en\u2013dash kept", "em\u2014dash and en\u2013dash kept"},
		{"non\u2011breaking hyphen", "non-breaking hyphen"},
		{"indem-\nnification", "indemnification"},
		{"third-\nparty beneficiaries", "third-party beneficiaries"},
		{"non-\ncompete and sub-\ncontractor", "non-compete and sub-contractor"},
		{"state-of-the-\nart", "state-of-the-art"},
		{"Section 7-\nThe term", "Section 7- The term"},
		{"line one\nline two", "line one line two"},
		{"Cafe\u0301 \uff21\uff22\uff23", "Caf\u00e9 ABC"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			if got := Normalize(tc.in); got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestReadText(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		want  string
		pages int
		warn  bool
	}{
		{"utf8 bom and crlf", "\xef\xbb\xbfFirst line\r\nsame paragraph.\r\n\r\nSecond.", "First line same paragraph.\n\nSecond.", 1, false},
		{"utf16 le bom", "\xff\xfeO\x00k\x00.\x00", "Ok.", 1, false},
		{"utf16 be bom", "\xfe\xff\x00O\x00k\x00.", "Ok.", 1, false},
		{"windows-1252", "Vendor\x92s duty \x96 \x93notice\x94.", "Vendor's duty \u2013 \"notice\".", 1, true},
		{"form feeds are pages", "Page one text.\fPage two text.\n\f\nPage three.", "Page one text.\n\nPage two text.\n\nPage three.", 3, false},
		{"markdown", "---\ntitle: x\n---\n# Title\n\n**Bold** and __strong__ and _emph_ and [a link](http://x) and 2*3*4 and snake_case_name.\n\n- item one\n- item two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n\n> quoted",
			"Title\n\nBold and strong and emph and a link and 2*3*4 and snake_case_name.\n\n- item one\n\n- item two\n\na | b\n\n1 | 2\n\nquoted", 1, false},
		{"paragraph cut by a page footer", "The Vendor shall\n\nACME CONFIDENTIAL\n\nnotify Client.\n\nACME CONFIDENTIAL\n\nNext.\n\nACME CONFIDENTIAL", "The Vendor shall notify Client.\n\nNext.", 1, false},
		{"list items split", "Vendor shall:\n1. comply;\n2. report.\nSee Section\n3.1 of the MSA.", "Vendor shall:\n\n1. comply;\n\n2. report. See Section 3.1 of the MSA.", 1, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read(context.Background(), "t.txt", []byte(tc.data), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != tc.want {
				t.Errorf("text %q\nwant %q", doc.Text, tc.want)
			}
			if len(doc.Pages) != tc.pages {
				t.Errorf("%d pages, want %d", len(doc.Pages), tc.pages)
			}
			if (len(doc.Warnings) > 0) != tc.warn {
				t.Errorf("warnings %q", doc.Warnings)
			}
			checkInvariants(t, doc)
		})
	}
}

func TestReadHTML(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Hidden title</title><style>p{color:red}</style><script>var x = "script text";</script></head>
<body><h1>Services Agreement</h1><p>Fees &amp; costs&nbsp;apply.<br>Second line &lt;here&gt;.</p>
<template><p>template text</p></template><noscript>noscript text</noscript><div hidden>hidden div</div>
<h2>7. Audit</h2><p>Client may audit <b>Vendor</b> records.</p>
<ol type="a"><li>first item;</li><li>second item.</li></ol>
<table><tr><th>Term</th><th>Value</th></tr><tr><td>Notice</td><td>10 days</td></tr></table></body></html>`
	doc, err := Read(context.Background(), "a.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Services Agreement\n\nFees & costs apply. Second line <here>.\n\n7. Audit\n\nClient may audit Vendor records.\n\n(a) first item;\n\n(b) second item.\n\nTerm | Value\n\nNotice | 10 days"
	if doc.Text != want {
		t.Errorf("text %q\nwant %q", doc.Text, want)
	}
	if len(doc.Sections) < 2 || doc.Sections[1].Number != "7" || doc.Sections[1].Title != "Audit" {
		t.Errorf("sections %+v", doc.Sections)
	}
	checkInvariants(t, doc)
}
