// Command gencommon writes the common-word list that tells read text from
// garbled text: the most frequent words of the project's own English
// documents (its test contracts, documentation and clause packs) that the
// SCOWL-derived dictionary of package rules holds, together with the short
// English function words (one to three letters) that dictionary leaves out.
// Lower-case, ASCII letters only, one a line. Run by `go generate ./extract`.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// shortWords are English words of one to three letters; the dictionary
// holds words of four letters or more.
const shortWords = `a an the and or of to in on at by for as is be it its if no not nor
any all may can due per out off up use day law tax fee net new one two six ten who how
are was has had his her him she he we our us you my me do did so own end set put get way
yet via non pay sum act age aid air ask bad big box buy car cut far few fit gas key lab
let lot low man men old oil raw run say see sex top try war web why win yes ago ad am
etc inc ltd llc co lp mr ms dr st vs ie eg re`

func main() {
	dict := flag.String("dict", "../rules/words.txt.gz", "gzipped dictionary, one word a line")
	out := flag.String("o", "commonwords.txt", "list to write")
	n := flag.Int("n", 2000, "number of words")
	flag.Parse()
	sources := flag.Args()
	if len(sources) == 0 {
		sources = []string{"../testdata/contracts/*.txt", "../docs/*.md", "../clauses/*.yaml", "../README.md"}
	}
	if err := run(*dict, *out, *n, sources); err != nil {
		fmt.Fprintln(os.Stderr, "gencommon:", err)
		os.Exit(1)
	}
}

func run(dictPath, out string, n int, sources []string) error {
	known, err := readDict(dictPath)
	if err != nil {
		return err
	}
	for _, w := range strings.Fields(shortWords) {
		known[w] = true
	}
	count := map[string]int{}
	for _, pat := range sources {
		files, err := filepath.Glob(pat)
		if err != nil {
			return err
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			for _, w := range strings.FieldsFunc(strings.ToLower(string(data)), func(r rune) bool { return r < 'a' || r > 'z' }) {
				if known[w] {
					count[w]++
				}
			}
		}
	}
	// Every short word is in, however rare in the sources.
	for _, w := range strings.Fields(shortWords) {
		count[w] += 0
	}
	words := make([]string, 0, len(count))
	for w := range count {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if count[words[i]] != count[words[j]] {
			return count[words[i]] > count[words[j]]
		}
		return words[i] < words[j]
	})
	if len(words) > n {
		words = words[:n]
	}
	sort.Strings(words)
	return os.WriteFile(out, []byte(strings.Join(words, "\n")+"\n"), 0o644)
}

func readDict(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	sc := bufio.NewScanner(z)
	for sc.Scan() {
		known[strings.TrimSpace(sc.Text())] = true
	}
	return known, sc.Err()
}
