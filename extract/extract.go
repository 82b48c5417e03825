package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode"
)

// File reads and normalises the contract at path.
func File(ctx context.Context, path string, opt Options) (*Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", path, err)
	}
	return Read(ctx, path, data, opt)
}

// Read does the same as File for data already in memory; name is used for
// sniffing fallbacks and in errors ("-" for standard input).
//
// The reader runs under opt.Timeout and recovers from panics. When the time
// limit passes Read returns at once with an error; a reader stuck outside
// its context checks finishes in the background and its result is dropped.
func Read(ctx context.Context, name string, data []byte, opt Options) (*Document, error) {
	sum := sha256.Sum256(data)
	doc := &Document{Path: name, SHA256: hex.EncodeToString(sum[:])}
	format, err := Sniff(name, data)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", name, err)
	}
	doc.Format = format
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opt.Timeout)
		defer cancel()
	}

	type result struct {
		blocks   []Block
		pages    int
		warnings []string
		err      error
	}
	done := make(chan result, 1)
	read := readFormatFn
	go func() {
		var r result
		defer func() {
			if v := recover(); v != nil {
				r = result{err: fmt.Errorf("%s reader crashed: %v", format, v)}
			}
			done <- r
		}()
		r.blocks, r.pages, r.warnings, r.err = read(ctx, name, data, format, opt)
		if r.err == nil {
			// Segmentation runs under the same guard as the reader.
			build(doc, r.blocks, r.pages)
		}
	}()
	var r result
	select {
	case r = <-done:
	case <-ctx.Done():
		r.err = ctx.Err()
	}
	if r.err != nil {
		return nil, wrapErr(name, r.err, opt)
	}
	// Never nil, so JSON shows "warnings": [].
	doc.Warnings = append([]string{}, r.warnings...)
	if len(doc.Sentences) == 0 {
		return nil, fmt.Errorf("extract %w", &UnreadableError{Path: name, Reason: "no text"})
	}
	return doc, nil
}

// readFormatFn is the reader dispatch; tests replace it to check the
// panic and time-limit guards.
var readFormatFn = readFormat

// readFormat runs the reader for format.
func readFormat(ctx context.Context, name string, data []byte, format Format, opt Options) ([]Block, int, []string, error) {
	switch format {
	case FormatPDF:
		return readPDF(ctx, name, data, opt)
	case FormatDOCX:
		return readDOCX(ctx, data, opt)
	case FormatHTML:
		return readHTML(ctx, data, opt)
	default:
		return readText(ctx, data)
	}
}

// wrapErr names the file in a reader's error. An UnreadableError keeps its
// type and gets the file's name as Path.
func wrapErr(name string, err error, opt Options) error {
	var u *UnreadableError
	if errors.As(err, &u) {
		if u.Path == "" {
			u.Path = name
		}
		return fmt.Errorf("extract %w", u)
	}
	if errors.Is(err, context.DeadlineExceeded) && opt.Timeout > 0 {
		return fmt.Errorf("extract %s: time limit of %s exceeded: %w", name, opt.Timeout, err)
	}
	return fmt.Errorf("extract %s: %w", name, err)
}

// SentenceText returns the text of sentence i, or "" when there is none.
func (d *Document) SentenceText(i int) string {
	if i < 0 || i >= len(d.Sentences) {
		return ""
	}
	s := d.Sentences[i]
	return d.Text[s.Start:s.End]
}

// PageAt returns the 1-based page holding byte offset of Text, or 0 when
// offset is outside Text. An offset in the separator after a page's text
// belongs to that page.
func (d *Document) PageAt(offset int) int {
	if offset < 0 || offset > len(d.Text) {
		return 0
	}
	n := 0
	for _, p := range d.Pages {
		if p.Start > offset {
			break
		}
		if p.End > p.Start || p.Start == offset {
			n = p.Number
		}
	}
	if n == 0 && len(d.Pages) > 0 {
		n = d.Pages[0].Number
	}
	return n
}

// SectionAt returns the innermost section holding byte offset of Text, or
// nil when the offset precedes every heading.
func (d *Document) SectionAt(offset int) *Section {
	for i := len(d.Sections) - 1; i >= 0; i-- {
		s := &d.Sections[i]
		if s.Start <= offset && offset < s.End {
			return s
		}
	}
	return nil
}

// LeadIn returns the lead-in of list item sentence i: the nearest earlier
// sentence ending with ":" that the item belongs to ("Business Associate
// shall not:" for "(a) use PHI outside the United States;"), or "" when
// sentence i is not a list item. Negations and scopes often sit only there.
func (d *Document) LeadIn(i int) string {
	if i <= 0 || i >= len(d.Sentences) || !isListItem(d.SentenceText(i)) {
		return ""
	}
	for j := i - 1; j >= 0 && i-j <= 30; j-- {
		t := d.SentenceText(j)
		if len(t) > 0 && t[len(t)-1] == ':' {
			return t
		}
		if !isListItem(t) {
			return ""
		}
	}
	return ""
}

// isListItem reports whether a sentence starts with an enumerator or bullet.
func isListItem(s string) bool {
	if _, _, ok := parseEnum(s); ok {
		return true
	}
	if m := reNumber.FindStringSubmatch(s); m != nil {
		// "3. the Services" is an item; so is "7.1.2 employ any employee",
		// whose lower-case start says it continues a lead-in rather than
		// heading a clause of its own ("7.2 Subcontractors.").
		rest := s[len(m[0]):]
		if m[2] == "." || (rest != "" && unicode.IsLower(rune(rest[0]))) {
			return true
		}
	}
	for _, bullet := range listBullets {
		if rest, ok := strings.CutPrefix(s, bullet); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
			return true
		}
	}
	return false
}

// listBullets start a bulleted list item: typed ("- ", "* ") or drawn by a
// word processor and read back from a PDF ("• ").
var listBullets = []string{"-", "*", "•", "◦", "▪", "‣", "●", "○", "■", "–"}
