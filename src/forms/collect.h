/* collect.h: the coordinator's overview of a reporting round -- per owner
 * of type rhf or hf that is responsible for measures: how many of its
 * measures have a status for the year, which are missing, which status
 * files came late and which conflict with each other.
 *
 * Each status file is read and validated on its own against the plan, so
 * two files from one owner and year (which validate reports as duplicate
 * statuses) are shown side by side as a conflict instead of stopping the
 * overview.  A file that is invalid on its own is reported (its messages in
 * d) and counts for nothing.  Statuses in the plan file itself count too. */
#ifndef COLLECT_H
#define COLLECT_H

#include <stddef.h>
#include <time.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/sr.h"
#include "xml/xmlin.h"

typedef struct collect_opts {
	int year;             /* 0: the latest year any status file or the plan reports */
	const char *deadline; /* YYYY-MM-DD: files dated later are late; NULL: none */
	int ods;              /* also write the overview as a spreadsheet */
	const char *output;   /* where (-o); for text, NULL is standard output */
	time_t now;           /* the spreadsheet's dates */
	const char *lang;     /* nb | nn | en; NULL: the plan's */
} collect_opts;

/* files[0] is the plan, files[1..n) status files.  The overview text is
 * appended to text (when co->ods, a one-line note of the file written;
 * with co->output and text format, the text goes to that file and text
 * stays empty).  *complete is 1 when every owner answered every measure,
 * with no conflicts and no invalid status file; -1 when there is a
 * conflict or an invalid file; else 0.  Returns SR_OK when the
 * overview was made (complete or not), SR_INVALID when the plan itself is
 * invalid, SR_SYSTEM for output or memory. */
sr_status collect_report(const xmlin_schema *schema, const char *const *files, size_t n,
			 const collect_opts *co, buf *text, int *complete, diag *d);

#endif
