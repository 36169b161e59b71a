/* fclib.c: fontconfig through dlopen (see dynlib.h for why).  Owns a
 * pointer per function.  Knows nothing of fonts. */
#include "fclib.h"

#include <stddef.h>

#include <fontconfig/fontconfig.h>

#include "base/dynlib.h"

/* The installed library's name and folder, read off the build's
 * libfontconfig.so by the Makefile. */
#ifndef FCLIB_SONAME
#define FCLIB_SONAME "libfontconfig.so.1"
#endif
#ifndef FCLIB_DIR
#define FCLIB_DIR "/usr/lib/x86_64-linux-gnu"
#endif

/* Every function we use: R returns a value, V returns nothing, with
 * <fontconfig/fontconfig.h>'s parameter lists (the definitions below must
 * agree with its prototypes or the build fails). */
#define FCLIB_FUNCTIONS(R, V)                                                                   \
	R(FcConfig *, FcConfigCreate, (void), ())                                               \
	V(FcConfigDestroy, (FcConfig * a), (a))                                                 \
	R(FcStrList *, FcConfigGetFontDirs, (FcConfig * a), (a))                                \
	R(FcStrList *, FcConfigGetConfigDirs, (FcConfig * a), (a))                              \
	R(FcStrList *, FcConfigGetConfigFiles, (FcConfig * a), (a))                             \
	R(FcStrList *, FcConfigGetCacheDirs, (FcConfig * a), (a))                               \
	R(FcBool, FcConfigAppFontAddDir, (FcConfig * a, const FcChar8 *b), (a, b))              \
	R(FcBool, FcConfigParseAndLoadFromMemory, (FcConfig * a, const FcChar8 *b, FcBool c),  \
	  (a, b, c))                                                                            \
	R(FcBool, FcConfigSubstitute, (FcConfig * a, FcPattern *b, FcMatchKind c), (a, b, c))   \
	R(FcConfig *, FcInitLoadConfigAndFonts, (void), ())                                     \
	R(FcChar8 *, FcStrListNext, (FcStrList * a), (a))                                       \
	V(FcStrListDone, (FcStrList * a), (a))                                                  \
	R(int, FcStrCmpIgnoreCase, (const FcChar8 *a, const FcChar8 *b), (a, b))                \
	R(FcPattern *, FcPatternCreate, (void), ())                                             \
	V(FcPatternDestroy, (FcPattern * a), (a))                                               \
	R(FcBool, FcPatternAddString, (FcPattern * a, const char *b, const FcChar8 *c),         \
	  (a, b, c))                                                                            \
	R(FcBool, FcPatternAddInteger, (FcPattern * a, const char *b, int c), (a, b, c))        \
	R(FcResult, FcPatternGetString, (const FcPattern *a, const char *b, int c, FcChar8 **e), \
	  (a, b, c, e))                                                                         \
	V(FcDefaultSubstitute, (FcPattern * a), (a))                                            \
	R(FcPattern *, FcFontMatch, (FcConfig * a, FcPattern *b, FcResult *c), (a, b, c))

/* the pointers, filled by dynlib_open and read-only after it */
static struct functions {
	FCLIB_FUNCTIONS(DYNLIB_POINTER_R, DYNLIB_POINTER_V)
} fn;
static const dynlib_sym syms[] = {FCLIB_FUNCTIONS(DYNLIB_SLOT_R, DYNLIB_SLOT_V)};

static dynlib lib = DYNLIB_INIT(FCLIB_SONAME, "finding fonts", syms, &fn);

sr_status fclib_open(diag *d)
{
	return dynlib_open(&lib, d);
}

const char *fclib_path(void)
{
	return FCLIB_DIR "/" FCLIB_SONAME;
}

/* each function hands on to the loaded one */
FCLIB_FUNCTIONS(DYNLIB_DEFINE_R, DYNLIB_DEFINE_V)
