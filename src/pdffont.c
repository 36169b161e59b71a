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

#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "cachedir.h"
#include "pdfz.h"
#include "xalloc.h"
#include "xmlin.h"

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

/* ---- the programs on disk ----
 * A process deflates each program once; the disk keeps it for the next
 * process, where deflating two faces was 7 ms of a one-report run's ~55.
 * A file is named by the program's hash, length and zlib's version (so it
 * holds what this zlib would write, and output stays byte-identical) and
 * trusted only when it inflates to exactly the program: a stale, truncated
 * or foreign file costs a deflate, never a wrong PDF.  The cache is
 * optional (cachedir.h): without a writable cache folder nothing is kept
 * and nothing is said. */

/* The cache file's name for a program in name[n]; -1 when it does not fit. */
static int disk_name(char *name, size_t n, uint64_t h, size_t nraw)
{
	int k = snprintf(name, n, "font-%016llx-%zu-zlib%s.z", (unsigned long long)h, nraw,
			 zlibVersion());
	return k < 0 || (size_t)k >= n ? -1 : 0;
}

/* The deflated program for raw from the disk, or NULL (*nz its length). */
static unsigned char *disk_load(uint64_t h, const unsigned char *raw, size_t nraw, size_t *nz)
{
	char name[128];
	if (disk_name(name, sizeof name, h, nraw) < 0)
		return NULL;
	char *z = cachedir_load(name, XMLIN_MAX_FILE, nz);
	if (!z)
		return NULL;
	unsigned char *back = xmalloc(nraw);
	uLongf nback = (uLongf)nraw;
	int same = back && uncompress(back, &nback, (const Bytef *)z, (uLong)*nz) == Z_OK &&
		   nback == nraw && memcmp(back, raw, nraw) == 0;
	xfree(back);
	if (!same) {
		xfree(z);
		return NULL;
	}
	return (unsigned char *)z;
}

/* Keep z (nz bytes) for later processes. */
static void disk_store(uint64_t h, size_t nraw, const unsigned char *z, size_t nz)
{
	char name[128];
	if (disk_name(name, sizeof name, h, nraw) == 0)
		cachedir_store(name, z, nz);
}

/* The entry for raw (nraw bytes), deflating and adding it if new; NULL when
 * memory runs out or the cache is full.  Called with the lock held. */
static const entry *lookup(pdffont_cache *c, unsigned char **raw, size_t nraw)
{
	uint64_t h = cachedir_hash(CACHEDIR_HASH_SEED, *raw, nraw);
	for (int i = 0; i < c->n; i++)
		if (c->e[i].hash == h && c->e[i].nraw == nraw && memcmp(c->e[i].raw, *raw, nraw) == 0)
			return &c->e[i];
	if (c->n == MAX_ENTRIES)
		return NULL;
	size_t nz;
	unsigned char *z = disk_load(h, *raw, nraw, &nz);
	if (!z) {
		uLongf zl = compressBound((uLong)nraw);
		z = xmalloc(zl);
		/* libharu's own level, so the file is what it would have written */
		if (!z || compress2(z, &zl, *raw, (uLong)nraw, Z_DEFAULT_COMPRESSION) != Z_OK) {
			xfree(z);
			return NULL;
		}
		nz = zl;
		disk_store(h, nraw, z, nz);
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
	size_t size;
	int oom;
	unsigned char *raw = pdfz_bytes(data, &size, &oom);
	if (!raw)
		return oom ? -1 : 0;
	int ret = 0;
	pthread_mutex_lock(&c->lock);
	const entry *e = lookup(c, &raw, size);
	if (e && pdfz_replace(data, e->z, e->nz) < 0)
		ret = -1;
	pthread_mutex_unlock(&c->lock);
	xfree(raw);
	return ret;
}

/* A libharu reading stream over a mapped file. */
typedef struct reader {
	const unsigned char *data;
	size_t n, pos;
} reader;

static HPDF_STATUS rd_read(HPDF_Stream s, HPDF_BYTE *ptr, HPDF_UINT *siz)
{
	reader *r = s->attr;
	size_t want = *siz, left = r->n - r->pos;
	size_t got = want < left ? want : left;
	memcpy(ptr, r->data + r->pos, got);
	r->pos += got;
	*siz = (HPDF_UINT)got;
	return got == want ? HPDF_OK : HPDF_STREAM_EOF;
}

static HPDF_STATUS rd_seek(HPDF_Stream s, HPDF_INT pos, HPDF_WhenceMode mode)
{
	reader *r = s->attr;
	long long at = mode == HPDF_SEEK_SET ? pos
		       : mode == HPDF_SEEK_CUR ? (long long)r->pos + pos
					       : (long long)r->n + pos;
	if (at < 0 || at > (long long)r->n)
		return HPDF_STREAM_EOF;
	r->pos = (size_t)at;
	return HPDF_OK;
}

static HPDF_INT32 rd_tell(HPDF_Stream s) { return (HPDF_INT32)((reader *)s->attr)->pos; }
static HPDF_UINT32 rd_size(HPDF_Stream s) { return (HPDF_UINT32)((reader *)s->attr)->n; }
static void rd_free(HPDF_Stream s) { xfree(s->attr); }

int pdffont_from_memory(HPDF_Font f, const unsigned char *file, size_t n)
{
	if (!f || !f->attr || !file)
		return 0;
	HPDF_FontDef def = ((HPDF_FontAttr)f->attr)->fontdef;
	if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE || !def->attr)
		return 0;
	HPDF_TTFontDefAttr a = def->attr;
	if (!a->stream || a->stream->type != HPDF_STREAM_FILE)
		return 0;
	/* the same file libharu opened, or leave libharu its own */
	if (n != HPDF_Stream_Size(a->stream))
		return 0;
	reader *r = xmalloc(sizeof *r);
	if (!r)
		return -1;
	*r = (reader){file, n, 0};
	HPDF_Stream m = HPDF_CallbackReader_New(def->mmgr, rd_read, rd_seek, rd_tell, rd_size, r);
	if (!m) {
		xfree(r);
		return -1;
	}
	m->free_fn = rd_free;
	HPDF_Stream_Free(a->stream);
	a->stream = m;
	return 0;
}
