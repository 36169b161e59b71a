/* xmlin.c: safe XML input with positions and plain-worded errors (see
 * xmlin.h).  Owns the libxml2 parser and validation contexts it creates;
 * the parsed tree belongs to the caller. */
#include "xmlin.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>

#include "base/xalloc.h"

struct xmlin_schema {
	xmlRelaxNGPtr rng;
};

/* ---- positions ----------------------------------------------------------
 * libxml2 records only a line per node, and the line where the start tag
 * ended.  At the start-element callback the parser stands at the tag's '>',
 * so we walk back to its '<' (which cannot occur inside the tag) and to the
 * line start before it, and pack line and column into node->_private. */

static void *pack(long line, long col)
{
	if (line < 0)
		line = 0;
	if (col < 0 || col > 0xFFFFFF)
		col = 0;
	/* NOLINTNEXTLINE(performance-no-int-to-ptr): a packed number, never dereferenced */
	return (void *)(((uintptr_t)line << 24) | (uintptr_t)col);
}

srcpos xmlin_pos(const char *file, const xmlNode *n)
{
	srcpos p = {file, 0, 0};
	if (!n)
		return p;
	if (n->type == XML_ELEMENT_NODE && n->_private) {
		uintptr_t v = (uintptr_t)n->_private;
		p.line = (int)(v >> 24);
		p.col = (int)(v & 0xFFFFFF);
	} else {
		p.line = (int)xmlGetLineNo(n);
		if (n->parent && n->parent->type == XML_ELEMENT_NODE && n->parent->_private)
			return xmlin_pos(file, n->parent);
	}
	return p;
}

static int is_lead(unsigned char c) { return (c & 0xC0) != 0x80; }

/* Parse state: the file for messages, and where the last element's column
 * was found, so the next one is counted forward from there. */
typedef struct pstate {
	const char *file;
	diag *d;
	int reported;
	const xmlChar *cbase; /* the input buffer cpos is in */
	unsigned long cconsumed;
	const xmlChar *cpos;  /* a position in it whose column is ccol */
	long ccol;
} pstate;

/* The column of p by scanning back to its line's start (what is left of
 * the line in the buffer; libxml2's own column when the start is gone). */
static long col_back(xmlParserInputPtr in, const xmlChar *p)
{
	const xmlChar *base = in->base, *cur = in->cur, *s = p;
	while (s > base && s[-1] != '\n')
		s--;
	long c = 1;
	if (s == base && in->consumed > 0) {
		c = in->col;
		for (const xmlChar *q = p; q < cur; q++)
			if (is_lead(*q))
				c--;
		return c > 0 ? c : 1;
	}
	if (s == base && p - s >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		s += 3; /* a byte-order mark is not a column */
	for (const xmlChar *q = s; q < p; q++)
		if (is_lead(*q))
			c++;
	return c;
}

/* Line and column of the '<' of the element libxml2 has just read.  The
 * column is counted forward from the previous element's, never back to
 * the line start each time: on a file written as one line (exporters do
 * that) counting back made reading quadratic, 2.2 s for 0.6 MB. */
static void tag_start(xmlParserCtxtPtr ctxt, long *line, long *col)
{
	pstate *st = ctxt->_private;
	xmlParserInputPtr in = ctxt->input;
	const xmlChar *base = in->base, *cur = in->cur, *p = cur;
	long l = in->line;
	while (p > base && *p != '<')
		p--;
	for (const xmlChar *q = p; q < cur; q++)
		if (*q == '\n')
			l--;
	*line = l;
	if (st->cbase != base || st->cconsumed != in->consumed || st->cpos > p) {
		st->cbase = base;
		st->cconsumed = in->consumed;
		st->cpos = p;
		st->ccol = col_back(in, p);
	}
	long c = st->ccol;
	for (const xmlChar *q = st->cpos; q < p; q++) {
		if (*q == '\n')
			c = 1;
		else if (is_lead(*q))
			c++;
	}
	st->cpos = p;
	st->ccol = c;
	*col = c;
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
		     const xmlChar *URI, int nb_namespaces, const xmlChar **namespaces,
		     int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	long line, col;
	tag_start(ctxt, &line, &col);
	xmlSAX2StartElementNs(ctx, localname, prefix, URI, nb_namespaces, namespaces,
			      nb_attributes, nb_defaulted, attributes);
	if (ctxt->node)
		ctxt->node->_private = pack(line, col);
}

/* ---- parse errors -------------------------------------------------------- */

static void report(pstate *st, int line, int col, const char *msg)
{
	if (st->reported++)
		return; /* after the first error libxml2's next ones are echoes */
	diag_add(st->d, DIAG_ERROR, st->file, line, col, "%s", msg);
}

static void on_dtd(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
	(void)name, (void)ext, (void)sys;
	xmlParserCtxtPtr ctxt = ctx;
	pstate *st = ctxt->_private;
	/* Refusing the DOCTYPE outright closes every entity door at once:
	 * external entities (local files, URLs) and expansion bombs. */
	report(st, ctxt->input->line, 1,
	       "a document type declaration (<!DOCTYPE ...>) is not allowed; "
	       "remove it (status files need no DTD, and entities are not read for safety)");
	xmlStopParser(ctxt);
}

static void chomp(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = '\0';
}

/* libxml2 names a character it refuses as "Char value 1" or "Char 0x0";
 * the reader gets it as U+XXXX when the message holds it. */
static void control_msg(char *msg, size_t n, const char *raw)
{
	const char *v = strstr(raw, "Char value ");
	const char *h = strstr(raw, "Char 0x");
	long c = v ? strtol(v + 11, NULL, 10) : h ? strtol(h + 5, NULL, 16) : -1;
	if (c >= 0)
		snprintf(msg, n, "the text holds the control character U+%04lX, which XML does not "
				 "allow; remove it", (unsigned long)c);
	else
		snprintf(msg, n, "the text holds a control character that XML does not allow; remove it");
}

/* The mistakes whose message needs nothing from libxml2's report. */
static const struct {
	int code;
	const char *msg;
} plain_msgs[] = {
	{XML_ERR_DOCUMENT_EMPTY, "the file is empty or is not XML"},
	{XML_ERR_DOCUMENT_END,
	 "there is more text after the end of the document; a file has exactly one outer element"},
	{XML_ERR_GT_REQUIRED, "a tag is not closed with '>'"},
	{XML_ERR_LT_IN_ATTRIBUTE, "'<' is not allowed in an attribute value; write &lt;"},
	{XML_ERR_ATTRIBUTE_NOT_STARTED,
	 "an attribute value must be written in quotes: name=\"value\""},
	{XML_ERR_ATTRIBUTE_WITHOUT_VALUE,
	 "an attribute value must be written in quotes: name=\"value\""},
	{XML_ERR_UNSUPPORTED_ENCODING,
	 "the encoding named in the first line is not known; save the file as UTF-8 and name "
	 "that: encoding=\"UTF-8\""},
	{XML_ERR_HYPHEN_IN_COMMENT,
	 "a comment <!-- ... --> must end with --> and hold no '--' inside"},
	{XML_ERR_COMMENT_NOT_FINISHED,
	 "a comment <!-- ... --> must end with --> and hold no '--' inside"},
	{XML_ERR_CDATA_NOT_FINISHED, "a <![CDATA[ section is not closed with ]]>"},
	{XML_ERR_RESERVED_XML_NAME, "<?xml ...?> may only stand at the very start of the file"},
};

static void on_parse_error(void *ctx, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = ctx;
	pstate *st = ctxt ? ctxt->_private : NULL;
	if (!st || e->level == XML_ERR_WARNING)
		return;
	char msg[512], raw[256];
	snprintf(raw, sizeof raw, "%s", e->message ? e->message : "unknown error");
	chomp(raw);
	const char *s1 = e->str1 ? e->str1 : "", *s2 = e->str2 ? e->str2 : "";
	for (size_t i = 0; i < sizeof plain_msgs / sizeof plain_msgs[0]; i++)
		if (plain_msgs[i].code == e->code) {
			report(st, e->line, e->int2 > 0 ? e->int2 : 1, plain_msgs[i].msg);
			return;
		}
	switch (e->code) {
	case XML_ERR_TAG_NAME_MISMATCH:
		snprintf(msg, sizeof msg,
			 "the closing tag </%s> does not match the opening tag <%s> on line %d",
			 s2, s1, e->int1);
		break;
	case XML_ERR_TAG_NOT_FINISHED:
		snprintf(msg, sizeof msg,
			 "the file ends before <%s> (opened on line %d) is closed", s1, e->int1);
		break;
	case XML_ERR_ATTRIBUTE_REDEFINED:
		snprintf(msg, sizeof msg, "the attribute %s is given twice", s1);
		break;
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		snprintf(msg, sizeof msg,
			 "unknown entity &%s; (only &amp; &lt; &gt; &quot; &apos; and &#NNN; are known)", s1);
		break;
	case XML_ERR_NAME_REQUIRED:
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		if (strstr(raw, "StartTag") || strstr(raw, "invalid element name"))
			snprintf(msg, sizeof msg, "a tag must begin with a letter after '<'; a '<' in text "
						  "is written &lt;");
		else
			snprintf(msg, sizeof msg, "a bare '&' must be written as &amp;");
		break;
	case XML_NS_ERR_UNDEFINED_NAMESPACE:
		snprintf(msg, sizeof msg, "the namespace prefix in '%s' is not declared", s1[0] ? s1 : raw);
		break;
	default:
		if (strstr(raw, "not proper UTF-8") || e->code == XML_ERR_INVALID_ENCODING) {
			snprintf(msg, sizeof msg,
				 "the text is not valid UTF-8 here; save the file as UTF-8, or name its "
				 "encoding in the first line: <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");
		} else if (strstr(raw, "invalid xmlChar value")) {
			snprintf(msg, sizeof msg,
				 "&#%s; is not a character XML allows (a control character); remove it",
				 strrchr(raw, ' ') + 1);
		} else if (strstr(raw, "invalid Char value") || strstr(raw, "out of allowed range") ||
			   e->code == XML_ERR_INVALID_CHAR) {
			control_msg(msg, sizeof msg, raw);
		} else if (strstr(raw, "Excessive depth")) {
			snprintf(msg, sizeof msg,
				 "elements are nested too deeply (the limit is 256 levels)");
		} else if (strstr(raw, "huge")) {
			snprintf(msg, sizeof msg, "a text is longer than 1 MB, the most one text may be; "
						  "shorten it or link to the full document");
		} else {
			/* libxml2's words name its parser, not the reader's mistake */
			snprintf(msg, sizeof msg, "the XML is broken here; check the tags, quotes and "
						  "'&' just before this place");
		}
	}
	report(st, e->line, e->int2 > 0 ? e->int2 : 1, msg);
}

sr_status xmlin_slurp(const char *path, char **data, size_t *len, diag *d)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot open the file: %s", strerror(errno));
		return SR_INVALID;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		diag_add(d, DIAG_ERROR, path, 0, 0, "this is a folder, not a file");
		return SR_INVALID;
	}
	size_t cap = (size_t)64 * 1024, n = 0;
	char *b = xmalloc(cap + 1);
	while (b) {
		size_t r = fread(b + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
		if (n == cap) {
			if (cap > XMLIN_MAX_FILE)
				break;
			cap *= 2;
			char *nb = xrealloc(b, cap + 1);
			if (!nb) {
				xfree(b);
				b = NULL;
			} else {
				b = nb;
			}
		}
	}
	int err = ferror(f);
	fclose(f);
	if (!b) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "out of memory reading the file");
		return SR_SYSTEM;
	}
	if (err) {
		xfree(b);
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read the file");
		return SR_INVALID;
	}
	if (n > XMLIN_MAX_FILE) {
		xfree(b);
		diag_add(d, DIAG_ERROR, path, 0, 0,
			 "the file is larger than %zu MB, the most an input may be",
			 XMLIN_MAX_FILE / 1024 / 1024);
		return SR_INVALID;
	}
	b[n] = '\0';
	*data = b;
	*len = n;
	return SR_OK;
}

sr_status xmlin_parse(const char *file, const char *data, size_t len,
		      xmlDocPtr *out, diag *d)
{
	*out = NULL;
	if (len > XMLIN_MAX_FILE) {
		diag_add(d, DIAG_ERROR, file, 0, 0, "the file is larger than %zu MB, the most an input may be",
			 XMLIN_MAX_FILE / 1024 / 1024);
		return SR_INVALID;
	}
	if (len == 0) {
		diag_add(d, DIAG_ERROR, file, 0, 0, "the file is empty");
		return SR_INVALID;
	}
	/* A NUL among the first two bytes is UTF-16 (or UTF-32) that libxml2
	 * cannot detect: without a byte-order mark it knows it only by an
	 * XML declaration, and would call the NULs control characters. */
	if (len >= 4 && (!data[0] || !data[1]) && memcmp(data, "<\0?\0", 4) != 0 &&
	    memcmp(data, "\0<\0?", 4) != 0) {
		diag_add(d, DIAG_ERROR, file, 1, 1, "the file's encoding is not recognised (it looks "
			 "like UTF-16 without a byte-order mark); save it as UTF-8");
		return SR_INVALID;
	}
	pstate st = {file, d, 0, NULL, 0, NULL, 0};
	xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(data, (int)len);
	if (!ctxt) {
		diag_add(d, DIAG_ERROR, file, 0, 0, "out of memory starting the XML parser");
		return SR_SYSTEM;
	}
	/* No NOENT (entities are never substituted), NONET (nothing fetched),
	 * no DTDLOAD, no HUGE (libxml2 keeps its depth and size limits).
	 * COMPACT keeps short text (an indented file's whitespace between
	 * elements) inside its node instead of a string of its own: the tree
	 * is only read after parsing, never changed, as COMPACT requires. */
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING |
				      XML_PARSE_COMPACT);
	ctxt->_private = &st;
	ctxt->sax->serror = on_parse_error;
	ctxt->sax->internalSubset = on_dtd;
	ctxt->sax->externalSubset = NULL;
	ctxt->sax->resolveEntity = NULL;
	ctxt->sax->startElementNs = on_start;
	ctxt->vctxt.error = NULL;
	ctxt->vctxt.warning = NULL;
	int rc = xmlParseDocument(ctxt);
	xmlDocPtr doc = ctxt->myDoc;
	int ok = rc == 0 && ctxt->wellFormed && !st.reported;
	if (!ok && !st.reported) {
		if (ctxt->errNo == XML_ERR_NO_MEMORY) {
			xmlFreeDoc(doc);
			xmlFreeParserCtxt(ctxt);
			diag_add(d, DIAG_ERROR, file, 0, 0, "out of memory reading the file");
			return SR_SYSTEM;
		}
		report(&st, ctxt->input ? ctxt->input->line : 0, 1, "the file is not well-formed XML");
	}
	ctxt->myDoc = NULL;
	xmlFreeParserCtxt(ctxt);
	if (!ok) {
		xmlFreeDoc(doc);
		return SR_INVALID;
	}
	if (!doc || !xmlDocGetRootElement(doc)) {
		xmlFreeDoc(doc);
		diag_add(d, DIAG_ERROR, file, 0, 0, "the file holds no XML element");
		return SR_INVALID;
	}
	*out = doc;
	return SR_OK;
}

/* ---- schema -------------------------------------------------------------- */

sr_status xmlin_schema_load(xmlin_schema **out, const char *name,
			    const unsigned char *rng, size_t len, diag *d)
{
	*out = NULL;
	xmlin_schema *s = xcalloc(1, sizeof *s);
	xmlRelaxNGParserCtxtPtr pc = s ? xmlRelaxNGNewMemParserCtxt((const char *)rng, (int)len) : NULL;
	if (pc) {
		s->rng = xmlRelaxNGParse(pc);
		xmlRelaxNGFreeParserCtxt(pc);
	}
	if (!s || !s->rng) {
		xfree(s);
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot load the built-in schema %s", name);
		return SR_SYSTEM;
	}
	*out = s;
	return SR_OK;
}

void xmlin_schema_free(xmlin_schema *s)
{
	if (!s)
		return;
	xmlRelaxNGFree(s->rng);
	xfree(s);
}

typedef struct vstate {
	const char *file;
	diag *d;
	int errors;
	int last_line, last_col;
	char last[512];
} vstate;

/* Does s start with prefix?  Then return the rest. */
static const char *after(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);
	return strncmp(s, prefix, n) == 0 ? s + n : NULL;
}

/* Copy the word at s (up to a space, comma or quote) into w. */
static const char *word(const char *s, char *w, size_t n)
{
	size_t i = 0;
	while (*s && *s != ' ' && *s != ',' && *s != '\'' && i + 1 < n)
		w[i++] = *s++;
	w[i] = '\0';
	return s;
}

static const char *type_words(const char *t)
{
	if (strstr(t, "integer"))
		return "whole number";
	if (strstr(t, "decimal"))
		return "number (written with a dot, like 3.5)";
	if (strstr(t, "date"))
		return "date (YYYY-MM-DD)";
	return "value";
}

/* What libxml2 leaves unnamed when an element lacks a child it needs
 * ("Expecting an element , got nothing"): the children each element of
 * the two formats must have, in their order; the first that n lacks is
 * named.  "a|b" is either; a trailing '+' means one or more. */
static void missing_child(const xmlNode *n, char *msg, size_t len)
{
	static const char *const need[][2] = {
		{"plan", "title organisation period owners area+"},
		{"owners", "owner+"},
		{"goals", "indicator+"},
		{"indicator", "name"},
		{"area", "measure|area+"},
		{"measure", "text responsible+"},
		{"status-report", "status|value+"},
		{"ul", "li+"},
		{"ol", "li+"},
		{"template", "sections"},
		{"sections", "title-block|areas+"},
	};
	const char *el = n && n->name ? (const char *)n->name : "?";
	for (size_t i = 0; i < sizeof need / sizeof *need; i++) {
		if (strcmp(el, need[i][0]) != 0)
			continue;
		for (const char *s = need[i][1]; *s;) {
			char w[64];
			size_t k = strcspn(s, " ");
			snprintf(w, sizeof w, "%.*s", (int)k, s);
			s += k + (s[k] == ' ');
			int more = w[strlen(w) - 1] == '+';
			if (more)
				w[strlen(w) - 1] = '\0';
			char *bar = strchr(w, '|');
			if (bar)
				*bar = '\0';
			const char *other = bar ? bar + 1 : "";
			int has = 0;
			for (const xmlNode *c = n->children; c && !has; c = c->next)
				has = c->type == XML_ELEMENT_NODE && (strcmp((const char *)c->name, w) == 0 ||
								      strcmp((const char *)c->name, other) == 0);
			if (has)
				continue;
			if (bar) {
				if (strcmp(el, "sections") == 0)
					snprintf(msg, len, "<sections> needs at least one section, like <title-block/> "
							   "or <areas/>");
				else
					snprintf(msg, len, "<%s> needs at least one <%s> or <%s>", el, w, other);
			} else if (more) {
				snprintf(msg, len, "<%s> needs at least one <%s>", el, w);
			} else {
				snprintf(msg, len, "<%s> is missing its <%s> element", el, w);
			}
			return;
		}
	}
	snprintf(msg, len, "<%s> is missing an element it needs (see the format in the README)", el);
}

static void on_rng_error(void *data, xmlErrorPtr e)
{
	vstate *st = data;
	char raw[256], msg[512], a[96], b[96];
	snprintf(raw, sizeof raw, "%s", e->message ? e->message : "");
	chomp(raw);
	const xmlNode *node = e->node;
	const char *el = node && node->name ? (const char *)node->name : "?";
	const char *r;
	if ((r = after(raw, "Expecting an element ")) && strstr(r, "got nothing")) {
		word(r, a, sizeof a);
		if (*a)
			snprintf(msg, sizeof msg, "<%s> is missing its <%s> element", el, a);
		else
			missing_child(node, msg, sizeof msg);
	} else if ((r = after(raw, "Expecting element "))) {
		r = word(r, a, sizeof a);
		const char *g = strstr(r, "got ");
		word(g ? g + 4 : "?", b, sizeof b);
		snprintf(msg, sizeof msg, "expected <%s> here, found <%s> (elements must come in the documented order)", a, b);
	} else if ((r = after(raw, "Did not expect element "))) {
		word(r, a, sizeof a);
		snprintf(msg, sizeof msg, "<%s> is not allowed here", a);
	} else if ((r = after(raw, "Element ")) && strstr(r, "has extra content: ")) {
		word(strstr(r, "has extra content: ") + 19, b, sizeof b);
		word(r, a, sizeof a);
		snprintf(msg, sizeof msg, "<%s> is not allowed inside <%s> (unknown, repeated or out of order)", b, a);
	} else if ((r = after(raw, "Invalid attribute "))) {
		r = word(r, a, sizeof a);
		const char *f = strstr(r, "for element ");
		word(f ? f + 12 : "?", b, sizeof b);
		snprintf(msg, sizeof msg, "<%s> does not take the attribute %s", b, a);
	} else if ((r = after(raw, "Element ")) && strstr(r, "failed to validate attributes")) {
		word(r, a, sizeof a);
		snprintf(msg, sizeof msg, "<%s> lacks a required attribute or has one with a wrong value", a);
	} else if ((r = after(raw, "Element ")) && strstr(r, "failed to validate content")) {
		word(r, a, sizeof a);
		snprintf(msg, sizeof msg, "<%s> has content that is not allowed there", a);
	} else if ((r = after(raw, "Type ")) && strstr(r, "doesn't allow value '")) {
		r = word(r, a, sizeof a);
		const char *v = strstr(r, "value '") + 7;
		size_t vn = strcspn(v, "'");
		snprintf(msg, sizeof msg, "\"%.*s\" is not a valid %s", (int)(vn > 60 ? 60 : vn), v, type_words(a));
	} else if (after(raw, "Error validating datatype") || after(raw, "Error validating value")) {
		return; /* the "Type ... doesn't allow" line says it better */
	} else if ((r = after(raw, "Did not expect text in element "))) {
		word(r, a, sizeof a);
		snprintf(msg, sizeof msg, "text is not allowed directly inside <%s>", a);
	} else if (after(raw, "Expecting element ") || strstr(raw, "to be empty")) {
		snprintf(msg, sizeof msg, "<%s> must be empty", el);
	} else if (strstr(raw, "wrong namespace") || strstr(raw, "Expecting a namespace") ||
		   strstr(raw, "Expecting no namespace")) {
		snprintf(msg, sizeof msg, "<%s> is not in the statusrapport namespace; the outer element needs xmlns=\"%s\"",
			 el, XMLIN_NS);
	} else if (strstr(raw, "in interleave")) {
		snprintf(msg, sizeof msg, "<%s> has elements in a wrong order or repeated", el);
	} else {
		/* libxml2's own words name its datatypes and patterns, not what
		 * the reader wrote */
		snprintf(msg, sizeof msg, "<%s> does not follow the file format here: an attribute or "
					  "text has a form it may not have (see the format in the README)", el);
	}
	srcpos p = xmlin_pos(st->file, node);
	if (!p.line)
		p.line = e->line;
	/* libxml2 reports one mistake several times over at the same element
	 * ("not expected", then "extra content"); the first says it best. */
	if (p.line == st->last_line && p.col == st->last_col)
		return;
	st->last_line = p.line;
	st->last_col = p.col;
	snprintf(st->last, sizeof st->last, "%s", msg);
	st->errors++;
	diag_at(st->d, DIAG_ERROR, p, "%s", msg);
}

sr_status xmlin_validate(const xmlin_schema *s, const char *file, xmlDocPtr doc, diag *d)
{
	vstate st = {file, d, 0, 0, 0, ""};
	xmlRelaxNGValidCtxtPtr v = xmlRelaxNGNewValidCtxt(s->rng);
	if (!v) {
		diag_add(d, DIAG_ERROR, file, 0, 0, "out of memory validating the file");
		return SR_SYSTEM;
	}
	xmlRelaxNGSetValidStructuredErrors(v, on_rng_error, &st);
	int rc = xmlRelaxNGValidateDoc(v, doc);
	xmlRelaxNGFreeValidCtxt(v);
	if (rc == 0)
		return SR_OK;
	if (st.errors == 0)
		diag_add(d, DIAG_ERROR, file, 0, 0, "the file does not follow the statusrapport format");
	return rc < 0 ? SR_SYSTEM : SR_INVALID;
}

/* ---- tree helpers -------------------------------------------------------- */

const char *xmlin_attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (!a->ns && strcmp((const char *)a->name, name) == 0 && a->children &&
		    a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
	return NULL;
}

int xmlin_is_ns(const xmlNode *n, const char *ns, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       strcmp((const char *)n->ns->href, ns) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

int xmlin_is(const xmlNode *n, const char *name)
{
	return xmlin_is_ns(n, XMLIN_NS, name);
}

void xmlin_err(xmlin_walk *w, const xmlNode *n, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	srcpos at = xmlin_pos(w->file, n);
	diag_at(w->d, DIAG_ERROR, at, "%s", msg);
	w->errors++;
	srcpos *f = arena_grow(w->a, w->flagged, w->nflagged, &w->capflagged, sizeof *f);
	if (f) {
		w->flagged = f;
		f[w->nflagged++] = at;
	}
}

/* Drop the schema's generic attribute/datatype messages for elements that
 * got a precise one from the walk, then move the rest into d. */
static void merge_schema_msgs(xmlin_walk *w, diag *schema_d)
{
	for (size_t i = 0; i < schema_d->n; i++) {
		diag_msg *m = &schema_d->msgs[i];
		int generic = strstr(m->text, "lacks a required attribute") ||
			      strstr(m->text, "is not a valid") ||
			      strstr(m->text, "does not take the attribute") ||
			      strstr(m->text, "has content that is not allowed") ||
			      strstr(m->text, "does not follow the statusrapport format") ||
			      strstr(m->text, "does not follow the file format");
		/* Without a position the schema's message cannot be matched to
		 * an element; any precise message says more. */
		int dropped = generic && m->line == 0 && w->nflagged > 0;
		for (size_t j = 0; generic && j < w->nflagged; j++)
			if (w->flagged[j].line == m->line && w->flagged[j].col == m->col)
				dropped = 1;
		if (!dropped)
			diag_add(w->d, m->level, m->file, m->line, m->col, "%s", m->text);
	}
}

/* Every text and attribute value within XMLIN_MAX_TEXT bytes, each one
 * too long reported at its element; the count of those.  Iterative: the
 * depth is the input's. */
static int long_texts(xmlin_walk *w, const xmlNode *root)
{
	int bad = 0;
	const xmlNode *n = root;
	while (n) {
		const xmlNode *at = n->type == XML_ELEMENT_NODE ? n : n->parent;
		size_t len = 0;
		const char *what = "text";
		if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
			len = strlen((const char *)n->content);
		for (const xmlAttr *a = n->type == XML_ELEMENT_NODE ? n->properties : NULL; a; a = a->next)
			if (a->children && a->children->content &&
			    strlen((const char *)a->children->content) > len) {
				len = strlen((const char *)a->children->content);
				what = (const char *)a->name;
			}
		if (len > XMLIN_MAX_TEXT && at) {
			if (n->type == XML_ELEMENT_NODE)
				xmlin_err(w, at, "the attribute %s of <%s> is %zu bytes long; one value may "
					  "be at most 1 MB (%zu bytes)", what, (const char *)at->name, len,
					  XMLIN_MAX_TEXT);
			else
				xmlin_err(w, at, "the text in <%s> is %zu bytes long; one text may be at most "
					  "1 MB (%zu bytes); shorten it or link to the full document",
					  (const char *)at->name, len, XMLIN_MAX_TEXT);
			bad++;
		}
		if (n->type == XML_ELEMENT_NODE && n->children) {
			n = n->children;
			continue;
		}
		while (n && n != root && !n->next)
			n = n->parent;
		n = n && n != root ? n->next : NULL;
	}
	return bad;
}

sr_status xmlin_read(const xmlin_schema *schema, const char *name, const char *data,
		     size_t len, const char *what, const char *ns, const char *root_name,
		     const char *other_root, const char *other_msg,
		     void (*walk)(xmlin_walk *, const xmlNode *), xmlin_walk *w, diag *d)
{
	xmlDocPtr x = NULL;
	sr_status st = xmlin_parse(name, data, len, &x, d);
	if (st != SR_OK)
		return st;
	w->file = arena_strdup(w->a, name);
	w->d = d;
	xmlNode *root = xmlDocGetRootElement(x);
	if (!w->file) {
		xmlFreeDoc(x);
		diag_add(d, DIAG_ERROR, name, 0, 0, "out of memory");
		return SR_SYSTEM;
	}
	if (!xmlin_is_ns(root, ns, root_name)) {
		if (other_root && xmlin_is_ns(root, ns, other_root))
			xmlin_err(w, root, "%s", other_msg);
		else if (!root->ns || strcmp((const char *)root->ns->href, ns) != 0)
			xmlin_err(w, root, "<%s> is not a %s; the outer element must be <%s xmlns=\"%s\">",
				  (const char *)root->name, what, root_name, ns);
		else
			xmlin_err(w, root, "<%s> is not a %s; the outer element must be <%s>",
				  (const char *)root->name, what, root_name);
		xmlFreeDoc(x);
		return SR_INVALID;
	}
	/* a text over the limit is refused before the schema or the walk
	 * spend time on it */
	if (long_texts(w, root)) {
		xmlFreeDoc(x);
		return SR_INVALID;
	}
	/* the schema's messages are merged with the walk's once both are
	 * done */
	diag sd;
	diag_init(&sd);
	sr_status vs = schema ? xmlin_validate(schema, w->file, x, &sd) : SR_OK;
	walk(w, root);
	merge_schema_msgs(w, &sd);
	diag_free(&sd);
	xmlFreeDoc(x);
	if (arena_failed(w->a)) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "out of memory reading the file");
		return SR_SYSTEM;
	}
	if (vs == SR_SYSTEM)
		return SR_SYSTEM;
	return (vs != SR_OK || w->errors) ? SR_INVALID : SR_OK;
}

xmlNode *xmlin_first(const xmlNode *n)
{
	xmlNode *c = n ? n->children : NULL;
	while (c && c->type != XML_ELEMENT_NODE)
		c = c->next;
	return c;
}

xmlNode *xmlin_next(const xmlNode *n)
{
	xmlNode *c = n ? n->next : NULL;
	while (c && c->type != XML_ELEMENT_NODE)
		c = c->next;
	return c;
}
