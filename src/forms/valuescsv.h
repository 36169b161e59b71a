/* valuescsv.h: indicator values as CSV, one row per value
 * (indicator;owner;year;category;value under a header row), as a count
 * leaves a registry or a spreadsheet, read into the values of one status
 * file.
 *
 * The file is read as a sheet (sheet_read_csv: ';' or ',', UTF-8 or
 * Windows-1252) and checked against the validated plan: the indicator,
 * owner and category must be the plan's, the year in its period, the
 * value a number with a decimal comma or point.  One status file is one
 * owner's for one year, so every row must name the same owner and year.
 * Every problem is reported at its cell as FILE:ROW:COL, row 1 being the
 * header. */
#ifndef VALUESCSV_H
#define VALUESCSV_H

#include <stddef.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/sr.h"
#include "model/model.h"
#include "sheet.h"

enum { VALUESCSV_NCOLS = 5 };

typedef struct valuescsv_value {
	const char *indicator, *category; /* category NULL: the total */
	const char *value;                /* the file format's form: "4.1" */
} valuescsv_value;

typedef struct valuescsv {
	const char *owner_id;
	int year;
	valuescsv_value *v;
	size_t n, cap;
} valuescsv;

/* Whether sheet s looks like a values CSV rather than a form's Status
 * sheet: its first cell is the indicator column's header (in any of the
 * languages, in any case), or, with plan p, an indicator id of p (a file
 * whose header row is missing). */
int valuescsv_is(const sheet *s, const plan *p);

/* Read and check the values of sheet s (file names it in messages)
 * against the validated plan p, into out; the strings are a's, or the
 * book's.  SR_INVALID with every problem in d; SR_SYSTEM for memory. */
sr_status valuescsv_read(const sheet *s, const char *file, const plan *p, arena *a,
			 valuescsv *out, diag *d);

#endif
