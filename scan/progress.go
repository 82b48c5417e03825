package scan

import (
	"fmt"
	"io"
	"time"

	"github.com/clausecheck/clausecheck/rules"
)

// redrawEvery limits progress redraws to about ten a second.
const redrawEvery = 100 * time.Millisecond

// progress draws "done/total, rate, ETA, errors" on one line, redrawn with \r.
type progress struct {
	w      io.Writer
	total  int
	done   int
	errors int
	start  time.Time
	last   time.Time
	width  int // length of the last line drawn, to blank leftovers
	now    func() time.Time
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, total: total, now: time.Now}
	if w != nil {
		p.start = p.now()
		p.draw()
	}
	return p
}

func (p *progress) step(r rules.Result) {
	if p.w == nil {
		return
	}
	p.done++
	if r.Status != rules.DocOK {
		p.errors++
	}
	if t := p.now(); t.Sub(p.last) >= redrawEvery {
		p.draw()
	}
}

func (p *progress) finish() {
	if p.w == nil {
		return
	}
	p.draw()
	fmt.Fprintln(p.w)
}

func (p *progress) draw() {
	t := p.now()
	p.last = t
	elapsed := t.Sub(p.start).Seconds()
	line := fmt.Sprintf("%d/%d documents", p.done, p.total)
	if p.total > 0 {
		line += fmt.Sprintf(" (%d%%)", p.done*100/p.total)
	}
	if elapsed > 0 && p.done > 0 {
		rate := float64(p.done) / elapsed
		line += fmt.Sprintf("  %.1f/s", rate)
		if left := p.total - p.done; left > 0 {
			eta := time.Duration(float64(left) / rate * float64(time.Second)).Round(time.Second)
			line += fmt.Sprintf("  ETA %s", eta)
		}
	}
	if p.errors > 0 {
		line += fmt.Sprintf("  %d unreadable/errors", p.errors)
	}
	pad := p.width - len(line)
	p.width = len(line)
	if pad < 0 {
		pad = 0
	}
	fmt.Fprintf(p.w, "\r%s%*s", line, pad, "")
}
