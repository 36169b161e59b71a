/* helper.h: one thread beside the main one, running jobs in the order
 * they are given.
 *
 * Why one: the machines this runs on have two cores.  While the input is
 * read, the files' parsing, the PDF engine and libzip can all be done
 * beside the main thread -- but as three threads they make a third
 * runnable thread, and the scheduler then shares a core in slices of
 * milliseconds, so the main thread waits longer than the work it gave
 * away.  In one thread, in the order they are needed, they finish when
 * they are wanted.
 *
 * Jobs are the caller's memory and must stay put until done or forgotten.
 * Without a helper (w NULL: no core to spare, or the allocation-failure
 * build, where threads are not allowed) a job runs when it is waited for,
 * in the waiting thread, and not at all if nobody waits. */
#ifndef HELPER_H
#define HELPER_H

typedef struct helper helper;

typedef struct helper_job {
	void (*run)(void *arg);
	void *arg;
	/* the helper's */
	struct helper_job *next;
	int state; /* 0 not started, 1 running, 2 done */
} helper_job;

#define HELPER_JOB(fn, a) ((helper_job){(fn), (a), NULL, 0})

/* A running helper, or NULL when there is no core to spare, threads are
 * not allowed, or no memory or thread could be had. */
helper *helper_start(void);

/* Queue j (made with HELPER_JOB) behind the jobs given before.  w NULL:
 * nothing happens until helper_wait. */
void helper_push(helper *w, helper_job *j);

/* Return when j has run (running it here when w is NULL and it has not
 * run yet).  j must have been pushed to w. */
void helper_wait(helper *w, helper_job *j);

/* After this the helper no longer touches j: taken off the queue if it had
 * not started, waited for if it is running.  Whether it ran: j->state. */
void helper_forget(helper *w, helper_job *j);

/* Wait for the running job, drop the queued ones, end the thread.  NULL
 * is fine. */
void helper_end(helper *w);

#endif
