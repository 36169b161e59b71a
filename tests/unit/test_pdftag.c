/* Unit tests: the tagged PDF/A-2a render (issue 9) of the sample tree the
 * layout tests use (tests/unit/sample_doc.h: headings, lists, a long table,
 * links, the TOC).  With SR_PDFA_OUT / SR_PDFA_OUT_UTF8 set, the CP1252 and
 * the UTF-8 (Sami letters) renders are written there for tests/e2e/pdfa.sh
 * to judge with the ledger, tests/pdfa_check.py. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/pdf.h"
#include "buf_has.h"
#include "sample_doc.h"

static void save(const buf *b, const char *env)
{
	const char *path = getenv(env);
	FILE *f = path ? fopen(path, "wb") : NULL;
	if (f) {
		fwrite(b->data, 1, b->len, f);
		fclose(f);
	}
}

static void render_both(int sami, const char *env)
{
	diag dg;
	diag_init(&dg);
	pdf_engine *e = NULL;
	assert_int_equal(pdf_engine_open(&e, NULL, &dg), SR_OK);
	doc *d = sample_doc(60, sami);
	buf a = BUF_INIT, b = BUF_INIT;
	/* off by default: no structure tree */
	assert_int_equal(pdf_render(e, d, &a, &dg), SR_OK);
	assert_false(buf_has(&a, "/StructTreeRoot"));
	a.len = 0;
	d->style.pdfa = 1;
	assert_int_equal(pdf_render(e, d, &a, &dg), SR_OK);
	assert_int_equal(pdf_render(e, d, &b, &dg), SR_OK);
	assert_memory_equal(a.data, "%PDF-1.7", 8);
	assert_true(buf_has(&a, "/StructTreeRoot"));
	assert_true(buf_has(&a, "/MarkInfo"));
	assert_true(buf_has(&a, "<pdfaid:conformance>A</pdfaid:conformance>"));
	assert_true(buf_has(&a, "/GTS_PDFA1"));
	assert_true(buf_has(&a, "/ID ["));
	/* deterministic: the /ID comes from the inputs, not the clock */
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	save(&a, env);
	buf_free(&a);
	buf_free(&b);
	doc_free(d);
	pdf_engine_close(e);
	diag_free(&dg);
}

static void test_pdfa_cp1252(void **state)
{
	(void)state;
	render_both(0, "SR_PDFA_OUT");
}

static void test_pdfa_utf8(void **state)
{
	(void)state;
	render_both(1, "SR_PDFA_OUT_UTF8");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pdfa_cp1252),
		cmocka_unit_test(test_pdfa_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
