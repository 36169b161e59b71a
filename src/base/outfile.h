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

/* The same in two steps, so several files (a report's PDF and ODT) appear
 * together or not at all: stage writes and flushes the temporary file,
 * commit renames it into place, discard removes it.  A staged file owns a
 * heap copy of its temporary path until commit or discard. */
typedef struct outfile_staged {
	char *tmp;
	const char *path;
} outfile_staged;

sr_status outfile_stage(const char *path, const void *data, size_t len,
			const char *const *inputs, outfile_staged *st, diag *d);
sr_status outfile_commit(outfile_staged *st, diag *d);
void outfile_discard(outfile_staged *st);

/* Commit n staged files as a group: when one rename fails, every file
 * renamed before it is put back as it was (the old report restored from a
 * hard-linked backup, or the new file removed), so the group appears
 * together or not at all.  Staged files are consumed either way. */
sr_status outfile_commit_all(outfile_staged *st, size_t n, diag *d);

#endif
