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
