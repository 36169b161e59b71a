# pdfa.sh: render --pdfa judged clause by clause (issue 9).
#
# No PDF/A validator can be installed here, so tests/pdfa_check.py (pikepdf)
# is the conformance ledger: each clause it prints becomes one check.  The
# PDF checks every PDF gets (qpdf, pdftotext, tests/pdf_check.py) run on the
# --pdfa output too, and two renders must be byte-identical.
. "$SR_TOP/tests/lib.sh"

export SOURCE_DATE_EPOCH=1795000000
CLI_AREA=${SR_PDF_AREA:-"62.36 70.87 532.916 770.02"}

# pikepdf is Debian's python3-pikepdf: the system python, which a python3
# earlier in PATH (pyenv, a venv) may not be.
PY=
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c "import pikepdf" >/dev/null 2>&1; then
		PY=$p
		break
	fi
done

# shellcheck disable=SC2086
"$SR" render --pdfa -f pdf -o a.pdf "$PLAN" $STATUSES > /dev/null 2> err.txt
rc=$?
if [ "$rc" -ne 0 ] || [ ! -s a.pdf ]; then
	fail "pdfa: render" "exit $rc: $(head -c 400 err.txt)"
	exit 0
fi
pass "pdfa: render"
if [ "$(grep -vc '^statusrapport: wrote ' err.txt)" -eq 0 ] && grep -q '^statusrapport: wrote ' err.txt; then
	pass "pdfa: a clean render says only what it wrote"
else
	fail "pdfa: a clean render says only what it wrote" "stderr: $(head -c 300 err.txt)"
fi

# the ledger
if [ -z "$PY" ]; then
	missing "pdfa: ledger" "no python3 with pikepdf (scripts/install-deps test)"
else
	"$PY" "$SR_TOP/tests/pdfa_check.py" a.pdf reader.txt > ledger.txt 2>&1
	lrc=$?
	n=0
	while IFS= read -r line; do
		case "$line" in
		"ok "*) pass "pdfa: ${line#ok }"; n=$((n + 1)) ;;
		"FAIL "*) c=${line#FAIL }; fail "pdfa: ${c%%:*}" "${c#*: }"; n=$((n + 1)) ;;
		esac
	done < ledger.txt
	if [ "$n" -lt 36 ] || { [ "$lrc" -ne 0 ] && ! grep -q "^FAIL" ledger.txt; }; then
		fail "pdfa: ledger ran" "exit $lrc, $n clauses: $(tail -5 ledger.txt)"
	fi
	# the screen reader's view, in document order
	# the cover's first two lines: the document type, then the title
	first=$(grep -v '^Document$' reader.txt | head -2)
	contains "pdfa: reader: the document type first" "$(printf '%s' "$first" | head -1)" \
		"P: Statusrapport 2024"
	contains "pdfa: reader: the title next" "$(printf '%s' "$first" | tail -1)" \
		"P: Regional handlingsplan for forskning"
	contains "pdfa: reader: H1 Sammendrag" "$(cat reader.txt)" "  H1: Sammendrag"
	contains "pdfa: reader: table header cells" "$(grep -A1 '^ *TH$' reader.txt)" "P: Innsatsområde"
	contains "pdfa: reader: list labels" "$(cat reader.txt)" "Lbl: •"
	contains "pdfa: reader: TOC entries are links" "$(grep -A1 '^    TOCI$' reader.txt)" "Link: Sammendrag "
	# the section order the template gives: summary, matrix, areas, owners
	order=$(grep -n -E '^  H1: (Sammendrag|Status per helseforetak|1 Følge opp|Vedlegg)' reader.txt |
		cut -d: -f1 | tr '\n' ' ')
	# shellcheck disable=SC2086
	if [ "$(echo $order | wc -w)" -eq 4 ] && [ "$(echo $order | tr ' ' '\n' | sort -n | tr '\n' ' ')" = "$order" ]; then
		pass "pdfa: reader: sections in document order"
	else
		fail "pdfa: reader: sections in document order" "lines $order"
	fi
	# the checker finds what it claims to: the plain PDF is no PDF/A
	# shellcheck disable=SC2086
	expect_exit "pdfa: plain render" 0 "$SR" render -q -f pdf -o plain.pdf "$PLAN" $STATUSES
	bad=$("$PY" "$SR_TOP/tests/pdfa_check.py" plain.pdf 2>&1 | grep -c '^FAIL')
	if [ "$bad" -ge 10 ]; then pass "pdfa: ledger rejects a plain PDF"
	else fail "pdfa: ledger rejects a plain PDF" "only $bad clauses failed"; fi
	# each clause fails on a good file damaged in its one way
	# (tests/pdfa_damage.py), and no other clause does
	for d in "javascript:actions" "launch:actions" "embedded:embedded" "cmyk:colour" \
		"icc:icc" "form:marked" "dangling:structure: every reference"; do
		k=${d%%:*} clause=${d#*:}
		if ! "$PY" "$SR_TOP/tests/pdfa_damage.py" a.pdf "dmg-$k.pdf" "$k" > dmg.log 2>&1; then
			fail "pdfa: ledger catches $k" "could not damage: $(tail -2 dmg.log)"
			continue
		fi
		"$PY" "$SR_TOP/tests/pdfa_check.py" "dmg-$k.pdf" > "dmg-$k.ledger" 2>&1
		got=$(grep '^FAIL' "dmg-$k.ledger")
		if [ -n "$got" ] && ! printf '%s\n' "$got" | grep -qv "^FAIL $clause"; then
			pass "pdfa: ledger catches $k ($clause)"
		else
			fail "pdfa: ledger catches $k" "wanted FAIL $clause only, got: $(printf '%s' "$got" | head -3; tail -2 "dmg-$k.ledger")"
		fi
	done
fi

# the sample tree of the unit tests (links to URIs, lists, a long table)
# in both font paths: CP1252 and UTF-8 (Sami letters); its title and
# headings are not the report's, so only the conformance clauses count
unit="$(dirname "$SR")/tests/test_pdftag"
if [ -z "$PY" ]; then
	missing "pdfa: tree ledger" "no python3 with pikepdf"
elif [ -x "$unit" ] && SR_PDFA_OUT="$PWD/tree.pdf" SR_PDFA_OUT_UTF8="$PWD/tree8.pdf" "$unit" >/dev/null 2>&1 &&
	[ -s tree.pdf ] && [ -s tree8.pdf ]; then
	for f in tree tree8; do
		"$PY" "$SR_TOP/tests/pdfa_check.py" $f.pdf $f.txt > $f.ledger 2>&1
		bad=$(grep '^FAIL' $f.ledger | grep -v 'FAIL reader:')
		if [ -z "$bad" ] && [ "$(grep -c '^ok' $f.ledger)" -ge 30 ]; then pass "pdfa: $f: ledger"
		else fail "pdfa: $f: ledger" "$(printf '%s' "$bad" | head -3)"; fi
	done
	contains "pdfa: tree: URI link text in its Link" "$(cat tree.txt)" "Link: helse-midt.no/forskning"
	if have pdftotext; then
		contains "pdfa: tree8: Sami letters extract" "$(pdftotext tree8.pdf - 2>&1)" "á č đ ŋ š ŧ ž"
		if pdftotext tree8.pdf - 2>&1 | grep -q "Syntax Warning"; then
			fail "pdfa: tree8: poppler reads the ToUnicode maps" "$(pdftotext tree8.pdf - 2>&1 | grep -m1 Warning)"
		else
			pass "pdfa: tree8: poppler reads the ToUnicode maps"
		fi
	fi
else
	fail "pdfa: tree: render" "$unit did not write the sample PDFs"
fi

# the checks every PDF gets
if need "pdfa: readers" qpdf pdftotext; then
	check "pdfa: qpdf --check" qpdf --check a.pdf
	text=$(pdftotext a.pdf - 2>/dev/null)
	contains "pdfa: æøå extract" "$text" "å"
	contains "pdfa: page numbers" "$text" "Side 2 av"
	# the status symbols sit in CP1252's unused codes (pdfenc.h): the
	# faces' ToUnicode maps those codes to them
	for sym in □ ► ♦ ▲ ● ×; do contains "pdfa: status symbol $sym extracts" "$text" "$sym"; done
	# poppler reads them from the /Differences too: the ToUnicode map
	# itself must have them (one byte code each)
	tu=$(qpdf --qdf --object-streams=disable a.pdf - 2>/dev/null | grep -a -o '<[0-9A-F][0-9A-F]> <[0-9A-F]*>')
	for u in 25A1 25BA 2666 25B2 25CF; do contains "pdfa: ToUnicode maps a code to U+$u" "$tu" "> <$u>"; done
	# PDF/A-2 (6.2.11.6) takes only Adobe Glyph List names in /Differences:
	# ► is triagrt there, never uni25BA
	qdf=$(qpdf --qdf --object-streams=disable a.pdf - 2>/dev/null | tr -d '\000')
	contains "pdfa: ► named from the Adobe Glyph List" "$qdf" "/triagrt"
	lacks "pdfa: no uniXXXX glyph names" "$qdf" "/uni25"
	# shellcheck disable=SC2086
	check "pdfa: words inside the text area, no overlaps" python3 "$SR_TOP/tests/pdf_check.py" area a.pdf $CLI_AREA
	check "pdfa: TOC numbers are the heading pages" python3 "$SR_TOP/tests/pdf_check.py" toc a.pdf Innhold
	check "pdfa: no heading alone at a page foot" python3 "$SR_TOP/tests/pdf_check.py" keep a.pdf \
		"$(echo "$CLI_AREA" | cut -d' ' -f4)"
	check "pdfa: table header repeats" python3 "$SR_TOP/tests/pdf_check.py" repeat a.pdf
	size=$(wc -c < a.pdf)
	if [ "$size" -lt 1048576 ]; then pass "pdfa: under 1 MB"; else fail "pdfa: under 1 MB" "$size bytes"; fi
fi

# the logo is a Figure with its alt text, first in the reading order
if [ -n "$PY" ]; then
	# shellcheck disable=SC2086
	expect_exit "pdfa: logo template renders" 0 \
		"$SR" render -q --pdfa -t "$SR_TOP/tests/bad/template-ok-logo.xml" -f pdf -o logo.pdf "$PLAN" $STATUSES
	"$PY" "$SR_TOP/tests/pdfa_check.py" logo.pdf logo.txt > logo.ledger 2>&1
	bad=$(grep '^FAIL' logo.ledger | grep -v 'FAIL reader: H1')
	if [ -z "$bad" ]; then pass "pdfa: logo template ledger"; else fail "pdfa: logo template ledger" "$bad"; fi
	contains "pdfa: logo Figure with /Alt" "$(sed -n 2p logo.txt)" "Figure: [Helse Midt-Norge RHF logo]"
fi

# reproducible, the /ID too: it is hashed from the inputs, so a second
# render a second later has the same one (libharu's own would hash the
# clock), and another creation date gives another
sleep 1
# shellcheck disable=SC2086
expect_exit "pdfa: second render" 0 "$SR" render -q --pdfa -f pdf -o b.pdf "$PLAN" $STATUSES
if [ -z "$ERR" ]; then pass "pdfa: -q prints nothing"; else fail "pdfa: -q prints nothing" "stderr: $(printf '%s' "$ERR" | head -c 300)"; fi
check "pdfa: two renders byte-identical" cmp a.pdf b.pdf
trailer_id() { qpdf --show-object=trailer "$1" 2>/dev/null | grep -o '/ID \[[^]]*\]'; }
ida=$(trailer_id a.pdf) idb=$(trailer_id b.pdf)
if [ -n "$ida" ] && [ "$ida" = "$idb" ]; then pass "pdfa: /ID the same a second later"
else fail "pdfa: /ID the same a second later" "'$ida' then '$idb'"; fi
# shellcheck disable=SC2086
SOURCE_DATE_EPOCH=1795000060 expect_exit "pdfa: render a minute later" 0 "$SR" render -q --pdfa -f pdf -o c.pdf "$PLAN" $STATUSES
idc=$(trailer_id c.pdf)
if [ -n "$idc" ] && [ "$idc" != "$ida" ]; then pass "pdfa: another creation date, another /ID"
else fail "pdfa: another creation date, another /ID" "'$ida' and '$idc'"; fi

# the template attribute makes it the default; batch passes --pdfa on
sed 's/<template /<template pdfa="yes" /' "$SR_TOP/templates/arsrapport.xml" > tpl.xml
# shellcheck disable=SC2086
expect_exit "pdfa: template pdfa=\"yes\" renders" 0 "$SR" render -q -t "$PWD/tpl.xml" -f pdf -o t.pdf "$PLAN" $STATUSES
if grep -aq "/StructTreeRoot" t.pdf && grep -aq "pdfaid:part" t.pdf; then
	pass "pdfa: template pdfa=\"yes\""
else
	fail "pdfa: template pdfa=\"yes\"" "no structure tree or XMP in t.pdf"
fi
if [ ! -s plain.pdf ]; then
	fail "pdfa: off by default" "no plain.pdf"
elif grep -aq "/StructTreeRoot" plain.pdf; then
	fail "pdfa: off by default" "plain.pdf has a structure tree"
else
	pass "pdfa: off by default"
fi
mkdir -p bo
# shellcheck disable=SC2086
expect_exit "pdfa: batch --pdfa runs" 0 "$SR" batch --pdfa -q -j 2 -f pdf -O bo "$PLAN" $STATUSES
nb=$(ls bo/*.pdf 2>/dev/null | wc -l)
nt=$(grep -lac "pdfaid:conformance>A" bo/*.pdf 2>/dev/null | wc -l)
if [ "$nb" -gt 0 ] && [ "$nb" -eq "$nt" ]; then pass "pdfa: batch --pdfa"
else fail "pdfa: batch --pdfa" "$nt of $nb files PDF/A"; fi
if [ -n "$PY" ]; then
	f=$(ls bo/*-*.pdf 2>/dev/null | grep -v -- '-20[0-9][0-9]\.pdf$' | head -1)
	if [ -n "$f" ]; then
		"$PY" "$SR_TOP/tests/pdfa_check.py" "$f" > ledger2.txt 2>&1
		# an owner's report has no "Sammendrag" H1 and a different title
		# line; every conformance clause must still hold
		if grep '^FAIL' ledger2.txt | grep -v 'reader:' | grep -q .; then
			fail "pdfa: batch owner report ledger" "$(grep '^FAIL' ledger2.txt | grep -v 'reader:' | head -3)"
		else
			pass "pdfa: batch owner report ledger"
		fi
	else
		fail "pdfa: batch owner report ledger" "no owner report in bo/"
	fi
fi

# allocation failure inside the tagging: with the N-th allocation failing,
# render --pdfa ends cleanly (exit 3 with a message and no file, or exit 0
# with the file), as tests/e2e/alloc.sh checks for the plain render
A="$SR_TOP/build/alloc/statusrapport"
if [ "$SR_SANITIZED" = 1 ]; then
	skip "pdfa: allocation failure" "runs with the plain build"
elif ! need_file "pdfa: allocation failure" "$A"; then
	:
else
	P="$SR_TOP/tests/bad/base-plan.xml"
	total=$(ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$SR_TOP/tests/lsan.supp" \
		SR_COUNT_ALLOC=1 "$A" render --pdfa -q -f pdf -o al.pdf "$P" 2>&1 >/dev/null |
		sed -n 's/^allocations: //p')
	rm -f al.pdf
	bad=0 tried=0
	if [ -n "$total" ] && [ "$total" -gt 100 ]; then
		step=$((total / 40 + 1)) n=1
		while [ "$n" -le "$total" ] && [ "$bad" -le 5 ]; do
			ASAN_OPTIONS="detect_leaks=1:exitcode=99" LSAN_OPTIONS="suppressions=$SR_TOP/tests/lsan.supp" \
				SR_FAIL_ALLOC=$n "$A" render --pdfa -q -f pdf -o al.pdf "$P" > al.log 2>&1
			rc=$?
			tried=$((tried + 1))
			case "$rc" in
			0) [ -s al.pdf ] || { bad=$((bad + 1)); echo "N=$n: exit 0 without a file"; } ;;
			3) { [ ! -e al.pdf ] && grep -q "error:" al.log; } ||
				{ bad=$((bad + 1)); echo "N=$n: exit 3 but a file or no message"; } ;;
			*) bad=$((bad + 1)); echo "N=$n: exit $rc"; head -20 al.log ;;
			esac
			rm -f al.pdf
			n=$((n + step))
		done
		if [ "$bad" -eq 0 ]; then pass "pdfa: $tried injected allocation failures of $total end cleanly"
		else fail "pdfa: allocation failure" "$bad of $tried runs misbehaved"; fi
	else
		fail "pdfa: allocation count" "got '$total'"
	fi
fi
