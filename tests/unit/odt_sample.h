/* odt_sample.h: a realistic report-shaped document for the ODT tests,
 * built with the doc.h API until the report builder lands: title block,
 * contents, three heading levels, Norwegian text (æøå «» – — ’ and
 * U+00A0), nested lists, links, emphasis, a page break, a chart, and a
 * table with a header row and status fills.  Every node pointer is
 * checked, so it can be built while allocations are made to fail. */
#ifndef ODT_SAMPLE_H
#define ODT_SAMPLE_H

#include <string.h>

#include "doc/doc.h"

static doc_node *sample_inline(doc *d, doc_node *parent, doc_type t, const char *s)
{
	doc_node *n = doc_append(parent, doc_node_new(d, t, (srcpos){0}));
	doc_add_text(d, n, s);
	return n;
}

static doc_node *sample_cell(doc *d, doc_node *row, int fill, doc_align a, const char *s)
{
	doc_node *c = doc_append(row, doc_cell(d, fill, a));
	if (s)
		doc_append(c, doc_para_text(d, DOC_P_BODY, s, (srcpos){0}));
	return c;
}

static doc_node *sample_item(doc *d, doc_node *list, const char *s)
{
	doc_node *it = doc_append(list, doc_node_new(d, DOC_ITEM, (srcpos){0}));
	doc_append(it, doc_para_text(d, DOC_P_BODY, s, (srcpos){0}));
	return it;
}

static doc *sample_doc(void)
{
	doc *d = doc_new();
	if (!d)
		return NULL;
	srcpos p = {0};
	doc_style *s = &d->style;
	s->page_w = 595.28, s->page_h = 841.89;
	s->margin_top = 62, s->margin_bottom = 62, s->margin_left = 62, s->margin_right = 62;
	s->font_family = "Liberation Sans";
	s->font_size = 10;
	s->text_rgb = 0x222222, s->heading_rgb = 0x003b5c, s->rule_rgb = 0xb0b7bf;
	s->muted_rgb = 0x5f6b76, s->link_rgb = 0x0b5cad;
	s->header_fill = doc_add_fill(d, "table-header", "Tabelloverskrift", 0x003b5c, 0xffffff);
	int done = doc_add_fill(d, "status-done", "Gjennomf\xc3\xb8rt", 0xd5ecd4, 0x1d4d1a);
	int going = doc_add_fill(d, "status-ongoing", "P\xc3\xa5g\xc3\xa5r", 0xdce9f7, 0x123c69);
	int late = doc_add_fill(d, "status-delayed", "Forsinket", 0xfbe3c4, 0x6b3a00);
	int notyet = doc_add_fill(d, "status-not-started", "Ikke startet", 0xe8e8e8, 0x333333);
	d->title = "Statusrapport: Regional handlingsplan for forskning 2023\xe2\x80\x93" "2026";
	d->subtitle = "Helse Midt-Norge";
	d->author = "Regionalt forskningsutvalg";
	d->subject = "Status for tiltakene i handlingsplanen";
	d->keywords = "forskning, handlingsplan,  status ,helse";
	d->lang = "nb-NO";
	d->date_text = "23. november 2026";
	d->created = 1795420800; /* 2026-11-23 */
	d->header_text = "Statusrapport \xe2\x80\x93 handlingsplan for forskning";
	d->toc_title = "Innhold";
	d->page_word = "Side";
	d->of_word = "av";

	doc_node *root = d->root;
	doc_append(root, doc_para_text(d, DOC_P_TITLE, d->title, p));
	doc_append(root, doc_para_text(d, DOC_P_SUBTITLE,
				       "Helse Midt-Norge \xc2\xb7 rapport per 23.\xc2\xa0november 2026", p));
	doc_append(root, doc_node_new(d, DOC_TOC, p));

	doc_append(root, doc_heading(d, 1, "innledning", p));
	doc_add_text(d, root->last, "1\xc2\xa0Innledning");
	doc_node *lead = doc_append(root, doc_para(d, DOC_P_LEAD, p));
	doc_add_text(d, lead, "M\xc3\xa5lbildet: \xc2\xab" "Forskning skal v\xc3\xa6re en integrert del av pasientbehandlingen\xc2\xbb \xe2\x80\x94 i alle helseforetak.");
	doc_node *b = doc_append(root, doc_para(d, DOC_P_BODY, p));
	doc_add_text(d, b, "Rapporten viser status for ");
	sample_inline(d, b, DOC_STRONG, "23 tiltak");
	doc_add_text(d, b, " i handlingsplanen. Tiltakene eies av Helse M\xc3\xb8re og Romsdal HF, St.\xc2\xa0Olavs hospital HF, Helse Nord-Tr\xc3\xb8ndelag HF og ");
	sample_inline(d, b, DOC_EMPH, "forskningsst\xc3\xb8tteenhetene");
	doc_add_text(d, b, ". Les mer p\xc3\xa5 ");
	doc_node *l = sample_inline(d, b, DOC_LINK, "helse-midt.no");
	if (l)
		l->u.link.href = "https://www.helse-midt.no/fag-og-forsking/";
	doc_add_text(d, b, " eller i ");
	l = sample_inline(d, b, DOC_LINK, "kapittel 2");
	if (l)
		l->u.link.href = "#status";
	doc_add_text(d, b, ". Det er 12\xc2\xa0%\xc2\xa0" "flere tiltak i rute enn i fjor \xe2\x80\x93 det er bra, men det er ikke nok\xe2\x80\x99.");

	doc_append(root, doc_heading(d, 2, NULL, p));
	doc_add_text(d, root->last, "1.1 Hovedfunn");
	doc_node *ul = doc_append(root, doc_node_new(d, DOC_LIST, p));
	sample_item(d, ul, "Fjorten tiltak er gjennomf\xc3\xb8rt eller i rute.");
	doc_node *it = sample_item(d, ul, "Fire tiltak er forsinket:");
	doc_node *ol = doc_append(it, doc_node_new(d, DOC_LIST, p));
	if (ol)
		ol->u.list.ordered = 1, ol->u.list.start = 1;
	sample_item(d, ol, "finansiering av forskningsst\xc3\xb8tte i sm\xc3\xa5 foretak,");
	sample_item(d, ol, "felles infrastruktur for kliniske studier,");
	doc_node *it3 = sample_item(d, ol, "\xc3\xa6re og \xc3\xb8konomi \xe2\x80\x93 \xc3\xa5pne data.");
	doc_node *ul3 = doc_append(it3, doc_node_new(d, DOC_LIST, p));
	sample_item(d, ul3, "tredje niv\xc3\xa5: detaljer");
	sample_item(d, ul, "Fem tiltak er ikke startet.");

	doc_append(root, doc_heading(d, 3, NULL, p));
	doc_add_text(d, root->last, "1.1.1 Om tallene");
	b = doc_append(root, doc_para(d, DOC_P_BODY, p));
	doc_add_text(d, b, "Mellomrom:  to,   tre, tab:\there. Linjeskift her:");
	doc_append(b, doc_node_new(d, DOC_BREAK, p));
	doc_add_text(d, b, "ny linje. Spesialtegn: a & b < c > d \"sitat\" 'enkel'.");
	doc_append(root, doc_para_text(d, DOC_P_NOTE, "Kilde: statusrapporter fra helseforetakene, per 1.\xc2\xa0november 2026.", p));
	doc_node *r = doc_append(root, doc_para_text(d, DOC_P_BODY, "H\xc3\xb8yrejustert avsnitt.", p));
	if (r)
		r->u.para.align = DOC_RIGHT;

	doc_append(root, doc_node_new(d, DOC_PAGE_BREAK, p));
	doc_append(root, doc_heading(d, 1, "status", p));
	doc_add_text(d, root->last, "2\xc2\xa0Status per tiltak");
	doc_append(root, doc_para_text(d, DOC_P_CAPTION, "Tabell 1. Status for tiltakene", p));
	static const double w[] = {0.6, 4, 2.2, 1.3, 1.5};
	doc_node *t = doc_append(root, doc_table(d, 5, w, 1, "Status for tiltakene", p));
	doc_node *row = doc_append(t, doc_row(d, 1));
	static const char *const hd[] = {"Nr.", "Tiltak", "Ansvarlig", "Frist", "Status"};
	for (int i = 0; i < 5; i++)
		sample_cell(d, row, 0, DOC_LEFT, hd[i]);
	static const struct { const char *nr, *what, *who, *when, *st; int fill; } rows[] = {
		{"1.1", "Etablere felles forskningsst\xc3\xb8tte for alle foretak i regionen", "Helse M\xc3\xb8re og Romsdal HF", "2024", "Gjennomf\xc3\xb8rt", 0},
		{"1.2", "Styrke forskningsst\xc3\xb8tteenhetene med biostatistikk", "St.\xc2\xa0Olavs hospital HF", "2025", "P\xc3\xa5g\xc3\xa5r", 1},
		{"2.1", "Felles infrastruktur for kliniske behandlingsstudier", "Helse Nord-Tr\xc3\xb8ndelag HF", "2025", "Forsinket", 2},
		{"2.2", "\xc3\x85pne data og deling av forskningsresultater", "Helse Midt-Norge RHF", "2026", "Ikke startet", 3},
	};
	int fills[] = {done, going, late, notyet};
	for (int k = 0; k < 44; k++) {
		int i = k % 4;
		row = doc_append(t, doc_row(d, 0));
		sample_cell(d, row, 0, DOC_LEFT, rows[i].nr);
		doc_node *c = sample_cell(d, row, 0, DOC_LEFT, rows[i].what);
		if (k == 1) {
			doc_node *cl = doc_append(c, doc_node_new(d, DOC_LIST, p));
			sample_item(d, cl, "delm\xc3\xa5l A");
			sample_item(d, cl, "delm\xc3\xa5l B");
		}
		sample_cell(d, row, 0, DOC_LEFT, rows[i].who);
		sample_cell(d, row, 0, DOC_CENTER, rows[i].when);
		sample_cell(d, row, fills[rows[i].fill], DOC_LEFT, rows[i].st);
	}
	row = doc_append(t, doc_row(d, 0));
	for (int i = 0; i < 5; i++)
		sample_cell(d, row, 0, DOC_LEFT, NULL); /* an empty row */

	doc_node *ch = doc_append(root, doc_node_new(d, DOC_CHART, p));
	if (ch)
		ch->u.chart.alt = "Diagram: tiltak per status";
	doc_append(root, doc_heading(d, 2, NULL, p));
	doc_add_text(d, root->last, "2.1 Vurdering");
	doc_append(root, doc_para_text(d, DOC_P_BODY, "Arbeidet g\xc3\xa5r stort sett etter planen.", p));
	doc_node *h = doc_append(root, doc_heading(d, 2, NULL, p));
	if (h)
		h->u.heading.in_toc = 0;
	doc_add_text(d, h, "Vedlegg (ikke i innholdslisten)");
	doc_append(root, doc_para_text(d, DOC_P_NOTE, "Kontroll\x01tegn og \x1b[0m fjernes; ugyldig UTF-8: \xff\xfe.", p));
	return d;
}

/* Corner cases the sample does not have: two contents lists, one before
 * any heading; a table made only of header rows; a list starting at 5;
 * links without target; breaks inside headings; page breaks in a row and
 * at the end; an out-of-range heading level; odd fill names;
 * landscape pages; no header text, no words, no language.  Like the
 * sample, safe to build when allocations fail (the torture run). */
static doc *edge_doc(void)
{
	doc *d = doc_new();
	if (!d)
		return NULL;
	srcpos p = {0};
	d->style.page_w = 841.89, d->style.page_h = 595.28;
	int odd = doc_add_fill(d, "9-starts-with-digit", "Odd & <name>", 0xffeeee, 0x990000);
	doc_add_fill(d, "ok-name", "OK", 0xeeffee, 0x009900);
	doc_node *root = d->root;
	doc_append(root, doc_node_new(d, DOC_TOC, p));
	doc_append(root, doc_node_new(d, DOC_PAGE_BREAK, p));
	doc_append(root, doc_node_new(d, DOC_PAGE_BREAK, p));
	doc_node *h = doc_append(root, doc_heading(d, 1, NULL, p));
	doc_add_text(d, h, "  Leading spaces and a");
	doc_append(h, doc_node_new(d, DOC_BREAK, p));
	doc_add_text(d, h, "break\r\nCRLF\rCR\n");
	h = doc_append(root, doc_heading(d, 2, NULL, p));
	if (h)
		h->u.heading.level = 7;
	doc_add_text(d, h, "Level seven");
	doc_node *t = doc_append(root, doc_table(d, 2, NULL, 2, NULL, p));
	for (int r = 0; r < 2; r++) {
		doc_node *row = doc_append(t, doc_row(d, r == 0));
		sample_cell(d, row, odd, DOC_RIGHT, "x");
		sample_cell(d, row, 0, DOC_CENTER, NULL);
	}
	doc_node *ol = doc_append(root, doc_node_new(d, DOC_LIST, p));
	if (ol)
		ol->u.list.ordered = 1, ol->u.list.start = 5;
	doc_node *it = sample_item(d, ol, "five");
	doc_node *para = it ? it->first : NULL;
	doc_node *l = sample_inline(d, para, DOC_LINK, " no target");
	if (l)
		l->u.link.href = NULL;
	l = sample_inline(d, para, DOC_LINK, " empty target");
	if (l)
		l->u.link.href = "";
	doc_node *e = sample_inline(d, para, DOC_EMPH, "");
	sample_inline(d, e, DOC_STRONG, "bold italic");
	sample_item(d, ol, "six");
	doc_append(root, doc_node_new(d, DOC_TOC, p));
	doc_node *kp = doc_append(root, doc_para_text(d, DOC_P_CAPTION, "kept", p));
	if (kp)
		kp->u.para.keep_with_next = 1, kp->u.para.align = DOC_CENTER;
	doc_append(root, doc_para(d, DOC_P_BODY, p)); /* empty paragraph */
	doc_append(root, doc_node_new(d, DOC_PAGE_BREAK, p));
	return d;
}

#endif
