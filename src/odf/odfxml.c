/* odfxml.c: XML shared by the OpenDocument writers (see odfxml.h). */
#include "odfxml.h"

#include <string.h>

#include "base/sr.h"

void odfxml_ns(xmlw *x)
{
	static const char *const ns[][2] = {
		{"xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
		{"xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
		{"xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
		{"xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
		{"xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"},
		{"xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
		{"xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"},
		{"xmlns:xlink", "http://www.w3.org/1999/xlink"},
		{"xmlns:chart", "urn:oasis:names:tc:opendocument:xmlns:chart:1.0"},
		{"xmlns:number", "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"},
		{"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
		{"xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"},
		{"xmlns:config", "urn:oasis:names:tc:opendocument:xmlns:config:1.0"},
		{"xmlns:of", "urn:oasis:names:tc:opendocument:xmlns:of:1.2"},
	};
	for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++)
		xmlw_attr(x, ns[i][0], ns[i][1]);
	xmlw_attr(x, "office:version", ODF_VERSION);
}

/* One meta:keyword per comma-separated keyword, trimmed. */
static void keywords(xmlw *x, const char *p)
{
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		const char *e = p;
		while (*e && *e != ',')
			e++;
		const char *end = e;
		while (end > p && end[-1] == ' ')
			end--;
		if (end > p) {
			xmlw_start(x, "meta:keyword");
			xmlw_text(x, p, (size_t)(end - p));
			xmlw_end(x);
		}
		p = e;
	}
}

int odfxml_meta_write(xmlw *x, buf *out, const odfxml_meta *m)
{
	char when[32];
	struct tm tm;
	time_t t = m->created;
	if (!gmtime_r(&t, &tm) || !strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm))
		strcpy(when, "1970-01-01T00:00:00Z");
	xmlw_open(x, out);
	xmlw_start(x, "office:document-meta");
	odfxml_ns(x);
	xmlw_start(x, "office:meta");
	xmlw_elem(x, "meta:generator", "statusrapport/" SR_VERSION);
	xmlw_elem(x, "dc:title", m->title);
	xmlw_elem(x, "dc:subject", m->subject);
	if (m->keywords)
		keywords(x, m->keywords);
	xmlw_elem(x, "meta:initial-creator", m->author);
	xmlw_elem(x, "dc:creator", m->author);
	xmlw_elem(x, "meta:creation-date", when);
	xmlw_elem(x, "dc:date", when);
	xmlw_elem(x, "dc:language", m->language);
	for (size_t i = 0; i < m->nuser; i++) {
		xmlw_start(x, "meta:user-defined");
		xmlw_attr(x, "meta:name", m->user_names[i]);
		xmlw_puts(x, m->user_values[i]);
		xmlw_end(x);
	}
	xmlw_end(x);
	xmlw_end(x);
	return xmlw_close(x);
}

void odfxml_style_open(xmlw *x, const char *name, const char *family)
{
	xmlw_start(x, "style:style");
	xmlw_attr(x, "style:name", name);
	xmlw_attr(x, "style:family", family);
}

void odfxml_config_item(xmlw *x, const char *name, const char *type, const char *value)
{
	xmlw_start(x, "config:config-item");
	xmlw_attr(x, "config:name", name);
	xmlw_attr(x, "config:type", type);
	xmlw_puts(x, value);
	xmlw_end(x);
}

const char *const odfxml_part_name[ODF_NPARTS] = {
	"content.xml", "styles.xml", "meta.xml", "settings.xml", "META-INF/manifest.xml",
};

void odfxml_manifest_start(xmlw *x, const char *media_type)
{
	xmlw_start(x, "manifest:manifest");
	xmlw_attr(x, "xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
	xmlw_attr(x, "manifest:version", ODF_VERSION);
	odfxml_manifest_entry(x, "/", media_type, 1);
	for (int i = 0; i < ODF_PART_MANIFEST; i++)
		odfxml_manifest_entry(x, odfxml_part_name[i], "text/xml", 0);
}

void odfxml_manifest_entry(xmlw *x, const char *path, const char *media_type, int versioned)
{
	xmlw_start(x, "manifest:file-entry");
	xmlw_attr(x, "manifest:full-path", path);
	if (versioned)
		xmlw_attr(x, "manifest:version", ODF_VERSION);
	xmlw_attr(x, "manifest:media-type", media_type);
	xmlw_end(x);
}
