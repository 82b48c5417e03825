package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// charFixes maps characters that look alike but match differently onto the
// plain form a rule author types. Meaning-bearing characters (en and em
// dashes, section signs, bullets, ellipses, superscripts) are left alone.
var charFixes = map[rune]string{
	'\uFB00': "ff", '\uFB01': "fi", '\uFB02': "fl", '\uFB03': "ffi", '\uFB04': "ffl",
	'\uFB05': "st", '\uFB06': "st",
	'\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
	'\u201C': "\"", '\u201D': "\"", '\u201E': "\"", '\u201F': "\"", '\u2033': "\"",
	'\u2010': "-", '\u2011': "-", '\u2012': "-", '\u2212': "-", '\uFE63': "-", '\uFF0D': "-",
	'\u00AD': "", // soft hyphen
	'\u200B': "", '\u200C': "", '\u200D': "", '\u2060': "", '\uFEFF': "",
	'\u00A0': " ", '\u1680': " ", '\u202F': " ", '\u205F': " ", '\u3000': " ",
	'\t': " ", '\v': " ", '\r': " ", '\f': " ",
}

// normalizeChars applies charFixes, maps the Unicode spaces and fullwidth
// ASCII forms to ASCII, drops other control characters and composes accents
// (NFC). Newlines are kept: the builder decides what a line break means.
func normalizeChars(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r == utf8.RuneError {
			continue
		}
		if rep, ok := charFixes[r]; ok {
			b.WriteString(rep)
			continue
		}
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r >= '\u2000' && r <= '\u200A':
			b.WriteByte(' ')
		case r >= '\uFF01' && r <= '\uFF5E':
			b.WriteRune(r - 0xFF01 + '!')
		case unicode.IsControl(r), unicode.Is(unicode.Co, r):
			// Private-use glyphs come from symbol fonts; they carry no text.
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	if !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	return out
}

// joinPrefixes are word beginnings that keep their hyphen when a line break
// follows it: "third-\nparty" is "third-party", not "thirdparty".
var joinPrefixes = map[string]bool{
	"non": true, "third": true, "sub": true, "self": true, "co": true, "pre": true,
	"post": true, "anti": true, "multi": true, "cross": true, "well": true,
	"long": true, "short": true, "full": true, "part": true, "high": true,
	"low": true, "out": true, "semi": true, "inter": true, "intra": true,
	"ex": true, "e": true, "all": true, "off": true, "on": true, "in": true,
	"quasi": true, "counter": true, "follow": true, "first": true, "second": true,
	"one": true, "two": true, "three": true, "four": true, "five": true,
	"business": true, "end": true, "de": true, "re": false,
}

// joinLines turns the lines of one block into a single line. A line ending
// in a hyphen is joined to the next without a space when the next line
// starts with a lower-case letter (a word broken across lines, "indem-" +
// "nification"), unless the part before the hyphen is a compound prefix
// ("third-", "non-", "sub-") or itself hyphenated ("state-of-the-"), in which
// case the hyphen stays and no space is added. Every other line break
// becomes one space.
func joinLines(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	var b strings.Builder
	b.Grow(len(s))
	for i, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if b.Len() == 0 {
			b.WriteString(line)
			continue
		}
		prev := b.String()
		if strings.HasSuffix(prev, "-") && len(prev) >= 2 && isLetterByte(prev[len(prev)-2]) {
			r, _ := utf8.DecodeRuneInString(line)
			if unicode.IsLower(r) {
				word := lastWord(prev[:len(prev)-1])
				if joinPrefixes[strings.ToLower(word)] || strings.Contains(word, "-") {
					b.WriteString(line)
				} else {
					cut := prev[:len(prev)-1]
					b.Reset()
					b.WriteString(cut)
					b.WriteString(line)
				}
				continue
			}
		}
		_ = i
		b.WriteByte(' ')
		b.WriteString(line)
	}
	return b.String()
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }

// lastWord returns the run of non-space characters at the end of s.
func lastWord(s string) string {
	i := strings.LastIndexAny(s, " \t(\"'")
	return s[i+1:]
}

// collapseSpaces replaces runs of spaces with one and trims the ends.
func collapseSpaces(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Normalize applies the normalisation every reader's text goes through, to
// one paragraph: character fixes, line joining with dehyphenation, and
// space collapsing. The result has no newline.
func Normalize(s string) string {
	return collapseSpaces(joinLines(normalizeChars(s)))
}
