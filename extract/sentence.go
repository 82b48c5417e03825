package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbrevs are words that end with a period without ending a sentence,
// lower case and without their final period.
var abbrevs = map[string]bool{
	"sec": true, "secs": true, "ss": true, "inc": true, "corp": true, "ltd": true,
	"co": true, "no": true, "nos": true, "seq": true, "v": true, "vs": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "art": true,
	"arts": true, "para": true, "paras": true, "par": true, "pp": true, "p": true,
	"fig": true, "cf": true, "approx": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "jr": true, "sr": true, "prof": true,
	"hon": true, "id": true, "viz": true, "al": true, "ch": true, "cl": true,
	"subsec": true, "subd": true, "dept": true, "div": true, "ref": true,
	"vol": true, "incl": true, "assn": true, "bros": true, "ave": true,
	"blvd": true, "rd": true, "ste": true, "llc": false, "pub": true, "stat": true,
	"reg": true, "regs": true, "fed": true, "cal": true, "civ": true, "proc": true,
	"ann": true, "gov": true, "govt": true, "natl": true, "intl": true, "mfg": true,
}

var (
	// reInitials is a run of single letters with periods: "U.S", "e.g", "C.F.R".
	reInitials = regexp.MustCompile(`^(?:[A-Za-z]\.)+[A-Za-z]$`)
	// reEnumWord is a bare enumerator or clause number: "1", "7.2", "iv", "a".
	reEnumWord = regexp.MustCompile(`^(?:\d{1,3}(?:\.\d{1,3})*|[ivxlcIVXLC]{1,6}|[A-Za-z]|\([A-Za-z0-9]{1,6}\))$`)
	// reInlineEnum is an enumerator inside a paragraph: "(a) ", "(iv) ".
	reInlineEnum = regexp.MustCompile(`^\((?:[a-z]{1,2}|[ivxlc]{1,6}|[A-Z]|\d{1,2})\)\s`)
)

// letteredRefs precede a single capital letter that ends a sentence
// ("attached as Exhibit A. The ...") rather than an initial.
var letteredRefs = map[string]bool{
	"exhibit": true, "schedule": true, "appendix": true, "attachment": true,
	"annex": true, "addendum": true, "part": true, "article": true, "section": true,
	"clause": true, "subpart": true, "plan": true, "option": true, "tier": true,
}

// maxWords is the sentence length past which a run-on is cut at semicolons.
const maxWords = 120

// splitSentences returns the [start, end) byte ranges of the sentences of
// one paragraph, trimmed. It splits after ".", "?" or "!" (and closing
// quotes or brackets) followed by a space and a capital, digit, quote or
// bracket; never after an abbreviation, initials, a clause number or an
// enumerator at the start of a sentence. It also splits before an inline
// enumerator "(b)" that follows ":" or ";", so list items are sentences of
// their own and the lead-in ending with ":" is one too.
func splitSentences(p string) [][2]int {
	var out [][2]int
	start := skipSpace(p, 0)
	emit := func(end int) {
		s, e := start, end
		for e > s && p[e-1] == ' ' {
			e--
		}
		if e > s {
			out = append(out, [2]int{s, e})
		}
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '(' && i > start && p[i-1] == ' ' && reInlineEnum.MatchString(p[i:]) && afterListBreak(p[start:i]) {
			emit(i)
			start = i
			continue
		}
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i + 1
		for j < len(p) && strings.IndexByte(`"')]`, p[j]) >= 0 {
			j++
		}
		if j >= len(p) {
			break
		}
		if p[j] != ' ' {
			continue
		}
		k := skipSpace(p, j)
		if k >= len(p) {
			break
		}
		r, _ := utf8.DecodeRuneInString(p[k:])
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'([§`, r)) {
			continue
		}
		if c == '.' && !periodEnds(p, start, i) {
			continue
		}
		emit(j)
		start = k
		i = k - 1
	}
	emit(len(p))
	return capLength(p, out)
}

// afterListBreak reports whether the text before an inline enumerator ends
// a list lead-in or item: ":", ";", "; and", "; or".
func afterListBreak(before string) bool {
	b := strings.TrimRight(before, " ")
	for _, suf := range []string{"; and", "; or", ";and", ";or", ", and", ", or"} {
		if strings.HasSuffix(b, suf) {
			return !strings.HasPrefix(suf, ",")
		}
	}
	return strings.HasSuffix(b, ":") || strings.HasSuffix(b, ";")
}

// periodEnds reports whether the period at i, in the sentence starting at
// start, ends that sentence.
func periodEnds(p string, start, i int) bool {
	ws := strings.LastIndexAny(p[start:i], " (\"'[/") + start + 1
	word := p[ws:i]
	if i > 0 && p[i-1] == ')' {
		word = p[strings.LastIndexByte(p[start:i], ' ')+start+1 : i]
	}
	lw := strings.ToLower(strings.TrimLeft(word, "(\"'["))
	if abbrevs[lw] || lw == "et seq" || lw == "u.s.c" {
		return false
	}
	if reInitials.MatchString(word) {
		return false
	}
	if ws == start && reEnumWord.MatchString(word) {
		// "1. Definitions", "7.2. Use", "(a). ", "iv. The": an enumerator.
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r) {
			prev := strings.ToLower(lastWord(strings.TrimRight(p[start:ws], " ")))
			return letteredRefs[prev]
		}
	}
	return true
}

func skipSpace(p string, i int) int {
	for i < len(p) && p[i] == ' ' {
		i++
	}
	return i
}

// capLength cuts sentences longer than maxWords at semicolons, pieces
// still over twice that at commas, and what is left over that by words, so
// quoted evidence stays readable.
func capLength(p string, in [][2]int) [][2]int {
	var out [][2]int
	for _, r := range in {
		if wordCount(p[r[0]:r[1]]) <= maxWords {
			out = append(out, r)
			continue
		}
		for _, piece := range cutAt(p, r, "; ", 20) {
			if wordCount(p[piece[0]:piece[1]]) <= 2*maxWords {
				out = append(out, piece)
				continue
			}
			for _, sub := range cutAt(p, piece, ", ", maxWords/2) {
				if wordCount(p[sub[0]:sub[1]]) > 2*maxWords {
					// No punctuation at all (a flattened table): cut by words.
					out = append(out, cutAt(p, sub, " ", maxWords)...)
					continue
				}
				out = append(out, sub)
			}
		}
	}
	return out
}

// cutAt splits r after each sep, merging pieces so each holds at least min
// words (the last may hold fewer).
func cutAt(p string, r [2]int, sep string, min int) [][2]int {
	var out [][2]int
	s := r[0]
	for {
		idx := strings.Index(p[s:r[1]], sep)
		// Grow the piece until it has min words.
		from := s
		for idx >= 0 && wordCount(p[s:from+idx+1]) < min {
			from += idx + len(sep)
			idx = strings.Index(p[from:r[1]], sep)
		}
		if idx < 0 {
			break
		}
		end := from + idx + len(strings.TrimRight(sep, " "))
		out = append(out, [2]int{s, end})
		s = skipSpace(p, end)
	}
	if s < r[1] {
		out = append(out, [2]int{s, r[1]})
	}
	return out
}

func wordCount(s string) int { return len(strings.Fields(s)) }
