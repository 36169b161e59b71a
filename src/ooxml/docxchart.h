/* docxchart.h: a doc_chart as a DrawingML chart part (word/charts/chartN.xml)
 * with its numbers cached inside, so Word and LibreOffice draw it without an
 * embedded workbook.  Mirrors odtchart.c: the same scale, colours and
 * series (baseline, target and expected path as series of their own). */
#ifndef DOCXCHART_H
#define DOCXCHART_H

#include "base/buf.h"
#include "doc/chart.h"

/* Write the chart part for c into out (appended).  lang: BCP 47 tag of the
 * document, may be NULL.  Returns 0, or -1 when memory (or out's cap) ran
 * out; out then holds a partial part. */
int docxchart_write(const doc_chart *c, const char *lang, buf *out);

#endif
