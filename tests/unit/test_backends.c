/* test_backends.c: a format is one file and one row.  The text format here
 * exists only in this test: its row is handed to the same render path as
 * the table's (render.h), beside the PDF and the ODT, and its file must
 * appear with theirs, hold the report's text, and go with theirs when one
 * fails.  Also the table's look-ups. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "app/backends.h"
#include "app/render.h"
#include "base/xalloc.h"
#include "doc/doc.h"
#include "input/plan_xml.h"
#include "input/template.h"
#include "input/validate.h"
#include "odf/odt.h"
#include "pdf/pdf.h"

/* ---- the text format: the tree's words, a line per block ---- */

static sr_status text_render(void *engine, doc *tree, int give, buf *out, diag *d)
{
	(void)engine;
	(void)d;
	doc_iter it;
	const doc_node *n;
	doc_event ev;
	doc_iter_init(&it, tree->root);
	while ((ev = doc_iter_next(&it, &n)) != DOC_EV_DONE) {
		if (ev == DOC_EV_ENTER && n->type == DOC_TEXT)
			buf_put(out, n->u.text.text, n->u.text.len);
		else if (ev == DOC_EV_EXIT && (n->type == DOC_PARAGRAPH || n->type == DOC_HEADING))
			buf_put(out, "\n", 1);
		else if (ev == DOC_EV_EXIT && n->type == DOC_CELL)
			buf_put(out, "\t", 1);
	}
	if (give)
		backend_tree_free(tree);
	return SR_OK;
}

static const backend backend_text = {
	.name = "txt",
	.ext = "txt",
	.media_type = "text/plain",
	.render = text_render,
};

/* A format that always fails, to show the others' files go with it. */
static sr_status broken_render(void *engine, doc *tree, int give, buf *out, diag *d)
{
	(void)engine;
	(void)out;
	if (give)
		backend_tree_free(tree);
	diag_add(d, DIAG_ERROR, NULL, 0, 0, "the broken format fails");
	return SR_SYSTEM;
}

static const backend backend_broken = {
	.name = "broken",
	.ext = "broken",
	.media_type = "application/octet-stream",
	.render = broken_render,
};

/* ---- the sample, read as the render command reads it ---- */

typedef struct fixture {
	xmlin_schema *schema;
	plan *p;
	template *tpl;
	char dir[64];
} fixture;

static int setup(void **state)
{
	static fixture fx;
	const char *top = getenv("SR_TOP");
	char path[4096];
	diag d;
	diag_init(&d);
	memset(&fx, 0, sizeof fx);
	if (plan_schema_load(&fx.schema, &d) != SR_OK)
		return -1;
	snprintf(path, sizeof path, "%s/samples/handlingsplan-forskning-2023-2026.xml", top ? top : ".");
	sr_status st = plan_read(&fx.p, fx.schema, path, &d);
	static const char *const who[] = {"hmn", "hmr", "hnt", "stolav"};
	for (size_t i = 0; i < 4 && st == SR_OK; i++) {
		snprintf(path, sizeof path, "%s/samples/status-2024-%s.xml", top ? top : ".", who[i]);
		st = plan_merge_status(fx.p, fx.schema, path, &d);
	}
	if (st == SR_OK)
		st = validate_plan(fx.p, &d);
	if (st == SR_OK)
		st = template_load(&fx.tpl, NULL, TEMPLATE_DEFAULT, &d);
	diag_print(&d, stderr);
	diag_free(&d);
	snprintf(fx.dir, sizeof fx.dir, "/tmp/sr-backends-XXXXXX");
	if (st != SR_OK || !mkdtemp(fx.dir))
		return -1;
	*state = &fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;
	rmdir(fx->dir);
	template_free(fx->tpl);
	plan_free(fx->p);
	xmlin_schema_free(fx->schema);
	return 0;
}

static char *slurp(const char *path, size_t *len)
{
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
		free(s);
		s = NULL;
	}
	if (s)
		s[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return s;
}

/* The rows given, rendered as one report into fx->dir as
 * report.EXT, one after the other or (parallel) beside each other. */
static sr_status render_rows(fixture *fx, const backend *const *rows, size_t n, int parallel,
			     char paths[][128], diag *d)
{
	render_formats f;
	const char *path[BACKEND_MAX];
	render_formats_init(&f, rows, n, NULL);
	for (size_t i = 0; i < n; i++) {
		snprintf(paths[i], 128, "%s/report.%s", fx->dir, rows[i]->ext);
		path[i] = paths[i];
	}
	report_opts ro = {.now = 1700000000, .tpl = fx->tpl};
	sr_status st = render_report(fx->p, &ro, &f, path, NULL, parallel, d);
	render_formats_close(&f);
	return st;
}

static void text_beside_the_others(void **state)
{
	fixture *fx = *state;
	static const backend *const rows[] = {&backend_odt, &backend_text, &backend_pdf};
	for (int parallel = 0; parallel < 2; parallel++) {
		char paths[3][128];
		diag d;
		diag_init(&d);
		assert_int_equal(render_rows(fx, rows, 3, parallel, paths, &d), SR_OK);
		assert_int_equal(d.errors, 0);
		diag_free(&d);
		size_t len[3];
		char *body[3];
		for (int i = 0; i < 3; i++) {
			body[i] = slurp(paths[i], &len[i]);
			assert_non_null(body[i]);
			assert_true(len[i] > 0);
		}
		assert_memory_equal(body[0], "PK", 2);
		assert_memory_equal(body[2], "%PDF-", 5);
		/* the sample's measures, as the plan words them */
		assert_non_null(strstr(body[1], "Tilrettelegge for elektronisk samtykke til å delta i "
						"kliniske studier"));
		assert_non_null(strstr(body[1], "Ta i bruk muligheter i Helseplattformen"));
		for (int i = 0; i < 3; i++) {
			free(body[i]);
			assert_int_equal(remove(paths[i]), 0);
		}
	}
}

static void one_fails_none_written(void **state)
{
	fixture *fx = *state;
	static const backend *const rows[] = {&backend_odt, &backend_text, &backend_broken};
	for (int parallel = 0; parallel < 2; parallel++) {
		char paths[3][128];
		diag d;
		diag_init(&d);
		assert_int_equal(render_rows(fx, rows, 3, parallel, paths, &d), SR_SYSTEM);
		assert_int_equal(d.errors, 1);
		assert_string_equal(d.msgs[0].text, "the broken format fails");
		diag_free(&d);
		for (int i = 0; i < 3; i++)
			assert_int_equal(access(paths[i], F_OK), -1);
	}
}

static void table_lookups(void **state)
{
	(void)state;
	assert_ptr_equal(backends_find("pdf", 3), &backend_pdf);
	assert_ptr_equal(backends_find("odt,pdf", 3), &backend_odt);
	assert_null(backends_find("txt", 3)); /* registered only in this test */
	assert_null(backends_find("pd", 2));
	assert_ptr_equal(backends_for_path("out/X.PDF"), &backend_pdf);
	assert_ptr_equal(backends_for_path("report.odt"), &backend_odt);
	assert_null(backends_for_path("report.txt"));
	assert_null(backends_for_path("dir.pdf/report"));
	char names[64];
	assert_string_equal(backends_names(names, sizeof names, ", "), "docx, html, odt, pdf");
	assert_string_equal(backends_names(names, 6, ","), "docx,"); /* cut short */
	size_t n = 0;
	for (const backend *const *b = backends; *b; b++, n++) {
		assert_non_null((*b)->name);
		assert_non_null((*b)->ext);
		assert_non_null((*b)->media_type);
		assert_true((*b)->render != NULL || (*b)->render_doc != NULL);
	}
	assert_true(n >= 2 && n <= BACKEND_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(table_lookups),
		cmocka_unit_test(text_beside_the_others),
		cmocka_unit_test(one_fails_none_written),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
