/* buf_has.h: whether a buffer holds a string -- how the unit tests look
 * for a PDF operator or name in a rendered file. */
#ifndef BUF_HAS_H
#define BUF_HAS_H

#include <string.h>

#include "base/buf.h"

static inline int buf_has(const buf *b, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i + n <= b->len; i++)
		if (memcmp(b->data + i, s, n) == 0)
			return 1;
	return 0;
}

#endif
