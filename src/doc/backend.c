/* backend.c: what every backend shares (see backend.h). */
#include "backend.h"

#include "base/xalloc.h"

enum { TRIM_MIN = 16 * 1024 * 1024 }; /* a tree of ~5,000 measures */

sr_status backend_check_tree(const doc *tree, const char *format, diag *d)
{
	const char *why = NULL;
	if (tree && tree->root && doc_check(tree, &why) == 0)
		return SR_OK;
	diag_add(d, DIAG_ERROR, NULL, 0, 0,
		 "cannot write the %s file: the document is malformed (%s)", format,
		 why ? why : "no document");
	return SR_INVALID;
}

sr_status backend_out_of_memory(const char *format, diag *d)
{
	diag_add(d, DIAG_ERROR, NULL, 0, 0,
		 "cannot write the %s file: out of memory (or over the output size limit)", format);
	return SR_SYSTEM;
}

sr_status backend_load_logo(const doc *tree, buf *data, image_info *info, diag *d)
{
	const doc_style *s = &tree->style;
	if (!s->logo_path || s->logo_w <= 0 || s->logo_h <= 0)
		return SR_OK;
	return image_load(s->logo_path, data, info, (srcpos){0}, d);
}

sr_status backend_render(const backend *b, void *engine, doc *tree, int give, buf *out,
			 diag *d)
{
	if (b->render)
		return b->render(engine, tree, give, out, d);
	sr_status st = b->render_doc(tree, out, d);
	if (give)
		backend_tree_free(tree);
	return st;
}

void backend_tree_free(doc *tree)
{
	/* A large tree's blocks were carved from what the XML reading freed:
	 * in the heap, and not given back by freeing them.  A small one's are
	 * left for the next report of a batch to reuse (trimming after each
	 * cost a batch its page faults). */
	int large = tree && tree->arena.used >= TRIM_MIN;
	doc_free(tree);
	if (large)
		xalloc_trim();
}
