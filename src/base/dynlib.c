/* dynlib.c: the loader (see dynlib.h).  Owns nothing but the handles,
 * which it keeps open for the life of the process: the functions are
 * used until it ends. */
#include "dynlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

static void load(dynlib *l)
{
	void *h = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *why = dlerror();
		snprintf(l->failure, sizeof l->failure, "cannot load %s, needed for %s: %s", l->soname,
			 l->needed_for, why ? why : "unknown reason");
		return;
	}
	for (size_t i = 0; i < l->nsyms; i++) {
		void *f = dlsym(h, l->syms[i].name);
		if (!f) {
			snprintf(l->failure, sizeof l->failure, "%s has no function %s (too old a version?)",
				 l->soname, l->syms[i].name);
			dlclose(h);
			return;
		}
		/* POSIX: a function's address comes as a void * of the same size */
		memcpy((char *)l->table + l->syms[i].offset, &f, sizeof f);
	}
}

sr_status dynlib_open(dynlib *l, diag *d)
{
	pthread_mutex_lock(&l->mu);
	if (!l->tried) {
		load(l);
		l->tried = 1;
	}
	pthread_mutex_unlock(&l->mu);
	if (!l->failure[0])
		return SR_OK;
	diag_add(d, DIAG_ERROR, NULL, 0, 0, "%s", l->failure);
	return SR_SYSTEM;
}
