package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// Namespaces of WordprocessingML: transitional and strict.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// errTooLarge reports decompressed data over Options.MaxBytes.
var errTooLarge = errors.New("decompressed data exceeds the size limit")

// readDOCX reads the main document part of a DOCX in order (paragraphs,
// tables row by row, text boxes), then its footnotes and endnotes in the
// order they are referenced. Headers, footers and comments are not contract
// text and are not read. Inserted text counts; deleted and moved-away text
// does not. Automatic numbering is rendered into Block.Label and heading
// styles into Block.Heading and Block.Level.
func readDOCX(ctx context.Context, data []byte, opt Options) ([]Block, int, []string, error) {
	if bytes.HasPrefix(data, cfbMagic) {
		if isEncryptedOOXML(data) {
			return nil, 0, nil, &UnreadableError{Reason: "encrypted: a password is needed to open it"}
		}
		return nil, 0, nil, errors.New("docx: not a zip package")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, 0, nil, fmt.Errorf("docx: corrupt zip archive: %w", err)
	}
	r := &docxReader{ctx: ctx, zr: zr, budget: opt.MaxBytes, counters: map[string]*numState{}}
	main := r.mainPart()
	if r.find(main) == nil {
		return nil, 0, nil, fmt.Errorf("docx: no main document part %s", main)
	}
	dir := path.Dir(main)
	if err := r.loadStyles(path.Join(dir, "styles.xml")); err != nil {
		r.warn("styles: %v", err)
		if errors.Is(err, errTooLarge) || ctx.Err() != nil {
			return nil, 0, nil, firstErr(ctx.Err(), err)
		}
	}
	if err := r.loadNumbering(path.Join(dir, "numbering.xml")); err != nil {
		r.warn("numbering: %v", err)
		if errors.Is(err, errTooLarge) || ctx.Err() != nil {
			return nil, 0, nil, firstErr(ctx.Err(), err)
		}
	}
	var body []Block
	if err := r.parsePart(main, &body); err != nil {
		return nil, 0, nil, fmt.Errorf("docx: %s: %w", main, err)
	}
	for _, kind := range []string{"footnote", "endnote"} {
		part := path.Join(dir, kind+"s.xml")
		if r.find(part) == nil || len(r.refs[kind]) == 0 {
			continue
		}
		r.notes = map[string][]Block{}
		var discard []Block
		if err := r.parsePart(part, &discard); err != nil {
			if errors.Is(err, errTooLarge) || ctx.Err() != nil {
				return nil, 0, nil, fmt.Errorf("docx: %s: %w", part, err)
			}
			r.warn("%ss: %v", kind, err)
			continue
		}
		for i, id := range r.refs[kind] {
			var texts []string
			for _, b := range r.notes[id] {
				texts = append(texts, strings.TrimSpace(joinLabel(b)))
			}
			if t := strings.TrimSpace(strings.Join(texts, " ")); t != "" {
				label := fmt.Sprintf("[%d]", i+1)
				if kind == "endnote" {
					label = fmt.Sprintf("[%s]", toRoman(i+1, false))
				}
				body = append(body, Block{Text: t, Page: 1, Label: label})
			}
		}
	}
	return body, 1, r.warnings, nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// joinLabel is a block's text with its numbering label in front.
func joinLabel(b Block) string {
	if b.Label == "" {
		return b.Text
	}
	return b.Label + " " + b.Text
}

// docxReader holds what one DOCX read needs across parts.
type docxReader struct {
	ctx      context.Context
	zr       *zip.Reader
	budget   int64 // decompressed bytes still allowed
	warnings []string

	styles    map[string]*style
	abstracts map[string]*abstractNum
	nums      map[string]*numDef
	counters  map[string]*numState

	refs  map[string][]string // footnote/endnote ids in reference order
	notes map[string][]Block  // note id → its paragraphs, while reading notes
}

func (r *docxReader) warn(format string, args ...any) {
	r.warnings = append(r.warnings, "docx: "+fmt.Sprintf(format, args...))
}

// find returns the zip entry called name, or nil.
func (r *docxReader) find(name string) *zip.File {
	for _, f := range r.zr.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// mainPart finds the main document part from the package relationships,
// falling back to word/document.xml.
func (r *docxReader) mainPart() string {
	const def = "word/document.xml"
	rc, err := r.open("_rels/.rels")
	if err != nil {
		return def
	}
	defer rc.Close()
	var rels struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.NewDecoder(rc).Decode(&rels) != nil {
		return def
	}
	for _, rel := range rels.Rel {
		if strings.HasSuffix(rel.Type, "/officeDocument") {
			t := strings.TrimPrefix(path.Clean("/"+rel.Target), "/")
			if r.find(t) != nil {
				return t
			}
		}
	}
	return def
}

// open opens a zip entry under the decompressed-size budget: an entry that
// declares more than the budget is refused, and one that inflates past it
// (a lying header) fails while being read.
func (r *docxReader) open(name string) (io.ReadCloser, error) {
	f := r.find(name)
	if f == nil {
		return nil, fmt.Errorf("no %s", name)
	}
	if f.UncompressedSize64 > uint64(r.budget) {
		return nil, fmt.Errorf("%s declares %d bytes: %w", name, f.UncompressedSize64, errTooLarge)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return &budgetReader{r: rc, rd: r}, nil
}

// budgetReader counts decompressed bytes against the reader's budget.
type budgetReader struct {
	r  io.ReadCloser
	rd *docxReader
}

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.rd.budget <= 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > b.rd.budget {
		p = p[:b.rd.budget]
	}
	n, err := b.r.Read(p)
	b.rd.budget -= int64(n)
	if b.rd.budget <= 0 && err == nil {
		// Anything more is over the limit.
		var one [1]byte
		if m, _ := b.r.Read(one[:]); m > 0 {
			return n, errTooLarge
		}
	}
	return n, err
}

func (b *budgetReader) Close() error { return b.r.Close() }

// eachToken opens part name under the budget and hands each XML token to
// fn, with the decoder so fn can skip an element's content. It stops at the
// end of the part, at fn's first error, or when the context is done (checked
// every 4096 tokens: often enough for a huge part, rarely enough to cost
// nothing).
func (r *docxReader) eachToken(name string, fn func(d *xml.Decoder, tok xml.Token) error) error {
	rc, err := r.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	for n := 0; ; n++ {
		if n%4096 == 0 {
			if err := r.ctx.Err(); err != nil {
				return err
			}
		}
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(d, tok); err != nil {
			return err
		}
	}
}

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

func attr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || a.Name.Space == nsW || a.Name.Space == nsWStrict) {
			return a.Value, true
		}
	}
	return "", false
}

// style is what a paragraph style contributes: heading level and numbering.
type style struct {
	basedOn string
	level   int // heading level, 0 for none
	numID   string
	ilvl    int
	hasNum  bool
	hasIlvl bool
}

// loadStyles reads heading levels and linked numbering of paragraph styles.
func (r *docxReader) loadStyles(name string) error {
	r.styles = map[string]*style{}
	if r.find(name) == nil {
		return nil
	}
	var cur *style
	return r.eachToken(name, func(d *xml.Decoder, tok xml.Token) error {
		se, ok := tok.(xml.StartElement)
		if !ok || !isW(se.Name) {
			return nil
		}
		v, _ := attr(se, "val")
		switch se.Name.Local {
		case "style":
			cur = &style{}
			id, _ := attr(se, "styleId")
			r.styles[id] = cur
		case "name":
			if cur == nil {
				return nil
			}
			n := strings.ToLower(v)
			if n == "title" {
				cur.level = 1
			} else if num, ok := strings.CutPrefix(n, "heading "); ok {
				if k, err := strconv.Atoi(num); err == nil && k >= 1 && k <= 9 {
					cur.level = k
				}
			}
		case "basedOn":
			if cur != nil {
				cur.basedOn = v
			}
		case "outlineLvl":
			if k, err := strconv.Atoi(v); err == nil && cur != nil && k >= 0 && k < 9 && cur.level == 0 {
				cur.level = k + 1
			}
		case "numId":
			if cur != nil {
				cur.numID, cur.hasNum = v, true
			}
		case "ilvl":
			if k, err := strconv.Atoi(v); err == nil && cur != nil {
				cur.ilvl, cur.hasIlvl = k, true
			}
		case "rPr", "tblPr", "tcPr", "trPr", "pPrChange", "rPrChange":
			return d.Skip()
		}
		return nil
	})
}

// resolveStyle follows basedOn to fill in what a style inherits.
func (r *docxReader) resolveStyle(id string) style {
	var out style
	haveLevel, haveNum := false, false
	for i := 0; i < 20 && id != ""; i++ {
		s := r.styles[id]
		if s == nil {
			break
		}
		if !haveLevel && s.level > 0 {
			out.level, haveLevel = s.level, true
		}
		if !haveNum && s.hasNum {
			out.numID, out.hasNum, haveNum = s.numID, true, true
			out.ilvl = s.ilvl
		}
		id = s.basedOn
	}
	return out
}

// numLevel is one level of a list definition.
type numLevel struct {
	start   int
	format  string
	text    string
	isLgl   bool
	defined bool
}

type abstractNum struct {
	levels    [9]numLevel
	styleLink string
}

type numDef struct {
	abstract string
	starts   map[int]int       // startOverride per level
	levels   map[int]*numLevel // lvl overrides
}

// numState is the counters of one list (numId).
type numState struct {
	value   [9]int
	started [9]bool
}

// loadNumbering reads abstract list definitions and list instances.
func (r *docxReader) loadNumbering(name string) error {
	r.abstracts = map[string]*abstractNum{}
	r.nums = map[string]*numDef{}
	if r.find(name) == nil {
		return nil
	}
	var abs *abstractNum
	var num *numDef
	var lvl *numLevel
	override := -1
	return r.eachToken(name, func(d *xml.Decoder, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			if !isW(t.Name) {
				return nil
			}
			v, _ := attr(t, "val")
			switch t.Name.Local {
			case "abstractNum":
				id, _ := attr(t, "abstractNumId")
				abs = &abstractNum{}
				num = nil
				r.abstracts[id] = abs
			case "num":
				id, _ := attr(t, "numId")
				num = &numDef{starts: map[int]int{}, levels: map[int]*numLevel{}}
				abs = nil
				r.nums[id] = num
			case "abstractNumId":
				if num != nil {
					num.abstract = v
				}
			case "lvlOverride":
				override, _ = strconv.Atoi(attrVal(t, "ilvl"))
			case "startOverride":
				if num != nil && override >= 0 {
					k, _ := strconv.Atoi(v)
					num.starts[override] = k
				}
			case "lvl":
				k, err := strconv.Atoi(attrVal(t, "ilvl"))
				if err != nil || k < 0 || k > 8 {
					lvl = nil
					return nil
				}
				nl := &numLevel{start: 1, format: "decimal", defined: true}
				if num != nil && override >= 0 {
					num.levels[k] = nl
				} else if abs != nil {
					abs.levels[k] = *nl
					nl = &abs.levels[k]
				}
				lvl = nl
			case "start":
				if lvl != nil {
					lvl.start, _ = strconv.Atoi(v)
				}
			case "numFmt":
				if lvl != nil {
					lvl.format = v
				}
			case "lvlText":
				if lvl != nil {
					lvl.text = v
				}
			case "isLgl":
				if lvl != nil {
					lvl.isLgl = v == "" || v == "1" || v == "true" || v == "on"
				}
			case "numStyleLink":
				if abs != nil {
					abs.styleLink = v
				}
			case "pPr", "rPr":
				return d.Skip()
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "lvl":
				lvl = nil
			case "lvlOverride":
				override = -1
			}
		}
		return nil
	})
}

// attrVal is attr without the presence flag: an absent attribute reads as "".
func attrVal(se xml.StartElement, local string) string {
	v, _ := attr(se, local)
	return v
}

// level returns the definition of level ilvl of list numID.
func (r *docxReader) level(numID string, ilvl int) (numLevel, bool) {
	n := r.nums[numID]
	if n == nil || ilvl < 0 || ilvl > 8 {
		return numLevel{}, false
	}
	if l, ok := n.levels[ilvl]; ok && l.defined {
		return *l, true
	}
	abs := r.abstracts[n.abstract]
	for i := 0; abs != nil && abs.styleLink != "" && !abs.levels[ilvl].defined && i < 5; i++ {
		// A list defined by a numbering style: follow the style's list.
		s := r.resolveStyle(abs.styleLink)
		ln := r.nums[s.numID]
		if ln == nil {
			break
		}
		abs = r.abstracts[ln.abstract]
	}
	if abs == nil || !abs.levels[ilvl].defined {
		return numLevel{}, false
	}
	l := abs.levels[ilvl]
	if s, ok := n.starts[ilvl]; ok {
		l.start = s
	}
	return l, true
}

// nextLabel advances list numID at level ilvl and renders its label. Lower
// levels restart; bullets render as "-", as in text and Markdown.
func (r *docxReader) nextLabel(numID string, ilvl int) string {
	lv, ok := r.level(numID, ilvl)
	if !ok {
		return ""
	}
	st := r.counters[numID]
	if st == nil {
		st = &numState{}
		r.counters[numID] = st
	}
	if st.started[ilvl] {
		st.value[ilvl]++
	} else {
		st.value[ilvl], st.started[ilvl] = lv.start, true
	}
	for k := ilvl + 1; k < 9; k++ {
		st.started[k] = false
	}
	switch lv.format {
	case "none":
		return ""
	case "bullet":
		// As in text and Markdown: "- " marks a list item, so the item
		// can be read with the lead-in above it.
		return "-"
	}
	var b strings.Builder
	t := lv.text
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			k := int(t[i+1] - '1')
			i++
			kl, ok := r.level(numID, k)
			if !ok {
				continue
			}
			v := st.value[k]
			if !st.started[k] {
				v = kl.start
			}
			f := kl.format
			if lv.isLgl {
				f = "decimal"
			}
			b.WriteString(formatNum(v, f))
			continue
		}
		b.WriteByte(t[i])
	}
	return strings.TrimSpace(b.String())
}

// formatNum renders a list counter in a numFmt.
func formatNum(v int, format string) string {
	switch format {
	case "lowerLetter":
		return letters(v, false)
	case "upperLetter":
		return letters(v, true)
	case "lowerRoman":
		return toRoman(v, false)
	case "upperRoman":
		return toRoman(v, true)
	case "decimalZero":
		if v < 10 && v >= 0 {
			return "0" + strconv.Itoa(v)
		}
	case "ordinal":
		suf := "th"
		if v%100 < 11 || v%100 > 13 {
			switch v % 10 {
			case 1:
				suf = "st"
			case 2:
				suf = "nd"
			case 3:
				suf = "rd"
			}
		}
		return strconv.Itoa(v) + suf
	case "none", "bullet":
		return ""
	}
	return strconv.Itoa(v)
}

// letters renders 1 → a, 26 → z, 27 → aa, as Word does.
func letters(v int, upper bool) string {
	if v <= 0 {
		return strconv.Itoa(v)
	}
	base := byte('a')
	if upper {
		base = 'A'
	}
	c := string(rune(base + byte((v-1)%26)))
	return strings.Repeat(c, (v-1)/26+1)
}

// toRoman renders v in roman numerals.
func toRoman(v int, upper bool) string {
	if v <= 0 || v >= 4000 {
		return strconv.Itoa(v)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, n := range vals {
		for v >= n {
			b.WriteString(syms[i])
			v -= n
		}
	}
	if upper {
		return strings.ToUpper(b.String())
	}
	return b.String()
}
