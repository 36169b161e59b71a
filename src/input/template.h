/* template.h: report templates -- the look and the content order of one
 * report kind (see schema/template.rng).  Built-in templates are compiled
 * into the binary; a user's own file is read with the same checks as a
 * plan.  A template owns its arena; template_free releases everything. */
#ifndef TEMPLATE_H
#define TEMPLATE_H

#include <stdint.h>

#include "base/arena.h"
#include "base/diag.h"
#include "doc/style.h"
#include "model/model.h"
#include "xml/xmlin.h"

#define TEMPLATE_NS "urn:statusrapport:template:1"
#define TEMPLATE_DEFAULT "arsrapport"

typedef enum tpl_kind { TPL_ANNUAL, TPL_BOARD, TPL_OWNER } tpl_kind;

typedef enum tpl_sec {
	TPL_TITLE, TPL_COVER, TPL_INTRO, TPL_TOC, TPL_PAGE_BREAK, TPL_SUMMARY_BEGIN, TPL_SUMMARY_END,
	TPL_ABOUT, TPL_CHANGES, TPL_COUNTS, TPL_INDICATORS, TPL_SUMMARIES,
	TPL_MATRIX, TPL_DEVIATIONS, TPL_AREAS, TPL_OWNERS,
	/* the executive page and the board paper */
	TPL_KEY_MESSAGES, TPL_FIGURES, TPL_OWN_SUMMARY, TPL_FELL_BACK, TPL_GOALS,
	TPL_CASE, TPL_RESOLUTION
} tpl_sec;

typedef struct tpl_section {
	tpl_sec kind;
	int level;   /* heading level of the section: 1, or 2 inside <summary> */
	int vision;  /* areas: show the målbilde */
	int charts;  /* counts, indicators: with charts (issue 6; default yes) */
	int targets; /* areas: each measure's indicators, the year's value
		      * against the target, in its row */
} tpl_section;

typedef struct template {
	arena arena;
	const char *name, *file, *description;
	tpl_kind kind;
	const char *lang;            /* NULL: the plan's */
	/* the house style: the built-in one with the values this template
	 * sets put over it (doc_style_fill) */
	doc_style style;
	const char *logo_path;       /* resolved against the template's folder */
	int logo_px_w, logo_px_h;    /* from the image header */
	double logo_width;           /* points */
	int pdfa;                    /* pdfa="yes": PDF/A-2a by default */
	int annual_message;          /* document="annual-message": the cover and
				      * header name the report "Årlig melding" */
	srcpos font_at;              /* the <font> naming style.font_family;
				      * line 0 where none does */
	srcpos status_at[DOC_STATUSES]; /* the <status> setting each status's
					 * colours; line 0 where none does */
	tpl_section *sections;
	size_t nsections, capsections;
} template;

/* The template schema, loaded once per process, and only when a template
 * file is read: compiling it was a millisecond of every run. */
sr_status template_schema_load(xmlin_schema **out, diag *d);

/* Whether name_or_path names a template file rather than a built-in one
 * (it has a '/' or ends in .xml). */
int template_is_file(const char *name_or_path);

/* Load a template by built-in name ("arsrapport") or by path.  A file is
 * validated against schema (not NULL then); a built-in one is not -- the
 * tests validate those -- and schema may be NULL.  On SR_OK the caller
 * owns *out (template_free).  An unknown name is SR_USAGE; a bad file
 * SR_INVALID. */
sr_status template_load(template **out, const xmlin_schema *schema, const char *name_or_path,
			diag *d);
void template_free(template *t);

/* Add a warning to d for each rule of the status palette (doc/palette.h)
 * that t's status colours break, at the <status> element that set them
 * (the later of two).  Returns the number of warnings. */
int template_check_palette(const template *t, diag *d);
/* Put the logo at path (PNG or JPEG) in place of the template's own, at
 * the template's logo width (40 mm when it has no logo).  SR_OK, or the
 * image's problem in d and t without a logo it can show. */
sr_status template_set_logo(template *t, const char *path, diag *d);

/* The built-in template names, NULL-terminated. */
const char *const *template_builtin_names(void);

#endif
