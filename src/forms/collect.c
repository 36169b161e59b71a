/* collect.c: the overview of a reporting round (see collect.h).
 *
 * Owns: one arena for what it keeps of each status file, and a private
 * copy of the plan per status file while that file is checked.  Prints
 * nothing: the overview is text in a buf, or a spreadsheet through ods.c.
 *
 * Why each file on its own: loading every file into one plan makes two
 * files from the same owner and year a validation error, and the
 * coordinator would get error messages instead of the overview that shows
 * which two files disagree.  Re-reading the plan per file costs
 * milliseconds (the plan bytes are read from disk once). */
#include "collect.h"

#include <stdio.h>
#include <string.h>

#include "report/labels.h"
#include "model/model.h"
#include "odf/ods.h"
#include "base/outfile.h"
#include "input/plan_xml.h"
#include "input/validate.h"
#include "base/xalloc.h"

typedef struct fstat {
	size_t m;          /* index in plan->measures */
	status_value v;
} fstat;

typedef struct finfo {
	const char *path, *owner_id, *date;
	int year, valid, from_plan;
	fstat *st;
	size_t nst;
} finfo;

typedef struct orow {
	const owner *o;
	size_t nmeasures, answered;
	size_t *missing;     /* measure indices */
	size_t nmissing;
	const char *files;   /* "a.xml (2025-01-20), b.xml (2025-02-03, late)" */
	size_t nfiles, nlate;
	const char *conflicts;
	size_t nconflicts;
} orow;

static const char *base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* What one status file says, checked on its own against the plan. */
static sr_status read_one(arena *a, const xmlin_schema *schema, const char *plan_file,
			  const char *pdata, size_t plen, const char *path, finfo *f, diag *d)
{
	plan *q = NULL;
	memset(f, 0, sizeof *f);
	f->path = path;
	sr_status st = plan_read_mem(&q, schema, plan_file, pdata, plen, d);
	if (st != SR_OK)
		return st;
	st = plan_merge_status(q, schema, path, d);
	if (st == SR_OK)
		st = validate_plan(q, d);
	if (q->nreports) {
		const report_in *r = &q->reports[q->nreports - 1];
		f->owner_id = arena_strdup(a, r->owner_id ? r->owner_id : "");
		f->date = r->date ? arena_strdup(a, r->date) : NULL;
		f->year = r->year;
	}
	f->valid = st == SR_OK && q->nreports;
	if (f->valid) {
		size_t cap = 0;
		const char *file = q->reports[q->nreports - 1].file;
		for (size_t i = 0; i < q->nmeasures; i++) {
			const measure *m = q->measures[i];
			for (size_t j = 0; j < m->nstatuses; j++) {
				const status *s = &m->statuses[j];
				if (!s->pos.file || strcmp(s->pos.file, file) != 0)
					continue;
				fstat *arr = arena_grow(a, f->st, f->nst, &cap, sizeof *arr);
				if (!arr)
					break;
				f->st = arr;
				f->st[f->nst++] = (fstat){i, s->value};
			}
		}
	}
	plan_free(q);
	return st == SR_SYSTEM || arena_failed(a) ? SR_SYSTEM : SR_OK;
}

static const char *plain(plan *p, const measure *m)
{
	const char *s = doc_plain_text(p->text, m->text);
	return s ? s : "";
}

/* The words of the overview are formats with the same arguments in every
 * language; they are constants of words.h, never input. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* A sheet of n columns and its two header rows: the title, the column
 * heads. */
static void sheet_start(ods *o, const char *name, const int *widths, int n, const char *title,
			const char *const *heads)
{
	ods_table_start(o, name, 0, widths, (size_t)n);
	ods_header_rows_start(o);
	ods_row_start(o);
	ods_cell_span(o, ODS_TITLE, title, n);
	ods_row_end(o);
	ods_row_start(o);
	for (int c = 0; c < n; c++)
		ods_cell(o, ODS_HEAD, heads[c]);
	ods_row_end(o);
	ods_header_rows_end(o);
}

static void overview_ods(plan *p, int year, const orow *rows, size_t n, const collect_opts *co,
			 const labels *l, buf *out, diag *d, sr_status *st)
{
	static const int widths[] = {16, 20, 45, 60, 84, 150};
	static const int w1[] = {16, 45, 20, 20, 20, 84, 60};
	static const int w2[] = {16, 20, 150};
	const char *const *w = l->w;
	const ods_freeze fr[] = {
		{.table = w[W_COLLECT_OVERVIEW], .rows = 2, .cursor_row = 2},
		{.table = w[W_COLLECT_MISSING], .rows = 2, .cursor_row = 2},
	};
	char title[256];
	snprintf(title, sizeof title, w[W_COLLECT_TITLE], year, p->title ? p->title : p->id);
	ods_spec spec = {
		.language = l->code,
		.country = l->country,
		.created = co->now,
		.title = title,
		.widths_mm = widths,
		.nwidths = 6,
		.freezes = fr,
		.nfreezes = 2,
		.footer = title,
	};
	ods o;
	char num[32];
	if (ods_open(&o, &spec) == 0) {
		const char *h1[] = {w[W_ID], w[W_FORM_OWNER], w[W_COLLECT_MEASURES], w[W_COLLECT_ANSWERED],
				    w[W_COLLECT_MISSING], w[W_COLLECT_FILES], w[W_COLLECT_CONFLICTS]};
		sheet_start(&o, w[W_COLLECT_OVERVIEW], w1, 7, title, h1);
		for (size_t i = 0; i < n; i++) {
			const orow *r = &rows[i];
			ods_row_start(&o);
			ods_cell(&o, ODS_RO, r->o->id);
			ods_cell(&o, ODS_RO, r->o->name);
			snprintf(num, sizeof num, "%zu", r->nmeasures);
			ods_cell_number(&o, ODS_RO_NUM, num, num);
			snprintf(num, sizeof num, "%zu", r->answered);
			ods_cell_number(&o, ODS_RO_NUM, num, num);
			snprintf(num, sizeof num, "%zu", r->nmissing);
			ods_cell_number(&o, ODS_RO_NUM, num, num);
			ods_cell(&o, ODS_RO, r->files);
			ods_cell(&o, ODS_RO, r->conflicts);
			ods_row_end(&o);
		}
		ods_table_end(&o);
		const char *h2[] = {w[W_FORM_OWNER], w[W_MEASURE], w[W_COLLECT_TEXT]};
		sheet_start(&o, w[W_COLLECT_MISSING], w2, 3, w[W_COLLECT_UNANSWERED], h2);
		for (size_t i = 0; i < n; i++)
			for (size_t k = 0; k < rows[i].nmissing; k++) {
				const measure *m = p->measures[rows[i].missing[k]];
				ods_row_start(&o);
				ods_cell(&o, ODS_RO, rows[i].o->id);
				ods_cell(&o, ODS_RO, m->id);
				ods_cell(&o, ODS_RO, plain(p, m));
				ods_row_end(&o);
			}
		ods_table_end(&o);
	}
	*st = ods_finish(&o, out, d);
}

/* What is known of one round: the plan, each status file on its own, the
 * year, and per measure (scratch for one owner at a time) whether it has a
 * status, which, and from which file (nf: the plan). */
typedef struct round {
	plan *p;
	const labels *l;
	finfo *fi;
	size_t nf;
	int year;
	char *have;
	int *val;
	size_t *src;
} round;

/* The sources of owner o's statuses for the year: the files as text, and
 * the conflicts between them. */
static void owner_files(arena *a, const round *rd, const collect_opts *co, orow *r)
{
	const char *const *w = rd->l->w;
	const plan *p = rd->p;
	buf fb = BUF_INIT, cb = BUF_INIT;
	for (size_t k = 0; k < rd->nf; k++) {
		const finfo *f = &rd->fi[k];
		if (!f->valid || f->year != rd->year || strcmp(f->owner_id, r->o->id) != 0)
			continue;
		int late = co->deadline && f->date && strcmp(f->date, co->deadline) > 0;
		buf_printf(&fb, "%s%s (%s%s%s)", r->nfiles ? ", " : "", base(f->path),
			   f->date ? f->date : w[W_COLLECT_UNDATED], late ? ", " : "",
			   late ? w[W_COLLECT_LATE] : "");
		r->nfiles++;
		r->nlate += late;
		for (size_t j = 0; j < f->nst; j++) {
			size_t mi = f->st[j].m;
			if (!rd->have[mi]) {
				rd->have[mi] = 1;
				rd->val[mi] = f->st[j].v;
				rd->src[mi] = k;
			} else if (rd->val[mi] != (int)f->st[j].v) {
				const char *was = rd->src[mi] == rd->nf ? base(p->file)
									: base(rd->fi[rd->src[mi]].path);
				buf_printf(&cb, "%s%s: %s %s %s, %s %s %s", r->nconflicts ? "; " : "",
					   p->measures[mi]->id, model_status_name((status_value)rd->val[mi]),
					   w[W_IN], was, model_status_name(f->st[j].v), w[W_IN],
					   base(f->path));
				r->nconflicts++;
			}
		}
	}
	r->files = fb.len ? arena_strndup(a, (const char *)fb.data, fb.len) : "";
	r->conflicts = cb.len ? arena_strndup(a, (const char *)cb.data, cb.len) : "";
	if (fb.failed || cb.failed)
		a->failed = 1;
	buf_free(&fb);
	buf_free(&cb);
}

/* Owner o's row: its measures, which have a status for the year (in the
 * plan or a file), and its files.  0 when o is responsible for none, -1
 * when out of memory. */
static int owner_row(arena *a, const round *rd, const collect_opts *co, const owner *o, orow *r)
{
	const plan *p = rd->p;
	memset(r, 0, sizeof *r);
	r->o = o;
	memset(rd->have, 0, p->nmeasures);
	for (size_t i = 0; i < p->nmeasures; i++) {
		const measure *m = p->measures[i];
		/* what o owes: a measure that only flows down to it from an
		 * owner above may be answered, but is not missing */
		if (!model_assigned(m, o))
			continue;
		r->nmeasures++;
		for (size_t j = 0; j < m->nstatuses; j++) {
			const status *s = &m->statuses[j];
			if (s->year == rd->year && s->owner == o && !rd->have[i]) {
				rd->have[i] = 1;
				rd->val[i] = s->value;
				rd->src[i] = rd->nf; /* the plan */
			}
		}
	}
	if (!r->nmeasures)
		return 0;
	owner_files(a, rd, co, r);
	r->missing = arena_array(a, r->nmeasures, sizeof *r->missing);
	if (!r->missing)
		return -1;
	for (size_t i = 0; i < p->nmeasures; i++)
		if (model_assigned(p->measures[i], o)) {
			if (rd->have[i])
				r->answered++;
			else
				r->missing[r->nmissing++] = i;
		}
	return 1;
}

/* The overview as text, in the round's language. */
static void overview_text(const round *rd, const orow *rows, size_t nrows, size_t owners_done,
			  const collect_opts *co, buf *text)
{
	const char *const *w = rd->l->w;
	const plan *p = rd->p;
	buf_printf(text, w[W_COLLECT_SUMMARY], p->id, rd->year, owners_done, nrows);
	if (co->deadline)
		buf_printf(text, " (%s %s)", w[W_COLLECT_DEADLINE], co->deadline);
	buf_puts(text, "\n");
	for (size_t i = 0; i < nrows; i++) {
		const orow *r = &rows[i];
		buf_printf(text, "\n%s  %s (%s): ", r->o->id, r->o->name, model_owner_type_name(r->o->type));
		buf_printf(text, w[W_COLLECT_OWNER_ANSWERED], r->answered, r->nmeasures);
		buf_printf(text, "\n  %s: %s\n", w[W_COLLECT_FILES_LINE],
			   r->nfiles ? r->files : w[W_COLLECT_NONE]);
		if (r->nmissing) {
			buf_printf(text, "  %s (%zu):", w[W_COLLECT_MISSING_LINE], r->nmissing);
			for (size_t k = 0; k < r->nmissing; k++)
				buf_printf(text, " %s", p->measures[r->missing[k]]->id);
			buf_puts(text, "\n");
		}
		if (r->nlate == 1) {
			buf_puts(text, "  ");
			buf_printf(text, w[W_COLLECT_LATE_ONE], co->deadline);
			buf_puts(text, "\n");
		} else if (r->nlate) {
			buf_puts(text, "  ");
			buf_printf(text, w[W_COLLECT_LATE_MANY], r->nlate, co->deadline);
			buf_puts(text, "\n");
		}
		if (r->nconflicts)
			buf_printf(text, "  %s (%zu): %s\n", w[W_COLLECT_CONFLICTS_LINE], r->nconflicts,
				   r->conflicts);
	}
	for (size_t k = 0; k < rd->nf; k++) {
		const finfo *f = &rd->fi[k];
		if (!f->valid) {
			buf_printf(text, "\n%s: %s\n", base(f->path), w[W_COLLECT_INVALID]);
		} else if (f->year != rd->year) {
			buf_printf(text, "\n%s: ", base(f->path));
			buf_printf(text, w[W_COLLECT_OTHER_YEAR], f->year, rd->year);
			buf_puts(text, "\n");
		}
	}
}

/* The year of the round: the one asked for, else the latest a valid file
 * or the plan reports, else the plan's first. */
static int round_year(const round *rd, const collect_opts *co)
{
	int year = co->year;
	for (size_t i = 0; i < rd->nf && !co->year; i++)
		if (rd->fi[i].valid && rd->fi[i].year > year)
			year = rd->fi[i].year;
	if (!year)
		year = model_latest_year(rd->p);
	return year ? year : rd->p->year_from;
}

sr_status collect_report(const xmlin_schema *schema, const char *const *files, size_t n,
			 const collect_opts *co, buf *text, int *complete, diag *d)
{
	char *pdata = NULL;
	size_t plen = 0;
	round rd = {0};
	arena a;
	arena_init(&a);
	orow *rows = NULL;
	size_t nrows = 0;
	buf ods_out = BUF_INIT;
	*complete = 0;
	sr_status st = xmlin_slurp(files[0], &pdata, &plen, d);
	if (st == SR_OK)
		st = plan_read_mem(&rd.p, schema, files[0], pdata, plen, d);
	if (st == SR_OK)
		st = validate_plan(rd.p, d);
	if (st != SR_OK)
		goto done;
	plan *p = rd.p;
	rd.l = labels_for(co->lang ? co->lang : p->lang);
	if (!rd.l)
		rd.l = labels_for("nb");
	rd.nf = n - 1;
	rd.fi = arena_array(&a, rd.nf + 1, sizeof *rd.fi);
	if (!rd.fi)
		goto oom;
	int invalid = 0;
	for (size_t i = 0; i < rd.nf; i++) {
		if ((st = read_one(&a, schema, files[0], pdata, plen, files[i + 1], &rd.fi[i], d)) != SR_OK)
			goto done;
		invalid += !rd.fi[i].valid;
	}
	rd.year = round_year(&rd, co);

	rows = arena_array(&a, p->nowners + 1, sizeof *rows);
	rd.have = arena_alloc(&a, p->nmeasures + 1);
	rd.val = arena_array(&a, p->nmeasures + 1, sizeof *rd.val);
	rd.src = arena_array(&a, p->nmeasures + 1, sizeof *rd.src);
	if (!rows || !rd.have || !rd.val || !rd.src)
		goto oom;
	size_t owners_done = 0, nconf = 0;
	for (size_t oi = 0; oi < p->nowners; oi++) {
		const owner *o = p->owners[oi];
		if (o->type != OWNER_RHF && o->type != OWNER_HF)
			continue;
		int k = owner_row(&a, &rd, co, o, &rows[nrows]);
		if (k < 0)
			goto oom;
		if (!k)
			continue;
		owners_done += rows[nrows].nmissing == 0;
		nconf += rows[nrows].nconflicts;
		nrows++;
	}
	if (arena_failed(&a))
		goto oom;

	overview_text(&rd, rows, nrows, owners_done, co, text);
	*complete = nconf || invalid ? -1 : owners_done == nrows;
	if (text->failed)
		goto oom;
	if (co->ods) {
		overview_ods(p, rd.year, rows, nrows, co, rd.l, &ods_out, d, &st);
		if (st == SR_OK)
			st = outfile_write(co->output, ods_out.data, ods_out.len, (const char *const *)files,
					   d);
		if (st == SR_OK) {
			buf_puts(text, "\n");
			buf_printf(text, rd.l->w[W_COLLECT_WROTE], co->output);
			buf_puts(text, "\n");
		}
	} else if (co->output) {
		st = outfile_write(co->output, text->data, text->len, (const char *const *)files, d);
		text->len = 0;
	}
	goto done;
oom:
	diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
	st = SR_SYSTEM;
done:
	buf_free(&ods_out);
	plan_free(rd.p);
	xfree(pdata);
	arena_free(&a);
	return st;
}
