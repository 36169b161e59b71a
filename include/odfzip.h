/* odfzip.h: an OpenDocument package (zip) built in memory, byte-for-byte
 * deterministic: mimetype first, STORED, without extra field; the other
 * parts DEFLATED in the order given; every entry's DOS time from `created`
 * converted in UTC (not the machine's time zone).  Shared by the ODT
 * backend and the ODS writer.  Knows nothing of the parts' contents. */
#ifndef ODFZIP_H
#define ODFZIP_H

#include <stddef.h>
#include <time.h>

#include "buf.h"
#include "diag.h"
#include "sr.h"

typedef struct odfzip_part {
	const char *name;  /* "content.xml", "META-INF/manifest.xml" ... */
	const buf *data;   /* must live until odfzip_build returns */
} odfzip_part;

/* Zip "mimetype" (holding media_type) and parts[0..n) into out (appended).
 * what names the package kind in the failure message ("the ODT package").
 * SR_SYSTEM with a message in d on any zip or memory failure. */
sr_status odfzip_build(const char *media_type, const odfzip_part *parts, size_t n,
		       time_t created, const char *what, buf *out, diag *d);

#endif
