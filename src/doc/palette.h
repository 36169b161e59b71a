/* palette.h: the colour science behind the status colours.
 *
 * A status is shown by its word, its symbol and its fill.  The fill is the
 * fastest of the three to read, so the house style asks of its six status
 * fills (and of the on-track and behind fills of an indicator) that any two
 * differ by CIEDE2000 >= 12 for normal vision and >= 8 for readers with
 * protanopia or deuteranopia, and that each text keeps a contrast of at
 * least 4.5:1 on its fill.  This file owns the arithmetic for those rules
 * and the check; it knows nothing of templates or of the words a user
 * reads (the callers word the problems).
 *
 * The science, each step as published:
 *   sRGB (IEC 61966-2-1) -> linear RGB -> CIE XYZ (D65) -> CIELAB;
 *   CIEDE2000 as in Sharma, Wu and Dalal, "The CIEDE2000 color-difference
 *   formula: implementation notes, supplementary test data, and
 *   mathematical observations", Color Res. Appl. 30 (2005);
 *   colour blindness as in Machado, Oliveira and Fernandes, "A
 *   physiologically-based model for simulation of color vision
 *   deficiency", IEEE TVCG 15 (2009): their matrices for protanopia and
 *   deuteranopia at severity 1.0, applied to linear RGB, then clamped;
 *   relative luminance and contrast ratio as in WCAG 2.
 * Pure functions; allocates nothing. */
#ifndef DOC_PALETTE_H
#define DOC_PALETTE_H

#include <stdint.h>

#include "style.h"

/* How a colour is seen. */
typedef enum palette_vision { PALETTE_NORMAL, PALETTE_PROTAN, PALETTE_DEUTAN } palette_vision;
enum { PALETTE_VISIONS = PALETTE_DEUTAN + 1 };

/* The rules (see above). */
#define PALETTE_MIN_DE 12.0
#define PALETTE_MIN_DE_CVD 8.0
#define PALETTE_MIN_CONTRAST 4.5

typedef struct palette_lab {
	double L, a, b;
} palette_lab;

/* 0xRRGGBB to linear RGB, each 0..1. */
void palette_linear(uint32_t rgb, double lin[3]);

/* Linear RGB as a reader with vision v sees it (clamped to 0..1). */
void palette_simulate(const double lin[3], palette_vision v, double out[3]);

/* Linear RGB (clamped to 0..1) to CIELAB, D65 white. */
palette_lab palette_lab_of_linear(const double lin[3]);

/* 0xRRGGBB as a reader with vision v sees it, in CIELAB. */
palette_lab palette_lab_of(uint32_t rgb, palette_vision v);

/* CIEDE2000 colour difference (kL = kC = kH = 1); symmetric. */
double palette_de2000(palette_lab x, palette_lab y);

/* The difference of two sRGB colours as a reader with vision v sees them. */
double palette_difference(uint32_t x, uint32_t y, palette_vision v);

/* WCAG 2 relative luminance, 0..1. */
double palette_luminance(uint32_t rgb);

/* WCAG 2 contrast ratio of two colours, 1..21, symmetric. */
double palette_contrast(uint32_t x, uint32_t y);

/* The fills the check compares: the status values 1..DOC_STATUSES-1, and
 * these two. */
enum { PALETTE_ON_TRACK = DOC_STATUSES, PALETTE_BEHIND, PALETTE_FILLS };

/* One broken rule. */
typedef struct palette_problem {
	int text;              /* 1: the text of fill a on it; 0: fills a and b alike */
	int a, b;              /* status values, PALETTE_ON_TRACK or PALETTE_BEHIND */
	palette_vision vision; /* for alike fills: the vision they fail worst */
	double value, need;    /* the difference or contrast found, the least allowed */
} palette_problem;

/* The palette's weakest figures: the least difference of two fills in
 * each vision and the least contrast of a text on its fill. */
typedef struct palette_figures {
	double de[PALETTE_VISIONS];
	double contrast;
} palette_figures;

/* Check s's status palette: every pair of status fills within one set
 * (1..DOC_STATUS_SET2-1, DOC_STATUS_SET2..DOC_STATUSES-1), and the
 * on-track/behind pair, each in every vision; each of their texts on its
 * fill.  Calls report (may be NULL) once per problem, pairs first, by
 * status value; a pair that fails in more than one vision is reported
 * once, for the vision it fails worst.  Fills figures when not NULL.
 * Returns the number of problems. */
int palette_check(const doc_style *s, void (*report)(void *ctx, const palette_problem *p),
		  void *ctx, palette_figures *figures);

#endif
