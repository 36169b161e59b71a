/* odfxml.h: the XML every OpenDocument writer repeats -- the namespaces and
 * version on a part's root element, meta.xml and the manifest.  Shared by
 * the ODT backend, its chart objects and the ODS writer. */
#ifndef ODFXML_H
#define ODFXML_H

#include <stddef.h>
#include <time.h>

#include "xml/xmlw.h"

#define ODF_VERSION "1.3"

/* On the root element just started: every namespace our writers use (a
 * declared, unused one costs nothing) and office:version. */
void odfxml_ns(xmlw *x);

/* What meta.xml says of a document; NULL fields are left out. */
typedef struct odfxml_meta {
	const char *title, *subject;
	const char *keywords;  /* comma-separated: one meta:keyword each */
	const char *author;    /* the initial creator and the creator */
	time_t created;        /* the creation date and dc:date, in UTC */
	const char *language;  /* "nb-NO" */
	const char *const *user_names; /* meta:user-defined fields */
	const char *const *user_values;
	size_t nuser;
} odfxml_meta;

/* meta.xml as a whole document into out, the generator named first.
 * Returns xmlw_close's 0, or -1 when out of memory. */
int odfxml_meta_write(xmlw *x, buf *out, const odfxml_meta *m);

/* <style:style> with its name and family, left open for its properties. */
void odfxml_style_open(xmlw *x, const char *name, const char *family);

/* One config:config-item of settings.xml, its value as text. */
void odfxml_config_item(xmlw *x, const char *name, const char *type, const char *value);

/* The XML parts every package of ours holds, in zip order after mimetype;
 * the manifest last, as it lists the ones before it. */
enum { ODF_PART_CONTENT, ODF_PART_STYLES, ODF_PART_META, ODF_PART_SETTINGS, ODF_PART_MANIFEST,
       ODF_NPARTS };
extern const char *const odfxml_part_name[ODF_NPARTS];

/* Open <manifest:manifest> with its entries for the package itself ("/",
 * media_type) and for the parts before ODF_PART_MANIFEST; the caller adds
 * its own files and closes it with xmlw_end. */
void odfxml_manifest_start(xmlw *x, const char *media_type);

/* One manifest:file-entry.  versioned: a sub-document ("Object 1/"),
 * which carries manifest:version like the package itself. */
void odfxml_manifest_entry(xmlw *x, const char *path, const char *media_type, int versioned);

#endif
