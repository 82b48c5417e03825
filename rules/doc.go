// Package rules loads, validates and compiles rule packs and evaluates them
// against extracted documents.
//
// The rule language is specified in docs/rules.md. The pipeline is
// Load (YAML → Pack, every problem collected with file, line and rule ID) →
// Compile (all packs and a Config → one Engine with one term index) →
// Evaluate (one Finding per enabled rule, with evidence byte offsets into the
// document's text). RunExamples proves each rule against its own examples.
package rules
