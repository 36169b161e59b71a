/* backends.c: the table of output formats (see backends.h).  A new format
 * is its own file filling a `const backend` and one row here. */
#include "backends.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "html/html.h"
#include "ooxml/docx.h"
#include "odf/odt.h"
#include "pdf/pdf.h"

/* The PDF last: a report's tree is handed to the last format, and the
 * PDF frees it before its save, the run's peak (render.c). */
const backend *const backends[] = {
	&backend_docx,
	&backend_html,
	&backend_odt,
	&backend_pdf,
	NULL,
};

const backend *backends_find(const char *name, size_t len)
{
	for (const backend *const *b = backends; *b; b++)
		if (strlen((*b)->name) == len && strncmp((*b)->name, name, len) == 0)
			return *b;
	return NULL;
}

const backend *backends_for_path(const char *path)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (!dot || (slash && slash > dot))
		return NULL;
	for (const backend *const *b = backends; *b; b++)
		if (strcasecmp(dot + 1, (*b)->ext) == 0)
			return *b;
	return NULL;
}

char *backends_names(char *out, size_t n, const char *sep)
{
	size_t k = 0;
	if (n)
		out[0] = '\0';
	for (const backend *const *b = backends; *b && k < n; b++) {
		int w = snprintf(out + k, n - k, "%s%s", b == backends ? "" : sep, (*b)->name);
		if (w < 0)
			break;
		k += (size_t)w;
	}
	return out;
}
