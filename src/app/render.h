/* render.h: one report from model to finished files -- build the tree,
 * run the chosen formats' backends (backend.h), write each file
 * atomically.  Shared by the render and batch commands, so both name,
 * check and write files the same way.  Names no format: the formats come
 * from the caller, as rows of the table (backends.h) or any other. */
#ifndef RENDER_H
#define RENDER_H

#include <pthread.h>

#include "base/diag.h"
#include "doc/backend.h"
#include "model/model.h"
#include "report/report.h"

/* The formats of a run, each with its engine: opened once (on first need,
 * or all at once before a batch forks) and shared by every report of the
 * run.  Fill with render_formats_init; render_formats_close at the end. */
typedef struct render_formats {
	size_t n;
	const backend *row[BACKEND_MAX];
	void *engine[BACKEND_MAX];
	unsigned char opened[BACKEND_MAX];
	backend_env env;
	/* the engines being opened in a thread (render_formats_start) */
	pthread_t tid;
	int pending;
	diag pending_d;
	sr_status pending_st;
} render_formats;

/* rows[0..n) (n <= BACKEND_MAX), none open yet. */
void render_formats_init(render_formats *f, const backend *const *rows, size_t n,
			 const char *const *font_dirs);

/* Open every engine not yet open: the worst status, messages in d; a row
 * that failed stays closed, to be tried again by the next report. */
sr_status render_formats_open(render_formats *f, diag *d);

/* The same in a thread of its own, while the caller reads the input: the
 * engines are a few milliseconds of a one-report run, and a second core is
 * idle then.  Does nothing when there is no core to spare or threads are
 * not allowed (the allocation-failure build).  The next
 * render_formats_open (or render_report) waits for it and gives its
 * result. */
void render_formats_start(render_formats *f);

/* Have each open engine ready for reports in font family (backend.h). */
void render_formats_prepare(render_formats *f, const char *family);

/* Close every engine (after waiting for a thread opening them). */
void render_formats_close(render_formats *f);

/* Build the report ro describes and write one file per format of f,
 * paths[i] for f->row[i]; every file appears or none does.  inputs:
 * NULL-terminated files never overwritten.  parallel: a thread may render
 * the other formats beside the last one.  Returns the worst status;
 * messages are in d. */
sr_status render_report(const plan *p, const report_opts *ro, render_formats *f,
			const char *const *paths, const char *const *inputs, int parallel, diag *d);

/* "DIR/PLAN-YEAR[-OWNER].EXT" into path; -1 when an id is not plain
 * ([A-Za-z0-9._-], not starting with a dot) or the path does not fit. */
int render_path(char *path, size_t n, const char *dir, const char *plan_id, int year,
		const char *owner_id, const char *ext);

#endif
