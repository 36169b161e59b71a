/* chart.c: the format-neutral part of charts (see chart.h): scales with
 * nice ticks, the expected path from baseline to target, number labels,
 * and the layout of a chart as primitives for the PDF.
 *
 * Owns nothing beyond what it puts in the caller's arena.  Never calls
 * libharu or libxml2; text is measured through the caller's callback, so
 * the same code serves any backend and the unit tests (a fake measure). */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define ELLIPSIS "\xe2\x80\xa6"

/* ---- scales ---- */

double chart_nice(double x, int round)
{
	if (!(x > 0) || !isfinite(x))
		return 1;
	double e = floor(log10(x));
	double p = pow(10, e);
	double f = x / p, nf;
	if (round)
		nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
	else
		nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
	return nf * p;
}

chart_scale chart_scale_for(double min, double max, int want, int from_zero)
{
	chart_scale s = {0, 1, 0.2, 6, 1, 0};
	if (want < 2)
		want = 2;
	if (!(min <= max) || !isfinite(min) || !isfinite(max)) {
		min = 0, max = 1; /* no data: an empty 0..1 axis */
	}
	if (from_zero) {
		if (min > 0)
			min = 0;
		if (max < 0)
			max = 0;
	}
	double mag = fabs(min) > fabs(max) ? fabs(min) : fabs(max);
	if (max - min <= 1e-12 * (mag > 1 ? mag : 1)) {
		/* one value or all equal: a band around it (from zero when it is
		 * zero, so 0 is the foot, not the middle) */
		double pad = mag > 0 ? mag * 0.1 : 1;
		if (min == 0 && max == 0)
			max = 1;
		else if (from_zero && min == 0)
			max += pad;
		else if (from_zero && max == 0)
			min -= pad;
		else
			min -= pad, max += pad;
	}
	/* Heckbert's loose labelling: a nice range, a nice step, bounds on it */
	double range = chart_nice(max - min, 0);
	double d = chart_nice(range / (want - 1), 1);
	double lo = floor(min / d) * d, hi = ceil(max / d) * d;
	int n = (int)floor((hi - lo) / d + 0.5) + 1;
	while (n > 2 * want + 1) { /* guard: never a forest of ticks */
		d = chart_nice(d * 1.5, 0);
		lo = floor(min / d) * d, hi = ceil(max / d) * d;
		n = (int)floor((hi - lo) / d + 0.5) + 1;
	}
	if (n < 2)
		n = 2, hi = lo + d;
	s.lo = lo == 0 ? 0 : lo; /* no "-0" */
	s.hi = hi;
	s.step = d;
	s.ticks = n;
	int dec = (int)-floor(log10(d) + 1e-9);
	s.decimals = dec > 0 ? (dec < 6 ? dec : 6) : 0;
	return s;
}

static int has(double v) { return isfinite(v); }

void chart_range(const doc_chart *c, double *min, double *max)
{
	double lo = INFINITY, hi = -INFINITY;
	if (c->fixed_range) {
		lo = c->range_lo, hi = c->range_hi;
	} else if (c->kind == CHART_STACKED_HBAR) {
		lo = 0;
		for (int i = 0; i < c->ncats; i++) {
			double t = 0;
			for (int k = 0; k < c->nseries; k++)
				if (has(c->series[k].values[i]) && c->series[k].values[i] > 0)
					t += c->series[k].values[i];
			if (t > hi)
				hi = t;
		}
	} else {
		for (int k = 0; k < c->nseries; k++)
			for (int i = 0; i < c->ncats; i++) {
				double v = c->series[k].values[i];
				if (has(v))
					lo = v < lo ? v : lo, hi = v > hi ? v : hi;
			}
		if (c->base_cat >= 0 && has(c->base_value))
			lo = fmin(lo, c->base_value), hi = fmax(hi, c->base_value);
		if (c->target_cat >= 0 && has(c->target_value))
			lo = fmin(lo, c->target_value), hi = fmax(hi, c->target_value);
	}
	*min = lo;
	*max = hi;
}

chart_scale chart_value_scale(const doc_chart *c)
{
	double lo, hi;
	chart_range(c, &lo, &hi);
	/* Bars stand on zero.  Lines start at zero when the data come near it
	 * (lowest under half the highest), so a small change is not blown up;
	 * otherwise the axis hugs the data. */
	int zero = c->kind != CHART_LINE || (lo >= 0 && lo < 0.5 * hi) || (hi <= 0 && hi > 0.5 * lo);
	chart_scale s = chart_scale_for(lo, hi, 5, zero);
	/* at most 7 ticks, so a small chart's labels never crowd (the same
	 * ticks in every format: no backend thins them) */
	for (int want = 4; s.ticks > 7 && want >= 2; want--)
		s = chart_scale_for(lo, hi, want, zero);
	/* counts of measures have no halves: a whole step (the range is then
	 * at most 3, so at most 4 ticks) */
	if (c->kind == CHART_STACKED_HBAR && s.step < 1) {
		s.lo = floor(s.lo), s.hi = ceil(s.hi), s.step = 1, s.decimals = 0;
		if (s.hi <= s.lo)
			s.hi = s.lo + 1;
		s.ticks = (int)(s.hi - s.lo) + 1;
	}
	s.broken = s.lo > 0 || s.hi < 0;
	return s;
}

double chart_track_at(const doc_chart *c, int i)
{
	if (c->base_cat < 0 || c->target_cat < 0 || c->target_cat <= c->base_cat ||
	    i < c->base_cat || i > c->target_cat)
		return NAN;
	double t = (double)(i - c->base_cat) / (c->target_cat - c->base_cat);
	return c->base_value + (c->target_value - c->base_value) * t;
}

void chart_format(const doc_chart *c, double v, int decimals, char *out, size_t n)
{
	char raw[64];
	if (!has(v)) {
		snprintf(out, n, "\xe2\x80\x93");
		return;
	}
	snprintf(raw, sizeof raw, "%.*f", decimals < 0 ? 0 : decimals, v);
	if (strcmp(raw, "-0") == 0 || (raw[0] == '-' && strspn(raw + 1, "0.") == strlen(raw + 1)))
		memmove(raw, raw + 1, strlen(raw));
	const char *dm = c && c->decimal ? c->decimal : ".";
	const char *gs = c && c->group ? c->group : "";
	char *ip = raw + (raw[0] == '-');
	size_t intlen = strcspn(ip, ".");
	size_t k = 0;
#define PUT(str) for (const char *q_ = (str); *q_ && k + 1 < n; q_++) out[k++] = *q_
	if (n == 0)
		return;
	if (raw[0] == '-' && k + 1 < n)
		out[k++] = '-';
	for (size_t i = 0; i < intlen && k + 1 < n; i++) {
		if (i && (intlen - i) % 3 == 0 && intlen > 4) {
			PUT(gs);
		}
		if (k + 1 < n)
			out[k++] = ip[i];
	}
	if (ip[intlen] == '.') {
		PUT(dm);
		PUT(ip + intlen + 1);
	}
#undef PUT
	out[k] = '\0';
}

int chart_places(double v)
{
	if (!has(v))
		return 0;
	for (int d = 0; d < 2; d++, v *= 10)
		if (fabs(v - round(v)) < 1e-6 * (fabs(v) > 1 ? fabs(v) : 1))
			return d;
	return 2;
}

int chart_data_decimals(const doc_chart *c)
{
	if (c->fixed_decimals)
		return c->decimals;
	/* NAN where not drawn: chart_places() counts it 0 */
	int d = chart_places(c->base_cat >= 0 ? c->base_value : NAN);
	int t = chart_places(c->target_cat >= 0 ? c->target_value : NAN);
	d = t > d ? t : d;
	for (int k = 0; k < c->nseries; k++)
		for (int i = 0; i < c->ncats; i++) {
			int p = chart_places(c->series[k].values[i]);
			d = p > d ? p : d;
		}
	return d;
}

/* ---- text fitting ---- */

const char *chart_fit(const char *s, double maxw, double size, int bold, chart_measure m,
		      void *mctx, arena *a)
{
	size_t len = strlen(s);
	if (m(mctx, s, len, size, bold) <= maxw)
		return s;
	double ew = m(mctx, ELLIPSIS, 3, size, bold);
	/* cut at a UTF-8 character boundary, drop trailing spaces */
	size_t k = len;
	while (k > 0) {
		k--;
		while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
		if (m(mctx, s, k, size, bold) + ew <= maxw)
			break;
	}
	while (k > 0 && s[k - 1] == ' ')
		k--;
	char *r = arena_alloc(a, k + 4);
	if (!r)
		return NULL;
	memcpy(r, s, k);
	memcpy(r + k, ELLIPSIS, 4);
	return r;
}

/* ---- drawing ---- */

typedef struct dctx {
	const doc_chart *c;
	chart_measure m;
	void *mc;
	arena *a;
	chart_drawing *d;
	double w, fs;
	doc_chart_style cs; /* the colours */
	/* what later labels keep clear of: texts and marks placed so far
	 * (rectangles), and the data's lines (series, expected path) */
	struct { double x0, y0, x1, y1; int line; } used[2048];
	int nused;
} dctx;

static chart_prim *prim(dctx *x, chart_prim_kind k, uint32_t rgb)
{
	chart_drawing *d = x->d;
	if (d->failed)
		return NULL;
	if (d->n == d->cap) {
		size_t cap = (size_t)d->cap;
		chart_prim *np = arena_grow(x->a, d->p, (size_t)d->n, &cap, sizeof *d->p);
		if (!np) {
			d->failed = 1;
			return NULL;
		}
		d->p = np;
		d->cap = (int)cap;
	}
	chart_prim *p = &d->p[d->n++];
	memset(p, 0, sizeof *p);
	p->kind = k;
	p->rgb = rgb;
	return p;
}

static void line(dctx *x, double x0, double y0, double x1, double y1, double lw, uint32_t rgb)
{
	chart_prim *p = prim(x, CP_LINE, rgb);
	if (p)
		p->x = x0, p->y = y0, p->w = x1 - x0, p->h = y1 - y0, p->lw = lw;
}

/* A line of the value grid, or (axis) the axis itself. */
static void grid_line(dctx *x, double x0, double y0, double x1, double y1, int axis)
{
	line(x, x0, y0, x1, y1, axis ? x->cs.axis_w : x->cs.grid_w,
	     axis ? x->cs.axis_rgb : x->cs.grid_rgb);
}

static void dashed(dctx *x, double x0, double y0, double x1, double y1, double lw, uint32_t rgb)
{
	double len = hypot(x1 - x0, y1 - y0), on = 3.5, off = 2.5;
	if (len <= 0)
		return;
	double ux = (x1 - x0) / len, uy = (y1 - y0) / len;
	int n = (int)ceil(len / (on + off));
	for (int i = 0; i < n && i < 10000; i++) {
		double t = i * (on + off), e = t + on < len ? t + on : len;
		line(x, x0 + ux * t, y0 + uy * t, x0 + ux * e, y0 + uy * e, lw, rgb);
	}
}

static void rect(dctx *x, double x0, double y0, double w, double h, uint32_t rgb)
{
	chart_prim *p = prim(x, CP_RECT, rgb);
	if (p)
		p->x = x0, p->y = y0, p->w = w, p->h = h;
}

/* A fill's edge: the fill darkened, so a pale status colour (a table
 * cell's shade) still shows its bounds on white paper. */
static uint32_t edge_of(uint32_t rgb)
{
	uint32_t r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
	return (r * 7 / 10) << 16 | (g * 7 / 10) << 8 | (b * 7 / 10);
}

static void outline(dctx *x, double x0, double y0, double w, double h, uint32_t rgb)
{
	line(x, x0, y0, x0 + w, y0, 0.5, rgb);
	line(x, x0 + w, y0, x0 + w, y0 + h, 0.5, rgb);
	line(x, x0 + w, y0 + h, x0, y0 + h, 0.5, rgb);
	line(x, x0, y0 + h, x0, y0, 0.5, rgb);
}

static double tw(dctx *x, const char *s, double size, int bold)
{
	return x->m(x->mc, s, strlen(s), size, bold);
}

/* Whether the segment (ax,ay)-(bx,by) meets the rectangle [x0,x1]x[y0,y1]
 * (Liang-Barsky: clip the segment's parameter range to each edge). */
static int seg_meets(double ax, double ay, double bx, double by, double x0, double y0, double x1,
		     double y1)
{
	double t0 = 0, t1 = 1, dx = bx - ax, dy = by - ay;
	const double p[4] = {-dx, dx, -dy, dy}, q[4] = {ax - x0, x1 - ax, ay - y0, y1 - ay};
	for (int i = 0; i < 4; i++) {
		if (p[i] == 0) {
			if (q[i] < 0)
				return 0;
			continue;
		}
		double r = q[i] / p[i];
		if (p[i] < 0 && r > t0)
			t0 = r;
		else if (p[i] > 0 && r < t1)
			t1 = r;
		if (t0 > t1)
			return 0;
	}
	return 1;
}

static int overlaps(dctx *x, double x0, double y0, double x1, double y1)
{
	for (int i = 0; i < x->nused; i++) {
		double a0 = x->used[i].x0, b0 = x->used[i].y0, a1 = x->used[i].x1, b1 = x->used[i].y1;
		if (x->used[i].line ? seg_meets(a0, b0, a1, b1, x0, y0, x1, y1)
				    : x0 < a1 && a0 < x1 && y0 < b1 && b0 < y1)
			return 1;
	}
	return 0;
}

/* A rectangle (line 0) or a line from (x0,y0) to (x1,y1) for later labels
 * to keep clear of. */
static void keep_clear(dctx *x, int line, double x0, double y0, double x1, double y1)
{
	if (x->nused < (int)(sizeof x->used / sizeof x->used[0])) {
		x->used[x->nused].x0 = x0, x->used[x->nused].y0 = y0;
		x->used[x->nused].x1 = x1, x->used[x->nused].y1 = y1;
		x->used[x->nused].line = line;
		x->nused++;
	}
}

/* Text with its left edge at tx, baseline at ty.  With avoid, nothing is
 * drawn (returns 0) when it would overlap text placed before or leave the
 * box; every text drawn is remembered. */
static int text(dctx *x, const char *s, double tx, double ty, double size, int bold,
		uint32_t rgb, int avoid)
{
	if (!s || !*s)
		return 0;
	double w = tw(x, s, size, bold);
	double y0 = ty - 0.8 * size, y1 = ty + 0.25 * size;
	if (avoid && (tx < 0 || tx + w > x->w + 0.01 || overlaps(x, tx - 1, y0, tx + w + 1, y1)))
		return 0;
	chart_prim *p = prim(x, CP_TEXT, rgb);
	if (!p)
		return 0;
	p->x = tx, p->y = ty, p->w = w, p->h = size, p->bold = bold;
	p->text = arena_strdup(x->a, s);
	if (!p->text)
		x->d->failed = 1;
	keep_clear(x, 0, tx, y0, tx + w, y1);
	return 1;
}

/* s at size, wrapped to at most maxl lines of at most maxw starting at
 * tx, the last shortened with "…"; the first baseline a line below y.
 * Returns the y below the last line (y itself for no text). */
static double wrapped(dctx *x, const char *s, double tx, double maxw, double y, double size,
		      int bold, uint32_t rgb, int maxl)
{
	if (!s)
		return y;
	for (int ln = 0; ln < maxl && *s; ln++) {
		size_t len = strlen(s), cut = len;
		if (ln + 1 < maxl && x->m(x->mc, s, len, size, bold) > maxw) {
			/* the last space before the width runs out */
			cut = 0;
			for (size_t i = 1; i < len; i++)
				if (s[i] == ' ' && x->m(x->mc, s, i, size, bold) <= maxw)
					cut = i;
			if (!cut)
				cut = len;
		}
		char *part = arena_strndup(x->a, s, cut);
		const char *fit = part ? chart_fit(part, maxw, size, bold, x->m, x->mc, x->a) : NULL;
		if (!fit) {
			x->d->failed = 1;
			return y;
		}
		y += size * 1.2;
		text(x, fit, tx, y - 0.25 * size, size, bold, rgb, 0);
		s += cut;
		while (*s == ' ')
			s++;
	}
	return y;
}

/* The title (the finding), wrapped to at most two lines, and under it the
 * subtitle (the goal's words) to at most three.  Returns the y below. */
static double title(dctx *x, double y)
{
	const doc_chart *c = x->c;
	/* small multiples keep room for every line, so that the titles, the
	 * subtitles and the plots of a row stand level */
	int level = c->abreast > 1;
	double y0 = y;
	y = wrapped(x, c->title, 0, x->w, y, x->cs.title_size, 1, x->cs.title_rgb, 2);
	if (level && y < y0 + 2 * 1.2 * x->cs.title_size)
		y = y0 + 2 * 1.2 * x->cs.title_size;
	double ys = y;
	y = wrapped(x, c->subtitle, 0, x->w, y, x->cs.label_size, 0, x->cs.label_rgb, 3);
	if (level && c->subtitle && *c->subtitle && y < ys + 3 * 1.2 * x->cs.label_size)
		y = ys + 3 * 1.2 * x->cs.label_size;
	return y > y0 ? y + 0.4 * x->fs : y;
}

/* Legend entries: a small sample of the mark and a name, flowed in rows. */
typedef enum { LG_SERIES_LINE, LG_SERIES_BOX, LG_BASE, LG_TARGET, LG_TRACK } lg_kind;

static void base_mark(dctx *x, double cx, double cy)
{
	double r = 3.2;
	uint32_t k = x->cs.base_rgb;
	line(x, cx - r, cy - r, cx + r, cy - r, 1, k);
	line(x, cx + r, cy - r, cx + r, cy + r, 1, k);
	line(x, cx + r, cy + r, cx - r, cy + r, 1, k);
	line(x, cx - r, cy + r, cx - r, cy - r, 1, k);
}

static void target_mark(dctx *x, double cx, double cy)
{
	double r = 3.6;
	uint32_t k = x->cs.target_rgb;
	line(x, cx - r, cy - r, cx + r, cy + r, x->cs.line_w, k);
	line(x, cx - r, cy + r, cx + r, cy - r, x->cs.line_w, k);
}

static double legend(dctx *x, double y, const lg_kind *kinds, const char *const *names,
		     const uint32_t *rgbs, int n)
{
	double ls = x->cs.label_size, sw = 14, gap = 12, cx = 0;
	double rowh = ls * 1.6;
	y += rowh;
	int any = 0;
	for (int i = 0; i < n; i++) {
		if (!names[i] || !*names[i])
			continue;
		/* a name is shortened only when it cannot fill a row of its own:
		 * the owners a board reads by name ("Helse Nord-Trøndelag HF")
		 * would otherwise lose their last word in a small multiple */
		const char *nm = chart_fit(names[i], x->w - sw - 4, ls, 0, x->m, x->mc, x->a);
		if (!nm) {
			x->d->failed = 1;
			return y;
		}
		double ew = sw + 4 + tw(x, nm, ls, 0);
		if (cx > 0 && cx + ew > x->w) {
			cx = 0;
			y += rowh;
		}
		double my = y - 0.3 * ls;
		switch (kinds[i]) {
		case LG_SERIES_LINE:
			line(x, cx, my, cx + sw, my, x->cs.line_w, rgbs[i]);
			rect(x, cx + sw / 2 - 2, my - 2, 4, 4, rgbs[i]);
			break;
		case LG_SERIES_BOX:
			rect(x, cx + 2, my - 4, sw - 4, 8, rgbs[i]);
			outline(x, cx + 2, my - 4, sw - 4, 8, edge_of(rgbs[i]));
			break;
		case LG_BASE: base_mark(x, cx + sw / 2, my); break;
		case LG_TARGET: target_mark(x, cx + sw / 2, my); break;
		case LG_TRACK: dashed(x, cx, my, cx + sw, my, x->cs.track_w, x->cs.track_rgb); break;
		}
		text(x, nm, cx + sw + 4, y, ls, 0, x->cs.label_rgb, 0);
		cx += ew + gap;
		any = 1;
	}
	return any ? y + 0.4 * ls : y - rowh;
}

static double on_track_line(dctx *x, double y)
{
	const doc_chart *c = x->c;
	if (!c->on_track_text || !*c->on_track_text)
		return y;
	double ls = x->cs.verdict_size;
	y += ls * 1.6;
	rect(x, 0, y - 0.75 * ls, 0.7 * ls, 0.7 * ls,
	     c->on_track < 0 ? x->cs.unknown_rgb : c->on_track ? x->cs.on_track_rgb : x->cs.behind_rgb);
	const char *s = chart_fit(c->on_track_text, x->w - ls, ls, 1, x->m, x->mc, x->a);
	if (!s)
		x->d->failed = 1;
	else
		text(x, s, ls, y - 0.1 * ls, ls, 1, x->cs.label_rgb, 0);
	return y + 0.3 * ls;
}

/* The mark of an axis that does not start at 0: two slanted strokes
 * across the axis line at (ax, ay) (the caller leaves the line cut
 * between BREAK_AT and BREAK_AT + BREAK_GAP from ax). */
enum { BREAK_AT = 5 };
#define BREAK_GAP 3.5
static void break_mark(dctx *x, double ax, double ay)
{
	double h = 3.2, gx = ax + BREAK_AT;
	line(x, gx - 1.6, ay + h, gx + 1.6, ay - h, x->cs.axis_w * 1.6, x->cs.axis_rgb);
	line(x, gx + 1.9, ay + h, gx + 5.1, ay - h, x->cs.axis_w * 1.6, x->cs.axis_rgb);
	keep_clear(x, 0, gx - 2, ay - h, gx + 5.5, ay + h);
}

/* The value axis of a vertical chart: unit, gridlines and tick labels.
 * Returns the plot's left edge. */
static double value_axis_left(dctx *x, const chart_scale *s, double *lw)
{
	double ls = x->cs.label_size, w = 0;
	char b[64];
	for (int i = 0; i < s->ticks; i++) {
		chart_format(x->c, s->lo + i * s->step, s->decimals, b, sizeof b);
		double t = tw(x, b, ls, 0);
		w = t > w ? t : w;
	}
	*lw = w;
	return w + 6;
}

/* A line or bar chart's legend at y: the series, then the marks.
 * Returns the y below it. */
static double xy_legend(dctx *x, double y)
{
	const doc_chart *c = x->c;
	enum { MAXLG = 40 };
	lg_kind kinds[MAXLG];
	const char *names[MAXLG];
	uint32_t rgbs[MAXLG];
	int n = 0;
	for (int k = 0; k < c->nseries && n < MAXLG - 3; k++) {
		kinds[n] = c->kind == CHART_BAR ? LG_SERIES_BOX : LG_SERIES_LINE;
		names[n] = c->series[k].name;
		rgbs[n++] = c->series[k].rgb;
	}
	if (c->base_cat >= 0)
		kinds[n] = LG_BASE, names[n] = c->base_label, rgbs[n++] = 0;
	if (c->target_cat >= 0)
		kinds[n] = LG_TARGET, names[n] = c->target_label, rgbs[n++] = 0;
	if (c->base_cat >= 0 && c->target_cat > c->base_cat)
		kinds[n] = LG_TRACK, names[n] = c->track_label, rgbs[n++] = 0;
	return legend(x, y, kinds, names, rgbs, n);
}

static void draw_xy(dctx *x, double y)
{
	const doc_chart *c = x->c;
	double ls = x->cs.label_size;
	chart_scale s = chart_value_scale(c);
	/* the unit over the value labels */
	if (c->unit && *c->unit) {
		const char *u = chart_fit(c->unit, x->w * 0.5, ls, 0, x->m, x->mc, x->a);
		y += ls * 1.1;
		text(x, u, 0, y, ls, 0, x->cs.label_rgb, 0);
	}
	double top = y + ls * 0.9;
	double ph = x->w * (c->compact ? 0.16 : 0.28);
	ph = c->compact ? (ph < 60 ? 60 : ph > 85 ? 85 : ph) : (ph < 95 ? 95 : ph > 135 ? 135 : ph);
	double labw, x0 = value_axis_left(x, &s, &labw), x1 = x->w - 2;
	double bottom = top + ph, pw = x1 - x0;
	double span = s.hi - s.lo;
#define VY(v) (bottom - ((v) - s.lo) / span * ph)
	char b[64];
	for (int i = 0; i < s.ticks; i++) {
		double v = s.lo + i * s.step, ty = VY(v);
		if (s.broken && (s.lo > 0 ? i == 0 : i == s.ticks - 1)) {
			grid_line(x, x0, ty, x0 + BREAK_AT, ty, 1);
			grid_line(x, x0 + BREAK_AT + BREAK_GAP, ty, x1, ty, 1);
		} else {
			grid_line(x, x0, ty, x1, ty, v == 0 || i == 0);
		}
		chart_format(c, v, s.decimals, b, sizeof b);
		double t = tw(x, b, ls, 0);
		text(x, b, x0 - 5 - t, ty + 0.3 * ls, ls, 0, x->cs.label_rgb, 1);
	}
	if (s.broken)
		break_mark(x, x0, s.lo > 0 ? bottom : top);
	int nc = c->ncats > 0 ? c->ncats : 1;
	double band = pw / nc;
#define CX(i) (x0 + band * ((i) + 0.5))
	/* category labels: every k-th, so none touch */
	double maxw = 0;
	for (int i = 0; i < c->ncats; i++) {
		double t = tw(x, c->cats[i], ls, 0);
		maxw = t > maxw ? t : maxw;
	}
	int k = 1;
	while (k < nc && maxw + 6 > band * k)
		k++;
	double ly = bottom + ls * 1.7; /* clear of a marker on the axis */
	for (int i = 0; i < c->ncats; i++) {
		line(x, CX(i), bottom, CX(i), bottom + 3, 0.6, x->cs.axis_rgb);
		if (i % k == 0) {
			const char *lab = chart_fit(c->cats[i], band * k - 4, ls, 0, x->m, x->mc, x->a);
			double t = lab ? tw(x, lab, ls, 0) : 0;
			if (lab)
				text(x, lab, CX(i) - t / 2, ly, ls, 0, x->cs.label_rgb, 1);
		}
	}
	/* the expected path from baseline to target, dashed, under the data */
	if (c->base_cat >= 0 && c->target_cat > c->base_cat) {
		dashed(x, CX(c->base_cat), VY(c->base_value), CX(c->target_cat), VY(c->target_value),
		       x->cs.track_w, x->cs.track_rgb);
		keep_clear(x, 1, CX(c->base_cat), VY(c->base_value), CX(c->target_cat),
			   VY(c->target_value));
	}
	/* the series */
	int ns = c->nseries;
	for (int k2 = 0; k2 < ns; k2++) {
		const chart_series *se = &c->series[k2];
		for (int i = 0; i < c->ncats; i++) {
			double v = se->values[i];
			if (!has(v))
				continue;
			if (c->kind == CHART_BAR) {
				double gw = band * 0.7, bw = gw / ns;
				double bx = CX(i) - gw / 2 + k2 * bw, zy = VY(s.lo > 0 ? s.lo : s.hi < 0 ? s.hi : 0);
				double vy = VY(v);
				rect(x, bx + 0.5, vy < zy ? vy : zy, bw - 1, fabs(zy - vy), se->rgb);
			} else {
				if (i + 1 < c->ncats && has(se->values[i + 1])) {
					line(x, CX(i), VY(v), CX(i + 1), VY(se->values[i + 1]), x->cs.line_w, se->rgb);
					keep_clear(x, 1, CX(i), VY(v), CX(i + 1), VY(se->values[i + 1]));
				}
				rect(x, CX(i) - 2.2, VY(v) - 2.2, 4.4, 4.4, se->rgb);
				keep_clear(x, 0, CX(i) - 3, VY(v) - 3, CX(i) + 3, VY(v) + 3);
			}
		}
	}
	if (c->base_cat >= 0) {
		base_mark(x, CX(c->base_cat), VY(c->base_value));
		keep_clear(x, 0, CX(c->base_cat) - 4, VY(c->base_value) - 4, CX(c->base_cat) + 4,
			   VY(c->base_value) + 4);
	}
	if (c->target_cat >= 0) {
		target_mark(x, CX(c->target_cat), VY(c->target_value));
		keep_clear(x, 0, CX(c->target_cat) - 4.5, VY(c->target_value) - 4.5,
			   CX(c->target_cat) + 4.5, VY(c->target_value) + 4.5);
	}
	/* the latest value of each series written beside its point, where
	 * there is room (the table below has every number) */
	int dec = chart_data_decimals(c);
	for (int k2 = 0; k2 < ns; k2++) {
		const chart_series *se = &c->series[k2];
		int last = -1;
		for (int i = 0; i < c->ncats; i++)
			if (has(se->values[i]))
				last = i;
		if (last < 0)
			continue;
		chart_format(c, se->values[last], dec, b, sizeof b);
		double t = tw(x, b, ls, 1), px = CX(last), py = VY(se->values[last]);
		if (c->kind == CHART_BAR) {
			text(x, b, px - t / 2, py - 3, ls, 1, se->rgb, 1);
			continue;
		}
		/* beside the point, else above or below it, on either side:
		 * the first place that covers no line, mark or label, inside
		 * the plot (else no label: the table has the number) */
		const double at[][2] = {{px + 5, py + 0.3 * ls},	  {px + 5, py - 0.55 * ls},
					{px + 5, py + 1.15 * ls},	  {px - 5 - t, py + 0.3 * ls},
					{px - 5 - t, py - 0.55 * ls},	  {px - 5 - t, py + 1.15 * ls},
					{px - t / 2, py - 0.75 * ls},	  {px - t / 2, py + 1.35 * ls}};
		for (size_t i = 0; i < sizeof at / sizeof at[0]; i++)
			if (at[i][1] - 0.8 * ls >= top - ls && at[i][1] + 0.25 * ls <= bottom &&
			    text(x, b, at[i][0], at[i][1], ls, 1, se->rgb, 1))
				break;
	}
	/* the target's value beside its mark, where there is room (above the
	 * plot too, beside the unit: a target is often the highest value) */
	if (c->target_cat >= 0 && has(c->target_value)) {
		char v[64];
		chart_format(c, c->target_value, dec, v, sizeof v);
		const char *tl = c->target_label && *c->target_label ? c->target_label : "";
		const char *tb = arena_printf(x->a, "%s%s%s", tl, *tl ? " " : "", v);
		if (!tb) {
			x->d->failed = 1;
			return;
		}
		double t = tw(x, tb, ls, 0), px = CX(c->target_cat), py = VY(c->target_value);
		const double at[][2] = {{px - 6 - t, py + 0.3 * ls}, {px - t / 2, py - 0.85 * ls},
					{px - t / 2, py + 1.45 * ls}, {px - 6 - t, py - 0.7 * ls},
					{px - 6 - t, py + 1.3 * ls}, {px + 6, py + 0.3 * ls}};
		for (size_t i = 0; i < sizeof at / sizeof at[0]; i++)
			if (at[i][1] - 0.8 * ls >= top - 1.9 * ls && at[i][1] + 0.25 * ls <= bottom + ls &&
			    text(x, tb, at[i][0], at[i][1], ls, 0, x->cs.target_rgb, 1))
				break;
	}
#undef CX
#undef VY
	y = xy_legend(x, ly + ls * 0.3);
	y = on_track_line(x, y);
	x->d->h = y + 2;
}

/* A category's name broken into at most HBAR_LINES lines of at most
 * maxw, the last shortened with "…" (into out, when not NULL, in the
 * arena); returns how many lines. */
enum { HBAR_LINES = 3 };
static int label_lines(dctx *x, const char *s, double maxw, double size, const char **out)
{
	int n = 0;
	while (*s && n < HBAR_LINES) {
		size_t len = strlen(s), cut = len;
		if (n + 1 < HBAR_LINES && x->m(x->mc, s, len, size, 0) > maxw) {
			cut = 0;
			for (size_t j = 1; j < len; j++)
				if (s[j] == ' ' && x->m(x->mc, s, j, size, 0) <= maxw)
					cut = j;
			if (!cut)
				cut = len;
		}
		if (out) {
			char *part = arena_strndup(x->a, s, cut);
			out[n] = part ? chart_fit(part, maxw, size, 0, x->m, x->mc, x->a) : NULL;
			if (!out[n])
				x->d->failed = 1;
		}
		n++;
		s += cut;
		while (*s == ' ')
			s++;
	}
	return n ? n : 1;
}

static void draw_hbar(dctx *x, double y)
{
	const doc_chart *c = x->c;
	double ls = x->cs.label_size;
	chart_scale s = chart_value_scale(c);
	/* Category labels left of their bars when the longest takes at most
	 * 38 % of the width; else each above its bar, across the whole width
	 * (wrapped, never shortened but past HBAR_LINES lines), so a long
	 * name neither loses its words nor squeezes the bars. */
	double labw = 0;
	for (int i = 0; i < c->ncats; i++) {
		double t = tw(x, c->cats[i], ls, 0);
		labw = t > labw ? t : labw;
	}
	int above = labw > x->w * 0.38;
	char b[64];
	int dp = chart_data_decimals(c); /* counts: 0; a distribution may have more */
	chart_format(c, s.hi, dp, b, sizeof b);
	double totw = tw(x, b, ls, 1) + 8;
	chart_format(c, s.lo, s.decimals, b, sizeof b);
	double x0 = above ? tw(x, b, ls, 0) / 2 + 1 : labw + 8, x1 = x->w - totw, pw = x1 - x0;
	if (above)
		labw = x->w - x0;
	double bh = ls * (above ? 1.2 : 1.36), lh = 1.1 * ls;
	double top = y + 2;
	int nc = c->ncats;
	/* each row's top and its bar's top */
	double *ry = arena_array(x->a, (size_t)nc + 1, sizeof *ry);
	double *by = arena_array(x->a, (size_t)nc + 1, sizeof *by);
	if (!ry || !by) {
		x->d->failed = 1;
		return;
	}
	double at = top;
	for (int i = 0; i < nc; i++) {
		ry[i] = at;
		if (above) {
			int n = label_lines(x, c->cats[i], labw, ls, NULL);
			by[i] = at + n * lh + 0.1 * ls;
			at = by[i] + bh + 0.45 * ls;
		} else {
			by[i] = at + (2.0 * ls - bh) / 2;
			at += 2.0 * ls;
		}
	}
	double bottom = at;
	double span = s.hi - s.lo;
#define VX(v) (x0 + ((v) - s.lo) / span * pw)
	for (int i = 0; i < s.ticks; i++) {
		double v = s.lo + i * s.step, tx = VX(v);
		if (above) /* the grid behind the bars only, not across the names */
			for (int r = 0; r < nc; r++)
				grid_line(x, tx, by[r] - 0.2 * ls, tx, by[r] + bh + 0.2 * ls, i == 0);
		else
			grid_line(x, tx, top, tx, bottom, i == 0);
		chart_format(c, v, s.decimals, b, sizeof b);
		double t = tw(x, b, ls, 0);
		text(x, b, tx - t / 2, bottom + ls * 1.3, ls, 0, x->cs.label_rgb, 1);
	}
	for (int i = 0; i < nc; i++) {
		const char *ln[HBAR_LINES];
		int n = label_lines(x, c->cats[i], labw, ls, ln);
		for (int j = 0; j < n; j++) {
			if (!ln[j])
				continue;
			if (above)
				text(x, ln[j], x0, ry[i] + lh * (j + 1) - 0.25 * ls, ls, 0, x->cs.label_rgb, 1);
			else
				text(x, ln[j], x0 - 8 - tw(x, ln[j], ls, 0),
				     by[i] + bh / 2 + 0.33 * ls - (n - 1) * 0.55 * ls + lh * j, ls, 0,
				     x->cs.label_rgb, 1);
		}
		double acc = 0;
		for (int k = 0; k < c->nseries; k++) {
			double v = c->series[k].values[i];
			if (!has(v) || v <= 0)
				continue;
			double sx = VX(acc), ex = VX(acc + v);
			rect(x, sx, by[i], ex - sx, bh, c->series[k].rgb);
			outline(x, sx, by[i], ex - sx, bh, edge_of(c->series[k].rgb));
			chart_format(c, v, 0, b, sizeof b);
			double t = tw(x, b, ls, 1);
			/* one series: the number at the bar's end says it */
			if (c->nseries > 1 && t + 4 <= ex - sx)
				text(x, b, (sx + ex - t) / 2, by[i] + bh / 2 + 0.33 * ls, ls, 1,
				     c->series[k].text_rgb, 1);
			acc += v;
		}
		chart_format(c, acc, dp, b, sizeof b);
		text(x, b, VX(acc) + 4, by[i] + bh / 2 + 0.33 * ls, ls, 1, x->cs.label_rgb, 1);
	}
#undef VX
	y = bottom + ls * 1.6;
	enum { MAXLG = 40 };
	lg_kind kinds[MAXLG];
	const char *names[MAXLG];
	uint32_t rgbs[MAXLG];
	int n = 0;
	for (int k = 0; k < c->nseries && n < MAXLG; k++) {
		kinds[n] = LG_SERIES_BOX;
		names[n] = c->series[k].name;
		rgbs[n++] = c->series[k].rgb;
	}
	y = legend(x, y, kinds, names, rgbs, n);
	x->d->h = y + 2;
}

static int abreast_of(const doc_node *n)
{
	if (!n || n->type != DOC_CHART || !n->u.chart.chart)
		return 1;
	int k = n->u.chart.chart->abreast;
	return k > 1 && k <= CHART_MAX_ABREAST ? k : 1;
}

int doc_chart_abreast(const doc_node *n, int *col)
{
	int k = abreast_of(n), i = 0;
	if (k > 1)
		for (const doc_node *p = n->prev; p && abreast_of(p) == k && p->type == DOC_CHART;
		     p = p->prev)
			i++;
	*col = i % k;
	return k;
}

int doc_chart_row_ends(const doc_node *n)
{
	int col, k = doc_chart_abreast(n, &col);
	return k == 1 || col == k - 1 || !n->next || n->next->type != DOC_CHART ||
	       abreast_of(n->next) != k;
}

double doc_chart_width(const doc_node *n, double text_w, double gap)
{
	int col, k = doc_chart_abreast(n, &col);
	return (text_w - gap * (k - 1)) / k;
}

doc_chart_style chart_style(const doc_chart *c)
{
	if (c->style)
		return *c->style;
	doc_style s;
	doc_style_fill(&s, NULL);
	return s.chart;
}

int chart_draw(const doc_chart *c, double w, double fs, chart_measure m, void *mctx, arena *a,
	       chart_drawing *out)
{
	memset(out, 0, sizeof *out);
	out->w = w;
	dctx *x = arena_alloc(a, sizeof *x);
	if (!x)
		return -1;
	x->c = c, x->m = m, x->mc = mctx, x->a = a, x->d = out, x->w = w, x->fs = fs > 0 ? fs : 10;
	x->cs = chart_style(c);
	double y = title(x, 0);
	if (c->kind == CHART_STACKED_HBAR)
		draw_hbar(x, y);
	else
		draw_xy(x, y);
	return out->failed || arena_failed(a) ? -1 : 0;
}

int chart_columns(const doc_chart *c, chart_col *cols, int max)
{
	int n = 0;
	for (int k = 0; k < c->nseries && n < max; k++)
		cols[n++] = (chart_col){CHART_COL_SERIES, k, c->series[k].name};
	if (c->kind == CHART_STACKED_HBAR) {
		if (c->total_label && n < max)
			cols[n++] = (chart_col){CHART_COL_TOTAL, 0, c->total_label};
		return n;
	}
	if (c->base_cat >= 0 && n < max)
		cols[n++] = (chart_col){CHART_COL_BASE, 0, c->base_label};
	if (c->target_cat >= 0 && n < max)
		cols[n++] = (chart_col){CHART_COL_TARGET, 0, c->target_label};
	if (c->base_cat >= 0 && c->target_cat > c->base_cat && n < max)
		cols[n++] = (chart_col){CHART_COL_TRACK, 0, c->track_label};
	return n;
}

double chart_col_value(const doc_chart *c, const chart_col *cl, int i)
{
	switch (cl->kind) {
	case CHART_COL_SERIES: return c->series[cl->k].values[i];
	case CHART_COL_BASE: return i == c->base_cat ? c->base_value : NAN;
	case CHART_COL_TARGET: return i == c->target_cat ? c->target_value : NAN;
	case CHART_COL_TOTAL: {
		double t = 0;
		for (int k = 0; k < c->nseries; k++)
			if (has(c->series[k].values[i]) && c->series[k].values[i] > 0)
				t += c->series[k].values[i];
		return t;
	}
	default: return chart_track_at(c, i);
	}
}

int chart_col_label_at(const doc_chart *c, const chart_col *cl)
{
	if (c->kind == CHART_STACKED_HBAR)
		return -1;
	if (cl->kind == CHART_COL_TARGET)
		return c->target_cat;
	if (cl->kind != CHART_COL_SERIES)
		return -1;
	int last = -1;
	for (int i = 0; i < c->ncats; i++)
		if (has(c->series[cl->k].values[i]))
			last = i;
	return last;
}

double chart_native_height(const doc_chart *c, double w)
{
	if (c->kind == CHART_STACKED_HBAR)
		return 80 + 24.0 * c->ncats;
	double h = w * (c->compact ? 0.32 : 0.5);
	h = h < 150 ? 150 : h > 260 ? 260 : h;
	/* small multiples: the plot as tall as the PDF's, and room for the
	 * finding, the goal's words and a legend of several rows */
	if (c->abreast > 1)
		h = 300 + 12.0 * (c->nseries > 2 ? c->nseries - 2 : 0);
	return h;
}

int chart_col_is_line(const doc_chart *c, const chart_col *cl)
{
	return c->kind == CHART_LINE || (cl->kind != CHART_COL_SERIES && cl->kind != CHART_COL_TOTAL);
}

const char *chart_axis_label(const char *s, char *out, size_t n)
{
	size_t chars = 0, i = 0;
	while (s[i] && chars < CHART_LABEL_CHARS) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		chars++;
	}
	if (!s[i] || i + 4 > n)
		return s;
	while (i > 0 && s[i - 1] == ' ')
		i--;
	memcpy(out, s, i);
	memcpy(out + i, "\xe2\x80\xa6", 4);
	return out;
}

void chart_sheet_col(char *s, int i)
{
	if (i < 26)
		s[0] = (char)('A' + i), s[1] = 0;
	else
		s[0] = (char)('A' + i / 26 - 1), s[1] = (char)('A' + i % 26), s[2] = 0;
}
