/* statusrapport.h: the library as a program uses it -- one call per
 * command (validate, render, batch, form, import, collect), each taking
 * its options as a struct (designated initialisers; a field left zero
 * takes its default) and adding its messages to a diag that the caller
 * prints once.  The status returned is the process's exit code
 * (sr.h).  The output formats are the rows of the backend table
 * (backends.h).  The command line (app/cli.c) includes only this. */
#ifndef STATUSRAPPORT_H
#define STATUSRAPPORT_H

#include <stddef.h>
#include <stdio.h>

#include "app/backends.h"
#include "base/diag.h"
#include "base/sr.h"

/* Once per process, before any command: libxml2 allocates through the
 * library's allocator and says nothing except through the diags.
 * sr_cleanup at the end. */
void sr_init(void);
void sr_cleanup(void);

/* Whether s is a real calendar date, YYYY-MM-DD (for --deadline). */
int sr_date_valid(const char *s);

/* The files of a run: the plan first, then status files.  Never
 * overwritten by an output. */
typedef struct sr_files {
	const char *const *names; /* n of them, then NULL */
	int n; /* >= 1 */
} sr_files;

typedef struct sr_validate_opts {
	sr_files in;
	const char *template_name; /* also check this template; NULL: none */
} sr_validate_opts;

typedef struct sr_validate_result {
	size_t nmeasures, nowners;
} sr_validate_result;

/* Check the files (and the template); every problem is in d. */
sr_status sr_validate(const sr_validate_opts *o, sr_validate_result *r, diag *d);

/* A board paper's case details, each NULL when not given: a file
 * (schema/case.rng) and the options that win over it. */
typedef struct sr_case {
	const char *file;
	const char *number, *meeting_date, *officer, *archive_ref, *resolution;
} sr_case;

typedef struct sr_render_opts {
	sr_files in;
	const backend *formats[BACKEND_MAX]; /* in the table's order */
	size_t nformats;           /* >= 1 */
	const char *output;        /* the one format's file (nformats == 1), or
				    * NULL: into outdir */
	const char *outdir;        /* PLAN-YEAR[-OWNER].EXT here (NULL: ".") */
	const char *template_name; /* NULL: by --owner, else the default */
	const char *owner;         /* an owner's own report */
	const char *matrix_level;  /* the status matrix's owners by type (rhf, hf,
				    * other); NULL: those under the plan's organisation */
	const char *lang;          /* nb, nn, en; NULL: the template's */
	int year;                  /* 0: the latest with a status */
	int pdfa;                  /* tagged PDF/A-2a */
	const char *logo;          /* a PNG or JPEG in place of the template's
				    * logo; NULL: the template's, if any */
	FILE *dump;                /* the tree printed here instead of files */
	int dump_style;            /* with dump: the tree's house style instead */
	sr_case case_details;      /* a board paper's header and resolution */
} sr_render_opts;

typedef struct sr_render_result {
	size_t n;                  /* the files written, in the formats' order */
	char path[BACKEND_MAX][4096];
} sr_render_result;

/* Write one report, every file or none. */
sr_status sr_render(const sr_render_opts *o, sr_render_result *r, diag *d);

typedef struct sr_batch_opts {
	sr_files in;
	const backend *formats[BACKEND_MAX];
	size_t nformats;           /* >= 1 */
	const char *outdir;        /* required */
	const char *template_name; /* the owners' reports; NULL: helseforetak */
	const char *owners;        /* "id,id"; NULL: by type */
	const char *type;          /* rhf, hf, group, other; NULL: hf */
	const char *matrix_level;  /* the regional report's matrix, as in render */
	const char *lang;
	int year;
	int jobs;                  /* worker processes; 0: the cores */
	int shard_k, shard_n;      /* part k of n (1-based); 0: all */
	int pdfa;
	const char *logo;          /* as in render, on every report */
	FILE *progress;            /* "[12/40] file" lines, or NULL */
	sr_case case_details;      /* for a board paper template, as in render */
} sr_batch_opts;

typedef struct sr_batch_result {
	int ran;                   /* the reports were started */
	int jobs, ok, failed, files;
} sr_batch_result;

/* One report per owner, and the regional report. */
sr_status sr_batch(const sr_batch_opts *o, sr_batch_result *r, diag *d);

typedef struct sr_form_opts {
	sr_files in;
	const char *outdir;        /* required */
	const char *owner;         /* only this owner's form */
	const char *type;          /* every owner of this type; NULL: hf */
	int year;
	const char *lang, *deadline, *contact;
	int xml;                   /* status files, not spreadsheets */
} sr_form_opts;

typedef struct sr_form_result {
	int ran;                   /* the forms were started */
	int written, total;
} sr_form_result;

/* The status forms, one per owner. */
sr_status sr_form(const sr_form_opts *o, sr_form_result *r, diag *d);

typedef struct sr_import_opts {
	const char *form;          /* .ods or .csv: a form, or indicator values */
	const char *plan;          /* check against this plan; NULL: none (a
				    * CSV of values needs it) */
	const char *output;        /* the status file, required */
} sr_import_opts;

typedef struct sr_import_result {
	char owner_id[128];
	int year;
	size_t nstatuses, nvalues;
} sr_import_result;

/* A filled-in form, or a CSV of indicator values, into a status file. */
sr_status sr_import(const sr_import_opts *o, sr_import_result *r, diag *d);

typedef struct sr_collect_opts {
	sr_files in;
	int year;
	const char *deadline;      /* YYYY-MM-DD or NULL */
	int ods;                   /* the overview as a spreadsheet too */
	const char *output;        /* where (needed with ods) */
	const char *lang;          /* nb, nn, en; NULL: the plan's */
	FILE *out;                 /* the overview's text */
} sr_collect_opts;

/* Who has answered: SR_OK only when every owner answered everything. */
sr_status sr_collect(const sr_collect_opts *o, diag *d);

#endif
