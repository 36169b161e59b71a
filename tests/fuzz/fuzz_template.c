/* fuzz_template.c: libFuzzer harness for a report template file: read and
 * checked like `validate -t`, then the sample plan's report built with it
 * and rendered in every format, so that every size, colour and section a
 * template may set reaches the layout.  A template is read from a file
 * (its logo is found beside it), so each input is written to a private
 * folder first.  Built by `make fuzz`; run by `make fuzz-template`. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_common.h"

static xmlin_schema *tschema;
static plan *sample;
static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	diag d;
	diag_init(&d);
	if (template_schema_load(&tschema, &d) != SR_OK)
		abort();
	diag_free(&d);
	sample = fuzz_sample_plan();
	char dir[] = "/tmp/sr-fuzz-template-XXXXXX";
	if (!mkdtemp(dir))
		abort();
	snprintf(path, sizeof path, "%s/template.xml", dir);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	diag d;
	diag_init(&d);
	template *t = NULL;
	if (template_load(&t, tschema, path, &d) == SR_OK) {
		template_check_palette(t, &d);
		fuzz_render_all(sample, t, &d);
	}
	template_free(t);
	diag_free(&d);
	return 0;
}
