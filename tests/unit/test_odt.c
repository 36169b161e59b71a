/* test_odt.c: the ODT package -- zip layout (mimetype first, stored, no
 * extra field), determinism, a manifest listing every part, and the XML
 * the sample document becomes (contents filled, header rows, whitespace,
 * cleaned text, metadata, language).
 *
 * With ODT_SAMPLE_OUT=FILE in the environment the sample's package is also
 * written there, so tests/e2e/odt.sh can hand it to validate-odt and
 * LibreOffice without the CLI. */
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

#include "odf/odfzip.h"
#include "odf/odt.h"
#include "odt_sample.h"

static void render(const doc *d, buf *out)
{
	diag g;
	diag_init(&g);
	assert_int_equal(odt_render(d, out, &g), SR_OK);
	assert_int_equal(g.errors, 0);
	diag_free(&g);
}

static uint16_t le16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
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
	assert_int_equal(unzip_entry(pkg, name, &p->raw, &len), 0);
	p->xml = xmlReadMemory(p->raw, (int)len, name, NULL, XML_PARSE_NONET);
	assert_non_null(p->xml);
	p->xp = xmlXPathNewContext(p->xml);
	static const char *const ns[][2] = {
		{"office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
		{"style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
		{"text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
		{"table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
		{"fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
		{"xlink", "http://www.w3.org/1999/xlink"},
		{"dc", "http://purl.org/dc/elements/1.1/"},
		{"meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"},
		{"manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"},
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
	assert_non_null(o);
	double v = xmlXPathCastToNumber(o);
	xmlXPathFreeObject(o);
	return v;
}

/* The string value of expr; caller frees. */
static char *xstr(part *p, const char *expr)
{
	xmlXPathObjectPtr o = xmlXPathEvalExpression((const xmlChar *)expr, p->xp);
	assert_non_null(o);
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

static int sample_setup(void **state)
{
	doc *d = sample_doc();
	if (!d || doc_failed(d))
		return -1;
	buf *b = calloc(1, sizeof *b);
	diag g;
	diag_init(&g);
	sr_status st = odt_render(d, b, &g);
	diag_free(&g);
	doc_free(d);
	if (st != SR_OK)
		return -1;
	const char *out = getenv("ODT_SAMPLE_OUT");
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

/* ODF 3.3: mimetype is the first local header, stored, no extra field,
 * so a reader finds the media type at byte 38. */
static void test_zip_mimetype_first(void **state)
{
	const buf *b = *state;
	static const char mt[] = "application/vnd.oasis.opendocument.text";
	assert_true(b->len > 38 + sizeof mt);
	const unsigned char *p = b->data;
	assert_memory_equal(p, "PK\x03\x04", 4);
	assert_int_equal(le16(p + 6) & 0x0008, 0);  /* no data descriptor */
	assert_int_equal(le16(p + 8), 0);           /* stored */
	assert_int_equal(le16(p + 26), 8);          /* name length */
	assert_int_equal(le16(p + 28), 0);          /* extra field length */
	assert_memory_equal(p + 30, "mimetype", 8);
	assert_memory_equal(p + 38, mt, sizeof mt - 1);
	/* Sizes in the local header equal the media type's length. */
	assert_int_equal(le16(p + 18), sizeof mt - 1);
	assert_int_equal(le16(p + 22), sizeof mt - 1);
}

/* No entry carries an extra field (no "UT" timestamps, no Zip64), in the
 * central directory; the order is fixed. */
static void test_zip_entries(void **state)
{
	const buf *b = *state;
	static const char *const want[] = {"mimetype", "content.xml", "styles.xml",
					   "meta.xml", "settings.xml", "META-INF/manifest.xml"};
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *s = zip_source_buffer_create(b->data, b->len, 0, &ze);
	zip_t *za = zip_open_from_source(s, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	assert_non_null(za);
	assert_int_equal(zip_get_num_entries(za, 0), 6);
	for (zip_uint64_t i = 0; i < 6; i++) {
		assert_string_equal(zip_get_name(za, i, 0), want[i]);
		assert_int_equal(zip_file_extra_fields_count(za, i, ZIP_FL_CENTRAL | ZIP_FL_LOCAL), 0);
		zip_stat_t st;
		assert_int_equal(zip_stat_index(za, i, 0, &st), 0);
		assert_int_equal(st.comp_method, i == 0 ? ZIP_CM_STORE : ZIP_CM_DEFLATE);
		/* 2026-11-23 08:00:00 UTC, whatever the local time zone. */
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
	doc *d = sample_doc();
	buf again = BUF_INIT;
	/* Another time zone must not change a byte (DOS times are UTC). */
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

static void test_manifest_lists_parts(void **state)
{
	const buf *b = *state;
	part m;
	part_open(&m, b, "META-INF/manifest.xml");
	assert_xstr(&m, "string(/manifest:manifest/@manifest:version)", "1.3");
	assert_xstr(&m, "string(//manifest:file-entry[@manifest:full-path='/']/@manifest:media-type)",
		    "application/vnd.oasis.opendocument.text");
	static const char *const parts[] = {"content.xml", "styles.xml", "meta.xml", "settings.xml"};
	for (size_t i = 0; i < 4; i++) {
		char q[160];
		snprintf(q, sizeof q,
			 "count(//manifest:file-entry[@manifest:full-path='%s' and @manifest:media-type='text/xml'])",
			 parts[i]);
		assert_int_equal((int)xnum(&m, q), 1);
	}
	/* Nothing else: "/" plus the four parts. */
	assert_int_equal((int)xnum(&m, "count(//manifest:file-entry)"), 5);
	part_close(&m);
}

static void test_content_toc_filled(void **state)
{
	part c;
	part_open(&c, *state, "content.xml");
	const char *body = "//text:table-of-content/text:index-body";
	char q[256];
	snprintf(q, sizeof q, "string(%s/text:index-title/text:p)", body);
	assert_xstr(&c, q, "Innhold");
	/* 5 headings in the contents; the sixth has in_toc = 0. */
	snprintf(q, sizeof q, "count(%s/text:p)", body);
	assert_int_equal((int)xnum(&c, q), 5);
	snprintf(q, sizeof q, "string(%s/text:p[1]/text:a)", body);
	assert_xstr(&c, q, "1\xc2\xa0Innledning");
	snprintf(q, sizeof q, "string(%s/text:p[4]/text:a/@xlink:href)", body);
	assert_xstr(&c, q, "#status");
	snprintf(q, sizeof q, "string(%s/text:p[2]/@text:style-name)", body);
	assert_xstr(&c, q, "Contents_20_2");
	/* Each entry's link target is a bookmark in a heading. */
	snprintf(q, sizeof q, "string(%s/text:p[3]/text:a/@xlink:href)", body);
	char *href = xstr(&c, q);
	assert_true(href[0] == '#');
	snprintf(q, sizeof q, "count(//text:h/text:bookmark[@text:name='%s'])", href + 1);
	assert_int_equal((int)xnum(&c, q), 1);
	/* ...and its page number a page reference to that bookmark, which
	 * the reader computes when it lays the text out. */
	snprintf(q, sizeof q, "string(%s/text:p[3]/text:a/text:bookmark-ref/@text:ref-name)", body);
	char *ref = xstr(&c, q);
	assert_string_equal(ref, href + 1);
	xmlFree(ref);
	snprintf(q, sizeof q, "count(%s/text:p/text:a/text:bookmark-ref[@text:reference-format='page'])",
		 body);
	assert_int_equal((int)xnum(&c, q), 5);
	xmlFree(href);
	/* Headings: outline levels 1-3; the left-out one is a text:p. */
	assert_int_equal((int)xnum(&c, "count(//text:h)"), 5);
	assert_int_equal((int)xnum(&c, "count(//text:h[@text:outline-level=3])"), 1);
	assert_xstr(&c, "string(//text:h[@text:outline-level=3]/@text:style-name)", "Heading_20_3");
	assert_int_equal((int)xnum(&c, "count(//text:p[starts-with(.,'Vedlegg')])"), 1);
	/* ...whose style has no outline level to inherit: LibreOffice would
	 * list it when the contents are updated. */
	assert_xstr(&c, "string(//style:style[@style:name=//text:p[starts-with(.,'Vedlegg')]"
		    "/@text:style-name]/@style:parent-style-name)", "Heading");
	part_close(&c);
}

static void test_content_tables(void **state)
{
	part c;
	part_open(&c, *state, "content.xml");
	assert_int_equal((int)xnum(&c, "count(//table:table)"), 1);
	assert_int_equal((int)xnum(&c, "count(//table:table/table:table-column)"), 5);
	assert_int_equal((int)xnum(&c, "count(//table:table-header-rows/table:table-row)"), 1);
	assert_xstr(&c, "string(//table:table-header-rows/table:table-row/table:table-cell[2])", "Tiltak");
	assert_xstr(&c, "string(//table:table-header-rows//text:p/@text:style-name)", "Table_20_Heading");
	/* 24 body rows and the empty one, outside the header rows. */
	assert_int_equal((int)xnum(&c, "count(//table:table/table:table-row)"), 45);
	/* A status cell: fill style on the cell, fill's paragraph style inside. */
	assert_xstr(&c, "string(//table:table/table:table-row[3]/table:table-cell[5]/text:p/@text:style-name)",
		    "status-delayed");
	assert_xstr(&c, "string(//table:table/table:table-row[3]/table:table-cell[5])", "Forsinket");
	/* Each line between rows drawn once: the first row's cells own the
	 * top rule, every row its bottom one, no cell a side (no grid). */
	assert_xstr(&c, "string(//style:style[@style:name=//table:table-header-rows/table:table-row"
		    "/table:table-cell[1]/@table:style-name]/style:table-cell-properties/@fo:border-top)",
		    "0.8pt solid #b0b7bf");
	assert_xstr(&c, "string(//style:style[@style:name=//table:table/table:table-row[3]"
		    "/table:table-cell[1]/@table:style-name]/style:table-cell-properties/@fo:border-top)",
		    "none");
	assert_xstr(&c, "string(//style:style[@style:name=//table:table/table:table-row[3]"
		    "/table:table-cell[1]/@table:style-name]/style:table-cell-properties/@fo:border-bottom)",
		    "0.4pt solid #b0b7bf");
	assert_int_equal((int)xnum(&c, "count(//style:table-cell-properties[@fo:border-left!='none'"
			 " or @fo:border-right!='none'])"), 0);
	/* The column widths follow the weights: 4 / 9.6 of the text width. */
	double w = xnum(&c, "number(substring-before(//style:style[@style:name='Table1.C2']"
			"/style:table-column-properties/@style:column-width, 'cm'))");
	double text_w = (595.28 - 124) * 2.54 / 72;
	assert_true(w > text_w * 4 / 9.6 - 0.01 && w < text_w * 4 / 9.6 + 0.01);
	/* The table after the page break carries the break itself... no: the
	 * heading does; its automatic style breaks before. */
	assert_xstr(&c, "string(//style:style[@style:name=//text:h[@text:outline-level=1][2]/@text:style-name]"
		    "/style:paragraph-properties/@fo:break-before)", "page");
	/* ...and, starting a page, has no space above it, as in the PDF */
	assert_xstr(&c, "string(//style:style[@style:name=//text:h[@text:outline-level=1][2]/@text:style-name]"
		    "/style:paragraph-properties/@fo:margin-top)", "0.000cm");
	part_close(&c);
}

static void test_content_text(void **state)
{
	part c;
	part_open(&c, *state, "content.xml");
	/* "Mellomrom:  to,   tre, tab:\there." */
	assert_int_equal((int)xnum(&c, "count(//text:s[not(@text:c)])"), 1);
	assert_int_equal((int)xnum(&c, "count(//text:s[@text:c=2])"), 1);
	assert_int_equal((int)xnum(&c, "count(//text:tab[not(ancestor::text:index-body)])"), 1);
	assert_int_equal((int)xnum(&c, "count(//text:p/text:line-break)"), 1);
	assert_xstr(&c, "string(//text:span[@text:style-name='Strong_20_Emphasis'])", "23 tiltak");
	assert_xstr(&c, "string(//text:span[@text:style-name='Emphasis'])",
		    "forskningsst\xc3\xb8tteenhetene");
	assert_xstr(&c, "string(//text:a[@text:style-name='Internet_20_link'][1]/@xlink:href)",
		    "https://www.helse-midt.no/fag-og-forsking/");
	assert_xstr(&c, "string(//text:a[@text:style-name='Internet_20_link'][1]/@xlink:type)", "simple");
	/* Control characters dropped, invalid UTF-8 replaced: never written. */
	assert_null(strchr(c.raw, '\x01'));
	assert_null(strchr(c.raw, '\x1b'));
	assert_non_null(strstr(c.raw, "Kontrolltegn og [0m fjernes; ugyldig UTF-8: \xef\xbf\xbd\xef\xbf\xbd."));
	assert_non_null(strstr(c.raw, "a &amp; b &lt; c &gt; d"));
	/* Nested lists: bullet > number > bullet. */
	assert_int_equal((int)xnum(&c, "count(//text:list[@text:style-name='List_20_Bullet']"
				   "//text:list[@text:style-name='List_20_Number']//text:list)"), 1);
	/* The list's last paragraph keeps the style's space after a list
	 * (6.05 pt at 11 pt) below it. */
	assert_xstr(&c, "string(//style:style[@style:name=//text:p[.='Fem tiltak er ikke startet.']"
		    "/@text:style-name]/style:paragraph-properties/@fo:margin-bottom)", "0.213cm");
	/* The right-aligned paragraph's automatic style inherits Text body. */
	assert_xstr(&c, "string(//style:style[@style:name=//text:p[.='H\xc3\xb8yrejustert avsnitt.']"
		    "/@text:style-name]/@style:parent-style-name)", "Text_20_body");
	part_close(&c);
}

static void test_styles(void **state)
{
	part s;
	part_open(&s, *state, "styles.xml");
	assert_xstr(&s, "string(/*/@office:version)", "1.3");
	static const char *const named[] = {
		"Title", "Subtitle", "Heading_20_1", "Heading_20_2", "Heading_20_3",
		"Text_20_body", "Note", "Caption", "Lead", "List_20_Paragraph",
		"Table_20_Heading", "Table_20_Contents", "status-delayed", "Contents_20_1",
	};
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
		char q[160];
		snprintf(q, sizeof q, "count(//office:styles/style:style[@style:name='%s' and @style:family='paragraph'])",
			 named[i]);
		if (xnum(&s, q) != 1)
			fail_msg("no paragraph style %s", named[i]);
	}
	assert_xstr(&s, "string(//style:style[@style:name='Heading_20_2']/@style:default-outline-level)", "2");
	assert_xstr(&s, "string(//style:style[@style:name='Heading_20_2']/@style:display-name)", "Heading 2");
	assert_xstr(&s, "string(//style:style[@style:name='status-delayed' and @style:family='paragraph']/@style:display-name)",
		    "Forsinket");
	assert_xstr(&s, "string(//style:style[@style:name='status-delayed' and @style:family='paragraph']"
		    "/style:text-properties/@fo:color)", "#6b3a00");
	assert_xstr(&s, "string(//style:default-style[@style:family='paragraph']/style:text-properties/@fo:language)", "nb");
	assert_xstr(&s, "string(//style:default-style[@style:family='paragraph']/style:text-properties/@fo:country)", "NO");
	assert_xstr(&s, "string(//style:style[@style:name='Text_20_body']/style:text-properties/@fo:hyphenate)", "true");
	assert_int_equal((int)xnum(&s, "count(//text:list-style[@style:name='List_20_Bullet'])"), 1);
	assert_int_equal((int)xnum(&s, "count(//text:list-style[@style:name='List_20_Number'])"), 1);
	assert_int_equal((int)xnum(&s, "count(//text:outline-style)"), 1);
	assert_xstr(&s, "string(//style:page-layout-properties/@fo:page-width)", "21.000cm");
	assert_xstr(&s, "string(//style:header/text:p)",
		    "Statusrapport \xe2\x80\x93 handlingsplan for forskning");
	/* as the PDF's: the date at the left, the page at a right tab stop on
	 * the right margin */
	assert_xstr(&s, "normalize-space(//style:footer/text:p)", "23. november 2026Side 1 av 1");
	assert_int_equal((int)xnum(&s, "count(//style:footer/text:p/text:tab"
			 "[preceding-sibling::node()[1][self::text()='23. november 2026']])"), 1);
	assert_xstr(&s, "string(//style:style[@style:name='Footer']//style:tab-stop/@style:type)",
		    "right");
	assert_int_equal((int)xnum(&s, "count(//style:footer//text:page-number)"), 1);
	assert_int_equal((int)xnum(&s, "count(//style:footer//text:page-count)"), 1);
	part_close(&s);
}

static void test_meta(void **state)
{
	part m;
	part_open(&m, *state, "meta.xml");
	assert_xstr(&m, "string(//dc:title)",
		    "Statusrapport: Regional handlingsplan for forskning 2023\xe2\x80\x93" "2026");
	assert_xstr(&m, "string(//meta:generator)", "statusrapport/" SR_VERSION);
	assert_xstr(&m, "string(//meta:initial-creator)", "Regionalt forskningsutvalg");
	assert_xstr(&m, "string(//meta:creation-date)", "2026-11-23T08:00:00Z");
	assert_xstr(&m, "string(//dc:date)", "2026-11-23T08:00:00Z");
	assert_int_equal((int)xnum(&m, "count(//meta:keyword)"), 4);
	assert_xstr(&m, "string(//meta:keyword[3])", "status");
	part_close(&m);
}

/* Language tags become fo:language / fo:country. */
static void test_languages(void **state)
{
	(void)state;
	static const struct { const char *tag, *lang, *country; } cases[] = {
		{"nn-NO", "nn", "NO"}, {"en", "en", "GB"}, {"en-US", "en", "US"},
		{"se", "se", ""}, {"x", "", ""}, {NULL, "", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		doc *d = doc_new();
		d->lang = cases[i].tag;
		buf b = BUF_INIT;
		render(d, &b);
		part s;
		part_open(&s, &b, "styles.xml");
		assert_xstr(&s, "string(//style:default-style[@style:family='paragraph']"
			    "/style:text-properties/@fo:language)", cases[i].lang);
		assert_xstr(&s, "string(//style:default-style[@style:family='paragraph']"
			    "/style:text-properties/@fo:country)", cases[i].country);
		part_close(&s);
		buf_free(&b);
		doc_free(d);
	}
}

/* Corner cases (see edge_doc): the package is still complete and the XML
 * says what was meant.  ODT_EDGE_OUT=FILE keeps it for validate-odt. */
static void test_edge_doc(void **state)
{
	(void)state;
	doc *d = edge_doc();
	buf b = BUF_INIT;
	render(d, &b);
	const char *out = getenv("ODT_EDGE_OUT");
	if (out) {
		FILE *f = fopen(out, "wb");
		assert_non_null(f);
		assert_int_equal(fwrite(b.data, 1, b.len, f), b.len);
		assert_int_equal(fclose(f), 0);
	}
	part c;
	part_open(&c, &b, "content.xml");
	/* Two contents lists, each with a unique section name, both filled. */
	assert_int_equal((int)xnum(&c, "count(//text:table-of-content)"), 2);
	assert_int_equal((int)xnum(&c, "count(//text:table-of-content[@text:name='Table of Contents2'])"), 1);
	assert_int_equal((int)xnum(&c, "count(//text:table-of-content[1]/text:index-body/text:p)"), 2);
	/* Level 7 is clamped to 3. */
	assert_int_equal((int)xnum(&c, "count(//text:h[@text:outline-level=3])"), 1);
	/* Leading spaces survive; CR LF, CR and LF are line breaks. */
	assert_xstr(&c, "string(//text:h[1]/text:s/@text:c)", "2");
	assert_int_equal((int)xnum(&c, "count(//text:h[1]/text:line-break)"), 4);
	/* A table of header rows only. */
	assert_int_equal((int)xnum(&c, "count(//table:table-header-rows/table:table-row)"), 2);
	assert_int_equal((int)xnum(&c, "count(//table:table/table:table-row)"), 0);
	assert_xstr(&c, "string(//text:list-item[1]/@text:start-value)", "5");
	assert_int_equal((int)xnum(&c, "count(//text:a)"), 4); /* 2 entries x 2 contents lists */
	assert_xstr(&c, "string(//text:span[@text:style-name='Emphasis']/text:span/@text:style-name)",
		    "Strong_20_Emphasis");
	/* The odd fill name becomes Fill_1; the cell style inherits it. */
	assert_xstr(&c, "string(//style:style[@style:name='Cell1']/@style:parent-style-name)", "Fill_1");
	/* The page breaks with nothing breakable after them are paragraphs. */
	assert_int_equal((int)xnum(&c, "count(//office:text/text:p[@text:style-name='P0_3'])"), 2);
	part_close(&c);
	buf_free(&b);
	doc_free(d);
}

/* A tree that breaks the shape rules is refused, with a message. */
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
	assert_int_equal(odt_render(d, &b, &g), SR_INVALID);
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
	buf_free(&b);

	buf small = BUF_INIT;
	small.max = 200;
	diag g;
	diag_init(&g);
	assert_int_equal(odt_render(d, &small, &g), SR_SYSTEM);
	assert_int_equal(g.errors, 1);
	diag_free(&g);
	buf_free(&small);
	doc_free(d);
}

/* A part deflated as it is written, fed in uneven pieces (one empty, the
 * last empty), reads back whole with its CRC checked (ZIP_CHECKCONS and
 * libzip's CRC check on reading), is stored as deflated, and its bytes are
 * the ones libzip makes of the same part given whole. */
static void test_deflated_part(void **state)
{
	(void)state;
	buf whole = BUF_INIT, piece = BUF_INIT, pkg1 = BUF_INIT, pkg2 = BUF_INIT;
	for (int i = 0; i < 200000; i++)
		buf_printf(&whole, "<text:p>Tiltak %d: Helseforetakene %s</text:p>\n", i,
			   i % 7 ? "rapporterer" : "forskningsstøtte");
	assert_false(whole.failed);
	odfzip_deflated z = {0};
	size_t at = 0, step = 1;
	while (at < whole.len) {
		size_t n = whole.len - at < step ? whole.len - at : step;
		buf_put(&piece, whole.data + at, n);
		at += n;
		step = step * 3 + 1;
		assert_int_equal(odfzip_deflate(&z, &piece, 0), 0);
		assert_int_equal(piece.len, 0);
	}
	assert_int_equal(odfzip_deflate(&z, &piece, 0), 0);
	assert_int_equal(odfzip_deflate(&z, &piece, 1), 0);
	assert_int_equal(z.size, whole.len);
	assert_true(z.z.len < whole.len / 10);
	/* ended: no more */
	assert_int_equal(odfzip_deflate(&z, &piece, 0), -1);

	diag g;
	diag_init(&g);
	odfzip_part p1 = {"content.xml", NULL, &z}, p2 = {"content.xml", &whole, NULL};
	assert_int_equal(odfzip_build("application/x-test", &p1, 1, 0, "a test", &pkg1, &g), SR_OK);
	assert_int_equal(odfzip_build("application/x-test", &p2, 1, 0, "a test", &pkg2, &g), SR_OK);
	assert_int_equal(pkg1.len, pkg2.len);
	assert_memory_equal(pkg1.data, pkg2.data, pkg1.len);
	char *got;
	size_t len;
	assert_int_equal(unzip_entry(&pkg1, "content.xml", &got, &len), 0);
	assert_int_equal(len, whole.len);
	assert_memory_equal(got, whole.data, len);
	free(got);

	/* a part not ended is refused, not written half */
	odfzip_deflated open = {0};
	buf some = BUF_INIT, pkg3 = BUF_INIT;
	buf_puts(&some, "<a/>");
	assert_int_equal(odfzip_deflate(&open, &some, 0), 0);
	odfzip_part p3 = {"content.xml", NULL, &open};
	assert_int_equal(odfzip_build("application/x-test", &p3, 1, 0, "a test", &pkg3, &g), SR_SYSTEM);
	assert_int_equal(g.errors, 1);
	assert_int_equal(pkg3.len, 0);
	odfzip_deflated_free(&open);
	odfzip_deflated_free(&z);
	diag_free(&g);
	buf_free(&whole), buf_free(&piece), buf_free(&pkg1), buf_free(&pkg2), buf_free(&some);
	buf_free(&pkg3);
}

int main(void)
{
	/* One group: tests/run reads cmocka's last summary line only. */
#define SAMPLE(t) cmocka_unit_test_setup_teardown(t, sample_setup, sample_teardown)
	const struct CMUnitTest tests[] = {
		SAMPLE(test_zip_mimetype_first),
		SAMPLE(test_zip_entries),
		SAMPLE(test_deterministic),
		SAMPLE(test_manifest_lists_parts),
		SAMPLE(test_content_toc_filled),
		SAMPLE(test_content_tables),
		SAMPLE(test_content_text),
		SAMPLE(test_styles),
		SAMPLE(test_meta),
		cmocka_unit_test(test_edge_doc),
		cmocka_unit_test(test_languages),
		cmocka_unit_test(test_malformed_refused),
		cmocka_unit_test(test_empty_and_full),
		cmocka_unit_test(test_deflated_part),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
