/* pdfz.c: a libharu stream object's bytes deflated by us (see pdfz.h). */
#include "pdfz.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <zlib.h>

#include "base/xalloc.h"

/* libharu drops any /Filter key of a stream dictionary whose filter is
 * NONE, then calls this to write the dictionary's last entries. */
static HPDF_STATUS flate_entry(HPDF_Dict d, HPDF_Stream s)
{
	(void)d;
	return HPDF_Stream_WriteStr(s, "/Filter /FlateDecode\012");
}

/* Whether d is a stream libharu would deflate and we may take over. */
static int ours(HPDF_Dict d)
{
	return d && d->stream && !d->write_fn && d->filter == HPDF_STREAM_FILTER_FLATE_DECODE &&
	       d->stream->type == HPDF_STREAM_MEMORY;
}

unsigned char *pdfz_bytes(HPDF_Dict d, size_t *n, int *oom)
{
	*n = 0, *oom = 0;
	if (!ours(d))
		return NULL;
	HPDF_UINT32 size = HPDF_Stream_Size(d->stream);
	if (size == 0)
		return NULL;
	unsigned char *raw = xmalloc(size);
	if (!raw) {
		*oom = 1;
		return NULL;
	}
	HPDF_UINT got = size;
	if (HPDF_Stream_Seek(d->stream, 0, HPDF_SEEK_SET) != HPDF_OK ||
	    HPDF_Stream_Read(d->stream, raw, &got) != HPDF_OK || got != size) {
		xfree(raw);
		return NULL;
	}
	*n = size;
	return raw;
}

int pdfz_replace(HPDF_Dict d, const unsigned char *z, size_t nz)
{
	if (!ours(d))
		return 1;
	HPDF_MemStream_FreeData(d->stream);
	/* in one block of its own size, not libharu's 4 KB blocks: a page's
	 * deflated content is ~2.7 KB, and a long report holds every page's
	 * until the save (50,000 measures: 53 MB of blocks for 38 MB) */
	HPDF_MemStreamAttr m = d->stream->attr;
	if (nz > 0)
		m->buf_siz = m->w_pos = (HPDF_UINT)nz;
	if (HPDF_Stream_Write(d->stream, z, (HPDF_UINT)nz) != HPDF_OK)
		return -1;
	d->filter = HPDF_STREAM_FILTER_NONE;
	d->write_fn = flate_entry;
	return 0;
}

/* zlib allocates through xalloc too, so the allocation-failure tests
 * reach it */
static voidpf z_alloc(voidpf op, uInt n, uInt sz)
{
	(void)op;
	return xcalloc(n, sz);
}

static void z_free(voidpf op, voidpf p)
{
	(void)op;
	xfree(p);
}

int pdfz_deflate(pdfz *z, HPDF_Dict d, int level)
{
	if (!ours(d) || HPDF_Stream_Size(d->stream) == 0)
		return 1;
	if (!z->level) {
		z->zs.zalloc = z_alloc, z->zs.zfree = z_free, z->zs.opaque = Z_NULL;
		if (deflateInit(&z->zs, level) != Z_OK)
			return -1;
		z->level = level;
	}
	else if (deflateReset(&z->zs) != Z_OK)
		return -1;
	size_t need = compressBound(HPDF_Stream_Size(d->stream));
	if (need > z->cap) {
		unsigned char *o = xrealloc(z->out, need);
		if (!o)
			return -1;
		z->out = o, z->cap = need;
	}
	z->zs.next_out = z->out;
	z->zs.avail_out = (uInt)z->cap;
	/* straight from libharu's buffers, no copy */
	HPDF_UINT nbuf = HPDF_MemStream_GetBufCount(d->stream);
	for (HPDF_UINT i = 0; i < nbuf; i++) {
		HPDF_UINT len = 0;
		HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(d->stream, i, &len);
		if (!p)
			return 1;
		z->zs.next_in = p;
		z->zs.avail_in = len;
		if (deflate(&z->zs, i + 1 == nbuf ? Z_FINISH : Z_NO_FLUSH) == Z_STREAM_ERROR)
			return -1;
	}
	if (nbuf == 0 || z->zs.avail_in != 0)
		return 1;
	return pdfz_replace(d, z->out, z->cap - z->zs.avail_out);
}

void pdfz_end(pdfz *z)
{
	if (z->level)
		deflateEnd(&z->zs);
	xfree(z->out);
	*z = (pdfz){0};
}

HPDF_Dict pdfz_page_contents(HPDF_Page p)
{
	if (!p || !p->attr)
		return NULL;
	HPDF_PageAttr a = (HPDF_PageAttr)p->attr;
	/* a page with one content stream, the one its operators go to */
	return a->contents && a->contents->stream == a->stream ? a->contents : NULL;
}
