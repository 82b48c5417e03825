package extract

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
	"unicode"
)

//go:generate go run ./internal/gencommon -o commonwords.txt

// commonWordsText is the list of common English words, one a line
// (generated; SCOWL licence in commonwords.LICENSE).
//
//go:embed commonwords.txt
var commonWordsText string

// wordModel is what the garbled-text check knows of English: the common
// words, those words with one letter left out (what a font that drops
// glyphs makes of them), and the letter pairs they contain.
type wordModel struct {
	common  map[string]bool
	dropped map[string]bool
	pairs   [26][26]bool
}

var englishModel = sync.OnceValue(func() *wordModel {
	m := &wordModel{common: make(map[string]bool, 2048), dropped: make(map[string]bool, 16384)}
	for _, w := range strings.Fields(commonWordsText) {
		m.common[w] = true
		for i := 1; i < len(w); i++ {
			if a, b := w[i-1]-'a', w[i]-'a'; a < 26 && b < 26 {
				m.pairs[a][b] = true
			}
		}
	}
	for w := range m.common {
		if len(w) < 5 {
			continue
		}
		for i := range len(w) {
			if d := w[:i] + w[i+1:]; !m.common[d] {
				m.dropped[d] = true
			}
		}
	}
	return m
})

// textScore sums what the garbled-text check counts in some text.
type textScore struct {
	words  int // Latin-script words of two letters or more
	common int // of which common English words
	odd    int // of which look broken: a common word missing a letter, a letter pair English does not use, no vowel
	drop   int // of which a common word missing a letter
	marked int // of which hold a Latin letter with a diacritic (other languages)
}

func (s *textScore) add(o textScore) {
	s.words += o.words
	s.common += o.common
	s.odd += o.odd
	s.drop += o.drop
	s.marked += o.marked
}

// Thresholds of the garbled-text check, calibrated on the CUAD dev
// contracts, the BAA corpus, the project's test contracts and the
// difficult-PDF corpus (German, Polish, Latin placeholder text and drug
// lists among them, which must not be flagged): see bench/README.md.
const (
	garbledMinWords = 40   // fewer words prove nothing
	saladCommon     = 0.15 // letter salad: under this share of common words
	saladOdd        = 0.50 // and at least this share of odd words
	saladMarked     = 0.05 // and under this share of words with diacritics
	droppedCommon   = 0.30 // glyphs dropped: under this share of common words
	droppedShare    = 0.08 // at least this share of common words missing a letter
	droppedOdd      = 0.20 // and at least this share of odd words
	// or, more of them dropped, under a higher share of common words
	droppedCommon2 = 0.45
	droppedShare2  = 0.15
	droppedOdd2    = 0.25
)

// garbled reports whether the scored text looks like English read wrongly:
// letter salad from a font whose glyphs map to the wrong letters, or words
// missing letters from glyphs that map to nothing. Text in another
// language has few common English words but neither symptom.
func (s textScore) garbled() bool {
	if s.words < garbledMinWords {
		return false
	}
	n := float64(s.words)
	common, odd, drop := float64(s.common)/n, float64(s.odd)/n, float64(s.drop)/n
	marked := float64(s.marked) / n
	return common < saladCommon && odd >= saladOdd && marked < saladMarked ||
		common < droppedCommon && drop >= droppedShare && odd >= droppedOdd ||
		common < droppedCommon2 && drop >= droppedShare2 && odd >= droppedOdd2
}

// unrecognised is the percentage of words that are not common words.
func (s textScore) unrecognised() int {
	if s.words == 0 {
		return 0
	}
	return (s.words - s.common) * 100 / s.words
}

// checkGarbled scores the blocks of a PDF page by page. It returns an
// error when the whole text looks garbled, and otherwise a warning naming
// the pages that do, if any.
func checkGarbled(path string, blocks []Block) (warning string, err error) {
	var all textScore
	pages := map[int]*textScore{}
	var order []int
	for _, b := range blocks {
		s := scoreText(b.Text)
		all.add(s)
		p := pages[b.Page]
		if p == nil {
			p = &textScore{}
			pages[b.Page] = p
			order = append(order, b.Page)
		}
		p.add(s)
	}
	if all.garbled() {
		return "", &UnreadableError{Path: path, Reason: "text cannot be decoded (garbled: " + itoa(int64(all.unrecognised())) + "% of words unrecognised)"}
	}
	var bad []int
	for _, p := range order {
		if pages[p].garbled() {
			bad = append(bad, p)
		}
	}
	if len(bad) == 0 {
		return "", nil
	}
	sort.Ints(bad)
	return pagesLabel(bad) + ": text looks garbled; protections there may be missed", nil
}

// scoreText scores the Latin-script words of s. Words in other scripts are
// not counted: the check is for English text read wrongly.
func scoreText(s string) textScore {
	m := englishModel()
	var sc textScore
	var buf []byte
	start := -1
	latin := true
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := s[start:end]
		start = -1
		if !latin || len(w) < 2 {
			return
		}
		sc.words++
		buf = buf[:0]
		upper := 0
		marked := false
		for _, r := range w {
			if unicode.IsUpper(r) {
				upper++
			}
			if r >= 0x80 {
				marked = true
			}
			buf = append(buf, string(unicode.ToLower(r))...)
		}
		if marked {
			sc.marked++
		}
		if m.common[string(buf)] {
			sc.common++
			return
		}
		if len(buf) < 3 || upper == len(buf) {
			// Short words and acronyms prove nothing.
			return
		}
		if m.dropped[string(buf)] {
			sc.odd++
			sc.drop++
			return
		}
		vowel := false
		for i, c := range buf {
			if c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' {
				vowel = true
			}
			if i > 0 && c >= 'a' && c <= 'z' && buf[i-1] >= 'a' && buf[i-1] <= 'z' && !m.pairs[buf[i-1]-'a'][c-'a'] {
				sc.odd++
				return
			}
		}
		if !vowel {
			sc.odd++
		}
	}
	for i, r := range s {
		if unicode.IsLetter(r) {
			if start < 0 {
				start, latin = i, true
			}
			if r >= 0x80 && !unicode.Is(unicode.Latin, r) {
				latin = false
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return sc
}
