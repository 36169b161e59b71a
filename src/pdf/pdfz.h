/* pdfz.h: a libharu stream object's bytes deflated by us, now.
 *
 * libharu deflates every stream when it saves the file, at zlib's default
 * level, holding each page's content uncompressed until then.  Deflating a
 * page's content as soon as it is painted, at a faster level, halves that
 * cost and keeps a long report's pages small in memory; and bytes deflated
 * once can be handed to many documents (pdffont.c).  Reaches into libharu
 * 2.3.0's hpdf_objects.h like pdftag.c; a stream that is not what it
 * expects is left to libharu. */
#ifndef PDFZ_H
#define PDFZ_H

#include <hpdf.h>
#include <stddef.h>
#include <zlib.h>

/* The zlib level for page content: level 2 takes half the time of
 * libharu's 6 for 12 % more bytes (bench/RESULTS.md). */
#define PDFZ_CONTENT_LEVEL 2

/* One deflater for a document's streams, set up once: zlib's state is
 * ~270 KB, and a fresh one per page was a page fault per 4 KB of it.
 * Zero-initialise; pdfz_end frees it. */
typedef struct pdfz {
	z_stream zs;
	int level;             /* 0 until set up */
	unsigned char *out;
	size_t cap;
} pdfz;

/* Replace the content of d's stream by z (nz bytes, already deflated) and
 * mark it /FlateDecode.  Only for a stream libharu would deflate.  Returns
 * 0 when done, 1 when d was left as it was, -1 when memory ran out. */
int pdfz_replace(HPDF_Dict d, const unsigned char *z, size_t nz);

/* Deflate d's stream now at level (the same level on every call for one
 * pdfz).  Nothing may be written to the stream after this.  Returns as
 * pdfz_replace. */
int pdfz_deflate(pdfz *z, HPDF_Dict d, int level);
void pdfz_end(pdfz *z);

/* d's stream as it stands (uncompressed), in a buffer the caller frees with
 * xfree; NULL when d has none, it is not in memory, or memory ran out
 * (*oom set then). */
unsigned char *pdfz_bytes(HPDF_Dict d, size_t *n, int *oom);

/* Page p's content stream dictionary, or NULL. */
HPDF_Dict pdfz_page_contents(HPDF_Page p);

#endif
