/* board.c: what only a board paper has -- its case header, the proposed
 * resolution, and the goals as one compact table (see build.h).  The case
 * details come from report_opts; a detail not given is left out, never
 * shown empty. */
#include <string.h>

#include "build.h"

/* The words are printf formats from labels.c's static tables. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

void rb_case_header(rb *b)
{
	const report_opts *o = b->o;
	const labels *l = b->l;
	rb_para(b, b->d->root, DOC_P_TITLE, b->d->subject);
	rb_para(b, b->d->root, DOC_P_SUBTITLE, b->p->title);
	char date[64] = "";
	if (o->meeting_date)
		labels_date_iso(l, o->meeting_date, date, sizeof date);
	const struct { word_id w; const char *v; } f[] = {
		{W_CASE_NUMBER, o->case_number},
		{W_MEETING_DATE, *date ? rb_fmt(b, "%s", date) : NULL},
		{W_CASE_OFFICER, o->case_officer},
		{W_ARCHIVE_REF, o->archive_ref},
	};
	doc_node *t = NULL;
	for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
		if (!f[i].v || !*f[i].v)
			continue;
		if (!t) {
			static const double w[] = {28, 72};
			t = rb_block(b, doc_table(b->d, 2, w, 0, l->w[W_REPORT], nopos));
		}
		doc_node *r = doc_append(t, doc_row(b->d, 0));
		doc_node *c = rb_cell(b, r, 0);
		rb_text(b, doc_append(doc_append(c, doc_para(b->d, DOC_P_BODY, nopos)),
				      doc_node_new(b->d, DOC_STRONG, nopos)),
			l->w[f[i].w]);
		rb_text_cell(b, r, f[i].v, 0, DOC_LEFT);
	}
}

void rb_resolution(rb *b, int level)
{
	rb_heading(b, level, "vedtak", nopos, "%s", b->l->w[W_RESOLUTION_TITLE]);
	const char *text = b->o->resolution && *b->o->resolution
		? b->o->resolution
		: rb_fmt(b, b->l->w[W_RESOLUTION_DEFAULT], b->year);
	rb_para(b, b->d->root, DOC_P_LEAD, text);
}

/* The latest value before pt's year (the same owner's, a total), or NULL. */
static const ind_point *previous(const indicator *ind, const ind_point *pt)
{
	const ind_point *best = NULL;
	for (size_t i = 0; i < ind->nvalues; i++) {
		const ind_point *v = &ind->values[i];
		if (v->owner == pt->owner && !v->category_id && v->year < pt->year &&
		    (!best || v->year > best->year))
			best = v;
	}
	if (!best && ind->has_baseline && ind->baseline.year < pt->year)
		best = &ind->baseline;
	return best;
}

void rb_goals(rb *b, int level)
{
	const plan *p = b->p;
	const labels *l = b->l;
	if (!p->nindicators)
		return;
	rb_heading(b, level, "indikatorer", nopos, "%s", l->w[W_INDICATORS_TITLE]);
	static const double w[] = {44, 18, 16, 8, 14};
	doc_node *t = rb_block(b, doc_table(b->d, 5, w, 1, l->w[W_INDICATORS_TITLE], nopos));
	const char *names[] = {l->w[W_INDICATOR], l->w[W_LATEST], l->w[W_TARGET], l->w[W_TREND],
			       l->w[W_STATUS_WORD]};
	rb_header_row(b, t, names, 5);
	for (size_t i = 0; i < p->nindicators; i++) {
		const indicator *ind = p->indicators[i];
		doc_node *r = doc_append(t, doc_row(b->d, 0));
		if (r)
			r->pos = ind->pos;
		rb_text_cell(b, r, ind->name, 0, DOC_LEFT);
		const ind_point *mine = b->who ? model_latest_value(ind, b->who) : NULL;
		const ind_point *latest = mine ? mine : model_latest_value(ind, NULL);
		rb_text_cell(b, r, latest ? rb_point_text(b, ind, latest) : "–", 0, DOC_LEFT);
		const ind_point *tg = rb_track_target(ind, latest ? latest->year : b->year);
		rb_text_cell(b, r, tg ? rb_point_text(b, ind, tg) : "–", 0, DOC_LEFT);
		/* the direction the value moved since the value before it; whether
		 * that is good is the next column's to say */
		const ind_point *before = latest ? previous(ind, latest) : NULL;
		const char *mark = "–";
		if (before)
			mark = latest->value > before->value + 1e-9   ? "↑"
			       : latest->value < before->value - 1e-9 ? "↓"
								      : "→";
		rb_text_cell(b, r, mark, 0, DOC_CENTER);
		int known, ok = rb_on_track(ind, latest, &known);
		rb_text_cell(b, r, !known ? l->w[W_NO_DATA] : ok ? l->w[W_ON_TRACK] : l->w[W_BEHIND],
			     !known ? 0 : ok ? b->fill_ok : b->fill_bad, DOC_LEFT);
	}
}
