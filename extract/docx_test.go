package extract

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"hash/crc32"
	"strings"
	"testing"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"`

// makeDOCX zips parts (name → content) into a DOCX; body is the content of
// w:body.
func makeDOCX(t testing.TB, body string, extra map[string]string) []byte {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
	}
	for k, v := range extra {
		parts[k] = v
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func para(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func numPara(numID, ilvl, text string) string {
	return `<w:p><w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

const testNumbering = `<?xml version="1.0"?><w:numbering ` + wNS + `>
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="7"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%4)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Article %1"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>`

const testStyles = `<?xml version="1.0"?><w:styles ` + wNS + `>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="Contract Heading"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
</w:styles>`

func TestReadDOCX(t *testing.T) {
	numbered := map[string]string{"word/numbering.xml": testNumbering, "word/styles.xml": testStyles}
	tests := []struct {
		name  string
		body  string
		extra map[string]string
		want  []string // substrings of Text, in order
		not   []string // must not appear
	}{
		{
			name: "tracked changes",
			body: `<w:p><w:r><w:t xml:space="preserve">Vendor shall notify Client within </w:t></w:r>` +
				`<w:del w:id="1" w:author="A"><w:r><w:delText>sixty</w:delText></w:r></w:del>` +
				`<w:ins w:id="2" w:author="A"><w:r><w:t>ten</w:t></w:r></w:ins>` +
				`<w:r><w:t xml:space="preserve"> days.</w:t></w:r></w:p>` +
				`<w:moveFrom w:id="3"><w:r><w:t>Moved away text.</w:t></w:r></w:moveFrom>` +
				`<w:p><w:moveTo w:id="4"><w:r><w:t>Moved here text.</w:t></w:r></w:moveTo></w:p>`,
			want: []string{"Vendor shall notify Client within ten days.", "Moved here text."},
			not:  []string{"sixty", "Moved away"},
		},
		{
			name: "comments and field codes",
			body: `<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Audit rights apply.</w:t></w:r><w:commentRangeEnd w:id="0"/>` +
				`<w:r><w:commentReference w:id="0"/></w:r>` +
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
			extra: map[string]string{"word/comments.xml": `<w:comments ` + wNS + `><w:comment w:id="0"><w:p><w:r><w:t>Reviewer note: push back</w:t></w:r></w:p></w:comment></w:comments>`},
			want:  []string{"Audit rights apply."},
			not:   []string{"Reviewer", "PAGE"},
		},
		{
			name: "numbering",
			body: numPara("1", "0", "Security") + numPara("1", "1", "Safeguards. Vendor shall use safeguards.") +
				numPara("1", "1", "Subcontractors. Vendor shall bind subcontractors.") +
				numPara("1", "2", "first item;") + numPara("1", "3", "nested item;") + numPara("1", "2", "second item.") +
				numPara("1", "0", "Term") + numPara("1", "1", "Duration. Three years.") +
				numPara("3", "0", "Restarted list") + numPara("4", "0", "A bullet point."),
			extra: numbered,
			want: []string{"7. Security", "7.1 Safeguards.", "7.2 Subcontractors.", "(a) first item;", "(i) nested item;",
				"(b) second item.", "8. Term", "8.1 Duration.", "1. Restarted list", "\n\n- A bullet point."},
		},
		{
			name: "heading styles and style numbering",
			body: `<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Services Agreement</w:t></w:r></w:p>` +
				`<w:p><w:pPr><w:pStyle w:val="MyHeading"/></w:pPr><w:r><w:t>Definitions</w:t></w:r></w:p>` +
				para("Words have meanings.") +
				`<w:p><w:pPr><w:pStyle w:val="MyHeading"/></w:pPr><w:r><w:t>Payment</w:t></w:r></w:p>`,
			extra: numbered,
			want:  []string{"Services Agreement", "Article I Definitions", "Article II Payment"},
		},
		{
			name: "table rows",
			body: `<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>Breach notice</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>10 days</w:t></w:r></w:p></w:tc></w:tr>` +
				`<w:tr><w:tc><w:p><w:r><w:t>Insurance</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>$2,000,000</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
				`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Layout paragraph one.</w:t></w:r></w:p><w:p><w:r><w:t>Layout paragraph two.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
			want: []string{"Breach notice | 10 days\n\nInsurance | $2,000,000", "Layout paragraph one.\n\nLayout paragraph two."},
		},
		{
			name: "footnotes after the body in reference order",
			body: `<w:p><w:r><w:t>Vendor is liable.</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r></w:p>` +
				`<w:p><w:r><w:t>Client pays.</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>`,
			extra: map[string]string{"word/footnotes.xml": `<w:footnotes ` + wNS + `>` +
				`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
				`<w:footnote w:id="2"><w:p><w:r><w:t>Net thirty days.</w:t></w:r></w:p></w:footnote>` +
				`<w:footnote w:id="5"><w:p><w:r><w:t>Up to the cap.</w:t></w:r></w:p></w:footnote></w:footnotes>`},
			want: []string{"Vendor is liable.", "Client pays.", "[1] Up to the cap.", "[2] Net thirty days."},
		},
		{
			name: "text box once, hidden text, breaks and hyphens",
			body: `<w:p><w:r><w:t xml:space="preserve">Before box. </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>` +
				para("Boxed clause text.") + `</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>` +
				para("Boxed clause text.") + `</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>` +
				`<w:r><w:rPr><w:vanish/></w:rPr><w:t>Invisible words.</w:t></w:r>` +
				`<w:r><w:t>Non</w:t></w:r><w:r><w:noBreakHyphen/><w:t>exclusive</w:t><w:tab/><w:t>li</w:t><w:softHyphen/><w:t>cense</w:t><w:br/><w:t>granted.</w:t></w:r></w:p>`,
			want: []string{"Boxed clause text.", "Before box. Non-exclusive license granted."},
			not:  []string{"Invisible"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read(context.Background(), "test.docx", makeDOCX(t, tc.body, tc.extra), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != FormatDOCX {
				t.Errorf("format %q", doc.Format)
			}
			pos := 0
			for _, w := range tc.want {
				i := strings.Index(doc.Text[pos:], w)
				if i < 0 {
					t.Fatalf("text lacks %q after offset %d:\n%s", w, pos, doc.Text)
				}
				pos += i + len(w)
			}
			for _, n := range tc.not {
				if strings.Contains(doc.Text, n) {
					t.Errorf("text has %q:\n%s", n, doc.Text)
				}
			}
			if strings.Count(doc.Text, "Boxed clause text.") > 1 {
				t.Errorf("text box read twice:\n%s", doc.Text)
			}
			checkInvariants(t, doc)
		})
	}
}

func TestDOCXSections(t *testing.T) {
	numbered := map[string]string{"word/numbering.xml": testNumbering, "word/styles.xml": testStyles}
	body := numPara("1", "0", "Security") + numPara("1", "1", "Safeguards. Vendor shall use safeguards.") +
		numPara("1", "1", "Subcontractors. Vendor shall bind subcontractors.") + numPara("1", "2", "first item;") +
		numPara("1", "0", "Term")
	doc, err := Read(context.Background(), "s.docx", makeDOCX(t, body, numbered), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		number, title string
		level         int
	}{{"7", "Security", 1}, {"7.1", "Safeguards", 2}, {"7.2", "Subcontractors", 2}, {"7.2(a)", "", 3}, {"8", "Term", 1}}
	if len(doc.Sections) != len(want) {
		t.Fatalf("got %d sections %+v", len(doc.Sections), doc.Sections)
	}
	for i, w := range want {
		s := doc.Sections[i]
		if s.Number != w.number || s.Title != w.title || s.Level != w.level {
			t.Errorf("section %d = %q %q level %d, want %q %q %d", i, s.Number, s.Title, s.Level, w.number, w.title, w.level)
		}
	}
	// Section 7 spans its subsections and ends before 8.
	if !strings.Contains(doc.Text[doc.Sections[0].Start:doc.Sections[0].End], "first item") ||
		strings.Contains(doc.Text[doc.Sections[0].Start:doc.Sections[0].End], "Term") {
		t.Errorf("section 7 spans %q", doc.Text[doc.Sections[0].Start:doc.Sections[0].End])
	}
	i := sentenceWith(doc, "Vendor shall bind")
	if i < 0 || doc.Sentences[i].Section < 0 || doc.Sections[doc.Sentences[i].Section].Number != "7.2" {
		t.Errorf("sentence %d not in section 7.2", i)
	}
}

func sentenceWith(doc *Document, sub string) int {
	for i := range doc.Sentences {
		if strings.Contains(doc.SentenceText(i), sub) {
			return i
		}
	}
	return -1
}

// rawZip writes one entry whose header declares size bytes but whose
// deflated data holds data.
func rawZip(t *testing.T, name string, data []byte, declared uint64) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	fw.Write(data)
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(data),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: declared})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	zw.Close()
	return buf.Bytes()
}

func TestDOCXLimits(t *testing.T) {
	big := `<w:document ` + wNS + `><w:body>` + strings.Repeat(para("Vendor shall comply."), 20000) + `</w:body></w:document>`
	tests := []struct {
		name    string
		data    []byte
		opt     Options
		wantErr string
		unread  bool
	}{
		{name: "declared size over limit", data: makeDOCX(t, strings.Repeat(para("word"), 5000), nil), opt: Options{MaxBytes: 10000}, wantErr: "size limit"},
		// archive/zip itself refuses to inflate past the declared size.
		{name: "header lies about size", data: rawZip(t, "word/document.xml", []byte(big), 100), opt: Options{MaxBytes: 50000}, wantErr: "not a valid zip"},
		{name: "parts together over limit", data: makeDOCX(t, strings.Repeat(para("word"), 300), map[string]string{"word/styles.xml": "<w:styles " + wNS + ">" + strings.Repeat(" ", 35000) + "</w:styles>"}), opt: Options{MaxBytes: 50000}, wantErr: "size limit"},
		{name: "corrupt zip", data: append([]byte("PK\x03\x04"), bytes.Repeat([]byte{0x17}, 300)...), wantErr: "corrupt zip"},
		{name: "encrypted", data: append(append([]byte{}, cfbMagic...), []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")...), wantErr: "encrypted: a password is needed to open it", unread: true},
		{name: "empty document", data: makeDOCX(t, `<w:p/>`, nil), wantErr: "no text", unread: true},
		{name: "broken xml", data: makeDOCX(t, `<w:p><w:r><w:t>unclosed`, nil), wantErr: "XML syntax error"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(context.Background(), "acme.docx", tc.data, tc.opt)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("err = %v, want %q", err, tc.wantErr)
			}
			if !strings.HasPrefix(err.Error(), "extract acme.docx: ") {
				t.Errorf("error does not name the file: %v", err)
			}
			if IsUnreadable(err) != tc.unread {
				t.Errorf("IsUnreadable = %v, want %v", IsUnreadable(err), tc.unread)
			}
		})
	}
	var u *UnreadableError
	_, err := Read(context.Background(), "x.docx", makeDOCX(t, "", nil), Options{})
	if !errors.As(err, &u) || u.Path != "x.docx" {
		t.Errorf("unreadable error %#v", err)
	}
}
