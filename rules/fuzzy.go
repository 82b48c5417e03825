package rules

//go:generate go run ./internal/genwords -o words.txt.gz

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"sort"
	"sync"

	"github.com/sajari/fuzzy"
)

// words.txt.gz is an English word list (SCOWL via Debian's wamerican, see
// words.LICENSE). A document word found in it is a real word and is never
// read as a different rule word on its own: "stated" never becomes "states".
//
//go:embed words.txt.gz
var wordsGz []byte

var (
	dictOnce sync.Once
	dict     map[string]struct{}
)

func inDictionary(w string) bool {
	dictOnce.Do(func() {
		dict = map[string]struct{}{}
		zr, err := gzip.NewReader(bytes.NewReader(wordsGz))
		if err != nil {
			return
		}
		sc := bufio.NewScanner(zr)
		for sc.Scan() {
			dict[sc.Text()] = struct{}{}
		}
	})
	_, ok := dict[w]
	return ok
}

// minFuzzyLen is the shortest word, in the rules and in documents, that may
// be matched with edits: short words are too easily one edit from another.
const minFuzzyLen = 5

// functionWords are never read fuzzily, as a document word or as a rule
// word: negators, modals and quantifiers decide what a clause means, and
// one edit turns "either" into "neither" or "shall" into "small".
var functionWords = map[string]bool{
	"either": true, "neither": true, "not": true, "no": true, "nor": true, "none": true,
	"nothing": true, "never": true, "may": true, "might": true, "shall": true, "should": true,
	"must": true, "will": true, "would": true, "can": true, "cannot": true, "could": true,
	"any": true, "all": true, "each": true, "every": true, "only": true, "unless": true,
	"except": true, "without": true, "whether": true, "other": true, "others": true,
	"nobody": true, "whatsoever": true, "notwithstanding": true,
	"provided": true, "however": true, "there": true, "their": true, "these": true, "those": true,
	"which": true, "where": true,
}

func fuzzyEligible(w string) bool {
	if len(w) < minFuzzyLen || len(w) > 40 || functionWords[w] {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

func newModel(depth int, words []string) *fuzzy.Model {
	m := fuzzy.NewModel()
	m.SetThreshold(1)
	m.SetUseAutocomplete(false)
	m.SetDepth(depth)
	for _, w := range words {
		m.TrainWord(w)
	}
	return m
}

// trainFuzzy trains one model on the rules' whole words and one on their
// prefixes ("indemnif*"), both at the largest tolerance any rule allows.
func (ix *index) trainFuzzy() {
	if ix.maxTol == 0 {
		return
	}
	ix.vocab = map[string]int32{}
	ix.stemVocab = map[string]int32{}
	var words, stems []string
	for w, a := range ix.exact {
		if fuzzyEligible(w) {
			ix.vocab[w] = a
			words = append(words, w)
		}
	}
	for p, a := range ix.prefix {
		if fuzzyEligible(p) {
			ix.stemVocab[p] = a
			stems = append(stems, p)
		}
	}
	sort.Strings(words)
	sort.Strings(stems)
	ix.model = newModel(ix.maxTol, words)
	ix.stems = newModel(ix.maxTol, stems)
}

// fuzzyAtoms finds the rule words that w may be a misspelling of: the
// closest whole word and the closest prefix within the tolerance.
func (ix *index) fuzzyAtoms(w string) []fzAtom {
	if ix.model == nil || !fuzzyEligible(w) {
		return nil
	}
	isWord := inDictionary(w)
	var out []fzAtom
	if a, d, ok := closest(ix.model, ix.vocab, w, ix.maxTol); ok {
		// A real word is read as another only through two swapped
		// letters ("Untied" → "united"), never by adding, dropping or
		// changing one: "either" is not "neither", "stated" not "states".
		if !isWord || transposed(w, ix.atomWord[a]) {
			out = append(out, fzAtom{atom: a, dist: uint8(d), dict: isWord})
		}
	}
	if isWord {
		// Prefixes are matched fuzzily only for words that are not English.
		return out
	}
	bestD, bestA := ix.maxTol+1, int32(-1)
	for _, l := range ix.prefixLen {
		if l < minFuzzyLen || l-1 > len(w) {
			continue
		}
		for n := l - 1; n <= l+1 && n <= len(w); n++ {
			if a, d, ok := closest(ix.stems, ix.stemVocab, w[:n], ix.maxTol); ok && d < bestD {
				bestD, bestA = d, a
			}
		}
	}
	if bestA >= 0 {
		out = append(out, fzAtom{atom: bestA, dist: uint8(bestD), dict: isWord})
	}
	return out
}

// closest asks the model for candidates and keeps the one with the fewest
// edits (transpositions count as one), ties broken alphabetically.
func closest(m *fuzzy.Model, vocab map[string]int32, w string, tol int) (int32, int, bool) {
	if _, exact := vocab[w]; exact {
		return 0, 0, false
	}
	best, bestD := "", tol+1
	for cand := range m.Potentials(w, true) {
		if _, ok := vocab[cand]; !ok {
			continue
		}
		d := editDistance(w, cand)
		if d == 0 {
			continue
		}
		if d < bestD || d == bestD && cand < best {
			best, bestD = cand, d
		}
	}
	if best == "" {
		return 0, 0, false
	}
	return vocab[best], bestD, true
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and adjacent transpositions cost one each.
func editDistance(a, b string) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	prev2 := make([]int, len(a)+1)
	prev := make([]int, len(a)+1)
	cur := make([]int, len(a)+1)
	for i := range prev {
		prev[i] = i
	}
	for j := 1; j <= len(b); j++ {
		cur[0] = j
		for i := 1; i <= len(a); i++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[i]+1, cur[i-1]+1, prev[i-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[i-2]+1)
			}
			cur[i] = v
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(a)]
}

// transposed reports whether b is a with two adjacent letters swapped.
func transposed(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}
