/* Unit tests: the rules written once -- UTF-8 decoding (base/utf8.h), what
 * an id may be and the owner types (model.h), and the white-space modes of
 * a node's plain text (doc_flatten). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "base/buf.h"
#include "base/utf8.h"
#include "doc/doc.h"
#include "model/model.h"
#include "pdf/fonts.h"

static size_t dec(const char *s, uint32_t *cp)
{
	return utf8_decode(s, strlen(s), cp);
}

static void test_utf8(void **state)
{
	(void)state;
	uint32_t c = 0;
	assert_int_equal(dec("A", &c), 1);
	assert_int_equal(c, 'A');
	assert_int_equal(dec("\xc3\xa5", &c), 2); /* å */
	assert_int_equal(c, 0xE5);
	assert_int_equal(dec("\xe2\x80\x93", &c), 3); /* – */
	assert_int_equal(c, 0x2013);
	assert_int_equal(dec("\xf0\x9f\x98\x80", &c), 4);
	assert_int_equal(c, 0x1F600);
	/* not well-formed: overlong, surrogate, beyond U+10FFFF, stray
	 * continuation, a lead without its continuation, cut off */
	assert_int_equal(dec("\xc0\xaf", &c), 0);
	assert_int_equal(dec("\xe0\x80\xaf", &c), 0);
	assert_int_equal(dec("\xed\xa0\x80", &c), 0);
	assert_int_equal(dec("\xf4\x90\x80\x80", &c), 0);
	assert_int_equal(dec("\x80", &c), 0);
	assert_int_equal(dec("\xc3(", &c), 0);
	assert_int_equal(utf8_decode("\xe2\x80\x93", 2, &c), 0);

	assert_true(utf8_valid("Pågår – ok", strlen("Pågår – ok")));
	assert_true(utf8_valid("", 0));
	assert_false(utf8_valid("P\xe5g", 3)); /* Latin-1 */
	assert_false(utf8_valid("\xed\xa0\x80", 3));

	/* the fonts' view: a bad byte is U+FFFD and one byte long */
	int adv;
	assert_int_equal(font_utf8("\xc3\xa5x", 3, &adv), 0xE5);
	assert_int_equal(adv, 2);
	assert_int_equal(font_utf8("\xe5g", 2, &adv), 0xFFFD);
	assert_int_equal(adv, 1);
}

static void test_plain_id(void **state)
{
	(void)state;
	static const char *const good[] = {"hmn", "St-Olav_2", "1.1.2", "a", "9x", "A.b-c_d"};
	static const char *const bad[] = {"", ".", "..", ".hidden", "-x", "_x", "a/b", "../x",
					  "a b", "hø", "a\\b", "a:b"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (!model_plain_id(good[i]))
			fail_msg("\"%s\" should be a plain id", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (model_plain_id(bad[i]))
			fail_msg("\"%s\" should not be a plain id", bad[i]);
	assert_false(model_plain_id(NULL));
}

static void test_owner_types(void **state)
{
	(void)state;
	for (int t = OWNER_RHF; t <= OWNER_OTHER; t++) {
		owner_type back = OWNER_OTHER;
		assert_int_equal(model_owner_type_parse(model_owner_type_name((owner_type)t), &back), 0);
		assert_int_equal(back, t);
	}
	owner_type t = OWNER_HF;
	assert_int_equal(model_owner_type_parse("HF", &t), -1);
	assert_int_equal(model_owner_type_parse(NULL, &t), -1);
	assert_int_equal(t, OWNER_HF);
	assert_string_equal(model_owner_type_name(OWNER_GROUP), "group");
}

/* <p>"  a\n b " <br/> "c"</p><p>"d"</p> under one root */
static void test_flatten(void **state)
{
	(void)state;
	doc *d = doc_new();
	assert_non_null(d);
	srcpos nopos = {0};
	doc_node *root = doc_node_new(d, DOC_ITEM, nopos);
	doc_node *p1 = doc_append(root, doc_node_new(d, DOC_PARAGRAPH, nopos));
	doc_append(p1, doc_text(d, "  a\n b ", 7, nopos));
	doc_append(p1, doc_node_new(d, DOC_BREAK, nopos));
	doc_append(p1, doc_text(d, "c", 1, nopos));
	doc_node *p2 = doc_append(root, doc_node_new(d, DOC_PARAGRAPH, nopos));
	doc_append(p2, doc_text(d, "d", 1, nopos));

	assert_string_equal(doc_flatten(&d->arena, root, DOC_WS_KEEP), "  a\n b  cd");
	assert_string_equal(doc_flatten(&d->arena, root, DOC_WS_SPACE), "  a\n b c d");
	assert_string_equal(doc_flatten(&d->arena, root, DOC_WS_LINES), "  a\n b  c\nd");
	assert_string_equal(doc_flatten(&d->arena, root, DOC_WS_COLLAPSE), "a b cd");
	buf b = BUF_INIT;
	buf_puts(&b, "[");
	doc_flatten_put(&b, root, DOC_WS_COLLAPSE);
	assert_int_equal(b.len, 7);
	assert_memory_equal(b.data, "[a b cd", 7);
	buf_free(&b);
	assert_null(doc_flatten(&d->arena, NULL, DOC_WS_KEEP));
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_plain_id),
		cmocka_unit_test(test_owner_types),
		cmocka_unit_test(test_flatten),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
