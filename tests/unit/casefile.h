/* casefile.h: reading the text files of test cases beside the unit tests
 * (tests/unit/breaks.txt, tests/unit/hyph.txt), so that a case is a row in
 * a file rather than a C function, and a failure names the file and line.
 *
 * A line is split into fields at white space; a field may be quoted
 * ("a b", "" for the empty string) and then knows the escapes \" \\ and
 * \uXXXX (a character by its four hex digits, written as UTF-8).  A '#'
 * outside quotes at the start of a field ends the line: comments.
 * Header-only (static functions), for the test programs alone. */
#ifndef CASEFILE_H
#define CASEFILE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The repository, compiled in by the Makefile; tests/run's SR_TOP wins, so
 * a build moved elsewhere still finds the files of the tree under test. */
#ifndef SR_TOP_DIR
#define SR_TOP_DIR "."
#endif

/* Open tests/unit/NAME for reading; writes the full path into path (for
 * messages).  NULL, with a message on stderr, when it cannot be opened. */
static FILE *casefile_open(const char *name, char *path, size_t pathsize)
{
	const char *top = getenv("SR_TOP");
	snprintf(path, pathsize, "%s/tests/unit/%s", top && *top ? top : SR_TOP_DIR, name);
	FILE *f = fopen(path, "r");
	if (!f)
		fprintf(stderr, "cannot open %s (set SR_TOP to the repository)\n", path);
	return f;
}

static int casefile_hex(int c)
{
	return c >= '0' && c <= '9' ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
				      : -1;
}

/* Split line (changed in place: fields are decoded and NUL-terminated
 * inside it) into at most max fields; quoted[i], when quoted is not NULL,
 * says whether field i was written in quotes (so "50" can be text and 50 a
 * number).  Returns the count, or -1 with *why set for an unclosed quote, a
 * bad escape or too many fields.  An escape never writes more bytes than it
 * reads, so decoding in place is safe. */
static int casefile_fields(char *line, char **field, int *quoted, int max, const char **why)
{
	int n = 0;
	char *p = line;
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p == 0 || *p == '#')
			return n;
		if (n == max) {
			*why = "too many fields";
			return -1;
		}
		if (quoted)
			quoted[n] = *p == '"';
		if (*p != '"') {
			field[n++] = p;
			while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
				p++;
			if (*p)
				*p++ = 0;
			continue;
		}
		char *out = ++p;
		field[n++] = out;
		for (;;) {
			if (*p == 0 || *p == '\n') {
				*why = "unclosed quote";
				return -1;
			}
			if (*p == '"') {
				p++;
				break;
			}
			if (*p != '\\') {
				*out++ = *p++;
				continue;
			}
			p++;
			if (*p == '"' || *p == '\\') {
				*out++ = *p++;
				continue;
			}
			unsigned u = 0;
			int ok = *p == 'u';
			for (int i = 1; ok && i <= 4; i++) {
				int h = casefile_hex((unsigned char)p[i]);
				ok = h >= 0;
				u = u * 16 + (unsigned)h;
			}
			/* six bytes read; at most three written (the BMP) */
			if (!ok || (u >= 0xD800 && u <= 0xDFFF) || u == 0) {
				*why = "bad escape (\\\", \\\\ or \\uXXXX)";
				return -1;
			}
			p += 5;
			if (u < 0x80) {
				*out++ = (char)u;
			} else if (u < 0x800) {
				*out++ = (char)(0xC0 | u >> 6);
				*out++ = (char)(0x80 | (u & 0x3F));
			} else {
				*out++ = (char)(0xE0 | u >> 12);
				*out++ = (char)(0x80 | (u >> 6 & 0x3F));
				*out++ = (char)(0x80 | (u & 0x3F));
			}
		}
		if (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
			*why = "text right after a closing quote";
			return -1;
		}
		*out = 0;
	}
}

#endif
