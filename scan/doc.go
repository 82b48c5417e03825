// Package scan runs a batch: it expands the paths given on the command line
// into documents (or bundles of documents), keeps the ones selected by
// include/exclude patterns and by the shard, extracts and evaluates them on a
// pool of workers, applies waivers, and hands one rules.Result per document
// to a single callback in path order.
//
// Results stream: workers never run more than a small window ahead of the
// oldest document not yet handed over, so memory stays bounded however many
// documents the batch holds, and the order of the output does not depend on
// the number of workers or on timing.
//
// A document that cannot be read never stops the batch. It is reported with
// status "unreadable" or "error", a one-line reason naming the file, and no
// findings: protections in text that was never read are not "missing".
//
// Bundles (Options.Bundle) treat each immediate sub-folder of a root folder
// as one contract made of several documents (an MSA, a BAA, statements of
// work, amendments). Members are taken in the order of the sub-folder's
// order.txt (one file name a line, oldest first; blank lines and lines
// starting with # are ignored) or else by file name. Each member is evaluated
// on its own and the verdicts are merged rule by rule: the status comes from
// the latest member that says anything about the protection (status other
// than missing), so an amendment that takes a protection away wins over the
// original agreement, and an amendment that adds one wins over its absence.
// Evidence from that member comes first, then evidence from the other members
// that mention it, latest first; each names its file.
//
// A bundle member that cannot be read is not silently dropped. When every
// member is unreadable the bundle is unreadable (or error). When only some
// are, the bundle keeps status "ok" — the readable members were checked and
// their verdicts are real — but it carries a warning starting with
// "UNCHECKED MEMBER" that names the file and the reason, because a protection
// (or a contradiction) in that file could not be seen.
package scan
