/* fuzz_common.c: the setup and the render every harness shares (see
 * fuzz_common.h).  It holds no input kind's logic of its own. */
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>

#include <libxml/parser.h>

#include "app/backends.h"
#include "base/buf.h"
#include "base/xalloc.h"
#include "forms/import.h"
#include "input/plan_xml.h"
#include "input/validate.h"
#include "report/report.h"

#define SAMPLE_PLAN "samples/handlingsplan-forskning-2023-2026.xml"

static xmlin_schema *schema;
static template *annual; /* the built-in annual report */
static void *engine[BACKEND_MAX];
static char *sample;
static size_t sample_len;

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

void fuzz_init(void)
{
	diag d;
	diag_init(&d);
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, quiet);
	if (plan_schema_load(&schema, &d) != SR_OK)
		abort();
	if (template_load(&annual, NULL, "arsrapport", &d) != SR_OK)
		abort();
	backend_env env = {0};
	for (size_t i = 0; i < BACKEND_MAX && backends[i]; i++)
		if (backends[i]->open && backends[i]->open(&engine[i], &env, &d) != SR_OK)
			abort();
	diag_free(&d);
}

const xmlin_schema *fuzz_schema(void) { return schema; }

const template *fuzz_annual(void) { return annual; }

plan *fuzz_sample_plan(void)
{
	diag d;
	diag_init(&d);
	if (!sample) {
		const char *path = getenv("SR_FUZZ_PLAN");
		if (xmlin_slurp(path && *path ? path : SAMPLE_PLAN, &sample, &sample_len, &d) != SR_OK)
			abort();
	}
	plan *p = NULL;
	if (plan_read_mem(&p, schema, SAMPLE_PLAN, sample, sample_len, &d) != SR_OK ||
	    validate_plan(p, &d) != SR_OK)
		abort();
	diag_free(&d);
	return p;
}

void fuzz_render_all(const plan *p, const template *tpl, diag *d)
{
	report_opts ro = {.tpl = tpl};
	doc *dd = NULL;
	if (report_build(p, &ro, &dd, d) == SR_OK) {
		for (size_t i = 0; i < BACKEND_MAX && backends[i]; i++) {
			buf b = BUF_INIT;
			sr_status st = backend_render(backends[i], engine[i], dd, 0, &b, d);
			buf_free(&b);
			/* what validates must render: an input-borne refusal here
			 * is a check validate lacks, or a tree the builder got
			 * wrong (memory and size caps are SR_SYSTEM) */
			if (st == SR_INVALID) {
				diag_print(d, stderr);
				abort();
			}
		}
	}
	doc_free(dd);
}

void fuzz_import(const sheet_book *b, const char *file, diag *d)
{
	static plan *against;
	if (!against)
		against = fuzz_sample_plan();
	buf out = BUF_INIT;
	import_result r;
	if (import_book(b, file, against, FUZZ_NOW, &out, &r, d) == SR_OK) {
		plan *p = fuzz_sample_plan();
		diag check;
		diag_init(&check);
		if (plan_merge_status_mem(p, schema, "imported.xml", (const char *)out.data, out.len,
					  &check) != SR_OK ||
		    validate_plan(p, &check) != SR_OK) {
			diag_print(&check, stderr);
			abort();
		}
		diag_free(&check);
		plan_free(p);
	}
	buf_free(&out);
}
