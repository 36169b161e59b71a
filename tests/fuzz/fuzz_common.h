/* fuzz_common.h: what the libFuzzer harnesses (one per input kind) share --
 * the plan schema, the formats' engines, the sample plan's bytes and the
 * render of a report in every format -- loaded once per process, as in a
 * batch.  Test code only: it aborts when the setup itself fails, since a
 * harness that cannot start has nothing to report in a user's words. */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stddef.h>
#include <time.h>

#include "base/diag.h"
#include "forms/sheet.h"
#include "input/template.h"
#include "model/model.h"
#include "xml/xmlin.h"

/* The time the forms' import dates its status files with, fixed so that a
 * finding runs again the same way. */
#define FUZZ_NOW ((time_t)1795420800)

/* Load the plan schema and open every format's engine; libxml2's own
 * messages are silenced (the harnesses judge the diag, not stderr). */
void fuzz_init(void);

/* The plan schema fuzz_init loaded. */
const xmlin_schema *fuzz_schema(void);

/* The built-in annual report's template, which fuzz_init loaded. */
const template *fuzz_annual(void);

/* A fresh copy of the sample plan (SR_FUZZ_PLAN, or the repository's
 * samples/handlingsplan-forskning-2023-2026.xml from the top folder),
 * read and validated: the caller frees it with plan_free.  Aborts when the
 * sample does not read: then every finding would be a false one. */
plan *fuzz_sample_plan(void);

/* Build the report tpl describes from p (validated) and render it in every
 * format of the table, throwing the files away.  Problems go to d; a
 * format refusing the input (SR_INVALID) aborts: a finding, since what
 * validates must render. */
void fuzz_render_all(const plan *p, const template *tpl, diag *d);

/* Import a read form against the sample plan, as `import` does; when the
 * import succeeds, the status file it made must merge into the plan and
 * validate -- the import's promise -- or the harness aborts: a finding. */
void fuzz_import(const sheet_book *b, const char *file, diag *d);

#endif
