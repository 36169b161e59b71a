# board.sh: the board paper (-t styremote) and the executive page of the
# annual report.  What must be there is computed from the sample's XML,
# not written down: the deviations (delayed, not started, cancelled) and
# the measures that fell back since last year, by id; the paper's case
# details are those given, and none that was not.  Every format is read
# with tests/content_check.py's readers.
. "$SR_TOP/tests/lib.sh"
export SOURCE_DATE_EPOCH=1795000000
need "board: tools" pdftotext pdfinfo || exit 0
# shellcheck disable=SC2086
set -- $PLAN $STATUSES
ID=hmn-forskning-2023-2026-2024
CASE="$SAMPLES/styresak-2024.xml"

# The sample's overall statuses are the regional owner's (type rhf): its
# deviations this year and the measures that fell back since last year,
# in plan order, by the same ranks as the report's.
python3 - "$@" > expect.txt <<'PY'
import sys
import xml.etree.ElementTree as ET
NS = "{urn:statusrapport:1}"
plan = ET.parse(sys.argv[1]).getroot()
rhf = {o.get("id") for o in plan.iter(NS + "owner") if o.get("type") == "rhf"}
st = {}
for m in plan.iter(NS + "measure"):
    for s in m.findall(NS + "status"):
        if s.get("owner") in rhf:
            st[(m.get("id"), int(s.get("year")))] = s.get("value")
for f in sys.argv[2:]:
    r = ET.parse(f).getroot()
    if r.get("owner") in rhf:
        for s in r.findall(NS + "status"):
            st[(s.get("measure"), int(r.get("year")))] = s.get("value")
year = max(y for _, y in st)
order = [m.get("id") for m in plan.iter(NS + "measure")]
rank = {"not-started": 1, "delayed": 1, "in-progress": 2, "ongoing": 2, "completed": 3}
def change(a, b):
    if not a or not b or a == b or "cancelled" in (a, b):
        return 0
    if b == "delayed":
        return -1
    return (rank[b] > rank[a]) - (rank[b] < rank[a])
def ids(xs):
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " og " + xs[-1]
for v in ("delayed", "not-started", "cancelled"):
    xs = [i for i in order if st.get((i, year)) == v]
    print(v, ids(xs) if xs else "-")
back = [i for i in order if change(st.get((i, year - 1)), st.get((i, year))) < 0]
print("back", ids(back) if back else "-")
print("deviation-ids", " ".join(i for i in order if st.get((i, year)) in ("delayed", "not-started", "cancelled")))
print("back-ids", " ".join(back))
# each deviation's comment, for the paper's rows
com = {}
for f in sys.argv[2:]:
    r = ET.parse(f).getroot()
    if r.get("owner") in rhf and int(r.get("year")) == year:
        for s in r.findall(NS + "status"):
            com[s.get("measure")] = " ".join("".join(s.itertext()).split())
with open("comments.txt", "w", encoding="utf-8") as out:
    for i in order:
        if st.get((i, year)) in ("delayed", "not-started", "cancelled") and com.get(i):
            out.write("%s\t%s\n" % (i, com[i][:60]))
PY
want() { sed -n "s/^$1 //p" expect.txt; }
DEV_IDS=$(want deviation-ids)
BACK_IDS=$(want back-ids)
[ -n "$DEV_IDS" ] || fail "board: the sample has deviations" "none computed: $(cat expect.txt)"
contains "board: the sample has a cancelled measure" "$(want cancelled)" "."

# text FILE: the report's text as content_check.py's reader for its format
# sees it
text() {
	python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import content_check as c, os
t, _ = c.FORMATS[os.path.splitext(sys.argv[2])[1]](sys.argv[2]); print(t)' "$SR_TOP/tests" "$1"
}
# comments FILE: each deviation's comment that FILE lacks, one a line
comments() {
	python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import content_check as c, os
t, _ = c.FORMATS[os.path.splitext(sys.argv[2])[1]](sys.argv[2]); hay = c.squash(t)
for line in open("comments.txt", encoding="utf-8"):
    i, want = line.rstrip("\n").split("\t")
    if c.squash(want) not in hay: print("no comment for", i)' "$SR_TOP/tests" "$1"
}
# has_id NAME TEXT ID: the id on its own, not as part of a longer id
has_id() {
	if printf '%s' "$2" | grep -Eq "(^|[^0-9.])$(printf '%s' "$3" | sed 's/\./\\./g')([^0-9]|\.[^0-9]|$)"
	then pass "$1"; else fail "$1" "$3 not found"; fi
}

# ---- the board paper in every format: case details from a file, one
# overridden on the command line, the default resolution ------------------
mkdir -p full part own nn en batch
sr "board: render styremote with --case" render -q -t styremote -O full --case "$CASE" \
	--case-officer "Ola Nordmann" "$@"
pages=$(pdfinfo "full/$ID.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
if [ -n "$pages" ] && [ "$pages" -le 4 ]; then pass "board: at most 4 pages ($pages)"
else fail "board: at most 4 pages" "$pages pages"; fi
for fmt in pdf odt docx html; do
	f="full/$ID.$fmt"
	if [ ! -s "$f" ]; then fail "board: $fmt written" "no $f"; continue; fi
	t=$(text "$f")
	contains "board $fmt: Forslag til vedtak" "$t" "Forslag til vedtak"
	contains "board $fmt: the default resolution" "$t" "Styret tar statusrapporten for 2024 til orientering."
	contains "board $fmt: case number from the file" "$t" "12/2025"
	contains "board $fmt: meeting date in words" "$t" "12. februar 2025"
	contains "board $fmt: the option wins over the file" "$t" "Ola Nordmann"
	lacks "board $fmt: the file's officer is overridden" "$t" "Kari Nordmann"
	contains "board $fmt: archive reference" "$t" "2025/123-4"
	contains "board $fmt: the assessment" "$t" "Vurdering"
	for id in $DEV_IDS $BACK_IDS; do
		has_id "board $fmt: deviation or fall-back $id" "$t" "$id"
	done
	missing=$(comments "$f")
	if [ -s comments.txt ] && [ -z "$missing" ]; then
		pass "board $fmt: every deviation's row with its comment ($(wc -l < comments.txt))"
	else
		fail "board $fmt: every deviation's row with its comment" "${missing:-no comments computed}"
	fi
	contains "board $fmt: the region's own summary" "$t" "Avvik styret bør merke seg"
	contains "board $fmt: the goals' trend column" "$t" "Utvikling"
done
t=$(text "full/$ID.pdf")
contains "board: the cancelled measures in the assessment" "$t" "er avbrutt ($(want cancelled))"
contains "board: the delayed measures in the assessment" "$t" "er forsinket ($(want delayed))"

# no charts, and no counts table beside the key messages (no number twice)
"$SR" render --dump-tree -t styremote "$@" > board.tree 2>/dev/null
lacks "board: no charts in the board paper" "$(cat board.tree)" "chart "
lacks "board: no counts table in the board paper" "$(cat board.tree)" "anchor=status-antall"

# ---- only some details, and a resolution of its own -------------------------
sr "board: render with some case details" render -q -t styremote -f pdf,html -O part \
	--case-number 7/2025 --meeting-date 2025-03-05 --resolution "Styret ber om en ny plan." "$@"
for fmt in pdf html; do
	t=$(text "part/$ID.$fmt")
	contains "board $fmt: the given case number" "$t" "7/2025"
	contains "board $fmt: the given resolution" "$t" "Styret ber om en ny plan."
	lacks "board $fmt: no default resolution beside it" "$t" "til orientering"
	lacks "board $fmt: no case officer when none is given" "$t" "Saksbehandler"
	lacks "board $fmt: no archive reference when none is given" "$t" "Arkivreferanse"
done

# batch takes the same details for its owners' board papers
sr "board: batch -t styremote with case details" batch -q -j 1 -t styremote --owners stolav -f html \
	-O batch --case-number 9/2025 --meeting-date 2025-04-01 "$@"
t=$(text "batch/$ID-stolav.html")
contains "board batch: the case number" "$t" "9/2025"
contains "board batch: the meeting date" "$t" "1. april 2025"

# ---- Nynorsk and English --------------------------------------------------
sr "board: render styremote --lang nn" render -q -t styremote -f pdf -O nn --lang nn \
	--meeting-date 2025-02-12 "$@"
t=$(text "nn/$ID.pdf")
contains "board nn: Framlegg til vedtak" "$t" "Framlegg til vedtak"
contains "board nn: the resolution" "$t" "Styret tek statusrapporten for 2024 til orientering."
contains "board nn: the meeting date" "$t" "Møtedato"
contains "board nn: the assessment's words" "$t" "tiltak er forseinka"
sr "board: render styremote --lang en" render -q -t styremote -f pdf -O en --lang en \
	--meeting-date 2025-02-12 "$@"
t=$(text "en/$ID.pdf")
contains "board en: Proposed resolution" "$t" "Proposed resolution"
contains "board en: the resolution" "$t" "The board takes note of the status report for 2024."
contains "board en: the meeting date" "$t" "12 February 2025"
contains "board en: a list of ids" "$t" "$(want delayed | sed 's/ og / and /')"

# ---- the executive page of the annual report --------------------------------
sr "board: render arsrapport" render -q -f pdf -O own "$@"
# the executive page: the first whose text holds the key messages' heading
xp=$(for p in 1 2 3 4 5 6; do
	pdftotext -f $p -l $p "own/$ID.pdf" - 2>/dev/null | grep -qx "Hovedbudskap" && echo $p
done | head -1)
xp=${xp:-0}
first=$(pdftotext -f "$xp" -l "$xp" "own/$ID.pdf" - 2>/dev/null | tr '\n' ' ' | tr -s ' ')
contains "board: key messages on the first page after the contents" "$first" "Hovedbudskap"
contains "board: key message with the delayed ids" "$first" "er forsinket ($(want delayed))"
contains "board: key message with the ids that fell back" "$first" "har falt tilbake siden 2023: $(want back)"
# the sample's goals have long names: counted, not quoted and cut
contains "board: key message counts the goals behind" "$first" "av 5 mål er ikke i rute."
lacks "board: no goal name cut inside quotes on the executive page" "$first" "…»"
# a deviation by its measure's <short>, whole, not a sentence cut mid-phrase
contains "board: a deviation by its one-line title" "$first" "1.1.1 Forsinket: Elektronisk samtykke til kliniske studier"
# the headline figures stand out: set larger than their labels (the
# lead role, as in the ODT and the DOCX)
fig=$(pdftotext -f "$xp" -l "$xp" -bbox "own/$ID.pdf" - 2>/dev/null | python3 -c '
import re, sys
words = re.findall(r"yMin=\"([\d.]+)\" xMax=\"[\d.]+\" yMax=\"([\d.]+)\">([^<]*)<", sys.stdin.read())
h = lambda w: float(w[1]) - float(w[0])
label = [h(w) for w in words if w[2] == "alt"]
nums = [h(w) for w in words if w[2].isdigit()]
print("figures-larger" if label and nums and max(nums) > 1.15 * label[0] else "figures-not-larger %s %s" % (label[:1], max(nums or [0])))')
contains "board: the headline figures are set larger than their labels" "$fig" "figures-larger"
lacks "board: the headline figures are set larger than their labels (not smaller)" "$fig" "figures-not-larger"
contains "board: the reporting owners' lead-in" "$(text "own/$ID.pdf")" "Statusrapporter mottatt fra:"
"$SR" render --dump-tree "$@" > annual.tree 2>/dev/null
for id in $DEV_IDS; do
	contains "board: deviation $id links to its row" "$(cat annual.tree)" "link href=\"#tiltak-$id\""
done
# the PDF: each deviation's link leads to the page that holds its row
if /usr/bin/python3 -c 'import pikepdf' 2>/dev/null; then
	got=$(/usr/bin/python3 - "own/$ID.pdf" "$xp" <<'PY'
import subprocess, sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
xp = int(sys.argv[2])
pages = [pg.obj.objgen for pg in pdf.pages]
# the deviations' list starts on the executive page and may run onto the next
for no, pg in enumerate(pdf.pages[xp - 1:xp + 1], xp):
    for a in pg.obj.get("/Annots", []):
        d = a.get("/Dest")
        if d is None:
            continue
        to = pages.index(d[0].objgen) + 1
        r = a.get("/Rect")
        # the link's own text: the words inside its rectangle
        h = float(pg.obj.MediaBox[3])
        box = subprocess.run(["pdftotext", "-f", str(no), "-l", str(no), "-x", str(int(float(r[0]))),
                              "-y", str(int(h - float(r[3]))), "-W", str(int(float(r[2]) - float(r[0])) + 1),
                              "-H", str(int(float(r[3]) - float(r[1])) + 1), sys.argv[1], "-"],
                             capture_output=True, text=True).stdout.split()
        mid = box[0] if box else "?"
        there = subprocess.run(["pdftotext", "-f", str(to), "-l", str(to), sys.argv[1], "-"],
                               capture_output=True, text=True).stdout
        print(mid, "ok" if mid + " " in there or mid + "\n" in there else "not-on-%d" % to)
PY
)
	for id in $DEV_IDS; do
		contains "board pdf: $id links to the page of its row" "$got" "$id ok"
	done
else
	missing "board pdf: deviation links" "needs python3-pikepdf"
fi
# the web edition: each deviation's link leads to its row on the page
sr "board: render arsrapport html" render -q -f html -O own "$@"
html=$(cat "own/$ID.html" 2>/dev/null)
for id in $DEV_IDS; do
	contains "board html: $id links to its row" "$html" "href=\"#tiltak-$id\""
	contains "board html: the row $id is there" "$html" "id=\"tiltak-$id\""
done
# the ODT and the DOCX: a bookmark on each deviation's row, and the link to it
sr "board: render arsrapport odt, docx" render -q -f odt,docx -O own "$@"
odt=$(unzip -p "own/$ID.odt" content.xml 2>/dev/null)
docx=$(unzip -p "own/$ID.docx" word/document.xml 2>/dev/null)
for id in $DEV_IDS; do
	contains "board odt: $id links to its row" "$odt" "xlink:href=\"#tiltak-$id\""
	contains "board odt: the row $id has its bookmark" "$odt" "<text:bookmark text:name=\"tiltak-$id\"/>"
	mark="tiltak_$(printf '%s' "$id" | tr . _)"
	contains "board docx: $id links to its row" "$docx" "w:anchor=\"$mark\""
	contains "board docx: the row $id has its bookmark" "$docx" "w:name=\"$mark\""
done
# a trust's report speaks of its own figures
"$SR" render --dump-tree --owner stolav "$@" > stolav.tree 2>/dev/null
contains "board: a trust's report has key messages" "$(cat stolav.tree)" "anchor=hovedbudskap"

# ---- bad case details ------------------------------------------------------
printf '<?xml version="1.0"?>\n<case xmlns="urn:statusrapport:case:1">\n  <meeting-date>2025-02-30</meeting-date>\n</case>\n' > bad-date.xml
expect_exit "board: a case file with a bad date fails" 1 "$SR" render -q -t styremote -O x --case bad-date.xml "$@"
contains "board: the bad date at its place" "$ERR" "bad-date.xml:3:3: error: the meeting date"
printf '<case xmlns="urn:statusrapport:case:1"><number>1</number>' > broken.xml
expect_exit "board: a broken case file fails" 1 "$SR" render -q -t styremote -O x --case broken.xml "$@"
contains "board: the broken file at its place" "$ERR" "broken.xml:1:"
expect_exit "board: a bad --meeting-date is a usage error" 2 "$SR" render -q -t styremote -O x --meeting-date 2025-13-01 "$@"
contains "board: the bad option named" "$ERR" "--meeting-date"
