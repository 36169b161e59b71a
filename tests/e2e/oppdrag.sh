# oppdrag.sh: the assignment-letter sample (samples/oppdragsdokument) and
# the annual report on it (-t arlig-melding): the sample validates without
# a word; the annual report renders in every format and language and says
# what a board reads it for (the achievement per chapter, the requirements
# not achieved by id, a trust's status, an indicator's value against its
# target, the document's name); the other report kinds work on it; every
# file passes its format's checker; and the template works on a progress
# plan too.
. "$SR_TOP/tests/lib.sh"
export SOURCE_DATE_EPOCH=1735689600
ODIR="$SR_TOP/samples/oppdragsdokument"
OPLAN="$ODIR/styringskrav-2024.xml"
OSTATUS=("$ODIR"/status-2024-*.xml)
ID=hmn-styringskrav-2024

# text FILE: what a reader of the file sees, as text (the PDF's lines
# joined, its words one space apart: pdftotext keeps a table's gaps)
text() {
	case "$1" in
	*.pdf) pdftotext -enc UTF-8 "$1" - 2>/dev/null | tr '\n' ' ' | tr -s ' ' ;;
	*.odt) unzip -p "$1" content.xml styles.xml 2>/dev/null ;;
	*.docx) unzip -p "$1" word/document.xml word/styles.xml 2>/dev/null ;;
	*.html) cat "$1" ;;
	esac
}

# matrix_words NAME ID WORD...: the status matrix's row of measure ID in
# the nb annual message's HTML gives these words to a screen reader, the
# overall status first, then each trust's.
matrix_words() {
	local name=$1 id=$2
	shift 2
	py "$name" - am-nb/$ID.html "$id" "$@" <<'EOF'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
m = s[s.index('id="status-per-hf"'):]
row = re.search(r"<tr><th[^>]*><p><strong>" + re.escape(sys.argv[2]) + r" </strong>.*?</tr>", m, re.S).group(0)
got = re.findall(r'<span class="vh">([^<]*)</span>', row)
if got != sys.argv[3:]:
    sys.exit(f"{sys.argv[2]}'s statuses {got}, want {sys.argv[3:]}")
EOF
}

# --- the sample ---------------------------------------------------------------
expect_exit "sample: validates" 0 "$SR" validate "$OPLAN" "${OSTATUS[@]}"
lacks "sample: no warning" "$ERR" "warning"
contains "sample: 26 requirements, 4 status files" "$ERR" "26 measures, 5 owners, 4 status files"
expect_exit "sample: validates with -t arlig-melding" 0 "$SR" validate -q -t arlig-melding \
	"$OPLAN" "${OSTATUS[@]}"
expect_exit "template file: validates" 0 "$SR" validate -q -t "$SR_TOP/templates/arlig-melding.xml" \
	"$OPLAN" "${OSTATUS[@]}"
# every file says it is made up
for f in "$OPLAN" "${OSTATUS[@]}" "$ODIR/README.md"; do
	contains "example data: $(basename "$f")" "$(cat "$f")" "ksempeldata"
done

# --- the annual report in every language --------------------------------------
# Per language: the document's name, the indicator line's words, the
# not-achieved word.
name_nb="Årlig melding 2024"  most_nb="66 dager i 2024, mål høyst 50 dager"  least_nb="67 % i 2024, mål minst 70 %"  not_nb="Ikke oppnådd"
name_nn="Årleg melding 2024"  most_nn="66 dager i 2024, mål høgst 50 dager"  least_nn="67 % i 2024, mål minst 70 %"  not_nn="Ikkje oppnådd"
name_en="Annual report 2024"  most_en="66 dager in 2024, target at most 50 dager"  least_en="67% in 2024, target at least 70%"  not_en="Not achieved"
if need "arlig-melding: formats" pdftotext unzip; then
	for lang in nb nn en; do
		d=am-$lang
		mkdir -p "$d"
		sr "$d: renders" render -q -t arlig-melding --lang "$lang" -f pdf,odt,docx,html -O "$d" \
			"$OPLAN" "${OSTATUS[@]}" || continue
		n=name_$lang m=most_$lang le=least_$lang no=not_$lang
		for fmt in pdf odt docx html; do
			f=$d/$ID.$fmt
			s=$(text "$f")
			contains "$d $fmt: the document's name" "$s" "${!n}"
			# an indicator's value against its target, in its direction,
			# and the trusts' values under it
			contains "$d $fmt: value against an at-most target" "$s" "${!m}"
			contains "$d $fmt: value against an at-least target" "$s" "${!le}"
			contains "$d $fmt: the trusts' values" "$s" "HMR: 74"
			# the requirements not achieved, named by id and short title
			contains "$d $fmt: 7.1 not achieved, named" "$s" "${!no}: Økonomisk resultat i balanse"
		done
	done

	s=$(text am-nb/$ID.pdf)
	# the chapter summary: chapter 2 has 1 achieved, 2 partly, 2 not, 0
	# not applicable, 5 in all; chapter 6 has its one not applicable
	contains "pdf: chapter 2's counts" "$s" "2 Ventetider og pasientforløp 1 2 2 0 5"
	contains "pdf: chapter 6's counts" "$s" "6 Beredskap og sikkerhet 3 0 0 1 4"
	contains "pdf: the totals" "$s" "Totalt 13 8 4 1 26"
	# a trust's status: 2.3 in the matrix, overall partly, St. Olav and
	# HNT achieved, HMR not
	contains "pdf: the trusts' statuses of 2.3" "$s" \
		"2.3 Pakkeforløp for kreft innen forløpstiden ► ● ● ▲"
	matrix_words "html: the trusts' statuses of 2.3, in words" 2.3 \
		"Delvis oppnådd" "Oppnådd" "Oppnådd" "Ikke oppnådd"
	# 7.2 (sick leave): St. Olav and HNT left it to their figures, so
	# their statuses are computed, 7,6 % within the 5 % tolerance of the
	# target of at most 7,5 % and 7,2 % under it; the region's and HMR's
	# are reported
	matrix_words "html: 7.2's computed statuses" 7.2 \
		"Delvis oppnådd" "Delvis oppnådd (beregnet)" "Oppnådd (beregnet)" "Ikke oppnådd"
	contains "pdf: the matrix key's computed sign" "$s" "* beregnet fra indikatorverdien, ikke rapportert"
	# the cover is the annual message's, not a status report's
	lacks "pdf: no status report's name" "$s" "Statusrapport 2024"

	# everything the plan and the status files say that this report
	# promises: every requirement, the RHF's comments, every indicator
	for fmt in pdf odt docx html; do
		py "content: arlig-melding $fmt" "$SR_TOP/tests/content_check.py" am-nb/$ID.$fmt \
			"$OPLAN" "${OSTATUS[@]}"
	done
fi

# --- the other report kinds on the sample -------------------------------------
if need "other templates: formats" pdftotext pdfinfo; then
	mkdir -p board owner annual
	sr "styremote: renders" render -q -t styremote -f pdf,odt,docx,html -O board \
		"$OPLAN" "${OSTATUS[@]}"
	pages=$(pdfinfo board/$ID.pdf 2>/dev/null | awk '/^Pages:/ {print $2}')
	if [ -n "$pages" ] && [ "$pages" -le 4 ]; then pass "styremote: at most four pages ($pages)"
	else fail "styremote: at most four pages" "${pages:-no} pages"; fi
	s=$(text board/$ID.pdf)
	contains "styremote: the not achieved named" "$s" "Regionen fikk et underskudd på 185 millioner kroner"
	sr "helseforetak --owner hmr: renders" render -q --owner hmr -f pdf,odt,docx,html -O owner \
		"$OPLAN" "${OSTATUS[@]}"
	s=$(text owner/$ID-hmr.pdf)
	contains "helseforetak hmr: its own status and comment" "$s" \
		"▲ Ikke oppnådd Ventetiden er 74 dager."
	contains "helseforetak hmr: the document" "$s" "Statusrapport 2024 – Helse Møre og Romsdal HF"
	sr "arlig-melding --owner hmr: renders" render -q -t arlig-melding --owner hmr -f pdf -O owner \
		"$OPLAN" "${OSTATUS[@]}"
	s=$(text owner/$ID-hmr.pdf)
	contains "arlig-melding hmr: its name" "$s" "Årlig melding 2024 – Helse Møre og Romsdal HF"
	contains "arlig-melding hmr: its own value against the target" "$s" \
		"74 dager i 2024, mål høyst 50 dager"
	# St. Olav's own report: 7.2 computed from its figure, and why partly
	sr "helseforetak --owner stolav: renders" render -q --owner stolav -f pdf -O owner \
		"$OPLAN" "${OSTATUS[@]}"
	contains "helseforetak stolav: 7.2 computed, within the tolerance" "$(text owner/$ID-stolav.pdf)" \
		"(beregnet fra 7,6 %, mål høyst 7,5 %, innenfor toleransen på 5 %)"
	sr "arsrapport: renders" render -q -t arsrapport -f pdf,odt,docx,html -O annual \
		"$OPLAN" "${OSTATUS[@]}"
	# the annual status report keeps its rows as they were
	lacks "arsrapport: no target line" "$(text annual/$ID.pdf)" "mål høyst"
fi

# --- the template on a progress plan --------------------------------------------
if need "progress plan: formats" pdftotext; then
	mkdir -p progress
	# shellcheck disable=SC2086
	sr "progress plan: renders with arlig-melding" render -q -t arlig-melding -f pdf,odt,docx,html \
		-O progress "$PLAN" $STATUSES
	s=$(text progress/hmn-forskning-2023-2026-2024.pdf)
	contains "progress plan: the document's name" "$s" "Årlig melding 2024"
	contains "progress plan: the progress words" "$s" "Forsinket"
	# a target in a later year says its year
	contains "progress plan: a later target" "$s" "mål minst 5,0 % (2025)"
fi

# --- each file passes its format's own checker ------------------------------------
format_checks */*.odt */*.docx */*.pdf */*.html

# --- a template's targets attribute -----------------------------------------------
sed 's|<areas vision="yes" targets="yes"/>|<areas vision="yes" targets="maybe"/>|' \
	"$SR_TOP/templates/arlig-melding.xml" > bad-targets.xml
expect_exit "targets=maybe: exit 1" 1 "$SR" validate -t bad-targets.xml "$OPLAN"
contains "targets=maybe: FILE:LINE:COL" "$ERR" "bad-targets.xml:"
sed 's|document="annual-message"|document="letter"|' \
	"$SR_TOP/templates/arlig-melding.xml" > bad-document.xml
expect_exit "document=letter: exit 1" 1 "$SR" validate -t bad-document.xml "$OPLAN"
contains "document=letter: FILE:LINE:COL" "$ERR" "bad-document.xml:"
