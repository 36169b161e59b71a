/* pdffont.h: embedded TrueType programs, compressed once per process.
 *
 * libharu subsets and deflates every embedded face again for each PDF it
 * writes; in a batch of per-owner reports that was a third of the time,
 * always for the same bytes.  This module fixes a face's program as soon as
 * the painter is done with it, deflates it once, and hands every later
 * document with the same program the deflated bytes.  It reaches into
 * libharu 2.3.0's documented-but-internal structures (hpdf_objects.h), the
 * way pdftag.c does; where they are not what it expects it leaves the face
 * to libharu, so the worst case is the old speed, never a broken file.
 * The deflated programs are also kept on disk ($XDG_CACHE_HOME/statusrapport)
 * for the next process; a file there is used only when it inflates to
 * exactly the program, so a damaged cache costs time, never correctness.
 *
 * Thread-safe: one cache per pdf_engine, shared by concurrent renders. */
#ifndef PDFFONT_H
#define PDFFONT_H

#include <hpdf.h>

typedef struct pdffont_cache pdffont_cache;

/* NULL when memory runs out. */
pdffont_cache *pdffont_cache_new(void);
void pdffont_cache_free(pdffont_cache *c);

/* Put every glyph of the single-byte encoding (CP1252) into f's subset, so
 * that the subset -- and so the embedded program -- is the same in every
 * document, whatever its text: that is what makes it cacheable.  Call
 * before or after painting; not for UTF-8 (CID) fonts. */
void pdffont_use_codepage(HPDF_Font f);

/* Let f's face read its glyphs from file (n bytes: the file libharu loaded
 * it from, mapped by fonts.c for the process) instead of from the file
 * itself: libharu seeks and reads the file for every glyph it embeds, a
 * tenth of a batch report's time.  Returns 0 when done or left as it was,
 * -1 when memory ran out. */
int pdffont_from_memory(HPDF_Font f, const unsigned char *file, size_t n);

/* Fix f's embedded program now (after the last text shown with it) and
 * give it the deflated bytes from c, deflating them on the first use.
 * Returns 0 when done or left to libharu, -1 when memory ran out. */
int pdffont_embed(pdffont_cache *c, HPDF_Font f);

#endif
