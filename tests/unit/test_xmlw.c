/* test_xmlw.c: the XML writer escapes markup characters, never writes a
 * character XML 1.0 forbids, never writes invalid UTF-8, and its errors
 * are sticky. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "base/buf.h"
#include "xml/xmlw.h"

/* Write <r a="attr">text</r> and return the document (caller frees b). */
static void write_doc(buf *b, const char *attr, const char *text, size_t len)
{
	xmlw x;
	assert_int_equal(xmlw_open(&x, b), 0);
	xmlw_start(&x, "r");
	xmlw_attr(&x, "a", attr);
	xmlw_text(&x, text, len);
	xmlw_end(&x);
	assert_int_equal(xmlw_close(&x), 0);
}

/* Parse b strictly; returns the document or fails the test. */
static xmlDocPtr parse(buf *b)
{
	xmlDocPtr d = xmlReadMemory((const char *)b->data, (int)b->len, "t.xml", NULL,
				    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	assert_non_null(d);
	return d;
}

static void test_escapes_markup(void **state)
{
	(void)state;
	buf b = BUF_INIT;
	const char *t = "a & b < c > d \"q\" 'a' ]]>";
	write_doc(&b, "x & \"y\" 'z' <w>", t, strlen(t));
	char *s = buf_cstr(&b);
	assert_non_null(strstr(s, "a &amp; b &lt; c &gt; d"));
	assert_non_null(strstr(s, "]]&gt;"));
	assert_non_null(strstr(s, "a=\"x &amp; &quot;y&quot; 'z' &lt;w&gt;\""));
	/* And a parser reads back exactly what was written. */
	xmlDocPtr d = parse(&b);
	xmlNodePtr r = xmlDocGetRootElement(d);
	xmlChar *a = xmlGetProp(r, (const xmlChar *)"a");
	xmlChar *c = xmlNodeGetContent(r);
	assert_string_equal((char *)a, "x & \"y\" 'z' <w>");
	assert_string_equal((char *)c, t);
	xmlFree(a);
	xmlFree(c);
	xmlFreeDoc(d);
	buf_free(&b);
}

static void test_drops_control_chars(void **state)
{
	(void)state;
	buf b = BUF_INIT;
	const char t[] = "a\x01" "b\x00" "c\x1b[0m\x7f\td\ne\rf\xef\xbf\xbeg";
	xmlw x;
	assert_int_equal(xmlw_open(&x, &b), 0);
	xmlw_start(&x, "r");
	xmlw_attr(&x, "a", "p\x02q\x1fr");
	xmlw_text(&x, t, sizeof t - 1);
	xmlw_end(&x);
	size_t dropped = x.dropped;
	assert_int_equal(xmlw_close(&x), 0);
	/* \x01 \x00 \x1b U+FFFE in text, \x02 \x1f in the attribute. */
	assert_int_equal(dropped, 6);
	for (size_t i = 0; i < b.len; i++) {
		unsigned char ch = b.data[i];
		assert_true(ch >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r');
	}
	xmlDocPtr d = parse(&b);
	xmlNodePtr r = xmlDocGetRootElement(d);
	xmlChar *a = xmlGetProp(r, (const xmlChar *)"a");
	xmlChar *c = xmlNodeGetContent(r);
	assert_string_equal((char *)a, "pqr");
	/* DEL (0x7f) is allowed by XML 1.0; CR survives as &#13;. */
	assert_string_equal((char *)c, "abc[0m\x7f\td\ne\rfg");
	xmlFree(a);
	xmlFree(c);
	xmlFreeDoc(d);
	buf_free(&b);
}

static void test_invalid_utf8_replaced(void **state)
{
	(void)state;
	static const struct { const char *in; const char *out; size_t bad; } cases[] = {
		{"\xc3\xa6\xc3\xb8\xc3\xa5", "\xc3\xa6\xc3\xb8\xc3\xa5", 0}, /* æøå */
		{"x\x80y", "x\xef\xbf\xbdy", 1},                 /* stray continuation */
		{"\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd", 2},     /* overlong '/' */
		{"\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 3}, /* surrogate */
		{"\xf4\x90\x80\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 4},
		{"ab\xe2\x80", "ab\xef\xbf\xbd\xef\xbf\xbd", 2}, /* truncated at the end */
		{"\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80", 0},     /* emoji, 4 bytes */
		{"\xc2\xa0\xe2\x80\x93", "\xc2\xa0\xe2\x80\x93", 0}, /* NBSP, en dash */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		buf b = BUF_INIT;
		size_t dropped = 0, replaced = 0;
		size_t bad = xmlw_clean(cases[i].in, strlen(cases[i].in), &b, &dropped,
					&replaced);
		assert_int_equal(bad, cases[i].bad);
		assert_int_equal(replaced, cases[i].bad);
		assert_int_equal(dropped, 0);
		assert_string_equal(buf_cstr(&b), cases[i].out);
		buf_free(&b);

		/* Through the writer, the document stays parseable. */
		write_doc(&b, cases[i].in, cases[i].in, strlen(cases[i].in));
		xmlFreeDoc(parse(&b));
		buf_free(&b);
	}
}

static void test_sticky_failure(void **state)
{
	(void)state;
	buf b = BUF_INIT;
	b.max = 64; /* too small for the document below */
	xmlw x;
	xmlw_open(&x, &b);
	xmlw_start(&x, "root");
	for (int i = 0; i < 2000; i++) {
		xmlw_start(&x, "e");
		xmlw_attrf(&x, "n", "%d", i);
		xmlw_puts(&x, "some text that fills the buffer");
		xmlw_end(&x);
	}
	xmlw_end(&x);
	assert_int_equal(xmlw_close(&x), -1);
	buf_free(&b);
}

static void test_elem_and_nesting(void **state)
{
	(void)state;
	buf b = BUF_INIT;
	xmlw x;
	assert_int_equal(xmlw_open(&x, &b), 0);
	xmlw_start(&x, "a:root");
	xmlw_attr(&x, "xmlns:a", "urn:x");
	xmlw_elem(&x, "a:t", "æ & ø");
	xmlw_elem(&x, "a:none", NULL);
	xmlw_start(&x, "a:open"); /* left open: close() ends it */
	assert_int_equal(xmlw_close(&x), 0);
	char *s = buf_cstr(&b);
	assert_non_null(strstr(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
	assert_non_null(strstr(s, "<a:t>\xc3\xa6 &amp; \xc3\xb8</a:t>"));
	assert_null(strstr(s, "a:none"));
	xmlFreeDoc(parse(&b));
	buf_free(&b);
}

static void test_attribute_lists(void **state)
{
	(void)state;
	buf b = BUF_INIT;
	xmlw x;
	assert_int_equal(xmlw_open(&x, &b), 0);
	xmlw_start(&x, "r");
	xmlw_attrs(&x, "a", "1", "b", NULL, "c", "<", NULL);
	xmlw_empty(&x, "e", "k", "v", NULL);
	xmlw_empty(&x, "f", NULL);
	xmlw_end(&x);
	assert_int_equal(xmlw_close(&x), 0);
	char *s = buf_cstr(&b);
	assert_non_null(strstr(s, "<r a=\"1\" c=\"&lt;\"><e k=\"v\"/><f/></r>"));
	buf_free(&b);
}

/* The whole elements xmlw_empty, xmlw_empty_long and xmlw_text_elem
 * write themselves are byte for byte what libxml2's writer makes of the
 * same element, whatever the values hold: markup, white space, controls,
 * bad UTF-8, non-ASCII. */
static void test_whole_elements_as_libxml2(void **state)
{
	(void)state;
	static const char *const vals[] = {
		"plain", "", "a & b < c > d \"q\" 'a'", "tab\there\nline\rcr", "ctl\x01\x1f end",
		"bad \xC3 utf8 \xFF", "Fullf\xC3\xB8rt \xE2\x96\xB2 \xE2\x81\xA0",
		"  two  spaces "};
	static const long nums[] = {0, 7, -1, 1234567890L, -9223372036854775807L - 1};
	for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
		buf a = BUF_INIT, b = BUF_INIT;
		xmlw x;
		assert_int_equal(xmlw_open(&x, &a), 0);
		xmlw_start(&x, "p");
		xmlw_empty(&x, "e", "v", vals[i], "n", NULL, "w", "dxa", NULL);
		xmlw_text_elem(&x, "t", "s", vals[i], vals[i], strlen(vals[i]));
		xmlw_text_elem(&x, "u", NULL, NULL, vals[i], strlen(vals[i]));
		xmlw_empty_long(&x, "g", "w", nums[i % 5]);
		xmlw_end(&x);
		assert_int_equal(xmlw_close(&x), 0);
		assert_int_equal(xmlw_open(&x, &b), 0);
		xmlw_start(&x, "p");
		xmlw_start(&x, "e");
		xmlw_attr(&x, "v", vals[i]);
		xmlw_attr(&x, "w", "dxa");
		xmlw_end(&x);
		xmlw_start(&x, "t");
		xmlw_attr(&x, "s", vals[i]);
		xmlw_text(&x, vals[i], strlen(vals[i]));
		xmlw_end(&x);
		xmlw_start(&x, "u");
		xmlw_text(&x, vals[i], strlen(vals[i]));
		xmlw_end(&x);
		xmlw_start(&x, "g");
		xmlw_attrf(&x, "w", "%ld", nums[i % 5]);
		xmlw_end(&x);
		xmlw_end(&x);
		assert_int_equal(xmlw_close(&x), 0);
		/* an empty text leaves libxml2's element empty: <u/>, <t s=""/> */
		if (*vals[i])
			assert_string_equal(buf_cstr(&a), buf_cstr(&b));
		xmlFreeDoc(parse(&a));
		buf_free(&a);
		buf_free(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escapes_markup),
		cmocka_unit_test(test_drops_control_chars),
		cmocka_unit_test(test_invalid_utf8_replaced),
		cmocka_unit_test(test_sticky_failure),
		cmocka_unit_test(test_elem_and_nesting),
		cmocka_unit_test(test_attribute_lists),
		cmocka_unit_test(test_whole_elements_as_libxml2),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
