/* ziplib.h: libzip, loaded the first time a package is built or read.
 *
 * Linked the usual way, libzip brings libcrypto (for encrypted archives,
 * which we never make or accept) into every process, and the dynamic
 * loader's relocations of the two cost ~4.8 M instructions (1-1.7 ms)
 * before main -- on every run, also those that write only a PDF.  Loaded
 * here instead, that cost falls on the thread that zips the ODT, beside
 * the PDF's painting, and not at all where no package is made.
 *
 * ziplib.c defines libzip's functions that we use under their own names
 * and with <zip.h>'s prototypes (the compiler checks each one), calling
 * into the loaded library, so the modules using libzip are unchanged but
 * for calling ziplib_open first.  A function not listed in ziplib.c fails
 * to link: add it there. */
#ifndef ZIPLIB_H
#define ZIPLIB_H

#include "diag.h"
#include "sr.h"

/* Load libzip once per process (thread-safe).  SR_OK, or SR_SYSTEM with a
 * message in d when the library or one of its functions cannot be loaded;
 * every later call answers the same.  No libzip function may be called
 * before this returned SR_OK. */
sr_status ziplib_open(diag *d);

#endif
