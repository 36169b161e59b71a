#!/usr/bin/env python3
"""style_check.py: do the PDF, the ODT, the DOCX and the HTML wear the house style?

  style_check.py STYLE PDF ODT [DOCX] [HTML]
        STYLE is `statusrapport render --dump-style` of the same report.
        Reads the PDF's page content (through qpdf --qdf): font sizes, line
        advances, text colours, rules, fills, the page and its margins; and
        the ODT's styles.xml, content.xml and chart objects: every paragraph
        role, the headings, tables, lists, page, header and footer.  Each
        value must be the style's, so a backend that drifts from the other
        (or from the style) fails here.  The DOCX: word/styles.xml (sizes in
        half-points, spacing in twips, Word's "auto" lines), the sectPr's page
        and margins, the table style's cell margins and rules, numbering,
        chart parts.  The HTML: its inline CSS (sizes and spacing in ems of
        the body size, line-heights, rules in points, colours, @page).
  style_check.py differ STYLE_A STYLE_B KEY...
        every KEY has another value in B than in A (a test template that
        sets a value really changes it)
Exit 0 when all holds, 1 with reasons on stderr otherwise.  Stdlib only."""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

TOL = 0.06  # points: the ODT writes 0.001 cm and 0.1 pt, the PDF 0.01 pt
problems = []


def bad(msg):
    problems.append(msg)


def read_style(path):
    s = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            k, _, v = line.rstrip("\n").partition(" ")
            s[k] = v
    return s


def num(s, k):
    return float(s[k])


def rgb(v):
    """'#1F3B57' -> (31, 59, 87)"""
    v = v.lstrip("#")
    return (int(v[0:2], 16), int(v[2:4], 16), int(v[4:6], 16))


def near(a, b, tol=TOL):
    return abs(a - b) <= tol


# ---- the PDF ---------------------------------------------------------------

def tokens(data):
    """Content stream tokens: numbers and names as str, strings as ('s', ...)."""
    i, n = 0, len(data)
    while i < n:
        c = data[i]
        if c in " \t\r\n":
            i += 1
        elif c == "(":
            depth, j, out = 1, i + 1, []
            while j < n and depth:
                if data[j] == "\\":
                    out.append(data[j:j + 2])
                    j += 2
                    continue
                depth += {"(": 1, ")": -1}.get(data[j], 0)
                if depth:
                    out.append(data[j])
                j += 1
            yield ("s", "".join(out))
            i = j
        elif c == "<" and data[i:i + 2] != "<<":
            j = data.index(">", i)
            yield ("s", data[i + 1:j])
            i = j + 1
        elif c in "[]":
            i += 1
        else:
            j = i
            while j < n and data[j] not in " \t\r\n()[]<":
                j += 1
            yield data[i:j]
            i = j


class Pdf:
    def __init__(self, path):
        with tempfile.TemporaryDirectory() as d:
            q = os.path.join(d, "q.pdf")
            subprocess.run(["qpdf", "--qdf", "--object-streams=disable", path, q], check=False,
                           capture_output=True)
            raw = open(q, "rb").read().decode("latin-1")
        self.fonts = set(re.findall(r"/BaseFont /(?:[A-Z]{6}\+)?([A-Za-z0-9-]+)", raw))
        m = re.search(r"/MediaBox \[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", raw)
        self.page = (float(m.group(1)), float(m.group(2))) if m else (0, 0)
        self.sizes, self.advances, self.text_rgb = set(), set(), set()
        self.fills, self.strokes, self.hrules, self.vrules = set(), set(), [], []
        self.widths, self.hrule_y = set(), set()
        for m in re.finditer(r"%% Contents for page \d+\n.*?stream\n(.*?)endstream", raw, re.S):
            self.scan(m.group(1))

    def scan(self, data):
        st = []
        size, fill, stroke, lw, path = 0, (0, 0, 0), (0, 0, 0), 1, []
        for t in tokens(data):
            if isinstance(t, tuple):
                st.append(t)
                continue
            try:
                st.append(float(t))
                continue
            except ValueError:
                pass
            if t.startswith("/"):
                st.append(t)
                continue
            a = [x for x in st if isinstance(x, float)]
            if t == "Tf":
                size = a[-1]
                self.sizes.add(round(size, 2))
            elif t == "rg":
                fill = tuple(round(v * 255) for v in a[-3:])
            elif t == "RG":
                stroke = tuple(round(v * 255) for v in a[-3:])
                self.strokes.add(stroke)
            elif t == "w":
                lw = a[-1]
                self.widths.add(round(lw, 3))
            elif t == "Td":
                if a[-2] == 0 and a[-1] < 0:
                    self.advances.add((round(size, 2), round(-a[-1], 2)))
            elif t in ("Tj", "TJ"):
                self.text_rgb.add((round(size, 2), fill))
            elif t == "m":
                path = [tuple(a[-2:])]
            elif t == "l":
                path.append(tuple(a[-2:]))
            elif t == "S":
                if len(path) == 2:
                    (x0, y0), (x1, y1) = path
                    if near(y0, y1, 0.01):
                        self.hrules.append((round(lw, 3), stroke, min(x0, x1), max(x0, x1)))
                        self.hrule_y.add((round(lw, 3), stroke, round(y0, 2)))
                    elif near(x0, x1, 0.01):
                        self.vrules.append((round(lw, 3), stroke))
                path = []
            elif t == "re":
                path = ["re"]
            elif t == "f" and path == ["re"]:
                self.fills.add(fill)
            st = []

    def has_size(self, v):
        return any(near(v, s, 0.01) for s in self.sizes)

    def has_advance(self, size, adv):
        return any(near(size, s, 0.01) and near(adv, a, 0.02) for s, a in self.advances)

    def has_text(self, size, colour):
        return any(near(size, s, 0.01) and c == colour for s, c in self.text_rgb)

    def has_hrule(self, w, colour):
        return any(near(w, lw, 0.001) and c == colour for lw, c, _, _ in self.hrules)


def check_pdf(s, path, used_fills):
    p = Pdf(path)
    if not (near(p.page[0], num(s, "page.width"), 0.01) and near(p.page[1], num(s, "page.height"), 0.01)):
        bad(f"PDF: page {p.page}, the style's {s['page.width']} x {s['page.height']}")
    family = s["font.family"].replace(" ", "")
    if not any(f.startswith(family) for f in p.fonts):
        bad(f"PDF: no font of the family {s['font.family']} (fonts: {sorted(p.fonts)})")
    roles = [("para.title", "title"), ("para.subtitle", "subtitle"), ("para.body", "body"),
             ("para.note", "note"), ("para.lead", "lead"), ("heading.1", "heading 1"),
             ("heading.2", "heading 2"), ("heading.3", "heading 3")]
    for key, name in roles:
        size, colour = num(s, key + ".size"), rgb(s[key + ".rgb"])
        if not p.has_text(size, colour):
            bad(f"PDF: no {name} text at {size} pt in {s[key + '.rgb']} "
                f"(sizes used: {sorted(p.sizes)})")
    for key in ("para.body", "para.title"):
        size, lead = num(s, key + ".size"), num(s, key + ".leading")
        if not p.has_advance(size, size * lead):
            bad(f"PDF: no {key} lines {size * lead:.2f} pt apart ({size} x {lead})")
    ts, tl = num(s, "table.size"), num(s, "table.leading")
    if not p.has_size(num(s, "table.note-size")):
        bad(f"PDF: no note in a table at {s['table.note-size']} pt")
    if not p.has_size(ts):
        bad(f"PDF: no table text at {ts} pt")
    if not p.has_advance(ts, ts * tl):
        bad(f"PDF: no table lines {ts * tl:.2f} pt apart")
    if not p.has_size(num(s, "furniture.size")):
        bad(f"PDF: no header or footer at {s['furniture.size']} pt")
    rule = rgb(s["colour.rule"])
    ml, mr = num(s, "margin.left"), num(s, "page.width") - num(s, "margin.right")
    fw = num(s, "furniture.rule")
    if not any(near(lw, fw, 0.001) and c == rule and near(x0, ml, 0.01) and near(x1, mr, 0.01)
               for lw, c, x0, x1 in p.hrules):
        bad(f"PDF: no {fw} pt footer rule from the left margin {ml:.2f} to {mr:.2f}")
    ph = num(s, "page.height")
    for y, what in ((ph - num(s, "margin.top") + num(s, "furniture.header-gap"), "header"),
                    (num(s, "margin.bottom") - num(s, "furniture.footer-gap"), "footer")):
        if not any(near(lw, fw, 0.001) and c == rule and near(ry, y, 0.02) for lw, c, ry in p.hrule_y):
            bad(f"PDF: no {what} rule {s['furniture.' + what + '-gap']} pt from the text area")
    if not p.has_hrule(num(s, "title.rule"), rgb(s["colour.heading"])):
        bad(f"PDF: no {s['title.rule']} pt rule under the title")
    for key in ("table.rule", "table.header-rule"):
        if num(s, key) > 0 and not p.has_hrule(num(s, key), rule):
            bad(f"PDF: no {s[key]} pt table rule ({key})")
    grid = any(c == rule for _, c in p.vrules)
    if grid != (s["table.borders"] == "grid"):
        bad(f"PDF: table borders are {'a grid' if grid else 'rules'}, the style's {s['table.borders']}")
    for colour in used_fills:
        if colour not in p.fills:
            bad(f"PDF: the ODT's cell fill #{'%02X%02X%02X' % colour} is not filled in the PDF")
    if rgb(s["table.header-fill"]) not in p.fills:
        bad(f"PDF: no header fill {s['table.header-fill']}")
    if rgb(s["chart.palette.1"]) not in p.strokes and rgb(s["chart.palette.1"]) not in p.fills:
        bad(f"PDF: the first chart colour {s['chart.palette.1']} is not drawn")
    if not p.has_size(num(s, "chart.title-size")) or not p.has_size(num(s, "chart.label-size")):
        bad(f"PDF: no chart text at {s['chart.title-size']} and {s['chart.label-size']} pt")
    if not any(near(w, num(s, "chart.line"), 0.001) for w in p.widths):
        bad(f"PDF: no chart line {s['chart.line']} pt wide")
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True).stdout.decode("utf-8")
    if not re.search(r"^" + re.escape(s["list.bullet.1"]) + r"\s", text, re.M):
        bad(f"PDF: no list item with the bullet {s['list.bullet.1']}")


# ---- the ODT ---------------------------------------------------------------

NS = {
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
}


def q(name):
    p, _, local = name.partition(":")
    return "{%s}%s" % (NS[p], local)


def length(v):
    """'0.194cm' / '13.8pt' -> points"""
    m = re.fullmatch(r"(-?[\d.]+)(cm|pt|mm|in)", v or "")
    if not m:
        return None
    f = {"cm": 72 / 2.54, "pt": 1, "mm": 72 / 25.4, "in": 72}[m.group(2)]
    return float(m.group(1)) * f


def border_w(v):
    m = re.match(r"([\d.]+pt)", v or "")
    return length(m.group(1)) if m else 0


def styles_by_name(root):
    out = {}
    for st in root.iter(q("style:style")):
        out[st.get(q("style:name"))] = st
    return out


def prop(st, kind, attr):
    e = st.find(q("style:" + kind))
    return None if e is None else e.get(q(attr))


def check_role(styles, s, name, key):
    st = styles.get(name)
    if st is None:
        bad(f"ODT: no paragraph style {name}")
        return
    size, lead = num(s, key + ".size"), num(s, key + ".leading")
    want = {
        ("text-properties", "fo:font-size"): size,
        ("paragraph-properties", "fo:line-height"): size * lead,
        ("paragraph-properties", "fo:margin-top"): num(s, key + ".before"),
        ("paragraph-properties", "fo:margin-bottom"): num(s, key + ".after"),
    }
    for (kind, attr), v in want.items():
        got = length(prop(st, kind, attr))
        if got is None or not near(got, v):
            bad(f"ODT: {name} {attr} is {prop(st, kind, attr)}, the style's {v:.2f} pt ({key})")
    if (prop(st, "text-properties", "fo:color") or "").upper() != s[key + ".rgb"].upper():
        bad(f"ODT: {name} colour {prop(st, 'text-properties', 'fo:color')}, the style's {s[key + '.rgb']}")
    weight = "bold" if s[key + ".bold"] == "1" else "normal"
    if prop(st, "text-properties", "fo:font-weight") != weight:
        bad(f"ODT: {name} is not {weight}")
    hy = "true" if s[key + ".hyphenate"] == "1" else "false"
    if prop(st, "text-properties", "fo:hyphenate") != hy:
        bad(f"ODT: {name} hyphenate is not {hy}")
    for attr in ("fo:orphans", "fo:widows"):
        if prop(st, "paragraph-properties", attr) != s["para.min-lines"]:
            bad(f"ODT: {name} {attr} is not {s['para.min-lines']}")
    keep = "always" if s[key + ".keep-with-next"] == "1" else "auto"
    if prop(st, "paragraph-properties", "fo:keep-with-next") != keep:
        bad(f"ODT: {name} keep-with-next is not {keep}")


def charts_in(z):
    return [n for n in z.namelist() if re.fullmatch(r"Object \d+/content\.xml", n)]


def check_odt(s, path):
    z = zipfile.ZipFile(path)
    sty = ET.fromstring(z.read("styles.xml"))
    con = ET.fromstring(z.read("content.xml"))
    named = styles_by_name(sty)
    auto = styles_by_name(con)
    ds = sty.find(".//" + q("style:default-style") + "[@" + q("style:family") + "='paragraph']")
    tp = ds.find(q("style:text-properties")) if ds is not None else None
    if tp is None or tp.get(q("style:font-name")) != s["font.family"] or \
            not near(length(tp.get(q("fo:font-size"))), num(s, "font.size")):
        bad(f"ODT: the default font is not {s['font.family']} {s['font.size']} pt")
    pl = sty.find(".//" + q("style:page-layout-properties"))
    for attr, key in (("fo:page-width", "page.width"), ("fo:page-height", "page.height"),
                      ("fo:margin-left", "margin.left"), ("fo:margin-right", "margin.right")):
        if not near(length(pl.get(q(attr))), num(s, key)):
            bad(f"ODT: {attr} {pl.get(q(attr))}, the style's {s[key]} pt")
    for name, key in (("Text_20_body", "para.body"), ("Title", "para.title"),
                      ("Subtitle", "para.subtitle"), ("Note", "para.note"),
                      ("Caption", "para.caption"), ("Lead", "para.lead"),
                      ("Heading_20_1", "heading.1"), ("Heading_20_2", "heading.2"),
                      ("Heading_20_3", "heading.3")):
        check_role(named, s, name, key)
    tc = named.get("Table_20_Contents")
    ts, tl = num(s, "table.size"), num(s, "table.leading")
    if tc is None or not near(length(prop(tc, "text-properties", "fo:font-size")), ts) or \
            not near(length(prop(tc, "paragraph-properties", "fo:line-height")), ts * tl):
        bad(f"ODT: table text is not {ts} pt on {ts * tl:.2f} pt lines")
    tn = named.get("Table_20_Note")
    if tn is None or not near(length(prop(tn, "text-properties", "fo:font-size")),
                              num(s, "table.note-size")):
        bad(f"ODT: a note in a table is not {s['table.note-size']} pt")
    th = named.get("Table_20_Heading")
    if th is None or (prop(th, "text-properties", "fo:color") or "").upper() != s["table.header-text"]:
        bad(f"ODT: table header text is not {s['table.header-text']}")
    for name, rule_key in (("Cell0", "table.rule"), ("Head0", "table.header-rule")):
        st = auto.get(name)
        if st is None:
            bad(f"ODT: no cell style {name}")
            continue
        # Each line is drawn by one cell: a cell its bottom rule (and its
        # right one in a grid); the first row's cells their top one too,
        # the first column's their left one (styles NAME_T..., NAME_...L).
        grid = s["table.borders"] == "grid"
        for side in ("top", "bottom", "left", "right"):
            w = border_w(prop(st, "table-cell-properties", "fo:border-" + side))
            want = num(s, rule_key) if side == "bottom" or (side == "right" and grid) else 0
            if not near(w, want, 0.001):
                bad(f"ODT: {name} border-{side} is {w} pt, the style's {want} ({rule_key})")
        for vname, vst in auto.items():
            if not vname.startswith(name + "_"):
                continue
            for side, letter in (("top", "T"), ("left", "L")):
                if letter not in vname[len(name) + 1:]:
                    continue
                w = border_w(prop(vst, "table-cell-properties", "fo:border-" + side))
                want = num(s, rule_key) if side == "top" or grid else 0
                if not near(w, want, 0.001):
                    bad(f"ODT: {vname} border-{side} is {w} pt, the style's {want} ({rule_key})")
        pad = length(prop(st, "table-cell-properties", "fo:padding"))
        if pad is None or not near(pad, num(s, "table.padding")):
            bad(f"ODT: {name} padding {pad}, the style's {s['table.padding']}")
    # a dense table's body cells (the status matrix): less above and below
    # (named Cell<fill>_...D: "D" among the letters after the fill)
    dense = [n for n in auto if re.fullmatch(r"Cell\d+_[TNL]*D", n)]
    d0 = auto[dense[0]] if dense else None
    if d0 is None:
        bad("ODT: no dense cell style (Cell<fill>_D)")
    else:
        for side, key in (("top", "table.dense-padding"), ("bottom", "table.dense-padding"),
                          ("left", "table.padding"), ("right", "table.padding")):
            v = length(prop(d0, "table-cell-properties", "fo:padding-" + side))
            if v is None or not near(v, num(s, key)):
                bad(f"ODT: {dense[0]} padding-{side} {v}, the style's {s[key]} ({key})")
    h0 = auto.get("Head0")
    if h0 is not None and (prop(h0, "table-cell-properties", "fo:background-color") or "").upper() \
            != s["table.header-fill"]:
        bad(f"ODT: the header shade is not {s['table.header-fill']}")
    tr = [st for st in auto.values()
          if (prop(st, "paragraph-properties", "fo:border-bottom") or "").startswith(
              "%.1fpt solid %s" % (num(s, "title.rule"), s["colour.heading"].lower()))]
    if not tr:
        bad(f"ODT: no {s['title.rule']} pt rule in {s['colour.heading']} under the title")
    elif not near(length(prop(tr[0], "paragraph-properties", "fo:padding-bottom")),
                  num(s, "para.subtitle.after") + num(s, "title.rule-above")) or \
            not near(length(prop(tr[0], "paragraph-properties", "fo:margin-bottom")),
                     num(s, "title.rule-below")):
        bad("ODT: the rule under the title is not as far from the text as the style's")
    ch = named.get("Chart")
    if charts_in(z) and (ch is None or not near(length(prop(ch, "paragraph-properties", "fo:margin-top")),
                                              num(s, "chart.space"))):
        bad(f"ODT: a chart's paragraph is not {s['chart.space']} pt from its neighbours")
    tables = [st for n, st in auto.items() if re.fullmatch(r"Table\d+", n)]
    for attr, key in (("fo:margin-top", "table.before"), ("fo:margin-bottom", "table.after")):
        if tables and not any(near(length(prop(t, "table-properties", attr)), num(s, key))
                              for t in tables):
            bad(f"ODT: no table's {attr} is the style's {s[key]} pt")
    bl = sty.find(".//" + q("text:list-style") + "[@" + q("style:name") + "='List_20_Bullet']")
    for lv in bl.iter(q("text:list-level-style-bullet")):
        n = int(lv.get(q("text:level")))
        want = s[f"list.bullet.{(n - 1) % 4 + 1}"]
        if lv.get(q("text:bullet-char")) != want:
            bad(f"ODT: list level {n} bullet {lv.get(q('text:bullet-char'))}, the style's {want}")
        if n == 1:
            la = lv.find(".//" + q("style:list-level-label-alignment"))
            if not near(length(la.get(q("fo:margin-left"))), num(s, "list.indent")):
                bad(f"ODT: list indent is not the style's {s['list.indent']} pt")
    for el, attr, key in (("header-style", "fo:margin-bottom", "furniture.header-gap"),
                          ("footer-style", "fo:margin-top", "furniture.footer-gap")):
        hf = sty.find(".//" + q("style:" + el) + "/" + q("style:header-footer-properties"))
        if hf is None or not near(length(hf.get(q(attr))), num(s, key)):
            bad(f"ODT: the {el} is not {s[key]} pt from the text area")
    for name in ("Header", "Footer"):
        st = named.get(name)
        if st is None or not near(length(prop(st, "text-properties", "fo:font-size")),
                                  num(s, "furniture.size")):
            bad(f"ODT: {name} is not {s['furniture.size']} pt")
    # the fills the body's cells use, for the PDF to show too
    used = set()
    for c in con.iter(q("table:table-cell")):
        st = auto.get(c.get(q("table:style-name")))
        bg = st is not None and prop(st, "table-cell-properties", "fo:background-color")
        if bg:
            used.add(rgb(bg))
    for i in range(1, 7):
        fill = rgb(s[f"status.{i}.fill"])
        if fill in used or any(
                (prop(st, "table-cell-properties", "fo:background-color") or "").upper()
                == s[f"status.{i}.fill"] for st in auto.values()):
            continue
        bad(f"ODT: no cell style with the status fill {s[f'status.{i}.fill']}")
    charts = charts_in(z)
    pal = s["chart.palette.1"].lower()
    if charts and not any(pal.encode() in z.read(n).lower() for n in charts):
        bad(f"ODT: no chart draws the first chart colour {pal}")
    for n in charts:
        cs = styles_by_name(ET.fromstring(z.read(n)))
        title, legend = cs.get("title"), cs.get("legend")
        for st, key in ((title, "chart.title-size"), (legend, "chart.label-size")):
            if st is None or not near(length(prop(st, "text-properties", "fo:font-size")), num(s, key)):
                bad(f"ODT: {n}: chart text is not {s[key]} pt ({key})")
        s0 = cs.get("s0")
        w = s0 is not None and prop(s0, "graphic-properties", "svg:stroke-width")
        if w and prop(s0, "graphic-properties", "draw:stroke") == "solid" and \
                prop(s0, "graphic-properties", "draw:fill-color") != prop(s0, "graphic-properties", "svg:stroke-color"):
            pass  # a stacked bar: its edge, not a series line
        elif w and not near(length(w), num(s, "chart.line")):
            bad(f"ODT: {n}: a series line is {w}, the style's {s['chart.line']} pt")
    return used



# ---- the DOCX --------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LINE_AUTO = 240 / 1.15  # an "auto" line of 240 is the font's own, 1.15 of its size


def w_attr(el, path, attr="val"):
    e = el.find(path) if path else el
    return None if e is None else e.get(W + attr)


def check_docx_role(st, s, name, key):
    if st is None:
        bad(f"DOCX: no paragraph style {name}")
        return
    size = num(s, key + ".size")
    sz = w_attr(st, f"{W}rPr/{W}sz")
    if sz is None or not near(int(sz) / 2, size, 0.25):
        bad(f"DOCX: {name} w:sz is {sz}, the style's {size} pt ({key})")
    sp = st.find(f"{W}pPr/{W}spacing")
    for attr, k in (("before", ".before"), ("after", ".after")):
        v = None if sp is None else sp.get(W + attr)
        if v is None or not near(int(v) / 20, num(s, key + k)):
            bad(f"DOCX: {name} w:{attr} is {v}, the style's {s[key + k]} pt ({key})")
    line = None if sp is None else sp.get(W + "line")
    if line is None or sp.get(W + "lineRule") != "auto" or \
            not near(int(line) / LINE_AUTO, num(s, key + ".leading"), 0.006):
        bad(f"DOCX: {name} w:line is {line}, the style's leading {s[key + '.leading']} ({key})")
    if (w_attr(st, f"{W}rPr/{W}color") or "").upper() != s[key + ".rgb"].lstrip("#").upper():
        bad(f"DOCX: {name} colour {w_attr(st, f'{W}rPr/{W}color')}, the style's {s[key + '.rgb']}")
    if (st.find(f"{W}rPr/{W}b") is not None) != (s[key + ".bold"] == "1"):
        bad(f"DOCX: {name} bold is not {s[key + '.bold']}")
    if (st.find(f"{W}pPr/{W}keepNext") is not None) != (s[key + ".keep-with-next"] == "1"):
        bad(f"DOCX: {name} keep-with-next is not {s[key + '.keep-with-next']}")
    if (st.find(f"{W}pPr/{W}suppressAutoHyphens") is None) != (s[key + ".hyphenate"] == "1"):
        bad(f"DOCX: {name} hyphenate is not {s[key + '.hyphenate']}")


def border_pt(el):
    if el is None or el.get(W + "val") in (None, "nil", "none"):
        return 0
    return int(el.get(W + "sz")) / 8


def docx_resolved(named, st, path):
    """The element at path in style st or the first style it is based on."""
    while st is not None:
        e = st.find(path)
        if e is not None:
            return e
        st = named.get(w_attr(st, f"{W}basedOn"))
    return None


def check_docx_status_words(s, named, doc):
    """A status's words wear a character style in the status's text colour
    (so a person restyles every "Forsinket" at once), bold in a column's
    head, a note among them at the table's note size."""
    text = {}
    for i in range(1, 7):
        text.setdefault(s[f"status.{i}.fill"].lstrip("#").upper(), set()).add(
            s[f"status.{i}.text"].lstrip("#").upper())
    runs = heads = notes = 0
    for tr in doc.iter(W + "tr"):
        head = tr.find(f"{W}trPr/{W}tblHeader") is not None
        for tc in tr.iter(W + "tc"):
            fill = (w_attr(tc, f"{W}tcPr/{W}shd", "fill") or "").upper()
            if fill not in text:
                continue
            for p in tc.iter(W + "p"):
                pst = named.get(w_attr(p, f"{W}pPr/{W}pStyle"))
                size = docx_resolved(named, pst, f"{W}rPr/{W}sz")
                if size is not None and near(int(size.get(W + "val")) / 2,
                                             num(s, "table.note-size"), 0.25):
                    notes += 1
                if head:
                    heads += 1
                    if docx_resolved(named, pst, f"{W}rPr/{W}b") is None:
                        bad(f"DOCX: a status word heading a column is not bold ({fill})")
                for r in p.iter(W + "r"):
                    if r.find(W + "t") is None:
                        continue
                    rs = w_attr(r, f"{W}rPr/{W}rStyle")
                    if rs == "Hyperlink":
                        continue
                    st = named.get(rs)
                    colour = None if st is None else (w_attr(st, f"{W}rPr/{W}color") or "").upper()
                    if st is None or st.get(W + "type") != "character" or colour not in text[fill]:
                        bad(f"DOCX: words on the status fill {fill} wear {rs} ({colour}), "
                            f"not a character style in {' or '.join(sorted(text[fill]))}")
                        return
                    runs += 1
    if not runs:
        bad("DOCX: no status words in a status-filled cell")
    if not heads:
        bad("DOCX: no status word heads a column")
    if not notes:
        bad(f"DOCX: no note in a status cell at {s['table.note-size']} pt")


def check_docx(s, path):
    z = zipfile.ZipFile(path)
    sty = ET.fromstring(z.read("word/styles.xml"))
    doc = ET.fromstring(z.read("word/document.xml"))
    named = {st.get(W + "styleId"): st for st in sty.iter(W + "style")}
    rd = sty.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    if rd is None or w_attr(rd, f"{W}rFonts", "ascii") != s["font.family"] or \
            not near(int(w_attr(rd, f"{W}sz")) / 2, num(s, "font.size"), 0.25):
        bad(f"DOCX: the default font is not {s['font.family']} {s['font.size']} pt")
    sect = doc.find(f".//{W}sectPr")
    for el, attr, key in (("pgSz", "w", "page.width"), ("pgSz", "h", "page.height"),
                          ("pgMar", "top", "margin.top"), ("pgMar", "bottom", "margin.bottom"),
                          ("pgMar", "left", "margin.left"), ("pgMar", "right", "margin.right")):
        v = w_attr(sect, f"{W}{el}", attr)
        if v is None or not near(int(v) / 20, num(s, key)):
            bad(f"DOCX: {el} {attr} is {v} twips, the style's {s[key]} pt")
    for name, key in (("Normal", "para.body"), ("Title", "para.title"),
                      ("Subtitle", "para.subtitle"), ("Note", "para.note"),
                      ("Caption", "para.caption"), ("Lead", "para.lead"),
                      ("Heading1", "heading.1"), ("Heading2", "heading.2"),
                      ("Heading3", "heading.3")):
        check_docx_role(named.get(name), s, name, key)
    tc = named.get("TableContents")
    if tc is None or not near(int(w_attr(tc, f"{W}rPr/{W}sz") or 0) / 2, num(s, "table.size"), 0.25) \
            or not near(int(w_attr(tc, f"{W}pPr/{W}spacing", "line") or 0) / LINE_AUTO,
                        num(s, "table.leading"), 0.006):
        bad(f"DOCX: table text is not {s['table.size']} pt at leading {s['table.leading']}")
    tn = named.get("TableNote")
    if tn is None or not near(int(w_attr(tn, f"{W}rPr/{W}sz") or 0) / 2, num(s, "table.note-size"), 0.25):
        bad(f"DOCX: a note in a table is not {s['table.note-size']} pt")
    # a dense table (the status matrix) has its body cells' margins, and
    # its head keeps the table's padding
    mar = doc.find(f".//{W}tblPr/{W}tblCellMar")
    if mar is None:
        bad("DOCX: no dense table (w:tblCellMar) in the report")
    else:
        for side, key in (("top", "table.dense-padding"), ("bottom", "table.dense-padding"),
                          ("left", "table.padding"), ("right", "table.padding")):
            v = w_attr(mar, f"{W}{side}", "w")
            if v is None or not near(int(v) / 20, num(s, key)):
                bad(f"DOCX: a dense cell's margin {side} is {v} twips, the style's {s[key]} pt")
        for tbl in doc.iter(W + "tbl"):
            if tbl.find(f"{W}tblPr/{W}tblCellMar") is None:
                continue
            heads = [tc for tr in tbl.findall(W + "tr")
                     if tr.find(f"{W}trPr/{W}tblHeader") is not None for tc in tr.findall(W + "tc")]
            for tc in heads:
                for side in ("top", "bottom"):
                    v = w_attr(tc, f"{W}tcPr/{W}tcMar/{W}{side}", "w")
                    if v is None or not near(int(v) / 20, num(s, "table.padding")):
                        bad(f"DOCX: a dense table's head has margin {side} {v} twips, "
                            f"the style's {s['table.padding']} pt")
    th = named.get("TableHeading")
    if th is None or (w_attr(th, f"{W}rPr/{W}color") or "").upper() != s["table.header-text"].lstrip("#"):
        bad(f"DOCX: table header text is not {s['table.header-text']}")
    rt = named.get("ReportTable")
    grid = s["table.borders"] == "grid"
    if rt is None:
        bad("DOCX: no table style ReportTable")
    else:
        for side in ("top", "bottom", "insideH", "left", "right", "insideV"):
            w = border_pt(rt.find(f"{W}tblPr/{W}tblBorders/{W}{side}"))
            want = num(s, "table.rule") if side in ("top", "bottom", "insideH") or grid else 0
            if not near(w, want, 0.07):
                bad(f"DOCX: table border {side} is {w} pt, the style's {want} (table.rule)")
        for side in ("top", "left", "bottom", "right"):
            v = w_attr(rt, f"{W}tblPr/{W}tblCellMar/{W}{side}", "w")
            if v is None or not near(int(v) / 20, num(s, "table.padding")):
                bad(f"DOCX: cell margin {side} is {v} twips, the style's {s['table.padding']} pt")
        fr = rt.find(f"{W}tblStylePr[@{W}type='firstRow']/{W}tcPr/{W}tcBorders")
        for side in ("top", "bottom"):
            w = border_pt(None if fr is None else fr.find(W + side))
            if not near(w, num(s, "table.header-rule"), 0.07):
                bad(f"DOCX: header row border {side} is {w} pt, the style's {s['table.header-rule']}")
        for b in rt.iter():
            c = b.get(W + "color")
            if b.tag.startswith(W) and c and c.upper() != s["colour.rule"].lstrip("#"):
                bad(f"DOCX: a table rule is {c}, the style's {s['colour.rule']}")
    shades = {e.get(W + "fill", "").upper() for e in doc.iter(W + "shd")}
    if doc.find(f".//{W}tblHeader") is not None and s["table.header-fill"].lstrip("#") not in shades:
        bad(f"DOCX: no cell has the header shade {s['table.header-fill']}")
    for name in ("Header", "Footer"):
        st = named.get(name)
        if st is None or not near(int(w_attr(st, f"{W}rPr/{W}sz") or 0) / 2, num(s, "furniture.size"), 0.25):
            bad(f"DOCX: {name} is not {s['furniture.size']} pt")
        side = "bottom" if name == "Header" else "top"
        if st is None or not near(border_pt(st.find(f"{W}pPr/{W}pBdr/{W}{side}")),
                                  num(s, "furniture.rule"), 0.07):
            bad(f"DOCX: {name}'s rule is not {s['furniture.rule']} pt")
    for lv, key in (("TOC1", "toc.before-1"), ("TOC2", "toc.before")):
        st = named.get(lv)
        v = None if st is None else w_attr(st, f"{W}pPr/{W}spacing", "before")
        if v is None or not near(int(v) / 20, num(s, key)):
            bad(f"DOCX: {lv} is {v} twips below the entry before, the style's {s[key]} pt")
    t2 = named.get("TOC2")
    left = 0 if t2 is None else int(w_attr(t2, f"{W}pPr/{W}ind", "left") or 0) / 20
    hang = 0 if t2 is None else int(w_attr(t2, f"{W}pPr/{W}ind", "hanging") or 0) / 20
    if t2 is None or not near(left - hang, num(s, "toc.indent")):
        bad(f"DOCX: a level-2 contents entry is not indented {s['toc.indent']} pt")
    if t2 is None or not near(hang, num(s, "toc.hang-2")):
        bad(f"DOCX: a level-2 contents entry does not hang {s['toc.hang-2']} pt")
    li = named.get("ListParagraph")
    if li is None or not near(int(w_attr(li, f"{W}pPr/{W}spacing", "before") or -1) / 20,
                              num(s, "list.item-before")):
        bad(f"DOCX: list items are not {s['list.item-before']} pt apart")
    nb = ET.fromstring(z.read("word/numbering.xml"))
    an = nb.find(f"{W}abstractNum")
    for lvl in an.iter(W + "lvl"):
        n = int(lvl.get(W + "ilvl")) + 1
        want = s[f"list.bullet.{(n - 1) % 4 + 1}"]
        if w_attr(lvl, f"{W}lvlText") != want:
            bad(f"DOCX: list level {n} bullet {w_attr(lvl, f'{W}lvlText')}, the style's {want}")
        left = int(w_attr(lvl, f"{W}pPr/{W}ind", "left")) / 20
        if not near(left, n * num(s, "list.indent")):
            bad(f"DOCX: list level {n} indent {left} pt, the style's {n} x {s['list.indent']}")
    rules = [b for b in doc.iter(W + "pBdr") if b.find(W + "bottom") is not None and
             (b.find(W + "bottom").get(W + "color") or "").upper() == s["colour.heading"].lstrip("#")]
    if not rules or not near(border_pt(rules[0].find(W + "bottom")), num(s, "title.rule"), 0.07):
        bad(f"DOCX: no {s['title.rule']} pt rule in {s['colour.heading']} under the title")
    if (s["table.zebra-fill"].lstrip("#") in shades) != (s["table.zebra"] == "1"):
        bad(f"DOCX: zebra rows are not {s['table.zebra']} ({s['table.zebra-fill']})")
    fills = {s[f"status.{i}.fill"].lstrip("#") for i in range(1, 7)}
    if not fills & shades:
        bad("DOCX: no cell has a status fill")
    check_docx_status_words(s, named, doc)
    charts = [n for n in z.namelist() if re.fullmatch(r"word/charts/chart\d+\.xml", n)]
    pal = s["chart.palette.1"].lstrip("#").upper().encode()
    if charts and not any(pal in z.read(n).upper() for n in charts):
        bad(f"DOCX: no chart draws the first chart colour {s['chart.palette.1']}")
    A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    for n in charts:
        ch = ET.fromstring(z.read(n))
        t = ch.find(f"{C}chart/{C}title//{A}defRPr")
        if t is not None and not near(int(t.get("sz")) / 100, num(s, "chart.title-size"), 0.01):
            bad(f"DOCX: {n}: the title is {t.get('sz')}, the style's {s['chart.title-size']} pt")
        lg = ch.find(f".//{C}legend//{A}defRPr")
        if lg is None or not near(int(lg.get("sz")) / 100, num(s, "chart.label-size"), 0.01) or \
                (lg.find(f".//{A}srgbClr") is None or
                 lg.find(f".//{A}srgbClr").get("val").upper() != s["chart.label"].lstrip("#")):
            bad(f"DOCX: {n}: the legend is not {s['chart.label-size']} pt in {s['chart.label']}")
        g = ch.find(f".//{C}majorGridlines//{A}ln")
        if g is None or not near(int(g.get("w")) / 12700, num(s, "chart.grid-line"), 0.01) or \
                g.find(f".//{A}srgbClr").get("val").upper() != s["chart.grid"].lstrip("#"):
            bad(f"DOCX: {n}: the grid is not {s['chart.grid-line']} pt in {s['chart.grid']}")
        ax = ch.find(f".//{C}catAx/{C}spPr/{A}ln")
        if ax is None or ax.find(f".//{A}srgbClr") is None or \
                ax.find(f".//{A}srgbClr").get("val").upper() != s["chart.axis"].lstrip("#") or \
                not near(int(ax.get("w")) / 12700, num(s, "chart.axis-line"), 0.01):
            bad(f"DOCX: {n}: the axis is not {s['chart.axis-line']} pt in {s['chart.axis']}")


# ---- the HTML --------------------------------------------------------------

def css_rules(text):
    """{selector: {property: value}} of the top level and of @media print."""
    top, prt = {}, {}
    css = re.search(r"<style>(.*?)</style>", text, re.S).group(1)
    i, depth, where = 0, 0, top
    for m in re.finditer(r"(@media[^{]*\{)|([^{}]+)\{([^{}]*)\}|(\})", css):
        if m.group(1):
            depth += 1
            where = prt if "print" in m.group(1) else None
        elif m.group(4):
            depth -= 1
            where = top if depth == 0 else where
        elif where is not None:
            props = dict(p.split(":", 1) for p in m.group(3).split(";") if ":" in p)
            for sel in (m.group(2).strip(),):
                where.setdefault(sel, {}).update(props)
    return top, prt


def em(v):
    return float(v[:-2]) if v and v.endswith("em") else None


def css_len(v):
    if not v:
        return None
    m = re.fullmatch(r"(-?[\d.]+)(pt|mm)", v)
    if not m:
        return None
    return float(m.group(1)) * (72 / 25.4 if m.group(2) == "mm" else 1)


def check_html(s, path):
    text = open(path, encoding="utf-8").read()
    top, prt = css_rules(text)
    fs = num(s, "font.size")

    def want_em(sel, prop, v, rel, key, idx=None):
        got = top.get(sel, {}).get(prop)
        part = got.split()[idx] if got and idx is not None else got
        e = em(part)
        if e is None or not near(e * rel, v, 0.006 * rel + 0.001):
            bad(f"HTML: {sel} {prop} is {got}, the style's {v} pt ({key})")

    def want(sel, prop, v, key):
        got = top.get(sel, {}).get(prop)
        if (got or "").lower() != v.lower():
            bad(f"HTML: {sel} {prop} is {got}, the style's {v} ({key})")

    for sel, key in (("p", "para.body"), ("h1", "para.title"), ("h2", "heading.1"),
                     ("h3", "heading.2"), ("h4", "heading.3"), (".lead", "para.lead"),
                     (".subtitle", "para.subtitle"), (".note", "para.note"),
                     (".caption", "para.caption")):
        size = num(s, key + ".size")
        want_em(sel, "font-size", size, fs, key + ".size")
        if sel != "h1":
            want_em(sel, "margin", num(s, key + ".before"), size, key + ".before", 0)
        want_em(sel, "margin", num(s, key + ".after"), size, key + ".after", 2)
        lh = top.get(sel, {}).get("line-height")
        if lh is None or not near(float(lh), num(s, key + ".leading"), 0.006):
            bad(f"HTML: {sel} line-height is {lh}, the style's {s[key + '.leading']}")
        want(sel, "color", s[key + ".rgb"], key + ".rgb")
        want(sel, "font-weight", "bold" if s[key + ".bold"] == "1" else "normal", key + ".bold")
        want(sel, "hyphens", "auto" if s[key + ".hyphenate"] == "1" else "manual", key + ".hyphenate")
    keep = [x for x in prt if "break-after" in prt[x]]
    for sel, key in (("h2", "heading.1"), (".caption", "para.caption"), (".note", "para.note")):
        kept = any(sel in [p.strip() for p in x.split(",")] for x in keep)
        if kept != (s[key + ".keep-with-next"] == "1"):
            bad(f"HTML: {sel} break-after:avoid in print is not keep-with-next {s[key + '.keep-with-next']}")
    want("body", "color", s["colour.text"], "colour.text")
    want("body", "line-height", "%g" % num(s, "para.body.leading"), "para.body.leading")
    want_em("table", "font-size", num(s, "table.size"), fs, "table.size")
    want("table", "line-height", "%g" % num(s, "table.leading"), "table.leading")
    want_em("th,td", "padding", num(s, "table.padding"), num(s, "table.size"), "table.padding")
    for side in ("top", "bottom"):
        want_em(".dense tbody th,.dense tbody td", "padding-" + side, num(s, "table.dense-padding"),
                num(s, "table.size"), "table.dense-padding")
    rule = "%gpt solid %s" % (num(s, "table.rule"), s["colour.rule"].lower())
    for side in ("top", "bottom") + (("left", "right") if s["table.borders"] == "grid" else ()):
        want("th,td", "border-" + side, rule, "table.rule")
    if s["table.borders"] != "grid" and "border-left" in top.get("th,td", {}):
        bad("HTML: table cells are boxed, the style's borders are rules")
    want("thead th", "border-top-width", "%gpt" % num(s, "table.header-rule"), "table.header-rule")
    want("thead th", "background", s["table.header-fill"], "table.header-fill")
    want("thead th", "color", s["table.header-text"], "table.header-text")
    want_em("th p+p,td p+p", "margin-top", num(s, "table.para-gap"), num(s, "table.size"), "table.para-gap")
    want_em(".table-wrap", "margin", num(s, "table.before"), fs, "table.before", 0)
    want_em(".table-wrap", "margin", num(s, "table.after"), fs, "table.after", 2)
    zebra = ":where(tbody tr:nth-child(even))>*"
    if (zebra in top) != (s["table.zebra"] == "1"):
        bad(f"HTML: zebra rows are not {s['table.zebra']}")
    elif zebra in top:
        want(zebra, "background", s["table.zebra-fill"], "table.zebra-fill")
    want_em("main ul,main ol", "padding-left", num(s, "list.indent"), fs, "list.indent")
    want_em("main li", "margin-top", num(s, "list.item-before"), fs, "list.item-before")
    want("main ul", "list-style-type", '"%s "' % s["list.bullet.1"], "list.bullet.1")
    want("main ul ul", "list-style-type", '"%s "' % s["list.bullet.2"], "list.bullet.2")
    want_em("nav ol ol", "padding-left", num(s, "toc.indent"), fs, "toc.indent")
    want_em("nav>ol>li", "margin-top", num(s, "toc.before-1"), fs, "toc.before-1")
    want_em("nav", "margin-bottom", num(s, "toc.after"), fs, "toc.after")
    want_em("footer", "font-size", num(s, "furniture.size"), fs, "furniture.size")
    want("footer", "border-top", "%gpt solid %s" % (num(s, "furniture.rule"), s["colour.rule"].lower()),
         "furniture.rule")
    want("header::after", "border-top", "%gpt solid %s" % (num(s, "title.rule"), s["colour.heading"].lower()),
         "title.rule")
    want_em("header::after", "margin-top", num(s, "title.rule-above"), fs, "title.rule-above")
    want_em("header", "margin-bottom", num(s, "title.rule-below"), fs, "title.rule-below")
    want_em("figure.chart", "margin", num(s, "chart.space"), fs, "chart.space", 0)
    page = prt.get("@page", {})
    size = (page.get("size") or "").split()
    marg = (page.get("margin") or "").split()
    for i, key in enumerate(("page.width", "page.height")):
        if len(size) != 2 or not near(css_len(size[i]), num(s, key), 0.1):
            bad(f"HTML: @page size is {page.get('size')}, the style's {s[key]} pt")
    for i, key in enumerate(("margin.top", "margin.right", "margin.bottom", "margin.left")):
        if len(marg) != 4 or not near(css_len(marg[i]), num(s, key), 0.1):
            bad(f"HTML: @page margin is {page.get('margin')}, the style's {s[key]} pt")
    if not near(css_len(prt.get("body", {}).get("font-size")) or 0, fs):
        bad(f"HTML: the printed body is not {fs} pt")
    bgs = {v.get("background", "").upper() for v in top.values()}
    for i in range(1, 7):
        if s[f"status.{i}.fill"] not in bgs:
            bad(f"HTML: no class with the status fill {s[f'status.{i}.fill']}")
    if "<svg" in text and s["chart.palette.1"].lower() not in text.lower():
        bad(f"HTML: no chart draws the first chart colour {s['chart.palette.1']}")


def main(argv):
    if len(argv) >= 4 and argv[1] == "differ":
        a, b = read_style(argv[2]), read_style(argv[3])
        for k in argv[4:]:
            if k not in a or a[k] == b.get(k):
                bad(f"{k} is {a.get(k)} in both")
    elif len(argv) >= 4:
        s = read_style(argv[1])
        used = check_odt(s, argv[3])
        check_pdf(s, argv[2], used)
        for extra in argv[4:]:
            if extra.endswith(".docx"):
                check_docx(s, extra)
            elif extra.endswith(".html"):
                check_html(s, extra)
            else:
                bad(f"{extra}: neither a DOCX nor an HTML file")
    else:
        sys.stderr.write(__doc__)
        return 2
    for p in problems:
        sys.stderr.write(p + "\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
