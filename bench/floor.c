/* floor.c: the cost floor of a PDF report -- one A4 page, three embedded
 * TrueType faces, compressed, written to a file -- with libharu alone, so
 * the bench can say how far a report is from what the library itself needs.
 *
 *     floor utf8|cp1252 OUT.pdf REGULAR.ttf BOLD.ttf ITALIC.ttf
 *
 * The faces are the ones statusrapport's engine picks (the bench passes
 * fontconfig's answer for "Liberation Sans").  Exit 0 on success. */
#include <hpdf.h>
#include <stdio.h>
#include <string.h>

static void on_error(HPDF_STATUS e, HPDF_STATUS detail, void *data)
{
	(void)data;
	fprintf(stderr, "floor: libharu error 0x%04X (%u)\n", (unsigned)e, (unsigned)detail);
}

int main(int argc, char **argv)
{
	if (argc != 6) {
		fprintf(stderr, "usage: floor utf8|cp1252 OUT.pdf REGULAR BOLD ITALIC\n");
		return 2;
	}
	int utf8 = strcmp(argv[1], "utf8") == 0;
	HPDF_Doc pdf = HPDF_New(on_error, NULL);
	if (!pdf)
		return 1;
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	if (utf8) {
		HPDF_UseUTFEncodings(pdf);
		HPDF_SetCurrentEncoder(pdf, "UTF-8");
	}
	HPDF_Page page = HPDF_AddPage(pdf);
	HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	const char *text[3] = {"Regional handlingsplan for forskning", "Pågår: 12 tiltak",
			       "Forsinket fordi rådgivning ikke er på plass."};
	const char *cp[3] = {"Regional handlingsplan for forskning", "P\xe5g\xe5r: 12 tiltak",
			     "Forsinket fordi r\xe5" "dgivning ikke er p\xe5 plass."};
	HPDF_Page_BeginText(page);
	for (int i = 0; i < 3; i++) {
		const char *name = HPDF_LoadTTFontFromFile(pdf, argv[3 + i], HPDF_TRUE);
		HPDF_Font f = name ? HPDF_GetFont(pdf, name, utf8 ? "UTF-8" : "CP1252") : NULL;
		if (!f) {
			HPDF_Free(pdf);
			return 1;
		}
		HPDF_Page_SetFontAndSize(page, f, 12);
		HPDF_Page_TextOut(page, 72, 760 - 20 * i, utf8 ? text[i] : cp[i]);
	}
	HPDF_Page_EndText(page);
	int rc = HPDF_SaveToFile(pdf, argv[2]) == HPDF_OK ? 0 : 1;
	HPDF_Free(pdf);
	return rc;
}
