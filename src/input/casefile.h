/* casefile.h: a board paper's case details read from a small XML file
 * (schema/case.rng, namespace urn:statusrapport:case:1), kept beside the
 * plan.  A case file owns its arena; case_file_free releases everything. */
#ifndef CASEFILE_H
#define CASEFILE_H

#include "base/arena.h"
#include "base/diag.h"
#include "xml/xmlin.h"

#define CASE_NS "urn:statusrapport:case:1"

typedef struct case_file {
	arena arena;
	/* each NULL when the file does not give it; meeting_date is a real
	 * date YYYY-MM-DD */
	const char *number, *meeting_date, *officer, *archive_ref, *resolution;
} case_file;

/* Read and check path.  On SR_OK the caller owns *out (case_file_free).
 * A missing or broken file is SR_INVALID, each problem in d as
 * FILE:LINE:COL. */
sr_status case_file_load(case_file **out, const char *path, diag *d);
void case_file_free(case_file *c);

#endif
