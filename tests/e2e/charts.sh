# charts.sh: one chart per indicator, as small multiples on one axis per
# indicator in every report, and the status bars in the summary, judged in
# the drawn PDF (pdftotext), the HTML's SVG, the ODT's and the DOCX's chart
# XML, and the ODT as LibreOffice renders it.
. "$SR_TOP/tests/lib.sh"
export SOURCE_DATE_EPOCH=1735689600
# shellcheck disable=SC2086
set -- $PLAN $STATUSES
VALIDATE="$SHARED/odf-schema/validate-odt"
need "charts: tools" unzip pdftotext python3 || exit 0

expect_exit "renders with charts" 0 "$SR" render -q -f pdf,odt -O . "$@"
pdf=hmn-forskning-2023-2026-2024.pdf odt=hmn-forskning-2023-2026-2024.odt
nind=$(python3 -c '
import sys, xml.etree.ElementTree as ET
ns = {"s": "urn:statusrapport:1"}
print(len(ET.parse(sys.argv[1]).getroot().findall("s:goals/s:indicator", ns)))' "$PLAN")

# The indicators' facts from the plan: name, first and last year drawn.
py "charts: the plan's indicators" - "$PLAN" "$@" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"s": "urn:statusrapport:1"}
root = ET.parse(sys.argv[1]).getroot()
vals = {}
for f in sys.argv[2:]:
    r = ET.parse(f).getroot()
    for v in r.findall("s:value", ns):
        vals.setdefault(v.get("indicator"), []).append(int(r.get("year")))
for ind in root.findall("s:goals/s:indicator", ns):
    ys = [int(e.get("year")) for e in ind.findall("s:baseline", ns) + ind.findall("s:target", ns)
          + ind.findall("s:value", ns)] + vals.get(ind.get("id"), [])
    name = " ".join("".join(ind.find("s:name", ns).itertext()).split())
    print("%d\t%d\t%s" % (min(ys), max(ys), name))
PY
printf '%s\n' "$OUT" > ind.txt
[ "${nind:-0}" -gt 0 ] || fail "charts: the plan has indicators" "nind=${nind:-}"

mkdir -p board
# A board-kind report has compact charts and no twin tables, so a row of
# years there can only be a chart's axis.  The built-in board paper shows
# the goals as one table, without charts; this one asks for them.
sed 's|<goals/>|<indicators/>|' "$SR_TOP/templates/styremote.xml" > board-charts.xml
expect_exit "board handout renders with charts" 0 "$SR" render -q -t ./board-charts.xml -f pdf -O board "$@"
txt=$(pdftotext "$pdf" - | tr '\n' ' ' | sed 's/\xc2\xa0/ /g; s/ %/%/g; s/\xe2\x80\x93/-/g' | tr -s ' ')
board=$(pdftotext -layout "board/$pdf" - | tr -s ' ')
while IFS=$'\t' read -r y0 y1 name; do
	# the chart's title is drawn unhyphenated (wrapped at a space), and
	# its year axis runs from the baseline to the target
	contains "pdf chart title: ${name:0:40}" "$txt" "$(printf '%s' "$name" | sed 's/ %/%/g')"
	years=$(seq -s ' ' "$y0" "$y1")
	contains "board pdf chart years $years" "$board" "$years"
done < ind.txt
n=$(pdftotext "$pdf" - | grep -c "Bane mot målet")
if [ "$n" -eq "$nind" ]; then pass "pdf: one chart legend per indicator ($n)"
else fail "pdf: one chart per indicator" "$n legends for $nind indicators"; fi
n=$(pdftotext "$pdf" - | grep -c "^Vurdering: ")
if [ "$n" -eq "$nind" ]; then pass "pdf: on-track verdict in words per chart"
else fail "pdf: on-track verdict per chart" "$n for $nind indicators"; fi
# the summary's stacked bars: titled with their finding, not the table's
# heading, on the page where that finding stands, a bar's total beside it
sp=$(for p in 1 2 3 4 5 6 7 8; do
	pdftotext -f $p -l $p "$pdf" - 2>/dev/null | sed 's/\xc2\xa0/ /g' | grep -q "^41 av 60 tiltak pågår eller er løpende" && echo $p
done | head -1)
if [ -n "$sp" ]; then pass "pdf: the summary's stacked bars state their finding (page $sp)"
else fail "pdf: summary bars" "no page with '41 av 60 tiltak pågår eller er løpende'"; fi
sp=${sp:-1}
contains "pdf: a focus area's total beside its bar" "$(pdftotext -f "$sp" -l "$sp" -layout "$pdf" -)" "29"
# every area's name whole: above its bar, not cut with "…"
t=$(pdftotext -f "$sp" -l "$sp" "$pdf" - | sed 's/\xc2\xa0/ /g' | tr '\n' ' ' | tr -s ' ')
contains "pdf: a long area's name whole" "$t" "universitetet og høgskoler, kommune og næringsliv"
lacks "pdf: no area's name cut" "$t" "…"
# small multiples: the indicators' charts (one verdict each) on as few
# pages as two abreast need, not one page and a half each
np=$(for p in $(seq 1 "$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')"); do
	pdftotext -f $p -l $p "$pdf" - 2>/dev/null | grep -q "^Vurdering: " && echo $p
done | wc -l)
if [ "$np" -ge 1 ] && [ "$np" -le $(((nind + 3) / 4)) ]; then pass "pdf: $nind indicator charts on $np pages"
else fail "pdf: indicator charts' pages" "$np pages for $nind charts"; fi
# a chart's title states its finding: the latest value against the target
contains "pdf: a chart's finding" "$txt" "3,5% i 2024 - ikke i rute mot målet 5,0% i 2025"
# charts are vectors: no image beyond the logo (the sample has none)
if need "pdf: vectors" pdfimages; then
	ni=$(pdfimages -list "$pdf" | tail -n +3 | wc -l)
	if [ "$ni" -eq 0 ]; then pass "pdf: charts drawn as vectors (no images)"
	else fail "pdf: vectors" "$ni images"; fi
fi
check "pdf: chart text inside the text area, no overlaps" \
	python3 "$SR_TOP/tests/pdf_check.py" area "$pdf" 62.36 70.87 532.916 770.02

# The ODT: one embedded chart object per indicator plus the status bars.
objs=$(unzip -Z1 "$odt" | grep -c '^Object [0-9]*/content.xml$')
want=$((nind + 1))
if [ "$objs" -eq "$want" ]; then pass "odt: $objs chart objects"; else fail "odt objects" "$objs, want $want"; fi
man=$(unzip -p "$odt" META-INF/manifest.xml)
contains "odt: manifest lists the chart object" "$man" 'manifest:full-path="Object 1/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.chart"'
content=$(unzip -p "$odt" content.xml)
contains "odt: frame references the object" "$content" 'xlink:href="./Object 1"'
contains "odt: alt text" "$content" '<svg:desc>'
chart1=$(unzip -p "$odt" "Object 2/content.xml")
contains "odt: a native chart" "$chart1" '<chart:chart '
contains "odt: local data table" "$chart1" 'table:name="local-table"'
if need_file "odt: validate-odt" "$VALIDATE"; then
	check "odt: validate-odt (objects included)" "$VALIDATE" -q "$odt"
fi

# Off by template: <indicators charts="no"/> and <counts chart="no"/>.
sed -e 's|<indicators/>|<indicators charts="no"/>|' -e 's|<counts/>|<counts chart="no"/>|' \
	"$SR_TOP/templates/arsrapport.xml" > nocharts.xml
mkdir -p off board
expect_exit "template without charts renders" 0 "$SR" render -q -t ./nocharts.xml -f pdf,odt -O off "$@"

# LibreOffice draws both ODTs, with and without charts, in one run: what a
# chart shows must appear more often in the first, so these checks cannot
# pass on a report whose charts are gone (the words also occur in tables).
if need "odt rendered by LibreOffice" soffice; then
	cp "off/$odt" nocharts.odt
	profile="$PWD/lo-profile"
	timeout 180 soffice -env:UserInstallation="file://$profile" --headless \
		--convert-to pdf --outdir "$PWD/lo" "$odt" nocharts.odt >/dev/null 2>&1
	if [ -s "lo/${odt%.odt}.pdf" ] && [ -s lo/nocharts.pdf ]; then
		pass "odt: LibreOffice converts it"
		pdftotext "lo/${odt%.odt}.pdf" lo/on.txt
		pdftotext lo/nocharts.pdf lo/off.txt
		for w in "Bane mot målet:a chart's legend" "Regionalt:a series name" "studier:the unit" \
			"2025:the target year on an axis" "Pågår:a status in the bars' legend"; do
			on=$(grep -o "${w%%:*}" lo/on.txt | wc -l) off=$(grep -o "${w%%:*}" lo/off.txt | wc -l)
			if [ "$on" -gt "$off" ]; then pass "odt rendered: ${w#*:} (${w%%:*}: $on, $off without charts)"
			else fail "odt rendered: ${w#*:}" "'${w%%:*}' $on times, $off without charts"; fi
		done
	else
		fail "odt: LibreOffice converts it" "no PDF from soffice"
	fi
fi
n=$(unzip -Z1 "off/$odt" 2>/dev/null | grep -c '^Object ')
if [ "$n" -eq 0 ]; then pass "charts=no: no chart objects"; else fail "charts=no" "$n object parts"; fi
n=$(pdftotext "off/$pdf" - | grep -c "Bane mot målet")
if [ "$n" -eq 0 ]; then pass "charts=no: no charts in the PDF"; else fail "charts=no pdf" "$n"; fi
sed -e 's|<indicators/>|<indicators charts="maybe"/>|' "$SR_TOP/templates/arsrapport.xml" > bad.xml
expect_exit "charts=maybe is refused" 1 "$SR" validate -t ./bad.xml "$PLAN"

# English words and a decimal point in the charts.
mkdir -p en
expect_exit "renders in English" 0 "$SR" render -q --lang en -f pdf -O en "$@"
t=$(pdftotext "en/$pdf" -)
contains "en: chart legend in English" "$t" "Path to target"
contains "en: verdict in English" "$t" "Assessment: "
# A trust's report: its own series beside the regional one.
# The names appear in the tables too, so they are counted against the same
# report with its charts off.
mkdir -p hf hfoff
expect_exit "helseforetak renders" 0 "$SR" render -q --owner stolav -f pdf -O hf "$@"
sed -e 's|<indicators/>|<indicators charts="no"/>|' -e 's|<counts/>|<counts chart="no"/>|' \
	"$SR_TOP/templates/helseforetak.xml" > hfnocharts.xml
expect_exit "helseforetak without charts renders" 0 "$SR" render -q -t ./hfnocharts.xml --owner stolav -f pdf -O hfoff "$@"
f=hmn-forskning-2023-2026-2024-stolav.pdf
# The running head names the trust on every page, and the pages differ:
# its lines are left out.  Every chart has the regional series; the trust's
# own only where it has values (two of the sample's indicators).
for w in "St. Olavs hospital HF:own series:1" "Regionalt:regional series:$nind"; do
	name=${w%%:*} rest=${w#*:}
	on=$(pdftotext "hf/$f" - | grep -v 'Statusrapport 2024 –' | grep -o "$name" | wc -l)
	off=$(pdftotext "hfoff/$f" - | grep -v 'Statusrapport 2024 –' | grep -o "$name" | wc -l)
	if [ "$on" -ge $((off + ${rest#*:})) ]; then pass "hf: ${rest%%:*} in the charts ($on, $off without charts)"
	else fail "hf: ${rest%%:*}" "'$name' $on times, $off without charts, $nind charts"; fi
done

# The values tables print every number of an indicator with the same places:
# the plan's 2.0 beside 2.4 is "2,0", not "2" (and 38 beside 39,5 is "38,0").
# (A row's label may wrap: its numbers stand on its first line.)
t=$(pdftotext -layout "$pdf" - | sed 's/\xc2\xa0/ /g' | tr -s ' ')
if printf '%s\n' "$t" | grep -Eq "Helse Nord-(Trønde[^ ]*)? 2,0 2,4"; then pass "values table: 2,0 beside 2,4"
else fail "values table: 2,0 beside 2,4" "no 'Helse Nord-Trøndelag HF 2,0 2,4' row"; fi
if printf '%s\n' "$t" | grep -Eq "Utgangspunkt( og mål)? 38,0 43,0"; then pass "values table: 38,0 beside 39,5"
else fail "values table: 38,0 beside 39,5" "no 'Utgangspunkt og mål 38,0 43,0' row"; fi
# and the goals' table above writes them so too: 41,0 beside 38,0, not 41
if printf '%s\n' "$t" | grep -Eq "38,0 % (\(2022\) )?41,0 % (\(2024\) )?43,0 %"; then
	pass "goals table: 41,0 beside 38,0"
else fail "goals table: 41,0 beside 38,0" "no '38,0 % (2022) 41,0 % (2024) 43,0 % (2026)' row"; fi

# One axis per indicator in every report of the plan: the regional ODT's
# and the trust's charts of the same goal (their subtitle) have the same
# minimum, maximum and step.
mkdir -p hfodt
expect_exit "helseforetak odt renders" 0 "$SR" render -q --owner stolav -f odt -O hfodt "$@"
axes() {
	python3 - "$1" <<'PY'
import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
for n in sorted(z.namelist()):
    if not re.match(r"Object \d+/content.xml$", n):
        continue
    x = z.read(n).decode()
    sub = re.search(r"<chart:subtitle[^>]*><text:p>(.*?)</text:p>", x)
    ax = re.search(r'style:name="axis-y".*?chart:minimum="([^"]*)" chart:maximum="([^"]*)" chart:interval-major="([^"]*)"', x, re.S)
    if sub and ax:
        print("%s\t%s %s %s" % (sub.group(1), ax.group(1), ax.group(2), ax.group(3)))
PY
}
axes "$odt" | sort > axes-region.txt
axes hfodt/hmn-forskning-2023-2026-2024-stolav.odt | sort > axes-hf.txt
n=$(wc -l < axes-region.txt)
if [ "$n" -eq "$nind" ] && cmp -s axes-region.txt axes-hf.txt; then
	pass "odt: each indicator's axis the same in the regional and the trust's report ($n)"
else fail "odt: the same axis in every report" "$(diff axes-region.txt axes-hf.txt | head -5) ($n of $nind)"; fi
# an axis not from 0 is marked broken where the format can draw it (the
# SVG, as the PDF): one mark per chart whose ODT axis starts above 0
nb=$(awk -F'\t' '{split($2, a, " "); if (a[1] > 0) n++} END {print n + 0}' axes-region.txt)
expect_exit "html renders" 0 "$SR" render -q -f html,docx -O . "$@"
html=hmn-forskning-2023-2026-2024.html docx=hmn-forskning-2023-2026-2024.docx
marks=$(python3 - "$html" <<'PY'
import sys, re
h = open(sys.argv[1], encoding="utf-8").read()
n = 0
for svg in re.findall(r'<svg[^>]*class="wide".*?</svg>', h, re.S):
    for l in re.findall(r'<line x1="([-\d.]+)" y1="([-\d.]+)" x2="([-\d.]+)" y2="([-\d.]+)"', svg):
        x1, y1, x2, y2 = map(float, l)
        if abs(x2 - x1 - 3.2) < 0.01 and abs(y2 - y1 + 6.4) < 0.01:
            n += 1
print(n // 2)
PY
)
if [ "$nb" -ge 1 ] && [ "$marks" -eq "$nb" ]; then pass "html: a break mark on each axis not from 0 ($nb)"
else fail "html: break marks" "$marks marks, $nb axes not from 0"; fi
h=$(cat "$html")
contains "html: small multiples in a grid" "$h" '<div class="charts charts-2">'
contains "html: one column on a phone" "$h" '.charts{display:block}'
contains "html: a series' last value at its end" "$h" '>3,5</text>'
contains "html: the target labelled" "$h" '>Målverdi 5,0</text>'
contains "html: the counts' total" "$h" '>29</text>'

# The native charts show what the PDF shows.  ODT: the counts' values axis
# below (the first area written last, not the axis reversed), totals as
# labels, the series' last values and the target labelled, the verdict.
c1=$(unzip -p "$odt" "Object 1/content.xml")
lacks "odt: counts' axis not reversed (values axis at the foot)" "$c1" 'chart:reverse-direction'
contains "odt: counts' totals labelled at the bars' ends" "$c1" 'chart:label-position="right"'
contains "odt: the last area written first" "$c1" '<text:p>7 Øke finansiering av forskning</text:p>'
contains "odt: counts' finding as the title" "$c1" '<text:p>41 av 60 tiltak pågår eller er løpende'
c2=$(unzip -p "$odt" "Object 2/content.xml")
contains "odt: a series' last value labelled" "$c2" '<chart:data-point chart:style-name="s0l"/>'
contains "odt: the target labelled" "$c2" 'chart:label-position="top"'
contains "odt: the verdict under the years" "$c2" '<text:p>Vurdering: Ikke i rute</text:p>'
contains "odt: the goal as subtitle" "$c2" '<chart:subtitle'
contains "odt: charts abreast" "$(unzip -p "$odt" content.xml)" 'draw:name="Diagram 3"'
d1=$(unzip -p "$docx" word/charts/chart1.xml)
contains "docx: counts' values axis below" "$d1" '<c:crosses val="autoZero"/>'
lacks "docx: counts' categories not reversed" "$d1" 'maxMin'
contains "docx: counts' totals labelled" "$d1" '<c:dLblPos val="inBase"/>'
d2=$(unzip -p "$docx" word/charts/chart2.xml)
contains "docx: a series' last value labelled" "$d2" '<c:dLblPos val="r"/>'
contains "docx: the verdict under the years" "$d2" 'Vurdering: Ikke i rute'
dx=$(unzip -p "$docx" word/document.xml)
n=$(python3 -c 'import re,sys; d=sys.stdin.read(); print(max(len(re.findall("<c:chart ", p)) for p in re.findall("<w:p>.*?</w:p>|<w:p .*?</w:p>", d, re.S)))' <<< "$dx")
if [ "$n" -eq 2 ]; then pass "docx: two charts abreast in one paragraph"
else fail "docx: charts abreast" "at most $n charts in a paragraph"; fi
