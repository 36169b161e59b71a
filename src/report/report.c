/* report.c: the annual status report, model -> document tree (see
 * report.h).  Decides content and order; never layout.  Reads the model
 * through model.h's views only.  The indicator sections are in
 * indicators.c, the status matrix in matrix.c; what they share with this
 * file is in build.h. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "build.h"
#include "doc/chart.h"
#include "typo.h"

/* Some labels are printf formats ("Statusrapport %d – %s"); they come
 * from the static tables in labels.c, never from input. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* ---- small builders ------------------------------------------------------ */

doc_node *rb_block(rb *b, doc_node *n) { return doc_append(b->d->root, n); }

/* The report's own texts are shown, not copied (doc_text_ref): each is
 * the plan's, the labels' or the template's, or made by rb_fmt() in the
 * tree's arena, and all of these outlive the tree; a text in a stack
 * buffer goes through rb_fmt() first. */
doc_node *rb_text(rb *b, doc_node *parent, const char *text)
{
	if (text && *text)
		doc_append(parent, doc_text_ref(b->d, text, strlen(text), parent ? parent->pos : nopos));
	return parent;
}

doc_node *rb_heading(rb *b, int level, const char *anchor, srcpos at, const char *fmt, ...)
{
	doc_node *h = rb_block(b, doc_heading(b->d, level, anchor, at));
	va_list ap;
	va_start(ap, fmt);
	char *s = arena_vprintf(&b->d->arena, fmt, ap);
	va_end(ap);
	return rb_text(b, h, s);
}

doc_node *rb_para(rb *b, doc_node *parent, doc_pstyle st, const char *text)
{
	return rb_text(b, doc_append(parent, doc_para(b->d, st, nopos)), text);
}

doc_node *rb_cell(rb *b, doc_node *row, int fill)
{
	return doc_append(row, doc_cell(b->d, fill, DOC_LEFT));
}

doc_node *rb_text_cell(rb *b, doc_node *row, const char *text, int fill, doc_align align)
{
	doc_node *c = doc_append(row, doc_cell(b->d, fill, align));
	if (text && *text)
		rb_para(b, c, DOC_P_BODY, text);
	return c;
}

doc_node *rb_header_row(rb *b, doc_node *table, const char *const *names, int n)
{
	doc_node *r = doc_append(table, doc_row(b->d, 1));
	for (int i = 0; i < n; i++)
		rb_text_cell(b, r, names[i], b->d->style.header_fill, DOC_LEFT);
	return r;
}

/* A rich-text fragment's blocks into parent (a cell, or the root); the
 * plan's text is shared, not copied (it outlives the tree). */
void rb_rich(rb *b, doc_node *parent, const doc_node *frag)
{
	doc_append_children_of(b->d, parent, frag);
}

const char *rb_fmt(rb *b, const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	char *s = arena_vprintf(&b->d->arena, f, ap);
	va_end(ap);
	return s;
}

/* ---- status logic -------------------------------------------------------- */

/* How far along a status is, for "moved forward / fell back"; each set
 * has its own scale (achievement: not, partly, fully achieved), and the
 * statuses that left the path (cancelled, not applicable) have none. */
int rb_rank(status_value v)
{
	switch (v) {
	case ST_NOT_STARTED: case ST_DELAYED: case ST_NOT_ACHIEVED: return 1;
	case ST_IN_PROGRESS: case ST_ONGOING: case ST_PARTLY_ACHIEVED: return 2;
	case ST_COMPLETED: case ST_ACHIEVED: return 3;
	default: return 0;
	}
}

/* +1 forward, -1 back, 0 same or not comparable. */
int rb_change(status_value before, status_value now)
{
	if (!before || !now || before == now || !rb_rank(before) || !rb_rank(now))
		return 0;
	if (now == ST_DELAYED)
		return -1;
	int a = rb_rank(before), c = rb_rank(now);
	return c > a ? 1 : c < a ? -1 : 0;
}

const char *rb_set_word(rb *b, word_id progress, word_id achievement)
{
	return b->l->w[b->p->status_set == SET_ACHIEVEMENT ? achievement : progress];
}

int rb_visible(rb *b, const measure *m) { return model_in_view(m, b->who); }

int rb_template_has(rb *b, tpl_sec kind)
{
	for (size_t i = 0; i < b->tpl->nsections; i++)
		if (b->tpl->sections[i].kind == kind)
			return 1;
	return 0;
}

int rb_area_visible(rb *b, const area *a)
{
	size_t counts[ST_COUNT] = {0};
	return model_count(a, b->year, b->who, counts) > 0;
}

/* ---- sections ------------------------------------------------------------ */

static void title_block(rb *b)
{
	const plan *p = b->p;
	rb_para(b, b->d->root, DOC_P_TITLE, p->title);
	if (p->subtitle && *p->subtitle)
		rb_para(b, b->d->root, DOC_P_SUBTITLE, p->subtitle);
	rb_para(b, b->d->root, DOC_P_SUBTITLE, b->d->subject);
	rb_para(b, b->d->root, DOC_P_SUBTITLE, p->organisation);
	rb_para(b, b->d->root, DOC_P_NOTE, rb_fmt(b, "%s: %s", b->l->w[W_DATE_LABEL], b->d->date_text));
	/* the plan's own introduction belongs to the annual report, under
	 * its title (a board handout and an owner's report stay short),
	 * unless the template gives it a place of its own */
	int placed = 0;
	for (size_t i = 0; i < b->tpl->nsections; i++)
		placed |= b->tpl->sections[i].kind == TPL_INTRO;
	if (b->tpl->kind == TPL_ANNUAL && p->intro && !placed)
		for (const doc_node *f = p->intro->first; f; f = f->next)
			rb_block(b, doc_clone(b->d, f));
}

/* "Label: value" on the cover, when there is a value. */
static void cover_line(rb *b, const char *label, const char *value)
{
	if (value && *value)
		rb_para(b, b->d->root, DOC_P_NOTE, rb_fmt(b, "%s: %s", label, value));
}

/* The cover: a page of its own.  The logo (the backends put it above
 * the first block), the document type, the title, the organisation, the
 * period, the report date and a board paper's case details, each left
 * out when the plan or the options do not give it.  The document type
 * comes first so that a reader sees what kind of paper this is before
 * which plan it is about. */
static void cover(rb *b)
{
	const plan *p = b->p;
	const labels *l = b->l;
	doc_node *root = b->d->root;
	rb_para(b, root, DOC_P_SUBTITLE, b->d->subject);
	rb_para(b, root, DOC_P_TITLE, p->title);
	if (p->subtitle && *p->subtitle)
		rb_para(b, root, DOC_P_SUBTITLE, p->subtitle);
	rb_para(b, root, DOC_P_SUBTITLE, p->organisation);
	if (p->year_from && p->year_to > p->year_from)
		rb_para(b, root, DOC_P_SUBTITLE,
			rb_fmt(b, "%s %d\xE2\x80\x93%d", l->w[W_PERIOD], p->year_from, p->year_to));
	else if (p->year_from)
		rb_para(b, root, DOC_P_SUBTITLE, rb_fmt(b, "%s %d", l->w[W_PERIOD], p->year_from));
	cover_line(b, l->w[W_DATE_LABEL], b->d->date_text);
	cover_line(b, l->w[W_CASE_NUMBER], b->o->case_number);
	cover_line(b, l->w[W_MEETING_DATE], b->o->meeting_date);
	cover_line(b, l->w[W_CASE_OFFICER], b->o->case_officer);
	cover_line(b, l->w[W_ARCHIVE_REF], b->o->archive_ref);
	rb_block(b, doc_node_new(b->d, DOC_PAGE_BREAK, nopos));
	b->d->cover = 1;
}

/* The plan's own introduction, under a heading of its own. */
static void intro(rb *b, int level)
{
	const doc_node *in = b->p->intro;
	if (!in || !in->first)
		return;
	rb_heading(b, level, "innledning", in->pos, "%s", b->l->w[W_INTRO]);
	for (const doc_node *f = in->first; f; f = f->next)
		rb_block(b, doc_clone(b->d, f));
}

static void about(rb *b, int level)
{
	const plan *p = b->p;
	const labels *l = b->l;
	if (level == 1)
		rb_heading(b, 1, "om-rapporten", nopos, "%s", l->w[W_ABOUT]);
	char quoted[1024];
	snprintf(quoted, sizeof quoted, "%s%s%s", l->w[W_QUOTE_OPEN], p->title, l->w[W_QUOTE_CLOSE]);
	if (p->adopted) {
		char date[64];
		labels_date_iso(l, p->adopted, date, sizeof date);
		snprintf(quoted + strlen(quoted), sizeof quoted - strlen(quoted), " (%s)", date);
	}
	doc_node *pa = doc_append(b->d->root, doc_para(b->d, DOC_P_BODY, nopos));
	if (b->who)
		rb_text(b, pa, rb_fmt(b, l->w[W_ABOUT_OWNER_TEXT], b->year, b->who->name, quoted));
	else
		rb_text(b, pa, rb_fmt(b, l->w[W_ABOUT_TEXT], b->year, quoted));

	/* Which status files the report rests on. */
	size_t n = 0;
	for (size_t i = 0; i < p->nreports; i++)
		if (p->reports[i].year == b->year)
			n++;
	if (!n) {
		rb_para(b, b->d->root, DOC_P_NOTE, l->w[W_SOURCES_NONE]);
		return;
	}
	rb_para(b, b->d->root, DOC_P_BODY, l->w[W_SOURCES_LEAD]);
	doc_node *list = rb_block(b, doc_node_new(b->d, DOC_LIST, nopos));
	for (size_t i = 0; i < p->nreports; i++) {
		const report_in *r = &p->reports[i];
		if (r->year != b->year || !r->owner)
			continue;
		char date[64] = "";
		if (r->date)
			labels_date_iso(l, r->date, date, sizeof date);
		doc_node *it = doc_append(list, doc_node_new(b->d, DOC_ITEM, nopos));
		rb_para(b, it, DOC_P_BODY, *date ? rb_fmt(b, "%s (%s)", r->owner->name, date) : r->owner->name);
	}
	if (list && !list->first) /* only unknown owners: validation would have failed */
		list->type = DOC_PARAGRAPH;
}

static void changes(rb *b)
{
	size_t fwd = 0, back = 0;
	for (size_t i = 0; i < b->p->nmeasures; i++) {
		const measure *m = b->p->measures[i];
		if (!rb_visible(b, m))
			continue;
		const status *now = model_status(m, b->year, b->who, 0, NULL);
		const status *before = model_status(m, b->year - 1, b->who, 0, NULL);
		int c = rb_change(before ? before->value : ST_NONE, now ? now->value : ST_NONE);
		fwd += c > 0;
		back += c < 0;
	}
	if (fwd || back)
		rb_para(b, b->d->root, DOC_P_BODY, rb_fmt(b, b->l->w[W_CHANGES_TEXT], fwd, b->year - 1, back));
}

static void counts_chart(rb *b, size_t rows[][ST_COUNT], size_t nrows, const int *cols,
			 int ncols); /* issue 6 */

/* A status's column head: its symbol on a line of its own above its word,
 * which a narrow column then keeps whole. */
static void status_head(rb *b, doc_node *row, status_value v)
{
	const char *sym = b->d->style.status_symbol[v];
	doc_node *c = rb_text_cell(b, row, sym, b->fill[v], DOC_RIGHT);
	rb_para(b, c, DOC_P_BODY, labels_status(b->l, v));
}

static void counts_table(rb *b, int level, int charts)
{
	const plan *p = b->p;
	const labels *l = b->l;
	size_t total[ST_COUNT] = {0};
	size_t rows[64][ST_COUNT];
	size_t nrows = p->nareas < 64 ? p->nareas : 64;
	for (size_t i = 0; i < nrows; i++) {
		memset(rows[i], 0, sizeof rows[i]);
		model_count(p->areas[i], b->year, b->who, rows[i]);
		for (int s = 0; s < ST_COUNT; s++)
			total[s] += rows[i][s];
	}
	/* Columns: area, each status that occurs, total. */
	int cols[ST_COUNT], ncols = 0;
	size_t norder;
	const status_value *order = model_status_order(b->p->status_set, &norder);
	for (size_t i = 0; i < norder; i++)
		if (total[order[i]])
			cols[ncols++] = order[i];
	if (total[ST_NONE])
		cols[ncols++] = ST_NONE;
	double widths[ST_COUNT + 2];
	widths[0] = 34;
	for (int i = 0; i < ncols; i++)
		widths[i + 1] = 9;
	widths[ncols + 1] = 8;
	rb_heading(b, level, "status-antall", nopos, l->w[W_COUNTS_TITLE], b->year);
	doc_node *t = rb_block(b, doc_table(b->d, ncols + 2, widths, 1,
					 rb_fmt(b, l->w[W_COUNTS_TITLE], b->year), nopos));
	doc_node *hr = doc_append(t, doc_row(b->d, 1));
	rb_text_cell(b, hr, l->w[W_AREA], b->d->style.header_fill, DOC_LEFT);
	for (int i = 0; i < ncols; i++)
		status_head(b, hr, cols[i]);
	rb_text_cell(b, hr, l->w[W_TOTAL], b->d->style.header_fill, DOC_RIGHT);
	for (size_t i = 0; i < nrows; i++) {
		size_t sum = 0;
		for (int s = 0; s < ST_COUNT; s++)
			sum += rows[i][s];
		if (!sum)
			continue;
		doc_node *r = doc_append(t, doc_row(b->d, 0));
		rb_text_cell(b, r, rb_fmt(b, "%s %s", p->areas[i]->id, p->areas[i]->title), 0, DOC_LEFT);
		for (int c = 0; c < ncols; c++)
			rb_text_cell(b, r, rb_fmt(b, "%zu", rows[i][cols[c]]), 0, DOC_RIGHT);
		rb_text_cell(b, r, rb_fmt(b, "%zu", sum), 0, DOC_RIGHT);
	}
	doc_node *r = doc_append(t, doc_row(b->d, 0));
	size_t sum = 0;
	doc_node *c0 = rb_cell(b, r, 0);
	doc_append(doc_append(doc_append(c0, doc_para(b->d, DOC_P_BODY, nopos)),
			      doc_node_new(b->d, DOC_STRONG, nopos)),
		   doc_text_ref(b->d, l->w[W_TOTAL], strlen(l->w[W_TOTAL]), nopos));
	for (int c = 0; c < ncols; c++) {
		rb_text_cell(b, r, rb_fmt(b, "%zu", total[cols[c]]), 0, DOC_RIGHT);
		sum += total[cols[c]];
	}
	rb_text_cell(b, r, rb_fmt(b, "%zu", sum), 0, DOC_RIGHT);
	if (charts) /* issue 6: the same counts as stacked bars */
		counts_chart(b, rows, nrows, cols, ncols);
}

/* The summary's stacked bars: per focus area, its measures by status, in
 * the statuses' fill colours (as in the tables).  cols: the statuses shown
 * in the counts table, in its order. */
static void counts_chart(rb *b, size_t rows[][ST_COUNT], size_t nrows, const int *cols,
			 int ncols)
{
	const plan *p = b->p;
	const labels *l = b->l;
	arena *a = &b->d->arena;
	doc_chart *ch = arena_alloc(a, sizeof *ch);
	if (!ch || !ncols)
		return;
	size_t shown[64];
	int nc = 0;
	for (size_t i = 0; i < nrows; i++) {
		size_t sum = 0;
		for (int s = 0; s < ST_COUNT; s++)
			sum += rows[i][s];
		if (sum)
			shown[nc++] = i;
	}
	if (!nc)
		return;
	ch->kind = CHART_STACKED_HBAR;
	/* the title states the finding; the table above has the heading */
	size_t all = 0, st[ST_COUNT] = {0};
	for (size_t i = 0; i < nrows; i++)
		for (int s = 0; s < ST_COUNT; s++)
			st[s] += rows[i][s], all += rows[i][s];
	/* "ingen", not "0 er forsinket": the delays are what a board looks for */
	ch->title = b->p->status_set == SET_ACHIEVEMENT
			    ? rb_fmt(b, l->w[W_COUNTS_FINDING_ACHIEVED], st[ST_ACHIEVED], all,
				     st[ST_PARTLY_ACHIEVED], st[ST_NOT_ACHIEVED])
		    : st[ST_DELAYED]
			    ? rb_fmt(b, l->w[W_COUNTS_FINDING], st[ST_IN_PROGRESS] + st[ST_ONGOING],
				     all, st[ST_COMPLETED], st[ST_DELAYED])
			    : rb_fmt(b, l->w[W_COUNTS_FINDING_NONE_DELAYED],
				     st[ST_IN_PROGRESS] + st[ST_ONGOING], all, st[ST_COMPLETED]);
	ch->ncats = nc;
	ch->cats = arena_array(a, (size_t)nc, sizeof *ch->cats);
	ch->series = arena_array(a, (size_t)ncols, sizeof *ch->series);
	if (!ch->cats || !ch->series)
		return;
	for (int i = 0; i < nc; i++)
		ch->cats[i] = rb_fmt(b, "%s %s", p->areas[shown[i]]->id, p->areas[shown[i]]->title);
	for (int k = 0; k < ncols; k++) {
		double *v = arena_array(a, (size_t)nc, sizeof *v);
		if (!v)
			return;
		for (int i = 0; i < nc; i++)
			v[i] = (double)rows[shown[i]][cols[k]];
		const doc_fill *f = &b->d->fills[b->fill[cols[k]]];
		ch->series[k] = (chart_series){rb_status_label(b, cols[k]), v,
					       b->fill[cols[k]] ? f->rgb : b->d->style.chart.no_status_rgb,
					       b->fill[cols[k]] ? f->text_rgb
								: b->d->style.chart.no_status_text_rgb};
	}
	ch->nseries = ncols;
	ch->base_cat = ch->target_cat = -1;
	ch->on_track = -1;
	ch->total_label = l->w[W_TOTAL];
	rb_chart_numbers(b, ch);
	buf alt = BUF_INIT;
	buf_printf(&alt, "%s: %s.", l->w[W_CHART_HBAR], ch->title);
	for (int i = 0; i < nc; i++) {
		buf_printf(&alt, " %s:", ch->cats[i]);
		int first = 1;
		for (int k = 0; k < ncols; k++)
			if (ch->series[k].values[i] > 0) {
				buf_printf(&alt, "%s %.0f %s", first ? "" : ",", ch->series[k].values[i],
					   labels_status(l, cols[k]));
				first = 0;
			}
		buf_puts(&alt, ".");
	}
	const char *alt_s = alt.failed ? NULL : arena_strndup(a, (const char *)alt.data, alt.len);
	buf_free(&alt);
	if (!alt_s)
		a->failed = 1;
	rb_chart_node(b, ch, alt_s);
}

static void summaries(rb *b, int level)
{
	const plan *p = b->p;
	int any = 0;
	const owner *own = rb_template_has(b, TPL_OWN_SUMMARY) ? rb_own_summary_owner(b) : NULL;
	for (size_t i = 0; i < p->nreports; i++) {
		const report_in *r = &p->reports[i];
		if (r->year != b->year || !r->summary || !r->summary->first || !r->owner)
			continue;
		if (b->who && r->owner != b->who)
			continue;
		/* shown on its own, after the key messages */
		if (own && r->owner == own)
			continue;
		if (!any++)
			rb_heading(b, level, "oppsummeringer", nopos, "%s", b->l->w[W_SUMMARIES_TITLE]);
		doc_node *h = rb_heading(b, level + 1, NULL, r->pos, "%s", r->owner->name);
		if (h)
			h->u.heading.in_toc = 0;
		rb_rich(b, b->d->root, r->summary);
	}
}

const char *rb_status_label(rb *b, status_value v)
{
	const char *sym = b->d->style.status_symbol[v];
	const char *word = labels_status(b->l, v);
	return sym && *sym ? rb_fmt(b, "%s" NBSP "%s", sym, word) : word;
}

const char *rb_computed_basis(rb *b, const status *s)
{
	const judgement *g = s->computed;
	if (!g)
		return NULL;
	/* both with the unit, as a requirement's row says them (targets.c) */
	const char *basis = rb_fmt(b, b->l->w[g->ind->decrease ? W_COMPUTED_MAX : W_COMPUTED_MIN],
				   rb_ind_value(b, g->ind, g->value->value),
				   rb_ind_value(b, g->ind, g->target->value));
	/* a miss that still counts as partly met says why */
	if (g->grade == 1)
		basis = rb_fmt(b, "%s, %s", basis,
			       rb_fmt(b, b->l->w[W_COMPUTED_WITHIN], rb_num_text(b, g->ind->tolerance, "%")));
	return basis;
}

/* A status in a line of text ("Sykehuset A HF: ● Oppnådd"), with its
 * basis when it was computed. */
static const char *status_line(rb *b, const status *s)
{
	const char *label = rb_status_label(b, s->value);
	return s->computed ? rb_fmt(b, "%s (%s)", label, rb_computed_basis(b, s)) : label;
}

/* The Status cell: the word, progress, how it was computed, the change
 * since last year, and whether an owner's report fell back to the
 * overall status. */
void rb_status_cell(rb *b, doc_node *row, const measure *m)
{
	const labels *l = b->l;
	int fallback = 0;
	const status *s = model_status(m, b->year, b->who, 1, &fallback);
	status_value v = s ? s->value : ST_NONE;
	doc_node *c = rb_cell(b, row, b->fill[v]);
	doc_node *pa = doc_append(c, doc_para(b->d, DOC_P_BODY, s ? s->pos : nopos));
	rb_text(b, doc_append(pa, doc_node_new(b->d, DOC_STRONG, nopos)), rb_status_label(b, v));
	if (s && s->progress >= 0)
		rb_para(b, c, DOC_P_BODY, rb_fmt(b, "%d" NBSP "%% %s", s->progress, l->w[W_PROGRESS]));
	if (s && s->computed)
		rb_para(b, c, DOC_P_NOTE, rb_fmt(b, "(%s)", rb_computed_basis(b, s)));
	if (fallback)
		rb_para(b, c, DOC_P_NOTE, rb_fmt(b, "(%s)", l->w[W_OVERALL_FALLBACK]));
	/* An owner's report: beside its own, the statuses of the owners
	 * directly under it. */
	for (size_t i = 0; i < b->nunder; i++) {
		const owner *u = b->under[i];
		const status *us = model_status(m, b->year, u, 0, NULL);
		if (us)
			rb_para(b, c, DOC_P_NOTE, rb_fmt(b, "%s: %s", u->name, status_line(b, us)));
	}
	const status *prev = model_status(m, b->year - 1, fallback ? NULL : b->who, 0, NULL);
	if (s && prev && prev->value != s->value)
		rb_para(b, c, DOC_P_NOTE,
			rb_fmt(b, "%s %s%s %s %d", l->w[W_WAS], rb_status_label(b, prev->value),
			       prev->computed ? rb_fmt(b, " (%s)", l->w[W_COMPUTED_MARK]) : "", l->w[W_IN],
			       b->year - 1));
}

doc_node *rb_measures_table(rb *b, const char *caption, srcpos at)
{
	const labels *l = b->l;
	static const double w[] = {38, 17, 15, 30};
	doc_node *t = rb_block(b, doc_table(b->d, 4, w, 1, caption, at));
	const char *names[] = {l->w[W_MEASURE], l->w[W_RESPONSIBLE], l->w[W_STATUS_COL], l->w[W_COMMENT]};
	rb_header_row(b, t, names, 4);
	return t;
}

void rb_measure_row(rb *b, doc_node *t, const measure *m)
{
	const labels *l = b->l;
	doc_node *r = doc_append(t, doc_row(b->d, 0));
	if (r) {
		r->pos = m->pos;
		/* a measure's stable link (the web edition's row id) */
		r->u.row.anchor = rb_fmt(b, "tiltak-%s", m->id);
	}
	/* Tiltak: the id, then the measure's own text. */
	doc_node *c = rb_cell(b, r, 0);
	rb_rich(b, c, m->text);
	doc_node *first = c ? c->first : NULL;
	if (first && first->type == DOC_PARAGRAPH) {
		doc_node *id = doc_node_new(b->d, DOC_STRONG, nopos);
		doc_append(id, doc_textf(b->d, nopos, "%s ", m->id));
		doc_prepend(first, id);
	} else if (c) {
		/* a text that begins with a list: the id on a line of its own,
		 * above it, where a reader looks for it */
		doc_node *idp = doc_para(b->d, DOC_P_BODY, nopos);
		doc_append(doc_append(idp, doc_node_new(b->d, DOC_STRONG, nopos)),
			   doc_textf(b->d, nopos, "%s", m->id));
		doc_prepend(c, idp);
	}
	if (m->deadline)
		rb_para(b, c, DOC_P_NOTE, rb_fmt(b, "%s: %s", l->w[W_DEADLINE], m->deadline));
	/* Ansvar */
	doc_node *rc = rb_cell(b, r, 0);
	for (size_t k = 0; k < m->nresp; k++) {
		const responsible *rs = &m->resp[k];
		rb_para(b, rc, DOC_P_BODY, rs->owner ? rs->owner->name : rs->ref);
		if (rs->note)
			rb_para(b, rc, DOC_P_NOTE, rb_fmt(b, "(%s)", rs->note));
	}
	rb_status_cell(b, r, m);
	doc_node *cc = rb_cell(b, r, 0);
	int fb;
	const status *s = model_status(m, b->year, b->who, 1, &fb);
	if (s && s->comment)
		rb_rich(b, cc, s->comment);
	if (b->row_targets)
		rb_measure_targets(b, cc, m);
}

static void area_section(rb *b, const area *a, int base, int vision)
{
	if (!rb_area_visible(b, a))
		return;
	int level = base + a->depth < 3 ? base + a->depth : 3;
	rb_heading(b, level, rb_fmt(b, "omrade-%s", a->id), a->pos, "%s %s", a->id, a->title);
	if (vision && a->vision && a->vision->first) {
		const doc_node *f = a->vision->first;
		doc_node *pa = rb_block(b, doc_para(b->d, DOC_P_LEAD, f->pos));
		doc_append(doc_append(pa, doc_node_new(b->d, DOC_STRONG, nopos)),
			   doc_textf(b->d, nopos, "%s: ", b->l->w[W_VISION]));
		if (f->type == DOC_PARAGRAPH) {
			doc_append_children_of(b->d, pa, f);
			f = f->next;
		}
		for (; f; f = f->next)
			rb_block(b, doc_clone(b->d, f));
	}
	/* Runs of measures make one table each; a sub-area ends a run. */
	size_t i = 0;
	while (i < a->nitems) {
		if (a->items[i].sub) {
			area_section(b, a->items[i].sub, base, vision);
			i++;
			continue;
		}
		size_t j = i, shown = 0;
		while (j < a->nitems && a->items[j].measure) {
			shown += rb_visible(b, a->items[j].measure);
			j++;
		}
		if (shown) {
			doc_node *t = rb_measures_table(b, rb_fmt(b, "%s %s", a->id, a->title), a->pos);
			for (size_t k = i; k < j; k++)
				if (rb_visible(b, a->items[k].measure))
					rb_measure_row(b, t, a->items[k].measure);
		}
		i = j;
	}
}

/* Who is who: each owner by name and kind, and how it hangs together with
 * the others, in words (a reader never needs the plan's ids). */
static void owners_appendix(rb *b, int level)
{
	const plan *p = b->p;
	const labels *l = b->l;
	rb_heading(b, level, "ansvarlige", nopos, "%s", l->w[W_OWNERS_TITLE]);
	static const double w[] = {34, 24, 42};
	doc_node *t = rb_block(b, doc_table(b->d, 3, w, 1, l->w[W_OWNERS_TITLE], nopos));
	const char *names[] = {l->w[W_NAME], l->w[W_TYPE], l->w[W_OWNER_LINKS]};
	rb_header_row(b, t, names, 3);
	buf x = BUF_INIT;
	for (size_t i = 0; i < p->nowners; i++) {
		const owner *o = p->owners[i];
		doc_node *r = doc_append(t, doc_row(b->d, 0));
		if (r)
			r->pos = o->pos;
		/* the short name beside the name: the matrix's heads use it */
		rb_text_cell(b, r, o->short_name ? rb_fmt(b, "%s (%s)", o->name, o->short_name) : o->name,
			     0, DOC_LEFT);
		rb_text_cell(b, r, labels_owner_type(l, o->type), 0, DOC_LEFT);
		doc_node *c = rb_cell(b, r, 0);
		if (o->nmembers) {
			x.len = 0;
			for (size_t k = 0; k < o->nmembers; k++)
				buf_printf(&x, "%s%s", k ? ", " : "", o->members[k]->name);
			if (buf_cstr(&x))
				rb_para(b, c, DOC_P_BODY, rb_fmt(b, l->w[W_OWNER_CONSISTS], buf_cstr(&x)));
		}
		if (o->parent)
			rb_para(b, c, DOC_P_BODY, rb_fmt(b, l->w[W_OWNER_UNDER], o->parent->name));
		x.len = 0;
		for (size_t g = 0; g < p->nowners; g++)
			for (size_t k = 0; k < p->owners[g]->nmembers; k++)
				if (p->owners[g]->members[k] == o)
					buf_printf(&x, "%s%s", x.len ? ", " : "", p->owners[g]->name);
		if (x.len && buf_cstr(&x))
			rb_para(b, c, DOC_P_BODY, rb_fmt(b, l->w[W_OWNER_MEMBER_OF], buf_cstr(&x)));
	}
	if (x.failed)
		b->d->arena.failed = 1;
	buf_free(&x);
}

/* ---- the document -------------------------------------------------------- */

_Static_assert((int)ST_COUNT == (int)DOC_STATUSES, "a status colour per status value");
_Static_assert((int)ST_ACHIEVED == (int)DOC_STATUS_SET2, "the style's sets are the model's");

static void set_style(rb *b)
{
	const template *t = b->tpl;
	doc_style *s = &b->d->style;
	*s = t->style;
	s->pdfa = t->pdfa; /* the template's pdfa="yes"; --pdfa in report_build */
	if (t->logo_path && t->logo_px_w > 0) {
		s->logo_path = t->logo_path;
		s->logo_w = t->logo_width;
		s->logo_h = t->logo_width * t->logo_px_h / t->logo_px_w;
	}
	s->header_fill = doc_add_fill(b->d, "table-header", "Tabelloverskrift", s->table.header_rgb,
				      s->table.header_text_rgb);
	static const char *const keys[ST_COUNT] = {
		"status-none",     "status-not-started",     "status-in-progress",
		"status-ongoing",  "status-delayed",         "status-completed",
		"status-cancelled", "status-achieved",       "status-partly-achieved",
		"status-not-achieved", "status-not-applicable"};
	/* the fills and symbols of the plan's own set only: a format then
	 * carries no style nor glyph the report cannot show */
	for (int v = 0; v < ST_COUNT; v++) {
		b->fill[v] = 0;
		if (v == ST_NONE)
			continue;
		if (!model_status_in((status_value)v, b->p->status_set)) {
			s->status_symbol[v] = "";
			continue;
		}
		b->fill[v] = doc_add_fill(b->d, keys[v], labels_status(b->l, (status_value)v),
					  s->status_fill[v], s->status_text[v]);
	}
	b->fill_ok = doc_add_fill(b->d, "on-track", b->l->w[W_ON_TRACK], s->on_track_fill,
				  s->on_track_text);
	b->fill_bad = doc_add_fill(b->d, "behind", b->l->w[W_BEHIND], s->behind_fill, s->behind_text);
}

int report_year(const plan *p, const report_opts *o)
{
	if (o->year)
		return o->year;
	/* without any status, the period's first year, as form and collect
	 * take it: the first round is the one to report on */
	int y = model_latest_year(p);
	return y ? y : p->year_from;
}

sr_status report_build(const plan *p, const report_opts *o, doc **out, diag *d)
{
	*out = NULL;
	const labels *l = labels_for(o->lang ? o->lang : o->tpl->lang ? o->tpl->lang : p->lang);
	if (!l) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "unknown report language \"%s\"; use nb, nn or en",
			 o->lang);
		return SR_USAGE;
	}
	rb b = {p, o->tpl, l, doc_new(), report_year(p, o), o->owner, o, {0}, 0, 0, NULL, 0, NULL, 0};
	if (!b.d) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory building the report");
		return SR_SYSTEM;
	}
	char date[64];
	labels_date(l, o->now, date, sizeof date);
	doc *dd = b.d;
	if (b.who) {
		/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
		b.under = arena_array(&dd->arena, p->nowners + 1, sizeof *b.under);
		for (size_t i = 0; b.under && i < p->nowners; i++)
			if (p->owners[i]->parent == b.who)
				b.under[b.nunder++] = p->owners[i];
	}
	dd->created = o->now;
	dd->lang = l->bcp47;
	dd->date_text = arena_strdup(&dd->arena, date);
	dd->title = arena_strdup(&dd->arena, p->title);
	dd->subtitle = p->subtitle ? arena_strdup(&dd->arena, p->subtitle) : NULL;
	dd->author = arena_strdup(&dd->arena, p->organisation);
	int am = o->tpl->annual_message;
	dd->subject = b.who ? rb_fmt(&b, l->w[am ? W_ANNUAL_MESSAGE_FOR : W_REPORT_FOR], b.year, b.who->name)
			    : rb_fmt(&b, "%s %d", l->w[am ? W_ANNUAL_MESSAGE : W_REPORT], b.year);
	dd->keywords = rb_fmt(&b, "%s, %d, %s%s%s", l->w[am ? W_ANNUAL_MESSAGE : W_REPORT], b.year, p->organisation,
			   b.who ? ", " : "", b.who ? b.who->name : "");
	dd->header_text = rb_fmt(&b, "%s – %s", p->title, dd->subject);
	dd->toc_title = l->w[W_CONTENTS];
	dd->page_word = l->w[W_PAGE];
	dd->of_word = l->w[W_OF];
	dd->skip_text = l->w[W_SKIP_TO_CONTENT];
	set_style(&b);
	if (o->pdfa)
		dd->style.pdfa = 1; /* issue 9: render/batch --pdfa */

	for (size_t i = 0; i < o->tpl->nsections; i++) {
		const tpl_section *sec = &o->tpl->sections[i];
		int lv = sec->level;
		switch (sec->kind) {
		case TPL_TITLE: title_block(&b); break;
		case TPL_COVER: cover(&b); break; /* the first section: template.c */
		case TPL_INTRO: intro(&b, lv); break;
		case TPL_TOC: rb_block(&b, doc_node_new(dd, DOC_TOC, nopos)); break;
		case TPL_PAGE_BREAK:
			/* not a second one right after the cover's: an empty page */
			if (!dd->root->last || dd->root->last->type != DOC_PAGE_BREAK)
				rb_block(&b, doc_node_new(dd, DOC_PAGE_BREAK, nopos));
			break;
		case TPL_SUMMARY_BEGIN: rb_heading(&b, 1, "sammendrag", nopos, "%s", l->w[W_SUMMARY]); break;
		case TPL_SUMMARY_END: break;
		case TPL_ABOUT: about(&b, lv); break;
		case TPL_CHANGES: changes(&b); break;
		case TPL_COUNTS: counts_table(&b, lv, sec->charts); break;
		case TPL_INDICATORS: rb_indicators(&b, lv, sec->charts); break;
		case TPL_SUMMARIES: summaries(&b, lv); break;
		case TPL_MATRIX: rb_matrix(&b, lv); break;
		case TPL_DEVIATIONS: rb_deviations(&b, lv); break;
		case TPL_KEY_MESSAGES: rb_key_messages(&b, lv); break;
		case TPL_FIGURES: rb_figures(&b, lv); break;
		case TPL_OWN_SUMMARY: rb_own_summary(&b, lv); break;
		case TPL_FELL_BACK: rb_fell_back(&b, lv); break;
		case TPL_GOALS: rb_goals(&b, lv); break;
		case TPL_CASE: rb_case_header(&b); break;
		case TPL_RESOLUTION: rb_resolution(&b, lv); break;
		case TPL_AREAS:
			b.row_targets = sec->targets;
			for (size_t k = 0; k < p->nareas; k++)
				area_section(&b, p->areas[k], lv, sec->vision);
			b.row_targets = 0;
			break;
		case TPL_OWNERS:
			if (!b.who)
				owners_appendix(&b, lv);
			break;
		}
	}

	typo_doc(dd, l->code);
	if (doc_failed(dd)) {
		doc_free(dd);
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory building the report");
		return SR_SYSTEM;
	}
	*out = dd;
	return SR_OK;
}

