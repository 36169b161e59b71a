/* test_layout.c: line breaking (its cases are rows of tests/unit/breaks.txt),
 * pagination (keeps, widows, orphans, table rows and repeated headers), TOC
 * numbers, the text area, and the PDF engine end to end on the sample tree. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include "pdf/fonts.h"
#include "buf_has.h"
#include "casefile.h"
#include "pdf/hyph.h"
#include "pdf/layout.h"
#include "pdf/pdf.h"
#include "sample_doc.h"

static fonts *F;
static const font_family *FAM;
static hyph *H;

static int setup(void **state)
{
	diag d;
	diag_init(&d);
	int ok = hyph_open(&H, NULL, &d) == SR_OK && fonts_open(&F, NULL, &d) == SR_OK &&
		 fonts_family(F, "Liberation Sans", &FAM, &d) == SR_OK;
	diag_free(&d);
	return ok ? 0 : -1;
}

static int teardown(void **state)
{
	fonts_close(F);
	hyph_close(H);
	return 0;
}

/* Advances as the font's own tables give them (Liberation Sans, read by an
 * independent script): letters in blocks the cmap reaches, a character in a
 * block it does not reach and one beyond the BMP (both the .notdef
 * advance, 1536), all at 2048 pt so points are font units. */
static void font_advances(void **state)
{
	(void)state;
	const font_face *f = &FAM->face[FONT_REGULAR];
	static const struct {
		const char *s;
		double units;
	} cases[] = {{"a", 1139},      {" ", 569},          {"\xC3\xB8", 1251},
		     {"\xE2\x82\xAC", 1139}, {"\xE2\x88\x92", 1196}, {"\xD0\x96", 1891},
		     {"\xE4\xB8\xAD", 1536}, {"\xF0\x9F\x98\x80", 1536},
		     {"a\xC3\xB8 \xE4\xB8\xAD", 1139 + 1251 + 569 + 1536}};
	assert_int_equal(f->units, 2048);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_true(fabs(font_width(f, cases[i].s, strlen(cases[i].s), 2048) - cases[i].units) < 1e-9);
	assert_true(font_has(f, 0xF8) && font_has(f, 0x20AC) && !font_has(f, 0x4E2D));
}

/* ---- line breaking: the cases of tests/unit/breaks.txt ---- */

static double W(const char *s, double size)
{
	return font_width(&FAM->face[FONT_REGULAR], s, strlen(s), size);
}

/* Print s quoted as in breaks.txt, the invisible spaces escaped. */
static void show(const char *s)
{
	fputc('"', stderr);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(stderr, "\\%c", *s);
		else if (memcmp(s, "\xC2\xA0", 2) == 0)
			fputs("\\u00A0", stderr), s++;
		else if (memcmp(s, "\xC2\xAD", 2) == 0)
			fputs("\\u00AD", stderr), s++;
		else
			fputc(*s, stderr);
	}
	fputc('"', stderr);
}

enum { MAXLINES = 64 };

typedef struct bcase {
	int lineno; /* of its "text" row; 0: no case yet */
	char text[1024];
	double size, width;
	int has_width;
	char *want[MAXLINES];
	int nwant;
} bcase;

/* Run one case; 0 when it passes, else 1 after saying why on stderr. */
static int run_case(const char *path, const bcase *c)
{
	if (!c->has_width) {
		fprintf(stderr, "%s:%d: the case has no width row\n", path, c->lineno);
		return 1;
	}
	arena a;
	arena_init(&a);
	char **got;
	int n = layout_break(FAM, H, FONT_REGULAR, c->size, c->text, c->width, &a, &got);
	int bad = n != c->nwant;
	for (int i = 0; i < n && !bad; i++)
		bad = strcmp(got[i], c->want[i]) != 0;
	for (int i = 0; i < n && !bad; i++) {
		/* never past its box, but for the one character a line must hold */
		int adv;
		font_utf8(got[i], strlen(got[i]), &adv);
		if (W(got[i], c->size) > c->width + 1e-6 && got[i][adv] != 0) {
			fprintf(stderr, "%s:%d: line %d is %.3f pt wide, more than the width\n", path,
				c->lineno, i + 1, W(got[i], c->size));
			bad = 1;
		}
	}
	if (bad && n >= 0) {
		fprintf(stderr, "%s:%d: ", path, c->lineno);
		show(c->text);
		fprintf(stderr, " at %.3f pt wide, %g pt type\n  got: ", c->width, c->size);
		for (int i = 0; i < n; i++)
			show(got[i]), fputc(i + 1 < n ? ' ' : '\n', stderr);
		fputs(n ? "  want:" : "none\n  want:", stderr);
		for (int i = 0; i < c->nwant; i++)
			fputc(' ', stderr), show(c->want[i]);
		fputc('\n', stderr);
	} else if (n < 0) {
		fprintf(stderr, "%s:%d: layout_break failed\n", path, c->lineno);
	}
	arena_free(&a);
	return bad || n < 0;
}

/* The width row's terms: points, or a quoted text standing for its width
 * at the case's size, joined by + and -.  Returns 0 on a syntax error. */
static int parse_width(bcase *c, char **f, const int *quoted, int n)
{
	double sum = 0;
	int sign = 1;
	for (int i = 1; i < n; i++) {
		if (i % 2 == 0) {
			if (quoted[i] || (strcmp(f[i], "+") != 0 && strcmp(f[i], "-") != 0))
				return 0;
			sign = f[i][0] == '-' ? -1 : 1;
			continue;
		}
		double v;
		if (quoted[i]) {
			v = W(f[i], c->size);
		} else {
			char *end;
			v = strtod(f[i], &end);
			if (end == f[i] || *end)
				return 0;
		}
		sum += sign * v;
	}
	c->width = sum;
	c->has_width = n >= 2 && n % 2 == 0;
	return c->has_width;
}

/* Every case of tests/unit/breaks.txt.  All cases run; each failure is
 * reported by the line of its "text" row. */
static void break_table(void **state)
{
	char path[4096], line[1024];
	FILE *f = casefile_open("breaks.txt", path, sizeof path);
	assert_non_null(f);
	arena keep; /* the expected lines, until their case has run */
	arena_init(&keep);
	bcase c = {0};
	int lineno = 0, cases = 0, bad = 0, eof = 0;
	while (!eof) {
		eof = fgets(line, sizeof line, f) == NULL;
		lineno++;
		char *fld[16];
		int quoted[16];
		const char *why = NULL;
		int n = eof ? 0 : casefile_fields(line, fld, quoted, 16, &why);
		if (n < 0) {
			fprintf(stderr, "%s:%d: %s\n", path, lineno, why);
			bad++;
			continue;
		}
		if (n == 0 && !eof)
			continue;
		if ((eof || strcmp(fld[0], "text") == 0) && c.lineno) {
			cases++;
			bad += run_case(path, &c);
			arena_free(&keep);
			arena_init(&keep);
			c.lineno = 0;
		}
		if (eof)
			break;
		const char *key = fld[0];
		if (strcmp(key, "text") == 0) {
			if (n == 2 && quoted[1]) {
				c = (bcase){.lineno = lineno, .size = 10};
				snprintf(c.text, sizeof c.text, "%s", fld[1]);
			} else {
				fprintf(stderr, "%s:%d: text \"...\": the text in quotes\n", path, lineno);
				bad++;
			}
		} else if (!c.lineno) {
			fprintf(stderr, "%s:%d: a case starts with a text row\n", path, lineno);
			bad++;
		} else if (strcmp(key, "size") == 0 && n == 2 && !quoted[1] && atof(fld[1]) > 0) {
			c.size = atof(fld[1]);
		} else if (strcmp(key, "width") == 0) {
			if (!parse_width(&c, fld, quoted, n)) {
				fprintf(stderr, "%s:%d: width: points or \"text\", joined by + and -\n", path,
					lineno);
				bad++;
			}
		} else if (strcmp(key, "line") == 0 && n == 2 && quoted[1] && c.nwant < MAXLINES) {
			size_t len = strlen(fld[1]);
			char *w = arena_alloc(&keep, len + 1);
			assert_non_null(w);
			memcpy(w, fld[1], len + 1);
			c.want[c.nwant++] = w;
		} else {
			fprintf(stderr, "%s:%d: not a row: text \"...\", size N, width TERMS or line \"...\"\n",
				path, lineno);
			bad++;
		}
	}
	fclose(f);
	arena_free(&keep);
	assert_true(cases > 0);
	if (bad) {
		fprintf(stderr, "%s: %d failures in %d cases\n", path, bad, cases);
		fail();
	}
}

/* ---- documents ---- */

static layout *lay(const doc *d)
{
	layout *l;
	diag dg;
	diag_init(&dg);
	assert_int_equal(layout_run(d, FAM, H, &l, &dg), SR_OK);
	diag_free(&dg);
	return l;
}

/* Every text box inside the page's text area (furniture inside the page). */
static void check_area(const layout *l)
{
	const doc_style *s = &l->style;
	/* every box the layout made is on a page: a table's cells were once
	 * laid out twice and the first copies left on no page */
	size_t on_pages = 0;
	for (int p = 0; p < l->npages; p++)
		on_pages += (size_t)l->pages[p].n;
	assert_int_equal(on_pages, l->nboxes);
	for (int p = 0; p < l->npages; p++)
		for (int i = 0; i < l->pages[p].n; i++) {
			const layout_box *b = &l->pages[p].boxes[i];
			if (b->kind != LAYOUT_TEXT)
				continue;
			double top = b->y - 0.905 * b->size, bot = b->y + 0.212 * b->size;
			if (b->role == LAYOUT_ARTIFACT && b->node == NULL) {
				assert_true(top >= 0 && bot <= s->page_h);
				continue;
			}
			if (b->x < s->margin_left - 0.01 || b->x + b->w > s->page_w - s->margin_right + 0.01 ||
			    top < s->margin_top - 0.01 || bot > s->page_h - s->margin_bottom + 0.01) {
				fprintf(stderr, "outside: p%d '%.*s' x=%.1f w=%.1f y=%.1f\n", p + 1,
					(int)b->len, b->text, b->x, b->w, b->y);
				fail();
			}
		}
}

static int count_lines(const layout *l, int p, const doc_node *n)
{
	double last = -1;
	int c = 0;
	for (int i = 0; i < l->pages[p].n; i++) {
		const layout_box *b = &l->pages[p].boxes[i];
		if (b->kind == LAYOUT_TEXT && b->node == n && b->y != last) {
			c++;
			last = b->y;
		}
	}
	return c;
}

static void sample_pages(void **state)
{
	doc *d = sample_doc(60, 1);
	layout *l = lay(d);
	assert_true(l->npages >= 4);
	assert_true(l->passes <= 2);
	check_area(l);
	FILE *null = fopen("/dev/null", "w");
	layout_dump(l, null);
	fclose(null);

	/* TOC numbers equal the heading pages */
	int seen = 0;
	for (int p = 0; p < l->npages; p++)
		for (int i = 0; i < l->pages[p].n; i++) {
			const layout_box *b = &l->pages[p].boxes[i];
			if (b->kind != LAYOUT_TEXT || b->role != LAYOUT_TOC_ENTRY || b->dest < 0)
				continue;
			char want[16];
			snprintf(want, sizeof want, "%d", l->heads[b->dest].page + 1);
			assert_int_equal(b->len, strlen(want));
			assert_memory_equal(b->text, want, b->len);
			seen++;
		}
	assert_int_equal(seen, l->nheads);

	/* headings never alone at a page foot: something follows on the page */
	for (int h = 0; h < l->nheads; h++) {
		int p = l->heads[h].page;
		int after = 0;
		for (int i = 0; i < l->pages[p].n; i++) {
			const layout_box *b = &l->pages[p].boxes[i];
			if (b->kind == LAYOUT_TEXT && b->role != LAYOUT_ARTIFACT &&
			    b->role != LAYOUT_HEADING && b->y > l->heads[h].y + 30)
				after = 1;
		}
		assert_true(after);
	}

	/* widows and orphans: a paragraph of several lines never shows one
	 * line alone on a page */
	doc_iter it;
	const doc_node *n;
	doc_event ev;
	doc_iter_init(&it, d->root);
	while ((ev = doc_iter_next(&it, &n)) != DOC_EV_DONE) {
		if (ev != DOC_EV_ENTER || n->type != DOC_PARAGRAPH || n->parent != d->root)
			continue;
		int total = 0, pages = 0, one = 0;
		for (int p = 0; p < l->npages; p++) {
			int c = count_lines(l, p, n);
			total += c;
			pages += c > 0;
			one += c == 1;
		}
		if (total > 1 && pages > 1)
			assert_int_equal(one, 0);
	}

	/* the table's header row repeats on every page with data rows */
	for (int p = 0; p < l->npages; p++) {
		int data = 0, header = 0;
		for (int i = 0; i < l->pages[p].n; i++) {
			const layout_box *b = &l->pages[p].boxes[i];
			if (b->kind != LAYOUT_TEXT)
				continue;
			if (b->role == LAYOUT_TABLE_DATA_CELL)
				data++;
			if (b->len == 6 && memcmp(b->text, "Tiltak", 6) == 0 &&
			    (b->role == LAYOUT_TABLE_HEADER_CELL || b->role == LAYOUT_ARTIFACT))
				header++;
		}
		if (data)
			assert_int_equal(header, 1);
	}
	layout_free(l);
	doc_free(d);
}

static doc *plain_doc(void)
{
	doc *d = doc_new();
	d->style = layout_style(d);
	return d;
}

/* Body paragraphs of lines lines each at shifting offsets: no widows or
 * orphans anywhere. */
static void widows_orphans(void **state)
{
	for (int shift = 0; shift < 8; shift++) {
		doc *d = plain_doc();
		for (int i = 0; i < shift; i++)
			doc_append(d->root, doc_para_text(d, DOC_P_NOTE, "Kort.", (srcpos){0}));
		for (int i = 0; i < 30; i++)
			doc_append(d->root, doc_para_text(d, DOC_P_BODY, sample_para, (srcpos){0}));
		layout *l = lay(d);
		check_area(l);
		for (const doc_node *n = d->root->first; n; n = n->next) {
			int total = 0, pages = 0, one = 0;
			for (int p = 0; p < l->npages; p++) {
				int c = count_lines(l, p, n);
				total += c, pages += c > 0, one += c == 1;
			}
			if (total > 1)
				assert_int_equal(one, 0);
		}
		layout_free(l);
		doc_free(d);
	}
}

/* A narrow column of long compound words, at shifting offsets, hyphenates
 * most lines: still no page ends in a hyphen, and the lines that went over
 * leave no orphan. */
static void no_hyphen_at_page_end(void **state)
{
	static const char text[] = "Forskningsstøtteenhetene i spesialisthelsetjenesten og "
				   "kompetansehevingstiltak for helseforetakene og "
				   "samarbeidsrelasjoner med kommunehelsetjenesten.";
	int hyphens = 0;
	for (int shift = 0; shift < 12; shift++) {
		doc *d = plain_doc();
		d->style.margin_right = d->style.page_w - d->style.margin_left - 110;
		for (int i = 0; i < shift; i++)
			doc_append(d->root, doc_para_text(d, DOC_P_NOTE, "Kort.", (srcpos){0}));
		for (int i = 0; i < 12; i++)
			doc_append(d->root, doc_para_text(d, DOC_P_BODY, text, (srcpos){0}));
		layout *l = lay(d);
		for (int p = 0; p + 1 < l->npages; p++) {
			const layout_box *last = NULL;
			for (int i = 0; i < l->pages[p].n; i++) {
				const layout_box *b = &l->pages[p].boxes[i];
				if (b->kind == LAYOUT_TEXT && b->role == LAYOUT_PARAGRAPH &&
				    (!last || b->y > last->y + 0.1))
					last = b;
				hyphens += b->kind == LAYOUT_TEXT && b->hyphen;
			}
			assert_non_null(last);
			if (last->hyphen)
				fail_msg("shift %d: page %d ends in '%.*s'", shift, p + 1,
					 (int)last->len, last->text);
		}
		for (const doc_node *n = d->root->first; n; n = n->next) {
			int one = 0, total = 0;
			for (int p = 0; p < l->npages; p++) {
				int c = count_lines(l, p, n);
				total += c, one += c == 1;
			}
			if (total > 1)
				assert_int_equal(one, 0);
		}
		layout_free(l);
		doc_free(d);
	}
	assert_true(hyphens > 100); /* the case hyphenates, or it tests nothing */
}

/* A heading whose paragraph does not fit moves to the next page with it. */
static void keep_with_next(void **state)
{
	for (int fill = 24; fill < 42; fill++) {
		doc *d = plain_doc();
		for (int i = 0; i < fill; i++)
			doc_append(d->root, doc_para_text(d, DOC_P_BODY, "Linje.", (srcpos){0}));
		doc_node *h = doc_append(d->root, doc_heading(d, 1, NULL, (srcpos){0}));
		doc_add_text(d, h, "Overskrift");
		doc_node *p = doc_append(d->root, doc_para_text(d, DOC_P_BODY, sample_para, (srcpos){0}));
		layout *l = lay(d);
		int hp = l->heads[0].page, pp = -1;
		for (int q = 0; q < l->npages && pp < 0; q++)
			if (count_lines(l, q, p))
				pp = q;
		assert_int_equal(hp, pp);
		layout_free(l);
		doc_free(d);
	}
}

static doc *table_doc(int filler, int rows, const char *celltext)
{
	doc *d = plain_doc();
	for (int i = 0; i < filler; i++)
		doc_append(d->root, doc_para_text(d, DOC_P_BODY, "Linje.", (srcpos){0}));
	doc_node *t = doc_append(d->root, doc_table(d, 2, NULL, 1, NULL, (srcpos){0}));
	doc_node *hr = doc_append(t, doc_row(d, 1));
	doc_append(doc_append(hr, doc_cell(d, 0, DOC_LEFT)), doc_para_text(d, DOC_P_BODY, "Kolonne A", (srcpos){0}));
	doc_append(doc_append(hr, doc_cell(d, 0, DOC_LEFT)), doc_para_text(d, DOC_P_BODY, "Kolonne B", (srcpos){0}));
	for (int r = 0; r < rows; r++) {
		doc_node *row = doc_append(t, doc_row(d, 0));
		doc_append(doc_append(row, doc_cell(d, 0, DOC_LEFT)), doc_para_text(d, DOC_P_BODY, celltext, (srcpos){0}));
		doc_append(row, doc_cell(d, 0, DOC_LEFT)); /* an empty cell */
	}
	return d;
}

/* The pages the painter's iterator has passed are given up: those pages
 * empty, every chunk of boxes that holds only passed pages freed, the rest
 * intact. */
static void paint_done_gives_back(void **state)
{
	(void)state;
	doc *d = table_doc(0, 30000, "Tekst i en celle som er lang nok til å brytes over flere linjer her.");
	layout *l = lay(d);
	assert_true(l->nboxes * sizeof(layout_box) > (size_t)8 << 20);
	assert_true(l->nchunks > 4);
	/* each page's run inside one chunk, the chunks in page order, every
	 * box on its page and none lost in the copying (the chunked path;
	 * smaller layouts are sorted in place and checked by check_area) */
	size_t k = 0, on_pages = 0;
	for (int p = 0; p < l->npages; p++) {
		on_pages += (size_t)l->pages[p].n;
		for (int i = 0; i < l->pages[p].n; i++)
			assert_int_equal(l->pages[p].boxes[i].page, p);
		while (k < l->nchunks && l->chunk_last[k] < p)
			k++;
		assert_true(k < l->nchunks);
		/* a chunk holds 8,192 boxes, or one page that has more */
		size_t cap = l->pages[p].n > 8192 ? (size_t)l->pages[p].n : 8192;
		if (l->pages[p].n)
			assert_true(l->pages[p].boxes >= l->chunks[k] &&
				    l->pages[p].boxes + l->pages[p].n <= l->chunks[k] + cap);
	}
	assert_int_equal(on_pages, l->nboxes);
	int half = l->npages / 2;
	layout_box *mid = l->pages[half].boxes;
	int nmid = l->pages[half].n, nlast = l->pages[l->npages - 1].n;
	layout_box keep = mid[0];
	for (int p = 0; p <= half; p++)
		assert_int_equal(layout_next_page(l), p); /* in order, each once */
	for (int p = 0; p < half; p++)
		assert_int_equal(l->pages[p].n, 0);
	assert_ptr_equal(l->pages[half].boxes, mid);
	assert_int_equal(l->pages[half].n, nmid);
	assert_memory_equal(&keep, &mid[0], sizeof keep);
	/* given back: every chunk holding only painted pages, none other */
	assert_true(l->nfreed > 0);
	for (size_t c = 0; c < l->nchunks; c++) {
		if (c < l->nfreed)
			assert_true(l->chunk_last[c] < half && l->chunks[c] == NULL);
		else
			assert_true(l->chunk_last[c] >= half && l->chunks[c] != NULL);
	}
	while (layout_next_page(l) >= 0)
		;
	assert_int_equal(layout_next_page(l), -1); /* and stays at the end */
	assert_int_equal(l->pages[l->npages - 1].n, 0);
	assert_true(nlast > 0);
	assert_int_equal(l->nfreed, l->nchunks); /* passing the last page frees them all */
	layout_free(l);
	doc_free(d);
}

static void table_row_taller_than_page(void **state)
{
	char *big = malloc(40 * sizeof sample_para);
	size_t len = 0, pl = strlen(sample_para);
	for (int i = 0; i < 39; i++) {
		memcpy(big + len, sample_para, pl);
		len += pl;
		big[len++] = ' ';
	}
	big[len] = 0;
	for (int filler = 0; filler < 40; filler += 20) {
		doc *d = table_doc(filler, 1, big);
		layout *l = lay(d);
		assert_true(l->npages >= 2);
		check_area(l);
		/* the row's text is on several pages; a header is never alone */
		int pages = 0;
		for (int p = 0; p < l->npages; p++) {
			int td = 0, th = 0;
			for (int i = 0; i < l->pages[p].n; i++) {
				const layout_box *b = &l->pages[p].boxes[i];
				td += b->kind == LAYOUT_TEXT && b->role == LAYOUT_TABLE_DATA_CELL;
				th += b->kind == LAYOUT_TEXT && (b->role == LAYOUT_TABLE_HEADER_CELL ||
								 b->role == LAYOUT_ARTIFACT) &&
				      b->node == NULL && b->len == 9 && memcmp(b->text, "Kolonne A", 9) == 0;
				th += b->kind == LAYOUT_TEXT && b->role == LAYOUT_TABLE_HEADER_CELL;
			}
			pages += td > 0;
			if (th)
				assert_true(td > 0);
		}
		assert_true(pages >= 2);
		layout_free(l);
		doc_free(d);
	}
	free(big);
}

static void table_row_moves_whole(void **state)
{
	for (int filler = 26; filler < 42; filler++) {
		doc *d = table_doc(filler, 1, "To linjer\u00A0her, med nok tekst til å bryte over flere linjer i en smal celle.");
		layout *l = lay(d);
		int pages = 0;
		for (int p = 0; p < l->npages; p++) {
			int td = 0, th = 0;
			for (int i = 0; i < l->pages[p].n; i++) {
				const layout_box *b = &l->pages[p].boxes[i];
				td += b->kind == LAYOUT_TEXT && b->role == LAYOUT_TABLE_DATA_CELL;
				th += b->kind == LAYOUT_TEXT && b->role == LAYOUT_TABLE_HEADER_CELL;
			}
			pages += td > 0;
			if (td)
				assert_true(th > 0); /* its header moved with it */
		}
		assert_int_equal(pages, 1);
		layout_free(l);
		doc_free(d);
	}
}

static void narrow_cells_stay_inside(void **state)
{
	doc *d = plain_doc();
	static const double w[] = {1, 1, 1, 1, 1, 1, 1, 1};
	doc_node *t = doc_append(d->root, doc_table(d, 8, w, 0, NULL, (srcpos){0}));
	for (int r = 0; r < 4; r++) {
		doc_node *row = doc_append(t, doc_row(d, 0));
		for (int c = 0; c < 8; c++)
			doc_append(doc_append(row, doc_cell(d, 0, DOC_LEFT)),
				   doc_para_text(d, DOC_P_BODY, sample_words[(r + c) % 10], (srcpos){0}));
	}
	layout *l = lay(d);
	check_area(l);
	/* every text box within its column: no box overlaps its right neighbour */
	for (int i = 0; i < l->pages[0].n; i++) {
		const layout_box *a = &l->pages[0].boxes[i];
		for (int j = 0; j < l->pages[0].n; j++) {
			const layout_box *b = &l->pages[0].boxes[j];
			if (i == j || a->kind != LAYOUT_TEXT || b->kind != LAYOUT_TEXT || a->y != b->y)
				continue;
			assert_true(a->x + a->w <= b->x + 0.01 || b->x + b->w <= a->x + 0.01);
		}
	}
	layout_free(l);
	doc_free(d);
}

/* Links find their rows by name: every row of a table several pages long
 * has an anchor (one name twice), and each name leads to the page and
 * place of its row -- the first row of a name given twice -- as a walk
 * over the anchors in document order finds it. */
static void anchors_by_name(void **state)
{
	doc *d = plain_doc();
	static const double w[] = {1, 3};
	enum { ROWS = 400 };
	doc_node *t = doc_append(d->root, doc_table(d, 2, w, 0, NULL, (srcpos){0}));
	for (int r = 0; r < ROWS; r++) {
		char name[32];
		/* the last row takes the name of row 7 again */
		snprintf(name, sizeof name, "tiltak-%d", r == ROWS - 1 ? 7 : r);
		doc_node *row = doc_append(t, doc_row(d, 0));
		row->u.row.anchor = arena_strndup(&d->arena, name, strlen(name));
		for (int c = 0; c < 2; c++)
			doc_append(doc_append(row, doc_cell(d, 0, DOC_LEFT)),
				   doc_para_text(d, DOC_P_BODY, sample_words[(r + c) % 10], (srcpos){0}));
	}
	layout *l = lay(d);
	assert_true(l->npages >= 3);
	assert_int_equal(l->nanchors, ROWS);
	for (int r = 0; r < ROWS; r++) {
		char href[32];
		snprintf(href, sizeof href, "#tiltak-%d", r == ROWS - 1 ? 7 : r);
		const layout_anchor *want = NULL;
		for (int i = 0; i < l->nanchors && !want; i++)
			if (strcmp(l->anchors[i].name, href + 1) == 0)
				want = &l->anchors[i];
		assert_non_null(want);
		assert_true(want->page >= 0 && want->page < l->npages);
		assert_ptr_equal(layout_anchor_find(l, href), want);
	}
	assert_ptr_equal(layout_anchor_find(l, "#tiltak-7")->node, l->anchors[7].node);
	assert_null(layout_anchor_find(l, "#tiltak-400"));
	assert_null(layout_anchor_find(l, "#"));
	assert_null(layout_anchor_find(l, "tiltak-1"));
	assert_null(layout_anchor_find(l, NULL));
	layout_free(l);
	doc_free(d);
}

/* Odd but legal (and some illegal) trees: nothing crashes, nothing leaves
 * the text area. */
static void odd_trees(void **state)
{
	srcpos z = {0};
	for (int k = 0; k < 9; k++) {
		doc *d = plain_doc();
		doc_node *R = d->root;
		switch (k) {
		case 0: /* empty document */
			break;
		case 1: /* a TOC with no headings, an empty heading, an empty paragraph */
			doc_append(R, doc_node_new(d, DOC_TOC, z));
			doc_append(R, doc_heading(d, 1, NULL, z));
			doc_append(R, doc_para(d, DOC_P_BODY, z));
			break;
		case 2: { /* lists nested 200 deep */
			doc_node *p = R;
			for (int i = 0; i < 200; i++) {
				doc_node *l = doc_append(p, doc_node_new(d, DOC_LIST, z));
				p = doc_append(l, doc_node_new(d, DOC_ITEM, z));
				doc_append(p, doc_para_text(d, DOC_P_BODY, "nivå", z));
			}
			break;
		}
		case 3: { /* a paragraph of forced breaks only, and a huge heading word */
			doc_node *p = doc_append(R, doc_para(d, DOC_P_BODY, z));
			for (int i = 0; i < 100; i++)
				doc_append(p, doc_node_new(d, DOC_BREAK, z));
			doc_node *h = doc_append(R, doc_heading(d, 1, NULL, z));
			char w[2001];
			memset(w, 'm', 2000);
			w[2000] = 0;
			doc_add_text(d, h, w);
			break;
		}
		case 4: { /* a row with fewer cells than columns; a cell with a list */
			doc_node *t = doc_append(R, doc_table(d, 3, NULL, 0, NULL, z));
			doc_node *r = doc_append(t, doc_row(d, 0));
			doc_node *c = doc_append(r, doc_cell(d, 0, DOC_RIGHT));
			doc_node *l = doc_append(c, doc_node_new(d, DOC_LIST, z));
			doc_append(doc_append(l, doc_node_new(d, DOC_ITEM, z)),
				   doc_para_text(d, DOC_P_BODY, "punkt i celle", z));
			break;
		}
		case 5: /* page breaks only, a chart */
			for (int i = 0; i < 3; i++)
				doc_append(R, doc_node_new(d, DOC_PAGE_BREAK, z));
			doc_append(R, doc_node_new(d, DOC_CHART, z));
			doc_append(R, doc_para_text(d, DOC_P_BODY, "etter", z));
			break;
		case 6: /* only headings: every one keeps with the next */
			for (int i = 0; i < 80; i++)
				doc_add_text(d, doc_append(R, doc_heading(d, 1 + i % 3, NULL, z)), "Overskrift");
			break;
		case 7: /* 3000 table rows, 9 narrow columns, header fills off the table */
			d->style.header_fill = 99;
			{
				doc_node *t = doc_append(R, doc_table(d, 9, NULL, 2, NULL, z));
				for (int i = 0; i < 3000; i++) {
					doc_node *r = doc_append(t, doc_row(d, 0));
					for (int c = 0; c < 9; c++)
						doc_append(doc_append(r, doc_cell(d, c == 4 ? 77 : 0, DOC_CENTER)),
							   doc_para_text(d, DOC_P_BODY, sample_words[(i + c) % 10], z));
				}
			}
			break;
		case 8: /* links nested in emphasis in strong, and text after */
			{
				doc_node *p = doc_append(R, doc_para(d, DOC_P_LEAD, z));
				doc_node *st = doc_append(p, doc_node_new(d, DOC_STRONG, z));
				doc_node *em = doc_append(st, doc_node_new(d, DOC_EMPH, z));
				doc_node *l1 = doc_append(em, doc_node_new(d, DOC_LINK, z));
				l1->u.link.href = "https://a.example/";
				doc_node *l2 = doc_append(l1, doc_node_new(d, DOC_LINK, z));
				l2->u.link.href = "https://b.example/";
				doc_add_text(d, l2, "indre");
				doc_add_text(d, l1, " ytre");
				doc_add_text(d, p, " vanlig tekst");
			}
			break;
		}
		layout *l = lay(d);
		assert_true(l->npages >= 1);
		check_area(l);
		layout_free(l);
		doc_free(d);
	}
}

/* A small document's layout dump against tests/unit/layout_small.expected,
 * so a change in the layout shows as a readable diff.  SR_UPDATE_GOLDEN=1
 * rewrites the file. */
static void golden_dump(void **state)
{
	srcpos z = {0};
	doc *d = plain_doc();
	d->toc_title = "Innhold";
	d->header_text = "Topptekst";
	d->date_text = "1. januar 2026";
	int late = doc_add_fill(d, "status-delayed", "Forsinket", 0xF8D7A8, 0x5C3A00);
	doc_node *R = d->root;
	doc_append(R, doc_para_text(d, DOC_P_TITLE, "Tittel på rapporten", z));
	doc_append(R, doc_para_text(d, DOC_P_SUBTITLE, "Undertittel", z));
	doc_append(R, doc_node_new(d, DOC_TOC, z));
	doc_add_text(d, doc_append(R, doc_heading(d, 1, NULL, z)), "1 Første kapittel");
	sample_rich_para(d, R);
	doc_node *L = doc_append(R, doc_node_new(d, DOC_LIST, z));
	doc_append(doc_append(L, doc_node_new(d, DOC_ITEM, z)), doc_para_text(d, DOC_P_BODY, "Ett punkt", z));
	doc_add_text(d, doc_append(R, doc_heading(d, 2, NULL, z)), "1.1 Tabell");
	static const double w[] = {1, 3, 1};
	doc_node *T = doc_append(R, doc_table(d, 3, w, 1, NULL, z));
	doc_node *hr = doc_append(T, doc_row(d, 1));
	const char *hd[] = {"Nr.", "Tiltak", "Status"};
	for (int c = 0; c < 3; c++)
		doc_append(doc_append(hr, doc_cell(d, 0, DOC_LEFT)), doc_para_text(d, DOC_P_BODY, hd[c], z));
	doc_node *r = doc_append(T, doc_row(d, 0));
	doc_append(doc_append(r, doc_cell(d, 0, DOC_LEFT)), doc_para_text(d, DOC_P_BODY, "1.1", z));
	doc_append(doc_append(r, doc_cell(d, 0, DOC_LEFT)),
		   doc_para_text(d, DOC_P_BODY, "Styrke forskningsstøtteenhetene i spesialisthelsetjenesten", z));
	doc_append(doc_append(r, doc_cell(d, late, DOC_LEFT)), doc_para_text(d, DOC_P_BODY, "Forsinket", z));
	layout *l = lay(d);
	char *text = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&text, &len);
	layout_dump(l, m);
	fclose(m);
	const char *top = getenv("SR_TOP");
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/unit/layout_small.expected", top && *top ? top : SR_TOP_DIR);
	if (getenv("SR_UPDATE_GOLDEN")) {
		FILE *f = fopen(path, "w");
		assert_non_null(f);
		fwrite(text, 1, len, f);
		fclose(f);
	}
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "no %s (run with SR_UPDATE_GOLDEN=1)\n", path);
		fail();
	}
	char *want = calloc(1, len + 2);
	size_t got = fread(want, 1, len + 1, f);
	fclose(f);
	if (got != len || memcmp(want, text, len) != 0) {
		fprintf(stderr, "layout dump differs from %s; got:\n%s", path, text);
		fail();
	}
	free(want);
	free(text);
	layout_free(l);
	doc_free(d);
}

/* ---- the engine ---- */

static void render_twice_identical(void **state)
{
	diag dg;
	diag_init(&dg);
	pdf_engine *e;
	assert_int_equal(pdf_engine_open(&e, NULL, &dg), SR_OK);
	doc *d = sample_doc(60, 0);
	buf a = BUF_INIT, b = BUF_INIT;
	assert_int_equal(pdf_render(e, d, &a, &dg), SR_OK);
	assert_int_equal(pdf_render(e, d, &b, &dg), SR_OK);
	assert_true(a.len > 1000 && a.len < 1000000);
	assert_memory_equal(a.data, "%PDF-", 5);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	const char *out = getenv("SR_PDF_OUT");
	if (out) {
		FILE *f = fopen(out, "wb");
		if (f) {
			fwrite(a.data, 1, a.len, f);
			fclose(f);
		}
	}
	/* the Sami letters take the UTF-8 path */
	const char *out8 = getenv("SR_PDF_OUT_UTF8");
	doc *d8 = sample_doc(60, 1);
	a.len = 0;
	assert_int_equal(pdf_render(e, d8, &a, &dg), SR_OK);
	if (out8) {
		FILE *f = fopen(out8, "wb");
		if (f) {
			fwrite(a.data, 1, a.len, f);
			fclose(f);
		}
	}
	doc_free(d8);
	buf_free(&a);
	buf_free(&b);
	doc_free(d);
	pdf_engine_close(e);
	diag_free(&dg);
}

/* One engine, several threads: the batch case.  Each thread renders its
 * own document; all outputs must equal the single-threaded one. */
typedef struct job {
	pdf_engine *e;
	buf out;
	sr_status st;
} job;

static void *render_job(void *arg)
{
	job *j = arg;
	diag dg;
	diag_init(&dg);
	doc *d = sample_doc(40, 1);
	j->st = d ? pdf_render(j->e, d, &j->out, &dg) : SR_SYSTEM;
	doc_free(d);
	diag_free(&dg);
	return NULL;
}

static void threads_share_engine(void **state)
{
	diag dg;
	diag_init(&dg);
	pdf_engine *e;
	assert_int_equal(pdf_engine_open(&e, NULL, &dg), SR_OK);
	enum { N = 4 };
	job jobs[N];
	pthread_t th[N];
	for (int i = 0; i < N; i++) {
		jobs[i] = (job){e, BUF_INIT, SR_OK};
		assert_int_equal(pthread_create(&th[i], NULL, render_job, &jobs[i]), 0);
	}
	for (int i = 0; i < N; i++)
		pthread_join(th[i], NULL);
	for (int i = 0; i < N; i++) {
		assert_int_equal(jobs[i].st, SR_OK);
		assert_int_equal(jobs[i].out.len, jobs[0].out.len);
		assert_memory_equal(jobs[i].out.data, jobs[0].out.data, jobs[0].out.len);
	}
	for (int i = 0; i < N; i++)
		buf_free(&jobs[i].out);
	pdf_engine_close(e);
	diag_free(&dg);
}

/* A 1x1 PNG, written to a temporary file. */
static const unsigned char png1[] = {
	0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
	0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90,
	0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8,
	0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xDD, 0x8D, 0xB0, 0x00, 0x00, 0x00,
	0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};

static sr_status render_with_logo(const void *bytes, size_t n)
{
	char path[] = "/tmp/sr-logo-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "wb");
	fwrite(bytes, 1, n, f);
	fclose(f);
	diag dg;
	diag_init(&dg);
	pdf_engine *e;
	assert_int_equal(pdf_engine_open(&e, NULL, &dg), SR_OK);
	doc *d = sample_doc(2, 0);
	d->style.logo_path = path;
	buf a = BUF_INIT;
	sr_status st = pdf_render(e, d, &a, &dg);
	if (st == SR_OK)
		assert_true(buf_has(&a, "/Image"));
	else
		assert_true(dg.n >= 1 && strstr(dg.msgs[0].text, "logo"));
	buf_free(&a);
	doc_free(d);
	pdf_engine_close(e);
	diag_free(&dg);
	remove(path);
	return st;
}

static void logo(void **state)
{
	assert_int_equal(render_with_logo(png1, sizeof png1), SR_OK);
	assert_int_equal(render_with_logo("not an image", 12), SR_INVALID);
	assert_int_equal(render_with_logo("\x89PNG\r\n\x1a\n broken", 15), SR_INVALID);
	assert_int_equal(render_with_logo(png1, 40), SR_INVALID); /* truncated */
}

static void missing_glyph_warns(void **state)
{
	diag dg;
	diag_init(&dg);
	pdf_engine *e;
	assert_int_equal(pdf_engine_open(&e, NULL, &dg), SR_OK);
	doc *d = plain_doc();
	doc_append(d->root, doc_para_text(d, DOC_P_BODY, "Hanzi \u4E2D her", (srcpos){0}));
	buf a = BUF_INIT;
	assert_int_equal(pdf_render(e, d, &a, &dg), SR_OK);
	assert_int_equal(dg.warnings, 1);
	assert_non_null(strstr(dg.msgs[0].text, "U+4E2D"));
	buf_free(&a);
	doc_free(d);
	pdf_engine_close(e);
	diag_free(&dg);
}

/* The engine's font folders come before the system's: a copy of Liberation
 * Serif in a folder of our own wins over the installed one. */
static void font_dirs_first(void **state)
{
	char dir[] = "/tmp/sr-fonts-XXXXXX";
	assert_non_null(mkdtemp(dir));
	static const char *const names[] = {"Regular", "Bold", "Italic", "BoldItalic"};
	char src[256], dst[512];
	for (int i = 0; i < 4; i++) {
		snprintf(src, sizeof src, "/usr/share/fonts/truetype/liberation2/LiberationSerif-%s.ttf",
			 names[i]);
		snprintf(dst, sizeof dst, "%s/LiberationSerif-%s.ttf", dir, names[i]);
		FILE *in = fopen(src, "rb"), *out = fopen(dst, "wb");
		assert_non_null(in);
		assert_non_null(out);
		char b[65536];
		size_t n;
		while ((n = fread(b, 1, sizeof b, in)) > 0)
			fwrite(b, 1, n, out);
		fclose(in);
		fclose(out);
	}
	const char *dirs[] = {"/nonexistent/fonts", dir, NULL};
	diag dg;
	diag_init(&dg);
	fonts *f;
	const font_family *fam;
	assert_int_equal(fonts_open(&f, dirs, &dg), SR_OK);
	assert_int_equal(fonts_family(f, "Liberation Serif", &fam, &dg), SR_OK);
	for (int i = 0; i < FONT_NSTYLES; i++)
		assert_int_equal(strncmp(fam->face[i].path, dir, strlen(dir)), 0);
	/* a family not in the folder still comes from the system */
	assert_int_equal(fonts_family(f, "Liberation Sans", &fam, &dg), SR_OK);
	assert_int_not_equal(strncmp(fam->face[0].path, dir, strlen(dir)), 0);
	fonts_close(f);
	diag_free(&dg);
	for (int i = 0; i < 4; i++) {
		snprintf(dst, sizeof dst, "%s/LiberationSerif-%s.ttf", dir, names[i]);
		remove(dst);
	}
	remove(dir);
}

/* A tree handed to the PDF's row is freed by it once read, before the
 * save, and nothing reads it after that: a later read is a use after free
 * and a second free a double free, a tree never freed a leak (ASan
 * build), and anything else a different file. */
static void tree_let_go_before_save(void **state)
{
	diag dg;
	diag_init(&dg);
	pdf_engine *e;
	assert_int_equal(pdf_engine_open(&e, NULL, &dg), SR_OK);
	doc *d = sample_doc(60, 0);
	buf a = BUF_INIT, b = BUF_INIT;
	assert_int_equal(pdf_render(e, d, &a, &dg), SR_OK);
	assert_int_equal(backend_pdf.render(e, d, 1, &b, &dg), SR_OK);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	/* on failure too */
	d = sample_doc(1, 0);
	d->style.font_family = "Ingen Slik Skrift";
	b.len = 0;
	assert_int_equal(backend_pdf.render(e, d, 1, &b, &dg), SR_SYSTEM);
	buf_free(&a);
	buf_free(&b);
	pdf_engine_close(e);
	diag_free(&dg);
}

static void missing_family(void **state)
{
	diag dg;
	diag_init(&dg);
	pdf_engine *e;
	assert_int_equal(pdf_engine_open(&e, NULL, &dg), SR_OK);
	doc *d = sample_doc(1, 0);
	d->style.font_family = "Ingen Slik Skrift";
	buf a = BUF_INIT;
	assert_int_equal(pdf_render(e, d, &a, &dg), SR_SYSTEM);
	assert_true(dg.n >= 1);
	assert_non_null(strstr(dg.msgs[0].text, "Ingen Slik Skrift"));
	buf_free(&a);
	doc_free(d);
	pdf_engine_close(e);
	diag_free(&dg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(font_advances),
		cmocka_unit_test(break_table),
		cmocka_unit_test(sample_pages),
		cmocka_unit_test(widows_orphans),
		cmocka_unit_test(no_hyphen_at_page_end),
		cmocka_unit_test(keep_with_next),
		cmocka_unit_test(table_row_taller_than_page),
		cmocka_unit_test(paint_done_gives_back),
		cmocka_unit_test(table_row_moves_whole),
		cmocka_unit_test(narrow_cells_stay_inside),
		cmocka_unit_test(anchors_by_name),
		cmocka_unit_test(odd_trees),
		cmocka_unit_test(golden_dump),
		cmocka_unit_test(render_twice_identical),
		cmocka_unit_test(threads_share_engine),
		cmocka_unit_test(logo),
		cmocka_unit_test(missing_glyph_warns),
		cmocka_unit_test(font_dirs_first),
		cmocka_unit_test(missing_family),
		cmocka_unit_test(tree_let_go_before_save),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
