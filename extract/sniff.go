package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// cfbMagic opens an OLE compound file: legacy Office files, and the
// container an encrypted DOCX is stored in.
var cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// binaryMagic names common non-contract formats, for a clear error.
var binaryMagic = []struct {
	magic string
	name  string
}{
	{"\x89PNG\r\n\x1a\n", "png image"},
	{"\xff\xd8\xff", "jpeg image"},
	{"GIF87a", "gif image"},
	{"GIF89a", "gif image"},
	{"II*\x00", "tiff image"},
	{"MM\x00*", "tiff image"},
	{"\x1f\x8b", "gzip archive"},
	{"BZh", "bzip2 archive"},
	{"\xfd7zXZ\x00", "xz archive"},
	{"7z\xbc\xaf\x27\x1c", "7z archive"},
	{"Rar!\x1a\x07", "rar archive"},
	{"\x7fELF", "executable"},
	{"MZ", "executable"},
	{"{\\rtf", "rtf document"},
	{"RIFF", "riff media"},
	{"OggS", "ogg media"},
	{"ID3", "mp3 audio"},
	{"\x00\x00\x00\x18ftyp", "mp4 video"},
	{"\x00\x00\x00\x20ftyp", "mp4 video"},
}

// Sniff returns the format of data by content (magic bytes, structure),
// falling back to the extension of name only for text that could be either
// HTML or plain text. Data that is no contract format gives an error
// "unsupported format (...)".
func Sniff(name string, data []byte) (Format, error) {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	if bytes.Contains(head, []byte("%PDF-")) {
		return FormatPDF, nil
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")) {
		return sniffZip(name, data)
	}
	if bytes.HasPrefix(data, cfbMagic) {
		if isEncryptedOOXML(data) {
			return FormatDOCX, nil
		}
		return "", errors.New("unsupported format (legacy Office compound file such as .doc; save it as .docx or PDF)")
	}
	for _, m := range binaryMagic {
		if m.name != "" && bytes.HasPrefix(data, []byte(m.magic)) {
			return "", fmt.Errorf("unsupported format (%s)", m.name)
		}
	}
	ext := strings.ToLower(filepath.Ext(name))
	if len(data) == 0 {
		switch ext {
		case ".pdf":
			return FormatPDF, nil
		case ".docx":
			return FormatDOCX, nil
		case ".html", ".htm", ".xhtml":
			return FormatHTML, nil
		}
		return FormatText, nil
	}
	if !looksText(data) {
		return "", errors.New("unsupported format (binary data)")
	}
	if looksHTML(data) {
		return FormatHTML, nil
	}
	switch ext {
	case ".html", ".htm", ".xhtml":
		return FormatHTML, nil
	}
	return FormatText, nil
}

// sniffZip tells a DOCX from other zip archives.
func sniffZip(name string, data []byte) (Format, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if strings.EqualFold(filepath.Ext(name), ".docx") {
			// Let the reader report the corruption.
			return FormatDOCX, nil
		}
		return "", fmt.Errorf("unsupported format (corrupt zip archive: %v)", err)
	}
	docx := false
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			return FormatDOCX, nil
		case "[Content_Types].xml":
			docx = true
		}
	}
	if docx {
		for _, f := range zr.File {
			if strings.HasPrefix(f.Name, "word/") {
				return FormatDOCX, nil
			}
		}
		for _, f := range zr.File {
			switch {
			case strings.HasPrefix(f.Name, "xl/"):
				return "", errors.New("unsupported format (xlsx spreadsheet)")
			case strings.HasPrefix(f.Name, "ppt/"):
				return "", errors.New("unsupported format (pptx presentation)")
			}
		}
	}
	for _, f := range zr.File {
		if f.Name == "mimetype" {
			return "", errors.New("unsupported format (OpenDocument or EPUB archive; save it as .docx or PDF)")
		}
	}
	return "", errors.New("unsupported format (zip archive that is not a docx)")
}

// isEncryptedOOXML reports whether a compound file holds an encrypted
// Office Open XML package: the stream name "EncryptedPackage" in UTF-16.
func isEncryptedOOXML(data []byte) bool {
	var name []byte
	for _, c := range "EncryptedPackage" {
		name = append(name, byte(c), 0)
	}
	return bytes.Contains(data, name)
}

// looksText reports whether data is text in some encoding: no NUL bytes
// outside UTF-16 and few control characters.
func looksText(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || utf16Guess(data) != 0 {
		return true
	}
	sample := data
	if len(sample) > 8192 {
		sample = sample[:8192]
	}
	bad := 0
	for _, c := range sample {
		switch {
		case c == 0:
			return false
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b:
			bad++
		}
	}
	if bad*100 > len(sample) {
		return false
	}
	// Invalid UTF-8 may be Windows-1252; random bytes are mostly high bytes
	// that form no UTF-8 and rarely letters.
	if !utf8.Valid(sample) {
		high := 0
		for _, c := range sample {
			if c >= 0x80 {
				high++
			}
		}
		return high*4 < len(sample)
	}
	return true
}

// looksHTML reports whether text data starts like an HTML document.
func looksHTML(data []byte) bool {
	s, _ := decodeText(head(data, 2048))
	t := strings.ToLower(strings.TrimSpace(s))
	for strings.HasPrefix(t, "<?xml") || strings.HasPrefix(t, "<!--") {
		end := strings.Index(t, ">")
		if end < 0 {
			return false
		}
		t = strings.TrimSpace(t[end+1:])
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	if strings.HasPrefix(t, "<") {
		for _, tag := range []string{"<p>", "<p ", "<div", "<h1", "<h2", "<table", "<br"} {
			if strings.Contains(t, tag) {
				return true
			}
		}
	}
	return false
}

func head(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}
