/* Unit tests: reading, validation, model views, the document tree and the
 * Norwegian number format. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "doc/doc.h"
#include "report/labels.h"
#include "model/model.h"
#include "input/plan_xml.h"
#include "report/report.h"
#include "input/template.h"
#include "input/validate.h"
#include "casefile.h"

static xmlin_schema *schema, *tschema;
static template *annual, *trust;

static const char plan_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<plan xmlns=\"urn:statusrapport:1\" id=\"p\" xml:lang=\"nb\">\n"
	"  <title>Plan</title><organisation>RHF</organisation>\n"
	"  <period from=\"2023\" to=\"2026\"/>\n"
	"  <owners>\n"
	"    <owner id=\"rhf\" type=\"rhf\">RHF</owner>\n"
	"    <owner id=\"a\" type=\"hf\">Ålesund HF</owner>\n"
	"    <owner id=\"b\" type=\"hf\">B HF</owner>\n"
	"    <owner id=\"hf\" type=\"group\" members=\"a b\">Helseforetakene</owner>\n"
	"  </owners>\n"
	"  <goals><indicator id=\"g\" level=\"national\" unit=\"%\" direction=\"increase\">\n"
	"    <name>Andel</name><baseline year=\"2021\" value=\"2\"/><target year=\"2025\" value=\"6\"/>\n"
	"    <value year=\"2023\" value=\"3.5\"/><value year=\"2024\" value=\"4.5\"/>\n"
	"  </indicator></goals>\n"
	"  <area id=\"1\" title=\"En\">\n"
	"    <vision>Et <em>mål</em>  med\n   mellomrom.</vision>\n"
	"    <measure id=\"1.1\"><text><p>Første</p><ul><li>punkt</li></ul></text>\n"
	"      <responsible ref=\"rhf\"/><responsible ref=\"hf\"/>\n"
	"      <status year=\"2023\" value=\"in-progress\" owner=\"rhf\"/>\n"
	"      <status year=\"2024\" value=\"delayed\" owner=\"rhf\" progress=\"40\">Sein.</status>\n"
	"      <status year=\"2024\" value=\"completed\" owner=\"a\"/>\n"
	"    </measure>\n"
	"    <area id=\"1.2\" title=\"Under\">\n"
	"      <measure id=\"1.2.1\"><text>Bare RHF</text><responsible ref=\"rhf\"/></measure>\n"
	"    </area>\n"
	"  </area>\n"
	"</plan>\n";

static plan *load(const char *xml, diag *d)
{
	plan *p = NULL;
	sr_status st = plan_read_mem(&p, schema, "t.xml", xml, strlen(xml), d);
	if (st == SR_OK)
		st = validate_plan(p, d);
	if (st != SR_OK) {
		plan_free(p);
		return NULL;
	}
	return p;
}

static void test_read_and_views(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	plan *p = load(plan_xml, &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	assert_int_equal(p->nmeasures, 2);
	assert_int_equal(p->nowners, 4);
	assert_string_equal(p->measures[1]->id, "1.2.1");
	assert_int_equal(p->areas[0]->nitems, 2);
	owner *a = model_owner(p, "a"), *b = model_owner(p, "b"), *rhf = model_owner(p, "rhf");
	/* responsible through the group */
	assert_true(model_responsible(p->measures[0], a));
	assert_false(model_responsible(p->measures[1], a));
	/* own status, fallback to the lead's, none */
	int fb = 0;
	const status *s = model_status(p->measures[0], 2024, a, 1, &fb);
	assert_int_equal(s->value, ST_COMPLETED);
	assert_int_equal(fb, 0);
	s = model_status(p->measures[0], 2024, b, 1, &fb);
	assert_int_equal(s->value, ST_DELAYED);
	assert_int_equal(fb, 1);
	assert_null(model_status(p->measures[0], 2024, b, 0, NULL));
	s = model_status(p->measures[0], 2024, NULL, 0, NULL);
	assert_int_equal(s->value, ST_DELAYED);
	assert_int_equal(s->progress, 40);
	assert_int_equal(model_latest_year(p), 2024);
	size_t counts[ST_COUNT] = {0};
	assert_int_equal(model_count(p->areas[0], 2024, NULL, counts), 2);
	assert_int_equal(counts[ST_DELAYED], 1);
	assert_int_equal(counts[ST_NONE], 1);
	memset(counts, 0, sizeof counts);
	assert_int_equal(model_count(p->areas[0], 2024, rhf, counts), 2);
	assert_int_equal(model_latest_value(p->indicators[0], NULL)->value, 4.5);
	/* rich text: white space collapsed, inline kept */
	doc_node *v = p->areas[0]->vision;
	assert_int_equal(v->first->type, DOC_PARAGRAPH);
	char *txt = doc_plain_text(p->text, v);
	assert_string_equal(txt, "Et mål med mellomrom.");
	assert_int_equal(p->measures[0]->text->last->type, DOC_LIST);
	/* positions: line and column of the element's '<' */
	assert_int_equal(p->measures[0]->pos.line, 18);
	assert_int_equal(p->measures[0]->pos.col, 5);
	assert_int_equal(model_owner(p, "a")->pos.line, 7);
	assert_int_equal(model_owner(p, "a")->pos.col, 5);
	plan_free(p);
	diag_free(&d);
}

/* A plan over three levels: the plan's own organisation named by ref, tasks
 * flowing down the parent links, and a mean rolled up over a group. */
static const char levels_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<plan xmlns=\"urn:statusrapport:1\" id=\"n\" xml:lang=\"nb\">\n"
	"  <title>Nasjonal</title><organisation ref=\"dep\">Departementet</organisation>\n"
	"  <period from=\"2023\" to=\"2026\"/>\n"
	"  <owners>\n"
	"    <owner id=\"dep\" type=\"other\">Departementet</owner>\n"
	"    <owner id=\"r1\" type=\"rhf\" parent=\"dep\">R1</owner>\n"
	"    <owner id=\"r2\" type=\"rhf\" parent=\"dep\">R2</owner>\n"
	"    <owner id=\"r3\" type=\"rhf\" parent=\"dep\">R3</owner>\n"
	"    <owner id=\"h1\" type=\"hf\" parent=\"r1\">H1</owner>\n"
	"    <owner id=\"rs\" type=\"group\" members=\"r1 r2\">To regioner</owner>\n"
	"  </owners>\n"
	"  <goals>\n"
	"    <indicator id=\"sum\" level=\"national\" unit=\"n\" direction=\"increase\" aggregate=\"sum\">\n"
	"      <name>Sum</name>\n"
	"      <value year=\"2023\" value=\"10\"/>\n"
	"      <value year=\"2023\" value=\"4\" owner=\"r1\"/><value year=\"2023\" value=\"5\" owner=\"r2\"/>\n"
	"      <value year=\"2024\" value=\"6\" owner=\"r1\"/><value year=\"2024\" value=\"1.5\" owner=\"r3\"/>\n"
	"    </indicator>\n"
	"    <indicator id=\"mean\" level=\"national\" unit=\"%\" direction=\"increase\"\n"
	"               aggregate=\"mean\" aggregate-over=\"rs\">\n"
	"      <name>Snitt</name>\n"
	"      <value year=\"2024\" value=\"3\" owner=\"r1\"/><value year=\"2024\" value=\"4\" owner=\"r2\"/>\n"
	"      <value year=\"2024\" value=\"99\" owner=\"r3\"/>\n"
	"    </indicator>\n"
	"  </goals>\n"
	"  <area id=\"1\" title=\"En\">\n"
	"    <measure id=\"1.1\"><text>R1s tiltak</text><responsible ref=\"r1\"/>\n"
	"      <status year=\"2024\" value=\"delayed\" owner=\"h1\"/>\n"
	"    </measure>\n"
	"  </area>\n"
	"</plan>\n";

static const ind_point *value_of(const indicator *ind, int year, const owner *o)
{
	for (size_t i = 0; i < ind->nvalues; i++)
		if (ind->values[i].year == year && ind->values[i].owner == o)
			return &ind->values[i];
	return NULL;
}

static void test_levels(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	plan *p = load(levels_xml, &d);
	assert_non_null(p);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 1); /* 2023: 10 reported, 4 + 5 from the regions */
	const owner *dep = model_owner(p, "dep"), *r1 = model_owner(p, "r1"), *h1 = model_owner(p, "h1");
	assert_ptr_equal(model_plan_owner(p), dep);
	assert_true(model_under(h1, dep));
	assert_false(model_under(dep, h1));
	/* a trust under the responsible region may report on its measure */
	assert_true(model_responsible(p->measures[0], h1));
	assert_false(model_responsible(p->measures[0], model_owner(p, "r2")));
	assert_ptr_equal(h1->parent, r1);
	/* the reported plan-level value wins; 2024 is computed from 2 of 3 */
	const indicator *sum = model_indicator(p, "sum");
	const ind_point *v = value_of(sum, 2023, NULL);
	assert_false(v->computed);
	assert_true(v->value == 10);
	v = value_of(sum, 2024, NULL);
	assert_non_null(v);
	assert_true(v->computed);
	assert_true(v->value == 7.5);
	assert_int_equal(v->nreported, 2);
	assert_int_equal(v->nexpected, 3);
	assert_ptr_equal(model_latest_value(sum, NULL), v);
	/* a mean over the group's members only: r3's 99 is not among them */
	v = value_of(model_indicator(p, "mean"), 2024, NULL);
	assert_true(v->computed && v->value == 3.5);
	assert_int_equal(v->nexpected, 2);
	plan_free(p);
	diag_free(&d);
}

/* import validates the plan, merges the status file it made and validates
 * again: the second validation must give the same groups, and totals that
 * count the merged value once, with no stale total taken for a written one */
static void test_validate_twice(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	plan *p = load(levels_xml, &d);
	assert_non_null(p);
	static const char st[] =
		"<status-report xmlns=\"urn:statusrapport:1\" plan=\"n\" owner=\"r2\" year=\"2024\">"
		"<value indicator=\"sum\" value=\"2\"/></status-report>";
	assert_int_equal(plan_merge_status_mem(p, schema, "r2.xml", st, strlen(st), &d), SR_OK);
	diag again;
	diag_init(&again);
	assert_int_equal(validate_plan(p, &again), SR_OK);
	assert_int_equal(again.warnings, 1); /* 2023's, as the first time */
	const owner *rs = model_owner(p, "rs");
	assert_int_equal(rs->nmembers, 2);
	assert_ptr_equal(rs->members[1], model_owner(p, "r2"));
	const indicator *sum = model_indicator(p, "sum");
	size_t totals = 0;
	for (size_t i = 0; i < sum->nvalues; i++)
		totals += sum->values[i].year == 2024 && !sum->values[i].owner;
	assert_int_equal(totals, 1);
	const ind_point *v = value_of(sum, 2024, NULL);
	assert_true(v->computed);
	assert_true(v->value == 9.5);
	assert_int_equal(v->nreported, 3);
	plan_free(p);
	diag_free(&again);
	diag_free(&d);
}

static void test_column_counts_characters(void **state)
{
	(void)state;
	/* "Ålesund" etc. before a tag on the same line: columns count
	 * characters, not bytes. */
	const char *x =
		"<plan xmlns=\"urn:statusrapport:1\" id=\"p\"><title>æøå</title><organisation>Å</organisation>"
		"<period from=\"2023\" to=\"2026\"/><owners><owner id=\"r\" type=\"rhf\">R</owner></owners>"
		"<area id=\"1\" title=\"A\"><measure id=\"1\"><text>t</text><responsible ref=\"nope\"/></measure></area></plan>";
	diag d;
	diag_init(&d);
	assert_null(load(x, &d));
	assert_int_equal(d.errors, 1);
	const char *hit = strstr(x, "<responsible");
	/* column = characters before it + 1; the text holds 4 two-byte letters */
	int col = (int)(hit - x) + 1 - 4;
	assert_int_equal(d.msgs[0].line, 1);
	assert_int_equal(d.msgs[0].col, col);
	assert_non_null(strstr(d.msgs[0].text, "\"nope\" is not defined"));
	diag_free(&d);
}

static void test_every_problem_reported(void **state)
{
	(void)state;
	char *x = strdup(plan_xml);
	/* two independent mistakes: both must be reported */
	char *s = strstr(x, "value=\"completed\"");
	s[strlen("value=\"complete")] = 'x'; /* completex */
	s = strstr(x, "progress=\"40\"");
	s[strlen("progress=\"4")] = 'x'; /* 4x */
	diag d;
	diag_init(&d);
	assert_null(load(x, &d));
	assert_int_equal(d.errors, 2);
	diag_free(&d);
	free(x);
}

static void test_report_tree(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	plan *p = load(plan_xml, &d);
	assert_non_null(p);
	report_opts o = {.now = (time_t)86400 * 365, .tpl = annual};
	doc *dd = NULL;
	assert_int_equal(report_build(p, &o, &dd, &d), SR_OK);
	const char *why = NULL;
	assert_int_equal(doc_check(dd, &why), 0);
	assert_string_equal(dd->lang, "nb-NO");
	/* a date keeps together: no-break spaces */
	assert_string_equal(dd->date_text, "1.\xc2\xa0januar\xc2\xa0" "1971");
	/* the per-owner view keeps only a's measure */
	doc *da = NULL;
	o.owner = model_owner(p, "a");
	o.tpl = trust;
	assert_int_equal(report_build(p, &o, &da, &d), SR_OK);
	char *all = doc_plain_text(da, da->root);
	assert_non_null(strstr(all, "Første"));
	assert_null(strstr(all, "Bare RHF"));
	assert_non_null(strstr(all, "Fullført"));
	doc_free(da);
	doc_free(dd);
	plan_free(p);
	diag_free(&d);
}

static void test_doc_iter_and_clone(void **state)
{
	(void)state;
	doc *d = doc_new();
	doc_node *p = doc_append(d->root, doc_para(d, DOC_P_BODY, (srcpos){0}));
	doc_node *em = doc_append(p, doc_node_new(d, DOC_EMPH, (srcpos){0}));
	doc_add_text(d, em, "a");
	doc_add_text(d, p, "b");
	doc_append(d->root, doc_node_new(d, DOC_TOC, (srcpos){0}));
	static const doc_event want[] = {DOC_EV_ENTER, DOC_EV_ENTER, DOC_EV_ENTER, DOC_EV_ENTER,
					 DOC_EV_EXIT, DOC_EV_ENTER, DOC_EV_EXIT, DOC_EV_ENTER,
					 DOC_EV_EXIT, DOC_EV_DONE};
	doc_iter it;
	const doc_node *n;
	doc_iter_init(&it, d->root);
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		assert_int_equal(doc_iter_next(&it, &n), want[i]);
	doc *e = doc_new();
	doc_node *c = doc_clone(e, p);
	assert_string_equal(doc_plain_text(e, c), "ab");
	assert_int_equal(c->first->type, DOC_EMPH);
	/* the copy's nodes are its own, its strings the source's (doc.h) */
	assert_ptr_not_equal(c->first->first, em->first);
	assert_ptr_equal(c->first->first->u.text.text, em->first->u.text.text);
	doc_node *q = doc_append(e->root, doc_para(e, DOC_P_BODY, (srcpos){0}));
	doc_append_children_of(e, q, p);
	assert_string_equal(doc_plain_text(e, q), "ab");
	assert_ptr_not_equal(q->last, p->last);
	assert_ptr_equal(q->last->u.text.text, p->last->u.text.text);
	static const char word[] = "Pågår";
	doc_node *t = doc_text_ref(e, word, sizeof word - 1, (srcpos){0});
	assert_ptr_equal(t->u.text.text, word);
	assert_int_equal(t->u.text.len, sizeof word - 1);
	/* skipping children */
	doc_iter_init(&it, d->root);
	doc_iter_next(&it, &n); /* document */
	doc_iter_next(&it, &n); /* paragraph */
	doc_iter_skip_children(&it);
	assert_int_equal(doc_iter_next(&it, &n), DOC_EV_EXIT);
	assert_ptr_equal(n, p);
	const char *why;
	assert_int_equal(doc_check(d, &why), 0);
	doc_append(d->root, doc_text(d, "x", 1, (srcpos){0})); /* inline at block level */
	assert_int_equal(doc_check(d, &why), -1);
	doc_free(e);
	doc_free(d);
}

static void test_numbers(void **state)
{
	(void)state;
	const labels *nb = labels_for("nb"), *en = labels_for("en");
	char b[64];
	labels_number(nb, 3.5, 2, b, sizeof b);
	assert_string_equal(b, "3,5");
	labels_number(nb, 12345.25, 2, b, sizeof b);
	assert_string_equal(b, "12\xc2\xa0" "345,25");
	labels_number(nb, 1234, 2, b, sizeof b);
	assert_string_equal(b, "1234");
	labels_number(nb, -0.001, 2, b, sizeof b);
	assert_string_equal(b, "0");
	labels_number(en, 12345.5, 2, b, sizeof b);
	assert_string_equal(b, "12,345.5");
	labels_value(nb, 5, "%", b, sizeof b);
	assert_string_equal(b, "5\xc2\xa0%");
	labels_date_iso(nb, "2023-06-02", b, sizeof b);
	assert_string_equal(b, "2.\xc2\xa0juni\xc2\xa0" "2023");
	labels_date_iso(en, "2023-06-02", b, sizeof b);
	assert_string_equal(b, "2\xc2\xa0June\xc2\xa0" "2023");
	assert_null(labels_for("de"));
}

/* A worker thread's messages join the caller's: all of them, counted, and
 * printed in place among the caller's (sorted by file and position). */
static void test_diag_take(void **state)
{
	(void)state;
	diag d, w;
	diag_init(&d);
	diag_init(&w);
	diag_add(&d, DIAG_ERROR, "a.xml", 3, 1, "third");
	diag_add(&d, DIAG_WARNING, "a.xml", 1, 1, "first");
	diag_add(&w, DIAG_ERROR, "a.xml", 2, 5, "second");
	diag_add(&w, DIAG_ERROR, NULL, 0, 0, "no file");
	diag_take(&d, &w);
	assert_int_equal(d.n, 4);
	assert_int_equal(d.errors, 3);
	assert_int_equal(d.warnings, 1);
	assert_int_equal(w.n, 0);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_non_null(f);
	diag_print(&d, f);
	fclose(f);
	const char *first = strstr(text, "first"), *second = strstr(text, "second"),
		   *third = strstr(text, "third");
	assert_true(first && second && third && first < second && second < third);
	assert_non_null(strstr(text, "no file"));
	free(text);
	/* past the caller's limit the rest are dropped (and freed) */
	diag_free(&d);
	d.limit = 2;
	diag_add(&d, DIAG_ERROR, "b.xml", 1, 1, "kept");
	diag_add(&w, DIAG_ERROR, "b.xml", 2, 1, "kept too");
	diag_add(&w, DIAG_ERROR, "b.xml", 3, 1, "dropped");
	diag_take(&d, &w);
	assert_int_equal(d.n, 2);
	assert_string_equal(d.msgs[1].text, "kept too");
	assert_int_equal(d.errors, 3);
	assert_int_equal(w.n, 0);
	diag_free(&d);
	diag_free(&w);
}

/* A measure's statuses are held at their number; a status file's add to
 * them (the array grows), and the plan's stay as they were. */
static void test_statuses_grow_by_merge(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	plan *p = load(plan_xml, &d);
	assert_non_null(p);
	measure *m = p->measures[0];
	assert_int_equal(m->nstatuses, 3);
	assert_int_equal(m->capstatuses, 3);
	assert_int_equal(p->measures[1]->nstatuses, 0);
	static const char st[] =
		"<status-report xmlns=\"urn:statusrapport:1\" plan=\"p\" owner=\"b\" year=\"2024\">"
		"<status measure=\"1.1\" value=\"ongoing\">Går  som\n  planlagt.</status>"
		"</status-report>";
	assert_int_equal(plan_merge_status_mem(p, schema, "b.xml", st, strlen(st), &d), SR_OK);
	assert_int_equal(validate_plan(p, &d), SR_OK); /* resolves the owners */
	assert_int_equal(m->nstatuses, 4);
	assert_int_equal(m->statuses[0].year, 2023);
	assert_int_equal(m->statuses[1].progress, 40);
	assert_int_equal(m->statuses[2].value, ST_COMPLETED);
	const status *s = model_status(m, 2024, model_owner(p, "b"), 0, NULL);
	assert_non_null(s);
	assert_int_equal(s->value, ST_ONGOING);
	char *txt = doc_plain_text(p->text, s->comment);
	assert_string_equal(txt, "Går som planlagt.");
	plan_free(p);
	diag_free(&d);
}

static void test_arena(void **state)
{
	(void)state;
	arena a;
	arena_init(&a);
	char *big = arena_alloc(&a, 1 << 20);
	assert_non_null(big);
	char *s = arena_printf(&a, "%s-%d", "x", 42);
	assert_string_equal(s, "x-42");
	assert_null(arena_array(&a, SIZE_MAX / 2, 4));
	assert_true(arena_failed(&a));
	assert_null(arena_alloc(&a, 1)); /* sticky */
	arena_free(&a);
}

static int setup(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	sr_status st = plan_schema_load(&schema, &d);
	if (st == SR_OK)
		st = template_schema_load(&tschema, &d);
	if (st == SR_OK)
		st = template_load(&annual, tschema, "arsrapport", &d);
	if (st == SR_OK)
		st = template_load(&trust, tschema, "helseforetak", &d);
	diag_free(&d);
	return st == SR_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	template_free(annual);
	template_free(trust);
	xmlin_schema_free(schema);
	xmlin_schema_free(tschema);
	xmlCleanupParser();
	return 0;
}

/* Every row of tests/unit/short.txt: a measure's text and its one-line
 * title.  All rows run; each failure names its line in the file. */
static void test_short_titles(void **state)
{
	(void)state;
	char path[4096], line[2048], out[4 * MODEL_SHORT_MAX + 1];
	FILE *f = casefile_open("short.txt", path, sizeof path);
	assert_non_null(f);
	int lineno = 0, rows = 0, bad = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		char *fld[2];
		const char *why = NULL;
		int n = casefile_fields(line, fld, NULL, 2, &why);
		if (n == 0)
			continue;
		if (n != 2) {
			fprintf(stderr, "%s:%d: %s\n", path, lineno, why ? why : "want a text and its title");
			bad++;
			continue;
		}
		rows++;
		size_t len = model_short_title(fld[0], MODEL_SHORT_MAX, out, sizeof out);
		if (strcmp(out, fld[1]) != 0 || len != strlen(out) || model_chars(out) > MODEL_SHORT_MAX) {
			fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", path, lineno, out, fld[1]);
			bad++;
		}
	}
	fclose(f);
	assert_true(rows > 0);
	if (bad) {
		fprintf(stderr, "%s: %d failures in %d rows\n", path, bad, rows);
		fail();
	}
	/* a small buffer still holds a string */
	char tiny[8];
	model_short_title("Etablere et nettverk", MODEL_SHORT_MAX, tiny, sizeof tiny);
	assert_true(strlen(tiny) < sizeof tiny);
	/* a shorter limit: a focus area's title in a bold group row */
	model_short_title("Etablere et nettverk for forskning", 20, out, sizeof out);
	assert_string_equal(out, "Etablere et…");
}

/* Each status value in exactly one set; a set's word list for messages
 * is its reader order; names round-trip. */
static void test_status_sets(void **state)
{
	(void)state;
	for (int set = SET_PROGRESS; set <= SET_ACHIEVEMENT; set++) {
		size_t n;
		const status_value *o = model_status_order((status_set)set, &n);
		char words[256] = "";
		for (size_t i = 0; i < n; i++) {
			assert_true(model_status_in(o[i], (status_set)set));
			assert_false(model_status_in(o[i], (status_set)!set));
			assert_int_equal(model_status_parse(model_status_name(o[i])), o[i]);
			snprintf(words + strlen(words), sizeof words - strlen(words), "%s%s",
				 i ? ", " : "", model_status_name(o[i]));
		}
		assert_string_equal(model_status_set_values((status_set)set), words);
		status_set back = (status_set)!set;
		assert_int_equal(model_status_set_parse(model_status_set_name((status_set)set), &back), 0);
		assert_int_equal(back, set);
		assert_true(model_status_in(ST_NONE, (status_set)set));
	}
	size_t np, na;
	model_status_order(SET_PROGRESS, &np);
	model_status_order(SET_ACHIEVEMENT, &na);
	assert_int_equal(np + na, ST_COUNT - 1);
	status_set s = SET_ACHIEVEMENT;
	assert_int_equal(model_status_set_parse("results", &s), -1);
	assert_int_equal(s, SET_ACHIEVEMENT);
	assert_int_equal(model_status_parse("partly-achieved"), ST_PARTLY_ACHIEVED);
}

/* ---- statuses computed from the numbers ---------------------------------- */

/* The rule as a table: value, target, tolerance, direction, grade. */
static void test_grade_table(void **state)
{
	(void)state;
	static const struct {
		double value, target, tolerance;
		int decrease, grade;
	} rows[] = {
		{75, 70, 0, 0, 0},         /* increase: over the target */
		{70, 70, 0, 0, 0},         /* exactly on it */
		{70 - 1e-12, 70, 0, 0, 0}, /* a mean's rounding is no miss */
		{65, 70, 10, 0, 1},        /* under, inside 10 % of 70 (7) */
		{63, 70, 10, 0, 1},        /* on the tolerance's edge */
		{62.9, 70, 10, 0, 2},      /* past it */
		{69.9, 70, 0, 0, 2},       /* no tolerance: any miss */
		{47, 50, 0, 1, 0},         /* decrease: under the target */
		{50, 50, 0, 1, 0},         /* exactly on it */
		{53, 50, 10, 1, 1},        /* over, inside 10 % of 50 (5) */
		{55, 50, 10, 1, 1},        /* on the edge */
		{55.1, 50, 10, 1, 2},      /* past it */
		{50.5, 50, 0, 1, 2},       /* no tolerance */
		{99, 50, 100, 1, 1},       /* the widest tolerance */
		{0, 0, 50, 1, 0},          /* a zero target met */
		{1, 0, 50, 1, 2},          /* ... missed: a per cent of 0 is 0 */
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if (model_grade(rows[i].decrease, rows[i].tolerance, rows[i].value, rows[i].target) !=
		    rows[i].grade)
			fail_msg("row %zu: %g against %g (%s, %g %%): wanted grade %d", i, rows[i].value,
				 rows[i].target, rows[i].decrease ? "decrease" : "increase",
				 rows[i].tolerance, rows[i].grade);
	static const status_value ach[] = {ST_ACHIEVED, ST_PARTLY_ACHIEVED, ST_NOT_ACHIEVED};
	static const status_value prog[] = {ST_COMPLETED, ST_IN_PROGRESS, ST_DELAYED};
	for (int g = 0; g < 3; g++) {
		assert_int_equal(model_grade_status(SET_ACHIEVEMENT, g), ach[g]);
		assert_int_equal(model_grade_status(SET_PROGRESS, g), prog[g]);
	}
}

/* A plan of requirements with numbers, in a status set (%1$s) with the
 * reported statuses of that set: b's on 1.1 (%2$s, met) contradicts its
 * 53, c's on 1.1 (%3$s) agrees with its 61, c's on 1.3 (%4$s) is one step
 * off its "missed beyond the tolerance" but on the same side of the
 * target, a's on 1.2 (%4$s) says missed where its 72 met the target, and
 * the overall status of 1.5 (%2$s) contradicts the plan's 52.  x has a
 * value but no task. */
static const char judged_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<plan xmlns=\"urn:statusrapport:1\" id=\"k\" xml:lang=\"nb\" status-set=\"%1$s\">\n"
	"  <title>Krav</title><organisation>RHF</organisation>\n"
	"  <period from=\"2024\" to=\"2025\"/>\n"
	"  <owners>\n"
	"    <owner id=\"rhf\" type=\"rhf\">RHF</owner>\n"
	"    <owner id=\"a\" type=\"hf\" parent=\"rhf\">A</owner>\n"
	"    <owner id=\"b\" type=\"hf\" parent=\"rhf\">B</owner>\n"
	"    <owner id=\"c\" type=\"hf\" parent=\"rhf\">C</owner>\n"
	"    <owner id=\"x\" type=\"other\">X</owner>\n"
	"    <owner id=\"hf\" type=\"group\" members=\"a b c\">HF</owner>\n"
	"  </owners>\n"
	"  <goals>\n"
	"    <indicator id=\"ned\" level=\"regional\" unit=\"dager\" direction=\"decrease\" tolerance=\"10\">\n"
	"      <name>Ventetid</name><target year=\"2025\" value=\"50\"/>\n"
	"      <value year=\"2025\" value=\"52\"/>\n"
	"      <value year=\"2025\" value=\"47\" owner=\"a\"/><value year=\"2024\" value=\"40\" owner=\"a\"/>\n"
	"      <value year=\"2025\" value=\"53\" owner=\"b\"/>\n"
	"      <value year=\"2025\" value=\"61\" owner=\"c\"/>\n"
	"      <value year=\"2025\" value=\"40\" owner=\"x\"/>\n"
	"    </indicator>\n"
	"    <indicator id=\"opp\" level=\"regional\" unit=\"%%\" direction=\"increase\" aggregate=\"mean\">\n"
	"      <name>Andel</name><target year=\"2025\" value=\"70\"/>\n"
	"      <value year=\"2025\" value=\"72\" owner=\"a\"/><value year=\"2025\" value=\"70\" owner=\"b\"/>\n"
	"    </indicator>\n"
	"    <indicator id=\"annet\" level=\"regional\" unit=\"%%\" direction=\"increase\">\n"
	"      <name>Annet</name><target year=\"2024\" value=\"5\"/>\n"
	"      <value year=\"2025\" value=\"3\" owner=\"a\"/>\n"
	"    </indicator>\n"
	"  </goals>\n"
	"  <area id=\"1\" title=\"Krav\">\n"
	"    <measure id=\"1.1\"><text>Ned</text><responsible ref=\"hf\"/><indicator ref=\"ned\"/>\n"
	"      <status year=\"2025\" value=\"%2$s\" owner=\"b\"/>\n"
	"      <status year=\"2025\" value=\"%3$s\" owner=\"c\"/>\n"
	"    </measure>\n"
	"    <measure id=\"1.2\"><text>Opp</text><responsible ref=\"rhf\"/><responsible ref=\"hf\"/>\n"
	"      <indicator ref=\"opp\"/><status year=\"2025\" value=\"%4$s\" owner=\"a\"/></measure>\n"
	"    <measure id=\"1.3\"><text>Begge</text><responsible ref=\"hf\"/>\n"
	"      <indicator ref=\"ned\"/><indicator ref=\"opp\"/>\n"
	"      <status year=\"2025\" value=\"%4$s\" owner=\"c\"/>\n"
	"    </measure>\n"
	"    <measure id=\"1.4\"><text>Annet år</text><responsible ref=\"hf\"/><indicator ref=\"annet\"/></measure>\n"
	"    <measure id=\"1.5\"><text>Samlet</text><responsible ref=\"rhf\"/><indicator ref=\"ned\"/>\n"
	"      <status year=\"2025\" value=\"%2$s\"/>\n"
	"    </measure>\n"
	"  </area>\n"
	"</plan>\n";

static plan *load_judged(status_set set, diag *d)
{
	char xml[sizeof judged_xml + 256];
	if (set == SET_ACHIEVEMENT)
		snprintf(xml, sizeof xml, judged_xml, "achievement", "achieved", "not-achieved",
			 "partly-achieved");
	else
		snprintf(xml, sizeof xml, judged_xml, "progress", "completed", "delayed", "in-progress");
	return load(xml, d);
}

/* The computed status of m for o, checked against its value, its basis
 * and the reported one that must not be there. */
static const status *computed(const plan *p, const char *mid, const char *oid, int year)
{
	const measure *m = model_measure(p, mid);
	const status *s = model_status(m, year, oid ? model_owner(p, oid) : NULL, 0, NULL);
	if (s)
		assert_non_null(s->computed);
	return s;
}

static void test_computed_statuses(void **state)
{
	(void)state;
	for (int set = SET_PROGRESS; set <= SET_ACHIEVEMENT; set++) {
		diag d;
		diag_init(&d);
		plan *p = load_judged((status_set)set, &d);
		assert_non_null(p);
		assert_int_equal(d.errors, 0);
		status_value met = model_grade_status((status_set)set, 0);
		status_value near = model_grade_status((status_set)set, 1);
		status_value missed = model_grade_status((status_set)set, 2);
		/* a decreasing indicator: under, within and past its tolerance */
		const status *s = computed(p, "1.1", "a", 2025);
		assert_non_null(s);
		assert_int_equal(s->value, met);
		assert_true(s->computed->value->value == 47);
		assert_true(s->computed->target->value == 50);
		assert_string_equal(s->computed->ind->id, "ned");
		assert_int_equal(s->progress, -1);
		assert_null(s->comment);
		const measure *m11 = model_measure(p, "1.1");
		const owner *b = model_owner(p, "b"), *c = model_owner(p, "c");
		assert_int_equal(model_computed_status(m11, 2025, b)->value, near);
		assert_int_equal(model_computed_status(m11, 2025, c)->value, missed);
		/* a reported status wins */
		s = model_status(m11, 2025, b, 0, NULL);
		assert_null(s->computed);
		assert_int_equal(s->value, model_grade_status((status_set)set, 0));
		/* the overall status: the plan's own figure, 52 */
		s = computed(p, "1.1", NULL, 2025);
		assert_int_equal(s->value, near);
		assert_null(s->owner);
		/* no target for 2024: nothing computed; no task: nothing */
		assert_null(computed(p, "1.1", "a", 2024));
		assert_null(computed(p, "1.1", "x", 2025));
		assert_null(model_computed_status(m11, 2025, model_owner(p, "x")));
		/* an increasing one: exactly on target is met; the overall from
		 * the rolled-up mean; the plan's own organisation has the plan's
		 * figure; no value, no status (an owner's report falls back) */
		assert_int_equal(computed(p, "1.2", "b", 2025)->value, met);
		s = computed(p, "1.2", NULL, 2025);
		assert_int_equal(s->value, met);
		assert_true(s->computed->value->computed);
		assert_true(s->computed->value->value == 71);
		s = computed(p, "1.2", "rhf", 2025);
		assert_int_equal(s->value, met);
		assert_ptr_equal(s->owner, model_owner(p, "rhf"));
		assert_null(computed(p, "1.2", "c", 2025));
		int fb = 0;
		s = model_status(model_measure(p, "1.2"), 2025, c, 1, &fb);
		assert_int_equal(fb, 1);
		assert_non_null(s->computed);
		/* two indicators: the worse decides */
		assert_int_equal(computed(p, "1.3", "a", 2025)->value, met);
		s = computed(p, "1.3", "b", 2025);
		assert_int_equal(s->value, near);
		assert_string_equal(s->computed->ind->id, "ned");
		assert_int_equal(model_computed_status(model_measure(p, "1.3"), 2025, c)->value, missed);
		/* a target of another year judges nothing */
		assert_null(computed(p, "1.4", "a", 2025));
		assert_null(computed(p, "1.4", NULL, 2025));
		/* counts see them: 1.1 and 1.3 near, 1.2 met, 1.4 none, 1.5 reported */
		size_t counts[ST_COUNT] = {0};
		assert_int_equal(model_count(p->areas[0], 2025, NULL, counts), 5);
		assert_int_equal(counts[met], 2);
		assert_int_equal(counts[near], 2);
		assert_int_equal(counts[ST_NONE], 1);
		/* contradictions: b on 1.1 and the overall on 1.5 in both sets;
		 * a's "partly" on 1.2 says missed, but "in progress" is work
		 * going on with the figure there; c's one step off on 1.3 on
		 * the right side of the target in neither */
		assert_int_equal(d.warnings, set == SET_ACHIEVEMENT ? 3 : 2);
		int a12 = 0;
		for (size_t i = 0; i < d.n; i++)
			a12 += strstr(d.msgs[i].text, "measure 1.2 is reported partly-achieved for 2025 by a, "
						      "but its numbers say achieved") != NULL;
		assert_int_equal(a12, set == SET_ACHIEVEMENT);
		for (size_t i = 0; i < d.n; i++)
			assert_null(strstr(d.msgs[i].text, "measure 1.3"));
		int found = 0;
		for (size_t i = 0; i < d.n; i++)
			if (strstr(d.msgs[i].text, "measure 1.1 is reported ") && d.msgs[i].line == 33) {
				found = 1;
				assert_non_null(strstr(d.msgs[i].text, " for 2025 by b, but its numbers say "));
				assert_non_null(strstr(d.msgs[i].text, "indicator \"ned\" has 53 against the "
								       "target of at most 50 (the value is at t.xml:18:7)"));
			}
		assert_true(found);
		plan_free(p);
		diag_free(&d);
	}
}

/* A status file merged after validation moves the values; validating
 * again judges them anew, the new value counted. */
static void test_judged_after_merge(void **state)
{
	(void)state;
	diag d;
	diag_init(&d);
	plan *p = load_judged(SET_ACHIEVEMENT, &d);
	assert_non_null(p);
	static const char st[] =
		"<status-report xmlns=\"urn:statusrapport:1\" plan=\"k\" owner=\"c\" year=\"2025\">"
		"<value indicator=\"opp\" value=\"60\"/></status-report>";
	assert_int_equal(plan_merge_status_mem(p, schema, "c.xml", st, strlen(st), &d), SR_OK);
	diag again;
	diag_init(&again);
	assert_int_equal(validate_plan(p, &again), SR_OK);
	const status *s = computed(p, "1.2", "c", 2025);
	assert_int_equal(s->value, ST_NOT_ACHIEVED);
	assert_string_equal(s->computed->value->pos.file, "c.xml");
	/* the mean of 72, 70 and 60 misses 70, with no tolerance */
	assert_int_equal(computed(p, "1.2", NULL, 2025)->value, ST_NOT_ACHIEVED);
	plan_free(p);
	diag_free(&again);
	diag_free(&d);
}

/* tolerance="" is a per cent, 0-100, in the user's words at its element. */
static void test_bad_tolerance(void **state)
{
	(void)state;
	static const char *const bad[] = {"abc", "-1", "100.5", "2,5", "1e1", ""};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char xml[sizeof judged_xml + 256];
		snprintf(xml, sizeof xml, judged_xml, "achievement", "achieved", "not-achieved",
			 "partly-achieved");
		char *at = strstr(xml, "tolerance=\"10\"");
		char tail[sizeof xml];
		snprintf(tail, sizeof tail, "%s", at + strlen("tolerance=\"10\""));
		snprintf(at, sizeof xml - (size_t)(at - xml), "tolerance=\"%s\"%s", bad[i], tail);
		diag d;
		diag_init(&d);
		assert_null(load(xml, &d));
		assert_true(d.n >= 1);
		char want[128];
		snprintf(want, sizeof want, "tolerance=\"%s\" must be a number from 0 to 100", bad[i]);
		if (!strstr(d.msgs[0].text, want))
			fail_msg("tolerance=\"%s\": %s", bad[i], d.msgs[0].text);
		assert_int_equal(d.msgs[0].line, 14);
		assert_int_equal(d.msgs[0].col, 5);
		diag_free(&d);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_and_views),
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_validate_twice),
		cmocka_unit_test(test_column_counts_characters),
		cmocka_unit_test(test_every_problem_reported),
		cmocka_unit_test(test_report_tree),
		cmocka_unit_test(test_doc_iter_and_clone),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_diag_take),
		cmocka_unit_test(test_statuses_grow_by_merge),
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_short_titles),
		cmocka_unit_test(test_status_sets),
		cmocka_unit_test(test_grade_table),
		cmocka_unit_test(test_computed_statuses),
		cmocka_unit_test(test_judged_after_merge),
		cmocka_unit_test(test_bad_tolerance),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
