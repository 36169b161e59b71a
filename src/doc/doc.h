/* doc.h: the format-neutral document tree.
 *
 * The report builder makes one of these from the model; the backends (PDF
 * layout, ODT) only walk it.  Nothing here knows what a plan or a measure
 * is: the tree speaks of headings, paragraphs, lists, tables and cells.
 *
 * Ownership: a doc owns an arena; every node, string and array of the tree
 * is allocated from it and freed by doc_free().  Builders may pass NULL
 * anywhere a node is expected: after an allocation failure the functions
 * below do nothing, and doc_failed() tells the caller at the end.
 *
 * Shape rules (checked by doc_check(), relied on by every backend):
 *   DOCUMENT   > block*
 *   block      = HEADING | PARAGRAPH | LIST | TABLE | TOC | PAGE_BREAK | CHART
 *   HEADING, PARAGRAPH, CELL-paragraphs > inline*
 *   LIST       > ITEM+          ITEM > (PARAGRAPH | LIST)+
 *   TABLE      > ROW+           ROW  > CELL{ncols}    CELL > (PARAGRAPH | LIST)*
 *   inline     = TEXT | EMPH > inline* | STRONG > inline* | LINK > inline* | BREAK
 * A CHART's chart may stand abreast with the CHARTs beside it (chart.h:
 * abreast, at most CHART_MAX_ABREAST); a run of them is laid out as rows
 * of small multiples by every format.
 * FRAGMENT is a container for rich text kept in the model (block* or
 * inline*); it never appears inside a finished document.
 * A document with a cover (doc->cover) has a top-level PAGE_BREAK: the
 * blocks before the first one are the cover page. */
#ifndef DOC_H
#define DOC_H

#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "base/arena.h"
#include "base/sr.h"
#include "style.h"

typedef enum doc_type {
	DOC_DOCUMENT,
	DOC_FRAGMENT,
	/* blocks */
	DOC_HEADING,
	DOC_PARAGRAPH,
	DOC_LIST,
	DOC_ITEM,
	DOC_TABLE,
	DOC_ROW,
	DOC_CELL,
	DOC_TOC,        /* leaf: "the table of contents goes here" */
	DOC_PAGE_BREAK, /* leaf */
	DOC_CHART,      /* leaf: a chart, described by node->chart */
	/* inlines */
	DOC_TEXT,       /* leaf */
	DOC_EMPH,
	DOC_STRONG,
	DOC_LINK,
	DOC_BREAK       /* leaf: a forced line break */
} doc_type;

typedef enum doc_align { DOC_LEFT, DOC_RIGHT, DOC_CENTER } doc_align;

/* U+2060 WORD JOINER in UTF-8: a text may hold it where a line must not
 * break ("2023–" WJ "2026").  It has no width and no glyph: a format that
 * sets its own lines (the PDF) honours it and never paints it; the others
 * pass it on to their readers, which honour it. */
#define DOC_WORD_JOINER "\xE2\x81\xA0"

/* A named fill for table cells (a status colour, the header shade).
 * Index 0 of doc->fills is "no fill". */
typedef struct doc_fill {
	const char *name;  /* style key, ASCII [a-z0-9-]: "status-delayed" */
	const char *label; /* human name of the style: "Forsinket" */
	uint32_t rgb;      /* background, 0xRRGGBB */
	uint32_t text_rgb; /* text on that background */
} doc_fill;

enum { DOC_MAX_FILLS = 32 };

typedef struct doc_chart doc_chart; /* charts: see chart.h (issue 6) */

/* A table's column weights and caption, apart from its node: a long
 * report has millions of nodes and only hundreds of tables, and with them
 * inside, every node was 96 bytes instead of 80. */
typedef struct doc_table_info {
	const char *caption;  /* for accessibility; may be NULL */
	int dense;            /* an overview of one-line rows: body cells padded
			       * table.dense-pad above and below (doc_table_dense) */
	double widths[];      /* ncols relative weights, each > 0 */
} doc_table_info;

typedef struct doc_node doc_node;
struct doc_node {
	doc_type type;
	doc_node *parent, *first, *last, *next, *prev;
	srcpos pos;          /* where in the input this content came from */
	union {
		struct { const char *anchor; int level; int in_toc; } heading;
		struct { doc_pstyle style; doc_align align; int keep_with_next; } para;
		struct { int ordered; int start; } list;
		struct {
			const doc_table_info *info; /* column weights, caption */
			int ncols;
			int header_rows;      /* leading ROWs repeated on each page */
		} table;
		struct { int header; const char *anchor; } row; /* anchor: a link target, or NULL */
		/* fill: doc->fills index; alt: what the cell says in words when
		 * it shows a symbol (a status's shape), for a reader that does
		 * not see it, or NULL */
		struct { int fill; doc_align align; const char *alt; } cell;
		struct { const char *text; size_t len; } text;
		struct { const char *href; } link;
		struct { const doc_chart *chart; const char *alt; } chart;
	} u;
};

typedef struct doc {
	arena arena;
	doc_node *root;              /* DOC_DOCUMENT */
	doc_style style;             /* the house style (style.h) */
	doc_fill fills[DOC_MAX_FILLS];
	int nfills;                  /* including index 0 */
	/* metadata */
	const char *title, *subtitle, *author, *subject, *keywords;
	const char *lang;            /* BCP 47: "nb-NO", "nn-NO", "en" */
	const char *date_text;       /* the report date as printed: "23. november 2026" */
	time_t created;              /* from SOURCE_DATE_EPOCH when set */
	const char *header_text;     /* running header */
	/* The top-level blocks before the first PAGE_BREAK are a cover: a
	 * page of its own with no running header and no footer.  It counts
	 * as page 1, as a word processor counts its first page. */
	int cover;
	/* words the backends print around numbers they compute themselves */
	const char *toc_title;       /* "Innhold" */
	const char *page_word;       /* "Side" : "Side 3 av 12" */
	const char *of_word;         /* "av" */
	const char *skip_text;       /* "Gå til innholdet": the web page's skip link */
} doc;

/* A new empty document with root DOCUMENT, fill 0 and the built-in house
 * style (doc_style_fill); NULL if out of memory.
 * Caller owns it: doc_free(). */
doc *doc_new(void);
void doc_free(doc *d);
static inline int doc_failed(const doc *d) { return arena_failed(&d->arena); }

/* Nodes.  All return NULL after a failure; all accept NULL arguments. */
doc_node *doc_node_new(doc *d, doc_type type, srcpos pos);
doc_node *doc_append(doc_node *parent, doc_node *child); /* returns child */
doc_node *doc_prepend(doc_node *parent, doc_node *child); /* as first child; returns child */
/* A TEXT node holding a copy of s[0..len) (UTF-8). */
doc_node *doc_text(doc *d, const char *s, size_t len, srcpos pos);
/* A TEXT node showing s[0..len) itself, not a copy: s must outlive d.
 * For the strings that do: the plan's (every node's position already
 * points into the plan), the labels', and d's own.  A long report shows
 * the same status word in a million cells. */
doc_node *doc_text_ref(doc *d, const char *s, size_t len, srcpos pos);
doc_node *doc_textf(doc *d, srcpos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Append a TEXT child to parent; returns parent. */
doc_node *doc_add_text(doc *d, doc_node *parent, const char *s);
doc_node *doc_heading(doc *d, int level, const char *anchor, srcpos pos);
doc_node *doc_para(doc *d, doc_pstyle style, srcpos pos);
/* A paragraph of one text run. */
doc_node *doc_para_text(doc *d, doc_pstyle style, const char *s, srcpos pos);
/* A table with ncols columns; widths (copied) may be NULL for equal widths. */
doc_node *doc_table(doc *d, int ncols, const double *widths, int header_rows,
		    const char *caption, srcpos pos);
/* Make table t dense (doc_table_info.dense); t may be NULL. */
void doc_table_dense(doc_node *t);
doc_node *doc_row(doc *d, int header);
doc_node *doc_cell(doc *d, int fill, doc_align align);
/* Register a fill; returns its index, or 0 when the table is full. */
int doc_add_fill(doc *d, const char *name, const char *label, uint32_t rgb,
		 uint32_t text_rgb);

/* Deep copy of src's nodes (from any doc) into d; a FRAGMENT's children
 * are copied under a new FRAGMENT.  Strings (texts, links, anchors,
 * captions, column weights) are src's, not copied: src must outlive d, as
 * the plan's rich text does every report made from it (see doc_text_ref). */
doc_node *doc_clone(doc *d, const doc_node *src);
/* Append copies of the children of src to parent, as doc_clone. */
void doc_append_children_of(doc *d, doc_node *parent, const doc_node *src);

static inline int doc_is_inline(doc_type t) { return t >= DOC_TEXT; }
static inline int doc_is_leaf(doc_type t)
{
	return t == DOC_TEXT || t == DOC_BREAK || t == DOC_TOC ||
	       t == DOC_PAGE_BREAK || t == DOC_CHART;
}

/* How doc_flatten treats white space and the edges between blocks.  Texts
 * keep their own white space except with DOC_WS_COLLAPSE. */
typedef enum doc_ws {
	DOC_WS_KEEP,     /* a line break is a space; blocks run together */
	DOC_WS_SPACE,    /* a line break or a block edge is one space */
	DOC_WS_LINES,    /* a line break is a space, a block starts a line; no
			    white space at the end */
	DOC_WS_COLLAPSE, /* every run of white space one space, none at the
			    ends; blocks run together (as LibreOffice makes a
			    heading's contents entry) */
} doc_ws;

/* The plain text of node n and all below it, in arena a; NULL when n is
 * NULL or memory runs out. */
char *doc_flatten(arena *a, const doc_node *n, doc_ws ws);
/* The same appended to out (out->failed when memory runs out); buf.h
 * is not included here: layout.c names its locals buf. */
struct buf;
void doc_flatten_put(struct buf *out, const doc_node *n, doc_ws ws);
/* doc_flatten(&d->arena, n, DOC_WS_SPACE): for alt text, captions and cells. */
char *doc_plain_text(doc *d, const doc_node *n);

/* Walking: cmark's event iterator.  Containers give ENTER then EXIT; leaves
 * give ENTER only.  Never recursive, so input depth cannot exhaust the stack. */
typedef enum doc_event { DOC_EV_DONE, DOC_EV_ENTER, DOC_EV_EXIT } doc_event;
typedef struct doc_iter {
	const doc_node *root, *cur;
	doc_event ev;
	int skip;
} doc_iter;
void doc_iter_init(doc_iter *it, const doc_node *root);
doc_event doc_iter_next(doc_iter *it, const doc_node **node);
/* After ENTER on a container: skip its children (next event is its EXIT). */
void doc_iter_skip_children(doc_iter *it);

/* Check the shape rules above; 0 when they hold, else -1 with a reason in
 * *why (static string).  Tests and debug builds call it. */
int doc_check(const doc *d, const char **why);

/* Print the tree as indented text (render --dump-tree). */
void doc_dump(const doc *d, FILE *out);

/* ---- the questions every backend asks (docquery.c) ------------------------ */

/* Is f a fill of d's table (0, "no fill", is not)? */
int doc_fill_valid(const doc *d, int f);
/* Is ROW r a header row: marked so, or among its table's first
 * header_rows rows?  Counts at most header_rows siblings. */
int doc_row_is_header(const doc_node *r);
/* The fill CELL cell shows: its own, else the house style's header fill
 * when header (the caller says whether the cell heads its column); 0 for
 * none. */
int doc_cell_fill(const doc *d, const doc_node *cell, int header);
/* Is CELL cell a label: a header cell (header, as doc_cell_fill) or one
 * with a fill of its own?  A label is read at a glance and is never
 * hyphenated; the zebra shade is no fill. */
int doc_cell_is_label(const doc *d, const doc_node *cell, int header);
/* Does a PAGE_BREAK stand right before top-level block n? */
int doc_breaks_before(const doc_node *n);
/* Does the block after PAGE_BREAK n carry the break itself (a heading, a
 * paragraph or a table starts the new page)?  When not, a format that
 * breaks on blocks writes an empty one for it. */
int doc_break_is_carried(const doc_node *n);
/* The house style has this many heading styles; deeper headings use the
 * last. */
enum { DOC_HEADING_RANKS = 3 };
/* Heading h's style rank, 1..DOC_HEADING_RANKS. */
int doc_heading_rank(const doc_node *h);
/* Is block n the last thing in a top-level list (so the list ends after
 * it)? */
int doc_ends_list(const doc_node *n);
/* The anchor of the row whose first cell paragraph p opens, or NULL: a
 * link "#anchor" leads there, so a format with bookmarks sets one on p. */
const char *doc_row_anchor_at(const doc_node *p);
/* Does the leading title block (the title and subtitle paragraphs opening
 * the document, the first a title or a cover's document type line above
 * the title) end with n, before some other block?  The house's title rule
 * goes there. */
int doc_ends_title_block(const doc_node *n);
/* Is n the first paragraph of that leading title block? */
int doc_opens_title_block(const doc_node *n);
/* Where a PARAGRAPH stands, as far as its style depends on it. */
typedef struct doc_place {
	int in_cell;     /* in a table CELL */
	int header;      /* that cell heads its column (doc_row_is_header) */
	int fill;        /* the fill that cell shows (doc_cell_fill); 0: none */
	int label;       /* that cell is a label, not running text: it heads
			    its column or shows a fill (a status); no format
			    hyphenates a label */
	int in_item;     /* in a list ITEM, and not in a cell */
	doc_align align; /* the paragraph's own alignment, else its cell's */
} doc_place;
doc_place doc_place_of(const doc *d, const doc_node *para);
/* Column c's share (0..1) of TABLE t's width: its weight over all;
 * weights that are not positive count as 0, and all columns share alike
 * when none is. */
double doc_column_share(const doc_node *t, int c);
/* Widen each of the nc columns cw narrower than its minimum minw to it,
 * taking the room from the others in proportion to what each has over
 * its own.  When the others have too little: with partial, the narrow
 * columns share what there is; without, nothing changes.  Returns 1 when
 * every column now has its minimum. */
int doc_columns_fit(double *cw, const double *minw, int nc, int partial);
/* The widths in points of TABLE t's columns over width w, for the formats
 * that leave the layout to their reader: the weights, but a column never
 * narrower than its longest word (estimated from Liberation Sans' widths,
 * bold in header rows) plus its padding when the others have room to
 * give, as the PDF's layout makes them.  Into cw[ncols]; minw[ncols] is
 * scratch. */
void doc_column_widths(const doc *d, const doc_node *t, double w, double *cw, double *minw);

#endif
