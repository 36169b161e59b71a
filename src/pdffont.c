/* pdffont.c: embedded TrueType programs, compressed once per process (see
 * pdffont.h for why).
 *
 * libharu builds a face's descriptor and subset (CreateDescriptor) in the
 * font dictionary's before-write hook, and that function does its work only
 * once per face: calling the hook early, after painting, leaves the
 * FontFile2 stream holding the finished, uncompressed subset.  We swap its
 * bytes for deflated ones and write the /Filter entry ourselves (libharu
 * drops a /Filter it did not set), so libharu copies the stream verbatim. */
#include "pdffont.h"

#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <zlib.h>

#include "xalloc.h"

/* A handful of programs per process: one per face of each family in use. */
#define MAX_ENTRIES 16

typedef struct entry {
	uint64_t hash;
	unsigned char *raw, *z; /* the program as libharu built it; deflated */
	size_t nraw, nz;
} entry;

struct pdffont_cache {
	pthread_mutex_t lock;
	entry e[MAX_ENTRIES];
	int n;
};

pdffont_cache *pdffont_cache_new(void)
{
	pdffont_cache *c = xcalloc(1, sizeof *c);
	if (c)
		pthread_mutex_init(&c->lock, NULL);
	return c;
}

void pdffont_cache_free(pdffont_cache *c)
{
	if (!c)
		return;
	for (int i = 0; i < c->n; i++) {
		xfree(c->e[i].raw);
		xfree(c->e[i].z);
	}
	pthread_mutex_destroy(&c->lock);
	xfree(c);
}

void pdffont_use_codepage(HPDF_Font f)
{
	unsigned char all[224];
	size_t n = 0;
	for (int b = 0x20; b <= 0xFF; b++)
		/* the code page's holes have no glyph to embed */
		if (b != 0x7F && b != 0x81 && b != 0x8D && b != 0x8F && b != 0x90 && b != 0x9D)
			all[n++] = (unsigned char)b;
	/* measuring a character marks its glyph used */
	HPDF_Font_TextWidth(f, all, (HPDF_UINT)n);
}

static uint64_t fnv1a(const unsigned char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3u;
	return h;
}

/* libharu drops any /Filter key from a stream dictionary whose filter is
 * NONE, then calls this to write the dictionary's last entries. */
static HPDF_STATUS flate_entry(HPDF_Dict d, HPDF_Stream s)
{
	(void)d;
	return HPDF_Stream_WriteStr(s, "/Filter /FlateDecode\012");
}

/* The entry for raw (nraw bytes), deflating and adding it if new; NULL when
 * memory runs out or the cache is full.  Called with the lock held. */
static const entry *lookup(pdffont_cache *c, unsigned char **raw, size_t nraw)
{
	uint64_t h = fnv1a(*raw, nraw);
	for (int i = 0; i < c->n; i++)
		if (c->e[i].hash == h && c->e[i].nraw == nraw && memcmp(c->e[i].raw, *raw, nraw) == 0)
			return &c->e[i];
	if (c->n == MAX_ENTRIES)
		return NULL;
	uLongf nz = compressBound((uLong)nraw);
	unsigned char *z = xmalloc(nz);
	/* libharu's own level, so the file is what it would have written */
	if (!z || compress2(z, &nz, *raw, (uLong)nraw, Z_DEFAULT_COMPRESSION) != Z_OK) {
		xfree(z);
		return NULL;
	}
	entry *e = &c->e[c->n++];
	e->hash = h, e->raw = *raw, e->nraw = nraw, e->z = z, e->nz = nz;
	*raw = NULL; /* the cache keeps it */
	return e;
}

int pdffont_embed(pdffont_cache *c, HPDF_Font f)
{
	if (!c || !f || !f->before_write_fn)
		return 0;
	if (f->before_write_fn(f) != HPDF_OK)
		return 0; /* libharu recorded the error; the save reports it */
	HPDF_Dict desc = HPDF_Dict_GetItem(f, "FontDescriptor", HPDF_OCLASS_DICT);
	HPDF_Dict data = desc ? HPDF_Dict_GetItem(desc, "FontFile2", HPDF_OCLASS_DICT) : NULL;
	if (!data || !data->stream || data->write_fn || data->filter != HPDF_STREAM_FILTER_FLATE_DECODE ||
	    data->stream->type != HPDF_STREAM_MEMORY)
		return 0;
	HPDF_UINT32 size = HPDF_Stream_Size(data->stream);
	if (size == 0)
		return 0;
	unsigned char *raw = xmalloc(size);
	if (!raw)
		return -1;
	HPDF_UINT got = size;
	if (HPDF_Stream_Seek(data->stream, 0, HPDF_SEEK_SET) != HPDF_OK ||
	    HPDF_Stream_Read(data->stream, raw, &got) != HPDF_OK || got != size) {
		xfree(raw);
		return 0;
	}
	int ret = 0;
	pthread_mutex_lock(&c->lock);
	const entry *e = lookup(c, &raw, size);
	if (e) {
		HPDF_MemStream_FreeData(data->stream);
		if (HPDF_Stream_Write(data->stream, e->z, (HPDF_UINT)e->nz) == HPDF_OK) {
			data->filter = HPDF_STREAM_FILTER_NONE;
			data->write_fn = flate_entry;
		}
		else
			ret = -1;
	}
	pthread_mutex_unlock(&c->lock);
	xfree(raw);
	return ret;
}
