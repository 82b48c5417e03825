// Package clauses holds the built-in rule packs of clausecheck, one YAML
// file a pack, embedded in the binary so that a scan never reads rules from
// the network or the file system.
//
// The healthcare packs check a hospital's vendor contracts:
//
//   - hipaa-baa: the elements 45 CFR 164.504(e), 164.314(a) and 164.410
//     require in every business associate agreement;
//   - offshore: work and PHI kept in the United States;
//   - breach-remedies: what the hospital can recover after a breach;
//   - coding-services: medical coding vendors;
//   - rcm-outsourcing: revenue-cycle and collection outsourcing.
//
// Every rule carries its own examples, sentences that must and must not
// match; `go test ./clauses` runs them, one subtest per rule ID.
package clauses
