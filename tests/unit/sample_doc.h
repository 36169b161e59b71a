/* sample_doc.h: a realistic report tree built with the doc.h API, for the
 * PDF tests until the report builder lands: title block, TOC, three heading
 * levels, long Norwegian paragraphs, lists, links and a long status table
 * with narrow columns full of compound words. */
#ifndef SAMPLE_DOC_H
#define SAMPLE_DOC_H

#include <stdio.h>
#include <string.h>

#include "doc/doc.h"

static const char *const sample_words[] = {
	"spesialisthelsetjenesten", "forskningsstøtteenhetene", "kompetansehevingstiltak",
	"brukermedvirkning", "forskningsinfrastruktur", "helseprofesjonene",
	"oppdragsforskningsenheter", "samarbeidsrelasjoner", "Helseplattformen",
	"kvalitetsregistre"};

static const char sample_para[] =
	"Helse Midt-Norge skal styrke forskningen i spesialisthelsetjenesten gjennom "
	"bedre samordning av forskningsstøtteenhetene, økt brukermedvirkning og en "
	"felles forskningsinfrastruktur. Målet er at 3,5 % av driftsbudsjettet går til "
	"forskning og innovasjon innen 2026 – og at pasientene merker forskjellen. "
	"Arbeidet følges opp i «Regional plan for forskning» med årlig rapportering "
	"til styret; samiske pasienter skal ha likeverdig tilgang\u00A0– «alltid».";

/* The Sami letters force the UTF-8 path; without them CP1252 suffices. */
static const char sample_sami[] = "Sámi pasienter: á č đ ŋ š ŧ ž Á Č Đ Ŋ Š Ŧ Ž.";

static void sample_rich_para(doc *d, doc_node *parent)
{
	doc_node *p = doc_append(parent, doc_para(d, DOC_P_BODY, (srcpos){0}));
	doc_add_text(d, p, "Se ");
	doc_node *l = doc_append(p, doc_node_new(d, DOC_LINK, (srcpos){0}));
	if (l)
		l->u.link.href = "https://www.helse-midt.no/forskning";
	doc_add_text(d, l, "helse-midt.no/forskning");
	doc_add_text(d, p, " for oversikten. Tiltakene er ");
	doc_add_text(d, doc_append(p, doc_node_new(d, DOC_STRONG, (srcpos){0})), "prioritert");
	doc_add_text(d, p, " etter ");
	doc_add_text(d, doc_append(p, doc_node_new(d, DOC_EMPH, (srcpos){0})), "nytte for pasientene");
	doc_add_text(d, p, ", og status rapporteres hvert kvartal av de regionale helseforetakene.");
}

static doc *sample_doc(int rows, int sami)
{
	doc *d = doc_new();
	if (!d)
		return NULL;
	srcpos z = {0};
	/* the house style (doc_new) with a page of its own */
	d->style.page_w = 595.276, d->style.page_h = 841.89;
	d->style.margin_top = d->style.margin_bottom = 72;
	d->style.margin_left = d->style.margin_right = 64;
	d->title = "Handlingsplan for forskning 2023–2026: status";
	d->author = "Helse Midt-Norge RHF";
	d->subject = "Statusrapport";
	d->keywords = "forskning, handlingsplan, status";
	d->lang = "nb-NO";
	d->date_text = "23. november 2026";
	d->created = 1795000000;
	d->header_text = "Handlingsplan for forskning 2023–2026 – statusrapport";
	d->toc_title = "Innhold";
	d->page_word = "Side";
	d->of_word = "av";
	int ok = doc_add_fill(d, "status-done", "Fullført", 0xD9EAD3, 0x1E4620);
	int late = doc_add_fill(d, "status-delayed", "Forsinket", 0xF8D7A8, 0x5C3A00);
	int risk = doc_add_fill(d, "status-risk", "Risiko", 0xF4C7C3, 0x7A1F1A);
	d->style.header_fill = doc_add_fill(d, "header", "Overskrift", 0xDCE4EC, 0x1F2328);
	doc_node *R = d->root;
	doc_append(R, doc_para_text(d, DOC_P_TITLE, "Handlingsplan for forskning 2023–2026", z));
	doc_append(R, doc_para_text(d, DOC_P_SUBTITLE, "Statusrapport for de regionale helseforetakene", z));
	doc_append(R, doc_para_text(d, DOC_P_SUBTITLE, "Per 23. november 2026", z));
	doc_append(R, doc_para_text(d, DOC_P_LEAD,
				    "Denne rapporten viser status for alle tiltak i handlingsplanen, "
				    "med vurdering av fremdrift, risiko og videre oppfølging.", z));
	if (sami)
		doc_append(R, doc_para_text(d, DOC_P_BODY, sample_sami, z));
	doc_append(R, doc_para_text(d, DOC_P_NOTE,
				    "Tegn: æøå ÆØÅ « » – — ’ 3,5\u00A0% 1\u00A0000\u00A0kr € •", z));
	doc_append(R, doc_node_new(d, DOC_TOC, z));
	doc_append(R, doc_node_new(d, DOC_PAGE_BREAK, z));
	for (int ch = 1; ch <= 3; ch++) {
		char t[160];
		snprintf(t, sizeof t, "%d. Mål %d: styrket forskning i spesialisthelsetjenesten", ch, ch);
		doc_add_text(d, doc_append(R, doc_heading(d, 1, NULL, z)), t);
		doc_append(R, doc_para_text(d, DOC_P_BODY, sample_para, z));
		sample_rich_para(d, R);
		for (int s = 1; s <= 2; s++) {
			snprintf(t, sizeof t, "%d.%d Delmål om %s", ch, s, sample_words[(ch + s) % 10]);
			doc_add_text(d, doc_append(R, doc_heading(d, 2, NULL, z)), t);
			doc_append(R, doc_para_text(d, DOC_P_BODY, sample_para, z));
			doc_node *L = doc_append(R, doc_node_new(d, DOC_LIST, z));
			for (int i = 0; i < 3; i++) {
				doc_node *it = doc_append(L, doc_node_new(d, DOC_ITEM, z));
				snprintf(t, sizeof t, "Tiltak for %s og %s i alle helseforetak",
					 sample_words[i], sample_words[(i + 4) % 10]);
				doc_append(it, doc_para_text(d, DOC_P_BODY, t, z));
				if (i == 1) {
					doc_node *L2 = doc_append(it, doc_node_new(d, DOC_LIST, z));
					if (L2)
						L2->u.list.ordered = 1;
					for (int k = 0; k < 2; k++)
						doc_append(doc_append(L2, doc_node_new(d, DOC_ITEM, z)),
							   doc_para_text(d, DOC_P_BODY, "Underpunkt med kvalitetsregistre", z));
				}
			}
			snprintf(t, sizeof t, "%d.%d.1 Vurdering", ch, s);
			doc_add_text(d, doc_append(R, doc_heading(d, 3, NULL, z)), t);
			doc_append(R, doc_para_text(d, DOC_P_BODY, sample_para, z));
			doc_append(R, doc_para_text(d, DOC_P_NOTE, "Kilde: rapportering fra helseforetakene, oktober 2026.", z));
		}
	}
	doc_add_text(d, doc_append(R, doc_heading(d, 1, NULL, z)), "4. Status for alle tiltak");
	doc_append(R, doc_para_text(d, DOC_P_CAPTION, "Tabell 1: Status per tiltak", z));
	static const double w[] = {0.7, 3, 2, 1.4, 1.2};
	doc_node *T = doc_append(R, doc_table(d, 5, w, 1, "Status per tiltak", z));
	doc_node *hr = doc_append(T, doc_row(d, 1));
	const char *hd[] = {"Nr.", "Tiltak", "Ansvarlig", "Frist", "Status"};
	for (int c = 0; c < 5; c++)
		doc_append(doc_append(hr, doc_cell(d, 0, DOC_LEFT)), doc_para_text(d, DOC_P_BODY, hd[c], z));
	for (int r = 0; r < rows; r++) {
		doc_node *row = doc_append(T, doc_row(d, 0));
		char t[200];
		snprintf(t, sizeof t, "%d.%d", r / 10 + 1, r % 10 + 1);
		doc_append(doc_append(row, doc_cell(d, 0, DOC_LEFT)), doc_para_text(d, DOC_P_BODY, t, z));
		snprintf(t, sizeof t, "Styrke %s gjennom %s", sample_words[r % 10], sample_words[(r + 3) % 10]);
		doc_append(doc_append(row, doc_cell(d, 0, DOC_LEFT)), doc_para_text(d, DOC_P_BODY, t, z));
		doc_append(doc_append(row, doc_cell(d, 0, DOC_LEFT)),
			   doc_para_text(d, DOC_P_BODY, sample_words[(r + 7) % 10], z));
		doc_append(doc_append(row, doc_cell(d, 0, DOC_LEFT)), doc_para_text(d, DOC_P_BODY, "31.12.2026", z));
		int f = r % 3 == 0 ? ok : r % 3 == 1 ? late : risk;
		doc_append(doc_append(row, doc_cell(d, f, DOC_LEFT)),
			   doc_para_text(d, DOC_P_BODY, d->fills[f].label, z));
	}
	doc_append(R, doc_para_text(d, DOC_P_NOTE, "Fargene viser status slik helseforetakene har meldt den.", z));
	return d;
}

#endif
