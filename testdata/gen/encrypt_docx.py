#!/usr/bin/python3
"""encrypt_docx.py saves a DOCX again with a password to open it.

It drives a headless LibreOffice over UNO (Debian package python3-uno; run
it with the system /usr/bin/python3), so the result is what Word writes for
a password-protected document: an OLE compound file holding EncryptionInfo
and EncryptedPackage streams (ECMA-376 Standard Encryption, AES-128), not a
zip. The input is copied into PROFILE_DIR first so that LibreOffice's lock
file never lands beside it.

Usage: encrypt_docx.py IN.docx OUT.docx PASSWORD PROFILE_DIR
"""

import os
import shutil
import subprocess
import sys
import time

import uno
from com.sun.star.beans import NamedValue, PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    src, dst, password, profile = sys.argv[1:]
    os.makedirs(profile, exist_ok=True)
    work = os.path.join(os.path.abspath(profile), "in.docx")
    shutil.copyfile(src, work)
    pipe = "clausecheck_testdata_%d" % os.getpid()
    office = subprocess.Popen([
        "soffice", "--headless", "--invisible", "--norestore",
        "-env:UserInstallation=file://" + os.path.abspath(profile),
        "--accept=pipe,name=%s;urp;" % pipe,
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            sys.exit("encrypt_docx: cannot connect to soffice")
        desktop = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", ctx)
        doc = None
        for _ in range(60):
            doc = desktop.loadComponentFromURL(
                uno.systemPathToFileUrl(work), "_blank", 0,
                (prop("Hidden", True),))
            if doc is not None:
                break
            time.sleep(1)
        if doc is None:
            sys.exit("encrypt_docx: cannot load " + src)
        pw = NamedValue()
        pw.Name = "OOXPassword"
        pw.Value = password
        kind = NamedValue()
        kind.Name = "CryptoType"
        kind.Value = "Standard"
        data = uno.Any("[]com.sun.star.beans.NamedValue", (pw, kind))
        args = (prop("FilterName", "MS Word 2007 XML"),
                prop("Overwrite", True),
                prop("EncryptionData", data))
        uno.invoke(doc, "storeToURL",
                   (uno.systemPathToFileUrl(os.path.abspath(dst)), args))
        doc.close(True)
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:
                pass
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()


if __name__ == "__main__":
    main()
