/* batch.h: one report per owner, plus the regional report, in parallel.
 *
 * The input is parsed once by the caller; the jobs are rendered by N worker
 * processes forked from it, so the parsed plan, the template and the loaded
 * fonts are shared copy-on-write and no library needs to be thread-safe.
 * One failing report does not stop the others. */
#ifndef BATCH_H
#define BATCH_H

#include <stdio.h>

#include "base/diag.h"
#include "model/model.h"
#include "render.h"
#include "input/template.h"
#include "report/report.h"

typedef struct batch_opts {
	const char *outdir;
	const backend *const *formats; /* the formats of every report */
	size_t nformats;               /* 1 to BACKEND_MAX */
	int workers;                  /* >= 1 */
	int shard_k, shard_n;         /* render part k (1-based) of n; n = 1: all */
	int year;                     /* 0: latest */
	const char *lang;
	time_t now;
	const char *const *inputs;
	const char *const *font_dirs;
	FILE *progress;               /* "[12/40] file" lines, or NULL */
	int pdfa;                     /* tagged PDF/A-2a (issue 9) */
	int matrix_by_type;           /* the status matrix's level (report_opts) */
	owner_type matrix_type;
	report_opts case_details;     /* only its case fields: a board paper's */
} batch_opts;

typedef struct batch_result {
	int jobs, ok, failed, files;
} batch_result;

/* Render one report per owner in owners (with owner_tpl) and the regional
 * report (with regional_tpl, owner NULL), the part shard_k of shard_n of
 * that list.  Messages of failed reports go to d.  Returns the worst
 * status. */
sr_status batch_run(const plan *p, const template *owner_tpl, const template *regional_tpl,
		    const owner *const *owners, size_t nowners, const batch_opts *o,
		    batch_result *res, diag *d);

#endif
