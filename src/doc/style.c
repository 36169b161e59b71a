/* style.c: the house style's defaults, the merge of a template's values
 * over them, and its dump (see style.h).  Allocates nothing. */
#include "style.h"

#include <math.h>
#include <string.h>

static const char *const role_key[DOC_P_COUNT] = {"body", "title", "subtitle",
						  "note", "caption", "lead"};

void doc_style_unset(doc_style *s)
{
	memset(s, 0, sizeof *s);
	double *len[] = {&s->page_w, &s->page_h, &s->margin_top, &s->margin_bottom,
			 &s->margin_left, &s->margin_right, &s->font_size,
			 &s->table.size, &s->table.leading, &s->table.note_size, &s->table.para_gap,
			 &s->table.pad, &s->table.dense_pad, &s->table.rule_w, &s->table.header_rule_w,
			 &s->table.before, &s->table.after,
			 &s->list.indent, &s->list.label_gap, &s->list.item_before, &s->list.after,
			 &s->toc.indent, &s->toc.leading, &s->toc.before_1, &s->toc.before,
			 &s->toc.after, &s->toc.hang[0], &s->toc.hang[1], &s->toc.hang[2],
			 &s->furniture_size, &s->furniture_rule_w, &s->header_gap, &s->footer_gap, &s->title_rule_w,
			 &s->title_rule_above, &s->title_rule_below,
			 &s->logo_w, &s->logo_h, &s->logo_after, &s->cover_space,
			 &s->chart.title_size, &s->chart.label_size,
			 &s->chart.verdict_size, &s->chart.line_w, &s->chart.track_w,
			 &s->chart.axis_w, &s->chart.grid_w, &s->chart.space};
	for (size_t i = 0; i < sizeof len / sizeof *len; i++)
		*len[i] = NAN;
	doc_role *roles[DOC_P_COUNT + DOC_HEADINGS];
	for (int i = 0; i < DOC_P_COUNT; i++)
		roles[i] = &s->para[i];
	for (int i = 0; i < DOC_HEADINGS; i++)
		roles[DOC_P_COUNT + i] = &s->heading[i];
	for (int i = 0; i < DOC_P_COUNT + DOC_HEADINGS; i++)
		*roles[i] = (doc_role){NAN, NAN, NAN, NAN, -1, DOC_UNSET_RGB, -1, -1};
	uint32_t *rgb[] = {&s->text_rgb, &s->heading_rgb, &s->rule_rgb, &s->muted_rgb, &s->link_rgb,
			   &s->table.header_rgb, &s->table.header_text_rgb, &s->table.zebra_rgb,
			   &s->on_track_fill, &s->on_track_text, &s->behind_fill, &s->behind_text,
			   &s->chart.title_rgb, &s->chart.label_rgb, &s->chart.axis_rgb,
			   &s->chart.grid_rgb, &s->chart.track_rgb, &s->chart.base_rgb,
			   &s->chart.target_rgb, &s->chart.on_track_rgb, &s->chart.behind_rgb,
			   &s->chart.unknown_rgb, &s->chart.no_status_rgb,
			   &s->chart.no_status_text_rgb};
	for (size_t i = 0; i < sizeof rgb / sizeof *rgb; i++)
		*rgb[i] = DOC_UNSET_RGB;
	for (int i = 0; i < DOC_STATUSES; i++)
		s->status_fill[i] = s->status_text[i] = DOC_UNSET_RGB;
	for (int i = 0; i < DOC_PALETTE; i++)
		s->chart.palette[i] = DOC_UNSET_RGB;
	s->table.grid = s->table.zebra = -1;
	s->min_lines = -1;
	s->pdfa = -1;
}

/* The built-in house style for body size b. */
static void defaults(doc_style *s, double b)
{
	memset(s, 0, sizeof *s);
	s->page_w = 595.276; /* A4 */
	s->page_h = 841.890;
	s->margin_top = s->margin_bottom = 25 * 72 / 25.4;
	/* a measure of about 85 characters of body text: 60-75 is the
	 * comfortable range, and over 90 the eye loses the next line */
	s->margin_left = s->margin_right = 28 * 72 / 25.4;
	s->font_family = "Liberation Sans";
	s->font_size = b;
	s->min_lines = 2;
	s->text_rgb = 0x1F2328;
	s->heading_rgb = 0x1F3B57;
	s->rule_rgb = 0x9AA5B1;
	s->muted_rgb = 0x4B5563;
	s->link_rgb = 0x1D4ED8;
	/*                            size      leading before    after     bold rgb */
	s->para[DOC_P_BODY] = (doc_role){b, 1.38, 0.55 * b, 0, 0, s->text_rgb, 1, 0};
	s->para[DOC_P_TITLE] = (doc_role){2.4 * b, 1.15, 0, 0.4 * b, 1, s->heading_rgb, 0, 1};
	s->para[DOC_P_SUBTITLE] = (doc_role){1.3 * b, 1.3, 0.2 * b, 0, 0, s->muted_rgb, 0, 1};
	s->para[DOC_P_NOTE] = (doc_role){0.85 * b, 1.35, 0.5 * b, 0, 0, s->muted_rgb, 1, 0};
	s->para[DOC_P_CAPTION] = (doc_role){0.9 * b, 1.3, 1.0 * b, 0.3 * b, 1, s->text_rgb, 0, 1};
	s->para[DOC_P_LEAD] = (doc_role){1.15 * b, 1.4, 0.6 * b, 0.3 * b, 0, s->text_rgb, 1, 0};
	/* a heading is read at a glance, and its contents entry with it: never
	 * hyphenated */
	s->heading[0] = (doc_role){1.7 * b, 1.2, 2.2 * b, 0.6 * b, 1, s->heading_rgb, 0, 1};
	s->heading[1] = (doc_role){1.3 * b, 1.25, 1.6 * b, 0.4 * b, 1, s->heading_rgb, 0, 1};
	s->heading[2] = (doc_role){1.1 * b, 1.25, 1.2 * b, 0.3 * b, 1, s->heading_rgb, 0, 1};
	/* table text and notes stay readable on paper: at the default 11 pt
	 * the cells are 9.9 pt, a note 9.35 pt, a note in a cell 8.9 pt */
	double cs = 0.9 * b;
	s->table = (doc_table_style){
		.size = cs, .leading = 1.3, .note_size = 0.9 * cs, .para_gap = 0.35 * cs,
		.pad = 4, .dense_pad = 1.5, .rule_w = 0.4, .header_rule_w = 0.8, .grid = 0,
		.header_rgb = 0xE4EAF1, .header_text_rgb = 0x111827,
		.zebra = 0, .zebra_rgb = 0xF5F7FA, .before = 0.8 * b, .after = 0.9 * b};
	s->list = (doc_list_style){18, 5, 0.3 * b, 0.55 * b,
				   {"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\xA2", "\xE2\x80\x93"}};
	/* the hangs: a digit and a space are 0.56 and 0.28 of the size in
	 * Liberation Sans, Arial and Helvetica alike */
	s->toc = (doc_toc_style){14, {0.85 * b, 1.7 * b, 2.5 * b}, 1.3, 0.5 * b, 0.1 * b, 1.2 * b};
	s->furniture_size = 0.8 * b;
	s->furniture_rule_w = 0.5;
	s->header_gap = 16;
	s->footer_gap = 14;
	s->title_rule_w = 1.2;
	s->title_rule_above = 18;
	s->title_rule_below = 14;
	s->logo_after = 16;
	/* a cover's title a third of the way down an A4 page */
	s->cover_space = 160;
	/* none, not started, in progress, ongoing, delayed, completed, cancelled.
	 * Strong enough that a greyscale print still tells them apart (L* 94,
	 * 77, 65, 57, 86, 71: no two closer than 5.7), the common statuses
	 * light, saturated red kept for delayed; any two differ by CIEDE2000
	 * >= 15.8 (>= 12.0 under simulated protanopia, >= 10.7 deuteranopia)
	 * and the one dark text keeps >= 5.1:1 on each.  tests/unit/
	 * test_palette.c holds these figures to palette.h's rules.
	 * Then achieved, partly achieved, not achieved, not applicable: the
	 * completed green, an amber, the delayed red and the cancelled grey
	 * (L* 86, 79, 57, 71; within the set CIEDE2000 >= 26.4, >= 15.4
	 * protanopia, >= 15.9 deuteranopia; text >= 5.1:1). */
	static const uint32_t fill[DOC_STATUSES] = {0xFFFFFF, 0xE8EEF4, 0x74C6F7, 0xAC95BE,
						    0xE65C5C, 0xA0E6AA, 0xABADB0, 0xA0E6AA,
						    0xF2BB3F, 0xE65C5C, 0xABADB0};
	static const uint32_t text[DOC_STATUSES] = {0x4B5563, 0x111827, 0x111827, 0x111827,
						    0x111827, 0x111827, 0x111827, 0x111827,
						    0x111827, 0x111827, 0x111827};
	memcpy(s->status_fill, fill, sizeof fill);
	memcpy(s->status_text, text, sizeof text);
	/* open square, right-pointing triangle, diamond, triangle, full
	 * circle, cross: six shapes (in Liberation Sans and DejaVu Sans
	 * alike), so that a status survives without its colour.  Solid
	 * shapes for the statuses that move: a half-filled circle's hairline
	 * half vanishes at table sizes and it reads as a dot beside ▲ and ●;
	 * ► is as large as ▲ and, like the others, named in the Adobe Glyph
	 * List ("triagrt"), which the PDF's single-byte fonts need.  The
	 * achievement set takes the shapes of the like progress statuses --
	 * full circle, right triangle, triangle, cross -- so a PDF still
	 * needs only five symbols beyond CP1252. */
	static const char *const symbol[DOC_STATUSES] = {
		"", "\xE2\x96\xA1", "\xE2\x96\xBA", "\xE2\x99\xA6", "\xE2\x96\xB2",
		"\xE2\x97\x8F", "\xC3\x97", "\xE2\x97\x8F", "\xE2\x96\xBA", "\xE2\x96\xB2",
		"\xC3\x97"};
	memcpy(s->status_symbol, symbol, sizeof symbol);
	/* an indicator's verdict in the completed and the delayed fills */
	s->on_track_fill = fill[5], s->on_track_text = text[5];
	s->behind_fill = fill[4], s->behind_text = text[4];
	s->chart = (doc_chart_style){
		{0x1F3B57, 0xD97706, 0x0891B2, 0x7C3AED, 0xDB2777, 0x65A30D, 0x9A3412, 0x475569},
		.title_rgb = 0x1F2328, .label_rgb = 0x374151, .axis_rgb = 0x6B7280,
		.grid_rgb = 0xDDE2E8, .track_rgb = 0x6B7280, .base_rgb = 0x374151,
		.target_rgb = 0xB91C1C, .on_track_rgb = 0x059669, .behind_rgb = 0xB91C1C,
		.unknown_rgb = 0x9CA3AF, .no_status_rgb = 0xFBF8F1, .no_status_text_rgb = 0x4B5563,
		.title_size = 0.95 * b, .label_size = 0.8 * b, .verdict_size = 0.85 * b,
		.line_w = 1.6, .track_w = 0.9, .axis_w = 0.8, .grid_w = 0.5, .space = 0.6 * b};
}

static void len(double *to, double v)
{
	if (!isnan(v))
		*to = v;
}

static void rgb(uint32_t *to, uint32_t v)
{
	if (v != DOC_UNSET_RGB)
		*to = v;
}

static void flag(int *to, int v)
{
	if (v >= 0)
		*to = v;
}

static void role(doc_role *to, const doc_role *o)
{
	len(&to->size, o->size);
	len(&to->leading, o->leading);
	len(&to->before, o->before);
	len(&to->after, o->after);
	flag(&to->bold, o->bold);
	rgb(&to->rgb, o->rgb);
	flag(&to->hyphenate, o->hyphenate);
	flag(&to->keep_with_next, o->keep_with_next);
}

void doc_style_fill(doc_style *s, const doc_style *o)
{
	defaults(s, o && !isnan(o->font_size) && o->font_size > 0 ? o->font_size : 11);
	if (!o)
		return;
	/* colours the roles take by default follow the template's */
	uint32_t text = o->text_rgb, head = o->heading_rgb, muted = o->muted_rgb;
	for (int i = 0; i < DOC_P_COUNT; i++) {
		uint32_t *c = &s->para[i].rgb;
		*c = *c == s->heading_rgb ? (head != DOC_UNSET_RGB ? head : *c)
		     : *c == s->muted_rgb ? (muted != DOC_UNSET_RGB ? muted : *c)
					  : (text != DOC_UNSET_RGB ? text : *c);
	}
	for (int i = 0; i < DOC_HEADINGS; i++)
		rgb(&s->heading[i].rgb, head);
	len(&s->page_w, o->page_w);
	len(&s->page_h, o->page_h);
	len(&s->margin_top, o->margin_top);
	len(&s->margin_bottom, o->margin_bottom);
	len(&s->margin_left, o->margin_left);
	len(&s->margin_right, o->margin_right);
	if (o->font_family)
		s->font_family = o->font_family;
	rgb(&s->text_rgb, o->text_rgb);
	rgb(&s->heading_rgb, o->heading_rgb);
	rgb(&s->rule_rgb, o->rule_rgb);
	rgb(&s->muted_rgb, o->muted_rgb);
	rgb(&s->link_rgb, o->link_rgb);
	flag(&s->min_lines, o->min_lines);
	for (int i = 0; i < DOC_P_COUNT; i++)
		role(&s->para[i], &o->para[i]);
	for (int i = 0; i < DOC_HEADINGS; i++)
		role(&s->heading[i], &o->heading[i]);
	doc_table_style *t = &s->table;
	const doc_table_style *ot = &o->table;
	if (!isnan(ot->size) && t->size > 0) {
		/* a note and the gap between paragraphs follow the cells' size */
		double k = ot->size / t->size;
		t->note_size *= k;
		t->para_gap *= k;
	}
	len(&t->size, ot->size);
	len(&t->leading, ot->leading);
	len(&t->note_size, ot->note_size);
	len(&t->para_gap, ot->para_gap);
	len(&t->pad, ot->pad);
	len(&t->dense_pad, ot->dense_pad);
	if (t->dense_pad > t->pad) /* dense is never roomier */
		t->dense_pad = t->pad;
	len(&t->rule_w, ot->rule_w);
	len(&t->header_rule_w, ot->header_rule_w);
	flag(&t->grid, ot->grid);
	rgb(&t->header_rgb, ot->header_rgb);
	rgb(&t->header_text_rgb, ot->header_text_rgb);
	flag(&t->zebra, ot->zebra);
	rgb(&t->zebra_rgb, ot->zebra_rgb);
	len(&t->before, ot->before);
	len(&t->after, ot->after);
	len(&s->list.indent, o->list.indent);
	len(&s->list.label_gap, o->list.label_gap);
	len(&s->list.item_before, o->list.item_before);
	len(&s->list.after, o->list.after);
	for (int i = 0; i < DOC_BULLETS; i++)
		if (o->list.bullet[i])
			s->list.bullet[i] = o->list.bullet[i];
	len(&s->toc.indent, o->toc.indent);
	len(&s->toc.leading, o->toc.leading);
	len(&s->toc.before_1, o->toc.before_1);
	len(&s->toc.before, o->toc.before);
	len(&s->toc.after, o->toc.after);
	for (int i = 0; i < DOC_HEADINGS; i++)
		len(&s->toc.hang[i], o->toc.hang[i]);
	len(&s->furniture_size, o->furniture_size);
	len(&s->furniture_rule_w, o->furniture_rule_w);
	len(&s->header_gap, o->header_gap);
	len(&s->footer_gap, o->footer_gap);
	len(&s->title_rule_w, o->title_rule_w);
	len(&s->title_rule_above, o->title_rule_above);
	len(&s->title_rule_below, o->title_rule_below);
	for (int i = 0; i < DOC_STATUSES; i++) {
		rgb(&s->status_fill[i], o->status_fill[i]);
		rgb(&s->status_text[i], o->status_text[i]);
		if (o->status_symbol[i])
			s->status_symbol[i] = o->status_symbol[i];
	}
	rgb(&s->on_track_fill, o->on_track_fill);
	rgb(&s->on_track_text, o->on_track_text);
	rgb(&s->behind_fill, o->behind_fill);
	rgb(&s->behind_text, o->behind_text);
	doc_chart_style *c = &s->chart;
	const doc_chart_style *oc = &o->chart;
	for (int i = 0; i < DOC_PALETTE; i++)
		rgb(&c->palette[i], oc->palette[i]);
	rgb(&c->title_rgb, oc->title_rgb);
	rgb(&c->label_rgb, oc->label_rgb);
	rgb(&c->axis_rgb, oc->axis_rgb);
	rgb(&c->grid_rgb, oc->grid_rgb);
	rgb(&c->track_rgb, oc->track_rgb);
	rgb(&c->base_rgb, oc->base_rgb);
	rgb(&c->target_rgb, oc->target_rgb);
	rgb(&c->on_track_rgb, oc->on_track_rgb);
	rgb(&c->behind_rgb, oc->behind_rgb);
	rgb(&c->unknown_rgb, oc->unknown_rgb);
	rgb(&c->no_status_rgb, oc->no_status_rgb);
	rgb(&c->no_status_text_rgb, oc->no_status_text_rgb);
	len(&c->title_size, oc->title_size);
	len(&c->label_size, oc->label_size);
	len(&c->verdict_size, oc->verdict_size);
	len(&c->line_w, oc->line_w);
	len(&c->track_w, oc->track_w);
	len(&c->axis_w, oc->axis_w);
	len(&c->grid_w, oc->grid_w);
	len(&c->space, oc->space);
	if (o->logo_path)
		s->logo_path = o->logo_path;
	len(&s->logo_w, o->logo_w);
	len(&s->logo_h, o->logo_h);
	len(&s->logo_after, o->logo_after);
	len(&s->cover_space, o->cover_space);
	flag(&s->pdfa, o->pdfa);
}

double doc_style_text_width(const doc_style *s)
{
	return s->page_w - s->margin_left - s->margin_right;
}

const doc_role *doc_style_heading(const doc_style *s, int level)
{
	return &s->heading[level < 1 ? 0 : level > DOC_HEADINGS ? DOC_HEADINGS - 1 : level - 1];
}

const char *doc_style_bullet(const doc_style *s, int level)
{
	return s->list.bullet[(level < 1 ? 0 : level - 1) % DOC_BULLETS];
}

static void dump_role(FILE *out, const char *key, const doc_role *r)
{
	fprintf(out, "%s.size %.3f\n%s.leading %.3f\n%s.before %.3f\n%s.after %.3f\n", key,
		r->size, key, r->leading, key, r->before, key, r->after);
	fprintf(out, "%s.bold %d\n%s.rgb #%06X\n%s.hyphenate %d\n%s.keep-with-next %d\n", key,
		r->bold, key, (unsigned)r->rgb, key, r->hyphenate, key, r->keep_with_next);
}

void doc_style_dump(const doc_style *s, FILE *out)
{
	fprintf(out, "page.width %.3f\npage.height %.3f\n", s->page_w, s->page_h);
	fprintf(out, "margin.top %.3f\nmargin.bottom %.3f\nmargin.left %.3f\nmargin.right %.3f\n",
		s->margin_top, s->margin_bottom, s->margin_left, s->margin_right);
	fprintf(out, "font.family %s\nfont.size %.3f\n", s->font_family, s->font_size);
	fprintf(out, "colour.text #%06X\ncolour.heading #%06X\ncolour.rule #%06X\n"
		"colour.muted #%06X\ncolour.link #%06X\n", (unsigned)s->text_rgb,
		(unsigned)s->heading_rgb, (unsigned)s->rule_rgb, (unsigned)s->muted_rgb,
		(unsigned)s->link_rgb);
	fprintf(out, "para.min-lines %d\n", s->min_lines);
	char key[32];
	for (int i = 0; i < DOC_P_COUNT; i++) {
		snprintf(key, sizeof key, "para.%s", role_key[i]);
		dump_role(out, key, &s->para[i]);
	}
	for (int i = 0; i < DOC_HEADINGS; i++) {
		snprintf(key, sizeof key, "heading.%d", i + 1);
		dump_role(out, key, &s->heading[i]);
	}
	const doc_table_style *t = &s->table;
	fprintf(out, "table.size %.3f\ntable.leading %.3f\ntable.note-size %.3f\n"
		"table.para-gap %.3f\ntable.padding %.3f\ntable.dense-padding %.3f\n"
		"table.rule %.3f\n"
		"table.header-rule %.3f\ntable.borders %s\ntable.header-fill #%06X\n"
		"table.header-text #%06X\ntable.zebra %d\ntable.zebra-fill #%06X\n"
		"table.before %.3f\ntable.after %.3f\n",
		t->size, t->leading, t->note_size, t->para_gap, t->pad, t->dense_pad, t->rule_w,
		t->header_rule_w, t->grid ? "grid" : "rules", (unsigned)t->header_rgb,
		(unsigned)t->header_text_rgb, t->zebra, (unsigned)t->zebra_rgb, t->before, t->after);
	fprintf(out, "list.indent %.3f\nlist.label-gap %.3f\nlist.item-before %.3f\n"
		"list.after %.3f\n", s->list.indent, s->list.label_gap, s->list.item_before,
		s->list.after);
	for (int i = 0; i < DOC_BULLETS; i++)
		fprintf(out, "list.bullet.%d %s\n", i + 1, s->list.bullet[i]);
	fprintf(out, "toc.indent %.3f\ntoc.leading %.3f\ntoc.before-1 %.3f\ntoc.before %.3f\n"
		"toc.after %.3f\n", s->toc.indent, s->toc.leading, s->toc.before_1, s->toc.before,
		s->toc.after);
	for (int i = 0; i < DOC_HEADINGS; i++)
		fprintf(out, "toc.hang-%d %.3f\n", i + 1, s->toc.hang[i]);
	fprintf(out, "furniture.size %.3f\nfurniture.rule %.3f\nfurniture.header-gap %.3f\n"
		"furniture.footer-gap %.3f\ntitle.rule %.3f\ntitle.rule-above %.3f\n"
		"title.rule-below %.3f\nlogo.after %.3f\ncover.space-above %.3f\n", s->furniture_size,
		s->furniture_rule_w, s->header_gap, s->footer_gap, s->title_rule_w,
		s->title_rule_above, s->title_rule_below, s->logo_after, s->cover_space);
	for (int i = 0; i < DOC_STATUSES; i++)
		fprintf(out, "status.%d.fill #%06X\nstatus.%d.text #%06X\nstatus.%d.symbol %s\n", i,
			(unsigned)s->status_fill[i], i, (unsigned)s->status_text[i], i,
			s->status_symbol[i]);
	fprintf(out, "on-track.fill #%06X\non-track.text #%06X\nbehind.fill #%06X\n"
		"behind.text #%06X\n", (unsigned)s->on_track_fill, (unsigned)s->on_track_text,
		(unsigned)s->behind_fill, (unsigned)s->behind_text);
	const doc_chart_style *c = &s->chart;
	for (int i = 0; i < DOC_PALETTE; i++)
		fprintf(out, "chart.palette.%d #%06X\n", i + 1, (unsigned)c->palette[i]);
	fprintf(out, "chart.title #%06X\nchart.label #%06X\nchart.axis #%06X\nchart.grid #%06X\n"
		"chart.track #%06X\nchart.base #%06X\nchart.target #%06X\n"
		"chart.on-track #%06X\nchart.behind #%06X\nchart.unknown #%06X\n"
		"chart.no-status #%06X\nchart.no-status-text #%06X\n",
		(unsigned)c->title_rgb, (unsigned)c->label_rgb, (unsigned)c->axis_rgb,
		(unsigned)c->grid_rgb, (unsigned)c->track_rgb, (unsigned)c->base_rgb,
		(unsigned)c->target_rgb, (unsigned)c->on_track_rgb, (unsigned)c->behind_rgb,
		(unsigned)c->unknown_rgb, (unsigned)c->no_status_rgb,
		(unsigned)c->no_status_text_rgb);
	fprintf(out, "chart.title-size %.3f\nchart.label-size %.3f\nchart.verdict-size %.3f\n"
		"chart.line %.3f\nchart.track-line %.3f\nchart.axis-line %.3f\nchart.grid-line %.3f\n"
		"chart.space %.3f\n", c->title_size, c->label_size, c->verdict_size, c->line_w,
		c->track_w, c->axis_w, c->grid_w, c->space);
}
