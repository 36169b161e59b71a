/* matrix.c: the status matrix -- measures down, owners across, each
 * owner's status in its cell.  Part of the report builder (build.h). */
#include <stdio.h>
#include <string.h>

#include "build.h"

#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* At most this many trusts side by side: at 60 % of an A4 portrait text
 * width each status column is then ~20 mm, enough for "Ikke rapportert" and
 * a trust's name in two or three lines.  More trusts are split over several
 * tables (as a spreadsheet prints column pages) instead of squeezing every
 * column into a sliver, which made each row a page long. */
enum { MATRIX_MAX_TRUSTS = 5 };

static void matrix_table(rb *b, const owner *const *cols, int ncols, const char *title)
{
	const plan *p = b->p;
	const labels *l = b->l;
	double w[MATRIX_MAX_TRUSTS + 1];
	w[0] = 40;
	for (int i = 0; i < ncols; i++)
		w[i + 1] = 60.0 / ncols;
	const char *names[MATRIX_MAX_TRUSTS + 1] = {l->w[W_MEASURE]};
	for (int i = 0; i < ncols; i++)
		names[i + 1] = cols[i]->name;
	doc_node *t = rb_block(b, doc_table(b->d, ncols + 1, w, 1, title, nopos));
	rb_header_row(b, t, names, ncols + 1);
	for (size_t k = 0; k < p->nmeasures; k++) {
		const measure *m = p->measures[k];
		int any = 0;
		for (int i = 0; i < ncols && !any; i++)
			any = model_status(m, b->year, cols[i], 0, NULL) != NULL;
		if (!any)
			continue;
		doc_node *r = doc_append(t, doc_row(b->d, 0));
		doc_node *c = rb_cell(b, r, 0);
		doc_node *pa = doc_append(c, doc_para(b->d, DOC_P_BODY, m->pos));
		doc_append(doc_append(pa, doc_node_new(b->d, DOC_STRONG, nopos)),
			   doc_textf(b->d, nopos, "%s ", m->id));
		const char *plain = doc_plain_text(b->d, m->text);
		if (plain)
			doc_append(pa, doc_text_ref(b->d, plain, strlen(plain), nopos));
		for (int i = 0; i < ncols; i++) {
			if (!model_responsible(m, cols[i])) {
				rb_text_cell(b, r, "–", 0, DOC_LEFT);
				continue;
			}
			const status *s = model_status(m, b->year, cols[i], 0, NULL);
			status_value v = s ? s->value : ST_NONE;
			rb_text_cell(b, r, labels_status(l, v), b->fill[v], DOC_LEFT);
		}
	}
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
		return o->type == b->o->matrix_type;
	if (any_under_top)
		return o->parent == top;
	return o->type == OWNER_HF;
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
	int any_under_top = 0;
	for (size_t i = 0; top && i < p->nowners && !any_under_top; i++)
		any_under_top = p->owners[i]->parent == top;
	int ncols = 0;
	for (size_t i = 0; i < p->nowners; i++) {
		const owner *o = p->owners[i];
		if (!matrix_column(b, o, top, any_under_top))
			continue;
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
	/* Even groups (11 trusts: 6 + 5 would not fit, so 4 + 4 + 3), in the
	 * plan's order. */
	for (int g = 0, at = 0; g < ntables; g++) {
		int n = ncols / ntables + (g < ncols % ntables);
		matrix_table(b, cols + at, n, title);
		at += n;
	}
}

