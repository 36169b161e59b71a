/* summary.c: the executive page -- key messages computed from the data,
 * a row of headline figures, the deviations, the report's own summary and
 * the measures that fell back (see build.h).  A board paper's assessment
 * is the same key messages.  Every sentence is chosen, not filled in: a
 * message with nothing to say is left out. */
#include <string.h>

#include "base/buf.h"
#include "build.h"

/* The words are printf formats from labels.c's static tables. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* ---- what the page says, counted once ------------------------------------ */

/* The status the tables show (an owner's, else the overall), and the
 * change since last year, the owner's own, as the status cell says it;
 * *computed when the status shown was computed from the numbers. */
static status_value shown_status(rb *b, const measure *m, int *change, int *computed)
{
	const status *s = model_status(m, b->year, b->who, 1, NULL);
	const status *now = model_status(m, b->year, b->who, 0, NULL);
	const status *before = model_status(m, b->year - 1, b->who, 0, NULL);
	*change = rb_change(before ? before->value : ST_NONE, now ? now->value : ST_NONE);
	*computed = s && s->computed;
	return s ? s->value : ST_NONE;
}

const rb_tally *rb_tally_of(rb *b)
{
	if (b->tally)
		return b->tally;
	arena *a = &b->d->arena;
	rb_tally *t = arena_alloc(a, sizeof *t);
	if (!t)
		return NULL;
	memset(t, 0, sizeof *t);
	/* counted first, so each list takes only its own room: a plan of
	 * 50,000 measures would otherwise hold nine lists of 50,000 */
	for (size_t i = 0; i < b->p->nmeasures; i++) {
		const measure *m = b->p->measures[i];
		int c, calc;
		if (!rb_visible(b, m))
			continue;
		t->n[shown_status(b, m, &c, &calc)]++;
		t->total++;
		t->nfwd += c > 0;
		t->nback += c < 0;
		t->ncomputed += calc != 0;
	}
	/* NOLINTBEGIN(bugprone-sizeof-expression): arrays of pointers */
	t->fwd = arena_array(a, t->nfwd + 1, sizeof *t->fwd);
	t->back = arena_array(a, t->nback + 1, sizeof *t->back);
	t->computed = arena_array(a, t->ncomputed + 1, sizeof *t->computed);
	int ok = t->fwd && t->back && t->computed;
	for (int s = 0; s < ST_COUNT; s++) {
		t->by[s] = arena_array(a, t->n[s] + 1, sizeof *t->by[s]);
		ok = ok && t->by[s];
	}
	/* NOLINTEND(bugprone-sizeof-expression) */
	if (!ok)
		return NULL;
	size_t k[ST_COUNT] = {0}, f = 0, bk = 0, nc = 0;
	for (size_t i = 0; i < b->p->nmeasures; i++) {
		const measure *m = b->p->measures[i];
		int c, calc;
		if (!rb_visible(b, m))
			continue;
		status_value v = shown_status(b, m, &c, &calc);
		t->by[v][k[v]++] = m;
		if (c > 0)
			t->fwd[f++] = m;
		else if (c < 0)
			t->back[bk++] = m;
		if (calc)
			t->computed[nc++] = m;
	}
	b->tally = t;
	return t;
}

int rb_is_deviation(status_value v)
{
	return v == ST_DELAYED || v == ST_NOT_STARTED || v == ST_CANCELLED || v == ST_NOT_ACHIEVED ||
	       v == ST_PARTLY_ACHIEVED;
}

/* The ids of ms joined as a reader lists them: "1.1.1, 1.3.4 og 5.7". */
static const char *id_list(rb *b, const measure *const *ms, size_t n)
{
	buf s = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_printf(&s, i + 1 == n ? " %s " : ", ", b->l->w[W_AND]);
		buf_puts(&s, ms[i]->id);
	}
	const char *out = s.failed ? NULL : arena_strndup(&b->d->arena, (const char *)s.data, s.len);
	buf_free(&s);
	if (!out)
		b->d->arena.failed = 1;
	return out ? out : "";
}

/* Parts joined as id_list does, each already a phrase. */
static const char *phrase_list(rb *b, const char *const *parts, size_t n)
{
	buf s = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_printf(&s, i + 1 == n ? " %s " : ", ", b->l->w[W_AND]);
		buf_puts(&s, parts[i] ? parts[i] : ""); /* NULL: memory ran out */
	}
	const char *out = s.failed ? NULL : arena_strndup(&b->d->arena, (const char *)s.data, s.len);
	buf_free(&s);
	if (!out)
		b->d->arena.failed = 1;
	return out ? out : "";
}

/* A status word inside a sentence: "pågår", "ikke startet". */
static const char *lower_word(rb *b, status_value v)
{
	const char *w = labels_status(b->l, v);
	char *s = arena_strdup(&b->d->arena, w);
	if (s && s[0] >= 'A' && s[0] <= 'Z')
		s[0] = (char)(s[0] - 'A' + 'a');
	return s ? s : w;
}

/* A text in a line: its first words, cut at a word. */
static const char *shorten(rb *b, char *s, size_t max)
{
	if (!s)
		return "";
	size_t n = strlen(s);
	if (n <= max)
		return s;
	size_t cut = max;
	while (cut > max / 2 && s[cut] != ' ')
		cut--;
	/* never inside a UTF-8 sequence */
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	while (cut > 0 && (s[cut - 1] == ',' || s[cut - 1] == ' '))
		cut--;
	return rb_fmt(b, "%.*s" NBSP "…", (int)cut, s);
}

/* How many measures are on each status, most advanced first; the
 * deviations are the next message's, so no number is said twice.  The
 * two sets share no value, so one list serves both. */
static const char *msg_counts(rb *b, const rb_tally *t)
{
	static const status_value order[] = {ST_COMPLETED, ST_IN_PROGRESS, ST_ONGOING,
					     ST_ACHIEVED,  ST_NOT_APPLICABLE, ST_NONE};
	const char *parts[ST_COUNT];
	size_t np = 0;
	for (size_t i = 0; i < sizeof order / sizeof *order; i++)
		if (t->n[order[i]])
			parts[np++] = rb_fmt(b, "%zu %s", t->n[order[i]], lower_word(b, order[i]));
	if (!np)
		return NULL;
	const char *list = phrase_list(b, parts, np);
	return t->total == 1 ? rb_fmt(b, b->l->w[W_MSG_COUNTS_ONE], list)
			     : rb_fmt(b, b->l->w[W_MSG_COUNTS], t->total, list);
}

static const char *msg_moved(rb *b, const measure *const *ms, size_t n, word_id one, word_id many)
{
	if (!n)
		return NULL;
	if (n == 1)
		return rb_fmt(b, b->l->w[one], ms[0]->id, b->year - 1);
	return rb_fmt(b, b->l->w[many], n, b->year - 1, id_list(b, ms, n));
}

/* The deviations, most serious first: delayed, not started, cancelled;
 * not achieved, partly achieved (each plan has one set's). */
typedef struct deviation_kind {
	status_value v;
	word_id one, many;
} deviation_kind;
static const deviation_kind deviation_kinds[] = {
	{ST_DELAYED, W_MSG_DELAYED_ONE, W_MSG_DELAYED},
	{ST_NOT_STARTED, W_MSG_NOT_STARTED_ONE, W_MSG_NOT_STARTED},
	{ST_CANCELLED, W_MSG_CANCELLED_ONE, W_MSG_CANCELLED},
	{ST_NOT_ACHIEVED, W_MSG_NOT_ACHIEVED_ONE, W_MSG_NOT_ACHIEVED},
	{ST_PARTLY_ACHIEVED, W_MSG_PARTLY_ACHIEVED_ONE, W_MSG_PARTLY_ACHIEVED}};
enum { NDEVIATION_KINDS = sizeof deviation_kinds / sizeof *deviation_kinds };

static const char *msg_deviations(rb *b, const rb_tally *t)
{
	const deviation_kind *kinds = deviation_kinds;
	const char *parts[NDEVIATION_KINDS];
	size_t np = 0;
	for (size_t i = 0; i < NDEVIATION_KINDS; i++) {
		size_t n = t->n[kinds[i].v];
		const char *ids = n ? id_list(b, t->by[kinds[i].v], n) : NULL;
		if (n == 1)
			parts[np++] = rb_fmt(b, b->l->w[kinds[i].one], ids);
		else if (n)
			parts[np++] = rb_fmt(b, b->l->w[kinds[i].many], n, ids);
	}
	/* nothing to report: the deviations section says so, when there is one */
	if (!np)
		return rb_template_has(b, TPL_DEVIATIONS) ? NULL
							 : rb_fmt(b, rb_set_word(b, W_DEVIATIONS_NONE, W_DEVIATIONS_NONE_ACHIEVED), b->year);
	return rb_fmt(b, "%s.", phrase_list(b, parts, np));
}

/* The measures whose status no one reported but their numbers gave:
 * the reader should know which judgements are the program's. */
static const char *msg_computed(rb *b, const rb_tally *t)
{
	if (!t->ncomputed)
		return NULL;
	if (t->ncomputed == 1)
		return rb_fmt(b, b->l->w[W_MSG_COMPUTED_ONE], t->computed[0]->id);
	return rb_fmt(b, b->l->w[W_MSG_COMPUTED], t->ncomputed, id_list(b, t->computed, t->ncomputed));
}

/* Goal names longer than this are counted, not quoted: a quote cut
 * with "…" inside a sentence reads as a misprint. */
enum { GOAL_NAME_MAX = 60 };

/* The goals on and off track, judged as the indicators table judges:
 * named when every name is short, else counted (the indicators section
 * names them). */
static const char *msg_goals(rb *b)
{
	const plan *p = b->p;
	size_t known = 0, ok = 0;
	const char **behind = arena_array(&b->d->arena, p->nindicators + 1, sizeof *behind);
	if (!behind)
		return NULL;
	size_t nbehind = 0;
	const char *first_ok = NULL;
	int long_name = 0;
	for (size_t i = 0; i < p->nindicators; i++) {
		const indicator *ind = p->indicators[i];
		const ind_point *mine = b->who ? model_latest_value(ind, b->who) : NULL;
		const ind_point *judged = mine ? mine : model_latest_value(ind, NULL);
		int k, on = rb_on_track(ind, judged, &k);
		if (!k)
			continue;
		known++;
		long_name |= ind->name && strlen(ind->name) > GOAL_NAME_MAX;
		const char *name = rb_fmt(b, b->l->w[W_QUOTED],
					  shorten(b, arena_strdup(&b->d->arena, ind->name), GOAL_NAME_MAX));
		if (on)
			ok++, first_ok = first_ok ? first_ok : name;
		else
			behind[nbehind++] = name;
	}
	if (!known)
		return NULL;
	const char *names = phrase_list(b, behind, nbehind);
	/* one goal judged: named, not counted ("none of the 1 goals") */
	if (known == 1)
		return rb_fmt(b, b->l->w[ok ? W_MSG_IND_ALL_ONE : W_MSG_IND_NONE_ONE], ok ? first_ok : names);
	if (ok == known)
		return rb_fmt(b, b->l->w[W_MSG_IND_ALL], known);
	if (!ok)
		return long_name ? rb_fmt(b, b->l->w[W_MSG_IND_NONE_COUNTED], known)
				 : rb_fmt(b, b->l->w[W_MSG_IND_NONE], known, names);
	if (long_name)
		return nbehind == 1 ? rb_fmt(b, b->l->w[W_MSG_IND_BEHIND_ONE], known)
				    : rb_fmt(b, b->l->w[W_MSG_IND_BEHIND], nbehind, known);
	if (ok == 1)
		return rb_fmt(b, b->l->w[W_MSG_IND_ONE], known, names);
	return rb_fmt(b, b->l->w[W_MSG_IND_SOME], ok, known, names);
}

void rb_key_messages(rb *b, int level)
{
	const rb_tally *tp = rb_tally_of(b);
	if (!tp)
		return;
	const rb_tally t = *tp;
	const char *msgs[6];
	size_t n = 0;
	/* beside a row of headline figures the counts would be said twice */
	if (!rb_template_has(b, TPL_FIGURES))
		msgs[n++] = msg_counts(b, &t);
	msgs[n++] = msg_deviations(b, &t);
	msgs[n++] = msg_computed(b, &t);
	msgs[n++] = msg_moved(b, t.back, t.nback, W_MSG_BACK_ONE, W_MSG_BACK);
	msgs[n++] = msg_moved(b, t.fwd, t.nfwd, W_MSG_FORWARD_ONE, W_MSG_FORWARD);
	msgs[n++] = msg_goals(b);
	/* nothing to say (no counts beside the figures, no deviation, no move,
	 * no goal judged): no heading over an empty list, which no format
	 * could write */
	size_t said = 0;
	for (size_t i = 0; i < n; i++)
		said += msgs[i] != NULL;
	if (!said)
		return;
	rb_heading(b, level, "hovedbudskap", nopos, "%s",
		   b->l->w[b->tpl->kind == TPL_BOARD ? W_STATUS_WORD : W_KEY_MESSAGES]);
	doc_node *list = rb_block(b, doc_node_new(b->d, DOC_LIST, nopos));
	for (size_t i = 0; i < n; i++)
		if (msgs[i])
			rb_para(b, doc_append(list, doc_node_new(b->d, DOC_ITEM, nopos)), DOC_P_BODY, msgs[i]);
}

/* ---- headline figures ---------------------------------------------------- */

void rb_figures(rb *b, int level)
{
	const labels *l = b->l;
	const rb_tally *tp = rb_tally_of(b);
	if (!tp)
		return;
	const rb_tally t = *tp;
	(void)level; /* a row of figures under the key messages needs no heading */
	const char *name[ST_COUNT + 3], *value[ST_COUNT + 3];
	int fill[ST_COUNT + 3];
	int n = 0;
	name[n] = l->w[W_FIG_MEASURES], value[n] = rb_fmt(b, "%zu", t.total), fill[n++] = 0;
	static const status_value order[] = {ST_COMPLETED,    ST_IN_PROGRESS,     ST_ONGOING,
					     ST_DELAYED,      ST_NOT_STARTED,     ST_CANCELLED,
					     ST_ACHIEVED,     ST_PARTLY_ACHIEVED, ST_NOT_ACHIEVED,
					     ST_NOT_APPLICABLE, ST_NONE};
	for (size_t i = 0; i < sizeof order / sizeof *order; i++)
		if (t.n[order[i]]) {
			name[n] = labels_status(b->l, order[i]);
			value[n] = rb_fmt(b, "%zu", t.n[order[i]]);
			fill[n++] = b->fill[order[i]];
		}
	if (t.nfwd || t.nback) {
		name[n] = l->w[W_FIG_FORWARD], value[n] = rb_fmt(b, "%zu", t.nfwd), fill[n++] = 0;
		name[n] = l->w[W_FIG_BACK], value[n] = rb_fmt(b, "%zu", t.nback), fill[n++] = 0;
	}
	/* each column as wide as its label's longest word asks, so no label
	 * is hyphenated while a short one has room to spare */
	double w[ST_COUNT + 3];
	for (int i = 0; i < n; i++) {
		size_t longest = 0, run = 0;
		for (const char *c = name[i]; *c; c++) {
			run = *c == ' ' ? 0 : run + (((unsigned char)*c & 0xC0) != 0x80);
			longest = run > longest ? run : longest;
		}
		w[i] = 4.0 + (double)longest;
	}
	/* the labels are the header row, so a reader hears each figure's name */
	doc_node *tb = rb_block(b, doc_table(b->d, n, w, 1, l->w[W_FIGURES], nopos));
	doc_node *hr = doc_append(tb, doc_row(b->d, 1));
	for (int i = 0; i < n; i++)
		rb_text_cell(b, hr, name[i], fill[i] ? fill[i] : b->d->style.header_fill, DOC_CENTER);
	doc_node *r = doc_append(tb, doc_row(b->d, 0));
	for (int i = 0; i < n; i++) {
		doc_node *c = doc_append(r, doc_cell(b->d, 0, DOC_CENTER));
		doc_node *pa = doc_append(c, doc_para(b->d, DOC_P_LEAD, nopos));
		if (pa)
			pa->u.para.align = DOC_CENTER;
		rb_text(b, doc_append(pa, doc_node_new(b->d, DOC_STRONG, nopos)), value[i]);
	}
}

/* ---- deviations ---------------------------------------------------------- */

/* One line per deviation, linking to its measure's row further on; the
 * measure by its one-line title, which reads whole where a cut sentence
 * would end mid-phrase. */
static void deviation_list(rb *b, const rb_tally *t)
{
	doc_node *list = rb_block(b, doc_node_new(b->d, DOC_LIST, nopos));
	for (size_t k = 0; k < NDEVIATION_KINDS; k++) {
		status_value v = deviation_kinds[k].v;
		for (size_t i = 0; i < t->n[v]; i++) {
			const measure *m = t->by[v][i];
			doc_node *pa = doc_append(doc_append(list, doc_node_new(b->d, DOC_ITEM, nopos)),
						  doc_para(b->d, DOC_P_BODY, m->pos));
			doc_node *ln = doc_append(pa, doc_node_new(b->d, DOC_LINK, nopos));
			if (ln)
				ln->u.link.href = rb_fmt(b, "#tiltak-%s", m->id);
			rb_text(b, doc_append(ln, doc_node_new(b->d, DOC_STRONG, nopos)), m->id);
			/* a computed status says so, and from what */
			const status *s = model_status(m, b->year, b->who, 1, NULL);
			const char *basis = s && s->computed ? rb_fmt(b, " (%s)", rb_computed_basis(b, s)) : "";
			rb_text(b, pa, rb_fmt(b, " %s%s: %s", labels_status(b->l, v), basis, rb_measure_line(b, m)));
		}
	}
}

void rb_deviations(rb *b, int level)
{
	const rb_tally *tp = rb_tally_of(b);
	if (!tp)
		return;
	const rb_tally t = *tp;
	rb_heading(b, level, "avvik", nopos, "%s", rb_set_word(b, W_DEVIATIONS_TITLE, W_DEVIATIONS_TITLE_ACHIEVED));
	size_t ndev = 0;
	for (size_t k = 0; k < NDEVIATION_KINDS; k++)
		ndev += t.n[deviation_kinds[k].v];
	if (!ndev) {
		rb_para(b, b->d->root, DOC_P_BODY, rb_fmt(b, rb_set_word(b, W_DEVIATIONS_NONE, W_DEVIATIONS_NONE_ACHIEVED), b->year));
		return;
	}
	/* A report that shows every measure later links to its row; one
	 * without (a board paper) shows the rows here, comments and all. */
	if (rb_template_has(b, TPL_AREAS)) {
		deviation_list(b, &t);
		return;
	}
	doc_node *tb = rb_measures_table(b, rb_set_word(b, W_DEVIATIONS_TITLE, W_DEVIATIONS_TITLE_ACHIEVED), nopos);
	for (size_t i = 0; i < b->p->nmeasures; i++) {
		const measure *m = b->p->measures[i];
		const status *s = rb_visible(b, m) ? model_status(m, b->year, b->who, 1, NULL) : NULL;
		if (s && rb_is_deviation(s->value))
			rb_measure_row(b, tb, m);
	}
}

/* The measures that fell back, as rows, unless the deviations already
 * show them (a delayed measure that was on plan last year). */
void rb_fell_back(rb *b, int level)
{
	const rb_tally *tp = rb_tally_of(b);
	if (!tp)
		return;
	const rb_tally t = *tp;
	int deviations = rb_template_has(b, TPL_DEVIATIONS);
	doc_node *tb = NULL;
	for (size_t i = 0; i < t.nback; i++) {
		const measure *m = t.back[i];
		const status *s = model_status(m, b->year, b->who, 1, NULL);
		if (deviations && s && rb_is_deviation(s->value))
			continue;
		if (!tb) {
			rb_heading(b, level, "tilbake", nopos, "%s", b->l->w[W_FELL_BACK_TITLE]);
			tb = rb_measures_table(b, b->l->w[W_FELL_BACK_TITLE], nopos);
		}
		rb_measure_row(b, tb, m);
	}
}

/* ---- the report's own summary -------------------------------------------- */

const owner *rb_own_summary_owner(rb *b)
{
	return b->who ? b->who : model_plan_owner(b->p);
}

void rb_own_summary(rb *b, int level)
{
	const owner *o = rb_own_summary_owner(b);
	for (size_t i = 0; o && i < b->p->nreports; i++) {
		const report_in *r = &b->p->reports[i];
		if (r->year != b->year || r->owner != o || !r->summary || !r->summary->first)
			continue;
		rb_heading(b, level, "egen-oppsummering", r->pos, b->l->w[W_OWN_SUMMARY], o->name);
		rb_rich(b, b->d->root, r->summary);
		return;
	}
}
