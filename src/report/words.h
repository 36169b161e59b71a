/* words.h: every word statusrapport prints that does not come from the
 * input, for the reports, their charts, the forms and the overview of a
 * reporting round: one line per word, W(NAME, Bokmål, Nynorsk, English).
 *
 * labels.h turns the names into W_NAME and labels.c the texts into one
 * table per language, by name, so a word cannot land on another word's
 * place, and a line with a language missing does not compile.  Entries
 * with %-directives are formats: the three languages take the same
 * arguments in the same order.  Runs that are indexed by a value (status
 * values, months, owner types, the form's meanings and steps) keep the
 * order labels.c checks. */
#ifndef WORDS_H
#define WORDS_H

#define LABEL_WORDS(W) \
	/* status values, in the order of status_value */ \
	W(ST_NONE, "Ikke rapportert", "Ikkje rapportert", "Not reported") \
	W(ST_NOT_STARTED, "Ikke startet", "Ikkje starta", "Not started") \
	W(ST_IN_PROGRESS, "Pågår", "Pågår", "In progress") \
	W(ST_ONGOING, "Løpende", "Løpande", "Ongoing") \
	W(ST_DELAYED, "Forsinket", "Forseinka", "Delayed") \
	W(ST_COMPLETED, "Fullført", "Fullført", "Completed") \
	W(ST_CANCELLED, "Avbrutt", "Avbrote", "Cancelled") \
	W(ST_ACHIEVED, "Oppnådd", "Oppnådd", "Achieved") \
	W(ST_PARTLY_ACHIEVED, "Delvis oppnådd", "Delvis oppnådd", "Partly achieved") \
	W(ST_NOT_ACHIEVED, "Ikke oppnådd", "Ikkje oppnådd", "Not achieved") \
	W(ST_NOT_APPLICABLE, "Ikke aktuelt", "Ikkje aktuelt", "Not applicable") \
	/* months, January first */ \
	W(MONTH_JAN, "januar", "januar", "January") \
	W(MONTH_FEB, "februar", "februar", "February") \
	W(MONTH_MAR, "mars", "mars", "March") \
	W(MONTH_APR, "april", "april", "April") \
	W(MONTH_MAY, "mai", "mai", "May") \
	W(MONTH_JUN, "juni", "juni", "June") \
	W(MONTH_JUL, "juli", "juli", "July") \
	W(MONTH_AUG, "august", "august", "August") \
	W(MONTH_SEP, "september", "september", "September") \
	W(MONTH_OCT, "oktober", "oktober", "October") \
	W(MONTH_NOV, "november", "november", "November") \
	W(MONTH_DEC, "desember", "desember", "December") \
	/* owner types, in the order of owner_type */ \
	W(OWNER_RHF, "Regionalt helseforetak", "Regionalt helseføretak", "Regional health authority") \
	W(OWNER_HF, "Helseforetak", "Helseføretak", "Health trust") \
	W(OWNER_GROUP, "Gruppe", "Gruppe", "Group") \
	W(OWNER_OTHER, "Annen", "Anna", "Other") \
	/* the report */ \
	W(REPORT, "Statusrapport", "Statusrapport", "Status report") \
	W(REPORT_FOR, "Statusrapport %d – %s", "Statusrapport %d – %s", "Status report %d – %s") \
	/* a template's document="annual-message": the report on an assignment letter */ \
	W(ANNUAL_MESSAGE, "Årlig melding", "Årleg melding", "Annual report") \
	W(ANNUAL_MESSAGE_FOR, "Årlig melding %d – %s", "Årleg melding %d – %s", "Annual report %d – %s") \
	W(CONTENTS, "Innhold", "Innhald", "Contents") \
	W(QUOTE_OPEN, "«", "«", "“") \
	W(QUOTE_CLOSE, "»", "»", "”") \
	W(PAGE, "Side", "Side", "Page") \
	W(SKIP_TO_CONTENT, "Gå til innholdet", "Gå til innhaldet", "Skip to content") \
	W(OF, "av", "av", "of") \
	W(DATE_LABEL, "Rapportdato", "Rapportdato", "Report date") \
	W(PERIOD, "Planperiode", "Planperiode", "Plan period") \
	W(INTRO, "Innledning", "Innleiing", "Introduction") \
	W(SUMMARY, "Sammendrag", "Samandrag", "Summary") \
	W(ABOUT, "Om rapporten", "Om rapporten", "About this report") \
	W(COUNTS_TITLE, "Status for tiltakene %d", "Status for tiltaka %d", "Status of the measures %d") \
	W(AREA, "Innsatsområde", "Innsatsområde", "Focus area") \
	W(TOTAL, "Totalt", "Totalt", "Total") \
	W(INDICATORS_TITLE, "Mål og indikatorer", "Mål og indikatorar", "Goals and indicators") \
	W(INDICATOR, "Mål", "Mål", "Goal") \
	W(BASELINE, "Utgangspunkt", "Utgangspunkt", "Baseline") \
	W(LATEST, "Siste verdi", "Siste verdi", "Latest value") \
	W(TARGET, "Målverdi", "Målverdi", "Target") \
	W(ON_TRACK, "I rute", "I rute", "On track") \
	W(BEHIND, "Ikke i rute", "Ikkje i rute", "Behind") \
	W(NO_DATA, "Mangler data", "Manglar data", "No data") \
	/* a measure's indicator in its row (<areas targets="yes"/>): the
	 * year's value against the target, in its direction */ \
	W(ROW_TARGET_AT_MOST, "%s: %s i %d, mål høyst %s", "%s: %s i %d, mål høgst %s", "%s: %s in %d, target at most %s") \
	W(ROW_TARGET_AT_LEAST, "%s: %s i %d, mål minst %s", "%s: %s i %d, mål minst %s", "%s: %s in %d, target at least %s") \
	W(ROW_NO_VALUE, "ingen verdi", "ingen verdi", "no value") \
	W(STATUS_WORD, "Vurdering", "Vurdering", "Assessment") \
	W(STATUS_COL, "Status", "Status", "Status") \
	W(MATRIX_TITLE, "Status per helseforetak", "Status per helseføretak", "Status per health trust") \
	W(MATRIX_INTRO, "Statusen for %d for hvert tiltak: først den samlede, så hvert helseforetaks egen. Tiltakene står i sin helhet under innsatsområdene.", "Statusen for %d for kvart tiltak: først den samla, så kvart helseføretak si eiga. Tiltaka står i heilskap under innsatsområda.", "The status for %d of each measure: the overall status first, then each health trust's own. The measures are given in full under the focus areas.") \
	W(MATRIX_TITLE_RHF, "Status per regionalt helseforetak", "Status per regionalt helseføretak", "Status per regional health authority") \
	W(MATRIX_INTRO_RHF, "Statusen for %d for hvert tiltak: først den samlede, så hvert regionale helseforetaks egen. Tiltakene står i sin helhet under innsatsområdene.", "Statusen for %d for kvart tiltak: først den samla, så kvart regionale helseføretak si eiga. Tiltaka står i heilskap under innsatsområda.", "The status for %d of each measure: the overall status first, then each regional health authority's own. The measures are given in full under the focus areas.") \
	W(MATRIX_TITLE_OWNER, "Status per ansvarlig", "Status per ansvarleg", "Status per owner") \
	W(MATRIX_INTRO_OWNER, "Statusen for %d for hvert tiltak, for hver ansvarlig. Tiltakene står i sin helhet under innsatsområdene.", "Statusen for %d for kvart tiltak, for kvar ansvarleg. Tiltaka står i heilskap under innsatsområda.", "The status for %d of each measure, for each owner. The measures are given in full under the focus areas.") \
	W(MATRIX_KEY, "Tegnforklaring", "Teiknforklaring", "Key") \
	W(NOT_RESPONSIBLE, "ikke ansvarlig", "ikkje ansvarleg", "not responsible") \
	W(MATRIX_BLANK, "tom rute: ikke rapportert", "tom rute: ikkje rapportert", "blank: not reported") \
	W(MATRIX_SPLIT, "De %d helseforetakene er fordelt på %d tabeller; hver tabell viser tiltakene der minst ett av dem har rapportert.", "Dei %d helseføretaka er fordelte på %d tabellar; kvar tabell viser tiltaka der minst eitt av dei har rapportert.", "The %d health trusts are split over %d tables; each shows the measures for which at least one of them reported.") \
	W(MEASURE, "Tiltak", "Tiltak", "Measure") \
	W(RESPONSIBLE, "Ansvar", "Ansvar", "Responsible") \
	W(COMMENT, "Kommentar", "Kommentar", "Comment") \
	W(VISION, "Målbilde", "Målbilete", "Target picture") \
	W(PROGRESS, "fremdrift", "framdrift", "progress") \
	W(WAS, "var", "var", "was") \
	W(IN, "i", "i", "in") \
	W(OVERALL_FALLBACK, "samlet status", "samla status", "overall status") \
	W(DEADLINE, "Frist", "Frist", "Deadline") \
	W(OWNERS_TITLE, "Vedlegg: Ansvarlige", "Vedlegg: Ansvarlege", "Appendix: Responsible owners") \
	W(ID, "Id", "Id", "Id") \
	W(NAME, "Navn", "Namn", "Name") \
	W(TYPE, "Type", "Type", "Type") \
	W(MEMBERS, "Medlemmer", "Medlemmer", "Members") \
	W(OWNER_LINKS, "Tilhørighet", "Tilhøyrsle", "Part of") \
	W(OWNER_CONSISTS, "Består av %s", "Består av %s", "Consists of %s") \
	W(OWNER_UNDER, "Rapporterer til %s", "Rapporterer til %s", "Reports to %s") \
	W(OWNER_MEMBER_OF, "Med i %s", "Med i %s", "Member of %s") \
	W(SUMMARIES_TITLE, "Oppsummeringer fra rapportørene", "Oppsummeringar frå rapportørane", "Summaries from the reporting owners") \
	W(SOURCE, "Kilde", "Kjelde", "Source") \
	W(ABOUT_TEXT, "Rapporten viser status for %d for tiltakene i %s.", "Rapporten viser status for %d for tiltaka i %s.", "This report shows the %d status of the measures in %s.") \
	W(ABOUT_OWNER_TEXT, "Rapporten viser status for %d for tiltakene %s har ansvar for, direkte eller gjennom en gruppe, i %s.", "Rapporten viser status for %d for tiltaka %s har ansvar for, direkte eller gjennom ei gruppe, i %s.", "This report shows the %d status of the measures %s is responsible for, directly or through a group, in %s.") \
	W(SOURCES_NONE, "Ingen statusrapporter er lagt inn for året.", "Ingen statusrapportar er lagde inn for året.", "No status files have been entered for the year.") \
	W(CHANGES_TEXT, "%zu tiltak har kommet videre siden %d, og %zu har falt tilbake.", "%zu tiltak har kome vidare sidan %d, og %zu har falle tilbake.", "%zu measures have moved forward since %d, and %zu have fallen back.") \
	W(DEVIATIONS_TITLE, "Avvik: forsinkede, ikke startede og avbrutte tiltak", "Avvik: forseinka, ikkje starta og avbrotne tiltak", "Deviations: delayed, not started and cancelled measures") \
	W(DEVIATIONS_NONE, "Ingen tiltak er forsinket, ikke startet eller avbrutt i %d.", "Ingen tiltak er forseinka, ikkje starta eller avbrotne i %d.", "No measure is delayed, not started or cancelled in %d.") \
	W(DEVIATIONS_TITLE_ACHIEVED, "Avvik: tiltak som ikke eller bare delvis er oppnådd", "Avvik: tiltak som ikkje eller berre delvis er oppnådde", "Deviations: measures not or only partly achieved") \
	W(DEVIATIONS_NONE_ACHIEVED, "Ingen tiltak er ikke eller bare delvis oppnådd i %d.", "Ingen tiltak er ikkje eller berre delvis oppnådde i %d.", "No measure is not or only partly achieved in %d.") \
	/* the executive page: key messages, headline figures, deviations */ \
	W(KEY_MESSAGES, "Hovedbudskap", "Hovudbodskap", "Key messages") \
	W(FIGURES, "Hovedtall", "Hovudtal", "Key figures") \
	W(FIG_MEASURES, "Tiltak i alt", "Tiltak i alt", "Measures in all") \
	W(FIG_FORWARD, "Kommet videre", "Kome vidare", "Moved forward") \
	W(FIG_BACK, "Falt tilbake", "Falle tilbake", "Fallen back") \
	W(AND, "og", "og", "and") \
	W(MSG_COUNTS_ONE, "Status for det ene tiltaket: %s.", "Status for det eine tiltaket: %s.", "Status of the one measure: %s.") \
	W(MSG_COUNTS, "Status for de %zu tiltakene: %s.", "Status for dei %zu tiltaka: %s.", "Status of the %zu measures: %s.") \
	W(MSG_FORWARD_ONE, "Tiltak %s har kommet videre siden %d.", "Tiltak %s har kome vidare sidan %d.", "Measure %s has moved forward since %d.") \
	W(MSG_FORWARD, "%zu tiltak har kommet videre siden %d: %s.", "%zu tiltak har kome vidare sidan %d: %s.", "%zu measures have moved forward since %d: %s.") \
	W(MSG_BACK_ONE, "Tiltak %s har falt tilbake siden %d.", "Tiltak %s har falle tilbake sidan %d.", "Measure %s has fallen back since %d.") \
	W(MSG_BACK, "%zu tiltak har falt tilbake siden %d: %s.", "%zu tiltak har falle tilbake sidan %d: %s.", "%zu measures have fallen back since %d: %s.") \
	W(MSG_DELAYED_ONE, "1 tiltak er forsinket (%s)", "1 tiltak er forseinka (%s)", "1 measure is delayed (%s)") \
	W(MSG_DELAYED, "%zu tiltak er forsinket (%s)", "%zu tiltak er forseinka (%s)", "%zu measures are delayed (%s)") \
	W(MSG_NOT_STARTED_ONE, "1 tiltak er ikke startet (%s)", "1 tiltak er ikkje starta (%s)", "1 measure has not started (%s)") \
	W(MSG_NOT_STARTED, "%zu tiltak er ikke startet (%s)", "%zu tiltak er ikkje starta (%s)", "%zu measures have not started (%s)") \
	W(MSG_CANCELLED_ONE, "1 tiltak er avbrutt (%s)", "1 tiltak er avbrote (%s)", "1 measure was cancelled (%s)") \
	W(MSG_CANCELLED, "%zu tiltak er avbrutt (%s)", "%zu tiltak er avbrotne (%s)", "%zu measures were cancelled (%s)") \
	W(MSG_NOT_ACHIEVED_ONE, "1 tiltak er ikke oppnådd (%s)", "1 tiltak er ikkje oppnådd (%s)", "1 measure was not achieved (%s)") \
	W(MSG_NOT_ACHIEVED, "%zu tiltak er ikke oppnådd (%s)", "%zu tiltak er ikkje oppnådde (%s)", "%zu measures were not achieved (%s)") \
	W(MSG_PARTLY_ACHIEVED_ONE, "1 tiltak er delvis oppnådd (%s)", "1 tiltak er delvis oppnådd (%s)", "1 measure was partly achieved (%s)") \
	W(MSG_PARTLY_ACHIEVED, "%zu tiltak er delvis oppnådd (%s)", "%zu tiltak er delvis oppnådde (%s)", "%zu measures were partly achieved (%s)") \
	W(MSG_IND_ALL, "Alle de %zu målene er i rute.", "Alle dei %zu måla er i rute.", "All %zu goals are on track.") \
	W(MSG_IND_ALL_ONE, "Målet %s er i rute.", "Målet %s er i rute.", "The goal %s is on track.") \
	W(MSG_IND_NONE_ONE, "Målet %s er ikke i rute.", "Målet %s er ikkje i rute.", "The goal %s is behind.") \
	W(MSG_IND_NONE, "Ingen av de %zu målene er i rute: %s.", "Ingen av dei %zu måla er i rute: %s.", "None of the %zu goals is on track: %s.") \
	W(MSG_IND_ONE, "1 av %zu mål er i rute; ikke i rute: %s.", "1 av %zu mål er i rute; ikkje i rute: %s.", "1 of %zu goals is on track; behind: %s.") \
	W(MSG_IND_NONE_COUNTED, "Ingen av de %zu målene er i rute.", "Ingen av dei %zu måla er i rute.", "None of the %zu goals is on track.") \
	W(MSG_IND_BEHIND, "%zu av %zu mål er ikke i rute.", "%zu av %zu mål er ikkje i rute.", "%zu of %zu goals are behind.") \
	W(MSG_IND_BEHIND_ONE, "1 av %zu mål er ikke i rute.", "1 av %zu mål er ikkje i rute.", "1 of %zu goals is behind.") \
	W(MSG_IND_SOME, "%zu av %zu mål er i rute; ikke i rute: %s.", "%zu av %zu mål er i rute; ikkje i rute: %s.", "%zu of %zu goals are on track; behind: %s.") \
	W(SOURCES_LEAD, "Statusrapporter mottatt fra:", "Statusrapportar mottekne frå:", "Status reports received from:") \
	W(OWN_SUMMARY, "Oppsummering fra %s", "Oppsummering frå %s", "Summary from %s") \
	W(FELL_BACK_TITLE, "Tiltak som har falt tilbake", "Tiltak som har falle tilbake", "Measures that have fallen back") \
	W(TREND, "Utvikling", "Utvikling", "Trend") \
	W(QUOTED, "«%s»", "«%s»", "“%s”") \
	/* the board paper */ \
	W(CASE_NUMBER, "Saksnummer", "Saksnummer", "Case number") \
	W(MEETING_DATE, "Møtedato", "Møtedato", "Meeting date") \
	W(CASE_OFFICER, "Saksbehandler", "Sakshandsamar", "Case officer") \
	W(ARCHIVE_REF, "Arkivreferanse", "Arkivreferanse", "Archive reference") \
	W(RESOLUTION_TITLE, "Forslag til vedtak", "Framlegg til vedtak", "Proposed resolution") \
	W(RESOLUTION_DEFAULT, "Styret tar statusrapporten for %d til orientering.", "Styret tek statusrapporten for %d til orientering.", "The board takes note of the status report for %d.") \
	W(OWN_LATEST, "Egen siste verdi", "Eigen siste verdi", "Own latest value") \
	W(REGIONAL_LATEST, "Regional siste verdi", "Regional siste verdi", "Regional latest value") \
	W(OVERALL_LATEST, "Samlet siste verdi", "Samla siste verdi", "Overall latest value") \
	W(COMPUTED, "beregnet, %zu av %zu har rapportert", "rekna ut, %zu av %zu har rapportert", "computed, %zu of %zu reported") \
	/* a status computed from an indicator's value against its target: \
	 * the value, then the target, each with its unit (minst/høyst: equal \
	 * meets it) */ \
	W(COMPUTED_MIN, "beregnet fra %s, mål minst %s", "rekna ut frå %s, mål minst %s", "computed from %s, target at least %s") \
	W(COMPUTED_MAX, "beregnet fra %s, mål høyst %s", "rekna ut frå %s, mål høgst %s", "computed from %s, target at most %s") \
	W(COMPUTED_WITHIN, "innenfor toleransen på %s", "innanfor toleransen på %s", "within the tolerance of %s") \
	W(COMPUTED_MARK, "beregnet", "rekna ut", "computed") \
	W(MATRIX_COMPUTED, "beregnet fra indikatorverdien, ikke rapportert", "rekna ut frå indikatorverdien, ikkje rapportert", "computed from the indicator's value, not reported") \
	W(MSG_COMPUTED_ONE, "Statusen for %s er beregnet fra indikatorverdien, ikke rapportert.", "Statusen for %s er rekna ut frå indikatorverdien, ikkje rapportert.", "The status of %s is computed from the indicator's value, not reported.") \
	W(MSG_COMPUTED, "Statusen for %zu tiltak er beregnet fra indikatorverdiene, ikke rapportert: %s.", "Statusen for %zu tiltak er rekna ut frå indikatorverdiane, ikkje rapportert: %s.", "The status of %zu measures is computed from their indicators' values, not reported: %s.") \
	/* the charts */ \
	W(CHART_REGIONAL, "Regionalt", "Regionalt", "Regional") \
	W(OVERALL, "Samlet", "Samla", "Overall") \
	W(BREAKDOWN_CAPTION, "%s. Fordeling: %s, %d", "%s. Fordeling: %s, %d", "%s. Breakdown: %s, %d") \
	W(BREAKDOWN_FINDING, "Flest i %s: %s", "Flest i %s: %s", "Most in %s: %s") \
	W(CHART_HBAR_SORTED, "Liggende stolpediagram, sortert", "Liggjande stolpediagram, sortert", "Sorted horizontal bar chart") \
	W(CHART_TRACK, "Bane mot målet", "Bane mot målet", "Path to target") \
	W(CHART_VALUES, "Verdier", "Verdiar", "Values") \
	W(CHART_LINE, "Linjediagram", "Linjediagram", "Line chart") \
	W(CHART_BAR, "Stolpediagram", "Stolpediagram", "Bar chart") \
	W(CHART_HBAR, "Liggende stolpediagram", "Liggjande stolpediagram", "Horizontal stacked bar chart") \
	/* an indicator chart's title states its finding: the latest value, \
	 * its year, then the target and its year */ \
	W(CHART_FINDING_ON, "%s i %d – i rute mot målet %s i %d", "%s i %d – i rute mot målet %s i %d", "%s in %d – on track for the target of %s in %d") \
	W(CHART_FINDING_BEHIND, "%s i %d – ikke i rute mot målet %s i %d", "%s i %d – ikkje i rute mot målet %s i %d", "%s in %d – behind the path to the target of %s in %d") \
	W(CHART_FINDING_LATEST, "%s i %d", "%s i %d", "%s in %d") \
	W(CHART_FINDING_NONE, "Ingen verdier ennå – målet er %s i %d", "Ingen verdiar enno – målet er %s i %d", "No values yet – the target is %s in %d") \
	W(CHART_VALUES_TITLE, "Verdiene i diagrammene", "Verdiane i diagramma", "The values in the charts") \
	W(CHART_BASE_TARGET, "Utgangspunkt og mål", "Utgangspunkt og mål", "Baseline and target") \
	/* the counts chart's title: in progress or ongoing, of all, completed, delayed */ \
	W(COUNTS_FINDING_ACHIEVED, "%zu av %zu tiltak er oppnådd, %zu delvis oppnådd og %zu ikke oppnådd", "%zu av %zu tiltak er oppnådde, %zu delvis oppnådde og %zu ikkje oppnådde", "%zu of %zu measures achieved, %zu partly achieved and %zu not achieved") \
	W(COUNTS_FINDING_NONE_DELAYED, "%zu av %zu tiltak pågår eller er løpende, %zu er fullført og ingen er forsinket", "%zu av %zu tiltak pågår eller er løpande, %zu er fullførte og ingen er forseinka", "%zu of %zu measures are in progress or ongoing, %zu completed and none delayed") \
	W(COUNTS_FINDING, "%zu av %zu tiltak pågår eller er løpende, %zu er fullført og %zu er forsinket", "%zu av %zu tiltak pågår eller er løpande, %zu er fullførte og %zu er forseinka", "%zu of %zu measures are in progress or ongoing, %zu completed and %zu delayed") \
	/* the forms (column headers that the report also prints are shared) */ \
	W(FORM_STATUS_YEAR, "Status %d", "Status %d", "Status %d") \
	W(FORM_COMMENT_YEAR, "Kommentar %d", "Kommentar %d", "Comment %d") \
	W(FORM_PROGRESS_PCT, "Fremdrift %%", "Framdrift %%", "Progress %%") \
	W(FORM_INDICATOR, "Indikator", "Indikator", "Indicator") \
	W(FORM_UNIT, "Enhet", "Eining", "Unit") \
	W(FORM_VALUE_YEAR, "Verdi %d", "Verdi %d", "Value %d") \
	W(FORM_TITLE, "Statusskjema %d – %s", "Statusskjema %d – %s", "Status form %d – %s") \
	W(FORM_PLAN, "Plan", "Plan", "Plan") \
	W(FORM_OWNER, "Eier", "Eigar", "Owner") \
	W(FORM_YEAR, "År", "År", "Year") \
	W(FORM_OVERALL, "samlet", "samla", "overall") \
	W(FORM_BAD_STATUS_TITLE, "Ukjent status", "Ukjend status", "Unknown status") \
	W(FORM_BAD_VALUE_TITLE, "Ugyldig verdi", "Ugyldig verdi", "Invalid value") \
	W(FORM_BAD_STATUS, "Velg en status fra listen.", "Vel ein status frå lista.", "Choose a status from the list.") \
	W(FORM_BAD_PROGRESS, "Skriv et helt tall fra 0 til 100.", "Skriv eit heilt tal frå 0 til 100.", "Enter a whole number from 0 to 100.") \
	W(FORM_BAD_NUMBER, "Skriv et tall.", "Skriv eit tal.", "Enter a number.") \
	W(FORM_HELP_TITLE, "Veiledning", "Rettleiing", "Guidance") \
	W(FORM_HELP_INTRO, "Skjemaet samler status for %d for tiltakene %s har ansvar for i «%s».", "Skjemaet samlar status for %d for tiltaka %s har ansvar for i «%s».", "This form collects the %d status of the measures %s is responsible for in “%s”.") \
	W(FORM_STEP_1, "1. Arket Status har én rad per tiltak. De grå feltene viser tiltaket og fjorårets status og kan ikke endres.", "1. Arket Status har éi rad per tiltak. Dei grå felta viser tiltaket og fjorårets status og kan ikkje endrast.", "1. The sheet Status has one row per measure. The grey cells show the measure and last year's status and cannot be changed.") \
	W(FORM_STEP_2, "2. Velg status for i år i kolonnen «Status %d» (nedtrekksliste).", "2. Vel status for i år i kolonnen «Status %d» (nedtrekksliste).", "2. Choose this year's status in the column “Status %d” (drop-down list).") \
	W(FORM_STEP_3, "3. Skriv gjerne fremdrift i prosent (0–100) og en kort kommentar.", "3. Skriv gjerne framdrift i prosent (0–100) og ein kort kommentar.", "3. Add the progress in per cent (0–100) and a short comment if you like.") \
	W(FORM_STEP_4, "4. La feltene stå tomme for tiltak dere ikke rapporterer på: de blir stående som ikke rapportert, ikke som «Ikke startet».", "4. La felta stå tomme for tiltak de ikkje rapporterer på: dei blir ståande som ikkje rapportert, ikkje som «Ikkje starta».", "4. Leave the cells empty for measures you do not report on: they stay not reported, not “Not started”.") \
	W(FORM_STEP_5, "5. Fyll inn årets verdier på arket Indikatorer. Ikke flytt eller slett kolonner eller radene øverst: de brukes når skjemaet leses inn igjen.", "5. Fyll inn årets verdiar på arket Indikatorer. Ikkje flytt eller slett kolonnar eller radene øvst: dei blir brukte når skjemaet blir lese inn att.", "5. Enter this year's values on the sheet Indikatorer. Do not move or delete columns or the top rows: they are used when the form is read back.") \
	W(FORM_STEP_4_ACHIEVED, "4. La feltene stå tomme for tiltak dere ikke rapporterer på: de blir stående som ikke rapportert, ikke som «Ikke oppnådd».", "4. La felta stå tomme for tiltak de ikkje rapporterer på: dei blir ståande som ikkje rapportert, ikkje som «Ikkje oppnådd».", "4. Leave the cells empty for measures you do not report on: they stay not reported, not “Not achieved”.") \
	W(FORM_VALUES_TITLE, "Statusverdier", "Statusverdiar", "Status values") \
	W(FORM_MEANS_NOT_STARTED, "Arbeidet er ikke begynt.", "Arbeidet er ikkje byrja.", "Work has not begun.") \
	W(FORM_MEANS_IN_PROGRESS, "Arbeidet er i gang og har en sluttdato.", "Arbeidet er i gang og har ein sluttdato.", "Work is under way and has an end date.") \
	W(FORM_MEANS_ONGOING, "En fast, løpende aktivitet uten sluttdato.", "Ein fast, løpande aktivitet utan sluttdato.", "A standing activity without an end date.") \
	W(FORM_MEANS_DELAYED, "Arbeidet er i gang, men ligger etter planen.", "Arbeidet er i gang, men ligg etter planen.", "Work is under way but behind plan.") \
	W(FORM_MEANS_COMPLETED, "Tiltaket er gjennomført.", "Tiltaket er gjennomført.", "The measure is done.") \
	W(FORM_MEANS_CANCELLED, "Tiltaket er stoppet og skal ikke gjennomføres.", "Tiltaket er stoppa og skal ikkje gjennomførast.", "The measure was stopped and will not be carried out.") \
	W(FORM_MEANS_ACHIEVED, "Det som var bestilt, er oppnådd.", "Det som var bestilt, er oppnådd.", "What was asked for has been achieved.") \
	W(FORM_MEANS_PARTLY_ACHIEVED, "Noe av det som var bestilt, er oppnådd.", "Noko av det som var bestilt, er oppnådd.", "Some of what was asked for has been achieved.") \
	W(FORM_MEANS_NOT_ACHIEVED, "Det som var bestilt, er ikke oppnådd.", "Det som var bestilt, er ikkje oppnådd.", "What was asked for has not been achieved.") \
	W(FORM_MEANS_NOT_APPLICABLE, "Bestillingen gjelder ikke for dette året eller denne eieren.", "Bestillinga gjeld ikkje for dette året eller denne eigaren.", "The assignment does not apply this year or to this owner.") \
	W(FORM_DEADLINE, "Frist: %s.", "Frist: %s.", "Deadline: %s.") \
	W(FORM_DEADLINE_NONE, "Frist: se brevet eller e-posten skjemaet kom med.", "Frist: sjå brevet eller e-posten skjemaet kom med.", "Deadline: see the letter or e-mail the form came with.") \
	W(FORM_CONTACT, "Send det utfylte skjemaet til: %s.", "Send det utfylte skjemaet til: %s.", "Send the completed form to: %s.") \
	W(FORM_CONTACT_NONE, "Send det utfylte skjemaet tilbake til %s, til den som sendte det til dere.", "Send det utfylte skjemaet tilbake til %s, til den som sende det til dykk.", "Send the completed form back to %s, to whoever sent it to you.") \
	W(FORM_XML_INTRO, "Statusskjema %d for %s: %s.\nFyll inn en <status> per tiltak dere rapporterer på, med value en av:\n%s.\nprogress=\"0-100\" kan legges til. Et tiltak uten <status> står som ikke rapportert.", "Statusskjema %d for %s: %s.\nFyll inn ein <status> per tiltak de rapporterer på, med value ein av:\n%s.\nprogress=\"0-100\" kan leggjast til. Eit tiltak utan <status> står som ikkje rapportert.", "Status form %d for %s: %s.\nAdd one <status> per measure you report on, with value one of:\n%s.\nprogress=\"0-100\" may be added. A measure without <status> stays not reported.") \
	W(FORM_XML_FILL, "Fyll inn:", "Fyll inn:", "Fill in:") \
	W(FORM_XML_VALUE, "Verdi %d:", "Verdi %d:", "Value %d:") \
	/* the header of a CSV of indicator values (import), with FORM_INDICATOR, FORM_OWNER and FORM_YEAR */ \
	W(CSV_CATEGORY, "Kategori", "Kategori", "Category") \
	W(CSV_VALUE, "Verdi", "Verdi", "Value") \
	/* the overview of a reporting round (collect) */ \
	W(COLLECT_TITLE, "Innsamling %d – %s", "Innsamling %d – %s", "Collection %d – %s") \
	W(COLLECT_OVERVIEW, "Oversikt", "Oversikt", "Overview") \
	W(COLLECT_MEASURES, "Tiltak", "Tiltak", "Measures") \
	W(COLLECT_ANSWERED, "Besvart", "Svara", "Answered") \
	W(COLLECT_MISSING, "Mangler", "Manglar", "Missing") \
	W(COLLECT_FILES, "Statusfiler", "Statusfiler", "Status files") \
	W(COLLECT_CONFLICTS, "Motstrid", "Motstrid", "Conflicts") \
	W(COLLECT_TEXT, "Tekst", "Tekst", "Text") \
	W(COLLECT_UNANSWERED, "Tiltak uten status", "Tiltak utan status", "Measures without status") \
	W(COLLECT_UNDATED, "udatert", "udatert", "undated") \
	W(COLLECT_LATE, "for sent", "for seint", "late") \
	W(COLLECT_SUMMARY, "%s: status %d, %zu av %zu eiere har svart for alle tiltak", "%s: status %d, %zu av %zu eigarar har svart for alle tiltak", "%s: status %d, %zu of %zu owners have answered every measure") \
	W(COLLECT_DEADLINE, "frist", "frist", "deadline") \
	W(COLLECT_OWNER_ANSWERED, "%zu av %zu tiltak besvart", "%zu av %zu tiltak svara", "%zu of %zu measures answered") \
	W(COLLECT_FILES_LINE, "filer", "filer", "files") \
	W(COLLECT_NONE, "ingen", "ingen", "none") \
	W(COLLECT_MISSING_LINE, "mangler", "manglar", "missing") \
	W(COLLECT_LATE_ONE, "for sent: 1 fil etter %s", "for seint: 1 fil etter %s", "late: 1 file after %s") \
	W(COLLECT_LATE_MANY, "for sent: %zu filer etter %s", "for seint: %zu filer etter %s", "late: %zu files after %s") \
	W(COLLECT_CONFLICTS_LINE, "motstrid", "motstrid", "conflicts") \
	W(COLLECT_INVALID, "ugyldig, ikke talt med (se meldingene)", "ugyldig, ikkje rekna med (sjå meldingane)", "invalid, not counted (see the messages)") \
	W(COLLECT_OTHER_YEAR, "en statusfil for %d, ikke talt med for %d", "ei statusfil for %d, ikkje rekna med for %d", "a %d status file, not counted for %d") \
	W(COLLECT_WROTE, "skrev %s", "skreiv %s", "wrote %s")

#endif
