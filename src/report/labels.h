/* labels.h: the words of words.h as one table per language (Bokmål,
 * Nynorsk, English), and the Norwegian ways of writing numbers and dates.
 * Static tables; nothing to free. */
#ifndef LABELS_H
#define LABELS_H

#include <stddef.h>
#include <time.h>

#include "model/model.h"
#include "words.h"

/* The names of the words: W_REPORT, W_CONTENTS, ... (words.h). */
typedef enum word_id {
#define W_ENUM(name, nb, nn, en) W_##name,
	LABEL_WORDS(W_ENUM)
#undef W_ENUM
	W_COUNT
} word_id;

typedef struct labels {
	const char *code;        /* nb | nn | en */
	const char *bcp47;       /* nb-NO | nn-NO | en */
	const char *country;     /* NO | NO | GB: a spreadsheet's locale */
	const char *point, *group; /* "," and a no-break space | "." and "," */
	const char *date_fmt;    /* day, month, year: "%d. %s %d" | "%d %s %d" */
	const char *w[W_COUNT];  /* every word, by name: l->w[W_CONTENTS] */
} labels;

/* A status value's word ([ST_NONE]: "not reported"), a month's name
 * (0: January), an owner type's name. */
static inline const char *labels_status(const labels *l, status_value v)
{
	return l->w[W_ST_NONE + (int)v];
}
static inline const char *labels_month(const labels *l, int m)
{
	return l->w[W_MONTH_JAN + m];
}
static inline const char *labels_owner_type(const labels *l, owner_type t)
{
	return l->w[W_OWNER_RHF + (int)t];
}

/* The labels for a language code ("nb", "nn", "en"); NULL if unknown. */
const labels *labels_for(const char *code);

/* The i-th language's labels (0: nb, 1: nn, 2: en); NULL past the last. */
const labels *labels_nth(size_t i);

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
