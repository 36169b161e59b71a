/* test_valuescsv.c: a CSV of indicator values read against a plan, case
 * by case from tests/unit/valuescsv.txt: the values read, or the exact
 * messages.  All cases run; a failure names the case's line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>

#include "base/buf.h"
#include "forms/sheet.h"
#include "forms/valuescsv.h"
#include "input/plan_xml.h"
#include "input/validate.h"
#include "casefile.h"

static const char plan_xml[] =
	"<plan xmlns=\"urn:statusrapport:1\" id=\"p\" xml:lang=\"nb\">\n"
	"  <title>Plan</title><organisation>RHF</organisation>\n"
	"  <period from=\"2023\" to=\"2026\"/>\n"
	"  <owners><owner id=\"rhf\" type=\"rhf\">RHF</owner>\n"
	"    <owner id=\"a\" type=\"hf\">A HF</owner><owner id=\"b\" type=\"hf\">B HF</owner></owners>\n"
	"  <goals>\n"
	"    <dimension id=\"fag\" name=\"Fag\"><category id=\"kreft\">Kreft</category>\n"
	"      <category id=\"annet\">Annet</category></dimension>\n"
	"    <indicator id=\"g\" level=\"national\" unit=\"%\" direction=\"increase\"><name>G</name></indicator>\n"
	"    <indicator id=\"n\" level=\"national\" unit=\"studier\" direction=\"increase\" breakdown=\"fag\">"
	"<name>N</name></indicator>\n"
	"  </goals>\n"
	"  <area id=\"1\" title=\"En\"><measure id=\"1.1\"><text>T</text><responsible ref=\"rhf\"/></measure></area>\n"
	"</plan>\n";

static plan *p;
static xmlin_schema *schema;

/* A case's file line: \t \r \\ and \xNN decoded, a line break added. */
static void unescape(const char *s, buf *out)
{
	for (; *s && *s != '\n'; s++) {
		if (s[0] == '\\' && s[1] == 't')
			buf_putc(out, '\t'), s++;
		else if (s[0] == '\\' && s[1] == 'r')
			buf_putc(out, '\r'), s++;
		else if (s[0] == '\\' && s[1] == '\\')
			buf_putc(out, '\\'), s++;
		else if (s[0] == '\\' && s[1] == 'x' && casefile_hex(s[2]) >= 0 && casefile_hex(s[3]) >= 0)
			buf_putc(out, (char)(casefile_hex(s[2]) * 16 + casefile_hex(s[3]))), s += 3;
		else
			buf_putc(out, *s);
	}
	buf_putc(out, '\n');
}

/* What the case reads to: the values, or the messages. */
static void run(const char *csv, size_t len, buf *got)
{
	sheet_book b;
	sheet_book_init(&b);
	diag d;
	diag_init(&d);
	valuescsv vc;
	sr_status st = sheet_read_csv(&b, "t.csv", "Status", csv, len, &d);
	if (st == SR_OK && !valuescsv_is(&b.sheets[0], p))
		buf_puts(got, "(not a values CSV)\n");
	if (st == SR_OK)
		st = valuescsv_read(&b.sheets[0], "t.csv", p, &b.a, &vc, &d);
	if (st == SR_OK) {
		buf_printf(got, "%s %d\n", vc.owner_id, vc.year);
		for (size_t i = 0; i < vc.n; i++)
			buf_printf(got, "%s %s %s\n", vc.v[i].indicator,
				   vc.v[i].category ? vc.v[i].category : "-", vc.v[i].value);
	}
	char *text = NULL;
	size_t tlen = 0;
	FILE *f = open_memstream(&text, &tlen);
	diag_print(&d, f);
	fclose(f);
	buf_puts(got, text);
	free(text);
	diag_free(&d);
	sheet_book_free(&b);
}

static void test_cases(void **state)
{
	(void)state;
	char path[4096], line[4096];
	(void)casefile_fields; /* the cases are blocks of lines, not fields */
	FILE *f = casefile_open("valuescsv.txt", path, sizeof path);
	assert_non_null(f);
	buf csv = BUF_INIT, want = BUF_INIT;
	int lineno = 0, start = 0, part = 0, cases = 0, failed = 0;
	for (int more = 1; more;) {
		more = fgets(line, sizeof line, f) != NULL;
		if (more)
			lineno++;
		if (!more || strncmp(line, "=== ", 4) == 0) {
			if (part) {
				buf got = BUF_INIT;
				while (want.len && want.data[want.len - 1] == '\n' &&
				       want.len > 1 && want.data[want.len - 2] == '\n')
					want.len--;
				run((const char *)csv.data, csv.len, &got);
				if (got.len != want.len ||
				    (got.len && memcmp(got.data, want.data, got.len) != 0)) {
					fprintf(stderr, "%s:%d: got:\n%.*s---\nwanted:\n%.*s", path, start,
						(int)got.len, (const char *)got.data, (int)want.len,
						(const char *)want.data);
					failed++;
				}
				buf_free(&got);
				cases++;
			}
			csv.len = want.len = 0;
			start = lineno;
			part = 1;
			continue;
		}
		if (!part || (line[0] == '#' && part == 1 && !csv.len))
			continue;
		if (part == 1 && strcmp(line, "---\n") == 0) {
			part = 2;
			continue;
		}
		if (part == 1)
			unescape(line, &csv);
		else if (line[0] != '\n' || want.len)
			buf_puts(&want, line);
	}
	fclose(f);
	buf_free(&csv);
	buf_free(&want);
	assert_true(cases >= 15);
	assert_int_equal(failed, 0);
}

/* The CSV reader counts every row's fields, empty ones too. */
static void test_widths(void **state)
{
	(void)state;
	sheet_book b;
	sheet_book_init(&b);
	diag d;
	diag_init(&d);
	static const char csv[] = "a;b;;\n\nx;\"1;2\"\r\n";
	assert_int_equal(sheet_read_csv(&b, "t.csv", "S", csv, strlen(csv), &d), SR_OK);
	const sheet *s = &b.sheets[0];
	assert_int_equal(s->delim, ';');
	assert_true(s->nwidths >= 3);
	assert_int_equal(s->widths[0], 4);
	assert_int_equal(s->widths[1], 1);
	assert_int_equal(s->widths[2], 2);
	diag_free(&d);
	sheet_book_free(&b);
}

static int setup(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	sr_status st = plan_schema_load(&schema, &d);
	if (st == SR_OK)
		st = plan_read_mem(&p, schema, "t.xml", plan_xml, strlen(plan_xml), &d);
	if (st == SR_OK)
		st = validate_plan(p, &d);
	diag_print(&d, stderr);
	diag_free(&d);
	return st == SR_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	plan_free(p);
	xmlin_schema_free(schema);
	xmlCleanupParser();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_widths),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
