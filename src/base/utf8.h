/* utf8.h: the one UTF-8 decoder, for the XML writer's cleaning, the CSV
 * reader's check and the fonts' code points.  Pure functions; no state. */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode the sequence at s[0..len), len >= 1: its length (1-4) with the
 * code point in *cp, or 0 when it is not well-formed UTF-8 (a stray or
 * missing continuation byte, an overlong form, a surrogate, beyond
 * U+10FFFF, or cut off by len); then skip one byte. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* 1 when all of s[0..len) is well-formed UTF-8, else 0. */
int utf8_valid(const char *s, size_t len);

#endif
