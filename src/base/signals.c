/* signals.c: a clean end on SIGINT, SIGTERM and SIGHUP (see signals.h).
 * Owns the handler and the list of worker processes it passes a signal
 * on to; the temporary files are xalloc.c's list, which the handler only
 * reads. */
#include "signals.h"

#include <errno.h>
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xalloc.h"

static const int caught[] = {SIGINT, SIGTERM, SIGHUP};

static const pid_t *volatile kids;
static volatile sig_atomic_t nkids;

static void on_signal(int sig)
{
	const pid_t *k = kids;
	int n = nkids;
	for (int i = 0; k && i < n; i++)
		(void)kill(k[i], sig);
	/* the workers remove their own files; the process ends after them,
	 * so that nothing of the run is left when the caller sees it end */
	for (int i = 0; k && i < n; i++)
		while (waitpid(k[i], NULL, 0) < 0 && errno == EINTR)
			;
	xalloc_remove_tmps();
	struct sigaction dfl = {0};
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	(void)sigaction(sig, &dfl, NULL);
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, sig);
	(void)pthread_sigmask(SIG_UNBLOCK, &s, NULL);
	(void)raise(sig);
	_exit(128 + sig); /* not reached: the default action ends the process */
}

void signals_install(void)
{
	struct sigaction sa = {0};
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* one clean-up at a time: the others wait while it runs */
	for (size_t i = 0; i < sizeof caught / sizeof *caught; i++)
		sigaddset(&sa.sa_mask, caught[i]);
	for (size_t i = 0; i < sizeof caught / sizeof *caught; i++) {
		struct sigaction was;
		if (sigaction(caught[i], NULL, &was) == 0 && was.sa_handler == SIG_IGN)
			continue;
		(void)sigaction(caught[i], &sa, NULL);
	}
}

void signals_children(const pid_t *pids, int n)
{
	/* the count first to none, so the handler never pairs the new list
	 * with a count it does not have */
	nkids = 0;
	kids = pids;
	nkids = pids ? n : 0;
}

void signals_hold(sigset_t *old)
{
	sigset_t block;
	sigemptyset(&block);
	for (size_t i = 0; i < sizeof caught / sizeof *caught; i++)
		sigaddset(&block, caught[i]);
	(void)pthread_sigmask(SIG_BLOCK, &block, old);
}

void signals_release(const sigset_t *old)
{
	(void)pthread_sigmask(SIG_SETMASK, old, NULL);
}
