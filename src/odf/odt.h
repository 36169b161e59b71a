/* odt.h: the ODT backend -- write a document tree as an OpenDocument text
 * (ODF 1.3) package with libxml2's xmlTextWriter and libzip.  Knows nothing
 * of plans. */
#ifndef ODT_H
#define ODT_H

#include "base/buf.h"
#include "base/diag.h"
#include "doc/backend.h"
#include "doc/doc.h"
#include "base/sr.h"

/* Write doc as a complete .odt package into out (appended).  On failure
 * out's contents are unspecified and a message is in d (SR_SYSTEM for
 * memory/zip failures, SR_INVALID for input-borne problems). */
sr_status odt_render(const doc *doc, buf *out, diag *d);

/* The format's row for the render loop (backend.h). */
extern const backend backend_odt;

#endif
