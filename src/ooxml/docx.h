/* docx.h: the DOCX backend -- write a document tree as a WordprocessingML
 * package (ECMA-376 Transitional, as Word 2016 and later read it) with
 * libxml2's xmlTextWriter and the deterministic zip of odfzip.h.  Knows
 * nothing of plans. */
#ifndef DOCX_H
#define DOCX_H

#include "base/buf.h"
#include "base/diag.h"
#include "base/sr.h"
#include "doc/backend.h"
#include "doc/doc.h"

/* Write doc as a complete .docx package into out (appended).  On failure
 * out's contents are unspecified and a message is in d (SR_SYSTEM for
 * memory/zip failures, SR_INVALID for input-borne problems: a malformed
 * tree, a logo that is not an image). */
sr_status docx_render(const doc *doc, buf *out, diag *d);

/* The format's row for the render loop (backend.h); no engine. */
extern const backend backend_docx;

#endif
