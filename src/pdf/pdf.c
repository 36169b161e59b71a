/* pdf.c: the PDF backend -- the engine (fonts, hyphenation) and the painter.
 *
 * The painter takes a finished layout (layout.h) and paints each box with
 * libharu; it decides no positions.  One HPDF_Doc per render, so renders on
 * one engine may run in several threads.  libharu reports errors through a
 * handler we install per document; it records the first error and every
 * step checks it, so a failure becomes an sr_status with a message. */
#include "pdf.h"

#include <hpdf.h>
#include <hpdf_pages.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "fonts.h"
#include "hyph.h"
#include "layout.h"
#include "pdfenc.h"
#include "pdffont.h"
#include "pdftag.h"
#include "pdfz.h"
#include "base/xalloc.h"
#include "input/image.h"

/* fail-fast: libharu 2.3.0 dereferences NULL in HPDF_GetMem after a
 * failed allocation (see xalloc.h) */
static void *hpdf_alloc(HPDF_UINT size) { return xmalloc_lib(size); }
static void hpdf_free(void *p) { xfree(p); }

struct pdf_engine {
	fonts *fonts;
	hyph *hyph;
	pdffont_cache *fontz; /* deflated font programs, shared by renders */
};

sr_status pdf_engine_open(pdf_engine **out, const char *const *font_dirs, diag *d)
{
	*out = NULL;
	sr_status st;
	pdf_engine *e = xcalloc(1, sizeof *e);
	if (!e)
		goto oom;
	if ((st = hyph_open(&e->hyph, NULL, d)) != SR_OK ||
	    (st = fonts_open(&e->fonts, font_dirs, d)) != SR_OK)
		goto fail;
	if (!(e->fontz = pdffont_cache_new()))
		goto oom;
	*out = e;
	return SR_OK;
oom:
	diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory opening the PDF engine");
	st = SR_SYSTEM;
fail:
	pdf_engine_close(e);
	return st;
}

void pdf_engine_close(pdf_engine *e)
{
	if (!e)
		return;
	fonts_close(e->fonts);
	hyph_close(e->hyph);
	pdffont_cache_free(e->fontz);
	xfree(e);
}

void pdf_engine_prepare(pdf_engine *e, const char *family)
{
	const font_family *fam;
	diag quiet;
	diag_init(&quiet);
	if (e)
		(void)fonts_family(e->fonts, family, &fam, &quiet);
	diag_free(&quiet);
}

/* ---- encodings ---- */

static int fits_cp1252(const char *s, size_t len)
{
	for (size_t i = 0; s && i < len;) {
		int adv;
		unsigned long c = font_utf8(s + i, len - i, &adv);
		if (!pdfenc_byte(NULL, c) || c < 0x20)
			return 0;
		i += (size_t)adv;
	}
	return 1;
}

/* PDFDocEncoding (PDF 32000-1, annex D.2), the encoding of text strings
 * outside the pages: Latin-1 but for 0xAD, and these at 0x18..0x1F and
 * 0x80..0xA0 (0x9F has none).  Every CP1252 character but the soft hyphen
 * is among them. */
static const unsigned short pdfdoc_lo[8] = {0x02D8, 0x02C7, 0x02C6, 0x02D9,
					    0x02DD, 0x02DB, 0x02DA, 0x02DC};
static const unsigned short pdfdoc_hi[33] = {
	0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039,
	0x203A, 0x2212, 0x2030, 0x201E, 0x201C, 0x201D, 0x2018, 0x2019, 0x201A,
	0x2122, 0xFB01, 0xFB02, 0x0141, 0x0152, 0x0160, 0x0178, 0x017D, 0x0131,
	0x0142, 0x0153, 0x0161, 0x017E, 0,      0x20AC};

/* The PDFDocEncoding byte for c, or 0 when it has none (or is a control
 * character, which a bookmark has no use for). */
static int pdfdoc(unsigned long c)
{
	if ((c >= 0x20 && c < 0x7F) || (c >= 0xA1 && c <= 0xFF && c != 0xAD))
		return (int)c;
	for (int i = 0; i < 8; i++)
		if (pdfdoc_lo[i] == c)
			return 0x18 + i;
	for (int i = 0; i < 33; i++)
		if (pdfdoc_hi[i] && pdfdoc_hi[i] == c)
			return 0x80 + i;
	return 0;
}

/* s (UTF-8) in PDFDocEncoding into out (room for strlen(s) + 1 bytes:
 * never longer; NULL: only whether it converts), or -1 when a character
 * has no byte there.  A NULL s converts (to nothing). */
static int to_pdfdoc(const char *s, char *out)
{
	size_t len = s ? strlen(s) : 0;
	for (size_t i = 0; i < len;) {
		int adv;
		int b = pdfdoc(font_utf8(s + i, len - i, &adv));
		if (!b)
			return -1;
		if (out)
			*out++ = (char)b;
		i += (size_t)adv;
	}
	if (out)
		*out = 0;
	return 0;
}

/* ---- one render ---- */

typedef struct render {
	HPDF_Doc pdf;
	HPDF_STATUS err, detail;
	const layout *l;
	const font_family *fam;
	int utf8;
	pdfenc enc; /* the single-byte faces' encoding (utf8 off) */
	int docenc; /* bookmarks and properties in PDFDocEncoding, not UTF-16 */
	HPDF_Font font[FONT_NSTYLES];
	HPDF_Page *pages;
	HPDF_Image logo;
	char *tmp; /* text converted for libharu */
	size_t tmpcap;
	pdftag *tag; /* tagged PDF/A-2a (pdftag.h); NULL: hooks do nothing */
	HPDF_Dict unicode_map; /* untagged: the UTF-8 fonts' /ToUnicode */
	pdfz z;      /* deflates the pages' content as they are painted */
	/* links to pages not made yet (a TOC's), made once every page is */
	struct later_link {
		layout_box b; /* a copy: the page's boxes are given up */
		int page;
	} *later;
	size_t nlater, caplater;
} render;

static void on_error(HPDF_STATUS err, HPDF_STATUS detail, void *user)
{
	render *r = user;
	if (!r->err) {
		r->err = err;
		r->detail = detail;
	}
}

/* r->tmp with room for n bytes; NULL when memory runs out. */
static char *tmp_reserve(render *r, size_t n)
{
	if (n > r->tmpcap) {
		char *p = xrealloc(r->tmp, n);
		if (!p)
			return NULL;
		r->tmp = p;
		r->tmpcap = n;
	}
	return r->tmp;
}

/* s[0..len) NUL-terminated for libharu's UTF-8 encoder (CP1252 runs are
 * written by raw_text). */
static const char *enc_utf8(render *r, const char *s, size_t len)
{
	char *t = tmp_reserve(r, len + 1);
	if (!t)
		return NULL;
	memcpy(t, s, len);
	t[len] = 0;
	return t;
}

/* v in units of 10^-places (places 1 to 4) as PDF writes a number, without
 * trailing zeros: fixed(o, -350, 2) "-3.5", fixed(o, 7, 3) "0.007". */
static char *fixed(char *o, long v, int places)
{
	long unit = 10;
	for (int k = 1; k < places; k++)
		unit *= 10;
	if (v < 0)
		*o++ = '-', v = -v;
	/* the whole part's digits backwards, then in order: sprintf was a
	 * twentieth of a small report's painting */
	char digits[24], *q = digits;
	long whole = v / unit;
	do
		*q++ = (char)('0' + whole % 10);
	while ((whole /= 10) != 0);
	while (q > digits)
		*o++ = *--q;
	long f = v % unit;
	if (f) {
		*o++ = '.';
		for (long d = unit / 10; f; d /= 10) { /* f < unit: ends by d == 1 */
			*o++ = (char)('0' + f / d);
			f %= d;
		}
	}
	return o;
}

/* One CP1252 run as "dx dy Td (text) Tj", written straight into the page's
 * content stream.  libharu's TextOut does the same through MoveTextPos and
 * ShowText, which clear a 512-byte buffer a byte at a time each, measure
 * the string again to advance a position nobody reads, and escape every
 * byte above 0x7E as octal: a third of the painting time of a long report.
 * Positions are kept in whole hundredths of a point (0.0035 mm), so the
 * relative moves add up exactly and the page's runs sit where layout put
 * them.  (UTF-8 runs go through libharu, whose encoder maps them to glyph
 * ids.)  *tx, *ty: the text line's position, 0 after BT. */
static int raw_text(render *r, HPDF_Page pg, double x, double y, const char *s, size_t len,
		    long *tx, long *ty)
{
	/* two numbers of at most 21 characters, the operators, and at most
	 * four bytes ("\ooo") per character of s */
	char *t = tmp_reserve(r, 2 * 24 + 8 + 4 * len);
	if (!t)
		return -1;
	long X = lround(x * 100), Y = lround(y * 100);
	char *o = fixed(t, X - *tx, 2);
	*o++ = ' ';
	o = fixed(o, Y - *ty, 2);
	memcpy(o, " Td\012(", 5), o += 5;
	*tx = X, *ty = Y;
	for (size_t i = 0; i < len;) {
		int adv;
		unsigned long c = font_utf8(s + i, len - i, &adv);
		int b = pdfenc_byte(&r->enc, c);
		unsigned char ch = (unsigned char)(b ? b : '?');
		i += (size_t)adv;
		if (ch == '(' || ch == ')' || ch == '\\')
			*o++ = '\\', *o++ = (char)ch;
		else if (ch < 0x20)
			*o++ = '\\', *o++ = '0', *o++ = (char)('0' + (ch >> 3)), *o++ = (char)('0' + (ch & 7));
		else
			*o++ = (char)ch;
	}
	memcpy(o, ") Tj\012", 5), o += 5;
	HPDF_Stream st = ((HPDF_PageAttr)pg->attr)->stream;
	return HPDF_Stream_Write(st, (const HPDF_BYTE *)t, (HPDF_UINT)(o - t)) == HPDF_OK
		       ? 0
		       : -1;
}

/* A colour channel (0-255) as a PDF number in [0, 1], four places: enough
 * for every channel to read back as itself. */
static char *channel(char *o, unsigned c)
{
	return fixed(o, (long)((c * 10000 + 127) / 255), 4);
}

/* Fills, rules and colours are written straight into the content stream
 * as the text runs are (see raw_text): each libharu operator call cleared
 * a 512-byte buffer a byte at a time and formatted its numbers through
 * floats, 5 % of painting a long report.  libharu's record of the graphics
 * state is not used: it only writes what it is asked to. */
static void raw_ops(render *r, HPDF_Page pg, const char *t, char *end)
{
	HPDF_Stream st = ((HPDF_PageAttr)pg->attr)->stream;
	if (!r->err && HPDF_Stream_Write(st, (const HPDF_BYTE *)t, (HPDF_UINT)(end - t)) != HPDF_OK)
		r->err = HPDF_FAILD_TO_ALLOC_MEM;
}

static void rgb(render *r, HPDF_Page pg, uint32_t c, int stroke)
{
	char t[64], *o = t;
	o = channel(o, (c >> 16) & 255), *o++ = ' ';
	o = channel(o, (c >> 8) & 255), *o++ = ' ';
	o = channel(o, c & 255);
	memcpy(o, stroke ? " RG\012" : " rg\012", 4), o += 4;
	raw_ops(r, pg, t, o);
}

/* "/Fn size Tf" for a CP1252 run's face, written as raw_text writes the
 * run: libharu's SetFontAndSize looked the font up and formatted the size
 * through floats, 3,000 instructions a call, 500 calls in the sample.  The
 * page's resources get the font as from libharu (GetLocalFontName adds it
 * on first use); its record of the current font is not needed, as no
 * libharu text call follows in CP1252. */
static void raw_font(render *r, HPDF_Page pg, HPDF_Font f, double size)
{
	const char *name = HPDF_Page_GetLocalFontName(pg, f);
	size_t n = name ? strlen(name) : 0;
	char t[96], *o = t;
	if (!n || n > 32) {
		/* not a name as libharu gives them (F1, F2, ...), or none: its
		 * own call, which reports what went wrong */
		HPDF_Page_SetFontAndSize(pg, f, (HPDF_REAL)size);
		return;
	}
	*o++ = '/';
	memcpy(o, name, n), o += n;
	*o++ = ' ';
	o = fixed(o, lround(size * 10000), 4);
	memcpy(o, " Tf\012", 4), o += 4;
	raw_ops(r, pg, t, o);
}

/* "x y w h re f" in thousandths of a point (the layout's
 * doubles to 0.0005 pt: a rule or fill edge lands on the same device pixel
 * as with libharu's floats) */
static void raw_fill(render *r, HPDF_Page pg, double x, double y, double w, double h)
{
	char t[128], *o = t;
	o = fixed(o, lround(x * 1000), 3), *o++ = ' ';
	o = fixed(o, lround(y * 1000), 3), *o++ = ' ';
	o = fixed(o, lround(w * 1000), 3), *o++ = ' ';
	o = fixed(o, lround(h * 1000), 3);
	memcpy(o, " re f\012", 6), o += 6;
	raw_ops(r, pg, t, o);
}

/* "x0 y0 m x1 y1 l S", with "lw w" first when lw >= 0 */
static void raw_rule(render *r, HPDF_Page pg, double lw, double x0, double y0, double x1,
		     double y1)
{
	char t[160], *o = t;
	if (lw >= 0) {
		o = fixed(o, lround(lw * 1000), 3);
		memcpy(o, " w\012", 3), o += 3;
	}
	o = fixed(o, lround(x0 * 1000), 3), *o++ = ' ';
	o = fixed(o, lround(y0 * 1000), 3);
	memcpy(o, " m ", 3), o += 3;
	o = fixed(o, lround(x1 * 1000), 3), *o++ = ' ';
	o = fixed(o, lround(y1 * 1000), 3);
	memcpy(o, " l S\012", 5), o += 5;
	raw_ops(r, pg, t, o);
}

/* Link box b of page p as an annotation, to a URI or to a heading on a
 * page made already. */
static void link_annot(render *r, int p, const layout_box *b)
{
	double H = r->l->style.page_h;
	HPDF_Rect rc = {(HPDF_REAL)b->x, (HPDF_REAL)(H - b->y - b->h), (HPDF_REAL)(b->x + b->w),
			(HPDF_REAL)(H - b->y)};
	HPDF_Annotation a = NULL;
	const layout_anchor *an = layout_anchor_find(r->l, b->href);
	if (an) {
		/* a place in the document: a measure's row */
		HPDF_Destination dst = HPDF_Page_CreateDestination(r->pages[an->page]);
		if (dst)
			HPDF_Destination_SetFitH(dst, (HPDF_REAL)(H - an->y + 6));
		if (dst)
			a = HPDF_Page_CreateLinkAnnot(r->pages[p], rc, dst);
	} else if (b->href && b->href[0] == '#') {
		/* a place this PDF does not have: the text stays, with no link */
	} else if (b->href) {
		a = HPDF_Page_CreateURILinkAnnot(r->pages[p], rc, b->href);
	} else if (b->dest >= 0 && b->dest < r->l->nheads && r->l->heads[b->dest].page >= 0) {
		const layout_heading *hd = &r->l->heads[b->dest];
		HPDF_Destination dst = HPDF_Page_CreateDestination(r->pages[hd->page]);
		if (dst)
			HPDF_Destination_SetFitH(dst, (HPDF_REAL)(H - hd->y + 6));
		if (dst)
			a = HPDF_Page_CreateLinkAnnot(r->pages[p], rc, dst);
	}
	if (a)
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
	pdftag_annot(r->tag, p, b, a); /* PDF/A: Link element, /F, /StructParent */
}

static struct later_link *later_slot(render *r)
{
	if (r->nlater == r->caplater) {
		size_t nc = r->caplater ? 2 * r->caplater : 64;
		struct later_link *n = xrealloc(r->later, nc * sizeof *n);
		if (!n) {
			r->err = HPDF_FAILD_TO_ALLOC_MEM;
			return NULL;
		}
		r->later = n, r->caplater = nc;
	}
	return &r->later[r->nlater++];
}

/* libharu grows a list by a fixed number of slots, copying all of it each
 * time: the document's object table (1,024 at a time), its list of pages
 * and the page tree's kids (20 at a time) would copy themselves over and
 * over as a long report's pages are made, in time growing with the square
 * of the pages.  Asked for as many more slots as it holds, a list doubles
 * instead; nothing written changes. */
static void grow_by_doubling(HPDF_List l)
{
	if (l && l->items_per_block < l->count)
		l->items_per_block = l->count;
}

/* Page p made in libharu (pages are made as they are painted: a page
 * made is ~4 KB of libharu's objects, and 14,000 of them made at the
 * start sat beside every box of the layout); NULL on failure (r->err). */
static HPDF_Page make_page(render *r, int p)
{
	HPDF_Page pg = r->pages[p] = HPDF_AddPage(r->pdf);
	if (!pg) {
		if (!r->err) /* libharu reports through on_error; never unset */
			r->err = HPDF_FAILD_TO_ALLOC_MEM;
		return NULL;
	}
	grow_by_doubling(r->pdf->xref->entries);
	grow_by_doubling(r->pdf->page_list);
	HPDF_Array kids = HPDF_Dict_GetItem(r->pdf->cur_pages, "Kids", HPDF_OCLASS_ARRAY);
	if (kids)
		grow_by_doubling(kids->list);
	HPDF_Page_SetWidth(pg, (HPDF_REAL)r->l->style.page_w);
	HPDF_Page_SetHeight(pg, (HPDF_REAL)r->l->style.page_h);
	pdftag_page(r->tag, p, pg); /* PDF/A: /StructParents */
	return pg;
}

/* Page p's fills or rules (kind).  Colours and widths are set only when
 * they change (*colour, *width: the last set): every libharu operator
 * call clears a 512-byte buffer a byte at a time. */
static void paint_shapes(render *r, int p, layout_kind kind, uint32_t *colour, double *width)
{
	const layout_page *lp = &r->l->pages[p];
	HPDF_Page pg = r->pages[p];
	double H = r->l->style.page_h;
	int stroke = kind == LAYOUT_RULE;
	for (int i = 0; i < lp->n; i++) {
		const layout_box *b = &lp->boxes[i];
		if (b->kind != kind)
			continue;
		pdftag_begin(r->tag, p, b); /* PDF/A: marked content (artifact) */
		if (b->rgb != *colour)
			rgb(r, pg, *colour = b->rgb, stroke);
		if (stroke)
			raw_rule(r, pg, b->lw != *width ? (*width = b->lw) : -1, b->x, H - b->y,
				 b->x + b->w, H - b->y - b->h);
		else
			raw_fill(r, pg, b->x, H - b->y - b->h, b->w, b->h);
		pdftag_end(r->tag, p, b);
	}
}

static void paint_page(render *r, int p)
{
	const layout_page *lp = &r->l->pages[p];
	HPDF_Page pg = r->pages[p];
	double H = r->l->style.page_h;
	/* fills under rules under text: the painter's only ordering decision */
	uint32_t fill = 0xFFFFFFFF, stroke = 0xFFFFFFFF;
	double width = -1;
	paint_shapes(r, p, LAYOUT_FILL, &fill, &width);
	paint_shapes(r, p, LAYOUT_RULE, &stroke, &width);
	for (int i = 0; i < lp->n; i++) {
		const layout_box *b = &lp->boxes[i];
		if (b->kind != LAYOUT_IMAGE || !r->logo)
			continue;
		double iw = HPDF_Image_GetWidth(r->logo), ih = HPDF_Image_GetHeight(r->logo);
		if (iw <= 0 || ih <= 0)
			continue;
		/* fit, keeping the proportions, from the box's top-left corner */
		double k = b->w / iw < b->h / ih ? b->w / iw : b->h / ih;
		pdftag_begin(r->tag, p, b); /* PDF/A: the logo's Figure */
		HPDF_Page_DrawImage(pg, r->logo, (HPDF_REAL)b->x, (HPDF_REAL)(H - b->y - ih * k),
				    (HPDF_REAL)(iw * k), (HPDF_REAL)(ih * k));
		pdftag_end(r->tag, p, b);
	}
	int in_text = 0, curf = -1;
	long tx = 0, ty = 0;
	double curs = 0;
	uint32_t curc = fill;
	for (int i = 0; i < lp->n && !r->err; i++) {
		const layout_box *b = &lp->boxes[i];
		if (b->kind != LAYOUT_TEXT || !b->len)
			continue;
		if (!in_text) {
			HPDF_Page_BeginText(pg);
			in_text = 1;
		}
		if ((int)b->face != curf || b->size != curs) {
			if (r->utf8) /* TextOut below needs libharu's record of it */
				HPDF_Page_SetFontAndSize(pg, r->font[b->face], (HPDF_REAL)b->size);
			else
				raw_font(r, pg, r->font[b->face], b->size);
			curf = (int)b->face;
			curs = b->size;
		}
		if (b->rgb != curc) {
			rgb(r, pg, b->rgb, 0);
			curc = b->rgb;
		}
		pdftag_begin(r->tag, p, b); /* PDF/A: the run's structure element */
		const char *t = NULL;
		if (r->utf8 ? !(t = enc_utf8(r, b->text, b->len))
			    : raw_text(r, pg, b->x, H - b->y, b->text, b->len, &tx, &ty) != 0) {
			if (!r->err) /* a write error has set it already */
				r->err = HPDF_FAILD_TO_ALLOC_MEM;
			break;
		}
		if (t)
			HPDF_Page_TextOut(pg, (HPDF_REAL)b->x, (HPDF_REAL)(H - b->y), t);
		pdftag_end(r->tag, p, b);
	}
	if (in_text)
		HPDF_Page_EndText(pg);
	for (int i = 0; i < lp->n && !r->err; i++) {
		const layout_box *b = &lp->boxes[i];
		if (b->kind != LAYOUT_LINK)
			continue;
		const layout_anchor *an = layout_anchor_find(r->l, b->href);
		int to = an ? an->page
			: b->href || b->dest < 0 || b->dest >= r->l->nheads ? -1
									: r->l->heads[b->dest].page;
		if (to > p) {
			struct later_link *k = later_slot(r);
			if (!k)
				return;
			k->b = *b, k->page = p;
			continue;
		}
		link_annot(r, p, b);
	}
}

/* A bookmark's or property's text as libharu is to get it: converted to
 * PDFDocEncoding in r->tmp when r->docenc, else as it is (UTF-8, for the
 * UTF-8 encoder).  NULL when memory ran out. */
static const char *prop_text(render *r, const char *s)
{
	if (!r->docenc)
		return s;
	char *t = tmp_reserve(r, strlen(s) + 1);
	/* docenc was chosen because every such text converts */
	if (t && to_pdfdoc(s, t) != 0)
		t = NULL;
	return t;
}

/* Bookmarks mirroring the heading levels. */
static void outline(render *r)
{
	enum { DEPTH = 8 };
	HPDF_Outline parents[DEPTH + 1] = {0};
	HPDF_Encoder e = r->docenc ? NULL : HPDF_GetEncoder(r->pdf, "UTF-8");
	double H = r->l->style.page_h;
	for (int i = 0; i < r->l->nheads && !r->err; i++) {
		const layout_heading *hd = &r->l->heads[i];
		if (hd->page < 0)
			continue;
		int lv = hd->level < 1 ? 1 : hd->level > DEPTH ? DEPTH : hd->level;
		HPDF_Outline parent = NULL;
		for (int k = lv - 1; k >= 1 && !parent; k--)
			parent = parents[k];
		const char *title = prop_text(r, hd->title);
		HPDF_Outline o = title ? HPDF_CreateOutline(r->pdf, parent, title, e) : NULL;
		if (!o) {
			if (!r->err)
				r->err = HPDF_FAILD_TO_ALLOC_MEM;
			return;
		}
		HPDF_Destination dst = HPDF_Page_CreateDestination(r->pages[hd->page]);
		if (dst) {
			HPDF_Destination_SetFitH(dst, (HPDF_REAL)(H - hd->y + 6));
			HPDF_Outline_SetDestination(o, dst);
		}
		HPDF_Outline_SetOpened(o, lv == 1 ? HPDF_TRUE : HPDF_FALSE);
		parents[lv] = o;
		for (int k = lv + 1; k <= DEPTH; k++)
			parents[k] = NULL;
	}
}

static void info(render *r, const doc *d)
{
	HPDF_Doc pdf = r->pdf;
	struct {
		HPDF_InfoType t;
		const char *v;
	} a[] = {{HPDF_INFO_TITLE, d->title},       {HPDF_INFO_AUTHOR, d->author},
		 {HPDF_INFO_SUBJECT, d->subject},   {HPDF_INFO_KEYWORDS, d->keywords},
		 {HPDF_INFO_CREATOR, "statusrapport"}};
	for (size_t i = 0; i < sizeof a / sizeof *a; i++) {
		const char *v = a[i].v && *a[i].v ? prop_text(r, a[i].v) : NULL;
		if (v)
			HPDF_SetInfoAttr(pdf, a[i].t, v);
		else if (a[i].v && *a[i].v && !r->err)
			r->err = HPDF_FAILD_TO_ALLOC_MEM;
	}
	time_t t = d->created ? d->created : 0;
	struct tm tm;
	gmtime_r(&t, &tm);
	HPDF_Date dt = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
			tm.tm_sec, 'Z', 0, 0};
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, dt);
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, dt);
}

/* One pass over the text the PDF will show: whether all of it (and the
 * document's metadata) fits CP1252, else the faces are embedded for UTF-8;
 * and a warning for each of the first few boxes with a character its face
 * lacks, which would print as an empty box.  Plain ASCII, nearly all of
 * the text, is checked without decoding (two decoding passes were 3 % of a
 * 50,000-measure report). */
static int scan_text(const layout *l, const font_family *fam, const pdfenc *enc, const doc *dc,
		     diag *d)
{
	int utf8 = 0, warned = 0, ascii[FONT_NSTYLES];
	for (int f = 0; f < FONT_NSTYLES; f++) {
		ascii[f] = 1;
		for (unsigned long c = 0x20; c < 0x7F; c++)
			ascii[f] &= font_has(&fam->face[f], c);
	}
	for (int p = 0; p < l->npages && (warned < 5 || !utf8); p++)
		for (int i = 0; i < l->pages[p].n && (warned < 5 || !utf8); i++) {
			const layout_box *b = &l->pages[p].boxes[i];
			if (b->kind != LAYOUT_TEXT)
				continue;
			const font_face *ff = &fam->face[b->face];
			int done = warned >= 5; /* with missing glyphs in this box */
			for (size_t k = 0; k < b->len && !(done && utf8);) {
				unsigned char ch = (unsigned char)b->text[k];
				if (ch >= 0x20 && ch < 0x7F && ascii[b->face]) {
					k++;
					continue;
				}
				int adv = 1;
				unsigned long c = ch >= 0x20 && ch < 0x7F ? ch
									 : font_utf8(b->text + k, b->len - k, &adv);
				k += (size_t)adv;
				if (c < 0x20 || !pdfenc_byte(enc, c))
					utf8 = 1;
				if (!done && c >= 0x20 && !font_has(ff, c)) {
					const doc_node *n = b->node;
					diag_at(d, DIAG_WARNING, n ? n->pos : (srcpos){0},
						"the font \"%s\" has no glyph for U+%04lX; it prints as a box",
						ff->family, c);
					warned++;
					done = 1;
				}
			}
		}
	const char *meta[] = {dc->title, dc->author, dc->subject, dc->keywords};
	for (size_t i = 0; i < sizeof meta / sizeof *meta && !utf8; i++)
		if (meta[i] && !fits_cp1252(meta[i], strlen(meta[i])))
			utf8 = 1;
	return utf8;
}

/* Whether every bookmark and property has a PDFDocEncoding form. */
static int props_fit_pdfdoc(const layout *l, const doc *dc)
{
	const char *meta[] = {dc->title, dc->author, dc->subject, dc->keywords};
	for (size_t i = 0; i < sizeof meta / sizeof *meta; i++)
		if (to_pdfdoc(meta[i], NULL) != 0)
			return 0;
	for (int h = 0; h < l->nheads; h++)
		if (to_pdfdoc(l->heads[h].title, NULL) != 0)
			return 0;
	return 1;
}

static HPDF_STATUS to_out(HPDF_Stream s, const HPDF_BYTE *p, HPDF_UINT n)
{
	buf *out = s->attr;
	buf_put(out, p, n);
	return out->failed ? HPDF_FILE_IO_ERROR : HPDF_OK;
}

static sr_status out_of_memory(diag *d)
{
	diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory writing the PDF");
	return SR_SYSTEM;
}

/* libharu's recorded error (r->err) as a message; SR_SYSTEM. */
static sr_status hpdf_failed(const render *r, diag *d)
{
	/* libharu says "cannot allocate" in its own code when zlib's memory
	 * runs out; the reader should see the cause, not the code */
	if (xalloc_failed() || r->err == HPDF_FAILD_TO_ALLOC_MEM)
		return out_of_memory(d);
	/* validate keeps what a PDF cannot hold out of the tree; reaching
	 * here is our bug, so the words say what failed and the code (last)
	 * is for the bug report */
	const char *what = r->err == HPDF_STRING_OUT_OF_RANGE ? "a text is longer than a PDF can hold"
		: r->err == HPDF_INVALID_URI ? "a link address cannot be written"
		: "the PDF writer stopped";
	diag_add(d, DIAG_ERROR, NULL, 0, 0,
		 "cannot write the PDF: %s; no file was written (please report this, with the input: "
		 "PDF writer code %04X/%u)", what, (unsigned)r->err, (unsigned)r->detail);
	return SR_SYSTEM;
}

/* libharu's document for r, its text encodings chosen, and the PDF/A
 * structure tree begun. */
static sr_status open_doc(render *r, const doc *dc, diag *d)
{
	/* libharu allocates through xalloc like everything else, so the
	 * allocation-failure tests reach it; fail-fast, as it cannot unwind
	 * from a failed allocation. */
	r->pdf = HPDF_NewEx(on_error, hpdf_alloc, hpdf_free, 0, r);
	if (!r->pdf)
		return out_of_memory(d);
	/* before any font or page, or streams stay uncompressed */
	HPDF_SetCompressionMode(r->pdf, HPDF_COMP_ALL);
	/* Bookmarks and properties are text strings: PDFDocEncoding when all
	 * fit (a CP1252 document's do, but for a soft hyphen), else UTF-16
	 * through libharu's UTF-8 encoder -- whose setting up clears a 128 KB
	 * table a byte at a time, 1.4 M instructions, a tenth of painting the
	 * sample.  PDF/A's structure tree uses the encoder in any case. */
	/* the style's symbols into the single-byte encoding, before any face
	 * is made with it; where libharu's encoder is not the one pdfenc
	 * knows, the document shows them with the UTF-8 faces */
	if (!r->utf8 && pdfenc_apply(&r->enc, r->pdf) != 0)
		r->utf8 = 1;
	if (r->err)
		return hpdf_failed(r, d);
	r->docenc = !r->utf8 && !dc->style.pdfa && props_fit_pdfdoc(r->l, dc);
	if (!r->docenc) {
		HPDF_UseUTFEncodings(r->pdf);
		HPDF_SetCurrentEncoder(r->pdf, "UTF-8");
	}
	if (r->err)
		return hpdf_failed(r, d);
	/* PDF/A-2a (doc style pdfa): the structure tree from the doc tree */
	return pdftag_open(&r->tag, r->pdf, dc, r->l, d);
}

/* A UTF-8 face's subset holds the glyphs the document shows; put every
 * glyph of CP1252 and of the style's status symbols into it as well, so
 * that the reports of a batch, whose text rarely leaves that repertoire,
 * embed one and the same program. */
static void use_repertoire(HPDF_Font f, const doc_style *st)
{
	char all[3 * 224 + 1];
	size_t n = 0;
	for (int c = 0x20; c <= 0xFF; c++) {
		unsigned u = pdfenc_cp1252_char(c);
		if (!u || u == 0x7F)
			continue;
		if (u < 0x80) {
			all[n++] = (char)u;
		} else if (u < 0x800) {
			all[n++] = (char)(0xC0 | (u >> 6));
			all[n++] = (char)(0x80 | (u & 0x3F));
		} else {
			all[n++] = (char)(0xE0 | (u >> 12));
			all[n++] = (char)(0x80 | ((u >> 6) & 0x3F));
			all[n++] = (char)(0x80 | (u & 0x3F));
		}
	}
	all[n] = 0;
	/* measuring a character marks its glyph used */
	HPDF_Font_TextWidth(f, (const HPDF_BYTE *)all, (HPDF_UINT)n);
	for (int i = 0; i < DOC_STATUSES; i++)
		if (st->status_symbol[i] && *st->status_symbol[i])
			HPDF_Font_TextWidth(f, (const HPDF_BYTE *)st->status_symbol[i],
					    (HPDF_UINT)strlen(st->status_symbol[i]));
}

/* Only the faces the document uses: each costs ~90 KB embedded. */
static sr_status load_faces(render *r, const doc *dc, diag *d)
{
	const font_family *fam = r->fam;
	for (int f = 0; f < FONT_NSTYLES; f++) {
		if (!(r->l->faces_used & (1u << f)))
			continue;
		const char *name = pdffont_load(r->pdf, fam->face[f].file, fam->face[f].filelen);
		if (!name && !r->err)
			return out_of_memory(d);
		if (!name || r->err) {
			diag_add(d, DIAG_ERROR, fam->face[f].path, 0, 0,
				 "this font cannot be embedded in the PDF; choose another family in the "
				 "template's <font family> (PDF writer code %04X)", (unsigned)r->err);
			return SR_SYSTEM;
		}
		r->font[f] = HPDF_GetFont(r->pdf, name, r->utf8 ? "UTF-8" : "CP1252");
		if (!r->font[f])
			return hpdf_failed(r, d);
		/* the whole code page, so every report embeds the same program
		 * and it is deflated once per process (pdffont.h) */
		if (!r->utf8)
			pdffont_use_codepage(r->font[f]);
		else
			use_repertoire(r->font[f], &dc->style);
		pdftag_font(r->tag, r->font[f], !r->utf8); /* PDF/A: a real /ToUnicode */
		if (r->utf8 && !r->tag && pdftag_unicode_map(r->pdf, r->font[f], &r->unicode_map) != 0)
			return out_of_memory(d);
	}
	return SR_OK;
}

/* The style's logo, if it has one, as r->logo. */
static sr_status load_logo(render *r, diag *d)
{
	const char *lp = r->l->style.logo_path;
	if (!lp || !*lp)
		return SR_OK;
	/* by content, not by name: a .png that is really a JPEG still works */
	int kind = image_sniff_file(lp), opened = kind >= 0;
	if (kind == IMAGE_PNG)
		r->logo = HPDF_LoadPngImageFromFile(r->pdf, lp);
	else if (kind == IMAGE_JPEG)
		r->logo = HPDF_LoadJpegImageFromFile(r->pdf, lp);
	pdftag_image(r->tag, r->logo, d); /* PDF/A: no soft mask */
	if (!r->logo) {
		diag_add(d, DIAG_ERROR, lp, 0, 0,
			 opened ? "the logo cannot be read as a PNG or JPEG image; save it again as an "
				  "8-bit PNG or a baseline JPEG"
				: "cannot read the logo");
		return opened ? SR_INVALID : SR_SYSTEM;
	}
	return SR_OK;
}

/* Every page made and painted, in order, each page's boxes given up once
 * it is painted (layout_next_page), then the links to pages made later. */
static sr_status paint_pages(render *r, layout *l, diag *d)
{
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	r->pages = xcalloc((size_t)l->npages, sizeof *r->pages);
	if (!r->pages)
		return out_of_memory(d);
	int p;
	while (!r->err && (p = layout_next_page(l)) >= 0) {
		if (!make_page(r, p))
			break;
		paint_page(r, p);
		/* deflated now, faster than libharu would at the save, and small
		 * while the rest of a long report is painted (pdfz.h) */
		if (!r->err &&
		    pdfz_deflate(&r->z, pdfz_page_contents(r->pages[p]), PDFZ_CONTENT_LEVEL) < 0)
			return out_of_memory(d);
	}
	if (r->err)
		return hpdf_failed(r, d);
	for (size_t i = 0; i < r->nlater && !r->err; i++)
		link_annot(r, r->later[i].page, &r->later[i].b);
	return SR_OK;
}

/* What follows the pages: the font programs, bookmarks, properties, the
 * language and PDF/A's parts. */
static sr_status finish_doc(render *r, pdf_engine *e, const doc *dc, diag *d)
{
	for (int f = 0; f < FONT_NSTYLES && !r->utf8; f++)
		if (r->font[f] && pdffont_embed(e->fontz, r->font[f], r->fam->face[f].stamp) != 0)
			return out_of_memory(d);
	outline(r);
	if (r->l->nheads)
		HPDF_SetPageMode(r->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	info(r, dc);
	if (dc->lang && *dc->lang) {
		/* screen readers and the later PDF/A-2a work need the language;
		 * libharu has no call for it, its catalog is public */
		HPDF_String lang = HPDF_String_New(r->pdf->mmgr, dc->lang, NULL);
		if (lang)
			HPDF_Dict_Add(r->pdf->catalog, "Lang", lang);
	}
	/* PDF/A: structure tree, MarkInfo, XMP, output intent, /ID */
	sr_status st;
	if (!r->err && (st = pdftag_finish(r->tag, d)) != SR_OK)
		return st;
	return r->err ? hpdf_failed(r, d) : SR_OK;
}

/* The file written straight into out: HPDF_SaveToStream writes into the
 * document's stream, a memory stream it makes when there is none, which
 * copies every byte in a loop of its own and then held the whole file a
 * second time until it was copied out. */
static sr_status save(render *r, buf *out, diag *d)
{
	r->pdf->stream = HPDF_CallbackWriter_New(r->pdf->mmgr, to_out, out);
	if (!r->pdf->stream)
		return hpdf_failed(r, d);
	/* a full or failed out stops the save: that is the error to give */
	if ((HPDF_SaveToStream(r->pdf) != HPDF_OK || r->err) && !out->failed)
		return hpdf_failed(r, d);
	if (out->failed) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "PDF output too large or out of memory");
		return SR_SYSTEM;
	}
	return SR_OK;
}

/* give: NULL, or dc handed over, freed once read (backend.h). */
static sr_status render_pdf(pdf_engine *e, const doc *dc, doc *give, buf *out, diag *d)
{
	render r = {0};
	layout *l = NULL;
	doc_style ds = layout_style(dc);
	const font_family *fam;
	sr_status st = fonts_family(e->fonts, ds.font_family, &fam, d);
	if (st == SR_OK)
		st = layout_run(dc, fam, e->hyph, &l, d);
	if (st != SR_OK)
		goto done;
	r.l = l;
	r.fam = fam;
	/* -1: more symbols than free codes, shown with the UTF-8 faces */
	(void)pdfenc_init(&r.enc, &dc->style, dc->style.pdfa);
	r.utf8 = scan_text(l, fam, &r.enc, dc, d);
	if ((st = open_doc(&r, dc, d)) != SR_OK || (st = load_faces(&r, dc, d)) != SR_OK ||
	    (st = load_logo(&r, d)) != SR_OK || (st = paint_pages(&r, l, d)) != SR_OK ||
	    (st = finish_doc(&r, e, dc, d)) != SR_OK)
		goto done;
	/* everything the boxes, the headings and the tree said is in
	 * libharu's objects now; the save doubles the file in memory, so
	 * the layout and the tree go first */
	layout_free(l);
	l = NULL;
	r.l = NULL;
	backend_tree_free(give);
	give = NULL;
	st = save(&r, out, d);
done:
	pdfz_end(&r.z);
	pdftag_free(r.tag);
	if (r.pdf)
		HPDF_Free(r.pdf);
	xfree(r.pages);
	xfree(r.later);
	xfree(r.tmp);
	layout_free(l);
	backend_tree_free(give);
	return st;
}

sr_status pdf_render(pdf_engine *e, const doc *dc, buf *out, diag *d)
{
	return render_pdf(e, dc, NULL, out, d);
}

/* ---- the format's row (backend.h) ---- */

static sr_status pdf_row_open(void **engine, const backend_env *env, diag *d)
{
	pdf_engine *e = NULL;
	sr_status st = pdf_engine_open(&e, env ? env->font_dirs : NULL, d);
	*engine = e;
	return st;
}

static void pdf_row_prepare(void *engine, const char *family) { pdf_engine_prepare(engine, family); }

static void pdf_row_close(void *engine) { pdf_engine_close(engine); }

/* named for profiles (bench/run.py): the PDF's whole render */
static sr_status pdf_render_tree(void *engine, doc *tree, int give, buf *out, diag *d)
{
	return render_pdf(engine, tree, give ? tree : NULL, out, d);
}

const backend backend_pdf = {
	.name = "pdf",
	.ext = "pdf",
	.media_type = "application/pdf",
	.open = pdf_row_open,
	.prepare = pdf_row_prepare,
	.close = pdf_row_close,
	.render = pdf_render_tree,
};
