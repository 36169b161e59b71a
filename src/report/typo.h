/* typo.h: the typographic pass over a finished report tree (private to
 * src/report).
 *
 * The plan's authors type on keyboards: "5%", "2023-2026", "St. Olavs",
 * "2. juni 2023" with ordinary spaces, straight quotes.  The pass sets them
 * as the report's language wants them:
 *   - a no-break space (U+00A0) in a date ("2.|juni|2023"), after a short
 *     abbreviation before a name ("St. Olavs", "jf. tiltak"), between a
 *     number and its unit ("5 prosent", "12 dager");
 *   - "5%" and "5 %": nb/nn write a no-break space before "%", en none;
 *   - an en dash in a range of numbers ("2023-2026" -> "2023–2026"), never
 *     in a date or an id ("2024-01-31", "1.2-3"); and a WORD JOINER
 *     (U+2060, DOC_WORD_JOINER) after an en dash between digits, so that
 *     no format breaks a line inside "2023–2026";
 *   - straight double quotes as the language's: « » in nb and nn, “ ” in
 *     en.
 * Linear in the text; UTF-8 safe (malformed bytes pass through); TEXT
 * nodes change, and a chart's words (without joiners: a chart sets each
 * label on a line of its own), never a link's target or an anchor. */
#ifndef REPORT_TYPO_H
#define REPORT_TYPO_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "doc/doc.h"

/* The typographic form of s[0..len) in language lang ("nb", "nn", "en")
 * appended to out.  *prev is the code point before s (0: the start of a
 * block), which decides whether a quote opens or closes; it is updated to
 * the last code point of s.  Returns 1 when the text changed. */
int typo_text(buf *out, const char *s, size_t len, const char *lang, uint32_t *prev);

/* typo_text over every TEXT node of d, in document order; a changed text
 * is copied into d's arena (the node no longer points at the plan).  After
 * an allocation failure doc_failed(d) says so. */
void typo_doc(doc *d, const char *lang);

#endif
