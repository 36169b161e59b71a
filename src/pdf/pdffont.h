/* pdffont.h: embedded TrueType programs, built and compressed once.
 *
 * libharu subsets and deflates every embedded face again for each PDF it
 * writes; in a batch of per-owner reports that was a third of the time,
 * always for the same bytes, and in a one-report run libharu's subsetting
 * alone (it copies the face four bytes at a time) was a tenth.  This module
 * names each program by what it is made of -- the face's file, the subset's
 * tag and glyphs, the libraries' versions -- builds and deflates it on the
 * first use, and hands every later document with the same name the deflated
 * bytes without libharu building it again.  It reaches into libharu 2.3.0's
 * documented-but-internal structures (hpdf_objects.h), the way pdftag.c
 * does; where they are not what it expects it leaves the face to libharu,
 * so the worst case is the old speed, never a broken file.  The programs
 * are also kept on disk ($XDG_CACHE_HOME/statusrapport) for the next
 * process; a file there is used only when it is whole and has the name's
 * key inside, so a damaged cache costs time, never correctness.
 *
 * Thread-safe: one cache per pdf_engine, shared by concurrent renders. */
#ifndef PDFFONT_H
#define PDFFONT_H

#include <hpdf.h>
#include <stdint.h>

typedef struct pdffont_cache pdffont_cache;

/* NULL when memory runs out. */
pdffont_cache *pdffont_cache_new(void);
void pdffont_cache_free(pdffont_cache *c);

/* Put every glyph of the single-byte encoding (CP1252, and the symbols
 * pdfenc.h gave its unused codes) into f's subset, so
 * that the subset -- and so the embedded program -- is the same in every
 * document, whatever its text: that is what makes it cacheable.  Call
 * before or after painting; not for UTF-8 (CID) fonts. */
void pdffont_use_codepage(HPDF_Font f);

/* Load a TrueType face for embedding into pdf from file (n bytes, the
 * face file fonts.c keeps in memory for the process; it must outlive pdf),
 * as HPDF_LoadTTFontFromFile does from the file: the same definition, the
 * same subset tag in the same sequence, so the same PDF.  libharu 2.3.0
 * parses a file stream 2 and 4 bytes at a time through fread, 2.2 M
 * instructions a face; from memory it is a third of that, and its later
 * reads of glyphs for the subset are memory reads too.  Returns the
 * face's name for HPDF_GetFont; NULL when libharu cannot read the face
 * (its error handler has been called) or, with no error raised, when our
 * memory ran out. */
const char *pdffont_load(HPDF_Doc pdf, const unsigned char *file, size_t n);

/* Fix f's embedded program now (after the last text shown with it): from
 * c (or the disk) when a program of the same make is there, else built by
 * libharu, deflated and kept.  stamp identifies the face's file as
 * fonts.c mapped it (font_face.stamp).  Returns 0 when done or left to
 * libharu, -1 when memory ran out. */
int pdffont_embed(pdffont_cache *c, HPDF_Font f, uint64_t stamp);

#endif
