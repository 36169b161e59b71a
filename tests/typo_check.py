#!/usr/bin/env python3
"""typo_check.py: judge a PDF's typography through pdfminer's eyes.

  typo_check.py hyphens PDF TREE [--page-ends]
                                   TREE is the report's `render --dump-tree`;
                                   --page-ends: a page may end in a hyphen
                                   (LibreOffice before 24.2 has no such rule)
  typo_check.py measure PDF MAX    the body's full lines hold at most MAX
                                   characters (the median of them)
  typo_check.py hang PDF           each contents entry's second line starts
                                   under its text, not under its number

poppler's pdftotext joins a word hyphenated at a line's end, so the check
reads the PDF with pdfminer, which keeps each line as set.  A line ends in a
hyphenation when it ends in "-" after a letter and the word it makes with
the next line's first word is not in the tree's text with that hyphen (as
"Nord-Trøndelag" is).  `hyphens` fails when
  - such a line belongs to a label: a heading (set bold or large), its
    entry on a contents page (one with dot leaders), a table header cell or
    a cell with a fill (a status); the tree names their texts;
  - a piece of a hyphenated word has fewer than three letters;
  - a page's last line ends in a hyphenation (a word cut over the page).
Prints a summary on stdout and one reason a line on stderr; exit 0 when
the check holds, 1 otherwise, 2 when the inputs cannot be read."""
import re
import sys

try:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine
except ImportError:
    print("typo_check: pdfminer is not installed", file=sys.stderr)
    sys.exit(2)

INVISIBLE = "\u2060\u00ad\u200b"
SPACES = "\u00a0\u202f"


def norm(s):
    for ch in INVISIBLE:
        s = s.replace(ch, "")
    for ch in SPACES:
        s = s.replace(ch, " ")
    return re.sub(r"\s+", " ", s).strip()


def tree_texts(path):
    """(all text, [heading texts], [cell label texts], [plain cell texts])
    from a --dump-tree file; a cell label is a header cell's or a filled
    cell's text, a plain cell any other cell's."""
    heads, cells, plain, allt = [], [], [], []
    into = {"h": heads, "c": cells, "p": plain}
    cur, cur_ind, cur_kind = None, -1, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            ind = len(line) - len(line.lstrip(" "))
            body = line.strip()
            if cur is not None and ind <= cur_ind:
                into[cur_kind].append(norm("".join(cur)))
                cur = None
            m = re.match(r'text "(.*)"$', body)
            if m:
                t = m.group(1).replace('\\"', '"').replace("\\\\", "\\")
                allt.append(t)
                if cur is not None:
                    cur.append(t)
                continue
            kind = "h" if body.startswith("heading ") else \
                "c" if body.startswith("cell fill=") else \
                "p" if body == "cell" or body.startswith("cell ") else None
            if cur is None and kind:
                cur, cur_ind, cur_kind = [], ind, kind
    if cur is not None:
        into[cur_kind].append(norm("".join(cur)))
    return (norm(" ".join(allt)), [l for l in heads if l], [l for l in cells if l],
            [l for l in plain if l])


def pdf_lines(pdf):
    """[(page, x0, top, bottom, text, size, bold, x1, text_off)] of every
    text line (text_off: where its text starts after a leading number), and
    the set of pages with a table of contents (dot leaders)."""
    res, toc = [], set()
    params = LAParams(char_margin=1.0, line_margin=0.3, word_margin=0.15)
    for pno, page in enumerate(extract_pages(pdf, laparams=params), 1):
        def walk(o):
            if isinstance(o, LTTextLine):
                t = o.get_text().rstrip("\n")
                ch = [c for c in o if isinstance(c, LTChar) and c.get_text().strip()]
                if t.strip() and ch:
                    if ". . . . ." in t:
                        toc.add(pno)
                    # where the text after a leading number starts
                    m = re.match(r"\s*\d+(\.\d+)* ", t)
                    k = len(m.group(0)) if m else 0
                    off, pos = 0, 0
                    for c in o:  # characters and pdfminer's inferred spaces
                        if m and pos >= k and isinstance(c, LTChar):
                            off = c.x0 - o.x0
                            break
                        pos += len(c.get_text())
                    res.append((pno, o.x0, page.height - o.y1, page.height - o.y0, t,
                                ch[0].size, "Bold" in ch[0].fontname, o.x1, off))
                return
            if isinstance(o, LTTextContainer) or hasattr(o, "__iter__"):
                for ch in o:
                    walk(ch)
        walk(page)
    return res, toc


def following(lines, i):
    """The line that continues line i: below it on the same page, starting
    near its left edge (a cell, a TOC entry's hanging indent, a paragraph)."""
    pno, x0, top, bot = lines[i][:4]
    best, bd = None, None
    for j, (p2, x2, t2) in enumerate(l[:3] for l in lines):
        if p2 != pno or j == i or t2 < bot - 2 or t2 > bot + (bot - top) * 1.2:
            continue
        if abs(x2 - x0) > 40:
            continue
        d = (t2 - bot) * 4 + abs(x2 - x0)
        if bd is None or d < bd:
            best, bd = j, d
    return best


LETTER = r"[^\W\d_]"


def hyphens(pdf, tree, page_ends=False):
    alltext, heads, cells, plain = tree_texts(tree)
    lines, toc = pdf_lines(pdf)
    sizes = sorted(l[5] for l in lines)
    body = sizes[len(sizes) // 2] if sizes else 0
    bad, hyphens, in_labels, short, ends = [], 0, 0, 0, 0
    for i, (pno, _x, _t, _b, text, size, bold, _x1, _off) in enumerate(lines):
        t = norm(text)
        m = re.search(r"(" + LETTER + r"+)-$", t)
        if not m:
            continue
        j = following(lines, i)
        if j is None:
            # the word goes on over the page (pages end in no hyphen)
            nxt = next((norm(l[4]) for l in lines if l[0] == pno + 1 and l[2] > 60 and
                        re.match(LETTER, norm(l[4])) and norm(l[4])[0].islower()), "")
            if nxt and (m.group(1) + "-" + nxt.split()[0]).lower() not in alltext.lower():
                ends += 1
                if not page_ends:
                    bad.append("page %d ends in a hyphen: '%s'" % (pno, t))
            continue
        nxt = norm(lines[j][4])
        m2 = re.match(r"(" + LETTER + r"+)", nxt)
        if not m2:
            continue
        left, right = m.group(1), m2.group(1)
        if (left + "-" + right).lower() in alltext.lower():
            continue  # a hyphen of the text itself
        hyphens += 1
        # the line's own words and the next line's first word, joined as
        # the text has them: a label holds them all
        joined = re.sub(r"^\d+(\.\d+)*\s+", "", t[:-1] + right)
        # a heading's words in running text or a plain cell are no label:
        # a heading is set bold or large, its entry on a contents page
        head = (bold or size > body * 1.05 or pno in toc) and any(joined in l for l in heads)
        # the same words in a plain cell (a focus area's name is a label
        # in the status matrix and running text in the counts table) are
        # not taken for the label
        label = any(joined in l for l in cells) and not any(joined in l for l in plain)
        if len(joined) >= 3 and (head or label):
            in_labels += 1
            bad.append("page %d: label hyphenated: '%s' / '%s'" % (pno, t, nxt))
        # LibreOffice counts a web address's ".no" into the piece
        # ("helsenor-" / "ge.no"); our PDF never breaks an address
        web = re.match(LETTER + r"+\.[a-z]{2,}", nxt)
        if (len(left) < 3 or len(right) < 3) and not web:
            short += 1
            bad.append("page %d: short piece: '%s-' / '%s'" % (pno, left, right))
    print("%s: %d hyphenated lines, %d in labels, %d with a piece under 3 letters, "
          "%d at a page's end" % (pdf, hyphens, in_labels, short, ends))
    return bad


def measure(pdf, most):
    """The median length of the body's full lines: lines in the body's
    size and face at least 93 % as wide as the widest such line."""
    lines, _ = pdf_lines(pdf)
    sizes = {}
    for l in lines:
        if not l[6]:
            sizes[round(l[5], 1)] = sizes.get(round(l[5], 1), 0) + len(l[4])
    # the body: the size with the most characters among sizes of at least
    # 10 pt (below that are the tables)
    cands = {k: v for k, v in sizes.items() if k >= 9.95}
    body = max(cands or sizes, key=lambda k: (cands or sizes)[k])
    own = [l for l in lines if round(l[5], 1) == body and not l[6]]
    widths = [l[7] - l[1] for l in own]
    full = sorted(len(norm(l[4])) for l, w in zip(own, widths) if w >= 0.93 * max(widths))
    med = full[len(full) // 2] if full else 0
    print("%s: %d full body lines at %.1f pt, median %d characters, longest %d"
          % (pdf, len(full), body, med, full[-1] if full else 0))
    return [] if full and med <= most else ["the body's lines hold %d characters, more than %d"
                                           % (med, most)]


def hang(pdf):
    """On contents pages: an entry line that starts with a number, and the
    line right below it that does not (its second line)."""
    lines, toc = pdf_lines(pdf)
    bad, seen = [], 0
    for i, l in enumerate(lines):
        if l[0] not in toc or not re.match(r"^\d+(\.\d+)* \S", norm(l[4])):
            continue
        # one line, its leader and number on it (pdfminer may make the
        # leader a line of its own at the same height): the next is an entry
        if any(m[0] == l[0] and abs(m[2] - l[2]) < 2 and ". . ." in m[4] for m in lines):
            continue
        for n in lines:
            if (n[0] == l[0] and 0 <= n[2] - l[3] < (l[3] - l[2]) * 0.8 and
                    abs(n[1] - l[1]) < 40 and not re.match(r"^\d", norm(n[4]))):
                seen += 1
                want = l[1] + l[8]
                if abs(n[1] - want) > 1.5:
                    bad.append("page %d: '%s' continues at %.1f, its text starts at %.1f"
                               % (l[0], norm(n[4])[:30], n[1], want))
                break
    print("%s: %d contents entries of two lines or more" % (pdf, seen))
    return bad


def main():
    a = sys.argv[1:]
    if len(a) in (3, 4) and a[0] == "hyphens" and a[3:] in ([], ["--page-ends"]):
        bad = hyphens(a[1], a[2], a[3:] == ["--page-ends"])
    elif len(a) == 3 and a[0] == "measure":
        bad = measure(a[1], int(a[2]))
    elif len(a) == 2 and a[0] == "hang":
        bad = hang(a[1])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for b in bad:
        print("  " + b, file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
