/* validate.c: meaning checks and reference resolution (see validate.h).
 * Writes only the model's resolved-pointer fields. */
#include "validate.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"

typedef struct vctx {
	plan *p;
	diag *d;
	int errors;
	const char *unknown[16]; /* unknown owner ids already reported */
	int nunknown;
} vctx;

static void verr(vctx *v, srcpos at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void verr(vctx *v, srcpos at, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_at(v->d, DIAG_ERROR, at, "%s", msg);
	v->errors++;
}

/* "hmn, stolav, hnt" -- the list a user picks the right id from.  At most
 * 12 are listed, so a big plan does not flood the message. */
static const char *known_owners(vctx *v, char *out, size_t n)
{
	size_t k = 0;
	out[0] = '\0';
	for (size_t i = 0; i < v->p->nowners && i < 12; i++)
		k += (size_t)snprintf(out + k, k < n ? n - k : 0, "%s%s", i ? ", " : "",
				      v->p->owners[i]->id);
	if (v->p->nowners > 12 && k < n)
		snprintf(out + k, n - k, ", ...");
	return out;
}

/* An id and where it stands in the input, for sorting. */
typedef struct {
	const char *id;
	size_t i;
} id_at;

static int cmp_id(const void *a, const void *b)
{
	const id_at *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	/* equal ids: keep input order so the second one is reported */
	return c ? c : (x->i < y->i ? -1 : x->i > y->i);
}

/* Report ids that occur twice.  items: n pairs of (id, srcpos *). */
static void dup_ids(vctx *v, const char *what, const char **ids, const srcpos **where, size_t n)
{
	if (n < 2)
		return;
	/* Sort (id, index) pairs: O(n log n) for plans of any size. */
	id_at *pairs = xmalloc(n * sizeof *pairs);
	if (!pairs) {
		v->errors++;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		pairs[i].id = ids[i];
		pairs[i].i = i;
	}
	qsort(pairs, n, sizeof *pairs, cmp_id);
	for (size_t i = 1; i < n; i++) {
		if (strcmp(pairs[i].id, pairs[i - 1].id) == 0) {
			size_t first = pairs[i - 1].i, again = pairs[i].i;
			if (first > again) {
				size_t t = first;
				first = again;
				again = t;
			}
			verr(v, *where[again], "the %s id \"%s\" is used twice (first on line %d); ids must be unique",
			     what, ids[again], where[first]->line);
		}
	}
	xfree(pairs);
}

static void check_ids(vctx *v)
{
	plan *p = v->p;
	size_t n = p->nowners > p->nindicators ? p->nowners : p->nindicators;
	if (p->nmeasures > n)
		n = p->nmeasures;
	const char **ids = xmalloc((n + 1) * sizeof *ids);
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	const srcpos **where = xmalloc((n + 1) * sizeof *where);
	if (!ids || !where) {
		v->errors++; /* ids left unchecked may repeat: fail, like dup_ids */
		goto done;
	}
	for (size_t i = 0; i < p->nowners; i++) {
		ids[i] = p->owners[i]->id;
		where[i] = &p->owners[i]->pos;
	}
	dup_ids(v, "owner", ids, where, p->nowners);
	for (size_t i = 0; i < p->nindicators; i++) {
		ids[i] = p->indicators[i]->id;
		where[i] = &p->indicators[i]->pos;
	}
	dup_ids(v, "indicator", ids, where, p->nindicators);
	for (size_t i = 0; i < p->nmeasures; i++) {
		ids[i] = p->measures[i]->id;
		where[i] = &p->measures[i]->pos;
	}
	dup_ids(v, "measure", ids, where, p->nmeasures);
done:
	xfree(ids);
	xfree(where);
}

static void check_area_ids(vctx *v)
{
	/* Areas are few; collect them all with an explicit stack. */
	plan *p = v->p;
	size_t cap = 64, n = 0;
	const char **ids = xmalloc(cap * sizeof *ids);
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	const srcpos **where = xmalloc(cap * sizeof *where);
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	area **stack = xmalloc(cap * sizeof *stack);
	size_t top = 0;
	if (!ids || !where || !stack) {
		v->errors++;
		goto done;
	}
	for (size_t i = p->nareas; i-- > 0;)
		if (top < cap)
			stack[top++] = p->areas[i];
	while (top) {
		area *a = stack[--top];
		if (n == cap || top + a->nitems >= cap) {
			size_t nc = cap * 2 + a->nitems;
			const char **ni = xrealloc(ids, nc * sizeof *ids);
			if (ni)
				ids = ni;
			/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
			const srcpos **nw = xrealloc(where, nc * sizeof *where);
			if (nw)
				where = nw;
			/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
			area **ns = xrealloc(stack, nc * sizeof *stack);
			if (ns)
				stack = ns;
			if (!ni || !nw || !ns) {
				v->errors++;
				goto done;
			}
			cap = nc;
		}
		if (a->id) {
			ids[n] = a->id;
			where[n++] = &a->pos;
		}
		for (size_t i = a->nitems; i-- > 0;)
			if (a->items[i].sub)
				stack[top++] = a->items[i].sub;
	}
	dup_ids(v, "area", ids, where, n);
done:
	xfree(ids);
	xfree(where);
	xfree(stack);
}

static void resolve_owners(vctx *v)
{
	plan *p = v->p;
	char known[512];
	for (size_t i = 0; i < p->nowners; i++) {
		owner *o = p->owners[i];
		if (o->type != OWNER_GROUP || !o->members_text)
			continue;
		size_t k = 0;
		for (const char *s = o->members_text; *s;) {
			while (*s == ' ' || *s == '\t' || *s == '\n')
				s++;
			if (!*s)
				break;
			k++;
			while (*s && *s != ' ' && *s != '\t' && *s != '\n')
				s++;
		}
		/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
		o->members = arena_array(&p->arena, k + 1, sizeof *o->members);
		o->nmembers = 0; /* a plan is validated again after an import's merge */
		if (!o->members)
			return;
		if (k == 0)
			verr(v, o->pos, "the group \"%s\" has no members", o->id);
		for (const char *s = o->members_text; *s;) {
			while (*s == ' ' || *s == '\t' || *s == '\n')
				s++;
			if (!*s)
				break;
			const char *e = s;
			while (*e && *e != ' ' && *e != '\t' && *e != '\n')
				e++;
			char *id = arena_strndup(&p->arena, s, (size_t)(e - s));
			owner *m = id ? model_owner(p, id) : NULL;
			if (!m)
				verr(v, o->pos, "the group \"%s\" names the member \"%s\", which is not defined "
						"(known owners: %s)", o->id, id ? id : "?", known_owners(v, known, sizeof known));
			else if (m->type == OWNER_GROUP)
				verr(v, o->pos, "the group \"%s\" has the group \"%s\" as a member; groups "
						"cannot contain groups", o->id, m->id);
			else if (m == o)
				verr(v, o->pos, "the group \"%s\" lists itself as a member", o->id);
			else
				o->members[o->nmembers++] = m;
			s = e;
		}
	}
}

static const owner *resolve_owner(vctx *v, srcpos at, const char *id, const char *what)
{
	char known[512];
	owner *o = model_owner(v->p, id);
	if (o)
		return o;
	/* One message per unknown id: a status file from an unknown owner
	 * would otherwise repeat it for every status. */
	for (int i = 0; i < v->nunknown; i++)
		if (strcmp(v->unknown[i], id) == 0) {
			v->errors++;
			return NULL;
		}
	if (v->nunknown < 16)
		v->unknown[v->nunknown++] = id;
	verr(v, at, "%s \"%s\" is not defined (known owners: %s)", what, id,
	     known_owners(v, known, sizeof known));
	return NULL;
}

/* The hierarchy: the plan's own organisation and each owner's parent.
 * A parent is a single owner (a group only gathers owners, it does not
 * lead them), and following parents never comes back to where it began,
 * so every walk up the hierarchy ends at the top. */
static void resolve_hierarchy(vctx *v)
{
	plan *p = v->p;
	if (p->organisation_ref)
		resolve_owner(v, p->organisation_pos, p->organisation_ref, "the organisation's owner");
	for (size_t i = 0; i < p->nowners; i++) {
		owner *o = p->owners[i];
		if (!o->parent_id)
			continue;
		const owner *up = resolve_owner(v, o->pos, o->parent_id, "the parent owner");
		if (up && up->type == OWNER_GROUP)
			verr(v, o->pos, "the owner \"%s\" has the group \"%s\" as its parent; a parent "
					"must be one owner, not a group", o->id, up->id);
		else
			o->parent = up;
	}
	for (size_t i = 0; i < p->nowners; i++) {
		owner *o = p->owners[i];
		const owner *up = o->parent;
		for (size_t k = 0; up && up != o && k < p->nowners; k++)
			up = up->parent;
		if (up != o)
			continue;
		char path[256];
		size_t n = (size_t)snprintf(path, sizeof path, "%s", o->id);
		up = o;
		do {
			up = up->parent;
			if (n < sizeof path)
				n += (size_t)snprintf(path + n, sizeof path - n, " -> %s", up->id);
		} while (up != o);
		verr(v, o->pos, "the owner \"%s\" lies under itself (%s); parents must not form a "
				"cycle", o->id, path);
		o->parent = NULL; /* broken here, so the cycle is reported once */
	}
}

static int in_period(const plan *p, int year)
{
	return !p->year_from || !p->year_to || (year >= p->year_from && year <= p->year_to);
}

static void check_indicators(vctx *v)
{
	plan *p = v->p;
	for (size_t i = 0; i < p->nindicators; i++) {
		indicator *ind = p->indicators[i];
		for (size_t j = 0; j < ind->nvalues; j++) {
			ind_point *pt = &ind->values[j];
			if (pt->owner_id)
				pt->owner = resolve_owner(v, pt->pos, pt->owner_id, "the value's owner");
			for (size_t k = 0; k < j; k++) {
				const ind_point *o = &ind->values[k];
				int same_owner = (!o->owner_id && !pt->owner_id) ||
						 (o->owner_id && pt->owner_id && strcmp(o->owner_id, pt->owner_id) == 0);
				int same_category = (!o->category_id && !pt->category_id) ||
						    (o->category_id && pt->category_id &&
						     strcmp(o->category_id, pt->category_id) == 0);
				if (o->year == pt->year && same_owner && same_category) {
					verr(v, pt->pos, "indicator \"%s\" has two values for %d%s%s (the other at %s:%d)",
					     ind->id, pt->year, pt->owner_id ? " from " : "",
					     pt->owner_id ? pt->owner_id : "", o->pos.file, o->pos.line);
					break;
				}
			}
		}
	}
}

/* "a, b, c": a dimension's category ids, for the message naming the
 * right one.  At most 12. */
static const char *known_categories(const dimension *dm, char *out, size_t n)
{
	size_t k = 0;
	out[0] = '\0';
	for (size_t i = 0; i < dm->ncats && i < 12; i++)
		k += (size_t)snprintf(out + k, k < n ? n - k : 0, "%s%s", i ? ", " : "", dm->cats[i].id);
	if (dm->ncats > 12 && k < n)
		snprintf(out + k, n - k, ", ...");
	return out;
}

/* Dimensions and their categories have unique ids; an indicator's
 * breakdown names a dimension; a value's category is one of its
 * indicator's breakdown. */
static void check_breakdowns(vctx *v)
{
	plan *p = v->p;
	char known[512];
	for (size_t i = 0; i < p->ndimensions; i++) {
		const dimension *dm = p->dimensions[i];
		for (size_t k = 0; k < i; k++)
			if (strcmp(p->dimensions[k]->id, dm->id) == 0) {
				verr(v, dm->pos, "the dimension id \"%s\" is used twice (first on line %d); ids "
						 "must be unique", dm->id, p->dimensions[k]->pos.line);
				break;
			}
		for (size_t j = 0; j < dm->ncats; j++)
			for (size_t k = 0; k < j; k++)
				if (strcmp(dm->cats[k].id, dm->cats[j].id) == 0) {
					verr(v, dm->cats[j].pos, "the category id \"%s\" is used twice in the "
								 "dimension \"%s\" (first on line %d)",
					     dm->cats[j].id, dm->id, dm->cats[k].pos.line);
					break;
				}
	}
	for (size_t i = 0; i < p->nindicators; i++) {
		indicator *ind = p->indicators[i];
		if (ind->breakdown) {
			ind->dim = model_dimension(p, ind->breakdown);
			if (!ind->dim)
				verr(v, ind->pos, "breakdown=\"%s\" names no <dimension> among the plan's goals",
				     ind->breakdown);
		}
		for (size_t j = 0; j < ind->nvalues; j++) {
			ind_point *pt = &ind->values[j];
			if (!pt->category_id)
				continue;
			if (!ind->breakdown) {
				verr(v, pt->pos, "the value has category=\"%s\", but indicator \"%s\" has no "
						 "breakdown=\"dimension-id\"", pt->category_id, ind->id);
				continue;
			}
			for (size_t k = 0; ind->dim && k < ind->dim->ncats && !pt->category; k++)
				if (strcmp(ind->dim->cats[k].id, pt->category_id) == 0)
					pt->category = &ind->dim->cats[k];
			if (ind->dim && !pt->category)
				verr(v, pt->pos, "the category \"%s\" is not in the dimension \"%s\" (its "
						 "categories: %s)", pt->category_id, ind->dim->id,
				     known_categories(ind->dim, known, sizeof known));
		}
	}
}

/* Decimals as written ("3.25": 2), for what "differs by more than
 * rounding" means for that value. */
static int decimals(const char *s)
{
	const char *d = s ? strpbrk(s, ".,") : NULL;
	int n = 0;
	for (d = d ? d + 1 : NULL; d && *d >= '0' && *d <= '9'; d++)
		n++;
	return n;
}

static void check_aggregate_over(vctx *v)
{
	plan *p = v->p;
	for (size_t i = 0; i < p->nindicators; i++) {
		indicator *ind = p->indicators[i];
		if (!ind->aggregate_over)
			continue;
		const owner *g = resolve_owner(v, ind->pos, ind->aggregate_over, "the aggregate-over group");
		if (g && g->type != OWNER_GROUP)
			verr(v, ind->pos, "aggregate-over=\"%s\" names an owner that is not a group; name a "
					  "group whose members' values add up", g->id);
		else if (g && ind->agg == AGG_NONE)
			verr(v, ind->pos, "indicator \"%s\" has aggregate-over but no aggregate=\"sum\" or "
					  "\"mean\"", ind->id);
		else
			ind->over = g;
	}
}

/* Roll each aggregate indicator's owner values up into a computed
 * plan-level value for the years the plan's organisation reported none,
 * and warn where it reported one that the owners' values contradict.
 * Runs once everything else is resolved and valid: the computed values
 * are appended after the reported ones, marked as computed. */
static void rollup(vctx *v)
{
	plan *p = v->p;
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	const owner **who = xmalloc((p->nowners + 1) * sizeof *who);
	if (!who) {
		v->errors++;
		return;
	}
	for (size_t i = 0; i < p->nindicators; i++) {
		indicator *ind = p->indicators[i];
		if (ind->agg == AGG_NONE)
			continue;
		/* the totals of an earlier validation go: a status merged since may
		 * change them, and they must not count as values someone wrote */
		size_t kept = 0;
		for (size_t j = 0; j < ind->nvalues; j++)
			if (!ind->values[j].computed)
				ind->values[kept++] = ind->values[j];
		ind->nvalues = kept;
		size_t n = model_rollup_owners(p, ind, who);
		size_t nreported_values = ind->nvalues;
		for (size_t j = 0; j < nreported_values; j++) {
			const ind_point *pt = &ind->values[j];
			/* once per year with a total from one of the owners below */
			int year = pt->year, seen = 0, contributes = 0;
			for (size_t k = 0; k < n && !pt->category_id && !contributes; k++)
				contributes = pt->owner == who[k];
			for (size_t k = 0; k < j && contributes && !seen; k++)
				for (size_t m = 0; m < n && !seen; m++)
					seen = ind->values[k].year == year && ind->values[k].owner == who[m] &&
					       !ind->values[k].category_id;
			if (!contributes || seen)
				continue;
			double sum = 0;
			size_t got = model_rollup(ind, year, who, n, &sum);
			const ind_point *own = NULL;
			for (size_t k = 0; k < nreported_values && !own; k++)
				if (ind->values[k].year == year && !ind->values[k].owner_id &&
				    !ind->values[k].category_id)
					own = &ind->values[k];
			if (own) {
				double tol = 0.5;
				for (int d = decimals(own->value_text); d > 0; d--)
					tol /= 10;
				if (fabs(own->value - sum) > tol + 1e-9)
					diag_at(v->d, DIAG_WARNING, own->pos,
						"indicator \"%s\" has the value %s for %d, but the %s of its "
						"owners' values is %g (%zu of %zu reported)", ind->id,
						own->value_text ? own->value_text : "?", year,
						ind->agg == AGG_MEAN ? "mean" : "sum", sum, got, n);
				continue;
			}
			ind_point *pv = arena_grow(&p->arena, ind->values, ind->nvalues, &ind->capvalues,
						   sizeof *pv);
			if (!pv)
				break;
			ind->values = pv;
			pt = NULL; /* the array may have moved */
			ind_point *c = &pv[ind->nvalues++];
			memset(c, 0, sizeof *c);
			c->year = year;
			c->value = sum;
			c->computed = 1;
			c->nreported = got;
			c->nexpected = n;
			c->pos = ind->pos;
		}
	}
	xfree(who);
}

/* Whether a reported status contradicts its numbers' grade (model.h): it
 * says the target was met where they say it was missed, or the other way
 * round.  How far a miss went (partly or not achieved, in progress or
 * delayed) is the owner's judgement as much as the tolerance's, and a
 * target of 0 leaves the numbers no "partly" at all; not applicable,
 * ongoing, not started and cancelled say nothing about the target; and
 * work still in progress when the figure is already there is no
 * contradiction either. */
static int contradicts(status_value reported, int grade)
{
	switch (reported) {
	case ST_ACHIEVED:
	case ST_COMPLETED:
		return grade > 0;
	case ST_PARTLY_ACHIEVED:
	case ST_NOT_ACHIEVED:
	case ST_DELAYED:
		return grade == 0;
	default:
		return 0;
	}
}

/* Judge the values against their targets (model.h), then warn where a
 * reported status contradicts what its numbers say, naming both places. */
static void judge(vctx *v)
{
	plan *p = v->p;
	if (model_judge(p) < 0) {
		v->errors++;
		return;
	}
	for (size_t i = 0; i < p->nmeasures; i++) {
		const measure *m = p->measures[i];
		if (!m->ninds)
			continue;
		for (size_t j = 0; j < m->nstatuses; j++) {
			const status *s = &m->statuses[j];
			const status *c = model_computed_status(m, s->year, s->owner);
			if (!c || !contradicts(s->value, c->computed->grade))
				continue;
			const judgement *g = c->computed;
			const ind_point *pt = g->value;
			char val[64], where[600];
			if (pt->value_text)
				snprintf(val, sizeof val, "%s", pt->value_text);
			else
				snprintf(val, sizeof val, "%g", pt->value);
			if (pt->computed)
				snprintf(where, sizeof where, "the value is the %s of its owners' values, "
					 "rolled up for the indicator at %s:%d:%d",
					 g->ind->agg == AGG_MEAN ? "mean" : "sum", pt->pos.file,
					 pt->pos.line, pt->pos.col);
			else
				snprintf(where, sizeof where, "the value is at %s:%d:%d", pt->pos.file,
					 pt->pos.line, pt->pos.col);
			diag_at(v->d, DIAG_WARNING, s->pos,
				"measure %s is reported %s for %d%s%s, but its numbers say %s: "
				"indicator \"%s\" has %s against the target of %s %s (%s)",
				m->id, model_status_name(s->value), s->year, s->owner_id ? " by " : "",
				s->owner_id ? s->owner_id : "", model_status_name(c->value), g->ind->id, val,
				g->ind->decrease ? "at most" : "at least",
				g->target->value_text ? g->target->value_text : "?", where);
		}
	}
}

static void check_measures(vctx *v)
{
	plan *p = v->p;
	for (size_t i = 0; i < p->nmeasures; i++) {
		measure *m = p->measures[i];
		for (size_t j = 0; j < m->nresp; j++) {
			responsible *r = &m->resp[j];
			if (r->ref)
				r->owner = resolve_owner(v, r->pos, r->ref, "the responsible owner");
			for (size_t k = 0; k < j; k++)
				if (r->ref && m->resp[k].ref && strcmp(r->ref, m->resp[k].ref) == 0)
					verr(v, r->pos, "measure %s names the owner \"%s\" as responsible twice",
					     m->id, r->ref);
		}
		for (size_t j = 0; j < m->ninds; j++) {
			if (!m->ind_refs[j])
				continue;
			m->inds[j] = model_indicator(p, m->ind_refs[j]);
			if (!m->inds[j])
				verr(v, m->ind_ref_pos[j], "indicator \"%s\" is not among the plan's goals",
				     m->ind_refs[j]);
		}
	}
	/* Statuses after every responsible is resolved, so group membership
	 * answers "is this owner responsible". */
	for (size_t i = 0; i < p->nmeasures; i++) {
		measure *m = p->measures[i];
		for (size_t j = 0; j < m->nstatuses; j++) {
			status *s = &m->statuses[j];
			if (s->owner_id) {
				s->owner = resolve_owner(v, s->pos, s->owner_id, "the status owner");
				if (s->owner && !model_responsible(m, s->owner))
					verr(v, s->pos, "\"%s\" reports a status for measure %s, but is not "
							"responsible for it (directly or through a group)",
					     s->owner_id, m->id);
			}
			/* A status file's year is checked once, at its root. */
			if (s->year && s->pos.file == p->file && !in_period(p, s->year))
				verr(v, s->pos, "the year %d is outside the plan's period %d-%d", s->year,
				     p->year_from, p->year_to);
			for (size_t k = 0; k < j; k++) {
				const status *o = &m->statuses[k];
				int same_owner = (!o->owner_id && !s->owner_id) ||
						 (o->owner_id && s->owner_id && strcmp(o->owner_id, s->owner_id) == 0);
				if (o->year == s->year && same_owner) {
					verr(v, s->pos, "measure %s already has a %d status%s%s (at %s:%d); "
							"give one status per measure, owner and year",
					     m->id, s->year, s->owner_id ? " from " : "",
					     s->owner_id ? s->owner_id : "", o->pos.file, o->pos.line);
					break;
				}
			}
		}
	}
}

static void check_reports(vctx *v)
{
	plan *p = v->p;
	for (size_t i = 0; i < p->nreports; i++) {
		report_in *r = &p->reports[i];
		if (r->owner_id)
			r->owner = resolve_owner(v, r->pos, r->owner_id, "the reporting owner");
		if (r->year && !in_period(p, r->year))
			verr(v, r->pos, "the year %d is outside the plan's period %d-%d", r->year,
			     p->year_from, p->year_to);
		for (size_t k = 0; k < i; k++)
			if (r->owner_id && p->reports[k].owner_id && r->year == p->reports[k].year &&
			    strcmp(r->owner_id, p->reports[k].owner_id) == 0)
				diag_at(v->d, DIAG_WARNING, r->pos,
					"a second status file from \"%s\" for %d (the first is %s); "
					"their statuses are merged", r->owner_id, r->year, p->reports[k].file);
	}
}

static void check_limits(vctx *v)
{
	plan *p = v->p;
	if (p->nmeasures > VALIDATE_MAX_MEASURES)
		verr(v, p->pos, "the plan has %zu measures; at most %d are supported", p->nmeasures,
		     VALIDATE_MAX_MEASURES);
	if (p->nowners > VALIDATE_MAX_OWNERS)
		verr(v, p->pos, "the plan has %zu owners; at most %d are supported", p->nowners,
		     VALIDATE_MAX_OWNERS);
	if (p->nindicators > VALIDATE_MAX_INDICATORS)
		verr(v, p->pos, "the plan has %zu goals; at most %d are supported", p->nindicators,
		     VALIDATE_MAX_INDICATORS);
	for (size_t i = 0; i < p->nmeasures; i++) {
		const area *a = p->measures[i]->area;
		if (a && a->depth >= VALIDATE_MAX_AREA_DEPTH) {
			while (a->depth > VALIDATE_MAX_AREA_DEPTH - 1)
				a = a->parent;
			verr(v, a->pos, "areas are nested more than %d levels deep here; flatten them",
			     VALIDATE_MAX_AREA_DEPTH);
			break;
		}
	}
}

sr_status validate_plan(plan *p, diag *d)
{
	vctx v = {p, d, 0, {0}, 0};
	/* judged again below: a merge since may have moved the values */
	model_judge_clear(p);
	check_limits(&v);
	check_ids(&v);
	check_area_ids(&v);
	resolve_owners(&v);
	resolve_hierarchy(&v);
	check_reports(&v);
	check_indicators(&v);
	check_aggregate_over(&v);
	check_breakdowns(&v);
	check_measures(&v);
	if (!v.errors) {
		rollup(&v);
		judge(&v);
	}
	/* a warning lost for lack of memory is as lost as an error */
	if (arena_failed(&p->arena) || d->oom)
		return SR_SYSTEM;
	return v.errors ? SR_INVALID : SR_OK;
}
