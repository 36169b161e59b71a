/* pdf.h: the PDF backend -- lay out a document tree (layout.h) and paint the
 * pages with libharu.  Knows nothing of plans.
 *
 * A pdf_engine holds what is loaded once per process and shared read-only by
 * every report of a batch: fonts found through fontconfig (and their parsed
 * metrics), the hyphenation patterns.  It is not thread-safe to *create*; once
 * created, pdf_render may run in several threads at once on one engine. */
#ifndef PDF_H
#define PDF_H

#include "base/buf.h"
#include "base/diag.h"
#include "doc/backend.h"
#include "doc/doc.h"
#include "base/sr.h"

typedef struct pdf_engine pdf_engine;

/* Load hyphenation patterns; fonts are resolved on first use per family.
 * font_dirs: NULL-terminated extra folders searched first (the project's
 * fonts/, the user's), may be NULL.  Returns SR_SYSTEM with a message in d
 * when something the engine needs is missing.  Caller owns *out. */
sr_status pdf_engine_open(pdf_engine **out, const char *const *font_dirs, diag *d);
void pdf_engine_close(pdf_engine *e);

/* Look up family's faces now (NULL or "": the default family), so that
 * processes forked after this inherit them instead of each looking them
 * up.  Quiet: a render that needs the family reports a failure itself. */
void pdf_engine_prepare(pdf_engine *e, const char *family);

/* Render doc as a complete PDF file into out (appended).  On failure out's
 * contents are unspecified and a message is in d: SR_SYSTEM for a missing
 * font or out of memory, SR_INVALID for input-borne problems (a logo that is
 * not an image). */
sr_status pdf_render(pdf_engine *e, const doc *doc, buf *out, diag *d);

/* The format's row for the render loop (backend.h): the engine above,
 * pdf_render taking the tree when given it, freed before the file is
 * assembled (libharu then holds the whole document, and the file grows
 * beside it). */
extern const backend backend_pdf;

#endif
