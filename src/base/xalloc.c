/* xalloc.c: heap allocation, and the one hook the allocation-failure
 * tests fail allocations through (xalloc_hook.h; compiled in only with
 * -DSR_ALLOC_TESTING, whose build links the tests' side). */
#include "xalloc.h"

#include <malloc.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifdef SR_ALLOC_TESTING
#include "xalloc_hook.h"
static inline int should_fail(void) { return xalloc_hook_refuse(); }
static inline void note_staged(void) { xalloc_hook_staged(); }
#else
static inline int should_fail(void) { return 0; }
static inline void note_staged(void) {}
/* The tests' build takes these from the tests (xalloc_hook.h); here there
 * is no injection to arm, and nothing against threads. */
void xalloc_arm(void) {}
int xalloc_threads_ok(void)
{
	return 1;
}
#endif

/* set from any thread (render.c's ODT thread) */
static atomic_int failed;

int xalloc_failed(void)
{
	return atomic_load(&failed);
}

static void *note(void *p)
{
	if (!p)
		atomic_store(&failed, 1);
	return p;
}

/* Large blocks (arena blocks, output buffers) are
 * fresh memory that a long report touches once, page by page: on this
 * kind of VM each 4 KB page fault costs ~10 us, a fifth of a 10,000-
 * measure render.  Such blocks are kept in their own mappings (a fixed
 * mmap threshold: glibc would otherwise raise it after the first free and
 * put them in the heap) and each whole mapping is marked for transparent
 * huge pages, so that it faults in 2 MB at a time.  The whole mapping, not
 * its aligned interior: a mapping split in two cannot be grown by
 * mremap(), and realloc() would copy.  A hint only: with THP off or
 * "always" it changes nothing, and errors are ignored. */
enum { HUGE = 2 * 1024 * 1024, PAGE = 4096 };

/* Process set-up, before main and the libraries allocate anything. */
__attribute__((constructor)) static void tune_malloc(void)
{
	(void)mallopt(M_MMAP_THRESHOLD, HUGE / 2);
	/* which also fixes the trim threshold at glibc's 128 KB: every
	 * deflater libzip opens and frees (~300 KB, one per ODT entry, 23 in
	 * the sample) would then be handed back to the kernel and faulted in
	 * again, 14 ms of the sample's ODT */
	(void)mallopt(M_TRIM_THRESHOLD, 32 * HUGE);
	/* two heaps, not one per thread: with a single heap the ODT's thread
	 * and the painter waited on each other's malloc lock (sample, both
	 * formats, alternating medians: 30.7-33.0 ms with one, 28.6-31.3 with
	 * two; same CPU, same peak at 10,000 and 50,000 measures); with one
	 * per thread each new one faulted in fresh pages for what the main
	 * heap had free (~200 more faults in the sample, +5 ms CPU) */
	(void)mallopt(M_ARENA_MAX, 2);
}

static void *huge_hint(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	if (p && n >= (size_t)2 * HUGE) {
		/* pointer arithmetic, not integer-to-pointer casts: the start of
		 * p's page and the length to the end of n's last page */
		size_t off = (uintptr_t)p & (PAGE - 1);
		char *a = (char *)p - off;
		size_t len = (off + n + PAGE - 1) & ~(size_t)(PAGE - 1);
		(void)madvise(a, len, MADV_HUGEPAGE);
	}
#else
	(void)n;
#endif
	return p;
}

void *xmalloc(size_t n)
{
	return note(should_fail() ? NULL : huge_hint(malloc(n ? n : 1), n));
}

void *xcalloc(size_t n, size_t sz)
{
	return note(should_fail() ? NULL : calloc(n ? n : 1, sz ? sz : 1));
}

void *xrealloc(void *p, size_t n)
{
	return note(should_fail() ? NULL : huge_hint(realloc(p, n ? n : 1), n));
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = xmalloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

void xfree(void *p)
{
	free(p);
}

void xalloc_trim(void)
{
	(void)malloc_trim(0);
}

/* ---- fail-fast allocation for libraries --------------------------------- */

enum { MAX_TMP = 8 };
/* atomic: the ODT's thread stages its file while the PDF is painted */
static _Atomic(const char *) tmps[MAX_TMP];

void xalloc_track_tmp(const char *path)
{
	note_staged();
	for (int i = 0; i < MAX_TMP; i++) {
		const char *none = NULL;
		if (atomic_compare_exchange_strong(&tmps[i], &none, path))
			return;
	}
}

void xalloc_untrack_tmp(const char *path)
{
	for (int i = 0; i < MAX_TMP; i++) {
		const char *was = path;
		atomic_compare_exchange_strong(&tmps[i], &was, NULL);
	}
}

static atomic_int staging;

void xalloc_staging(int delta)
{
	atomic_fetch_add(&staging, delta);
}

void xalloc_remove_tmps(void)
{
	/* another thread between mkstemp and xalloc_track_tmp: a few
	 * instructions, so a spin, which a signal handler may do */
	while (atomic_load(&staging) > 0)
		;
	for (int i = 0; i < MAX_TMP; i++) {
		const char *t = atomic_load(&tmps[i]);
		if (t)
			unlink(t);
	}
}

static void die(void)
{
	static const char msg[] = "statusrapport: error: out of memory\n";
	xalloc_remove_tmps();
	ssize_t w = write(2, msg, sizeof msg - 1);
	(void)w;
	_exit(3);
}

void *xmalloc_lib(size_t n)
{
	void *p = xmalloc(n);
	if (!p)
		die();
	return p;
}

void *xrealloc_lib(void *p, size_t n)
{
	void *q = xrealloc(p, n);
	if (!q)
		die();
	return q;
}

char *xstrdup_lib(const char *s)
{
	char *p = xstrdup(s);
	if (!p)
		die();
	return p;
}
