#!/usr/bin/env python3
"""zipbomb.py writes a DOCX whose word/document.xml inflates to SIZE bytes.

The document part is a valid start of a WordprocessingML body followed by
SIZE bytes of spaces inside one w:t element, streamed through zlib so that
neither the input nor the output is ever held in memory. Deflate cannot
shrink data by more than about 1:1030, so 620 MiB of spaces still take
about 620 KB; that is the smallest honest file that passes a 512 MiB limit.
The sizes in the zip headers are the true ones: a reader that trusts them
can refuse the entry at once, one that counts while it inflates must stop
at its limit.

Usage: zipbomb.py OUT.docx [SIZE_MIB]   (default 620)
"""

import sys
import time
import zipfile

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>
"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>
"""

HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/'
    'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    "BUSINESS ASSOCIATE AGREEMENT</w:t></w:r></w:p>"
    '<w:p><w:r><w:t xml:space="preserve">'
)
TAIL = "</w:t></w:r></w:p></w:body></w:document>\n"


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    size = int(sys.argv[2] if len(sys.argv) == 3 else 620) << 20
    fixed = (1980, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED,
                         compresslevel=9) as z:
        for name, data in (("[Content_Types].xml", CONTENT_TYPES),
                           ("_rels/.rels", RELS)):
            z.writestr(zipfile.ZipInfo(name, fixed), data,
                       compress_type=zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo("word/document.xml", fixed)
        info.compress_type = zipfile.ZIP_DEFLATED
        chunk = b" " * (1 << 20)
        with z.open(info, "w", force_zip64=True) as w:
            w.write(HEAD.encode())
            for _ in range(size >> 20):
                w.write(chunk)
            w.write(TAIL.encode())


if __name__ == "__main__":
    main()
