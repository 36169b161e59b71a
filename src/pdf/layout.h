/* layout.h: the document tree laid out as pages of positioned boxes.
 *
 * layout decides where everything goes; pdf.c only paints what it is given.
 * Each box keeps the tree node it came from and a role (heading, paragraph,
 * list label, table header cell, ...), which a later tagging pass (PDF/A-2a
 * marked content) maps to structure elements.
 *
 * Passes: the tree is flowed once into "slabs" (a line, a table row, a TOC
 * entry: things never split), the slabs are paginated once (keeps, widows,
 * orphans, repeated table headers), and a final fix-up fills in what needed
 * the page count: "Side N av M" and the TOC's page numbers.  The TOC's own
 * length cannot depend on its numbers (they sit in a fixed column), so one
 * flow is enough; layout->passes records the count so tests can bound it.
 *
 * Coordinates are points from the page's top-left corner (y grows down). */
#ifndef LAYOUT_H
#define LAYOUT_H

#include <stdint.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/diag.h"
#include "doc/doc.h"
#include "fonts.h"
#include "hyph.h"
#include "base/sr.h"

typedef enum layout_kind {
	LAYOUT_TEXT,  /* a run of text in one face, size and colour */
	LAYOUT_RULE,  /* a line from (x,y) to (x+w,y+h), width lw */
	LAYOUT_FILL,  /* a filled rectangle, top-left (x,y), size w x h */
	LAYOUT_LINK,  /* a clickable area: href (URI) or dest (heading index) */
	LAYOUT_IMAGE  /* reserved for the logo and charts */
} layout_kind;

typedef enum layout_role {
	LAYOUT_ARTIFACT,   /* page decoration: running header, footer, rules */
	LAYOUT_HEADING,    /* level in box.level */
	LAYOUT_PARAGRAPH,  /* paragraph style in box.pstyle */
	LAYOUT_LIST_LABEL, /* a bullet or number */
	LAYOUT_LIST_BODY,  /* text of a list item */
	LAYOUT_TABLE_HEADER_CELL,
	LAYOUT_TABLE_DATA_CELL,
	LAYOUT_TOC_TITLE,
	LAYOUT_TOC_ENTRY,
	LAYOUT_FIGURE
} layout_role;

typedef struct layout_box {
	/* 72 bytes, not 136: a 50,000-measure report holds millions of these
	 * until they are painted, so the small fields are bit-fields and
	 * what only one kind of box needs shares its place. */
	const doc_node *node;  /* the block (or cell) this box comes from */
	const char *text;      /* TEXT: UTF-8, len bytes (layout's arena) */
	const char *href;      /* LINK to a URI; TEXT: the text of such a link */
	/* single precision: a page is under 2,000 pt, so a float is within
	 * 0.0001 pt, ten times finer than the thousandths the painter writes */
	float x, y, w, h;      /* TEXT: y is the baseline, h the font size */
	union {
		float size;    /* TEXT: the font size */
		float lw;      /* RULE: the line width */
	};
	uint32_t rgb;
	uint32_t len;
	int page;              /* 0-based */
	int dest;              /* LINK to heading index; -1 none */
	layout_kind kind : 8;
	layout_role role : 8;
	doc_pstyle pstyle : 8; /* for LAYOUT_PARAGRAPH */
	font_style face : 8;
	int level : 16;        /* heading level; list depth (1-based) */
	unsigned fix : 2;      /* internal: filled in after pagination */
	unsigned hyphen : 1;   /* TEXT: ends in a hyphen the line breaker added
				* (tagged PDF gives the unbroken words, issue 9) */
} layout_box;

typedef struct layout_page {
	layout_box *boxes;
	int n;
} layout_page;

typedef struct layout_heading {
	const doc_node *node;
	int level, in_toc;
	const char *title;     /* plain text, UTF-8 */
	int page;              /* 0-based; -1 until placed */
	double y;              /* top of the heading on its page */
} layout_heading;

/* A place a link inside the document leads to ("#tiltak-1.2"): a table
 * row with an anchor (doc.h), where its first piece was placed. */
typedef struct layout_anchor {
	const doc_node *node;  /* the ROW */
	const char *name;      /* its anchor, the tree's */
	int page;              /* 0-based; -1 until placed */
	double y;              /* top of the row on its page */
} layout_anchor;

typedef struct layout {
	arena arena;           /* owns pages, boxes, strings */
	doc_style style;       /* the doc's style with defaults filled in */
	layout_page *pages;    /* each page's boxes: a run of boxes */
	int npages;
	size_t nboxes;         /* boxes laid out; more than the pages hold
				* only if some box was on no page (a bug) */
	/* internal, for layout.c (and its tests): where the boxes live, and
	 * how far layout_next_page has gone */
	layout_box **chunks;   /* the pages' runs, page by page, a run never
				* across two chunks (owned) */
	int *chunk_last;       /* the last page with boxes in each chunk */
	size_t nchunks;
	size_t nfreed;         /* chunks [0, nfreed) are given back */
	int npainted;          /* pages layout_next_page has passed */
	layout_heading *heads;
	int nheads;
	layout_anchor *anchors; /* in document order */
	int nanchors;
	int *anchor_slots;     /* anchors by name: a hash table of indexes
				* into anchors, -1 free, each name's first */
	size_t anchor_cap;     /* its size, a power of two */
	int passes;            /* flow + pagination passes made (see top) */
	unsigned faces_used;   /* bit per font_style */
} layout;

/* The document's house style (doc.h, style.h), which the layout and the
 * painter map; it keeps no typographic value of its own. */
doc_style layout_style(const doc *d);

/* Lay out d with the faces of fam, hyphenating with h (may be NULL).  Caller
 * owns *out: layout_free().  SR_SYSTEM when memory runs out. */
sr_status layout_run(const doc *d, const font_family *fam, const hyph *h, layout **out,
		     diag *dg);
void layout_free(layout *l);

/* The pages in order, for painting: the index of the next page (0 on the
 * first call), -1 after the last.  A page passed is not read again: its
 * boxes are given up (the page is left empty) and their memory freed for
 * the painter's growing output to reuse, so a long report's boxes and its
 * painted pages are not alive at once.  The page count and the headings
 * stay. */
int layout_next_page(layout *l);

/* The placed anchor a link "#name" leads to, or NULL (none such, or not
 * placed). */
const layout_anchor *layout_anchor_find(const layout *l, const char *href);

/* One line per box ("p3 TEXT H1 x=.. y=.. 'text'"): for tests and debugging. */
void layout_dump(const layout *l, FILE *out);

/* Break the UTF-8 text s (one face, size) into lines no wider than width, as
 * a paragraph would be.  Lines (NUL-terminated, an added hyphen included)
 * are allocated in a and returned through *lines; returns their count, -1
 * when memory runs out.  For unit tests of the line breaker. */
int layout_break(const font_family *fam, const hyph *h, font_style face, double size,
		 const char *s, double width, arena *a, char ***lines);

#endif
