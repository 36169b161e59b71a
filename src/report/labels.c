/* labels.c: the words of words.h by language, dates and numbers (see labels.h). */
#include "labels.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define NBSP "\xc2\xa0"

/* The runs that are indexed by a value follow that value's order. */
_Static_assert(W_ST_NOT_APPLICABLE - W_ST_NONE + 1 == ST_COUNT, "a word per status value");
_Static_assert(W_ST_NOT_STARTED - W_ST_NONE == ST_NOT_STARTED && W_ST_DELAYED - W_ST_NONE == ST_DELAYED &&
		       W_ST_ACHIEVED - W_ST_NONE == ST_ACHIEVED,
	       "the status words in the order of status_value");
_Static_assert(W_MONTH_DEC - W_MONTH_JAN == 11, "twelve months");
_Static_assert(W_FORM_STEP_5 - W_FORM_STEP_1 == 4, "the form's five steps");
_Static_assert(W_FORM_MEANS_NOT_APPLICABLE - W_FORM_MEANS_NOT_STARTED == ST_NOT_APPLICABLE - ST_NOT_STARTED,
	       "a meaning per status value but none");
_Static_assert(W_OWNER_OTHER - W_OWNER_RHF == OWNER_OTHER && W_OWNER_GROUP - W_OWNER_RHF == OWNER_GROUP,
	       "the owner types in the order of owner_type");

#define W_NB(name, nb_, nn_, en_) [W_##name] = (nb_),
#define W_NN(name, nb_, nn_, en_) [W_##name] = (nn_),
#define W_EN(name, nb_, nn_, en_) [W_##name] = (en_),

static const labels nb = {"nb", "nb-NO", "NO", ",", NBSP, "%d." NBSP "%s" NBSP "%d", {LABEL_WORDS(W_NB)}};
static const labels nn = {"nn", "nn-NO", "NO", ",", NBSP, "%d." NBSP "%s" NBSP "%d", {LABEL_WORDS(W_NN)}};
static const labels en = {"en", "en", "GB", ".", ",", "%d" NBSP "%s" NBSP "%d", {LABEL_WORDS(W_EN)}};

static const labels *const all[] = {&nb, &nn, &en};

const labels *labels_nth(size_t i)
{
	return i < sizeof all / sizeof all[0] ? all[i] : NULL;
}

const labels *labels_for(const char *code)
{
	if (!code || strcmp(code, "nb") == 0)
		return &nb;
	if (strcmp(code, "nn") == 0)
		return &nn;
	if (strcmp(code, "en") == 0)
		return &en;
	return NULL;
}

/* The date format is the table's, with the same arguments in each. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

void labels_date(const labels *l, time_t t, char *out, size_t n)
{
	struct tm tm;
	gmtime_r(&t, &tm);
	snprintf(out, n, l->date_fmt, tm.tm_mday, labels_month(l, tm.tm_mon), tm.tm_year + 1900);
}

void labels_date_iso(const labels *l, const char *iso, char *out, size_t n)
{
	int y, m, d;
	if (!iso || sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12) {
		snprintf(out, n, "%s", iso ? iso : "");
		return;
	}
	snprintf(out, n, l->date_fmt, d, labels_month(l, m - 1), y);
}

void labels_number(const labels *l, double v, int decimals, char *out, size_t n)
{
	char raw[64];
	if (!isfinite(v)) {
		snprintf(out, n, "–");
		return;
	}
	snprintf(raw, sizeof raw, "%.*f", decimals, v);
	/* drop trailing zeros of the fraction */
	char *dot = strchr(raw, '.');
	if (dot) {
		char *e = raw + strlen(raw);
		while (e > dot + 1 && e[-1] == '0')
			*--e = '\0';
		if (e == dot + 1)
			*dot = '\0';
	}
	if (strcmp(raw, "-0") == 0)
		strcpy(raw, "0");
	const char *group = l->group, *point = l->point;
	char *ip = raw + (raw[0] == '-');
	size_t intlen = strcspn(ip, ".");
	size_t k = 0;
	if (raw[0] == '-' && k + 1 < n)
		out[k++] = '-';
	for (size_t i = 0; i < intlen && k + 3 < n; i++) {
		if (i && (intlen - i) % 3 == 0 && intlen > 4)
			for (const char *g = group; *g && k + 1 < n; g++)
				out[k++] = *g;
		out[k++] = ip[i];
	}
	if (ip[intlen] == '.') {
		for (const char *g = point; *g && k + 1 < n; g++)
			out[k++] = *g;
		for (const char *f = ip + intlen + 1; *f && k + 1 < n; f++)
			out[k++] = *f;
	}
	out[k < n ? k : n - 1] = '\0';
}

void labels_value(const labels *l, double v, const char *unit, char *out, size_t n)
{
	char num[64];
	labels_number(l, v, 2, num, sizeof num);
	if (unit && *unit)
		snprintf(out, n, "%s" NBSP "%s", num, unit);
	else
		snprintf(out, n, "%s", num);
}
