#!/usr/bin/env python3
"""fill-form.py IN.ods OUT.ods [--cell SHEET!A1=TEXT]... [MEASURE STATUS PROGRESS COMMENT]...

Fills a status form the way a person would in a spreadsheet: for each
measure id, the status word, progress (a number cell, or empty: "") and
comment on the measure's row of the sheet Status; --value IND NUMBER fills
an indicator's value on the sheet Indikatorer, --category IND NAME NUMBER
its value in the column headed by the category's name; --cell writes any text cell
(for broken forms); --delete-column N removes a column of the Status sheet.
Only the standard library; the package is rewritten with mimetype first."""
import re, sys, zipfile

NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
}
import xml.etree.ElementTree as ET
T = lambda tag: "{%s}%s" % (NS["table"], tag)
X = lambda tag: "{%s}%s" % (NS["text"], tag)
O = lambda tag: "{%s}%s" % (NS["office"], tag)


def cells(row):
    return [c for c in row if c.tag in (T("table-cell"), T("covered-table-cell"))]


def rows(table):
    out = []
    for el in table.iter():
        if el.tag == T("table-row"):
            out.append(el)
    return out


def text(cell):
    return "\n".join("".join(p.itertext()) for p in cell.findall(X("p")))


def set_text(cell, value):
    for p in cell.findall(X("p")):
        cell.remove(p)
    for a in (O("value-type"), O("value")):
        cell.attrib.pop(a, None)
    if value == "":
        return
    cell.set(O("value-type"), "string")
    for line in value.split("\n"):
        ET.SubElement(cell, X("p")).text = line


def set_number(cell, value):
    set_text(cell, "")
    if value == "":
        return
    cell.set(O("value-type"), "float")
    cell.set(O("value"), value)
    ET.SubElement(cell, X("p")).text = value


def a1(ref):
    m = re.fullmatch(r"([A-Z]+)([0-9]+)", ref)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return col - 1, int(m.group(2)) - 1


def main():
    src, dst, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    z = zipfile.ZipFile(src)
    # Keep the file's own prefixes (office:, table: ...) when rewriting.
    for _, (prefix, uri) in ET.iterparse(__import__("io").BytesIO(z.read("content.xml")),
                                         events=["start-ns"]):
        ET.register_namespace(prefix, uri)
    root = ET.fromstring(z.read("content.xml"))
    tables = {t.get(T("name")): t for t in root.iter(T("table"))}
    status = tables["Status"]
    i = 0
    while i < len(args):
        if args[i] == "--cell":
            ref, value = args[i + 1].split("=", 1)
            sheet, ref = ref.split("!")
            col, row = a1(ref)
            set_text(cells(rows(tables[sheet])[row])[col], value)
            i += 2
        elif args[i] == "--value":
            for r in rows(tables["Indikatorer"]):
                c = cells(r)
                if text(c[0]) == args[i + 1]:
                    set_number(c[4], args[i + 2])
            i += 3
        elif args[i] == "--category":
            ind = rows(tables["Indikatorer"])
            col = [text(c) for c in cells(ind[0])].index(args[i + 2])
            for r in ind:
                c = cells(r)
                if text(c[0]) == args[i + 1]:
                    set_number(c[col], args[i + 3])
            i += 4
        elif args[i] == "--delete-column":
            n = int(args[i + 1])
            for r in rows(status):
                c = cells(r)
                if len(c) > n:
                    r.remove(c[n])
            cols = [c for c in status if c.tag == T("table-column")]
            status.remove(cols[n])
            i += 2
        else:
            mid, word, progress, comment = args[i:i + 4]
            found = False
            for r in rows(status):
                c = cells(r)
                if c and text(c[0]) == mid:
                    set_text(c[5], word)
                    if progress and not progress.lstrip("-").isdigit():
                        set_text(c[6], progress)
                    else:
                        set_number(c[6], progress)
                    set_text(c[7], comment)
                    found = True
            if not found:
                sys.exit("no row for measure %s" % mid)
            i += 4
    data = ET.tostring(root, encoding="unicode")
    # ElementTree drops namespace declarations no element uses, such as
    # xmlns:of, which only appears inside attribute values (conditions):
    # keep the original root start tag, which declares them all.
    orig = z.read("content.xml").decode()
    start = re.search(r"<office:document-content[^>]*>", orig).group(0)
    data = re.sub(r"^<office:document-content[^>]*>", lambda m: start, data)
    data = ('<?xml version="1.0" encoding="UTF-8"?>\n' + data).encode()
    with zipfile.ZipFile(dst, "w") as out:
        out.writestr(zipfile.ZipInfo("mimetype"), z.read("mimetype"), compress_type=zipfile.ZIP_STORED)
        for info in z.infolist():
            if info.filename == "mimetype":
                continue
            body = data if info.filename == "content.xml" else z.read(info.filename)
            out.writestr(info.filename, body, compress_type=zipfile.ZIP_DEFLATED)


main()
