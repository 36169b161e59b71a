/* ziplib.c: libzip through dlopen (see ziplib.h for why).  Owns the one
 * handle, kept for the life of the process, and a pointer per function.
 * Knows nothing of what the packages hold. */
#include "ziplib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stddef.h>
#include <string.h>

#include <zip.h>

/* The installed library's name, read off libzip.so by the Makefile, so a
 * libzip with another ABI fails at build time, not at the first ODT. */
#ifndef ZIPLIB_SONAME
#define ZIPLIB_SONAME "libzip.so.4"
#endif

/* Every function we use: R returns a value, V returns nothing.  The
 * parameter lists are <zip.h>'s; the definitions below must agree with
 * its prototypes or the build fails. */
#define ZIPLIB_FUNCTIONS(R, V)                                                                      \
	R(int, zip_close, (zip_t * a), (a))                                                         \
	V(zip_discard, (zip_t * a), (a))                                                            \
	R(zip_error_t *, zip_get_error, (zip_t * a), (a))                                           \
	V(zip_error_fini, (zip_error_t * a), (a))                                                   \
	V(zip_error_init, (zip_error_t * a), (a))                                                   \
	R(const char *, zip_error_strerror, (zip_error_t * a), (a))                                 \
	R(int, zip_fclose, (zip_file_t * a), (a))                                                   \
	R(zip_int64_t, zip_file_add, (zip_t * a, const char *b, zip_source_t *c, zip_flags_t e),    \
	  (a, b, c, e))                                                                             \
	R(int, zip_file_extra_field_delete,                                                         \
	  (zip_t * a, zip_uint64_t b, zip_uint16_t c, zip_flags_t e), (a, b, c, e))                 \
	R(int, zip_file_set_dostime,                                                                \
	  (zip_t * a, zip_uint64_t b, zip_uint16_t c, zip_uint16_t e, zip_flags_t f),               \
	  (a, b, c, e, f))                                                                          \
	R(zip_file_t *, zip_fopen, (zip_t * a, const char *b, zip_flags_t c), (a, b, c))            \
	R(zip_int64_t, zip_fread, (zip_file_t * a, void *b, zip_uint64_t c), (a, b, c))             \
	R(zip_int64_t, zip_get_num_entries, (zip_t * a, zip_flags_t b), (a, b))                     \
	R(zip_int64_t, zip_name_locate, (zip_t * a, const char *b, zip_flags_t c), (a, b, c))       \
	R(zip_t *, zip_open_from_source, (zip_source_t * a, int b, zip_error_t *c), (a, b, c))      \
	R(int, zip_set_file_compression, (zip_t * a, zip_uint64_t b, zip_int32_t c, zip_uint32_t e), \
	  (a, b, c, e))                                                                             \
	R(zip_source_t *, zip_source_buffer, (zip_t * a, const void *b, zip_uint64_t c, int e),     \
	  (a, b, c, e))                                                                             \
	R(zip_source_t *, zip_source_buffer_create,                                                 \
	  (const void *a, zip_uint64_t b, int c, zip_error_t *e), (a, b, c, e))                     \
	R(int, zip_source_close, (zip_source_t * a), (a))                                           \
	R(zip_error_t *, zip_source_error, (zip_source_t * a), (a))                                 \
	V(zip_source_free, (zip_source_t * a), (a))                                                 \
	V(zip_source_keep, (zip_source_t * a), (a))                                                 \
	R(int, zip_source_open, (zip_source_t * a), (a))                                            \
	R(zip_int64_t, zip_source_read, (zip_source_t * a, void *b, zip_uint64_t c), (a, b, c))     \
	R(int, zip_source_stat, (zip_source_t * a, zip_stat_t *b), (a, b))                          \
	R(int, zip_stat, (zip_t * a, const char *b, zip_flags_t c, zip_stat_t *e), (a, b, c, e))    \
	V(zip_stat_init, (zip_stat_t * a), (a))

/* the pointers, filled by load() and read-only after it */
/* NOLINTBEGIN(bugprone-macro-parentheses): a declarator, not an expression */
#define POINTER_R(ret, name, params, args) ret(*name) params;
#define POINTER_V(name, params, args) void(*name) params;
/* NOLINTEND(bugprone-macro-parentheses) */
static struct functions {
	ZIPLIB_FUNCTIONS(POINTER_R, POINTER_V)
} fn;

/* where each one goes */
#define SLOT_R(ret, name, params, args) {#name, offsetof(struct functions, name)},
#define SLOT_V(name, params, args) {#name, offsetof(struct functions, name)},
static const struct {
	const char *name;
	size_t offset;
} slots[] = {ZIPLIB_FUNCTIONS(SLOT_R, SLOT_V)};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[512]; /* empty when loaded */

static void load(void)
{
	void *h = dlopen(ZIPLIB_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *why = dlerror();
		snprintf(failure, sizeof failure, "cannot load %s, needed for ODF packages: %s",
			 ZIPLIB_SONAME, why ? why : "unknown reason");
		return;
	}
	for (size_t i = 0; i < sizeof slots / sizeof *slots; i++) {
		void *f = dlsym(h, slots[i].name);
		if (!f) {
			snprintf(failure, sizeof failure, "%s has no function %s (libzip 1.7 or newer is needed)",
				 ZIPLIB_SONAME, slots[i].name);
			dlclose(h);
			return;
		}
		/* POSIX: a function's address comes as a void * of the same size */
		memcpy((char *)&fn + slots[i].offset, &f, sizeof f);
	}
	/* the handle stays open: its functions are used until the process ends */
}

sr_status ziplib_open(diag *d)
{
	pthread_once(&once, load);
	if (!failure[0])
		return SR_OK;
	diag_add(d, DIAG_ERROR, NULL, 0, 0, "%s", failure);
	return SR_SYSTEM;
}

/* libzip's functions, each handing on to the loaded one */
#define DEFINE_R(ret, name, params, args) \
	ret name params                   \
	{                                 \
		return fn.name args;      \
	}
#define DEFINE_V(name, params, args) \
	void name params             \
	{                            \
		fn.name args;        \
	}
ZIPLIB_FUNCTIONS(DEFINE_R, DEFINE_V)
