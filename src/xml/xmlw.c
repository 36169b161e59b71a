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
	buf_free(&x->tag);
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

char *xmlw_ltoa(char d[24], long v)
{
	char rev[24];
	size_t n = 0, k = 0;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	do
		rev[n++] = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		d[k++] = '-';
	while (n)
		d[k++] = rev[--n];
	d[k] = '\0';
	return d;
}

void xmlw_attr_long(xmlw *x, const char *name, long v)
{
	if (!ok(x))
		return;
	char d[24];
	check(x, xmlTextWriterWriteAttribute(x->w, (const xmlChar *)name,
					     (const xmlChar *)xmlw_ltoa(d, v)));
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

/* The length of s up to its first byte that is not plain printable
 * ASCII, which needs neither cleaning nor escaping: style names, numbers,
 * most words of most runs. */
static size_t plain_span(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && s[i] >= 0x20 && s[i] < 0x7F && s[i] != '&' && s[i] != '<' &&
	       s[i] != '>' && s[i] != '"')
		i++;
	return i;
}

/* Append s[0..len) to x->tag, cleaned and escaped as xmlTextWriter
 * escapes an attribute's value (attr) or text. */
static void tag_escaped(xmlw *x, const char *s, size_t len, int attr)
{
	buf *t = &x->tag;
	size_t plain = plain_span(s, len);
	buf_put(t, s, plain);
	const char *p = plain == len ? "" : cleaned(x, s + plain, len - plain);
	while (p && *p) {
		size_t n = strcspn(p, attr ? "&<>\"\t\n\r" : "&<>\"\r");
		buf_put(t, p, n);
		p += n;
		switch (*p) {
		case '\0': continue;
		case '&': buf_puts(t, "&amp;"); break;
		case '<': buf_puts(t, "&lt;"); break;
		case '>': buf_puts(t, "&gt;"); break;
		case '"': buf_puts(t, "&quot;"); break;
		case '\t': buf_puts(t, "&#9;"); break;
		case '\n': buf_puts(t, "&#10;"); break;
		default: buf_puts(t, "&#13;"); break;
		}
		p++;
	}
}

/* Append attribute a="v" to x->tag. */
static void tag_attr(xmlw *x, const char *a, const char *v)
{
	buf_putc(&x->tag, ' ');
	buf_puts(&x->tag, a);
	buf_put(&x->tag, "=\"", 2);
	tag_escaped(x, v, strlen(v), 1);
	buf_putc(&x->tag, '"');
}

/* Write x->tag, a whole element, as it stands: libxml2 first closes the
 * start tag of the element it goes in. */
static void tag_write(xmlw *x)
{
	if (x->tag.failed || x->failed) {
		x->failed = 1;
		return;
	}
	check(x, xmlTextWriterWriteRawLen(x->w, x->tag.data, (int)x->tag.len));
}

static void tag_open(xmlw *x, const char *name)
{
	x->tag.len = 0;
	x->tag.failed = 0;
	buf_putc(&x->tag, '<');
	buf_puts(&x->tag, name);
}

void xmlw_empty(xmlw *x, const char *name, ...)
{
	if (!ok(x))
		return;
	va_list ap;
	const char *a;
	tag_open(x, name);
	va_start(ap, name);
	while ((a = va_arg(ap, const char *)) != NULL) {
		const char *v = va_arg(ap, const char *);
		if (v)
			tag_attr(x, a, v);
	}
	va_end(ap);
	buf_put(&x->tag, "/>", 2);
	tag_write(x);
}

void xmlw_text_elem(xmlw *x, const char *name, const char *attr, const char *value,
		    const char *s, size_t len)
{
	if (!ok(x))
		return;
	tag_open(x, name);
	if (attr && value)
		tag_attr(x, attr, value);
	buf_putc(&x->tag, '>');
	tag_escaped(x, s, len, 0);
	buf_put(&x->tag, "</", 2);
	buf_puts(&x->tag, name);
	buf_putc(&x->tag, '>');
	tag_write(x);
}

void xmlw_empty_long(xmlw *x, const char *name, const char *attr, long v)
{
	if (!ok(x))
		return;
	char d[24];
	tag_open(x, name);
	buf_putc(&x->tag, ' ');
	buf_puts(&x->tag, attr);
	buf_put(&x->tag, "=\"", 2);
	buf_puts(&x->tag, xmlw_ltoa(d, v));
	buf_put(&x->tag, "\"/>", 3);
	tag_write(x);
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
