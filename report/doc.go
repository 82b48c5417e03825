// Package report writes scan results in the formats of the command line:
// text, json, jsonl, csv, matrix, markdown, html and sarif.
//
// A Writer is fed one rules.Result at a time, in the order the scan emits
// them, and finished with Close. The stream formats (jsonl, csv, and matrix
// once its columns are known) write each document as it comes, so a batch
// of any size never sits in memory; json streams its documents array and
// writes the summary on Close; text writes a block per document and the
// summary line on Close; markdown writes a checklist per document; html and
// sarif hold the results and write the whole report on Close.
//
// Output is deterministic: it depends only on the results and the Options
// (no clock, no map order, no absolute paths that were not given), so
// reports can be compared as golden files and diffed between runs.
package report
