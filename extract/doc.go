// Package extract turns a contract file into a Document: its normalised
// text, pages, sections and sentences, with byte offsets that evidence
// quotes point into.
//
// # Formats
//
// Read sniffs the format from the content, not the name: "%PDF-" in the
// first kilobyte is a PDF, a zip with word/document.xml a DOCX (so a DOCX
// renamed .bin works), an OLE compound file holding an EncryptedPackage an
// encrypted DOCX, text starting like HTML is HTML, and other text is plain
// text or Markdown. The extension only decides between HTML and text for
// ambiguous text. Images, archives, legacy .doc files and binary data get
// the error "unsupported format (...)".
//
// Each reader hands the builder Blocks in reading order:
//
//   - DOCX: the main document part, streamed with encoding/xml. Tables give
//     one block per row, non-empty cells joined by " | "; a row with one
//     non-empty cell (a layout table) keeps its paragraphs as blocks. Text
//     boxes are read once (mc:Fallback copies are skipped). Inserted text
//     (w:ins, w:moveTo) counts; deleted (w:del, w:delText) and moved-away
//     (w:moveFrom) text, field codes, hidden runs and comments do not.
//     Headers and footers are left out. Footnotes and endnotes follow the
//     body in the order they are referenced, labelled "[1]", "[2]" (endnotes
//     "[i]", "[ii]"). Automatic numbering from numbering.xml (levels,
//     lvlText, numFmt, start and startOverride, lower levels restarting,
//     counters per numId, numbering inherited from paragraph styles) is
//     rendered into Block.Label, so "7.2" appears in Text as in Word.
//     Heading styles (Title, heading 1-9, outline levels) mark headings.
//   - HTML: visible text only (no head, script, style, template, noscript,
//     hidden elements); block elements are blocks, h1-h6 headings, table
//     rows one block each, <br> a line break, items of <ol> numbered.
//   - Text and Markdown: paragraphs split on blank lines, lines starting a
//     list item or a numbered clause after a line that ends a clause, and
//     form feeds, which also start a new page. Markdown headings, lists
//     (bullets shown as "- "), tables, links, **strong**, __strong__ and _emphasis_ at word
//     boundaries are reduced to text; single asterisks stay (footnote
//     marks). UTF-8 with or without BOM, UTF-16 with a BOM (or the NUL
//     pattern of UTF-16 ASCII) and, for invalid UTF-8, Windows-1252 are
//     read; CRLF becomes LF.
//   - PDF: readPDF, one block per paragraph with its page.
//
// Every reader runs under Options.Timeout and Options.MaxBytes (the
// decompressed-size budget; DOCX entries are refused when their declared
// size exceeds what is left and cut off when they inflate past it), and a
// panic in a reader becomes an error "<format> reader crashed: ...".
// Errors name the file: "extract acme.pdf: ...". A file in a known format
// with no readable text gives an *UnreadableError ("encrypted: a password
// is needed to open it", "no text").
//
// Before layout, for formats other than PDF, short blocks without closing
// punctuation that repeat at least three times (running headers and
// footers) are dropped; the PDF reader removes furniture by its place on
// the page instead, so repeated lines inside a page (signature blocks on
// several signature pages) stay. For text and PDF, a block that stops
// mid-sentence is joined with the next block on its page when that one
// starts in lower case (a paragraph cut by a column break or a dropped
// footer), and a word hyphenated across a page or column break, "arti-" +
// "cles", is mended by moving the next block's first word back, with the
// same rule as within a block.
//
// # Text layout
//
// Document.Text is the blocks, each on one line, separated by a blank line
// ("\n\n"); it is exactly what `clausecheck extract` prints. The lines of a
// block are joined with single spaces, so a PDF line break never cuts a
// sentence, and no sentence or heading ever spans a blank line. A numbering
// label comes first in its block, followed by a space: "7.2 Subcontractors.
// Business Associate shall ...". All offsets (Page, Section, Sentence Start
// and End) are byte offsets into Text; Start is inclusive, End exclusive.
// Pages cover the text of their blocks (an empty page is an empty range);
// formats without pages have one page.
//
// # Normalisation
//
// One function, Normalize, treats every block the same way:
//
//   - ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) become letters, fullwidth ASCII becomes
//     ASCII, and text is composed to NFC; other compatibility forms
//     (superscripts, fractions) are kept, since NFKC would fuse footnote
//     marks into words;
//   - curly quotes and primes become ' and "; hyphen-like characters
//     (U+2010, U+2011, U+2012, U+2212) become "-"; en and em dashes are
//     kept, because "-" would join the words around a dash;
//   - non-breaking and other Unicode spaces and tabs become a space; soft
//     hyphens, zero-width characters, the BOM, control and private-use
//     characters are removed; runs of spaces collapse to one;
//   - a word broken across lines, "indem-" + "nification", is joined when
//     the next line starts with a lower-case letter, unless the part before
//     the hyphen is a compound prefix (non, third, sub, self, co, pre,
//     post, multi, cross, ...) or already hyphenated ("state-of-the-"), in
//     which case the hyphen stays: "third-party", "sub-contractor". Without
//     a dictionary this is a heuristic; it errs toward keeping real
//     compounds.
//
// # Sections
//
// A heading is a styled heading (DOCX, HTML, Markdown "#"), a block that
// starts with a heading number ("7.2", "7.2.1", "7.", "Section 4.",
// "SECTION 4", "Article VII", "ARTICLE 7", "Exhibit A") followed by a title
// or a clause, an ALL CAPS short line, or a short Title Case line without
// closing punctuation. "7.2 Subcontractors. Business Associate shall ..."
// in one paragraph is section "7.2", title "Subcontractors", with the
// paragraph as its content; "Section 4 of the Agreement ..." is a
// reference, not a heading. Level is the number's depth (7 → 1, 7.2 → 2)
// or the style's level. Blocks starting with an enumerator ("(a)", "(iv)",
// "a.") are subsections one level below the heading or subclause they
// belong to, numbered as cited: "7.2(a)", "7.2(a)(iv)"; "(i)" after "(h)"
// is a letter, after "(a)" a roman numeral. A section runs to the next
// heading of the same or a higher level.
//
// # Sentences
//
// Sentences end at ".", "?" or "!" (with any closing quote or bracket)
// followed by a space and a capital, digit, quote or bracket, and at every
// block boundary. A period does not end a sentence after an abbreviation
// (Sec., Inc., Corp., Ltd., Co., No., v., Mr., Dr., St., Art., para., et
// seq., ...), initials and dotted abbreviations (U.S., U.S.C., L.L.C.,
// e.g., i.e., J. Smith), or an enumerator or clause number at the start of
// a sentence ("1. Definitions", "7.2. Use"); decimals and clause numbers
// ("$5.5", "7.2") have no space after their period. Inline lists are split
// before each enumerator that follows ":" or ";" ("shall not: (a) ...;
// (b) ..."), so every item is a sentence and the lead-in ending with ":"
// is one too; Document.LeadIn finds it for an item. Sentences over 120
// words are cut after semicolons, and pieces still over 240 words after
// commas. Each sentence has its page and the index of its innermost
// section (-1 before the first heading).
package extract
