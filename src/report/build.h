/* build.h: what the report builder's files share (private to src/report).
 *
 * The builder is split by section: report.c (the options, the summary,
 * the measures, the appendix and the order of it all), indicators.c and
 * matrix.c.  Each takes an rb, the state of one report being built, and
 * appends to its tree.  The rb_* helpers below never fail on their own:
 * after an allocation failure they do nothing and return NULL, and
 * report_build checks doc_failed() at the end. */
#ifndef REPORT_BUILD_H
#define REPORT_BUILD_H

#include "labels.h"
#include "report.h"

#define NBSP "\xc2\xa0"

typedef struct rb {
	const plan *p;
	const template *tpl;
	const labels *l;
	doc *d;
	int year;
	const owner *who;      /* the owner the report is for, or NULL */
	const report_opts *o;
	int fill[ST_COUNT];    /* doc fill per status */
	int fill_ok, fill_bad;
	const owner **under;   /* an owner's report: the owners directly under it, */
	size_t nunder;         /* listed once rather than searched per measure */
} rb;

static const srcpos nopos = {0};

/* ---- small builders (report.c) ---- */

/* Append n to the document's top level; returns n. */
doc_node *rb_block(rb *b, doc_node *n);
/* Append text to parent as a TEXT shown, not copied: text must be the
 * plan's, the labels', the template's or made by rb_fmt() (all of these
 * outlive the tree); a text in a stack buffer goes through rb_fmt() first.
 * Returns parent. */
doc_node *rb_text(rb *b, doc_node *parent, const char *text);
doc_node *rb_heading(rb *b, int level, const char *anchor, srcpos at, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* A paragraph of style st holding text, appended to parent. */
doc_node *rb_para(rb *b, doc_node *parent, doc_pstyle st, const char *text);
doc_node *rb_cell(rb *b, doc_node *row, int fill);
doc_node *rb_text_cell(rb *b, doc_node *row, const char *text, int fill, doc_align align);
/* A header row of n cells, in the header fill. */
doc_node *rb_header_row(rb *b, doc_node *table, const char *const *names, int n);
/* A rich-text fragment's blocks into parent (shared, not copied). */
void rb_rich(rb *b, doc_node *parent, const doc_node *frag);
/* printf into the tree's arena. */
const char *rb_fmt(rb *b, const char *f, ...) __attribute__((format(printf, 2, 3)));

/* ---- status logic (report.c) ---- */

/* How far along a status is, for "moved forward / fell back". */
int rb_rank(status_value v);
/* +1 forward, -1 back, 0 same or not comparable. */
int rb_change(status_value before, status_value now);
int rb_visible(rb *b, const measure *m);
int rb_area_visible(rb *b, const area *a);
/* A status as a reader sees it: its symbol, a no-break space and its
 * word ("▲ Forsinket"), or the word alone when the style gives no symbol. */
const char *rb_status_label(rb *b, status_value v);
/* The Status cell of a measure's row: word, progress, change, fallback. */
void rb_status_cell(rb *b, doc_node *row, const measure *m);

/* ---- indicators and charts (indicators.c) ---- */

/* The target a value of year is judged against: the first at or after
 * it, else the first.  NULL without targets. */
const ind_point *rb_track_target(const indicator *ind, int year);
/* Whether latest is on the straight line from baseline to target;
 * *known 0 when that cannot be said. */
int rb_on_track(const indicator *ind, const ind_point *latest, int *known);
/* The places every number of ind is written with (its figures' most). */
int rb_ind_decimals(const indicator *ind);
/* v as ind's numbers are written, with its unit: "3,5 %" (in the tree's
 * arena). */
const char *rb_ind_value(rb *b, const indicator *ind, double v);
/* "3,5 % (2024)", with a computed value's note. */
const char *rb_point_text(rb *b, const indicator *ind, const ind_point *pt);
/* The plan-level figures are the region's (see indicators.c). */
int rb_plan_is_regional(rb *b);
/* A chart's number format, language and style from the report's. */
void rb_chart_numbers(rb *b, struct doc_chart *ch);
/* A value in words for alt texts and tables: "3,5 %". */
const char *rb_num_text(rb *b, double v, const char *unit);
/* A CHART block holding ch, with its alt text. */
doc_node *rb_chart_node(rb *b, struct doc_chart *ch, const char *alt);

/* ---- sections ---- */

void rb_indicators(rb *b, int level, int charts);  /* indicators.c */
void rb_matrix(rb *b, int level);                   /* matrix.c */

#endif
