#!/usr/bin/env python3
"""content_check.py REPORT PLAN [STATUS...] [--owner ID] [--year YEAR]
                    [--no-comments] [--no-measures] [--charts N]

Does the report say what the plan and the status files say?  What must be
there is read from the XML itself, not from the program:
  - every measure of the report (all of the plan's, or with --owner those
    the owner is responsible for, directly or through a group): its id and
    its text;
  - every status comment of the year that the report promises (all
    owners', or with --owner that owner's own);
  - every indicator's name (all that --no-measures leaves, for a report
    kind that lists only some measures);
  - with --charts N: at least N charts.
The report's text comes from one reader per format (FORMATS below); a new
format is one more function there.  Comparison ignores white space,
hyphens and soft hyphens, since line breaking and hyphenation move them,
and en dashes, word joiners and quotes, which the typographic pass sets.
Exit 0 when everything is found, 1 with the missing pieces listed, 2 on a
usage or reader error.
"""
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

NS = "{urn:statusrapport:1}"


# --- readers: the report's text, and how many charts it carries -----------

def pdf_read(path):
    """The words poppler finds, put back into the runs they were set in:
    a table's cells sit side by side, so plain pdftotext interleaves their
    lines.  Words are cut into segments where the gap between two is wider
    than a space, segments are grouped by their left edge (a cell's lines
    all start at its left edge, a paragraph's at the margin), and each
    group is read top to bottom through the whole document, so a cell or
    paragraph broken over a page reads on.  Running heads and page numbers
    (outside the text area) are left out.  Charts: each indicator chart's
    legend has a "path to target" entry."""
    html = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", path, "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    import html as h
    groups = {}
    for pno, page in enumerate(re.split(r"<page ", html)[1:]):
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        words = [(float(a), float(b), float(c), float(d), h.unescape(t)) for a, b, c, d, t in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page)]
        words = [w for w in words if w[1] >= height * 0.06 and w[3] <= height * 0.94]
        words.sort(key=lambda w: (round(w[1], 0), w[0]))
        segs = []
        for x0, y0, x1, y1, t in words:
            # the next word of the same line: to the right, a space away (a
            # cell to the left, its baseline a little lower, is no part)
            if segs and abs(y0 - segs[-1][1]) < 1 and -0.5 < x0 - segs[-1][2] < 6:
                segs[-1][2] = x1
                segs[-1][3].append((x0, x1, t))
            else:
                segs.append([x0, y0, x1, [(x0, x1, t)]])
        for x0, y0, _, ws in segs:
            # a list item's first line starts with its label; its other
            # lines start where the label's text does (a label stands
            # further from its text than a space)
            if (len(ws) > 1 and ws[1][0] - ws[0][1] > 3.5
                    and re.fullmatch(r"[\u2022\u25e6\u2013\u2014-]|\d{1,2}[.)]|[a-z][.)]", ws[0][2])):
                x0 = ws[1][0]
            groups.setdefault(round(x0), []).append((pno, y0, [t for _, _, t in ws]))
    text = "\n".join("\n".join(" ".join(ws) for _, _, ws in sorted(g, key=lambda e: (e[0], e[1])))
                     for _, g in sorted(groups.items()))
    plain = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True,
                           capture_output=True).stdout.decode("utf-8")
    charts = len(re.findall(r"Bane mot målet|Path to target", plain))
    return text, charts


def odt_read(path):
    """content.xml's text, one paragraph per line, and the chart objects
    (each an "Object N/" part holding a chart document)."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("content.xml"))
        names = z.namelist()
    paras = []
    for el in root.iter():
        if el.tag.endswith(("}p", "}h")):
            paras.append("".join(el.itertext()))
    charts = 0
    for n in names:
        m = re.fullmatch(r"Object \d+/content\.xml", n)
        if m:
            with zipfile.ZipFile(path) as z:
                if b"<chart:chart" in z.read(n):
                    charts += 1
    return "\n".join(paras), charts


def docx_read(path):
    """word/document.xml's text, one paragraph per line, and the chart
    parts (each word/charts/chartN.xml holding a chart)."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
        names = z.namelist()
        charts = sum(1 for n in names if re.fullmatch(r"word/charts/chart\d+\.xml", n)
                     and b"<c:chartSpace" in z.read(n))
    paras = ["".join(t.text or "" for t in p.iter(w + "t")) for p in root.iter(w + "p")]
    return "\n".join(paras), charts


def html_read(path):
    """The page's text as a reader gets it (elements' text, one block per
    line, SVG charts' own text left out), and the charts: each an <svg
    role="img">."""
    import html.parser

    class Text(html.parser.HTMLParser):
        BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "div", "br"}

        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.out, self.svg, self.charts = [], 0, 0

        def handle_starttag(self, tag, attrs):
            if tag == "svg":
                self.svg += 1
                if dict(attrs).get("role") == "img":
                    self.charts += 1
            if tag in self.BLOCKS:
                self.out.append("\n")

        def handle_endtag(self, tag):
            if tag == "svg":
                self.svg -= 1
            if tag in self.BLOCKS:
                self.out.append("\n")

        def handle_data(self, data):
            if not self.svg:
                self.out.append(data)

    t = Text()
    with open(path, encoding="utf-8") as f:
        t.feed(f.read())
    # each chart is drawn twice (wide and narrow screens); count it once
    return "".join(t.out), t.charts // 2


FORMATS = {".pdf": pdf_read, ".odt": odt_read, ".docx": docx_read, ".html": html_read}


# --- what the plan promises ------------------------------------------------

def squash(s):
    s = unicodedata.normalize("NFC", s)
    # the report sets the plan's text typographically: no-break spaces,
    # en dashes and word joiners in ranges, the language's quotes
    return re.sub(r"[\s\u00ad\-\u2010\u2011\u2013\u2060\"«»“”]+", "", s)


def pieces(el):
    """The element's text as the report may set it: its own text, or each
    paragraph or list item on its own when it has them."""
    if el is None:
        return []
    parts = [p for p in el.iter() if p.tag in (NS + "p", NS + "li")]
    if parts:
        return [" ".join("".join(p.itertext()).split()) for p in parts]
    return [" ".join("".join(el.itertext()).split())]


def expected(plan_path, status_paths, owner, year, comments, measures_too=True):
    plan = ET.parse(plan_path).getroot()
    groups = {o.get("id"): (o.get("members") or "").split()
              for o in plan.iter(NS + "owner")}
    mine = {owner} | {g for g, members in groups.items() if owner in members} if owner else None

    statuses = []  # (measure id, owner, year, element)
    measures = []
    for m in plan.iter(NS + "measure"):
        refs = {r.get("ref") for r in m.findall(NS + "responsible")}
        if mine is not None and not refs & mine:
            continue
        measures.append(m)
        for s in m.findall(NS + "status"):
            statuses.append((m.get("id"), s.get("owner"), s.get("year"), s))
    ids = {m.get("id") for m in measures}
    for f in status_paths:
        r = ET.parse(f).getroot()
        for s in r.findall(NS + "status"):
            statuses.append((s.get("measure"), r.get("owner"), r.get("year"), s))
    if year is None:
        year = max((y for _, _, y, _ in statuses if y), default=None)

    want = []
    for m in measures if measures_too else []:
        want.append(("measure id", m.get("id"), m.get("id")))
        for p in pieces(m.find(NS + "text")):
            want.append(("measure text", m.get("id"), p))
    # the regional report's measure tables carry the overall status, which
    # is the regional owner's (type rhf); the trusts' show as words in the
    # status matrix.  An owner's report carries that owner's own.
    authors = {owner} if owner else {o.get("id") for o in plan.iter(NS + "owner") if o.get("type") == "rhf"}
    if comments and measures_too:
        for mid, who, y, s in statuses:
            if y != year or mid not in ids or who not in authors:
                continue
            for p in pieces(s):
                if p:
                    want.append(("comment", "%s %s" % (mid, who), p))
    for ind in plan.iter(NS + "indicator"):
        if ind.find(NS + "name") is not None:
            want.append(("indicator", ind.get("id"), " ".join("".join(ind.find(NS + "name").itertext()).split())))
    return want


def main(argv):
    args, opts = [], {"--owner": None, "--year": None, "--charts": None}
    comments = measures_too = True
    it = iter(argv)
    for a in it:
        if a in opts:
            opts[a] = next(it, None)
        elif a == "--no-comments":
            comments = False
        elif a == "--no-measures":
            measures_too = False
        else:
            args.append(a)
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    report, plan, statuses = args[0], args[1], args[2:]
    read = FORMATS.get(os.path.splitext(report)[1].lower())
    if read is None:
        print("content_check: no reader for %s (known: %s)" % (report, ", ".join(FORMATS)), file=sys.stderr)
        return 2
    text, charts = read(report)
    hay = squash(text)
    if not hay:
        print("content_check: no text in %s" % report)
        return 1
    want = expected(plan, statuses, opts["--owner"], opts["--year"], comments, measures_too)
    counts, missing = {}, []
    for kind, key, needle in want:
        counts[kind] = counts.get(kind, 0) + 1
        # a measure id stands in its own cell: "1.1" must not be found
        # as part of "1.1.2", so the id is looked up with its neighbours
        if kind == "measure id":
            found = re.search(r"(?<![\d.])" + re.escape(needle) + r"(?![\d]|\.\d)", text) is not None
        else:
            found = squash(needle) in hay
        if not found:
            missing.append("%s %s: %s" % (kind, key, needle[:80]))
    ok = not missing
    for m in missing:
        print("missing", m)
    if opts["--charts"] is not None and charts < int(opts["--charts"]):
        print("charts: %d, want at least %s" % (charts, opts["--charts"]))
        ok = False
    print(", ".join("%d %s" % (n, k) for k, n in counts.items()) + ", %d charts" % charts)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
