/* readahead.h: input files parsed by the helper (helper.h), ahead of
 * their checking.
 *
 * A render's reading is serial: compile the schema, then parse, validate
 * and walk the plan, then each status file.  Parsing needs no schema and no
 * model, so the helper can parse the files, in order, while the main thread
 * compiles the schema and checks the files parsed before -- a third of the
 * sample's reading.  Each file's outcome (its tree, or its messages and
 * status) is handed over in order, exactly what xmlin_slurp + xmlin_parse
 * would have given at that moment, so the messages are the same either way.
 * All files are parsed as fast as the helper can: the trees of a plan and
 * its status files are held until taken, which the caller does at once. */
#ifndef READAHEAD_H
#define READAHEAD_H

#include <stddef.h>

#include <libxml/tree.h>

#include "diag.h"
#include "sr.h"
#include "helper.h"

typedef struct readahead readahead;

/* Queue paths[0..n) on w (the array and strings must outlive the
 * reader).  NULL when w is NULL or memory ran out: readahead_next then
 * reads each file when asked. */
readahead *readahead_start(helper *w, const char *const *paths, size_t n);

/* The next file, in the order given to readahead_start (r NULL: path, read
 * now).  SR_OK with *doc, a tree the caller frees with xmlFreeDoc; else
 * *doc is NULL and the file's messages are in d (SR_INVALID for an
 * unreadable or ill-formed file, SR_SYSTEM for memory). */
sr_status readahead_next(readahead *r, const char *path, xmlDocPtr *doc, diag *d);

/* Stop reading and free what was read and not taken (before the helper
 * ends).  r may be NULL. */
void readahead_end(readahead *r);

#endif
