/* test_helper.c: the helper thread runs jobs once each, in the order
 * given; without a helper a job runs when waited for and only then; a
 * forgotten job that had not started never runs; ending waits for the
 * running job. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "helper.h"

/* a log of which jobs ran, in order (only the helper writes it while it
 * runs; the test reads it after waiting, which orders the two) */
typedef struct ran {
	int ids[16];
	int n;
} ran;

typedef struct job_arg {
	ran *log;
	int id;
} job_arg;

static void note(void *arg)
{
	job_arg *a = arg;
	a->log->ids[a->log->n++] = a->id;
}

/* a job that says it started, then waits for the gate to open */
typedef struct gate {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int started, open, finished;
} gate;

static void held(void *arg)
{
	gate *g = arg;
	pthread_mutex_lock(&g->mu);
	g->started = 1;
	pthread_cond_broadcast(&g->cv);
	while (!g->open)
		pthread_cond_wait(&g->cv, &g->mu);
	g->finished = 1;
	pthread_mutex_unlock(&g->mu);
}

static void wait_started(gate *g)
{
	pthread_mutex_lock(&g->mu);
	while (!g->started)
		pthread_cond_wait(&g->cv, &g->mu);
	pthread_mutex_unlock(&g->mu);
}

static void open_gate(gate *g)
{
	pthread_mutex_lock(&g->mu);
	g->open = 1;
	pthread_cond_broadcast(&g->cv);
	pthread_mutex_unlock(&g->mu);
}

static void test_without_helper(void **state)
{
	(void)state;
	ran log = {{0}, 0};
	job_arg a = {&log, 7};
	helper_job j = HELPER_JOB(note, &a);
	helper_push(NULL, &j);
	assert_int_equal(log.n, 0); /* nothing until waited for */
	helper_wait(NULL, &j);
	assert_int_equal(log.n, 1);
	assert_int_equal(log.ids[0], 7);
	helper_wait(NULL, &j); /* once only */
	assert_int_equal(log.n, 1);
	helper_forget(NULL, &j);
	helper_end(NULL);
}

static void test_in_order(void **state)
{
	(void)state;
	helper *h = helper_start();
	if (!h)
		skip(); /* one core: nothing runs beside */
	ran log = {{0}, 0};
	job_arg a[8];
	helper_job j[8];
	for (int i = 0; i < 8; i++) {
		a[i] = (job_arg){&log, i};
		j[i] = HELPER_JOB(note, &a[i]);
		helper_push(h, &j[i]);
	}
	helper_wait(h, &j[7]);
	assert_int_equal(log.n, 8);
	for (int i = 0; i < 8; i++) {
		assert_int_equal(log.ids[i], i);
		assert_int_equal(j[i].state, 2);
	}
	helper_wait(h, &j[3]); /* long done: returns at once */
	helper_end(h);
	assert_int_equal(log.n, 8);
}

static void test_forget_queued(void **state)
{
	(void)state;
	helper *h = helper_start();
	if (!h)
		skip();
	gate g = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0};
	ran log = {{0}, 0};
	job_arg a1 = {&log, 1}, a2 = {&log, 2};
	helper_job first = HELPER_JOB(held, &g), j1 = HELPER_JOB(note, &a1),
		   j2 = HELPER_JOB(note, &a2);
	helper_push(h, &first);
	helper_push(h, &j1);
	helper_push(h, &j2);
	wait_started(&g);
	helper_forget(h, &j1); /* queued behind the held job: taken off */
	assert_int_equal(j1.state, 0);
	open_gate(&g);
	helper_wait(h, &j2);
	helper_end(h);
	assert_int_equal(log.n, 1);
	assert_int_equal(log.ids[0], 2);
	assert_int_equal(j1.state, 0);
}

static void *opener(void *arg)
{
	struct timespec t = {0, 20000000L};
	nanosleep(&t, NULL);
	open_gate(arg);
	return NULL;
}

static void test_end_waits_for_running(void **state)
{
	(void)state;
	helper *h = helper_start();
	if (!h)
		skip();
	gate g = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0};
	ran log = {{0}, 0};
	job_arg a = {&log, 1};
	helper_job first = HELPER_JOB(held, &g), queued = HELPER_JOB(note, &a);
	helper_push(h, &first);
	wait_started(&g);
	helper_push(h, &queued);
	helper_forget(h, &queued);
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, opener, &g), 0);
	helper_end(h); /* returns only once the held job has finished */
	assert_int_equal(g.finished, 1);
	assert_int_equal(log.n, 0);
	pthread_join(t, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_without_helper),
		cmocka_unit_test(test_in_order),
		cmocka_unit_test(test_forget_queued),
		cmocka_unit_test(test_end_waits_for_running),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
