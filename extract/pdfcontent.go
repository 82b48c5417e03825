package extract

import (
	"context"
	"math"
	"reflect"

	"github.com/ledongthuc/pdf"
)

// Limits of the content interpreter, against hostile files.
const (
	maxFormDepth   = 12      // nested Form XObjects
	maxPageOps     = 4 << 20 // operators interpreted on one page
	maxFormDraws   = 10000   // Form XObjects drawn on one page
	checkCtxEveryN = 1 << 14 // operators between context checks
)

// mat is an affine matrix [a b c d e f] in PDF order.
type mat [6]float64

var identity = mat{1, 0, 0, 1, 0, 0}

// mul returns m×n: m applied first, then n.
func (m mat) mul(n mat) mat {
	return mat{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m mat) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

// textRun is one shown string: its text (buf[start:end] of the page) and
// where it lies in the frame of its orientation, where text runs left to
// right along +x and lines above have greater y.
type textRun struct {
	start, end int
	x0, x1, y  float64
	size       float64
	orient     uint8 // 0 upright, 1 rotated 90° counter-clockwise, 2 upside down, 3 clockwise
}

type gstate struct {
	ctm                       mat
	tc, tw, th, tl, tfs, rise float64
	font                      *pdfFont
}

// fontKey identifies a font dictionary: the object holding it and its
// resource name, since fonts of different pages may share a name.
type fontKey struct {
	obj  uint64
	name string
}

// pageInterp runs the content streams of one page and collects its text.
type pageInterp struct {
	ctx    context.Context
	budget *byteBudget
	fonts  map[fontKey]*pdfFont // shared across the pages of a document
	// XObjects by resources and name, and form content by object.
	xobjects map[fontKey]xobject
	formData map[uint64][]byte

	buf    []byte
	runs   []textRun
	images int
	// undecoded counts glyphs shown whose font gives no text for them.
	undecoded int
	ops       int
	draws     int
	forms     []uint64 // Form XObjects being drawn, for cycle detection
	err       error
}

// objID returns the identity of the indirect object v was read from. The
// library keeps it unexported; reflection reads it without changing it.
func objID(v pdf.Value) uint64 {
	rv := reflect.ValueOf(v)
	p := rv.FieldByName("ptr")
	if !p.IsValid() || p.NumField() < 2 {
		return 0
	}
	return p.Field(0).Uint()<<16 | p.Field(1).Uint()
}

// refID returns the identity of the indirect object that entry key of the
// dictionary d refers to, without loading it (loading an object from an
// object stream decompresses the whole stream). ok is false when the entry
// is not a reference.
func refID(d pdf.Value, key string) (id uint64, ok bool) {
	defer func() {
		if recover() != nil {
			id, ok = 0, false
		}
	}()
	data := reflect.ValueOf(d).FieldByName("data")
	if data.Kind() == reflect.Interface {
		data = data.Elem()
	}
	if data.Kind() != reflect.Map || data.Type().Key().Kind() != reflect.String {
		return 0, false
	}
	e := data.MapIndex(reflect.ValueOf(key).Convert(data.Type().Key()))
	if !e.IsValid() {
		return 0, false
	}
	if e.Kind() == reflect.Interface {
		e = e.Elem()
	}
	if e.Kind() != reflect.Struct || e.Type().Name() != "objptr" || e.NumField() < 2 {
		return 0, false
	}
	return e.Field(0).Uint()<<16 | e.Field(1).Uint(), true
}

var fallbackFont = func() *pdfFont {
	f := &pdfFont{scale: 0.001, vscale: 1}
	for i := range 256 {
		f.widths[i] = 500
		if i >= 32 && i < 127 {
			f.simple[i] = string(rune(i))
		}
	}
	return f
}()

// run interprets a content stream (data) with its resources under the
// initial matrix ctm.
func (in *pageInterp) run(data []byte, res pdf.Value, ctm mat) {
	g := gstate{ctm: ctm, th: 1}
	var stack []gstate
	var tm, tlm mat
	lx := contentLexer{data: data}
	var args []operand
	for in.err == nil {
		tok, ok := lx.next()
		if !ok {
			return
		}
		if tok.kind != kOp {
			if len(args) < 16 {
				args = append(args, tok)
			}
			continue
		}
		in.ops++
		if in.ops%checkCtxEveryN == 0 {
			if err := in.ctx.Err(); err != nil {
				in.err = err
				return
			}
		}
		if in.ops > maxPageOps {
			return
		}
		op := tok.str
		nums := func(n int) bool {
			if len(args) < n {
				return false
			}
			for _, a := range args[len(args)-n:] {
				if a.kind != kNum {
					return false
				}
			}
			return true
		}
		last := func(n int) []operand { return args[len(args)-n:] }
		switch string(op) {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, g)
			}
		case "Q":
			if n := len(stack); n > 0 {
				g = stack[n-1]
				stack = stack[:n-1]
			}
		case "cm":
			if nums(6) {
				a := last(6)
				m := mat{a[0].num, a[1].num, a[2].num, a[3].num, a[4].num, a[5].num}
				g.ctm = m.mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tc":
			if nums(1) {
				g.tc = last(1)[0].num
			}
		case "Tw":
			if nums(1) {
				g.tw = last(1)[0].num
			}
		case "Tz":
			if nums(1) {
				g.th = last(1)[0].num / 100
			}
		case "TL":
			if nums(1) {
				g.tl = last(1)[0].num
			}
		case "Ts":
			if nums(1) {
				g.rise = last(1)[0].num
			}
		case "Tf":
			if len(args) >= 2 && args[len(args)-2].kind == kName && args[len(args)-1].kind == kNum {
				g.font = in.font(res, string(args[len(args)-2].str))
				g.tfs = args[len(args)-1].num
			}
		case "Td", "TD":
			if nums(2) {
				a := last(2)
				if op[1] == 'D' {
					g.tl = -a[1].num
				}
				tlm = mat{1, 0, 0, 1, a[0].num, a[1].num}.mul(tlm)
				tm = tlm
			}
		case "Tm":
			if nums(6) {
				a := last(6)
				tlm = mat{a[0].num, a[1].num, a[2].num, a[3].num, a[4].num, a[5].num}
				tm = tlm
			}
		case "T*":
			tlm = mat{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
		case "Tj":
			if len(args) >= 1 && args[len(args)-1].kind == kStr {
				in.show(&g, &tm, args[len(args)-1].str)
			}
		case "'", "\"":
			if op[0] == '"' && len(args) >= 3 {
				g.tw, g.tc = args[len(args)-3].num, args[len(args)-2].num
			}
			tlm = mat{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
			if len(args) >= 1 && args[len(args)-1].kind == kStr {
				in.show(&g, &tm, args[len(args)-1].str)
			}
		case "TJ":
			if len(args) >= 1 && args[len(args)-1].kind == kArray {
				for _, item := range args[len(args)-1].arr {
					switch item.kind {
					case kStr:
						in.show(&g, &tm, item.str)
					case kNum:
						tx := -item.num / 1000 * g.tfs * g.th
						tm = mat{1, 0, 0, 1, tx, 0}.mul(tm)
					}
				}
			}
		case "Do":
			if len(args) >= 1 && args[len(args)-1].kind == kName {
				in.do(res, string(args[len(args)-1].str), g.ctm)
			}
		case "BI":
			lx.skipInlineImage()
			in.images++
		}
		args = args[:0]
		lx.reset()
	}
}

// font returns the font named name in res, reading it on first use.
func (in *pageInterp) font(res pdf.Value, name string) *pdfFont {
	// Resolving a font from an object stream decompresses the stream, so
	// look up by the resources holding the name before resolving.
	rkey := fontKey{objID(res) | 1<<63, name}
	if f, ok := in.fonts[rkey]; ok {
		return f
	}
	fonts := res.Key("Font")
	if id, ok := refID(fonts, name); ok {
		// The same font object drawn from another page's resources.
		if f, ok := in.fonts[fontKey{id, ""}]; ok {
			in.fonts[rkey] = f
			return f
		}
	}
	v := fonts.Key(name)
	if v.Kind() != pdf.Dict {
		in.fonts[rkey] = fallbackFont
		return fallbackFont
	}
	key := fontKey{objID(v), name}
	f, ok := in.fonts[key]
	if !ok {
		f = newPDFFont(v, in.budget)
		in.fonts[key] = f
	}
	if id, ok := refID(fonts, name); ok {
		in.fonts[fontKey{id, ""}] = f
	}
	in.fonts[rkey] = f
	return f
}

// show lays out the string s in the current font and records it as a run.
func (in *pageInterp) show(g *gstate, tm *mat, s []byte) {
	f := g.font
	if f == nil {
		f = fallbackFont
	}
	start := len(in.buf)
	var adv float64
	for len(s) > 0 {
		code, n := f.nextCode(s)
		before := len(in.buf)
		in.buf = f.appendText(in.buf, code, s[:n])
		if len(in.buf) == before && code != 32 {
			in.undecoded++
		}
		tx := f.width(code)*f.scale*g.tfs + g.tc
		if n == 1 && code == 32 {
			tx += g.tw
		}
		adv += tx * g.th
		s = s[n:]
	}
	trm := tm.mul(g.ctm)
	if len(in.buf) > start {
		x0, y0 := trm.apply(0, g.rise)
		x1, y1 := trm.apply(adv, g.rise)
		size := abs(g.tfs) * math.Hypot(trm[2], trm[3]) * f.vscale
		o := orientation(trm[0], trm[1])
		x0, y0 = toFrame(o, x0, y0)
		x1, _ = toFrame(o, x1, y1)
		if x1 < x0 {
			x0, x1 = x1, x0
		}
		if size < 0.5 {
			size = 0.5
		}
		in.runs = append(in.runs, textRun{start: start, end: len(in.buf), x0: x0, x1: x1, y: y0, size: size, orient: o})
	}
	*tm = mat{1, 0, 0, 1, adv, 0}.mul(*tm)
}

// orientation returns the quarter turn closest to the direction (a, b).
func orientation(a, b float64) uint8 {
	switch {
	case abs(a) >= abs(b) && a >= 0:
		return 0
	case abs(a) >= abs(b):
		return 2
	case b > 0:
		return 1
	}
	return 3
}

// toFrame rotates a point into the frame of orientation o.
func toFrame(o uint8, x, y float64) (float64, float64) {
	switch o {
	case 1:
		return y, -x
	case 2:
		return -x, -y
	case 3:
		return -y, x
	}
	return x, y
}

// do draws the XObject name of res: forms are interpreted, images counted.
func (in *pageInterp) do(res pdf.Value, name string, ctm mat) {
	key := fontKey{objID(res), name}
	x, ok := in.xobjects[key]
	if !ok {
		v := res.Key("XObject").Key(name)
		x = xobject{v: v}
		if v.Kind() == pdf.Stream {
			x.kind = v.Key("Subtype").Name()
		}
		in.xobjects[key] = x
	}
	switch x.kind {
	case "Image":
		in.images++
	case "Form":
		in.drawForm(x.v, res, ctm)
	}
}

// xobject is a resolved XObject with its subtype.
type xobject struct {
	v    pdf.Value
	kind string
}

// drawForm interprets the Form XObject x drawn under ctm; res are the
// resources of the content drawing it, used when the form has none.
func (in *pageInterp) drawForm(x, res pdf.Value, ctm mat) {
	id := objID(x)
	if len(in.forms) >= maxFormDepth || in.draws >= maxFormDraws {
		return
	}
	for _, f := range in.forms {
		if f == id {
			return // a form drawing itself
		}
	}
	in.draws++
	data, ok := in.formData[id]
	var err error
	if !ok {
		data, err = in.streamData(x)
		if err == nil {
			in.formData[id] = data
		}
	}
	if err != nil {
		if _, ok := err.(errTooMuchData); ok {
			in.err = err
		}
		return
	}
	m := identity
	if mv := x.Key("Matrix"); mv.Len() == 6 {
		for i := range 6 {
			m[i] = mv.Index(i).Float64()
		}
	}
	fres := x.Key("Resources")
	if fres.Kind() != pdf.Dict {
		fres = res
	}
	in.forms = append(in.forms, id)
	in.run(data, fres, m.mul(ctm))
	in.forms = in.forms[:len(in.forms)-1]
}

// streamData returns the decoded data of a stream, within the budget.
func (in *pageInterp) streamData(v pdf.Value) (data []byte, err error) {
	defer func() {
		if x := recover(); x != nil {
			data, err = nil, errStream
		}
	}()
	rc := v.Reader()
	defer rc.Close()
	return in.budget.readAll(rc)
}

type streamError struct{}

func (streamError) Error() string { return "unreadable stream" }

var errStream error = streamError{}
