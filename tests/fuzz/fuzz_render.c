/* fuzz_render.c: libFuzzer harness over the whole pipeline in memory:
 * parse + schema + validation of a plan, then the report in every format
 * of the table.
 * Built by `make fuzz`; run by `make fuzz-run SECONDS=N` with the seed
 * corpus from samples/ and tests/bad/.  The schema, template and the
 * formats' engines are loaded once, as in a batch. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <libxml/parser.h>

#include "app/backends.h"
#include "base/buf.h"
#include "base/diag.h"
#include "input/plan_xml.h"
#include "report/report.h"
#include "input/template.h"
#include "input/validate.h"

static xmlin_schema *schema, *tschema;
static template *tpl;
static void *engine[BACKEND_MAX];

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	diag d;
	diag_init(&d);
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, quiet);
	if (plan_schema_load(&schema, &d) != SR_OK || template_schema_load(&tschema, &d) != SR_OK ||
	    template_load(&tpl, tschema, "arsrapport", &d) != SR_OK)
		abort();
	backend_env env = {0};
	for (size_t i = 0; i < BACKEND_MAX && backends[i]; i++)
		if (backends[i]->open && backends[i]->open(&engine[i], &env, &d) != SR_OK)
			abort();
	diag_free(&d);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag d;
	diag_init(&d);
	plan *p = NULL;
	if (plan_read_mem(&p, schema, "fuzz.xml", (const char *)data, size, &d) == SR_OK &&
	    validate_plan(p, &d) == SR_OK) {
		report_opts ro = {.tpl = tpl};
		doc *dd = NULL;
		if (report_build(p, &ro, &dd, &d) == SR_OK) {
			for (size_t i = 0; i < BACKEND_MAX && backends[i]; i++) {
				buf b = BUF_INIT;
				backend_render(backends[i], engine[i], dd, 0, &b, &d);
				buf_free(&b);
			}
		}
		doc_free(dd);
	}
	plan_free(p);
	diag_free(&d);
	return 0;
}
