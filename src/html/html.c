/* html.c: the HTML backend -- a document tree becomes one standalone HTML5
 * page, the web edition of a report (WCAG 2.1 AA).
 *
 * Owns: the page it appends to the caller's buf, and a private arena for
 * the ids, plain texts and chart drawings it needs while writing.  Touches
 * no file but the logo it embeds, prints nothing, knows no plan: it only
 * walks the tree, like the ODT backend.
 *
 * Shape of the page: a skip link; <header> with the title block or the
 * cover (logo, the title as the one h1, the lines around it); <nav> with
 * the contents when the tree's TOC follows it; <main> with the rest;
 * <footer> with the organisation and the date.  Tree headings move one
 * level down under the h1 and never skip a level.  Every heading and every
 * anchored row gets its anchor as id, made valid and unique, so a section
 * or a measure has a stable link.
 *
 * Nothing is fetched: the style is inline, the logo a data: URI, a chart
 * inline SVG drawn from chart_draw's primitives (as the PDF paints them),
 * twice -- wide, and narrow for phones, one shown at a time by CSS, so its
 * words stay readable at 320 px and at 200 % zoom.  No script.
 *
 * Every string from the tree is cleaned (invalid UTF-8 replaced, control
 * characters and noncharacters HTML forbids dropped) and escaped; only
 * http, https and mailto links are live. */
#include "html.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/arena.h"
#include "base/xalloc.h"
#include "doc/chart.h"
#include "input/image.h"
#include "xml/xmlw.h"

/* Type sizes as multiples of the body size: the same ratios the ODT's
 * named styles use, so the two editions read alike. */
enum { NARROW_EMS = 20 };      /* the phone drawing's width, in body sizes */

/* A row of figures as tiles on a phone: so many a line, and up to so
 * many columns (a wider row scrolls in its box). */
enum { TILES_PER_LINE = 3, TILES_MAX = 18 };
/* The narrowest a table may be squeezed, in em: 7 a column, between these
 * (narrower, it scrolls in its box; tiles take over below the widest). */
enum { TABLE_MIN_EM = 14, TABLE_MAX_EM = 44 };

typedef struct html {
	const doc *doc;
	buf *out;
	buf clean;          /* a cleaned copy of the text being written */
	arena a;            /* ids, plain texts, chart drawings */
	/* ids given out so far: an open-addressing hash set */
	const char **ids;
	size_t nids, capids;
	const char **hid;   /* the id of each top-level heading, in order */
	size_t nh, hno;     /* how many; the next one the body writes */
	int shift;          /* tree level + shift = HTML level */
	int prev_level;     /* the last heading level written (0: none) */
	const char *last_heading_id;
	int pending_break;  /* a PAGE_BREAK came: the next block starts a printed page */
	/* the table being written */
	int section;        /* 0 none, 1 thead, 2 tbody */
	int row_headers;    /* the first cell of body rows is a <th scope="row"> */
	int stack;          /* on a phone, rows become stacked cards (see start_table) */
	int tiles;          /* on a phone, a row of figures becomes tiles (ditto) */
	const char **label; /* stack: each column's header words, for its cells */
	int ncols, col;
	int ntables, ncharts;
	int link_depth;     /* open <a> (links inside links stay text) */
	int in_header;      /* writing the title block */
	buf logo;
	image_info logo_info;
	int failed;         /* memory ran out (besides the buf's own flag) */
} html;

/* ---- output ---------------------------------------------------------- */

static void put(html *h, const char *s)
{
	buf_puts(h->out, s);
}

/* A number with at most two decimals and a dot, whatever the locale. */
static void putnum(html *h, double v)
{
	long m = (long)(v < 0 ? v * 100.0 - 0.5 : v * 100.0 + 0.5);
	if (m < 0) {
		put(h, "-");
		m = -m;
	}
	buf_printf(h->out, "%ld", m / 100);
	if (m % 100)
		buf_printf(h->out, m % 10 ? ".%02ld" : ".%ld", m % 10 ? m % 100 : m % 100 / 10);
}

static void putrgb(html *h, uint32_t rgb)
{
	buf_printf(h->out, "#%06x", (unsigned)(rgb & 0xFFFFFF));
}

/* name="v": a number, or a colour, as SVG takes them. */
static void num_attr(html *h, const char *name, double v)
{
	buf_printf(h->out, " %s=\"", name);
	putnum(h, v);
	put(h, "\"");
}

static void rgb_attr(html *h, const char *name, uint32_t rgb)
{
	buf_printf(h->out, " %s=\"", name);
	putrgb(h, rgb);
	put(h, "\"");
}

/* Whether code point c may stand in an HTML document: not a control
 * character other than white space, not a noncharacter. */
static int html_char(uint32_t c)
{
	if (c < 0x20)
		return c == '\t' || c == '\n' || c == '\r';
	if (c >= 0x7F && c <= 0x9F)
		return 0;
	if (c >= 0xFDD0 && c <= 0xFDEF)
		return 0;
	return (c & 0xFFFE) != 0xFFFE;
}

/* s[0..len) cleaned and escaped.  attr: for an attribute value (quotes
 * escaped, line ends as spaces); else line ends become <br>. */
static void esc(html *h, const char *s, size_t len, int attr)
{
	if (!s || !len)
		return;
	h->clean.len = 0;
	xmlw_clean(s, len, &h->clean, NULL, NULL);
	if (h->clean.failed) {
		h->failed = 1;
		return;
	}
	const unsigned char *p = h->clean.data;
	size_t n = h->clean.len, i = 0, start = 0;
	while (i < n) {
		/* valid UTF-8 now: decode just enough to judge the character */
		unsigned char b = p[i];
		size_t k = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
		if (i + k > n)
			k = n - i;
		uint32_t c = k == 1 ? b : b & (0x3F >> (k - 1));
		for (size_t j = 1; j < k; j++)
			c = c << 6 | (p[i + j] & 0x3F);
		const char *rep = NULL;
		if (c == '&')
			rep = "&amp;";
		else if (c == '<')
			rep = "&lt;";
		else if (c == '>')
			rep = "&gt;";
		else if (c == '"' && attr)
			rep = "&quot;";
		else if (c == '\n' || c == '\r')
			rep = attr ? " " : "<br>";
		else if (c == '\t')
			rep = " ";
		else if (!html_char(c))
			rep = "";
		if (rep) {
			buf_put(h->out, p + start, i - start);
			buf_puts(h->out, rep);
			if (c == '\r' && i + 1 < n && p[i + 1] == '\n')
				k++;
			start = i + k;
		}
		i += k;
	}
	buf_put(h->out, p + start, n - start);
}

static void esc_s(html *h, const char *s, int attr)
{
	if (s)
		esc(h, s, strlen(s), attr);
}

/* name="value", the value escaped; nothing for NULL. */
static void attr(html *h, const char *name, const char *value)
{
	if (!value)
		return;
	buf_printf(h->out, " %s=\"", name);
	esc_s(h, value, 1);
	put(h, "\"");
}

/* ---- ids --------------------------------------------------------------- */

static uint64_t hash(const char *s)
{
	uint64_t x = 1469598103934665603u;
	for (; *s; s++)
		x = (x ^ (unsigned char)*s) * 1099511628211u;
	return x;
}

static int id_taken(const html *h, const char *s)
{
	if (!h->capids)
		return 0;
	for (size_t i = hash(s) & (h->capids - 1);; i = (i + 1) & (h->capids - 1)) {
		if (!h->ids[i])
			return 0;
		if (strcmp(h->ids[i], s) == 0)
			return 1;
	}
}

static int id_put(html *h, const char *s)
{
	if (2 * (h->nids + 1) > h->capids) {
		size_t cap = h->capids ? 2 * h->capids : 64;
		/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
		const char **v = xcalloc(cap, sizeof *v);
		if (!v)
			return -1;
		for (size_t i = 0; i < h->capids; i++) {
			if (!h->ids[i])
				continue;
			size_t j = hash(h->ids[i]) & (cap - 1);
			while (v[j])
				j = (j + 1) & (cap - 1);
			v[j] = h->ids[i];
		}
		xfree(h->ids);
		h->ids = v, h->capids = cap;
	}
	size_t j = hash(s) & (h->capids - 1);
	while (h->ids[j])
		j = (j + 1) & (h->capids - 1);
	h->ids[j] = s;
	h->nids++;
	return 0;
}

/* A valid, unique id from want (an anchor from the tree), or from
 * fallback when want is empty: letters, digits, '.', '_', '-' and
 * non-ASCII letters are kept, anything else (white space, '#', quotes,
 * '%') becomes '-', so the id also reads well in a URL's fragment.  A
 * taken id gets "-2", "-3"...  In the arena; NULL when memory runs out. */
static const char *make_id(html *h, const char *want, const char *fallback)
{
	if (!want || !*want)
		want = fallback;
	buf b = BUF_INIT;
	xmlw_clean(want, strlen(want), &b, NULL, NULL);
	for (size_t i = 0; i < b.len; i++) {
		unsigned char c = b.data[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-' || c >= 0x80))
			b.data[i] = '-';
	}
	/* U+0080..U+009F and U+00A0 (no-break space, white space to a reader)
	 * are C2 xx in UTF-8: their second byte would stand alone */
	for (size_t i = 0; i + 1 < b.len; i++)
		if (b.data[i] == 0xC2 && b.data[i + 1] <= 0xA0) {
			b.data[i] = '-';
			memmove(b.data + i + 1, b.data + i + 2, b.len - i - 2);
			b.len--;
		}
	const char *base = buf_cstr(&b);
	char *id = base ? arena_strdup(&h->a, base) : NULL;
	for (int k = 2; id && id_taken(h, id); k++)
		id = arena_printf(&h->a, "%s-%d", base, k);
	buf_free(&b);
	if (!id || id_put(h, id) < 0) {
		h->failed = 1;
		return NULL;
	}
	return id;
}

/* ---- the tree ------------------------------------------------------------ */

/* A fill's class name: its style key when that is a plain CSS name. */
static void fill_class(html *h, int f)
{
	const char *n = h->doc->fills[f].name;
	int ok = n && *n && ((*n >= 'a' && *n <= 'z') || (*n >= 'A' && *n <= 'Z'));
	for (const char *p = n; ok && *p; p++)
		ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		     (*p >= '0' && *p <= '9') || *p == '-' || *p == '_';
	if (ok && strlen(n) < 64)
		buf_printf(h->out, "f-%s", n);
	else
		buf_printf(h->out, "fill-%d", f);
}

static int heading_level_of(const doc_node *n)
{
	return n->u.heading.level < 1 ? 1 : n->u.heading.level;
}

/* The HTML level of a tree heading: shifted under the h1, never more than
 * one below the heading before it (no gaps), at most 6. */
static int html_level(html *h, int tree_level)
{
	int l = tree_level + h->shift;
	if (l > h->prev_level + 1)
		l = h->prev_level + 1;
	if (l > 6)
		l = 6;
	if (l < 1)
		l = 1;
	h->prev_level = l;
	return l;
}

/* The words of a node's inlines on one line, in the arena ("" when
 * memory runs out, which is then reported). */
static const char *plain(html *h, const doc_node *node)
{
	const char *s = doc_flatten(&h->a, node, DOC_WS_COLLAPSE);
	if (!s)
		h->failed = 1;
	return s ? s : "";
}

static void put_plain(html *h, const doc_node *node)
{
	esc_s(h, plain(h, node), 0);
}

/* Links live only for schemes a reader can follow safely, and for a
 * place on the page itself ("#tiltak-1.2": a row's id, kept as make_id
 * keeps it). */
static int live_link(const char *href)
{
	static const char *const ok[] = {"http://", "https://", "mailto:"};
	if (!href)
		return 0;
	if (href[0] == '#' && href[1]) {
		for (const char *p = href + 1; *p; p++)
			if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			      (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' || *p == '-'))
				return 0;
		return 1;
	}
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		size_t n = strlen(ok[i]);
		if (strncasecmp(href, ok[i], n) == 0 && href[n])
			return 1;
	}
	return 0;
}

/* class="..." from the parts that apply; nothing when none does. */
static void classes(html *h, const char *a, const char *b, int page_break)
{
	if (!a && !b && !page_break)
		return;
	put(h, " class=\"");
	int sp = 0;
	if (a) {
		put(h, a);
		sp = 1;
	}
	if (b) {
		put(h, sp ? " " : "");
		put(h, b);
		sp = 1;
	}
	if (page_break)
		put(h, sp ? " pb" : "pb");
	put(h, "\"");
}

static const char *align_class(doc_align a)
{
	return a == DOC_RIGHT ? "r" : a == DOC_CENTER ? "c" : NULL;
}

static int take_break(html *h)
{
	int b = h->pending_break;
	h->pending_break = 0;
	return b;
}

/* ---- charts --------------------------------------------------------------- */

/* Advance widths of Helvetica (metric twin of Liberation Sans and Arial,
 * the page's fonts), per 1000, for ASCII 32..126: regular, bold. */
static const unsigned short W[2][95] = {{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584}, {
	278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
	975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
	333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
	611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584}};

/* Text width for chart_draw.  The browser's font may differ a little: every
 * chart text is written with its measured width as textLength, so the
 * layout chart_draw chose (nothing overlaps) holds whatever font is used. */
static double measure(void *ctx, const char *s, size_t len, double size, int bold)
{
	(void)ctx;
	const unsigned char *p = (const unsigned char *)s;
	double w = 0;
	for (size_t i = 0; i < len;) {
		unsigned char b = p[i];
		if (b >= 32 && b < 127) {
			w += W[bold != 0][b - 32];
			i++;
			continue;
		}
		size_t k = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
		uint32_t c = k == 1 ? b : b & (0x3F >> (k - 1));
		for (size_t j = 1; j < k && i + j < len; j++)
			c = c << 6 | (p[i + j] & 0x3F);
		i += k;
		switch (c) {
		case 0xE6: w += 889; break;          /* æ */
		case 0xC6: w += 1000; break;         /* Æ */
		case 0xD8: case 0xC5: w += 778; break; /* Ø Å */
		case 0xA0: case 0x2009: case 0x202F: w += 278; break; /* spaces */
		case 0x2026: case 0x2014: w += 1000; break; /* … — */
		default: w += bold ? 611 : 556; break;
		}
	}
	return w * size / 1000.0;
}

/* One drawing of a chart as <svg>: fills, then rules, then text, the
 * PDF painter's order. */
static void chart_svg(html *h, const doc_node *n, const chart_drawing *dr, const char *cls,
		      const char *idt, const char *idd)
{
	const doc_chart *ch = n->u.chart.chart;
	put(h, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"");
	put(h, cls);
	put(h, "\" viewBox=\"0 0 ");
	putnum(h, dr->w);
	put(h, " ");
	putnum(h, dr->h);
	put(h, "\" role=\"img\"");
	attr(h, "aria-labelledby", idt);
	attr(h, "aria-describedby", idd);
	put(h, "><title");
	attr(h, "id", idt);
	put(h, ">");
	esc_s(h, ch->title && *ch->title ? ch->title : n->u.chart.alt, 0);
	put(h, "</title><desc");
	attr(h, "id", idd);
	put(h, ">");
	esc_s(h, n->u.chart.alt, 0);
	put(h, "</desc>\n");
	for (int pass = 0; pass < 3; pass++) {
		for (int i = 0; i < dr->n; i++) {
			const chart_prim *p = &dr->p[i];
			if ((int)p->kind != (pass == 0 ? CP_RECT : pass == 1 ? CP_LINE : CP_TEXT))
				continue;
			if (p->kind == CP_RECT) {
				put(h, "<rect");
				num_attr(h, "x", p->x);
				num_attr(h, "y", p->y);
				num_attr(h, "width", p->w);
				num_attr(h, "height", p->h);
				rgb_attr(h, "fill", p->rgb);
				put(h, "/>\n");
			} else if (p->kind == CP_LINE) {
				put(h, "<line");
				num_attr(h, "x1", p->x);
				num_attr(h, "y1", p->y);
				num_attr(h, "x2", p->x + p->w);
				num_attr(h, "y2", p->y + p->h);
				rgb_attr(h, "stroke", p->rgb);
				num_attr(h, "stroke-width", p->lw > 0 ? p->lw : 1);
				put(h, "/>\n");
			} else {
				put(h, "<text");
				num_attr(h, "x", p->x);
				num_attr(h, "y", p->y);
				num_attr(h, "font-size", p->h);
				if (p->bold)
					put(h, " font-weight=\"bold\"");
				rgb_attr(h, "fill", p->rgb);
				if (p->w > 0) {
					num_attr(h, "textLength", p->w);
					put(h, " lengthAdjust=\"spacingAndGlyphs\"");
				}
				put(h, ">");
				esc_s(h, p->text, 0);
				put(h, "</text>\n");
			}
		}
	}
	put(h, "</svg>\n");
}

/* The page's width in body sizes: the printed text width over the body
 * size, as the report's measure. */
static double column_ems(const doc *d)
{
	const doc_style *s = &d->style;
	double w = doc_style_text_width(s) / s->font_size;
	return w < 24 ? 24 : w > 80 ? 80 : w;
}

/* Is n a chart of the same row of small multiples as m (both abreast
 * k > 1)? */
static int same_run(const doc_node *n, const doc_node *m, int k)
{
	int col;
	return k > 1 && m && m->type == DOC_CHART && m->u.chart.chart &&
	       doc_chart_abreast(m, &col) == k && n->u.chart.chart;
}

/* A chart as a figure holding two drawings, the page's and a phone's.
 * Small multiples stand in a grid, k to a row, one on a phone. */
static void write_chart(html *h, const doc_node *n)
{
	if (!n->u.chart.chart)
		return;
	static const struct { const char *cls; double ems; } v[2] = {
		{"wide", 0}, {"narrow", NARROW_EMS}};
	int col, k = doc_chart_abreast(n, &col);
	if (k > 1 && !same_run(n, n->prev, k))
		buf_printf(h->out, "<div class=\"charts charts-%d\">\n", k);
	h->ncharts++;
	put(h, "<figure");
	classes(h, "chart", NULL, take_break(h));
	put(h, ">\n");
	for (int i = 0; i < 2; i++) {
		chart_drawing dr;
		/* drawn in the PDF's points at the body size, so the page's
		 * drawing is the PDF's chart; the SVG scales it to the column */
		double fs = h->doc->style.font_size;
		double w = (v[i].ems > 0 ? v[i].ems : column_ems(h->doc)) * fs;
		if (i == 0) /* its share of the row */
			w = doc_chart_width(n, w, h->doc->style.chart.space);
		if (chart_draw(n->u.chart.chart, w, fs, measure, NULL, &h->a, &dr) < 0) {
			h->failed = 1;
			return;
		}
		char t[48], d[48];
		snprintf(t, sizeof t, "sr-chart-%d%s-t", h->ncharts, i ? "n" : "");
		snprintf(d, sizeof d, "sr-chart-%d%s-d", h->ncharts, i ? "n" : "");
		const char *idt = make_id(h, t, t), *idd = make_id(h, d, d);
		if (!idt || !idd)
			return;
		chart_svg(h, n, &dr, v[i].cls, idt, idd);
	}
	put(h, "</figure>\n");
	if (k > 1 && !same_run(n, n->next, k))
		put(h, "</div>\n");
}

/* ---- blocks ------------------------------------------------------------------ */

static void start_table(html *h, const doc_node *n)
{
	const doc_table_info *ti = n->u.table.info;
	int nc = n->u.table.ncols;
	char buf_id[48];
	h->ntables++;
	h->section = 0;
	h->row_headers = nc > 1 && n->u.table.header_rows > 0;
	/* A table of a few columns of words (the measures) reads better on a
	 * phone as one card per row, each cell under its column's name, than
	 * scrolled sideways; one header row names the columns unambiguously. */
	h->stack = nc >= 2 && nc <= 4 && n->u.table.header_rows == 1 && n->first &&
		   n->first->u.row.header;
	/* A single row of many figures under their names (the headline
	 * figures) would show half its columns on a phone: there each column
	 * becomes a tile, its name above its figure, TILES_PER_LINE a line. */
	const doc_node *head = n->first;
	h->tiles = !h->stack && nc > 4 && nc <= TILES_MAX && n->u.table.header_rows == 1 && head &&
		   head->u.row.header && head->next && !head->next->next;
	h->ncols = nc;
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	h->label = h->stack ? arena_array(&h->a, (size_t)nc, sizeof *h->label) : NULL;
	if (h->stack && !h->label)
		h->failed = 1;
	const char *cap = ti && ti->caption && *ti->caption ? ti->caption : NULL;
	const char *capid = NULL;
	if (cap) {
		snprintf(buf_id, sizeof buf_id, "sr-table-%d", h->ntables);
		capid = make_id(h, buf_id, buf_id);
	}
	/* A wide table scrolls in its own region, never the page (WCAG
	 * 1.4.10); the region is named by the caption, else the heading. */
	const char *label = capid ? capid : h->last_heading_id;
	put(h, "<div");
	classes(h, "table-wrap", h->stack ? "stack" : h->tiles ? "tiles" : NULL, take_break(h));
	if (label) {
		put(h, " role=\"region\"");
		attr(h, "aria-labelledby", label);
	}
	put(h, " tabindex=\"0\"><table");
	if (ti && ti->dense)
		put(h, " class=\"dense\"");
	/* below this width the columns would crush their words: scroll */
	buf_printf(h->out, " style=\"min-width:%dem\">",
		   nc * 7 > TABLE_MAX_EM ? TABLE_MAX_EM : nc * 7 < TABLE_MIN_EM ? TABLE_MIN_EM : nc * 7);
	if (cap) {
		put(h, "<caption");
		attr(h, "id", capid);
		put(h, ">");
		esc_s(h, cap, 0);
		put(h, "</caption>");
	}
	if (ti) {
		put(h, "<colgroup>");
		for (int c = 0; c < nc; c++) {
			put(h, "<col style=\"width:");
			putnum(h, 100.0 * doc_column_share(n, c));
			put(h, "%\">");
		}
		put(h, "</colgroup>");
	}
	put(h, "\n");
}

static void end_table(html *h)
{
	put(h, h->section == 1 ? "</thead>" : h->section == 2 ? "</tbody>" : "");
	put(h, "</table></div>\n");
	h->section = 0;
}

static void start_row(html *h, const doc_node *n)
{
	/* header rows only lead: one after a body row is a body row */
	int header = h->section != 2 && doc_row_is_header(n);
	if (header && h->section != 1) {
		put(h, "<thead>");
		h->section = 1;
	} else if (!header && h->section != 2) {
		put(h, h->section == 1 ? "</thead><tbody>" : "<tbody>");
		h->section = 2;
	}
	h->col = 0;
	put(h, "<tr");
	if (n->u.row.anchor && *n->u.row.anchor)
		attr(h, "id", make_id(h, n->u.row.anchor, "rad"));
	put(h, ">");
}

static void start_cell(html *h, const doc_node *n)
{
	int header = h->section == 1;
	int f = doc_cell_fill(h->doc, n, header);
	const char *tag = header || (h->row_headers && !n->prev) ? "th" : "td";
	buf_printf(h->out, "<%s", tag);
	if (header)
		put(h, " scope=\"col\"");
	else if (*tag == 't' && tag[1] == 'h')
		put(h, " scope=\"row\"");
	if (h->stack && h->label && h->col < h->ncols) {
		if (header)
			h->label[h->col] = plain(h, n);
		else if (h->label[h->col] && *h->label[h->col])
			attr(h, "data-label", h->label[h->col]);
	}
	h->col++;
	const char *al = align_class(n->u.cell.align);
	if (f || al) {
		put(h, " class=\"");
		if (f)
			fill_class(h, f);
		if (al)
			buf_printf(h->out, "%s%s", f ? " " : "", al);
		put(h, "\"");
	}
	put(h, ">");
	/* a symbol: its word for screen readers, the symbol for the eye */
	if (n->u.cell.alt) {
		put(h, "<span class=\"vh\">");
		esc_s(h, n->u.cell.alt, 0);
		put(h, "</span><div aria-hidden=\"true\">");
	}
}

static void end_cell(html *h, const doc_node *n)
{
	int header = h->section == 1;
	if (n->u.cell.alt)
		put(h, "</div>");
	put(h, header || (h->row_headers && !n->prev) ? "</th>" : "</td>");
}

static const char *pstyle_class(doc_pstyle s)
{
	switch (s) {
	case DOC_P_TITLE: return "title";
	case DOC_P_SUBTITLE: return "subtitle";
	case DOC_P_NOTE: return "note";
	case DOC_P_CAPTION: return "caption";
	case DOC_P_LEAD: return "lead";
	default: return NULL;
	}
}

static void start_para(html *h, const doc_node *n)
{
	if (h->in_header && n->u.para.style == DOC_P_TITLE) {
		put(h, "<h1 id=\"sr-title\">");
		return;
	}
	put(h, "<p");
	classes(h, pstyle_class(n->u.para.style), align_class(n->u.para.align), take_break(h));
	put(h, ">");
}

static void end_para(html *h, const doc_node *n)
{
	put(h, h->in_header && n->u.para.style == DOC_P_TITLE ? "</h1>\n" : "</p>\n");
}

static void start_heading(html *h, const doc_node *n)
{
	int l = html_level(h, heading_level_of(n));
	const char *id = h->hno < h->nh ? h->hid[h->hno] : NULL;
	h->hno++;
	h->last_heading_id = id;
	buf_printf(h->out, "<h%d", l);
	attr(h, "id", id);
	/* a part (tree level 1) starts a printed page, whatever its HTML level */
	classes(h, heading_level_of(n) == 1 ? "part" : NULL, NULL, take_break(h));
	put(h, ">");
}

/* Write node and everything under it. */
/* What entering node n writes.  A TOC is written only at the top (see
 * write_body). */
static void enter_node(html *h, const doc_node *n)
{
	switch (n->type) {
	case DOC_HEADING: start_heading(h, n); break;
	case DOC_PARAGRAPH: start_para(h, n); break;
	case DOC_LIST:
		put(h, n->u.list.ordered ? "<ol" : "<ul");
		if (n->u.list.ordered && n->u.list.start > 1)
			buf_printf(h->out, " start=\"%d\"", n->u.list.start);
		classes(h, NULL, NULL, take_break(h));
		put(h, ">\n");
		break;
	case DOC_ITEM: put(h, "<li>"); break;
	case DOC_TABLE: start_table(h, n); break;
	case DOC_ROW: start_row(h, n); break;
	case DOC_CELL: start_cell(h, n); break;
	case DOC_PAGE_BREAK: h->pending_break = 1; break;
	case DOC_CHART: write_chart(h, n); break;
	case DOC_TEXT: esc(h, n->u.text.text, n->u.text.len, 0); break;
	case DOC_EMPH: put(h, "<em>"); break;
	case DOC_STRONG: put(h, "<strong>"); break;
	case DOC_LINK:
		if (live_link(n->u.link.href) && h->link_depth++ == 0) {
			put(h, "<a");
			attr(h, "href", n->u.link.href);
			put(h, ">");
		}
		break;
	case DOC_BREAK: put(h, "<br>"); break;
	default: break;
	}
}

/* What leaving container n writes. */
static void exit_node(html *h, const doc_node *n)
{
	switch (n->type) {
	case DOC_HEADING: buf_printf(h->out, "</h%d>\n", h->prev_level); break;
	case DOC_PARAGRAPH: end_para(h, n); break;
	case DOC_LIST: put(h, n->u.list.ordered ? "</ol>\n" : "</ul>\n"); break;
	case DOC_ITEM: put(h, "</li>\n"); break;
	case DOC_TABLE: end_table(h); break;
	case DOC_ROW: put(h, "</tr>\n"); break;
	case DOC_CELL: end_cell(h, n); break;
	case DOC_EMPH: put(h, "</em>"); break;
	case DOC_STRONG: put(h, "</strong>"); break;
	case DOC_LINK:
		if (live_link(n->u.link.href) && --h->link_depth == 0)
			put(h, "</a>");
		break;
	default: break;
	}
}

static void walk(html *h, const doc_node *root)
{
	doc_iter it;
	const doc_node *n;
	doc_event ev;
	doc_iter_init(&it, root);
	while ((ev = doc_iter_next(&it, &n)) != DOC_EV_DONE && !h->failed && !h->out->failed) {
		if (ev == DOC_EV_ENTER)
			enter_node(h, n);
		else
			exit_node(h, n);
	}
}

/* ---- the page ------------------------------------------------------------------ */

/* The contents: the headings marked for it, as nested lists. */
static void write_toc(html *h)
{
	const doc *d = h->doc;
	/* one below the heading before it; the outline goes on as before */
	int l = h->prev_level < 6 ? h->prev_level + 1 : 6;
	put(h, "<nav aria-labelledby=\"sr-toc\">\n");
	buf_printf(h->out, "<h%d id=\"sr-toc\">", l);
	esc_s(h, d->toc_title ? d->toc_title : "Innhold", 0);
	buf_printf(h->out, "</h%d>\n", l);
	int depth = 0;
	size_t k = 0;
	for (const doc_node *n = d->root->first; n; n = n->next) {
		if (n->type != DOC_HEADING)
			continue;
		const char *id = k < h->nh ? h->hid[k] : NULL;
		k++;
		if (!n->u.heading.in_toc || !id)
			continue;
		int want = heading_level_of(n);
		if (depth == 0) {
			put(h, "<ol>\n");
			depth = 1;
		} else if (want > depth) {
			put(h, "\n<ol>\n");
			depth++;
		} else {
			put(h, "</li>\n");
			for (; depth > want; depth--)
				put(h, "</ol></li>\n");
		}
		put(h, "<li><a href=\"#");
		esc_s(h, id, 1);
		put(h, "\">");
		put_plain(h, n);
		put(h, "</a>");
	}
	if (depth > 0) {
		put(h, "</li>\n");
		for (; depth > 1; depth--)
			put(h, "</ol></li>\n");
		put(h, "</ol>\n");
	}
	put(h, "</nav>\n");
}

static void base64(html *h, const unsigned char *p, size_t n)
{
	static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	if (buf_reserve(h->out, n / 3 * 4 + 8) < 0)
		return;
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0) |
			     (i + 2 < n ? p[i + 2] : 0);
		char q[4] = {a[v >> 18 & 63], a[v >> 12 & 63], i + 1 < n ? a[v >> 6 & 63] : '=',
			     i + 2 < n ? a[v & 63] : '='};
		buf_put(h->out, q, 4);
	}
}

static void write_logo(html *h)
{
	const doc_style *s = &h->doc->style;
	put(h, "<img class=\"logo\" src=\"data:");
	put(h, h->logo_info.type == IMAGE_JPEG ? "image/jpeg" : "image/png");
	put(h, ";base64,");
	base64(h, h->logo.data, h->logo.len);
	put(h, "\"");
	attr(h, "alt", h->doc->author && *h->doc->author ? h->doc->author : "Logo");
	/* points to CSS px (96 per inch) */
	buf_printf(h->out, " width=\"%d\" height=\"%d\">\n", (int)(s->logo_w * 4 / 3 + 0.5),
	     (int)(s->logo_h * 4 / 3 + 0.5));
}

/* The date of created as YYYY-MM-DD (UTC), or "" when it cannot be told. */
static void iso_date(const doc *d, char *s, size_t n)
{
	struct tm tm;
	time_t t = d->created;
	if (!gmtime_r(&t, &tm) || !strftime(s, n, "%Y-%m-%d", &tm))
		s[0] = '\0';
}

static void meta(html *h, const char *name, const char *content)
{
	if (!content || !*content)
		return;
	put(h, "<meta");
	attr(h, "name", name);
	attr(h, "content", content);
	put(h, ">\n");
}

static void write_css(html *h);

static void write_head(html *h)
{
	const doc *d = h->doc;
	char date[32];
	iso_date(d, date, sizeof date);
	put(h, "<!DOCTYPE html>\n<html");
	attr(h, "lang", d->lang && *d->lang ? d->lang : "nb-NO");
	put(h, ">\n<head>\n<meta charset=\"utf-8\">\n"
	       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	const char *title = d->header_text && *d->header_text ? d->header_text
			    : d->title && *d->title		 ? d->title
								 : "statusrapport";
	esc_s(h, title, 0);
	put(h, "</title>\n");
	meta(h, "description", d->subject);
	meta(h, "author", d->author);
	meta(h, "keywords", d->keywords);
	meta(h, "generator", "statusrapport " SR_VERSION);
	meta(h, "dcterms.date", date);
	/* no favicon request of its own */
	put(h, "<link rel=\"icon\" href=\"data:,\">\n");
	write_css(h);
	put(h, "</head>\n");
}

static void write_footer(html *h)
{
	const doc *d = h->doc;
	char date[32];
	iso_date(d, date, sizeof date);
	int org = d->author && *d->author, day = d->date_text && *d->date_text;
	if (!org && !day)
		return;
	put(h, "<footer>\n<p>");
	esc_s(h, org ? d->author : NULL, 0);
	if (org && day)
		put(h, " \xc2\xb7 ");
	if (day) {
		put(h, "<time");
		if (date[0])
			attr(h, "datetime", date);
		put(h, ">");
		esc_s(h, d->date_text, 0);
		put(h, "</time>");
	}
	put(h, "</p>\n</footer>\n");
}

/* Is n part of the title block: the paragraphs from the title on, before
 * the first heading, contents or break? */
static int title_block(const doc_node *n)
{
	return n->type == DOC_PARAGRAPH && (n->u.para.style == DOC_P_TITLE ||
					    n->u.para.style == DOC_P_SUBTITLE ||
					    n->u.para.style == DOC_P_NOTE);
}

static void write_body(html *h)
{
	const doc *d = h->doc;
	const doc_node *n = d->root->first;
	/* the title block, or a cover: the page's header (a screen has no
	 * first page to give it) */
	int has_title = n && doc_opens_title_block(n);
	int fallback = !has_title && d->title && *d->title;
	h->shift = has_title || fallback;
	put(h, "<body>\n<a class=\"skip\" href=\"#main\">");
	esc_s(h, d->skip_text && *d->skip_text ? d->skip_text : "Hopp til innholdet", 0);
	put(h, "</a>\n");
	if (h->shift || h->logo.len) {
		put(h, d->cover ? "<header class=\"cover\">\n" : "<header>\n");
		if (h->logo.len)
			write_logo(h);
		h->in_header = 1;
		if (fallback) {
			put(h, "<h1 id=\"sr-title\">");
			esc_s(h, d->title, 0);
			put(h, "</h1>\n");
		}
		for (; has_title && n && title_block(n) && !h->failed; n = n->next)
			walk(h, n);
		h->in_header = 0;
		put(h, "</header>\n");
	}
	h->prev_level = h->shift;
	/* the contents right after the title block are the page's nav */
	const doc_node *x = n;
	while (x && x->type == DOC_PAGE_BREAK)
		x = x->next;
	if (x && x->type == DOC_TOC) {
		write_toc(h);
		n = x->next;
	}
	put(h, "<main id=\"main\">\n");
	for (; n && !h->failed; n = n->next) {
		if (n->type == DOC_TOC)
			write_toc(h);
		else
			walk(h, n);
	}
	put(h, "</main>\n");
	write_footer(h);
	put(h, "</body>\n</html>\n");
}

/* ---- style --------------------------------------------------------------------- */

/* Lengths in points as millimetres, for @page. */
static void putmm(html *h, double pt)
{
	putnum(h, pt * 25.4 / 72.0);
	put(h, "mm");
}

/* A length in points as ems of a font of size pt: CSS margins and paddings
 * in em scale with the element's own text, as the house's do with the
 * body size. */
static void putem(html *h, double len, double size)
{
	putnum(h, size > 0 ? len / size : 0);
	put(h, "em");
}

/* A rule's width: points, which a browser draws at least one pixel wide. */
static void putpt(html *h, double pt)
{
	putnum(h, pt);
	put(h, "pt");
}

/* One paragraph role or heading level as a CSS rule.  Its size is in ems
 * of the body text (fs); its spacing in ems of its own size.  CSS margins
 * collapse where the PDF adds a paragraph's space above to the one below
 * the paragraph before: the larger of the two shows. */
static void role_css(html *h, const char *sel, const doc_role *r, double fs)
{
	put(h, sel);
	put(h, "{font-size:");
	putem(h, r->size, fs);
	put(h, ";line-height:");
	putnum(h, r->leading);
	put(h, ";margin:");
	putem(h, r->before, r->size);
	put(h, " 0 ");
	putem(h, r->after, r->size);
	put(h, r->bold ? ";font-weight:bold" : ";font-weight:normal");
	put(h, r->hyphenate ? ";hyphens:auto" : ";hyphens:manual");
	put(h, ";color:");
	putrgb(h, r->rgb);
	put(h, "}\n");
}

/* A template's bullet as a CSS string: the characters that would end the
 * string or the style element are left out. */
static void put_bullet(html *h, const char *b)
{
	put(h, "\"");
	for (const char *p = b ? b : ""; *p; p++)
		if (*p != '"' && *p != '\\' && *p != '<' && *p != '>' && (unsigned char)*p >= ' ')
			buf_putc(h->out, *p);
	put(h, " \"");
}

static void css_rule(html *h, const char *sel, const char *prop, uint32_t rgb)
{
	put(h, sel);
	put(h, "{");
	put(h, prop);
	put(h, ":");
	putrgb(h, rgb);
	put(h, "}\n");
}

/* A rule's border: its width and the house's rule colour. */
static void border(html *h, const char *side, double w, uint32_t rgb)
{
	put(h, side);
	put(h, ":");
	putpt(h, w);
	put(h, " solid ");
	putrgb(h, rgb);
}

/* A selector for a nesting depth: first, step depth - 1 times, then last. */
static void nested_sel(html *h, const char *first, const char *step, int depth, const char *last)
{
	put(h, first);
	for (int k = 1; k < depth; k++)
		put(h, step);
	put(h, last);
}

/* The page's frame: the body's font and colour, the column, the title
 * block and its logo, the skip link. */
static void css_frame(html *h)
{
	const doc_style *s = &h->doc->style;
	double fs = s->font_size;
	put(h, "*,*::before,*::after{box-sizing:border-box}\n"
	       "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
	       "body{margin:0;font-family:");
	if (s->font_family && *s->font_family) {
		put(h, "\"");
		/* a family name is the template's: only its letters reach the CSS */
		for (const char *p = s->font_family; *p; p++)
			if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			    (*p >= '0' && *p <= '9') || *p == ' ' || *p == '-')
				buf_putc(h->out, *p);
		put(h, "\",");
	}
	if (!s->font_family || strcmp(s->font_family, "Liberation Sans") != 0)
		put(h, "\"Liberation Sans\",");
	put(h, "Arial,Helvetica,sans-serif;"
	       "font-size:100%;overflow-wrap:break-word;background:#fff;"
	       /* as the PDF: at least three letters on either side of a break */
	       "hyphenate-limit-chars:6 3 3;line-height:");
	putnum(h, s->para[DOC_P_BODY].leading);
	put(h, ";color:");
	putrgb(h, s->text_rgb);
	put(h, "}\n");
	put(h, "header,nav,main,footer{max-width:");
	putnum(h, column_ems(h->doc) + 2);
	put(h, "em;margin:0 auto;padding:0 1em}\n");
	/* the title block ends in the heading colour's rule, as on paper:
	 * drawn inside the header's padding, so it is as wide as the text */
	put(h, "header{padding-top:2em;margin-bottom:");
	putem(h, s->title_rule_below, fs);
	put(h, "}\nheader::after{content:\"\";display:block;margin-top:");
	putem(h, s->title_rule_above, fs);
	put(h, ";");
	border(h, "border-top", s->title_rule_w, s->heading_rgb);
	put(h, "}\n.logo{display:block;max-width:100%;height:auto;margin-bottom:");
	putem(h, s->logo_after, fs);
	put(h, "}\n");
	put(h, ".skip{position:absolute;left:-100em;top:0}\n"
	       ".skip:focus{left:1em;top:1em;z-index:1;padding:.5em 1em;background:#fff}\n");
}

/* The paragraph roles and heading levels, the footer's text, links. */
static void css_roles(html *h)
{
	const doc_style *s = &h->doc->style;
	double fs = s->font_size;
	role_css(h, "p", &s->para[DOC_P_BODY], fs);
	/* h1 is the title; the headings' levels follow it, deeper ones as
	 * the deepest the house styles */
	role_css(h, "h1", &s->para[DOC_P_TITLE], fs);
	for (int i = 2; i <= 6; i++) {
		char sel[3] = {'h', (char)('0' + i), 0};
		role_css(h, sel, doc_style_heading(s, i - 1), fs);
	}
	put(h, "h1{margin-top:0}\n");
	role_css(h, ".lead", &s->para[DOC_P_LEAD], fs);
	role_css(h, ".subtitle", &s->para[DOC_P_SUBTITLE], fs);
	role_css(h, ".note", &s->para[DOC_P_NOTE], fs);
	role_css(h, ".caption", &s->para[DOC_P_CAPTION], fs);
	css_rule(h, "footer", "color", s->muted_rgb);
	put(h, "footer p{font-size:1em;color:inherit}\n");
	put(h, ".r{text-align:right}\n.c{text-align:center}\n");
	css_rule(h, "a", "color", s->link_rgb);
	put(h, "a:focus-visible,.table-wrap:focus-visible,.skip:focus{outline:3px solid ");
	putrgb(h, s->link_rgb);
	/* a linked measure (#tiltak-1.2.3) shows which row was meant */
	put(h, ";outline-offset:2px}\ntr:target{outline:2px solid ");
	putrgb(h, s->link_rgb);
	put(h, ";outline-offset:-2px}\n");
}

/* The contents: no numbers of the browser's, a hanging indent per level. */
static void css_toc(html *h)
{
	const doc_style *s = &h->doc->style;
	const doc_toc_style *toc = &s->toc;
	double fs = s->font_size;
	put(h, "nav{margin-bottom:");
	putem(h, toc->after, fs);
	put(h, ";line-height:");
	putnum(h, toc->leading);
	put(h, ";hyphens:manual}\nnav ol{list-style:none;padding-left:0;margin:0}\nnav ol ol{padding-left:");
	putem(h, toc->indent, fs);
	put(h, "}\nnav li{margin:");
	putem(h, toc->before, fs);
	put(h, " 0 0}\nnav>ol>li{font-weight:bold;margin-top:");
	putem(h, toc->before_1, fs);
	put(h, "}\nnav li li{font-weight:normal}\n");
	/* a hanging indent: an entry's second line starts under its text,
	 * not under its number */
	for (int l = 1; l <= DOC_HEADINGS; l++) {
		nested_sel(h, "nav>ol", ">li>ol", l, ">li>a{display:block;padding-left:");
		putem(h, toc->hang[l - 1], fs);
		put(h, ";text-indent:-");
		putem(h, toc->hang[l - 1], fs);
		put(h, "}\n");
	}
}

/* Lists: the label sits in the indent; CSS sets no gap after a marker, so
 * a space in the marker's string stands for it. */
static void css_lists(html *h)
{
	const doc_style *s = &h->doc->style;
	const doc_list_style *li = &s->list;
	double fs = s->font_size;
	put(h, "main ul,main ol{margin:0 0 ");
	putem(h, li->after, fs);
	put(h, ";padding-left:");
	putem(h, li->indent, fs);
	put(h, "}\nmain li ul,main li ol{margin-bottom:0}\nmain li{margin-top:");
	putem(h, li->item_before, fs);
	put(h, "}\nmain li>p{margin:0}\n");
	for (int l = 1; l <= DOC_BULLETS; l++) {
		nested_sel(h, "main ", "ul ", l, "ul{list-style-type:");
		put_bullet(h, doc_style_bullet(s, l));
		put(h, "}\n");
	}
}

/* Tables: rules or a grid, the header row's fill, the zebra. */
static void css_tables(html *h)
{
	const doc *d = h->doc;
	const doc_style *s = &d->style;
	const doc_table_style *t = &s->table;
	double fs = s->font_size;
	int hf = doc_fill_valid(d, s->header_fill) ? s->header_fill : 0;
	/* positioned, so that the words hidden for screen readers inside a
	 * wide table scroll with it instead of widening the page */
	put(h, ".table-wrap{position:relative;overflow-x:auto;margin:");
	putem(h, t->before, fs);
	put(h, " 0 ");
	putem(h, t->after, fs);
	put(h, "}\ntable{border-collapse:collapse;width:100%;font-size:");
	putem(h, t->size, fs);
	put(h, ";line-height:");
	putnum(h, t->leading);
	put(h, "}\ncaption,.vh{position:absolute;width:1px;height:1px;overflow:hidden;"
	       "clip:rect(0 0 0 0);white-space:nowrap}\n"
	       "th,td{vertical-align:top;text-align:left;padding:");
	putem(h, t->pad, t->size);
	put(h, ";");
	border(h, "border-top", t->rule_w, s->rule_rgb);
	put(h, ";");
	border(h, "border-bottom", t->rule_w, s->rule_rgb);
	if (t->grid) {
		put(h, ";");
		border(h, "border-left", t->rule_w, s->rule_rgb);
		put(h, ";");
		border(h, "border-right", t->rule_w, s->rule_rgb);
	}
	put(h, "}\n.dense tbody th,.dense tbody td{padding-top:");
	putem(h, t->dense_pad, t->size);
	put(h, ";padding-bottom:");
	putem(h, t->dense_pad, t->size);
	put(h, "}\nthead th{font-weight:bold;border-top-width:");
	putpt(h, t->header_rule_w);
	put(h, ";border-bottom-width:");
	putpt(h, t->header_rule_w);
	put(h, ";background:");
	putrgb(h, hf ? d->fills[hf].rgb : t->header_rgb);
	put(h, ";color:");
	putrgb(h, hf ? d->fills[hf].text_rgb : t->header_text_rgb);
	put(h, "}\ntbody th{font-weight:normal}\n"
	       "th p,td p{margin:0;font-size:1em;line-height:inherit;color:inherit}\n"
	       "th p+p,td p+p{margin-top:");
	putem(h, t->para_gap, t->size);
	/* a column's head and a filled cell are labels (doc_cell_is_label):
	 * never hyphenated */
	put(h, "}\nthead th p{hyphens:manual");
	put(h, "}\nth p.note,td p.note{font-size:");
	putem(h, t->note_size, t->size);
	put(h, "}\ntd ul,td ol{margin:0;padding-left:");
	putem(h, s->list.indent, t->size);
	put(h, "}\n");
	if (t->zebra) {
		/* no weight of its own: a fill's class wins */
		put(h, ":where(tbody tr:nth-child(even))>*{background:");
		putrgb(h, t->zebra_rgb);
		put(h, "}\n");
	}
}

/* The status fills, one class each. */
static void css_fills(html *h)
{
	const doc *d = h->doc;
	for (int f = 1; f < d->nfills && f < DOC_MAX_FILLS; f++) {
		put(h, ".");
		fill_class(h, f);
		put(h, "{background:");
		putrgb(h, d->fills[f].rgb);
		put(h, ";color:");
		putrgb(h, d->fills[f].text_rgb);
		/* a note on a fill takes the fill's text colour, as in the
		 * PDF: the muted grey is for white paper */
		put(h, "}\n.");
		fill_class(h, f);
		put(h, " p.note{color:inherit}\n.");
		fill_class(h, f);
		put(h, " p{hyphens:manual}\n");
	}
}

/* A narrow screen; then the charts and the footer. */
static void css_narrow_charts(html *h)
{
	const doc_style *s = &h->doc->style;
	const doc_table_style *t = &s->table;
	double fs = s->font_size;
	/* stacked rows: the column's name above each cell; the header row
	 * stays for screen readers */
	put(h, "@media (max-width:36em){\n"
	       ".stack table{min-width:0!important}\n"
	       ".stack thead{position:absolute;width:1px;height:1px;overflow:hidden;"
	       "clip:rect(0 0 0 0);white-space:nowrap}\n"
	       ".stack table,.stack tbody,.stack tr,.stack th,.stack td{display:block;border:0}\n"
	       ".stack colgroup{display:none}\n"
	       ".stack tbody tr{padding:.3em 0;");
	border(h, "border-bottom", t->rule_w, s->rule_rgb);
	/* a narrow screen: the column's name as small as a note, the title
	 * no larger than a level-1 heading */
	put(h, "}\n"
	       ".stack [data-label]::before{content:attr(data-label);display:block;font-weight:bold;"
	       "font-size:");
	putem(h, s->para[DOC_P_NOTE].size, t->size);
	put(h, "}\n.stack .r{text-align:left}\nh1{font-size:");
	putem(h, doc_style_heading(s, 1)->size, fs);
	put(h, "}\n");
	/* tiles: a grid whose rows alternate names and figures; each cell
	 * gets its row, the grid its column in order; wherever the row would
	 * scroll, also at 200 % zoom */
	buf_printf(h->out,
		   "}\n@media (max-width:%dem){\n"
		   ".tiles table{display:grid;grid-template-columns:repeat(%d,minmax(0,1fr));"
		   "min-width:0!important}\n"
		   ".tiles thead,.tiles tbody,.tiles tr{display:contents}\n"
		   ".tiles colgroup{display:none}\n",
		   TABLE_MAX_EM, TILES_PER_LINE);
	for (int j = 0; j * TILES_PER_LINE < TILES_MAX; j++)
		for (int body = 0; body < 2; body++)
			buf_printf(h->out,
				   ".tiles %s tr>:nth-child(n+%d):nth-child(-n+%d){grid-row:%d}\n",
				   body ? "tbody" : "thead", j * TILES_PER_LINE + 1,
				   (j + 1) * TILES_PER_LINE, 2 * j + 1 + body);
	put(h, "}\n");
	put(h, "figure.chart{margin:");
	putem(h, s->chart.space, fs);
	put(h, " 0}\n.chart svg{display:block;width:100%;height:auto}\n"
	       ".chart .narrow{display:none}\n"
	       ".charts{display:grid;align-items:start;column-gap:");
	putem(h, s->chart.space, fs);
	put(h, "}\n.charts-2{grid-template-columns:repeat(2,minmax(0,1fr))}\n"
	       ".charts-3{grid-template-columns:repeat(3,minmax(0,1fr))}\n"
	       "@media (max-width:36em){.chart .wide{display:none}.chart .narrow{display:block;"
	       "max-width:30em}.charts{display:block}}\n");
	put(h, "footer{margin-top:3em;padding-top:1em;padding-bottom:2em;font-size:");
	putem(h, s->furniture_size, fs);
	put(h, ";");
	border(h, "border-top", s->furniture_rule_w, s->rule_rgb);
	put(h, "}\n");
}

/* Print: the house's page, its body size, a page per level-1 part. */
static void css_print(html *h)
{
	const doc *d = h->doc;
	const doc_style *s = &d->style;
	double fs = s->font_size;
	put(h, "@media print{\n@page{size:");
	putmm(h, s->page_w);
	put(h, " ");
	putmm(h, s->page_h);
	put(h, ";margin:");
	putmm(h, s->margin_top);
	put(h, " ");
	putmm(h, s->margin_right);
	put(h, " ");
	putmm(h, s->margin_bottom);
	put(h, " ");
	putmm(h, s->margin_left);
	put(h, "}\nbody{font-size:");
	putnum(h, fs);
	/* the status fills are the house's meaning, not decoration: printed */
	put(h, "pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}\n.skip{display:none}\n"
	       "header,nav,main,footer{max-width:none;padding:0}\n"
	       ".part,.pb{break-before:page}\n");
	if (d->cover) {
		/* printed, the cover is a page of its own, its first line as
		 * far down as on the PDF's */
		put(h, "header.cover{break-after:page}\n");
		put(h, h->logo.len ? "header.cover .logo{margin-bottom:" : "header.cover{padding-top:");
		putpt(h, (h->logo.len ? s->logo_after : 0) + s->cover_space);
		put(h, "}\n");
	}
	/* keep-with-next is CSS's break-after:avoid; the lines a paragraph
	 * keeps together are its orphans and widows.  The selector list
	 * starts with one that matches nothing, so each kept role adds
	 * ",sel" and none leaves a valid rule. */
	static const struct {
		const char *sel;
		int role; /* a doc_pstyle, or -level for a heading */
	} kw[] = {{"h1", DOC_P_TITLE}, {"h2", -1}, {"h3", -2}, {"h4", -3}, {"h5", -3}, {"h6", -3},
		  {"p", DOC_P_BODY}, {".lead", DOC_P_LEAD}, {".subtitle", DOC_P_SUBTITLE},
		  {".note", DOC_P_NOTE}, {".caption", DOC_P_CAPTION}};
	put(h, ".sr-keep");
	for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++) {
		const doc_role *r = kw[i].role < 0 ? doc_style_heading(s, -kw[i].role)
						   : &s->para[kw[i].role];
		if (r->keep_with_next) {
			put(h, ",");
			put(h, kw[i].sel);
		}
	}
	buf_printf(h->out, "{break-after:avoid}\np{orphans:%d;widows:%d}\n", s->min_lines,
		   s->min_lines);
	put(h, "tr,figure,img{break-inside:avoid}\nthead{display:table-header-group}\n"
	       ".table-wrap{overflow:visible}\ntable{min-width:0!important}\n"
	       ".chart .wide{display:block}.chart .narrow{display:none}\n"
	       "a[href^=\"http\"]::after{content:\" (\" attr(href) \")\";word-break:break-all}\n"
	       "}\n");
}

/* The house style as CSS.  On screen the body text is the reader's own
 * size (100 %) and every other size and spacing keeps its proportion to
 * the body's; in print the body is the house's size in points, so every
 * value comes out as the PDF's. */
static void write_css(html *h)
{
	put(h, "<style>\n");
	css_frame(h);
	css_roles(h);
	css_toc(h);
	css_lists(h);
	css_tables(h);
	css_fills(h);
	css_narrow_charts(h);
	css_print(h);
	put(h, "</style>\n");
}

/* ---- entry point ------------------------------------------------------------------ */

/* The top-level headings' ids, before anything is written: the contents
 * link to them ahead of the headings themselves. */
static void heading_ids(html *h)
{
	static const char *const reserved[] = {"main", "sr-title", "sr-toc"};
	for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
		if (!make_id(h, reserved[i], reserved[i]))
			return;
	size_t n = 0;
	for (const doc_node *x = h->doc->root->first; x; x = x->next)
		n += x->type == DOC_HEADING;
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	h->hid = arena_array(&h->a, n + 1, sizeof *h->hid);
	if (!h->hid) {
		h->failed = 1;
		return;
	}
	for (const doc_node *x = h->doc->root->first; x && !h->failed; x = x->next) {
		if (x->type != DOC_HEADING)
			continue;
		char gen[32];
		snprintf(gen, sizeof gen, "del-%zu", h->nh + 1);
		h->hid[h->nh++] = make_id(h, x->u.heading.anchor, gen);
	}
}

sr_status html_render(const doc *dc, buf *out, diag *d)
{
	if (backend_check_tree(dc, "HTML", d) != SR_OK)
		return SR_INVALID;
	sr_status st = SR_OK;
	html *h = xcalloc(1, sizeof *h);
	if (!h)
		goto oom;
	h->doc = dc;
	h->out = out;
	arena_init(&h->a);
	st = backend_load_logo(dc, &h->logo, &h->logo_info, d);
	if (st != SR_OK)
		goto done;
	heading_ids(h);
	if (!h->failed) {
		write_head(h);
		write_body(h);
	}
	if (h->failed || out->failed || arena_failed(&h->a))
		goto oom;
	goto done;
oom:
	st = backend_out_of_memory("HTML", d);
done:
	if (h) {
		buf_free(&h->clean);
		buf_free(&h->logo);
		xfree(h->ids);
		arena_free(&h->a);
	}
	xfree(h);
	return st;
}

/* ---- the format's row (backend.h) ---- */

const backend backend_html = {
	.name = "html",
	.ext = "html",
	.media_type = "text/html",
	.render_doc = html_render,
};
