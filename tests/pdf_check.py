#!/usr/bin/env python3
"""pdf_check.py: judge a rendered PDF through poppler's eyes (stdlib only).

  pdf_check.py area PDF X0 Y0 X1 Y1   every word inside the text area (points
        from the page's top-left), except the running header and footer in
        their bands just outside it; no two words overlap
  pdf_check.py toc PDF TITLE          the TOC's page numbers equal the pages
        where those headings are
  pdf_check.py toclinks PDF     each TOC line's link (an annotation over the
        line) leads to the page the line's number names
  pdf_check.py keep PDF Y1            no page's last line above Y1 (the text
        area's foot) is set larger than the body: no heading alone at a foot
  pdf_check.py repeat PDF [TEXT]      a table that spans pages repeats its
        header: a line TEXT (or, without TEXT, the same first line) opens
        each continuation page
Exit 0 when the check holds, 1 with reasons on stderr otherwise."""
import html
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/1999/xhtml}"


def pages(pdf):
    """[(width, height, [line]), ...]; line = (text, [(word, x0, y0, x1, y1)])"""
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    # poppler writes named entities XML does not know
    out = re.sub(r"&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)", "&amp;", out)
    out = out.replace("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"" +
                      " \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">", "")
    root = ET.fromstring(out)
    res = []
    for pg in root.iter(NS + "page"):
        lines = []
        for ln in pg.iter(NS + "line"):
            words = [(html.unescape(w.text or ""), float(w.get("xMin")), float(w.get("yMin")),
                      float(w.get("xMax")), float(w.get("yMax"))) for w in ln.iter(NS + "word")]
            if words:
                lines.append((" ".join(w[0] for w in words), words))
        res.append((float(pg.get("width")), float(pg.get("height")), join_numbers(lines)))
    return res


def join_numbers(lines):
    """A page number poppler set apart from its dotted leader (a column of
    numbers at the right edge is a block of its own to it) back on the
    leader's line."""
    nums = [ln for ln in lines if re.fullmatch(r"\d+", ln[0])]
    if not nums:
        return lines
    out, used = [], []
    for ln in lines:
        t, ws = ln
        if re.search(r"\. \.$", t):
            for n in nums:
                nw = n[1][0]
                if abs(nw[2] - ws[-1][2]) < 0.5 and nw[1] > ws[-1][3] and n not in used:
                    t, ws = t + " " + n[0], ws + n[1]
                    used.append(n)
                    break
        out.append((t, ws) if ws is not ln[1] else ln)
    return [ln for ln in out if not any(ln is u for u in used)]


def check_area(pdf, x0, y0, x1, y1):
    bad = []
    eps = 0.6
    for pno, (w, h, lines) in enumerate(pages(pdf), 1):
        words = [wd for _, ws in lines for wd in ws]
        for t, a, b, c, d in words:
            inside = a >= x0 - eps and c <= x1 + eps and b >= y0 - eps and d <= y1 + eps
            header = a >= x0 - eps and c <= x1 + eps and y0 - 34 <= b and d <= y0 - 8
            footer = a >= x0 - eps and c <= x1 + eps and y1 + 12 <= b and d <= min(h, y1 + 40)
            if not (inside or header or footer):
                bad.append("page %d: '%s' at (%.1f,%.1f)-(%.1f,%.1f) outside the text area"
                           % (pno, t, a, b, c, d))
        # overlaps: sort by x to keep it quick
        words.sort(key=lambda q: q[1])
        for i, (t, a, b, c, d) in enumerate(words):
            for u, e, f, g, k in words[i + 1:]:
                if e >= c - eps:
                    break
                if min(d, k) - max(b, f) > 1.0 and min(c, g) - max(a, e) > eps:
                    bad.append("page %d: '%s' overlaps '%s'" % (pno, t, u))
    return bad


DOTS = re.compile(r"^(.*?)[ .]*\.\s*\.[ .]*\s(\d+)$")


def check_toc(pdf, title):
    ps = pages(pdf)
    toc_pages = [i for i, (_, _, ls) in enumerate(ps) if any(t == title for t, _ in ls)]
    if not toc_pages:
        return ["no page has the TOC title '%s'" % title]
    tp = toc_pages[0]
    entries = []
    for t, _ in ps[tp][2]:
        m = DOTS.match(t)
        if m:
            entries.append((m.group(1).strip(), int(m.group(2))))
    if not entries:
        return ["the TOC page has no entries with dotted leaders"]
    # headings are the lines set larger than the body text
    heights = sorted(ws[0][4] - ws[0][2] for _, _, ls in ps for _, ws in ls)
    body = heights[len(heights) // 2] if heights else 0
    where = {}
    for i, (_, _, ls) in enumerate(ps):
        if i == tp:
            continue
        for t, ws in ls:
            if ws[0][4] - ws[0][2] > 1.05 * body:
                where.setdefault(t.strip(), i + 1)
    bad, matched = [], 0
    for name, num in entries:
        if name in where:
            matched += 1
            if where[name] != num:
                bad.append("TOC says '%s' is on page %d, it is on page %d" % (name, num, where[name]))
    if matched == 0:
        bad.append("no TOC entry matched a heading line")
    return bad


def check_toclinks(pdf):
    import json
    out = subprocess.run(["qpdf", "--json=2", "--json-key=pages", "--json-key=qpdf", pdf],
                         check=True, capture_output=True).stdout.decode("utf-8")
    j = json.loads(out)
    objs = j["qpdf"][1]
    pno = {pg["object"]: pg["pageposfrom1"] for pg in j["pages"]}

    def val(v):
        return objs["obj:" + v]["value"] if isinstance(v, str) and v.endswith(" R") else v

    bad, seen = [], 0
    for i, (w, h, ls) in enumerate(pages(pdf)):
        entries = [(m.group(1).strip(), int(m.group(2)), ws) for t, ws in ls
                   for m in [DOTS.match(t)] if m]
        if not entries:
            continue
        links = []
        for a in val(val(j["pages"][i]["object"]).get("/Annots", [])) or []:
            a = val(a)
            dest = val(a.get("/Dest"))
            if a.get("/Subtype") == "/Link" and isinstance(dest, list) and dest:
                x0, y0, x1, y1 = (float(v) for v in val(a["/Rect"]))
                links.append((h - y1, h - y0, pno.get(dest[0])))
        for name, num, ws in entries:
            mid = (ws[0][2] + ws[0][4]) / 2
            to = [p for top, bot, p in links if top <= mid <= bot]
            seen += 1
            if not to:
                bad.append("page %d: the TOC line '%s' has no link" % (i + 1, name))
            elif to[0] != num:
                bad.append("page %d: the TOC line '%s' (page %d) links to page %s"
                           % (i + 1, name, num, to[0]))
    if not seen:
        bad.append("no TOC lines with dotted leaders")
    return bad


def check_repeat(pdf, text=None):
    ps = pages(pdf)
    firsts = []
    for w, h, ls in ps:
        body = [t for t, ws in ls if ws[0][2] > 60]  # below the running header
        firsts.append(body[0] if body else "")
    if text:
        cont = [i for i, (_, _, ls) in enumerate(ps) if any(text in t for t, _ in ls)]
        if len(cont) < 2:
            return ["the header '%s' is on fewer than two pages" % text]
        bad = []
        for i in cont[1:]:
            body = [ws[0][2] for t, ws in ps[i][2] if ws[0][2] > 60]
            top = min(body) if body else 0
            if not any(text in t and ws[0][2] <= top + 6 for t, ws in ps[i][2]):
                bad.append("page %d continues the table but does not open with its header"
                           % (i + 1))
        return bad
    for i in range(1, len(firsts)):
        if firsts[i] and firsts[i] == firsts[i - 1]:
            return []
    return ["no page opens with the same (header) line as the page before"]


def check_keep(pdf, y1):
    """Each bookmark's heading has text below it on its page (above y1)."""
    import json
    out = subprocess.run(["qpdf", "--json", "--json-key=outlines", pdf], check=True,
                         capture_output=True).stdout.decode("utf-8")
    items, todo = [], list(json.loads(out)["outlines"])
    while todo:
        o = todo.pop()
        items.append(o)
        todo.extend(o.get("kids", []))
    ps = pages(pdf)
    bad = []
    for o in items:
        dest, pno = o.get("dest"), o.get("destpageposfrom1")
        if not dest or not pno or len(dest) < 3:
            continue
        _, h, ls = ps[pno - 1]
        top = h - float(dest[2]) - 6  # the painter aims 6 pt above the heading
        title = o["title"].split()[0] if o["title"].split() else ""
        # the heading's own lines start near top; something else must follow
        below = [t for t, ws in ls if ws[0][2] > top + 40 and ws[0][4] <= y1 + 0.6]
        if not below:
            bad.append("page %d: the heading '%s' has nothing after it" % (pno, o["title"]))
    return bad


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    mode, pdf = argv[1], argv[2]
    if mode == "area":
        bad = check_area(pdf, *map(float, argv[3:7]))
    elif mode == "toc":
        bad = check_toc(pdf, argv[3] if len(argv) > 3 else "Innhold")
    elif mode == "toclinks":
        bad = check_toclinks(pdf)
    elif mode == "keep":
        bad = check_keep(pdf, float(argv[3]))
    elif mode == "repeat":
        bad = check_repeat(pdf, argv[3] if len(argv) > 3 else None)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for b in bad[:20]:
        print(b, file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
