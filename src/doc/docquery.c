/* docquery.c: the questions every backend asks of the tree (is this a
 * header row, which fill does a cell show, does a page break precede this
 * block, how wide is a column), answered once so that the formats agree.
 * Reads the tree only; knows no output format. */
#include "doc.h"

int doc_fill_valid(const doc *d, int f)
{
	return f > 0 && f < d->nfills && f < DOC_MAX_FILLS;
}

int doc_row_is_header(const doc_node *r)
{
	const doc_node *t = r->parent;
	if (r->u.row.header)
		return 1;
	if (!t)
		return 0;
	int i = 0;
	for (const doc_node *p = r->prev; p && i < t->u.table.header_rows; p = p->prev)
		i++;
	return i < t->u.table.header_rows;
}

int doc_cell_fill(const doc *d, const doc_node *cell, int header)
{
	int f = cell->u.cell.fill;
	if (!doc_fill_valid(d, f) && header)
		f = d->style.header_fill;
	return doc_fill_valid(d, f) ? f : 0;
}

int doc_cell_is_label(const doc *d, const doc_node *cell, int header)
{
	return header || doc_fill_valid(d, cell->u.cell.fill);
}

int doc_breaks_before(const doc_node *n)
{
	return n->parent && n->parent->type == DOC_DOCUMENT && n->prev &&
	       n->prev->type == DOC_PAGE_BREAK;
}

int doc_break_is_carried(const doc_node *n)
{
	const doc_node *x = n->next;
	return x && (x->type == DOC_HEADING || x->type == DOC_PARAGRAPH || x->type == DOC_TABLE);
}

int doc_heading_rank(const doc_node *h)
{
	int l = h->u.heading.level;
	return l < 1 ? 1 : l > DOC_HEADING_RANKS ? DOC_HEADING_RANKS : l;
}

static int in_title_block(const doc_node *n)
{
	return n && n->type == DOC_PARAGRAPH &&
	       (n->u.para.style == DOC_P_TITLE || n->u.para.style == DOC_P_SUBTITLE);
}

int doc_ends_title_block(const doc_node *n)
{
	if (!in_title_block(n) || !n->parent || n->parent->type != DOC_DOCUMENT || !n->next ||
	    in_title_block(n->next))
		return 0;
	const doc_node *p = n;
	while (p->prev && in_title_block(p->prev))
		p = p->prev;
	return doc_opens_title_block(p);
}

int doc_opens_title_block(const doc_node *n)
{
	if (!in_title_block(n) || n->prev || !n->parent || n->parent->type != DOC_DOCUMENT)
		return 0;
	/* the title, or a cover's document type line right above it */
	return n->u.para.style == DOC_P_TITLE ||
	       (in_title_block(n->next) && n->next->u.para.style == DOC_P_TITLE);
}

int doc_ends_list(const doc_node *n)
{
	const doc_node *p = n;
	while (!p->next && p->parent && p->parent->type == DOC_ITEM) {
		const doc_node *list = p->parent->parent;
		if (p->parent->next || !list)
			return 0;
		if (list->parent && list->parent->type == DOC_DOCUMENT)
			return 1;
		p = list;
	}
	return 0;
}

const char *doc_row_anchor_at(const doc_node *p)
{
	const doc_node *c = p ? p->parent : NULL;
	const doc_node *r = c ? c->parent : NULL;
	if (!r || p->type != DOC_PARAGRAPH || p->prev || c->type != DOC_CELL || c->prev ||
	    r->type != DOC_ROW || !r->u.row.anchor || !*r->u.row.anchor)
		return NULL;
	return r->u.row.anchor;
}

doc_place doc_place_of(const doc *d, const doc_node *para)
{
	doc_place pl = {0, 0, 0, 0, 0, para->u.para.align};
	for (const doc_node *p = para->parent; p; p = p->parent) {
		if (p->type == DOC_ITEM)
			pl.in_item = 1;
		if (p->type != DOC_CELL)
			continue;
		if (pl.align == DOC_LEFT)
			pl.align = p->u.cell.align;
		pl.in_cell = 1;
		pl.header = p->parent && doc_row_is_header(p->parent);
		pl.fill = doc_cell_fill(d, p, pl.header);
		pl.label = doc_cell_is_label(d, p, pl.header);
		pl.in_item = 0;
		break;
	}
	return pl;
}

double doc_column_share(const doc_node *t, int c)
{
	const double *w = t->u.table.info->widths;
	double sum = 0;
	for (int i = 0; i < t->u.table.ncols; i++)
		sum += w[i] > 0 ? w[i] : 0;
	return sum > 0 ? (w[c] > 0 ? w[c] : 0) / sum : 1.0 / t->u.table.ncols;
}

int doc_columns_fit(double *cw, const double *minw, int nc, int partial)
{
	double need = 0, slack = 0;
	for (int i = 0; i < nc; i++) {
		if (cw[i] < minw[i])
			need += minw[i] - cw[i];
		else
			slack += cw[i] - minw[i];
	}
	if (need > slack && !partial)
		return 0;
	if (need > 0 && slack > 0) {
		double f = need < slack ? need / slack : 1;
		for (int i = 0; i < nc; i++) {
			if (cw[i] < minw[i])
				cw[i] = need < slack ? minw[i]
						     : cw[i] + (minw[i] - cw[i]) * slack / need;
			else
				cw[i] -= (cw[i] - minw[i]) * f;
		}
	}
	return need <= slack;
}

/* The width of s[0..len) in points at size, estimated from Liberation
 * Sans' advance widths by kind of character (the formats that reach here
 * have no font metrics; the estimate only has to keep whole words on a
 * line). */
static double est_width(const char *s, size_t len, double size, int bold)
{
	double em = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c & 0xC0) == 0x80)
			continue;
		if (c == 'i' || c == 'j' || c == 'l' || c == 'I' || c == '.' || c == ',')
			em += 0.28;
		else if (c == 'f' || c == 't' || c == 'r' || c == ' ' || c == '-' || c == '(' ||
			 c == ')')
			em += 0.34;
		else if (c == 'm' || c == 'w' || c == 'M' || c == 'W')
			em += 0.86;
		else if (c >= 'A' && c <= 'Z')
			em += 0.70;
		else
			em += 0.56; /* lower case, digits, the letters beyond ASCII */
	}
	return em * size * (bold ? 1.1 : 1.0);
}

/* The widest unbreakable piece of a cell's text: words end at spaces
 * (not U+00A0) and after hyphens. */
static double longest_word(const doc_node *cell, double size, int bold)
{
	double best = 0;
	doc_iter it;
	const doc_node *n;
	doc_event ev;
	doc_iter_init(&it, cell);
	while ((ev = doc_iter_next(&it, &n)) != DOC_EV_DONE) {
		if (ev != DOC_EV_ENTER || n->type != DOC_TEXT)
			continue;
		const char *s = n->u.text.text;
		size_t len = n->u.text.len, start = 0;
		for (size_t i = 0; i <= len; i++) {
			if (i < len && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '-')
				continue;
			double w = est_width(s + start, i - start + (i < len && s[i] == '-'), size, bold);
			if (w > best)
				best = w;
			start = i + 1;
		}
	}
	return best;
}

void doc_column_widths(const doc *d, const doc_node *t, double w, double *cw, double *minw)
{
	int nc = t->u.table.ncols;
	const doc_table_style *ts = &d->style.table;
	for (int i = 0; i < nc; i++) {
		cw[i] = w * doc_column_share(t, i);
		minw[i] = 0;
	}
	for (const doc_node *r = t->first; r; r = r->next) {
		int hdr = doc_row_is_header(r), ci = 0;
		for (const doc_node *c = r->first; c && ci < nc; c = c->next, ci++) {
			double m = longest_word(c, ts->size, hdr) + 2 * ts->pad + 0.5;
			if (m > minw[ci])
				minw[ci] = m;
		}
	}
	doc_columns_fit(cw, minw, nc, 0);
}
