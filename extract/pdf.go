package extract

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/ledongthuc/pdf"
)

// readPDF returns the blocks of a PDF in reading order, its page count and
// any warnings. Placeholder: reads each page's plain text; the full reader
// replaces it.
func readPDF(ctx context.Context, path string, data []byte, opt Options) (blocks []Block, pages int, warnings []string, err error) {
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, 0, nil, fmt.Errorf("open pdf: %w", err)
	}
	n := r.NumPage()
	for i := 1; i <= n; i++ {
		if err := ctx.Err(); err != nil {
			return nil, 0, nil, err
		}
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		text, err := p.GetPlainText(nil)
		if err != nil {
			return nil, 0, nil, fmt.Errorf("page %d: %w", i, err)
		}
		for _, para := range strings.Split(text, "\n\n") {
			if strings.TrimSpace(para) != "" {
				blocks = append(blocks, Block{Text: para, Page: i})
			}
		}
	}
	return blocks, n, nil, nil
}
