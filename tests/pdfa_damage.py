#!/usr/bin/python3
"""pdfa_damage.py IN.pdf OUT.pdf KIND: a good PDF/A made non-conforming in
one way, so tests/e2e/pdfa.sh can see that tests/pdfa_check.py notices.
KIND (and the ledger clause that must fail):
  javascript  an /OpenAction running JavaScript            actions
  launch      a Launch action on the first link            actions
  embedded    an embedded file in the /EmbeddedFiles tree  embedded
  cmyk        page 1 paints in CMYK (k)                    colour
  icc         the output intent's ICC profile cut short    icc
  form        page 1 paints a form XObject with untagged
              text, outside any marked content             marked
  dangling    a structure element names an MCID painted
              nowhere                                      structure: every reference
"""
import sys

import pikepdf
from pikepdf import Array, Dictionary, Name

src, dst, kind = sys.argv[1:4]
pdf = pikepdf.open(src)
root = pdf.Root
page = pdf.pages[0]

if kind == "javascript":
    root.OpenAction = Dictionary(S=Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
elif kind == "launch":
    links = [a for p in pdf.pages for a in p.get("/Annots", Array()) if a.get("/Subtype") == Name.Link]
    links[0].A = Dictionary(S=Name.Launch, F=pikepdf.String("calc.exe"))
elif kind == "embedded":
    data = pdf.make_stream(b"hello")
    data.Type = Name.EmbeddedFile
    spec = pdf.make_indirect(Dictionary(Type=Name.Filespec, F=pikepdf.String("a.txt"),
                                        EF=Dictionary(F=data)))
    names = root.get("/Names", Dictionary())
    names.EmbeddedFiles = Dictionary(Names=Array([pikepdf.String("a.txt"), spec]))
    root.Names = names
elif kind == "cmyk":
    page.contents_add(pdf.make_stream(b"q 0 0 0 1 k 10 10 5 5 re f Q\n"), prepend=False)
elif kind == "icc":
    prof = root.OutputIntents[0].DestOutputProfile
    prof.write(prof.read_bytes()[:300])
elif kind == "form":
    fonts = page.Resources.Font
    fname = list(fonts.keys())[0]
    form = pdf.make_stream(("BT %s 12 Tf 72 72 Td (hidden) Tj ET\n" % fname).encode())
    form.Type = Name.XObject
    form.Subtype = Name.Form
    form.BBox = Array([0, 0, 200, 200])
    form.Resources = Dictionary(Font=Dictionary({fname: fonts[fname]}))
    xobjs = page.Resources.get("/XObject", Dictionary())
    xobjs.FxDamage = pdf.make_indirect(form)
    page.Resources.XObject = xobjs
    page.contents_add(pdf.make_stream(b"q /FxDamage Do Q\n"), prepend=False)
elif kind == "dangling":
    todo = [root.StructTreeRoot.K]
    while todo:
        el = todo.pop()
        if isinstance(el, Array):
            todo.extend(el)
            continue
        if isinstance(el, Dictionary) and "/Pg" in el and "/S" in el:
            kids = el.K if isinstance(el.K, Array) else Array([el.K])
            kids.append(9999)
            el.K = kids
            break
        if isinstance(el, Dictionary) and "/K" in el:
            todo.append(el.K)
else:
    sys.exit("unknown kind " + kind)
pdf.save(dst)
