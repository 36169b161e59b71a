# Report kinds, per-trust reports, batch and shards, judged in the rendered
# files (pdftotext, pdfinfo, unzip).
. "$SR_TOP/tests/lib.sh"
export SOURCE_DATE_EPOCH=1735689600
# shellcheck disable=SC2086
set -- $PLAN $STATUSES
# The plan's measures shown in a PDF: a measure counts as shown when its id
# stands right before the first word of its text, as in every measures table
# (so ids quoted in comments, area numbers and "1.0" in a name do not count).
shown() {
	pdftotext "$1" - | python3 -c '
import re, sys, xml.etree.ElementTree as ET
ns = {"s": "urn:statusrapport:1"}
text = " ".join(sys.stdin.read().split())
for m in ET.parse(sys.argv[1]).getroot().findall(".//s:measure", ns):
    first = " ".join("".join(m.find("s:text", ns).itertext()).split()).split(" ")[0]
    if (m.get("id") + " " + first) in text:
        print(m.get("id"))
' "$PLAN" | sort -u
}

# The built-in templates are read without the schema (it is compiled only
# for a template file): these are their files, so they must pass it.
for f in "$SR_TOP"/templates/*.xml; do
	t=$(basename "$f" .xml)
	expect_exit "built-in $t follows the template schema" 0 "$SR" validate -q -t "$f" "$PLAN"
	if have xmllint; then
		check "built-in $t follows the template schema (xmllint)" \
			xmllint --noout --relaxng "$SR_TOP/schema/template.rng" "$f"
	fi
done

# The status palette's rules (doc/palette.h): the built-in templates keep
# them; a template whose status colours break them is warned at the
# <status> element that set them, once per broken rule, and still passes.
for f in "$SR_TOP"/templates/*.xml; do
	t=$(basename "$f" .xml)
	expect_exit "built-in $t validates" 0 "$SR" validate -t "$f" "$PLAN"
	lacks "built-in $t keeps the status palette's rules" "$ERR" "warning"
done
cat > bad-palette.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<template xmlns="urn:statusrapport:template:1" name="bad-palette" kind="annual">
  <colours>
    <status value="delayed" fill="#D9534F" text="#000000"/>
    <status value="completed" fill="#5CA85C" text="#000000"/>
    <status value="cancelled" fill="#E8EEF4" text="#BBBBBB"/>
  </colours>
  <sections>
    <title-block/>
  </sections>
</template>
XML
expect_exit "a palette that breaks the rules only warns" 0 "$SR" validate -t bad-palette.xml "$PLAN"
contains "red and green alike for the colour-blind, at the later <status>" "$ERR" \
	'bad-palette.xml:5:5: warning: the fills of "delayed" and "completed" are too alike for readers with red-green colour blindness (difference 4.3; at least 8 is needed)'
contains "two fills alike for everyone" "$ERR" \
	'bad-palette.xml:6:5: warning: the fills of "not-started" and "cancelled" are too alike (difference 0.0; at least 12 is needed)'
contains "a text too faint on its fill" "$ERR" \
	'bad-palette.xml:6:5: warning: the text of "cancelled" is too faint on its fill (contrast 1.6:1; at least 4.5:1 is needed)'
n=$(printf '%s\n' "$ERR" | grep -c 'warning:')
if [ "$n" -eq 3 ]; then pass "one warning per broken rule"; else fail "palette warnings" "$n warnings: $ERR"; fi

# A font family that is not installed: the PDF has no fallback (render
# fails), so validate -t says so at the <font> element, in the same lookup.
sed 's|family="Liberation Sans"|family="No Such Family"|' "$SR_TOP/templates/arsrapport.xml" > nofont.xml
expect_exit "validate -t: a font that is not installed fails" 1 "$SR" validate -q -t nofont.xml "$PLAN"
contains "validate -t: the missing font, at <font>, and what to do" "$(printf '%s\n' "$ERR" | head -1)" \
	'nofont.xml:8:3: error: the font family "No Such Family" is not installed, so the PDF cannot be made; install it (or put its .ttf files in a font folder), or name an installed family, like family="Liberation Sans"'
expect_exit "render: the same template fails the PDF" 3 "$SR" render -q -f pdf -t nofont.xml -O nofont "$@"
expect_exit "validate -t: an installed family passes" 0 "$SR" validate -q -t "$SR_TOP/tests/templates/all-values.xml" "$PLAN"

for t in arsrapport styremote; do
	expect_exit "$t renders" 0 "$SR" render -q -t "$t" -O . "$@"
	mkdir -p "$t" && mv ./*.pdf ./*.odt "$t"/ 2>/dev/null
	check "$t pdf written" test -s "$t/hmn-forskning-2023-2026-2024.pdf"
	check "$t odt written" test -s "$t/hmn-forskning-2023-2026-2024.odt"
done
expect_exit "helseforetak renders" 0 "$SR" render -q -t helseforetak --owner hnt -O . "$@"
check "helseforetak pdf" test -s hmn-forskning-2023-2026-2024-hnt.pdf
check "helseforetak odt" test -s hmn-forskning-2023-2026-2024-hnt.odt
expect_exit "helseforetak needs --owner" 2 "$SR" render -t helseforetak -O . "$@"

# The board handout: at most four pages, exactly the delayed, not-started
# and cancelled measures (the lead owner's status, as in the report).
pages=$(pdfinfo styremote/hmn-forskning-2023-2026-2024.pdf | awk '/^Pages:/ {print $2}')
if [ -n "$pages" ] && [ "$pages" -le 4 ]; then pass "board handout is $pages pages"; else fail "board pages" "$pages pages"; fi
python3 - "$SAMPLES/status-2024-hmn.xml" > want-dev.txt <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {'s': 'urn:statusrapport:1'}
for s in ET.parse(sys.argv[1]).getroot().findall('s:status', ns):
    if s.get('value') in ('delayed', 'not-started', 'cancelled'):
        print(s.get('measure'))
PY
sort -u want-dev.txt -o want-dev.txt
shown styremote/hmn-forskning-2023-2026-2024.pdf > got-dev.txt
if cmp -s want-dev.txt got-dev.txt; then pass "board lists exactly the deviations ($(wc -l < want-dev.txt))"
else fail "board deviations" "want $(tr '\n' ' ' < want-dev.txt) got $(tr '\n' ' ' < got-dev.txt)"; fi

# Year over year in the annual report.
txt=$(pdftotext arsrapport/hmn-forskning-2023-2026-2024.pdf - | tr '\n' ' ')
contains "year-over-year change in the PDF, with its symbol" "$txt" "var ► Pågår i 2023"

# Batch: every trust, -j 1 and -j 2 byte-identical; each trust's report holds
# exactly its measures (groups expanded) and its own status words.
mkdir j1 j2
expect_exit "batch -j 1" 0 "$SR" batch -q -f pdf,odt -j 1 -O j1 "$@"
expect_exit "batch -j 2" 0 "$SR" batch -q -f pdf,odt -j 2 -O j2 "$@"
n=$(ls j1 | wc -l)
if [ "$n" -eq 8 ]; then pass "batch wrote 8 files"; else fail "batch files" "$n files: $(ls j1)"; fi
if diff -r j1 j2 >/dev/null; then pass "batch -j 2 equals -j 1 byte for byte"; else fail "batch determinism" "j1 and j2 differ"; fi
# A batch worker deflates each embedded face once and reuses the bytes
# (pdffont.c): the report it writes third must equal the one a process of
# its own writes, and every report must embed the same font programs.
mkdir solo
expect_exit "render one trust alone" 0 "$SR" render -q -f pdf -t helseforetak --owner hmr -O solo "$@"
if cmp -s solo/hmn-forskning-2023-2026-2024-hmr.pdf j1/hmn-forskning-2023-2026-2024-hmr.pdf; then
	pass "a batch report equals the same report rendered alone"
else fail "font cache" "batch and solo hmr.pdf differ"; fi
fontfiles() {
	/usr/bin/python3 -c '
import sys, hashlib, pikepdf
p = pikepdf.open(sys.argv[1])
for o in p.objects:
    if isinstance(o, pikepdf.Stream) and "/Length1" in o:
        data = o.read_bytes()  # decodes /FlateDecode: fails on a bad stream
        assert data[:4] == b"\0\1\0\0", "not a TrueType program"
        print(hashlib.sha256(data).hexdigest())
' "$1" | sort
}
if /usr/bin/python3 -c 'import pikepdf' 2>/dev/null; then
	a=$(fontfiles j1/hmn-forskning-2023-2026-2024-stolav.pdf)
	b=$(fontfiles j1/hmn-forskning-2023-2026-2024-hnt.pdf)
	if [ -n "$a" ] && [ "$a" = "$b" ]; then pass "reports embed the same, decodable font programs"
	else fail "font programs" "stolav: $a / hnt: $b"; fi
else missing "font programs" "needs python3-pikepdf"; fi
for trust in stolav hnt hmr; do
	python3 - "$PLAN" "$trust" > want.txt <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {'s': 'urn:statusrapport:1'}
root = ET.parse(sys.argv[1]).getroot()
me = sys.argv[2]
groups = {o.get('id') for o in root.findall('.//s:owner', ns)
          if o.get('type') == 'group' and me in (o.get('members') or '').split()}
for m in root.findall('.//s:measure', ns):
    refs = {r.get('ref') for r in m.findall('s:responsible', ns)}
    if me in refs or refs & groups:
        print(m.get('id'))
PY
	sort -u want.txt -o want.txt
	shown "j1/hmn-forskning-2023-2026-2024-$trust.pdf" > got.txt
	if cmp -s want.txt got.txt; then pass "$trust report has exactly its $(wc -l < want.txt) measures"
	else fail "$trust measures" "missing: $(comm -23 want.txt got.txt | tr '\n' ' ') extra: $(comm -13 want.txt got.txt | tr '\n' ' ')"; fi
done
stolav=$(pdftotext j1/hmn-forskning-2023-2026-2024-stolav.pdf - | tr '\n' ' ')
contains "stolav's own status comment" "$stolav" "$(python3 - "$SAMPLES/status-2024-stolav.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
s = ET.parse(sys.argv[1]).getroot().find('{urn:statusrapport:1}status')
print(' '.join(''.join(s.itertext()).split()[:4]))
PY
)"

# Shards: together exactly the full set, byte for byte.
mkdir shards
for k in 1 2 3; do expect_exit "shard $k/3" 0 "$SR" batch -q -f pdf,odt -j 1 --shard "$k/3" -O shards "$@"; done
if diff -r j1 shards >/dev/null; then pass "shards 1/3+2/3+3/3 equal the full batch"; else fail "shards" "$(diff -rq j1 shards | head -3)"; fi
expect_exit "bad shard" 2 "$SR" batch --shard 4/3 -O shards "$@"
expect_exit "batch needs -O" 2 "$SR" batch "$@"
expect_exit "unknown --owners" 2 "$SR" batch --owners stolav,nobody -O shards "$@"

# A user's template with another colour and a logo changes the output.
sed -e 's|\(<font [^>]*/>\)|\1<colours><status value="delayed" fill="#FF00FF" text="#000000"/></colours>|' \
	-e 's|<sections>|<logo src="logo-ok.png" width="30mm"/>\n  <sections>|' \
	"$SR_TOP/templates/styremote.xml" > "$SR_TOP/tests/bad/.user-template-$$.xml"
expect_exit "user template renders" 0 "$SR" render -q -t "$SR_TOP/tests/bad/.user-template-$$.xml" -O . "$@"
rm -f "$SR_TOP/tests/bad/.user-template-$$.xml"
if cmp -s hmn-forskning-2023-2026-2024.pdf styremote/hmn-forskning-2023-2026-2024.pdf; then
	fail "user template changes the PDF" "identical to styremote"; else pass "user template changes the PDF"; fi
imgs=$(pdfimages -list hmn-forskning-2023-2026-2024.pdf 2>/dev/null | tail -n +3 | wc -l)
if [ "$imgs" -ge 1 ]; then pass "logo embedded in the PDF"; else fail "logo in PDF" "no image"; fi
python3 - hmn-forskning-2023-2026-2024.odt > odt.txt <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
print('pictures', sum(n.startswith('Pictures/') for n in names))
print('magenta', b'#ff00ff' in z.read('styles.xml').lower() or b'#ff00ff' in z.read('content.xml').lower())
PY
contains "logo embedded in the ODT" "$(cat odt.txt)" "pictures 1"
contains "user colour in the ODT styles" "$(cat odt.txt)" "magenta True"
