/* Unit tests: the house style's one filling function (doc_style_fill) --
 * nothing set is the built-in style, the body size scales the roles, a
 * colour set once reaches every role that follows it, and a value set
 * explicitly wins over what would follow. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "doc/style.h"

static char *dump(const doc_style *s)
{
	char *text = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&text, &len);
	assert_non_null(m);
	doc_style_dump(s, m);
	fclose(m);
	return text;
}

static void unset_is_builtin(void **state)
{
	(void)state;
	doc_style a, b, none;
	doc_style_fill(&a, NULL);
	doc_style_unset(&none);
	doc_style_fill(&b, &none);
	char *da = dump(&a), *db = dump(&b);
	assert_string_equal(da, db);
	free(da);
	free(db);
	/* and a new document starts from it */
	doc *d = doc_new();
	assert_non_null(d);
	char *dd = dump(&d->style);
	da = dump(&a);
	assert_string_equal(da, dd);
	free(da);
	free(dd);
	doc_free(d);
}

static void body_size_scales(void **state)
{
	(void)state;
	doc_style s, o;
	doc_style_unset(&o);
	o.font_size = 12;
	doc_style_fill(&s, &o);
	assert_true(fabs(s.para[DOC_P_BODY].size - 12) < 1e-9);
	assert_true(fabs(s.heading[0].size - 1.7 * 12) < 1e-9);
	assert_true(fabs(s.para[DOC_P_TITLE].size - 2.4 * 12) < 1e-9);
	assert_true(fabs(s.table.size - 0.9 * 12) < 1e-9);
	assert_true(fabs(s.furniture_size - 0.8 * 12) < 1e-9);
	/* a table's note follows the table's size */
	o.table.size = 9;
	doc_style_fill(&s, &o);
	assert_true(fabs(s.table.note_size - 0.9 * 9) < 1e-9);
	/* a role's own size wins */
	o.heading[0].size = 20;
	doc_style_fill(&s, &o);
	assert_true(fabs(s.heading[0].size - 20) < 1e-9);
	assert_true(fabs(s.heading[1].size - 1.3 * 12) < 1e-9);
}

static void colours_follow(void **state)
{
	(void)state;
	doc_style s, o;
	doc_style_unset(&o);
	o.heading_rgb = 0x112233;
	o.muted_rgb = 0x445566;
	o.text_rgb = 0x010203;
	o.heading[2].rgb = 0x778899;
	doc_style_fill(&s, &o);
	assert_int_equal(s.heading[0].rgb, 0x112233);
	assert_int_equal(s.heading[2].rgb, 0x778899);
	assert_int_equal(s.para[DOC_P_TITLE].rgb, 0x112233);
	assert_int_equal(s.para[DOC_P_SUBTITLE].rgb, 0x445566);
	assert_int_equal(s.para[DOC_P_NOTE].rgb, 0x445566);
	assert_int_equal(s.para[DOC_P_BODY].rgb, 0x010203);
	assert_int_equal(s.para[DOC_P_CAPTION].rgb, 0x010203);
	/* black is a colour, not "unset" */
	o.link_rgb = 0;
	doc_style_fill(&s, &o);
	assert_int_equal(s.link_rgb, 0);
}

static void bullets_repeat(void **state)
{
	(void)state;
	doc_style s;
	doc_style_fill(&s, NULL);
	assert_string_equal(doc_style_bullet(&s, 1), "\xE2\x80\xA2");
	assert_string_equal(doc_style_bullet(&s, 2), "\xE2\x80\x93");
	assert_string_equal(doc_style_bullet(&s, 1 + DOC_BULLETS), doc_style_bullet(&s, 1));
	assert_ptr_equal(doc_style_heading(&s, 7), &s.heading[DOC_HEADINGS - 1]);
	assert_ptr_equal(doc_style_heading(&s, 0), &s.heading[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unset_is_builtin),
		cmocka_unit_test(body_size_scales),
		cmocka_unit_test(colours_follow),
		cmocka_unit_test(bullets_repeat),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
