package extract

import (
	"io"
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	pdffonts "github.com/pdfcpu/pdfcpu/pkg/font"
)

// pdfFont is what the content interpreter needs of a font: how to split a
// shown string into character codes, each code's advance width and its
// Unicode text. It is built once per font dictionary and page.
type pdfFont struct {
	cid      bool        // Type0 (composite) font: multi-byte codes
	space    []codeRange // code space ranges from the ToUnicode CMap
	uni      map[uint32]string
	simple   [256]string  // simple fonts: text of each byte code
	widths   [256]float64 // simple fonts: glyph widths (glyph units)
	cidW     map[uint32]float64
	defaultW float64
	scale    float64 // glyph units to text space (0.001, or FontMatrix for Type3)
	vscale   float64 // vertical scale of Type3 glyph space relative to 0.001
	ucs2     bool
}

// codeRange is one codespace range of a CMap: codes of n bytes in [lo, hi].
type codeRange struct {
	n      int
	lo, hi uint32
}

// newPDFFont reads the font dictionary v. budget caps the bytes read from
// its ToUnicode stream.
func newPDFFont(v pdf.Value, budget *byteBudget) *pdfFont {
	f := &pdfFont{scale: 0.001, vscale: 1}
	subtype := v.Key("Subtype").Name()
	f.cid = subtype == "Type0"
	if subtype == "Type3" {
		if m := v.Key("FontMatrix"); m.Len() == 6 {
			if a := m.Index(0).Float64(); a != 0 {
				f.scale = abs(a)
			}
			if d := m.Index(3).Float64(); d != 0 {
				f.vscale = abs(d) / 0.001
			}
		}
	}
	tu := v.Key("ToUnicode")
	if tu.Kind() == pdf.Stream {
		f.readToUnicode(tu, budget)
	}
	if f.cid && tu.Kind() == pdf.Name && strings.HasPrefix(tu.Name(), "Identity") {
		f.ucs2 = true // codes are UTF-16 code units
	}
	if enc := v.Key("Encoding").Name(); f.cid && len(f.uni) == 0 && strings.HasPrefix(enc, "Uni") &&
		(strings.Contains(enc, "UCS2") || strings.Contains(enc, "UTF16")) {
		f.ucs2 = true // predefined Unicode CMaps: codes are UTF-16
	}
	if f.cid {
		// Without a ToUnicode map the codes of a composite font are glyph
		// or character-collection numbers: the library would decode them
		// as bytes, which gives garbage, so they give no text.
		f.readCIDWidths(v.Key("DescendantFonts").Index(0))
		return f
	}
	f.readSimpleWidths(v)
	font := pdf.Font{V: v}
	enc := safeEncoder(&font)
	if v.Key("Encoding").Kind() == pdf.Null && v.Key("ToUnicode").Kind() == pdf.Stream {
		// The library would route such a font through its own CMap reader;
		// the plain byte table is the better fallback for unmapped codes.
		enc = nil
	}
	var b [1]byte
	for i := range 256 {
		b[0] = byte(i)
		s := ""
		if enc != nil {
			s = safeDecode(enc, string(b[:]))
		}
		if s == "" || !utf8.ValidString(s) {
			s = string(rune(i))
		}
		if r, _ := utf8.DecodeRuneInString(s); len(s) == utf8.RuneLen(r) && (r < 32 && r != '\t' || r == 0xfffd || r >= 0x7f && r < 0xa0) {
			s = ""
		}
		f.simple[i] = s
	}
	// Ligature and other glyph names the library leaves unmapped.
	if d := v.Key("Encoding").Key("Differences"); d.Kind() == pdf.Array {
		code := -1
		for i := 0; i < d.Len() && i < 1024; i++ {
			x := d.Index(i)
			if x.Kind() == pdf.Integer {
				code = int(x.Int64())
				continue
			}
			if x.Kind() == pdf.Name && code >= 0 && code < 256 {
				if t, ok := glyphNames[x.Name()]; ok && f.simple[code] == "" {
					f.simple[code] = t
				} else if numberedGlyph.MatchString(x.Name()) {
					// "g123", "cid45": a glyph with no character behind it.
					f.simple[code] = ""
				}
				code++
			}
		}
	}
	return f
}

var numberedGlyph = regexp.MustCompile(`^(g|G|cid|glyph|index|c)?[0-9]+$`)

// glyphNames maps glyph names to text where the library's table falls
// short.
var glyphNames = map[string]string{
	"fi": "fi", "fl": "fl", "ff": "ff", "ffi": "ffi", "ffl": "ffl",
	"f_i": "fi", "f_l": "fl", "f_f": "ff", "f_f_i": "ffi", "f_f_l": "ffl",
	"dotlessi": "ı", "quoteright": "’", "quoteleft": "‘", "endash": "–", "emdash": "—",
	"quotedblleft": "“", "quotedblright": "”", "bullet": "•", "section": "§", "paragraph": "¶",
}

// safeEncoder returns the library's encoding for font, or nil when reading
// it fails.
func safeEncoder(font *pdf.Font) (enc pdf.TextEncoding) {
	defer func() {
		if recover() != nil {
			enc = nil
		}
	}()
	return font.Encoder()
}

func safeDecode(enc pdf.TextEncoding, raw string) (s string) {
	defer func() {
		if recover() != nil {
			s = ""
		}
	}()
	return enc.Decode(raw)
}

// readSimpleWidths fills the width table of a simple font from its Widths
// (read by the library's pdf.Font), or from the standard 14 fonts' metrics
// when the PDF leaves them out.
func (f *pdfFont) readSimpleWidths(v pdf.Value) {
	font := pdf.Font{V: v}
	w := font.Widths()
	if len(w) == 0 {
		core := coreFontName(font.BaseFont())
		for i := range 256 {
			f.widths[i] = 500
			if core != "" {
				if cw, err := pdffonts.CharWidth(core, rune(i)); err == nil && cw > 0 {
					f.widths[i] = float64(cw)
				}
			}
		}
		return
	}
	missing := v.Key("FontDescriptor").Key("MissingWidth").Float64()
	for i := range 256 {
		f.widths[i] = missing
	}
	first := font.FirstChar()
	for i, x := range w {
		if c := first + i; c >= 0 && c < 256 {
			f.widths[c] = x
		}
	}
}

// coreFontName maps a BaseFont name to one of the standard 14 fonts whose
// metrics pdfcpu knows, or "" when it is none of them.
func coreFontName(base string) string {
	if i := strings.IndexByte(base, '+'); i >= 0 {
		base = base[i+1:]
	}
	if pdffonts.IsCoreFont(base) {
		return base
	}
	l := strings.ToLower(base)
	bold := strings.Contains(l, "bold")
	italic := strings.Contains(l, "italic") || strings.Contains(l, "oblique")
	var family string
	switch {
	case strings.HasPrefix(l, "courier"):
		family = "Courier"
	case strings.HasPrefix(l, "arial") || strings.HasPrefix(l, "helvetica"):
		family = "Helvetica"
	case strings.HasPrefix(l, "times"):
		family = "Times"
	default:
		return ""
	}
	switch {
	case family == "Times" && bold && italic:
		return "Times-BoldItalic"
	case family == "Times" && bold:
		return "Times-Bold"
	case family == "Times" && italic:
		return "Times-Italic"
	case family == "Times":
		return "Times-Roman"
	case bold && italic:
		return family + "-BoldOblique"
	case bold:
		return family + "-Bold"
	case italic:
		return family + "-Oblique"
	}
	return family
}

// readCIDWidths reads the W and DW entries of a CIDFont.
func (f *pdfFont) readCIDWidths(d pdf.Value) {
	f.defaultW = 1000
	if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
		f.defaultW = dw.Float64()
	}
	w := d.Key("W")
	n := w.Len()
	if n == 0 {
		return
	}
	f.cidW = make(map[uint32]float64)
	for i := 0; i < n; {
		first := w.Index(i)
		if i+1 >= n {
			break
		}
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			c := uint32(first.Int64())
			for j := 0; j < next.Len() && j < 65536; j++ {
				f.cidW[c+uint32(j)] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		lo, hi := first.Int64(), next.Int64()
		width := w.Index(i + 2).Float64()
		for c := lo; c <= hi && c-lo < 65536; c++ {
			f.cidW[uint32(c)] = width
		}
		i += 3
	}
}

// readToUnicode parses a ToUnicode CMap: its code space and bfchar/bfrange
// mappings.
func (f *pdfFont) readToUnicode(tu pdf.Value, budget *byteBudget) {
	rc := tu.Reader()
	data, err := budget.readAll(rc)
	rc.Close()
	if err != nil || len(data) == 0 {
		return
	}
	f.uni = make(map[uint32]string)
	defer func() {
		if recover() != nil && len(f.uni) == 0 {
			f.uni = nil
		}
	}()
	lx := contentLexer{data: data}
	var ops []operand
	mode := ""
	for {
		tok, ok := lx.next()
		if !ok {
			break
		}
		if tok.kind != kOp {
			ops = append(ops, tok)
			if len(ops) > 3 {
				ops = ops[1:]
			}
			// Collect pairs and triples as they complete.
			switch mode {
			case "codespace":
				if len(ops) == 2 && ops[0].kind == kStr && ops[1].kind == kStr {
					lo, hi := ops[0].str, ops[1].str
					if len(lo) >= 1 && len(lo) <= 4 && len(lo) == len(hi) {
						f.space = append(f.space, codeRange{len(lo), beUint(lo), beUint(hi)})
					}
					ops = ops[:0]
				}
			case "bfchar":
				if len(ops) == 2 {
					if ops[0].kind == kStr && ops[1].kind == kStr {
						f.uni[beUint(ops[0].str)] = utf16BE(ops[1].str)
					}
					ops = ops[:0]
				}
			case "bfrange":
				if len(ops) == 3 {
					f.addRange(ops[0], ops[1], ops[2])
					ops = ops[:0]
				}
			}
			continue
		}
		ops = ops[:0]
		switch string(tok.str) {
		case "begincodespacerange":
			mode = "codespace"
		case "beginbfchar":
			mode = "bfchar"
		case "beginbfrange":
			mode = "bfrange"
		default:
			mode = ""
		}
	}
}

func (f *pdfFont) addRange(lo, hi, dst operand) {
	if lo.kind != kStr || hi.kind != kStr || len(lo.str) == 0 || len(lo.str) > 4 {
		return
	}
	a, b := beUint(lo.str), beUint(hi.str)
	if b < a || b-a > 65535 {
		return
	}
	switch dst.kind {
	case kStr:
		base := []rune(utf16BE(dst.str))
		if len(base) == 0 {
			return
		}
		for c := a; c <= b; c++ {
			r := append([]rune(nil), base...)
			r[len(r)-1] += rune(c - a)
			f.uni[c] = string(r)
		}
	case kArray:
		for i, item := range dst.arr {
			if item.kind == kStr && a+uint32(i) <= b {
				f.uni[a+uint32(i)] = utf16BE(item.str)
			}
		}
	}
}

// nextCode splits the first character code off s and returns it with its
// length in bytes.
func (f *pdfFont) nextCode(s string) (code uint32, n int) {
	if !f.cid {
		// Simple fonts use one-byte codes, whatever code space their
		// ToUnicode CMap declares (Word writes <0000> <FFFF>).
		return uint32(s[0]), 1
	}
	if len(f.space) > 0 {
		for _, r := range f.space {
			if r.n <= len(s) {
				c := beUint(s[:r.n])
				if c >= r.lo && c <= r.hi {
					return c, r.n
				}
			}
		}
	}
	if f.cid && len(s) >= 2 {
		return uint32(s[0])<<8 | uint32(s[1]), 2
	}
	return uint32(s[0]), 1
}

// width returns the advance of code in glyph units.
func (f *pdfFont) width(code uint32) float64 {
	if f.cid {
		if w, ok := f.cidW[code]; ok {
			return w
		}
		return f.defaultW
	}
	return f.widths[code&0xff]
}

// appendText appends the Unicode text of code to dst.
func (f *pdfFont) appendText(dst []byte, code uint32) []byte {
	if f.uni != nil {
		if s, ok := f.uni[code]; ok {
			return append(dst, s...)
		}
	}
	if !f.cid {
		return append(dst, f.simple[code&0xff]...)
	}
	if f.ucs2 {
		if r := rune(code); r >= 32 && (r < 0xd800 || r > 0xdfff) {
			return utf8.AppendRune(dst, r)
		}
		return dst
	}
	return dst
}

func beUint[T string | []byte](b T) uint32 {
	var c uint32
	for i := range len(b) {
		c = c<<8 | uint32(b[i])
	}
	return c
}

// utf16BE decodes a big-endian UTF-16 string, dropping control characters
// other than spaces that some producers map glyphs to.
func utf16BE(b []byte) string {
	if len(b)%2 == 1 {
		return string(b)
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	rs := utf16.Decode(u)
	out := rs[:0]
	for _, r := range rs {
		if r >= 32 || r == '\t' {
			out = append(out, r)
		}
	}
	return string(out)
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// byteBudget caps the decompressed stream data read from one PDF.
type byteBudget struct {
	left, limit int64
}

// errTooMuchData reports a PDF whose streams decompress to more than the limit.
type errTooMuchData struct{ limit int64 }

func (e errTooMuchData) Error() string {
	return "decompressed stream data exceeds the limit of " + itoa(e.limit) + " bytes"
}

func itoa(n int64) string {
	var b [24]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// count reads the data of stream v to its end, charging the bytes to the
// budget, and returns how many there are. A stream over max bytes is an
// error. A read error after some data (a truncated flate stream) returns
// the count so far with the error.
func (b *byteBudget) count(v pdf.Value, max int64) (n int64, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = errStream
		}
	}()
	rc := v.Reader()
	defer rc.Close()
	var buf [8192]byte
	for {
		k, rerr := rc.Read(buf[:])
		n += int64(k)
		if n > b.left {
			return n, errTooMuchData{b.limit}
		}
		if n > max {
			return n, errStream
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			b.left -= n
			return n, rerr
		}
	}
	b.left -= n
	return n, nil
}

// readAll reads r to its end, charging the bytes to the budget. A read
// error after some data (a truncated flate stream) keeps what was read.
func (b *byteBudget) readAll(r io.Reader) (data []byte, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = errStream
		}
	}()
	buf := make([]byte, 0, 4096)
	for {
		if int64(len(buf)) > b.left {
			return nil, errTooMuchData{b.limit}
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, rerr := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			if len(buf) > 0 {
				break
			}
			return nil, rerr
		}
	}
	b.left -= int64(len(buf))
	if b.left < 0 {
		return nil, errTooMuchData{b.limit}
	}
	return buf, nil
}
