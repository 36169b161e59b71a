/* buf.c: growable byte buffer (see buf.h). */
#include "buf.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "xalloc.h"

void buf_free(buf *b)
{
	xfree(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

int buf_reserve(buf *b, size_t n)
{
	if (b->failed)
		return -1;
	if (n > SIZE_MAX - b->len - 1 || (b->max && b->len + n > b->max)) {
		b->failed = 1;
		return -1;
	}
	size_t need = b->len + n + 1;
	if (need <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	unsigned char *p = xrealloc(b->data, cap);
	if (!p) {
		b->failed = 1;
		return -1;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

void buf_put(buf *b, const void *p, size_t n)
{
	if (n == 0 || buf_reserve(b, n) < 0)
		return;
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

void buf_puts(buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void buf_putc(buf *b, int c)
{
	unsigned char ch = (unsigned char)c;
	buf_put(b, &ch, 1);
}

void buf_printf(buf *b, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n > 0 && buf_reserve(b, (size_t)n) == 0) {
		vsnprintf((char *)b->data + b->len, (size_t)n + 1, fmt, ap2);
		b->len += (size_t)n;
	}
	va_end(ap2);
}

char *buf_cstr(buf *b)
{
	if (buf_reserve(b, 0) < 0)
		return NULL;
	b->data[b->len] = '\0';
	return (char *)b->data;
}
