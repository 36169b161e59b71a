/* xalloc.c: heap allocation with optional failure injection for tests. */
#include "xalloc.h"

#include <execinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef SR_ALLOC_TESTING
static long fail_at = -1;
static long count;
static int armed;

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
	}
	++count;
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

/* How many allocations the process asked for: printed at exit when
 * SR_COUNT_ALLOC is set, so a test knows how many N to try. */
__attribute__((destructor)) static void report_count(void)
{
	if (getenv("SR_COUNT_ALLOC"))
		fprintf(stderr, "allocations: %ld\n", count);
}
#else
static inline int should_fail(void) { return 0; }
void xalloc_arm(void) {}
#endif

static int failed;

int xalloc_failed(void)
{
	return failed;
}

static void *note(void *p)
{
	if (!p)
		failed = 1;
	return p;
}

void *xmalloc(size_t n)
{
	return note(should_fail() ? NULL : malloc(n ? n : 1));
}

void *xcalloc(size_t n, size_t sz)
{
	return note(should_fail() ? NULL : calloc(n ? n : 1, sz ? sz : 1));
}

void *xrealloc(void *p, size_t n)
{
	return note(should_fail() ? NULL : realloc(p, n ? n : 1));
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

/* ---- fail-fast allocation for libraries --------------------------------- */

enum { MAX_TMP = 8 };
static const char *tmps[MAX_TMP];

void xalloc_track_tmp(const char *path)
{
	for (int i = 0; i < MAX_TMP; i++)
		if (!tmps[i]) {
			tmps[i] = path;
			return;
		}
}

void xalloc_untrack_tmp(const char *path)
{
	for (int i = 0; i < MAX_TMP; i++)
		if (tmps[i] == path)
			tmps[i] = NULL;
}

static void die(void)
{
	static const char msg[] = "statusrapport: error: out of memory\n";
	for (int i = 0; i < MAX_TMP; i++)
		if (tmps[i])
			unlink(tmps[i]);
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
