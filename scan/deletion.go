package scan

import (
	"regexp"
	"strings"

	"github.com/clausecheck/clausecheck/extract"
)

// sectionRef is one section number as amendments cite it: "4.1", "4.1(b)",
// "12", "IV".
const sectionRef = `(?:\d+(?:\.\d+)*\.?(?:\s?\([a-z0-9]{1,4}\))*|[IVXLC]{1,6}\b)`

// refList is one or more section numbers: "4.1", "4.1 and 4.2",
// "4.1, 4.2 and 4.3".
const refList = sectionRef + `(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)` + sectionRef + `)*`

// ofName is the agreement a reference names: "of the BAA", "to the Master
// Services Agreement".
// Its words are capitalised, as defined names are, with "of" and "and"
// between them.
const ofName = `(?:\s+(?:of|to)\s+(?:the|this|that|such)\s+((?-i:[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|of|and|&))*)))?`

const sectionWord = `(?:sections?|clauses?|paragraphs?|articles?|§§?)`

// deletionPatterns find an amendment taking a section of an earlier document
// out of force: "Section 4.1 of the BAA is hereby deleted in its entirety",
// "the Agreement is amended by deleting Sections 4.1 and 4.2", "Section 9 is
// of no further force or effect". The verb must follow the reference
// directly (optionally after "hereby"), so "shall not be deleted" and "may
// be deleted" do not count.
var deletionPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\b` + sectionWord + `\s+(` + refList + `)` + ofName + `,?\s+(?:is|are|shall\s+be|will\s+be)\s+(?:hereby\s+)?(?:deleted|struck|stricken|removed|rescinded|revoked|repealed|omitted|(?:of\s+no\s+further|no\s+longer\s+of\s+any)\s+force|null\s+and\s+void)\b`),
	regexp.MustCompile(`(?i)\bby\s+(?:deleting|striking|removing|rescinding)\s+(?:in\s+(?:its|their)\s+entirety\s+)?` + sectionWord + `\s+(` + refList + `)` + ofName),
	regexp.MustCompile(`(?i)\bhereby\s+(?:deletes?|strikes?|removes?|rescinds?)\s+(?:in\s+(?:its|their)\s+entirety\s+)?` + sectionWord + `\s+(` + refList + `)` + ofName),
}

// conditional words before a deletion make it a hypothesis, not an
// amendment: "If Section 4.1 is deleted, ...".
var conditional = regexp.MustCompile(`(?i)\b(?:if|unless|should|whether|in\s+the\s+event|provided\s+that|until|would|could)\b`)

// partOf before a reference makes it the place of what is deleted, not the
// thing deleted: "the words "or India" in Section 4.1 are deleted".
var partOf = regexp.MustCompile(`(?i)\b(?:in|from|of|within|under|to)\s+$`)

var oneRef = regexp.MustCompile(`(?i)` + sectionRef)

// deletion is one section a document deletes from the documents before
// it: its number, normalised ("4.1(b)", "IV"), and the agreement the
// reference names ("BAA"), empty when it names none.
type deletion struct {
	ref, name string
}

// deletedSections lists the sections a document deletes from the documents
// before it, in the order stated.
func deletedSections(doc *extract.Document) []deletion {
	var out []deletion
	seen := map[deletion]bool{}
	for _, s := range doc.Sentences {
		text := doc.Text[s.Start:s.End]
		for _, re := range deletionPatterns {
			for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
				if conditional.MatchString(text[:m[0]]) || partOf.MatchString(text[:m[0]]) {
					continue
				}
				name := ""
				if m[4] >= 0 {
					name = text[m[4]:m[5]]
				}
				for _, ref := range oneRef.FindAllString(text[m[2]:m[3]], -1) {
					d := deletion{normalRef(ref), name}
					if d.ref != "" && !seen[d] {
						seen[d] = true
						out = append(out, d)
					}
				}
			}
		}
	}
	return out
}

// normalRef drops spaces and a trailing dot, and upper-cases Roman numerals,
// so "4.1 (b)" and "4.1(b)" name the same section.
func normalRef(ref string) string {
	ref = strings.Join(strings.Fields(ref), "")
	ref = strings.TrimSuffix(ref, ".")
	if ref != "" && ref[0] >= 'A' && ref[0] <= 'z' {
		ref = strings.ToUpper(ref)
	}
	return ref
}

// within reports whether section number num is ref or one of its parts:
// "4.1", "4.1(a)" and "4.1.2" are within "4.1"; "4.10" is not.
func within(num, ref string) bool {
	num = normalRef(num)
	if num == ref {
		return true
	}
	if !strings.HasPrefix(num, ref) {
		return false
	}
	next := num[len(ref)]
	return next == '.' || next == '('
}

// withoutSections returns doc without the sentences of the sections in refs
// (and their parts), and the refs it actually removed sentences for. doc is
// not changed; when nothing is removed it is returned as it is.
func withoutSections(doc *extract.Document, refs []string) (*extract.Document, []string) {
	if len(refs) == 0 {
		return doc, nil
	}
	hit := map[string]bool{}
	deleted := make([]bool, len(doc.Sections))
	any := false
	for i, sec := range doc.Sections {
		if sec.Number == "" {
			continue
		}
		for _, ref := range refs {
			if within(sec.Number, ref) {
				deleted[i] = true
				hit[ref] = true
				any = true
			}
		}
	}
	if !any {
		return doc, nil
	}
	out := *doc
	out.Sentences = make([]extract.Sentence, 0, len(doc.Sentences))
	for _, s := range doc.Sentences {
		if s.Section >= 0 && s.Section < len(deleted) && deleted[s.Section] {
			continue
		}
		out.Sentences = append(out.Sentences, s)
	}
	var removed []string
	for _, ref := range refs {
		if hit[ref] {
			removed = append(removed, ref)
		}
	}
	return &out, removed
}

// selfName finds the name a document gives itself: `(this "Agreement")`.
var selfName = regexp.MustCompile(`(?i)\(\s*this\s+["“]([^"”]{1,40})["”]\s*\)`)

// aliases are the names a document answers to, lower-cased: its title line,
// the title's initials ("baa" for BUSINESS ASSOCIATE AGREEMENT) and the names
// it gives itself near its start.
func aliases(doc *extract.Document) []string {
	head := doc.Text
	if len(head) > 3000 {
		head = head[:3000]
	}
	title, _, _ := strings.Cut(strings.TrimSpace(head), "\n")
	var out []string
	if words := strings.Fields(strings.ToLower(title)); len(words) > 0 && len(words) <= 12 {
		out = append(out, strings.Join(words, " "))
		var initials []byte
		for _, w := range words {
			if w != "and" && w != "of" && w != "to" && w != "the" {
				initials = append(initials, w[0])
			}
		}
		out = append(out, string(initials))
	}
	for _, m := range selfName.FindAllStringSubmatch(head, -1) {
		out = append(out, strings.ToLower(strings.Join(strings.Fields(m[1]), " ")))
	}
	return out
}

// targets lists the members before member j that deletion d applies to:
// the one member the named agreement is, when exactly one answers to the
// name, or else every member before j.
func targets(d deletion, j int, names [][]string) []int {
	var all, named []int
	want := strings.ToLower(strings.Join(strings.Fields(d.name), " "))
	for i := 0; i < j; i++ {
		if names[i] == nil {
			continue
		}
		all = append(all, i)
		for _, a := range names[i] {
			if want != "" && a == want {
				named = append(named, i)
				break
			}
		}
	}
	if len(named) == 1 {
		return named
	}
	return all
}
