/* layout.c: the document tree -> pages of positioned boxes.
 *
 * Owns the layout's arena and every box in it.  Measures text with fonts.c
 * and hyphenates with hyph.c; never calls libharu (pdf.c paints).  The walk
 * over the tree uses doc_iter with explicit state (list stack), so no input
 * can exhaust the C stack.  See layout.h for the passes. */
#include "layout.h"

#include <math.h>
#include <string.h>

#include "doc/chart.h" /* issue 6 */
#include "base/xalloc.h"

/* ---- growable arrays (heap; freed when the layout is built) ---- */

/* A slab is a piece of the flow that is never split across pages: one line
 * of a paragraph, one table row (or one piece of a row taller than a page),
 * one TOC entry.  Its boxes are the pool's [b0..b1) with y relative to its top. */
typedef struct slab {
	double h, before, top;
	int keep;       /* keep with the next slab */
	int brk;        /* a page break before */
	int table;      /* table id + 1 whose header rows repeat above; 0 none */
	int is_header;  /* this slab is a header row of its table */
	int heading;    /* heading index + 1 starting here; 0 none */
	int anchor;     /* anchor index + 1 of a row starting here; 0 none */
	int hyph;       /* a paragraph's line ending in a hyphen it was given */
	int line;       /* its index among its paragraph's lines */
	size_t b0, b1;
} slab;

typedef struct slabvec {
	slab *v;
	size_t n, cap;
} slabvec;

typedef struct tabinfo {
	size_t h0, h1; /* header row slabs in the body vector */
	int norepeat;  /* the header rows take over half a page: a page a
			* table continues on does not repeat them, or they
			* would leave the rows no room */
} tabinfo;

/* An inline run: text in one face, colour and link. */
typedef struct run {
	const char *s;
	size_t len;
	int face;
	uint32_t rgb;
	const char *href;
	int brk; /* a forced line break, no text */
} run;

enum { SEG_WORD, SEG_SPACE, SEG_BREAK };

typedef struct seg {
	int kind;
	int run;
	const char *s;
	size_t len;
	double w;
	int brk_after; /* may break after this piece without a hyphen ("e-|helse") */
} seg;

/* A piece of a line: bytes [a, b) of seg, and whether a hyphen follows. */
typedef struct frag {
	int seg;
	size_t a, b;
	int hyphen;
} frag;

typedef struct ctx {
	const doc *d;
	layout *l;
	const font_family *fam;
	const hyph *hy;
	doc_style st;
	layout_box **chunks; /* the pool: POOL_CHUNK boxes each (BOX()) */
	size_t nchunks, capchunks;
	size_t npool;        /* boxes in the pool */
	slabvec body;
	tabinfo *tabs;
	size_t ntabs, captabs;
	int failed;
	int next_head;
	int next_anchor;
	double pending_before;
	int pending_break;
	int in_title; /* inside the leading title block */
	int nohyph;   /* the paragraph being broken is not to be hyphenated */
	const char *label; /* a list label for the next line emitted */
	double label_right;
	int label_depth;
	int label_lead;    /* the label is a TOC entry's number: in the entry's
			    * face and colour, its left edge at label_right */
	/* scratch for one paragraph */
	run *runs;
	size_t nruns, capruns;
	seg *segs;
	size_t nsegs, capsegs;
	frag *frags;
	size_t nfrags, capfrags;
	size_t *lines; /* start index in frags of each line, plus the end */
	size_t nlines, caplines;
	/* hyphenation points by word (points()) */
	struct hword *hw;
	size_t nhw, caphw;
	arena hwa;
} ctx;

/* Grow *v (elements of sz) to hold n+1; 0 or -1 (c->failed set). */
static int grow(ctx *c, void **v, size_t *cap, size_t n, size_t sz)
{
	if (n < *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : 64;
	void *p = xrealloc(*v, nc * sz);
	if (!p) {
		c->failed = 1;
		return -1;
	}
	*v = p;
	*cap = nc;
	return 0;
}

#define PUSH(c, arr, n, cap) \
	(grow((c), (void **)&(arr), &(cap), (n), sizeof *(arr)) ? NULL : &(arr)[(n)++])

/* A long report's peak memory is mostly boxes (see layout.h). */
_Static_assert(sizeof(layout_box) <= 72, "layout_box grew");

/* The pool of boxes is a list of fixed chunks, not one growing array: a
 * chunk (~700 KB) is below malloc's mmap threshold (xalloc.c), so the
 * chunks are carved from the heap the XML reading freed, which is in
 * memory already; one array of a long report's 180 MB was a mapping of
 * its own, faulted in and zeroed page by page (a tenth of the run's CPU)
 * while that freed heap sat unused.  Chunks never move, so a box pointer
 * stays good while more boxes are made. */
#ifndef SR_POOL_SHIFT /* the sanitizer build makes chunks tiny, so every test crosses them */
#define SR_POOL_SHIFT 13
#endif
enum { POOL_SHIFT = SR_POOL_SHIFT, POOL_CHUNK = 1 << POOL_SHIFT };
#define BOX(c, i) (&(c)->chunks[(i) >> POOL_SHIFT][(i) & (POOL_CHUNK - 1)])

static layout_box *newbox(ctx *c, layout_kind k, layout_role r, const doc_node *n)
{
	if (c->npool == c->nchunks * (size_t)POOL_CHUNK) {
		layout_box *ch = xmalloc(POOL_CHUNK * sizeof *ch);
		/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
		layout_box **slot = ch ? PUSH(c, c->chunks, c->nchunks, c->capchunks) : NULL;
		if (!slot) {
			xfree(ch);
			c->failed = 1;
			return NULL;
		}
		*slot = ch;
	}
	size_t at = c->npool++;
	layout_box *b = BOX(c, at);
	memset(b, 0, sizeof *b);
	b->kind = k;
	b->role = r;
	b->node = n;
	b->dest = -1;
	b->page = -1;
	return b;
}

/* Free the pool's chunks [from, to). */
static void drop_chunks(ctx *c, size_t from, size_t to)
{
	for (size_t k = from; k < to && k < c->nchunks; k++) {
		xfree(c->chunks[k]);
		c->chunks[k] = NULL;
	}
}

static slab *newslab(ctx *c, slabvec *sv, double h)
{
	slab *s = PUSH(c, sv->v, sv->n, sv->cap);
	if (!s)
		return NULL;
	memset(s, 0, sizeof *s);
	s->h = h;
	s->b0 = s->b1 = c->npool;
	return s;
}

/* ---- style ---- */

doc_style layout_style(const doc *d)
{
	return d->style;
}

/* Per-block typography: a role of the house style in the layout's terms. */
typedef struct tstyle {
	double size, lead; /* font size, line height factor */
	int face;
	uint32_t rgb;
	double before, after;
	int hyphenate;
} tstyle;

static tstyle tstyle_of(const doc_role *r)
{
	return (tstyle){r->size, r->leading, r->bold ? FONT_BOLD : FONT_REGULAR, r->rgb,
			r->before, r->after, r->hyphenate};
}

static tstyle pstyle_of(const ctx *c, doc_pstyle p)
{
	return tstyle_of(&c->st.para[(int)p >= 0 && (int)p < DOC_P_COUNT ? p : DOC_P_BODY]);
}

static tstyle heading_of(const ctx *c, int level)
{
	return tstyle_of(doc_style_heading(&c->st, level));
}

static const font_face *face(const ctx *c, int f) { return &c->fam->face[f & 3]; }

/* ---- inline runs ---- */

static void add_run(ctx *c, const char *s, size_t len, int f, uint32_t rgb, const char *href,
		    int brk)
{
	run *r = PUSH(c, c->runs, c->nruns, c->capruns);
	if (r)
		*r = (run){s, len, f, rgb, href, brk};
}

/* Runs of s[0..len), cut at each word joiner (DOC_WORD_JOINER): the
 * joiner is neither measured nor painted (the fonts have no glyph for
 * it), and two runs with no space between them are one word to the line
 * breaker, so no line breaks there. */
static void add_text_runs(ctx *c, const char *s, size_t len, int f, uint32_t rgb,
			  const char *href)
{
	const size_t wl = sizeof DOC_WORD_JOINER - 1;
	const char *end = s + len, *from = s;
	for (const char *p = s; p + wl <= end; p++)
		if (*p == DOC_WORD_JOINER[0] && memcmp(p, DOC_WORD_JOINER, wl) == 0) {
			if (p > from)
				add_run(c, from, (size_t)(p - from), f, rgb, href, 0);
			from = p + wl;
			p += wl - 1;
		}
	if (from < end || len == 0)
		add_run(c, from, (size_t)(end - from), f, rgb, href, 0);
}

/* The text s without its word joiners, in place (a heading's title for
 * the contents and the bookmarks). */
static void drop_joiners(char *s)
{
	const size_t wl = sizeof DOC_WORD_JOINER - 1;
	char *o = s;
	for (const char *p = s; *p;)
		if (strncmp(p, DOC_WORD_JOINER, wl) == 0)
			p += wl;
		else
			*o++ = *p++;
	*o = '\0';
}

/* The runs of a heading's or paragraph's inlines. */
static void collect_runs(ctx *c, const doc_node *para, int base, uint32_t rgb)
{
	doc_iter it;
	const doc_node *n;
	doc_event ev;
	int bold = 0, ital = 0, links = 0;
	const char *href = NULL;
	doc_iter_init(&it, para);
	while ((ev = doc_iter_next(&it, &n)) != DOC_EV_DONE) {
		if (n == para)
			continue;
		int enter = ev == DOC_EV_ENTER;
		switch (n->type) {
		case DOC_STRONG:
			bold += enter ? 1 : -1;
			break;
		case DOC_EMPH:
			ital += enter ? 1 : -1;
			break;
		case DOC_LINK:
			if (enter) {
				links++;
				/* a link without a target is just its text, as in the ODT */
				href = n->u.link.href && *n->u.link.href ? n->u.link.href : NULL;
			} else if (--links == 0) {
				href = NULL;
			} else {
				/* back to the enclosing link's target */
				for (const doc_node *p = n->parent; p; p = p->parent)
					if (p->type == DOC_LINK) {
						href = p->u.link.href;
						break;
					}
			}
			break;
		case DOC_TEXT: {
			int f = base | (bold > 0 ? FONT_BOLD : 0) | (ital > 0 ? FONT_ITALIC : 0);
			add_text_runs(c, n->u.text.text, n->u.text.len, f,
				      href ? c->st.link_rgb : rgb, href);
			break;
		}
		case DOC_BREAK:
			add_run(c, NULL, 0, base, rgb, NULL, 1);
			break;
		default:
			/* blocks inside inlines break the shape rules: skip them */
			if (enter && !doc_is_leaf(n->type))
				doc_iter_skip_children(&it);
			break;
		}
	}
}

static int is_space(unsigned char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

static int is_alpha_at(const char *s, size_t len, size_t i)
{
	if (i >= len)
		return 0;
	unsigned char ch = (unsigned char)s[i];
	return ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || ch >= 0xC3;
}

static void add_seg(ctx *c, int kind, int r, const char *s, size_t len, int brk_after)
{
	if (kind == SEG_SPACE && c->nsegs && c->segs[c->nsegs - 1].kind == SEG_SPACE)
		return;
	seg *g = PUSH(c, c->segs, c->nsegs, c->capsegs);
	if (!g)
		return;
	*g = (seg){kind, r, s, len, 0, brk_after};
	if (kind == SEG_WORD)
		g->w = font_width(face(c, c->runs[r].face), s, len, 1);
}

/* Split runs into words, spaces and forced breaks.  Widths are per point of
 * size (multiplied by the size when used). */
static void segment(ctx *c, double size)
{
	c->nsegs = 0;
	for (size_t r = 0; r < c->nruns; r++) {
		const run *rn = &c->runs[r];
		if (rn->brk) {
			add_seg(c, SEG_BREAK, (int)r, NULL, 0, 0);
			continue;
		}
		size_t i = 0;
		while (i < rn->len) {
			if (is_space((unsigned char)rn->s[i])) {
				size_t j = i;
				while (j < rn->len && is_space((unsigned char)rn->s[j]))
					j++;
				add_seg(c, SEG_SPACE, (int)r, rn->s + i, 1, 0);
				i = j;
				continue;
			}
			size_t j = i;
			while (j < rn->len && !is_space((unsigned char)rn->s[j])) {
				/* a break opportunity after a hyphen between letters */
				if (rn->s[j] == '-' && j > i && is_alpha_at(rn->s, rn->len, j - 1) &&
				    is_alpha_at(rn->s, rn->len, j + 1)) {
					j++;
					break;
				}
				j++;
			}
			int ba = rn->s[j - 1] == '-' && j < rn->len && !is_space((unsigned char)rn->s[j]);
			add_seg(c, SEG_WORD, (int)r, rn->s + i, j - i, ba);
			i = j;
		}
	}
	/* a space's width, by face: measured once, not once a space */
	double space_w[4] = {-1, -1, -1, -1};
	for (size_t i = 0; i < c->nsegs; i++) {
		seg *g = &c->segs[i];
		if (g->kind == SEG_SPACE) {
			int f = c->runs[g->run].face & 3;
			if (space_w[f] < 0)
				space_w[f] = font_width(face(c, f), " ", 1, size);
			g->w = space_w[f];
		} else {
			g->w *= size;
		}
	}
}

/* ---- line breaking ---- */

static double seg_w(ctx *c, int si, size_t a, size_t b, double size)
{
	const seg *g = &c->segs[si];
	if (a == 0 && b == g->len)
		return g->w;
	return font_width(face(c, c->runs[g->run].face), g->s + a, b - a, size);
}

static void add_frag(ctx *c, int si, size_t a, size_t b, int hyphen)
{
	frag *f = PUSH(c, c->frags, c->nfrags, c->capfrags);
	if (f)
		*f = (frag){si, a, b, hyphen};
}

static void end_line(ctx *c)
{
	size_t *p = PUSH(c, c->lines, c->nlines, c->caplines);
	if (p)
		*p = c->nfrags;
}

enum { WORDMAX = 256 };

/* ---- hyphenation points, once per word ---- */

/* A report says the same words again and again (an owner's name in every
 * row of the matrix, the plan's vocabulary in every measure), and the
 * table's column widths ask for the points of every word of every cell:
 * libhyphen's pattern walk was a tenth of a long report's layout. */
typedef struct hword {
	const char *w; /* NULL: a free slot */
	uint32_t len, hash;
	int np;
	const hyph_point *pts;
} hword;

static uint32_t word_hash(const char *w, size_t n)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h;
}

static hword *hw_slot(hword *t, size_t cap, const char *w, size_t n, uint32_t h)
{
	size_t i = h & (cap - 1);
	while (t[i].w && !(t[i].hash == h && t[i].len == n && memcmp(t[i].w, w, n) == 0))
		i = (i + 1) & (cap - 1);
	return &t[i];
}

/* A table twice the size, the words moved over; -1 (c->failed) when memory
 * ran out.  At most half full, so that a probe ends soon. */
static int hw_grow(ctx *c)
{
	size_t nc = c->caphw ? c->caphw * 2 : 1024;
	hword *t = xcalloc(nc, sizeof *t);
	if (!t) {
		c->failed = 1;
		return -1;
	}
	for (size_t i = 0; c->hw && i < c->caphw; i++)
		if (c->hw[i].w)
			*hw_slot(t, nc, c->hw[i].w, c->hw[i].len, c->hw[i].hash) = c->hw[i];
	xfree(c->hw);
	c->hw = t, c->caphw = nc;
	return 0;
}

/* hyph_points(c->hy, w, n, ...) into pts (HYPH_MAX_POINTS), remembered. */
static int points(ctx *c, const char *w, size_t n, hyph_point *pts)
{
	uint32_t h = word_hash(w, n);
	if (c->hw) {
		const hword *e = hw_slot(c->hw, c->caphw, w, n, h);
		if (e->w) {
			memcpy(pts, e->pts, (size_t)e->np * sizeof *pts);
			return e->np;
		}
	}
	int np = hyph_points(c->hy, w, n, pts, HYPH_MAX_POINTS);
	if ((c->nhw * 2 >= c->caphw || !c->hw) && hw_grow(c) != 0)
		return np;
	char *cw = arena_strndup(&c->hwa, w, n);
	hyph_point *cp = arena_array(&c->hwa, (size_t)np, sizeof *cp);
	if (!cw || !cp) {
		c->failed = 1;
		return np;
	}
	memcpy(cp, pts, (size_t)np * sizeof *cp);
	*hw_slot(c->hw, c->caphw, w, n, h) = (hword){cw, (uint32_t)n, h, np, cp};
	c->nhw++;
	return np;
}

/* The best hyphenation break of the word segs [i..j) starting at byte off of
 * seg i whose prefix plus a hyphen fits in avail.  On success sets the seg
 * *k and byte *kb where the remainder starts, returns 1.  Prefers a compound
 * joint when it fills at least 60% of what the rightmost break would. */
static int best_break(ctx *c, int i, size_t off, int j, double avail, double size, int alone,
		      int *k, size_t *kb)
{
	char w[WORDMAX];
	int mapseg[WORDMAX];
	size_t mapoff[WORDMAX];
	size_t n = 0;
	if (c->nohyph)
		return 0;
	for (int s = i; s < j; s++) {
		const seg *g = &c->segs[s];
		for (size_t b = s == i ? off : 0; b < g->len; b++) {
			if (n >= WORDMAX - 1)
				return 0;
			w[n] = g->s[b];
			mapseg[n] = s;
			mapoff[n] = b;
			n++;
		}
	}
	if (n == 0)
		return 0;
	hyph_point pts[HYPH_MAX_POINTS];
	int np = points(c, w, n, pts);
	int right = -1, joint = -1, poor = -1;
	double rw = 0, jw = 0;
	for (int p = 0; p < np; p++) {
		/* prefix width: whole segs before the break's seg, then part of it */
		int bs = mapseg[pts[p].off];
		size_t bo = mapoff[pts[p].off];
		double pw = 0;
		for (int s = i; s < bs; s++)
			pw += seg_w(c, s, s == i ? off : 0, c->segs[s].len, size);
		pw += seg_w(c, bs, bs == i ? off : 0, bo, size);
		double hw = font_width(face(c, c->runs[c->segs[bs].run].face), "-", 1, size);
		if (pw + hw > avail + 1e-6)
			break;
		if (pts[p].rank < 0) {
			poor = p;
			continue;
		}
		right = p;
		rw = pw;
		if (pts[p].rank > 0) {
			joint = p;
			jw = pw;
		}
	}
	if (right < 0 && alone)
		right = poor; /* alone on the line: better than breaking by letters */
	if (right < 0)
		return 0;
	int best = joint >= 0 && jw >= 0.6 * rw ? joint : right;
	*k = mapseg[pts[best].off];
	*kb = mapoff[pts[best].off];
	return 1;
}

/* Break the segments into lines of at most width: greedy, hyphenating a
 * word that does not fit, breaking by characters a word that cannot fit on a
 * line of its own even hyphenated (never drawn past its box). */
static void break_lines(ctx *c, double width, double size)
{
	c->nfrags = 0;
	c->nlines = 0;
	int ns = (int)c->nsegs, i = 0, space = -1, empty = 1, hyphens = 0;
	size_t off = 0;
	double x = 0;
	/* Ragged right: a word that does not fit is hyphenated only when the
	 * line would otherwise stay visibly short, and never on more than two
	 * lines in a row (unless it is alone on its line and must break). */
	double short_line = 0.2 * width < 3 * size ? 0.2 * width : 3 * size;
	while (i < ns && !c->failed) {
		seg *g = &c->segs[i];
		if (g->kind == SEG_BREAK) {
			end_line(c);
			x = 0, empty = 1, space = -1, i++, hyphens = 0;
			continue;
		}
		if (g->kind == SEG_SPACE) {
			if (!empty)
				space = i;
			i++;
			continue;
		}
		int j = i;
		double ww = 0;
		while (j < ns && c->segs[j].kind == SEG_WORD) {
			/* ww is only compared with the room left: a part too wide
			 * for it is enough, and measuring all of a word that
			 * fills many lines, again for each, would be quadratic */
			size_t a = j == i ? off : 0, b = c->segs[j].len, part_len = (size_t)4 * WORDMAX;
			if (b - a > part_len) {
				size_t cut = a + part_len;
				while (cut > a && (c->segs[j].s[cut] & 0xC0) == 0x80)
					cut--;
				double part = seg_w(c, j, a, cut, size);
				if (x + ww + part > width + 1e-6)
					b = cut;
			}
			ww += seg_w(c, j, a, b, size);
			j++;
			if (c->segs[j - 1].brk_after)
				break;
		}
		double sw = !empty && space >= 0 ? c->segs[space].w : 0;
		if (x + sw + ww <= width + 1e-6) {
			if (sw > 0)
				add_frag(c, space, 0, 1, 0);
			for (int s = i; s < j; s++)
				add_frag(c, s, s == i ? off : 0, c->segs[s].len, 0);
			x += sw + ww, empty = 0, space = -1, i = j, off = 0;
			continue;
		}
		int k;
		size_t kb;
		int may = empty || (width - x > short_line && hyphens < 2);
		if (may && best_break(c, i, off, j, width - x - sw, size, empty, &k, &kb)) {
			if (sw > 0)
				add_frag(c, space, 0, 1, 0);
			for (int s = i; s <= k; s++) {
				size_t a = s == i ? off : 0, b = s == k ? kb : c->segs[s].len;
				if (b > a || s == k)
					add_frag(c, s, a, b, s == k);
			}
			end_line(c);
			x = 0, empty = 1, space = -1, i = k, off = kb, hyphens++;
			continue;
		}
		if (!empty) {
			end_line(c);
			x = 0, empty = 1, space = -1, hyphens = 0;
			continue;
		}
		/* Alone on a line and still too wide: as many whole characters as
		 * fit (at least one), no hyphen. */
		double used = 0;
		int s = i;
		size_t b = off;
		int took = 0;
		while (s < j) {
			const seg *h = &c->segs[s];
			if (b >= h->len) {
				s++, b = 0;
				continue;
			}
			int adv;
			font_utf8(h->s + b, h->len - b, &adv);
			double cw = seg_w(c, s, b, b + (size_t)adv, size);
			if (took && used + cw > width + 1e-6)
				break;
			size_t a0 = b;
			used += cw, b += (size_t)adv, took = 1;
			/* extend the last frag when it is the same seg */
			if (c->nfrags && c->frags[c->nfrags - 1].seg == s &&
			    c->frags[c->nfrags - 1].b == a0 && !empty)
				c->frags[c->nfrags - 1].b = b;
			else
				add_frag(c, s, a0, b, 0);
			empty = 0;
		}
		end_line(c);
		x = 0, empty = 1, space = -1;
		if (s < j && b >= c->segs[s].len)
			s++, b = 0;
		i = s, off = b;
		if (i >= j)
			i = j, off = 0;
	}
	if (!empty || c->nlines == 0 || c->nfrags > c->lines[c->nlines - 1])
		end_line(c);
}

/* The width of the longest piece of the paragraph's words that hyphenation
 * cannot split (whole: of its words), or floor if that is more: what a
 * table column must at least hold, given that it holds floor already. */
static double min_piece(ctx *c, double size, int whole, double floor)
{
	double best = floor;
	int ns = (int)c->nsegs;
	double hyphen_w[4] = {-1, -1, -1, -1}; /* by face, measured once */
	for (int i = 0; i < ns;) {
		if (c->segs[i].kind != SEG_WORD) {
			i++;
			continue;
		}
		int j = i;
		while (j < ns && c->segs[j].kind == SEG_WORD) {
			j++;
			if (c->segs[j - 1].brk_after)
				break;
		}
		/* concatenate, find the points, measure the pieces between them */
		char w[WORDMAX];
		size_t n = 0;
		int ok = 1;
		for (int s = i; s < j && ok; s++) {
			if (n + c->segs[s].len >= WORDMAX)
				ok = 0;
			else {
				memcpy(w + n, c->segs[s].s, c->segs[s].len);
				n += c->segs[s].len;
			}
		}
		int fi = c->runs[c->segs[i].run].face & 3;
		const font_face *ff = face(c, fi);
		/* no piece is wider than the word and a hyphen: a word that
		 * narrow cannot raise best, and need not be hyphenated (most
		 * words of a table once its column is as wide as its widest
		 * piece so far: hyphenating them was 85 % of all hyphenation) */
		if (hyphen_w[fi] < 0)
			hyphen_w[fi] = font_width(ff, "-", 1, size);
		double hw = hyphen_w[fi];
		if (font_width(ff, w, n, size) + hw <= best) {
			i = j;
			continue;
		}
		hyph_point pts[HYPH_MAX_POINTS];
		int np = ok && !whole ? points(c, w, n, pts) : 0;
		size_t prev = 0;
		for (int p = 0; p <= np; p++) {
			size_t e = p < np ? pts[p].off : n;
			double pw = font_width(ff, w + prev, e - prev, size) + (p < np ? hw : 0);
			if (pw > best)
				best = pw;
			prev = e;
		}
		i = j;
	}
	return best;
}

/* ---- emitting lines ---- */

typedef struct pctx {
	layout_role role;
	int level;
	doc_pstyle pstyle;
	const doc_node *node;
	doc_align align;
} pctx;

/* Do runs a and b look alike (face, colour, link), so that one text box
 * may hold both -- the two sides of a word joiner ("2023–" "2026") read
 * as one word? */
static int same_look(const ctx *c, int a, int b)
{
	const run *x = &c->runs[a], *y = &c->runs[b];
	return a == b || (x->face == y->face && x->rgb == y->rgb && x->href == y->href &&
			  !x->brk && !y->brk);
}

/* Lines of the current runs as slabs in sv, text starting at x, width w.
 * Returns the number of slabs added; the first is at index *first. */
static size_t emit_lines(ctx *c, slabvec *sv, const tstyle *t, const pctx *pc, double x,
			 double w, size_t *first)
{
	segment(c, t->size);
	c->nohyph = !t->hyphenate;
	break_lines(c, w, t->size);
	c->nohyph = 0;
	const font_face *ff = face(c, t->face);
	double lh = t->size * t->lead;
	double base = (lh - (ff->ascent + ff->descent) * t->size) / 2 + ff->ascent * t->size;
	*first = sv->n;
	size_t start = 0;
	for (size_t li = 0; li < c->nlines && !c->failed; li++) {
		size_t end = c->lines[li];
		slab *s = newslab(c, sv, lh);
		if (!s)
			return 0;
		size_t si = sv->n - 1;
		if (c->label) {
			/* the list label sits on the item's first line, right-aligned
			 * in the indent */
			const char *lab = c->label;
			int lead = c->label_lead;
			int lf = lead ? t->face : t->face & ~FONT_BOLD;
			layout_box *b = newbox(c, LAYOUT_TEXT, lead ? pc->role : LAYOUT_LIST_LABEL,
					       pc->node);
			if (!b)
				return 0;
			b->len = strlen(lab);
			b->text = arena_strndup(&c->l->arena, lab, b->len);
			b->w = font_width(face(c, lf), lab, b->len, t->size);
			b->x = lead ? c->label_right : c->label_right - b->w;
			b->y = base, b->h = t->size, b->size = t->size, b->face = (font_style)lf;
			b->rgb = lead || t->rgb != c->st.text_rgb ? t->rgb : c->st.heading_rgb;
			b->level = lead ? pc->level : c->label_depth;
			c->l->faces_used |= 1u << lf;
			c->label = NULL, c->label_lead = 0;
		}
		/* line width for alignment */
		double lw = 0;
		for (size_t f = start; f < end; f++) {
			const frag *fr = &c->frags[f];
			lw += seg_w(c, fr->seg, fr->a, fr->b, t->size);
			if (fr->hyphen)
				lw += font_width(face(c, c->runs[c->segs[fr->seg].run].face), "-", 1,
						 t->size);
		}
		double cx = x;
		if (pc->align == DOC_RIGHT)
			cx = x + w - lw;
		else if (pc->align == DOC_CENTER)
			cx = x + (w - lw) / 2;
		/* group frags of one run into one text box (a space between two
		 * runs joins the run after it) */
		size_t f = start;
		while (f < end) {
			int r = c->segs[c->frags[f].seg].run;
			size_t n = 0, g;
			/* the box's text as it stands in the source (single spaces,
			 * no hyphen added, all in one piece): pointed at, not copied,
			 * as the tree outlives the layout -- copies of the lines were
			 * a tenth of a long report's memory */
			const seg *s0 = &c->segs[c->frags[f].seg];
			const char *src = s0->s ? s0->s + c->frags[f].a : NULL, *at = src;
			for (g = f; g < end; g++) {
				const frag *fr = &c->frags[g];
				const seg *sg = &c->segs[fr->seg];
				if (g > f && !same_look(c, sg->run, r) &&
				    (sg->kind != SEG_SPACE || g + 1 >= end ||
				     !same_look(c, c->segs[c->frags[g + 1].seg].run, r)))
					break;
				n += fr->b - fr->a + (size_t)fr->hyphen;
				if (at && (!sg->s || sg->s + fr->a != at || fr->hyphen ||
					   (sg->kind == SEG_SPACE && sg->s[fr->a] != ' ')))
					at = NULL;
				else if (at)
					at += fr->b - fr->a;
			}
			char *buf = at ? NULL : arena_alloc(&c->l->arena, n + 1);
			if (!at && !buf) {
				c->failed = 1;
				return 0;
			}
			double bw = 0;
			n = 0;
			for (size_t q = f; q < g; q++) {
				const frag *fr = &c->frags[q];
				const seg *sg = &c->segs[fr->seg];
				size_t len = fr->b - fr->a;
				if (buf && len && sg->s) {
					memcpy(buf + n, sg->s + fr->a, len);
					if (sg->kind == SEG_SPACE)
						buf[n] = ' ';
				}
				n += len;
				bw += seg_w(c, fr->seg, fr->a, fr->b, t->size);
				if (fr->hyphen) {
					buf[n++] = '-';
					bw += font_width(face(c, c->runs[sg->run].face), "-", 1, t->size);
				}
			}
			if (buf)
				buf[n] = '\0';
			const run *rn = &c->runs[r];
			layout_box *b = newbox(c, LAYOUT_TEXT, pc->role, pc->node);
			if (!b)
				return 0;
			b->level = pc->level;
			b->pstyle = pc->pstyle;
			b->x = cx;
			b->y = base;
			b->w = bw;
			b->h = t->size;
			b->face = (font_style)rn->face;
			b->size = t->size;
			b->rgb = rn->rgb;
			b->text = buf ? buf : src;
			b->len = n;
			b->hyphen = c->frags[g - 1].hyphen; /* issue 9: for /ActualText */
			b->href = rn->href; /* issue 9: link text goes in its Link element */
			c->l->faces_used |= 1u << rn->face;
			if (rn->href) {
				layout_box *lk = newbox(c, LAYOUT_LINK, pc->role, pc->node);
				if (!lk)
					return 0;
				lk->x = cx;
				lk->y = 0;
				lk->w = bw;
				lk->h = lh;
				lk->href = rn->href;
			}
			cx += bw;
			f = g;
		}
		s = &sv->v[si];
		s->b1 = c->npool;
		s->hyph = end > start && c->frags[end - 1].hyphen;
		s->line = (int)li;
		start = end;
	}
	return sv->n - *first;
}

/* Lay out one paragraph-like node (or, when node is NULL, the runs already
 * collected) into sv. */
static size_t flow_para(ctx *c, slabvec *sv, const doc_node *node, const tstyle *t,
			const pctx *pc, double x, double w, size_t *first)
{
	if (node) {
		c->nruns = 0;
		collect_runs(c, node, t->face, t->rgb);
	}
	return emit_lines(c, sv, t, pc, x, w, first);
}

/* ---- the flow of blocks ---- */

typedef struct cellmode {
	int on;
	double size;
	int face;
	uint32_t rgb; /* 0xFFFFFFFF: by paragraph style */
	layout_role role;
	doc_align align;
	int label; /* a label cell (doc_cell_is_label): never hyphenated */
} cellmode;

enum { LIST_MAX = 16 };

static void flow_table(ctx *c, const doc_node *t, double x0, double avail);
static void flow_toc(ctx *c, double x0, double avail);
static void flow_chart(ctx *c, slabvec *sv, const doc_node *n, double x0, double avail);

/* Give the first slab added since mark its spacing and page break. */
static void settle(ctx *c, slabvec *sv, size_t mark, double before)
{
	if (mark >= sv->n)
		return;
	double b = c->pending_before > before ? c->pending_before : before;
	sv->v[mark].before = b;
	if (c->pending_break)
		sv->v[mark].brk = 1;
	c->pending_break = 0;
	c->pending_before = 0;
}

/* The leading title block ends (at the first block that is not a title or
 * subtitle paragraph): a rule under it. */
static void end_title(ctx *c, slabvec *sv, double x0, double avail)
{
	if (!c->in_title)
		return;
	c->in_title = 0;
	const doc_style *st = &c->st;
	if (!newslab(c, sv, st->title_rule_above + st->title_rule_below))
		return;
	layout_box *b = newbox(c, LAYOUT_RULE, LAYOUT_ARTIFACT, NULL);
	if (!b)
		return;
	b->x = x0, b->y = st->title_rule_above, b->w = avail, b->lw = st->title_rule_w;
	b->rgb = st->heading_rgb;
	sv->v[sv->n - 1].b1 = c->npool;
	settle(c, sv, sv->n - 1, 0);
}

/* Flow the blocks under container into sv, text from x0, avail wide.  In a
 * table cell (cm->on) paragraphs take the cell's size, face and colour. */
static void flow_blocks(ctx *c, const doc_node *container, slabvec *sv, double x0, double avail,
			const cellmode *cm)
{
	struct {
		int ordered, counter;
	} lists[LIST_MAX];
	int depth = 0;
	const char *label = NULL;
	char numbuf[16];
	doc_iter it;
	const doc_node *n;
	doc_event ev;
	doc_iter_init(&it, container);
	while (!c->failed && (ev = doc_iter_next(&it, &n)) != DOC_EV_DONE) {
		if (n == container)
			continue;
		int d = depth < LIST_MAX ? depth : LIST_MAX;
		double ind = (d > 4 ? 4 : d) * c->st.list.indent;
		if (ev == DOC_EV_EXIT) {
			if (n->type == DOC_LIST && depth > 0) {
				depth--;
				if (depth == 0 && !cm->on)
					c->pending_before = c->st.list.after;
			}
			continue;
		}
		switch (n->type) {
		case DOC_HEADING: {
			if (cm->on) {
				doc_iter_skip_children(&it);
				break;
			}
			tstyle t = heading_of(c, doc_heading_rank(n));
			pctx pc = {LAYOUT_HEADING, n->u.heading.level, DOC_P_BODY, n, DOC_LEFT};
			end_title(c, sv, x0, avail);
			size_t first, cnt = flow_para(c, sv, n, &t, &pc, x0, avail, &first);
			settle(c, sv, first, t.before);
			for (size_t i = first; i < first + cnt; i++)
				sv->v[i].keep = doc_style_heading(&c->st, n->u.heading.level)->keep_with_next;
			if (cnt && c->next_head < c->l->nheads &&
			    c->l->heads[c->next_head].node == n)
				sv->v[first].heading = ++c->next_head;
			c->pending_before = t.after;
			doc_iter_skip_children(&it);
			break;
		}
		case DOC_PARAGRAPH: {
			doc_pstyle ps = n->u.para.style;
			tstyle t = pstyle_of(c, ps);
			pctx pc = {LAYOUT_PARAGRAPH, 0, ps, n, n->u.para.align};
			if (depth > 0)
				pc.role = LAYOUT_LIST_BODY, pc.level = depth;
			if (cm->on) {
				/* in a cell: the table's size and leading, the cell's
				 * face and colour; a note keeps its smaller size and,
				 * on no fill, its colour; a lead (a headline figure)
				 * its larger size, as the ODT's and the DOCX's do */
				const doc_table_style *ts = &c->st.table;
				uint32_t rgb = cm->rgb != 0xFFFFFFFF ? cm->rgb : t.rgb;
				int lead = ps == DOC_P_LEAD;
				t = (tstyle){ps == DOC_P_NOTE ? ts->note_size : lead ? t.size : cm->size,
					     lead ? t.lead : ts->leading,
					     cm->face | (t.face & FONT_BOLD && ps != DOC_P_BODY ? FONT_BOLD : 0),
					     ps == DOC_P_NOTE && cm->rgb == 0xFFFFFFFF ? c->st.para[DOC_P_NOTE].rgb
										       : rgb,
					     ts->para_gap, 0, t.hyphenate && !cm->label};
				pc.role = cm->role;
				if (pc.align == DOC_LEFT)
					pc.align = cm->align;
			} else if (ps != DOC_P_TITLE && ps != DOC_P_SUBTITLE) {
				end_title(c, sv, x0, avail);
			}
			if (label) {
				c->label = label;
				c->label_right = x0 + ind - c->st.list.label_gap;
				c->label_depth = depth;
			}
			size_t first, cnt = flow_para(c, sv, n, &t, &pc, x0 + ind, avail - ind, &first);
			c->label = NULL;
			if (!cnt) {
				doc_iter_skip_children(&it);
				break;
			}
			settle(c, sv, first, label ? c->st.list.item_before : t.before);
			label = NULL;
			if (!cm->on) {
				/* orphans and widows: never fewer than min_lines
				 * lines alone */
				size_t ml = c->st.min_lines > 1 ? (size_t)c->st.min_lines : 1;
				for (size_t i = 0; cnt >= 2 && i + 1 < ml && i + 1 < cnt; i++) {
					sv->v[first + i].keep = 1;
					sv->v[first + cnt - 2 - i].keep = 1;
				}
				if (n->u.para.keep_with_next || c->st.para[ps].keep_with_next)
					sv->v[first + cnt - 1].keep = 1;
			}
			c->pending_before = t.after;
			doc_iter_skip_children(&it);
			break;
		}
		case DOC_LIST:
			if (depth < LIST_MAX) {
				lists[depth].ordered = n->u.list.ordered;
				lists[depth].counter = n->u.list.start > 0 ? n->u.list.start - 1 : 0;
			}
			depth++;
			break;
		case DOC_ITEM:
			if (d > 0 && d <= LIST_MAX) {
				lists[d - 1].counter++;
				if (lists[d - 1].ordered) {
					snprintf(numbuf, sizeof numbuf, "%d.", lists[d - 1].counter);
					label = numbuf;
				} else {
					label = doc_style_bullet(&c->st, d);
				}
			}
			break;
		case DOC_TABLE:
			if (!cm->on) {
				end_title(c, sv, x0, avail);
				flow_table(c, n, x0, avail);
			}
			doc_iter_skip_children(&it);
			break;
		case DOC_TOC:
			if (!cm->on) {
				end_title(c, sv, x0, avail);
				flow_toc(c, x0, avail);
			}
			break;
		case DOC_PAGE_BREAK:
			if (!cm->on)
				end_title(c, sv, x0, avail);
			c->pending_break = 1;
			break;
		case DOC_CHART:
			/* issue 6: a chart is one unsplittable slab of primitive
			 * boxes, role figure, node the DOC_CHART (tagged as one
			 * Figure with its alt text) */
			if (!cm->on) {
				end_title(c, sv, x0, avail);
				flow_chart(c, sv, n, x0, avail);
			}
			break;
		default:
			if (!doc_is_leaf(n->type))
				doc_iter_skip_children(&it);
			break;
		}
	}
}

/* ---- charts (issue 6) ---- */

static double chart_measure_cb(void *mc, const char *s, size_t len, double size, int bold)
{
	ctx *c = mc;
	return font_width(face(c, bold ? FONT_BOLD : FONT_REGULAR), s, len, size);
}

/* The chart's primitives (chart.c) as boxes in one slab.  Charts abreast
 * (small multiples) share their row's slab: the first opens it, the
 * others add their boxes beside, each its share of the width. */
static void flow_chart(ctx *c, slabvec *sv, const doc_node *n, double x0, double avail)
{
	const doc_chart *ch = n->u.chart.chart;
	chart_drawing dr;
	if (!ch)
		return;
	int col;
	doc_chart_abreast(n, &col);
	double gap = c->st.chart.space, cw = doc_chart_width(n, avail, gap);
	if (chart_draw(ch, cw, c->st.font_size, chart_measure_cb, c, &c->l->arena, &dr) < 0) {
		c->failed = 1;
		return;
	}
	size_t mark = sv->n;
	if (col == 0 || sv->n == 0) {
		if (!newslab(c, sv, dr.h))
			return;
	} else if (sv->v[sv->n - 1].h < dr.h) {
		sv->v[sv->n - 1].h = dr.h;
	}
	size_t si = sv->n - 1;
	double cx = x0 + col * (cw + gap);
	for (int i = 0; i < dr.n && !c->failed; i++) {
		const chart_prim *p = &dr.p[i];
		layout_kind kd = p->kind == CP_TEXT ? LAYOUT_TEXT : p->kind == CP_RECT ? LAYOUT_FILL
											 : LAYOUT_RULE;
		layout_box *b = newbox(c, kd, LAYOUT_FIGURE, n);
		if (!b)
			return;
		b->x = cx + p->x, b->y = p->y, b->w = p->w, b->h = p->h, b->rgb = p->rgb;
		b->lw = p->lw;
		if (kd == LAYOUT_TEXT) {
			b->text = p->text, b->len = strlen(p->text), b->size = p->h;
			b->face = p->bold ? FONT_BOLD : FONT_REGULAR;
			c->l->faces_used |= 1u << b->face;
		}
	}
	sv->v[si].b1 = c->npool;
	if (col == 0) {
		/* the last row with the values table after it */
		sv->v[si].keep = n->next && n->next->type == DOC_TABLE;
		settle(c, sv, mark, c->st.chart.space);
	}
	c->pending_before = c->st.chart.space;
}

/* ---- tables ---- */

/* The narrowest the cell's text allows (see min_piece), or floor. */
static double cell_min(ctx *c, const doc_node *cell, const cellmode *cm, int whole, double floor)
{
	double best = floor;
	for (const doc_node *p = cell->first; p; p = p->next) {
		if (p->type != DOC_PARAGRAPH)
			continue;
		c->nruns = 0;
		collect_runs(c, p, cm->face, 0);
		segment(c, cm->size);
		best = min_piece(c, cm->size, whole, best);
	}
	return best;
}

static void add_tab(ctx *c)
{
	tabinfo *t = PUSH(c, c->tabs, c->ntabs, c->captabs);
	if (t)
		t->h0 = t->h1 = 0, t->norepeat = 0;
}

static void rect(ctx *c, layout_kind k, double x, double y, double w, double h, uint32_t rgb,
		 double lw, layout_role role, const doc_node *node)
{
	layout_box *b = newbox(c, k, role, node);
	if (b) {
		b->x = x, b->y = y, b->w = w, b->h = h, b->rgb = rgb, b->lw = lw;
	}
}

/* One table being laid out. */
typedef struct tab {
	const doc_node *t;
	int nc;
	double x0, avail;
	double *cw, *minw, *x;   /* column widths, their floors, left edges */
	struct cellpos {
		size_t s0, s1; /* each column's lines in cells */
		size_t at;     /* the first line the row's next piece may hold */
	} *cp;
	slabvec cells;           /* the current row's lines, cell after cell */
	int tid;                 /* table id + 1 (slab.table) */
	int nheader;             /* leading header rows so far */
	double hdr_h;            /* their height */
} tab;

/* The column widths: never narrower than a column's longest word when the
 * other columns have room to give; failing that, never narrower than its
 * longest piece between hyphenation points (when the cells' text may be
 * hyphenated); failing that, the weights. */
static void col_widths(ctx *c, tab *tb)
{
	const doc_node *t = tb->t;
	const doc_table_style *ts = &c->st.table;
	int nc = tb->nc;
	double *cw = tb->cw, *minw = tb->minw, sum = 0, pads = 2 * ts->pad + 0.5;
	for (int i = 0; i < nc; i++)
		sum += t->u.table.info->widths[i];
	int last = c->st.para[DOC_P_BODY].hyphenate ? 0 : 1;
	for (int whole = 1; whole >= last; whole--) {
		for (int i = 0; i < nc; i++) {
			cw[i] = tb->avail * t->u.table.info->widths[i] / sum;
			minw[i] = 0;
		}
		for (const doc_node *r = t->first; r; r = r->next) {
			int hdr = doc_row_is_header(r);
			cellmode cm = {1, ts->size, hdr ? FONT_BOLD : FONT_REGULAR, 0,
				       LAYOUT_TABLE_DATA_CELL, DOC_LEFT, 0};
			int ci = 0;
			for (const doc_node *cell = r->first; cell && ci < nc; cell = cell->next, ci++) {
				/* what the column holds already need not be measured */
				double held = minw[ci] > 0 ? minw[ci] - pads : 0;
				double m = cell_min(c, cell, &cm,
						    whole || doc_cell_is_label(c->d, cell, hdr), held);
				if (minw[ci] == 0 || m > held)
					minw[ci] = m + pads;
			}
		}
		if (doc_columns_fit(cw, minw, nc, whole == last) || whole == last)
			break;
	}
	tb->x[0] = tb->x0;
	for (int i = 1; i < nc; i++)
		tb->x[i] = tb->x[i - 1] + cw[i - 1];
}

/* The fill of a cell in row ri (body row k = ri - header rows): its own,
 * else in a header row the header fill, else on every second body row the
 * zebra shade when the style asks for it.  *rgb and *text_rgb get the
 * colours (text 0xFFFFFFFF: the paragraph's own); 0 when there is none. */
static int cell_fill(const ctx *c, const doc_node *cell, int hdr, int ri, uint32_t *rgb,
		     uint32_t *text_rgb)
{
	const doc_table_style *ts = &c->st.table;
	int f = doc_cell_fill(c->d, cell, hdr);
	if (f) {
		*rgb = c->d->fills[f].rgb, *text_rgb = c->d->fills[f].text_rgb;
		return 1;
	}
	int k = ri - cell->parent->parent->u.table.header_rows;
	*text_rgb = 0xFFFFFFFF;
	if (hdr) {
		*rgb = ts->header_rgb, *text_rgb = ts->header_text_rgb;
		return 1;
	}
	if (ts->zebra && k >= 0 && k % 2 == 1) {
		*rgb = ts->zebra_rgb;
		return 1;
	}
	return 0;
}

/* Lay out each cell of row r into tb->cells; returns the row's height. */
static double row_cells(ctx *c, tab *tb, const doc_node *r, int hdr, int ri)
{
	const doc_table_style *ts = &c->st.table;
	double rowh = 0;
	const doc_node *cell = r->first;
	tb->cells.n = 0;
	for (int ci = 0; ci < tb->nc; ci++) {
		tb->cp[ci].s0 = tb->cells.n;
		if (cell) {
			uint32_t rgb, text;
			cell_fill(c, cell, hdr, ri, &rgb, &text);
			cellmode cm = {1, ts->size, hdr ? FONT_BOLD : FONT_REGULAR, text,
				       hdr ? LAYOUT_TABLE_HEADER_CELL : LAYOUT_TABLE_DATA_CELL,
				       cell->u.cell.align, doc_cell_is_label(c->d, cell, hdr)};
			c->pending_before = 0;
			flow_blocks(c, cell, &tb->cells, tb->x[ci] + ts->pad, tb->cw[ci] - 2 * ts->pad,
				    &cm);
			c->pending_before = 0;
			c->pending_break = 0;
			slab *v = tb->cells.v;
			if (tb->cp[ci].s0 < tb->cells.n)
				v[tb->cp[ci].s0].before = 0;
			double y = 0;
			for (size_t i = tb->cp[ci].s0; i < tb->cells.n; i++) {
				if (i > tb->cp[ci].s0)
					y += v[i].before;
				v[i].top = y;
				y += v[i].h;
			}
			if (y > rowh)
				rowh = y;
			cell = cell->next;
		}
		tb->cp[ci].s1 = tb->cells.n;
	}
	return rowh;
}

/* Where a piece of a row starting at y0 ends: the row's end when it fits
 * in limit, else the lowest line bottom no line crosses.  Each column's
 * lines are looked at from the piece's first on, and a column's lines go
 * down one after the other, so only the last to start above a candidate
 * can cross it: scanning every line for every candidate and every piece
 * would be quadratic in a cell many pages long. */
static double piece_end(const tab *tb, double y0, double rowh, double limit)
{
	if (rowh - y0 <= limit)
		return rowh;
	double best = -1;
	const slab *v = tb->cells.v;
	for (int cc = 0; cc < tb->nc; cc++) {
		const struct cellpos *p = &tb->cp[cc];
		for (size_t i = p->at > p->s0 ? p->at - 1 : p->s0; i < p->s1; i++) {
			double cand = v[i].top + v[i].h;
			if (cand > y0 + limit)
				break;
			if (cand <= y0 || cand <= best)
				continue;
			int clean = 1;
			for (int col = 0; col < tb->nc && clean; col++) {
				size_t lo = tb->cp[col].s0, hi = tb->cp[col].s1;
				while (lo < hi) {
					size_t mid = lo + (hi - lo) / 2;
					if (v[mid].top < cand - 1e-6)
						lo = mid + 1;
					else
						hi = mid;
				}
				if (lo > tb->cp[col].s0 && v[lo - 1].top + v[lo - 1].h > cand + 1e-6)
					clean = 0;
			}
			if (clean)
				best = cand;
		}
	}
	return best > y0 ? best : y0 + limit;
}

/* The piece [y0, y1) of row r as one slab of the body: fills, the lines
 * that start in it, its rules.  Returns the slab's index, or -1. */
static long row_piece(ctx *c, tab *tb, const doc_node *r, int hdr, int ri, double y0, double y1,
		      int firstpiece)
{
	const doc_table_style *ts = &c->st.table;
	double vpad = !hdr && tb->t->u.table.info->dense ? ts->dense_pad : ts->pad;
	double ph = (y1 - y0) + 2 * vpad, minh = ts->size * ts->leading + 2 * vpad;
	if (firstpiece && ph < minh)
		ph = minh;
	slab *s = newslab(c, &c->body, ph);
	if (!s)
		return -1;
	size_t si = c->body.n - 1;
	layout_role role = hdr ? LAYOUT_TABLE_HEADER_CELL : LAYOUT_TABLE_DATA_CELL;
	/* fills first, so the painter's order puts text over them */
	const doc_node *cell = r->first;
	for (int ci = 0; ci < tb->nc && cell; ci++, cell = cell->next) {
		uint32_t rgb, text;
		if (cell_fill(c, cell, hdr, ri, &rgb, &text))
			rect(c, LAYOUT_FILL, tb->x[ci], 0, tb->cw[ci], ph, rgb, 0, role, cell);
	}
	for (int ci = 0; ci < tb->nc; ci++)
		for (size_t i = tb->cp[ci].at; i < tb->cp[ci].s1; i++) {
			const slab *ls = &tb->cells.v[i];
			if (ls->top >= y1 - 1e-6)
				break;
			tb->cp[ci].at = i + 1;
			if (ls->top < y0 - 1e-6)
				continue;
			for (size_t b = ls->b0; b < ls->b1; b++) {
				layout_box *nb = newbox(c, LAYOUT_TEXT, LAYOUT_TABLE_DATA_CELL, NULL);
				if (!nb)
					break;
				*nb = *BOX(c, b);
				nb->y += vpad + ls->top - y0;
			}
		}
	double lw = hdr ? ts->header_rule_w : ts->rule_w;
	if (lw > 0) {
		rect(c, LAYOUT_RULE, tb->x0, 0, tb->avail, 0, c->st.rule_rgb, lw, LAYOUT_ARTIFACT, NULL);
		rect(c, LAYOUT_RULE, tb->x0, ph, tb->avail, 0, c->st.rule_rgb, lw, LAYOUT_ARTIFACT,
		     NULL);
		for (int ci = 0; ts->grid && ci <= tb->nc; ci++)
			rect(c, LAYOUT_RULE, ci < tb->nc ? tb->x[ci] : tb->x0 + tb->avail, 0, 0, ph,
			     c->st.rule_rgb, lw, LAYOUT_ARTIFACT, NULL);
	}
	c->body.v[si].b1 = c->npool;
	return (long)si;
}

/* Row ri as one slab, or as several when it is taller than a page. */
static void flow_row(ctx *c, tab *tb, const doc_node *r, int ri, double maxh)
{
	int hdr = doc_row_is_header(r);
	int leading_hdr = hdr && ri == tb->nheader;
	if (leading_hdr)
		tb->nheader++;
	/* the cells' content: boxes [cb0, cb1) of the pool, which the row's
	 * pieces copy and move; dropped after the row */
	size_t cb0 = c->npool, sb0 = c->body.n;
	double rowh = row_cells(c, tb, r, hdr, ri);
	size_t cb1 = c->npool;
	/* room for the repeated header rows above a piece, when they repeat */
	tabinfo *ti = &c->tabs[tb->tid - 1];
	if (!leading_hdr && tb->hdr_h > maxh / 2)
		ti->norepeat = 1;
	double limit = maxh - (leading_hdr || ti->norepeat ? 0 : tb->hdr_h) -
		       2 * c->st.table.pad - 8;
	/* every piece moves down the row, however little the page leaves */
	if (limit < maxh / 4)
		limit = maxh / 4;
	double y0 = 0;
	int firstpiece = 1;
	for (int ci = 0; ci < tb->nc; ci++)
		tb->cp[ci].at = tb->cp[ci].s0;
	do {
		double y1 = piece_end(tb, y0, rowh, limit);
		long si = row_piece(c, tb, r, hdr, ri, y0, y1, firstpiece);
		if (si < 0)
			break;
		slab *s = &c->body.v[si];
		s->table = tb->tid;
		if (firstpiece && r->u.row.anchor && c->next_anchor < c->l->nanchors &&
		    c->l->anchors[c->next_anchor].node == r)
			s->anchor = ++c->next_anchor;
		s->is_header = leading_hdr;
		s->keep = leading_hdr;
		if (firstpiece && ri == 0)
			settle(c, &c->body, (size_t)si,
			       si > 0 && c->body.v[si - 1].keep ? 0 : c->st.table.before);
		if (leading_hdr) {
			if (ri == 0)
				c->tabs[tb->tid - 1].h0 = (size_t)si;
			c->tabs[tb->tid - 1].h1 = (size_t)si + 1;
			tb->hdr_h += c->body.v[si].h;
		}
		firstpiece = 0;
		y0 = y1;
	} while (y0 < rowh - 1e-6 && !c->failed);
	/* the cells' own boxes are copied into the pieces: without this
	 * every table's text was held twice, and pagination saw it as
	 * boxes no page took */
	size_t dead = cb1 - cb0;
	if (dead && !c->failed) {
		for (size_t k = cb1; k < c->npool; k++)
			*BOX(c, k - dead) = *BOX(c, k);
		c->npool -= dead;
		for (size_t k = sb0; k < c->body.n; k++)
			c->body.v[k].b0 -= dead, c->body.v[k].b1 -= dead;
	}
}

static void flow_table(ctx *c, const doc_node *t, double x0, double avail)
{
	tab tb = {t, t->u.table.ncols, x0, avail, NULL, NULL, NULL, NULL, {0}, 0, 0, 0};
	if (tb.nc < 1)
		return;
	tb.cw = xcalloc((size_t)tb.nc * 3, sizeof *tb.cw);
	tb.cp = xcalloc((size_t)tb.nc, sizeof *tb.cp);
	if (!tb.cw || !tb.cp) {
		c->failed = 1;
		goto done;
	}
	tb.minw = tb.cw + tb.nc, tb.x = tb.cw + 2 * (size_t)tb.nc;
	col_widths(c, &tb);
	tb.tid = (int)c->ntabs + 1;
	add_tab(c);
	if (c->failed)
		goto done;
	double maxh = c->st.page_h - c->st.margin_top - c->st.margin_bottom;
	int ri = 0;
	for (const doc_node *r = t->first; r && !c->failed; r = r->next, ri++)
		flow_row(c, &tb, r, ri, maxh);
	c->pending_before = c->st.table.after;
done:
	xfree(tb.cells.v);
	xfree(tb.cw);
	xfree(tb.cp);
}

/* ---- table of contents ---- */

static const double TOC_NUMW = 28;

/* The bytes of a heading's number and the space after it ("1.5 " of
 * "1.5 Flere kliniske studier"), or 0 when it has none.  A number's parts
 * have one or two digits: "2024 i tall" starts with a year, not a number. */
static size_t number_prefix(const char *t)
{
	size_t i = 0, digits = 0;
	for (; (t[i] >= '0' && t[i] <= '9') || (i > 0 && t[i] == '.' && digits > 0); i++) {
		digits = t[i] == '.' ? 0 : digits + 1;
		if (digits > 2)
			return 0;
	}
	return i > 0 && t[i] == ' ' && t[i + 1] ? i + 1 : 0;
}

static void flow_toc(ctx *c, double x0, double avail)
{
	const doc *d = c->d;
	const char *title = d->toc_title && *d->toc_title ? d->toc_title : "Innhold";
	tstyle t = heading_of(c, 1);
	pctx pc = {LAYOUT_TOC_TITLE, 1, DOC_P_BODY, NULL, DOC_LEFT};
	c->nruns = 0;
	add_run(c, title, strlen(title), t.face, t.rgb, NULL, 0);
	size_t first, cnt = emit_lines(c, &c->body, &t, &pc, x0, avail, &first);
	settle(c, &c->body, first, t.before);
	for (size_t i = first; i < first + cnt; i++)
		c->body.v[i].keep = 1;
	c->pending_before = t.after;
	double b = c->st.font_size;
	for (int h = 0; h < c->l->nheads && !c->failed; h++) {
		const layout_heading *hd = &c->l->heads[h];
		if (!hd->in_toc)
			continue;
		const doc_toc_style *ts = &c->st.toc;
		double ind = (hd->level - 1) * ts->indent;
		tstyle te = {b, ts->leading, hd->level == 1 ? FONT_BOLD : FONT_REGULAR, c->st.text_rgb,
			     hd->level == 1 ? ts->before_1 : ts->before, 0, 0};
		pctx pe = {LAYOUT_TOC_ENTRY, hd->level, DOC_P_BODY, hd->node, DOC_LEFT};
		/* a hanging indent: the number stands alone, the lines of the
		 * text start under the text ("1.5 Flere kliniske ... og den"
		 * / "    fylkeskommunale ...") */
		size_t nl = number_prefix(hd->title);
		double hang = nl ? font_width(face(c, te.face), hd->title, nl, b) : 0;
		if (nl) {
			c->label = arena_strndup(&c->l->arena, hd->title, nl - 1);
			c->label_right = x0 + ind, c->label_lead = 1;
		}
		c->nruns = 0;
		add_run(c, hd->title + nl, strlen(hd->title + nl), te.face, te.rgb, NULL, 0);
		cnt = emit_lines(c, &c->body, &te, &pe, x0 + ind + hang,
				 avail - ind - hang - TOC_NUMW - 12, &first);
		c->label = NULL, c->label_lead = 0;
		if (!cnt)
			continue;
		settle(c, &c->body, first, te.before);
		for (size_t i = first; i < first + cnt; i++) {
			slab *s = &c->body.v[i];
			if (i + 1 < first + cnt)
				s->keep = 1;
			if (i + 1 < first + cnt) /* links go after the line's boxes */
				continue;
			double end = x0 + ind;
			for (size_t k = s->b0; k < s->b1; k++)
				if (BOX(c, k)->kind == LAYOUT_TEXT && BOX(c, k)->x + BOX(c, k)->w > end)
					end = BOX(c, k)->x + BOX(c, k)->w;
			double base = s->b1 > s->b0 ? BOX(c, s->b0)->y : s->h * 0.75;
			layout_box *dots = newbox(c, LAYOUT_TEXT, LAYOUT_TOC_ENTRY, hd->node);
			layout_box *num = dots ? newbox(c, LAYOUT_TEXT, LAYOUT_TOC_ENTRY, hd->node) : NULL;
			if (!num)
				return;
			dots->x = end + 4, dots->y = base, dots->h = b, dots->size = b;
			dots->face = FONT_REGULAR, dots->rgb = c->st.muted_rgb, dots->fix = 1;
			dots->w = x0 + avail; /* right edge until fixed */
			dots->text = "", dots->level = hd->level;
			num->x = x0 + avail, num->y = base, num->h = b, num->size = b;
			num->face = (font_style)te.face, num->rgb = c->st.text_rgb, num->fix = 2;
			num->dest = h, num->text = "", num->level = hd->level;
			c->l->faces_used |= 1u << FONT_REGULAR | 1u << te.face;
			/* the whole entry is clickable */
			layout_box *lk = newbox(c, LAYOUT_LINK, LAYOUT_TOC_ENTRY, hd->node);
			if (!lk)
				return;
			s = &c->body.v[i];
			double top = -(double)(cnt - 1) * s->h;
			lk->x = x0 + ind, lk->y = top, lk->w = avail - ind, lk->h = s->h * (double)cnt;
			lk->dest = h;
			s->b1 = c->npool;
		}
	}
	c->pending_before = c->st.toc.after;
}

/* ---- pagination ---- */

static void place(ctx *c, const slab *s, int page, double y)
{
	for (size_t b = s->b0; b < s->b1; b++) {
		BOX(c, b)->page = page;
		BOX(c, b)->y += y;
	}
}

/* Is slab j placed on page, after a slab of the same page? */
static int on_page(const ctx *c, size_t j, int page)
{
	const slab *v = c->body.v;
	return v[j].b0 < v[j].b1 && BOX(c, v[j].b0)->page == page && !v[j].brk;
}

/* Where the page that slab i does not fit on should end so that its last
 * line ends in no hyphen: i, or the first of the lines right before it
 * that go over to the next page.  Those are hyphenated lines of one
 * paragraph, and when fewer than min_lines of it would stay, its first
 * lines and what is kept with them (a heading) too -- as long as
 * something stays on the page. */
static size_t last_unhyphenated(const ctx *c, size_t i, int page)
{
	const slab *v = c->body.v;
	int keep = c->st.min_lines > 1 ? c->st.min_lines : 1;
	size_t k = i;
	while (k > 0 && v[k - 1].hyph && on_page(c, k - 1, page)) {
		if (v[k - 1].line >= keep) {
			k--;
			continue;
		}
		size_t s = k - 1 - (size_t)v[k - 1].line;
		while (s > 0 && v[s - 1].keep && on_page(c, s - 1, page))
			s--;
		if (s == 0 || !on_page(c, s, page) || !on_page(c, s - 1, page))
			return i;
		return s;
	}
	return k;
}

static void paginate(ctx *c)
{
	const doc_style *st = &c->st;
	double top = st->margin_top, bottom = st->page_h - st->margin_bottom;
	double maxh = bottom - top;
	int page = 0, empty = 1;
	double y = top;
	slab *v = c->body.v;
	size_t n = c->body.n;
	for (size_t i = 0; i < n && !c->failed; i++) {
		if (v[i].brk && !empty)
			page++, y = top, empty = 1;
		double before = empty ? 0 : v[i].before;
		double need = before + v[i].h;
		if (v[i].keep) {
			/* keep chains: a heading with the next block's first lines,
			 * a paragraph's first two and last two lines, a table's
			 * caption and header with its first row */
			double hh = need, two = 0;
			for (size_t j = i + 1; j < n && !v[j].brk; j++) {
				hh += v[j].before + v[j].h;
				if (j == i + 1)
					two = hh;
				if (!v[j].keep || hh > maxh)
					break;
			}
			if (hh <= maxh)
				need = hh;
			else if (two > 0 && two <= maxh)
				need = two; /* a chain taller than a page: at least a pair */
		}
		if (!empty && y + need > bottom + 1e-6) {
			size_t k = last_unhyphenated(c, i, page);
			page++, y = top, empty = 1, before = 0;
			/* a page never ends in a hyphen: the lines from k on go
			 * over to the new one */
			for (size_t j = k; j < i; j++) {
				double at = y + (j > k ? v[j].before : 0);
				for (size_t b = v[j].b0; b < v[j].b1; b++) {
					BOX(c, b)->page = page;
					BOX(c, b)->y += at - v[j].top;
				}
				v[j].top = at;
				if (v[j].heading)
					c->l->heads[v[j].heading - 1].page = page;
				y = at + v[j].h, empty = 0;
			}
			if (!empty)
				before = v[i].before;
		}
		if (empty && v[i].table && !v[i].is_header && !c->tabs[v[i].table - 1].norepeat) {
			/* a table continues: repeat its header rows */
			tabinfo *t = &c->tabs[v[i].table - 1];
			for (size_t h = t->h0; h < t->h1 && !c->failed; h++) {
				/* copies of the rows as placed on the first page, moved */
				size_t b0 = c->npool;
				for (size_t b = v[h].b0; b < v[h].b1; b++) {
					layout_box *nb = newbox(c, LAYOUT_TEXT, LAYOUT_ARTIFACT, NULL);
					if (!nb)
						break;
					*nb = *BOX(c, b);
					nb->y -= v[h].top;
					nb->role = LAYOUT_ARTIFACT; /* a repeat, not new content */
				}
				slab tmp = v[h];
				tmp.b0 = b0, tmp.b1 = c->npool;
				place(c, &tmp, page, y);
				y += v[h].h;
			}
		}
		v[i].top = y + before;
		place(c, &v[i], page, y + before);
		if (v[i].heading) {
			layout_heading *hd = &c->l->heads[v[i].heading - 1];
			hd->page = page;
			hd->y = y + before;
		}
		if (v[i].anchor) {
			layout_anchor *an = &c->l->anchors[v[i].anchor - 1];
			an->page = page;
			an->y = y + before;
		}
		y += before + v[i].h;
		empty = 0;
	}
	c->l->npages = page + 1;
}

/* ---- page furniture and fix-ups ---- */

static void text_box(ctx *c, const char *s, double x, double base, double size, int f,
		     uint32_t rgb, int page, int right)
{
	if (!s || !*s)
		return;
	layout_box *b = newbox(c, LAYOUT_TEXT, LAYOUT_ARTIFACT, NULL);
	if (!b)
		return;
	b->len = strlen(s);
	b->text = arena_strndup(&c->l->arena, s, b->len);
	b->w = font_width(face(c, f), s, b->len, size);
	b->x = right ? x - b->w : x;
	b->y = base, b->h = size, b->size = size, b->face = (font_style)f, b->rgb = rgb;
	b->page = page;
	c->l->faces_used |= 1u << f;
}

/* The running header and the footer on every page; none on a cover,
 * and no header on a title page. */
static void furniture(ctx *c, int title_first)
{
	const doc *d = c->d;
	const doc_style *st = &c->st;
	double x0 = st->margin_left, x1 = st->page_w - st->margin_right;
	double bottom = st->page_h - st->margin_bottom;
	double fs = st->furniture_size;
	const char *pw = d->page_word && *d->page_word ? d->page_word : "Side";
	const char *ow = d->of_word && *d->of_word ? d->of_word : "av";
	for (int p = d->cover ? 1 : 0; p < c->l->npages && !c->failed; p++) {
		if (d->header_text && *d->header_text && !(p == 0 && title_first)) {
			/* the header's baseline 6 pt above its rule, the footer's
			 * 12 pt below its rule: room for the text's descent and
			 * ascent */
			double rule = st->margin_top - st->header_gap;
			text_box(c, d->header_text, x0, rule - 6, fs, FONT_REGULAR,
				 st->muted_rgb, p, 0);
			layout_box *r = newbox(c, LAYOUT_RULE, LAYOUT_ARTIFACT, NULL);
			if (r)
				r->x = x0, r->y = rule, r->w = x1 - x0, r->lw = st->furniture_rule_w,
				r->rgb = st->rule_rgb, r->page = p;
		}
		layout_box *r = newbox(c, LAYOUT_RULE, LAYOUT_ARTIFACT, NULL);
		if (r)
			r->x = x0, r->y = bottom + st->footer_gap, r->w = x1 - x0, r->lw = st->furniture_rule_w,
			r->rgb = st->rule_rgb,
			r->page = p;
		text_box(c, d->date_text, x0, bottom + st->footer_gap + 12, fs, FONT_REGULAR,
			 st->muted_rgb, p, 0);
		char buf[128];
		snprintf(buf, sizeof buf, "%s %d %s %d", pw, p + 1, ow, c->l->npages);
		text_box(c, buf, x1, bottom + st->footer_gap + 12, fs, FONT_REGULAR, st->muted_rgb, p, 1);
	}
}

/* The TOC's page numbers and dotted leaders, now that headings have pages.
 * The leaders of all entries end at one x (before the widest number) and
 * their dots sit on one grid, so they line up down the page. */
static void fixup(ctx *c)
{
	double numw = 0;
	for (size_t i = 1; i < c->npool; i++) {
		layout_box *num = BOX(c, i);
		if (num->fix != 2)
			continue;
		char buf[32];
		snprintf(buf, sizeof buf, "%d", c->l->heads[num->dest].page + 1);
		double w = font_width(face(c, FONT_BOLD), buf, strlen(buf), num->size);
		if (w > numw)
			numw = w;
	}
	for (size_t i = 1; i < c->npool && !c->failed; i++) {
		layout_box *num = BOX(c, i);
		if (num->fix != 2 || BOX(c, i - 1)->fix != 1)
			continue;
		layout_box *dots = BOX(c, i - 1);
		const layout_heading *hd = &c->l->heads[num->dest];
		char buf[32];
		snprintf(buf, sizeof buf, "%d", hd->page + 1);
		double right = num->x;
		num->len = strlen(buf);
		num->text = arena_strndup(&c->l->arena, buf, num->len);
		num->w = font_width(face(c, num->face), buf, num->len, num->size);
		num->x = right - num->w;
		double end = right - numw - 6;
		double dw = font_width(face(c, FONT_REGULAR), " .", 2, dots->size);
		/* whole dots from the grid's end back to the text */
		int k = dw > 0 ? (int)floor((end - dots->x) / dw) : 0;
		if (k < 0)
			k = 0;
		char *s = arena_alloc(&c->l->arena, (size_t)k * 2 + 1);
		if (!s) {
			c->failed = 1;
			return;
		}
		for (int j = 0; j < k; j++)
			s[2 * (size_t)j] = ' ', s[2 * (size_t)j + 1] = '.';
		dots->text = s, dots->len = (size_t)k * 2;
		dots->w = k * dw;
		dots->x = end - dots->w;
		num->fix = dots->fix = 0;
	}
}

/* ---- the whole ---- */

static void ctx_free(ctx *c)
{
	xfree(c->hw);
	arena_free(&c->hwa);
	drop_chunks(c, 0, c->nchunks);
	xfree(c->chunks);
	xfree(c->body.v);
	xfree(c->tabs);
	xfree(c->runs);
	xfree(c->segs);
	xfree(c->frags);
	xfree(c->lines);
}

/* Hand the pool's boxes to the layout grouped by page, each page's in pool
 * order, each page's run in one chunk.  The pool is nearly sorted already:
 * the flow's boxes come in page order, and only what pagination added
 * afterwards (repeated table headers, then each page's header and footer)
 * is out of place.  So that rest (a few percent of the boxes) is sorted
 * aside, and the pages are copied out in order: the sorted prefix from
 * where it is, the rest from aside.  A chunk of the pool is freed as soon
 * as the copying has passed it, and the next chunk copied into is that
 * memory again, so the boxes are held once, plus the rest and a chunk.
 * Boxes no page took (none today) are not shown. */
static int page_key(const layout_box *b, int npages)
{
	return b->page >= 0 && b->page < npages ? b->page : npages;
}

/* All n boxes in the pool's first chunk (a report of up to ~100 pages):
 * the rest (sorted aside, by page) merged in from the back, in place --
 * prefix boxes only move up, so none is overwritten before it is read,
 * and on equal pages the prefix's come first -- and the chunk handed to
 * the layout as its only one: a second chunk to copy into was a page
 * fault per 4 KB of boxes, 2 % of the sample's time. */
static int in_place(ctx *c, size_t a, const layout_box *rest)
{
	layout *l = c->l;
	int np = l->npages;
	size_t n = c->npool, i = a, j = n - a, w = n, cap = 0, capl = 0;
	layout_box *pool = c->chunks[0];
	while (j > 0) {
		if (i > 0 && page_key(&pool[i - 1], np) > page_key(&rest[j - 1], np))
			pool[--w] = pool[--i];
		else
			pool[--w] = rest[--j];
	}
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	if (grow(c, (void **)&l->chunks, &cap, 0, sizeof *l->chunks) ||
	    grow(c, (void **)&l->chunk_last, &capl, 0, sizeof *l->chunk_last))
		return -1;
	l->chunks[0] = pool;
	l->chunk_last[0] = np - 1;
	l->nchunks = 1;
	c->chunks[0] = NULL;
	for (size_t k = 0, at = 0; k < n && page_key(&pool[k], np) < np; k = at) {
		int p = pool[k].page;
		l->pages[p].boxes = pool + k;
		for (at = k; at < n && pool[at].page == p; at++)
			;
		l->pages[p].n = (int)(at - k);
	}
	l->nboxes = n;
	return 0;
}

static int group_pages(ctx *c)
{
	layout *l = c->l;
	size_t n = c->npool;
	int np = l->npages;
	l->pages = arena_array(&l->arena, (size_t)np + 1, sizeof *l->pages);
	if (!l->pages)
		return -1;
	size_t a = 0; /* the sorted prefix: [0, a) */
	while (a < n && page_key(BOX(c, a), np) < np &&
	       (a == 0 || BOX(c, a)->page >= BOX(c, a - 1)->page))
		a++;
	size_t r = n - a;
	/* count[p]: where page p's run of the rest ends, once it is placed */
	size_t *count = xcalloc((size_t)np + 2, sizeof *count);
	layout_box *rest = r ? xmalloc(r * sizeof *rest) : NULL;
	if (!count || (r && !rest)) {
		xfree(count);
		xfree(rest);
		return -1;
	}
	for (size_t i = a; i < n; i++)
		count[page_key(BOX(c, i), np) + 1]++;
	for (int p = 0; p <= np; p++)
		count[p + 1] += count[p];
	for (size_t i = a; i < n; i++)
		rest[count[page_key(BOX(c, i), np)]++] = *BOX(c, i);
	if (n <= POOL_CHUNK) {
		int st = in_place(c, a, rest);
		xfree(count);
		xfree(rest);
		return st;
	}
	/* the chunks wholly in the rest, and those never used, are done with */
	size_t tail = (a + POOL_CHUNK - 1) >> POOL_SHIFT;
	drop_chunks(c, tail, c->nchunks);
	size_t capout = 0, caplast = 0, room = 0, i = 0, done = 0;
	layout_box *w = NULL;
	int failed = 0;
	for (int p = 0; p < np && !failed; p++) {
		size_t rs = p ? count[p - 1] : 0, re = count[p], i0 = i;
		while (i < a && BOX(c, i)->page == p)
			i++;
		size_t need = (i - i0) + (re - rs);
		l->pages[p].n = (int)need;
		if (!need)
			continue;
		if (need > room || !w) {
			size_t sz = need > POOL_CHUNK ? need : POOL_CHUNK;
			w = xmalloc(sz * sizeof *w);
			/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
			if (!w || grow(c, (void **)&l->chunks, &capout, l->nchunks, sizeof *l->chunks) ||
			    grow(c, (void **)&l->chunk_last, &caplast, l->nchunks,
				 sizeof *l->chunk_last)) {
				xfree(w);
				failed = 1;
				break;
			}
			l->chunks[l->nchunks++] = w;
			room = sz;
		}
		l->pages[p].boxes = w;
		while (i0 < i) { /* the prefix's part, chunk by chunk */
			size_t m = POOL_CHUNK - (i0 & (POOL_CHUNK - 1));
			if (m > i - i0)
				m = i - i0;
			memcpy(w, BOX(c, i0), m * sizeof *w);
			w += m, i0 += m;
		}
		if (rest && re > rs)
			memcpy(w, rest + rs, (re - rs) * sizeof *w);
		w += re - rs;
		room -= need;
		l->chunk_last[l->nchunks - 1] = p;
		/* the chunks the copying has passed: the next one made is
		 * likely the last one freed */
		size_t passed = (i >> POOL_SHIFT) < tail ? i >> POOL_SHIFT : tail;
		drop_chunks(c, done, passed);
		done = passed;
	}
	xfree(count);
	xfree(rest);
	if (failed)
		return -1;
	l->nboxes = n;
	return 0;
}

/* ---- anchors by name ---- */

/* A report links every deviation to its measure's row, so the links and
 * the anchors both grow with the plan: a walk over the anchors for each
 * link would grow with its square. */
static int *anchor_slot(const layout *l, const char *name)
{
	size_t i = word_hash(name, strlen(name)) & (l->anchor_cap - 1);
	while (l->anchor_slots[i] >= 0 && strcmp(l->anchors[l->anchor_slots[i]].name, name) != 0)
		i = (i + 1) & (l->anchor_cap - 1);
	return &l->anchor_slots[i];
}

/* l->anchor_slots for l->anchors, at most half full; -1 when memory ran
 * out. */
static int index_anchors(layout *l)
{
	size_t cap = 16;
	while (cap < 2 * (size_t)l->nanchors)
		cap *= 2;
	l->anchor_slots = arena_array(&l->arena, cap, sizeof *l->anchor_slots);
	if (!l->anchor_slots)
		return -1;
	for (size_t i = 0; i < cap; i++)
		l->anchor_slots[i] = -1;
	l->anchor_cap = cap;
	for (int i = 0; i < l->nanchors; i++) {
		int *s = anchor_slot(l, l->anchors[i].name);
		if (*s < 0) /* a name said twice leads to its first row */
			*s = i;
	}
	return 0;
}

sr_status layout_run(const doc *d, const font_family *fam, const hyph *h, layout **out,
		     diag *dg)
{
	*out = NULL;
	layout *l = xcalloc(1, sizeof *l);
	ctx c = {0};
	if (!l)
		goto oom;
	arena_init(&l->arena);
	l->style = layout_style(d);
	c.d = d, c.l = l, c.fam = fam, c.hy = h, c.st = l->style;

	/* headings first: the TOC lists them before they are laid out */
	doc_iter it;
	const doc_node *n;
	doc_event ev;
	int nh = 0;
	int na = 0;
	doc_iter_init(&it, d->root);
	while ((ev = doc_iter_next(&it, &n)) != DOC_EV_DONE) {
		if (ev == DOC_EV_ENTER && n->type == DOC_HEADING)
			nh++;
		if (ev == DOC_EV_ENTER && n->type == DOC_ROW && n->u.row.anchor && *n->u.row.anchor)
			na++;
	}
	l->anchors = arena_array(&l->arena, (size_t)na + 1, sizeof *l->anchors);
	if (!l->anchors)
		goto oom;
	doc_iter_init(&it, d->root);
	while ((ev = doc_iter_next(&it, &n)) != DOC_EV_DONE)
		if (ev == DOC_EV_ENTER && n->type == DOC_ROW && n->u.row.anchor && *n->u.row.anchor)
			l->anchors[l->nanchors++] = (layout_anchor){n, n->u.row.anchor, -1, 0};
	if (index_anchors(l) != 0)
		goto oom;
	l->heads = arena_array(&l->arena, (size_t)nh + 1, sizeof *l->heads);
	if (!l->heads)
		goto oom;
	doc_iter_init(&it, d->root);
	while ((ev = doc_iter_next(&it, &n)) != DOC_EV_DONE)
		if (ev == DOC_EV_ENTER && n->type == DOC_HEADING) {
			layout_heading *hd = &l->heads[l->nheads++];
			hd->node = n, hd->level = n->u.heading.level, hd->in_toc = n->u.heading.in_toc;
			char *title = doc_flatten(&l->arena, n, DOC_WS_KEEP);
			hd->page = -1;
			if (!title)
				goto oom;
			drop_joiners(title);
			hd->title = title;
			doc_iter_skip_children(&it);
		}
	const doc_node *f0 = d->root->first;
	int title_first = f0 && doc_opens_title_block(f0);
	c.in_title = title_first;
	cellmode none = {0, 0, 0, 0, LAYOUT_PARAGRAPH, DOC_LEFT, 0};
	double x0 = c.st.margin_left, avail = doc_style_text_width(&c.st);
	if (c.st.logo_path && *c.st.logo_path) {
		/* the template's logo opens the title block, at the size the
		 * template gives (40 mm wide when it gives none), never wider than
		 * the text area; the painter fits the image into the box */
		double w = c.st.logo_w > 0 ? c.st.logo_w : 113.4;
		double lh = c.st.logo_h > 0 ? c.st.logo_h : 40;
		if (w > avail)
			lh *= avail / w, w = avail;
		if (lh > 0.25 * (c.st.page_h - c.st.margin_top - c.st.margin_bottom))
			lh = 0.25 * (c.st.page_h - c.st.margin_top - c.st.margin_bottom);
		slab *s = newslab(&c, &c.body, lh + c.st.logo_after);
		layout_box *b = s ? newbox(&c, LAYOUT_IMAGE, LAYOUT_FIGURE, NULL) : NULL;
		if (!b)
			goto oom;
		b->x = x0, b->y = 0, b->w = w, b->h = lh;
		b->text = c.st.logo_path, b->len = strlen(c.st.logo_path);
		c.body.v[c.body.n - 1].b1 = c.npool;
		c.body.v[c.body.n - 1].keep = 1;
	}
	if (d->cover && !newslab(&c, &c.body, c.st.cover_space))
		goto oom;
	flow_blocks(&c, d->root, &c.body, x0, avail, &none);
	if (c.failed)
		goto oom;
	paginate(&c);
	l->passes = 1;
	furniture(&c, title_first);
	fixup(&c);
	if (c.failed || arena_failed(&l->arena))
		goto oom;
	if (group_pages(&c) != 0)
		goto oom;
	ctx_free(&c);
	*out = l;
	return SR_OK;
oom:
	ctx_free(&c);
	layout_free(l);
	diag_add(dg, DIAG_ERROR, NULL, 0, 0, "out of memory laying out the PDF");
	return SR_SYSTEM;
}

const layout_anchor *layout_anchor_find(const layout *l, const char *href)
{
	if (!href || href[0] != '#')
		return NULL;
	if (!l->anchor_slots)
		return NULL;
	int i = *anchor_slot(l, href + 1);
	return i >= 0 && l->anchors[i].page >= 0 ? &l->anchors[i] : NULL;
}

int layout_next_page(layout *l)
{
	int p = l->npainted; /* the pages before p are passed */
	if (p > l->npages)
		return -1;
	if (p > 0)
		l->pages[p - 1].boxes = NULL, l->pages[p - 1].n = 0;
	while (l->nfreed < l->nchunks && l->chunk_last[l->nfreed] < p) {
		xfree(l->chunks[l->nfreed]);
		l->chunks[l->nfreed++] = NULL;
	}
	l->npainted = p + 1;
	return p < l->npages ? p : -1;
}

void layout_free(layout *l)
{
	if (!l)
		return;
	arena_free(&l->arena);
	for (size_t k = l->nfreed; k < l->nchunks; k++)
		xfree(l->chunks[k]);
	xfree(l->chunks);
	xfree(l->chunk_last);
	xfree(l);
}

static const char *const kind_names[] = {"TEXT", "RULE", "FILL", "LINK", "IMAGE"};
static const char *const role_names[] = {"artifact", "heading",  "para",   "label", "item",
					 "th",       "td",       "toctitle", "toc",   "figure"};

void layout_dump(const layout *l, FILE *out)
{
	fprintf(out, "pages %d passes %d\n", l->npages, l->passes);
	for (int p = 0; p < l->npages; p++) {
		for (int i = 0; i < l->pages[p].n; i++) {
			const layout_box *b = &l->pages[p].boxes[i];
			fprintf(out, "p%d %s %s%d x=%.1f y=%.1f w=%.1f h=%.1f", p + 1, kind_names[b->kind],
				role_names[b->role], b->level, b->x, b->y, b->w, b->h);
			if (b->kind == LAYOUT_TEXT)
				fprintf(out, " f%d %.1f '%.*s'", b->face, b->size, (int)b->len, b->text);
			if (b->kind == LAYOUT_LINK && b->href)
				fprintf(out, " -> %s", b->href);
			else if (b->kind == LAYOUT_LINK)
				fprintf(out, " -> heading %d", b->dest);
			fputc('\n', out);
		}
	}
}

int layout_break(const font_family *fam, const hyph *h, font_style f, double size, const char *s,
		 double width, arena *a, char ***lines)
{
	ctx c = {0};
	layout l = {0};
	c.fam = fam, c.hy = h, c.l = &l;
	int ret = -1;
	add_run(&c, s, strlen(s), f, 0, NULL, 0);
	segment(&c, size);
	break_lines(&c, width, size);
	if (c.failed)
		goto done;
	char **v = arena_array(a, c.nlines + 1, sizeof *v);
	if (!v)
		goto done;
	size_t start = 0;
	for (size_t li = 0; li < c.nlines; li++) {
		size_t end = c.lines[li], n = 0;
		for (size_t k = start; k < end; k++)
			n += c.frags[k].b - c.frags[k].a + (size_t)c.frags[k].hyphen;
		char *t = arena_alloc(a, n + 1);
		if (!t)
			goto done;
		n = 0;
		for (size_t k = start; k < end; k++) {
			const frag *fr = &c.frags[k];
			memcpy(t + n, c.segs[fr->seg].s + fr->a, fr->b - fr->a);
			if (c.segs[fr->seg].kind == SEG_SPACE)
				t[n] = ' ';
			n += fr->b - fr->a;
			if (fr->hyphen)
				t[n++] = '-';
		}
		t[n] = 0;
		v[li] = t;
		start = end;
	}
	*lines = v;
	ret = (int)c.nlines;
done:
	ctx_free(&c);
	return ret;
}
