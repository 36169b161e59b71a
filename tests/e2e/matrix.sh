# The "status per trust" matrix with many trusts: every trust that reported
# is shown (none dropped past a column limit), split over tables of at most
# five trusts in even groups, each table listing exactly the measures one of
# its trusts reported on, and the trusts' names set whole, not in slivers.
. "$SR_TOP/tests/lib.sh"

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
        row.append('')
    elif l.strip().startswith('text "') and row is not None and row:
        row[-1] += l.strip()[6:-1]
print('tables', ' '.join(str(t['cols'] - 1) for t in tables))
shown = [n for t in tables for n in t['rows'][0][1:]]
print('trusts-once', sorted(shown) == sorted(reported), len(shown), len(reported))
ok = True
for t in tables:
    group = t['rows'][0][1:]
    want = set().union(*(reported[g] for g in group))
    got = {r[0].split()[0] for r in t['rows'][1:]}
    if got != want:
        ok = False
        print('rows differ', group, sorted(want ^ got)[:5])
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
