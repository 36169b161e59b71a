/* hyphpat.h: libhyphen pattern files, expanded, and the dictionary compiled
 * into the binary (see hyphpat.c). */
#ifndef HYPHPAT_H
#define HYPHPAT_H

#include <hyphen.h>

/* The patterns at path as a libhyphen dictionary, run through libhyphen's
 * substring expansion in memory first when the file allows it (else loaded
 * as it is).  NULL when the file cannot be read.  Caller owns the result:
 * hnj_hyphen_free(). */
HyphenDict *hyphpat_load(const char *path);

/* One level of libhyphen's state machine as the build wrote it
 * (scripts/hyph-image.c -> build/gen/hyph_image.c): pointer-free, so it sits
 * in read-only data with no load-time relocation and is shared by every
 * process running the binary.  Offsets are -1 for NULL. */
typedef struct hyphpat_state {
	int match, repl;           /* into pool */
	signed char replindex, replcut;
	int fallback_state, num_trans;
	int trans;                 /* into trans */
} hyphpat_state;

typedef struct hyphpat_level {
	char lhmin, rhmin, clhmin, crhmin;
	int nohyphen, nohyphenl;   /* nohyphen: into pool */
	int num_states, utf8;
	char cset[MAX_NAME];
	const char *pool;
	const HyphenTrans *trans;
	const hyphpat_state *states;
} hyphpat_level;

/* The Bokmål patterns as compiled in: levels[0] is the top level, each
 * next one its nextlevel.  hyph_image_nlevels is 0 when the build had no
 * pattern file. */
extern const hyphpat_level hyph_image_levels[];
extern const int hyph_image_nlevels;

/* libhyphen's dictionary for the compiled-in levels: the states are built
 * in one populated mapping (~2 ms); the strings and transitions point into
 * the image's read-only data, which libhyphen's matcher only reads.  NULL when there is
 * no image or on out of memory.  Free with hyphpat_image_free, never with
 * hnj_hyphen_free. */
HyphenDict *hyphpat_image(void);
void hyphpat_image_free(HyphenDict *d);

#endif
