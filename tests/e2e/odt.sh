# odt.sh: the ODT backend judged by real readers -- validate-odt (strict
# ODF 1.3 RELAX NG) and LibreOffice -- on two packages:
#   sample.odt  the unit tests' sample document (tests/unit/odt_sample.h),
#               written by the test_odt binary: needs no CLI (and edge.odt,
#               its corner cases, for the validator only);
#   out.odt     the real sample plan rendered by `$SR render -f odt`.
# LibreOffice runs once for both files (it takes seconds).
. "$SR_TOP/tests/lib.sh"

VALIDATE="$SHARED/odf-schema/validate-odt"
EPOCH=1795420800 # 2026-11-23 08:00 UTC
TEST_ODT="$(dirname "$SR")/tests/test_odt"

validate() { # NAME FILE
	need_file "$1" "$VALIDATE" || return
	local out
	if out=$("$VALIDATE" "$2" 2>&1); then pass "$1"; else fail "$1" "$(printf '%s' "$out" | head -5)"; fi
}

# python3 checks on content.xml: the contents body is filled, and every
# table that has header rows keeps them in table:table-header-rows.
structure() { # FILE
	python3 - "$1" <<'EOF'
import sys, zipfile, xml.etree.ElementTree as ET
T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TB = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("content.xml"))
tocs = root.findall(".//" + T + "table-of-content")
assert tocs, "no text:table-of-content"
for toc in tocs:
    entries = toc.findall(T + "index-body/" + T + "p")
    assert entries and all("".join(p.itertext()).strip() for p in entries), "TOC body empty"
heads = root.findall(".//" + T + "h")
assert heads, "no text:h"
for t in root.iter(TB + "table"):
    hr = t.findall(TB + "table-header-rows")
    assert len(hr) == 1 and hr[0].findall(TB + "table-row"), "table %s: no header rows" % t.get(TB + "name")
    first = [c for c in t if c.tag in (TB + "table-header-rows", TB + "table-row")][0]
    assert first.tag == TB + "table-header-rows", "a row before the header rows"
print(len(heads), "headings", len(list(root.iter(TB + "table"))), "tables")
EOF
}

# --- the unit tests' sample document ------------------------------------
have_sample=0
if [ -x "$TEST_ODT" ] && ODT_SAMPLE_OUT="$PWD/sample.odt" ODT_EDGE_OUT="$PWD/edge.odt" \
	"$TEST_ODT" >/dev/null 2>&1 && [ -s sample.odt ] && [ -s edge.odt ]; then
	have_sample=1
	pass "sample: written by test_odt"
	validate "sample: validate-odt" sample.odt
	validate "edge cases: validate-odt" edge.odt
	if out=$(structure sample.odt 2>&1); then pass "sample: TOC filled, header rows"; else
		fail "sample: TOC filled, header rows" "$out"; fi
else
	fail "sample: written by test_odt" "$TEST_ODT did not write sample.odt"
fi

# --- the real sample through the CLI -----------------------------------
have_cli=0
SOURCE_DATE_EPOCH=$EPOCH "$SR" render -f odt -o out.odt "$PLAN" $STATUSES >/dev/null 2>err.txt
rc=$?
if [ "$rc" -eq 0 ] && [ -s out.odt ]; then
	have_cli=1
	pass "cli: render -f odt"
	if [ "$(grep -vc '^statusrapport: wrote ' err.txt)" -eq 0 ]; then
		pass "cli: a clean ODT render says only what it wrote"
	else
		fail "cli: a clean ODT render says only what it wrote" "stderr: $(head -c 300 err.txt)"
	fi
else
	fail "cli: render -f odt" "exit $rc: $(head -5 err.txt)"
fi
if [ "$have_cli" -eq 1 ]; then
	validate "cli: validate-odt" out.odt
	if out=$(structure out.odt 2>&1); then pass "cli: TOC filled, header rows"; else
		fail "cli: TOC filled, header rows" "$out"; fi
	# A status word heading a column wears its status's colour, in bold,
	# as in the PDF: the fill's paragraph style, bold.
	if out=$(python3 - out.odt 2>&1 <<'EOF'
import sys, zipfile, xml.etree.ElementTree as ET
T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TB = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
S = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("content.xml"))
auto = {s.get(S + "name"): s for s in root.iter(S + "style")}
p = next(p for h in root.iter(TB + "table-header-rows") for p in h.iter(T + "p")
         if "".join(p.itertext()) == "Forsinket")
st = auto[p.get(T + "style-name")]
tp = st.find(S + "text-properties")
assert st.get(S + "parent-style-name") == "status-delayed", st.get(S + "parent-style-name")
assert tp is not None and tp.get(FO + "font-weight") == "bold", "not bold"
EOF
	); then pass "cli: a status heading a column in its colour, bold"; else
		fail "cli: a status heading a column in its colour, bold" "$out"; fi
	# A note in a status cell (last year's status) is in the status's
	# colour at the table's note size, as in the PDF.
	if out=$(python3 - out.odt 2>&1 <<'EOF'
import sys, zipfile, xml.etree.ElementTree as ET
T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
S = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
z = zipfile.ZipFile(sys.argv[1])
root = ET.fromstring(z.read("content.xml"))
named = {s.get(S + "name"): s for s in ET.fromstring(z.read("styles.xml")).iter(S + "style")}
auto = {s.get(S + "name"): s for s in root.iter(S + "style")}
note = named["Table_20_Note"].find(S + "text-properties").get(FO + "font-size")
p = next(p for p in root.iter(T + "p") if "".join(p.itertext()).startswith("var ") and "Pågår i" in "".join(p.itertext()))
st = auto[p.get(T + "style-name")]
assert st.get(S + "parent-style-name").startswith("status-"), st.get(S + "parent-style-name")
size = st.find(S + "text-properties").get(FO + "font-size")
assert size == note, "%s, the note size %s" % (size, note)
EOF
	); then pass "cli: a note in a status cell: its colour, the note size"; else
		fail "cli: a note in a status cell: its colour, the note size" "$out"; fi
	SOURCE_DATE_EPOCH=$EPOCH expect_exit "cli: second render" 0 "$SR" render -q -f odt -o again.odt "$PLAN" $STATUSES
	check "cli: two renders byte-identical" cmp out.odt again.odt
fi

# --- LibreOffice reads both, once ---------------------------------------
files=()
[ "$have_sample" -eq 1 ] && files+=(sample.odt)
[ "$have_cli" -eq 1 ] && files+=(out.odt)
if ! need "libreoffice" soffice; then
	:
elif [ "${#files[@]}" -gt 0 ]; then
	profile="$PWD/lo-profile"
	timeout 180 soffice -env:UserInstallation="file://$profile" --headless \
		--convert-to txt:Text --outdir "$PWD/txt" "${files[@]}" >/dev/null 2>&1
	if [ "$have_sample" -eq 1 ]; then
		if [ -s txt/sample.txt ]; then
			pass "sample: LibreOffice converts it"
			t=$(cat txt/sample.txt)
			contains "sample: owner with æøå" "$t" "Helse Møre og Romsdal HF"
			contains "sample: emphasis text" "$t" "forskningsstøtteenhetene"
			contains "sample: quotes and dash" "$t" "«Forskning skal være en integrert del av pasientbehandlingen» — i alle helseforetak."
			contains "sample: spaces kept" "$t" "Mellomrom:  to,   tre"
			contains "sample: status word" "$t" "Forsinket"
		else
			fail "sample: LibreOffice converts it" "no txt/sample.txt"
		fi
	fi
	if [ "$have_cli" -eq 1 ]; then
		if [ -s txt/out.txt ]; then
			pass "cli: LibreOffice converts it"
			t=$(cat txt/out.txt)
			contains "cli: owner with æøå" "$t" "Helse Møre og Romsdal HF"
			contains "cli: measure text" "$t" "forskningsstøtteenhetene"
			contains "cli: owner" "$t" "Helse Nord-Trøndelag HF"
			contains "cli: focus area" "$t" "Sikre aktiv brukerinvolvering i forskning"
		else
			fail "cli: LibreOffice converts it" "no txt/out.txt"
		fi
	fi
fi

# --- the contents' page numbers, as LibreOffice paginates ------------------
# Each contents entry's number is a page reference the reader computes when
# it lays the text out.  LibreOffice converts three reports to PDF (the
# annual report, a trust's, the English one); in each, every entry must
# have a number and it must be the page its heading is on
# (tocpages.py), and the PDF must have within 15 % of our PDF's pages.
if need "toc pages" soffice pdftotext pdfinfo; then
	mkdir -p toc lotoc
	# shellcheck disable=SC2086
	for e in odt pdf; do
		"$SR" render -q -o "toc/nb.$e" "$PLAN" $STATUSES &&
		"$SR" render -q -o "toc/hf.$e" --owner stolav "$PLAN" $STATUSES &&
		"$SR" render -q -o "toc/en.$e" --lang en "$PLAN" $STATUSES
	done 2>err.txt
	timeout 300 soffice -env:UserInstallation="file://$PWD/lo-profile" --headless \
		--convert-to pdf --outdir "$PWD/lotoc" toc/nb.odt toc/hf.odt toc/en.odt >/dev/null 2>&1
	for r in nb:Innhold hf:Innhold en:Contents; do
		f=${r%%:*} title=${r#*:}
		if [ ! -s "lotoc/$f.pdf" ]; then
			fail "toc $f: LibreOffice converts it" "no lotoc/$f.pdf ($(head -c 200 err.txt))"
			continue
		fi
		n=$(unzip -p "toc/$f.odt" content.xml | grep -o '<text:bookmark-ref ' | wc -l)
		if out=$(python3 "$SR_TOP/tests/e2e/tocpages.py" "lotoc/$f.pdf" "$title" "$n" 2>&1); then
			pass "toc $f: $out"
		else
			fail "toc $f: every entry numbered with its heading's page" "$out"
		fi
		ours=$(pdfinfo "toc/$f.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
		theirs=$(pdfinfo "lotoc/$f.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
		if [ -n "$ours" ] && [ -n "$theirs" ] && [ $((theirs * 100)) -ge $((ours * 85)) ] &&
			[ $((theirs * 100)) -le $((ours * 115)) ]; then
			pass "toc $f: LibreOffice $theirs pages, ours $ours (within 15 %)"
		else
			fail "toc $f: page count within 15 % of ours" "LibreOffice ${theirs:-?}, ours ${ours:-?}"
		fi
	done
fi

# --- optional: LibreOffice updates the contents list ----------------------
# ODT_TOC_UPDATE=1: a second LibreOffice run (seconds, so not by default)
# updates the contents lists of sample.odt with a Basic macro put in the
# throwaway profile, and checks LibreOffice lists the same headings, now
# with page numbers.  The first run above made the profile: a macro put in
# before it would have been replaced.
if [ "${ODT_TOC_UPDATE:-0}" = 1 ] && have soffice && [ "$have_sample" -eq 1 ] &&
	[ -n "${profile:-}" ] && [ -d "$profile/user/basic/Standard" ]; then
	cp "$SR_TOP/tests/e2e/odt-toc-update.xba" "$profile/user/basic/Standard/Module1.xba"
	timeout 180 soffice -env:UserInstallation="file://$profile" --headless --invisible \
		"macro:///Standard.Module1.Upd(\"file://$PWD/sample.odt\",\"file://$PWD/updated.txt\")" \
		>/dev/null 2>&1
	if [ -s updated.txt ]; then
		t=$(cat updated.txt)
		contains "toc update: level 1 entry, page number" "$t" "$(printf '1\302\240Innledning\t1')"
		contains "toc update: level 3 entry, page number" "$t" "$(printf '1.1.1 Om tallene\t1')"
		case "$t" in
		*"$(printf 'innholdslisten)\t')"*)
			fail "toc update: left-out heading stays out" "it is listed" ;;
		*) pass "toc update: left-out heading stays out" ;;
		esac
	else
		fail "toc update" "the macro wrote no updated.txt"
	fi
fi

# --- libzip is linked, as a packager's tools expect -------------------------
# The binary names it among the libraries it needs, so ldd and
# dpkg-shlibdeps see it.
if have readelf; then
	contains "libzip: named among the binary's libraries" "$(readelf -d "$SR")" "[libzip.so"
else skip "libzip: named among the binary's libraries" "readelf not installed"; fi

# --- a report is all its formats or none -------------------------------------
# The PDF is rendered last; when it fails (its template's font is not
# installed), the formats staged before it are discarded: no file and no
# hidden temporary file is left.
sed 's/family="Liberation Sans"/family="No Such Font Zz"/' "$SR_TOP/templates/arsrapport.xml" > nofont.xml
mkdir -p nofont
# shellcheck disable=SC2086
expect_exit "a format that fails: exit 3" 3 "$SR" render -t nofont.xml -O nofont "$PLAN" $STATUSES
contains "a format that fails: says which font" "$ERR" 'font family "No Such Font Zz"'
if [ -z "$(ls -A nofont)" ]; then pass "a format that fails: no file, no temporary file left"
else fail "a format that fails: no file, no temporary file left" "$(ls -A nofont)"; fi
