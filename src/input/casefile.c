/* casefile.c: reading a board paper's case details (see casefile.h).
 * Only reads; which detail wins over which is the caller's to decide. */
#include "casefile.h"

#include <string.h>

#include "base/xalloc.h"
#include "model/model.h"

extern const unsigned char embedded_case_rng[];
extern const size_t embedded_case_rng_len;

void case_file_free(case_file *c)
{
	if (!c)
		return;
	arena_free(&c->arena);
	xfree(c);
}

/* An element's text without the white space around it; NULL when empty. */
static const char *text_of(xmlin_walk *w, const xmlNode *n)
{
	xmlChar *s = xmlNodeGetContent(n);
	const char *t = s ? (const char *)s : "";
	while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')
		t++;
	size_t len = strlen(t);
	while (len && (t[len - 1] == ' ' || t[len - 1] == '\t' || t[len - 1] == '\n' ||
		       t[len - 1] == '\r'))
		len--;
	const char *out = len ? arena_strndup(w->a, t, len) : NULL;
	xmlFree(s);
	return out;
}

static void walk(xmlin_walk *w, const xmlNode *root)
{
	case_file *c = w->ctx;
	for (const xmlNode *n = xmlin_first(root); n; n = xmlin_next(n)) {
		const char *t = text_of(w, n);
		if (xmlin_is_ns(n, CASE_NS, "number"))
			c->number = t;
		else if (xmlin_is_ns(n, CASE_NS, "officer"))
			c->officer = t;
		else if (xmlin_is_ns(n, CASE_NS, "archive-ref"))
			c->archive_ref = t;
		else if (xmlin_is_ns(n, CASE_NS, "resolution"))
			c->resolution = t;
		else if (xmlin_is_ns(n, CASE_NS, "meeting-date")) {
			if (t && !model_date_valid(t))
				xmlin_err(w, n, "the meeting date \"%s\" is not a date like 2025-02-12", t);
			else
				c->meeting_date = t;
		}
	}
}

sr_status case_file_load(case_file **out, const char *path, diag *d)
{
	*out = NULL;
	xmlin_schema *schema = NULL;
	sr_status st = xmlin_schema_load(&schema, "case.rng", embedded_case_rng,
					 embedded_case_rng_len, d);
	if (st != SR_OK)
		return st;
	case_file *c = xcalloc(1, sizeof *c);
	if (!c) {
		xmlin_schema_free(schema);
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
		return SR_SYSTEM;
	}
	arena_init(&c->arena);
	xmlin_walk w = {0};
	w.a = &c->arena;
	w.ctx = c;
	char *data;
	size_t len;
	st = xmlin_slurp(path, &data, &len, d);
	if (st == SR_OK) {
		st = xmlin_read(schema, path, data, len, "case file", CASE_NS, "case", NULL, NULL,
				walk, &w, d);
		xfree(data);
	}
	xmlin_schema_free(schema);
	if (st == SR_OK && arena_failed(&c->arena)) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
		st = SR_SYSTEM;
	}
	if (st != SR_OK) {
		case_file_free(c);
		return st;
	}
	*out = c;
	return SR_OK;
}
