/* inject.c: heap-allocation failure injection for the allocation-failure
 * tests (tests/e2e/alloc.sh, pdfa.sh), linked only into a build made with
 * -DSR_ALLOC_TESTING (make alloc); xalloc.c asks it at every allocation
 * (xalloc_hook.h).  Owns the allocation count and the sweep's children;
 * touches nothing of the program but through what xalloc.c hands it.
 *
 * Set in the environment:
 *   SR_FAIL_ALLOC=N         the N-th allocation after xalloc_arm() fails
 *   SR_FAIL_ALLOC_TRACE     that failure prints its caller's stack (in a
 *                           sweep, each child's, with SR_FAIL_ALLOC_SWEEP_STDERR)
 *   SR_COUNT_ALLOC          the count is printed at exit ("allocations: N")
 *   SR_FAIL_ALLOC_SWEEP=1   every allocation fails in turn (below)
 *   SR_FAIL_ALLOC_SWEEP_FROM=N   the sweep starts at N (to look at one)
 *   SR_FAIL_ALLOC_SWEEP_STDERR   the children keep their stderr
 *
 * The sweep: each allocation fails in a child forked at that very
 * allocation, while this process goes on with it granted.  One run then
 * costs one render plus each child's way out, instead of a render up to N
 * per N: every N of the sample's ~30,000 in minutes, where a process per N
 * took an hour.  A child must end with exit 3; anything else (a crash, a
 * sanitizer's exit code, success) is counted and named.  Children run two
 * at a time (the machine's cores).  Forking stops when the first output
 * file is staged: a child would remove the parent's temporary file on its
 * way out; the few allocations after that point are tested a process each
 * (tests/e2e/alloc.sh). */
#include "base/xalloc.h"
#include "base/xalloc_hook.h"

#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static long fail_at = -1;
static long count;
static int armed;

enum { SWEEP_JOBS = 2 };
static int sweep = -1, in_child, staged;
static long sweep_tried, sweep_bad, sweep_stop, sweep_from;
static pid_t kids[SWEEP_JOBS];
static long kid_n[SWEEP_JOBS];

void xalloc_arm(void)
{
	armed = 1;
}

/* Counting and forking are one thread's: this build renders in one. */
int xalloc_threads_ok(void)
{
	return 0;
}

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

/* For a test that wants to know which failures are survivable: the
 * failing allocation's callers on stderr, after a line naming N, in one
 * write so that two sweep children's traces do not interleave. */
static void trace(void)
{
	if (!getenv("SR_FAIL_ALLOC_TRACE"))
		return;
	void *frames[16];
	int n = backtrace(frames, 16);
	char **names = backtrace_symbols(frames, n);
	char out[4096];
	size_t len = (size_t)snprintf(out, sizeof out, "trace: N=%ld\n", count);
	for (int i = 0; names && i < n && len < sizeof out; i++)
		len += (size_t)snprintf(out + len, sizeof out - len, "%s\n", names[i]);
	free(names);
	if (len > sizeof out - 1)
		len = sizeof out - 1;
	ssize_t w = write(2, out, len);
	(void)w;
}

int xalloc_hook_refuse(void)
{
	if (!armed)
		return 0;
	if (fail_at < 0) {
		const char *s = getenv("SR_FAIL_ALLOC");
		fail_at = s ? atol(s) : 0;
		sweep = getenv("SR_FAIL_ALLOC_SWEEP") != NULL;
		const char *from = getenv("SR_FAIL_ALLOC_SWEEP_FROM");
		sweep_from = from ? atol(from) : 1;
	}
	++count;
	if (sweep && !in_child && !staged && count >= sweep_from) {
		if (!sweep_fork(count))
			return 0;
		trace();
		return 1;
	}
	if (fail_at > 0 && count == fail_at) {
		trace();
		return 1;
	}
	return 0;
}

void xalloc_hook_staged(void)
{
	if (!staged)
		sweep_stop = count + 1;
	staged = 1;
}

/* How many allocations the process asked for, so a test knows how many N
 * to try; and the sweep's tally, once its last children are reaped. */
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
		fprintf(stderr,
			"sweep: %ld failed allocations tried, %ld misbehaved; forking stopped at %ld of %ld\n",
			sweep_tried, sweep_bad, staged ? sweep_stop : count + 1, count);
	}
}
