/* test_typo.c: the typographic pass (src/report/typo.c).  The text rules
 * are rows of tests/unit/typo.txt; the C functions here are what a row
 * cannot say: a quote across two text nodes, a link's target left alone,
 * malformed UTF-8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "casefile.h"
#include "doc/chart.h"
#include "report/typo.h"

/* Every row of tests/unit/typo.txt; each failure is reported by its line. */
static void typo_table(void **state)
{
	(void)state;
	char path[4096], line[1024];
	FILE *f = casefile_open("typo.txt", path, sizeof path);
	assert_non_null(f);
	int lineno = 0, rows = 0, bad = 0;
	buf out = BUF_INIT;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		char *fld[3];
		const char *why = NULL;
		int n = casefile_fields(line, fld, NULL, 3, &why);
		if (n == 0)
			continue;
		if (n != 3) {
			fprintf(stderr, "%s:%d: %s\n", path, lineno,
				why ? why : "want a language, a text and its typographic form");
			bad++;
			continue;
		}
		rows++;
		out.len = 0;
		uint32_t prev = 0;
		typo_text(&out, fld[1], strlen(fld[1]), fld[0], &prev);
		char *got = buf_cstr(&out);
		if (strcmp(got ? got : "", fld[2]) != 0) {
			fprintf(stderr, "%s:%d: %s \"%s\": got \"%s\", want \"%s\"\n", path, lineno,
				fld[0], fld[1], got, fld[2]);
			bad++;
		}
	}
	fclose(f);
	buf_free(&out);
	assert_true(rows > 0);
	if (bad) {
		fprintf(stderr, "%s: %d failures in %d rows\n", path, bad, rows);
		fail();
	}
}

/* A quote that opens in one text and closes in the next (an emphasis
 * between them), and a link: its text is set, its target is not. */
static void across_nodes(void **state)
{
	(void)state;
	srcpos z = {0};
	doc *d = doc_new();
	assert_non_null(d);
	doc_node *p = doc_append(d->root, doc_para(d, DOC_P_BODY, z));
	doc_add_text(d, p, "Se \"");
	doc_add_text(d, doc_append(p, doc_node_new(d, DOC_EMPH, z)), "planen");
	doc_add_text(d, p, "\" for 2023-2026: ");
	doc_node *lk = doc_append(p, doc_node_new(d, DOC_LINK, z));
	lk->u.link.href = "https://example.org/plan-2023-2026.pdf?\"a\"";
	doc_add_text(d, lk, "Plan 2023-2026");
	typo_doc(d, "nb");
	assert_false(doc_failed(d));
	char *all = doc_flatten(&d->arena, d->root, DOC_WS_KEEP);
	assert_string_equal(all, "Se «planen» for 2023\xE2\x80\x93\xE2\x81\xA0"
				 "2026: Plan 2023\xE2\x80\x93\xE2\x81\xA0" "2026");
	assert_string_equal(lk->u.link.href, "https://example.org/plan-2023-2026.pdf?\"a\"");
	doc_free(d);
}

/* A chart's words are set as the text is, but without word joiners: a
 * chart draws its labels itself, and its fonts have no glyph for one. */
static void chart_words(void **state)
{
	(void)state;
	srcpos z = {0};
	doc *d = doc_new();
	assert_non_null(d);
	doc_chart *ch = arena_alloc(&d->arena, sizeof *ch);
	assert_non_null(ch);
	memset(ch, 0, sizeof *ch);
	ch->title = "Økt med 5% 2023-2026";
	doc_node *n = doc_append(d->root, doc_node_new(d, DOC_CHART, z));
	n->u.chart.chart = ch;
	n->u.chart.alt = "St. Olavs";
	typo_doc(d, "nb");
	assert_string_equal(ch->title, "Økt med 5\xC2\xA0% 2023\xE2\x80\x93" "2026");
	assert_string_equal(n->u.chart.alt, "St.\xC2\xA0Olavs");
	doc_free(d);
}

/* Bytes that are no UTF-8 come out as they went in, and a range or a
 * quote beside them is still set. */
static void malformed(void **state)
{
	(void)state;
	buf out = BUF_INIT;
	uint32_t prev = 0;
	const char in[] = "\xFF\xC3 \"x\" 1-2";
	typo_text(&out, in, sizeof in - 1, "nb", &prev);
	assert_string_equal(buf_cstr(&out), "\xFF\xC3 \xC2\xABx\xC2\xBB 1\xE2\x80\x93\xE2\x81\xA0" "2");
	buf_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(typo_table),
		cmocka_unit_test(across_nodes),
		cmocka_unit_test(malformed),
		cmocka_unit_test(chart_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
