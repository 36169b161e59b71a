# statusset.sh: a plan in the achievement status set
# (tests/trees/achievement-plan.xml) in every format, template and
# language: its words, symbols and fills, and none of the progress set's;
# the PDF keeps its single-byte fonts; a status of the wrong set is an
# error that lists the right ones; and the forms round-trip through
# LibreOffice with the set's words in their drop-down list.
. "$SR_TOP/tests/lib.sh"
export SOURCE_DATE_EPOCH=1735689600
APLAN="$SR_TOP/tests/trees/achievement-plan.xml"
ASTATUS="$SR_TOP/tests/trees/achievement-status-a.xml"
FILL="python3 $SR_TOP/tests/forms/fill-form.py"

expect_exit "validate: the achievement plan" 0 "$SR" validate -q "$APLAN" "$ASTATUS"

# text FILE: what a reader of the file sees, as text (the PDF's lines
# joined: a narrow status column wraps "Not achieved")
text() {
	case "$1" in
	*.pdf) pdftotext -enc UTF-8 "$1" - 2>/dev/null | tr '\n' ' ' ;;
	*.odt) unzip -p "$1" content.xml styles.xml 2>/dev/null ;;
	*.docx) unzip -p "$1" word/document.xml word/styles.xml 2>/dev/null ;;
	*.html) cat "$1" ;;
	esac
}

# The words of each language, and the symbols: ● ► ▲ ×
words_nb="Oppnådd|Delvis oppnådd|Ikke oppnådd|Ikke aktuelt"
words_nn="Oppnådd|Delvis oppnådd|Ikkje oppnådd|Ikkje aktuelt"
words_en="Achieved|Partly achieved|Not achieved|Not applicable"
progress_nb="Forsinket|Pågår|Ikke startet|Fullført|Avbrutt"
progress_nn="Forseinka|Pågår|Ikkje starta|Fullført|Avbrote"
progress_en="Delayed|In progress|Not started|Completed|Cancelled"

if need "statusset: formats" pdftotext unzip; then
	for lang in nb nn en; do
		for t in arsrapport styremote helseforetak; do
			o=""
			[ "$t" = helseforetak ] && o="--owner a"
			d=$t-$lang
			mkdir -p "$d"
			# shellcheck disable=SC2086
			sr "$d: renders" render -q -t $t $o --lang $lang -f pdf,odt,docx,html -O "$d" \
				"$APLAN" "$ASTATUS" || continue
			w=words_$lang p=progress_$lang
			for f in "$d"/*; do
				fmt=${f##*.}
				s=$(text "$f")
				# the annual report shows every value; the others the ones they list
				if [ "$t" = arsrapport ]; then
					IFS='|' read -r -a ws <<< "${!w}"
					for x in "${ws[@]}" "●" "►" "▲" "×"; do
						contains "$d $fmt: $x" "$s" "$x"
					done
				elif [ "$t" = helseforetak ]; then
					contains "$d $fmt: partly achieved" "$s" "$(echo "${!w}" | cut -d'|' -f2)"
					contains "$d $fmt: its symbol" "$s" "►"
				else
					# a board paper shows the deviation: not achieved
					contains "$d $fmt: not achieved" "$s" "$(echo "${!w}" | cut -d'|' -f3)"
					contains "$d $fmt: its symbol" "$s" "▲"
				fi
				IFS='|' read -r -a ps <<< "${!p}"
				for x in "${ps[@]}"; do
					lacks "$d $fmt: no progress word $x" "$s" "$x"
				done
			done
		done
	done
	# the achievement fills, as the house style gives them (partly: amber)
	s=$(text arsrapport-nb/*.odt)
	contains "odt: the partly achieved fill" "$s" 'fo:background-color="#f2bb3f"'
	contains "docx: the partly achieved fill" "$(text arsrapport-nb/*.docx)" 'w:fill="F2BB3F"'
	contains "html: the partly achieved fill" "$(text arsrapport-nb/*.html | tr A-F a-f)" '#f2bb3f'
fi

# Each file passes its format's own checker
format_checks */*.odt */*.docx */*.pdf */*.html

# The four symbols fit CP1252's unused codes: no font beyond the two
# single-byte ones
if need "statusset: pdf fonts" pdffonts; then
	n=$(pdffonts arsrapport-nb/*.pdf 2>/dev/null | awk 'NR > 2' | wc -l)
	id=$(pdffonts arsrapport-nb/*.pdf 2>/dev/null | grep -c Identity)
	if [ "$n" -eq 2 ] && [ "$id" -eq 0 ]; then pass "pdf: two single-byte fonts"; else
		fail "pdf: two single-byte fonts" "$(pdffonts arsrapport-nb/*.pdf 2>&1)"; fi
fi

# PDF/A names every symbol from the Adobe Glyph List: the set's four
# have names, so they keep the single-byte fonts there too
mkdir pdfa
if sr "pdfa: renders" render -q --pdfa -f pdf -O pdfa "$APLAN" "$ASTATUS" && need "pdfa: fonts" pdffonts; then
	n=$(pdffonts pdfa/*.pdf 2>/dev/null | awk 'NR > 2' | wc -l)
	id=$(pdffonts pdfa/*.pdf 2>/dev/null | grep -c Identity)
	if [ "$n" -eq 2 ] && [ "$id" -eq 0 ]; then pass "pdfa: two single-byte fonts"; else
		fail "pdfa: two single-byte fonts" "$(pdffonts pdfa/*.pdf 2>&1)"; fi
	contains "pdfa: the symbols read back" "$(pdftotext -enc UTF-8 pdfa/*.pdf - 2>/dev/null)" "►"
fi

# A template's colours and symbols for the set reach the report
sr "style: all-values on the achievement plan" render --dump-style \
	-t "$SR_TOP/tests/templates/all-values.xml" "$APLAN" "$ASTATUS"
"$SR" render --dump-style -t "$SR_TOP/tests/templates/all-values.xml" "$APLAN" "$ASTATUS" \
	> style.txt 2>/dev/null
contains "style: partly achieved's fill" "$(cat style.txt)" "status.8.fill #FFE8B0"
contains "style: partly achieved's symbol" "$(cat style.txt)" "status.8.symbol ◑"
# ... and no symbol of the progress set, which this report never shows
contains "style: no progress symbol" "$(cat style.txt)" "status.4.symbol 
"

# --- the wrong set -------------------------------------------------------------
cat > wrong.xml <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<status-report xmlns="urn:statusrapport:1" plan="oppdrag" owner="a" year="2024">
  <status measure="1.2" value="completed">Ferdig.</status>
</status-report>
EOF
expect_exit "wrong set: exit 1" 1 "$SR" validate "$APLAN" wrong.xml
contains "wrong set: FILE:LINE:COL and the set's values" "$ERR" \
	'wrong.xml:3:3: error: "completed" is not a status of this plan, which uses status-set="achievement"; use one of: achieved, partly-achieved, not-achieved, not-applicable'
sed 's/status-set="achievement"/status-set="results"/' "$APLAN" > unknown-set.xml
expect_exit "unknown set: exit 1" 1 "$SR" validate unknown-set.xml
contains "unknown set: in plain words" "$ERR" \
	'unknown-set.xml:7:1: error: status-set="results" is not a status set; use progress'

# --- forms -----------------------------------------------------------------------
mkdir forms
expect_exit "form: the achievement plan" 0 "$SR" form -q --year 2024 -O forms "$APLAN" "$ASTATUS"
form=forms/oppdrag-2024-b-skjema.ods
if [ -s "$form" ]; then pass "form: b written"; else fail "form: b written" "$(ls forms)"; fi
s=$(unzip -p "$form" content.xml 2>/dev/null)
contains "form: the drop-down lists the set's words" "$s" \
	'&quot;Oppnådd&quot;;&quot;Delvis oppnådd&quot;;&quot;Ikke oppnådd&quot;;&quot;Ikke aktuelt&quot;'
lacks "form: no progress word" "$s" "Forsinket"
contains "form: what each word means" "$s" "Noe av det som var bestilt, er oppnådd."

mkdir filled lo
$FILL "$form" filled/b.ods 2.2 "Delvis oppnådd" "" "Halve planen levert."
$FILL "$form" filled/b-wrong.ods 2.2 "Fullført" "" "Levert."
src=filled/b.ods
if need "form: LibreOffice round trip" soffice; then
	timeout 300 soffice -env:UserInstallation="file://$PWD/lo-profile" --headless \
		--convert-to ods --outdir "$PWD/lo" filled/b.ods >/dev/null 2>&1
	if [ -s lo/b.ods ]; then pass "form: LibreOffice re-saved it"; src=lo/b.ods; else
		fail "form: LibreOffice re-saved it" "$(ls lo 2>&1)"; fi
fi
expect_exit "import: the filled form" 0 "$SR" import -q --plan "$APLAN" -o imported-b.xml "$src"
contains "import: the set's value" "$(cat imported-b.xml 2>/dev/null)" 'value="partly-achieved"'
expect_exit "import: validates" 0 "$SR" validate -q "$APLAN" "$ASTATUS" imported-b.xml
"$SR" render --dump-tree --owner b "$APLAN" "$ASTATUS" imported-b.xml > tree-b.txt 2>/dev/null
contains "import: the report shows it" "$(cat tree-b.txt)" 'text "Delvis oppnådd"'
contains "import: the comment" "$(cat tree-b.txt)" 'Halve planen levert.'
expect_exit "import: a progress word is refused" 1 "$SR" import -q --plan "$APLAN" \
	-o wrong-b.xml filled/b-wrong.ods
contains "import: the message lists the set's words" "$ERR" \
	'"Fullført" is not a status; use one of: Oppnådd, Delvis oppnådd, Ikke oppnådd, Ikke aktuelt'

# collect names the set's values
"$SR" collect --year 2024 "$APLAN" "$ASTATUS" imported-b.xml > collect.txt 2>&1
rc=$?
if [ "$rc" -eq 0 ] || [ "$rc" -eq 4 ]; then pass "collect: runs"; else
	fail "collect: runs" "exit $rc: $(head -3 collect.txt)"; fi
