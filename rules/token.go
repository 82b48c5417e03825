package rules

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Separator flags: what punctuation stood between a token and the one before.
const (
	sepComma  = 1 << iota
	sepClause // ; or :
	sepParen  // ( or )
)

// token is one word of a sentence, normalised: lower case, hyphens and
// apostrophes inside the word removed ("sub-contractor" → "subcontractor"),
// a possessive "'s" dropped, initialisms kept with their inner dots
// ("U.S.", "U. S." → "u.s", distinct from the pronoun "us"); "%" is the
// word "percent".
type token struct {
	word       string
	start, end int // byte offsets
	sep        uint8
	poss       bool
	kw         uint8 // keyword flags
}

// stok is a token as the scan keeps it: the word by its identifier in the
// docState's word table, so that the document's token buffer holds no
// pointers. The sentence analysis reads tokens, made from these.
type stok struct {
	id         uint32 // index into docState.dict
	start, end int32  // byte offsets
	sep        uint8
	poss       bool
	kw         uint8 // keyword flags
	info       bool  // the word means something to the index in this document
}

var percentWord = []byte("percent")

// scanner splits text into tokens without allocating per token: emit gets
// the normalised word in a buffer it must not keep.
type scanner struct {
	buf []byte
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isDigitAt(s string, i int) bool { return i < len(s) && '0' <= s[i] && s[i] <= '9' }

func isWordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if s[i] < utf8.RuneSelf {
		c := s[i]
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// scan calls emit for every token of s; offsets are relative to s.
func (sc *scanner) scan(s string, emit func(word []byte, start, end int, sep uint8, poss bool)) {
	for i := 0; ; {
		w, start, end, sep, poss, next := sc.next(s, i)
		if w == nil {
			return
		}
		emit(w, start, end, sep, poss)
		i = next
	}
}

// Byte classes for the scanner's fast path.
const (
	byteOther = iota // ASCII, neither a word byte nor one that may continue a word
	byteWord         // ASCII letter or digit
	byteJoin         // may continue a word under conditions: - . , '
	byteHigh         // starts a multi-byte rune
)

// byteClass classifies every byte; lowerByte maps an ASCII letter or
// digit to its lower case and every other byte to 0.
var byteClass, lowerByte = func() (cl [256]uint8, lo [256]byte) {
	for c := 0; c < 256; c++ {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			cl[c], lo[c] = byteWord, byte(c)
		case 'A' <= c && c <= 'Z':
			cl[c], lo[c] = byteWord, byte(c+'a'-'A')
		case c == '-', c == '.', c == ',', c == '\'':
			cl[c] = byteJoin
		case c >= utf8.RuneSelf:
			cl[c] = byteHigh
		}
	}
	return cl, lo
}()

// alnumRun returns how many of the eight bytes of x, first byte lowest,
// are ASCII letters or digits before the first that is not. Letters and
// digits all have the bit 0x20 set once lower-cased, so x|0x20 in each
// byte is the run lower-cased.
func alnumRun(x uint64) int {
	const ones, highs, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	v := x & lows // each byte's low seven bits: no sum below carries out of its byte
	l := v | 0x20*ones
	letter := (l + (0x80-'a')*ones) &^ (l + (0x7f-'z')*ones)
	digit := (v + (0x80-'0')*ones) &^ (v + (0x7f-'9')*ones)
	alnum := (letter | digit) &^ x & highs
	return bits.TrailingZeros64(^alnum&highs) / 8
}

// next reads the token of s that starts at or after i. It returns its
// normalised word in a buffer valid until the next call (nil when s has
// no more tokens), its offsets, the separators before it, whether a
// possessive "'s" was dropped, and where to read the next token from.
func (sc *scanner) next(s string, i int) (word []byte, start, end int, sep uint8, poss bool, next int) {
	if cap(sc.buf) < 64 {
		sc.buf = make([]byte, 0, 64)
	}
	for i < len(s) {
		c := s[i]
		if c == ' ' {
			i++
			continue
		}
		switch byteClass[c] {
		case byteWord:
			// The common case: a word of ASCII letters and digits, ended by
			// a byte that cannot continue it.
			buf := sc.buf[:0]
			j := i
			tail := true
			for j+8 <= len(s) {
				// Eight bytes at a time: the run of letters and digits
				// they start with, lower-cased at once.
				x := load64(s[j : j+8])
				n := alnumRun(x)
				buf = slices.Grow(buf, 8)
				binary.LittleEndian.PutUint64(buf[len(buf):len(buf)+8], x|0x2020202020202020)
				buf = buf[:len(buf)+n]
				j += n
				if n < 8 {
					tail = false
					break
				}
			}
			for tail && j < len(s) {
				l := lowerByte[s[j]]
				if l == 0 {
					break
				}
				buf = append(buf, l)
				j++
			}
			sc.buf = buf
			if j == len(s) || byteClass[s[j]] == byteOther {
				return buf, i, j, sep, false, j
			}
			next, end, poss = sc.word(s, i)
			return sc.buf, i, end, sep, poss, next
		case byteHigh:
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				i += n
				continue
			}
			next, end, poss = sc.word(s, i)
			return sc.buf, i, end, sep, poss, next
		}
		// Separators.
		switch c {
		case ',':
			sep |= sepComma
		case ';', ':':
			sep |= sepClause
		case '(', ')':
			sep |= sepParen
		case '%':
			// "%" reads as the word "percent", so a term may use either.
			return percentWord, i, i + 1, sep, false, i + 1
		}
		i++
	}
	return nil, 0, 0, 0, false, i
}

// word reads the word starting at i, whose first rune is a word rune, into
// sc.buf, and returns where the scan goes on, the word's end and whether a
// possessive "'s" was dropped.
func (sc *scanner) word(s string, i int) (next, end int, poss bool) {
	start := i
	sc.buf = sc.buf[:0]
	end = i
word:
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				sc.buf = append(sc.buf, c)
				i++
				end = i
				continue
			case 'A' <= c && c <= 'Z':
				sc.buf = append(sc.buf, c+'a'-'A')
				i++
				end = i
				continue
			case c == '-' && isWordAt(s, i+1) && len(sc.buf) > 0:
				i++
				continue
			case (c == '.' || c == ',') && isDigitAt(s, i+1) && isDigitAt(s, i-1):
				sc.buf = append(sc.buf, c)
				i++
				continue
			case c == '\'' && isLetterAt(s, i+1):
				if (s[i+1] == 's' || s[i+1] == 'S') && !isWordAt(s, i+2) {
					poss = true
					i += 2
					break word
				}
				i++
				continue
			case c == '.' && len(sc.buf) == 1 && end-start == 1 && isLetterAt(s, start) && initialism(s, i):
				// "U.S.", "U. S.": keep the dots; single letters only.
				for i < len(s) && s[i] == '.' {
					j := i + 1
					if j < len(s) && s[j] == ' ' {
						j++
					}
					if !isLetterAt(s, j) || s[j] >= utf8.RuneSelf || isWordAt(s, j+1) {
						break
					}
					sc.buf = append(sc.buf, '.', lowerASCII(s[j]))
					i = j + 1
					end = i
				}
				if i < len(s) && s[i] == '.' {
					i++
				}
				break word
			}
			break word
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			sc.buf = utf8.AppendRune(sc.buf, unicode.ToLower(r))
			i += n
			end = i
		case r == '’' && isLetterAt(s, i+n):
			if (s[i+n] == 's' || s[i+n] == 'S') && !isWordAt(s, i+n+1) {
				poss = true
				i += n + 1
				break word
			}
			i += n
		case (r == '‐' || r == '‑') && isWordAt(s, i+n):
			i += n
		default:
			break word
		}
	}
	return i, end, poss
}

// initialism reports whether the '.' at i continues a run of single
// letters each followed by a dot: "U.S", "U. S".
func initialism(s string, i int) bool {
	j := i + 1
	if j < len(s) && s[j] == ' ' {
		j++
	}
	return j < len(s) && s[j] < utf8.RuneSelf && isLetterAt(s, j) && !isWordAt(s, j+1)
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// tokens returns the tokens of s with offsets shifted by base.
func tokens(s string, base int) []token {
	var sc scanner
	var out []token
	sc.scan(s, func(w []byte, start, end int, sep uint8, poss bool) {
		word := string(w)
		out = append(out, token{word: word, start: base + start, end: base + end, sep: sep, poss: poss, kw: keywords[word]})
	})
	return out
}

// termWords splits a literal term into normalised words, a trailing "*"
// kept on a word that is a prefix. It returns a message when the term is
// malformed.
func termWords(t string) ([]string, string) {
	var out []string
	for _, f := range strings.Fields(t) {
		prefix := strings.HasSuffix(f, "*")
		body := strings.TrimSuffix(f, "*")
		if strings.Contains(body, "*") {
			return nil, "* may only end a word"
		}
		ts := tokens(body, 0)
		if len(ts) == 0 {
			if prefix {
				return nil, "* needs a word before it"
			}
			continue
		}
		for _, tk := range ts {
			out = append(out, tk.word)
		}
		if prefix {
			out[len(out)-1] += "*"
		}
	}
	if len(out) == 0 {
		return nil, "has no words"
	}
	return out, ""
}
