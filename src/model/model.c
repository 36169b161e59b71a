/* model.c: the plan's lifetime and the views reports need (see model.h).
 * Reads no files; plan_xml.c fills the model and validate.c resolves its
 * references. */
#include "model.h"

#include <ctype.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/xalloc.h"

/* Ids are ASCII whatever the locale: isalnum() would take a Latin-1 'ø'. */
static int isalnum_ascii(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

plan *plan_new(void)
{
	plan *p = xcalloc(1, sizeof *p);
	if (!p)
		return NULL;
	arena_init(&p->arena);
	p->text = doc_new();
	if (!p->text) {
		xfree(p);
		return NULL;
	}
	return p;
}

void plan_free(plan *p)
{
	if (!p)
		return;
	doc_free(p->text);
	arena_free(&p->arena);
	xfree(p);
}

static size_t hash(const char *s)
{
	size_t h = 1469598103934665603u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* Index n objects whose id is at byte offset off; table of 2^k >= 2n. */
static void **build(arena *a, void *const *objs, size_t n, size_t off, size_t *size)
{
	size_t m = 16;
	while (m < 2 * n)
		m *= 2;
	void **t = arena_array(a, m, sizeof *t);
	if (!t)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		const char *id = *(const char *const *)((const char *)objs[i] + off);
		if (!id)
			continue;
		size_t j = hash(id) & (m - 1);
		for (;;) {
			if (!t[j]) {
				t[j] = objs[i];
				break;
			}
			if (strcmp(*(const char *const *)((const char *)t[j] + off), id) == 0)
				break; /* duplicate: the first stays, validation reports it */
			j = (j + 1) & (m - 1);
		}
	}
	*size = m;
	return t;
}

int model_index(plan *p)
{
	p->ix_owner = build(&p->arena, (void *const *)p->owners, p->nowners, offsetof(owner, id), &p->ix_owner_n);
	p->ix_ind = build(&p->arena, (void *const *)p->indicators, p->nindicators, offsetof(indicator, id),
			  &p->ix_ind_n);
	p->ix_measure = build(&p->arena, (void *const *)p->measures, p->nmeasures, offsetof(measure, id),
			      &p->ix_measure_n);
	if (!p->ix_owner || !p->ix_ind || !p->ix_measure) {
		p->ix_owner = p->ix_ind = p->ix_measure = NULL;
		return -1;
	}
	return 0;
}

static void *find(void *const *t, size_t m, void *const *objs, size_t n, size_t off, const char *id)
{
	if (!id)
		return NULL;
	if (!t) {
		for (size_t i = 0; i < n; i++)
			if (strcmp(*(const char *const *)((const char *)objs[i] + off), id) == 0)
				return objs[i];
		return NULL;
	}
	for (size_t j = hash(id) & (m - 1); t[j]; j = (j + 1) & (m - 1))
		if (strcmp(*(const char *const *)((const char *)t[j] + off), id) == 0)
			return t[j];
	return NULL;
}

owner *model_owner(const plan *p, const char *id)
{
	return find(p->ix_owner, p->ix_owner_n, (void *const *)p->owners, p->nowners, offsetof(owner, id), id);
}

indicator *model_indicator(const plan *p, const char *id)
{
	return find(p->ix_ind, p->ix_ind_n, (void *const *)p->indicators, p->nindicators,
		    offsetof(indicator, id), id);
}

measure *model_measure(const plan *p, const char *id)
{
	return find(p->ix_measure, p->ix_measure_n, (void *const *)p->measures, p->nmeasures,
		    offsetof(measure, id), id);
}

const owner *model_plan_owner(const plan *p)
{
	if (p->organisation_ref)
		return model_owner(p, p->organisation_ref);
	const owner *rhf = NULL;
	for (size_t i = 0; i < p->nowners; i++)
		if (p->owners[i]->type == OWNER_RHF) {
			if (rhf)
				return NULL; /* several regions: none speaks for the plan */
			rhf = p->owners[i];
		}
	return rhf;
}

/* Validation breaks every parent cycle, so a chain ends; the bound only
 * keeps an unvalidated model from looping. */
enum { MAX_PARENT_STEPS = 1 << 16 };

int model_under(const owner *o, const owner *top)
{
	for (int k = 0; o && k < MAX_PARENT_STEPS; k++, o = o->parent)
		if (o == top)
			return 1;
	return 0;
}

int model_assigned(const measure *m, const owner *o)
{
	for (size_t i = 0; i < m->nresp; i++) {
		const owner *r = m->resp[i].owner;
		if (!r)
			continue;
		if (r == o)
			return 1;
		for (size_t j = 0; j < r->nmembers; j++)
			if (r->members[j] == o)
				return 1;
	}
	return 0;
}

int model_responsible(const measure *m, const owner *o)
{
	for (int k = 0; o && k < MAX_PARENT_STEPS; k++, o = o->parent)
		if (model_assigned(m, o))
			return 1;
	return 0;
}

static const status *own_status(const measure *m, int year, const owner *o)
{
	for (size_t i = 0; i < m->nstatuses; i++) {
		const status *s = &m->statuses[i];
		if (s->year == year && s->owner == o)
			return s;
	}
	return NULL;
}

const status *model_status(const measure *m, int year, const owner *o,
			   int allow_fallback, int *fallback)
{
	if (fallback)
		*fallback = 0;
	const status *s = own_status(m, year, o);
	if (s)
		return s;
	if (!o) {
		/* No overall status: the lead owner's own report stands for the
		 * measure, as the first responsible owner leads the work; a
		 * reported status before one computed from the plan's figure. */
		if (m->nresp && m->resp[0].owner && (s = own_status(m, year, m->resp[0].owner)))
			return s;
		return model_computed_status(m, year, NULL);
	}
	if ((s = model_computed_status(m, year, o)))
		return s;
	if (!allow_fallback)
		return NULL;
	s = model_status(m, year, NULL, 0, NULL);
	if (s && fallback)
		*fallback = 1;
	return s;
}

/* ---- statuses computed from the numbers (see model.h) -------------------- */

int model_grade(int decrease, double tolerance, double value, double target)
{
	/* how far the value falls short, on the wrong side of the target; a
	 * sliver of rounding (a mean rolled up) is no miss */
	double miss = decrease ? value - target : target - value;
	double slack = 1e-9 * fmax(1.0, fabs(target));
	if (miss <= slack)
		return 0;
	return miss <= tolerance / 100.0 * fabs(target) + slack ? 1 : 2;
}

status_value model_grade_status(status_set set, int grade)
{
	static const status_value achievement[] = {ST_ACHIEVED, ST_PARTLY_ACHIEVED, ST_NOT_ACHIEVED};
	static const status_value progress[] = {ST_COMPLETED, ST_IN_PROGRESS, ST_DELAYED};
	grade = grade < 0 ? 0 : grade > 2 ? 2 : grade;
	return set == SET_ACHIEVEMENT ? achievement[grade] : progress[grade];
}

static size_t judged_hash(int year, const owner *o)
{
	uint64_t h = (uint64_t)(uintptr_t)o * 0x9E3779B97F4A7C15u ^ (uint64_t)(unsigned)year;
	h ^= h >> 29;
	return (size_t)(h * 0xBF58476D1CE4E5B9u >> 32);
}

/* ind's judgement for (year, o), or NULL. */
static const judgement *judged(const indicator *ind, int year, const owner *o)
{
	if (!ind || !ind->judged)
		return NULL;
	size_t mask = ind->njudged_size - 1;
	for (size_t j = judged_hash(year, o) & mask; ind->judged[j]; j = (j + 1) & mask) {
		const judgement *g = ind->judged[j];
		if (g->st.year == year && g->st.owner == o)
			return g;
	}
	return NULL;
}

/* Put g into ind's table under (year, o) unless that key is taken. */
static void judged_put(indicator *ind, judgement *g)
{
	size_t mask = ind->njudged_size - 1;
	size_t j = judged_hash(g->st.year, g->st.owner) & mask;
	for (; ind->judged[j]; j = (j + 1) & mask)
		if (ind->judged[j]->st.year == g->st.year && ind->judged[j]->st.owner == g->st.owner)
			return;
	ind->judged[j] = g;
}

void model_judge_clear(plan *p)
{
	for (size_t i = 0; i < p->nindicators; i++) {
		p->indicators[i]->judged = NULL;
		p->indicators[i]->njudged_size = 0;
	}
}

/* Years are 1900-2200 (plan_xml.c): a target per year in a flat table. */
enum { JUDGE_Y0 = 1900, JUDGE_YEARS = 301 };

int model_judge(plan *p)
{
	model_judge_clear(p);
	const owner *top = model_plan_owner(p);
	for (size_t i = 0; i < p->nindicators; i++) {
		indicator *ind = p->indicators[i];
		const ind_point *target[JUDGE_YEARS] = {0};
		int any = 0;
		for (size_t k = ind->ntargets; k-- > 0;) { /* the first of a year wins */
			int y = ind->targets[k].year - JUDGE_Y0;
			if (y >= 0 && y < JUDGE_YEARS)
				target[y] = &ind->targets[k], any = 1;
		}
		if (!any)
			continue;
		size_t n = 0;
		for (size_t k = 0; k < ind->nvalues; k++) {
			const ind_point *v = &ind->values[k];
			int y = v->year - JUDGE_Y0;
			n += !v->category_id && y >= 0 && y < JUDGE_YEARS && target[y];
		}
		if (!n)
			continue;
		/* a slot per value and one per alias (at most one per value),
		 * at most half full */
		size_t size = 8;
		while (size < 4 * n)
			size *= 2;
		judgement *gs = arena_array(&p->arena, n, sizeof *gs);
		/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
		judgement **table = arena_array(&p->arena, size, sizeof *table);
		if (!gs || !table) {
			model_judge_clear(p);
			return -1;
		}
		ind->judged = table;
		ind->njudged_size = size;
		size_t k2 = 0;
		const judgement *plan_own[JUDGE_YEARS] = {0};
		for (size_t k = 0; k < ind->nvalues; k++) {
			const ind_point *v = &ind->values[k];
			int y = v->year - JUDGE_Y0;
			if (v->category_id || y < 0 || y >= JUDGE_YEARS || !target[y])
				continue;
			judgement *g = &gs[k2++];
			g->ind = ind;
			g->value = v;
			g->target = target[y];
			g->grade = model_grade(ind->decrease, ind->tolerance, v->value, target[y]->value);
			g->st.year = v->year;
			g->st.value = model_grade_status(p->status_set, g->grade);
			g->st.owner_id = v->owner_id;
			g->st.owner = v->owner;
			g->st.progress = -1;
			g->st.computed = g;
			g->st.pos = v->pos;
			judged_put(ind, g);
			if (!v->owner)
				plan_own[y] = g;
		}
		/* the plan's own organisation's figure is the plan's: that owner's
		 * key finds it, unless the plan file gave the owner a value of
		 * its own */
		if (top) {
			for (int y = 0; y < JUDGE_YEARS; y++)
				if (plan_own[y] && !judged(ind, y + JUDGE_Y0, top)) {
					/* a judgement of its own, keyed by the owner, with
					 * the same basis */
					judgement *a = arena_alloc(&p->arena, sizeof *a);
					if (!a) {
						model_judge_clear(p);
						return -1;
					}
					*a = *plan_own[y];
					a->st.owner = top;
					a->st.owner_id = top->id;
					a->st.computed = a;
					judged_put(ind, a);
				}
		}
	}
	return 0;
}

const status *model_computed_status(const measure *m, int year, const owner *o)
{
	const judgement *worst = NULL;
	for (size_t i = 0; i < m->ninds; i++) {
		const judgement *g = judged(m->inds[i], year, o);
		if (g && (!worst || g->grade > worst->grade))
			worst = g;
	}
	if (!worst || (o && !model_responsible(m, o)))
		return NULL;
	return &worst->st;
}

int model_latest_year(const plan *p)
{
	int y = 0;
	for (size_t i = 0; i < p->nmeasures; i++)
		for (size_t j = 0; j < p->measures[i]->nstatuses; j++)
			if (p->measures[i]->statuses[j].year > y)
				y = p->measures[i]->statuses[j].year;
	return y;
}

size_t model_count(const area *a, int year, const owner *o, size_t counts[ST_COUNT])
{
	/* Areas nest at most a few levels, but the input decides how many:
	 * walk with an explicit stack of (area, next item). */
	enum { MAXDEPTH = 64 };
	const area *stack[MAXDEPTH];
	size_t next[MAXDEPTH];
	int top = 0;
	size_t n = 0;
	stack[0] = a;
	next[0] = 0;
	while (top >= 0) {
		const area *cur = stack[top];
		if (next[top] >= cur->nitems) {
			top--;
			continue;
		}
		const area_item *it = &cur->items[next[top]++];
		if (it->sub) {
			if (top + 1 < MAXDEPTH) {
				stack[++top] = it->sub;
				next[top] = 0;
			}
			continue;
		}
		const measure *m = it->measure;
		if (!model_in_view(m, o))
			continue;
		const status *s = model_status(m, year, o, 1, NULL);
		counts[s ? s->value : ST_NONE]++;
		n++;
	}
	return n;
}

const ind_point *model_value(const indicator *ind, const owner *o, int year)
{
	for (size_t i = 0; i < ind->nvalues; i++) {
		const ind_point *v = &ind->values[i];
		if (v->year == year && v->owner == o && !v->category_id)
			return v;
	}
	return NULL;
}

const ind_point *model_latest_value(const indicator *ind, const owner *o)
{
	const ind_point *best = NULL;
	for (size_t i = 0; i < ind->nvalues; i++) {
		const ind_point *v = &ind->values[i];
		if (v->owner == o && !v->category_id && (!best || v->year >= best->year))
			best = v;
	}
	return best;
}

const dimension *model_dimension(const plan *p, const char *id)
{
	for (size_t i = 0; id && i < p->ndimensions; i++)
		if (strcmp(p->dimensions[i]->id, id) == 0)
			return p->dimensions[i];
	return NULL;
}

size_t model_rollup_owners(const plan *p, const indicator *ind, const owner **out)
{
	size_t n = 0;
	if (ind->over) {
		for (size_t i = 0; i < ind->over->nmembers && n < p->nowners; i++)
			out[n++] = ind->over->members[i];
		return n;
	}
	const owner *top = model_plan_owner(p);
	for (size_t i = 0; top && i < p->nowners; i++)
		if (p->owners[i]->parent == top && p->owners[i]->type != OWNER_GROUP)
			out[n++] = p->owners[i];
	return n;
}

size_t model_rollup(const indicator *ind, int year, const owner *const *who, size_t n,
		    double *value)
{
	double sum = 0;
	size_t got = 0;
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < ind->nvalues; i++) {
			const ind_point *v = &ind->values[i];
			if (v->year == year && v->owner == who[k] && !v->computed && !v->category_id) {
				sum += v->value;
				got++;
				break;
			}
		}
	if (got)
		*value = ind->agg == AGG_MEAN ? sum / (double)got : sum;
	return got;
}

static const status_value progress_order[] = {ST_NOT_STARTED, ST_IN_PROGRESS, ST_ONGOING,
					       ST_COMPLETED,   ST_DELAYED,     ST_CANCELLED};
static const status_value achievement_order[] = {ST_ACHIEVED, ST_PARTLY_ACHIEVED, ST_NOT_ACHIEVED,
						  ST_NOT_APPLICABLE};
_Static_assert(sizeof progress_order / sizeof *progress_order +
			       sizeof achievement_order / sizeof *achievement_order ==
		       ST_COUNT - 1,
	       "every status value in one set's order");

const status_value *model_status_order(status_set set, size_t *n)
{
	if (set == SET_ACHIEVEMENT) {
		*n = sizeof achievement_order / sizeof *achievement_order;
		return achievement_order;
	}
	*n = sizeof progress_order / sizeof *progress_order;
	return progress_order;
}

int model_status_in(status_value v, status_set set)
{
	if (v == ST_NONE)
		return 1;
	return (v >= ST_ACHIEVED) == (set == SET_ACHIEVEMENT);
}

const char *model_status_set_values(status_set set)
{
	return set == SET_ACHIEVEMENT
		       ? "achieved, partly-achieved, not-achieved, not-applicable"
		       : "not-started, in-progress, ongoing, completed, delayed, cancelled";
}

static const char *const set_names[] = {"progress", "achievement"};

const char *model_status_set_name(status_set set)
{
	return set_names[set == SET_ACHIEVEMENT];
}

int model_status_set_parse(const char *v, status_set *s)
{
	for (int i = 0; i < 2; i++)
		if (v && strcmp(v, set_names[i]) == 0) {
			*s = (status_set)i;
			return 0;
		}
	return -1;
}

static const char *const status_names[ST_COUNT] = {
	"none",        "not-started",     "in-progress",  "ongoing",        "delayed",
	"completed",   "cancelled",       "achieved",     "partly-achieved", "not-achieved",
	"not-applicable"};

const char *model_status_name(status_value v)
{
	return v < ST_COUNT ? status_names[v] : "none";
}

status_value model_status_parse(const char *s)
{
	for (int v = ST_NOT_STARTED; v < ST_COUNT; v++)
		if (s && strcmp(s, status_names[v]) == 0)
			return (status_value)v;
	return ST_NONE;
}

static const char *const owner_type_names[] = {"rhf", "hf", "group", "other"};
_Static_assert(sizeof owner_type_names / sizeof owner_type_names[0] == OWNER_OTHER + 1,
	       "a name per owner type");

const char *model_owner_type_name(owner_type t)
{
	return t <= OWNER_OTHER ? owner_type_names[t] : "other";
}

int model_owner_type_parse(const char *s, owner_type *t)
{
	for (int i = 0; s && i <= OWNER_OTHER; i++)
		if (strcmp(s, owner_type_names[i]) == 0) {
			*t = (owner_type)i;
			return 0;
		}
	return -1;
}

int model_plain_id(const char *s)
{
	if (!s || !isalnum_ascii(*s))
		return 0;
	for (; *s; s++)
		if (!isalnum_ascii(*s) && *s != '.' && *s != '_' && *s != '-')
			return 0;
	return 1;
}

int model_date_valid(const char *v)
{
	int y, m, dd;
	char tail;
	if (!v || strlen(v) != 10 || v[4] != '-' || v[7] != '-' ||
	    sscanf(v, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) != 3)
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)v[i]))
			return 0;
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || dd < 1 || dd > mdays[m - 1])
		return 0;
	if (m == 2 && dd == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 0;
	return 1;
}

void model_owner_types(const plan *p, char *out, size_t n)
{
	size_t k = 0;
	if (n)
		out[0] = '\0';
	for (int t = OWNER_RHF; t <= OWNER_OTHER; t++) {
		int has = 0;
		for (size_t i = 0; i < p->nowners && !has; i++)
			has = (int)p->owners[i]->type == t;
		if (has && k < n) {
			int w = snprintf(out + k, n - k, "%s%s", k ? ", " : "", model_owner_type_name((owner_type)t));
			k += w > 0 ? (size_t)w : 0;
		}
	}
	if (n && !out[0])
		snprintf(out, n, "none");
}

/* ---- one-line titles ----------------------------------------------------- */

size_t model_chars(const char *s)
{
	size_t n = 0;
	for (; s && *s; s++)
		n += (*s & 0xC0) != 0x80;
	return n;
}

/* Whether the code point at s starts an upper-case letter: ASCII, the
 * Latin-1 capitals (Æ, Ø, Å, É ...), and Latin Extended-A's, which take
 * the even code points. */
static int upper_at(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] >= 'A' && u[0] <= 'Z')
		return 1;
	if (u[0] < 0xC0 || (u[1] & 0xC0) != 0x80)
		return 0;
	unsigned cp = ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
	if (u[0] >= 0xE0)
		return 0;
	return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x100 && cp <= 0x17F && !(cp & 1));
}

/* Whether the word that ends with the '.' at s[dot] is an abbreviation,
 * so that the '.' ends no sentence: a word with a '.' inside ("f.eks.",
 * "bl.a."), a single letter (an initial; a digit is a number that may end
 * one), or a word of the list. */
static int abbreviation(const char *s, size_t dot)
{
	static const char *const words[] = {
		"jf", "jfr", "st", "ca", "nr", "osv", "dvs", "pga", "mv", "inkl", "evt", "ev",
		"etc", "dr", "prof", "mill", "mrd", "kap", "pkt", "vs", "ref", "tlf", "avd",
		"eks", "mnd", "kl", "iht", "mht", "ifm", "vedr", "fig", "tab", "mr", "mrs", "ms"};
	size_t b = dot;
	while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '(')
		b--;
	size_t len = dot - b;
	if (memchr(s + b, '.', len) ||
	    (model_chars(s + b) - model_chars(s + dot) == 1 && !isdigit((unsigned char)s[b])))
		return 1;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strlen(words[i]) == len && strncasecmp(s + b, words[i], len) == 0)
			return 1;
	return 0;
}

size_t model_short_title(const char *text, size_t max, char *out, size_t n)
{
	if (!n || max < 2)
		return 0;
	/* white space collapsed, into out (never longer than text) */
	size_t len = 0;
	int space = 1;
	for (const char *c = text ? text : ""; *c && len + 1 < n; c++) {
		int white = *c == ' ' || *c == '\t' || *c == '\n' || *c == '\r';
		if (!white)
			out[len++] = *c;
		else if (!space)
			out[len++] = ' ';
		space = white;
	}
	while (len > 0 && out[len - 1] == ' ')
		len--;
	out[len] = '\0';
	/* the first sentence */
	for (size_t i = 0; i + 2 < len; i++)
		if ((out[i] == '.' || out[i] == '!' || out[i] == '?') && out[i + 1] == ' ' &&
		    upper_at(out + i + 2) && (out[i] != '.' || !abbreviation(out, i))) {
			len = i + 1;
			break;
		}
	if (len > 0 && out[len - 1] == '.' && !abbreviation(out, len - 1))
		len--;
	out[len] = '\0';
	if (model_chars(out) <= max)
		return len;
	/* too long: at a word, with room for "…" */
	size_t cut = 0;
	for (size_t chars = 0; chars < max - 1; cut++)
		chars += (out[cut + 1] & 0xC0) != 0x80;
	size_t at = cut;
	while (at > 0 && out[at] != ' ')
		at--;
	if (model_chars(out) - model_chars(out + at) >= max / 2)
		cut = at;
	/* no dangling punctuation or dash before the ellipsis */
	for (;;) {
		if (cut > 0 && strchr(" ,;:-(", out[cut - 1]))
			cut--;
		else if (cut >= 3 && (memcmp(out + cut - 3, "\xe2\x80\x93", 3) == 0 ||
				      memcmp(out + cut - 3, "\xe2\x80\x94", 3) == 0))
			cut -= 3;
		else
			break;
	}
	if (cut + 4 > n)
		return len;
	memcpy(out + cut, "\xe2\x80\xa6", 4);
	return cut + 3;
}
