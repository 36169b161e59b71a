/* model.h: the plan in plain C -- owners, indicators, focus areas,
 * measures and their statuses, merged from the plan file and any status
 * files -- and the views a report needs.
 *
 * Ownership: a plan and everything it points to live in plan->arena and are
 * freed by plan_free().  Rich text (vision, measure text, status comments) is
 * kept as DOC_FRAGMENT trees allocated in a doc that the plan owns
 * (plan->text), so the report builder copies it into a report with
 * doc_clone().  Every element keeps the position it was read from. */
#ifndef MODEL_H
#define MODEL_H

#include <stddef.h>

#include "base/arena.h"
#include "doc/doc.h"
#include "base/sr.h"

typedef enum owner_type { OWNER_RHF, OWNER_HF, OWNER_GROUP, OWNER_OTHER } owner_type;

typedef enum status_value {
	ST_NONE = 0, /* no status reported */
	ST_NOT_STARTED,
	ST_IN_PROGRESS,
	ST_ONGOING,
	ST_DELAYED,
	ST_COMPLETED,
	ST_CANCELLED,
	ST_ACHIEVED, /* the achievement set from here on */
	ST_PARTLY_ACHIEVED,
	ST_NOT_ACHIEVED,
	ST_NOT_APPLICABLE,
	ST_COUNT
} status_value;

/* The vocabulary a plan reports in (<plan status-set>): the progress of
 * an action plan, or whether the goals of an assignment were achieved.
 * A plan's statuses all come from its one set. */
typedef enum status_set { SET_PROGRESS, SET_ACHIEVEMENT } status_set;

typedef struct owner owner;
struct owner {
	const char *id;
	owner_type type;
	const char *name;
	const char *short_name;   /* short="St. Olav": for narrow column heads, or NULL */
	const char *members_text; /* as written: "stolav hnt hmr" */
	owner **members;          /* resolved by validation; NULL until then */
	size_t nmembers;
	const char *parent_id;    /* parent="hmn": the owner this one reports under */
	const owner *parent;      /* resolved by validation; NULL at the top */
	srcpos pos;
};

typedef struct ind_point {
	int year;
	double value;
	const char *value_text;   /* as written, for exact echo; NULL when computed */
	const char *owner_id;     /* NULL: the regional/overall value */
	const owner *owner;       /* resolved */
	const char *category_id;  /* a value for one category of the indicator's
				   * breakdown; NULL: the total */
	const struct category *category; /* resolved */
	int computed;             /* a plan-level value rolled up from the owners
				   * below, never a reported one */
	size_t nreported, nexpected; /* computed: how many of those owners reported */
	srcpos pos;
} ind_point;

/* How an indicator's plan-level value follows from the owners' values
 * when the plan's organisation reports none. */
typedef enum aggregate { AGG_NONE, AGG_SUM, AGG_MEAN } aggregate;

/* A way to break indicator values down (by specialty, say) and its
 * categories, in input order. */
typedef struct category {
	const char *id;
	const char *name;
	srcpos pos;
} category;

typedef struct dimension {
	const char *id;
	const char *name;
	category *cats;
	size_t ncats;
	srcpos pos;
} dimension;

typedef struct judgement judgement;

typedef struct indicator {
	const char *id;
	const char *level;        /* national | regional | local */
	const char *unit;
	int decrease;             /* direction="decrease" */
	double tolerance;         /* tolerance="": per cent of a target a value may
				   * miss it by and count as partly met; 0-100 */
	aggregate agg;            /* aggregate="sum|mean|none" */
	const char *aggregate_over; /* a group's id, or NULL */
	const owner *over;        /* resolved: that group */
	const char *breakdown;    /* a dimension's id, or NULL */
	const dimension *dim;     /* resolved */
	const char *name;
	doc_node *description;    /* FRAGMENT or NULL */
	int has_baseline;
	ind_point baseline;
	ind_point *targets;
	size_t ntargets;
	ind_point *values;        /* plan and status-file values, in input order */
	size_t nvalues, capvalues;
	const char *source;
	/* the judged values (model_judge): open addressing over (year,
	 * owner), a power-of-two size; NULL before judging */
	judgement **judged;
	size_t njudged_size;
	srcpos pos;
} indicator;

typedef struct status {
	int year;
	status_value value;
	const char *owner_id;     /* NULL: the measure's overall status */
	const owner *owner;       /* resolved */
	int progress;             /* 0-100, or -1 */
	const char *date;         /* YYYY-MM-DD or NULL */
	doc_node *comment;        /* FRAGMENT, maybe empty */
	const judgement *computed; /* not reported but computed from the numbers
				   * (model_judge): its basis; NULL for a
				   * reported status */
	srcpos pos;
} status;

/* A status computed from an indicator's value for a year against the
 * indicator's target for that same year (model_judge).  st is what the
 * views hand out (st.computed points back here); the rest is its basis. */
struct judgement {
	status st;                /* year, value, owner (NULL: the plan's own
				   * figure); no comment, progress -1 */
	const indicator *ind;
	const ind_point *value;   /* the value judged (maybe a rolled-up one) */
	const ind_point *target;  /* the target of the same year */
	int grade;                /* 0 met, 1 missed within the tolerance, 2
				   * missed beyond it */
};

typedef struct responsible {
	const char *ref;
	const owner *owner;       /* resolved */
	const char *note;
	srcpos pos;
} responsible;

typedef struct area area;

typedef struct measure {
	const char *id;
	doc_node *text;           /* FRAGMENT */
	const char *short_title;  /* <short>: the measure in one line, or NULL */
	responsible *resp;
	size_t nresp;
	const char *deadline;
	const char **ind_refs;
	srcpos *ind_ref_pos;
	const indicator **inds;   /* resolved */
	size_t ninds;
	status *statuses;
	size_t nstatuses, capstatuses;
	area *area;
	size_t index;             /* position in plan->measures */
	srcpos pos;
} measure;

typedef struct area_item {
	area *sub;                /* exactly one of sub, measure */
	measure *measure;
} area_item;

struct area {
	const char *id;
	const char *title;
	doc_node *vision;         /* FRAGMENT or NULL */
	area_item *items;         /* sub-areas and measures in input order */
	size_t nitems;
	area *parent;
	int depth;                /* 0 for a focus area */
	srcpos pos;
};

/* A status file's own header, kept for the report (summary) and for
 * validation (which plan it names). */
typedef struct report_in {
	const char *file;
	const char *plan_id;
	const char *owner_id;
	const owner *owner;
	int year;
	const char *date;
	doc_node *summary;        /* FRAGMENT or NULL */
	srcpos pos;
} report_in;

typedef struct plan {
	arena arena;
	doc *text;                /* owns the rich-text fragments */
	const char *file;
	const char *id;
	const char *lang;         /* nb | nn | en */
	status_set status_set;    /* the vocabulary of every status below */
	const char *title, *subtitle, *organisation;
	const char *organisation_ref; /* <organisation ref>: the owner that is the plan's own */
	srcpos organisation_pos;
	int year_from, year_to;
	const char *adopted;
	doc_node *intro;
	owner **owners;
	size_t nowners;
	indicator **indicators;
	size_t nindicators;
	dimension **dimensions;
	size_t ndimensions;
	area **areas;             /* focus areas (top level) */
	size_t nareas;
	measure **measures;       /* every measure, in plan order */
	size_t nmeasures;
	report_in *reports;       /* merged status files */
	size_t nreports, capreports;
	srcpos pos;
	/* id -> object hash indexes (open addressing, power-of-two sizes),
	 * built by model_index() once the plan is read */
	void **ix_owner, **ix_ind, **ix_measure;
	size_t ix_owner_n, ix_ind_n, ix_measure_n;
} plan;

/* An empty plan, or NULL when out of memory.  Caller owns: plan_free(). */
plan *plan_new(void);
void plan_free(plan *p);

/* Build the id indexes; lookups are linear until then.  Duplicate ids keep
 * the first.  Returns -1 when out of memory (lookups stay linear). */
int model_index(plan *p);

/* Lookups by id; NULL when absent. */
owner *model_owner(const plan *p, const char *id);
indicator *model_indicator(const plan *p, const char *id);
measure *model_measure(const plan *p, const char *id);

/* The owner that speaks for the plan as a whole: the one <organisation
 * ref> names, else the plan's single owner of type rhf (a regional plan),
 * else NULL (values from every owner are then that owner's own).  A value
 * or status file from this owner is the plan's own figure. */
const owner *model_plan_owner(const plan *p);

/* Whether o is the same owner as top or lies under it through parent
 * links (after validation has resolved them). */
int model_under(const owner *o, const owner *top);

/* Whether m is assigned to o itself: o is responsible, directly or as a
 * member of a responsible group.  What o owes an answer for. */
int model_assigned(const measure *m, const owner *o);

/* Whether o is responsible for m, directly, as a member of a responsible
 * group, or under an owner that is (tasks flow down the parent links;
 * after validation has resolved references). */
int model_responsible(const measure *m, const owner *o);

/* The status of m for year and owner o (NULL: overall), as every report
 * reads it.  For an owner: its own reported status, else the one its
 * numbers give (model_computed_status).  For overall: the measure's
 * reported overall status, else the status reported by its first
 * responsible owner (the lead), else the one the plan's own figure gives.
 * A reported status always wins over a computed one; a computed one has
 * s->computed set.  NULL when none.  *fallback (may be NULL) is set when
 * an owner has neither and the overall status is returned instead (only
 * when allow_fallback). */
const status *model_status(const measure *m, int year, const owner *o,
			   int allow_fallback, int *fallback);

/* ---- statuses computed from the numbers ---------------------------------
 *
 * The rule, decided here only.  A measure that names an indicator
 * (<indicator ref>) is judged for a year Y by that indicator's value for
 * Y against its target for exactly Y (a target covers its own year only:
 * a 2025 target judges 2025's values, and 2024's values are judged by a
 * 2024 target or not at all).  The value is a total, never a category's:
 * an owner's own, or, for the overall status, the plan's own figure (the
 * one the plan's organisation reported, else the one validation rolled up
 * from its owners); the plan's own organisation as an owner has that
 * figure too.
 *
 *   the target met in the indicator's direction (at least the target for
 *   direction="increase", at most it for "decrease"; equal meets it)
 *       -> grade 0: achieved (a progress plan: completed)
 *   missed, by at most tolerance per cent of the target
 *       -> grade 1: partly achieved (in progress)
 *   missed by more
 *       -> grade 2: not achieved (delayed)
 *   no value or no target for Y -> no computed status
 *
 * A measure with several judged indicators takes the one furthest from
 * its target (the highest grade; the first named on a tie): a requirement
 * is met when all its numbers are.  Only an owner responsible for the
 * measure (model_responsible) gets a computed status for it.
 *
 * Judgements are made per value, not per measure and owner, and shared by
 * every measure that names the indicator: the work and memory are linear
 * in the values, and a lookup costs the measure's number of indicators. */

/* The grade of value against target (0, 1 or 2, as above); tolerance in
 * per cent of the target. */
int model_grade(int decrease, double tolerance, double value, double target);

/* The status a grade means in a status set. */
status_value model_grade_status(status_set set, int grade);

/* Judge every total value of every indicator whose year has a target,
 * first dropping the judgements of an earlier run.  Runs after
 * validation has resolved the plan and rolled its figures up (it points
 * into ind->values, which must not move after).  -1 when out of memory
 * (the plan then has no judgements).  model_judge_clear() drops them: the
 * values may move when a status file is merged, until the next judging. */
int model_judge(plan *p);
void model_judge_clear(plan *p);

/* The status m's numbers give for year and owner o (NULL: overall),
 * whether or not one was reported; NULL when they give none or o is not
 * responsible for m.  Its computed field holds the basis. */
const status *model_computed_status(const measure *m, int year, const owner *o);

/* The latest year for which any status exists, or 0. */
int model_latest_year(const plan *p);

/* Whether the measure is visible in a report for owner o (NULL: all). */
static inline int model_in_view(const measure *m, const owner *o)
{
	return !o || model_responsible(m, o);
}

/* Add to counts[ST_COUNT] the status of each measure under area a (all
 * levels) for year and owner; measures without a status count as ST_NONE.
 * Returns the number of measures counted. */
size_t model_count(const area *a, int year, const owner *o, size_t counts[ST_COUNT]);

/* The dimension with this id, or NULL. */
const dimension *model_dimension(const plan *p, const char *id);

/* The latest value (a total, not a category's) of an indicator for owner
 * (NULL: regional), or NULL. */
const ind_point *model_latest_value(const indicator *ind, const owner *o);
/* The value (a total) of an indicator for owner o (NULL: regional) in
 * year, or NULL. */
const ind_point *model_value(const indicator *ind, const owner *o, int year);

/* The owners whose values roll up into ind's plan-level value: the
 * members of its aggregate-over group, else the owners directly under the
 * plan's organisation (no group is one).  Writes at most p->nowners into
 * out; returns how many. */
size_t model_rollup_owners(const plan *p, const indicator *ind, const owner **out);

/* ind's value for year rolled up (ind->agg) from the values of the n
 * owners in who.  Returns how many of them reported one (0: *value
 * untouched). */
size_t model_rollup(const indicator *ind, int year, const owner *const *who, size_t n,
		    double *value);

/* The order in which a set's statuses are listed to a reader (a table's
 * columns, a chart's series and legend, a form's choices).  Progress:
 * along the path, then the two that left it -- not started, in progress,
 * ongoing, completed, delayed, cancelled; achievement: achieved, partly
 * achieved, not achieved, not applicable.  Decided here only, so every
 * list agrees with the others and their colours run in one order.
 * Returns a static array; *n gets its length. */
const status_value *model_status_order(status_set set, size_t *n);

/* Whether v belongs to set (ST_NONE, no status, belongs to every set). */
int model_status_in(status_value v, status_set set);

/* The set's values as the input writes them, for a message: "achieved,
 * partly-achieved, not-achieved, not-applicable" (static). */
const char *model_status_set_values(status_set set);

/* Names: "progress" <-> SET_PROGRESS ...: 0, or -1 (and *s untouched)
 * for another word. */
const char *model_status_set_name(status_set set);
int model_status_set_parse(const char *v, status_set *s);

/* Names: "not-started" <-> ST_NOT_STARTED ... (the input's words). */
const char *model_status_name(status_value v);
status_value model_status_parse(const char *s);
const char *model_owner_type_name(owner_type t);
/* "hf" -> OWNER_HF ...: 0, or -1 (and *t untouched) for another word. */
int model_owner_type_parse(const char *s, owner_type *t);

/* The one rule for ids (plan, owner, area, measure, indicator): ASCII
 * letters, digits, '.', '_' and '-', starting with a letter or digit.
 * Such an id is also safe in a file name: it has no '/' and cannot be
 * "." or "..".  1 when s is one, else 0 (also for NULL and ""). */
int model_plain_id(const char *s);

/* Whether v is a real calendar date YYYY-MM-DD of the years 1900-2200:
 * the one rule for dates in files and on the command line. */
int model_date_valid(const char *v);

/* An owner's short name: at most this many characters. */
#define MODEL_OWNER_SHORT_MAX 16

/* A measure's title in one line (the status matrix's rows): at most this
 * many characters, "…" included. */
#define MODEL_SHORT_MAX 60

/* The one-line title of a measure whose plan gives no <short>: the first
 * sentence of text (its plain text; a sentence ends at '.', '!' or '?'
 * before a space and an upper-case letter, never after an abbreviation
 * like "f.eks." or "St." or an initial), without a final '.', cut at a
 * word with "…" when longer than max characters (MODEL_SHORT_MAX for a
 * measure; the ellipsis counts).  White space runs become one space.
 * Writes at most n bytes, NUL included, into out (n >= 4 * max + 1 always
 * holds the whole title); returns its length in bytes. */
size_t model_short_title(const char *text, size_t max, char *out, size_t n);

/* The length of s in characters (UTF-8 code points). */
size_t model_chars(const char *s);

/* The owner types the plan has, as "rhf, hf, group" (the enum's order),
 * into out (n bytes); "none" for a plan without owners. */
void model_owner_types(const plan *p, char *out, size_t n);

#endif
