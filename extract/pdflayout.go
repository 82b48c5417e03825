package extract

import (
	"bytes"
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// pdfLine is one line of text of a page after layout, in reading order.
type pdfLine struct {
	text   string
	x0, x1 float64
	y      float64
	size   float64
	orient uint8
	flow   int // column region: lines of one flow are a continuous text
	colL   float64
	colR   float64
}

// Layout thresholds, in multiples of the font size.
const (
	spaceGap   = 0.15 // a gap wider than this between runs is a space
	segmentGap = 0.6  // a gap wider than this may separate columns
	rowTol     = 0.5  // baselines closer than this are one row
)

// layoutPage turns the runs of a page into lines in reading order.
func layoutPage(buf []byte, runs []textRun) []pdfLine {
	if len(runs) == 0 {
		return nil
	}
	// Group by orientation; the orientation with the most text comes first.
	var count [4]int
	for _, r := range runs {
		count[r.orient] += r.end - r.start
	}
	order := []uint8{0, 1, 2, 3}
	sort.SliceStable(order, func(i, j int) bool { return count[order[i]] > count[order[j]] })
	var lines []pdfLine
	flow := 0
	for _, o := range order {
		if count[o] == 0 {
			continue
		}
		var group []textRun
		blank := true
		for _, r := range runs {
			if r.orient == o {
				group = append(group, r)
				if blank && len(bytes.TrimSpace(buf[r.start:r.end])) != 0 {
					blank = false
				}
			}
		}
		if len(group) == 0 || blank {
			continue
		}
		ls, n := layoutGroup(buf, group, flow)
		for _, ln := range ls {
			if ln.text != "" {
				lines = append(lines, ln)
			}
		}
		flow += n
	}
	return lines
}

// segment is a piece of a row between wide gaps: a line of one column.
type segment struct {
	row    int // index of the row holding the segment
	runs   []textRun
	x0, x1 float64
	y      float64
	size   float64
}

// layoutGroup lays out runs of one orientation. It returns the lines and
// the number of flows used.
func layoutGroup(buf []byte, runs []textRun, flow0 int) ([]pdfLine, int) {
	runs = dedupeRuns(buf, runs)
	// Rows: sort by baseline, top first, keeping drawing order on ties.
	slices.SortStableFunc(runs, func(a, b textRun) int { return cmp.Compare(b.y, a.y) })
	var rows [][]textRun
	var rowY, rowSize float64
	for i, r := range runs {
		if i > 0 && rowY-r.y < rowTol*max(rowSize, r.size) {
			rows[len(rows)-1] = append(rows[len(rows)-1], r)
			if r.size > rowSize {
				rowSize, rowY = r.size, r.y
			}
			continue
		}
		rows = append(rows, []textRun{r})
		rowY, rowSize = r.y, r.size
	}
	var segs []segment
	var rowSegs [][2]int // segs[a:b] of each row
	for ri, row := range rows {
		slices.SortStableFunc(row, func(a, b textRun) int { return cmp.Compare(a.x0, b.x0) })
		a := len(segs)
		first := 0
		cur := segment{row: ri, x0: row[0].x0, x1: row[0].x1, y: row[0].y, size: row[0].size}
		for k := 1; k < len(row); k++ {
			r := row[k]
			if r.x0-cur.x1 > segmentGap*max(cur.size, r.size) {
				cur.runs = row[first:k]
				segs = append(segs, cur)
				first = k
				cur = segment{row: ri, x0: r.x0, x1: r.x1, y: r.y, size: r.size}
				continue
			}
			cur.x1 = max(cur.x1, r.x1)
			if r.size > cur.size {
				cur.size, cur.y = r.size, r.y
			}
		}
		cur.runs = row[first:]
		segs = append(segs, cur)
		rowSegs = append(rowSegs, [2]int{a, len(segs)})
	}

	gutter, ok := findGutter(segs)
	var lines []pdfLine
	if !ok {
		// One column: each row is a line.
		left, right := textBounds(segs)
		for _, rs := range rowSegs {
			var all []textRun
			s := segs[rs[0]:rs[1]]
			for _, sg := range s {
				all = append(all, sg.runs...)
			}
			ln := lineOf(buf, all)
			ln.flow, ln.colL, ln.colR = flow0, left, right
			lines = append(lines, ln)
		}
		return lines, 1
	}
	// Two columns: full-width segments separate regions; within a region
	// the left column precedes the right one.
	var leftSegs, rightSegs []segment
	flow := flow0
	l0, r0 := textBounds(segs)
	// column emits the segments of one column, those of a row as one line.
	column := func(col []segment) {
		if len(col) == 0 {
			return
		}
		a, b := textBounds(col)
		for i := 0; i < len(col); {
			j := i + 1
			runs := append([]textRun(nil), col[i].runs...)
			for j < len(col) && col[j].row == col[i].row {
				runs = append(runs, col[j].runs...)
				j++
			}
			ln := lineOf(buf, runs)
			ln.flow, ln.colL, ln.colR = flow, a, b
			lines = append(lines, ln)
			i = j
		}
		flow++
	}
	flush := func() {
		column(leftSegs)
		column(rightSegs)
		leftSegs, rightSegs = leftSegs[:0], rightSegs[:0]
	}
	for _, rs := range rowSegs {
		var full []textRun
		for _, s := range segs[rs[0]:rs[1]] {
			switch {
			case s.x1 <= gutter:
				leftSegs = append(leftSegs, s)
			case s.x0 >= gutter:
				rightSegs = append(rightSegs, s)
			default:
				full = append(full, s.runs...)
			}
		}
		if len(full) > 0 {
			flush()
			ln := lineOf(buf, full)
			ln.flow, ln.colL, ln.colR = flow, l0, r0
			lines = append(lines, ln)
			flow++
		}
	}
	flush()
	return lines, flow - flow0 + 1
}

func textBounds(segs []segment) (float64, float64) {
	l, r := segs[0].x0, segs[0].x1
	for _, s := range segs[1:] {
		l = min(l, s.x0)
		r = max(r, s.x1)
	}
	return l, r
}

// dedupeRuns drops runs drawn twice at almost the same place (fake bold,
// shadows).
func dedupeRuns(buf []byte, runs []textRun) []textRun {
	if len(runs) < 2 {
		return runs
	}
	out := runs[:1]
	for _, r := range runs[1:] {
		dup := false
		for k := len(out) - 1; k >= 0 && k >= len(out)-4; k-- {
			p := out[k]
			if abs(p.x0-r.x0) < 0.2*r.size && abs(p.y-r.y) < 0.2*r.size &&
				string(buf[p.start:p.end]) == string(buf[r.start:r.end]) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, r)
		}
	}
	return out
}

// findGutter looks for a vertical band between two columns of text: an x
// that few segments cross, with wide text segments on both sides.
func findGutter(segs []segment) (float64, bool) {
	if len(segs) < 12 {
		return 0, false
	}
	left, right := textBounds(segs)
	width := right - left
	if width < 100 {
		return 0, false
	}
	const bins = 100
	var cover [bins]int
	for _, s := range segs {
		a := int((s.x0 - left) / width * bins)
		b := int((s.x1 - left) / width * bins)
		for i := max(a, 0); i <= b && i < bins; i++ {
			cover[i]++
		}
	}
	best, bestCover := -1, len(segs)
	for i := 30; i <= 70; i++ {
		if cover[i] < bestCover {
			best, bestCover = i, cover[i]
		}
	}
	if best < 0 || bestCover*10 > len(segs) {
		return 0, false
	}
	x := left + (float64(best)+0.5)/bins*width
	var nl, nr int
	var wl, wr []float64
	for _, s := range segs {
		switch {
		case s.x1 <= x:
			nl++
			wl = append(wl, s.x1-s.x0)
		case s.x0 >= x:
			nr++
			wr = append(wr, s.x1-s.x0)
		}
	}
	if nl < 5 || nr < 5 {
		return 0, false
	}
	// Both sides must hold running text, not labels or numbers: wide
	// columns of segments that are not all short.
	var l0, l1, r0, r1 = right, left, right, left
	for _, s := range segs {
		switch {
		case s.x1 <= x:
			l0, l1 = min(l0, s.x0), max(l1, s.x1)
		case s.x0 >= x:
			r0, r1 = min(r0, s.x0), max(r1, s.x1)
		}
	}
	if l1-l0 < 0.3*width || r1-r0 < 0.3*width || median(wl) < 0.12*width || median(wr) < 0.12*width {
		return 0, false
	}
	// Left and right text must mostly sit side by side, not one below the
	// other.
	return x, true
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	return s[(len(s)-1)/2]
}

// lineOf joins the runs of one line, sorted by x, inserting spaces at gaps.
func lineOf(buf []byte, runs []textRun) pdfLine {
	slices.SortStableFunc(runs, func(a, b textRun) int { return cmp.Compare(a.x0, b.x0) })
	var b strings.Builder
	ln := pdfLine{x0: runs[0].x0, x1: runs[0].x1, y: runs[0].y, size: runs[0].size, orient: runs[0].orient}
	prevEnd := runs[0].x0
	for i, r := range runs {
		t := buf[r.start:r.end]
		if i > 0 {
			gap := r.x0 - prevEnd
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRune(t)
			if gap > spaceGap*r.size && !unicode.IsSpace(last) && !unicode.IsSpace(first) {
				b.WriteByte(' ')
			}
		}
		b.Write(t)
		prevEnd = max(prevEnd, r.x1)
		if i == 0 {
			prevEnd = r.x1
		}
		ln.x1 = max(ln.x1, r.x1)
		if r.size > ln.size {
			ln.size, ln.y = r.size, r.y
		}
	}
	ln.text = strings.Join(strings.Fields(b.String()), " ")
	return ln
}

// paragraphs groups the lines of a page into blocks.
func paragraphs(lines []pdfLine, page int) []Block {
	if len(lines) == 0 {
		return nil
	}
	// Typical line spacing: median distance between successive lines of
	// one flow.
	var gaps []float64
	for i := 1; i < len(lines); i++ {
		if lines[i].flow == lines[i-1].flow {
			if d := lines[i-1].y - lines[i].y; d > 0 {
				gaps = append(gaps, d/lines[i].size)
			}
		}
	}
	spacing := median(gaps)
	if spacing == 0 {
		spacing = 1.2
	}
	var blocks []Block
	var cur []string
	emit := func() {
		if len(cur) > 0 {
			blocks = append(blocks, Block{Text: strings.Join(cur, "\n"), Page: page})
			cur = cur[:0]
		}
	}
	for i, ln := range lines {
		if ln.text == "" {
			continue
		}
		if i > 0 && len(cur) > 0 && newParagraph(lines[i-1], ln, spacing) {
			emit()
		}
		cur = append(cur, ln.text)
	}
	emit()
	return blocks
}

// newParagraph reports whether ln starts a paragraph after prev.
func newParagraph(prev, ln pdfLine, spacing float64) bool {
	if prev.flow != ln.flow {
		return true
	}
	size := max(prev.size, ln.size)
	d := prev.y - ln.y
	if d < 0 || d/ln.size > spacing*1.3+0.15 {
		return true
	}
	if abs(prev.size-ln.size) > 0.2*size {
		return true
	}
	shortPrev := prev.x1 < prev.colR-3*size
	last, _ := utf8.DecodeLastRuneInString(prev.text)
	ends := strings.ContainsRune(".:;!?", last)
	indent := ln.x0 > prev.x0+0.8*size
	if indent && (shortPrev || ends) {
		return true
	}
	if shortPrev && ends {
		return true
	}
	return false
}
