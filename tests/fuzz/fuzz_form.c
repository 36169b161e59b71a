/* fuzz_form.c: libFuzzer harness for a filled-in form as an .ods file (the
 * zip, its content.xml and meta.xml, all untrusted), imported against the
 * sample plan; what the import accepts must validate (fuzz_import).
 * Built by `make fuzz`; run by `make fuzz-form`. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"

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
	sheet_book b;
	sheet_book_init(&b);
	if (sheet_read_ods(&b, "fuzz.ods", data, size, &d) == SR_OK)
		fuzz_import(&b, "fuzz.ods", &d);
	sheet_book_free(&b);
	diag_free(&d);
	return 0;
}
