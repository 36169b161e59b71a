/* arena.h: one allocation owner per document.
 *
 * Everything a plan, a document tree or a page layout is made of is carved
 * from one arena and freed with it in one call.  Allocation failure is
 * sticky: arena_alloc returns NULL and sets arena->failed; the functions built
 * on it accept NULL and do nothing, so a builder runs to its end and its
 * caller checks arena_failed() once and reports SR_SYSTEM. */
#ifndef ARENA_H
#define ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
	arena_block *head;
	size_t used;   /* bytes handed out, for the benchmark's memory figures */
	int failed;    /* an allocation has failed */
} arena;

/* Initialise an empty arena.  Allocates nothing until first use. */
void arena_init(arena *a);

/* Free every block.  The arena can be reused after arena_init(). */
void arena_free(arena *a);

/* n zeroed bytes aligned for any type, or NULL (and a->failed set). */
void *arena_alloc(arena *a, size_t n);

/* n elements of size sz, overflow-checked. */
void *arena_array(arena *a, size_t n, size_t sz);

/* A NUL-terminated copy of s[0..len), or NULL.  s may be NULL when len is 0. */
char *arena_strndup(arena *a, const char *s, size_t len);
char *arena_strdup(arena *a, const char *s);

/* printf into the arena. */
char *arena_printf(arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *arena_vprintf(arena *a, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* Make room for one more element in an arena array of *n elements with
 * capacity *cap (doubling, old contents copied); returns the array, which may
 * have moved, or NULL.  The old array stays in the arena until it is freed. */
void *arena_grow(arena *a, void *arr, size_t n, size_t *cap, size_t sz);

static inline int arena_failed(const arena *a) { return a->failed; }

#endif
