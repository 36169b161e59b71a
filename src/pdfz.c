/* pdfz.c: a libharu stream object's bytes deflated by us (see pdfz.h). */
#include "pdfz.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <zlib.h>

#include "xalloc.h"

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
	if (HPDF_Stream_Write(d->stream, z, (HPDF_UINT)nz) != HPDF_OK)
		return -1;
	d->filter = HPDF_STREAM_FILTER_NONE;
	d->write_fn = flate_entry;
	return 0;
}

int pdfz_deflate(HPDF_Dict d, int level)
{
	size_t n;
	int oom;
	unsigned char *raw = pdfz_bytes(d, &n, &oom);
	if (!raw)
		return oom ? -1 : 1;
	uLongf nz = compressBound((uLong)n);
	unsigned char *z = xmalloc(nz);
	int ret = -1;
	if (z && compress2(z, &nz, raw, (uLong)n, level) == Z_OK)
		ret = pdfz_replace(d, z, nz);
	xfree(z);
	xfree(raw);
	return ret;
}

HPDF_Dict pdfz_page_contents(HPDF_Page p)
{
	if (!p || !p->attr)
		return NULL;
	HPDF_PageAttr a = (HPDF_PageAttr)p->attr;
	/* a page with one content stream, the one its operators go to */
	return a->contents && a->contents->stream == a->stream ? a->contents : NULL;
}
