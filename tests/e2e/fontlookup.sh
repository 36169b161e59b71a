# The font lookup kept on disk between runs (fontlookup.c): written on the first
# run, used on the next (fontconfig's configuration is not loaded), redone
# when a stamped folder or file changes, ignored when damaged, and never a
# reason to fail or to say anything.  The faces come from a folder of the
# test's own (STATUSRAPPORT_FONTS), so the test controls what is stamped.
. "$SR_TOP/tests/lib.sh"
export SOURCE_DATE_EPOCH=1795000000

render() { # OUT.pdf [ARGS...], with the cache folder $XDG_CACHE_HOME
	local out=$1
	shift
	# shellcheck disable=SC2086
	"$SR" render -q -f pdf -o "$out" "$@" "$PLAN" $STATUSES 2> "$out.err"
	local rc=$?
	# some renders here are meant to fail (exit 3), and their callers
	# compare the code; a sanitizer's report (98, 99) or a crash never is
	case $rc in
	0 | 1 | 2 | 3) ;;
	*) fail "fontlookup: $out" "exit $rc: $(head -c 300 "$out.err")" ;;
	esac
	return $rc
}
# the same without any cache folder: what the PDF must be
nocache() { XDG_CACHE_HOME="$PWD/notadir" render "$@"; }
: > notadir

need "fontlookup" fc-match || exit 0
mkdir myfonts
for style in Regular Bold Italic "Bold Italic"; do
	cp "$(fc-match -f '%{file}' "Liberation Sans:style=$style")" myfonts/
done
regular=$(fc-match -f '%{file}' "Liberation Sans:style=Regular")
regular="$PWD/myfonts/$(basename "$regular")"
export STATUSRAPPORT_FONTS="$PWD/myfonts"
# No entry is written while a stamped file or folder is under two seconds
# old (it may still be changing): age the test's own.
settle() { touch -d '1 minute ago' myfonts myfonts/*; }
settle

export XDG_CACHE_HOME="$PWD/cache"
dir="$XDG_CACHE_HOME/statusrapport"
entries() { ls "$dir"/lookup-*.txt 2>/dev/null | wc -l; }

nocache ref.pdf
render first.pdf
check "fontlookup: first run renders" test -s first.pdf
check "fontlookup: same PDF as with no cache folder" cmp ref.pdf first.pdf
check "fontlookup: first run, no stderr" test ! -s first.pdf.err
if [ "$(entries)" -eq 1 ]; then pass "fontlookup: one entry written"; else
	fail "fontlookup: one entry written" "$(ls -A "$dir" 2>&1)"; exit 0; fi
entry=$(ls "$dir"/lookup-*.txt)
check "fontlookup: the entry names the folder's regular face" grep -qxF "$(grep '^face 0 ' "$entry" | cut -d' ' -f1-10) $regular" "$entry"
cp "$entry" kept.txt
render second.pdf
check "fontlookup: second run byte-identical" cmp first.pdf second.pdf
check "fontlookup: second run, no stderr" test ! -s second.pdf.err

# The entry is what the second run goes by: with the regular face's line
# pointing at the bold file (its stamp too), the PDF's regular text is bold.
swapped() {
	local bold
	bold=$(grep '^face 1 ' kept.txt | sed 's/^face 1 /face 0 /')
	awk -v b="$bold" '/^face 0 /{print b; next} {print}' kept.txt
}
swapped > "$entry"
render swapped.pdf
if cmp -s first.pdf swapped.pdf; then fail "fontlookup: the entry is used" "the PDF did not change"
else pass "fontlookup: the entry is used"; fi
if have pdffonts; then
	if pdffonts swapped.pdf | grep -q 'LiberationSans  *TrueType'; then
		fail "fontlookup: the entry's face is embedded" "$(pdffonts swapped.pdf)"
	else pass "fontlookup: the entry's face is embedded"; fi
fi

# A file added to a stamped folder: the entry no longer holds.  Just
# changed, the folder is not trusted for a new entry yet; once settled, it is.
echo x > myfonts/notes.txt
render added.pdf
check "fontlookup: a changed folder invalidates the entry" cmp ref.pdf added.pdf
check "fontlookup: no entry from a folder changed just now" cmp <(swapped) "$entry"
settle
render settled.pdf
check "fontlookup: settled folder, same PDF" cmp ref.pdf settled.pdf
check "fontlookup: entry written again" grep -qxF "$(grep '^face 0 ' "$entry" | cut -d' ' -f1-10) $regular" "$entry"
if cmp -s kept.txt "$entry"; then fail "fontlookup: entry has the new stamp" "unchanged"
else pass "fontlookup: entry has the new stamp"; fi
cp "$entry" kept.txt

# The regular face's file removed: fontconfig is asked again, and the run
# is what it would be with no cache at all (renders or fails alike).
mv "$regular" aside.ttf
nocache gone-ref.pdf; rc_ref=$?
render gone.pdf; rc=$?
if [ "$rc" -eq "$rc_ref" ] && cmp -s gone.pdf.err gone-ref.pdf.err && { [ "$rc" -ne 0 ] || cmp -s gone.pdf gone-ref.pdf; }; then
	pass "fontlookup: a removed face falls back to fontconfig"
else fail "fontlookup: a removed face falls back to fontconfig" "exit $rc vs $rc_ref: $(cat gone.pdf.err)"; fi
if cmp -s gone.pdf first.pdf; then fail "fontlookup: the removed face is not used" "same PDF as with it"
else pass "fontlookup: the removed face is not used"; fi
mv aside.ttf "$regular"
settle
render back.pdf
check "fontlookup: face back, same PDF" cmp ref.pdf back.pdf
cp "$entry" kept.txt

# Damaged entries (garbage, truncated, empty, over 1 MB, another key, no
# end) are ignored without a word and written again; so is a folder in the
# entry's place.
for how in garbage truncated empty huge key noend; do
	case $how in
	garbage) head -c 3000 /dev/urandom > "$entry" ;;
	truncated) head -c 700 kept.txt > "$entry" ;;
	empty) : > "$entry" ;;
	huge) { cat kept.txt; head -c 1100000 /dev/zero | tr '\0' 'x'; } > "$entry" ;;
	key) sed 's/^key ..../key 0000/' kept.txt > "$entry" ;;
	noend) grep -v '^end$' kept.txt > "$entry" ;;
	esac
	render "$how.pdf"
	check "fontlookup: $how entry ignored" cmp ref.pdf "$how.pdf"
	check "fontlookup: $how entry, no stderr" test ! -s "$how.pdf.err"
	check "fontlookup: $how entry written again" grep -qx end "$entry"
done
rm -f "$entry"
mkdir "$entry"
render infolder.pdf
check "fontlookup: a folder in the entry's place ignored" cmp ref.pdf infolder.pdf
check "fontlookup: a folder in the entry's place, no stderr" test ! -s infolder.pdf.err
rmdir "$entry"

# No cache folder to be had (a file in its place): same PDF, nothing said.
mkdir c2 && : > c2/statusrapport
XDG_CACHE_HOME="$PWD/c2" render unwritable.pdf
check "fontlookup: unwritable cache, same PDF" cmp ref.pdf unwritable.pdf
check "fontlookup: unwritable cache, no stderr" test ! -s unwritable.pdf.err

# A family nobody has fails alike with and without a cache, and leaves
# no entry.
sed 's/family="Liberation Sans"/family="No Such Family Sr"/' "$SR_TOP/templates/arsrapport.xml" > nosuch.xml
n=$(entries)
for run in nocache render render; do
	$run "nosuch-$run.pdf" -t nosuch.xml
	echo "exit $?" >> "nosuch-$run.pdf.err"
done
check "fontlookup: unknown family fails with exit 3" grep -qx 'exit 3' nosuch-render.pdf.err
contains "fontlookup: unknown family named" "$(cat nosuch-render.pdf.err)" 'font family "No Such Family Sr"'
check "fontlookup: unknown family, same error with a cache" cmp nosuch-nocache.pdf.err nosuch-render.pdf.err
check "fontlookup: no entry for an unknown family" test "$(entries)" -eq "$n"

# fontconfig is linked, as a packager's tools expect: the binary names it
# among the libraries it needs, so ldd and dpkg-shlibdeps see it.
if have readelf; then
	contains "fontlookup: fontconfig named among the binary's libraries" "$(readelf -d "$SR")" "[libfontconfig.so"
else skip "fontlookup: fontconfig named among the binary's libraries" "readelf not installed"; fi
