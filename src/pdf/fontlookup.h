/* fontlookup.h: fontconfig's answer for a font family, kept on disk
 * between runs so that a run whose answer is there never loads
 * fontconfig's configuration (a fifth of the sample's instructions).
 *
 * One text file per family in the cache folder (cachedir.h), trusted by
 * the stamps of every file and folder the answer depends on.  fonts.c asks
 * here first and fontconfig on a miss; this module only reads and writes
 * entries and never asks fontconfig for a match. */
#ifndef FONTLOOKUP_H
#define FONTLOOKUP_H

#include <sys/stat.h>

#include <fontconfig/fontconfig.h>

#include "base/buf.h"
#include "fonts.h"

/* Room for a stamp as text, its NUL included. */
#define FONTLOOKUP_STAMP_MAX 128

/* What changes when the file or folder sb describes changes, as text in
 * s[FONTLOOKUP_STAMP_MAX]: its kind, device, inode, size, modification
 * and change times.  The one definition both the entries here and the
 * embedded programs' cache (pdffont.h, through font_face.stamp) go by. */
void fontlookup_stamp(const struct stat *sb, char *s);

/* One family's lookup, from fontlookup_init to fontlookup_free. */
typedef struct fontlookup {
	buf key;        /* in full, as the entry must carry it */
	buf hex;        /* the key as hex */
	char name[64];  /* the entry's file name in the cache folder */
	int bad;        /* memory ran out building the key: no entry is used */
	/* the caller's folders (borrowed, see fontlookup_init) */
	char *const *dirs;
	const unsigned char *isdir;
	int ndirs;
} fontlookup;

/* The lookup of family for the caller's folders dirs[0..ndirs) (absolute
 * where they exist, isdir[i] saying which are folders): its key is the
 * family, the folders, fontconfig's version and the environment
 * fontconfig reads.  dirs and isdir must outlive l; free l with
 * fontlookup_free. */
void fontlookup_init(fontlookup *l, const char *family, char *const *dirs,
		     const unsigned char *isdir, int ndirs);

/* 1 when the entry on disk is whole, for this key and every stamp in it
 * holds: then each of fam's four faces has its path, family name and
 * style set (owned by fam; the files are not opened here).  0 on any miss
 * (no entry, a damaged or foreign one, a changed stamp, no memory), with
 * those fields cleared again.  Never says anything. */
int fontlookup_read(fontlookup *l, font_family *fam);

/* Keep fam's four faces, just found through fontconfig in sys (and app,
 * the configuration of the caller's folders, or NULL), as the entry.  Not
 * kept when anything cannot be stamped, memory runs out, or a stamped
 * file changed in the last two seconds.  Never fails nor says anything. */
void fontlookup_write(fontlookup *l, const font_family *fam, FcConfig *sys, FcConfig *app);

void fontlookup_free(fontlookup *l);

#endif
