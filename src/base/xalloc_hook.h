/* xalloc_hook.h: what xalloc.c asks of the allocation-failure tests.
 *
 * Only a build with -DSR_ALLOC_TESTING (make alloc) calls these, and only
 * that build links their definitions, which are test code
 * (tests/alloc/inject.c): the production allocator carries no failure
 * injection.  That file also defines xalloc_arm() and xalloc_threads_ok()
 * for that build (xalloc.h). */
#ifndef XALLOC_HOOK_H
#define XALLOC_HOOK_H

/* Called at every heap allocation through xalloc.h, before it is made:
 * 1 when this one must fail (it then returns NULL as if the heap were
 * exhausted), 0 to make it. */
int xalloc_hook_refuse(void);

/* Called when an output file is staged (xalloc_track_tmp): from here on a
 * forked child could remove the parent's temporary file on its way out. */
void xalloc_hook_staged(void);

#endif
