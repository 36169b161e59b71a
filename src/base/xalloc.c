/* xalloc.c: heap allocation with optional failure injection for tests. */
#include "xalloc.h"

#include <execinfo.h>
#include <malloc.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifdef SR_ALLOC_TESTING
#include <errno.h>
#include <fcntl.h>
#include <sys/wait.h>

static long fail_at = -1;
static long count;
static int armed;

/* SR_FAIL_ALLOC_SWEEP=1: every allocation fails in turn, each in a child
 * forked at that very allocation, while this process goes on with it
 * granted.  One run then costs one render plus each child's way out,
 * instead of a render up to N per N: every N of the sample's ~30,000 in
 * minutes, where a process per N took an hour.  A child must end with
 * exit 3; anything else (a crash, a sanitizer's exit code, success) is
 * counted and named.  Children run two at a time (the machine's cores).
 * Forking stops when the first output file is staged: a child would remove
 * the parent's temporary file on its way out; the few allocations after
 * that point are tested a process each (tests/e2e/alloc.sh). */
enum { SWEEP_JOBS = 2 };
static int sweep = -1, in_child, staged;
static long sweep_tried, sweep_bad, sweep_stop, sweep_from;
static pid_t kids[SWEEP_JOBS];
static long kid_n[SWEEP_JOBS];

static void reap(int i)
{
	int ws;
	while (waitpid(kids[i], &ws, 0) < 0)
		if (errno != EINTR)
			return;
	sweep_tried++;
	if (!WIFEXITED(ws) || WEXITSTATUS(ws) != 3) {
		sweep_bad++;
		fprintf(stderr, "sweep: N=%ld: %s %d\n", kid_n[i],
			WIFEXITED(ws) ? "exit" : "signal",
			WIFEXITED(ws) ? WEXITSTATUS(ws) : WTERMSIG(ws));
	}
	kids[i] = 0;
}

/* Fork a child in which allocation n fails; 1 in that child. */
static int sweep_fork(long n)
{
	int i = 0;
	while (i < SWEEP_JOBS && kids[i])
		i++;
	if (i == SWEEP_JOBS)
		reap(i = 0);
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		in_child = 1;
		int fd = open("/dev/null", O_WRONLY);
		if (fd >= 0) {
			dup2(fd, 1);
			if (!getenv("SR_FAIL_ALLOC_SWEEP_STDERR"))
				dup2(fd, 2);
			close(fd);
		}
		return 1;
	}
	if (pid < 0) {
		sweep_bad++;
		fprintf(stderr, "sweep: N=%ld: cannot fork\n", n);
		return 0;
	}
	kids[i] = pid, kid_n[i] = n;
	return 0;
}

void xalloc_arm(void)
{
	armed = 1;
}

static int should_fail(void)
{
	if (!armed)
		return 0;
	if (fail_at < 0) {
		const char *s = getenv("SR_FAIL_ALLOC");
		fail_at = s ? atol(s) : 0;
		sweep = getenv("SR_FAIL_ALLOC_SWEEP") != NULL;
		/* SR_FAIL_ALLOC_SWEEP_FROM=N: start at N (to look at one) */
		const char *from = getenv("SR_FAIL_ALLOC_SWEEP_FROM");
		sweep_from = from ? atol(from) : 1;
	}
	++count;
	if (sweep && !in_child && !staged && count >= sweep_from)
		return sweep_fork(count);
	if (fail_at > 0 && count == fail_at) {
		/* SR_FAIL_ALLOC_TRACE: say who was refused, for a test that
		 * wants to know which failures are survivable */
		if (getenv("SR_FAIL_ALLOC_TRACE")) {
			void *frames[12];
			int n = backtrace(frames, 12);
			backtrace_symbols_fd(frames, n, 2);
		}
		return 1;
	}
	return 0;
}

static void sweep_staged(void)
{
	if (!staged)
		sweep_stop = count + 1;
	staged = 1;
}

/* How many allocations the process asked for: printed at exit when
 * SR_COUNT_ALLOC is set, so a test knows how many N to try; and the
 * sweep's tally. */
__attribute__((destructor)) static void report_count(void)
{
	if (in_child)
		return;
	if (getenv("SR_COUNT_ALLOC"))
		fprintf(stderr, "allocations: %ld\n", count);
	if (sweep > 0) {
		for (int i = 0; i < SWEEP_JOBS; i++)
			if (kids[i])
				reap(i);
		fprintf(stderr, "sweep: %ld failed allocations tried, %ld misbehaved; forking stopped at %ld of %ld\n",
			sweep_tried, sweep_bad, staged ? sweep_stop : count + 1, count);
	}
}
#else
static inline int should_fail(void) { return 0; }
static inline void sweep_staged(void) {}
void xalloc_arm(void) {}
#endif

int xalloc_threads_ok(void)
{
#ifdef SR_ALLOC_TESTING
	return 0;
#else
	return 1;
#endif
}

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
	sweep_staged();
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

static void die(void)
{
	static const char msg[] = "statusrapport: error: out of memory\n";
	for (int i = 0; i < MAX_TMP; i++) {
		const char *t = atomic_load(&tmps[i]);
		if (t)
			unlink(t);
	}
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
