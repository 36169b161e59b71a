/* odfxml.h: the XML every OpenDocument writer repeats -- the namespaces and
 * version on a part's root element, and the manifest.  Shared by the ODT
 * backend, its chart objects and the ODS writer. */
#ifndef ODFXML_H
#define ODFXML_H

#include "xml/xmlw.h"

#define ODF_VERSION "1.3"

/* On the root element just started: every namespace our writers use (a
 * declared, unused one costs nothing) and office:version. */
void odfxml_ns(xmlw *x);

/* Open <manifest:manifest> with its entry for the package itself ("/",
 * media_type); close it with xmlw_end. */
void odfxml_manifest_start(xmlw *x, const char *media_type);

/* One manifest:file-entry.  versioned: a sub-document ("Object 1/"),
 * which carries manifest:version like the package itself. */
void odfxml_manifest_entry(xmlw *x, const char *path, const char *media_type, int versioned);

#endif
