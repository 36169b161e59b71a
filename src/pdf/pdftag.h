/* pdftag.h: tagged PDF/A-2a for the PDF painter (issue 9).
 *
 * The painter (pdf.c) calls these hooks at a few points: when a page is
 * added, around each box it paints, after each link annotation, after each
 * font and image it loads, and once before saving.  This module turns them
 * into marked content (BDC/EMC with MCIDs, /Artifact BMC/EMC), a structure
 * tree built from the document tree in its order (Document, H1-H6, P,
 * L/LI/Lbl/LBody, Table/TR/TH/TD, TOC/TOCI, Link, Figure), the parent tree,
 * and the PDF/A-2a catalog entries: XMP metadata, the sRGB output intent,
 * MarkInfo, DisplayDocTitle, a deterministic /ID, ToUnicode maps for the
 * CP1252 fonts.  It never decides positions and never draws.
 *
 * It builds on libharu's exposed object headers (dictionaries, arrays,
 * streams, the catalog, the trailer); it does not patch libharu.
 *
 * A NULL pdftag (the document does not ask for PDF/A) is valid everywhere:
 * every hook then does nothing, so the painter calls them unconditionally.
 *
 * Ownership: pdftag_open allocates the side tables (freed by pdftag_free);
 * every PDF object it makes belongs to the HPDF_Doc and dies with it. */
#ifndef PDFTAG_H
#define PDFTAG_H

#include <hpdf.h>

#include "base/diag.h"
#include "doc/doc.h"
#include "layout.h"
#include "base/sr.h"

typedef struct pdftag pdftag;

/* The ICC profile embedded as the output intent (Debian: icc-profiles-free). */
#define PDFTAG_ICC_PATH "/usr/share/color/icc/sRGB.icc"

/* Start tagging the render of d (laid out as l) into pdf.  *out is NULL
 * when d->style.pdfa is off.  SR_SYSTEM when memory runs out. */
sr_status pdftag_open(pdftag **out, HPDF_Doc pdf, const doc *d, const layout *l, diag *dg);
void pdftag_free(pdftag *t);

/* Page p (0-based) was added as pg: gives it /StructParents. */
void pdftag_page(pdftag *t, int p, HPDF_Page pg);

/* Around the painting of box b on page p: opens a marked-content sequence
 * attached to b's structure element, or an artifact; pdftag_end closes it.
 * Every begin needs its end, with nothing else opened in between. */
void pdftag_begin(pdftag *t, int p, const layout_box *b);
void pdftag_end(pdftag *t, int p, const layout_box *b);

/* The link box b on page p became annotation a: a Link structure element
 * with an object reference, the print flag, /Contents. */
void pdftag_annot(pdftag *t, int p, const layout_box *b, HPDF_Annotation a);

/* A font the painter loaded; cp1252: it uses the CP1252 encoding, for
 * which libharu writes no /ToUnicode; else its UTF-8 (Type0) font, whose
 * libharu /ToUnicode maps to CIDs, not to Unicode.  Both get ours. */
void pdftag_font(pdftag *t, HPDF_Font f, int cp1252);

/* The same real /ToUnicode for a UTF-8 font of an untagged PDF, whose
 * libharu map readers reject: *map is made on the first call (start it
 * NULL) and shared by the document's fonts.  -1 when memory runs out. */
int pdftag_unicode_map(HPDF_Doc pdf, HPDF_Font f, HPDF_Dict *map);

/* The logo image: PDF/A forbids its soft mask (transparency). */
void pdftag_image(pdftag *t, HPDF_Image img, diag *dg);

/* Before saving: the structure tree, parent tree, catalog entries, XMP,
 * output intent, /ID and the header version.  SR_SYSTEM when the ICC
 * profile is missing or memory runs out, with a message in dg. */
sr_status pdftag_finish(pdftag *t, diag *dg);

#endif
