/* indicators.c: the report's indicator sections -- the goals' table, one
 * chart per indicator with its twin table of the same numbers, and the
 * breakdown tables.  Part of the report builder (build.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "build.h"
#include "doc/chart.h"

/* Some labels are printf formats; they come from labels.c, never from input. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* The target a value of year is judged against: the first at or after
 * it, else the first.  NULL without targets.  (Shared with the charts.) */
const ind_point *rb_track_target(const indicator *ind, int year)
{
	if (!ind->ntargets)
		return NULL;
	for (size_t i = 0; i < ind->ntargets; i++)
		if (ind->targets[i].year >= year)
			return &ind->targets[i];
	return &ind->targets[0];
}

/* The value a straight line from baseline to target expects in year. */
int rb_on_track(const indicator *ind, const ind_point *latest, int *known)
{
	*known = 0;
	if (!latest || !ind->has_baseline || !ind->ntargets)
		return 0;
	const ind_point *t = rb_track_target(ind, latest->year);
	double span = t->year - ind->baseline.year;
	double expect = t->value;
	if (span > 0 && latest->year < t->year)
		expect = ind->baseline.value +
			 (t->value - ind->baseline.value) * (latest->year - ind->baseline.year) / span;
	*known = 1;
	return ind->decrease ? latest->value <= expect + 1e-9 : latest->value >= expect - 1e-9;
}

/* The places every number of an indicator is written with, 0 to 2: the
 * most any of its figures has (baseline, targets, every owner's values),
 * so the goals' table, the chart and its title write "41,0" beside
 * "39,5", never "41". */
int rb_ind_decimals(const indicator *ind)
{
	int d = ind->has_baseline ? chart_places(ind->baseline.value) : 0;
	for (size_t i = 0; i < ind->ntargets; i++) {
		int t = chart_places(ind->targets[i].value);
		d = t > d ? t : d;
	}
	for (size_t i = 0; i < ind->nvalues; i++) {
		int t = ind->values[i].category_id ? 0 : chart_places(ind->values[i].value);
		d = t > d ? t : d;
	}
	return d;
}

const char *rb_ind_value(rb *b, const indicator *ind, double v)
{
	doc_chart nf = {0};
	char n[64];
	rb_chart_numbers(b, &nf);
	chart_format(&nf, v, rb_ind_decimals(ind), n, sizeof n);
	if (ind->unit && *ind->unit)
		return rb_fmt(b, "%s" NBSP "%s", n, ind->unit);
	return rb_fmt(b, "%s", n);
}

const char *rb_point_text(rb *b, const indicator *ind, const ind_point *pt)
{
	const char *v = rb_ind_value(b, ind, pt->value);
	if (pt->computed)
		return rb_fmt(b, "%s (%d; %s)", v, pt->year,
			   rb_fmt(b, b->l->w[W_COMPUTED], pt->nreported, pt->nexpected));
	return rb_fmt(b, "%s (%d)", v, pt->year);
}

/* The plan-level figures are the region's in a regional plan (its own
 * organisation an RHF, or none named); else they are the plan's overall
 * ones (a national plan's ministry). */
int rb_plan_is_regional(rb *b)
{
	const owner *top = model_plan_owner(b->p);
	return !b->p->organisation_ref || (top && top->type == OWNER_RHF);
}

/* ---- charts (issue 6) ---------------------------------------------------- */


void rb_chart_numbers(rb *b, doc_chart *ch)
{
	ch->decimal = b->l->point;
	ch->group = b->l->group;
	ch->lang = b->d->lang;
	ch->style = &b->d->style.chart;
}

/* A value in words for the alt text and the table: "3,5 %". */
const char *rb_num_text(rb *b, double v, const char *unit)
{
	char s[96];
	labels_value(b->l, v, unit, s, sizeof s);
	return rb_fmt(b, "%s", s);
}

doc_node *rb_chart_node(rb *b, doc_chart *ch, const char *alt)
{
	doc_node *n = rb_block(b, doc_node_new(b->d, DOC_CHART, nopos));
	if (n) {
		n->u.chart.chart = ch;
		n->u.chart.alt = alt;
	}
	return n;
}

/* The indicators' charts stand two abreast as small multiples, every
 * number on them written at the line's end or in the alt text; one
 * compact table after them holds every number of every chart (the twin
 * a reader without the picture, or with a screen reader, gets). */
enum { IND_ABREAST = 2 };

/* The alt text of an indicator's chart: its numbers in words. */
static const char *chart_alt(rb *b, const indicator *ind, const doc_chart *ch,
			     const ind_point *tg, int y0)
{
	const labels *l = b->l;
	arena *a = &b->d->arena;
	buf alt = BUF_INIT;
	buf_printf(&alt, "%s: %s. %s.", ch->kind == CHART_LINE ? l->w[W_CHART_LINE] : l->w[W_CHART_BAR],
		   ind->name, ch->title);
	if (ind->has_baseline)
		buf_printf(&alt, " %s %s %s %d.", l->w[W_BASELINE],
			   rb_ind_value(b, ind, ind->baseline.value), l->w[W_IN], ind->baseline.year);
	if (tg)
		buf_printf(&alt, " %s %s %s %d.", l->w[W_TARGET], rb_ind_value(b, ind, tg->value),
			   l->w[W_IN], tg->year);
	for (int k = 0; k < ch->nseries; k++) {
		buf_printf(&alt, " %s:", ch->series[k].name);
		int first = 1;
		for (int i = 0; i < ch->ncats; i++)
			if (isfinite(ch->series[k].values[i])) {
				buf_printf(&alt, "%s %s %s %d", first ? "" : ",",
					   rb_ind_value(b, ind, ch->series[k].values[i]), l->w[W_IN],
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

/* The range an indicator's value axis covers in every report of the plan:
 * its baseline, every target and every owner's value, so a trust's
 * report draws it on the regional report's axis.  *lo > *hi: no data. */
static void ind_range(const indicator *ind, double *lo, double *hi)
{
	double a = INFINITY, z = -INFINITY;
#define TAKE(v) (a = fmin(a, (v)), z = fmax(z, (v)))
	if (ind->has_baseline)
		TAKE(ind->baseline.value);
	for (size_t i = 0; i < ind->ntargets; i++)
		TAKE(ind->targets[i].value);
	for (size_t i = 0; i < ind->nvalues; i++)
		if (!ind->values[i].category_id)
			TAKE(ind->values[i].value);
#undef TAKE
	*lo = a, *hi = z;
}

/* The chart's title: its finding, from the value judged (the owner's own
 * in its report, else the plan's), against the target. */
static const char *finding(rb *b, const indicator *ind, const ind_point *judged,
			   const ind_point *tg, int on, int known)
{
	const labels *l = b->l;
	const char *who = judged && b->who && judged->owner == b->who ? b->who->name : NULL;
	const char *f;
	if (!judged && tg)
		f = rb_fmt(b, l->w[W_CHART_FINDING_NONE], rb_ind_value(b, ind, tg->value), tg->year);
	else if (!judged)
		return ind->name;
	else if (!tg || !known)
		f = rb_fmt(b, l->w[W_CHART_FINDING_LATEST], rb_ind_value(b, ind, judged->value),
			   judged->year);
	else
		f = rb_fmt(b, l->w[on ? W_CHART_FINDING_ON : W_CHART_FINDING_BEHIND],
			   rb_ind_value(b, ind, judged->value), judged->year,
			   rb_ind_value(b, ind, tg->value), tg->year);
	return who ? rb_fmt(b, "%s: %s", who, f) : f;
}

/* A chart made, for the values table after them all: its indicator and
 * its first year. */
typedef struct drawn {
	const indicator *ind;
	const doc_chart *ch;
	int y0;
} drawn;

/* One indicator's chart; returns it (NULL: nothing to draw, or memory). */
static const doc_chart *indicator_chart(rb *b, const indicator *ind, const ind_point *judged,
					int on, int known, int *first_year)
{
	const plan *p = b->p;
	const labels *l = b->l;
	arena *a = &b->d->arena;
	int y0 = INT32_MAX, y1 = INT32_MIN;
#define SPAN(y) (y0 = (y) < y0 ? (y) : y0, y1 = (y) > y1 ? (y) : y1)
	if (ind->has_baseline)
		SPAN(ind->baseline.year);
	for (size_t i = 0; i < ind->nvalues; i++)
		if (!ind->values[i].category_id) /* a category's share is not a total */
			SPAN(ind->values[i].year);
	const ind_point *latest = model_latest_value(ind, b->who);
	if (!latest)
		latest = model_latest_value(ind, NULL);
	const ind_point *tg = rb_track_target(ind, latest ? latest->year : y0);
	if (tg)
		SPAN(tg->year);
#undef SPAN
	if (y0 > y1 || y1 - y0 > 40) /* nothing to draw, or not a plan's span */
		return NULL;
	doc_chart *ch = arena_alloc(a, sizeof *ch);
	if (!ch)
		return NULL;
	ch->ncats = y1 - y0 + 1;
	ch->cats = arena_array(a, (size_t)ch->ncats, sizeof *ch->cats);
	for (int i = 0; ch->cats && i < ch->ncats; i++)
		ch->cats[i] = rb_fmt(b, "%d", y0 + i);
	/* series: the regional values, then each owner's own (an owner's
	 * report: its own, those of the owners directly under it, and the
	 * regional) */
	const owner *whose[17];
	int ns = 0;
	whose[ns++] = NULL;
	for (size_t o = 0; o < p->nowners && ns < 17; o++) {
		const owner *ow = p->owners[o];
		if (b->who && ow != b->who && ow->parent != b->who)
			continue;
		for (size_t i = 0; i < ind->nvalues; i++)
			if (ind->values[i].owner == ow && !ind->values[i].category_id) {
				whose[ns++] = ow;
				break;
			}
	}
	ch->series = arena_array(a, (size_t)ns, sizeof *ch->series);
	if (!ch->cats || !ch->series)
		return NULL;
	int years_with_data = 0;
	for (int k = 0; k < ns; k++) {
		double *v = arena_array(a, (size_t)ch->ncats, sizeof *v);
		if (!v)
			return NULL;
		for (int i = 0; i < ch->ncats; i++)
			v[i] = NAN;
		int any = 0;
		for (size_t i = 0; i < ind->nvalues; i++)
			if (ind->values[i].owner == whose[k] && !ind->values[i].category_id &&
			    (whose[k] || !ind->values[i].owner_id)) {
				v[ind->values[i].year - y0] = ind->values[i].value;
				any = 1;
			}
		if (!any)
			continue; /* no values (a plan with targets only): no series */
		chart_series *se = &ch->series[ch->nseries];
		se->name = whose[k] ? whose[k]->name
				    : l->w[rb_plan_is_regional(b) ? W_CHART_REGIONAL : W_OVERALL];
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
	ch->title = finding(b, ind, judged, tg, on, known);
	ch->subtitle = ind->name;
	ch->unit = ind->unit;
	ch->base_cat = ind->has_baseline ? ind->baseline.year - y0 : -1;
	ch->base_value = ind->has_baseline ? ind->baseline.value : NAN;
	ch->target_cat = tg ? tg->year - y0 : -1;
	ch->target_value = tg ? tg->value : NAN;
	ch->base_label = l->w[W_BASELINE];
	ch->target_label = l->w[W_TARGET];
	ch->track_label = l->w[W_CHART_TRACK];
	ch->on_track = known ? on : -1;
	ch->on_track_text = rb_fmt(b, "%s: %s", l->w[W_STATUS_WORD],
				!known ? l->w[W_NO_DATA] : on ? l->w[W_ON_TRACK] : l->w[W_BEHIND]);
	/* the same axis and the same places in every report of the plan */
	ch->fixed_range = 1;
	ind_range(ind, &ch->range_lo, &ch->range_hi);
	ch->fixed_decimals = 1;
	ch->decimals = rb_ind_decimals(ind);
	ch->abreast = IND_ABREAST;
	rb_chart_numbers(b, ch);
	/* the board handout (at most four pages) draws smaller plots */
	ch->compact = b->tpl->kind == TPL_BOARD;
	*first_year = y0;
	return rb_chart_node(b, ch, chart_alt(b, ind, ch, tg, y0)) ? ch : NULL;
}

/* A row of the values table: the indicator's name (first row of each,
 * else empty), the row's name, then one cell per year from y0, empty
 * where v has no finite value. */
static void value_row(rb *b, doc_node *t, const indicator *ind, const char *first,
		      const char *label, const double *v, int n)
{
	doc_node *r = doc_append(t, doc_row(b->d, 0));
	doc_node *c = rb_cell(b, r, 0);
	if (first)
		rb_para(b, c, DOC_P_NOTE, first);
	rb_text_cell(b, r, label, 0, DOC_LEFT);
	doc_chart nf = {0};
	rb_chart_numbers(b, &nf);
	for (int i = 0; i < n; i++) {
		char nb[64] = "";
		if (isfinite(v[i]))
			chart_format(&nf, v[i], rb_ind_decimals(ind), nb, sizeof nb);
		rb_text_cell(b, r, *nb ? rb_fmt(b, "%s", nb) : NULL, 0, DOC_RIGHT);
	}
}

/* The charts' twin: every indicator's rows (baseline and target in one,
 * as they never share a year; then each series), the years of all the
 * charts across. */
static void values_table(rb *b, const drawn *dw, int n)
{
	const labels *l = b->l;
	int y0 = INT32_MAX, y1 = INT32_MIN;
	for (int k = 0; k < n; k++) {
		y0 = dw[k].y0 < y0 ? dw[k].y0 : y0;
		int e = dw[k].y0 + dw[k].ch->ncats - 1;
		y1 = e > y1 ? e : y1;
	}
	if (!n || y1 - y0 > 40)
		return;
	int ny = y1 - y0 + 1;
	double w[43];
	w[0] = 26, w[1] = 20;
	for (int i = 0; i < ny; i++)
		w[i + 2] = 54.0 / ny;
	doc_node *t = rb_block(b, doc_table(b->d, ny + 2, w, 1, l->w[W_CHART_VALUES_TITLE], nopos));
	doc_node *hr = doc_append(t, doc_row(b->d, 1));
	rb_text_cell(b, hr, l->w[W_INDICATOR], b->d->style.header_fill, DOC_LEFT);
	rb_text_cell(b, hr, l->w[W_CHART_VALUES], b->d->style.header_fill, DOC_LEFT);
	for (int i = 0; i < ny; i++)
		rb_text_cell(b, hr, rb_fmt(b, "%d", y0 + i), b->d->style.header_fill, DOC_RIGHT);
	double one[41];
	for (int k = 0; k < n; k++) {
		const doc_chart *ch = dw[k].ch;
		const indicator *ind = dw[k].ind;
		int at = dw[k].y0 - y0; /* the chart's first year in the table */
		const char *first = ind->unit && *ind->unit ? rb_fmt(b, "%s (%s)", ind->name, ind->unit)
							   : ind->name;
		for (int i = 0; i < ny; i++)
			one[i] = NAN;
		if (ch->base_cat >= 0)
			one[at + ch->base_cat] = ch->base_value;
		if (ch->target_cat >= 0 && ch->target_cat != ch->base_cat)
			one[at + ch->target_cat] = ch->target_value;
		value_row(b, t, ind, first, l->w[W_CHART_BASE_TARGET], one, ny);
		for (int s = 0; s < ch->nseries; s++) {
			for (int i = 0; i < ny; i++)
				one[i] = i >= at && i - at < ch->ncats ? ch->series[s].values[i - at] : NAN;
			value_row(b, t, ind, NULL, ch->series[s].name, one, ny);
		}
	}
}

/* A computed plan-level value is never passed off as a reported one: a
 * note under the charts says which they are. */
static void computed_notes(rb *b, const indicator *ind)
{
	const labels *l = b->l;
	for (size_t i = 0; i < ind->nvalues; i++) {
		const ind_point *v = &ind->values[i];
		if (v->computed)
			rb_para(b, b->d->root, DOC_P_NOTE,
				rb_fmt(b, "%s, %d: %s (%s)", ind->name, v->year,
				       rb_ind_value(b, ind, v->value),
				       rb_fmt(b, l->w[W_COMPUTED], v->nreported, v->nexpected)));
	}
}

/* An owner's report: the latest values of the owners directly under it,
 * one note each, below its own. */
static void under_values(rb *b, doc_node *c, const indicator *ind)
{
	for (size_t i = 0; i < b->nunder; i++) {
		const owner *u = b->under[i];
		const ind_point *v = model_latest_value(ind, u);
		if (v)
			rb_para(b, c, DOC_P_NOTE, rb_fmt(b, "%s: %s", u->name, rb_point_text(b, ind, v)));
	}
}

/* The distribution table of an indicator with a breakdown: its categories
 * down, and across the plan's own values and each owner's (an owner's
 * report: its own and those directly under it), for the latest year up to
 * the report's with category values.  At most BREAKDOWN_COLS value
 * columns a table; more owners make more tables. */
enum { BREAKDOWN_COLS = 5 };

static int breakdown_shows(rb *b, const owner *o)
{
	if (!b->who)
		return 1;
	return o && (o == b->who || o->parent == b->who);
}

static void breakdown_table(rb *b, const indicator *ind)
{
	const plan *p = b->p;
	const labels *l = b->l;
	const dimension *dm = ind->dim;
	if (!dm || !dm->ncats)
		return;
	int year = 0;
	for (size_t i = 0; i < ind->nvalues; i++) {
		const ind_point *v = &ind->values[i];
		if (v->category && v->year <= b->year && v->year > year && breakdown_shows(b, v->owner))
			year = v->year;
	}
	if (!year)
		return;
	/* the columns: the plan's own (NULL) first, then owners in plan order */
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	const owner **cols = arena_array(&b->d->arena, p->nowners + 1, sizeof *cols);
	if (!cols)
		return;
	size_t ncols = 0;
	for (size_t o = 0; o <= p->nowners; o++) {
		const owner *ow = o ? p->owners[o - 1] : NULL;
		if (ow ? !breakdown_shows(b, ow) : b->who != NULL)
			continue;
		for (size_t i = 0; i < ind->nvalues; i++)
			if (ind->values[i].category && ind->values[i].year == year && ind->values[i].owner == ow) {
				cols[ncols++] = ow;
				break;
			}
	}
	const char *cap = rb_fmt(b, l->w[W_BREAKDOWN_CAPTION], ind->name, dm->name, year);
	/* the caption in words too: a table's caption is not shown in every
	 * format, and the reader must see which indicator this is */
	if (ncols && cap) {
		doc_node *pa = rb_block(b, doc_para(b->d, DOC_P_BODY, dm->pos));
		doc_append(doc_append(pa, doc_node_new(b->d, DOC_STRONG, nopos)),
			   doc_text_ref(b->d, cap, strlen(cap), nopos));
	}
	for (size_t at = 0; at < ncols; at += BREAKDOWN_COLS) {
		size_t n = ncols - at < BREAKDOWN_COLS ? ncols - at : BREAKDOWN_COLS;
		double w[BREAKDOWN_COLS + 1];
		const char *names[BREAKDOWN_COLS + 1];
		w[0] = 40;
		names[0] = dm->name;
		for (size_t k = 0; k < n; k++) {
			w[k + 1] = 60.0 / (double)n;
			names[k + 1] = cols[at + k] ? cols[at + k]->name
				       : l->w[rb_plan_is_regional(b) ? W_CHART_REGIONAL : W_OVERALL];
		}
		doc_node *t = rb_block(b, doc_table(b->d, (int)n + 1, w, 1, cap, dm->pos));
		rb_header_row(b, t, names, (int)n + 1);
		for (size_t c = 0; c < dm->ncats; c++) {
			doc_node *r = doc_append(t, doc_row(b->d, 0));
			rb_text_cell(b, r, dm->cats[c].name, 0, DOC_LEFT);
			for (size_t k = 0; k < n; k++) {
				const ind_point *hit = NULL;
				for (size_t i = 0; i < ind->nvalues && !hit; i++) {
					const ind_point *v = &ind->values[i];
					if (v->category == &dm->cats[c] && v->year == year && v->owner == cols[at + k])
						hit = v;
				}
				rb_text_cell(b, r, hit ? rb_num_text(b, hit->value, ind->unit) : "–", 0, DOC_RIGHT);
			}
		}
	}
}

void rb_indicators(rb *b, int level, int charts)
{
	const plan *p = b->p;
	const labels *l = b->l;
	if (!p->nindicators)
		return;
	rb_heading(b, level, "indikatorer", nopos, "%s", l->w[W_INDICATORS_TITLE]);
	/* An owner's report shows its own latest value beside the region's. */
	int own = b->who != NULL;
	static const double w5[] = {40, 15, 15, 15, 15}, w6[] = {34, 13, 13, 13, 13, 14};
	doc_node *t = rb_block(b, doc_table(b->d, own ? 6 : 5, own ? w6 : w5, 1,
					 l->w[W_INDICATORS_TITLE], nopos));
	const char *n5[] = {l->w[W_INDICATOR], l->w[W_BASELINE], l->w[W_LATEST], l->w[W_TARGET],
			    l->w[W_STATUS_WORD]};
	const char *n6[] = {l->w[W_INDICATOR], l->w[W_BASELINE], l->w[W_OWN_LATEST],
			    l->w[rb_plan_is_regional(b) ? W_REGIONAL_LATEST : W_OVERALL_LATEST], l->w[W_TARGET],
			    l->w[W_STATUS_WORD]};
	rb_header_row(b, t, own ? n6 : n5, own ? 6 : 5);
	for (size_t i = 0; i < p->nindicators; i++) {
		const indicator *ind = p->indicators[i];
		doc_node *r = doc_append(t, doc_row(b->d, 0));
		if (r)
			r->pos = ind->pos;
		doc_node *c = rb_cell(b, r, 0);
		rb_para(b, c, DOC_P_BODY, ind->name);
		if (ind->source)
			rb_para(b, c, DOC_P_NOTE, rb_fmt(b, "%s: %s", l->w[W_SOURCE], ind->source));
		rb_text_cell(b, r, ind->has_baseline ? rb_point_text(b, ind, &ind->baseline) : "–", 0, DOC_LEFT);
		const ind_point *regional = model_latest_value(ind, NULL);
		const ind_point *mine = own ? model_latest_value(ind, b->who) : NULL;
		if (own) {
			doc_node *mc = rb_text_cell(b, r, mine ? rb_point_text(b, ind, mine) : "–", 0, DOC_LEFT);
			under_values(b, mc, ind);
		}
		rb_text_cell(b, r, regional ? rb_point_text(b, ind, regional) : "–", 0, DOC_LEFT);
		doc_node *tc = rb_cell(b, r, 0);
		for (size_t k = 0; k < ind->ntargets; k++)
			rb_para(b, tc, DOC_P_BODY, rb_point_text(b, ind, &ind->targets[k]));
		const ind_point *judged = mine ? mine : regional;
		int known, ok = rb_on_track(ind, judged, &known);
		rb_text_cell(b, r, !known ? l->w[W_NO_DATA] : ok ? l->w[W_ON_TRACK] : l->w[W_BEHIND],
			  !known ? 0 : ok ? b->fill_ok : b->fill_bad, DOC_LEFT);
	}
	/* issue 6: then a chart and a table of values per indicator, judged
	 * as in the table above */
	drawn *dw = charts ? arena_array(&b->d->arena, p->nindicators, sizeof *dw) : NULL;
	int ndrawn = 0;
	for (size_t i = 0; dw && i < p->nindicators; i++) {
		const indicator *ind = p->indicators[i];
		const ind_point *mine = own ? model_latest_value(ind, b->who) : NULL;
		const ind_point *judged = mine ? mine : model_latest_value(ind, NULL);
		int known, ok = rb_on_track(ind, judged, &known), y0 = 0;
		const doc_chart *ch = indicator_chart(b, ind, judged, ok, known, &y0);
		if (ch)
			dw[ndrawn++] = (drawn){ind, ch, y0};
	}
	/* the board handout has every number in the goals' table and the alt
	 * texts: no values table */
	if (dw && b->tpl->kind != TPL_BOARD)
		values_table(b, dw, ndrawn);
	for (size_t i = 0; charts && i < p->nindicators; i++)
		computed_notes(b, p->indicators[i]);
	for (size_t i = 0; i < p->nindicators; i++)
		breakdown_table(b, p->indicators[i]);
}

