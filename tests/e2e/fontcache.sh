# The deflated font programs kept on disk between runs (pdffont.c): written
# on the first run, used on the next (and the PDF stays byte-identical),
# ignored and rewritten when damaged, and never a reason to fail or to say
# anything when the cache folder cannot be written.
. "$SR_TOP/tests/lib.sh"
export SOURCE_DATE_EPOCH=1795000000

render() { # OUT.pdf, with the cache folder $XDG_CACHE_HOME
	# judged by its exit code too: a sanitizer's report (exit 98/99) on a
	# damaged-cache path must fail even when the bytes come out right
	# shellcheck disable=SC2086
	"$SR" render -q -f pdf -o "$1" "$PLAN" $STATUSES 2> "$1.err"
	local rc=$?
	if [ "$rc" -eq 0 ]; then pass "fontcache: $1 renders"; else
		fail "fontcache: $1 renders" "exit $rc: $(head -c 300 "$1.err")"; fi
}

export XDG_CACHE_HOME="$PWD/cache"
dir="$XDG_CACHE_HOME/statusrapport"
render fresh.pdf
check "fontcache: first run renders" test -s fresh.pdf
# the sample shows status symbols, outside CP1252: they must not cost it
# the single-byte faces, whose programs are the ones kept (pdfenc.h)
if need "fontcache: pdffonts" pdffonts; then
	lacks "fontcache: the sample's faces are the cached kind" "$(pdffonts fresh.pdf 2>/dev/null)" "CID"
fi
n=$(ls "$dir"/font-*.z 2>/dev/null | wc -l)
if [ "$n" -ge 1 ]; then pass "fontcache: programs kept ($n)"; else
	fail "fontcache: programs kept" "nothing in $dir"; fi
cp -r "$dir" kept
render again.pdf
check "fontcache: second run byte-identical" cmp fresh.pdf again.pdf
check "fontcache: no stderr" test ! -s again.pdf.err
# the second run found every program it needed: it kept no new one
n2=$(ls "$dir"/font-*.z 2>/dev/null | wc -l)
if [ "$n2" -eq "$n" ]; then pass "fontcache: second run reuses the programs"; else
	fail "fontcache: second run reuses the programs" "$n programs, then $n2"; fi

# A whole file is used as it is, without libharu building the program:
# recompressed at another level (with its header's length and CRC made to
# match), the PDF carries those very bytes, so the cache is read.
py "fontcache: programs recompressed" - "$dir" <<'PY'
import glob, struct, sys, zlib
HEAD = struct.Struct('<8sQIIi4i64s4x')  # disk_head in src/pdf/pdffont.c
for f in glob.glob(sys.argv[1] + '/font-*.z'):
    data = open(f, 'rb').read()
    magic, key, nz, crc, nnum, a, b, c, d, keys = HEAD.unpack_from(data)
    z = zlib.compress(zlib.decompress(data[HEAD.size:]), 1)
    head = HEAD.pack(magic, key, len(z), zlib.crc32(z), nnum, a, b, c, d, keys)
    open(f, 'wb').write(head + z)
PY
render level1.pdf
if cmp -s fresh.pdf level1.pdf; then fail "fontcache: a cached program is used" "the PDF did not change"
else pass "fontcache: a cached program is used"; fi
if need "fontcache: qpdf" qpdf; then check "fontcache: PDF from the cache passes qpdf" qpdf --check level1.pdf; fi
if need "fontcache: pdftotext" pdftotext; then
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

# A whole file under another program's name (its key inside differs) is
# not that program.
rm -rf "$dir"; cp -r kept "$dir"
set -- "$dir"/font-*.z
if [ $# -ge 2 ]; then
	cp "$1" swap; cp "$2" "$1"; cp swap "$2"
	render swapped.pdf
	check "fontcache: a file under another program's name ignored" cmp fresh.pdf swapped.pdf
	check "fontcache: a file under another program's name replaced" diff -r kept "$dir"
else
	fail "fontcache: two programs kept" "$*"
fi

# A program is named by its face's file: the same faces in a font folder
# of the user's are other files, and a face rewritten is another file
# again, with the same program in the PDF.
mkdir myfonts
for s in Regular Bold Italic BoldItalic; do
	f=$(fc-match -f '%{file}' "Liberation Sans:style=$s" 2>/dev/null)
	[ -f "$f" ] && cp "$f" myfonts/
done
before=$(ls "$dir"/font-*.z | wc -l)
STATUSRAPPORT_FONTS="$PWD/myfonts" render mine.pdf
mid=$(ls "$dir"/font-*.z | wc -l)
touch -d @1600000000 myfonts/*
STATUSRAPPORT_FONTS="$PWD/myfonts" render touched.pdf
after=$(ls "$dir"/font-*.z | wc -l)
check "fontcache: faces from a user folder, same PDF" cmp fresh.pdf mine.pdf
check "fontcache: faces rewritten, same PDF" cmp fresh.pdf touched.pdf
if [ "$mid" -gt "$before" ] && [ "$after" -gt "$mid" ]; then
	pass "fontcache: programs named by their face's file"
else
	fail "fontcache: programs named by their face's file" "$before, $mid, $after files"
fi

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
