/* sr.h: what every module of statusrapport shares: status codes, source
 * positions and the library version.  Nothing here allocates. */
#ifndef SR_H
#define SR_H

#include <stddef.h>

#define SR_VERSION "0.1.0"

/* One status convention for the whole library.  The numeric values are the
 * process exit codes the CLI returns, so a status travels unchanged from the
 * module that found the problem to exit(). */
typedef enum sr_status {
	SR_OK = 0,      /* done */
	SR_INVALID = 1, /* the input (plan, status file, template) is wrong */
	SR_USAGE = 2,   /* the command line is wrong */
	SR_SYSTEM = 3,  /* output, memory or another system resource failed */
	SR_PENDING = 4  /* collect: all is well, but some answers are still missing */
} sr_status;

/* Where something came from in an input file.  file points at a string that
 * outlives every model and document built from it (owned by the arena of
 * the plan).  line and col are 1-based; 0 means "not from an input". */
typedef struct srcpos {
	const char *file;
	int line;
	int col;
} srcpos;

/* The worse of two statuses (SYSTEM > INVALID > USAGE > PENDING > OK; the
 * exit codes are not in that order, so the order is explicit). */
static inline sr_status sr_worse(sr_status a, sr_status b)
{
	static const int rank[] = {0, 3, 2, 4, 1};
	return rank[b] > rank[a] ? b : a;
}

#endif
