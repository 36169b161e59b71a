/* form.h: the status forms an owner fills in -- an OpenDocument
 * spreadsheet (the default: Norwegian public bodies publish fill-in forms
 * as ODF) or a pre-filled <status-report> file for those who prefer an
 * editor.  Reads a validated plan; writes nothing but bufs (and files via
 * outfile in form_write_all).
 *
 * The form's layout is a contract with import.c: on the sheet "Status",
 * row 1 is the title, row 2 carries the identification (B2 plan id, E2
 * owner id, G2 year, H2 language code; protected cells, so they survive
 * LibreOffice and CSV export), row 3 the column headers, and from row 4 one
 * row per measure: A id, B area, C measure, D last year's status, E last
 * year's comment, F status, G progress %, H comment.  On "Indikatorer" row
 * 1 holds the headers and each row from 2: A id, B name, C unit, D latest
 * value, E this year's value.  The same ids travel in meta.xml as
 * user-defined properties (statusrapport-plan/-owner/-year/-lang). */
#ifndef FORM_H
#define FORM_H

#include <stddef.h>
#include <time.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "model/model.h"
#include "report/labels.h"
#include "base/sr.h"

/* Cell layout shared with import.c (0-based columns, 1-based rows). */
enum {
	FORM_COL_ID, FORM_COL_AREA, FORM_COL_TEXT, FORM_COL_LAST, FORM_COL_LAST_COMMENT,
	FORM_COL_STATUS, FORM_COL_PROGRESS, FORM_COL_COMMENT, FORM_NCOLS
};
enum { FORM_ROW_KEYS = 2, FORM_ROW_HEAD = 3, FORM_ROW_FIRST = 4 };
enum { FORM_KEY_PLAN_COL = 1, FORM_KEY_OWNER_COL = 4, FORM_KEY_YEAR_COL = 6, FORM_KEY_LANG_COL = 7 };
enum { FORM_IND_ID, FORM_IND_NAME, FORM_IND_UNIT, FORM_IND_LAST, FORM_IND_VALUE, FORM_IND_NCOLS };
#define FORM_SHEET_STATUS "Status"
#define FORM_SHEET_IND "Indikatorer"
#define FORM_SHEET_HELP "Veiledning"

typedef struct form_opts {
	int year;             /* 0: form_default_year */
	const char *lang;     /* nb | nn | en; NULL: the plan's */
	const char *deadline; /* YYYY-MM-DD or NULL */
	const char *contact;  /* whom to send the form to, or NULL */
	time_t now;           /* document dates (SOURCE_DATE_EPOCH) */
} form_opts;

/* The year a form asks about when none is given: the year after the latest
 * with a status, if that is inside the plan's period; else the latest; the
 * plan's first year when there are no statuses. */
int form_default_year(const plan *p);

/* The header of column col (0-based) of the Status sheet in l's language,
 * for import's check that no column was deleted or moved; a header with a
 * year is a format ("Status %d").  NULL for a column out of range. */
const char *form_header(const labels *l, int col);
/* The same for the Indikatorer sheet (FORM_IND_NCOLS columns). */
const char *form_ind_header(const labels *l, int col);

/* The Indikatorer sheet's columns after the FORM_IND_NCOLS fixed ones: a
 * column per category of each dimension some indicator breaks down by, in
 * the plan's order, headed by the category's name; an indicator with that
 * breakdown has its values per category there, the others leave the cell
 * empty.  Returns the count and the columns in *out (allocated in a), or
 * 0 with *out NULL when there are none or memory failed (a reports it). */
typedef struct form_catcol {
	const dimension *dim;
	const category *cat;
} form_catcol;
size_t form_ind_catcols(const plan *p, arena *a, form_catcol **out);

/* One owner's form as a complete .ods package / as a pre-filled status
 * file, appended to out.  p must have passed validate_plan.  SR_SYSTEM
 * (message in d) when memory or the zip fails. */
sr_status form_ods(const plan *p, const owner *o, const form_opts *fo, buf *out, diag *d);
sr_status form_xml(const plan *p, const owner *o, const form_opts *fo, buf *out, diag *d);

/* "DIR/PLAN-ID-YEAR-OWNER-skjema.EXT"; -1 when an id cannot be a file name
 * or the path does not fit. */
int form_path(char *path, size_t n, const char *dir, const char *plan_id, int year,
	      const char *owner_id, const char *ext);

/* Write one form for each of the n owners into dir (xml: the status-file
 * form, else ODS), each atomically; inputs are never overwritten.
 * *written and *total count the files written and wanted.  Goes on after
 * a failure; returns the worst status. */
sr_status form_write_all(const plan *p, const owner *const *owners, size_t n,
			 const form_opts *fo, int xml, const char *dir,
			 const char *const *inputs, int *written, int *total, diag *d);

#endif
