# cover.sh: the cover page in every format.  The annual report's and a
# trust's first page holds the document type, the title, the organisation,
# the period and the report date, and no running header or footer; the
# contents start on page 2, under the header.  --logo puts an image on the
# cover and nothing else does.  LibreOffice's PDFs of the ODT and the DOCX
# show page 1 without the header and page 2 with it.  The HTML's cover is
# the page's header.  (The cover's words and the case details, through the
# library's options, are test_cover's.)
. "$SR_TOP/tests/lib.sh"
export SOURCE_DATE_EPOCH=1733000000
# shellcheck disable=SC2086
set -- $PLAN $STATUSES
HEADER="Regional handlingsplan for forskning 2023–2026 – Statusrapport 2024"
LOGO="$SR_TOP/tests/bad/logo-ok.png"

sr "render: the annual report in every format" render -q -f pdf,odt,docx,html -O nb "$@"
sr "render: English" render -q -f pdf,html --lang en -O en "$@"
sr "render: a trust's report" render -q -f pdf -t helseforetak --owner stolav -O stolav "$@"
sr "render: --logo" render -q -f pdf,odt,docx,html --logo "$LOGO" -O logo "$@"
expect_exit "render: --logo that is no image fails" 1 \
	"$SR" render -q -f pdf --logo "$SR_TOP/tests/bad/logo-not-image.png" -O bad "$@"
contains "render: --logo that is no image says so" "$ERR" "logo-not-image.png"

# A template's cover: first or not at all, and its space down the page.
cat > late.xml <<'EOF'
<template xmlns="urn:statusrapport:template:1" name="late" kind="annual">
  <sections><title-block/><cover/><toc/></sections>
</template>
EOF
expect_exit "template: a cover after another section is refused" 1 \
	"$SR" render --dump-tree -t late.xml "$@"
contains "template: ... saying where" "$ERR" "late.xml:2:"
contains "template: ... and why, in plain words" "$ERR" "must be the first section"
cat > space.xml <<'EOF'
<template xmlns="urn:statusrapport:template:1" name="space" kind="annual">
  <sections><cover space-above="10mm"/><toc/><page-break/><about/></sections>
</template>
EOF
contains "template: cover space-above reaches the style" \
	"$("$SR" render --dump-style -t space.xml "$@" 2>&1)" "cover.space-above 28.346"
sr "batch --logo" batch -q -f pdf --owners stolav --logo "$LOGO" -O batch "$@"

need "pdf" pdftotext pdfimages || exit 0
for f in batch/*.pdf; do
	n=$(pdfimages -list -f 1 -l 1 "$f" 2>/dev/null | awk 'NR > 2' | wc -l)
	if [ "$n" -eq 1 ]; then pass "batch --logo: on $(basename "$f")'s cover"
	else fail "batch --logo: on $(basename "$f")'s cover" "$n images"; fi
done
page() { pdftotext -f "$2" -l "$2" "$1" - 2>/dev/null | tr "\n" " " | tr -s " "; }
pdf=$(ls nb/*.pdf | head -1)
p1=$(page "$pdf" 1) p2=$(page "$pdf" 2)
contains "pdf: page 1 the document type" "$p1" "Statusrapport 2024"
contains "pdf: page 1 the title" "$p1" "Regional handlingsplan for forskning"
contains "pdf: page 1 the organisation" "$p1" "Helse Midt-Norge RHF"
contains "pdf: page 1 the period" "$p1" "Planperiode 2023–2026"
contains "pdf: page 1 the report date" "$p1" "Rapportdato: 30. november 2024"
lacks "pdf: page 1 has no running header" "$p1" "$HEADER"
lacks "pdf: page 1 has no footer" "$p1" "Side 1 av"
contains "pdf: page 2 the contents" "$p2" "Innhold"
contains "pdf: page 2 the running header" "$p2" "$HEADER"
contains "pdf: page 2 the footer, counting the cover" "$p2" "Side 2 av"
lacks "pdf: the cover holds no running text" "$p1" "Forskning skal bidra"
n=$(pdfimages -list -f 1 -l 1 "$pdf" 2>/dev/null | awk 'NR > 2' | wc -l)
if [ "$n" -eq 0 ]; then pass "pdf: no logo, no image"; else fail "pdf: no logo, no image" "$n images"; fi
n=$(pdfimages -list -f 1 -l 1 logo/*.pdf 2>/dev/null | awk 'NR > 2' | wc -l)
if [ "$n" -eq 1 ]; then pass "pdf: --logo, an image on page 1"; else fail "pdf: --logo, an image on page 1" "$n images"; fi
# the cover's title stands well down the page, below the logo's
y() { pdftotext -f 1 -l 1 -bbox "$1" - 2>/dev/null |
	awk -v w="$2" 'index($0, ">" w "</word>") { sub(/.*yMin="/, ""); sub(/".*/, ""); print int($0); exit }'; }
ty=$(y "$pdf" Regional)
if [ -n "$ty" ] && [ "$ty" -gt 200 ]; then pass "pdf: the title a good way down the cover ($ty pt)"
else fail "pdf: the title a good way down the cover" "at ${ty:-?} pt"; fi
en1=$(page "$(ls en/*.pdf | head -1)" 1)
contains "pdf en: the document type" "$en1" "Status report 2024"
contains "pdf en: the period" "$en1" "Plan period 2023–2026"
contains "pdf en: the report date" "$en1" "Report date:"
st1=$(page "$(ls stolav/*.pdf | head -1)" 1)
contains "pdf trust: the document type names the trust" "$st1" "Statusrapport 2024 – St. Olavs hospital HF"
lacks "pdf trust: no running header" "$st1" "Regional handlingsplan for forskning 2023–2026 – Statusrapport"

# The HTML: the cover is the page's header, the contents after it.
html=$(cat nb/*.html)
contains "html: the cover is the header" "$html" '<header class="cover">'
head=$(printf '%s' "$html" | sed -n '/<header class="cover">/,/<\/header>/p')
contains "html: the header holds the document type" "$head" "Statusrapport 2024"
contains "html: the header holds the period" "$head" "Planperiode 2023–2026"
contains "html: the header holds the date" "$head" "Rapportdato: 30. november 2024"
lacks "html: no logo, no image" "$head" "<img"
contains "html: printed, the cover is a page of its own" "$html" "header.cover{break-after:page}"
contains "html: --logo, the logo in the header" \
	"$(sed -n '/<header class="cover">/,/<\/header>/p' logo/*.html)" '<img class="logo"'

# The ODT names the cover's master page, which has no header or footer.
need "odt" unzip || exit 0
styles=$(unzip -p nb/*.odt styles.xml)
content=$(unzip -p nb/*.odt content.xml)
contains "odt: a Cover master page" "$styles" 'style:master-page style:name="Cover"'
cover_master=$(printf '%s' "$styles" | sed 's/<style:master-page /\n&/g' | grep 'style:name="Cover"' | sed 's/<\/style:master-page>.*//')
lacks "odt: the Cover master has no header" "$cover_master" "style:header"
lacks "odt: the Cover master has no footer" "$cover_master" "style:footer"
contains "odt: the cover's first paragraph starts it" "$content" 'style:master-page-name="Cover"'
contains "odt --logo: the logo's paragraph starts it" "$(unzip -p logo/*.odt content.xml)" \
	'text:style-name="CoverLogo"'
docx=$(unzip -p nb/*.docx word/document.xml)
contains "docx: a title page" "$docx" "<w:titlePg/>"
contains "docx: the cover's footer is empty" "$(unzip -p nb/*.docx word/footer2.xml)" "<w:p/>"

# LibreOffice: page 1 without the running header, page 2 with it.
if ! have soffice; then
	missing "libreoffice" "soffice not installed"
	exit 0
fi
profile="$PWD/lo-profile"
for e in odt docx; do
	mkdir -p "src-$e"
	cp nb/*."$e" "src-$e/cover.$e"
	timeout 300 soffice -env:UserInstallation="file://$profile" --headless \
		--convert-to pdf --outdir "$PWD/lo-$e" "src-$e/cover.$e" >/dev/null 2>&1
	f="lo-$e/cover.pdf"
	if [ ! -s "$f" ]; then
		fail "libreoffice $e: converts" "no $f"
		continue
	fi
	l1=$(page "$f" 1) l2=$(page "$f" 2)
	contains "libreoffice $e: page 1 the title" "$l1" "Regional handlingsplan for forskning"
	contains "libreoffice $e: page 1 the period" "$l1" "Planperiode 2023–2026"
	lacks "libreoffice $e: page 1 has no running header" "$l1" "$HEADER"
	lacks "libreoffice $e: page 1 has no footer" "$l1" "Side 1 av"
	contains "libreoffice $e: page 2 the contents" "$l2" "Innhold"
	contains "libreoffice $e: page 2 the running header" "$l2" "$HEADER"
	contains "libreoffice $e: page 2 counts the cover" "$l2" "Side 2 av"
	# the cover's space down the page is the style's, as in our PDF
	ly=$(y "$f" Regional)
	if [ -n "$ly" ] && [ -n "$ty" ] && [ $((ly - ty)) -le 6 ] && [ $((ty - ly)) -le 6 ]; then
		pass "libreoffice $e: the title as far down the cover as in the PDF ($ly, $ty pt)"
	else
		fail "libreoffice $e: the title as far down the cover as in the PDF" "${ly:-?} vs ${ty:-?} pt"
	fi
done
