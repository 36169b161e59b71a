/* test_hyph.c: Norwegian hyphenation -- pattern breaks, compound joints,
 * UTF-8 offsets around æøå, words left whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

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

static const char *mark(const char *w)
{
	static char out[512];
	return hyph_mark(H, w, strlen(w), out);
}

/* '=' marks a compound joint, '-' an ordinary pattern break, '~' a break
 * too close before a joint.  These are the quality figures: Debian's
 * hyph_nb_NO.dic as shipped (not substring-expanded) gave one or two
 * breaks per word ("forsknings-støtteenhetene"); expanded at load time it
 * gives all of them. */
static void long_words(void **state)
{
	static const char *const cases[][2] = {
		{"spesialisthelsetjenesten", "spe-sia~list=helse=tje-nes-ten"},
		{"forskningsstøtteenhetene", "forsk-nings=støtte=en-he-te-ne"},
		{"kompetansehevingstiltak", "kom-pe-tanse=he-vings=til-tak"},
		{"brukermedvirkning", "bru~ker=med-virk-ning"},
		{"forskningsinfrastruktur", "forsk-nings=in-fra-struk-tur"},
		{"helseprofesjonene", "helse=pro-fe-sjo-ne-ne"},
		{"oppdragsforskningsenheter", "opp-drags=forsk-nings=en-he-ter"},
		{"samarbeidsrelasjoner", "sam=ar-beids=re-la-sjo-ner"},
		{"Helseplattformen", "Helse=platt-for-men"},
		{"kvalitetsregistre", "kva-li~tets=re-gist-re"},
		{"tannhelsetjenesten", "tann=helse=tje-nes-ten"},
		{"samhandlingsreformen", "sam-hand-lings=re-for-men"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		assert_string_equal(mark(cases[i][0]), cases[i][1]);
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
	/* "forsk-nings=støtte=en-he-te-ne": the joint after "støtte" is at
	 * byte 17 (ø takes two), and the breaks after it are right too */
	static const unsigned want[] = {5, 10, 17, 19, 21, 23};
	assert_int_equal(n, 6);
	for (int i = 0; i < n; i++)
		assert_int_equal(p[i].off, want[i]);
	assert_int_equal(p[2].rank, 1);
}

static void left_whole(void **state)
{
	assert_string_equal(mark("RHF"), "RHF");
	assert_string_equal(mark("HMN-tall"), "HMN-tall");
	assert_string_equal(mark("og"), "og");
	assert_string_equal(mark("e-helse"), "e-helse");
	assert_string_equal(mark(""), "");
	/* punctuation around a word is never split off by a break */
	assert_string_equal(mark("«kvalitetsregistre»,"), "«kva-li~tets=re-gist-re»,");
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

static void without_patterns(void **state)
{
	char out[128];
	const char *w = "spesialisthelsetjenesten";
	assert_string_equal(hyph_mark(NULL, w, strlen(w), out), "spesialist=helse=tjenesten");
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
		cmocka_unit_test(long_words),   cmocka_unit_test(utf8_offsets),
		cmocka_unit_test(left_whole),   cmocka_unit_test(sami_letters),
		cmocka_unit_test(without_patterns), cmocka_unit_test(missing_file),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
