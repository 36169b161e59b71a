/* outfile.h: writing an output file so that it is either complete or not
 * there.  Data goes to a temporary file in the target's folder, is flushed
 * to disk and renamed over the target; on any failure the temporary file is
 * removed and an existing target is left as it was. */
#ifndef OUTFILE_H
#define OUTFILE_H

#include <stddef.h>

#include "diag.h"
#include "sr.h"

/* Write data[0..len) to path atomically.  Refuses (SR_SYSTEM, with a
 * message in d) a path that is a folder, that names one of the inputs
 * (inputs: NULL-terminated list of paths, may be NULL), or whose folder
 * cannot be written. */
sr_status outfile_write(const char *path, const void *data, size_t len,
			const char *const *inputs, diag *d);

#endif
