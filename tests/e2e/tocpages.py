# tocpages.py PDF TITLE [N]: is every contents entry in PDF (N of them)
# numbered with the page its heading is on?  Used by odt.sh and docx.sh on LibreOffice's PDFs
# of our ODT and DOCX, whose contents carry page references the reader
# computes.
#
# The contents are read with pdftotext -layout from the page that has
# TITLE on a line of its own: an entry is a line ending in a leader and a
# number, the lines before it without one its first lines.  A heading's
# page is the first page after the contents, and not before the previous
# entry's heading, whose text holds the entry's words (white space, hyphens
# and soft hyphens ignored, so a heading that wraps still matches) in lines
# set larger than most of that page's lines: the same words in a table
# (the status matrix's focus-area rows) are not the heading.  Lines
# on most pages (the running header) are no part of an entry.  Prints one line; exit 0 when every entry has a
# number and it is its heading's page, 1 otherwise.
import re
import subprocess
import sys


def pages(path, layout):
    a = ["pdftotext"] + (["-layout"] if layout else []) + [path, "-"]
    out = subprocess.run(a, capture_output=True, text=True, check=True).stdout
    return out.split("\f")


def heading_text(path):
    """Per page, the text of its lines set larger than the page's usual
    line (the median height of its lines, +5 %), joined."""
    out = subprocess.run(["pdftotext", "-bbox-layout", path, "-"], capture_output=True,
                         text=True, check=True).stdout
    result = []
    for page in re.findall(r"<page .*?</page>", out, re.S):
        lines = []
        for line in re.findall(r"<line .*?</line>", page, re.S):
            words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', line)
            if words:
                lines.append((max(float(b) - float(a) for a, b, _ in words),
                              " ".join(w for _, _, w in words)))
        hs = sorted(h for h, _ in lines)
        median = hs[len(hs) // 2] if hs else 0
        result.append(norm(" ".join(t for h, t in lines if h >= 1.05 * median)))
    return result


def norm(s):
    return re.sub(r"[\s\-\u00ad\u2010]", "", s)


def contents(layout_pages, title):
    """[(entry, number or None)] and the index of the contents' last page."""
    start = next((i for i, p in enumerate(layout_pages)
                  if any(l.strip() == title for l in p.splitlines())), None)
    if start is None:
        return [], -1
    # the running header and footer: lines on most pages
    seen = {}
    for p in layout_pages:
        for l in set(l.strip() for l in p.splitlines()):
            seen[l] = seen.get(l, 0) + 1
    furniture = {l for l, n in seen.items() if l and n > len(layout_pages) // 2}
    entries, held, last = [], "", start
    for i in range(start, len(layout_pages)):
        lines = layout_pages[i].splitlines()
        if i == start:
            lines = lines[[l.strip() for l in lines].index(title) + 1:]
        found = False
        for line in lines:
            line = line.strip()
            if line in furniture:
                continue
            m = re.match(r"^(.*?)\s*(?:[.\u2026]\s?){3,}\s*(\d*)$", line)
            if m:
                entries.append(((held + " " + m.group(1)).strip(),
                                int(m.group(2)) if m.group(2) else None))
                held, found = "", True
            elif line:
                held = (held + " " + line).strip()
        if not found and i > start:
            break
        if found:
            last = i
        held = ""
    return entries, last


def main():
    pdf, title = sys.argv[1], sys.argv[2]
    want = int(sys.argv[3]) if len(sys.argv) > 3 else None
    entries, last = contents(pages(pdf, True), title)
    plain = heading_text(pdf)
    if not entries:
        print("no contents entries under %r" % title)
        return 1
    if want is not None and len(entries) != want:
        print("%d contents entries with a leader, the file has %d" % (len(entries), want))
        return 1
    # Headings follow one another: each is searched from the page of the
    # one before, so a heading's words in a table or list further up (the
    # focus areas in the summary) are not taken for it.
    bad, frm = [], last + 1
    for text, num in entries:
        where = next((i + 1 for i in range(frm, len(plain)) if norm(text) in plain[i]), None)
        if where:
            frm = where - 1
        if num is None or num != where:
            bad.append("%s: number %s, heading on page %s" % (text[:40], num, where))
    if bad:
        print("%d of %d entries wrong; %s" % (len(bad), len(entries), "; ".join(bad[:3])))
        return 1
    print("%d entries, each numbered with its heading's page" % len(entries))
    return 0


if __name__ == "__main__":
    sys.exit(main())
