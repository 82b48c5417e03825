package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/clausecheck/clausecheck/extract"
)

// extractedJSON is the json form of `clausecheck extract`: the text itself
// and the structure whose byte offsets point into it.
type extractedJSON struct {
	Path      string             `json:"path"`
	Format    extract.Format     `json:"format"`
	SHA256    string             `json:"sha256"`
	Warnings  []string           `json:"warnings"`
	Text      string             `json:"text"`
	Pages     []extract.Page     `json:"pages"`
	Sections  []extract.Section  `json:"sections"`
	Sentences []extract.Sentence `json:"sentences"`
}

func (a *app) extractCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "extract [flags] FILE",
		Short: "Print the normalised text the rules see (json: with sections and pages)",
		Long: `Print the normalised text of a contract exactly as the rules see it. Evidence
offsets (start, end) in a scan report are byte offsets into this text.
With --format json: the text, pages, sections (number, title, level, page,
byte offsets) and sentences.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.bind(cmd, "extract."); err != nil {
				return usageError(err)
			}
			format := a.v.GetString("extract.format")
			if format != "text" && format != "json" {
				return usageError(fmt.Errorf("--format %q: want text or json", format))
			}
			ocr := a.v.GetString("extract.ocr")
			if ocr != "auto" && ocr != "never" {
				return usageError(fmt.Errorf("--ocr %q: want auto or never", ocr))
			}
			opt := extract.Options{OCR: ocr == "auto"}
			var doc *extract.Document
			var err error
			if args[0] == "-" {
				data, rerr := io.ReadAll(a.stdin)
				if rerr != nil {
					return &exitError{code: exitUnreadable, err: fmt.Errorf("read standard input: %w", rerr)}
				}
				doc, err = extract.Read(cmd.Context(), "-", data, opt)
			} else {
				doc, err = extract.File(cmd.Context(), args[0], opt)
			}
			if err != nil {
				return &exitError{code: exitUnreadable, err: err}
			}
			for _, w := range doc.Warnings {
				fmt.Fprintf(a.stderr, "clausecheck: %s: %s\n", doc.Path, w)
			}
			if format == "text" {
				_, err := io.WriteString(a.stdout, doc.Text)
				return err
			}
			enc := json.NewEncoder(a.stdout)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(extractedJSON{
				Path: doc.Path, Format: doc.Format, SHA256: doc.SHA256, Warnings: nonNil(doc.Warnings),
				Text: doc.Text, Pages: doc.Pages, Sections: doc.Sections, Sentences: doc.Sentences,
			})
		},
	}
	cmd.Flags().String("format", "text", "output format: text|json")
	cmd.Flags().String("ocr", "auto", "read scanned pages with tesseract when installed: auto|never")
	return cmd
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
