/* utf8.c: the UTF-8 decoder (see utf8.h), after RFC 3629's table of
 * well-formed sequences. */
#include "utf8.h"

size_t utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char b = s[0];
	size_t n;
	uint32_t c, min;
	if (b < 0x80) {
		*cp = b;
		return 1;
	} else if (b >= 0xC2 && b <= 0xDF) {
		n = 2, c = b & 0x1F, min = 0x80;
	} else if (b >= 0xE0 && b <= 0xEF) {
		n = 3, c = b & 0x0F, min = 0x800;
	} else if (b >= 0xF0 && b <= 0xF4) {
		n = 4, c = b & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

int utf8_valid(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t c;
		size_t n = utf8_decode(s + i, len - i, &c);
		if (!n)
			return 0;
		i += n;
	}
	return 1;
}
