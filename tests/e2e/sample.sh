# The bundled sample: valid, and its tree shows every measure of the seed.
. "$SR_TOP/tests/lib.sh"
# shellcheck disable=SC2086
expect_exit "sample validates" 0 "$SR" validate $PLAN $STATUSES
contains "validate summary" "$ERR" "valid (60 measures, 6 owners, 4 status files)"
# shellcheck disable=SC2086
"$SR" render --dump-tree $PLAN $STATUSES > tree.txt 2>err.txt
rc=$?
if [ "$rc" -eq 0 ] && [ -s tree.txt ]; then pass "dump-tree exit 0"; else fail "dump-tree exit 0" "exit $rc: $(head -3 err.txt)"; fi
python3 - "$PLAN" tree.txt "$SHARED/seeds/handlingsplan-forskning-2023-2026.txt" > py.txt 2>&1 <<'PY'
import re, sys, os
import xml.etree.ElementTree as ET
ns = {'s': 'urn:statusrapport:1'}
plan, tree, seed = sys.argv[1:4]
norm = lambda t: re.sub(r'\s+', ' ', t).strip()
dump = open(tree, encoding='utf-8').read()
texts = re.findall(r'^\s*text "(.*)"$', dump, re.M)
alltext = norm(' '.join(t.replace('\\"', '"') for t in texts))
root = ET.parse(plan).getroot()
ms = root.findall('.//s:measure', ns)
print('measures', len(ms))
missing = []
for m in ms:
    t = norm(''.join(m.find('s:text', ns).itertext()))
    # the tree keeps list items as separate paragraphs; check each piece
    for piece in [norm(''.join(x.itertext())) for x in m.find('s:text', ns).iter() if x.tag.endswith(('}p', '}li'))] or [t]:
        if piece and piece not in alltext:
            missing.append((m.get('id'), piece[:60]))
print('missing-in-tree', len(missing), missing[:3])
if os.path.exists(seed):
    s = open(seed, encoding='utf-8').read()
    s = norm(re.sub(r'-\s*\n\s*', '-', s).replace('\n', ' '))
    s2 = s.replace('- ', '-')
    notseed = []
    for m in ms:
        for x in m.find('s:text', ns).iter():
            if x.tag.endswith(('}p', '}li', '}text')) and (x.text or '').strip():
                piece = norm(x.text)
                words = piece.split()[:6]
                if ' '.join(words) not in s and ' '.join(words) not in s2:
                    notseed.append((m.get('id'), piece[:50]))
    print('not-in-seed', len(notseed), notseed[:3])
else:
    print('seed-absent')
PY
out=$(cat py.txt)
contains "60 measures in the sample" "$out" "measures 60"
contains "every measure's text in the tree" "$out" "missing-in-tree 0 "
case "$out" in
*seed-absent*) missing "sample measures match the seed" "../shared/seeds not present" ;;
*) contains "sample measures match the seed" "$out" "not-in-seed 0 " ;;
esac
# "St. Olavs" is set with a no-break space
tree=$(sed 's/\xc2\xa0/ /g' tree.txt)
for owner in "Helse Midt-Norge RHF" "St. Olavs hospital HF" "Helse Nord-Trøndelag HF" "Helse Møre og Romsdal HF" "Regionalt brukerutvalg"; do
	contains "owner $owner in tree" "$tree" "$owner"
done
contains "year-over-year change shown, with its symbol" "$tree" "var ► Pågår i 2023"
contains "status matrix present" "$tree" "anchor=status-per-hf"
# languages
# shellcheck disable=SC2086
nn=$("$SR" render --dump-tree --lang nn $PLAN $STATUSES 2>&1) || fail "nynorsk dump-tree" "exit $?"
contains "nynorsk labels" "$nn" "Samandrag"
# shellcheck disable=SC2086
en=$("$SR" render --dump-tree --lang en $PLAN $STATUSES 2>&1) || fail "english dump-tree" "exit $?"
contains "english labels" "$en" "Status report 2024"
# a per-owner tree holds exactly the measures that owner is responsible for
# shellcheck disable=SC2086
"$SR" render --dump-tree --owner rbu $PLAN $STATUSES > rbu.txt 2>&1 || fail "rbu dump-tree" "exit $?"
n=$(grep -cE '^ +text "[0-9]+(\.[0-9]+)+ "$' rbu.txt)
want=$(grep -c '<responsible ref="rbu"' "$PLAN")
if [ "$n" -eq "$want" ]; then pass "rbu report has its $want measures"; else fail "rbu measures" "$n rows, wanted $want"; fi
# usage errors
expect_exit "no arguments" 2 "$SR"
expect_exit "unknown command" 2 "$SR" frobnicate "$PLAN"
expect_exit "unknown option" 2 "$SR" render --bogus "$PLAN"
expect_exit "bad format" 2 "$SR" render -f rtf "$PLAN"
contains "bad format: the known ones named" "$ERR" "the formats are docx, html, odt, pdf"
expect_exit "-f and -o's extension disagree" 2 "$SR" render -f odt -o a.pdf "$PLAN"
contains "-f and -o disagree: said so" "$ERR" "-f odt and 'a.pdf' disagree"
[ -e a.pdf ] && fail "-f and -o disagree: nothing written" "a.pdf exists" || pass "-f and -o disagree: nothing written"
expect_exit "-o of no known format" 2 "$SR" render -o a.txt "$PLAN"
expect_exit "-o with several formats" 2 "$SR" render -f odt,pdf -o a.pdf "$PLAN"
# shellcheck disable=SC2086
expect_exit "-f agrees with -o" 0 "$SR" render -q -f pdf -o agree.pdf "$PLAN" $STATUSES
check "-f agrees with -o: the file" test -s agree.pdf
expect_exit "-o and -O" 2 "$SR" render -o a.pdf -O . "$PLAN"
expect_exit "unknown owner" 2 "$SR" render --dump-tree --owner nobody "$PLAN"
expect_exit "year outside" 2 "$SR" render --dump-tree --year 2030 "$PLAN"
expect_exit "missing file" 1 "$SR" validate no-such-plan.xml
expect_exit "help" 0 "$SR" render --help
expect_exit "version" 0 "$SR" --version
# the help text and the man page name the same formats, the table's
"$SR" render --help > help.txt 2>&1
fmts=$(sed -n 's/.*the formats, comma-separated: \([a-z, ]*\) (default.*/\1/p' help.txt)
contains "help: the formats listed" "$fmts" "pdf"
contains "man page: the same formats as --help" "$(cat "$SR_TOP/man/statusrapport.1")" "comma-separated: $fmts (default"
