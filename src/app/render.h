/* render.h: one report from model to finished files -- build the tree,
 * run the backends, write each file atomically.  Shared by the render and
 * batch commands, so both name, check and write files the same way. */
#ifndef RENDER_H
#define RENDER_H

#include "base/diag.h"
#include "model/model.h"
#include "pdf/pdf.h"
#include "report/report.h"

typedef struct render_out {
	const char *pdf_path;          /* NULL: no PDF */
	const char *odt_path;          /* NULL: no ODT */
	const char *const *inputs;     /* never overwritten; NULL-terminated */
	const char *const *font_dirs;  /* for the PDF engine; NULL-terminated */
	int parallel;                  /* the ODT written in a second thread
					* while the PDF is laid out */
} render_out;

/* Build the report ro describes and write the files out names.  *engine is
 * opened on first need and kept for the next report (the caller closes it).
 * Returns the worst status; messages are in d. */
sr_status render_report(const plan *p, const report_opts *ro, const render_out *out,
			pdf_engine **engine, diag *d);

/* "DIR/PLAN-YEAR[-OWNER].EXT" into path; -1 when an id is not plain
 * ([A-Za-z0-9._-], not starting with a dot) or the path does not fit. */
int render_path(char *path, size_t n, const char *dir, const char *plan_id, int year,
		const char *owner_id, const char *ext);

#endif
