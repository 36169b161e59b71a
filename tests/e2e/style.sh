# The PDF, the ODT, the DOCX and the HTML wear one house style: for the
# built-in template and for tests/templates/all-values.xml (which sets every
# value a template can set), `render --dump-style` gives the style, and
# tests/style_check.py reads the four files and compares every size,
# spacing, rule and colour with it.  A copy of each file with one value
# changed by hand must fail.
. "$SR_TOP/tests/lib.sh"
export SOURCE_DATE_EPOCH=1735689600
# shellcheck disable=SC2086
set -- $PLAN $STATUSES
CHECK="$SR_TOP/tests/style_check.py"
if ! have qpdf || ! have pdftotext || ! have python3; then
	skip "style" "needs qpdf, pdftotext and python3"
	exit 0
fi

for t in arsrapport "$SR_TOP/tests/templates/all-values.xml"; do
	name=$(basename "$t" .xml)
	mkdir -p "$name"
	expect_exit "$name: --dump-style" 0 "$SR" render --dump-style -t "$t" "$@"
	"$SR" render --dump-style -t "$t" "$@" > "$name/style.txt" 2>/dev/null
	expect_exit "$name: renders" 0 "$SR" render -q -t "$t" -f pdf,odt,docx,html -O "$name" "$@"
	pdf=$(ls "$name"/*.pdf 2>/dev/null | head -1)
	odt=$(ls "$name"/*.odt 2>/dev/null | head -1)
	docx=$(ls "$name"/*.docx 2>/dev/null | head -1)
	html=$(ls "$name"/*.html 2>/dev/null | head -1)
	if [ -z "$pdf" ] || [ -z "$odt" ] || [ -z "$docx" ] || [ -z "$html" ]; then
		fail "$name: every format" "no PDF, ODT, DOCX or HTML written"
		continue
	fi
	if out=$(python3 "$CHECK" "$name/style.txt" "$pdf" "$odt" "$docx" "$html" 2>&1); then
		pass "$name: the PDF, the ODT, the DOCX and the HTML wear the style"
	else
		fail "$name: the PDF, the ODT, the DOCX and the HTML wear the style" \
			"$(printf '%s' "$out" | head -8)"
	fi
done

# The test template changes every value a template can set (a report of
# the progress set carries no symbol of the achievement set's, 7 to 10).
keys=$(cut -d' ' -f1 arsrapport/style.txt | grep -v -E \
	'^(status\.([7-9]|10)\.symbol|para\.body\.(bold|keep-with-next)|para\.min-lines|table\.leading|list\.label-gap|toc\..*|furniture\..*|title\.rule.*|logo\..*|status\.0\..*|on-track\..*|behind\..*|chart\.(title|label|axis|grid|track|base|target|on-track|behind|unknown|no-status.*)|chart\..*line)$')
# shellcheck disable=SC2086
if out=$(python3 "$CHECK" differ arsrapport/style.txt all-values/style.txt $keys 2>&1); then
	pass "all-values sets every template value"
else
	fail "all-values sets every template value" "$(printf '%s' "$out" | head -5)"
fi

# One value drifted by hand in either file is caught.
pdf=$(ls arsrapport/*.pdf | head -1)
odt=$(ls arsrapport/*.odt | head -1)
python3 - "$odt" drift.odt <<'EOF'
import re, sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w")
for i in src.infolist():
    data = src.read(i)
    if i.filename == "styles.xml":
        # Heading 1 a point smaller
        data = re.sub(rb'(style:name="Heading_20_1".*?fo:font-size=")([\d.]+)pt',
                      lambda m: m.group(1) + b"%.1fpt" % (float(m.group(2)) - 1), data, 1, re.S)
    dst.writestr(i, data)
dst.close()
EOF
if python3 "$CHECK" arsrapport/style.txt "$pdf" drift.odt >/dev/null 2>&1; then
	fail "a drifted ODT heading size is caught" "style_check.py passed it"
else
	pass "a drifted ODT heading size is caught"
fi
qpdf --qdf --object-streams=disable "$pdf" drift-qdf.pdf >/dev/null 2>&1
python3 - drift-qdf.pdf drift.pdf <<'EOF'
import sys
data = open(sys.argv[1], "rb").read()
# heading 1 (18.7 pt) set at 17.7 pt, the same number of bytes
open(sys.argv[2], "wb").write(data.replace(b" 18.7 Tf", b" 17.7 Tf"))
EOF
if python3 "$CHECK" arsrapport/style.txt drift.pdf "$odt" >/dev/null 2>&1; then
	fail "a drifted PDF heading size is caught" "style_check.py passed it"
else
	pass "a drifted PDF heading size is caught"
fi

docx=$(ls arsrapport/*.docx | head -1)
html=$(ls arsrapport/*.html | head -1)
python3 - "$docx" drift.docx <<'EOF'
import re, sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w")
for i in src.infolist():
    data = src.read(i)
    if i.filename == "word/styles.xml":
        # Heading 1 a point smaller (two half-points)
        data = re.sub(rb'(w:styleId="Heading1".*?<w:sz w:val=")(\d+)',
                      lambda m: m.group(1) + b"%d" % (int(m.group(2)) - 2), data, 1, re.S)
    dst.writestr(i, data)
dst.close()
EOF
if python3 "$CHECK" arsrapport/style.txt "$pdf" "$odt" drift.docx >/dev/null 2>&1; then
	fail "a drifted DOCX heading size is caught" "style_check.py passed it"
else
	pass "a drifted DOCX heading size is caught"
fi
# the table cells' padding a little wider
sed 's/\(th,td{[^}]*padding:\)[0-9.]*em/\10.6em/' "$html" > drift.html
if cmp -s "$html" drift.html; then
	fail "a drifted HTML padding is caught" "the padding was not found to change"
elif python3 "$CHECK" arsrapport/style.txt "$pdf" "$odt" drift.html >/dev/null 2>&1; then
	fail "a drifted HTML padding is caught" "style_check.py passed it"
else
	pass "a drifted HTML padding is caught"
fi

# A style value a template gets wrong is refused where it stands.
sed -e 's/leading="1.45"/leading="abc"/' -e 's/palette="#7A1F3D/palette="red #7A1F3D/' \
	"$SR_TOP/tests/templates/all-values.xml" > bad-style.xml
expect_exit "a bad style value is refused" 1 "$SR" validate -t bad-style.xml "$PLAN"
contains "a bad leading is shown where it stands" "$ERR" 'bad-style.xml:10:3: error: leading="abc" is not a number'
contains "a bad palette is shown" "$ERR" 'palette="red #7A1F3D'
