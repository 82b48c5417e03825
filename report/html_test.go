package report

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/clausecheck/clausecheck/rules"
)

func TestHTMLSelfContained(t *testing.T) {
	out := render(t, "html", sampleOptions(), sampleResults())
	tests := []struct {
		name string
		bad  *regexp.Regexp
	}{
		{"no script", regexp.MustCompile(`(?i)<script`)},
		{"no external reference", regexp.MustCompile(`(?i)(src|href)=["']?(https?:|//)`)},
		{"no css import or url", regexp.MustCompile(`(?i)@import|url\(`)},
		{"no raw contract markup", regexp.MustCompile(`<including`)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if m := tc.bad.FindString(out); m != "" {
				t.Errorf("found %q", m)
			}
		})
	}
	t.Run("print styles", func(t *testing.T) {
		if !strings.Contains(out, "@media print") {
			t.Error("no @media print rules")
		}
	})
	t.Run("hostile text escaped", func(t *testing.T) {
		r := rules.Result{Path: `x"><script>alert(1)</script>.pdf`, Status: rules.DocError, Error: "<img src=x onerror=alert(1)>"}
		page := render(t, "html", Options{}, []rules.Result{r})
		if strings.Contains(page, "<script>") || strings.Contains(page, "<img") {
			t.Errorf("unescaped markup from a document:\n%s", page)
		}
	})
}

// TestHTMLInBrowser renders the report in headless Chromium and checks what
// a reader sees.
func TestHTMLInBrowser(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed (apt-get install chromium): skipping the browser check")
	}
	if testing.Short() {
		t.Skip("browser check skipped in -short mode")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, []byte(render(t, "html", sampleOptions(), sampleResults())), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--no-first-run", "--user-data-dir=" + filepath.Join(dir, "profile")}
	// innerText of the body is exactly the text a reader sees.
	dump := exec.CommandContext(ctx, bin, append(args, "--dump-dom", "file://"+page)...)
	dom, err := dump.Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v", err)
	}
	text := visibleText(string(dom))
	for _, want := range []string{
		"contracts/acme-baa.pdf",
		"bundles/beta_health",
		"✗ contradicted",
		"✓ present",
		"? missing",
		`Vendor may perform the Services from locations outside the United States <including "India" & the Philippines>.`,
		"UNREADABLE — not checked: contracts/broken scan.pdf: encrypted with an owner password",
		"Clause to request",
		"Waived: Covered by the master agreement's audit clause.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the page does not show %q", want)
		}
	}
	if !strings.Contains(string(dom), "<mark>Vendor may perform the Services") {
		t.Error("the quote is not highlighted")
	}
	shot := filepath.Join(dir, "report.png")
	cmd := exec.CommandContext(ctx, bin, append(args, "--screenshot="+shot, "--window-size=1200,2000", "file://"+page)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium --screenshot: %v\n%s", err, out)
	}
	if info, err := os.Stat(shot); err != nil || info.Size() < 10000 {
		t.Errorf("screenshot missing or blank: %v", err)
	}
}

var tags = regexp.MustCompile(`<[^>]*>`)

// visibleText strips the tags of the body of a DOM dump and decodes the few
// entities the dump uses.
func visibleText(dom string) string {
	if i := strings.Index(dom, "<body"); i >= 0 {
		dom = dom[i:]
	}
	s := tags.ReplaceAllString(dom, "")
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", `"`, "&#39;", "'", "&nbsp;", " ").Replace(s)
}
