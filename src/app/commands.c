/* commands.c: the commands of statusrapport.h.  Each reads its input once,
 * calls the modules that do the work and gives back what a caller prints;
 * it prints nothing itself but the outputs it is asked for (a dumped tree,
 * the collect overview).  Knows no option syntax: that is cli.c's. */
#include "statusrapport.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "base/signals.h"
#include "base/xalloc.h"
#include "batch.h"
#include "doc/doc.h"
#include "forms/collect.h"
#include "forms/form.h"
#include "forms/import.h"
#include "input/casefile.h"
#include "input/plan_xml.h"
#include "input/template.h"
#include "input/validate.h"
#include "model/model.h"
#include "pdf/fonts.h"
#include "render.h"
#include "report/report.h"

#ifndef SR_DATADIR
#define SR_DATADIR "/usr/local/share/statusrapport"
#endif

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

void sr_init(void)
{
	/* libxml2 allocates through our allocator too, so the allocation-
	 * failure tests reach its paths as well as ours -- fail-fast, as it
	 * cannot unwind from a failed allocation (see xalloc.h). */
	xmlMemSetup(xfree, xmalloc_lib, xrealloc_lib, xstrdup_lib);
	xmlInitParser();
	/* Everything libxml2 has to say reaches us through the structured
	 * handlers; its generic channel would print past diag. */
	xmlSetGenericErrorFunc(NULL, quiet);
	/* libxml2 keeps that handler per thread: a format's thread
	 * (render.c) starts from this default */
	xmlThrDefSetGenericErrorFunc(NULL, quiet);
	signals_install();
}

void sr_cleanup(void)
{
	xmlCleanupParser();
}

int sr_date_valid(const char *s)
{
	return model_date_valid(s);
}

/* A failed allocation that a library absorbed on the way still ends the
 * run as a system error (exit 3), never as "invalid input". */
static sr_status finish(sr_status st, diag *d)
{
	if (xalloc_failed() && st != SR_OK) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
		st = SR_SYSTEM;
	}
	return st;
}

static sr_status report_time(time_t *now, diag *d)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	if (!e || !*e) {
		*now = time(NULL);
		return SR_OK;
	}
	char *end;
	errno = 0;
	long long v = strtoll(e, &end, 10);
	if (*end || errno || v < 0 || v > 253402300799LL) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0,
			 "SOURCE_DATE_EPOCH=\"%s\" is not a time in seconds since 1970", e);
		return SR_USAGE;
	}
	*now = (time_t)v;
	return SR_OK;
}

/* Filled on the first call (from the main thread), then only read: the
 * engines' thread reads it while the input is read. */
static const char *const *font_dirs(void)
{
	static const char *dirs[4];
	static int made;
	if (!made) {
		int k = 0;
		const char *env = getenv("STATUSRAPPORT_FONTS");
		if (env && *env)
			dirs[k++] = env;
		dirs[k++] = "fonts";
		dirs[k++] = SR_DATADIR "/fonts";
		dirs[k] = NULL;
		made = 1;
	}
	return dirs;
}

/* The output folder, made with its parents when missing (as mkdir -p):
 * a scheduled run into a new folder per year should not need a step of
 * its own.  Called once the input is known to be good, so a refused input
 * leaves no folder behind. */
static sr_status check_dir(const char *dir, diag *d)
{
	struct stat sb;
	if (stat(dir, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			return SR_OK;
		diag_add(d, DIAG_ERROR, dir, 0, 0, "cannot use this as the output folder: it is a file");
		return SR_SYSTEM;
	}
	char path[PATH_MAX];
	if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path) {
		diag_add(d, DIAG_ERROR, dir, 0, 0, "the output folder's name is too long");
		return SR_SYSTEM;
	}
	/* each parent in turn, then the folder itself */
	for (char *c = path + 1;; c++) {
		if (*c != '/' && *c)
			continue;
		char was = *c;
		*c = '\0';
		if (mkdir(path, 0777) != 0 && errno != EEXIST) {
			diag_add(d, DIAG_ERROR, dir, 0, 0, "cannot create the output folder: %s",
				 strerror(errno));
			return SR_SYSTEM;
		}
		*c = was;
		if (!was)
			break;
	}
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		diag_add(d, DIAG_ERROR, dir, 0, 0, "cannot create the output folder: a part of its path is a file");
		return SR_SYSTEM;
	}
	return SR_OK;
}

static sr_status check_year(const plan *p, int year, diag *d)
{
	if (year && p->year_from && (year < p->year_from || year > p->year_to)) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "--year %d is outside the plan's period %d-%d", year,
			 p->year_from, p->year_to);
		return SR_USAGE;
	}
	return SR_OK;
}

/* What every command reads: the format's schema, the template schema when
 * a template is a file, and (read_plan) the plan with every status file
 * merged and its meaning checked.  Every file is read even after one
 * fails, so all problems show at once.  Returns the worst status. */
typedef struct input {
	xmlin_schema *schema, *tschema;
	plan *p;
	int read; /* the schemas are there and the files were read */
} input;

static sr_status input_open(input *in, const sr_files *f, const char *template_name, diag *d)
{
	memset(in, 0, sizeof *in);
	sr_status st = plan_schema_load(&in->schema, d);
	if (st == SR_OK && template_name && template_is_file(template_name))
		st = template_schema_load(&in->tschema, d);
	if (st != SR_OK)
		return st;
	xalloc_arm();
	in->read = 1;
	if (!f)
		return SR_OK;
	st = plan_read(&in->p, in->schema, f->names[0], d);
	if (st != SR_OK)
		return st;
	for (int i = 1; i < f->n; i++)
		st = sr_worse(st, plan_merge_status(in->p, in->schema, f->names[i], d));
	if (st == SR_OK)
		st = validate_plan(in->p, d);
	return st;
}

static void input_close(input *in)
{
	plan_free(in->p);
	xmlin_schema_free(in->schema);
	xmlin_schema_free(in->tschema);
}

/* The family t's <font> names must be one the PDF finds, by the PDF's own
 * lookup (fonts.c: the font folders, then the system's): the PDF has no
 * fallback, so render would fail on it.  The lookup's own message names no
 * place, so it is said again at the <font> element. */
static sr_status check_font(const template *t, diag *d)
{
	if (!t->font_at.line || !t->style.font_family)
		return SR_OK;
	diag quiet;
	diag_init(&quiet);
	fonts *f = NULL;
	const font_family *fam = NULL;
	sr_status st = fonts_open(&f, font_dirs(), &quiet);
	if (st == SR_OK)
		st = fonts_family(f, t->style.font_family, &fam, &quiet);
	fonts_close(f);
	if (st != SR_OK && xalloc_failed()) {
		diag_take(d, &quiet);
		return SR_SYSTEM;
	}
	if (st != SR_OK)
		diag_at(d, DIAG_ERROR, t->font_at,
			"the font family \"%s\" is not installed, so the PDF cannot be made; "
			"install it (or put its .ttf files in a font folder), or name an "
			"installed family, like family=\"Liberation Sans\"",
			t->style.font_family);
	diag_free(&quiet);
	return st == SR_OK ? SR_OK : SR_INVALID;
}

sr_status sr_validate(const sr_validate_opts *o, sr_validate_result *r, diag *d)
{
	input in;
	memset(r, 0, sizeof *r);
	sr_status st = input_open(&in, &o->in, o->template_name, d);
	if (in.read && o->template_name) {
		template *t = NULL;
		st = sr_worse(st, template_load(&t, in.tschema, o->template_name, d));
		if (t) { /* colours a reader cannot tell apart warn; they do not fail */
			template_check_palette(t, d);
			st = sr_worse(st, check_font(t, d));
		}
		template_free(t);
	}
	if (st == SR_OK) {
		r->nmeasures = in.p->nmeasures;
		r->nowners = in.p->nowners;
	}
	input_close(&in);
	return finish(st, d);
}

/* The template the render command uses, checked against its options. */
static sr_status render_template(const sr_render_opts *o, const input *in, report_opts *ro,
				 template **tpl, diag *d)
{
	const plan *p = in->p;
	if (o->owner && !(ro->owner = model_owner(p, o->owner))) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "--owner %s: no such owner in the plan", o->owner);
		return SR_USAGE;
	}
	sr_status st = check_year(p, o->year, d);
	if (st != SR_OK)
		return st;
	const char *tname = o->template_name ? o->template_name
			    : o->owner       ? "helseforetak"
					     : TEMPLATE_DEFAULT;
	if ((st = template_load(tpl, in->tschema, tname, d)) != SR_OK)
		return st;
	if (o->logo && (st = template_set_logo(*tpl, o->logo, d)) != SR_OK)
		return st;
	ro->tpl = *tpl;
	if ((*tpl)->kind == TPL_OWNER && !ro->owner) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0,
			 "the template \"%s\" is a report for one owner; give --owner ID", (*tpl)->name);
		return SR_USAGE;
	}
	return SR_OK;
}

static sr_status dump_tree(const plan *p, const report_opts *ro, int style, FILE *out, diag *d)
{
	doc *dd = NULL;
	sr_status st = report_build(p, ro, &dd, d);
	if (st == SR_OK) {
		if (style)
			doc_style_dump(&dd->style, out);
		else
			doc_dump(dd, out);
		if (fflush(out) != 0 || ferror(out)) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot write the tree to standard output");
			st = SR_SYSTEM;
		}
	}
	doc_free(dd);
	return st;
}

/* The files' names into r: o->output, or one per format in the folder. */
static sr_status render_names(const sr_render_opts *o, const plan *p, const report_opts *ro,
			      sr_render_result *r, diag *d)
{
	r->n = o->nformats;
	if (o->output) {
		if (snprintf(r->path[0], sizeof r->path[0], "%s", o->output) >= (int)sizeof r->path[0]) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "the file name is too long");
			return SR_USAGE;
		}
		return SR_OK;
	}
	const char *dir = o->outdir ? o->outdir : ".";
	int year = report_year(p, ro);
	sr_status st = check_dir(dir, d);
	for (size_t i = 0; i < r->n && st == SR_OK; i++)
		if (render_path(r->path[i], sizeof r->path[i], dir, p->id, year, o->owner,
				o->formats[i]->ext) < 0) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0,
				 "the plan or owner id cannot be used in a file name; use -o FILE");
			st = SR_INVALID;
		}
	return st;
}

/* --matrix-level TYPE: *by_type and *t set, or left 0 for NULL.  A group
 * is no level: its members are the owners. */
static sr_status matrix_level(const char *type, int *by_type, owner_type *t, diag *d)
{
	if (!type)
		return SR_OK;
	if (model_owner_type_parse(type, t) < 0 || *t == OWNER_GROUP) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "--matrix-level %s: use rhf, hf or other", type);
		return SR_USAGE;
	}
	*by_type = 1;
	return SR_OK;
}

/* A board paper's case details into ro: the file's, with the options'
 * over them.  *cf holds the file's texts; the caller frees it
 * (case_file_free) after the report. */
static sr_status case_details(const sr_case *c, report_opts *ro, case_file **cf, diag *d)
{
	*cf = NULL;
	if (c->file) {
		sr_status st = case_file_load(cf, c->file, d);
		if (st != SR_OK)
			return st;
		ro->case_number = (*cf)->number;
		ro->meeting_date = (*cf)->meeting_date;
		ro->case_officer = (*cf)->officer;
		ro->archive_ref = (*cf)->archive_ref;
		ro->resolution = (*cf)->resolution;
	}
	if (c->number)
		ro->case_number = c->number;
	if (c->meeting_date)
		ro->meeting_date = c->meeting_date;
	if (c->officer)
		ro->case_officer = c->officer;
	if (c->archive_ref)
		ro->archive_ref = c->archive_ref;
	if (c->resolution)
		ro->resolution = c->resolution;
	return SR_OK;
}

sr_status sr_render(const sr_render_opts *o, sr_render_result *r, diag *d)
{
	case_file *cf = NULL;
	input in;
	template *tpl = NULL;
	render_formats f;
	report_opts ro = {.year = o->year, .lang = o->lang, .pdfa = o->pdfa};
	r->n = 0;
	if (matrix_level(o->matrix_level, &ro.matrix_by_type, &ro.matrix_type, d) != SR_OK)
		return finish(SR_USAGE, d);
	render_formats_init(&f, o->formats, o->nformats, font_dirs());
	/* the engines open beside the reading of the input */
	if (!o->dump)
		render_formats_start(&f);
	sr_status st = input_open(&in, &o->in, o->template_name, d);
	if (st == SR_OK)
		st = case_details(&o->case_details, &ro, &cf, d);
	if (st == SR_OK)
		st = report_time(&ro.now, d);
	if (st == SR_OK)
		st = render_template(o, &in, &ro, &tpl, d);
	if (st == SR_OK && o->dump) {
		st = dump_tree(in.p, &ro, o->dump_style, o->dump, d);
	} else if (st == SR_OK && (st = render_names(o, in.p, &ro, r, d)) == SR_OK) {
		const char *paths[BACKEND_MAX];
		for (size_t i = 0; i < r->n; i++)
			paths[i] = r->path[i];
		st = render_report(in.p, &ro, &f, paths, o->in.names, sysconf(_SC_NPROCESSORS_ONLN) > 1,
				   d);
	}
	if (st != SR_OK)
		r->n = 0;
	render_formats_close(&f);
	template_free(tpl);
	case_file_free(cf);
	input_close(&in);
	return finish(st, d);
}

/* Room for every owner of p, the caller's to free; NULL (and the message)
 * when out of memory. */
static const owner **owner_array(const plan *p, diag *d)
{
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	const owner **owners = xcalloc(p->nowners + 1, sizeof *owners);
	if (!owners)
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
	return owners;
}

/* Every owner of the type the word type names (NULL: hf) into owners, *n
 * of them.  SR_USAGE for a word that is no type, and when no owner has
 * it: a command that would then write nothing (or only the regional
 * report) is not what was asked; by_id is the option that picks owners
 * by id instead. */
static sr_status owners_of_type(const plan *p, const char *type, const char *by_id,
				const owner **owners, size_t *n, diag *d)
{
	type = type ? type : "hf";
	owner_type t;
	if (model_owner_type_parse(type, &t) < 0) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "--type %s: use rhf, hf, group or other", type);
		return SR_USAGE;
	}
	for (size_t i = 0; i < p->nowners; i++)
		if (p->owners[i]->type == t)
			owners[(*n)++] = p->owners[i];
	if (!*n) {
		char have[64];
		model_owner_types(p, have, sizeof have);
		diag_add(d, DIAG_ERROR, NULL, 0, 0,
			 "no owner in the plan is of type %s (its owners are of type %s); "
			 "choose with --type or %s", type, have, by_id);
		return SR_USAGE;
	}
	return SR_OK;
}

/* The owners of a batch: those named in o->owners, else every owner of
 * o->type.  *out: n of them, the caller's to free. */
static sr_status batch_owners(const sr_batch_opts *o, const plan *p, const owner ***out, size_t *n,
			      diag *d)
{
	sr_status st = SR_OK;
	const owner **owners = *out = owner_array(p, d);
	*n = 0;
	if (!owners)
		return SR_SYSTEM;
	if (o->owners) {
		for (const char *s = o->owners; *s;) {
			size_t len = strcspn(s, ",");
			char id[256];
			snprintf(id, sizeof id, "%.*s", (int)(len < 255 ? len : 255), s);
			const owner *ow = model_owner(p, id);
			if (!ow) {
				diag_add(d, DIAG_ERROR, NULL, 0, 0, "--owners: \"%s\" is not an owner in the plan", id);
				st = SR_USAGE;
			} else if (*n < p->nowners) {
				owners[(*n)++] = ow;
			}
			s += len;
			if (*s == ',')
				s++;
		}
		return st;
	}
	return owners_of_type(p, o->type, "--owners", owners, n, d);
}

/* The owners forms are for: the one named by o->owner, else every owner of
 * o->type.  *out: n of them, the caller's to free. */
static sr_status form_owners(const sr_form_opts *o, const plan *p, const owner ***out, size_t *n,
			     diag *d)
{
	const owner **owners = *out = owner_array(p, d);
	*n = 0;
	if (!owners)
		return SR_SYSTEM;
	if (!o->owner)
		return owners_of_type(p, o->type, "--owner", owners, n, d);
	if (!(owners[0] = model_owner(p, o->owner))) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "--owner %s: no such owner in the plan", o->owner);
		return SR_USAGE;
	}
	*n = 1;
	return SR_OK;
}

sr_status sr_batch(const sr_batch_opts *o, sr_batch_result *r, diag *d)
{
	input in;
	template *tpl = NULL, *regional = NULL;
	const owner **owners = NULL;
	case_file *cf = NULL;
	size_t n = 0;
	batch_opts bo = {
		.outdir = o->outdir,
		.formats = o->formats,
		.nformats = o->nformats,
		.workers = o->jobs,
		.shard_k = o->shard_k ? o->shard_k : 1,
		.shard_n = o->shard_n ? o->shard_n : 1,
		.year = o->year,
		.lang = o->lang,
		.inputs = o->in.names,
		.font_dirs = font_dirs(),
		.progress = o->progress,
		.pdfa = o->pdfa,
	};
	memset(r, 0, sizeof *r);
	if (matrix_level(o->matrix_level, &bo.matrix_by_type, &bo.matrix_type, d) != SR_OK)
		return finish(SR_USAGE, d);
	sr_status st = input_open(&in, &o->in, o->template_name, d);
	if (st == SR_OK)
		st = case_details(&o->case_details, &bo.case_details, &cf, d);
	if (st == SR_OK)
		st = report_time(&bo.now, d);
	if (st != SR_OK)
		goto done;
	if (!bo.workers) {
		long cores = sysconf(_SC_NPROCESSORS_ONLN);
		bo.workers = cores < 1 ? 1 : cores > 64 ? 64 : (int)cores;
	}
	if ((st = check_year(in.p, o->year, d)) != SR_OK)
		goto done;
	if ((st = template_load(&tpl, in.tschema, o->template_name ? o->template_name : "helseforetak",
				d)) != SR_OK ||
	    (st = template_load(&regional, in.tschema, TEMPLATE_DEFAULT, d)) != SR_OK ||
	    (o->logo && ((st = template_set_logo(tpl, o->logo, d)) != SR_OK ||
			 (st = template_set_logo(regional, o->logo, d)) != SR_OK)) ||
	    (st = batch_owners(o, in.p, &owners, &n, d)) != SR_OK || (st = check_dir(o->outdir, d)) != SR_OK)
		goto done;
	batch_result res;
	st = batch_run(in.p, tpl, regional, owners, n, &bo, &res, d);
	*r = (sr_batch_result){1, res.jobs, res.ok, res.failed, res.files};
done:
	xfree(owners);
	case_file_free(cf);
	template_free(tpl);
	template_free(regional);
	input_close(&in);
	return finish(st, d);
}

sr_status sr_form(const sr_form_opts *o, sr_form_result *r, diag *d)
{
	input in;
	form_opts fo = {.year = o->year, .lang = o->lang, .deadline = o->deadline,
			.contact = o->contact};
	const owner **owners = NULL;
	size_t n = 0;
	memset(r, 0, sizeof *r);
	sr_status st = input_open(&in, &o->in, NULL, d);
	if (st == SR_OK)
		st = report_time(&fo.now, d);
	if (st == SR_OK)
		st = check_year(in.p, o->year, d);
	if (st == SR_OK)
		st = check_dir(o->outdir, d);
	if (st == SR_OK) {
		r->ran = 1;
		st = form_owners(o, in.p, &owners, &n, d);
	}
	if (st == SR_OK)
		st = form_write_all(in.p, owners, n, &fo, o->xml, o->outdir, o->in.names,
				    &r->written, &r->total, d);
	xfree(owners);
	input_close(&in);
	return finish(st, d);
}

sr_status sr_import(const sr_import_opts *o, sr_import_result *r, diag *d)
{
	input in;
	import_result ir = {0};
	time_t now;
	memset(r, 0, sizeof *r);
	sr_status st = input_open(&in, NULL, NULL, d);
	if (st == SR_OK)
		st = report_time(&now, d);
	if (st == SR_OK)
		st = import_file(o->form, o->plan, in.schema, o->output, now, &ir, d);
	if (st == SR_OK) {
		snprintf(r->owner_id, sizeof r->owner_id, "%s", ir.owner_id);
		r->year = ir.year;
		r->nstatuses = ir.nstatuses;
		r->nvalues = ir.nvalues;
	}
	input_close(&in);
	return finish(st, d);
}

sr_status sr_collect(const sr_collect_opts *o, diag *d)
{
	input in;
	collect_opts co = {.year = o->year, .deadline = o->deadline, .ods = o->ods,
			   .output = o->output, .lang = o->lang};
	buf text = BUF_INIT;
	int complete = 0;
	sr_status st = input_open(&in, NULL, NULL, d);
	if (st == SR_OK)
		st = report_time(&co.now, d);
	if (st == SR_OK)
		st = collect_report(in.schema, o->in.names, (size_t)o->in.n, &co, &text, &complete, d);
	if (text.len && fwrite(text.data, 1, text.len, o->out) != text.len)
		st = sr_worse(st, SR_SYSTEM);
	buf_free(&text);
	if (st == SR_OK && complete < 0)
		st = SR_INVALID; /* a conflict or an invalid file */
	else if (st == SR_OK && !complete)
		st = SR_PENDING;
	input_close(&in);
	return finish(st, d);
}
