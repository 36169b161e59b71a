/* labels.h: every word a report prints that does not come from the input,
 * in Bokmål, Nynorsk and English, and the Norwegian ways of writing numbers
 * and dates.  Static tables; nothing to free. */
#ifndef LABELS_H
#define LABELS_H

#include <stddef.h>
#include <time.h>

#include "model/model.h"

typedef struct labels {
	const char *code;        /* nb | nn | en */
	const char *bcp47;       /* nb-NO | nn-NO | en */
	const char *status[ST_COUNT]; /* [ST_NONE] = "not reported" */
	const char *months[12];
	const char *owner_type[4];
	const char *report, *report_for, *contents, *page, *of, *date_label;
	const char *summary, *about, *counts_title, *area, *total, *measures_word;
	const char *indicators_title, *indicator, *baseline, *latest, *target, *on_track,
		*behind, *no_data, *status_word, *status_col;
	const char *matrix_title, *matrix_intro, *matrix_split;
	const char *measure, *responsible, *comment, *vision, *progress, *was, *in_year,
		*overall_fallback, *deadline;
	const char *owners_title, *id, *name, *type, *members;
	const char *summaries_title, *source, *about_text, *about_owner_text, *sources_none;
	const char *changes_text;
	const char *deviations_title, *deviations_intro, *deviations_none, *own_latest, *regional_latest;
	const char *skip_to_content; /* the web page's skip link */
} labels;

/* The labels for a language code ("nb", "nn", "en"); NULL if unknown. */
const labels *labels_for(const char *code);

/* "23. november 2026" (nb/nn) or "23 November 2026" (en), in UTC. */
void labels_date(const labels *l, time_t t, char *out, size_t n);
/* The same from "YYYY-MM-DD". */
void labels_date_iso(const labels *l, const char *iso, char *out, size_t n);

/* A number the Norwegian way: decimal comma, non-breaking thin grouping
 * ("1 234,5"); English: "1,234.5".  At most `decimals` decimals, trailing
 * zeros dropped. */
void labels_number(const labels *l, double v, int decimals, char *out, size_t n);

/* A value with its unit: "3,5 %" (non-breaking space), "120 studier". */
void labels_value(const labels *l, double v, const char *unit, char *out, size_t n);

#endif
