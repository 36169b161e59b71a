# Allocation failure: with the N-th heap allocation failing (our own,
# libxml2's and libharu's all go through xalloc), a full render in both
# formats ends cleanly -- exit 3 with a message -- with no crash, no
# sanitizer report and no output file left behind.  Libraries that absorb a
# failed allocation (libxml2 does) cannot be trusted to have produced all
# they should, so any failed allocation fails the report.  Every N is
# tried: SR_FAIL_ALLOC_SWEEP forks a child at each allocation in which that
# allocation fails (tests/alloc/inject.c), up to the first staged output
# file; the few allocations after it get a process each.  The forms
# commands (form, import of a filled-in form, collect) are swept the same
# way.
. "$SR_TOP/tests/lib.sh"
A="$SR_TOP/build/alloc/statusrapport"
if [ "$SR_SANITIZED" = 1 ]; then skip "allocation failure" "runs once, with the plain build"; exit 0; fi
need_file "allocation failure: build/alloc (make alloc)" "$A" || exit 0
export ASAN_OPTIONS="detect_leaks=1:exitcode=99" LSAN_OPTIONS="suppressions=$SR_TOP/tests/lsan.supp"
export UBSAN_OPTIONS="halt_on_error=1:exitcode=98" SOURCE_DATE_EPOCH=1735689600
P="$SR_TOP/tests/bad/base-plan.xml"
# every format of the table: a report is all of them, staged and committed
# together, so each format's allocations and file operations are swept
nfmt=$("$SR" render --help 2>&1 | sed -n 's/.*the formats, comma-separated: \([a-z, ]*\) (default.*/\1/p' | tr ',' '\n' | grep -c .)
[ "$nfmt" -ge 2 ] || { fail "formats" "render --help lists $nfmt formats"; exit 0; }

# late_runs NAME OKRC CMD...: the allocations after staging (from $stop,
# the sweep's, to $total), a process each, since a child forked past that
# point cannot show what the parent's files become.  libxml2 seeds its hash
# tables from the clock, so another process's count differs by a few: try
# a margin around them, and a run that ended as usual (OKRC) before its N
# (its own count says so) was simply not reached.  Each run reached must
# end in exit 3 with a message and no file; sets late and latebad.  @OUT@
# in CMD stands for the folder written into.
late_runs() {
	local name=$1 okrc=$2 n rc made
	shift 2
	late=0 latebad=0
	n=$((stop - 5))
	while [ "$n" -le $((total + 5)) ]; do
		rm -rf w && mkdir w
		SR_COUNT_ALLOC=1 SR_FAIL_ALLOC=$n "$A" "${@//@OUT@/w}" > log.txt 2>&1; rc=$?
		made=$(sed -n 's/^allocations: //p' log.txt)
		if [ "$rc" -eq "$okrc" ] && [ "${made:-0}" -lt "$n" ]; then
			n=$((n + 1))
			continue
		fi
		late=$((late + 1))
		if [ "$rc" -ne 3 ] || [ -n "$(ls -A w)" ] || ! grep -q "error:" log.txt; then
			latebad=$((latebad + 1))
			echo "$name N=$n: exit $rc, left: $(ls -A w)"
		fi
		n=$((n + 1))
	done
}

# sweep NAME ARGS...: every allocation of `render -q -O DIR ARGS` fails once
sweep() {
	name=$1
	shift
	rm -rf sw && mkdir sw
	SR_FAIL_ALLOC_SWEEP=1 SR_COUNT_ALLOC=1 "$A" render -q -O sw "$@" > sweep.txt 2>&1; rc=$?
	total=$(sed -n 's/^allocations: //p' sweep.txt)
	line=$(grep '^sweep: [0-9]* failed allocations' sweep.txt)
	tried=$(echo "$line" | sed -n 's/^sweep: \([0-9]*\) failed.*/\1/p')
	bad=$(echo "$line" | sed -n 's/.*tried, \([0-9]*\) misbehaved.*/\1/p')
	stop=$(echo "$line" | sed -n 's/.*stopped at \([0-9]*\) of.*/\1/p')
	if [ "$rc" -ne 0 ] || [ -z "$total" ] || [ "${tried:-0}" -lt 100 ]; then
		fail "$name: allocation sweep" "rc=$rc, $(tail -3 sweep.txt)"
		return
	fi
	# the sweeping process itself, with every allocation granted, made
	# the report and nothing else; no child left a file
	left=$(ls -A sw | grep -v -e '\.pdf$' -e '\.odt$' -e '\.docx$' -e '\.html$')
	# a file per format: every format, or those -f names
	want=$nfmt prev=
	for a in "$@"; do
		[ "$prev" = -f ] && want=$(echo "$a" | tr ',' '\n' | grep -c .)
		prev=$a
	done
	if [ "$(ls sw | wc -l)" -ne "$want" ] || [ -n "$left" ]; then
		fail "$name: allocation sweep output" "$(ls -A sw)"
		return
	fi
	late_runs "$name" 0 render -q -O @OUT@ "$@"
	if [ "${bad:-1}" -eq 0 ] && [ "$latebad" -eq 0 ]; then
		pass "$name: every one of $total allocations failed in turn ($tried forked, $late a process each): all a clean exit 3"
	else
		fail "$name: allocation failure" "$bad of $tried forked and $latebad of $late late runs misbehaved: $(grep '^sweep: N=' sweep.txt | head -5 | tr '\n' ' ')"
	fi
}
sweep "small plan" "$P"
# shellcheck disable=SC2086
sweep "sample" "$PLAN" $STATUSES
# The national sample: the parent links, an RHF's report with its trusts,
# and the roll-up computed in validation.
# shellcheck disable=SC2086
sweep "national" -f pdf,odt --owner hmn -t arsrapport "$SAMPLES/nasjonal/handlingsplan-kliniske-studier.xml" "$SAMPLES"/nasjonal/status-*.xml
# Statuses computed from the numbers: judged in validation, and marked with
# their basis in the matrix, the key messages, the status cells and an
# RHF's lines for its trusts.
sweep "computed statuses" -f pdf,odt --owner rhf -t arsrapport "$SR_TOP/tests/trees/computed-plan.xml" "$SR_TOP"/tests/trees/computed-status-*.xml

# import: a values CSV read into a status file, every allocation failing
# in turn, a process each: a clean exit 3 with a message and no file, or
# (libxml2 keeps its old hash table when a bigger one cannot be had) the
# very file of a run where nothing failed
rm -rf imp && mkdir imp
IP="$SR_TOP/tests/bad/values-plan.xml" IC="$SR_TOP/tests/bad/values-cp1252.csv"
total=$(SR_COUNT_ALLOC=1 "$A" import -o imp/ref.xml --plan "$IP" "$IC" 2>&1 >/dev/null |
	sed -n 's/^allocations: //p')
tried=0 absorbed=0 ibad=0
for n in $(seq 1 "${total:-0}"); do
	rm -f imp/s.xml
	SR_FAIL_ALLOC=$n "$A" import -o imp/s.xml --plan "$IP" "$IC" > log.txt 2>&1; rc=$?
	tried=$((tried + 1))
	if [ "$rc" -eq 3 ] && [ ! -e imp/s.xml ] && grep -q "error:" log.txt; then continue; fi
	if [ "$rc" -eq 0 ] && cmp -s imp/s.xml imp/ref.xml; then absorbed=$((absorbed + 1)); continue; fi
	ibad=$((ibad + 1))
	echo "import N=$n: exit $rc, $(ls -A imp)"
done
if [ "${total:-0}" -ge 50 ] && [ "$ibad" -eq 0 ] && [ "$(ls -A imp | grep -cv -e '^ref.xml$' -e '^s.xml$')" -eq 0 ]; then
	pass "import of a values CSV: each of $tried allocations failed in turn: a clean exit 3 ($absorbed absorbed, the same file)"
else
	fail "import of a values CSV: allocation failure" "${total:-?} allocations, $ibad misbehaved, left: $(ls -A imp)"
fi

# swept NAME FROM CMD...: every allocation of `statusrapport CMD...` from
# the FROM-th on fails once, each in a child forked there (as in sweep);
# @OUT@ in an argument stands for the folder the command writes into.  The
# sweeping process's own files must be the plain build's, byte for byte
# (SOURCE_DATE_EPOCH), and nothing else; each late run after the first file
# is staged ends in exit 3 with a message and no file.  FROM skips reading
# the plan and status files where a render sweep above has failed every
# one of those allocations already.
swept() {
	name=$1 from=$2
	shift 2
	rm -rf sw ref && mkdir sw ref
	"$SR" "${@//@OUT@/ref}" > /dev/null 2>&1; okrc=$? # collect: 4, answers missing
	SR_FAIL_ALLOC_SWEEP=1 SR_FAIL_ALLOC_SWEEP_FROM=$from SR_COUNT_ALLOC=1 \
		"$A" "${@//@OUT@/sw}" > sweep.txt 2>&1; rc=$?
	total=$(sed -n 's/^allocations: //p' sweep.txt)
	line=$(grep '^sweep: [0-9]* failed allocations' sweep.txt)
	tried=$(echo "$line" | sed -n 's/^sweep: \([0-9]*\) failed.*/\1/p')
	bad=$(echo "$line" | sed -n 's/.*tried, \([0-9]*\) misbehaved.*/\1/p')
	stop=$(echo "$line" | sed -n 's/.*stopped at \([0-9]*\) of.*/\1/p')
	if [ -z "$total" ] || [ "${tried:-0}" -lt 100 ] || [ -z "$(ls -A ref)" ]; then
		fail "$name: allocation sweep" "rc=$rc, $(ls -A ref), $(tail -3 sweep.txt)"
		return
	fi
	if ! diff -r sw ref > /dev/null; then
		fail "$name: allocation sweep output" "$(ls -A sw) differ from $(ls -A ref)"
		return
	fi
	late_runs "$name" "$okrc" "$@"
	if [ "${bad:-1}" -eq 0 ] && [ "$latebad" -eq 0 ]; then
		pass "$name: allocations $from to $total failed in turn ($tried forked, $late a process each): all a clean exit 3"
	else
		fail "$name: allocation failure" "$bad of $tried forked and $latebad of $late late runs misbehaved: $(grep '^sweep: N=' sweep.txt | head -5 | tr '\n' ' ')"
	fi
}
# where reading the sample's plan (and with its status files) ends: the
# count of a validate of the same files, less a margin for libxml2's
# hash tables, which another process may size differently
counted() { SR_COUNT_ALLOC=1 "$A" validate -q "$@" 2>&1 >/dev/null | sed -n 's/^allocations: //p'; }
read_all=$(($(counted "$PLAN" $STATUSES) - 100))
read_plan=$(($(counted "$PLAN") - 100))
ID=hmn-forskning-2023-2026
# form: one owner's ODS form, its own XML form
# shellcheck disable=SC2086
swept "form" "$read_all" form -q -O @OUT@ --owner stolav "$PLAN" $STATUSES
# shellcheck disable=SC2086
swept "form -f xml" "$read_all" form -q -f xml -O @OUT@ --owner hnt "$PLAN" $STATUSES
# import of that form filled in: without the plan every allocation; with
# it, those after reading the plan
"$SR" form -q -O . --owner stolav "$PLAN" $STATUSES
python3 "$SR_TOP/tests/forms/fill-form.py" $ID-2025-stolav-skjema.ods filled.ods \
	1.1.2 "Fullført" 100 "Innført i alle klinikker." 1.3.1 "In progress" 40 "" \
	--value nat-pasienter-kliniske-studier 4.6
swept "import of an ODS form" 1 import -q -o @OUT@/s.xml filled.ods
swept "import of an ODS form with the plan" "$read_plan" import -q --plan "$PLAN" -o @OUT@/s.xml filled.ods
# collect: one status file in, the overview as a spreadsheet too
swept "collect" "$read_plan" collect -f ods -o @OUT@/o.ods "$PLAN" "$SAMPLES/status-2024-hnt.xml"

# Write failures at every file operation (write, fsync, close, rename):
# ENOSPC and EIO end in exit 3 with nothing new left behind and an earlier
# report pair intact; a short write is simply continued.
ops=$(SR_COUNT_ALLOC=1 "$A" render -q -O . "$P" 2>&1 >/dev/null | sed -n 's/^file operations: //p')
rm -f ./p1-2024.*
if [ -z "$ops" ] || [ "$ops" -lt 4 ]; then fail "file operation count" "got '$ops'"; exit 0; fi
mkdir -p keep
expect_exit "write failures: the earlier report pair" 0 "$SR" render -q -O keep "$P"
before=$(cat keep/* | cksum)
bad=0
for kind in enospc eio short; do
	for n in $(seq 1 $((ops + 1))); do
		rm -rf w && mkdir w
		SR_FAIL_WRITE=$n SR_FAIL_WRITE_KIND=$kind "$A" render -q -O w "$P" > log.txt 2>&1; rc=$?
		if [ "$kind" = short ] || [ "$n" -gt "$ops" ]; then
			[ "$rc" -eq 0 ] && [ "$(find w -name 'p1-2024.*' -size +0 | wc -l)" -eq "$nfmt" ] || { bad=$((bad + 1)); echo "$kind N=$n: rc=$rc"; }
		else
			[ "$rc" -eq 3 ] && [ -z "$(ls -A w)" ] && grep -q "cannot write the report" log.txt ||
				{ bad=$((bad + 1)); echo "$kind N=$n: rc=$rc left: $(ls -A w)"; }
			# the same failure over an existing pair leaves it as it was
			SOURCE_DATE_EPOCH=1 SR_FAIL_WRITE=$n SR_FAIL_WRITE_KIND=$kind "$A" render -q -O keep "$P" > /dev/null 2>&1
			[ "$(cat keep/* | cksum)" = "$before" ] && [ "$(ls -A keep | wc -l)" -eq "$nfmt" ] ||
				{ bad=$((bad + 1)); echo "$kind N=$n: the earlier report changed"; }
		fi
	done
done
if [ "$bad" -eq 0 ]; then pass "write failures at each of $ops file operations (ENOSPC, EIO, short)"; else fail "write failures" "$bad cases misbehaved"; fi
