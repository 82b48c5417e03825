package scan

import (
	"strings"
	"testing"

	"github.com/clausecheck/clausecheck/extract"
	"github.com/clausecheck/clausecheck/rules"
)

func TestWithContext(t *testing.T) {
	long := strings.Repeat("word ", 100)
	tests := []struct {
		name, text, quote     string
		wantBefore, wantAfter string
	}{
		{"within its paragraph", "1. Title\n\nBefore it. The quote here. After it.\n\nNext paragraph.",
			"The quote here.", "Before it. ", " After it."},
		{"alone in its paragraph", "Heading\n\nThe quote here.\n\nNext.", "The quote here.", "", ""},
		{"at the very start and end", "The quote here.", "The quote here.", "", ""},
		// 240 bytes back from the quote is mid-word: the partial word goes.
		{"cut at a word boundary", long + "The quote here. " + long, "The quote here.",
			strings.Repeat("word ", 47), " " + strings.TrimSpace(strings.Repeat("word ", 47))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := strings.Index(tt.text, tt.quote)
			doc := &extract.Document{Text: tt.text}
			fs := withContext(doc, []rules.Finding{{Evidence: []rules.Evidence{{Quote: tt.quote, Start: start, End: start + len(tt.quote)}}}})
			e := fs[0].Evidence[0]
			if e.Before != tt.wantBefore || e.After != tt.wantAfter {
				t.Errorf("before %q after %q, want %q and %q", e.Before, e.After, tt.wantBefore, tt.wantAfter)
			}
			if !strings.HasSuffix(tt.text[:start], e.Before) || !strings.HasPrefix(tt.text[start+len(tt.quote):], e.After) {
				t.Errorf("context is not the text around the quote")
			}
		})
	}
}
