/* odtchart.c: a doc_chart as an ODF chart sub-document (see odtchart.h).
 *
 * Owns only the XML it writes.  Knows no plan and no language: every word
 * comes from the chart.  Strict ODF 1.3 (no loext:, no chartooo:): data in
 * a local table ("local-table": categories down column A, one series per
 * column), series referring to it by cell ranges, the value axis pinned to
 * chart.c's scale so the ODT and the PDF show the same ticks.
 *
 * A line chart's baseline and target are series of their own (one value
 * each, symbols only), the expected path a dashed series; a bar chart draws
 * them as lines over the bars.  As in the PDF, each series' last value and
 * the target are labelled at their points, the verdict stands under the
 * years and the goal under the finding.  Stacked bars are horizontal
 * (chart:vertical) in the statuses' colours, each count written on its bar,
 * the first area on top and each bar's total at its end.  ODF cannot mark
 * an axis break: the axis has the PDF's range, unmarked. */
#include "odtchart.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "odfxml.h"
#include "xml/xmlw.h"



static void root(xmlw *x, const char *name)
{
	xmlw_start(x, name);
	odfxml_ns(x);
}

/* Numbers in XML: always a dot, whatever the process locale. */
static void num(char *s, size_t n, double v)
{
	snprintf(s, n, "%.10g", v);
	for (char *p = s; *p; p++)
		if (*p == ',')
			*p = '.';
}

static void attr_num(xmlw *x, const char *name, double v)
{
	char s[64];
	num(s, sizeof s, v);
	xmlw_attr(x, name, s);
}

static void attr_cm(xmlw *x, const char *name, double pt)
{
	char s[64];
	long v = lround(pt * 2540.0 / 72.0); /* 1/1000 cm */
	snprintf(s, sizeof s, "%ld.%03ldcm", v / 1000, v % 1000);
	xmlw_attr(x, name, s);
}

static void attr_rgb(xmlw *x, const char *name, uint32_t rgb)
{
	xmlw_attrf(x, name, "#%06x", (unsigned)(rgb & 0xFFFFFF));
}

/* Points with one decimal, "9.5pt" (locale-free, as attr_cm). */
static void attr_pt(xmlw *x, const char *name, double pt)
{
	long v = lround(pt * 10);
	xmlw_attrf(x, name, "%ld.%ldpt", v / 10, v % 10);
}

static void style_begin(xmlw *x, const char *name)
{
	odfxml_style_open(x, name, "chart");
}

/* Neither line nor fill: the legend's and the wall's box, a total's
 * segment. */
static void unseen(xmlw *x)
{
	xmlw_empty(x, "style:graphic-properties", "draw:stroke", "none", "draw:fill", "none", NULL);
}

static void text_props(xmlw *x, double size, int bold, uint32_t rgb)
{
	xmlw_start(x, "style:text-properties");
	attr_pt(x, "fo:font-size", size);
	if (bold)
		xmlw_attr(x, "fo:font-weight", "bold");
	attr_rgb(x, "fo:color", rgb);
	xmlw_end(x);
}

static void number_style(xmlw *x, const doc_chart *c, const char *name, int decimals)
{
	xmlw_start(x, "number:number-style");
	xmlw_attr(x, "style:name", name);
	if (c->lang && strlen(c->lang) >= 2) {
		char lg[4] = {c->lang[0], c->lang[1], 0, 0};
		xmlw_attr(x, "number:language", lg);
		if (strlen(c->lang) >= 5 && c->lang[2] == '-')
			xmlw_attr(x, "number:country", c->lang + 3);
	}
	xmlw_start(x, "number:number");
	xmlw_attrf(x, "number:decimal-places", "%d", decimals);
	xmlw_attrf(x, "number:min-decimal-places", "%d", decimals);
	xmlw_attr(x, "number:min-integer-digits", "1");
	xmlw_attr(x, "number:grouping", "true");
	xmlw_end(x);
	xmlw_end(x);
}

/* The style of a data label's point: its value, in the chart's places,
 * bold in rgb, placed at pos. */
static void label_style(xmlw *x, const char *name, const char *pos, double size, uint32_t rgb)
{
	style_begin(x, name);
	xmlw_attr(x, "style:data-style-name", "N2");
	xmlw_start(x, "style:chart-properties");
	xmlw_attr(x, "chart:data-label-number", "value");
	xmlw_attr(x, "chart:link-data-style-to-source", "false");
	if (pos)
		xmlw_attr(x, "chart:label-position", pos);
	xmlw_end(x);
	text_props(x, size, 1, rgb);
	xmlw_end(x);
}

/* The style "s<i>" of the chart's column cl, and "s<i>l" of its labelled
 * point where it has one. */
static void column_style(xmlw *x, const doc_chart *c, const doc_chart_style *cs,
			 const chart_col *cl, int i)
{
	int hbar = c->kind == CHART_STACKED_HBAR;
	char nm[16];
	snprintf(nm, sizeof nm, "s%d", i);
	style_begin(x, nm);
	xmlw_start(x, "style:chart-properties");
	if (cl->kind == CHART_COL_TOTAL) {
		/* an unseen segment after the bar: its label, the total,
		 * stands right of the bar's end; past the axis it is not
		 * drawn */
		xmlw_attr(x, "chart:data-label-number", "value");
		xmlw_attr(x, "chart:label-position", "right");
		xmlw_end(x);
		unseen(x);
		text_props(x, cs->label_size, 1, cs->label_rgb);
		xmlw_end(x);
		return;
	}
	if (hbar) {
		xmlw_attr(x, "chart:data-label-number", "value");
	} else if (cl->kind == CHART_COL_SERIES) {
		xmlw_attr(x, "chart:symbol-type", "named-symbol");
		xmlw_attr(x, "chart:symbol-name", "square");
		xmlw_attr(x, "chart:symbol-width", "0.15cm");
		xmlw_attr(x, "chart:symbol-height", "0.15cm");
	} else if (cl->kind == CHART_COL_TRACK) {
		xmlw_attr(x, "chart:symbol-type", "none");
	} else {
		xmlw_attr(x, "chart:symbol-type", "named-symbol");
		xmlw_attr(x, "chart:symbol-name",
			  cl->kind == CHART_COL_BASE ? "diamond" : "x");
		xmlw_attr(x, "chart:symbol-width", "0.25cm");
		xmlw_attr(x, "chart:symbol-height", "0.25cm");
	}
	xmlw_end(x);
	xmlw_start(x, "style:graphic-properties");
	uint32_t rgb = cl->kind == CHART_COL_SERIES ? c->series[cl->k].rgb
		       : cl->kind == CHART_COL_BASE ? cs->base_rgb
		       : cl->kind == CHART_COL_TARGET ? cs->target_rgb : cs->track_rgb;
	if (hbar) {
		/* the fill darkened at the edge, as in the PDF (pale status
		 * shades stay visible on white) */
		uint32_t e = (((rgb >> 16) & 255) * 7 / 10) << 16 |
			     (((rgb >> 8) & 255) * 7 / 10) << 8 | ((rgb & 255) * 7 / 10);
		xmlw_attr(x, "draw:stroke", "solid");
		attr_rgb(x, "svg:stroke-color", e);
		xmlw_attr(x, "draw:fill", "solid");
		attr_rgb(x, "draw:fill-color", rgb);
	} else if (cl->kind == CHART_COL_SERIES && c->kind == CHART_BAR) {
		xmlw_attr(x, "draw:stroke", "none");
		xmlw_attr(x, "draw:fill", "solid");
		attr_rgb(x, "draw:fill-color", rgb);
	} else {
		xmlw_attr(x, "draw:stroke",
			  cl->kind == CHART_COL_TRACK ? "dash"
			  : cl->kind == CHART_COL_SERIES ? "solid" : "none");
		if (cl->kind == CHART_COL_TRACK)
			xmlw_attr(x, "draw:stroke-dash", "Track");
		attr_cm(x, "svg:stroke-width",
			cl->kind == CHART_COL_TRACK ? cs->track_w : cs->line_w);
		attr_rgb(x, "svg:stroke-color", rgb);
		xmlw_attr(x, "draw:fill", "solid");
		attr_rgb(x, "draw:fill-color", rgb);
	}
	xmlw_end(x);
	if (hbar) {
		xmlw_start(x, "style:text-properties");
		attr_pt(x, "fo:font-size", cs->label_size);
		xmlw_attr(x, "fo:font-weight", "bold");
		attr_rgb(x, "fo:color", c->series[cl->k].text_rgb);
		xmlw_end(x);
	}
	xmlw_end(x);
	/* the point labelled as in the PDF: a series' last value beside
	 * it, the target's value above its mark */
	if (chart_col_label_at(c, cl) >= 0) {
		snprintf(nm, sizeof nm, "s%dl", i);
		label_style(x, nm, cl->kind == CHART_COL_TARGET ? "top" : "right", cs->label_size,
			    rgb);
	}
}

static void styles(xmlw *x, const doc_chart *c, const chart_col *cols, int ncols)
{
	int hbar = c->kind == CHART_STACKED_HBAR;
	chart_scale s = chart_value_scale(c);
	doc_chart_style cs = chart_style(c);
	xmlw_start(x, "office:automatic-styles");
	style_begin(x, "chart");
	xmlw_empty(x, "style:graphic-properties", "draw:stroke", "none", "draw:fill", "solid",
		   "draw:fill-color", "#ffffff", NULL);
	xmlw_end(x);
	style_begin(x, "title");
	text_props(x, cs.title_size, 1, cs.title_rgb);
	xmlw_end(x);
	style_begin(x, "verdict");
	text_props(x, cs.verdict_size, 1, cs.label_rgb);
	xmlw_end(x);
	style_begin(x, "legend");
	unseen(x);
	text_props(x, cs.label_size, 0, cs.label_rgb);
	xmlw_end(x);
	style_begin(x, "plot");
	if (hbar)
		xmlw_empty(x, "style:chart-properties", "chart:vertical", "true", "chart:stacked",
			   "true", "chart:gap-width", "60", NULL);
	else
		xmlw_empty(x, "style:chart-properties", "chart:treat-empty-cells", "leave-gap",
			   "chart:symbol-type", "automatic", NULL);
	xmlw_end(x);
	style_begin(x, "axis-x");
	/* a long area name on more lines rather than over the bars */
	xmlw_empty(x, "style:chart-properties", "chart:display-label", "true", "text:line-break",
		   "true", NULL);
	text_props(x, cs.label_size, 0, cs.label_rgb);
	xmlw_end(x);
	/* the value axis' numbers as the PDF writes them: the tick's decimals,
	 * grouped, in the report's language (decimal comma in Norwegian); the
	 * data labels' with the chart's own places */
	number_style(x, c, "N1", s.decimals);
	number_style(x, c, "N2", chart_data_decimals(c));
	style_begin(x, "axis-y");
	xmlw_attr(x, "style:data-style-name", "N1");
	xmlw_start(x, "style:chart-properties");
	xmlw_attr(x, "chart:display-label", "true");
	xmlw_attr(x, "chart:link-data-style-to-source", "false");
	attr_num(x, "chart:minimum", s.lo);
	attr_num(x, "chart:maximum", s.hi);
	attr_num(x, "chart:interval-major", s.step);
	xmlw_attr(x, "chart:interval-minor-divisor", "1");
	xmlw_end(x);
	text_props(x, cs.label_size, 0, cs.label_rgb);
	xmlw_end(x);
	style_begin(x, "wall");
	unseen(x);
	xmlw_end(x);
	style_begin(x, "grid");
	xmlw_start(x, "style:graphic-properties");
	attr_rgb(x, "svg:stroke-color", cs.grid_rgb);
	attr_cm(x, "svg:stroke-width", cs.grid_w);
	xmlw_end(x);
	xmlw_end(x);
	for (int i = 0; i < ncols; i++)
		column_style(x, c, &cs, &cols[i], i);
	xmlw_end(x);
}

static void text_p(xmlw *x, const char *s)
{
	xmlw_start(x, "text:p");
	xmlw_puts(x, s ? s : "");
	xmlw_end(x);
}

/* A chart:title, of the chart or of an axis, in the named style. */
static void title(xmlw *x, const char *style, const char *text)
{
	xmlw_start(x, "chart:title");
	xmlw_attr(x, "chart:style-name", style);
	text_p(x, text);
	xmlw_end(x);
}

static void string_cell(xmlw *x, const char *s)
{
	xmlw_start(x, "table:table-cell");
	xmlw_attr(x, "office:value-type", "string");
	text_p(x, s);
	xmlw_end(x);
}

static void local_table(xmlw *x, const doc_chart *c, const chart_col *cols, int ncols)
{
	char b[64], lab[256];
	xmlw_start(x, "table:table");
	xmlw_attr(x, "table:name", "local-table");
	xmlw_start(x, "table:table-header-columns");
	xmlw_start(x, "table:table-column");
	xmlw_end(x);
	xmlw_end(x);
	xmlw_start(x, "table:table-columns");
	xmlw_start(x, "table:table-column");
	xmlw_attrf(x, "table:number-columns-repeated", "%d", ncols);
	xmlw_end(x);
	xmlw_end(x);
	xmlw_start(x, "table:table-header-rows");
	xmlw_start(x, "table:table-row");
	xmlw_start(x, "table:table-cell");
	xmlw_end(x);
	for (int i = 0; i < ncols; i++)
		string_cell(x, cols[i].name);
	xmlw_end(x);
	xmlw_end(x);
	xmlw_start(x, "table:table-rows");
	/* stacked bars: the first area on top, as in the PDF; a bar chart
	 * draws its first row at the foot, and reversing the axis instead
	 * would move the values' axis to the top */
	int hbar = c->kind == CHART_STACKED_HBAR;
	for (int q = 0; q < c->ncats; q++) {
		int r = hbar ? c->ncats - 1 - q : q;
		xmlw_start(x, "table:table-row");
		string_cell(x, c->kind == CHART_STACKED_HBAR
				       ? chart_axis_label(c->cats[r], lab, sizeof lab)
				       : c->cats[r]);
		for (int i = 0; i < ncols; i++) {
			double v = chart_col_value(c, &cols[i], r);
			xmlw_start(x, "table:table-cell");
			/* a zero count is no bar: an empty cell, so no "0" label */
			if (isfinite(v) && !(c->kind == CHART_STACKED_HBAR && v == 0)) {
				xmlw_attr(x, "office:value-type", "float");
				attr_num(x, "office:value", v);
				chart_format(c, v, 2, b, sizeof b);
				text_p(x, b);
			}
			xmlw_end(x);
		}
		xmlw_end(x);
	}
	xmlw_end(x);
	xmlw_end(x);
}

int odtchart_write(const doc_chart *c, double w, double h, buf *content, buf *styles_out,
		   buf *meta)
{
	xmlw x;
	chart_col cols[64];
	int ncols = chart_columns(c, cols, 64);
	int rc = 0;
	char range[96], a[8];
	/* content.xml */
	xmlw_open(&x, content);
	root(&x, "office:document-content");
	styles(&x, c, cols, ncols);
	xmlw_start(&x, "office:body");
	xmlw_start(&x, "office:chart");
	xmlw_start(&x, "chart:chart");
	attr_cm(&x, "svg:width", w);
	attr_cm(&x, "svg:height", h);
	xmlw_attr(&x, "chart:class", c->kind == CHART_LINE ? "chart:line" : "chart:bar");
	xmlw_attr(&x, "chart:style-name", "chart");
	if (c->title && *c->title)
		title(&x, "title", c->title);
	if (c->subtitle && *c->subtitle) {
		xmlw_start(&x, "chart:subtitle");
		xmlw_attr(&x, "chart:style-name", "legend");
		text_p(&x, c->subtitle);
		xmlw_end(&x);
	}
	xmlw_start(&x, "chart:legend");
	xmlw_attr(&x, "chart:legend-position", "bottom");
	xmlw_attr(&x, "chart:style-name", "legend");
	xmlw_end(&x);
	xmlw_start(&x, "chart:plot-area");
	xmlw_attr(&x, "chart:style-name", "plot");
	chart_sheet_col(a, ncols);
	snprintf(range, sizeof range, "local-table.$A$1:.$%s$%d", a, c->ncats + 1);
	xmlw_attr(&x, "table:cell-range-address", range);
	xmlw_attr(&x, "chart:data-source-has-labels", "both");
	xmlw_start(&x, "chart:axis");
	xmlw_attr(&x, "chart:dimension", "x");
	xmlw_attr(&x, "chart:name", "primary-x");
	xmlw_attr(&x, "chart:style-name", "axis-x");
	/* the verdict under the years, where the PDF writes it */
	if (c->kind != CHART_STACKED_HBAR && c->on_track_text && *c->on_track_text)
		title(&x, "verdict", c->on_track_text);
	xmlw_start(&x, "chart:categories");
	snprintf(range, sizeof range, "local-table.$A$2:.$A$%d", c->ncats + 1);
	xmlw_attr(&x, "table:cell-range-address", range);
	xmlw_end(&x);
	xmlw_end(&x);
	xmlw_start(&x, "chart:axis");
	xmlw_attr(&x, "chart:dimension", "y");
	xmlw_attr(&x, "chart:name", "primary-y");
	xmlw_attr(&x, "chart:style-name", "axis-y");
	if (c->unit && *c->unit)
		title(&x, "legend", c->unit);
	xmlw_start(&x, "chart:grid");
	xmlw_attr(&x, "chart:class", "major");
	xmlw_attr(&x, "chart:style-name", "grid");
	xmlw_end(&x);
	xmlw_end(&x);
	for (int i = 0; i < ncols; i++) {
		char st[16];
		chart_sheet_col(a, i + 1);
		xmlw_start(&x, "chart:series");
		snprintf(st, sizeof st, "s%d", i);
		xmlw_attr(&x, "chart:style-name", st);
		snprintf(range, sizeof range, "local-table.$%s$2:.$%s$%d", a, a, c->ncats + 1);
		xmlw_attr(&x, "chart:values-cell-range-address", range);
		snprintf(range, sizeof range, "local-table.$%s$1", a);
		xmlw_attr(&x, "chart:label-cell-address", range);
		xmlw_attr(&x, "chart:class", chart_col_is_line(c, &cols[i])
						  ? "chart:line" : "chart:bar");
		int at = chart_col_label_at(c, &cols[i]);
		if (at >= 0) {
			if (at > 0) {
				xmlw_start(&x, "chart:data-point");
				xmlw_attrf(&x, "chart:repeated", "%d", at);
				xmlw_end(&x);
			}
			xmlw_start(&x, "chart:data-point");
			snprintf(st, sizeof st, "s%dl", i);
			xmlw_attr(&x, "chart:style-name", st);
			xmlw_end(&x);
		}
		xmlw_end(&x);
	}
	xmlw_start(&x, "chart:wall");
	xmlw_attr(&x, "chart:style-name", "wall");
	xmlw_end(&x);
	xmlw_end(&x); /* plot-area */
	local_table(&x, c, cols, ncols);
	xmlw_end(&x);
	xmlw_end(&x);
	xmlw_end(&x);
	xmlw_end(&x);
	rc |= xmlw_close(&x);

	/* styles.xml: the dash of the expected path */
	xmlw_open(&x, styles_out);
	root(&x, "office:document-styles");
	xmlw_start(&x, "office:styles");
	xmlw_start(&x, "draw:stroke-dash");
	xmlw_attr(&x, "draw:name", "Track");
	xmlw_attr(&x, "draw:style", "rect");
	xmlw_attr(&x, "draw:dots1", "1");
	xmlw_attr(&x, "draw:dots1-length", "0.12cm");
	xmlw_attr(&x, "draw:distance", "0.09cm");
	xmlw_end(&x);
	xmlw_end(&x);
	xmlw_end(&x);
	rc |= xmlw_close(&x);

	/* meta.xml */
	xmlw_open(&x, meta);
	root(&x, "office:document-meta");
	xmlw_start(&x, "office:meta");
	xmlw_elem(&x, "dc:title", c->title);
	xmlw_end(&x);
	xmlw_end(&x);
	rc |= xmlw_close(&x);
	return rc ? -1 : 0;
}
