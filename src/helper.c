/* helper.c: the one helper thread (see helper.h).  Owns the thread and its
 * lock; the jobs are the callers'. */
#include "helper.h"

#include <pthread.h>

#include "xalloc.h"

struct helper {
	pthread_t tid;
	pthread_mutex_t mu;
	pthread_cond_t cv; /* a job queued, a job done, or stop */
	helper_job *head, *tail;
	int stop;
};

static void *loop(void *arg)
{
	helper *w = arg;
	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (!w->head && !w->stop)
			pthread_cond_wait(&w->cv, &w->mu);
		if (w->stop)
			break;
		helper_job *j = w->head;
		w->head = j->next;
		if (!w->head)
			w->tail = NULL;
		j->state = 1;
		pthread_mutex_unlock(&w->mu);
		j->run(j->arg);
		pthread_mutex_lock(&w->mu);
		j->state = 2;
		pthread_cond_broadcast(&w->cv);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

helper *helper_start(void)
{
	if (!xalloc_spare_core())
		return NULL;
	helper *w = xcalloc(1, sizeof *w);
	if (!w)
		return NULL;
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->cv, NULL);
	if (pthread_create(&w->tid, NULL, loop, w) != 0) {
		pthread_mutex_destroy(&w->mu);
		pthread_cond_destroy(&w->cv);
		xfree(w);
		return NULL;
	}
	return w;
}

void helper_push(helper *w, helper_job *j)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->mu);
	j->next = NULL;
	if (w->tail)
		w->tail->next = j;
	else
		w->head = j;
	w->tail = j;
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mu);
}

void helper_wait(helper *w, helper_job *j)
{
	if (!w) {
		if (j->state == 0) {
			j->state = 1;
			j->run(j->arg);
			j->state = 2;
		}
		return;
	}
	pthread_mutex_lock(&w->mu);
	while (j->state != 2)
		pthread_cond_wait(&w->cv, &w->mu);
	pthread_mutex_unlock(&w->mu);
}

void helper_forget(helper *w, helper_job *j)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->mu);
	if (j->state == 0) {
		/* off the queue */
		helper_job *prev = NULL;
		for (helper_job *q = w->head; q; prev = q, q = q->next) {
			if (q != j)
				continue;
			if (prev)
				prev->next = q->next;
			else
				w->head = q->next;
			if (w->tail == q)
				w->tail = prev;
			break;
		}
	}
	while (j->state == 1)
		pthread_cond_wait(&w->cv, &w->mu);
	pthread_mutex_unlock(&w->mu);
}

void helper_end(helper *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->mu);
	w->stop = 1;
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->tid, NULL);
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->cv);
	xfree(w);
}
