# computed.sh: requirements judged by their numbers (tests/trees/computed-*,
# see the plan's comment).  A status no one reported but an indicator's
# value gives is marked as computed, with its basis, in every format and
# language; a reported status wins; one the numbers contradict is a
# validate warning naming both places, and validate still exits 0; a
# progress plan gets the progress words; an owner's form says last year's
# status was computed; and every file passes its format's checker.
. "$SR_TOP/tests/lib.sh"
export SOURCE_DATE_EPOCH=1735689600
T="$SR_TOP/tests/trees"
CPLAN="$T/computed-plan.xml"
CSTATUS=("$T"/computed-status-*.xml)
ID=krav-2025

# text FILE: what a reader of the file sees, as text (the PDF's lines
# joined, its words one space apart)
text() {
	case "$1" in
	*.pdf) pdftotext -enc UTF-8 "$1" - 2>/dev/null | tr '\n' ' ' | tr -s ' ' ;;
	*.odt) unzip -p "$1" content.xml 2>/dev/null ;;
	*.docx) unzip -p "$1" word/document.xml 2>/dev/null ;;
	*.html) cat "$1" ;;
	esac
}

# --- validate: the contradiction is a warning, naming both places -----------------
expect_exit "validate: exit 0 despite the warning" 0 "$SR" validate "$CPLAN" "${CSTATUS[@]}"
contains "validate: the warning at the reported status" "$ERR" \
	"computed-status-b.xml:6:3: warning: measure 1.1 is reported achieved for 2025 by b, but its numbers say partly-achieved"
contains "validate: the warning names the value's place" "$ERR" \
	"indicator \"ventetid\" has 53 against the target of at most 50 (the value is at $T/computed-status-b.xml:7:3)"
# c's not-achieved agrees with its 61: no warning for it; one warning in all
n=$(printf '%s\n' "$ERR" | grep -c 'warning:')
if [ "$n" -eq 1 ]; then pass "validate: one warning only"; else fail "validate: one warning only" "$n: $ERR"; fi
expect_exit "validate -q: exit 0" 0 "$SR" validate -q "$CPLAN" "${CSTATUS[@]}"
# without b's contradicting report nothing is said
expect_exit "validate without b: exit 0" 0 "$SR" validate "$CPLAN" "$T/computed-status-a.xml" \
	"$T/computed-status-c.xml" "$T/computed-status-rhf.xml"
lacks "validate without b: no warning" "$ERR" "warning"
# a status that claims less than the numbers say contradicts them too
sed 's|<status measure="1.1" value="achieved">|<status measure="1.2" value="not-achieved">|' \
	"$T/computed-status-b.xml" > status-b-kreft.xml
expect_exit "validate, claims too little: exit 0" 0 "$SR" validate "$CPLAN" "$T/computed-status-a.xml" \
	status-b-kreft.xml "$T/computed-status-c.xml" "$T/computed-status-rhf.xml"
contains "validate, claims too little: at b's status" "$ERR" \
	"status-b-kreft.xml:6:3: warning: measure 1.2 is reported not-achieved for 2025 by b, but its numbers say achieved"
contains "validate, claims too little: b's value's place" "$ERR" \
	"has 70 against the target of at least 70 (the value is at status-b-kreft.xml:8:3)"
# the region's own status against its figure, rolled up from its trusts':
# the roll-up is named as one, with the indicator's place
sed 's|<value indicator="ventetid" value="52"/>|<status measure="1.2" value="not-achieved"/>\n  &|' \
	"$T/computed-status-rhf.xml" > status-rhf-kreft.xml
expect_exit "validate, rolled-up value: exit 0" 0 "$SR" validate "$CPLAN" "$T/computed-status-a.xml" \
	"$T/computed-status-c.xml" status-rhf-kreft.xml
contains "validate, rolled-up value: the roll-up's place" "$ERR" \
	"status-rhf-kreft.xml:5:3: warning: measure 1.2 is reported not-achieved for 2025 by rhf, but its numbers say achieved: indicator \"kreft\" has 72.4 against the target of at least 70 (the value is the mean of its owners' values, rolled up for the indicator at $CPLAN:29:5)"

# --- every format, every language ------------------------------------------------
basis_nb="(beregnet fra 52 dager, mål høyst 50 dager, innenfor toleransen på 10 %)"
basis_nn="(rekna ut frå 52 dager, mål høgst 50 dager, innanfor toleransen på 10 %)"
basis_en="(computed from 52 dager, target at most 50 dager, within the tolerance of 10%)"
met_nb="(beregnet fra 71,2 %, mål minst 70,0 %)"
met_nn="(rekna ut frå 71,2 %, mål minst 70,0 %)"
met_en="(computed from 71.2%, target at least 70.0%)"
key_nb="beregnet fra indikatorverdien, ikke rapportert"
key_nn="rekna ut frå indikatorverdien, ikkje rapportert"
key_en="computed from the indicator's value, not reported"
msg_nb="Statusen for 3 tiltak er beregnet fra indikatorverdiene, ikke rapportert: 1.1, 1.2 og 1.3."
msg_nn="Statusen for 3 tiltak er rekna ut frå indikatorverdiane, ikkje rapportert: 1.1, 1.2 og 1.3."
msg_en="The status of 3 measures is computed from their indicators' values, not reported: 1.1, 1.2 and 1.3."
if need "formats" pdftotext unzip; then
	for lang in nb nn en; do
		d=$lang
		mkdir -p "$d"
		sr "$lang: renders" render -q --lang "$lang" -f pdf,odt,docx,html -O "$d" \
			"$CPLAN" "${CSTATUS[@]}" || continue
		bs=basis_$lang mt=met_$lang ky=key_$lang ms=msg_$lang
		for fmt in pdf odt docx html; do
			s=$(text "$d/$ID.$fmt")
			contains "$lang $fmt: a miss within the tolerance, its basis" "$s" "${!bs}"
			contains "$lang $fmt: a met target from a rolled-up value, its basis" "$s" "${!mt}"
			contains "$lang $fmt: the matrix key's computed sign" "$s" "* ${!ky}"
			contains "$lang $fmt: the key message" "$s" "${!ms}"
		done
	done
	# b's reported "achieved" on 1.1 wins over its 53: the matrix shows
	# 1.1 as partly computed overall, a computed achieved for A, B's
	# reported achieved without the sign (pdftotext puts C's ▲ elsewhere)
	contains "pdf: 1.1 in the matrix, reported ones without the sign" "$(text nb/$ID.pdf)" \
		"1.1 Redusere gjennomsnittlig ventetid til under 50 dager ►* ●* ● 1.2"
	py "html: the matrix cells' words say computed" - nb/$ID.html <<'EOF'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
row = s[s.index(">1.1 <"):]
row = row[:row.index("</tr>")]
cells = re.findall(r'<td[^>]*>(.*?)</td>', row, re.S)
words = [re.sub(r"<[^>]+>", "", c).strip() for c in cells]
want = ["Delvis oppnådd (beregnet)", "Oppnådd (beregnet)", "Oppnådd", "Ikke oppnådd"]
assert all(w in x for w, x in zip(want, words)) and len(words) == 4, words
assert "(beregnet)" not in words[2] and "(beregnet)" not in words[3], words
EOF

	# B's own report: its reported status on 1.1 stands, without a
	# basis; its 1.3 is computed from its 53 days
	mkdir -p b
	if sr "owner b: renders" render -q --owner b -f pdf,html -O b "$CPLAN" "${CSTATUS[@]}"; then
		s=$(text b/$ID-b.pdf)
		contains "owner b: 1.3 computed from its own value" "$s" "beregnet fra 53 dager"
		lacks "owner b: its reported 1.1 has no basis" "$s" "beregnet fra 52 dager"
		contains "owner b: its comment on 1.1" "$s" "Ventetiden er redusert."
	fi

	# the same plan in the progress set: completed, in progress, delayed
	sed 's/status-set="achievement"/status-set="progress"/; s/value="achieved"/value="completed"/' \
		"$CPLAN" > progress-plan.xml
	for f in "${CSTATUS[@]}"; do
		sed 's/value="not-achieved"/value="delayed"/; s/value="achieved"/value="completed"/' "$f" \
			> "progress-$(basename "$f")"
	done
	mkdir -p p
	expect_exit "progress: validates, warning" 0 "$SR" validate progress-plan.xml progress-computed-status-*.xml
	contains "progress: b's completed contradicts its 53" "$ERR" \
		"is reported completed for 2025 by b, but its numbers say in-progress"
	if sr "progress: renders" render -q -f pdf,html -O p progress-plan.xml progress-computed-status-*.xml; then
		contains "progress: pdf, the basis" "$(text p/$ID.pdf)" "$basis_nb"
		# the status cells: the word above its basis
		py "progress: completed and in progress, computed" - p/$ID.html <<'EOF'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read().replace("\u00a0", " ")
cells = [re.sub(r"<[^>]+>", " ", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", s, re.S)]
cells = [" ".join(c.split()) for c in cells if "(beregnet fra" in c]
assert any("Pågår" in c and "52 dager" in c for c in cells), cells
assert any("Fullført" in c and "71,2 %" in c for c in cells), cells
assert not any("ppnådd" in c for c in cells), cells
EOF
	fi
fi

# --- the form: last year's status, computed ----------------------------------------
sed 's/to="2025"/to="2026"/' "$CPLAN" > plan-2026.xml
mkdir -p form
if sr "form: writes" form -q -f xml -O form --owner a --year 2026 plan-2026.xml "${CSTATUS[@]}"; then
	contains "form: last year's status, marked computed" "$(cat form/krav-2026-a-skjema.xml)" \
		"2025: Oppnådd (beregnet)"
fi

# --- each file passes its format's own checker --------------------------------------
format_checks nb/$ID.odt en/$ID.odt nb/$ID.docx en/$ID.docx nb/$ID.pdf nn/$ID.pdf en/$ID.pdf \
	nb/$ID.html nn/$ID.html en/$ID.html p/$ID.html
