/* xmlw.c: XML writer over libxml2's xmlTextWriter (see xmlw.h).  Owns the
 * writer and its scratch buffer; appends to the caller's buf and never
 * touches a file. */
#include "xmlw.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "base/utf8.h"

/* libxml2 output callback: everything the writer flushes lands in the buf.
 * A full buf is not reported to libxml2, which would print "I/O error" on
 * stderr (only the CLI prints); the buf's sticky flag carries the failure to
 * xmlw_close, and ok() stops further writing. */
static int write_cb(void *ctx, const char *p, int n)
{
	buf *b = ctx;
	if (n > 0)
		buf_put(b, p, (size_t)n);
	return n;
}

static int close_cb(void *ctx)
{
	(void)ctx;
	return 0;
}

int xmlw_open(xmlw *x, buf *out)
{
	memset(x, 0, sizeof *x);
	x->out = out;
	xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(write_cb, close_cb, out, NULL);
	if (!ob)
		goto fail;
	/* The writer owns ob from here on, and frees it even on failure. */
	x->w = xmlNewTextWriter(ob);
	if (!x->w)
		goto fail;
	if (xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL) < 0)
		goto fail;
	return 0;
fail:
	x->failed = 1;
	return -1;
}

int xmlw_close(xmlw *x)
{
	if (x->w) {
		if (!x->failed && xmlTextWriterEndDocument(x->w) < 0)
			x->failed = 1;
		if (!x->failed && xmlTextWriterFlush(x->w) < 0)
			x->failed = 1;
		xmlFreeTextWriter(x->w);
		x->w = NULL;
	}
	buf_free(&x->scratch);
	if (x->out && x->out->failed)
		x->failed = 1;
	return x->failed ? -1 : 0;
}

static int ok(xmlw *x)
{
	if (x->out && x->out->failed)
		x->failed = 1;
	return !x->failed && x->w;
}

static void check(xmlw *x, int rc)
{
	if (rc < 0)
		x->failed = 1;
}

void xmlw_start(xmlw *x, const char *name)
{
	if (ok(x))
		check(x, xmlTextWriterStartElement(x->w, (const xmlChar *)name));
}

void xmlw_end(xmlw *x)
{
	if (ok(x))
		check(x, xmlTextWriterEndElement(x->w));
}

/* Clean s into the scratch buffer; NULL on failure (x->failed set). */
static const char *cleaned(xmlw *x, const char *s, size_t len)
{
	x->scratch.len = 0;
	x->scratch.failed = 0;
	xmlw_clean(s, len, &x->scratch, &x->dropped, &x->replaced);
	const char *c = buf_cstr(&x->scratch);
	if (!c)
		x->failed = 1;
	return c;
}

void xmlw_attr(xmlw *x, const char *name, const char *value)
{
	if (!ok(x) || !value)
		return;
	const char *v = cleaned(x, value, strlen(value));
	if (v)
		check(x, xmlTextWriterWriteAttribute(x->w, (const xmlChar *)name,
						     (const xmlChar *)v));
}

void xmlw_attrf(xmlw *x, const char *name, const char *fmt, ...)
{
	if (!ok(x))
		return;
	char small[128];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	/* Callers format numbers and short names; longer output is a bug. */
	if (n < 0 || (size_t)n >= sizeof small) {
		x->failed = 1;
		return;
	}
	xmlw_attr(x, name, small);
}

void xmlw_text(xmlw *x, const char *s, size_t len)
{
	if (!ok(x) || len == 0)
		return;
	const char *v = cleaned(x, s, len);
	if (v && *v)
		check(x, xmlTextWriterWriteString(x->w, (const xmlChar *)v));
}

void xmlw_puts(xmlw *x, const char *s)
{
	if (s)
		xmlw_text(x, s, strlen(s));
}

static void attrs_v(xmlw *x, va_list ap)
{
	const char *a;
	while ((a = va_arg(ap, const char *)) != NULL)
		xmlw_attr(x, a, va_arg(ap, const char *));
}

void xmlw_attrs(xmlw *x, ...)
{
	va_list ap;
	va_start(ap, x);
	attrs_v(x, ap);
	va_end(ap);
}

void xmlw_empty(xmlw *x, const char *name, ...)
{
	va_list ap;
	xmlw_start(x, name);
	va_start(ap, name);
	attrs_v(x, ap);
	va_end(ap);
	xmlw_end(x);
}

void xmlw_elem(xmlw *x, const char *name, const char *text)
{
	if (!text)
		return;
	xmlw_start(x, name);
	xmlw_puts(x, text);
	xmlw_end(x);
}

void xmlw_comment(xmlw *x, const char *text)
{
	if (!ok(x) || !text)
		return;
	const char *v = cleaned(x, text, strlen(text));
	if (!v)
		return;
	buf safe = BUF_INIT;
	for (const char *p = v; *p; p++) {
		buf_putc(&safe, *p);
		if (*p == '-' && (p[1] == '-' || !p[1]))
			buf_putc(&safe, ' ');
	}
	const char *c = buf_cstr(&safe);
	if (!c)
		x->failed = 1;
	else
		check(x, xmlTextWriterWriteComment(x->w, (const xmlChar *)c));
	buf_free(&safe);
}

/* Is code point c allowed in an XML 1.0 document? */
static int xml_char(uint32_t c)
{
	if (c < 0x20)
		return c == 0x9 || c == 0xA || c == 0xD;
	return c != 0xFFFE && c != 0xFFFF;
}

size_t xmlw_clean(const char *s, size_t len, buf *out, size_t *dropped,
		  size_t *replaced)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, start = 0, bad = 0;
	while (i < len) {
		uint32_t c;
		size_t n = utf8_decode(s + i, len - i, &c);
		if (n > 0 && xml_char(c)) {
			i += n;
			continue;
		}
		/* Flush the clean run before the offending sequence. */
		buf_put(out, p + start, i - start);
		if (n == 0) {
			buf_put(out, "\xEF\xBF\xBD", 3); /* U+FFFD */
			if (replaced)
				(*replaced)++;
			n = 1;
		} else if (dropped) {
			(*dropped)++;
		}
		bad++;
		i += n;
		start = i;
	}
	buf_put(out, p + start, len - start);
	return bad;
}
