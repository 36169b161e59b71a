#!/usr/bin/python3
"""pdfa_check.py PDF [READER_OUT]: the PDF/A-2a and tagged-PDF ledger (issue 9).

No PDF/A validator (veraPDF) is available here, so this checks, clause by
clause, what statusrapport promises for `render --pdfa`, with pikepdf
(Debian: python3-pikepdf).  Each clause prints "ok CLAUSE" or
"FAIL CLAUSE: why"; the exit status is 1 when any failed.  With READER_OUT,
the structure tree is written there in reading order as a screen reader
would walk it: one line per element, indented, "Role: text".

Clauses (ISO 19005-2 = PDF/A-2, ISO 32000-1 = PDF 1.7):
  header      %PDF-1.4 or later, binary comment line (19005-2 6.1.2)
  encrypt     no /Encrypt (6.1.3)
  id          trailer /ID of two strings (6.1.3)
  catalog     /Lang, /MarkInfo /Marked true, /ViewerPreferences
              /DisplayDocTitle true, /StructTreeRoot (6.7, 6.8; 32000 14.7-14.9)
  xmp         /Metadata stream, /Type /Metadata /Subtype /XML, unfiltered,
              well-formed, pdfaid:part 2, conformance A, and dc:title,
              dc:creator, dc:description, dc:language, xmp:CreateDate,
              xmp:ModifyDate, pdf:Producer, pdf:Keywords equal to Info (6.6)
  intent      /OutputIntents with /S /GTS_PDFA1, an identifier, and an ICC
              stream with /N 3 (6.2.3)
  icc         that profile is sound: its header's size is the stream's,
              "acsp", an RGB device class and version 2-4, and a tag table
              whose every tag lies inside the profile (6.2.3; ICC.1)
  actions     no JavaScript (/JS, a /JavaScript name tree), no Launch,
              Sound, Movie, ResetForm, ImportData, Hide, SetOCGState,
              Rendition, Trans or GoTo3DView action, no /AA on the
              catalog or a page (6.5.1, 6.6.1, 6.6.2)
  embedded    no embedded files: no /EmbeddedFiles name tree, no /EF, no
              FileAttachment annotation (statusrapport embeds none; 6.8)
  colour      only DeviceRGB, DeviceGray (with the RGB output intent) or
              ICC-based colour in pages, form XObjects and images: no CMYK
              operator (k, K), no DeviceCMYK, Separation or DeviceN space
              (6.2.4)
  fonts       every font embedded, with /ToUnicode (6.2.11)
  transparency no /SMask, /CA or /ca < 1, /BM other than Normal, no
              transparency group (6.4)
  annots      every annotation printable (/F 4), not hidden, with a
              /StructParent; links in the structure tree as /OBJR (6.3; 14.7)
  marked      every text-showing operator inside marked content with an
              MCID or inside an /Artifact, in the pages and in the form
              XObjects they paint outside marked content; marked content
              balanced (6.8; 14.8)
  structure   every MCID on every page reached from exactly one structure
              element, and the parent tree maps it back to that element;
              every reference of an element resolves: each MCID it names
              is painted on its /Pg, which is a page, each OBJR's /Obj is
              an annotation of the document, each kid is an element, an
              MCR or an OBJR, and each element's /P is its parent
  roles       only standard structure types (or RoleMap'd ones)
  figures     every Figure has /Alt
  tables      every Table's first row is all TH, each TH with a /Scope
  reader      the reader's view starts with the title (on a cover, after the
              document type above it), has H1 "Sammendrag",
              and its headings come in the order of the bookmarks (the
              document tree's order)
"""
import datetime
import re
import sys
import xml.etree.ElementTree as ET

import pikepdf
from pikepdf import Array, Dictionary, Name

fails = 0


def ok(clause, good, why=""):
    global fails
    if good:
        print("ok", clause)
    else:
        fails += 1
        print("FAIL %s: %s" % (clause, why))


STANDARD = set(
    "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private "
    "P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote "
    "Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula "
    "Form".split())


def key(o):
    """A stable identity for an indirect object."""
    return o.objgen if o.is_indirect else id(o)


def pdfstr(o):
    return str(o) if o is not None else None


def info_date(s):
    m = re.match(r"D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?([Z+-])?(\d\d)?'?(\d\d)?", s)
    if not m:
        return None
    y, mo, d, h, mi, se = (int(x) if x else dflt for x, dflt in
                           zip(m.groups()[:6], (0, 1, 1, 0, 0, 0)))
    tz = datetime.timezone.utc
    if m.group(7) in "+-" and m.group(7) and m.group(8):
        off = datetime.timedelta(hours=int(m.group(8)), minutes=int(m.group(9) or 0))
        tz = datetime.timezone(off if m.group(7) == "+" else -off)
    return datetime.datetime(y, mo, d, h, mi, se, tzinfo=tz)


def xmp_date(s):
    s = s.strip().replace("Z", "+00:00")
    try:
        return datetime.datetime.fromisoformat(s)
    except ValueError:
        return None


# ---- text decoding for the reader's view ----

def cmap_of(font):
    """byte string -> text, from the font's ToUnicode (bfchar/bfrange)."""
    tu = font.get("/ToUnicode")
    m, width = {}, 1
    if tu is not None:
        data = tu.read_bytes().decode("latin-1")
        for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
            for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                width = len(src) // 2
                m[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be", "replace")
        for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
            for a, b, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                width = len(a) // 2
                base = int(dst, 16)
                for i, c in enumerate(range(int(a, 16), int(b, 16) + 1)):
                    m[c] = chr(base + i)

    def dec(bs):
        if not m:
            return bs.decode("cp1252", "replace")
        out = []
        for i in range(0, len(bs) - width + 1, width):
            out.append(m.get(int.from_bytes(bs[i:i + width], "big"), "\ufffd"))
        return "".join(out)
    return dec


FORBIDDEN_ACTIONS = {Name("/" + a) for a in (
    "Launch Sound Movie ResetForm ImportData Hide SetOCGState Rendition Trans GoTo3DView "
    "JavaScript").split()}
NOT_RGB_SPACES = {Name.DeviceCMYK, Name.Separation, Name.DeviceN}


def all_dicts(pdf):
    """Every dictionary of the file: the indirect objects, their streams'
    dictionaries, and the direct dictionaries and arrays inside them."""
    seen = set()
    todo = [o for o in pdf.objects if isinstance(o, (Dictionary, Array, pikepdf.Stream))]
    while todo:
        o = todo.pop()
        if o.is_indirect:
            if o.objgen in seen:
                continue
            seen.add(o.objgen)
        if isinstance(o, (Dictionary, pikepdf.Stream)):
            yield o
            vals = [o[k] for k in o.keys()]
        else:
            vals = list(o)
        for v in vals:
            if isinstance(v, (Dictionary, Array, pikepdf.Stream)) and not v.is_indirect:
                todo.append(v)


def icc_problems(data):
    """What is wrong with an ICC profile's header and tag table."""
    import struct
    bad = []
    if len(data) < 132:
        return ["%d bytes, shorter than a header and tag count" % len(data)]
    size, = struct.unpack(">I", data[0:4])
    if size != len(data):
        bad.append("header says %d bytes, the stream has %d" % (size, len(data)))
    if data[36:40] != b"acsp":
        bad.append("no 'acsp' signature")
    if data[12:16] not in (b"mntr", b"prtr", b"scnr", b"spac"):
        bad.append("device class %r" % data[12:16])
    if data[16:20] != b"RGB ":
        bad.append("colour space %r" % data[16:20])
    if data[20:24] not in (b"XYZ ", b"Lab "):
        bad.append("connection space %r" % data[20:24])
    if not 2 <= data[8] <= 4:
        bad.append("version %d" % data[8])
    n, = struct.unpack(">I", data[128:132])
    if n == 0 or 132 + 12 * n > len(data):
        bad.append("tag count %d" % n)
    else:
        for i in range(n):
            sig, off, ln = struct.unpack(">4sII", data[132 + 12 * i:144 + 12 * i])
            if off < 132 + 12 * n or off + ln > len(data) or ln < 8:
                bad.append("tag %r outside the profile" % sig)
                break
    return bad


def space_of(cs):
    """The family of a colour space: its name, or an array's first name."""
    if isinstance(cs, Array) and len(cs):
        return cs[0]
    return cs


def colour_op(op, ops, res, where):
    """A CMYK operator, or a colour space set that is not RGB, gray or ICC."""
    if op in ("k", "K"):
        return ["%s: CMYK colour (%s)" % (where, op)]
    if op in ("cs", "CS") and ops:
        name = ops[0]
        cs = name if name in (Name.DeviceCMYK, Name.DeviceRGB, Name.DeviceGray, Name.Pattern) \
            else res.get("/ColorSpace", Dictionary()).get(str(name))
        if space_of(cs) in NOT_RGB_SPACES:
            return ["%s: colour space %s" % (where, space_of(cs))]
    return []


def xobject_colour(xo, where):
    """An image in a colour space other than RGB, gray or ICC, or a form
    XObject whose own painting uses one."""
    bad = []
    if xo.get("/Subtype") == Name.Image:
        if space_of(xo.get("/ColorSpace")) in NOT_RGB_SPACES:
            bad.append("%s: image in %s" % (where, space_of(xo.get("/ColorSpace"))))
    elif xo.get("/Subtype") == Name.Form:
        res = xo.get("/Resources", Dictionary())
        for ins in pikepdf.parse_content_stream(xo):
            bad += colour_op(str(ins.operator), ins.operands, res, where)
    return bad


def form_untagged(xo, where):
    """Text a form XObject shows outside marked content of its own, when
    the page paints the form outside any marked content."""
    bad, stack = [], []
    for ins in pikepdf.parse_content_stream(xo):
        op = str(ins.operator)
        if op in ("BDC", "BMC"):
            props = ins.operands[1] if op == "BDC" else None
            mcid = props.get("/MCID") if isinstance(props, Dictionary) else None
            stack.append((str(ins.operands[0]), mcid))
        elif op == "EMC" and stack:
            stack.pop()
        elif op in ("Tj", "TJ", "'", '"'):
            if not any(t == "/Artifact" or m is not None for t, m in stack):
                bad.append("%s: untagged text in a form XObject" % where)
                break
    return bad


def main():
    path = sys.argv[1]
    reader_out = sys.argv[2] if len(sys.argv) > 2 else None
    raw = open(path, "rb").read()
    pdf = pikepdf.open(path)
    root = pdf.Root
    info = pdf.trailer.get("/Info", Dictionary())

    # header
    m = re.match(rb"%PDF-1\.([0-7])\r?\n%([\x80-\xff]{4})", raw)
    ok("header", m and int(m.group(1)) >= 4, "header %r" % raw[:16])
    ok("encrypt", "/Encrypt" not in pdf.trailer and not pdf.is_encrypted, "encrypted")
    tid = pdf.trailer.get("/ID")
    ok("id", isinstance(tid, Array) and len(tid) == 2 and len(bytes(tid[0])) >= 16,
       "no /ID of two strings")

    # catalog
    mi = root.get("/MarkInfo")
    vp = root.get("/ViewerPreferences")
    lang = pdfstr(root.get("/Lang"))
    ok("catalog: /Lang", bool(lang), "no /Lang")
    ok("catalog: /MarkInfo", mi is not None and bool(mi.get("/Marked")), "not marked")
    ok("catalog: DisplayDocTitle", vp is not None and bool(vp.get("/DisplayDocTitle")),
       "no /DisplayDocTitle true")
    ok("catalog: /StructTreeRoot", "/StructTreeRoot" in root, "no structure tree")

    # XMP
    md = root.get("/Metadata")
    if md is None:
        ok("xmp", False, "no /Metadata")
    else:
        ok("xmp: type", md.get("/Type") == Name.Metadata and md.get("/Subtype") == Name.XML,
           "not /Type /Metadata /Subtype /XML")
        ok("xmp: unfiltered", "/Filter" not in md, "filtered")
        try:
            x = ET.fromstring(md.read_bytes())
            ok("xmp: well-formed", True)
        except ET.ParseError as e:
            ok("xmp: well-formed", False, str(e))
            x = None
        if x is not None:
            ns = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                  "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
                  "dc": "http://purl.org/dc/elements/1.1/",
                  "xmp": "http://ns.adobe.com/xap/1.0/",
                  "pdf": "http://ns.adobe.com/pdf/1.3/"}

            def one(p):
                e = x.find(".//" + p, ns)
                return e.text if e is not None else None
            ok("xmp: pdfaid:part 2", one("pdfaid:part") == "2", one("pdfaid:part"))
            ok("xmp: pdfaid:conformance A", one("pdfaid:conformance") == "A",
               one("pdfaid:conformance"))
            pairs = [("dc:title", one("dc:title/rdf:Alt/rdf:li"), "/Title"),
                     ("dc:creator", one("dc:creator/rdf:Seq/rdf:li"), "/Author"),
                     ("dc:description", one("dc:description/rdf:Alt/rdf:li"), "/Subject"),
                     ("pdf:Keywords", one("pdf:Keywords"), "/Keywords"),
                     ("pdf:Producer", one("pdf:Producer"), "/Producer"),
                     ("xmp:CreatorTool", one("xmp:CreatorTool"), "/Creator")]
            for name, xv, ik in pairs:
                iv = pdfstr(info.get(ik))
                ok("xmp: %s = Info %s" % (name, ik), xv == iv, "%r != %r" % (xv, iv))
            ok("xmp: dc:language = /Lang", one("dc:language/rdf:Bag/rdf:li") == lang,
               "%r != %r" % (one("dc:language/rdf:Bag/rdf:li"), lang))
            for name, ik in (("xmp:CreateDate", "/CreationDate"), ("xmp:ModifyDate", "/ModDate")):
                xv, iv = one(name), pdfstr(info.get(ik))
                good = xv and iv and xmp_date(xv) == info_date(iv)
                ok("xmp: %s = Info %s" % (name, ik), good, "%r vs %r" % (xv, iv))
            ok("xmp: xmp:MetadataDate", bool(one("xmp:MetadataDate")), "missing")

    # output intent
    ois = root.get("/OutputIntents")
    good = False
    why = "no /OutputIntents"
    for oi in ois or []:
        prof = oi.get("/DestOutputProfile")
        if oi.get("/S") == Name.GTS_PDFA1 and oi.get("/OutputConditionIdentifier") is not None \
                and prof is not None:
            data = prof.read_bytes()
            good = int(prof.get("/N", 0)) == 3 and data[36:40] == b"acsp" and data[16:20] == b"RGB "
            why = "ICC profile not RGB with /N 3"
    ok("intent: GTS_PDFA1 with an sRGB ICC stream", good, why)
    icc_bad = []
    for oi in ois or []:
        prof = oi.get("/DestOutputProfile")
        if prof is not None:
            icc_bad += icc_problems(prof.read_bytes())
    ok("icc: a sound ICC profile", bool(ois) and not icc_bad, "; ".join(icc_bad[:3]) or "no profile")

    # actions and embedded files: look at every object of the file
    act_bad, emb_bad = [], []
    names = root.get("/Names", Dictionary())
    if "/JavaScript" in names:
        act_bad.append("a /JavaScript name tree")
    if "/EmbeddedFiles" in names:
        emb_bad.append("an /EmbeddedFiles name tree")
    if "/AA" in root:
        act_bad.append("/AA on the catalog")
    for pno, page in enumerate(pdf.pages):
        if "/AA" in page:
            act_bad.append("/AA on page %d" % (pno + 1))
    for obj in all_dicts(pdf):
        if "/JS" in obj:
            act_bad.append("a /JS entry")
        if obj.get("/S") in FORBIDDEN_ACTIONS:
            act_bad.append("a %s action" % obj.get("/S"))
        if "/EF" in obj:
            emb_bad.append("a file specification with /EF")
        if obj.get("/Subtype") == Name.FileAttachment:
            emb_bad.append("a FileAttachment annotation")
    ok("actions: no JavaScript, Launch or other forbidden action", not act_bad,
       "; ".join(sorted(set(act_bad))[:5]))
    ok("embedded: no embedded files", not emb_bad, "; ".join(sorted(set(emb_bad))[:5]))

    # fonts, transparency, annotations, marked content
    font_problems, transp, annot_problems = [], [], []
    mc_problems, colour_bad = [], []
    page_mcids = {}      # page objgen -> {mcid: text}
    annots_sp = {}       # StructParent -> annotation objgen
    annots_all = set()
    for pno, page in enumerate(pdf.pages):
        res = page.get("/Resources", Dictionary())
        fonts = res.get("/Font", Dictionary())
        decoders = {}
        for fname, f in fonts.items():
            desc = f.get("/FontDescriptor")
            if f.get("/Subtype") == Name.Type0:
                desc = f.DescendantFonts[0].get("/FontDescriptor")
            if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                font_problems.append("%s on page %d not embedded" % (fname, pno + 1))
            if "/ToUnicode" not in f:
                font_problems.append("%s on page %d has no /ToUnicode" % (fname, pno + 1))
            elif not re.search(rb"beginbf(char|range)", f.ToUnicode.read_bytes()):
                font_problems.append("%s on page %d: /ToUnicode maps to no Unicode" % (fname, pno + 1))
            decoders[fname] = cmap_of(f)
        for gname, gs in res.get("/ExtGState", Dictionary()).items():
            for k in ("/CA", "/ca"):
                if k in gs and float(gs[k]) < 1:
                    transp.append("%s %s" % (gname, k))
            if "/SMask" in gs and gs.SMask != Name.None_:
                transp.append("%s /SMask" % gname)
            if "/BM" in gs and gs.BM not in (Name.Normal, Name.Compatible):
                transp.append("%s /BM" % gname)
        for xname, xo in res.get("/XObject", Dictionary()).items():
            if "/SMask" in xo:
                transp.append("%s /SMask" % xname)
            colour_bad += xobject_colour(xo, "page %d %s" % (pno + 1, xname))
        for cname, cs in res.get("/ColorSpace", Dictionary()).items():
            if space_of(cs) in NOT_RGB_SPACES:
                colour_bad.append("page %d colour space %s is %s" % (pno + 1, cname, space_of(cs)))
        if "/Group" in page and page.Group.get("/S") == Name.Transparency:
            transp.append("page %d transparency group" % (pno + 1))
        for a in page.get("/Annots", Array()):
            flags = int(a.get("/F", 0))
            if not flags & 4 or flags & (2 | 32):
                annot_problems.append("page %d: /F %d" % (pno + 1, flags))
            if "/StructParent" not in a:
                annot_problems.append("page %d: no /StructParent" % (pno + 1))
            else:
                annots_sp[int(a.StructParent)] = key(a)
            annots_all.add(key(a))
        # the content stream: a stack of open marked-content sequences
        stack, mcids, font = [], {}, None
        for ins in pikepdf.parse_content_stream(page):
            op = str(ins.operator)
            ops = ins.operands
            colour_bad += colour_op(op, ops, res, "page %d" % (pno + 1))
            if op == "Do":
                tagged = any(t == "/Artifact" or m is not None for t, m, _ in stack)
                xo = res.get("/XObject", Dictionary()).get(str(ops[0]))
                if xo is not None and xo.get("/Subtype") == Name.Form and not tagged:
                    mc_problems += form_untagged(xo, "page %d %s" % (pno + 1, ops[0]))
            if op == "BDC":
                props = ops[1]
                if isinstance(props, Name):
                    props = res.get("/Properties", Dictionary()).get(str(props), Dictionary())
                mcid = props.get("/MCID") if isinstance(props, Dictionary) else None
                actual = props.get("/ActualText") if isinstance(props, Dictionary) else None
                if actual is not None:
                    # replaces the text shown inside it (ISO 32000-1 14.9.4)
                    cur = next((m for _, m, _ in reversed(stack) if m is not None), None)
                    if cur is not None:
                        mcids[cur] += str(actual)
                    stack.append(("/Span", None, True))
                    continue
                if mcid is not None:
                    mcid = int(mcid)
                    if mcid in mcids:
                        mc_problems.append("page %d: MCID %d twice" % (pno + 1, mcid))
                    mcids[mcid] = ""
                stack.append((str(ops[0]), mcid, False))
            elif op == "BMC":
                stack.append((str(ops[0]), None, False))
            elif op == "EMC":
                if not stack:
                    mc_problems.append("page %d: EMC without BDC/BMC" % (pno + 1))
                else:
                    stack.pop()
            elif op == "Tf":
                font = str(ops[0])
            elif op in ("Tj", "TJ", "'", '"'):
                artifact = any(t == "/Artifact" for t, _, _ in stack)
                replaced = any(r for _, _, r in stack)
                mc = next((m for _, m, _ in reversed(stack) if m is not None), None)
                if not artifact and mc is None:
                    mc_problems.append("page %d: untagged text %r" % (pno + 1, ops[-1]))
                if mc is not None and not artifact and not replaced:
                    dec = decoders.get(font, lambda b: b.decode("cp1252", "replace"))
                    if op == "TJ":
                        s = "".join(dec(bytes(x)) for x in ops[0] if isinstance(x, pikepdf.String))
                    else:
                        s = dec(bytes(ops[-1]))
                    mcids[mc] += s
        if stack:
            mc_problems.append("page %d: %d marked-content sequences left open" % (pno + 1, len(stack)))
        page_mcids[key(page.obj)] = (pno, mcids)
    ok("fonts: embedded with /ToUnicode", not font_problems, "; ".join(font_problems[:5]))
    ok("transparency: none", not transp, "; ".join(transp[:5]))
    ok("annots: printable, shown, with /StructParent", not annot_problems,
       "; ".join(annot_problems[:5]))
    ok("marked: all text tagged or artifact, balanced", not mc_problems, "; ".join(mc_problems[:5]))
    ok("colour: DeviceRGB, DeviceGray or ICC-based only", not colour_bad, "; ".join(colour_bad[:5]))

    # the structure tree
    st = root.get("/StructTreeRoot")
    if st is None:
        ok("structure", False, "no /StructTreeRoot")
        return
    rolemap = st.get("/RoleMap", Dictionary())
    owner = {}           # (page key, mcid) -> element key
    dup = []
    elems = {}           # element key -> element
    objr = {}            # annotation key -> element key
    lines = []
    role_bad, fig_bad, table_bad, refs_bad = [], [], [], []
    heads = []
    first_text = []      # the first two texts, a Figure's left out

    def text_of(el):
        """Text of el's own marked content (not its children's), or its
        /ActualText, which replaces it (ISO 32000-1 14.9.4)."""
        if "/ActualText" in el:
            return str(el.ActualText)
        out = []
        pg = el.get("/Pg")
        kids = el.get("/K")
        kids = kids if isinstance(kids, Array) else [kids] if kids is not None else []
        for k in kids:
            if isinstance(k, int) or (not isinstance(k, Dictionary) and hasattr(k, "__int__")):
                if pg is not None:
                    out.append(page_mcids.get(key(pg), (0, {}))[1].get(int(k), ""))
            elif isinstance(k, Dictionary) and k.get("/Type") == Name.MCR:
                p2 = k.get("/Pg", pg)
                out.append(page_mcids.get(key(p2), (0, {}))[1].get(int(k.MCID), ""))
        # lines join with a space, except after a soft hyphen (a word
        # the line breaker split) and after a compound's own hyphen before
        # its capital ("Midt-" / "Norge")
        text = ""
        for s in (s.strip() for s in out):
            if not s:
                continue
            if text and not text.endswith("\u00ad") and not (
                    re.search(r"[^\W\d_]-$", text) and s[:1].isupper()):
                text += " "
            text = text.rstrip("\u00ad") + s
        return text.rstrip("\u00ad")

    def std(s):
        seen = 0
        while s not in STANDARD and ("/" + s) in rolemap and seen < 10:
            s = str(rolemap["/" + s])[1:]
            seen += 1
        return s

    # iterative walk in order: (element, depth)
    todo = []
    k0 = st.get("/K")
    for k in reversed(list(k0) if isinstance(k0, Array) else [k0]):
        todo.append((k, 0))
    while todo:
        el, depth = todo.pop()
        if not isinstance(el, Dictionary):
            continue
        ek = key(el)
        if ek in elems:
            dup.append("element reached twice")
            continue
        elems[ek] = el
        s = str(el.get("/S"))[1:]
        role = std(s)
        if role not in STANDARD:
            role_bad.append(s)
        txt = text_of(el)
        if role == "Figure" and el.get("/Alt") is not None:
            txt = ("[%s] " % str(el.Alt) + txt).strip()
        lines.append("%s%s%s" % ("  " * depth, s, ": " + txt if txt else ""))
        if txt and len(first_text) < 2 and role != "Figure":  # the logo may come first
            first_text.append(txt)
        if role == "Figure" and not pdfstr(el.get("/Alt")):
            fig_bad.append("Figure without /Alt")
        if re.fullmatch(r"H[1-6]", role):
            heads.append(txt)
        pg = el.get("/Pg")
        kids = el.get("/K")
        kids = list(kids) if isinstance(kids, Array) else [kids] if kids is not None else []
        sub = []

        def painted(page, mcid, what):
            if page is None or key(page) not in page_mcids:
                refs_bad.append("%s %s: its /Pg is not a page" % (s, what))
            elif mcid not in page_mcids[key(page)][1]:
                refs_bad.append("%s %s: MCID %d is not painted on page %d"
                                % (s, what, mcid, page_mcids[key(page)][0] + 1))
        if el.get("/P") is None:
            refs_bad.append("%s without /P" % s)
        for k in kids:
            if isinstance(k, Dictionary) and k.get("/Type") == Name.OBJR:
                if k.get("/Obj") is None or key(k.Obj) not in annots_all:
                    refs_bad.append("%s: an OBJR to no annotation" % s)
                    continue
                objr[key(k.Obj)] = ek
            elif isinstance(k, Dictionary) and k.get("/Type") == Name.MCR:
                if k.get("/MCID") is None:
                    refs_bad.append("%s: an MCR without /MCID" % s)
                    continue
                painted(k.get("/Pg", pg), int(k.MCID), "MCR")
                p2 = k.get("/Pg", pg)
                o = (key(p2), int(k.MCID))
                if o in owner:
                    dup.append("page MCID %d owned twice" % o[1])
                owner[o] = ek
            elif isinstance(k, Dictionary) and "/S" not in k:
                refs_bad.append("%s: a kid that is no element, MCR or OBJR" % s)
            elif isinstance(k, Dictionary):
                if k.get("/P") is not None and key(k.P) != ek:
                    refs_bad.append("%s: a kid whose /P is another element" % s)
                sub.append(k)
            elif k is None or not isinstance(k, int) and not hasattr(k, "__int__"):
                refs_bad.append("%s: a kid that points at nothing" % s)
            else:
                if pg is None:
                    dup.append("MCID without /Pg")
                    continue
                painted(pg, int(k), "MCID")
                o = (key(pg), int(k))
                if o in owner:
                    dup.append("MCID %d owned twice" % o[1])
                owner[o] = ek
        if role == "Table":
            rows = [k for k in sub if std(str(k.get("/S"))[1:]) == "TR"]
            if not rows:
                table_bad.append("Table without TR")
            else:
                cells = [k for k in rows[0].get("/K", Array()) if isinstance(k, Dictionary)]
                if not cells or any(std(str(c.get("/S"))[1:]) != "TH" for c in cells):
                    table_bad.append("first row not all TH")
                for c in cells:
                    a = c.get("/A")
                    if a is None or "/Scope" not in a:
                        table_bad.append("TH without /Scope")
                        break
        for k in reversed(sub):
            todo.append((k, depth + 1))

    # every MCID painted is owned by exactly one element, and the parent
    # tree says the same
    missing = []
    for pk, (pno, mcids) in page_mcids.items():
        for m in mcids:
            if (pk, m) not in owner:
                missing.append("page %d MCID %d" % (pno + 1, m))
    nums = {}

    def walk_numtree(n):
        for i in range(0, len(n.get("/Nums", Array())), 2):
            nums[int(n.Nums[i])] = n.Nums[i + 1]
        for kid in n.get("/Kids", Array()):
            walk_numtree(kid)
    pt = st.get("/ParentTree")
    if pt is not None:
        walk_numtree(pt)
    ptbad = []
    for page in pdf.pages:
        pk = key(page.obj)
        pno, mcids = page_mcids[pk]
        if not mcids:
            continue
        if "/StructParents" not in page:
            ptbad.append("page %d: no /StructParents" % (pno + 1))
            continue
        arr = nums.get(int(page.StructParents))
        if arr is None:
            ptbad.append("page %d: not in the parent tree" % (pno + 1))
            continue
        for m in mcids:
            if m >= len(arr) or key(arr[m]) != owner.get((pk, m)):
                ptbad.append("page %d MCID %d: parent tree disagrees" % (pno + 1, m))
    for sp, ak in annots_sp.items():
        el = nums.get(sp)
        if el is None or key(el) != objr.get(ak):
            ptbad.append("annotation StructParent %d: no matching OBJR" % sp)
    ok("structure: every MCID owned by exactly one element", not missing and not dup,
       "; ".join((missing + dup)[:5]))
    ok("structure: parent tree consistent", pt is not None and not ptbad, "; ".join(ptbad[:5]))
    ok("structure: every reference resolves", not refs_bad, "; ".join(refs_bad[:5]))
    ok("annots: every annotation is an OBJR of a structure element",
       all(a in objr for a in annots_sp.values()), "annotation outside the tree")
    ok("roles: standard structure types", not role_bad, ", ".join(sorted(set(role_bad))))
    ok("figures: /Alt on every Figure", not fig_bad, "; ".join(fig_bad))
    ok("tables: TH first row with /Scope", not table_bad, "; ".join(sorted(set(table_bad))))

    # the reader's view
    title = pdfstr(info.get("/Title"))
    # a cover names the document type ("Statusrapport 2024") above the title
    ok("reader: starts with the title", title in first_text[:2],
       "%r vs %r" % (first_text[:2], title))
    ok("reader: H1 Sammendrag", any(l.strip() == "H1: Sammendrag" for l in lines),
       "no H1 Sammendrag")
    outl = []
    with pdf.open_outline() as o:
        todo2 = list(reversed(o.root))
        while todo2:
            it = todo2.pop()
            outl.append(it.title)
            todo2.extend(reversed(it.children))
    ok("reader: headings in document order (as the bookmarks)", heads == outl,
       "first difference: %r" % (next(((a, b) for a, b in zip(heads, outl) if a != b),
                                        (len(heads), len(outl))),))
    if reader_out:
        with open(reader_out, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
    sys.exit(1 if fails else 0)
