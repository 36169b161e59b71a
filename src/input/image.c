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

static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

static int is_jpeg(const unsigned char *p, size_t len)
{
	return len >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF;
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
	enum { MAX = 16 * 1024 * 1024 };
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

/* The chunks after a PNG's signature: whole, CRCs right, IHDR first, IEND
 * last. */
static int png_chunks_sound(FILE *fp)
{
	unsigned char len4[4], *chunk = NULL;
	int ok = 0, first = 1;
	for (;;) {
		if (fread(len4, 1, 4, fp) != 4)
			break;
		unsigned long n = be32(len4);
		if (n > (1u << 26))
			break;
		unsigned char *p = xrealloc(chunk, (size_t)n + 8);
		if (!p)
			break;
		chunk = p;
		if (fread(chunk, 1, (size_t)n + 8, fp) != (size_t)n + 8)
			break;
		/* the CRC covers the type and the data */
		if (crc32(crc32(0L, Z_NULL, 0), chunk, (uInt)n + 4) != be32(chunk + n + 4))
			break;
		if (first && memcmp(chunk, "IHDR", 4) != 0)
			break;
		first = 0;
		if (memcmp(chunk, "IEND", 4) == 0) {
			ok = 1;
			break;
		}
	}
	xfree(chunk);
	return ok;
}

int image_sniff_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return -1;
	unsigned char magic[8] = {0};
	size_t got = fread(magic, 1, sizeof magic, fp);
	int kind = 0;
	if (got == 8 && memcmp(magic, png, 8) == 0)
		kind = png_chunks_sound(fp) ? IMAGE_PNG : 0;
	else if (is_jpeg(magic, got))
		kind = IMAGE_JPEG;
	fclose(fp);
	return kind;
}
