/* Unit tests: the cover the report builder makes (report.c's cover()):
 * its lines in order, a board paper's case details when the options give
 * them and none when they do not, every language's words, and the page
 * break that ends it.  The options that set the case details are the
 * library's report_opts, so no command line is needed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "doc/doc.h"
#include "input/plan_xml.h"
#include "input/template.h"
#include "input/validate.h"
#include "model/model.h"
#include "report/report.h"

static xmlin_schema *schema;

static const char plan_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<plan xmlns=\"urn:statusrapport:1\" id=\"p\" xml:lang=\"nb\">\n"
	"  <title>Planen</title><organisation>Regionen RHF</organisation>\n"
	"  <period from=\"2023\" to=\"2026\"/>\n"
	"  <owners><owner id=\"rhf\" type=\"rhf\">Regionen RHF</owner>\n"
	"    <owner id=\"a\" type=\"hf\">A HF</owner></owners>\n"
	"  <area id=\"1\" title=\"En\">\n"
	"    <measure id=\"1.1\"><text>Tiltak</text><responsible ref=\"rhf\"/>\n"
	"      <responsible ref=\"a\"/>\n"
	"      <status year=\"2024\" value=\"delayed\" owner=\"rhf\"/></measure>\n"
	"  </area>\n"
	"</plan>\n";

/* The cover's lines, one a line, and whether a page break ends it. */
static void cover_text(const doc *dd, char *out, size_t n, int *ended)
{
	size_t len = 0;
	out[0] = 0;
	*ended = 0;
	for (const doc_node *b = dd->root->first; b; b = b->next) {
		if (b->type == DOC_PAGE_BREAK) {
			*ended = 1;
			break;
		}
		char *t = doc_flatten((arena *)&dd->arena, b, DOC_WS_SPACE);
		len += (size_t)snprintf(out + len, len < n ? n - len : 0, "%s\n", t ? t : "?");
	}
}

/* One report and what its tree's texts point into. */
typedef struct built {
	template *t;
	plan *p;
	doc *dd;
} built;

/* Build the report of template name in lang with cases' case details. */
static doc *build(built *r, const char *name, const char *lang, const report_opts *cases)
{
	diag d;
	diag_init(&d);
	*r = (built){0};
	assert_int_equal(template_load(&r->t, NULL, name, &d), SR_OK);
	assert_int_equal(plan_read_mem(&r->p, schema, "t.xml", plan_xml, strlen(plan_xml), &d),
			 SR_OK);
	assert_int_equal(validate_plan(r->p, &d), SR_OK);
	report_opts o = *cases;
	o.year = 2024, o.tpl = r->t, o.lang = lang, o.now = 1733000000;
	if (r->t->kind == TPL_OWNER)
		o.owner = model_owner(r->p, "a");
	assert_int_equal(report_build(r->p, &o, &r->dd, &d), SR_OK);
	const char *why = NULL;
	assert_int_equal(doc_check(r->dd, &why), 0);
	diag_free(&d);
	return r->dd;
}

static void done(built *r)
{
	doc_free(r->dd);
	plan_free(r->p);
	template_free(r->t);
}

static void test_lines_in_order(void **state)
{
	(void)state;
	report_opts none = {0};
	built r;
	doc *dd = build(&r, "arsrapport", "nb", &none);
	char s[2048];
	int ended;
	assert_true(dd->cover);
	cover_text(dd, s, sizeof s, &ended);
	assert_true(ended);
	/* as the typographic pass sets them: a range's dash joined to its
	 * end, a date's day, month and year bound with no-break spaces */
	assert_string_equal(s, "Statusrapport 2024\nPlanen\nRegionen RHF\n"
			       "Planperiode 2023\xE2\x80\x93\xE2\x81\xA0" "2026\n"
			       "Rapportdato: 30.\xC2\xA0november\xC2\xA0" "2024\n");
	/* the contents follow, on a page of their own */
	const doc_node *b = dd->root->first;
	while (b->type != DOC_PAGE_BREAK)
		b = b->next;
	assert_non_null(b->next);
	assert_int_equal(b->next->type, DOC_TOC);
	done(&r);
}

static void test_case_details(void **state)
{
	(void)state;
	report_opts cases = {.case_number = "24/00123", .meeting_date = "12. desember 2024",
			     .case_officer = "Kari Nordmann", .archive_ref = "2024/4711-3"};
	char s[2048];
	int ended;
	built r;
	doc *dd = build(&r, "arsrapport", "nb", &cases);
	cover_text(dd, s, sizeof s, &ended);
	assert_non_null(strstr(s, "Rapportdato: 30.\xC2\xA0november\xC2\xA0" "2024\n"
				  "Saksnummer: 24/00123\n"
				  "M\xC3\xB8tedato: 12.\xC2\xA0" "desember\xC2\xA0" "2024\n"
				  "Saksbehandler: Kari Nordmann\nArkivreferanse: 2024/4711-3\n"));
	done(&r);
	/* one given, the others left out rather than shown empty */
	report_opts one = {.case_officer = "Ola Nordmann"};
	dd = build(&r, "helseforetak", "en", &one);
	cover_text(dd, s, sizeof s, &ended);
	assert_true(ended);
	assert_non_null(strstr(s, "Status report 2024 \xE2\x80\x93 A HF\nPlanen\n"));
	assert_non_null(strstr(s, "Plan period 2023\xE2\x80\x93\xE2\x81\xA0" "2026\n"));
	assert_non_null(strstr(s, "Case officer: Ola Nordmann\n"));
	assert_null(strstr(s, "Case number"));
	assert_null(strstr(s, "Meeting date"));
	assert_null(strstr(s, "Archive reference"));
	done(&r);
	dd = build(&r, "arsrapport", "nn", &cases);
	cover_text(dd, s, sizeof s, &ended);
	assert_non_null(strstr(s, "Sakshandsamar: Kari Nordmann\n"));
	done(&r);
}

/* The board paper keeps its title block: no cover, no page break. */
static void test_board_paper_has_none(void **state)
{
	(void)state;
	report_opts none = {0};
	built r;
	doc *dd = build(&r, "styremote", "nb", &none);
	assert_false(dd->cover);
	assert_int_equal(dd->root->first->type, DOC_PARAGRAPH);
	assert_int_equal(dd->root->first->u.para.style, DOC_P_TITLE);
	done(&r);
}

static int setup(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	sr_status st = plan_schema_load(&schema, &d);
	diag_free(&d);
	return st == SR_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	xmlin_schema_free(schema);
	xmlCleanupParser();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines_in_order),
		cmocka_unit_test(test_case_details),
		cmocka_unit_test(test_board_paper_has_none),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
