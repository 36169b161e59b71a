/* labels.c: report words in nb, nn and en, dates and numbers (see labels.h). */
#include "labels.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define NBSP "\xc2\xa0"

static const labels nb = {
	"nb", "nb-NO",
	{"Ikke rapportert", "Ikke startet", "Pågår", "Løpende", "Forsinket", "Fullført", "Avbrutt"},
	{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
	 "oktober", "november", "desember"},
	{"Regionalt helseforetak", "Helseforetak", "Gruppe", "Annen"},
	"Statusrapport", "Statusrapport %d – %s", "Innhold", "Side", "av", "Rapportdato",
	"Sammendrag", "Om rapporten", "Status for tiltakene %d", "Innsatsområde", "Totalt", "tiltak",
	"Mål og indikatorer", "Mål", "Utgangspunkt", "Siste verdi", "Målverdi", "I rute",
	"Ikke i rute", "Mangler data", "Vurdering", "Status",
	"Status per helseforetak", "Tiltak der helseforetakene har rapportert egen status for %d.",
	"De %d helseforetakene er fordelt på %d tabeller; hver tabell viser tiltakene der minst ett av dem har rapportert.",
	"Tiltak", "Ansvar", "Kommentar", "Målbilde", "fremdrift", "var", "i", "samlet status",
	"Frist",
	"Vedlegg: Ansvarlige", "Id", "Navn", "Type", "Medlemmer",
	"Oppsummeringer fra rapportørene", "Kilde",
	"Rapporten viser status for %d for tiltakene i %s.",
	"Rapporten viser status for %d for tiltakene %s har ansvar for, direkte eller gjennom en gruppe, i %s.",
	"Ingen statusrapporter er lagt inn for året.",
	"%zu tiltak har kommet videre siden %d, og %zu har falt tilbake.",
	"Avvik: forsinkede og ikke startede tiltak",
	"%zu tiltak er forsinket eller ikke startet i %d.",
	"Ingen tiltak er forsinket eller ikke startet i %d.",
	"Egen siste verdi", "Regional siste verdi",
	"Gå til innholdet",
};

static const labels nn = {
	"nn", "nn-NO",
	{"Ikkje rapportert", "Ikkje starta", "Pågår", "Løpande", "Forseinka", "Fullført", "Avbrote"},
	{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
	 "oktober", "november", "desember"},
	{"Regionalt helseføretak", "Helseføretak", "Gruppe", "Anna"},
	"Statusrapport", "Statusrapport %d – %s", "Innhald", "Side", "av", "Rapportdato",
	"Samandrag", "Om rapporten", "Status for tiltaka %d", "Innsatsområde", "Totalt", "tiltak",
	"Mål og indikatorar", "Mål", "Utgangspunkt", "Siste verdi", "Målverdi", "I rute",
	"Ikkje i rute", "Manglar data", "Vurdering", "Status",
	"Status per helseføretak", "Tiltak der helseføretaka har rapportert eigen status for %d.",
	"Dei %d helseføretaka er fordelte på %d tabellar; kvar tabell viser tiltaka der minst eitt av dei har rapportert.",
	"Tiltak", "Ansvar", "Kommentar", "Målbilete", "framdrift", "var", "i", "samla status",
	"Frist",
	"Vedlegg: Ansvarlege", "Id", "Namn", "Type", "Medlemmer",
	"Oppsummeringar frå rapportørane", "Kjelde",
	"Rapporten viser status for %d for tiltaka i %s.",
	"Rapporten viser status for %d for tiltaka %s har ansvar for, direkte eller gjennom ei gruppe, i %s.",
	"Ingen statusrapportar er lagde inn for året.",
	"%zu tiltak har kome vidare sidan %d, og %zu har falle tilbake.",
	"Avvik: forseinka tiltak og tiltak som ikkje er starta",
	"%zu tiltak er forseinka eller ikkje starta i %d.",
	"Ingen tiltak er forseinka eller ikkje starta i %d.",
	"Eigen siste verdi", "Regional siste verdi",
	"Gå til innhaldet",
};

static const labels en = {
	"en", "en",
	{"Not reported", "Not started", "In progress", "Ongoing", "Delayed", "Completed", "Cancelled"},
	{"January", "February", "March", "April", "May", "June", "July", "August", "September",
	 "October", "November", "December"},
	{"Regional health authority", "Health trust", "Group", "Other"},
	"Status report", "Status report %d – %s", "Contents", "Page", "of", "Report date",
	"Summary", "About this report", "Status of the measures %d", "Focus area", "Total", "measures",
	"Goals and indicators", "Goal", "Baseline", "Latest value", "Target", "On track",
	"Behind", "No data", "Assessment", "Status",
	"Status per health trust", "Measures for which the health trusts reported their own status for %d.",
	"The %d health trusts are split over %d tables; each shows the measures for which at least one of them reported.",
	"Measure", "Responsible", "Comment", "Target picture", "progress", "was", "in", "overall status",
	"Deadline",
	"Appendix: Responsible owners", "Id", "Name", "Type", "Members",
	"Summaries from the reporting owners", "Source",
	"This report shows the %d status of the measures in %s.",
	"This report shows the %d status of the measures %s is responsible for, directly or through a group, in %s.",
	"No status files have been entered for the year.",
	"%zu measures have moved forward since %d, and %zu have fallen back.",
	"Deviations: delayed and not started measures",
	"%zu measures are delayed or not started in %d.",
	"No measure is delayed or not started in %d.",
	"Own latest value", "Regional latest value",
	"Skip to content",
};

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

void labels_date(const labels *l, time_t t, char *out, size_t n)
{
	struct tm tm;
	gmtime_r(&t, &tm);
	if (l == &en)
		snprintf(out, n, "%d %s %d", tm.tm_mday, l->months[tm.tm_mon], tm.tm_year + 1900);
	else
		snprintf(out, n, "%d. %s %d", tm.tm_mday, l->months[tm.tm_mon], tm.tm_year + 1900);
}

void labels_date_iso(const labels *l, const char *iso, char *out, size_t n)
{
	int y, m, d;
	if (!iso || sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12) {
		snprintf(out, n, "%s", iso ? iso : "");
		return;
	}
	if (l == &en)
		snprintf(out, n, "%d %s %d", d, l->months[m - 1], y);
	else
		snprintf(out, n, "%d. %s %d", d, l->months[m - 1], y);
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
	const char *group = l == &en ? "," : NBSP, *point = l == &en ? "." : ",";
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
