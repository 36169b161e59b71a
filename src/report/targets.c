/* targets.c: a measure's indicators in its row of the annual message
 * (<areas targets="yes"/>): the report year's value against the target,
 * said in the indicator's direction ("mål høyst 50 dager"), and under it
 * the values of the owners the status matrix has as columns (in an
 * owner's report: of the owners directly under it).  Reads values
 * only for the report's year: last year's figure under this year's
 * target would read as this year's.  Judges nothing; whether a
 * requirement was achieved is its status.  Part of the report builder
 * (build.h). */
#include <string.h>

#include "base/buf.h"
#include "build.h"

/* The words are printf formats from labels.c's static tables. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* "St. Olav: 63 dager; HNT: 57 dager": the values of the n owners in
 * cols, those that sent one, by their short names (the matrix's heads);
 * NULL when none did. */
static const char *owners_line(rb *b, const indicator *ind, const owner *const *cols, size_t n)
{
	buf s = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const owner *u = cols[i];
		const ind_point *v = u != b->who ? model_value(ind, u, b->year) : NULL;
		if (v)
			buf_printf(&s, "%s%s: %s", s.len ? "; " : "", u->short_name ? u->short_name : u->name,
				   rb_ind_value(b, ind, v->value));
	}
	const char *out = s.failed || !s.len ? NULL : arena_strndup(&b->d->arena, (const char *)s.data, s.len);
	if (s.failed)
		b->d->arena.failed = 1;
	buf_free(&s);
	return out;
}

void rb_measure_targets(rb *b, doc_node *cell, const measure *m)
{
	const labels *l = b->l;
	if (!m->ninds)
		return;
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	const owner **cols = arena_array(&b->d->arena, b->p->nowners + 1, sizeof *cols);
	size_t ncols = cols ? rb_matrix_owners(b, cols) : 0;
	for (size_t k = 0; k < m->ninds; k++) {
		const indicator *ind = m->inds[k];
		const ind_point *tg = ind ? rb_track_target(ind, b->year) : NULL;
		if (!tg)
			continue;
		const ind_point *v = model_value(ind, b->who, b->year);
		const char *target = rb_ind_value(b, ind, tg->value);
		if (tg->year != b->year)
			target = rb_fmt(b, "%s (%d)", target, tg->year);
		rb_para(b, cell, DOC_P_NOTE,
			rb_fmt(b, l->w[ind->decrease ? W_ROW_TARGET_AT_MOST : W_ROW_TARGET_AT_LEAST], ind->name,
			       v ? rb_ind_value(b, ind, v->value) : l->w[W_ROW_NO_VALUE], b->year, target));
		const char *others = owners_line(b, ind, cols, ncols);
		if (others)
			rb_para(b, cell, DOC_P_NOTE, others);
	}
}
