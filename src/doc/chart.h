/* chart.h: charts, format-neutral.
 *
 * The report builder fills a doc_chart (every word already in the report's
 * language, numbers' decimal mark given); the backends never decide a
 * scale.  chart.c owns the shared arithmetic -- the value scale with "nice"
 * ticks (Heckbert), the expected-value line from baseline to target, tick
 * labels -- and turns a chart into drawing primitives (lines, rectangles,
 * text with positions) for the PDF layout.  The ODT backend (odtchart.c)
 * writes the same chart as a native ODF chart object with the same scale,
 * and the DOCX backend (docxchart.c) as a DrawingML chart; both take the
 * chart's data columns from here.
 *
 * Ownership: a doc_chart and its arrays live in the doc's arena.  Primitive
 * lists from chart_draw live in the arena passed to it. */
#ifndef CHART_H
#define CHART_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "doc.h" /* the doc_chart typedef */

typedef enum chart_kind {
	CHART_LINE,        /* values by year, one line per series */
	CHART_BAR,         /* values by year, grouped vertical bars */
	CHART_STACKED_HBAR /* one bar per category, stacked by series (counts) */
} chart_kind;

typedef struct chart_series {
	const char *name;      /* legend text: "Regionalt", "St. Olavs hospital HF" */
	const double *values;  /* ncats values; NAN where missing */
	uint32_t rgb;          /* line / bar colour */
	uint32_t text_rgb;     /* text drawn on the bar (stacked bars) */
} chart_series;

struct doc_chart {
	chart_kind kind;
	const char *title;      /* drawn above the plot: the finding */
	const char *subtitle;   /* under the title (the goal's words); may be NULL */
	const char *unit;       /* value axis unit: "%", "studier"; may be NULL */
	int ncats;
	const char **cats;      /* category labels: years or area names */
	int nseries;
	chart_series *series;
	/* Line and bar charts: the plan's baseline and target.  Categories are
	 * indexes into cats (the builder makes every year a category). */
	int base_cat;           /* -1: no baseline */
	double base_value;
	int target_cat;         /* -1: no target */
	double target_value;
	/* The expected path, a straight line from baseline to target, drawn
	 * dashed (the same line the on-track judgement uses). */
	const char *base_label;   /* legend: "Utgangspunkt" */
	const char *target_label; /* legend: "Målverdi" */
	const char *track_label;  /* legend: "Bane mot målet" */
	const char *total_label;  /* stacked bars: "Totalt", the totals at the bars' ends */
	/* On track: -1 unknown, 0 behind, 1 on track, with its words (the
	 * swatch beside them in the style's colour for each). */
	int on_track;
	const char *on_track_text;
	int compact;             /* a smaller plot (the board handout) */
	/* Small multiples: consecutive CHART blocks whose charts have the
	 * same abreast (2 or 3) stand that many to a row, each 1/abreast of
	 * the text width (a short last row keeps that width); 0 or 1: the
	 * chart has the width to itself.  See doc_chart_col. */
	int abreast;
	/* The value range the axis must cover, when the builder fixes it (an
	 * indicator's whole data, every owner's, so every report of the plan
	 * draws that indicator on the same axis); else the chart's own data. */
	int fixed_range;
	double range_lo, range_hi;
	/* The places every number of the chart is written with (labels,
	 * table, title alike), when the builder fixes them; else from the
	 * data (chart_data_decimals). */
	int fixed_decimals;
	int decimals;
	/* Number formatting of the tick labels, from the report's language. */
	const char *decimal;     /* "," or "." */
	const char *group;       /* thousands separator: NBSP or "," */
	const char *lang;        /* BCP 47 of the words ("nb-NO"): the ODT's number locale */
	const doc_chart_style *style; /* the house style's chart colours; NULL: the built-in */
};

/* ---- scales ---- */

/* A value axis: from lo to hi in steps of step (lo, hi multiples of step),
 * ticks = (hi - lo) / step + 1; decimals to print a tick exactly. */
typedef struct chart_scale {
	double lo, hi, step;
	int ticks, decimals;
	int broken;  /* a line chart's axis that does not reach 0: drawn with
		      * a break mark at its foot (or head, for negative data) */
} chart_scale;

/* Heckbert's nice number: the number 1, 2, 5 or 10 times a power of ten
 * closest to x (round) or at least x (!round).  x > 0. */
double chart_nice(double x, int round);

/* A scale covering [min, max] with about `want` ticks (>= 2).  Handles one
 * value, min == max, negative values, a range far from zero (zero is
 * included when the data are all of one sign and zero is within the range
 * a reader expects -- bars always start at zero), NaN/inf (ignored: give
 * min > max for "no data", which yields 0..1). */
chart_scale chart_scale_for(double min, double max, int want, int from_zero);

/* The value range a chart's scale must cover: the builder's fixed range,
 * else series, baseline, target (stacked: the largest bar total).
 * *min > *max when nothing is known. */
void chart_range(const doc_chart *c, double *min, double *max);

/* The chart's value scale, as every backend uses it: from 0 unless a line
 * chart's data lie far from it (the lowest above half the highest), then
 * marked broken. */
chart_scale chart_value_scale(const doc_chart *c);

/* The expected value at category i on the straight line from baseline to
 * target; NAN outside [base_cat, target_cat] or without both. */
double chart_track_at(const doc_chart *c, int i);

/* A number with the chart's decimal mark and grouping, `decimals` places,
 * into out. */
void chart_format(const doc_chart *c, double v, int decimals, char *out, size_t n);

/* The places the chart's numbers are written with, 0 to 2: the builder's
 * fixed ones, else the most any of its values (series, baseline, target)
 * has, so its data labels and its twin table print every number alike
 * ("2,0" beside "2,4", not "2"). */
int chart_data_decimals(const doc_chart *c);
/* The places one value needs, 0 to 2 (0 for NaN). */
int chart_places(double v);

/* The chart's colours: c->style, or the built-in house style's. */
doc_chart_style chart_style(const doc_chart *c);

/* ---- small multiples ---- */

enum { CHART_MAX_ABREAST = 3 };

/* How many charts share CHART block n's row (its chart's abreast, 1 when
 * alone), and in *col its place in that row, 0 first: the count of the
 * CHART siblings right before it with the same abreast, modulo abreast. */
int doc_chart_abreast(const doc_node *n, int *col);
/* Does n's row of charts end with n (the last of its row, or the block
 * after it is no chart of that row)? */
int doc_chart_row_ends(const doc_node *n);
/* The width CHART block n gets in a text text_w wide, gap between the
 * charts of a row (the PDF's, and a native chart's frame, which the
 * formats set in one line of their own separated by a space: that space
 * is taken from the gap). */
double doc_chart_width(const doc_node *n, double text_w, double gap);

/* ---- drawing primitives (for the PDF layout) ---- */

typedef enum chart_prim_kind { CP_LINE, CP_RECT, CP_TEXT } chart_prim_kind;

typedef struct chart_prim {
	chart_prim_kind kind;
	double x, y, w, h;   /* LINE: (x,y)->(x+w,y+h); RECT: top-left, size;
			      * TEXT: x left edge, y baseline, w width, h size */
	uint32_t rgb;
	double lw;           /* LINE width */
	const char *text;    /* TEXT, NUL-terminated, in the arena */
	int bold;            /* TEXT */
} chart_prim;

/* Text width in points of s[0..len) at size, bold or not. */
typedef double (*chart_measure)(void *ctx, const char *s, size_t len, double size, int bold);

typedef struct chart_drawing {
	chart_prim *p;
	int n, cap;
	double w, h;         /* the chart's size */
	int failed;
} chart_drawing;

/* Lay the chart out w wide with origin (0,0) at its
 * top-left, y down (its height in out->h): primitives allocated in a.  Text never overlaps other
 * text and never leaves the box; names too long are shortened with "…".
 * Returns 0, or -1 when memory runs out. */
int chart_draw(const doc_chart *c, double w, double fs, chart_measure m, void *mctx, arena *a,
	       chart_drawing *out);

/* Shorten s so it is at most maxw wide, ending in "…" when cut (UTF-8
 * safe); returns s itself when it fits, else a copy in a (NULL: memory). */
const char *chart_fit(const char *s, double maxw, double size, int bold, chart_measure m,
		      void *mctx, arena *a);

/* ---- the chart's data as a table (the ODT's local table, the DOCX's
 * caches): a column per series, then the baseline, the target and the
 * expected path, each a column of its own with a value only where it
 * stands ---- */

typedef enum chart_col_kind {
	CHART_COL_SERIES,
	CHART_COL_BASE,
	CHART_COL_TARGET,
	CHART_COL_TRACK,
	CHART_COL_TOTAL   /* stacked bars: each bar's total, drawn as an unseen
			   * segment after it whose label stands at the bar's end */
} chart_col_kind;

typedef struct chart_col {
	chart_col_kind kind;
	int k;            /* CHART_COL_SERIES: the series' index */
	const char *name; /* the legend's words */
} chart_col;

/* The columns of c's data into cols (at most max); returns how many.
 * Stacked bars have series only, then their totals when the chart names
 * them (total_label). */
int chart_columns(const doc_chart *c, chart_col *cols, int max);

/* Column cl's value at category i; NAN where it has none. */
double chart_col_value(const doc_chart *c, const chart_col *cl, int i);

/* The category whose value a native chart labels on column cl, as the PDF
 * does: a series' last value, the target; -1 for none (the baseline and
 * the path; every category of stacked bars, labelled on each segment). */
int chart_col_label_at(const doc_chart *c, const chart_col *cl);

/* A native chart's height for a chart w wide, in points: room for the
 * title, subtitle, plot, legend and verdict the PDF draws. */
double chart_native_height(const doc_chart *c, double w);

/* Is column cl drawn as a line (every column of a line chart; the
 * baseline, target and path over a bar chart) rather than as bars? */
int chart_col_is_line(const doc_chart *c, const chart_col *cl);

/* A category's name on a native chart's axis: s when it has at most
 * CHART_LABEL_CHARS characters, else its first ones and "…" in out (n
 * bytes), or s when out is too small.  The office suites would give a
 * long name half the chart; the counts table beside it has the whole. */
enum { CHART_LABEL_CHARS = 40 };
const char *chart_axis_label(const char *s, char *out, size_t n);

/* The letters of spreadsheet column i (0: "A", 25: "Z", 26: "AA", up to
 * 701) into s (3 bytes): where a native chart's references point. */
void chart_sheet_col(char *s, int i);

#endif
