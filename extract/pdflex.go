package extract

import (
	"bytes"
	"strconv"
)

// Operand kinds produced by contentLexer.
const (
	kNum = iota + 1
	kStr
	kName
	kArray
	kDict
	kOp
	kOther // true, false, null
)

// operand is one token of a content stream: a number, string, name, array,
// dictionary (contents skipped) or operator. str aliases the stream data or
// the lexer's scratch space.
type operand struct {
	kind int
	num  float64
	str  []byte
	arr  []operand
}

// contentLexer tokenises CMaps (content streams go through the library's
// pdf.Interpret: see readToUnicode for why CMaps do not). It never panics on
// malformed input: unknown bytes are skipped.
type contentLexer struct {
	data    []byte
	pos     int
	scratch []byte
	items   []operand
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (lx *contentLexer) skipSpace() {
	for lx.pos < len(lx.data) {
		c := lx.data[lx.pos]
		if isSpace(c) {
			lx.pos++
			continue
		}
		if c == '%' {
			for lx.pos < len(lx.data) && lx.data[lx.pos] != '\n' && lx.data[lx.pos] != '\r' {
				lx.pos++
			}
			continue
		}
		break
	}
}

// next returns the next token; ok is false at the end of the data.
func (lx *contentLexer) next() (operand, bool) {
	return lx.token(0)
}

func (lx *contentLexer) token(depth int) (operand, bool) {
	for {
		lx.skipSpace()
		if lx.pos >= len(lx.data) {
			return operand{}, false
		}
		c := lx.data[lx.pos]
		switch {
		case c == '(':
			lx.pos++
			return operand{kind: kStr, str: lx.literal()}, true
		case c == '<':
			if lx.pos+1 < len(lx.data) && lx.data[lx.pos+1] == '<' {
				lx.pos += 2
				lx.skipDict(depth)
				return operand{kind: kDict}, true
			}
			lx.pos++
			return operand{kind: kStr, str: lx.hex()}, true
		case c == '[':
			lx.pos++
			return lx.array(depth), true
		case c == '/':
			lx.pos++
			start := lx.pos
			for lx.pos < len(lx.data) && !isSpace(lx.data[lx.pos]) && !isDelim(lx.data[lx.pos]) {
				lx.pos++
			}
			return operand{kind: kName, str: lx.data[start:lx.pos]}, true
		case c == '+' || c == '-' || c == '.' || c >= '0' && c <= '9':
			start := lx.pos
			lx.pos++
			for lx.pos < len(lx.data) {
				d := lx.data[lx.pos]
				if d >= '0' && d <= '9' || d == '.' || d == '-' || d == '+' {
					lx.pos++
					continue
				}
				break
			}
			return operand{kind: kNum, num: parseNum(lx.data[start:lx.pos])}, true
		case c == ']' || c == '>' || c == ')' || c == '{' || c == '}':
			lx.pos++ // stray delimiter
			if c == ']' && depth > 0 {
				return operand{kind: -1}, true
			}
			if c == '>' && depth > 0 && lx.pos < len(lx.data) && lx.data[lx.pos] == '>' {
				lx.pos++
				return operand{kind: -2}, true
			}
		default:
			start := lx.pos
			for lx.pos < len(lx.data) && !isSpace(lx.data[lx.pos]) && !isDelim(lx.data[lx.pos]) {
				lx.pos++
			}
			w := lx.data[start:lx.pos]
			switch string(w) {
			case "true", "false", "null":
				return operand{kind: kOther}, true
			}
			return operand{kind: kOp, str: w}, true
		}
	}
}

// parseNum parses a PDF number leniently ("--5", "1.2.3" and "." give their
// best reading or 0).
func parseNum(b []byte) float64 {
	neg := false
	for len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		neg = neg != (b[0] == '-')
		b = b[1:]
	}
	var v float64
	var frac float64
	dot := false
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			if dot {
				frac /= 10
				v += float64(c-'0') * frac
			} else {
				v = v*10 + float64(c-'0')
			}
		case c == '.' && !dot:
			dot = true
			frac = 1
		default:
			if f, err := strconv.ParseFloat(string(b), 64); err == nil {
				v = f
			}
			goto done
		}
	}
done:
	if neg {
		return -v
	}
	return v
}

func (lx *contentLexer) array(depth int) operand {
	if depth > 8 {
		lx.skipTo(']')
		return operand{kind: kArray}
	}
	var local [16]operand
	items := local[:0]
	for {
		t, ok := lx.token(depth + 1)
		if !ok || t.kind == -1 {
			break
		}
		if t.kind == kOp || t.kind == -2 {
			continue
		}
		items = append(items, t)
	}
	start := len(lx.items)
	lx.items = append(lx.items, items...)
	return operand{kind: kArray, arr: lx.items[start:len(lx.items):len(lx.items)]}
}

func (lx *contentLexer) skipTo(c byte) {
	for lx.pos < len(lx.data) && lx.data[lx.pos] != c {
		lx.pos++
	}
	if lx.pos < len(lx.data) {
		lx.pos++
	}
}

// skipDict skips a dictionary's contents up to the matching ">>".
func (lx *contentLexer) skipDict(depth int) {
	if depth > 8 {
		if i := bytes.Index(lx.data[lx.pos:], []byte(">>")); i >= 0 {
			lx.pos += i + 2
		} else {
			lx.pos = len(lx.data)
		}
		return
	}
	for {
		t, ok := lx.token(depth + 1)
		if !ok || t.kind == -2 {
			return
		}
	}
}

// literal reads a (string) after its opening parenthesis.
func (lx *contentLexer) literal() []byte {
	start := lx.pos
	nest := 0
	for i := lx.pos; i < len(lx.data); i++ {
		switch lx.data[i] {
		case '\\':
			return lx.literalEscaped(start)
		case '(':
			nest++
		case ')':
			if nest == 0 {
				lx.pos = i + 1
				return lx.data[start:i]
			}
			nest--
		}
	}
	lx.pos = len(lx.data)
	return lx.data[start:]
}

func (lx *contentLexer) literalEscaped(start int) []byte {
	out := len(lx.scratch)
	nest := 0
	i := start
	d := lx.data
	for i < len(d) {
		c := d[i]
		i++
		switch c {
		case '(':
			nest++
		case ')':
			if nest == 0 {
				lx.pos = i
				return lx.scratch[out:len(lx.scratch):len(lx.scratch)]
			}
			nest--
		case '\\':
			if i >= len(d) {
				continue
			}
			e := d[i]
			i++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if i < len(d) && d[i] == '\n' {
					i++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && i < len(d) && d[i] >= '0' && d[i] <= '7'; k++ {
						v = v*8 + int(d[i]-'0')
						i++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		lx.scratch = append(lx.scratch, c)
	}
	lx.pos = len(d)
	return lx.scratch[out:len(lx.scratch):len(lx.scratch)]
}

// hex reads a <hex string> after its opening bracket.
func (lx *contentLexer) hex() []byte {
	out := len(lx.scratch)
	var hi byte
	half := false
	d := lx.data
	for lx.pos < len(d) {
		c := d[lx.pos]
		lx.pos++
		var v byte
		switch {
		case c == '>':
			if half {
				lx.scratch = append(lx.scratch, hi<<4)
			}
			return lx.scratch[out:len(lx.scratch):len(lx.scratch)]
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if half {
			lx.scratch = append(lx.scratch, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	return lx.scratch[out:len(lx.scratch):len(lx.scratch)]
}
