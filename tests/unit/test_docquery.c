/* test_docquery.c: the tree questions every backend asks (docquery.c)
 * give one answer: header rows, the fill a cell shows, page breaks,
 * where a paragraph stands, column shares and widths. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "doc/doc.h"

/* A table of two columns weighted 1:3, one header row and two body rows;
 * the body's first cell filled with fill. */
static doc_node *small_table(doc *d, int fill)
{
	static const double w[] = {1, 3};
	doc_node *t = doc_append(d->root, doc_table(d, 2, w, 1, NULL, (srcpos){0}));
	for (int r = 0; r < 3; r++) {
		doc_node *row = doc_append(t, doc_row(d, 0));
		for (int c = 0; c < 2; c++) {
			doc_node *cell =
				doc_append(row, doc_cell(d, r == 1 && c == 0 ? fill : 0, DOC_LEFT));
			doc_append(cell, doc_para_text(d, DOC_P_BODY, "x", (srcpos){0}));
		}
	}
	return t;
}

static void test_header_rows_and_fills(void **state)
{
	(void)state;
	doc *d = doc_new();
	assert_non_null(d);
	int head = doc_add_fill(d, "head", "Head", 0xE8EDF2, 0);
	int green = doc_add_fill(d, "green", "Green", 0x00FF00, 0);
	d->style.header_fill = head;
	doc_node *t = small_table(d, green);
	const doc_node *r0 = t->first, *r1 = r0->next, *r2 = r1->next;
	assert_true(doc_row_is_header(r0));
	assert_false(doc_row_is_header(r1));
	assert_false(doc_row_is_header(r2));
	assert_int_equal(doc_cell_fill(d, r0->first, 1), head);
	assert_int_equal(doc_cell_fill(d, r1->first, 0), green);
	assert_int_equal(doc_cell_fill(d, r1->first->next, 0), 0);
	assert_false(doc_fill_valid(d, 0));
	assert_false(doc_fill_valid(d, 99));
	doc_place pl = doc_place_of(d, r1->first->first);
	assert_true(pl.in_cell);
	assert_false(pl.header);
	assert_int_equal(pl.fill, green);
	assert_false(pl.in_item);
	doc_free(d);
}

static void test_page_breaks(void **state)
{
	(void)state;
	doc *d = doc_new();
	assert_non_null(d);
	doc_node *pb = doc_append(d->root, doc_node_new(d, DOC_PAGE_BREAK, (srcpos){0}));
	doc_node *t = small_table(d, 0);
	assert_true(doc_breaks_before(t));
	assert_true(doc_break_is_carried(pb));
	doc_node *last = doc_append(d->root, doc_node_new(d, DOC_PAGE_BREAK, (srcpos){0}));
	assert_false(doc_break_is_carried(last));
	doc_free(d);
}

/* The title block a cover opens with its document type line: the rule
 * goes under its last subtitle, and a cover needs the break that ends
 * it. */
static void test_cover_title_block(void **state)
{
	(void)state;
	doc *d = doc_new();
	assert_non_null(d);
	const srcpos at = {0};
	doc_node *kind = doc_append(d->root, doc_para_text(d, DOC_P_SUBTITLE, "Statusrapport 2024", at));
	doc_node *title = doc_append(d->root, doc_para_text(d, DOC_P_TITLE, "Planen", at));
	doc_node *org = doc_append(d->root, doc_para_text(d, DOC_P_SUBTITLE, "RHF", at));
	doc_append(d->root, doc_para_text(d, DOC_P_NOTE, "Rapportdato", at));
	assert_true(doc_opens_title_block(kind));
	assert_false(doc_opens_title_block(title));
	assert_false(doc_ends_title_block(title));
	assert_true(doc_ends_title_block(org));
	d->cover = 1;
	const char *why = NULL;
	assert_int_equal(doc_check(d, &why), -1);
	doc_append(d->root, doc_node_new(d, DOC_PAGE_BREAK, at));
	assert_int_equal(doc_check(d, &why), 0);
	doc_free(d);
	/* a subtitle with no title after it opens nothing */
	d = doc_new();
	assert_non_null(d);
	kind = doc_append(d->root, doc_para_text(d, DOC_P_SUBTITLE, "Statusrapport 2024", at));
	doc_append(d->root, doc_para_text(d, DOC_P_BODY, "Tekst", at));
	assert_false(doc_opens_title_block(kind));
	assert_false(doc_ends_title_block(kind));
	doc_free(d);
}

static void test_columns(void **state)
{
	(void)state;
	doc *d = doc_new();
	assert_non_null(d);
	doc_node *t = small_table(d, 0);
	assert_true(doc_column_share(t, 0) == 0.25);
	assert_true(doc_column_share(t, 1) == 0.75);
	/* the narrow column takes what the wide one has to spare */
	double cw[] = {25, 75}, minw[] = {40, 10};
	assert_true(doc_columns_fit(cw, minw, 2, 0));
	assert_true(cw[0] == 40 && cw[1] == 60);
	/* too little to spare: unchanged, unless partial */
	double cw2[] = {25, 75}, minw2[] = {90, 70};
	assert_false(doc_columns_fit(cw2, minw2, 2, 0));
	assert_true(cw2[0] == 25 && cw2[1] == 75);
	assert_false(doc_columns_fit(cw2, minw2, 2, 1));
	assert_true(cw2[0] > 25 && cw2[1] == 70);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_rows_and_fills),
		cmocka_unit_test(test_page_breaks),
		cmocka_unit_test(test_cover_title_block),
		cmocka_unit_test(test_columns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
