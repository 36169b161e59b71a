/* form.c: status forms (see form.h) -- one owner's measures and
 * indicators as a protected spreadsheet to fill in, or as a pre-filled
 * status file.
 *
 * Owns: one arena per form for the texts it assembles.  Reads the plan
 * only; prints nothing.  The words of the form are in report/words.h
 * with the report's, so a form and a report never disagree. */
#include "form.h"

#include <stdio.h>
#include <string.h>

#include "report/labels.h"
#include "odf/ods.h"
#include "base/outfile.h"
#include "base/xalloc.h"
#include "xml/xmlin.h"
#include "xml/xmlw.h"

/* The words are formats with a known argument list per entry (the same
 * for every language); they are constants of words.h, never input. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* The columns' headers, by word: the report's words where the meaning is
 * the same, so a form and a report never disagree. */
static const word_id status_heads[FORM_NCOLS] = {
	W_ID, W_AREA, W_MEASURE, W_FORM_STATUS_YEAR, W_FORM_COMMENT_YEAR,
	W_FORM_STATUS_YEAR, W_FORM_PROGRESS_PCT, W_FORM_COMMENT_YEAR,
};
static const word_id ind_heads[FORM_IND_NCOLS] = {
	W_ID, W_FORM_INDICATOR, W_FORM_UNIT, W_LATEST, W_FORM_VALUE_YEAR,
};

const char *form_header(const labels *l, int col)
{
	return col >= 0 && col < FORM_NCOLS ? l->w[status_heads[col]] : NULL;
}

const char *form_ind_header(const labels *l, int col)
{
	return col >= 0 && col < FORM_IND_NCOLS ? l->w[ind_heads[col]] : NULL;
}

size_t form_ind_catcols(const plan *p, arena *a, form_catcol **out)
{
	*out = NULL;
	size_t n = 0;
	for (size_t d = 0; d < p->ndimensions; d++) {
		int used = 0;
		for (size_t i = 0; i < p->nindicators && !used; i++)
			used = p->indicators[i]->dim == p->dimensions[d];
		if (used)
			n += p->dimensions[d]->ncats;
	}
	form_catcol *cc = n ? arena_array(a, n, sizeof *cc) : NULL;
	if (!cc)
		return 0;
	size_t k = 0;
	for (size_t d = 0; d < p->ndimensions; d++) {
		const dimension *dim = p->dimensions[d];
		int used = 0;
		for (size_t i = 0; i < p->nindicators && !used; i++)
			used = p->indicators[i]->dim == dim;
		for (size_t c = 0; used && c < dim->ncats; c++)
			cc[k++] = (form_catcol){dim, &dim->cats[c]};
	}
	*out = cc;
	return n;
}

int form_default_year(const plan *p)
{
	int latest = model_latest_year(p);
	if (!latest)
		return p->year_from;
	if (!p->year_to || latest + 1 <= p->year_to)
		return latest + 1;
	return latest;
}

int form_path(char *path, size_t n, const char *dir, const char *plan_id, int year,
	      const char *owner_id, const char *ext)
{
	/* Ids become file names only when they cannot climb out of dir. */
	if (!model_plain_id(plan_id) || !model_plain_id(owner_id))
		return -1;
	int k = snprintf(path, n, "%s/%s-%d-%s-skjema.%s", dir, plan_id, year, owner_id, ext);
	return k < 0 || (size_t)k >= n ? -1 : 0;
}

/* ---- texts ---------------------------------------------------------------- */

/* A rich-text fragment as plain text, blocks on lines of their own. */
static char *plain(arena *a, const doc_node *n)
{
	return doc_flatten(a, n, DOC_WS_LINES);
}

typedef struct fctx {
	arena a;
	const plan *p;
	const owner *o;
	const labels *l;
	int year;
	const form_opts *fo;
} fctx;

static void fctx_init(fctx *f, const plan *p, const owner *o, const form_opts *fo)
{
	arena_init(&f->a);
	f->p = p;
	f->o = o;
	f->fo = fo;
	const char *lang = fo->lang ? fo->lang : p->lang;
	f->l = lang ? labels_for(lang) : NULL;
	if (!f->l)
		f->l = labels_for("nb");
	f->year = fo->year ? fo->year : form_default_year(p);
}

/* Last year's status of m for the owner ("Pågår, 40 %"), its comment, a
 * mark when it was computed from the numbers rather than reported, and
 * one when it is the measure's overall status instead. */
static void last_status(fctx *f, const measure *m, const char **word, const char **comment)
{
	int fb = 0;
	const status *s = model_status(m, f->year - 1, f->o, 1, &fb);
	*word = *comment = NULL;
	if (!s)
		return;
	const char *w = labels_status(f->l, s->value);
	if (s->progress >= 0)
		w = arena_printf(&f->a, "%s, %d\xc2\xa0%%", w, s->progress);
	if (s->computed)
		w = arena_printf(&f->a, "%s (%s)", w, f->l->w[W_COMPUTED_MARK]);
	if (fb)
		w = arena_printf(&f->a, "%s (%s)", w, f->l->w[W_FORM_OVERALL]);
	*word = w;
	*comment = plain(&f->a, s->comment);
}

static const char *area_name(fctx *f, const measure *m)
{
	return m->area ? arena_printf(&f->a, "%s %s", m->area->id, m->area->title) : "";
}

/* The latest value of an indicator for the owner, else the regional one:
 * "4,1 (2024)". */
static const char *last_value(fctx *f, const indicator *ind)
{
	const ind_point *v = model_latest_value(ind, f->o);
	if (!v)
		v = model_latest_value(ind, NULL);
	if (!v)
		return NULL;
	char num[64];
	labels_number(f->l, v->value, 3, num, sizeof num);
	return arena_printf(&f->a, "%s (%d)", num, v->year);
}

static const char *status_list(fctx *f, const char *sep, int tokens, int quote)
{
	buf b = BUF_INIT;
	size_t n;
	const status_value *order = model_status_order(f->p->status_set, &n);
	for (size_t i = 0; i < n; i++) {
		status_value v = order[i];
		if (i)
			buf_puts(&b, sep);
		buf_printf(&b, quote ? "\"%s\"" : "%s",
			   tokens ? model_status_name(v) : labels_status(f->l, v));
	}
	const char *s = b.failed ? NULL : arena_strndup(&f->a, (const char *)b.data, b.len);
	buf_free(&b);
	if (!s)
		f->a.failed = 1; /* a form without its list of words is not written */
	return s ? s : "";
}

/* ---- the spreadsheet ---------------------------------------------------------- */

/* Column widths in mm.  The Status sheet fits the 26.7 cm between A4
 * landscape margins at 100 %: scaled down to fit, LibreOffice wraps some
 * texts onto one more line in print than the row height it computed. */
static const int status_w[FORM_NCOLS] = {12, 32, 68, 21, 44, 24, 20, 44};
static const int ind_w[FORM_IND_NCOLS] = {40, 110, 20, 30, 26};
#define FORM_CAT_W 26 /* a category's column, as wide as the value's */
static const int help_w[2] = {32, 200};
static const int all_w[] = {12, 20, 21, 24, 26, 30, 32, 40, 44, 68, 110, 200};

static void status_sheet(fctx *f, ods *o)
{
	const char *const *w = f->l->w;
	const plan *p = f->p;
	ods_table_start(o, FORM_SHEET_STATUS, 1, status_w, FORM_NCOLS);
	ods_header_rows_start(o);
	ods_row_start(o);
	ods_cell_span(o, ODS_TITLE, arena_printf(&f->a, w[W_FORM_TITLE], f->year, f->o->name), FORM_NCOLS);
	ods_row_end(o);
	ods_row_start(o);
	ods_cell(o, ODS_KEY, w[W_FORM_PLAN]);
	ods_cell(o, ODS_KEY, p->id);
	ods_cell(o, ODS_KEY, NULL); /* left empty: the plan id runs on into it */
	ods_cell(o, ODS_KEY, w[W_FORM_OWNER]);
	ods_cell(o, ODS_KEY, f->o->id);
	ods_cell(o, ODS_KEY, w[W_FORM_YEAR]);
	char y[16];
	snprintf(y, sizeof y, "%d", f->year);
	ods_cell_number(o, ODS_KEY, y, y);
	ods_cell(o, ODS_KEY, f->l->code);
	ods_row_end(o);
	ods_row_start(o);
	for (int c = 0; c < FORM_NCOLS; c++) {
		int yr = c == FORM_COL_LAST || c == FORM_COL_LAST_COMMENT ? f->year - 1 : f->year;
		ods_cell(o, ODS_HEAD, arena_printf(&f->a, form_header(f->l, c), yr));
	}
	ods_row_end(o);
	ods_header_rows_end(o);
	for (size_t i = 0; i < p->nmeasures; i++) {
		const measure *m = p->measures[i];
		if (!model_responsible(m, f->o))
			continue;
		const char *lw, *lc;
		last_status(f, m, &lw, &lc);
		ods_row_start(o);
		ods_cell(o, ODS_RO, m->id);
		ods_cell(o, ODS_RO, area_name(f, m));
		ods_cell(o, ODS_RO, plain(&f->a, m->text));
		ods_cell(o, ODS_RO, lw);
		ods_cell(o, ODS_RO, lc);
		ods_cell_input(o, ODS_INPUT, "valStatus");
		ods_cell_input(o, ODS_INPUT_NUM, "valProgress");
		ods_cell_input(o, ODS_INPUT, NULL);
		ods_row_end(o);
	}
	ods_table_end(o);
}

static void indicator_sheet(fctx *f, ods *o)
{
	form_catcol *cc;
	size_t ncc = form_ind_catcols(f->p, &f->a, &cc);
	int *widths = arena_array(&f->a, FORM_IND_NCOLS + ncc, sizeof *widths);
	if (!widths)
		ncc = 0, widths = (int *)ind_w;
	else
		memcpy(widths, ind_w, sizeof ind_w);
	for (size_t k = 0; k < ncc; k++)
		widths[FORM_IND_NCOLS + k] = FORM_CAT_W;
	ods_table_start(o, FORM_SHEET_IND, 1, widths, FORM_IND_NCOLS + ncc);
	ods_header_rows_start(o);
	ods_row_start(o);
	for (int c = 0; c < FORM_IND_NCOLS; c++)
		ods_cell(o, ODS_HEAD, arena_printf(&f->a, form_ind_header(f->l, c), f->year));
	for (size_t k = 0; k < ncc; k++)
		ods_cell(o, ODS_HEAD, cc[k].cat->name);
	ods_row_end(o);
	ods_header_rows_end(o);
	for (size_t i = 0; i < f->p->nindicators; i++) {
		const indicator *ind = f->p->indicators[i];
		ods_row_start(o);
		ods_cell(o, ODS_RO, ind->id);
		ods_cell(o, ODS_RO, ind->name);
		ods_cell(o, ODS_RO, ind->unit);
		ods_cell(o, ODS_RO_NUM, last_value(f, ind));
		ods_cell_input(o, ODS_INPUT_NUM, "valNumber");
		for (size_t k = 0; k < ncc; k++) {
			if (ind->dim == cc[k].dim)
				ods_cell_input(o, ODS_INPUT_NUM, "valNumber");
			else
				ods_cell(o, ODS_RO, NULL);
		}
		ods_row_end(o);
	}
	ods_table_end(o);
}

static void help_row(ods *o, ods_style st, const char *text)
{
	ods_row_start(o);
	ods_cell_span(o, st, text, 2);
	ods_row_end(o);
}

static void help_sheet(fctx *f, ods *o)
{
	const char *const *w = f->l->w;
	const fctx *cf = f;
	ods_table_start(o, FORM_SHEET_HELP, 1, help_w, 2);
	help_row(o, ODS_TITLE, arena_printf(&f->a, "%s: %s", w[W_FORM_HELP_TITLE],
					    arena_printf(&f->a, w[W_FORM_TITLE], f->year, f->o->name)));
	help_row(o, ODS_TEXT, arena_printf(&f->a, w[W_FORM_HELP_INTRO], f->year, f->o->name, f->p->title));
	help_row(o, ODS_TEXT, NULL);
	for (int i = 0; i < 5; i++)
		help_row(o, ODS_TEXT,
			 arena_printf(&f->a,
				      w[i == 3 && f->p->status_set == SET_ACHIEVEMENT ? W_FORM_STEP_4_ACHIEVED
										   : W_FORM_STEP_1 + i],
				      f->year));
	help_row(o, ODS_TEXT, NULL);
	help_row(o, ODS_BOLD, w[W_FORM_VALUES_TITLE]);
	size_t n;
	const status_value *order = model_status_order(f->p->status_set, &n);
	for (size_t i = 0; i < n; i++) {
		status_value v = order[i];
		ods_row_start(o);
		ods_cell(o, ODS_RO, labels_status(cf->l, v));
		ods_cell(o, ODS_RO, w[W_FORM_MEANS_NOT_STARTED + v - ST_NOT_STARTED]);
		ods_row_end(o);
	}
	help_row(o, ODS_TEXT, NULL);
	const char *dl = w[W_FORM_DEADLINE_NONE];
	if (f->fo->deadline) {
		char date[64];
		labels_date_iso(f->l, f->fo->deadline, date, sizeof date);
		dl = arena_printf(&f->a, w[W_FORM_DEADLINE], date);
	}
	help_row(o, ODS_BOLD, dl);
	help_row(o, ODS_TEXT, f->fo->contact ? arena_printf(&f->a, w[W_FORM_CONTACT], f->fo->contact)
					     : arena_printf(&f->a, w[W_FORM_CONTACT_NONE],
							    f->p->organisation ? f->p->organisation : ""));
	ods_table_end(o);
}

sr_status form_ods(const plan *p, const owner *ow, const form_opts *fo, buf *out, diag *d)
{
	fctx f;
	fctx_init(&f, p, ow, fo);
	sr_status st = SR_SYSTEM;
	const char *list = status_list(&f, ";", 0, 1);
	char y[16], lang[4];
	snprintf(y, sizeof y, "%d", f.year);
	snprintf(lang, sizeof lang, "%s", f.l->code);
	/* The conditions as LibreOffice writes them: the "of:" prefix once, in
	 * front, and commas between a function's arguments; LibreOffice
	 * silently drops a condition it cannot parse. */
	const char *const *w = f.l->w;
	const ods_validation vals[] = {
		{.name = "valStatus",
		 .condition = arena_printf(&f.a, "of:cell-content-is-in-list(%s)", list),
		 .list = 1,
		 .base_cell = FORM_SHEET_STATUS ".F4",
		 .error_title = w[W_FORM_BAD_STATUS_TITLE],
		 .error_text = w[W_FORM_BAD_STATUS]},
		{.name = "valProgress",
		 .condition = "of:cell-content-is-whole-number() and cell-content-is-between(0,100)",
		 .base_cell = FORM_SHEET_STATUS ".G4",
		 .error_title = w[W_FORM_BAD_VALUE_TITLE],
		 .error_text = w[W_FORM_BAD_PROGRESS]},
		{.name = "valNumber",
		 .condition = "of:cell-content-is-decimal-number() and "
			      "cell-content-is-between(-1000000000000,1000000000000)",
		 .base_cell = FORM_SHEET_IND ".E2",
		 .error_title = w[W_FORM_BAD_VALUE_TITLE],
		 .error_text = w[W_FORM_BAD_NUMBER]},
	};
	const ods_freeze fr[] = {
		{.table = FORM_SHEET_STATUS, .rows = FORM_ROW_HEAD, .cursor_col = FORM_COL_STATUS,
		 .cursor_row = FORM_ROW_FIRST - 1},
		{.table = FORM_SHEET_IND, .rows = 1, .cursor_col = FORM_IND_VALUE, .cursor_row = 1},
		{.table = FORM_SHEET_HELP},
	};
	static const char *const unames[] = {"statusrapport-plan", "statusrapport-owner",
					     "statusrapport-year", "statusrapport-lang"};
	const char *uvals[] = {p->id, ow->id, y, lang};
	const char *title = arena_printf(&f.a, w[W_FORM_TITLE], f.year, ow->name);
	ods_spec spec = {
		.language = f.l->code,
		.country = f.l->country,
		.created = fo->now,
		.title = title,
		.user_names = unames,
		.user_values = uvals,
		.nuser = 4,
		.widths_mm = all_w,
		.nwidths = sizeof all_w / sizeof all_w[0],
		.validations = vals,
		.nvalidations = 3,
		.freezes = fr,
		.nfreezes = 3,
		.footer = title,
	};
	ods o;
	if (ods_open(&o, &spec) == 0) {
		status_sheet(&f, &o);
		indicator_sheet(&f, &o);
		help_sheet(&f, &o);
	}
	if (arena_failed(&f.a))
		o.x.failed = 1;
	st = ods_finish(&o, out, d);
	arena_free(&f.a);
	return st;
}

/* ---- the status file -------------------------------------------------------- */

/* Text for a comment: wrapped at about 76 columns, each line indented.
 * NULL (text the arena could not hold) adds nothing: the caller reports
 * the arena's failure. */
static void wrapped(buf *b, const char *s, const char *indent)
{
	if (!s)
		return;
	size_t col = 0, in = strlen(indent);
	int start = 1; /* at the start of a line: no space before the word */
	while (*s) {
		while (*s == ' ' || *s == '\n') {
			if (*s == '\n' && !start) {
				buf_putc(b, '\n');
				buf_puts(b, indent);
				col = in;
				start = 1;
			}
			s++;
		}
		size_t n = strcspn(s, " \n");
		if (!n)
			break;
		if (!start && col + n > 76) {
			buf_putc(b, '\n');
			buf_puts(b, indent);
			col = in;
		} else if (!start) {
			buf_putc(b, ' ');
			col++;
		}
		start = 0;
		buf_put(b, s, n);
		col += n; /* bytes, not characters: close enough for wrapping */
		s += n;
	}
}

sr_status form_xml(const plan *p, const owner *ow, const form_opts *fo, buf *out, diag *d)
{
	fctx f;
	fctx_init(&f, p, ow, fo);
	xmlw x;
	buf c = BUF_INIT;
	const char *ind = "\n       ";
	xmlw_open(&x, out);
	xmlw_text(&x, "\n", 1);
	buf_puts(&c, " ");
	wrapped(&c, arena_printf(&f.a, f.l->w[W_FORM_XML_INTRO], f.year, ow->name, p->title,
				 status_list(&f, ", ", 1, 0)), "     ");
	buf_putc(&c, ' ');
	xmlw_comment(&x, buf_cstr(&c));
	xmlw_text(&x, "\n", 1);
	xmlw_start(&x, "status-report");
	xmlw_attr(&x, "xmlns", XMLIN_NS);
	xmlw_attr(&x, "plan", p->id);
	xmlw_attr(&x, "owner", ow->id);
	xmlw_attrf(&x, "year", "%d", f.year);
	for (size_t i = 0; i < p->nmeasures; i++) {
		const measure *m = p->measures[i];
		if (!model_responsible(m, ow))
			continue;
		const char *lw, *lc;
		last_status(&f, m, &lw, &lc);
		c.len = 0;
		buf_printf(&c, " %s (%s):", m->id, area_name(&f, m));
		buf_puts(&c, ind);
		wrapped(&c, plain(&f.a, m->text), ind + 1);
		if (lw) {
			buf_puts(&c, ind);
			wrapped(&c, arena_printf(&f.a, "%d: %s%s%s", f.year - 1, lw, lc && *lc ? ": " : "",
						 lc ? lc : ""), ind + 1);
		}
		buf_puts(&c, ind);
		buf_printf(&c, "%s <status measure=\"%s\" value=\"\"></status> ",
			   f.l->w[W_FORM_XML_FILL], m->id);
		xmlw_text(&x, "\n\n  ", 4);
		xmlw_comment(&x, buf_cstr(&c));
	}
	for (size_t i = 0; i < p->nindicators; i++) {
		const indicator *in = p->indicators[i];
		const char *lv = last_value(&f, in);
		c.len = 0;
		buf_printf(&c, " %s (%s):", in->id, in->unit ? in->unit : "");
		buf_puts(&c, ind);
		wrapped(&c, in->name, ind + 1);
		if (lv)
			buf_printf(&c, "%s%s: %s", ind, form_ind_header(f.l, FORM_IND_LAST), lv);
		buf_puts(&c, ind);
		buf_printf(&c, f.l->w[W_FORM_XML_VALUE], f.year);
		buf_printf(&c, " <value indicator=\"%s\" value=\"\"/> ", in->id);
		xmlw_text(&x, "\n\n  ", 4);
		xmlw_comment(&x, buf_cstr(&c));
	}
	xmlw_text(&x, "\n", 1);
	xmlw_end(&x);
	int bad = c.failed || arena_failed(&f.a);
	buf_free(&c);
	if (xmlw_close(&x) < 0 || bad) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot write the form: out of memory");
		arena_free(&f.a);
		return SR_SYSTEM;
	}
	buf_putc(out, '\n');
	arena_free(&f.a);
	return out->failed ? SR_SYSTEM : SR_OK;
}

sr_status form_write_all(const plan *p, const owner *const *owners, size_t n,
			 const form_opts *fo, int xml, const char *dir,
			 const char *const *inputs, int *written, int *total, diag *d)
{
	int year = fo->year ? fo->year : form_default_year(p);
	sr_status worst = SR_OK;
	*written = 0;
	*total = (int)n;
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		if (form_path(path, sizeof path, dir, p->id, year, owners[i]->id, xml ? "xml" : "ods") < 0) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0,
				 "the plan id or owner id \"%s\" cannot be used in a file name", owners[i]->id);
			worst = sr_worse(worst, SR_INVALID);
			continue;
		}
		buf b = BUF_INIT;
		sr_status st = xml ? form_xml(p, owners[i], fo, &b, d) : form_ods(p, owners[i], fo, &b, d);
		if (st == SR_OK)
			st = outfile_write(path, b.data, b.len, inputs, d);
		if (st == SR_OK)
			(*written)++;
		worst = sr_worse(worst, st);
		buf_free(&b);
	}
	return worst;
}
