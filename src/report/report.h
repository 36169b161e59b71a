/* report.h: the report builder -- model + options -> document tree.
 *
 * The builder decides what a report says and in which order (a report
 * kind); the backends decide how it looks.  It reads the model only through
 * model.h's views, and writes only the new document. */
#ifndef REPORT_H
#define REPORT_H

#include <time.h>

#include "base/diag.h"
#include "doc/doc.h"
#include "model/model.h"
#include "input/template.h"

typedef struct report_opts {
	int year;             /* reporting year; 0: the latest year with a status */
	const owner *owner;   /* a report for one owner, or NULL for all */
	const char *lang;     /* nb | nn | en; NULL: the plan's language */
	time_t now;           /* the report date (SOURCE_DATE_EPOCH or the clock) */
	const template *tpl;  /* the report kind and its look (not NULL) */
	int pdfa;             /* tagged PDF/A-2a even if the template does not ask */
	int matrix_by_type;   /* the status matrix shows the owners of matrix_type; 0:
			       * those directly under the plan's organisation */
	owner_type matrix_type;
	/* A board paper's case details, each NULL when not given (then left
	 * out, never shown empty), and its proposed resolution (NULL: the
	 * default sentence of the report's language). */
	const char *case_number, *meeting_date, *case_officer, *archive_ref;
	const char *resolution;
} report_opts;

/* Build the report the template describes.  On SR_OK *out is a new document the
 * caller frees with doc_free().  p must have passed validate_plan(). */
sr_status report_build(const plan *p, const report_opts *o, doc **out, diag *d);

/* The year a report would use: o->year, or the latest with a status, or
 * (no status at all) the plan's first year, as form and collect. */
int report_year(const plan *p, const report_opts *o);

#endif
