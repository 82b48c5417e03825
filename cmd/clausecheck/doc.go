// Command clausecheck checks vendor contracts and HIPAA Business Associate
// Agreements for the protections a hospital needs, offline.
//
// Usage:
//
//	clausecheck scan [flags] PATH...
//	clausecheck extract [flags] FILE
//	clausecheck rules list|validate|test|explain
//	clausecheck eval --labels FILE.csv [flags]
//	clausecheck version
//
// The exit status is 0 when nothing fails, 1 when a protection at or above
// --fail-on is weak, contradicted or missing, 3 when a document could not be
// read and 2 for a usage, configuration or rule-file error; when several
// hold, 2 outranks 3, which outranks 1.
package main
