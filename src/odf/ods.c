/* ods.c: OpenDocument spreadsheet writer (see ods.h).
 *
 * Owns content.xml while it is written (o->content) and the other parts in
 * ods_finish; zips through odfzip.  Touches no file, prints nothing.
 *
 * Deliberate choices: strict ODF 1.3 (no loext: markup, so validate-odt
 * passes without --extended); every cell style is an automatic style in
 * content.xml with its protection said explicitly, because ODF's default
 * is "protected" and the input cells must say "none"; the sheet's
 * protection has no key, so LibreOffice enforces it but lifts it without
 * asking for a password (a form, not a safe); rows use the optimal height,
 * so LibreOffice sizes wrapped text itself on loading.  Where the forms
 * mirror the report (the font, the header shade, the heading, muted and
 * rule colours) they take the house style's values (doc/style.h). */
#include "ods.h"

#include <stdio.h>
#include <string.h>

#include "doc/style.h"
#include "odfxml.h"
#include "odfzip.h"

#define MEDIA_TYPE "application/vnd.oasis.opendocument.spreadsheet"

static const char *const style_name[ODS_NSTYLES] = {
	"ceText", "ceTitle", "ceBold", "ceKey", "ceHead", "ceRo", "ceRoNum", "ceIn", "ceInNum",
};


/* The house style the forms mirror: the built-in one (forms have no
 * template). */
static doc_style house(void)
{
	doc_style st;
	doc_style_fill(&st, NULL);
	return st;
}

static void font_faces(xmlw *x)
{
	doc_style st = house();
	xmlw_start(x, "office:font-face-decls");
	xmlw_start(x, "style:font-face");
	xmlw_attr(x, "style:name", st.font_family);
	xmlw_attrf(x, "svg:font-family", "'%s'", st.font_family);
	xmlw_attr(x, "style:font-family-generic", "swiss");
	xmlw_attr(x, "style:font-pitch", "variable");
	xmlw_end(x);
	xmlw_end(x);
}

/* One cell style: fill (NULL: none), border, bold, size, protection. */
static void cell_style(xmlw *x, int i, const char *fill, const char *border, int bold,
		       const char *size, const char *color, const char *align, int wrap,
		       int protect)
{
	odfxml_style_open(x, style_name[i], "table-cell");
	xmlw_attr(x, "style:parent-style-name", "Default");
	xmlw_start(x, "style:table-cell-properties");
	if (fill)
		xmlw_attr(x, "fo:background-color", fill);
	if (border)
		xmlw_attr(x, "fo:border", border);
	if (wrap)
		xmlw_attr(x, "fo:wrap-option", "wrap");
	xmlw_attr(x, "style:vertical-align", "top");
	xmlw_attr(x, "fo:padding", "0.07cm");
	xmlw_attr(x, "style:cell-protect", protect ? "protected" : "none");
	xmlw_end(x);
	if (align) {
		xmlw_start(x, "style:paragraph-properties");
		xmlw_attr(x, "fo:text-align", align);
		xmlw_end(x);
	}
	xmlw_start(x, "style:text-properties");
	if (bold)
		xmlw_attr(x, "fo:font-weight", "bold");
	if (size)
		xmlw_attr(x, "fo:font-size", size);
	if (color)
		xmlw_attr(x, "fo:color", color);
	xmlw_end(x);
	xmlw_end(x);
}

static void automatic_styles(ods *o)
{
	xmlw *x = &o->x;
	const ods_spec *s = o->spec;
	doc_style st = house();
	char line[48], heading[8], muted[8], head_fill[8], head_text[8];
	snprintf(line, sizeof line, "0.5pt solid #%06x", (unsigned)st.rule_rgb);
	snprintf(heading, sizeof heading, "#%06x", (unsigned)st.heading_rgb);
	snprintf(muted, sizeof muted, "#%06x", (unsigned)st.muted_rgb);
	snprintf(head_fill, sizeof head_fill, "#%06x", (unsigned)st.table.header_rgb);
	snprintf(head_text, sizeof head_text, "#%06x", (unsigned)st.table.header_text_rgb);
	static const char *const inline_ = "0.75pt solid #3d6a99";
	xmlw_start(x, "office:automatic-styles");
	for (size_t i = 0; i < s->nwidths; i++) {
		char name[16];
		snprintf(name, sizeof name, "co%d", s->widths_mm[i]);
		odfxml_style_open(x, name, "table-column");
		xmlw_start(x, "style:table-column-properties");
		xmlw_attrf(x, "style:column-width", "%d.%dcm", s->widths_mm[i] / 10, s->widths_mm[i] % 10);
		xmlw_end(x);
		xmlw_end(x);
	}
	odfxml_style_open(x, "ro1", "table-row");
	xmlw_start(x, "style:table-row-properties");
	xmlw_attr(x, "style:use-optimal-row-height", "true");
	xmlw_end(x);
	xmlw_end(x);
	odfxml_style_open(x, "ta1", "table");
	xmlw_attr(x, "style:master-page-name", "Default");
	xmlw_start(x, "style:table-properties");
	xmlw_attr(x, "table:display", "true");
	xmlw_attr(x, "style:writing-mode", "lr-tb");
	xmlw_end(x);
	xmlw_end(x);
	cell_style(x, ODS_TEXT, NULL, NULL, 0, NULL, NULL, NULL, 1, 1);
	cell_style(x, ODS_TITLE, NULL, NULL, 1, "14pt", heading, NULL, 0, 1);
	cell_style(x, ODS_BOLD, NULL, NULL, 1, "11pt", heading, NULL, 1, 1);
	cell_style(x, ODS_KEY, NULL, NULL, 0, "8pt", muted, NULL, 0, 1);
	cell_style(x, ODS_HEAD, head_fill, line, 1, NULL, head_text, NULL, 1, 1);
	/* Read-only text a size smaller: it is there to be read, the input
	 * cells beside it are the point of the form. */
	cell_style(x, ODS_RO, "#eeeeee", line, 0, "9pt", "#333333", NULL, 1, 1);
	cell_style(x, ODS_RO_NUM, "#eeeeee", line, 0, "9pt", "#333333", "end", 1, 1);
	cell_style(x, ODS_INPUT, "#ffffff", inline_, 0, NULL, NULL, NULL, 1, 0);
	cell_style(x, ODS_INPUT_NUM, "#ffffff", inline_, 0, NULL, NULL, "center", 1, 0);
	xmlw_end(x);
}

static void validations(ods *o)
{
	xmlw *x = &o->x;
	const ods_spec *s = o->spec;
	if (!s->nvalidations)
		return;
	xmlw_start(x, "table:content-validations");
	for (size_t i = 0; i < s->nvalidations; i++) {
		const ods_validation *v = &s->validations[i];
		xmlw_start(x, "table:content-validation");
		xmlw_attr(x, "table:name", v->name);
		xmlw_attr(x, "table:condition", v->condition);
		xmlw_attr(x, "table:allow-empty-cell", "true");
		xmlw_attr(x, "table:base-cell-address", v->base_cell);
		if (v->list)
			xmlw_attr(x, "table:display-list", "unsorted");
		if (v->error_text) {
			xmlw_start(x, "table:error-message");
			xmlw_attr(x, "table:title", v->error_title);
			xmlw_attr(x, "table:display", "true");
			xmlw_attr(x, "table:message-type", "stop");
			xmlw_elem(x, "text:p", v->error_text);
			xmlw_end(x);
		}
		xmlw_end(x);
	}
	xmlw_end(x);
}

int ods_open(ods *o, const ods_spec *spec)
{
	memset(o, 0, sizeof *o);
	o->spec = spec;
	o->content = (buf)BUF_INIT;
	if (xmlw_open(&o->x, &o->content) < 0)
		return -1;
	xmlw *x = &o->x;
	xmlw_start(x, "office:document-content");
	odfxml_ns(x);
	font_faces(x);
	automatic_styles(o);
	xmlw_start(x, "office:body");
	xmlw_start(x, "office:spreadsheet");
	validations(o);
	return o->x.failed ? -1 : 0;
}

void ods_table_start(ods *o, const char *name, int protect, const int *widths_mm, size_t ncols)
{
	xmlw *x = &o->x;
	xmlw_start(x, "table:table");
	xmlw_attr(x, "table:name", name);
	xmlw_attr(x, "table:style-name", "ta1");
	if (protect)
		xmlw_attr(x, "table:protected", "true");
	for (size_t i = 0; i < ncols; i++) {
		xmlw_start(x, "table:table-column");
		xmlw_attrf(x, "table:style-name", "co%d", widths_mm[i]);
		xmlw_attr(x, "table:default-cell-style-name", style_name[ODS_TEXT]);
		xmlw_end(x);
	}
}

void ods_table_end(ods *o)
{
	xmlw_end(&o->x);
}

void ods_header_rows_start(ods *o)
{
	xmlw_start(&o->x, "table:table-header-rows");
}

void ods_header_rows_end(ods *o)
{
	xmlw_end(&o->x);
}

void ods_row_start(ods *o)
{
	xmlw_start(&o->x, "table:table-row");
	xmlw_attr(&o->x, "table:style-name", "ro1");
}

void ods_row_end(ods *o)
{
	xmlw_end(&o->x);
}

static void paragraphs(xmlw *x, const char *text)
{
	const char *p = text;
	for (;;) {
		size_t n = strcspn(p, "\n");
		xmlw_start(x, "text:p");
		xmlw_text(x, p, n);
		xmlw_end(x);
		if (!p[n])
			break;
		p += n + 1;
	}
}

static void cell(ods *o, ods_style st, const char *text, int span)
{
	xmlw *x = &o->x;
	xmlw_start(x, "table:table-cell");
	xmlw_attr(x, "table:style-name", style_name[st]);
	if (span > 1)
		xmlw_attrf(x, "table:number-columns-spanned", "%d", span);
	if (text && *text) {
		xmlw_attr(x, "office:value-type", "string");
		paragraphs(x, text);
	}
	xmlw_end(x);
	if (span > 1) {
		xmlw_start(x, "table:covered-table-cell");
		if (span > 2)
			xmlw_attrf(x, "table:number-columns-repeated", "%d", span - 1);
		xmlw_end(x);
	}
}

void ods_cell(ods *o, ods_style st, const char *text)
{
	cell(o, st, text, 1);
}

void ods_cell_span(ods *o, ods_style st, const char *text, int ncols)
{
	cell(o, st, text, ncols);
}

void ods_cell_number(ods *o, ods_style st, const char *value, const char *shown)
{
	xmlw *x = &o->x;
	xmlw_start(x, "table:table-cell");
	xmlw_attr(x, "table:style-name", style_name[st]);
	xmlw_attr(x, "office:value-type", "float");
	xmlw_attr(x, "office:value", value);
	xmlw_elem(x, "text:p", shown ? shown : value);
	xmlw_end(x);
}

void ods_cell_input(ods *o, ods_style st, const char *validation)
{
	xmlw *x = &o->x;
	xmlw_start(x, "table:table-cell");
	xmlw_attr(x, "table:style-name", style_name[st]);
	xmlw_attr(x, "table:content-validation-name", validation);
	xmlw_end(x);
}

/* ---- the other parts ---------------------------------------------------- */

static int write_styles(const ods_spec *s, buf *out)
{
	xmlw xx, *x = &xx;
	xmlw_open(x, out);
	xmlw_start(x, "office:document-styles");
	odfxml_ns(x);
	font_faces(x);
	xmlw_start(x, "office:styles");
	xmlw_start(x, "style:default-style");
	xmlw_attr(x, "style:family", "table-cell");
	xmlw_start(x, "style:text-properties");
	doc_style st = house();
	xmlw_attr(x, "style:font-name", st.font_family);
	xmlw_attrf(x, "fo:font-size", "%dpt", (int)(st.font_size + 0.5));
	if (s->language && s->country) {
		xmlw_attr(x, "fo:language", s->language);
		xmlw_attr(x, "fo:country", s->country);
	}
	xmlw_end(x);
	xmlw_end(x);
	odfxml_style_open(x, "Default", "table-cell");
	xmlw_end(x);
	xmlw_end(x);
	xmlw_start(x, "office:automatic-styles");
	xmlw_start(x, "style:page-layout");
	xmlw_attr(x, "style:name", "pm1");
	/* A4 landscape, each sheet scaled to one page wide and as many pages
	 * tall as it needs. */
	xmlw_empty(x, "style:page-layout-properties", "fo:page-width", "29.7cm",
		   "fo:page-height", "21cm", "style:print-orientation", "landscape",
		   "fo:margin-top", "1.2cm", "fo:margin-bottom", "1.2cm", "fo:margin-left",
		   "1.5cm", "fo:margin-right", "1.5cm", "style:scale-to-X", "1",
		   "style:print-page-order", "ttb", "style:print",
		   "objects charts drawings zero-values", NULL);
	xmlw_start(x, "style:footer-style");
	xmlw_empty(x, "style:header-footer-properties", "fo:min-height", "0.4cm",
		   "fo:margin-top", "0.2cm", NULL);
	xmlw_end(x);
	xmlw_end(x);
	xmlw_end(x);
	xmlw_start(x, "office:master-styles");
	xmlw_start(x, "style:master-page");
	xmlw_attr(x, "style:name", "Default");
	xmlw_attr(x, "style:page-layout-name", "pm1");
	xmlw_start(x, "style:header");
	xmlw_attr(x, "style:display", "false");
	xmlw_end(x);
	xmlw_start(x, "style:footer");
	xmlw_start(x, "text:p");
	if (s->footer) {
		xmlw_puts(x, s->footer);
		xmlw_puts(x, " \xc2\xb7 ");
	}
	xmlw_start(x, "text:sheet-name");
	xmlw_puts(x, "???");
	xmlw_end(x);
	xmlw_puts(x, " \xc2\xb7 ");
	xmlw_start(x, "text:page-number");
	xmlw_puts(x, "1");
	return xmlw_close(x); /* which ends the open elements */
}

static int write_meta(const ods_spec *s, buf *out)
{
	xmlw x;
	char lang[16];
	if (s->language)
		snprintf(lang, sizeof lang, "%s%s%s", s->language, s->country ? "-" : "",
			 s->country ? s->country : "");
	const odfxml_meta m = {
		.title = s->title,
		.created = s->created,
		.language = s->language ? lang : NULL,
		.user_names = s->user_names,
		.user_values = s->user_values,
		.nuser = s->nuser,
	};
	return odfxml_meta_write(&x, out, &m);
}

static void config_int(xmlw *x, const char *name, const char *type, int v)
{
	char s[32];
	snprintf(s, sizeof s, "%d", v);
	odfxml_config_item(x, name, type, s);
}

/* The view as LibreOffice writes it: per sheet, a frozen split below the
 * header rows (VerticalSplitMode 2 = frozen), the bottom pane active. */
static int write_settings(const ods_spec *s, buf *out)
{
	xmlw xx, *x = &xx;
	xmlw_open(x, out);
	xmlw_start(x, "office:document-settings");
	odfxml_ns(x);
	xmlw_start(x, "office:settings");
	xmlw_start(x, "config:config-item-set");
	xmlw_attr(x, "config:name", "ooo:view-settings");
	xmlw_start(x, "config:config-item-map-indexed");
	xmlw_attr(x, "config:name", "Views");
	xmlw_start(x, "config:config-item-map-entry");
	odfxml_config_item(x, "ViewId", "string", "view1");
	xmlw_start(x, "config:config-item-map-named");
	xmlw_attr(x, "config:name", "Tables");
	for (size_t i = 0; i < s->nfreezes; i++) {
		const ods_freeze *f = &s->freezes[i];
		xmlw_start(x, "config:config-item-map-entry");
		xmlw_attr(x, "config:name", f->table);
		config_int(x, "CursorPositionX", "int", f->cursor_col);
		config_int(x, "CursorPositionY", "int", f->cursor_row);
		config_int(x, "HorizontalSplitMode", "short", 0);
		config_int(x, "VerticalSplitMode", "short", f->rows ? 2 : 0);
		config_int(x, "HorizontalSplitPosition", "int", 0);
		config_int(x, "VerticalSplitPosition", "int", f->rows);
		config_int(x, "ActiveSplitRange", "short", f->rows ? 2 : 0);
		config_int(x, "PositionLeft", "int", 0);
		config_int(x, "PositionRight", "int", 0);
		config_int(x, "PositionTop", "int", 0);
		config_int(x, "PositionBottom", "int", f->rows);
		xmlw_end(x);
	}
	xmlw_end(x);
	if (s->nfreezes)
		odfxml_config_item(x, "ActiveTable", "string", s->freezes[0].table);
	return xmlw_close(x); /* which ends the open elements */
}

static int write_manifest(buf *out)
{
	xmlw xx, *x = &xx;
	xmlw_open(x, out);
	odfxml_manifest_start(x, MEDIA_TYPE);
	xmlw_end(x);
	return xmlw_close(x);
}

sr_status ods_finish(ods *o, buf *out, diag *d)
{
	buf parts[ODF_NPARTS];
	sr_status st = SR_SYSTEM;
	for (int i = 1; i < ODF_NPARTS; i++)
		parts[i] = (buf)BUF_INIT;
	xmlw_end(&o->x); /* office:spreadsheet */
	xmlw_end(&o->x); /* office:body */
	xmlw_end(&o->x); /* office:document-content */
	int bad = xmlw_close(&o->x) < 0;
	parts[ODF_PART_CONTENT] = o->content;
	o->content = (buf)BUF_INIT;
	if (bad || write_styles(o->spec, &parts[ODF_PART_STYLES]) < 0 ||
	    write_meta(o->spec, &parts[ODF_PART_META]) < 0 ||
	    write_settings(o->spec, &parts[ODF_PART_SETTINGS]) < 0 ||
	    write_manifest(&parts[ODF_PART_MANIFEST]) < 0) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0,
			 "cannot write the spreadsheet: out of memory (or over the output size limit)");
		goto done;
	}
	odfzip_part zp[ODF_NPARTS];
	for (int i = 0; i < ODF_NPARTS; i++)
		zp[i] = (odfzip_part){odfxml_part_name[i], &parts[i], NULL};
	st = odfzip_build(MEDIA_TYPE, zp, ODF_NPARTS, o->spec->created, "the ODS package", out, d);
done:
	for (int i = 0; i < ODF_NPARTS; i++)
		buf_free(&parts[i]);
	return st;
}
