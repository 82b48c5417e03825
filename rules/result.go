package rules

// DocStatus says whether a document could be checked at all.
type DocStatus string

// Document statuses. Only an "ok" document has findings: a document that
// could not be read is never reported as missing its protections.
const (
	DocOK         DocStatus = "ok"
	DocUnreadable DocStatus = "unreadable"
	DocError      DocStatus = "error"
)

// PackRef identifies the exact rule pack a result was produced with.
type PackRef struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	SHA256  string `json:"sha256"`
}

// Result is the outcome for one document (or one bundle of documents).
type Result struct {
	Path     string    `json:"path"`
	SHA256   string    `json:"sha256"`
	Format   string    `json:"format"`
	Pages    int       `json:"pages"`
	Status   DocStatus `json:"status"`
	Error    string    `json:"error"`
	Warnings []string  `json:"warnings"`
	Files    []string  `json:"files,omitempty"` // bundle members, oldest first
	Packs    []PackRef `json:"packs"`
	Findings []Finding `json:"findings"`
}

// Summary counts a batch: documents by status and findings by status.
// Waived findings are also counted under their own status.
type Summary struct {
	Documents    int `json:"documents"`
	Unreadable   int `json:"unreadable"`
	Errors       int `json:"errors"`
	Present      int `json:"present"`
	Weak         int `json:"weak"`
	Contradicted int `json:"contradicted"`
	Missing      int `json:"missing"`
	Waived       int `json:"waived"`

	// failing counts the findings that fail a run, by severity rank.
	failing [5]int
}

// Add counts one result.
func (s *Summary) Add(r Result) {
	s.Documents++
	switch r.Status {
	case DocUnreadable:
		s.Unreadable++
	case DocError:
		s.Errors++
	}
	for _, f := range r.Findings {
		switch f.Status {
		case Present:
			s.Present++
		case Weak:
			s.Weak++
		case Contradicted:
			s.Contradicted++
		case Missing:
			s.Missing++
		}
		if f.Waived != nil {
			s.Waived++
		}
		if f.Status != Present && f.Waived == nil {
			s.failing[f.Severity.Rank()]++
		}
	}
}

// Fails reports whether any counted finding fails at the threshold (see
// Finding.Fails); "" fails nothing.
func (s Summary) Fails(threshold Severity) bool {
	if threshold == "" {
		return false
	}
	for rank := threshold.Rank(); rank < len(s.failing); rank++ {
		if s.failing[rank] > 0 {
			return true
		}
	}
	return false
}

// Unchecked reports whether any document could not be read.
func (s Summary) Unchecked() bool { return s.Unreadable+s.Errors > 0 }
