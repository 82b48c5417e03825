package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// reNumber is a decimal heading number: "7", "7.2", "7.2.1", with an
	// optional trailing dot.
	reNumber = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3}){0,5})(\.?)(?:\s+|$)`)
	// reNamed is a heading introduced by a word: "Section 4.", "ARTICLE VII".
	reNamed = regexp.MustCompile(`^(?i)(article|section|sec\.|§|part|schedule|exhibit|appendix|annex|attachment|addendum)\s*(\d{1,3}(?:\.\d{1,3}){0,5}|[ivxlc]{1,7}|[a-z])\b\.?(?:\s+|$)`)
	// reParen is a subclause enumerator: "(a)", "(iv)", "(2)", "(B)".
	reParen = regexp.MustCompile(`^\(([a-z]{1,2}|[ivxlc]{1,6}|[A-Z]{1,2}|[IVXLC]{1,6}|\d{1,2})\)(?:\s+|$)`)
	// reDotted is a letter or roman enumerator: "a.", "iv.", "B)".
	reDotted = regexp.MustCompile(`^([a-zA-Z]|[ivxlc]{2,6}|[IVXLC]{2,6})[.)](?:\s+|$)`)
	// reMarker starts a line that begins a new clause or list item.
	reMarker = regexp.MustCompile(`^(?:\d{1,3}(?:\.\d{1,3}){0,5}\.?\s+\S|\([a-zA-Z0-9]{1,6}\)\s|[a-zA-Z][.)]\s|(?i:article|section)\s+[0-9ivxlc]+|[-*•+▪◦]\s)`)
	reRoman  = regexp.MustCompile(`^(?i)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$`)
)

// smallWords may be lower case inside a Title Case heading.
var smallWords = map[string]bool{
	"a": true, "an": true, "and": true, "as": true, "at": true, "by": true, "for": true,
	"from": true, "in": true, "into": true, "its": true, "of": true, "on": true, "or": true,
	"the": true, "to": true, "under": true, "upon": true, "with": true, "without": true,
	"not": true, "than": true, "other": true, "vs.": true, "per": true, "via": true,
}

// titleLike reports whether s reads as a heading title: short, and ALL CAPS
// or Title Case.
func titleLike(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), ".:")
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 12 || len(s) > 100 {
		return false
	}
	if strings.HasSuffix(s, ",") || strings.HasSuffix(s, ";") {
		return false
	}
	letters := 0
	for i, w := range words {
		w = strings.TrimLeft(w, "(\"'[")
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.IsLower(r) && (i == 0 || !smallWords[strings.ToLower(w)]) {
			return false
		}
	}
	return letters > 0
}

// allCaps reports whether s has at least four letters and no lower-case one.
func allCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 4
}

// headingLine reports whether a whole line or block is a stand-alone
// heading: an ALL CAPS line or a numbered short title.
func headingLine(s string) bool {
	s = strings.TrimSpace(s)
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 12 || len(s) > 100 {
		return false
	}
	if h, ok := parseNumbered(s); ok {
		return h.body == "" && (h.title != "" || h.named)
	}
	if strings.ContainsAny(s[len(s)-1:], ",;") || strings.Contains(strings.TrimRight(s, "."), ". ") {
		return false
	}
	return allCaps(s) && len(words) <= 10
}

// notTitles start short Title Case lines that are form fields or parties,
// not headings.
var notTitles = map[string]bool{"by": true, "name": true, "title": true, "date": true, "signature": true, "its": true, "attn": true, "address": true}

// titleLine reports whether a whole block is a short Title Case line with
// no closing punctuation ("Obligations of Business Associate"): a heading
// in text without styles.
func titleLine(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 10 || strings.ContainsAny(s[len(s)-1:], ".;,:!?") {
		return false
	}
	if notTitles[strings.ToLower(strings.Trim(words[0], ":"))] || strings.ContainsAny(s, "|_@:/0123456789") {
		return false
	}
	return titleLike(s)
}

// splitBlock cuts a reader's block at line breaks that begin a new clause:
// a line starting with a clause number, enumerator or bullet after a line
// that ends one (".", ":", ";"), and stand-alone heading lines. Text files
// and PDFs often run headings and list items into one paragraph.
func splitBlock(s string) []string {
	if !strings.Contains(s, "\n") {
		return []string{s}
	}
	lines := strings.Split(s, "\n")
	var parts []string
	cur := []string{}
	curHeading := false // cur is a single stand-alone heading line
	flush := func() {
		if len(cur) > 0 {
			parts = append(parts, strings.Join(cur, "\n"))
		}
		cur = cur[:0]
		curHeading = false
	}
	for _, line := range lines {
		t := strings.TrimSpace(normalizeChars(line))
		if t == "" {
			continue
		}
		if len(cur) == 0 {
			cur = append(cur, line)
			curHeading = headingLine(t)
			continue
		}
		prev := strings.TrimSpace(normalizeChars(cur[len(cur)-1]))
		ends := strings.HasSuffix(prev, ".") || strings.HasSuffix(prev, ":") || strings.HasSuffix(prev, ";")
		switch {
		case curHeading && len(cur) == 1 && numberOnly(prev) && titleLike(t) && !reMarker.MatchString(t):
			// "ARTICLE 1" then "DEFINITIONS": one heading.
			cur = append(cur, line)
			continue
		case curHeading && startsLower(t):
			// "2.4 Notification of a Breach" then "shall be made within":
			// the short first line began a sentence; it was no heading.
			curHeading = false
		case curHeading:
			flush()
		case ends && (reMarker.MatchString(t) || headingLine(t)):
			flush()
		}
		if len(cur) == 0 {
			curHeading = headingLine(t)
		}
		cur = append(cur, line)
	}
	flush()
	return parts
}

// numberOnly reports whether s is a heading number with no title: "ARTICLE 1".
func numberOnly(s string) bool {
	h, ok := parseNumbered(s)
	return ok && h.title == "" && h.body == ""
}

// numbered is a heading number parsed off the start of a block.
type numbered struct {
	number string // as shown, without a trailing dot: "7.2", "VII", "Exhibit A"
	depth  int    // 1 for "7", 2 for "7.2"
	named  bool   // introduced by a word ("Section 4")
	title  string // the short title after the number, if any
	body   string // the rest of the block after the title
}

// parseNumbered parses a decimal or named heading number at the start of s
// and splits the rest into title and body. A bare number without a dot
// ("12 Indemnification") counts only before a title.
func parseNumbered(s string) (numbered, bool) {
	var h numbered
	var rest string
	if m := reNamed.FindStringSubmatch(s); m != nil {
		word := strings.ToLower(m[1])
		h.named = true
		switch word {
		case "article", "section", "sec.", "§":
			h.number = m[2]
			h.depth = strings.Count(m[2], ".") + 1
			if word == "article" {
				h.depth = 1
			}
		default:
			h.number = strings.ToUpper(m[1][:1]) + strings.ToLower(m[1][1:]) + " " + m[2]
			h.depth = 1
		}
		rest = s[len(m[0]):]
		sep := strings.HasSuffix(strings.TrimSpace(m[0]), ".")
		rest, sep = trimSep(rest, sep)
		h.title, h.body = splitTitle(rest)
		if !sep && h.title == "" && h.body != "" {
			// "Section 4 of the Agreement is amended": a reference.
			return h, false
		}
		return h, true
	}
	m := reNumber.FindStringSubmatch(s)
	if m == nil {
		return h, false
	}
	h.number = m[1]
	h.depth = strings.Count(m[1], ".") + 1
	rest = s[len(m[0]):]
	rest, sep := trimSep(rest, m[2] == ".")
	h.title, h.body = splitTitle(rest)
	if h.depth == 1 && !sep {
		// "12 Indemnification" is a heading, "30 days after" is not.
		if len(m[1]) > 2 || h.body != "" || h.title == "" {
			return h, false
		}
	}
	if h.title == "" && h.body == "" {
		// A lone number is a page number or a list remnant.
		return h, h.depth > 1
	}
	return h, true
}

// trimSep removes a separator between a heading number and its title.
func trimSep(rest string, sep bool) (string, bool) {
	rest = strings.TrimSpace(rest)
	for _, p := range []string{"-", "–", "—", ":", "."} {
		if strings.HasPrefix(rest, p+" ") || rest == p {
			return strings.TrimSpace(rest[len(p):]), true
		}
	}
	return rest, sep
}

// splitTitle splits the text after a heading number into a short title and
// the body: "Subcontractors. Business Associate shall" gives
// ("Subcontractors", "Business Associate shall"). A whole short title-like
// rest is all title; otherwise the title is the first phrase ending in "."
// or ":" when it reads as a title, else there is none.
func splitTitle(rest string) (title, body string) {
	if rest == "" {
		return "", ""
	}
	if titleLike(rest) && !strings.Contains(strings.TrimRight(rest, ".: "), ". ") {
		return strings.TrimRight(rest, ".: "), ""
	}
	for i := 0; i < len(rest) && i < 120; i++ {
		if (rest[i] == '.' || rest[i] == ':') && i+1 < len(rest) && rest[i+1] == ' ' {
			cand := rest[:i]
			if len(strings.Fields(cand)) <= 8 && titleLike(cand) {
				return cand, strings.TrimSpace(rest[i+1:])
			}
			break
		}
	}
	return "", rest
}

// enumKind is the style of a subclause enumerator.
type enumKind int

const (
	enumLower enumKind = iota // (a)
	enumRomanLower
	enumDigit
	enumUpper
	enumRomanUpper
)

// subclause is an open lettered or numbered subclause.
type subclause struct {
	kind  enumKind
	value string
	sec   int // index in the section list
}

// parseEnum parses an enumerator at the start of s: "(a)", "a.", "(iv)".
func parseEnum(s string) (value string, body string, ok bool) {
	if m := reParen.FindStringSubmatch(s); m != nil {
		v := m[1]
		if len(v) == 2 && !reRoman.MatchString(v) && !(v[0] == v[1]) {
			return "", "", false
		}
		return v, strings.TrimSpace(s[len(m[0]):]), true
	}
	if m := reDotted.FindStringSubmatch(s); m != nil {
		v := m[1]
		if len(v) > 1 && !reRoman.MatchString(v) {
			return "", "", false
		}
		rest := strings.TrimSpace(s[len(m[0]):])
		if rest == "" {
			return "", "", false
		}
		return v, rest, true
	}
	return "", "", false
}

// kindsOf lists the enumerator kinds value may be, most likely first.
func kindsOf(v string) []enumKind {
	r, _ := utf8.DecodeRuneInString(v)
	switch {
	case unicode.IsDigit(r):
		return []enumKind{enumDigit}
	case unicode.IsLower(r):
		if reRoman.MatchString(v) {
			if len(v) == 1 {
				return []enumKind{enumLower, enumRomanLower}
			}
			return []enumKind{enumRomanLower, enumLower}
		}
		return []enumKind{enumLower}
	default:
		if reRoman.MatchString(v) {
			if len(v) == 1 {
				return []enumKind{enumUpper, enumRomanUpper}
			}
			return []enumKind{enumRomanUpper, enumUpper}
		}
		return []enumKind{enumUpper}
	}
}

// pickKind chooses the kind of an ambiguous enumerator from the open
// subclauses: "(i)" after "(h)" is a letter, after "(a)" a roman numeral.
func pickKind(v string, open []subclause) enumKind {
	kinds := kindsOf(v)
	if len(kinds) == 1 {
		return kinds[0]
	}
	for i := len(open) - 1; i >= 0; i-- {
		o := open[i]
		for _, k := range kinds {
			if o.kind != k {
				continue
			}
			if k == enumLower || k == enumUpper {
				// A letter continues a letter list only as its successor.
				if len(o.value) == 1 && o.value[0]+1 == v[0] {
					return k
				}
				continue
			}
			return k
		}
	}
	if len(open) > 0 && (open[len(open)-1].kind == enumLower || open[len(open)-1].kind == enumUpper) {
		// "(i)" under "(a)" starts a roman list.
		if kinds[1] == enumRomanLower || kinds[1] == enumRomanUpper {
			if v == "i" || v == "I" {
				return kinds[1]
			}
		}
	}
	return kinds[0]
}

// findSections finds the headings among the blocks and gives each section
// its extent: to the next heading of the same or a higher level.
func findSections(text string, spans []span) []Section {
	var secs []Section
	parent := -1 // innermost heading section, the parent of subclauses
	var open []subclause
	for _, sp := range spans {
		t := text[sp.start:sp.end]
		if sp.heading && len(strings.Fields(t)) > 25 {
			// A body paragraph in a heading style.
			sp.heading = false
		}
		sec := Section{Page: sp.page, Start: sp.start}
		ok := false
		if h, isNum := parseNumbered(t); isNum && (sp.heading || h.title != "" || h.body != "" || h.named || h.depth > 1) {
			sec.Number, sec.Title, sec.Level, ok = h.number, h.title, h.depth, true
			if sp.heading && h.title == "" && h.body != "" && len(strings.Fields(h.body)) <= 12 {
				sec.Title = strings.TrimRight(h.body, ".: ")
			}
			if h.named && h.depth == 1 && sec.Number != "" && strings.Contains(sec.Number, " ") {
				sec.Level = 1
			}
		} else if v, body, isEnum := parseEnum(t); isEnum {
			kind := pickKind(v, open)
			// Close subclauses down to a sibling of the same kind.
			for i := len(open) - 1; i >= 0; i-- {
				if open[i].kind == kind {
					open = open[:i]
					break
				}
			}
			base, level := "", 1
			if len(open) > 0 {
				last := secs[open[len(open)-1].sec]
				base, level = last.Number, last.Level+1
			} else if parent >= 0 {
				base, level = secs[parent].Number, secs[parent].Level+1
			}
			sec.Number = base + "(" + v + ")"
			sec.Level = level
			sec.Title, _ = splitTitle(body)
			if sec.Title != "" && strings.HasSuffix(strings.TrimSpace(sec.Title), ")") {
				sec.Title = ""
			}
			open = append(open, subclause{kind: kind, value: v, sec: len(secs)})
			secs = append(secs, sec)
			continue
		} else if sp.heading {
			sec.Title = strings.TrimRight(t, ".: ")
			sec.Level = sp.level
			if sec.Level <= 0 {
				sec.Level = 1
			}
			ok = true
		} else if headingLine(t) || titleLine(t) {
			sec.Title = strings.TrimRight(t, ".: ")
			sec.Level = 1
			ok = true
		}
		if !ok {
			continue
		}
		if sp.heading && sp.level > 0 && sec.Number == "" {
			sec.Level = sp.level
		}
		open = open[:0]
		parent = len(secs)
		secs = append(secs, sec)
	}
	for i := range secs {
		end := len(text)
		for j := i + 1; j < len(secs); j++ {
			if secs[j].Level <= secs[i].Level {
				end = secs[j].Start
				break
			}
		}
		secs[i].End = len(strings.TrimRight(text[:end], "\n "))
	}
	return secs
}

// startsLower reports whether s begins with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}
