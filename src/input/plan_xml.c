/* plan_xml.c: plan and status files -> model (see plan_xml.h).
 *
 * The walk is tolerant: it runs even when the schema has rejected the file,
 * so that a wrong year or status word is reported in precise words at its
 * element, and the schema's vaguer message for that element is dropped.
 * Owns nothing beyond the call: the libxml2 tree is freed before returning;
 * everything kept is copied into the plan's arena. */
#include "plan_xml.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/xalloc.h"

extern const unsigned char embedded_statusrapport_rng[];
extern const size_t embedded_statusrapport_rng_len;

sr_status plan_schema_load(xmlin_schema **out, diag *d)
{
	return xmlin_schema_load(out, "statusrapport.rng", embedded_statusrapport_rng,
				 embedded_statusrapport_rng_len, d);
}

typedef struct rd {
	plan *p;
	arena *a;
	doc *t;            /* plan->text: where rich text goes */
	const char *file;  /* arena copy */
	xmlin_walk *w;
} rd;

static srcpos pos(rd *r, const xmlNode *n) { return xmlin_pos(r->file, n); }

#define err(r, ...) xmlin_err((r)->w, __VA_ARGS__)

static const char *dup(rd *r, const char *s) { return arena_strdup(r->a, s); }

static const char *ename(const xmlNode *n) { return (const char *)n->name; }

/* ---- values -------------------------------------------------------------- */

static const char *req(rd *r, const xmlNode *n, const char *name)
{
	const char *v = xmlin_attr(n, name);
	if (!v)
		err(r, n, "<%s> needs the attribute %s=\"...\"", ename(n), name);
	return v;
}

static int parse_year(rd *r, const xmlNode *n, const char *attr, const char *v)
{
	if (!v)
		return 0;
	if (strlen(v) == 4 && isdigit((unsigned char)v[0]) && isdigit((unsigned char)v[1]) &&
	    isdigit((unsigned char)v[2]) && isdigit((unsigned char)v[3])) {
		int y = atoi(v);
		if (y >= 1900 && y <= 2200)
			return y;
	}
	err(r, n, "%s=\"%s\" is not a year; write four digits, like 2024", attr, v);
	return 0;
}

static int valid_date(const char *v) { return model_date_valid(v); }

static const char *parse_date(rd *r, const xmlNode *n, const char *attr, const char *v)
{
	if (!v)
		return NULL;
	if (!valid_date(v)) {
		err(r, n, "%s=\"%s\" is not a date; write YYYY-MM-DD, like 2024-06-30", attr, v);
		return NULL;
	}
	return dup(r, v);
}

static int parse_progress(rd *r, const xmlNode *n, const char *v)
{
	if (!v)
		return -1;
	char *end;
	errno = 0;
	long x = strtol(v, &end, 10);
	if (end == v || *end || errno || x < 0 || x > 100) {
		err(r, n, "progress=\"%s\" must be a whole number from 0 to 100 (per cent done)", v);
		return -1;
	}
	return (int)x;
}

/* tolerance="": per cent of the target, 0 to 100, decimals allowed. */
static double parse_tolerance(rd *r, const xmlNode *n, const char *v)
{
	if (!v)
		return 0;
	char *end;
	errno = 0;
	double x = strtod(v, &end);
	/* the schema's decimal: digits and a dot, no exponent, no "inf" */
	if (end == v || *end || errno || !isfinite(x) || x < 0 || x > 100 ||
	    v[strspn(v, "0123456789.+-")]) {
		err(r, n, "tolerance=\"%s\" must be a number from 0 to 100 (per cent of the target a "
			  "value may miss it by and count as partly met)%s", v,
		    strchr(v, ',') ? "; write decimals with a dot, like 2.5" : "");
		return 0;
	}
	return x;
}

static int parse_number(rd *r, const xmlNode *n, const char *v, double *out)
{
	if (!v)
		return 0;
	char *end;
	errno = 0;
	double x = strtod(v, &end);
	if (end == v || *end || errno || !isfinite(x) || strchr(v, 'x') || strchr(v, 'X') ||
	    isspace((unsigned char)v[0])) {
		if (strchr(v, ','))
			err(r, n, "value=\"%s\" is not a number; write decimals with a dot, like 3.5", v);
		else
			err(r, n, "value=\"%s\" is not a number", v);
		return 0;
	}
	*out = x;
	return 1;
}

/* Ids name things and become parts of file names (model_plain_id), at
 * most MAX_ID characters of them. */
#define MAX_ID 100

static const char *check_id(rd *r, const xmlNode *n, const char *attr, const char *v)
{
	if (!v)
		return NULL;
	if (!model_plain_id(v))
		err(r, n, "%s=\"%s\" is not a plain id; use letters (a-z), digits, '.', '_' and '-', "
			  "starting with a letter or digit", attr, v);
	/* a plan's and an owner's id together name a file, which a file
	 * system holds to 255 bytes */
	else if (strlen(v) > MAX_ID)
		err(r, n, "%s=\"%.20s...\" is %zu characters long; an id may be at most %d", attr, v,
		    strlen(v), MAX_ID);
	return v;
}

/* Texts that name something may not be empty, and are headings,
 * bookmarks and table cells, so a name is at most MAX_NAME characters
 * (a PDF string holds 65,535 bytes; an overlong word costs the line
 * breaker time). */
#define MAX_NAME 1000

static const char *nonempty(rd *r, const xmlNode *n, const char *v, const char *what,
			    const char *name)
{
	if (v && !*v)
		err(r, n, "%s is empty; write it out", what);
	size_t chars = 0;
	for (const char *c = v; c && *c; c++)
		chars += (*c & 0xC0) != 0x80;
	if (chars > MAX_NAME) {
		err(r, n, "%s is %zu characters long; a title or name may be at most %d characters "
			  "(put the rest in the text below it)", name, chars, MAX_NAME);
	}
	return v;
}

/* A link becomes a live action in every format, and the reports travel
 * to boards and the public: only web and e-mail addresses are allowed,
 * and each must fit a PDF string (libharu's limit is 65,535 bytes). */
#define MAX_HREF 2000

static const char *check_href(rd *r, const xmlNode *n, const char *v)
{
	static const char *const ok[] = {"https://", "http://", "mailto:"};
	if (!v)
		return NULL;
	if (!*v) {
		err(r, n, "the link <a href=\"\"> has no address; write the full address, "
			  "like href=\"https://www.example.no/\"");
		return NULL;
	}
	size_t len = strlen(v);
	if (len > MAX_HREF) {
		err(r, n, "the link address is %zu characters long; the limit is %d", len, MAX_HREF);
		return NULL;
	}
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		size_t k = strlen(ok[i]);
		if (strncasecmp(v, ok[i], k) == 0 && v[k])
			return v;
		if (strncasecmp(v, ok[i], k) == 0) {
			err(r, n, "the link address \"%s\" stops there; write the whole address, like "
				  "https://www.example.no/ or mailto:post@example.no", v);
			return NULL;
		}
	}
	int cut = len > 60 ? 60 : (int)len; /* not inside a UTF-8 sequence */
	while (cut > 0 && (v[cut] & 0xC0) == 0x80)
		cut--;
	err(r, n, "href=\"%.*s%s\" is not a web or e-mail address; write one that starts with "
		  "https://, http:// or mailto:", cut, v, v[cut] ? "..." : "");
	return NULL;
}

static status_value parse_status(rd *r, const xmlNode *n, const char *v)
{
	if (!v)
		return ST_NONE;
	status_set set = r->p->status_set;
	status_value s = model_status_parse(v);
	if (s == ST_NONE)
		err(r, n, "\"%s\" is not a status; use one of: %s", v, model_status_set_values(set));
	else if (!model_status_in(s, set)) {
		err(r, n, "\"%s\" is not a status of this plan, which uses status-set=\"%s\"; use one "
			  "of: %s", v, model_status_set_name(set), model_status_set_values(set));
		s = ST_NONE;
	}
	return s;
}

/* Text content with surrounding white space trimmed and inner runs
 * collapsed, as people indent XML. */
static const char *text_of(rd *r, const xmlNode *n)
{
	xmlChar *c = xmlNodeGetContent(n);
	if (!c)
		return dup(r, "");
	char *s = (char *)c, *o = s;
	int space = 1;
	for (char *p = s; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			if (!space)
				*o++ = ' ';
			space = 1;
		} else {
			*o++ = *p;
			space = 0;
		}
	}
	while (o > s && o[-1] == ' ')
		o--;
	*o = '\0';
	const char *res = dup(r, s);
	xmlFree(c);
	return res;
}

/* ---- rich text ------------------------------------------------------------
 * Depth: libxml2 refuses documents nested deeper than 256 elements, which
 * bounds the recursion below. */

typedef struct ws {
	int space; /* the last character emitted was a space, or none yet */
} ws;

static void inlines(rd *r, doc_node *parent, const xmlNode *n, ws *w);

/* s with each run of white space made one space, none at the start when
 * *space says the last character was one; into out when not NULL.
 * Returns the length, and leaves *space for what follows. */
static size_t collapse(const char *s, int *space, char *out)
{
	size_t n = 0;
	for (; *s; s++) {
		int white = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
		if (!white || !*space) {
			if (out)
				out[n] = white ? ' ' : *s;
			n++;
		}
		*space = white;
	}
	return n;
}

/* The text counted first, then written once, at its size, in the tree's
 * own arena: a scratch copy in the plan's arena beside the tree's was a
 * fifth of a long plan's model. */
static void add_text(rd *r, doc_node *parent, const char *s, ws *w)
{
	int space = w->space;
	size_t n = collapse(s, &space, NULL);
	char *b = n ? arena_alloc(&r->t->arena, n + 1) : NULL;
	if (b) {
		collapse(s, &w->space, b);
		b[n] = '\0';
		doc_append(parent, doc_text_ref(r->t, b, n, parent ? parent->pos : (srcpos){0}));
	} else if (!n) {
		w->space = space;
	}
}

static void inline_node(rd *r, doc_node *parent, const xmlNode *c, ws *w)
{
	if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
		add_text(r, parent, (const char *)c->content, w);
		return;
	}
	if (c->type != XML_ELEMENT_NODE)
		return;
	doc_node *k = NULL;
	srcpos at = pos(r, c);
	if (xmlin_is(c, "em"))
		k = doc_node_new(r->t, DOC_EMPH, at);
	else if (xmlin_is(c, "strong"))
		k = doc_node_new(r->t, DOC_STRONG, at);
	else if (xmlin_is(c, "a")) {
		k = doc_node_new(r->t, DOC_LINK, at);
		const char *href = check_href(r, c, req(r, c, "href"));
		if (k)
			k->u.link.href = dup(r, href ? href : "");
	} else if (xmlin_is(c, "br")) {
		doc_append(parent, doc_node_new(r->t, DOC_BREAK, at));
		w->space = 1;
		return;
	} else {
		return; /* the schema has said what is wrong */
	}
	doc_append(parent, k);
	inlines(r, k, c, w);
}

static void inlines(rd *r, doc_node *parent, const xmlNode *n, ws *w)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		inline_node(r, parent, c, w);
}

/* Remove the trailing space of a finished paragraph. */
static void trim_end(doc_node *p)
{
	doc_node *n = p;
	while (n && n->last && !doc_is_leaf(n->type))
		n = n->last;
	if (n && n->type == DOC_TEXT && n->u.text.len && n->u.text.text[n->u.text.len - 1] == ' ') {
		((char *)n->u.text.text)[--n->u.text.len] = '\0';
	}
}

static int is_block(const xmlNode *c)
{
	return xmlin_is(c, "p") || xmlin_is(c, "ul") || xmlin_is(c, "ol");
}

static int blank_text(const xmlNode *c)
{
	if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE)
		return 1;
	if (c->type != XML_TEXT_NODE)
		return 0;
	for (const xmlChar *s = c->content; *s; s++)
		if (!isspace(*s))
			return 0;
	return 1;
}

static void blocks(rd *r, doc_node *parent, const xmlNode *n);

static void list(rd *r, doc_node *parent, const xmlNode *n)
{
	doc_node *l = doc_append(parent, doc_node_new(r->t, DOC_LIST, pos(r, n)));
	if (l) {
		l->u.list.ordered = xmlin_is(n, "ol");
		l->u.list.start = 1;
	}
	for (const xmlNode *li = xmlin_first(n); li; li = xmlin_next(li)) {
		if (!xmlin_is(li, "li"))
			continue;
		blocks(r, doc_append(l, doc_node_new(r->t, DOC_ITEM, pos(r, li))), li);
	}
}

/* Block content of n into parent (FRAGMENT or ITEM): p/ul/ol as blocks,
 * runs of text and inline elements as implicit paragraphs. */
static void blocks(rd *r, doc_node *parent, const xmlNode *n)
{
	doc_node *para = NULL;
	ws w = {1};
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (is_block(c)) {
			if (para)
				trim_end(para);
			para = NULL;
			if (xmlin_is(c, "p")) {
				doc_node *p = doc_append(parent, doc_para(r->t, DOC_P_BODY, pos(r, c)));
				ws pw = {1};
				inlines(r, p, c, &pw);
				trim_end(p);
			} else {
				list(r, parent, c);
			}
			continue;
		}
		if (!para && blank_text(c))
			continue;
		if (!para) {
			para = doc_append(parent, doc_para(r->t, DOC_P_BODY, pos(r, n)));
			w.space = 1;
		}
		inline_node(r, para, c, &w);
	}
	if (para)
		trim_end(para);
	/* An item or fragment whose text was all white space holds one empty
	 * paragraph at most; drop empty paragraphs. */
	for (doc_node *c = parent ? parent->first : NULL, *nx; c; c = nx) {
		nx = c->next;
		if (c->type == DOC_PARAGRAPH && !c->first) {
			if (c->prev)
				c->prev->next = c->next;
			else
				parent->first = c->next;
			if (c->next)
				c->next->prev = c->prev;
			else
				parent->last = c->prev;
		}
	}
}

static doc_node *rich(rd *r, const xmlNode *n)
{
	doc_node *f = doc_node_new(r->t, DOC_FRAGMENT, pos(r, n));
	blocks(r, f, n);
	return f;
}

/* ---- plan ---------------------------------------------------------------- */

static size_t count_children(const xmlNode *n, const char *name)
{
	size_t k = 0;
	for (const xmlNode *c = xmlin_first(n); c; c = xmlin_next(c))
		if (xmlin_is(c, name))
			k++;
	return k;
}

static void read_owner(rd *r, const xmlNode *n)
{
	owner *o = arena_alloc(r->a, sizeof *o);
	if (!o)
		return;
	o->pos = pos(r, n);
	o->id = dup(r, check_id(r, n, "id", req(r, n, "id")));
	o->name = nonempty(r, n, text_of(r, n), "the owner's name", "the owner's name");
	const char *type = req(r, n, "type");
	o->type = OWNER_OTHER;
	if (type && model_owner_type_parse(type, &o->type) < 0)
		err(r, n, "type=\"%s\" is not an owner type; use rhf (regional health authority), "
			  "hf (health trust), group or other", type);
	o->members_text = dup(r, xmlin_attr(n, "members"));
	if (o->type == OWNER_GROUP && !o->members_text)
		err(r, n, "the group \"%s\" needs members=\"id id ...\" naming its owners",
		    o->id ? o->id : "?");
	if (o->type != OWNER_GROUP && o->members_text)
		err(r, n, "only an owner of type=\"group\" has members");
	else if (o->members_text && !o->members_text[strspn(o->members_text, " \t\r\n")])
		err(r, n, "the group \"%s\" has members=\"\" with no owner in it; name its owners: "
			  "members=\"id id ...\"", o->id ? o->id : "?");
	o->parent_id = dup(r, xmlin_attr(n, "parent"));
	/* a column head: a longer one would wrap like the full name */
	o->short_name = dup(r, xmlin_attr(n, "short"));
	size_t sc = model_chars(o->short_name);
	if (o->short_name && !sc)
		err(r, n, "short=\"\" is empty; write a short name, like short=\"St. Olav\", or leave it out");
	else if (sc > MODEL_OWNER_SHORT_MAX)
		err(r, n, "short=\"%s\" is %zu characters long; an owner's short name may be at most %d",
		    o->short_name, sc, MODEL_OWNER_SHORT_MAX);
	if (o->id && r->p->owners)
		r->p->owners[r->p->nowners++] = o;
}

static void read_point(rd *r, const xmlNode *n, ind_point *pt, int allow_owner)
{
	pt->pos = pos(r, n);
	pt->year = parse_year(r, n, "year", req(r, n, "year"));
	const char *v = req(r, n, "value");
	pt->value_text = dup(r, v);
	parse_number(r, n, v, &pt->value);
	pt->owner_id = allow_owner ? dup(r, xmlin_attr(n, "owner")) : NULL;
	pt->category_id = allow_owner ? dup(r, xmlin_attr(n, "category")) : NULL;
}

static void read_dimension(rd *r, const xmlNode *n)
{
	dimension *dm = arena_alloc(r->a, sizeof *dm);
	if (!dm)
		return;
	dm->pos = pos(r, n);
	dm->id = dup(r, check_id(r, n, "id", req(r, n, "id")));
	dm->name = nonempty(r, n, dup(r, req(r, n, "name")), "the dimension's name", "the dimension's name");
	dm->cats = arena_array(r->a, count_children(n, "category") + 1, sizeof *dm->cats);
	if (!dm->cats)
		return;
	for (const xmlNode *c = xmlin_first(n); c; c = xmlin_next(c)) {
		if (!xmlin_is(c, "category"))
			continue;
		category *k = &dm->cats[dm->ncats];
		k->pos = pos(r, c);
		k->id = dup(r, check_id(r, c, "id", req(r, c, "id")));
		k->name = nonempty(r, c, text_of(r, c), "the category's name", "the category's name");
		if (k->id)
			dm->ncats++;
	}
	if (dm->id && r->p->dimensions)
		r->p->dimensions[r->p->ndimensions++] = dm;
}

static indicator *read_indicator(rd *r, const xmlNode *n)
{
	indicator *ind = arena_alloc(r->a, sizeof *ind);
	if (!ind)
		return NULL;
	ind->pos = pos(r, n);
	ind->id = dup(r, check_id(r, n, "id", req(r, n, "id")));
	ind->level = dup(r, xmlin_attr(n, "level"));
	if (ind->level && strcmp(ind->level, "national") != 0 &&
	    strcmp(ind->level, "regional") != 0 && strcmp(ind->level, "local") != 0)
		err(r, n, "level=\"%s\" is not a goal level; use national, regional or local", ind->level);
	const char *agg = xmlin_attr(n, "aggregate");
	ind->agg = !agg || strcmp(agg, "none") == 0 ? AGG_NONE
		   : strcmp(agg, "sum") == 0	    ? AGG_SUM
		   : strcmp(agg, "mean") == 0	    ? AGG_MEAN
						    : AGG_NONE;
	if (agg && ind->agg == AGG_NONE && strcmp(agg, "none") != 0)
		err(r, n, "aggregate=\"%s\" is not a way to add up values; use sum, mean or none", agg);
	ind->aggregate_over = dup(r, xmlin_attr(n, "aggregate-over"));
	ind->breakdown = dup(r, xmlin_attr(n, "breakdown"));
	ind->unit = dup(r, req(r, n, "unit"));
	const char *dir = xmlin_attr(n, "direction");
	if (dir && strcmp(dir, "increase") != 0 && strcmp(dir, "decrease") != 0)
		err(r, n, "direction=\"%s\" is not a direction; use increase (higher is better) or "
			  "decrease (lower is better)", dir);
	ind->decrease = dir && strcmp(dir, "decrease") == 0;
	ind->tolerance = parse_tolerance(r, n, xmlin_attr(n, "tolerance"));
	ind->ntargets = 0;
	ind->targets = arena_array(r->a, count_children(n, "target") + 1, sizeof *ind->targets);
	for (const xmlNode *c = xmlin_first(n); c; c = xmlin_next(c)) {
		if (xmlin_is(c, "name"))
			ind->name = nonempty(r, c, text_of(r, c), "the goal's <name>", "the goal's <name>");
		else if (xmlin_is(c, "description"))
			ind->description = rich(r, c);
		else if (xmlin_is(c, "baseline")) {
			ind->has_baseline = 1;
			read_point(r, c, &ind->baseline, 0);
		} else if (xmlin_is(c, "target") && ind->targets)
			read_point(r, c, &ind->targets[ind->ntargets++], 0);
		else if (xmlin_is(c, "value")) {
			ind_point *v = arena_grow(r->a, ind->values, ind->nvalues, &ind->capvalues, sizeof *v);
			if (!v)
				continue;
			ind->values = v;
			read_point(r, c, &v[ind->nvalues++], 1);
		} else if (xmlin_is(c, "source"))
			ind->source = text_of(r, c);
	}
	if (!ind->name)
		ind->name = ind->id ? ind->id : "";
	return ind;
}

static int add_status(rd *r, measure *m, const xmlNode *n, const char *owner_id, int year)
{
	status *v = arena_grow(r->a, m->statuses, m->nstatuses, &m->capstatuses, sizeof *v);
	if (!v)
		return -1;
	m->statuses = v;
	status *s = &v[m->nstatuses++];
	s->pos = pos(r, n);
	s->year = year;
	s->value = parse_status(r, n, req(r, n, "value"));
	s->owner_id = owner_id;
	s->progress = parse_progress(r, n, xmlin_attr(n, "progress"));
	s->date = parse_date(r, n, "date", xmlin_attr(n, "date"));
	s->comment = rich(r, n);
	return 0;
}

/* <short>: the measure's row in the status matrix, one line of it, so at
 * most MODEL_SHORT_MAX characters.  Cutting the author's own words would
 * print a title nobody wrote, so a longer one is an error. */
static const char *short_title(rd *r, const xmlNode *n)
{
	const char *v = text_of(r, n);
	if (!v)
		return NULL;
	size_t chars = model_chars(v);
	if (!chars)
		err(r, n, "the measure's short title is empty; write the measure in a few words, or leave <short> out");
	else if (chars > MODEL_SHORT_MAX)
		err(r, n, "the measure's short title is %zu characters long; a short title may be at most %d "
			  "characters, to fit on one line of the status matrix", chars, MODEL_SHORT_MAX);
	return v;
}

static measure *read_measure(rd *r, const xmlNode *n, area *parent)
{
	measure *m = arena_alloc(r->a, sizeof *m);
	if (!m)
		return NULL;
	m->pos = pos(r, n);
	m->id = dup(r, check_id(r, n, "id", req(r, n, "id")));
	m->area = parent;
	size_t nresp = count_children(n, "responsible"), ninds = count_children(n, "indicator");
	/* statuses at their number: growing from 8 left most of 8 slots
	 * empty (a status file's statuses still grow the array) */
	size_t nst = count_children(n, "status");
	if (nst) {
		m->statuses = arena_array(r->a, nst, sizeof *m->statuses);
		m->capstatuses = nst;
		if (!m->statuses)
			return NULL;
	}
	m->resp = arena_array(r->a, nresp + 1, sizeof *m->resp);
	m->ind_refs = arena_array(r->a, ninds + 1, sizeof *m->ind_refs);
	m->ind_ref_pos = arena_array(r->a, ninds + 1, sizeof *m->ind_ref_pos);
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	m->inds = arena_array(r->a, ninds + 1, sizeof *m->inds);
	if (!m->resp || !m->ind_refs || !m->ind_ref_pos || !m->inds)
		return NULL;
	for (const xmlNode *c = xmlin_first(n); c; c = xmlin_next(c)) {
		if (xmlin_is(c, "text"))
			m->text = rich(r, c);
		else if (xmlin_is(c, "short"))
			m->short_title = short_title(r, c);
		else if (xmlin_is(c, "responsible")) {
			responsible *rs = &m->resp[m->nresp++];
			rs->pos = pos(r, c);
			rs->ref = dup(r, req(r, c, "ref"));
			rs->note = dup(r, nonempty(r, c, xmlin_attr(c, "note"), "note=\"\"", "the note"));
		} else if (xmlin_is(c, "deadline")) {
			const char *dl = text_of(r, c);
			if (dl && !(strlen(dl) == 4 && parse_year(r, c, "deadline", dl)) && !valid_date(dl))
				err(r, c, "deadline \"%s\" is not a year (2025) or a date (2025-06-30)", dl);
			m->deadline = dl;
		} else if (xmlin_is(c, "indicator")) {
			m->ind_ref_pos[m->ninds] = pos(r, c);
			m->ind_refs[m->ninds++] = dup(r, req(r, c, "ref"));
		} else if (xmlin_is(c, "status")) {
			add_status(r, m, c, dup(r, xmlin_attr(c, "owner")),
				   parse_year(r, c, "year", req(r, c, "year")));
		}
	}
	if (!m->text)
		m->text = doc_node_new(r->t, DOC_FRAGMENT, m->pos);
	if (m->id && r->p->measures) {
		m->index = r->p->nmeasures;
		r->p->measures[r->p->nmeasures++] = m;
	}
	return m;
}

/* Areas nest as deep as the file says, up to libxml2's 256 levels. */
static area *read_area(rd *r, const xmlNode *n, area *parent, int depth)
{
	area *a = arena_alloc(r->a, sizeof *a);
	if (!a)
		return NULL;
	a->pos = pos(r, n);
	a->id = dup(r, check_id(r, n, "id", req(r, n, "id")));
	const char *title = nonempty(r, n, req(r, n, "title"), "title=\"\"", "the area's title");
	a->title = dup(r, title ? title : "");
	a->parent = parent;
	a->depth = depth;
	size_t k = count_children(n, "area") + count_children(n, "measure");
	a->items = arena_array(r->a, k + 1, sizeof *a->items);
	if (!a->items)
		return NULL;
	for (const xmlNode *c = xmlin_first(n); c; c = xmlin_next(c)) {
		if (xmlin_is(c, "vision"))
			a->vision = rich(r, c);
		else if (xmlin_is(c, "area")) {
			area *sub = read_area(r, c, a, depth + 1);
			if (sub)
				a->items[a->nitems++].sub = sub;
		} else if (xmlin_is(c, "measure")) {
			measure *m = read_measure(r, c, a);
			if (m)
				a->items[a->nitems++].measure = m;
		}
	}
	return a;
}

static size_t count_measures(const xmlNode *root)
{
	size_t k = 0;
	const xmlNode *n = root;
	/* Iterative pre-order walk over elements. */
	while (n) {
		if (xmlin_is(n, "measure"))
			k++;
		const xmlNode *c = xmlin_is(n, "measure") ? NULL : xmlin_first(n);
		if (c) {
			n = c;
			continue;
		}
		while (n && n != root && !xmlin_next(n))
			n = n->parent;
		n = (n && n != root) ? xmlin_next(n) : NULL;
	}
	return k;
}

static void read_plan(rd *r, const xmlNode *root)
{
	plan *p = r->p;
	p->pos = pos(r, root);
	p->file = r->file;
	p->id = dup(r, check_id(r, root, "id", req(r, root, "id")));
	xmlChar *lang = xmlNodeGetLang(root);
	const char *tag = lang ? (const char *)lang : "nb";
	/* a BCP 47 tag (nb-NO, en-GB, as the forms and office programs write
	 * them) is its language: the primary subtag, in any case */
	char primary[4] = "";
	size_t k = strcspn(tag, "-_");
	if (k >= 2 && k <= 3)
		for (size_t i = 0; i <= k; i++)
			primary[i] = i < k ? (char)tolower((unsigned char)tag[i]) : '\0';
	if (strcmp(primary, "nb") != 0 && strcmp(primary, "nn") != 0 && strcmp(primary, "en") != 0)
		err(r, root, "xml:lang=\"%s\" is not a report language; use nb (Bokmål), nn (Nynorsk) or en",
		    tag);
	p->lang = dup(r, *primary ? primary : tag);
	xmlFree(lang);
	const char *set = xmlin_attr(root, "status-set");
	if (set && model_status_set_parse(set, &p->status_set) < 0)
		err(r, root, "status-set=\"%s\" is not a status set; use progress (how far the work "
			     "has come: %s) or achievement (whether it was achieved: %s)", set,
		    model_status_set_values(SET_PROGRESS), model_status_set_values(SET_ACHIEVEMENT));
	size_t nareas = count_children(root, "area");
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	p->areas = arena_array(r->a, nareas + 1, sizeof *p->areas);
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	p->measures = arena_array(r->a, count_measures(root) + 1, sizeof *p->measures);
	for (const xmlNode *c = xmlin_first(root); c; c = xmlin_next(c)) {
		if (xmlin_is(c, "title"))
			p->title = nonempty(r, c, text_of(r, c), "<title>", "the plan's <title>");
		else if (xmlin_is(c, "subtitle"))
			p->subtitle = nonempty(r, c, text_of(r, c), "<subtitle>", "<subtitle>");
		else if (xmlin_is(c, "organisation")) {
			p->organisation = nonempty(r, c, text_of(r, c), "<organisation>", "<organisation>");
			p->organisation_ref = dup(r, xmlin_attr(c, "ref"));
			p->organisation_pos = pos(r, c);
		}
		else if (xmlin_is(c, "period")) {
			p->year_from = parse_year(r, c, "from", req(r, c, "from"));
			p->year_to = parse_year(r, c, "to", req(r, c, "to"));
			if (p->year_from && p->year_to && p->year_to < p->year_from)
				err(r, c, "the period ends (%d) before it begins (%d)", p->year_to, p->year_from);
		} else if (xmlin_is(c, "adopted"))
			p->adopted = parse_date(r, c, "date", req(r, c, "date"));
		else if (xmlin_is(c, "owners") && !p->owners) {
			/* Only the first <owners> and <goals> are read: the arrays
			 * are sized for one, and the schema refuses a second. */
			/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
			p->owners = arena_array(r->a, count_children(c, "owner") + 1, sizeof *p->owners);
			for (const xmlNode *o = xmlin_first(c); o; o = xmlin_next(o))
				if (xmlin_is(o, "owner"))
					read_owner(r, o);
		} else if (xmlin_is(c, "intro"))
			p->intro = rich(r, c);
		else if (xmlin_is(c, "goals") && !p->indicators) {
			/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
			p->indicators = arena_array(r->a, count_children(c, "indicator") + 1, sizeof *p->indicators);
			/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
			p->dimensions = arena_array(r->a, count_children(c, "dimension") + 1, sizeof *p->dimensions);
			for (const xmlNode *i = xmlin_first(c); i; i = xmlin_next(i)) {
				if (xmlin_is(i, "dimension")) {
					read_dimension(r, i);
					continue;
				}
				indicator *ind = xmlin_is(i, "indicator") ? read_indicator(r, i) : NULL;
				if (ind && ind->id && p->indicators)
					p->indicators[p->nindicators++] = ind;
			}
		} else if (xmlin_is(c, "area")) {
			area *a = read_area(r, c, NULL, 0);
			if (a && p->areas)
				p->areas[p->nareas++] = a;
		}
	}
	if (!p->title)
		p->title = "";
	if (!p->organisation)
		p->organisation = "";
	model_index(p); /* status files look their measures up by id */
}

/* Adapters from xmlin's walk to this reader's state. */
static void walk_plan(xmlin_walk *w, const xmlNode *root)
{
	rd *r = w->ctx;
	r->file = w->file;
	read_plan(r, root);
}

static void read_report(rd *r, const xmlNode *root);

static void walk_report(xmlin_walk *w, const xmlNode *root)
{
	rd *r = w->ctx;
	r->file = w->file;
	read_report(r, root);
}

static sr_status read_file(plan *p, const xmlin_schema *schema, const char *name,
			   const char *data, size_t len, int is_plan, diag *d)
{
	rd r = {p, &p->arena, p->text, NULL, NULL};
	xmlin_walk w = {0};
	w.a = &p->arena;
	w.ctx = &r;
	r.w = &w;
	sr_status st = is_plan
		? xmlin_read(schema, name, data, len, "statusrapport file", XMLIN_NS, "plan", "status-report",
			     "this is a status file (<status-report>); give the plan file first, then the status files",
			     walk_plan, &w, d)
		: xmlin_read(schema, name, data, len, "statusrapport file", XMLIN_NS, "status-report", "plan",
			     "this is a plan file (<plan>), not a status file; give only one plan",
			     walk_report, &w, d);
	if (st == SR_OK && doc_failed(p->text)) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "out of memory reading the file");
		st = SR_SYSTEM;
	}
	return st;
}

sr_status plan_read_mem(plan **out, const xmlin_schema *schema, const char *name,
			const char *data, size_t len, diag *d)
{
	*out = NULL;
	plan *p = plan_new();
	if (!p) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "out of memory");
		return SR_SYSTEM;
	}
	sr_status st = read_file(p, schema, name, data, len, 1, d);
	if (st != SR_OK) {
		plan_free(p);
		return st;
	}
	*out = p;
	return SR_OK;
}

/* The path readers are the in-memory ones over the whole file, so that a
 * file and the same bytes given in memory read alike. With `out` the
 * file is a plan read into a new one, without it a status file merged
 * into `into`. */
static sr_status read_path(plan **out, plan *into, const xmlin_schema *schema, const char *path,
			   diag *d)
{
	char *data;
	size_t len;
	sr_status st = xmlin_slurp(path, &data, &len, d);
	if (st != SR_OK)
		return st;
	st = out ? plan_read_mem(out, schema, path, data, len, d)
		 : plan_merge_status_mem(into, schema, path, data, len, d);
	xfree(data);
	return st;
}

sr_status plan_read(plan **out, const xmlin_schema *schema, const char *path, diag *d)
{
	*out = NULL;
	return read_path(out, NULL, schema, path, d);
}

/* ---- status files -------------------------------------------------------- */

static void read_report(rd *r, const xmlNode *root)
{
	plan *p = r->p;
	report_in *v = arena_grow(r->a, p->reports, p->nreports, &p->capreports, sizeof *v);
	if (!v)
		return;
	p->reports = v;
	report_in *ri = &v[p->nreports++];
	ri->file = r->file;
	ri->pos = pos(r, root);
	ri->plan_id = dup(r, req(r, root, "plan"));
	ri->owner_id = dup(r, req(r, root, "owner"));
	ri->year = parse_year(r, root, "year", req(r, root, "year"));
	ri->date = parse_date(r, root, "date", xmlin_attr(root, "date"));
	if (ri->plan_id && p->id && strcmp(ri->plan_id, p->id) != 0)
		err(r, root, "this status file is for the plan \"%s\", but the plan given is \"%s\"",
		    ri->plan_id, p->id);
	for (const xmlNode *c = xmlin_first(root); c; c = xmlin_next(c)) {
		if (xmlin_is(c, "summary"))
			ri->summary = rich(r, c);
		else if (xmlin_is(c, "status")) {
			const char *mid = req(r, c, "measure");
			measure *m = mid ? model_measure(p, mid) : NULL;
			if (mid && !m) {
				err(r, c, "measure \"%s\" is not in the plan \"%s\"", mid, p->id ? p->id : "");
				continue;
			}
			if (m)
				add_status(r, m, c, ri->owner_id, ri->year);
		} else if (xmlin_is(c, "value")) {
			const char *iid = req(r, c, "indicator");
			indicator *ind = iid ? model_indicator(p, iid) : NULL;
			if (iid && !ind) {
				err(r, c, "indicator \"%s\" is not among the plan's goals", iid);
				continue;
			}
			if (!ind)
				continue;
			ind_point *pv = arena_grow(r->a, ind->values, ind->nvalues, &ind->capvalues, sizeof *pv);
			if (!pv)
				continue;
			ind->values = pv;
			ind_point *pt = &pv[ind->nvalues++];
			pt->pos = pos(r, c);
			pt->year = ri->year;
			const char *val = req(r, c, "value");
			pt->value_text = dup(r, val);
			parse_number(r, c, val, &pt->value);
			/* The plan's own organisation's figures are the plan's:
			 * a value it reports is the plan-level value; every other
			 * owner's is its own, whatever its type. */
			const owner *by = model_owner(p, ri->owner_id);
			pt->owner_id = by && by == model_plan_owner(p) ? NULL : ri->owner_id;
			pt->category_id = dup(r, xmlin_attr(c, "category"));
		}
	}
}

sr_status plan_merge_status_mem(plan *p, const xmlin_schema *schema, const char *name,
				const char *data, size_t len, diag *d)
{
	return read_file(p, schema, name, data, len, 0, d);
}

sr_status plan_merge_status(plan *p, const xmlin_schema *schema, const char *path, diag *d)
{
	return read_path(NULL, p, schema, path, d);
}
