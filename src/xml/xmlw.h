/* xmlw.h: a thin XML writer over libxml2's xmlTextWriter that writes into a
 * buf.  Generic: the ODT backend uses it for every part of the package, the
 * ODS writer will reuse it.  Knows nothing of ODF.
 *
 * Errors are sticky: after the first failure (libxml2 error, memory, the
 * buf's cap) every call does nothing and xmlw_close() reports it, so a
 * writer can emit a whole part and check once at the end.
 *
 * Text and attribute values are cleaned before they reach libxml2, because
 * xmlTextWriter escapes & < > " but passes other bytes through unchanged:
 *   - characters XML 1.0 forbids (C0 controls other than TAB, LF, CR; the
 *     noncharacters U+FFFE and U+FFFF) are dropped and counted in ->dropped;
 *   - bytes that are not valid UTF-8 (stray continuation bytes, overlong
 *     forms, surrogates, values above U+10FFFF, truncated sequences) are
 *     replaced by U+FFFD and counted in ->replaced.
 * So whatever the input, the output is well-formed UTF-8 XML.  Element and
 * attribute names are the caller's constants and are not checked. */
#ifndef XMLW_H
#define XMLW_H

#include <stddef.h>

#include "base/buf.h"

typedef struct xmlw {
	void *w;          /* xmlTextWriterPtr; void so users need no libxml2 headers */
	buf *out;         /* where the document goes (appended); not owned */
	buf scratch;      /* cleaned copy of the text being written */
	buf tag;          /* an element of attributes only, as written (xmlw_empty) */
	int failed;       /* sticky: something went wrong */
	size_t dropped;   /* forbidden characters left out */
	size_t replaced;  /* invalid UTF-8 sequences replaced by U+FFFD */
} xmlw;

/* Start a document written into out, with the declaration
 * <?xml version="1.0" encoding="UTF-8"?>.  Returns 0, or -1 (out of
 * memory; x is then safe to pass to xmlw_close). */
int xmlw_open(xmlw *x, buf *out);

/* Close every open element, flush into out, free the writer.  Returns 0
 * when the whole document was written, -1 when any call failed (out then
 * holds a partial document). */
int xmlw_close(xmlw *x);

/* <name ...>: must be followed by attributes, content and xmlw_end. */
void xmlw_start(xmlw *x, const char *name);
void xmlw_end(xmlw *x);
/* An attribute on the element just started; value cleaned as above.
 * A NULL value writes nothing. */
void xmlw_attr(xmlw *x, const char *name, const char *value);
void xmlw_attrf(xmlw *x, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* An integer attribute: digits need no cleaning nor formatting string,
 * and office formats write thousands of them. */
void xmlw_attr_long(xmlw *x, const char *name, long v);
/* Character data, cleaned and escaped.  s may hold NUL bytes (dropped). */
void xmlw_text(xmlw *x, const char *s, size_t len);
void xmlw_puts(xmlw *x, const char *s);
/* <name a1="v1" .../>: an element of attributes only, given as name,
 * value pairs ended by a NULL name (a NULL value writes nothing, as
 * xmlw_attr).  For the many property elements office formats nest: the
 * tag is escaped here and handed to libxml2 whole, which costs a fraction
 * of an element started, given attributes and ended through it. */
void xmlw_empty(xmlw *x, const char *name, ...) __attribute__((sentinel));
/* <name attr="v"/>, v an integer, as xmlw_empty. */
void xmlw_empty_long(xmlw *x, const char *name, const char *attr, long v);
/* v in decimal into d; returns d. */
char *xmlw_ltoa(char d[24], long v);
/* The same attributes on the element just started (its content follows). */
void xmlw_attrs(xmlw *x, ...) __attribute__((sentinel));
/* <name attr="value">s[0..len)</name> (attr NULL: none), cleaned and
 * escaped as xmlw_attr and xmlw_text do, written whole as xmlw_empty
 * writes: the cheap way to the many runs of text a document holds. */
void xmlw_text_elem(xmlw *x, const char *name, const char *attr, const char *value,
		    const char *s, size_t len);
/* <name>text</name>, nothing when text is NULL. */
void xmlw_elem(xmlw *x, const char *name, const char *text);

/* <!--text-->, cleaned as above; "--" inside becomes "- -" and a
 * trailing "-" gets a space, which XML does not allow in comments. */
void xmlw_comment(xmlw *x, const char *text);

/* Clean s[0..len) as described above, appending to out.  Returns the
 * number of characters dropped plus sequences replaced (0: s was clean). */
size_t xmlw_clean(const char *s, size_t len, buf *out, size_t *dropped,
		  size_t *replaced);

#endif
