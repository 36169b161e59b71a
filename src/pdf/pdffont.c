/* pdffont.c: embedded TrueType programs, built and compressed once (see
 * pdffont.h for why).
 *
 * libharu builds a face's descriptor and subset (CreateDescriptor) in the
 * font dictionary's before-write hook, and that function does its work only
 * once per face: calling the hook early, after painting, leaves the
 * FontFile2 stream holding the finished, uncompressed subset.  We swap its
 * bytes for deflated ones and write the /Filter entry ourselves (libharu
 * drops a /Filter it did not set), so libharu copies the stream verbatim.
 * When the program is already known, the hook runs with embedding switched
 * off for the moment -- the descriptor without the subset -- and the
 * stream is added as the hook would have added it. */
#include "pdffont.h"

#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "base/cachedir.h"
#include "pdfz.h"
#include "base/xalloc.h"

/* A handful of programs per process: one per face of each family in use. */
#define MAX_ENTRIES 16
/* A cache file larger than this is no program of ours (a face's whole
 * code page deflates to ~100 KB). */
#define MAX_FILE ((size_t)16 * 1024 * 1024)
/* The number entries libharu gives a program's stream besides /Length
 * (2.3.0: Length1, Length2, Length3), replayed on a hit. */
#define MAX_NUMS 4
#define NUM_KEY 16

typedef struct entry {
	uint64_t key; /* what the program is made of (program_key) */
	unsigned char *z; /* the program, deflated */
	size_t nz;
	int nnum;
	char num_key[MAX_NUMS][NUM_KEY];
	int32_t num[MAX_NUMS];
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
	for (int i = 0; i < c->n; i++)
		xfree(c->e[i].z);
	pthread_mutex_destroy(&c->lock);
	xfree(c);
}

void pdffont_use_codepage(HPDF_Font f)
{
	HPDF_FontAttr fa = f ? f->attr : NULL;
	if (!fa || !fa->encoder)
		return;
	unsigned char all[224];
	size_t n = 0;
	for (int b = 0x20; b <= 0xFF; b++)
		/* the code page's holes have no glyph to embed (pdfenc.h may
		 * have given some of them a symbol) */
		if (b != 0x7F && HPDF_Encoder_GetUnicode(fa->encoder, (HPDF_UINT16)b) != 0)
			all[n++] = (unsigned char)b;
	/* measuring a character marks its glyph used */
	HPDF_Font_TextWidth(f, all, (HPDF_UINT)n);
}

/* The face's TrueType attributes when f is a single-byte TrueType font
 * whose program libharu would embed and has not built yet, else NULL. */
static HPDF_TTFontDefAttr tt_attr(HPDF_Font f)
{
	HPDF_FontAttr fa = f && f->before_write_fn ? f->attr : NULL;
	HPDF_FontDef def = fa ? fa->fontdef : NULL;
	if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE || !def->attr || def->descriptor)
		return NULL;
	HPDF_TTFontDefAttr a = def->attr;
	return a->embedding && !a->is_cidfont && a->glyph_tbl.flgs ? a : NULL;
}

/* What libharu's subset of the face is made of: the libraries that build
 * and deflate it, the face's file (its stamp), the subset's tag (it is
 * written into the program's name table) and the glyphs in it.  Two
 * programs with one key are the same bytes. */
static uint64_t program_key(HPDF_TTFontDefAttr a, uint64_t stamp)
{
	static const char what[] = "statusrapport font program 2";
	const char *hv = HPDF_GetVersion(), *zv = zlibVersion();
	uint64_t h = cachedir_hash(CACHEDIR_HASH_SEED, what, sizeof what);
	h = cachedir_hash(h, hv, strlen(hv) + 1);
	h = cachedir_hash(h, zv, strlen(zv) + 1);
	h = cachedir_hash(h, &stamp, sizeof stamp);
	h = cachedir_hash(h, a->tag_name, sizeof a->tag_name);
	h = cachedir_hash(h, a->base_font, strnlen(a->base_font, sizeof a->base_font));
	return cachedir_hash(h, a->glyph_tbl.flgs, a->num_glyphs);
}

/* ---- the programs on disk ----
 * A process builds and deflates each program once; the disk keeps it for
 * the next process, where libharu's subsetting (it copies the face four
 * bytes at a time) and the deflate were a fifth of a one-report run.  A
 * file is named by the program's key, and holds the key, the stream's
 * number entries, the deflated program and its CRC: a file that is not
 * exactly that (truncated, damaged, foreign) is a miss, costing time,
 * never a wrong PDF.  The cache is optional (cachedir.h): without a
 * writable cache folder nothing is kept and nothing is said. */

static const char magic[8] = {'s', 'r', 'f', 'o', 'n', 't', '2', '\n'};

typedef struct disk_head {
	char magic[8];
	uint64_t key;
	uint32_t nz, crc;
	int32_t nnum, num[MAX_NUMS];
	char num_key[MAX_NUMS][NUM_KEY];
} disk_head;

/* The cache file's name for a program in name[n]. */
static void disk_name(char *name, size_t n, uint64_t key)
{
	snprintf(name, n, "font-%016llx.z", (unsigned long long)key);
}

/* e filled from the disk (e->z owned by the caller then); 0 on a miss. */
static int disk_load(uint64_t key, entry *e)
{
	char name[64];
	size_t n;
	disk_name(name, sizeof name, key);
	char *data = cachedir_load(name, MAX_FILE, &n);
	if (!data)
		return 0;
	disk_head h;
	memset(&h, 0, sizeof h);
	if (n > sizeof h)
		memcpy(&h, data, sizeof h);
	const unsigned char *z = (const unsigned char *)data + sizeof h;
	int ok = n > sizeof h && memcmp(h.magic, magic, sizeof magic) == 0 && h.key == key &&
		 h.nz == n - sizeof h && h.nnum >= 0 && h.nnum <= MAX_NUMS &&
		 crc32(0, z, h.nz) == h.crc;
	for (int i = 0; ok && i < h.nnum; i++)
		ok = memchr(h.num_key[i], 0, NUM_KEY) != NULL;
	unsigned char *copy = ok ? xmalloc(h.nz) : NULL;
	if (copy) {
		memcpy(copy, z, h.nz);
		*e = (entry){key, copy, h.nz, h.nnum, {{0}}, {0}};
		memcpy(e->num_key, h.num_key, sizeof h.num_key);
		memcpy(e->num, h.num, sizeof h.num);
	}
	xfree(data);
	return copy != NULL;
}

/* Keep e for later processes (cachedir.h: written whole or not at all). */
static void disk_store(const entry *e)
{
	if (e->nz > UINT32_MAX - sizeof(disk_head))
		return;
	unsigned char *file = xmalloc(sizeof(disk_head) + e->nz);
	if (!file)
		return;
	disk_head h;
	memset(&h, 0, sizeof h);
	memcpy(h.magic, magic, sizeof magic);
	h.key = e->key, h.nz = (uint32_t)e->nz, h.crc = (uint32_t)crc32(0, e->z, (uInt)e->nz);
	h.nnum = e->nnum;
	memcpy(h.num, e->num, sizeof h.num);
	memcpy(h.num_key, e->num_key, sizeof h.num_key);
	memcpy(file, &h, sizeof h);
	memcpy(file + sizeof h, e->z, e->nz);
	char name[64];
	disk_name(name, sizeof name, e->key);
	cachedir_store(name, file, sizeof h + e->nz);
	xfree(file);
}

/* The program's stream entries besides /Length and /Filter into e: every
 * one a number, or 0 (a libharu that writes something else is left to
 * build its programs itself). */
static int stream_numbers(HPDF_Dict data, entry *e)
{
	e->nnum = 0;
	for (HPDF_UINT i = 0; i < data->list->count; i++) {
		HPDF_DictElement el = data->list->obj[i];
		if (strcmp(el->key, "Length") == 0 || strcmp(el->key, "Filter") == 0)
			continue;
		const HPDF_Obj_Header *oh = el->value;
		size_t k = strnlen(el->key, NUM_KEY);
		if (e->nnum == MAX_NUMS || k == NUM_KEY ||
		    (oh->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_NUMBER)
			return 0;
		memcpy(e->num_key[e->nnum], el->key, k + 1);
		e->num[e->nnum++] = ((HPDF_Number)el->value)->value;
	}
	return 1;
}

/* The face's descriptor made by libharu without the program, and the
 * program's stream made here from e: libharu's own steps (hpdf_font_tt.c,
 * CreateDescriptor) in its order, so the file is byte for byte what it
 * would have written. */
static int embed_from(HPDF_Font f, HPDF_TTFontDefAttr a, const entry *e)
{
	HPDF_FontAttr fa = f->attr;
	a->embedding = HPDF_FALSE;
	HPDF_STATUS s = f->before_write_fn(f);
	a->embedding = HPDF_TRUE;
	HPDF_Dict desc = fa->fontdef->descriptor;
	if (s != HPDF_OK || !desc)
		return 0; /* libharu recorded the error; the save reports it */
	HPDF_Dict data = HPDF_DictStream_New(f->mmgr, fa->xref);
	if (!data || HPDF_Dict_Add(desc, "FontFile2", data) != HPDF_OK)
		return 0;
	for (int i = 0; i < e->nnum; i++)
		if (HPDF_Dict_AddNumber(data, e->num_key[i], e->num[i]) != HPDF_OK)
			return 0;
	data->filter = f->filter;
	return pdfz_replace(data, e->z, e->nz) < 0 ? -1 : 0;
}

/* The program built by libharu, deflated, kept in c (and on disk) under
 * key when it fits there, and put in the stream. */
static int embed_new(pdffont_cache *c, HPDF_Font f, uint64_t key)
{
	if (f->before_write_fn(f) != HPDF_OK)
		return 0;
	HPDF_Dict desc = HPDF_Dict_GetItem(f, "FontDescriptor", HPDF_OCLASS_DICT);
	HPDF_Dict data = desc ? HPDF_Dict_GetItem(desc, "FontFile2", HPDF_OCLASS_DICT) : NULL;
	if (!data)
		return 0;
	size_t nraw;
	int oom;
	unsigned char *raw = pdfz_bytes(data, &nraw, &oom);
	if (!raw)
		return oom ? -1 : 0;
	entry e = {key, NULL, 0, 0, {{0}}, {0}};
	uLongf zl = compressBound((uLong)nraw);
	e.z = xmalloc(zl);
	/* libharu's own level, so the file is what it would have written */
	int ok = e.z && compress2(e.z, &zl, raw, (uLong)nraw, Z_DEFAULT_COMPRESSION) == Z_OK;
	xfree(raw);
	if (!ok) {
		xfree(e.z);
		return -1;
	}
	e.nz = zl;
	int ret = pdfz_replace(data, e.z, e.nz) < 0 ? -1 : 0;
	if (ret == 0 && c->n < MAX_ENTRIES && stream_numbers(data, &e)) {
		disk_store(&e);
		c->e[c->n++] = e;
	} else {
		xfree(e.z);
	}
	return ret;
}

int pdffont_embed(pdffont_cache *c, HPDF_Font f, uint64_t stamp)
{
	HPDF_TTFontDefAttr a = c && f ? tt_attr(f) : NULL;
	if (!a)
		return 0;
	uint64_t key = program_key(a, stamp);
	pthread_mutex_lock(&c->lock);
	const entry *hit = NULL;
	for (int i = 0; i < c->n && !hit; i++)
		if (c->e[i].key == key)
			hit = &c->e[i];
	if (!hit && c->n < MAX_ENTRIES && disk_load(key, &c->e[c->n]))
		hit = &c->e[c->n++];
	int ret = hit ? embed_from(f, a, hit) : embed_new(c, f, key);
	pthread_mutex_unlock(&c->lock);
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

const char *pdffont_load(HPDF_Doc pdf, const unsigned char *file, size_t n)
{
	reader *r = xmalloc(sizeof *r);
	if (!r)
		return NULL;
	*r = (reader){file, n, 0};
	HPDF_Stream s = HPDF_CallbackReader_New(pdf->mmgr, rd_read, rd_seek, rd_tell, rd_size, r);
	if (!s) {
		xfree(r);
		return NULL;
	}
	s->free_fn = rd_free;
	/* from here on the stream is the face definition's, freed with it
	 * (also when libharu cannot read the face) */
	HPDF_FontDef def = HPDF_TTFontDef_Load(pdf->mmgr, s, HPDF_TRUE);
	if (!def) {
		/* libharu set the error; its handler hears of it here, as
		 * from HPDF_LoadTTFontFromFile */
		HPDF_CheckError(&pdf->error);
		return NULL;
	}
	HPDF_FontDef known = HPDF_Doc_FindFontDef(pdf, def->base_font);
	if (known) {
		HPDF_FontDef_Free(def);
		return known->base_font;
	}
	if (HPDF_List_Add(pdf->fontdef_list, def) != HPDF_OK) {
		HPDF_FontDef_Free(def);
		HPDF_CheckError(&pdf->error);
		return NULL;
	}
	/* the subset's tag, in libharu's sequence: HPDFAA, HPDFAB, ... */
	if (pdf->ttfont_tag[0] == 0) {
		memcpy(pdf->ttfont_tag, "HPDFAA", 6);
	} else {
		for (int i = 5; i >= 0; i--) {
			if (++pdf->ttfont_tag[i] <= 'Z')
				break;
			pdf->ttfont_tag[i] = 'A';
		}
	}
	HPDF_TTFontDef_SetTagName(def, (char *)pdf->ttfont_tag);
	return def->base_font;
}
