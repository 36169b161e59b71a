/* backends.h: the table of output formats (backend.h): which exist, in
 * which order they are rendered, and finding one by name or by a file's
 * extension.  The only place in the app that names a format. */
#ifndef BACKENDS_H
#define BACKENDS_H

#include <stddef.h>

#include "doc/backend.h"

/* Every format, in the order a report's formats are rendered; NULL-
 * terminated. */
extern const backend *const backends[];

/* The format called name[0..len) (case-sensitive), or NULL. */
const backend *backends_find(const char *name, size_t len);

/* The format whose extension path ends in (".pdf", any case), or NULL. */
const backend *backends_for_path(const char *path);

/* The formats' names joined by sep ("pdf, odt") into out[0..n); returns
 * out, cut short when it does not fit. */
char *backends_names(char *out, size_t n, const char *sep);

#endif
