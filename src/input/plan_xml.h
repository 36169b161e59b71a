/* plan_xml.h: reading plan files and status files into the model.
 *
 * Reading = xmlin (safe parse, positions) + the built-in RELAX NG schema +
 * the value checks the schema cannot word well (years, status words,
 * progress, numbers, dates), each reported at its element.  Cross-reference
 * checks come after, in validate.c. */
#ifndef PLAN_XML_H
#define PLAN_XML_H

#include "base/diag.h"
#include "model/model.h"
#include "xml/xmlin.h"

/* The statusrapport schema (schema/statusrapport.rng, built into the
 * binary).  Load once per process. */
sr_status plan_schema_load(xmlin_schema **out, diag *d);

/* Read a plan file.  On SR_OK *out is a new plan the caller frees with
 * plan_free(); otherwise *out is NULL and messages are in d. */
sr_status plan_read(plan **out, const xmlin_schema *schema, const char *path, diag *d);
sr_status plan_read_mem(plan **out, const xmlin_schema *schema, const char *name,
			const char *data, size_t len, diag *d);

/* Read a status file and merge its statuses, values and summary into p.
 * Statuses naming measures that are not in the plan are reported here.
 * On failure p is unchanged except for allocations in its arena. */
sr_status plan_merge_status(plan *p, const xmlin_schema *schema, const char *path, diag *d);
sr_status plan_merge_status_mem(plan *p, const xmlin_schema *schema, const char *name,
				const char *data, size_t len, diag *d);

#endif
