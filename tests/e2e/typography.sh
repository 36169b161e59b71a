# typography.sh: the house's typography as readers see it.
#   - sizes: table text at least 9.5 pt, notes at least 8.5 pt (in cells
#     too), for every built-in template (render --dump-style);
#   - hyphenation (tests/typo_check.py, through pdfminer, which keeps a
#     line's end hyphen): no heading, contents entry, table head or status
#     cell hyphenated, no piece of a hyphenated word under three letters,
#     for the sample (three languages, the board paper, a trust's report),
#     the national plan and the odd plan; and in LibreOffice's PDF of the
#     sample's ODT;
#   - the body's lines hold at most 90 characters;
#   - a contents entry's second line starts under its text;
#   - the text: no-break spaces, en dashes with a word joiner, the
#     language's quotes, in the tree and in each format; the PDF never
#     paints the joiner, and LibreOffice does not break "2023–2026".
. "$SR_TOP/tests/lib.sh"
export SOURCE_DATE_EPOCH=1733000000
# shellcheck disable=SC2086
set -- $PLAN $STATUSES
NAT="$SAMPLES/nasjonal/handlingsplan-kliniske-studier.xml"
NATS=$(ls "$SAMPLES"/nasjonal/status-*.xml | sort | tr '\n' ' ')
ODD="$SR_TOP/tests/trees/odd-plan.xml"
ODDS=$(ls "$SR_TOP"/tests/trees/odd-status-*.xml | sort | tr '\n' ' ')
CHECK="$SR_TOP/tests/typo_check.py"

# --- sizes ----------------------------------------------------------------
for t in arsrapport styremote helseforetak; do
	own=
	[ "$t" = helseforetak ] && own="--owner stolav"
	# shellcheck disable=SC2086
	"$SR" render --dump-style -t "$t" $own "$@" > "$t.style" 2>/dev/null
	v=$(awk '$1 == "table.size" { print ($2 >= 9.5) ? "ok" : $2 }' "$t.style")
	if [ "$v" = ok ]; then pass "$t: table text at least 9.5 pt"
	else fail "$t: table text at least 9.5 pt" "$v pt"; fi
	v=$(awk '($1 == "para.note.size" || $1 == "table.note-size") && $2 < 8.5 { print $1 " " $2 }' "$t.style")
	if [ -z "$v" ]; then pass "$t: notes at least 8.5 pt"; else fail "$t: notes at least 8.5 pt" "$v"; fi
	v=$(awk '$1 ~ /^heading\.[0-9]\.hyphenate$/ && $2 != 0' "$t.style")
	if [ -z "$v" ]; then pass "$t: headings not hyphenated"; else fail "$t: headings not hyphenated" "$v"; fi
done

# --- the tree's text --------------------------------------------------------
nbsp=$(printf '\302\240') wj=$(printf '\342\201\240') ndash=$(printf '\342\200\223')
"$SR" render --dump-tree "$@" > nb.tree 2>/dev/null
"$SR" render --dump-tree --lang en "$@" > en.tree 2>/dev/null
"$SR" render --dump-tree --lang en "$ODD" $ODDS > odd-en.tree 2>/dev/null
# the texts (a chart's data and its alt text are the chart's own)
t=$(grep '^ *text "' nb.tree)
contains "tree: a date keeps together" "$t" "2.${nbsp}juni${nbsp}2023"
contains "tree: St. Olavs keeps together" "$t" "St.${nbsp}Olavs"
contains "tree: a number keeps its unit" "$t" "5${nbsp}prosent"
contains "tree: 5 % in Norwegian" "$t" "5${nbsp}%"
lacks "tree: no 5% in Norwegian" "$t" "5%"
contains "tree: a year range has an en dash and a joiner" "$t" "2023${ndash}${wj}2026"
lacks "tree: no year range with a hyphen" "$t" "2023-2026"
contains "tree: the builder quotes in Norwegian" "$t" "«Regional handlingsplan"
t=$(grep '^ *text "' en.tree)
# shellcheck disable=SC1111 # the English quotes are what is looked for
contains "tree: the builder quotes in English" "$t" "“Regional handlingsplan"
contains "tree: 5% in English" "$t" "5%"
# shellcheck disable=SC1111
contains "tree: the plan's straight quotes in English" "$(cat odd-en.tree)" "“rare”"

# --- hyphenation in our PDF -------------------------------------------------
PYM=
for p in python3 /usr/bin/python3; do
	if have "$p" && "$p" -c "import pdfminer" 2>/dev/null; then PYM=$p; break; fi
done
if [ -z "$PYM" ]; then
	missing "typography: pdfminer" "python3-pdfminer not installed (scripts/install-deps test)"
	exit 0
fi
run_case() { # NAME ARGS...: render the PDF and the tree, judge them
	local name=$1; shift
	mkdir -p "$name"
	if ! sr "$name: renders" render -f pdf -O "$name" "$@"; then
		return
	fi
	lacks "$name: no missing glyph" "$ERR" "no glyph"
	"$SR" render --dump-tree "$@" > "$name.tree" 2>/dev/null
	local pdf
	pdf=$(ls "$name"/*.pdf | head -1)
	if OUT=$("$PYM" "$CHECK" hyphens "$pdf" "$name.tree" 2>&1); then
		pass "$name: no label hyphenated, no short piece"
	else
		fail "$name: no label hyphenated, no short piece" "$(printf '%s' "$OUT" | head -6)"
	fi
}
run_case arsrapport-nb --lang nb "$@"
run_case arsrapport-nn --lang nn "$@"
run_case arsrapport-en --lang en "$@"
run_case styremote-nb -t styremote "$@"
run_case helseforetak-nb -t helseforetak --owner stolav "$@"
# shellcheck disable=SC2086
run_case national-nb "$NAT" $NATS
# shellcheck disable=SC2086
run_case national-en --lang en "$NAT" $NATS
# shellcheck disable=SC2086
run_case odd-nb "$ODD" $ODDS
# shellcheck disable=SC2086
run_case odd-en -t styremote --lang en "$ODD" $ODDS

pdf=$(ls arsrapport-nb/*.pdf | head -1)
if OUT=$("$PYM" "$CHECK" measure "$pdf" 90 2>&1); then
	pass "the body's lines hold at most 90 characters"
else
	fail "the body's lines hold at most 90 characters" "$(printf '%s' "$OUT" | tail -2)"
fi
if OUT=$("$PYM" "$CHECK" hang "$pdf" 2>&1) && ! printf '%s' "$OUT" | grep -q ": 0 contents"; then
	pass "contents entries hang under their text"
else
	fail "contents entries hang under their text" "$(printf '%s' "$OUT" | head -4)"
fi
t=$(pdftotext "$pdf" - 2>/dev/null)
contains "PDF: the range reads as set" "$t" "2023${ndash}2026"
lacks "PDF: no joiner painted" "$t" "$wj"

# --- the other formats carry the marks ----------------------------------------
mkdir -p fmt
"$SR" render -q -f odt,docx,html -O fmt "$@" 2>/dev/null
odt=$(ls fmt/*.odt | head -1) docx=$(ls fmt/*.docx | head -1) html=$(ls fmt/*.html | head -1)
t=$(unzip -p "$odt" content.xml styles.xml 2>/dev/null)
contains "ODT: the range keeps together" "$t" "2023${ndash}${wj}2026"
contains "ODT: St. Olavs keeps together" "$t" "St.${nbsp}Olavs"
contains "ODT: at least three letters a piece" "$t" 'fo:hyphenation-remain-char-count="3"'
contains "ODT: a page ends in no hyphen" "$t" 'fo:hyphenation-keep="page"'
contains "ODT: table heads are not hyphenated" \
	"$(printf '%s' "$t" | tr '>' '\n' | grep -A2 'style:name="Table_20_Heading"' | tr '\n' ' ')" \
	'fo:hyphenate="false"'
contains "ODT: a contents entry hangs" \
	"$(printf '%s' "$t" | tr '>' '\n' | grep -A1 'style:name="Contents_20_2"' | tr '\n' ' ')" \
	'fo:text-indent="-'
t=$(unzip -p "$docx" word/document.xml word/styles.xml 2>/dev/null)
contains "DOCX: the range keeps together" "$t" "2023${ndash}${wj}2026"
contains "DOCX: a contents entry hangs" "$t" 'w:hanging='
t=$(cat "$html")
contains "HTML: the range keeps together" "$t" "2023${ndash}${wj}2026"
contains "HTML: three letters a piece" "$t" "hyphenate-limit-chars:6 3 3"
contains "HTML: table heads are not hyphenated" "$t" "thead th p{hyphens:manual"

# --- LibreOffice sets the ODT ---------------------------------------------------
if ! need "typography: LibreOffice" soffice; then
	exit 0
fi
profile="$PWD/lo-profile"
timeout 240 soffice -env:UserInstallation="file://$profile" --headless \
	--convert-to pdf --outdir lo "$odt" >/dev/null 2>&1
lopdf=$(ls lo/*.pdf 2>/dev/null | head -1)
if [ -z "$lopdf" ]; then
	fail "LibreOffice: converts the ODT" "no PDF"
	exit 0
fi
pass "LibreOffice: converts the ODT"
# LibreOffice 7 has no rule for a page's last line (fo:hyphenation-keep
# is honoured from 24.2)
if OUT=$("$PYM" "$CHECK" hyphens "$lopdf" arsrapport-nb.tree --page-ends 2>&1); then
	pass "LibreOffice: no label hyphenated, no short piece"
else
	fail "LibreOffice: no label hyphenated, no short piece" "$(printf '%s' "$OUT" | head -6)"
fi
t=$(pdftotext -l 1 "$lopdf" - 2>/dev/null)
lacks "LibreOffice: the title keeps 2023–2026 together" "$t" "2023${ndash}
2026"
contains "LibreOffice: the title's range" "$t" "2023${ndash}"
