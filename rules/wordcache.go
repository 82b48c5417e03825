package rules

import (
	"encoding/binary"
	"math/bits"
)

// wordSlot is one slot of a docState's word table, an open-addressing
// hash table of every word the state has met, which answers most tokens
// without leaving the slot. key holds the word's first eight bytes,
// which for a word of eight bytes or fewer is the whole word, so such
// words compare as two integers. A slot holds the word's identifier in
// the docState's dict and, for a word whose meaning does not depend on
// the document (it has exact atoms, or cannot be read fuzzily), that
// meaning's flags, so such a word becomes a token without leaving the
// slot. Slots serve every later document.
type wordSlot struct {
	key   uint64
	n     uint16 // the word's length, at most maxSlotLen; 0 in an empty slot
	kw    uint8  // keyword flags
	flags uint8  // slotStatic, slotFuzzy, slotInfo
	id    uint32 // the word's index in docState.dict
}

// Word slot flags.
const (
	slotStatic = 1 << iota // the word means the same in every document
	slotFuzzy              // the word's fuzzy reading is known
	slotInfo               // the word means something to the index
)

// maxSlotLen is the length a slot records for words this long or longer,
// which are told apart by their whole word, as every word over eight
// bytes is.
const maxSlotLen = 1<<16 - 1

// minWordTable is the number of slots of a new word table.
const minWordTable = 1 << 14

// wordKey packs the first eight bytes of w, zero-padded, into an integer.
func wordKey(w []byte) uint64 {
	if len(w) >= 8 {
		return binary.LittleEndian.Uint64(w)
	}
	if cap(w) >= 8 {
		// The scanner's buffer: one load, the bytes past the word masked.
		return binary.LittleEndian.Uint64(w[:8]) & (1<<(8*len(w)) - 1)
	}
	var k uint64
	for i, c := range w {
		k |= uint64(c) << (8 * i)
	}
	return k
}

// wordHash hashes the word w, whose key is k.
func wordHash(w []byte, k uint64) uint64 {
	h := (k ^ uint64(len(w))<<56) * 0x9E3779B97F4A7C15
	for i := 8; i < len(w); i += 8 {
		var c uint64
		switch {
		case i+8 <= len(w):
			c = binary.LittleEndian.Uint64(w[i:])
		case i+8 <= cap(w):
			// The scanner's buffer: one load, the bytes past the word masked.
			c = binary.LittleEndian.Uint64(w[i:i+8]) & (1<<(8*(len(w)-i)) - 1)
		default:
			for j, b := range w[i:] {
				c |= uint64(b) << (8 * j)
			}
		}
		h = (bits.RotateLeft64(h, 29) ^ c) * 0x9E3779B97F4A7C15
	}
	return h ^ h>>32
}

// slotFor returns the slot of the word w with key k: the slot holding it,
// or the empty slot where it goes.
func (st *docState) slotFor(w []byte, k uint64) *wordSlot {
	n := uint16(min(len(w), maxSlotLen))
	mask := uint64(len(st.table) - 1)
	for i := wordHash(w, k) & mask; ; i = (i + 1) & mask {
		slot := &st.table[i]
		if slot.n == 0 || slot.n == n && slot.key == k && (n <= 8 || st.dict[slot.id].word == string(w)) {
			return slot
		}
	}
}

// growTable doubles the word table, which is kept at most half full.
func (st *docState) growTable() {
	old := st.table
	st.table = make([]wordSlot, max(2*len(old), minWordTable))
	for _, s := range old {
		if s.n != 0 {
			w := []byte(st.dict[s.id].word)
			*st.slotFor(w, s.key) = s
		}
	}
}
