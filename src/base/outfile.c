/* outfile.c: atomic output files (see outfile.h).  Owns only the temporary
 * file it creates, and removes it on every failure path. */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "signals.h"
#include "xalloc.h"

#ifdef SR_ALLOC_TESTING
/* Write-failure injection for the tests: SR_FAIL_WRITE=N makes the N-th
 * file operation (write, fsync, close, rename, counted together) fail with
 * SR_FAIL_WRITE_KIND = enospc (default), eio, or short (a write that takes
 * half of what it was given, which must simply be continued). */
static long io_count, io_fail_at = -1;
static int io_fails(int *err, int *is_short)
{
	if (io_fail_at < 0) {
		const char *e = getenv("SR_FAIL_WRITE");
		io_fail_at = e ? atol(e) : 0;
	}
	if (++io_count != io_fail_at)
		return 0;
	const char *k = getenv("SR_FAIL_WRITE_KIND");
	*is_short = k && strcmp(k, "short") == 0;
	*err = k && strcmp(k, "eio") == 0 ? EIO : ENOSPC;
	return 1;
}
__attribute__((destructor)) static void io_report(void)
{
	if (getenv("SR_COUNT_ALLOC"))
		fprintf(stderr, "file operations: %ld\n", io_count);
}
static ssize_t t_write(int fd, const void *p, size_t n)
{
	int err, sh;
	if (io_fails(&err, &sh)) {
		if (sh && n > 1)
			return write(fd, p, n / 2);
		errno = err;
		return -1;
	}
	return write(fd, p, n);
}
#define T_OP(call) __extension__({ int e_, s_; io_fails(&e_, &s_) && !s_ ? (errno = e_, -1) : (call); })
#define write t_write
#define fsync(fd) T_OP(fsync(fd))
#define close(fd) T_OP(close(fd))
#define rename(a, b) T_OP(rename(a, b))
#endif

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

sr_status outfile_stage(const char *path, const void *data, size_t len,
			const char *const *inputs, outfile_staged *out, diag *d)
{
	out->tmp = NULL;
	out->path = path;
	struct stat st;
	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			diag_add(d, DIAG_ERROR, path, 0, 0,
				 "cannot write the report here: this is a folder, not a file name");
			return SR_SYSTEM;
		}
		if (!S_ISREG(st.st_mode)) {
			diag_add(d, DIAG_ERROR, path, 0, 0,
				 "cannot write the report here: this is not a regular file");
			return SR_SYSTEM;
		}
		for (size_t i = 0; inputs && inputs[i]; i++) {
			if (same_file(path, inputs[i])) {
				diag_add(d, DIAG_ERROR, path, 0, 0,
					 "refusing to overwrite an input file with the report");
				return SR_SYSTEM;
			}
		}
	}
	size_t plen = strlen(path);
	const char *slash = strrchr(path, '/');
	size_t dlen = slash ? (size_t)(slash - path) + 1 : 0;
	char *tmp = xmalloc(plen + 16);
	if (!tmp) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "out of memory");
		return SR_SYSTEM;
	}
	/* ".NAME.XXXXXX" beside the target: same file system, so rename is
	 * atomic, and hidden, so nobody opens a half-written report. */
	memcpy(tmp, path, dlen);
	tmp[dlen] = '.';
	memcpy(tmp + dlen + 1, path + dlen, plen - dlen);
	memcpy(tmp + plen + 1, ".XXXXXX", 8);
	/* made and tracked in one step: a signal between the two would leave
	 * a file the handler does not know of (xalloc.h) */
	sigset_t held;
	signals_hold(&held);
	xalloc_staging(1);
	int fd = mkstemp(tmp);
	if (fd >= 0)
		xalloc_track_tmp(tmp);
	xalloc_staging(-1);
	signals_release(&held);
	if (fd < 0) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot create the report file: %s",
			 strerror(errno));
		xfree(tmp);
		return SR_SYSTEM;
	}
	const unsigned char *p = data;
	size_t left = len;
	int err = 0;
	while (left > 0) {
		ssize_t w = write(fd, p, left);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			err = errno;
			break;
		}
		if (w == 0) {
			err = ENOSPC;
			break;
		}
		p += w;
		left -= (size_t)w;
	}
	if (!err && fsync(fd) < 0 && errno != EINVAL)
		err = errno;
	/* Reports are documents people share: the usual file mode, not
	 * mkstemp's 0600. */
	mode_t mask = umask(0);
	umask(mask);
	if (!err && fchmod(fd, 0666 & ~mask) < 0)
		err = errno;
	if (close(fd) < 0 && !err)
		err = errno;
	if (err) {
		unlink(tmp);
		xalloc_untrack_tmp(tmp);
		xfree(tmp);
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot write the report: %s", strerror(err));
		return SR_SYSTEM;
	}
	out->tmp = tmp;
	return SR_OK;
}

sr_status outfile_commit(outfile_staged *st, diag *d)
{
	if (!st->tmp)
		return SR_SYSTEM;
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	/* No signal between the rename and forgetting the temporary name. */
	sigprocmask(SIG_BLOCK, &block, &old);
	int err = rename(st->tmp, st->path) < 0 ? errno : 0;
	if (err)
		unlink(st->tmp);
	xalloc_untrack_tmp(st->tmp);
	sigprocmask(SIG_SETMASK, &old, NULL);
	xfree(st->tmp);
	st->tmp = NULL;
	if (err) {
		diag_add(d, DIAG_ERROR, st->path, 0, 0, "cannot write the report: %s", strerror(err));
		return SR_SYSTEM;
	}
	return SR_OK;
}

void outfile_discard(outfile_staged *st)
{
	if (st->tmp) {
		unlink(st->tmp);
		xalloc_untrack_tmp(st->tmp);
		xfree(st->tmp);
		st->tmp = NULL;
	}
}

sr_status outfile_commit_all(outfile_staged *st, size_t n, diag *d)
{
	/* a signal would cut the group in two, or leave a backup behind: it
	 * waits until the group is in place or put back */
	sigset_t held;
	signals_hold(&held);
	char **bak = xcalloc(n ? n : 1, sizeof *bak);
	sr_status res = SR_OK;
	size_t done = 0;
	if (!bak) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
		res = SR_SYSTEM;
		goto out;
	}
	/* Keep each existing report reachable under a backup name until the
	 * whole group is in place. */
	for (size_t i = 0; i < n; i++) {
		if (!st[i].tmp || access(st[i].path, F_OK) != 0)
			continue;
		size_t k = strlen(st[i].tmp);
		bak[i] = xmalloc(k + 5);
		if (!bak[i]) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
			res = SR_SYSTEM;
			goto out;
		}
		memcpy(bak[i], st[i].tmp, k);
		memcpy(bak[i] + k, ".old", 5);
		if (link(st[i].path, bak[i]) < 0) {
			diag_add(d, DIAG_ERROR, st[i].path, 0, 0, "cannot write the report: %s",
				 strerror(errno));
			xfree(bak[i]);
			bak[i] = NULL;
			res = SR_SYSTEM;
			goto out;
		}
	}
	for (; done < n; done++) {
		if (!st[done].tmp)
			continue;
		if ((res = outfile_commit(&st[done], d)) != SR_OK)
			break;
	}
	if (res != SR_OK) {
		/* put back what this group already replaced */
		for (size_t i = 0; i < done; i++) {
			if (bak[i]) {
				if (rename(bak[i], st[i].path) == 0) {
					xfree(bak[i]);
					bak[i] = NULL;
				}
			} else {
				unlink(st[i].path);
			}
		}
	}
out:
	for (size_t i = 0; i < n; i++) {
		outfile_discard(&st[i]);
		if (bak && bak[i]) {
			unlink(bak[i]);
			xfree(bak[i]);
		}
	}
	xfree(bak);
	signals_release(&held);
	return res;
}

sr_status outfile_write(const char *path, const void *data, size_t len,
			const char *const *inputs, diag *d)
{
	outfile_staged st;
	sr_status s = outfile_stage(path, data, len, inputs, &st, d);
	return s == SR_OK ? outfile_commit(&st, d) : s;
}
