package extract

import (
	"context"
	"math"
	"strings"

	"github.com/ledongthuc/pdf"
)

// Limits of the content interpreter, against hostile files.
const (
	maxFormDepth   = 12      // nested Form XObjects
	maxPageOps     = 4 << 20 // operators interpreted on one page
	maxFormDraws   = 10000   // Form XObjects drawn on one page
	checkCtxEveryN = 1 << 14 // operators between context checks
	// maxStreamBytes bounds one content stream decompressed: the library's
	// interpreter keeps every operand until an operator takes them.
	maxStreamBytes  = 16 << 20
	maxContentParts = 10000   // streams of one page's content array
	maxRecordedOps  = 1 << 16 // operators of a Form XObject kept for replay
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

// pageInterp runs the content streams of one page and collects its text.
type pageInterp struct {
	ctx    context.Context
	budget *byteBudget
	// Fonts and XObjects, shared across the pages of a document: see
	// font and do for their keys.
	fonts     map[string]*pdfFont
	xobjects  map[string]*xobject
	formsByID map[string]*xobject

	buf    []byte
	runs   []textRun
	images int
	// undecoded counts glyphs shown whose font gives no text for them.
	undecoded int
	ops       int
	draws     int
	forms     []string // Form XObjects being drawn, for cycle detection
	err       error
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

// stopInterp is panicked from inside pdf.Interpret to end a content
// stream early: a limit reached, the budget spent or the context done.
type stopInterp struct{}

type streamError struct{}

func (streamError) Error() string { return "unreadable stream" }

var errStream error = streamError{}

// run interprets the content stream strm (a stream or an array of streams)
// with its resources under the initial matrix ctm. The stream is
// tokenised by the library's pdf.Interpret; a stream it cannot parse to
// the end keeps the text shown before the fault. ok is false when strm
// gave nothing to read.
func (in *pageInterp) run(strm pdf.Value, res pdf.Value, ctm mat) (ok bool) {
	if in.err != nil {
		return false
	}
	if strm.Kind() == pdf.Array {
		// The parts of a page's content run on as one stream. When one
		// of them cannot be decoded to its end, each is read alone.
		n := min(strm.Len(), maxContentParts)
		usable := make([]bool, n)
		all := true
		for i := range n {
			u, clean := in.charge(strm.Index(i))
			usable[i] = u
			all = all && clean
		}
		if all {
			return in.interpret(strm, res, ctm, nil)
		}
		for i := range n {
			if usable[i] && in.err == nil {
				ok = in.interpret(strm.Index(i), res, ctm, nil) || ok
			}
		}
		return ok
	}
	if usable, _ := in.charge(strm); !usable {
		return false
	}
	return in.interpret(strm, res, ctm, nil)
}

// interpret runs the content stream strm, charged to the budget already,
// through the library's pdf.Interpret. rec, when set, receives the
// operators run, for replay.
func (in *pageInterp) interpret(strm pdf.Value, res pdf.Value, ctm mat, rec *[]recordedOp) (ok bool) {
	c := content{in: in, res: res, g: gstate{ctm: ctm, th: 1}}
	var argBuf [16]pdf.Value
	shown := len(in.buf)
	defer func() {
		if x := recover(); x != nil {
			// A stream the library cannot parse to its end counts as read
			// when it showed text before the fault.
			_, stopped := x.(stopInterp)
			ok = stopped || len(in.buf) > shown
		}
	}()
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		// The operands, oldest first; more than 16 are malformed and
		// only the last 16 count.
		n := min(stk.Len(), len(argBuf))
		args := argBuf[:n]
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		for stk.Len() > 0 {
			stk.Pop()
		}
		if rec != nil {
			if len(*rec) < maxRecordedOps {
				*rec = append(*rec, recordedOp{op, append([]pdf.Value(nil), args...)})
			} else {
				*rec = (*rec)[:0]
				rec = nil
			}
		}
		if !c.exec(op, args) {
			panic(stopInterp{})
		}
	})
	return true
}

// recordedOp is one operator of a content stream with its operands.
type recordedOp struct {
	op   string
	args []pdf.Value
}

// replay runs recorded operators as interpret ran them.
func (in *pageInterp) replay(ops []recordedOp, res pdf.Value, ctm mat) {
	c := content{in: in, res: res, g: gstate{ctm: ctm, th: 1}}
	for _, o := range ops {
		if !c.exec(o.op, o.args) {
			return
		}
	}
}

// content is the state of one content stream being run.
type content struct {
	in      *pageInterp
	res     pdf.Value
	rkey    string // resKey(res), once needed
	g       gstate
	stack   []gstate
	tm, tlm mat
}

func (c *content) resKey() string {
	if c.rkey == "" {
		c.rkey = resKey(c.res) + "\x00"
	}
	return c.rkey
}

// exec runs the operator op with its operands args (oldest first). It
// returns false when the page's limits are reached or the reading is
// cancelled.
func (c *content) exec(op string, args []pdf.Value) bool {
	in := c.in
	in.ops++
	if in.ops%checkCtxEveryN == 0 {
		if err := in.ctx.Err(); err != nil {
			in.err = err
		}
	}
	if in.err != nil || in.ops > maxPageOps {
		return false
	}
	n := len(args)
	nums := func(k int) bool {
		if n < k {
			return false
		}
		for _, a := range args[n-k:] {
			if kd := a.Kind(); kd != pdf.Integer && kd != pdf.Real {
				return false
			}
		}
		return true
	}
	num := func(i int) float64 { return args[i].Float64() }
	matrix := func() mat {
		a := args[n-6:]
		return mat{a[0].Float64(), a[1].Float64(), a[2].Float64(), a[3].Float64(), a[4].Float64(), a[5].Float64()}
	}
	switch op {
	case "q":
		if len(c.stack) < 256 {
			c.stack = append(c.stack, c.g)
		}
	case "Q":
		if k := len(c.stack); k > 0 {
			c.g = c.stack[k-1]
			c.stack = c.stack[:k-1]
		}
	case "cm":
		if nums(6) {
			c.g.ctm = matrix().mul(c.g.ctm)
		}
	case "BT":
		c.tm, c.tlm = identity, identity
	case "Tc":
		if nums(1) {
			c.g.tc = num(n - 1)
		}
	case "Tw":
		if nums(1) {
			c.g.tw = num(n - 1)
		}
	case "Tz":
		if nums(1) {
			c.g.th = num(n-1) / 100
		}
	case "TL":
		if nums(1) {
			c.g.tl = num(n - 1)
		}
	case "Ts":
		if nums(1) {
			c.g.rise = num(n - 1)
		}
	case "Tf":
		if n >= 2 && args[n-2].Kind() == pdf.Name && nums(1) {
			c.g.font = c.in.font(c.resKey(), c.res, args[n-2].Name())
			c.g.tfs = num(n - 1)
		}
	case "Td", "TD":
		if nums(2) {
			if op == "TD" {
				c.g.tl = -num(n - 1)
			}
			c.tlm = mat{1, 0, 0, 1, num(n - 2), num(n - 1)}.mul(c.tlm)
			c.tm = c.tlm
		}
	case "Tm":
		if nums(6) {
			c.tlm = matrix()
			c.tm = c.tlm
		}
	case "T*":
		c.tlm = mat{1, 0, 0, 1, 0, -c.g.tl}.mul(c.tlm)
		c.tm = c.tlm
	case "Tj":
		if n >= 1 && args[n-1].Kind() == pdf.String {
			c.in.show(&c.g, &c.tm, args[n-1].RawString())
		}
	case "'", "\"":
		if op == "\"" && n >= 3 {
			c.g.tw, c.g.tc = num(n-3), num(n-2)
		}
		c.tlm = mat{1, 0, 0, 1, 0, -c.g.tl}.mul(c.tlm)
		c.tm = c.tlm
		if n >= 1 && args[n-1].Kind() == pdf.String {
			c.in.show(&c.g, &c.tm, args[n-1].RawString())
		}
	case "TJ":
		if n >= 1 && args[n-1].Kind() == pdf.Array {
			a := args[n-1]
			for i := 0; i < a.Len(); i++ {
				switch item := a.Index(i); item.Kind() {
				case pdf.String:
					c.in.show(&c.g, &c.tm, item.RawString())
				case pdf.Integer, pdf.Real:
					tx := -item.Float64() / 1000 * c.g.tfs * c.g.th
					c.tm = mat{1, 0, 0, 1, tx, 0}.mul(c.tm)
				}
			}
		}
	case "Do":
		if n >= 1 && args[n-1].Kind() == pdf.Name {
			c.in.do(c.resKey(), c.res, args[n-1].Name(), c.g.ctm)
		}
	case "BI":
		c.in.images++
	}
	return true
}

// charge counts the decompressed bytes of the content stream strm
// against the budget before the interpreter reads it, so that a
// compression bomb is refused unread; a stream over maxStreamBytes is not
// read either, since the interpreter would hold its operands. usable
// tells whether strm has data to interpret, clean whether it decodes to
// its end.
func (in *pageInterp) charge(strm pdf.Value) (usable, clean bool) {
	if strm.Kind() != pdf.Stream {
		return false, false
	}
	n, err := in.budget.count(strm, maxStreamBytes)
	if _, big := err.(errTooMuchData); big {
		in.err = err
		return false, false
	}
	if err == errStream {
		return false, false
	}
	return err == nil || n > 0, err == nil
}

// resKey returns the printed resource dictionary res, the first part of
// the cache keys of the fonts and XObjects it names. Printing a
// dictionary loads nothing: indirect entries print as their reference.
func resKey(res pdf.Value) string {
	return res.String()
}

// refText returns the reference "N G R" that entry key of the printed
// dictionary d holds, or "" when the entry is absent or direct.
func refText(d, key string) string {
	pat := "/" + key + " "
	for i := 0; ; {
		j := strings.Index(d[i:], pat)
		if j < 0 {
			return ""
		}
		j += i
		i = j + len(pat)
		if j > 0 && d[j-1] != ' ' && d[j-1] != '<' {
			continue
		}
		k := i
		for field := 0; field < 2; field++ {
			start := k
			for k < len(d) && d[k] >= '0' && d[k] <= '9' {
				k++
			}
			if k == start || k >= len(d) || d[k] != ' ' {
				return ""
			}
			k++
		}
		if k < len(d) && d[k] == 'R' && (k+1 == len(d) || d[k+1] == ' ' || d[k+1] == '>') {
			return d[i : k+1]
		}
		return ""
	}
}

// font returns the font named name in res, reading it on first use.
// Loading an object from a compressed object stream decompresses the
// whole stream, so fonts are looked up by the printed resources and name
// first, then by the reference the font dictionary holds, before a font
// is loaded; a direct font dictionary is keyed by its printed self.
func (in *pageInterp) font(rkey string, res pdf.Value, name string) *pdfFont {
	rkey += "F" + name
	if f, ok := in.fonts[rkey]; ok {
		return f
	}
	fonts := res.Key("Font")
	ref := refText(fonts.String(), name)
	if f, ok := in.fonts[ref]; ok && ref != "" {
		in.fonts[rkey] = f
		return f
	}
	v := fonts.Key(name)
	if v.Kind() != pdf.Dict {
		in.fonts[rkey] = fallbackFont
		return fallbackFont
	}
	key := ref
	if key == "" {
		key = v.String()
	}
	f, ok := in.fonts[key]
	if !ok {
		f = newPDFFont(v, in.budget)
		in.fonts[key] = f
	}
	in.fonts[rkey] = f
	return f
}

// show lays out the string s in the current font and records it as a run.
func (in *pageInterp) show(g *gstate, tm *mat, s string) {
	f := g.font
	if f == nil {
		f = fallbackFont
	}
	start := len(in.buf)
	var adv float64
	for len(s) > 0 {
		code, n := f.nextCode(s)
		before := len(in.buf)
		in.buf = f.appendText(in.buf, code)
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

// do draws the XObject name of res (whose resKey is rkey): forms are
// interpreted, images counted. XObjects are cached by the printed
// resources and name.
func (in *pageInterp) do(rkey string, res pdf.Value, name string, ctm mat) {
	key := rkey + "X" + name
	x, ok := in.xobjects[key]
	if !ok {
		v := res.Key("XObject").Key(name)
		x = &xobject{v: v}
		if v.Kind() == pdf.Stream {
			x.kind = v.Key("Subtype").Name()
			x.id = v.String()
			if f, ok := in.formsByID[x.id]; ok {
				x = f // the same form under another name or resources
			} else if x.kind == "Form" {
				in.formsByID[x.id] = x
			}
		}
		in.xobjects[key] = x
	}
	switch x.kind {
	case "Image":
		in.images++
	case "Form":
		in.drawForm(x, res, ctm)
	}
}

// xobject is a resolved XObject with its subtype and identity (its
// printed self, which ends with the offset of its data in the file) and,
// for a form, what is known of its content.
type xobject struct {
	v        pdf.Value
	kind, id string
	charged  bool // counted against the budget
	usable   bool // has data to interpret
	draws    int
	ops      []recordedOp // the form's operators, from its second draw on
	replay   bool
}

// drawForm interprets the Form XObject x drawn under ctm; res are the
// resources of the content drawing it, used when the form has none. A
// form drawn again (a letterhead, a repeated line) is replayed from the
// operators recorded on its second draw rather than decoded again.
func (in *pageInterp) drawForm(x *xobject, res pdf.Value, ctm mat) {
	if len(in.forms) >= maxFormDepth || in.draws >= maxFormDraws || in.err != nil {
		return
	}
	for _, f := range in.forms {
		if f == x.id {
			return // a form drawing itself
		}
	}
	in.draws++
	if !x.charged {
		x.charged = true
		x.usable, _ = in.charge(x.v)
	}
	if !x.usable {
		return
	}
	m := identity
	if mv := x.v.Key("Matrix"); mv.Len() == 6 {
		for i := range 6 {
			m[i] = mv.Index(i).Float64()
		}
	}
	fres := x.v.Key("Resources")
	if fres.Kind() != pdf.Dict {
		fres = res
	}
	in.forms = append(in.forms, x.id)
	x.draws++
	switch {
	case x.replay:
		in.replay(x.ops, fres, m.mul(ctm))
	case x.draws == 2:
		var ops []recordedOp
		ok := in.interpret(x.v, fres, m.mul(ctm), &ops)
		// Keep the record of a form read within the limits.
		if ok && in.err == nil && in.ops <= maxPageOps && len(ops) > 0 {
			x.ops, x.replay = ops, true
		}
	default:
		in.interpret(x.v, fres, m.mul(ctm), nil)
	}
	in.forms = in.forms[:len(in.forms)-1]
}
