/* form.c: status forms (see form.h) -- one owner's measures and
 * indicators as a protected spreadsheet to fill in, or as a pre-filled
 * status file.
 *
 * Owns: one arena per form for the texts it assembles.  Reads the plan
 * only; prints nothing.  The words of the form live here, not in labels.c,
 * because only the forms use them; the status words come from labels.c so
 * a form and a report never disagree. */
#include "form.h"

#include <stdio.h>
#include <string.h>

#include "report/labels.h"
#include "odf/ods.h"
#include "base/outfile.h"
#include "base/xalloc.h"
#include "xml/xmlin.h"
#include "xml/xmlw.h"

/* The words below are formats with a known argument list per entry (the
 * same for every language); they are this file's constants, never input. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

typedef struct words {
	const char *code;
	const char *heads[FORM_NCOLS]; /* "%d" where a year follows */
	const char *title;             /* "Statusskjema %d – %s" */
	const char *plan, *owner, *year;
	const char *ind_heads[FORM_IND_NCOLS];
	const char *overall;           /* marks a fallback to the overall status */
	const char *bad_status_title, *bad_value_title, *bad_status, *bad_progress, *bad_number;
	const char *help_title, *help_intro, *help_steps[5];
	const char *values_title, *meanings[ST_COUNT];
	const char *deadline, *deadline_none, *contact, *contact_none;
	const char *xml_intro, *xml_fill, *xml_value;
} words;

static const words nb = {
	"nb",
	{"Id", "Innsatsområde", "Tiltak", "Status %d", "Kommentar %d", "Status %d", "Fremdrift %%",
	 "Kommentar %d"},
	"Statusskjema %d – %s", "Plan", "Eier", "År",
	{"Id", "Indikator", "Enhet", "Siste verdi", "Verdi %d"},
	"samlet",
	"Ukjent status", "Ugyldig verdi", "Velg en status fra listen.", "Skriv et helt tall fra 0 til 100.",
	"Skriv et tall.",
	"Veiledning", "Skjemaet samler status for %d for tiltakene %s har ansvar for i «%s».",
	{"1. Arket Status har én rad per tiltak. De grå feltene viser tiltaket og fjorårets "
	 "status og kan ikke endres.",
	 "2. Velg status for i år i kolonnen «Status %d» (nedtrekksliste).",
	 "3. Skriv gjerne fremdrift i prosent (0–100) og en kort kommentar.",
	 "4. La feltene stå tomme for tiltak dere ikke rapporterer på: de blir stående som "
	 "ikke rapportert, ikke som «Ikke startet».",
	 "5. Fyll inn årets verdier på arket Indikatorer. Ikke flytt eller slett kolonner eller "
	 "radene øverst: de brukes når skjemaet leses inn igjen."},
	"Statusverdier",
	{NULL, "Arbeidet er ikke begynt.", "Arbeidet er i gang og har en sluttdato.",
	 "En fast, løpende aktivitet uten sluttdato.", "Arbeidet er i gang, men ligger etter planen.",
	 "Tiltaket er gjennomført.", "Tiltaket er stoppet og skal ikke gjennomføres."},
	"Frist: %s.", "Frist: se brevet eller e-posten skjemaet kom med.",
	"Send det utfylte skjemaet til: %s.",
	"Send det utfylte skjemaet tilbake til %s, til den som sendte det til dere.",
	"Statusskjema %d for %s: %s.\n"
	"Fyll inn en <status> per tiltak dere rapporterer på, med value en av:\n"
	"%s.\nprogress=\"0-100\" kan legges til. Et tiltak uten <status> står som ikke rapportert.",
	"Fyll inn:", "Verdi %d:",
};

static const words nn = {
	"nn",
	{"Id", "Innsatsområde", "Tiltak", "Status %d", "Kommentar %d", "Status %d", "Framdrift %%",
	 "Kommentar %d"},
	"Statusskjema %d – %s", "Plan", "Eigar", "År",
	{"Id", "Indikator", "Eining", "Siste verdi", "Verdi %d"},
	"samla",
	"Ukjend status", "Ugyldig verdi", "Vel ein status frå lista.", "Skriv eit heilt tal frå 0 til 100.",
	"Skriv eit tal.",
	"Rettleiing", "Skjemaet samlar status for %d for tiltaka %s har ansvar for i «%s».",
	{"1. Arket Status har éi rad per tiltak. Dei grå felta viser tiltaket og fjorårets "
	 "status og kan ikkje endrast.",
	 "2. Vel status for i år i kolonnen «Status %d» (nedtrekksliste).",
	 "3. Skriv gjerne framdrift i prosent (0–100) og ein kort kommentar.",
	 "4. La felta stå tomme for tiltak de ikkje rapporterer på: dei blir ståande som "
	 "ikkje rapportert, ikkje som «Ikkje starta».",
	 "5. Fyll inn årets verdiar på arket Indikatorer. Ikkje flytt eller slett kolonnar eller "
	 "radene øvst: dei blir brukte når skjemaet blir lese inn att."},
	"Statusverdiar",
	{NULL, "Arbeidet er ikkje byrja.", "Arbeidet er i gang og har ein sluttdato.",
	 "Ein fast, løpande aktivitet utan sluttdato.", "Arbeidet er i gang, men ligg etter planen.",
	 "Tiltaket er gjennomført.", "Tiltaket er stoppa og skal ikkje gjennomførast."},
	"Frist: %s.", "Frist: sjå brevet eller e-posten skjemaet kom med.",
	"Send det utfylte skjemaet til: %s.",
	"Send det utfylte skjemaet tilbake til %s, til den som sende det til dykk.",
	"Statusskjema %d for %s: %s.\n"
	"Fyll inn ein <status> per tiltak de rapporterer på, med value ein av:\n"
	"%s.\nprogress=\"0-100\" kan leggjast til. Eit tiltak utan <status> står som ikkje rapportert.",
	"Fyll inn:", "Verdi %d:",
};

static const words en = {
	"en",
	{"Id", "Focus area", "Measure", "Status %d", "Comment %d", "Status %d", "Progress %%",
	 "Comment %d"},
	"Status form %d – %s", "Plan", "Owner", "Year",
	{"Id", "Indicator", "Unit", "Latest value", "Value %d"},
	"overall",
	"Unknown status", "Invalid value", "Choose a status from the list.", "Enter a whole number from 0 to 100.",
	"Enter a number.",
	"Guidance", "This form collects the %d status of the measures %s is responsible for in “%s”.",
	{"1. The sheet Status has one row per measure. The grey cells show the measure and last "
	 "year's status and cannot be changed.",
	 "2. Choose this year's status in the column “Status %d” (drop-down list).",
	 "3. Add the progress in per cent (0–100) and a short comment if you like.",
	 "4. Leave the cells empty for measures you do not report on: they stay not reported, "
	 "not “Not started”.",
	 "5. Enter this year's values on the sheet Indikatorer. Do not move or delete columns or "
	 "the top rows: they are used when the form is read back."},
	"Status values",
	{NULL, "Work has not begun.", "Work is under way and has an end date.",
	 "A standing activity without an end date.", "Work is under way but behind plan.",
	 "The measure is done.", "The measure was stopped and will not be carried out."},
	"Deadline: %s.", "Deadline: see the letter or e-mail the form came with.",
	"Send the completed form to: %s.",
	"Send the completed form back to %s, to whoever sent it to you.",
	"Status form %d for %s: %s.\n"
	"Add one <status> per measure you report on, with value one of:\n"
	"%s.\nprogress=\"0-100\" may be added. A measure without <status> stays not reported.",
	"Fill in:", "Value %d:",
};

static const words *words_for(const char *code)
{
	if (code && strcmp(code, "nn") == 0)
		return &nn;
	if (code && strcmp(code, "en") == 0)
		return &en;
	return &nb;
}

const char *const *form_headers(const char *lang)
{
	if (!lang ||
	    (strcmp(lang, "nb") != 0 && strcmp(lang, "nn") != 0 && strcmp(lang, "en") != 0))
		return NULL;
	return words_for(lang)->heads;
}

const char *const *form_ind_headers(const char *lang)
{
	return form_headers(lang) ? words_for(lang)->ind_heads : NULL;
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
	/* Ids become file names only when they cannot climb out of dir (the
	 * rule of render_path). */
	const char *ids[2] = {plan_id, owner_id};
	for (int i = 0; i < 2; i++) {
		const char *s = ids[i];
		if (!s || !*s || *s == '.')
			return -1;
		for (; *s; s++)
			if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
			      (*s >= '0' && *s <= '9') || *s == '.' || *s == '_' || *s == '-'))
				return -1;
	}
	int k = snprintf(path, n, "%s/%s-%d-%s-skjema.%s", dir, plan_id, year, owner_id, ext);
	return k < 0 || (size_t)k >= n ? -1 : 0;
}

/* ---- texts ---------------------------------------------------------------- */

/* A rich-text fragment as plain text, blocks on lines of their own. */
static char *plain(arena *a, const doc_node *n)
{
	if (!n)
		return NULL;
	buf b = BUF_INIT;
	doc_iter it;
	const doc_node *c;
	doc_event ev;
	doc_iter_init(&it, n);
	while ((ev = doc_iter_next(&it, &c)) != DOC_EV_DONE) {
		if (ev != DOC_EV_ENTER)
			continue;
		if (c->type == DOC_TEXT) {
			buf_put(&b, c->u.text.text, c->u.text.len);
		} else if (c->type == DOC_BREAK) {
			buf_putc(&b, ' ');
		} else if (c != n && !doc_is_inline(c->type) && b.len && b.data[b.len - 1] != '\n') {
			buf_putc(&b, '\n');
		}
	}
	while (b.len && (b.data[b.len - 1] == '\n' || b.data[b.len - 1] == ' '))
		b.len--;
	char *s = b.failed ? NULL : arena_strndup(a, b.len ? (const char *)b.data : "", b.len);
	if (b.failed)
		a->failed = 1;
	buf_free(&b);
	return s;
}

typedef struct fctx {
	arena a;
	const plan *p;
	const owner *o;
	const words *w;
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
	f->w = words_for(lang);
	f->l = labels_for(f->w->code);
	f->year = fo->year ? fo->year : form_default_year(p);
}

/* Last year's status of m for the owner ("Pågår, 40 %"), its comment, and
 * a mark when it is the measure's overall status instead. */
static void last_status(fctx *f, const measure *m, const char **word, const char **comment)
{
	int fb = 0;
	const status *s = model_status(m, f->year - 1, f->o, 1, &fb);
	*word = *comment = NULL;
	if (!s)
		return;
	const char *w = f->l->status[s->value];
	if (s->progress >= 0)
		w = arena_printf(&f->a, "%s, %d\xc2\xa0%%", w, s->progress);
	if (fb)
		w = arena_printf(&f->a, "%s (%s)", w, f->w->overall);
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
	for (int v = ST_NOT_STARTED; v < ST_COUNT; v++) {
		if (v > ST_NOT_STARTED)
			buf_puts(&b, sep);
		buf_printf(&b, quote ? "\"%s\"" : "%s",
			   tokens ? model_status_name((status_value)v) : f->l->status[v]);
	}
	const char *s = b.failed ? NULL : arena_strndup(&f->a, (const char *)b.data, b.len);
	buf_free(&b);
	return s;
}

/* ---- the spreadsheet ---------------------------------------------------------- */

/* Column widths in mm.  The Status sheet fits the 26.7 cm between A4
 * landscape margins at 100 %: scaled down to fit, LibreOffice wraps some
 * texts onto one more line in print than the row height it computed. */
static const int status_w[FORM_NCOLS] = {12, 32, 68, 21, 44, 24, 20, 44};
static const int ind_w[FORM_IND_NCOLS] = {40, 110, 20, 30, 26};
static const int help_w[2] = {32, 200};
static const int all_w[] = {12, 20, 21, 24, 26, 30, 32, 40, 44, 68, 110, 200};

static void status_sheet(fctx *f, ods *o)
{
	const words *w = f->w;
	const plan *p = f->p;
	ods_table_start(o, FORM_SHEET_STATUS, 1, status_w, FORM_NCOLS);
	ods_header_rows_start(o);
	ods_row_start(o);
	ods_cell_span(o, ODS_TITLE, arena_printf(&f->a, w->title, f->year, f->o->name), FORM_NCOLS);
	ods_row_end(o);
	ods_row_start(o);
	ods_cell(o, ODS_KEY, w->plan);
	ods_cell(o, ODS_KEY, p->id);
	ods_cell(o, ODS_KEY, NULL); /* left empty: the plan id runs on into it */
	ods_cell(o, ODS_KEY, w->owner);
	ods_cell(o, ODS_KEY, f->o->id);
	ods_cell(o, ODS_KEY, w->year);
	char y[16];
	snprintf(y, sizeof y, "%d", f->year);
	ods_cell_number(o, ODS_KEY, y, y);
	ods_cell(o, ODS_KEY, w->code);
	ods_row_end(o);
	ods_row_start(o);
	for (int c = 0; c < FORM_NCOLS; c++) {
		int yr = c == FORM_COL_LAST || c == FORM_COL_LAST_COMMENT ? f->year - 1 : f->year;
		ods_cell(o, ODS_HEAD, arena_printf(&f->a, w->heads[c], yr));
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
	const words *w = f->w;
	ods_table_start(o, FORM_SHEET_IND, 1, ind_w, FORM_IND_NCOLS);
	ods_header_rows_start(o);
	ods_row_start(o);
	for (int c = 0; c < FORM_IND_NCOLS; c++)
		ods_cell(o, ODS_HEAD, arena_printf(&f->a, w->ind_heads[c], f->year));
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
	const words *w = f->w;
	const fctx *cf = f;
	ods_table_start(o, FORM_SHEET_HELP, 1, help_w, 2);
	help_row(o, ODS_TITLE, arena_printf(&f->a, "%s: %s", w->help_title,
					    arena_printf(&f->a, w->title, f->year, f->o->name)));
	help_row(o, ODS_TEXT, arena_printf(&f->a, w->help_intro, f->year, f->o->name, f->p->title));
	help_row(o, ODS_TEXT, NULL);
	for (int i = 0; i < 5; i++)
		help_row(o, ODS_TEXT, arena_printf(&f->a, w->help_steps[i], f->year));
	help_row(o, ODS_TEXT, NULL);
	help_row(o, ODS_BOLD, w->values_title);
	for (int v = ST_NOT_STARTED; v < ST_COUNT; v++) {
		ods_row_start(o);
		ods_cell(o, ODS_RO, cf->l->status[v]);
		ods_cell(o, ODS_RO, w->meanings[v]);
		ods_row_end(o);
	}
	help_row(o, ODS_TEXT, NULL);
	const char *dl = w->deadline_none;
	if (f->fo->deadline) {
		char date[64];
		labels_date_iso(f->l, f->fo->deadline, date, sizeof date);
		dl = arena_printf(&f->a, w->deadline, date);
	}
	help_row(o, ODS_BOLD, dl);
	help_row(o, ODS_TEXT, f->fo->contact ? arena_printf(&f->a, w->contact, f->fo->contact)
					     : arena_printf(&f->a, w->contact_none,
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
	snprintf(lang, sizeof lang, "%s", f.w->code);
	/* The conditions as LibreOffice writes them: the "of:" prefix once, in
	 * front, and commas between a function's arguments; LibreOffice
	 * silently drops a condition it cannot parse. */
	const ods_validation vals[] = {
		{"valStatus", arena_printf(&f.a, "of:cell-content-is-in-list(%s)", list ? list : ""), 1,
		 FORM_SHEET_STATUS ".F4", f.w->bad_status_title, f.w->bad_status},
		{"valProgress",
		 "of:cell-content-is-whole-number() and cell-content-is-between(0,100)", 0,
		 FORM_SHEET_STATUS ".G4", f.w->bad_value_title, f.w->bad_progress},
		{"valNumber",
		 "of:cell-content-is-decimal-number() and "
		 "cell-content-is-between(-1000000000000,1000000000000)", 0, FORM_SHEET_IND ".E2",
		 f.w->bad_value_title, f.w->bad_number},
	};
	const ods_freeze fr[] = {
		{FORM_SHEET_STATUS, FORM_ROW_HEAD, FORM_COL_STATUS, FORM_ROW_FIRST - 1},
		{FORM_SHEET_IND, 1, FORM_IND_VALUE, 1},
		{FORM_SHEET_HELP, 0, 0, 0},
	};
	static const char *const unames[] = {"statusrapport-plan", "statusrapport-owner",
					     "statusrapport-year", "statusrapport-lang"};
	const char *uvals[] = {p->id, ow->id, y, lang};
	ods_spec spec = {
		f.l->code, strcmp(f.l->code, "en") ? "NO" : "GB", fo->now,
		arena_printf(&f.a, f.w->title, f.year, ow->name), unames, uvals, 4,
		all_w, sizeof all_w / sizeof all_w[0], vals, 3, fr, 3,
		arena_printf(&f.a, f.w->title, f.year, ow->name),
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

/* Text for a comment: wrapped at about 76 columns, each line indented. */
static void wrapped(buf *b, const char *s, const char *indent)
{
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
	wrapped(&c, arena_printf(&f.a, f.w->xml_intro, f.year, ow->name, p->title,
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
			   f.w->xml_fill, m->id);
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
			buf_printf(&c, "%s%s: %s", ind, f.w->ind_heads[FORM_IND_LAST], lv);
		buf_puts(&c, ind);
		buf_printf(&c, f.w->xml_value, f.year);
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

static sr_status owners_for(const plan *p, const char *owner_id, const char *type_name,
			    const owner ***out, size_t *n, diag *d)
{
	static const char *const types[] = {"rhf", "hf", "group", "other"};
	*out = NULL;
	*n = 0;
	/* NOLINTNEXTLINE(bugprone-sizeof-expression): an array of pointers */
	const owner **list = xcalloc(p->nowners + 1, sizeof *list);
	if (!list) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
		return SR_SYSTEM;
	}
	if (owner_id) {
		if (!(list[0] = model_owner(p, owner_id))) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "--owner %s: no such owner in the plan", owner_id);
			xfree(list);
			return SR_USAGE;
		}
		*n = 1;
	} else {
		const char *t = type_name ? type_name : "hf";
		int k = -1;
		for (int i = 0; i < 4; i++)
			if (strcmp(t, types[i]) == 0)
				k = i;
		if (k < 0) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "--type %s: use rhf, hf, group or other", t);
			xfree(list);
			return SR_USAGE;
		}
		for (size_t i = 0; i < p->nowners; i++)
			if ((int)p->owners[i]->type == k)
				list[(*n)++] = p->owners[i];
		if (!*n) {
			char have[64];
			model_owner_types(p, have, sizeof have);
			diag_add(d, DIAG_ERROR, NULL, 0, 0,
				 "no owner in the plan is of type %s (its owners are of type %s); "
				 "choose with --type or --owner", t, have);
			xfree(list);
			return SR_USAGE;
		}
	}
	*out = list;
	return SR_OK;
}

sr_status form_write_all(const plan *p, const char *owner_id, const char *type_name,
			 const form_opts *fo, int xml, const char *dir,
			 const char *const *inputs, int *written, int *total, diag *d)
{
	const owner **owners;
	size_t n;
	int year = fo->year ? fo->year : form_default_year(p);
	*written = *total = 0;
	sr_status worst = owners_for(p, owner_id, type_name, &owners, &n, d);
	if (worst != SR_OK)
		return worst;
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
	xfree(owners);
	return worst;
}
