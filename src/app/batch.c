/* batch.c: many reports from one parse (see batch.h).  Owns the worker
 * processes and the pipes it creates; waits for every worker before
 * returning. */
#include "batch.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/signals.h"
#include "base/xalloc.h"

typedef struct job {
	const owner *owner;           /* NULL: the regional report */
	const template *tpl;
} job;

/* Render job j; on failure its messages are appended to msgs as text. */
static sr_status run_job(const plan *p, const job *j, const batch_opts *o, render_formats *f,
			 buf *msgs, char *name, size_t namelen)
{
	char paths[BACKEND_MAX][PATH_MAX];
	const char *path[BACKEND_MAX];
	diag d;
	diag_init(&d);
	int year = report_year(p, &(report_opts){.year = o->year});
	const char *oid = j->owner ? j->owner->id : NULL;
	sr_status st = SR_OK;
	snprintf(name, namelen, "%s", oid ? oid : "(regional)");
	for (size_t i = 0; i < f->n && st == SR_OK; i++) {
		path[i] = paths[i];
		if (render_path(paths[i], sizeof paths[i], o->outdir, p->id, year, oid, f->row[i]->ext) < 0) {
			diag_add(&d, DIAG_ERROR, NULL, 0, 0,
				 "the id \"%s\" cannot be used in a file name (letters, digits, '.', '_' and '-' only)",
				 oid ? oid : p->id);
			st = SR_INVALID;
		}
	}
	int named = st == SR_OK; /* every path made */
	if (st == SR_OK) {
		report_opts ro = {.year = o->year, .owner = j->owner, .lang = o->lang, .now = o->now,
				  .tpl = j->tpl, .pdfa = o->pdfa, .matrix_by_type = o->matrix_by_type,
				  .matrix_type = o->matrix_type,
				  .case_number = o->case_details.case_number,
				  .meeting_date = o->case_details.meeting_date,
				  .case_officer = o->case_details.case_officer,
				  .archive_ref = o->case_details.archive_ref,
				  .resolution = o->case_details.resolution};
		/* one thread per report: the workers already use every core */
		st = render_report(p, &ro, f, path, o->inputs, 0, &d);
		const char *last = path[f->n - 1];
		const char *slash = strrchr(last, '/');
		snprintf(name, namelen, "%.200s", slash ? slash + 1 : last);
	}
	/* A message about no file is about this report: it is named by its
	 * files, DIR/PLAN-YEAR[-OWNER].* */
	char which[PATH_MAX + 2];
	const char *dot = named ? strrchr(paths[0], '.') : NULL;
	if (dot)
		snprintf(which, sizeof which, "%.*s.*", (int)(dot - paths[0]), paths[0]);
	else
		snprintf(which, sizeof which, "%s", name);
/* level TAB file TAB line TAB col TAB text, one per line; our
	 * messages hold no tabs or newlines */
	for (size_t i = 0; i < d.n; i++) {
		const diag_msg *m = &d.msgs[i];
		buf_printf(msgs, "%d\t%s\t%d\t%d\t%s\n", (int)m->level, m->file ? m->file : which,
			   m->line, m->col, m->text);
	}
	diag_free(&d);
	return st;
}

/* The worker protocol on its pipe, one record per job:
 *   "<status> <index> <name>\n<len>\n<len bytes of messages>" */
static int write_all(int fd, const void *p, size_t n)
{
	const char *c = p;
	while (n) {
		ssize_t w = write(fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

/* f: the engines opened by the parent before the fork (shared
 * copy-on-write); one that is not is opened here on first need. */
static void worker(const plan *p, const job *jobs, size_t njobs, size_t first, size_t step,
		   const batch_opts *o, render_formats *f, int fd)
{
	for (size_t i = first; i < njobs; i += step) {
		buf msgs = BUF_INIT, rec = BUF_INIT;
		char name[256];
		sr_status st = run_job(p, &jobs[i], o, f, &msgs, name, sizeof name);
		buf_printf(&rec, "%d %zu %s\n%zu\n", (int)st, i, name, msgs.len);
		buf_put(&rec, msgs.data, msgs.len);
		if (rec.failed || write_all(fd, rec.data, rec.len) < 0)
			_exit(SR_SYSTEM);
		buf_free(&msgs);
		buf_free(&rec);
	}
	render_formats_close(f);
}

typedef struct reader {
	int fd;
	buf in;
	int open;
} reader;

/* Consume complete records from r->in. */
static void drain(reader *r, const batch_opts *o, batch_result *res, size_t total, sr_status *worst,
		  diag *d)
{
	for (;;) {
		char *s = (char *)r->in.data;
		size_t len = r->in.len;
		char *nl1 = s ? memchr(s, '\n', len) : NULL;
		if (!nl1)
			return;
		char *nl2 = memchr(nl1 + 1, '\n', len - (size_t)(nl1 + 1 - s));
		if (!nl2)
			return;
		size_t mlen = strtoul(nl1 + 1, NULL, 10);
		size_t head = (size_t)(nl2 + 1 - s);
		if (len - head < mlen)
			return;
		int st;
		size_t idx;
		char name[256] = "";
		*nl1 = '\0';
		if (sscanf(s, "%d %zu %255[^\n]", &st, &idx, name) < 2)
			st = SR_SYSTEM;
		res->jobs++;
		if (st == SR_OK) {
			res->ok++;
			res->files += (int)o->nformats;
		} else {
			res->failed++;
			*worst = sr_worse(*worst, (sr_status)st);
		}
		/* each message back into the caller's diagnostics, as it was */
		char *m = nl2 + 1, *end = m + mlen;
		while (m < end) {
			char *e = memchr(m, '\n', (size_t)(end - m));
			if (!e)
				break; /* every record line ends in a newline */
			*e = '\0';
			char *f[5] = {m, NULL, NULL, NULL, NULL};
			for (int k = 1; k < 5 && f[k - 1]; k++) {
				char *t = strchr(f[k - 1], '\t');
				if (t) {
					*t = '\0';
					f[k] = t + 1;
				}
			}
			if (f[4])
				diag_add(d, (diag_level)atoi(f[0]), *f[1] ? f[1] : NULL, atoi(f[2]),
					 atoi(f[3]), "%s", f[4]);
			m = e + 1;
		}
		if (o->progress)
			fprintf(o->progress, "[%d/%zu] %s%s\n", res->jobs, total, name,
				st == SR_OK ? "" : " FAILED");
		memmove(r->in.data, r->in.data + head + mlen, len - head - mlen);
		r->in.len = len - head - mlen;
	}
}

sr_status batch_run(const plan *p, const template *owner_tpl, const template *regional_tpl,
		    const owner *const *owners, size_t nowners, const batch_opts *o,
		    batch_result *res, diag *d)
{
	memset(res, 0, sizeof *res);
	size_t all = nowners + 1;
	job *jobs = xcalloc(all, sizeof *jobs);
	if (!jobs) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
		return SR_SYSTEM;
	}
	/* The regional report first, then the owners in the given order; a
	 * shard is a contiguous equal part of that list. */
	jobs[0] = (job){NULL, regional_tpl};
	for (size_t i = 0; i < nowners; i++)
		jobs[i + 1] = (job){owners[i], owner_tpl};
	size_t from = all * (size_t)(o->shard_k - 1) / (size_t)o->shard_n;
	size_t to = all * (size_t)o->shard_k / (size_t)o->shard_n;
	job *mine = jobs + from;
	size_t n = to - from;
	sr_status worst = SR_OK;
	int workers = o->workers < 1 ? 1 : o->workers;
	if ((size_t)workers > n)
		workers = n ? (int)n : 1;

	reader *rd = xcalloc((size_t)workers, sizeof *rd);
	pid_t *pids = xcalloc((size_t)workers, sizeof *pids);
	if (!rd || !pids) {
		xfree(rd);
		xfree(pids);
		xfree(jobs);
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
		return SR_SYSTEM;
	}
	/* The engines (the hyphenation patterns, the templates' fonts looked
	 * up and parsed) are opened once, here, so every
	 * worker inherits them instead of loading its own.  One that cannot
	 * be opened is tried again by each worker, and each report says why. */
	render_formats f;
	render_formats_init(&f, o->formats, o->nformats, o->font_dirs);
	diag quiet;
	diag_init(&quiet);
	(void)render_formats_open(&f, &quiet);
	diag_free(&quiet);
	render_formats_prepare(&f, owner_tpl->style.font_family);
	render_formats_prepare(&f, regional_tpl->style.font_family);
	fflush(NULL); /* nothing buffered may be written twice by the children */
	int started = 0;
	for (int w = 0; w < workers; w++) {
		int fds[2];
		if (pipe(fds) < 0) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot start a worker: %s", strerror(errno));
			worst = SR_SYSTEM;
			break;
		}
		pid_t pid = fork();
		if (pid < 0) {
			close(fds[0]);
			close(fds[1]);
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot start a worker: %s", strerror(errno));
			worst = SR_SYSTEM;
			break;
		}
		if (pid == 0) {
			signals_children(NULL, 0);
			close(fds[0]);
			for (int k = 0; k < started; k++)
				close(rd[k].fd);
			worker(p, mine, n, (size_t)w, (size_t)workers, o, &f, fds[1]);
			close(fds[1]);
			_exit(0);
		}
		close(fds[1]);
		rd[started] = (reader){fds[0], BUF_INIT, 1};
		pids[started++] = pid;
		signals_children(pids, started);
	}
	struct pollfd *pf = xcalloc((size_t)(started ? started : 1), sizeof *pf);
	int open = started;
	while (pf && open > 0) {
		int k = 0;
		for (int w = 0; w < started; w++)
			if (rd[w].open)
				pf[k++] = (struct pollfd){rd[w].fd, POLLIN, 0};
		if (poll(pf, (nfds_t)k, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int w = 0, i = 0; w < started; w++) {
			if (!rd[w].open)
				continue;
			struct pollfd *q = &pf[i++];
			if (!(q->revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			char chunk[65536];
			ssize_t r = read(rd[w].fd, chunk, sizeof chunk);
			if (r > 0) {
				buf_put(&rd[w].in, chunk, (size_t)r);
				drain(&rd[w], o, res, n, &worst, d);
			} else if (r == 0 || errno != EINTR) {
				rd[w].open = 0;
				close(rd[w].fd);
				open--;
			}
		}
	}
	xfree(pf);
	signals_children(NULL, 0); /* reaped below; a signal now ends this process alone */
	for (int w = 0; w < started; w++) {
		int ws = 0;
		while (waitpid(pids[w], &ws, 0) < 0 && errno == EINTR)
			;
		if (!WIFEXITED(ws) || WEXITSTATUS(ws) != 0) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "a worker %s; some reports were not written",
				 WIFSIGNALED(ws) ? "was killed" : "failed");
			worst = sr_worse(worst, SR_SYSTEM);
		}
		if (rd[w].open)
			close(rd[w].fd);
		buf_free(&rd[w].in);
	}
	if (res->jobs < (int)n && worst == SR_OK) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "%d of %zu reports were not rendered", (int)n - res->jobs, n);
		worst = SR_SYSTEM;
	}
	render_formats_close(&f);
	xfree(rd);
	xfree(pids);
	xfree(jobs);
	return worst;
}
