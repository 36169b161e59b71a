/* ziplib.h: libzip, loaded the first time a package is built or read
 * (dynlib.h says why).  ziplib.c defines libzip's functions that we use;
 * one not listed there fails to link: add it there. */
#ifndef ZIPLIB_H
#define ZIPLIB_H

#include "base/diag.h"
#include "base/sr.h"

/* Load libzip once per process (thread-safe).  SR_OK, or SR_SYSTEM with a
 * message in d when the library or one of its functions cannot be loaded;
 * every later call answers the same.  No libzip function may be called
 * before this returned SR_OK. */
sr_status ziplib_open(diag *d);

#endif
