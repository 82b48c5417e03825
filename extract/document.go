package extract

import (
	"errors"
	"fmt"
	"time"
)

// Format names the kind of file a Document was read from.
type Format string

// The formats extract reads.
const (
	FormatPDF  Format = "pdf"
	FormatDOCX Format = "docx"
	FormatHTML Format = "html"
	FormatText Format = "text"
)

// Document is a contract's normalised text with its structure. Every offset
// (Start, End) is a byte offset into Text, which is exactly what
// `clausecheck extract` prints, so evidence quoted from it can be found again.
type Document struct {
	Path      string     `json:"path"`
	Format    Format     `json:"format"`
	SHA256    string     `json:"sha256"`
	Text      string     `json:"-"`
	Pages     []Page     `json:"pages"`
	Sections  []Section  `json:"sections"`
	Sentences []Sentence `json:"sentences"`
	Warnings  []string   `json:"warnings"`
}

// Page is the byte range of Text that came from one page (1-based Number).
// Formats without pages (DOCX, HTML, text) have a single page.
type Page struct {
	Number int `json:"number"`
	Start  int `json:"start"`
	End    int `json:"end"`
}

// Section is a numbered or titled part of the contract: "7.2 Subcontractors".
// Number is the heading number as the contract shows it ("7.2", "VII", "(a)"),
// empty when the heading has none.
type Section struct {
	Number string `json:"number"`
	Title  string `json:"title"`
	Level  int    `json:"level"`
	Page   int    `json:"page"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// Sentence is one sentence of Text, with the page it starts on and the index
// of the innermost Section holding it (-1 when it precedes every heading).
type Sentence struct {
	Start   int `json:"start"`
	End     int `json:"end"`
	Page    int `json:"page"`
	Section int `json:"section"`
}

// Block is what a format reader hands to the document builder: one paragraph,
// heading, list item or table row in reading order, with the page it is on.
// Readers do no normalisation or segmentation; the builder does both, the
// same way for every format.
type Block struct {
	Text    string
	Page    int
	Heading bool   // styled as a heading (DOCX/HTML heading styles)
	Level   int    // heading level when Heading (1 = top); 0 when unknown
	Label   string // automatic numbering rendered by the reader ("7.2", "(a)")
}

// UnreadableError reports a file in a known format whose text cannot be
// read: encrypted, scanned with no text layer. Such a document gets status
// "unreadable" and no findings.
type UnreadableError struct {
	Path   string
	Reason string
}

func (e *UnreadableError) Error() string { return fmt.Sprintf("%s: %s", e.Path, e.Reason) }

// IsUnreadable reports whether err (or an error it wraps) is an UnreadableError.
func IsUnreadable(err error) bool {
	var u *UnreadableError
	return errors.As(err, &u)
}

// Options bound the work done on one file.
type Options struct {
	// OCR reads pages with no text layer through tesseract when it is
	// installed ("auto" in the command line); false never runs it.
	OCR bool
	// Timeout is the per-file time limit; zero means no limit.
	Timeout time.Duration
	// MaxBytes caps decompressed data (zip entries, PDF streams); zero means
	// the default, DefaultMaxBytes.
	MaxBytes int64
}

// DefaultMaxBytes is the decompressed-data limit when Options.MaxBytes is 0.
const DefaultMaxBytes = 512 << 20
