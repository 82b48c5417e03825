package rules

import (
	"reflect"
	"testing"
	"unicode/utf8"
)

// slowTokens splits s as the scanner does, reading every word through
// scanner.word, without the fast path for ASCII words.
func slowTokens(s string) []token {
	var sc scanner
	var out []token
	var sep uint8
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			switch c {
			case ',':
				sep |= sepComma
			case ';', ':':
				sep |= sepClause
			case '(', ')':
				sep |= sepParen
			case '%':
				out = append(out, token{word: "percent", start: i, end: i + 1, sep: sep})
				sep = 0
			}
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			if r, n := utf8.DecodeRuneInString(s[i:]); !isWordRune(r) {
				i += n
				continue
			}
		}
		start := i
		next, end, poss := sc.word(s, i)
		out = append(out, token{word: string(sc.buf), start: start, end: end, sep: sep, poss: poss})
		sep = 0
		i = next
	}
	return out
}

func fastTokens(s string) []token {
	var out []token
	var sc scanner
	sc.scan(s, func(w []byte, start, end int, sep uint8, poss bool) {
		out = append(out, token{word: string(w), start: start, end: end, sep: sep, poss: poss})
	})
	return out
}

func TestScannerFastPath(t *testing.T) {
	for _, s := range []string{
		"", "The Vendor shall, within 5 days; notify (Hospital).",
		"sub-contractor's U.S. 1,000.50 50% Vendor’s café naïve — end",
		"x- -y a.b. e.g. it's rock'n'roll ABC123 3.5%",
		"Ünïcödé WORDS‐with‑hyphens", "trailing-", "a", "%%", "U. S. A.",
	} {
		if got, want := fastTokens(s), slowTokens(s); !reflect.DeepEqual(got, want) {
			t.Errorf("tokens of %q:\n got %v\nwant %v", s, got, want)
		}
	}
}

func FuzzScanner(f *testing.F) {
	f.Add("The Vendor's sub-contractor shall pay 1,000.50 (U.S.) within 5% of café fees; ok")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > maxFuzzInput {
			return
		}
		if got, want := fastTokens(s), slowTokens(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("tokens of %q:\n got %v\nwant %v", s, got, want)
		}
	})
}

func TestAlnumRun(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			b := []byte("abcXYZ09")
			b[pos] = byte(c)
			want := 0
			for want < 8 && lowerByte[b[want]] != 0 {
				want++
			}
			if got := alnumRun(load64(string(b))); got != want {
				t.Fatalf("alnumRun(%q) = %d, want %d", b, got, want)
			}
		}
	}
}
