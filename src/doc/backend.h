/* backend.h: an output format as one row of data -- its name, its file's
 * extension and media type, and the function that renders a finished
 * document tree (doc.h) into bytes.  Each format fills one `const backend`
 * beside its code (pdf.c, odt.c); the app's table (app/backends.c) lists
 * them, and the render loop (app/render.c) runs the chosen rows without
 * knowing which they are.  A row touches no file: the caller writes the
 * bytes. */
#ifndef BACKEND_H
#define BACKEND_H

#include "base/buf.h"
#include "base/diag.h"
#include "base/sr.h"
#include "doc.h"
#include "input/image.h"

/* At most this many formats in one run. */
enum { BACKEND_MAX = 8 };

/* What an engine may need from the caller. */
typedef struct backend_env {
	const char *const *font_dirs; /* NULL-terminated folders searched
				       * first for fonts; may be NULL */
} backend_env;

typedef struct backend {
	const char *name;       /* what -f takes: "pdf" */
	const char *ext;        /* the file name's ending, without the dot */
	const char *media_type; /* "application/pdf" */
	/* What every report in this format shares, loaded once per process
	 * and only read afterwards (fonts, hyphenation patterns, a library):
	 * SR_OK with *engine set (it may stay NULL), or a status with a
	 * message in d.  NULL: the format needs nothing loaded. */
	sr_status (*open)(void **engine, const backend_env *env, diag *d);
	/* Have the engine ready now for reports in font family (NULL: the
	 * default), so processes forked after this share it instead of each
	 * loading it.  Quiet: a render that needs it reports a failure.
	 * NULL: nothing to prepare. */
	void (*prepare)(void *engine, const char *family);
	/* Free what open loaded (engine may be NULL).  NULL: nothing. */
	void (*close)(void *engine);
	/* Render tree as a complete file into out (appended).  When give is
	 * set, the tree is the backend's: it frees it (backend_tree_free) as
	 * soon as it has read it for the last time, before returning at the
	 * latest, on failure too.  On failure out's contents are unspecified
	 * and a message is in d: SR_SYSTEM for a missing resource or out of
	 * memory, SR_INVALID for input-borne problems.  May run in a thread
	 * beside another format's render on the same tree: it only reads the
	 * tree (unless given it) and shares nothing with other formats. */
	sr_status (*render)(void *engine, doc *tree, int give, buf *out, diag *d);
	/* For a format with no engine that reads the tree to the end: render
	 * may be NULL and this renders instead, as render says; the caller
	 * frees a given tree after it (backend_render). */
	sr_status (*render_doc)(const doc *tree, buf *out, diag *d);
} backend;

/* Render tree with row b, as its render (or render_doc) says. */
sr_status backend_render(const backend *b, void *engine, doc *tree, int give, buf *out,
			 diag *d);

/* May tree be rendered: present and in the shape doc.h promises?  SR_OK,
 * else SR_INVALID with "cannot write the <format> file: ..." in d. */
sr_status backend_check_tree(const doc *tree, const char *format, diag *d);

/* Say in d that the <format> file could not be written for want of
 * memory (or room under the output's size limit); returns SR_SYSTEM. */
sr_status backend_out_of_memory(const char *format, diag *d);

/* The house style's logo, when it has one with a size on the page, read
 * into data (appended) and probed into *info: SR_OK (nothing done when
 * there is none), else image_load's status with its message in d. */
sr_status backend_load_logo(const doc *tree, buf *data, image_info *info, diag *d);

/* Free a tree handed to a backend (NULL-safe).  A large tree's memory is
 * given back to the system, not kept for the next tree. */
void backend_tree_free(doc *tree);

#endif
