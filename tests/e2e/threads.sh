# threads.sh: what runs beside the main thread -- the formats' engines
# opened while the input is read, the other formats rendered beside the
# last (render.c) -- changes nothing but the time.  The allocation-failure
# build runs without threads, so it is the reference: the same messages in
# the same order, the same files, byte for byte.
. "$SR_TOP/tests/lib.sh"

A="$SR_TOP/build/alloc/statusrapport"
if [ "$SR_SANITIZED" != 0 ]; then
	skip "threads: same as without threads" "runs once, with the plain build"
	exit 0
fi
need_file "threads: build/alloc (make alloc)" "$A" || exit 0
BAD="$SR_TOP/tests/bad"
printf 'this is not XML' > not-xml.xml

# same_run NAME ARGS...: exit code and every message alike in both builds
same_run() {
	local name=$1; shift
	"$SR" "$@" > threaded.out 2> threaded.err; local rc1=$?
	"$A" "$@" > inline.out 2> inline.err; local rc2=$?
	if [ "$rc1" -ne "$rc2" ]; then
		fail "$name" "exit $rc1 with threads, $rc2 without"
	elif ! cmp -s threaded.err inline.err; then
		fail "$name" "messages differ: $(diff threaded.err inline.err | head -5)"
	elif [ ! -s threaded.err ] && [ "$rc1" -ne 0 ]; then
		fail "$name" "exit $rc1 and no message"
	else
		pass "$name"
	fi
}

# status files that fail in every way a file can, in one run: the messages
# come file by file, in the order given
same_run "threads: many bad status files, messages in order" validate "$BAD/base-plan.xml" \
	"$BAD/status-bad-value.xml" missing.xml not-xml.xml "$BAD/status-is-plan.xml" \
	"$BAD/status-not-responsible.xml"
contains "threads: a missing file is named" "$(cat threaded.err)" "missing.xml"
contains "threads: ill-formed XML is named" "$(cat threaded.err)" "not-xml.xml:1:1: error:"
# a bad plan stops before its status files
same_run "threads: bad plan, status files not reported" validate "$BAD/schema-order.xml" \
	"$BAD/status-bad-value.xml" not-xml.xml
case "$(cat threaded.err)" in
*status-bad-value*|*not-xml*) fail "threads: status files of a bad plan stay silent" "$(head -3 threaded.err)" ;;
*) pass "threads: status files of a bad plan stay silent" ;;
esac
same_run "threads: a missing plan" render -O . missing-plan.xml "$BAD/status-bad-value.xml"

# a large plan (256 KB and up): the schema's messages and the walk's come
# merged (xmlin.c), in the same order in both builds
python3 "$SR_TOP/bench/gen-plan" --measures 500 --owners 20 > big.xml
if [ "$(wc -c < big.xml)" -lt 262144 ]; then
	fail "threads: the large plan is large" "$(wc -c < big.xml) bytes"
fi
same_run "threads: a large plan is valid" validate big.xml
sed -e '0,/value="delayed"/s//value="late"/' -e 's|<measure id="3.1.2">|<measure id="3.1.2"><bogus/>|' \
	-e '0,/progress="41"/s//progress="141"/' big.xml > big-schema.xml
same_run "threads: a large plan's schema errors" validate big-schema.xml
contains "threads: a large plan's schema errors, each" "$(cat threaded.err)" "<bogus> is not allowed here"
sed -e '0,/<responsible ref="hf"\/>/s//<responsible ref="hfx"\/>/' -e '0,/owner="hf016"/s//owner="hf099"/' \
	big.xml > big-meaning.xml
same_run "threads: a large plan's meaning errors" validate big-meaning.xml
contains "threads: a large plan's meaning errors, each" "$(cat threaded.err)" 'status owner "hf099" is not defined'
same_run "threads: the sample is valid" validate "$PLAN" $STATUSES

# the sample rendered both ways, byte for byte
mkdir t i
SOURCE_DATE_EPOCH=1795420800 expect_exit "threads: the sample renders with threads" 0 "$SR" render -q -O t "$PLAN" $STATUSES
SOURCE_DATE_EPOCH=1795420800 expect_exit "threads: the sample renders without" 0 "$A" render -q -O i "$PLAN" $STATUSES
for f in i/*; do
	check "threads: $(basename "$f") the same as without threads" cmp "$f" "t/$(basename "$f")"
done
[ -n "$(ls i)" ] || fail "threads: the sample rendered" "no files"
