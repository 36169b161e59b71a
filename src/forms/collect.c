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
	const char *files_nb; /* the same in Norwegian, for the spreadsheet */
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

static void overview_ods(plan *p, int year, const orow *rows, size_t n, const collect_opts *co,
			 buf *out, diag *d, sr_status *st)
{
	static const int widths[] = {16, 20, 45, 60, 84, 150};
	static const int w1[] = {16, 45, 20, 20, 20, 84, 60};
	static const int w2[] = {16, 20, 150};
	const ods_freeze fr[] = {{"Oversikt", 2, 0, 2}, {"Mangler", 2, 0, 2}};
	char title[256];
	snprintf(title, sizeof title, "Innsamling %d – %s", year, p->title ? p->title : p->id);
	ods_spec spec = {"nb", "NO", co->now, title, NULL, NULL, 0, widths, 6, NULL, 0, fr, 2, title};
	ods o;
	char num[32];
	if (ods_open(&o, &spec) == 0) {
		static const char *const h1[] = {"Id", "Eier", "Tiltak", "Besvart", "Mangler",
						 "Statusfiler", "Motstrid"};
		ods_table_start(&o, "Oversikt", 0, w1, 7);
		ods_header_rows_start(&o);
		ods_row_start(&o);
		ods_cell_span(&o, ODS_TITLE, title, 7);
		ods_row_end(&o);
		ods_row_start(&o);
		for (int c = 0; c < 7; c++)
			ods_cell(&o, ODS_HEAD, h1[c]);
		ods_row_end(&o);
		ods_header_rows_end(&o);
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
			ods_cell(&o, ODS_RO, r->files_nb);
			ods_cell(&o, ODS_RO, r->conflicts);
			ods_row_end(&o);
		}
		ods_table_end(&o);
		static const char *const h2[] = {"Eier", "Tiltak", "Tekst"};
		ods_table_start(&o, "Mangler", 0, w2, 3);
		ods_header_rows_start(&o);
		ods_row_start(&o);
		ods_cell_span(&o, ODS_TITLE, "Tiltak uten status", 3);
		ods_row_end(&o);
		ods_row_start(&o);
		for (int c = 0; c < 3; c++)
			ods_cell(&o, ODS_HEAD, h2[c]);
		ods_row_end(&o);
		ods_header_rows_end(&o);
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

sr_status collect_report(const xmlin_schema *schema, const char *const *files, size_t n,
			 const collect_opts *co, buf *text, int *complete, diag *d)
{
	char *pdata = NULL;
	size_t plen = 0;
	plan *p = NULL;
	arena a;
	arena_init(&a);
	finfo *fi = NULL;
	orow *rows = NULL;
	size_t nrows = 0;
	buf ods_out = BUF_INIT;
	*complete = 0;
	sr_status st = xmlin_slurp(files[0], &pdata, &plen, d);
	if (st == SR_OK)
		st = plan_read_mem(&p, schema, files[0], pdata, plen, d);
	if (st == SR_OK)
		st = validate_plan(p, d);
	if (st != SR_OK)
		goto done;
	size_t nf = n - 1;
	fi = arena_array(&a, nf + 1, sizeof *fi);
	if (!fi)
		goto oom;
	int invalid = 0;
	for (size_t i = 0; i < nf; i++) {
		if ((st = read_one(&a, schema, files[0], pdata, plen, files[i + 1], &fi[i], d)) != SR_OK)
			goto done;
		invalid += !fi[i].valid;
	}
	int year = co->year;
	for (size_t i = 0; i < nf && !co->year; i++)
		if (fi[i].valid && fi[i].year > year)
			year = fi[i].year;
	if (!year)
		year = model_latest_year(p);
	if (!year)
		year = p->year_from;

	/* The plan's own statuses for the year, as one more source per owner. */
	rows = arena_array(&a, p->nowners + 1, sizeof *rows);
	char *have = arena_alloc(&a, p->nmeasures + 1);
	int *val = arena_array(&a, p->nmeasures + 1, sizeof *val);
	size_t *src = arena_array(&a, p->nmeasures + 1, sizeof *src);
	if (!rows || !have || !val || !src)
		goto oom;
	size_t owners_done = 0, nconf = 0;
	for (size_t oi = 0; oi < p->nowners; oi++) {
		const owner *o = p->owners[oi];
		if (o->type != OWNER_RHF && o->type != OWNER_HF)
			continue;
		orow *r = &rows[nrows];
		memset(r, 0, sizeof *r);
		r->o = o;
		memset(have, 0, p->nmeasures);
		for (size_t i = 0; i < p->nmeasures; i++) {
			const measure *m = p->measures[i];
			if (!model_responsible(m, o))
				continue;
			r->nmeasures++;
			for (size_t j = 0; j < m->nstatuses; j++) {
				const status *s = &m->statuses[j];
				if (s->year == year && s->owner == o && !have[i]) {
					have[i] = 1;
					val[i] = s->value;
					src[i] = nf; /* the plan */
				}
			}
		}
		if (!r->nmeasures)
			continue;
		nrows++;
		buf fb = BUF_INIT, cb = BUF_INIT, nb = BUF_INIT;
		for (size_t k = 0; k < nf; k++) {
			const finfo *f = &fi[k];
			if (!f->valid || f->year != year || strcmp(f->owner_id, o->id) != 0)
				continue;
			int late = co->deadline && f->date && strcmp(f->date, co->deadline) > 0;
			buf_printf(&fb, "%s%s (%s%s)", r->nfiles ? ", " : "", base(f->path),
				   f->date ? f->date : "undated", late ? ", late" : "");
			buf_printf(&nb, "%s%s (%s%s)", r->nfiles ? ", " : "", base(f->path),
				   f->date ? f->date : "udatert", late ? ", for sent" : "");
			r->nfiles++;
			r->nlate += late;
			for (size_t j = 0; j < f->nst; j++) {
				size_t mi = f->st[j].m;
				if (!have[mi]) {
					have[mi] = 1;
					val[mi] = f->st[j].v;
					src[mi] = k;
				} else if (val[mi] != (int)f->st[j].v) {
					buf_printf(&cb, "%s%s: %s in %s, %s in %s", r->nconflicts ? "; " : "",
						   p->measures[mi]->id, model_status_name((status_value)val[mi]),
						   src[mi] == nf ? base(p->file) : base(fi[src[mi]].path),
						   model_status_name(f->st[j].v), base(f->path));
					r->nconflicts++;
				}
			}
		}
		r->files = fb.len ? arena_strndup(&a, (const char *)fb.data, fb.len) : "";
		r->files_nb = nb.len ? arena_strndup(&a, (const char *)nb.data, nb.len) : "";
		r->conflicts = cb.len ? arena_strndup(&a, (const char *)cb.data, cb.len) : "";
		if (fb.failed || cb.failed || nb.failed)
			a.failed = 1;
		buf_free(&nb);
		buf_free(&fb);
		buf_free(&cb);
		r->missing = arena_array(&a, r->nmeasures, sizeof *r->missing);
		if (!r->missing)
			goto oom;
		for (size_t i = 0; i < p->nmeasures; i++)
			if (model_responsible(p->measures[i], o)) {
				if (have[i])
					r->answered++;
				else
					r->missing[r->nmissing++] = i;
			}
		owners_done += r->nmissing == 0;
		nconf += r->nconflicts;
	}
	if (arena_failed(&a))
		goto oom;

	/* The text. */
	buf_printf(text, "%s: status %d, %zu of %zu owners have answered every measure",
		   p->id, year, owners_done, nrows);
	if (co->deadline)
		buf_printf(text, " (deadline %s)", co->deadline);
	buf_puts(text, "\n");
	for (size_t i = 0; i < nrows; i++) {
		const orow *r = &rows[i];
		buf_printf(text, "\n%s  %s (%s): %zu of %zu measures answered\n", r->o->id, r->o->name,
			   model_owner_type_name(r->o->type), r->answered, r->nmeasures);
		buf_printf(text, "  files: %s\n", r->nfiles ? r->files : "none");
		if (r->nmissing) {
			buf_printf(text, "  missing (%zu):", r->nmissing);
			for (size_t k = 0; k < r->nmissing; k++)
				buf_printf(text, " %s", p->measures[r->missing[k]]->id);
			buf_puts(text, "\n");
		}
		if (r->nlate)
			buf_printf(text, "  late: %zu file%s after %s\n", r->nlate, r->nlate == 1 ? "" : "s",
				   co->deadline);
		if (r->nconflicts)
			buf_printf(text, "  conflicts (%zu): %s\n", r->nconflicts, r->conflicts);
	}
	for (size_t k = 0; k < nf; k++) {
		if (!fi[k].valid)
			buf_printf(text, "\n%s: invalid, not counted (see the messages)\n", base(fi[k].path));
		else if (fi[k].year != year)
			buf_printf(text, "\n%s: a %d status file, not counted for %d\n", base(fi[k].path),
				   fi[k].year, year);
	}
	*complete = nconf || invalid ? -1 : owners_done == nrows;
	if (text->failed)
		goto oom;
	if (co->ods) {
		overview_ods(p, year, rows, nrows, co, &ods_out, d, &st);
		if (st == SR_OK)
			st = outfile_write(co->output, ods_out.data, ods_out.len, (const char *const *)files,
					   d);
		if (st == SR_OK)
			buf_printf(text, "\nwrote %s\n", co->output);
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
	plan_free(p);
	xfree(pdata);
	arena_free(&a);
	return st;
}
