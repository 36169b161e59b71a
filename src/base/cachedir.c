/* cachedir.c: the user's cache folder (see cachedir.h).  Owns the folder's
 * name and the reading and writing of whole files in it; never decides
 * whether a file's content is to be trusted. */
#include "cachedir.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "signals.h"
#include "xalloc.h"
#include "xml/xmlin.h"

uint64_t cachedir_hash(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3u;
	return h;
}

int cachedir_path(char *path, size_t n, const char *name, int make)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	int k;
	if (xdg && *xdg == '/')
		k = snprintf(path, n, "%s", xdg);
	else if (home && *home == '/')
		k = snprintf(path, n, "%s/.cache", home);
	else
		return -1;
	if (k < 0 || (size_t)k >= n)
		return -1;
	if (make)
		(void)mkdir(path, 0700);
	size_t at = (size_t)k;
	k = snprintf(path + at, n - at, "/statusrapport");
	if (k < 0 || (size_t)k >= n - at)
		return -1;
	if (make)
		(void)mkdir(path, 0700);
	at += (size_t)k;
	k = snprintf(path + at, n - at, "/%s", name);
	return k < 0 || (size_t)k >= n - at ? -1 : 0;
}

char *cachedir_load(const char *name, size_t max, size_t *len)
{
	char path[PATH_MAX], *data = NULL;
	struct stat sb;
	/* looked at first, so a pipe in the file's place cannot block the
	 * read, nor a huge file cost its reading */
	if (cachedir_path(path, sizeof path, name, 0) < 0 || stat(path, &sb) != 0 ||
	    !S_ISREG(sb.st_mode) || sb.st_size <= 0 || (unsigned long long)sb.st_size > max)
		return NULL;
	/* read as any input is; a miss is its message dropped */
	diag quiet;
	diag_init(&quiet);
	sr_status st = xmlin_slurp(path, &data, len, &quiet);
	diag_free(&quiet);
	if (st != SR_OK)
		return NULL;
	if (*len == 0 || *len > max) {
		xfree(data);
		return NULL;
	}
	return data;
}

/* Not outfile_write(): its staging ends the allocation-failure sweep's
 * forking and its injected write failures are meant for the report's own
 * files; a cache file needs no fsync either. */
void cachedir_store(const char *name, const void *data, size_t n)
{
	char path[PATH_MAX], tmp[PATH_MAX + 32];
	if (cachedir_path(path, sizeof path, name, 1) < 0)
		return;
	int k = snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
	if (k < 0 || (size_t)k >= sizeof tmp)
		return;
	/* the file is not tracked for removal (see above): a signal waits
	 * until it is in place or gone */
	sigset_t held;
	signals_hold(&held);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		signals_release(&held);
		return;
	}
	const unsigned char *p = data;
	size_t put = 0;
	while (put < n) {
		ssize_t w = write(fd, p + put, n - put);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		put += (size_t)w;
	}
	if (close(fd) != 0 || put != n || rename(tmp, path) != 0)
		(void)unlink(tmp);
	signals_release(&held);
}
