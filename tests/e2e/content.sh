# content.sh: does each report say what the plan and the status files say?
# tests/content_check.py reads the measures, comments and indicators from
# the XML itself and looks for each in the report's text, for every report
# kind and format, so a measure, comment or chart dropped by one backend
# fails here even when the file is otherwise well formed.
. "$SR_TOP/tests/lib.sh"
export SOURCE_DATE_EPOCH=1795000000
need "content: tools" pdftotext || exit 0
CHECK="$SR_TOP/tests/content_check.py"
# shellcheck disable=SC2086
set -- $PLAN $STATUSES
ID=hmn-forskning-2023-2026-2024
# every format of the table, so a new one is judged as soon as it is a row
FMTS=$("$SR" render --help 2>&1 | sed -n 's/.*the formats, comma-separated: \([a-z, ]*\) (default.*/\1/p' | tr -d ' ')
FMTLIST=$(echo "$FMTS" | tr ',' ' ')
[ -n "$FMTS" ] || fail "content: formats" "render --help lists none"
nind=$(grep -c '<indicator id=' "$PLAN")

# judge NAME FILE ARGS...: the content check on one report
judge() {
	local name=$1 f=$2; shift 2
	if [ ! -s "$f" ]; then fail "$name" "no $f"; return; fi
	py "$name" "$CHECK" "$f" "$PLAN" $STATUSES "$@"
}

mkdir -p regional owner board batch pdfa en
sr "content: render arsrapport" render -q -f "$FMTS" -O regional "$@"
for fmt in $FMTLIST; do
	judge "content: arsrapport $fmt: every measure, the year's comments, indicators, charts" \
		"regional/$ID.$fmt" --charts "$nind"
done
for o in stolav hnt rbu; do
	sr "content: render --owner $o" render -q -f "$FMTS" --owner "$o" -O owner "$@"
	for fmt in $FMTLIST; do
		judge "content: helseforetak --owner $o $fmt: its measures and comments" \
			"owner/$ID-$o.$fmt" --owner "$o" --charts "$nind"
	done
done
sr "content: render styremote" render -q -t styremote -f "$FMTS" -O board "$@"
for fmt in $FMTLIST; do
	judge "content: styremote $fmt: the goals (a board paper has no charts)" "board/$ID.$fmt" --no-measures
done
sr "content: render --pdfa" render -q --pdfa -f pdf -O pdfa "$@"
judge "content: arsrapport --pdfa" "pdfa/$ID.pdf" --charts "$nind"
sr "content: render --lang en" render -q --lang en -f "$FMTS" -O en "$@"
for fmt in $FMTLIST; do
	judge "content: arsrapport --lang en $fmt" "en/$ID.$fmt" --charts "$nind"
done
# batch renders the same reports in worker processes
sr "content: batch" batch -q -j 2 -f "$FMTS" -O batch "$@"
for fmt in $FMTLIST; do
	judge "content: batch regional $fmt" "batch/$ID.$fmt" --charts "$nind"
	judge "content: batch hmr $fmt" "batch/$ID-hmr.$fmt" --owner hmr --charts "$nind"
done

# the checker itself: a report without a measure, a comment or its
# charts must fail it
sed 's|<text>Tilrettelegge for desentraliserte studier</text>|<text>Noe helt annet</text>|' "$PLAN" > other.xml
sr "content: render a changed plan" render -q -f pdf -o changed.pdf other.xml $STATUSES
for fmt in $FMTLIST; do
	[ "$fmt" = pdf ] || sr "content: render a changed plan ($fmt)" render -q -f "$fmt" -o "changed.$fmt" other.xml $STATUSES
done
for f in $(for fmt in $FMTLIST; do echo "changed.$fmt"; done); do
	if out=$(python3 "$CHECK" "$f" "$PLAN" $STATUSES 2>&1); then
		fail "content: checker notices a changed measure ($f)" "it passed: $out"
	else
		contains "content: checker names the changed measure ($f)" "$out" "missing measure text 1.1.4"
	fi
done
if python3 "$CHECK" "regional/$ID.odt" "$PLAN" $STATUSES --charts $((nind + 2)) >/dev/null 2>&1; then
	fail "content: checker counts charts" "more charts than drawn passed"
else
	pass "content: checker counts charts"
fi
