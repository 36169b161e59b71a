/* palette.c: colour science for the status palette (see palette.h).
 * Allocates nothing. */
#include "palette.h"

#include <math.h>

#define PI 3.14159265358979323846

static double rad(double deg) { return deg * PI / 180; }

static double clamp01(double v) { return v < 0 ? 0 : v > 1 ? 1 : v; }

void palette_linear(uint32_t rgb, double lin[3])
{
	for (int i = 0; i < 3; i++) {
		double v = ((rgb >> (16 - 8 * i)) & 255) / 255.0;
		lin[i] = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
	}
}

/* Machado, Oliveira and Fernandes (2009), severity 1.0, rows by output
 * channel, for linear RGB. */
static const double machado[PALETTE_VISIONS][3][3] = {
	{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
	{{0.152286, 1.052583, -0.204868},
	 {0.114503, 0.786281, 0.099216},
	 {-0.003882, -0.048116, 1.051998}},
	{{0.367322, 0.860646, -0.227968},
	 {0.280085, 0.672501, 0.047413},
	 {-0.011820, 0.042940, 0.968881}},
};

void palette_simulate(const double lin[3], palette_vision v, double out[3])
{
	const double(*m)[3] = machado[v];
	for (int i = 0; i < 3; i++)
		out[i] = clamp01(m[i][0] * lin[0] + m[i][1] * lin[1] + m[i][2] * lin[2]);
}

/* linear sRGB to XYZ, D65; the white point is the sum of each row, so
 * that white has a* = b* = 0 exactly */
static const double to_xyz[3][3] = {{0.4124564, 0.3575761, 0.1804375},
				    {0.2126729, 0.7151522, 0.0721750},
				    {0.0193339, 0.1191920, 0.9503041}};

static double lab_f(double t)
{
	const double eps = 216.0 / 24389, kappa = 24389.0 / 27;
	return t > eps ? cbrt(t) : (kappa * t + 16) / 116;
}

palette_lab palette_lab_of_linear(const double lin[3])
{
	double f[3];
	for (int i = 0; i < 3; i++) {
		const double *row = to_xyz[i];
		double white = row[0] + row[1] + row[2];
		f[i] = lab_f((row[0] * clamp01(lin[0]) + row[1] * clamp01(lin[1]) +
			      row[2] * clamp01(lin[2])) / white);
	}
	return (palette_lab){116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])};
}

palette_lab palette_lab_of(uint32_t rgb, palette_vision v)
{
	double lin[3], seen[3];
	palette_linear(rgb, lin);
	palette_simulate(lin, v, seen);
	return palette_lab_of_linear(seen);
}

/* The hue angle in degrees, 0..360; 0 for a neutral (Sharma's rule). */
static double hue(double b, double a)
{
	if (a == 0 && b == 0)
		return 0;
	double h = atan2(b, a) * 180 / PI;
	return h < 0 ? h + 360 : h;
}

double palette_de2000(palette_lab x, palette_lab y)
{
	const double p25 = 6103515625.0; /* 25^7 */
	double c1 = hypot(x.a, x.b), c2 = hypot(y.a, y.b);
	double cm7 = pow((c1 + c2) / 2, 7);
	double g = 0.5 * (1 - sqrt(cm7 / (cm7 + p25)));
	double a1 = (1 + g) * x.a, a2 = (1 + g) * y.a;
	double c1p = hypot(a1, x.b), c2p = hypot(a2, y.b);
	double h1 = hue(x.b, a1), h2 = hue(y.b, a2);

	double dl = y.L - x.L, dc = c2p - c1p, dh = 0;
	if (c1p * c2p != 0) {
		dh = h2 - h1;
		if (dh > 180)
			dh -= 360;
		else if (dh < -180)
			dh += 360;
	}
	double dH = 2 * sqrt(c1p * c2p) * sin(rad(dh / 2));

	double lm = (x.L + y.L) / 2, cmp = (c1p + c2p) / 2, hm = h1 + h2;
	if (c1p * c2p != 0) {
		if (fabs(h1 - h2) <= 180)
			hm = (h1 + h2) / 2;
		else
			hm = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
	}
	double t = 1 - 0.17 * cos(rad(hm - 30)) + 0.24 * cos(rad(2 * hm)) +
		   0.32 * cos(rad(3 * hm + 6)) - 0.20 * cos(rad(4 * hm - 63));
	double dtheta = 30 * exp(-pow((hm - 275) / 25, 2));
	double cmp7 = pow(cmp, 7);
	double rc = 2 * sqrt(cmp7 / (cmp7 + p25));
	double lm50 = (lm - 50) * (lm - 50);
	double sl = 1 + 0.015 * lm50 / sqrt(20 + lm50);
	double sc = 1 + 0.045 * cmp, sh = 1 + 0.015 * cmp * t;
	double rt = -sin(rad(2 * dtheta)) * rc;
	double l = dl / sl, c = dc / sc, h = dH / sh;
	return sqrt(l * l + c * c + h * h + rt * c * h);
}

double palette_difference(uint32_t x, uint32_t y, palette_vision v)
{
	return palette_de2000(palette_lab_of(x, v), palette_lab_of(y, v));
}

double palette_luminance(uint32_t rgb)
{
	double lin[3];
	palette_linear(rgb, lin);
	return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
}

double palette_contrast(uint32_t x, uint32_t y)
{
	double lx = palette_luminance(x), ly = palette_luminance(y);
	return lx > ly ? (lx + 0.05) / (ly + 0.05) : (ly + 0.05) / (lx + 0.05);
}

static const double need_de[PALETTE_VISIONS] = {PALETTE_MIN_DE, PALETTE_MIN_DE_CVD,
						PALETTE_MIN_DE_CVD};

/* Fills a and b in every vision: the figures, and the worst failure (by
 * how far below its rule) into *p; 1 if there is one. */
static int pair(const uint32_t *fill, int a, int b, palette_figures *f, palette_problem *p)
{
	int bad = 0;
	double worst = 1;
	for (int v = 0; v < PALETTE_VISIONS; v++) {
		double de = palette_difference(fill[a], fill[b], (palette_vision)v);
		if (de < f->de[v])
			f->de[v] = de;
		if (de / need_de[v] < worst) {
			worst = de / need_de[v];
			*p = (palette_problem){0, a, b, (palette_vision)v, de, need_de[v]};
			bad = 1;
		}
	}
	return bad;
}

int palette_check(const doc_style *s, void (*report)(void *ctx, const palette_problem *p),
		  void *ctx, palette_figures *figures)
{
	uint32_t fill[PALETTE_FILLS], text[PALETTE_FILLS];
	for (int i = 1; i < DOC_STATUSES; i++)
		fill[i] = s->status_fill[i], text[i] = s->status_text[i];
	fill[PALETTE_ON_TRACK] = s->on_track_fill, text[PALETTE_ON_TRACK] = s->on_track_text;
	fill[PALETTE_BEHIND] = s->behind_fill, text[PALETTE_BEHIND] = s->behind_text;

	palette_figures f = {{INFINITY, INFINITY, INFINITY}, INFINITY};
	palette_problem p;
	int n = 0;
	for (int a = 1; a < DOC_STATUSES; a++)
		for (int b = a + 1; b < DOC_STATUSES; b++)
			if ((a < DOC_STATUS_SET2) == (b < DOC_STATUS_SET2) && pair(fill, a, b, &f, &p)) {
				n++;
				if (report)
					report(ctx, &p);
			}
	if (pair(fill, PALETTE_ON_TRACK, PALETTE_BEHIND, &f, &p)) {
		n++;
		if (report)
			report(ctx, &p);
	}
	for (int a = 1; a < PALETTE_FILLS; a++) {
		double c = palette_contrast(text[a], fill[a]);
		if (c < f.contrast)
			f.contrast = c;
		if (c < PALETTE_MIN_CONTRAST) {
			n++;
			p = (palette_problem){1, a, a, PALETTE_NORMAL, c, PALETTE_MIN_CONTRAST};
			if (report)
				report(ctx, &p);
		}
	}
	if (figures)
		*figures = f;
	return n;
}
