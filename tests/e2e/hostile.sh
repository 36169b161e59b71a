# hostile.sh: what one owner sends can not sink a run.  Interrupted runs
# leave nothing behind and end by their signal; huge words and cells are
# laid out in linear time.  Each program run is judged by its exit code.
. "$SR_TOP/tests/lib.sh"
BASE="$SR_TOP/tests/bad/base-plan.xml"

# --- interrupted runs --------------------------------------------------------
# A plan large enough that a render takes seconds.  The signal is sent once
# a temporary file is staged (when the run gets that far before the poll
# gives up, it is sent anyway); then the folder must be empty and the exit
# status the signal's (a shell shows 128 + its number).
python3 "$SR_TOP/bench/gen-plan" --measures 10000 > big.xml
# A background job of a script starts with SIGINT ignored, and a program
# keeps an ignored signal ignored: python restores the default first.
start() { python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])' "$@" & pid=$!; }
for s in INT:130 TERM:143 HUP:129; do
	sig=${s%:*} code=${s#*:}
	rm -rf o && mkdir o
	start "$SR" render -q -O o big.xml
	for _ in $(seq 1 2000); do
		if ls -A o | grep -q '^\.'; then break; fi
		sleep 0.005
	done
	staged=$(ls -A o | grep '^\.' | head -1)
	kill -"$sig" "$pid"
	wait "$pid"; rc=$?
	if [ "$rc" -eq "$code" ]; then pass "render stopped by SIG$sig: exit $code"; else
		fail "render stopped by SIG$sig" "exit $rc, wanted $code"; fi
	left=$(ls -A o | grep '^\.')
	if [ -z "$left" ]; then pass "render stopped by SIG$sig: no temporary file left (${staged:-none seen})"; else
		fail "render stopped by SIG$sig: temporary files" "$left"; fi
done

# batch: the signal reaches the workers, each removes its own files, and the
# parent ends after them.
python3 "$SR_TOP/bench/gen-plan" --measures 3000 --owners 30 > owners.xml
rm -rf o && mkdir o
start "$SR" batch -q -j 2 -O o owners.xml
sleep 1
kill -TERM "$pid"
wait "$pid"; rc=$?
if [ "$rc" -eq 143 ]; then pass "batch stopped by SIGTERM: exit 143"; else
	fail "batch stopped by SIGTERM" "exit $rc, wanted 143"; fi
left=$(ls -A o | grep '^\.')
if [ -z "$left" ]; then pass "batch stopped by SIGTERM: no temporary file left"; else
	fail "batch stopped by SIGTERM: temporary files" "$left"; fi
rm -rf o big.xml owners.xml

# --- time that grows with the input --------------------------------------------
# One word of 1 MB (the most one text may be) in a table cell and in a
# paragraph: each line of it and each page of the row is found without
# going over the rest again.  Quadratic, the cell took minutes.
python3 - "$BASE" <<'PY'
import sys
s = open(sys.argv[1], encoding='utf-8').read()
w = 'k' * 1000000
open('cell.xml', 'w').write(s.replace('<em>opptrappingsplan</em>', '<em>' + w + '</em>'))
open('para.xml', 'w').write(s.replace('<measure id="1.1">', '<vision>' + w + '</vision><measure id="1.1">', 1))
PY
for f in cell para; do
	t0=$(date +%s%N)
	expect_exit "a 1 MB word in a $f renders" 0 "$SR" render -q -f pdf -o "$f.pdf" "$f.xml"
	ms=$((($(date +%s%N) - t0) / 1000000))
	limit=5000
	[ "${SR_SANITIZED:-0}" = 1 ] && limit=30000
	if [ "$ms" -lt "$limit" ]; then pass "a 1 MB word in a $f: ${ms} ms"; else
		fail "a 1 MB word in a $f" "${ms} ms, over ${limit} ms"; fi
done
rm -f cell.xml para.xml cell.pdf para.pdf
