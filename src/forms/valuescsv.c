/* valuescsv.c: a CSV of indicator values checked into one status file's
 * values (see valuescsv.h).
 *
 * Owns nothing past the call: the records live in the caller's arena.
 * Prints nothing.  Reads the sheet once and sorts the values once to find
 * a value given twice, so a registry's export of many thousand rows costs
 * n log n. */
#include "valuescsv.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "import.h"
#include "report/labels.h"

/* The header's words, by column. */
static const word_id head_word[VALUESCSV_NCOLS] = {W_FORM_INDICATOR, W_FORM_OWNER, W_FORM_YEAR,
						   W_CSV_CATEGORY, W_CSV_VALUE};
#define HEADER_LINE "indicator;owner;year;category;value"

typedef struct vctx {
	const char *file;
	const plan *p;
	arena *a;
	diag *d;
	int errors;
} vctx;

static void err(vctx *c, uint32_t row, uint32_t col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void err(vctx *c, uint32_t row, uint32_t col, const char *fmt, ...)
{
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_add(c->d, DIAG_ERROR, c->file, (int)row + 1, (int)col + 1, "%s", msg);
	c->errors++;
}

/* The cell's text without surrounding white space, or NULL when empty. */
static const char *text_at(vctx *c, const sheet *s, uint32_t row, uint32_t col)
{
	return sheet_text(c->a, s, row, col);
}

/* Whether t is the header word w in any language. */
static int is_word(const char *t, word_id w)
{
	char a[128], b[128];
	import_fold(t ? t : "", a, sizeof a, 0);
	const labels *l;
	for (size_t i = 0; (l = labels_nth(i)); i++) {
		import_fold(l->w[w], b, sizeof b, 0);
		if (strcmp(a, b) == 0)
			return 1;
	}
	return 0;
}

/* Whether t begins with the indicator column's header, followed by
 * nothing or by something other than a letter (a file separated by
 * something else than ; or , has its whole header in one cell). */
static int starts_with_indicator(const char *t)
{
	char a[256], b[128];
	import_fold(t ? t : "", a, sizeof a, 0);
	const labels *l;
	for (size_t i = 0; (l = labels_nth(i)); i++) {
		import_fold(l->w[W_FORM_INDICATOR], b, sizeof b, 0);
		size_t n = strlen(b);
		if (strncmp(a, b, n) == 0 &&
		    !((a[n] >= 'a' && a[n] <= 'z') || (unsigned char)a[n] >= 0x80))
			return 1;
	}
	return 0;
}

int valuescsv_is(const sheet *s, const plan *p)
{
	const sheet_cell *a1 = sheet_get(s, 0, 0);
	if (!a1)
		return 0;
	if (starts_with_indicator(a1->text))
		return 1;
	/* A first row of data: an indicator id followed by more fields. */
	char id[256];
	snprintf(id, sizeof id, "%s", a1->text);
	char *cut = strpbrk(id, "|\t");
	if (cut)
		*cut = '\0';
	return p && model_indicator(p, id) && (sheet_get(s, 0, 1) || cut);
}

static uint32_t width(const sheet *s, uint32_t row)
{
	return row < s->nwidths ? s->widths[row] : 0;
}

/* The header row; -1 (reported) when it is not the five columns. */
static int check_header(vctx *c, const sheet *s)
{
	const char *a1 = text_at(c, s, 0, 0);
	if (s->delim == '\t') {
		err(c, 0, 0, "the fields are separated by tabs; separate them by ; or , (save the file "
			     "as CSV with ; or , between the fields)");
		return -1;
	}
	if (width(s, 0) == 1 && starts_with_indicator(a1)) {
		err(c, 0, 0, "the file is not separated by ; or ,: the header row is one field; write "
			     "it as " HEADER_LINE);
		return -1;
	}
	if (!starts_with_indicator(a1)) {
		err(c, 0, 0, "the header row is missing: the first row must name the columns, "
			     HEADER_LINE);
		return -1;
	}
	if (width(s, 0) != VALUESCSV_NCOLS) {
		err(c, 0, width(s, 0) < VALUESCSV_NCOLS ? width(s, 0) : VALUESCSV_NCOLS,
		    "the header row has %u columns, not %d; write it as " HEADER_LINE, width(s, 0),
		    VALUESCSV_NCOLS);
		return -1;
	}
	for (uint32_t col = 0; col < VALUESCSV_NCOLS; col++) {
		const char *t = text_at(c, s, 0, col);
		if (!is_word(t, head_word[col])) {
			err(c, 0, col, "the column header is \"%s\" where \"%s\" belongs; write the header "
				       "row as " HEADER_LINE, t ? t : "", labels_nth(2)->w[head_word[col]]);
			return -1;
		}
	}
	return 0;
}

static const char *owner_list(vctx *c)
{
	buf b = BUF_INIT;
	for (size_t i = 0; i < c->p->nowners; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", c->p->owners[i]->id);
	const char *s = b.failed || !b.len ? "" : arena_strndup(c->a, (const char *)b.data, b.len);
	buf_free(&b);
	return s;
}

static const char *category_list(vctx *c, const dimension *dim)
{
	buf b = BUF_INIT;
	for (size_t i = 0; i < dim->ncats; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", dim->cats[i].id);
	const char *s = b.failed || !b.len ? "" : arena_strndup(c->a, (const char *)b.data, b.len);
	buf_free(&b);
	return s;
}

/* The category of a row for indicator ind, checked; *ok 0 when reported. */
static const char *row_category(vctx *c, uint32_t row, const indicator *ind, const char *cat,
				int *ok)
{
	*ok = 1;
	if (!cat)
		return NULL;
	if (!ind->dim) {
		err(c, row, 3, "indicator \"%s\" has no breakdown, so its values have no category; "
			       "leave the category empty", ind->id);
		*ok = 0;
		return NULL;
	}
	for (size_t k = 0; k < ind->dim->ncats; k++)
		if (strcmp(ind->dim->cats[k].id, cat) == 0)
			return cat;
	err(c, row, 3, "the category \"%s\" is not in the dimension \"%s\" (its categories: %s)", cat,
	    ind->dim->id, category_list(c, ind->dim));
	*ok = 0;
	return NULL;
}

/* One data row into out when it is right. */
typedef struct rowlist {
	uint32_t *row; /* the sheet row of each value */
	size_t cap;
} rowlist;

static void read_row(vctx *c, const sheet *s, uint32_t row, valuescsv *out, uint32_t *first_row,
		     rowlist *rows)
{
	const plan *p = c->p;
	uint32_t w = width(s, row);
	if (w != VALUESCSV_NCOLS) {
		err(c, row, w < VALUESCSV_NCOLS ? w : VALUESCSV_NCOLS,
		    "the row has %u fields, not %d (" HEADER_LINE "); in a file separated by commas a "
		    "number with a decimal comma must be in quotes", w, VALUESCSV_NCOLS);
		return;
	}
	const char *iid = text_at(c, s, row, 0), *oid = text_at(c, s, row, 1);
	const char *ytext = text_at(c, s, row, 2), *cat = text_at(c, s, row, 3);
	const char *vtext = text_at(c, s, row, 4);
	int bad = c->errors;
	const indicator *ind = NULL;
	if (!iid)
		err(c, row, 0, "the indicator is missing");
	else if (!(ind = model_indicator(p, iid)))
		err(c, row, 0, "indicator \"%s\" is not among the plan's goals", iid);
	if (!oid)
		err(c, row, 1, "the owner is missing");
	else if (!model_owner(p, oid))
		err(c, row, 1, "the owner \"%s\" is not defined (known owners: %s)", oid, owner_list(c));
	else if (out->owner_id && strcmp(oid, out->owner_id) != 0)
		err(c, row, 1, "the owner is \"%s\", but row %lu has \"%s\"; a status file holds one "
			       "owner's values for one year: give each owner a file of its own",
		    oid, (unsigned long)*first_row + 1, out->owner_id);
	long year = 0;
	if (ytext) {
		char *end;
		year = strtol(ytext, &end, 10);
		if (*end || end == ytext)
			year = 0;
	}
	if (!ytext)
		err(c, row, 2, "the year is missing");
	else if (year < 1900 || year > 2200)
		err(c, row, 2, "\"%s\" is not a year; write it like 2024", ytext);
	else if (p->year_from && (year < p->year_from || year > p->year_to))
		err(c, row, 2, "the year %ld is outside the plan's period %d-%d", year, p->year_from,
		    p->year_to);
	else if (out->year && year != out->year)
		err(c, row, 2, "the year is %ld, but row %lu has %d; a status file holds one owner's "
			       "values for one year: give each year a file of its own",
		    year, (unsigned long)*first_row + 1, out->year);
	int cat_ok = 1;
	if (ind)
		cat = row_category(c, row, ind, cat, &cat_ok);
	const char *num = NULL;
	if (!vtext)
		err(c, row, 4, "the value is missing");
	else if (!(num = import_decimal(c->a, vtext)))
		err(c, row, 4, "\"%s\" is not a number; write it like 4,1 or 4.1, without the unit",
		    vtext);
	if (c->errors != bad || !cat_ok)
		return;
	if (!out->owner_id) {
		out->owner_id = oid;
		out->year = (int)year;
		*first_row = row;
	}
	valuescsv_value *v = arena_grow(c->a, out->v, out->n, &out->cap, sizeof *v);
	uint32_t *r = arena_grow(c->a, rows->row, out->n, &rows->cap, sizeof *r);
	if (!v || !r)
		return; /* the arena reports it */
	out->v = v;
	rows->row = r;
	r[out->n] = row;
	out->v[out->n++] = (valuescsv_value){iid, cat, num};
}

/* A value given twice: sorted by indicator, category and row, a repeat
 * sits beside its first. */
typedef struct keyed {
	const valuescsv_value *v;
	uint32_t row;
} keyed;

static int by_key(const void *x, const void *y)
{
	const keyed *a = x, *b = y;
	int k = strcmp(a->v->indicator, b->v->indicator);
	if (!k)
		k = strcmp(a->v->category ? a->v->category : "", b->v->category ? b->v->category : "");
	return k ? k : (a->row > b->row) - (a->row < b->row);
}

static int same_key(const keyed *a, const keyed *b)
{
	return strcmp(a->v->indicator, b->v->indicator) == 0 &&
	       strcmp(a->v->category ? a->v->category : "", b->v->category ? b->v->category : "") == 0;
}

static void check_twice(vctx *c, const valuescsv *out, const uint32_t *rows)
{
	if (out->n < 2 || !rows)
		return;
	keyed *k = arena_array(c->a, out->n, sizeof *k);
	if (!k)
		return;
	for (size_t i = 0; i < out->n; i++)
		k[i] = (keyed){&out->v[i], rows[i]};
	qsort(k, out->n, sizeof *k, by_key);
	size_t first = 0;
	for (size_t i = 1; i < out->n; i++) {
		if (!same_key(&k[i], &k[first])) {
			first = i;
			continue;
		}
		const char *cat = k[i].v->category;
		err(c, k[i].row, 0, "indicator \"%s\" has a value%s%s%s twice (also on row %lu); give "
				    "each value once", k[i].v->indicator, cat ? " for \"" : "",
		    cat ? cat : "", cat ? "\"" : "", (unsigned long)k[first].row + 1);
	}
}

sr_status valuescsv_read(const sheet *s, const char *file, const plan *p, arena *a,
			 valuescsv *out, diag *d)
{
	vctx c = {file, p, a, d, 0};
	memset(out, 0, sizeof *out);
	if (check_header(&c, s) < 0)
		return SR_INVALID;
	uint32_t first_row = 0;
	rowlist rows = {0};
	uint32_t n = sheet_rows(s) > s->nwidths ? sheet_rows(s) : (uint32_t)s->nwidths;
	for (uint32_t row = 1; row < n && !arena_failed(a); row++) {
		/* a blank line is no row */
		if (width(s, row) <= 1 && !sheet_get(s, row, 0))
			continue;
		read_row(&c, s, row, out, &first_row, &rows);
	}
	if (!arena_failed(a))
		check_twice(&c, out, rows.row);
	if (arena_failed(a)) {
		diag_add(d, DIAG_ERROR, file, 0, 0, "out of memory");
		return SR_SYSTEM;
	}
	if (!c.errors && !out->n) {
		diag_add(d, DIAG_ERROR, file, 2, 1, "the file has a header but no values");
		return SR_INVALID;
	}
	return c.errors ? SR_INVALID : SR_OK;
}
