/* odtchart.h: one doc_chart as a native, editable ODF chart object (the
 * parts of an "Object N/" sub-document in an ODT package), strict ODF 1.3.
 * The scale (minimum, maximum, major interval) is chart.c's, as in the
 * PDF; the numbers travel in the chart's own local table. */
#ifndef ODTCHART_H
#define ODTCHART_H

#include "base/buf.h"
#include "doc/chart.h"

/* Write the chart's content.xml, styles.xml and meta.xml into the three
 * bufs (appended; the caller frees them).  w, h: the frame's size in
 * points.  Returns 0, or -1 when memory or the writer failed. */
int odtchart_write(const doc_chart *c, double w, double h, buf *content, buf *styles,
		   buf *meta);

#endif
