# pdf.sh: the PDF backend judged by real readers (qpdf, poppler).
#
# Two sources: the sample tree the unit tests build (tests/unit/sample_doc.h,
# written by test_layout when SR_PDF_OUT is set), always available; and the
# CLI on the real sample plan.
# The text area the words must stay in comes from the document's margins:
# the sample tree's, and the report template's (A4, 25 mm top/bottom, 28 mm
# left/right; override with SR_PDF_AREA="X0 Y0 X1 Y1" in points from the
# top-left corner).
. "$SR_TOP/tests/lib.sh"

CHECK="python3 $SR_TOP/tests/pdf_check.py"
TREE_AREA="64 72 531.276 769.89"
CLI_AREA=${SR_PDF_AREA:-"79.37 70.87 515.906 770.02"}

# judge NAME PDF AREA [HEADER]: the reader checks on one file.
judge() {
	local n=$1 f=$2 area=$3 header=${4:-}
	need "$n" qpdf pdftotext pdffonts || return
	check "$n: qpdf --check" qpdf --check "$f"
	local fonts
	fonts=$(pdffonts "$f" 2>/dev/null | awk 'NR > 2 && $(NF-4) != "yes" { print $1 }')
	if [ -z "$fonts" ] && [ "$(pdffonts "$f" 2>/dev/null | wc -l)" -gt 2 ]; then
		pass "$n: every font embedded"
	else
		fail "$n: every font embedded" "not embedded: $fonts"
	fi
	local text
	text=$(pdftotext "$f" - 2>/dev/null)
	contains "$n: æøå extract" "$text" "å"
	contains "$n: ø extracts" "$text" "ø"
	contains "$n: page numbers" "$text" "Side 2 av"
	# shellcheck disable=SC2086
	check "$n: words inside the text area, no overlaps" $CHECK area "$f" $area
	check "$n: TOC numbers are the heading pages" $CHECK toc "$f" Innhold
	check "$n: TOC links lead to the heading pages" $CHECK toclinks "$f"
	# shellcheck disable=SC2086
	check "$n: no heading alone at a page foot" $CHECK keep "$f" $(echo $area | cut -d' ' -f4)
	if [ -n "$header" ]; then
		check "$n: table header repeats" $CHECK repeat "$f" "$header"
	else
		check "$n: table header repeats" $CHECK repeat "$f"
	fi
	# clickable TOC and bookmarks: link annotations without a border, an outline
	qpdf --qdf --object-streams=disable "$f" "$f.qdf" 2>/dev/null
	local links borders
	links=$(grep -ac "/Subtype /Link" "$f.qdf")
	borders=$(grep -a -A3 "/Border \[" "$f.qdf" | grep -c "^ *[1-9]")
	if [ "$links" -gt 0 ] && [ "$borders" -eq 0 ]; then pass "$n: links, no borders"
	else fail "$n: links, no borders" "$links links, $borders non-zero border widths"; fi
	local outl
	outl=$(qpdf --json --json-key=outlines "$f" 2>/dev/null | grep -c '"title"')
	if [ "$outl" -gt 0 ]; then pass "$n: outline"; else fail "$n: outline" "no bookmarks"; fi
	local size
	size=$(wc -c < "$f")
	if [ "$size" -lt 1048576 ]; then pass "$n: under 1 MB"; else fail "$n: under 1 MB" "$size bytes"; fi
}

# 1. The sample tree, CP1252 and UTF-8 (Sami letters).
unit="$(dirname "$SR")/tests/test_layout"
if [ -x "$unit" ] && SR_PDF_OUT="$PWD/tree.pdf" SR_PDF_OUT_UTF8="$PWD/tree8.pdf" "$unit" >/dev/null 2>&1 &&
	[ -s tree.pdf ] && [ -s tree8.pdf ]; then
	judge tree tree.pdf "$TREE_AREA" Ansvarlig
	judge tree-utf8 tree8.pdf "$TREE_AREA" Ansvarlig
	if have pdftotext; then
		contains "tree-utf8: Sami letters extract" "$(pdftotext tree8.pdf - 2>/dev/null)" "á č đ ŋ š ŧ ž"
		contains "tree: punctuation extracts" "$(pdftotext tree.pdf - 2>/dev/null)" "« » – — ’ 3,5"
	fi
else
	fail "tree: render" "$unit did not write the sample PDFs"
fi

# 2. The CLI on the real sample.
export SOURCE_DATE_EPOCH=1795000000
# shellcheck disable=SC2086
"$SR" render -f pdf -o out.pdf "$PLAN" $STATUSES > /dev/null 2> err.txt
rc=$?
if [ "$rc" -ne 0 ] || [ ! -s out.pdf ]; then
	fail "cli: render" "exit $rc: $(head -c 400 err.txt)"
else
	pass "cli: render"
	# a clean render of the sample says only what it wrote: no warning
	if [ "$(grep -vc '^statusrapport: wrote ' err.txt)" -eq 0 ] && grep -q '^statusrapport: wrote ' err.txt; then
		pass "cli: a clean render says only what it wrote"
	else
		fail "cli: a clean render says only what it wrote" "stderr: $(head -c 300 err.txt)"
	fi
	judge cli out.pdf "$CLI_AREA"
	# shellcheck disable=SC2086
	expect_exit "cli: second render" 0 "$SR" render -q -f pdf -o out2.pdf "$PLAN" $STATUSES
	if [ -z "$ERR" ]; then pass "cli: -q prints nothing"; else fail "cli: -q prints nothing" "stderr: $(printf '%s' "$ERR" | head -c 300)"; fi
	check "cli: two renders byte-identical" cmp out.pdf out2.pdf
	# The status symbols (none of them in CP1252) take CP1252's unused
	# codes (pdfenc.h): the faces stay single-byte, so their programs are
	# cached and the file stays small, and each symbol reads back as itself.
	if have pdffonts; then
		fonts=$(pdffonts out.pdf 2>/dev/null)
		contains "cli: status symbols with the single-byte faces" "$fonts" "TrueType          Custom"
		lacks "cli: status symbols without UTF-8 (CID) faces" "$fonts" "CID"
	fi
	text=$(pdftotext out.pdf - 2>/dev/null)
	for sym in □ ► ♦ ▲ ● ×; do contains "cli: status symbol $sym extracts" "$text" "$sym"; done
	size=$(wc -c < out.pdf)
	if [ "$size" -lt 180000 ]; then pass "cli: sample PDF under 180 KB"; else
		fail "cli: sample PDF under 180 KB" "$size bytes (the UTF-8 faces made it 200 KB)"; fi
	# more symbols than CP1252 has free codes: the UTF-8 faces show them
	cat > sym6.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<template xmlns="urn:statusrapport:template:1" name="sym6" kind="annual">
  <colours>
    <status value="not-started" symbol="○"/>
    <status value="in-progress" symbol="◊"/>
    <status value="ongoing" symbol="■"/>
    <status value="delayed" symbol="▼"/>
    <status value="completed" symbol="►"/>
    <status value="cancelled" symbol="◄"/>
  </colours>
  <sections>
    <title-block/>
    <summary><counts chart="no"/></summary>
  </sections>
</template>
XML
	# shellcheck disable=SC2086
	expect_exit "cli: six new symbols render" 0 "$SR" render -q -t sym6.xml -f pdf -o sym6.pdf "$PLAN" $STATUSES
	if have pdffonts; then
		contains "cli: six new symbols take the UTF-8 faces" "$(pdffonts sym6.pdf 2>/dev/null)" "CID TrueType"
	fi
	text=$(pdftotext sym6.pdf - 2>/dev/null)
	for sym in ○ ◊ ■ ▼ ► ◄; do contains "cli: six new symbols: $sym extracts" "$text" "$sym"; done
	# bookmarks and properties: PDFDocEncoding when they fit (the en dash
	# is 0x85 there), read back as the text they were
	contains "cli: title property" "$(pdfinfo out.pdf 2>/dev/null)" \
		"Regional handlingsplan for forskning 2023–2026"
	marks=$(qpdf --json --json-key=outlines out.pdf 2>/dev/null)
	contains "cli: bookmark with å" "$marks" '"title": "Mål og indikatorer"'
	contains "cli: bookmark with ø" "$marks" '"title": "Helse Møre og Romsdal HF"'
	# a soft hyphen has no PDFDocEncoding byte: the properties and
	# bookmarks are then UTF-16, and read back the same
	sed 's/forskning 2023/forsk\xc2\xadning 2023/' "$PLAN" > shy.xml
	expect_exit "cli: render with a soft hyphen" 0 "$SR" render -q -f pdf -o shy.pdf shy.xml
	contains "cli: title with a soft hyphen" "$(pdfinfo -enc UTF-8 shy.pdf 2>/dev/null)" \
		"$(printf 'forsk\302\255ning 2023')"
	contains "cli: bookmarks beside a soft hyphen" \
		"$(qpdf --json --json-key=outlines shy.pdf 2>/dev/null)" '"title": "Mål og indikatorer"'
fi

# A long report: each page deflated as soon as it is painted (pdf.c), and
# its boxes given up as the painter passes it (layout_next_page).  qpdf
# must read every page, and the allocation-failure build (counting
# allocator, no threads) must write the same bytes.
A="$SR_TOP/build/alloc/statusrapport"
python3 "$SR_TOP/bench/gen-plan" --measures 400 --owners 6 --seed 3 > long.xml
expect_exit "long report renders" 0 "$SR" render -q -f pdf -o long.pdf long.xml
pages=$(pdfinfo long.pdf 2>/dev/null | sed -n 's/^Pages: *//p')
if [ "${pages:-0}" -ge 96 ]; then pass "long report: $pages pages"
else fail "long report: enough pages" "${pages:-no} pages"; fi
if need "long report passes qpdf" qpdf; then check "long report passes qpdf" qpdf --check long.pdf; fi
if [ "$SR_SANITIZED" = 1 ]; then
	skip "long report: the same as the allocation-failure build's" "runs with the plain build"
elif need_file "long report: the same as the allocation-failure build's" "$A"; then
	expect_exit "long report: the allocation-failure build renders" 0 "$A" render -q -f pdf -o long-inline.pdf long.xml
	check "long report: the same as the allocation-failure build's" cmp long.pdf long-inline.pdf
fi

# A trust's name of 800 characters heads a status-matrix column 8 mm wide:
# the header row is taller than a page.  Repeated over every page it left
# no room for a body row and the layout never ended (found by the fuzzer).
if have timeout; then
	expect_exit "a header row taller than a page: every format renders" 0 \
		timeout 60 "$SR" render -q -O tall "$SR_TOP/tests/fuzz/corpus/tall-matrix-head.xml"
	pages=$(pdfinfo tall/*.pdf 2>/dev/null | sed -n 's/^Pages: *//p')
	if [ "${pages:-0}" -ge 2 ]; then pass "a header row taller than a page: $pages pages"
	else fail "a header row taller than a page: pages" "${pages:-no} pages"; fi
fi
