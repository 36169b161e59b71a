/* hyph.h: Norwegian hyphenation for the PDF line breaker.
 *
 * Wraps libhyphen with the Bokmål patterns (hyph_nb_NO.dic, ISO-8859-1,
 * lower case) and adds a compound-joint ranking, so that a narrow column gets
 * "spesialist-helsetjenesten" rather than "spesia-listhelsetjenesten".  The
 * default patterns are compiled into the binary as libhyphen's ready state
 * machine (hyphpat.h); a file named by path is loaded once per process.
 * Either is only read afterwards, so one hyph may serve several threads. */
#ifndef HYPH_H
#define HYPH_H

#include <stddef.h>

#include "base/diag.h"
#include "base/sr.h"

typedef struct hyph hyph;

/* A place where a word may be broken with a hyphen: the hyphen goes after
 * the first off bytes of the UTF-8 word.  rank 0 is an ordinary pattern
 * break; rank 1 is a likely compound joint (preferred by the line breaker);
 * rank -1 a pattern break fewer than five letters before a joint
 * ("spesia|list=helse"), which the line breaker takes only when nothing
 * else fits. */
typedef struct hyph_point {
	unsigned off;
	int rank;
} hyph_point;

enum { HYPH_MAX_POINTS = 64 };

/* Load patterns from path (NULL: the Debian Bokmål patterns, built in; the
 * file itself only when the build had none).  Caller owns *out:
 * hyph_close().  SR_SYSTEM with a message naming the file when it is missing. */
sr_status hyph_open(hyph **out, const char *path, diag *d);
void hyph_close(hyph *h);

/* The break points of the UTF-8 word w[0..len) (letters only; leading and
 * trailing punctuation is never split), in increasing order, at most max
 * (<= HYPH_MAX_POINTS).  Returns the count.  Never breaks inside a UTF-8
 * character, never leaves fewer than three letters on either side.
 * h may be NULL: then only the compound-joint heuristic applies. */
int hyph_points(const hyph *h, const char *w, size_t len, hyph_point *out, int max);

/* Write "word" with '-' at every break point into out (for tests and the
 * report's quality figures); joints are marked '=', discouraged breaks '~'.  out needs
 * 2*len+1 bytes.  Returns out. */
char *hyph_mark(const hyph *h, const char *w, size_t len, char *out);

#endif
