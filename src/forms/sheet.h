/* sheet.h: spreadsheets read as plain grids of text -- the sheets of an
 * OpenDocument spreadsheet (.ods, as this tool writes it or as LibreOffice
 * or Excel re-save it) or one CSV file -- for reading filled-in forms.
 *
 * Every file is untrusted: the .ods must be a zip with a spreadsheet
 * mimetype, content.xml is read with at most SHEET_MAX_XML bytes however
 * large the zip claims it is (zip bombs), parsed by xmlin (no DTD, no
 * entities, no network), and repeated rows and columns
 * (table:number-rows-repeated ...) are expanded only for cells with
 * content, up to SHEET_MAX_CELLS.  Rows and columns are 0-based here;
 * sheet_a1 names them the way a person reads them ("F14").
 *
 * Ownership: a sheet_book owns every sheet and string (its arena);
 * sheet_book_free releases them. */
#ifndef SHEET_H
#define SHEET_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/sr.h"

#define SHEET_MAX_XML ((size_t)64 * 1024 * 1024) /* content.xml, uncompressed */
#define SHEET_MAX_CELLS 500000u          /* cells with content, all sheets */
#define SHEET_MAX_ROWS 1048576u          /* LibreOffice's and Excel's limits */
#define SHEET_MAX_COLS 16384u

typedef struct sheet_cell {
	uint32_t row, col;
	const char *text;   /* the text shown, paragraphs joined by "\n"; never NULL */
	const char *value;  /* office:value of a number cell ("45"), else NULL */
} sheet_cell;

typedef struct sheet {
	const char *name;
	sheet_cell *cells;  /* row-major order */
	size_t n, cap;
	/* A CSV's field separator and its number of fields on each row
	 * (widths[row], empty ones too, as a wrong column count cannot be
	 * seen in the cells); 0 and NULL for an .ods sheet. */
	char delim;
	uint32_t *widths;
	size_t nwidths, capwidths;
} sheet;

typedef struct sheet_prop {
	const char *name, *value; /* a meta:user-defined property of an .ods */
} sheet_prop;

typedef struct sheet_book {
	arena a;
	sheet *sheets;
	size_t n, cap;
	size_t ncells;
	sheet_prop *props;  /* from meta.xml; none for a CSV */
	size_t nprops, capprops;
} sheet_book;

void sheet_book_init(sheet_book *b);
void sheet_book_free(sheet_book *b);

/* "A1" style name of a cell: col 0 is A, row 0 is 1. */
void sheet_a1(char *out, size_t n, uint32_t col, uint32_t row);

/* The sheet called name, or NULL. */
const sheet *sheet_find(const sheet_book *b, const char *name);
/* The cell at row, col, or NULL when it is empty. */
const sheet_cell *sheet_get(const sheet *s, uint32_t row, uint32_t col);
/* The text of the cell at row, col without surrounding white space
 * (space, tab, CR, LF), copied into a; NULL when the cell is empty or
 * blank (or a is out of memory). */
const char *sheet_text(arena *a, const sheet *s, uint32_t row, uint32_t col);
/* The first cell with content at or after row, col in reading order
 * (perhaps on a later row), or NULL. */
const sheet_cell *sheet_next(const sheet *s, uint32_t row, uint32_t col);
/* The number of rows up to the last one with content. */
uint32_t sheet_rows(const sheet *s);
/* The value of the document property called name, or NULL. */
const char *sheet_prop_get(const sheet_book *b, const char *name);

/* Read an .ods file's bytes (file names the file in messages), and the
 * user-defined properties of its meta.xml when it has one (at most 1 MB).
 * SR_INVALID with a plain message when it is not an OpenDocument
 * spreadsheet or breaks a limit; SR_SYSTEM for memory. */
sr_status sheet_read_ods(sheet_book *b, const char *file, const void *data, size_t len, diag *d);

/* Read a content.xml (the unit tests use this directly). */
sr_status sheet_read_ods_content(sheet_book *b, const char *file, const char *xml, size_t len,
				 diag *d);

/* Read CSV text as one sheet called sheet_name: delimiter ';', ',' or a
 * tab (whichever occurs most outside quotes in the first lines), "..." quoting
 * with "" for a quote and line breaks inside quotes, CRLF or LF, UTF-8
 * (with or without BOM) or else Windows-1252, converted to UTF-8. */
sr_status sheet_read_csv(sheet_book *b, const char *file, const char *sheet_name,
			 const char *data, size_t len, diag *d);

/* Windows-1252 bytes as UTF-8 into the arena (for the tests too). */
char *sheet_cp1252_to_utf8(arena *a, const char *s, size_t len);

#endif
