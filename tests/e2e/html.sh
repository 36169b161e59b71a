# html.sh: the web edition judged by real tools, on every HTML file the
# CLI makes here (render, -o, every format at once, batch at -j 1 and -j 2,
# an owner's report, the board handout, nn and en, a logo, hostile text,
# the national sample):
#   - the W3C Nu checker (npm vnu-jar, Java): no error;
#   - axe-core's WCAG 2.0/2.1 A and AA rules in Chromium at 1280 and 320 px,
#     no request of its own (tests/html_check.js);
#   - on a phone 320 and 390 px wide and at 200 % zoom, each file on its
#     own: nothing cut off (the page does not scroll sideways, tables --
#     the headline figures too -- and charts fit or scroll in their own
#     box, no clipped text; tests/html_check.js);
#   - python3: one h1, headings without gaps, unique ids, every in-page link
#     resolves, landmarks (header, main, footer; nav where the report has
#     contents), lang, nothing fetched or run; bytes reproducible.
# The tools come from scripts/install-deps test (tests/node holds the npm
# packages); a missing one is a skip, except in CI, where it is a failure.
. "$SR_TOP/tests/lib.sh"
export SOURCE_DATE_EPOCH=1795420800 # 2026-11-23 08:00 UTC
NODE_DIR="$SR_TOP/tests/node/node_modules"
VNU="$NODE_DIR/vnu-jar/build/dist/vnu.jar"
# shellcheck disable=SC2086
set -- $PLAN $STATUSES

# missing NAME WHY: a tool the checks need is absent.
missing() {
	if [ "${CI:-}" = true ]; then fail "$1" "$2 (CI must have it: scripts/install-deps test)"; else
		skip "$1" "$2"; fi
}

if [ ! -f "$PLAN" ]; then
	skip "html" "no sample plan in $SAMPLES"
	exit 0
fi

# --- the CLI writes HTML ---------------------------------------------------
mkdir -p one all b1 b2
expect_exit "render -f html -O DIR" 0 "$SR" render -f html -O one "$@"
id=hmn-forskning-2023-2026-2024
if [ -s "one/$id.html" ] && [ "$(ls one)" = "$id.html" ]; then pass "render -f html: one file, named $id.html"; else
	fail "render -f html: one file, named $id.html" "got: $(ls one)"; fi
expect_exit "render -o x.html" 0 "$SR" render -o x.html "$@"
if cmp -s x.html "one/$id.html"; then pass "-o x.html and -f html -O DIR: the same bytes"; else
	fail "-o x.html and -f html -O DIR: the same bytes" "they differ"; fi
expect_exit "render -o x.html again" 0 "$SR" render -o again.html "$@"
if cmp -s x.html again.html; then pass "reproducible bytes with SOURCE_DATE_EPOCH"; else
	fail "reproducible bytes with SOURCE_DATE_EPOCH" "two renders differ"; fi
expect_exit "render -f pdf,odt,html -O DIR" 0 "$SR" render -f pdf,odt,html -O all "$@"
for e in pdf odt html; do
	if [ -s "all/$id.$e" ]; then pass "render -f pdf,odt,html: .$e written"; else
		fail "render -f pdf,odt,html: .$e written" "no all/$id.$e"; fi
done
if cmp -s x.html "all/$id.html"; then pass "the HTML does not depend on the other formats"; else
	fail "the HTML does not depend on the other formats" "all/$id.html differs"; fi
expect_exit "batch -f pdf,odt,html -j 1" 0 "$SR" batch -q -f pdf,odt,html -j 1 -O b1 "$@"
expect_exit "batch -f pdf,odt,html -j 2" 0 "$SR" batch -q -f pdf,odt,html -j 2 -O b2 "$@"
nb=$(ls b1/*.html 2>/dev/null | wc -l)
if [ "$nb" -ge 2 ]; then pass "batch: an HTML per report ($nb)"; else fail "batch: an HTML per report" "$nb files"; fi
if diff -r b1 b2 >/dev/null 2>&1; then pass "batch -j 1 and -j 2: byte-identical"; else
	fail "batch -j 1 and -j 2: byte-identical" "$(diff -rq b1 b2 | head -3)"; fi
expect_exit "render --owner stolav -o owner.html" 0 "$SR" render --owner stolav -o owner.html "$@"
expect_exit "render -t styremote -o board.html" 0 "$SR" render -t styremote -o board.html "$@"
expect_exit "render --lang nn -o nn.html" 0 "$SR" render --lang nn -o nn.html "$@"
expect_exit "render --lang en -o en.html" 0 "$SR" render --lang en -o en.html "$@"
# a plan of another shape: the national sample (areas without sub-areas,
# the RHFs as the matrix's columns, a decreasing indicator)
NAT="$SAMPLES/nasjonal"
expect_exit "render the national sample -o national.html" 0 \
	"$SR" render -o national.html "$NAT/handlingsplan-kliniske-studier.xml" "$NAT"/status-*.xml
expect_exit "render with a logo -o logo.html" 0 \
	"$SR" render -t "$SR_TOP/tests/bad/template-ok-logo.xml" -o logo.html "$@"
contains "logo: an inline data: URI" "$(grep -o '<img class="logo" src="data:image/[a-z]*;base64,' logo.html)" \
	'src="data:image/'

# Hostile text in the plan: markup, a script link, control characters.
# The script link is refused before any format is written (hostile.sh
# tries the other schemes); the markup is written as text.
sed -e 's|<a href="https://www.regjeringen.no|<a href="javascript:alert(2)">J</a> <a href="https://www.regjeringen.no|' \
	"$PLAN" > script-link.xml
expect_exit "a javascript: link is refused" 1 "$SR" render -o script-link.html script-link.xml
if [ -e script-link.html ]; then fail "a javascript: link: nothing written" "script-link.html"; else
	pass "a javascript: link: nothing written"; fi
sed -e 's|<title>Regional handlingsplan|<title>\&lt;script\&gt;alert(1)\&lt;/script\&gt; \&amp; "q" Regional handlingsplan|' \
	"$PLAN" > hostile.xml
shift
expect_exit "render hostile text -o hostile.html" 0 "$SR" render -o hostile.html hostile.xml "$@"
if grep -q '<script' hostile.html; then fail "hostile: no <script> reaches the page" "found <script"; else
	pass "hostile: no <script> reaches the page"; fi
contains "hostile: the markup shows as text" "$(cat hostile.html)" '&lt;script&gt;alert(1)&lt;/script&gt; &amp;'

FILES="one/$id.html owner.html board.html nn.html en.html logo.html hostile.html national.html"
ALL="$FILES $(ls b1/*.html | tr '\n' ' ')"

# --- the page's structure, file by file ---------------------------------------
if have python3; then
	for f in $ALL; do
		case $f in nn.html) lang=nn-NO ;; en.html) lang=en ;; *) lang=nb-NO ;; esac
		if out=$(python3 - "$f" "$lang" <<'EOF' 2>&1
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(s):
        super().__init__(convert_charrefs=True)
        s.ids, s.hrefs, s.heads, s.tags, s.lang, s.bad = [], [], [], [], None, []
    def handle_starttag(s, t, a):
        a = dict(a)
        s.tags.append(t)
        if "id" in a: s.ids.append(a["id"])
        if t == "html": s.lang = a.get("lang")
        if t == "a" and a.get("href", "").startswith("#"): s.hrefs.append(a["href"][1:])
        if t == "a" and "href" in a and not a["href"].startswith(("#", "http://", "https://", "mailto:")):
            s.bad.append("a live link to " + a["href"])
        if t in ("script", "iframe", "object", "embed", "base"): s.bad.append("<%s>" % t)
        if t in ("img", "source", "video", "audio") and not a.get("src", "").startswith("data:"):
            s.bad.append("<%s src=%s>" % (t, a.get("src")))
        if t == "link" and a.get("href") != "data:,": s.bad.append("<link href=%s>" % a.get("href"))
        if any(k.startswith("on") for k in a): s.bad.append("an event handler on <%s>" % t)
        if len(t) == 2 and t[0] == "h" and t[1] in "123456": s.heads.append(int(t[1]))
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
err = list(p.bad)
if p.lang != sys.argv[2]: err.append("lang=%r, wanted %r" % (p.lang, sys.argv[2]))
if p.heads.count(1) != 1: err.append("%d h1" % p.heads.count(1))
if not p.heads or p.heads[0] != 1: err.append("the first heading is not the h1")
for a, b in zip(p.heads, p.heads[1:]):
    if b > a + 1: err.append("heading h%d after h%d" % (b, a)); break
dup = sorted({i for i in p.ids if p.ids.count(i) > 1})
if dup: err.append("ids used twice: %s" % dup[:5])
ids = set(p.ids)
lost = [h for h in p.hrefs if h not in ids]
if lost: err.append("links to no id: %s" % lost[:5])
for t in ("header", "main", "footer"):
    if t not in p.tags: err.append("no <%s>" % t)
if err: sys.exit("; ".join(err))
print(len(p.heads), "headings", len(ids), "ids", len(p.hrefs), "in-page links")
EOF
		); then pass "structure: $f ($out)"; else fail "structure: $f" "$out"; fi
	done
	contains "the contents are the page's nav" "$(grep -o '<nav aria-labelledby="sr-toc">' "one/$id.html")" '<nav'
	contains "a measure has its stable link" "$(grep -o '<tr id="tiltak-1.1.1">' "one/$id.html")" 'tiltak-1.1.1'
else
	missing "structure" "no python3"
fi

# --- the W3C Nu checker ------------------------------------------------------------
if ! have java; then
	missing "vnu" "no java (default-jre-headless)"
elif [ ! -f "$VNU" ]; then
	missing "vnu" "no $VNU (npm install in tests/node)"
else
	# shellcheck disable=SC2086
	if out=$(java -jar "$VNU" --errors-only $ALL 2>&1); then
		pass "vnu: no error in $(echo "$ALL" | wc -w) files"
	else
		fail "vnu: no error" "$(printf '%s' "$out" | head -10)"
	fi
fi

# --- axe-core in Chromium ------------------------------------------------------------
if ! have node; then
	missing "axe" "no node"
elif [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM:-}" ]; then
	missing "axe" "no /usr/bin/chromium"
elif [ ! -d "$NODE_DIR/puppeteer-core" ] || [ ! -d "$NODE_DIR/axe-core" ]; then
	missing "axe" "no puppeteer-core or axe-core in $NODE_DIR"
else
	# shellcheck disable=SC2086
	out=$(node "$SR_TOP/tests/html_check.js" $FILES 2>&1)
	rc=$?
	# what is cut off is judged file by file below
	others=$(printf '%s\n' "$out" | grep ': FAIL: ' | grep -v ': FAIL: reach ')
	if [ "$rc" -le 1 ] && [ -z "$others" ]; then
		pass "axe: WCAG 2.1 A/AA at 1280 and 320 px, no request ($(echo "$FILES" | wc -w) files)"
	else
		fail "axe: WCAG 2.1 A/AA at 1280 and 320 px, no request" \
			"$(printf '%s' "${others:-$out}" | head -10)"
	fi
	# On a phone (320 and 390 px) and at 200 % zoom (a 1280 px window
	# zoomed in, 640 CSS px): no sideways scrolling of the page, every
	# table and chart inside the page or scrolling in its own box, no
	# clipped text.
	for w in 320px 390px 200%; do
		case $w in 200%) what="200% zoom" ;; *) what="a $w phone" ;; esac
		for f in $FILES; do
			bad=$(printf '%s\n' "$out" | grep -F "$f: FAIL: reach $w: ")
			if [ -n "$bad" ]; then fail "$what: $f" "$(printf '%s' "$bad" | head -5)"
			elif printf '%s\n' "$out" | grep -qF "$f: reach $w: ok ("; then pass "$what: $f"
			else fail "$what: $f" "not checked: $(printf '%s' "$out" | tail -3)"; fi
		done
	done
fi

# --- allocation failure ---------------------------------------------------------------
# Every allocation of an HTML render fails in turn (the sweep of alloc.sh,
# which renders the default formats only): exit 3 each time, no crash,
# no sanitizer report, no file left; the sweeping process itself writes
# the one file.
A="$SR_TOP/build/alloc/statusrapport"
if [ ! -x "$A" ]; then
	skip "html: allocation sweep" "no build/alloc (make alloc)"
elif [ "$SR_SANITIZED" = 1 ]; then
	skip "html: allocation sweep" "runs once, with the plain build"
else
	rm -rf sw && mkdir sw
	ASAN_OPTIONS="detect_leaks=1:exitcode=99" LSAN_OPTIONS="suppressions=$SR_TOP/tests/lsan.supp" \
		UBSAN_OPTIONS="halt_on_error=1:exitcode=98" SR_FAIL_ALLOC_SWEEP=1 SR_COUNT_ALLOC=1 \
		"$A" render -q -f html -O sw "$SR_TOP/tests/bad/base-plan.xml" > sweep.txt 2>&1
	rc=$?
	line=$(grep '^sweep: [0-9]* failed allocations' sweep.txt)
	tried=$(echo "$line" | sed -n 's/^sweep: \([0-9]*\) failed.*/\1/p')
	bad=$(echo "$line" | sed -n 's/.*tried, \([0-9]*\) misbehaved.*/\1/p')
	if [ "$rc" -eq 0 ] && [ "${tried:-0}" -ge 100 ] && [ "${bad:-1}" -eq 0 ] &&
		[ "$(ls -A sw)" = p1-2024.html ]; then
		pass "html: allocation sweep ($tried failed allocations, each a clean exit 3)"
	else
		fail "html: allocation sweep" "rc=$rc, $(tail -3 sweep.txt), left: $(ls -A sw)"
	fi
fi
