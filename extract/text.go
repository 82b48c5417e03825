package extract

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decodeText turns the bytes of a text file into UTF-8: a UTF-8 byte order
// mark is dropped, UTF-16 with a byte order mark (or with the NUL pattern of
// ASCII text in UTF-16) is decoded, and invalid UTF-8 is read as
// Windows-1252. CRLF and lone CR become LF.
func decodeText(data []byte) (string, []string) {
	var warnings []string
	var s string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		s = string(data[3:])
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		d := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := d.Bytes(data)
		if err != nil {
			warnings = append(warnings, "utf-16 text with errors: "+err.Error())
		}
		s = string(out)
	case utf16Guess(data) != 0:
		end := unicode.LittleEndian
		if utf16Guess(data) == 2 {
			end = unicode.BigEndian
		}
		out, _ := unicode.UTF16(end, unicode.IgnoreBOM).NewDecoder().Bytes(data)
		s = string(out)
	case utf8.Valid(data):
		s = string(data)
	default:
		out, _ := charmap.Windows1252.NewDecoder().Bytes(data)
		s = string(out)
		warnings = append(warnings, "text is not valid UTF-8; read as Windows-1252")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return s, warnings
}

// utf16Guess returns 1 for UTF-16LE and 2 for UTF-16BE when data without a
// byte order mark has NULs in every other byte, as ASCII text in UTF-16 has.
func utf16Guess(data []byte) int {
	n := len(data)
	if n < 8 || n%2 != 0 {
		return 0
	}
	if n > 512 {
		n = 512
	}
	even, odd := 0, 0
	for i := 0; i+1 < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd > half*8/10 && even < half/10:
		return 1
	case even > half*8/10 && odd < half/10:
		return 2
	}
	return 0
}

var (
	reMDHeading  = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
	reMDBullet   = regexp.MustCompile(`^\s*[-*+•]\s+`)
	reMDOrdered  = regexp.MustCompile(`^\s*\d{1,3}[.)]\s+`)
	reMDRule     = regexp.MustCompile(`^\s*(?:[-*_]\s*){3,}$`)
	reMDTableSep = regexp.MustCompile(`^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$`)
	reMDStrong   = regexp.MustCompile(`\*\*([^*\n]+?)\*\*|__([^_\n]+?)__`)
	reMDEmph     = regexp.MustCompile(`(^|[\s(])_([^_\s][^_\n]*?)_([\s).,;:!?]|$)`)
	reMDLink     = regexp.MustCompile(`!?\[([^\]\n]*)\]\([^)\s]*\)`)
	reMDCode     = regexp.MustCompile("`([^`\n]+)`")
	reMDEscape   = regexp.MustCompile(`\\([\\.*_\[\]()#+\-!>|` + "`" + `])`)
	reHTMLCmt    = regexp.MustCompile(`(?s)<!--.*?-->`)
)

// readText splits a plain-text or Markdown file into blocks. Paragraphs are
// separated by blank lines; a form feed starts a new page; Markdown
// headings, list items, table rows and rules are recognised, and emphasis,
// links and escapes are reduced to their text.
func readText(ctx context.Context, data []byte) ([]Block, int, []string, error) {
	s, warnings := decodeText(data)
	s = reHTMLCmt.ReplaceAllString(s, "")
	s = stripFrontMatter(s)
	var blocks []Block
	page := 1
	var para []string
	bullet := false // para is a bulleted list item
	flush := func() {
		if len(para) > 0 {
			b := Block{Text: strings.Join(para, "\n"), Page: page}
			if bullet {
				b.Label = "-"
			}
			blocks = append(blocks, b)
		}
		para = para[:0]
		bullet = false
	}
	for n, line := range strings.Split(s, "\n") {
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, 0, nil, err
			}
		}
		for strings.Contains(line, "\f") {
			i := strings.IndexByte(line, '\f')
			if before := strings.TrimSpace(line[:i]); before != "" {
				para = append(para, mdInline(before))
			}
			flush()
			page++
			line = line[i+1:]
		}
		t := strings.TrimSpace(line)
		t = strings.TrimSpace(strings.TrimLeft(t, ">"))
		switch {
		case t == "":
			flush()
		case reMDRule.MatchString(t) && !strings.Contains(t, "_ _"):
			flush()
		case reMDTableSep.MatchString(t) && strings.Contains(t, "-"):
			flush()
		case reMDHeading.MatchString(t):
			flush()
			m := reMDHeading.FindStringSubmatch(t)
			blocks = append(blocks, Block{Text: mdInline(m[2]), Page: page, Heading: true, Level: len(m[1])})
		case strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") && len(t) > 1:
			flush()
			cells := strings.Split(strings.Trim(t, "|"), "|")
			for i := range cells {
				cells[i] = mdInline(strings.TrimSpace(cells[i]))
			}
			blocks = append(blocks, Block{Text: strings.Join(cells, " | "), Page: page})
		case reMDBullet.MatchString(line):
			flush()
			para = append(para, mdInline(reMDBullet.ReplaceAllString(line, "")))
			bullet = true
		case reMDOrdered.MatchString(line) && len(para) > 0 && !endsClause(para[len(para)-1]):
			// An ordered item inside a paragraph's sentence is a wrapped
			// line ("... in Section\n2.1 of ..."), not a new item.
			para = append(para, mdInline(t))
		case reMDOrdered.MatchString(line):
			flush()
			para = append(para, mdInline(t))
		default:
			para = append(para, mdInline(t))
		}
	}
	flush()
	return blocks, page, warnings, nil
}

// endsClause reports whether a line ends a sentence or a list lead-in.
func endsClause(line string) bool {
	t := strings.TrimSpace(line)
	return t == "" || strings.HasSuffix(t, ".") || strings.HasSuffix(t, ":") || strings.HasSuffix(t, ";")
}

// stripFrontMatter drops a YAML front-matter block at the start of s.
func stripFrontMatter(s string) string {
	if !strings.HasPrefix(s, "---\n") {
		return s
	}
	end := strings.Index(s[4:], "\n---\n")
	if end < 0 || end > 4096 {
		return s
	}
	head := s[4 : 4+end]
	if !strings.Contains(head, ":") {
		return s
	}
	return s[4+end+5:]
}

// mdInline reduces Markdown inline markup to its text: **bold** and
// __bold__, _emphasis_ at word boundaries, [links](url), `code` and
// backslash escapes. Single asterisks are left: they may be footnote marks.
func mdInline(s string) string {
	if !strings.ContainsAny(s, "*_[`\\") {
		return s
	}
	s = reMDStrong.ReplaceAllString(s, "$1$2")
	s = reMDEmph.ReplaceAllString(s, "$1$2$3")
	s = reMDLink.ReplaceAllString(s, "$1")
	s = reMDCode.ReplaceAllString(s, "$1")
	s = reMDEscape.ReplaceAllString(s, "$1")
	return s
}
