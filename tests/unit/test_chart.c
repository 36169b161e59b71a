/* test_chart.c: the chart module's arithmetic and label layout -- Heckbert's
 * nice numbers, scales for awkward data (one value, all equal, negative,
 * a target far above the data, a missing year, zero range, huge values),
 * tick labels with a decimal comma, and a drawn chart whose texts never
 * overlap, never leave the box, and end in "…" when shortened. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "doc/chart.h"

/* A fake font: every byte 0.5 em wide (bold 0.55). */
static double measure(void *ctx, const char *s, size_t len, double size, int bold)
{
	(void)ctx, (void)s;
	return (double)len * size * (bold ? 0.55 : 0.5);
}

/* The scale holds [lo, hi], its bounds are whole steps, and its step is
 * 1, 2 or 5 times a power of ten. */
static void assert_sound(chart_scale s, double lo, double hi)
{
	assert_true(s.lo <= lo + 1e-9 * fabs(lo));
	assert_true(s.hi >= hi - 1e-9 * fabs(hi));
	assert_true(s.step > 0);
	assert_true(s.ticks >= 2 && s.ticks <= 11);
	double e = pow(10, floor(log10(s.step)));
	double f = s.step / e;
	assert_true(fabs(f - 1) < 1e-9 || fabs(f - 2) < 1e-9 || fabs(f - 5) < 1e-9 ||
		    fabs(f - 10) < 1e-9);
	double k = s.lo / s.step;
	assert_true(fabs(k - round(k)) < 1e-6);
	assert_true(fabs(s.lo + (s.ticks - 1) * s.step - s.hi) < 1e-6 * (fabs(s.hi) + s.step));
}

static void test_nice(void **st)
{
	(void)st;
	assert_true(chart_nice(0.7, 0) == 1);
	assert_true(chart_nice(1.4, 1) == 1);
	assert_true(chart_nice(1.6, 1) == 2);
	assert_true(chart_nice(2.5, 0) == 5);
	assert_true(chart_nice(6.9, 1) == 5);
	assert_true(chart_nice(7.1, 1) == 10);
	assert_true(fabs(chart_nice(0.031, 0) - 0.05) < 1e-12);
	assert_true(chart_nice(420, 0) == 500);
	assert_true(chart_nice(0, 1) == 1); /* guarded */
}

static void test_typical(void **st)
{
	(void)st;
	chart_scale s = chart_scale_for(2.9, 5, 5, 0);
	assert_sound(s, 2.9, 5);
	assert_true(s.lo == 2 && s.hi == 5 && s.step == 1); /* Heckbert: range 5, step 1 */
	assert_int_equal(s.decimals, 0);
	s = chart_scale_for(38, 43, 5, 0);
	assert_sound(s, 38, 43);
	assert_true(s.step == 1);
	s = chart_scale_for(210, 420, 5, 0);
	assert_sound(s, 210, 420);
	assert_int_equal(s.decimals, 0);
	s = chart_scale_for(0, 29, 5, 1);
	assert_true(s.lo == 0 && s.hi == 30 && s.step == 10);
}

static void test_one_value_and_equal(void **st)
{
	(void)st;
	chart_scale s = chart_scale_for(3.5, 3.5, 5, 0);
	assert_sound(s, 3.5, 3.5);
	assert_true(s.hi > s.lo);
	s = chart_scale_for(3.5, 3.5, 5, 1); /* from zero: 0 is the foot */
	assert_true(s.lo == 0);
	assert_sound(s, 0, 3.5);
	s = chart_scale_for(0, 0, 5, 1); /* zero range at zero */
	assert_true(s.lo == 0 && s.hi >= 1);
	s = chart_scale_for(-4, -4, 5, 0);
	assert_sound(s, -4, -4);
}

static void test_negative(void **st)
{
	(void)st;
	chart_scale s = chart_scale_for(-12.5, 3, 5, 0);
	assert_sound(s, -12.5, 3);
	assert_true(s.lo < 0 && s.hi > 0);
	s = chart_scale_for(-80, -20, 5, 1); /* bars of negatives reach zero */
	assert_true(s.hi == 0);
	assert_sound(s, -80, 0);
}

static void test_huge_and_tiny(void **st)
{
	(void)st;
	chart_scale s = chart_scale_for(1.2e12, 9.7e12, 5, 1);
	assert_sound(s, 0, 9.7e12);
	assert_int_equal(s.decimals, 0);
	s = chart_scale_for(0.0012, 0.0019, 5, 0);
	assert_sound(s, 0.0012, 0.0019);
	assert_true(s.decimals >= 4);
	s = chart_scale_for(NAN, NAN, 5, 0); /* no data: 0..1 */
	assert_true(s.lo == 0 && s.hi == 1);
	s = chart_scale_for(1, 0, 5, 0); /* min > max: no data */
	assert_true(s.lo == 0 && s.hi == 1);
}

static const char *years[] = {"2021", "2022", "2023", "2024", "2025"};

static doc_chart line_chart(double *v, chart_series *se)
{
	se[0] = (chart_series){"Regionalt", v, 0x1F3B57, 0};
	doc_chart c;
	memset(&c, 0, sizeof c);
	c.kind = CHART_LINE;
	c.title = "Andelen pasienter som deltar i kliniske studier";
	c.unit = "%";
	c.ncats = 5;
	c.cats = years;
	c.nseries = 1;
	c.series = se;
	c.base_cat = 0;
	c.base_value = 2.9;
	c.target_cat = 4;
	c.target_value = 5;
	c.decimal = ",";
	c.group = " ";
	c.base_label = "Utgangspunkt";
	c.target_label = "Målverdi";
	c.track_label = "Bane mot målet";
	c.on_track = 0;
	c.on_track_text = "Vurdering: Ikke i rute";
	return c;
}

static void test_target_far_and_gap(void **st)
{
	(void)st;
	double v[5] = {NAN, 3.2, NAN, 3.5, NAN}; /* 2023 missing in the middle */
	chart_series se[1];
	doc_chart c = line_chart(v, se);
	c.target_value = 400; /* far above the data */
	double lo, hi;
	chart_range(&c, &lo, &hi);
	assert_true(lo == 2.9 && hi == 400);
	chart_scale s = chart_value_scale(&c);
	assert_sound(s, 0, 400);
	assert_true(s.lo == 0); /* data near zero compared with the target */
	/* the expected path: baseline at 0, target at 4, straight between */
	c.target_value = 5;
	assert_true(fabs(chart_track_at(&c, 0) - 2.9) < 1e-12);
	assert_true(fabs(chart_track_at(&c, 2) - 3.95) < 1e-12);
	assert_true(fabs(chart_track_at(&c, 4) - 5) < 1e-12);
	assert_true(isnan(chart_track_at(&c, 5)));
	c.base_cat = -1;
	assert_true(isnan(chart_track_at(&c, 2)));
}

static void test_format(void **st)
{
	(void)st;
	doc_chart c;
	memset(&c, 0, sizeof c);
	c.decimal = ",";
	c.group = "\xc2\xa0";
	char b[64];
	chart_format(&c, 3.5, 1, b, sizeof b);
	assert_string_equal(b, "3,5");
	chart_format(&c, 12345, 0, b, sizeof b);
	assert_string_equal(b, "12\xc2\xa0" "345");
	chart_format(&c, 1234, 0, b, sizeof b); /* four digits: no grouping */
	assert_string_equal(b, "1234");
	chart_format(&c, -0.0001, 1, b, sizeof b); /* no "-0,0" */
	assert_string_equal(b, "0,0");
	chart_format(&c, -2.5, 1, b, sizeof b);
	assert_string_equal(b, "-2,5");
	c.decimal = ".", c.group = ",";
	chart_format(&c, 1234567.25, 2, b, sizeof b);
	assert_string_equal(b, "1,234,567.25");
}

static void test_fit_ellipsis(void **st)
{
	(void)st;
	arena a;
	arena_init(&a);
	const char *s = "Helse Nord-Trøndelag HF";
	assert_ptr_equal(chart_fit(s, 1000, 10, 0, measure, NULL, &a), s);
	const char *f = chart_fit(s, 60, 10, 0, measure, NULL, &a);
	assert_non_null(f);
	assert_true(measure(NULL, f, strlen(f), 10, 0) <= 60);
	size_t n = strlen(f);
	assert_true(n >= 3 && strcmp(f + n - 3, "\xe2\x80\xa6") == 0);
	/* never cuts inside a UTF-8 character: "Trø" cut after the "ø" bytes */
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)f[i] == 0xC3)
			assert_true(i + 1 < n && ((unsigned char)f[i + 1] & 0xC0) == 0x80);
	arena_free(&a);
}

/* Every text inside the box, no two texts overlapping. */
static void assert_clean(const chart_drawing *d)
{
	for (int i = 0; i < d->n; i++) {
		const chart_prim *p = &d->p[i];
		if (p->kind != CP_TEXT)
			continue;
		assert_true(p->x >= -0.01 && p->x + p->w <= d->w + 0.01);
		assert_true(p->y - 0.8 * p->h >= -0.01 && p->y <= d->h + 0.01);
		for (int j = i + 1; j < d->n; j++) {
			const chart_prim *q = &d->p[j];
			if (q->kind != CP_TEXT)
				continue;
			int xo = p->x < q->x + q->w && q->x < p->x + p->w;
			int yo = p->y - 0.8 * p->h < q->y + 0.2 * q->h &&
				 q->y - 0.8 * q->h < p->y + 0.2 * p->h;
			if (xo && yo)
				fail_msg("'%s' overlaps '%s'", p->text, q->text);
		}
	}
}

static int has_text(const chart_drawing *d, const char *s)
{
	for (int i = 0; i < d->n; i++)
		if (d->p[i].kind == CP_TEXT && strcmp(d->p[i].text, s) == 0)
			return 1;
	return 0;
}

static void test_draw_line(void **st)
{
	(void)st;
	arena a;
	arena_init(&a);
	double v[5] = {NAN, 3.2, NAN, 3.5, NAN};
	chart_series se[4];
	doc_chart c = line_chart(v, se);
	double v2[5] = {NAN, 4.1, 4.4, 4.4, NAN}, v3[5] = {NAN, 2.0, 2.2, 2.4, NAN};
	se[1] = (chart_series){"St. Olavs hospital HF med et svært langt navn som ikke får plass",
			       v2, 0xD97706, 0};
	se[2] = (chart_series){"Helse Nord-Trøndelag HF", v3, 0x0E7490, 0};
	c.nseries = 3;
	chart_drawing d;
	assert_int_equal(chart_draw(&c, 300, 10, measure, NULL, &a, &d), 0);
	assert_true(d.h > 100);
	assert_clean(&d);
	assert_true(has_text(&d, "2021") && has_text(&d, "2025")); /* years */
	assert_true(has_text(&d, "%"));                               /* the unit */
	assert_true(has_text(&d, "Utgangspunkt"));                    /* legend */
	int ell = 0;
	for (int i = 0; i < d.n; i++)
		ell |= d.p[i].kind == CP_TEXT && strstr(d.p[i].text, "\xe2\x80\xa6") != NULL;
	assert_true(ell); /* the long series name was shortened */
	/* a small multiple's width: an owner's name that fits a row stays whole */
	assert_int_equal(chart_draw(&c, 200, 10, measure, NULL, &a, &d), 0);
	assert_clean(&d);
	assert_true(has_text(&d, "Helse Nord-Trøndelag HF"));
	/* narrow: category labels thin out instead of colliding */
	const char *many[] = {"2010", "2011", "2012", "2013", "2014", "2015", "2016", "2017",
			      "2018", "2019", "2020", "2021"};
	double mv[12];
	for (int i = 0; i < 12; i++)
		mv[i] = i * 1.5;
	chart_series ms[1] = {{"Regionalt", mv, 0, 0}};
	c.ncats = 12, c.cats = many, c.series = ms, c.nseries = 1, c.target_cat = 11;
	assert_int_equal(chart_draw(&c, 150, 10, measure, NULL, &a, &d), 0);
	assert_clean(&d);
	arena_free(&a);
}

/* Whether the line p (a CP_LINE) passes through text q's glyphs: points
 * along the line every 0.1 pt tested against the box of the digits. */
static int line_through(const chart_prim *p, const chart_prim *q)
{
	double len = hypot(p->w, p->h);
	int n = (int)(len / 0.1) + 1;
	for (int i = 0; i <= n; i++) {
		double px = p->x + p->w * i / n, py = p->y + p->h * i / n;
		if (px > q->x && px < q->x + q->w && py > q->y - 0.7 * q->h && py < q->y + 0.15 * q->h)
			return 1;
	}
	return 0;
}

/* The sample's first indicator: four series ending in 2024, the expected
 * path from 2022 to 2025 running just under the top one's last point.
 * Each series' latest value is written (as many places as the data have:
 * "2,0", not "2"), and no value crosses a series line or the path, or
 * sits on a point. */
static void test_draw_labels_clear(void **st)
{
	(void)st;
	arena a;
	arena_init(&a);
	const char *cats[] = {"2022", "2023", "2024", "2025"};
	double reg[4] = {NAN, 3.2, 3.5, NAN}, sto[4] = {NAN, 4.1, 4.4, NAN},
	       hnt[4] = {NAN, 2.0, 2.4, NAN}, hmr[4] = {NAN, 2.2, 2.0, NAN};
	chart_series se[4] = {{"Regionalt", reg, 0x1F3B57, 0},
			      {"St. Olavs hospital HF", sto, 0xD97706, 0},
			      {"Helse Nord-Trøndelag HF", hnt, 0x0891B2, 0},
			      {"Helse Møre og Romsdal HF", hmr, 0x7C3AED, 0}};
	doc_chart c = line_chart(reg, se);
	c.ncats = 4, c.cats = cats, c.series = se, c.nseries = 4;
	c.base_cat = 0, c.base_value = 2.9, c.target_cat = 3, c.target_value = 5;
	assert_int_equal(chart_data_decimals(&c), 1);
	chart_drawing d;
	assert_int_equal(chart_draw(&c, 440, 10, measure, NULL, &a, &d), 0);
	assert_clean(&d);
	const char *want[] = {"3,5", "4,4", "2,4", "2,0"};
	for (int k = 0; k < 4; k++) {
		int found = 0;
		for (int i = 0; i < d.n; i++) {
			const chart_prim *q = &d.p[i];
			if (q->kind != CP_TEXT || strcmp(q->text, want[k]) != 0 || q->rgb != se[k].rgb)
				continue;
			found = 1;
			for (int j = 0; j < d.n; j++) {
				const chart_prim *p = &d.p[j];
				if (p->kind == CP_LINE && p->lw >= 0.9 && line_through(p, q))
					fail_msg("the value '%s' is crossed by a line", q->text);
				if (p->kind == CP_RECT && p->x < q->x + q->w && q->x < p->x + p->w &&
				    p->y < q->y + 0.15 * q->h && q->y - 0.7 * q->h < p->y + p->h)
					fail_msg("the value '%s' covers a point", q->text);
			}
		}
		if (!found)
			fail_msg("no label '%s' for %s", want[k], se[k].name);
	}
	arena_free(&a);
}

static void test_data_decimals(void **st)
{
	(void)st;
	double v[5] = {3, NAN, 4, NAN, 120};
	chart_series se[1];
	doc_chart c = line_chart(v, se);
	c.base_value = 2, c.target_value = 5;
	assert_int_equal(chart_data_decimals(&c), 0);
	c.base_value = 2.9; /* 2,9 is what the plan says: one place for all */
	assert_int_equal(chart_data_decimals(&c), 1);
	v[2] = 0.25;
	assert_int_equal(chart_data_decimals(&c), 2);
	v[2] = 1.23456; /* never more than two */
	assert_int_equal(chart_data_decimals(&c), 2);
	c.base_cat = -1, v[2] = 4; /* a baseline not drawn does not count */
	assert_int_equal(chart_data_decimals(&c), 0);
}

/* One series (a distribution, sorted by the builder): each bar's number
 * at its end, with the places the data have, and none on the bar. */
static void test_draw_hbar_one_series(void **st)
{
	(void)st;
	arena a;
	arena_init(&a);
	const char *cats[] = {"Kreft", "Nevrologi", "Annet"};
	double v[3] = {12.5, 4, 0.5};
	chart_series se[1] = {{"Samlet", v, 0x1F3A5F, 0xFFFFFF}};
	doc_chart c;
	memset(&c, 0, sizeof c);
	c.kind = CHART_STACKED_HBAR;
	c.title = "Flest i Kreft";
	c.ncats = 3, c.cats = cats, c.nseries = 1, c.series = se;
	c.base_cat = c.target_cat = -1;
	c.decimal = ",";
	chart_drawing d;
	assert_int_equal(chart_draw(&c, 400, 10, measure, NULL, &a, &d), 0);
	assert_clean(&d);
	assert_true(has_text(&d, "12,5"));
	assert_true(has_text(&d, "4,0"));
	assert_true(has_text(&d, "0,5"));
	int on_bar = 0;
	for (int i = 0; i < d.n; i++)
		on_bar += d.p[i].kind == CP_TEXT && d.p[i].rgb == 0xFFFFFF;
	assert_int_equal(on_bar, 0);
	arena_free(&a);
}

static void test_draw_hbar(void **st)
{
	(void)st;
	arena a;
	arena_init(&a);
	const char *areas[] = {"1 Følge opp Nasjonal handlingsplan for kliniske studier",
			       "2 Sikre aktiv brukerinvolvering", "3 Fremme forskning"};
	double s1[3] = {2, 0, 1}, s2[3] = {17, 2, 1}, s3[3] = {10, 4, 0};
	chart_series se[3] = {{"□ Ikke startet", s1, 0xE8EEF4, 0x111827},
			      {"► Pågår", s2, 0x74C6F7, 0x111827},
			      {"● Fullført", s3, 0xA0E6AA, 0x111827}};
	doc_chart c;
	memset(&c, 0, sizeof c);
	c.kind = CHART_STACKED_HBAR;
	c.title = "Status for tiltakene 2024";
	c.ncats = 3, c.cats = areas, c.nseries = 3, c.series = se;
	c.base_cat = c.target_cat = -1;
	c.decimal = ",";
	chart_drawing d;
	assert_int_equal(chart_draw(&c, 400, 10, measure, NULL, &a, &d), 0);
	assert_clean(&d);
	assert_true(has_text(&d, "29")); /* the first bar's total beside it */
	assert_true(has_text(&d, "17")); /* a count on its segment */
	chart_scale s = chart_value_scale(&c);
	assert_true(s.lo == 0 && s.hi >= 29);
	/* small counts (the national plan: at most 2 measures an area) tick
	 * in whole measures, never "0,5" */
	double t1[3] = {1, 0, 0}, t2[3] = {1, 2, 1}, t3[3] = {0, 0, 0};
	se[0].values = t1, se[1].values = t2, se[2].values = t3;
	s = chart_value_scale(&c);
	assert_true(s.step == 1 && s.decimals == 0 && s.lo == 0 && s.hi >= 2);
	assert_int_equal(s.ticks, (int)s.hi + 1);
	se[0].values = s1, se[1].values = s2, se[2].values = s3;
	/* a long name is written whole above its bar, on two lines, not cut */
	areas[0] = "1 Følge opp Nasjonal handlingsplan for kliniske studier og sørge for at "
		   "forskningen kommer pasientene til gode";
	assert_int_equal(chart_draw(&c, 400, 10, measure, NULL, &a, &d), 0);
	assert_clean(&d);
	int cut = 0;
	for (int i = 0; i < d.n; i++)
		cut |= d.p[i].kind == CP_TEXT && strstr(d.p[i].text, "\xe2\x80\xa6") != NULL;
	assert_false(cut);
	int first = 0, lines = 0;
	for (int i = 0; i < d.n; i++)
		if (d.p[i].kind == CP_TEXT) {
			first |= strncmp(d.p[i].text, "1 Følge opp", 12) == 0;
			lines += strstr(areas[0], d.p[i].text) != NULL && strlen(d.p[i].text) > 10;
		}
	assert_true(first && lines >= 2);
	arena_free(&a);
}

static void test_columns_and_labels(void **state)
{
	(void)state;
	char a[4], lab[256];
	chart_sheet_col(a, 0);
	assert_string_equal(a, "A");
	chart_sheet_col(a, 27);
	assert_string_equal(a, "AB");
	const char *s = "Forskning og innovasjon i spesialisthelsetjenesten i Midt-Norge";
	const char *t = chart_axis_label(s, lab, sizeof lab);
	assert_ptr_equal(t, lab);
	assert_string_equal(t, "Forskning og innovasjon i spesialisthels\xe2\x80\xa6");
	const char *k = "Kort";
	assert_ptr_equal(chart_axis_label(k, lab, sizeof lab), k);
	assert_ptr_equal(chart_axis_label(s, lab, 8), s); /* no room: the whole */
}

/* An indicator's axis comes from the whole plan: a trust's chart, with
 * fewer series than the region's, gets the same scale when both carry the
 * plan's range; data far from 0 get an axis marked broken, data near it
 * one from 0. */
static void test_fixed_range(void **st)
{
	(void)st;
	double all[5] = {NAN, 255, 281, NAN, NAN}, own[5] = {NAN, NAN, 281, NAN, NAN};
	chart_series se[1], so[1];
	doc_chart region = line_chart(all, se), trust = line_chart(own, so);
	region.base_value = trust.base_value = 210;
	region.target_value = trust.target_value = 420;
	chart_scale a = chart_value_scale(&region);
	/* without the plan's range the two differ as soon as one has less */
	trust.base_cat = -1;
	chart_scale b = chart_value_scale(&trust);
	assert_true(a.lo != b.lo || a.hi != b.hi);
	region.fixed_range = trust.fixed_range = 1;
	region.range_lo = trust.range_lo = 210;
	region.range_hi = trust.range_hi = 420;
	a = chart_value_scale(&region), b = chart_value_scale(&trust);
	assert_true(a.lo == b.lo && a.hi == b.hi && a.step == b.step && a.ticks == b.ticks);
	assert_true(a.lo == 200 && a.hi == 500);
	assert_true(a.broken && b.broken); /* 200 is not 0: marked */
	assert_true(a.ticks <= 7);
	/* near 0: from 0, nothing to mark */
	region.range_lo = 2.0, region.range_hi = 5;
	a = chart_value_scale(&region);
	assert_true(a.lo == 0 && !a.broken);
	/* bars always stand on 0 */
	region.kind = CHART_BAR, region.range_lo = 210, region.range_hi = 420;
	a = chart_value_scale(&region);
	assert_true(a.lo == 0 && !a.broken);
	/* the break is drawn: two slanted strokes at the axis's foot */
	arena ar;
	arena_init(&ar);
	region.kind = CHART_LINE;
	chart_drawing d;
	int slanted[2] = {0, 0};
	for (int broken = 0; broken < 2; broken++) {
		region.range_lo = broken ? 210 : 2.0;
		region.range_hi = broken ? 420 : 5;
		assert_int_equal(chart_draw(&region, 300, 10, measure, NULL, &ar, &d), 0);
		assert_clean(&d);
		for (int i = 0; i < d.n; i++) /* the mark's strokes: 3.2 across, 6.4 up */
			slanted[broken] += d.p[i].kind == CP_LINE && fabs(d.p[i].w - 3.2) < 1e-9 &&
					   fabs(d.p[i].h + 6.4) < 1e-9;
	}
	assert_int_equal(slanted[0], 0);
	assert_int_equal(slanted[1], 2);
	arena_free(&ar);
}

/* One count of places for an indicator: the builder's, in every label. */
static void test_fixed_decimals(void **st)
{
	(void)st;
	double v[5] = {NAN, 39.5, 41, NAN, NAN};
	chart_series se[1];
	doc_chart c = line_chart(v, se);
	c.base_value = 38, c.target_value = 43;
	assert_int_equal(chart_data_decimals(&c), 1);
	v[1] = 40; /* this report's data are whole; the plan's are not */
	assert_int_equal(chart_data_decimals(&c), 0);
	c.fixed_decimals = 1, c.decimals = 1;
	assert_int_equal(chart_data_decimals(&c), 1);
	assert_int_equal(chart_places(41), 0);
	assert_int_equal(chart_places(39.5), 1);
	assert_int_equal(chart_places(0.25), 2);
	assert_int_equal(chart_places(NAN), 0);
	/* the last value is written so: "41,0" */
	arena a;
	arena_init(&a);
	chart_drawing d;
	assert_int_equal(chart_draw(&c, 300, 10, measure, NULL, &a, &d), 0);
	assert_true(has_text(&d, "41,0"));
	assert_true(has_text(&d, "Målverdi 43,0")); /* the target labelled */
	arena_free(&a);
}

/* Small multiples: a run of charts abreast fills rows of k; a short last
 * row keeps the width; the check refuses more than a row holds. */
static void test_abreast(void **st)
{
	(void)st;
	doc *d = doc_new();
	assert_non_null(d);
	static doc_chart two = {.kind = CHART_LINE, .abreast = 2}, one = {.kind = CHART_LINE};
	doc_node *n[5];
	for (int i = 0; i < 5; i++) {
		n[i] = doc_append(d->root, doc_node_new(d, DOC_CHART, (srcpos){0}));
		n[i]->u.chart.chart = i < 3 ? &two : &one;
	}
	int col, want[5] = {0, 1, 0, 0, 0}, k[5] = {2, 2, 2, 1, 1};
	int ends[5] = {0, 1, 1, 1, 1};
	for (int i = 0; i < 5; i++) {
		assert_int_equal(doc_chart_abreast(n[i], &col), k[i]);
		assert_int_equal(col, want[i]);
		assert_int_equal(doc_chart_row_ends(n[i]), ends[i]);
	}
	assert_true(fabs(doc_chart_width(n[2], 480, 10) - 235) < 1e-9);
	assert_true(fabs(doc_chart_width(n[3], 480, 10) - 480) < 1e-9);
	const char *why;
	assert_int_equal(doc_check(d, &why), 0);
	static doc_chart four = {.kind = CHART_LINE, .abreast = CHART_MAX_ABREAST + 1};
	n[4]->u.chart.chart = &four;
	assert_int_equal(doc_check(d, &why), -1);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nice),
		cmocka_unit_test(test_typical),
		cmocka_unit_test(test_one_value_and_equal),
		cmocka_unit_test(test_negative),
		cmocka_unit_test(test_huge_and_tiny),
		cmocka_unit_test(test_target_far_and_gap),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_fit_ellipsis),
		cmocka_unit_test(test_draw_line),
		cmocka_unit_test(test_draw_labels_clear),
		cmocka_unit_test(test_data_decimals),
		cmocka_unit_test(test_draw_hbar),
		cmocka_unit_test(test_draw_hbar_one_series),
		cmocka_unit_test(test_columns_and_labels),
		cmocka_unit_test(test_fixed_range),
		cmocka_unit_test(test_fixed_decimals),
		cmocka_unit_test(test_abreast),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
