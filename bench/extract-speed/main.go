// Command extract-speed measures how fast clausecheck extracts PDFs, in
// pages per second, with its peak memory, against poppler's pdftotext: one
// file read alone, then the whole folder with a pool of GOMAXPROCS workers.
//
//	go run ./bench/extract-speed -corpus ../shared/corpus/cuad/dev
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/clausecheck/clausecheck/extract"
)

func main() {
	corpus := flag.String("corpus", "../shared/corpus/cuad/dev", "folder of PDF files")
	single := flag.String("file", "", "file for the single-file run (default: the folder's largest PDF)")
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "parallel extractions for the folder run")
	repeat := flag.Int("repeat", 3, "single-file runs (the fastest counts)")
	flag.Parse()

	files, err := filepath.Glob(filepath.Join(*corpus, "*.pdf"))
	if err != nil || len(files) == 0 {
		fmt.Fprintf(os.Stderr, "extract-speed: no PDFs in %s\n", *corpus)
		os.Exit(2)
	}
	if *single == "" {
		*single = largest(files)
	}
	_, perr := exec.LookPath("pdftotext")
	poppler := perr == nil

	fmt.Printf("single file: %s\n", *single)
	best, pages := time.Duration(1<<62), 0
	for range *repeat {
		start := time.Now()
		n, err := extractOne(*single)
		d := time.Since(start)
		if err != nil {
			fmt.Printf("  error: %v\n", err)
			break
		}
		best, pages = min(best, d), n
	}
	fmt.Printf("  clausecheck: %d pages in %v (%.0f pages/s)\n", pages, best.Round(time.Microsecond), float64(pages)/best.Seconds())
	if poppler {
		pbest := time.Duration(1 << 62)
		for range *repeat {
			start := time.Now()
			if err := exec.Command("pdftotext", "-enc", "UTF-8", *single, os.DevNull).Run(); err != nil {
				fmt.Printf("  pdftotext error: %v\n", err)
				break
			}
			pbest = min(pbest, time.Since(start))
		}
		fmt.Printf("  pdftotext:   %d pages in %v (%.0f pages/s)\n", pages, pbest.Round(time.Microsecond), float64(pages)/pbest.Seconds())
	}

	fmt.Printf("folder: %d files, %d workers\n", len(files), *workers)
	var total, failed atomic.Int64
	peak := watchMemory()
	start := time.Now()
	pool(files, *workers, func(f string) {
		n, err := extractOne(f)
		if err != nil {
			failed.Add(1)
		}
		total.Add(int64(n))
	})
	d := time.Since(start)
	heap := peak()
	fmt.Printf("  clausecheck: %d pages in %v (%.0f pages/s), %d failed, peak heap %.1f MiB, runtime memory %.1f MiB\n",
		total.Load(), d.Round(time.Millisecond), float64(total.Load())/d.Seconds(), failed.Load(), float64(heap.inuse)/(1<<20), float64(heap.sys)/(1<<20))
	if poppler {
		start := time.Now()
		pool(files, *workers, func(f string) {
			exec.Command("pdftotext", "-enc", "UTF-8", f, os.DevNull).Run()
		})
		pd := time.Since(start)
		fmt.Printf("  pdftotext:   %d pages in %v (%.0f pages/s)\n", total.Load(), pd.Round(time.Millisecond), float64(total.Load())/pd.Seconds())
		fmt.Printf("  time ratio clausecheck/pdftotext: %.2f\n", d.Seconds()/pd.Seconds())
	}
}

// extractOne extracts f and returns its page count.
func extractOne(f string) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	doc, err := extract.File(ctx, f, extract.Options{})
	if err != nil {
		return 0, err
	}
	return len(doc.Pages), nil
}

func pool(files []string, n int, do func(string)) {
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				do(f)
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
}

type memPeak struct{ inuse, sys uint64 }

// watchMemory samples the heap until the returned function is called and
// returns the peaks.
func watchMemory() func() memPeak {
	var mu sync.Mutex
	var peak memPeak
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			mu.Lock()
			peak.inuse = max(peak.inuse, m.HeapInuse)
			peak.sys = max(peak.sys, m.Sys)
			mu.Unlock()
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() memPeak {
		close(stop)
		<-done
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}

// largest returns the biggest file of files.
func largest(files []string) string {
	type fs struct {
		name string
		size int64
	}
	var all []fs
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			all = append(all, fs{f, st.Size()})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].size > all[j].size })
	return all[0].name
}
