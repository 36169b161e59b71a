/* template.c: reading report templates (see template.h).  Owns the
 * template's arena; reads the logo's header to check it, never decodes. */
#include "template.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "image.h"
#include "base/xalloc.h"
#include "doc/palette.h"

extern const unsigned char embedded_template_rng[];
extern const size_t embedded_template_rng_len;
/* The built-in templates: each one's name and the symbol scripts/embed
 * makes of templates/NAME.xml. */
#define BUILTINS(X)                                                                     \
	X("arsrapport", arsrapport) X("styremote", styremote) X("helseforetak", helseforetak) \
	X("arlig-melding", arlig_melding)

#define DECLARE(name, sym)                            \
	extern const unsigned char embedded_##sym##_xml[]; \
	extern const size_t embedded_##sym##_xml_len;
BUILTINS(DECLARE)

static const struct builtin {
	const char *name;
	const unsigned char *data;
	const size_t *len;
} builtins[] = {
#define ROW(name, sym) {name, embedded_##sym##_xml, &embedded_##sym##_xml_len},
	BUILTINS(ROW)
};

const char *const *template_builtin_names(void)
{
#define NAME(name, sym) name,
	static const char *const names[] = {BUILTINS(NAME) NULL};
	return names;
}

sr_status template_schema_load(xmlin_schema **out, diag *d)
{
	return xmlin_schema_load(out, "template.rng", embedded_template_rng,
				 embedded_template_rng_len, d);
}

void template_free(template *t)
{
	if (!t)
		return;
	arena_free(&t->arena);
	xfree(t);
}

static int is(const xmlNode *n, const char *name) { return xmlin_is_ns(n, TEMPLATE_NS, name); }

/* "25mm" -> points; -1 when malformed. */
static double length(const char *s)
{
	if (!s)
		return -1;
	char *end;
	double v = strtod(s, &end);
	if (end == s || v < 0)
		return -1;
	if (strcmp(end, "mm") == 0)
		return v * 72.0 / 25.4;
	if (strcmp(end, "cm") == 0)
		return v * 72.0 / 2.54;
	if (strcmp(end, "in") == 0)
		return v * 72.0;
	if (strcmp(end, "pt") == 0)
		return v;
	return -1;
}

static void attr_length(xmlin_walk *w, const xmlNode *n, const char *name, double *out,
			double lo, double hi)
{
	const char *s = xmlin_attr(n, name);
	if (!s)
		return;
	double v = length(s);
	if (v < 0)
		xmlin_err(w, n, "%s=\"%s\" is not a length; write a number with mm, cm, pt or in, like 25mm",
			  name, s);
	else if (v < lo || v > hi) {
		/* the range in the unit the reader wrote, rounded inwards */
		const char *unit = s + strspn(s, "0123456789.+-eE ");
		double per = v / strtod(s, NULL); /* points per unit */
		if (!(per > 0))
			per = 1, unit = "pt";
		double a = ceil(lo / per * 10) / 10, b = floor(hi / per * 10) / 10;
		xmlin_err(w, n, "%s=\"%s\" is out of range; write %g%s to %g%s", name, s, a, unit, b, unit);
	}
	else
		*out = v;
}

static void attr_colour(xmlin_walk *w, const xmlNode *n, const char *name, uint32_t *out)
{
	const char *s = xmlin_attr(n, name);
	if (!s)
		return;
	char *end;
	unsigned long v = strtoul(s + 1, &end, 16);
	if (s[0] != '#' || strlen(s) != 7 || *end)
		xmlin_err(w, n, "%s=\"%s\" is not a colour; write #RRGGBB, like #1F3B57", name, s);
	else
		*out = (uint32_t)v;
}

/* A plain number in [lo, hi] ("1.38"). */
static void attr_number(xmlin_walk *w, const xmlNode *n, const char *name, double *out,
			double lo, double hi)
{
	const char *s = xmlin_attr(n, name);
	if (!s)
		return;
	char *end;
	double v = strtod(s, &end);
	if (end == s || *end)
		xmlin_err(w, n, "%s=\"%s\" is not a number; write one like 1.3", name, s);
	else if (v < lo || v > hi)
		xmlin_err(w, n, "%s=\"%s\" is out of range (%g to %g)", name, s, lo, hi);
	else
		*out = v;
}

/* yes or no into *out (1 or 0); the schema allows nothing else. */
/* For an attribute the schema limits to two words: an absent one leaves
 * the default standing, a present one sets *out to whether it is `word`. */
static void attr_is(const xmlNode *n, const char *name, const char *word, int *out)
{
	const char *s = xmlin_attr(n, name);
	if (s)
		*out = strcmp(s, word) == 0;
}

static void attr_yesno(const xmlNode *n, const char *name, int *out)
{
	attr_is(n, name, "yes", out);
}

static void page(xmlin_walk *w, template *t, const xmlNode *c)
{
	static const struct { const char *n; double w, h; } sizes[] = {
		{"A4", 595.276, 841.890}, {"A5", 419.528, 595.276},
		{"A3", 841.890, 1190.551}, {"letter", 612, 792}};
	const char *size = xmlin_attr(c, "size"), *o = xmlin_attr(c, "orientation");
	doc_style *st = &t->style;
	int found = !size;
	for (size_t i = 0; size && i < sizeof sizes / sizeof *sizes; i++)
		if (strcmp(size, sizes[i].n) == 0) {
			st->page_w = sizes[i].w;
			st->page_h = sizes[i].h;
			found = 1;
		}
	if (!found)
		xmlin_err(w, c, "size=\"%s\" is not a page size; use A4, A5, A3 or letter", size);
	if (o && strcmp(o, "landscape") == 0) {
		if (isnan(st->page_w))
			st->page_w = sizes[0].w, st->page_h = sizes[0].h;
		double x = st->page_w;
		st->page_w = st->page_h;
		st->page_h = x;
	} else if (o && strcmp(o, "portrait") != 0) {
		xmlin_err(w, c, "orientation=\"%s\" must be portrait or landscape", o);
	}
	attr_length(w, c, "margin-top", &st->margin_top, 0, 200);
	attr_length(w, c, "margin-bottom", &st->margin_bottom, 0, 200);
	attr_length(w, c, "margin-left", &st->margin_left, 0, 200);
	attr_length(w, c, "margin-right", &st->margin_right, 0, 200);
	doc_style r;
	doc_style_fill(&r, st);
	if (r.margin_left + r.margin_right > r.page_w * 0.6 ||
	    r.margin_top + r.margin_bottom > r.page_h * 0.6)
		xmlin_err(w, c, "the margins leave too little room for text");
}

static void colours(xmlin_walk *w, template *t, const xmlNode *c)
{
	doc_style *st = &t->style;
	attr_colour(w, c, "text", &st->text_rgb);
	attr_colour(w, c, "heading", &st->heading_rgb);
	attr_colour(w, c, "rule", &st->rule_rgb);
	attr_colour(w, c, "muted", &st->muted_rgb);
	attr_colour(w, c, "link", &st->link_rgb);
	attr_colour(w, c, "header-fill", &st->table.header_rgb);
	attr_colour(w, c, "header-text", &st->table.header_text_rgb);
	for (const xmlNode *s = xmlin_first(c); s; s = xmlin_next(s)) {
		if (!is(s, "status"))
			continue;
		const char *v = xmlin_attr(s, "value");
		status_value sv = model_status_parse(v);
		if (!sv) {
			xmlin_err(w, s, "\"%s\" is not a status; use one of: %s, or for plans with "
				  "status-set=\"achievement\": %s", v ? v : "",
				  model_status_set_values(SET_PROGRESS), model_status_set_values(SET_ACHIEVEMENT));
			continue;
		}
		attr_colour(w, s, "fill", &st->status_fill[sv]);
		attr_colour(w, s, "text", &st->status_text[sv]);
		if (xmlin_attr(s, "fill") || xmlin_attr(s, "text"))
			t->status_at[sv] = xmlin_pos(w->file, s);
		const char *sym = xmlin_attr(s, "symbol");
		if (sym)
			st->status_symbol[sv] = arena_strdup(&t->arena, sym);
	}
}

/* <paragraph role="..."> or <heading level="..."> */
static void role_of(xmlin_walk *w, template *t, const xmlNode *c)
{
	static const char *const roles[DOC_P_COUNT] = {"body", "title", "subtitle",
						       "note", "caption", "lead"};
	doc_role *r = NULL;
	if (is(c, "heading")) {
		const char *lv = xmlin_attr(c, "level");
		int l = lv ? atoi(lv) : 0;
		if (l < 1 || l > DOC_HEADINGS)
			xmlin_err(w, c, "level=\"%s\" must be 1, 2 or 3", lv ? lv : "");
		else
			r = &t->style.heading[l - 1];
	} else {
		const char *ro = xmlin_attr(c, "role");
		for (int i = 0; ro && i < DOC_P_COUNT; i++)
			if (strcmp(ro, roles[i]) == 0)
				r = &t->style.para[i];
		if (!r)
			xmlin_err(w, c, "role=\"%s\" is not a paragraph role; use body, title, "
				  "subtitle, note, caption or lead", ro ? ro : "");
	}
	if (!r)
		return;
	attr_length(w, c, "size", &r->size, 4, 72);
	attr_number(w, c, "leading", &r->leading, 0.8, 3);
	attr_length(w, c, "space-before", &r->before, 0, 144);
	attr_length(w, c, "space-after", &r->after, 0, 144);
	attr_is(c, "weight", "bold", &r->bold);
	attr_colour(w, c, "colour", &r->rgb);
	attr_yesno(c, "hyphenate", &r->hyphenate);
	attr_yesno(c, "keep-with-next", &r->keep_with_next);
}

static void table(xmlin_walk *w, template *t, const xmlNode *c)
{
	doc_table_style *ts = &t->style.table;
	attr_length(w, c, "size", &ts->size, 4, 24);
	attr_length(w, c, "padding", &ts->pad, 0, 36);
	attr_length(w, c, "dense-padding", &ts->dense_pad, 0, 36);
	attr_length(w, c, "rule", &ts->rule_w, 0, 6);
	attr_length(w, c, "header-rule", &ts->header_rule_w, 0, 6);
	attr_is(c, "borders", "grid", &ts->grid);
	attr_yesno(c, "zebra", &ts->zebra);
	attr_colour(w, c, "zebra-fill", &ts->zebra_rgb);
}

static void list(xmlin_walk *w, template *t, const xmlNode *c)
{
	attr_length(w, c, "indent", &t->style.list.indent, 6, 72);
	const char *b = xmlin_attr(c, "bullets");
	if (!b)
		return;
	/* white-space separated, one per level */
	int n = 0;
	for (const char *p = b; *p && n < DOC_BULLETS;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		const char *e = p;
		while (*e && *e != ' ' && *e != '\t' && *e != '\n')
			e++;
		if (e > p)
			t->style.list.bullet[n++] = arena_strndup(&t->arena, p, (size_t)(e - p));
		p = e;
	}
	if (!n)
		xmlin_err(w, c, "bullets=\"%s\" has no bullet; write them apart, like \"* -\"", b);
}

static void chart(xmlin_walk *w, template *t, const xmlNode *c)
{
	const char *p = xmlin_attr(c, "palette");
	for (int n = 0; p && *p && n < DOC_PALETTE; n++) {
		while (*p == ' ')
			p++;
		char *end;
		unsigned long v = *p == '#' ? strtoul(p + 1, &end, 16) : 0;
		if (*p != '#' || end != p + 7 || (*end && *end != ' ')) {
			xmlin_err(w, c, "palette=\"%s\" must be colours like #1F3B57, apart", xmlin_attr(c, "palette"));
			return;
		}
		t->style.chart.palette[n] = (uint32_t)v;
		p = end;
	}
}

/* The section appended to t, or NULL when memory ran out (t's arena says
 * so). */
static tpl_section *add_section(xmlin_walk *w, template *t, tpl_sec kind, int level, int vision)
{
	(void)w;
	tpl_section *v = arena_grow(&t->arena, t->sections, t->nsections, &t->capsections, sizeof *v);
	if (!v)
		return NULL;
	t->sections = v;
	v[t->nsections] = (tpl_section){kind, level, vision, 1, 0};
	return &v[t->nsections++];
}

/* c's attribute name, yes or no, as 1 or 0; dflt when c has none, or an
 * error and dflt when it is something else. */
static int yes_no(xmlin_walk *w, const xmlNode *c, const char *name, int dflt)
{
	const char *v = xmlin_attr(c, name);
	if (!v)
		return dflt;
	if (strcmp(v, "yes") == 0 || strcmp(v, "no") == 0)
		return v[0] == 'y';
	xmlin_err(w, c, "%s=\"%s\" must be yes or no", name, v);
	return dflt;
}

static int leaf(xmlin_walk *w, template *t, const xmlNode *c, int level)
{
	static const struct { const char *name; tpl_sec kind; } names[] = {
		{"about", TPL_ABOUT}, {"changes", TPL_CHANGES}, {"counts", TPL_COUNTS},
		{"indicators", TPL_INDICATORS}, {"summaries", TPL_SUMMARIES},
		{"matrix", TPL_MATRIX}, {"deviations", TPL_DEVIATIONS}, {"areas", TPL_AREAS},
		{"owners", TPL_OWNERS}, {"key-messages", TPL_KEY_MESSAGES},
		{"figures", TPL_FIGURES}, {"own-summary", TPL_OWN_SUMMARY},
		{"fell-back", TPL_FELL_BACK}, {"goals", TPL_GOALS}, {"case", TPL_CASE},
		{"resolution", TPL_RESOLUTION}};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		if (!is(c, names[i].name))
			continue;
		tpl_section *sec = add_section(w, t, names[i].kind, level, yes_no(w, c, "vision", 1));
		if (!sec)
			return 1;
		/* <counts chart="no"/>, <indicators charts="no"/>; <areas
		 * targets="yes"/>: the annual message's rows */
		sec->charts = yes_no(w, c, names[i].kind == TPL_COUNTS ? "chart" : "charts", 1);
		sec->targets = yes_no(w, c, "targets", 0);
		return 1;
	}
	return 0;
}

/* Read t->logo_path's header for its size in pixels. */
static sr_status probe_logo(template *t, srcpos at, diag *d)
{
	image_info info;
	sr_status st = image_probe_file(t->logo_path, &info, at, d);
	if (st == SR_OK) {
		t->logo_px_w = info.width;
		t->logo_px_h = info.height;
	}
	return st;
}

sr_status template_set_logo(template *t, const char *path, diag *d)
{
	const char *p = arena_strdup(&t->arena, path);
	if (!p) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
		return SR_SYSTEM;
	}
	t->logo_path = p;
	if (!(t->logo_width > 0))
		t->logo_width = 113.4; /* 40 mm, as <logo> without a width */
	t->logo_px_w = t->logo_px_h = 0;
	return probe_logo(t, (srcpos){p, 0, 0}, d); /* the message names the file */
}

static void walk(xmlin_walk *w, const xmlNode *root)
{
	template *t = w->ctx;
	arena *a = &t->arena;
	t->file = w->file;
	t->name = arena_strdup(a, xmlin_attr(root, "name"));
	for (const char *c = t->name; c && *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-')) {
			xmlin_err(w, root, "name=\"%s\" must be lower-case letters, digits and '-'", t->name);
			break;
		}
	const char *kind = xmlin_attr(root, "kind");
	t->kind = !kind || strcmp(kind, "annual") == 0 ? TPL_ANNUAL
		  : strcmp(kind, "board") == 0        ? TPL_BOARD
		  : strcmp(kind, "owner") == 0        ? TPL_OWNER
						      : TPL_ANNUAL;
	if (kind && strcmp(kind, "annual") != 0 && strcmp(kind, "board") != 0 &&
	    strcmp(kind, "owner") != 0)
		xmlin_err(w, root, "kind=\"%s\" is not a report kind; use annual, board or owner", kind);
	t->lang = arena_strdup(a, xmlin_attr(root, "lang"));
	if (t->lang && strcmp(t->lang, "nb") != 0 && strcmp(t->lang, "nn") != 0 &&
	    strcmp(t->lang, "en") != 0)
		xmlin_err(w, root, "lang=\"%s\" is not a report language; use nb, nn or en", t->lang);
	/* pdfa="yes" makes tagged PDF/A-2a this template's default */
	t->pdfa = yes_no(w, root, "pdfa", 0);
	const char *docu = xmlin_attr(root, "document");
	t->annual_message = docu && strcmp(docu, "annual-message") == 0;
	if (docu && !t->annual_message && strcmp(docu, "status-report") != 0)
		xmlin_err(w, root, "document=\"%s\" is not a document type; use status-report or annual-message",
			  docu);
	for (const xmlNode *c = xmlin_first(root); c; c = xmlin_next(c)) {
		if (is(c, "description")) {
			xmlChar *s = xmlNodeGetContent(c);
			t->description = arena_strdup(a, (const char *)s);
			xmlFree(s);
		} else if (is(c, "page")) {
			page(w, t, c);
		} else if (is(c, "font")) {
			const char *fam = xmlin_attr(c, "family");
			if (fam) {
				t->style.font_family = arena_strdup(a, fam);
				t->font_at = xmlin_pos(w->file, c);
			}
			attr_length(w, c, "size", &t->style.font_size, 6, 24);
			attr_number(w, c, "leading", &t->style.para[DOC_P_BODY].leading, 0.8, 3);
		} else if (is(c, "colours")) {
			colours(w, t, c);
		} else if (is(c, "paragraph") || is(c, "heading")) {
			role_of(w, t, c);
		} else if (is(c, "table")) {
			table(w, t, c);
		} else if (is(c, "list")) {
			list(w, t, c);
		} else if (is(c, "chart")) {
			chart(w, t, c);
		} else if (is(c, "logo")) {
			const char *src = xmlin_attr(c, "src");
			if (!src)
				continue;
			/* relative to the template's own folder */
			const char *slash = strrchr(w->file, '/');
			t->logo_path = src[0] == '/' || !slash
				? arena_strdup(a, src)
				: arena_printf(a, "%.*s/%s", (int)(slash - w->file), w->file, src);
			t->logo_width = 113.4; /* 40 mm */
			attr_length(w, c, "width", &t->logo_width, 10, 400);
			if (probe_logo(t, xmlin_pos(w->file, c), w->d) != SR_OK)
				w->errors++;
		} else if (is(c, "sections")) {
			for (const xmlNode *s = xmlin_first(c); s; s = xmlin_next(s)) {
				if (is(s, "title-block")) {
					add_section(w, t, TPL_TITLE, 1, 0);
				} else if (is(s, "cover")) {
					if (t->nsections)
						xmlin_err(w, s, "<cover/> must be the first section: the cover "
							  "is the report's first page");
					add_section(w, t, TPL_COVER, 1, 0);
					attr_length(w, s, "space-above", &t->style.cover_space, 0, 600);
				} else if (is(s, "intro")) {
					add_section(w, t, TPL_INTRO, 1, 0);
				} else if (is(s, "toc")) {
					add_section(w, t, TPL_TOC, 1, 0);
				} else if (is(s, "page-break")) {
					add_section(w, t, TPL_PAGE_BREAK, 1, 0);
				} else if (is(s, "summary")) {
					add_section(w, t, TPL_SUMMARY_BEGIN, 1, 0);
					for (const xmlNode *k = xmlin_first(s); k; k = xmlin_next(k))
						leaf(w, t, k, 2);
					add_section(w, t, TPL_SUMMARY_END, 1, 0);
				} else {
					leaf(w, t, s, 1);
				}
			}
		}
	}
}

int template_is_file(const char *name)
{
	size_t n = strlen(name);
	return strchr(name, '/') || (n > 4 && strcmp(name + n - 4, ".xml") == 0);
}

sr_status template_load(template **out, const xmlin_schema *schema, const char *name, diag *d)
{
	*out = NULL;
	const struct builtin *b = NULL;
	if (!template_is_file(name)) {
		for (size_t i = 0; i < sizeof builtins / sizeof *builtins; i++)
			if (strcmp(builtins[i].name, name) == 0)
				b = &builtins[i];
		if (!b) {
			/* "arsrapport, styremote and helseforetak" */
			char list[256] = "";
			size_t nb = sizeof builtins / sizeof *builtins;
			for (size_t i = 0; i < nb; i++)
				snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
					 i == 0 ? "" : i + 1 < nb ? ", " : " and ", builtins[i].name);
			diag_add(d, DIAG_ERROR, NULL, 0, 0,
				 "unknown template \"%s\"; the built-in ones are %s, or give a path to "
				 "your own template file", name, list);
			return SR_USAGE;
		}
	}
	template *t = xcalloc(1, sizeof *t);
	if (!t) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
		return SR_SYSTEM;
	}
	arena_init(&t->arena);
	doc_style_unset(&t->style);
	xmlin_walk w = {0};
	w.a = &t->arena;
	w.ctx = t;
	sr_status st;
	if (b) {
		char label[64];
		snprintf(label, sizeof label, "templates/%s.xml", b->name);
		st = xmlin_read(NULL, label, (const char *)b->data, *b->len, "statusrapport template",
				TEMPLATE_NS, "template", NULL, NULL, walk, &w, d);
	} else if (!schema) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "the template schema is not loaded");
		st = SR_SYSTEM;
	} else {
		char *data;
		size_t len;
		st = xmlin_slurp(name, &data, &len, d);
		if (st == SR_OK) {
			st = xmlin_read(schema, name, data, len, "statusrapport template", TEMPLATE_NS,
					"template", NULL, NULL, walk, &w, d);
			xfree(data);
		}
	}
	if (st == SR_OK && t->nsections == 0) {
		diag_add(d, DIAG_ERROR, t->file, 0, 0, "the template has no sections");
		st = SR_INVALID;
	}
	if (st != SR_OK) {
		template_free(t);
		return st;
	}
	doc_style set = t->style;
	doc_style_fill(&t->style, &set);
	*out = t;
	return SR_OK;
}

/* ---- the status palette's rules ------------------------------------------ */

static const char *fill_name(int i)
{
	return i == PALETTE_ON_TRACK ? "on track" : i == PALETTE_BEHIND ? "behind"
									  : model_status_name((status_value)i);
}

struct warn_ctx {
	const template *t;
	diag *d;
};

static void palette_warn(void *ctx, const palette_problem *p)
{
	const template *t = ((struct warn_ctx *)ctx)->t;
	diag *d = ((struct warn_ctx *)ctx)->d;
	srcpos at = {t->file, 0, 0};
	if (p->a < DOC_STATUSES && t->status_at[p->a].line)
		at = t->status_at[p->a];
	if (p->b < DOC_STATUSES && t->status_at[p->b].line > at.line)
		at = t->status_at[p->b];
	if (p->text) {
		diag_at(d, DIAG_WARNING, at,
			"the text of \"%s\" is too faint on its fill (contrast %.1f:1; at least "
			"%.1f:1 is needed)",
			fill_name(p->a), p->value, p->need);
		return;
	}
	diag_at(d, DIAG_WARNING, at,
		"the fills of \"%s\" and \"%s\" are too alike%s (difference %.1f; at least %.0f "
		"is needed)",
		fill_name(p->a), fill_name(p->b),
		p->vision == PALETTE_NORMAL ? "" : " for readers with red-green colour blindness",
		p->value, p->need);
}

int template_check_palette(const template *t, diag *d)
{
	struct warn_ctx ctx = {t, d};
	return palette_check(&t->style, palette_warn, &ctx, NULL);
}
