/* test_sheet.c: reading filled-in forms -- cell names, LibreOffice's
 * repeated rows and columns, text split into spans and spaces, CSV with
 * quotes, both delimiters and Windows-1252, and the status words import
 * accepts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>

#include "forms/import.h"
#include "base/utf8.h"
#include "forms/sheet.h"

static const char *cell(const sheet *s, uint32_t row, uint32_t col)
{
	const sheet_cell *c = sheet_get(s, row, col);
	return c ? c->text : NULL;
}

static void test_a1(void **state)
{
	(void)state;
	char s[32];
	sheet_a1(s, sizeof s, 0, 0);
	assert_string_equal(s, "A1");
	sheet_a1(s, sizeof s, 5, 13);
	assert_string_equal(s, "F14");
	sheet_a1(s, sizeof s, 25, 0);
	assert_string_equal(s, "Z1");
	sheet_a1(s, sizeof s, 26, 0);
	assert_string_equal(s, "AA1");
	sheet_a1(s, sizeof s, 27, 9);
	assert_string_equal(s, "AB10");
	sheet_a1(s, sizeof s, 701, 0);
	assert_string_equal(s, "ZZ1");
	sheet_a1(s, sizeof s, 702, 0);
	assert_string_equal(s, "AAA1");
	sheet_a1(s, sizeof s, 16383, 1048575);
	assert_string_equal(s, "XFD1048576");
}

#define HEAD                                                                                   \
	"<office:document-content "                                                            \
	"xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "                   \
	"xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "                     \
	"xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">"                       \
	"<office:body><office:spreadsheet>"
#define TAIL "</office:spreadsheet></office:body></office:document-content>"

/* LibreOffice's dialect: repeated columns and rows, a million-row tail,
 * header rows and row groups, covered cells, spans, text:s, notes. */
static void test_ods_repeats(void **state)
{
	(void)state;
	static const char xml[] =
		HEAD "<table:table table:name=\"Status\">"
		"<table:table-column table:number-columns-repeated=\"8\"/>"
		"<table:table-header-rows><table:table-row>"
		"<table:table-cell table:number-columns-spanned=\"2\"><text:p>Tittel</text:p></table:table-cell>"
		"<table:covered-table-cell/>"
		"<table:table-cell table:number-columns-repeated=\"3\"/>"
		"<table:table-cell><text:p>x</text:p></table:table-cell>"
		"</table:table-row></table:table-header-rows>"
		"<table:table-row table:number-rows-repeated=\"2\">"
		"<table:table-cell table:number-columns-repeated=\"2\"><text:p>ab</text:p></table:table-cell>"
		"</table:table-row>"
		"<table:table-row-group><table:table-row>"
		"<table:table-cell table:number-columns-repeated=\"16000\"/>"
		"<table:table-cell office:value-type=\"float\" office:value=\"40\"><text:p>40</text:p></table:table-cell>"
		"</table:table-row></table:table-row-group>"
		"<table:table-row><table:table-cell>"
		"<office:annotation><text:p>a note</text:p></office:annotation>"
		"<text:p>P<text:span>å</text:span>g<text:s text:c=\"2\"/>år</text:p><text:p>linje<text:line-break/>to</text:p>"
		"</table:table-cell>"
		"<table:table-cell office:value-type=\"percentage\" office:value=\"0.45\"><text:p>45 %</text:p></table:table-cell>"
		"</table:table-row>"
		"<table:table-row><table:table-cell office:value-type=\"string\" office:string-value=\"Fullført\"/></table:table-row>"
		"<table:table-row table:number-rows-repeated=\"1048570\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
		"</table:table>"
		"<table:table table:name=\"Indikatorer\"><table:table-row><table:table-cell/>"
		"<table:table-cell><text:p>y</text:p></table:table-cell></table:table-row></table:table>"
		TAIL;
	sheet_book b;
	diag d;
	diag_init(&d);
	sheet_book_init(&b);
	assert_int_equal(sheet_read_ods_content(&b, "t.ods", xml, sizeof xml - 1, &d), SR_OK);
	assert_int_equal(b.n, 2);
	const sheet *s = sheet_find(&b, "Status");
	assert_non_null(s);
	assert_string_equal(cell(s, 0, 0), "Tittel");
	assert_null(cell(s, 0, 1));
	assert_string_equal(cell(s, 0, 5), "x"); /* 1 + covered + 3 empty */
	assert_string_equal(cell(s, 1, 0), "ab");
	assert_string_equal(cell(s, 1, 1), "ab");
	assert_string_equal(cell(s, 2, 1), "ab");
	assert_null(cell(s, 2, 2));
	const sheet_cell *c = sheet_get(s, 3, 16000);
	assert_non_null(c);
	assert_string_equal(c->value, "40");
	assert_string_equal(cell(s, 4, 0), "Påg  år\nlinje\nto");
	assert_string_equal(sheet_get(s, 4, 1)->value, "45");
	assert_string_equal(cell(s, 5, 0), "Fullført");
	assert_int_equal(sheet_rows(s), 6);
	assert_string_equal(cell(sheet_find(&b, "Indikatorer"), 0, 1), "y");
	sheet_book_free(&b);
	diag_free(&d);
}

static void test_ods_refuses(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	sheet_book b;
	sheet_book_init(&b);
	static const char dtd[] = "<!DOCTYPE x [<!ENTITY a \"b\">]>" HEAD TAIL;
	assert_int_equal(sheet_read_ods_content(&b, "t.ods", dtd, sizeof dtd - 1, &d), SR_INVALID);
	static const char text[] =
		"<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">"
		"<office:body><office:text/></office:body></office:document-content>";
	assert_int_equal(sheet_read_ods_content(&b, "t.ods", text, sizeof text - 1, &d), SR_INVALID);
	/* A non-empty cell repeated past the cell limit. */
	static const char many[] =
		HEAD "<table:table table:name=\"S\"><table:table-row table:number-rows-repeated=\"1000\">"
		"<table:table-cell table:number-columns-repeated=\"1000\"><text:p>x</text:p></table:table-cell>"
		"</table:table-row></table:table>" TAIL;
	assert_int_equal(sheet_read_ods_content(&b, "t.ods", many, sizeof many - 1, &d), SR_INVALID);
	assert_int_equal(sheet_read_ods(&b, "t.ods", "not a zip", 9, &d), SR_INVALID);
	sheet_book_free(&b);
	diag_free(&d);
}

static void test_csv(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	sheet_book b;
	sheet_book_init(&b);
	static const char semi[] = "\xEF\xBB\xBFId;Status;Kommentar\r\n"
				   "1.1;\"P\xC3\xA5g\xC3\xA5r\";\"Sa \"\"hei\"\"; og\r\nto linjer\"\r\n"
				   "1.2;;x,y\r\n";
	assert_int_equal(sheet_read_csv(&b, "a.csv", "Status", semi, sizeof semi - 1, &d), SR_OK);
	const sheet *s = &b.sheets[0];
	assert_string_equal(s->name, "Status");
	assert_string_equal(cell(s, 0, 0), "Id");
	assert_string_equal(cell(s, 1, 1), "Pågår");
	assert_string_equal(cell(s, 1, 2), "Sa \"hei\"; og\nto linjer");
	assert_null(cell(s, 2, 1));
	assert_string_equal(cell(s, 2, 2), "x,y");
	static const char comma[] = "Id,Status,Kommentar\n1.1,Fullført,\"a, b\"\n";
	assert_int_equal(sheet_read_csv(&b, "b.csv", "Status", comma, sizeof comma - 1, &d), SR_OK);
	s = &b.sheets[1];
	assert_string_equal(cell(s, 1, 1), "Fullført");
	assert_string_equal(cell(s, 1, 2), "a, b");
	/* Windows-1252: å, ø, the euro sign and a curly quote. */
	static const char cp[] = "1.1;P\xE5g\xE5r;L\xF8pende \x80 \x93x\x94\n";
	assert_int_equal(sheet_read_csv(&b, "c.csv", "Status", cp, sizeof cp - 1, &d), SR_OK);
	s = &b.sheets[2];
	assert_string_equal(cell(s, 0, 1), "Pågår");
	assert_string_equal(cell(s, 0, 2), "Løpende € “x”");
	assert_true(utf8_valid("Pågår", strlen("Pågår")));
	assert_false(utf8_valid("P\xE5g", 3));
	assert_false(utf8_valid("\xED\xA0\x80", 3)); /* a surrogate */
	sheet_book_free(&b);
	diag_free(&d);
}

static void test_status_words(void **state)
{
	(void)state;
	assert_int_equal(import_status_word("Pågår"), ST_IN_PROGRESS);
	assert_int_equal(import_status_word("  PÅGÅR \xC2\xA0"), ST_IN_PROGRESS);
	assert_int_equal(import_status_word("in-progress"), ST_IN_PROGRESS);
	assert_int_equal(import_status_word("In progress"), ST_IN_PROGRESS);
	assert_int_equal(import_status_word("in_progress"), ST_IN_PROGRESS);
	assert_int_equal(import_status_word("ikke startet"), ST_NOT_STARTED);
	assert_int_equal(import_status_word("Ikkje starta"), ST_NOT_STARTED);
	assert_int_equal(import_status_word("Not started"), ST_NOT_STARTED);
	assert_int_equal(import_status_word("LØPENDE"), ST_ONGOING);
	assert_int_equal(import_status_word("Løpande"), ST_ONGOING);
	assert_int_equal(import_status_word("Forseinka"), ST_DELAYED);
	assert_int_equal(import_status_word("fullført"), ST_COMPLETED);
	assert_int_equal(import_status_word("Avbrote"), ST_CANCELLED);
	assert_int_equal(import_status_word("cancelled"), ST_CANCELLED);
	assert_int_equal(import_status_word("ferdig"), ST_NONE);
	assert_int_equal(import_status_word(""), ST_NONE);
	assert_int_equal(import_status_word("Ikke rapportert"), ST_NONE);
	assert_int_equal(import_status_word(NULL), ST_NONE);
	/* the achievement set's words, in every language and as tokens */
	assert_int_equal(import_status_word("Oppnådd"), ST_ACHIEVED);
	assert_int_equal(import_status_word("delvis oppnådd"), ST_PARTLY_ACHIEVED);
	assert_int_equal(import_status_word("Ikkje oppnådd"), ST_NOT_ACHIEVED);
	assert_int_equal(import_status_word("Not applicable"), ST_NOT_APPLICABLE);
	assert_int_equal(import_status_word("partly_achieved"), ST_PARTLY_ACHIEVED);
}

/* A form's Status sheet as CSV: title, identity row, headers, measures. */
#define FORM_TOP                                                                               \
	"Statusskjema 2025;;;;;;;\n"                                                           \
	"Plan;hmn-x;Tittel;Eier;stolav;År;2025;nb\n"                                          \
	"Id;Innsatsområde;Tiltak;Status 2024;Kommentar 2024;Status 2025;Fremdrift %;Kommentar 2025\n"

static void test_import_book(void **state)
{
	(void)state;
	static const char good[] = FORM_TOP
		"1.1;A;T;Pågår;;Fullført;100;Ferdig.\n"
		"1.2;A;T;;;;;\n"                       /* blank: stays absent */
		"1.3;A;T;;;in progress;45 %;\n"
		"1.4;A;T;;;LØPENDE;;\"To\nlinjer\"\n";
	diag d;
	diag_init(&d);
	sheet_book b;
	sheet_book_init(&b);
	assert_int_equal(sheet_read_csv(&b, "f.csv", "Status", good, sizeof good - 1, &d), SR_OK);
	buf out = BUF_INIT;
	import_result r;
	assert_int_equal(import_book(&b, "f.csv", NULL, 0, &out, &r, &d), SR_OK);
	const char *x = buf_cstr(&out);
	assert_non_null(strstr(x, "plan=\"hmn-x\" owner=\"stolav\" year=\"2025\""));
	assert_non_null(strstr(x, "<status measure=\"1.1\" value=\"completed\" progress=\"100\">Ferdig.</status>"));
	assert_null(strstr(x, "\"1.2\""));
	assert_non_null(strstr(x, "<status measure=\"1.3\" value=\"in-progress\" progress=\"45\"/>"));
	assert_non_null(strstr(x, "<status measure=\"1.4\" value=\"ongoing\"><p>To</p><p>linjer</p></status>"));
	assert_int_equal(r.nstatuses, 3);
	buf_free(&out);
	sheet_book_free(&b);

	/* Every problem at its cell, in reading order, and no output. */
	static const char bad[] = FORM_TOP
		"1.1;A;T;;;ferdig;;\n"
		"1.2;A;T;;;Pågår;140;\n"
		"1.1;A;T;;;Pågår;;\n"
		";A;T;;;Pågår;;\n"
		"1.5;A;T;;;;;kommentar\n";
	sheet_book_init(&b);
	assert_int_equal(sheet_read_csv(&b, "f.csv", "Status", bad, sizeof bad - 1, &d), SR_OK);
	out = (buf)BUF_INIT;
	assert_int_equal(import_book(&b, "f.csv", NULL, 0, &out, &r, &d), SR_INVALID);
	assert_int_equal(out.len, 0);
	assert_int_equal(d.n, 5);
	static const char *const where[] = {"Status!F4", "Status!G5", "Status!A6", "Status!A7", "Status!F8"};
	for (int i = 0; i < 5; i++)
		assert_string_equal(d.msgs[i].where, where[i]);
	assert_non_null(strstr(d.msgs[0].text, "\"ferdig\" is not a status; use one of: Ikke startet, Pågår"));
	diag_free(&d);
	sheet_book_free(&b);

	/* A deleted column is named at its header. */
	static const char cut[] = "T\nPlan;hmn-x;;Eier;stolav;År;2025;nb\n"
				  "Innsatsområde;Tiltak;Status 2024;Kommentar 2024;Status 2025\n";
	diag_init(&d);
	sheet_book_init(&b);
	assert_int_equal(sheet_read_csv(&b, "f.csv", "Status", cut, sizeof cut - 1, &d), SR_OK);
	assert_int_equal(import_book(&b, "f.csv", NULL, 0, &out, &r, &d), SR_INVALID);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.msgs[0].where, "Status!A3");
	diag_free(&d);
	sheet_book_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a1),
		cmocka_unit_test(test_ods_repeats),
		cmocka_unit_test(test_ods_refuses),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_status_words),
		cmocka_unit_test(test_import_book),
	};
	xmlInitParser();
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
