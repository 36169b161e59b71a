/* fuzz_status.c: libFuzzer harness for a status file, as one owner sends
 * it: merged into the sample plan, validated, then the report in every
 * format (the annual report, which shows every status, value and summary).
 * Built by `make fuzz`; run by `make fuzz-status`. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "input/plan_xml.h"
#include "input/validate.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag d;
	diag_init(&d);
	plan *p = fuzz_sample_plan();
	if (plan_merge_status_mem(p, fuzz_schema(), "fuzz.xml", (const char *)data, size, &d) ==
		    SR_OK &&
	    validate_plan(p, &d) == SR_OK)
		fuzz_render_all(p, fuzz_annual(), &d);
	plan_free(p);
	diag_free(&d);
	return 0;
}
