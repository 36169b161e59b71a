/* odfzip.h: an OpenDocument package (zip) built in memory, byte-for-byte
 * deterministic: mimetype first, STORED, without extra field; the other
 * parts DEFLATED in the order given; every entry's DOS time from `created`
 * converted in UTC (not the machine's time zone).  Shared by the ODT
 * backend, the ODS writer and the DOCX backend (which has no mimetype).  Knows nothing of the parts' contents. */
#ifndef ODFZIP_H
#define ODFZIP_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <zlib.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/sr.h"

/* A part deflated while it is being written, so that it is never held
 * whole: a long report's content.xml is ~120 MB of XML at 50,000 measures
 * and ~6 MB deflated.  Zero-initialise; feed it what the writer has put in
 * a buf so far (the buf is emptied), end with finish set; free with
 * odfzip_deflated_free.  Deflated as odfzip_build deflates (raw, level 3),
 * its bytes go into the package as they are. */
typedef struct odfzip_deflated {
	z_stream zs;
	int started, ended, failed;
	buf z;             /* the deflated bytes */
	uint32_t crc;      /* of the part's bytes */
	uint64_t size;     /* the part's bytes */
} odfzip_deflated;

/* Deflate in's bytes into p and empty in; finish: that was the last of
 * them.  0, or -1 (out of memory, or over z's cap) and p->failed; -1 and
 * nothing done after the last. */
int odfzip_deflate(odfzip_deflated *p, buf *in, int finish);
/* While writing: deflate in's bytes once they reach a megabyte, so a
 * part is never held whole.  A failure makes in fail (sticky), and so the
 * writer that fills it. */
void odfzip_deflate_some(odfzip_deflated *p, buf *in);
void odfzip_deflated_free(odfzip_deflated *p);

typedef struct odfzip_part {
	const char *name;  /* "content.xml", "META-INF/manifest.xml" ... */
	const buf *data;   /* must live until odfzip_build returns */
	const odfzip_deflated *z; /* instead of data: deflated and ended */
} odfzip_part;

/* Zip "mimetype" (holding media_type) and parts[0..n) into out (appended);
 * media_type NULL: no mimetype entry, for packages that name their parts'
 * types inside (OOXML's [Content_Types].xml), built the same way.
 * what names the package kind in the failure message ("the ODT package").
 * SR_SYSTEM with a message in d on any zip or memory failure. */
sr_status odfzip_build(const char *media_type, const odfzip_part *parts, size_t n,
		       time_t created, const char *what, buf *out, diag *d);

#endif
