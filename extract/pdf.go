package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/ledongthuc/pdf"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// Thresholds for telling a scan from a page with text.
const (
	scanChars = 40 // a page with an image and fewer non-space characters is a scan
)

var errNeedPassword = errors.New("encrypted: a password is needed to open it")

// pdfFallbacks lets the reader hand files the library refuses to pdfcpu,
// and to qpdf and pdftotext when they are installed. The fuzz test turns
// it off: those run long on damaged input and pdfcpu cannot be stopped.
var pdfFallbacks = true

// readPDF returns the blocks of a PDF in reading order, its page count and
// any warnings.
func readPDF(ctx context.Context, path string, data []byte, opt Options) (blocks []Block, pages int, warnings []string, err error) {
	defer func() {
		if x := recover(); x != nil {
			blocks, pages, warnings = nil, 0, nil
			err = fmt.Errorf("pdf reader crashed: %v", x)
		}
	}()
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	r, direct, err := openPDF(ctx, data, false)
	if err != nil {
		if errors.Is(err, errNeedPassword) {
			return nil, 0, nil, &UnreadableError{Path: path, Reason: errNeedPassword.Error()}
		}
		if ctx.Err() != nil {
			return nil, 0, nil, ctx.Err()
		}
		if b, n, ok := readPDFWithPdftotext(ctx, path, data); ok {
			return b, n, []string{"text read by pdftotext"}, nil
		}
		return nil, 0, nil, err
	}
	doc, err := interpretPages(ctx, r, &byteBudget{left: limit, limit: limit})
	if err != nil {
		return nil, 0, nil, err
	}
	if direct && doc.chars() == 0 && !r.Trailer().Key("Encrypt").IsNull() {
		// The library opened an encrypted file but read no text: try a
		// copy decrypted by pdfcpu.
		if r2, _, err2 := openPDF(ctx, data, true); err2 == nil {
			if doc2, err2 := interpretPages(ctx, r2, &byteBudget{left: limit, limit: limit}); err2 == nil && doc2.chars() > 0 {
				doc = doc2
			}
		} else if errors.Is(err2, errNeedPassword) {
			return nil, 0, nil, &UnreadableError{Path: path, Reason: errNeedPassword.Error()}
		}
	}
	pages = len(doc.pages)
	warnings = doc.warnings

	// Pages without a text layer: OCR them, or report the file.
	var scanned []int
	total, nonEmpty := 0, 0
	for i, p := range doc.pages {
		total += p.chars
		if p.chars > 0 || p.images > 0 {
			nonEmpty++
		}
		if p.chars < scanChars && p.images > 0 {
			scanned = append(scanned, i+1)
		}
	}
	images := 0
	for _, p := range doc.pages {
		images += p.images
	}
	undecoded := 0
	for _, p := range doc.pages {
		undecoded += p.undecoded
	}
	if total < scanChars && undecoded >= 5 && undecoded > 2*total {
		return nil, pages, warnings, &UnreadableError{Path: path, Reason: "text cannot be decoded: its fonts map no glyph to Unicode"}
	}
	if undecoded > 0 && undecoded*20 > total {
		warnings = append(warnings, itoa(int64(undecoded))+" glyphs could not be decoded to text")
	}
	if total == 0 && images == 0 && !direct {
		return nil, pages, warnings, errors.New("damaged pdf: no readable page content")
	}
	ocr := map[int][]Block{}
	if total == 0 || len(scanned) > 0 && len(scanned) == nonEmpty {
		if !opt.OCR || !ocrAvailable() {
			return nil, pages, warnings, &UnreadableError{Path: path, Reason: "no text layer (scanned?)"}
		}
	}
	if len(scanned) > 0 {
		if opt.OCR && ocrAvailable() {
			ocr, err = ocrPages(ctx, data, scanned)
			if err != nil {
				return nil, pages, warnings, fmt.Errorf("ocr: %w", err)
			}
			warnings = append(warnings, pagesLabel(scanned)+" read by OCR (tesseract)")
		} else {
			warnings = append(warnings, pagesLabel(scanned)+" have no text layer")
		}
	}

	removeFurniture(doc.pages)
	for i, p := range doc.pages {
		if b, ok := ocr[i+1]; ok {
			blocks = append(blocks, b...)
			continue
		}
		blocks = append(blocks, paragraphs(p.lines, i+1)...)
	}
	if len(blocks) == 0 && len(ocr) > 0 {
		return nil, pages, warnings, &UnreadableError{Path: path, Reason: "no text layer (scanned?)"}
	}
	// Text that is not really read must not pass for a contract that
	// lacks every protection.
	w, err := checkGarbled(path, blocks)
	if err != nil {
		return nil, pages, warnings, err
	}
	if w != "" {
		warnings = append(warnings, w)
	}
	return blocks, pages, warnings, nil
}

// openPDF opens data with the library, or, when the library refuses it, a
// copy that pdfcpu (or qpdf, when installed) decrypted with the empty user
// password or repaired. direct tells whether the library read data itself.
func openPDF(ctx context.Context, data []byte, forceRepair bool) (r *pdf.Reader, direct bool, err error) {
	data = fixHeader(data)
	if !forceRepair {
		r, err = newLibReader(ctx, data)
		if err == nil && weakEncryption(r) {
			err = errors.New("40-bit encryption")
		}
		if err == nil && len(pageTree(r, 1)) > 0 {
			return r, true, nil
		}
		if err == nil {
			err = errors.New("no pages found")
		}
	} else {
		err = errors.New("the library read no text")
	}
	encrypted := bytes.Contains(data, []byte("/Encrypt"))
	fixed, ferr := repairPDF(ctx, data)
	if ferr == nil {
		if r2, err2 := newLibReader(ctx, fixed); err2 == nil && len(pageTree(r2, 1)) > 0 {
			return r2, false, nil
		}
	}
	if ctx.Err() != nil {
		return nil, false, ctx.Err()
	}
	if encrypted {
		fixed, qerr := qpdfDecrypt(ctx, data)
		switch {
		case qerr == nil:
			if r2, err2 := newLibReader(ctx, fixed); err2 == nil && len(pageTree(r2, 1)) > 0 {
				return r2, false, nil
			}
		case errors.Is(qerr, errNeedPassword):
			return nil, false, errNeedPassword
		case errors.Is(qerr, exec.ErrNotFound) && ferr != nil:
			// pdfcpu failing on an encrypted file most often means the
			// empty password did not give the right key.
			return nil, false, errNeedPassword
		}
	}
	if errors.Is(ferr, errNeedPassword) {
		return nil, false, errNeedPassword
	}
	return nil, false, fmt.Errorf("read pdf: %v (repair: %v)", err, ferr)
}

// fixHeader returns data with a header line the library accepts: version
// 1.x followed by an end of line ("%PDF-1.7 \n" and "%PDF-2.0" are
// refused). Offsets do not change.
func fixHeader(data []byte) []byte {
	if len(data) < 9 || !bytes.HasPrefix(data, []byte("%PDF-")) {
		return data
	}
	ok := data[5] == '1' && data[6] == '.' && data[7] >= '0' && data[7] <= '7' && (data[8] == '\r' || data[8] == '\n')
	if ok {
		return data
	}
	if data[8] != ' ' && data[8] != '\t' && data[8] != '\r' && data[8] != '\n' && data[8] != '%' {
		return data
	}
	fixed := bytes.Clone(data)
	copy(fixed, "%PDF-1.7\n")
	return fixed
}

// weakEncryption reports a file encrypted with a 40-bit RC4 key, which the
// library does not decrypt correctly.
func weakEncryption(r *pdf.Reader) bool {
	enc := r.Trailer().Key("Encrypt")
	if enc.IsNull() {
		return false
	}
	n := enc.Key("Length").Int64()
	return enc.Key("V").Int64() == 1 || n == 40 || n == 5
}

// qpdfDecrypt decrypts data with the empty user password through qpdf.
func qpdfDecrypt(ctx context.Context, data []byte) ([]byte, error) {
	if !pdfFallbacks {
		return nil, exec.ErrNotFound
	}
	if _, err := exec.LookPath("qpdf"); err != nil {
		return nil, exec.ErrNotFound
	}
	dir, err := os.MkdirTemp("", "clausecheck-qpdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in, out := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, err
	}
	msg, err := exec.CommandContext(ctx, "qpdf", "--decrypt", "--password=", in, out).CombinedOutput()
	if err != nil {
		if bytes.Contains(bytes.ToLower(msg), []byte("password")) {
			return nil, errNeedPassword
		}
		// Exit status 3 means warnings: the output is written.
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 3 {
			return nil, fmt.Errorf("qpdf: %v", err)
		}
	}
	return os.ReadFile(out)
}

// guardedReader serves the file to the library and stops serving it once
// ctx is done or the library has read far more than the file holds (a
// loop in a damaged file's cross-references), so no library call can run
// away.
type guardedReader struct {
	ctx  context.Context
	data []byte
	left atomic.Int64
}

var errReadLimit = errors.New("pdf reader read limit reached (damaged cross-references?)")

func (g *guardedReader) ReadAt(p []byte, off int64) (int, error) {
	if err := g.ctx.Err(); err != nil {
		return 0, err
	}
	if g.left.Add(-int64(len(p))) < 0 {
		return 0, errReadLimit
	}
	if off < 0 || off >= int64(len(g.data)) {
		return 0, io.EOF
	}
	n := copy(p, g.data[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func newLibReader(ctx context.Context, data []byte) (r *pdf.Reader, err error) {
	defer func() {
		if x := recover(); x != nil {
			r, err = nil, fmt.Errorf("malformed pdf: %v", x)
		}
	}()
	g := &guardedReader{ctx: ctx, data: data}
	g.left.Store(256<<20 + 64*int64(len(data)))
	r, err = pdf.NewReader(g, int64(len(data)))
	if err != nil {
		return nil, err
	}
	// The page tree must be readable.
	_ = r.NumPage()
	return r, nil
}

var pdfcpuOnce sync.Once

// repairPDF rewrites data with pdfcpu: decrypted when it is encrypted with
// an empty user password, with a rebuilt cross-reference table otherwise.
// pdfcpu cannot be interrupted, so it runs aside while ctx is watched.
func repairPDF(ctx context.Context, data []byte) ([]byte, error) {
	if !pdfFallbacks {
		return nil, errors.New("repair disabled")
	}
	pdfcpuOnce.Do(api.DisableConfigDir)
	type result struct {
		out []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if x := recover(); x != nil {
				done <- result{nil, fmt.Errorf("pdfcpu crashed: %v", x)}
			}
		}()
		conf := model.NewDefaultConfiguration()
		conf.ValidationMode = model.ValidationRelaxed
		conf.WriteObjectStream = false
		conf.WriteXRefStream = false
		var out bytes.Buffer
		var err error
		if bytes.Contains(data, []byte("/Encrypt")) {
			err = api.Decrypt(bytes.NewReader(data), &out, conf)
			if err != nil && isPasswordError(err) {
				done <- result{nil, errNeedPassword}
				return
			}
		}
		if err != nil || out.Len() == 0 {
			out.Reset()
			conf := model.NewDefaultConfiguration()
			conf.ValidationMode = model.ValidationRelaxed
			conf.WriteObjectStream = false
			conf.WriteXRefStream = false
			err = api.Optimize(bytes.NewReader(data), &out, conf)
			if err != nil && isPasswordError(err) {
				err = errNeedPassword
			}
		}
		done <- result{out.Bytes(), err}
	}()
	select {
	case res := <-done:
		return res.out, res.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func isPasswordError(err error) bool {
	s := strings.ToLower(err.Error())
	return strings.Contains(s, "password")
}

// pdfPage is what the reader keeps of one page.
type pdfPage struct {
	box       [4]float64
	lines     []pdfLine
	chars     int // non-space characters
	images    int
	undecoded int // glyphs without text
}

type pdfDoc struct {
	pages    []pdfPage
	warnings []string
}

func (d *pdfDoc) chars() int {
	n := 0
	for _, p := range d.pages {
		n += p.chars
	}
	return n
}

// interpretPages interprets every page's content and lays out its text.
func interpretPages(ctx context.Context, r *pdf.Reader, budget *byteBudget) (*pdfDoc, error) {
	refs := pageTree(r, maxPages)
	n := len(refs)
	doc := &pdfDoc{pages: make([]pdfPage, n)}
	in := &pageInterp{ctx: ctx, budget: budget, fonts: map[string]*pdfFont{},
		xobjects: map[string]*xobject{}, formsByID: map[string]*xobject{}}
	var bad []int
	for i := 1; i <= n; i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		in.buf, in.runs, in.images, in.ops, in.draws, in.forms = in.buf[:0], in.runs[:0], 0, 0, 0, in.forms[:0]
		in.undecoded = 0
		if !interpretPage(refs[i-1], in) {
			bad = append(bad, i)
		}
		if in.err != nil {
			if errors.Is(in.err, context.Canceled) || errors.Is(in.err, context.DeadlineExceeded) {
				return nil, in.err
			}
			return nil, fmt.Errorf("page %d: %w", i, in.err)
		}
		p := &doc.pages[i-1]
		p.images = in.images
		p.undecoded = in.undecoded
		p.box = refs[i-1].box
		for _, c := range string(in.buf) {
			if !unicode.IsSpace(c) {
				p.chars++
			}
		}
		p.lines = layoutPage(in.buf, in.runs)
	}
	if len(bad) > 0 {
		doc.warnings = append(doc.warnings, pagesLabel(bad)+" could not be read")
	}
	return doc, nil
}

// pageRef is a page dictionary with the resources it has or inherits.
type pageRef struct {
	v, res pdf.Value
	box    [4]float64 // MediaBox, normalised: x0, y0, x1, y1
}

// maxPages bounds the pages read from one file.
const maxPages = 100000

// pageTree lists the pages of r in order, at most limit of them. Unlike the library's Page it
// reads the tree once and survives cycles in it.
func pageTree(r *pdf.Reader, limit int) (pages []pageRef) {
	defer func() {
		if recover() != nil && pages == nil {
			pages = nil
		}
	}()
	// Pages nodes already walked, by their printed selves (which list
	// their kids by reference): a tree that loops is walked once.
	seen := map[string]bool{}
	var walk func(node, res pdf.Value, box [4]float64, depth int)
	walk = func(node, res pdf.Value, box [4]float64, depth int) {
		if depth > 64 || len(pages) >= limit || node.Kind() != pdf.Dict {
			return
		}
		if rv := node.Key("Resources"); rv.Kind() == pdf.Dict {
			res = rv
		}
		if mb := node.Key("MediaBox"); mb.Len() == 4 {
			a, b, c, d := mb.Index(0).Float64(), mb.Index(1).Float64(), mb.Index(2).Float64(), mb.Index(3).Float64()
			if c != a && d != b {
				box = [4]float64{min(a, c), min(b, d), max(a, c), max(b, d)}
			}
		}
		kids := node.Key("Kids")
		if node.Key("Type").Name() == "Page" || kids.Kind() != pdf.Array {
			pages = append(pages, pageRef{node, res, box})
			return
		}
		for i := 0; i < kids.Len(); i++ {
			kid := kids.Index(i)
			if kid.Key("Kids").Kind() == pdf.Array {
				id := kid.String()
				if seen[id] {
					continue
				}
				seen[id] = true
			}
			walk(kid, res, box, depth+1)
		}
	}
	root := r.Trailer().Key("Root").Key("Pages")
	seen[root.String()] = true
	walk(root, pdf.Value{}, [4]float64{0, 0, 612, 792}, 0)
	return pages
}

// interpretPage runs page i's content through in; false means the page or
// its content could not be read (the text found so far is kept).
func interpretPage(p pageRef, in *pageInterp) (ok bool) {
	defer func() {
		if x := recover(); x != nil {
			ok = false
		}
	}()
	if p.v.IsNull() {
		return false
	}
	contents := p.v.Key("Contents")
	ok = contents.Kind() == pdf.Null || in.run(contents, p.res, identity)
	in.annotations(p.v.Key("Annots"))
	return ok
}

// annotations draws the appearance of form fields and free-text notes,
// where filled-in form values live.
func (in *pageInterp) annotations(annots pdf.Value) {
	for k := 0; k < annots.Len() && k < 10000 && in.err == nil; k++ {
		a := annots.Index(k)
		switch a.Key("Subtype").Name() {
		case "Widget", "FreeText":
		default:
			continue
		}
		if a.Key("F").Int64()&2 != 0 { // hidden
			continue
		}
		ap := a.Key("AP").Key("N")
		if ap.Kind() == pdf.Dict && a.Key("AS").Kind() == pdf.Name {
			ap = ap.Key(a.Key("AS").Name())
		}
		rect := a.Key("Rect")
		if ap.Kind() != pdf.Stream || rect.Len() != 4 {
			continue
		}
		bbox := ap.Key("BBox")
		x, y := min(rect.Index(0).Float64(), rect.Index(2).Float64()), min(rect.Index(1).Float64(), rect.Index(3).Float64())
		if bbox.Len() == 4 {
			x -= min(bbox.Index(0).Float64(), bbox.Index(2).Float64())
			y -= min(bbox.Index(1).Float64(), bbox.Index(3).Float64())
		}
		in.drawForm(&xobject{v: ap, kind: "Form", id: ap.String()}, pdf.Value{}, mat{1, 0, 0, 1, x, y})
	}
}

var (
	pageNumberRE = regexp.MustCompile(`^(?i)(page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(\s*(of|/)\s*\d{1,4})?$|^(?i)[-–—]?\s*[ivxlc]{1,7}\s*[-–—]?$`)
	digitsRE     = regexp.MustCompile(`\d+`)
)

// removeFurniture drops running headers and footers (lines repeated at the
// top or bottom of many pages, numbers aside) and page numbers. A legend of
// several lines goes whole: a line next to a dropped one, on the same side
// of the page and at line spacing from it, is furniture too when the same
// pair of lines recurs at that end of many pages.
func removeFurniture(pages []pdfPage) {
	const (
		edge = 2 // lines at each end of a page that may be furniture on their own
		deep = 6 // lines at each end that may continue a run of furniture
	)
	key := func(s string) string {
		return digitsRE.ReplaceAllString(strings.ToLower(strings.Join(strings.Fields(s), " ")), "#")
	}
	// The page's top and bottom lines by position: with columns, the
	// last line in reading order may sit above the footer.
	ends := func(p *pdfPage) (top, bottom []int) {
		idx := make([]int, 0, len(p.lines))
		for k, ln := range p.lines {
			if ln.orient == 0 {
				idx = append(idx, k)
			}
		}
		if len(idx) == 0 {
			for k := range p.lines {
				idx = append(idx, k)
			}
		} else {
			sort.SliceStable(idx, func(a, b int) bool { return p.lines[idx[a]].y > p.lines[idx[b]].y })
		}
		n := min(deep, len(idx))
		top = idx[:n]
		for k := len(idx) - 1; k >= len(idx)-n; k-- {
			bottom = append(bottom, idx[k])
		}
		return top, bottom
	}
	// count tallies, once per page, the lines within edge of an end and
	// the pairs of neighbouring lines within deep of it.
	count := func(p *pdfPage, end []int, lines, pairs map[string]int) {
		seen := map[string]bool{}
		for i, k := range end {
			s := key(p.lines[k].text)
			if i < edge && !seen[s] {
				seen[s] = true
				lines[s]++
			}
			if i > 0 {
				pair := key(p.lines[end[i-1]].text) + "\n" + s
				if !seen["\n"+pair] {
					seen["\n"+pair] = true
					pairs[pair]++
				}
			}
		}
	}
	top, bottom := map[string]int{}, map[string]int{}
	topPairs, bottomPairs := map[string]int{}, map[string]int{}
	for pi := range pages {
		p := &pages[pi]
		t, b := ends(p)
		count(p, t, top, topPairs)
		count(p, b, bottom, bottomPairs)
	}
	need := max(3, (len(pages)*2+4)/5)
	for pi := range pages {
		p := &pages[pi]
		if len(p.lines) < 2 {
			continue
		}
		drop := make([]bool, len(p.lines))
		// Repeated lines are furniture only around other text.
		repeated := len(p.lines) > 2
		// Furniture sits in the page's top or bottom margin; upright
		// text only is placed against the page box.
		h := p.box[3] - p.box[1]
		inTop := func(ln pdfLine) bool { return ln.orient != 0 || ln.y > p.box[3]-0.15*h }
		inBottom := func(ln pdfLine) bool { return ln.orient != 0 || ln.y < p.box[1]+0.15*h }
		mark := func(end []int, lines, pairs map[string]int, inMargin func(pdfLine) bool) {
			run := map[string]bool{} // the keys of the run of furniture so far
			for i, k := range end {
				ln := p.lines[k]
				if inMargin(ln) {
					s := key(ln.text)
					alone := i < edge && (repeated && lines[s] >= need || pageNumberRE.MatchString(strings.TrimSpace(ln.text)))
					// A line may also continue a run of furniture; a
					// key met again in the run is a form's repeated
					// fields (signature blanks), not a legend.
					continues := false
					if i > 0 && repeated && drop[end[i-1]] && !run[s] {
						prev := p.lines[end[i-1]]
						contiguous := ln.orient == prev.orient && math.Abs(prev.y-ln.y) <= 2*max(prev.size, ln.size)
						continues = contiguous && pairs[key(prev.text)+"\n"+s] >= need
					}
					drop[k] = alone || continues
					if drop[k] {
						run[s] = true
					} else {
						clear(run)
					}
				}
				if i >= edge && !drop[k] {
					return
				}
			}
		}
		t, b := ends(p)
		mark(t, top, topPairs, inTop)
		mark(b, bottom, bottomPairs, inBottom)
		kept := p.lines[:0]
		for k, ln := range p.lines {
			if !drop[k] {
				kept = append(kept, ln)
			}
		}
		p.lines = kept
	}
}

// pagesLabel names the pages: "page 4", "pages 1-3, 7".
func pagesLabel(pages []int) string {
	if len(pages) == 1 {
		return "page " + strconv.Itoa(pages[0])
	}
	return "pages " + pageRanges(pages)
}

// pageRanges formats sorted page numbers as "1-3, 7".
func pageRanges(pages []int) string {
	var parts []string
	for i := 0; i < len(pages); {
		j := i
		for j+1 < len(pages) && pages[j+1] == pages[j]+1 {
			j++
		}
		if i == j {
			parts = append(parts, strconv.Itoa(pages[i]))
		} else {
			parts = append(parts, strconv.Itoa(pages[i])+"-"+strconv.Itoa(pages[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

func ocrAvailable() bool {
	_, e1 := exec.LookPath("tesseract")
	_, e2 := exec.LookPath("pdftoppm")
	return e1 == nil && e2 == nil
}

// ocrPages renders the given pages at 300 dpi and reads them with
// tesseract.
func ocrPages(ctx context.Context, data []byte, pages []int) (map[int][]Block, error) {
	dir, err := os.MkdirTemp("", "clausecheck-ocr-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, err
	}
	out := map[int][]Block{}
	for _, n := range pages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		prefix := filepath.Join(dir, "p"+strconv.Itoa(n))
		num := strconv.Itoa(n)
		cmd := exec.CommandContext(ctx, "pdftoppm", "-r", "300", "-png", "-singlefile", "-f", num, "-l", num, in, prefix)
		if msg, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("pdftoppm page %d: %v: %s", n, err, bytes.TrimSpace(msg))
		}
		ocr := exec.CommandContext(ctx, "tesseract", prefix+".png", "stdout")
		ocr.Env = tesseractEnv()
		text, err := ocr.Output()
		if err != nil {
			return nil, fmt.Errorf("tesseract page %d: %v", n, err)
		}
		out[n] = textBlocks(string(text), n)
	}
	return out, nil
}

// tesseractEnv runs tesseract on one thread unless the user chose
// otherwise: scan already reads one document per core, and tesseract's own
// threads on top of that oversubscribe the cores (measured on the four
// CUAD contracts with image-only pages, 2 cores: 40 s with its default
// threads, 28 s with one, the same text).
func tesseractEnv() []string {
	env := os.Environ()
	if _, set := os.LookupEnv("OMP_THREAD_LIMIT"); !set {
		env = append(env, "OMP_THREAD_LIMIT=1")
	}
	return env
}

// blankLine separates paragraphs in OCR and pdftotext output.
var blankLine = regexp.MustCompile(`\n\s*\n`)

// textBlocks splits plain text into paragraph blocks at blank lines.
func textBlocks(text string, page int) []Block {
	var blocks []Block
	for _, para := range blankLine.Split(text, -1) {
		para = strings.TrimSpace(para)
		if para != "" {
			blocks = append(blocks, Block{Text: para, Page: page})
		}
	}
	return blocks
}

// readPDFWithPdftotext reads a file that nothing built in can open with
// poppler's pdftotext, when it is installed.
func readPDFWithPdftotext(ctx context.Context, path string, data []byte) ([]Block, int, bool) {
	if !pdfFallbacks {
		return nil, 0, false
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return nil, 0, false
	}
	cmd := exec.CommandContext(ctx, "pdftotext", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil || len(strings.TrimSpace(string(out))) == 0 {
		return nil, 0, false
	}
	pages := strings.Split(strings.TrimRight(string(out), "\f"), "\f")
	var blocks []Block
	for i, p := range pages {
		blocks = append(blocks, textBlocks(p, i+1)...)
	}
	return blocks, len(pages), true
}
