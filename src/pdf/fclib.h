/* fclib.h: fontconfig, loaded the first time the font lookup is not in
 * its cache (fonts.c; dynlib.h says why).  fclib.c defines fontconfig's
 * functions that we use; one not listed there fails to link: add it
 * there. */
#ifndef FCLIB_H
#define FCLIB_H

#include "base/diag.h"
#include "base/sr.h"

/* Load fontconfig once per process (thread-safe).  SR_OK, or SR_SYSTEM
 * with a message in d; no fontconfig function may be called before this
 * returned SR_OK. */
sr_status fclib_open(diag *d);

/* The library file the loader will find (the build's, by its own name),
 * for stamping: it changes when fontconfig is upgraded. */
const char *fclib_path(void);

#endif
