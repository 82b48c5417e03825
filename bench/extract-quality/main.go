// Command extract-quality scores the PDF text extraction of clausecheck
// against reference texts and against poppler's pdftotext.
//
// Every NNNN.pdf of the corpus folder with a NNNN.txt beside it is read
// through extract.File (or taken from -from DIR/NNNN.txt) and scored at word
// level: bag-of-words F1 of lower-cased word tokens, and reading order, the
// fraction of the reference's word bigrams that the extraction holds in the
// same order (counted as multisets, over bigrams whose two words were
// extracted at all, so missing words do not count twice). It prints one
// line per file, the medians, the worst ten, and the files that score more
// than 0.02 below pdftotext.
//
//	go run ./bench/extract-quality -corpus ../shared/corpus/cuad/dev
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/clausecheck/clausecheck/extract"
)

type score struct {
	f1, order float64
	err       string
}

type result struct {
	name      string
	ours, ref score // against the reference text
	// against the reference without its running headers and footers
	oursClean, refClean score
}

func main() {
	corpus := flag.String("corpus", "../shared/corpus/cuad/dev", "folder of NNNN.pdf files with NNNN.txt references")
	from := flag.String("from", "", "score the texts DIR/NNNN.txt instead of calling extract.File")
	noPoppler := flag.Bool("no-pdftotext", false, "do not compare with pdftotext")
	timeout := flag.Duration("timeout", 60*time.Second, "per-file time limit")
	flag.Parse()

	pdfs, err := filepath.Glob(filepath.Join(*corpus, "*.pdf"))
	if err != nil || len(pdfs) == 0 {
		fmt.Fprintf(os.Stderr, "extract-quality: no PDFs in %s\n", *corpus)
		os.Exit(2)
	}
	_, perr := exec.LookPath("pdftotext")
	poppler := !*noPoppler && perr == nil

	results := make([]result, len(pdfs))
	var wg sync.WaitGroup
	jobs := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = scoreFile(pdfs[i], *from, poppler, *timeout)
			}
		}()
	}
	for i := range pdfs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()

	var kept []result
	for _, r := range results {
		if r.name != "" {
			kept = append(kept, r)
		}
	}
	report(kept, poppler)
}

func scoreFile(pdf, from string, poppler bool, timeout time.Duration) result {
	refPath := strings.TrimSuffix(pdf, ".pdf") + ".txt"
	refData, err := os.ReadFile(refPath)
	if err != nil {
		return result{}
	}
	ref := words(string(refData))
	clean := words(withoutFurniture(string(refData)))
	r := result{name: filepath.Base(pdf)}
	var text string
	if from != "" {
		b, err := os.ReadFile(filepath.Join(from, strings.TrimSuffix(r.name, ".pdf")+".txt"))
		if err != nil {
			r.ours.err = err.Error()
		}
		text = string(b)
	} else {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		doc, err := extract.File(ctx, pdf, extract.Options{Timeout: timeout})
		cancel()
		if err != nil {
			r.ours.err = err.Error()
		} else {
			text = doc.Text
		}
	}
	if r.ours.err == "" {
		r.ours = compare(words(text), ref)
		r.oursClean = compare(words(text), clean)
		if strings.TrimSpace(text) == "" {
			r.ours.err = "no text"
		}
	}
	if poppler {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		out, err := exec.CommandContext(ctx, "pdftotext", "-enc", "UTF-8", pdf, "-").Output()
		cancel()
		if err != nil {
			r.ref.err = err.Error()
		} else {
			r.ref = compare(words(string(out)), ref)
			r.refClean = compare(words(string(out)), clean)
		}
	}
	return r
}

// withoutFurniture drops the lines of a reference text that recur three
// times or more (digits aside) with at least two words: the running headers
// and footers of the pages ("Source: ACME INC, 10-K, 3/1/2020 Page 7"),
// which the extractor removes by design.
func withoutFurniture(s string) string {
	lines := strings.Split(s, "\n")
	key := func(l string) string {
		f := strings.Fields(strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return '#'
			}
			return unicode.ToLower(r)
		}, l))
		if len(f) < 2 {
			return ""
		}
		return strings.Join(f, " ")
	}
	count := map[string]int{}
	for _, l := range lines {
		if k := key(l); k != "" {
			count[k]++
		}
	}
	var b strings.Builder
	for _, l := range lines {
		if k := key(l); k != "" && count[k] >= 3 {
			continue
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// words returns the lower-cased word tokens of s after compatibility
// normalisation, joining words hyphenated across a line break.
func words(s string) []string {
	s = norm.NFKC.String(s)
	s = strings.NewReplacer("-\r\n", "", "-\n", "", "\u00ad", "").Replace(s)
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	return f
}

// compare scores got against the reference want.
func compare(got, want []string) score {
	if len(want) == 0 {
		return score{}
	}
	bag := map[string]int{}
	for _, w := range got {
		bag[w]++
	}
	common := 0
	have := map[string]bool{}
	for _, w := range want {
		if bag[w] > 0 {
			bag[w]--
			common++
		}
	}
	for _, w := range got {
		have[w] = true
	}
	var f1 float64
	if common > 0 {
		p := float64(common) / float64(len(got))
		r := float64(common) / float64(len(want))
		f1 = 2 * p * r / (p + r)
	}
	bigrams := map[[2]string]int{}
	for i := 1; i < len(got); i++ {
		bigrams[[2]string{got[i-1], got[i]}]++
	}
	var eligible, found int
	for i := 1; i < len(want); i++ {
		if !have[want[i-1]] || !have[want[i]] {
			continue
		}
		eligible++
		k := [2]string{want[i-1], want[i]}
		if bigrams[k] > 0 {
			bigrams[k]--
			found++
		}
	}
	order := 1.0
	if eligible > 0 {
		order = float64(found) / float64(eligible)
	}
	if common == 0 {
		order = 0
	}
	return score{f1: f1, order: order}
}

func report(rs []result, poppler bool) {
	sort.Slice(rs, func(i, j int) bool { return rs[i].name < rs[j].name })
	var b bytes.Buffer
	fmt.Fprintf(&b, "%-10s %8s %8s %8s %8s", "file", "f1", "order", "f1*", "order*")
	if poppler {
		fmt.Fprintf(&b, " %8s %8s %8s %8s", "p.f1", "p.order", "p.f1*", "p.order*")
	}
	b.WriteString("\n")
	var lost []string
	for _, r := range rs {
		fmt.Fprintf(&b, "%-10s %8.4f %8.4f %8.4f %8.4f", r.name, r.ours.f1, r.ours.order, r.oursClean.f1, r.oursClean.order)
		if poppler {
			fmt.Fprintf(&b, " %8.4f %8.4f %8.4f %8.4f", r.ref.f1, r.ref.order, r.refClean.f1, r.refClean.order)
		}
		if r.ours.err != "" {
			fmt.Fprintf(&b, "  error: %s", r.ours.err)
			lost = append(lost, r.name)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\nfiles: %d, lost (error or no text): %d %v\n", len(rs), len(lost), lost)
	fmt.Fprintf(&b, "* = reference without lines that recur 3+ times (running headers/footers)\n")
	summary(&b, "full reference", rs, poppler, func(r result) (score, score) { return r.ours, r.ref })
	summary(&b, "reference without running headers/footers (*)", rs, poppler, func(r result) (score, score) { return r.oursClean, r.refClean })
	os.Stdout.Write(b.Bytes())
}

func summary(b *bytes.Buffer, title string, rs []result, poppler bool, pick func(result) (score, score)) {
	fmt.Fprintf(b, "\n== %s\n", title)
	var f1s, orders, pf1s, porders []float64
	var worse []string
	for _, r := range rs {
		o, p := pick(r)
		f1s = append(f1s, o.f1)
		orders = append(orders, o.order)
		if poppler {
			pf1s = append(pf1s, p.f1)
			porders = append(porders, p.order)
			if o.f1 < p.f1-0.02 || o.order < p.order-0.02 {
				worse = append(worse, fmt.Sprintf("%s (f1 %.4f vs %.4f, order %.4f vs %.4f)", r.name, o.f1, p.f1, o.order, p.order))
			}
		}
	}
	fmt.Fprintf(b, "clausecheck median f1: %.4f  median order: %.4f  mean f1: %.4f  mean order: %.4f\n", median(f1s), median(orders), mean(f1s), mean(orders))
	if poppler {
		fmt.Fprintf(b, "pdftotext   median f1: %.4f  median order: %.4f  mean f1: %.4f  mean order: %.4f\n", median(pf1s), median(porders), mean(pf1s), mean(porders))
	}
	worst := append([]result(nil), rs...)
	sort.SliceStable(worst, func(i, j int) bool {
		a, _ := pick(worst[i])
		c, _ := pick(worst[j])
		return min(a.f1, a.order) < min(c.f1, c.order)
	})
	b.WriteString("worst ten:\n")
	for _, r := range worst[:min(10, len(worst))] {
		o, p := pick(r)
		fmt.Fprintf(b, "  %s f1 %.4f order %.4f", r.name, o.f1, o.order)
		if poppler {
			fmt.Fprintf(b, " (pdftotext %.4f %.4f)", p.f1, p.order)
		}
		b.WriteString("\n")
	}
	if poppler {
		fmt.Fprintf(b, "worse than pdftotext by more than 0.02: %d\n", len(worse))
		for _, w := range worse {
			fmt.Fprintf(b, "  %s\n", w)
		}
	}
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func mean(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	var t float64
	for _, x := range v {
		t += x
	}
	return t / float64(len(v))
}
