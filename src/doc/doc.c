/* doc.c: building, copying, walking and dumping the document tree.
 * Owns nothing outside the doc's arena.  Knows no output format. */
#include "doc.h"
#include "chart.h"

#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"

/* A long report holds millions of nodes (~41 per measure); the arena
 * rounds to 16 bytes, so 80 is the size to keep. */
_Static_assert(sizeof(doc_node) <= 80, "doc_node grew");

doc *doc_new(void)
{
	doc *d = xcalloc(1, sizeof *d);
	if (!d)
		return NULL;
	arena_init(&d->arena);
	d->root = doc_node_new(d, DOC_DOCUMENT, (srcpos){0});
	d->nfills = 1; /* index 0: no fill */
	doc_style_fill(&d->style, NULL);
	if (!d->root) {
		doc_free(d);
		return NULL;
	}
	return d;
}

void doc_free(doc *d)
{
	if (!d)
		return;
	arena_free(&d->arena);
	xfree(d);
}

doc_node *doc_node_new(doc *d, doc_type type, srcpos pos)
{
	if (!d)
		return NULL;
	doc_node *n = arena_alloc(&d->arena, sizeof *n);
	if (!n)
		return NULL;
	n->type = type;
	n->pos = pos;
	return n;
}

doc_node *doc_append(doc_node *parent, doc_node *child)
{
	if (!parent || !child)
		return NULL;
	child->parent = parent;
	child->next = NULL;
	child->prev = parent->last;
	if (parent->last)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
	return child;
}

doc_node *doc_prepend(doc_node *parent, doc_node *child)
{
	if (!parent || !child)
		return NULL;
	child->parent = parent;
	child->prev = NULL;
	child->next = parent->first;
	if (parent->first)
		parent->first->prev = child;
	else
		parent->last = child;
	parent->first = child;
	return child;
}

doc_node *doc_text(doc *d, const char *s, size_t len, srcpos pos)
{
	doc_node *n = doc_node_new(d, DOC_TEXT, pos);
	if (!n)
		return NULL;
	char *copy = arena_strndup(&d->arena, s, len);
	if (!copy)
		return NULL;
	n->u.text.text = copy;
	n->u.text.len = len;
	return n;
}

doc_node *doc_text_ref(doc *d, const char *s, size_t len, srcpos pos)
{
	doc_node *n = doc_node_new(d, DOC_TEXT, pos);
	if (!n)
		return NULL;
	n->u.text.text = s;
	n->u.text.len = len;
	return n;
}

doc_node *doc_textf(doc *d, srcpos pos, const char *fmt, ...)
{
	if (!d)
		return NULL;
	va_list ap;
	va_start(ap, fmt);
	char *s = arena_vprintf(&d->arena, fmt, ap);
	va_end(ap);
	if (!s)
		return NULL;
	doc_node *n = doc_node_new(d, DOC_TEXT, pos);
	if (n) {
		n->u.text.text = s;
		n->u.text.len = strlen(s);
	}
	return n;
}

doc_node *doc_add_text(doc *d, doc_node *parent, const char *s)
{
	if (s && *s)
		doc_append(parent, doc_text(d, s, strlen(s), parent ? parent->pos : (srcpos){0}));
	return parent;
}

doc_node *doc_heading(doc *d, int level, const char *anchor, srcpos pos)
{
	doc_node *n = doc_node_new(d, DOC_HEADING, pos);
	if (n) {
		n->u.heading.level = level < 1 ? 1 : level > 3 ? 3 : level;
		n->u.heading.anchor = anchor ? arena_strdup(&d->arena, anchor) : NULL;
		n->u.heading.in_toc = 1;
	}
	return n;
}

doc_node *doc_para(doc *d, doc_pstyle style, srcpos pos)
{
	doc_node *n = doc_node_new(d, DOC_PARAGRAPH, pos);
	if (n)
		n->u.para.style = style;
	return n;
}

doc_node *doc_para_text(doc *d, doc_pstyle style, const char *s, srcpos pos)
{
	return doc_add_text(d, doc_para(d, style, pos), s);
}

/* A table's info with room for ncols weights, from a. */
static doc_table_info *table_info(arena *a, int ncols)
{
	if (ncols < 1 || (size_t)ncols > (SIZE_MAX - sizeof(doc_table_info)) / sizeof(double))
		return NULL;
	return arena_alloc(a, sizeof(doc_table_info) + (size_t)ncols * sizeof(double));
}

doc_node *doc_table(doc *d, int ncols, const double *widths, int header_rows,
		    const char *caption, srcpos pos)
{
	doc_node *n = doc_node_new(d, DOC_TABLE, pos);
	if (!n || ncols < 1)
		return NULL;
	doc_table_info *ti = table_info(&d->arena, ncols);
	if (!ti)
		return NULL;
	for (int i = 0; i < ncols; i++)
		ti->widths[i] = widths && widths[i] > 0 ? widths[i] : 1.0;
	ti->caption = caption ? arena_strdup(&d->arena, caption) : NULL;
	if (caption && !ti->caption)
		return NULL;
	n->u.table.ncols = ncols;
	n->u.table.info = ti;
	n->u.table.header_rows = header_rows;
	return n;
}

void doc_table_dense(doc_node *t)
{
	/* the info is the tree's own, allocated by doc_table */
	if (t && t->type == DOC_TABLE && t->u.table.info)
		((doc_table_info *)t->u.table.info)->dense = 1;
}

doc_node *doc_row(doc *d, int header)
{
	doc_node *n = doc_node_new(d, DOC_ROW, (srcpos){0});
	if (n)
		n->u.row.header = header;
	return n;
}

doc_node *doc_cell(doc *d, int fill, doc_align align)
{
	doc_node *n = doc_node_new(d, DOC_CELL, (srcpos){0});
	if (n) {
		n->u.cell.fill = fill;
		n->u.cell.align = align;
	}
	return n;
}

int doc_add_fill(doc *d, const char *name, const char *label, uint32_t rgb,
		 uint32_t text_rgb)
{
	if (!d || d->nfills >= DOC_MAX_FILLS)
		return 0;
	doc_fill *f = &d->fills[d->nfills];
	f->name = arena_strdup(&d->arena, name);
	f->label = arena_strdup(&d->arena, label);
	f->rgb = rgb;
	f->text_rgb = text_rgb;
	if (!f->name || !f->label)
		return 0;
	return d->nfills++;
}

doc_node *doc_clone(doc *d, const doc_node *src)
{
	if (!d || !src)
		return NULL;
	doc_node *root = doc_node_new(d, src->type, src->pos);
	if (!root)
		return NULL;
	root->u = src->u;
	/* Iterative copy: walk src, keeping the copy's current parent. */
	doc_node *parent = root;
	doc_iter it;
	doc_iter_init(&it, src);
	const doc_node *n;
	doc_event ev;
	(void)doc_iter_next(&it, &n); /* ENTER src itself */
	while ((ev = doc_iter_next(&it, &n)) != DOC_EV_DONE) {
		if (ev == DOC_EV_EXIT) {
			if (n == src)
				break;
			parent = parent->parent;
			continue;
		}
		doc_node *c = doc_append(parent, doc_node_new(d, n->type, n->pos));
		if (!c)
			return NULL;
		c->u = n->u;
		if (!doc_is_leaf(n->type))
			parent = c;
	}
	return root;
}

void doc_append_children_of(doc *d, doc_node *parent, const doc_node *src)
{
	if (!src)
		return;
	for (const doc_node *c = src->first; c; c = c->next)
		doc_append(parent, doc_clone(d, c));
}

/* Where doc_flatten's walk writes: a buf, memory of the size a first walk
 * counted, or nowhere (that counting walk). */
typedef struct sink {
	buf *b;
	char *s;
	size_t len;
	char last;
} sink;

static void sink_put(sink *k, const char *p, size_t n)
{
	if (!n)
		return;
	if (k->b)
		buf_put(k->b, p, n);
	else if (k->s)
		memcpy(k->s + k->len, p, n);
	k->len += n;
	k->last = p[n - 1];
}

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void text_walk(const doc_node *n, doc_ws ws, sink *k)
{
	int space = 0; /* DOC_WS_COLLAPSE: a space is owed before the next word */
	doc_iter it;
	const doc_node *c;
	doc_event ev;
	doc_iter_init(&it, n);
	while ((ev = doc_iter_next(&it, &c)) != DOC_EV_DONE) {
		if (ev != DOC_EV_ENTER)
			continue;
		if (c->type == DOC_TEXT && ws != DOC_WS_COLLAPSE) {
			sink_put(k, c->u.text.text, c->u.text.len);
		} else if (c->type == DOC_TEXT) {
			for (size_t i = 0; i < c->u.text.len; i++) {
				if (is_ws(c->u.text.text[i])) {
					space = k->len > 0;
					continue;
				}
				if (space)
					sink_put(k, " ", 1);
				space = 0;
				sink_put(k, c->u.text.text + i, 1);
			}
		} else if (c->type == DOC_BREAK) {
			if (ws == DOC_WS_COLLAPSE)
				space = k->len > 0;
			else if (ws != DOC_WS_SPACE || (k->len && k->last != ' '))
				sink_put(k, " ", 1);
		} else if (c != n && !doc_is_inline(c->type)) {
			if (ws == DOC_WS_SPACE && k->len && k->last != ' ')
				sink_put(k, " ", 1);
			else if (ws == DOC_WS_LINES && k->len && k->last != '\n')
				sink_put(k, "\n", 1);
		}
	}
}

/* DOC_WS_LINES ends on the last word. */
static size_t trimmed(const char *s, size_t len, doc_ws ws)
{
	while (ws == DOC_WS_LINES && len && (s[len - 1] == '\n' || s[len - 1] == ' '))
		len--;
	return len;
}

char *doc_flatten(arena *a, const doc_node *n, doc_ws ws)
{
	if (!n)
		return NULL;
	sink k = {0};
	text_walk(n, ws, &k);
	k.s = arena_alloc(a, k.len + 1);
	if (!k.s)
		return NULL;
	k.len = 0;
	text_walk(n, ws, &k);
	k.s[trimmed(k.s, k.len, ws)] = '\0';
	return k.s;
}

void doc_flatten_put(buf *out, const doc_node *n, doc_ws ws)
{
	if (!n)
		return;
	size_t start = out->len;
	sink k = {.b = out};
	text_walk(n, ws, &k);
	if (!out->failed)
		out->len = start + trimmed((const char *)out->data + start, out->len - start, ws);
}

char *doc_plain_text(doc *d, const doc_node *n)
{
	return d ? doc_flatten(&d->arena, n, DOC_WS_SPACE) : NULL;
}

void doc_iter_init(doc_iter *it, const doc_node *root)
{
	it->root = root;
	it->cur = NULL;
	it->ev = DOC_EV_DONE;
	it->skip = 0;
}

doc_event doc_iter_next(doc_iter *it, const doc_node **node)
{
	const doc_node *c = it->cur;
	doc_event ev = it->ev;
	if (!it->root)
		return DOC_EV_DONE;
	if (!c) {
		c = it->root;
		ev = DOC_EV_ENTER;
	} else if (ev == DOC_EV_ENTER && !doc_is_leaf(c->type)) {
		if (c->first && !it->skip) {
			c = c->first;
			ev = DOC_EV_ENTER;
		} else {
			ev = DOC_EV_EXIT;
		}
	} else if (c == it->root) {
		ev = DOC_EV_DONE;
	} else if (c->next) {
		c = c->next;
		ev = DOC_EV_ENTER;
	} else {
		c = c->parent;
		ev = DOC_EV_EXIT;
	}
	it->cur = c;
	it->ev = ev;
	it->skip = 0;
	*node = c;
	return ev;
}

void doc_iter_skip_children(doc_iter *it)
{
	if (it->cur && it->ev == DOC_EV_ENTER && !doc_is_leaf(it->cur->type))
		it->skip = 1;
}

int doc_check(const doc *d, const char **why)
{
	doc_iter it;
	const doc_node *n;
	doc_event ev;
	if (d->cover) {
		const doc_node *b = d->root->first;
		while (b && b->type != DOC_PAGE_BREAK)
			b = b->next;
		if (!b) {
			*why = "a cover without the page break that ends it";
			return -1;
		}
	}
	doc_iter_init(&it, d->root);
	while ((ev = doc_iter_next(&it, &n)) != DOC_EV_DONE) {
		if (ev != DOC_EV_ENTER)
			continue;
		const doc_node *p = n->parent;
		doc_type pt = p ? p->type : DOC_DOCUMENT;
		if (!p) {
			if (n->type != DOC_DOCUMENT) {
				*why = "root is not a DOCUMENT";
				return -1;
			}
			continue;
		}
		int ok = 1;
		switch (n->type) {
		case DOC_DOCUMENT:
		case DOC_FRAGMENT:
			ok = 0;
			break;
		case DOC_HEADING: case DOC_TOC: case DOC_PAGE_BREAK: case DOC_CHART:
			ok = pt == DOC_DOCUMENT;
			break;
		case DOC_PARAGRAPH: case DOC_LIST: case DOC_TABLE:
			ok = pt == DOC_DOCUMENT || pt == DOC_ITEM || pt == DOC_CELL;
			if (n->type == DOC_TABLE)
				ok = pt == DOC_DOCUMENT;
			break;
		case DOC_ITEM:
			ok = pt == DOC_LIST;
			break;
		case DOC_ROW:
			ok = pt == DOC_TABLE;
			break;
		case DOC_CELL:
			ok = pt == DOC_ROW;
			break;
		default: /* inlines */
			ok = pt == DOC_HEADING || pt == DOC_PARAGRAPH ||
			     pt == DOC_EMPH || pt == DOC_STRONG || pt == DOC_LINK;
			break;
		}
		if (!ok) {
			*why = "a node stands where the shape rules do not allow it";
			return -1;
		}
		if (n->type == DOC_CHART && n->u.chart.chart &&
		    (n->u.chart.chart->abreast < 0 ||
		     n->u.chart.chart->abreast > CHART_MAX_ABREAST)) {
			*why = "a CHART stands more abreast than a row holds";
			return -1;
		}
		if (n->type == DOC_LIST && !n->first) {
			*why = "empty LIST";
			return -1;
		}
		if (n->type == DOC_TABLE) {
			int rows = 0;
			for (const doc_node *r = n->first; r; r = r->next) {
				int cells = 0;
				for (const doc_node *c = r->first; c; c = c->next)
					cells++;
				if (cells != n->u.table.ncols) {
					*why = "a ROW has not ncols CELLs";
					return -1;
				}
				rows++;
			}
			if (rows == 0 || n->u.table.header_rows > rows) {
				*why = "TABLE has no rows or too many header rows";
				return -1;
			}
		}
		if (n->type == DOC_CELL && n->u.cell.fill >= d->nfills) {
			*why = "CELL names a fill that does not exist";
			return -1;
		}
	}
	return 0;
}

static const char *const type_names[] = {
	"document", "fragment", "heading", "paragraph", "list", "item",
	"table", "row", "cell", "toc", "page-break", "chart",
	"text", "emph", "strong", "link", "break"};

static const char *const pstyle_names[] = {
	"body", "title", "subtitle", "note", "caption", "lead"};

static void dump_text(FILE *out, const char *s, size_t len)
{
	fputc('"', out);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c < 0x20)
			fprintf(out, "\\x%02x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

void doc_dump(const doc *d, FILE *out)
{
	fprintf(out, "document title=");
	dump_text(out, d->title ? d->title : "", d->title ? strlen(d->title) : 0);
	fprintf(out, " lang=%s date=\"%s\"%s\n", d->lang ? d->lang : "",
		d->date_text ? d->date_text : "", d->cover ? " cover" : "");
	doc_iter it;
	const doc_node *n;
	doc_event ev;
	int depth = 0;
	doc_iter_init(&it, d->root);
	doc_iter_next(&it, &n); /* the document itself */
	while ((ev = doc_iter_next(&it, &n)) != DOC_EV_DONE) {
		if (ev == DOC_EV_EXIT) {
			depth--;
			continue;
		}
		fprintf(out, "%*s%s", 2 * depth + 2, "", type_names[n->type]);
		switch (n->type) {
		case DOC_HEADING:
			fprintf(out, " level=%d", n->u.heading.level);
			if (n->u.heading.anchor)
				fprintf(out, " anchor=%s", n->u.heading.anchor);
			if (!n->u.heading.in_toc)
				fputs(" no-toc", out);
			break;
		case DOC_PARAGRAPH:
			if (n->u.para.style != DOC_P_BODY)
				fprintf(out, " style=%s", pstyle_names[n->u.para.style]);
			break;
		case DOC_LIST:
			fputs(n->u.list.ordered ? " ordered" : " bullet", out);
			break;
		case DOC_TABLE:
			fprintf(out, " cols=%d header-rows=%d widths=", n->u.table.ncols,
				n->u.table.header_rows);
			for (int i = 0; i < n->u.table.ncols; i++)
				fprintf(out, "%s%g", i ? "," : "", n->u.table.info->widths[i]);
			if (n->u.table.info->dense)
				fputs(" dense", out);
			break;
		case DOC_ROW:
			if (n->u.row.header)
				fputs(" header", out);
			break;
		case DOC_CELL:
			if (n->u.cell.fill)
				fprintf(out, " fill=%s", d->fills[n->u.cell.fill].name);
			if (n->u.cell.align == DOC_RIGHT)
				fputs(" right", out);
			if (n->u.cell.alt) {
				fputs(" alt=", out);
				dump_text(out, n->u.cell.alt, strlen(n->u.cell.alt));
			}
			break;
		case DOC_TEXT:
			fputc(' ', out);
			dump_text(out, n->u.text.text, n->u.text.len);
			break;
		case DOC_LINK:
			fprintf(out, " href=");
			dump_text(out, n->u.link.href, strlen(n->u.link.href));
			break;
		case DOC_CHART:
			if (n->u.chart.chart && n->u.chart.chart->abreast > 1)
				fprintf(out, " abreast=%d", n->u.chart.chart->abreast);
			if (n->u.chart.alt) {
				fputs(" alt=", out);
				dump_text(out, n->u.chart.alt, strlen(n->u.chart.alt));
			}
			break;
		default:
			break;
		}
		if (n->pos.line && !doc_is_inline(n->type))
			fprintf(out, " @%d:%d", n->pos.line, n->pos.col);
		fputc('\n', out);
		if (!doc_is_leaf(n->type))
			depth++;
	}
}
