/* render.c: model -> files for one report (see render.h). */
#include "render.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "odf/odt.h"
#include "base/outfile.h"
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

/* The tree is freed as soon as its last reader is done with it, not when
 * the report is: a long PDF's save holds libharu's whole document and the
 * file, and the tree beside them was a quarter of the run's peak.  One
 * reader per format and one for the report itself, which lets go once
 * the formats have theirs; each lets go once (tree_done), and the
 * report's end lets go of the formats that never ran. */
typedef struct tree_share tree_share;

typedef struct tree_reader {
	tree_share *t;
	int held;
} tree_reader;

struct tree_share {
	doc *dd;
	atomic_int readers;
	tree_reader r[3]; /* PDF, ODT, the report */
};

enum { TRIM_MIN = 16 * 1024 * 1024 }; /* a tree of ~5,000 measures */

static void tree_done(void *arg)
{
	tree_reader *r = arg;
	if (!r->held)
		return;
	r->held = 0;
	if (atomic_fetch_sub(&r->t->readers, 1) == 1) {
		/* A large tree's blocks were carved from what the XML reading
		 * freed: in the heap, and not given back by freeing them.  A
		 * small one's are left for the next report of a batch to reuse
		 * (trimming after each cost a batch its page faults). */
		int large = r->t->dd && r->t->dd->arena.used >= TRIM_MIN;
		doc_free(r->t->dd);
		r->t->dd = NULL;
		if (large)
			xalloc_trim();
	}
}

static sr_status render_format(const doc *dd, tree_reader *rd, int is_pdf, const char *path,
			       const render_out *out, pdf_engine **engine, buf *b, diag *d)
{
	sr_status st;
	if (is_pdf) {
		if (!*engine && (st = pdf_engine_open(engine, out->font_dirs, d)) != SR_OK)
			return st;
		st = pdf_render_then(*engine, dd, tree_done, rd, b, d);
	} else {
		st = odt_render(dd, b, d);
		tree_done(rd);
	}
	if (st == SR_OK && b->failed) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "out of memory writing the report");
		st = SR_SYSTEM;
	}
	return st;
}

/* The ODT rendered and staged beside the PDF.  The backends only read the
 * tree, and share nothing else: libharu, fontconfig and the hyphenation
 * patterns are the PDF's alone, libxml2's writer and libzip the ODT's. */
typedef struct odt_job {
	const doc *dd;
	tree_reader *rd;
	const char *path;
	const render_out *out;
	buf *b;
	outfile_staged *staged;
	diag d;
	sr_status st;
} odt_job;

static void *odt_thread(void *arg)
{
	odt_job *j = arg;
	j->st = render_format(j->dd, j->rd, 0, j->path, NULL, NULL, j->b, &j->d);
	/* written and flushed to disk here too, while the PDF is painted */
	if (j->st == SR_OK)
		j->st = outfile_stage(j->path, j->b->data, j->b->len, j->out->inputs, j->staged, &j->d);
	return NULL;
}

sr_status render_report(const plan *p, const report_opts *ro, const render_out *out,
			pdf_engine **engine, diag *d)
{
	/* A report's files appear together or not at all: both formats are
	 * rendered and staged before either is renamed into place. */
	const char *paths[2] = {out->pdf_path, out->odt_path};
	buf bufs[2] = {BUF_INIT, BUF_INIT};
	outfile_staged staged[2] = {{NULL, NULL}, {NULL, NULL}};
	doc *dd = NULL;
	sr_status st = report_build(p, ro, &dd, d);
	tree_share share = {.dd = dd};
	int readers = 0;
	for (int i = 0; i < 3; i++) {
		int held = i == 2 || paths[i] != NULL;
		share.r[i] = (tree_reader){&share, held};
		readers += held;
	}
	atomic_init(&share.readers, readers);
	tree_done(&share.r[2]); /* the formats hold it now; none: freed here */
	/* both formats on a machine with a core to spare: the ODT is about a
	 * third of the PDF's time, so the pair takes the PDF's */
	odt_job job = {dd, &share.r[1], paths[1], out, &bufs[1], &staged[1], {0}, SR_OK};
	pthread_t tid;
	int parallel = st == SR_OK && paths[0] && paths[1] && out->parallel &&
		       xalloc_threads_ok() && pthread_create(&tid, NULL, odt_thread, &job) == 0;
	/* one after the other, the ODT first, so that the tree is gone
	 * before the PDF's save */
	for (int i = parallel ? 0 : 1; i >= 0 && st == SR_OK; i--)
		if (paths[i])
			st = render_format(dd, &share.r[i], i == 0, paths[i], out, engine, &bufs[i], d);
	if (st == SR_OK && parallel)
		st = outfile_stage(paths[0], bufs[0].data, bufs[0].len, out->inputs, &staged[0], d);
	if (parallel) {
		pthread_join(tid, NULL);
		diag_take(d, &job.d);
		st = sr_worse(st, job.st);
	}
	/* without the thread, staged only when both are rendered: the
	 * allocation-failure sweep stops forking at the first staged file */
	for (int i = 0; i < 2 && st == SR_OK && !parallel; i++)
		if (paths[i])
			st = outfile_stage(paths[i], bufs[i].data, bufs[i].len, out->inputs, &staged[i], d);
	/* A library that absorbed a failed allocation (libxml2 does) may have
	 * produced something incomplete: no file from such a run. */
	if (st == SR_OK && xalloc_failed()) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
		st = SR_SYSTEM;
	}
	if (st == SR_OK)
		st = outfile_commit_all(staged, 2, d);
	for (int i = 0; i < 2; i++) {
		outfile_discard(&staged[i]);
		buf_free(&bufs[i]);
	}
	tree_done(&share.r[0]);
	tree_done(&share.r[1]);
	return st;
}
