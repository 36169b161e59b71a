/* fuzz_plan.c: libFuzzer harness for a plan file: parse + schema +
 * validation, then the report in every format of the table.
 * Built by `make fuzz`; run by `make fuzz-plan` (or, with the other input
 * kinds, `make fuzz-run`) on a corpus seeded from samples/ and tests/bad/. */
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
	plan *p = NULL;
	if (plan_read_mem(&p, fuzz_schema(), "fuzz.xml", (const char *)data, size, &d) == SR_OK &&
	    validate_plan(p, &d) == SR_OK)
		fuzz_render_all(p, fuzz_annual(), &d);
	plan_free(p);
	diag_free(&d);
	return 0;
}
