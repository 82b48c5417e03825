package extract

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlSkip are elements whose content is never visible text.
var htmlSkip = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Head: true, atom.Template: true,
	atom.Noscript: true, atom.Iframe: true, atom.Object: true, atom.Svg: true,
	atom.Math: true, atom.Select: true, atom.Button: true, atom.Canvas: true,
}

// htmlBlock are elements that end the current paragraph.
var htmlBlock = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Main: true, atom.Aside: true,
	atom.Nav: true, atom.Blockquote: true, atom.Pre: true, atom.Ul: true,
	atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Table: true, atom.Tr: true, atom.Hr: true, atom.Form: true,
	atom.Fieldset: true, atom.Figure: true, atom.Figcaption: true,
	atom.Address: true, atom.Caption: true, atom.Center: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Body: true, atom.Html: true,
}

// readHTML reads the visible text of an HTML document: block elements
// become blocks, h1-h6 headings, table rows one block each with cells
// joined by " | ", <br> a line break, and items of an <ol> get their number
// as a label. Entities are decoded by the parser.
func readHTML(ctx context.Context, data []byte, opt Options) ([]Block, int, []string, error) {
	s, warnings := decodeText(data)
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return nil, 0, nil, fmt.Errorf("html: %w", err)
	}
	h := &htmlReader{ctx: ctx}
	h.walk(root)
	h.flush()
	if h.err != nil {
		return nil, 0, nil, h.err
	}
	return h.blocks, 1, warnings, nil
}

type htmlReader struct {
	ctx     context.Context
	err     error
	n       int
	blocks  []Block
	cur     bytes.Buffer
	heading int    // level of the heading being read, 0 outside one
	label   string // numbering of the list item being read
	inRow   bool
}

func (h *htmlReader) flush() {
	t := strings.TrimSpace(h.cur.String())
	h.cur.Reset()
	if t == "" {
		return
	}
	h.blocks = append(h.blocks, Block{Text: t, Page: 1, Heading: h.heading > 0, Level: h.heading, Label: h.label})
	h.label = ""
}

func (h *htmlReader) walk(n *html.Node) {
	if h.err != nil {
		return
	}
	if h.n++; h.n%2048 == 0 {
		if h.err = h.ctx.Err(); h.err != nil {
			return
		}
	}
	switch n.Type {
	case html.TextNode:
		h.cur.WriteString(n.Data)
		return
	case html.CommentNode, html.DoctypeNode:
		return
	case html.ElementNode:
		if htmlSkip[n.DataAtom] || hiddenNode(n) {
			return
		}
		switch n.DataAtom {
		case atom.Br:
			h.cur.WriteByte('\n')
			return
		case atom.Tr:
			h.row(n)
			return
		case atom.Ol:
			h.flush()
			h.list(n)
			return
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			h.flush()
			h.heading = int(n.Data[1] - '0')
			h.children(n)
			h.flush()
			h.heading = 0
			return
		case atom.Td, atom.Th:
			if h.inRow {
				h.children(n)
				return
			}
		}
		if htmlBlock[n.DataAtom] && !h.inRow {
			h.flush()
			h.children(n)
			h.flush()
			return
		}
		if htmlBlock[n.DataAtom] {
			h.cur.WriteByte(' ')
		}
	}
	h.children(n)
}

func (h *htmlReader) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		h.walk(c)
	}
}

// row writes one table row as a block, non-empty cells joined by " | ".
// A row nested in a cell is flattened into that cell.
func (h *htmlReader) row(n *html.Node) {
	if h.inRow {
		h.cur.WriteByte(' ')
		h.children(n)
		return
	}
	h.flush()
	h.inRow = true
	var cells []string
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
			continue
		}
		h.walk(c)
		if t := strings.Join(strings.Fields(h.cur.String()), " "); t != "" {
			cells = append(cells, t)
		}
		h.cur.Reset()
	}
	h.inRow = false
	if len(cells) > 0 {
		h.blocks = append(h.blocks, Block{Text: strings.Join(cells, " | "), Page: 1})
	}
}

// list numbers the items of an <ol> by its start and type attributes.
func (h *htmlReader) list(n *html.Node) {
	num := 1
	if v, err := strconv.Atoi(attrOf(n, "start")); err == nil {
		num = v
	}
	typ := attrOf(n, "type")
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Li {
			h.walk(c)
			continue
		}
		if v, err := strconv.Atoi(attrOf(c, "value")); err == nil {
			num = v
		}
		h.flush()
		if !h.inRow {
			h.label = olLabel(num, typ)
		}
		h.children(c)
		h.flush()
		h.label = ""
		num++
	}
}

// olLabel renders an ordered-list number in the style of its type attribute.
func olLabel(v int, typ string) string {
	switch typ {
	case "a":
		return "(" + letters(v, false) + ")"
	case "A":
		return letters(v, true) + "."
	case "i":
		return "(" + toRoman(v, false) + ")"
	case "I":
		return toRoman(v, true) + "."
	}
	return strconv.Itoa(v) + "."
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

// hiddenNode reports an element hidden by the hidden attribute or an inline
// display:none style.
func hiddenNode(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			s := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		case "aria-hidden":
			// Decorative, but often still visible text: keep it.
		}
	}
	return false
}
