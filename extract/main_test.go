package extract

import (
	"flag"
	"os"
	"testing"
)

// fuzzMinimizeTime bounds the minimisation of each new input a fuzz target
// finds. Go's default, 60 s, is spent on every new input: the inputs here
// are PDF, DOCX and text files of kilobytes, so a short fuzzing pass found
// a few and then reported no progress while it minimised them.
const fuzzMinimizeTime = "1s"

func TestMain(m *testing.M) {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) {
		if f.Name == "test.fuzzminimizetime" {
			set = true
		}
	})
	if !set && flag.Lookup("test.fuzzminimizetime") != nil {
		flag.Set("test.fuzzminimizetime", fuzzMinimizeTime)
	}
	os.Exit(m.Run())
}
