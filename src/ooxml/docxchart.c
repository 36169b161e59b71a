/* docxchart.c: a doc_chart as a DrawingML chart part (see docxchart.h).
 *
 * Owns only the XML it writes.  Knows no plan and no language: every word
 * comes from the chart.  The choices are odtchart.c's, so the DOCX, the
 * ODT and the PDF show the same chart: the value axis pinned to chart.c's
 * scale; a line chart's baseline and target as series of their own (one
 * value each, markers only) and the expected path as a dashed series; a
 * bar chart's clustered vertical bars with those three drawn as lines over
 * them, each series' last value and the target labelled, the verdict under
 * the years; stacked bars horizontal, first category on top, each count
 * written on its bar in the status's colours and each bar's total at its
 * end.  A native chart cannot mark an axis break: the axis has the PDF's
 * range, unmarked.
 *
 * The numbers live in the part (c:strCache, c:numCache) and no workbook is
 * embedded: Word and LibreOffice draw the chart and let a person restyle
 * it; editing its data asks for the (absent) workbook. */
#include "docxchart.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "xml/xmlw.h"

#define NS_C "http://schemas.openxmlformats.org/drawingml/2006/chart"
#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* Mirrors of odtchart.c's constants, in one place. */
/* DrawingML text sizes are hundredths of a point. */
static int hundredths(double pt) { return (int)(pt * 100 + 0.5); }

enum { AX_CAT = 500001, AX_VAL = 500002 };

static uint32_t col_rgb(const doc_chart *c, const chart_col *cl)
{
	doc_chart_style cs = chart_style(c);
	return cl->kind == CHART_COL_SERIES ? c->series[cl->k].rgb
	       : cl->kind == CHART_COL_BASE ? cs.base_rgb
	       : cl->kind == CHART_COL_TARGET ? cs.target_rgb : cs.track_rgb;
}

/* Numbers in XML: always a dot, whatever the process locale. */
static void num(char *s, size_t n, double v)
{
	snprintf(s, n, "%.10g", v);
	for (char *p = s; *p; p++)
		if (*p == ',')
			*p = '.';
}

static void val(xmlw *x, const char *name, const char *v)
{
	xmlw_empty(x, name, "val", v, NULL);
}

/* A run of val elements, <name val="v"/>, given as name, value pairs
 * ended by a NULL name: the property lists a chart is made of. */
static void vals(xmlw *x, ...) __attribute__((sentinel));
static void vals(xmlw *x, ...)
{
	va_list ap;
	const char *name;
	va_start(ap, x);
	while ((name = va_arg(ap, const char *)) != NULL)
		val(x, name, va_arg(ap, const char *));
	va_end(ap);
}

static void val_num(xmlw *x, const char *name, double v)
{
	char s[64];
	num(s, sizeof s, v);
	val(x, name, s);
}

static void val_int(xmlw *x, const char *name, long v)
{
	xmlw_empty_long(x, name, "val", v);
}

static void solid(xmlw *x, uint32_t rgb)
{
	char hex[8];
	snprintf(hex, sizeof hex, "%06X", (unsigned)(rgb & 0xFFFFFF));
	xmlw_start(x, "a:solidFill");
	xmlw_empty(x, "a:srgbClr", "val", hex, NULL);
	xmlw_end(x);
}

static void no_fill(xmlw *x)
{
	xmlw_empty(x, "a:noFill", NULL);
}

/* <a:ln w=...> in EMU with a solid colour (or none), dashed or not. */
static void line(xmlw *x, double pt, uint32_t rgb, int none, int dash)
{
	xmlw_start(x, "a:ln");
	if (!none)
		xmlw_attrf(x, "w", "%ld", (long)(pt * 12700 + 0.5));
	if (none)
		no_fill(x);
	else
		solid(x, rgb);
	if (dash)
		val(x, "a:prstDash", "sysDash");
	xmlw_end(x);
}

/* The opening of a text body: its (default) properties, then an a:p
 * whose text is size (hundredths of a pt), bold or not, in rgb; the
 * caller writes the paragraph's runs and ends it. */
static void text_body(xmlw *x, int size, int bold, uint32_t rgb)
{
	xmlw_empty(x, "a:bodyPr", NULL);
	xmlw_empty(x, "a:lstStyle", NULL);
	xmlw_start(x, "a:p");
	xmlw_start(x, "a:pPr");
	xmlw_start(x, "a:defRPr");
	xmlw_attrf(x, "sz", "%d", size);
	xmlw_attr(x, "b", bold ? "1" : "0");
	solid(x, rgb);
	xmlw_end(x);
	xmlw_end(x);
}

/* c:txPr: the default text of an element (size in hundredths of a pt). */
static void text_props(xmlw *x, int size, int bold, uint32_t rgb, const char *lang)
{
	xmlw_start(x, "c:txPr");
	text_body(x, size, bold, rgb);
	xmlw_empty(x, "a:endParaRPr", "lang", lang, NULL);
	xmlw_end(x);
	xmlw_end(x);
}

/* One run of text in a title's paragraph. */
static void run(xmlw *x, const char *s, int size, int bold, const char *lang)
{
	xmlw_start(x, "a:r");
	xmlw_start(x, "a:rPr");
	xmlw_attr(x, "lang", lang);
	xmlw_attrf(x, "sz", "%d", size);
	xmlw_attr(x, "b", bold ? "1" : "0");
	xmlw_end(x);
	xmlw_elem(x, "a:t", s);
	xmlw_end(x);
}

/* c:title holding a run of text, and under it sub (the subtitle; NULL:
 * none) in a paragraph of its own, subsize and not bold. */
static void title(xmlw *x, const char *s, const char *sub, int subsize, int size, int bold,
		  uint32_t rgb, const char *lang)
{
	xmlw_start(x, "c:title");
	xmlw_start(x, "c:tx");
	xmlw_start(x, "c:rich");
	text_body(x, size, bold, rgb);
	run(x, s, size, bold, lang);
	xmlw_end(x);
	if (sub && *sub) {
		xmlw_start(x, "a:p");
		xmlw_start(x, "a:pPr");
		xmlw_start(x, "a:defRPr");
		xmlw_attrf(x, "sz", "%d", subsize);
		xmlw_attr(x, "b", "0");
		solid(x, rgb);
		xmlw_end(x);
		xmlw_end(x);
		run(x, sub, subsize, 0, lang);
		xmlw_end(x);
	}
	xmlw_end(x);
	xmlw_end(x);
	val(x, "c:overlay", "0");
	xmlw_end(x);
}

static void str_cache(xmlw *x, const char *f, const char *const *v, int n)
{
	xmlw_start(x, "c:strRef");
	xmlw_elem(x, "c:f", f);
	xmlw_start(x, "c:strCache");
	val_int(x, "c:ptCount", n);
	for (int i = 0; i < n; i++) {
		xmlw_start(x, "c:pt");
		xmlw_attrf(x, "idx", "%d", i);
		xmlw_elem(x, "c:v", v[i] ? v[i] : "");
		xmlw_end(x);
	}
	xmlw_end(x);
	xmlw_end(x);
}

/* A number format with d places: "#,##0", "#,##0.0". */
static void num_fmt(char *fmt, size_t n, int d)
{
	snprintf(fmt, n, "#,##0%s%.*s", d > 0 ? "." : "", d > 0 ? d : 0, "000000");
}

/* The flags of a data label: the value only. */
static void show_value(xmlw *x)
{
	vals(x,
	     "c:showLegendKey", "0",
	     "c:showVal", "1",
	     "c:showCatName", "0",
	     "c:showSerName", "0",
	     "c:showPercent", "0",
	     "c:showBubbleSize", "0", NULL);
}

/* The category of row i: stacked bars are written last area first, so
 * the first stands on top with the values' axis below, as in the PDF. */
static int row_of(const doc_chart *c, int i)
{
	return c->kind == CHART_STACKED_HBAR ? c->ncats - 1 - i : i;
}

/* One series: name, look, categories and values. */
static void series(xmlw *x, const doc_chart *c, const chart_col *cl, int idx, int as_bar,
		   const char *lang)
{
	int hbar = c->kind == CHART_STACKED_HBAR;
	doc_chart_style cs = chart_style(c);
	uint32_t rgb = col_rgb(c, cl);
	char f[64], a[4], lab[256], b[64];
	chart_sheet_col(a, idx + 1);
	xmlw_start(x, "c:ser");
	val_int(x, "c:idx", idx);
	val_int(x, "c:order", idx);
	xmlw_start(x, "c:tx");
	snprintf(f, sizeof f, "Sheet1!$%s$1", a);
	const char *name = cl->name ? cl->name : "";
	str_cache(x, f, &name, 1);
	xmlw_end(x);
	xmlw_start(x, "c:spPr");
	if (cl->kind == CHART_COL_TOTAL) {
		/* an unseen segment after the bar: its label, the total, stands
		 * at the bar's end; past the axis it is not drawn */
		no_fill(x);
		line(x, 0, 0, 1, 0);
	} else if (as_bar) {
		solid(x, rgb);
		/* the stacked bars' edge darkened, as in the PDF: pale status
		 * shades stay visible on white */
		uint32_t e = (((rgb >> 16) & 255) * 7 / 10) << 16 | (((rgb >> 8) & 255) * 7 / 10) << 8 |
			     ((rgb & 255) * 7 / 10);
		line(x, cs.axis_w, e, !hbar, 0); /* the edge as thin as an axis */
	} else {
		line(x, cl->kind == CHART_COL_TRACK ? cs.track_w : cs.line_w, rgb,
		     cl->kind == CHART_COL_BASE || cl->kind == CHART_COL_TARGET,
		     cl->kind == CHART_COL_TRACK);
	}
	xmlw_end(x);
	if (as_bar) {
		val(x, "c:invertIfNegative", "0");
	} else {
		xmlw_start(x, "c:marker");
		val(x, "c:symbol", cl->kind == CHART_COL_SERIES ? "square"
				   : cl->kind == CHART_COL_BASE ? "diamond"
				   : cl->kind == CHART_COL_TARGET ? "x" : "none");
		if (cl->kind != CHART_COL_TRACK) {
			val_int(x, "c:size", cl->kind == CHART_COL_SERIES ? 4 : 7);
			xmlw_start(x, "c:spPr");
			solid(x, rgb);
			line(x, cs.axis_w, rgb, 0, 0);
			xmlw_end(x);
		}
		xmlw_end(x);
	}
	if (hbar) {
		int tot = cl->kind == CHART_COL_TOTAL;
		xmlw_start(x, "c:dLbls");
		xmlw_start(x, "c:spPr");
		no_fill(x);
		line(x, 0, 0, 1, 0);
		xmlw_end(x);
		text_props(x, hundredths(cs.label_size), 1,
			   tot ? cs.label_rgb : c->series[cl->k].text_rgb, lang);
		val(x, "c:dLblPos", tot ? "inBase" : "ctr");
		show_value(x);
		xmlw_end(x);
	} else if (chart_col_label_at(c, cl) >= 0) {
		/* the point labelled as in the PDF: a series' last value beside
		 * it, the target's value above its mark */
		char fmt[32];
		num_fmt(fmt, sizeof fmt, chart_data_decimals(c));
		xmlw_start(x, "c:dLbls");
		xmlw_start(x, "c:dLbl");
		val_int(x, "c:idx", chart_col_label_at(c, cl));
		xmlw_empty(x, "c:numFmt", "formatCode", fmt, "sourceLinked", "0", NULL);
		xmlw_start(x, "c:spPr");
		no_fill(x);
		line(x, 0, 0, 1, 0);
		xmlw_end(x);
		text_props(x, hundredths(cs.label_size), 1, rgb, lang);
		val(x, "c:dLblPos", cl->kind == CHART_COL_TARGET ? "t" : "r");
		show_value(x);
		xmlw_end(x);
		vals(x,
		     "c:showLegendKey", "0",
		     "c:showVal", "0",
		     "c:showCatName", "0",
		     "c:showSerName", "0",
		     "c:showPercent", "0",
		     "c:showBubbleSize", "0", NULL);
		xmlw_end(x);
	}
	xmlw_start(x, "c:cat");
	snprintf(f, sizeof f, "Sheet1!$A$2:$A$%d", c->ncats + 1);
	xmlw_start(x, "c:strRef");
	xmlw_elem(x, "c:f", f);
	xmlw_start(x, "c:strCache");
	val_int(x, "c:ptCount", c->ncats);
	for (int i = 0; i < c->ncats; i++) {
		xmlw_start(x, "c:pt");
		xmlw_attrf(x, "idx", "%d", i);
		const char *s = c->cats[row_of(c, i)] ? c->cats[row_of(c, i)] : "";
		xmlw_elem(x, "c:v", hbar ? chart_axis_label(s, lab, sizeof lab) : s);
		xmlw_end(x);
	}
	xmlw_end(x);
	xmlw_end(x);
	xmlw_end(x);
	xmlw_start(x, "c:val");
	xmlw_start(x, "c:numRef");
	snprintf(f, sizeof f, "Sheet1!$%s$2:$%s$%d", a, a, c->ncats + 1);
	xmlw_elem(x, "c:f", f);
	xmlw_start(x, "c:numCache");
	xmlw_elem(x, "c:formatCode", "General");
	val_int(x, "c:ptCount", c->ncats);
	for (int i = 0; i < c->ncats; i++) {
		double v = chart_col_value(c, cl, row_of(c, i));
		/* a zero count is no bar: no point, so no "0" label */
		if (!isfinite(v) || (hbar && v == 0))
			continue;
		xmlw_start(x, "c:pt");
		xmlw_attrf(x, "idx", "%d", i);
		num(b, sizeof b, v);
		xmlw_elem(x, "c:v", b);
		xmlw_end(x);
	}
	xmlw_end(x);
	xmlw_end(x);
	xmlw_end(x);
	if (!as_bar)
		val(x, "c:smooth", "0");
	xmlw_end(x);
}

/* An axis' ticks (none), its labels beside it, its line (or none), its
 * text, and the axis it crosses. */
static void axis_look(xmlw *x, const doc_chart_style *cs, int no_line, int cross,
		      const char *lang)
{
	vals(x,
	     "c:majorTickMark", "none",
	     "c:minorTickMark", "none",
	     "c:tickLblPos", "nextTo", NULL);
	xmlw_start(x, "c:spPr");
	line(x, cs->axis_w, cs->axis_rgb, no_line, 0);
	xmlw_end(x);
	text_props(x, hundredths(cs->label_size), 0, cs->label_rgb, lang);
	val_int(x, "c:crossAx", cross);
}

static void cat_axis(xmlw *x, const doc_chart *c, const char *lang)
{
	int hbar = c->kind == CHART_STACKED_HBAR;
	xmlw_start(x, "c:catAx");
	val_int(x, "c:axId", AX_CAT);
	xmlw_start(x, "c:scaling");
	val(x, "c:orientation", "minMax");
	xmlw_end(x);
	val(x, "c:delete", "0");
	val(x, "c:axPos", hbar ? "l" : "b");
	doc_chart_style cs = chart_style(c);
	/* the verdict under the years, where the PDF writes it */
	if (!hbar && c->on_track_text && *c->on_track_text)
		title(x, c->on_track_text, NULL, 0, hundredths(cs.verdict_size), 1, cs.label_rgb, lang);
	axis_look(x, &cs, 0, AX_VAL, lang);
	vals(x,
	     "c:crosses", "autoZero",
	     "c:auto", "1",
	     "c:lblAlgn", "ctr",
	     "c:lblOffset", "100",
	     "c:noMultiLvlLbl", "0", NULL);
	xmlw_end(x);
}

static void val_axis(xmlw *x, const doc_chart *c, const char *lang)
{
	int hbar = c->kind == CHART_STACKED_HBAR;
	chart_scale s = chart_value_scale(c);
	char fmt[32];
	num_fmt(fmt, sizeof fmt, s.decimals);
	xmlw_start(x, "c:valAx");
	val_int(x, "c:axId", AX_VAL);
	xmlw_start(x, "c:scaling");
	val(x, "c:orientation", "minMax");
	val_num(x, "c:max", s.hi);
	val_num(x, "c:min", s.lo);
	xmlw_end(x);
	val(x, "c:delete", "0");
	val(x, "c:axPos", hbar ? "b" : "l");
	xmlw_start(x, "c:majorGridlines");
	xmlw_start(x, "c:spPr");
	doc_chart_style cs = chart_style(c);
	line(x, cs.grid_w, cs.grid_rgb, 0, 0);
	xmlw_end(x);
	xmlw_end(x);
	if (c->unit && *c->unit)
		title(x, c->unit, NULL, 0, hundredths(cs.label_size), 0, cs.label_rgb, lang);
	xmlw_empty(x, "c:numFmt", "formatCode", fmt, "sourceLinked", "0", NULL);
	axis_look(x, &cs, 1, AX_CAT, lang);
	val(x, "c:crosses", "autoZero");
	val(x, "c:crossBetween", "between");
	val_num(x, "c:majorUnit", s.step);
	xmlw_end(x);
}

static void axis_ids(xmlw *x)
{
	val_int(x, "c:axId", AX_CAT);
	val_int(x, "c:axId", AX_VAL);
}

int docxchart_write(const doc_chart *c, const char *lang, buf *out)
{
	xmlw x;
	chart_col cols[64];
	int ncols = chart_columns(c, cols, 64);
	int hbar = c->kind == CHART_STACKED_HBAR;
	doc_chart_style cs = chart_style(c);
	if (!lang)
		lang = "en-GB";
	xmlw_open(&x, out); /* a failure is sticky: xmlw_close reports it */
	xmlw_start(&x, "c:chartSpace");
	xmlw_attrs(&x,
		   "xmlns:c", NS_C,
		   "xmlns:a", NS_A,
		   "xmlns:r", NS_R, NULL);
	vals(&x,
	     "c:date1904", "0",
	     "c:lang", lang,
	     "c:roundedCorners", "0", NULL);
	xmlw_start(&x, "c:chart");
	if (c->title && *c->title)
		title(&x, c->title, c->subtitle, hundredths(cs.label_size), hundredths(cs.title_size), 1, cs.title_rgb, lang);
	val(&x, "c:autoTitleDeleted", c->title && *c->title ? "0" : "1");
	xmlw_start(&x, "c:plotArea");
	xmlw_start(&x, "c:layout");
	xmlw_end(&x);
	if (c->kind != CHART_LINE) {
		/* the values as bars: vertical and clustered, or horizontal and
		 * stacked */
		xmlw_start(&x, "c:barChart");
		vals(&x,
		     "c:barDir", hbar ? "bar" : "col",
		     "c:grouping", hbar ? "stacked" : "clustered",
		     "c:varyColors", "0", NULL);
		for (int i = 0; i < ncols; i++)
			if (!chart_col_is_line(c, &cols[i]))
				series(&x, c, &cols[i], i, 1, lang);
		val(&x, "c:gapWidth", hbar ? "60" : "100");
		if (hbar)
			val(&x, "c:overlap", "100");
		axis_ids(&x);
		xmlw_end(&x);
	}
	int lines = 0;
	for (int i = 0; i < ncols; i++)
		lines += chart_col_is_line(c, &cols[i]);
	if (lines) {
		xmlw_start(&x, "c:lineChart");
		val(&x, "c:grouping", "standard");
		val(&x, "c:varyColors", "0");
		for (int i = 0; i < ncols; i++)
			if (chart_col_is_line(c, &cols[i]))
				series(&x, c, &cols[i], i, 0, lang);
		val(&x, "c:marker", "1");
		axis_ids(&x);
		xmlw_end(&x);
	}
	cat_axis(&x, c, lang);
	val_axis(&x, c, lang);
	xmlw_start(&x, "c:spPr");
	no_fill(&x);
	line(&x, 0, 0, 1, 0);
	xmlw_end(&x);
	xmlw_end(&x); /* plotArea */
	xmlw_start(&x, "c:legend");
	val(&x, "c:legendPos", "b");
	for (int i = 0; i < ncols; i++)
		if (cols[i].kind == CHART_COL_TOTAL) { /* no swatch to show */
			xmlw_start(&x, "c:legendEntry");
			val_int(&x, "c:idx", i);
			val(&x, "c:delete", "1");
			xmlw_end(&x);
		}
	val(&x, "c:overlay", "0");
	text_props(&x, hundredths(cs.label_size), 0, cs.label_rgb, lang);
	xmlw_end(&x);
	val(&x, "c:plotVisOnly", "1");
	val(&x, "c:dispBlanksAs", "gap");
	xmlw_end(&x); /* chart */
	xmlw_start(&x, "c:spPr");
	solid(&x, 0xFFFFFF);
	line(&x, 0, 0, 1, 0);
	xmlw_end(&x);
	text_props(&x, hundredths(cs.label_size), 0, cs.label_rgb, lang);
	xmlw_end(&x);
	return xmlw_close(&x);
}
