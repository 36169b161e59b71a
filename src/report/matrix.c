/* matrix.c: the status matrix -- measures down, owners across, each
 * owner's status in its cell.  A compact overview: a measure is its id and
 * one line (its <short>, else its first sentence), a status its symbol in
 * its fill, so that 60 measures fit on two pages; the full texts follow in
 * the measures' own tables.  Part of the report builder (build.h). */
#include <stdio.h>
#include <string.h>

#include "build.h"

#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* The gap between the key's entries: two no-break spaces, about an em.
 * (An em space is outside the PDF's single-byte encoding and would cost
 * every report the slower UTF-8 fonts.) */
#define KEYGAP NBSP NBSP

/* The sign after a computed status's symbol: the cell has room for no
 * words, so the key says what it means. */
#define COMPUTED_SIGN "*"

/* At most this many trusts side by side, besides the overall column: a
 * status column then keeps ~8.5 mm of an A4 portrait text width, enough
 * for a trust's short name or its full one in three or four lines, and
 * the measure column over half the width, enough for its one line.  More
 * trusts are split over several
 * tables (as a spreadsheet prints column pages) instead of squeezing every
 * column into a sliver. */
enum { MATRIX_MAX_TRUSTS = 5 };

/* A focus area's title in its group row, in bold, a little shorter than
 * a measure's line. */
enum { GROUP_MAX = MODEL_SHORT_MAX - 4 };

/* A status column's share of the width, in percent, at most: the symbol
 * needs little; the column's head, an owner's name, sets it.  The measure
 * column keeps at least MEASURE_COL, room for an id and MODEL_SHORT_MAX
 * characters; the layout still widens a column for its longest word. */
static const double STATUS_COL = 5.5, MEASURE_COL = 72;

const char *rb_measure_line(rb *b, const measure *m)
{
	if (m->short_title)
		return m->short_title;
	const doc_node *f = m->text ? m->text->first : NULL;
	while (f && (f->type == DOC_LIST || f->type == DOC_ITEM))
		f = f->first;
	const char *plain = f ? doc_plain_text(b->d, f) : NULL;
	char out[4 * MODEL_SHORT_MAX + 1];
	size_t n = model_short_title(plain ? plain : "", MODEL_SHORT_MAX, out, sizeof out);
	return rb_fmt(b, "%.*s", (int)n, out);
}

static const char *owner_head(const owner *o)
{
	return o->short_name ? o->short_name : o->name;
}

/* A status cell: the symbol in the status's fill, the word as its text
 * for a reader that does not see it (the legend above gives both).  A
 * status without a symbol (none reported, unless the style gives it one)
 * leaves the cell blank: its word would not fit the column.  A computed
 * status has COMPUTED_SIGN after its symbol, and "(beregnet)" after its
 * word.  Counts the blank cells in *blank, the computed ones in
 * *computed. */
static void status_cell(rb *b, doc_node *r, const status *s, int *blank, int *computed)
{
	status_value v = s ? s->value : ST_NONE;
	const char *sym = b->d->style.status_symbol[v];
	int has = sym && *sym, calc = s && s->computed;
	const char *text = calc ? rb_fmt(b, "%s" COMPUTED_SIGN, has ? sym : "") : has ? sym : NULL;
	doc_node *c = rb_text_cell(b, r, text, b->fill[v], DOC_CENTER);
	if (c)
		c->u.cell.alt = calc ? rb_fmt(b, "%s (%s)", labels_status(b->l, v), b->l->w[W_COMPUTED_MARK])
				     : labels_status(b->l, v);
	*blank += !has && !calc;
	*computed += calc;
}

/* Whether m is a row of a table with these columns: some column has a
 * status for it. */
static int has_row(rb *b, const measure *m, const owner *const *cols, int ncols, int overall)
{
	if (overall && model_status(m, b->year, NULL, 0, NULL))
		return 1;
	for (int i = 0; i < ncols; i++)
		if (model_status(m, b->year, cols[i], 0, NULL))
			return 1;
	return 0;
}

/* The overall column: the measure's overall status, else its lead's; for
 * a measure the plan's own owner leads through a group, that owner's. */
static const status *overall_status(rb *b, const measure *m, const owner *top)
{
	const status *s = model_status(m, b->year, NULL, 0, NULL);
	return s || !top ? s : model_status(m, b->year, top, 0, NULL);
}

static void matrix_table(rb *b, const owner *const *cols, int ncols, const owner *top,
			 int overall, const char *title, int *blank, int *computed)
{
	const plan *p = b->p;
	const labels *l = b->l;
	int nst = ncols + (overall != 0);
	double w[MATRIX_MAX_TRUSTS + 2];
	double share = (100 - MEASURE_COL) / nst < STATUS_COL ? (100 - MEASURE_COL) / nst : STATUS_COL;
	w[0] = 100 - share * nst;
	/* the heads: owners by their short names where the plan gives them,
	 * each cell keeping the full name for screen readers */
	const char *names[MATRIX_MAX_TRUSTS + 2] = {l->w[W_MEASURE]};
	const owner *heads[MATRIX_MAX_TRUSTS + 2] = {NULL};
	int k = 1;
	if (overall) {
		heads[k] = top;
		names[k++] = top ? owner_head(top) : l->w[W_OVERALL];
	}
	for (int i = 0; i < ncols; i++) {
		heads[k] = cols[i];
		names[k++] = owner_head(cols[i]);
	}
	for (int i = 1; i <= nst; i++)
		w[i] = share;
	doc_node *t = rb_block(b, doc_table(b->d, nst + 1, w, 1, title, nopos));
	doc_table_dense(t);
	doc_node *hr = rb_header_row(b, t, names, nst + 1);
	k = 0;
	for (doc_node *c = hr ? hr->first : NULL; c; c = c->next, k++)
		if (heads[k] && heads[k]->short_name)
			c->u.cell.alt = heads[k]->name;
	const area *group = NULL;
	for (size_t k2 = 0; k2 < p->nmeasures; k2++) {
		const measure *m = p->measures[k2];
		if (!has_row(b, m, cols, ncols, overall))
			continue;
		/* a light row at each focus area, its title in one line too */
		const area *a = m->area;
		while (a && a->parent)
			a = a->parent;
		if (a && a != group) {
			group = a;
			doc_node *gr = doc_append(t, doc_row(b->d, 0));
			char out[4 * MODEL_SHORT_MAX + 1];
			size_t n = model_short_title(a->title, GROUP_MAX, out, sizeof out);
			doc_node *c = rb_cell(b, gr, b->d->style.header_fill);
			doc_node *pa = doc_append(c, doc_para(b->d, DOC_P_BODY, a->pos));
			doc_append(doc_append(pa, doc_node_new(b->d, DOC_STRONG, nopos)),
				   doc_textf(b->d, nopos, "%s %.*s", a->id, (int)n, out));
			for (int i = 0; i < nst; i++)
				rb_cell(b, gr, b->d->style.header_fill);
		}
		doc_node *r = doc_append(t, doc_row(b->d, 0));
		if (r)
			r->pos = m->pos;
		doc_node *c = rb_cell(b, r, 0);
		doc_node *pa = doc_append(c, doc_para(b->d, DOC_P_BODY, m->pos));
		doc_append(doc_append(pa, doc_node_new(b->d, DOC_STRONG, nopos)),
			   doc_textf(b->d, nopos, "%s ", m->id));
		rb_text(b, pa, rb_measure_line(b, m));
		if (overall) {
			status_cell(b, r, overall_status(b, m, top), blank, computed);
		}
		for (int i = 0; i < ncols; i++) {
			if (!model_responsible(m, cols[i])) {
				doc_node *nc = rb_text_cell(b, r, "–", 0, DOC_CENTER);
				if (nc)
					nc->u.cell.alt = l->w[W_NOT_RESPONSIBLE];
				continue;
			}
			status_cell(b, r, model_status(m, b->year, cols[i], 0, NULL), blank, computed);
		}
	}
}

/* The key above the matrix: each status's symbol and word, and the dash
 * of an owner without the task.  Returns the paragraph, for what the
 * tables turn out to need. */
static doc_node *legend(rb *b)
{
	const labels *l = b->l;
	doc_node *pa = rb_block(b, doc_para(b->d, DOC_P_NOTE, nopos));
	/* an em space between the entries, wider than the one inside each */
	rb_text(b, pa, rb_fmt(b, "%s:", l->w[W_MATRIX_KEY]));
	int first = 1;
	for (int v = ST_NONE + 1; v < ST_COUNT; v++)
		if (model_status_in((status_value)v, b->p->status_set)) {
			rb_text(b, pa, rb_fmt(b, " %s%s", first ? "" : KEYGAP, rb_status_label(b, (status_value)v)));
			first = 0;
		}
	rb_text(b, pa, rb_fmt(b, " " KEYGAP "–" NBSP "%s", l->w[W_NOT_RESPONSIBLE]));
	return pa;
}

/* Whether o is a column of the status matrix: in an owner's report the
 * owner and those directly under it; else the level --matrix-level names, or the
 * owners directly under the plan's organisation, or (a plan without
 * parents) the health trusts. */
static int matrix_column(rb *b, const owner *o, const owner *top, int any_under_top)
{
	if (o->type == OWNER_GROUP)
		return 0;
	if (b->who)
		return o == b->who || o->parent == b->who;
	if (b->o->matrix_by_type)
		return o->type == b->o->matrix_type && o != top;
	if (any_under_top)
		return o->parent == top;
	return o->type == OWNER_HF;
}

size_t rb_matrix_owners(rb *b, const owner **out)
{
	const plan *p = b->p;
	const owner *top = model_plan_owner(p);
	int any_under_top = 0;
	for (size_t i = 0; top && i < p->nowners && !any_under_top; i++)
		any_under_top = p->owners[i]->parent == top;
	size_t n = 0;
	for (size_t i = 0; i < p->nowners; i++)
		if (matrix_column(b, p->owners[i], top, any_under_top))
			out[n++] = p->owners[i];
	return n;
}

void rb_matrix(rb *b, int level)
{
	const plan *p = b->p;
	const labels *l = b->l;
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	const owner **cols = arena_array(&b->d->arena, p->nowners ? p->nowners : 1, sizeof *cols);
	if (!cols)
		return;
	const owner *top = model_plan_owner(p);
	size_t nall = rb_matrix_owners(b, cols);
	int ncols = 0;
	for (size_t i = 0; i < nall; i++) {
		const owner *o = cols[i];
		int has = 0;
		for (size_t k = 0; k < p->nmeasures && !has; k++)
			has = model_status(p->measures[k], b->year, o, 0, NULL) != NULL;
		if (has)
			cols[ncols++] = o;
	}
	/* An owner's report without owners under it has no matrix: its
	 * measures' tables already show its own statuses. */
	if (!ncols || (b->who && ncols == 1 && cols[0] == b->who))
		return;
	/* In an owner's report the owner's own column comes first; else the
	 * overall status does, the plan's own view before its owners'. */
	int overall = !b->who;
	if (b->who)
		for (int i = 0; i < ncols; i++)
			if (cols[i] == b->who) {
				for (int k = i; k > 0; k--)
					cols[k] = cols[k - 1];
				cols[0] = b->who;
				break;
			}
	/* Named by what the columns are: trusts, RHFs, or owners of mixed kinds
	 * (an RHF beside its trusts, the agencies). */
	int all_hf = 1, all_rhf = 1;
	for (int i = 0; i < ncols; i++) {
		all_hf &= cols[i]->type == OWNER_HF;
		all_rhf &= cols[i]->type == OWNER_RHF;
	}
	const char *title = l->w[all_hf ? W_MATRIX_TITLE : all_rhf ? W_MATRIX_TITLE_RHF : W_MATRIX_TITLE_OWNER];
	rb_heading(b, level, "status-per-hf", nopos, "%s", title);
	int ntables = (ncols + MATRIX_MAX_TRUSTS - 1) / MATRIX_MAX_TRUSTS;
	const char *intro = rb_fmt(b, l->w[all_hf ? W_MATRIX_INTRO : all_rhf ? W_MATRIX_INTRO_RHF : W_MATRIX_INTRO_OWNER],
				b->year);
	if (ntables > 1)
		intro = rb_fmt(b, "%s %s", intro, rb_fmt(b, l->w[W_MATRIX_SPLIT], ncols, ntables));
	rb_para(b, b->d->root, DOC_P_BODY, intro);
	doc_node *key = legend(b);
	/* Even groups (11 trusts: 6 + 5 would not fit, so 4 + 4 + 3), in the
	 * plan's order. */
	int blank = 0, computed = 0;
	for (int g = 0, at = 0; g < ntables; g++) {
		int n = ncols / ntables + (g < ncols % ntables);
		matrix_table(b, cols + at, n, top, overall, title, &blank, &computed);
		at += n;
	}
	if (blank)
		rb_text(b, key, rb_fmt(b, " " KEYGAP "%s", l->w[W_MATRIX_BLANK]));
	if (computed)
		rb_text(b, key, rb_fmt(b, " " KEYGAP COMPUTED_SIGN NBSP "%s", l->w[W_MATRIX_COMPUTED]));
}
