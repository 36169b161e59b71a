# Allocation failure: with the N-th heap allocation failing (our own,
# libxml2's and libharu's all go through xalloc), a full render in both
# formats ends cleanly -- exit 3 with a message -- with no crash, no
# sanitizer report and no output file left behind.  Libraries that absorb a
# failed allocation (libxml2 does) cannot be trusted to have produced all
# they should, so any failed allocation fails the report.  make check samples about 250 values of N spread
# over the whole run; SR_ALLOC_EXHAUSTIVE=1 tries every N (hours).
. "$SR_TOP/tests/lib.sh"
A="$SR_TOP/build/alloc/statusrapport"
if [ ! -x "$A" ]; then skip "allocation failure" "no build/alloc (make alloc)"; exit 0; fi
if [ "$SR_SANITIZED" = 1 ]; then skip "allocation failure" "runs once, with the plain build"; exit 0; fi
export ASAN_OPTIONS="detect_leaks=1:exitcode=99" LSAN_OPTIONS="suppressions=$SR_TOP/tests/lsan.supp"
export UBSAN_OPTIONS="halt_on_error=1:exitcode=98" SOURCE_DATE_EPOCH=1735689600
P="$SR_TOP/tests/bad/base-plan.xml"
total=$(SR_COUNT_ALLOC=1 "$A" render -q -O . "$P" 2>&1 >/dev/null | sed -n 's/^allocations: //p')
rm -f ./*.pdf ./*.odt
if [ -z "$total" ] || [ "$total" -lt 100 ]; then fail "allocation count" "got '$total'"; exit 0; fi
pass "a full render makes $total allocations"
step=1
[ "${SR_ALLOC_EXHAUSTIVE:-0}" = 1 ] || step=$(( total / 250 + 1 ))
bad=0 tried=0 failed_clean=0
n=1
while [ "$n" -le "$total" ]; do
	mkdir -p out
	SR_FAIL_ALLOC=$n "$A" render -q -O out "$P" > log.txt 2>&1; rc=$?
	tried=$((tried + 1))
	left=$(ls -A out)
	case "$rc" in
	3) failed_clean=$((failed_clean + 1))
	   if [ -n "$left" ]; then bad=$((bad + 1)); echo "N=$n: files left after failure: $left"; fi
	   grep -q "error:" log.txt || { bad=$((bad + 1)); echo "N=$n: exit 3 without a message"; } ;;
	*) bad=$((bad + 1)); echo "N=$n: exit $rc"; head -20 log.txt ;;
	esac
	rm -rf out
	[ "$bad" -gt 10 ] && break
	n=$((n + step))
done
if [ "$bad" -eq 0 ]; then pass "$tried injected failures (every ${step}th of $total): all $failed_clean a clean exit 3"
else fail "allocation failure" "$bad of $tried runs misbehaved"; fi

# The bundled sample, both formats: about 100 values of N over its run.
total=$(SR_COUNT_ALLOC=1 "$A" render -q -O . "$PLAN" $STATUSES 2>&1 >/dev/null | sed -n 's/^allocations: //p')
rm -f ./*.pdf ./*.odt
step=$(( ${total:-1} / 100 + 1 ))
[ "${SR_ALLOC_EXHAUSTIVE:-0}" = 1 ] && step=1
bad=0 tried=0
for n in $(seq 7 "$step" "${total:-0}"); do
	rm -rf s && mkdir s
	# shellcheck disable=SC2086
	SR_FAIL_ALLOC=$n "$A" render -q -O s "$PLAN" $STATUSES > log.txt 2>&1; rc=$?
	tried=$((tried + 1))
	[ "$rc" -eq 3 ] && [ -z "$(ls -A s)" ] || { bad=$((bad + 1)); echo "sample N=$n: exit $rc, left: $(ls -A s)"; head -5 log.txt; }
	[ "$bad" -gt 5 ] && break
done
if [ "$bad" -eq 0 ] && [ "$tried" -gt 0 ]; then pass "sample: $tried injected failures of its $total allocations, all a clean exit 3"
else fail "sample allocation failure" "$bad of $tried misbehaved"; fi

# Write failures at every file operation (write, fsync, close, rename):
# ENOSPC and EIO end in exit 3 with nothing new left behind and an earlier
# report pair intact; a short write is simply continued.
ops=$(SR_COUNT_ALLOC=1 "$A" render -q -O . "$P" 2>&1 >/dev/null | sed -n 's/^file operations: //p')
rm -f ./*.pdf ./*.odt
if [ -z "$ops" ] || [ "$ops" -lt 4 ]; then fail "file operation count" "got '$ops'"; exit 0; fi
mkdir -p keep && "$SR" render -q -O keep "$P" && before=$(cat keep/* | cksum)
bad=0
for kind in enospc eio short; do
	for n in $(seq 1 $((ops + 1))); do
		rm -rf w && mkdir w
		SR_FAIL_WRITE=$n SR_FAIL_WRITE_KIND=$kind "$A" render -q -O w "$P" > log.txt 2>&1; rc=$?
		if [ "$kind" = short ] || [ "$n" -gt "$ops" ]; then
			[ "$rc" -eq 0 ] && [ -s w/p1-2024.pdf ] && [ -s w/p1-2024.odt ] || { bad=$((bad + 1)); echo "$kind N=$n: rc=$rc"; }
		else
			[ "$rc" -eq 3 ] && [ -z "$(ls -A w)" ] && grep -q "cannot write the report" log.txt ||
				{ bad=$((bad + 1)); echo "$kind N=$n: rc=$rc left: $(ls -A w)"; }
			# the same failure over an existing pair leaves it as it was
			SOURCE_DATE_EPOCH=1 SR_FAIL_WRITE=$n SR_FAIL_WRITE_KIND=$kind "$A" render -q -O keep "$P" > /dev/null 2>&1
			[ "$(cat keep/* | cksum)" = "$before" ] && [ "$(ls -A keep | wc -l)" -eq 2 ] ||
				{ bad=$((bad + 1)); echo "$kind N=$n: the earlier report changed"; }
		fi
	done
done
if [ "$bad" -eq 0 ]; then pass "write failures at each of $ops file operations (ENOSPC, EIO, short)"; else fail "write failures" "$bad cases misbehaved"; fi
