/* arena.c: bump allocation in chained blocks.  Owns every block it hands
 * out; nothing allocated here is ever freed one by one. */
#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct arena_block {
	arena_block *next;
	size_t size;
	size_t pos;
	max_align_t data[];
};

enum { BLOCK_MIN = 64 * 1024, ALIGN = _Alignof(max_align_t) };

void arena_init(arena *a)
{
	a->head = NULL;
	a->used = 0;
	a->failed = 0;
}

void arena_free(arena *a)
{
	arena_block *b = a->head;
	while (b) {
		arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->used = 0;
}

void *arena_alloc(arena *a, size_t n)
{
	if (a->failed)
		return NULL;
	if (n == 0)
		n = 1;
	if (n > SIZE_MAX / 2) {
		a->failed = 1;
		return NULL;
	}
	n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	arena_block *b = a->head;
	if (!b || b->size - b->pos < n) {
		/* Blocks grow with the arena so a large document needs few of
		 * them, while a small one stays small. */
		size_t size = BLOCK_MIN;
		if (b && b->size < (size_t)8 * 1024 * 1024)
			size = b->size * 2;
		if (size < n)
			size = n;
		arena_block *nb = xmalloc(sizeof *nb + size);
		if (!nb) {
			a->failed = 1;
			return NULL;
		}
		nb->size = size;
		nb->pos = 0;
		/* A big one-off allocation goes behind the current block so the
		 * current block's free space is not wasted. */
		if (b && size == n && b->size - b->pos > 256) {
			nb->next = b->next;
			b->next = nb;
		} else {
			nb->next = b;
			a->head = nb;
		}
		b = nb;
	}
	void *p = (char *)b->data + b->pos;
	b->pos += n;
	a->used += n;
	memset(p, 0, n);
	return p;
}

void *arena_array(arena *a, size_t n, size_t sz)
{
	if (sz && n > SIZE_MAX / sz) {
		a->failed = 1;
		return NULL;
	}
	return arena_alloc(a, n * sz);
}

char *arena_strndup(arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, len + 1);
	if (!p)
		return NULL;
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *arena_strdup(arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_vprintf(arena *a, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		a->failed = 1;
		return NULL;
	}
	char *p = arena_alloc(a, (size_t)n + 1);
	if (p)
		vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void *arena_grow(arena *a, void *arr, size_t n, size_t *cap, size_t sz)
{
	if (arr && n < *cap)
		return arr;
	size_t ncap = *cap ? *cap * 2 : 8;
	void *p = arena_array(a, ncap, sz);
	if (!p)
		return NULL;
	if (arr && n)
		memcpy(p, arr, n * sz);
	*cap = ncap;
	return p;
}
