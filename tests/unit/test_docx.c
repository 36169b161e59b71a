/* test_docx.c: the DOCX package -- its parts and their order, content
 * types and relationships that resolve, determinism, and the
 * WordprocessingML the sample document becomes (styles Word knows, the
 * contents and their bookmarks, numbering, table rows and fills, the
 * footer's fields, document properties, a native chart).
 *
 * With DOCX_SAMPLE_OUT=FILE (and DOCX_EDGE_OUT=FILE) in the environment
 * the packages are also written there, so tests/e2e/docx.sh can hand them
 * to validate-docx without the CLI. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <zip.h>

#include "doc/chart.h"
#include "odt_sample.h"
#include "ooxml/docx.h"

static void render(const doc *d, buf *out)
{
	diag g;
	diag_init(&g);
	assert_int_equal(docx_render(d, out, &g), SR_OK);
	assert_int_equal(g.errors, 0);
	diag_free(&g);
}

/* Entry name -> its bytes, read back with libzip.  Caller frees *data
 * (NULL when the entry is absent). */
static int unzip_entry(const buf *pkg, const char *name, char **data, size_t *len)
{
	*data = NULL;
	*len = 0;
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *s = zip_source_buffer_create(pkg->data, pkg->len, 0, &ze);
	assert_non_null(s);
	zip_t *za = zip_open_from_source(s, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	assert_non_null(za);
	zip_stat_t st;
	int rc = -1;
	if (zip_stat(za, name, 0, &st) == 0) {
		zip_file_t *f = zip_fopen(za, name, 0);
		assert_non_null(f);
		*data = malloc(st.size + 1);
		assert_non_null(*data);
		assert_int_equal(zip_fread(f, *data, st.size), (zip_int64_t)st.size);
		(*data)[st.size] = '\0';
		*len = st.size;
		zip_fclose(f);
		rc = 0;
	}
	zip_close(za);
	zip_error_fini(&ze);
	return rc;
}

typedef struct part {
	xmlDocPtr xml;
	xmlXPathContextPtr xp;
	char *raw;
} part;

static void part_open(part *p, const buf *pkg, const char *name)
{
	size_t len = 0;
	if (unzip_entry(pkg, name, &p->raw, &len) != 0)
		fail_msg("no part %s", name);
	p->xml = xmlReadMemory(p->raw, (int)len, name, NULL, XML_PARSE_NONET);
	assert_non_null(p->xml);
	p->xp = xmlXPathNewContext(p->xml);
	static const char *const ns[][2] = {
		{"w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
		{"r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"},
		{"wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"},
		{"a", "http://schemas.openxmlformats.org/drawingml/2006/main"},
		{"c", "http://schemas.openxmlformats.org/drawingml/2006/chart"},
		{"rel", "http://schemas.openxmlformats.org/package/2006/relationships"},
		{"ct", "http://schemas.openxmlformats.org/package/2006/content-types"},
		{"cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"},
		{"dc", "http://purl.org/dc/elements/1.1/"},
		{"dcterms", "http://purl.org/dc/terms/"},
	};
	for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++)
		xmlXPathRegisterNs(p->xp, (const xmlChar *)ns[i][0], (const xmlChar *)ns[i][1]);
}

static void part_close(part *p)
{
	xmlXPathFreeContext(p->xp);
	xmlFreeDoc(p->xml);
	free(p->raw);
}

static double xnum(part *p, const char *expr)
{
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, p->xp);
	if (!o)
		fail_msg("bad XPath %s", expr);
	double v = xmlXPathCastToNumber(o);
	xmlXPathFreeObject(o);
	return v;
}

/* The string value of expr; caller frees. */
static char *xstr(part *p, const char *expr)
{
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, p->xp);
	if (!o)
		fail_msg("bad XPath %s", expr);
	char *s = (char *)xmlXPathCastToString(o);
	xmlXPathFreeObject(o);
	return s;
}

static void assert_xstr(part *p, const char *expr, const char *want)
{
	char *s = xstr(p, expr);
	if (strcmp(s, want) != 0)
		fail_msg("%s: got \"%s\", want \"%s\"", expr, s, want);
	xmlFree(s);
}

static void assert_count(part *p, const char *expr, int want)
{
	int got = (int)xnum(p, expr);
	if (got != want)
		fail_msg("%s: got %d, want %d", expr, got, want);
}

/* A line chart as the report builder makes one: four years, two series
 * with gaps, baseline, target and the expected path. */
static const char *const years[] = {"2022", "2023", "2024", "2025"};
static double regional[] = {NAN, 3.2, 3.5, NAN}, stolav[] = {NAN, 4.1, 4.4, NAN};
static chart_series line_series[] = {
	{"Regionalt", regional, 0x1F4E79, 0xFFFFFF},
	{"St. Olavs hospital HF", stolav, 0xC55A11, 0xFFFFFF},
};
static doc_chart line_chart = {
	.kind = CHART_LINE, .title = "Andel pasienter i kliniske studier", .unit = "%",
	.ncats = 4, .cats = (const char **)years, .nseries = 2, .series = line_series,
	.base_cat = 0, .base_value = 2.9, .target_cat = 3, .target_value = 5,
	.base_label = "Utgangspunkt", .target_label = "M\xc3\xa5lverdi",
	.track_label = "Bane mot m\xc3\xa5let", .on_track = 0, .decimal = ",",
	.group = "\xc2\xa0", .lang = "nb-NO", .on_track_text = "Vurdering: Ikke i rute",
	.subtitle = "Andelen skal \xc3\xb8ke til 5 prosent i 2025",
};
static const char *const areas[] = {"1 F\xc3\xb8lge opp Nasjonal handlingsplan for kliniske studier",
				    "2 Brukerinvolvering"};
static double started[] = {2, 0}, going_[] = {17, 2};
static chart_series bar_series[] = {
	{"Ikke startet", started, 0xE8E8E8, 0x333333},
	{"P\xc3\xa5g\xc3\xa5r", going_, 0xDCE9F7, 0x123C69},
};
static doc_chart hbar_chart = {
	.kind = CHART_STACKED_HBAR, .title = "Status for tiltakene", .ncats = 2,
	.cats = (const char **)areas, .nseries = 2, .series = bar_series, .base_cat = -1,
	.target_cat = -1, .on_track = -1, .decimal = ",", .group = "\xc2\xa0", .lang = "nb-NO",
	.total_label = "Totalt",
};

/* The sample with two charts in it. */
static doc *sample_with_charts(void)
{
	doc *d = sample_doc();
	if (!d)
		return NULL;
	for (doc_node *n = d->root->first; n; n = n->next)
		if (n->type == DOC_CHART)
			n->u.chart.chart = &line_chart;
	doc_node *c = doc_append(d->root, doc_node_new(d, DOC_CHART, (srcpos){0}));
	if (c)
		c->u.chart.chart = &hbar_chart, c->u.chart.alt = "Liggende stolpediagram";
	return d;
}

static int sample_setup(void **state)
{
	doc *d = sample_with_charts();
	if (!d || doc_failed(d))
		return -1;
	buf *b = calloc(1, sizeof *b);
	diag g;
	diag_init(&g);
	sr_status st = docx_render(d, b, &g);
	diag_free(&g);
	doc_free(d);
	if (st != SR_OK)
		return -1;
	const char *out = getenv("DOCX_SAMPLE_OUT");
	if (out) {
		FILE *f = fopen(out, "wb");
		if (!f || fwrite(b->data, 1, b->len, f) != b->len || fclose(f) != 0)
			return -1;
	}
	*state = b;
	return 0;
}

static int sample_teardown(void **state)
{
	buf_free(*state);
	free(*state);
	return 0;
}

/* The parts in their fixed order, deflated, no extra fields, every time
 * 2026-11-23 08:00 UTC; no "mimetype" (that is ODF's). */
static void test_zip_entries(void **state)
{
	const buf *b = *state;
	static const char *const want[] = {
		"[Content_Types].xml", "_rels/.rels", "word/document.xml",
		"word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
		"word/numbering.xml", "word/header1.xml", "word/header2.xml", "word/footer1.xml", "word/footer2.xml",
		"docProps/core.xml", "docProps/app.xml", "word/charts/chart1.xml",
		"word/charts/chart2.xml"};
	enum { N = sizeof want / sizeof want[0] };
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *s = zip_source_buffer_create(b->data, b->len, 0, &ze);
	zip_t *za = zip_open_from_source(s, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	assert_non_null(za);
	assert_int_equal(zip_get_num_entries(za, 0), N);
	for (zip_uint64_t i = 0; i < N; i++) {
		assert_string_equal(zip_get_name(za, i, 0), want[i]);
		assert_int_equal(zip_file_extra_fields_count(za, i, ZIP_FL_CENTRAL | ZIP_FL_LOCAL), 0);
		zip_stat_t st;
		assert_int_equal(zip_stat_index(za, i, 0, &st), 0);
		assert_int_equal(st.comp_method, ZIP_CM_DEFLATE);
		struct tm tm;
		localtime_r(&st.mtime, &tm);
		assert_int_equal(tm.tm_year + 1900, 2026);
		assert_int_equal(tm.tm_mon + 1, 11);
		assert_int_equal(tm.tm_mday, 23);
		assert_int_equal(tm.tm_hour, 8);
	}
	zip_close(za);
	zip_error_fini(&ze);
}

static void test_deterministic(void **state)
{
	const buf *first = *state;
	doc *d = sample_with_charts();
	buf again = BUF_INIT;
	const char *tz = getenv("TZ");
	char *saved = tz ? strdup(tz) : NULL;
	setenv("TZ", "America/St_Johns", 1);
	tzset();
	render(d, &again);
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
	assert_int_equal(again.len, first->len);
	assert_memory_equal(again.data, first->data, first->len);
	buf_free(&again);
	doc_free(d);
}

/* Every part has its content type; every relationship of the document
 * points at a part of the package or is an external link. */
static void test_types_and_rels(void **state)
{
	const buf *b = *state;
	part t, r, d;
	part_open(&t, b, "[Content_Types].xml");
	assert_xstr(&t, "string(//ct:Override[@PartName='/word/document.xml']/@ContentType)",
		    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
	assert_count(&t, "count(//ct:Override[starts-with(@PartName,'/word/charts/')])", 2);
	assert_count(&t, "count(//ct:Default[@Extension='rels'])", 1);
	part_close(&t);
	part_open(&r, b, "word/_rels/document.xml.rels");
	char *data;
	size_t len;
	int n = (int)xnum(&r, "count(//rel:Relationship[not(@TargetMode)])");
	for (int i = 1; i <= n; i++) {
		char q[128], path[128];
		snprintf(q, sizeof q, "string(//rel:Relationship[not(@TargetMode)][%d]/@Target)", i);
		char *target = xstr(&r, q);
		snprintf(path, sizeof path, "word/%s", target);
		if (unzip_entry(b, path, &data, &len) != 0)
			fail_msg("relationship to %s: no such part", path);
		free(data);
		xmlFree(target);
	}
	assert_xstr(&r, "string(//rel:Relationship[@TargetMode='External']/@Target)",
		    "https://www.helse-midt.no/fag-og-forsking/");
	/* the document's r:ids all resolve */
	part_open(&d, b, "word/document.xml");
	int m = (int)xnum(&d, "count(//@r:id)");
	assert_true(m >= 4);
	for (int i = 1; i <= m; i++) {
		char q[128];
		snprintf(q, sizeof q, "string((//@r:id)[%d])", i);
		char *id = xstr(&d, q);
		snprintf(q, sizeof q, "count(//rel:Relationship[@Id='%s'])", id);
		assert_count(&r, q, 1);
		xmlFree(id);
	}
	part_close(&d);
	part_close(&r);
}

/* What the schema cannot check: every style, numbering and bookmark the
 * document names exists, and ids are unique. */
static void check_references(const buf *b)
{
	part d, st, nu;
	part_open(&d, b, "word/document.xml");
	part_open(&st, b, "word/styles.xml");
	part_open(&nu, b, "word/numbering.xml");
	static const char *const refs[][2] = {
		{"//w:pStyle", "paragraph"}, {"//w:rStyle", "character"}, {"//w:tblStyle", "table"}};
	for (int k = 0; k < 3; k++) {
		char q[200];
		snprintf(q, sizeof q, "count(%s)", refs[k][0]);
		int n = (int)xnum(&d, q);
		assert_true(n > 0);
		for (int i = 1; i <= n; i++) {
			snprintf(q, sizeof q, "string((%s)[%d]/@w:val)", refs[k][0], i);
			char *id = xstr(&d, q);
			snprintf(q, sizeof q, "count(//w:style[@w:type='%s' and @w:styleId='%s'])",
				 refs[k][1], id);
			if ((int)xnum(&st, q) != 1)
				fail_msg("%s style %s is not defined", refs[k][1], id);
			xmlFree(id);
		}
	}
	int n = (int)xnum(&d, "count(//w:numId)");
	for (int i = 1; i <= n; i++) {
		char q[160];
		snprintf(q, sizeof q, "string((//w:numId)[%d]/@w:val)", i);
		char *id = xstr(&d, q);
		snprintf(q, sizeof q, "count(//w:num[@w:numId='%s'])", id);
		assert_count(&nu, q, 1);
		xmlFree(id);
	}
	/* basedOn and next name styles that exist */
	int m = (int)xnum(&st, "count(//w:basedOn | //w:next)");
	for (int i = 1; i <= m; i++) {
		char q[160];
		snprintf(q, sizeof q, "string((//w:basedOn | //w:next)[%d]/@w:val)", i);
		char *id = xstr(&st, q);
		snprintf(q, sizeof q, "count(//w:style[@w:styleId='%s'])", id);
		assert_count(&st, q, 1);
		xmlFree(id);
	}
	assert_count(&st, "count(//w:style[@w:styleId=preceding::w:style/@w:styleId])", 0);
	assert_count(&st, "count(//w:style/w:name[@w:val=preceding::w:style/w:name/@w:val])", 0);
	assert_count(&d, "count(//w:bookmarkStart[@w:id=preceding::w:bookmarkStart/@w:id])", 0);
	assert_count(&d, "count(//w:bookmarkStart[@w:name=preceding::w:bookmarkStart/@w:name])", 0);
	assert_count(&d, "count(//w:bookmarkStart)", (int)xnum(&d, "count(//w:bookmarkEnd)"));
	assert_count(&d, "count(//wp:docPr[@id=preceding::wp:docPr/@id])", 0);
	part_close(&nu);
	part_close(&st);
	part_close(&d);
}

static void test_references(void **state)
{
	check_references(*state);
}

static void test_toc_and_headings(void **state)
{
	part d;
	part_open(&d, *state, "word/document.xml");
	/* a content control Word knows as its contents, holding the title
	 * and the entries, and no TOC field (LibreOffice would keep its
	 * result as text, page numbers included) */
	assert_count(&d, "count(//w:sdt[w:sdtPr/w:docPartObj/w:docPartGallery/@w:val="
		     "'Table of Contents'])", 1);
	assert_count(&d, "count(//w:sdt/w:sdtContent/w:p[w:pPr/w:pStyle/@w:val='TOCHeading'])", 1);
	assert_count(&d, "count(//w:instrText[contains(.,' TOC ')])", 0);
	assert_xstr(&d, "string(//w:p[w:pPr/w:pStyle/@w:val='TOCHeading'])", "Innhold");
	/* 5 headings in the contents; the sixth has in_toc = 0 */
	assert_count(&d, "count(//w:p[starts-with(w:pPr/w:pStyle/@w:val,'TOC')]/w:hyperlink)", 5);
	assert_xstr(&d, "string(//w:p[w:pPr/w:pStyle/@w:val='TOC1'][1]/w:hyperlink/@w:anchor)",
		    "innledning");
	assert_xstr(&d, "string(//w:p[w:pPr/w:pStyle/@w:val='TOC1'][1]/w:hyperlink/w:r[1])",
		    "1\xc2\xa0Innledning");
	assert_count(&d, "count(//w:p[w:pPr/w:pStyle/@w:val='TOC2'])", 2);
	/* each entry links to the bookmark of a heading, and has a PAGEREF */
	for (int i = 1; i <= 5; i++) {
		char q[200];
		snprintf(q, sizeof q, "string((//w:p[starts-with(w:pPr/w:pStyle/@w:val,'TOC')]"
			 "/w:hyperlink)[%d]/@w:anchor)", i);
		char *mark = xstr(&d, q);
		snprintf(q, sizeof q, "count(//w:p[starts-with(w:pPr/w:pStyle/@w:val,'Heading')]"
			 "/w:bookmarkStart[@w:name='%s'])", mark);
		assert_count(&d, q, 1);
		snprintf(q, sizeof q, "count(//w:instrText[contains(.,'PAGEREF %s ')])", mark);
		assert_count(&d, q, 1);
		/* after a tab, for the right tab stop's dotted leader */
		snprintf(q, sizeof q, "count(//w:hyperlink[@w:anchor='%s']/w:r[w:tab]"
			 "/following-sibling::w:r[1][w:fldChar/@w:fldCharType='begin'])", mark);
		assert_count(&d, q, 1);
		xmlFree(mark);
	}
	assert_count(&d, "count(//w:pStyle[@w:val='Heading3'])", 1);
	assert_count(&d, "count(//w:pStyle[@w:val='MinorHeading2'])", 1);
	/* the page break goes onto the next heading, not an empty line */
	assert_count(&d, "count(//w:p[w:pPr/w:pageBreakBefore]/w:pPr/w:pStyle[@w:val='Heading1'])", 1);
	/* ...which, starting a page, has no space above it, as in the PDF */
	assert_count(&d, "count(//w:p[w:pPr/w:pageBreakBefore]/w:pPr/w:spacing[@w:before='0'])", 1);
	/* an internal link is a bookmark link, an external one a relationship */
	assert_xstr(&d, "string(//w:p[w:pPr/w:pStyle/@w:val='Normal']/w:hyperlink[@w:anchor]/@w:anchor)",
		    "status");
	assert_count(&d, "count(//w:hyperlink[@r:id]/w:r/w:rPr/w:rStyle[@w:val='Hyperlink'])", 1);
	part_close(&d);
}

static void test_tables_and_lists(void **state)
{
	part d;
	part_open(&d, *state, "word/document.xml");
	assert_count(&d, "count(//w:tbl)", 1);
	assert_count(&d, "count(//w:tbl/w:tblGrid/w:gridCol)", 5);
	/* widths 0.6 : 4 : 2.2 : 1.3 : 1.5 of the text width, 9426 twips */
	assert_xstr(&d, "string(//w:gridCol[2]/@w:w)", "3927");
	assert_count(&d, "count(//w:tbl/w:tblPr/w:tblStyle[@w:val='ReportTable'])", 1);
	assert_xstr(&d, "string(//w:tblCaption/@w:val)", "Status for tiltakene");
	assert_count(&d, "count(//w:tr)", 46);
	assert_count(&d, "count(//w:tr/w:trPr/w:cantSplit)", 46);
	assert_count(&d, "count(//w:tr/w:trPr/w:tblHeader)", 1);
	/* the status cells shaded with their fill, their text in its style */
	assert_count(&d, "count(//w:tc[w:tcPr/w:shd/@w:fill='FBE3C4'])", 11);
	assert_count(&d, "count(//w:tc[w:tcPr/w:shd/@w:fill='FBE3C4']/w:p[w:pPr/w:pStyle/@w:val="
		     "'TableLabel'])", 11);
	assert_count(&d, "count(//w:tc[w:tcPr/w:shd/@w:fill='FBE3C4']//w:r[w:t]"
		     "[w:rPr/w:rStyle/@w:val='FillStatusDelayed'])", 11);
	assert_count(&d, "count(//w:tc[w:tcPr/w:shd/@w:fill='FBE3C4']//w:r[w:t]"
		     "[not(w:rPr/w:rStyle/@w:val='FillStatusDelayed')])", 0);
	/* ...which no cell without it wears */
	assert_count(&d, "count(//w:tc[not(w:tcPr/w:shd/@w:fill='FBE3C4')]"
		     "//w:rStyle[@w:val='FillStatusDelayed'])", 0);
	assert_count(&d, "count(//w:tr[1]/w:tc/w:tcPr/w:shd[@w:fill='003B5C'])", 5);
	/* an empty cell still holds a paragraph */
	assert_count(&d, "count(//w:tc[not(w:p)])", 0);
	/* lists: bullets (numId 1) and an ordered list of its own, nested */
	assert_count(&d, "count(//w:numPr[w:numId/@w:val='1'])", 6);
	assert_count(&d, "count(//w:numPr[w:numId/@w:val='2']/w:ilvl[@w:val='1'])", 3);
	assert_count(&d, "count(//w:numPr/w:ilvl[@w:val='2'])", 1);
	part_close(&d);
	part_open(&d, *state, "word/numbering.xml");
	assert_xstr(&d, "string(//w:abstractNum[@w:abstractNumId='0']/w:lvl[1]/w:numFmt/@w:val)",
		    "bullet");
	assert_xstr(&d, "string(//w:abstractNum[@w:abstractNumId='1']/w:lvl[1]/w:lvlText/@w:val)",
		    "%1.");
	assert_xstr(&d, "string(//w:num[@w:numId='2']/w:lvlOverride/@w:ilvl)", "1");
	assert_xstr(&d, "string(//w:num[@w:numId='2']/w:lvlOverride/w:startOverride/@w:val)", "1");
	part_close(&d);
}

static void test_text(void **state)
{
	part d;
	part_open(&d, *state, "word/document.xml");
	assert_count(&d, "count(//w:t[contains(.,'tab:')]/following-sibling::w:tab)", 1);
	assert_count(&d, "count(//w:r[w:rPr/w:rStyle/@w:val='Strong'])", 1);
	assert_count(&d, "count(//w:r[w:rPr/w:rStyle/@w:val='Emphasis'])", 1);
	assert_count(&d, "count(//w:t[.='Mellomrom:  to,   tre, tab:'])", 1);
	assert_count(&d, "count(//w:p[w:pPr/w:jc/@w:val='right'])", 1);
	/* control characters gone, bad UTF-8 replaced */
	assert_count(&d, "count(//w:t[contains(.,'Kontrolltegn')])", 1);
	/* first page without the running header, footers on every page */
	assert_count(&d, "count(//w:sectPr/w:titlePg)", 1);
	assert_count(&d, "count(//w:sectPr/w:headerReference)", 2);
	assert_count(&d, "count(//w:sectPr/w:footerReference)", 2);
	assert_xstr(&d, "string(//w:sectPr/w:pgSz/@w:w)", "11906");
	part_close(&d);
	part_open(&d, *state, "word/footer1.xml");
	assert_count(&d, "count(//w:fldSimple[@w:instr=' PAGE '])", 1);
	assert_count(&d, "count(//w:fldSimple[@w:instr=' NUMPAGES '])", 1);
	assert_count(&d, "count(//w:t[.='Side '])", 1);
	assert_count(&d, "count(//w:t[.=' av '])", 1);
	assert_count(&d, "count(//w:t[.='23. november 2026'])", 1);
	part_close(&d);
	part_open(&d, *state, "word/header1.xml");
	assert_xstr(&d, "string(//w:p)", "Statusrapport \xe2\x80\x93 handlingsplan for forskning");
	part_close(&d);
}

static void test_styles(void **state)
{
	part s;
	part_open(&s, *state, "word/styles.xml");
	static const char *const ids[] = {
		"Normal", "Title", "Subtitle", "Heading1", "Heading2", "Heading3", "ListParagraph",
		"Caption", "TOC1", "TOC2", "TOC3", "TOCHeading", "Header", "Footer", "Hyperlink",
		"Strong", "Emphasis", "ReportTable", "TableContents", "TableHeading"};
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		char q[96];
		snprintf(q, sizeof q, "count(//w:style[@w:styleId='%s'])", ids[i]);
		assert_count(&s, q, 1);
	}
	assert_xstr(&s, "string(//w:style[@w:styleId='Heading2']/w:name/@w:val)", "heading 2");
	assert_xstr(&s, "string(//w:style[@w:styleId='Heading2']/w:pPr/w:outlineLvl/@w:val)", "1");
	assert_count(&s, "count(//w:style[@w:styleId='MinorHeading2']/w:pPr/w:outlineLvl)", 0);
	assert_xstr(&s, "string(//w:docDefaults//w:lang/@w:val)", "nb-NO");
	assert_xstr(&s, "string(//w:docDefaults//w:rFonts/@w:ascii)", "Liberation Sans");
	assert_xstr(&s, "string(//w:docDefaults//w:sz/@w:val)", "20");
	/* a fill's style is a character style with its label and its text
	 * colour */
	assert_xstr(&s, "string(//w:style[@w:styleId='FillStatusDelayed']/@w:type)", "character");
	assert_xstr(&s, "string(//w:style[@w:styleId='FillStatusDelayed']/w:name/@w:val)",
		    "Forsinket");
	assert_xstr(&s, "string(//w:style[@w:styleId='FillStatusDelayed']//w:color/@w:val)",
		    "6B3A00");
	/* rules between rows, none between columns */
	assert_xstr(&s, "string(//w:style[@w:styleId='ReportTable']//w:insideH/@w:val)", "single");
	assert_xstr(&s, "string(//w:style[@w:styleId='ReportTable']//w:insideV/@w:val)", "nil");
	/* the house style's values, in Word's units: heading 1 18.7 pt (37
	 * half-points), the body 6.05 pt above (121 twips) on 1.38 lines (288
	 * 240ths of the font's 1.15), cells padded 4 pt on every side */
	assert_xstr(&s, "string(//w:style[@w:styleId='Heading1']//w:sz/@w:val)", "37");
	assert_xstr(&s, "string(//w:style[@w:styleId='Normal']//w:spacing/@w:before)", "121");
	assert_xstr(&s, "string(//w:style[@w:styleId='Normal']//w:spacing/@w:line)", "288");
	assert_xstr(&s, "string(//w:style[@w:styleId='ReportTable']/w:tblPr/w:tblCellMar/w:top/@w:w)",
		    "80");
	assert_xstr(&s, "string(//w:style[@w:styleId='ReportTable']/w:tblPr/w:tblCellMar/w:left/@w:w)",
		    "80");
	assert_count(&s, "count(//w:style[@w:styleId='TableNote'])", 1);
	part_close(&s);
	part_open(&s, *state, "word/settings.xml");
	assert_count(&s, "count(//w:autoHyphenation)", 1);
	assert_xstr(&s, "string(//w:decimalSymbol/@w:val)", ",");
	part_close(&s);
}

static void test_properties(void **state)
{
	part c;
	part_open(&c, *state, "docProps/core.xml");
	assert_xstr(&c, "string(//dc:title)",
		    "Statusrapport: Regional handlingsplan for forskning 2023\xe2\x80\x93" "2026");
	assert_xstr(&c, "string(//dc:creator)", "Regionalt forskningsutvalg");
	assert_xstr(&c, "string(//cp:keywords)", "forskning, handlingsplan,  status ,helse");
	assert_xstr(&c, "string(//dcterms:created)", "2026-11-23T08:00:00Z");
	part_close(&c);
}

static void test_charts(void **state)
{
	part d, c;
	part_open(&d, *state, "word/document.xml");
	assert_count(&d, "count(//w:drawing/wp:inline/a:graphic/a:graphicData/c:chart)", 2);
	assert_xstr(&d, "string((//wp:docPr)[1]/@descr)", "Diagram: tiltak per status");
	assert_xstr(&d, "string((//wp:docPr)[1]/@title)", "Andel pasienter i kliniske studier");
	part_close(&d);
	part_open(&c, *state, "word/charts/chart1.xml");
	assert_count(&c, "count(//c:lineChart/c:ser)", 5); /* 2 series, base, target, path */
	assert_count(&c, "count(//c:barChart)", 0);
	assert_xstr(&c, "string(//c:lineChart/c:ser[1]/c:tx//c:v)", "Regionalt");
	assert_count(&c, "count(//c:lineChart/c:ser[1]/c:val//c:pt)", 2);
	assert_xstr(&c, "string(//c:lineChart/c:ser[1]/c:val//c:pt[@idx='2']/c:v)", "3.5");
	assert_xstr(&c, "string(//c:lineChart/c:ser[1]/c:spPr//a:srgbClr/@val)", "1F4E79");
	assert_xstr(&c, "string(//c:lineChart/c:ser[5]/c:spPr/a:ln/a:prstDash/@val)", "sysDash");
	chart_scale sc = chart_value_scale(&line_chart);
	char want[32];
	snprintf(want, sizeof want, "%g", sc.hi);
	assert_xstr(&c, "string(//c:valAx/c:scaling/c:max/@val)", want);
	snprintf(want, sizeof want, "%g", sc.lo);
	assert_xstr(&c, "string(//c:valAx/c:scaling/c:min/@val)", want);
	/* as in the PDF: each series' last value labelled beside it, the
	 * target's above it, in the chart's places; the verdict under the
	 * years; the goal under the finding */
	assert_xstr(&c, "string(//c:lineChart/c:ser[1]/c:dLbls/c:dLbl/c:idx/@val)", "2");
	assert_xstr(&c, "string(//c:lineChart/c:ser[1]/c:dLbls/c:dLbl/c:dLblPos/@val)", "r");
	assert_xstr(&c, "string(//c:lineChart/c:ser[1]/c:dLbls/c:dLbl/c:numFmt/@formatCode)",
		    "#,##0.0");
	assert_xstr(&c, "string(//c:lineChart/c:ser[4]/c:dLbls/c:dLbl/c:idx/@val)", "3");
	assert_count(&c, "count(//c:lineChart/c:ser[3]/c:dLbls)", 0); /* the baseline */
	assert_xstr(&c, "string(//c:catAx/c:title//a:t)", "Vurdering: Ikke i rute");
	assert_xstr(&c, "string((//c:chart/c:title//a:p)[2]//a:t)",
		    "Andelen skal \xc3\xb8ke til 5 prosent i 2025");
	part_close(&c);
	part_open(&c, *state, "word/charts/chart2.xml");
	assert_xstr(&c, "string(//c:barChart/c:barDir/@val)", "bar");
	assert_xstr(&c, "string(//c:barChart/c:grouping/@val)", "stacked");
	assert_count(&c, "count(//c:barChart/c:ser)", 3); /* two statuses, the totals */
	/* a zero count is no point, so no "0" label; the last area first, so
	 * the first stands on top with the values' axis at the foot */
	assert_count(&c, "count(//c:barChart/c:ser[1]/c:val//c:pt)", 1);
	assert_xstr(&c, "string(//c:barChart/c:ser[1]/c:val//c:pt/@idx)", "1");
	assert_xstr(&c, "string(//c:barChart/c:ser[1]/c:cat//c:pt[@idx='0']/c:v)",
		    "2 Brukerinvolvering");
	assert_xstr(&c, "string(//c:catAx/c:scaling/c:orientation/@val)", "minMax");
	assert_xstr(&c, "string(//c:valAx/c:axPos/@val)", "b");
	assert_xstr(&c, "string(//c:valAx/c:crosses/@val)", "autoZero");
	/* the totals: unseen, labelled at the bars' ends, not in the legend */
	assert_xstr(&c, "string(//c:barChart/c:ser[3]/c:val//c:pt[@idx='1']/c:v)", "19");
	assert_xstr(&c, "string(//c:barChart/c:ser[3]/c:dLbls/c:dLblPos/@val)", "inBase");
	assert_count(&c, "count(//c:barChart/c:ser[3]/c:spPr/a:noFill)", 1);
	assert_xstr(&c, "string(//c:legend/c:legendEntry/c:idx/@val)", "2");
	part_close(&c);
}

/* A column too narrow for its longest word takes room from the others,
 * as in the PDF; one wide enough keeps its weight. */
static void test_column_widths(void **state)
{
	(void)state;
	doc *d = doc_new();
	static const double w[] = {1, 20, 20};
	doc_node *t = doc_append(d->root, doc_table(d, 3, w, 1, NULL, (srcpos){0}));
	doc_node *r = doc_append(t, doc_row(d, 1));
	sample_cell(d, r, 0, DOC_LEFT, "Forsinket");
	sample_cell(d, r, 0, DOC_LEFT, "Tiltak");
	sample_cell(d, r, 0, DOC_LEFT, "Kommentar");
	buf b = BUF_INIT;
	render(d, &b);
	part p;
	part_open(&p, &b, "word/document.xml");
	int c1 = (int)xnum(&p, "number(//w:gridCol[1]/@w:w)");
	int c2 = (int)xnum(&p, "number(//w:gridCol[2]/@w:w)");
	int c3 = (int)xnum(&p, "number(//w:gridCol[3]/@w:w)");
	assert_true(c1 > 45 * 20 && c1 < 70 * 20); /* "Forsinket", bold 9 pt, padded */
	/* the others give room by how much they have to spare */
	assert_true(c2 < c3 && c3 - c2 < 100);
	/* the page less the house style's two margins, in twentieths of a point */
	double text_w = (d->style.page_w - d->style.margin_left - d->style.margin_right) * 20;
	assert_true(fabs(c1 + c2 + c3 - text_w) <= 2);
	assert_int_equal((int)xnum(&p, "number(//w:tc[1]/w:tcPr/w:tcW/@w:w)"), c1);
	part_close(&p);
	buf_free(&b);
	doc_free(d);
}

/* nn and en: the language in the styles; en alone becomes en-GB. */
static void test_languages(void **state)
{
	(void)state;
	static const char *const in[] = {"nn-NO", "en"}, *const out[] = {"nn-NO", "en-GB"};
	for (int i = 0; i < 2; i++) {
		doc *d = sample_doc();
		d->lang = in[i];
		buf b = BUF_INIT;
		render(d, &b);
		part s;
		part_open(&s, &b, "word/styles.xml");
		assert_xstr(&s, "string(//w:docDefaults//w:lang/@w:val)", out[i]);
		part_close(&s);
		buf_free(&b);
		doc_free(d);
	}
}

/* Corner cases (see edge_doc): the package is still complete. */
static void test_edge_doc(void **state)
{
	(void)state;
	doc *d = edge_doc();
	buf b = BUF_INIT;
	render(d, &b);
	check_references(&b);
	const char *out = getenv("DOCX_EDGE_OUT");
	if (out) {
		FILE *f = fopen(out, "wb");
		assert_non_null(f);
		assert_int_equal(fwrite(b.data, 1, b.len, f), b.len);
		assert_int_equal(fclose(f), 0);
	}
	part c;
	part_open(&c, &b, "word/document.xml");
	assert_count(&c, "count(//w:sdt/w:sdtPr/w:docPartObj)", 2);
	assert_count(&c, "count(//w:pStyle[@w:val='Heading3'])", 1); /* level 7 clamped */
	assert_count(&c, "count(//w:p[w:pPr/w:pStyle/@w:val='Heading1']/w:r/w:br)", 4);
	assert_count(&c, "count(//w:tr/w:trPr/w:tblHeader)", 2);
	assert_count(&c, "count(//w:hyperlink[not(ancestor::w:p[starts-with(w:pPr/w:pStyle/@w:val,'TOC')])])", 0);
	assert_count(&c, "count(//w:sectPr/w:pgSz[@w:orient='landscape'])", 1);
	assert_count(&c, "count(//w:sectPr/w:headerReference)", 0);
	assert_count(&c, "count(//w:sectPr/w:titlePg)", 0);
	assert_count(&c, "count(//w:tc[w:tcPr/w:shd/@w:fill='FFEEEE'])", 2);
	part_close(&c);
	part_open(&c, &b, "word/numbering.xml");
	assert_xstr(&c, "string(//w:num[@w:numId='2']/w:lvlOverride/w:startOverride/@w:val)", "5");
	part_close(&c);
	buf_free(&b);
	doc_free(d);
}

static void test_malformed_refused(void **state)
{
	(void)state;
	doc *d = doc_new();
	doc_node *t = doc_append(d->root, doc_table(d, 2, NULL, 0, NULL, (srcpos){0}));
	doc_node *r = doc_append(t, doc_row(d, 0));
	doc_append(r, doc_cell(d, 0, DOC_LEFT)); /* one cell of two */
	buf b = BUF_INIT;
	diag g;
	diag_init(&g);
	assert_int_equal(docx_render(d, &b, &g), SR_INVALID);
	assert_int_equal(g.errors, 1);
	diag_free(&g);
	buf_free(&b);
	doc_free(d);
}

/* An empty document and a capped output buffer. */
static void test_empty_and_full(void **state)
{
	(void)state;
	doc *d = doc_new();
	buf b = BUF_INIT;
	render(d, &b);
	assert_true(b.len > 1000);
	part p;
	part_open(&p, &b, "word/document.xml");
	assert_count(&p, "count(/w:document/w:body/w:sectPr)", 1);
	part_close(&p);
	buf_free(&b);

	buf small = BUF_INIT;
	small.max = 200;
	diag g;
	diag_init(&g);
	assert_int_equal(docx_render(d, &small, &g), SR_SYSTEM);
	assert_int_equal(g.errors, 1);
	diag_free(&g);
	buf_free(&small);
	doc_free(d);
}

int main(void)
{
	/* One group: tests/run reads cmocka's last summary line only. */
#define SAMPLE(t) cmocka_unit_test_setup_teardown(t, sample_setup, sample_teardown)
	const struct CMUnitTest tests[] = {
		SAMPLE(test_zip_entries),
		SAMPLE(test_deterministic),
		SAMPLE(test_types_and_rels),
		SAMPLE(test_references),
		SAMPLE(test_toc_and_headings),
		SAMPLE(test_tables_and_lists),
		SAMPLE(test_text),
		SAMPLE(test_styles),
		SAMPLE(test_properties),
		SAMPLE(test_charts),
		cmocka_unit_test(test_column_widths),
		cmocka_unit_test(test_languages),
		cmocka_unit_test(test_edge_doc),
		cmocka_unit_test(test_malformed_refused),
		cmocka_unit_test(test_empty_and_full),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
