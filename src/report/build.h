/* build.h: what the report builder's files share (private to src/report).
 *
 * The builder is split by section: report.c (the options, the summary,
 * the measures, the appendix and the order of it all), summary.c (the
 * executive page), board.c (a board paper's own parts), indicators.c and
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
	const struct rb_tally *tally; /* rb_tally_of's, once counted */
	int row_targets;       /* a measure's row shows its indicators against
				* their targets (<areas targets="yes"/>) */
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

/* Of a pair of words that name statuses (a heading, a sentence), the
 * one for the plan's set: progress or achievement.  From labels' static
 * tables: not to be freed. */
const char *rb_set_word(rb *b, word_id progress, word_id achievement);
int rb_visible(rb *b, const measure *m);
int rb_area_visible(rb *b, const area *a);
/* A status as a reader sees it: its symbol, a no-break space and its
 * word ("▲ Forsinket"), or the word alone when the style gives no symbol. */
const char *rb_status_label(rb *b, status_value v);
/* The Status cell of a measure's row: word, progress, how it was
 * computed, change, fallback. */
void rb_status_cell(rb *b, doc_node *row, const measure *m);
/* A computed status's basis in words, the indicator's value and its
 * target as its numbers are written, with the unit: "beregnet fra
 * 47 dager, mål høyst 50 dager" (and ", innenfor toleransen på 10 %" for
 * a miss within it).  NULL for a reported status. */
const char *rb_computed_basis(rb *b, const status *s);

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

/* Whether the report's template has a section of this kind. */
int rb_template_has(rb *b, tpl_sec kind);

/* ---- measures as rows (report.c) ---- */

/* A measures table (Tiltak, Ansvar, Status, Kommentar) with its header. */
doc_node *rb_measures_table(rb *b, const char *caption, srcpos at);
/* m's row, with the anchor "tiltak-ID" a link may point at. */
void rb_measure_row(rb *b, doc_node *t, const measure *m);

/* ---- the executive page (summary.c) ---- */

/* The report's measures by status, which moved forward and back since
 * last year, and whose status was computed from the numbers, in plan
 * order. */
typedef struct rb_tally {
	size_t total, n[ST_COUNT], nfwd, nback, ncomputed;
	const measure **by[ST_COUNT];
	const measure **fwd, **back;
	const measure **computed; /* whose status shown was computed */
} rb_tally;
/* Counted once per report and kept in b (the tree's arena); NULL when
 * memory ran out. */
const rb_tally *rb_tally_of(rb *b);
/* Delayed, not started or cancelled: what a board must see. */
int rb_is_deviation(status_value v);
/* The owner whose summary <own-summary/> shows: the report's owner, else
 * the plan's own organisation; NULL when neither. */
const owner *rb_own_summary_owner(rb *b);

/* A measure in one line (the status matrix's rows, the list of
 * deviations): its <short>, else its text's first sentence (the first
 * paragraph's, or a list's first item's: sub-bullets are not run into
 * it), cut at a word with "…" past MODEL_SHORT_MAX characters.  The
 * string is the document's (its arena). */
const char *rb_measure_line(rb *b, const measure *m);   /* matrix.c */

/* The owners a level down, as the status matrix has its columns (an
 * owner's report: the owner and those directly under it): at most
 * p->nowners into out; returns how many. */
size_t rb_matrix_owners(rb *b, const owner **out);    /* matrix.c */

/* Under a measure's comment in cell, each of its indicators with a
 * target: the report year's value against it (the report owner's, else
 * the plan's), and the values of the owners rb_matrix_owners names. */
void rb_measure_targets(rb *b, doc_node *cell, const measure *m); /* targets.c */

/* ---- sections ---- */

void rb_indicators(rb *b, int level, int charts);  /* indicators.c */
void rb_matrix(rb *b, int level);                   /* matrix.c */
void rb_key_messages(rb *b, int level);            /* summary.c */
void rb_figures(rb *b, int level);
void rb_deviations(rb *b, int level);
void rb_fell_back(rb *b, int level);
void rb_own_summary(rb *b, int level);
void rb_case_header(rb *b);                         /* board.c */
void rb_resolution(rb *b, int level);
void rb_goals(rb *b, int level);

#endif
