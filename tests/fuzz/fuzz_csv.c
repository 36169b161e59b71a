/* fuzz_csv.c: libFuzzer harness for a form's Status sheet saved as CSV
 * (either delimiter, quoting, UTF-8 or Windows-1252), imported against the
 * sample plan; what the import accepts must validate (fuzz_import).
 * Built by `make fuzz`; run by `make fuzz-csv`. */
#include <stddef.h>
#include <stdint.h>

#include "forms/form.h"
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
	if (sheet_read_csv(&b, "fuzz.csv", FORM_SHEET_STATUS, (const char *)data, size, &d) == SR_OK)
		fuzz_import(&b, "fuzz.csv", &d);
	sheet_book_free(&b);
	diag_free(&d);
	return 0;
}
