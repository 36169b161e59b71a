/* diag.h: the one way problems reach the user.
 *
 * Modules add diagnostics with a source position; nothing below the CLI
 * prints.  The CLI prints them once, in input order, as
 * "FILE:LINE:COL: error: message".  A diag owns its messages (heap). */
#ifndef DIAG_H
#define DIAG_H

#include <stdio.h>

#include "sr.h"

typedef enum diag_level { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR } diag_level;

typedef struct diag_msg {
	diag_level level;
	char *file;  /* NULL: a message about no file in particular */
	int line, col;
	char *text;
	char *where; /* a place named in words ("Status!F14"), printed instead of LINE:COL */
	unsigned long seq;  /* emission order, for a stable sort */
} diag_msg;

typedef struct diag {
	diag_msg *msgs;
	size_t n, cap;
	int errors, warnings;
	int oom;  /* a message was lost for lack of memory */
	size_t limit;  /* stop storing after this many (0: 1000) */
} diag;

void diag_init(diag *d);
void diag_free(diag *d);

/* Add a message.  file may be NULL; line/col 0 leave them out. */
void diag_add(diag *d, diag_level level, const char *file, int line, int col,
	      const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void diag_at(diag *d, diag_level level, srcpos pos, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Move every message of from to the end of d (as if added there in their
 * order), leaving from empty but usable: how a worker thread's messages
 * join the caller's. */
void diag_take(diag *d, diag *from);

/* A message about a place that has no line and column but sorts like one:
 * a spreadsheet cell.  Printed as "FILE: WHERE: error: message"; sorted by
 * file, then row, then col (both 1-based), so a form's problems come in
 * reading order. */
void diag_place(diag *d, diag_level level, const char *file, const char *where, int row,
		int col, const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* Print every message, sorted by file then position (errors from one file
 * stay together, in reading order), then empty the list. */
void diag_print(diag *d, FILE *out);

#endif
