/* ods.h: a small writer for OpenDocument spreadsheets (ODF 1.3, strict),
 * used by the status forms (form.c) and the collection overview
 * (collect.c).  Knows nothing of plans: it writes sheets of cells in a
 * fixed set of cell styles, content validations, frozen header rows and an
 * A4 landscape print layout that scales each sheet to the page width.
 *
 * Use: ods_open with a spec (everything that must precede the cells in the
 * file: column widths, validations, frozen rows, document properties), then
 * tables, rows and cells in order, then ods_finish for the whole package.
 * Errors are sticky (xmlw): check once, at ods_finish. */
#ifndef ODS_H
#define ODS_H

#include <stddef.h>
#include <time.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/sr.h"
#include "xml/xmlw.h"

/* The cell styles.  Every style but ODS_INPUT* is protected, so in a
 * protected sheet only the input cells can be changed. */
typedef enum ods_style {
	ODS_TEXT,      /* plain wrapped text */
	ODS_TITLE,     /* large bold heading */
	ODS_BOLD,      /* bold text (a heading inside a sheet) */
	ODS_KEY,       /* small grey text: identification cells */
	ODS_HEAD,      /* column header: bold, shaded, bordered, wrapped */
	ODS_RO,        /* read-only data: shaded grey, bordered, wrapped */
	ODS_RO_NUM,    /* read-only number, right-aligned */
	ODS_INPUT,     /* a cell to fill in: white, bordered, unprotected */
	ODS_INPUT_NUM, /* a number to fill in, centred */
	ODS_NSTYLES
} ods_style;

typedef struct ods_validation {
	const char *name;       /* an NCName, referenced by ods_cell_input */
	const char *condition;  /* "of:cell-content-is-in-list(...)" ... */
	int list;               /* show a drop-down list of the allowed values */
	const char *base_cell;  /* "Status.F4": the first cell it applies to */
	const char *error_title, *error_text; /* shown when the value is refused */
} ods_validation;

typedef struct ods_freeze {
	const char *table;  /* sheet name */
	int rows;           /* rows frozen at the top */
	int cursor_col, cursor_row; /* where the cursor starts (0-based) */
} ods_freeze;

typedef struct ods_spec {
	const char *language, *country; /* "nb", "NO" */
	time_t created;                 /* meta dates and zip times */
	const char *title;              /* dc:title */
	const char *const *user_names;  /* meta:user-defined fields */
	const char *const *user_values;
	size_t nuser;
	const int *widths_mm;           /* every column width used, in mm */
	size_t nwidths;
	const ods_validation *validations;
	size_t nvalidations;
	const ods_freeze *freezes;
	size_t nfreezes;
	const char *footer;             /* text before the page number, or NULL */
} ods_spec;

typedef struct ods {
	const ods_spec *spec;
	buf content;
	xmlw x;
	int in_header_rows;
} ods;

/* Start content.xml.  Returns 0, or -1 when out of memory (then call
 * ods_finish anyway, which reports it and frees). */
int ods_open(ods *o, const ods_spec *spec);

/* A sheet with columns of the given widths (each must be in
 * spec->widths_mm).  protect: the sheet is protected without a password,
 * so only unprotected (input) cells can be edited. */
void ods_table_start(ods *o, const char *name, int protect, const int *widths_mm, size_t ncols);
void ods_table_end(ods *o);
/* Rows between these two repeat at the top of every printed page. */
void ods_header_rows_start(ods *o);
void ods_header_rows_end(ods *o);
void ods_row_start(ods *o);
void ods_row_end(ods *o);

/* A text cell; "\n" starts a new paragraph.  NULL or "" is an empty cell in
 * that style. */
void ods_cell(ods *o, ods_style st, const char *text);
/* A text cell spanning ncols columns (covered cells follow). */
void ods_cell_span(ods *o, ods_style st, const char *text, int ncols);
/* A number cell: value as written in ODF ("12.5"), shown as shown. */
void ods_cell_number(ods *o, ods_style st, const char *value, const char *shown);
/* An empty input cell checked by the named validation (NULL: none). */
void ods_cell_input(ods *o, ods_style st, const char *validation);

/* Close content.xml, write styles, meta, settings and manifest, and zip
 * the package into out (appended).  Frees o's buffers in every case.
 * SR_SYSTEM with a message in d on failure. */
sr_status ods_finish(ods *o, buf *out, diag *d);

#endif
