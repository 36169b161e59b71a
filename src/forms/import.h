/* import.h: reading a filled-in form (form.h) back into a status file.
 *
 * The form may be the .ods the form command wrote, the same file after a
 * spreadsheet program re-saved it, or its Status sheet as CSV.  Every
 * problem is reported at its cell ("FORM.ods: Status!F14: ...") and
 * nothing is written unless the whole form is right.  A measure left blank
 * stays out of the status file (not "not started"). */
#ifndef IMPORT_H
#define IMPORT_H

#include <stddef.h>

#include "base/buf.h"
#include "base/diag.h"
#include "model/model.h"
#include "sheet.h"
#include "base/sr.h"
#include "xml/xmlin.h"

typedef struct import_result {
	char plan_id[128], owner_id[128];
	int year;
	size_t nstatuses, nvalues;
} import_result;

/* s lower-cased (ASCII and the Latin-1 letters: Æ Ø Å É ...) and trimmed
 * of white space (also no-break space) into out (n bytes); with dashes != 0
 * "_" and " " become "-".  For comparing what a person typed. */
void import_fold(const char *s, char *out, size_t n, int dashes);

/* The status a word stands for: the status words of nb, nn and en
 * (labels.c) and the file format's tokens (in-progress), ignoring case,
 * surrounding white space, and "_" or " " for "-" in tokens.  ST_NONE when
 * it is none of them. */
status_value import_status_word(const char *s);

/* A number as a person types it into a cell -- a decimal comma or point,
 * spaces, no-break or narrow no-break spaces grouping thousands
 * ("1 234,5") -- in the file format's form ("1234.5", as the schema's
 * -?[0-9]+(\.[0-9]+)?), copied into a; NULL when it is not one (or a is
 * out of memory). */
const char *import_decimal(arena *a, const char *s);

/* Turn a read book into a status file (appended to out).  file names the
 * form in messages; p, when not NULL, is the validated plan the form must
 * belong to (plan id, owner, year, measure and indicator ids,
 * responsibility).  now dates the status file.  SR_INVALID with every
 * problem in d. */
sr_status import_book(const sheet_book *b, const char *file, const plan *p, time_t now,
		      buf *out, import_result *r, diag *d);

/* The whole command: read form_path (.ods, or CSV: a form's Status sheet
 * or indicator values, valuescsv.h, which need plan_path), check it
 * (against plan_path when not NULL, read with schema), and write the
 * status file to out_path atomically.  Nothing is written on any problem. */
sr_status import_file(const char *form_path, const char *plan_path, const xmlin_schema *schema,
		      const char *out_path, time_t now, import_result *r, diag *d);

#endif
