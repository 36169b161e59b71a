/* fonts.h: finding font families through fontconfig and measuring text.
 *
 * A fonts set is the engine's font cache: families are resolved on first use
 * (under a mutex, so renders in several threads may share it), each face's
 * TrueType file parsed once for its advance widths and vertical metrics.
 * Measuring needs no libharu document and is read-only, so it is safe from
 * any thread once a face has been handed out.  Loading a face into a PDF is
 * the painter's job (pdf.c) through the path kept here. */
#ifndef FONTS_H
#define FONTS_H

#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "base/sr.h"

typedef enum font_style {
	FONT_REGULAR,
	FONT_BOLD,
	FONT_ITALIC,
	FONT_BOLD_ITALIC,
	FONT_NSTYLES
} font_style;

typedef struct font_face {
	char *path;          /* the TrueType file (owned) */
	char *family;        /* as fontconfig names it (owned) */
	font_style style;
	double units;        /* units per em */
	double ascent;       /* in em, positive */
	double descent;      /* in em, positive (below the baseline) */
	/* Advance per BMP code point in font units, by blocks of 256: the
	 * face's own block where its cmap reaches that block, else one block
	 * of its default advance -- a dozen blocks, not a 128 KB table per
	 * face to fill. */
	const uint16_t *adv[256];
	uint16_t *advmem;    /* the blocks (owned) */
	uint8_t *has;        /* bitmap: code point has a glyph (owned) */
	const unsigned char *file; /* the file, mapped read-only for the
				    * process: the PDF writer embeds from it */
	size_t filelen;
	/* The file's identity when it was mapped (device, inode, size,
	 * modification and change times hashed): what the PDF writer's
	 * cache of embedded programs is keyed by (pdffont.h). */
	uint64_t stamp;
} font_face;

typedef struct font_family {
	char *name;          /* as asked for (owned) */
	font_face face[FONT_NSTYLES];
	struct font_family *next;
} font_family;

typedef struct fonts fonts;

/* A font cache searching the folders in dirs (NULL-terminated, may be NULL;
 * copied, relative ones taken from the working folder now) before the
 * system's fonts.  fontconfig's configuration is not loaded here but by
 * the first lookup that needs it.  Caller owns *out: fonts_close().  SR_SYSTEM only when
 * memory runs out. */
sr_status fonts_open(fonts **out, const char *const *dirs, diag *d);
void fonts_close(fonts *f);

/* The four faces of family, resolved and parsed on first call (thread-safe).
 * The answer is taken from the user's cache folder (fontlookup.h) when an
 * entry for the same family, folders, fontconfig version and environment
 * is there and every file and folder fontconfig's answer depends on is as
 * it was; else fontconfig is asked (its configuration loaded first if need
 * be) and the entry written.  The cache never fails a lookup nor says anything.  SR_SYSTEM
 * with a message naming the family when fontconfig has no such family
 * (fontconfig would silently substitute another; we refuse) or its file is
 * not a usable TrueType font, or when fontconfig has no configuration.  The
 * result lives as long as f. */
sr_status fonts_family(fonts *f, const char *family, const font_family **out, diag *d);

/* Width in points of the UTF-8 text s[0..len) at size pt.  Whole characters
 * only; a character the font lacks measures as the font's default advance. */
double font_width(const font_face *ff, const char *s, size_t len, double size);

/* Whether the face has a glyph for code point c. */
int font_has(const font_face *ff, unsigned long c);

/* Decode one UTF-8 character (malformed bytes give U+FFFD, length 1). */
unsigned long font_utf8(const char *s, size_t n, int *adv);

#endif
