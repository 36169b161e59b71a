# forms.sh: the status-collection round trip, judged by real readers.
#   form -> fill cells as a person would (tests/forms/fill-form.py) ->
#   LibreOffice re-saves all three trusts' forms in one soffice run ->
#   import -> validate -> render --dump-tree shows exactly what was filled.
# Also: validate-odt on the forms, determinism, cell-precise messages for
# broken forms (and no output file), a zip bomb, CSV in Windows-1252,
# the pre-filled XML form, and collect with one trust's file missing.
. "$SR_TOP/tests/lib.sh"

VALIDATE="$SHARED/odf-schema/validate-odt"
FILL="python3 $SR_TOP/tests/forms/fill-form.py"
export SOURCE_DATE_EPOCH=1795420800 # 2026-11-23 08:00 UTC
ID=hmn-forskning-2023-2026
YEAR=2025

validate() { # NAME FILE
	need_file "$1" "$VALIDATE" || return
	local out
	if out=$("$VALIDATE" "$2" 2>&1); then pass "$1"; else fail "$1" "$(printf '%s' "$out" | head -5)"; fi
}

# --- form ------------------------------------------------------------------
mkdir forms again
expect_exit "form: every trust" 0 "$SR" form -O forms "$PLAN" $STATUSES
for t in stolav hnt hmr; do
	f=forms/$ID-$YEAR-$t-skjema.ods
	if [ -s "$f" ]; then pass "form: $t written"; else fail "form: $t written" "no $f"; fi
	validate "form: $t validate-odt" "$f"
done
[ "$(ls forms | wc -l)" -eq 3 ] && pass "form: only the hf owners" || fail "form: only the hf owners" "$(ls forms)"
expect_exit "form: again" 0 "$SR" form -q -O again "$PLAN" $STATUSES
if cmp -s forms/$ID-$YEAR-stolav-skjema.ods again/$ID-$YEAR-stolav-skjema.ods; then
	pass "form: byte-identical under SOURCE_DATE_EPOCH"
else
	fail "form: byte-identical under SOURCE_DATE_EPOCH" "two runs differ"
fi
expect_exit "form: unknown owner" 2 "$SR" form -O forms --owner nobody "$PLAN"
contains "form: unknown owner message" "$ERR" "--owner nobody: no such owner"

# --- fill, as a person would ------------------------------------------------
mkdir filled
# fill-form.py fails loudly on a form it cannot fill; a missing filled file
# then fails the imports below
$FILL forms/$ID-$YEAR-stolav-skjema.ods filled/stolav.ods \
	1.1.2 "Fullført" 100 "Innført i alle klinikker." \
	1.2.1 "pågår" "" "Første linje
Andre linje" \
	1.3.1 "In progress" 40 "" \
	--value nat-pasienter-kliniske-studier 4.6
$FILL forms/$ID-$YEAR-hnt-skjema.ods filled/hnt.ods \
	1.1.3 "Ikkje starta" "" "Venter på nasjonal struktur." \
	1.2.2 "delayed" 10 "Forsinket på grunn av Helseplattformen."
$FILL forms/$ID-$YEAR-hmr-skjema.ods filled/hmr.ods \
	1.1.2 "LØPENDE" "" "Fast aktivitet." \
	1.1.3 "Avbrutt" 0 "Erstattet av nasjonalt tiltak."

# The filled values each trust must get back, as python literals:
# measure -> (status word shown in the report, progress, comment).
expect_stolav='{"1.1.2": ("Fullført", 100, "Innført i alle klinikker."), "1.2.1": ("Pågår", None, "Første linje\nAndre linje"), "1.3.1": ("Pågår", 40, "")}'
expect_hnt='{"1.1.3": ("Ikke startet", None, "Venter på nasjonal struktur."), "1.2.2": ("Forsinket", 10, "Forsinket på grunn av Helseplattformen.")}'
expect_hmr='{"1.1.2": ("Løpende", None, "Fast aktivitet."), "1.1.3": ("Avbrutt", 0, "Erstattet av nasjonalt tiltak.")}'

# --- LibreOffice re-saves all three, in one run --------------------------------
lo=0
if need "forms: LibreOffice round trip" soffice; then
	timeout 300 soffice -env:UserInstallation="file://$PWD/lo-profile" --headless \
		--convert-to ods --outdir "$PWD/lo" filled/stolav.ods filled/hnt.ods filled/hmr.ods \
		>/dev/null 2>&1
	if [ -s lo/stolav.ods ] && [ -s lo/hnt.ods ] && [ -s lo/hmr.ods ]; then
		pass "forms: LibreOffice re-saved the three forms"
		lo=1
	else
		fail "forms: LibreOffice re-saved the three forms" "$(ls lo 2>&1)"
	fi
fi

# check_report NAME OWNER IMPORTED.xml EXPECT: the owner's report for the
# year shows exactly the filled-in values, every other measure unreported.
check_report() {
	local out
	if ! "$SR" render --dump-tree --owner "$2" --year $YEAR "$PLAN" "$3" > tree-$2.txt 2>tree-$2.err; then
		fail "$1" "render --dump-tree failed: $(head -3 tree-$2.err)"
		return
	fi
	if out=$(python3 - tree-$2.txt "$4" <<'PY'
import re, sys, ast
expect = ast.literal_eval(sys.argv[2])
rows, row, cell = [], None, None
for line in open(sys.argv[1], encoding="utf-8"):
    ind = len(line) - len(line.lstrip(" "))
    s = line.strip()
    if s.startswith("row") and ind == 4:
        row = []; rows.append(row)
    elif s.startswith("cell") and ind == 6 and row is not None:
        cell = []; row.append(cell)
    elif s.startswith("table") or (s.startswith("heading") and ind <= 2):
        row = None
    elif s.startswith('text "') and row is not None and row:
        row[-1].append(ast.literal_eval(s[5:]) if False else s[6:-1].replace('\\"', '"'))
got = {}
for r in rows:
    if len(r) != 4 or not r[0]:
        continue
    m = re.fullmatch(r"(\d+(?:\.\d+)+) ", r[0][0])
    if not m:
        continue
    st = r[2]
    prog = None
    for t in st[1:]:
        p = re.fullmatch(r"(\d+) % fremdrift", t.replace("\u00a0", " "))
        if p:
            prog = int(p.group(1))
    # the status word, read past its symbol ("▲\u00a0Forsinket")
    word = re.sub(r"^[^\w\s]\u00a0", "", st[0]) if st else ""
    got[m.group(1)] = (word, prog, "\n".join(r[3]))
assert got, "no measure rows in the tree"
for mid, (word, prog, comment) in got.items():
    if mid in expect:
        assert (word, prog, comment) == expect[mid], "%s: got %r, want %r" % (mid, (word, prog, comment), expect[mid])
    else:
        assert word == "Ikke rapportert", "%s: %r, but it was left blank" % (mid, word)
missing = set(expect) - set(got)
assert not missing, "not in the report: %s" % missing
print(len(got), "measures")
PY
	); then pass "$1"; else fail "$1" "$out"; fi
}

for t in stolav hnt hmr; do
	var=expect_$t
	if [ "$lo" -eq 1 ]; then src=lo/$t.ods; else src=filled/$t.ods; fi
	expect_exit "import: $t after LibreOffice" 0 "$SR" import -q --plan "$PLAN" -o imported-$t.xml "$src"
	expect_exit "import: $t validates" 0 "$SR" validate -q "$PLAN" imported-$t.xml
	check_report "import: $t report shows exactly the filled values" $t imported-$t.xml "${!var}"
done
# The indicator value travels too.
contains "import: indicator value" "$(cat imported-stolav.xml 2>/dev/null)" \
	'<value indicator="nat-pasienter-kliniske-studier" value="4.6"/>'
# Straight from our own file (no LibreOffice) gives the same statuses.
expect_exit "import: straight from our own file" 0 "$SR" import -q --plan "$PLAN" -o direct-stolav.xml filled/stolav.ods
if diff <(grep -v '<status-report' direct-stolav.xml) <(grep -v '<status-report' imported-stolav.xml) >/dev/null; then
	pass "import: LibreOffice's re-save reads the same as the original"
else
	fail "import: LibreOffice's re-save reads the same as the original" "$(diff direct-stolav.xml imported-stolav.xml | head -5)"
fi
# Without --plan the form still carries plan, owner and year, also after
# LibreOffice rewrote the package.
if [ "$lo" -eq 1 ]; then src=lo/hnt.ods; else src=filled/hnt.ods; fi
expect_exit "import: without --plan" 0 "$SR" import -q -o noplan.xml "$src"
contains "import: identity from the form" "$(head -2 noplan.xml)" \
	'plan="hmn-forskning-2023-2026" owner="hnt" year="2025"'

# --- CSV as Excel writes it in Norway: ';' and Windows-1252 -----------------------
py "import: CSV written from the form" - filled/hnt.ods hnt.csv <<'PY'
import sys, zipfile, csv, io
import xml.etree.ElementTree as ET
T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
X = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("content.xml"))
t = [t for t in root.iter(T + "table") if t.get(T + "name") == "Status"][0]
rows = [["\n".join("".join(p.itertext()) for p in c.findall(X + "p"))
         for c in r if c.tag in (T + "table-cell", T + "covered-table-cell")]
        for r in t.iter(T + "table-row")]
for name, delim, enc in ((sys.argv[2], ";", "cp1252"), ("hnt-comma.csv", ",", "utf-8-sig"),
                         ("hnt-tab.csv", "\t", "utf-8")):
    out = io.StringIO()
    csv.writer(out, delimiter=delim, lineterminator="\r\n").writerows(rows)
    open(name, "wb").write(out.getvalue().encode(enc, "replace"))
PY
expect_exit "import: CSV (;, Windows-1252)" 0 "$SR" import -q --plan "$PLAN" -o csv-hnt.xml hnt.csv
expect_exit "import: hnt straight from our own file" 0 "$SR" import -q --plan "$PLAN" -o direct-hnt.xml filled/hnt.ods
if diff <(grep '<status ' csv-hnt.xml) <(grep '<status ' direct-hnt.xml) >/dev/null; then
	pass "import: CSV reads the same as the ods"
else
	fail "import: CSV reads the same as the ods" "$(diff csv-hnt.xml direct-hnt.xml | head -5)"
fi
contains "import: CSV æøå from Windows-1252" "$(cat csv-hnt.xml)" "Venter på nasjonal struktur."
expect_exit "import: CSV with , (UTF-8 with BOM)" 0 "$SR" import -q --plan "$PLAN" -o csv2-hnt.xml hnt-comma.csv
expect_exit "import: tab-separated text" 0 "$SR" import -q --plan "$PLAN" -o csv3-hnt.xml hnt-tab.csv
if diff <(grep '<status ' csv3-hnt.xml) <(grep '<status ' direct-hnt.xml) >/dev/null; then
	pass "import: tab-separated reads the same as the ods"
else
	fail "import: tab-separated reads the same as the ods" "$(diff csv3-hnt.xml direct-hnt.xml | head -5)"
fi

# --- broken forms: cell-precise messages, exit 1, nothing written ----------------
S=forms/$ID-$YEAR-stolav-skjema.ods
bad() { # NAME FILE MESSAGE
	rm -f bad-out.xml
	expect_exit "bad: $1: exit 1" 1 "$SR" import --plan "$PLAN" -o bad-out.xml "$2"
	contains "bad: $1: message" "$ERR" "$3"
	if [ -e bad-out.xml ]; then fail "bad: $1: no output" "bad-out.xml was written"; else pass "bad: $1: no output"; fi
}
$FILL $S bad-word.ods 1.1.2 "ferdig" "" "" 1.1.3 "Pågår" "" ""
bad "unknown status word" bad-word.ods \
	'bad-word.ods: Status!F4: error: "ferdig" is not a status; use one of: Ikke startet, Pågår, Løpende, Fullført, Forsinket, Avbrutt'
$FILL $S bad-progress.ods 1.1.3 "Pågår" 140 ""
bad "progress 140" bad-progress.ods 'bad-progress.ods: Status!G5: error: 140 is not a progress; write a whole number from 0 to 100'
$FILL $S bad-column.ods 1.1.2 "Pågår" "" "" --delete-column 0
bad "deleted id column" bad-column.ods \
	'bad-column.ods: Status!A3: error: the column header is "Innsatsområde" where "Id" belongs'
$FILL $S bad-id.ods 1.1.2 "Pågår" "" "" --cell 'Status!A4=9.9.9'
bad "measure not in the plan" bad-id.ods 'bad-id.ods: Status!A4: error: measure "9.9.9" is not in the plan "hmn-forskning-2023-2026"'
$FILL $S bad-owner.ods 1.1.2 "Pågår" "" "" --cell 'Status!E2=st-olav'
bad "owner changed" bad-owner.ods 'bad-owner.ods: Status!E2: error: "st-olav" is not an owner in the plan'
$FILL $S bad-ind.ods 1.1.2 "Pågår" "" "" --cell 'Indikatorer!E1=Kommentar'
bad "indicator column changed" bad-ind.ods 'bad-ind.ods: Indikatorer!E1: error: the column header is "Kommentar" where "Verdi" belongs'
printf 'hello, this is not a spreadsheet\n\0\1\2' > bad-text.ods
bad "not a spreadsheet" bad-text.ods 'bad-text.ods: error: this is not an OpenDocument spreadsheet: the file is not a zip package'
cp "$PLAN" bad-plan.ods
bad "an XML file" bad-plan.ods 'bad-plan.ods: error: this is an XML file, not a filled-in form'
py "bad: broken packages written" - <<'PY'
import zipfile
with zipfile.ZipFile("bad-odt.ods", "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
    z.writestr("content.xml", "<x/>")
# A zip bomb: 80 MB of spaces inside a content.xml that deflates to ~80 kB.
with zipfile.ZipFile("bad-bomb.ods", "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
    z.writestr("content.xml", b"<a>" + b" " * (80 << 20) + b"</a>", compress_type=zipfile.ZIP_DEFLATED)
# The same bomb lying about its size (1000 bytes) in both zip headers.
import struct
b = bytearray(open("bad-bomb.ods", "rb").read())
i = b.find(b"PK\x03\x04", 10)
struct.pack_into("<I", b, i + 22, 1000)
j = b.find(b"PK\x01\x02", b.find(b"PK\x01\x02") + 4)
struct.pack_into("<I", b, j + 24, 1000)
open("bad-liar.ods", "wb").write(b)
PY
bad "a text document" bad-odt.ods 'bad-odt.ods: error: this is not a spreadsheet but "application/vnd.oasis.opendocument.text"'
bad "zip bomb" bad-bomb.ods 'bad-bomb.ods: error: content.xml unpacks to more than 64 MB; refused'
bad "zip bomb lying about its size" bad-liar.ods 'bad-liar.ods: error: content.xml unpacks to more than 64 MB; refused'

# --- the XML form -------------------------------------------------------------
expect_exit "form -f xml" 0 "$SR" form -q -f xml --owner hnt -O forms "$PLAN" $STATUSES
X=forms/$ID-$YEAR-hnt-skjema.xml
expect_exit "form -f xml: valid as it is (blanks stay absent)" 0 "$SR" validate -q "$PLAN" "$X"
sed 's|<!-- 1.1.3 (|<status measure="1.1.3" value="in-progress">Fylt inn.</status>\n  <!-- 1.1.3 (|' "$X" > xml-filled.xml
expect_exit "form -f xml: valid once filled in" 0 "$SR" validate -q "$PLAN" xml-filled.xml
contains "form -f xml: measure text as a comment" "$(cat "$X")" "Implementere felles praksis for henvisning"

# --- collect ------------------------------------------------------------------
expect_exit "collect: every file in" 0 "$SR" collect "$PLAN" $STATUSES
without=$(ls "$SAMPLES"/status-2024-*.xml | grep -v hnt)
out=$("$SR" collect --lang en --year 2024 "$PLAN" $without 2>&1); rc=$?
[ "$rc" -eq 4 ] && pass "collect: exit 4 with a trust missing" || fail "collect: exit 4 with a trust missing" "exit $rc"
if res=$(printf '%s' "$out" | python3 -c '
import re, sys, xml.etree.ElementTree as ET
out = sys.stdin.read()
N = "{urn:statusrapport:1}"
plan = ET.parse(sys.argv[1]).getroot()
hnt = [m.get("id") for m in plan.iter(N + "measure")
       if {r.get("ref") for r in m.findall(N + "responsible")} & {"hnt", "hf"}]
missing = dict(re.findall(r"^(\S+)  .*\n(?:  .*\n)*?  missing \(\d+\): (.*)$", out, re.M))
assert set(missing) == {"hnt"}, "owners with missing measures: %s" % sorted(missing)
assert missing["hnt"].split() == hnt, "hnt missing %s, want %s" % (missing["hnt"], hnt)
print(len(hnt))' "$PLAN" 2>&1); then pass "collect: names exactly hnt's $res measures as missing"
else fail "collect: names exactly hnt's measures as missing" "$res"; fi
# Two files from one owner and year that disagree are a conflict, not a failure.
sed 's/measure="1.1.2" value="[a-z-]*"/measure="1.1.2" value="cancelled"/' "$SAMPLES/status-2024-hnt.xml" > hnt-second.xml
out=$("$SR" collect --lang en --deadline 2025-01-25 "$PLAN" $STATUSES hnt-second.xml 2>&1); rc=$?
[ "$rc" -eq 1 ] && pass "collect: conflict gives exit 1" || fail "collect: conflict gives exit 1" "exit $rc"
contains "collect: conflict named" "$out" "1.1.2: "
contains "collect: late file named" "$out" "status-2024-hmn.xml (2025-01-31, late)"
# Without --lang the overview speaks the plan's language (Bokmål), like the reports.
out=$("$SR" collect --deadline 2025-01-25 "$PLAN" $STATUSES 2>&1)
contains "collect: in the plan's language" "$out" "status-2024-hmn.xml (2025-01-31, for sent)"
expect_exit "collect -f ods" 0 "$SR" collect -f ods -o overview.ods "$PLAN" $STATUSES
validate "collect -f ods: validate-odt" overview.ods

# --- an indicator with a breakdown: a column per category, and back ----------
# The national plan's nye-studier is broken down by fagområde: its row on the
# Indikatorer sheet takes the total and a value per category, and import
# reads them back as values with category= (also after LibreOffice).
NPLAN="$SAMPLES/nasjonal/handlingsplan-kliniske-studier.xml"
NID=nasjonal-kliniske-studier
mkdir nforms
expect_exit "breakdown: form for hso" 0 "$SR" form -q -O nforms --owner hso --year 2025 "$NPLAN"
NF=nforms/$NID-2025-hso-skjema.ods
validate "breakdown: form validate-odt" "$NF"
py "breakdown: a column per category, input only on the broken-down row" - "$NF" <<'PY'
import sys, zipfile, re
x = zipfile.ZipFile(sys.argv[1]).read("content.xml").decode()
ind = x[x.index('table:name="Indikatorer"'):]
ind = ind[:ind.index("</table:table>")]
for name in ["Kreft", "Hjerte- og karsykdommer", "Nevrologi", "Psykisk helse og rus", "Andre fagområder"]:
    assert "<text:p>%s</text:p>" % name in ind, name
rows = re.findall(r"<table:table-row[ >].*?</table:table-row>", ind, re.S)
def inputs(idv):
    r = [r for r in rows if "<text:p>%s</text:p>" % idv in r][0]
    return r.count('table:content-validation-name="valNumber"')
assert inputs("nye-studier") == 6, inputs("nye-studier")
assert inputs("andel-pasienter") == 1, inputs("andel-pasienter")
PY
$FILL "$NF" nfilled.ods --value nye-studier 1013 --category nye-studier Kreft 412 \
	--category nye-studier Nevrologi 90.5
src=nfilled.ods
if [ "$lo" -eq 1 ]; then
	timeout 300 soffice -env:UserInstallation="file://$PWD/lo-profile" --headless \
		--convert-to ods --outdir "$PWD/nlo" nfilled.ods >/dev/null 2>&1
	if [ -s nlo/nfilled.ods ]; then pass "breakdown: LibreOffice re-saved the form"; src=nlo/nfilled.ods
	else fail "breakdown: LibreOffice re-saved the form" "$(ls nlo 2>&1)"; fi
fi
expect_exit "breakdown: import" 0 "$SR" import -q --plan "$NPLAN" -o nimported.xml "$src"
got=$(cat nimported.xml 2>/dev/null)
contains "breakdown: total imported" "$got" '<value indicator="nye-studier" value="1013"/>'
contains "breakdown: category imported" "$got" '<value indicator="nye-studier" value="412" category="kreft"/>'
contains "breakdown: decimal category imported" "$got" '<value indicator="nye-studier" value="90.5" category="nevro"/>'
n=$(grep -c '<value ' nimported.xml 2>/dev/null)
[ "$n" = 3 ] && pass "breakdown: only the filled cells" || fail "breakdown: only the filled cells" "$n values"
expect_exit "breakdown: the imported file validates" 0 "$SR" validate -q "$NPLAN" nimported.xml
# A category value on a row without that breakdown, a text there, no plan.
$FILL "$NF" nbad.ods --category andel-pasienter Kreft 3 --category nye-studier Nevrologi mange
expect_exit "breakdown: bad cells refused" 1 "$SR" import -q --plan "$NPLAN" -o nbad.xml nbad.ods
contains "breakdown: category on a row without breakdown" "$ERR" \
	'nbad.ods: Indikatorer!F3: error: indicator andel-pasienter is not broken down by "Fagområde"; leave the cell empty'
contains "breakdown: text in a category cell" "$ERR" \
	'nbad.ods: Indikatorer!H2: error: "mange" is not a number'
[ ! -e nbad.xml ] && pass "breakdown: bad form writes nothing" || fail "breakdown: bad form writes nothing" "nbad.xml"
expect_exit "breakdown: categories need the plan" 1 "$SR" import -q -o nnoplan.xml nfilled.ods
contains "breakdown: categories need the plan: message" "$ERR" "import it with --plan PLAN.xml"
$FILL "$NF" nhead.ods --cell 'Indikatorer!F1=Lunge'
expect_exit "breakdown: category header changed" 1 "$SR" import -q --plan "$NPLAN" -o nhead.xml nhead.ods
contains "breakdown: category header changed: message" "$ERR" \
	'nhead.ods: Indikatorer!F1: error: the column header is "Lunge" where the category "Kreft" belongs'
