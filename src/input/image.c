/* image.c: PNG and JPEG header probing (see image.h). */
#include "image.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "base/xalloc.h"

static unsigned be16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }
static unsigned long be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

static sr_status bad(diag *d, srcpos pos, const char *why)
{
	diag_at(d, DIAG_ERROR, pos, "the logo %s", why);
	return SR_INVALID;
}

/* the largest logo file read */
enum { MAX = 16 * 1024 * 1024 };

static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

static int is_jpeg(const unsigned char *p, size_t len)
{
	return len >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF;
}

/* The chunks after the signature of the PNG p[0..len): whole, CRCs right,
 * IHDR first, IEND last.  What validate and the PDF both go by: a file
 * that breaks it fails the PDF, so it must fail validate -t too. */
static int png_chunks_sound(const unsigned char *p, size_t len)
{
	size_t i = 8;
	for (int first = 1;; first = 0) {
		if (len < i || len - i < 12)
			return 0;
		unsigned long n = be32(p + i);
		if (n > len - i - 12)
			return 0;
		const unsigned char *type = p + i + 4;
		/* the CRC covers the type and the data */
		if (crc32(crc32(0L, Z_NULL, 0), type, (uInt)n + 4) != be32(type + 4 + n))
			return 0;
		if (first && memcmp(type, "IHDR", 4) != 0)
			return 0;
		if (memcmp(type, "IEND", 4) == 0)
			return 1;
		i += (size_t)n + 12;
	}
}

sr_status image_probe(const unsigned char *p, size_t len, image_info *out, srcpos pos, diag *d)
{
	if (len >= 8 && memcmp(p, png, 8) == 0) {
		if (len < 33 || memcmp(p + 12, "IHDR", 4) != 0)
			return bad(d, pos, "is a truncated or damaged PNG file");
		out->type = IMAGE_PNG;
		unsigned long w = be32(p + 16), h = be32(p + 20);
		if (w == 0 || h == 0)
			return bad(d, pos, "is a damaged PNG file (zero size)");
		if (w > IMAGE_MAX_PIXELS || h > IMAGE_MAX_PIXELS)
			return bad(d, pos, "is too large (more than 10000 pixels wide or high); scale it down");
		/* libharu reads 8-bit non-interlaced PNGs; say so rather than fail later */
		if (p[24] != 8 || p[28] != 0)
			return bad(d, pos, "must be an 8-bit, non-interlaced PNG; save it again in that form");
		if (!png_chunks_sound(p, len))
			return bad(d, pos, "is a truncated or damaged PNG file");
		out->width = (int)w;
		out->height = (int)h;
		return SR_OK;
	}
	if (is_jpeg(p, len)) {
		out->type = IMAGE_JPEG;
		size_t i = 2;
		while (i + 4 <= len) {
			if (p[i] != 0xFF)
				return bad(d, pos, "is a damaged JPEG file");
			unsigned char m = p[i + 1];
			if (m == 0xFF) {
				i++;
				continue;
			}
			if (m == 0xD9 || m == 0xDA)
				break;
			unsigned seg = be16(p + i + 2);
			if (seg < 2)
				return bad(d, pos, "is a damaged JPEG file");
			/* SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) */
			if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
				if (i + 9 > len)
					break;
				if (m != 0xC0 && m != 0xC1 && m != 0xC2)
					return bad(d, pos, "uses a JPEG coding PDF readers may not show; save it as a baseline JPEG");
				unsigned h = be16(p + i + 5), w = be16(p + i + 7);
				if (!w || !h)
					return bad(d, pos, "is a damaged JPEG file (zero size)");
				if (w > IMAGE_MAX_PIXELS || h > IMAGE_MAX_PIXELS)
					return bad(d, pos, "is too large (more than 10000 pixels wide or high); scale it down");
				out->width = (int)w;
				out->height = (int)h;
				return SR_OK;
			}
			i += 2 + seg;
		}
		return bad(d, pos, "is a truncated or damaged JPEG file");
	}
	return bad(d, pos, "is not a PNG or JPEG image");
}

sr_status image_load(const char *path, buf *data, image_info *out, srcpos pos, diag *d)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_at(d, DIAG_ERROR, pos, "cannot open the logo %s: %s", path, strerror(errno));
		return SR_INVALID;
	}
	size_t start = data->len;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && data->len - start <= MAX)
		buf_put(data, chunk, n);
	int e = ferror(f);
	fclose(f);
	if (data->failed) {
		diag_at(d, DIAG_ERROR, pos, "out of memory reading the logo");
		return SR_SYSTEM;
	}
	if (e)
		return bad(d, pos, "cannot be read");
	if (data->len - start > MAX)
		return bad(d, pos, "file is larger than 16 MB");
	return image_probe(data->data + start, data->len - start, out, pos, d);
}

sr_status image_probe_file(const char *path, image_info *out, srcpos pos, diag *d)
{
	buf b = BUF_INIT;
	sr_status st = image_load(path, &b, out, pos, d);
	buf_free(&b);
	return st;
}

int image_sniff_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return -1;
	buf b = BUF_INIT;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0 && b.len <= MAX)
		buf_put(&b, chunk, n);
	fclose(fp);
	const unsigned char *p = b.data;
	int kind = 0;
	if (!b.failed && b.len >= 8 && memcmp(p, png, 8) == 0)
		kind = png_chunks_sound(p, b.len) ? IMAGE_PNG : 0;
	else if (!b.failed && is_jpeg(p, b.len))
		kind = IMAGE_JPEG;
	buf_free(&b);
	return kind;
}
