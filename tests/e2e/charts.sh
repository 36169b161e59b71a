# charts.sh: issue 6 -- one chart per indicator and the status bars in the
# summary, judged in the drawn PDF (pdftotext) and in the ODT as LibreOffice
# renders it (embedded chart objects converted to PDF, labels found).
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
# The board handout has compact charts and no twin tables, so a row of
# years there can only be a chart's axis.
expect_exit "board handout renders with charts" 0 "$SR" render -q -t styremote -f pdf -O board "$@"
# the report sets the plan's "5%" as "5 %" and its ranges with en dashes
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
# the summary's page: where the counts' title stands most often, on a
# page and the next (the chart may stand on the next), the contents' entry
# and the plan's introduction coming before it
sp=$(for p in 1 2 3 4 5 6 7 8; do
	printf '%s %s\n' "$(pdftotext -f $p -l $((p + 1)) "$pdf" - 2>/dev/null | grep -c "^Status for tiltakene 2024")" $p
done | sort -k1,1nr -k2,2n | head -1)
p2=${sp%% *} sp=${sp#* }
if [ "$p2" -ge 2 ]; then pass "pdf: the summary's stacked bars (title beside the table's)"
else fail "pdf: summary bars" "'Status for tiltakene 2024' $p2 times on pages $sp and $((sp + 1))"; fi
contains "pdf: a focus area's total beside its bar" "$(pdftotext -f "$sp" -l $((sp + 1)) -layout "$pdf" -)" "29"
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
t=$(pdftotext -layout "$pdf" - | tr -s ' ')
contains "values table: 2,0 beside 2,4" "$t" "Helse Nord-Trøndelag HF 2,0 2,4"
contains "values table: 38,0 beside 39,5" "$t" "Utgangspunkt 38,0"
