/* pdfenc.h: the single-byte encoding of the PDF's faces -- CP1252, with the
 * style's status symbols in the codes CP1252 leaves unused.
 *
 * A document whose text fits one byte a character is painted with
 * single-byte TrueType faces: their text is written straight into the
 * page (pdf.c), their programs are built once per process (pdffont.h),
 * and their widths are 224 numbers.  Anything else goes through libharu's
 * UTF-8 (CID) faces, whose making alone -- a width and a glyph looked up
 * for each of 65,536 code points, a 128 KB glyph map -- costs more than
 * painting the report.  Every report shows status symbols (□ ► ♦ ▲ ●),
 * none of them in CP1252; CP1252 has five codes with no character
 * (0x81, 0x8D, 0x8F, 0x90, 0x9D), and this module gives them the style's
 * symbols, so that the symbols do not cost the document its single-byte
 * faces.  Only the style's symbols, in the style's order: every report
 * of a batch gets the same encoding and so the same font programs.
 *
 * The codes are given in libharu's per-document CP1252 encoder (its
 * unicode_map, hpdf_encoder.h), so its widths, its subsets and its
 * /Differences follow; the names written there are the Adobe Glyph
 * List's, and "uniXXXX" for a symbol the list lacks (not in PDF/A). */
#ifndef PDFENC_H
#define PDFENC_H

#include <hpdf.h>

#include "doc/style.h"

#define PDFENC_SLOTS 5

typedef struct pdfenc {
	unsigned long extra[PDFENC_SLOTS]; /* the characters given a code */
	int n;
} pdfenc;

/* e for style st: its symbols' characters that CP1252 lacks.  listed_only
 * (PDF/A): only characters with a name in the Adobe Glyph List, as
 * PDF/A-2 (ISO 19005-2, 6.2.11.6) wants of every name in a non-symbolic
 * TrueType font's /Differences; elsewhere uniXXXX names the others.
 * Returns 0, or -1 when they do not fit in the free codes or lack a
 * name (e then holds none, and a document showing them takes the UTF-8
 * faces). */
int pdfenc_init(pdfenc *e, const doc_style *st, int listed_only);

/* c's byte in the encoding (NULL e: in CP1252 alone), or 0 when it has
 * none. */
int pdfenc_byte(const pdfenc *e, unsigned long c);

/* The character of CP1252's byte b (0x20..0xFF), or 0 for a hole. */
unsigned pdfenc_cp1252_char(int b);

/* Give e's characters their codes in pdf's CP1252 encoder, before any
 * font is made with it.  0 when done (or nothing to do); -1 when the
 * encoder is not what libharu 2.3.0 makes (the caller then shows the
 * symbols with UTF-8 faces) or libharu failed (its error is recorded). */
int pdfenc_apply(const pdfenc *e, HPDF_Doc pdf);

#endif
