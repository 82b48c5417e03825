package rules

import "encoding/binary"

// wordCacheBits sizes a docState's word cache: 8192 slots.
const wordCacheBits = 13

// wordSlot is one slot of a docState's direct-mapped word cache, a small
// table in front of the word map that answers most tokens without
// hashing the whole word or leaving the cache lines it sits in. key holds
// the word's first eight bytes, which for a word of eight bytes or fewer
// is the whole word, so such words compare as two integers. A slot holds
// the word's identifier in the docState's table and, for a word whose
// meaning does not depend on the document (it has exact atoms, or cannot
// be read fuzzily), that meaning's flags, so such a word becomes a token
// without leaving the slot. Slots serve every later document.
type wordSlot struct {
	key   uint64
	n     uint16 // the word's length; 0 in an empty slot
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

// slotFor returns the cache slot of a word with key k and length n.
func (st *docState) slotFor(k uint64, n int) *wordSlot {
	h := (k ^ uint64(n)<<56) * 0x9E3779B97F4A7C15
	return &st.cache[h>>(64-wordCacheBits)]
}
