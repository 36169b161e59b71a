/* hyphpat.h: libhyphen pattern files, expanded (see hyphpat.c). */
#ifndef HYPHPAT_H
#define HYPHPAT_H

#include <hyphen.h>

/* The patterns at path as a libhyphen dictionary, run through libhyphen's
 * substring expansion in memory first when the file allows it (else loaded
 * as it is).  NULL when the file cannot be read.  Caller owns the result:
 * hnj_hyphen_free(). */
HyphenDict *hyphpat_load(const char *path);

/* The dictionary compiled into the binary from the Debian Bokmål patterns
 * at build time (build/gen/hyph_image.c, made by scripts/hyph-image.c):
 * static, read-only by libhyphen, never freed; shared by every thread and
 * by forked workers without a page copied.  NULL when the build had no
 * pattern file. */
extern HyphenDict *const hyph_image;

#endif
