/* sheet.c: spreadsheets as grids of text (see sheet.h).
 *
 * Owns the libzip archive and the parsed content.xml while reading; keeps
 * only the cells with content, in the book's arena.  Prints nothing.
 *
 * LibreOffice rewrites a whole package in its own dialect when it saves:
 * runs of equal cells and rows become one element with
 * table:number-columns-repeated / number-rows-repeated (a sheet's tail is
 * typically one row repeated a million times), merged cells leave
 * table:covered-table-cell, rows sit inside table:table-header-rows or
 * table:table-row-group, text is split into text:span, text:s (runs of
 * spaces), text:tab and text:line-break, and cell notes are
 * office:annotation inside the cell.  All of that is read here, and the
 * tree is walked without recursion. */
#include "sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <zip.h>

#include "base/buf.h"
#include "base/utf8.h"
#include "xml/xmlin.h"

#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define ODS_MEDIA "application/vnd.oasis.opendocument.spreadsheet"

void sheet_book_init(sheet_book *b)
{
	memset(b, 0, sizeof *b);
	arena_init(&b->a);
}

void sheet_book_free(sheet_book *b)
{
	arena_free(&b->a);
	memset(b, 0, sizeof *b);
}

void sheet_a1(char *out, size_t n, uint32_t col, uint32_t row)
{
	char letters[8];
	int k = 0;
	uint32_t c = col + 1;
	while (c && k < 7) {
		letters[k++] = (char)('A' + (c - 1) % 26);
		c = (c - 1) / 26;
	}
	char name[8];
	for (int i = 0; i < k; i++)
		name[i] = letters[k - 1 - i];
	name[k] = '\0';
	snprintf(out, n, "%s%lu", name, (unsigned long)row + 1);
}

const sheet *sheet_find(const sheet_book *b, const char *name)
{
	for (size_t i = 0; i < b->n; i++)
		if (strcmp(b->sheets[i].name, name) == 0)
			return &b->sheets[i];
	return NULL;
}

const sheet_cell *sheet_next(const sheet *s, uint32_t row, uint32_t col)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const sheet_cell *c = &s->cells[mid];
		if (c->row < row || (c->row == row && c->col < col))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->n ? &s->cells[lo] : NULL;
}

const sheet_cell *sheet_get(const sheet *s, uint32_t row, uint32_t col)
{
	const sheet_cell *c = sheet_next(s, row, col);
	return c && c->row == row && c->col == col ? c : NULL;
}

static int blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

const char *sheet_text(arena *a, const sheet *s, uint32_t row, uint32_t col)
{
	const sheet_cell *cell = sheet_get(s, row, col);
	if (!cell)
		return NULL;
	const char *t = cell->text;
	while (blank(*t))
		t++;
	size_t n = strlen(t);
	while (n && blank(t[n - 1]))
		n--;
	return n ? arena_strndup(a, t, n) : NULL;
}

uint32_t sheet_rows(const sheet *s)
{
	return s->n ? s->cells[s->n - 1].row + 1 : 0;
}

static sheet *new_sheet(sheet_book *b, const char *name)
{
	sheet *arr = arena_grow(&b->a, b->sheets, b->n, &b->cap, sizeof *arr);
	if (!arr)
		return NULL;
	b->sheets = arr;
	sheet *s = &b->sheets[b->n++];
	memset(s, 0, sizeof *s);
	s->name = arena_strdup(&b->a, name ? name : "");
	return s;
}

/* Add a cell; 1 ok, 0 over the cell limit, -1 out of memory. */
static int add_cell(sheet_book *b, sheet *s, uint32_t row, uint32_t col, const char *text,
		    const char *value)
{
	if (b->ncells >= SHEET_MAX_CELLS)
		return 0;
	sheet_cell *arr = arena_grow(&b->a, s->cells, s->n, &s->cap, sizeof *arr);
	if (!arr)
		return -1;
	s->cells = arr;
	s->cells[s->n++] = (sheet_cell){row, col, text, value};
	b->ncells++;
	return 1;
}

/* ---- content.xml ------------------------------------------------------------- */

static int is(const xmlNode *n, const char *ns, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && xmlin_is_ns(n, ns, name);
}

static const char *nsattr(const xmlNode *n, const char *ns, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (a->ns && strcmp((const char *)a->ns->href, ns) == 0 &&
		    strcmp((const char *)a->name, name) == 0 && a->children &&
		    a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
	return NULL;
}

/* A repeat count; huge values are clamped (a sheet's tail is repeated up
 * to the row limit, and only cells with content are kept anyway). */
static uint32_t repeat(const xmlNode *n, const char *name, uint32_t max)
{
	const char *v = nsattr(n, NS_TABLE, name);
	if (!v)
		return 1;
	char *end;
	unsigned long r = strtoul(v, &end, 10);
	if (*end || r < 1)
		return 1;
	return r > max ? max : (uint32_t)r;
}

/* The text of a cell: its text:p / text:h children joined by "\n", with
 * text:s, text:tab and text:line-break as the characters they stand for;
 * office:annotation (a note on the cell) is not the cell's text. */
static void cell_text(const xmlNode *cellnode, buf *out)
{
	int first = 1;
	for (const xmlNode *p = cellnode->children; p; p = p->next) {
		if (!is(p, NS_TEXT, "p") && !is(p, NS_TEXT, "h"))
			continue;
		if (!first)
			buf_putc(out, '\n');
		first = 0;
		/* Iterative walk of p's subtree. */
		const xmlNode *n = p->children;
		while (n) {
			int descend = 0;
			if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
				buf_puts(out, (const char *)n->content);
			} else if (is(n, NS_TEXT, "s")) {
				const char *c = nsattr(n, NS_TEXT, "c");
				long k = c ? strtol(c, NULL, 10) : 1;
				for (long i = 0; i < (k < 1 ? 1 : k > 1000 ? 1000 : k); i++)
					buf_putc(out, ' ');
			} else if (is(n, NS_TEXT, "tab")) {
				buf_putc(out, '\t');
			} else if (is(n, NS_TEXT, "line-break")) {
				buf_putc(out, '\n');
			} else if (n->type == XML_ELEMENT_NODE && !is(n, NS_OFFICE, "annotation") &&
				   !is(n, NS_TEXT, "note")) {
				descend = n->children != NULL;
			}
			if (descend) {
				n = n->children;
				continue;
			}
			while (n && !n->next && n->parent != p)
				n = n->parent;
			n = n ? n->next : NULL;
		}
	}
}

typedef struct rdr {
	sheet_book *b;
	const char *file;
	diag *d;
	int over;  /* the cell limit was hit */
	int oom;
} rdr;

/* One table:table-row, repeated rep times, at row *row. */
static void read_row(rdr *r, sheet *s, const xmlNode *row, uint32_t rownum, uint32_t rep)
{
	uint32_t col = 0;
	buf t = BUF_INIT;
	for (const xmlNode *c = row->children; c && col < SHEET_MAX_COLS; c = c->next) {
		if (!is(c, NS_TABLE, "table-cell") && !is(c, NS_TABLE, "covered-table-cell"))
			continue;
		uint32_t crep = repeat(c, "number-columns-repeated", SHEET_MAX_COLS - col);
		t.len = 0;
		cell_text(c, &t);
		/* Some writers keep a string only in office:string-value. */
		const char *sv = t.len ? NULL : nsattr(c, NS_OFFICE, "string-value");
		if (sv)
			buf_puts(&t, sv);
		if (t.failed) { /* its text lost, a filled cell would read as empty */
			r->oom = 1;
			break;
		}
		const char *vt = nsattr(c, NS_OFFICE, "value-type");
		const char *v = vt && (!strcmp(vt, "float") || !strcmp(vt, "percentage") ||
				       !strcmp(vt, "currency"))
					? nsattr(c, NS_OFFICE, "value") : NULL;
		if (t.len || v) {
			const char *text = arena_strndup(&r->b->a, t.len ? (const char *)t.data : "", t.len);
			const char *val = NULL;
			if (v && !strcmp(vt, "percentage")) {
				/* "45 %" is stored as 0.45: the form means 45. */
				char tmp[64];
				snprintf(tmp, sizeof tmp, "%.10g", strtod(v, NULL) * 100.0);
				val = arena_strdup(&r->b->a, tmp);
			} else if (v) {
				val = arena_strdup(&r->b->a, v);
			}
			if (!text || (v && !val)) {
				r->oom = 1;
				break;
			}
			for (uint32_t i = 0; i < rep && !r->over; i++)
				for (uint32_t j = 0; j < crep && !r->over; j++) {
					int k = add_cell(r->b, s, rownum + i, col + j, text, val);
					if (k < 0)
						r->oom = 1, r->over = 1;
					else if (k == 0)
						r->over = 1;
				}
		}
		col += crep;
	}
	buf_free(&t);
}

/* Rows of one table, also inside header-rows, row-groups (nested) and
 * table:table-rows, walked with an explicit stack. */
static void read_table(rdr *r, const xmlNode *tbl)
{
	sheet *s = new_sheet(r->b, nsattr(tbl, NS_TABLE, "name"));
	if (!s) {
		r->oom = 1;
		return;
	}
	enum { MAXD = 32 };
	const xmlNode *stack[MAXD];
	int top = 0;
	stack[0] = tbl->children;
	uint32_t rownum = 0;
	while (top >= 0 && !r->over && !r->oom) {
		const xmlNode *n = stack[top];
		if (!n) {
			top--;
			continue;
		}
		stack[top] = n->next;
		if (is(n, NS_TABLE, "table-row")) {
			if (rownum >= SHEET_MAX_ROWS)
				break;
			uint32_t rep = repeat(n, "number-rows-repeated", SHEET_MAX_ROWS - rownum);
			read_row(r, s, n, rownum, rep);
			rownum += rep;
		} else if ((is(n, NS_TABLE, "table-header-rows") || is(n, NS_TABLE, "table-row-group") ||
			    is(n, NS_TABLE, "table-rows")) && top + 1 < MAXD) {
			stack[++top] = n->children;
		}
	}
}

static int cell_cmp(const void *pa, const void *pb)
{
	const sheet_cell *a = pa, *b = pb;
	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	return a->col < b->col ? -1 : a->col > b->col;
}

sr_status sheet_read_ods_content(sheet_book *b, const char *file, const char *xml, size_t len,
				 diag *d)
{
	xmlDocPtr doc = NULL;
	sr_status st = xmlin_parse(file, xml, len, &doc, d);
	if (st != SR_OK)
		return st;
	rdr r = {b, file, d, 0, 0};
	const xmlNode *root = xmlDocGetRootElement(doc);
	const xmlNode *body = NULL, *ss = NULL;
	if (is(root, NS_OFFICE, "document-content") || is(root, NS_OFFICE, "document"))
		for (const xmlNode *n = root->children; n; n = n->next)
			if (is(n, NS_OFFICE, "body"))
				body = n;
	if (body)
		for (const xmlNode *n = body->children; n; n = n->next)
			if (is(n, NS_OFFICE, "spreadsheet"))
				ss = n;
	if (!ss) {
		diag_add(d, DIAG_ERROR, file, 0, 0, "this is not a spreadsheet (no office:spreadsheet)");
		xmlFreeDoc(doc);
		return SR_INVALID;
	}
	for (const xmlNode *n = ss->children; n && !r.over && !r.oom; n = n->next)
		if (is(n, NS_TABLE, "table"))
			read_table(&r, n);
	xmlFreeDoc(doc);
	if (r.oom || arena_failed(&b->a)) {
		diag_add(d, DIAG_ERROR, file, 0, 0, "out of memory reading the spreadsheet");
		return SR_SYSTEM;
	}
	if (r.over) {
		diag_add(d, DIAG_ERROR, file, 0, 0,
			 "the spreadsheet has more than %u filled cells; a form has far fewer",
			 SHEET_MAX_CELLS);
		return SR_INVALID;
	}
	/* Cells come in row order already; sorting keeps lookups right even
	 * for unusual writers. */
	for (size_t i = 0; i < b->n; i++)
		if (b->sheets[i].n > 1)
			qsort(b->sheets[i].cells, b->sheets[i].n, sizeof(sheet_cell), cell_cmp);
	return SR_OK;
}

/* ---- document properties ---------------------------------------------------- */

const char *sheet_prop_get(const sheet_book *b, const char *name)
{
	for (size_t i = 0; i < b->nprops; i++)
		if (strcmp(b->props[i].name, name) == 0)
			return b->props[i].value;
	return NULL;
}

/* The meta:user-defined properties of meta.xml into b->props.  A meta.xml
 * that cannot be read adds none: the cells of the form are what counts,
 * the properties only a second witness of them. */
static sr_status read_meta(sheet_book *b, const char *file, const buf *xml)
{
	xmlDocPtr doc = NULL;
	diag quiet;
	diag_init(&quiet);
	sr_status st = xmlin_parse(file, (const char *)xml->data, xml->len, &doc, &quiet);
	diag_free(&quiet);
	if (st != SR_OK)
		return st == SR_SYSTEM ? SR_SYSTEM : SR_OK;
	const xmlNode *root = xmlDocGetRootElement(doc), *meta = NULL;
	for (const xmlNode *n = is(root, NS_OFFICE, "document-meta") ? root->children : NULL; n; n = n->next)
		if (is(n, NS_OFFICE, "meta"))
			meta = n;
	for (const xmlNode *n = meta ? meta->children : NULL; n; n = n->next) {
		const char *name = is(n, NS_META, "user-defined") ? nsattr(n, NS_META, "name") : NULL;
		if (!name)
			continue;
		xmlChar *v = xmlNodeGetContent(n);
		sheet_prop *p = arena_grow(&b->a, b->props, b->nprops, &b->capprops, sizeof *p);
		if (p) {
			b->props = p;
			p[b->nprops++] = (sheet_prop){arena_strdup(&b->a, name),
						      arena_strdup(&b->a, v ? (const char *)v : "")};
		}
		xmlFree(v);
	}
	xmlFreeDoc(doc);
	return arena_failed(&b->a) ? SR_SYSTEM : SR_OK;
}

/* ---- the zip ---------------------------------------------------------------- */

/* Read a zip entry of at most max bytes into a NUL-terminated heap buffer.
 * Returns 1 ok, 0 larger than max, -1 error. */
static int read_entry(zip_t *za, const char *name, size_t max, buf *out)
{
	/* An honest zip says its size up front: refuse before unpacking. */
	zip_stat_t sb;
	zip_stat_init(&sb);
	if (zip_stat(za, name, 0, &sb) == 0 && (sb.valid & ZIP_STAT_SIZE) && sb.size > max)
		return 0;
	zip_file_t *zf = zip_fopen(za, name, 0);
	if (!zf)
		return -1;
	char chunk[65536];
	zip_int64_t got;
	int rc = 1;
	/* The sizes in the zip's directory are the sender's word: count what
	 * actually comes out of the decompressor instead. */
	while ((got = zip_fread(zf, chunk, sizeof chunk)) > 0) {
		if (out->len + (size_t)got > max) {
			rc = 0;
			break;
		}
		buf_put(out, chunk, (size_t)got);
		if (out->failed) {
			rc = -1;
			break;
		}
	}
	if (got < 0)
		rc = -1;
	zip_fclose(zf);
	if (rc == 1 && !buf_cstr(out))
		rc = -1;
	return rc;
}

sr_status sheet_read_ods(sheet_book *b, const char *file, const void *data, size_t len, diag *d)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	zip_t *za = NULL;
	buf mt = BUF_INIT, content = BUF_INIT;
	sr_status st = SR_INVALID;
	if (!src) {
		diag_add(d, DIAG_ERROR, file, 0, 0, "out of memory");
		st = SR_SYSTEM;
		goto done;
	}
	za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (!za) {
		zip_source_free(src);
		diag_add(d, DIAG_ERROR, file, 0, 0,
			 "this is not an OpenDocument spreadsheet (.ods): the file is not a readable zip "
			 "package (%s)", zip_error_strerror(&ze));
		goto done;
	}
	if (zip_get_num_entries(za, 0) > 10000) {
		diag_add(d, DIAG_ERROR, file, 0, 0, "the package has too many entries to be a form");
		goto done;
	}
	int k = read_entry(za, "mimetype", 256, &mt);
	if (k <= 0) {
		if (zip_name_locate(za, "[Content_Types].xml", 0) >= 0)
			diag_add(d, DIAG_ERROR, file, 0, 0,
				 "this is an Office Open XML (Excel .xlsx) file, not an OpenDocument "
				 "spreadsheet; save it as .ods (or the Status sheet as CSV) and import that");
		else
			diag_add(d, DIAG_ERROR, file, 0, 0,
				 "this is not an OpenDocument spreadsheet: the zip has no mimetype entry");
		goto done;
	}
	if (strcmp((const char *)mt.data, ODS_MEDIA) != 0) {
		diag_add(d, DIAG_ERROR, file, 0, 0,
			 "this is not a spreadsheet but \"%s\"; import reads the .ods forms",
			 (const char *)mt.data);
		goto done;
	}
	k = read_entry(za, "content.xml", SHEET_MAX_XML, &content);
	if (k == 0) {
		diag_add(d, DIAG_ERROR, file, 0, 0,
			 "content.xml unpacks to more than %zu MB; refused (a form is far smaller, "
			 "this may be a zip bomb)", SHEET_MAX_XML / 1024 / 1024);
		goto done;
	}
	if (k < 0) {
		diag_add(d, DIAG_ERROR, file, 0, 0, "cannot read content.xml from the package: %s",
			 content.failed ? "out of memory" : zip_error_strerror(zip_get_error(za)));
		st = content.failed ? SR_SYSTEM : SR_INVALID;
		goto done;
	}
	{
		char name[1024];
		snprintf(name, sizeof name, "%s/content.xml", file);
		st = sheet_read_ods_content(b, name, (const char *)content.data, content.len, d);
		buf meta = BUF_INIT;
		if (st == SR_OK && read_entry(za, "meta.xml", (size_t)1024 * 1024, &meta) == 1) {
			snprintf(name, sizeof name, "%s/meta.xml", file);
			st = read_meta(b, name, &meta);
			if (st == SR_SYSTEM)
				diag_add(d, DIAG_ERROR, file, 0, 0, "out of memory");
		}
		if (meta.failed && st == SR_OK) {
			diag_add(d, DIAG_ERROR, file, 0, 0, "out of memory");
			st = SR_SYSTEM;
		}
		buf_free(&meta);
	}
done:
	if (za)
		zip_discard(za);
	zip_error_fini(&ze);
	buf_free(&mt);
	buf_free(&content);
	return st;
}

/* ---- CSV ------------------------------------------------------------------- */

char *sheet_cp1252_to_utf8(arena *a, const char *s, size_t len)
{
	/* 0x80-0x9F of Windows-1252; 0 marks the five unassigned bytes. */
	static const uint16_t hi[32] = {
		0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
		0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
		0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};
	if (len > (SIZE_MAX - 1) / 3)
		return NULL;
	char *out = arena_alloc(a, len * 3 + 1), *o = out;
	if (!out)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		unsigned c = (unsigned char)s[i];
		uint32_t cp = c < 0x80 ? c : c < 0xA0 ? hi[c - 0x80] : c;
		if (!cp)
			cp = 0xFFFD;
		if (cp < 0x80) {
			*o++ = (char)cp;
		} else if (cp < 0x800) {
			*o++ = (char)(0xC0 | (cp >> 6));
			*o++ = (char)(0x80 | (cp & 0x3F));
		} else {
			*o++ = (char)(0xE0 | (cp >> 12));
			*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
			*o++ = (char)(0x80 | (cp & 0x3F));
		}
	}
	*o = '\0';
	return out;
}

/* The delimiter: ';', ',' or a tab, whichever occurs most outside quotes
 * in the first five lines (Norwegian Excel writes ';', LibreOffice asks,
 * "Text (tab-separated)" and a copy from a sheet give tabs). */
static char delimiter(const char *s, size_t len)
{
	size_t semi = 0, comma = 0, tab = 0;
	int q = 0, lines = 0;
	for (size_t i = 0; i < len && lines < 5; i++) {
		if (s[i] == '"')
			q = !q;
		else if (!q && s[i] == ';')
			semi++;
		else if (!q && s[i] == ',')
			comma++;
		else if (!q && s[i] == '\t')
			tab++;
		else if (!q && s[i] == '\n')
			lines++;
	}
	if (tab > semi && tab > comma)
		return '\t';
	return comma > semi ? ',' : ';';
}

sr_status sheet_read_csv(sheet_book *b, const char *file, const char *sheet_name,
			 const char *data, size_t len, diag *d)
{
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		data += 3, len -= 3;
	const char *text = data;
	if (!utf8_valid(data, len)) {
		text = sheet_cp1252_to_utf8(&b->a, data, len);
		if (!text) {
			diag_add(d, DIAG_ERROR, file, 0, 0, "out of memory");
			return SR_SYSTEM;
		}
		len = strlen(text);
	} else if (memchr(data, '\0', len)) {
		diag_add(d, DIAG_ERROR, file, 0, 0,
			 "this is not a CSV text file (it holds NUL bytes); save the form's Status sheet "
			 "as CSV, or import the .ods");
		return SR_INVALID;
	}
	sheet *s = new_sheet(b, sheet_name);
	if (!s) {
		diag_add(d, DIAG_ERROR, file, 0, 0, "out of memory");
		return SR_SYSTEM;
	}
	char delim = delimiter(text, len);
	s->delim = delim;
	buf f = BUF_INIT;
	uint32_t row = 0, col = 0;
	size_t i = 0;
	int over = 0;
	while (i <= len && !over) {
		/* One field. */
		f.len = 0;
		int quoted = 0;
		if (i < len && text[i] == '"') {
			quoted = 1;
			i++;
			while (i < len) {
				if (text[i] == '"') {
					if (i + 1 < len && text[i + 1] == '"') {
						buf_putc(&f, '"');
						i += 2;
						continue;
					}
					i++;
					break;
				}
				if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
					i++;
				buf_putc(&f, text[i++]);
			}
		}
		/* Unquoted text, or what follows a closing quote, up to the end
		 * of the field. */
		while (i < len && text[i] != delim && text[i] != '\n' && text[i] != '\r')
			buf_putc(&f, text[i++]);
		(void)quoted;
		if (f.len) {
			const char *v = arena_strndup(&b->a, (const char *)f.data, f.len);
			int k = v && !f.failed ? add_cell(b, s, row, col, v, NULL) : -1;
			if (k < 0) {
				buf_free(&f);
				diag_add(d, DIAG_ERROR, file, 0, 0, "out of memory");
				return SR_SYSTEM;
			}
			over = k == 0;
		}
		if (i >= len || text[i] == '\n' || text[i] == '\r') {
			uint32_t *w = arena_grow(&b->a, s->widths, s->nwidths, &s->capwidths, sizeof *w);
			if (!w) {
				buf_free(&f);
				diag_add(d, DIAG_ERROR, file, 0, 0, "out of memory");
				return SR_SYSTEM;
			}
			s->widths = w;
			s->widths[s->nwidths++] = col + 1;
		}
		if (i >= len)
			break;
		if (text[i] == delim) {
			i++;
			if (++col >= SHEET_MAX_COLS)
				over = 1;
			continue;
		}
		/* end of line: \n, \r\n or \r */
		if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
			i++;
		i++;
		col = 0;
		if (++row >= SHEET_MAX_ROWS)
			over = 1;
	}
	buf_free(&f);
	if (over) {
		diag_add(d, DIAG_ERROR, file, 0, 0, "the file is larger than any form (over %u cells, "
			 "%u rows or %u columns)", SHEET_MAX_CELLS, SHEET_MAX_ROWS, SHEET_MAX_COLS);
		return SR_INVALID;
	}
	return SR_OK;
}
