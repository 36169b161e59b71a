/* pdftag.c: tagged PDF/A-2a -- the structure tree, marked content and the
 * PDF/A catalog entries, built on libharu's exposed object API (issue 9).
 *
 * Owns: the side tables mapping document nodes to structure elements, and
 * the PDF objects it adds (they belong to the HPDF_Doc).  Must not touch:
 * positions (layout.c decides them) or drawing (pdf.c paints); it only
 * writes marked-content operators around what the painter paints.
 *
 * The structure tree is built up front by walking the document tree with
 * its iterator, so its order is the document's reading order whatever order
 * the painter paints in.  Content is attached as it is painted: every box
 * maps to its node's element (a list label to the item's Lbl, a TOC line to
 * its TOCI, the logo to its Figure); boxes with no element -- running
 * header and footer, rules, fills, repeated table headers, TOC leader dots
 * -- are artifacts. */
#include "pdftag.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "base/xalloc.h"

typedef struct selem {
	HPDF_Dict d;
	HPDF_Array k;
	HPDF_Page pg;      /* the element's /Pg once content arrives */
	const char *s;     /* structure type: "P", "H1", ... (static) */
	int lbl, lbody;    /* LI: its Lbl and LBody elements; else -1 */
	int hyph;          /* has /ActualText for hyphenated lines */
} selem;

/* node -> element; kind 0: the node's own element, 1: a heading's TOCI,
 * 2: the Link of a URI (keyed by its href), 3: a TOCI's Link */
typedef struct slot {
	const void *key;
	int kind, idx;
} slot;

struct pdftag {
	HPDF_Doc pdf;
	const doc *d;
	const layout *l;
	HPDF_Encoder utf8;
	selem *e;
	int ne, cape;
	slot *map;
	size_t mapcap;
	HPDF_Dict root;    /* /StructTreeRoot */
	HPDF_Array rootk;
	int docel, logo, toccap;
	HPDF_Page *pages;
	HPDF_Array *mcids; /* per page: the element of each MCID (parent tree) */
	int *nmcid;
	int *annot_el;     /* per annotation (StructParent npages + i): Link */
	int nannot, capannot;
	HPDF_Dict tounicode; /* shared by the CP1252 fonts */
	HPDF_Dict tounicode16; /* shared by the UTF-8 (Type0) fonts */
	int failed;
	HPDF_MD5_CTX md5;  /* of the inputs, for /ID */
};

/* ---- the node map ---- */

static size_t hash(const void *key, int kind)
{
	uintptr_t v = (uintptr_t)key ^ (uintptr_t)kind * 0x9E3779B9u;
	v ^= v >> 17;
	v *= 0xED5AD4BBu;
	v ^= v >> 11;
	return (size_t)v;
}

static void map_put(pdftag *t, const void *key, int kind, int idx)
{
	if (!t->map || idx < 0)
		return;
	size_t m = t->mapcap - 1, h = hash(key, kind) & m;
	while (t->map[h].key && !(t->map[h].key == key && t->map[h].kind == kind))
		h = (h + 1) & m;
	t->map[h] = (slot){key, kind, idx};
}

static int map_get(const pdftag *t, const void *key, int kind)
{
	if (!t->map || !key)
		return -1;
	size_t m = t->mapcap - 1, h = hash(key, kind) & m;
	while (t->map[h].key) {
		if (t->map[h].key == key && t->map[h].kind == kind)
			return t->map[h].idx;
		h = (h + 1) & m;
	}
	return -1;
}

/* ---- structure elements ---- */

/* A new element of type s (a static string) as the last child of parent
 * (-1: the structure tree root); its index, or -1. */
static int newel(pdftag *t, const char *s, int parent)
{
	if (t->failed)
		return -1;
	if (t->ne == t->cape) {
		int nc = t->cape ? 2 * t->cape : 64;
		selem *ne = xrealloc(t->e, (size_t)nc * sizeof *ne);
		if (!ne) {
			t->failed = 1;
			return -1;
		}
		t->e = ne;
		t->cape = nc;
	}
	HPDF_MMgr mm = t->pdf->mmgr;
	HPDF_Dict d = HPDF_Dict_New(mm);
	if (!d || HPDF_Xref_Add(t->pdf->xref, d) != HPDF_OK) {
		t->failed = 1;
		return -1;
	}
	HPDF_Array k = HPDF_Array_New(mm);
	if (!k) {
		t->failed = 1;
		return -1;
	}
	HPDF_Dict_AddName(d, "Type", "StructElem");
	HPDF_Dict_AddName(d, "S", s);
	HPDF_Dict_Add(d, "P", parent >= 0 ? t->e[parent].d : t->root);
	HPDF_Dict_Add(d, "K", k);
	HPDF_Array_Add(parent >= 0 ? t->e[parent].k : t->rootk, d);
	t->e[t->ne] = (selem){d, k, NULL, s, -1, -1, 0};
	return t->ne++;
}

static void set_text(pdftag *t, HPDF_Dict d, const char *key, const char *s)
{
	if (!t->utf8) /* pdf.c enables the UTF encodings after pdftag_open */
		t->utf8 = HPDF_GetEncoder(t->pdf, "UTF-8");
	HPDF_String str = HPDF_String_New(t->pdf->mmgr, s ? s : "", t->utf8);
	if (str)
		HPDF_Dict_Add(d, key, str);
}

/* The element a child of parent node n belongs under. */
static int parent_of(const pdftag *t, const doc_node *n)
{
	int i = n && n != t->d->root ? map_get(t, n, 0) : -1;
	if (i < 0)
		return t->docel;
	return t->e[i].lbody >= 0 ? t->e[i].lbody : i;
}

static int header_cell(const doc_node *cell)
{
	const doc_node *row = cell->parent, *tab = row ? row->parent : NULL;
	if (!row || !tab || tab->type != DOC_TABLE)
		return 0;
	int ri = 0;
	for (const doc_node *r = tab->first; r && r != row; r = r->next)
		ri++;
	return ri < tab->u.table.header_rows || row->u.row.header;
}

static const char *const hn[] = {"H1", "H2", "H3", "H4", "H5", "H6"};

/* The elements of the document tree, in its order. */
static void build(pdftag *t)
{
	doc_iter it;
	const doc_node *n;
	doc_event ev;
	doc_iter_init(&it, t->d->root);
	while (!t->failed && (ev = doc_iter_next(&it, &n)) != DOC_EV_DONE) {
		if (ev != DOC_EV_ENTER || n == t->d->root)
			continue;
		int par = parent_of(t, n->parent), i = -1;
		switch (n->type) {
		case DOC_HEADING: {
			int lv = n->u.heading.level < 1 ? 1 : n->u.heading.level > 6 ? 6 : n->u.heading.level;
			i = newel(t, hn[lv - 1], par);
			doc_iter_skip_children(&it);
			break;
		}
		case DOC_PARAGRAPH:
			i = newel(t, "P", par);
			doc_iter_skip_children(&it);
			break;
		case DOC_LIST: i = newel(t, "L", par); break;
		case DOC_ITEM:
			i = newel(t, "LI", par);
			if (i >= 0) {
				int lbl = newel(t, "Lbl", i), body = newel(t, "LBody", i);
				t->e[i].lbl = lbl;
				t->e[i].lbody = body;
			}
			break;
		case DOC_TABLE:
			i = newel(t, "Table", par);
			if (i >= 0 && n->u.table.info->caption && *n->u.table.info->caption)
				set_text(t, t->e[i].d, "Alt", n->u.table.info->caption);
			break;
		case DOC_ROW: i = newel(t, "TR", par); break;
		case DOC_CELL:
			if (header_cell(n)) {
				i = newel(t, "TH", par);
				HPDF_Dict a = i >= 0 ? HPDF_Dict_New(t->pdf->mmgr) : NULL;
				if (a) {
					HPDF_Dict_AddName(a, "O", "Table");
					HPDF_Dict_AddName(a, "Scope", "Column");
					HPDF_Dict_Add(t->e[i].d, "A", a);
				}
			} else {
				i = newel(t, "TD", par);
			}
			/* a symbol read as its word */
			if (i >= 0 && n->u.cell.alt)
				set_text(t, t->e[i].d, "ActualText", n->u.cell.alt);
			break;
		case DOC_TOC:
			i = newel(t, "TOC", par);
			t->toccap = newel(t, "Caption", i);
			for (int h = 0; h < t->l->nheads && i >= 0; h++)
				if (t->l->heads[h].in_toc) {
					/* the entry is one link: TOCI > Link > text + OBJR */
					int ti = newel(t, "TOCI", i);
					map_put(t, t->l->heads[h].node, 1, ti);
					if (ti >= 0)
						map_put(t, t->l->heads[h].node, 3, newel(t, "Link", ti));
				}
			break;
		case DOC_CHART:
			/* charts (issue 6) are figures; their painter wraps what it
			 * draws in pdftag_begin/end with a box whose node is this */
			i = newel(t, "Figure", par);
			if (i >= 0)
				set_text(t, t->e[i].d, "Alt",
					 n->u.chart.alt && *n->u.chart.alt ? n->u.chart.alt : "Diagram");
			break;
		default: break;
		}
		map_put(t, n, 0, i);
	}
}

sr_status pdftag_open(pdftag **out, HPDF_Doc pdf, const doc *d, const layout *l, diag *dg)
{
	*out = NULL;
	if (!d->style.pdfa)
		return SR_OK;
	pdftag *t = xcalloc(1, sizeof *t);
	size_t nn = 16;
	doc_iter it;
	const doc_node *n;
	doc_event ev;
	doc_iter_init(&it, d->root);
	while ((ev = doc_iter_next(&it, &n)) != DOC_EV_DONE)
		if (ev == DOC_EV_ENTER)
			nn++;
	nn += (size_t)l->nheads;
	size_t cap = 64;
	while (cap < 2 * nn)
		cap *= 2;
	if (!t)
		goto oom;
	t->pdf = pdf, t->d = d, t->l = l, t->docel = t->logo = t->toccap = -1;
	t->map = xcalloc(cap, sizeof *t->map);
	t->mapcap = cap;
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	t->pages = xcalloc((size_t)l->npages + 1, sizeof *t->pages);
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	t->mcids = xcalloc((size_t)l->npages + 1, sizeof *t->mcids);
	t->nmcid = xcalloc((size_t)l->npages + 1, sizeof *t->nmcid);
	if (!t->map || !t->pages || !t->mcids || !t->nmcid)
		goto oom;
	t->root = HPDF_Dict_New(pdf->mmgr);
	if (!t->root || HPDF_Xref_Add(pdf->xref, t->root) != HPDF_OK ||
	    !(t->rootk = HPDF_Array_New(pdf->mmgr)))
		goto oom;
	HPDF_Dict_AddName(t->root, "Type", "StructTreeRoot");
	HPDF_Dict_Add(t->root, "K", t->rootk);
	t->docel = newel(t, "Document", -1);
	if (l->style.logo_path && *l->style.logo_path) {
		t->logo = newel(t, "Figure", t->docel);
		char alt[512];
		snprintf(alt, sizeof alt, "%s logo", d->author && *d->author ? d->author : "");
		if (t->logo >= 0)
			set_text(t, t->e[t->logo].d, "Alt", alt);
	}
	build(t);
	if (t->failed)
		goto oom;
	HPDF_MD5Init(&t->md5);
	char created[32];
	snprintf(created, sizeof created, "%lld", (long long)d->created);
	HPDF_MD5Update(&t->md5, (const HPDF_BYTE *)created, (HPDF_UINT32)strlen(created));
	if (d->title)
		HPDF_MD5Update(&t->md5, (const HPDF_BYTE *)d->title, (HPDF_UINT32)strlen(d->title));
	*out = t;
	return SR_OK;
oom:
	pdftag_free(t);
	diag_add(dg, DIAG_ERROR, NULL, 0, 0, "out of memory building the PDF structure tree");
	return SR_SYSTEM;
}

void pdftag_free(pdftag *t)
{
	if (!t)
		return;
	xfree(t->e);
	xfree(t->map);
	xfree(t->pages);
	xfree(t->mcids);
	xfree(t->nmcid);
	xfree(t->annot_el);
	xfree(t);
}

/* ---- hooks ---- */

void pdftag_page(pdftag *t, int p, HPDF_Page pg)
{
	if (!t || p < 0 || p >= t->l->npages)
		return;
	t->pages[p] = pg;
	HPDF_Dict_AddNumber(pg, "StructParents", p);
	HPDF_Dict_AddName(pg, "Tabs", "S"); /* annotations in structure order */
	HPDF_Array a = HPDF_Array_New(t->pdf->mmgr);
	if (!a || HPDF_Xref_Add(t->pdf->xref, a) != HPDF_OK)
		t->failed = 1;
	else
		t->mcids[p] = a;
}

/* The Link element of a URI link box or of its text, made when first met
 * (in the paragraph's reading order) under the paragraph's element. */
static int uri_link(pdftag *t, const layout_box *b)
{
	int i = map_get(t, b->href, 2);
	if (i < 0) {
		int par = map_get(t, b->node, 0);
		i = newel(t, "Link", par >= 0 ? par : t->docel);
		map_put(t, b->href, 2, i);
	}
	return i;
}

/* The element box b's content belongs to, or -1 for an artifact. */
static int target(pdftag *t, const layout_box *b)
{
	if (b->kind == LAYOUT_FILL || b->kind == LAYOUT_RULE || b->role == LAYOUT_ARTIFACT)
		return -1;
	if (b->kind == LAYOUT_IMAGE && !b->node)
		return t->logo;
	switch (b->role) {
	case LAYOUT_TOC_TITLE: return t->toccap;
	case LAYOUT_TOC_ENTRY:
		/* the leader dots are decoration */
		if (b->kind == LAYOUT_TEXT && b->len && strspn(b->text, ". ") >= b->len)
			return -1;
		return map_get(t, b->node, 3); /* the entry's Link */
	case LAYOUT_LIST_LABEL:
		if (b->node && b->node->parent && b->node->parent->type == DOC_ITEM) {
			int i = map_get(t, b->node->parent, 0);
			return i >= 0 ? t->e[i].lbl : -1;
		}
		return map_get(t, b->node, 0);
	default: return b->href && b->kind == LAYOUT_TEXT ? uri_link(t, b) : map_get(t, b->node, 0);
	}
}

/* A hyphen the line breaker added is no part of the word.  The painted
 * text stays as it is (text extraction, pdftotext, joins such lines
 * itself); the element gets /ActualText, its node's words unbroken, so a
 * screen reader reads "kompetanse", not "kompe- tanse". */
static void unhyphenate(pdftag *t, int i, const doc_node *n)
{
	if (!n || t->e[i].hyph)
		return;
	t->e[i].hyph = 1;
	buf x = BUF_INIT;
	doc_iter it;
	const doc_node *c;
	doc_event ev;
	doc_iter_init(&it, n);
	while ((ev = doc_iter_next(&it, &c)) != DOC_EV_DONE)
		if (ev == DOC_EV_ENTER && c->type == DOC_TEXT)
			buf_put(&x, c->u.text.text, c->u.text.len);
		else if (ev == DOC_EV_ENTER && c->type == DOC_BREAK)
			buf_putc(&x, ' ');
	if (buf_cstr(&x))
		set_text(t, t->e[i].d, "ActualText", (const char *)x.data);
	buf_free(&x);
}

static HPDF_Stream content(const pdftag *t, int p)
{
	HPDF_Page pg = t->pages[p];
	return pg ? ((HPDF_PageAttr)pg->attr)->stream : NULL;
}

void pdftag_begin(pdftag *t, int p, const layout_box *b)
{
	if (!t || p < 0 || p >= t->l->npages || t->failed)
		return;
	HPDF_Stream s = content(t, p);
	if (!s)
		return;
	int i = target(t, b);
	if (i < 0 || !t->mcids[p]) {
		HPDF_Stream_WriteStr(s, "/Artifact BMC\n");
		return;
	}
	selem *el = &t->e[i];
	int mcid = t->nmcid[p]++;
	char op[64];
	snprintf(op, sizeof op, "/%s <</MCID %d>> BDC\n", el->s, mcid);
	HPDF_Stream_WriteStr(s, op);
	HPDF_Array_Add(t->mcids[p], el->d);
	HPDF_Page pg = t->pages[p];
	if (!el->pg) {
		el->pg = pg;
		HPDF_Dict_Add(el->d, "Pg", pg);
	}
	if (el->pg == pg) {
		HPDF_Array_AddNumber(el->k, mcid);
	} else {
		HPDF_Dict mcr = HPDF_Dict_New(t->pdf->mmgr);
		if (!mcr) {
			t->failed = 1;
			return;
		}
		HPDF_Dict_AddName(mcr, "Type", "MCR");
		HPDF_Dict_Add(mcr, "Pg", pg);
		HPDF_Dict_AddNumber(mcr, "MCID", mcid);
		HPDF_Array_Add(el->k, mcr);
	}
	if (b->kind == LAYOUT_TEXT && b->len)
		HPDF_MD5Update(&t->md5, (const HPDF_BYTE *)b->text, (HPDF_UINT32)b->len);
	if (b->kind == LAYOUT_TEXT && b->hyphen) {
		/* on the block (P, H1), never on a Link inside it; a TOC
		 * entry's text is all in its Link */
		int bi = map_get(t, b->node, b->role == LAYOUT_TOC_ENTRY ? 3 : 0);
		if (bi >= 0)
			unhyphenate(t, bi, b->node);
	}
}

void pdftag_end(pdftag *t, int p, const layout_box *b)
{
	(void)b;
	if (!t || p < 0 || p >= t->l->npages || t->failed)
		return;
	HPDF_Stream s = content(t, p);
	if (s)
		HPDF_Stream_WriteStr(s, "EMC\n");
}

void pdftag_annot(pdftag *t, int p, const layout_box *b, HPDF_Annotation a)
{
	if (!t || !a || p < 0 || p >= t->l->npages || t->failed)
		return;
	/* PDF/A: annotations print and are never hidden */
	HPDF_Dict_AddNumber(a, "F", 4);
	const char *what = b->href;
	if (!what && b->dest >= 0 && b->dest < t->l->nheads)
		what = t->l->heads[b->dest].title;
	set_text(t, a, "Contents", what);
	int lk = b->role == LAYOUT_TOC_ENTRY ? map_get(t, b->node, 3) : b->href ? uri_link(t, b) : -1;
	if (lk < 0) {
		int par = map_get(t, b->node, b->role == LAYOUT_TOC_ENTRY ? 1 : 0);
		lk = newel(t, "Link", par >= 0 ? par : t->docel);
	}
	HPDF_Dict objr = lk >= 0 ? HPDF_Dict_New(t->pdf->mmgr) : NULL;
	if (!objr) {
		t->failed = 1;
		return;
	}
	HPDF_Dict_AddName(objr, "Type", "OBJR");
	HPDF_Dict_Add(objr, "Obj", a);
	HPDF_Dict_Add(objr, "Pg", t->pages[p]);
	HPDF_Array_Add(t->e[lk].k, objr);
	if (t->nannot == t->capannot) {
		int nc = t->capannot ? 2 * t->capannot : 32;
		int *na = xrealloc(t->annot_el, (size_t)nc * sizeof *na);
		if (!na) {
			t->failed = 1;
			return;
		}
		t->annot_el = na;
		t->capannot = nc;
	}
	HPDF_Dict_AddNumber(a, "StructParent", t->l->npages + t->nannot);
	t->annot_el[t->nannot++] = lk;
}

/* NULL when memory runs out. */
static HPDF_Dict cmap_doc_stream(HPDF_Doc pdf, const buf *b)
{
	HPDF_Dict s = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	if (!s || b->failed || HPDF_Stream_Write(s->stream, b->data, (HPDF_UINT)b->len) != HPDF_OK)
		return NULL;
	s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	return s;
}

static HPDF_Dict cmap_stream(pdftag *t, const buf *b)
{
	HPDF_Dict s = cmap_doc_stream(t->pdf, b);
	if (!s)
		t->failed = 1;
	return s;
}

static const char cmap_head[] =
	"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n";
static const char cmap_tail[] =
	"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

/* The single-byte encoding of f (CP1252 and pdfenc.h's symbols, as
 * libharu's encoder has them; 0x7F is .notdef): one byte per code. */
static HPDF_Dict tounicode_cp1252(pdftag *t, HPDF_Font f)
{
	HPDF_FontAttr fa = f->attr;
	buf b = BUF_INIT;
	buf_puts(&b, cmap_head);
	buf_puts(&b, "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n");
	unsigned codes[224], uni[224];
	int n = 0;
	for (unsigned c = 0x20; c <= 0xFF; c++) {
		unsigned u = c == 0x7F || !fa || !fa->encoder
				     ? 0
				     : HPDF_Encoder_GetUnicode(fa->encoder, (HPDF_UINT16)c);
		if (u)
			codes[n] = c, uni[n++] = u;
	}
	for (int i = 0; i < n; i += 100) {
		int m = n - i < 100 ? n - i : 100;
		buf_printf(&b, "%d beginbfchar\n", m);
		for (int k = i; k < i + m; k++)
			buf_printf(&b, "<%02X> <%04X>\n", codes[k], uni[k]);
		buf_puts(&b, "endbfchar\n");
	}
	buf_puts(&b, cmap_tail);
	HPDF_Dict s = cmap_stream(t, &b);
	buf_free(&b);
	return s;
}

/* libharu's UTF-8 path shows two-byte codes that are the characters' BMP
 * code points (Identity-H, CIDToGIDMap by Unicode), and writes as
 * /ToUnicode an identity *CID* map (cidrange), which maps to no Unicode
 * at all.  The real map is the identity onto UTF-16: one bfrange per high
 * byte (a range may vary only in its last byte), surrogates left out. */
static HPDF_Dict bmp_map(HPDF_Doc pdf)
{
	buf b = BUF_INIT;
	buf_puts(&b, cmap_head);
	buf_puts(&b, "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	int hi[256], n = 0;
	for (int h = 0; h < 256; h++)
		if (h < 0xD8 || h > 0xDF)
			hi[n++] = h;
	for (int i = 0; i < n; i += 100) {
		int m = n - i < 100 ? n - i : 100;
		buf_printf(&b, "%d beginbfrange\n", m);
		for (int k = i; k < i + m; k++)
			buf_printf(&b, "<%02X00> <%02XFF> <%02X00>\n", hi[k], hi[k], hi[k]);
		buf_puts(&b, "endbfrange\n");
	}
	buf_puts(&b, cmap_tail);
	HPDF_Dict s = cmap_doc_stream(pdf, &b);
	buf_free(&b);
	return s;
}

static HPDF_Dict tounicode_bmp(pdftag *t)
{
	HPDF_Dict s = bmp_map(t->pdf);
	if (!s)
		t->failed = 1;
	return s;
}

int pdftag_unicode_map(HPDF_Doc pdf, HPDF_Font f, HPDF_Dict *map)
{
	if (!*map)
		*map = bmp_map(pdf);
	return *map && HPDF_Dict_Add(f, "ToUnicode", *map) == HPDF_OK ? 0 : -1;
}

void pdftag_font(pdftag *t, HPDF_Font f, int cp1252)
{
	if (!t || !f || t->failed)
		return;
	HPDF_Dict *tu = cp1252 ? &t->tounicode : &t->tounicode16;
	if (!*tu)
		*tu = cp1252 ? tounicode_cp1252(t, f) : tounicode_bmp(t);
	if (*tu)
		HPDF_Dict_Add(f, "ToUnicode", *tu);
}

void pdftag_image(pdftag *t, HPDF_Image img, diag *dg)
{
	if (!t || !img)
		return;
	if (HPDF_Dict_GetItem(img, "SMask", HPDF_OCLASS_DICT)) {
		HPDF_Dict_RemoveElement(img, "SMask");
		diag_add(dg, DIAG_WARNING, t->l->style.logo_path, 0, 0,
			 "PDF/A allows no transparency: the logo's alpha channel is dropped");
	}
}

/* ---- finishing ---- */

static void xml_text(buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '&': buf_puts(b, "&amp;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default: buf_putc(b, *s);
		}
	}
}

/* One property of the XMP packet, nothing when value is empty; array:
 * NULL for a plain value, else the RDF container it stands in ("Alt": a
 * text in the default language, "Seq", "Bag"). */
static void xmp_prop(buf *b, const char *name, const char *array, const char *value)
{
	if (!value || !*value)
		return;
	buf_printf(b, "   <%s>", name);
	if (array)
		buf_printf(b, "<rdf:%s><rdf:li%s>", array,
			   strcmp(array, "Alt") == 0 ? " xml:lang=\"x-default\"" : "");
	xml_text(b, value);
	if (array)
		buf_printf(b, "</rdf:li></rdf:%s>", array);
	buf_printf(b, "</%s>\n", name);
}

/* The XMP packet: the Info dictionary's values, in the same words and at
 * the same instant (UTC, as Info's "Z"), and the PDF/A identification. */
static void xmp(pdftag *t, buf *b)
{
	const doc *d = t->d;
	time_t tt = d->created ? d->created : 0; /* as pdf.c's info() */
	struct tm tm;
	gmtime_r(&tt, &tm);
	char date[32];
	strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
	const char *producer = HPDF_GetInfoAttr(t->pdf, HPDF_INFO_PRODUCER);
	buf_puts(b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
		    "  <rdf:Description rdf:about=\"\"\n"
		    "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
		    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
		    "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
		    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
		    "   <pdfaid:part>2</pdfaid:part>\n"
		    "   <pdfaid:conformance>A</pdfaid:conformance>\n"
		    "   <dc:format>application/pdf</dc:format>\n");
	xmp_prop(b, "dc:title", "Alt", d->title);
	xmp_prop(b, "dc:creator", "Seq", d->author);
	xmp_prop(b, "dc:description", "Alt", d->subject);
	xmp_prop(b, "dc:language", "Bag", d->lang);
	buf_printf(b,
		   "   <xmp:CreateDate>%s</xmp:CreateDate>\n"
		   "   <xmp:ModifyDate>%s</xmp:ModifyDate>\n"
		   "   <xmp:MetadataDate>%s</xmp:MetadataDate>\n"
		   "   <xmp:CreatorTool>statusrapport</xmp:CreatorTool>\n",
		   date, date, date);
	xmp_prop(b, "pdf:Producer", NULL, producer);
	xmp_prop(b, "pdf:Keywords", NULL, d->keywords);
	buf_puts(b, "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n");
	/* room for in-place edits, as the XMP spec suggests */
	for (int i = 0; i < 20; i++)
		buf_puts(b, "                                                                   \n");
	buf_puts(b, "<?xpacket end=\"w\"?>");
}

static sr_status output_intent(pdftag *t, diag *dg)
{
	FILE *fp = fopen(PDFTAG_ICC_PATH, "rb");
	if (!fp) {
		diag_add(dg, DIAG_ERROR, PDFTAG_ICC_PATH, 0, 0,
			 "cannot read the sRGB ICC profile PDF/A needs (Debian package "
			 "icc-profiles-free; scripts/install-deps installs it)");
		return SR_SYSTEM;
	}
	buf icc = BUF_INIT;
	unsigned char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_put(&icc, chunk, n);
	int bad = ferror(fp) || icc.len < 128 || memcmp(icc.data + 16, "RGB ", 4) != 0;
	fclose(fp);
	if (bad || icc.failed) {
		buf_free(&icc);
		diag_add(dg, DIAG_ERROR, PDFTAG_ICC_PATH, 0, 0, "not a readable RGB ICC profile");
		return SR_SYSTEM;
	}
	HPDF_MMgr mm = t->pdf->mmgr;
	HPDF_Dict s = HPDF_DictStream_New(mm, t->pdf->xref);
	HPDF_Dict oi = HPDF_Dict_New(mm);
	HPDF_Array arr = HPDF_Array_New(mm);
	if (!s || !oi || !arr) {
		buf_free(&icc);
		t->failed = 1;
		return SR_SYSTEM;
	}
	s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Dict_AddNumber(s, "N", 3);
	HPDF_Stream_Write(s->stream, icc.data, (HPDF_UINT)icc.len);
	buf_free(&icc);
	HPDF_Dict_AddName(oi, "Type", "OutputIntent");
	HPDF_Dict_AddName(oi, "S", "GTS_PDFA1");
	set_text(t, oi, "OutputConditionIdentifier", "sRGB IEC61966-2.1");
	set_text(t, oi, "Info", "sRGB IEC61966-2.1");
	HPDF_Dict_Add(oi, "DestOutputProfile", s);
	HPDF_Array_Add(arr, oi);
	HPDF_Dict_Add(t->pdf->catalog, "OutputIntents", arr);
	return SR_OK;
}

sr_status pdftag_finish(pdftag *t, diag *dg)
{
	if (!t)
		return SR_OK;
	HPDF_Doc pdf = t->pdf;
	HPDF_MMgr mm = pdf->mmgr;
	if (t->failed)
		goto oom;
	/* PDF/A-2 is based on PDF 1.7; libharu starts at 1.3 */
	pdf->pdf_version = HPDF_VER_17;

	/* the parent tree: page i's MCIDs under key i, annotations after */
	HPDF_Dict pt = HPDF_Dict_New(mm);
	HPDF_Array nums = HPDF_Array_New(mm);
	if (!pt || !nums || HPDF_Xref_Add(pdf->xref, pt) != HPDF_OK)
		goto oom;
	for (int p = 0; p < t->l->npages; p++)
		if (t->mcids[p]) {
			HPDF_Array_AddNumber(nums, p);
			HPDF_Array_Add(nums, t->mcids[p]);
		}
	for (int i = 0; i < t->nannot; i++) {
		HPDF_Array_AddNumber(nums, t->l->npages + i);
		HPDF_Array_Add(nums, t->e[t->annot_el[i]].d);
	}
	HPDF_Dict_Add(pt, "Nums", nums);
	HPDF_Dict_Add(t->root, "ParentTree", pt);
	HPDF_Dict_AddNumber(t->root, "ParentTreeNextKey", t->l->npages + t->nannot);

	HPDF_Dict cat = pdf->catalog;
	HPDF_Dict_Add(cat, "StructTreeRoot", t->root);
	HPDF_Dict mark = HPDF_Dict_New(mm), vp = HPDF_Dict_New(mm);
	if (!mark || !vp)
		goto oom;
	HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
	HPDF_Dict_Add(cat, "MarkInfo", mark);
	HPDF_Dict_AddBoolean(vp, "DisplayDocTitle", HPDF_TRUE);
	HPDF_Dict_Add(cat, "ViewerPreferences", vp);

	/* XMP, uncompressed as PDF/A wants it */
	buf x = BUF_INIT;
	xmp(t, &x);
	HPDF_Dict ms = x.failed ? NULL : HPDF_DictStream_New(mm, pdf->xref);
	if (!ms) {
		buf_free(&x);
		goto oom;
	}
	ms->filter = HPDF_STREAM_FILTER_NONE;
	HPDF_Dict_AddName(ms, "Type", "Metadata");
	HPDF_Dict_AddName(ms, "Subtype", "XML");
	HPDF_Stream_Write(ms->stream, x.data, (HPDF_UINT)x.len);
	buf_free(&x);
	HPDF_Dict_Add(cat, "Metadata", ms);

	sr_status st = output_intent(t, dg);
	if (st != SR_OK)
		return st;

	/* a deterministic /ID: the inputs, not the clock (libharu would hash
	 * the time); both halves equal for a file never updated */
	HPDF_BYTE id[16];
	HPDF_MD5Final(id, &t->md5);
	HPDF_Array ida = HPDF_Array_New(mm);
	HPDF_Binary b0 = HPDF_Binary_New(mm, id, 16), b1 = HPDF_Binary_New(mm, id, 16);
	if (!ida || !b0 || !b1)
		goto oom;
	HPDF_Array_Add(ida, b0);
	HPDF_Array_Add(ida, b1);
	HPDF_Dict_Add(pdf->trailer, "ID", ida);
	return t->failed ? SR_SYSTEM : SR_OK;
oom:
	diag_add(dg, DIAG_ERROR, NULL, 0, 0, "out of memory writing the PDF/A structure");
	return SR_SYSTEM;
}
