/* render.c: model -> files for one report (see render.h).  Owns the
 * report's tree from its building to the last format's render, and the
 * threads it starts, each joined before the call that started it returns
 * (the engines' thread: before the next call on them). */
#include "render.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/outfile.h"
#include "base/signals.h"
#include "base/xalloc.h"

int render_path(char *path, size_t n, const char *dir, const char *plan_id, int year,
		const char *owner_id, const char *ext)
{
	/* Ids become file names only when they cannot climb out of dir. */
	if (!model_plain_id(plan_id) || (owner_id && !model_plain_id(owner_id)))
		return -1;
	int k = snprintf(path, n, "%s/%s-%d%s%s.%s", dir, plan_id, year, owner_id ? "-" : "",
			 owner_id ? owner_id : "", ext);
	return k < 0 || (size_t)k >= n ? -1 : 0;
}

/* Whether a thread of our own can run beside this one: a second core, and
 * not the allocation-failure build (whose sweep forks at every
 * allocation). */
static int spare_core(void)
{
	return xalloc_threads_ok() && sysconf(_SC_NPROCESSORS_ONLN) > 1;
}

void render_formats_init(render_formats *f, const backend *const *rows, size_t n,
			 const char *const *font_dirs)
{
	memset(f, 0, sizeof *f);
	f->n = n < BACKEND_MAX ? n : BACKEND_MAX;
	for (size_t i = 0; i < f->n; i++)
		f->row[i] = rows[i];
	f->env.font_dirs = font_dirs;
}

static sr_status open_all(render_formats *f, diag *d)
{
	sr_status worst = SR_OK;
	for (size_t i = 0; i < f->n; i++) {
		if (f->opened[i])
			continue;
		sr_status st = f->row[i]->open ? f->row[i]->open(&f->engine[i], &f->env, d) : SR_OK;
		f->opened[i] = st == SR_OK;
		worst = sr_worse(worst, st);
	}
	return worst;
}

/* A thread of the render, with SIGINT, SIGTERM and SIGHUP held for its
 * whole life, so that only the main thread handles them (signals.h). */
static int start_thread(pthread_t *t, void *(*fn)(void *), void *arg)
{
	sigset_t old;
	signals_hold(&old);
	int rc = pthread_create(t, NULL, fn, arg);
	signals_release(&old);
	return rc;
}

static void *open_thread(void *arg)
{
	render_formats *f = arg;
	f->pending_st = open_all(f, &f->pending_d);
	return NULL;
}

void render_formats_start(render_formats *f)
{
	if (f->pending || !spare_core())
		return;
	diag_init(&f->pending_d);
	if (start_thread(&f->tid, open_thread, f) == 0)
		f->pending = 1;
	else
		diag_free(&f->pending_d);
}

sr_status render_formats_open(render_formats *f, diag *d)
{
	if (!f->pending)
		return open_all(f, d);
	pthread_join(f->tid, NULL);
	f->pending = 0;
	diag_take(d, &f->pending_d);
	diag_free(&f->pending_d);
	return f->pending_st;
}

void render_formats_prepare(render_formats *f, const char *family)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->opened[i] && f->row[i]->prepare)
			f->row[i]->prepare(f->engine[i], family);
}

void render_formats_close(render_formats *f)
{
	if (f->pending) {
		pthread_join(f->tid, NULL);
		f->pending = 0;
		diag_free(&f->pending_d);
	}
	for (size_t i = 0; i < f->n; i++) {
		if (f->opened[i] && f->row[i]->close)
			f->row[i]->close(f->engine[i]);
		f->engine[i] = NULL;
		f->opened[i] = 0;
	}
}

/* One format's file into b.  give: the tree is the backend's (backend.h). */
static sr_status render_one(render_formats *f, size_t i, doc *tree, int give, const char *path,
			    buf *b, diag *d)
{
	sr_status st = backend_render(f->row[i], f->engine[i], tree, give, b, d);
	if (st == SR_OK && b->failed) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "out of memory writing the report");
		st = SR_SYSTEM;
	}
	return st;
}

/* The formats but the last, rendered and staged in a thread beside the
 * last.  The backends only read the tree, and share nothing else: each
 * has its own libraries (backend.h). */
typedef struct beside_job {
	render_formats *f;
	doc *tree;
	const char *const *paths;
	const char *const *inputs;
	buf *bufs;
	outfile_staged *staged;
	diag d;
	sr_status st;
} beside_job;

static void *beside_thread(void *arg)
{
	beside_job *j = arg;
	j->st = SR_OK;
	for (size_t i = 0; i + 1 < j->f->n && j->st == SR_OK; i++) {
		j->st = render_one(j->f, i, j->tree, 0, j->paths[i], &j->bufs[i], &j->d);
		/* written and flushed to disk here too, while the last is
		 * rendered */
		if (j->st == SR_OK)
			j->st = outfile_stage(j->paths[i], j->bufs[i].data, j->bufs[i].len, j->inputs,
					      &j->staged[i], &j->d);
	}
	return NULL;
}

/* Beside, a large tree's formats would all hold it until the last is done;
 * one after the other, the last frees it before its own peak (the table,
 * backends.c, puts last the format whose peak is highest).  Above this the
 * memory is worth more than the time. */
enum { BESIDE_MAX = 16 * 1024 * 1024 };

sr_status render_report(const plan *p, const report_opts *ro, render_formats *f,
			const char *const *paths, const char *const *inputs, int parallel, diag *d)
{
	/* A report's files appear together or not at all: every format is
	 * rendered and staged before any is renamed into place. */
	size_t n = f->n;
	buf bufs[BACKEND_MAX];
	outfile_staged staged[BACKEND_MAX];
	for (size_t i = 0; i < n; i++) {
		bufs[i] = (buf)BUF_INIT;
		staged[i] = (outfile_staged){NULL, NULL};
	}
	doc *tree = NULL;
	sr_status st = render_formats_open(f, d);
	if (st == SR_OK)
		st = report_build(p, ro, &tree, d);
	beside_job job = {f, tree, paths, inputs, bufs, staged, {0}, SR_OK};
	pthread_t tid;
	diag_init(&job.d);
	int beside = st == SR_OK && n >= 2 && parallel && tree->arena.used < BESIDE_MAX &&
		     spare_core() && start_thread(&tid, beside_thread, &job) == 0;
	if (beside) {
		/* the messages in the formats' order, as one after the other */
		diag last;
		diag_init(&last);
		st = render_one(f, n - 1, tree, 0, paths[n - 1], &bufs[n - 1], &last);
		if (st == SR_OK)
			st = outfile_stage(paths[n - 1], bufs[n - 1].data, bufs[n - 1].len, inputs,
					   &staged[n - 1], &last);
		pthread_join(tid, NULL);
		diag_take(d, &job.d);
		diag_take(d, &last);
		diag_free(&last);
		st = sr_worse(job.st, st);
	} else {
		/* the tree handed to the last format, which frees it as soon as
		 * it is done reading it */
		for (size_t i = 0; i < n && st == SR_OK; i++) {
			int give = i + 1 == n;
			st = render_one(f, i, tree, give, paths[i], &bufs[i], d);
			if (give)
				tree = NULL;
		}
		/* staged only when all are rendered: the allocation-failure
		 * sweep stops forking at the first staged file */
		for (size_t i = 0; i < n && st == SR_OK; i++)
			st = outfile_stage(paths[i], bufs[i].data, bufs[i].len, inputs, &staged[i], d);
	}
	diag_free(&job.d);
	backend_tree_free(tree);
	/* A library that absorbed a failed allocation (libxml2 does) may have
	 * produced something incomplete: no file from such a run. */
	if (st == SR_OK && xalloc_failed()) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
		st = SR_SYSTEM;
	}
	if (st == SR_OK)
		st = outfile_commit_all(staged, n, d);
	for (size_t i = 0; i < n; i++) {
		outfile_discard(&staged[i]);
		buf_free(&bufs[i]);
	}
	return st;
}
