# tests/lib.sh: what every end-to-end script sources.  Each check appends
# one line to $SR_RESULTS ("pass NAME", "fail NAME: why", "skip NAME: why");
# tests/run counts them.  Scripts run in a fresh empty folder.
#   $SR      the statusrapport binary under test
#   $SR_TOP  the repository
#   $SR_SANITIZED  1 when the binary is an ASan/UBSan build
set -u
SAMPLES="$SR_TOP/samples"
PLAN="$SAMPLES/handlingsplan-forskning-2023-2026.xml"
STATUSES=$(ls "$SAMPLES"/status-*.xml 2>/dev/null | sort | tr '\n' ' ')
SHARED=${SR_SHARED:-"$SR_TOP/../shared"}

pass() { echo "pass $1" >> "$SR_RESULTS"; }
fail() { echo "fail $1: $2" >> "$SR_RESULTS"; echo "FAIL $1: $2"; }
skip() { echo "skip $1: $2" >> "$SR_RESULTS"; }

# check NAME COMMAND...: pass when the command succeeds.
check() {
	local name=$1; shift
	if "$@" >/dev/null 2>&1; then pass "$name"; else fail "$name" "command failed: $*"; fi
}

# expect_exit NAME CODE COMMAND...: run, keep stderr in $ERR, compare exit code.
expect_exit() {
	local name=$1 code=$2; shift 2
	ERR=$("$@" 2>&1 >/dev/null); local rc=$?
	if [ "$rc" -eq "$code" ]; then pass "$name"; else
		fail "$name" "exit $rc, wanted $code; stderr: $(printf '%s' "$ERR" | head -5)"; fi
}

# plainspace HAYSTACK NEEDLE: the haystack with its no-break spaces as
# spaces and its word joiners gone, unless the needle holds either: the
# report sets "12. februar" with a no-break space, and a check that is not
# about spacing should not have to spell it.
plainspace() {
	local nb=$'\xc2\xa0' wj=$'\xe2\x81\xa0'
	case "$2" in *"$nb"* | *"$wj"*) printf '%s' "$1"; return ;; esac
	case "$1" in *"$nb"* | *"$wj"*) ;; *) printf '%s' "$1"; return ;; esac
	printf '%s' "$1" | LC_ALL=C sed 's/\xc2\xa0/ /g; s/\xe2\x81\xa0//g'
}

# contains NAME HAYSTACK NEEDLE: an empty needle is found in anything, so
# it is a failure (it usually means the command that made it failed).
contains() {
	if [ -z "$3" ]; then fail "$1" "empty needle"; return; fi
	local hay
	hay=$(plainspace "$2" "$3")
	case "$hay" in *"$3"*) pass "$1" ;; *) fail "$1" "'$3' not found in: $(printf '%s' "$hay" | head -c 400)" ;; esac
}

# lacks NAME HAYSTACK NEEDLE: the opposite of contains.
lacks() {
	if [ -z "$3" ]; then fail "$1" "empty needle"; return; fi
	local hay
	hay=$(plainspace "$2" "$3")
	case "$hay" in *"$3"*) fail "$1" "'$3' found in: $(printf '%s' "$hay" | head -c 400)" ;; *) pass "$1" ;; esac
}

have() { command -v "$1" >/dev/null 2>&1; }

# missing NAME WHY: a tool or file the check needs is not there.  On a
# user's machine that is a skip; under CI=true, where scripts/install-deps
# test and ../shared are part of the set-up, it is a failure, so a check
# cannot quietly stop running.
missing() {
	if [ "${CI:-}" = true ]; then fail "$1" "$2 (CI=true: required)"; else skip "$1" "$2"; fi
}

# need NAME TOOL...: true when every tool is installed, else missing().
need() {
	local name=$1 t; shift
	for t in "$@"; do
		have "$t" || { missing "$name" "$t not installed (scripts/install-deps test)"; return 1; }
	done
}

# need_file NAME PATH: true when PATH exists (e.g. ../shared's validator).
need_file() {
	[ -e "$2" ] && return 0
	missing "$1" "no $2"
	return 1
}

# format_checks FILE...: each file passes its format's own checker, picked
# by its extension: ../shared's validate-odt (a check a file) and
# validate-docx (one check for all), qpdf --check (a check a file), the W3C
# Nu checker (one check for all).
format_checks() {
	local f out odt=() docx=() pdf=() html=()
	local vnu="$SR_TOP/tests/node/node_modules/vnu-jar/build/dist/vnu.jar"
	for f in "$@"; do
		case $f in
		*.odt) odt+=("$f") ;;
		*.docx) docx+=("$f") ;;
		*.pdf) pdf+=("$f") ;;
		*.html) html+=("$f") ;;
		esac
	done
	if [ ${#odt[@]} -gt 0 ] && need_file "odt: validate-odt" "$SHARED/odf-schema/validate-odt"; then
		for f in "${odt[@]}"; do
			if out=$("$SHARED/odf-schema/validate-odt" "$f" 2>&1); then pass "$f: validate-odt"
			else fail "$f: validate-odt" "$(printf '%s' "$out" | head -5)"; fi
		done
	fi
	if [ ${#docx[@]} -gt 0 ] && need_file "docx: validate-docx" "$SHARED/ooxml-schema/validate-docx"; then
		if out=$("$SHARED/ooxml-schema/validate-docx" -q "${docx[@]}" 2>&1); then pass "docx: validate-docx"
		else fail "docx: validate-docx" "$(printf '%s' "$out" | head -5)"; fi
	fi
	if [ ${#pdf[@]} -gt 0 ] && need "pdf: qpdf --check" qpdf; then
		for f in "${pdf[@]}"; do
			if out=$(qpdf --check "$f" 2>&1); then pass "$f: qpdf --check"
			else fail "$f: qpdf --check" "$(printf '%s' "$out" | head -5)"; fi
		done
	fi
	if [ ${#html[@]} -gt 0 ] && need "html: vnu" java && need_file "html: vnu" "$vnu"; then
		if out=$(java -jar "$vnu" --errors-only "${html[@]}" 2>&1); then pass "html: vnu"
		else fail "html: vnu" "$(printf '%s' "$out" | head -10)"; fi
	fi
}

# sr NAME COMMAND-ARGS...: run the program, which must exit 0; a failure
# (including a sanitizer's report, exit 98/99) fails NAME.  Stderr is kept
# in $ERR.  Returns the exit code, so callers can stop on failure.
sr() {
	local name=$1; shift
	ERR=$("$SR" "$@" 2>&1 >/dev/null); local rc=$?
	if [ "$rc" -eq 0 ]; then pass "$name"; else
		fail "$name" "exit $rc: $(printf '%s' "$ERR" | head -5)"; fi
	return $rc
}

# py NAME SCRIPT ARGS...: a python check (script on stdin when SCRIPT is
# -); its failure fails NAME and its output is kept in $OUT.
py() {
	local name=$1; shift
	OUT=$(python3 "$@" 2>&1); local rc=$?
	if [ "$rc" -eq 0 ]; then pass "$name"; else
		fail "$name" "python exit $rc: $(printf '%s' "$OUT" | tail -5)"; fi
	return $rc
}
