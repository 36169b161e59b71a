/* docx.c: the DOCX backend -- a document tree becomes a WordprocessingML
 * package (ECMA-376 Transitional; what Word 2016 and later write).
 *
 * Owns: the XML parts it writes (heap bufs, freed before returning) and the
 * in-memory zip.  Touches no file but the logo, prints nothing, knows no
 * plan.
 *
 * Design, as the ODT's: every visible property lives in a NAMED style in
 * styles.xml under the name Word gives its built-in one ("heading 1",
 * "Title", "toc 1", "header"...), so Word shows them in its own language
 * and a person restyles the whole report by editing one style.  The body
 * carries direct formatting only for what cannot be named once: a cell's
 * fill, column widths, alignment, page breaks, list numbering.
 *
 * Deliberate choices:
 *   - A PAGE_BREAK becomes w:pageBreakBefore on the next heading or
 *     paragraph (an empty, tiny paragraph when a table or nothing follows).
 *   - A heading left out of the contents gets a style of its own that looks
 *     like its level but has no outline level, so no updated TOC lists it.
 *   - The contents are a content control Word knows as its contents,
 *     each entry a link to its heading's bookmark and a PAGEREF field for
 *     its page.  Page numbers need a layout, and the PDF's layout needs
 *     the PDF engine (fonts, hyphenation), which a backend that only walks
 *     the tree does not have; a number from another layout would be wrong
 *     in Word's anyway.  Word fills the fields in on opening
 *     (w:updateFields), LibreOffice whenever it lays the text out.
 *   - Every table is followed by a small empty paragraph: Word would join
 *     two adjacent tables into one, and the space below a table is the
 *     ODT's.
 *   - Links are live only for http, https and mailto (external
 *     relationships) and for "#anchor" (a bookmark); any other scheme is
 *     plain text.
 *
 * The zip is deterministic (odfzip.h): fixed part order, every entry's
 * time from doc->created. */
#include "docx.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/xalloc.h"
#include "doc/chart.h"
#include "docxchart.h"
#include "input/image.h"
#include "odf/odfzip.h"
#include "xml/xmlw.h"

/* ---- the house style's values this backend applies ------------------------
 * Mirrors of odt.c and the PDF layout, in one place so that they can be
 * taken from doc->style when it carries them. */
static const char *const numfmts[] = {"decimal", "lowerLetter", "lowerRoman"};
static const char *const numsuffix[] = {".", ")", "."};

/* ---- namespaces, relationship and content types ---------------------------- */
#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_WP "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_A "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_C "http://schemas.openxmlformats.org/drawingml/2006/chart"
#define NS_PIC "http://schemas.openxmlformats.org/drawingml/2006/picture"
#define NS_RELS "http://schemas.openxmlformats.org/package/2006/relationships"
#define RT NS_R "/"
#define CT_WML "application/vnd.openxmlformats-officedocument.wordprocessingml."

/* The relationships every document has, rId1.. in this order; hyperlinks,
 * charts and the logo follow from RID_FIRST_FREE. */
enum { RID_STYLES = 1, RID_SETTINGS, RID_NUMBERING, RID_HEADER, RID_HEADER_FIRST, RID_FOOTER,
       RID_FOOTER_FIRST,
       RID_FIRST_FREE };

/* Paragraph styles by role: ids (and Word's built-in names).  A filled
 * cell's paragraphs are labels (TableLabel, TableLabelNote: never
 * hyphenated); the fill's own look is a character style on their runs. */
enum { S_NORMAL, S_TITLE, S_SUBTITLE, S_NOTE, S_CAPTION, S_LEAD, S_H1, S_H2, S_H3,
       S_MINOR1, S_MINOR2, S_MINOR3, S_TH, S_TD, S_TNOTE, S_LABEL, S_LABELNOTE, S_LIST,
       NSTYLES };
static const char *const style_id[NSTYLES] = {
	"Normal", "Title", "Subtitle", "Note", "Caption", "Lead",
	"Heading1", "Heading2", "Heading3", "MinorHeading1", "MinorHeading2", "MinorHeading3",
	"TableHeading", "TableContents", "TableNote", "TableLabel", "TableLabelNote",
	"ListParagraph",
};

typedef struct docx {
	const doc *doc;
	xmlw x;            /* document.xml, then each other part in turn */
	/* design, with defaults filled in */
	double text_w; /* the text area's width, from the style */
	char lang[16];     /* "nb-NO"; empty: none */
	char fill_id[DOC_MAX_FILLS][48];
	/* document.xml.rels, written while the body is (links, charts) */
	xmlw rx;
	buf rels;
	int next_rid;
	/* the charts met in the body, in order: chart N is charts[N-1] */
	const doc_node **charts;
	size_t ncharts, capcharts;
	/* the widths of the table being written (points), and room to
	 * compute them: 2 * capcolw doubles */
	double *colw;
	size_t capcolw;
	/* ordered lists met in the body: each its own w:num, from numId 2 */
	const doc_node **olists;
	size_t nolists, capolists;
	/* the title block's logo */
	buf logo;
	image_info logo_info;
	int logo_rid;
	/* state of the body walk */
	int heading_no, bookmark_id, docpr_id;
	int emph, strong, links, live_link;
	int run_fill; /* the fill whose character style the cell's runs wear; 0 none */
	/* document.xml, deflated as the body is written (odfzip.h) */
	odfzip_deflated content;
} docx;

/* ---- small helpers ----------------------------------------------------------- */

static long twips(double pt) { return (long)(pt * 20.0 + (pt < 0 ? -0.5 : 0.5)); }
static long halfpts(double pt) { return (long)(pt * 2.0 + 0.5); }
static long emu(double pt) { return (long)(pt * 12700.0 + 0.5); }

/* Word has no leading in multiples of the size: an "auto" line of 240 is
 * the font's own line (ascent plus descent), which for Liberation Sans and
 * its metric twins is 1.15 of the size.  A font metric, not a style value. */
#define FONT_LINE 1.15
static long auto_line(double leading) { return (long)(leading / FONT_LINE * 240 + 0.5); }
/* A border width in eighths of a point, within what Word accepts (2..96). */
static long eighths(double pt)
{
	long v = (long)(pt * 8.0 + 0.5);
	return v < 2 ? 2 : v > 96 ? 96 : v;
}

static void attr_long(xmlw *x, const char *name, long v) { xmlw_attr_long(x, name, v); }
static void attr_rgb(xmlw *x, const char *name, uint32_t rgb)
{
	xmlw_attrf(x, name, "%06X", (unsigned)(rgb & 0xFFFFFF));
}

/* <name w:val="v"/> */
static void val(xmlw *x, const char *name, const char *v)
{
	xmlw_empty(x, name, "w:val", v, NULL);
}
static void val_long(xmlw *x, const char *name, long v)
{
	xmlw_empty_long(x, name, "w:val", v);
}
static void empty(xmlw *x, const char *name)
{
	xmlw_empty(x, name, NULL);
}
/* <name w:w="twips of pt" w:type="dxa"/>: a width or a cell's margin */
static void dxa(xmlw *x, const char *name, double pt)
{
	char d[24];
	xmlw_empty(x, name, "w:w", xmlw_ltoa(d, twips(pt)), "w:type", "dxa", NULL);
}


/* "nb-NO" as given; "en" becomes en-GB (British spelling suits a
 * Norwegian public body best); anything that is not letters, digits and
 * hyphens is left out. */
static void set_lang(docx *o, const char *tag)
{
	o->lang[0] = '\0';
	if (!tag || !*tag || strlen(tag) >= sizeof o->lang - 3)
		return;
	for (const char *p = tag; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-'))
			return;
	snprintf(o->lang, sizeof o->lang, "%s%s", tag, strcmp(tag, "en") == 0 ? "-GB" : "");
}

/* Style ids of the fills: "Fill" and the fill's name without its hyphens
 * ("FillStatusDelayed"), as Word makes ids from names. */
static void name_fills(docx *o)
{
	const doc *dc = o->doc;
	for (int i = 1; i < dc->nfills && i < DOC_MAX_FILLS; i++) {
		char *s = o->fill_id[i];
		size_t n = 0, cap = sizeof o->fill_id[i];
		const char *p = dc->fills[i].name;
		int up = 1;
		n = (size_t)snprintf(s, cap, "Fill");
		for (; p && *p && n + 1 < cap; p++) {
			char c = *p;
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
				up = 1;
				continue;
			}
			s[n++] = up && c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
			up = 0;
		}
		s[n] = '\0';
		if (n == 4)
			snprintf(s, cap, "Fill%d", i);
	}
}

static void docx_init(docx *o, const doc *dc)
{
	memset(o, 0, sizeof *o);
	o->doc = dc;
	o->text_w = doc_style_text_width(&dc->style);
	o->next_rid = RID_FIRST_FREE;
	set_lang(o, dc->lang);
	name_fills(o);
}

/* Append p to a growing array of node pointers; -1 when memory runs out. */
static int push(const doc_node ***v, size_t *n, size_t *cap, const doc_node *p)
{
	if (*n == *cap) {
		size_t c = *cap ? 2 * *cap : 16;
		/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
		const doc_node **nv = xrealloc(*v, c * sizeof *nv);
		if (!nv)
			return -1;
		*v = nv, *cap = c;
	}
	(*v)[(*n)++] = p;
	return 0;
}

/* ---- the tree's shapes --------------------------------------------------------- */

/* The paragraph style of a HEADING or PARAGRAPH from its role and place;
 * *align gets the alignment it needs (a cell's when the paragraph has
 * none of its own). */
static int para_style(const docx *o, const doc_node *n, doc_align *align)
{
	*align = DOC_LEFT;
	if (n->type == DOC_HEADING)
		return (n->u.heading.in_toc ? S_H1 : S_MINOR1) + doc_heading_rank(n) - 1;
	int role;
	switch (n->u.para.style) {
	case DOC_P_TITLE: role = S_TITLE; break;
	case DOC_P_SUBTITLE: role = S_SUBTITLE; break;
	case DOC_P_NOTE: role = S_NOTE; break;
	case DOC_P_CAPTION: role = S_CAPTION; break;
	case DOC_P_LEAD: role = S_LEAD; break;
	default: role = S_NORMAL; break;
	}
	doc_place pl = doc_place_of(o->doc, n);
	*align = pl.align;
	if (pl.header)
		return S_TH;
	if (pl.fill)
		return role == S_NOTE ? S_LABELNOTE : S_LABEL;
	if (pl.in_cell)
		return role == S_NORMAL ? S_TD : role == S_NOTE ? S_TNOTE : role;
	return pl.in_item && role == S_NORMAL ? S_LIST : role;
}


/* The bookmark a heading carries: its anchor made a Word bookmark name
 * (letters, digits and "_", a letter first, at most 40 characters), or
 * _TocN for a heading without one (hidden in Word's bookmark list).  no is
 * the heading's number in document order, from 1. */
static void heading_mark(const doc_node *h, int no, char *s, size_t n)
{
	const char *a = h->u.heading.anchor;
	if (!a || !*a || n < 42) {
		snprintf(s, n, "_Toc%d", no);
		return;
	}
	size_t k = 0;
	if (!((a[0] >= 'a' && a[0] <= 'z') || (a[0] >= 'A' && a[0] <= 'Z')))
		s[k++] = 'h', s[k++] = '_';
	for (; *a && k < 40; a++) {
		char c = *a;
		s[k++] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				 ? c : '_';
	}
	s[k] = '\0';
}

/* ---- relationships --------------------------------------------------------------- */

static void rel(xmlw *x, int id, const char *type, const char *target, int external)
{
	xmlw_start(x, "Relationship");
	xmlw_attrf(x, "Id", "rId%d", id);
	xmlw_attr(x, "Type", type);
	xmlw_attr(x, "Target", target);
	if (external)
		xmlw_attr(x, "TargetMode", "External");
	xmlw_end(x);
}

static void rels_open(docx *o)
{
	xmlw *x = &o->rx;
	xmlw_open(x, &o->rels); /* sticky, as every part's */
	xmlw_start(x, "Relationships");
	xmlw_attr(x, "xmlns", NS_RELS);
	rel(x, RID_STYLES, RT "styles", "styles.xml", 0);
	rel(x, RID_SETTINGS, RT "settings", "settings.xml", 0);
	rel(x, RID_NUMBERING, RT "numbering", "numbering.xml", 0);
	rel(x, RID_HEADER, RT "header", "header1.xml", 0);
	rel(x, RID_HEADER_FIRST, RT "header", "header2.xml", 0);
	rel(x, RID_FOOTER, RT "footer", "footer1.xml", 0);
	rel(x, RID_FOOTER_FIRST, RT "footer", "footer2.xml", 0);
}

/* ---- text runs ------------------------------------------------------------------- */

/* Run properties from the inline nesting and the cell: one character
 * style (a link's, else the cell's fill's, else Strong, else Emphasis) and
 * the others as direct bold/italic. */
static void run_props(docx *o)
{
	xmlw *x = &o->x;
	int styled = o->live_link || o->run_fill;
	const char *rs = o->live_link ? "Hyperlink"
			 : o->run_fill ? o->fill_id[o->run_fill]
			 : o->strong   ? "Strong"
			 : o->emph     ? "Emphasis"
				       : NULL;
	if (!rs)
		return;
	xmlw_start(x, "w:rPr");
	val(x, "w:rStyle", rs);
	if (o->strong && styled)
		empty(x, "w:b");
	if (o->emph && (styled || o->strong))
		empty(x, "w:i");
	xmlw_end(x);
}

/* Would a reader drop or merge spaces in s without xml:space="preserve"
 * (a space at either end, or two together)?  Most runs have none, and the
 * attribute on each costs as much as the run's element. */
static int needs_preserve(const char *s, size_t len)
{
	if (s[0] == ' ' || s[len - 1] == ' ')
		return 1;
	for (const char *p = memchr(s, ' ', len); p; p = memchr(p + 1, ' ', len - (size_t)(p + 1 - s)))
		if (p[1] == ' ')
			return 1;
	return 0;
}

static void put_t(xmlw *x, const char *s, size_t len)
{
	if (!len)
		return;
	xmlw_text_elem(x, "w:t", needs_preserve(s, len) ? "xml:space" : NULL, "preserve", s, len);
}

/* A heading's words as one run on one line, as its contents entry. */
static void put_plain(docx *o, const doc_node *h)
{
	buf b = BUF_INIT;
	doc_flatten_put(&b, h, DOC_WS_COLLAPSE);
	if (b.failed)
		o->x.failed = 1;
	xmlw_start(&o->x, "w:r");
	put_t(&o->x, (const char *)b.data, b.len);
	xmlw_end(&o->x);
	buf_free(&b);
}

/* A TEXT node as one run: TAB a w:tab, LF (CR LF, CR) a w:br. */
static void put_text(docx *o, const char *s, size_t len)
{
	xmlw *x = &o->x;
	xmlw_start(x, "w:r");
	run_props(o);
	size_t start = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c != '\t' && c != '\n' && c != '\r')
			continue;
		put_t(x, s + start, i - start);
		empty(x, c == '\t' ? "w:tab" : "w:br");
		if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
			i++;
		start = i + 1;
	}
	put_t(x, s + start, len - start);
	xmlw_end(x);
}

/* A complex field's parts: begin, instruction, separate ... end. */
static void fld_char(xmlw *x, const char *type)
{
	xmlw_start(x, "w:r");
	xmlw_empty(x, "w:fldChar", "w:fldCharType", type, NULL);
	xmlw_end(x);
}

static void instr(xmlw *x, const char *text)
{
	xmlw_start(x, "w:r");
	xmlw_start(x, "w:instrText");
	xmlw_attr(x, "xml:space", "preserve");
	xmlw_puts(x, text);
	xmlw_end(x);
	xmlw_end(x);
}

/* ---- blocks ------------------------------------------------------------------------ */

/* The list that paragraph n is the first paragraph of an item of (NULL
 * when it is not), and its depth (1 = at the top). */
static const doc_node *numbered_list(const doc_node *n, int *depth)
{
	const doc_node *item = n->parent;
	if (!item || item->type != DOC_ITEM || item->first != n)
		return NULL;
	*depth = 0;
	for (const doc_node *p = item->parent; p && p->type == DOC_LIST; ) {
		(*depth)++;
		p = p->parent && p->parent->type == DOC_ITEM ? p->parent->parent : NULL;
	}
	return item->parent;
}

static int list_depth(const doc_node *n)
{
	int d = 0;
	for (const doc_node *p = n->parent; p; p = p->parent)
		if (p->type == DOC_LIST)
			d++;
	return d;
}

static void border(xmlw *x, const char *side, double width, uint32_t rgb, double space)
{
	xmlw_start(x, side);
	xmlw_attr(x, "w:val", width > 0 ? "single" : "nil");
	if (width > 0) {
		attr_long(x, "w:sz", eighths(width));
		attr_long(x, "w:space", (long)(space + 0.5));
		attr_rgb(x, "w:color", rgb);
	}
	xmlw_end(x);
}

/* The w:numId of a list: 1 for every bulleted list, an ordered list its
 * own (it restarts at its start value), from 2 in the order met. */
static long num_id(const docx *o, const doc_node *list)
{
	if (!list->u.list.ordered)
		return 1;
	for (size_t i = o->nolists; i-- > 0;)
		if (o->olists[i] == list)
			return (long)i + 2;
	return 1;
}

static void start_para(docx *o, const doc_node *n)
{
	xmlw *x = &o->x;
	doc_align align;
	int role = para_style(o, n, &align);
	int depth = 0;
	const doc_node *list = n->type == DOC_PARAGRAPH ? numbered_list(n, &depth) : NULL;
	xmlw_start(x, "w:p");
	xmlw_start(x, "w:pPr");
	val(x, "w:pStyle", style_id[role]);
	/* a header row stays with the row below it, as the PDF's does: a
	 * table whose header row ended a page lost its body rows in
	 * LibreOffice */
	const doc_node *cell = n->parent;
	int in_header = cell && cell->type == DOC_CELL && cell->parent && doc_row_is_header(cell->parent);
	if ((n->type == DOC_PARAGRAPH && n->u.para.keep_with_next) || in_header)
		empty(x, "w:keepNext");
	if (doc_breaks_before(n))
		empty(x, "w:pageBreakBefore");
	if (n->type == DOC_HEADING && doc_breaks_before(n)) {
		/* starting a page, no space above it, as in the PDF: Word and
		 * LibreOffice keep it after a page break */
		xmlw_start(x, "w:spacing");
		xmlw_attr(x, "w:before", "0");
		xmlw_end(x);
	}
	if (list) {
		xmlw_start(x, "w:numPr");
		val_long(x, "w:ilvl", depth > 9 ? 8 : depth - 1);
		val_long(x, "w:numId", num_id(o, list));
		xmlw_end(x);
	}
	if (n->type == DOC_PARAGRAPH && doc_ends_title_block(n)) {
		/* the house's rule under the title block; Word measures a
		 * border's distance from the text in whole points, at most 31 */
		const doc_style *st = &o->doc->style;
		double space = st->para[n->u.para.style].after + st->title_rule_above;
		xmlw_start(x, "w:pBdr");
		border(x, "w:bottom", st->title_rule_w, st->heading_rgb, space > 31 ? 31 : space);
		xmlw_end(x);
		xmlw_start(x, "w:spacing");
		attr_long(x, "w:after", twips(st->title_rule_below));
		xmlw_end(x);
	}
	if (o->doc->cover && n == o->doc->root->first && n->type == DOC_PARAGRAPH) {
		/* a cover's first line, the cover's space down the page above it */
		const doc_style *st = &o->doc->style;
		xmlw_start(x, "w:spacing");
		attr_long(x, "w:before", twips(st->cover_space + st->para[n->u.para.style].before));
		xmlw_end(x);
	}
	if (n->parent && n->parent->type == DOC_CELL && n->prev) {
		/* a later paragraph of a cell: the table's gap above it */
		xmlw_empty_long(x, "w:spacing", "w:before", twips(o->doc->style.table.para_gap));
	}
	int in_list = n->parent && n->parent->type == DOC_ITEM;
	if (in_list && doc_ends_list(n)) {
		xmlw_start(x, "w:spacing");
		attr_long(x, "w:after", twips(o->doc->style.list.after));
		xmlw_end(x);
	}
	if (in_list && !list) {
		/* a later paragraph of an item: under the first one's text */
		int d = list_depth(n);
		xmlw_start(x, "w:ind");
		attr_long(x, "w:left", twips(o->doc->style.list.indent * (d > 9 ? 9 : d)));
		xmlw_end(x);
	}
	if (align != DOC_LEFT)
		val(x, "w:jc", align == DOC_RIGHT ? "right" : "center");
	xmlw_end(x); /* pPr */
	/* a measure's row: where a link "#tiltak-1.2" leads (named as
	 * start_link names it) */
	const char *row_mark = doc_row_anchor_at(n);
	if (n->type == DOC_HEADING || row_mark) {
		char mark[64];
		doc_node tmp = {0};
		tmp.type = DOC_HEADING;
		tmp.u.heading.anchor = row_mark;
		heading_mark(row_mark ? &tmp : n, row_mark ? 0 : ++o->heading_no, mark, sizeof mark);
		char d[24];
		xmlw_empty(x, "w:bookmarkStart", "w:id", xmlw_ltoa(d, o->bookmark_id), "w:name", mark,
			   NULL);
	}
}

static void end_para(docx *o, const doc_node *n)
{
	xmlw *x = &o->x;
	if (n->type == DOC_HEADING || doc_row_anchor_at(n)) {
		xmlw_empty_long(x, "w:bookmarkEnd", "w:id", o->bookmark_id++);
	}
	xmlw_end(x);
}

/* An empty paragraph of the given height: a page break or the space
 * below a table. */
static void spacer(docx *o, double height, int page_break)
{
	xmlw *x = &o->x;
	xmlw_start(x, "w:p");
	xmlw_start(x, "w:pPr");
	if (page_break)
		empty(x, "w:pageBreakBefore");
	xmlw_start(x, "w:spacing");
	xmlw_attr(x, "w:before", "0");
	xmlw_attr(x, "w:after", "0");
	attr_long(x, "w:line", twips(height));
	xmlw_attr(x, "w:lineRule", "exact");
	xmlw_end(x);
	xmlw_start(x, "w:rPr");
	val_long(x, "w:sz", 2);
	xmlw_end(x);
	xmlw_end(x);
	xmlw_end(x);
}

/* The columns' widths in points, as the other formats make them
 * (doc_column_widths).  Into o->colw. */
static int column_widths(docx *o, const doc_node *t)
{
	int nc = t->u.table.ncols;
	if ((size_t)nc > o->capcolw) {
		double *v = xrealloc(o->colw, 2 * (size_t)nc * sizeof *v);
		if (!v)
			return -1;
		o->colw = v, o->capcolw = (size_t)nc;
	}
	doc_column_widths(o->doc, t, o->text_w, o->colw, o->colw + nc);
	return 0;
}

/* Column c's width in twips; the last takes what rounding left over. */
static long col_twips(const docx *o, const doc_node *t, int c)
{
	long total = twips(o->text_w), used = 0;
	int nc = t->u.table.ncols;
	for (int i = 0; i < c; i++)
		used += twips(o->colw[i]);
	return c == nc - 1 ? total - used : twips(o->colw[c]);
}

static void start_table(docx *o, const doc_node *n)
{
	xmlw *x = &o->x;
	if (column_widths(o, n) < 0) {
		x->failed = 1;
		return;
	}
	if (doc_breaks_before(n))
		spacer(o, 1, 1);
	xmlw_start(x, "w:tbl");
	xmlw_start(x, "w:tblPr");
	val(x, "w:tblStyle", "ReportTable");
	xmlw_start(x, "w:tblW");
	attr_long(x, "w:w", twips(o->text_w));
	xmlw_attr(x, "w:type", "dxa");
	xmlw_end(x);
	xmlw_empty(x, "w:tblLayout", "w:type", "fixed", NULL);
	if (n->u.table.info->dense) {
		/* a dense table's body cells: less above and below, set once
		 * here rather than on each of its many cells */
		const doc_table_style *ts = &o->doc->style.table;
		xmlw_start(x, "w:tblCellMar");
		dxa(x, "w:top", ts->dense_pad);
		dxa(x, "w:left", ts->pad);
		dxa(x, "w:bottom", ts->dense_pad);
		dxa(x, "w:right", ts->pad);
		xmlw_end(x);
	}
	xmlw_empty(x, "w:tblLook",
		   "w:val", n->u.table.header_rows > 0 ? "0420" : "0400",
		   "w:firstRow", n->u.table.header_rows > 0 ? "1" : "0",
		   "w:lastRow", "0",
		   "w:firstColumn", "0",
		   "w:lastColumn", "0",
		   "w:noHBand", "1",
		   "w:noVBand", "1", NULL);
	const char *cap = n->u.table.info->caption;
	if (cap && *cap)
		val(x, "w:tblCaption", cap);
	xmlw_end(x);
	xmlw_start(x, "w:tblGrid");
	for (int c = 0; c < n->u.table.ncols; c++) {
		xmlw_empty_long(x, "w:gridCol", "w:w", col_twips(o, n, c));
	}
	xmlw_end(x);
}

static void start_row(docx *o, const doc_node *n)
{
	xmlw *x = &o->x;
	xmlw_start(x, "w:tr");
	xmlw_start(x, "w:trPr");
	/* a measure reads as one unit: its row never splits over pages */
	empty(x, "w:cantSplit");
	if (doc_row_is_header(n))
		empty(x, "w:tblHeader");
	xmlw_end(x);
}

static void start_cell(docx *o, const doc_node *n)
{
	xmlw *x = &o->x;
	const doc_node *row = n->parent, *t = row->parent;
	int c = 0;
	for (const doc_node *p = n->prev; p; p = p->prev)
		c++;
	xmlw_start(x, "w:tc");
	xmlw_start(x, "w:tcPr");
	char d[24];
	xmlw_empty(x, "w:tcW", "w:w", xmlw_ltoa(d, c < t->u.table.ncols ? col_twips(o, t, c) : 0),
		   "w:type", "dxa", NULL);
	int hdr = doc_row_is_header(row);
	int f = doc_cell_fill(o->doc, n, hdr);
	const doc_table_style *ts = &o->doc->style.table;
	uint32_t rgb = f ? o->doc->fills[f].rgb : ts->header_rgb;
	int zebra = 0;
	if (!f && !hdr && ts->zebra) {
		/* every second body row, as the PDF shades them */
		int k = -t->u.table.header_rows;
		for (const doc_node *p = row->prev; p; p = p->prev)
			k++;
		zebra = k >= 0 && k % 2 == 1;
		rgb = ts->zebra_rgb;
	}
	if (f || hdr || zebra) {
		/* a clear pattern: its colour is never seen */
		char hex[8];
		snprintf(hex, sizeof hex, "%06X", (unsigned)(rgb & 0xFFFFFF));
		xmlw_empty(x, "w:shd", "w:val", "clear", "w:fill", hex, NULL);
	}
	if (hdr && t->u.table.info->dense) {
		/* a dense table's head keeps the full padding (start_table) */
		xmlw_start(x, "w:tcMar");
		dxa(x, "w:top", ts->pad);
		dxa(x, "w:bottom", ts->pad);
		xmlw_end(x);
	}
	xmlw_end(x);
	/* the fill's words in its character style, but for a column's head in
	 * the header fill, which TableHeading already wears */
	int hf = doc_fill_valid(o->doc, o->doc->style.header_fill) ? o->doc->style.header_fill : 0;
	o->run_fill = f > 0 && f < DOC_MAX_FILLS && !(hdr && f == hf) ? f : 0;
	if (!n->first) {
		/* a cell holds at least one paragraph; in the cell's style, so
		 * its height matches its neighbours' */
		xmlw_start(x, "w:p");
		xmlw_start(x, "w:pPr");
		val(x, "w:pStyle", style_id[hdr ? S_TH : f ? S_LABEL : S_TD]);
		xmlw_end(x);
		xmlw_end(x);
	}
}

/* The table of contents: a content control Word knows as its contents
 * (docPartGallery), holding the title and one paragraph per heading,
 * linked to its bookmark, with a tab and a PAGEREF field for its page.
 * No TOC field around them: LibreOffice keeps a TOC field's result as
 * text, nested PAGEREFs included, so its numbers would be whatever the
 * file says; a PAGEREF on its own it computes, as Word does. */
static void write_toc(docx *o)
{
	xmlw *x = &o->x;
	const doc *dc = o->doc;
	xmlw_start(x, "w:sdt");
	xmlw_start(x, "w:sdtPr");
	xmlw_start(x, "w:docPartObj");
	val(x, "w:docPartGallery", "Table of Contents");
	xmlw_end(x);
	xmlw_end(x);
	xmlw_start(x, "w:sdtContent");
	xmlw_start(x, "w:p");
	xmlw_start(x, "w:pPr");
	val(x, "w:pStyle", "TOCHeading");
	xmlw_end(x);
	xmlw_start(x, "w:r");
	put_t(x, dc->toc_title ? dc->toc_title : "Innhold",
	      strlen(dc->toc_title ? dc->toc_title : "Innhold"));
	xmlw_end(x);
	xmlw_end(x);
	int no = 0;
	for (const doc_node *h = dc->root->first; h; h = h->next) {
		if (h->type != DOC_HEADING)
			continue;
		char mark[64], st[16], ref[96];
		heading_mark(h, ++no, mark, sizeof mark);
		if (!h->u.heading.in_toc)
			continue;
		snprintf(st, sizeof st, "TOC%d", doc_heading_rank(h));
		xmlw_start(x, "w:p");
		xmlw_start(x, "w:pPr");
		val(x, "w:pStyle", st);
		xmlw_end(x);
		xmlw_start(x, "w:hyperlink");
		xmlw_attr(x, "w:anchor", mark);
		xmlw_attr(x, "w:history", "1");
		put_plain(o, h);
		xmlw_start(x, "w:r");
		empty(x, "w:tab");
		xmlw_end(x);
		/* the page number: no page is known here, so the result is
		 * empty until the reader lays the text out */
		fld_char(x, "begin");
		snprintf(ref, sizeof ref, " PAGEREF %s \\h ", mark);
		instr(x, ref);
		fld_char(x, "separate");
		fld_char(x, "end");
		xmlw_end(x); /* hyperlink */
		xmlw_end(x); /* p */
	}
	xmlw_end(x); /* sdtContent */
	xmlw_end(x); /* sdt */
}

/* An inline picture or chart: <w:drawing><wp:inline> up to a:graphicData,
 * left open for the caller's content. */
static void inline_open(docx *o, double w, double h, const char *name, const char *title,
			const char *descr, const char *uri)
{
	xmlw *x = &o->x;
	xmlw_start(x, "w:drawing");
	xmlw_start(x, "wp:inline");
	xmlw_attrs(x, "distT", "0", "distB", "0", "distL", "0", "distR", "0", NULL);
	xmlw_start(x, "wp:extent");
	attr_long(x, "cx", emu(w));
	attr_long(x, "cy", emu(h));
	xmlw_end(x);
	xmlw_start(x, "wp:docPr");
	attr_long(x, "id", ++o->docpr_id);
	xmlw_attr(x, "name", name);
	if (descr && *descr)
		xmlw_attr(x, "descr", descr);
	if (title && *title)
		xmlw_attr(x, "title", title);
	xmlw_end(x);
	empty(x, "wp:cNvGraphicFramePr");
	xmlw_start(x, "a:graphic");
	xmlw_attr(x, "xmlns:a", NS_A);
	xmlw_start(x, "a:graphicData");
	xmlw_attr(x, "uri", uri);
}

static void inline_close(docx *o)
{
	xmlw_end(&o->x); /* graphicData */
	xmlw_end(&o->x); /* graphic */
	xmlw_end(&o->x); /* inline */
	xmlw_end(&o->x); /* drawing */
}

/* A chart as a native chart part, inline in its own paragraph, with the
 * chart's title and its numbers in words for screen readers. */
static void write_chart(docx *o, const doc_node *n)
{
	xmlw *x = &o->x;
	const doc_chart *ch = n->u.chart.chart;
	if (!ch)
		return;
	if (push(&o->charts, &o->ncharts, &o->capcharts, n) < 0) {
		x->failed = 1;
		return;
	}
	char target[48], name[48];
	int rid = o->next_rid++;
	snprintf(target, sizeof target, "charts/chart%zu.xml", o->ncharts);
	rel(&o->rx, rid, RT "chart", target, 0);
	snprintf(name, sizeof name, "Diagram %zu", o->ncharts);
	/* small multiples: a row of charts is one paragraph, a space run
	 * between them */
	int col;
	doc_chart_abreast(n, &col);
	double cw = doc_chart_width(n, o->text_w, o->doc->style.chart.space);
	if (col == 0) {
		xmlw_start(x, "w:p");
		xmlw_start(x, "w:pPr");
		val(x, "w:pStyle", "Figure");
		xmlw_end(x);
	} else {
		xmlw_start(x, "w:r");
		xmlw_start(x, "w:t");
		xmlw_attr(x, "xml:space", "preserve");
		xmlw_puts(x, " ");
		xmlw_end(x);
		xmlw_end(x);
	}
	xmlw_start(x, "w:r");
	inline_open(o, cw, chart_native_height(ch, cw), name, ch->title, n->u.chart.alt, NS_C);
	xmlw_start(x, "c:chart");
	xmlw_attr(x, "xmlns:c", NS_C);
	xmlw_attrf(x, "r:id", "rId%d", rid);
	xmlw_end(x);
	inline_close(o);
	xmlw_end(x);
	if (doc_chart_row_ends(n))
		xmlw_end(x);
}

static const char *logo_name(const docx *o)
{
	return o->logo_info.type == IMAGE_JPEG ? "media/logo.jpg" : "media/logo.png";
}

/* The logo above the title, named after the organisation. */
static void write_logo(docx *o)
{
	xmlw *x = &o->x;
	const doc_style *st = &o->doc->style;
	const char *who = o->doc->author && *o->doc->author ? o->doc->author : "Logo";
	o->logo_rid = o->next_rid++;
	rel(&o->rx, o->logo_rid, RT "image", logo_name(o), 0);
	xmlw_start(x, "w:p");
	xmlw_start(x, "w:pPr");
	val(x, "w:pStyle", "Figure");
	xmlw_start(x, "w:spacing");
	xmlw_attr(x, "w:before", "0");
	attr_long(x, "w:after", twips(st->logo_after));
	xmlw_end(x);
	xmlw_end(x);
	xmlw_start(x, "w:r");
	inline_open(o, st->logo_w, st->logo_h, "Logo", NULL, who, NS_PIC);
	xmlw_start(x, "pic:pic");
	xmlw_attr(x, "xmlns:pic", NS_PIC);
	xmlw_start(x, "pic:nvPicPr");
	xmlw_empty(x, "pic:cNvPr", "id", "0", "name", logo_name(o) + 6, "descr", who, NULL);
	empty(x, "pic:cNvPicPr");
	xmlw_end(x);
	xmlw_start(x, "pic:blipFill");
	xmlw_start(x, "a:blip");
	xmlw_attrf(x, "r:embed", "rId%d", o->logo_rid);
	xmlw_end(x);
	xmlw_start(x, "a:stretch");
	empty(x, "a:fillRect");
	xmlw_end(x);
	xmlw_end(x);
	xmlw_start(x, "pic:spPr");
	xmlw_start(x, "a:xfrm");
	xmlw_empty(x, "a:off", "x", "0", "y", "0", NULL);
	xmlw_start(x, "a:ext");
	attr_long(x, "cx", emu(st->logo_w));
	attr_long(x, "cy", emu(st->logo_h));
	xmlw_end(x);
	xmlw_end(x);
	xmlw_start(x, "a:prstGeom");
	xmlw_attr(x, "prst", "rect");
	empty(x, "a:avLst");
	xmlw_end(x);
	xmlw_end(x);
	xmlw_end(x); /* pic */
	inline_close(o);
	xmlw_end(x);
	xmlw_end(x);
}

/* Is href one a reader may follow from the document (http, https,
 * mailto)?  Other schemes stay plain text. */
static int live_scheme(const char *h)
{
	return strncmp(h, "http://", 7) == 0 || strncmp(h, "https://", 8) == 0 ||
	       strncmp(h, "mailto:", 7) == 0;
}

static void start_link(docx *o, const doc_node *n)
{
	xmlw *x = &o->x;
	const char *h = n->u.link.href;
	if (o->links++ || !h || !*h)
		return;
	if (h[0] == '#' && h[1]) {
		char mark[64];
		doc_node tmp = {0};
		tmp.type = DOC_HEADING;
		tmp.u.heading.anchor = h + 1;
		heading_mark(&tmp, 0, mark, sizeof mark);
		xmlw_start(x, "w:hyperlink");
		xmlw_attr(x, "w:anchor", mark);
	} else if (live_scheme(h)) {
		int rid = o->next_rid++;
		rel(&o->rx, rid, RT "hyperlink", h, 1);
		xmlw_start(x, "w:hyperlink");
		xmlw_attrf(x, "r:id", "rId%d", rid);
	} else {
		return;
	}
	xmlw_attr(x, "w:history", "1");
	o->live_link = 1;
}

static void end_link(docx *o)
{
	if (--o->links)
		return;
	if (o->live_link)
		xmlw_end(&o->x);
	o->live_link = 0;
}

/* A section's reference to its header or footer part rid. */
static void part_ref(xmlw *x, const char *elem, const char *type, int rid)
{
	xmlw_start(x, elem);
	xmlw_attr(x, "w:type", type);
	xmlw_attrf(x, "r:id", "rId%d", rid);
	xmlw_end(x);
}

static void write_sectpr(docx *o)
{
	xmlw *x = &o->x;
	const doc *dc = o->doc;
	const doc_node *f0 = dc->root->first;
	int title_first = (f0 && doc_opens_title_block(f0)) || dc->cover;
	int has_header = dc->header_text && *dc->header_text;
	xmlw_start(x, "w:sectPr");
	if (has_header)
		part_ref(x, "w:headerReference", "default", RID_HEADER);
	part_ref(x, "w:footerReference", "default", RID_FOOTER);
	/* The title page: no running header, the footer as on every page
	 * (a part of its own, as Word writes one per reference); a cover
	 * has no footer either. */
	if (title_first) {
		part_ref(x, "w:headerReference", "first", RID_HEADER_FIRST);
		part_ref(x, "w:footerReference", "first", RID_FOOTER_FIRST);
	}
	xmlw_start(x, "w:pgSz");
	attr_long(x, "w:w", twips(o->doc->style.page_w));
	attr_long(x, "w:h", twips(o->doc->style.page_h));
	if (o->doc->style.page_w > o->doc->style.page_h)
		xmlw_attr(x, "w:orient", "landscape");
	xmlw_end(x);
	/* Word measures the margins to the body, as the PDF does; the header
	 * and footer sit in them where the PDF draws its own. */
	const doc_style *st = &o->doc->style;
	double fl = st->furniture_size * FONT_LINE; /* one line of the furniture */
	double hd = o->doc->style.margin_top - st->header_gap - fl, fd = o->doc->style.margin_bottom - st->footer_gap - fl;
	xmlw_start(x, "w:pgMar");
	attr_long(x, "w:top", twips(o->doc->style.margin_top));
	attr_long(x, "w:right", twips(o->doc->style.margin_right));
	attr_long(x, "w:bottom", twips(o->doc->style.margin_bottom));
	attr_long(x, "w:left", twips(o->doc->style.margin_left));
	attr_long(x, "w:header", twips(hd < 14 ? 14 : hd));
	attr_long(x, "w:footer", twips(fd < 14 ? 14 : fd));
	xmlw_attr(x, "w:gutter", "0");
	xmlw_end(x);
	if (title_first)
		empty(x, "w:titlePg");
	xmlw_end(x);
}

/* What entering node n writes. */
static void enter_node(docx *o, const doc_node *n)
{
	xmlw *x = &o->x;
	switch (n->type) {
	case DOC_CHART: write_chart(o, n); break;
	case DOC_HEADING:
	case DOC_PARAGRAPH: start_para(o, n); break;
	case DOC_LIST:
		if (n->u.list.ordered && push(&o->olists, &o->nolists, &o->capolists, n) < 0)
			x->failed = 1;
		break;
	case DOC_TABLE: start_table(o, n); break;
	case DOC_ROW: start_row(o, n); break;
	case DOC_CELL: start_cell(o, n); break;
	case DOC_TOC: write_toc(o); break;
	case DOC_PAGE_BREAK:
		if (!doc_break_is_carried(n))
			spacer(o, 1, 1);
		break;
	case DOC_TEXT: put_text(o, n->u.text.text, n->u.text.len); break;
	case DOC_EMPH: o->emph++; break;
	case DOC_STRONG: o->strong++; break;
	case DOC_LINK: start_link(o, n); break;
	case DOC_BREAK:
		xmlw_start(x, "w:r");
		empty(x, "w:br");
		xmlw_end(x);
		break;
	default: break;
	}
}

/* What leaving container n writes. */
static void exit_node(docx *o, const doc_node *n)
{
	switch (n->type) {
	case DOC_HEADING:
	case DOC_PARAGRAPH: end_para(o, n); break;
	case DOC_TABLE:
		xmlw_end(&o->x);
		spacer(o, o->doc->style.table.after, 0);
		break;
	case DOC_ROW: xmlw_end(&o->x); break;
	case DOC_CELL:
		xmlw_end(&o->x);
		o->run_fill = 0;
		break;
	case DOC_EMPH: o->emph--; break;
	case DOC_STRONG: o->strong--; break;
	case DOC_LINK: end_link(o); break;
	default: break;
	}
}

static void write_body(docx *o)
{
	xmlw *x = &o->x;
	doc_iter it;
	const doc_node *n;
	doc_event ev;
	xmlw_start(x, "w:body");
	if (o->logo.len)
		write_logo(o);
	doc_iter_init(&it, o->doc->root);
	while ((ev = doc_iter_next(&it, &n)) != DOC_EV_DONE && !x->failed) {
		odfzip_deflate_some(&o->content, x->out);
		if (ev == DOC_EV_ENTER)
			enter_node(o, n);
		else
			exit_node(o, n);
	}
	write_sectpr(o);
	xmlw_end(x);
}

static void root_ns(xmlw *x, const char *name)
{
	xmlw_start(x, name);
	xmlw_attr(x, "xmlns:w", NS_W);
	xmlw_attr(x, "xmlns:r", NS_R);
}

static int write_document(docx *o, buf *out)
{
	xmlw *x = &o->x;
	xmlw_open(x, out); /* a failure is sticky: xmlw_close reports it */
	root_ns(x, "w:document");
	xmlw_attr(x, "xmlns:wp", NS_WP);
	write_body(o);
	xmlw_end(x);
	if (xmlw_close(x) < 0)
		return -1;
	return odfzip_deflate(&o->content, out, 1);
}

/* ---- styles.xml ------------------------------------------------------------------- */

typedef struct pdef {
	const char *id, *name, *based, *next;
	double above, below, size; /* points; < 0: not set */
	uint32_t rgb;              /* > 0xFFFFFF: not set */
	int bold, keep, outline;   /* outline: 0 none, else level 1..9 */
	int nohyph, ui;            /* ui: uiPriority, 0 none */
	double leading;            /* line height / size; 0: not set */
} pdef;

#define NO_RGB 0x1000000u

enum { RP_BOLD = 1, RP_ITALIC = 2, RP_UNDERLINE = 4 };

/* A style's w:rPr: the RP_ flags in props, its colour (NO_RGB:
 * inherited) and size (0: inherited), in the schema's order. */
static void rpr(xmlw *x, int props, uint32_t rgb, double size)
{
	xmlw_start(x, "w:rPr");
	if (props & RP_BOLD) {
		empty(x, "w:b");
		empty(x, "w:bCs");
	}
	if (props & RP_ITALIC) {
		empty(x, "w:i");
		empty(x, "w:iCs");
	}
	if (rgb <= 0xFFFFFF) {
		xmlw_start(x, "w:color");
		attr_rgb(x, "w:val", rgb);
		xmlw_end(x);
	}
	if (size > 0) {
		val_long(x, "w:sz", halfpts(size));
		val_long(x, "w:szCs", halfpts(size));
	}
	if (props & RP_UNDERLINE)
		val(x, "w:u", "single");
	xmlw_end(x);
}

static void style_head(xmlw *x, const char *type, const char *id, const char *name,
		       const char *based, const char *next, int ui, int qformat)
{
	xmlw_start(x, "w:style");
	xmlw_attr(x, "w:type", type);
	xmlw_attr(x, "w:styleId", id);
	val(x, "w:name", name);
	if (based)
		val(x, "w:basedOn", based);
	if (next)
		val(x, "w:next", next);
	if (ui)
		val_long(x, "w:uiPriority", ui);
	if (qformat)
		empty(x, "w:qFormat");
}

/* The style of a paragraph role or heading level r, based on Normal. */
static pdef role_pdef(const char *id, const char *name, const char *next, const doc_role *r,
		      int outline, int ui)
{
	pdef p = {id, name, "Normal", next, r->before, r->after, r->size, r->rgb, r->bold,
		  r->keep_with_next, outline, !r->hyphenate, ui, r->leading};
	return p;
}

static void para_def(docx *o, const pdef *p, const char *extra_tabs_end)
{
	xmlw *x = &o->x;
	(void)extra_tabs_end;
	style_head(x, "paragraph", p->id, p->name, p->based, p->next, p->ui, 1);
	xmlw_start(x, "w:pPr");
	if (p->keep)
		empty(x, "w:keepNext");
	if (p->nohyph)
		empty(x, "w:suppressAutoHyphens");
	if (p->above >= 0 || p->below >= 0 || p->leading > 0) {
		xmlw_start(x, "w:spacing");
		if (p->above >= 0)
			attr_long(x, "w:before", twips(p->above));
		if (p->below >= 0)
			attr_long(x, "w:after", twips(p->below));
		if (p->leading > 0) {
			attr_long(x, "w:line", auto_line(p->leading));
			xmlw_attr(x, "w:lineRule", "auto");
		}
		xmlw_end(x);
	}
	if (p->outline)
		val_long(x, "w:outlineLvl", p->outline - 1);
	xmlw_end(x);
	rpr(x, p->bold ? RP_BOLD : 0, p->rgb, p->size);
	xmlw_end(x);
}


/* header or footer: small, muted, a rule below (header) or above. */
static void page_text_style(docx *o, const char *id, const char *name, int top_rule)
{
	xmlw *x = &o->x;
	const doc_style *s = &o->doc->style;
	style_head(x, "paragraph", id, name, "Normal", NULL, 99, 0);
	xmlw_start(x, "w:pPr");
	xmlw_start(x, "w:pBdr");
	border(x, top_rule ? "w:top" : "w:bottom", s->furniture_rule_w, s->rule_rgb, 3);
	xmlw_end(x);
	xmlw_start(x, "w:tabs");
	xmlw_start(x, "w:tab");
	xmlw_attr(x, "w:val", "right");
	attr_long(x, "w:pos", twips(o->text_w));
	xmlw_end(x);
	xmlw_end(x);
	empty(x, "w:suppressAutoHyphens");
	xmlw_empty(x, "w:spacing", "w:before", "0", "w:after", "0", NULL);
	xmlw_end(x);
	rpr(x, 0, s->muted_rgb, s->furniture_size);
	xmlw_end(x);
}

static void toc_style(docx *o, int level)
{
	xmlw *x = &o->x;
	char id[16], name[16];
	snprintf(id, sizeof id, "TOC%d", level);
	snprintf(name, sizeof name, "toc %d", level);
	const doc_toc_style *t = &o->doc->style.toc;
	double indent = (level - 1) * t->indent;
	style_head(x, "paragraph", id, name, "Normal", "Normal", 39, 0);
	xmlw_start(x, "w:pPr");
	xmlw_start(x, "w:tabs");
	xmlw_start(x, "w:tab");
	xmlw_attr(x, "w:val", "right");
	xmlw_attr(x, "w:leader", "dot");
	attr_long(x, "w:pos", twips(o->text_w));
	xmlw_end(x);
	xmlw_end(x);
	empty(x, "w:suppressAutoHyphens");
	xmlw_start(x, "w:spacing");
	attr_long(x, "w:before", twips(level == 1 ? t->before_1 : t->before));
	xmlw_attr(x, "w:after", "0");
	attr_long(x, "w:line", auto_line(t->leading));
	xmlw_attr(x, "w:lineRule", "auto");
	xmlw_end(x);
	/* a hanging indent: an entry's second line starts under its text */
	double hang = t->hang[level - 1 < DOC_HEADINGS ? level - 1 : DOC_HEADINGS - 1];
	xmlw_start(x, "w:ind");
	attr_long(x, "w:left", twips(indent + hang));
	attr_long(x, "w:hanging", twips(hang));
	xmlw_end(x);
	xmlw_end(x);
	rpr(x, level == 1 ? RP_BOLD : 0, NO_RGB, 0);
	xmlw_end(x);
}

/* A character style of the RP_ flags props and colour rgb (NO_RGB:
 * inherited); ui: its priority in Word's style lists (below 99 it is
 * also a quick style). */
static void char_style(docx *o, const char *id, const char *name, int props, uint32_t rgb,
		       int ui)
{
	xmlw *x = &o->x;
	style_head(x, "character", id, name, "DefaultParagraphFont", NULL, ui, ui < 99);
	rpr(x, props, rgb, 0);
	xmlw_end(x);
}

/* One character style per fill, named by its label ("Forsinket"), for
 * the words in the cells it shades: restyling it in Word changes every
 * such status at once.  The shade itself is on each cell, where no style
 * reaches. */
static void fill_styles(docx *o)
{
	static const char *const taken[] = {"Normal", "Strong", "Emphasis", "Hyperlink",
					    "Default Paragraph Font"};
	const doc *dc = o->doc;
	for (int i = 1; i < dc->nfills && i < DOC_MAX_FILLS; i++) {
		const char *label = dc->fills[i].label && *dc->fills[i].label ? dc->fills[i].label
									      : o->fill_id[i];
		int dup = 0;
		for (size_t k = 0; k < sizeof taken / sizeof taken[0] && !dup; k++)
			dup = strcmp(label, taken[k]) == 0;
		for (int j = 1; j < i && !dup; j++)
			dup = dc->fills[j].label && strcmp(dc->fills[j].label, label) == 0;
		char name[128];
		snprintf(name, sizeof name, dup ? "%s (%s)" : "%s", label, o->fill_id[i]);
		char_style(o, o->fill_id[i], name, 0, dc->fills[i].text_rgb, 0);
	}
}

/* The table style: horizontal rules between the rows as in the PDF,
 * heavier around the header row, the cells' padding; no vertical lines. */
static void table_styles(docx *o)
{
	xmlw *x = &o->x;
	const doc_style *s = &o->doc->style;
	const doc_table_style *ts = &s->table;
	style_head(x, "table", "TableNormal", "Normal Table", NULL, NULL, 99, 0);
	empty(x, "w:semiHidden");
	empty(x, "w:unhideWhenUsed");
	xmlw_start(x, "w:tblPr");
	xmlw_empty(x, "w:tblInd", "w:w", "0", "w:type", "dxa", NULL);
	xmlw_start(x, "w:tblCellMar");
	static const char *const sides[] = {"w:top", "w:left", "w:bottom", "w:right"};
	for (int i = 0; i < 4; i++) {
		xmlw_start(x, sides[i]);
		attr_long(x, "w:w", twips(i % 2 ? ts->pad : 0));
		xmlw_attr(x, "w:type", "dxa");
		xmlw_end(x);
	}
	xmlw_end(x);
	xmlw_end(x);
	xmlw_end(x);

	/* the style element's order: ... pPr, rPr, tblPr, trPr, tcPr, tblStylePr */
	style_head(x, "table", "ReportTable", "Report Table", "TableNormal", NULL, 59, 0);
	xmlw_start(x, "w:pPr");
	xmlw_empty(x, "w:spacing", "w:before", "0", "w:after", "0", NULL);
	xmlw_end(x);
	xmlw_start(x, "w:tblPr");
	xmlw_start(x, "w:tblBorders");
	double vw = ts->grid ? ts->rule_w : 0; /* a grid boxes every cell */
	border(x, "w:top", ts->rule_w, s->rule_rgb, 0);
	border(x, "w:left", vw, s->rule_rgb, 0);
	border(x, "w:bottom", ts->rule_w, s->rule_rgb, 0);
	border(x, "w:right", vw, s->rule_rgb, 0);
	border(x, "w:insideH", ts->rule_w, s->rule_rgb, 0);
	border(x, "w:insideV", vw, s->rule_rgb, 0);
	xmlw_end(x);
	xmlw_start(x, "w:tblCellMar");
	for (int i = 0; i < 4; i++) {
		xmlw_start(x, sides[i]);
		attr_long(x, "w:w", twips(ts->pad));
		xmlw_attr(x, "w:type", "dxa");
		xmlw_end(x);
	}
	xmlw_end(x);
	xmlw_end(x);
	xmlw_start(x, "w:tblStylePr");
	xmlw_attr(x, "w:type", "firstRow");
	xmlw_start(x, "w:tcPr");
	xmlw_start(x, "w:tcBorders");
	border(x, "w:top", ts->header_rule_w, s->rule_rgb, 0);
	border(x, "w:bottom", ts->header_rule_w, s->rule_rgb, 0);
	xmlw_end(x);
	xmlw_end(x);
	xmlw_end(x);
	xmlw_end(x);
}

static void write_styles_body(docx *o)
{
	xmlw *x = &o->x;
	const doc *dc = o->doc;
	const doc_style *s = &dc->style;
	double fs = o->doc->style.font_size;

	xmlw_start(x, "w:docDefaults");
	xmlw_start(x, "w:rPrDefault");
	xmlw_start(x, "w:rPr");
	xmlw_empty(x, "w:rFonts",
		   "w:ascii", o->doc->style.font_family,
		   "w:hAnsi", o->doc->style.font_family,
		   "w:eastAsia", o->doc->style.font_family,
		   "w:cs", o->doc->style.font_family, NULL);
	xmlw_start(x, "w:color");
	attr_rgb(x, "w:val", s->text_rgb);
	xmlw_end(x);
	val_long(x, "w:sz", halfpts(fs));
	val_long(x, "w:szCs", halfpts(fs));
	if (o->lang[0]) {
		xmlw_empty(x, "w:lang",
			   "w:val", o->lang,
			   "w:eastAsia", o->lang,
			   "w:bidi", o->lang, NULL);
	}
	xmlw_end(x);
	xmlw_end(x);
	xmlw_start(x, "w:pPrDefault");
	xmlw_start(x, "w:pPr");
	xmlw_empty(x, "w:spacing", "w:after", "0", "w:line", "240", "w:lineRule", "auto", NULL);
	xmlw_end(x);
	xmlw_end(x);
	xmlw_end(x);

	/* Normal is the running text.  Word's widow control keeps two lines
	 * together, whatever the style's min_lines says. */
	const doc_role *body = &s->para[DOC_P_BODY];
	style_head(x, "paragraph", "Normal", "Normal", NULL, NULL, 0, 1);
	xmlw_start(x, "w:pPr");
	if (body->keep_with_next)
		empty(x, "w:keepNext");
	if (s->min_lines > 1)
		empty(x, "w:widowControl");
	if (!body->hyphenate)
		empty(x, "w:suppressAutoHyphens");
	xmlw_start(x, "w:spacing");
	attr_long(x, "w:before", twips(body->before));
	attr_long(x, "w:after", twips(body->after));
	attr_long(x, "w:line", auto_line(body->leading));
	xmlw_attr(x, "w:lineRule", "auto");
	xmlw_end(x);
	xmlw_end(x);
	rpr(x, body->bold ? RP_BOLD : 0, body->rgb, body->size);
	xmlw_end(x);

	style_head(x, "character", "DefaultParagraphFont", "Default Paragraph Font", NULL, NULL, 1,
		   0);
	empty(x, "w:semiHidden");
	empty(x, "w:unhideWhenUsed");
	xmlw_end(x);
	style_head(x, "numbering", "NoList", "No List", NULL, NULL, 99, 0);
	empty(x, "w:semiHidden");
	empty(x, "w:unhideWhenUsed");
	xmlw_end(x);

	const doc_role *P = s->para;
	const doc_table_style *ts = &s->table;
	const pdef defs[] = {
		role_pdef("Title", "Title", "Subtitle", &P[DOC_P_TITLE], 0, 10),
		role_pdef("Subtitle", "Subtitle", "Normal", &P[DOC_P_SUBTITLE], 0, 11),
		role_pdef("Heading1", "heading 1", "Normal", doc_style_heading(s, 1), 1, 9),
		role_pdef("Heading2", "heading 2", "Normal", doc_style_heading(s, 2), 2, 9),
		role_pdef("Heading3", "heading 3", "Normal", doc_style_heading(s, 3), 3, 9),
		role_pdef("MinorHeading1", "Heading 1 (not in contents)", "Normal",
			  doc_style_heading(s, 1), 0, 0),
		role_pdef("MinorHeading2", "Heading 2 (not in contents)", "Normal",
			  doc_style_heading(s, 2), 0, 0),
		role_pdef("MinorHeading3", "Heading 3 (not in contents)", "Normal",
			  doc_style_heading(s, 3), 0, 0),
		role_pdef("Lead", "Lead", NULL, &P[DOC_P_LEAD], 0, 0),
		role_pdef("Note", "Note", NULL, &P[DOC_P_NOTE], 0, 0),
		role_pdef("Caption", "caption", "Normal", &P[DOC_P_CAPTION], 0, 35),
		{"ListParagraph", "List Paragraph", "Normal", NULL, s->list.item_before, 0, -1,
		 NO_RGB, 0, 0, 0, 0, 34, 0},
		{"Figure", "Figure", "Normal", "Normal", s->chart.space, s->chart.space, -1, NO_RGB,
		 0, 0, 0, 1, 0, 0},
		/* the gap between two paragraphs of one cell: start_para */
		{"TableContents", "Table Contents", "Normal", NULL, 0, 0, ts->size,
		 NO_RGB, 0, 0, 0, 0, 0, ts->leading},
		{"TableNote", "Table Note", "TableContents", NULL, -1, -1, ts->note_size,
		 P[DOC_P_NOTE].rgb, 0, 0, 0, 0, 0, 0},
	};
	for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++)
		para_def(o, &defs[i], NULL);
	int hf = doc_fill_valid(o->doc, s->header_fill) ? s->header_fill : 0;
	pdef th = {"TableHeading", "Table Heading", "TableContents", NULL, -1, -1, -1,
		   hf ? dc->fills[hf].text_rgb : ts->header_text_rgb, 1, 0, 0, 1, 0, 0};
	para_def(o, &th, NULL);
	/* a filled cell is a label (doc_cell_is_label): not hyphenated; its
	 * colour is its fill's character style's */
	pdef lb = {"TableLabel", "Table Label", "TableContents", NULL, -1, -1, -1, NO_RGB,
		   0, 0, 0, 1, 0, 0};
	para_def(o, &lb, NULL);
	pdef ln = {"TableLabelNote", "Table Label Note", "TableNote", NULL, -1, -1, -1, NO_RGB,
		   0, 0, 0, 1, 0, 0};
	para_def(o, &ln, NULL);
	pdef toch = role_pdef("TOCHeading", "TOC Heading", "Normal", doc_style_heading(s, 1), 0,
			      39);
	toch.based = "Heading1";
	/* the contents' title must not be listed in the contents */
	style_head(x, "paragraph", toch.id, toch.name, toch.based, toch.next, toch.ui, 1);
	xmlw_start(x, "w:pPr");
	xmlw_start(x, "w:spacing");
	attr_long(x, "w:before", twips(toch.above));
	attr_long(x, "w:after", twips(toch.below));
	xmlw_end(x);
	val_long(x, "w:outlineLvl", 9);
	xmlw_end(x);
	rpr(x, 0, NO_RGB, toch.size);
	xmlw_end(x);
	for (int l = 1; l <= 3; l++)
		toc_style(o, l);
	page_text_style(o, "Header", "header", 0);
	page_text_style(o, "Footer", "footer", 1);
	char_style(o, "Emphasis", "Emphasis", RP_ITALIC, NO_RGB, 20);
	char_style(o, "Strong", "Strong", RP_BOLD, NO_RGB, 22);
	char_style(o, "Hyperlink", "Hyperlink", RP_UNDERLINE, s->link_rgb, 99);
	fill_styles(o);
	table_styles(o);
}

/* Part out from fn, which writes its elements with o->x: 0, or -1 when
 * any call failed (a failure is sticky: xmlw_close reports it). */
static int write_part(docx *o, buf *out, void (*fn)(docx *o))
{
	xmlw_open(&o->x, out);
	fn(o);
	return xmlw_close(&o->x);
}

static void styles_part(docx *o)
{
	xmlw *x = &o->x;
	root_ns(x, "w:styles");
	write_styles_body(o);
	xmlw_end(x);
}

/* ---- numbering.xml ------------------------------------------------------------------ */

static void abstract_num(docx *o, int id, int ordered)
{
	xmlw *x = &o->x;
	xmlw_start(x, "w:abstractNum");
	attr_long(x, "w:abstractNumId", id);
	xmlw_empty(x, "w:nsid", "w:val", ordered ? "5352504E" : "53525042", NULL);
	val(x, "w:multiLevelType", "multilevel");
	for (int l = 0; l < 9; l++) {
		char text[16];
		xmlw_start(x, "w:lvl");
		attr_long(x, "w:ilvl", l);
		val_long(x, "w:start", 1);
		val(x, "w:numFmt", ordered ? numfmts[l % 3] : "bullet");
		if (ordered)
			snprintf(text, sizeof text, "%%%d%s", l + 1, numsuffix[l % 3]);
		val(x, "w:lvlText", ordered ? text : doc_style_bullet(&o->doc->style, l + 1));
		/* as the PDF sets it: the label's right edge label_gap before
		 * the text, which starts one indent further per level */
		val(x, "w:lvlJc", "right");
		xmlw_start(x, "w:pPr");
		xmlw_start(x, "w:ind");
		attr_long(x, "w:left", twips(o->doc->style.list.indent * (l + 1)));
		attr_long(x, "w:hanging", twips(o->doc->style.list.label_gap));
		xmlw_end(x);
		xmlw_end(x);
		xmlw_end(x);
	}
	xmlw_end(x);
}

static void numbering_part(docx *o)
{
	xmlw *x = &o->x;
	root_ns(x, "w:numbering");
	abstract_num(o, 0, 0);
	abstract_num(o, 1, 1);
	xmlw_start(x, "w:num");
	xmlw_attr(x, "w:numId", "1");
	val_long(x, "w:abstractNumId", 0);
	xmlw_end(x);
	for (size_t i = 0; i < o->nolists; i++) {
		const doc_node *l = o->olists[i];
		int d = list_depth(l) + 1;
		xmlw_start(x, "w:num");
		attr_long(x, "w:numId", (long)i + 2);
		val_long(x, "w:abstractNumId", 1);
		xmlw_start(x, "w:lvlOverride");
		attr_long(x, "w:ilvl", d > 9 ? 8 : d - 1);
		val_long(x, "w:startOverride", l->u.list.start > 0 ? l->u.list.start : 1);
		xmlw_end(x);
		xmlw_end(x);
	}
	xmlw_end(x);
}

/* ---- header, footer, settings --------------------------------------------------------- */

static int write_header(docx *o, buf *out, const char *text)
{
	xmlw *x = &o->x;
	xmlw_open(x, out); /* a failure is sticky: xmlw_close reports it */
	root_ns(x, "w:hdr");
	xmlw_start(x, "w:p");
	if (text) {
		xmlw_start(x, "w:pPr");
		val(x, "w:pStyle", "Header");
		xmlw_end(x);
		xmlw_start(x, "w:r");
		put_t(x, text, strlen(text));
		xmlw_end(x);
	}
	xmlw_end(x);
	xmlw_end(x);
	return xmlw_close(x);
}

static void simple_field(xmlw *x, const char *code)
{
	xmlw_start(x, "w:fldSimple");
	xmlw_attr(x, "w:instr", code);
	xmlw_start(x, "w:r");
	put_t(x, "1", 1);
	xmlw_end(x);
	xmlw_end(x);
}

/* As the PDF's: the date at the left, "Side X av Y" at the right. */
static void footer_part(docx *o)
{
	xmlw *x = &o->x;
	const doc *dc = o->doc;
	char s[160];
	root_ns(x, "w:ftr");
	xmlw_start(x, "w:p");
	xmlw_start(x, "w:pPr");
	val(x, "w:pStyle", "Footer");
	xmlw_end(x);
	xmlw_start(x, "w:r");
	if (dc->date_text)
		put_t(x, dc->date_text, strlen(dc->date_text));
	empty(x, "w:tab");
	snprintf(s, sizeof s, "%s ", dc->page_word && *dc->page_word ? dc->page_word : "Side");
	put_t(x, s, strlen(s));
	xmlw_end(x);
	simple_field(x, " PAGE ");
	xmlw_start(x, "w:r");
	snprintf(s, sizeof s, " %s ", dc->of_word && *dc->of_word ? dc->of_word : "av");
	put_t(x, s, strlen(s));
	xmlw_end(x);
	simple_field(x, " NUMPAGES ");
	xmlw_end(x);
	xmlw_end(x);
}

/* A cover's footer: nothing. */
static void blank_footer_part(docx *o)
{
	xmlw *x = &o->x;
	root_ns(x, "w:ftr");
	xmlw_start(x, "w:p");
	xmlw_end(x);
	xmlw_end(x);
}

static void settings_part(docx *o)
{
	xmlw *x = &o->x;
	root_ns(x, "w:settings");
	xmlw_empty(x, "w:zoom", "w:percent", "100", NULL);
	val(x, "w:defaultTabStop", "709");
	/* Word has no setting for the letters left on either side of a break
	 * (the PDF's, the ODT's and the HTML's three), nor for a page's last
	 * line: the labels and headings it must not break have
	 * suppressAutoHyphens in their styles */
	empty(x, "w:autoHyphenation");
	val(x, "w:consecutiveHyphenLimit", "2");
	val(x, "w:hyphenationZone", "425");
	/* the contents' page numbers are fields: Word fills them in on opening */
	empty(x, "w:updateFields");
	xmlw_start(x, "w:compat");
	xmlw_empty(x, "w:compatSetting",
		   "w:name", "compatibilityMode",
		   "w:uri", "http://schemas.microsoft.com/office/word",
		   "w:val", "15", NULL);
	xmlw_end(x);
	if (o->lang[0])
		val(x, "w:themeFontLang", o->lang);
	int comma = strncmp(o->lang, "en", 2) != 0 && o->lang[0];
	val(x, "w:decimalSymbol", comma ? "," : ".");
	val(x, "w:listSeparator", comma ? ";" : ",");
	xmlw_end(x);
}

/* ---- docProps, content types, package rels ------------------------------------------------ */

static void core_part(docx *o)
{
	xmlw *x = &o->x;
	const doc *dc = o->doc;
	char when[32];
	struct tm tm;
	time_t t = dc->created;
	if (!gmtime_r(&t, &tm) || !strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm))
		strcpy(when, "1970-01-01T00:00:00Z");
	xmlw_start(x, "cp:coreProperties");
	xmlw_attr(x, "xmlns:cp",
		  "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
	xmlw_attrs(x,
		   "xmlns:dc", "http://purl.org/dc/elements/1.1/",
		   "xmlns:dcterms", "http://purl.org/dc/terms/",
		   "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance", NULL);
	xmlw_elem(x, "dc:title", dc->title);
	xmlw_elem(x, "dc:subject", dc->subject);
	xmlw_elem(x, "dc:creator", dc->author);
	xmlw_elem(x, "cp:keywords", dc->keywords);
	if (o->lang[0])
		xmlw_elem(x, "dc:language", o->lang);
	xmlw_elem(x, "cp:lastModifiedBy", dc->author);
	static const char *const dates[] = {"dcterms:created", "dcterms:modified"};
	for (int i = 0; i < 2; i++) {
		xmlw_start(x, dates[i]);
		xmlw_attr(x, "xsi:type", "dcterms:W3CDTF");
		xmlw_puts(x, when);
		xmlw_end(x);
	}
	xmlw_end(x);
}

static void app_part(docx *o)
{
	xmlw *x = &o->x;
	xmlw_start(x, "Properties");
	xmlw_attr(x, "xmlns",
		  "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
	xmlw_elem(x, "Application", "statusrapport/" SR_VERSION);
	xmlw_elem(x, "Company", o->doc->author);
	xmlw_end(x);
}

static void override(xmlw *x, const char *part, const char *type)
{
	xmlw_empty(x, "Override", "PartName", part, "ContentType", type, NULL);
}

static void deflt(xmlw *x, const char *ext, const char *type)
{
	xmlw_empty(x, "Default", "Extension", ext, "ContentType", type, NULL);
}

static void content_types_part(docx *o)
{
	xmlw *x = &o->x;
	xmlw_start(x, "Types");
	xmlw_attr(x, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
	deflt(x, "rels", "application/vnd.openxmlformats-package.relationships+xml");
	deflt(x, "xml", "application/xml");
	if (o->logo.len)
		deflt(x, o->logo_info.type == IMAGE_JPEG ? "jpg" : "png",
		      o->logo_info.type == IMAGE_JPEG ? "image/jpeg" : "image/png");
	override(x, "/word/document.xml", CT_WML "document.main+xml");
	override(x, "/word/styles.xml", CT_WML "styles+xml");
	override(x, "/word/settings.xml", CT_WML "settings+xml");
	override(x, "/word/numbering.xml", CT_WML "numbering+xml");
	override(x, "/word/header1.xml", CT_WML "header+xml");
	override(x, "/word/header2.xml", CT_WML "header+xml");
	override(x, "/word/footer1.xml", CT_WML "footer+xml");
	override(x, "/word/footer2.xml", CT_WML "footer+xml");
	for (size_t i = 0; i < o->ncharts; i++) {
		char part[48];
		snprintf(part, sizeof part, "/word/charts/chart%zu.xml", i + 1);
		override(x, part, "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
	}
	override(x, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
	override(x, "/docProps/app.xml",
		 "application/vnd.openxmlformats-officedocument.extended-properties+xml");
	xmlw_end(x);
}

static void package_rels_part(docx *o)
{
	xmlw *x = &o->x;
	xmlw_start(x, "Relationships");
	xmlw_attr(x, "xmlns", NS_RELS);
	rel(x, 1, RT "officeDocument", "word/document.xml", 0);
	rel(x, 2, "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
	    "docProps/core.xml", 0);
	rel(x, 3, RT "extended-properties", "docProps/app.xml", 0);
	xmlw_end(x);
}

/* ---- entry point ------------------------------------------------------------------------ */

/* The package's parts, in zip order (charts and the logo after them). */
enum { P_TYPES, P_RELS, P_DOCUMENT, P_DOCRELS, P_STYLES, P_SETTINGS, P_NUMBERING, P_HEADER,
       P_HEADER_FIRST, P_FOOTER, P_FOOTER_FIRST, P_CORE, P_APP, NPARTS };
static const char *const part_name[NPARTS] = {
	"[Content_Types].xml", "_rels/.rels", "word/document.xml",
	"word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
	"word/numbering.xml", "word/header1.xml", "word/header2.xml", "word/footer1.xml",
	"word/footer2.xml",
	"docProps/core.xml", "docProps/app.xml",
};

sr_status docx_render(const doc *dc, buf *out, diag *d)
{
	buf parts[NPARTS];
	buf *cparts = NULL; /* the charts' parts */
	char (*cnames)[48] = NULL;
	odfzip_part *zp = NULL;
	sr_status st = SR_SYSTEM;
	for (int i = 0; i < NPARTS; i++)
		parts[i] = (buf)BUF_INIT;
	if (backend_check_tree(dc, "DOCX", d) != SR_OK)
		return SR_INVALID;
	docx *o = xcalloc(1, sizeof *o);
	if (!o)
		goto oom;
	docx_init(o, dc);
	st = backend_load_logo(dc, &o->logo, &o->logo_info, d);
	if (st != SR_OK)
		goto done;
	rels_open(o);
	if (write_document(o, &parts[P_DOCUMENT]) < 0)
		goto oom;
	xmlw_end(&o->rx);
	if (xmlw_close(&o->rx) < 0)
		goto oom;
	parts[P_DOCRELS] = o->rels;
	o->rels = (buf)BUF_INIT;
	if (write_part(o, &parts[P_TYPES], content_types_part) < 0 ||
	    write_part(o, &parts[P_RELS], package_rels_part) < 0 ||
	    write_part(o, &parts[P_STYLES], styles_part) < 0 ||
	    write_part(o, &parts[P_SETTINGS], settings_part) < 0 ||
	    write_part(o, &parts[P_NUMBERING], numbering_part) < 0 ||
	    write_header(o, &parts[P_HEADER], dc->header_text ? dc->header_text : "") < 0 ||
	    write_header(o, &parts[P_HEADER_FIRST], NULL) < 0 ||
	    write_part(o, &parts[P_FOOTER], footer_part) < 0 ||
	    write_part(o, &parts[P_FOOTER_FIRST], dc->cover ? blank_footer_part : footer_part) < 0 ||
	    write_part(o, &parts[P_CORE], core_part) < 0 ||
	    write_part(o, &parts[P_APP], app_part) < 0)
		goto oom;
	cparts = xcalloc(o->ncharts + 1, sizeof *cparts);
	cnames = xcalloc(o->ncharts + 1, sizeof *cnames);
	zp = xcalloc(NPARTS + 1 + o->ncharts, sizeof *zp);
	if (!cparts || !cnames || !zp)
		goto oom;
	size_t nzp = 0;
	for (int i = 0; i < NPARTS; i++)
		zp[nzp++] = (odfzip_part){part_name[i], &parts[i],
					  i == P_DOCUMENT ? &o->content : NULL};
	for (size_t i = 0; i < o->ncharts; i++) {
		if (docxchart_write(o->charts[i]->u.chart.chart, o->lang[0] ? o->lang : NULL,
				    &cparts[i]) < 0)
			goto oom;
		snprintf(cnames[i], sizeof cnames[i], "word/charts/chart%zu.xml", i + 1);
		zp[nzp++] = (odfzip_part){cnames[i], &cparts[i], NULL};
	}
	char logo_part[32];
	if (o->logo.len) {
		snprintf(logo_part, sizeof logo_part, "word/%s", logo_name(o));
		zp[nzp++] = (odfzip_part){logo_part, &o->logo, NULL};
	}
	st = odfzip_build(NULL, zp, nzp, dc->created, "the DOCX package", out, d);
	goto done;
oom:
	st = backend_out_of_memory("DOCX", d);
done:
	for (size_t i = 0; o && cparts && i < o->ncharts; i++)
		buf_free(&cparts[i]);
	xfree(cparts);
	xfree(cnames);
	xfree(zp);
	if (o) {
		if (o->rx.w)
			xmlw_close(&o->rx);
		buf_free(&o->rels);
		buf_free(&o->logo);
		xfree(o->charts);
		xfree(o->olists);
		xfree(o->colw);
		odfzip_deflated_free(&o->content);
	}
	xfree(o);
	for (int i = 0; i < NPARTS; i++)
		buf_free(&parts[i]);
	return st;
}

/* ---- the format's row (backend.h) ---- */

const backend backend_docx = {
	.name = "docx",
	.ext = "docx",
	.media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	.render_doc = docx_render,
};
