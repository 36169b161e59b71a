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
SHARED="$SR_TOP/../shared"

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

# contains NAME HAYSTACK NEEDLE
contains() {
	case "$2" in *"$3"*) pass "$1" ;; *) fail "$1" "'$3' not found in: $(printf '%s' "$2" | head -c 400)" ;; esac
}

have() { command -v "$1" >/dev/null 2>&1; }
