/* fonts.c: font families through fontconfig, TrueType metrics for measuring.
 * Owns the fontconfig configurations and every parsed face; never touches a
 * PDF document (pdf.c loads the files it names into libharu).  We parse
 * 'head', 'hhea', 'hmtx' and a format-4 'cmap' ourselves: libharu's own
 * measuring needs a document per thread and stops inside UTF-8 characters.
 * fontconfig's answer is kept on disk (fontlookup.h): in the common case
 * its configuration is never loaded, and it is loaded only on the first
 * lookup the disk cannot answer. */
#include "fonts.h"

#include <errno.h>
#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/cachedir.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "xml/xmlw.h"

#include "fontlookup.h"

struct fonts {
	/* The caller's folders, absolute where they exist ("fonts" is
	 * relative to the working folder), each marked a folder or not. */
	char **dirs;
	unsigned char *isdir;
	int ndirs;
	/* fontconfig, loaded on the first lookup that needs it (load()) */
	FcConfig *app;     /* only the caller's folders; NULL when none */
	FcConfig *sys;     /* the system's configuration */
	int loaded;        /* both are there */
	pthread_mutex_t lock;
	font_family *families;
};

/* The configuration for the caller's folders: the system's cache folders
 * (sys's, already resolved) and nothing else.  FcInitLoadConfig() would
 * parse the system's dozens of configuration files a second time (~4 ms,
 * most of a small report's font lookup) only for rules we do not want
 * here; a bare FcConfigCreate() has no cache folder, so fontconfig would
 * complain on stderr and rescan the folder every run.  NULL when memory
 * runs out. */
static FcConfig *app_config(FcConfig *sys)
{
	buf conf = BUF_INIT;
	xmlw x;
	int bad = xmlw_open(&x, &conf);
	xmlw_start(&x, "fontconfig");
	FcStrList *dirs = FcConfigGetCacheDirs(sys);
	for (FcChar8 *dir; dirs && (dir = FcStrListNext(dirs));)
		xmlw_elem(&x, "cachedir", (const char *)dir);
	if (dirs)
		FcStrListDone(dirs);
	bad |= xmlw_close(&x);
	const char *xml = bad ? NULL : buf_cstr(&conf);
	FcConfig *c = xml ? FcConfigCreate() : NULL;
	if (c && !FcConfigParseAndLoadFromMemory(c, (const FcChar8 *)xml, FcTrue)) {
		FcConfigDestroy(c);
		c = NULL;
	}
	buf_free(&conf);
	return c;
}

sr_status fonts_open(fonts **out, const char *const *dirs, diag *d)
{
	*out = NULL;
	fonts *f = xcalloc(1, sizeof *f);
	if (!f)
		goto oom;
	pthread_mutex_init(&f->lock, NULL);
	int n = 0;
	while (dirs && dirs[n])
		n++;
	f->dirs = xcalloc((size_t)n + 1, sizeof *f->dirs);
	f->isdir = xcalloc((size_t)n + 1, 1);
	if (!f->dirs || !f->isdir)
		goto oom;
	for (int i = 0; i < n; i++) {
		/* A folder that does not exist is not an error: the user's font
		 * folder is optional. */
		char abs[PATH_MAX];
		struct stat sb;
		int isdir = stat(dirs[i], &sb) == 0 && S_ISDIR(sb.st_mode);
		if (!(f->dirs[i] = xstrdup(isdir && realpath(dirs[i], abs) ? abs : dirs[i])))
			goto oom;
		f->isdir[i] = (unsigned char)isdir;
		f->ndirs = i + 1;
	}
	*out = f;
	return SR_OK;
oom:
	diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory opening fonts");
	fonts_close(f);
	return SR_SYSTEM;
}

/* fontconfig's configurations, the system's and the one for the caller's
 * folders, loaded once; called with the lock held.  A failure leaves what
 * was loaded for the next call to complete. */
static sr_status load(fonts *f, diag *d)
{
	if (f->loaded)
		return SR_OK;
	/* Our own configuration, not FcInit()'s process-wide one, so closing
	 * the engine frees everything. */
	if (!f->sys && !(f->sys = FcInitLoadConfigAndFonts())) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "fontconfig has no configuration");
		return SR_SYSTEM;
	}
	for (int i = 0; i < f->ndirs; i++) {
		if (!f->isdir[i])
			continue;
		if (!f->app && !(f->app = app_config(f->sys))) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory opening fonts");
			return SR_SYSTEM;
		}
		FcConfigAppFontAddDir(f->app, (const FcChar8 *)f->dirs[i]);
	}
	f->loaded = 1;
	return SR_OK;
}

static void face_free(font_face *ff)
{
	xfree(ff->path);
	xfree(ff->family);
	xfree(ff->advmem);
	xfree(ff->has);
	if (ff->file)
		munmap((void *)ff->file, ff->filelen);
}

void fonts_close(fonts *f)
{
	if (!f)
		return;
	for (font_family *fam = f->families, *nx; fam; fam = nx) {
		nx = fam->next;
		for (int i = 0; i < FONT_NSTYLES; i++)
			face_free(&fam->face[i]);
		xfree(fam->name);
		xfree(fam);
	}
	if (f->app)
		FcConfigDestroy(f->app);
	if (f->sys)
		FcConfigDestroy(f->sys);
	for (int i = 0; f->dirs && i < f->ndirs; i++)
		xfree(f->dirs[i]);
	xfree(f->dirs);
	xfree(f->isdir);
	pthread_mutex_destroy(&f->lock);
	xfree(f);
}

/* ---- TrueType parsing ---- */

static unsigned u16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }
static int i16(const unsigned char *p) { return (int16_t)u16(p); }
static unsigned long u32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

/* The table tag in the font data t[0..n), or NULL; *len gets its length. */
static const unsigned char *tt_table(const unsigned char *t, size_t n, const char *tag, size_t *len)
{
	if (n < 12)
		return NULL;
	unsigned num = u16(t + 4);
	if (12 + (size_t)num * 16 > n)
		return NULL;
	for (unsigned i = 0; i < num; i++) {
		const unsigned char *r = t + 12 + (size_t)i * 16;
		if (memcmp(r, tag, 4) == 0) {
			unsigned long off = u32(r + 8), l = u32(r + 12);
			if (off > n || l > n - off)
				return NULL;
			*len = l;
			return t + off;
		}
	}
	return NULL;
}

static int tt_parse(font_face *ff, const unsigned char *t, size_t n)
{
	size_t hl, hhl, ml, cl;
	const unsigned char *head = tt_table(t, n, "head", &hl);
	const unsigned char *hhea = tt_table(t, n, "hhea", &hhl);
	const unsigned char *hmtx = tt_table(t, n, "hmtx", &ml);
	const unsigned char *cmap = tt_table(t, n, "cmap", &cl);
	if (!head || hl < 54 || !hhea || hhl < 36 || !hmtx || !cmap || cl < 4)
		return -1;
	ff->units = u16(head + 18);
	if (ff->units < 16)
		return -1;
	ff->ascent = i16(hhea + 4) / ff->units;
	ff->descent = -i16(hhea + 6) / ff->units;
	unsigned nhm = u16(hhea + 34);
	if (nhm == 0 || (size_t)nhm * 4 > ml)
		return -1;
	/* Find the Windows Unicode BMP subtable, format 4. */
	const unsigned char *sub = NULL;
	size_t sublen = 0;
	unsigned nt = u16(cmap + 2);
	for (unsigned i = 0; i < nt && 4 + (size_t)(i + 1) * 8 <= cl; i++) {
		const unsigned char *r = cmap + 4 + (size_t)i * 8;
		unsigned long off = u32(r + 4);
		if (off + 4 > cl)
			continue;
		if (u16(r) == 3 && u16(r + 2) == 1 && u16(cmap + off) == 4) {
			sub = cmap + off;
			sublen = cl - off;
			break;
		}
	}
	if (!sub || sublen < 14)
		return -1;
	unsigned segx2 = u16(sub + 6);
	if (16 + (size_t)segx2 * 4 > sublen)
		return -1;
	const unsigned char *ends = sub + 14, *starts = ends + segx2 + 2,
			    *deltas = starts + segx2, *ranges = deltas + segx2;
	/* the blocks the cmap reaches; block 0 of advmem is the default's */
	uint8_t own[256] = {0};
	size_t nblk = 1;
	for (unsigned s = 0; s < segx2 / 2; s++) {
		unsigned end = u16(ends + 2 * (size_t)s), start = u16(starts + 2 * (size_t)s);
		for (unsigned b = start >> 8; start <= end && b <= end >> 8; b++)
			if (!own[b])
				own[b] = (uint8_t)1, nblk++;
	}
	ff->advmem = xmalloc(nblk * 256 * sizeof *ff->advmem);
	ff->has = xcalloc(65536 / 8, 1);
	if (!ff->advmem || !ff->has)
		return -2;
	unsigned dflt = u16(hmtx); /* glyph 0, .notdef */
	for (size_t i = 0; i < nblk * 256; i++)
		ff->advmem[i] = (uint16_t)dflt;
	uint16_t *blk[256], *next = ff->advmem + 256;
	for (unsigned b = 0; b < 256; b++) {
		blk[b] = own[b] ? next : ff->advmem;
		next += own[b] ? 256 : 0;
		ff->adv[b] = blk[b];
	}
	for (unsigned s = 0; s < segx2 / 2; s++) {
		unsigned end = u16(ends + 2 * (size_t)s), start = u16(starts + 2 * (size_t)s);
		unsigned delta = u16(deltas + 2 * (size_t)s), ro = u16(ranges + 2 * (size_t)s);
		for (unsigned c = start; c <= end && c != 0xFFFF; c++) {
			unsigned g;
			if (ro == 0) {
				g = (c + delta) & 0xFFFF;
			} else {
				size_t at = (size_t)(ranges + 2 * (size_t)s - sub) + ro + 2 * (size_t)(c - start);
				if (at + 2 > sublen)
					continue;
				g = u16(sub + at);
				if (g)
					g = (g + delta) & 0xFFFF;
			}
			if (!g)
				continue;
			unsigned gi = g < nhm ? g : nhm - 1;
			blk[c >> 8][c & 0xFF] = (uint16_t)u16(hmtx + 4 * (size_t)gi);
			ff->has[c >> 3] |= (uint8_t)(1u << (c & 7));
		}
	}
	return 0;
}

static int face_load(font_face *ff, const char *path)
{
	/* mapped, not read: we need a few tables of a file whose bulk is
	 * glyph outlines, and reading four faces was a tenth of a small
	 * report's time (mostly page faults on the copy).  The mapping stays
	 * for the PDF writer, which embeds glyphs from it (pdffont.h). */
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat sb;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size <= 0) {
		close(fd);
		return -1;
	}
	size_t n = (size_t)sb.st_size;
	char id[FONTLOOKUP_STAMP_MAX];
	fontlookup_stamp(&sb, id);
	ff->stamp = cachedir_hash(CACHEDIR_HASH_SEED, id, strlen(id));
	void *data = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (data == MAP_FAILED)
		return errno == ENOMEM ? -2 : -1;
	ff->file = data, ff->filelen = n;
	return tt_parse(ff, data, n);
}

/* Match family/style in cfg; the file path (owned by the caller) when the
 * match really is that family and a TrueType file, else NULL. */
static char *match_in(FcConfig *cfg, const char *family, font_style st, char **famname)
{
	FcPattern *pat = FcPatternCreate(), *m = NULL;
	char *path = NULL;
	if (!pat)
		return NULL;
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddInteger(pat, FC_WEIGHT,
			    st == FONT_BOLD || st == FONT_BOLD_ITALIC ? FC_WEIGHT_BOLD
								      : FC_WEIGHT_REGULAR);
	FcPatternAddInteger(pat, FC_SLANT,
			    st == FONT_ITALIC || st == FONT_BOLD_ITALIC ? FC_SLANT_ITALIC
									: FC_SLANT_ROMAN);
	FcConfigSubstitute(cfg, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	FcResult res;
	m = FcFontMatch(cfg, pat, &res);
	if (!m)
		goto done;
	/* fontconfig substitutes silently (DejaVu for anything): insist on the
	 * family asked for. */
	FcChar8 *fam = NULL, *file = NULL, *fmt = NULL;
	int ok = 0;
	for (int i = 0; FcPatternGetString(m, FC_FAMILY, i, &fam) == FcResultMatch; i++)
		if (FcStrCmpIgnoreCase(fam, (const FcChar8 *)family) == 0) {
			ok = 1;
			break;
		}
	if (!ok || FcPatternGetString(m, FC_FILE, 0, &file) != FcResultMatch)
		goto done;
	if (FcPatternGetString(m, FC_FONTFORMAT, 0, &fmt) == FcResultMatch &&
	    strcmp((const char *)fmt, "TrueType") != 0)
		goto done;
	path = xstrdup((const char *)file);
	*famname = xstrdup((const char *)fam);
done:
	if (m)
		FcPatternDestroy(m);
	FcPatternDestroy(pat);
	return path;
}

static const char *const style_names[] = {"regular", "bold", "italic", "bold italic"};

/* The four faces through fontconfig: the caller's folders first, then the
 * system's. */
static sr_status from_fontconfig(fonts *f, font_family *fam, diag *d)
{
	sr_status s = load(f, d);
	if (s != SR_OK)
		return s;
	for (int st = 0; st < FONT_NSTYLES; st++) {
		font_face *ff = &fam->face[st];
		char *famname = NULL;
		char *path = f->app ? match_in(f->app, fam->name, (font_style)st, &famname) : NULL;
		if (!path)
			path = match_in(f->sys, fam->name, (font_style)st, &famname);
		if (!path && xalloc_failed()) {
			xfree(famname);
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory looking up fonts");
			return SR_SYSTEM;
		}
		if (!path) {
			xfree(famname);
			diag_add(d, DIAG_ERROR, NULL, 0, 0,
				 "font family \"%s\" (%s) not found as a TrueType font; "
				 "install it or put its .ttf files in a font folder",
				 fam->name, style_names[st]);
			return SR_SYSTEM;
		}
		ff->path = path;
		ff->family = famname;
		ff->style = (font_style)st;
		int r = face_load(ff, path);
		if (r) {
			diag_add(d, DIAG_ERROR, path, 0, 0,
				 r == -2 ? "out of memory reading font"
					 : "not a usable TrueType font (family \"%s\")",
				 fam->name);
			return SR_SYSTEM;
		}
	}
	return SR_OK;
}

static void faces_clear(font_family *fam)
{
	for (int i = 0; i < FONT_NSTYLES; i++) {
		face_free(&fam->face[i]);
		memset(&fam->face[i], 0, sizeof fam->face[i]);
	}
}

/* Whether each of fam's four faces, named by the lookup on disk, parses. */
static int faces_load(font_family *fam)
{
	for (int st = 0; st < FONT_NSTYLES; st++)
		if (face_load(&fam->face[st], fam->face[st].path) != 0)
			return 0;
	return 1;
}

/* fam's four faces: from the disk when the entry there holds and its
 * files parse, else from fontconfig (and the entry written again). */
static sr_status resolve(fonts *f, font_family *fam, diag *d)
{
	fontlookup l;
	fontlookup_init(&l, fam->name, f->dirs, f->isdir, f->ndirs);
	sr_status st = SR_OK;
	if (!fontlookup_read(&l, fam) || !faces_load(fam)) {
		faces_clear(fam);
		st = from_fontconfig(f, fam, d);
		if (st == SR_OK)
			fontlookup_write(&l, fam, f->sys, f->app);
	}
	fontlookup_free(&l);
	return st;
}

sr_status fonts_family(fonts *f, const char *family, const font_family **out, diag *d)
{
	sr_status st = SR_OK;
	*out = NULL;
	if (!family || !*family)
		family = "Liberation Sans";
	pthread_mutex_lock(&f->lock);
	font_family *fam;
	for (fam = f->families; fam; fam = fam->next)
		if (strcmp(fam->name, family) == 0)
			break;
	if (!fam) {
		fam = xcalloc(1, sizeof *fam);
		if (!fam || !(fam->name = xstrdup(family))) {
			xfree(fam);
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory loading fonts");
			st = SR_SYSTEM;
			goto done;
		}
		st = resolve(f, fam, d);
		if (st != SR_OK) {
			for (int i = 0; i < FONT_NSTYLES; i++)
				face_free(&fam->face[i]);
			xfree(fam->name);
			xfree(fam);
			goto done;
		}
		fam->next = f->families;
		f->families = fam;
	}
	*out = fam;
done:
	pthread_mutex_unlock(&f->lock);
	return st;
}

unsigned long font_utf8(const char *str, size_t n, int *adv)
{
	uint32_t c;
	size_t k = utf8_decode(str, n, &c);
	*adv = k ? (int)k : 1;
	return k ? c : 0xFFFD;
}

int font_has(const font_face *ff, unsigned long c)
{
	return c < 65536 && (ff->has[c >> 3] >> (c & 7)) & 1;
}

double font_width(const font_face *ff, const char *s, size_t len, double size)
{
	unsigned long sum = 0;
	/* the layout measures every word and piece of one: ASCII, most of any
	 * Norwegian text, without the decoder */
	const uint16_t *ascii = ff->adv[0];
	for (size_t i = 0; i < len;) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			sum += ascii[b];
			i++;
			continue;
		}
		int adv;
		unsigned long c = font_utf8(s + i, len - i, &adv);
		if (c > 0xFFFF)
			c = 0xFFFD;
		sum += ff->adv[c >> 8][c & 0xFF];
		i += (size_t)adv;
	}
	return (double)sum * size / ff->units;
}
