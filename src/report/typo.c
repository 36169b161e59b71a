/* typo.c: the typographic pass (see typo.h).  Reads and rewrites TEXT
 * nodes only; knows nothing of plans or formats.  The month names are the
 * labels' (every language's: a Norwegian plan's dates stay dates in the
 * English edition). */
#include "typo.h"

#include <string.h>

#include "base/utf8.h"
#include "doc/chart.h"
#include "labels.h"

#define NBSP_S "\xC2\xA0"
#define EN_DASH_S "\xE2\x80\x93"

/* Abbreviations that stand before a name or a number and must not end a
 * line: "St. Olavs hospital", "jf. tiltak 1.2", "nr. 5". */
static const char *const abbrev[] = {"St.", "jf.", "Jf.", "nr.", "Nr.", "kap.", "ca.",
				     "dr.", "Dr.", "prof.", "Prof.", "pkt.", "avd.", "s.",
				     "cf.", "No.", "no.", "Mr.", "Ms.", "Mrs.", "p.", "pp."};

/* Units that follow a number: "5 prosent", "12 dager", "3 mill.". */
static const char *const units[] = {
	"%", "prosent", "prosentpoeng", "dager", "dagar", "døgn", "uker", "veker",
	"måneder", "månader", "mnd.", "år", "timer", "kr", "kroner", "mill.", "millioner",
	"mrd.", "milliarder", "days", "weeks", "months", "years", "hours", "percent",
	"million", "billion"};

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static int is_alnum_byte(unsigned char c)
{
	return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0xC3;
}

/* t[0..n) is the word w.  Stops at the first byte that differs, which is
 * the first for almost every pair: the pass asks this of the words on
 * both sides of every space, against every list below. */
static int word_is(const char *w, const char *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!w[i] || w[i] != t[i])
			return 0;
	return !w[n];
}

/* t[0..n) is one of the words of list (count k). */
static int in_list(const char *t, size_t n, const char *const *list, size_t k)
{
	for (size_t i = 0; i < k; i++)
		if (word_is(list[i], t, n))
			return 1;
	return 0;
}

/* Drop closing punctuation from the end of the token t[0..*n). */
static void trim_punct(const char *t, size_t *n)
{
	while (*n > 0 && strchr(",;:!?)", t[*n - 1]))
		(*n)--;
	/* » ” after a word */
	while (*n >= 2 && ((unsigned char)t[*n - 2] == 0xC2 && (unsigned char)t[*n - 1] == 0xBB))
		*n -= 2;
}

/* A number: digits, groups joined by "," "." or a no-break space, ending
 * in a digit; an opening parenthesis before it is no part of it. */
static int is_number(const char *t, size_t n)
{
	size_t i = 0;
	if (i < n && t[i] == '(')
		i++;
	if (i >= n || !is_digit((unsigned char)t[i]) || !is_digit((unsigned char)t[n - 1]))
		return 0;
	for (; i < n; i++) {
		unsigned char c = (unsigned char)t[i];
		if (is_digit(c) || c == ',' || c == '.')
			continue;
		if (c == 0xC2 && i + 1 < n && (unsigned char)t[i + 1] == 0xA0) {
			i++;
			continue;
		}
		return 0;
	}
	return 1;
}

static int is_month(const char *t, size_t n)
{
	const labels *l;
	for (size_t k = 0; (l = labels_nth(k)) != NULL; k++)
		for (int m = 0; m < 12; m++) {
			if (word_is(labels_month(l, m), t, n))
				return 1;
		}
	return 0;
}

static int is_unit(const char *t, size_t n)
{
	size_t m = n;
	trim_punct(t, &m);
	if (in_list(t, m, units, sizeof units / sizeof *units) || is_month(t, m))
		return 1;
	/* a unit at a sentence's end: "12 dager." */
	return m > 1 && t[m - 1] == '.' && in_list(t, m - 1, units, sizeof units / sizeof *units);
}

/* "2." or "31.": a day before a month's name. */
static int is_day(const char *t, size_t n)
{
	size_t i = t[0] == '(' ? 1 : 0;
	return n - i >= 2 && n - i <= 3 && t[n - 1] == '.' && is_digit((unsigned char)t[i]) &&
	       (n - i == 2 || is_digit((unsigned char)t[i + 1]));
}

static int is_year(const char *t, size_t n)
{
	trim_punct(t, &n);
	if (n && t[n - 1] == '.')
		n--;
	if (n != 4)
		return 0;
	for (size_t i = 0; i < 4; i++)
		if (!is_digit((unsigned char)t[i]))
			return 0;
	return 1;
}

/* Does the space at s[i] join two words that must stay on one line? */
static int keep_together(const char *s, size_t len, size_t i)
{
	/* Each rule below wants a word before the space that ends in "." (an
	 * abbreviation, a day) or a digit (a number), or a year after it: any
	 * other space, most of any text, is told by its neighbours alone. */
	if (i == 0 || i + 1 >= len)
		return 0;
	unsigned char before = (unsigned char)s[i - 1], after = (unsigned char)s[i + 1];
	if (before != '.' && !is_digit(before) && !is_digit(after))
		return 0;
	size_t a = i, b = i + 1;
	while (a > 0 && !is_ws((unsigned char)s[a - 1]))
		a--;
	while (b < len && !is_ws((unsigned char)s[b]))
		b++;
	const char *l = s + a, *r = s + i + 1;
	size_t ln = i - a, rn = b - i - 1;
	if (ln == 0 || rn == 0)
		return 0;
	if (in_list(l, ln, abbrev, sizeof abbrev / sizeof *abbrev))
		return is_alnum_byte((unsigned char)r[0]);
	if (is_number(l, ln) && is_unit(r, rn))
		return 1;
	if (is_day(l, ln) && is_month(r, rn - (rn && strchr(",.", r[rn - 1]) ? 1 : 0)))
		return 1;
	return is_year(r, rn) && is_month(l, ln);
}

/* Is the digit run ending before s[i] (a dash) and the one after the dash
 * (at s[j]) a range of numbers: neither run part of a date, an id or a
 * word ("2024-01-31", "1.2-3", "A4-2")? */
static int is_range(const char *s, size_t len, size_t i, size_t j)
{
	size_t a = i;
	while (a > 0 && is_digit((unsigned char)s[a - 1]))
		a--;
	if (a == i || j >= len || !is_digit((unsigned char)s[j]))
		return 0;
	if (a > 0) {
		unsigned char c = (unsigned char)s[a - 1];
		if (is_alnum_byte(c) || strchr(".,-/", c) || c >= 0x80)
			return 0;
	}
	size_t b = j;
	while (b < len && is_digit((unsigned char)s[b]))
		b++;
	if (b < len) {
		unsigned char c = (unsigned char)s[b];
		if (is_alnum_byte(c) || c == '-' || c == '/' || c == 0xE2)
			return 0;
		if (strchr(".,:", c) && b + 1 < len && is_digit((unsigned char)s[b + 1]))
			return 0;
	}
	return 1;
}

static int opens_quote(uint32_t prev)
{
	return prev == 0 || prev == ' ' || prev == '\t' || prev == '\n' || prev == 0xA0 ||
	       prev == '(' || prev == '[' || prev == '{' || prev == '/' || prev == '-' ||
	       prev == 0x2013 || prev == 0x2014 || prev == 0xAB || prev == 0x201C ||
	       prev == 0x2060;
}

/* s[*from..at) as it is, then with in place of the skip bytes at s[at]:
 * the text up to past the change is in out. */
static void put_change(buf *out, const char *s, size_t *from, size_t at, size_t skip,
		       const char *with)
{
	buf_put(out, s + *from, at - *from);
	buf_puts(out, with);
	*from = at + skip;
}

/* typo_text, with word joiners after a range's dash or (joiner 0) none.
 * The bytes that stay as they are (almost all of any text) are copied a
 * stretch at a time, when a change or the end is reached, so that a long
 * text costs little more than its copy. */
static int set_text(buf *out, const char *s, size_t len, const char *lang, uint32_t *prev,
		    int joiner)
{
	int en = lang && strcmp(lang, "en") == 0, changed = 0;
	uint32_t pv = *prev;
	size_t from = 0; /* s[from..i) is unchanged and not yet in out */
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80 && c != ' ' && c != '%' && c != '-' && c != '"') {
			/* nothing to set here, and no need to decode */
			pv = c, i++;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (k == 0) {
			/* a malformed byte passes through */
			pv = 0xFFFD, i++;
			continue;
		}
		if (c == ' ' && keep_together(s, len, i)) {
			/* English writes "5%" */
			int glue = en && i + 1 < len && s[i + 1] == '%' && i > 0 &&
				   is_digit((unsigned char)s[i - 1]);
			put_change(out, s, &from, i, 1, glue ? "" : NBSP_S);
			changed = 1, i++;
			if (!glue)
				pv = 0xA0;
			continue;
		}
		/* the builder's own figures come with a no-break space */
		if (en && cp == 0xA0 && i + k < len && s[i + k] == '%' && i > 0 &&
		    is_digit((unsigned char)s[i - 1])) {
			put_change(out, s, &from, i, k, "");
			changed = 1, i += k;
			continue;
		}
		if (c == '%' && !en && i > 0 && is_digit((unsigned char)s[i - 1])) {
			put_change(out, s, &from, i, 1, NBSP_S "%");
			changed = 1, pv = '%', i++;
			continue;
		}
		if ((c == '-' || cp == 0x2013) && i > 0 && is_digit((unsigned char)s[i - 1]) &&
		    is_range(s, len, i, i + k)) {
			put_change(out, s, &from, i, k, joiner ? EN_DASH_S DOC_WORD_JOINER : EN_DASH_S);
			changed = 1, pv = 0x2060, i += k;
			continue;
		}
		if (c == '"') {
			int open = opens_quote(pv);
			put_change(out, s, &from, i, 1,
				   en ? (open ? "\xE2\x80\x9C" : "\xE2\x80\x9D")
				      : (open ? "\xC2\xAB" : "\xC2\xBB"));
			changed = 1, pv = open ? 0xAB : 0xBB, i++;
			continue;
		}
		pv = cp, i += k;
	}
	buf_put(out, s + from, len - from);
	*prev = pv;
	return changed;
}

int typo_text(buf *out, const char *s, size_t len, const char *lang, uint32_t *prev)
{
	return set_text(out, s, len, lang, prev, 1);
}

/* s set as the text is, without word joiners (a chart draws its own words
 * on a line of their own, and its fonts have no glyph for one): a copy in
 * d's arena, or s itself when nothing changes. */
static const char *chart_words(doc *d, buf *out, const char *s, const char *lang)
{
	uint32_t prev = 0;
	if (!s || !*s)
		return s;
	out->len = 0;
	if (!set_text(out, s, strlen(s), lang, &prev, 0) || out->failed)
		return s;
	const char *t = arena_strndup(&d->arena, (const char *)out->data, out->len);
	return t ? t : s;
}

/* A chart's title, unit, categories and series names, and its alt text,
 * as the text around it: "5 %" beside "5 %".  The chart is d's own. */
static void typo_chart(doc *d, doc_node *n, buf *out, const char *lang)
{
	n->u.chart.alt = chart_words(d, out, n->u.chart.alt, lang);
	doc_chart *ch = (doc_chart *)n->u.chart.chart;
	if (!ch)
		return;
	ch->title = chart_words(d, out, ch->title, lang);
	ch->unit = chart_words(d, out, ch->unit, lang);
	for (int i = 0; ch->cats && i < ch->ncats; i++)
		ch->cats[i] = chart_words(d, out, ch->cats[i], lang);
	for (int i = 0; ch->series && i < ch->nseries; i++)
		ch->series[i].name = chart_words(d, out, ch->series[i].name, lang);
}

void typo_doc(doc *d, const char *lang)
{
	doc_iter it;
	const doc_node *cn;
	doc_event ev;
	buf out = BUF_INIT;
	uint32_t prev = 0;
	doc_iter_init(&it, d->root);
	while ((ev = doc_iter_next(&it, &cn)) != DOC_EV_DONE) {
		if (ev != DOC_EV_ENTER)
			continue;
		if (cn->type == DOC_CHART)
			typo_chart(d, (doc_node *)cn, &out, lang);
		if (!doc_is_inline(cn->type)) {
			prev = 0; /* a block starts: a quote here opens */
			continue;
		}
		if (cn->type == DOC_BREAK) {
			prev = '\n';
			continue;
		}
		if (cn->type != DOC_TEXT || !cn->u.text.len)
			continue;
		/* the tree is d's own: the walk only reads it, the text is
		 * replaced below */
		doc_node *n = (doc_node *)cn;
		out.len = 0;
		if (!typo_text(&out, n->u.text.text, n->u.text.len, lang, &prev) || out.failed)
			continue;
		char *t = arena_strndup(&d->arena, (const char *)out.data, out.len);
		if (t)
			n->u.text.text = t, n->u.text.len = out.len;
	}
	if (out.failed)
		d->arena.failed = 1;
	buf_free(&out);
}
