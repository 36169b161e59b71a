/* signals.h: ending the process on SIGINT, SIGTERM or SIGHUP without
 * leaving anything behind.  The handler removes every temporary file the
 * process has staged (xalloc_track_tmp), passes the signal on to the
 * worker processes it was given and waits for them, and then ends the
 * process by the same signal, so a shell sees the usual status: 130 for
 * SIGINT, 143 for SIGTERM, 129 for SIGHUP.  Everything the handler does is
 * async-signal-safe. */
#ifndef SIGNALS_H
#define SIGNALS_H

#include <signal.h>
#include <sys/types.h>

/* Install the handler, once per process before any output is staged.  A
 * signal that was ignored when the process started (nohup, a background
 * job) stays ignored. */
void signals_install(void);

/* The worker processes to pass a signal on to: pids[0..n), owned by the
 * caller and kept alive until signals_children(NULL, 0).  A forked worker
 * calls that too, having no workers of its own. */
void signals_children(const pid_t *pids, int n);

/* Hold the three signals in this thread until signals_release(old): for a
 * step that must not be cut in two (a group of renames, a cache file
 * written and renamed), and around starting a thread, which inherits the
 * mask, so that the signals are only ever handled by the main thread. */
void signals_hold(sigset_t *old);
void signals_release(const sigset_t *old);

#endif
