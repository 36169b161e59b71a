/* style.h: the house style -- every typographic decision a report shows.
 *
 * One doc_style travels with each document tree (doc->style).  It is filled
 * once, by doc_style_fill(): the built-in defaults, then the values a
 * template sets.  The backends (the PDF layout and painter, the ODT, the
 * DOCX and their charts, the HTML's CSS, the forms' spreadsheets) only map
 * it to their format; none keeps a size, a spacing, a rule width or a
 * colour of its own, so no two formats can disagree.  `render --dump-style`
 * prints it.
 *
 * Lengths are points (1/72 inch), colours 0xRRGGBB, leadings a multiple of
 * the font size.  Knows nothing of plans: the status colours are indexed
 * like the model's status values, and the report builder checks that the
 * two counts match. */
#ifndef DOC_STYLE_H
#define DOC_STYLE_H

#include <stdint.h>
#include <stdio.h>

/* Paragraph roles.  Backends map each to one named style (ODT) or one set of
 * layout parameters (PDF). */
typedef enum doc_pstyle {
	DOC_P_BODY,     /* running text */
	DOC_P_TITLE,    /* the report title in the title block */
	DOC_P_SUBTITLE, /* the lines under the title */
	DOC_P_NOTE,     /* small, muted text: sources, fallbacks, "as of" lines */
	DOC_P_CAPTION,  /* a table's or figure's caption, above it */
	DOC_P_LEAD      /* a lead-in paragraph, slightly larger (e.g. målbilde) */
} doc_pstyle;

enum {
	DOC_P_COUNT = DOC_P_LEAD + 1,
	DOC_HEADINGS = 3,  /* heading levels with a style of their own; deeper use the last */
	DOC_BULLETS = 4,   /* bullet characters by list level, then again from the first */
	DOC_PALETTE = 8,   /* chart series colours, then again from the first */
	DOC_STATUSES = 11, /* status colours, indexed like the model's status values */
	/* where the second status set (achievement) begins: colours are
	 * judged against the others of their own set only, as a report shows
	 * one set */
	DOC_STATUS_SET2 = 7
};

/* A colour or a length a template leaves alone (doc_style_unset). */
#define DOC_UNSET_RGB 0xFFFFFFFFu

/* One paragraph role or heading level. */
typedef struct doc_role {
	double size;           /* font size */
	double leading;        /* line height / size */
	double before, after;  /* space above and below */
	int bold;
	uint32_t rgb;
	int hyphenate;         /* words may be hyphenated at the line's end */
	int keep_with_next;    /* never the last thing on a page */
} doc_role;

typedef struct doc_table_style {
	double size, leading;      /* cell text */
	double note_size;          /* a note paragraph in a cell */
	double para_gap;           /* between two paragraphs of one cell */
	double pad;                /* cell padding, every side */
	double dense_pad;          /* a dense table's body cells: above and below */
	double rule_w;             /* the rules of body rows */
	double header_rule_w;      /* the rules of header rows */
	int grid;                  /* 1: every cell boxed; 0: a rule above and below each row */
	uint32_t header_rgb, header_text_rgb; /* header rows' fill and text */
	int zebra;                 /* every second body row without a fill shaded */
	uint32_t zebra_rgb;
	double before, after;      /* space above and below a table */
} doc_table_style;

typedef struct doc_list_style {
	double indent;             /* per level */
	double label_gap;          /* from the label's right edge to the text */
	double item_before;        /* above each item */
	double after;              /* below a list at the top level */
	const char *bullet[DOC_BULLETS]; /* UTF-8, by level */
} doc_list_style;

typedef struct doc_toc_style {
	double indent;             /* per level below the first */
	/* An entry's lines after its first start this far right of its
	 * number, under its text, by level: the width of a typical number
	 * there and a space ("4 ", "1.5 ", "1.5.2 ").  The PDF measures each
	 * entry's own number instead; a format whose contents its reader
	 * writes (ODT, DOCX, HTML) takes these. */
	double hang[DOC_HEADINGS];
	double leading;
	double before_1, before;   /* above a level-1 entry, above the others */
	double after;              /* below the contents */
} doc_toc_style;

typedef struct doc_chart_style {
	uint32_t palette[DOC_PALETTE];   /* series: region, then each owner */
	uint32_t title_rgb, label_rgb, axis_rgb, grid_rgb;
	uint32_t track_rgb, base_rgb, target_rgb;
	uint32_t on_track_rgb, behind_rgb, unknown_rgb; /* the verdict's swatch */
	uint32_t no_status_rgb, no_status_text_rgb;     /* counts: measures without a status */
	double title_size, label_size, verdict_size;    /* the title, axes and legend, the verdict */
	double line_w, track_w, axis_w, grid_w;         /* series, expected path, axes, grid */
	double space;                                   /* above and below a chart */
} doc_chart_style;

typedef struct doc_style {
	double page_w, page_h;
	double margin_top, margin_bottom, margin_left, margin_right;
	const char *font_family;     /* e.g. "Liberation Sans" */
	double font_size;            /* body text, e.g. 10 */
	uint32_t text_rgb, heading_rgb, rule_rgb, muted_rgb, link_rgb;
	doc_role para[DOC_P_COUNT];  /* by doc_pstyle */
	int min_lines;               /* lines a paragraph keeps together at a page's
				      * foot and head (orphans, widows) */
	doc_role heading[DOC_HEADINGS];
	doc_table_style table;
	doc_list_style list;
	doc_toc_style toc;
	double furniture_size;       /* running header and footer */
	double furniture_rule_w;     /* their rules */
	double header_gap, footer_gap; /* from the text area to the header's, the footer's rule */
	double title_rule_w;         /* the rule under the title block, in the heading colour */
	double title_rule_above;     /* from the block's last line to the rule */
	double title_rule_below;     /* from the rule to what follows */
	uint32_t status_fill[DOC_STATUSES], status_text[DOC_STATUSES];
	/* A shape per status, UTF-8, shown beside its word and colour so that
	 * a status survives greyscale print and colour blindness; "" none. */
	const char *status_symbol[DOC_STATUSES];
	uint32_t on_track_fill, on_track_text, behind_fill, behind_text;
	doc_chart_style chart;
	int header_fill;             /* doc->fills index for table header rows; 0 none */
	const char *logo_path;       /* PNG or JPEG for the title block, or NULL */
	double logo_w, logo_h;       /* its size on the page, points */
	double logo_after;           /* the space below it */
	double cover_space;          /* a cover page: from the top of its text
				      * area, or the logo, down to its first line */
	int pdfa;                    /* PDF: write tagged PDF/A-2a */
} doc_style;

/* Mark every value of *s as not set (NAN lengths, DOC_UNSET_RGB colours,
 * -1 switches, NULL strings): what a template starts from. */
void doc_style_unset(doc_style *s);

/* The house style: the built-in defaults, then every value `over` sets
 * (over may be NULL).  The defaults of the roles' sizes and spacings are
 * multiples of the body size, so a template that only sets the body size
 * scales them all.  The only function that decides a style value. */
void doc_style_fill(doc_style *s, const doc_style *over);

/* The width of the text area: the page less its side margins (a template
 * keeps them under 60 % of the page, so this is never small). */
double doc_style_text_width(const doc_style *s);

/* The style of heading level (1 = largest; deeper levels use the last). */
const doc_role *doc_style_heading(const doc_style *s, int level);

/* The bullet of list level (1 = outermost). */
const char *doc_style_bullet(const doc_style *s, int level);

/* Print every value as "key value" lines, for tests and curious template
 * authors (render --dump-style). */
void doc_style_dump(const doc_style *s, FILE *out);

#endif
