/* buf.h: a growable byte buffer with a size cap and a sticky failure flag.
 * The buffer owns data (heap, through xalloc); buf_free releases it. */
#ifndef BUF_H
#define BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct buf {
	unsigned char *data;
	size_t len;
	size_t cap;
	size_t max;  /* 0: no cap beyond memory */
	int failed;  /* an append did not fit or memory ran out */
} buf;

#define BUF_INIT {NULL, 0, 0, 0, 0}

void buf_free(buf *b);
/* Make room for n more bytes; 0 on success, -1 (and b->failed) otherwise. */
int buf_reserve(buf *b, size_t n);
void buf_put(buf *b, const void *p, size_t n);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, int c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* NUL-terminate without counting the NUL in len; returns data or NULL. */
char *buf_cstr(buf *b);

#endif
