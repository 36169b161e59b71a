/* Unit tests: the status palette and the colour science that judges it
 * (doc/palette.c).  CIEDE2000 against the published test pairs, the
 * colour-blindness simulation and CIELAB against known values, the WCAG
 * contrast ratio; then the built-in palette itself, stated here colour by
 * colour with its weakest figures, which must keep every rule; and a
 * palette that breaks the rules, which must be caught. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "doc/palette.h"
#include "doc/style.h"
#include "input/template.h"
#include "model/model.h"

#define NEAR(x, want, tol)                                                                     \
	do {                                                                                   \
		double x_ = (x), w_ = (want);                                                  \
		if (fabs(x_ - w_) > (tol))                                                     \
			fail_msg("%s = %.6f, want %.6f", #x, x_, w_);                          \
	} while (0)

/* Sharma, Wu and Dalal (2005), table 1: L a b of each colour, then ΔE00. */
static const double sharma[34][7] = {
	{50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425},
	{50.0000, 3.1571, -77.2803, 50.0000, 0.0000, -82.7485, 2.8615},
	{50.0000, 2.8361, -74.0200, 50.0000, 0.0000, -82.7485, 3.4412},
	{50.0000, -1.3802, -84.2814, 50.0000, 0.0000, -82.7485, 1.0000},
	{50.0000, -1.1848, -84.8006, 50.0000, 0.0000, -82.7485, 1.0000},
	{50.0000, -0.9009, -85.5211, 50.0000, 0.0000, -82.7485, 1.0000},
	{50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669},
	{50.0000, -1.0000, 2.0000, 50.0000, 0.0000, 0.0000, 2.3669},
	{50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0009, 7.1792},
	{50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0010, 7.1792},
	{50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0011, 7.2195},
	{50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0012, 7.2195},
	{50.0000, -0.0010, 2.4900, 50.0000, 0.0009, -2.4900, 4.8045},
	{50.0000, -0.0010, 2.4900, 50.0000, 0.0010, -2.4900, 4.8045},
	{50.0000, -0.0010, 2.4900, 50.0000, 0.0011, -2.4900, 4.7461},
	{50.0000, 2.5000, 0.0000, 50.0000, 0.0000, -2.5000, 4.3065},
	{50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492},
	{50.0000, 2.5000, 0.0000, 61.0000, -5.0000, 29.0000, 22.8977},
	{50.0000, 2.5000, 0.0000, 56.0000, -27.0000, -3.0000, 31.9030},
	{50.0000, 2.5000, 0.0000, 58.0000, 24.0000, 15.0000, 19.4535},
	{50.0000, 2.5000, 0.0000, 50.0000, 3.1736, 0.5854, 1.0000},
	{50.0000, 2.5000, 0.0000, 50.0000, 3.2972, 0.0000, 1.0000},
	{50.0000, 2.5000, 0.0000, 50.0000, 1.8634, 0.5757, 1.0000},
	{50.0000, 2.5000, 0.0000, 50.0000, 3.2592, 0.3350, 1.0000},
	{60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644},
	{63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.2630},
	{61.2901, 3.7196, -5.3901, 61.4292, 2.2480, -4.9620, 1.8731},
	{35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645},
	{22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373},
	{36.4612, 47.8580, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146},
	{90.8027, -2.0831, 1.4410, 91.1528, -1.6435, 0.0447, 1.4441},
	{90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381},
	{6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377},
	{2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082},
};

static void de2000_sharma(void **state)
{
	(void)state;
	for (int i = 0; i < 34; i++) {
		const double *r = sharma[i];
		palette_lab x = {r[0], r[1], r[2]}, y = {r[3], r[4], r[5]};
		double d = palette_de2000(x, y), e = palette_de2000(y, x);
		if (fabs(d - r[6]) > 1e-4 || fabs(e - r[6]) > 1e-4)
			fail_msg("pair %d: %.5f and %.5f, want %.4f", i + 1, d, e, r[6]);
	}
	NEAR(palette_de2000((palette_lab){40, 10, -5}, (palette_lab){40, 10, -5}), 0, 1e-12);
}

static void lab_known(void **state)
{
	(void)state;
	/* sRGB red, and white and black, in CIELAB (D65) */
	palette_lab red = palette_lab_of(0xFF0000, PALETTE_NORMAL);
	NEAR(red.L, 53.2408, 1e-3);
	NEAR(red.a, 80.0925, 1e-2);
	NEAR(red.b, 67.2032, 1e-2);
	palette_lab white = palette_lab_of(0xFFFFFF, PALETTE_NORMAL);
	NEAR(white.L, 100, 1e-6);
	NEAR(white.a, 0, 1e-6);
	NEAR(white.b, 0, 1e-6);
	NEAR(palette_lab_of(0x000000, PALETTE_NORMAL).L, 0, 1e-9);
	/* a mid grey: L* 53.585 for #808080 */
	NEAR(palette_lab_of(0x808080, PALETTE_NORMAL).L, 53.585, 1e-3);
}

static void simulation_known(void **state)
{
	(void)state;
	double lin[3], out[3];
	/* sRGB red under protanopia: Machado's first column, its negative
	 * blue clamped to 0 */
	palette_linear(0xFF0000, lin);
	palette_simulate(lin, PALETTE_PROTAN, out);
	NEAR(out[0], 0.152286, 1e-9);
	NEAR(out[1], 0.114503, 1e-9);
	NEAR(out[2], 0, 1e-12);
	/* green under deuteranopia: the second column */
	palette_linear(0x00FF00, lin);
	palette_simulate(lin, PALETTE_DEUTAN, out);
	NEAR(out[0], 0.860646, 1e-9);
	NEAR(out[1], 0.672501, 1e-9);
	NEAR(out[2], 0.042940, 1e-9);
	/* greys stay grey: each row of the matrices sums to 1 */
	for (int v = 0; v < PALETTE_VISIONS; v++) {
		palette_linear(0x808080, lin);
		palette_simulate(lin, (palette_vision)v, out);
		for (int i = 0; i < 3; i++)
			NEAR(out[i], lin[i], 1e-5);
	}
	/* red and green, far apart for most readers, close for the red-green
	 * colour-blind */
	assert_true(palette_difference(0xE65C5C, 0x4CAF50, PALETTE_NORMAL) > 40);
	assert_true(palette_difference(0xD55E00, 0x4CAF50, PALETTE_DEUTAN) < 15);
}

static void contrast_known(void **state)
{
	(void)state;
	NEAR(palette_contrast(0x000000, 0xFFFFFF), 21, 1e-9);
	NEAR(palette_contrast(0xFFFFFF, 0x000000), 21, 1e-9);
	NEAR(palette_contrast(0x123456, 0x123456), 1, 1e-12);
	/* the classic just-too-light grey on white, and the first that passes */
	NEAR(palette_contrast(0x777777, 0xFFFFFF), 4.478, 1e-3);
	assert_true(palette_contrast(0x767676, 0xFFFFFF) >= 4.5);
	NEAR(palette_luminance(0xFFFFFF), 1, 1e-12);
}

/* The built-in palette, status by status: fill, text, symbol.  The order
 * of the rows is the order a reader meets them in (model_status_order),
 * the progress set's six, then the achievement set's four. */
typedef struct builtin_status {
	status_value v;
	uint32_t fill, text;
	const char *symbol;
} builtin_status;
static const builtin_status builtin[] = {
	{ST_NOT_STARTED, 0xE8EEF4, 0x111827, "□"}, /* pale blue-grey, L* 94 */
	{ST_IN_PROGRESS, 0x74C6F7, 0x111827, "►"}, /* sky blue, L* 77; not ◐, whose hairline half vanishes at table sizes */
	{ST_ONGOING, 0xAC95BE, 0x111827, "♦"},     /* dusty violet, L* 65 */
	{ST_COMPLETED, 0xA0E6AA, 0x111827, "●"},   /* green, L* 86 */
	{ST_DELAYED, 0xE65C5C, 0x111827, "▲"},     /* saturated red, L* 57 */
	{ST_CANCELLED, 0xABADB0, 0x111827, "×"},   /* grey, L* 71 */
};
static const builtin_status builtin_achievement[] = {
	{ST_ACHIEVED, 0xA0E6AA, 0x111827, "●"},        /* the completed green */
	{ST_PARTLY_ACHIEVED, 0xF2BB3F, 0x111827, "►"}, /* amber, L* 79 */
	{ST_NOT_ACHIEVED, 0xE65C5C, 0x111827, "▲"},    /* the delayed red */
	{ST_NOT_APPLICABLE, 0xABADB0, 0x111827, "×"},  /* the cancelled grey */
};

/* One set's rows against the style and the model's order: each its own
 * shape, no two alike in a greyscale print (5 apart in L*), and the one
 * saturated red the status that went wrong (red). */
static void check_set(const doc_style *s, status_set set, const builtin_status *rows, size_t n,
		      status_value red_one)
{
	size_t norder;
	const status_value *order = model_status_order(set, &norder);
	assert_int_equal(norder, n);
	for (size_t i = 0; i < n; i++) {
		status_value v = rows[i].v;
		assert_int_equal(order[i], v);
		assert_true(model_status_in(v, set));
		assert_int_equal(s->status_fill[v], rows[i].fill);
		assert_int_equal(s->status_text[v], rows[i].text);
		assert_string_equal(s->status_symbol[v], rows[i].symbol);
		for (size_t j = 0; j < i; j++) {
			assert_string_not_equal(rows[j].symbol, rows[i].symbol);
			double li = palette_lab_of(rows[i].fill, PALETTE_NORMAL).L;
			double lj = palette_lab_of(rows[j].fill, PALETTE_NORMAL).L;
			if (fabs(li - lj) < 5)
				fail_msg("%s and %s are %.1f apart in grey", rows[i].symbol,
					 rows[j].symbol, fabs(li - lj));
		}
		palette_lab l = palette_lab_of(rows[i].fill, PALETTE_NORMAL);
		double hue = atan2(l.b, l.a) * 180 / 3.14159265358979;
		int red = hypot(l.a, l.b) > 40 && hue > -10 && hue < 50;
		assert_int_equal(red, v == red_one);
	}
}

static void builtin_palette(void **state)
{
	(void)state;
	doc_style s;
	doc_style_fill(&s, NULL);
	check_set(&s, SET_PROGRESS, builtin, sizeof builtin / sizeof *builtin, ST_DELAYED);
	check_set(&s, SET_ACHIEVEMENT, builtin_achievement,
		  sizeof builtin_achievement / sizeof *builtin_achievement, ST_NOT_ACHIEVED);
	/* an indicator's verdict: the completed and the delayed fills */
	assert_int_equal(s.on_track_fill, 0xA0E6AA);
	assert_int_equal(s.behind_fill, 0xE65C5C);

	palette_figures f;
	assert_int_equal(palette_check(&s, NULL, NULL, &f), 0);
	print_message("status palette: least CIEDE2000 %.2f normal, %.2f protanopia, %.2f "
		      "deuteranopia; least text contrast %.2f:1\n",
		      f.de[PALETTE_NORMAL], f.de[PALETTE_PROTAN], f.de[PALETTE_DEUTAN], f.contrast);
	NEAR(f.de[PALETTE_NORMAL], 15.78, 0.01);
	NEAR(f.de[PALETTE_PROTAN], 11.97, 0.01);
	NEAR(f.de[PALETTE_DEUTAN], 10.70, 0.01);
	NEAR(f.contrast, 5.11, 0.01);

	/* the sets are judged apart: the achievement set repeats progress
	 * fills, which a report of one set never shows side by side */
	assert_int_equal(s.status_fill[ST_ACHIEVED], s.status_fill[ST_COMPLETED]);
}

/* Every built-in template keeps the rules (it may set its own colours). */
static void builtin_templates(void **state)
{
	(void)state;
	for (const char *const *name = template_builtin_names(); *name; name++) {
		template *t = NULL;
		diag d;
		diag_init(&d);
		assert_int_equal(template_load(&t, NULL, *name, &d), SR_OK);
		assert_int_equal(template_check_palette(t, &d), 0);
		assert_int_equal(d.warnings, 0);
		template_free(t);
		diag_free(&d);
	}
}

static palette_problem got[64];
static int ngot;

static void collect(void *ctx, const palette_problem *p)
{
	(void)ctx;
	if (ngot < 64)
		got[ngot++] = *p;
}

static int found(int text, int a, int b, palette_vision v)
{
	for (int i = 0; i < ngot; i++)
		if (got[i].text == text && got[i].a == a && got[i].b == b &&
		    (text || got[i].vision == v))
			return 1;
	return 0;
}

/* The pastels this palette replaced, and a red beside a green of the same
 * lightness: each broken rule is reported once, for the right pair. */
static void bad_palette(void **state)
{
	(void)state;
	doc_style s;
	doc_style_fill(&s, NULL);
	static const uint32_t pastel[DOC_STATUSES] = {0xFFFFFF, 0xE5E7EB, 0xDBEAFE, 0xCCFBF1,
						      0xFECACA, 0xD1FAE5, 0xF3F4F6};
	memcpy(s.status_fill, pastel, sizeof pastel);
	ngot = 0;
	palette_figures f;
	int n = palette_check(&s, collect, NULL, &f);
	assert_int_equal(n, ngot);
	assert_true(n > 5);
	assert_true(f.de[PALETTE_NORMAL] < 6);
	/* not started and cancelled: two near-whites */
	assert_true(found(0, ST_NOT_STARTED, ST_CANCELLED, PALETTE_NORMAL));
	assert_true(found(0, ST_ONGOING, ST_COMPLETED, PALETTE_NORMAL));
	for (int i = 0; i < ngot; i++)
		assert_true(got[i].value < got[i].need);

	/* distinct for most readers, alike for the red-green colour-blind */
	doc_style_fill(&s, NULL);
	s.status_fill[ST_DELAYED] = 0xD9534F;
	s.status_fill[ST_COMPLETED] = 0x5CA85C;
	s.status_text[ST_COMPLETED] = 0x000000;
	s.status_text[ST_DELAYED] = 0x000000;
	ngot = 0;
	palette_check(&s, collect, NULL, &f);
	assert_true(f.de[PALETTE_NORMAL] >= PALETTE_MIN_DE);
	assert_true(found(0, ST_DELAYED, ST_COMPLETED, PALETTE_PROTAN) ||
		    found(0, ST_DELAYED, ST_COMPLETED, PALETTE_DEUTAN));

	/* a text too faint on its fill */
	doc_style_fill(&s, NULL);
	s.status_text[ST_IN_PROGRESS] = 0x1D4ED8;
	ngot = 0;
	assert_int_equal(palette_check(&s, collect, NULL, NULL), 1);
	assert_true(found(1, ST_IN_PROGRESS, ST_IN_PROGRESS, PALETTE_NORMAL));
	assert_true(got[0].value < PALETTE_MIN_CONTRAST);

	/* the verdict's pair counts too */
	doc_style_fill(&s, NULL);
	s.behind_fill = s.on_track_fill;
	ngot = 0;
	assert_int_equal(palette_check(&s, collect, NULL, NULL), 1);
	assert_true(found(0, PALETTE_ON_TRACK, PALETTE_BEHIND, PALETTE_NORMAL));

	/* within a set, alike fills are caught (across the sets they are
	 * allowed: the built-in palette repeats four) */
	doc_style_fill(&s, NULL);
	s.status_fill[ST_PARTLY_ACHIEVED] = s.status_fill[ST_ACHIEVED];
	ngot = 0;
	assert_int_equal(palette_check(&s, collect, NULL, NULL), 1);
	assert_true(found(0, ST_ACHIEVED, ST_PARTLY_ACHIEVED, PALETTE_NORMAL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(de2000_sharma),   cmocka_unit_test(lab_known),
		cmocka_unit_test(simulation_known), cmocka_unit_test(contrast_known),
		cmocka_unit_test(builtin_palette),  cmocka_unit_test(builtin_templates),
		cmocka_unit_test(bad_palette),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
