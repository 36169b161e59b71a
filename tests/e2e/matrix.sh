# The status matrix.  The sample's: compact (at most two PDF pages), the
# overall column first, each measure once in one line, symbols in the cells
# with their words kept for screen readers; and the owners appendix names
# owners, never their ids.  With many trusts: every trust that reported is
# shown (none dropped past a column limit), split over tables of at most
# five trusts in even groups, each table listing the measures one of its
# trusts reported on, and the trusts' names set whole, not in slivers.
. "$SR_TOP/tests/lib.sh"
export SOURCE_DATE_EPOCH=1733000000
# shellcheck disable=SC2086
set -- $PLAN $STATUSES

# ---- the sample's matrix ---------------------------------------------------

"$SR" render --dump-tree "$@" > sample.tree 2>sample.err
expect_exit "sample: PDF renders" 0 "$SR" render -q -o sample.pdf "$@"
python3 - "$PLAN" sample.tree > sample.out 2>&1 <<'PY'
import re, sys
import xml.etree.ElementTree as ET
NS = '{urn:statusrapport:1}'
root = ET.parse(sys.argv[1]).getroot()
owners = {o.get('id'): o.text for o in root.iter(NS + 'owner')}
ids = [m.get('id') for m in root.iter(NS + 'measure')]
lines = open(sys.argv[2], encoding='utf-8').read().split('\n')
start = next(i for i, l in enumerate(lines) if 'anchor=status-per-hf' in l)
end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith('  heading level=1'))
rows, row = [], None
for l in lines[start:end]:
    if l.startswith('    row'):
        row = {'header': 'header' in l, 'cells': []}
        rows.append(row)
    elif l.startswith('      cell') and row is not None:
        m = re.search(r'alt="([^"]*)"', l)
        row['cells'].append({'text': '', 'alt': m.group(1) if m else None,
                             'group': 'fill=table-header' in l and not row['header']})
    elif l.strip().startswith('text "') and row is not None and row['cells']:
        row['cells'][-1]['text'] += l.strip()[6:-1]
head = [c['text'] for c in rows[0]['cells']]
print('head', '|'.join(head))
body = [r for r in rows if not r['header'] and not r['cells'][0]['group']]
got = [r['cells'][0]['text'].split()[0] for r in body]
print('measures-once', sorted(got) == sorted(ids) and len(got) == len(set(got)), len(got), len(ids))
# the one-line titles: no sub-bullet run into them, none over 60 characters
print('one-line', all(len(r['cells'][0]['text'].split(' ', 1)[1]) <= 60 for r in body))
syms = set('□►♦▲●×–')
cells = [c for r in body for c in r['cells'][1:]]
print('symbols', all((c['text'] in syms or not c['text']) and c['alt'] for c in cells), len(cells))
print('last', body[-1]['cells'][0]['text'])
# the owners appendix: names, never an id that is not also a word of a name
start = next(i for i, l in enumerate(lines) if 'anchor=ansvarlige' in l)
text = ' '.join(l.strip()[6:-1] for l in lines[start:] if l.strip().startswith('text "'))
text = text.replace('\u00a0', ' ')  # "St. Olavs" is set with a no-break space
words = set(w.lower() for n in owners.values() for w in re.findall(r'[\w-]+', n))
leaked = [i for i in owners if i.lower() not in words and re.search(r'\b%s\b' % re.escape(i), text)]
print('appendix-ids', leaked)
print('appendix-names', all(n in text for n in owners.values()))
PY
out=$(cat sample.out)
contains "sample: the overall column comes first, then the trusts" "$out" \
	"head Tiltak|HMN RHF|St. Olav|HNT|HMR"
contains "sample: every measure once in the matrix" "$out" "measures-once True 60 60"
contains "sample: each measure in one line" "$out" "one-line True"
contains "sample: cells hold symbols, their words kept" "$out" "symbols True 240"
contains "sample: the appendix shows no owner id" "$out" "appendix-ids []"
contains "sample: the appendix names every owner" "$out" "appendix-names True"

# At most two pages: from the page of its key (the heading is in the
# contents too) to the page of its last row.
if have pdftotext; then
	last=$(sed -n 's/^last //p' sample.out)
	n=$(pdfinfo sample.pdf 2>/dev/null | sed -n 's/^Pages: *//p')
	first_p='' last_p=''
	for p in $(seq 1 "${n:-0}"); do
		t=$(pdftotext -f "$p" -l "$p" sample.pdf - 2>/dev/null)
		case "$t" in *"Tegnforklaring"*) [ -z "$first_p" ] && first_p=$p ;; esac
		case "$t" in *"$last"*) [ -n "$first_p" ] && [ -z "$last_p" ] && last_p=$p ;; esac
	done
	if [ -n "$first_p" ] && [ -n "$last_p" ] && [ $((last_p - first_p)) -le 1 ]; then
		pass "sample: the matrix takes at most two pages"
	else
		fail "sample: the matrix takes at most two pages" "pages ${first_p:-?} to ${last_p:-?}"
	fi
else
	missing "sample: the matrix takes at most two pages" "pdftotext not installed"
fi

# A <short> over the limit is refused at its place, in words.
sed 's|<short>Elektronisk samtykke til kliniske studier</short>|<short>Elektronisk samtykke til kliniske studier, med pilot i én klinikk først</short>|' \
	"$PLAN" > long-short.xml
"$SR" validate long-short.xml > /dev/null 2> long-short.err
rc=$?
line=$(grep -n 'med pilot i én klinikk' long-short.xml | cut -d: -f1)
if [ "$rc" -eq 1 ] && grep -q "^long-short.xml:$line:[0-9]*: error: the measure's short title is 71 characters long; a short title may be at most 60" long-short.err; then
	pass "a <short> over 60 characters is an error at its line"
else
	fail "a <short> over 60 characters is an error at its line" "exit $rc: $(head -2 long-short.err)"
fi

# Four trusts and the region with short names (the plan's own column): 60 measures
# still take two pages, the heads short, each with its full name kept.
python3 "$SR_TOP/bench/gen-plan" --measures 60 --owners 4 --seed 7 |
	sed -E 's/<owner id="(hf0*([0-9]+))" type="hf">/<owner id="\1" type="hf" short="HF \2">/;
		s/<owner id="([a-z0-9]+)" type="rhf">/<owner id="\1" type="rhf" short="RHF">/' > four.xml
"$SR" render --dump-tree four.xml > four.tree 2>four.err
expect_exit "four: PDF renders" 0 "$SR" render -q -o four.pdf four.xml
contains "four: a head is the short name, its full name kept" "$(cat four.tree)" \
	'cell fill=table-header alt="Helseforetak nummer 1 HF"'
contains "four: the appendix gives the short name beside the name" "$(cat four.tree)" \
	'text "Helseforetak nummer 1 HF (HF 1)"'
if have pdftotext; then
	last=$(python3 - four.tree <<'PY'
import sys
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
start = next(i for i, l in enumerate(lines) if 'anchor=status-per-hf' in l)
end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith('  heading level=1'))
ids = [l.strip()[6:-2] for l in lines[start:end] if l.strip().startswith('text "') and l.strip().endswith(' "')]
print(ids[-1])
PY
)
	n=$(pdfinfo four.pdf 2>/dev/null | sed -n 's/^Pages: *//p')
	first_p='' last_p=''
	for p in $(seq 1 "${n:-0}"); do
		t=$(pdftotext -f "$p" -l "$p" four.pdf - 2>/dev/null)
		case "$t" in *"Tegnforklaring"*) [ -z "$first_p" ] && first_p=$p ;; esac
		case "$t" in *"$last "*) [ -n "$first_p" ] && [ -z "$last_p" ] && last_p=$p ;; esac
	done
	if [ -n "$first_p" ] && [ -n "$last_p" ] && [ $((last_p - first_p)) -le 1 ]; then
		pass "four: 60 measures x 5 columns take at most two pages"
	else
		fail "four: 60 measures x 5 columns take at most two pages" "pages ${first_p:-?} to ${last_p:-?} (last row $last)"
	fi
else
	missing "four: 60 measures x 5 columns take at most two pages" "pdftotext not installed"
fi

# ---- many trusts -----------------------------------------------------------

matrix_check() { # NAME TRUSTS WANTED-COLUMNS
	local name=$1 trusts=$2 want=$3
	python3 "$SR_TOP/bench/gen-plan" --measures 120 --owners "$trusts" --seed 7 > "$name.xml"
	"$SR" render --dump-tree "$name.xml" > "$name.tree" 2>"$name.err"
	local rc=$?
	if [ "$rc" -eq 0 ] && [ -s "$name.tree" ]; then pass "$name: dump-tree"
	else fail "$name: dump-tree" "exit $rc: $(head -3 "$name.err")"; fi
	python3 - "$name.xml" "$name.tree" > "$name.out" 2>&1 <<'PY'
import re, sys
import xml.etree.ElementTree as ET
ns = {'s': 'urn:statusrapport:1'}
root = ET.parse(sys.argv[1]).getroot()
names = {o.get('id'): o.text for o in root.iter('{urn:statusrapport:1}owner')}
hfs = [o.get('id') for o in root.iter('{urn:statusrapport:1}owner') if o.get('type') == 'hf']
reported = {}  # trust name -> measure ids it reported on
for m in root.iter('{urn:statusrapport:1}measure'):
    for s in m.findall('s:status', ns):
        if s.get('owner') in hfs:
            reported.setdefault(names[s.get('owner')], set()).add(m.get('id'))
lines = open(sys.argv[2], encoding='utf-8').read().split('\n')
start = next(i for i, l in enumerate(lines) if 'anchor=status-per-hf' in l)
end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith('  heading level=1'))
tables, cur, row = [], None, None
for l in lines[start:end]:
    if l.startswith('  table '):
        cur = {'cols': int(re.search(r'cols=(\d+)', l).group(1)), 'rows': []}
        tables.append(cur)
    elif l.startswith('    row') and cur is not None:
        row = []
        cur['rows'].append(row)
    elif l.startswith('      cell') and row is not None:
        # a focus area's group row: its cells in the header shade
        row.append('#' if 'fill=table-header' in l and len(cur['rows']) > 1 else '')
    elif l.strip().startswith('text "') and row is not None and row:
        row[-1] += l.strip()[6:-1]
# columns: the measure, the overall status, then the trusts
print('tables', ' '.join(str(t['cols'] - 2) for t in tables))
shown = [n for t in tables for n in t['rows'][0][2:]]
print('trusts-once', sorted(shown) == sorted(reported), len(shown), len(reported))
ok = True
for t in tables:
    group = t['rows'][0][2:]
    want = set().union(*(reported[g] for g in group))
    body = [r for r in t['rows'][1:] if not r[0].startswith('#')]
    got = {r[0].split()[0] for r in body}
    # more rows than want: measures with only an overall status
    if not want <= got or len(got) != len(body):
        ok = False
        print('rows differ', group, sorted(want - got)[:5])
print('rows-exact', ok)
PY
	local out
	out=$(cat "$name.out")
	contains "$name: trusts per table" "$out" "tables $want"
	contains "$name: every reporting trust once" "$out" "trusts-once True"
	contains "$name: each table has its trusts' measures" "$out" "rows-exact True"
}

matrix_check three 3 "3"
matrix_check eleven 11 "4 4 3"
matrix_check twenty 20 "5 5 5 5"

# The PDF sets each trust's name in whole words: with 20 trusts squeezed
# into one table the names came out as "Hels / efo- / re- / tak".
expect_exit "twenty: PDF renders" 0 "$SR" render -q -o twenty.pdf twenty.xml
if have pdftotext; then
	pdftotext -layout twenty.pdf twenty.txt
	# 20 names in the matrix's headers and 20 in the owners appendix
	whole=$(grep -o 'Helseforetak' twenty.txt | wc -l)
	broken=$(grep -o -E '(^| )Hels( |$)' twenty.txt | wc -l)
	if [ "$whole" -ge 40 ] && [ "$broken" -eq 0 ]; then pass "twenty: trust names set whole in the PDF"
	else fail "twenty: trust names set whole in the PDF" "whole $whole, broken lines $broken"; fi
else
	missing "twenty: trust names set whole in the PDF" "pdftotext not installed"
fi
