/* test_pdffont.c: a face loaded from memory (pdffont_load) makes the same
 * PDF as libharu's own HPDF_LoadTTFontFromFile -- the same definition and
 * the same subset tags, in CP1252 and in UTF-8, with two faces so the tag
 * sequence is exercised -- and a file that is not a face is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <hpdf.h>

#include "base/buf.h"
#include "buf_has.h"
#include "pdf/fonts.h"
#include "pdf/pdffont.h"

static HPDF_STATUS last_error;

static void on_error(HPDF_STATUS e, HPDF_STATUS detail, void *data)
{
	(void)detail, (void)data;
	last_error = e;
}

/* One page with a line in each of the family's regular and bold faces,
 * loaded one way or the other, saved into out. */
static void make(const font_family *fam, int from_memory, int utf8, buf *out)
{
	HPDF_Doc pdf = HPDF_New(on_error, NULL);
	assert_non_null(pdf);
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	if (utf8) {
		HPDF_UseUTFEncodings(pdf);
		HPDF_SetCurrentEncoder(pdf, "UTF-8");
	}
	HPDF_Page page = HPDF_AddPage(pdf);
	HPDF_Page_BeginText(page);
	for (int f = FONT_REGULAR; f <= FONT_BOLD; f++) {
		const font_face *ff = &fam->face[f];
		const char *name = from_memory ? pdffont_load(pdf, ff->file, ff->filelen)
					       : HPDF_LoadTTFontFromFile(pdf, ff->path, HPDF_TRUE);
		assert_non_null(name);
		HPDF_Font font = HPDF_GetFont(pdf, name, utf8 ? "UTF-8" : "CP1252");
		assert_non_null(font);
		HPDF_Page_SetFontAndSize(page, font, 12);
		HPDF_Page_TextOut(page, 50, (HPDF_REAL)(700 - 20 * f),
				  utf8 ? "Bl\xc3\xa5" "b\xc3\xa6r \xc5\x8a" : "Bl\xe5" "b\xe6r");
	}
	HPDF_Page_EndText(page);
	assert_int_equal(HPDF_SaveToStream(pdf), HPDF_OK);
	HPDF_ResetStream(pdf);
	for (;;) {
		HPDF_BYTE chunk[4096];
		HPDF_UINT32 n = sizeof chunk;
		HPDF_STATUS st = HPDF_ReadFromStream(pdf, chunk, &n);
		buf_put(out, chunk, n);
		if (st == HPDF_STREAM_EOF)
			break;
		assert_int_equal(st, HPDF_OK);
	}
	HPDF_Free(pdf);
}

static const font_family *family(fonts **fs)
{
	diag d;
	diag_init(&d);
	assert_int_equal(fonts_open(fs, NULL, &d), SR_OK);
	const font_family *fam = NULL;
	assert_int_equal(fonts_family(*fs, NULL, &fam, &d), SR_OK);
	diag_free(&d);
	return fam;
}

static void same_pdf(int utf8)
{
	fonts *fs = NULL;
	const font_family *fam = family(&fs);
	buf a = BUF_INIT, b = BUF_INIT;
	make(fam, 0, utf8, &a);
	make(fam, 1, utf8, &b);
	assert_true(a.len > 1000);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	/* two faces, two tags */
	assert_true(buf_has(&b, "HPDFAA+"));
	assert_true(buf_has(&b, "HPDFAB+"));
	buf_free(&a);
	buf_free(&b);
	fonts_close(fs);
}

static void test_same_pdf_cp1252(void **state)
{
	(void)state;
	same_pdf(0);
}

static void test_same_pdf_utf8(void **state)
{
	(void)state;
	same_pdf(1);
}

static void test_not_a_face(void **state)
{
	(void)state;
	static const unsigned char junk[64] = "this is not a TrueType file";
	HPDF_Doc pdf = HPDF_New(on_error, NULL);
	assert_non_null(pdf);
	last_error = 0;
	assert_null(pdffont_load(pdf, junk, sizeof junk));
	assert_int_not_equal(last_error, 0);
	HPDF_Free(pdf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_pdf_cp1252),
		cmocka_unit_test(test_same_pdf_utf8),
		cmocka_unit_test(test_not_a_face),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
