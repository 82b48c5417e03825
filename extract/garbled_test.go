package extract

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
)

// contractWords returns the words of one of the project's test contracts,
// for pages of real English.
func contractWords(t testing.TB) []string {
	data, err := os.ReadFile("../testdata/contracts/complete-baa.txt")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Fields(string(data))
}

// shift moves every ASCII letter k places along the alphabet: what a font
// whose glyphs map to the wrong codes gives.
func shift(s string, k int) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return 'a' + (r-'a'+rune(k))%26
		case r >= 'A' && r <= 'Z':
			return 'A' + (r-'A'+rune(k))%26
		}
		return r
	}, s)
}

// dropLetters leaves out every k-th letter: what a font some of whose
// glyphs map to nothing gives.
func dropLetters(s string, k int) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
			if n%k == 2 {
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestGarbledScore(t *testing.T) {
	english := strings.Join(contractWords(t)[:400], " ")
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"English contract", english, false},
		{"letters shifted by one", shift(english, 1), true},
		{"letters shifted by three", shift(english, 3), true},
		{"letters shifted by thirteen", shift(english, 13), true},
		{"every fifth letter dropped", dropLetters(english, 5), true},
		{"every eighth letter dropped", dropLetters(english, 8), true},
		{"a few letters dropped is still text", strings.ReplaceAll(english, "f", ""), false},
		{"German", strings.Repeat("Der Auftragnehmer verarbeitet die personenbezogenen Daten nur auf dokumentierte Weisung des Auftraggebers und sorgt dafür, dass die zur Verarbeitung befugten Personen zur Vertraulichkeit verpflichtet sind. ", 3), false},
		{"Polish", strings.Repeat("Podmiot przetwarzający zobowiązuje się przetwarzać powierzone dane osobowe wyłącznie w zakresie i celu przewidzianym w umowie oraz zachować w tajemnicy wszelkie informacje, które uzyska w związku z jej wykonaniem. ", 3), false},
		{"placeholder Latin", strings.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ", 5), false},
		{"drug list", strings.Repeat("Amlodipine Besylate Tablets 5 mg Atorvastatin Calcium Lisinopril Metformin Hydrochloride Omeprazole Capsules Sertraline Levothyroxine Sodium ", 5), false},
		{"too short to judge", shift("The Supplier shall notify the Hospital.", 3), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := scoreText(tt.text)
			if got := s.garbled(); got != tt.want {
				t.Errorf("garbled = %v, want %v (words %d, common %d, odd %d, dropped %d)", got, tt.want, s.words, s.common, s.odd, s.drop)
			}
		})
	}
}

func TestReadPDFGarbled(t *testing.T) {
	words := contractWords(t)
	// page returns the i-th page of 60 words of the contract, six lines of
	// ten words, transformed by f.
	page := func(i int, f func(string) string) testPage {
		var lines []string
		for l := 0; l < 6; l++ {
			k := i*60 + l*10
			lines = append(lines, f(strings.Join(words[k:k+10], " ")))
		}
		return testPage{content: textLines("F2", 11, 72, 700, 13, lines...)}
	}
	plain := func(s string) string { return s }
	salad := func(s string) string { return shift(s, 3) }
	dropped := func(s string) string { return dropLetters(s, 5) }
	tests := []struct {
		name    string
		pages   []testPage
		warning string // expected garbled warning, "" for none
		reason  string // expected UnreadableError reason prefix, "" for none
	}{
		{name: "clean", pages: []testPage{page(0, plain), page(1, plain), page(2, plain)}},
		{name: "one page of salad", pages: []testPage{page(0, plain), page(1, salad), page(2, plain)},
			warning: "page 2: text looks garbled; protections there may be missed"},
		{name: "pages with dropped letters", pages: []testPage{page(0, plain), page(1, plain), page(2, dropped), page(3, dropped), page(4, plain), page(5, plain)},
			warning: "pages 3-4: text looks garbled; protections there may be missed"},
		{name: "all salad", pages: []testPage{page(0, salad), page(1, salad)}, reason: "text cannot be decoded (garbled: "},
		{name: "all dropped", pages: []testPage{page(0, dropped), page(1, dropped), page(2, plain)}, reason: "text cannot be decoded (garbled: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, warnings, err := readPDF(context.Background(), "t.pdf", makePDF(tt.pages, true), Options{})
			var u *UnreadableError
			if tt.reason != "" {
				if !errors.As(err, &u) || !strings.HasPrefix(u.Reason, tt.reason) || !strings.HasSuffix(u.Reason, "% of words unrecognised)") {
					t.Fatalf("err = %v, want UnreadableError %q...", err, tt.reason)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range warnings {
				if strings.Contains(w, "garbled") {
					got = append(got, w)
				}
			}
			switch {
			case tt.warning == "" && len(got) > 0:
				t.Errorf("warnings %q, want none", got)
			case tt.warning != "" && (len(got) != 1 || got[0] != tt.warning):
				t.Errorf("warnings %q, want %q", got, tt.warning)
			}
		})
	}
}

// TestGarbledCorpus checks that no real contract is taken for garbled
// text: the CUAD dev contracts, the BAA corpus and the project's test
// contracts.
func TestGarbledCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads every corpus PDF")
	}
	var files []string
	for _, pat := range []string{"../../shared/corpus/cuad/dev/*.pdf", "../../shared/corpus/baa/docs/*.pdf", "../testdata/contracts/*.pdf"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	corpus := 0
	for _, f := range files {
		if strings.Contains(f, "shared/corpus") {
			corpus++
		}
	}
	if corpus == 0 {
		t.Skip("corpus ../shared/corpus absent")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		_, _, warnings, err := readPDF(ctx, f, data, Options{})
		cancel()
		if err != nil && strings.Contains(err.Error(), "garbled") {
			t.Errorf("%s: %v", f, err)
		}
		for _, w := range warnings {
			if strings.Contains(w, "garbled") {
				t.Errorf("%s: %s", f, w)
			}
		}
	}
}
