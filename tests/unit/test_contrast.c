/* Unit tests: text contrast of at least 4.5:1 (WCAG 2.1 1.4.3, which
 * PDF/A-2a reports are read against; issue 9) for every colour pair the
 * built-in templates and the report builder can put on a page: running
 * text, headings, muted notes and links on white; each cell fill's text on
 * its fill (a filled cell's notes take that colour too).  Links keep their
 * own colour, so they stay out of the status fills, whose colours are
 * strong enough to tell apart in greyscale: the report's tree is searched
 * for a link in such a cell. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "doc/doc.h"
#include "model/model.h"
#include "input/plan_xml.h"
#include "report/report.h"
#include "input/template.h"
#include "input/validate.h"

static xmlin_schema *schema, *tschema;

static const char plan_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<plan xmlns=\"urn:statusrapport:1\" id=\"p\" xml:lang=\"nb\">\n"
	"  <title>Plan</title><organisation>RHF</organisation>\n"
	"  <period from=\"2023\" to=\"2026\"/>\n"
	"  <owners><owner id=\"rhf\" type=\"rhf\">RHF</owner>\n"
	"    <owner id=\"a\" type=\"hf\">A HF</owner></owners>\n"
	"  <area id=\"1\" title=\"En\">\n"
	"    <measure id=\"1.1\"><text>Tiltak</text><responsible ref=\"rhf\"/>\n"
	"      <responsible ref=\"a\"/>\n"
	"      <status year=\"2024\" value=\"delayed\" owner=\"rhf\"/></measure>\n"
	"  </area>\n"
	"</plan>\n";

static double channel(uint32_t c, int shift)
{
	double v = ((c >> shift) & 255) / 255.0;
	return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double luminance(uint32_t c)
{
	return 0.2126 * channel(c, 16) + 0.7152 * channel(c, 8) + 0.0722 * channel(c, 0);
}

/* WCAG 2.1 contrast ratio, 1..21 */
static double contrast(uint32_t a, uint32_t b)
{
	double la = luminance(a), lb = luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

static int failures;

static void pair(const char *where, const char *what, uint32_t fg, uint32_t bg)
{
	double r = contrast(fg, bg);
	if (r < 4.5) {
		print_error("%s: %s #%06X on #%06X has contrast %.2f:1, below 4.5:1\n", where, what,
			    (unsigned)fg, (unsigned)bg, r);
		failures++;
	}
}

static void test_ratio(void **state)
{
	(void)state;
	assert_true(fabs(contrast(0x000000, 0xFFFFFF) - 21) < 1e-9);
	assert_true(fabs(contrast(0x123456, 0x123456) - 1) < 1e-9);
	/* #777777 on white is the classic just-too-light grey */
	assert_true(contrast(0x777777, 0xFFFFFF) < 4.5);
	assert_true(contrast(0x767676, 0xFFFFFF) >= 4.5);
}

static void test_builtin_templates(void **state)
{
	(void)state;
	failures = 0;
	for (const char *const *name = template_builtin_names(); *name; name++) {
		template *t = NULL;
		diag d;
		diag_init(&d);
		assert_int_equal(template_load(&t, tschema, *name, &d), SR_OK);
		const doc_style *s = &t->style;
		pair(*name, "text", s->text_rgb, 0xFFFFFF);
		pair(*name, "heading", s->heading_rgb, 0xFFFFFF);
		pair(*name, "muted", s->muted_rgb, 0xFFFFFF);
		pair(*name, "link", s->link_rgb, 0xFFFFFF);
		pair(*name, "header text", s->table.header_text_rgb, s->table.header_rgb);
		pair(*name, "link on header", s->link_rgb, s->table.header_rgb);
		for (int r = 0; r < DOC_P_COUNT; r++)
			pair(*name, "paragraph role", s->para[r].rgb, 0xFFFFFF);
		for (int h = 0; h < DOC_HEADINGS; h++)
			pair(*name, "heading level", s->heading[h].rgb, 0xFFFFFF);
		for (int v = 1; v < ST_COUNT; v++) {
			char what[64];
			snprintf(what, sizeof what, "status %d text", v);
			pair(*name, what, s->status_text[v], s->status_fill[v]);
		}
		template_free(t);
		diag_free(&d);
	}
	assert_int_equal(failures, 0);
}

/* A link only in a cell without a fill or in a header cell. */
static void links_outside_fills(const char *where, const doc *dd)
{
	doc_iter it;
	const doc_node *n;
	doc_event ev;
	int fill = 0;
	doc_iter_init(&it, dd->root);
	while ((ev = doc_iter_next(&it, &n)) != DOC_EV_DONE) {
		if (n->type == DOC_CELL)
			fill = ev == DOC_EV_ENTER ? n->u.cell.fill : 0;
		if (n->type == DOC_LINK && ev == DOC_EV_ENTER && fill &&
		    fill != dd->style.header_fill) {
			print_error("%s: a link in a cell of fill %s\n", where, dd->fills[fill].name);
			failures++;
		}
	}
}

/* What the report builder registers (it adds fills of its own) as the
 * PDF and ODT backends see it. */
static void test_report_fills(void **state)
{
	(void)state;
	failures = 0;
	for (const char *const *name = template_builtin_names(); *name; name++) {
		template *t = NULL;
		plan *p = NULL;
		doc *dd = NULL;
		diag d;
		diag_init(&d);
		assert_int_equal(template_load(&t, tschema, *name, &d), SR_OK);
		assert_int_equal(plan_read_mem(&p, schema, "t.xml", plan_xml, strlen(plan_xml), &d),
				 SR_OK);
		assert_int_equal(validate_plan(p, &d), SR_OK);
		report_opts o = {.year = 2024, .tpl = t, .pdfa = 1};
		if (t->kind == TPL_OWNER)
			o.owner = model_owner(p, "a");
		assert_int_equal(report_build(p, &o, &dd, &d), SR_OK);
		assert_true(dd->style.pdfa); /* --pdfa reaches the document */
		const doc_style *s = &dd->style;
		pair(*name, "doc text", s->text_rgb, 0xFFFFFF);
		pair(*name, "doc heading", s->heading_rgb, 0xFFFFFF);
		pair(*name, "doc muted", s->muted_rgb, 0xFFFFFF);
		pair(*name, "doc link", s->link_rgb, 0xFFFFFF);
		for (int i = 1; i < dd->nfills; i++) {
			const doc_fill *f = &dd->fills[i];
			pair(f->name, "fill text", f->text_rgb, f->rgb);
		}
		pair(*name, "link on header", s->link_rgb, dd->fills[s->header_fill].rgb);
		links_outside_fills(*name, dd);
		doc_free(dd);
		plan_free(p);
		template_free(t);
		diag_free(&d);
	}
	assert_int_equal(failures, 0);
}

static int setup(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	sr_status st = plan_schema_load(&schema, &d);
	if (st == SR_OK)
		st = template_schema_load(&tschema, &d);
	diag_free(&d);
	return st == SR_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	xmlin_schema_free(schema);
	xmlin_schema_free(tschema);
	xmlCleanupParser();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ratio),
		cmocka_unit_test(test_builtin_templates),
		cmocka_unit_test(test_report_fills),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
