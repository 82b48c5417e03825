package rules

import "testing"

// LoopCPU runs the benchmark loop of b, calling f once per iteration, and
// reports besides the wall-clock MB/s the megabytes of text read per
// second of CPU time used by the whole process ("MB/cpu-s"), which a busy
// shared machine does not skew. size is the bytes of text one call reads.
func LoopCPU(b *testing.B, size int, f func()) {
	b.SetBytes(int64(size))
	start, ok := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		f()
	}
	b.StopTimer()
	if end, ok2 := cpuTime(); ok && ok2 && end > start {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/(end-start).Seconds(), "MB/cpu-s")
	}
}
