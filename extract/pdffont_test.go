package extract

import "testing"

func TestNextCode(t *testing.T) {
	wide := []codeRange{{2, 0, 0xffff}}
	tests := []struct {
		name  string
		font  pdfFont
		in    string
		codes []uint32
	}{
		{"simple font ignores a two-byte ToUnicode code space", pdfFont{space: wide}, "Pag", []uint32{'P', 'a', 'g'}},
		{"simple font without code space", pdfFont{}, "ab", []uint32{'a', 'b'}},
		{"composite font follows its code space", pdfFont{cid: true, space: wide}, "\x00\x41\x01\x02", []uint32{0x41, 0x102}},
		{"composite font without code space reads two bytes", pdfFont{cid: true}, "\x00\x41", []uint32{0x41}},
		{"composite font with mixed code space", pdfFont{cid: true, space: []codeRange{{1, 0, 0x7f}, {2, 0x8000, 0xffff}}}, "A\x81\x02", []uint32{'A', 0x8102}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []uint32
			s := tt.in
			for len(s) > 0 {
				c, n := tt.font.nextCode(s)
				got = append(got, c)
				s = s[n:]
			}
			if len(got) != len(tt.codes) {
				t.Fatalf("codes %x, want %x", got, tt.codes)
			}
			for i := range got {
				if got[i] != tt.codes[i] {
					t.Fatalf("codes %x, want %x", got, tt.codes)
				}
			}
		})
	}
}
