# Every bad input gives its exit code and its exact first message, and
# writes nothing; the tricky valid ones (BOM, UTF-16, Latin-1) pass.
. "$SR_TOP/tests/lib.sh"
cd "$SR_TOP/tests/bad" || exit 1
out=$(mktemp -d)
while IFS='|' read -r name kind code want; do
	case "$name" in ''|\#*) continue ;; esac
	case "$kind" in
	status) set -- base-plan.xml "$name.xml" ;;
	template) if [ -f "$name.xml" ]; then set -- -t "$name.xml" base-plan.xml; else set -- -t "$name" base-plan.xml; fi ;;
	*) set -- "$name.xml" ;;
	esac
	got=$(timeout 20 "$SR" validate -q "$@" 2>&1 >/dev/null); rc=$?
	first=$(printf '%s\n' "$got" | head -n 1)
	if [ "$rc" -ne "$code" ]; then
		fail "$name exit" "exit $rc, wanted $code ($first)"
	elif [ "$first" != "$want" ]; then
		fail "$name message" "got: $first | wanted: $want"
	else
		pass "$name"
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

# A text node over the file limit: refused with a clear message, quickly.
big="$out/../big-$$.xml"
{ printf '<?xml version="1.0"?>\n<plan xmlns="urn:statusrapport:1" id="p"><title>'
  head -c 70000000 /dev/zero | tr '\0' 'a'; printf '</title></plan>\n'; } > "$big"
expect_exit "70 MB input refused" 1 "$SR" validate "$big"
contains "70 MB input message" "$ERR" "the file is larger than 64 MB"
rm -f "$big"
# A 12 MB text node inside the size limit: libxml2's text limit, no crash.
{ printf '<?xml version="1.0"?>\n<plan xmlns="urn:statusrapport:1" id="p"><title>'
  head -c 12000000 /dev/zero | tr '\0' 'a'; printf '</title></plan>\n'; } > "$big"
expect_exit "12 MB text node refused" 1 "$SR" validate "$big"
rm -f "$big"
rmdir "$out"
