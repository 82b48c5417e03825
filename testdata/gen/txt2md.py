#!/usr/bin/env python3
"""txt2md turns a plain-text contract from testdata into pandoc Markdown.

The text keeps one paragraph a line and blank lines between paragraphs. The
first paragraph (the title) becomes a level-1 heading, a short numbered line
such as "1. Definitions" or an all-capitals line such as "RECITALS" becomes a
level-2 heading, lines of a block of short lines (a signature block) keep their
line breaks, and everything else is escaped so that pandoc reads it as literal
text: "7.2 Subcontractors." stays text and never turns into a list.

With --lists, paragraphs that start with "(a) ", "(b) ", ... are left as a
pandoc lettered list, so the DOCX gets Word's automatic numbering instead of
typed letters.

Usage: txt2md.py [--lists] IN.txt > OUT.md
"""

import re
import sys

HEADING = re.compile(r"^(\d+)\.\s+([A-Z][^.]*)$")
CAPS = re.compile(r"^[A-Z][A-Z ,&'-]+$")
ITEM = re.compile(r"^\(([a-z])\)\s+")


def escape(s):
    s = s.replace("\\", "\\\\")
    for c in "*_`[]<>#|$~^@":
        s = s.replace(c, "\\" + c)
    # A leading "12." or "(a)" would start a list; "-" or "+" a bullet.
    s = re.sub(r"^(\d+)\.", r"\1\\.", s)
    s = re.sub(r"^\(", r"\\(", s)
    s = re.sub(r"^([-+])", r"\\\1", s)
    return s


def convert(text, lists):
    paras = [p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]
    out = []
    for i, p in enumerate(paras):
        lines = p.split("\n")
        if i == 0:
            out.append("# " + escape(" ".join(lines)))
            continue
        if len(lines) > 1:
            out.append("\\\n".join(escape(l) for l in lines))
            continue
        m = HEADING.match(p)
        if m and len(p) < 70:
            out.append("## %s\\. %s" % (m.group(1), escape(m.group(2))))
        elif CAPS.match(p) and len(p) < 70:
            out.append("## " + escape(p))
        elif lists and ITEM.match(p):
            m = ITEM.match(p)
            out.append("(%s) %s" % (m.group(1), escape(p[m.end():])))
        else:
            out.append(escape(p))
    return "\n\n".join(out) + "\n"


def main():
    args = sys.argv[1:]
    lists = "--lists" in args
    args = [a for a in args if a != "--lists"]
    if len(args) != 1:
        sys.exit(__doc__)
    with open(args[0], encoding="utf-8") as f:
        sys.stdout.write(convert(f.read(), lists))


if __name__ == "__main__":
    main()
