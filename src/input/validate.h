/* validate.h: the meaning checks a schema cannot express, run on a plan
 * with its status files merged: unique ids, every reference resolves
 * (owners, group members, indicators, measures), years inside the plan's
 * period, at most one status per measure, owner and year, and status owners
 * responsible for their measures.  Resolves the model's pointers
 * (owner->members, responsible->owner, status->owner, ...) as it goes, so
 * the views in model.h work only after SR_OK here. */
#ifndef VALIDATE_H
#define VALIDATE_H

#include "base/diag.h"
#include "model/model.h"

/* Limits on what one plan may hold (also in the README).  The 64 MB input
 * limit bounds memory; these bound the reports: a batch writes a file per
 * owner, and the views walk areas with a fixed-depth stack. */
#define VALIDATE_MAX_MEASURES 200000
#define VALIDATE_MAX_OWNERS 5000
#define VALIDATE_MAX_INDICATORS 1000
#define VALIDATE_MAX_AREA_DEPTH 16

/* Every problem goes to d (errors and warnings); returns SR_INVALID when
 * there was an error, SR_SYSTEM when memory ran out, else SR_OK. */
sr_status validate_plan(plan *p, diag *d);

#endif
