/* readahead.c: the input files parsed as helper jobs (see readahead.h).
 * Owns the trees parsed until each is taken; the files' bytes are freed as
 * soon as they are parsed. */
#include "readahead.h"

#include "xalloc.h"
#include "xmlin.h"

typedef struct slot {
	helper_job job;
	const char *path;
	xmlDocPtr doc;
	diag d;
	sr_status st;
} slot;

struct readahead {
	helper *w;
	size_t n, taken;
	slot *slots; /* n of them */
};

static sr_status read_one(const char *path, xmlDocPtr *doc, diag *d)
{
	char *data;
	size_t len;
	*doc = NULL;
	sr_status st = xmlin_slurp(path, &data, &len, d);
	if (st != SR_OK)
		return st;
	st = xmlin_parse(path, data, len, doc, d);
	xfree(data);
	return st;
}

static void run_slot(void *arg)
{
	slot *s = arg;
	s->st = read_one(s->path, &s->doc, &s->d);
}

readahead *readahead_start(helper *w, const char *const *paths, size_t n)
{
	if (!w || n == 0)
		return NULL;
	readahead *r = xcalloc(1, sizeof *r);
	slot *slots = xcalloc(n, sizeof *slots);
	if (!r || !slots) {
		xfree(r);
		xfree(slots);
		return NULL;
	}
	r->w = w;
	r->n = n;
	r->slots = slots;
	for (size_t i = 0; i < n; i++) {
		slots[i].job = HELPER_JOB(run_slot, &slots[i]);
		slots[i].path = paths[i];
		diag_init(&slots[i].d);
		helper_push(w, &slots[i].job);
	}
	return r;
}

sr_status readahead_next(readahead *r, const char *path, xmlDocPtr *doc, diag *d)
{
	if (!r)
		return read_one(path, doc, d);
	slot *s = &r->slots[r->taken++];
	helper_wait(r->w, &s->job);
	*doc = s->doc;
	s->doc = NULL;
	diag_take(d, &s->d);
	return s->st;
}

void readahead_end(readahead *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		helper_forget(r->w, &r->slots[i].job);
		xmlFreeDoc(r->slots[i].doc);
		diag_free(&r->slots[i].d);
	}
	xfree(r->slots);
	xfree(r);
}
