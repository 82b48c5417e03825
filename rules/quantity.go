package rules

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

var smallNumbers = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "a": 1, "an": 1,
}

var tensNumbers = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

// tensWords are the keys of tensNumbers, none a prefix of another.
var tensWords = []string{"twenty", "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety"}

var scaleNumbers = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
}

// wordValue reads one number word, including hyphenated tens that the
// tokeniser joined ("seventy-two" → "seventytwo").
func wordValue(w string) (float64, bool) {
	if v, ok := smallNumbers[w]; ok && w != "a" && w != "an" {
		return v, true
	}
	if v, ok := tensNumbers[w]; ok {
		return v, true
	}
	if len(w) < 8 {
		return 0, false // the shortest tens and unit word, "fiftyone", has eight letters
	}
	for _, t := range tensWords {
		tv := tensNumbers[t]
		if rest, ok := strings.CutPrefix(w, t); ok {
			if u, ok := smallNumbers[rest]; ok && u < 10 && rest != "a" && rest != "an" {
				return tv + u, true
			}
		}
	}
	return 0, false
}

// digitValue reads "30", "5,000,000", "2.5", and "5m", "5mm", "5k", "5b".
func digitValue(w string) (float64, bool) {
	mult := 1.0
	switch {
	case strings.HasSuffix(w, "mm"):
		mult, w = 1e6, strings.TrimSuffix(w, "mm")
	case strings.HasSuffix(w, "m"):
		mult, w = 1e6, strings.TrimSuffix(w, "m")
	case strings.HasSuffix(w, "k"):
		mult, w = 1e3, strings.TrimSuffix(w, "k")
	case strings.HasSuffix(w, "b"):
		mult, w = 1e9, strings.TrimSuffix(w, "b")
	}
	if w == "" || w[0] < '0' || w[0] > '9' {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
	if err != nil {
		return 0, false
	}
	return v * mult, true
}

// number reads a number starting at token i: digits, or number words up to
// the billions ("one hundred twenty", "five million"). It returns the value
// and the index after it.
func number(ts []token, i int) (float64, int, bool) {
	if v, ok := digitValue(ts[i].word); ok {
		j := i + 1
		if j < len(ts) {
			if s, ok := scaleNumbers[ts[j].word]; ok && s >= 1e3 {
				v *= s
				j++
			}
		}
		return v, j, true
	}
	total, cur := 0.0, 0.0
	j := i
	seen := false
	for j < len(ts) {
		w := ts[j].word
		if v, ok := wordValue(w); ok {
			cur += v
			seen = true
			j++
			continue
		}
		if s, ok := scaleNumbers[w]; ok && seen {
			if s == 100 {
				cur *= 100
			} else {
				total += cur * s
				cur = 0
			}
			j++
			continue
		}
		if w == "and" && seen && j+1 < len(ts) {
			if _, ok := wordValue(ts[j+1].word); ok {
				j++
				continue
			}
		}
		break
	}
	if !seen {
		return 0, i, false
	}
	return total + cur, j, true
}

var vaguePhrases = [][]string{
	{"without", "unreasonable", "delay"},
	{"without", "undue", "delay"},
	{"as", "soon", "as", "reasonably", "practicable"},
	{"as", "soon", "as", "reasonably", "possible"},
	{"as", "soon", "as", "practicable"},
	{"as", "soon", "as", "possible"},
	{"as", "soon", "as", "feasible"},
	{"within", "a", "reasonable", "time"},
	{"reasonable", "time"},
	{"reasonable", "period"},
	{"reasonably", "promptly"},
	{"in", "a", "timely", "manner"},
	{"timely"},
	{"promptly"},
	{"prompt"},
	{"expeditiously"},
}

func hasWords(ts []token, i int, words []string) bool {
	if i+len(words) > len(ts) {
		return false
	}
	for k, w := range words {
		if ts[i+k].word != w {
			return false
		}
	}
	return true
}

// ParseQuantities finds durations, sums of money and percentages in a
// sentence, in order. Durations are in calendar days (hours / 24, weeks × 7,
// months × 30, years × 365, business days × 7/5); "promptly" and the like
// are Vague; "immediately" is a duration of 0 days. Money is in dollars,
// percentages in percent. A number repeated in parentheses, "five (5)",
// counts once. Start and End are byte offsets into sentence.
func ParseQuantities(sentence string) []Quantity {
	ts := tokens(sentence, 0)
	var out []Quantity
	for i := 0; i < len(ts); i++ {
		if ts[i].word == "immediately" {
			out = append(out, Quantity{Kind: Duration, Unit: "immediately", Text: sentence[ts[i].start:ts[i].end], Start: ts[i].start, End: ts[i].end})
			continue
		}
		matched := false
		for _, vp := range vaguePhrases {
			if hasWords(ts, i, vp) {
				e := ts[i+len(vp)-1].end
				out = append(out, Quantity{Kind: Duration, Vague: true, Unit: strings.Join(vp, " "), Text: sentence[ts[i].start:e], Start: ts[i].start, End: e})
				i += len(vp) - 1
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		v, j, ok := number(ts, i)
		if !ok {
			continue
		}
		// "five (5)": skip a parenthesised repeat of the same number.
		if j < len(ts) && ts[j].sep&sepParen != 0 {
			if v2, j2, ok := number(ts, j); ok && (v2 == v || math.Abs(v2-v) < 1e-9) {
				j = j2
			} else if ok && ts[j].word != "" && sentence[ts[j].start-1] == '$' {
				// "five million dollars ($5M)": the repeat of a sum.
				if v2 == v {
					j = j2
				}
			}
		}
		q, end, ok := unitAfter(sentence, ts, i, j, v)
		if !ok {
			continue
		}
		q.Start, q.End = ts[i].start, ts[end-1].end
		if q.Kind == Money && q.Start > 0 && sentence[q.Start-1] == '$' {
			q.Start--
		}
		if q.Kind == Percent && q.End < len(sentence) && sentence[q.End] == '%' {
			q.End++
		} else if q.Kind == Percent && q.End+1 < len(sentence) && sentence[q.End] == ' ' && sentence[q.End+1] == '%' {
			q.End += 2
		}
		// "five million dollars ($5M)": the parenthesised repeat after the unit.
		if end < len(ts) && ts[end].sep&sepParen != 0 {
			if v2, j2, ok := number(ts, end); ok {
				if q2, e2, ok := unitAfter(sentence, ts, end, j2, v2); ok && q2.Kind == q.Kind && q2.Value == q.Value {
					end = e2
					q.End = ts[end-1].end
					for q.End < len(sentence) && (sentence[q.End] == '%' || sentence[q.End] == ')') {
						q.End++
					}
				} else if q.Kind == Money && v2 == q.Value && sentence[ts[end].start-1] == '$' {
					end = j2
					q.End = ts[end-1].end
					if q.End < len(sentence) && sentence[q.End] == ')' {
						q.End++
					}
				}
			}
		}
		q.Text = sentence[q.Start:q.End]
		out = append(out, q)
		i = end - 1
	}
	return out
}

// unitAfter reads the unit of the number ts[i:j] with value v and returns
// the quantity and the index after the unit.
func unitAfter(sentence string, ts []token, i, j int, v float64) (Quantity, int, bool) {
	dollar := ts[i].start > 0 && sentence[ts[i].start-1] == '$'
	if dollar {
		k := j
		if k < len(ts) && (ts[k].word == "dollars" || ts[k].word == "usd") {
			k++
		}
		return Quantity{Kind: Money, Value: v, Amount: v, Unit: "USD"}, k, true
	}
	end := ts[j-1].end
	if end < len(sentence) && sentence[end] == '%' || end+1 < len(sentence) && sentence[end] == ' ' && sentence[end+1] == '%' {
		return Quantity{Kind: Percent, Value: v, Amount: v, Unit: "%"}, j, true
	}
	if j >= len(ts) {
		return Quantity{}, 0, false
	}
	w := ts[j].word
	switch w {
	case "percent", "pct":
		return Quantity{Kind: Percent, Value: v, Amount: v, Unit: "%"}, j + 1, true
	case "per":
		if j+1 < len(ts) && ts[j+1].word == "cent" {
			return Quantity{Kind: Percent, Value: v, Amount: v, Unit: "%"}, j + 2, true
		}
	case "dollars", "usd":
		return Quantity{Kind: Money, Value: v, Amount: v, Unit: "USD"}, j + 1, true
	}
	kind := ""
	k := j
	switch w {
	case "business", "working":
		kind = "business "
		k++
	case "calendar":
		kind = "calendar "
		k++
	}
	if k >= len(ts) {
		return Quantity{}, 0, false
	}
	unit := strings.TrimSuffix(ts[k].word, "s")
	days := 0.0
	switch unit {
	case "hour":
		days = v / 24
	case "day":
		days = v
		if kind == "business " {
			days = v * 7 / 5
		}
	case "week":
		days = v * 7
	case "month":
		days = v * 30
	case "year":
		days = v * 365
	default:
		return Quantity{}, 0, false
	}
	if kind == "business " && unit != "day" {
		kind = ""
	}
	return Quantity{Kind: Duration, Value: days, Amount: v, Unit: kind + unit + "s"}, k + 1, true
}

// formatNumber prints a limit without a needless decimal point.
func formatNumber(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

func formatDollars(v float64) string {
	s := strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return "$" + b.String()
}

// describeLimit says the limit in words: "10-day limit", "$5,000,000 minimum".
func describeLimit(kind QuantityKind, v float64) string {
	switch kind {
	case Duration:
		return fmt.Sprintf("%s-day limit", formatNumber(v))
	case Money:
		return formatDollars(v) + " minimum"
	}
	return formatNumber(v) + "% minimum"
}
