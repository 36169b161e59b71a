# Every bad input gives its exit code and its exact first message, and
# writes nothing; the tricky valid ones (BOM, UTF-16, Latin-1) pass.
. "$SR_TOP/tests/lib.sh"
cd "$SR_TOP/tests/bad" || exit 1
out=$(mktemp -d)
while IFS='|' read -r name kind code want; do
	case "$name" in ''|\#*) continue ;; esac
	case "$kind" in
	status) set -- base-plan.xml "$name.xml" ;;
	case) set -- -t styremote --case "$name.xml" base-plan.xml ;;
	template) if [ -f "$name.xml" ]; then set -- -t "$name.xml" base-plan.xml; else set -- -t "$name" base-plan.xml; fi ;;
	*) set -- "$name.xml" ;;
	esac
	# a case file is read only by render and batch
	if [ "$kind" = case ]; then
		got=$(timeout 20 "$SR" render -q -f pdf -O "$out" "$@" 2>&1 >/dev/null); rc=$?
	elif [ "$kind" = values ]; then
		got=$(timeout 20 "$SR" import -q -o "$out/s.xml" --plan values-plan.xml "$name.csv" 2>&1 >/dev/null); rc=$?
	else
		got=$(timeout 20 "$SR" validate -q "$@" 2>&1 >/dev/null); rc=$?
	fi
	first=$(printf '%s\n' "$got" | head -n 1)
	if [ "$rc" -ne "$code" ]; then
		fail "$name exit" "exit $rc, wanted $code ($first)"
	elif [ "$first" != "$want" ]; then
		fail "$name message" "got: $first | wanted: $want"
	else
		pass "$name"
	fi
	# import writes nothing on a problem, and a status file that validates
	# with its values when all is right
	if [ "$kind" = values ]; then
		if [ "$code" -ne 0 ]; then
			if [ -z "$(ls -A "$out")" ]; then pass "$name writes nothing"
			else fail "$name writes nothing" "$(ls -A "$out")"; fi
		elif "$SR" validate -q values-plan.xml "$out/s.xml" >/dev/null 2>&1 &&
		     grep -q 'indicator="nye" value="1234.5" category="kreft"' "$out/s.xml"; then
			pass "$name status file valid, with its values"
		else
			fail "$name status file" "$(cat "$out/s.xml" 2>&1)"
		fi
		rm -f "$out"/* "$out"/.[!.]*
		continue
	fi
	# render must fail the same way and leave the output folder empty
	if [ "$code" -ne 0 ] && [ "$kind" != template ]; then
		timeout 20 "$SR" render -q -O "$out" "$@" >/dev/null 2>&1; rc=$?
		if [ "$rc" -ne "$code" ] || [ -n "$(ls -A "$out")" ]; then
			fail "$name render" "exit $rc or files left: $(ls -A "$out")"
			rm -f "$out"/* "$out"/.[!.]*
		else
			pass "$name render writes nothing"
		fi
	fi
done < EXPECT

# A 100 MB text node (the issue's case): over the 64 MB file limit, so refused
# with a clear message before libxml2 sees it, quickly.
big="$out/../big-$$.xml"
{ printf '<?xml version="1.0"?>\n<plan xmlns="urn:statusrapport:1" id="p"><title>'
  head -c 100000000 /dev/zero | tr '\0' 'a'; printf '</title></plan>\n'; } > "$big"
expect_exit "100 MB text node refused" 1 "$SR" validate "$big"
contains "100 MB text node message" "$ERR" "the file is larger than 64 MB"
rm -f "$big"
# Texts inside the size limit but over the 1 MB one text may be: refused
# at their element, ASCII (which libxml2's own limit let through) and not.
{ printf '<?xml version="1.0"?>\n<plan xmlns="urn:statusrapport:1" id="p"><title>'
  head -c 12000000 /dev/zero | tr '\0' 'a'; printf '</title></plan>\n'; } > "$big"
expect_exit "12 MB text node refused" 1 "$SR" validate "$big"
contains "12 MB text node: message" "$ERR" "the text in <title> is 12000000 bytes long; one text may be at most 1 MB"
{ printf '<?xml version="1.0"?>\n<plan xmlns="urn:statusrapport:1" id="p"><title>'
  head -c 1100000 /dev/zero | tr '\0' 'a'; printf '</title></plan>\n'; } > "$big"
expect_exit "1.1 MB text node refused" 1 "$SR" validate "$big"
contains "1.1 MB text node: message" "$ERR" "big-$$.xml:2:42: error: the text in <title> is 1100000 bytes long"
python3 -c 'import sys; sys.stdout.write("<plan xmlns=\"urn:statusrapport:1\" id=\"p\"><title>" + "ø" * 600000 + "</title></plan>\n")' > "$big"
expect_exit "1.2 MB of non-ASCII text refused" 1 "$SR" validate "$big"
contains "1.2 MB of non-ASCII text: message" "$ERR" "the text in <title> is 1200000 bytes long"
rm -f "$big"
rmdir "$out"

# Output paths: a folder, an unwritable folder, a full disk, the input
# itself.  Each: exit 3, a plain message, nothing created or changed.
cd "$SR_TOP/tests/bad" || exit 1
o=$(mktemp -d)
expect_exit "output is a folder" 3 "$SR" render -q -o "$o" -f pdf base-plan.xml
contains "output is a folder: message" "$ERR" "this is a folder, not a file name"
mkdir "$o/ro" && chmod 555 "$o/ro"
if [ "$(id -u)" -ne 0 ]; then
	expect_exit "unwritable folder" 3 "$SR" render -q -o "$o/ro/x.pdf" base-plan.xml
	contains "unwritable folder: message" "$ERR" "cannot create the report file"
else
	# root writes anywhere but on a read-only file system
	expect_exit "unwritable folder" 3 "$SR" render -q -f pdf -o /proc/statusrapport-test.pdf base-plan.xml
	contains "unwritable folder: message" "$ERR" "cannot create the report file"
fi
expect_exit "output is a device (/dev/full)" 3 "$SR" render -q -f pdf -o /dev/full base-plan.xml
contains "output is a device: message" "$ERR" "not a regular file"
# A write that fails halfway: the file size limit (ulimit -f, with SIGXFSZ
# ignored so write() returns EFBIG) stops the report at 20 blocks.
(trap '' XFSZ; ulimit -f 20; expect_exit "write fails halfway (ulimit -f)" 3 "$SR" render -q -f pdf -o "$o/big.pdf" base-plan.xml
 contains "write fails halfway: message" "$ERR" "cannot write the report")
if [ ! -e "$o/big.pdf" ]; then pass "write fails halfway: no file"; else fail "write fails halfway: no file" "$(ls -l "$o/big.pdf")"; fi
# A full disk, where a small tmpfs can be mounted (root with the right to
# mount): the report does not fit, nothing is left behind.
mkdir "$o/full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=16k tmpfs "$o/full" 2>/dev/null; then
	expect_exit "full disk (16 kB tmpfs)" 3 "$SR" render -q -f pdf -o "$o/full/x.pdf" base-plan.xml
	contains "full disk: message" "$ERR" "cannot write the report"
	if [ -z "$(ls -A "$o/full")" ]; then pass "full disk: nothing left"; else fail "full disk: nothing left" "$(ls -A "$o/full")"; fi
	umount "$o/full"
else
	skip "full disk (16 kB tmpfs)" "cannot mount a tmpfs here"
fi
rmdir "$o/full"
cp base-plan.xml "$o/plan.xml"
sum=$(cksum < "$o/plan.xml")
expect_exit "output is the input" 3 "$SR" render -q -f pdf -o "$o/plan.xml" "$o/plan.xml"
contains "output is the input: message" "$ERR" "refusing to overwrite an input file"
if [ "$(cksum < "$o/plan.xml")" = "$sum" ]; then pass "the input is unchanged"; else fail "input changed" "plan.xml was modified"; fi
# a missing output folder is made, parents too (as mkdir -p); one that
# cannot be (under a file) is a clear error
expect_exit "missing output folder is made" 0 "$SR" render -q -f pdf -O "$o/new/year" base-plan.xml
if [ -f "$o/new/year/p1-2024.pdf" ]; then pass "missing output folder: the report is in it"; else
	fail "missing output folder" "$(ls -R "$o/new")"; fi
rm -rf "$o/new"
expect_exit "output folder under a file" 3 "$SR" render -q -O "$o/plan.xml/x" base-plan.xml
contains "output folder under a file: message" "$ERR" "cannot create the output folder"
# an existing report survives a failed render untouched
expect_exit "render to keep" 0 "$SR" render -q -f pdf -o "$o/keep.pdf" base-plan.xml
sum=$(cksum < "$o/keep.pdf")
expect_exit "failed render over an existing file" 1 "$SR" render -q -f pdf -o "$o/keep.pdf" value-status-word.xml
if [ "$(cksum < "$o/keep.pdf")" = "$sum" ]; then pass "existing report untouched"; else fail "existing report" "changed by a failed render"; fi
left=$(ls -A "$o" | grep -v -x -e ro -e plan.xml -e keep.pdf)
if [ -z "$left" ]; then pass "no temporary files left"; else fail "temporary files" "$left"; fi
chmod 755 "$o/ro"; rm -rf "$o"

# A plan written on one line (XML exporters do that; the sample's multi-line
# texts keep a few breaks) gets its columns counted right across multi-byte letters: the error's column is the '<' of
# the element, counted in characters.  (Reading such a file used to count
# back to the line start for every element: quadratic; make bench times it.)
ol=$(mktemp -d)
py "one-line plan written" - "$PLAN" "$ol/one-line.xml" <<'PY'
import re, sys
s = open(sys.argv[1], encoding='utf-8').read()
s = re.sub(r'>\s+<', '><', s.strip())
i = s.rindex('<responsible ref="hmn"/>')
s = s[:i] + '<responsible ref="nobody"/>' + s[i + len('<responsible ref="hmn"/>'):]
open(sys.argv[2], 'w', encoding='utf-8').write(s + '\n')
print('%s:%d:%d:' % (sys.argv[2], s.count('\n', 0, i) + 1, i - s.rfind('\n', 0, i)))
PY
printf '%s\n' "$OUT" > "$ol/one-line.want"
expect_exit "one-line plan: unknown owner" 1 "$SR" validate -q "$ol/one-line.xml"
contains "one-line plan: line and column" "$ERR" "$(cat "$ol/one-line.want")"
contains "one-line plan: multi-byte letters before the error" "$(head -c 2000 "$ol/one-line.xml")" "å"
rm -rf "$ol"
