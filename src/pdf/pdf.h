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

/* The same, in a thread of its own while the caller reads the input: the
 * hyphenation patterns and the font lookup are a few milliseconds of a
 * one-report run, and the second core is idle while the files are read.
 * NULL when there is no core to spare or threads are not allowed (the
 * allocation-failure build): then open the engine as usual.  Either
 * pdf_engine_wait (the result as pdf_engine_open's, messages into d) or
 * pdf_engine_cancel (NULL-safe) consumes it. */
typedef struct pdf_engine_pending pdf_engine_pending;
pdf_engine_pending *pdf_engine_start(const char *const *font_dirs);
sr_status pdf_engine_wait(pdf_engine_pending *p, pdf_engine **out, diag *d);
void pdf_engine_cancel(pdf_engine_pending *p);

/* Render doc as a complete PDF file into out (appended).  On failure out's
 * contents are unspecified and a message is in d: SR_SYSTEM for a missing
 * font or out of memory, SR_INVALID for input-borne problems (a logo that is
 * not an image). */
sr_status pdf_render(pdf_engine *e, const doc *doc, buf *out, diag *d);

/* The same, calling done(arg) once the tree has been read for the last
 * time: before the file is assembled, when libharu holds the whole
 * document and the file grows beside it, so a caller done with the tree
 * can free it then (50,000 measures: 168 MB).  done is called exactly
 * once, before the return at the latest, on failure too. */
sr_status pdf_render_then(pdf_engine *e, const doc *doc, void (*done)(void *), void *arg, buf *out,
			  diag *d);

#endif
