package extract

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/draw"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

// testPage is one page of a PDF made by makePDF: its content stream and,
// optionally, Form XObjects named /X0, /X1... (each may draw the others).
type testPage struct {
	content string
	forms   []string
	images  int // image XObjects /Im0... (1×1 gray, or gray below)
	rotate  int
	// gray is an 8-bit grayscale image of grayW×grayH pixels used for
	// the image XObjects when set.
	gray         []byte
	grayW, grayH int
}

// makePDF writes a small PDF whose pages use the fonts
//
//	/F1 Helvetica (WinAnsi, no Widths: the standard metrics apply)
//	/F2 Times-Roman with a Widths array
//	/F3 Helvetica with Differences mapping code 1 to the "fi" ligature
//	/F4 a TrueType subset without Encoding whose ToUnicode CMap maps the
//	    one-byte codes 1-26 to a-z and 27 to a space but declares a
//	    two-byte code space
//
// Streams are flate-compressed when compress is set.
func makePDF(pages []testPage, compress bool) []byte {
	var objs []string // objs[i] is object i+1
	add := func(s string) int {
		objs = append(objs, s)
		return len(objs)
	}
	stream := func(dict, data string) string {
		if compress {
			var b bytes.Buffer
			w := zlib.NewWriter(&b)
			w.Write([]byte(data))
			w.Close()
			return fmt.Sprintf("<<%s /Length %d /Filter /FlateDecode>>\nstream\n%s\nendstream", dict, b.Len(), b.String())
		}
		return fmt.Sprintf("<<%s /Length %d>>\nstream\n%s\nendstream", dict, len(data), data)
	}
	catalog := add("") // filled below
	pagesObj := add("")
	f1 := add("<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding>>")
	var widths strings.Builder
	for c := 32; c <= 126; c++ {
		w := 500
		switch {
		case c == ' ':
			w = 250
		case c == 'i' || c == 'l' || c == 'j' || c == 't' || c == 'f':
			w = 278
		case c == 'm' || c == 'w' || c == 'M' || c == 'W':
			w = 778
		case c >= 'A' && c <= 'Z':
			w = 667
		}
		fmt.Fprintf(&widths, "%d ", w)
	}
	f2 := add(fmt.Sprintf("<</Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [%s]>>", widths.String()))
	f3 := add("<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding <</Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /fi]>>>>")
	// F4 maps one-byte codes 1-26 to a-z and 27 to a space through a
	// ToUnicode CMap that declares two-byte codes, as Word writes them.
	cmap := add(stream("", "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"+
		"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"+
		"1 beginbfchar <001B> <0020> endbfchar\n"+
		"1 beginbfrange <0001> <001A> <0061> endbfrange\n"+
		"endcmap CMapName currentdict /CMap defineresource pop end end"))
	f4 := add(fmt.Sprintf("<</Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Calibri /FirstChar 1 /LastChar 27 /Widths [%s] /ToUnicode %d 0 R>>",
		strings.TrimSpace(strings.Repeat("500 ", 27)), cmap))
	var kids []string
	for _, p := range pages {
		formBase := len(objs) + 1
		var xobj strings.Builder
		for i := range p.forms {
			fmt.Fprintf(&xobj, "/X%d %d 0 R ", i, formBase+i)
		}
		for i := range p.images {
			fmt.Fprintf(&xobj, "/Im%d %d 0 R ", i, formBase+len(p.forms)+i)
		}
		res := fmt.Sprintf("<</Font <</F1 %d 0 R /F2 %d 0 R /F3 %d 0 R /F4 %d 0 R>> /XObject <<%s>>>>", f1, f2, f3, f4, xobj.String())
		for _, f := range p.forms {
			add(stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources "+res, f))
		}
		for range p.images {
			if p.gray != nil {
				add(stream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8", p.grayW, p.grayH), string(p.gray)))
				continue
			}
			add(stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", "\x80"))
		}
		content := add(stream("", p.content))
		rot := ""
		if p.rotate != 0 {
			rot = fmt.Sprintf(" /Rotate %d", p.rotate)
		}
		page := add(fmt.Sprintf("<</Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources %s /Contents %d 0 R%s>>", pagesObj, res, content, rot))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	objs[catalog-1] = fmt.Sprintf("<</Type /Catalog /Pages %d 0 R>>", pagesObj)
	objs[pagesObj-1] = fmt.Sprintf("<</Type /Pages /Kids [%s] /Count %d>>", strings.Join(kids, " "), len(kids))

	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root %d 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, catalog, xref)
	return b.Bytes()
}

// textLines returns a content stream that shows each line with font f at
// size pt, starting at (x, y) and going down by lead.
func textLines(f string, pt, x, y, lead float64, lines ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "BT /%s %g Tf %g TL %g %g Td\n", f, pt, lead, x, y)
	for i, l := range lines {
		if i > 0 {
			b.WriteString("T*\n")
		}
		fmt.Fprintf(&b, "(%s) Tj\n", pdfEscape(l))
	}
	b.WriteString("ET\n")
	return b.String()
}

func pdfEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s)
}

// textImage renders lines of text in a 7×13 bitmap font, each pixel scaled
// to a scale×scale block, as a grayscale image (black on white).
func textImage(scale int, lines ...string) (pix []byte, w, h int) {
	face := basicfont.Face7x13
	wide := 0
	for _, l := range lines {
		wide = max(wide, len(l))
	}
	small := image.NewGray(image.Rect(0, 0, 7*wide+20, 20*len(lines)+10))
	draw.Draw(small, small.Bounds(), image.White, image.Point{}, draw.Src)
	d := font.Drawer{Dst: small, Src: image.Black, Face: face}
	for i, l := range lines {
		d.Dot = fixed.P(10, 18+20*i)
		d.DrawString(l)
	}
	b := small.Bounds()
	w, h = b.Dx()*scale, b.Dy()*scale
	pix = make([]byte, w*h)
	for y := range h {
		for x := range w {
			pix[y*w+x] = small.GrayAt(x/scale, y/scale).Y
		}
	}
	return pix, w, h
}
