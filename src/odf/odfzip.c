/* odfzip.c: the in-memory, deterministic OpenDocument zip (see odfzip.h).
 * Moved unchanged from odt.c so the ODS writer shares it; only the media
 * type, the part list and the message's package name became parameters.
 * Owns the libzip archive while building; touches no file. */
#include "odfzip.h"

#include <string.h>

#include <zip.h>
#include <zlib.h>

#include "base/xalloc.h"

/* created as a DOS date and time, in UTC so the bytes do not depend on
 * the machine's time zone (zip_file_set_mtime would use localtime). */
static void dos_time(time_t t, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
	struct tm tm;
	if (!gmtime_r(&t, &tm) || tm.tm_year < 80) {
		memset(&tm, 0, sizeof tm);
		tm.tm_year = 80, tm.tm_mday = 1;
	}
	if (tm.tm_year > 207)
		tm.tm_year = 207, tm.tm_mon = 11, tm.tm_mday = 31, tm.tm_hour = 23,
		tm.tm_min = 59, tm.tm_sec = 58;
	*dtime = (zip_uint16_t)((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
	*ddate = (zip_uint16_t)(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
}

/* The level of every deflated part.  Level 3, not libzip's default 9: on
 * our repetitive XML 9 costs 60 % more time than 6 for 5 % less size, and
 * 6 a third more than 3 for 11-22 % less (the sample's ODT: 82 -> 71 M
 * instructions, 39.6 -> 44.5 KB; bench/RESULTS.md).  Reports are small;
 * their time is what a batch of a thousand of them costs. */
enum { LEVEL = 3 };

int odfzip_deflate(odfzip_deflated *p, buf *in, int finish)
{
	if (p->ended) /* a finished part stays as it is */
		return -1;
	if (p->failed || in->failed)
		goto fail;
	/* raw deflate with libzip's own window and memory level */
	if (!p->started) {
		if (deflateInit2(&p->zs, LEVEL, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY) != Z_OK)
			goto fail;
		p->started = 1;
		p->crc = (uint32_t)crc32(0, Z_NULL, 0);
	}
	size_t at = 0;
	do {
		/* zlib counts in uInt: at most 1 GB at a time */
		size_t chunk = in->len - at < (size_t)1 << 30 ? in->len - at : (size_t)1 << 30;
		int flush = finish && at + chunk == in->len ? Z_FINISH : Z_NO_FLUSH;
		if (chunk) /* crc32 of no buffer is its start value, not a no-op */
			p->crc = (uint32_t)crc32(p->crc, in->data + at, (uInt)chunk);
		p->zs.next_in = chunk ? in->data + at : Z_NULL;
		p->zs.avail_in = (uInt)chunk;
		int rc;
		do {
			if (buf_reserve(&p->z, (size_t)64 * 1024) < 0)
				goto fail;
			size_t room = p->z.cap - p->z.len - 1;
			if (room > (size_t)1 << 30)
				room = (size_t)1 << 30;
			p->zs.next_out = p->z.data + p->z.len;
			p->zs.avail_out = (uInt)room;
			rc = deflate(&p->zs, flush);
			if (rc == Z_STREAM_ERROR)
				goto fail;
			p->z.len += room - p->zs.avail_out;
		} while (flush == Z_FINISH ? rc != Z_STREAM_END
					   : p->zs.avail_in > 0 || p->zs.avail_out == 0);
		at += chunk;
	} while (at < in->len);
	p->size += in->len;
	in->len = 0;
	if (finish) {
		deflateEnd(&p->zs);
		p->started = 0;
		p->ended = 1;
	}
	return 0;
fail:
	p->failed = 1;
	return -1;
}

void odfzip_deflate_some(odfzip_deflated *p, buf *in)
{
	if (in->len >= (size_t)1 << 20 && odfzip_deflate(p, in, 0) < 0)
		in->failed = 1;
}

void odfzip_deflated_free(odfzip_deflated *p)
{
	if (p->started)
		deflateEnd(&p->zs);
	buf_free(&p->z);
	memset(p, 0, sizeof *p);
}

/* A deflated part as libzip reads it: stat says deflated, with its size
 * and CRC, so libzip copies the bytes instead of deflating them again. */
typedef struct reader {
	const odfzip_deflated *p;
	size_t pos;
} reader;

static zip_int64_t deflated_cb(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	reader *a = ud;
	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		a->pos = 0;
		return 0;
	case ZIP_SOURCE_READ: {
		size_t n = a->p->z.len - a->pos;
		if (n > len)
			n = (size_t)len;
		memcpy(data, a->p->z.data + a->pos, n);
		a->pos += n;
		return (zip_int64_t)n;
	}
	case ZIP_SOURCE_CLOSE:
		return 0;
	case ZIP_SOURCE_STAT: {
		zip_stat_t *st = data;
		if (len < sizeof *st)
			return -1;
		zip_stat_init(st);
		st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
		st->size = a->p->size;
		st->comp_size = a->p->z.len;
		st->comp_method = ZIP_CM_DEFLATE;
		st->crc = a->p->crc;
		return sizeof *st;
	}
	case ZIP_SOURCE_ERROR: {
		/* never fails: reading memory */
		int *e = data;
		if (len < 2 * sizeof *e)
			return -1;
		e[0] = ZIP_ER_INTERNAL, e[1] = 0;
		return 2 * sizeof *e;
	}
	case ZIP_SOURCE_FREE:
		return 0;
	case ZIP_SOURCE_SUPPORTS:
		return ZIP_SOURCE_SUPPORTS_READABLE;
	default:
		return -1;
	}
}

/* Add one entry from memory (data, or z with at, must live until
 * zip_close).  Returns 0 or -1 with the reason left in za's error. */
static int add_entry(zip_t *za, const char *name, const void *data, size_t len,
		     const odfzip_deflated *z, reader *at, int store, time_t created)
{
	zip_source_t *s = z ? zip_source_function(za, deflated_cb, at)
			    : zip_source_buffer(za, data, len, 0);
	if (!s)
		return -1;
	zip_int64_t i = zip_file_add(za, name, s, ZIP_FL_ENC_UTF_8);
	if (i < 0) {
		zip_source_free(s);
		return -1;
	}
	zip_uint16_t dt, dd;
	dos_time(created, &dt, &dd);
	zip_uint64_t u = (zip_uint64_t)i;
	if (zip_set_file_compression(za, u, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, LEVEL) < 0 ||
	    zip_file_set_dostime(za, u, dt, dd, 0) < 0 ||
	    zip_file_extra_field_delete(za, u, ZIP_EXTRA_FIELD_ALL, ZIP_FL_LOCAL | ZIP_FL_CENTRAL) < 0)
		return -1;
	return 0;
}

sr_status odfzip_build(const char *media_type, const odfzip_part *parts, size_t n,
		       time_t created, const char *what, buf *out, diag *d)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_t *za = NULL;
	sr_status st = SR_SYSTEM;
	const char *why = NULL;
	/* each deflated part's reader, alive until zip_close */
	reader *ats = NULL;

	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (!src)
		goto fail_ze;
	za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	if (!za) {
		zip_source_free(src);
		src = NULL;
		goto fail_ze;
	}
	/* Keep the source alive past zip_close: the archive is read from it. */
	zip_source_keep(src);

	/* mimetype first, stored, from a buffer of known size (a source of
	 * unknown size would get a Zip64 extra field). */
	if (media_type &&
	    add_entry(za, "mimetype", media_type, strlen(media_type), NULL, NULL, 1, created) < 0)
		goto fail_za;
	ats = xcalloc(n + 1, sizeof *ats);
	if (!ats) {
		why = "out of memory";
		goto fail;
	}
	for (size_t i = 0; i < n; i++) {
		const odfzip_deflated *z = parts[i].z;
		if (z && (!z->ended || z->failed)) {
			why = "a part was not deflated whole";
			goto fail;
		}
		ats[i].p = z;
		if (add_entry(za, parts[i].name, z ? NULL : parts[i].data->data,
			      z ? 0 : parts[i].data->len, z, &ats[i], 0, created) < 0)
			goto fail_za;
	}
	if (zip_close(za) < 0)
		goto fail_za;
	za = NULL;

	if (zip_source_open(src) < 0)
		goto fail_src;
	zip_stat_t sb;
	zip_stat_init(&sb);
	if (zip_source_stat(src, &sb) < 0 || !(sb.valid & ZIP_STAT_SIZE)) {
		zip_source_close(src);
		goto fail_src;
	}
	if (buf_reserve(out, (size_t)sb.size) < 0) {
		zip_source_close(src);
		why = "out of memory";
		goto fail;
	}
	zip_int64_t got = zip_source_read(src, out->data + out->len, sb.size);
	zip_source_close(src);
	if (got < 0 || (zip_uint64_t)got != sb.size)
		goto fail_src;
	out->len += (size_t)got;
	st = SR_OK;
	goto done;

fail_ze:
	why = zip_error_strerror(&ze);
	goto fail;
fail_za:
	why = zip_error_strerror(zip_get_error(za));
	goto fail;
fail_src:
	why = zip_error_strerror(zip_source_error(src));
fail:
	diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot build %s: %s", what,
		 why ? why : "zip error");
done:
	/* why may point into za's error: free only after the message is made. */
	if (za)
		zip_discard(za);
	if (src)
		zip_source_free(src);
	zip_error_fini(&ze);
	xfree(ats);
	return st;
}
