// Command genwords writes the English word list that guards fuzzy matching:
// the words of a SCOWL-derived dictionary (Debian's wamerican,
// /usr/share/dict/words), lower-cased, ASCII letters only, at least four
// letters long, sorted, one a line, gzipped. Run by `go generate ./rules`.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	in := flag.String("i", "/usr/share/dict/words", "word list to read")
	out := flag.String("o", "words.txt.gz", "gzipped list to write")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genwords:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.ToLower(strings.TrimSpace(sc.Text()))
		if len(w) < 4 || strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
			continue
		}
		seen[w] = true
	}
	if err := sc.Err(); err != nil {
		return err
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	sort.Strings(words)
	o, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(o, gzip.BestCompression)
	for _, w := range words {
		fmt.Fprintln(zw, w)
	}
	if err := zw.Close(); err != nil {
		o.Close()
		return err
	}
	return o.Close()
}
