/* xmlin.h: reading untrusted XML safely, with positions.
 *
 * Every input file goes through here: size limit, no network, no DTD (so no
 * external entities and no entity expansion), libxml2's depth and text-size
 * limits, invalid UTF-8 rejected with its position, and each element's
 * line:column recorded (libxml2 keeps only lines).  Problems become diag
 * messages in plain words.  A compiled RELAX NG schema (xmlin_schema) is
 * loaded once per process and may be shared by threads. */
#ifndef XMLIN_H
#define XMLIN_H

#include <libxml/tree.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/sr.h"

/* Limits (documented in the README). */
#define XMLIN_MAX_FILE ((size_t)64 * 1024 * 1024) /* bytes per input file */
#define XMLIN_MAX_TEXT ((size_t)1024 * 1024)      /* bytes per text or attribute value */

typedef struct xmlin_schema xmlin_schema;

/* Compile a RELAX NG schema from memory.  name is used in messages.
 * SR_SYSTEM on failure (a broken built-in schema is our bug). */
sr_status xmlin_schema_load(xmlin_schema **out, const char *name,
			    const unsigned char *rng, size_t len, diag *d);
void xmlin_schema_free(xmlin_schema *s);

/* Read a whole file (at most XMLIN_MAX_FILE bytes) into a heap buffer the
 * caller frees with xfree.  SR_INVALID for a missing/unreadable input (the
 * user named a wrong file), SR_SYSTEM for memory. */
sr_status xmlin_slurp(const char *path, char **data, size_t *len, diag *d);

/* Parse data as XML.  On success *out is a document the caller frees with
 * xmlFreeDoc; on failure (SR_INVALID) messages are in d, naming file. */
sr_status xmlin_parse(const char *file, const char *data, size_t len,
		      xmlDocPtr *out, diag *d);

/* Validate against schema; SR_INVALID with plain-worded messages. */
sr_status xmlin_validate(const xmlin_schema *s, const char *file, xmlDocPtr doc,
			 diag *d);

/* The position an element was read from (its '<'). */
srcpos xmlin_pos(const char *file, const xmlNode *n);

/* Attribute value (no namespace), or NULL.  Owned by the libxml2 tree. */
const char *xmlin_attr(const xmlNode *n, const char *name);

/* Whether n is an element of our namespace with local name. */
int xmlin_is(const xmlNode *n, const char *name);

/* First / next element sibling (skipping text, comments, PIs). */
xmlNode *xmlin_first(const xmlNode *n);
xmlNode *xmlin_next(const xmlNode *n);

#define XMLIN_NS "urn:statusrapport:1"

/* A walk over a parsed file that reports value problems at their element.
 * Elements that got such a precise message are remembered, so the schema's
 * vaguer message for the same element can be dropped (xmlin_read). */
typedef struct xmlin_walk {
	const char *file;  /* arena copy of the file name */
	diag *d;
	arena *a;          /* where the walk allocates */
	int errors;
	srcpos *flagged;
	size_t nflagged, capflagged;
	void *ctx;         /* the reader's own state */
} xmlin_walk;

void xmlin_err(xmlin_walk *w, const xmlNode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The whole reading of one file: parse, check that the root is
 * <root_name> in namespace ns (what: "statusrapport file", for messages; other_root: the name of the other file kind
 * of the same namespace, for a helpful message, may be NULL), validate
 * against schema, run walk(w, root) even when the schema failed, and merge
 * the schema's messages with the walk's.  w->ctx is passed through.
 * schema NULL: not validated -- only for data built into the program,
 * which the tests validate instead. */
sr_status xmlin_read(const xmlin_schema *schema, const char *name, const char *data,
		     size_t len, const char *what, const char *ns, const char *root_name,
		     const char *other_root, const char *other_msg,
		     void (*walk)(xmlin_walk *, const xmlNode *), xmlin_walk *w, diag *d);

/* Whether n is an element in namespace ns with local name. */
int xmlin_is_ns(const xmlNode *n, const char *ns, const char *name);

#endif
