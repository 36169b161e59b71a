# The national sample (samples/nasjonal): a plan over three levels whose own
# organisation is the ministry.  An RHF's figures stay the RHF's, an RHF's
# report shows its trusts beside it, the matrix shows the RHFs, a batch
# makes one report per RHF, and the national figure rolled up from the
# RHFs' is marked as computed; the new trials by specialty make a table.
. "$SR_TOP/tests/lib.sh"
NAT="$SAMPLES/nasjonal"
NPLAN="$NAT/handlingsplan-kliniske-studier.xml"
NSTATUS=$(ls "$NAT"/status-*.xml | sort | tr '\n' ' ')
export SOURCE_DATE_EPOCH=1700000000
NB=$(printf '\302\240') # a number and its unit are kept together

# shellcheck disable=SC2086
expect_exit "national: validates" 0 "$SR" validate $NPLAN $NSTATUS
contains "national: validate summary" "$ERR" "valid (13 measures, 13 owners, 10 status files)"
# Four RHFs send values for the same indicator and year: each is its own,
# none is taken as the plan's (that was "has two values for 2024").
case "$ERR" in *"two values"*) fail "national: no clash of RHF values" "$ERR" ;;
*) pass "national: no clash of RHF values" ;; esac

tree() { # FILE ARGS...: the dump-tree of the national sample, judged by exit code
	local out=$1; shift
	# shellcheck disable=SC2086
	expect_exit "national: dump-tree $*" 0 sh -c '"$0" render --dump-tree "$@" > "'"$out"'"' \
		"$SR" "$@" $NPLAN $NSTATUS
}

tree plan.tree
t=$(cat plan.tree)
# The plan's own number of new trials for 2024 is computed from the RHFs'
# (540 + 230 + 168; Helse Nord sent none) and says so.
contains "national: roll-up is the RHFs' sum" "$t" "text \"938${NB}studier (2024; beregnet, 3 av 4 har rapportert)\""
contains "national: roll-up marked under the charts" "$t" ", 2024: 938${NB}studier (beregnet, 3 av 4 har rapportert)\""
# Helse Midt-Norge's own 168 is its own series, never the plan's latest.
contains "national: RHF value is the RHF's" "$t" "Helse Midt-Norge RHF: 150${NB}studier i 2023, 168${NB}studier i 2024."
case "$t" in *"text \"168${NB}studier (2024)\""*) fail "national: RHF value not the national value" "168 shown as the plan's value" ;;
*) pass "national: RHF value not the national value" ;; esac
# no delays: the count chart's title says "ingen", not "0 er forsinket"
contains "national: no delays are \"ingen\"" "$t" "er fullført og ingen er forsinket"
lacks "national: no \"0 er forsinket\"" "$t" " 0 er forsinket"
contains "national: plan-level series named overall" "$t" "Samlet: 905${NB}studier i 2023, 938${NB}studier i 2024."

# The matrix: the ministry's own (overall) column, then the level under it,
# the four RHFs (no agency, no trust).
python3 - plan.tree > matrix.txt <<'PY'
import sys
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
start = next(i for i, l in enumerate(lines) if 'anchor=status-per-hf' in l)
row = next(i for i in range(start, len(lines)) if lines[i].startswith('    row'))
names = []
for l in lines[row + 1:]:
    if l.startswith('    row'):
        break
    if l.strip().startswith('text "'):
        names.append(l.strip()[6:-1])
print('|'.join(names))
PY
contains "national: matrix columns are the ministry's overall status, then the RHFs" "$(cat matrix.txt)" \
	"Tiltak|Helse- og omsorgsdepartementet|Helse Sør-Øst RHF|Helse Vest RHF|Helse Midt-Norge RHF|Helse Nord RHF"
contains "national: the matrix is named for RHFs" "$t" 'text "Status per regionalt helseforetak"'
tree hf.tree --matrix-level hf
contains "national: --matrix-level hf shows the trusts" "$(cat hf.tree)" 'text "Oslo universitetssykehus HF"'
expect_exit "national: --matrix-level group refused" 2 "$SR" render --dump-tree --matrix-level group $NPLAN

# An RHF's report: its own statuses and values, its trusts' beside them.
tree hmn.tree --owner hmn
h=$(cat hmn.tree)
contains "national: --owner hmn shows its trust's status" "$h" "text \"St.${NB}Olavs hospital HF: ►${NB}Pågår\""
contains "national: --owner hmn shows its trust's value" "$h" "text \"St.${NB}Olavs hospital HF: 4,4${NB}% (2024)\""
case "$h" in *"Oslo universitetssykehus HF:"*) fail "national: --owner hmn shows no other region's trust" "OUS found" ;;
*) pass "national: --owner hmn shows no other region's trust" ;; esac
tree hmn-annual.tree -t arsrapport --owner hmn
contains "national: hmn's matrix is itself and its trusts" "$(cat hmn-annual.tree)" 'anchor=status-per-hf'

# The words in every language.
tree en.tree --lang en
contains "national: computed (en)" "$(cat en.tree)" "computed, 3 of 4 reported"
tree nn.tree --lang nn
contains "national: computed (nn)" "$(cat nn.tree)" "rekna ut, 3 av 4 har rapportert"

# Every format and built-in template.
for tpl in arsrapport styremote; do
	mkdir -p "out-$tpl"
	# shellcheck disable=SC2086
	expect_exit "national: $tpl in every format" 0 "$SR" render -q -f pdf,odt,docx,html -t "$tpl" -O "out-$tpl" $NPLAN $NSTATUS
done
mkdir -p out-hf
# shellcheck disable=SC2086
expect_exit "national: helseforetak for an RHF" 0 "$SR" render -q -f pdf,odt,docx,html -t helseforetak --owner hmn -O out-hf $NPLAN $NSTATUS
if have pdftotext && [ -f out-arsrapport/nasjonal-kliniske-studier-2024.pdf ]; then
	contains "national: the PDF says computed" "$(pdftotext out-arsrapport/nasjonal-kliniske-studier-2024.pdf - 2>/dev/null | tr '\n' ' ')" "beregnet, 3 av 4"
else
	skip "national: the PDF says computed" "no pdftotext"
fi

# batch --type rhf: one report per RHF, and the plan's own.
mkdir -p batch
# shellcheck disable=SC2086
expect_exit "national: batch --type rhf" 0 "$SR" batch -q -f html --type rhf -O batch $NPLAN $NSTATUS
got=$(cd batch && ls | tr '\n' ' ')
want="nasjonal-kliniske-studier-2024-hmn.html nasjonal-kliniske-studier-2024-hn.html nasjonal-kliniske-studier-2024-hso.html nasjonal-kliniske-studier-2024-hv.html nasjonal-kliniske-studier-2024.html "
if [ "$got" = "$want" ]; then pass "national: batch writes one report per RHF"; else
	fail "national: batch writes one report per RHF" "got: $got"; fi

# A reported plan-level value wins over the roll-up; one the RHFs'
# values contradict is a warning naming both.
sed 's|<value year="2023" value="905"/>|<value year="2023" value="905"/><value year="2024" value="1000"/>|' "$NPLAN" > wins.xml
# shellcheck disable=SC2086
expect_exit "national: differing plan value validates" 0 "$SR" validate wins.xml $NSTATUS
contains "national: differing plan value warned" "$ERR" 'indicator "nye-studier" has the value 1000 for 2024, but the sum of its owners'"'"' values is 938 (3 of 4 reported)'
# shellcheck disable=SC2086
expect_exit "national: reported value wins (render)" 0 sh -c '"$0" render --dump-tree "$@" > wins.tree' "$SR" wins.xml $NSTATUS
contains "national: reported value shown" "$(cat wins.tree)" "text \"1000${NB}studier (2024)\""
case "$(cat wins.tree)" in *beregnet*) fail "national: no roll-up beside a reported value" "beregnet found" ;;
*) pass "national: no roll-up beside a reported value" ;; esac

# Without ref and with several RHFs, no RHF speaks for the plan: every
# RHF's value is its own (the rule a regional plan keeps is its single rhf).
sed 's|<organisation ref="hod">|<organisation>|' "$NPLAN" > noref.xml
# shellcheck disable=SC2086
expect_exit "national: several rhf owners, no ref, validates" 0 "$SR" validate noref.xml $NSTATUS

# Indicators by category: the number of new trials by specialty, a table
# with the categories down and the RHFs that sent them across; the
# categories' values are never taken for a total.
python3 - plan.tree > breakdown.txt <<'PY'
import sys
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
at = next((i for i, l in enumerate(lines) if l.strip() == 'text "Fagområde"'), None)
if at is None:
    print('no table')
    sys.exit()
rows, row = [], None
for l in lines[at - 4:]:
    if l.startswith('  ') and not l.startswith('   '):
        if rows:
            break
    if l.startswith('    row'):
        row = []
        rows.append(row)
    elif l.strip().startswith('text "') and row is not None:
        row.append(l.strip()[6:-1].replace('\u00a0', ' '))
for r in rows:
    print('|'.join(r))
PY
b=$(cat breakdown.txt)
contains "national: breakdown header" "$b" "Fagområde|Helse Sør-Øst RHF|Helse Vest RHF|Helse Midt-Norge RHF"
contains "national: breakdown row" "$b" "Kreft|230 studier|95 studier|70 studier"
contains "national: categories are not totals" "$t" "Helse Sør-Øst RHF: 455${NB}studier i 2023, 540${NB}studier i 2024."

# A decreasing indicator (the median days from application to the first
# patient included): judged by its direction, its national value the
# ministry's own (hod, the plan's organisation), each RHF's its own.
verdict() { # TREE: the goals table's verdict for that indicator
	awk '/text "Tiden fra søknad til første pasient/ { on = 1 }
		on && /text "(I rute|Ikke i rute)"/ { sub(/.*text "/, ""); sub(/"$/, ""); print; exit }' "$1"
}
contains "national: decreasing indicator's latest is the ministry's" "$t" "text \"154${NB}dager (2024)\""
contains "national: decreasing indicator per RHF" "$t" "Helse Nord RHF: 188${NB}dager i 2023, 176${NB}dager i 2024."
if [ "$(verdict plan.tree)" = "Ikke i rute" ]; then pass "national: decreasing indicator judged downwards"; else
	fail "national: decreasing indicator judged downwards" "verdict: $(verdict plan.tree)"; fi
# The same figures read as an increase would be on track: the direction counts.
sed 's|unit="dager" direction="decrease"|unit="dager" direction="increase"|' "$NPLAN" > up.xml
# shellcheck disable=SC2086
expect_exit "national: increasing twin renders" 0 sh -c '"$0" render --dump-tree "$@" > up.tree' "$SR" up.xml $NSTATUS
if [ "$(verdict up.tree)" = "I rute" ]; then pass "national: the same figures increasing are on track"; else
	fail "national: the same figures increasing are on track" "verdict: $(verdict up.tree)"; fi
if have pdftotext && [ -f out-arsrapport/nasjonal-kliniske-studier-2024.pdf ]; then
	pdf=out-arsrapport/nasjonal-kliniske-studier-2024.pdf
	contains "national: the PDF names the decreasing indicator" \
		"$(pdftotext "$pdf" - 2>/dev/null | tr -s ' \n' '  ')" "Tiden fra søknad til første pasient er inkludert i en studie skal ned til 120 dager (median)"
	contains "national: the PDF's goals row for the decreasing indicator" \
		"$(pdftotext -layout "$pdf" - 2>/dev/null | tr -s ' ')" " 190 dager 154 dager 120 dager Ikke i rute"
	# every value sent, wherever the layout puts it
	words=" $(pdftotext "$pdf" - 2>/dev/null | tr -s ' \n' '  ') "
	lost=
	for v in 181 168 146 158 151 176 160 171 165 188; do
		case $words in *" $v "*) ;; *) lost="$lost $v" ;; esac
	done
	if [ -z "$lost" ]; then pass "national: the PDF's values of the decreasing indicator"; else
		fail "national: the PDF's values of the decreasing indicator" "missing:$lost"; fi
else
	skip "national: the PDF names the decreasing indicator" "no pdftotext"
	skip "national: the PDF's goals row for the decreasing indicator" "no pdftotext"
	skip "national: the PDF's values of the decreasing indicator" "no pdftotext"
fi
h=$(cat out-arsrapport/nasjonal-kliniske-studier-2024.html 2>/dev/null)
contains "national: the HTML has the decreasing indicator" "$h" "Tiden fra søknad til første pasient er inkludert i en studie skal ned til 120 dager (median)"
contains "national: the HTML has its values" "$h" "Helse Nord RHF: 188${NB}dager i 2023, 176${NB}dager i 2024."

# The breakdown indicator's distribution for the year: sorted horizontal
# bars, largest first, before its table, in every format (the PDF and the
# HTML draw them, the ODT and the DOCX as native bar charts).
out=out-arsrapport/nasjonal-kliniske-studier-2024
if have pdftotext && [ -f $out.pdf ]; then
	contains "breakdown chart: PDF, sorted, before the table" \
		"$(pdftotext -layout $out.pdf - 2>/dev/null | tr -s ' \n' '  ')" \
		"Flest i Kreft: 230 studier Kreft 230 Andre fagområder 115 Hjerte- og karsykdommer 95 Nevrologi 60 Psykisk helse og rus 40"
else
	skip "breakdown chart: PDF, sorted, before the table" "no pdftotext"
fi
contains "breakdown chart: HTML, its alt text sorted" "$h" \
	"Kreft: 230${NB}studier. Andre fagområder: 115${NB}studier. Hjerte- og karsykdommer: 95${NB}studier. Nevrologi: 60${NB}studier. Psykisk helse og rus: 40${NB}studier."
contains "breakdown chart: HTML, drawn as SVG" "$h" "Flest i Kreft: 230${NB}studier</text>"
py "breakdown chart: ODT and DOCX, native horizontal bars, largest on top" - $out.odt $out.docx <<'PY'
import re, sys, zipfile
odt, docx = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2])
cats = ["Psykisk helse og rus", "Nevrologi", "Hjerte- og karsykdommer", "Andre fagområder", "Kreft"]
hits = [odt.read(n).decode() for n in odt.namelist()
        if n.endswith("/content.xml") and n.startswith("Object") and "Flest i Kreft" in odt.read(n).decode()]
assert len(hits) == 1, "ODT charts with the finding: %d" % len(hits)
x = hits[0]
assert 'chart:class="chart:bar"' in x and 'chart:vertical="true"' in x, "ODT: not horizontal bars"
got = [c for c in re.findall(r"<text:p>([^<]*)</text:p>", x) if c in cats]
assert got == cats, "ODT categories (bottom up): %s" % got
hits = [docx.read(n).decode() for n in docx.namelist()
        if n.startswith("word/charts/chart") and "Flest i Kreft" in docx.read(n).decode()]
assert len(hits) == 1, "DOCX charts with the finding: %d" % len(hits)
x = hits[0]
assert '<c:barDir val="bar"/>' in x, "DOCX: not horizontal bars"
got = [c for c in re.findall(r"<c:v>([^<]*)</c:v>", x) if c in cats]
assert got == cats, "DOCX categories (bottom up): %s" % got
assert re.findall(r"<c:v>([0-9.]+)</c:v>", x) == ["40", "60", "95", "115", "230"], "DOCX values"
PY

# collect: a measure that only flows down to a trust from its RHF may be
# answered by it, but is not owed: every RHF answered all, so exit 0.
# shellcheck disable=SC2086
expect_exit "national: collect, every owner answered" 0 "$SR" collect $NPLAN $NSTATUS
