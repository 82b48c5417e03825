package extract

import (
	"encoding/xml"
	"slices"
	"strconv"
	"strings"
)

// docxPara is a paragraph being read.
type docxPara struct {
	text    strings.Builder
	style   string
	numID   string
	hasNum  bool
	ilvl    int
	hasIlvl bool
	outline int
}

// docxTable is a table being read: the current row's cells.
type docxTable struct {
	row    [][]Block
	cell   []Block
	inCell bool
}

// skipped are WordprocessingML elements whose content is not contract text:
// deletions, moved-away text, field codes, revision records, properties.
var skipped = map[string]bool{
	"del": true, "moveFrom": true, "delText": true, "instrText": true, "delInstrText": true,
	"pPrChange": true, "rPrChange": true, "sectPrChange": true, "tblPrChange": true,
	"trPrChange": true, "tcPrChange": true, "numberingChange": true, "sdtPr": true,
	"sdtEndPr": true, "tblPr": true, "tblGrid": true, "sectPr": true, "tcPr": true,
	"trPr": true, "footnotePr": true, "endnotePr": true, "fldData": true,
	"customXmlPr": true, "sym": true, "commentReference": true, "annotationRef": true,
}

// parsePart streams one part (document, footnotes or endnotes) into blocks.
func (r *docxReader) parsePart(name string, sink *[]Block) error {
	var (
		stack  []xml.Name
		paras  []*docxPara
		tables []*docxTable
		inT    bool
		hidden bool
		noteID string
	)
	if r.refs == nil {
		r.refs = map[string][]string{}
	}
	out := func(b Block) {
		if noteID != "" {
			r.notes[noteID] = append(r.notes[noteID], b)
			return
		}
		*sink = append(*sink, b)
	}
	parent := func(k int) string {
		if len(stack) < k {
			return ""
		}
		n := stack[len(stack)-k]
		if !isW(n) {
			return ""
		}
		return n.Local
	}
	write := func(s string) {
		if len(paras) > 0 && !hidden {
			paras[len(paras)-1].text.WriteString(s)
		}
	}
	return r.eachToken(name, func(d *xml.Decoder, tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
				// The same content as mc:Choice, for older readers.
				return d.Skip()
			}
			if !isW(t.Name) {
				stack = append(stack, t.Name)
				return nil
			}
			if skipped[t.Name.Local] {
				return d.Skip()
			}
			v, _ := attr(t, "val")
			switch t.Name.Local {
			case "p":
				paras = append(paras, &docxPara{outline: -1})
			case "pStyle":
				if parent(1) == "pPr" && len(paras) > 0 {
					paras[len(paras)-1].style = v
				}
			case "numId":
				if parent(1) == "numPr" && len(paras) > 0 {
					p := paras[len(paras)-1]
					p.numID, p.hasNum = v, true
				}
			case "ilvl":
				if parent(1) == "numPr" && len(paras) > 0 {
					p := paras[len(paras)-1]
					p.ilvl, _ = strconv.Atoi(v)
					p.hasIlvl = true
				}
			case "outlineLvl":
				if parent(1) == "pPr" && len(paras) > 0 {
					paras[len(paras)-1].outline, _ = strconv.Atoi(v)
				}
			case "r":
				hidden = false
			case "vanish", "webHidden":
				if parent(1) == "rPr" && parent(2) == "r" && v != "0" && v != "false" && v != "off" {
					hidden = true
				}
			case "t":
				inT = parent(1) == "r"
			case "tab", "ptab":
				if parent(1) == "r" {
					write("\t")
				}
			case "br", "cr":
				if parent(1) == "r" {
					write("\n")
				}
			case "noBreakHyphen":
				write("-")
			case "softHyphen":
				write("\u00AD")
			case "tbl":
				tables = append(tables, &docxTable{})
			case "tr":
				if len(tables) > 0 {
					tables[len(tables)-1].row = nil
				}
			case "tc":
				if len(tables) > 0 {
					tb := tables[len(tables)-1]
					tb.cell, tb.inCell = nil, true
				}
			case "footnoteReference", "endnoteReference":
				kind := strings.TrimSuffix(t.Name.Local, "Reference")
				if id, ok := attr(t, "id"); ok && !slices.Contains(r.refs[kind], id) {
					r.refs[kind] = append(r.refs[kind], id)
				}
			case "footnote", "endnote":
				typ, _ := attr(t, "type")
				if typ != "" && typ != "normal" {
					return d.Skip()
				}
				noteID, _ = attr(t, "id")
			}
			stack = append(stack, t.Name)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			if !isW(t.Name) {
				return nil
			}
			switch t.Name.Local {
			case "t":
				inT = false
			case "p":
				if len(paras) == 0 {
					return nil
				}
				p := paras[len(paras)-1]
				paras = paras[:len(paras)-1]
				b, ok := r.finishPara(p)
				if !ok {
					return nil
				}
				if len(tables) > 0 && tables[len(tables)-1].inCell {
					tb := tables[len(tables)-1]
					tb.cell = append(tb.cell, b)
				} else {
					out(b)
				}
			case "tc":
				if len(tables) > 0 {
					tb := tables[len(tables)-1]
					tb.row = append(tb.row, tb.cell)
					tb.cell, tb.inCell = nil, false
				}
			case "tr":
				if len(tables) == 0 {
					return nil
				}
				blocks := rowBlocks(tables[len(tables)-1].row)
				tables[len(tables)-1].row = nil
				if len(tables) > 1 && tables[len(tables)-2].inCell {
					outer := tables[len(tables)-2]
					outer.cell = append(outer.cell, blocks...)
				} else {
					for _, b := range blocks {
						out(b)
					}
				}
			case "tbl":
				if len(tables) > 0 {
					tables = tables[:len(tables)-1]
				}
			case "footnote", "endnote":
				noteID = ""
			}
		case xml.CharData:
			if inT {
				write(string(t))
			}
		}
		return nil
	})
}

// finishPara turns a read paragraph into a block: numbering label from the
// paragraph's list or its style's, heading level from its outline level or
// style. Empty paragraphs (often
// only a section break) do not advance their list.
func (r *docxReader) finishPara(p *docxPara) (Block, bool) {
	text := p.text.String()
	st := r.resolveStyle(p.style)
	level := st.level
	if p.outline >= 0 && p.outline < 9 {
		level = p.outline + 1
	} else if p.outline == 9 {
		level = 0
	}
	numID, ilvl := "", 0
	switch {
	case p.hasNum:
		numID, ilvl = p.numID, p.ilvl
		if !p.hasIlvl && st.hasNum {
			ilvl = st.ilvl
		}
	case st.hasNum:
		numID, ilvl = st.numID, st.ilvl
	}
	if strings.TrimSpace(strings.ReplaceAll(text, "\u00AD", "")) == "" {
		return Block{}, false
	}
	label := ""
	if numID != "" && numID != "0" {
		label = r.nextLabel(numID, ilvl)
	}
	return Block{Text: text, Page: 1, Heading: level > 0, Level: level, Label: label}, true
}

// rowBlocks renders a table row: one block with the non-empty cells joined
// by " | ". A row with a single non-empty cell is a layout table holding
// ordinary paragraphs, which stay separate blocks.
func rowBlocks(row [][]Block) []Block {
	var cells [][]Block
	for _, c := range row {
		if len(c) > 0 {
			cells = append(cells, c)
		}
	}
	switch len(cells) {
	case 0:
		return nil
	case 1:
		return cells[0]
	}
	parts := make([]string, len(cells))
	for i, c := range cells {
		texts := make([]string, len(c))
		for j, b := range c {
			texts[j] = strings.ReplaceAll(joinLabel(b), "\n", " ")
		}
		parts[i] = strings.Join(texts, " ")
	}
	return []Block{{Text: strings.Join(parts, " | "), Page: 1}}
}
