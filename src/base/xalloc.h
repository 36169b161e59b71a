/* xalloc.h: the one door to the C heap.  Every module allocates through
 * these so the allocation-failure test build can fail the N-th call
 * (SR_FAIL_ALLOC=N in the environment of a binary built with
 * -DSR_ALLOC_TESTING, which links tests/alloc/inject.c through
 * xalloc_hook.h).  They return NULL on failure like malloc; callers
 * propagate SR_SYSTEM. */
#ifndef XALLOC_H
#define XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t sz);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
void xfree(void *p);

/* Give the heap's free pages back to the system after a large structure
 * was freed.  Freed blocks stay in the heap (the trim threshold is high,
 * see xalloc.c) and are reused by later allocations, which is what a
 * long run wants -- except before its last growth, when what is free
 * will not be reused and would only count in the peak. */
void xalloc_trim(void);

/* Whether any allocation has failed in this process.  Libraries such as
 * libxml2 report their own allocation failures in their own words (a
 * "could not parse" for an out-of-memory); the CLI checks this so such a
 * run still ends as a system error (exit 3), never as "invalid input". */
int xalloc_failed(void);

/* Failure injection counts allocations only from this call on.  The CLI
 * calls it once the built-in schemas are compiled: libxml2 2.9.14 crashes
 * in its own cleanup (xmlRelaxNGFreeParserCtxt) when memory runs out while
 * compiling a schema -- an upstream bug outside our reach, at start-up and
 * independent of the input -- so the tests inject failures after it. */
void xalloc_arm(void);

/* Whether a report may be rendered in more than one thread: not in the
 * failure-injection build, whose counting and forking are one thread's. */
int xalloc_threads_ok(void);

/* Allocation for libraries that cannot unwind from a failed allocation:
 * libxml2 2.9.14 dereferences NULL in its RELAX NG validator and schema
 * clean-up when one fails, libharu 2.3.0 in HPDF_GetMem.  These never return NULL: on failure they remove
 * every temporary file registered below, say "out of memory" on stderr and
 * end the process with exit 3 -- no crash and no partial output. */
void *xmalloc_lib(size_t n);
void *xrealloc_lib(void *p, size_t n);
char *xstrdup_lib(const char *s);

/* Temporary files to remove if the process must stop (outfile.c). */
void xalloc_track_tmp(const char *path);
void xalloc_untrack_tmp(const char *path);
/* Around making a temporary file and tracking it (+1 before, -1 after):
 * a signal handled meanwhile by another thread waits for the file to be
 * tracked, so it is removed too.  (The staging thread itself holds the
 * signals for those few instructions, so it never waits on itself.) */
void xalloc_staging(int delta);
/* Remove every tracked temporary file, after any staging in progress;
 * async-signal-safe (signals.c). */
void xalloc_remove_tmps(void);

#endif
