# The golden document trees: for each case in tests/trees/CASES, the output
# of `render --dump-tree` is byte-compared with tests/trees/NAME.tree, and a
# difference fails with a unified diff, so a change in what a report holds
# reads as a diff of its tree.
#
# After a deliberate change, regenerate every file with one command,
#   make trees
# (this script with SR_UPDATE_TREES=1), and read `git diff tests/trees`
# before committing it.
. "$SR_TOP/tests/lib.sh"
# the report date comes from here, and globs sort the same everywhere
export SOURCE_DATE_EPOCH=1735689600 LC_ALL=C
trees="$SR_TOP/tests/trees"
update=${SR_UPDATE_TREES:-0}

# dump OUT ARGS: the tree for ARGS (a string, split and globbed from the
# repository root, as written in CASES) into OUT, stderr into OUT.err;
# stdin is not the CASES file the loop reads.
dump() {
	local out=$1 args=$2
	# shellcheck disable=SC2086
	(cd "$SR_TOP" && exec "$SR" render --dump-tree $args) < /dev/null > "$out" 2> "$out.err"
}

# show_diff WANT GOT NAME: the unified diff, at most 200 lines of it.
show_diff() {
	diff -u --label "tests/trees/$3.tree" --label "$3 (this build)" "$1" "$2" | head -200
}

names="" bad=0
while read -r name args; do
	case "$name" in '' | '#'*) continue ;; esac
	names="$names $name "
	want="$trees/$name.tree"
	dump got.tree "$args"
	rc=$?
	if [ "$rc" -ne 0 ]; then
		fail "tree $name: exit 0" "exit $rc; stderr: $(head -5 got.tree.err)"
		bad=1
		continue
	fi
	if [ "$update" = 1 ]; then
		if cmp -s got.tree "$want"; then echo "unchanged $name.tree"
		else cp got.tree "$want" && echo "wrote $name.tree"; fi
		continue
	fi
	pass "tree $name: exit 0"
	if dump again.tree "$args" && cmp -s got.tree again.tree; then
		pass "tree $name: the same bytes twice"
	else
		fail "tree $name: the same bytes twice" "two runs differ"
	fi
	if [ ! -f "$want" ]; then
		fail "tree $name" "no tests/trees/$name.tree (make trees writes it)"
	elif cmp -s "$want" got.tree; then
		pass "tree $name"
	else
		show_diff "$want" got.tree "$name"
		fail "tree $name" "differs from tests/trees/$name.tree (diff above; make trees after a deliberate change)"
	fi
done < "$trees/CASES"

[ "$update" = 1 ] && exit "$bad"

# Every golden file has its case: a renamed case leaves no stale file.
stale=""
for f in "$trees"/*.tree; do
	n=$(basename "$f" .tree)
	case "$names" in *" $n "*) ;; *) stale="$stale $n.tree" ;; esac
done
if [ -z "$stale" ]; then pass "every golden tree has its case"
else fail "every golden tree has its case" "no line in CASES for:$stale"; fi

# The comparison can fail: one word changed in a copy of the sample plan
# shows as a difference from the sample's golden tree, on that word.
sed 's/for elektronisk samtykke/for digitalt samtykke/' "$PLAN" > changed.xml
# shellcheck disable=SC2086
if "$SR" render --dump-tree -t arsrapport --lang nb changed.xml $STATUSES > changed.tree 2>/dev/null; then
	d=$(diff -u "$trees/sample-arsrapport-nb.tree" changed.tree)
	contains "a changed word fails the comparison" "$d" '+          text "Tilrettelegge for digitalt samtykke'
else
	fail "a changed word fails the comparison" "render --dump-tree exited $?"
fi
