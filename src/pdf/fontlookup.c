/* fontlookup.c: the font lookup kept on disk (see fontlookup.h).  Owns
 * the entries' text while reading and writing them; never opens a font
 * file for its tables nor asks fontconfig for a match (fonts.c does both).
 *
 * The entry holds the stamp of every configuration file fontconfig read
 * and of its folder, of every font folder of both configurations (the
 * absent ones too: creating one changes the answer), of the caller's
 * folders, of the user's configuration places fontconfig would read if
 * they were there, and of the four files: trusted as fontconfig trusts
 * its own caches -- by stamps -- only stricter.  A hit needs every stamp
 * to hold; anything else (a changed stamp, a damaged, foreign or missing
 * entry) is a miss, and fonts.c asks fontconfig and writes the entry
 * again.
 *
 *   statusrapport font lookup 1
 *   key HEX                      the key below, in full (no hash collision)
 *   face N STAMP PATH            for N = 0..3, each followed by
 *   family N NAME
 *   stamp STAMP PATH             any number
 *   end
 *
 * A STAMP is eight fields (stamp()); a path is last on its line, so it may
 * hold spaces; one with a line break is not kept. */
#include "fontlookup.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/cachedir.h"
#include "base/xalloc.h"

#define STAMP_MAX FONTLOOKUP_STAMP_MAX

#define LOOKUP_HEAD "statusrapport font lookup 1"
#define LOOKUP_MAX ((size_t)1024 * 1024)
#define STAMP_FIELDS 8

/* the change time moves with any rewrite, whatever the modification time
 * is set back to */
void fontlookup_stamp(const struct stat *sb, char *s)
{
	/* a folder's size and device say nothing its times do not */
	int dir = S_ISDIR(sb->st_mode);
	snprintf(s, STAMP_MAX, "%c %llu %llu %lld %lld %ld %lld %ld", dir ? 'd' : 'f',
		 dir ? 0ULL : (unsigned long long)sb->st_dev, (unsigned long long)sb->st_ino,
		 dir ? 0LL : (long long)sb->st_size, (long long)sb->st_mtim.tv_sec,
		 (long)sb->st_mtim.tv_nsec, (long long)sb->st_ctim.tv_sec,
		 (long)sb->st_ctim.tv_nsec);
}

/* path's stamp as text in s[STAMP_MAX]: what changes when the file or
 * folder changes, or "-" and zeros when there is nothing there.  *mtime
 * gets its modification time in ns (0 when absent).  -1 when path cannot
 * be looked at. */
static int stamp(const char *path, char *s, long long *mtime)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (errno != ENOENT && errno != ENOTDIR)
			return -1;
		snprintf(s, STAMP_MAX, "- 0 0 0 0 0 0 0");
		*mtime = 0;
		return 0;
	}
	fontlookup_stamp(&sb, s);
	*mtime = (long long)sb.st_mtim.tv_sec * 1000000000LL + sb.st_mtim.tv_nsec;
	return 0;
}

/* What fontconfig's answer depends on besides the files stamped: where it
 * finds its configuration and the user's folders, and the language it
 * prefers in a match (FcDefaultSubstitute reads these). */
static const char *const lookup_env[] = {
	"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "XDG_CONFIG_HOME",
	"XDG_DATA_HOME",   "HOME",            "FC_LANG",            "LC_ALL",
	"LC_CTYPE",        "LANG"};

/* The lookup's key for family into k: the format, the family, the caller's
 * folders (and which exist), fontconfig's version and its environment. */
static void lookup_key(const fontlookup *l, const char *family, buf *k)
{
	buf_puts(k, LOOKUP_HEAD);
	buf_putc(k, 0);
	buf_puts(k, family);
	buf_putc(k, 0);
	for (int i = 0; i < l->ndirs; i++) {
		buf_putc(k, l->isdir[i] ? 'd' : '-');
		buf_puts(k, l->dirs[i]);
		buf_putc(k, 0);
	}
	/* fontconfig's version (asking loads no configuration); the
	 * configuration files it reads are stamped in the entry itself */
	buf_printf(k, "fontconfig %d", FcGetVersion());
	buf_putc(k, 0);
	for (size_t i = 0; i < sizeof lookup_env / sizeof *lookup_env; i++) {
		const char *v = getenv(lookup_env[i]);
		buf_puts(k, lookup_env[i]);
		if (v) {
			buf_putc(k, '=');
			buf_puts(k, v);
		}
		buf_putc(k, 0);
	}
}

/* ---- reading an entry ---- */

/* The next line from *at (NUL-terminated in place), or NULL when no line
 * ends before end. */
static char *next_line(char **at, char *end)
{
	char *l = *at, *nl = memchr(l, '\n', (size_t)(end - l));
	if (!nl)
		return NULL;
	*nl = '\0';
	*at = nl + 1;
	return l;
}

/* The path of "STAMP PATH" when its stamp still holds, else NULL (also
 * for no line). */
static const char *holds(const char *line)
{
	const char *p = line;
	if (!line)
		return NULL;
	for (int i = 0; i < STAMP_FIELDS; i++) {
		p = strchr(p, ' ');
		if (!p)
			return NULL;
		p++;
	}
	char now[STAMP_MAX];
	long long m;
	size_t n = (size_t)(p - 1 - line);
	if (!*p || stamp(p, now, &m) < 0 || strlen(now) != n || memcmp(now, line, n) != 0)
		return NULL;
	return p;
}

/* line without its prefix "WORD N " (N the style), or NULL. */
static const char *after(const char *line, const char *word, int n)
{
	char head[32];
	int k = snprintf(head, sizeof head, "%s %d ", word, n);
	return line && strncmp(line, head, (size_t)k) == 0 ? line + k : NULL;
}

/* Fill fam's faces' names from the entry text[0..end) when it is whole,
 * for key, and every stamp holds; 0 otherwise (fam then holds what was
 * filled in, for the caller to clear). */
static int read_entry(font_family *fam, char *text, char *end, const char *key)
{
	char *at = text, *l = next_line(&at, end);
	if (!l || strcmp(l, LOOKUP_HEAD) != 0)
		return 0;
	l = next_line(&at, end);
	if (!l || strncmp(l, "key ", 4) != 0 || strcmp(l + 4, key) != 0)
		return 0;
	for (int st = 0; st < FONT_NSTYLES; st++) {
		font_face *ff = &fam->face[st];
		const char *path = holds(after(next_line(&at, end), "face", st));
		const char *name = after(next_line(&at, end), "family", st);
		if (!path || !name || !*name)
			return 0;
		ff->path = xstrdup(path);
		ff->family = xstrdup(name);
		ff->style = (font_style)st;
		if (!ff->path || !ff->family)
			return 0;
	}
	while ((l = next_line(&at, end)) && strncmp(l, "stamp ", 6) == 0)
		if (!holds(l + 6))
			return 0;
	return l && strcmp(l, "end") == 0 && at == end;
}

int fontlookup_read(fontlookup *l, font_family *fam)
{
	size_t n;
	char *text = l->bad ? NULL : cachedir_load(l->name, LOOKUP_MAX, &n);
	if (!text)
		return 0;
	int ok = !memchr(text, '\0', n) && read_entry(fam, text, text + n, buf_cstr(&l->hex));
	xfree(text);
	for (int st = 0; !ok && st < FONT_NSTYLES; st++) {
		xfree(fam->face[st].path);
		xfree(fam->face[st].family);
		fam->face[st].path = fam->face[st].family = NULL;
	}
	return ok;
}

/* ---- writing an entry ---- */

typedef struct writer {
	buf b;
	long long newest; /* the latest modification stamped, in ns */
	int bad;          /* something could not be stamped or written */
} writer;

/* A line "HEAD STAMP PATH". */
static void put_stamp(writer *w, const char *head, const char *path)
{
	char s[STAMP_MAX];
	long long m;
	if (!path || !*path || strchr(path, '\n') || stamp(path, s, &m) < 0) {
		w->bad = 1;
		return;
	}
	if (m > w->newest)
		w->newest = m;
	buf_printf(&w->b, "%s %s %s\n", head, s, path);
}

/* A stamp for each path in l (consumed) and, with parents, for each one's
 * folder: a file added beside a configuration file may be one that
 * fontconfig would read (an <include> that was missing). */
static void put_list(writer *w, FcStrList *l, int parents)
{
	if (!l) {
		w->bad = 1;
		return;
	}
	char last[PATH_MAX] = "";
	for (const FcChar8 *s; (s = FcStrListNext(l));) {
		const char *p = (const char *)s, *slash = strrchr(p, '/');
		put_stamp(w, "stamp", p);
		if (!parents)
			continue;
		/* the folder of a path, "/" for one at the top */
		size_t n = slash ? (size_t)(slash - p) : 0;
		if (!slash || n >= sizeof last) {
			w->bad = 1;
			continue;
		}
		n = n ? n : 1;
		if (strncmp(last, p, n) == 0 && last[n] == '\0')
			continue; /* conf.d's files come together */
		memcpy(last, p, n);
		last[n] = '\0';
		put_stamp(w, "stamp", last);
	}
	FcStrListDone(l);
}

/* A stamp for each folder below dir, depth levels down at the most (deeper
 * is not kept).  fontconfig reads the caller's folders' subfolders too,
 * but FcConfigGetFontDirs() lists none of them for a configuration of
 * application fonts. */
static void put_tree(writer *w, const char *dir, int depth)
{
	DIR *dd = opendir(dir);
	if (!dd) {
		w->bad = 1;
		return;
	}
	for (const struct dirent *e; !w->bad && (e = readdir(dd));) {
		char p[PATH_MAX];
		struct stat sb;
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		int k = snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		if (k < 0 || (size_t)k >= sizeof p) {
			w->bad = 1;
		} else if (stat(p, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			put_stamp(w, "stamp", p);
			if (depth == 0)
				w->bad = 1;
			else
				put_tree(w, p, depth - 1);
		}
	}
	closedir(dd);
}

/* A stamp for the user's configuration place base + rest, when base is
 * set. */
static void put_place(writer *w, const char *base, const char *rest)
{
	char p[PATH_MAX];
	if (!base || !*base)
		return;
	int k = snprintf(p, sizeof p, "%s%s", base, rest);
	if (k < 0 || (size_t)k >= sizeof p)
		w->bad = 1;
	else
		put_stamp(w, "stamp", p);
}

/* A stamped file or folder changed in the last two seconds may still be
 * changing within its time stamp's granularity, which no later stamp
 * would show (fontconfig's own caches have the same race): not kept. */
void fontlookup_write(fontlookup *l, const font_family *fam, FcConfig *sys, FcConfig *app)
{
	if (l->bad)
		return;
	writer w = {BUF_INIT, 0, 0};
	buf_printf(&w.b, LOOKUP_HEAD "\nkey %s\n", buf_cstr(&l->hex));
	for (int st = 0; st < FONT_NSTYLES; st++) {
		const font_face *ff = &fam->face[st];
		char head[32];
		snprintf(head, sizeof head, "face %d", st);
		put_stamp(&w, head, ff->path);
		if (!ff->family || !*ff->family || strchr(ff->family, '\n'))
			w.bad = 1;
		else
			buf_printf(&w.b, "family %d %s\n", st, ff->family);
	}
	put_list(&w, FcConfigGetConfigFiles(sys), 1);
	put_list(&w, FcConfigGetConfigDirs(sys), 0);
	put_list(&w, FcConfigGetFontDirs(sys), 0);
	if (app) {
		put_list(&w, FcConfigGetConfigDirs(app), 0);
		put_list(&w, FcConfigGetFontDirs(app), 0);
	}
	for (int i = 0; i < l->ndirs; i++) {
		put_stamp(&w, "stamp", l->dirs[i]);
		if (l->isdir[i])
			put_tree(&w, l->dirs[i], 8);
	}
	/* what fontconfig's fonts.conf (50-user.conf) reads when it is there:
	 * its absence is part of the answer */
	const char *home = getenv("HOME");
	put_place(&w, getenv("XDG_CONFIG_HOME"), "/fontconfig");
	put_place(&w, home, "/.config/fontconfig");
	put_place(&w, home, "/.fonts.conf");
	put_place(&w, home, "/.fonts.conf.d");
	buf_puts(&w.b, "end\n");
	struct timespec now;
	int settled = clock_gettime(CLOCK_REALTIME, &now) == 0 &&
		      w.newest < (long long)(now.tv_sec - 2) * 1000000000LL + now.tv_nsec;
	if (!w.bad && !w.b.failed && settled && !xalloc_failed())
		cachedir_store(l->name, w.b.data, w.b.len);
	buf_free(&w.b);
}

/* The key's bytes as hex in h. */
static void put_hex(buf *h, const buf *k)
{
	static const char digit[] = "0123456789abcdef";
	for (size_t i = 0; i < k->len; i++) {
		buf_putc(h, digit[k->data[i] >> 4]);
		buf_putc(h, digit[k->data[i] & 15]);
	}
}

void fontlookup_init(fontlookup *l, const char *family, char *const *dirs,
		     const unsigned char *isdir, int ndirs)
{
	l->key = (buf)BUF_INIT;
	l->hex = (buf)BUF_INIT;
	l->dirs = dirs, l->isdir = isdir, l->ndirs = ndirs;
	lookup_key(l, family, &l->key);
	put_hex(&l->hex, &l->key);
	l->bad = l->key.failed || l->hex.failed || !buf_cstr(&l->hex);
	snprintf(l->name, sizeof l->name, "lookup-%016llx.txt",
		 (unsigned long long)cachedir_hash(CACHEDIR_HASH_SEED, l->key.data, l->key.len));
}

void fontlookup_free(fontlookup *l)
{
	buf_free(&l->key);
	buf_free(&l->hex);
}
