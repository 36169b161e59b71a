# The PDF and the ODT wear one house style: for the built-in template and
# for tests/templates/all-values.xml (which sets every value a template
# can set), `render --dump-style` gives the style, and tests/style_check.py
# reads both files and compares every size, spacing, rule and colour with
# it.  A copy of each file with one value changed by hand must fail.
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
	expect_exit "$name: renders" 0 "$SR" render -q -t "$t" -f pdf,odt -O "$name" "$@"
	pdf=$(ls "$name"/*.pdf 2>/dev/null | head -1)
	odt=$(ls "$name"/*.odt 2>/dev/null | head -1)
	if [ -z "$pdf" ] || [ -z "$odt" ]; then
		fail "$name: both formats" "no PDF or ODT written"
		continue
	fi
	if out=$(python3 "$CHECK" "$name/style.txt" "$pdf" "$odt" 2>&1); then
		pass "$name: the PDF and the ODT wear the style"
	else
		fail "$name: the PDF and the ODT wear the style" "$(printf '%s' "$out" | head -8)"
	fi
done

# The test template changes every value a template can set.
keys=$(cut -d' ' -f1 arsrapport/style.txt | grep -v -E \
	'^(para\.body\.(bold|keep-with-next)|para\.min-lines|table\.leading|list\.label-gap|toc\..*|furniture\..*|title\.rule.*|logo\..*|status\.0\..*|on-track\..*|behind\..*|chart\.(title|label|axis|grid|track|base|target|on-track|behind|unknown|no-status.*)|chart\..*line)$')
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
# heading 1 (17 pt) set at 16 pt, the same number of bytes
open(sys.argv[2], "wb").write(data.replace(b" 17 Tf", b" 16 Tf"))
EOF
if python3 "$CHECK" arsrapport/style.txt drift.pdf "$odt" >/dev/null 2>&1; then
	fail "a drifted PDF heading size is caught" "style_check.py passed it"
else
	pass "a drifted PDF heading size is caught"
fi

# A style value a template gets wrong is refused where it stands.
sed -e 's/leading="1.45"/leading="abc"/' -e 's/palette="#7A1F3D/palette="red #7A1F3D/' \
	"$SR_TOP/tests/templates/all-values.xml" > bad-style.xml
expect_exit "a bad style value is refused" 1 "$SR" validate -t bad-style.xml "$PLAN"
contains "a bad leading is shown where it stands" "$ERR" 'bad-style.xml:10:3: error: leading="abc" is not a number'
contains "a bad palette is shown" "$ERR" 'palette="red #7A1F3D'
