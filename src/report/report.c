/* report.c: the annual status report, model -> document tree (see
 * report.h).  Decides content and order; never layout.  Reads the model
 * through model.h's views only. */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"   /* issue 6: alt texts */
#include "doc/chart.h" /* issue 6 */
#include "labels.h"

#define NBSP "\xc2\xa0"

/* Some labels are printf formats ("Statusrapport %d – %s"); they come
 * from the static tables in labels.c, never from input. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

typedef struct rb {
	const plan *p;
	const template *tpl;
	const labels *l;
	doc *d;
	int year;
	const owner *who;      /* the owner the report is for, or NULL */
	int fill[ST_COUNT];    /* doc fill per status */
	int fill_ok, fill_bad;
} rb;

static const srcpos nopos = {0};

/* ---- small builders ------------------------------------------------------ */

static doc_node *block(rb *b, doc_node *n) { return doc_append(b->d->root, n); }

/* The report's own texts are shown, not copied (doc_text_ref): each is
 * the plan's, the labels' or the template's, or made by fmt() in the
 * tree's arena, and all of these outlive the tree; a text in a stack
 * buffer goes through fmt() first. */
static doc_node *add_text(rb *b, doc_node *parent, const char *text)
{
	if (text && *text)
		doc_append(parent, doc_text_ref(b->d, text, strlen(text), parent ? parent->pos : nopos));
	return parent;
}

static doc_node *heading(rb *b, int level, const char *anchor, srcpos at, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static doc_node *heading(rb *b, int level, const char *anchor, srcpos at, const char *fmt, ...)
{
	doc_node *h = block(b, doc_heading(b->d, level, anchor, at));
	va_list ap;
	va_start(ap, fmt);
	char *s = arena_vprintf(&b->d->arena, fmt, ap);
	va_end(ap);
	return add_text(b, h, s);
}

static doc_node *para(rb *b, doc_node *parent, doc_pstyle st, const char *text)
{
	return add_text(b, doc_append(parent, doc_para(b->d, st, nopos)), text);
}

static doc_node *cell(rb *b, doc_node *row, int fill)
{
	return doc_append(row, doc_cell(b->d, fill, DOC_LEFT));
}

static doc_node *text_cell(rb *b, doc_node *row, const char *text, int fill, doc_align align)
{
	doc_node *c = doc_append(row, doc_cell(b->d, fill, align));
	if (text && *text)
		para(b, c, DOC_P_BODY, text);
	return c;
}

static doc_node *header_row(rb *b, doc_node *table, const char *const *names, int n)
{
	doc_node *r = doc_append(table, doc_row(b->d, 1));
	for (int i = 0; i < n; i++)
		text_cell(b, r, names[i], b->d->style.header_fill, DOC_LEFT);
	return r;
}

/* A rich-text fragment's blocks into parent (a cell, or the root); the
 * plan's text is shared, not copied (it outlives the tree). */
static void rich(rb *b, doc_node *parent, const doc_node *frag)
{
	doc_append_children_of(b->d, parent, frag);
}

static const char *fmt(rb *b, const char *f, ...) __attribute__((format(printf, 2, 3)));
static const char *fmt(rb *b, const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	char *s = arena_vprintf(&b->d->arena, f, ap);
	va_end(ap);
	return s;
}

/* ---- status logic -------------------------------------------------------- */

/* How far along a status is, for "moved forward / fell back". */
static int rank(status_value v)
{
	switch (v) {
	case ST_NOT_STARTED: case ST_DELAYED: return 1;
	case ST_IN_PROGRESS: case ST_ONGOING: return 2;
	case ST_COMPLETED: return 3;
	default: return 0;
	}
}

/* +1 forward, -1 back, 0 same or not comparable. */
static int change(status_value before, status_value now)
{
	if (!before || !now || before == now || before == ST_CANCELLED || now == ST_CANCELLED)
		return 0;
	if (now == ST_DELAYED)
		return -1;
	int a = rank(before), c = rank(now);
	return c > a ? 1 : c < a ? -1 : 0;
}

static int visible(rb *b, const measure *m) { return model_in_view(m, b->who); }

static int area_visible(rb *b, const area *a)
{
	size_t counts[ST_COUNT] = {0};
	return model_count(a, b->year, b->who, counts) > 0;
}

/* ---- sections ------------------------------------------------------------ */

static void title_block(rb *b)
{
	const plan *p = b->p;
	para(b, b->d->root, DOC_P_TITLE, p->title);
	if (p->subtitle && *p->subtitle)
		para(b, b->d->root, DOC_P_SUBTITLE, p->subtitle);
	para(b, b->d->root, DOC_P_SUBTITLE, b->d->subject);
	para(b, b->d->root, DOC_P_SUBTITLE, p->organisation);
	para(b, b->d->root, DOC_P_NOTE, fmt(b, "%s: %s", b->l->w[W_DATE_LABEL], b->d->date_text));
}

static void about(rb *b, int level)
{
	const plan *p = b->p;
	const labels *l = b->l;
	if (level == 1)
		heading(b, 1, "om-rapporten", nopos, "%s", l->w[W_ABOUT]);
	char quoted[1024];
	snprintf(quoted, sizeof quoted, "«%s»", p->title);
	if (p->adopted) {
		char date[64];
		labels_date_iso(l, p->adopted, date, sizeof date);
		snprintf(quoted + strlen(quoted), sizeof quoted - strlen(quoted), " (%s)", date);
	}
	doc_node *pa = doc_append(b->d->root, doc_para(b->d, DOC_P_BODY, nopos));
	if (b->who)
		add_text(b, pa, fmt(b, l->w[W_ABOUT_OWNER_TEXT], b->year, b->who->name, quoted));
	else
		add_text(b, pa, fmt(b, l->w[W_ABOUT_TEXT], b->year, quoted));

	/* Which status files the report rests on. */
	size_t n = 0;
	for (size_t i = 0; i < p->nreports; i++)
		if (p->reports[i].year == b->year)
			n++;
	if (!n) {
		para(b, b->d->root, DOC_P_NOTE, l->w[W_SOURCES_NONE]);
		return;
	}
	doc_node *list = block(b, doc_node_new(b->d, DOC_LIST, nopos));
	for (size_t i = 0; i < p->nreports; i++) {
		const report_in *r = &p->reports[i];
		if (r->year != b->year || !r->owner)
			continue;
		char date[64] = "";
		if (r->date)
			labels_date_iso(l, r->date, date, sizeof date);
		doc_node *it = doc_append(list, doc_node_new(b->d, DOC_ITEM, nopos));
		para(b, it, DOC_P_BODY, *date ? fmt(b, "%s (%s)", r->owner->name, date) : r->owner->name);
	}
	if (!list->first) /* only unknown owners: validation would have failed */
		list->type = DOC_PARAGRAPH;
}

static void changes(rb *b)
{
	size_t fwd = 0, back = 0;
	for (size_t i = 0; i < b->p->nmeasures; i++) {
		const measure *m = b->p->measures[i];
		if (!visible(b, m))
			continue;
		const status *now = model_status(m, b->year, b->who, 0, NULL);
		const status *before = model_status(m, b->year - 1, b->who, 0, NULL);
		int c = change(before ? before->value : ST_NONE, now ? now->value : ST_NONE);
		fwd += c > 0;
		back += c < 0;
	}
	if (fwd || back)
		para(b, b->d->root, DOC_P_BODY, fmt(b, b->l->w[W_CHANGES_TEXT], fwd, b->year - 1, back));
}

static void counts_chart(rb *b, size_t rows[][ST_COUNT], size_t nrows, const int *cols,
			 int ncols); /* issue 6 */

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
	for (int s = ST_NOT_STARTED; s < ST_COUNT; s++)
		if (total[s])
			cols[ncols++] = s;
	if (total[ST_NONE])
		cols[ncols++] = ST_NONE;
	double widths[ST_COUNT + 2];
	widths[0] = 34;
	for (int i = 0; i < ncols; i++)
		widths[i + 1] = 9;
	widths[ncols + 1] = 8;
	heading(b, level, "status-antall", nopos, l->w[W_COUNTS_TITLE], b->year);
	doc_node *t = block(b, doc_table(b->d, ncols + 2, widths, 1,
					 fmt(b, l->w[W_COUNTS_TITLE], b->year), nopos));
	doc_node *hr = doc_append(t, doc_row(b->d, 1));
	text_cell(b, hr, l->w[W_AREA], b->d->style.header_fill, DOC_LEFT);
	for (int i = 0; i < ncols; i++)
		text_cell(b, hr, labels_status(l, cols[i]), b->fill[cols[i]], DOC_RIGHT);
	text_cell(b, hr, l->w[W_TOTAL], b->d->style.header_fill, DOC_RIGHT);
	for (size_t i = 0; i < nrows; i++) {
		size_t sum = 0;
		for (int s = 0; s < ST_COUNT; s++)
			sum += rows[i][s];
		if (!sum)
			continue;
		doc_node *r = doc_append(t, doc_row(b->d, 0));
		text_cell(b, r, fmt(b, "%s %s", p->areas[i]->id, p->areas[i]->title), 0, DOC_LEFT);
		for (int c = 0; c < ncols; c++)
			text_cell(b, r, fmt(b, "%zu", rows[i][cols[c]]), 0, DOC_RIGHT);
		text_cell(b, r, fmt(b, "%zu", sum), 0, DOC_RIGHT);
	}
	doc_node *r = doc_append(t, doc_row(b->d, 0));
	size_t sum = 0;
	doc_node *c0 = cell(b, r, 0);
	doc_append(doc_append(doc_append(c0, doc_para(b->d, DOC_P_BODY, nopos)),
			      doc_node_new(b->d, DOC_STRONG, nopos)),
		   doc_text_ref(b->d, l->w[W_TOTAL], strlen(l->w[W_TOTAL]), nopos));
	for (int c = 0; c < ncols; c++) {
		text_cell(b, r, fmt(b, "%zu", total[cols[c]]), 0, DOC_RIGHT);
		sum += total[cols[c]];
	}
	text_cell(b, r, fmt(b, "%zu", sum), 0, DOC_RIGHT);
	if (charts) /* issue 6: the same counts as stacked bars */
		counts_chart(b, rows, nrows, cols, ncols);
}

/* The target a value of year is judged against: the first at or after
 * it, else the first.  NULL without targets.  (Shared with the charts.) */
static const ind_point *track_target(const indicator *ind, int year)
{
	if (!ind->ntargets)
		return NULL;
	for (size_t i = 0; i < ind->ntargets; i++)
		if (ind->targets[i].year >= year)
			return &ind->targets[i];
	return &ind->targets[0];
}

/* The value a straight line from baseline to target expects in year. */
static int on_track(const indicator *ind, const ind_point *latest, int *known)
{
	*known = 0;
	if (!latest || !ind->has_baseline || !ind->ntargets)
		return 0;
	const ind_point *t = track_target(ind, latest->year);
	double span = t->year - ind->baseline.year;
	double expect = t->value;
	if (span > 0 && latest->year < t->year)
		expect = ind->baseline.value +
			 (t->value - ind->baseline.value) * (latest->year - ind->baseline.year) / span;
	*known = 1;
	return ind->decrease ? latest->value <= expect + 1e-9 : latest->value >= expect - 1e-9;
}

static const char *point_text(rb *b, const indicator *ind, const ind_point *pt)
{
	char v[96];
	labels_value(b->l, pt->value, ind->unit, v, sizeof v);
	return fmt(b, "%s (%d)", v, pt->year);
}

/* ---- charts (issue 6) ---------------------------------------------------- */


static void chart_numbers(rb *b, doc_chart *ch)
{
	ch->decimal = b->l->point;
	ch->group = b->l->group;
	ch->lang = b->d->lang;
	ch->style = &b->d->style.chart;
}

/* A value in words for the alt text and the table: "3,5 %". */
static const char *num_text(rb *b, double v, const char *unit)
{
	char s[96];
	labels_value(b->l, v, unit, s, sizeof s);
	return fmt(b, "%s", s);
}

static doc_node *chart_node(rb *b, doc_chart *ch, const char *alt)
{
	doc_node *n = block(b, doc_node_new(b->d, DOC_CHART, nopos));
	if (n) {
		n->u.chart.chart = ch;
		n->u.chart.alt = alt;
	}
	return n;
}

/* One indicator's chart and its twin table (the same numbers). */

/* A row of an indicator's values table: the label, then one cell per year,
 * empty where the value is not finite; numbers as the chart writes them,
 * with dec places. */
static void value_row(rb *b, doc_node *t, const doc_chart *ch, int dec, const char *label,
		      const double *v, int n)
{
	doc_node *r = doc_append(t, doc_row(b->d, 0));
	text_cell(b, r, label, 0, DOC_LEFT);
	for (int i = 0; i < n; i++) {
		char nb[64] = "";
		if (isfinite(v[i]))
			chart_format(ch, v[i], dec, nb, sizeof nb);
		text_cell(b, r, *nb ? fmt(b, "%s", nb) : NULL, 0, DOC_RIGHT);
	}
}

/* The alt text of an indicator's chart: its numbers in words. */
static const char *chart_alt(rb *b, const indicator *ind, const doc_chart *ch,
			     const ind_point *tg, int y0)
{
	const labels *l = b->l;
	arena *a = &b->d->arena;
	buf alt = BUF_INIT;
	buf_printf(&alt, "%s: %s.", ch->kind == CHART_LINE ? l->w[W_CHART_LINE] : l->w[W_CHART_BAR],
		   ind->name);
	if (ind->has_baseline)
		buf_printf(&alt, " %s %s %s %d.", l->w[W_BASELINE],
			   num_text(b, ind->baseline.value, ind->unit), l->w[W_IN], ind->baseline.year);
	if (tg)
		buf_printf(&alt, " %s %s %s %d.", l->w[W_TARGET], num_text(b, tg->value, ind->unit),
			   l->w[W_IN], tg->year);
	for (int k = 0; k < ch->nseries; k++) {
		buf_printf(&alt, " %s:", ch->series[k].name);
		int first = 1;
		for (int i = 0; i < ch->ncats; i++)
			if (isfinite(ch->series[k].values[i])) {
				buf_printf(&alt, "%s %s %s %d", first ? "" : ",",
					   num_text(b, ch->series[k].values[i], ind->unit), l->w[W_IN],
					   y0 + i);
				first = 0;
			}
		buf_puts(&alt, ".");
	}
	buf_printf(&alt, " %s.", ch->on_track_text);
	const char *alt_s = alt.failed ? NULL : arena_strndup(a, (const char *)alt.data, alt.len);
	buf_free(&alt);
	if (!alt_s)
		a->failed = 1;
	return alt_s;
}

/* The chart's twin table: years across, baseline, series and target
 * down. */
static void twin_table(rb *b, const indicator *ind, const doc_chart *ch, const ind_point *tg)
{
	const labels *l = b->l;
	int nyears = ch->ncats;
	double w[42];
	w[0] = 30;
	for (int i = 0; i < nyears; i++)
		w[i + 1] = 70.0 / nyears;
	const char *cap = fmt(b, "%s: %s", l->w[W_CHART_VALUES], ind->name);
	doc_node *t = block(b, doc_table(b->d, nyears + 1, w, 1, cap, nopos));
	doc_node *hr = doc_append(t, doc_row(b->d, 1));
	text_cell(b, hr, ind->unit && *ind->unit ? fmt(b, "%s (%s)", l->w[W_CHART_VALUES], ind->unit)
						 : l->w[W_CHART_VALUES], b->d->style.header_fill, DOC_LEFT);
	for (int i = 0; i < nyears; i++)
		text_cell(b, hr, ch->cats[i], b->d->style.header_fill, DOC_RIGHT);
	double one[41];
	int dec = chart_data_decimals(ch);
	if (ind->has_baseline) {
		for (int i = 0; i < nyears; i++)
			one[i] = i == ch->base_cat ? ch->base_value : NAN;
		value_row(b, t, ch, dec, l->w[W_BASELINE], one, nyears);
	}
	for (int k = 0; k < ch->nseries; k++)
		value_row(b, t, ch, dec, ch->series[k].name, ch->series[k].values, nyears);
	if (tg) {
		for (int i = 0; i < nyears; i++)
			one[i] = i == ch->target_cat ? ch->target_value : NAN;
		value_row(b, t, ch, dec, l->w[W_TARGET], one, nyears);
	}
}

static void indicator_chart(rb *b, const indicator *ind, int on, int known)
{
	const plan *p = b->p;
	const labels *l = b->l;
	arena *a = &b->d->arena;
	int y0 = INT32_MAX, y1 = INT32_MIN;
#define SPAN(y) (y0 = (y) < y0 ? (y) : y0, y1 = (y) > y1 ? (y) : y1)
	if (ind->has_baseline)
		SPAN(ind->baseline.year);
	for (size_t i = 0; i < ind->nvalues; i++)
		SPAN(ind->values[i].year);
	const ind_point *latest = model_latest_value(ind, b->who);
	if (!latest)
		latest = model_latest_value(ind, NULL);
	const ind_point *tg = track_target(ind, latest ? latest->year : y0);
	if (tg)
		SPAN(tg->year);
#undef SPAN
	if (y0 > y1 || y1 - y0 > 40) /* nothing to draw, or not a plan's span */
		return;
	doc_chart *ch = arena_alloc(a, sizeof *ch);
	if (!ch)
		return;
	ch->ncats = y1 - y0 + 1;
	ch->cats = arena_array(a, (size_t)ch->ncats, sizeof *ch->cats);
	for (int i = 0; ch->cats && i < ch->ncats; i++)
		ch->cats[i] = fmt(b, "%d", y0 + i);
	/* series: the regional values, then each owner's own (an owner's
	 * report: its own and the regional) */
	const owner *whose[17];
	int ns = 0;
	whose[ns++] = NULL;
	for (size_t o = 0; o < p->nowners && ns < 17; o++) {
		const owner *ow = p->owners[o];
		if (b->who && ow != b->who)
			continue;
		for (size_t i = 0; i < ind->nvalues; i++)
			if (ind->values[i].owner == ow) {
				whose[ns++] = ow;
				break;
			}
	}
	ch->series = arena_array(a, (size_t)ns, sizeof *ch->series);
	if (!ch->cats || !ch->series)
		return;
	int years_with_data = 0;
	for (int k = 0; k < ns; k++) {
		double *v = arena_array(a, (size_t)ch->ncats, sizeof *v);
		if (!v)
			return;
		for (int i = 0; i < ch->ncats; i++)
			v[i] = NAN;
		int any = 0;
		for (size_t i = 0; i < ind->nvalues; i++)
			if (ind->values[i].owner == whose[k] &&
			    (whose[k] || !ind->values[i].owner_id)) {
				v[ind->values[i].year - y0] = ind->values[i].value;
				any = 1;
			}
		if (!any)
			continue; /* no values (a plan with targets only): no series */
		chart_series *se = &ch->series[ch->nseries];
		se->name = whose[k] ? whose[k]->name : l->w[W_CHART_REGIONAL];
		se->values = v;
		se->rgb = b->d->style.chart.palette[ch->nseries % DOC_PALETTE];
		ch->nseries++;
	}
	for (int i = 0; i < ch->ncats; i++)
		for (int k = 0; k < ch->nseries; k++)
			if (isfinite(ch->series[k].values[i])) {
				years_with_data++;
				break;
			}
	ch->kind = years_with_data >= 2 ? CHART_LINE : CHART_BAR;
	ch->title = ind->name;
	ch->unit = ind->unit;
	ch->base_cat = ind->has_baseline ? ind->baseline.year - y0 : -1;
	ch->base_value = ind->has_baseline ? ind->baseline.value : NAN;
	ch->target_cat = tg ? tg->year - y0 : -1;
	ch->target_value = tg ? tg->value : NAN;
	ch->base_label = l->w[W_BASELINE];
	ch->target_label = l->w[W_TARGET];
	ch->track_label = l->w[W_CHART_TRACK];
	ch->on_track = known ? on : -1;
	ch->on_track_text = fmt(b, "%s: %s", l->w[W_STATUS_WORD],
				!known ? l->w[W_NO_DATA] : on ? l->w[W_ON_TRACK] : l->w[W_BEHIND]);
	chart_numbers(b, ch);

	const char *alt_s = chart_alt(b, ind, ch, tg, y0);
	chart_node(b, ch, alt_s);
	/* The board handout (at most four pages) shows compact charts without
	 * the twin table: the indicators table above has baseline, latest and
	 * target, and the alt text every number. */
	ch->compact = b->tpl->kind == TPL_BOARD;
	if (!ch->compact)
		twin_table(b, ind, ch, tg);
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
	ch->title = fmt(b, l->w[W_COUNTS_TITLE], b->year);
	ch->ncats = nc;
	ch->cats = arena_array(a, (size_t)nc, sizeof *ch->cats);
	ch->series = arena_array(a, (size_t)ncols, sizeof *ch->series);
	if (!ch->cats || !ch->series)
		return;
	for (int i = 0; i < nc; i++)
		ch->cats[i] = fmt(b, "%s %s", p->areas[shown[i]]->id, p->areas[shown[i]]->title);
	for (int k = 0; k < ncols; k++) {
		double *v = arena_array(a, (size_t)nc, sizeof *v);
		if (!v)
			return;
		for (int i = 0; i < nc; i++)
			v[i] = (double)rows[shown[i]][cols[k]];
		const doc_fill *f = &b->d->fills[b->fill[cols[k]]];
		ch->series[k] = (chart_series){labels_status(l, cols[k]), v,
					       b->fill[cols[k]] ? f->rgb : b->d->style.chart.no_status_rgb,
					       b->fill[cols[k]] ? f->text_rgb
								: b->d->style.chart.no_status_text_rgb};
	}
	ch->nseries = ncols;
	ch->base_cat = ch->target_cat = -1;
	ch->on_track = -1;
	chart_numbers(b, ch);
	buf alt = BUF_INIT;
	buf_printf(&alt, "%s: %s.", l->w[W_CHART_HBAR], ch->title);
	for (int i = 0; i < nc; i++) {
		buf_printf(&alt, " %s:", ch->cats[i]);
		int first = 1;
		for (int k = 0; k < ncols; k++)
			if (ch->series[k].values[i] > 0) {
				buf_printf(&alt, "%s %.0f %s", first ? "" : ",", ch->series[k].values[i],
					   ch->series[k].name);
				first = 0;
			}
		buf_puts(&alt, ".");
	}
	const char *alt_s = alt.failed ? NULL : arena_strndup(a, (const char *)alt.data, alt.len);
	buf_free(&alt);
	if (!alt_s)
		a->failed = 1;
	chart_node(b, ch, alt_s);
}

static void indicators_table(rb *b, int level, int charts)
{
	const plan *p = b->p;
	const labels *l = b->l;
	if (!p->nindicators)
		return;
	heading(b, level, "indikatorer", nopos, "%s", l->w[W_INDICATORS_TITLE]);
	/* An owner's report shows its own latest value beside the region's. */
	int own = b->who != NULL;
	static const double w5[] = {40, 15, 15, 15, 15}, w6[] = {34, 13, 13, 13, 13, 14};
	doc_node *t = block(b, doc_table(b->d, own ? 6 : 5, own ? w6 : w5, 1,
					 l->w[W_INDICATORS_TITLE], nopos));
	const char *n5[] = {l->w[W_INDICATOR], l->w[W_BASELINE], l->w[W_LATEST], l->w[W_TARGET],
			    l->w[W_STATUS_WORD]};
	const char *n6[] = {l->w[W_INDICATOR], l->w[W_BASELINE], l->w[W_OWN_LATEST],
			    l->w[W_REGIONAL_LATEST], l->w[W_TARGET], l->w[W_STATUS_WORD]};
	header_row(b, t, own ? n6 : n5, own ? 6 : 5);
	for (size_t i = 0; i < p->nindicators; i++) {
		const indicator *ind = p->indicators[i];
		doc_node *r = doc_append(t, doc_row(b->d, 0));
		if (r)
			r->pos = ind->pos;
		doc_node *c = cell(b, r, 0);
		para(b, c, DOC_P_BODY, ind->name);
		if (ind->source)
			para(b, c, DOC_P_NOTE, fmt(b, "%s: %s", l->w[W_SOURCE], ind->source));
		text_cell(b, r, ind->has_baseline ? point_text(b, ind, &ind->baseline) : "–", 0, DOC_LEFT);
		const ind_point *regional = model_latest_value(ind, NULL);
		const ind_point *mine = own ? model_latest_value(ind, b->who) : NULL;
		if (own)
			text_cell(b, r, mine ? point_text(b, ind, mine) : "–", 0, DOC_LEFT);
		text_cell(b, r, regional ? point_text(b, ind, regional) : "–", 0, DOC_LEFT);
		doc_node *tc = cell(b, r, 0);
		for (size_t k = 0; k < ind->ntargets; k++)
			para(b, tc, DOC_P_BODY, point_text(b, ind, &ind->targets[k]));
		const ind_point *judged = mine ? mine : regional;
		int known, ok = on_track(ind, judged, &known);
		text_cell(b, r, !known ? l->w[W_NO_DATA] : ok ? l->w[W_ON_TRACK] : l->w[W_BEHIND],
			  !known ? 0 : ok ? b->fill_ok : b->fill_bad, DOC_LEFT);
	}
	/* issue 6: then a chart and a table of values per indicator, judged
	 * as in the table above */
	for (size_t i = 0; charts && i < p->nindicators; i++) {
		const indicator *ind = p->indicators[i];
		const ind_point *mine = own ? model_latest_value(ind, b->who) : NULL;
		const ind_point *judged = mine ? mine : model_latest_value(ind, NULL);
		int known, ok = on_track(ind, judged, &known);
		indicator_chart(b, ind, ok, known);
	}
}

static void summaries(rb *b, int level)
{
	const plan *p = b->p;
	int any = 0;
	for (size_t i = 0; i < p->nreports; i++) {
		const report_in *r = &p->reports[i];
		if (r->year != b->year || !r->summary || !r->summary->first || !r->owner)
			continue;
		if (b->who && r->owner != b->who)
			continue;
		if (!any++)
			heading(b, level, "oppsummeringer", nopos, "%s", b->l->w[W_SUMMARIES_TITLE]);
		doc_node *h = heading(b, level + 1, NULL, r->pos, "%s", r->owner->name);
		if (h)
			h->u.heading.in_toc = 0;
		rich(b, b->d->root, r->summary);
	}
}

/* The Status cell: the word, progress, the change since last year, and
 * whether an owner's report fell back to the overall status. */
static void status_cell(rb *b, doc_node *row, const measure *m)
{
	const labels *l = b->l;
	int fallback = 0;
	const status *s = model_status(m, b->year, b->who, 1, &fallback);
	status_value v = s ? s->value : ST_NONE;
	doc_node *c = cell(b, row, b->fill[v]);
	doc_node *pa = doc_append(c, doc_para(b->d, DOC_P_BODY, s ? s->pos : nopos));
	doc_append(doc_append(pa, doc_node_new(b->d, DOC_STRONG, nopos)),
		   doc_text_ref(b->d, labels_status(l, v), strlen(labels_status(l, v)), nopos));
	if (s && s->progress >= 0)
		para(b, c, DOC_P_BODY, fmt(b, "%d" NBSP "%% %s", s->progress, l->w[W_PROGRESS]));
	if (fallback)
		para(b, c, DOC_P_NOTE, fmt(b, "(%s)", l->w[W_OVERALL_FALLBACK]));
	const status *prev = model_status(m, b->year - 1, fallback ? NULL : b->who, 0, NULL);
	if (s && prev && prev->value != s->value)
		para(b, c, DOC_P_NOTE, fmt(b, "%s %s %s %d", l->w[W_WAS], labels_status(l, prev->value),
					       l->w[W_IN], b->year - 1));
}

static doc_node *measures_table(rb *b, const char *caption, srcpos at)
{
	const labels *l = b->l;
	static const double w[] = {38, 17, 15, 30};
	doc_node *t = block(b, doc_table(b->d, 4, w, 1, caption, at));
	const char *names[] = {l->w[W_MEASURE], l->w[W_RESPONSIBLE], l->w[W_STATUS_COL], l->w[W_COMMENT]};
	header_row(b, t, names, 4);
	return t;
}

static void measure_row(rb *b, doc_node *t, const measure *m)
{
	const labels *l = b->l;
	doc_node *r = doc_append(t, doc_row(b->d, 0));
	if (r) {
		r->pos = m->pos;
		/* a measure's stable link (the web edition's row id) */
		r->u.row.anchor = fmt(b, "tiltak-%s", m->id);
	}
	/* Tiltak: the id, then the measure's own text. */
	doc_node *c = cell(b, r, 0);
	rich(b, c, m->text);
	doc_node *first = c ? c->first : NULL;
	if (first && first->type == DOC_PARAGRAPH) {
		doc_node *id = doc_node_new(b->d, DOC_STRONG, nopos);
		doc_append(id, doc_textf(b->d, nopos, "%s ", m->id));
		if (id) { /* prepend */
			id->parent = first;
			id->next = first->first;
			if (first->first)
				first->first->prev = id;
			else
				first->last = id;
			first->first = id;
		}
	} else {
		para(b, c, DOC_P_BODY, m->id);
	}
	if (m->deadline)
		para(b, c, DOC_P_NOTE, fmt(b, "%s: %s", l->w[W_DEADLINE], m->deadline));
	/* Ansvar */
	doc_node *rc = cell(b, r, 0);
	for (size_t k = 0; k < m->nresp; k++) {
		const responsible *rs = &m->resp[k];
		para(b, rc, DOC_P_BODY, rs->owner ? rs->owner->name : rs->ref);
		if (rs->note)
			para(b, rc, DOC_P_NOTE, fmt(b, "(%s)", rs->note));
	}
	status_cell(b, r, m);
	doc_node *cc = cell(b, r, 0);
	int fb;
	const status *s = model_status(m, b->year, b->who, 1, &fb);
	if (s && s->comment)
		rich(b, cc, s->comment);
}

static void deviations(rb *b, int level)
{
	const labels *l = b->l;
	heading(b, level, "avvik", nopos, "%s", l->w[W_DEVIATIONS_TITLE]);
	size_t n = 0;
	for (size_t i = 0; i < b->p->nmeasures; i++) {
		const measure *m = b->p->measures[i];
		const status *s = visible(b, m) ? model_status(m, b->year, b->who, 1, NULL) : NULL;
		n += s && (s->value == ST_DELAYED || s->value == ST_NOT_STARTED);
	}
	if (!n) {
		para(b, b->d->root, DOC_P_BODY, fmt(b, l->w[W_DEVIATIONS_NONE], b->year));
		return;
	}
	para(b, b->d->root, DOC_P_BODY, fmt(b, l->w[W_DEVIATIONS_INTRO], n, b->year));
	doc_node *t = measures_table(b, l->w[W_DEVIATIONS_TITLE], nopos);
	for (size_t i = 0; i < b->p->nmeasures; i++) {
		const measure *m = b->p->measures[i];
		const status *s = visible(b, m) ? model_status(m, b->year, b->who, 1, NULL) : NULL;
		if (s && (s->value == ST_DELAYED || s->value == ST_NOT_STARTED))
			measure_row(b, t, m);
	}
}

static void area_section(rb *b, const area *a, int base, int vision)
{
	if (!area_visible(b, a))
		return;
	int level = base + a->depth < 3 ? base + a->depth : 3;
	heading(b, level, fmt(b, "omrade-%s", a->id), a->pos, "%s %s", a->id, a->title);
	if (vision && a->vision && a->vision->first) {
		const doc_node *f = a->vision->first;
		doc_node *pa = block(b, doc_para(b->d, DOC_P_LEAD, f->pos));
		doc_append(doc_append(pa, doc_node_new(b->d, DOC_STRONG, nopos)),
			   doc_textf(b->d, nopos, "%s: ", b->l->w[W_VISION]));
		if (f->type == DOC_PARAGRAPH) {
			doc_append_children_of(b->d, pa, f);
			f = f->next;
		}
		for (; f; f = f->next)
			block(b, doc_clone(b->d, f));
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
			shown += visible(b, a->items[j].measure);
			j++;
		}
		if (shown) {
			doc_node *t = measures_table(b, fmt(b, "%s %s", a->id, a->title), a->pos);
			for (size_t k = i; k < j; k++)
				if (visible(b, a->items[k].measure))
					measure_row(b, t, a->items[k].measure);
		}
		i = j;
	}
}

/* At most this many trusts side by side: at 60 % of an A4 portrait text
 * width each status column is then ~20 mm, enough for "Ikke rapportert" and
 * a trust's name in two or three lines.  More trusts are split over several
 * tables (as a spreadsheet prints column pages) instead of squeezing every
 * column into a sliver, which made each row a page long. */
enum { MATRIX_MAX_TRUSTS = 5 };

static void matrix_table(rb *b, const owner *const *cols, int ncols)
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
	doc_node *t = block(b, doc_table(b->d, ncols + 1, w, 1, l->w[W_MATRIX_TITLE], nopos));
	header_row(b, t, names, ncols + 1);
	for (size_t k = 0; k < p->nmeasures; k++) {
		const measure *m = p->measures[k];
		int any = 0;
		for (int i = 0; i < ncols && !any; i++)
			any = model_status(m, b->year, cols[i], 0, NULL) != NULL;
		if (!any)
			continue;
		doc_node *r = doc_append(t, doc_row(b->d, 0));
		doc_node *c = cell(b, r, 0);
		doc_node *pa = doc_append(c, doc_para(b->d, DOC_P_BODY, m->pos));
		doc_append(doc_append(pa, doc_node_new(b->d, DOC_STRONG, nopos)),
			   doc_textf(b->d, nopos, "%s ", m->id));
		const char *plain = doc_plain_text(b->d, m->text);
		if (plain)
			doc_append(pa, doc_text_ref(b->d, plain, strlen(plain), nopos));
		for (int i = 0; i < ncols; i++) {
			if (!model_responsible(m, cols[i])) {
				text_cell(b, r, "–", 0, DOC_LEFT);
				continue;
			}
			const status *s = model_status(m, b->year, cols[i], 0, NULL);
			status_value v = s ? s->value : ST_NONE;
			text_cell(b, r, labels_status(l, v), b->fill[v], DOC_LEFT);
		}
	}
}

static void matrix(rb *b, int level)
{
	const plan *p = b->p;
	const labels *l = b->l;
	if (b->who)
		return;
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	const owner **cols = arena_array(&b->d->arena, p->nowners ? p->nowners : 1, sizeof *cols);
	if (!cols)
		return;
	int ncols = 0;
	for (size_t i = 0; i < p->nowners; i++) {
		const owner *o = p->owners[i];
		if (o->type != OWNER_HF)
			continue;
		int has = 0;
		for (size_t k = 0; k < p->nmeasures && !has; k++)
			has = model_status(p->measures[k], b->year, o, 0, NULL) != NULL;
		if (has)
			cols[ncols++] = o;
	}
	if (!ncols)
		return;
	heading(b, level, "status-per-hf", nopos, "%s", l->w[W_MATRIX_TITLE]);
	int ntables = (ncols + MATRIX_MAX_TRUSTS - 1) / MATRIX_MAX_TRUSTS;
	const char *intro = fmt(b, l->w[W_MATRIX_INTRO], b->year);
	if (ntables > 1)
		intro = fmt(b, "%s %s", intro, fmt(b, l->w[W_MATRIX_SPLIT], ncols, ntables));
	para(b, b->d->root, DOC_P_BODY, intro);
	/* Even groups (11 trusts: 6 + 5 would not fit, so 4 + 4 + 3), in the
	 * plan's order. */
	for (int g = 0, at = 0; g < ntables; g++) {
		int n = ncols / ntables + (g < ncols % ntables);
		matrix_table(b, cols + at, n);
		at += n;
	}
}

static void owners_appendix(rb *b, int level)
{
	const plan *p = b->p;
	const labels *l = b->l;
	heading(b, level, "ansvarlige", nopos, "%s", l->w[W_OWNERS_TITLE]);
	static const double w[] = {12, 38, 22, 28};
	doc_node *t = block(b, doc_table(b->d, 4, w, 1, l->w[W_OWNERS_TITLE], nopos));
	const char *names[] = {l->w[W_ID], l->w[W_NAME], l->w[W_TYPE], l->w[W_MEMBERS]};
	header_row(b, t, names, 4);
	for (size_t i = 0; i < p->nowners; i++) {
		const owner *o = p->owners[i];
		doc_node *r = doc_append(t, doc_row(b->d, 0));
		if (r)
			r->pos = o->pos;
		text_cell(b, r, o->id, 0, DOC_LEFT);
		text_cell(b, r, o->name, 0, DOC_LEFT);
		text_cell(b, r, labels_owner_type(l, o->type), 0, DOC_LEFT);
		doc_node *c = cell(b, r, 0);
		for (size_t k = 0; k < o->nmembers; k++)
			para(b, c, DOC_P_BODY, o->members[k]->name);
	}
}

/* ---- the document -------------------------------------------------------- */

_Static_assert((int)ST_COUNT == (int)DOC_STATUSES, "a status colour per status value");

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
		"status-none", "status-not-started", "status-in-progress", "status-ongoing",
		"status-delayed", "status-completed", "status-cancelled"};
	for (int v = 0; v < ST_COUNT; v++)
		b->fill[v] = v == ST_NONE ? 0
					  : doc_add_fill(b->d, keys[v], labels_status(b->l, v),
							 s->status_fill[v], s->status_text[v]);
	b->fill_ok = doc_add_fill(b->d, "on-track", b->l->w[W_ON_TRACK], s->on_track_fill,
				  s->on_track_text);
	b->fill_bad = doc_add_fill(b->d, "behind", b->l->w[W_BEHIND], s->behind_fill, s->behind_text);
}

int report_year(const plan *p, const report_opts *o)
{
	if (o->year)
		return o->year;
	int y = model_latest_year(p);
	return y ? y : p->year_to;
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
	rb b = {p, o->tpl, l, doc_new(), report_year(p, o), o->owner, {0}, 0, 0};
	if (!b.d) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory building the report");
		return SR_SYSTEM;
	}
	char date[64];
	labels_date(l, o->now, date, sizeof date);
	doc *dd = b.d;
	dd->created = o->now;
	dd->lang = l->bcp47;
	dd->date_text = arena_strdup(&dd->arena, date);
	dd->title = arena_strdup(&dd->arena, p->title);
	dd->subtitle = p->subtitle ? arena_strdup(&dd->arena, p->subtitle) : NULL;
	dd->author = arena_strdup(&dd->arena, p->organisation);
	dd->subject = b.who ? fmt(&b, l->w[W_REPORT_FOR], b.year, b.who->name)
			    : fmt(&b, "%s %d", l->w[W_REPORT], b.year);
	dd->keywords = fmt(&b, "%s, %d, %s%s%s", l->w[W_REPORT], b.year, p->organisation,
			   b.who ? ", " : "", b.who ? b.who->name : "");
	dd->header_text = fmt(&b, "%s – %s", p->title, dd->subject);
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
		case TPL_TOC: block(&b, doc_node_new(dd, DOC_TOC, nopos)); break;
		case TPL_PAGE_BREAK: block(&b, doc_node_new(dd, DOC_PAGE_BREAK, nopos)); break;
		case TPL_SUMMARY_BEGIN: heading(&b, 1, "sammendrag", nopos, "%s", l->w[W_SUMMARY]); break;
		case TPL_SUMMARY_END: break;
		case TPL_ABOUT: about(&b, lv); break;
		case TPL_CHANGES: changes(&b); break;
		case TPL_COUNTS: counts_table(&b, lv, sec->charts); break;
		case TPL_INDICATORS: indicators_table(&b, lv, sec->charts); break;
		case TPL_SUMMARIES: summaries(&b, lv); break;
		case TPL_MATRIX: matrix(&b, lv); break;
		case TPL_DEVIATIONS: deviations(&b, lv); break;
		case TPL_AREAS:
			for (size_t k = 0; k < p->nareas; k++)
				area_section(&b, p->areas[k], lv, sec->vision);
			break;
		case TPL_OWNERS:
			if (!b.who)
				owners_appendix(&b, lv);
			break;
		}
	}

	if (doc_failed(dd)) {
		doc_free(dd);
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory building the report");
		return SR_SYSTEM;
	}
	*out = dd;
	return SR_OK;
}
