/* test_pdfenc.c: the style's status symbols take CP1252's unused codes in
 * the style's order, CP1252 keeps its own bytes, a style with more new
 * characters than free codes gets none, PDF/A takes only symbols with a
 * name in the Adobe Glyph List, and libharu's encoder of a
 * document gives the codes their characters (its widths and /Differences
 * follow from that). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <hpdf.h>

#include "doc/style.h"
#include "pdf/pdfenc.h"

static void test_default_symbols(void **state)
{
	(void)state;
	doc_style st;
	doc_style_fill(&st, NULL);
	pdfenc e;
	assert_int_equal(pdfenc_init(&e, &st, 1), 0);
	assert_int_equal(e.n, 5); /* □ ► ♦ ▲ ●; × is CP1252's 0xD7 */
	assert_int_equal(pdfenc_byte(&e, 0x25A1), 0x81);
	assert_int_equal(pdfenc_byte(&e, 0x25BA), 0x8D);
	assert_int_equal(pdfenc_byte(&e, 0x25CF), 0x9D);
	assert_int_equal(pdfenc_byte(&e, 0xD7), 0xD7);
	assert_int_equal(pdfenc_byte(&e, 0x20AC), 0x80); /* € */
	assert_int_equal(pdfenc_byte(&e, 0x0161), 0x9A); /* š */
	assert_int_equal(pdfenc_byte(&e, 0x014B), 0);    /* ŋ: none */
	assert_int_equal(pdfenc_byte(NULL, 0x25A1), 0);  /* CP1252 alone */
}

static void test_too_many(void **state)
{
	(void)state;
	doc_style over, st;
	doc_style_unset(&over);
	static const char *const six[DOC_STATUSES] = {"\xE2\x97\x8B", "\xE2\x97\x8A", "\xE2\x96\xA0",
						      "\xE2\x96\xBC", "\xE2\x96\xBA", "\xE2\x97\x84", "x"};
	memcpy(over.status_symbol, six, sizeof six);
	doc_style_fill(&st, &over);
	pdfenc e;
	assert_int_equal(pdfenc_init(&e, &st, 1), -1);
	assert_int_equal(e.n, 0);
	assert_int_equal(pdfenc_byte(&e, 0x25CB), 0);
}

/* PDF/A wants every name in /Differences from the Adobe Glyph List: a
 * symbol without one (U+2B24, black large circle) gets a code only
 * outside PDF/A, where it is named uni2B24. */
static void test_listed_only(void **state)
{
	(void)state;
	doc_style over, st;
	doc_style_unset(&over);
	over.status_symbol[2] = "\xE2\xAC\xA4";
	doc_style_fill(&st, &over);
	/* a report's tree carries its own status set's symbols only */
	for (int i = DOC_STATUS_SET2; i < DOC_STATUSES; i++)
		st.status_symbol[i] = "";
	pdfenc e;
	assert_int_equal(pdfenc_init(&e, &st, 1), -1);
	assert_int_equal(e.n, 0);
	assert_int_equal(pdfenc_init(&e, &st, 0), 0);
	assert_int_equal(pdfenc_byte(&e, 0x2B24), 0x8D);
}

static void test_encoder(void **state)
{
	(void)state;
	doc_style st;
	doc_style_fill(&st, NULL);
	pdfenc e;
	assert_int_equal(pdfenc_init(&e, &st, 1), 0);
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	assert_non_null(pdf);
	assert_int_equal(pdfenc_apply(&e, pdf), 0);
	HPDF_Encoder enc = HPDF_GetEncoder(pdf, "CP1252");
	assert_non_null(enc);
	assert_int_equal(HPDF_Encoder_GetUnicode(enc, 0x81), 0x25A1);
	assert_int_equal(HPDF_Encoder_GetUnicode(enc, 0x90), 0x25B2);
	assert_int_equal(HPDF_Encoder_GetUnicode(enc, 0x80), 0x20AC);
	HPDF_Free(pdf);
	/* another document's encoder is CP1252's own */
	pdf = HPDF_New(NULL, NULL);
	assert_non_null(pdf);
	enc = HPDF_GetEncoder(pdf, "CP1252");
	assert_int_equal(HPDF_Encoder_GetUnicode(enc, 0x81), 0);
	HPDF_Free(pdf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_symbols),
		cmocka_unit_test(test_too_many),
		cmocka_unit_test(test_listed_only),
		cmocka_unit_test(test_encoder),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
