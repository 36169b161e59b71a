/* test_hyph.c: Norwegian hyphenation.  The cases of words and where they
 * break are rows in tests/unit/hyph.txt; the C functions here are the
 * checks a row cannot say: byte offsets and ranks around æøå, letters
 * beyond Latin-1, a missing pattern file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "casefile.h"
#include "pdf/hyph.h"

static hyph *H;

static int setup(void **state)
{
	diag d;
	diag_init(&d);
	sr_status st = hyph_open(&H, NULL, &d);
	diag_free(&d);
	return st == SR_OK ? 0 : -1;
}

static int teardown(void **state)
{
	hyph_close(H);
	return 0;
}

/* Every row of tests/unit/hyph.txt: a word and its hyph_mark.  All rows
 * run; each failure is reported by its line in the file. */
static void hyph_table(void **state)
{
	char path[4096], line[1024], out[2 * sizeof line + 1];
	FILE *f = casefile_open("hyph.txt", path, sizeof path);
	assert_non_null(f);
	const hyph *h = H;
	int lineno = 0, rows = 0, bad = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		char *fld[2];
		const char *why = NULL;
		int n = casefile_fields(line, fld, NULL, 2, &why);
		if (n == 0)
			continue;
		if (n == 2 && strcmp(fld[0], "@patterns") == 0 &&
		    (strcmp(fld[1], "none") == 0 || strcmp(fld[1], "built-in") == 0)) {
			h = fld[1][0] == 'n' ? NULL : H;
			continue;
		}
		if (n != 2) {
			fprintf(stderr, "%s:%d: %s\n", path, lineno,
				why ? why : "want a word and its marked form, or @patterns none|built-in");
			bad++;
			continue;
		}
		rows++;
		const char *got = hyph_mark(h, fld[0], strlen(fld[0]), out);
		if (strcmp(got, fld[1]) != 0) {
			fprintf(stderr, "%s:%d: %s: got %s, want %s\n", path, lineno, fld[0], got, fld[1]);
			bad++;
		}
	}
	fclose(f);
	assert_true(rows > 0);
	if (bad) {
		fprintf(stderr, "%s: %d failures in %d rows\n", path, bad, rows);
		fail();
	}
}

static void utf8_offsets(void **state)
{
	const char *w = "forskningsstøtteenhetene";
	hyph_point p[HYPH_MAX_POINTS];
	int n = hyph_points(H, w, strlen(w), p, HYPH_MAX_POINTS);
	assert_true(n >= 2);
	for (int i = 0; i < n; i++) {
		/* never inside a UTF-8 sequence */
		assert_true(((unsigned char)w[p[i].off] & 0xC0) != 0x80);
	}
	/* "forsk-nings=støtte=en-he-tene": the joint after "støtte" is at
	 * byte 17 (ø takes two), and the breaks after it are right too; none
	 * leaves fewer than three letters at the end */
	static const unsigned want[] = {5, 10, 17, 19, 21};
	assert_int_equal(n, 5);
	for (int i = 0; i < n; i++)
		assert_int_equal(p[i].off, want[i]);
	assert_int_equal(p[2].rank, 1);
}

static void sami_letters(void **state)
{
	/* not Latin-1: no pattern breaks, no crash, offsets on boundaries */
	const char *w = "čđŋšŧžčđŋšŧžhelse";
	hyph_point p[HYPH_MAX_POINTS];
	int n = hyph_points(H, w, strlen(w), p, HYPH_MAX_POINTS);
	for (int i = 0; i < n; i++)
		assert_true(((unsigned char)w[p[i].off] & 0xC0) != 0x80);
}

static void missing_file(void **state)
{
	diag d;
	diag_init(&d);
	hyph *h;
	assert_int_equal(hyph_open(&h, "/nonexistent/hyph.dic", &d), SR_SYSTEM);
	assert_int_equal(d.errors, 1);
	diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hyph_table),
		cmocka_unit_test(utf8_offsets),
		cmocka_unit_test(sami_letters),
		cmocka_unit_test(missing_file),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
