# The deflated font programs kept on disk between runs (pdffont.c): written
# on the first run, used on the next (and the PDF stays byte-identical),
# ignored and rewritten when damaged, and never a reason to fail or to say
# anything when the cache folder cannot be written.
. "$SR_TOP/tests/lib.sh"
export SOURCE_DATE_EPOCH=1795000000

render() { # OUT.pdf, with the cache folder $XDG_CACHE_HOME
	# shellcheck disable=SC2086
	"$SR" render -q -f pdf -o "$1" "$PLAN" $STATUSES 2> "$1.err"
}

export XDG_CACHE_HOME="$PWD/cache"
dir="$XDG_CACHE_HOME/statusrapport"
render fresh.pdf
check "fontcache: first run renders" test -s fresh.pdf
n=$(ls "$dir"/font-*.z 2>/dev/null | wc -l)
if [ "$n" -ge 1 ]; then pass "fontcache: programs kept ($n)"; else
	fail "fontcache: programs kept" "nothing in $dir"; fi
cp -r "$dir" kept
render again.pdf
check "fontcache: second run byte-identical" cmp fresh.pdf again.pdf
check "fontcache: no stderr" test ! -s again.pdf.err

# A file that inflates to the program is used as it is: recompressed at
# another level, the PDF carries those very bytes (so the cache is read),
# and is still a good PDF.
python3 - "$dir" <<'PY'
import glob, sys, zlib
for f in glob.glob(sys.argv[1] + '/font-*.z'):
    raw = zlib.decompress(open(f, 'rb').read())
    open(f, 'wb').write(zlib.compress(raw, 1))
PY
render level1.pdf
if cmp -s fresh.pdf level1.pdf; then fail "fontcache: a cached program is used" "the PDF did not change"
else pass "fontcache: a cached program is used"; fi
if have qpdf; then check "fontcache: PDF from the cache passes qpdf" qpdf --check level1.pdf
else skip "fontcache: qpdf" "qpdf not installed"; fi
if have pdftotext; then
	check "fontcache: same text from the cached programs" \
		cmp <(pdftotext fresh.pdf - 2>/dev/null) <(pdftotext level1.pdf - 2>/dev/null)
fi

# Damaged files (garbage, truncated, empty) are ignored and replaced by good
# ones; a folder in a file's place is ignored.
for how in garbage truncated empty; do
	rm -rf "$dir"; cp -r kept "$dir"
	for f in "$dir"/font-*.z; do
		case $how in
		garbage) head -c 30000 /dev/urandom > "$f" ;;
		truncated) head -c 1000 "kept/$(basename "$f")" > "$f" ;;
		empty) : > "$f" ;;
		esac
	done
	render "$how.pdf"
	check "fontcache: $how cache file ignored" cmp fresh.pdf "$how.pdf"
	check "fontcache: $how cache file replaced" diff -r kept "$dir"
done

rm -rf "$dir"; mkdir -p "$dir"
for f in kept/font-*.z; do mkdir "$dir/$(basename "$f")"; done
render infolder.pdf
check "fontcache: a folder in a file's place ignored" cmp fresh.pdf infolder.pdf
check "fontcache: a folder in a file's place, no stderr" test ! -s infolder.pdf.err

# No cache folder to be had: a file where the folder should be, a relative
# XDG_CACHE_HOME with no HOME.  The report is the same and nothing is said.
: > notadir
XDG_CACHE_HOME="$PWD/notadir" render nofolder.pdf
check "fontcache: unwritable cache, same PDF" cmp fresh.pdf nofolder.pdf
check "fontcache: unwritable cache, no stderr" test ! -s nofolder.pdf.err
(unset HOME; XDG_CACHE_HOME=relative render nohome.pdf)
check "fontcache: no cache folder, same PDF" cmp fresh.pdf nohome.pdf
check "fontcache: relative XDG_CACHE_HOME not used" test ! -e relative
