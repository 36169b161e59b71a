/* odt.c: the ODT backend -- a document tree becomes an OpenDocument text
 * package (ODF 1.3, strict: no loext or other foreign markup).
 *
 * Owns: the XML parts it writes (heap bufs, freed before returning) and the
 * in-memory zip.  Touches no file, prints nothing, knows no plan.
 *
 * Design: every visible property lives in a NAMED style in styles.xml
 * (Title, Heading_20_1, Note, one paragraph style per doc fill...), so a
 * person restyles the report in a word processor by editing one style.
 * content.xml only carries small automatic styles for what cannot be named
 * once: table column widths, cell borders and fills, and paragraph variants
 * (alignment, page break before, keep with next, space after a list) that
 * inherit from the named styles.
 *
 * Deliberate choices: a PAGE_BREAK becomes fo:break-before on the next
 * heading, paragraph or table (an empty paragraph only when nothing can
 * carry it), so no blank line opens the new page; a heading with in_toc = 0
 * is a text:p in a style derived from Heading, so neither the Navigator nor
 * an updated contents list shows it; a DOC_CHART becomes a frame holding an
 * embedded chart object "Object N/" written by odtchart.c (issue 6); a
 * contents entry's page number is a page reference to its heading's
 * bookmark, which the reader computes as it paginates (no backend here
 * knows a page); each table rule is one cell's border, so none is drawn
 * twice.
 *
 * The zip is deterministic: fixed entry order, every entry's DOS time from
 * dc->created (converted in UTC by us, not by libzip's localtime), mimetype
 * first, stored, without extra field -- so two renders of one document are
 * byte-identical and the package passes validate-odt. */
#include "odt.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "input/image.h"
#include "odfxml.h"
#include "odfzip.h"
#include "odtchart.h" /* issue 6 */
#include "base/xalloc.h"
#include "xml/xmlw.h"

#define MEDIA_TYPE "application/vnd.oasis.opendocument.text"

/* Paragraph roles: each is one named paragraph style.  Fill styles follow
 * as R_FILL + fill index. */
enum {
	R_BODY, R_TITLE, R_SUBTITLE, R_NOTE, R_CAPTION, R_LEAD,
	R_H1, R_H2, R_H3, R_TH, R_TD, R_LIST, R_TNOTE,
	R_FILL
};
enum { NROLES = R_FILL + DOC_MAX_FILLS };

static const char *const role_name[R_FILL] = {
	"Text_20_body", "Title", "Subtitle", "Note", "Caption", "Lead",
	"Heading_20_1", "Heading_20_2", "Heading_20_3",
	"Table_20_Heading", "Table_20_Contents", "List_20_Paragraph", "Table_20_Note",
};

/* A paragraph variant: align (0 left, 1 right, 2 center) + 3 * page break
 * before + 6 * keep with next + 12 * not in the outline (a heading left out
 * of the contents) + 24 * last paragraph of a list (body spacing below, so
 * the text after the list does not stick to it) + 48 * a cell's paragraph
 * after another (the gap between them above it: the first keeps to the
 * cell's padding, as in the PDF) + 96 * the last paragraph of the leading
 * title block (the rule under the block as its bottom border) + 192 *
 * bold (a header cell in a fill of its own: the fill's style, in bold, as
 * the PDF sets it) + 384 * a note in a filled cell (the fill's style at
 * the table's note size) + 768 * the cover's first paragraph (the space
 * above the cover's text).  Variant 0 is the named style itself. */
enum { NVARIANTS = 1536, V_BREAK = 3, V_KEEP = 6, V_UNLISTED = 12, V_LISTEND = 24,
       V_CELLGAP = 48, V_TITLEEND = 96, V_BOLD = 192, V_NOTE = 384, V_COVER = 768 };

/* The rules a table cell draws besides its bottom one, so that each line
 * between two rows or columns is drawn once: LibreOffice draws the bottom
 * of one row and the top of the next both, side by side. */
enum { RULE_TOP = 1,     /* the table's first row, or a header row after a body row */
       RULE_NOBOTTOM = 2, /* a body row before a header row: the header's top is the line */
       RULE_LEFT = 4,     /* with a grid: the first column */
       RULE_DENSE = 8,    /* not a rule: a dense table's body cell, less padding */
       CELL_RULES = 16 };
/* room for the longest cell style name: "Zebra", or "Head" and a fill's
 * number (a long's 20 digits), "_TNLD" and the NUL */
enum { CELL_NAME_MAX = 32 };

typedef struct odt {
	const doc *doc;
	xmlw x;
	/* design, with defaults filled in */
	double text_w; /* the text area's width, from the style */
	char language[4], country[4];
	char fill_style[DOC_MAX_FILLS][48]; /* NCName-safe names of the fills */
	unsigned char used[NROLES][NVARIANTS];
	/* cell styles the body uses: by fill (DOC_MAX_FILLS: the zebra
	 * shade), header row, and which rules the cell owns (cell_rules) */
	unsigned char used_cell[DOC_MAX_FILLS + 1][2][CELL_RULES];
	/* the title block's logo, when the template has one */
	buf logo;
	image_info logo_info;
	/* issue 6: the charts met in the body, in order: "Object N/" is
	 * charts[N-1] (heap array) */
	const doc_node **charts;
	size_t ncharts, capcharts;
	/* a table's column widths and the scratch doc_column_widths needs:
	 * 2 * capcolw doubles (heap) */
	double *colw;
	size_t capcolw;
	/* state of the body walk */
	int ws;        /* the last character written was white space (or none yet) */
	int table_no, row_idx, in_header_rows, bookmark_no, toc_no;
	/* content.xml, deflated as the body is written (odfzip.h) */
	odfzip_deflated content;
} odt;

/* ---- small formatting helpers ---------------------------------------- */

/* A length in points as centimetres, "12.345cm".  Integer arithmetic: the
 * CLI may have set a locale whose decimal comma would make invalid ODF. */
static const char *cm(char *s, size_t n, double pt)
{
	double v = pt * 2.54 / 72.0 * 1000.0;
	long m = (long)(v < 0 ? v - 0.5 : v + 0.5);
	const char *sign = m < 0 ? "-" : "";
	if (m < 0)
		m = -m;
	snprintf(s, n, "%s%ld.%03ldcm", sign, m / 1000, m % 1000);
	return s;
}

/* Points, "10.5pt" (one decimal, locale-free as above). */
static const char *pt(char *s, size_t n, double p)
{
	long m = (long)(p * 10.0 + 0.5);
	snprintf(s, n, "%ld.%ldpt", m / 10, m % 10);
	return s;
}

static void attr_cm(odt *o, const char *name, double points)
{
	char s[32];
	xmlw_attr(&o->x, name, cm(s, sizeof s, points));
}

static void attr_pt(odt *o, const char *name, double points)
{
	char s[32];
	xmlw_attr(&o->x, name, pt(s, sizeof s, points));
}

static void attr_rgb(odt *o, const char *name, uint32_t rgb)
{
	xmlw_attrf(&o->x, name, "#%06x", (unsigned)(rgb & 0xFFFFFF));
}

static void attr_int(odt *o, const char *name, long v)
{
	xmlw_attrf(&o->x, name, "%ld", v);
}

/* ---- setup ------------------------------------------------------------- */

/* "nb-NO" -> nb, NO; "en" -> en, GB; anything odd -> no language. */
static void parse_lang(odt *o, const char *tag)
{
	o->language[0] = o->country[0] = '\0';
	if (!tag)
		return;
	size_t n = 0;
	while ((tag[n] >= 'a' && tag[n] <= 'z') || (tag[n] >= 'A' && tag[n] <= 'Z'))
		n++;
	if (n < 2 || n > 3 || (tag[n] != '\0' && tag[n] != '-' && tag[n] != '_'))
		return;
	for (size_t i = 0; i < n; i++)
		o->language[i] = (char)(tag[i] | 0x20);
	o->language[n] = '\0';
	/* The region is the first two-letter subtag after the language. */
	const char *p = tag + n;
	while (*p == '-' || *p == '_') {
		p++;
		size_t k = 0;
		while (p[k] && p[k] != '-' && p[k] != '_')
			k++;
		if (k == 2 && ((p[0] | 0x20) >= 'a' && (p[0] | 0x20) <= 'z') &&
		    ((p[1] | 0x20) >= 'a' && (p[1] | 0x20) <= 'z')) {
			o->country[0] = (char)(p[0] & ~0x20);
			o->country[1] = (char)(p[1] & ~0x20);
			o->country[2] = '\0';
			break;
		}
		p += k;
	}
	/* Plain "en": British spelling suits a Norwegian public body best. */
	if (!o->country[0] && strcmp(o->language, "en") == 0)
		strcpy(o->country, "GB");
}

/* Style names are NCNames; fill names are promised to be [a-z0-9-], but a
 * leading digit or hyphen would still be invalid, so fall back to Fill_N. */
static void name_fills(odt *o)
{
	const doc *dc = o->doc;
	for (int i = 1; i < dc->nfills && i < DOC_MAX_FILLS; i++) {
		const char *n = dc->fills[i].name;
		int okname = n && ((n[0] >= 'a' && n[0] <= 'z') || (n[0] >= 'A' && n[0] <= 'Z')) &&
			     strlen(n) < sizeof o->fill_style[i];
		for (const char *p = n; okname && *p; p++)
			okname = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
				 (*p >= '0' && *p <= '9') || *p == '-' || *p == '_';
		if (okname)
			snprintf(o->fill_style[i], sizeof o->fill_style[i], "%s", n);
		else
			snprintf(o->fill_style[i], sizeof o->fill_style[i], "Fill_%d", i);
	}
}

static void odt_init(odt *o, const doc *dc)
{
	memset(o, 0, sizeof *o);
	o->doc = dc;
	o->text_w = doc_style_text_width(&dc->style);
	parse_lang(o, dc->lang);
	name_fills(o);
}

/* ---- paragraph styles ---------------------------------------------------- */

static int align_index(doc_align a)
{
	return a == DOC_RIGHT ? 1 : a == DOC_CENTER ? 2 : 0;
}

/* Does paragraph n open a cover (without a logo above it, which opens the
 * cover then)?  It starts the cover's master page, without header and
 * footer, and the cover's space down the page is above it. */
static int opens_cover(const odt *o, const doc_node *n)
{
	return o->doc->cover && !o->logo.len && n == o->doc->root->first;
}

/* The role and variant of a HEADING or PARAGRAPH, from its place in the
 * tree: header rows, filled cells and list items have their own styles. */
static int para_style(const odt *o, const doc_node *n, int *variant)
{
	int v = doc_breaks_before(n) ? V_BREAK : 0;
	if (n->type == DOC_HEADING) {
		*variant = v + (n->u.heading.in_toc ? 0 : V_UNLISTED);
		return R_H1 + doc_heading_rank(n) - 1;
	}
	int role;
	switch (n->u.para.style) {
	case DOC_P_TITLE: role = R_TITLE; break;
	case DOC_P_SUBTITLE: role = R_SUBTITLE; break;
	case DOC_P_NOTE: role = R_NOTE; break;
	case DOC_P_CAPTION: role = R_CAPTION; break;
	case DOC_P_LEAD: role = R_LEAD; break;
	default: role = R_BODY; break;
	}
	int role_is_note = role == R_NOTE;
	doc_place pl = doc_place_of(o->doc, n);
	if (pl.header && pl.fill && pl.fill != o->doc->style.header_fill)
		role = R_FILL + pl.fill, v += V_BOLD;
	else if (pl.header)
		role = R_TH;
	else if (pl.fill)
		role = R_FILL + pl.fill, v += role_is_note ? V_NOTE : 0;
	else if (pl.in_cell && role == R_BODY)
		role = R_TD;
	else if (pl.in_cell && role == R_NOTE)
		role = R_TNOTE;
	if (pl.in_cell && n->parent->type == DOC_CELL && n->prev)
		v += V_CELLGAP;
	if (pl.in_item && role == R_BODY)
		role = R_LIST;
	if (pl.in_item && doc_ends_list(n))
		v += V_LISTEND;
	v += align_index(pl.align);
	if (n->u.para.keep_with_next)
		v += V_KEEP;
	if (doc_ends_title_block(n))
		v += V_TITLEEND;
	if (opens_cover(o, n))
		v += V_COVER;
	*variant = v;
	return role;
}

static void style_name(const odt *o, int role, int variant, char *s, size_t n)
{
	if (variant)
		snprintf(s, n, "P%d_%d", role, variant);
	else if (role >= R_FILL)
		snprintf(s, n, "%s", o->fill_style[role - R_FILL]);
	else
		snprintf(s, n, "%s", role_name[role]);
}

/* The style of CELL cell in its table's row (0-based): its fill (-1: the
 * zebra shade) in *f, whether its row is a header row in *header, and the
 * rules it draws besides its bottom one (RULE_*). */
static int cell_rules(const odt *o, const doc_node *cell, int row, int *f, int *header)
{
	const doc_node *r = cell->parent, *t = r->parent;
	*header = doc_row_is_header(r);
	*f = doc_cell_fill(o->doc, cell, *header);
	int k = row - t->u.table.header_rows; /* body row */
	if (!*header && !*f && o->doc->style.table.zebra && k >= 0 && k % 2 == 1)
		*f = -1;
	int rules = 0;
	if (!r->prev || (*header && !doc_row_is_header(r->prev)))
		rules |= RULE_TOP;
	if (!*header && r->next && doc_row_is_header(r->next))
		rules |= RULE_NOBOTTOM;
	if (o->doc->style.table.grid && !cell->prev)
		rules |= RULE_LEFT;
	if (!*header && t->u.table.info->dense)
		rules |= RULE_DENSE;
	return rules;
}

/* A cell style's name: Cell<fill>, Head<fill> or Zebra, and after "_"
 * the rules it owns besides its bottom one (T top, N no bottom, L left;
 * D: a dense table's padding).  Put together by hand, not by snprintf:
 * every cell of the body asks for its name, and a long report has
 * hundreds of thousands of cells. */
static void cell_style_name(int f, int header, int rules, char s[CELL_NAME_MAX])
{
	char *o = s;
	const char *kind = f < 0 ? "Zebra" : header ? "Head" : "Cell";
	size_t k = strlen(kind);
	memcpy(o, kind, k), o += k;
	if (f >= 0) {
		char d[24];
		xmlw_ltoa(d, f);
		k = strlen(d);
		memcpy(o, d, k), o += k;
	}
	if (rules) {
		*o++ = '_';
		if (rules & RULE_TOP)
			*o++ = 'T';
		if (rules & RULE_NOBOTTOM)
			*o++ = 'N';
		if (rules & RULE_LEFT)
			*o++ = 'L';
		if (rules & RULE_DENSE)
			*o++ = 'D';
	}
	*o = '\0';
}

/* Which paragraph variants the body will use: their automatic styles must
 * be written before the body. */
static void collect_styles(odt *o)
{
	doc_iter it;
	const doc_node *n;
	doc_event ev;
	int row = 0;
	doc_iter_init(&it, o->doc->root);
	while ((ev = doc_iter_next(&it, &n)) != DOC_EV_DONE) {
		if (ev != DOC_EV_ENTER)
			continue;
		if (n->type == DOC_TABLE)
			row = 0;
		else if (n->type == DOC_ROW)
			row++;
		else if (n->type == DOC_CELL) {
			int f, header, rules = cell_rules(o, n, row - 1, &f, &header);
			o->used_cell[f < 0 ? DOC_MAX_FILLS : f][header][rules] = 1;
		}
		int v = 0, role = -1;
		if (n->type == DOC_HEADING || n->type == DOC_PARAGRAPH)
			role = para_style(o, n, &v);
		else if (n->type == DOC_PAGE_BREAK && !doc_break_is_carried(n))
			role = R_BODY, v = V_BREAK;
		if (role >= 0)
			o->used[role][v] = 1;
		if (doc_is_inline(n->type) && n->type != DOC_TEXT)
			doc_iter_skip_children(&it);
	}
}

/* ---- XML building blocks ------------------------------------------------- */

static void office_ns(odt *o) { odfxml_ns(&o->x); }

static void font_faces(odt *o)
{
	xmlw *x = &o->x;
	xmlw_start(x, "office:font-face-decls");
	xmlw_start(x, "style:font-face");
	xmlw_attr(x, "style:name", o->doc->style.font_family);
	/* svg:font-family is a CSS family list: quote the name. */
	buf q = BUF_INIT;
	buf_printf(&q, "'%s'", o->doc->style.font_family);
	const char *qs = buf_cstr(&q);
	if (!qs)
		x->failed = 1;
	xmlw_attr(x, "svg:font-family", qs);
	buf_free(&q);
	xmlw_attr(x, "style:font-family-generic", "swiss");
	xmlw_attr(x, "style:font-pitch", "variable");
	xmlw_end(x);
	xmlw_end(x);
}

/* <style:style name family [display] [parent] [next] [class]> left open. */
static void style_open(odt *o, const char *name, const char *display, const char *family,
		       const char *parent, const char *next, const char *cls)
{
	xmlw *x = &o->x;
	xmlw_start(x, "style:style");
	xmlw_attr(x, "style:name", name);
	xmlw_attr(x, "style:display-name", display);
	xmlw_attr(x, "style:family", family);
	xmlw_attr(x, "style:parent-style-name", parent);
	xmlw_attr(x, "style:next-style-name", next);
	xmlw_attr(x, "style:class", cls);
}

/* Paragraph-properties spacing in points; negative leaves it out. */
static void para_props(odt *o, double above, double below, int keep_next)
{
	xmlw *x = &o->x;
	xmlw_start(x, "style:paragraph-properties");
	if (above >= 0)
		attr_cm(o, "fo:margin-top", above);
	if (below >= 0)
		attr_cm(o, "fo:margin-bottom", below);
	if (keep_next)
		xmlw_attr(x, "fo:keep-with-next", "always");
	xmlw_end(x);
}

/* Text-properties; size <= 0, rgb > 0xFFFFFF and NULL leave things out. */
static void text_props(odt *o, double size, uint32_t rgb, const char *weight,
		       const char *fstyle)
{
	xmlw *x = &o->x;
	xmlw_start(x, "style:text-properties");
	if (rgb <= 0xFFFFFF)
		attr_rgb(o, "fo:color", rgb);
	if (size > 0)
		attr_pt(o, "fo:font-size", size);
	xmlw_attr(x, "fo:font-weight", weight);
	xmlw_attr(x, "fo:font-style", fstyle);
	xmlw_end(x);
}

#define NO_RGB 0x1000000u

/* A label's text: its colour and weight, never hyphenated. */
static void label_text_props(odt *o, uint32_t rgb, const char *weight)
{
	xmlw *x = &o->x;
	xmlw_start(x, "style:text-properties");
	attr_rgb(o, "fo:color", rgb);
	xmlw_attr(x, "fo:font-weight", weight);
	xmlw_attr(x, "fo:hyphenate", "false");
	xmlw_end(x);
}

static void para_style_def(odt *o, const char *name, const char *display,
			   const char *parent, const char *next, const char *cls,
			   double above, double below, int keep, double size,
			   uint32_t rgb, const char *weight)
{
	style_open(o, name, display, "paragraph", parent, next, cls);
	para_props(o, above, below, keep);
	text_props(o, size, rgb, weight, NULL);
	xmlw_end(&o->x);
}

static void text_style_def(odt *o, const char *name, const char *display,
			   uint32_t rgb, const char *weight, const char *fstyle,
			   int underline)
{
	xmlw *x = &o->x;
	style_open(o, name, display, "text", NULL, NULL, NULL);
	xmlw_start(x, "style:text-properties");
	if (rgb <= 0xFFFFFF)
		attr_rgb(o, "fo:color", rgb);
	xmlw_attr(x, "fo:font-weight", weight);
	xmlw_attr(x, "fo:font-style", fstyle);
	if (underline) {
		xmlw_attr(x, "style:text-underline-style", "solid");
		xmlw_attr(x, "style:text-underline-width", "auto");
		xmlw_attr(x, "style:text-underline-color", "font-color");
	}
	xmlw_end(x);
	xmlw_end(x);
}

/* A role's spacing, leading (exact, as the PDF sets lines) and keeping,
 * as attributes of an open style:paragraph-properties. */
static void role_para_attrs(odt *o, const doc_role *r)
{
	attr_cm(o, "fo:margin-top", r->before);
	attr_cm(o, "fo:margin-bottom", r->after);
	attr_pt(o, "fo:line-height", r->size * r->leading);
	xmlw_attr(&o->x, "fo:keep-with-next", r->keep_with_next ? "always" : "auto");
	attr_int(o, "fo:orphans", o->doc->style.min_lines);
	attr_int(o, "fo:widows", o->doc->style.min_lines);
}

/* A role's size, weight, colour and hyphenation as style:text-properties. */
static void role_text_props(odt *o, const doc_role *r)
{
	xmlw *x = &o->x;
	xmlw_start(x, "style:text-properties");
	attr_rgb(o, "fo:color", r->rgb);
	attr_pt(o, "fo:font-size", r->size);
	xmlw_attr(x, "fo:font-weight", r->bold ? "bold" : "normal");
	xmlw_attr(x, "fo:hyphenate", r->hyphenate ? "true" : "false");
	xmlw_end(x);
}

/* A named paragraph style that is one role of the house style. */
static void role_style(odt *o, const char *name, const char *display, const char *parent,
		       const char *next, const char *cls, const doc_role *r)
{
	style_open(o, name, display, "paragraph", parent, next, cls);
	xmlw_start(&o->x, "style:paragraph-properties");
	role_para_attrs(o, r);
	xmlw_end(&o->x);
	role_text_props(o, r);
	xmlw_end(&o->x);
}

/* One level's indent in a list style, and the label geometry. */
static void list_level_props(odt *o, int level)
{
	xmlw *x = &o->x;
	const doc_list_style *ls = &o->doc->style.list;
	double step = ls->indent;
	/* as the PDF sets it: the label's right edge label_gap before the
	 * text, which starts one indent further per level */
	xmlw_start(x, "style:list-level-properties");
	xmlw_attr(x, "text:list-level-position-and-space-mode", "label-alignment");
	xmlw_attr(x, "fo:text-align", "end");
	xmlw_start(x, "style:list-level-label-alignment");
	xmlw_attr(x, "text:label-followed-by", "listtab");
	attr_cm(o, "text:list-tab-stop-position", step * level);
	attr_cm(o, "fo:text-indent", -ls->label_gap);
	attr_cm(o, "fo:margin-left", step * level);
	xmlw_end(x);
	xmlw_end(x);
}

/* The bullet list's style, or with numbered the numbered list's: ten
 * levels, the house's bullets or a number format cycling 1. a) i. */
static void list_style(odt *o, const char *name, const char *display, int numbered)
{
	xmlw *x = &o->x;
	static const char *const formats[] = {"1", "a", "i"};
	static const char *const suffix[] = {".", ")", "."};

	xmlw_start(x, "text:list-style");
	xmlw_attrs(x, "style:name", name, "style:display-name", display, NULL);
	for (int l = 1; l <= 10; l++) {
		xmlw_start(x, numbered ? "text:list-level-style-number" : "text:list-level-style-bullet");
		attr_int(o, "text:level", l);
		if (numbered)
			xmlw_attrs(x, "style:num-suffix", suffix[(l - 1) % 3], "style:num-format",
				   formats[(l - 1) % 3], NULL);
		else
			xmlw_attr(x, "text:bullet-char", doc_style_bullet(&o->doc->style, l));
		list_level_props(o, l);
		xmlw_end(x);
	}
	xmlw_end(x);
}

static void list_styles(odt *o)
{
	list_style(o, "List_20_Bullet", "List Bullet", 0);
	list_style(o, "List_20_Number", "List Number", 1);
}

/* Headings are not numbered, but the outline style must exist for the
 * Navigator and for text:h levels to mean anything to LibreOffice. */
static void outline_style(odt *o)
{
	xmlw *x = &o->x;
	xmlw_start(x, "text:outline-style");
	xmlw_attr(x, "style:name", "Outline");
	for (int l = 1; l <= 10; l++) {
		xmlw_start(x, "text:outline-level-style");
		attr_int(o, "text:level", l);
		xmlw_attr(x, "style:num-format", "");
		xmlw_end(x);
	}
	xmlw_end(x);
}

/* The contents entries: indented per level, page number at the right
 * margin after a dotted leader. */
static void contents_style(odt *o, int level)
{
	xmlw *x = &o->x;
	char name[32], display[32];
	snprintf(name, sizeof name, "Contents_20_%d", level);
	snprintf(display, sizeof display, "Contents %d", level);
	const doc_toc_style *ts = &o->doc->style.toc;
	/* a hanging indent: an entry's second line starts under its text */
	double hang = ts->hang[level - 1 < DOC_HEADINGS ? level - 1 : DOC_HEADINGS - 1];
	double indent = (level - 1) * ts->indent + hang;
	style_open(o, name, display, "paragraph", "Index", NULL, "index");
	xmlw_start(x, "style:paragraph-properties");
	attr_cm(o, "fo:margin-left", indent);
	attr_cm(o, "fo:text-indent", -hang);
	attr_cm(o, "fo:margin-top", level == 1 ? ts->before_1 : ts->before);
	attr_cm(o, "fo:margin-bottom", 0);
	attr_pt(o, "fo:line-height", o->doc->style.font_size * ts->leading);
	xmlw_start(x, "style:tab-stops");
	xmlw_start(x, "style:tab-stop");
	attr_cm(o, "style:position", o->text_w - indent);
	xmlw_attr(x, "style:type", "right");
	xmlw_attr(x, "style:leader-style", "dotted");
	xmlw_attr(x, "style:leader-text", ".");
	xmlw_end(x);
	xmlw_end(x);
	xmlw_end(x);
	text_props(o, 0, NO_RGB, level == 1 ? "bold" : NULL, NULL);
	xmlw_end(x);
}

/* The running header's (footer's) paragraph: muted, small, its rule
 * below (above) it as a border.  As in the PDF, the header's text stands
 * at the left; the footer has the date at the left and the page number at
 * a right tab stop on the right margin. */
static void header_footer_style(odt *o, const char *name, int top_rule)
{
	xmlw *x = &o->x;
	const doc_style *s = &o->doc->style;
	char b[64], w[32];
	style_open(o, name, NULL, "paragraph", "Standard", NULL, "extra");
	xmlw_start(x, "style:paragraph-properties");
	snprintf(b, sizeof b, "%s solid #%06x", pt(w, sizeof w, s->furniture_rule_w),
		 (unsigned)(s->rule_rgb & 0xFFFFFF));
	xmlw_attr(x, top_rule ? "fo:border-top" : "fo:border-bottom", b);
	xmlw_attr(x, top_rule ? "fo:padding-top" : "fo:padding-bottom", cm(w, sizeof w, 3));
	xmlw_attr(x, "fo:text-align", "start");
	if (top_rule) {
		xmlw_start(x, "style:tab-stops");
		xmlw_start(x, "style:tab-stop");
		attr_cm(o, "style:position", o->text_w);
		xmlw_attr(x, "style:type", "right");
		xmlw_end(x);
		xmlw_end(x);
	}
	xmlw_end(x);
	text_props(o, s->furniture_size, s->muted_rgb, NULL, NULL);
	xmlw_end(x);
}

static void named_styles(odt *o)
{
	xmlw *x = &o->x;
	const doc *dc = o->doc;
	const doc_style *s = &dc->style;
	double fs = o->doc->style.font_size;

	xmlw_start(x, "office:styles");

	/* Defaults: font, size, colour, language; hyphenation is switched on
	 * only where running text is (Text body and below). */
	xmlw_start(x, "style:default-style");
	xmlw_attr(x, "style:family", "paragraph");
	xmlw_start(x, "style:paragraph-properties");
	xmlw_attr(x, "fo:hyphenation-ladder-count", "no-limit");
	/* as the PDF: a page's last line ends in no hyphen (LibreOffice
	 * honours it from 24.2) */
	xmlw_attr(x, "fo:hyphenation-keep", "page");
	xmlw_attr(x, "style:writing-mode", "page");
	xmlw_end(x);
	xmlw_start(x, "style:text-properties");
	xmlw_attr(x, "style:font-name", o->doc->style.font_family);
	attr_pt(o, "fo:font-size", fs);
	attr_rgb(o, "fo:color", s->text_rgb);
	if (o->language[0]) {
		xmlw_attr(x, "fo:language", o->language);
		if (o->country[0])
			xmlw_attr(x, "fo:country", o->country);
	}
	xmlw_attr(x, "fo:hyphenate", "false");
	/* as the PDF: at least three letters on either side of a break */
	xmlw_attr(x, "fo:hyphenation-remain-char-count", "3");
	xmlw_attr(x, "fo:hyphenation-push-char-count", "3");
	xmlw_end(x);
	xmlw_end(x);

	xmlw_start(x, "style:default-style");
	xmlw_attr(x, "style:family", "table");
	xmlw_end(x);

	style_open(o, "Standard", NULL, "paragraph", NULL, NULL, "text");
	xmlw_end(x);

	role_style(o, "Text_20_body", "Text body", "Standard", NULL, "text", &s->para[DOC_P_BODY]);
	role_style(o, "Title", NULL, "Standard", "Subtitle", "chapter", &s->para[DOC_P_TITLE]);
	role_style(o, "Subtitle", NULL, "Standard", "Text_20_body", "chapter",
		   &s->para[DOC_P_SUBTITLE]);

	style_open(o, "Heading", NULL, "paragraph", "Standard", "Text_20_body", "text");
	text_props(o, 0, s->heading_rgb, "bold", NULL);
	xmlw_end(x);
	for (int l = 1; l <= DOC_HEADINGS; l++) {
		char name[32], display[32];
		snprintf(name, sizeof name, "Heading_20_%d", l);
		snprintf(display, sizeof display, "Heading %d", l);
		style_open(o, name, display, "paragraph", "Heading", "Text_20_body", "text");
		attr_int(o, "style:default-outline-level", l);
		xmlw_start(x, "style:paragraph-properties");
		role_para_attrs(o, doc_style_heading(s, l));
		xmlw_end(x);
		role_text_props(o, doc_style_heading(s, l));
		xmlw_end(x);
	}

	role_style(o, "Lead", NULL, "Text_20_body", NULL, "text", &s->para[DOC_P_LEAD]);
	/* the paragraph holding the logo, and the space below it */
	para_style_def(o, "Logo", NULL, "Standard", NULL, "extra", 0, s->logo_after, 1, 0, NO_RGB,
		       NULL);
	/* the paragraph holding a chart: the chart's space above and below */
	para_style_def(o, "Chart", NULL, "Standard", NULL, "extra", s->chart.space, s->chart.space,
		       0, 0, NO_RGB, NULL);
	role_style(o, "Note", NULL, "Text_20_body", NULL, "text", &s->para[DOC_P_NOTE]);
	role_style(o, "Caption", NULL, "Standard", NULL, "extra", &s->para[DOC_P_CAPTION]);
	/* a list item: the body's, with the list's spacing */
	doc_role item = s->para[DOC_P_BODY];
	item.before = s->list.item_before, item.after = 0;
	role_style(o, "List_20_Paragraph", "List Paragraph", "Text_20_body", NULL, "list", &item);

	/* a cell's paragraph: the body's, at the table's size and leading;
	 * the gap between two paragraphs of a cell is a variant's (V_CELLGAP) */
	const doc_table_style *ts = &s->table;
	doc_role cell = s->para[DOC_P_BODY];
	cell.size = ts->size, cell.leading = ts->leading, cell.before = 0, cell.after = 0;
	role_style(o, "Table_20_Contents", "Table Contents", "Standard", NULL, "extra", &cell);
	doc_role note = cell;
	note.size = ts->note_size, note.rgb = s->para[DOC_P_NOTE].rgb;
	note.bold = s->para[DOC_P_NOTE].bold, note.hyphenate = s->para[DOC_P_NOTE].hyphenate;
	role_style(o, "Table_20_Note", "Table Note", "Table_20_Contents", NULL, "extra", &note);
	int hf = doc_fill_valid(o->doc, s->header_fill) ? s->header_fill : 0;
	/* the heads and the filled cells below are labels
	 * (doc_cell_is_label): never hyphenated */
	style_open(o, "Table_20_Heading", "Table Heading", "paragraph", "Table_20_Contents", NULL,
		   "extra");
	label_text_props(o, hf ? dc->fills[hf].text_rgb : ts->header_text_rgb, "bold");
	xmlw_end(x);

	/* One paragraph style per fill, named after it, shown by its label:
	 * change a status colour once for the whole report. */
	for (int i = 1; i < dc->nfills && i < DOC_MAX_FILLS; i++) {
		style_open(o, o->fill_style[i], dc->fills[i].label, "paragraph",
			   "Table_20_Contents", NULL, "extra");
		xmlw_start(x, "style:paragraph-properties");
		attr_rgb(o, "fo:background-color", dc->fills[i].rgb);
		xmlw_end(x);
		label_text_props(o, dc->fills[i].text_rgb, NULL);
		xmlw_end(x);
	}

	header_footer_style(o, "Header", 0);
	header_footer_style(o, "Footer", 1);

	style_open(o, "Index", NULL, "paragraph", "Standard", NULL, "index");
	xmlw_end(x);
	role_style(o, "Contents_20_Heading", "Contents Heading", "Heading", NULL, "index",
		   doc_style_heading(s, 1));
	for (int l = 1; l <= 3; l++)
		contents_style(o, l);

	text_style_def(o, "Emphasis", NULL, NO_RGB, NULL, "italic", 0);
	text_style_def(o, "Strong_20_Emphasis", "Strong Emphasis", NO_RGB, "bold", NULL, 0);
	text_style_def(o, "Internet_20_link", "Internet link", s->link_rgb, NULL, NULL, 1);
	text_style_def(o, "Visited_20_Internet_20_Link", "Visited Internet Link",
		       s->link_rgb, NULL, NULL, 1);
	text_style_def(o, "Index_20_Link", "Index Link", NO_RGB, NULL, NULL, 0);

	/* Named cell styles, one per fill, for tools that show cell styles;
	 * the automatic cell styles in content.xml inherit from them. */
	for (int i = 1; i < dc->nfills && i < DOC_MAX_FILLS; i++) {
		style_open(o, o->fill_style[i], dc->fills[i].label, "table-cell", NULL, NULL, NULL);
		xmlw_start(x, "style:table-cell-properties");
		attr_rgb(o, "fo:background-color", dc->fills[i].rgb);
		xmlw_end(x);
		xmlw_end(x);
	}

	outline_style(o);
	list_styles(o);
	xmlw_end(x); /* office:styles */
}

/* The header's (footer's) line, its padding and rule, and the gap to the
 * body. */
static double furniture_space(const odt *o, double gap)
{
	return o->doc->style.furniture_size * 1.2 + 3 + gap;
}

/* A header's or footer's style: as tall as its content, then a fixed gap
 * on the side that faces the body (gap_attr) -- the gap page_layout has
 * already taken out of the page margin. */
static void furniture_style(odt *o, const char *elem, const char *gap_attr, double gap)
{
	xmlw *x = &o->x;
	xmlw_start(x, elem);
	xmlw_start(x, "style:header-footer-properties");
	attr_cm(o, "fo:min-height", 0);
	attr_cm(o, gap_attr, gap);
	xmlw_attr(x, "style:dynamic-spacing", "false");
	xmlw_end(x);
	xmlw_end(x);
}

static void page_layout(odt *o)
{
	xmlw *x = &o->x;
	const doc *dc = o->doc;
	int has_header = dc->header_text && *dc->header_text;
	const doc_style *s = &dc->style;
	double mt = o->doc->style.margin_top, mb = o->doc->style.margin_bottom - furniture_space(o, s->footer_gap);
	if (has_header)
		mt -= furniture_space(o, s->header_gap);
	/* ODF puts header and footer inside the page margins; PDF measures the
	 * margins to the body.  Keep the body where the PDF has it. */
	if (mt < 14)
		mt = 14;
	if (mb < 14)
		mb = 14;

	xmlw_start(x, "office:automatic-styles");
	xmlw_start(x, "style:page-layout");
	xmlw_attr(x, "style:name", "pm1");
	xmlw_start(x, "style:page-layout-properties");
	attr_cm(o, "fo:page-width", o->doc->style.page_w);
	attr_cm(o, "fo:page-height", o->doc->style.page_h);
	xmlw_attr(x, "style:print-orientation", o->doc->style.page_h >= o->doc->style.page_w ? "portrait" : "landscape");
	attr_cm(o, "fo:margin-top", mt);
	attr_cm(o, "fo:margin-bottom", mb);
	attr_cm(o, "fo:margin-left", o->doc->style.margin_left);
	attr_cm(o, "fo:margin-right", o->doc->style.margin_right);
	xmlw_attr(x, "style:writing-mode", "lr-tb");
	xmlw_end(x);
	if (has_header)
		furniture_style(o, "style:header-style", "fo:margin-bottom", s->header_gap);
	furniture_style(o, "style:footer-style", "fo:margin-top", s->footer_gap);
	xmlw_end(x); /* page-layout */
	if (dc->cover) {
		/* the cover's page: no header or footer, so the margins are the
		 * body's own */
		xmlw_start(x, "style:page-layout");
		xmlw_attr(x, "style:name", "pm2");
		xmlw_start(x, "style:page-layout-properties");
		attr_cm(o, "fo:page-width", s->page_w);
		attr_cm(o, "fo:page-height", s->page_h);
		xmlw_attr(x, "style:print-orientation", s->page_h >= s->page_w ? "portrait" : "landscape");
		attr_cm(o, "fo:margin-top", s->margin_top);
		attr_cm(o, "fo:margin-bottom", s->margin_bottom);
		attr_cm(o, "fo:margin-left", s->margin_left);
		attr_cm(o, "fo:margin-right", s->margin_right);
		xmlw_attr(x, "style:writing-mode", "lr-tb");
		xmlw_end(x);
		xmlw_end(x); /* page-layout */
	}
	xmlw_end(x); /* automatic-styles */

	xmlw_start(x, "office:master-styles");
	xmlw_start(x, "style:master-page");
	xmlw_attr(x, "style:name", "Standard");
	xmlw_attr(x, "style:page-layout-name", "pm1");
	if (has_header) {
		xmlw_start(x, "style:header");
		xmlw_start(x, "text:p");
		xmlw_attr(x, "text:style-name", "Header");
		xmlw_puts(x, dc->header_text);
		xmlw_end(x);
		xmlw_end(x);
	}
	xmlw_start(x, "style:footer");
	xmlw_start(x, "text:p");
	xmlw_attr(x, "text:style-name", "Footer");
	if (dc->date_text && *dc->date_text)
		xmlw_puts(x, dc->date_text);
	xmlw_start(x, "text:tab");
	xmlw_end(x);
	xmlw_puts(x, dc->page_word ? dc->page_word : "Side");
	xmlw_puts(x, " ");
	xmlw_start(x, "text:page-number");
	xmlw_attr(x, "text:select-page", "current");
	xmlw_puts(x, "1");
	xmlw_end(x);
	xmlw_puts(x, " ");
	xmlw_puts(x, dc->of_word ? dc->of_word : "av");
	xmlw_puts(x, " ");
	xmlw_start(x, "text:page-count");
	xmlw_puts(x, "1");
	xmlw_end(x);
	xmlw_end(x);
	xmlw_end(x); /* footer */
	xmlw_end(x); /* master-page */
	if (dc->cover) {
		/* the first page's master: the cover's first paragraph names it,
		 * and the page after it is a Standard one again */
		xmlw_start(x, "style:master-page");
		xmlw_attr(x, "style:name", "Cover");
		xmlw_attr(x, "style:page-layout-name", "pm2");
		xmlw_attr(x, "style:next-style-name", "Standard");
		xmlw_end(x);
	}
	xmlw_end(x); /* master-styles */
}

static int write_styles(odt *o, buf *out)
{
	xmlw *x = &o->x;
	xmlw_open(x, out);
	xmlw_start(x, "office:document-styles");
	office_ns(o);
	font_faces(o);
	named_styles(o);
	page_layout(o);
	xmlw_end(x);
	return xmlw_close(x);
}

/* ---- content.xml ---------------------------------------------------------- */

/* One cell style: fill index f (-1: the zebra shade), header row or not,
 * the rules it owns (RULE_*).  Padding and rules as the house style's
 * table: a rule above and below each row, heavier for header rows (the
 * heavier wins where two meet, as in the PDF, where both are drawn on one
 * another), and with a grid one between the columns too.  Each line is
 * drawn by one cell only: the row above's bottom rule, the table's first
 * row's top one, a column's right one, the first column's left one.
 * A dense table's body cell (RULE_DENSE) is padded table.dense-pad above
 * and below. */
static void cell_style(odt *o, int f, int header, int rules)
{
	xmlw *x = &o->x;
	const doc *dc = o->doc;
	const doc_table_style *ts = &dc->style.table;
	char name[CELL_NAME_MAX], border[64], w[32];
	cell_style_name(f, header, rules, name);
	int fill = f > 0 && f < DOC_MAX_FILLS ? f : 0; /* 0: no fill of its own */
	style_open(o, name, NULL, "table-cell", fill ? o->fill_style[fill] : NULL, NULL, NULL);
	xmlw_start(x, "style:table-cell-properties");
	if (fill)
		attr_rgb(o, "fo:background-color", dc->fills[fill].rgb);
	else if (f == 0 && header)
		attr_rgb(o, "fo:background-color", ts->header_rgb);
	else if (f < 0)
		attr_rgb(o, "fo:background-color", ts->zebra_rgb);
	if (rules & RULE_DENSE) {
		attr_cm(o, "fo:padding-top", ts->dense_pad);
		attr_cm(o, "fo:padding-bottom", ts->dense_pad);
		attr_cm(o, "fo:padding-left", ts->pad);
		attr_cm(o, "fo:padding-right", ts->pad);
	} else {
		attr_cm(o, "fo:padding", ts->pad);
	}
	double lw = header ? ts->header_rule_w : ts->rule_w;
	if (lw > 0)
		snprintf(border, sizeof border, "%s solid #%06x", pt(w, sizeof w, lw),
			 (unsigned)(dc->style.rule_rgb & 0xFFFFFF));
	else
		snprintf(border, sizeof border, "none");
	xmlw_attr(x, "fo:border-top", rules & RULE_TOP ? border : "none");
	xmlw_attr(x, "fo:border-bottom", rules & RULE_NOBOTTOM ? "none" : border);
	xmlw_attr(x, "fo:border-left", ts->grid && (rules & RULE_LEFT) ? border : "none");
	xmlw_attr(x, "fo:border-right", ts->grid ? border : "none");
	xmlw_end(x);
	xmlw_end(x);
}

/* The rule under the title block as the bottom border of its last
 * paragraph (role r): as far below its last line as the PDF's rule, and as
 * far above what follows. */
static void title_rule(odt *o, double after)
{
	const doc_style *s = &o->doc->style;
	char b[64], w[32];
	snprintf(b, sizeof b, "%s solid #%06x", pt(w, sizeof w, s->title_rule_w),
		 (unsigned)(s->heading_rgb & 0xFFFFFF));
	xmlw_attr(&o->x, "fo:border-bottom", b);
	attr_cm(o, "fo:padding-bottom", after + s->title_rule_above);
}

/* The space above and below a paragraph of role r (a named style's). */
static void role_space(const odt *o, int r, double *before, double *after)
{
	const doc_style *s = &o->doc->style;
	static const doc_pstyle para[] = {DOC_P_BODY, DOC_P_TITLE, DOC_P_SUBTITLE, DOC_P_NOTE,
					  DOC_P_CAPTION, DOC_P_LEAD};
	*before = *after = 0; /* table cells */
	if (r <= R_LEAD) {
		*before = s->para[para[r]].before;
		*after = s->para[para[r]].after;
	} else if (r >= R_H1 && r <= R_H3) {
		*before = doc_style_heading(s, r - R_H1 + 1)->before;
		*after = doc_style_heading(s, r - R_H1 + 1)->after;
	} else if (r == R_LIST) {
		*before = s->list.item_before;
	}
}

/* Does block n keep with the block after it? */
static int kept_with(const doc_style *s, const doc_node *n)
{
	if (!n)
		return 0;
	if (n->type == DOC_HEADING)
		return doc_style_heading(s, n->u.heading.level)->keep_with_next;
	return n->type == DOC_PARAGRAPH &&
	       (n->u.para.keep_with_next || s->para[n->u.para.style].keep_with_next);
}

/* Per table, its width and its columns.  Tables stand only at document
 * level (shape rules), so the top-level children are all of them, in the
 * order the body numbers them. */
static void table_styles(odt *o)
{
	xmlw *x = &o->x;
	const doc *dc = o->doc;
	const doc_style *s = &dc->style;
	int t = 0;
	for (const doc_node *n = dc->root->first; n; n = n->next) {
		if (n->type != DOC_TABLE)
			continue;
		char name[32];
		t++;
		snprintf(name, sizeof name, "Table%d", t);
		style_open(o, name, NULL, "table", NULL, NULL, NULL);
		xmlw_start(x, "style:table-properties");
		attr_cm(o, "style:width", o->text_w);
		xmlw_attr(x, "table:align", "margins");
		/* as the PDF: no space between a table and the heading or
		 * caption kept with it */
		attr_cm(o, "fo:margin-top",
			kept_with(s, n->prev) || doc_breaks_before(n) ? 0 : s->table.before);
		attr_cm(o, "fo:margin-bottom", s->table.after);
		if (doc_breaks_before(n))
			xmlw_attr(x, "fo:break-before", "page");
		xmlw_attr(x, "style:may-break-between-rows", "true");
		xmlw_end(x);
		xmlw_end(x);
		int nc = n->u.table.ncols;
		if ((size_t)nc > o->capcolw) {
			double *v = xrealloc(o->colw, 2 * (size_t)nc * sizeof *v);
			if (!v) {
				x->failed = 1;
				return;
			}
			o->colw = v, o->capcolw = (size_t)nc;
		}
		doc_column_widths(dc, n, o->text_w, o->colw, o->colw + nc);
		for (int c = 0; c < nc; c++) {
			double f = o->colw[c] / o->text_w;
			snprintf(name, sizeof name, "Table%d.C%d", t, c + 1);
			style_open(o, name, NULL, "table-column", NULL, NULL, NULL);
			xmlw_start(x, "style:table-column-properties");
			attr_cm(o, "style:column-width", o->text_w * f);
			/* Relative widths in twips of the text width: exact ratios. */
			xmlw_attrf(x, "style:rel-column-width", "%ld*",
				   (long)(f * 65535 + 0.5));
			xmlw_end(x);
			xmlw_end(x);
		}
	}
}

/* Automatic styles: paragraph variants, then per table its width and its
 * columns, then one cell style per fill. */
static void automatic_styles(odt *o)
{
	xmlw *x = &o->x;
	const doc *dc = o->doc;
	const doc_style *s = &dc->style;
	xmlw_start(x, "office:automatic-styles");

	for (int r = 0; r < NROLES; r++) {
		for (int v = 1; v < NVARIANTS; v++) {
			if (!o->used[r][v])
				continue;
			char name[32], parent[64];
			int unlisted = (v / V_UNLISTED) % 2;
			style_name(o, r, v, name, sizeof name);
			style_name(o, r, 0, parent, sizeof parent);
			/* A heading left out of the contents must not inherit an
			 * outline level (LibreOffice would list it when the contents
			 * are updated), so it derives from Heading with the level's
			 * size and spacing instead. */
			style_open(o, name, NULL, "paragraph", unlisted ? "Heading" : parent,
				   NULL, NULL);
			if ((v / V_COVER) % 2)
				xmlw_attr(x, "style:master-page-name", "Cover");
			const doc_role *hr = unlisted ? doc_style_heading(s, r - R_H1 + 1) : NULL;
			/* A paragraph that starts a page has no space above it, as
			 * in the PDF; LibreOffice keeps it after a page break. */
			int breaks = (v / V_BREAK) % 2;
			doc_role top;
			if (hr && breaks)
				top = *hr, top.before = 0, hr = &top;
			xmlw_start(x, "style:paragraph-properties");
			if (unlisted) {
				role_para_attrs(o, hr);
			} else {
				/* both margins, always: LibreOffice holds them as one
				 * property, and a style that sets only one of them
				 * sets the other to 0 */
				double before, after;
				role_space(o, r, &before, &after);
				if ((v / V_CELLGAP) % 2)
					before = s->table.para_gap;
				int titleend = (v / V_TITLEEND) % 2;
				if (titleend)
					title_rule(o, after);
				after = (v / V_LISTEND) % 2 ? s->list.after
					: titleend         ? s->title_rule_below
							   : after;
				/* the cover's space is measured from the page's top
				 * edge as the PDF lays it, the role's own included */
				if ((v / V_COVER) % 2)
					before += s->cover_space;
				else if (breaks)
					before = 0;
				attr_cm(o, "fo:margin-top", before);
				attr_cm(o, "fo:margin-bottom", after);
			}
			if (v % 3)
				xmlw_attr(x, "fo:text-align", v % 3 == 1 ? "end" : "center");
			if (breaks)
				xmlw_attr(x, "fo:break-before", "page");
			if ((v / V_KEEP) % 2 && !unlisted)
				xmlw_attr(x, "fo:keep-with-next", "always");
			if ((v / V_NOTE) % 2)
				attr_pt(o, "fo:line-height", s->table.note_size * s->table.leading);
			xmlw_end(x);
			if (unlisted)
				role_text_props(o, hr);
			else if ((v / V_BOLD) % 2)
				text_props(o, 0, NO_RGB, "bold", NULL);
			else if ((v / V_NOTE) % 2)
				text_props(o, s->table.note_size, NO_RGB, NULL, NULL);
			xmlw_end(x);
		}
	}

	if (dc->cover && o->logo.len) {
		/* the logo opens a cover: the cover's master page starts here,
		 * and the cover's space down the page is below the logo */
		style_open(o, "CoverLogo", NULL, "paragraph", "Logo", NULL, NULL);
		xmlw_attr(x, "style:master-page-name", "Cover");
		para_props(o, 0, s->logo_after + s->cover_space, 1);
		xmlw_end(x);
	}

	table_styles(o);

	/* Rows never split across pages: a measure reads as one unit. */
	style_open(o, "Row", NULL, "table-row", NULL, NULL, NULL);
	xmlw_start(x, "style:table-row-properties");
	xmlw_attr(x, "fo:keep-together", "always");
	xmlw_end(x);
	xmlw_end(x);

	/* cell styles: Cell<fill> for body rows, Head<fill> for header rows
	 * (Head0: the style's header shade), Zebra for a shaded body row;
	 * cell_style_name adds the rules a cell owns and a dense table's
	 * padding */
	for (int i = 0; i < dc->nfills && i < DOC_MAX_FILLS; i++) {
		cell_style(o, i, 0, 0);
		cell_style(o, i, 1, 0);
	}
	if (s->table.zebra)
		cell_style(o, -1, 0, 0);
	/* and the variants the body uses that own more rules than the bottom */
	for (int i = 0; i <= DOC_MAX_FILLS; i++)
		for (int h = 0; h < 2; h++)
			for (int r = 1; r < CELL_RULES; r++)
				if (o->used_cell[i][h][r])
					cell_style(o, i == DOC_MAX_FILLS ? -1 : i, h, r);
	xmlw_end(x);
}

/* Text with ODF's white-space rules made explicit: a run of spaces keeps
 * its first space and writes the rest as <text:s text:c="n"/>, a space at
 * the start of a paragraph (or after a tab or line break) is a text:s, TAB
 * is text:tab, LF (or CR LF, or CR) is text:line-break.  Otherwise a
 * reader collapses them and the text would read differently than in the
 * PDF.  U+00A0 is ordinary text and is kept as is. */
static void put_text(odt *o, const char *s, size_t len)
{
	xmlw *x = &o->x;
	size_t i = 0, start = 0;
	while (i < len) {
		char c = s[i];
		if (c == ' ' && !o->ws) {
			o->ws = 1;
			i++;
			continue;
		}
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
			o->ws = 0;
			i++;
			continue;
		}
		xmlw_text(x, s + start, i - start);
		if (c == ' ') {
			size_t k = 0;
			while (i < len && s[i] == ' ')
				i++, k++;
			xmlw_start(x, "text:s");
			if (k > 1)
				attr_int(o, "text:c", (long)k);
			xmlw_end(x);
		} else {
			xmlw_start(x, c == '\t' ? "text:tab" : "text:line-break");
			xmlw_end(x);
			if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
				i++;
			i++;
		}
		o->ws = 1;
		start = i;
	}
	xmlw_text(x, s + start, len - start);
}

/* The bookmark a heading carries: its anchor, or a generated one. */
static void heading_bookmark(odt *o, const doc_node *h, char *s, size_t n)
{
	if (h->u.heading.anchor && *h->u.heading.anchor)
		snprintf(s, n, "%s", h->u.heading.anchor);
	else
		snprintf(s, n, "_Toc%d", ++o->bookmark_no);
}

/* Only the words of a heading, for its contents entry: one line, white
 * space collapsed, as LibreOffice makes the entry when it updates. */
static void put_plain(odt *o, const doc_node *h)
{
	buf b = BUF_INIT;
	doc_flatten_put(&b, h, DOC_WS_COLLAPSE);
	if (b.failed)
		o->x.failed = 1;
	xmlw_text(&o->x, (const char *)b.data, b.len);
	buf_free(&b);
}

/* The table of contents, as LibreOffice writes one: the source (outline
 * levels 1-3, entries linked, page numbers at a right tab), so "Update
 * index" still works, and a body already filled with the headings and
 * their page numbers, so it reads right before anyone updates it. */
static void write_toc(odt *o)
{
	xmlw *x = &o->x;
	const doc *dc = o->doc;
	const char *title = dc->toc_title ? dc->toc_title : "Innhold";
	char name[48];
	o->toc_no++; /* section names must be unique */
	snprintf(name, sizeof name, "Table of Contents%d", o->toc_no);
	xmlw_start(x, "text:table-of-content");
	xmlw_attr(x, "text:name", name);
	xmlw_attr(x, "text:protected", "true");
	xmlw_start(x, "text:table-of-content-source");
	xmlw_attr(x, "text:outline-level", "3");
	xmlw_attr(x, "text:use-index-marks", "false");
	xmlw_start(x, "text:index-title-template");
	xmlw_attr(x, "text:style-name", "Contents_20_Heading");
	xmlw_puts(x, title);
	xmlw_end(x);
	for (int l = 1; l <= 3; l++) {
		char st[32];
		snprintf(st, sizeof st, "Contents_20_%d", l);
		xmlw_start(x, "text:table-of-content-entry-template");
		attr_int(o, "text:outline-level", l);
		xmlw_attr(x, "text:style-name", st);
		xmlw_start(x, "text:index-entry-link-start");
		xmlw_attr(x, "text:style-name", "Index_20_Link");
		xmlw_end(x);
		xmlw_start(x, "text:index-entry-text");
		xmlw_end(x);
		xmlw_start(x, "text:index-entry-tab-stop");
		xmlw_attr(x, "style:type", "right");
		xmlw_attr(x, "style:leader-char", ".");
		xmlw_end(x);
		xmlw_start(x, "text:index-entry-page-number");
		xmlw_end(x);
		xmlw_start(x, "text:index-entry-link-end");
		xmlw_end(x);
		xmlw_end(x);
	}
	xmlw_end(x); /* source */

	xmlw_start(x, "text:index-body");
	xmlw_start(x, "text:index-title");
	xmlw_attrf(x, "text:name", "Table of Contents%d_Head", o->toc_no);
	xmlw_start(x, "text:p");
	xmlw_attr(x, "text:style-name", "Contents_20_Heading");
	xmlw_puts(x, title);
	xmlw_end(x);
	xmlw_end(x);
	/* Bookmark numbers here must match the ones write_body gives the
	 * headings: both count headings in document order. */
	int saved = o->bookmark_no;
	o->bookmark_no = 0;
	for (const doc_node *h = dc->root->first; h; h = h->next) {
		if (h->type != DOC_HEADING)
			continue;
		char mark[256], st[32], href[260];
		heading_bookmark(o, h, mark, sizeof mark);
		if (!h->u.heading.in_toc)
			continue;
		snprintf(st, sizeof st, "Contents_20_%d", doc_heading_rank(h));
		xmlw_start(x, "text:p");
		xmlw_attr(x, "text:style-name", st);
		xmlw_start(x, "text:a");
		xmlw_attr(x, "xlink:type", "simple");
		snprintf(href, sizeof href, "#%s", mark);
		xmlw_attr(x, "xlink:href", href);
		xmlw_attr(x, "text:style-name", "Index_20_Link");
		xmlw_attr(x, "text:visited-style-name", "Index_20_Link");
		put_plain(o, h);
		xmlw_start(x, "text:tab");
		xmlw_end(x);
		/* The page number as a reference to the heading's bookmark: the
		 * reader computes it whenever it lays the text out (LibreOffice
		 * on opening and on converting), so the number is the page of
		 * its own pagination.  Left empty: no page is known here. */
		xmlw_start(x, "text:bookmark-ref");
		xmlw_attr(x, "text:reference-format", "page");
		xmlw_attr(x, "text:ref-name", mark);
		xmlw_end(x);
		xmlw_end(x);
		xmlw_end(x);
	}
	o->bookmark_no = saved;
	xmlw_end(x); /* index-body */
	xmlw_end(x);
}

static void start_para(odt *o, const doc_node *n)
{
	xmlw *x = &o->x;
	int v, role = para_style(o, n, &v);
	char name[64];
	style_name(o, role, v, name, sizeof name);
	int heading = n->type == DOC_HEADING && n->u.heading.in_toc;
	/* A heading left out of the contents is a paragraph that looks like
	 * its level (para_style gives it a variant without outline level). */
	xmlw_start(x, heading ? "text:h" : "text:p");
	xmlw_attr(x, "text:style-name", name);
	if (heading)
		attr_int(o, "text:outline-level", role - R_H1 + 1);
	o->ws = 1;
	if (n->type == DOC_HEADING) {
		char mark[256];
		heading_bookmark(o, n, mark, sizeof mark);
		xmlw_start(x, "text:bookmark");
		xmlw_attr(x, "text:name", mark);
		xmlw_end(x);
	}
	/* a measure's row: where a link "#tiltak-1.2" leads */
	const char *row_mark = doc_row_anchor_at(n);
	if (row_mark) {
		xmlw_start(x, "text:bookmark");
		xmlw_attr(x, "text:name", row_mark);
		xmlw_end(x);
	}
}

static void start_table(odt *o, const doc_node *n)
{
	xmlw *x = &o->x;
	char name[32];
	o->table_no++;
	o->row_idx = 0;
	o->in_header_rows = 0;
	snprintf(name, sizeof name, "Table%d", o->table_no);
	xmlw_start(x, "table:table");
	xmlw_attr(x, "table:name", name);
	xmlw_attr(x, "table:style-name", name);
	xmlw_elem(x, "table:title", n->u.table.info->caption);
	for (int c = 0; c < n->u.table.ncols; c++) {
		snprintf(name, sizeof name, "Table%d.C%d", o->table_no, c + 1);
		xmlw_start(x, "table:table-column");
		xmlw_attr(x, "table:style-name", name);
		xmlw_end(x);
	}
}

static void start_row(odt *o, const doc_node *n)
{
	xmlw *x = &o->x;
	int hr = n->parent->u.table.header_rows;
	if (o->row_idx == 0 && hr > 0) {
		xmlw_start(x, "table:table-header-rows");
		o->in_header_rows = 1;
	} else if (o->row_idx == hr && o->in_header_rows) {
		xmlw_end(x);
		o->in_header_rows = 0;
	}
	o->row_idx++;
	xmlw_start(x, "table:table-row");
	xmlw_attr(x, "table:style-name", "Row");
}

static void start_cell(odt *o, const doc_node *n)
{
	xmlw *x = &o->x;
	char name[CELL_NAME_MAX];
	int header, f, rules = cell_rules(o, n, o->row_idx - 1, &f, &header);
	cell_style_name(f, header, rules, name);
	xmlw_start(x, "table:table-cell");
	xmlw_attr(x, "table:style-name", name);
	xmlw_attr(x, "office:value-type", "string");
	if (!n->first) {
		/* An empty cell still gets a paragraph in the cell's style, so
		 * its height matches its neighbours'. */
		char st[64];
		style_name(o, header ? R_TH : f > 0 ? R_FILL + f : R_TD, 0, st, sizeof st);
		xmlw_start(x, "text:p");
		xmlw_attr(x, "text:style-name", st);
		xmlw_end(x);
	}
}

static void start_list(odt *o, const doc_node *n)
{
	xmlw *x = &o->x;
	xmlw_start(x, "text:list");
	xmlw_attr(x, "text:style-name", n->u.list.ordered ? "List_20_Number" : "List_20_Bullet");
}

static void start_item(odt *o, const doc_node *n)
{
	xmlw *x = &o->x;
	const doc_node *l = n->parent;
	xmlw_start(x, "text:list-item");
	if (!n->prev && l->u.list.ordered && l->u.list.start > 1)
		attr_int(o, "text:start-value", l->u.list.start);
}

static const char *logo_name(const odt *o)
{
	return o->logo_info.type == IMAGE_JPEG ? "Pictures/logo.jpg" : "Pictures/logo.png";
}

/* The logo above the title, as a picture in its own paragraph, with the
 * organisation's name as its title for screen readers. */
static void write_logo(odt *o)
{
	xmlw *x = &o->x;
	const doc_style *st = &o->doc->style;
	char w[32], h[32];
	xmlw_start(x, "text:p");
	xmlw_attr(x, "text:style-name", o->doc->cover ? "CoverLogo" : "Logo");
	xmlw_start(x, "draw:frame");
	xmlw_attr(x, "draw:name", "Logo");
	xmlw_attr(x, "text:anchor-type", "as-char");
	xmlw_attr(x, "svg:width", cm(w, sizeof w, st->logo_w));
	xmlw_attr(x, "svg:height", cm(h, sizeof h, st->logo_h));
	xmlw_start(x, "draw:image");
	xmlw_attr(x, "xlink:href", logo_name(o));
	xmlw_attr(x, "xlink:type", "simple");
	xmlw_attr(x, "xlink:show", "embed");
	xmlw_attr(x, "xlink:actuate", "onLoad");
	xmlw_end(x);
	xmlw_elem(x, "svg:title", o->doc->author && *o->doc->author ? o->doc->author : "Logo");
	xmlw_end(x);
	xmlw_end(x);
}

/* Issue 6: a chart as a frame holding the embedded chart object
 * "./Object N" (written by odtchart.c after the body), with the chart's
 * title and alt text for screen readers. */
static void write_chart_frame(odt *o, const doc_node *n)
{
	xmlw *x = &o->x;
	const doc_chart *ch = n->u.chart.chart;
	if (!ch)
		return;
	if (o->ncharts == o->capcharts) {
		size_t cap = o->capcharts ? 2 * o->capcharts : 16;
		/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
		const doc_node **v = xrealloc(o->charts, cap * sizeof *v);
		if (!v) {
			x->failed = 1;
			return;
		}
		o->charts = v, o->capcharts = cap;
	}
	o->charts[o->ncharts++] = n;
	char w[32], h[32];
	/* small multiples: a row of charts is one paragraph of frames, a
	 * space between them */
	int col;
	doc_chart_abreast(n, &col);
	double cw = doc_chart_width(n, o->text_w, o->doc->style.chart.space);
	if (col == 0) {
		xmlw_start(x, "text:p");
		xmlw_attr(x, "text:style-name", "Chart");
	} else {
		xmlw_puts(x, " ");
	}
	xmlw_start(x, "draw:frame");
	xmlw_attrf(x, "draw:name", "Diagram %zu", o->ncharts);
	xmlw_attr(x, "text:anchor-type", "as-char");
	xmlw_attr(x, "svg:width", cm(w, sizeof w, cw));
	xmlw_attr(x, "svg:height", cm(h, sizeof h, chart_native_height(ch, cw)));
	xmlw_start(x, "draw:object");
	xmlw_attrf(x, "xlink:href", "./Object %zu", o->ncharts);
	xmlw_attr(x, "xlink:type", "simple");
	xmlw_attr(x, "xlink:show", "embed");
	xmlw_attr(x, "xlink:actuate", "onLoad");
	xmlw_end(x);
	xmlw_elem(x, "svg:title", ch->title);
	xmlw_elem(x, "svg:desc", n->u.chart.alt);
	xmlw_end(x);
	if (doc_chart_row_ends(n))
		xmlw_end(x);
}

static void write_body(odt *o)
{
	xmlw *x = &o->x;
	doc_iter it;
	const doc_node *n;
	doc_event ev;
	xmlw_start(x, "office:body");
	xmlw_start(x, "office:text");
	if (o->logo.len)
		write_logo(o);
	doc_iter_init(&it, o->doc->root);
	while ((ev = doc_iter_next(&it, &n)) != DOC_EV_DONE && !x->failed) {
		int enter = ev == DOC_EV_ENTER;
		odfzip_deflate_some(&o->content, x->out);
		switch (n->type) {
		case DOC_DOCUMENT:
		case DOC_FRAGMENT:
			break;
		case DOC_CHART: /* issue 6: an embedded chart object */
			write_chart_frame(o, n);
			break;
		case DOC_HEADING:
		case DOC_PARAGRAPH:
			if (enter)
				start_para(o, n);
			else
				xmlw_end(x);
			break;
		case DOC_LIST:
			if (enter)
				start_list(o, n);
			else
				xmlw_end(x);
			break;
		case DOC_ITEM:
			if (enter)
				start_item(o, n);
			else
				xmlw_end(x);
			break;
		case DOC_TABLE:
			if (enter) {
				start_table(o, n);
			} else {
				if (o->in_header_rows)
					xmlw_end(x);
				o->in_header_rows = 0;
				xmlw_end(x);
			}
			break;
		case DOC_ROW:
			if (enter)
				start_row(o, n);
			else
				xmlw_end(x);
			break;
		case DOC_CELL:
			if (enter)
				start_cell(o, n);
			else
				xmlw_end(x);
			break;
		case DOC_TOC:
			write_toc(o);
			break;
		case DOC_PAGE_BREAK:
			if (!doc_break_is_carried(n)) {
				char name[32];
				style_name(o, R_BODY, V_BREAK, name, sizeof name);
				xmlw_start(x, "text:p");
				xmlw_attr(x, "text:style-name", name);
				xmlw_end(x);
			}
			break;
		case DOC_TEXT:
			put_text(o, n->u.text.text, n->u.text.len);
			break;
		case DOC_EMPH:
		case DOC_STRONG:
			if (enter) {
				xmlw_start(x, "text:span");
				xmlw_attr(x, "text:style-name", n->type == DOC_EMPH
					  ? "Emphasis" : "Strong_20_Emphasis");
			} else {
				xmlw_end(x);
			}
			break;
		case DOC_LINK:
			/* A link without a target is just its text. */
			if (!n->u.link.href || !*n->u.link.href)
				break;
			if (enter) {
				xmlw_start(x, "text:a");
				xmlw_attr(x, "xlink:type", "simple");
				xmlw_attr(x, "xlink:href", n->u.link.href);
				xmlw_attr(x, "text:style-name", "Internet_20_link");
				xmlw_attr(x, "text:visited-style-name",
					  "Visited_20_Internet_20_Link");
			} else {
				xmlw_end(x);
			}
			break;
		case DOC_BREAK:
			xmlw_start(x, "text:line-break");
			xmlw_end(x);
			o->ws = 1;
			break;
		}
	}
	xmlw_end(x);
	xmlw_end(x);
}

static int write_content(odt *o, buf *out)
{
	xmlw *x = &o->x;
	collect_styles(o);
	xmlw_open(x, out);
	xmlw_start(x, "office:document-content");
	office_ns(o);
	font_faces(o);
	automatic_styles(o);
	write_body(o);
	xmlw_end(x);
	if (xmlw_close(x) < 0)
		return -1;
	return odfzip_deflate(&o->content, out, 1);
}

/* ---- meta, settings, manifest --------------------------------------------- */

static int write_meta(odt *o, buf *out)
{
	const doc *dc = o->doc;
	const odfxml_meta m = {
		.title = dc->title,
		.subject = dc->subject,
		.keywords = dc->keywords,
		.author = dc->author,
		.created = dc->created,
		.language = dc->lang,
	};
	return odfxml_meta_write(&o->x, out, &m);
}

static int write_settings(odt *o, buf *out)
{
	xmlw *x = &o->x;
	xmlw_open(x, out);
	xmlw_start(x, "office:document-settings");
	office_ns(o);
	xmlw_start(x, "office:settings");
	xmlw_start(x, "config:config-item-set");
	xmlw_attr(x, "config:name", "ooo:configuration-settings");
	/* Lay out as printed, not for the screen's resolution. */
	odfxml_config_item(x, "PrinterIndependentLayout", "string", "high-resolution");
	xmlw_end(x);
	xmlw_end(x);
	xmlw_end(x);
	return xmlw_close(x);
}

static int write_manifest(odt *o, buf *out)
{
	xmlw *x = &o->x;
	xmlw_open(x, out);
	odfxml_manifest_start(x, MEDIA_TYPE);
	for (size_t i = 0; i < o->ncharts; i++) { /* issue 6: chart objects */
		static const char *const files[] = {"", "content.xml", "styles.xml", "meta.xml"};
		for (int f = 0; f < 4; f++) {
			char path[64];
			snprintf(path, sizeof path, "Object %zu/%s", i + 1, files[f]);
			odfxml_manifest_entry(x, path,
					      f ? "text/xml" : "application/vnd.oasis.opendocument.chart",
					      f == 0);
		}
	}
	if (o->logo.len)
		odfxml_manifest_entry(x, logo_name(o),
				      o->logo_info.type == IMAGE_JPEG ? "image/jpeg" : "image/png", 0);
	xmlw_end(x);
	return xmlw_close(x);
}

/* ---- entry point ---------------------------------------------------------- */

sr_status odt_render(const doc *dc, buf *out, diag *d)
{
	buf parts[ODF_NPARTS];
	buf *cparts = NULL, *cnames = NULL; /* issue 6: chart objects' parts, names */
	sr_status st = SR_SYSTEM;
	for (int i = 0; i < ODF_NPARTS; i++)
		parts[i] = (buf)BUF_INIT;
	if (backend_check_tree(dc, "ODT", d) != SR_OK)
		return SR_INVALID;
	odt *o = xcalloc(1, sizeof *o);
	if (!o)
		goto oom;
	odt_init(o, dc);
	st = backend_load_logo(dc, &o->logo, &o->logo_info, d);
	if (st != SR_OK)
		goto done;
	if (write_content(o, &parts[ODF_PART_CONTENT]) < 0 ||
	    write_styles(o, &parts[ODF_PART_STYLES]) < 0 ||
	    write_meta(o, &parts[ODF_PART_META]) < 0 ||
	    write_settings(o, &parts[ODF_PART_SETTINGS]) < 0 ||
	    write_manifest(o, &parts[ODF_PART_MANIFEST]) < 0)
		goto oom;
	/* issue 6: three parts per chart object, after the document's own */
	cparts = xcalloc(3 * o->ncharts + 1, sizeof *cparts);
	cnames = xcalloc(3 * o->ncharts + 1, sizeof *cnames);
	odfzip_part *zp = xcalloc(ODF_NPARTS + 1 + 3 * o->ncharts, sizeof *zp);
	if (!cparts || !cnames || !zp) {
		xfree(zp);
		goto oom;
	}
	size_t nzp = 0;
	for (int i = 0; i < ODF_NPARTS; i++)
		zp[nzp++] = (odfzip_part){odfxml_part_name[i], &parts[i],
					  i == ODF_PART_CONTENT ? &o->content : NULL};
	for (size_t i = 0; i < o->ncharts; i++) {
		const doc_chart *ch = o->charts[i]->u.chart.chart;
		static const char *const files[] = {"content.xml", "styles.xml", "meta.xml"};
		double cw = doc_chart_width(o->charts[i], o->text_w, o->doc->style.chart.space);
		if (odtchart_write(ch, cw, chart_native_height(ch, cw), &cparts[3 * i],
				   &cparts[3 * i + 1], &cparts[3 * i + 2]) < 0) {
			xfree(zp);
			goto oom;
		}
		for (int f = 0; f < 3; f++) {
			char nm[48];
			snprintf(nm, sizeof nm, "Object %zu/%s", i + 1, files[f]);
			buf_puts(&cnames[3 * i + f], nm);
			if (!buf_cstr(&cnames[3 * i + f])) {
				xfree(zp);
				goto oom;
			}
			zp[nzp++] = (odfzip_part){(const char *)cnames[3 * i + f].data, &cparts[3 * i + f], NULL};
		}
	}
	if (o->logo.len)
		zp[nzp++] = (odfzip_part){logo_name(o), &o->logo, NULL};
	st = odfzip_build(MEDIA_TYPE, zp, nzp, dc->created, "the ODT package", out, d);
	xfree(zp);
	goto done;
oom:
	st = backend_out_of_memory("ODT", d);
done:
	for (size_t i = 0; o && cparts && i < 3 * o->ncharts; i++)
		buf_free(&cparts[i]);
	for (size_t i = 0; o && cnames && i < 3 * o->ncharts; i++)
		buf_free(&cnames[i]);
	xfree(cparts);
	xfree(cnames);
	if (o) {
		buf_free(&o->logo);
		xfree(o->charts);
		xfree(o->colw);
		odfzip_deflated_free(&o->content);
	}
	xfree(o);
	for (int i = 0; i < ODF_NPARTS; i++)
		buf_free(&parts[i]);
	return st;
}

/* ---- the format's row (backend.h) ---- */

const backend backend_odt = {
	.name = "odt",
	.ext = "odt",
	.media_type = "application/vnd.oasis.opendocument.text",
	.render_doc = odt_render,
};
