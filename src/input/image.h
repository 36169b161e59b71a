/* image.h: what a logo file is, read from its header alone: PNG or JPEG,
 * and its size in pixels.  Nothing is decoded; the backends embed the file
 * as it is.  Limits guard the backends from absurd images. */
#ifndef IMAGE_H
#define IMAGE_H

#include "base/buf.h"
#include "base/diag.h"
#include "base/sr.h"

enum { IMAGE_MAX_PIXELS = 10000 }; /* per side */

typedef enum image_type { IMAGE_PNG = 1, IMAGE_JPEG } image_type;

typedef struct image_info {
	image_type type;
	int width, height; /* pixels */
} image_info;

/* Probe data[0..len): SR_OK with *out filled, or SR_INVALID with a message
 * (at pos) saying in plain words what is wrong.  A PNG must also pass the
 * chunk checks image_sniff_file makes, so what passes here the PDF takes. */
sr_status image_probe(const unsigned char *data, size_t len, image_info *out, srcpos pos, diag *d);

/* The same for a file (read whole, at most 16 MB). */
sr_status image_probe_file(const char *path, image_info *out, srcpos pos, diag *d);

/* What the file at path (read whole, at most 16 MB) is by its content, not
 * its name: IMAGE_PNG, IMAGE_JPEG, 0 for neither, -1 when it cannot be
 * opened.  A PNG counts
 * only when its chunks are whole and their CRCs hold, IHDR first and IEND
 * last: libharu hands PNGs to libpng without an error jump, so a broken
 * file would abort the process.  (A crafted deflate stream with valid
 * CRCs would still reach libpng; logos come from the operator's template,
 * not from reporters.) */
int image_sniff_file(const char *path);

/* Read a whole image file into data (appended) and probe it. */
sr_status image_load(const char *path, buf *data, image_info *out, srcpos pos, diag *d);

#endif
