/* import.c: a filled-in form back into a status file (see import.h).
 *
 * Owns: the sheet book and one arena of records per import; the output
 * buffer until it is written.  Prints nothing.
 *
 * Where the form's identity travels: row 2 of the Status sheet (B2 plan
 * id, E2 owner id, G2 year, H2 language), protected cells that survive a
 * LibreOffice re-save and a CSV export alike, so the .ods and the CSV are
 * read by one path.  (meta.xml carries the same as user-defined
 * properties for people and other tools; the cells are authoritative.)
 * The columns are found by position and their headers checked, so a
 * deleted or moved column is reported at its header instead of importing
 * the wrong cells. */
#include "import.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "form.h"
#include "valuescsv.h"
#include "report/labels.h"
#include "base/outfile.h"
#include "input/plan_xml.h"
#include "input/validate.h"
#include "base/xalloc.h"
#include "xml/xmlw.h"

/* ---- words ---------------------------------------------------------------- */

void import_fold(const char *s, char *out, size_t n, int dashes)
{
	size_t k = 0;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
	       ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0))
		s += (unsigned char)*s == 0xC2 ? 2 : 1;
	for (; *s && k + 2 < n; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		else if (c == 0xC3 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9E &&
			 (unsigned char)s[1] != 0x97) {
			out[k++] = (char)c;
			out[k++] = (char)((unsigned char)s[1] + 0x20);
			s++;
			continue;
		} else if (c == 0xC2 && (unsigned char)s[1] == 0xA0) {
			c = ' ';
			s++;
		}
		if (dashes && (c == '_' || c == ' '))
			c = '-';
		out[k++] = (char)c;
	}
	while (k && (out[k - 1] == ' ' || out[k - 1] == '-' || out[k - 1] == '\t' ||
		     out[k - 1] == '\n' || out[k - 1] == '\r'))
		k--;
	out[k] = '\0';
}

status_value import_status_word(const char *s)
{
	if (!s)
		return ST_NONE;
	char w[128], t[128], cand[128];
	import_fold(s, w, sizeof w, 0);
	import_fold(s, t, sizeof t, 1);
	if (!*w)
		return ST_NONE;
	for (int v = ST_NOT_STARTED; v < ST_COUNT; v++) {
		const labels *l;
		for (size_t i = 0; (l = labels_nth(i)); i++) {
			import_fold(labels_status(l, (status_value)v), cand, sizeof cand, 0);
			if (strcmp(w, cand) == 0)
				return (status_value)v;
		}
		if (strcmp(t, model_status_name((status_value)v)) == 0)
			return (status_value)v;
	}
	return ST_NONE;
}

/* ---- the import ------------------------------------------------------------- */

typedef struct rec {
	const char *id;
	status_value value;
	int progress;       /* -1: none */
	const char *comment;
} rec;

typedef struct val {
	const char *id, *value;
	const char *category; /* NULL: the total */
} val;

typedef struct ictx {
	const char *file;
	const plan *p;
	diag *d;
	arena a;
	int errors;
	const labels *l;
} ictx;

static void cell_err(ictx *c, const char *sheetname, uint32_t row, uint32_t col,
		     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void cell_err(ictx *c, const char *sheetname, uint32_t row, uint32_t col,
		     const char *fmt, ...)
{
	char where[300], a1[32], msg[2048];
	sheet_a1(a1, sizeof a1, col, row);
	snprintf(where, sizeof where, "%s!%s", sheetname, a1);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* Sorted in reading order: the Status sheet first, then its rows. */
	int order = strcmp(sheetname, FORM_SHEET_STATUS) != 0;
	diag_place(c->d, DIAG_ERROR, c->file, where, order * (int)(SHEET_MAX_ROWS + 1) + (int)row + 1,
		   (int)(col + 1), "%s", msg);
	c->errors++;
}

/* The cell's text without surrounding white space; a cell that shows
 * nothing may still hold a value.  NULL when empty. */
static const char *text_at(ictx *c, const sheet *s, uint32_t row, uint32_t col)
{
	const char *t = sheet_text(&c->a, s, row, col);
	if (t)
		return t;
	const sheet_cell *cell = sheet_get(s, row, col);
	return cell ? cell->value : NULL;
}

/* A whole number from a cell: its value, else its text ("45", "45 %").
 * -1 when it is not a whole number; *shown gets what to quote. */
static long whole(ictx *c, const sheet *s, uint32_t row, uint32_t col, const char **shown)
{
	const sheet_cell *cell = sheet_get(s, row, col);
	*shown = text_at(c, s, row, col);
	if (!cell)
		return -2;
	char tmp[64];
	const char *v = cell->value;
	if (!v) {
		size_t k = 0;
		for (const char *p = *shown ? *shown : ""; *p && k + 1 < sizeof tmp; p++)
			if (*p != ' ' && *p != '%' && !((unsigned char)*p == 0xC2 && (unsigned char)p[1] == 0xA0 && p++))
				tmp[k++] = *p == ',' ? '.' : *p;
		tmp[k] = '\0';
		v = tmp;
	}
	char *end;
	double x = strtod(v, &end);
	if (end == v || *end || x != (double)(long)x || x < -1e9 || x > 1e9)
		return -1000000000L - 1;
	return (long)x;
}

const char *import_decimal(arena *a, const char *s)
{
	char tmp[64];
	size_t k = 0;
	for (const char *q = s; *q; q++) {
		if (*q == ' ')
			continue;
		if ((unsigned char)q[0] == 0xC2 && (unsigned char)q[1] == 0xA0) {
			q++;
			continue;
		}
		if ((unsigned char)q[0] == 0xE2 && (unsigned char)q[1] == 0x80 &&
		    (unsigned char)q[2] == 0xAF) {
			q += 2;
			continue;
		}
		if (k + 1 >= sizeof tmp)
			return NULL;
		tmp[k++] = *q == ',' ? '.' : *q;
	}
	tmp[k] = '\0';
	const char *q = tmp;
	if (*q == '-')
		q++;
	if (!(*q >= '0' && *q <= '9'))
		return NULL;
	while (*q >= '0' && *q <= '9')
		q++;
	if (*q == '.') {
		q++;
		if (!(*q >= '0' && *q <= '9'))
			return NULL;
		while (*q >= '0' && *q <= '9')
			q++;
	}
	return *q ? NULL : arena_strdup(a, tmp);
}

/* A decimal number in the file format's form ("4.1") from a cell, or NULL. */
static const char *decimal(ictx *c, const sheet *s, uint32_t row, uint32_t col)
{
	const sheet_cell *cell = sheet_get(s, row, col);
	if (!cell)
		return NULL;
	return import_decimal(&c->a, cell->value ? cell->value : cell->text);
}

/* The set the form's plan reports in; without the plan, every word of
 * both sets is taken and the progress set's are offered. */
static status_set form_set(const ictx *c)
{
	return c->p ? c->p->status_set : SET_PROGRESS;
}

static const char *status_words(ictx *c)
{
	buf b = BUF_INIT;
	size_t n;
	const status_value *order = model_status_order(form_set(c), &n);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", labels_status(c->l, order[i]));
	const char *s = b.failed ? NULL : arena_strndup(&c->a, (const char *)b.data, b.len);
	buf_free(&b);
	if (!s)
		c->a.failed = 1; /* a message would lack the words: out of memory */
	return s ? s : "";
}

/* Whether header text t is the form's header format fmt ("Status %d"):
 * the words before the year must match, ignoring case. */
static int header_is(const char *t, const char *fmt)
{
	char a[128], b[128];
	import_fold(t ? t : "", a, sizeof a, 0);
	char f[128];
	size_t k = 0;
	for (const char *p = fmt; *p && k + 1 < sizeof f; p++) {
		if (p[0] == '%' && p[1] == 'd')
			break;
		if (p[0] == '%' && p[1] == '%')
			p++;
		f[k++] = *p;
	}
	f[k] = '\0';
	import_fold(f, b, sizeof b, 0);
	return strncmp(a, b, strlen(b)) == 0 && (strstr(fmt, "%d") || strlen(a) == strlen(b));
}

/* The header row: each column's header in any of the form languages. */
static int check_headers(ictx *c, const sheet *s, uint32_t row, uint32_t ncols,
			 const char *(*head)(const labels *, int))
{
	for (uint32_t col = 0; col < ncols; col++) {
		const char *t = text_at(c, s, row, col);
		int ok = 0;
		const labels *l;
		for (size_t i = 0; !ok && (l = labels_nth(i)); i++)
			ok = header_is(t, head(l, (int)col));
		if (ok)
			continue;
		char want[128];
		snprintf(want, sizeof want, "%s", head(c->l, (int)col));
		char *pct = strstr(want, " %d");
		if (pct)
			*pct = '\0';
		else if ((pct = strstr(want, "%%")))
			memmove(pct, pct + 1, strlen(pct));
		if (t)
			cell_err(c, s->name, row, col,
				 "the column header is \"%s\" where \"%s\" belongs; the form's columns must stay "
				 "as they were made (was a column deleted, added or moved?)", t, want);
		else
			cell_err(c, s->name, row, col,
				 "the column header \"%s\" is missing; the form's columns must stay as they "
				 "were made (was a column deleted, or the header row changed?)", want);
		return -1;
	}
	return 0;
}

/* The form's identity in row 2: the plan, owner and year it was made for,
 * checked against the plan when there is one; *ow is the owner then. */
typedef struct form_key {
	const char *plan_id, *owner_id;
	long year;
	const owner *ow;
} form_key;

static void read_key(ictx *c, const sheet_book *b, const sheet *s, form_key *k)
{
	const plan *p = c->p;
	const uint32_t kr = FORM_ROW_KEYS - 1;
	const char *shown;
	k->plan_id = text_at(c, s, kr, FORM_KEY_PLAN_COL);
	k->owner_id = text_at(c, s, kr, FORM_KEY_OWNER_COL);
	k->year = whole(c, s, kr, FORM_KEY_YEAR_COL, &shown);
	k->ow = NULL;
	if (!k->plan_id || !model_plain_id(k->plan_id))
		cell_err(c, s->name, kr, FORM_KEY_PLAN_COL,
			 "the plan id is %s; row 2 names the plan, owner and year the form was made "
			 "for and must not be changed (is this a form made by statusrapport form?)",
			 k->plan_id ? "not an id" : "missing");
	else if (p && strcmp(k->plan_id, p->id) != 0)
		cell_err(c, s->name, kr, FORM_KEY_PLAN_COL,
			 "the form is for the plan \"%s\", not \"%s\"", k->plan_id, p->id);
	if (!k->owner_id || !model_plain_id(k->owner_id))
		cell_err(c, s->name, kr, FORM_KEY_OWNER_COL,
			 "the owner id is %s; row 2 names the plan, owner and year the form was made "
			 "for and must not be changed", k->owner_id ? "not an id" : "missing");
	else if (p && !(k->ow = model_owner(p, k->owner_id)))
		cell_err(c, s->name, kr, FORM_KEY_OWNER_COL, "\"%s\" is not an owner in the plan",
			 k->owner_id);
	/* The document properties carry the same identity: a form whose row
	 * 2 was retyped to pass as another owner's disagrees with them. */
	const char *prop_owner = sheet_prop_get(b, "statusrapport-owner");
	if (k->owner_id && prop_owner && strcmp(k->owner_id, prop_owner) != 0)
		cell_err(c, s->name, kr, FORM_KEY_OWNER_COL,
			 "the form names the owner \"%s\" here but \"%s\" in its document properties "
			 "(File > Properties); row 2 must not be changed: fill in the form made for "
			 "the owner", k->owner_id, prop_owner);
	if (k->year < 1900 || k->year > 2200)
		cell_err(c, s->name, kr, FORM_KEY_YEAR_COL,
			 "the year is %s; row 2 names the plan, owner and year the form was made for",
			 shown ? "not a year" : "missing");
	else if (p && p->year_from && (k->year < p->year_from || k->year > p->year_to))
		cell_err(c, s->name, kr, FORM_KEY_YEAR_COL,
			 "the year %ld is outside the plan's period %d-%d", k->year, p->year_from,
			 p->year_to);
}

/* The measure id of a filled-in row, checked: NULL (reported) when it is
 * missing, unknown, not the owner's or already seen. */
typedef struct seen_ids {
	const char **id;
	uint32_t *row;
	size_t n, cap, cap_row;
} seen_ids;

static const char *row_measure(ictx *c, const sheet *s, uint32_t row, const owner *ow,
			       seen_ids *seen)
{
	const plan *p = c->p;
	const char *id = text_at(c, s, row, FORM_COL_ID);
	if (!id) {
		cell_err(c, s->name, row, FORM_COL_ID,
			 "the measure id is missing, but the row is filled in; the id cells must not "
			 "be changed");
		return NULL;
	}
	const measure *m = NULL;
	if (!model_plain_id(id)) {
		cell_err(c, s->name, row, FORM_COL_ID, "\"%s\" is not a measure id", id);
		return NULL;
	}
	if (p && !(m = model_measure(p, id))) {
		cell_err(c, s->name, row, FORM_COL_ID, "measure \"%s\" is not in the plan \"%s\"", id,
			 p->id);
		return NULL;
	}
	if (m && ow && !model_responsible(m, ow)) {
		cell_err(c, s->name, row, FORM_COL_ID,
			 "\"%s\" is not responsible for measure %s (directly or through a group)",
			 ow->id, id);
		return NULL;
	}
	/* Every id seen, also on rows with errors, so a repeat is named. */
	for (size_t i = 0; i < seen->n; i++)
		if (strcmp(seen->id[i], id) == 0) {
			cell_err(c, s->name, row, FORM_COL_ID,
				 "measure %s is in the form twice (also on row %lu); give each measure "
				 "once", id, (unsigned long)seen->row[i] + 1);
			return NULL;
		}
	const char **sa = arena_grow(&c->a, seen->id, seen->n, &seen->cap, sizeof *sa);
	uint32_t *ra = arena_grow(&c->a, seen->row, seen->n, &seen->cap_row, sizeof *ra);
	if (!sa || !ra)
		return NULL; /* the arena reports it */
	seen->id = sa, seen->row = ra;
	seen->id[seen->n] = id;
	seen->row[seen->n++] = row;
	return id;
}

/* The Status sheet's rows that are filled in, as records. */
static void read_measures(ictx *c, const sheet *s, const owner *ow, rec **recs, size_t *nrec)
{
	const char *words = status_words(c);
	seen_ids seen = {0};
	size_t cap = 0;
	uint32_t nrows = sheet_rows(s);
	for (uint32_t row = FORM_ROW_FIRST - 1; row < nrows && !arena_failed(&c->a); row++) {
		const char *stw = text_at(c, s, row, FORM_COL_STATUS);
		const char *pg = text_at(c, s, row, FORM_COL_PROGRESS);
		const char *cm = text_at(c, s, row, FORM_COL_COMMENT);
		if (!text_at(c, s, row, FORM_COL_ID) && !stw && !pg && !cm)
			continue;
		const char *id = row_measure(c, s, row, ow, &seen);
		if (!id)
			continue;
		if (!stw) {
			if (pg || cm)
				cell_err(c, s->name, row, FORM_COL_STATUS,
					 "a progress or comment is given for measure %s, but no status; choose "
					 "one of: %s (or clear the row to leave the measure out)", id, words);
			continue;
		}
		status_value v = import_status_word(stw);
		if (v == ST_NONE || (c->p && !model_status_in(v, c->p->status_set))) {
			cell_err(c, s->name, row, FORM_COL_STATUS, "\"%s\" is not a status; use one of: %s",
				 stw, words);
			continue;
		}
		long prog = -1;
		if (pg) {
			const char *shown;
			prog = whole(c, s, row, FORM_COL_PROGRESS, &shown);
			if (prog < 0 || prog > 100) {
				cell_err(c, s->name, row, FORM_COL_PROGRESS,
					 "%s%s%s is not a progress; write a whole number from 0 to 100 (per cent "
					 "done), or leave it empty", prog < -1000 ? "\"" : "", shown ? shown : "",
					 prog < -1000 ? "\"" : "");
				continue;
			}
		}
		/* the status file's own limit, so what is imported also renders */
		if (cm && strlen(cm) > XMLIN_MAX_TEXT) {
			cell_err(c, s->name, row, FORM_COL_COMMENT,
				 "the comment is %zu bytes long; one text may be at most 1 MB: shorten it",
				 strlen(cm));
			continue;
		}
		rec *arr = arena_grow(&c->a, *recs, *nrec, &cap, sizeof *arr);
		if (!arr)
			break;
		*recs = arr;
		(*recs)[(*nrec)++] = (rec){id, v, (int)prog, cm};
	}
}

static int add_val(ictx *c, val **vals, size_t *nval, size_t *cap, val v)
{
	val *arr = arena_grow(&c->a, *vals, *nval, cap, sizeof *arr);
	if (!arr)
		return -1;
	*vals = arr;
	(*vals)[(*nval)++] = v;
	return 0;
}

/* The category columns' headers (form_ind_catcols); -1 when one is not
 * the category's name (reported). */
static int check_cat_headers(ictx *c, const sheet *is, const form_catcol *cc, size_t ncc)
{
	for (size_t k = 0; k < ncc; k++) {
		uint32_t col = FORM_IND_NCOLS + (uint32_t)k;
		const char *t = text_at(c, is, 0, col);
		char a[256], b[256];
		import_fold(t ? t : "", a, sizeof a, 0);
		import_fold(cc[k].cat->name, b, sizeof b, 0);
		if (strcmp(a, b) == 0)
			continue;
		cell_err(c, is->name, 0, col,
			 "the column header is \"%s\" where the category \"%s\" belongs; the form's "
			 "columns must stay as they were made (was a column deleted, added or moved?)",
			 t ? t : "", cc[k].cat->name);
		return -1;
	}
	return 0;
}

/* The Indikatorer sheet's values, when the sheet is there (a CSV holds
 * one sheet): the total in the value column, and with the plan, the
 * values per category in the columns after it. */
static void read_values(ictx *c, const sheet_book *b, val **vals, size_t *nval)
{
	const sheet *is = sheet_find(b, FORM_SHEET_IND);
	if (!is || check_headers(c, is, 0, FORM_IND_NCOLS, form_ind_header) < 0)
		return;
	form_catcol *cc = NULL;
	size_t ncc = c->p ? form_ind_catcols(c->p, &c->a, &cc) : 0;
	if (ncc && check_cat_headers(c, is, cc, ncc) < 0)
		return;
	size_t cap = 0;
	uint32_t n = sheet_rows(is);
	for (uint32_t row = 1; row < n; row++) {
		const char *v = text_at(c, is, row, FORM_IND_VALUE);
		/* the first category cell with something in it; without the plan
		 * any cell right of the value */
		uint32_t catcol = 0;
		for (const sheet_cell *x = sheet_next(is, row, FORM_IND_NCOLS);
		     !catcol && x && x < is->cells + is->n && x->row == row && (!c->p || x->col < FORM_IND_NCOLS + ncc); x++)
			if (text_at(c, is, row, x->col))
				catcol = x->col;
		if (!v && !catcol)
			continue;
		const char *id = text_at(c, is, row, FORM_IND_ID);
		if (!id || !model_plain_id(id)) {
			cell_err(c, is->name, row, FORM_IND_ID,
				 "the indicator id is %s, but the row has a value; the id cells must not "
				 "be changed", id ? "not an id" : "missing");
			continue;
		}
		const indicator *ind = c->p ? model_indicator(c->p, id) : NULL;
		if (c->p && !ind) {
			cell_err(c, is->name, row, FORM_IND_ID, "indicator \"%s\" is not in the plan", id);
			continue;
		}
		if (catcol && !c->p) {
			cell_err(c, is->name, row, catcol,
				 "the form has values per category; import it with --plan PLAN.xml, so "
				 "they can be read by the plan's categories");
			continue;
		}
		const char *num = v ? decimal(c, is, row, FORM_IND_VALUE) : NULL;
		if (v && !num) {
			cell_err(c, is->name, row, FORM_IND_VALUE,
				 "\"%s\" is not a number; write it like 4,1 or 4.1, without the unit", v);
			continue;
		}
		if (num && add_val(c, vals, nval, &cap, (val){id, num, NULL}) < 0)
			break;
		for (size_t k = 0; catcol && k < ncc; k++) {
			uint32_t col = FORM_IND_NCOLS + (uint32_t)k;
			const char *t = text_at(c, is, row, col);
			if (!t)
				continue;
			if (ind->dim != cc[k].dim) {
				cell_err(c, is->name, row, col,
					 "indicator %s is not broken down by \"%s\"; leave the cell empty",
					 id, cc[k].dim->name);
				continue;
			}
			const char *cn = decimal(c, is, row, col);
			if (!cn) {
				cell_err(c, is->name, row, col,
					 "\"%s\" is not a number; write it like 4,1 or 4.1, without the unit",
					 t);
				continue;
			}
			if (add_val(c, vals, nval, &cap, (val){id, cn, cc[k].cat->id}) < 0)
				break;
		}
	}
}

/* The status file for key k, dated now.  xmlw_close's 0 or -1. */
static int write_status(buf *out, const form_key *k, time_t now, const rec *recs, size_t nrec,
			const val *vals, size_t nval)
{
	char date[16];
	struct tm tm;
	if (!gmtime_r(&now, &tm) || !strftime(date, sizeof date, "%Y-%m-%d", &tm))
		strcpy(date, "1970-01-01");
	xmlw x;
	xmlw_open(&x, out);
	xmlw_start(&x, "status-report");
	xmlw_attr(&x, "xmlns", XMLIN_NS);
	xmlw_attr(&x, "plan", k->plan_id);
	xmlw_attr(&x, "owner", k->owner_id);
	xmlw_attrf(&x, "year", "%ld", k->year);
	xmlw_attr(&x, "date", date);
	for (size_t i = 0; i < nrec; i++) {
		xmlw_text(&x, "\n  ", 3);
		xmlw_start(&x, "status");
		xmlw_attr(&x, "measure", recs[i].id);
		xmlw_attr(&x, "value", model_status_name(recs[i].value));
		if (recs[i].progress >= 0)
			xmlw_attrf(&x, "progress", "%d", recs[i].progress);
		/* A comment of several lines keeps them as paragraphs. */
		const char *cm = recs[i].comment;
		if (cm && strchr(cm, '\n')) {
			for (const char *q = cm; *q;) {
				size_t len = strcspn(q, "\n");
				if (len) {
					xmlw_start(&x, "p");
					xmlw_text(&x, q, len);
					xmlw_end(&x);
				}
				q += len + (q[len] == '\n');
			}
		} else if (cm) {
			xmlw_puts(&x, cm);
		}
		xmlw_end(&x);
	}
	for (size_t i = 0; i < nval; i++) {
		xmlw_text(&x, "\n  ", 3);
		xmlw_start(&x, "value");
		xmlw_attr(&x, "indicator", vals[i].id);
		xmlw_attr(&x, "value", vals[i].value);
		if (vals[i].category)
			xmlw_attr(&x, "category", vals[i].category);
		xmlw_end(&x);
	}
	xmlw_text(&x, "\n", 1);
	xmlw_end(&x);
	return xmlw_close(&x);
}

sr_status import_book(const sheet_book *b, const char *file, const plan *p, time_t now,
		      buf *out, import_result *r, diag *d)
{
	ictx c = {file, p, d, {0}, 0, NULL};
	arena_init(&c.a);
	memset(r, 0, sizeof *r);
	rec *recs = NULL;
	val *vals = NULL;
	size_t nrec = 0, nval = 0;
	sr_status st = SR_INVALID;
	const sheet *s = sheet_find(b, FORM_SHEET_STATUS);
	if (!s && b->n)
		s = &b->sheets[0];
	if (!s) {
		diag_add(d, DIAG_ERROR, file, 0, 0, "the file holds no sheet");
		goto done;
	}
	const char *lang = text_at(&c, s, FORM_ROW_KEYS - 1, FORM_KEY_LANG_COL);
	if (!lang || !labels_for(lang))
		lang = p && p->lang && labels_for(p->lang) ? p->lang : "nb";
	c.l = labels_for(lang);
	form_key k;
	read_key(&c, b, s, &k);
	if (check_headers(&c, s, FORM_ROW_HEAD - 1, FORM_NCOLS, form_header) < 0 || c.errors)
		goto done;
	read_measures(&c, s, k.ow, &recs, &nrec);
	read_values(&c, b, &vals, &nval);
	if (arena_failed(&c.a)) {
		diag_add(d, DIAG_ERROR, file, 0, 0, "out of memory");
		st = SR_SYSTEM;
		goto done;
	}
	if (c.errors)
		goto done;
	if (write_status(out, &k, now, recs, nrec, vals, nval) < 0) {
		diag_add(d, DIAG_ERROR, file, 0, 0, "out of memory writing the status file");
		st = SR_SYSTEM;
		goto done;
	}
	buf_putc(out, '\n');
	snprintf(r->plan_id, sizeof r->plan_id, "%s", k.plan_id);
	snprintf(r->owner_id, sizeof r->owner_id, "%s", k.owner_id);
	r->year = (int)k.year;
	r->nstatuses = nrec;
	r->nvalues = nval;
	st = out->failed ? SR_SYSTEM : SR_OK;
done:
	arena_free(&c.a);
	return st;
}

/* A values CSV (valuescsv.h) into a status file for plan p, dated now. */
static sr_status import_values(const sheet *s, const char *file, const plan *p, time_t now,
			       buf *out, import_result *r, diag *d)
{
	arena a;
	arena_init(&a);
	valuescsv vc;
	sr_status st = valuescsv_read(s, file, p, &a, &vc, d);
	val *vals = st == SR_OK ? arena_array(&a, vc.n, sizeof *vals) : NULL;
	if (st == SR_OK && !vals) {
		diag_add(d, DIAG_ERROR, file, 0, 0, "out of memory");
		st = SR_SYSTEM;
	}
	if (st != SR_OK)
		goto done;
	for (size_t i = 0; i < vc.n; i++)
		vals[i] = (val){vc.v[i].indicator, vc.v[i].value, vc.v[i].category};
	form_key k = {p->id, vc.owner_id, vc.year, NULL};
	if (write_status(out, &k, now, NULL, 0, vals, vc.n) < 0 || (buf_putc(out, '\n'), out->failed)) {
		diag_add(d, DIAG_ERROR, file, 0, 0, "out of memory writing the status file");
		st = SR_SYSTEM;
		goto done;
	}
	snprintf(r->plan_id, sizeof r->plan_id, "%s", p->id);
	snprintf(r->owner_id, sizeof r->owner_id, "%s", vc.owner_id);
	r->year = vc.year;
	r->nvalues = vc.n;
done:
	arena_free(&a);
	return st;
}

/* ---- the command ----------------------------------------------------------- */

static int ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);
	return a >= b && strcasecmp(s + a - b, tail) == 0;
}

sr_status import_file(const char *form_path, const char *plan_path, const xmlin_schema *schema,
		      const char *out_path, time_t now, import_result *r, diag *d)
{
	char *data = NULL;
	size_t len = 0;
	plan *p = NULL;
	sheet_book b;
	buf out = BUF_INIT;
	sheet_book_init(&b);
	memset(r, 0, sizeof *r);
	sr_status st = SR_OK;
	int csv = 0;
	if (plan_path) {
		st = plan_read(&p, schema, plan_path, d);
		if (st == SR_OK)
			st = validate_plan(p, d);
		if (st != SR_OK)
			goto done;
	}
	if ((st = xmlin_slurp(form_path, &data, &len, d)) != SR_OK)
		goto done;
	const char *base = strrchr(form_path, '/');
	base = base ? base + 1 : form_path;
	size_t skip = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0) {
		st = sheet_read_ods(&b, base, data, len, d);
	} else if (len > skip && data[skip] == '<') {
		diag_add(d, DIAG_ERROR, base, 0, 0,
			 "this is an XML file, not a filled-in form; a status file is given to "
			 "validate and render as it is");
		st = SR_INVALID;
	} else if (len >= 4 && memcmp(data, "%PDF", 4) == 0) {
		diag_add(d, DIAG_ERROR, base, 0, 0, "this is a PDF file, not a spreadsheet form");
		st = SR_INVALID;
	} else if (ends_with(form_path, ".ods") || ends_with(form_path, ".xlsx") ||
		   ends_with(form_path, ".ots")) {
		diag_add(d, DIAG_ERROR, base, 0, 0,
			 "this is not an OpenDocument spreadsheet: the file is not a zip package");
		st = SR_INVALID;
	} else {
		st = sheet_read_csv(&b, base, FORM_SHEET_STATUS, data, len, d);
		csv = 1;
	}
	if (st != SR_OK)
		goto done;
	if (csv && b.n == 1 && valuescsv_is(&b.sheets[0], p)) {
		if (!p) {
			diag_add(d, DIAG_ERROR, base, 0, 0,
				 "a CSV of indicator values is read against its plan: give it with "
				 "--plan PLAN.xml");
			st = SR_INVALID;
			goto done;
		}
		st = import_values(&b.sheets[0], base, p, now, &out, r, d);
	} else {
		st = import_book(&b, base, p, now, &out, r, d);
	}
	if (st != SR_OK)
		goto done;
	if (p) {
		/* Belt and braces: the file must be what validate accepts. */
		st = plan_merge_status_mem(p, schema, out_path, (const char *)out.data, out.len, d);
		if (st == SR_OK)
			st = validate_plan(p, d);
		if (st == SR_INVALID)
			diag_add(d, DIAG_ERROR, base, 0, 0,
				 "the status file made from the form would not be valid (see above); "
				 "nothing was written");
		if (st != SR_OK)
			goto done;
	}
	const char *inputs[] = {form_path, plan_path, NULL};
	st = outfile_write(out_path, out.data, out.len, inputs, d);
done:
	xfree(data);
	plan_free(p);
	sheet_book_free(&b);
	buf_free(&out);
	return st;
}
