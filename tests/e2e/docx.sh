# docx.sh: the DOCX backend judged by real readers -- validate-docx (the
# ECMA-376 Transitional schemas and the package rules) and LibreOffice:
#   sample.docx, edge.docx  the unit tests' documents, written by test_docx;
#   the CLI's DOCX files     render -f docx -O, -o x.docx, batch -f docx with
#                            -j 1, -j 2 and --shard, --owner, -t styremote,
#                            --lang nn and en: every one must validate.
# LibreOffice converts the sample report to PDF (every measure and comment
# there, the page count near our PDF's, the charts drawn) and saves it as
# DOCX again (every measure, comment, chart and heading kept).
# A missing ../shared or LibreOffice is a skip, but under CI=true a failure.
. "$SR_TOP/tests/lib.sh"

VALIDATE="$SHARED/ooxml-schema/validate-docx"
EPOCH=1795420800 # 2026-11-23 08:00 UTC
TEST_DOCX="$(dirname "$SR")/tests/test_docx"
export SOURCE_DATE_EPOCH=$EPOCH

missing() { # NAME WHY
	if [ "${CI:-}" = true ]; then fail "$1" "$2 (required under CI=true)"; else skip "$1" "$2"; fi
}

validate() { # NAME FILE...
	local name=$1
	shift
	if [ ! -x "$VALIDATE" ]; then
		missing "$name" "no $VALIDATE (../shared absent)"
		return
	fi
	local out
	if out=$("$VALIDATE" -q "$@" 2>&1); then pass "$name"; else fail "$name" "$(printf '%s' "$out" | head -5)"; fi
}

# run NAME COMMAND...: the program's run, judged by its exit code
run() {
	local name=$1
	shift
	"$@" >/dev/null 2>err.txt
	local rc=$?
	if [ "$rc" -eq 0 ]; then pass "$name"; else fail "$name" "exit $rc: $(head -3 err.txt)"; fi
	return $rc
}

# --- the unit tests' documents ----------------------------------------------
if [ -x "$TEST_DOCX" ] && DOCX_SAMPLE_OUT="$PWD/sample.docx" DOCX_EDGE_OUT="$PWD/edge.docx" \
	"$TEST_DOCX" >/dev/null 2>&1 && [ -s sample.docx ] && [ -s edge.docx ]; then
	pass "sample: written by test_docx"
	validate "sample: validate-docx" sample.docx
	validate "edge cases: validate-docx" edge.docx
else
	fail "sample: written by test_docx" "$TEST_DOCX did not write sample.docx"
fi

# --- the CLI ----------------------------------------------------------------
ID=hmn-forskning-2023-2026-2024
mkdir -p dir b1 b2 sh
# shellcheck disable=SC2086
{
	run "cli: render -f docx -O DIR" "$SR" render -q -f docx -O dir "$PLAN" $STATUSES
	run "cli: render -o x.docx" "$SR" render -q -o out.docx "$PLAN" $STATUSES
	run "cli: render -o again.docx" "$SR" render -q -o again.docx "$PLAN" $STATUSES
	run "cli: render -f pdf (for comparison)" "$SR" render -q -o out.pdf "$PLAN" $STATUSES
	run "cli: --owner stolav (helseforetak)" "$SR" render -q -o stolav.docx --owner stolav "$PLAN" $STATUSES
	run "cli: -t styremote" "$SR" render -q -o styremote.docx -t styremote "$PLAN" $STATUSES
	run "cli: --lang nn" "$SR" render -q -o nn.docx --lang nn "$PLAN" $STATUSES
	run "cli: --lang en" "$SR" render -q -o en.docx --lang en "$PLAN" $STATUSES
	run "cli: a template with a logo" "$SR" render -q -o logo.docx \
		-t "$SR_TOP/tests/bad/template-ok-logo.xml" "$PLAN" $STATUSES
	run "cli: batch -f docx -j 1" "$SR" batch -q -f docx -j 1 -O b1 "$PLAN" $STATUSES
	run "cli: batch -f docx -j 2" "$SR" batch -q -f docx -j 2 -O b2 "$PLAN" $STATUSES
	run "cli: batch --shard 1/2" "$SR" batch -q -f docx --shard 1/2 -O sh "$PLAN" $STATUSES
	run "cli: batch --shard 2/2" "$SR" batch -q -f docx --shard 2/2 -O sh "$PLAN" $STATUSES
}
check "cli: -O DIR names the file PLAN-YEAR.docx" test -s "dir/$ID.docx"
check "cli: -o and -O write the same bytes" cmp out.docx "dir/$ID.docx"
check "cli: two renders byte-identical" cmp out.docx again.docx
if diff -r b1 b2 >/dev/null && [ "$(ls b1 | wc -l)" -ge 4 ]; then
	pass "batch: -j 1 and -j 2 byte-identical ($(ls b1 | wc -l) reports)"
else
	fail "batch: -j 1 and -j 2 byte-identical" "$(ls b1 b2 | tr '\n' ' ')"
fi
check "batch: two shards make the whole batch" diff -r b1 sh
if [ -z "$(ls -A b1 | grep -v '\.docx$')" ]; then pass "batch: DOCX only"; else
	fail "batch: DOCX only" "$(ls -A b1)"; fi
if unzip -Z1 logo.docx 2>/dev/null | grep -qx 'word/media/logo.png'; then
	pass "cli: the logo is in the package"; else fail "cli: the logo is in the package" "no word/media/logo.png"; fi
all=(out.docx stolav.docx styremote.docx nn.docx en.docx logo.docx b1/*.docx)
validate "cli: validate-docx, every DOCX made (${#all[@]})" "${all[@]}"

# languages in the styles, for Word's spelling and hyphenation
lang_of() { python3 -c '
import sys, zipfile, re
s = zipfile.ZipFile(sys.argv[1]).read("word/styles.xml").decode()
print(re.search(r"<w:docDefaults>.*?<w:lang w:val=\"([^\"]*)\"", s, re.S).group(1))' "$1"; }
check "cli: --lang nb is nb-NO" test "$(lang_of out.docx)" = nb-NO
check "cli: --lang nn is nn-NO" test "$(lang_of nn.docx)" = nn-NO
check "cli: --lang en is en-GB" test "$(lang_of en.docx)" = en-GB

# A status's words wear its fill's character style (restyled once in
# Word for the whole report): every run in a filled cell's paragraphs, in
# the annual report, the board paper and the English one.
cat > charstyles.py <<'EOF'
import sys, zipfile, xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
z = zipfile.ZipFile(sys.argv[1])
styles = ET.fromstring(z.read("word/styles.xml"))
chars = {s.get(W + "styleId") for s in styles.iter(W + "style") if s.get(W + "type") == "character"}
doc = ET.fromstring(z.read("word/document.xml"))
runs, bad = 0, set()
for p in doc.iter(W + "p"):
    ps = p.find(f"{W}pPr/{W}pStyle")
    if ps is None or not ps.get(W + "val", "").startswith("TableLabel"):
        continue
    for r in p.iter(W + "r"):
        if r.find(W + "t") is None:
            continue
        rs = r.find(f"{W}rPr/{W}rStyle")
        name = None if rs is None else rs.get(W + "val")
        if name in chars and name.startswith("Fill"):
            runs += 1
        elif name != "Hyperlink":
            bad.add(str(name))
if bad or not runs:
    print("%d runs in fill styles; others: %s" % (runs, ", ".join(sorted(bad))))
    sys.exit(1)
print("%d runs" % runs)
EOF
for f in out.docx styremote.docx en.docx; do
	if res=$(python3 charstyles.py "$f" 2>&1); then
		pass "$f: the status words wear their fills' character styles ($res)"
	else
		fail "$f: the status words wear their fills' character styles" "$res"
	fi
done

# The measures' texts and the status comments from the input that our own
# PDF (out.pdf) shows, compared with white space and hyphens left out (line
# breaks and hyphenation differ between readers).  FILE: a PDF (pdftotext)
# or a DOCX (its paragraphs).
cat > texts.py <<'EOF'
import re, subprocess, sys, zipfile, xml.etree.ElementTree as ET
NS = "{urn:statusrapport:1}"
def norm(s):
    return re.sub(r"[\s\-\u00ad\u2010\u2011]", "", s)
def pdf_text(f):
    return subprocess.run(["pdftotext", "-raw", f, "-"], capture_output=True, text=True).stdout
plan, statuses, target = sys.argv[1], sys.argv[2:-1], sys.argv[-1]
want = []
for m in ET.parse(plan).iter(NS + "measure"):
    t = m.find(NS + "text")
    want.append(("measure " + m.get("id"), "".join(t.itertext())))
for f in statuses:
    r = ET.parse(f).getroot()
    for s in r.iter(NS + "status"):
        if s.get("measure") and "".join(s.itertext()).strip():
            want.append(("comment %s %s" % (r.get("owner"), s.get("measure")), "".join(s.itertext())))
ours = norm(pdf_text("out.pdf"))
want = [(k, v) for k, v in want if norm(v) in ours]
measures = sum(1 for k, v in want if k.startswith("measure"))
if measures < 10:
    print("our PDF shows only %d measures" % measures)
    sys.exit(1)
if target.endswith(".pdf"):
    have = pdf_text(target)
else:
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = ET.fromstring(zipfile.ZipFile(target).read("word/document.xml"))
    have = "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(W + "p"))
have = norm(have)
lost = [k for k, v in want if norm(v) not in have]
print("%d of the %d measures and comments our PDF shows" % (len(want) - len(lost), len(want)))
if lost:
    print("missing:", ", ".join(lost[:8]))
    sys.exit(1)
EOF
texts() { # NAME FILE
	local out
	# shellcheck disable=SC2086
	if out=$(python3 texts.py "$PLAN" $STATUSES "$2" 2>&1); then pass "$1: $out"; else
		fail "$1" "$out"; fi
}
texts "cli: the DOCX holds every measure and comment" out.docx

# --- LibreOffice --------------------------------------------------------------
if ! have soffice; then
	missing "libreoffice" "soffice not installed"
	exit 0
fi
profile="$PWD/lo-profile"
timeout 300 soffice -env:UserInstallation="file://$profile" --headless \
	--convert-to pdf --outdir "$PWD/lo" out.docx sample.docx stolav.docx en.docx >/dev/null 2>&1
if [ ! -s lo/out.pdf ]; then
	fail "libreoffice: converts the DOCX to PDF" "no lo/out.pdf"
	exit 0
fi
pass "libreoffice: converts the DOCX to PDF"
for f in sample stolav en; do
	check "libreoffice: converts $f.docx" test -s "lo/$f.pdf"
done
texts "libreoffice: PDF holds every measure and comment" lo/out.pdf
pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
ours=$(pages out.pdf) theirs=$(pages lo/out.pdf)
if [ -n "$ours" ] && [ -n "$theirs" ] && [ $((theirs * 100)) -ge $((ours * 85)) ] &&
	[ $((theirs * 100)) -le $((ours * 115)) ]; then
	pass "libreoffice: $theirs pages, ours $ours (within 15 %)"
else
	fail "libreoffice: page count within 15 % of ours" "LibreOffice $theirs, ours $ours"
fi
# Each line chart's legend has the expected path, which only charts draw;
# the stacked bars' legend the status words beside "Avbrutt".
lotext=$(pdftotext lo/out.pdf - 2>/dev/null)
nlines=$(printf '%s\n' "$lotext" | grep -c "Bane mot målet")
nout=$(unzip -Z1 out.docx | grep -c '^word/charts/chart[0-9]*\.xml$')
if [ "$nout" -ge 2 ] && [ "$nlines" -ge $((nout - 1)) ]; then
	pass "libreoffice: the charts are drawn ($nout charts, $nlines line-chart legends)"
else
	fail "libreoffice: the charts are drawn" "$nout chart parts, $nlines legends in the PDF"
fi
contains "libreoffice: contents entries" "$lotext" "Innhold"
contains "libreoffice: a level 2 entry" "$lotext" "Status for tiltakene 2024"

# Round trip: LibreOffice saves the DOCX as DOCX again; its own DOCX is
# compared for content only (LibreOffice 7.4 writes w:lvl out of the
# schema's order in numbering.xml).
timeout 300 soffice -env:UserInstallation="file://$profile" --headless \
	--convert-to 'docx:MS Word 2007 XML' --outdir "$PWD/rt" out.docx >/dev/null 2>&1
if [ ! -s rt/out.docx ]; then
	fail "round trip: LibreOffice saves it as DOCX" "no rt/out.docx"
	exit 0
fi
pass "round trip: LibreOffice saves it as DOCX"
texts "round trip: every measure and comment kept" rt/out.docx
python3 - out.docx rt/out.docx > rt.txt 2>&1 <<'EOF'
import re, sys, zipfile
def stats(path):
    z = zipfile.ZipFile(path)
    d = z.read("word/document.xml").decode()
    charts = len([n for n in z.namelist() if re.fullmatch(r"word/charts/chart\d+\.xml", n)])
    refs = len(re.findall(r"<c:chart\b", d))
    heads = len(re.findall(r'<w:pStyle w:val="Heading[123]"/>', d))
    return charts, refs, heads
a, b = stats(sys.argv[1]), stats(sys.argv[2])
print("ours: %d charts, %d drawn, %d headings; round trip: %d, %d, %d" % (a + b))
sys.exit(0 if a == b else 1)
EOF
if [ $? -eq 0 ]; then pass "round trip: charts and headings kept ($(cat rt.txt))"; else
	fail "round trip: charts and headings kept" "$(cat rt.txt)"; fi

# The contents' page numbers are PAGEREF fields outside any TOC field, so
# LibreOffice computes them when it lays the text out (a TOC field's result
# it would keep as text).  In its PDFs of the annual, a trust's and the
# English report every entry must be numbered with the page its heading is
# on in that PDF (tocpages.py): LibreOffice's own pagination, which is not
# quite ours (the page counts above).
for r in out:Innhold stolav:Innhold en:Contents; do
	f=${r%%:*} title=${r#*:}
	n=$(unzip -p "$f.docx" word/document.xml | grep -o ' PAGEREF ' | wc -l)
	if out=$(python3 "$SR_TOP/tests/e2e/tocpages.py" "lo/$f.pdf" "$title" "$n" 2>&1); then
		pass "toc $f: $out"
	else
		fail "toc $f: every entry numbered with its heading's page" "$out"
	fi
done
