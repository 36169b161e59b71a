/* ziplib.c: libzip through dlopen (see dynlib.h for why).  Owns a pointer
 * per function.  Knows nothing of what the packages hold. */
#include "ziplib.h"

#include <stddef.h>

#include <zip.h>

#include "base/dynlib.h"

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
	R(zip_source_t *, zip_source_function, (zip_t * a, zip_source_callback b, void *c),         \
	  (a, b, c))                                                                                \
	R(zip_error_t *, zip_source_error, (zip_source_t * a), (a))                                 \
	V(zip_source_free, (zip_source_t * a), (a))                                                 \
	V(zip_source_keep, (zip_source_t * a), (a))                                                 \
	R(int, zip_source_open, (zip_source_t * a), (a))                                            \
	R(zip_int64_t, zip_source_read, (zip_source_t * a, void *b, zip_uint64_t c), (a, b, c))     \
	R(int, zip_source_stat, (zip_source_t * a, zip_stat_t *b), (a, b))                          \
	R(int, zip_stat, (zip_t * a, const char *b, zip_flags_t c, zip_stat_t *e), (a, b, c, e))    \
	V(zip_stat_init, (zip_stat_t * a), (a))

/* the pointers, filled by dynlib_open and read-only after it */
static struct functions {
	ZIPLIB_FUNCTIONS(DYNLIB_POINTER_R, DYNLIB_POINTER_V)
} fn;
static const dynlib_sym syms[] = {ZIPLIB_FUNCTIONS(DYNLIB_SLOT_R, DYNLIB_SLOT_V)};

static dynlib lib = DYNLIB_INIT(ZIPLIB_SONAME, "ODF packages", syms, &fn);

sr_status ziplib_open(diag *d)
{
	return dynlib_open(&lib, d);
}

/* each function hands on to the loaded one */
ZIPLIB_FUNCTIONS(DYNLIB_DEFINE_R, DYNLIB_DEFINE_V)
