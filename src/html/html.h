/* html.h: the HTML backend -- write a document tree as one standalone,
 * accessible HTML5 page (WCAG 2.1 AA): style inline, charts as inline SVG,
 * the logo as a data: URI, no script and no request of its own.  Knows
 * nothing of plans. */
#ifndef HTML_H
#define HTML_H

#include "base/buf.h"
#include "base/diag.h"
#include "base/sr.h"
#include "doc/backend.h"
#include "doc/doc.h"

/* Write doc as a complete HTML5 file (UTF-8) into out (appended).  The
 * bytes depend on the tree alone (its dates come from doc->created), so
 * two renders of one tree are identical.  On failure out's contents are
 * unspecified and a message is in d: SR_SYSTEM for memory or the buf's
 * cap, SR_INVALID for a malformed tree or an unreadable logo. */
sr_status html_render(const doc *doc, buf *out, diag *d);

/* The format's row for the render loop (backend.h); no engine. */
extern const backend backend_html;

#endif
