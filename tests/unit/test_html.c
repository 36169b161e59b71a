/* test_html.c: the HTML backend -- escaping of everything from the tree,
 * the heading shift under the one h1 (and no gaps), valid and unique ids
 * that the contents link to, live links only for safe schemes, a chart as
 * labelled SVG, determinism, and clean failure on a capped buffer. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc/chart.h"
#include "html/html.h"

static const srcpos Z = {0};

static char *render(const doc *d)
{
	buf b = BUF_INIT;
	diag g;
	diag_init(&g);
	assert_int_equal(html_render(d, &b, &g), SR_OK);
	assert_int_equal(g.errors, 0);
	diag_free(&g);
	char *s = buf_cstr(&b);
	assert_non_null(s);
	return s; /* the buf's data: xfree through buf_free's owner */
}

static void done(char *s)
{
	buf b = BUF_INIT;
	b.data = (unsigned char *)s;
	buf_free(&b);
}

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

static doc *titled(void)
{
	doc *d = doc_new();
	assert_non_null(d);
	d->title = "Plan";
	d->lang = "nn-NO";
	d->author = "Helse Midt-Norge RHF";
	d->date_text = "23. november 2026";
	d->toc_title = "Innhald";
	d->created = 1795420800; /* 2026-11-23 */
	doc_append(d->root, doc_para_text(d, DOC_P_TITLE, "Plan", Z));
	doc_append(d->root, doc_para_text(d, DOC_P_SUBTITLE, "Statusrapport 2024", Z));
	return d;
}

/* Markup, quotes, control characters, C1 controls, noncharacters and
 * invalid UTF-8 in text and in attributes. */
static void test_escaping(void **state)
{
	(void)state;
	doc *d = titled();
	d->subject = "a \"quoted\" <subject> & more";
	doc_node *p = doc_append(d->root, doc_para(d, DOC_P_BODY, Z));
	doc_add_text(d, p, "<script>alert(1)</script> & \x01\x1b[0m \xc2\x85 \xef\xb7\x90 \xff end\nnext");
	doc_node *l = doc_append(p, doc_node_new(d, DOC_LINK, Z));
	l->u.link.href = "https://example.org/?a=1&b=\"2\"";
	doc_add_text(d, l, "lenke");
	char *s = render(d);
	assert_non_null(strstr(s, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; [0m"));
	assert_null(strstr(s, "<script"));
	assert_null(strchr(s, '\x01'));
	assert_null(strchr(s, '\x1b'));
	assert_null(strstr(s, "\xc2\x85"));     /* C1 control */
	assert_null(strstr(s, "\xef\xb7\x90")); /* noncharacter U+FDD0 */
	assert_non_null(strstr(s, "\xef\xbf\xbd end<br>next")); /* U+FFFD; a line end */
	assert_non_null(strstr(s, "content=\"a &quot;quoted&quot; &lt;subject&gt; &amp; more\""));
	assert_non_null(strstr(s, "href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\""));
	assert_non_null(strstr(s, "<html lang=\"nn-NO\">"));
	done(s);
	doc_free(d);
}

/* Only http, https and mailto links are live; others keep their text. */
static void test_links(void **state)
{
	(void)state;
	doc *d = titled();
	static const char *const hrefs[] = {"javascript:alert(1)", "HTTPS://ok.example/",
					    "mailto:post@example.org", "file:///etc/passwd",
					    "data:text/html,x", "https://", NULL};
	doc_node *p = doc_append(d->root, doc_para(d, DOC_P_BODY, Z));
	for (int i = 0; i < 7; i++) {
		doc_node *l = doc_append(p, doc_node_new(d, DOC_LINK, Z));
		l->u.link.href = hrefs[i];
		doc_add_text(d, l, "t");
	}
	char *s = render(d);
	assert_int_equal(count(s, "<a href=\"HTTPS://ok.example/\">t</a>"), 1);
	assert_int_equal(count(s, "<a href=\"mailto:post@example.org\">t</a>"), 1);
	assert_null(strstr(s, "javascript"));
	assert_null(strstr(s, "file:"));
	assert_null(strstr(s, "href=\"data:text"));
	assert_null(strstr(s, "href=\"https://\""));
	done(s);
	doc_free(d);
}

/* The title paragraph is the one h1; tree levels move one down and never
 * skip one; the contents link to the headings' ids. */
static void test_heading_shift(void **state)
{
	(void)state;
	doc *d = titled();
	doc_append(d->root, doc_node_new(d, DOC_TOC, Z));
	doc_add_text(d, doc_append(d->root, doc_heading(d, 1, "del-a", Z)), "A");
	doc_add_text(d, doc_append(d->root, doc_heading(d, 3, "del-b", Z)), "B");
	doc_add_text(d, doc_append(d->root, doc_heading(d, 2, "del-c", Z)), "C");
	doc_add_text(d, doc_append(d->root, doc_heading(d, 1, "del-d", Z)), "D");
	char *s = render(d);
	assert_int_equal(count(s, "<h1"), 1);
	assert_non_null(strstr(s, "<h1 id=\"sr-title\">Plan</h1>"));
	assert_non_null(strstr(s, "<h2 id=\"sr-toc\">Innhald</h2>"));
	assert_non_null(strstr(s, "<h2 id=\"del-a\" class=\"part\">A</h2>"));
	assert_non_null(strstr(s, "<h3 id=\"del-b\">B</h3>")); /* level 3 after 1: no gap */
	assert_non_null(strstr(s, "<h3 id=\"del-c\">C</h3>"));
	assert_non_null(strstr(s, "<h2 id=\"del-d\" class=\"part\">D</h2>"));
	assert_non_null(strstr(s, "<li><a href=\"#del-b\">B</a>"));
	/* the title block is the header, the contents the nav, before main */
	const char *hd = strstr(s, "<header>"), *nav = strstr(s, "<nav"), *m = strstr(s, "<main");
	assert_true(hd && nav && m && hd < nav && nav < m);
	assert_non_null(strstr(s, "<footer>"));
	assert_non_null(strstr(s, "<time datetime=\"2026-11-23\">23. november 2026</time>"));
	done(s);
	doc_free(d);

	/* No title at all: nothing to shift under, the tree's levels stand. */
	d = doc_new();
	doc_add_text(d, doc_append(d->root, doc_heading(d, 1, "x", Z)), "X");
	doc_add_text(d, doc_append(d->root, doc_heading(d, 2, "y", Z)), "Y");
	s = render(d);
	assert_int_equal(count(s, "<h1"), 1);
	assert_non_null(strstr(s, "<h1 id=\"x\" class=\"part\">X</h1>"));
	assert_non_null(strstr(s, "<h2 id=\"y\">Y</h2>"));
	done(s);
	doc_free(d);
}

/* The CSS is the tree's style: a heading twice the body size is 2em, a cell
 * padded by its own text size 1em, in print the body is the house's size. */
static void test_style_css(void **state)
{
	(void)state;
	doc *d = titled();
	doc_add_text(d, doc_append(d->root, doc_heading(d, 1, "a", Z)), "A");
	d->style.font_size = 10;
	d->style.heading[0].size = 20;
	d->style.table.pad = d->style.table.size;
	d->style.table.grid = 1;
	char *s = render(d);
	assert_non_null(strstr(s, "h2{font-size:2em;"));
	assert_non_null(strstr(s, ";padding:1em;"));
	assert_non_null(strstr(s, "border-left:"));
	assert_non_null(strstr(s, "body{font-size:10pt;"));
	done(s);
	doc_free(d);
}

/* Anchors become valid ids (no white space, nothing a URL fragment must
 * escape), unique even against the page's own ids. */
static void test_ids(void **state)
{
	(void)state;
	doc *d = titled();
	doc_append(d->root, doc_node_new(d, DOC_TOC, Z));
	/* the last: "år", a no-break space, "2024" */
	static const char ar_nbsp[] = {'\xc3', '\xa5', 'r', '\xc2', '\xa0', '2', '0', '2', '4', 0};
	static const char *const anchors[] = {"omrade 1", "omrade 1", "main", "", "a\"b<c>#%",
					      ar_nbsp};
	for (int i = 0; i < 6; i++)
		doc_add_text(d, doc_append(d->root, doc_heading(d, 1, anchors[i], Z)), "H");
	doc_node *t = doc_append(d->root, doc_table(d, 2, NULL, 1, "Tiltak", Z));
	doc_node *r = doc_append(t, doc_row(d, 1));
	doc_add_text(d, doc_append(doc_append(r, doc_cell(d, 0, DOC_LEFT)), doc_para(d, DOC_P_BODY, Z)),
		     "Tiltak");
	doc_append(r, doc_cell(d, 0, DOC_LEFT));
	for (int i = 0; i < 2; i++) {
		r = doc_append(t, doc_row(d, 0));
		r->u.row.anchor = "tiltak-1.1";
		doc_add_text(d, doc_append(doc_append(r, doc_cell(d, 0, DOC_LEFT)),
					   doc_para(d, DOC_P_BODY, Z)), "1.1");
		doc_append(r, doc_cell(d, 0, DOC_RIGHT));
	}
	char *s = render(d);
	assert_non_null(strstr(s, "<h2 id=\"omrade-1\" class=\"part\">"));
	assert_non_null(strstr(s, "<h2 id=\"omrade-1-2\" class=\"part\">"));
	assert_non_null(strstr(s, "<h2 id=\"main-2\" class=\"part\">"));
	assert_non_null(strstr(s, "<h2 id=\"del-4\" class=\"part\">"));
	assert_non_null(strstr(s, "<h2 id=\"a-b-c---\" class=\"part\">"));
	assert_non_null(strstr(s, "<h2 id=\"\xc3\xa5r-2024\" class=\"part\">"));
	assert_non_null(strstr(s, "href=\"#omrade-1-2\""));
	assert_int_equal(count(s, "id=\"main\""), 1);
	/* rows: their anchors, unique; a header row of th scope=col, the
	 * first cell of a body row a th scope=row */
	assert_non_null(strstr(s, "<tr id=\"tiltak-1.1\"><th scope=\"row\" data-label=\"Tiltak\"><p>1.1</p>\n</th><td class=\"r\"></td>"));
	assert_non_null(strstr(s, "<tr id=\"tiltak-1.1-2\">"));
	assert_non_null(strstr(s, "<thead><tr><th scope=\"col\""));
	assert_non_null(strstr(s, "<caption id=\"sr-table-1\">Tiltak</caption>"));
	assert_non_null(strstr(s, "role=\"region\" aria-labelledby=\"sr-table-1\" tabindex=\"0\""));
	done(s);
	doc_free(d);
}

/* A chart: inline SVG named by its title, described by its alt text, in
 * a wide and a narrow drawing with ids of their own. */
static void test_chart(void **state)
{
	(void)state;
	doc *d = titled();
	doc_chart *c = arena_alloc(&d->arena, sizeof *c);
	static const char *cats[] = {"2023", "2024", "2025"};
	static const double v[] = {3.2, 3.5, NAN};
	static chart_series se = {"Regionalt", v, 0x1f3a5f, 0xffffff};
	c->kind = CHART_LINE;
	c->title = "Andel <i> studier";
	c->unit = "%";
	c->ncats = 3, c->cats = cats, c->nseries = 1, c->series = &se;
	c->base_cat = c->target_cat = -1;
	c->on_track = -1;
	c->decimal = ",", c->group = " ", c->lang = "nb-NO";
	doc_node *n = doc_append(d->root, doc_node_new(d, DOC_CHART, Z));
	n->u.chart.chart = c;
	n->u.chart.alt = "Linjediagram: 3,2 % i 2023, 3,5 % i 2024.";
	char *s = render(d);
	assert_int_equal(count(s, "<svg "), 2);
	assert_int_equal(count(s, "role=\"img\""), 2);
	assert_non_null(strstr(s, "aria-labelledby=\"sr-chart-1-t\" aria-describedby=\"sr-chart-1-d\">"
				  "<title id=\"sr-chart-1-t\">Andel &lt;i&gt; studier</title>"
				  "<desc id=\"sr-chart-1-d\">Linjediagram: 3,2 % i 2023, 3,5 % i 2024.</desc>"));
	assert_non_null(strstr(s, "<title id=\"sr-chart-1n-t\">"));
	assert_non_null(strstr(s, "textLength=\""));
	assert_non_null(strstr(s, ">2024</text>"));
	done(s);
	doc_free(d);
}

/* Two renders of one tree: the same bytes; a capped buffer: SR_SYSTEM and
 * one message, nothing leaked; a malformed tree: SR_INVALID. */
static void test_deterministic_and_full(void **state)
{
	(void)state;
	doc *d = titled();
	doc_add_text(d, doc_append(d->root, doc_heading(d, 1, "a", Z)), "A");
	char *s1 = render(d), *s2 = render(d);
	assert_string_equal(s1, s2);
	assert_non_null(strstr(s1, "<!DOCTYPE html>\n<html lang=\"nn-NO\">\n<head>\n<meta charset=\"utf-8\">"));
	assert_non_null(strstr(s1, "<link rel=\"icon\" href=\"data:,\">"));
	assert_non_null(strstr(s1, "<meta name=\"dcterms.date\" content=\"2026-11-23\">"));
	assert_null(strstr(s1, "<script"));
	done(s1);
	done(s2);

	buf small = BUF_INIT;
	small.max = 300;
	diag g;
	diag_init(&g);
	assert_int_equal(html_render(d, &small, &g), SR_SYSTEM);
	assert_int_equal(g.errors, 1);
	diag_free(&g);
	buf_free(&small);

	doc_append(d->root, doc_node_new(d, DOC_ROW, Z)); /* a row outside a table */
	buf b = BUF_INIT;
	diag_init(&g);
	assert_int_equal(html_render(d, &b, &g), SR_INVALID);
	diag_free(&g);
	buf_free(&b);
	doc_free(d);
}

int main(void)
{
	/* One group: tests/run reads cmocka's last summary line only. */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_heading_shift),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_style_css),
		cmocka_unit_test(test_chart),
		cmocka_unit_test(test_deterministic_and_full),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
