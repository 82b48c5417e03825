package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// paraSep separates blocks in Document.Text. Sentences and headings never
// cross it.
const paraSep = "\n\n"

// span is one normalised block placed in Text.
type span struct {
	start, end int
	page       int
	heading    bool
	level      int
}

// build lays the blocks out into Text and segments it into pages, sections
// and sentences. pages is the page count the reader saw (at least the
// highest block page).
func build(doc *Document, blocks []Block, pages int) {
	if doc.Format != FormatPDF {
		// The PDF reader removes running headers and footers by their
		// place on the page; repeated blocks inside a PDF page are text
		// (signature lines on several signature pages).
		blocks = dropFurniture(blocks)
	}
	if doc.Format == FormatText || doc.Format == FormatPDF {
		// Only these formats cut paragraphs at page breaks.
		blocks = joinBrokenWords(mergeBlocks(blocks))
	}
	var b strings.Builder
	var spans []span
	page := 1
	for _, blk := range blocks {
		if blk.Page > page {
			page = blk.Page
		}
		raw := blk.Text
		if blk.Label != "" {
			raw = blk.Label + " " + raw
		}
		for _, part := range splitBlock(raw) {
			text := Normalize(part)
			if text == "" {
				continue
			}
			if b.Len() > 0 {
				b.WriteString(paraSep)
			}
			start := b.Len()
			b.WriteString(text)
			spans = append(spans, span{start: start, end: b.Len(), page: page, heading: blk.Heading, level: blk.Level})
			// Only the block's first part carries its heading style.
			blk.Heading = false
		}
	}
	doc.Text = b.String()
	if pages < page {
		pages = page
	}
	if pages < 1 {
		pages = 1
	}
	doc.Pages = layoutPages(spans, pages, len(doc.Text))
	doc.Sections = findSections(doc.Text, spans)
	doc.Sentences = findSentences(doc.Text, spans, doc.Sections)
}

// layoutPages gives each page the byte range of its blocks. A page with no
// text gets an empty range where it would have been.
func layoutPages(spans []span, n, textLen int) []Page {
	ps := make([]Page, n)
	for i := range ps {
		ps[i] = Page{Number: i + 1, Start: -1, End: -1}
	}
	for _, s := range spans {
		p := &ps[s.page-1]
		if p.Start < 0 {
			p.Start = s.start
		}
		p.End = s.end
	}
	// Empty pages sit just after the previous page's text.
	pos := 0
	for i := range ps {
		if ps[i].Start < 0 {
			ps[i].Start, ps[i].End = pos, pos
			continue
		}
		pos = ps[i].End
	}
	_ = textLen
	return ps
}

// findSentences splits every block into sentences and gives each its page
// and innermost section.
func findSentences(text string, spans []span, secs []Section) []Sentence {
	var out []Sentence
	si := -1 // last section starting at or before the sentence
	for _, sp := range spans {
		for _, r := range splitSentences(text[sp.start:sp.end]) {
			start, end := sp.start+r[0], sp.start+r[1]
			for si+1 < len(secs) && secs[si+1].Start <= start {
				si++
			}
			sec := -1
			for j := si; j >= 0; j-- {
				if secs[j].End > start {
					sec = j
					break
				}
			}
			out = append(out, Sentence{Start: start, End: end, Page: sp.page, Section: sec})
		}
	}
	return out
}

// rePageNumber is a paragraph that is only a page number: "12", "- 12 -",
// "Page 12", "Page 12 of 30".
var rePageNumber = regexp.MustCompile(`^(?i:page\s+)?-?\s*\d{1,4}\s*-?(?:\s+of\s+\d{1,4})?$`)

// dropFurniture removes running headers and footers: short blocks without
// closing punctuation that repeat, identical, at least three times
// ("Source: ACME INC, 10-Q", "Confidential"), and page numbers standing
// alone, when there are at least two, since one between two list items
// keeps the later items from their lead-in.
func dropFurniture(blocks []Block) []Block {
	count := map[string]int{}
	key := func(b Block) string { return strings.Join(strings.Fields(b.Text), " ") }
	for _, b := range blocks {
		if !b.Heading && b.Label == "" {
			count[key(b)]++
		}
	}
	pageNumbers := 0
	for _, b := range blocks {
		if rePageNumber.MatchString(key(b)) {
			pageNumbers++
		}
	}
	out := blocks[:0:0]
	for _, b := range blocks {
		k := key(b)
		if pageNumbers >= 2 && rePageNumber.MatchString(k) {
			continue
		}
		if count[k] >= 3 && len(strings.Fields(k)) <= 12 && !strings.ContainsAny(k[len(k)-1:], ".;:!?") && !reMarker.MatchString(k) {
			continue
		}
		out = append(out, b)
	}
	return out
}

// mergeBlocks joins a block that stops mid-sentence with the next one, on
// the same page or the next, when that one starts in lower case: a
// paragraph that a page break or a dropped footer cut in two. A sentence
// cut at a page break could match no rule. The joined block keeps its
// first page, so a quote that runs over a page break is cited by the page
// it starts on.
func mergeBlocks(blocks []Block) []Block {
	var out []Block
	for _, b := range blocks {
		if n := len(out); n > 0 && b.Label == "" && !b.Heading && !out[n-1].Heading && (b.Page == out[n-1].Page || b.Page == out[n-1].Page+1) {
			prev := strings.TrimSpace(out[n-1].Text)
			next := strings.TrimSpace(b.Text)
			r, _ := utf8.DecodeRuneInString(next)
			if prev != "" && unicode.IsLower(r) && !strings.ContainsAny(prev[len(prev)-1:], ".;:!?|") && !strings.Contains(prev, " | ") && !strings.Contains(next, " | ") {
				out[n-1].Text = prev + "\n" + next
				continue
			}
		}
		out = append(out, b)
	}
	return out
}

// joinBrokenWords mends a word hyphenated across a page or column break
// that the blocks still split: when a block ends in "arti-" and the next
// starts in lower case, the next block's first word moves to the end of
// the block, "articles", by the rule joinLines applies within a block
// (the hyphen stays after a compound prefix: "third-party").
func joinBrokenWords(blocks []Block) []Block {
	out := blocks[:0:0]
	for _, b := range blocks {
		n := len(out)
		if n == 0 || b.Label != "" || b.Heading || out[n-1].Heading {
			out = append(out, b)
			continue
		}
		prev := strings.TrimRight(out[n-1].Text, " \t\r\n")
		next := strings.TrimLeft(b.Text, " \t\r\n")
		hy := ""
		for _, h := range []string{"-", "\u2010", "\u00AD"} {
			if strings.HasSuffix(prev, h) {
				hy = h
				break
			}
		}
		r, _ := utf8.DecodeRuneInString(next)
		if hy == "" || !unicode.IsLower(r) {
			out = append(out, b)
			continue
		}
		stem := prev[:len(prev)-len(hy)]
		last, _ := utf8.DecodeLastRuneInString(stem)
		if !unicode.IsLetter(last) {
			out = append(out, b)
			continue
		}
		word := lastWord(stem)
		if (joinPrefixes[strings.ToLower(word)] || strings.Contains(word, "-")) && hy != "\u00AD" {
			stem = prev
		}
		cut := strings.IndexAny(next, " \t\r\n")
		if cut < 0 {
			cut = len(next)
		}
		out[n-1].Text = stem + next[:cut]
		b.Text = strings.TrimLeft(next[cut:], " \t\r\n")
		if strings.TrimSpace(b.Text) != "" {
			out = append(out, b)
		}
	}
	return out
}
