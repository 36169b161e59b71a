/* pdfenc.c: CP1252 and the style's symbols (see pdfenc.h for why).
 *
 * Reaches into libharu 2.3.0's basic encoder (hpdf_encoder.h) the way
 * pdffont.c reaches into its fonts: it checks the encoder is the one it
 * knows before changing it, and changes only one document's copy. */
#include "pdfenc.h"

#include <hpdf_encoder.h>
#include <stdio.h>
#include <string.h>

#include "fonts.h"

/* CP1252's 0x80..0x9F; 0 where the code page has a hole. */
static const unsigned short cp1252_hi[32] = {
	0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
	0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/* The holes, in the order the symbols take them. */
static const unsigned char slot[PDFENC_SLOTS] = {0x81, 0x8D, 0x8F, 0x90, 0x9D};

static int cp1252(unsigned long c)
{
	if (c < 0x80 || (c >= 0xA0 && c <= 0xFF))
		return (int)c;
	for (int i = 0; i < 32; i++)
		if (cp1252_hi[i] && cp1252_hi[i] == c)
			return 0x80 + i;
	return 0;
}

unsigned pdfenc_cp1252_char(int b)
{
	return b >= 0x80 && b < 0xA0 ? cp1252_hi[b - 0x80] : (unsigned)b;
}

int pdfenc_byte(const pdfenc *e, unsigned long c)
{
	int b = cp1252(c);
	for (int i = 0; !b && e && i < e->n; i++)
		if (e->extra[i] == c)
			b = slot[i];
	return b;
}

/* Names of the Adobe Glyph List (2.0) that libharu 2.3.0's older list
 * lacks, for shapes a status symbol is likely to be. */
static const struct {
	HPDF_UNICODE u;
	const char *name;
} more_names[] = {
	{0x25D0, "circlewithlefthalfblack"},
	{0x25D1, "circlewithrighthalfblack"},
};

/* u's name in the Adobe Glyph List, or NULL when it has none there. */
static const char *listed_name(HPDF_UNICODE u)
{
	const char *name = HPDF_UnicodeToGryphName(u);
	if (u && strcmp(name, ".notdef") != 0)
		return name;
	for (size_t i = 0; i < sizeof more_names / sizeof *more_names; i++)
		if (more_names[i].u == u)
			return more_names[i].name;
	return NULL;
}

int pdfenc_init(pdfenc *e, const doc_style *st, int listed_only)
{
	e->n = 0;
	for (int s = 0; s < DOC_STATUSES; s++) {
		const char *sym = st->status_symbol[s];
		size_t len = sym ? strlen(sym) : 0;
		for (size_t k = 0; k < len;) {
			int adv;
			unsigned long c = font_utf8(sym + k, len - k, &adv);
			k += (size_t)adv;
			/* a surrogate or beyond the BMP has no uniXXXX name */
			if (pdfenc_byte(e, c) || c < 0x20)
				continue;
			if (e->n == PDFENC_SLOTS || c > 0xFFFF || (c >= 0xD800 && c < 0xE000) ||
			    (listed_only && !listed_name((HPDF_UNICODE)c))) {
				e->n = 0;
				return -1;
			}
			e->extra[e->n++] = c;
		}
	}
	return 0;
}

/* The encoder's /Encoding as libharu writes it (HPDF_BasicEncoder_Write),
 * but for a name its glyph list lacks: there it writes .notdef, which
 * would show the symbol as nothing, and this writes the Adobe Glyph List's
 * name, or else uniXXXX. */
static HPDF_STATUS write_encoding(HPDF_Encoder enc, HPDF_Stream out)
{
	HPDF_BasicEncoderAttr a = enc->attr;
	HPDF_STATUS ret = HPDF_Stream_WriteStr(out, "/Encoding <<\012/Type /Encoding\012/BaseEncoding ");
	if (ret == HPDF_OK)
		ret = HPDF_Stream_WriteEscapeName(out, a->base_encoding);
	if (ret == HPDF_OK)
		ret = HPDF_Stream_WriteStr(out, "\012/Differences [");
	for (int i = a->first_char; i <= a->last_char && ret == HPDF_OK; i++) {
		if (a->differences[i] != 1)
			continue;
		HPDF_UNICODE u = a->unicode_map[i];
		const char *name = listed_name(u);
		char tmp[64];
		if (name || !u)
			snprintf(tmp, sizeof tmp, "%d /%s ", i, name ? name : ".notdef");
		else
			snprintf(tmp, sizeof tmp, "%d /uni%04X ", i, (unsigned)u);
		ret = HPDF_Stream_WriteStr(out, tmp);
	}
	return ret == HPDF_OK ? HPDF_Stream_WriteStr(out, "]\012>>\012") : ret;
}

int pdfenc_apply(const pdfenc *e, HPDF_Doc pdf)
{
	if (!e->n)
		return 0;
	HPDF_Encoder enc = HPDF_GetEncoder(pdf, "CP1252");
	if (!enc)
		return -1;
	HPDF_BasicEncoderAttr a = enc->attr;
	int ok = enc->type == HPDF_ENCODER_TYPE_SINGLE_BYTE &&
		 enc->write_fn == HPDF_BasicEncoder_Write && a && a->first_char <= slot[0] &&
		 a->last_char >= slot[PDFENC_SLOTS - 1];
	for (int i = 0; ok && i < e->n; i++)
		ok = a->unicode_map[slot[i]] == 0;
	if (!ok)
		return -1;
	for (int i = 0; i < e->n; i++) {
		a->unicode_map[slot[i]] = (HPDF_UNICODE)e->extra[i];
		a->differences[slot[i]] = 1;
	}
	a->has_differences = HPDF_TRUE;
	enc->write_fn = write_encoding;
	return 0;
}
