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
	return !p->prev && p->u.para.style == DOC_P_TITLE;
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
