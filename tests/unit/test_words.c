/* Unit tests: the table of words (report/words.h) -- every word in every
 * language, one name per text, the same format arguments in each language,
 * and the runs indexed by a value in that value's order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "forms/form.h"
#include "report/labels.h"

static const char *const names[W_COUNT] = {
#define W_NAME(name, nb, nn, en) [W_##name] = #name,
	LABEL_WORDS(W_NAME)
#undef W_NAME
};

static void test_complete(void **state)
{
	(void)state;
	size_t nlangs = 0;
	for (const labels *l; (l = labels_nth(nlangs)); nlangs++) {
		assert_ptr_equal(labels_for(l->code), l);
		for (int i = 0; i < W_COUNT; i++) {
			if (!l->w[i] || !*l->w[i])
				fail_msg("%s: the word %s is missing", l->code, names[i]);
		}
	}
	assert_int_equal(nlangs, 3);
	assert_null(labels_for("de"));
	assert_ptr_equal(labels_for(NULL), labels_for("nb"));
}

/* Two names with one Bokmål text are one word written twice, or a word
 * that drifted into another's place; only these pairs mean two things
 * that happen to read alike in Norwegian. */
static const int same_nb[][2] = {
	{W_MEASURE, W_COLLECT_MEASURES}, /* "Tiltak": a measure, the count of them */
};

static int intended(int a, int b)
{
	for (size_t k = 0; k < sizeof same_nb / sizeof same_nb[0]; k++)
		if ((same_nb[k][0] == a && same_nb[k][1] == b) ||
		    (same_nb[k][0] == b && same_nb[k][1] == a))
			return 1;
	return 0;
}

static void test_no_twins(void **state)
{
	(void)state;
	const labels *nb = labels_for("nb"), *en = labels_for("en");
	for (int i = 0; i < W_COUNT; i++)
		for (int j = i + 1; j < W_COUNT; j++) {
			if (strcmp(nb->w[i], nb->w[j]) == 0 && !intended(i, j))
				fail_msg("%s and %s are both \"%s\"", names[i], names[j], nb->w[i]);
			if (strcmp(en->w[i], en->w[j]) == 0)
				fail_msg("%s and %s are both \"%s\" in English", names[i], names[j],
					 en->w[i]);
		}
}

/* The %-directives of s in order ("%d%s"), "%%" left out. */
static void directives(const char *s, char *out, size_t n)
{
	size_t k = 0;
	for (; *s; s++) {
		if (*s != '%')
			continue;
		if (s[1] == '%') {
			s++;
			continue;
		}
		while (*s && k + 1 < n && !strchr("dsuf", *s))
			out[k++] = *s++;
		if (*s && k + 1 < n)
			out[k++] = *s;
	}
	out[k] = '\0';
}

static void test_same_arguments(void **state)
{
	(void)state;
	const labels *nb = labels_for("nb");
	for (int i = 0; i < W_COUNT; i++) {
		char want[64], got[64];
		directives(nb->w[i], want, sizeof want);
		for (size_t li = 1; labels_nth(li); li++) {
			const labels *l = labels_nth(li);
			directives(l->w[i], got, sizeof got);
			if (strcmp(want, got) != 0)
				fail_msg("%s: nb takes \"%s\", %s takes \"%s\"", names[i], want, l->code, got);
		}
	}
}

static void test_runs(void **state)
{
	(void)state;
	const labels *nb = labels_for("nb"), *en = labels_for("en");
	assert_string_equal(labels_status(nb, ST_NONE), "Ikke rapportert");
	assert_string_equal(labels_status(nb, ST_DELAYED), "Forsinket");
	assert_string_equal(labels_status(en, ST_CANCELLED), "Cancelled");
	assert_string_equal(labels_month(nb, 0), "januar");
	assert_string_equal(labels_month(en, 11), "December");
	assert_string_equal(labels_owner_type(nb, OWNER_HF), "Helseforetak");
	assert_string_equal(labels_owner_type(en, OWNER_OTHER), "Other");
	assert_string_equal(form_header(nb, 0), "Id");
	assert_string_equal(form_header(nb, 3), "Status %d");
	assert_string_equal(form_header(en, 6), "Progress %%");
	assert_null(form_header(nb, FORM_NCOLS));
	assert_string_equal(form_ind_header(nb, FORM_IND_LAST), "Siste verdi");
	assert_null(form_ind_header(en, -1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_complete),
		cmocka_unit_test(test_no_twins),
		cmocka_unit_test(test_same_arguments),
		cmocka_unit_test(test_runs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
